"""Write the briefing PDF with QTextDocument and QPdfWriter: laid out in pages, the marking above and below each,
and a footer."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication

from desktop.domain.passphrases import Passphrase
from desktop.persistence.durable_files import flush_to_disk, replace_file
from desktop.persistence.unit_of_work import Database
from desktop.services.briefing import BriefingContent, BriefingOptions, briefing_content
from desktop.services.export_audit import audit_briefing
from desktop.services.leftovers import Leftover, Work, clean_leftovers, create_temporary_file
from desktop.services.output_targets import TargetError, streams_through, write_failure
from desktop.services.protected_zip import ProtectedZip, entry_name, passphrase_refusal, protected_target
from desktop.ui.palette import PRINT
from desktop.ui.report.briefing_html import Contents, briefing_html, generated_text
from desktop.ui.report.chart_images import briefing_charts
from desktop.ui.report.pagination import paginate
from desktop.ui.report.pdf_pages import RESOLUTION, letter_pdf

LINE_POINTS = 11  # a line of the page header and footer


class BriefingError(RuntimeError):
    """The briefing could not be written; the message says why and where."""


def write_briefing(database: Database, path: Path | str, options: BriefingOptions,
                   told: Callable[[Leftover], None] | None = None, *,
                   protect: Passphrase | None = None) -> int:  # fmt: skip
    """Write the briefing for `options` to `path` (replaced only when complete, through `.<name>.partial-<pid>`;
    a character device or FIFO such as /dev/stdout written straight through, never replaced); returns the page
    count. What killed exports and briefings left in that folder is removed first (`told` hears of each). With
    `protect`, the PDF goes into a ZIP protected by that passphrase instead, `NAME.pdf.zip` (protected_target).

    Records an EXPORT audit entry saying whether the sensitive fields are in it (desktop.services.export_audit).
    Needs a QApplication (charts are QGraphicsWidgets). Raises BriefingError for unusable options or an
    unwritable path (a folder, a full disk), naming the problem."""
    if QApplication.instance() is None:
        raise BriefingError("the briefing needs a QApplication to draw its charts")
    target = Path(path)
    try:
        through = streams_through(target)
    except TargetError as error:
        raise BriefingError(f"cannot write {target}: {error}") from None
    try:
        content = briefing_content(database, options)
    except ValueError as error:
        raise BriefingError(f"cannot write the briefing: {error}") from None
    if not through and not target.parent.is_dir():
        raise BriefingError(f"cannot write {target}: the folder {target.parent} does not exist")
    if protect is not None and (problem := passphrase_refusal(protect)):
        raise BriefingError(f"cannot write the briefing: the passphrase: {problem}")
    pdf, pages = _render(content, target)  # in memory: Qt's PDF writer would not tell a failed write
    try:
        if protect is not None:
            _write_protected(target, pdf, protect, lambda written: audit_briefing(database, content, written, pages,
                                                                                  protected=True), told)  # fmt: skip
        elif through:
            audit_briefing(database, content, target, pages)  # no briefing leaves without its audit entry
            with open(os.open(target, os.O_WRONLY), "wb") as out:
                out.write(pdf)
        else:
            clean_leftovers(target.parent, (Work.EXPORT,), targets=(target.name,), told=told)
            _replace(target, pdf, lambda: audit_briefing(database, content, target, pages))
    except OSError as error:
        written = protected_target(target) if protect is not None else target
        raise BriefingError(f"cannot write {written}: {write_failure(error)}") from None
    return pages


def _write_protected(target: Path, pdf: bytes, passphrase: Passphrase, audit: Callable[[Path], object],
                     told: Callable[[Leftover], None] | None) -> None:  # fmt: skip
    """The PDF as the one entry of a passphrase-protected ZIP at protected_target(target), audited before it is put
    in place; it goes from memory into the encrypted entry, never to disk in plain."""
    zipped = protected_target(target)
    if not streams_through(zipped):
        clean_leftovers(zipped.parent, (Work.EXPORT,), targets=(zipped.name,), told=told)
    with ExitStack() as stack:
        archive = ProtectedZip(zipped, passphrase, stack)
        archive.add(entry_name(target, "briefing.pdf"), pdf)
        archive.commit(lambda: audit(zipped))


def _replace(target: Path, pdf: bytes, before_rename: Callable[[], object]) -> None:
    """Write `pdf` to an owner-only temporary file beside `target`, flush it to disk, call `before_rename`, and
    rename it over `target`; on any failure the temporary file is removed and `target` left as it was."""
    temporary = create_temporary_file(target)
    try:
        with open(temporary, "wb") as out:
            out.write(pdf)
            out.flush()
            flush_to_disk(out.fileno())
        before_rename()
        replace_file(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _document(content: BriefingContent, charts: dict[str, QImage], writer: QPdfWriter, page: QSizeF,
              contents: Contents) -> QTextDocument:  # fmt: skip
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)  # lay fonts and images out at the PDF's resolution
    font = QFont(QApplication.font())
    font.setPointSizeF(9)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    for name, image in charts.items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"chart:{name}"), image)
    document.setHtml(briefing_html(content, list(charts), contents))
    document.setPageSize(page)
    return document


def _draw_page(painter: QPainter, document: QTextDocument, number: int, top: float) -> None:
    """Page `number` (from 0) of the laid-out document, `top` below the top of the paper. (Qt draws a paragraph
    that a page break splits on both pages, clipped: its lines are hidden on the other page, yet in its text.)"""
    page = document.pageSize()
    painter.save()
    painter.translate(0, top - number * page.height())
    clip = QRectF(0, number * page.height(), page.width(), page.height())
    painter.setClipRect(clip)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = clip
    context.palette = paper_palette()  # not the window's: light text of a dark theme would vanish on paper
    document.documentLayout().draw(painter, context)
    painter.restore()


def paper_palette() -> QPalette:
    """Black text on white paper, whatever the theme of the window (QTextDocument draws in the application's)."""
    palette = QPalette()
    for role, name in ((QPalette.ColorRole.Text, "text"), (QPalette.ColorRole.WindowText, "text"),
                       (QPalette.ColorRole.Base, "paper"), (QPalette.ColorRole.Window, "paper")):  # fmt: skip
        palette.setColor(role, QColor(PRINT[name]))
    return palette


def footer_text(content: BriefingContent) -> str:
    """The left part of every page's footer: the briefing, who prepared it when, and whether it is redacted."""
    notice = "Redacted" if content.redacted else "NOT REDACTED: contains personal data"
    prepared = f"prepared by {content.prepared_by}, " if content.prepared_by else ""
    return f"{content.options.title}, {content.as_of.isoformat()}: {prepared}{generated_text(content)}. {notice}"


def _render(content: BriefingContent, path: Path) -> tuple[bytes, int]:
    """The PDF's bytes and its page count; `path` only names it in a message."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = letter_pdf(buffer, content.options.title)
    marking = content.marking
    line = LINE_POINTS * RESOLUTION / 72
    header_height = 2 * line if marking else 0.0  # the marking, and a gap
    footer_height = (3 if marking else 2) * line  # a gap, the marking, the footer line
    page = QSizeF(writer.width(), writer.height() - header_height - footer_height)

    charts = briefing_charts(content.figures)
    document = paginate(lambda contents: _document(content, charts, writer, page, contents))
    pages = document.pageCount()

    painter = QPainter()
    if not painter.begin(writer):
        raise BriefingError(f"cannot write {path}: Qt could not open the PDF for writing")
    try:
        small = QFont(document.defaultFont())
        small.setPointSizeF(7.5)
        bold = QFont(small)
        bold.setBold(True)
        bold.setPointSizeF(9)
        left = QFontMetricsF(small).elidedText(footer_text(content), Qt.TextElideMode.ElideMiddle,
                                               page.width() * 0.82)  # fmt: skip
        top_aligned = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        for number in range(pages):
            if number:
                writer.newPage()
            _draw_page(painter, document, number, header_height)
            footer = QRectF(0, header_height + page.height(), page.width(), footer_height)
            if marking:
                painter.setFont(bold)
                painter.drawText(QRectF(0, 0, page.width(), line), top_aligned, marking)
                painter.drawText(QRectF(0, footer.top() + line, page.width(), line), top_aligned, marking)
            painter.setFont(small)
            painter.drawText(footer, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), left)
            right = f"Page {number + 1} of {pages}"
            painter.drawText(footer, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom), right)
    finally:
        painter.end()
    return bytes(buffer.data().data()), pages
