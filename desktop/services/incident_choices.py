"""IncidentChoices: the incidents a link picker offers as a person types, their labels, the links from others."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from contextlib import suppress
from dataclasses import dataclass

from desktop.domain.queries import IncidentFilter, Page
from desktop.domain.records import Incident
from desktop.domain.search import SearchSyntaxError
from desktop.services.records import IncidentService

SEPARATOR = " — "
OFFERED = 12  # choices shown at a time: a few more words narrow them down


@dataclass(frozen=True, slots=True)
class IncidentChoice:
    """An incident as a picker lists it: its uuid and its label."""

    uuid: str
    label: str


def choice_label(incident: Incident) -> str:
    """Title — case number — facility — when, leaving out what is not known:
    "Armed attack and arson attempt — NWDC-2019-001 — Northwest Detention Center — 2019-07-13 04:00"."""
    when = incident.occurred.label() if incident.occurred.is_known else ""
    parts = (" ".join(incident.title.split()), incident.case_number or "", incident.facility_name, when)
    return SEPARATOR.join(part for part in parts if part)


def missing_label(uuid: str) -> str:
    """The label of a link to an incident that is no longer stored (deleted since it was linked)."""
    return f"incident no longer stored ({uuid})"


class IncidentChoices:
    """Reads through IncidentService (its filters and the search grammar); writes nothing."""

    def __init__(self, incidents: IncidentService) -> None:
        self.incidents = incidents

    def search(self, text: str, *, exclude: Collection[str] = (), limit: int = OFFERED) -> list[IncidentChoice]:
        """The incidents the search `text` finds (words of the title, case number, description, sources or
        agencies, and the rest of the search grammar), then those at a facility whose name contains `text`;
        latest first, none of `exclude`, at most `limit`. Blank text finds none; SearchSyntaxError when the
        search cannot be read."""
        text = " ".join(text.split())
        if not text:
            return []
        page = Page(limit=limit + len(exclude), sort="occurred", descending=True)
        found = self.incidents.page(IncidentFilter(text=text), page)
        if '"' not in text:
            with suppress(SearchSyntaxError):  # not a facility name either
                found += self.incidents.page(IncidentFilter(text=f'facility:"{text}"'), page)
        chosen: dict[str, IncidentChoice] = {}
        for incident in found:
            if incident.uuid not in exclude and incident.uuid not in chosen:
                chosen[incident.uuid] = IncidentChoice(incident.uuid, choice_label(incident))
        return list(chosen.values())[:limit]

    def labelled(self, uuids: Sequence[str]) -> list[IncidentChoice]:
        """`uuids` in that order with their labels (one that is no longer stored says so)."""
        found = {incident.uuid: incident for incident in self.incidents.find(uuids)}
        return [
            IncidentChoice(uuid, choice_label(found[uuid]) if uuid in found else missing_label(uuid))
            for uuid in dict.fromkeys(uuids)
        ]

    def linked_from(self, uuid: str) -> list[IncidentChoice]:
        """The incidents that list `uuid` among their related incidents (links are stored one way)."""
        if not uuid:
            return []
        return [IncidentChoice(incident.uuid, choice_label(incident)) for incident in self.incidents.related_from(uuid)]
