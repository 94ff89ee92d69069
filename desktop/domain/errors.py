"""Errors services raise; each message says what went wrong and where, for people to read."""

from __future__ import annotations


class RecordNotFoundError(LookupError):
    def __init__(self, entity: str, uuid: str) -> None:
        self.entity, self.uuid = entity, uuid
        super().__init__(f"{entity} {uuid} does not exist (it may have been deleted)")


class StaleRecordError(RuntimeError):
    """Optimistic lock: the record changed since the caller read it."""

    def __init__(self, entity: str, uuid: str, expected: int, actual: int) -> None:
        self.entity, self.uuid = entity, uuid
        super().__init__(
            f"{entity} {uuid} was changed elsewhere (now version {actual}, you edited version {expected}); "
            "reload it and apply your change again"
        )


class RecordInUseError(RuntimeError):
    """A delete would orphan other records."""


class StorageError(RuntimeError):
    """The database could not be read or written (disk full, I/O error, read-only file); nothing was saved."""


class PermissionDeniedError(RuntimeError):
    """The server refused a statement: this login's role lacks the privilege (SQLSTATE 42501). Nothing was changed."""

    def __init__(self, refused: str, role: str) -> None:
        self.refused, self.role = refused, role
        super().__init__(
            f"The server refused this for your role, {role}: {refused}. Nothing was changed; ask the "
            "database's owner for another role (incident-logger team add-user) if you need it."
        )


class WriteRefusedError(RuntimeError):
    """The database refused a write (a constraint, a lock, a full disk); the message is its reason."""


class ServerUnreachableError(StorageError):
    """The database server could not be reached (refused, timed out, the connection dropped); nothing was saved
    unless a CommitUnknownError says otherwise. `writing`: it happened to a write (which was not saved)."""

    def __init__(self, message: str, *, writing: bool = False) -> None:
        self.writing = writing
        super().__init__(message)


class CommitUnknownError(ServerUnreachableError):
    """The connection dropped during COMMIT: whether the change was saved is not known until the server answers."""


class ServerTimeoutError(StorageError):
    """The server is there but a statement ran past its time limit (SQLSTATE 57014) and was cancelled: nothing was
    changed. Not a lost server: trying the same read again at once would only wait as long again."""

    def __init__(self, message: str, *, writing: bool = False) -> None:
        self.writing = writing
        super().__init__(message)


class SerializationConflictError(RuntimeError):
    """The server rolled the transaction back to keep concurrent transactions apart (a serialization failure or
    deadlock, SQLSTATE 40001/40P01): running the same unit of work again is safe."""
