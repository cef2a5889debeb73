"""View ▸ Truth Table: every 0/1 input combination of the open network, live."""
