"""Briefing report: a PDF of summary figures, charts, incidents and plan items (QTextDocument + QPdfWriter). The PDF
code (and QtCharts, which draws its charts) is imported on the first export, not with the window."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.services.briefing import BriefingOptions

if TYPE_CHECKING:
    from desktop.ui.report.briefing_pdf import BriefingError, write_briefing

__all__ = ["BriefingError", "BriefingOptions", "write_briefing"]
_LAZY = {"BriefingError", "write_briefing"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from desktop.ui.report import briefing_pdf

        return getattr(briefing_pdf, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
