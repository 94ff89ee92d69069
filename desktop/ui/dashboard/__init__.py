"""Dashboard tab: charts (drawn with QPainter) of the filtered incidents, plan deadlines and reassessments due."""

from desktop.ui.dashboard.tab import DashboardTab

__all__ = ["DashboardTab"]
