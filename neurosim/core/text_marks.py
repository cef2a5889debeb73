"""A Qt-free marker for core text the window shows translated.

``QT_TRANSLATE_NOOP("Context", "text")`` returns ``text`` unchanged (the command line and
the tests read English), and ``pyside6-lupdate`` finds the call by its name and puts the
text in the catalog; ``neurosim/ui/core_text.py`` translates it where it is shown. Text
with values is a template with named placeholders (``"{name} — exercise"``), filled after
translating. The context names the kind of text (``Activations``, ``Diagnosis`` …).
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802  (the name lupdate knows)
    """``text``, marked for translation in ``context``."""
    return text
