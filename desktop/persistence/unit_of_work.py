"""Database handle and unit of work: one transaction, committed or rolled back as a whole."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Self

from sqlalchemy import Engine, event
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Load, ORMExecuteState, Session, sessionmaker

from desktop.domain.errors import PermissionDeniedError, WriteRefusedError
from desktop.domain.kinds import RecordKind
from desktop.domain.live_changes import Change
from desktop.domain.roles import EVERYTHING, Capabilities
from desktop.persistence import cipher
from desktop.persistence.attachment_repository import AttachmentRepository
from desktop.persistence.audit_log import AuditLog, Signer
from desktop.persistence.audit_queries import AuditTrail
from desktop.persistence.chain_keys import KeyStore
from desktop.persistence.change_listener import ChangeListener, engine_connector
from desktop.persistence.directive_repository import DirectiveRepository
from desktop.persistence.engine import IMMEDIATE, display_url, is_encrypted, sqlite_file
from desktop.persistence.evidence_store import EvidenceStore
from desktop.persistence.facility_repository import FacilityRepository
from desktop.persistence.figure_queries import FigureQueries
from desktop.persistence.identity import ServerClock, overrides_server, session_user, writing_clock
from desktop.persistence.import_writes import ImportedRecords, SeenKeys
from desktop.persistence.integrity import storage_error
from desktop.persistence.link_queries import LinkQueries
from desktop.persistence.models import SENSITIVE_GROUP, WITHHELD, IncidentRow
from desktop.persistence.plan_item_repository import PlanItemRepository
from desktop.persistence.plan_queries import PlanQueries
from desktop.persistence.repositories import IncidentRepository
from desktop.persistence.server_link import commit_outcome_unknown_on_loss, long_statements, translate_server_error
from desktop.persistence.server_login import passwordless
from desktop.persistence.sync_store import SyncStore
from desktop.persistence.team_roles import capabilities, is_denied
from desktop.persistence.timeline_repository import TimelineRepository

IMPORT_CACHE_KIB = 32 * 1024  # SQLite's page cache during an import: most of its speed, within 150 MiB at 1M rows


def utc_now() -> datetime:
    """Naive UTC with second precision: stored the same way by SQLite and PostgreSQL."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


class Database:
    """An open database: its engine and the factory of units of work."""

    def __init__(self, engine: Engine, clock: Callable[[], datetime] = utc_now, keys: KeyStore | None = None) -> None:
        self.engine = engine
        self.clock = clock  # the client's clock: on PostgreSQL the server's clock stamps records (identity.py)
        self.sessions = sessionmaker(engine, expire_on_commit=False)
        event.listen(self.sessions, "do_orm_execute", loading_sensitive)
        self.keys = keys if keys is not None else KeyStore()  # the audit chain's keys, outside the database
        self._signer: Signer | None = None
        self._capabilities: Capabilities | None = EVERYTHING if self.is_sqlite else None
        self._user: tuple[str | None] | None = None
        self._listeners: list[ChangeListener] = []

    @property
    def capabilities(self) -> Capabilities:
        """What this login may do, asked of the server once (privileges of its role); a SQLite file: everything."""
        if self._capabilities is None:
            with self.engine.connect() as connection:
                self._capabilities = capabilities(connection)
        return self._capabilities

    def forget_capabilities(self) -> None:
        """Ask the server again at the next use (after `team add-user` moved this login)."""
        if not self.is_sqlite:
            self._capabilities = None

    def denied(self, error: BaseException) -> PermissionDeniedError:
        """The server's refusal (SQLSTATE 42501) as a sentence naming what was refused and this login's role."""
        cause = error.orig if isinstance(error, DBAPIError) and error.orig is not None else error
        refused = " ".join(str(cause).split()) or "permission denied"
        self.forget_capabilities()  # the owner may have moved this login since: ask again, name the role it has now
        try:
            role = self.capabilities.role_name
        except SQLAlchemyError:
            role = "this login"
        return PermissionDeniedError(refused, role)

    def user(self, session: Session) -> str | None:
        """Who writes through this database (identity.session_user), asked once: the login role of the engine's
        URL on PostgreSQL, the OS user on a SQLite file; None when it cannot be told."""
        if self._user is None:
            self._user = (session_user(session),)
        return self._user[0]

    def listen(self, callback: Callable[[Change], None]) -> ChangeListener | None:
        """Call `callback` (in a thread of its own) with every change committed to this database by anyone: on
        PostgreSQL, through LISTEN (migration 0009's notices); None on SQLite (one window owns the file). Stopped by
        `stop_listening()` or `close()`."""
        if self.engine.dialect.name != "postgresql":
            return None
        listener = ChangeListener(engine_connector(self.engine), callback)
        self._listeners.append(listener)
        listener.start()
        return listener

    def stop_listening(self) -> None:
        listeners, self._listeners = self._listeners, []
        for listener in listeners:
            listener.stop()

    def signer(self, session: Session) -> Signer:
        """How this database's new audit entries are signed (read once, by the first writing unit of work, which
        creates this computer's key when there is none; readers never ask, so a read-only command never loads the
        keyring)."""
        if self._signer is not None:
            return self._signer
        from desktop.persistence.chain_upkeep import load_signer  # it replays records: the repositories

        signer = load_signer(session, self.keys)
        if signer.secret is not None:
            self._signer = signer
        return signer

    def now(self) -> datetime:
        """The time by this database's clock, as its stamps are written: the server's on PostgreSQL (unless the
        clock given overrides it, as a test's does), else the clock given. What "today" is for the services."""
        if self.engine.dialect.name != "postgresql" or overrides_server(self.clock):
            return self.clock()
        with self.sessions() as session:
            return ServerClock(session)()

    def forget_signer(self) -> None:
        """Read the signer again at the next unit of work (the id, key or sensitive-value rule changed)."""
        self._signer = None

    @property
    def url(self) -> str:
        """The URL without any password (a server's is never shown, logged or kept in the settings: reopening it
        logs in through libpq's sources, the OS keyring or the login dialog)."""
        return passwordless(self.engine.url)

    @property
    def encrypted(self) -> bool:
        """True for an encrypted (SQLCipher) database file: what leaves it should stay encrypted too."""
        return is_encrypted(self.engine)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def display_name(self) -> str:
        path = sqlite_file(self.url)
        return str(path) if path is not None else display_url(self.url)

    def unit_of_work(self, *, write: bool = True) -> UnitOfWork:
        return UnitOfWork(self, write=write)

    def close(self) -> None:
        """Close every connection; on SQLite first fold the WAL into the database file and empty it (a TRUNCATE
        checkpoint, without waiting for another program's readers), so old page images do not stay in the -wal.
        A change listener is stopped first."""
        self.stop_listening()
        path = sqlite_file(self.url)
        if path is not None and path.exists():
            with suppress(SQLAlchemyError, *cipher.Error):
                raw = self.engine.raw_connection()
                try:
                    cursor = raw.cursor()
                    cursor.execute("PRAGMA busy_timeout = 0")
                    cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
                    cursor.close()
                finally:
                    raw.invalidate()  # its busy timeout was changed: never back into the pool
        self.engine.dispose()


def loading_sensitive(state: ORMExecuteState) -> None:
    """Every ORM query of incidents loads their sensitive columns with the rest when this login may read them;
    otherwise they stay deferred and are never named (mapping.incident_record shows them as withheld)."""
    if not state.is_select or state.session.info.get(WITHHELD):
        return
    if any(d.get("expr") is IncidentRow for d in state.statement.column_descriptions):  # type: ignore[attr-defined]
        state.statement = state.statement.options(Load(IncidentRow).undefer_group(SENSITIVE_GROUP))


class UnitOfWork:
    """`with db.unit_of_work() as uow: ...; uow.commit()`; leaving without commit rolls back."""

    facilities: FacilityRepository
    incidents: IncidentRepository
    plan_items: PlanItemRepository
    directives: DirectiveRepository  # also the progress of their plan items
    figures: FigureQueries  # incident counts and sums (dashboard, statistics)
    plans: PlanQueries  # plan-item deadlines and counts, reassessments due
    audit_trail: AuditTrail  # reading the audit entries and the chain head
    links: LinkQueries  # incidents by uuid, the incidents linking to one
    attachments: AttachmentRepository  # files kept with records, their bytes and custody logs
    timeline: TimelineRepository  # incidents' timeline events and chronologies
    sync: SyncStore  # the servers synchronized with, the merge bases

    def __init__(self, database: Database, *, write: bool = True) -> None:
        self.database = database
        self.write = write
        self.session: Session | None = None

    def __enter__(self) -> Self:
        session = self.database.sessions()
        if self.write and self.database.is_sqlite:
            try:
                session.connection(execution_options={IMMEDIATE: True})  # take the write lock up front
            except Exception as error:
                session.close()
                plain = storage_error(error, writing=True)
                if plain is None:
                    raise
                raise plain from error
        try:  # on a server these ask it (the user, the clock, the audit key): a lost server is told as such here too
            session.info[WITHHELD] = self.database.capabilities.withheld_fields
            signer = self.database.signer(session) if self.write else Signer()  # a reader writes no entry
            clock = writing_clock(session, self.database.clock)
            actor = self.database.user(session) if self.write else None
        except Exception as error:
            session.close()
            if (domain := self._domain_error(error)) is not None:
                raise domain from error
            raise
        self.session = session
        self.audit = AuditLog(clock, signer, actor=actor)
        self.facilities = FacilityRepository(session, self.audit, clock)
        self.incidents = IncidentRepository(session, self.audit, clock)
        self.plan_items = PlanItemRepository(session, self.audit, clock)
        self.directives = DirectiveRepository(session, self.audit, clock)
        self.figures = FigureQueries(session, self.incidents)
        self.plans = PlanQueries(session)
        self.audit_trail = AuditTrail(session)
        self.links = LinkQueries(session)
        self.attachments = AttachmentRepository(session, self.audit, clock)
        self.timeline = TimelineRepository(session, self.audit, clock)
        self.sync = SyncStore(session)
        return self

    def repository(self, kind: RecordKind) -> Any:
        """The repository of a record kind (typed Any: each takes its own record and filter class)."""
        repositories = {RecordKind.INCIDENT: self.incidents, RecordKind.FACILITY: self.facilities,
                        RecordKind.PLAN_ITEM: self.plan_items, RecordKind.DIRECTIVE: self.directives}  # fmt: skip
        return repositories[kind]

    def imported_records(self, import_uuid: str) -> ImportedRecords:
        """The bulk writer of one import's new incidents (their digests, the full-text index per batch)."""
        assert self.session is not None
        return ImportedRecords(self.session, self.audit.signer, import_uuid)

    @contextmanager
    def roomy_cache(self, kib: int = IMPORT_CACHE_KIB) -> Iterator[None]:
        """Within the block, SQLite keeps `kib` of pages in memory (a bulk write touches every index of a large
        table: with the default 2 MiB it reads and writes the same pages again and again); then the usual."""
        assert self.session is not None
        if not self.database.is_sqlite:
            yield
            return
        connection = self.session.connection()
        usual = connection.exec_driver_sql("PRAGMA cache_size").scalar()
        connection.exec_driver_sql(f"PRAGMA cache_size = -{int(kib)}")
        try:
            yield
        finally:
            with suppress(SQLAlchemyError, *cipher.Error):
                self.session.connection().exec_driver_sql(f"PRAGMA cache_size = {int(usual or -2000)}")

    def seen_keys(self, name: str) -> SeenKeys:
        """A fresh temporary table of keys met by an import, with their lines (see SeenKeys)."""
        assert self.session is not None
        return SeenKeys(self.session, name)

    def keep_file(self, sha256: str, size: int, chunks: Iterable[bytes]) -> bool:
        """Keep a file's bytes with the evidence, once per SHA-256 (False: kept already); raises
        ChangedWhileReadError when `chunks` do not give those bytes."""
        assert self.session is not None
        return EvidenceStore(self.session).put(sha256, size, chunks)

    def write_audit(self) -> None:
        """Write the audit entries recorded so far into the transaction now, rather than all at commit."""
        assert self.session is not None
        self.audit.write(self.session)

    @contextmanager
    def refusals(self) -> Iterator[None]:
        """Within the block, the database's refusal of a statement raises WriteRefusedError with its reason (a
        caller that reports the refusal and goes on, as the CSV import does, needs no SQLAlchemy). A refusal for want
        of a privilege raises PermissionDeniedError instead: the role's, not the row's (nothing more can be written,
        and on a server the transaction is over)."""
        try:
            yield
        except SQLAlchemyError as error:
            if is_denied(error):
                raise self.database.denied(error) from error
            raise WriteRefusedError(str(getattr(error, "orig", None) or error).splitlines()[0]) from error

    def commit(self) -> None:
        """Commit; a connection lost during COMMIT raises CommitUnknownError (saved or not is not known yet)."""
        assert self.session is not None and self.write, "commit needs a writing unit of work"
        self.write_audit()
        self.session.flush()  # a failure here is before COMMIT: rolled back, never unknown
        with commit_outcome_unknown_on_loss():
            self.before_commit()
            self.session.commit()

    def before_commit(self) -> None:
        """Called just before COMMIT is sent (tests hook it to drop the connection there)."""

    def long_statements(self) -> None:
        """Let this unit of work's statements run long on a server (an import): 30 minutes, not 30 s."""
        assert self.session is not None
        long_statements(self.session)

    def rollback(self) -> None:
        assert self.session is not None
        self.audit.pending.clear()
        self.session.rollback()

    def _domain_error(self, error: BaseException) -> Exception | None:
        """What a database error means, in the domain's words (None: not one of these)."""
        if is_denied(error):
            return self.database.denied(error)  # what was refused and for which role, not SQL
        if (server := translate_server_error(error, writing=self.write)) is not None:
            return server  # the server gone or timed out; a serialization failure (safe to run again)
        return storage_error(error, writing=self.write)  # disk full, I/O error, read-only file: a sentence

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        assert self.session is not None
        try:
            self.rollback()
        finally:
            self.session.close()
            self.session = None
        if error is not None and (domain := self._domain_error(error)) is not None:
            raise domain from error
