"""Coded enumerations: stable codes, labels, and parsing either with a helpful error."""

from __future__ import annotations

import pytest

from desktop.domain import enums
from desktop.domain.enums import (
    AttackType,
    CaseStatus,
    DatePrecision,
    LabelledEnum,
    PlanStatus,
    SecurityLevel,
    WeaponType,
)

ALL_ENUMS = [
    value
    for value in vars(enums).values()
    if isinstance(value, type) and issubclass(value, LabelledEnum) and value is not LabelledEnum
]
ALL_MEMBERS = [member for enum in ALL_ENUMS for member in enum]


def test_every_enum_of_the_data_model_is_covered() -> None:
    names = {enum.__name__ for enum in ALL_ENUMS}
    assert {"Agency", "FacilityType", "SecurityLevel", "AttackType", "WeaponType", "Severity", "CaseStatus",
            "DamageStatus", "DatePrecision", "PlanStatus", "AuditAction"} <= names  # fmt: skip


@pytest.mark.parametrize("member", ALL_MEMBERS, ids=lambda m: f"{type(m).__name__}.{m.name}")
def test_parse_by_code_and_by_label_finds_the_member(member: LabelledEnum) -> None:
    enum = type(member)
    assert enum.parse(member.value) is member
    assert enum.parse(member.label) is member
    assert enum.parse(f"  {member.label.upper()} ") is member
    assert enum.parse(member.value.upper()) is member


@pytest.mark.parametrize("enum", ALL_ENUMS, ids=lambda e: e.__name__)
def test_labels_and_codes_are_unique_within_an_enum(enum: type[LabelledEnum]) -> None:
    labels = [m.label.casefold() for m in enum]
    assert len(set(labels)) == len(labels)
    codes = [m.value for m in enum]
    assert all(code == code.strip() and code for code in codes)


def test_labels_are_for_people() -> None:
    assert AttackType.BOMBING_EXPLOSION.label == "Bombing/explosion"
    assert AttackType.PROTEST_PEACEFUL.label == "Protest – peaceful"
    assert CaseStatus.REFERRED_FOR_PROSECUTION.label == "Referred for prosecution"
    assert SecurityLevel.IV.label == "IV"
    assert SecurityLevel.IV.value == "4"
    assert DatePrecision.EXACT.label == "Exact time"


def test_parse_returns_the_enum_of_the_class_it_was_called_on() -> None:
    assert WeaponType.parse("incendiary") is WeaponType.INCENDIARY
    assert isinstance(CaseStatus.parse("Arrest made"), CaseStatus)
    assert PlanStatus.parse("risk accepted") is PlanStatus.RISK_ACCEPTED


def test_unknown_value_error_names_the_value_and_every_choice() -> None:
    with pytest.raises(ValueError) as caught:
        CaseStatus.parse("dismissed")
    message = str(caught.value)
    assert "'dismissed'" in message
    for status in CaseStatus:
        assert status.label in message


def test_empty_text_is_not_a_member() -> None:
    with pytest.raises(ValueError, match="unknown value ''"):
        SecurityLevel.parse("  ")


def test_lifecycle_flags() -> None:
    assert [s for s in CaseStatus if not s.is_open] == [CaseStatus.ADJUDICATED, CaseStatus.CLOSED, CaseStatus.UNFOUNDED]
    assert {s for s in PlanStatus if s.is_done} == {PlanStatus.IMPLEMENTED, PlanStatus.RISK_ACCEPTED}
    assert [level.reassessment_years for level in SecurityLevel] == [5, 5, 3, 3, 3, None]  # unknown: no cycle
