"""change notifications: every committed change of a record announced on the channel incident_logger_changes

Revision ID: 0009
Revises: 0007
Create Date: 2026-12-03 22:00:00

PostgreSQL only (nothing on SQLite, where one window owns the file). Statement-level AFTER triggers with transition
tables on the four record tables and on the child tables whose rows a record's row shows (weapons, legal history,
links, plan items' incidents, timeline events, attachments): each calls pg_notify('incident_logger_changes', json)
with kind (the RecordKind key), uuid, version, operation ("insert", "update", "delete") and user (session_user).
A child row names its parent record (the parent's current version; "update"). A statement touching more than
MANY rows sends one notice for the kind with uuid null ("many"): an import of a million rows sends one, not a
million. PostgreSQL delivers notices only at commit (nothing after a rollback) and drops repeated ones in a
transaction. Read by desktop/persistence/change_listener.py.
"""

from __future__ import annotations

from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

CHANNEL = 'incident_logger_changes'
# The trigger functions read a parent's uuid and version whatever the writer may read (the roles' column grants),
# with the tables of the schema they were made in; session_user stays the login that wrote.
DEFINER = 'SECURITY DEFINER SET search_path FROM CURRENT'
MANY = 200
RECORDS = (('facilities', 'facility'), ('incidents', 'incident'), ('plan_items', 'plan_item'),
           ('directives', 'directive'))
CHILDREN = (('incident_weapons', 'incident_id', 'incidents', 'incident'),
            ('incident_status_changes', 'incident_id', 'incidents', 'incident'),
            ('incident_links', 'incident_id', 'incidents', 'incident'),
            ('timeline_events', 'incident_id', 'incidents', 'incident'),
            ('plan_item_incidents', 'plan_item_id', 'plan_items', 'plan_item'))
ATTACHMENT_OWNERS = ' UNION ALL '.join(
    f"SELECT '{kind}' AS kind, uuid, version FROM {table}" for table, kind in RECORDS
)

SEND = f"""
CREATE FUNCTION incident_logger_send(kind text, uuid text, version integer, operation text) RETURNS void
LANGUAGE sql AS $$
  SELECT pg_notify('{CHANNEL}', json_build_object('kind', kind, 'uuid', uuid, 'version', version,
                                                  'operation', operation, 'user', session_user)::text)
$$
"""


def _rows(body: str, *, many: bool = True) -> str:
    """A trigger function's body over the statement's transition rows (new rows, or old rows of a delete); with
    `many`, more than MANY rows send one notice for the kind instead (an attachment's owners can be of any kind)."""
    limit = MANY if many else 'n'
    return f"""
DECLARE
  n bigint;
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT count(*) INTO n FROM old_rows;
  ELSE
    SELECT count(*) INTO n FROM new_rows;
  END IF;
  IF n = 0 THEN
    RETURN NULL;
  END IF;
  IF n > {limit} THEN
    PERFORM incident_logger_send(TG_ARGV[0], NULL, NULL, 'many');
    RETURN NULL;
  END IF;
  {body}
  RETURN NULL;
END
"""


def _record_function(table: str) -> str:
    body = """
  IF TG_OP = 'DELETE' THEN
    PERFORM incident_logger_send(TG_ARGV[0], uuid, version, 'delete') FROM old_rows;
  ELSE
    PERFORM incident_logger_send(TG_ARGV[0], uuid, version, lower(TG_OP)) FROM new_rows;
  END IF;"""
    return f"CREATE FUNCTION incident_logger_notify_{table}() RETURNS trigger LANGUAGE plpgsql" \
           f" {DEFINER} AS $$" \
           f"{_rows(body)}$$"


def _child_function(table: str, column: str, parent: str) -> str:
    body = f"""
  IF TG_OP = 'DELETE' THEN
    PERFORM incident_logger_send(TG_ARGV[0], p.uuid, p.version, 'update')
      FROM (SELECT DISTINCT {column} FROM old_rows) c JOIN {parent} p ON p.id = c.{column};
  ELSE
    PERFORM incident_logger_send(TG_ARGV[0], p.uuid, p.version, 'update')
      FROM (SELECT DISTINCT {column} FROM new_rows) c JOIN {parent} p ON p.id = c.{column};
  END IF;"""
    return f"CREATE FUNCTION incident_logger_notify_{table}() RETURNS trigger LANGUAGE plpgsql" \
           f" {DEFINER} AS $$" \
           f"{_rows(body)}$$"


def _attachment_function() -> str:
    body = f"""
  IF TG_OP = 'DELETE' THEN
    PERFORM incident_logger_send(o.kind, o.uuid, o.version, 'update')
      FROM (SELECT DISTINCT owner_kind, owner_uuid FROM old_rows) c
      JOIN ({ATTACHMENT_OWNERS}) o ON o.kind = c.owner_kind AND o.uuid = c.owner_uuid;
  ELSE
    PERFORM incident_logger_send(o.kind, o.uuid, o.version, 'update')
      FROM (SELECT DISTINCT owner_kind, owner_uuid FROM new_rows) c
      JOIN ({ATTACHMENT_OWNERS}) o ON o.kind = c.owner_kind AND o.uuid = c.owner_uuid;
  END IF;"""
    return f"CREATE FUNCTION incident_logger_notify_attachments() RETURNS trigger LANGUAGE plpgsql" \
           f" {DEFINER} AS $$" \
           f"{_rows(body, many=False)}$$"


def _triggers(table: str, kind: str) -> list[str]:
    """Three triggers (a trigger with transition tables fires on one event only)."""
    function = f'incident_logger_notify_{table}'
    return [
        f"CREATE TRIGGER incident_logger_{table}_insert AFTER INSERT ON {table} REFERENCING NEW TABLE AS new_rows"
        f" FOR EACH STATEMENT EXECUTE FUNCTION {function}('{kind}')",
        f"CREATE TRIGGER incident_logger_{table}_update AFTER UPDATE ON {table}"
        f" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {function}('{kind}')",
        f"CREATE TRIGGER incident_logger_{table}_delete AFTER DELETE ON {table} REFERENCING OLD TABLE AS old_rows"
        f" FOR EACH STATEMENT EXECUTE FUNCTION {function}('{kind}')",
    ]


def _tables() -> list[str]:
    return [t for t, _ in RECORDS] + [c[0] for c in CHILDREN] + ['attachments']


def upgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute(SEND)
    for table, kind in RECORDS:
        op.execute(_record_function(table))
        for statement in _triggers(table, kind):
            op.execute(statement)
    for table, column, parent, kind in CHILDREN:
        op.execute(_child_function(table, column, parent))
        for statement in _triggers(table, kind):
            op.execute(statement)
    op.execute(_attachment_function())
    for statement in _triggers('attachments', ''):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    for table in _tables():
        for event in ('insert', 'update', 'delete'):
            op.execute(f'DROP TRIGGER IF EXISTS incident_logger_{table}_{event} ON {table}')
        op.execute(f'DROP FUNCTION IF EXISTS incident_logger_notify_{table}()')
    op.execute('DROP FUNCTION IF EXISTS incident_logger_send(text, text, integer, text)')
