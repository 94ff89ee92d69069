"""ConflictWatch: an open record form told when its record is changed elsewhere (a bar: "Changed by … while you were
editing — Compare…"), and the comparison that merges the stored record into the form so that its save succeeds."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace
from datetime import date, datetime
from enum import Enum
from typing import Any

from PySide6.QtCore import QObject, Qt, SignalInstance
from PySide6.QtWidgets import QBoxLayout, QDialog, QFrame, QHBoxLayout, QLabel, QPushButton

from desktop.domain.changes import BOOKKEEPING, plain
from desktop.domain.live_changes import Change
from desktop.domain.values import PartialDate
from desktop.ui.dialogs.record_conflict_dialog import FieldConflict, RecordConflictDialog, Side
from desktop.ui.error_dialogs import field_label, show_error
from desktop.ui.forms.base import RecordForm
from desktop.ui.theme import themed_style
from desktop.ui.translated import choice_label, date_label, kind_noun, show_date, translate, weapons_text

NAMES = {"facility_uuid": "facility_name", "directive_uuid": "directive_title",
         "scope_facility_uuid": "scope_facility_name"}  # fmt: skip
"""Fields holding another record's uuid, and the field of the same record that names it."""
SKIPPED = (BOOKKEEPING - {"status_history"}) | set(NAMES.values())
BAR_STYLE = ("#conflict_bar { background: $banner_background; border: 1px solid $banner_border; }"
             "#conflict_bar QLabel { color: $banner_text; }")  # fmt: skip


def field_values(record: Any) -> dict[str, object]:
    """A record's values a person edits (the legal history included), by field name."""
    return {f.name: getattr(record, f.name) for f in fields(record) if f.name not in SKIPPED}


def _comparable(key: str, value: object) -> object:
    if key == "status_history" and isinstance(value, tuple):
        return [change.fact for change in value]
    return value


def value_text(key: str, value: object, names: dict[str, str]) -> str:
    """A field's value in words, as the comparison shows it."""
    if key in NAMES:
        return names.get(str(value), str(value or "")) or translate("ConflictWatch", "(none)")
    if value is None or value == "" or value == ():
        return translate("ConflictWatch", "(empty)")
    if isinstance(value, bool):
        return translate("ConflictWatch", "Yes") if value else translate("ConflictWatch", "No")
    if isinstance(value, Enum):
        return choice_label(value)
    if isinstance(value, PartialDate):
        return date_label(value)
    if isinstance(value, date) and not isinstance(value, datetime):
        return show_date(value)
    if key == "weapons" and isinstance(value, tuple):
        return weapons_text(value)
    if key == "status_history" and isinstance(value, tuple):
        return "; ".join(f"{choice_label(c.status)} {date_label(c.changed)}" + (f" ({c.note})" if c.note else "")
                         for c in value)  # fmt: skip
    if key == "related_uuids" and isinstance(value, tuple):
        return translate("ConflictWatch", "{count} linked incidents").format(count=len(value))
    return str(plain(value))


def conflicts(form: RecordForm, base: Any, mine: Any, theirs: Any) -> list[FieldConflict]:
    """The fields whose value in the form differs from the stored one, with their labels and values in words."""
    names: dict[str, str] = {}
    for record in (base, theirs):
        for key, name_field in NAMES.items():
            if hasattr(record, key):
                names[str(getattr(record, key))] = str(getattr(record, name_field, "") or "")
    names.update(getattr(form, "record_names", dict)())
    base_values, mine_values, theirs_values = field_values(base), field_values(mine), field_values(theirs)
    found = []
    for key, theirs_value in theirs_values.items():
        mine_value = mine_values.get(key)
        if _comparable(key, mine_value) == _comparable(key, theirs_value):
            continue
        texts = [value_text(key, value, names) for value in (base_values.get(key), mine_value, theirs_value)]
        found.append(FieldConflict(key, form.field_title(key) or field_label(key), *texts))
    return found


def merged(mine: Any, theirs: Any, choices: dict[str, Side]) -> Any:
    """`theirs` (its version: the one a save checks) with the fields chosen "mine" from the form."""
    values: dict[str, object] = {}
    for key, side in choices.items():
        if side == "mine":
            values[key] = getattr(mine, key)
            if key in NAMES:
                values[NAMES[key]] = getattr(mine, NAMES[key])
    return replace(theirs, **values)


class ConflictWatch(QObject):
    """Installed on a form editing a stored record: `heard(change)` (the session's changed_elsewhere) shows the bar
    when the change leaves the record at a newer version than the form's (its own save never does: the form is
    closed by then); `compare()` reads the stored record and runs the comparison; its result is in the form."""

    def __init__(self, form: RecordForm, load: Callable[[str], Any], changes: SignalInstance) -> None:
        super().__init__(form)
        self.form = form
        self.load = load
        self.dialog: RecordConflictDialog | None = None  # while it is open (tests work it)
        self.told = ""  # who changed the record and when, as the bar says it ("" before a notice)
        self.bar = QFrame(form)
        self.bar.setObjectName("conflict_bar")
        themed_style(self.bar, BAR_STYLE)
        self.message = QLabel()
        self.message.setObjectName("conflict_message")
        self.message.setWordWrap(True)
        self.compare_button = QPushButton(self.tr("&Compare…"))
        self.compare_button.setObjectName("compare_button")
        self.compare_button.clicked.connect(self.compare)
        row = QHBoxLayout(self.bar)
        row.addWidget(self.message, 1)
        row.addWidget(self.compare_button, 0, Qt.AlignmentFlag.AlignTop)
        self.bar.hide()
        layout = form.layout()
        assert isinstance(layout, QBoxLayout)
        layout.insertWidget(0, self.bar)
        changes.connect(self.heard)  # a slot of this child of the form: disconnected when the form goes

    @property
    def base(self) -> Any:
        return getattr(self.form, "record", None)

    def heard(self, change: Change) -> None:
        base = self.base
        if base is None or change.uuid != base.uuid or not self.form.isVisible():
            return
        at = datetime.now().strftime("%H:%M")
        user = change.user or self.tr("someone")
        if change.operation == "delete":
            self.message.setText(
                self.tr("Deleted by {user} at {time} while you were editing. Saving will not bring it back; "
                        "Cancel to close the form.").format(user=user, time=at)
            )  # fmt: skip
            self.compare_button.hide()
            self.bar.show()
        elif change.is_newer_than(base.version):
            self.told = self.tr("Changed by {user} at {time} while you were editing.").format(user=user, time=at)
            self.message.setText(
                self.tr("Changed by {user} at {time} while you were editing — compare to keep yours, take theirs "
                        "or merge before saving.").format(user=user, time=at)
            )  # fmt: skip
            self.compare_button.show()
            self.bar.show()

    def compare(self) -> bool:
        """Read the stored record and compare; True when the form now holds a merge on the stored version."""
        base = self.base
        if base is None:
            return False
        try:
            theirs = self.load(base.uuid)
        except Exception as error:
            show_error(self.form, error, self.tr("Reading the stored {label}").format(label=kind_noun(self.form.kind)))
            return False
        if theirs.version <= base.version:
            self.bar.hide()
            return False
        mine = self.form.build()[0]
        found = conflicts(self.form, base, mine, theirs)
        if not found:  # they changed nothing the form shows differently
            self.form.rebase(theirs, merged(mine, theirs, {}))
            self.bar.hide()
            return True
        said = self.told or self.tr("{label} was changed by someone else since you opened it.").format(
            label=kind_noun(self.form.kind).capitalize()
        )
        heading = said + " " + self.tr("Choose, field by field, what the form keeps; then save it.")
        self.dialog = RecordConflictDialog(heading, found, self.form)
        try:
            if self.dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            choices = self.dialog.choices()
        finally:
            self.dialog.deleteLater()
            self.dialog = None
        self.form.rebase(theirs, merged(mine, theirs, choices))
        self.bar.hide()
        self.told = ""
        return True
