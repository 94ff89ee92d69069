"""Generate the benchmark database: 500 facilities, N realistic incidents and their children, fast.

The schema comes from the application itself (open_database runs the Alembic migrations), so the
tables, CHECK constraints, indexes, triggers and the FTS5 index are the real ones. Rows are then
written with the standard library's sqlite3 executemany in one transaction on a connection of its
own (journal off, synchronous off: only for generating). The secondary indexes and FTS triggers of
the incident tables are dropped for the bulk insert and re-created from their own DDL afterwards,
and the FTS index is rebuilt from the content table; ANALYZE runs at the end.

Values are stored exactly as SQLAlchemy stores them on SQLite (dates 'YYYY-MM-DD', datetimes
'YYYY-MM-DD HH:MM:SS.000000', times 'HH:MM:SS.000000', booleans 0/1, enums by code), so the
services read them back like rows the application wrote.
"""

from __future__ import annotations

import functools
import hashlib
import os
import random
import sqlite3
import time
import uuid as uuid_module
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

from bench import facts
from bench.vocabulary import (
    AGENCIES,
    ATTACKS,
    CITIES,
    FACILITY_KINDS,
    FOLLOW_UPS,
    OPENINGS,
    OWNERS,
    PARTS,
    PLAN_ACTIONS,
    SOURCES,
)
from desktop.domain.enums import (
    Agency,
    AttackType,
    CaseStatus,
    DamageStatus,
    DatePrecision,
    FacilityType,
    PlanStatus,
    SecurityLevel,
    Severity,
)
from desktop.persistence.chain_upkeep import record_as_found
from desktop.persistence.engine import sqlite_url
from desktop.persistence.opening import open_database
from desktop.persistence.schema import MIGRATIONS

GENERATOR_VERSION = 3
T = TypeVar("T")
DEFAULT_ROWS = 1_000_000
FACILITIES = 500
PLAN_ITEMS = 3_000
SEED = 20190912
DATA_DIR = Path(os.environ.get("BENCH_DATA_DIR") or Path(__file__).with_name("data"))  # another checkout's, to share
FIRST_DAY = date(2015, 1, 1)
LAST_DAY = date(2026, 10, 31)
BATCH = 50_000
INCIDENT_TABLES = ("incidents", "incident_weapons", "incident_status_changes", "incident_links")

# Words whose frequency the measurements rely on: COMMON_WORD in about a fifth of the incidents,
# RARE_WORD in about one in 20,000 (50 of 1,000,000).
COMMON_WORD = "vandalism"
RARE_WORD = "quadcopter"
RARE_RATE = 1 / 20_000

SEVERITY_WEIGHTS = {Severity.LOW: 45, Severity.MEDIUM: 32, Severity.HIGH: 17, Severity.CRITICAL: 6}
STATUS_WEIGHTS = {
    CaseStatus.REPORTED: 14, CaseStatus.UNDER_INVESTIGATION: 22, CaseStatus.ARREST_MADE: 8,
    CaseStatus.REFERRED_FOR_PROSECUTION: 5, CaseStatus.CHARGED: 6, CaseStatus.ADJUDICATED: 7,
    CaseStatus.CLOSED: 30, CaseStatus.UNFOUNDED: 8,
}  # fmt: skip
DAMAGED, UNDAMAGED = DamageStatus.YES.value, DamageStatus.NO.value
ARRESTED = {CaseStatus.ARREST_MADE, CaseStatus.REFERRED_FOR_PROSECUTION, CaseStatus.CHARGED, CaseStatus.ADJUDICATED}
PRECISION_WEIGHTS = {DatePrecision.DAY: 66, DatePrecision.EXACT: 15, DatePrecision.MONTH: 9,
                     DatePrecision.YEAR: 3, DatePrecision.RANGE: 4, DatePrecision.UNKNOWN: 3}  # fmt: skip


@dataclass(frozen=True, slots=True)
class BenchDatabase:
    path: Path
    rows: int
    generated_seconds: float | None  # None: reused from an earlier run
    database_url: str | None = None  # BENCH_PG: the same rows on a PostgreSQL server (bench/postgres.py)
    conninfo: str | None = None  # and the libpq connection string of that database, for psql

    @property
    def url(self) -> str:
        return self.database_url or sqlite_url(self.path)


def requested_rows() -> int:
    return int(os.environ.get("BENCH_ROWS", DEFAULT_ROWS))


def requested_analyze() -> bool:
    return os.environ.get("BENCH_ANALYZE", "1") != "0"


def data_key(rows: int, analyze: bool = True) -> str:
    """Changes whenever the generator, the row count or the schema (any migration file) changes.
    BENCH_DATA_KEY: that key, to reuse a file made before a migration was added (a server copy is then upgraded)."""
    if forced := os.environ.get("BENCH_DATA_KEY"):
        return forced
    digest = hashlib.sha256(f"{GENERATOR_VERSION}:{rows}:{SEED}:{analyze}".encode())
    for migration in sorted((MIGRATIONS / "versions").glob("*.py")):
        digest.update(migration.read_bytes())
    return digest.hexdigest()[:12]


def database_path(rows: int, analyze: bool = True) -> Path:
    return DATA_DIR / f"incidents-{rows}-{data_key(rows, analyze)}.sqlite3"


def ensure_database(rows: int | None = None, *, analyze: bool | None = None, log: bool = True) -> BenchDatabase:
    """The benchmark database for `rows` incidents: reused when present and current, else generated."""
    rows = requested_rows() if rows is None else rows
    analyze = requested_analyze() if analyze is None else analyze
    path = database_path(rows, analyze)
    if path.exists():
        return BenchDatabase(path, rows, None)
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    for stale in DATA_DIR.glob(f"incidents-{rows}-*.sqlite3*"):
        stale.unlink()
    started = time.perf_counter()
    partial = path.with_name(path.name + ".partial")
    generate(partial, rows, analyze=analyze, log=log)
    partial.rename(path)
    return BenchDatabase(path, rows, time.perf_counter() - started)


def generate(path: Path, rows: int, *, analyze: bool = True, seed: int = SEED, log: bool = False,
             audited: bool = False) -> None:  # fmt: skip
    """Create `path` with the application's schema and fill it (it must not exist yet). The rows are written
    straight into the tables, so `check` names them as inserted outside the program unless `audited`: then a
    baseline audit entry records each as found (chain_upkeep.record_as_found; about a third more time)."""
    for leftover in path.parent.glob(path.name + "*"):
        leftover.unlink()
    open_database(sqlite_url(path)).close()  # the real schema, by the real migrations
    rng = random.Random(seed)
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("PRAGMA cache_size = -262144")  # 256 MiB
        connection.execute("PRAGMA temp_store = MEMORY")
        connection.execute("PRAGMA threads = 2")  # sorting for CREATE INDEX
        connection.execute("BEGIN")
        deferred = _drop_secondary(connection)
        facility_ids = _insert_facilities(connection, rng)
        _step(log, "facilities", None)
        started = time.perf_counter()
        _insert_incidents(connection, rng, rows, facility_ids, log)
        _step(log, f"{rows:,} incidents with weapons and status history", started)
        started = time.perf_counter()
        for statement in deferred:
            connection.execute(statement)
        _step(log, "indexes and triggers re-created", started)
        started = time.perf_counter()
        connection.execute("INSERT INTO incidents_fts(incidents_fts) VALUES ('rebuild')")
        _step(log, "full-text index rebuilt", started)
        _insert_plan_items(connection, rng, facility_ids, rows)
        connection.execute("COMMIT")
        if analyze:
            started = time.perf_counter()
            connection.execute("ANALYZE")
            _step(log, "ANALYZE", started)
        connection.execute("PRAGMA journal_mode = WAL")  # as the application keeps it
    finally:
        connection.close()
    if audited:
        database = open_database(sqlite_url(path))
        try:
            record_as_found(database)
        finally:
            database.close()


def _step(log: bool, what: str, started: float | None) -> None:
    if log:
        took = f" in {time.perf_counter() - started:.1f} s" if started is not None else ""
        print(f"  generated {what}{took}", flush=True)


def _drop_secondary(connection: sqlite3.Connection) -> list[str]:
    """Drop the incident tables' own indexes and triggers; return the DDL that re-creates them."""
    marks = ", ".join("?" for _ in INCIDENT_TABLES)
    found = connection.execute(
        f"SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ({marks}) "
        "AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name",
        INCIDENT_TABLES,
    ).fetchall()
    for kind, name, _sql in found:
        connection.execute(f'DROP {kind.upper()} "{name}"')
    return [sql for _kind, _name, sql in found]  # indexes sort before triggers


def _uuid(rng: random.Random) -> str:
    return str(uuid_module.UUID(int=rng.getrandbits(128), version=4))


def _stamp(day: date, seconds: int) -> str:
    """A datetime as SQLAlchemy stores it on SQLite."""
    return f"{day.isoformat()} {seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}.000000"


def _insert_facilities(connection: sqlite3.Connection, rng: random.Random) -> list[int]:
    rows = []
    used: set[str] = set()
    for number in range(1, FACILITIES + 1):
        city, state, latitude, longitude = CITIES[(number - 1) % len(CITIES)]
        kind = rng.choice(list(FacilityType))
        agency = rng.choice(list(Agency))
        name = f"{city} {agency.label} {FACILITY_KINDS[kind]}"
        if name in used:
            name = f"{name} {number}"
        used.add(name)
        levels = [lv for lv in SecurityLevel if lv is not SecurityLevel.UNKNOWN]
        level = None if number % 17 == 0 else rng.choice(levels)
        assessed = None if number % 13 == 0 else (LAST_DAY - timedelta(days=rng.randrange(7 * 365))).isoformat()
        created = _stamp(FIRST_DAY - timedelta(days=rng.randrange(400)), rng.randrange(86400))
        rows.append((
            number, _uuid(rng), created, created, 1, name, agency.value, kind.value,
            f"{rng.randrange(100, 9999)} {rng.choice(('Main', 'Federal', 'Industrial', 'Airport'))} St", city,
            state, f"{rng.randrange(10000, 99999)}", round(latitude + rng.uniform(-0.2, 0.2), 5),
            round(longitude + rng.uniform(-0.2, 0.2), 5), level.value if level else None, assessed, "",
        ))  # fmt: skip
    connection.executemany(
        "INSERT INTO facilities (id, uuid, created_at, updated_at, version, name, agency, facility_type, address, "
        "city, state, zip_code, latitude, longitude, security_level, last_assessment, notes) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    return [row[0] for row in rows]


INCIDENT_COLUMNS = (
    "id", "uuid", "created_at", "updated_at", "version", "case_number", "facility_id", "title",
    "occurred_precision", "occurred_on", "occurred_time", "discovered_at", "reported_at", "attack_type",
    "completed", "severity", "victims_killed", "victims_injured", "perpetrators_killed", "perpetrators_injured",
    "property_damage", "damage_estimate_usd", "suspects_count", "arrests_count", "investigating_agencies",
    "status", "description", "sources", "suspect_names", "personal_details", *facts.FACT_COLUMNS,
)  # fmt: skip


def _insert_incidents(
    connection: sqlite3.Connection, rng: random.Random, rows: int, facility_ids: list[int], log: bool
) -> None:
    incident_sql = (
        f"INSERT INTO incidents ({', '.join(INCIDENT_COLUMNS)}) VALUES ({', '.join('?' for _ in INCIDENT_COLUMNS)})"
    )
    weapon_sql = "INSERT INTO incident_weapons (incident_id, position, weapon_type, subtype) VALUES (?, ?, ?, ?)"
    history_sql = (
        "INSERT INTO incident_status_changes (incident_id, status, changed_on, note, recorded_at, agency, reference, "
        "charges) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
    )
    link_sql = "INSERT INTO incident_links (incident_id, related_id, position) VALUES (?, ?, ?)"
    for start in range(0, rows, BATCH):
        incidents, weapons, history, links = _incident_batch(rng, start, min(rows, start + BATCH), facility_ids)
        connection.executemany(incident_sql, incidents)
        connection.executemany(weapon_sql, weapons)
        connection.executemany(history_sql, history)
        connection.executemany(link_sql, links)
        if log and (start // BATCH) % 5 == 4:
            print(f"    {start + BATCH:,} incidents", flush=True)
    connection.execute(  # the last day each date may be, as the migration and the application store it
        "UPDATE incidents SET occurred_end = CASE occurred_precision"
        " WHEN 'year' THEN date(occurred_on, 'start of year', '+1 year', '-1 day')"
        " WHEN 'month' THEN date(occurred_on, 'start of month', '+1 month', '-1 day') ELSE occurred_on END"
        " WHERE occurred_on IS NOT NULL AND occurred_end IS NULL"  # a range has its own
    )


def _pick(rng: random.Random, items: Sequence[T]) -> T:
    return items[int(rng.random() * len(items))]


def _count(rng: random.Random, rate: float) -> int | None:
    roll = rng.random()
    if roll < 0.1:
        return None  # unknown is not zero
    return 1 + int(rng.random() * 3) if roll < 0.1 + rate else 0


@dataclass(frozen=True)
class _Calendar:
    """Strings SQLAlchemy stores for every day of the period and every second of a day (built once)."""

    first: int  # ordinal of FIRST_DAY
    days: list[str]  # ISO dates from FIRST_DAY to LAST_DAY + 1 year
    months: list[str]  # per day: ISO date of the first of its month
    years: list[str]  # per day: ISO date of the first of its year
    clock: list[str]  # per second of the day: "HH:MM:SS.000000"


@functools.cache
def _calendar() -> _Calendar:
    span = (LAST_DAY - FIRST_DAY).days + 366
    dates = [FIRST_DAY + timedelta(days=n) for n in range(span)]
    clock = [f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}.000000" for s in range(86400)]
    return _Calendar(FIRST_DAY.toordinal(), [d.isoformat() for d in dates],
                     [d.replace(day=1).isoformat() for d in dates],
                     [d.replace(month=1, day=1).isoformat() for d in dates], clock)  # fmt: skip


def _fast_uuid(rng: random.Random) -> str:
    """A random version-4 UUID string."""
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:32]}"


Rows = list[tuple[object, ...]]


def _incident_batch(
    rng: random.Random, start: int, stop: int, facility_ids: list[int]
) -> tuple[Rows, Rows, Rows, Rows]:
    size = stop - start
    attack_types = list(ATTACKS)
    attacks = rng.choices(attack_types, weights=[ATTACKS[a][0] for a in attack_types], k=size)
    severities = rng.choices([s.value for s in SEVERITY_WEIGHTS], weights=list(SEVERITY_WEIGHTS.values()), k=size)
    statuses = rng.choices(list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values()), k=size)
    precisions = rng.choices(list(PRECISION_WEIGHTS), weights=list(PRECISION_WEIGHTS.values()), k=size)
    # a few facilities see many incidents: weight 1/rank
    facilities = rng.choices(facility_ids, weights=[1 / (1 + i % 100) for i in range(len(facility_ids))], k=size)
    calendar = _calendar()
    days, clock = calendar.days, calendar.clock
    span = (LAST_DAY - FIRST_DAY).days
    arrested = {s.value for s in ARRESTED}
    random = rng.random
    incidents: list[tuple[object, ...]] = []
    weapons: list[tuple[object, ...]] = []
    history: list[tuple[object, ...]] = []
    links: list[tuple[object, ...]] = []
    for offset, attack, severity, status_member, precision, facility_id in zip(
        range(size), attacks, severities, statuses, precisions, facilities, strict=True
    ):
        status = status_member.value
        incident_id = start + offset + 1
        _, titles, events, weapon_choices = ATTACKS[attack]
        part = _pick(rng, PARTS)
        title = _pick(rng, titles).format(part=part)
        day = int(random() * span)
        occurred_on: str | None = days[day]
        occurred_time = None
        if precision is DatePrecision.EXACT:
            occurred_time = clock[int(random() * 1440) * 60]
        elif precision is DatePrecision.MONTH:
            occurred_on = calendar.months[day]
            day -= int(days[day][8:10]) - 1
        elif precision is DatePrecision.YEAR:
            occurred_on = calendar.years[day]
            day = date.fromisoformat(occurred_on).toordinal() - calendar.first
        elif precision is DatePrecision.UNKNOWN:
            occurred_on = None
        occurred_end, approximate, band = facts.dating(rng, precision, days, day)
        discovered_day = day + _pick(rng, (0, 0, 0, 1, 2))
        discovered_seconds = int(random() * 86400)
        discovered = f"{days[discovered_day]} {clock[discovered_seconds]}" if random() < 0.9 else None
        reported_day = discovered_day + _pick(rng, (0, 0, 1))
        reported_seconds = discovered_seconds if reported_day > discovered_day else min(
            86399, discovered_seconds + int(random() * 7200))  # fmt: skip
        created = f"{days[reported_day]} {clock[reported_seconds]}"
        reported = created if random() < 0.95 else None
        updated_day = min(reported_day + int(random() * 400), span + 20)
        updated = f"{days[updated_day]} {clock[int(random() * 86400)]}"
        description = (
            f"{_pick(rng, OPENINGS)} {_pick(rng, events).format(part=part, n=2 + int(random() * 8))}. "
            f"{_pick(rng, FOLLOW_UPS)} {_pick(rng, FOLLOW_UPS)}"
        )
        if attack is AttackType.VANDALISM and random() < 0.5:
            description += f" The {COMMON_WORD} was reported to the landlord."
        if random() < RARE_RATE:
            description += f" A {RARE_WORD} was seen hovering over the perimeter beforehand."
        roll = random()
        damage = DAMAGED if roll < 0.45 else UNDAMAGED if roll < 0.85 else DamageStatus.UNKNOWN.value
        estimate = 100 + int(random() * 249_900) if damage == DAMAGED and random() < 0.8 else None
        suspects = _pick(rng, (None, 0, 1, 1, 2, 3))
        arrests: int | None = _pick(rng, (None, 0, 0, 1))
        if status in arrested:
            suspects = max(suspects or 0, 1)
            arrests = 1 + int(random() * suspects)
        elif suspects is not None and arrests is not None:
            arrests = min(arrests, suspects)
        else:
            arrests = None if suspects is None else arrests
        case_number = f"{_pick(rng, ('FPS', 'ERO', 'HSI', 'PD'))}-{days[day][:4]}-{incident_id:07d}" \
            if random() < 0.7 else None  # fmt: skip
        gtd, estimate = facts.gtd(rng, attack, damage, estimate, status in arrested)
        stored_precision = DatePrecision.DAY.value if precision is DatePrecision.RANGE else precision.value
        incidents.append((
            incident_id, _fast_uuid(rng), created, updated, 1, case_number, facility_id, title, stored_precision,
            occurred_on, occurred_time, discovered, reported, attack.value, int(random() < 0.85),
            severity, _count(rng, 0.005), _count(rng, 0.04), _count(rng, 0.003), _count(rng, 0.01),
            damage, estimate, suspects, arrests, _pick(rng, AGENCIES), status, description,
            _pick(rng, SOURCES), "" if random() < 0.97 else "John Doe (alias)",
            "" if random() < 0.98 else "Suspect lives near the facility", occurred_end, approximate, band, *gtd,
        ))  # fmt: skip
        if weapon_choices and random() < 0.85:
            for position in range(1 if random() < 0.8 else 2):
                kind, subtype = _pick(rng, weapon_choices)
                weapons.append((incident_id, position, kind.value, subtype))
        details = facts.legal_details(rng, status, days[reported_day], incident_id)
        history.append((incident_id, status, days[reported_day], "", created, *details))
        if (link := facts.related(rng, incident_id, start + 1)) is not None:
            links.append(link)
    return incidents, weapons, history, links


def _insert_plan_items(connection: sqlite3.Connection, rng: random.Random, facility_ids: list[int], rows: int) -> None:
    items, links = [], []
    for number in range(1, PLAN_ITEMS + 1):
        status = rng.choice(list(PlanStatus))
        due = LAST_DAY + timedelta(days=rng.randint(-400, 200)) if number % 13 else None
        created = _stamp(LAST_DAY - timedelta(days=rng.randrange(500)), rng.randrange(86400))
        if rows and number % 3 == 0:
            links.append((number, rng.randint(1, rows), 0))
        items.append((
            number, _uuid(rng), created, created, 1, None if number % 10 == 0 else rng.choice(facility_ids),
            f"{rng.choice(PLAN_ACTIONS)} {rng.choice(PARTS)}", rng.choice(OWNERS),
            due.isoformat() if due else None, status.value,
            "The residual risk is below the cost" if status is PlanStatus.RISK_ACCEPTED else "", "",
        ))  # fmt: skip
    connection.executemany(
        "INSERT INTO plan_items (id, uuid, created_at, updated_at, version, facility_id, description, "
        "owner, due_date, status, risk_rationale, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        items,
    )
    connection.executemany("INSERT INTO plan_item_incidents (plan_item_id, incident_id, position) VALUES (?, ?, ?)",
                           links)  # fmt: skip


def iter_sizes(path: Path) -> Iterator[tuple[str, int]]:
    """Row counts per table, for the report."""
    connection = sqlite3.connect(path)  # not read-only: a WAL database needs its -shm file made
    try:
        for table in (
            "facilities",
            "incidents",
            "incident_weapons",
            "incident_status_changes",
            "incident_links",
            "plan_items",
            "plan_item_incidents",
        ):
            yield table, connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        connection.close()


if __name__ == "__main__":
    ensure_database()
