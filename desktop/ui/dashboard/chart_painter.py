"""Lays out and draws a ChartData with QPainter in any rectangle: the dashboard's charts, the briefing's images."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen

from desktop.ui.dashboard.chart_colors import is_dark, series_colour, text_on
from desktop.ui.dashboard.chart_common import count_scale
from desktop.ui.dashboard.chart_data import ChartData, Legend, number

PAD, GAP, SWATCH = 8.0, 4.0, 10.0  # layout pixels
WIDEST, THICKEST = 72.0, 36.0  # a vertical bar's width, a horizontal bar's thickness, at most (few bars)
WRAP = int(Qt.TextFlag.TextWordWrap)
CENTRE, LEFT, RIGHT = Qt.AlignmentFlag.AlignCenter, Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
MIDDLE = Qt.AlignmentFlag.AlignVCenter


def blend(first: QColor, second: QColor, share: float) -> QColor:
    """`share` of `second` mixed into `first`."""

    def mix(a: float, b: float) -> float:
        return a + (b - a) * share

    return QColor.fromRgbF(mix(first.redF(), second.redF()), mix(first.greenF(), second.greenF()),
                           mix(first.blueF(), second.blueF()))  # fmt: skip


@dataclass(frozen=True)
class ChartColours:
    """The colours a chart is drawn in: background, text, grid, axis, and which series set (light or dark)."""

    background: QColor
    text: QColor
    grid: QColor
    axis: QColor
    dark: bool

    @classmethod
    def of(cls, palette: QPalette) -> ChartColours:
        """From a widget's palette: Base behind the chart, Text for every word and number, Mid for the lines."""
        base = palette.color(QPalette.ColorRole.Base)
        mid = palette.color(QPalette.ColorRole.Mid)
        return cls(base, palette.color(QPalette.ColorRole.Text), blend(base, mid, 0.45), mid, is_dark(palette))

    @classmethod
    def paper(cls) -> ChartColours:
        """Black on white, for the printed briefing."""
        return cls(QColor("#ffffff"), QColor("#222222"), QColor("#dddddd"), QColor("#8a8a8a"), False)


@dataclass(frozen=True)
class ChartFonts:
    title: QFont
    label: QFont
    small: QFont

    @classmethod
    def from_font(cls, base: QFont) -> ChartFonts:
        """The widget's font for labels; the title bold (at least 9 pt), the notes a little smaller."""
        title, label, small = QFont(base), QFont(base), QFont(base)
        title.setBold(True)
        points = base.pointSizeF() if base.pointSizeF() > 0 else 9.0
        title.setPointSizeF(max(points, 9.0))
        label.setPointSizeF(points * 0.9)
        small.setPointSizeF(points * 0.85)
        return cls(title, label, small)

    @classmethod
    def pixels(cls, title: float, label: float, small: float) -> ChartFonts:
        """Sizes in layout pixels (images: the same size whatever the device's resolution)."""
        fonts = (QFont(), QFont(), QFont())
        for font, size in zip(fonts, (title, label, small), strict=True):
            font.setPixelSize(max(1, round(size)))
        fonts[0].setBold(True)
        return cls(*fonts)


@dataclass(frozen=True)
class Bar:
    """Series `series`' part of bar `index`, where it is drawn."""

    series: int
    index: int
    rect: QRectF
    value: int


@dataclass(frozen=True)
class Text:
    rect: QRectF
    text: str
    align: Qt.AlignmentFlag
    font: QFont
    colour_key: str = ""  # written on this series colour (its best text colour); "" in the text colour


@dataclass
class ChartLayout:
    """Every rectangle of a drawn chart; `bar_at` finds what a point hits."""

    frame: QRectF
    plot: QRectF = field(default_factory=QRectF)
    texts: list[Text] = field(default_factory=list)
    bars: list[Bar] = field(default_factory=list)
    grid: list[float] = field(default_factory=list)  # positions of the value ticks along the value axis
    separators: list[float] = field(default_factory=list)  # between the spans' runs of bars
    swatches: list[tuple[QRectF, int]] = field(default_factory=list)  # legend squares, series index
    value_axis_title: Text | None = None

    def bar(self, series: int, index: int) -> Bar | None:
        return next((bar for bar in self.bars if bar.series == series and bar.index == index), None)

    def bar_at(self, point: QPointF) -> Bar | None:
        """The bar under `point` (a thin bar counts a few pixels around it)."""
        for bar in self.bars:
            if bar.rect.adjusted(-1, -3, 1, 3).contains(point):
                return bar
        return None


def _height(metrics: QFontMetricsF, width: float, text: str) -> float:
    return metrics.boundingRect(QRectF(0, 0, max(width, 1.0), 10_000), WRAP | int(CENTRE), text).height()


def _lines_width(metrics: QFontMetricsF, text: str) -> float:
    return max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0.0)


def _elided(metrics: QFontMetricsF, text: str, width: float) -> str:
    elide = Qt.TextElideMode.ElideRight
    return "\n".join(metrics.elidedText(line, elide, max(width, 1.0)) for line in text.split("\n"))


def layout_chart(data: ChartData, frame: QRectF, fonts: ChartFonts) -> ChartLayout:
    """Where everything of `data` goes in `frame`."""
    layout = ChartLayout(frame)
    title_metrics, label_metrics, small_metrics = (QFontMetricsF(f) for f in (fonts.title, fonts.label, fonts.small))
    inner = frame.adjusted(PAD, PAD, -PAD, -PAD)
    top = inner.top()
    height = _height(title_metrics, inner.width(), data.title)
    layout.texts.append(Text(QRectF(inner.left(), top, inner.width(), height), data.title, CENTRE, fonts.title))
    top += height
    for note in data.notes:
        height = _height(small_metrics, inner.width(), note)
        layout.texts.append(Text(QRectF(inner.left(), top, inner.width(), height), note, CENTRE, fonts.small))
        top += height
    bottom = inner.bottom()
    if data.rest:
        height = _height(small_metrics, inner.width(), data.rest)
        layout.texts.append(Text(QRectF(inner.left(), bottom - height, inner.width(), height), data.rest, CENTRE,
                                 fonts.small))  # fmt: skip
        bottom -= height + GAP
    if data.is_empty:
        return layout
    area = QRectF(inner.left(), top + GAP, inner.width(), max(bottom - top - GAP, 1.0))
    area = _legend(data, area, fonts.label, label_metrics, layout)
    if data.horizontal:
        _horizontal(data, area, fonts, label_metrics, layout)
    else:
        _vertical(data, area, fonts, label_metrics, layout)
    return layout


def _legend(data: ChartData, area: QRectF, font: QFont, metrics: QFontMetricsF, layout: ChartLayout) -> QRectF:
    """Lay out the legend beside or under `area`; the rest of `area` is returned."""
    if data.legend is Legend.NONE or len(data.series) < 1:
        return area
    line = metrics.height()
    widths = [SWATCH + GAP + metrics.horizontalAdvance(series.name) for series in data.series]
    if data.legend is Legend.RIGHT:
        width = min(max(widths) + GAP, area.width() * 0.3)
        left = area.right() - width
        for index, series in enumerate(data.series):
            y = area.top() + index * (line + 2)
            layout.swatches.append((QRectF(left, y + (line - SWATCH) / 2, SWATCH, SWATCH), index))
            text = QRectF(left + SWATCH + GAP, y, width - SWATCH - GAP, line)
            layout.texts.append(Text(text, _elided(metrics, series.name, text.width()), LEFT | MIDDLE, font))
        return area.adjusted(0, 0, -width - GAP, 0)
    rows: list[list[int]] = [[]]
    used = 0.0
    for index, width in enumerate(widths):
        if rows[-1] and used + width + 3 * GAP > area.width():
            rows.append([])
            used = 0.0
        rows[-1].append(index)
        used += width + 3 * GAP
    top = area.bottom() - len(rows) * (line + 2)
    for number_, row in enumerate(rows):
        total = sum(widths[index] for index in row) + 3 * GAP * (len(row) - 1)
        x = area.center().x() - total / 2
        y = top + number_ * (line + 2)
        for index in row:
            layout.swatches.append((QRectF(x, y + (line - SWATCH) / 2, SWATCH, SWATCH), index))
            text = QRectF(x + SWATCH + GAP, y, widths[index] - SWATCH - GAP + 1, line)
            layout.texts.append(Text(text, data.series[index].name, LEFT | MIDDLE, font))
            x += widths[index] + 3 * GAP
    return area.adjusted(0, 0, 0, -len(rows) * (line + 2) - GAP)


def _scale(data: ChartData, ticks: int) -> tuple[int, int]:
    return count_scale(max(data.totals(), default=0) * data.headroom, ticks)


def _vertical(data: ChartData, area: QRectF, fonts: ChartFonts, metrics: QFontMetricsF, layout: ChartLayout) -> None:
    top_value, step = _scale(data, 5)
    line = metrics.height()
    tick_width = max(metrics.horizontalAdvance(number(v)) for v in range(0, top_value + 1, step)) + GAP
    title_width = line + GAP if data.value_title else 0.0
    if data.spans:
        label_height = line + GAP + 2
    else:
        label_height = max(len(data.axis_label(i).split("\n")) for i in range(len(data.categories))) * line + GAP
    plot = QRectF(area.left() + title_width + tick_width + GAP, area.top() + line / 2,
                  0, 0)  # fmt: skip
    plot.setRight(area.right() - 2)
    plot.setBottom(area.bottom() - label_height)
    layout.plot = plot
    if data.value_title:
        rect = QRectF(area.left(), plot.top(), line, plot.height())
        layout.value_axis_title = Text(rect, data.value_title, CENTRE, fonts.label)
    for value in range(0, top_value + 1, step):
        y = plot.bottom() - value / top_value * plot.height()
        layout.grid.append(y)
        rect = QRectF(plot.left() - GAP - tick_width, y - line / 2, tick_width, line)
        layout.texts.append(Text(rect, number(value), RIGHT | MIDDLE, fonts.label))
    count = len(data.categories)
    band = plot.width() / count
    for index in range(count):
        centre = plot.left() + band * (index + 0.5)
        width = min(max(band * data.bar_width, 1.0), WIDEST, band)  # at least 1 px, but inside its band
        base = plot.bottom()
        for series_index, series in enumerate(data.series):
            value = series.values[index]
            height = value / top_value * plot.height()
            rect = QRectF(centre - width / 2, base - height, width, height)
            layout.bars.append(Bar(series_index, index, rect, value))
            _segment_label(data, series_index, index, rect, fonts.label, metrics, layout)
            base -= height
        _total_label(data, index, QRectF(centre - band / 2, base - line - 1, band, line), fonts.label, layout)
        if not data.spans:
            label = _elided(metrics, data.axis_label(index), band)
            rect = QRectF(centre - band / 2, plot.bottom() + GAP / 2, band, label_height)
            layout.texts.append(Text(rect, label, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                                     fonts.label))  # fmt: skip
    for span in data.spans:
        left, right = plot.left() + band * span.first, plot.left() + band * (span.last + 1)
        rect = QRectF(left, plot.bottom() + GAP, right - left, line)
        layout.texts.append(Text(rect, _elided(metrics, span.label, right - left), CENTRE, fonts.label))
        if span.first:
            layout.separators.append(left)


def _horizontal(data: ChartData, area: QRectF, fonts: ChartFonts, metrics: QFontMetricsF, layout: ChartLayout) -> None:
    top_value, step = _scale(data, 4)
    line = metrics.height()
    count = len(data.categories)
    label_width = min(max(_lines_width(metrics, data.axis_label(i)) for i in range(count)), area.width() * 0.42)
    last_tick = metrics.horizontalAdvance(number(top_value))
    plot = QRectF(area.left() + label_width + GAP, area.top(), 0, 0)
    plot.setRight(area.right() - last_tick / 2 - 1)
    plot.setBottom(area.bottom() - line - GAP / 2)
    layout.plot = plot
    for value in range(0, top_value + 1, step):
        x = plot.left() + value / top_value * plot.width()
        layout.grid.append(x)
        width = metrics.horizontalAdvance(number(value)) + GAP
        rect = QRectF(x - width / 2, plot.bottom() + GAP / 2, width, line)
        layout.texts.append(Text(rect, number(value), CENTRE, fonts.label))
    band = plot.height() / count
    for index in range(count):
        centre = plot.top() + band * (index + 0.5)
        thickness = min(max(band * data.bar_width, 1.0), THICKEST, band)  # at least 1 px, but inside its band
        start = plot.left()
        for series_index, series in enumerate(data.series):
            value = series.values[index]
            length = value / top_value * plot.width()
            rect = QRectF(start, centre - thickness / 2, length, thickness)
            layout.bars.append(Bar(series_index, index, rect, value))
            _segment_label(data, series_index, index, rect, fonts.label, metrics, layout)
            start += length
        _total_label(data, index, QRectF(start + GAP / 2, centre - line / 2, area.right() - start, line), fonts.label,
                     layout, LEFT | MIDDLE)  # fmt: skip
        label = _elided(metrics, data.axis_label(index), label_width)
        rect = QRectF(area.left(), centre - band / 2, label_width, band)
        layout.texts.append(Text(rect, label, RIGHT | MIDDLE, fonts.label))


def _segment_label(data: ChartData, series: int, index: int, rect: QRectF, font: QFont, metrics: QFontMetricsF,
                   layout: ChartLayout) -> None:  # fmt: skip
    """A stacked bar's numbers written inside each segment big enough to hold them (a bar of one segment: its
    total says it)."""
    value = data.series[series].values[index]
    parts = sum(1 for other in data.series if other.values[index])
    if not data.value_labels or parts < 2 or not value:
        return
    text = number(value)
    if rect.height() >= metrics.height() and rect.width() >= metrics.horizontalAdvance(text) + 2:
        layout.texts.append(Text(rect, text, CENTRE, font, data.series[series].colour_of(index)))


def _total_label(data: ChartData, index: int, rect: QRectF, font: QFont, layout: ChartLayout,
                 align: Qt.AlignmentFlag = CENTRE) -> None:  # fmt: skip
    """Each bar's total just past its end."""
    if data.value_labels:
        layout.texts.append(Text(rect, number(data.totals()[index]), align, font))


def paint_chart(painter: QPainter, layout: ChartLayout, data: ChartData, colours: ChartColours,
                highlight: tuple[int, int] | None = None) -> None:  # fmt: skip
    """Draw `data` as laid out, on its background; `highlight` (series, index) outlines the current bar."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.fillRect(layout.frame, colours.background)
    plot = layout.plot
    horizontal = data.horizontal
    if not data.is_empty:
        painter.setPen(QPen(colours.grid, 1))
        for position in layout.grid[1:]:
            if horizontal:
                painter.drawLine(QPointF(position, plot.top()), QPointF(position, plot.bottom()))
            else:
                painter.drawLine(QPointF(plot.left(), position), QPointF(plot.right(), position))
        for bar in layout.bars:
            if bar.value:
                painter.fillRect(bar.rect, series_colour(data.series[bar.series].colour_of(bar.index), colours.dark))
        _separate_segments(painter, layout, colours.background, horizontal)
        painter.setPen(QPen(colours.axis, 1))
        if horizontal:
            painter.drawLine(plot.topLeft(), plot.bottomLeft())
        else:
            painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        for x in layout.separators:
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 8))
    for swatch, series in layout.swatches:
        painter.fillRect(swatch, series_colour(data.series[series].colour, colours.dark))
    for text in layout.texts:
        painter.setFont(text.font)
        colour = text_on(series_colour(text.colour_key, colours.dark)) if text.colour_key else colours.text
        painter.setPen(colour)
        painter.drawText(text.rect, int(text.align) | WRAP, text.text)
    if layout.value_axis_title is not None:
        _rotated(painter, layout.value_axis_title, colours.text)
    if highlight is not None:
        _outline(painter, layout, highlight, colours)
    painter.restore()


def _separate_segments(painter: QPainter, layout: ChartLayout, background: QColor, horizontal: bool) -> None:
    """A line of the background colour between stacked segments: each keeps its own edge against the background."""
    painter.setPen(QPen(background, 1.2))
    for bar in layout.bars:
        if bar.series and bar.value:
            if horizontal:
                painter.drawLine(bar.rect.topLeft(), bar.rect.bottomLeft())
            else:
                painter.drawLine(bar.rect.bottomLeft(), bar.rect.bottomRight())


def _rotated(painter: QPainter, text: Text, colour: QColor) -> None:
    painter.save()
    painter.setFont(text.font)
    painter.setPen(colour)
    painter.translate(text.rect.center())
    painter.rotate(-90)
    rect = QRectF(-text.rect.height() / 2, -text.rect.width() / 2, text.rect.height(), text.rect.width())
    painter.drawText(rect, int(CENTRE), text.text)
    painter.restore()


def _outline(painter: QPainter, layout: ChartLayout, highlight: tuple[int, int], colours: ChartColours) -> None:
    """The keyboard's current bar: a ring in the text colour, parted from the bar by the background."""
    bar = layout.bar(*highlight)
    if bar is None:
        return
    painter.setBrush(Qt.BrushStyle.NoBrush)
    whole = QRectF()
    for part in layout.bars:
        if part.index == bar.index:
            whole = whole.united(part.rect) if not whole.isNull() else QRectF(part.rect)
    if len(layout.bars) > len({part.index for part in layout.bars}):  # stacked: the whole bar, dashed
        painter.setPen(QPen(colours.text, 1, Qt.PenStyle.DashLine))
        painter.drawRect(whole.adjusted(-3.5, -3.5, 3.5, 3.5))
    rect = QRectF(bar.rect)
    if rect.height() < 6:  # a thin segment gets a ring big enough to see
        rect.adjust(0, -(6 - rect.height()) / 2, 0, (6 - rect.height()) / 2)
    if rect.width() < 6:
        rect.adjust(-(6 - rect.width()) / 2, 0, (6 - rect.width()) / 2, 0)
    painter.setPen(QPen(colours.background, 2))
    painter.drawRect(rect.adjusted(1, 1, -1, -1))
    painter.setPen(QPen(colours.text, 2))
    painter.drawRect(rect.adjusted(-1.5, -1.5, 1.5, 1.5))
