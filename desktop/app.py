"""GUI entry point: QApplication, opening the database (with clear messages), the main window, a clean exit."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from desktop import __version__
from desktop.paths import APP_AUTHOR, APP_NAME, AppPaths
from desktop.persistence.engine import display_url, sqlite_file
from desktop.persistence.private_files import make_private_folder, restrict_to_owner
from desktop.persistence.unit_of_work import Database
from desktop.services.session.questions import Answer, Locked, LoginNeeded, Question
from desktop.services.session.service import DatabaseSessions
from desktop.timing import mark, quit_after_show
from desktop.ui import accessibility
from desktop.ui.error_dialogs import set_log_file, show_unexpected
from desktop.ui.features import install_features
from desktop.ui.icons import app_icon
from desktop.ui.language import add_language_menu, chosen_language, install_language
from desktop.ui.main_window import MainWindow
from desktop.ui.open_problems import answer_at_start
from desktop.ui.session import Session
from desktop.ui.settings import WindowSettings, settings_file
from desktop.ui.theme import ThemeChoice, theme
from desktop.ui.window_dialogs import WindowDialogs

QUIT_AFTER_ENV = "INCIDENT_LOGGER_QUIT_AFTER_MS"  # tests: close dialogs and the window this long after start
LOG_NAME = "incident-logger.log"
log = logging.getLogger(__name__)


def build_main_window(
    session: Session,
    app_paths: AppPaths,
    settings: QSettings | None = None,
    *,
    today: Callable[[], date] = date.today,
    dialogs: WindowDialogs | None = None,
) -> MainWindow:
    """The main window over the session's database (the app, tests, screenshots and the benchmark build it so);
    `dialogs` builds the forms and questions it opens (tests pass one that works them)."""
    qsettings = settings if settings is not None else settings_file(app_paths.config_dir)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        accessibility.install(app)  # every input of every window and dialog named by its label
    window = MainWindow(session, WindowSettings(qsettings), today=today, dialogs=dialogs)
    window.app_paths = app_paths
    window.features = install_features(window, app_paths)
    window.build_chrome()  # menus and toolbar of every registered action, then the remembered layout
    add_language_menu(window, window.menus["view"], qsettings)
    return window


def run_gui(url: str, app_paths: AppPaths, *, create: bool = False, lang: str | None = None) -> int:
    """Show the window on `url` (the last database used, when `url` is the default) until it is closed; a missing
    file other than the default database is asked about first unless `create` (--create) says to make it. The UI
    speaks `lang` (--lang), else INCIDENT_LOGGER_LANG, View › Language or the system's language."""
    mark("imports")
    log_file = configure_logging(app_paths)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("Incident Logger")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_NAME)
    app.setWindowIcon(app_icon())
    qsettings = settings_file(app_paths.config_dir)
    theme().apply(ThemeChoice.parse(WindowSettings(qsettings).theme()))  # before any dialog (a passphrase) shows
    translators = install_language(app, chosen_language(lang, qsettings))
    shown: list[MainWindow] = []  # the window, while there is one (for the hooks below)
    previous_hook = sys.excepthook
    sys.excepthook = lambda kind, error, tb: show_unexpected(kind, error, tb, shown[0] if shown else None)
    quit_after = os.environ.get(QUIT_AFTER_ENV, "")
    if quit_after.isdigit():
        closer = QTimer(app)  # repeats: start-up may show one dialog after another
        closer.setInterval(int(quit_after))
        closer.timeout.connect(lambda: close_everything(shown[0] if shown else None))
        closer.start()
    try:
        code = _run(app, url, app_paths, qsettings, shown, create)
    finally:
        sys.excepthook = previous_hook
        qsettings.sync()
        restrict_to_owner(Path(qsettings.fileName()))  # Qt writes it as the umask says; it names the databases used
        shiboken6.delete(qsettings)  # written; gone before the QApplication
        for translator in translators:
            app.removeTranslator(translator)
        if existing is None:
            app.shutdown()  # the QApplication goes before Python's own teardown
    log.info("exited with %s (log: %s)", code, log_file)
    return code


def tell_at_start(message: str, lang: str | None = None) -> None:
    """Show why the app cannot start (its folders cannot be made) in a message box, before any window (its title
    in the UI's language; the message comes from the paths module, in English)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    translators = install_language(app, chosen_language(lang, None))
    text = message[:1].upper() + message[1:] + "."
    title = QCoreApplication.translate("App", "Incident Logger cannot start")
    box = QMessageBox(QMessageBox.Icon.Critical, title, text)
    box.setObjectName("cannot_start")
    quit_after = os.environ.get(QUIT_AFTER_ENV, "")
    if quit_after.isdigit():
        QTimer.singleShot(int(quit_after), box.reject)
    try:
        box.exec()
    finally:
        shiboken6.delete(box)
        for translator in translators:
            app.removeTranslator(translator)
        if existing is None:
            app.shutdown()


def _run(app: QApplication, url: str, app_paths: AppPaths, qsettings: QSettings, shown: list[MainWindow],
         create: bool = False) -> int:  # fmt: skip
    settings = WindowSettings(qsettings)
    sessions = DatabaseSessions(app_paths.backup_dir)
    start = starting_url(url, app_paths, settings)
    database = open_first_database(sessions, start, create=create or start == app_paths.default_url)
    if database is None:
        return 1
    mark("opened")
    settings.add_recent_database(database.url)
    session = Session(database, sessions)
    try:
        window = build_main_window(session, app_paths, qsettings)
    except BaseException:
        session.close()
        raise
    shown.append(window)
    code = 1
    try:
        window.show()
        log.info("main window shown on %s", database.display_name)
        QTimer.singleShot(0, lambda: _first_page_shown(window))
        code = app.exec()
    finally:
        shown.clear()
        if not _shut_down(window, session, settings) and code == 0:
            code = 1
    return code


def _first_page_shown(window: MainWindow) -> None:
    """The window has painted its first page (the event loop's first turn after show()): mark it, and quit at once
    when the start benchmark asks to."""
    mark("first page shown")
    if quit_after_show():
        close_everything(window)


def _shut_down(window: MainWindow, session: Session, settings: WindowSettings) -> bool:
    """Save the layout, close the database (backup, dispose, unlock), then delete the window and its models
    while the QApplication still exists. False when something could not be saved or closed."""
    ok = True
    try:
        window.save_settings()
        settings.sync()
    except Exception:
        log.exception("saving the window settings failed")
        ok = False
    try:
        session.close()
    except Exception:
        log.exception("closing the database failed")
        ok = False
    if shiboken6.isValid(window):
        shiboken6.delete(window)
    return ok


def close_everything(window: MainWindow | None) -> None:
    """Reject open dialogs, close the window and leave the event loop (the quit-after timer of tests)."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
    if window is not None:
        window.close()
    QApplication.quit()


class _PrivateLog(logging.handlers.RotatingFileHandler):
    """A rotated log file that is owner-only (0600) whatever the umask: it names databases and their problems."""

    def _open(self) -> Any:
        descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        restrict_to_owner(Path(self.baseFilename))
        return os.fdopen(descriptor, "a", encoding=self.encoding, errors=self.errors)


def configure_logging(app_paths: AppPaths) -> Path | None:
    """Log to `<data dir>/logs/incident-logger.log` (rotated) and warnings to stderr."""
    root = logging.getLogger()
    if any(getattr(h, "incident_logger", False) for h in root.handlers):
        return None
    root.setLevel(logging.INFO)
    log_file: Path | None = app_paths.data_dir / "logs" / LOG_NAME
    try:
        assert log_file is not None
        make_private_folder(log_file.parent)
        handler: logging.Handler = _PrivateLog(log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    except OSError:
        log_file, handler = None, logging.NullHandler()
    handler.incident_logger = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    console.setFormatter(logging.Formatter("incident-logger: %(message)s"))
    console.incident_logger = True  # type: ignore[attr-defined]
    root.addHandler(console)
    set_log_file(log_file)
    return log_file


def starting_url(url: str, app_paths: AppPaths, settings: WindowSettings) -> str:
    """The database to open: the one asked for, or (when that is the default) the last one used, if it exists."""
    if url != app_paths.default_url:
        return url
    last = settings.last_database()
    path = sqlite_file(last) if last else None
    return last if path is not None and path.is_file() else url


def open_first_database(
    sessions: DatabaseSessions, url: str, parent: QWidget | None = None, *, create: bool = True
) -> Database | None:
    """Open `url` through the session service, asking about every problem it returns (another window has it
    open: open anyway or quit; damaged: restore a backup or start empty, or quit; with `create` false, no file
    there: create it, open another or quit; anything else: another file, a new one, or quit). None when the
    answer was to quit."""

    def ask(question: Question) -> Answer:
        if isinstance(question, Locked):  # an encrypted file asks its passphrase: an ordinary start, no problem
            log.info("%s is encrypted; asking its passphrase", display_url(question.url))
        elif isinstance(question, LoginNeeded):  # a server asks for a password: an ordinary start too
            log.info("%s asks for a password (%s); asking it", display_url(question.url), question.reason)
        else:
            log.warning("cannot open %s: %s", display_url(question.url), question.error)
        return answer_at_start(parent, question)

    return sessions.open(url, ask, create=create)
