"""What a file that is not a SQLite database is, told from its first bytes (a PDF, a zip archive, an image, text)."""

from __future__ import annotations

SQLITE_MAGIC = b"SQLite format 3\x00"
MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "it is a PDF document"),
    (b"PK\x03\x04", "it is a zip archive (an Office document, perhaps)"),
    (b"PK\x05\x06", "it is a zip archive (an Office document, perhaps)"),
    (b"\x89PNG\r\n\x1a\n", "it is a PNG image"),
    (b"\xff\xd8\xff", "it is a JPEG image"),
    (b"GIF8", "it is a GIF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "it is an old Office document"),
    (b"\x1f\x8b", "it is a gzip archive"),
)
NOT_SQLITE = "it is not a SQLite database"
TEXT = "it is a text file"


def looks_like_sqlite(header: bytes) -> bool:
    """True when the first bytes are (the start of) the SQLite header: a SQLite file, perhaps cut short."""
    return header[: len(SQLITE_MAGIC)] == SQLITE_MAGIC[: len(header)]


def foreign_format(header: bytes) -> str:
    """What a file that does not begin with the SQLite header is ("it is a PDF document"), in a clause."""
    for magic, what in MAGIC_NUMBERS:
        if header.startswith(magic):
            return what
    return TEXT if _is_text(header) else NOT_SQLITE


def _is_text(header: bytes) -> bool:
    if header.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):  # a byte-order mark
        return True
    if b"\x00" in header:
        return False
    try:
        decoded = header.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(header) - 3:  # not merely a character cut at the end of the sample
            return False
        decoded = header[: error.start].decode("utf-8")
    return all(c.isprintable() or c in "\t\r\n\f" for c in decoded)
