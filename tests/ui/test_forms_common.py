"""What every record form shares: labels with mnemonics, no way to the database, nothing clipped."""

from __future__ import annotations

import ast
import gc
import re
from pathlib import Path

import forms_fixtures as ff
import pytest
import shiboken6
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from pytestqt.qtbot import QtBot

import desktop.ui.forms
from desktop.ui.forms.base import RecordForm
from desktop.ui.forms.facility_form import FacilityForm
from desktop.ui.forms.incident_form import IncidentForm
from desktop.ui.forms.plan_item_form import PlanItemForm
from desktop.ui.forms.related import RelatedRecords

services = ff.services
FORMS_PACKAGE = Path(desktop.ui.forms.__file__).parent


def make(kind: str, services: ff.Services) -> RecordForm:
    names = services.facilities.names()
    if kind == "facility":
        return FacilityForm(services.facilities.get(services.facility_named("Tacoma")), RelatedRecords())
    if kind == "incident":
        return IncidentForm(services.incidents.get(services.incident_titled("Armed attack")), names)
    return PlanItemForm(services.plan_items.page()[0], names)


@pytest.mark.parametrize("kind", ["facility", "incident", "plan_item"])
def test_every_field_has_a_label_with_a_mnemonic_and_a_buddy(qtbot: QtBot, services: ff.Services, kind: str) -> None:
    form = ff.shown(qtbot, make(kind, services))
    buddies = {label.buddy() for label in form.findChildren(QLabel) if label.buddy() is not None}
    for key, slot in form._slots.items():
        assert slot.focus in buddies, f"{kind}: field {key} has no label pointing at it"
    mnemonics = [re.search(r"&(\w)", label.text()) for label in form.findChildren(QLabel) if label.buddy()]
    assert all(mnemonics), "every field label has a mnemonic"
    if kind != "incident":  # the incident form has more fields than letters; Qt cycles duplicates
        letters = [m.group(1).lower() for m in mnemonics if m]
        assert len(letters) == len(set(letters)), f"{kind}: mnemonics repeat: {sorted(letters)}"


@pytest.mark.parametrize("kind", ["facility", "incident", "plan_item"])
def test_nothing_is_clipped_at_the_opening_size(qtbot: QtBot, services: ff.Services, kind: str) -> None:
    form = ff.shown(qtbot, make(kind, services))
    editors = [widget for slot in form._slots.values() for widget in (slot.editor, slot.focus)]
    texts = form.findChildren(QLabel) + form.findChildren(QAbstractButton)
    too_small = [
        f"{type(widget).__name__} {widget.property('text')!r}: {widget.size()} < {widget.minimumSizeHint()}"
        for widget in editors + texts
        if widget.isVisible()
        and (widget.width() < widget.minimumSizeHint().width() or widget.height() < widget.minimumSizeHint().height())
    ]
    assert too_small == [], kind


def test_forms_cannot_reach_the_database() -> None:
    """Dialogs only return values: no module of the forms package imports services or persistence."""
    offenders = []
    for path in FORMS_PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            offenders += [f"{path.name}: {n}" for n in names if n.startswith(("desktop.services", "desktop.persist"))]
    assert offenders == []


@pytest.mark.parametrize("kind", ["facility", "incident", "plan_item"])
def test_a_dropped_form_is_freed(qapp: object, services: ff.Services, kind: str) -> None:
    """No reference cycle (a lambda holding the dialog in one of its own connections) keeps a closed form
    alive until the application ends, where PySide6 may crash deleting it after QApplication."""
    form = make(kind, services)
    form.show()
    QApplication.processEvents()  # as the event loop does (the form has a 0 ms timer after showing)
    form.close()
    inner = form.save_button
    del form
    gc.collect()
    assert not shiboken6.isValid(inner)
