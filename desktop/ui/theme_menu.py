"""View › Theme: System, Light or Dark (exclusive), remembered in the settings and applied at once."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from desktop.ui.settings import WindowSettings
from desktop.ui.theme import ThemeChoice, theme
from desktop.ui.translated import translate


def _texts() -> dict[ThemeChoice, tuple[str, str]]:
    return {  # whole translate() calls: pyside6-lupdate misreads an alias of it
        ThemeChoice.SYSTEM: (
            translate("ThemeMenu", "&System"),
            translate("ThemeMenu", "Light or dark as the system is set"),
        ),
        ThemeChoice.LIGHT: (translate("ThemeMenu", "&Light"), translate("ThemeMenu", "Always light")),
        ThemeChoice.DARK: (translate("ThemeMenu", "&Dark"), translate("ThemeMenu", "Always dark")),
    }


class ThemeMenu(QActionGroup):
    """The three choices as exclusive checkable actions (`actions_by_choice`) in their submenu `menu`. Made, it
    applies the stored choice."""

    def __init__(self, settings: WindowSettings, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("theme_actions")
        self.setExclusive(True)
        self.settings = settings
        self.menu = QMenu(translate("ThemeMenu", "&Theme"), parent)
        self.menu.setObjectName("theme_menu")
        self.actions_by_choice: dict[ThemeChoice, QAction] = {}
        for choice, (text, tip) in _texts().items():
            action = QAction(text, parent)
            action.setObjectName(f"theme_{choice.value}_action")
            action.setCheckable(True)
            action.setStatusTip(tip)
            action.setData(choice.value)
            self.addAction(action)
            self.menu.addAction(action)
            self.actions_by_choice[choice] = action
        chosen = settings.theme()
        self.actions_by_choice[ThemeChoice.parse(chosen)].setChecked(True)
        self.triggered.connect(self._chosen)
        theme().apply(ThemeChoice.parse(chosen))

    def _chosen(self, action: QAction) -> None:
        choice = ThemeChoice.parse(action.data())
        self.settings.save_theme(choice.value)
        self.settings.sync()
        theme().apply(choice)
