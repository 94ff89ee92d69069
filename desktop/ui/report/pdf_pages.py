"""The page of every report PDF (briefing, custody report): US Letter, resolution, margins, creator."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

RESOLUTION = 300  # dots per inch of the PDF's layout
MARGINS_MM = QMarginsF(15, 14, 15, 14)


def letter_pdf(buffer: QBuffer, title: str) -> QPdfWriter:
    """A PDF writer into `buffer` (open for writing): US Letter, the reports' resolution and margins, titled."""
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    writer.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)
    writer.setTitle(title)
    writer.setCreator("Incident Logger")
    return writer
