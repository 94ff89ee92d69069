"""The words for casualty and damage figures, the same on the dashboard, in the briefing and the CLI: what each
figure counts (victims apart from perpetrators) and what is unknown (never $0 for damage of unknown value)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.figures import Casualties


def usd(amount: int) -> str:
    """ "$12,500" (and "$12.5 M" from ten million)."""
    if amount >= 10_000_000:
        return f"${amount / 1_000_000:,.1f} M"
    return f"${amount:,}"


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """ "1 perpetrator", "2 perpetrators", "0 victims"."""
    return f"{n:,} {singular if n == 1 else (plural or singular + 's')}"


def incidents(n: int) -> str:
    return counted(n, "incident")


@dataclass(frozen=True, slots=True)
class Figure:
    """One headline figure: `title` ("Killed"), `value` as short as a tile shows it ("0 victims, 1 perpetrator"),
    `sentence` that reads on its own ("0 victims killed, 1 perpetrator killed") and `unknown`, what is not known
    ("victims killed not known in 1 incident"; empty when everything is known)."""

    title: str
    value: str
    sentence: str
    unknown: str = ""

    @property
    def full(self) -> str:
        """The sentence and what is unknown: "0 victims killed, 1 perpetrator killed; … not known in 1 incident"."""
        return f"{self.sentence}; {self.unknown}" if self.unknown else self.sentence


def _people(c: Casualties, what: str) -> Figure:
    """Killed or injured, victims apart from perpetrators."""
    victims, perpetrators = getattr(c, f"victims_{what}"), getattr(c, f"perpetrators_{what}")
    unknown_victims = getattr(c, f"victims_{what}_unknown")
    unknown_perpetrators = getattr(c, f"perpetrators_{what}_unknown")
    value = f"{counted(victims, 'victim')}, {counted(perpetrators, 'perpetrator')}"
    sentence = f"{counted(victims, 'victim')} {what}, {counted(perpetrators, 'perpetrator')} {what}"
    notes = []
    if unknown_victims:
        notes.append(f"victims {what} not known in {incidents(unknown_victims)}")
    if unknown_perpetrators:
        notes.append(f"perpetrators {what} not known in {incidents(unknown_perpetrators)}")
    return Figure(what.capitalize(), value, sentence, "; ".join(notes))


def killed(c: Casualties) -> Figure:
    """ "0 victims killed, 1 perpetrator killed" (the dead attacker is not a victim)."""
    return _people(c, "killed")


def injured(c: Casualties) -> Figure:
    return _people(c, "injured")


def damage(c: Casualties) -> Figure:
    """Property damage in money: the known estimates as "≥ $X known" when some damage has no estimate, "unknown"
    when no estimate is known at all, never $0 for damage of unknown value."""
    of_unknown_value = f"damage of unknown value in {incidents(c.damage_of_unknown_value)}"
    if c.damage_of_unknown_value and c.damage_usd:
        value = f"≥ {usd(c.damage_usd)}"
        sentence = f"≥ {usd(c.damage_usd)} known, {of_unknown_value}"
    elif c.damage_of_unknown_value:
        value = "unknown"
        sentence = of_unknown_value
    elif c.damaged or c.damage_usd:
        value = usd(c.damage_usd)
        sentence = f"{usd(c.damage_usd)} property damage in {incidents(c.damaged)}"
    else:
        value = "none recorded"
        sentence = "no property damage recorded"
    unknown = f"whether there was damage is not known in {incidents(c.damage_status_unknown)}"
    return Figure("Property damage", value, sentence, unknown if c.damage_status_unknown else "")


def casualties_unknown(c: Casualties) -> str:
    """ "some casualty figure not known in 2 incidents" ("" when every figure is known)."""
    return f"some casualty figure not known in {incidents(c.casualties_unknown)}" if c.casualties_unknown else ""


def summary_lines(c: Casualties) -> list[str]:
    """The casualty and damage figures of `c` as lines of plain text (the CLI's stats, text summaries)."""
    return [f"{figure.title.lower()}: {figure.full}" for figure in (killed(c), injured(c), damage(c))]


def incident_casualties(
    victims_killed: int | None, victims_injured: int | None, perpetrators_killed: int | None,
    perpetrators_injured: int | None,
) -> str:  # fmt: skip
    """One incident's casualties, victims apart from perpetrators: "1 perpetrator killed", "2 victims injured",
    "none", "unknown", and what is not known: "none known (perpetrators' casualties not known)"."""
    figures = ((victims_killed, "victim", "killed"), (victims_injured, "victim", "injured"),
               (perpetrators_killed, "perpetrator", "killed"),
               (perpetrators_injured, "perpetrator", "injured"))  # fmt: skip
    if all(n is None for n, _, _ in figures):
        return "unknown"
    parts = [f"{counted(n, who)} {what}" for n, who, what in figures if n]
    unknown = [who for who in ("victim", "perpetrator") if any(n is None for n, w, _ in figures if w == who)]
    text = ", ".join(parts) or ("none known" if unknown else "none")
    if unknown:
        text += f" ({' and '.join(f'{who}s' for who in unknown)}' casualties not known)"
    return text
