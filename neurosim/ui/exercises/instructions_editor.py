"""A small rich-text editor for exercise instructions: bold, italic, underline, code,
sub- and superscript, headings and bullet lists — what the exercise format allows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QFont, QKeySequence, QTextCharFormat, QTextListFormat
from PySide6.QtWidgets import QApplication, QTextEdit, QToolBar, QVBoxLayout, QWidget

from neurosim.core.exercise.section import ALLOWED_TAGS
from neurosim.core.rich_text import sanitise
from neurosim.ui.exercises.richtext import document_html, is_code
from neurosim.ui.i18n import translate

Align = QTextCharFormat.VerticalAlignment
HEADING_SCALE = 1.25


class InstructionsEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QTextEdit(self)
        self.edit.setAcceptRichText(True)
        self.edit.setPlaceholderText(
            translate(
                "InstructionsEditor",
                "What should the student do? Say what to change, what "
                "is locked and what counts as done.",
            )
        )
        self.toolbar = QToolBar(self)
        self.format_actions: dict[str, QAction] = {}
        for key, text, tip, keys, slot in (
            ("bold", "B", translate("InstructionsEditor", "Bold"), "Ctrl+B", self._bold),
            ("italic", "I", translate("InstructionsEditor", "Italic"), "Ctrl+I", self._italic),
            (
                "underline",
                "U",
                translate("InstructionsEditor", "Underline"),
                "Ctrl+U",
                self._underline,
            ),
            (
                "code",
                "{ }",
                translate("InstructionsEditor", "Code (monospace), e.g. for a formula"),
                "",
                self._code,
            ),
            (
                "sub",
                "x₂",
                translate("InstructionsEditor", "Subscript, as in w₁"),
                "",
                self._subscript,
            ),
            ("sup", "x²", translate("InstructionsEditor", "Superscript"), "", self._superscript),
            ("heading", "H", translate("InstructionsEditor", "Heading"), "", self._heading),
            ("bullets", "•", translate("InstructionsEditor", "Bullet list"), "", self._bullets),
        ):
            self.format_actions[key] = self._action(text, tip, keys, slot)
        italic = QFont(self.format_actions["italic"].font())
        italic.setItalic(True)
        self.format_actions["italic"].setFont(italic)
        bold = QFont(self.format_actions["bold"].font())
        bold.setBold(True)
        self.format_actions["bold"].setFont(bold)
        self.edit.currentCharFormatChanged.connect(lambda _f: self._sync())
        self.edit.cursorPositionChanged.connect(self._sync)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.edit, 1)

    def _action(self, text: str, tip: str, keys: str, slot: Callable[[bool], None]) -> QAction:
        action = QAction(text, self)
        action.setCheckable(True)
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        if keys:
            action.setShortcut(QKeySequence(keys))
            self.edit.addAction(action)
        action.triggered.connect(slot)
        self.toolbar.addAction(action)
        return action

    # ---------------------------------------------------------------- content
    def set_html(self, html: str) -> None:
        """Show instructions from a file: through the one sanitiser first (no attributes,
        no images: nothing in a file makes Qt load another file)."""
        self.edit.setHtml(sanitise(html, ALLOWED_TAGS))

    def html(self) -> str:
        """The instructions in the tags an exercise file allows."""
        return document_html(self.edit.document())

    # ------------------------------------------------------------- formatting
    def _merge(self, fmt: QTextCharFormat) -> None:
        self.edit.mergeCurrentCharFormat(fmt)
        self.edit.setFocus()

    def _bold(self, on: bool) -> None:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if on else QFont.Weight.Normal)
        self._merge(fmt)

    def _italic(self, on: bool) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(on)
        self._merge(fmt)

    def _underline(self, on: bool) -> None:
        fmt = QTextCharFormat()
        fmt.setFontUnderline(on)
        self._merge(fmt)

    def _code(self, on: bool) -> None:
        fmt = QTextCharFormat()
        fmt.setFontFixedPitch(on)
        fmt.setFontFamilies(["monospace"] if on else [QApplication.font().family()])
        self._merge(fmt)

    def _subscript(self, on: bool) -> None:
        self._align(Align.AlignSubScript, on)

    def _superscript(self, on: bool) -> None:
        self._align(Align.AlignSuperScript, on)

    def _align(self, align: Align, on: bool) -> None:
        fmt = QTextCharFormat()
        fmt.setVerticalAlignment(align if on else Align.AlignNormal)
        self._merge(fmt)

    def _heading(self, on: bool) -> None:
        cursor = self.edit.textCursor()
        block = cursor.blockFormat()
        block.setHeadingLevel(3 if on else 0)
        cursor.beginEditBlock()
        cursor.setBlockFormat(block)
        cursor.select(cursor.SelectionType.BlockUnderCursor)
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if on else QFont.Weight.Normal)
        size = self.edit.font().pointSizeF()
        fmt.setFontPointSize(size * HEADING_SCALE if on else size)
        cursor.mergeCharFormat(fmt)
        cursor.endEditBlock()
        self.edit.setFocus()

    def _bullets(self, on: bool) -> None:
        cursor = self.edit.textCursor()
        text_list = cursor.currentList()
        if on and text_list is None:
            cursor.createList(QTextListFormat.Style.ListDisc)
        elif not on and text_list is not None:
            text_list.remove(cursor.block())
            block = cursor.blockFormat()
            block.setIndent(0)
            cursor.setBlockFormat(block)
        self.edit.setFocus()

    def _sync(self) -> None:
        """The buttons show the format at the cursor."""
        fmt = self.edit.currentCharFormat()
        cursor = self.edit.textCursor()
        heading = cursor.blockFormat().headingLevel() > 0
        states = {
            "bold": fmt.fontWeight() >= QFont.Weight.DemiBold.value and not heading,
            "italic": fmt.fontItalic(),
            "underline": fmt.fontUnderline(),
            "code": is_code(fmt),
            "sub": fmt.verticalAlignment() == Align.AlignSubScript,
            "sup": fmt.verticalAlignment() == Align.AlignSuperScript,
            "heading": heading,
            "bullets": cursor.currentList() is not None,
        }
        for key, on in states.items():
            self.format_actions[key].setChecked(bool(on))
