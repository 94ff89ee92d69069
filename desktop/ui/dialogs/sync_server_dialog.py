"""File › Synchronize…'s first question: the address of the team's server (remembered per local database, never a
password: the server's login asks it, as when a server database is opened)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget
from sqlalchemy import make_url
from sqlalchemy.exc import ArgumentError

from desktop.persistence.server_login import login_target, passwordless
from desktop.ui.theme import themed_style

EXAMPLE = "postgresql://analyst@server.example/incidents"


def server_url(text: str) -> str | None:
    """The PostgreSQL URL a person typed (`postgres://`, or no scheme at all, read as `postgresql://`); None when it
    is no server address."""
    typed = text.strip()
    if not typed:
        return None
    if "://" not in typed:
        typed = f"postgresql://{typed}"
    elif typed.startswith("postgres://"):
        typed = "postgresql://" + typed.removeprefix("postgres://")
    return typed if login_target(typed) is not None else None


def remembered_form(url: str) -> str:
    """`url` as the settings keep it: without its password."""
    try:
        return passwordless(make_url(url))
    except (ArgumentError, ValueError):
        return ""


class SyncServerDialog(QDialog):
    """The server's address, filled with the one this database used last; Enter goes on once it reads as a server
    address (said under the field as typed), Esc gives up. After exec(): `url()`. `title` and `intro` replace the
    synchronization's words (File › Open server database… asks the same question)."""

    def __init__(self, local_name: str, remembered: str, parent: QWidget | None = None, *,
                 title: str | None = None, intro: str | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("sync_server_dialog")
        self.setWindowTitle(title or self.tr("Synchronize with the team's server"))
        intro_label = QLabel(
            intro
            or self.tr("Send the changes made in {local} to the team's server and receive theirs. First you see what "
                       "will be sent and received; nothing is written before you agree.").format(local=local_name)
        )  # fmt: skip
        intro_label.setWordWrap(True)
        intro_label.setTextFormat(Qt.TextFormat.PlainText)
        self.address = QLineEdit(remembered, self)
        self.address.setObjectName("sync_server_address")
        self.address.setPlaceholderText(EXAMPLE)
        self.address.setToolTip(
            self.tr("The server's PostgreSQL address: postgresql://user@host:port/database. Leave the password out: "
                    "it is asked when the server wants it.")
        )  # fmt: skip
        self.address.setInputMethodHints(
            Qt.InputMethodHint.ImhNoAutoUppercase | Qt.InputMethodHint.ImhUrlCharactersOnly
        )
        self.problem = QLabel(self)
        self.problem.setObjectName("sync_server_problem")
        self.problem.setWordWrap(True)
        themed_style(self.problem, "color: $error;")
        form = QFormLayout()
        form.addRow(self.tr("&Server address:"), self.address)
        buttons = QDialogButtonBox(self)
        self.go_on = buttons.addButton(self.tr("&Continue"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.go_on.setObjectName("sync_server_continue")
        self.go_on.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro_label)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self.address.textChanged.connect(self._check)
        self._check()
        self.address.setFocus(Qt.FocusReason.OtherFocusReason)

    def url(self) -> str | None:
        return server_url(self.address.text())

    def _check(self, *_: object) -> None:
        text = self.address.text().strip()
        wrong = bool(text) and self.url() is None
        self.problem.setText(
            self.tr("Not a server address: type it as {example}").format(example=EXAMPLE) if wrong else ""
        )
        self.problem.setVisible(wrong)
        self.address.setAccessibleDescription(self.problem.text())
        self.go_on.setEnabled(self.url() is not None)

    def _accept(self) -> None:
        if self.url() is not None:
            self.accept()
