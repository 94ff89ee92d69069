"""USPS codes of the 50 states, DC and the inhabited territories (PR, GU, VI, AS, MP), with their names."""

from __future__ import annotations

US_STATES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho",
    "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas",
    "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington", "WV": "West Virginia",
    "WI": "Wisconsin", "WY": "Wyoming", "DC": "District of Columbia", "PR": "Puerto Rico", "GU": "Guam",
    "VI": "U.S. Virgin Islands", "AS": "American Samoa", "MP": "Northern Mariana Islands",
}  # fmt: skip
_BY_NAME = {name.casefold(): code for code, name in US_STATES.items()} | {"virgin islands": "VI"}


def state_code(text: str) -> str | None:
    """The code `text` stands for: a code in any case ("tx") or a name ("Texas"); None when it names no state."""
    typed = " ".join(text.split())
    return _BY_NAME.get(typed.casefold()) or (typed.upper() if typed.upper() in US_STATES else None)


def state_problem(text: str) -> str | None:
    """Why `text` is not a state code (suggesting the code a name or a lower-case code stands for), or None."""
    if not text or text in US_STATES:
        return None
    typed = text.strip()
    code = state_code(typed)
    if code is not None:
        return f"must be a two-letter state code: “{typed}” → {code}"
    return f"must be a two-letter state code such as TX (“{typed}” is not one)"
