"""A lab report: one self-contained HTML file a student hands in and a teacher reads in any
browser. Qt-free; the window adds its plots as images and its list of edits."""

from neurosim.core.report.html_report import ReportParts, TrainingPart, report_html

__all__ = ["ReportParts", "TrainingPart", "report_html"]
