"""The search grammar (words, "phrases", OR, -exclusions, field:value) read into an AND of OR-groups of terms."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from desktop.domain.enums import AttackType, CaseStatus, LabelledEnum, PlanStatus, Severity
from desktop.domain.kinds import RecordKind
from desktop.domain.states import US_STATES, state_problem

MAX_TERMS = 32  # more is a pasted paragraph, not a search
_WORD = re.compile(r"[^\W_]+")  # letters and digits, as FTS5's unicode61 tokenizer splits words
_FIELD = re.compile(r"([A-Za-z]+):(.*)", re.DOTALL)


class SearchSyntaxError(ValueError):
    """A search that cannot be read; the message says what and where (`position`: its 1-based character)."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.position = position


class SearchField(StrEnum):
    """What a `field:value` term looks at."""

    FACILITY = "facility"  # the facility's name contains the value
    STATE = "state"  # the facility's state (a USPS code)
    STATUS = "status"  # a case status (incidents) or a plan item's status
    TYPE = "type"  # the attack type
    SEVERITY = "severity"
    CASE = "case"  # the case number has parts starting so (case:SAPD-19 finds SAPD-19-555)


FIELDS: dict[RecordKind, tuple[SearchField, ...]] = {
    RecordKind.INCIDENT: tuple(SearchField),
    RecordKind.FACILITY: (SearchField.FACILITY, SearchField.STATE),
    RecordKind.PLAN_ITEM: (SearchField.FACILITY, SearchField.STATE, SearchField.STATUS),
    RecordKind.DIRECTIVE: (),
}
_ENUMS: dict[tuple[RecordKind, SearchField], tuple[type[LabelledEnum], str]] = {
    (RecordKind.INCIDENT, SearchField.STATUS): (CaseStatus, "case status"),
    (RecordKind.INCIDENT, SearchField.TYPE): (AttackType, "attack type"),
    (RecordKind.INCIDENT, SearchField.SEVERITY): (Severity, "severity"),
    (RecordKind.PLAN_ITEM, SearchField.STATUS): (PlanStatus, "plan item status"),
}
_EXAMPLES = {
    SearchField.FACILITY: 'facility:tacoma or facility:"san antonio"', SearchField.STATE: "state:tx",
    SearchField.STATUS: "status:arrest_made", SearchField.TYPE: "type:vandalism",
    SearchField.SEVERITY: "severity:high", SearchField.CASE: "case:SAPD",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Term:
    """One condition. A text term: its `words` each start a word (any order), or with `phrase` are whole
    words next to each other in this order. A field term: `field` has `value` (a state code, an enum
    member, text the facility name contains); case: has the `words` of the case number's parts, one after
    the other, the last a prefix. `text`: as typed, blanks collapsed."""

    text: str
    words: tuple[str, ...] = ()
    phrase: bool = False
    negated: bool = False
    field: SearchField | None = None
    value: str = ""

    def __str__(self) -> str:
        sign = "-" if self.negated else ""
        if self.field is not None:
            shown = f'"{self.text}"' if " " in self.text or not self.text else self.text
            return f"{sign}{self.field}:{shown}"
        return f'{sign}"{self.text}"' if self.phrase else f"{sign}{self.text}"


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """Every group must hold (AND); a group holds when one of its terms does (OR)."""

    groups: tuple[tuple[Term, ...], ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.groups

    @property
    def terms(self) -> Iterator[Term]:
        return (term for group in self.groups for term in group)

    @property
    def plain_words(self) -> tuple[str, ...]:
        """The words of a search of plain words only (no OR, quotes, exclusions or fields); else ()."""
        plain = all(len(g) == 1 and not (g[0].phrase or g[0].negated or g[0].field) for g in self.groups)
        return tuple(word for term in self.terms for word in term.words) if plain else ()

    def __str__(self) -> str:
        """The query written in the grammar again (parse_search reads it back as this query)."""
        return " ".join(" OR ".join(str(term) for term in group) for group in self.groups)


@dataclass(frozen=True, slots=True)
class _Token:
    position: int  # 1-based
    body: str
    negated: bool = False
    quoted: bool = False
    field: str | None = None
    is_or: bool = False


@lru_cache(maxsize=256)
def parse_search(text: str, kind: RecordKind = RecordKind.INCIDENT) -> SearchQuery:
    """Read a search for records of `kind`: blank-separated terms must all hold; `OR` (upper-case) between
    terms lets either hold; "quoted words" are a phrase; `-term` excludes; `field:value` (FIELDS[kind]).
    Raise SearchSyntaxError for what cannot be read. A term without letters or digits is no condition."""
    groups: list[list[Term]] = []
    pending_or = 0  # position of an OR still waiting for the term on its right
    after_term = False
    for token in _tokens(text):
        if token.is_or:
            if not after_term:
                raise _or_error(token.position)
            pending_or, after_term = token.position, False
            continue
        term = _term(token, kind)
        if term is None:
            if pending_or:
                raise _or_error(pending_or)
            after_term = False
            continue
        if sum(map(len, groups)) >= MAX_TERMS:
            raise SearchSyntaxError(f"too many terms: at most {MAX_TERMS} (character {token.position})",
                                    token.position)  # fmt: skip
        if pending_or:
            groups[-1].append(term)
        else:
            groups.append([term])
        pending_or, after_term = 0, True
    if pending_or:
        raise _or_error(pending_or)
    return SearchQuery(tuple(tuple(group) for group in groups))


def _or_error(position: int) -> SearchSyntaxError:
    return SearchSyntaxError(f"OR at character {position} needs a word on both sides", position)


def _quoted(text: str, start: int) -> tuple[str, int]:
    """The text between the quote at `start` and the next one, and the index after that one."""
    end = text.find('"', start + 1)
    if end < 0:
        raise SearchSyntaxError(f"unclosed quote at character {start + 1}", start + 1)
    return text[start + 1 : end], end + 1


def _tokens(text: str) -> Iterator[_Token]:
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        start = i
        negated = text[i] == "-" and i + 1 < n and not text[i + 1].isspace()
        if negated:
            i += 1
        if text[i] == '"':
            body, i = _quoted(text, i)
            yield _Token(start + 1, body, negated=negated, quoted=True)
            continue
        end = i
        while end < n and not text[end].isspace() and text[end] != '"':
            end += 1
        chunk = text[i:end]
        if (field := _FIELD.fullmatch(chunk)) is not None:
            name, body = field.groups()
            quoted = not body and end < n and text[end] == '"'
            if quoted:
                body, end = _quoted(text, end)
            yield _Token(start + 1, body, negated=negated, quoted=quoted, field=name)
        else:
            yield _Token(start + 1, chunk, negated=negated, is_or=chunk == "OR" and not negated)
        i = end


def _term(token: _Token, kind: RecordKind) -> Term | None:
    text = " ".join(token.body.split())
    if token.field is None:
        words = tuple(_WORD.findall(text))
        return Term(text, words, phrase=token.quoted, negated=token.negated) if words else None
    field = _field(token.field, kind, token.position)
    if not text:
        raise SearchSyntaxError(f"{field}: at character {token.position} needs a value, e.g. {_EXAMPLES[field]}",
                                token.position)  # fmt: skip
    value = _value(field, text, kind, token.position)
    words = tuple(_WORD.findall(text)) if field is SearchField.CASE else ()
    if field is SearchField.CASE and not words:
        raise SearchSyntaxError(f"case: at character {token.position} needs letters or digits, e.g. case:SAPD-19",
                                token.position)  # fmt: skip
    return Term(text, words, negated=token.negated, field=field, value=value)


def _field(name: str, kind: RecordKind, position: int) -> SearchField:
    usable = ", ".join(f"{field}:" for field in FIELDS[kind]) or f"words only ({kind.plural} have no fields)"
    try:
        field = SearchField(name.casefold())
    except ValueError:
        raise SearchSyntaxError(f'unknown field "{name}:" at character {position}; use {usable} '
                                "(or put the words in quotes)", position) from None  # fmt: skip
    if field not in FIELDS[kind]:
        raise SearchSyntaxError(f'"{field}:" at character {position} does not apply to {kind.plural}; use {usable}',
                                position)  # fmt: skip
    return field


def _value(field: SearchField, text: str, kind: RecordKind, position: int) -> str:
    if field is SearchField.STATE:
        if text.upper() in US_STATES:
            return text.upper()
        raise SearchSyntaxError(f"state: at character {position} {state_problem(text)}", position)
    if (kind, field) not in _ENUMS:
        return text  # facility name (contained), case number (its parts)
    enum, noun = _ENUMS[kind, field]
    try:
        return enum.parse(text)
    except ValueError:
        codes = ", ".join(member.value for member in enum)
        raise SearchSyntaxError(f'{field}: at character {position}: "{text}" is no {noun}; use one of: {codes}',
                                position) from None  # fmt: skip


def search_hint(kind: RecordKind) -> str:
    """The grammar in a few examples, for the search box's tooltip."""
    words = "each the start of a word" if kind is RecordKind.INCIDENT else "each anywhere in the text"
    examples = {**_EXAMPLES, SearchField.FACILITY: "facility:tacoma"}
    if kind is RecordKind.PLAN_ITEM:
        examples[SearchField.STATUS] = "status:in_progress"
    fields = "  ".join(examples[field] for field in FIELDS[kind])
    by_field = [f'{fields} — by field (a value with blanks in quotes: facility:"san antonio")'] if fields else []
    return "\n".join([
        f"molotov tank — records with every word ({words})",
        '"propane tank" — these words together, in this order',
        "Molotov OR Tacoma — either of them (OR in capitals)",
        '-graffiti, -"spray paint" — leave out records with them',
        *by_field,
    ])  # fmt: skip
