"""The one session service: opening, checking, migrating, switching and closing a database, for the window, the
command line and the tests.

`DatabaseSessions.open(url, ask)` takes the instance lock of a SQLite file, checks the file, takes a verified
backup before any migration and opens it. Whatever needs a person comes back as a typed `Question` (another
window has the database open, the file is damaged or busy, it cannot be opened at all); `ask(question)` asks it
in its own way and returns an `Answer`, which the service carries out (open anyway, move the damaged file aside
and restore a backup, try again, open another file) before it tries again. Without `ask`, the question is raised
as `NeedsAnswer`. `close()` takes the automatic backup of changed data, disposes the engine and unlocks."""

from desktop.services.session.questions import (
    QUIT,
    AlreadyOpen,
    Answer,
    Ask,
    Busy,
    CannotOpen,
    Choice,
    Damaged,
    NeedsAnswer,
    OpenElsewhereError,
    Problem,
    Question,
)
from desktop.services.session.service import DatabaseSessions, backup_on_close, open_for_use

__all__ = [
    "QUIT",
    "AlreadyOpen",
    "Answer",
    "Ask",
    "Busy",
    "CannotOpen",
    "Choice",
    "Damaged",
    "DatabaseSessions",
    "NeedsAnswer",
    "OpenElsewhereError",
    "Problem",
    "Question",
    "backup_on_close",
    "open_for_use",
]
