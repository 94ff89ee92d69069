"""A bar chart widget painted with QPainter: tooltips, clicks, and the keyboard (arrows move, Enter narrows)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QToolTip, QWidget

from desktop.ui.dashboard.chart_data import ChartData, Pick, summary
from desktop.ui.dashboard.chart_painter import Bar, ChartColours, ChartFonts, ChartLayout, layout_chart, paint_chart

Current = tuple[int, int]  # (series, category)


class BarChart(QWidget):
    """Draws a ChartData in the widget's palette and font. It takes focus: the accessible name is the chart's title
    and notes, the description a summary of its figures; Left/Right (Up/Down for horizontal bars) go from bar to bar,
    Up/Down (Left/Right) from segment to segment of a stacked bar, the current one outlined and its figure shown;
    Enter, Space or a click on a bar asks `pick` for the incidents it counts."""

    def __init__(self, name: str, minimum_height: int = 260, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(minimum_height)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._data = ChartData("", (), ())
        self._pick: Pick | None = None
        self._layout: ChartLayout | None = None
        self._current: Current | None = None
        self.set_data(self._data)

    # -- data ---------------------------------------------------------------------------------------
    @property
    def data(self) -> ChartData:
        return self._data

    def set_data(self, data: ChartData, pick: Pick | None = None) -> None:
        self._data = data
        self._pick = pick
        self._layout = None
        self._current = None
        self.setAccessibleName(data.caption or QCoreApplication.translate("BarChart", "Chart, not drawn yet"))
        self.setAccessibleDescription(summary(data))
        self.update()

    @property
    def current(self) -> Current | None:
        """The bar the keyboard is on (series, category)."""
        return self._current

    def chart_layout(self) -> ChartLayout:
        """Where each part is drawn at the widget's present size."""
        if self._layout is None or self._layout.frame != QRectF(self.rect()):
            self._layout = layout_chart(self._data, QRectF(self.rect()), ChartFonts.from_font(self.font()))
        return self._layout

    def bar_rect(self, series: int, index: int) -> QRectF:
        """Where series `series`' part of bar `index` is drawn (an empty rectangle when it is not)."""
        bar = self.chart_layout().bar(series, index)
        return bar.rect if bar is not None else QRectF()

    def sizeHint(self) -> QSize:
        return QSize(360, self.minimumHeight())

    # -- painting -----------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        colours = ChartColours.of(self.palette())
        highlight = self._current if self.hasFocus() else None
        paint_chart(painter, self.chart_layout(), self._data, colours, highlight)
        if self.hasFocus():  # the chart has the keyboard: a frame in the highlight colour
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._layout = None
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.LocaleChange):
            self._layout = None
            self.update()
        super().changeEvent(event)

    # -- mouse --------------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            bar = self.chart_layout().bar_at(QPointF(event.pos()))
            text = self._data.tip(bar.series, bar.index) if bar is not None else self._data.tooltip
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        bar = self.chart_layout().bar_at(event.position())
        if bar is not None and self._pick is not None and self._data.keywords_of(bar.series, bar.index) is not None:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.unsetCursor()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        bar = self.chart_layout().bar_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and bar is not None:
            self._current = (bar.series, bar.index)
            self.update()
            self._activate(bar.series, bar.index)
            return
        super().mouseReleaseEvent(event)

    # -- keyboard -----------------------------------------------------------------------------------
    def focusInEvent(self, event: QFocusEvent) -> None:
        if self._current is None and not self._data.is_empty:
            self._current = (self._nearest(0, 0), 0)
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._data.is_empty or self._current is None:
            super().keyPressEvent(event)
            return
        Key = Qt.Key
        if self._data.horizontal:  # bars top-down, their segments left to right
            bars, segments = {Key.Key_Down: 1, Key.Key_Up: -1}, {Key.Key_Right: 1, Key.Key_Left: -1}
        else:
            bars, segments = {Key.Key_Right: 1, Key.Key_Left: -1}, {Key.Key_Up: 1, Key.Key_Down: -1}
        key = Key(event.key())
        series, index = self._current
        last = len(self._data.categories) - 1
        if key in bars:
            index = min(max(index + bars[key], 0), last)
            self._move(self._nearest(index, series), index)
        elif key in (Key.Key_Home, Key.Key_End):
            index = 0 if key == Key.Key_Home else last
            self._move(self._nearest(index, series), index)
        elif key in segments:
            self._move(self._next_segment(index, series, segments[key]), index)
        elif key in (Key.Key_Return, Key.Key_Enter, Key.Key_Space) and not event.isAutoRepeat():
            self._activate(series, index)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _values(self, index: int) -> list[int]:
        return [series.values[index] for series in self._data.series]

    def _nearest(self, index: int, series: int) -> int:
        """`series` if it has a value in bar `index`, else the nearest series that has (`series` when none has)."""
        values = self._values(index)
        if values[series] or not any(values):
            return series
        return min((i for i, value in enumerate(values) if value), key=lambda i: abs(i - series))

    def _next_segment(self, index: int, series: int, step: int) -> int:
        """The next series after `series` in `step`'s direction with a value in bar `index` (`series` if none)."""
        values = self._values(index)
        candidate = series + step
        while 0 <= candidate < len(values):
            if values[candidate]:
                return candidate
            candidate += step
        return series

    def _move(self, series: int, index: int) -> None:
        self._current = (series, index)
        self.update()
        bar = self.chart_layout().bar(series, index)
        if bar is not None:
            self._show_tip(bar)

    def _show_tip(self, bar: Bar) -> None:
        point = self.mapToGlobal(QPoint(int(bar.rect.center().x()), int(bar.rect.top())))
        QToolTip.showText(point, self._data.tip(bar.series, bar.index), self)

    def _activate(self, series: int, index: int) -> None:
        keywords = self._data.keywords_of(series, index)
        if self._pick is not None and keywords is not None:
            self._pick(**keywords)
