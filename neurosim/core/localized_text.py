"""Text a file gives in several languages: ``"title": {"en": "…", "zh_CN": "…"}``.

A lesson's title, description and notes, and an exercise's instructions, hints and goal
titles may each be a plain string (one language, as version 1 files have them) or a mapping
of language codes to text; a mapping needs the English text, which the command line, the
reports and every language without its own entry use. Files with such a mapping are written
as version 2 (see docs/file-format.md). The window picks its language's entry with
``neurosim.ui.i18n.localized``; editing in the window changes only that entry
(:func:`with_language`). Pure Python.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from neurosim.core.validate import FileFormatError, shown

#: the language codes a file may use (the languages NeuroSim is translated into)
LANGUAGE_CODES = ("en", "zh_CN")
ENGLISH = "en"
#: a file's text: one string, or language code → string (always with "en")
Text = str | dict[str, str]


def check_text(value: Any, where: str, check: Callable[[str, str], object] | None = None) -> Text:
    """``value`` when it is a string or a mapping of known language codes to strings, each
    passed to ``check(text, where)`` (``where`` names the entry: ``notes.zh_CN``); else
    :class:`FileFormatError` naming the place. A mapping is returned as a new dict."""
    if isinstance(value, str):
        if check is not None:
            check(value, where)
        return value
    if not isinstance(value, Mapping):
        raise FileFormatError(
            f"{where}: expected a string, got {shown(value)} "
            f'(text in several languages is an object: {{"en": …, "zh_CN": …}})'
        )
    for code, text in value.items():
        if code not in LANGUAGE_CODES:
            raise FileFormatError(
                f"{where}: unknown language {shown(code)}; known: {', '.join(LANGUAGE_CODES)}"
            )
        if not isinstance(text, str):
            raise FileFormatError(f"{where}.{code}: expected a string, got {shown(text)}")
    if ENGLISH not in value:
        raise FileFormatError(f"{where}: the English text ('{ENGLISH}') is missing")
    out = {code: value[code] for code in value}
    if check is not None:
        for code, text in out.items():
            check(text, f"{where}.{code}")
    return out


def english(text: Text | None) -> str:
    """The English of ``text`` (the command line, reports, tests): a string as it is."""
    return in_language(text, ENGLISH)


def in_language(text: Text | None, code: str) -> str:
    """``text`` in language ``code``, else its English, else its first text; "" for None."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    for wanted in (code, ENGLISH):
        if text.get(wanted):
            return text[wanted]
    return next((t for t in text.values() if t), "")


def with_language(text: Text | None, code: str, new: str) -> Text:
    """``text`` with its ``code`` entry replaced by ``new`` (an edit in the window): a plain
    string stays plain when the edit is English, else becomes ``{"en": old, code: new}``."""
    if isinstance(text, dict):
        return {**text, code: new}
    if code == ENGLISH:
        return new
    return {ENGLISH: text or "", code: new}


class LocalizedStr(str):
    """A file's text as a string holding its English, that remembers every language
    (``texts``): for messages the core builds around it (the window shows its language)."""

    texts: dict[str, str]


def as_str(text: Text) -> str:
    """``text`` as a string for a message: its English, remembering the other languages."""
    if isinstance(text, str):
        return text
    out = LocalizedStr(english(text))
    out.texts = dict(text)
    return out


def is_localized(text: object) -> bool:
    """Is ``text`` a mapping of languages (what makes a file version 2)?"""
    return isinstance(text, dict)


def has_localized_text(meta: Mapping[str, Any], extra: Mapping[str, Any]) -> bool:
    """Does a network's ``meta`` or kept sections hold text in several languages? (Read
    from the raw sections, so an exercise section never parsed still counts.)"""
    texts: list[object] = [meta.get("title"), meta.get("description"), extra.get("notes")]
    exercise = extra.get("exercise")
    if isinstance(exercise, Mapping):
        texts.append(exercise.get("instructions"))
        hints = exercise.get("hints")
        texts.extend(hints if isinstance(hints, list) else [])
        goals = exercise.get("goals")
        for goal in goals if isinstance(goals, list) else []:
            texts.append(goal.get("title") if isinstance(goal, Mapping) else None)
    return any(is_localized(t) for t in texts)
