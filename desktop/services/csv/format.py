"""The CSV layout shared by export and import: columns per record kind, cell encodings and injection escaping."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from desktop.domain.enums import (
    Agency,
    AttackType,
    CaseStatus,
    DamageStatus,
    DirectiveScope,
    FacilityType,
    LabelledEnum,
    OperatorKind,
    PerpetratorOutcome,
    PlanStatus,
    PropertyExtent,
    SecurityLevel,
    Severity,
    TargetType,
    TimeOfDay,
    YesNoUnknown,
)
from desktop.domain.kinds import RecordKind
from desktop.domain.records import SENSITIVE_INCIDENT_FIELDS
from desktop.domain.values import PartialDate, StatusChange, Weapon

# The round-trip format (the "for spreadsheets" profile is described in sheet.py), for people who receive or
# prepare such files:
#
# - Text: UTF-8 (a byte order mark is written on request, for spreadsheets), comma-separated, RFC 4180 quoting,
#   CRLF line ends, one header row of column keys (``attack_type``). Import also reads Windows-1252 and ``;``,
#   tab or ``|`` separated files, and headers given as titles ("Attack type").
# - Enumerations take two columns: ``attack_type`` holds the stable code (``armed_assault``) and
#   ``attack_type_label`` the readable label ("Armed assault"). Import accepts either column, and a code or a label
#   in both; when a row gives both they must name the same value.
# - Dates ``YYYY-MM-DD``; timestamps ``YYYY-MM-DD HH:MM:SS`` in UTC (``.ffffff`` only when there is a fraction;
#   import also accepts a ``T`` separator). ``occurred`` is a partial date in EDTF (ISO 8601-2), with a space
#   before a time as the previous release wrote it: empty (unknown), ``2019``, ``2019-08``, ``2019-08-13``,
#   ``2019-08-13 04:00``, ``2019-08~`` (about), ``2019-08-20/2019-08-31`` (a range of days, months or years).
#   ``occurred_time_of_day`` is the band of the day (``early_morning``) of an ``occurred`` day; import also reads
#   it written after the day ("2019-08-25 early morning"), and both must then agree.
# - Counts: empty means unknown, ``0`` means none. ``completed``: ``yes`` (completed) or ``no`` (attempted).
# - Second and third attack and target types, ``property_extent``, ``occurred_time_of_day``: empty means none.
# - ``weapons``: ``firearms:rifle|incendiary:Molotov cocktail|vehicle`` - codes, each with an optional
#   ``:subtype``; ``\`` and ``|`` inside a subtype are written ``\\`` and ``\|``. ``weapons_label`` shows the
#   same for people ("Firearms: rifle; Incendiary: Molotov cocktail"), read only when ``weapons`` is absent.
# - ``status_history`` (the legal history), entries separated by ``|``:
#   ``status@date;agency=…;reference=…;charges=…:note`` - the status code, ``@``, the entry's date in EDTF
#   (``2019-09-12``, ``2019-09``, ``2019-09~``, ``2019-09-01/2019-09-15``), then optionally ``;agency=``,
#   ``;reference=`` and ``;charges=`` (each at most once, in any order), then optionally ``:`` and the note.
#   Inside agency, reference and charges ``\``, ``|``, ``:`` and ``;`` are written ``\\``, ``\|``, ``\:`` and
#   ``\;``; inside the note ``\`` and ``|`` (the note runs to the end of the entry, so ``:`` and ``;`` need no
#   escape there, though ``\:`` and ``\;`` are read too). The previous release's ``reported@2019-08-01:note``
#   is the same format without the details. The entries are listed as recorded; the latest by date is the
#   current ``status``.
# - ``related_uuids`` (incidents) and ``incident_uuids`` (plan items): UUIDs separated by ``;``. Import reads a
#   previous release's single ``incident_uuid`` column as ``incident_uuids``. Related incidents must be stored or
#   be rows of the same file (also later rows); a plan item's incidents and ``directive_uuid`` must be stored.
# - ``scope_agencies``, ``scope_facility_types`` (directives): ``;``-separated codes (``ice_ero;ice_hsi``).
# - ``security_level``: ``1`` to ``5``, ``unknown`` (assessed, level not known) or empty (not assessed).
# - Export-only columns (``version``, ``reassessment_due``, ``created_by``, ``updated_by``) are ignored on import:
#   who created and last changed a record is the database's word (the importing user for what an import writes),
#   never a file's; empty means not known (records from before users were recorded).
#
# CSV injection (OWASP): a cell whose text, after any leading apostrophes, is "formula-like" is written with one
# apostrophe in front (``'=SUM(A1)``), so spreadsheets show it as text. Formula-like means: it starts with tab, CR or
# LF, or - after any run of the characters spreadsheets skip or normalise away in front (SKIPPED_BEFORE: white
# space such as space, NBSP, U+3000, VT and FF; zero-width and direction marks; the byte order mark U+FEFF; other
# C0 controls) - with ``=``, ``+``, ``-`` or ``@`` or their fullwidth forms ``＝ ＋ － ＠`` (U+FF1D, U+FF0B, U+FF0D,
# U+FF20), which East Asian input and Excel turn into the ASCII ones. So ``" =1+1"``, ``"\u00a0-x"`` and ``"＝1"`` are
# marked like ``"=1+1"``; ``" note"`` (space before a letter) is not, and ``"-5 degrees"`` is (as is every value
# starting with ``-``: a longitude of -122.4 is written ``'-122.4``). Only the apostrophes added for this are
# removed on import: because the rule looks at the text *after* its leading apostrophes, a value that already
# starts with apostrophes before formula-like text (``'=x``, ``' =x``) gets one more (``''=x``), and import removes
# exactly one leading apostrophe from every cell that is formula-like after its leading apostrophes and leaves every
# other cell alone (``'Twas`` stays). So any value survives a round trip exactly, and hand-made files without
# apostrophes read as written.
#
# Redaction by masking writes ``[redacted]`` for a filled-in sensitive value; import keeps the stored value for such
# a cell (nothing, for a new record). A real value ``[redacted]`` is written ``'[redacted]`` by the same rule as
# above, so the two never mix.

FORMULA_FIRST = "=+-@\uff1d\uff0b\uff0d\uff20"  # what starts a formula: = + - @ and their fullwidth forms
SKIPPED_BEFORE = (  # what spreadsheets skip, trim or normalise away in front of a formula character
    "".join(chr(c) for c in range(0x01, 0x20))  # C0 controls (tab, LF, VT, FF, CR, ...): NUL is refused on import
    + " \x85\xa0\u1680" + "".join(chr(c) for c in range(0x2000, 0x200B)) + "\u2028\u2029\u202f\u205f\u3000"
    + "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e"  # zero-width, marks, BOM
    + "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # direction embeddings and isolates
)  # fmt: skip
ALWAYS_MARKED = "\t\r\n"  # marked whatever follows (OWASP)
DANGEROUS_FIRST = frozenset(FORMULA_FIRST + ALWAYS_MARKED)  # no written cell starts with one of these
_SKIPPED, _FORMULA = frozenset(SKIPPED_BEFORE), frozenset(FORMULA_FIRST)
MASK = "[redacted]"
LIST_SEPARATOR = "|"
CODE_SEPARATOR = ";"
UUID_SEPARATOR = ";"
HISTORY_DETAILS = ("agency", "reference", "charges")  # the legal history entry's ;name=value parts, in order


class Kind(StrEnum):
    TEXT = "text"
    UUID = "uuid"
    CODE = "code"  # an enumeration's stable code
    LABEL = "label"  # the same enumeration's label
    INT = "int"
    FLOAT = "float"
    DATE = "date"
    DATETIME = "datetime"
    PARTIAL_DATE = "partial_date"
    BOOL = "bool"
    UUIDS = "uuids"  # a ;-separated list of UUIDs
    WEAPONS = "weapons"
    WEAPONS_LABEL = "weapons_label"
    HISTORY = "history"
    CODES = "codes"  # several codes of one enumeration, ";"-separated
    # read only from spreadsheet-profile files (desktop/services/csv/sheet.py):
    DATE_WORDS = "date_words"  # a partial date as people write it: 2019-07-13, 7/13/2019, late August 2019, EDTF
    WEAPONS_TEXT = "weapons_text"  # "Firearms: rifle; Incendiary: Molotov cocktail" (see sheet.py)


@dataclass(frozen=True, slots=True)
class Column:
    """One CSV column: `key` is its header, `field` the record field it shows (several columns may show one)."""

    key: str
    title: str
    kind: Kind
    field: str
    enum: type[LabelledEnum] | None = None
    sensitive: bool = False
    imported: bool = True  # False: shown on export, ignored on import (version, derived dates)
    aliases: tuple[str, ...] = ()  # further headers import reads as this column (a previous release's)


def _text(key: str, title: str, *, sensitive: bool = False) -> Column:
    return Column(key, title, Kind.TEXT, key, sensitive=sensitive)


def _enum(key: str, title: str, enum: type[LabelledEnum]) -> tuple[Column, Column]:
    return Column(key, title, Kind.CODE, key, enum), Column(f"{key}_label", f"{title} (label)", Kind.LABEL, key, enum)


def _int(key: str, title: str) -> Column:
    return Column(key, title, Kind.INT, key)


_BOOKKEEPING = (
    Column("uuid", "UUID", Kind.UUID, "uuid"),
    Column("version", "Version", Kind.INT, "version", imported=False),
    Column("created_at", "Created (UTC)", Kind.DATETIME, "created_at"),
    Column("updated_at", "Updated (UTC)", Kind.DATETIME, "updated_at"),
    Column("created_by", "Created by", Kind.TEXT, "created_by", imported=False),  # empty: not known
    Column("updated_by", "Updated by", Kind.TEXT, "updated_by", imported=False),
)

FACILITY_COLUMNS: tuple[Column, ...] = (
    *_BOOKKEEPING,
    _text("name", "Name"),
    *_enum("agency", "Agency", Agency),
    *_enum("facility_type", "Facility type", FacilityType),
    _text("address", "Address"),
    _text("city", "City"),
    _text("state", "State"),
    _text("zip_code", "ZIP code"),
    Column("latitude", "Latitude", Kind.FLOAT, "latitude"),
    Column("longitude", "Longitude", Kind.FLOAT, "longitude"),
    *_enum("security_level", "Security level (FSL)", SecurityLevel),
    Column("last_assessment", "Last assessment", Kind.DATE, "last_assessment"),
    Column("reassessment_due", "Reassessment due", Kind.DATE, "reassessment_due", imported=False),
    _text("notes", "Notes"),
    *_enum("operator", "Operator", OperatorKind),
    _text("operator_name", "Operator name"),
)

INCIDENT_COLUMNS: tuple[Column, ...] = (
    *_BOOKKEEPING,
    _text("case_number", "Case number"),
    _text("title", "Title"),
    Column("facility_uuid", "Facility UUID", Kind.UUID, "facility_uuid"),
    _text("facility_name", "Facility"),
    Column("occurred", "Occurred", Kind.PARTIAL_DATE, "occurred"),
    *_enum("occurred_time_of_day", "Time of day", TimeOfDay),
    *_enum("attack_type", "Attack type", AttackType),
    *_enum("attack_type_2", "Second attack type", AttackType),
    *_enum("attack_type_3", "Third attack type", AttackType),
    *_enum("target_type", "Target type", TargetType),
    *_enum("target_type_2", "Second target type", TargetType),
    *_enum("target_type_3", "Third target type", TargetType),
    Column("weapons", "Weapons", Kind.WEAPONS, "weapons"),
    Column("weapons_label", "Weapons (label)", Kind.WEAPONS_LABEL, "weapons"),
    Column("completed", "Completed", Kind.BOOL, "completed", aliases=("Outcome",)),
    *_enum("severity", "Severity", Severity),
    _int("victims_killed", "Victims killed"),
    _int("victims_injured", "Victims injured"),
    _int("perpetrators_killed", "Perpetrators killed"),
    _int("perpetrators_injured", "Perpetrators injured"),
    *_enum("property_damage", "Property damage", DamageStatus),
    *_enum("property_extent", "Property damage extent", PropertyExtent),
    _int("damage_estimate_usd", "Damage estimate (USD)"),
    *_enum("hostages", "Hostages or kidnapping", YesNoUnknown),
    *_enum("perpetrator_outcome", "Perpetrator outcome", PerpetratorOutcome),
    _int("suspects_count", "Suspects"),
    _int("arrests_count", "Arrests"),
    _text("investigating_agencies", "Investigating agencies"),
    *_enum("status", "Status", CaseStatus),
    Column("status_history", "Status history", Kind.HISTORY, "status_history"),
    Column("related_uuids", "Related incident UUIDs", Kind.UUIDS, "related_uuids"),
    Column("discovered_at", "Discovered (UTC)", Kind.DATETIME, "discovered_at"),
    Column("reported_at", "Reported (UTC)", Kind.DATETIME, "reported_at"),
    _text("description", "Description"),
    _text("sources", "Sources"),
    *(_text(name, name.replace("_", " ").capitalize(), sensitive=True) for name in SENSITIVE_INCIDENT_FIELDS),
)

PLAN_ITEM_COLUMNS: tuple[Column, ...] = (
    *_BOOKKEEPING,
    Column("facility_uuid", "Facility UUID", Kind.UUID, "facility_uuid"),
    _text("facility_name", "Facility"),
    Column(
        "incident_uuids", "Incident UUIDs", Kind.UUIDS, "incident_uuids", aliases=("incident_uuid", "Incident UUID")
    ),
    Column("directive_uuid", "Directive UUID", Kind.UUID, "directive_uuid"),
    _text("description", "Description"),
    _text("owner", "Owner"),
    Column("due_date", "Due date", Kind.DATE, "due_date"),
    *_enum("status", "Status", PlanStatus),
    _text("risk_rationale", "Risk acceptance rationale"),
    _text("notes", "Notes"),
    Column("directive_title", "Directive", Kind.TEXT, "directive_title", imported=False),
)

DIRECTIVE_COLUMNS: tuple[Column, ...] = (
    *_BOOKKEEPING,
    _text("title", "Title"),
    _text("issuing_office", "Issuing office"),
    Column("issued_on", "Issued on", Kind.DATE, "issued_on"),
    Column("deadline", "Deadline", Kind.DATE, "deadline"),
    _text("source_reference", "Source document"),
    *_enum("scope", "Scope", DirectiveScope),
    Column("scope_facility_uuid", "Scope facility UUID", Kind.UUID, "scope_facility_uuid"),
    _text("scope_facility_name", "Scope facility"),
    Column("scope_agencies", "Scope agencies", Kind.CODES, "scope_agencies", Agency),
    Column("scope_facility_types", "Scope facility types", Kind.CODES, "scope_facility_types", FacilityType),
    _text("notes", "Notes"),
)

COLUMNS: dict[RecordKind, tuple[Column, ...]] = {
    RecordKind.INCIDENT: INCIDENT_COLUMNS,
    RecordKind.FACILITY: FACILITY_COLUMNS,
    RecordKind.PLAN_ITEM: PLAN_ITEM_COLUMNS,
    RecordKind.DIRECTIVE: DIRECTIVE_COLUMNS,
}


def columns_of(kind: RecordKind, keys: Sequence[str] | None = None) -> tuple[Column, ...]:
    """The kind's columns in file order; `keys` chooses some (in the canonical order). Unknown keys raise."""
    every = COLUMNS[kind]
    if keys is None:
        return every
    known = {c.key for c in every}
    unknown = [k for k in keys if k not in known]
    if unknown:
        raise ValueError(f"unknown {kind.table} column(s) {', '.join(unknown)}; choose from {', '.join(known)}")
    wanted = set(keys)
    return tuple(c for c in every if c.key in wanted)


# --- injection escaping -------------------------------------------------------------------------------------------


def formula_like(text: str) -> bool:
    """Whether a spreadsheet could take `text` for a formula: it starts with tab, CR or LF, or with a formula
    character (also fullwidth) after nothing but SKIPPED_BEFORE characters (see the comment above)."""
    first = text[:1]
    if first in DANGEROUS_FIRST:
        return True
    if first not in _SKIPPED:  # also "": the most common case ends here
        return False
    rest = text.lstrip(SKIPPED_BEFORE)
    return rest[:1] in _FORMULA


def needs_apostrophe(text: str) -> bool:
    """Whether `text`, after its leading apostrophes, is formula-like (or is the redaction mask, so that a real
    value "[redacted]" is not taken for a masked one)."""
    rest = text.lstrip("'")
    return rest == MASK or formula_like(rest)


def neutralize(text: str) -> str:
    """The cell as written: one apostrophe in front when `needs_apostrophe`."""
    return "'" + text if needs_apostrophe(text) else text


def restore(cell: str) -> str:
    """Undo `neutralize`: drop the one apostrophe it added (restore(neutralize(t)) == t for every t)."""
    return cell[1:] if cell[:1] == "'" and needs_apostrophe(cell[1:]) else cell


# --- rendering (record -> cell) -----------------------------------------------------------------------------------


def format_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    return value.isoformat(sep=" ")


def format_partial_date(value: PartialDate) -> str:
    """The CSV cell of a partial date: ISO 8601 with a space between date and time."""
    return value.iso(" ")


def escape_part(text: str) -> str:
    """A subtype or note inside a `|`-separated list: backslash and bar are escaped with a backslash."""
    return text.replace("\\", "\\\\").replace(LIST_SEPARATOR, "\\|")


def escape_detail(text: str) -> str:
    """An agency, reference or charges inside a legal history entry: also `:` and `;` are escaped."""
    return escape_part(text).replace(":", "\\:").replace(";", "\\;")


def format_weapons(weapons: Sequence[Weapon]) -> str:
    return LIST_SEPARATOR.join(w.type.value + (":" + escape_part(w.subtype) if w.subtype else "") for w in weapons)


def format_weapon_labels(weapons: Sequence[Weapon]) -> str:
    return "; ".join(w.type.label + (": " + w.subtype if w.subtype else "") for w in weapons)


def format_history_entry(change: StatusChange) -> str:
    """``status@date;agency=…;reference=…;charges=…:note`` (details and note only when filled in)."""
    details = "".join(f";{name}={escape_detail(value)}" for name in HISTORY_DETAILS if (value := getattr(change, name)))
    return f"{change.status.value}@{change.changed.iso(' ')}{details}" + (
        ":" + escape_part(change.note) if change.note else ""
    )


def format_history(history: Sequence[StatusChange]) -> str:
    return LIST_SEPARATOR.join(format_history_entry(change) for change in history)


def format_uuids(uuids: Sequence[str]) -> str:
    return UUID_SEPARATOR.join(uuids)


_DERIVED: dict[str, Callable[[Any], Any]] = {"occurred_time_of_day": lambda record: record.occurred.time_of_day}


def field_value(record: object, field: str) -> Any:
    """The record's value a column shows (most are attributes; the band of the day is part of `occurred`)."""
    derived = _DERIVED.get(field)
    return derived(record) if derived is not None else getattr(record, field)


def render(column: Column, record: object) -> str:
    """The cell text of `column` for `record` (before injection escaping)."""
    value: Any = field_value(record, column.field)
    kind = column.kind
    if value is None:
        return ""
    if kind in (Kind.TEXT, Kind.UUID):
        return str(value)
    if kind is Kind.CODE:
        return str(value.value)
    if kind is Kind.LABEL:
        return str(value.label)
    if kind is Kind.INT:
        return str(int(value))
    if kind is Kind.FLOAT:
        return repr(float(value))
    if kind is Kind.DATE:
        return str(value.isoformat())
    if kind is Kind.DATETIME:
        return format_datetime(value)
    if kind is Kind.PARTIAL_DATE:
        return format_partial_date(value)
    if kind is Kind.BOOL:
        return "yes" if value else "no"
    if kind is Kind.UUIDS:
        return format_uuids(value)
    if kind is Kind.WEAPONS:
        return format_weapons(value)
    if kind is Kind.WEAPONS_LABEL:
        return format_weapon_labels(value)
    if kind is Kind.CODES:
        return CODE_SEPARATOR.join(member.value for member in value)
    return format_history(value)


def masked(text: str) -> str:
    return MASK if text else ""


def row_renderer(columns: Sequence[Column], *, mask_sensitive: bool = False) -> Callable[[object], list[str]]:
    """A function from a record to its escaped cells, for the chosen columns."""

    def cells(record: object) -> list[str]:
        out = []
        for column in columns:
            text = render(column, record)
            out.append(masked(text) if mask_sensitive and column.sensitive else neutralize(text))
        return out

    return cells


def normalized_header(text: str) -> str:
    """Header text compared case- and punctuation-insensitively: "Attack type (label)" -> "attack_type_label"."""
    return "_".join(re.findall(r"[^\W_]+", text.casefold()))


def header_names(column: Column) -> set[str]:
    """Every normalized header that means `column`: its key and its title (for labels also "<key> label")."""
    names = {normalized_header(column.key), normalized_header(column.title)}
    names.update(normalized_header(alias) for alias in column.aliases)
    if column.kind is Kind.CODE:
        names.add(normalized_header(column.key + " code"))
    return names
