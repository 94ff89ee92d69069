"""The legal milestones a briefing lists: arrests, referrals for prosecution and charges, dated as known."""

from __future__ import annotations

from datetime import date

from desktop.domain.enums import CaseStatus, PerpetratorOutcome
from desktop.domain.legal_history import arrest_undated, legal_milestones, milestone_text
from desktop.domain.values import PartialDate, StatusChange

REPORTED = StatusChange(CaseStatus.REPORTED, PartialDate.parse("2019-08"))
ARREST = StatusChange(CaseStatus.ARREST_MADE, PartialDate.parse("2019-08"))
REFERRAL = StatusChange(CaseStatus.REFERRED_FOR_PROSECUTION, PartialDate.parse("2019-09"),
                        agency="U.S. Department of Justice")  # fmt: skip
CHARGES = StatusChange.on_day(CaseStatus.CHARGED, date(2019, 10, 2), agency="USAO S.D. Fla.", reference="2:19-cr-1",
                              charges="18 U.S.C. 844(i)")  # fmt: skip
CLOSED = StatusChange.on_day(CaseStatus.CLOSED, date(2020, 1, 5))


def test_milestones_are_the_arrests_referrals_and_charges_in_date_order() -> None:
    history = [CLOSED, CHARGES, REPORTED, REFERRAL, ARREST]  # listed out of order

    assert legal_milestones(history) == [ARREST, REFERRAL, CHARGES]
    assert legal_milestones([REPORTED, CLOSED]) == []


def test_two_referrals_are_both_listed() -> None:
    state = StatusChange(CaseStatus.REFERRED_FOR_PROSECUTION, PartialDate.parse("about 2019-09-20"),
                         agency="Palm Beach County State Attorney")  # fmt: skip
    assert legal_milestones([state, REFERRAL]) == [REFERRAL, state]  # 2019-09 starts on 1 September


def test_milestone_text_keeps_the_precision_and_names_the_agency() -> None:
    assert milestone_text(ARREST) == ("Arrest 2019-08", "")
    assert milestone_text(REFERRAL) == ("Referred 2019-09", "U.S. Department of Justice")
    assert milestone_text(CHARGES) == ("Charged 2019-10-02", "USAO S.D. Fla., 2:19-cr-1; 18 U.S.C. 844(i)")
    ranged = StatusChange(CaseStatus.ARREST_MADE, PartialDate.parse("2019-08-20/2019-08-31"), charges=" arson ")
    assert milestone_text(ranged) == ("Arrest 2019-08-20 to 2019-08-31", "arson")


def test_an_arrest_known_without_an_entry_is_undated() -> None:
    assert arrest_undated([REPORTED], 1, PerpetratorOutcome.UNKNOWN)
    assert arrest_undated([], None, PerpetratorOutcome.ARRESTED)
    assert not arrest_undated([REPORTED, ARREST], 1, PerpetratorOutcome.ARRESTED)
    assert not arrest_undated([REPORTED], 0, PerpetratorOutcome.KILLED)
