"""The search grammar read by desktop.domain.search: terms, OR-groups, phrases, exclusions, fields and the errors."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.enums import AttackType, CaseStatus, PlanStatus, Severity
from desktop.domain.kinds import RecordKind
from desktop.domain.search import (
    MAX_TERMS,
    SearchField,
    SearchQuery,
    SearchSyntaxError,
    Term,
    parse_search,
    search_hint,
)


def shape(text: str, kind: RecordKind = RecordKind.INCIDENT) -> list[list[str]]:
    """The query as groups of terms written back in the grammar."""
    return [[str(term) for term in group] for group in parse_search(text, kind).groups]


def test_blanks_separate_terms_that_must_all_hold_and_or_joins_its_neighbours() -> None:
    assert shape("fire shot") == [["fire"], ["shot"]]
    assert shape("Molotov OR Tacoma") == [["Molotov", "Tacoma"]]
    assert shape("a b OR c OR d e") == [["a"], ["b", "c", "d"], ["e"]]
    assert shape("molotov or tacoma") == [["molotov"], ["or"], ["tacoma"]]  # lower-case "or" is a word
    assert shape("  ") == [] and parse_search("").is_empty


def test_words_phrases_and_exclusions() -> None:
    [[plain]] = parse_search("SAPD-19").groups
    assert plain == Term("SAPD-19", ("SAPD", "19"))
    [[phrase], [excluded], [excluded_phrase]] = parse_search('"shots  fired" -graffiti -"spray paint"').groups
    assert phrase == Term("shots fired", ("shots", "fired"), phrase=True)
    assert excluded == Term("graffiti", ("graffiti",), negated=True)
    assert excluded_phrase == Term("spray paint", ("spray", "paint"), phrase=True, negated=True)
    assert shape('tank"propane tank"') == [["tank"], ['"propane tank"']]  # a quote starts a new term
    assert shape("- x") == [["x"]]  # a lone hyphen is no exclusion
    assert shape("café 10:30") == [["café"], ["10:30"]]  # not field names


def test_terms_without_letters_or_digits_are_no_condition() -> None:
    assert parse_search('  \'*%_ - "" ').is_empty
    assert shape("100% !!") == [["100%"]]


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("facility:tacoma", SearchField.FACILITY, "tacoma"),
        ('facility:"San  Antonio"', SearchField.FACILITY, "San Antonio"),
        ("State:tx", SearchField.STATE, "TX"),
        ("status:arrest_made", SearchField.STATUS, CaseStatus.ARREST_MADE),
        ('status:"Arrest made"', SearchField.STATUS, CaseStatus.ARREST_MADE),  # a label
        ("type:vandalism", SearchField.TYPE, AttackType.VANDALISM),
        ("severity:HIGH", SearchField.SEVERITY, Severity.HIGH),
        ("case:SAPD-19", SearchField.CASE, "SAPD-19"),  # and its words: SAPD, 19
    ],
)
def test_field_terms_read_their_values(text: str, field: SearchField, value: str) -> None:
    [[term]] = parse_search(text).groups
    assert (term.field, term.value, type(term.value), term.negated) == (field, value, type(value), False)
    [[excluded]] = parse_search("-" + text).groups
    assert (excluded.field, excluded.value, excluded.negated) == (field, value, True)


def test_a_case_number_term_keeps_its_parts() -> None:
    [[case]] = parse_search("-case:SAPD-19").groups
    assert case == Term("SAPD-19", ("SAPD", "19"), negated=True, field=SearchField.CASE, value="SAPD-19")


def test_facilities_and_plan_items_have_fields_of_their_own() -> None:
    [[status]] = parse_search("status:in_progress", RecordKind.PLAN_ITEM).groups
    assert status.value is PlanStatus.IN_PROGRESS
    assert shape("state:wa facility:office", RecordKind.FACILITY) == [["state:wa"], ["facility:office"]]
    with pytest.raises(SearchSyntaxError, match=r'^"status:" at character 5 does not apply to facilities; '
                                                r"use facility:, state:$"):  # fmt: skip
        parse_search("big status:closed", RecordKind.FACILITY)
    with pytest.raises(SearchSyntaxError, match='"case:" at character 1 does not apply to plan items'):
        parse_search("case:SAPD", RecordKind.PLAN_ITEM)
    with pytest.raises(SearchSyntaxError, match=r"closed.* is no plan item status; use one of: proposed, approved"):
        parse_search("status:closed", RecordKind.PLAN_ITEM)


@pytest.mark.parametrize(
    ("text", "message", "position"),
    [
        ('propane "tank', "unclosed quote at character 9", 9),
        ('facility:"San Antonio', "unclosed quote at character 10", 10),
        ('-"spray', "unclosed quote at character 2", 2),
        ("OR tacoma", "OR at character 1 needs a word on both sides", 1),
        ("molotov OR", "OR at character 9 needs a word on both sides", 9),
        ("molotov OR OR tacoma", "OR at character 12 needs a word on both sides", 12),
        ("molotov OR %", "OR at character 9 needs a word on both sides", 9),
        ("% OR molotov", "OR at character 3 needs a word on both sides", 3),
        ("colour:red", 'unknown field "colour:" at character 1; use facility:, state:, status:, type:, severity:, '
                       "case: (or put the words in quotes)", 1),
        ("fire status:bogus", 'status: at character 6: "bogus" is no case status; use one of: reported, '
                              "under_investigation, arrest_made, ", 6),
        ("type:bomb", '"bomb" is no attack type; use one of: armed_assault, bombing_explosion', 1),
        ("severity:extreme", '"extreme" is no severity; use one of: low, medium, high, critical', 1),
        ("state:texas", "state: at character 1 must be a two-letter state code: “texas” → TX", 1),
        ("state:zz", "such as TX", 1),
        ("x case:", "case: at character 3 needs a value, e.g. case:SAPD", 3),
        ('facility:""', "facility: at character 1 needs a value", 1),
        ("case:--", "case: at character 1 needs letters or digits, e.g. case:SAPD-19", 1),
        (" ".join(["w"] * (MAX_TERMS + 1)), f"too many terms: at most {MAX_TERMS}", MAX_TERMS * 2 + 1),
    ],
)  # fmt: skip
def test_what_cannot_be_read_is_told_with_its_place(text: str, message: str, position: int) -> None:
    with pytest.raises(SearchSyntaxError) as caught:
        parse_search(text)
    assert message in str(caught.value)
    assert caught.value.position == position
    assert isinstance(caught.value, ValueError)


def test_only_plain_words_have_plain_words() -> None:
    assert parse_search("fire shot-gun").plain_words == ("fire", "shot", "gun")
    for text in ("a OR b", '"a b"', "a -b", "a state:tx", ""):
        assert parse_search(text).plain_words == (), text


def test_the_hint_names_each_kinds_fields() -> None:
    hint = search_hint(RecordKind.INCIDENT)
    assert all(f"{field}:" in hint for field in SearchField)
    assert "Molotov OR Tacoma" in hint and '"propane tank"' in hint and "-graffiti" in hint
    assert "status:" not in search_hint(RecordKind.FACILITY)
    assert "status:in_progress" in search_hint(RecordKind.PLAN_ITEM)


SEARCH_CHARACTERS = st.text(st.sampled_from(list('ab Z9é-":_%OR\t')), max_size=30)


@given(SEARCH_CHARACTERS | st.text(max_size=30))
def test_any_text_is_read_or_refused_with_a_place_in_it(text: str) -> None:
    try:
        query = parse_search(text)
    except SearchSyntaxError as error:
        assert 1 <= error.position <= len(text)
        assert f"character {error.position}" in str(error)
        return
    assert parse_search(str(query)) == query  # written back, it reads the same
    assert all(term.words or term.field for term in query.terms)


WORDS = st.text(st.sampled_from(list("abcxyzé019")), min_size=1, max_size=6).filter(lambda w: w != "OR")
TERMS = st.builds(
    lambda words, phrase, negated: ("-" if negated else "") + (f'"{" ".join(words)}"' if phrase else words[0]),
    st.lists(WORDS, min_size=1, max_size=3), st.booleans(), st.booleans(),
)  # fmt: skip


@given(st.lists(st.lists(TERMS, min_size=1, max_size=3), min_size=1, max_size=4))
def test_groups_written_with_or_are_read_as_groups(groups: list[list[str]]) -> None:
    query = parse_search(" ".join(" OR ".join(group) for group in groups))
    assert [[str(term) for term in group] for group in query.groups] == groups
    assert query == SearchQuery(query.groups)
