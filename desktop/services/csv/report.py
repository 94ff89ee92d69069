"""What an import is asked to do (ImportOptions) and what came of it (ImportReport, with problems and conflicts)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from desktop.domain.kinds import RecordKind
from desktop.services.csv.conflicts import Conflict, Side
from desktop.services.csv.detect import Problem

MAX_PROBLEMS = 1_000  # problems kept in detail; the rest are counted


@dataclass(frozen=True, slots=True)
class ImportOptions:
    entity: RecordKind = RecordKind.INCIDENT
    mapping: tuple[str | None, ...] | None = None  # per file column the column key it is read as; None: automatic
    encoding: str | None = None  # None: detected
    delimiter: str | None = None  # None: detected
    create_facilities: bool = False  # create facilities that rows name but the database lacks
    dry_run: bool = False  # check everything, write nothing
    take: Side = "mine"  # what a conflict keeps unless `decisions` says otherwise for its record
    decisions: Mapping[str, Side] = field(default_factory=dict)  # per record uuid: the side chosen for it
    legal_history: str | None = None  # a legal history file (spreadsheet profile); None: the one beside the file

    def side(self, uuid: str) -> Side:
        return self.decisions.get(uuid, self.take)


@dataclass
class ImportReport:
    entity: RecordKind
    source: str
    encoding: str = ""
    delimiter: str = ""
    header: tuple[str, ...] = ()
    mapping: tuple[str | None, ...] = ()
    rows: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    facilities_created: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    notes: list[str] = field(default_factory=list)  # what was read how (the profile, the legal history file)
    dry_run: bool = False
    cancelled: bool = False
    committed: bool = False

    @property
    def accepted(self) -> bool:
        """No problem found and not cancelled (for a dry run: the import would be committed)."""
        return self.problem_count == 0 and not self.cancelled

    def add_problem(self, problem: Problem) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)

    def summary(self) -> str:
        if self.cancelled:
            return "Import cancelled; nothing was written."
        counts = (f"{self.rows} rows: {self.inserted} new, {self.updated} updated, {self.unchanged} unchanged, "
                  f"{len(self.conflicts)} conflicts")  # fmt: skip
        if self.conflicts:
            theirs = sum(conflict.taken == "theirs" for conflict in self.conflicts)
            counts += f" ({len(self.conflicts) - theirs} kept as in the database, {theirs} taken from the file)"
        if self.facilities_created:
            counts += f", {len(self.facilities_created)} facilities created"
        if not self.accepted:
            return f"Rejected: {self.problem_count} problem(s); nothing was written. ({counts})"
        return f"Dry run, nothing written: {counts}" if self.dry_run else f"Imported {counts}"

    def lines(self) -> list[str]:
        """The report as text: summary, every problem, every conflict."""
        out = [self.summary(), *self.notes]
        out += [f"  {problem}" for problem in self.problems]
        if self.problem_count > len(self.problems):
            out.append(f"  ... and {self.problem_count - len(self.problems)} more problem(s)")
        for conflict in self.conflicts:
            first, *fields = conflict.lines()
            out += [f"  conflict, {first}", *(f"  {line}" for line in fields)]
        return out
