"""Reading CSV cells back into values (the inverse of format.py); ValueError says why a cell cannot be read."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, TypeVar

from desktop.domain.enums import CaseStatus, LabelledEnum, WeaponType
from desktop.domain.values import PartialDate, StatusChange, Weapon
from desktop.services.csv.format import CODE_SEPARATOR, LIST_SEPARATOR, Column, Kind

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


def _entries(text: str) -> list[tuple[str, str, str]]:
    """(head, separator, rest) of every list entry: the head is split off at the first unescaped `:`."""
    entries = []
    for raw in _raw_parts(text):
        head, separator, rest = raw.partition(":")
        entries.append((head.strip(), separator, rest))
    return entries


def _raw_parts(text: str) -> list[str]:
    """Split at unescaped bars, keeping escapes (they are undone per part after the head is split off)."""
    parts, start, index = [], 0, 0
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text[index] == LIST_SEPARATOR:
            parts.append(text[start:index])
            start = index + 1
        index += 1
    parts.append(text[start:])
    return parts


def _undo_escapes(text: str) -> str:
    out, chars = [], iter(text)
    for char in chars:
        if char == "\\":
            following = next(chars, None)
            if following not in ("\\", LIST_SEPARATOR):
                raise ValueError("a backslash must be followed by \\ or | (write \\\\ for a backslash)")
            out.append(following)
        else:
            out.append(char)
    return "".join(out)


def parse_weapons(text: str) -> tuple[Weapon, ...]:
    if not text.strip():
        return ()
    weapons = []
    for number, (head, _, rest) in enumerate(_entries(text), start=1):
        if not head:
            raise ValueError(f"weapon {number} has no type; write e.g. firearms:rifle|incendiary")
        weapons.append(Weapon(parse_enum(WeaponType, head), _undo_escapes(rest)))
    return tuple(weapons)


def parse_weapon_labels(text: str) -> tuple[Weapon, ...]:
    return Weapon.parse_list(text)


def parse_history(text: str) -> tuple[StatusChange, ...]:
    if not text.strip():
        return ()
    changes = []
    for number, (head, separator, rest) in enumerate(_entries(text), start=1):
        code, at, day = head.partition("@")
        if not at:
            raise ValueError(f"status change {number} {head!r} needs a day: status@YYYY-MM-DD")
        changed_on = parse_date(day)
        if changed_on is None:
            raise ValueError(f"status change {number} needs a day: status@YYYY-MM-DD")
        changes.append(
            StatusChange.on_day(parse_enum(CaseStatus, code), changed_on, _undo_escapes(rest) if separator else "")
        )
    return tuple(changes)


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
    kind = column.kind
    if kind is Kind.TEXT:
        return text
    if kind is Kind.CODE or kind is Kind.LABEL:
        assert column.enum is not None
        return parse_enum(column.enum, text) if text.strip() else None
    if kind is Kind.CODES:
        assert column.enum is not None
        return parse_codes(column.enum, text)
    return _PARSERS.get(kind, parse_history)(text)


_PARSERS: dict[Kind, Callable[[str], Any]] = {
    Kind.UUID: parse_uuid, Kind.INT: parse_int, Kind.FLOAT: parse_float, Kind.DATE: parse_date,
    Kind.DATETIME: parse_datetime, Kind.PARTIAL_DATE: parse_partial_date, Kind.BOOL: parse_bool,
    Kind.WEAPONS: parse_weapons, Kind.WEAPONS_LABEL: parse_weapon_labels,
}  # fmt: skip
