"""Sentences of the window that name a kind of record, whole per kind (a noun alone would not agree in Spanish)."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from desktop.domain.kinds import RecordKind
from desktop.ui.translated import translate


def new_record_text(kind: RecordKind) -> str:
    """Edit › New… as it reads on a tab of `kind`."""
    return {
        RecordKind.INCIDENT: translate("WindowTexts", "&New incident…"),
        RecordKind.FACILITY: translate("WindowTexts", "&New facility…"),
        RecordKind.PLAN_ITEM: translate("WindowTexts", "&New plan item…"),
        RecordKind.DIRECTIVE: translate("WindowTexts", "&New directive…"),
    }[kind]


def new_record_tip(kind: RecordKind) -> str:
    return {
        RecordKind.INCIDENT: translate("WindowTexts", "Add an incident (Ctrl+N)"),
        RecordKind.FACILITY: translate("WindowTexts", "Add a facility (Ctrl+N)"),
        RecordKind.PLAN_ITEM: translate("WindowTexts", "Add a plan item (Ctrl+N)"),
        RecordKind.DIRECTIVE: translate("WindowTexts", "Add a directive (Ctrl+N)"),
    }[kind]


def _count(kind: RecordKind, total: int) -> str:
    """The English source names the singular and the plural apart (so English needs no catalog); a translation
    gives each its language's plural forms (%Ln: the number with the locale's digit grouping)."""
    if total == 1:
        return {
            RecordKind.INCIDENT: translate("WindowTexts", "%Ln incident", None, total),
            RecordKind.FACILITY: translate("WindowTexts", "%Ln facility", None, total),
            RecordKind.PLAN_ITEM: translate("WindowTexts", "%Ln plan item", None, total),
            RecordKind.DIRECTIVE: translate("WindowTexts", "%Ln directive", None, total),
        }[kind]
    return {
        RecordKind.INCIDENT: translate("WindowTexts", "%Ln incidents", None, total),
        RecordKind.FACILITY: translate("WindowTexts", "%Ln facilities", None, total),
        RecordKind.PLAN_ITEM: translate("WindowTexts", "%Ln plan items", None, total),
        RecordKind.DIRECTIVE: translate("WindowTexts", "%Ln directives", None, total),
    }[kind]


def record_count(kind: RecordKind, total: int, shown: int, *, counting: bool = False) -> str:
    """The status bar's count: "1,234 incidents", or "12 of 1,234 incidents shown" under a filter; `counting`: the
    rows the filter selects are still being counted (a search on a server shows its first page first)."""
    if counting:
        return translate("WindowTexts", "counting… of {total}").format(total=_count(kind, total))
    if shown == total:
        return _count(kind, total)
    return translate("WindowTexts", "{shown} of {total} shown").format(
        shown=QLocale().toString(shown), total=_count(kind, total)
    )


def empty_text(kind: RecordKind) -> str:
    """What a tab without any record says."""
    return {
        RecordKind.INCIDENT: translate("WindowTexts", "There are no incidents yet."),
        RecordKind.FACILITY: translate("WindowTexts", "There are no facilities yet."),
        RecordKind.PLAN_ITEM: translate("WindowTexts", "There are no plan items yet."),
        RecordKind.DIRECTIVE: translate("WindowTexts", "There are no directives yet."),
    }[kind]


def form_title(kind: RecordKind, editing: bool) -> str:
    """A record form's window title ("[*]" shows unsaved changes)."""
    if editing:
        return {
            RecordKind.INCIDENT: translate("WindowTexts", "Edit incident[*]"),
            RecordKind.FACILITY: translate("WindowTexts", "Edit facility[*]"),
            RecordKind.PLAN_ITEM: translate("WindowTexts", "Edit plan item[*]"),
            RecordKind.DIRECTIVE: translate("WindowTexts", "Edit directive[*]"),
        }[kind]
    return {
        RecordKind.INCIDENT: translate("WindowTexts", "New incident[*]"),
        RecordKind.FACILITY: translate("WindowTexts", "New facility[*]"),
        RecordKind.PLAN_ITEM: translate("WindowTexts", "New plan item[*]"),
        RecordKind.DIRECTIVE: translate("WindowTexts", "New directive[*]"),
    }[kind]
