"""What an id or a label may hold: plain text, no control or bidirectional characters.

Control characters (NUL, newline, escape, DEL, C1) and the bidirectional embeddings,
overrides and isolates make text read in another order than it is stored: a label could
spoof another's name in a ``check`` report. The model refuses them (``Network.add_neuron``,
``set_label``), and so does the loader, naming the place (``fileformat.saveable``).
"""

from __future__ import annotations

import re

_NOT_IN_NAMES = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def name_problem(text: str) -> str | None:
    """Why ``text`` cannot be an id or a label, or None: "holds a control character
    (U+0000)…", "holds a bidirectional control character (U+202E)…"."""
    match = _NOT_IN_NAMES.search(text)
    if match is None:
        return None
    code = ord(match.group())
    if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        return (
            f"holds a bidirectional control character (U+{code:04X}), which can make text "
            "read in another order than it is written; ids and labels are plain text"
        )
    return f"holds a control character (U+{code:04X}); ids and labels are plain text"
