"""The questions of the session service (desktop.services.session) asked in message boxes: another window has the
database open (open anyway?), the file is encrypted (its passphrase, in desktop.ui.dialogs.passphrase_dialog), a
server asks for a password (desktop.ui.dialogs.login_dialog), there is no database at the path (open another file,
or create one there?), the file is damaged (restore the newest good backup, choose one, start empty; the damaged file
is moved aside only on those answers, never on Esc), busy (try again?), or cannot be opened (another file, a new one,
or quit). `answer_at_start` asks them all while the app starts; `answer_when_switching` asks the same about the file
the window is to switch to (Cancel keeps the current database) and tells why any other file cannot be opened."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QDialog, QFileDialog, QMessageBox, QWidget

from desktop.persistence.engine import display_url, sqlite_file, sqlite_url
from desktop.services.backup import BackupSummary, verify_backup
from desktop.services.session.questions import (
    QUIT,
    AlreadyOpen,
    Answer,
    Busy,
    CannotOpen,
    Choice,
    Damaged,
    Locked,
    LoginNeeded,
    Missing,
    Problem,
    Question,
    UpgradeRefused,
)
from desktop.ui.backup_actions import RestoreDialog, summary_text
from desktop.ui.dialogs.history_dialog import local_time
from desktop.ui.dialogs.login_dialog import LoginDialog
from desktop.ui.dialogs.passphrase_dialog import PassphraseDialog, Pressed
from desktop.ui.error_dialogs import explain, show_error
from desktop.ui.translated import QT_TRANSLATE_NOOP, translate

TITLE = QT_TRANSLATE_NOOP("OpenProblems", "Incident Logger")
DATABASE_FILTER = QT_TRANSLATE_NOOP(
    "OpenProblems", "Incident Logger databases (*.incidents *.sqlite3 *.sqlite *.db);;All files (*)"
)
SUFFIX = ".incidents"  # a new database's: the app's own file type (application/x-incident-logger, resources/)
TITLES = {
    Problem.NEWER_SCHEMA: QT_TRANSLATE_NOOP("OpenProblems", "Database from a newer version"),
    Problem.NOT_OURS: QT_TRANSLATE_NOOP("OpenProblems", "Not an Incident Logger database"),
    Problem.READ_ONLY: QT_TRANSLATE_NOOP("OpenProblems", "Database is read-only"),
    Problem.NO_ACCESS: QT_TRANSLATE_NOOP("OpenProblems", "Database cannot be read"),
    Problem.DISK_FULL: QT_TRANSLATE_NOOP("OpenProblems", "Disk full"),
    Problem.BACKUP_FAILED: QT_TRANSLATE_NOOP("OpenProblems", "Cannot upgrade the database"),
    Problem.RESTORE_FAILED: QT_TRANSLATE_NOOP("OpenProblems", "Restore failed"),
    Problem.OPEN_FAILED: QT_TRANSLATE_NOOP("OpenProblems", "Cannot open the database"),
}


def _choose(parent: QWidget | None, question: Question, give_up: str) -> Answer | None:
    """The answer to a question with choices (open anyway, restore, try again), `give_up` naming the way out;
    None for a CannotOpen, which the caller tells its own way."""
    if isinstance(question, AlreadyOpen):
        return _already_open(parent, question, give_up)
    if isinstance(question, Damaged):
        return _damaged(parent, question, give_up)
    if isinstance(question, Busy):
        return _busy(parent, question, give_up)
    if isinstance(question, UpgradeRefused):
        return _upgrade_refused(parent, question, give_up)
    if isinstance(question, Missing):
        return _missing(parent, question, give_up)
    if isinstance(question, Locked):
        return _locked(parent, question, give_up)
    if isinstance(question, LoginNeeded):
        return _login(parent, question, give_up)
    return None


def _login(parent: QWidget | None, question: LoginNeeded, give_up: str) -> Answer:
    """A server's password (and whether to remember it), or give up. The password goes only into the Answer, never
    into a log, a URL or the settings."""
    dialog = LoginDialog(question, give_up, parent)
    try:
        dialog.exec()
        password, user, remember = dialog.password(), dialog.user(), dialog.remember.isChecked()
    finally:
        dialog.deleteLater()
    if not dialog.logged_in or password is None:
        return QUIT  # Quit, Cancel, Esc or the dialog closed
    return Answer(Choice.LOGIN, passphrase=password, user=user, remember=remember and question.can_remember)


def _locked(parent: QWidget | None, question: Locked, give_up: str) -> Answer:
    """An encrypted file: its passphrase (and whether to remember it), another file, or give up. The passphrase
    goes only into the Answer, never into a log or the settings."""
    while True:
        dialog = PassphraseDialog(question, give_up, parent)
        try:
            dialog.exec()
            pressed, passphrase, remember = dialog.pressed, dialog.passphrase(), dialog.remember.isChecked()
        finally:
            dialog.deleteLater()
        if pressed == Pressed.OPEN and passphrase is not None:
            return Answer(Choice.PASSPHRASE, passphrase=passphrase, remember=remember and question.can_remember)
        if pressed != Pressed.OTHER_FILE:
            return QUIT  # Quit, Cancel, Esc or the dialog closed: the file stays as it was
        start = question.path.parent if question.path.parent.is_dir() else Path.home()
        chosen, _ = QFileDialog.getOpenFileName(
            parent, translate("OpenProblems", "Open database"), str(start), translate("OpenProblems", DATABASE_FILTER)
        )
        if chosen:
            return Answer(Choice.OTHER_FILE, url=sqlite_url(Path(chosen)))


def _missing(parent: QWidget | None, question: Missing, give_up: str) -> Answer:
    """No database at the path (mistyped, moved, on a disk not mounted?): create it there only when asked to."""
    text = translate(
        "OpenProblems",
        "{message}\n\nIf the file was moved or its disk is not connected, open it where it is now. Create a new, "
        "empty database at this path only if you mean to start one.",
    ).format(message=question.message)
    while True:
        box = _box(
            parent, QMessageBox.Icon.Warning, translate("OpenProblems", "No database there"), text, "database_missing"
        )
        open_other = box.addButton(translate("OpenProblems", "&Open another file…"), QMessageBox.ButtonRole.AcceptRole)
        create = box.addButton(
            translate("OpenProblems", "&Create a new database here"), QMessageBox.ButtonRole.ActionRole
        )
        quit_button = box.addButton(give_up, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(open_other)
        box.setEscapeButton(quit_button)  # Esc never creates a file
        clicked = _ask(box)
        if clicked is create:
            return Answer(Choice.NEW_FILE, url=question.url)
        if clicked is not open_other:
            return QUIT
        start = question.path.parent if question.path.parent.is_dir() else Path.home()
        chosen, _ = QFileDialog.getOpenFileName(
            parent, translate("OpenProblems", "Open database"), str(start), translate("OpenProblems", DATABASE_FILTER)
        )
        if chosen:
            return Answer(Choice.OTHER_FILE, url=sqlite_url(Path(chosen)))


def answer_at_start(parent: QWidget | None, question: Question) -> Answer:
    """Ask `question` while the app starts (Quit ends the app)."""
    if (answer := _choose(parent, question, translate("OpenProblems", "&Quit"))) is not None:
        return answer
    assert isinstance(question, CannotOpen)
    return _cannot_open(parent, question)


def answer_when_switching(parent: QWidget | None, question: Question) -> Answer:
    """Ask `question` about the database the window is to switch to (Cancel keeps the current one): open anyway,
    restore a backup of a damaged file, try a busy one again. A file that cannot be opened is told in a box named
    after its problem ("not_ours"), and the current database stays."""
    if (answer := _choose(parent, question, translate("OpenProblems", "&Cancel"))) is not None:
        return answer
    if isinstance(question, CannotOpen) and question.problem != Problem.OPEN_FAILED:
        problem = question.problem
        box = _box(
            parent,
            QMessageBox.Icon.Warning,
            translate("OpenProblems", TITLES[problem]),
            question.message,
            problem.value,
        )
        box.setInformativeText(translate("OpenProblems", "The current database stays open."))
        box.addButton(QMessageBox.StandardButton.Ok)
        _ask(box)
        return QUIT
    show_error(parent, question.error, translate("OpenProblems", "Opening the database"))
    return QUIT


def _busy(parent: QWidget | None, question: Busy, give_up: str) -> Answer:
    box = _box(
        parent, QMessageBox.Icon.Warning, translate("OpenProblems", "Database busy"), question.message, "database_busy"
    )
    retry = box.addButton(translate("OpenProblems", "&Try again"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(give_up, QMessageBox.ButtonRole.RejectRole)
    return Answer(Choice.RETRY) if _ask(box) is retry else QUIT


def _upgrade_refused(parent: QWidget | None, question: UpgradeRefused, give_up: str) -> Answer:
    """A shared server's upgrade refused (older clients connected): try again once they have closed, or give up."""
    title = translate("OpenProblems", "Cannot upgrade the database")
    box = _box(parent, QMessageBox.Icon.Warning, title, question.message, "upgrade_refused")
    retry = box.addButton(translate("OpenProblems", "&Try again"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(give_up, QMessageBox.ButtonRole.RejectRole)
    return Answer(Choice.RETRY) if _ask(box) is retry else QUIT


def _already_open(parent: QWidget | None, question: AlreadyOpen, give_up: str) -> Answer:
    who = question.owner.describe() if question.owner else translate("OpenProblems", "another process")
    text = translate(
        "OpenProblems",
        "Incident Logger is already open on {database} ({who}).\n\nUse that window. Opening the database a second "
        "time is safe for saving, but backups on closing and restoring a backup are then left to the first window.",
    ).format(database=question.database, who=who)
    box = _box(parent, QMessageBox.Icon.Warning, translate("OpenProblems", "Already open"), text, "already_open")
    quit_button = box.addButton(give_up, QMessageBox.ButtonRole.RejectRole)
    anyway = box.addButton(translate("OpenProblems", "&Open anyway"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(quit_button)
    return Answer(Choice.OPEN_ANYWAY) if _ask(box) is anyway else QUIT


def _damaged(parent: QWidget | None, question: Damaged, give_up: str) -> Answer:
    newest = question.newest
    text = question.message + "\n\n"
    if newest is not None:
        text += translate(
            "OpenProblems",
            "The newest good backup is from {local_time}. {summary_text}\n\nRestore it? The damaged file is kept "
            "beside it as {kept_as}, for recovery.",
        ).format(
            local_time=local_time(newest.info.taken_at), summary_text=summary_text(newest), kept_as=question.kept_as
        )
    else:
        where = (
            translate("OpenProblems", " in {backup_dir}").format(backup_dir=question.backup_dir)
            if question.backup_dir is not None
            else ""
        )
        other = (
            translate("OpenProblems", "quit and get help")
            if give_up == "&Quit"
            else translate("OpenProblems", "cancel and keep the database that is open now")
        )
        text += translate(
            "OpenProblems",
            "No good backup was found{where}. You can keep the damaged file as {kept_as} and start with an empty "
            "database, or {other}.",
        ).format(where=where, kept_as=question.kept_as, other=other)
    while True:
        box = _box(
            parent, QMessageBox.Icon.Critical, translate("OpenProblems", "Database damaged"), text, "database_damaged"
        )
        restore = (
            box.addButton(translate("OpenProblems", "&Restore this backup"), QMessageBox.ButtonRole.AcceptRole)
            if newest
            else None
        )
        choose = box.addButton(translate("OpenProblems", "&Choose a backup…"), QMessageBox.ButtonRole.ActionRole)
        start_empty = (
            None
            if newest
            else box.addButton(translate("OpenProblems", "Start &empty"), QMessageBox.ButtonRole.DestructiveRole)
        )
        quit_button = box.addButton(give_up, QMessageBox.ButtonRole.RejectRole)
        box.setEscapeButton(quit_button)  # Esc or closing the box must never count as consent to move the file
        box.setDefaultButton(restore or quit_button)
        clicked = _ask(box)
        if clicked is None:  # Esc or the box closed: no consent; the damaged file stays exactly as it was
            return QUIT
        if clicked is restore:
            return Answer(Choice.RESTORE_NEWEST)
        if clicked is choose:
            chosen = _choose_backup(parent, question)
            if chosen is None:
                continue  # back to the question
            return Answer(Choice.CHOOSE_BACKUP, backup=chosen.info.path)
        if start_empty is not None and clicked is start_empty:
            return Answer(Choice.START_EMPTY)
        return QUIT  # quit or cancel: the damaged file stays exactly as it was


def _choose_backup(parent: QWidget | None, question: Damaged) -> BackupSummary | None:
    dialog = RestoreDialog(parent, list(question.backups), verify_backup,
                           intro=translate("OpenProblems", "Choose the backup to restore. The damaged file is kept "
                                                           "beside it."),
                           other_folder=question.backup_dir)  # fmt: skip
    try:
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def _cannot_open(parent: QWidget | None, question: CannotOpen) -> Answer:
    """Say why, and offer another file, a new one, or to quit."""
    problem = question.problem
    if problem == Problem.OPEN_FAILED:
        box = _box(
            parent,
            QMessageBox.Icon.Warning,
            translate("OpenProblems", TITLES[problem]),
            translate("OpenProblems", "Cannot open {display_url}.").format(display_url=display_url(question.url)),
            problem.value,
        )
        headline, details = explain(question.error)
        box.setInformativeText(f"{headline}\n\n{details}")
    else:
        box = _box(
            parent,
            QMessageBox.Icon.Critical,
            translate("OpenProblems", TITLES[problem]),
            question.message,
            problem.value,
        )
    open_other = box.addButton(translate("OpenProblems", "&Open another file…"), QMessageBox.ButtonRole.AcceptRole)
    new_file = box.addButton(translate("OpenProblems", "&New database…"), QMessageBox.ButtonRole.AcceptRole)
    quit_button = box.addButton(translate("OpenProblems", "&Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(open_other)
    box.setEscapeButton(quit_button)
    clicked = _ask(box)
    try:
        path = sqlite_file(question.url)
    except Exception:  # not a URL at all
        path = None
    start = path.parent if path is not None else Path.home()
    if clicked is open_other:
        chosen, _ = QFileDialog.getOpenFileName(
            parent, translate("OpenProblems", "Open database"), str(start), translate("OpenProblems", DATABASE_FILTER)
        )
        choice = Choice.OTHER_FILE
    elif clicked is new_file:
        chosen, _ = QFileDialog.getSaveFileName(
            parent,
            translate("OpenProblems", "New database"),
            str(start / f"incidents{SUFFIX}"),
            translate("OpenProblems", DATABASE_FILTER),
        )
        if chosen and not Path(chosen).suffix:
            chosen += SUFFIX
        choice = Choice.NEW_FILE
    else:
        return QUIT
    return Answer(choice, url=sqlite_url(Path(chosen)) if chosen else question.url)  # no file chosen: try again


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, name: str) -> QMessageBox:
    box = QMessageBox(
        icon, f"{title} — {translate('OpenProblems', TITLE)}", text, QMessageBox.StandardButton.NoButton, parent
    )
    box.setObjectName(name)
    return box


def _ask(box: QMessageBox) -> QAbstractButton | None:
    try:
        box.exec()
        return box.clickedButton()
    finally:
        box.deleteLater()
