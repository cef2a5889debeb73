"""The window's language: Qt's translators for NeuroSim's own text and Qt's dialogs.

Every string a user reads goes through :func:`translate` (or ``self.tr`` in a QObject
that is never subclassed) so ``pyside6-lupdate`` finds it: ``translate("Context", "text")``
with the string written out in the call, never an f-string or a concatenation; values go
in afterwards with ``.format(...)``, and counts as ``translate("Context", "%n neuron(s)",
"", n)`` so each language writes its own plurals. Text made at import time is marked
with ``QT_TRANSLATE_NOOP("Context", "text")`` and translated where it is shown.

The language follows the system (``QLocale``) unless Preferences chose one; it is read
once at start (a choice made later applies after a restart, as the dialog says).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from neurosim.core.localized_text import Text, in_language
from neurosim.paths import resource_path

translate = QCoreApplication.translate

#: the languages offered (code → its own name, as a chooser shows it)
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
SYSTEM = "system"  # the setting's value for "as the system"
SETTING = "language"
ENVIRONMENT = "NEUROSIM_LANG"  # overrides the setting: scripted screenshots and tests
CATALOG = "neurosim_{}.qm"  # in resources/i18n
QT_CATALOGS = ("qtbase",)  # Qt's own dialogs and buttons (Cancel, OK, Save …)

_installed: list[QTranslator] = []


def system_language() -> str:
    """The offered language nearest the system's: zh_* → zh_CN, anything else → en."""
    for name in QLocale.system().uiLanguages():
        code = name.replace("-", "_")
        if code.startswith("zh"):
            return "zh_CN"
        if code.startswith("en"):
            return "en"
    return "en"


def chosen_language(settings: QSettings | None = None) -> str:
    """The language to start in: $NEUROSIM_LANG, else the Preferences choice, else the system's."""
    wanted = os.environ.get(ENVIRONMENT, "")
    if not wanted:
        stored = (settings or QSettings()).value(SETTING, SYSTEM)
        wanted = stored if isinstance(stored, str) else SYSTEM
    if wanted in LANGUAGES:
        return wanted
    return system_language()


_current = ["en"]


def current_language() -> str:
    """The language the running app was started in ("en" when no catalog is installed)."""
    return _current[0]


def install_language(language: str) -> bool:
    """Install the translators for ``language`` on the running application (replacing
    any installed before); False when its catalog is missing (then the text stays English).
    English has a catalog too: the plural forms of counted strings ("1 epoch", "3 epochs")."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_language needs a QCoreApplication")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current[0] = "en"
    ours = QTranslator(app)
    if not ours.load(str(catalog_path(language))):
        return language == "en"  # English reads from the code, with "(s)" for counts
    # English's catalog holds its plural forms only; Qt's dialogs are English already
    found = [ours, *(_qt_translators(language) if language != "en" else ())]
    for translator in found:
        app.installTranslator(translator)
    _installed.extend(found)
    _current[0] = language
    return True


def catalog_path(language: str) -> Path:
    """The compiled catalog (``.qm``) of ``language`` in resources/i18n."""
    return resource_path("i18n") / CATALOG.format(language)


def _qt_translators(language: str) -> Iterable[QTranslator]:
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for catalog in QT_CATALOGS:
        translator = QTranslator(QCoreApplication.instance())
        if translator.load(f"{catalog}_{language}", folder):
            yield translator


def localized(text: Text | None) -> str:
    """A file's text in the window's language (``core.localized_text.in_language``)."""
    return in_language(text, _current[0])
