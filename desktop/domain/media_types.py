"""A file's media type from its first bytes (its content), the extension only where the content does not tell."""

from __future__ import annotations

import mimetypes

SNIFF_BYTES = 4096  # read from the start of a file to tell its type

_SIGNATURES: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\xff\xd8\xff", "image/jpeg"),
    (0, b"\x89PNG\r\n\x1a\n", "image/png"),
    (0, b"GIF87a", "image/gif"),
    (0, b"GIF89a", "image/gif"),
    (0, b"%PDF-", "application/pdf"),
    (0, b"II*\x00", "image/tiff"),
    (0, b"MM\x00*", "image/tiff"),
    (0, b"BM", "image/bmp"),
    (0, b"\x1aE\xdf\xa3", "video/webm"),
    (0, b"ID3", "audio/mpeg"),
    (0, b"OggS", "audio/ogg"),
    (0, b"fLaC", "audio/flac"),
    (0, b"\x1f\x8b", "application/gzip"),
    (0, b"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed"),
    (0, b"Rar!\x1a\x07", "application/vnd.rar"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/x-ole-storage"),  # .doc, .xls, .msg
    (0, b"{\\rtf", "application/rtf"),
    (0, b"SQLite format 3\x00", "application/vnd.sqlite3"),
)
_ISO_BRANDS = {b"qt  ": "video/quicktime", b"heic": "image/heic", b"heix": "image/heic", b"mif1": "image/heif",
               b"avif": "image/avif", b"M4A ": "audio/mp4", b"3gp4": "video/3gpp", b"3gp5": "video/3gpp"}  # fmt: skip
_ZIP_KINDS = {b"word/": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              b"xl/": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              b"ppt/": "application/vnd.openxmlformats-officedocument.presentationml.presentation"}  # fmt: skip


def media_type(head: bytes, file_name: str = "") -> str:
    """The media type of a file whose first bytes are `head` (SNIFF_BYTES of them, or the whole file when
    shorter): told by content for images, PDF, audio, video, archives and office files; text is told apart from
    binary by its bytes and named by the extension (text/csv, text/plain); application/octet-stream otherwise."""
    for offset, magic, kind in _SIGNATURES:
        if head[offset : offset + len(magic)] == magic:
            return kind
    if head[:4] == b"RIFF" and len(head) >= 12:
        return {b"WEBP": "image/webp", b"WAVE": "audio/wav", b"AVI ": "video/x-msvideo"}.get(
            head[8:12], "application/octet-stream"
        )
    if head[4:8] == b"ftyp":
        return _ISO_BRANDS.get(head[8:12], "video/mp4")
    if head[:4] == b"PK\x03\x04":
        return _zip_kind(head)
    if _is_text(head):
        guessed = mimetypes.guess_type(file_name, strict=False)[0] if file_name else None
        if guessed is not None and (guessed.startswith("text/") or guessed in _TEXT_TYPES):
            return guessed
        return "text/plain"
    return "application/octet-stream"


_TEXT_TYPES = {"application/json", "application/xml", "image/svg+xml", "message/rfc822"}


def _zip_kind(head: bytes) -> str:
    if b"mimetypeapplication/vnd.oasis.opendocument." in head[:100]:
        start = head.index(b"application/vnd.oasis")
        return head[start:].split(b"P", 1)[0].decode("ascii", "replace").strip()
    for marker, kind in _ZIP_KINDS.items():
        if marker in head:
            return kind
    return "application/zip"


def _is_text(head: bytes) -> bool:
    """UTF-8 (or UTF-16 with its byte order mark) without control characters other than whitespace."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 3:  # a character cut at the end of the sniffed bytes is fine
            return False
        text = head[: error.start].decode("utf-8")
    return all(char.isprintable() or char in "\t\n\r\f" for char in text)


def extension_disagrees(detected: str, file_name: str) -> bool:
    """Whether the file's extension names another kind than its content (photo.jpg that is a PDF)."""
    guessed = mimetypes.guess_type(file_name, strict=False)[0]
    if guessed is None or detected in ("application/octet-stream", "text/plain"):
        return False
    return guessed.split("/")[0] != detected.split("/")[0] or (
        guessed != detected and not detected.startswith("text/") and guessed != "application/zip"
    )
