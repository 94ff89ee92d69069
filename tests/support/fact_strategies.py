"""Hypothesis strategies for case facts: partial dates as people know them (exact, day, month, year, ranges,
approximate, a band of the day) and legal history entries with agency, reference and charges."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from desktop.domain.enums import CaseStatus, DatePrecision, TimeOfDay
from desktop.domain.values import PartialDate, StatusChange, last_day

FIRST = date(1990, 1, 1)
LAST = date(2030, 12, 31)

times = (
    st.times().map(lambda t: t.replace(second=0, microsecond=0))
    | st.times().map(lambda t: t.replace(microsecond=0))
    | st.times()
)


def _month(day: date) -> date:
    return day.replace(day=1)


def _year(day: date) -> date:
    return day.replace(month=1, day=1)


@st.composite
def ranges(draw: st.DrawFn, first: date = FIRST, last: date = LAST) -> PartialDate:
    """A range whose last day is after its first (a range of one day is stored as that day); its ends may have
    been written as months or years (2019-08/2019-09), which read as their first and last days."""
    start = draw(st.dates(min_value=first, max_value=last - timedelta(days=1)))
    end = draw(st.dates(min_value=start + timedelta(days=1), max_value=last))
    ends = draw(st.sampled_from([DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR]))
    if ends is DatePrecision.MONTH:
        start, end = _month(start), last_day(end, DatePrecision.MONTH)
    elif ends is DatePrecision.YEAR:
        start, end = _year(start), last_day(end, DatePrecision.YEAR)
    return PartialDate(DatePrecision.RANGE, start, until=end, approximate=draw(st.booleans()))


def partial_dates(
    first: date = FIRST, last: date = LAST, *, exact: bool = True, bands: bool = True
) -> st.SearchStrategy[PartialDate]:
    """Every kind of date an incident's occurred (or, without `exact` and `bands`, a legal history entry) holds."""
    days = st.dates(min_value=first, max_value=last)
    about = st.booleans()
    band = st.none() | st.sampled_from(TimeOfDay) if bands else st.none()
    choices = [
        st.builds(lambda d, a: PartialDate(DatePrecision.YEAR, _year(d), approximate=a), days, about),
        st.builds(lambda d, a: PartialDate(DatePrecision.MONTH, _month(d), approximate=a), days, about),
        st.builds(lambda d, a, b: PartialDate(DatePrecision.DAY, d, approximate=a, time_of_day=b), days, about, band),
        ranges(first, last),
    ]
    if exact:
        choices.append(st.builds(lambda d, t: PartialDate(DatePrecision.EXACT, d, t), days, times))
    return st.one_of(choices)


def legal_entries(texts: st.SearchStrategy[str], last: date = LAST) -> st.SearchStrategy[StatusChange]:
    """A legal history entry on a day, month, year or range (possibly approximate), with any note, agency,
    reference and charges."""
    return st.builds(
        lambda status, changed, note, agency, reference, charges: StatusChange(
            status, changed, note, agency=agency, reference=reference, charges=charges
        ),
        st.sampled_from(CaseStatus),
        partial_dates(FIRST, last, exact=False, bands=False),
        texts,
        texts,
        texts,
        texts,
    )
