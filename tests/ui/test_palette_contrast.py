"""Every colour of desktop.ui.palette reads on what it is drawn on, light and dark (WCAG 2.x contrast: 4.5:1 for text,
3:1 for non-text marks), the printed briefing's colours on paper, and no colour is written anywhere else in the UI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.ui import palette
from desktop.ui.palette import PLATFORM_SURFACES, PRINT, SWATCHES, Scheme

UI = Path(palette.__file__).parent
TEXT, MARK = 4.5, 3.0  # WCAG 2.x 1.4.3 (AA, normal text) and 1.4.11 (non-text contrast)
CHARTS = re.compile(r"chart")  # the dashboard's and the briefing's charts keep their own colour module
HEX = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")
NAMED = re.compile(r"QColor\(\s*([\"'][a-zA-Z]|\d)|Qt\.GlobalColor\.(?!transparent\b)|QColorConstants")
STYLE_NAME = re.compile(r"\$\{?([a-z_]+)")  # a colour in a style sheet template ("color: $error;")
FORMAT_CALL = re.compile(r"\.format\(([^)]*)\)")
KEYWORD = re.compile(r"(\w+)=")


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    """WCAG 2.x relative luminance of "#rrggbb"."""
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_contrast_formula_gives_wcag_figures() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the lightest grey passing AA on white
    assert contrast("#777777", "#ffffff") < TEXT  # ...and one step lighter fails


def backgrounds(surface: str, scheme: Scheme) -> list[str]:
    """The surface's own value and, for the window and cells, what platforms draw there themselves."""
    return [SWATCHES[surface].value(scheme), *PLATFORM_SURFACES[scheme].get(surface, ())]


@pytest.mark.parametrize("scheme", list(Scheme))
def test_every_text_and_mark_reads_on_what_it_is_drawn_on(scheme: Scheme) -> None:
    failures = []
    checked = 0
    for name, swatch in SWATCHES.items():
        if swatch.kind not in ("text", "mark"):
            continue
        assert swatch.on, f"{name} says on what it is drawn"
        needed = TEXT if swatch.kind == "text" else MARK
        for surface in swatch.on:
            assert SWATCHES[surface].kind == "surface", f"{name} is drawn on {surface}, which is no surface"
            for background in backgrounds(surface, scheme):
                ratio = contrast(swatch.value(scheme), background)
                checked += 1
                if ratio < needed:
                    failures.append(f"{name} {swatch.value(scheme)} on {surface} {background}: {ratio:.2f}:1")
    assert failures == []
    assert checked > 150  # the loop saw the palette


def test_the_dark_values_are_dark_and_the_light_ones_light() -> None:
    for surface in ("window", "base", "alternate_base", "button", "overdue_background", "due_soon_background"):
        assert luminance(SWATCHES[surface].light) > 0.5 > luminance(SWATCHES[surface].dark) * 4, surface


def test_the_printed_briefing_reads_on_paper() -> None:
    """The PDF is printed on white paper: its colours are the light ones whatever the window shows."""
    for text in ("text", "secondary_text"):
        for surface in ("paper", "header_background", "overdue_background", "due_soon_background"):
            assert contrast(PRINT[text], PRINT[surface]) >= TEXT, (text, surface)
    assert PRINT["overdue_background"] == SWATCHES["overdue_background"].light


def ui_sources() -> list[Path]:
    return [p for p in sorted(UI.rglob("*.py")) if p.name != "palette.py" and not CHARTS.search(p.name)]


def test_no_colour_is_written_outside_the_palette() -> None:
    """Any colour in a UI module but the palette (and the charts' own) is one the theme cannot change."""
    found = []
    for path in ui_sources():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if HEX.search(line.split("  #")[0]) or NAMED.search(line):
                found.append(f"{path.relative_to(UI)}:{number}: {line.strip()}")
    assert len(ui_sources()) > 50
    assert found == []


def style_names(source: str) -> set[str]:
    """The `$name`s of a module's style sheet templates: not a dollar before a str.format field ("${amount}",
    filled by `.format(amount=…)`)."""
    fields = {name for call in FORMAT_CALL.findall(source) for name in KEYWORD.findall(call)}
    return set(STYLE_NAME.findall(source)) - fields


def test_every_colour_named_in_a_style_sheet_is_in_the_palette() -> None:
    """A misspelt name would raise only when its style is first shown: every one is checked here."""
    used = {name for path in ui_sources() for name in style_names(path.read_text(encoding="utf-8"))}
    assert {"error", "warning", "overdue", "banner_background", "header_background"} <= used
    assert used - set(SWATCHES) - set(PRINT) == set()
