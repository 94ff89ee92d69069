"""Write the briefing PDF with QTextDocument and QPdfWriter: laid out in pages, a footer on each."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

from desktop.persistence.unit_of_work import Database
from desktop.services.briefing import BriefingContent, BriefingOptions, briefing_content
from desktop.services.export_audit import audit_briefing
from desktop.ui.report.briefing_html import briefing_html
from desktop.ui.report.chart_images import briefing_charts

RESOLUTION = 300  # dots per inch of the PDF's layout
MARGINS_MM = QMarginsF(15, 14, 15, 14)
FOOTER_POINTS = 18  # room at the bottom of each page for the footer line


class BriefingError(RuntimeError):
    """The briefing could not be written; the message says why and where."""


def write_briefing(database: Database, path: Path | str, options: BriefingOptions) -> int:
    """Write the briefing for `options` to `path` (replaced only when complete); returns the page count.

    Records an EXPORT audit entry saying whether the sensitive fields are in it (desktop.services.export_audit).
    Needs a QApplication (charts are QGraphicsWidgets). Raises BriefingError for unusable options or an
    unwritable path, naming the problem."""
    if QApplication.instance() is None:
        raise BriefingError("the briefing needs a QApplication to draw its charts")
    target = Path(path)
    try:
        content = briefing_content(database, options)
    except ValueError as error:
        raise BriefingError(f"cannot write the briefing: {error}") from None
    if not target.parent.is_dir():
        raise BriefingError(f"cannot write {target}: the folder {target.parent} does not exist")
    try:
        handle, temporary = tempfile.mkstemp(prefix=".briefing-", suffix=".pdf", dir=target.parent)
        os.close(handle)
    except OSError as error:
        raise BriefingError(f"cannot write {target}: {error.strerror or error}") from None
    try:
        pages = _render(content, Path(temporary))
        audit_briefing(database, content, target, pages)  # no briefing leaves without its audit entry
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return pages


def _render(content: BriefingContent, path: Path) -> int:
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    writer.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)
    writer.setTitle(content.options.title)
    writer.setCreator("Incident Logger")
    footer_height = FOOTER_POINTS * RESOLUTION / 72
    page = QSizeF(writer.width(), writer.height() - footer_height)

    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)  # lay fonts and images out at the PDF's resolution
    font = QFont(QApplication.font())
    font.setPointSizeF(9)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    charts = briefing_charts(content.figures)
    for name, image in charts.items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"chart:{name}"), image)
    document.setHtml(briefing_html(content, list(charts)))
    document.setPageSize(page)
    pages = document.pageCount()

    painter = QPainter()
    if not painter.begin(writer):
        raise BriefingError(f"cannot write {path}: Qt could not open the PDF for writing")
    try:
        footer_font = QFont(font)
        footer_font.setPointSizeF(7.5)
        notice = "Redacted" if content.redacted else "NOT REDACTED: contains personal data"
        for number in range(pages):
            if number:
                writer.newPage()
            painter.save()
            painter.translate(0, -number * page.height())
            document.drawContents(painter, QRectF(0, number * page.height(), page.width(), page.height()))
            painter.restore()
            painter.setFont(footer_font)
            footer = QRectF(0, page.height(), page.width(), footer_height)
            left = f"{content.options.title}, {content.as_of.isoformat()}. {notice}"
            painter.drawText(footer, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), left)
            right = f"Page {number + 1} of {pages}"
            painter.drawText(footer, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom), right)
    finally:
        painter.end()
    return pages
