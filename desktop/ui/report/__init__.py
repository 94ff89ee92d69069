"""Briefing report: a PDF of summary figures, charts, incidents and plan items (QTextDocument + QPdfWriter)."""

from desktop.services.briefing import BriefingOptions
from desktop.ui.report.briefing_pdf import BriefingError, write_briefing

__all__ = ["BriefingError", "BriefingOptions", "write_briefing"]
