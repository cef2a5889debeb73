"""Draw on the screen (issue 16 §2): the overlay, its palette and View ▸ Draw on Screen."""
