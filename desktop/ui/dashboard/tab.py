"""The Dashboard tab: headline figures, charts following the incident filter, deadline lists."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from desktop.domain.errors import StorageError
from desktop.domain.queries import IncidentFilter
from desktop.persistence.unit_of_work import Database
from desktop.services.dashboard import DashboardData, dashboard_data, narrowed
from desktop.ui.background_reads import BackgroundReads
from desktop.ui.dashboard.breakdown_charts import case_chart, casualty_chart, plan_chart, severity_chart
from desktop.ui.dashboard.chart_panel import ChartPanel
from desktop.ui.dashboard.deadline_tables import DeadlineTable, DirectiveTable, ReassessmentTable
from desktop.ui.dashboard.fact_charts import damage_chart, target_chart
from desktop.ui.dashboard.figure_words import describe_filter
from desktop.ui.dashboard.headline import HeadlineStrip
from desktop.ui.dashboard.month_chart import month_chart
from desktop.ui.dashboard.ranking_chart import facility_chart, state_chart
from desktop.ui.dashboard.referral_tile import PendingReferralTile
from desktop.ui.session import Session
from desktop.ui.translated import QT_TRANSLATE_NOOP, show_date, translate

BY_FACILITY, BY_STATE = QT_TRANSLATE_NOOP("DashboardTab", "By facility"), QT_TRANSLATE_NOOP("DashboardTab", "By state")


class DashboardTab(QWidget):
    """Charts of the incidents the current IncidentFilter selects, in the session's database.

    It follows the session (another database, changed records); `set_filter` and `refresh` feed it; clicking a
    bar emits `filter_requested` with the current filter narrowed to that bar (an IncidentFilter), for the
    incident table to apply. While the tab is hidden, changes only mark it stale; it refreshes when shown."""

    filter_requested = Signal(object)  # IncidentFilter
    read_failed = Signal(object)  # the exception of a failed read (the server status follows it)

    def __init__(
        self, session: Session, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.session = session
        self._today = today
        self._where = IncidentFilter()
        self._data: DashboardData | None = None
        self.reads = BackgroundReads(self)  # a server's figures are read off the GUI thread
        self._stale = True
        self.last_refresh_seconds = 0.0

        self.scope_label = QLabel(self)
        self.scope_label.setObjectName("dashboard_scope")
        self.scope_label.setWordWrap(True)
        self.headline = HeadlineStrip(self)
        self.referral_tile = PendingReferralTile(self.headline)
        self.headline.add_tile(self.referral_tile)
        self.referral_tile.clicked.connect(lambda: self._pick(pending_referral=True))
        self.target_panel = ChartPanel("target_chart")
        self.damage_panel = ChartPanel("damage_chart")
        self.months_panel = ChartPanel("months_chart", 300)
        self.ranking_panel = ChartPanel("ranking_chart")
        self.ranking_choice = QComboBox(self.ranking_panel)
        self.ranking_choice.setObjectName("ranking_choice")
        self.ranking_choice.addItem(translate("DashboardTab", BY_FACILITY), BY_FACILITY)
        self.ranking_choice.addItem(translate("DashboardTab", BY_STATE), BY_STATE)
        self.ranking_choice.setAccessibleName(self.tr("Group incidents"))
        group_label = QLabel(self.tr("&Group incidents:"))
        group_label.setBuddy(self.ranking_choice)
        self.ranking_panel.header.insertWidget(0, group_label)
        self.ranking_panel.header.insertWidget(1, self.ranking_choice)
        self.ranking_choice.currentTextChanged.connect(self._show_ranking)
        self.severity_panel = ChartPanel("severity_chart")
        self.casualty_panel = ChartPanel("casualty_chart")
        self.case_panel = ChartPanel("case_chart")
        self.plan_panel = ChartPanel("plan_chart")
        self.deadline_table = DeadlineTable()
        self.deadline_table.setObjectName("deadline_table")
        self.reassessment_table = ReassessmentTable()
        self.reassessment_table.setObjectName("reassessment_table")
        self.directive_table = DirectiveTable()
        self.directive_table.setObjectName("directive_table")
        self._build_layout()
        session.database_changed.connect(self._database_changed)
        session.records_changed.connect(self.invalidate)

    def _build_layout(self) -> None:
        content = QWidget()
        grid = QGridLayout(content)
        grid.addWidget(self.scope_label, 0, 0, 1, 3)
        grid.addWidget(self.headline, 1, 0, 1, 3)
        grid.addWidget(self.months_panel, 2, 0, 1, 3)
        grid.addWidget(self.ranking_panel, 3, 0)
        grid.addWidget(self.severity_panel, 3, 1)
        grid.addWidget(self.casualty_panel, 3, 2)
        grid.addWidget(self.case_panel, 4, 0)
        grid.addWidget(self.plan_panel, 4, 1)
        deadlines = QGroupBox(self.tr("Plan items overdue or due this week"))
        QVBoxLayout(deadlines).addWidget(self.deadline_table)
        grid.addWidget(deadlines, 4, 2)
        reassessments = QGroupBox(self.tr("Security reassessments due (ISC: 3 years at FSL III–V, 5 at FSL I–II)"))
        QVBoxLayout(reassessments).addWidget(self.reassessment_table)
        grid.addWidget(reassessments, 5, 0, 1, 3)
        directives = QGroupBox(self.tr("Directives: plan items implemented, overdue in red"))
        QVBoxLayout(directives).addWidget(self.directive_table)
        grid.addWidget(directives, 6, 0, 1, 3)

        self._add_fact_panels(grid)
        self._chain_focus()
        for column in range(3):
            grid.setColumnStretch(column, 1)
        scroll = QScrollArea(self)
        scroll.setAccessibleName(self.tr("Dashboard"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _add_fact_panels(self, grid: QGridLayout) -> None:
        """The GTD breakdowns: primary target type and damage extent, on a row of their own."""
        row = grid.rowCount()
        grid.addWidget(self.target_panel, row, 0)
        grid.addWidget(self.damage_panel, row, 1)

    def _chain_focus(self) -> None:
        """Tab goes through the panels in reading order, each panel's header, chart and table in turn."""
        chain: list[QWidget] = [self.referral_tile]
        for panel in (self.months_panel, self.ranking_panel, self.severity_panel, self.casualty_panel,
                      self.case_panel, self.plan_panel):  # fmt: skip
            chain += panel.focus_chain()
        chain += [self.deadline_table, self.reassessment_table, self.directive_table]
        chain += self.target_panel.focus_chain() + self.damage_panel.focus_chain()
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- inputs -------------------------------------------------------------------------------------
    def _database_changed(self, _database: Database) -> None:
        self._data = None
        self._refresh_or_mark_stale()

    def set_filter(self, where: IncidentFilter) -> None:
        self._where = where
        self._refresh_or_mark_stale()

    def invalidate(self, *_: object) -> None:
        """The records changed (the session's records_changed): re-read now if visible, otherwise when shown."""
        self._refresh_or_mark_stale()

    @property
    def current_filter(self) -> IncidentFilter:
        return self._where

    @property
    def data(self) -> DashboardData | None:
        """The figures on display (None before the first refresh or without a database)."""
        return self._data

    def _refresh_or_mark_stale(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # -- refresh ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read every figure (a handful of GROUP BY queries in one read transaction) and redraw."""
        self._stale = False
        if not self.session.is_open:
            self.scope_label.setText(self.tr("No database is open."))
            return
        database = self.session.database
        started = time.perf_counter()
        if not database.is_sqlite:  # a server: in a worker, the window keeps turning; the newest request wins
            self.reads.forget()
            where, today = self._where, self._today()
            self.scope_label.setText(self.tr("Reading the figures…"))
            self.reads.run(
                lambda: dashboard_data(database, where, today),
                lambda data: self._show(data, started),
                lambda error: self._failed(database, error),
            )
            return
        try:
            data = dashboard_data(database, self._where, self._today())
        except (StorageError, SQLAlchemyError) as error:
            self._failed(database, error)
            return
        self._show(data, started)

    def _show(self, data: DashboardData, started: float) -> None:
        self._data = data
        self._draw(data)
        self.last_refresh_seconds = time.perf_counter() - started

    def _failed(self, database: Database, error: Exception) -> None:
        self.read_failed.emit(error)
        self.scope_label.setText(
            self.tr("Could not read the figures from {display_name}: {error}").format(
                display_name=database.display_name, error=error
            )
        )

    def _draw(self, data: DashboardData) -> None:
        self.scope_label.setText(
            self.tr("Showing {describe_filter}; deadlines as of {isoformat}.").format(
                describe_filter=describe_filter(data.where), isoformat=show_date(data.today)
            )
        )
        self.headline.show_data(data)
        self.months_panel.set_chart(month_chart(data.months), self._pick)
        self._show_ranking()
        self.severity_panel.set_chart(severity_chart(data.severities), self._pick)
        self.casualty_panel.set_chart(casualty_chart(data.casualties))
        self.case_panel.set_chart(case_chart(data.cases), self._pick)
        self.plan_panel.set_chart(plan_chart(data.plan_items, data.deadlines))
        self._draw_facts(data)
        self.deadline_table.show_items(data.deadlines.items, data.today)
        self.reassessment_table.show_items(data.reassessments, data.today)
        self.directive_table.show_items(data.directives, data.today)

    def _draw_facts(self, data: DashboardData) -> None:
        self.referral_tile.show_count(data.facts.pending_referral)
        self.target_panel.set_chart(target_chart(data.facts.target_types))
        self.damage_panel.set_chart(damage_chart(data.facts.damage))

    def _show_ranking(self, *_: object) -> None:
        if self._data is None:
            return
        if self.ranking_choice.currentData() == BY_STATE:
            self.ranking_panel.set_chart(state_chart(self._data.states), self._pick)
        else:
            self.ranking_panel.set_chart(facility_chart(self._data.facilities), self._pick)

    def _pick(self, **keywords: Any) -> None:
        """A bar was clicked: ask (after this event) for the incidents it counts."""
        wanted = narrowed(self._where, **keywords)
        QTimer.singleShot(0, self, lambda: self.filter_requested.emit(wanted))
