"""The session's edits with the time each was made, undone or redone: the lab report's
"Edits" section (the undo stack keeps the commands but not when they happened)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject

from neurosim.ui.document import Document

#: the log keeps the newest entries only
MAX_ENTRIES = 2000


class EditLog(QObject):
    """Follows the document's undo stack; ``entries`` are (time "HH:MM:SS", what) pairs.
    A new file (or a replaced network) starts a new log."""

    def __init__(self, document: Document) -> None:
        super().__init__(document)
        self.document = document
        self.entries: list[tuple[str, str]] = []
        # the stack's command texts, kept here: an undo (and the stack's own clearing as it
        # is destroyed) is logged without asking the stack
        self._texts = [document.undo_stack.text(k) for k in range(document.undo_stack.count())]
        self._index = document.undo_stack.index()
        document.undo_stack.indexChanged.connect(self._on_index)
        document.network_replaced.connect(self._on_replaced)

    def _on_index(self, index: int) -> None:
        now = datetime.now().strftime("%H:%M:%S")
        if index > self._index:
            stack = self.document.undo_stack
            # a redo when the stack still holds what it held (a new edit after an undo drops
            # the undone commands; one with the very same text would read as a redo)
            again = stack.count() == len(self._texts) and all(
                stack.text(k) == self._texts[k] for k in range(self._index, index)
            )
            if not again:
                self._texts[self._index :] = [
                    stack.text(k) for k in range(self._index, stack.count())
                ]
            done = self._texts[self._index : index]
            self.entries += [(now, f"Redo: {text}" if again else text) for text in done]
        else:
            undone = reversed(self._texts[index : self._index])
            self.entries += [(now, f"Undo: {text}") for text in undone]
        self._index = index
        del self.entries[:-MAX_ENTRIES]

    def _on_replaced(self) -> None:
        self.entries.clear()
        stack = self.document.undo_stack
        self._texts = [stack.text(k) for k in range(stack.count())]
        self._index = stack.index()
