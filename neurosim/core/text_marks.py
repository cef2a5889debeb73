"""Core text the window shows translated, marked without Qt.

``QT_TRANSLATE_NOOP("Context", "text")`` gives ``text`` back as a :class:`Marked` string
that remembers its context; ``pyside6-lupdate`` finds the call by its name and puts the text
in the catalog. Text with values is a :class:`Message` made by :func:`fill` from a marked
template with named placeholders (``fill(QT_TRANSLATE_NOOP("Diagnosis", "training diverged
at epoch {epoch}"), epoch=3)``). Both are ordinary strings holding the English, so the
command line, the logs and the tests read them as before; ``neurosim/ui/core_text.py``
translates them where the window shows them (the template first, then the values).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


class Marked(str):
    """A marked text (its English); ``context`` is its translation context."""

    context: str = ""


class Message(str):
    """English text made from a marked ``template`` and ``values`` (some of which may be
    messages themselves): the window translates the template and fills it again."""

    template: str = ""
    values: Mapping[str, object] = {}


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802  (the name lupdate knows)
    """``text``, marked for translation in ``context`` (as a :class:`Marked` string)."""
    marked = Marked(text)
    marked.context = context
    return marked


def fill(template: str, **values: object) -> str:
    """``template.format(**values)`` as a :class:`Message` that remembers how it was made."""
    message = Message(template.format(**values))
    message.template = template
    message.values = values
    return message


def joined(separator: str, parts: Sequence[str]) -> str:
    """``separator.join(parts)`` as a :class:`Message`, so each part is translated too."""
    names = [f"p{k}" for k in range(len(parts))]
    template = separator.replace("{", "{{").replace("}", "}}").join(f"{{{n}}}" for n in names)
    return fill(template, **dict(zip(names, parts, strict=True)))


def message_of(error: BaseException) -> str:
    """The message an exception was raised with (a :class:`Message` stays one, so the
    window can translate it), else its text."""
    first = error.args[0] if error.args else None
    return first if isinstance(first, str) else str(error)
