"""Reading CSV files for import: encoding, delimiter, header mapping and records located by line and column."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import IO

from desktop.domain.kinds import RecordKind
from desktop.services.csv.format import COLUMNS, header_names, normalized_header
from desktop.services.csv.sheet import SHEET_COLUMNS, Profile, detect_profile, import_columns, sheet_mapping

DELIMITERS = (",", ";", "\t", "|")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 with byte order mark", "cp1252": "Windows-1252",
                  "mac_roman": "Mac Roman (Excel for Mac)"}  # fmt: skip
CHUNK_BYTES = 1 << 20
MAX_LINE = 8 << 20  # characters; a longer physical line is refused (csv's own field limit is 128 KiB)
MAX_RECORDED = 1 << 20  # characters of a record kept to locate a syntax error in it
SAMPLE_ROWS = 5


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a file or row cannot be imported: physical line (1 = header) and column (1 = first field)."""

    line: int
    column: int
    reason: str
    column_name: str = ""
    first_column: int = 0  # a problem of two columns (the same header twice): the other one, before `column`

    def __str__(self) -> str:
        if self.first_column:
            return f"line {self.line}, columns {self.first_column} and {self.column}: {self.reason}"
        name = f" ({self.column_name})" if self.column_name else ""
        return f"line {self.line}, column {self.column}{name}: {self.reason}"


class FileProblem(ValueError):
    """The file as a whole cannot be read (encoding, empty, over-long line); carries the Problem."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


@dataclass(frozen=True, slots=True)
class FileLayout:
    """What inspect() found: encoding, delimiter, header, a few sample rows, the size in bytes, and whether lines
    end with a CR alone (classic Mac, Excel for Mac's "CSV (Macintosh)")."""

    encoding: str
    delimiter: str
    header: tuple[str, ...]
    samples: tuple[tuple[str, ...], ...]
    size: int
    cr_only: bool = False


def _column_of(line_prefix: bytes) -> int:
    """The field a byte position falls in, counting separators (any candidate) before it on its line."""
    text = line_prefix.decode("latin-1")
    return max(text.count(d) for d in DELIMITERS) + 1


def detect_encoding(stream: IO[bytes]) -> str:
    """'utf-8-sig', 'utf-8', 'mac_roman' or 'cp1252' for the whole stream (read to the end, then rewound); raises
    FileProblem at the first byte no candidate can read.

    A UTF-8 byte order mark means UTF-8; otherwise the whole file must be valid UTF-8, or else - unless valid UTF-8
    letters came before the first invalid byte (a file of mixed encodings is refused rather than garbled) - it is
    read as Mac Roman when its lines end with a CR alone (what Excel for Mac's "CSV (Macintosh)" writes: the two
    together are its signature), else as Windows-1252. The import says which (importer.encoding_notes). UTF-16
    files are refused with a hint."""
    return _detect(stream)[0]


def _detect(stream: IO[bytes]) -> tuple[str, bool]:
    """detect_encoding, and whether the lines end with a CR alone."""
    start = stream.read(4)
    stream.seek(0)
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not start.startswith(codecs.BOM_UTF8):
        raise FileProblem(Problem(1, 1, "the file is UTF-16 text; save it as 'CSV UTF-8' and import that"))
    bom = start.startswith(codecs.BOM_UTF8)
    cr = cr_only(stream)
    line_end = b"\r" if cr else b"\n"
    failure = _first_undecodable(stream, "utf-8", line_end)
    if failure is None:
        return ("utf-8-sig" if bom else "utf-8"), cr
    (line, column), seen_non_ascii = failure
    if bom or seen_non_ascii:
        raise FileProblem(Problem(line, column, "this is not valid UTF-8, although the file started as UTF-8 "
                                                "(it mixes encodings); save it again as 'CSV UTF-8'"))  # fmt: skip
    if cr:
        return "mac_roman", cr  # every byte is a Mac Roman character
    fallback = _first_undecodable(stream, "cp1252", line_end)
    if fallback is not None:
        (line, column), _ = fallback
        raise FileProblem(Problem(line, column, "the file is neither UTF-8 nor Windows-1252 text"))
    return "cp1252", cr


def cr_only(stream: IO[bytes]) -> bool:
    """Whether the stream's lines end with a CR alone, as its first line does (a line break inside a quoted cell
    may still be an LF: Excel for Mac writes those); read up to the first line end, then rewound."""
    stream.seek(0)
    try:
        while chunk := stream.read(CHUNK_BYTES):
            ends = [i for i in (chunk.find(b"\r"), chunk.find(b"\n")) if i >= 0]
            if ends:
                end = min(ends)
                return chunk[end : end + 1] == b"\r" and (chunk[end + 1 : end + 2] or stream.read(1)) != b"\n"
        return False
    finally:
        stream.seek(0)


def _first_undecodable(stream: IO[bytes], encoding: str,
                       line_end: bytes = b"\n") -> tuple[tuple[int, int], bool] | None:  # fmt: skip
    """((line, column) of the first byte `encoding` cannot decode, whether non-ASCII text came before), or None.
    Lines are counted by `line_end` (a CR in a file whose lines end with a CR alone)."""
    stream.seek(0)
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    newlines, tail, non_ascii = 0, b"", False
    try:
        while True:
            chunk = stream.read(CHUNK_BYTES)
            data = decoder.getstate()[0] + chunk  # bytes of a character split by the previous chunk come first
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as error:
                before = data[: error.start]
                cut = before.rfind(line_end)
                prefix = before[cut + 1 :] if cut >= 0 else tail + before
                return (newlines + before.count(line_end) + 1, _column_of(prefix)), non_ascii or not before.isascii()
            if not chunk:
                return None
            newlines += chunk.count(line_end)
            cut = chunk.rfind(line_end)
            tail = chunk[cut + 1 :] if cut >= 0 else (tail + chunk)[-MAX_RECORDED:]
            non_ascii = non_ascii or not chunk.isascii()
    finally:
        stream.seek(0)


def detect_delimiter(first_record_text: str, kind: RecordKind | None = None) -> str:
    """The candidate (``,``, ``;``, tab or ``|``) that splits the header into the most known column names (then the
    most fields)."""
    kinds = [kind] if kind else list(RecordKind)
    known = {name for k in kinds for c in COLUMNS[k] for name in header_names(c)}
    known |= {normalized_header(c.header) for k in kinds for c in SHEET_COLUMNS[k]}
    best, best_score = ",", (-1, -1)
    for delimiter in DELIMITERS:
        try:
            fields = next(csv.reader(io.StringIO(first_record_text, newline=""), delimiter=delimiter), [])
        except csv.Error:
            continue
        score = (sum(normalized_header(f) in known for f in fields), len(fields))
        if score > best_score:
            best, best_score = delimiter, score
    return best


def header_meanings(kind: RecordKind, header: Sequence[str]) -> list[str | None]:
    """For every file column the key of the kind's column its header names (by key, title, alias or "<key> code";
    in a spreadsheet-profile file first by the profile's headers), or None; two file columns may name the same."""
    sheet = sheet_mapping(kind) if detect_profile(kind, header) is Profile.SPREADSHEET else {}
    columns = import_columns(kind)
    meanings: list[str | None] = []
    for text in header:
        name = normalized_header(text)
        match = sheet.get(name)
        if match is None:
            match = next((c.key for c in columns if name in header_names(c)), None)
        meanings.append(match)
    return meanings


def auto_mapping(kind: RecordKind, header: Sequence[str]) -> list[str | None]:
    """For every file column the key of the kind's column it is read as: the one its header names
    (header_meanings), taken by the first file column that names it; a later one naming it again is not read
    (rows.header_problems refuses such a header)."""
    taken: set[str] = set()
    mapping: list[str | None] = []
    for match in header_meanings(kind, header):
        mapping.append(None if match in taken else match)
        if match is not None:
            taken.add(match)
    return mapping


def open_text(stream: IO[bytes], encoding: str) -> io.TextIOWrapper:
    return io.TextIOWrapper(stream, encoding=encoding, errors="strict", newline="")


def inspect(stream: IO[bytes], kind: RecordKind | None = None) -> FileLayout:
    """Encoding, delimiter, header and sample rows of a CSV stream (rewound afterwards); raises FileProblem."""
    stream.seek(0, io.SEEK_END)
    size = stream.tell()
    stream.seek(0)
    encoding, cr = _detect(stream)
    text = open_text(stream, encoding)
    try:
        first = text.readline(MAX_LINE + 1)
        if not first.strip():
            raise FileProblem(Problem(1, 1, "the file is empty: the first line must be a header of column names"))
        delimiter = detect_delimiter(first, kind)
        text.seek(0)
        header: tuple[str, ...] = ()
        samples: list[tuple[str, ...]] = []
        for _, fields in RecordReader(text, delimiter):
            if isinstance(fields, Problem):
                if not header:
                    raise FileProblem(fields)
                break
            if not header:
                header = tuple(fields)
                continue
            samples.append(tuple(fields))
            if len(samples) >= SAMPLE_ROWS:
                break
    finally:
        text.detach()
        stream.seek(0)
    return FileLayout(encoding, delimiter, header, tuple(samples), size, cr)


class _Lines:
    """Physical lines of a text stream for csv.reader, remembering the current record's text and the count of
    characters read (for progress)."""

    def __init__(self, text: IO[str]) -> None:
        self.text = text
        self.record: list[str] = []
        self.recorded = 0
        self.characters = 0
        self.line = 0
        self.too_long = False

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = self.text.readline(MAX_LINE + 1)
        if not line:
            raise StopIteration
        if len(line) > MAX_LINE:
            self.too_long = True
            raise StopIteration
        self.line += 1
        self.characters += len(line)
        if self.recorded < MAX_RECORDED:
            self.record.append(line)
            self.recorded += len(line)
        return line


class RecordReader:
    """Iterate (first line, fields) for every record, or (line, Problem) where the text is not valid CSV;
    blank lines are skipped. Reading goes on after a bad record with the next line."""

    def __init__(self, text: IO[str], delimiter: str) -> None:
        self.delimiter = delimiter
        self.lines = _Lines(text)
        self.reader = csv.reader(self.lines, delimiter=delimiter, strict=True)

    @property
    def characters_read(self) -> int:
        return self.lines.characters

    def __iter__(self) -> Iterator[tuple[int, list[str] | Problem]]:
        while True:
            start = self.lines.line + 1
            self.lines.record, self.lines.recorded = [], 0
            try:
                fields = next(self.reader)
            except StopIteration:
                if self.lines.too_long:
                    yield start, Problem(self.lines.line + 1, 1, f"the line is longer than {MAX_LINE:,} characters")
                return
            except csv.Error as error:
                yield start, locate_error(str(error), "".join(self.lines.record), start, self.delimiter)
                continue
            if not fields:
                continue  # a blank line
            yield start, fields


def locate_error(message: str, text: str, line: int, delimiter: str) -> Problem:
    """Where csv.reader's `message` arose in the record `text` that starts at `line`, as a Problem."""
    field, current_line = 1, line
    quote_line, quote_field = line, 1
    state = "start"
    field_length, longest = 0, (0, line, 1)
    for char in text:
        if char == "\n":
            current_line += 1
        if state == "quote":
            if char == '"':
                state = "quoted"
                field_length += 1
                continue
            if char == delimiter:
                field, state, field_length = field + 1, "start", 0
                continue
            if char in "\r\n":
                state = "start"
                continue
            return Problem(current_line, field, f"unexpected {char!r} after the closing quote of a quoted field "
                                                "(write a quote inside quotes as \"\")")  # fmt: skip
        if state == "quoted":
            if char == '"':
                state = "quote"
            else:
                field_length += 1
        elif char == delimiter:
            field, state, field_length = field + 1, "start", 0
        elif state == "start" and char == '"':
            state, quote_line, quote_field = "quoted", current_line, field
        elif char not in "\r\n":
            state = "unquoted"
            field_length += 1
        longest = max(longest, (field_length, current_line, field))
    if "field larger" in message:
        _, at_line, at_field = longest
        return Problem(at_line, at_field, f"a field is longer than {csv.field_size_limit():,} characters")
    if state == "quoted" or "end of data" in message:
        return Problem(quote_line, quote_field, "a quoted field starts here but its closing quote is missing")
    return Problem(current_line, field, f"not valid CSV: {message}")
