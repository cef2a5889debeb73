"""Text from files shown as the text it is, where Qt would guess it to be HTML.

Message boxes, tooltips and labels in their default (auto) format render a text as rich
text when its first line holds something like a tag: a neuron id ``<img src=/etc/x.png>``
quoted in an error message would load that picture. Labels that show names are set to
``Qt.PlainText``; where the format cannot be set (Qt's static message boxes, item tooltips)
:func:`as_text` makes the text safe.
"""

from __future__ import annotations

from html import escape

from PySide6.QtGui import Qt


def as_text(text: str) -> str:
    """``text`` unchanged when Qt shows it as plain text anyway; else escaped HTML that
    reads exactly as ``text`` (lines kept)."""
    if not Qt.mightBeRichText(text):
        return text
    return "<p>" + escape(text, quote=False).replace("\n", "<br>") + "</p>"
