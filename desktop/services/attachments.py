"""Files kept with records: add (from a path or pasted bytes), list, open a verified copy, describe, remove, custody."""

from __future__ import annotations

import getpass
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.errors import RecordNotFoundError
from desktop.domain.evidence import (
    CHUNK_BYTES,
    MAX_ATTACHMENT_BYTES,
    Attachment,
    CustodyEntry,
    custody_problems,
    size_text,
    text_problems,
)
from desktop.domain.kinds import RecordKind
from desktop.domain.media_types import SNIFF_BYTES, media_type
from desktop.domain.passphrases import Passphrase
from desktop.domain.roles import Ability
from desktop.persistence.evidence_store import ChangedWhileReadError
from desktop.persistence.unit_of_work import Database
from desktop.services.staged_output import StagedFile

NAME_LIMIT = 255


class AttachmentError(ValueError):
    """A file that cannot be attached or read back, in words: which file and why; nothing was stored."""


@dataclass(frozen=True, slots=True)
class NewFile:
    """A file to attach: a path on disk, or bytes (pasted from the clipboard) with the name to give them."""

    name: str
    path: Path | None = None
    data: bytes | None = None
    description: str = ""
    sensitive: bool = False

    @classmethod
    def of_path(cls, path: Path, description: str = "", sensitive: bool = False) -> NewFile:
        return cls(path.name, path, None, description, sensitive)

    @classmethod
    def of_bytes(cls, name: str, data: bytes, description: str = "", sensitive: bool = False) -> NewFile:
        return cls(name, None, data, description, sensitive)

    def chunks(self) -> Iterator[bytes]:
        """The file's bytes, CHUNK_BYTES at a time (read afresh on every call)."""
        if self.data is not None:
            for start in range(0, len(self.data), CHUNK_BYTES):
                yield self.data[start : start + CHUNK_BYTES]
            return
        assert self.path is not None
        with open(self.path, "rb") as source:
            while piece := source.read(CHUNK_BYTES):
                yield piece


@dataclass(frozen=True, slots=True)
class Fingerprint:
    sha256: str
    size: int
    media_type: str


def fingerprint(new: NewFile, limit: int = MAX_ATTACHMENT_BYTES) -> Fingerprint:
    """Hash, size and media type (from the content) of a file about to be attached; AttachmentError when it cannot
    be read, is a folder, is empty or is larger than `limit`."""
    where = str(new.path) if new.path is not None else new.name
    if new.path is not None:
        try:
            if new.path.is_dir():
                raise AttachmentError(f"{where} is a folder; attach the files in it one by one")
            size = new.path.stat().st_size
        except OSError as error:
            raise AttachmentError(f"cannot read {where}: {error.strerror or error}") from None
    else:
        size = len(new.data or b"")
    if size > limit:
        raise AttachmentError(f"{where} is {size_text(size)}; an attachment may be at most {size_text(limit)}. "
                              "Keep the file elsewhere and describe where in the record.")  # fmt: skip
    digest, head, total = hashlib.sha256(), b"", 0
    try:
        for piece in new.chunks():
            digest.update(piece)
            if len(head) < SNIFF_BYTES:
                head += piece[: SNIFF_BYTES - len(head)]
            total += len(piece)
            if total > limit:
                raise AttachmentError(f"{where} grew past {size_text(limit)} while it was read")
    except OSError as error:
        raise AttachmentError(f"cannot read {where}: {error.strerror or error}") from None
    if total == 0:
        raise AttachmentError(f"{where} is empty; there is nothing to keep")
    return Fingerprint(digest.hexdigest(), total, media_type(head, new.name))


def name_problems(name: str) -> list[str]:
    if not name.strip():
        return ["the file name is empty"]
    if "/" in name or "\\" in name or "\0" in name:
        return [f"the file name {name!r} holds a path separator"]
    return [f"the file name is {len(name)} characters; at most {NAME_LIMIT}"] if len(name) > NAME_LIMIT else []


class AttachmentService:
    """Attachments of one open database. Each add stores the attachments and their bytes in one transaction: all
    of them, or (on any error, or a kill) none."""

    def __init__(self, database: Database, user: Callable[[], str] = getpass.getuser,
                 limit: int = MAX_ATTACHMENT_BYTES) -> None:  # fmt: skip
        self.database = database
        self.user = user
        self.limit = limit

    def add(self, owner_kind: RecordKind, owner_uuid: str, files: Sequence[NewFile]) -> list[Attachment]:
        """Attach `files` to a record (which must exist); AttachmentError names the first file that cannot be."""
        prints = []
        for new in files:
            if problems := name_problems(new.name) + text_problems("the description", new.description):
                raise AttachmentError(f"{new.name or '(no name)'}: {problems[0]}")
            prints.append(fingerprint(new, self.limit))
        try:
            added_by = self.user()
        except (OSError, KeyError):  # no user name on this computer (a container without a passwd entry)
            added_by = ""
        with self.database.unit_of_work() as uow:
            if not uow.repository(owner_kind).existing_uuids([owner_uuid]):  # it has gone (no need to read it)
                raise RecordNotFoundError(owner_kind, owner_uuid)
            added = []
            for new, found in zip(files, prints, strict=True):
                attachment = Attachment(owner_kind, owner_uuid, new.name, found.media_type, found.size,
                                        found.sha256, added_by=added_by, description=new.description,
                                        sensitive=new.sensitive)  # fmt: skip
                try:
                    added.append(uow.attachments.add(attachment, new.chunks()))
                except ChangedWhileReadError as error:
                    raise AttachmentError(f"{new.path or new.name}: {error}") from None
                except OSError as error:
                    raise AttachmentError(f"cannot read {new.path or new.name}: {error.strerror or error}") from None
            uow.commit()
            return added

    def of(self, owner_kind: RecordKind, owner_uuid: str) -> list[Attachment]:
        with self.database.unit_of_work(write=False) as uow:
            return uow.attachments.of(owner_kind, owner_uuid)

    def withheld(self, owner_kind: RecordKind, owner_uuid: str) -> int:
        """How many of the record's attachments this login may not read (a team reader's sensitive ones)."""
        if self.database.capabilities.may(Ability.READ_SENSITIVE):  # a file, the owner, an analyst: reads them all
            return 0
        with self.database.unit_of_work(write=False) as uow:
            return uow.attachments.withheld(owner_kind, owner_uuid)

    def all(self) -> list[Attachment]:
        with self.database.unit_of_work(write=False) as uow:
            return list(uow.attachments.all())

    def get(self, uuid: str) -> Attachment:
        with self.database.unit_of_work(write=False) as uow:
            return uow.attachments.get(uuid)

    def update(self, attachment: Attachment) -> Attachment:
        """Save the description and the sensitive flag (StaleRecordError when changed meanwhile)."""
        if problems := text_problems("the description", attachment.description):
            raise AttachmentError(problems[0])
        with self.database.unit_of_work() as uow:
            saved = uow.attachments.update(attachment)
            uow.commit()
            return saved

    def remove(self, uuid: str) -> Attachment:
        """Remove an attachment; the audit trail keeps its name, size, SHA-256 and custody log."""
        with self.database.unit_of_work() as uow:
            removed = uow.attachments.delete(uuid)
            uow.commit()
            return removed

    def read(self, attachment: Attachment) -> Iterator[bytes]:
        """The stored bytes, checked against the SHA-256 as they are read: AttachmentError after the last piece
        when they differ (a caller writing them somewhere must then discard what it wrote)."""
        digest, size = hashlib.sha256(), 0
        with self.database.unit_of_work(write=False) as uow:
            for piece in uow.attachments.store.read(attachment.sha256):
                digest.update(piece)
                size += len(piece)
                yield piece
        if size != attachment.size or digest.hexdigest() != attachment.sha256:
            raise AttachmentError(f"the stored copy of {attachment.file_name} is damaged: its bytes no longer "
                                  "match the SHA-256 recorded when it was added (see `incident-logger evidence "
                                  "verify`)")  # fmt: skip

    def save_copy(self, attachment: Attachment, target: Path, *, protect: Passphrase | None = None) -> Path:
        """Write the verified bytes to `target` (a file replaced whole, or /dev/stdout); nothing is left there when
        the stored copy is damaged. With `protect`, a passphrase-protected ZIP instead (`NAME.zip`, its one entry
        named after `target`, AES-256 as it streams: the plain bytes never reach the disk). Returns what was written."""
        if protect is not None:
            from desktop.services.protected_zip import ProtectedZip, entry_name, protected_target

            written = protected_target(target)
            with ExitStack() as stack:
                zipped = ProtectedZip(written, protect, stack)
                with zipped.binary(entry_name(target, f"attachment{Path(attachment.file_name).suffix}")) as entry:
                    for piece in self.read(attachment):
                        entry.write(piece)
                zipped.commit()
            return written
        with ExitStack() as stack:
            staged = StagedFile(target, stack)
            with open(staged.path, "wb") as out:
                for piece in self.read(attachment):
                    out.write(piece)
            staged.commit()
        return target

    def open_copy(self, attachment: Attachment, folder: Path | None = None) -> Path:
        """A verified, read-only copy under its own name in an owner-only temporary folder (for the system viewer);
        the caller removes the folder when the program closes."""
        base = folder if folder is not None else Path(tempfile.mkdtemp(prefix="incident-logger-open-"))
        own = Path(tempfile.mkdtemp(dir=base))
        target = own / attachment.file_name
        try:
            with open(target, "xb") as out:
                for piece in self.read(attachment):
                    out.write(piece)
        except AttachmentError:
            target.unlink(missing_ok=True)
            raise
        os.chmod(target, 0o400)
        return target

    def custody(self, attachment_uuid: str) -> list[CustodyEntry]:
        with self.database.unit_of_work(write=False) as uow:
            return uow.attachments.custody(attachment_uuid)

    def add_custody(self, entry: CustodyEntry) -> CustodyEntry:
        """Append to the custody log (AttachmentError with what is missing or wrong)."""
        if problems := custody_problems(entry, self.database.now()):
            raise AttachmentError("; ".join(problems))
        with self.database.unit_of_work() as uow:
            added = uow.attachments.add_custody(entry)
            uow.commit()
            return added
