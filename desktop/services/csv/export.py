"""CSV export of any record kind: streamed, injection-safe, optionally redacted, audited."""

from __future__ import annotations

import csv
import io
import os
import time
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, fields, replace
from enum import Enum, StrEnum
from pathlib import Path
from typing import IO, Any

from desktop.domain.kinds import RecordFilter, RecordKind
from desktop.domain.queries import IncidentFilter, Page
from desktop.persistence.csv_queries import IncidentLines
from desktop.persistence.durable_files import flush_to_disk, replace_file
from desktop.persistence.unit_of_work import Database, UnitOfWork
from desktop.services.csv.format import (
    ALWAYS_MARKED,
    FORMULA_FIRST,
    MASK,
    SKIPPED_BEFORE,
    Column,
    columns_of,
    row_renderer,
)
from desktop.services.csv.sheet import Profile, SheetColumn, sheet_columns_of
from desktop.services.export_audit import record_export
from desktop.services.leftovers import Leftover, Work, clean_leftovers, create_temporary_file
from desktop.services.output_targets import open_through, streams_through

CHUNK = 5_000  # rows per fetch and per write (and between progress reports)
PAGE = 1_000  # records per page of the record-by-record path
LINE_END = "\r\n"
BOM = "\ufeff"

Progress = Callable[[int, int], object]
"""progress(rows written, rows in all) is called after every chunk; returning False cancels the export."""
Destination = str | os.PathLike[str] | IO[str] | IO[bytes]


class Redaction(StrEnum):
    """What happens to the fields marked sensitive (suspect names, personal details)."""

    NONE = "none"  # exported as they are
    OMIT = "omit"  # their columns are left out
    MASK = "mask"  # their columns stay; a filled-in value is written as [redacted]

    @property
    def label(self) -> str:
        return {"none": "Include them", "omit": "Leave them out", "mask": "Mask them"}[self.value]


class FileFormat(StrEnum):
    """What kind of file an export writes; chosen by the file name's extension unless given."""

    CSV = "csv"  # the table (and, spreadsheet profile, its legal history file beside it)
    ZIP = "zip"  # those CSV files and a README.txt describing every column
    XLSX = "xlsx"  # a workbook: the table, the legal history (spreadsheet profile) and a README sheet

    @classmethod
    def of(cls, path: str | os.PathLike[str]) -> FileFormat:
        suffix = Path(path).suffix.lower().lstrip(".")
        return cls(suffix) if suffix in ("zip", "xlsx") else cls.CSV


@dataclass(frozen=True, slots=True)
class ExportOptions:
    entity: RecordKind = RecordKind.INCIDENT
    columns: tuple[str, ...] | None = None  # column keys (of the profile); None: every column
    where: RecordFilter | None = None  # None: every row; else exactly the rows this filter selects
    bom: bool = False  # a UTF-8 byte order mark first (the spreadsheet profile always writes one)
    redaction: Redaction = Redaction.NONE
    profile: Profile = Profile.ROUND_TRIP
    file_format: FileFormat | None = None  # None: by the file name (.zip, .xlsx, else CSV)

    def format_for(self, target: object) -> FileFormat:
        if self.file_format is not None:
            return self.file_format
        return FileFormat.of(target) if isinstance(target, str | os.PathLike) else FileFormat.CSV

    def chosen_sheet_columns(self) -> tuple[SheetColumn, ...]:
        """The spreadsheet profile's columns to write (the legal history among them: its own table)."""
        chosen = sheet_columns_of(self.entity, self.columns)
        if self.redaction is Redaction.OMIT:
            chosen = tuple(c for c in chosen if not c.sensitive)
        if not [c for c in chosen if not c.companion]:
            raise ValueError("choose at least one column to export")
        return chosen

    def chosen_columns(self) -> tuple[Column, ...]:
        """The columns to write, in file order; raises ValueError for unknown keys or an empty choice."""
        chosen = columns_of(self.entity, self.columns)
        if self.redaction is Redaction.OMIT:
            chosen = tuple(c for c in chosen if not c.sensitive)
        if not chosen:
            raise ValueError("choose at least one column to export")
        return chosen

    def sensitive_included(self) -> bool:
        """Whether the file holds sensitive fields as they are (a chosen sensitive column, not masked)."""
        if self.redaction is not Redaction.NONE:
            return False
        columns = self.chosen_sheet_columns() if self.profile is Profile.SPREADSHEET else self.chosen_columns()
        return any(column.sensitive for column in columns)

    def checked_filter(self) -> RecordFilter:
        wanted = self.entity.filter_class
        if self.where is None:
            return wanted()
        if not isinstance(self.where, wanted):
            raise ValueError(f"a {type(self.where).__name__} cannot select {self.entity.table}")
        return self.where


@dataclass(frozen=True, slots=True)
class ExportResult:
    rows: int
    columns: tuple[str, ...]
    path: Path | None  # None: written to a stream
    cancelled: bool = False
    seconds: float = 0.0
    leftovers_removed: tuple[Leftover, ...] = ()  # of interrupted exports, removed from the target's folder first


class ExportCancelled(Exception):
    """Raised inside the export when the progress callback asks to stop."""


def describe_filter(where: object) -> str:
    """The filter's non-default settings, e.g. "attack_types=vandalism; text=(a search, not kept)" (empty: every
    row). The search text is not kept: it may be a name the export left out (a suspect's), or a sensitive word."""
    parts = []
    for spec in fields(where):  # type: ignore[arg-type]
        value = getattr(where, spec.name)
        if value in ((), None, "", False):
            continue
        if spec.name == "text":
            parts.append(f"text=(a search of {len(str(value))} characters, not kept)")
            continue
        shown = ",".join(_plain(v) for v in value) if isinstance(value, tuple) else _plain(value)
        parts.append(f"{spec.name}={shown}")
    return "; ".join(parts)


def _plain(value: object) -> str:
    return value.value if isinstance(value, Enum) else str(value)


def export_incidents(
    database: Database, path_or_stream: Destination, options: ExportOptions | None = None,
    progress: Progress | None = None,
) -> ExportResult:  # fmt: skip
    """Export incidents (options.entity is ignored); see export_records."""
    return export_records(database, path_or_stream, replace(options or ExportOptions(), entity=RecordKind.INCIDENT),
                          progress)  # fmt: skip


def export_records(
    database: Database, path_or_stream: Destination, options: ExportOptions, progress: Progress | None = None
) -> ExportResult:
    """Write the chosen rows and columns as CSV (the layout: format.py) in constant memory, and record an EXPORT
    audit entry. On SQLite, incidents are rendered by SQLite itself (persistence/csv_queries.py); elsewhere, and
    for facilities and plan items, record by record in Python.

    A path is written through a temporary file in the same folder (mode 0600) that replaces the target only
    when everything is written and synced; on cancel or error the temporary file is removed and the target is
    left as it was; what killed exports left in that folder is removed first (ExportResult.leftovers_removed).
    A character device or FIFO (/dev/stdout, a named pipe) is written straight through; a folder is refused
    (output_targets.TargetError). A stream is written as it goes (text streams as str, binary streams as UTF-8)."""
    started = time.perf_counter()
    options = readable(database, options)
    columns = options.chosen_columns()
    where = options.checked_filter()
    keys = tuple(c.key for c in columns)
    if isinstance(path_or_stream, str | os.PathLike) and streams_through(Path(path_or_stream)):
        path = Path(path_or_stream)  # /dev/stdout, a named pipe: written straight through, never replaced
        try:
            with open_through(path) as through:
                rows = _write_stream(database, through, columns, where, options, progress)
        except ExportCancelled:
            return ExportResult(0, keys, path, cancelled=True, seconds=time.perf_counter() - started)
        _audit(database, options, keys, rows, where, str(path))
        return ExportResult(rows, keys, path, seconds=time.perf_counter() - started)
    if isinstance(path_or_stream, str | os.PathLike):
        path = Path(path_or_stream)
        removed = tuple(clean_export_leftovers(path))
        try:
            rows = _write_file(database, path, columns, where, options, progress)
        except ExportCancelled:
            return ExportResult(0, keys, path, cancelled=True, seconds=time.perf_counter() - started,
                                leftovers_removed=removed)  # fmt: skip
        return ExportResult(rows, keys, path, seconds=time.perf_counter() - started, leftovers_removed=removed)
    try:
        rows = _write_stream(database, path_or_stream, columns, where, options, progress)
    except ExportCancelled:
        return ExportResult(0, keys, None, cancelled=True, seconds=time.perf_counter() - started)
    name = str(getattr(path_or_stream, "name", "(stream)"))
    _audit(database, options, keys, rows, where, name)
    return ExportResult(rows, keys, None, seconds=time.perf_counter() - started)


def readable(database: Database, options: ExportOptions) -> ExportOptions:
    """`options` with the sensitive columns left out when this login may not read them (a team reader): the file
    says nothing of them rather than showing them empty."""
    if database.capabilities.withheld_fields and options.redaction is not Redaction.OMIT:
        return replace(options, redaction=Redaction.OMIT)
    return options


def clean_export_leftovers(target: Path) -> list[Leftover]:
    """Remove the temporary files that killed exports (and briefings) left in the folder of `target`."""
    folder = target.parent if str(target.parent) else Path(".")
    return clean_leftovers(folder, (Work.EXPORT,), targets=(target.name,))


def _write_file(
    database: Database, path: Path, columns: tuple[Column, ...], where: RecordFilter, options: ExportOptions,
    progress: Progress | None,
) -> int:  # fmt: skip
    temporary = create_temporary_file(path)
    try:
        with open(temporary, "w", encoding="utf-8", newline="", buffering=1 << 20) as out:
            rows = _write(database, out, columns, where, options, progress)
            out.flush()
            flush_to_disk(out.fileno())
        replace_file(temporary, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _audit(database, options, tuple(c.key for c in columns), rows, where, str(path))  # a refused export is none
    return rows


def _write_stream(
    database: Database, stream: IO[Any], columns: tuple[Column, ...], where: RecordFilter, options: ExportOptions,
    progress: Progress | None,
) -> int:  # fmt: skip
    if isinstance(stream, io.TextIOBase) or hasattr(stream, "encoding"):
        return _write(database, stream, columns, where, options, progress)
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="")
    try:
        return _write(database, text, columns, where, options, progress)
    finally:
        text.flush()
        text.detach()


def _write(
    database: Database, out: IO[str], columns: tuple[Column, ...], where: RecordFilter, options: ExportOptions,
    progress: Progress | None,
) -> int:  # fmt: skip
    if options.bom:
        out.write(BOM)
    writer = csv.writer(out, lineterminator=LINE_END)
    writer.writerow([c.key for c in columns])
    mask = options.redaction is Redaction.MASK
    written = 0
    with database.unit_of_work(write=False) as uow:
        total = _count(uow, options.entity, where)
        if progress is not None and progress(0, total) is False:
            raise ExportCancelled
        if options.entity is RecordKind.INCIDENT and database.is_sqlite:
            assert isinstance(where, IncidentFilter)
            lines = IncidentLines(columns, mask=MASK, always_first=ALWAYS_MARKED, formula_first=FORMULA_FIRST,
                                  skipped=SKIPPED_BEFORE, mask_sensitive=mask)  # fmt: skip
            for chunk in lines.chunks(uow.incidents, where, CHUNK):
                out.write(LINE_END.join(chunk))
                out.write(LINE_END)
                written += len(chunk)
                if progress is not None and progress(written, total) is False:
                    raise ExportCancelled
            return written
        cells = row_renderer(columns, mask_sensitive=mask)
        for records in _record_chunks(uow, options.entity, where):
            writer.writerows([cells(record) for record in records])
            written += len(records)
            if progress is not None and progress(written, total) is False:
                raise ExportCancelled
    return written


def _count(uow: UnitOfWork, kind: RecordKind, where: Any) -> int:
    return int(uow.repository(kind).count(where))


def _record_chunks(uow: UnitOfWork, kind: RecordKind, where: Any) -> Iterator[list[Any]]:
    """Records page by page: incidents streamed by id, facilities by name, plan items by due date."""
    if kind is RecordKind.INCIDENT:
        yield from uow.incidents.stream(where, PAGE)
        return
    repository = uow.repository(kind)
    sort = kind.sort_keys[0]  # facilities by name, plan items by due date
    offset = 0
    while records := repository.page(where, Page(offset=offset, limit=PAGE, sort=sort)):
        yield records
        offset += len(records)


def _audit(
    database: Database, options: ExportOptions, keys: tuple[str, ...], rows: int, where: RecordFilter, target: str,
    *, protected: bool = False,
) -> None:  # fmt: skip
    changes: dict[str, list[object]] = {
        "file": [None, target],
        "rows": [None, rows],
        "columns": [None, ",".join(keys)],
        "redaction": [None, options.redaction.value],
        "sensitive_included": [None, options.sensitive_included()],
        "filter": [None, describe_filter(where)],
    }
    if protected:  # a passphrase-protected ZIP (services/protected_zip.py)
        changes["protected"] = [None, True]
    record_export(database, options.entity.key, "", changes)
