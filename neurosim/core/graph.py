"""Small graph helpers shared by the model, the loader and the layout."""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence


def find_path(successors: Mapping[str, Sequence[str]], start: str, goal: str) -> list[str] | None:
    """Shortest path ``start … goal`` following ``successors``, or None (breadth-first)."""
    if start == goal:
        return [start]
    parent: dict[str, str] = {}
    queue = deque([start])
    seen = {start}
    while queue:
        node = queue.popleft()
        for nxt in successors.get(node, ()):
            if nxt in seen:
                continue
            parent[nxt] = node
            if nxt == goal:
                path = [goal]
                while path[-1] != start:
                    path.append(parent[path[-1]])
                return path[::-1]
            seen.add(nxt)
            queue.append(nxt)
    return None
