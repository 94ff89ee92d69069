"""Verifying the evidence: every stored file re-hashed, each damaged or missing one named with its attachments."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.errors import RecordNotFoundError
from desktop.domain.evidence import size_text
from desktop.persistence.unit_of_work import Database
from desktop.services.attachments import owner_label


@dataclass(frozen=True, slots=True)
class EvidenceReport:
    files: int
    size: int
    attachments: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def size_text(self) -> str:
        return size_text(self.size)


def verify_evidence(database: Database) -> EvidenceReport:
    """Re-hash every stored file (constant memory: a piece at a time) and name each attachment whose file is
    damaged or missing: "attachment photo.jpg (uuid) of incident 'Title': its bytes hash to …"."""
    problems: list[str] = []
    with database.unit_of_work(write=False) as uow:
        files, size = uow.attachments.store.totals()
        found = list(uow.attachments.store.verify())
        named = 0
        by_hash: dict[str, list[str]] = {}
        for attachment in uow.attachments.all():
            named += 1
            if any(problem.sha256 == attachment.sha256 for problem in found):
                try:
                    owner = owner_label(uow, attachment.owner_kind, attachment.owner_uuid)
                except RecordNotFoundError:
                    owner = f"{attachment.owner_kind.label} {attachment.owner_uuid} (gone)"
                by_hash.setdefault(attachment.sha256, []).append(
                    f"attachment {attachment.file_name} ({attachment.uuid}) of {owner}"
                )
        for problem in found:
            whose = "; ".join(by_hash.get(problem.sha256, [])) or f"stored file {problem.sha256[:16]}… (no attachment)"
            word = "is damaged" if problem.what == "differs" else "is missing"
            problems.append(f"evidence: {whose} {word}: {problem.detail} (SHA-256 {problem.sha256})")
    return EvidenceReport(files, size, named, tuple(problems))
