"""Paged table models of the main window's record tabs."""

from desktop.ui.table_models.columns import Column
from desktop.ui.table_models.directives import DirectiveTableModel
from desktop.ui.table_models.facilities import FacilityTableModel
from desktop.ui.table_models.incidents import IncidentTableModel
from desktop.ui.table_models.paged import PagedTableModel
from desktop.ui.table_models.plan_items import PlanItemTableModel

__all__ = [
    "Column",
    "DirectiveTableModel",
    "FacilityTableModel",
    "IncidentTableModel",
    "PagedTableModel",
    "PlanItemTableModel",
]
