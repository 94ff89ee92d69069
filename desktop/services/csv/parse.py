"""Reading CSV cells back into values (the inverse of format.py); ValueError says why a cell cannot be read."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from functools import lru_cache
from typing import Any, TypeVar

from desktop.domain.enums import CaseStatus, LabelledEnum, WeaponType
from desktop.domain.values import PartialDate, StatusChange, Weapon
from desktop.services.csv.format import CODE_SEPARATOR, HISTORY_DETAILS, LIST_SEPARATOR, UUID_SEPARATOR, Column, Kind
from desktop.services.csv.sheet import read_sheet_date

_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)?$")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_INT = re.compile(r"^[+-]?\d{1,15}$")
_YES = {"yes", "y", "true", "1", "completed"}
_NO = {"no", "n", "false", "0", "attempted"}


def parse_int(text: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    if not _INT.match(text):
        raise ValueError(f"{text!r} is not a whole number")
    return int(text)


def parse_float(text: str) -> float | None:
    text = text.strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"{text!r} is not a finite number")
    return value


def parse_date(text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        if len(text) != 10:
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a date like 2019-09-12") from None


def parse_datetime(text: str) -> datetime | None:
    text = text.strip()
    if not text:
        return None
    if not _DATETIME.match(text):
        raise ValueError(f"{text!r} is not a time like 2019-09-12 14:30:00")
    try:
        return datetime.fromisoformat(text)
    except ValueError as error:
        raise ValueError(f"{text!r} is not a real time: {error}") from None


@lru_cache(maxsize=4096)  # the same days come again and again (results are immutable; errors are not kept)
def parse_partial_date(text: str) -> PartialDate:
    """A partial date cell (the domain's parser; the message shows the CSV's space between date and time)."""
    return PartialDate.parse(text, separator=" ")


def parse_bool(text: str) -> bool:
    wanted = text.strip().casefold()
    if wanted in _YES:
        return True
    if wanted in _NO:
        return False
    raise ValueError(f"{text.strip()!r} is not yes or no")


def parse_uuid(text: str) -> str:
    text = text.strip()
    if text and not _UUID.match(text):
        raise ValueError(f"{text!r} is not a UUID such as 6f0c6a55-5f1e-4a0e-9d7c-0f3f4b0a1c2d")
    return text.lower()


def parse_uuids(text: str) -> tuple[str, ...]:
    """A ;-separated list of UUIDs (an empty cell: none); an empty entry or a UUID listed twice is refused."""
    if not text.strip():
        return ()
    uuids: list[str] = []
    for number, part in enumerate(text.split(UUID_SEPARATOR), start=1):
        if not part.strip():
            raise ValueError(f"entry {number} is empty; separate UUIDs with a single ;")
        uuid = parse_uuid(part)
        if uuid in uuids:
            raise ValueError(f"{uuid} is listed twice")
        uuids.append(uuid)
    return tuple(uuids)


def _split_unescaped(text: str, separator: str, limit: int = -1) -> list[str]:
    """Split at unescaped `separator`s (at most `limit` times), keeping the escapes for each part to undo."""
    if "\\" not in text:
        return text.split(separator, limit)  # nothing escaped: every separator splits
    parts, start, index = [], 0, 0
    while index < len(text) and limit != 0:
        if text[index] == "\\":
            index += 2
            continue
        if text[index] == separator:
            parts.append(text[start:index])
            start = index + 1
            limit -= 1
        index += 1
    parts.append(text[start:])
    return parts


_ESCAPED = {
    "weapons": ("\\", LIST_SEPARATOR),
    "history": ("\\", LIST_SEPARATOR, ":", ";"),
    "weapons_text": ("\\", ";", LIST_SEPARATOR),
}


def _undo_escapes(text: str, escaped: tuple[str, ...] = _ESCAPED["weapons"]) -> str:
    if "\\" not in text:
        return text
    out, chars = [], iter(text)
    for char in chars:
        if char == "\\":
            following = next(chars, None)
            if following not in escaped:
                choices = " or ".join(", ".join(escaped).rsplit(", ", 1))
                raise ValueError(f"a backslash must be followed by {choices} (write \\\\ for a backslash)")
            out.append(following)
        else:
            out.append(char)
    return "".join(out)


def parse_weapons(text: str) -> tuple[Weapon, ...]:
    if not text.strip():
        return ()
    weapons = []
    for number, raw in enumerate(_split_unescaped(text, LIST_SEPARATOR), start=1):
        head, _, rest = raw.partition(":")
        if not head.strip():
            raise ValueError(f"weapon {number} has no type; write e.g. firearms:rifle|incendiary")
        weapons.append(Weapon(parse_enum(WeaponType, head.strip()), _undo_escapes(rest)))
    return tuple(weapons)


def parse_weapons_text(text: str) -> tuple[Weapon, ...]:
    """The spreadsheet profile's "Firearms: rifle; Incendiary: Molotov cocktail" (labels or codes, weapons
    separated by ;, each with an optional ": subtype" whose \\, ; and | are escaped with a backslash)."""
    if not text.strip():
        return ()
    if _split_unescaped(text, LIST_SEPARATOR, limit=1)[1:]:
        raise ValueError("separate weapons with ; here (Firearms: rifle; Incendiary); write a | in a subtype as \\|")
    weapons = []
    for number, raw in enumerate(_split_unescaped(text, ";"), start=1):
        head, colon, rest = raw.partition(":")
        if not head.strip():
            raise ValueError(f"weapon {number} has no type; write e.g. Firearms: rifle; Incendiary")
        subtype = _undo_escapes(rest.removeprefix(" "), _ESCAPED["weapons_text"]) if colon else ""
        weapons.append(Weapon(parse_enum(WeaponType, head.strip()), subtype))
    return tuple(weapons)


def parse_weapon_labels(text: str) -> tuple[Weapon, ...]:
    return Weapon.parse_list(text)


def parse_history(text: str) -> tuple[StatusChange, ...]:
    """A legal history cell (format.py): entries separated by |, each status@date, optional ;name=value
    details and an optional :note. The previous release's status@YYYY-MM-DD:note reads as before."""
    if not text.strip():
        return ()
    changes = []
    for number, raw in enumerate(_split_unescaped(text, LIST_SEPARATOR), start=1):
        try:
            changes.append(_history_entry(raw))
        except ValueError as error:
            raise ValueError(f"status change {number}: {error}") from None
    return tuple(changes)


@lru_cache(maxsize=4096)  # an entry such as closed@2019-08-25 comes again and again (StatusChange is immutable)
def _history_entry(raw: str) -> StatusChange:
    head, *note = _split_unescaped(raw, ":", limit=1)
    first, *parts = _split_unescaped(head, ";")
    code, at, day = first.strip().partition("@")
    if not at or not day.strip():
        raise ValueError(f"{first.strip()!r} needs a date: status@2019-09-12 (or 2019-09, 2019-09~, "
                         "2019-09-01/2019-09-15)")  # fmt: skip
    changed = parse_partial_date(_undo_escapes(day, _ESCAPED["history"]))
    if changed.time_of_day is not None:
        raise ValueError(f"{day.strip()!r}: a legal history date has no band of the day")
    details: dict[str, str] = {}
    for part in parts:
        name, equals, value = part.partition("=")
        name = name.strip()
        if not equals or name not in HISTORY_DETAILS:
            raise ValueError(f"{part!r} is not one of ;agency=…, ;reference=…, ;charges=…")
        if name in details:
            raise ValueError(f"{name} is given twice")
        details[name] = _undo_escapes(value, _ESCAPED["history"])
    note_text = _undo_escapes(note[0], _ESCAPED["history"]) if note else ""
    return StatusChange(parse_enum(CaseStatus, code), changed, note_text, agency=details.get("agency", ""),
                        reference=details.get("reference", ""), charges=details.get("charges", ""))  # fmt: skip


E = TypeVar("E", bound=LabelledEnum)
_ENUMS: dict[type[LabelledEnum], dict[str, Any]] = {}


def parse_enum(enum: type[E], text: str) -> E:
    """enum.parse (code or label, case-insensitive) with the names looked up in a table built once per enum."""
    names = _ENUMS.get(enum)
    if names is None:
        names = _ENUMS[enum] = {n.casefold(): m for m in enum for n in (m.label, m.value)}
    found: E | None = names.get(text.strip().casefold())
    return found if found is not None else enum.parse(text)  # parse raises, naming the choices


def parse_codes(enum: type[E], text: str) -> tuple[E, ...]:
    """`;`-separated codes or labels of `enum` ("ice_ero;ice_hsi"), each once, in the order given."""
    members = [parse_enum(enum, part) for part in text.split(CODE_SEPARATOR) if part.strip()]
    return tuple(dict.fromkeys(members))


def parse_cell(column: Column, text: str) -> Any:
    """The value of an (already un-escaped) cell; raises ValueError saying why it cannot be read."""
    return cell_parser(column)(text)


def cell_parser(column: Column) -> Callable[[str], Any]:
    """The parser of the column's (already un-escaped) cells, chosen once for a column (parse_cell is one call)."""
    kind = column.kind
    if kind is Kind.TEXT:
        return _as_is
    if kind is Kind.CODE or kind is Kind.LABEL or kind is Kind.CODES:
        enum = column.enum
        assert enum is not None
        if kind is Kind.CODES:
            return lambda text: parse_codes(enum, text)
        return lambda text: parse_enum(enum, text) if text.strip() else None
    return _PARSERS.get(kind, parse_history)


def _as_is(text: str) -> str:
    return text


_PARSERS: dict[Kind, Callable[[str], Any]] = {
    Kind.UUID: parse_uuid, Kind.INT: parse_int, Kind.FLOAT: parse_float, Kind.DATE: parse_date,
    Kind.DATETIME: parse_datetime, Kind.PARTIAL_DATE: parse_partial_date, Kind.BOOL: parse_bool,
    Kind.WEAPONS: parse_weapons, Kind.WEAPONS_LABEL: parse_weapon_labels, Kind.UUIDS: parse_uuids,
    Kind.WEAPONS_TEXT: parse_weapons_text, Kind.DATE_WORDS: read_sheet_date,
}  # fmt: skip
