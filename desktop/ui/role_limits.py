"""What the login's team role may not do, in the window: actions disabled with the reason, forms read-only, the
role in the status bar (the server enforces it; this only says so before a person tries)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QMainWindow

from desktop.domain.kinds import RecordKind
from desktop.domain.roles import Ability, Capabilities
from desktop.ui.translated import QT_TRANSLATE_NOOP, translate
from desktop.ui.window_actions import ActionRegistry, WindowAction

_READ = QT_TRANSLATE_NOOP("RoleLimits", "Your role, {role}, cannot read suspect names and personal details")
REFUSALS = {
    Ability.READ_SENSITIVE: _READ,
    Ability.WRITE_RECORDS: QT_TRANSLATE_NOOP("RoleLimits", "Your role, {role}, cannot change records"),
    Ability.DELETE_RECORDS: QT_TRANSLATE_NOOP("RoleLimits", "Your role, {role}, cannot delete records"),
    Ability.RESTORE_RECORDS: QT_TRANSLATE_NOOP("RoleLimits", "Your role, {role}, cannot restore deleted records"),
    Ability.CHANGE_DIRECTIVES: QT_TRANSLATE_NOOP("RoleLimits", "Your role, {role}, cannot change directives"),
    Ability.IMPORT: QT_TRANSLATE_NOOP("RoleLimits", "Your role, {role}, cannot import records"),
}
A = WindowAction


def refusal(capabilities: Capabilities, ability: Ability) -> str:
    """ "Your role, incident_reader, cannot change records", in the UI's language."""
    return translate("RoleLimits", REFUSALS[ability]).format(role=capabilities.role_name)


def needed_to_change(kind: RecordKind | None) -> Ability:
    """What changing a record of `kind` needs: directives are a supervisor's, the rest an analyst's."""
    return Ability.CHANGE_DIRECTIVES if kind is RecordKind.DIRECTIVE else Ability.WRITE_RECORDS


def needed_to_delete(kind: RecordKind | None) -> Ability:
    return Ability.CHANGE_DIRECTIVES if kind is RecordKind.DIRECTIVE else Ability.DELETE_RECORDS


class RoleLimits(QObject):
    """Keeps the window's actions in step with what the open database's login may do (`apply` after every tab
    change and database switch); a refused action is disabled, its tooltip and status tip saying why."""

    def __init__(self, window: QMainWindow, registry: ActionRegistry) -> None:
        super().__init__(window)
        self.setObjectName("role_limits")
        self.window = window
        self.registry = registry
        self.label = QLabel(window)
        self.label.setObjectName("role_label")
        window.statusBar().addPermanentWidget(self.label)
        self.label.hide()
        self._tips: dict[WindowAction, str] = {}

    def apply(self, capabilities: Capabilities, kind: RecordKind | None) -> None:
        """Disable what `capabilities` refuse for the tab showing `kind` (None: no record tab); put back the rest."""
        rules = {A.NEW: needed_to_change(kind), A.DELETE: needed_to_delete(kind), A.IMPORT_CSV: Ability.IMPORT,
                 A.NEW_INCIDENT: Ability.WRITE_RECORDS, A.NEW_FACILITY: Ability.WRITE_RECORDS,
                 A.NEW_PLAN_ITEM: Ability.WRITE_RECORDS, A.NEW_DIRECTIVE: Ability.CHANGE_DIRECTIVES}  # fmt: skip
        for key, ability in rules.items():
            if key not in self.registry:
                continue
            action = self.registry[key]
            if capabilities.may(ability):
                if key in self._tips:  # refused before (another database): enabled, its own tip again
                    tip = self._tips.pop(key)
                    if key not in (A.NEW, A.DELETE):  # the window enables those and words New by the tab
                        action.setEnabled(True)
                        action.setToolTip(tip)
                    action.setStatusTip("")
                continue
            self._tips.setdefault(key, action.toolTip())
            reason = refusal(capabilities, ability)
            action.setEnabled(False)
            action.setToolTip(reason)
            action.setStatusTip(reason)
        self._show_role(capabilities)

    def _show_role(self, capabilities: Capabilities) -> None:
        refused = [ability for ability in REFUSALS if not capabilities.may(ability)]
        if capabilities.role is None and not refused:
            self.label.hide()
            return
        if refused:
            self.label.setText(self.tr("Role: {role} (limited)").format(role=capabilities.role_name))
        else:
            self.label.setText(self.tr("Role: {role}").format(role=capabilities.role_name))
        reasons = "\n".join(refusal(capabilities, ability) for ability in refused)
        self.label.setToolTip(reasons or self.tr("Your role may do everything the app offers"))
        self.label.setAccessibleName(self.label.text())
        self.label.show()
