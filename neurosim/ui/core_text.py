"""Text that comes from ``neurosim.core`` and the files, in the window's language.

The core stays Qt-free and English (the command line prints it as it is): it marks its
fixed text with ``neurosim.core.text_marks.QT_TRANSLATE_NOOP`` and makes messages with
values from marked templates (``fill("{names} use the step activation: …", names=…)``).
:func:`core_text` translates either where it is shown (a message: its template, then each
value that is core text itself); text a file gives in several languages (``{"en": …,
"zh_CN": …}``, ``neurosim.core.localized_text``) is picked with :func:`localized`.

File errors (``FileFormatError``) stay English: they name JSON keys and paths
(``neurons[3].activation.name: …``) a teacher looks up in docs/file-format.md, so the
window translates the sentence around them ("Cannot open the file") and shows the detail
as the loader wrote it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from neurosim.core.activations import Activation, ParamSpec
from neurosim.core.lesson import ExampleInfo, examples
from neurosim.core.localized_text import LocalizedStr, Text, with_language
from neurosim.core.model import Network
from neurosim.core.shipped import Origin, origin_of
from neurosim.core.text_marks import Marked, Message
from neurosim.ui.i18n import current_language, localized, translate

__all__ = ["edited_hints", "edited_text", "gallery", "localized", "origin_title", "shipped_origin"]


# ------------------------------------------------------------------ the core's text
def core_text(text: str | None) -> str:
    """Core text in the window's language: a marked text translated, a message's template
    translated and filled again (its values translated the same way); other text as is."""
    if isinstance(text, Message):
        template = core_text(text.template)
        values = {k: core_text(v) if isinstance(v, str) else v for k, v in text.values.items()}
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder
            return str(text)
    if isinstance(text, Marked):
        return translate(text.context, text)
    if isinstance(text, LocalizedStr):  # a file's text inside a core message
        return localized(text.texts)
    return text or ""


def activation_title(activation: Activation) -> str:
    """ "Step (Heaviside)" → "阶跃 (Heaviside)"; a formula activation's own title as is."""
    return core_text(activation.title)


def activation_formula(activation: Activation) -> str:
    """ "y = 1 if z ≥ θ, else 0" in words of the window's language; symbols stay."""
    return core_text(activation.formula)


def activation_description(activation: Activation) -> str:
    return core_text(activation.description)


def param_description(spec: ParamSpec) -> str:
    """ "θ: the net input where firing starts" (its symbol before the colon)."""
    return core_text(spec.description)


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
