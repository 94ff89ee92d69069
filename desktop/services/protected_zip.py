"""Exports written as a passphrase-protected ZIP: each entry encrypted with WinZip AES-256 (pyzipper) as it streams."""

from __future__ import annotations

import io
import shutil
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path
from typing import IO, Any

from desktop.persistence.cipher import Passphrase, passphrase_problem
from desktop.services.leftovers import create_temporary_folder
from desktop.services.output_targets import is_stdout, private_scratch, streams_through
from desktop.services.sealed_scratch import SealedFile
from desktop.services.staged_output import StagedFile

ZIP_SUFFIX = ".zip"
BUFFER = 1 << 20  # bytes gathered before they are compressed, encrypted and written
PLAIN_WARNING = "This database is encrypted, but the exported file will not be: anyone who gets the file reads it."

DateTime = tuple[int, int, int, int, int, int]


def warns_plain(encrypted: bool, sensitive_included: bool) -> bool:
    """Whether an export in plain should be warned about: the database is encrypted and the file is not redacted."""
    return encrypted and sensitive_included


def passphrase_refusal(passphrase: Passphrase) -> str:
    """Why `passphrase` may not protect an export ("" when it may): the rules of a new database passphrase."""
    return passphrase_problem(passphrase.reveal())


def protected_target(target: Path, *, zipped: bool = False) -> Path:
    """The file a protected export writes: `incidents.csv` → `incidents.csv.zip`; an export that is a ZIP already
    (`zipped`: a bundle, an evidence package), a character device or FIFO and /dev/stdout keep their name."""
    if zipped or _through(target):
        return target
    return target.with_name(target.name + ZIP_SUFFIX)


def entry_name(target: Path, fallback: str) -> str:
    """The name of the export inside its protected ZIP: the target's name, or `fallback` for a device or FIFO."""
    return fallback if _through(target) else target.name


def _through(target: Path) -> bool:
    """A device, a FIFO or this process's standard output, whatever it is redirected to (never `stdout.zip`)."""
    try:
        return streams_through(target) or is_stdout(target)
    except OSError:  # a folder: the writing says so
        return False


class ProtectedZip:
    """A ZIP written through a StagedFile at `target` (`.<name>.partial-<pid>`, put in place by `commit`; nothing
    on a failure), every entry encrypted with WinZip AES-256 (AE-2) under `passphrase`.

    Entries are streamed (`binary`, `text`): the plain bytes are compressed and encrypted in memory as they are
    written, so the plain export never reaches the disk. What has to wait while another entry is written goes to a
    `sealed` scratch file, encrypted with a key held only in memory. Entry names and sizes are not encrypted (the
    ZIP format keeps them in the clear): give names that say nothing sensitive. Raises ValueError for a passphrase
    that `passphrase_problem` refuses."""

    def __init__(self, target: Path, passphrase: Passphrase, stack: ExitStack) -> None:
        if problem := passphrase_refusal(passphrase):
            raise ValueError(f"the export's passphrase: {problem}")
        self.target = target
        self._stack = stack
        import pyzipper  # (65 ms with its cryptography) only for a protected export

        self._staged = StagedFile(target, stack)
        self._archive: Any = pyzipper.AESZipFile(self._staged.path, "w", compression=zipfile.ZIP_DEFLATED,
                                                 allowZip64=True, encryption=pyzipper.WZ_AES)  # fmt: skip
        self._archive.setpassword(passphrase.reveal().encode("utf-8"))
        self._done = False
        self._scratch: Path | None = None
        stack.callback(self._abandon)

    def _abandon(self) -> None:
        if not self._done:
            with suppress(Exception):
                self._archive.close()

    @contextmanager
    def binary(self, name: str, *, compress: bool = True, when: DateTime | None = None,
               large: bool = True) -> Iterator[IO[bytes]]:  # fmt: skip
        """An entry to write bytes to (closed, and its encryption finished, on leaving). `large`: ZIP64 sizes, so
        an entry of unknown size may pass 2 GiB."""
        info = self._archive.zipinfo_cls(name, date_time=when or time.localtime()[:6])
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        info.external_attr = 0o600 << 16
        with self._archive.open(info, "w", force_zip64=large) as entry:
            yield entry

    @contextmanager
    def text(self, name: str, *, encoding: str = "utf-8") -> Iterator[IO[str]]:
        """An entry to write text to (newlines as written), in 1 MiB pieces."""
        with self.binary(name) as entry:
            buffered = io.BufferedWriter(entry, BUFFER)
            text = io.TextIOWrapper(buffered, encoding=encoding, newline="")
            try:
                yield text
                text.flush()
                buffered.flush()
            finally:  # never left to flush into the closed entry when collected (after an error or a cancel)
                with suppress(ValueError, OSError):
                    text.detach()
                with suppress(ValueError, OSError):
                    buffered.detach()

    def add(self, name: str, data: bytes, *, compress: bool = True, when: DateTime | None = None) -> None:
        """An entry holding `data`."""
        with self.binary(name, compress=compress, when=when, large=len(data) >= 1 << 31) as entry:
            entry.write(data)

    def add_sealed(self, name: str, sealed: SealedFile, *, compress: bool = True) -> None:
        """An entry holding what was written to `sealed` (decrypted a chunk at a time on its way in)."""
        with self.binary(name, compress=compress) as entry:
            sealed.copy_to(entry)
        sealed.discard()

    def sealed(self, name: str) -> SealedFile:
        """A scratch file for a piece that must wait (removed with the stack): in the folder `.<name>.parts-<pid>`
        beside the target (where a killed run's leftovers are found), or a private folder for a device."""
        if self._scratch is None:
            if self._staged.through:
                self._scratch = Path(self._stack.enter_context(private_scratch()))
            else:
                self._scratch = create_temporary_folder(self.target)
                self._stack.callback(shutil.rmtree, self._scratch, True)
        piece = SealedFile(self._scratch, name)
        self._stack.callback(piece.discard)
        return piece

    def commit(self, before_rename: Callable[[], object] | None = None) -> None:
        """Finish the ZIP and put it in place of the target (`before_rename` called once it is complete: an audit
        entry that must exist before the file does)."""
        self._archive.close()
        self._done = True
        if before_rename is not None:
            before_rename()
        self._staged.commit()
