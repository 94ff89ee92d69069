"""The login of a PostgreSQL server that asks for a password (the session service's LoginNeeded question): user name,
password masked with Show, "Remember on this computer" (the OS keyring) when a keyring works; Log in, or Quit
(Cancel when switching). A refused password is said with the server's words, and asked again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.passphrases import Passphrase
from desktop.services.session.questions import LoginNeeded
from desktop.ui.theme import themed_style
from desktop.ui.translated import QT_TRANSLATE_NOOP, translate
from desktop.ui.widgets.passphrase_field import SENSITIVE_INPUT, PassphraseField

TITLE = QT_TRANSLATE_NOOP("LoginDialog", "Log in to the database server — Incident Logger")
ERROR_STYLE = "color: $error; font-weight: bold;"  # desktop.ui.palette's colours
REMEMBER_TIP = QT_TRANSLATE_NOOP(
    "LoginDialog",
    "Keep the password in the system keyring of your user account, so that this server does not ask again on this "
    "computer. Anyone who can use your unlocked session can then open the database as you.",
)
NO_KEYRING_TIP = QT_TRANSLATE_NOOP(
    "LoginDialog",
    "No system keyring works on this computer (none is installed, or it cannot be reached), so the password cannot "
    "be remembered: it is asked each time, unless PGPASSWORD or ~/.pgpass gives it.",
)


class LoginDialog(QDialog):
    """Asks the password (and, if need be, the user name) that logs in to `question.server`. Enter logs in (once a
    password is typed), Esc gives up. After exec(): `logged_in`, and `user()`, `password()`, `remember`."""

    def __init__(self, question: LoginNeeded, give_up: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("login_dialog")
        self.setWindowTitle(translate("LoginDialog", TITLE))
        self.setModal(True)
        self.logged_in = False
        self._password: Passphrase | None = None
        self.message = QLabel(
            self.tr("The database server {server} asks for a password.").format(server=question.server), self
        )
        self.message.setObjectName("login_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = QLabel(
            self.tr("The server refused it: {reason}. Check Caps Lock and the keyboard layout, then type it again.")
            .format(reason=question.reason),
            self,
        )  # fmt: skip
        self.error.setObjectName("login_error")
        self.error.setWordWrap(True)
        themed_style(self.error, ERROR_STYLE)
        self.error.setVisible(question.tried)
        self.user_edit = QLineEdit(question.user, self)
        self.user_edit.setObjectName("login_user")
        self.user_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhNoAutoUppercase | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.field = PassphraseField(self.tr("Password"), self)
        self.field.edit.setObjectName("login_password")
        self.field.edit.setInputMethodHints(SENSITIVE_INPUT)
        self.remember = QCheckBox(
            self.tr("&Remember on this computer")
            + ("" if question.can_remember else self.tr(" (no system keyring is available here)")),
            self,
        )
        self.remember.setObjectName("remember_box")
        self.remember.setAccessibleName(self.tr("Remember the password in the system keyring"))
        self.remember.setEnabled(question.can_remember)
        tip = translate("LoginDialog", REMEMBER_TIP if question.can_remember else NO_KEYRING_TIP)
        self.remember.setToolTip(f"<p>{tip}</p>")
        self.remember.setAccessibleDescription(tip)
        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.user_edit)
        form.addRow(self.tr("&Password:"), self.field)
        label = form.labelForField(self.field)
        if isinstance(label, QLabel):
            label.setBuddy(self.field.edit)
        form.addRow("", self.remember)
        buttons = QDialogButtonBox(self)
        self.login_button = buttons.addButton(self.tr("&Log in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.give_up_button = buttons.addButton(give_up, QDialogButtonBox.ButtonRole.RejectRole)
        self.login_button.setObjectName("login_button")
        self.give_up_button.setObjectName("give_up_button")
        self.login_button.setDefault(True)  # Enter anywhere but on another button logs in
        self.login_button.setEnabled(False)
        self.login_button.clicked.connect(self._log_in)
        self.give_up_button.clicked.connect(self.reject)
        self.field.text_changed.connect(self._enable)
        self.user_edit.textChanged.connect(lambda _text: self._enable())
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        if question.tried:
            self.error.setAccessibleName(self.tr("Error"))
            self.field.edit.setAccessibleDescription(self.error.text())
        self.setTabOrder(self.user_edit, self.field.edit)
        self.setTabOrder(self.field.edit, self.field.toggle)
        self.setTabOrder(self.field.toggle, self.remember)
        self._focus()

    def _enable(self) -> None:
        self.login_button.setEnabled(bool(self.field.text()) and bool(self.user_edit.text().strip()))

    def _focus(self) -> None:
        (self.field.edit if self.user_edit.text().strip() else self.user_edit).setFocus(Qt.FocusReason.OtherFocusReason)

    def _log_in(self) -> None:
        self._password = self.field.passphrase()
        if self._password is None or not self.user_edit.text().strip():
            return
        self.logged_in = True
        self.field.clear()  # the typed text does not stay in the widget once read
        self.accept()

    def reject(self) -> None:
        self.logged_in = False
        self.field.clear()
        super().reject()

    def user(self) -> str:
        return self.user_edit.text().strip()

    def password(self) -> Passphrase | None:
        return self._password

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._focus()
