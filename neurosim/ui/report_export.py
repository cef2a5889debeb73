"""File ▸ Export Report…: the lab report (:mod:`neurosim.core.report`) with what only the
window knows — its visible plots as pictures, the training run of this session, the
exercise's live check and the list of edits with their times. HTML, or PDF through Qt.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QObject
from PySide6.QtGui import QAction, QKeySequence, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from neurosim.core.exercise.checks import Report
from neurosim.core.fileformat import write_atomic
from neurosim.core.localized_text import english
from neurosim.core.shipped import is_shipped
from neurosim.ui.document import Document
from neurosim.ui.edit_log import EditLog
from neurosim.ui.exercises.controller import ExerciseController
from neurosim.ui.i18n import translate
from neurosim.ui.plain_text import as_text
from neurosim.ui.plots import export
from neurosim.ui.plots.base import PlotPanel
from neurosim.ui.training.session import TrainingSession

if TYPE_CHECKING:  # imported where a report is made: not needed to start the app
    from neurosim.core.report import ReportParts, TrainingPart

SHORTCUT = QKeySequence("Ctrl+Shift+E")


def png_bytes(panel: PlotPanel) -> bytes:
    panel.flush()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    export.render_image(panel.view, 1.5).save(buffer, "PNG")
    return bytes(buffer.data().data())


class ReportUI(QObject):
    """The action and the writing; ``panels`` gives the plot panels that may be on screen."""

    def __init__(
        self,
        window: QWidget,
        document: Document,
        panels: Callable[[], list[PlotPanel]],
        session: TrainingSession,
        exercise: ExerciseController,
        start_dir: Callable[[], str],
        status: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self.window, self.document, self.panels = window, document, panels
        self.session, self.exercise = session, exercise
        self.start_dir, self.status = start_dir, status
        self.edits = EditLog(document)
        self.action = QAction(translate("ReportUI", "Export &Report…"), window)
        self.action.setShortcut(SHORTCUT)
        tip = translate(
            "ReportUI",
            "Save a lab report: the network, its weights, plots, training, exercise and edits",
        )
        self.action.setStatusTip(tip)
        self.action.setToolTip(
            translate("ReportUI", "{tip} ({keys})").format(tip=tip, keys=SHORTCUT.toString())
        )
        self.action.triggered.connect(lambda _c=False: self.export_dialog())
        window.addAction(self.action)

    # ------------------------------------------------------------ the parts
    def parts(self) -> ReportParts:
        from neurosim.core.report import ReportParts

        source = str(self.document.path) if self.document.path else self.document.title
        parts = ReportParts(self.document.network, source, datetime.now())
        parts.images = [(p.title, png_bytes(p)) for p in self.panels() if p.isVisible()]
        parts.training = self._training()
        controller = self.exercise
        if controller.exercise is not None:
            parts.exercise = Report(tuple(controller.results) + tuple(controller.lock_results))
            parts.goal_titles = [english(g.title) for g in controller.exercise.goals]
        parts.edits = list(self.edits.entries)
        return parts

    def _training(self) -> TrainingPart | None:
        from neurosim.core.report import TrainingPart

        s = self.session
        if s.trainer is None or not s.trainer.history or s.train_set is None:
            return None
        settings = s.settings
        return TrainingPart(
            s.train_set.name,
            len(s.train_set),
            settings.optimizer,
            settings.loss,
            settings.lr,
            list(s.trainer.history),
        )

    # ------------------------------------------------------------ writing
    def suggested_path(self) -> str:
        stem = re.sub(r"[^\w]+", "_", self.document.title.lower()).strip("_") or "network"
        stem = stem.removesuffix("_nsim_json").removesuffix("_json")
        return str(Path(self.start_dir()) / f"{stem}-report.html")

    def export_dialog(self) -> bool:
        path, chosen = QFileDialog.getSaveFileName(
            self.window,
            translate("ReportUI", "Export report"),
            self.suggested_path(),
            translate("ReportUI", "Web page (*.html);;PDF document (*.pdf)"),
        )
        if not path:
            return False
        if not path.lower().endswith((".html", ".htm", ".pdf")):
            path += ".pdf" if "pdf" in chosen.lower() else ".html"
        return self.export_to(path)

    def export_to(self, path: str | Path) -> bool:
        """Write the report (PDF for a .pdf name, else HTML); a failure says why, in a
        message box, and leaves any file already there as it was."""
        from neurosim.core.report import report_html

        path = Path(path)
        problem = (
            translate("ReportUI", "it is in NeuroSim's own lessons folder")
            if is_shipped(path)
            else None
        )
        if problem is None:
            try:
                html = report_html(self.parts())
                if path.suffix.lower() == ".pdf":
                    write_pdf(html, path)
                else:
                    write_atomic(path, html.encode("utf-8"))
            except OSError as exc:
                problem = exc.strerror or str(exc)
        if problem is not None:
            QMessageBox.critical(
                self.window,
                translate("ReportUI", "Cannot export the report"),
                as_text(f"{path}:\n{problem}"),
            )
            return False
        self.status(translate("ReportUI", "Report saved: {path}").format(path=path))
        return True


def write_pdf(html: str, path: Path) -> None:
    """The HTML page as an A4 PDF, written next to ``path`` and moved over it at the end."""
    fd, temp = tempfile.mkstemp(prefix=".report-", suffix=".pdf", dir=path.parent)
    os.close(fd)
    try:
        writer = QPdfWriter(temp)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(15, 15, 15, 15),
                QPageLayout.Unit.Millimeter,
            )
        )
        writer.setResolution(150)
        document = QTextDocument()
        document.setHtml(html)
        document.print_(writer)
        del writer  # the file is complete once the writer is gone
        if os.path.getsize(temp) == 0:
            raise OSError("the PDF came out empty")
        os.chmod(temp, 0o644)  # mkstemp's file is private; a report is to be handed in
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
