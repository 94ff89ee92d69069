"""The briefing's pages: section headings kept with what follows them, the page each section starts on."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAbstractTextDocumentLayout, QTextBlock, QTextCursor, QTextDocument, QTextFormat, QTextTable

from desktop.ui.report.briefing_html import Contents

SECTION_LEVEL = 2  # <h2>: the sections listed in the table of contents
CONTENTS_AFTER = 3  # pages: a longer briefing gets a table of contents
KEPT_POINTS = 40  # at least this much of a section stays on the page of its heading (or its table's first row)


def _sections(document: QTextDocument) -> list[QTextBlock]:
    blocks = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == SECTION_LEVEL:
            blocks.append(block)
        block = block.next()
    return blocks


def _row_bottom(layout: QAbstractTextDocumentLayout, table: QTextTable, row: int) -> float:
    cells = (table.cellAt(row, column) for column in range(table.columns()))
    return max(layout.blockBoundingRect(cell.lastCursorPosition().block()).bottom() for cell in cells)


def _kept_bottom(document: QTextDocument, heading: QTextBlock) -> float:
    """Where what must stay with `heading` ends: the blocks after it up to KEPT_POINTS tall, or up to the
    first body row of a table among them."""
    layout = document.documentLayout()
    start = layout.blockBoundingRect(heading).bottom()
    device = layout.paintDevice()
    enough = KEPT_POINTS * (device.logicalDpiY() if device is not None else 96) / 72
    bottom = start
    block = heading.next()
    while block.isValid() and block.blockFormat().headingLevel() != SECTION_LEVEL:
        table = QTextCursor(block).currentTable()
        if table is not None:
            return max(bottom, _row_bottom(layout, table, min(table.format().headerRowCount(), table.rows() - 1)))
        bottom = max(bottom, layout.blockBoundingRect(block).bottom())
        if bottom - start >= enough:
            break
        block = block.next()
    return bottom


def keep_headings_with_next(document: QTextDocument) -> int:
    """Start a section on a new page where its heading would stand at a page's foot without what follows it
    (QTextDocument has no "page-break-after: avoid"); returns how many sections were moved."""
    height = document.pageSize().height()
    moved = 0
    for heading in _sections(document):
        top = document.documentLayout().blockBoundingRect(heading).top()
        if int(top // height) != int((_kept_bottom(document, heading) - 0.5) // height):
            block_format = heading.blockFormat()
            block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            QTextCursor(heading).setBlockFormat(block_format)
            moved += 1
    if moved:  # lay everything out again: after an incremental relayout Qt may leave a block undrawn
        document.markContentsDirty(0, document.characterCount())
    return moved


def section_pages(document: QTextDocument) -> list[tuple[str, int]]:
    """Each section heading with the page (1-based) it starts on."""
    height = document.pageSize().height()
    layout = document.documentLayout()
    return [(block.text(), int(layout.blockBoundingRect(block).top() // height) + 1) for block in _sections(document)]


def paginate(build: Callable[[Contents], QTextDocument], passes: int = 4) -> QTextDocument:
    """The document `build` makes, with headings kept with their sections and, when it runs to more than
    CONTENTS_AFTER pages, a table of contents whose page numbers are those of the final layout."""
    contents: Contents = ()
    document = build(contents)
    for _ in range(passes):
        keep_headings_with_next(document)
        if not contents and document.pageCount() <= CONTENTS_AFTER:
            return document
        found = section_pages(document)
        if found == list(contents):
            return document
        contents = found
        document = build(contents)
    keep_headings_with_next(document)
    return document
