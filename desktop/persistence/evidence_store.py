"""The bytes of attached files: stored once per SHA-256, in pieces, in the same transaction as their attachment."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from uuid import uuid4

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from desktop.domain.enums import AuditAction
from desktop.persistence.models import AttachmentRow, AuditRow, EvidenceBlobRow, EvidenceChunkRow


class ChangedWhileReadError(RuntimeError):
    """The file's bytes were not those hashed a moment before (it changed while being added)."""


@dataclass(frozen=True, slots=True)
class BlobProblem:
    """A stored file whose bytes are not what its SHA-256 says: changed, cut short, or gone."""

    sha256: str
    what: str  # "differs", "missing"
    detail: str


class EvidenceStore:
    """Reading and writing files' bytes within a unit of work's session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def has(self, sha256: str) -> bool:
        return self.session.scalar(select(EvidenceBlobRow.id).where(EvidenceBlobRow.sha256 == sha256)) is not None

    def put(self, sha256: str, size: int, chunks: Iterable[bytes]) -> bool:
        """Store the file whose hash and size are given, from `chunks` (read again from the source); nothing is
        written when those bytes are stored already (returns False). Raises ChangedWhileReadError when the
        chunks do not hash to `sha256`: the caller's transaction must then be rolled back."""
        if self.has(sha256):
            return False
        blob_id = self.session.execute(insert(EvidenceBlobRow).values(
            sha256=f"pending:{uuid4()}", size=0, chunks=0).returning(EvidenceBlobRow.id)).scalar_one()  # fmt: skip
        digest, written, count = hashlib.sha256(), 0, 0
        table = EvidenceChunkRow
        for piece in chunks:
            digest.update(piece)
            written += len(piece)
            self.session.execute(insert(table).values(blob_id=blob_id, seq=count, data=piece))
            count += 1
        if digest.hexdigest() != sha256 or written != size:
            raise ChangedWhileReadError("the file changed while it was being added; nothing was stored")
        self.session.execute(update(EvidenceBlobRow).where(EvidenceBlobRow.id == blob_id)
                             .values(sha256=sha256, size=size, chunks=count))  # fmt: skip
        return True

    def read(self, sha256: str) -> Iterator[bytes]:
        """The stored pieces of a file, in order (one at a time in memory)."""
        blob_id = self.session.scalar(select(EvidenceBlobRow.id).where(EvidenceBlobRow.sha256 == sha256))
        if blob_id is None:
            return
        query = (select(EvidenceChunkRow.data).where(EvidenceChunkRow.blob_id == blob_id)
                 .order_by(EvidenceChunkRow.seq))  # fmt: skip
        for data in self.session.scalars(query.execution_options(yield_per=4)):
            yield bytes(data)

    def drop_unused(self, sha256: str) -> bool:
        """Remove a file's bytes when no attachment names it any more and it is no imported file (True when
        removed)."""
        if self.session.scalar(select(AttachmentRow.id).where(AttachmentRow.sha256 == sha256).limit(1)) is not None:
            return False
        imports = self.session.scalars(select(AuditRow.changes).where(AuditRow.action == AuditAction.IMPORT))
        if any(changes.get("file_sha256", [None, None])[1] == sha256 for changes in imports):
            return False  # an imported file, kept as the proof of what was imported
        blob_id = self.session.scalar(select(EvidenceBlobRow.id).where(EvidenceBlobRow.sha256 == sha256))
        if blob_id is None:
            return False
        self.session.execute(delete(EvidenceChunkRow).where(EvidenceChunkRow.blob_id == blob_id))
        self.session.execute(delete(EvidenceBlobRow).where(EvidenceBlobRow.id == blob_id))
        return True

    def totals(self) -> tuple[int, int]:
        """(files stored, their bytes)."""
        count, size = self.session.execute(select(func.count(), func.coalesce(func.sum(EvidenceBlobRow.size), 0))
                                           .select_from(EvidenceBlobRow)).one()  # fmt: skip
        return int(count), int(size)

    def verify(self) -> Iterator[BlobProblem]:
        """Re-hash every stored file; yield each whose bytes differ from its hash or size, or that attachments name
        but is not stored."""
        for blob_id, sha256, size, chunks in self.session.execute(
            select(EvidenceBlobRow.id, EvidenceBlobRow.sha256, EvidenceBlobRow.size, EvidenceBlobRow.chunks).order_by(
                EvidenceBlobRow.id
            )
        ).all():
            problem = self._check(blob_id, sha256, size, chunks)
            if problem is not None:
                yield problem
        named = (
            select(AttachmentRow.sha256)
            .where(~select(EvidenceBlobRow.id).where(EvidenceBlobRow.sha256 == AttachmentRow.sha256).exists())
            .distinct()
        )
        for sha256 in self.session.scalars(named):
            yield BlobProblem(sha256, "missing", "its stored bytes are gone")

    def _check(self, blob_id: int, sha256: str, size: int, chunks: int) -> BlobProblem | None:
        digest, length, seqs = hashlib.sha256(), 0, 0
        query = (select(EvidenceChunkRow.seq, EvidenceChunkRow.data).where(EvidenceChunkRow.blob_id == blob_id)
                 .order_by(EvidenceChunkRow.seq).execution_options(yield_per=4))  # fmt: skip
        for seq, data in self.session.execute(query):
            if seq != seqs:
                return BlobProblem(sha256, "differs", f"piece {seqs + 1} of {chunks} is missing")
            digest.update(data)
            length += len(data)
            seqs += 1
        if seqs != chunks:
            return BlobProblem(sha256, "differs", f"{chunks - seqs} of its {chunks} pieces are missing")
        if length != size:
            return BlobProblem(sha256, "differs", f"{length:,} bytes stored where {size:,} were added")
        if digest.hexdigest() != sha256:
            return BlobProblem(sha256, "differs", f"its bytes hash to {digest.hexdigest()[:16]}…, not the SHA-256 "
                                                  "recorded when it was added")  # fmt: skip
        return None
