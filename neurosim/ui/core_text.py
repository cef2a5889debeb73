"""Text that comes from ``neurosim.core`` and the files, in the window's language.

The core stays Qt-free and English (the command line prints it as it is): it marks its
fixed text with ``neurosim.core.text_marks.QT_TRANSLATE_NOOP`` and writes messages with
values as templates (``"{name} — exercise"``). The functions here translate that text
where it is shown; text a file gives in several languages (``{"en": …, "zh_CN": …}``,
``neurosim.core.localized_text``) is picked with :func:`localized`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from neurosim.core.lesson import ExampleInfo, examples
from neurosim.core.localized_text import Text, with_language
from neurosim.core.model import Network
from neurosim.core.shipped import Origin, origin_of
from neurosim.ui.i18n import current_language, localized, translate

__all__ = ["edited_hints", "edited_text", "gallery", "localized", "origin_title", "shipped_origin"]


# ------------------------------------------------------------------ files' own text
def gallery(folder: Path | None = None) -> list[ExampleInfo]:
    """The examples (or, with ``folder``, the exercises) with titles and descriptions in
    the window's language."""
    return examples(folder, current_language())


def shipped_origin(path: str | Path, network: Network | None = None) -> Origin | None:
    """:func:`neurosim.core.shipped.origin_of`, named in the window's language."""
    return origin_of(path, network, language=current_language())


def origin_title(origin: Origin) -> str:
    """ "03b 为什么 XOR 需要隐藏层 — 来自示例库": a lesson copy's title, translated."""
    return translate("Origin", origin.title_template).format(name=origin.name)


def edited_text(original: Text | None, new: str) -> Text:
    """A file's text after the window edited it: only the window language's entry changes
    (other languages are kept); new text, or text the edit left alone, stays as it was."""
    if not original:
        return new
    if localized(original) == new:
        return original
    return with_language(original, current_language(), new)


def edited_hints(original: Sequence[Text], new: list[str]) -> list[Text]:
    """Hints after an edit: entry by entry as :func:`edited_text` while their number stays;
    a different number of hints is new text in one language."""
    if len(original) != len(new):
        return list(new)
    return [edited_text(old, text) for old, text in zip(original, new, strict=True)]
