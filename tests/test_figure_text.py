"""The words of the casualty and damage figures, read from the memo's three incidents and from made-up totals."""

from __future__ import annotations

from desktop.domain import figure_text
from desktop.domain.figures import Casualties
from desktop.domain.queries import IncidentFilter
from desktop.persistence.unit_of_work import Database


def totals(**known: int) -> Casualties:
    base = dict(incidents=3, victims_killed=0, victims_injured=0, perpetrators_killed=0, perpetrators_injured=0,
                casualties_unknown=0, damage_usd=0, damaged=0)  # fmt: skip
    return Casualties(**{**base, **known})


def test_the_memo_incidents_say_who_was_killed_and_that_damage_is_of_unknown_value(demo_database: Database) -> None:
    with demo_database.unit_of_work(write=False) as uow:
        memo = uow.figures.casualties(IncidentFilter())
    killed = figure_text.killed(memo)
    assert killed.sentence == "0 victims killed, 1 perpetrator killed"
    assert killed.unknown == "perpetrators killed not known in 2 incidents"  # no one was caught at the two offices
    assert killed.value == "0 victims, 1 perpetrator"
    damage = figure_text.damage(memo)
    assert (damage.value, damage.full) == ("unknown", "damage of unknown value in 2 incidents")
    assert "$0" not in " ".join(figure_text.summary_lines(memo))


def test_known_and_unknown_damage_together_is_a_lower_bound() -> None:
    both = figure_text.damage(totals(damage_usd=12_500, damaged=3, damage_estimated=2, damage_of_unknown_value=1))
    assert (both.value, both.sentence) == ("≥ $12,500", "≥ $12,500 known, damage of unknown value in 1 incident")
    known = figure_text.damage(totals(damage_usd=12_500, damaged=2, damage_estimated=2))
    assert (known.value, known.sentence) == ("$12,500", "$12,500 property damage in 2 incidents")
    none = figure_text.damage(totals(damage_status_unknown=2))
    assert none.full == "no property damage recorded; whether there was damage is not known in 2 incidents"


def test_unknown_counts_are_said_per_figure() -> None:
    figure = figure_text.injured(totals(victims_injured=2, victims_injured_unknown=1, perpetrators_injured_unknown=3))
    assert figure.full == ("2 victims injured, 0 perpetrators injured; victims injured not known in 1 incident; "
                           "perpetrators injured not known in 3 incidents")  # fmt: skip
