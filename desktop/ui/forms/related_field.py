"""The incident form's related incidents: a picker (never the incident itself) and, read-only, who links to it."""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence
from typing import Protocol, runtime_checkable

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from desktop.domain.records import Incident
from desktop.domain.validation import FieldError
from desktop.ui.forms.base import RecordForm
from desktop.ui.translated import QT_TRANSLATE_NOOP, translate
from desktop.ui.widgets.record_picker import Choice, ChoiceSource, RecordPicker

FIELD = "related"  # the field the repositories name when they refuse a link
TITLE = QT_TRANSLATE_NOOP("RelatedField", "Links to other incidents (the same attacker, a series)")
LABEL = QT_TRANSLATE_NOOP("RelatedField", "&Related incidents")
log = logging.getLogger(__name__)


@runtime_checkable
class LinkedFrom(Protocol):
    """A source that also reads links from their other end (services/incident_choices.py: IncidentChoices)."""

    def linked_from(self, uuid: str) -> Sequence[Choice]: ...


class RelatedIncidentsField(RecordPicker):
    """The incidents this one is linked to (Incident.related_uuids). Links are stored one way; the incidents
    that list this one are shown under the list, read-only: "Linked from: …"."""

    def __init__(self, record: Incident | None, parent: QWidget | None = None) -> None:
        super().__init__("incident", self.tr("related incidents"), parent)
        self.own_uuid = record.uuid if record is not None else ""
        self.list.setAccessibleName(self.tr("Related incidents"))
        self.linked_from = QLabel()
        self.linked_from.setObjectName("linked_from")
        self.linked_from.setWordWrap(True)
        self.linked_from.setAccessibleName(self.tr("Incidents linking to this one"))
        self.linked_from.hide()
        self._layout.addWidget(self.linked_from, 3, 0, 1, 2)

    def attach(self, source: ChoiceSource | None, *, exclude: Collection[str] = ()) -> None:
        """Search `source`, never offering this incident; show the incidents that link to it (LinkedFrom)."""
        super().attach(source, exclude={*exclude, self.own_uuid} - {""})
        linking: Sequence[Choice] = ()
        if isinstance(source, LinkedFrom) and self.own_uuid:
            try:
                linking = source.linked_from(self.own_uuid)
            except Exception:  # the list is a courtesy: the form works without it
                log.warning("could not read the incidents linking to %s", self.own_uuid, exc_info=True)
        self.linked_from.setText(
            self.tr("Linked from: ") + "; ".join(choice.label for choice in linking) if linking else ""
        )
        self.linked_from.setVisible(bool(linking))


def related_group(form: RecordForm, field: RelatedIncidentsField) -> QGroupBox:
    """The group box of the field on `form` (registered as FIELD, so refusals of links are shown under it)."""
    group = QGroupBox(translate("RelatedField", TITLE))
    rows = QFormLayout(group)
    rows.addRow(*form.field(FIELD, translate("RelatedField", LABEL), field, focus=field.edit, targets=[field.edit]))
    return group


def related_problems(field: RelatedIncidentsField) -> list[FieldError]:
    """Text typed in the picker and not chosen (never dropped silently on saving)."""
    problem = field.pending_problem()
    return [FieldError(FIELD, problem)] if problem is not None else []
