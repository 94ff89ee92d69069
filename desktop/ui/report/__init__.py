"""Briefing report (QTextDocument + QPdfWriter); the PDF code is imported on the first export."""

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
