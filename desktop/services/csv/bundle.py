"""The files one import reads: a CSV file (with the legal history file beside it) or a ZIP holding both."""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from desktop.domain.kinds import RecordKind
from desktop.services.csv.detect import FileProblem, Problem
from desktop.services.csv.legal_history import SUFFIX

Source = str | os.PathLike[str] | IO[bytes]
MAX_MEMBER = 8 << 30  # bytes: a larger member of a ZIP file is refused rather than unpacked


@dataclass(frozen=True, slots=True)
class Sources:
    """The table to import and, for incidents, the legal history file found with it (None: none)."""

    main: IO[bytes]
    name: str
    history: IO[bytes] | None = None
    history_name: str = ""


def companion_path(path: Path) -> Path:
    """incidents.csv -> incidents-legal-history.csv (beside it)."""
    return path.with_name(f"{path.stem}{SUFFIX}{path.suffix or '.csv'}")


def open_sources(source: Source, kind: RecordKind, stack: ExitStack, legal_history: str | None = None) -> Sources:
    """Open what `source` holds (closed with `stack`); raises FileProblem for a ZIP without one table, OSError
    for a file that cannot be read."""
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        stream: IO[bytes] = stack.enter_context(open(path, "rb"))  # noqa: SIM115 - the stack closes it
        name = str(path)
    else:
        stream, path, name = source, None, str(getattr(source, "name", "(stream)"))
    if zipfile.is_zipfile(stream):
        stream.seek(0)
        try:
            archive = stack.enter_context(zipfile.ZipFile(stream))
        except zipfile.BadZipFile as error:
            raise FileProblem(Problem(1, 1, f"the ZIP file cannot be read: {error}")) from None
        return _from_zip(archive, name, stack)
    stream.seek(0)
    if legal_history:
        return Sources(stream, name, stack.enter_context(open(legal_history, "rb")), str(legal_history))
    if path is not None and kind is RecordKind.INCIDENT:
        if path.stem.endswith(SUFFIX):
            table = path.with_name(path.stem.removesuffix(SUFFIX) + path.suffix)
            raise FileProblem(Problem(1, 1, f"this is a legal history file; import the incidents file {table.name} "
                                            "beside it, which reads it too"))  # fmt: skip
        beside = companion_path(path)
        if beside.is_file():
            return Sources(stream, name, stack.enter_context(open(beside, "rb")), str(beside))
    return Sources(stream, name)


def _from_zip(archive: zipfile.ZipFile, name: str, stack: ExitStack) -> Sources:
    if "xl/workbook.xml" in archive.namelist():
        raise FileProblem(
            Problem(
                1,
                1,
                "this is an Excel workbook; save its sheets as CSV (UTF-8) and import those "
                "(the legal history sheet as NAME-legal-history.csv beside the table)",
            )
        )
    tables = [m for m in archive.infolist() if not m.is_dir() and PurePosixPath(m.filename).suffix.lower() == ".csv"]
    histories = [m for m in tables if PurePosixPath(m.filename).stem.endswith(SUFFIX)]
    mains = [m for m in tables if m not in histories]
    if len(mains) != 1 or len(histories) > 1:
        found = ", ".join(m.filename for m in tables) or "none"
        raise FileProblem(Problem(1, 1, "a ZIP file to import must hold one CSV table (and at most one legal history "
                                        f"file beside it); this one holds: {found}"))  # fmt: skip
    main = _unpacked(archive, mains[0], stack)
    if not histories:
        return Sources(main, f"{name}:{mains[0].filename}")
    history = _unpacked(archive, histories[0], stack)
    return Sources(main, f"{name}:{mains[0].filename}", history, histories[0].filename)


def _unpacked(archive: zipfile.ZipFile, member: zipfile.ZipInfo, stack: ExitStack) -> IO[bytes]:
    """The member copied to a temporary file (import reads a table more than once and seeks in it)."""
    if member.file_size > MAX_MEMBER:
        raise FileProblem(Problem(1, 1, f"{member.filename} is {member.file_size:,} bytes unpacked; the limit is "
                                        f"{MAX_MEMBER:,}"))  # fmt: skip
    copy = stack.enter_context(tempfile.TemporaryFile())  # noqa: SIM115 - the stack closes it
    try:
        with archive.open(member) as packed:
            shutil.copyfileobj(packed, copy, 1 << 20)
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise FileProblem(Problem(1, 1, f"{member.filename} cannot be unpacked: {error}")) from None
    copy.seek(0)
    return copy
