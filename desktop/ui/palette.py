"""Every colour the window uses, by meaning, with a light and a dark value; looked up for the scheme shown now."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from string import Template
from typing import Literal

from PySide6.QtGui import QColor, QGuiApplication, QPalette

Kind = Literal["surface", "text", "mark", "brand"]


class Scheme(StrEnum):
    LIGHT = "light"
    DARK = "dark"


@dataclass(frozen=True, slots=True)
class Swatch:
    """One colour by meaning. `kind`: a surface (a background), text (WCAG 4.5:1 against every surface in `on`),
    a mark (a non-text mark: an icon's stroke, a border, a dot; 3:1), or a brand colour drawn on its own backdrop.
    `on` names the swatches it is drawn on; "window" and "base" also stand for the platform's own backgrounds
    (PLATFORM_SURFACES) when the platform draws the theme itself."""

    light: str
    dark: str
    kind: Kind
    on: tuple[str, ...] = ()

    def value(self, scheme: Scheme) -> str:
        return self.light if scheme is Scheme.LIGHT else self.dark


PANES = ("window", "base", "alternate_base", "button")  # where ordinary labels, cells and buttons are drawn
CELLS = ("base", "alternate_base")

SWATCHES: dict[str, Swatch] = {
    # ---- the Qt palette of the Fusion style when the platform cannot draw the scheme itself (see theme.py) ----
    "window": Swatch("#efefef", "#323232", "surface"),
    "base": Swatch("#ffffff", "#242424", "surface"),
    "alternate_base": Swatch("#f7f7f7", "#2c2c2c", "surface"),
    "button": Swatch("#efefef", "#3a3a3a", "surface"),
    "tooltip_base": Swatch("#ffffdc", "#3c3c3c", "surface"),
    "highlight": Swatch("#2a6fb5", "#2a6fb5", "surface"),
    "window_text": Swatch("#000000", "#f0f0f0", "text", ("window", "button")),
    "text": Swatch("#000000", "#f0f0f0", "text", CELLS),
    "placeholder": Swatch("#6d6d6d", "#a8a8a8", "text", CELLS),
    "tooltip_text": Swatch("#000000", "#f0f0f0", "text", ("tooltip_base",)),
    "highlighted_text": Swatch("#ffffff", "#ffffff", "text", ("highlight",)),
    "link": Swatch("#0050b3", "#8ab4f8", "text", PANES),
    "link_visited": Swatch("#6a1b9a", "#c58af9", "text", PANES),
    "disabled_text": Swatch("#8c8c8c", "#7a7a7a", "brand"),  # WCAG asks no contrast of disabled controls
    "control_border": Swatch("#767676", "#8c8c8c", "mark", ("window", "base")),  # check boxes, radio buttons
    # ---- messages ----
    "error": Swatch("#b00020", "#ff8a80", "text", PANES),  # a field's problem, a refused passphrase
    "warning": Swatch("#8a5300", "#ffb74d", "text", PANES),  # a warning that does not stop saving
    "alert": Swatch("#b2182b", "#ff8a80", "text", PANES),  # a dashboard figure that needs attention
    "secondary_text": Swatch("#555555", "#b4b4b4", "text", PANES),  # a date's reading, the headline's details
    "success": Swatch("#1b5e20", "#81c784", "text", PANES),  # the "Encrypted" badge (text and padlock)
    # ---- deadlines: overdue and due this week (plan items, directives, reassessments) ----
    "overdue": Swatch("#b00020", "#ff8a80", "text", PANES),  # overdue text without a row colour
    "overdue_background": Swatch("#f8d0d0", "#5a1f24", "surface"),
    "due_soon_background": Swatch("#ffe4a8", "#4a3a0c", "surface"),
    "row_text": Swatch("#1a1a1a", "#f2f2f2", "text", ("overdue_background", "due_soon_background")),
    "overdue_mark": Swatch("#b00020", "#ff6f61", "mark", ("overdue_background", "base")),
    "due_soon_mark": Swatch("#9a5b00", "#ffc107", "mark", ("due_soon_background", "base")),
    # ---- severity: the mark beside it in the incidents table (the word says it too) ----
    "severity_low": Swatch("#2e7d32", "#81c784", "mark", CELLS),
    "severity_medium": Swatch("#b07d00", "#ffd54f", "mark", CELLS),
    "severity_high": Swatch("#d35400", "#ffab40", "mark", CELLS),
    "severity_critical": Swatch("#b00020", "#ff6f61", "mark", CELLS),
    # ---- the database check's banner ----
    "banner_background": Swatch("#fff3cd", "#3d3214", "surface"),
    "banner_text": Swatch("#533f03", "#ffe08a", "text", ("banner_background",)),
    "banner_border": Swatch("#9a6b00", "#c9a227", "mark", ("banner_background", "window")),
    # ---- forms ----
    "sensitive_border": Swatch("#b26a00", "#e0a040", "mark", ("window",)),  # the personal details' group box
    # ---- our action icons (resources/icons/*.svg are drawn in the light values) ----
    "icon": Swatch("#34495e", "#c8d2dc", "mark", ("window", "button")),
    "icon_add": Swatch("#2e7d32", "#81c784", "mark", ("window", "button")),
    "icon_remove": Swatch("#b03a2e", "#ef9a9a", "mark", ("window", "button")),
    # ---- the drawn application icon (when the SVG is missing): its own backdrop in both schemes ----
    "brand_backdrop": Swatch("#2c4f7c", "#2c4f7c", "brand"),
    "brand_mark": Swatch("#d9480f", "#d9480f", "brand"),
}

PLATFORM_SURFACES: dict[Scheme, dict[str, tuple[str, ...]]] = {
    # The backgrounds platforms draw themselves (Fusion, GNOME/GTK, Windows 11, macOS): text on "window" or "base"
    # must read on these too, since in those themes the background is not ours.
    Scheme.LIGHT: {"window": ("#efefef", "#faf9f8", "#f0f0f0", "#ececec"), "base": ("#ffffff", "#faf9f8")},
    Scheme.DARK: {"window": ("#323232", "#2d2d2d", "#202020", "#1e1e1e"), "base": ("#242424", "#1e1e1e", "#2b2b2b")},
}

PRINT: dict[str, str] = {
    # The briefing PDF is printed on white paper whatever the window shows: its colours are these, always.
    "paper": "#ffffff",
    "text": "#000000",
    "secondary_text": "#444444",
    "header_background": "#e6e6e6",
    "overdue_background": SWATCHES["overdue_background"].light,
    "due_soon_background": SWATCHES["due_soon_background"].light,
}


def scheme_of(palette: QPalette) -> Scheme:
    """Dark when the palette's window background is dark."""
    return Scheme.DARK if palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5 else Scheme.LIGHT


def current_scheme() -> Scheme:
    """The scheme the application shows now (light without an application)."""
    if QGuiApplication.instance() is None:
        return Scheme.LIGHT
    return scheme_of(QGuiApplication.palette())


def hex_of(name: str, scheme: Scheme | None = None) -> str:
    """The colour named `name` as "#rrggbb", in `scheme` (default: the one shown now). KeyError for no such name."""
    return SWATCHES[name].value(scheme or current_scheme())


def colour(name: str, scheme: Scheme | None = None) -> QColor:
    return QColor(hex_of(name, scheme))


def style(template: str, scheme: Scheme | None = None) -> str:
    """A style sheet with `$name` for colours ("color: $error;") filled in for `scheme` (default: the one shown)."""
    chosen = scheme or current_scheme()
    return Template(template).substitute({name: swatch.value(chosen) for name, swatch in SWATCHES.items()})


def qpalette(scheme: Scheme) -> QPalette:
    """The whole Qt palette of `scheme` for the Fusion style (used when the platform cannot switch itself)."""

    def c(name: str) -> QColor:
        return colour(name, scheme)

    Role, Group = QPalette.ColorRole, QPalette.ColorGroup
    button = c("button")
    dark = scheme is Scheme.DARK
    palette = QPalette()
    roles = {Role.Window: "window", Role.WindowText: "window_text", Role.Base: "base", Role.Text: "text",
             Role.AlternateBase: "alternate_base", Role.Button: "button", Role.ButtonText: "window_text",
             Role.ToolTipBase: "tooltip_base", Role.ToolTipText: "tooltip_text", Role.PlaceholderText: "placeholder",
             Role.Highlight: "highlight", Role.HighlightedText: "highlighted_text", Role.Accent: "highlight",
             Role.Link: "link", Role.LinkVisited: "link_visited", Role.BrightText: "highlighted_text"}  # fmt: skip
    for role, name in roles.items():
        palette.setColor(role, c(name))
    shades = {Role.Light: button.lighter(130 if dark else 150), Role.Midlight: button.lighter(115 if dark else 125),
              Role.Mid: button.darker(150 if dark else 130), Role.Dark: button.darker(200),
              Role.Shadow: button.darker(300)}  # fmt: skip
    for role, shade in shades.items():
        palette.setColor(role, shade)
    for role in (Role.WindowText, Role.Text, Role.ButtonText, Role.PlaceholderText):
        palette.setColor(Group.Disabled, role, c("disabled_text"))
    palette.setColor(Group.Disabled, Role.Highlight, button.darker(120))
    return palette
