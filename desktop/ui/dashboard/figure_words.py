"""The dashboard's figure words (desktop.domain.figure_text, describe_filter) in the UI's language."""

from __future__ import annotations

from desktop.domain import figure_text
from desktop.domain.figure_text import Figure
from desktop.domain.figures import Casualties
from desktop.domain.queries import IncidentFilter
from desktop.services import dashboard
from desktop.services.case_facts import POSSIBLY_MEANS, PeriodCounts
from desktop.ui.dashboard.chart_data import chart_locale
from desktop.ui.translated import choice_label, show_date, speaks_english, translate


def usd(amount: int) -> str:
    """A known amount in dollars: figure_text.usd in English ("$12,500", "$12.5 M"), the locale's digits else."""
    if speaks_english():
        return figure_text.usd(amount)
    locale = chart_locale()
    if amount >= 10_000_000:
        millions = locale.toString(amount / 1_000_000, "f", 1)
        return translate("FigureWords", "${millions} M").format(millions=millions)
    return translate("FigureWords", "${amount}").format(amount=locale.toString(int(amount)))


def incidents(n: int) -> str:
    """ "1 incident", "2 incidents" ("1 incidente", "2 incidentes")."""
    if speaks_english():
        return figure_text.incidents(n)
    if n == 1:
        return translate("FigureWords", "%Ln incident", None, n)
    return translate("FigureWords", "%Ln incidents", None, n)


def _victims(n: int) -> str:
    if n == 1:
        return translate("FigureWords", "%Ln victim", None, n)
    return translate("FigureWords", "%Ln victims", None, n)


def _perpetrators(n: int) -> str:
    if n == 1:
        return translate("FigureWords", "%Ln perpetrator", None, n)
    return translate("FigureWords", "%Ln perpetrators", None, n)


def _people(title: str, victims: int, perpetrators: int, sentences: tuple[str, str],
            unknown: tuple[tuple[str, int], ...]) -> Figure:  # fmt: skip
    """Killed or injured, victims apart from perpetrators, as figure_text words them: the value "0 víctimas,
    1 autor", the two `sentences`, and each `unknown` template ("… not known in {incidents}") with a count."""
    notes = [template.format(incidents=incidents(n)) for template, n in unknown if n]
    return Figure(title, f"{_victims(victims)}, {_perpetrators(perpetrators)}", ", ".join(sentences), "; ".join(notes))


def killed(c: Casualties) -> Figure:
    """figure_text.killed in the UI's language: "0 víctimas, 1 autor"; "autores muertos desconocidos en …". The
    sentences are whole per figure (lupdate reads literal sources; Spanish agrees the participle with the noun)."""
    if speaks_english():
        return figure_text.killed(c)
    victims, perpetrators = c.victims_killed, c.perpetrators_killed
    return _people(
        translate("FigureWords", "Killed"),
        victims,
        perpetrators,
        (
            translate("FigureWords", "%Ln victim killed", None, victims)
            if victims == 1
            else translate("FigureWords", "%Ln victims killed", None, victims),
            translate("FigureWords", "%Ln perpetrator killed", None, perpetrators)
            if perpetrators == 1
            else translate("FigureWords", "%Ln perpetrators killed", None, perpetrators),
        ),
        (
            (translate("FigureWords", "victims killed not known in {incidents}"), c.victims_killed_unknown),
            (translate("FigureWords", "perpetrators killed not known in {incidents}"), c.perpetrators_killed_unknown),
        ),
    )


def injured(c: Casualties) -> Figure:
    """figure_text.injured in the UI's language: "2 víctimas, 0 autores"; "víctimas heridas desconocidas en …"."""
    if speaks_english():
        return figure_text.injured(c)
    victims, perpetrators = c.victims_injured, c.perpetrators_injured
    return _people(
        translate("FigureWords", "Injured"),
        victims,
        perpetrators,
        (
            translate("FigureWords", "%Ln victim injured", None, victims)
            if victims == 1
            else translate("FigureWords", "%Ln victims injured", None, victims),
            translate("FigureWords", "%Ln perpetrator injured", None, perpetrators)
            if perpetrators == 1
            else translate("FigureWords", "%Ln perpetrators injured", None, perpetrators),
        ),
        (
            (translate("FigureWords", "victims injured not known in {incidents}"), c.victims_injured_unknown),
            (
                translate("FigureWords", "perpetrators injured not known in {incidents}"),
                c.perpetrators_injured_unknown,
            ),
        ),
    )


def damage(c: Casualties) -> Figure:
    """figure_text.damage in the UI's language: never $0 for damage of unknown value ("desconocido", "≥ …")."""
    if speaks_english():
        return figure_text.damage(c)
    of_unknown_value = translate("FigureWords", "damage of unknown value in {incidents}").format(
        incidents=incidents(c.damage_of_unknown_value)
    )
    if c.damage_of_unknown_value and c.damage_usd:
        value = f"≥ {usd(c.damage_usd)}"
        sentence = translate("FigureWords", "≥ {amount} known, {of_unknown_value}").format(
            amount=usd(c.damage_usd), of_unknown_value=of_unknown_value
        )
    elif c.damage_of_unknown_value:
        value = translate("FigureWords", "unknown")
        sentence = of_unknown_value
    elif c.damaged or c.damage_usd:
        value = usd(c.damage_usd)
        sentence = translate("FigureWords", "{amount} property damage in {incidents}").format(
            amount=usd(c.damage_usd), incidents=incidents(c.damaged)
        )
    else:
        value = translate("FigureWords", "none recorded")
        sentence = translate("FigureWords", "no property damage recorded")
    unknown = ""
    if c.damage_status_unknown:
        unknown = translate("FigureWords", "whether there was damage is not known in {incidents}").format(
            incidents=incidents(c.damage_status_unknown)
        )
    return Figure(translate("FigureWords", "Property damage"), value, sentence, unknown)


def casualties_unknown(c: Casualties) -> str:
    """ "some casualty figure not known in 2 incidents" in the UI's language ("" when every figure is known)."""
    if speaks_english() or not c.casualties_unknown:
        return figure_text.casualties_unknown(c)
    return translate("FigureWords", "some casualty figure not known in {incidents}").format(
        incidents=incidents(c.casualties_unknown)
    )


def possibly_in_period(period: PeriodCounts) -> tuple[str, str]:
    """ "1 possibly in the period" and what "possibly" means, in the UI's language ("" when none is)."""
    if speaks_english() or not period.possibly:
        return period.text(), POSSIBLY_MEANS
    text = translate("FigureWords", "%Ln possibly in the period", None, period.possibly)
    means = translate(
        "FigureWords", "possibly: the date is approximate or reaches outside the period, so it may lie outside it"
    )
    return text, means


def describe_filter(where: IncidentFilter, facility_names: dict[str, str] | None = None) -> str:
    """dashboard.describe_filter in the UI's language: "todos los incidentes", "ocurridos del … al …"."""
    if speaks_english():
        return dashboard.describe_filter(where, facility_names)
    names = facility_names or {}
    parts = []
    start, end = show_date(where.occurred_from), show_date(where.occurred_to)
    if start and end:
        parts.append(translate("FigureWords", "occurred {start} to {end}").format(start=start, end=end))
    elif start:
        parts.append(translate("FigureWords", "occurred {start} to today").format(start=start))
    elif end:
        parts.append(translate("FigureWords", "occurred up to {end}").format(end=end))
    if where.facility_uuids:
        known = [names[uuid] for uuid in where.facility_uuids if uuid in names]
        n = len(where.facility_uuids)
        if len(known) == n and n <= 3:
            parts.append(", ".join(known))
        elif n == 1:
            parts.append(translate("FigureWords", "%Ln facility", None, n))
        else:
            parts.append(translate("FigureWords", "%Ln facilities", None, n))
    listed = (
        (translate("FigureWords", "state"), list(where.states)),
        (translate("FigureWords", "attack type"), [choice_label(a) for a in where.attack_types]),
        (translate("FigureWords", "weapon"), [choice_label(w) for w in where.weapon_types]),
        (translate("FigureWords", "severity"), [choice_label(s) for s in where.severities]),
        (translate("FigureWords", "status"), [choice_label(s) for s in where.statuses]),
    )
    parts.extend(f"{name}: {', '.join(values)}" for name, values in listed if values)
    if where.open_only:
        parts.append(translate("FigureWords", "open cases only"))
    if where.pending_referral:
        parts.append(translate("FigureWords", "pending referral for prosecution"))
    if where.text.strip():
        parts.append(translate("FigureWords", "matching “{text}”").format(text=where.text.strip()))
    return "; ".join(parts) if parts else translate("FigureWords", "all incidents")
