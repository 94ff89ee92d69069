"""Verifying the evidence: every stored file re-hashed, each damaged or missing one named with its attachments."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.errors import RecordNotFoundError
from desktop.domain.evidence import Attachment, size_text
from desktop.domain.kinds import short_label
from desktop.persistence.unit_of_work import Database, UnitOfWork


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
    damaged or missing: "attachment photo.jpg (uuid) of incident 'Title' is damaged: its bytes hash to …"."""
    problems: list[str] = []
    with database.unit_of_work(write=False) as uow:
        files, size = uow.attachments.store.totals()
        found = list(uow.attachments.store.verify())
        damaged = {problem.sha256 for problem in found}
        named, whose = 0, dict[str, list[str]]()
        for attachment in uow.attachments.all():
            named += 1
            if attachment.sha256 in damaged:
                whose.setdefault(attachment.sha256, []).append(_described(uow, attachment))
        for problem in found:
            names = "; ".join(whose.get(problem.sha256, [])) or f"stored file {problem.sha256[:16]}… (no attachment)"
            word = "is damaged" if problem.what == "differs" else "is missing"
            problems.append(f"evidence: {names} {word}: {problem.detail} (SHA-256 {problem.sha256})")
    return EvidenceReport(files, size, named, tuple(problems))


def _described(uow: UnitOfWork, attachment: Attachment) -> str:
    """ "attachment photo.jpg (uuid) of incident 'Molotov cocktail thrown at…'"."""
    kind, uuid = attachment.owner_kind, attachment.owner_uuid
    try:
        label = short_label(uow.repository(kind).get(uuid))
        cut = label.endswith("…")  # the quotes hold the words; the cut is told after them
        owner = f"{kind.label} {label.removesuffix('…')!r}{'…' if cut else ''}" if label else f"{kind.label} {uuid}"
    except RecordNotFoundError:
        owner = f"{kind.label} {uuid} (gone)"
    return f"attachment {attachment.file_name} ({attachment.uuid}) of {owner}"
