"""Light or dark: the system's colour scheme or the one chosen in View › Theme, and what re-applies colours on a change.

Qt ≥ 6.8 switches the platform's own theme (`QStyleHints.setColorScheme`); where the platform cannot (offscreen, a
window manager without a platform theme, styles that only draw light), the Fusion style gets the palette of
`desktop.ui.palette`. Style sheets and drawn colours are re-applied through `on_theme_change` and `themed_style`."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory, QStyleOption, QWidget

from desktop.ui.palette import Scheme, colour, qpalette, scheme_of, style

LIGHT_ONLY_STYLES = frozenset({"windows", "windowsvista"})  # they draw light whatever the palette says
FALLBACK_STYLE = "Fusion"
PE = QStyle.PrimitiveElement
OUTLINED = {PE.PE_IndicatorCheckBox: False, PE.PE_IndicatorItemViewItemCheck: False, PE.PE_IndicatorRadioButton: True}


class OutlinedFusion(QProxyStyle):
    """Fusion, with check boxes and radio buttons outlined in the palette's "control_border": Fusion outlines them in
    the window colour made darker, which on a dark window cannot be seen (the box is as dark as the window)."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create(FALLBACK_STYLE))

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,
                      widget: QWidget | None = None) -> None:  # fmt: skip
        super().drawPrimitive(element, option, painter, widget)
        if element not in OUTLINED:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(colour("control_border"))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        box = option.rect.toRectF().adjusted(0.5, 0.5, -0.5, -0.5)
        if OUTLINED[element]:
            painter.drawEllipse(box)
        else:
            painter.drawRoundedRect(box, 1.5, 1.5)
        painter.restore()


class ThemeChoice(StrEnum):
    """View › Theme: follow the system, or always light, or always dark (the value is stored in the settings)."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    @classmethod
    def parse(cls, text: object) -> ThemeChoice:
        """A stored value; anything unknown (an older or edited settings file) is SYSTEM."""
        try:
            return cls(str(text or ""))
        except ValueError:
            return cls.SYSTEM


class Theme(QObject):
    """The application's one theme: `apply(choice)`; `changed` after every change of scheme (the system's too)."""

    changed = Signal()

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("theme")
        self.app = app
        self.choice = ThemeChoice.SYSTEM
        self.fallback: Scheme | None = None  # the scheme whose palette we set, while the platform's cannot show it
        self._native_style = app.style().name()
        self._restyled = False  # OutlinedFusion set while the fallback is dark
        self._applying = False
        self._follow = QTimer(self)  # the platform changes its palette right after it signals the new scheme
        self._follow.setSingleShot(True)
        self._follow.setInterval(0)
        self._follow.timeout.connect(self._system_changed)
        app.styleHints().colorSchemeChanged.connect(self._scheme_signalled)

    def scheme(self) -> Scheme:
        """The scheme shown now."""
        return scheme_of(self.app.palette())

    def wanted(self) -> Scheme | None:
        """The scheme the choice asks for; with SYSTEM the platform's (None: it does not say)."""
        if self.choice is ThemeChoice.LIGHT:
            return Scheme.LIGHT
        if self.choice is ThemeChoice.DARK:
            return Scheme.DARK
        system = self.app.styleHints().colorScheme()
        return {Qt.ColorScheme.Dark: Scheme.DARK, Qt.ColorScheme.Light: Scheme.LIGHT}.get(system)

    def apply(self, choice: ThemeChoice) -> None:
        """Show `choice`: the platform's theme in that scheme if it can, else Fusion with our palette."""
        self.choice = choice
        self._applying = True
        try:
            self._leave_fallback()
            hints = self.app.styleHints()
            if hasattr(hints, "setColorScheme"):  # Qt ≥ 6.8
                if choice is ThemeChoice.SYSTEM:
                    hints.unsetColorScheme()
                else:
                    hints.setColorScheme(Qt.ColorScheme.Dark if choice is ThemeChoice.DARK else Qt.ColorScheme.Light)
            wanted = self.wanted()
            light_only = self.app.style().name().lower() in LIGHT_ONLY_STYLES
            if wanted is not None and (self.scheme() is not wanted or (wanted is Scheme.DARK and light_only)):
                self._enter_fallback(wanted)
        finally:
            self._applying = False
        self.changed.emit()

    def _enter_fallback(self, scheme: Scheme) -> None:
        if scheme is Scheme.DARK:
            self.app.setStyle(OutlinedFusion())
            self._restyled = True
        self.app.setPalette(qpalette(scheme))
        self.fallback = scheme

    def _leave_fallback(self) -> None:
        if self.fallback is None:
            return
        if self._restyled:
            self.app.setStyle(QStyleFactory.create(self._native_style))
            self._restyled = False
        self.app.setPalette(QPalette())  # nothing set: the platform's palette again
        self.fallback = None

    def _scheme_signalled(self, _scheme: Qt.ColorScheme) -> None:
        if not self._applying and self.choice is ThemeChoice.SYSTEM:
            self._follow.start()

    def _system_changed(self) -> None:
        """The system switched light/dark while the choice is to follow it."""
        if self.choice is ThemeChoice.SYSTEM:
            self.apply(ThemeChoice.SYSTEM)


def theme() -> Theme:
    """The application's Theme (made on first use; the QApplication must exist)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication), "the theme needs a QApplication"
    found = app.findChild(Theme, "theme")
    return found if isinstance(found, Theme) else Theme(app)


class _Hook(QObject):
    """Calls `apply` now and after every change of theme, for as long as its owner lives (it is its child)."""

    def __init__(self, owner: QObject, key: str, apply: Callable[[], object]) -> None:
        super().__init__(owner)
        self.setObjectName(key)
        self.apply = apply
        theme().changed.connect(self.run)

    def run(self) -> None:
        self.apply()


def on_theme_change(owner: QObject, apply: Callable[[], object], key: str = "theme_hook", *, now: bool = True) -> None:
    """Call `apply` now (unless not `now`) and again whenever the scheme changes while `owner` exists; a later
    call with the same `key` on the same owner replaces the earlier `apply`."""
    existing = owner.findChild(_Hook, key, Qt.FindChildOption.FindDirectChildrenOnly)
    if isinstance(existing, _Hook):
        existing.apply = apply
    else:
        existing = _Hook(owner, key, apply)
    if now:
        existing.run()


def themed_style(widget: QWidget, template: str) -> None:
    """`widget`'s style sheet from `template`, its colours by name ("color: $error;"), for the scheme shown now
    and again after every change; "" clears it."""
    on_theme_change(widget, lambda: widget.setStyleSheet(style(template)), "theme_style")
