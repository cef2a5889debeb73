"""The zh_CN translation is complete and current, and no UI text bypasses it.

``packaging/translations.py --check`` re-extracts the strings from the code and compiles the
catalog in a scratch folder: a string added without a translation, one removed from the
code, or a ``.qm`` not compiled from the current ``.ts`` fails here. A string written
straight into a widget (``QLabel("Bias")``) never reaches the catalog: the scan below finds
those, so the sweep of the windows in zh_CN is not the only guard.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "neurosim" / "ui"

# Qt calls and constructors whose string arguments people read
TEXT_CALLS = {
    "setText", "setToolTip", "setStatusTip", "setWhatsThis", "setWindowTitle", "setTitle",
    "setPlaceholderText", "setLabelText", "setTabText", "setTabToolTip", "addTab", "addItem",
    "addItems", "insertItem", "showMessage", "setHorizontalHeaderLabels", "setHeaderLabels",
    "setSpecialValueText", "setSuffix", "setPrefix", "setInformativeText", "setDetailedText",
    "setInfoText", "addMenu", "addAction", "setLabel", "information", "warning",
    "critical", "question", "getOpenFileName", "getSaveFileName", "getExistingDirectory",
    "QAction", "QLabel", "QPushButton", "QToolButton", "QCheckBox", "QRadioButton",
    "QGroupBox", "QMenu", "QDockWidget", "QMessageBox", "QWidgetAction", "QToolBar",
}  # fmt: skip
WORD = re.compile(r"[A-Za-z]{2,}")
MARKUP = re.compile(r"<[^>]*>|&[a-z]+;")
# pyqtgraph's axis names, units and ids handed to the same calls
NOT_WORDS = {"bottom", "left", "right", "top", "pt", "px", "builtin", "neurosim"}
# Not language: names, file patterns, style sheets, keys
UNTRANSLATED = re.compile(
    r"^(NeuroSim|ReLU|tanh|XOR|CSV|PNG|PDF|SVG|HTML|JSON|Ctrl\+.*|Shift\+.*|[^ ]*\*\.[a-z].*)$"
)


def test_the_catalog_is_complete_and_current() -> None:
    script = ROOT / "packaging" / "translations.py"
    done = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, (
        "the translations are stale (run python packaging/translations.py, translate what it"
        f" lists in Qt Linguist):\n{done.stdout}{done.stderr}"
    )


def _literal_texts(node: ast.Call) -> list[str]:
    found = []
    for arg in [*node.args, *(k.value for k in node.keywords)]:
        if isinstance(arg, ast.JoinedStr):  # its own words, not the values put in it
            parts = [v.value for v in arg.values if isinstance(v, ast.Constant)]
            if _has_words(" ".join(map(str, parts))):
                found.append(ast.unparse(arg))
        elif isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            if _has_words(arg.value) and not UNTRANSLATED.match(arg.value.strip()):
                found.append(arg.value)
    return found


def _has_words(text: str) -> bool:
    plain = MARKUP.sub(" ", text)
    return any(w.lower() not in NOT_WORDS for w in WORD.findall(plain))


def _called_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def untranslated_texts(path: Path) -> list[str]:
    """``file:line text`` for each literal handed straight to a Qt text call in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
    return [
        f"{where}:{node.lineno} {text!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and _called_name(node) in TEXT_CALLS
        for text in _literal_texts(node)
    ]


def test_no_ui_text_bypasses_the_translation() -> None:
    found = [line for path in sorted(UI.rglob("*.py")) for line in untranslated_texts(path)]
    assert not found, "text shown without translate():\n" + "\n".join(found)


def uncounted_plurals(path: Path) -> list[str]:
    """``file:line`` for each ``translate(context, text, comment, n)`` whose count is not a
    plain name: pyside6-lupdate skips such a call without a word (its string never reaches
    the catalog), so the count must be put in a variable first."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
    return [
        f"{where}:{node.lineno}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and _called_name(node) in ("translate", "tr")
        and len(node.args) == (4 if _called_name(node) == "translate" else 3)
        and not isinstance(node.args[-1], ast.Name)
    ]


def test_every_counted_text_reaches_the_catalog() -> None:
    found = [line for path in sorted(UI.rglob("*.py")) for line in uncounted_plurals(path)]
    assert not found, "a count lupdate cannot see (use a plain variable):\n" + "\n".join(found)


def test_the_scan_finds_a_literal_label(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'label = QLabel("Bias")\nok = QLabel(translate("X", "Bias"))\n'
        'tip = w.setToolTip(f"weight {w}")\nkey = QAction(QKeySequence("Ctrl+S"))\n'
    )
    assert untranslated_texts(sample) == ["sample.py:1 'Bias'", "sample.py:3 \"f'weight {w}'\""]
    sample.write_text('a = translate("C", "%n x", "", t.n)\nb = translate("C", "%n x", "", n)\n')
    assert uncounted_plurals(sample) == ["sample.py:1"]
