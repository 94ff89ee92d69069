"""PostgreSQL search and sort indexes: incident words as a tsvector with GIN, pg_trgm, NULLS FIRST sort indexes

Revision ID: 0010
Revises: 0007
Create Date: 2026-12-03 22:00:00

PostgreSQL only (SQLite has its FTS5 index since 0001). 1,000,000 incidents on PostgreSQL 15 before: a search
read every row with five regular expressions (3.7-6.2 s), sorts asked NULLS FIRST of indexes in the default
order (0.24-0.39 s), the facility sort ordered across a join. Now:
- incident_words: per incident (id) a tsvector of the columns the FTS5 index covers, punctuation read as FTS5
  reads it (a separator), case_number weighted B (the case: field), the others A, a lexeme no search can name
  ('-') between two columns so that a phrase never spans them; GIN index for word-start prefixes. Kept by a
  trigger on incidents; a table of its own, so that the incidents' rows stay as narrow as they were (the
  tsvector is about half a row's bytes: every scan of incidents, e.g. the dashboard's, would read twice the pages);
- incidents.facility_name: the facility's name, kept by triggers, so the facility sort reads one index;
- sort indexes in the order the queries ask (NULLS FIRST ascending, read backwards for descending);
- pg_trgm (trusted in PostgreSQL 13+: a database owner may create it) and a trigram index on facility names
  for facility: searches (a substring anywhere); left out, with the search still correct, when the role
  running the upgrade may not create the extension.
Names of the PostgreSQL-only objects: schema.PG_ONLY_TABLES, PG_ONLY_COLUMNS and PG_ONLY_INDEX_PREFIX.
"""

from __future__ import annotations

from alembic import op
from sqlalchemy.exc import DBAPIError

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

# ASCII characters other than letters and digits: separators, as FTS5's unicode61 tokenizer reads them
SEPARATORS = r"'[\x01-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+'"
COLUMN_GAP = "'''-'':1'::tsvector"  # a lexeme between two columns: a phrase never spans them
SEARCHED = (("title", "A"), ("description", "A"), ("case_number", "B"), ("sources", "A"),
            ("investigating_agencies", "A"))  # fmt: skip


def words(column: str, weight: str) -> str:
    text = f"regexp_replace(coalesce({column}, ''), {SEPARATORS}, ' ', 'g')"
    return f"setweight(to_tsvector('simple'::regconfig, {text}), '{weight}')"


def search_text(row: str) -> str:
    """The tsvector of an incident's searched columns (`row`: "NEW." in the trigger, "" in a SELECT)."""
    return f" || {COLUMN_GAP} || ".join(words(row + column, weight) for column, weight in SEARCHED)


# as the schema's owner: a role that may write incidents or rename a facility needs no grant on what they keep
DEFINER = "SECURITY DEFINER SET search_path FROM CURRENT"
WORDS_KEPT = [  # new rows by statement (a COPY or INSERT ... SELECT of a batch: one set-based INSERT), changes by row
    f"""CREATE FUNCTION incident_words_inserted() RETURNS trigger LANGUAGE plpgsql {DEFINER} AS $$
    BEGIN
        INSERT INTO incident_words (id, words) SELECT id, {search_text("")} FROM inserted;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER incident_words_inserted AFTER INSERT ON incidents REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION incident_words_inserted()""",
    f"""CREATE FUNCTION incident_words_updated() RETURNS trigger LANGUAGE plpgsql {DEFINER} AS $$
    BEGIN
        UPDATE incident_words SET words = {search_text("NEW.")} WHERE id = NEW.id;
        RETURN NULL;
    END $$""",
    f"""CREATE TRIGGER incident_words_updated AFTER UPDATE OF {", ".join(c for c, _ in SEARCHED)} ON incidents
    FOR EACH ROW EXECUTE FUNCTION incident_words_updated()""",
]
FACILITY_NAME_FUNCTIONS = [
    f"""CREATE FUNCTION incidents_facility_name() RETURNS trigger LANGUAGE plpgsql {DEFINER} AS $$
    BEGIN
        NEW.facility_name := (SELECT name FROM facilities WHERE id = NEW.facility_id);
        RETURN NEW;
    END $$""",
    """CREATE TRIGGER incidents_facility_name BEFORE INSERT OR UPDATE OF facility_id ON incidents
    FOR EACH ROW EXECUTE FUNCTION incidents_facility_name()""",
    f"""CREATE FUNCTION facilities_name_to_incidents() RETURNS trigger LANGUAGE plpgsql {DEFINER} AS $$
    BEGIN
        UPDATE incidents SET facility_name = NEW.name WHERE facility_id = NEW.id;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER facilities_name_to_incidents AFTER UPDATE OF name ON facilities
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION facilities_name_to_incidents()""",
]
SORT_INDEXES = {  # name: columns, as IncidentRepository._order asks on PostgreSQL
    "ixpg_incidents_occurred": "occurred_on NULLS FIRST, id",
    "ixpg_incidents_case_number": "case_number NULLS FIRST, id",
    "ixpg_incidents_facility_name": "facility_name NULLS FIRST, id",
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    connection = op.get_bind()  # exec_driver_sql, not op.execute: ":1" would be read as a bound parameter
    op.execute("CREATE TABLE incident_words (id integer PRIMARY KEY REFERENCES incidents (id) ON DELETE CASCADE,"
               " words tsvector NOT NULL)")  # fmt: skip
    connection.exec_driver_sql(f"INSERT INTO incident_words (id, words) SELECT id, {search_text('')} FROM incidents")
    op.execute("CREATE INDEX ixpg_incident_words ON incident_words USING gin (words)")
    for statement in WORDS_KEPT:
        connection.exec_driver_sql(statement)
    op.execute("ALTER TABLE incidents ADD COLUMN facility_name varchar(300)")
    op.execute("UPDATE incidents SET facility_name = f.name FROM facilities f WHERE f.id = incidents.facility_id")
    for statement in FACILITY_NAME_FUNCTIONS:
        op.execute(statement)
    for name, columns in SORT_INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON incidents ({columns})")
    _trigram_index()


def _trigram_index() -> None:
    """pg_trgm and the facility name index, when this role may create the extension (else the ILIKE still works)."""
    connection = op.get_bind()
    try:
        with connection.begin_nested():
            connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            connection.exec_driver_sql("CREATE INDEX ixpg_facilities_name_trgm ON facilities USING gin (name gin_trgm_ops)")
    except DBAPIError:
        pass  # rolled back to the savepoint: no extension, no index


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ixpg_facilities_name_trgm")
    op.execute("DROP TRIGGER facilities_name_to_incidents ON facilities")
    op.execute("DROP FUNCTION facilities_name_to_incidents()")
    op.execute("DROP TRIGGER incidents_facility_name ON incidents")
    op.execute("DROP FUNCTION incidents_facility_name()")
    for name in SORT_INDEXES:
        op.execute(f"DROP INDEX {name}")
    op.execute("ALTER TABLE incidents DROP COLUMN facility_name")
    for kept in ("incident_words_inserted", "incident_words_updated"):
        op.execute(f"DROP TRIGGER {kept} ON incidents")
        op.execute(f"DROP FUNCTION {kept}()")
    op.execute("DROP TABLE incident_words")
