"""Scratch files encrypted on disk with a key held only in memory, for the pieces a protected export cannot stream."""

from __future__ import annotations

import io
import os
from contextlib import suppress
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer
    from Cryptodome.Cipher._mode_ctr import CtrMode

CHUNK = 1 << 20  # bytes read, decrypted and passed on at a time


class SealedFile(io.RawIOBase):
    """A write-once scratch file whose bytes are AES-256-CTR encrypted as they are written, with a random key and
    nonce that exist only in this object (never written anywhere): what a killed process leaves is noise.

    A protected export writes here what must wait while another ZIP entry is being written (the legal history
    written beside the table, a workbook's sheets until the workbook is assembled); `copy_to` then streams it,
    decrypted, into its encrypted ZIP entry. Wrap it in io.BufferedWriter / io.TextIOWrapper to write text."""

    def __init__(self, folder: Path, name: str) -> None:
        super().__init__()
        self.path = folder / name
        self._key = os.urandom(32)
        self._nonce = os.urandom(8)
        self._cipher = self._new_cipher()
        descriptor = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        self._file: IO[bytes] = open(descriptor, "wb", buffering=CHUNK)  # noqa: SIM115 - closed by close()
        self.size = 0  # plain bytes written

    def _new_cipher(self) -> CtrMode:
        from Cryptodome.Cipher import AES  # pyzipper's dependency, loaded with it: only for a protected export

        return AES.new(self._key, AES.MODE_CTR, nonce=self._nonce)

    def writable(self) -> bool:
        return True

    def write(self, data: ReadableBuffer) -> int:
        plain = memoryview(data).cast("B")
        self._file.write(self._cipher.encrypt(plain))
        self.size += len(plain)
        return len(plain)

    def close(self) -> None:
        """Stop writing (the file and its key stay for copy_to); wrappers closing it call this."""
        if not self._file.closed:
            self._file.close()
        super().close()

    def copy_to(self, out: IO[bytes]) -> None:
        """Write the plain bytes to `out`, a chunk at a time (never a plain byte on disk)."""
        self.close()
        cipher = self._new_cipher()
        with open(self.path, "rb") as sealed:
            while chunk := sealed.read(CHUNK):
                out.write(cipher.decrypt(chunk))

    def discard(self) -> None:
        """Close, remove the file and forget its key."""
        self.close()
        self._key = b""
        with suppress(FileNotFoundError):
            os.unlink(self.path)
