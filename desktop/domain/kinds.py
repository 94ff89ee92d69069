"""RecordKind: the one name of each record kind (key, table, labels, record, filter class and sort keys)."""

from __future__ import annotations

from enum import StrEnum
from typing import Self

from desktop.domain.queries import (
    DIRECTIVE_SORT_KEYS,
    FACILITY_SORT_KEYS,
    INCIDENT_SORT_KEYS,
    PLAN_ITEM_SORT_KEYS,
    DirectiveFilter,
    FacilityFilter,
    IncidentFilter,
    PlanItemFilter,
)
from desktop.domain.records import Directive, Facility, Incident, PlanItem

Record = Facility | Incident | PlanItem | Directive
RecordFilter = FacilityFilter | IncidentFilter | PlanItemFilter | DirectiveFilter


class RecordKind(StrEnum):
    """A kind of record; the value is the key the audit trail and settings store ("incident").

    Every place that names a kind (repositories, services, CSV, CLI, tabs, undo, history) asks this enum
    for its table name (`table`, also the CSV/CLI entity name), its words for people and its classes."""

    INCIDENT = "incident"
    FACILITY = "facility"
    PLAN_ITEM = "plan_item"
    DIRECTIVE = "directive"

    @property
    def key(self) -> str:
        return self.value

    @property
    def table(self) -> str:
        """The plural name: the database table, the CSV `--entity` and the tab's key."""
        return _TABLES[self]

    @property
    def label(self) -> str:
        """The noun in a sentence: "plan item"."""
        return self.value.replace("_", " ")

    @property
    def plural(self) -> str:
        """The plural noun in a sentence: "plan items", "facilities"."""
        return self.table.replace("_", " ")

    @property
    def heading(self) -> str:
        """The noun as a heading: "Plan item"."""
        return self.label.capitalize()

    @property
    def heading_plural(self) -> str:
        """The plural as a heading: "Plan items"."""
        return self.plural.capitalize()

    @property
    def record_class(self) -> type[Record]:
        return _RECORDS[self]

    @property
    def filter_class(self) -> type[RecordFilter]:
        return _FILTERS[self]

    @property
    def sort_keys(self) -> tuple[str, ...]:
        return _SORT_KEYS[self]

    @classmethod
    def of(cls, record: Record) -> RecordKind:
        """The kind of a record object."""
        for kind in cls:
            if isinstance(record, kind.record_class):
                return kind
        raise TypeError(f"{type(record).__name__} is not a record kind")

    @classmethod
    def parse(cls, text: str) -> Self:
        """Accept the key, the table name or either noun ("plan_item", "plan_items", "Plan items")."""
        wanted = text.strip().casefold().replace(" ", "_").replace("-", "_")
        for kind in cls:
            if wanted in (kind.value, kind.table):
                return kind
        raise ValueError(f"unknown record kind {text.strip()!r}; choose one of: {', '.join(k.table for k in cls)}")


def short_label(record: object, limit: int = 60) -> str:
    """What a person knows a record by, at most `limit` characters: its title, name, file name, description or
    text (the first it has), cut with "…"; "" when it has none."""
    for name in ("title", "name", "file_name", "description", "text"):
        value = getattr(record, name, None)
        if isinstance(value, str) and value:
            return value if len(value) <= limit else value[: limit - 1] + "…"
    return ""


_TABLES = {RecordKind.INCIDENT: "incidents", RecordKind.FACILITY: "facilities", RecordKind.PLAN_ITEM: "plan_items",
           RecordKind.DIRECTIVE: "directives"}  # fmt: skip
_RECORDS: dict[RecordKind, type[Record]] = {
    RecordKind.INCIDENT: Incident,
    RecordKind.FACILITY: Facility,
    RecordKind.PLAN_ITEM: PlanItem,
    RecordKind.DIRECTIVE: Directive,
}
_FILTERS: dict[RecordKind, type[RecordFilter]] = {
    RecordKind.INCIDENT: IncidentFilter,
    RecordKind.FACILITY: FacilityFilter,
    RecordKind.PLAN_ITEM: PlanItemFilter,
    RecordKind.DIRECTIVE: DirectiveFilter,
}
_SORT_KEYS = {
    RecordKind.INCIDENT: INCIDENT_SORT_KEYS,
    RecordKind.FACILITY: FACILITY_SORT_KEYS,
    RecordKind.PLAN_ITEM: PLAN_ITEM_SORT_KEYS,
    RecordKind.DIRECTIVE: DIRECTIVE_SORT_KEYS,
}
