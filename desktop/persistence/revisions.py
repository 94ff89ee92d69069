"""The schema revisions this program's migrations know, read from their files without importing Alembic."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

VERSIONS = Path(__file__).with_name("migrations") / "versions"
_REVISION = re.compile(r"""^revision\s*(?::[^=]*)?=\s*['"]([^'"]+)['"]""", re.MULTILINE)
_DOWN = re.compile(r"""^down_revision\s*(?::[^=]*)?=\s*(?:['"]([^'"]+)['"]|None)""", re.MULTILINE)


class RevisionFileError(RuntimeError):
    """A migration file without a readable `revision = "..."` line, or migrations without exactly one head."""


@cache
def revision_graph() -> dict[str, str | None]:
    """Each known revision and the one it revises (None for the first), from the `revision = ` and
    `down_revision = ` lines of migrations/versions/*.py, as Alembic reads them."""
    graph: dict[str, str | None] = {}
    for path in sorted(VERSIONS.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN.search(source)
        if revision is None or down is None:
            raise RevisionFileError(f"{path.name} has no readable revision and down_revision lines")
        graph[revision.group(1)] = down.group(1)
    return graph


def known_revisions() -> frozenset[str]:
    """Every schema revision this program's migrations know."""
    return frozenset(revision_graph())


@cache
def head_revision() -> str:
    """The newest revision: the one no other revises."""
    graph = revision_graph()
    heads = set(graph) - {down for down in graph.values() if down is not None}
    if len(heads) != 1:
        raise RevisionFileError(f"the migrations have {len(heads)} heads ({', '.join(sorted(heads))}), not one")
    return heads.pop()
