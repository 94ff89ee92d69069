"""What the attachments panel of a form reads and writes through (the forms import no service): a protocol."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from desktop.domain.evidence import Attachment, CustodyEntry
from desktop.domain.kinds import RecordKind
from desktop.domain.passphrases import Passphrase
from desktop.ui.plain_export_question import Encryptable


class AttachmentProblem(ValueError):
    """An attachment that could not be added, read, changed or removed, in one sentence; nothing was changed."""


class AttachmentSource(Protocol):
    """The attachments of the open database (desktop/ui/attachments.py: ServiceAttachments). Every method raises
    AttachmentProblem with a sentence naming the file and why; each write is its own transaction."""

    def of(self, kind: RecordKind, uuid: str) -> list[Attachment]: ...

    def withheld(self, kind: RecordKind, uuid: str) -> int:
        """How many of the record's attachments the server withholds from this login (a team reader's sensitive
        ones); 0 by default."""
        return 0

    def add_paths(self, kind: RecordKind, uuid: str, paths: Sequence[Path]) -> list[Attachment]: ...

    def add_bytes(self, kind: RecordKind, uuid: str, name: str, data: bytes) -> list[Attachment]: ...

    def update(self, attachment: Attachment) -> Attachment: ...

    def remove(self, uuid: str) -> Attachment: ...

    def save_copy(self, attachment: Attachment, target: Path, *, protect: Passphrase | None = None) -> Path:
        """The verified bytes written to `target`, or with `protect` to a passphrase-protected `NAME.zip`: the path
        written."""
        ...

    @property
    def database(self) -> Encryptable:
        """The open database (whether it is encrypted: saving out of one asks first)."""
        ...

    def open_copy(self, attachment: Attachment) -> Path:
        """A verified read-only copy in the session's temporary folder (removed when the program quits)."""
        ...

    def custody(self, attachment_uuid: str) -> list[CustodyEntry]: ...

    def add_custody(self, entry: CustodyEntry) -> CustodyEntry: ...
