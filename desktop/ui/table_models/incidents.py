"""IncidentTableModel: incidents with case number, date as known, facility, title, attack types, weapons, severity,
status, casualties, targets and the response."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject

from desktop.domain import figure_text
from desktop.domain.enums import Severity, YesNoUnknown
from desktop.domain.kinds import RecordKind
from desktop.domain.queries import IncidentFilter
from desktop.domain.records import Incident
from desktop.ui.palette import colour
from desktop.ui.table_models.columns import UNKNOWN, Column
from desktop.ui.table_models.paged import PagedTableModel
from desktop.ui.translated import QT_TRANSLATE_NOOP, choice_label, date_label, translate, weapons_text

SEVERITY_COLOURS = {severity: f"severity_{severity.value}" for severity in Severity}  # names in desktop.ui.palette
DESCRIPTION_TIP = 400
LAST_ACTIVITY_TIP = QT_TRANSLATE_NOOP(
    "Column",
    "When anything about the incident was last recorded: the incident saved, a timeline event, a legal history "
    "entry, an attachment or its custody, a plan item answering it (your computer's time; not sortable)",
)
Activity = Callable[[Sequence[str]], Mapping[str, datetime]]  # incidents' uuids -> last activity (UTC)


def occurred_of(incident: Incident) -> str:
    """2019-07-13 04:00, 2019-07-13, 2019-07, 2019, "2019-08-20 to 2019-08-31", "about 2019-08",
    "2019-08-25, early morning" or "unknown"."""
    return date_label(incident.occurred)


def occurred_tip_of(incident: Incident) -> str:
    return incident.occurred.describe()


def casualties_text(incident: Incident) -> str:
    """E.g. "1 perpetrator killed", "2 victims injured", "none", "unknown" (figure_text.incident_casualties)."""
    return figure_text.incident_casualties(incident.victims_killed, incident.victims_injured,
                                           incident.perpetrators_killed, incident.perpetrators_injured)  # fmt: skip


def casualties_tip(incident: Incident) -> str:
    def known(value: int | None) -> str:
        return translate("Fields", UNKNOWN) if value is None else str(value)

    return translate(
        "Incidents", "Victims: {known} killed, {known2} injured\nPerpetrators: {known3} killed, {known4} injured"
    ).format(
        known=known(incident.victims_killed),
        known2=known(incident.victims_injured),
        known3=known(incident.perpetrators_killed),
        known4=known(incident.perpetrators_injured),
    )


def attack_text(incident: Incident) -> str:
    """Every attack type, the primary one first: "Armed assault; Facility/infrastructure attack (attempted)"."""
    labels = "; ".join(choice_label(kind) for kind in incident.attack_types)
    return labels if incident.completed else translate("Incidents", "{labels} (attempted)").format(labels=labels)


def targets_text(incident: Incident) -> str:
    """Every target type, the primary one first: "Building; Vehicles" ("Unknown" when not known)."""
    return "; ".join(choice_label(kind) for kind in incident.target_types)


def response_text(incident: Incident) -> str:
    """The outcome for the perpetrators ("Killed", "Unknown"), and hostages when there were some."""
    outcome = choice_label(incident.perpetrator_outcome)
    return (
        translate("Incidents", "{outcome}; hostages/kidnapping").format(outcome=outcome)
        if incident.hostages is YesNoUnknown.YES
        else outcome
    )


def response_tip(incident: Incident) -> str:
    return translate("Incidents", "Perpetrators: {lower}\nHostages or kidnapping: {lower2}").format(
        lower=choice_label(incident.perpetrator_outcome).lower(), lower2=choice_label(incident.hostages).lower()
    )


def title_tip(incident: Incident) -> str:
    description = " ".join(incident.description.split())
    if len(description) > DESCRIPTION_TIP:
        description = description[: DESCRIPTION_TIP - 1].rstrip() + "…"
    return f"{incident.title}\n\n{description}" if description else incident.title


def local_minute(at: datetime) -> str:
    """A stored UTC time in the computer's time zone, to the minute: "2019-10-01 11:30"."""
    return at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


class IncidentTableModel(PagedTableModel[Incident]):
    """`activity` reads the last activity of the incidents of each page read (one query a page, not a row)."""

    kind = RecordKind.INCIDENT
    default_sort = ("occurred", True)
    SEVERITY_COLUMN = 6
    columns: tuple[Column[Any], ...] = (
        Column(QT_TRANSLATE_NOOP("Column", "Case no."), lambda i: i.case_number or "", "case_number", width_chars=9),
        Column(QT_TRANSLATE_NOOP("Column", "Occurred"), occurred_of, "occurred", occurred_tip_of, width_chars=22),
        Column(QT_TRANSLATE_NOOP("Column", "Facility"), lambda i: i.facility_name, "facility", width_chars=33),
        Column(
            QT_TRANSLATE_NOOP("Column", "Title"), lambda i: i.title, "title", title_tip, width_chars=36, stretch=True
        ),
        Column(QT_TRANSLATE_NOOP("Column", "Attack types"), attack_text, "attack_type", attack_text, width_chars=36),
        Column(QT_TRANSLATE_NOOP("Column", "Weapons"), lambda i: weapons_text(i.weapons), width_chars=30),
        Column(QT_TRANSLATE_NOOP("Column", "Severity"), lambda i: choice_label(i.severity), "severity", width_chars=9),
        Column(QT_TRANSLATE_NOOP("Column", "Status"), lambda i: choice_label(i.status), "status", width_chars=17),
        Column(QT_TRANSLATE_NOOP("Column", "Casualties"), casualties_text, None, casualties_tip, width_chars=10),
        Column(QT_TRANSLATE_NOOP("Column", "Targets"), targets_text, None, targets_text, width_chars=20),
        Column(QT_TRANSLATE_NOOP("Column", "Response"), response_text, None, response_tip, width_chars=12),
    )

    def __init__(self, service: Any, parent: QObject | None = None, *, activity: Activity | None = None,
                 **options: int) -> None:  # fmt: skip
        self.activity = activity
        self._last: dict[str, datetime] = {}
        if activity is not None:
            self.columns = (*type(self).columns, Column(self.tr("Last activity"), self.last_activity_text, None,
                                                        width_chars=16, header_tip=LAST_ACTIVITY_TIP))  # fmt: skip
        super().__init__(service, parent, **options)

    def last_activity_text(self, incident: Incident) -> str:
        at = self._last.get(incident.uuid)
        return local_minute(at) if at is not None else ""

    def refresh(self, *, recount: bool = True) -> None:
        self._last.clear()
        super().refresh(recount=recount)

    def read_companion(self, service: Any, rows: list[Incident]) -> Any:
        """The last activity of a page's incidents."""
        return self.activity([incident.uuid for incident in rows]) if self.activity is not None and rows else {}

    def keep_companion(self, rows: list[Incident], companion: Any) -> None:
        """Keep a page's last activity (the times of pages no longer cached are dropped)."""
        if len(self._last) > self.page_size * (self.max_cached_pages + 1):
            kept = {incident.uuid for page in self._pages.values() for incident in page}
            self._last = {uuid: at for uuid, at in self._last.items() if uuid in kept}
        self._last.update(companion)

    def empty_filter(self) -> IncidentFilter:
        return IncidentFilter()

    def count_follows(self, where: Any) -> bool:
        return isinstance(where, IncidentFilter) and where.count_follows

    def decoration(self, record: Incident, column: int) -> Any:
        return colour(SEVERITY_COLOURS[record.severity]) if column == self.SEVERITY_COLUMN else None
