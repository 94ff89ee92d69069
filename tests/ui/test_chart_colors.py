"""The charts' series colours: WCAG contrast computed for the light and the dark set, the set chosen by the palette,
and the palette's own colours behind and around the bars."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from desktop.domain.enums import AttackType, CaseStatus, PlanStatus, Severity
from desktop.ui.dashboard.chart_colors import (
    DARK,
    DARK_BACKGROUNDS,
    LIGHT,
    LIGHT_BACKGROUNDS,
    NON_TEXT_CONTRAST,
    TEXT_CONTRAST,
    attack_key,
    case_key,
    contrast_ratio,
    is_dark,
    plan_key,
    severity_key,
    text_on,
)
from desktop.ui.dashboard.chart_data import ChartData, Series
from desktop.ui.dashboard.chart_widget import BarChart


def palette(window: str, base: str, text: str) -> QPalette:
    result = QPalette(QColor(window))
    result.setColor(QPalette.ColorRole.Window, QColor(window))
    result.setColor(QPalette.ColorRole.Base, QColor(base))
    result.setColor(QPalette.ColorRole.Text, QColor(text))
    return result


@pytest.mark.parametrize(("colours", "backgrounds"), [(LIGHT, LIGHT_BACKGROUNDS), (DARK, DARK_BACKGROUNDS)],
                         ids=["light", "dark"])  # fmt: skip
def test_every_bar_colour_meets_3_to_1_against_the_chart_background(
    colours: dict[str, str], backgrounds: tuple[str, ...]
) -> None:
    ratios = {(key, background): contrast_ratio(QColor(colour), QColor(background))
              for key, colour in colours.items() for background in backgrounds}  # fmt: skip
    failing = {pair: round(ratio, 2) for pair, ratio in ratios.items() if ratio < NON_TEXT_CONTRAST}
    assert failing == {}
    assert min(ratios.values()) >= 3.3  # the margin the module's comment promises
    for colour in colours.values():  # a number written on a bar (stacked segments) reads
        assert contrast_ratio(text_on(QColor(colour)), QColor(colour)) >= TEXT_CONTRAST


def test_the_ratio_is_wcags() -> None:
    assert contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#767676"), QColor("#ffffff")) == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio(QColor("#ffffff"), QColor("#ffffff")) == pytest.approx(1.0)


def test_both_sets_colour_every_member() -> None:
    assert LIGHT.keys() == DARK.keys()
    keys = {attack_key(a) for a in AttackType} | {severity_key(s) for s in Severity} | {plan_key(p) for p in PlanStatus}
    keys |= {case_key(c) for c in CaseStatus} | {"people.victims", "people.perpetrators", "bar"}
    assert keys == LIGHT.keys()
    assert len({LIGHT[attack_key(a)] for a in AttackType}) == len(AttackType)  # attack types told apart
    assert len({DARK[attack_key(a)] for a in AttackType}) == len(AttackType)


@pytest.mark.parametrize(("window", "base", "text", "dark"), [("#efefef", "#ffffff", "#000000", False),
                                                              ("#353535", "#2b2b2b", "#f0f0f0", True)],
                         ids=["light", "dark"])  # fmt: skip
def test_the_widget_draws_in_its_palette_and_the_matching_set(
    qtbot: QtBot, window: str, base: str, text: str, dark: bool
) -> None:
    chart = BarChart("colours")
    qtbot.addWidget(chart)
    chart.setPalette(palette(window, base, text))
    assert is_dark(chart.palette()) is dark
    chart.resize(400, 300)
    chart.set_data(ChartData("Bars", ("A", "B"), (Series("Incidents", (5, 9), "bar"),)))
    chart.show()
    qtbot.waitExposed(chart)

    image = chart.grab().toImage()
    bar: QRectF = chart.bar_rect(0, 1)
    inside = image.pixelColor(bar.center().toPoint())
    assert inside == QColor((DARK if dark else LIGHT)["bar"])
    assert image.pixelColor(3, image.height() - 3) == QColor(base)  # the background is the palette's Base
