"""The search box: debounced, the grammar's hint in its tooltip, a search that cannot be read never applied."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.domain.kinds import RecordKind
from desktop.domain.search import SearchSyntaxError, parse_search, search_hint

SEARCH_DELAY_MS = 250


class SearchBox(QLineEdit):
    """A search field that emits `search_changed(text)` once typing pauses (or at once on Enter).

    A single letter waits for Enter: it matches nearly every row, so searching it while the person is
    still typing would cost the most expensive query for a result nobody wants.

    A text the search grammar (domain/search.py) cannot read is not emitted: `problem_changed(message)`
    says why instead, and `problem_changed("")` once the text can be read again (at once while typing)."""

    search_changed = Signal(str)
    problem_changed = Signal(str)

    def __init__(
        self,
        placeholder: str,
        parent: QWidget | None = None,
        *,
        delay_ms: int = SEARCH_DELAY_MS,
        kind: RecordKind = RecordKind.INCIDENT,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("search")
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(placeholder)
        self.setAccessibleName(self.tr("Search"))
        self.setToolTip(search_hint(kind))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 24)
        self.kind = kind
        self.problem = ""
        self._emitted = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._emit)
        self.textChanged.connect(self._typed)
        self.returnPressed.connect(self._emit)

    def problem_of(self, text: str) -> str:
        """Why `text` cannot be searched ("" when it can)."""
        try:
            parse_search(text, self.kind)
        except SearchSyntaxError as error:
            return str(error)
        return ""

    def usable_text(self) -> str:
        """The search to apply: the text as typed when it can be read, else the last one applied."""
        return self._emitted if self.problem_of(self.text()) else self.text().strip()

    def _set_problem(self, problem: str) -> None:
        if problem != self.problem:
            self.problem = problem
            self.setAccessibleDescription(problem)
            self.problem_changed.emit(problem)

    def _typed(self, text: str) -> None:
        if self.problem and not self.problem_of(text):
            self._set_problem("")  # mended: the message goes at once, the search follows the pause
        if len(text.strip()) == 1:
            self._timer.stop()
        else:
            self._timer.start()

    def set_text_now(self, text: str) -> None:
        """Set the text without waiting (a filter applied from elsewhere); emits nothing."""
        self.blockSignals(True)
        self.setText(text)
        self.blockSignals(False)
        self._timer.stop()
        self._emitted = text.strip()
        self._set_problem("")

    def _emit(self) -> None:
        self._timer.stop()
        problem = self.problem_of(self.text())  # positions count from the first character the person sees
        self._set_problem(problem)
        text = self.text().strip()
        if not problem and text != self._emitted:
            self._emitted = text
            self.search_changed.emit(text)

    def keyPressEvent(self, event: Any) -> None:
        if event.matches(QKeySequence.StandardKey.Cancel) and self.text():
            self.clear()  # Esc empties the search
            self._emit()
            return
        super().keyPressEvent(event)
