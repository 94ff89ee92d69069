"""Errors shown to people: one sentence per problem in a message box, never a traceback."""

from __future__ import annotations

import logging
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.exc import SQLAlchemyError

from desktop.domain.errors import (
    CommitUnknownError,
    PermissionDeniedError,
    RecordInUseError,
    RecordNotFoundError,
    SerializationConflictError,
    ServerTimeoutError,
    ServerUnreachableError,
    StaleRecordError,
    StorageError,
)
from desktop.domain.validation import ValidationError
from desktop.persistence.instance_lock import InstanceLockedError
from desktop.persistence.opening import DatabaseFileError, describe_error
from desktop.persistence.schema import NotAnIncidentDatabaseError, SchemaTooNewError
from desktop.persistence.team_roles import is_denied
from desktop.services.backup import BackupError
from desktop.ui.translated import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)
FIELD_LABELS = {
    "case_number": QT_TRANSLATE_NOOP("ErrorDialogs", "Case number"),
    "facility": QT_TRANSLATE_NOOP("ErrorDialogs", "Facility"),
    "facility_uuid": QT_TRANSLATE_NOOP("ErrorDialogs", "Facility"),
    "zip_code": QT_TRANSLATE_NOOP("ErrorDialogs", "ZIP code"),
    "security_level": QT_TRANSLATE_NOOP("ErrorDialogs", "Facility Security Level"),
    "occurred": QT_TRANSLATE_NOOP("ErrorDialogs", "Occurred"),
    "damage_estimate_usd": QT_TRANSLATE_NOOP("ErrorDialogs", "Damage estimate (USD)"),
    "due_date": QT_TRANSLATE_NOOP("ErrorDialogs", "Due date"),
    "risk_rationale": QT_TRANSLATE_NOOP("ErrorDialogs", "Risk rationale"),
}
EXPECTED = (ValidationError, StaleRecordError, RecordNotFoundError, RecordInUseError, StorageError,
            PermissionDeniedError, InstanceLockedError, DatabaseFileError, SchemaTooNewError,
            NotAnIncidentDatabaseError, BackupError, SQLAlchemyError, OSError, SerializationConflictError)  # fmt: skip


def field_label(field: str) -> str:
    return translate("ErrorDialogs", FIELD_LABELS.get(field, field.replace("_", " ").capitalize()))


def explain(error: BaseException) -> tuple[str, str]:
    """(headline, details) in plain words for any error the app can meet."""
    if isinstance(error, ValidationError):
        lines = "\n".join(f"• {field_label(e.field)}: {e.message}" for e in error.errors)
        return translate("ErrorDialogs", "The record was not saved because some fields need attention."), lines
    if isinstance(error, StaleRecordError):
        return translate("ErrorDialogs", "This record was changed elsewhere since you opened it; nothing was saved."), (
            translate("ErrorDialogs", "Open it again to see the current values, then apply your change once more.")
        )
    if isinstance(error, RecordNotFoundError):
        return translate("ErrorDialogs", "The record no longer exists; it may have been deleted elsewhere."), str(error)
    if isinstance(error, RecordInUseError):
        return translate("ErrorDialogs", "The record is still in use and was not deleted."), _sentence(str(error))
    if isinstance(error, InstanceLockedError):
        return translate("ErrorDialogs", "This database is already open in another Incident Logger window."), str(error)
    if isinstance(error, DatabaseFileError):
        return translate("ErrorDialogs", "The database file cannot be used."), error.check.message
    if isinstance(error, SchemaTooNewError):
        return translate(
            "ErrorDialogs", "The database was written by a newer version of Incident Logger; it was left as it is."
        ), str(error)
    if isinstance(error, NotAnIncidentDatabaseError):
        return translate("ErrorDialogs", "The file is a database of another program; it was left as it is."), str(error)
    if isinstance(error, PermissionDeniedError) or (isinstance(error, SQLAlchemyError) and is_denied(error)):
        role = error.role if isinstance(error, PermissionDeniedError) else translate("ErrorDialogs", "this login")
        refused = error.refused if isinstance(error, PermissionDeniedError) else describe_error(error)
        return translate("ErrorDialogs", "The server refused this for your role, {role}; nothing was changed.").format(
            role=role
        ), _sentence(refused)
    if isinstance(error, ServerUnreachableError):
        return server_words(error)
    if isinstance(error, ServerTimeoutError):
        headline = (translate("ErrorDialogs", "The database server took too long; nothing was saved.") if error.writing
                    else translate("ErrorDialogs", "The database server took too long to answer."))  # fmt: skip
        advice = translate("ErrorDialogs", "It cancelled the statement after its time limit (30 s unless the "
                           "connection sets another). Narrow the search or filters, or ask the server's "
                           "administrator whether it is busy.")  # fmt: skip
        return headline, advice
    if isinstance(error, SerializationConflictError):
        return translate("ErrorDialogs", "Another change was being saved at the same time; nothing was saved."), (
            translate("ErrorDialogs", "It was tried again several times. Your entries are kept; save again.")
        )
    if isinstance(error, StorageError | BackupError):
        return translate("ErrorDialogs", "The database could not be read or written."), str(error)
    if isinstance(error, SQLAlchemyError):
        return translate("ErrorDialogs", "The database reported a problem; nothing was changed."), describe_error(error)
    if isinstance(error, OSError):
        where = f" ({error.filename})" if error.filename else ""
        return translate("ErrorDialogs", "A file could not be used."), f"{error.strerror or error}{where}"
    return translate(
        "ErrorDialogs", "Something unexpected went wrong."
    ), f"{type(error).__name__}: {describe_error(error)}"


def server_words(error: ServerUnreachableError) -> tuple[str, str]:
    """A lost server in the words of what it means for the person: a read to try later, a save not made (the
    form keeps the entries), or a save whose outcome is not known yet."""
    if isinstance(error, CommitUnknownError):
        return translate("ErrorDialogs", "The connection to the database server dropped while saving; whether the "
                         "change was saved is not known yet."), translate(
            "ErrorDialogs", "Your entries are kept in the form. Once the server answers again, look for the record "
            "before saving again.")  # fmt: skip
    if error.writing:
        return translate("ErrorDialogs", "Could not be saved: the database server is not reachable."), translate(
            "ErrorDialogs", "Your entries are kept in the form; save again when the server is back.")  # fmt: skip
    return translate("ErrorDialogs", "The database server is not reachable."), translate(
        "ErrorDialogs", "The window tries again by itself; what it shows may be out of date meanwhile.")  # fmt: skip


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def show_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, details: str) -> None:
    """Show a modal message box (tests replace this to record what would be shown)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("error_box")
    if details:
        box.setInformativeText(details)
    box.exec()


def show_error(parent: QWidget | None, error: BaseException, doing: str = "") -> None:
    """Tell the user what went wrong while `doing` ("Saving the incident"), in a message box."""
    headline, details = explain(error)
    title = doing or translate("ErrorDialogs", "Incident Logger")
    if not isinstance(error, EXPECTED):
        log.error(
            "unexpected error%s",
            translate("ErrorDialogs", " while {lower}").format(lower=doing.lower()) if doing else "",
            exc_info=error,
        )
        details += translate("ErrorDialogs", "\n\nDetails were written to the log{log_hint}.").format(
            log_hint=_log_hint()
        )
    show_box(parent, QMessageBox.Icon.Warning, title, headline, details)


def show_unexpected(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None, parent: QWidget | None = None
) -> None:
    """sys.excepthook for the window: log the traceback, show one sentence."""
    log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, error, tb)).rstrip())
    headline, details = explain(error)
    if isinstance(error, EXPECTED):
        show_box(parent, QMessageBox.Icon.Warning, translate("ErrorDialogs", "Incident Logger"), headline, details)
        return
    show_box(
        parent,
        QMessageBox.Icon.Critical,
        translate("ErrorDialogs", "Incident Logger"),
        headline,
        translate("ErrorDialogs", "{details}\n\nDetails were written to the log{log_hint}.").format(
            details=details, log_hint=_log_hint()
        ),
    )


_log_file: list[Path] = []


def set_log_file(path: Path | None) -> None:
    """Where the app writes its log, named in messages about unexpected errors."""
    _log_file[:] = [path] if path is not None else []


def _log_hint() -> str:
    return f" ({_log_file[0]})" if _log_file else ""
