"""Instructions as an exercise file stores them: a QTextDocument written with the few tags
an exercise allows (``ALLOWED_TAGS``: p, b, i, u, code, sub, sup, h3, ul, ol, li, br).

Qt's own ``toHtml()`` writes a whole page (html, head, style, margins on every paragraph),
which the file format refuses and nobody wants to read; this writes only what the teacher
formatted.
"""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QFont, QTextBlock, QTextCharFormat, QTextDocument, QTextListFormat

_ORDERED = {
    QTextListFormat.Style.ListDecimal,
    QTextListFormat.Style.ListLowerAlpha,
    QTextListFormat.Style.ListUpperAlpha,
    QTextListFormat.Style.ListLowerRoman,
    QTextListFormat.Style.ListUpperRoman,
}
_MONO = {"monospace", "courier", "courier new", "consolas", "menlo", "dejavu sans mono"}
LINE_BREAK = "\u2028"  # Shift+Enter inside a paragraph


def document_html(document: QTextDocument) -> str:
    """The document's text with its bold, italic, underline, code, sub/superscript,
    headings and lists, as compact HTML; empty paragraphs are dropped."""
    out: list[str] = []
    open_list: tuple[object, str] | None = None  # (the QTextList, "ul"/"ol")
    block, end = document.begin(), document.end()
    while block != end:
        text_list = block.textList()
        heading = block.blockFormat().headingLevel()
        inner = _inline(block, in_heading=heading > 0)
        if text_list is not None:
            tag = "ol" if text_list.format().style() in _ORDERED else "ul"
            if open_list is None or open_list[0] != text_list:
                if open_list is not None:
                    out.append(f"</{open_list[1]}>")
                out.append(f"<{tag}>")
                open_list = (text_list, tag)
            out.append(f"<li>{inner}</li>")
        else:
            if open_list is not None:
                out.append(f"</{open_list[1]}>")
                open_list = None
            if inner.strip():
                tag = ("h3" if heading <= 3 else "h4") if heading else "p"
                out.append(f"<{tag}>{inner}</{tag}>")
        block = block.next()
    if open_list is not None:
        out.append(f"</{open_list[1]}>")
    return "".join(out)


def _inline(block: QTextBlock, in_heading: bool) -> str:
    parts = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        text = escape(fragment.text(), quote=False).replace(LINE_BREAK, "<br>")
        parts.append(_wrap(text, fragment.charFormat(), in_heading))
        it += 1
    return "".join(parts)


def _wrap(text: str, fmt: QTextCharFormat, in_heading: bool) -> str:
    tags = []
    if is_code(fmt):
        tags.append("code")
    if fmt.fontWeight() >= QFont.Weight.DemiBold.value and not in_heading:
        tags.append("b")
    if fmt.fontItalic():
        tags.append("i")
    if fmt.fontUnderline():
        tags.append("u")
    align = fmt.verticalAlignment()
    if align == QTextCharFormat.VerticalAlignment.AlignSubScript:
        tags.append("sub")
    elif align == QTextCharFormat.VerticalAlignment.AlignSuperScript:
        tags.append("sup")
    for tag in tags:
        text = f"<{tag}>{text}</{tag}>"
    return text


def is_code(fmt: QTextCharFormat) -> bool:
    families = fmt.fontFamilies() or []
    return fmt.fontFixedPitch() or any(str(f).lower() in _MONO for f in families)
