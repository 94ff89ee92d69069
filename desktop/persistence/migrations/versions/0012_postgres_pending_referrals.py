"""PostgreSQL: the incidents pending referral for prosecution kept by triggers; a covering index for periods

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04 04:00:00

PostgreSQL only. The dashboard's pending-referral count (case_conditions.pending_referral_condition: an arrest or
a known living perpetrator, no referral for prosecution, not unfounded) tested every incident against two lists
of the legal history: on 1,000,000 incidents on PostgreSQL 15 a parallel sequential scan of incidents and, in
each worker, two of the 1,000,000 status changes, 0.5-1.3 s of the dashboard's 1.2-2.2 s. Here:
- incident_pending (id, occurred_on, occurred_end): the incidents that condition selects (206,338 of the
  bench's 1,000,000), so that the figure reads a list of ids (the dates: a period alone is answered there too);
- kept by statement-level triggers (transition tables: a COPY batch or a bulk UPDATE is one recomputation) on
  incidents (insert, delete, an update of a column the condition or the dates read) and on the legal history
  (any insert, update or delete): the affected incidents' rows are deleted and those the condition selects
  inserted again, under a lock on those incidents (two sessions changing the same incident's history wait for
  each other, so the second reads the first's committed entries);
- an index (status, incident_id) on the legal history, which makes the recomputation's two lists index reads;
- ixpg_incidents_period_figures: occurred_on with every column figure_pass.one_pass reads, so that a period's
  figures are an index-only scan (a year at 1M: the bitmap heap scan visited 64,053 of the table's 64,000-odd
  pages for 410,000 candidate rows, 0.3-0.9 s; the index, 108 MB, 9,288 pages, 0.06 s).
The condition below is the one case_conditions.pending_referral_condition builds (tests/test_pg_pending_referrals.py
compares the two after inserts, edits, deletes, restores and a COPY import).
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

DEFINER = "SECURITY DEFINER SET search_path FROM CURRENT"  # as 0010: writers need no grant on the table
PENDING = """i.status <> 'unfounded'
    AND NOT EXISTS (SELECT 1 FROM incident_status_changes c WHERE c.incident_id = i.id
                    AND c.status IN ('referred_for_prosecution', 'charged', 'adjudicated'))
    AND (i.arrests_count > 0 OR i.perpetrator_outcome = 'arrested'
         OR EXISTS (SELECT 1 FROM incident_status_changes c WHERE c.incident_id = i.id AND c.status = 'arrest_made')
         OR (trim(i.suspect_names) <> '' AND i.perpetrator_outcome <> 'killed'))"""  # incident_id is NOT NULL
INDEX = "ixpg_incident_status_changes_status"
PERIOD_INDEX = "ixpg_incidents_period_figures"
PERIOD_READS = ("occurred_end, occurred_approximate, attack_type, facility_id, severity, status, target_type, "
                "property_damage, property_extent, victims_killed, victims_injured, perpetrators_killed, "
                "perpetrators_injured, damage_estimate_usd")  # fmt: skip

FUNCTIONS = [
    f"""CREATE FUNCTION incident_pending_refresh(ids integer[]) RETURNS void LANGUAGE plpgsql {DEFINER} AS $$
    BEGIN
        IF cardinality(ids) = 0 THEN
            RETURN;
        END IF;
        -- joined with unnest(ids), not `id = ANY (ids)`: the function's cached generic plan then probes by id
        -- (a CSV import's batches: with = ANY it scanned the growing table per batch, 13 s for 81,893 rows)
        PERFORM 1 FROM unnest(ids) AS u (id) JOIN incidents i ON i.id = u.id ORDER BY i.id FOR NO KEY UPDATE OF i;
        DELETE FROM incident_pending p USING unnest(ids) AS u (id) WHERE p.id = u.id;
        INSERT INTO incident_pending (id, occurred_on, occurred_end)
            SELECT i.id, i.occurred_on, i.occurred_end FROM unnest(ids) AS u (id) JOIN incidents i ON i.id = u.id
            WHERE {PENDING} ORDER BY i.id;
    END $$""",
    f"""CREATE FUNCTION incident_pending_inserted() RETURNS trigger LANGUAGE plpgsql {DEFINER} AS $$
    BEGIN
        PERFORM incident_pending_refresh(ARRAY(SELECT id FROM new_rows));
        RETURN NULL;
    END $$""",
    f"""CREATE FUNCTION incident_pending_updated() RETURNS trigger LANGUAGE plpgsql {DEFINER} AS $$
    BEGIN
        PERFORM incident_pending_refresh(ARRAY(
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.status, n.arrests_count, n.perpetrator_outcome, n.suspect_names, n.occurred_on, n.occurred_end)
                  IS DISTINCT FROM
                  (o.status, o.arrests_count, o.perpetrator_outcome, o.suspect_names, o.occurred_on, o.occurred_end)));
        RETURN NULL;
    END $$""",
    f"""CREATE FUNCTION incident_pending_history() RETURNS trigger LANGUAGE plpgsql {DEFINER} AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            PERFORM incident_pending_refresh(ARRAY(SELECT DISTINCT incident_id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN
            PERFORM incident_pending_refresh(ARRAY(SELECT DISTINCT incident_id FROM old_rows));
        ELSE
            PERFORM incident_pending_refresh(ARRAY(
                SELECT incident_id FROM new_rows UNION SELECT incident_id FROM old_rows));
        END IF;
        RETURN NULL;
    END $$""",
]
NEW_ROWS, OLD_ROWS = "NEW TABLE AS new_rows", "OLD TABLE AS old_rows"
TRIGGERS = {  # name: (event, table, transition tables, function); deletes of incidents: the foreign key cascades
    "incident_pending_inserted": ("INSERT", "incidents", NEW_ROWS, "incident_pending_inserted"),
    "incident_pending_updated": ("UPDATE", "incidents", f"{OLD_ROWS} {NEW_ROWS}", "incident_pending_updated"),
    "incident_pending_history_inserted": ("INSERT", "incident_status_changes", NEW_ROWS, "incident_pending_history"),
    "incident_pending_history_updated": (
        "UPDATE",
        "incident_status_changes",
        f"{OLD_ROWS} {NEW_ROWS}",
        "incident_pending_history",
    ),  # fmt: skip
    "incident_pending_history_deleted": ("DELETE", "incident_status_changes", OLD_ROWS, "incident_pending_history"),
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON incident_status_changes (status, incident_id)")
    op.execute(f"CREATE INDEX IF NOT EXISTS {PERIOD_INDEX} ON incidents (occurred_on) INCLUDE ({PERIOD_READS})")
    op.execute("CREATE TABLE incident_pending (id integer PRIMARY KEY REFERENCES incidents (id) ON DELETE CASCADE,"
               " occurred_on date, occurred_end date)")  # fmt: skip
    op.execute("CREATE INDEX ixpg_incident_pending_period ON incident_pending (occurred_on, occurred_end)")
    for function in FUNCTIONS:
        op.execute(function)
    for name, (event, table, transitions, function) in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} AFTER {event} ON {table} REFERENCING {transitions} "
                   f"FOR EACH STATEMENT EXECUTE FUNCTION {function}()")  # fmt: skip
    op.execute("LOCK TABLE incidents, incident_status_changes IN SHARE MODE")  # no change between fill and triggers
    op.execute(f"INSERT INTO incident_pending (id, occurred_on, occurred_end) "
               f"SELECT i.id, i.occurred_on, i.occurred_end FROM incidents i WHERE {PENDING}")  # fmt: skip
    op.execute("ANALYZE incident_pending")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, (_event, table, _transitions, _function) in TRIGGERS.items():
        op.execute(f"DROP TRIGGER {name} ON {table}")
    for function in ("incident_pending_inserted", "incident_pending_updated", "incident_pending_history"):
        op.execute(f"DROP FUNCTION {function}()")
    op.execute("DROP FUNCTION incident_pending_refresh(integer[])")
    op.execute("DROP TABLE incident_pending")
    op.execute(f"DROP INDEX IF EXISTS {INDEX}")
    op.execute(f"DROP INDEX IF EXISTS {PERIOD_INDEX}")
