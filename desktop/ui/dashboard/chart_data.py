"""What a dashboard chart shows, apart from how it is drawn: bars, their labels, colours, tips and narrowing keywords;
numbers and month names in the default QLocale; the one-sentence summary a screen reader reads."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cached_property
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

Pick = Callable[..., None]
"""Called with the keywords of desktop.services.dashboard.narrowed (month=, attack_type=, severity=...)."""
Keywords = Mapping[str, Any]


class Legend(Enum):
    NONE = "none"
    RIGHT = "right"
    BOTTOM = "bottom"


@dataclass(frozen=True)
class Series:
    """One stacked layer of bars: its name (legend, table column), a value per category and its colour key
    (desktop.ui.dashboard.chart_colors); `bar_colours` gives each bar its own colour (a one-series chart whose bars
    are different things: severities, statuses)."""

    name: str
    values: tuple[int, ...]
    colour: str
    bar_colours: tuple[str, ...] = ()

    def colour_of(self, index: int) -> str:
        return self.bar_colours[index] if self.bar_colours else self.colour


@dataclass(frozen=True)
class YearSpan:
    """A label under a run of categories (the years under many months): categories first to last, inclusive."""

    label: str
    first: int
    last: int


@dataclass(frozen=True)
class ChartData:
    """A bar chart: `categories` along one axis (vertical bars, or `horizontal` bars listed top-down), one bar per
    category made of the `series` stacked in order.

    `axis_labels` replaces the category names under the bars (short month names; "\\n" breaks a line) and `spans`
    replaces them with labels under runs of bars; a bar's tooltip is `tips[s][c]` (series s, bar c) when given, else
    `tip_format` filled with {category}, {series}, {series_lower} and {value}; `keywords[s][c]` is what clicking it asks
    for (None: not clickable); `value_title` names the numbers (table header, axis)."""

    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    category_title: str = ""
    value_title: str = ""
    series_title: str = ""
    horizontal: bool = False
    notes: tuple[str, ...] = ()
    axis_labels: tuple[str, ...] = ()
    spans: tuple[YearSpan, ...] = ()
    legend: Legend = Legend.NONE
    value_labels: bool = True
    bar_width: float = 0.7
    headroom: float = 1.0
    tooltip: str = ""
    tips: tuple[tuple[str, ...], ...] = ()
    tip_format: str = ""
    keywords: tuple[tuple[Keywords | None, ...], ...] = ()
    rest: str = ""  # what the chart leaves out ("the other 33: 402 incidents"), said under it and in the summary

    @property
    def caption(self) -> str:
        """The title and the notes under it, as one line of text."""
        return "; ".join((self.title, *self.notes))

    def totals(self) -> tuple[int, ...]:
        """Each bar's total (the stacked series summed)."""
        return self._totals

    @cached_property
    def _totals(self) -> tuple[int, ...]:
        if not self.series:
            return tuple(0 for _ in self.categories)
        return tuple(sum(column) for column in zip(*(series.values for series in self.series), strict=True))

    def axis_label(self, index: int) -> str:
        return self.axis_labels[index] if self.axis_labels else self.categories[index]

    def tip(self, series: int, index: int) -> str:
        if self.tips:
            return self.tips[series][index]
        name = self.series[series].name
        value = number(self.series[series].values[index])
        category = self.categories[index].replace("\n", " ")
        if self.tip_format:
            return self.tip_format.format(category=category, series=name, series_lower=name.lower(), value=value)
        return f"{category}: {name}, {value}" if len(self.series) > 1 else f"{category}: {value}"

    def keywords_of(self, series: int, index: int) -> Keywords | None:
        return self.keywords[series][index] if self.keywords else None

    @property
    def is_empty(self) -> bool:
        return not self.categories or not self.series


def chart_locale() -> QLocale:
    """The default locale (set from the chosen language); the untranslated "C" locale reads as US English."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return locale


def number(value: int) -> str:
    """A whole number as the locale writes it: 12,345 in English, 12.345 in Spanish."""
    return chart_locale().toString(int(value))


def month_name(month: int, long: bool = False) -> str:
    """A month as the locale names it on its own (standalone): "Aug" / "August", "ago" / "agosto"."""
    form = QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat
    return chart_locale().standaloneMonthName(month, form)


def month_text(month: str, separator: str = " ", long: bool = False) -> str:
    """A "YYYY-MM" month as words: "Aug 2019" ("ago 2019" in Spanish); `separator` between name and year."""
    year, number_ = month.split("-")
    return f"{month_name(int(number_), long)}{separator}{year}"


def summary(data: ChartData, listed: int = 12) -> str:
    """What the chart shows in a sentence or two, for a screen reader (the chart's accessible description)."""
    if data.is_empty:
        return QCoreApplication.translate("ChartSummary", "No data.")
    totals = data.totals()
    pairs = list(zip(data.categories, totals, strict=True))
    if len(pairs) <= listed:
        described = "; ".join(f"{name.replace(chr(10), ' ')}: {number(total)}" for name, total in pairs)
    else:
        high = max(pairs, key=lambda pair: pair[1])
        many = QCoreApplication.translate("ChartSummary", "{count} bars, {first} to {last}; highest: {name}, {value}")
        described = many.format(count=number(len(pairs)), first=pairs[0][0], last=pairs[-1][0], name=high[0],
                                value=number(high[1]))  # fmt: skip
    total = QCoreApplication.translate("ChartSummary", "Total {total}.")
    text = f"{described}. {total.format(total=number(sum(totals)))}"
    if len(data.series) > 1:
        parts = "; ".join(f"{series.name}: {number(sum(series.values))}" for series in data.series)
        by = QCoreApplication.translate("ChartSummary", "By {what}: {parts}.")
        text += " " + by.format(what=data.series_title.lower(), parts=parts)
    if data.rest:
        text += f" {data.rest}."
    return text


def one_per_bar(name: str, counts: Sequence[int], colours: Sequence[str]) -> Series:
    """One series whose bars each have their own colour."""
    return Series(name, tuple(counts), colours[0] if colours else "bar", tuple(colours))
