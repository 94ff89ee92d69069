"""A database server that stopped answering: a bar above the tables, retries with backoff, Retry, back to normal."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMainWindow, QPushButton, QStyle, QWidget

from desktop.domain.errors import ServerUnreachableError
from desktop.persistence.server_link import is_connection_lost, server_answers
from desktop.ui.background_reads import BackgroundReads
from desktop.ui.database_check import place_above_tables
from desktop.ui.session import Session
from desktop.ui.theme import themed_style

DELAYS_S = (2, 4, 8, 15, 30)  # between attempts: quick at first, then every half minute


class ServerBar(QFrame):
    """ "Server not reachable — retrying in N s" and a Retry button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("server_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        themed_style(self, "#server_bar { background: $banner_background; border: 1px solid $banner_border; }"
                           "#server_bar QLabel { color: $banner_text; }")  # fmt: skip
        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(24, 24))
        self.text = QLabel(self)
        self.text.setObjectName("server_bar_text")
        self.text.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("&Retry"), self)
        self.retry_button.setObjectName("server_bar_retry")
        self.retry_button.setToolTip(self.tr("Try to reach the database server now"))
        layout = QHBoxLayout(self)
        layout.addWidget(icon)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.retry_button)
        self.hide()

    def waiting(self, seconds: int) -> None:
        self.text.setText(self.tr("Server not reachable — retrying in {seconds} s. What is shown may be out of "
                                  "date; nothing is saved until it answers.").format(seconds=seconds))  # fmt: skip
        self.retry_button.setEnabled(True)
        self.show()

    def trying(self) -> None:
        self.text.setText(self.tr("Server not reachable — trying to reach it now…"))
        self.retry_button.setEnabled(False)
        self.show()


class ServerStatus(QObject):
    """Follows the window's failed reads: one that lost the server shows the bar and starts the retries (a probe
    on a new connection in a worker: the window keeps turning); when the server answers, the bar goes and `back`
    is emitted (the window reads its tables again)."""

    back = Signal()

    def __init__(self, window: QMainWindow, session: Session, *, delays: Sequence[int] = DELAYS_S) -> None:
        super().__init__(window)
        self.session = session
        self.delays = tuple(delays)
        self.bar = ServerBar(window)
        place_above_tables(window, self.bar)
        self.reads = BackgroundReads(self)
        self.attempts = 0
        self.seconds_left = 0
        self.probing = False
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._count_down)
        self.bar.retry_button.clicked.connect(self.retry_now)
        session.database_changed.connect(lambda _database: self._reset())

    @property
    def unreachable(self) -> bool:
        return not self.bar.isHidden()  # shown, whether or not the window is

    def follow(self, error: object) -> None:
        """A read failed with `error`: when the server was lost, say so and retry (other failures are told where
        they happened)."""
        lost = isinstance(error, ServerUnreachableError) or (isinstance(error, BaseException) and
                                                              is_connection_lost(error))  # fmt: skip
        if lost and not self.unreachable:
            self.attempts = 0
            self._wait()

    def retry_now(self) -> None:
        self._tick.stop()
        self._probe()

    def _wait(self) -> None:
        self.seconds_left = self.delays[min(self.attempts, len(self.delays) - 1)]
        self.bar.waiting(self.seconds_left)
        self._tick.start()

    def _count_down(self) -> None:
        self.seconds_left -= 1
        if self.seconds_left > 0:
            self.bar.waiting(self.seconds_left)
            return
        self._tick.stop()
        self._probe()

    def _probe(self) -> None:
        if self.probing or not self.session.is_open:
            return
        self.probing = True
        self.bar.trying()
        engine = self.session.database.engine
        self.reads.run(lambda: server_answers(engine), self._answered, lambda _error: self._answered(False))

    def _answered(self, answers: bool) -> None:
        self.probing = False
        if not answers:
            self.attempts += 1
            self._wait()
            return
        self._reset()
        self.back.emit()

    def _reset(self) -> None:
        self._tick.stop()
        self.reads.forget()
        self.probing = False
        self.attempts = 0
        self.bar.hide()
