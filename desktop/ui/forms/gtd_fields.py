"""The GTD facts of the incident form: up to three attack and target types, the damage extent, hostages and
the response's outcome for the perpetrators ("Unknown" is always a choice of its own, "—" is none)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desktop.domain.enums import DamageStatus, LabelledEnum, PerpetratorOutcome, PropertyExtent, YesNoUnknown
from desktop.domain.records import Incident
from desktop.ui.forms.fields import EnumCombo
from desktop.ui.translated import translate

NONE = "—"


class TypeChoices:
    """A primary type and two optional ones ("—" for none); the third is offered once there is a second."""

    def __init__(self, enum: type[LabelledEnum], name: str) -> None:
        self.name = name  # "attack_type": the record's fields are name, name_2 and name_3
        self.primary = EnumCombo(enum)
        self.second = EnumCombo(enum, none_label=NONE)
        self.third = EnumCombo(enum, none_label=NONE)
        attacks = name == "attack_type"
        names = (
            (translate("TypeChoices", "First attack type"), translate("TypeChoices", "Second attack type"),
             translate("TypeChoices", "Third attack type"))
            if attacks
            else (translate("TypeChoices", "First target type"), translate("TypeChoices", "Second target type"),
                  translate("TypeChoices", "Third target type"))
        )  # fmt: skip
        for combo, accessible in zip((self.primary, self.second, self.third), names, strict=True):
            combo.setAccessibleName(accessible)
        self.third.setToolTip(
            translate("TypeChoices", "Choose a second attack type first")
            if attacks
            else translate("TypeChoices", "Choose a second target type first")
        )

    @property
    def combos(self) -> tuple[EnumCombo, EnumCombo, EnumCombo]:
        return self.primary, self.second, self.third

    @property
    def keys(self) -> tuple[str, str, str]:
        return self.name, f"{self.name}_2", f"{self.name}_3"

    def set_value(self, incident: Incident) -> None:
        for combo, key in zip(self.combos, self.keys, strict=True):
            combo.set_value(getattr(incident, key))

    def values(self) -> dict[str, object]:
        return {key: combo.value() for combo, key in zip(self.combos, self.keys, strict=True)}

    def sync(self) -> None:
        """The third is offered when there is a second (or when it holds a type: its message says why)."""
        self.third.setEnabled(self.second.value() is not None or self.third.value() is not None)


def in_a_row(*widgets: QWidget, labels: tuple[QLabel, ...] = ()) -> QWidget:
    """`widgets` side by side, each after its label when `labels` gives one (labels pair with widgets[1:])."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for number, widget in enumerate(widgets):
        if 0 < number <= len(labels):
            layout.addWidget(labels[number - 1])
        layout.addWidget(widget, 1)
    return row


@dataclass
class ResponseFields:
    """Hostages or kidnapping, the outcome for the perpetrators and the extent of property damage."""

    hostages: EnumCombo
    outcome: EnumCombo
    extent: EnumCombo

    @classmethod
    def create(cls) -> ResponseFields:
        extent = EnumCombo(PropertyExtent)
        extent.setToolTip(
            translate("ResponseFields", "GTD extent of property damage; only when there was property damage")
        )
        return cls(EnumCombo(YesNoUnknown), EnumCombo(PerpetratorOutcome), extent)

    def set_value(self, incident: Incident) -> None:
        self.hostages.set_value(incident.hostages)
        self.outcome.set_value(incident.perpetrator_outcome)
        self.extent.set_value(incident.property_extent or PropertyExtent.UNKNOWN)

    def values(self, damage: DamageStatus, stored: Incident | None) -> dict[str, object]:
        """The fields' values; the extent only with property damage. An incident stored with damage but
        no extent keeps none while the extent shown stays "Unknown" (nothing is recorded behind its back)."""
        extent: PropertyExtent | None = self.extent.value() if damage is DamageStatus.YES else None
        if (
            stored is not None
            and stored.property_extent is None
            and stored.property_damage is DamageStatus.YES
            and extent is PropertyExtent.UNKNOWN
        ):
            extent = None
        return {"hostages": self.hostages.value(), "perpetrator_outcome": self.outcome.value(),
                "property_extent": extent}  # fmt: skip

    def sync(self, damage: DamageStatus) -> None:
        self.extent.setEnabled(damage is DamageStatus.YES)
