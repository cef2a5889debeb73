"""The one sanitiser for the little HTML a file may hold: exercise instructions and notes.

Everything else read from a file (labels, titles, goal names, hints) is shown as plain text.
Instructions and lesson notes may hold a few formatting tags; what passes is decided here,
by an allow-list of tags **and** of attributes, with one HTML tokeniser for both uses:

- :func:`markup_problem` (the loaders): the first tag or attribute that is not allowed,
  in words, or None;
- :func:`sanitise` (the views, right before ``setHtml``): the text rebuilt from the allowed
  tags and attributes only, everything else escaped as text; comments, processing
  instructions and declarations are dropped. No ``src``, ``style`` or ``href`` ever passes,
  so an ``<img src=…>`` or a ``url(…)`` in a style cannot make Qt load a file.

Pure Python, no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

#: allowed attributes: tag → {attribute: the pattern its whole value must match}
Attributes = Mapping[str, Mapping[str, str]]
#: what instructions and notes may carry beyond bare tags: a list's first number
LIST_ATTRIBUTES: Attributes = {"ol": {"start": r"[0-9]{1,4}"}}


class _Tokens(HTMLParser):
    """Splits markup into ("start"/"end", tag, attributes, raw) and ("text", text) items."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[tuple[str, str, list[tuple[str, str | None]], str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.items.append(("start", tag, attrs, self.get_starttag_text() or ""))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.items.append(("end", tag, [], f"</{tag}>"))

    def handle_data(self, data: str) -> None:
        self.items.append(("text", data, [], data))


def _tokens(text: str) -> Iterator[tuple[str, str, list[tuple[str, str | None]], str]]:
    parser = _Tokens()
    parser.feed(text)
    parser.close()
    yield from parser.items


def _attribute_allowed(tag: str, name: str, value: str | None, attributes: Attributes) -> bool:
    pattern = attributes.get(tag, {}).get(name)
    return pattern is not None and value is not None and re.fullmatch(pattern, value) is not None


@dataclass(frozen=True)
class MarkupProblem:
    """A tag that is not allowed (``attribute`` None) or an attribute that is not."""

    tag: str
    attribute: str | None
    raw: str  # the tag as written, e.g. '<div style="…">'

    def __str__(self) -> str:
        if self.attribute is None:
            return f"the tag <{self.tag}> is not supported"
        return f"the attribute {self.attribute} on <{self.tag}> is not allowed"


def markup_problem(
    text: str, tags: Collection[str], attributes: Attributes = LIST_ATTRIBUTES
) -> MarkupProblem | None:
    """The first tag or attribute of ``text`` that is not allowed, or None."""
    for kind, tag, attrs, raw in _tokens(text):
        if kind == "text":
            continue
        if tag not in tags:
            return MarkupProblem(tag, None, raw)
        for name, value in attrs:
            if not _attribute_allowed(tag, name, value, attributes):
                return MarkupProblem(tag, name, raw)
    return None


def allowed_attributes(attributes: Attributes = LIST_ATTRIBUTES) -> str:
    """ "start on <ol>" (what a message lists)."""
    return ", ".join(f"{a} on <{t}>" for t, names in attributes.items() for a in names) or "none"


def sanitise(text: str, tags: Collection[str], attributes: Attributes = LIST_ATTRIBUTES) -> str:
    """``text`` with only the allowed tags and attributes as markup; any other tag is shown
    as the text it was, and nothing else survives as markup (see the module docstring)."""
    out: list[str] = []
    for kind, tag, attrs, raw in _tokens(text):
        if kind == "text":
            out.append(escape(raw, quote=False))
        elif tag not in tags:
            out.append(escape(raw, quote=False))
        elif kind == "end":
            out.append(f"</{tag}>")
        else:
            kept = "".join(
                f' {name}="{escape(value or "")}"'
                for name, value in attrs
                if _attribute_allowed(tag, name, value, attributes)
            )
            out.append(f"<{tag}{kept}>")
    return "".join(out)
