"""The custody report of an evidence package: each file with its SHA-256 and custody log, a PDF (QTextDocument)."""

from __future__ import annotations

import html
import os
from typing import IO

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice
from PySide6.QtGui import QFont, QGuiApplication, QTextDocument
from PySide6.QtWidgets import QApplication

from desktop.domain.evidence import size_text
from desktop.services.evidence_package import ManifestFile, PackageError, PackageManifest, withheld_text
from desktop.ui.report.pdf_pages import letter_pdf

TITLE = "Evidence package: custody report"


def write_custody_pdf(out: IO[bytes], manifest: PackageManifest) -> None:
    """Write the report of `manifest` to `out`, the package's entry (the evidence package's `custody_pdf`); needs a
    QGuiApplication (ensure_application makes one). PackageError when Qt cannot lay it out."""
    if QGuiApplication.instance() is None:
        raise PackageError("the custody report needs a QGuiApplication")
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = letter_pdf(buffer, f"{TITLE}: {manifest.incident_title}")
    document = QTextDocument()
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(9)
    document.setDefaultFont(font)
    document.setHtml(custody_html(manifest))
    document.print_(writer)
    buffer.close()
    data = bytes(buffer.data().data())
    if not data.startswith(b"%PDF"):
        raise PackageError("Qt wrote no custody report")
    out.write(data)  # OSError: the package says where it could not be written


def ensure_application() -> None:
    """A QApplication for a headless command (offscreen when there is no display), unless the process has one."""
    if QCoreApplication.instance() is not None:
        return
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    QApplication(["incident-logger"])


def custody_html(manifest: PackageManifest) -> str:
    """The report as HTML: the incident and the export, then per file its facts, SHA-256 and custody log."""
    e = html.escape
    case = f" (case number {e(manifest.case_number)})" if manifest.case_number else ""
    parts = [
        f"<h2>{e(TITLE)}</h2>",
        f"<p><b>Incident:</b> {e(manifest.incident_title)}{case}<br/><b>Incident uuid:</b> "
        f"{e(manifest.incident_uuid)}<br/><b>Database:</b> {e(manifest.database)}<br/><b>Exported:</b> "
        f"{e(manifest.exported_at)} by {e(manifest.exported_by or 'unknown user')}<br/><b>Files:</b> "
        f"{len(manifest.files)} ({e(size_text(manifest.total_bytes))}); {e(withheld_text(manifest))}</p>",
        "<p>Each file's SHA-256 was checked against the one recorded when it was attached, as it was copied into "
        "the package. Re-hash a file (e.g. <tt>sha256sum</tt>) and compare.</p>",
    ]
    if not manifest.files:
        parts.append("<p><i>The package holds no files.</i></p>")
    for item in manifest.files:
        parts.append(_file_html(item))
    return "\n".join(parts)


def _file_html(item: ManifestFile) -> str:
    e = html.escape
    sensitive = " <b>(sensitive)</b>" if item.sensitive else ""
    rows = [
        f"<h3>{e(item.original_name)}{sensitive}</h3>",
        f"<p><b>In the package:</b> {e(item.path)}<br/><b>Type:</b> {e(item.media_type)}, "
        f"{e(size_text(item.size))} ({item.size:,} bytes)<br/><b>Added:</b> {e(item.added_at)} by "
        f"{e(item.added_by or 'unknown user')}<br/><b>SHA-256:</b></p>",
        f"<p><tt>{e(item.sha256)}</tt></p>",
    ]
    if item.description:
        rows.append(f"<p><b>Description:</b> {e(item.description)}</p>")
    if not item.custody:
        rows.append("<p><i>No custody entries recorded.</i></p>")
        return "\n".join(rows)
    rows.append(
        '<table border="1" cellspacing="0" cellpadding="3" width="100%"><tr><th>Date</th>'
        "<th>Received from</th><th>Received by</th><th>Purpose</th><th>Note</th><th>Recorded</th></tr>"
    )
    for entry in item.custody:
        cells = (entry.date, entry.received_from, entry.received_by, entry.purpose, entry.note, entry.recorded_at)
        rows.append("<tr>" + "".join(f"<td>{e(cell)}</td>" for cell in cells) + "</tr>")
    rows.append("</table>")
    return "\n".join(rows)
