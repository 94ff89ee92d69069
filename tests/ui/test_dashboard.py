"""The Dashboard tab driven with the mouse and keyboard: figures, bar clicks, filters, deadlines with a fixed clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import event, text
from support.synthetic_incidents import populate

from desktop.domain import figure_text
from desktop.domain.enums import AttackType, Severity
from desktop.domain.kinds import RecordKind
from desktop.domain.queries import IncidentFilter
from desktop.persistence.unit_of_work import Database
from desktop.services.dashboard import dashboard_data
from desktop.services.records import IncidentService
from desktop.services.session.service import DatabaseSessions
from desktop.ui.dashboard import DashboardTab
from desktop.ui.dashboard.chart_common import count_scale
from desktop.ui.dashboard.chart_panel import ChartPanel
from desktop.ui.palette import colour
from desktop.ui.session import Session

MEMO_PLAN_DUE = date(2019, 9, 26)  # the demo plan item: two weeks after the memo of 12 September 2019


def make_tab(qtbot: QtBot, database: Database, today: date, show: bool = True) -> DashboardTab:
    tab = DashboardTab(Session(database, DatabaseSessions(None)), today=lambda: today)  # no switching here
    qtbot.addWidget(tab)
    tab.resize(1300, 1000)
    if show:
        tab.show()
        qtbot.waitExposed(tab)
    return tab


def click_bar(qtbot: QtBot, panel: ChartPanel, series: int, index: int) -> None:
    """A left click, with the mouse, in the middle of series `series`' part of bar `index`."""
    rect = panel.view.bar_rect(series, index)
    assert rect.height() > 4 and rect.width() > 4, rect
    point = rect.center().toPoint()
    qtbot.mouseMove(panel.view, point)
    qtbot.mouseClick(panel.view, Qt.MouseButton.LeftButton, pos=point)


@pytest.fixture
def busy_database(demo_database: Database) -> Database:
    populate(demo_database, incidents=600, facilities=8, plan_items=20, today=date(2024, 3, 1))
    return demo_database


def test_demo_plan_item_overdue_with_a_fixed_clock(qtbot: QtBot, demo_database: Database) -> None:
    before = make_tab(qtbot, demo_database, today=date(2019, 9, 20))  # six days before it is due
    assert before.headline.value_text("overdue") == "0"
    assert before.headline.value_text("due_this_week") == "1"
    assert before.deadline_table.item(0, 0).background().color() == colour("due_soon_background")

    after = make_tab(qtbot, demo_database, today=date(2019, 10, 1))  # five days late
    assert after.headline.value_text("overdue") == "1"
    assert after.headline.value_text("due_this_week") == "0"
    row = [after.deadline_table.item(0, column).text() for column in range(5)]
    assert row == [
        f"{MEMO_PLAN_DUE} (5 d late)",
        "Present a detailed plan for securing all ICE facilities",
        "All facilities",
        "ICE, with the Federal Protective Service",
        "Proposed",
    ]
    assert after.deadline_table.item(0, 2).background().color() == colour("overdue_background")
    assert "1 overdue" in after.plan_panel.chart.title


def test_casualty_and_damage_tiles_say_who_and_what_is_unknown(qtbot: QtBot, demo_database: Database) -> None:
    tab = make_tab(qtbot, demo_database, today=date(2019, 10, 1))
    headline = tab.headline

    assert headline.value_text("killed") == "0 victims, 1 perpetrator"  # the attacker at Tacoma
    assert "1 perpetrator" in headline.tile_text("killed")
    assert headline.detail_text("killed") == "perpetrators killed not known in 2 incidents"
    assert headline.value_text("damage") == "unknown"  # not "$0"
    assert headline.detail_text("damage") == "damage of unknown value in 2 incidents"
    assert "damage of unknown value in 2 incidents" in headline.tile_text("damage")
    assert headline.findChild(QLabel, "value_killed").toolTip() == (
        "0 victims killed, 1 perpetrator killed; perpetrators killed not known in 2 incidents"
    )
    title = tab.casualty_panel.chart.caption
    assert "damage of unknown value in 2 incidents" in title and "$" not in title


def test_headline_and_charts_show_the_service_figures(qtbot: QtBot, busy_database: Database) -> None:
    tab = make_tab(qtbot, busy_database, today=date(2024, 3, 1))
    figures = dashboard_data(busy_database, None, date(2024, 3, 1))

    assert tab.headline.value_text("incidents") == f"{figures.casualties.incidents:,}" == "603"
    assert tab.headline.value_text("open") == f"{figures.cases.open:,}"
    assert tab.headline.value_text("killed") == figure_text.killed(figures.casualties).value
    assert tab.severity_panel.chart.totals() == tuple(n for _, n in figures.severities)
    assert sum(tab.months_panel.chart.totals()) == figures.months.dated
    assert tab.reassessment_table.rowCount() == len(figures.reassessments) > 0


def test_clicking_a_month_segment_requests_that_month_and_attack_type(qtbot: QtBot, busy_database: Database) -> None:
    where = IncidentFilter(occurred_from=date(2019, 1, 1), occurred_to=date(2019, 12, 31))
    tab = make_tab(qtbot, busy_database, today=date(2024, 3, 1))
    tab.set_filter(where)
    months = tab.data.months if tab.data else pytest.fail("no data")
    assert months.months[0] == "2019-01" and len(months.months) == 12
    # the segment of the most frequent attack type in its busiest month: tall enough to hit
    series = max(months.series, key=lambda s: max(s.counts))
    index = series.counts.index(max(series.counts))

    with qtbot.waitSignal(tab.filter_requested, timeout=2000) as requested:
        click_bar(qtbot, tab.months_panel, months.series.index(series), index)

    wanted = requested.args[0]
    month = months.months[index]
    assert wanted.attack_types == (series.attack_type,)
    assert (wanted.occurred_from.isoformat()[:7], wanted.occurred_to.isoformat()[:7]) == (month, month)
    assert IncidentService(busy_database).count(wanted) == series.counts[index]


def test_clicking_a_severity_bar_keeps_the_other_filters(qtbot: QtBot, busy_database: Database) -> None:
    tab = make_tab(qtbot, busy_database, today=date(2024, 3, 1))
    tab.set_filter(IncidentFilter(attack_types=(AttackType.VANDALISM, AttackType.THREAT)))
    low = dict(tab.data.severities)[Severity.LOW] if tab.data else 0
    assert low > 10

    with qtbot.waitSignal(tab.filter_requested, timeout=2000) as requested:
        click_bar(qtbot, tab.severity_panel, 0, 0)

    assert requested.args[0] == IncidentFilter(
        attack_types=(AttackType.VANDALISM, AttackType.THREAT), severities=(Severity.LOW,)
    )


def test_facility_or_state_chosen_with_the_keyboard(qtbot: QtBot, busy_database: Database) -> None:
    tab = make_tab(qtbot, busy_database, today=date(2024, 3, 1))
    assert tab.ranking_panel.chart.title.startswith("Incidents by facility")
    tab.ranking_choice.setFocus()
    qtbot.keyClick(tab.ranking_choice, Qt.Key.Key_Down)
    assert tab.ranking_panel.chart.title.startswith("Incidents by state")
    top_state = tab.data.states[0] if tab.data else pytest.fail("no data")

    with qtbot.waitSignal(tab.filter_requested, timeout=2000) as requested:
        click_bar(qtbot, tab.ranking_panel, 0, 0)  # the top bar: the most incidents

    assert requested.args[0] == IncidentFilter(states=(top_state.state,))


def test_a_new_filter_redraws_the_figures(qtbot: QtBot, busy_database: Database) -> None:
    tab = make_tab(qtbot, busy_database, today=date(2024, 3, 1))
    everything = int(tab.headline.value_text("incidents").replace(",", ""))
    tab.set_filter(IncidentFilter(states=("WA",)))
    in_wa = IncidentService(busy_database).count(IncidentFilter(states=("WA",)))
    assert tab.headline.value_text("incidents") == f"{in_wa:,}"
    assert 0 < in_wa < everything
    assert "state: WA" in tab.scope_label.text()


def test_hidden_tab_reads_nothing_until_shown(qtbot: QtBot, busy_database: Database) -> None:
    statements: list[str] = []
    event.listen(busy_database.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    tab = make_tab(qtbot, busy_database, today=date(2024, 3, 1), show=False)
    tab.set_filter(IncidentFilter(open_only=True))
    tab.set_filter(IncidentFilter(severities=(Severity.HIGH,)))
    assert statements == [] and tab.data is None

    tab.show()
    qtbot.waitExposed(tab)

    assert tab.data is not None and tab.data.where == IncidentFilter(severities=(Severity.HIGH,))
    assert 0 < len(statements) <= 14  # + the directives and the GTD breakdowns


def test_invalidate_rereads_after_records_change(qtbot: QtBot, demo_database: Database) -> None:
    tab = make_tab(qtbot, demo_database, today=date(2024, 3, 1))
    assert tab.headline.value_text("incidents") == "3"
    service = IncidentService(demo_database)
    first = service.page()[0]
    service.create(replace(first, uuid="", version=0, case_number=None, title="Another attack"))
    tab.hide()
    tab.session.changed(RecordKind.INCIDENT)
    assert tab.headline.value_text("incidents") == "3"  # hidden: nothing read yet
    tab.show()
    qtbot.waitExposed(tab)
    assert tab.headline.value_text("incidents") == "4"


def test_unreadable_database_shows_a_message(qtbot: QtBot, database: Database) -> None:
    tab = make_tab(qtbot, database, today=date(2024, 3, 1))
    assert tab.headline.value_text("incidents") == "0"
    with database.engine.begin() as connection:
        connection.execute(text("ALTER TABLE plan_items RENAME TO plan_items_gone"))

    tab.refresh()

    assert tab.scope_label.text().startswith("Could not read the figures")
    assert "plan_items" in tab.scope_label.text()


def test_without_database(qtbot: QtBot) -> None:
    tab = DashboardTab(Session(None, DatabaseSessions(None)))
    qtbot.addWidget(tab)
    tab.show()
    assert tab.scope_label.text() == "No database is open."


@given(maximum=st.integers(0, 10**9), ticks=st.integers(3, 8))
def test_count_axis_is_whole_numbers_with_headroom(maximum: int, ticks: int) -> None:
    top, step = count_scale(maximum, ticks)
    assert top >= maximum and top % step == 0 and step >= 1
    assert top // step <= ticks + 1
