"""File ▸ Export as Code: the network as a NumPy script or a PyTorch module.

The script is what ``neurosim export`` writes (:mod:`neurosim.core.export`): weights as
literals, and run on its own it prints what ``neurosim eval`` prints. The file is written
atomically; a failure says why and writes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from neurosim.core.fileformat import write_atomic
from neurosim.core.shipped import is_shipped
from neurosim.ui.document import Document
from neurosim.ui.i18n import translate
from neurosim.ui.plain_text import as_text

#: target -> (menu text, status tip, file-name ending, the save dialog's title); the
#: texts are translated where they are shown (context "CodeExportUI")
TARGETS = {
    "numpy": (
        QT_TRANSLATE_NOOP("CodeExportUI", "Python (&NumPy)…"),
        QT_TRANSLATE_NOOP(
            "CodeExportUI",
            "Save the network as a Python script using NumPy: forward(x) for a batch of inputs",
        ),
        "",
        QT_TRANSLATE_NOOP("CodeExportUI", "Export as Python (NumPy)"),
    ),
    "torch": (
        QT_TRANSLATE_NOOP("CodeExportUI", "&PyTorch Module…"),
        QT_TRANSLATE_NOOP(
            "CodeExportUI",
            "Save the network as a PyTorch nn.Module whose weights train with loss.backward()",
        ),
        "_torch",
        QT_TRANSLATE_NOOP("CodeExportUI", "Export as PyTorch Module"),
    ),
}


class CodeExportUI(QObject):
    """The File ▸ Export as Code menu and the exporting it does."""

    def __init__(
        self,
        window: QWidget,
        document: Document,
        start_dir: Callable[[], str],
        status: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.document = document
        self.start_dir = start_dir
        self.status = status
        self.menu = QMenu(translate("CodeExportUI", "Export as &Code"), window)
        self.menu.setToolTipsVisible(True)
        self.actions: dict[str, QAction] = {}
        for target, (text, tip, _ending, _title) in TARGETS.items():
            action = self.menu.addAction(translate("CodeExportUI", text))
            tip = translate("CodeExportUI", tip)
            action.setStatusTip(tip)
            action.setToolTip(tip)
            action.triggered.connect(lambda _c=False, t=target: self.export_dialog(t))
            self.actions[target] = action

    def suggested_path(self, target: str) -> str:
        stem = re.sub(r"[^\w]+", "_", self.document.title.lower()).strip("_") or "network"
        return str(Path(self.start_dir()) / f"{stem}{TARGETS[target][2]}.py")

    def export_dialog(self, target: str) -> bool:
        title = translate("CodeExportUI", TARGETS[target][3])
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            title,
            self.suggested_path(target),
            translate("CodeExportUI", "Python scripts (*.py)"),
        )
        if not path:
            return False
        if not path.lower().endswith(".py"):
            path += ".py"
        return self.export_to(target, path)

    def export_to(self, target: str, path: str | Path) -> bool:
        """Write the script; on failure say why (in a message box) and write nothing."""
        # here, not at the top: the code generators are not needed to start the app
        from neurosim.commands.export import script_name_problem
        from neurosim.core.export import export_code

        problem = script_name_problem(path)
        if problem is None and is_shipped(path):
            problem = translate(
                "CodeExportUI", "it is in NeuroSim's own lessons folder; choose another folder"
            )
        if problem is None:
            try:
                text = export_code(self.document.network, target)
                write_atomic(Path(path), text.encode("utf-8"))
            except OSError as exc:
                problem = exc.strerror or str(exc)
        if problem is not None:
            QMessageBox.critical(
                self.window,
                translate("CodeExportUI", "Cannot export"),
                as_text(f"{path}:\n{problem}"),
            )
            return False
        self.status(
            translate(
                "CodeExportUI",
                "Exported {path}: run it with python to print every neuron's figures",
            ).format(path=path)
        )
        return True
