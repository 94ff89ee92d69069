"""Incidents by facility or by state: horizontal bars, most first; clicking a bar narrows to it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.services.dashboard import FacilityCount, StateCount
from desktop.ui.dashboard.chart_common import short, unique_labels, wrapped
from desktop.ui.dashboard.chart_data import ChartData, Series, number

TOP = 10  # bars shown; the line under the chart tells how many incidents the others have
Ranked = list[tuple[str, int, Mapping[str, Any] | None]]  # label, count, keywords for narrowed() (None: no click)


def facility_chart(facilities: tuple[FacilityCount, ...], wrap: int | None = None) -> ChartData:
    """`wrap`: the names whole on the axis, on lines of at most this many characters (None: shortened to one line);
    the table and the tooltips have them whole either way."""
    ranked: Ranked = [(f.name, f.count, {"facility_uuid": f.facility_uuid}) for f in facilities]
    title = QCoreApplication.translate("RankingChart", "Incidents by facility")
    category = QCoreApplication.translate("RankingChart", "Facility")
    return ranking_chart(title, ranked, category, lambda name: wrapped(name, wrap) if wrap else short(name, 24))


def state_chart(states: tuple[StateCount, ...]) -> ChartData:
    no_state = QCoreApplication.translate("RankingChart", "(no state)")
    ranked: Ranked = [(s.state or no_state, s.count, {"state": s.state}) for s in states]
    title = QCoreApplication.translate("RankingChart", "Incidents by state")
    return ranking_chart(title, ranked, QCoreApplication.translate("RankingChart", "State"))


def ranking_chart(title: str, ranked: Ranked, category_title: str, axis_label: Any = None, *, tooltip: str = "",
                  notes: tuple[str, ...] = ()) -> ChartData:  # fmt: skip
    """The first TOP of `ranked` top-down; `axis_label(name)` shortens or wraps a name under the bars."""
    if len(ranked) > TOP:
        title = QCoreApplication.translate("RankingChart", "{title}, top {top} of {count}").format(
            title=title, top=number(TOP), count=number(len(ranked))
        )
    if not ranked:
        title = QCoreApplication.translate("RankingChart", "{title}: no incidents").format(title=title)
    shown = ranked[:TOP]
    names = tuple(unique_labels([name for name, _, _ in shown]))
    counts = tuple(n for _, n, _ in shown)
    rest = ""
    if len(ranked) > TOP:
        rest = QCoreApplication.translate("RankingChart", "The other {others}: {count} incidents").format(
            others=number(len(ranked) - TOP), count=number(sum(n for _, n, _ in ranked[TOP:]))
        )
    return ChartData(
        title=title,
        categories=names,
        series=(Series(QCoreApplication.translate("RankingChart", "Incidents"), counts, "bar"),),
        category_title=category_title,
        value_title=QCoreApplication.translate("RankingChart", "Incidents"),
        horizontal=True,
        notes=notes,
        axis_labels=tuple(axis_label(name) for name in names) if axis_label else (),
        headroom=1.15,
        tooltip=tooltip,
        tip_format=QCoreApplication.translate("RankingChart", "{category}: {value} incidents"),
        keywords=(tuple(keywords for _, _, keywords in shown),),
        rest=rest,
    )
