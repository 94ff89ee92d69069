"""CSV import of incidents, facilities, plan items or directives: all or nothing, in one transaction, with a report."""

from __future__ import annotations

import gc
import hashlib
import os
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from itertools import islice
from typing import IO

from desktop.domain.enums import AuditAction
from desktop.domain.kinds import RecordKind
from desktop.persistence.evidence_store import ChangedWhileReadError
from desktop.persistence.unit_of_work import Database, UnitOfWork
from desktop.services.csv.bundle import Sources, open_sources
from desktop.services.csv.conflicts import Conflict
from desktop.services.csv.detect import FileLayout, FileProblem, Problem, RecordReader, auto_mapping, inspect, open_text
from desktop.services.csv.legal_history import LegalHistories, read_histories
from desktop.services.csv.records import RowImporter
from desktop.services.csv.report import MAX_PROBLEMS, ImportOptions, ImportReport
from desktop.services.csv.rows import header_problems
from desktop.services.csv.sheet import Profile, detect_profile

__all__ = ["MAX_PROBLEMS", "Conflict", "ImportOptions", "ImportReport", "import_csv", "read_layout"]

PROGRESS_ROWS = 1000
KEPT_CHUNK = 1 << 20  # the imported file is kept as evidence in pieces of this size
Progress = Callable[[int, int], object]
"""progress(bytes read, bytes in all) is called every few hundred rows; returning False cancels the import."""
Source = str | os.PathLike[str] | IO[bytes]


class ImportCancelled(Exception):
    pass


def read_layout(source: Source, kind: RecordKind | None = None) -> FileLayout:
    """Encoding, delimiter, header and sample rows of a file, or of the table in a ZIP file (for the mapping
    dialog); raises FileProblem."""
    with ExitStack() as stack:
        return inspect(open_sources(source, kind or RecordKind.FACILITY, stack).main, kind)


def legal_history_beside(source: Source, kind: RecordKind) -> str:
    """The name of the legal history file an import of `source` reads too ("" for none); raises FileProblem."""
    with ExitStack() as stack:
        return open_sources(source, kind, stack).history_name


def import_csv(database: Database, source: Source, options: ImportOptions,
               progress: Progress | None = None) -> ImportReport:  # fmt: skip
    """Check and import a CSV file. Never raises for bad file contents.

    Every row is read, checked and (while no problem has been found) written inside one writing unit of work; the
    transaction is committed only when the whole file was read without a single problem, and never for a dry run
    or a cancelled import. So a rejected, previewed or cancelled file leaves the database exactly as it was, and
    the report lists every problem with its line and column (the first MAX_PROBLEMS in detail).

    A row whose uuid is stored updates that record when its updated_at is newer than the stored one. A row that
    differs from the stored record without being newer (the same updated_at: edited in the file; an older one:
    the record changed since) is a conflict, reported field by field: it keeps the stored record unless
    `options.side(uuid)` is "theirs", which writes the row (stamped with the import's time). Other rows are
    inserted, keeping the file's uuid,
    created_at and updated_at, so importing the same file twice changes nothing. Facilities are matched by uuid,
    then by name; missing ones are created on request. Status histories must go forward in time and not beyond
    today by the database's clock."""
    name = str(source) if isinstance(source, str | os.PathLike) else str(getattr(source, "name", "(stream)"))
    report = ImportReport(options.entity, name, dry_run=options.dry_run)
    with ExitStack() as stack:
        try:
            sources = open_sources(source, options.entity, stack, options.legal_history)
            stream = sources.main
            layout = inspect(stream, options.entity)
        except FileProblem as error:
            report.add_problem(error.problem)
            return report
        except OSError as error:
            report.add_problem(Problem(1, 1, f"cannot read the file: {error.strerror or error}"))
            return report
        report.encoding = options.encoding or layout.encoding
        report.delimiter = options.delimiter or layout.delimiter
        report.notes += encoding_notes(layout, report.encoding)
        if report.delimiter != layout.delimiter or report.encoding != layout.encoding:
            layout = _reread_header(stream, report, layout.cr_only)
        report.header = layout.header
        report.mapping = options.mapping if options.mapping is not None else tuple(
            auto_mapping(options.entity, layout.header))  # fmt: skip
        for problem in header_problems(options.entity, report.header, report.mapping):
            report.add_problem(problem)
        if report.problem_count:
            return report
        histories = _histories(sources, options, report)  # its problems do not stop the rows being checked
        _run(database, stream, layout.size, options, report, progress, histories, source)
    return report


def _source_chunks(source: Source) -> Iterator[bytes]:
    """The imported file's bytes, a piece at a time, read afresh from its start."""
    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as file:
            yield from iter(lambda: file.read(KEPT_CHUNK), b"")
        return
    source.seek(0)
    yield from iter(lambda: source.read(KEPT_CHUNK), b"")


def _keep_source(uow: UnitOfWork, source: Source, report: ImportReport) -> dict[str, object]:
    """Keep the imported file with the evidence (once per SHA-256): its size and SHA-256 for the import's entry.
    A file that changed since it was read is a problem of the report (nothing is committed)."""
    digest, size = hashlib.sha256(), 0
    try:
        for piece in _source_chunks(source):
            digest.update(piece)
            size += len(piece)
        uow.keep_file(digest.hexdigest(), size, _source_chunks(source))
    except (OSError, ChangedWhileReadError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        report.add_problem(Problem(report.rows + 1, 1, f"the file could not be kept with the import: {reason}"))
    return {"file_size": size, "file_sha256": digest.hexdigest()}


def encoding_notes(layout: FileLayout, encoding: str) -> list[str]:
    """What the report says of how the text was read (in `encoding`) when it is not plain UTF-8 with CRLF or LF
    line ends: a detected encoding other than UTF-8 is never used without a word (detect.detect_encoding says how it
    is chosen); one chosen by the person is not commented on."""
    detected = encoding == layout.encoding
    if detected and encoding == "mac_roman" and layout.cr_only:
        return ["Read as Mac Roman (Excel for Mac) with CR line ends: the file is not UTF-8 and its lines end with a "
                "CR alone, as Excel for Mac's 'CSV (Macintosh)' writes them. If any letter looks wrong, save the file "
                "as 'CSV UTF-8' and import that."]  # fmt: skip
    notes = ["Lines end with a CR alone (classic Mac): read as line ends."] if layout.cr_only else []
    if detected and encoding == "cp1252":
        notes.append("Read as Windows-1252: the file is not UTF-8. If any letter looks wrong, save the file as "
                     "'CSV UTF-8' and import that.")  # fmt: skip
    return notes


def _histories(sources: Sources, options: ImportOptions, report: ImportReport) -> LegalHistories | None:
    """The legal history file's entries, for a file without a status_history column; notes say what was read."""
    profile = detect_profile(options.entity, report.header)
    if profile is Profile.SPREADSHEET:
        report.notes.append("Read as a file for spreadsheets (names for people, labels).")
    if options.entity is not RecordKind.INCIDENT or "status_history" in report.mapping:
        return None
    if sources.history is None:
        if profile is Profile.SPREADSHEET:
            report.notes.append("No legal history file was found with it: stored incidents keep their legal "
                                "history; new ones start it with their status.")  # fmt: skip
        return None
    try:
        histories, problems = read_histories(sources.history, sources.history_name)
    except OSError as error:
        report.add_problem(Problem(1, 1, f"cannot read {sources.history_name}: {error.strerror or error}"))
        return None
    for problem in problems:
        report.add_problem(problem)
    report.notes.append(f"Legal history read from {sources.history_name} ({histories.entries} entries).")
    return histories


def _reread_header(stream: IO[bytes], report: ImportReport, cr_only: bool) -> FileLayout:
    text = open_text(stream, report.encoding)
    try:
        header: tuple[str, ...] = ()
        for _, fields in RecordReader(text, report.delimiter):
            header = tuple(fields) if isinstance(fields, list) else ()
            break
    except UnicodeDecodeError:
        header = ()
    finally:
        text.detach()
        stream.seek(0, os.SEEK_END)
        size = stream.tell()
        stream.seek(0)
    return FileLayout(report.encoding, report.delimiter, header, (), size, cr_only)


def _run(database: Database, stream: IO[bytes], size: int, options: ImportOptions, report: ImportReport,
         progress: Progress | None, histories: LegalHistories | None, source: Source) -> None:  # fmt: skip
    text = open_text(stream, report.encoding)
    reader = RecordReader(text, report.delimiter)
    gc.freeze()  # the objects alive before the import are not scanned again and again by its collections
    try:
        with database.unit_of_work() as uow, uow.roomy_cache():
            uow.long_statements()  # on a server: 30 minutes per statement, not the usual 30 s
            rows = RowImporter(database, uow, options, report)
            rows.parser.histories = histories
            records = iter(reader)
            next(records, None)  # the header
            while True:  # a chunk of rows at a time: memory stays flat however long the file is
                chunk: list[tuple[int, list[str] | Problem]] = []
                undecodable: UnicodeDecodeError | None = None
                try:
                    chunk.extend(islice(records, PROGRESS_ROWS))
                except UnicodeDecodeError as error:
                    undecodable = error
                rows.rows(chunk)
                if undecodable is not None:
                    line = reader.lines.line + 1
                    report.add_problem(Problem(line, 1, f"not {report.encoding} text: {undecodable.reason}"))
                    break
                if len(chunk) < PROGRESS_ROWS:
                    break
                if progress is not None and progress(min(reader.characters_read, size), size) is False:
                    raise ImportCancelled
            rows.finish()
            for problem in histories.unclaimed() if histories is not None else ():
                report.add_problem(problem)
            if progress is not None and progress(size, size) is False:
                raise ImportCancelled
            if report.accepted and not options.dry_run:
                kept = _keep_source(uow, source, report)
                if report.accepted:
                    changes = rows.audit_changes(kept)
                    uow.audit.record(AuditAction.IMPORT, options.entity.key, rows.import_uuid, changes)
                    uow.commit()
                    report.committed = True
    except ImportCancelled:
        report.cancelled = True
    finally:
        gc.unfreeze()
        text.detach()
