"""Attachments marked sensitive, withheld from a team's readers by the server: row-level security policies."""

from __future__ import annotations

from collections.abc import Callable

WITHHELD_ATTACHMENTS = "withheld_attachments"  # a view: how many sensitive attachments each record has (not which)
POLICIES = ("team_reader_rows", "team_member_rows")


def withheld_row_statements(q: Callable[[str], str], reader: str, analyst: str, tables: set[str]) -> list[str]:
    """What `team init` runs so that a reader sees no attachment marked sensitive, nor its stored bytes or custody
    log, while analysts and supervisors (members of `analyst`) see every row. The tables' owner is not subject to
    row security (the app's migrations and the owner's backups see everything); a view owned by the owner tells a
    reader how many attachments each record has withheld, so the window can say so instead of leaving them out."""
    if "attachments" not in tables:
        return []
    visible = {
        "attachments": "NOT sensitive",
        "custody_entries": "EXISTS (SELECT 1 FROM attachments a WHERE a.id = custody_entries.attachment_id)",
        "evidence_blobs": "EXISTS (SELECT 1 FROM attachments a WHERE a.sha256 = evidence_blobs.sha256)",
        "evidence_chunks": "EXISTS (SELECT 1 FROM evidence_blobs b WHERE b.id = evidence_chunks.blob_id)",
    }  # each through the one before: a reader's subquery is itself filtered by the attachments' policy
    done: list[str] = []
    for table, condition in visible.items():
        name = q(table)
        done += [f"DROP POLICY IF EXISTS {policy} ON {name}" for policy in POLICIES]
        done += [
            f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY",
            f"CREATE POLICY team_reader_rows ON {name} FOR SELECT TO {reader} USING ({condition})",
            f"CREATE POLICY team_member_rows ON {name} TO {analyst} USING (true) WITH CHECK (true)",
        ]
    view = q(WITHHELD_ATTACHMENTS)
    done += [
        f"CREATE OR REPLACE VIEW {view} AS SELECT owner_kind, owner_uuid, count(*) AS withheld "
        "FROM attachments WHERE sensitive GROUP BY owner_kind, owner_uuid",
        f"GRANT SELECT ON {view} TO {reader}",
    ]
    return done
