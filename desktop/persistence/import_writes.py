"""The bulk path of an import's new incidents: tuples by executemany, the full-text index once per batch, and one
keyed digest per record in imported_records instead of an audit entry each (the import's one entry proves them)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ARRAY, ColumnElement, String, Table, any_, bindparam, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import InstrumentedAttribute, Session

from desktop.domain.kinds import RecordKind
from desktop.persistence.audit_log import Signer, state_digest
from desktop.persistence.models import ImportedRecordRow

FTS_INSERT_TRIGGER = "incidents_fts_insert"
FTS_COLUMNS = "case_number, title, description, sources, investigating_agencies"  # as the migration made them


def bulk_insert(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT `rows` (dicts with the same keys) into `table` by one executemany of tuples: each value converted by
    its column type's bind processor (as SQLAlchemy stores it), a missing column given its scalar default."""
    if not rows:
        return
    names = list(rows[0])
    defaults = [(c.name, getattr(c.default, "arg", None)) for c in table.columns
                if c.name not in rows[0] and c.default is not None and c.default.is_scalar]  # fmt: skip
    names += [name for name, _ in defaults]
    fixed = tuple(value for _, value in defaults)
    dialect = connection.dialect
    processors = [table.c[name].type._cached_bind_processor(dialect) for name in names]
    marks = ", ".join(_placeholder(dialect.paramstyle, position) for position in range(len(names)))
    statement = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({marks})"
    given = names[: len(names) - len(fixed)]
    converted = [(position, process) for position, process in enumerate(processors) if process is not None]
    values = []
    for row in rows:
        cells = [row[name] for name in given]
        cells.extend(fixed)
        for position, process in converted:
            cell = cells[position]
            if cell is not None:
                cells[position] = process(cell)
        values.append(tuple(cells))
    if dialect.name == "postgresql":
        copy_insert(connection, table.name, names, values)
    else:
        connection.exec_driver_sql(statement, values)


def copy_insert(connection: Connection, table: str, names: Sequence[str], values: Sequence[tuple[Any, ...]]) -> None:
    """PostgreSQL: the rows by COPY into a temporary staging table of `table`'s columns (made once per transaction),
    then one INSERT ... SELECT, so that the table's constraints, defaults and triggers check and complete them all
    in one statement; far faster than one INSERT per row (1M incidents: 1,606 rows/s before). A refusal is raised
    as SQLAlchemy's error of that kind, as an INSERT's would be."""
    stage = f"import_stage_{table}"
    columns = ", ".join(names)
    # not `LIKE table`: that needs SELECT on the table as a whole, which no team role has on incidents (column
    # privileges keep the sensitive ones from readers), so every team login's import was refused
    connection.exec_driver_sql(f"CREATE TEMPORARY TABLE IF NOT EXISTS {stage} ON COMMIT DROP "
                               f"AS SELECT * FROM {table} WITH NO DATA")  # fmt: skip
    copying = f"COPY {stage} ({columns}) FROM STDIN"
    driver = connection.connection.driver_connection
    try:
        with driver.cursor() as cursor, cursor.copy(copying) as copy:  # type: ignore[union-attr]
            for row in values:
                copy.write_row(row)
    except Exception as error:  # psycopg's error: SQLAlchemy's of that kind (IntegrityError, DataError ...)
        raise DBAPIError.instance(copying, None, error, connection.dialect.loaded_dbapi.Error) from error
    connection.exec_driver_sql(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {stage}")
    connection.exec_driver_sql(f"TRUNCATE {stage}")


def one_of(session: Session, column: InstrumentedAttribute[Any], values: Sequence[str]) -> ColumnElement[bool]:
    """`column IN values`; on PostgreSQL `column = ANY(array)`, one parameter instead of one per value (an import asks
    for a thousand at a time: the statement's text is not rebuilt and converted for each of them)."""
    if session.get_bind().dialect.name == "sqlite":
        return column.in_(values)
    return column == any_(bindparam(None, list(values), type_=ARRAY(String)))


def _placeholder(paramstyle: str, position: int) -> str:
    return {"qmark": "?", "numeric": f":{position + 1}", "format": "%s", "pyformat": "%s"}.get(paramstyle, "?")


class ImportedRecords:
    """Within one import's transaction: the digests of the records it makes, and the full-text index kept once per
    batch (SQLite: the per-row insert trigger is dropped inside the transaction and made again before it commits,
    so a rolled-back or killed import leaves it as it was)."""

    def __init__(self, session: Session, signer: Signer, import_uuid: str) -> None:
        self.session = session
        self.secret = signer.digest_secret
        self.import_uuid = import_uuid
        self.sqlite = session.get_bind().dialect.name == "sqlite"
        self._trigger: str | None = None  # the dropped trigger's SQL, to make it again
        self.count = 0

    def start(self) -> None:
        """Take the full-text index into the import's own hands (SQLite; elsewhere nothing to do)."""
        if not self.sqlite or self._trigger is not None:
            return
        connection = self.session.connection()
        found = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (FTS_INSERT_TRIGGER,)
        ).fetchone()
        if found is None:
            return
        self._trigger = str(found[0])
        connection.exec_driver_sql(f"DROP TRIGGER {FTS_INSERT_TRIGGER}")

    def index(self, ids: Iterable[int]) -> None:
        """Add the incidents just inserted (by id) to the full-text index in one statement."""
        if self._trigger is None:
            return
        wanted = sorted(ids)
        if not wanted:
            return
        connection = self.session.connection()
        connection.exec_driver_sql(
            f"INSERT INTO incidents_fts(rowid, {FTS_COLUMNS}) SELECT id, {FTS_COLUMNS} FROM incidents "
            f"WHERE id BETWEEN ? AND ? AND id IN ({', '.join('?' * len(wanted))})",
            (wanted[0], wanted[-1], *wanted),
        )

    def record(self, states: Sequence[tuple[str, dict[str, object]]]) -> None:
        """Note the records made (uuid, state as the trail renders it) with their keyed digests."""
        rows = [{"uuid": uuid, "entity": RecordKind.INCIDENT.value, "import_uuid": self.import_uuid,
                 "state_digest": state_digest(self.secret, state)} for uuid, state in states]  # fmt: skip
        bulk_insert(self.session.connection(), _table(), rows)
        self.count += len(rows)

    def finish(self) -> tuple[int, str]:
        """Make the insert trigger again; (records, digest of their list in uuid order) for the import's entry."""
        if self._trigger is not None:
            self.session.connection().exec_driver_sql(self._trigger)
            self._trigger = None
        return self.count, records_digest(self.session, self.import_uuid)


def records_digest(session: Session, import_uuid: str) -> str:
    """SHA-256 over "uuid digest" lines of an import's records in uuid order (what its audit entry says)."""
    query = (select(ImportedRecordRow.uuid, ImportedRecordRow.state_digest)
             .where(ImportedRecordRow.import_uuid == import_uuid).order_by(ImportedRecordRow.uuid)
             .execution_options(yield_per=5000))  # fmt: skip
    digest = hashlib.sha256()
    for uuid, state in session.execute(query):
        digest.update(f"{uuid} {state}\n".encode())
    return digest.hexdigest()


def _table() -> Table:
    table = ImportedRecordRow.__table__
    assert isinstance(table, Table)
    return table


class SeenKeys:
    """The keys (uuids, case numbers) an import met in its file, with the line of each, in a temporary table of the
    import's own connection: memory stays flat however long the file is. Dropped with the transaction's end."""

    def __init__(self, session: Session, name: str) -> None:
        self.session = session
        self.table = f"import_seen_{name}"
        self.sqlite = sqlite = session.get_bind().dialect.name == "sqlite"
        connection = session.connection()
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {'temp.' if sqlite else ''}{self.table}")
        ending = " WITHOUT ROWID" if sqlite else " ON COMMIT DROP"
        connection.exec_driver_sql(f"CREATE TEMPORARY TABLE {self.table} (key TEXT PRIMARY KEY, line INTEGER)"
                                   f"{ending}")  # fmt: skip

    def lines(self, keys: Iterable[str]) -> dict[str, int]:
        """The line of each of `keys` met before (those not met are left out)."""
        wanted = list(dict.fromkeys(keys))
        found: dict[str, int] = {}
        connection = self.session.connection()
        if not self.sqlite and wanted:  # one array parameter: no statement of hundreds of placeholders to convert
            rows = connection.exec_driver_sql(f"SELECT key, line FROM {self.table} WHERE key = ANY(%s)", (wanted,))
            return {str(key): int(line) for key, line in rows}
        for start in range(0, len(wanted), 500):
            part = wanted[start : start + 500]
            marks = ", ".join(["?"] * len(part))
            rows = connection.exec_driver_sql(f"SELECT key, line FROM {self.table} WHERE key IN ({marks})", tuple(part))
            found.update((str(key), int(line)) for key, line in rows)
        return found

    def add(self, lines: dict[str, int]) -> None:
        """Remember keys met, with their lines."""
        if not lines:
            return
        connection = self.session.connection()
        if self.sqlite:
            statement = f"INSERT INTO {self.table} (key, line) VALUES (?, ?)"
            connection.exec_driver_sql(statement, list(lines.items()))
            return
        copying = f"COPY {self.table} (key, line) FROM STDIN"  # not one INSERT per key (two per imported row)
        with connection.connection.driver_connection.cursor() as cursor, cursor.copy(copying) as copy:  # type: ignore[union-attr]
            for row in lines.items():
                copy.write_row(row)
