"""The UI's words for what the domain and services name in English (kinds, choice labels), through Qt's translator."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from enum import Enum

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from desktop.domain.date_input import spoken
from desktop.domain.enums import DatePrecision
from desktop.domain.kinds import RecordKind
from desktop.domain.values import PartialDate, Weapon

translate = QCoreApplication.translate
"""`translate("Context", "Source text")`: the call form pyside6-lupdate extracts outside QObject subclasses."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for lupdate where it is defined (a table); `translate(context, text)` where it is shown."""
    return text


# Every label a domain or service enum gives (`LabelledEnum.label`, `DamageBand`, `Redaction`, `Profile`,
# `BackupLabel`, `EvidenceKind`, `TimelineKind`), listed for lupdate; `choice()` translates them at display time.
# tests/ui/test_spanish.py fails when a label is missing here.
CHOICES = (
    QT_TRANSLATE_NOOP("Choice", "ICE ERO"),
    QT_TRANSLATE_NOOP("Choice", "ICE HSI"),
    QT_TRANSLATE_NOOP("Choice", "USCIS"),
    QT_TRANSLATE_NOOP("Choice", "CBP"),
    QT_TRANSLATE_NOOP("Choice", "FPS"),
    QT_TRANSLATE_NOOP("Choice", "Other"),
    QT_TRANSLATE_NOOP("Choice", "Unknown"),
    QT_TRANSLATE_NOOP("Choice", "Yes"),
    QT_TRANSLATE_NOOP("Choice", "No"),
    QT_TRANSLATE_NOOP("Choice", "Detention center"),
    QT_TRANSLATE_NOOP("Choice", "Field office"),
    QT_TRANSLATE_NOOP("Choice", "Processing center"),
    QT_TRANSLATE_NOOP("Choice", "Benefits office"),
    QT_TRANSLATE_NOOP("Choice", "I"),
    QT_TRANSLATE_NOOP("Choice", "II"),
    QT_TRANSLATE_NOOP("Choice", "III"),
    QT_TRANSLATE_NOOP("Choice", "IV"),
    QT_TRANSLATE_NOOP("Choice", "V"),
    QT_TRANSLATE_NOOP("Choice", "Armed assault"),
    QT_TRANSLATE_NOOP("Choice", "Bombing/explosion"),
    QT_TRANSLATE_NOOP("Choice", "Facility/infrastructure attack"),
    QT_TRANSLATE_NOOP("Choice", "Unarmed assault"),
    QT_TRANSLATE_NOOP("Choice", "Hostage taking"),
    QT_TRANSLATE_NOOP("Choice", "Assassination"),
    QT_TRANSLATE_NOOP("Choice", "Threat"),
    QT_TRANSLATE_NOOP("Choice", "Breach of security"),
    QT_TRANSLATE_NOOP("Choice", "Vandalism"),
    QT_TRANSLATE_NOOP("Choice", "Protest – peaceful"),
    QT_TRANSLATE_NOOP("Choice", "Protest – unlawful"),
    QT_TRANSLATE_NOOP("Choice", "Building"),
    QT_TRANSLATE_NOOP("Choice", "Vehicles"),
    QT_TRANSLATE_NOOP("Choice", "Perimeter"),
    QT_TRANSLATE_NOOP("Choice", "Personnel"),
    QT_TRANSLATE_NOOP("Choice", "Detainees"),
    QT_TRANSLATE_NOOP("Choice", "Visitors/public"),
    QT_TRANSLATE_NOOP("Choice", "Utilities/equipment"),
    QT_TRANSLATE_NOOP("Choice", "Catastrophic (≥ $1 billion)"),
    QT_TRANSLATE_NOOP("Choice", "Major (≥ $1 million)"),
    QT_TRANSLATE_NOOP("Choice", "Minor (< $1 million)"),
    QT_TRANSLATE_NOOP("Choice", "Killed"),
    QT_TRANSLATE_NOOP("Choice", "Wounded"),
    QT_TRANSLATE_NOOP("Choice", "Arrested"),
    QT_TRANSLATE_NOOP("Choice", "Fled"),
    QT_TRANSLATE_NOOP("Choice", "Night"),
    QT_TRANSLATE_NOOP("Choice", "Early morning"),
    QT_TRANSLATE_NOOP("Choice", "Morning"),
    QT_TRANSLATE_NOOP("Choice", "Afternoon"),
    QT_TRANSLATE_NOOP("Choice", "Evening"),
    QT_TRANSLATE_NOOP("Choice", "Government"),
    QT_TRANSLATE_NOOP("Choice", "Contractor"),
    QT_TRANSLATE_NOOP("Choice", "One facility"),
    QT_TRANSLATE_NOOP("Choice", "An agency's facilities"),
    QT_TRANSLATE_NOOP("Choice", "A facility type"),
    QT_TRANSLATE_NOOP("Choice", "All facilities"),
    QT_TRANSLATE_NOOP("Choice", "Firearms"),
    QT_TRANSLATE_NOOP("Choice", "Explosives"),
    QT_TRANSLATE_NOOP("Choice", "Incendiary"),
    QT_TRANSLATE_NOOP("Choice", "Melee"),
    QT_TRANSLATE_NOOP("Choice", "Vehicle"),
    QT_TRANSLATE_NOOP("Choice", "Low"),
    QT_TRANSLATE_NOOP("Choice", "Medium"),
    QT_TRANSLATE_NOOP("Choice", "High"),
    QT_TRANSLATE_NOOP("Choice", "Critical"),
    QT_TRANSLATE_NOOP("Choice", "Reported"),
    QT_TRANSLATE_NOOP("Choice", "Under investigation"),
    QT_TRANSLATE_NOOP("Choice", "Arrest made"),
    QT_TRANSLATE_NOOP("Choice", "Referred for prosecution"),
    QT_TRANSLATE_NOOP("Choice", "Charged"),
    QT_TRANSLATE_NOOP("Choice", "Adjudicated"),
    QT_TRANSLATE_NOOP("Choice", "Closed"),
    QT_TRANSLATE_NOOP("Choice", "Unfounded"),
    QT_TRANSLATE_NOOP("Choice", "Exact time"),
    QT_TRANSLATE_NOOP("Choice", "Day"),
    QT_TRANSLATE_NOOP("Choice", "Month"),
    QT_TRANSLATE_NOOP("Choice", "Year"),
    QT_TRANSLATE_NOOP("Choice", "Range"),
    QT_TRANSLATE_NOOP("Choice", "Proposed"),
    QT_TRANSLATE_NOOP("Choice", "Approved"),
    QT_TRANSLATE_NOOP("Choice", "In progress"),
    QT_TRANSLATE_NOOP("Choice", "Implemented"),
    QT_TRANSLATE_NOOP("Choice", "Risk accepted"),
    QT_TRANSLATE_NOOP("Choice", "Create"),
    QT_TRANSLATE_NOOP("Choice", "Update"),
    QT_TRANSLATE_NOOP("Choice", "Delete"),
    QT_TRANSLATE_NOOP("Choice", "Import"),
    QT_TRANSLATE_NOOP("Choice", "Export"),
    QT_TRANSLATE_NOOP("Choice", "Restore"),
    QT_TRANSLATE_NOOP("Choice", "Damage, extent unknown"),
    QT_TRANSLATE_NOOP("Choice", "No damage"),
    QT_TRANSLATE_NOOP("Choice", "Unknown whether damaged"),
    QT_TRANSLATE_NOOP("Choice", "Include them"),
    QT_TRANSLATE_NOOP("Choice", "Leave them out"),
    QT_TRANSLATE_NOOP("Choice", "Mask them"),
    QT_TRANSLATE_NOOP("Choice", "Round trip (for scripts and other databases)"),
    QT_TRANSLATE_NOOP("Choice", "For spreadsheets (readable)"),
    QT_TRANSLATE_NOOP("Choice", "automatic"),
    QT_TRANSLATE_NOOP("Choice", "made by hand"),
    QT_TRANSLATE_NOOP("Choice", "before a schema upgrade"),
    QT_TRANSLATE_NOOP("Choice", "before a restore"),
    QT_TRANSLATE_NOOP("Choice", "before encrypt, decrypt or rekey"),
    QT_TRANSLATE_NOOP("Choice", "attachment"),
    QT_TRANSLATE_NOOP("Choice", "custody entry"),
    QT_TRANSLATE_NOOP("Choice", "timeline event"),
    QT_TRANSLATE_NOOP("Choice", "Incident"),
    QT_TRANSLATE_NOOP("Choice", "Event"),
    QT_TRANSLATE_NOOP("Choice", "Legal status"),
    QT_TRANSLATE_NOOP("Choice", "Attachment"),
    QT_TRANSLATE_NOOP("Choice", "Custody"),
    QT_TRANSLATE_NOOP("Choice", "Plan item"),
)

# The record fields the history dialog names (`history_dialog.field_label`), listed for lupdate.
FIELDS = (
    QT_TRANSLATE_NOOP("Field", "Action"),
    QT_TRANSLATE_NOOP("Field", "Added at"),
    QT_TRANSLATE_NOOP("Field", "Added by"),
    QT_TRANSLATE_NOOP("Field", "Address"),
    QT_TRANSLATE_NOOP("Field", "Agency"),
    QT_TRANSLATE_NOOP("Field", "Approximate"),
    QT_TRANSLATE_NOOP("Field", "Arrests count"),
    QT_TRANSLATE_NOOP("Field", "At"),
    QT_TRANSLATE_NOOP("Field", "Attachment uuid"),
    QT_TRANSLATE_NOOP("Field", "Attack type"),
    QT_TRANSLATE_NOOP("Field", "Attack type 2"),
    QT_TRANSLATE_NOOP("Field", "Attack type 3"),
    QT_TRANSLATE_NOOP("Field", "Case number"),
    QT_TRANSLATE_NOOP("Field", "Changed"),
    QT_TRANSLATE_NOOP("Field", "Changes"),
    QT_TRANSLATE_NOOP("Field", "Charges"),
    QT_TRANSLATE_NOOP("Field", "City"),
    QT_TRANSLATE_NOOP("Field", "Completed"),
    QT_TRANSLATE_NOOP("Field", "Created at"),
    QT_TRANSLATE_NOOP("Field", "Damage estimate USD"),
    QT_TRANSLATE_NOOP("Field", "Deadline"),
    QT_TRANSLATE_NOOP("Field", "Description"),
    QT_TRANSLATE_NOOP("Field", "Directive title"),
    QT_TRANSLATE_NOOP("Field", "Directive uuid"),
    QT_TRANSLATE_NOOP("Field", "Discovered at"),
    QT_TRANSLATE_NOOP("Field", "Due date"),
    QT_TRANSLATE_NOOP("Field", "Entity"),
    QT_TRANSLATE_NOOP("Field", "Entity uuid"),
    QT_TRANSLATE_NOOP("Field", "Entry hash"),
    QT_TRANSLATE_NOOP("Field", "Facility name"),
    QT_TRANSLATE_NOOP("Field", "Facility type"),
    QT_TRANSLATE_NOOP("Field", "Facility uuid"),
    QT_TRANSLATE_NOOP("Field", "File"),
    QT_TRANSLATE_NOOP("Field", "File name"),
    QT_TRANSLATE_NOOP("Field", "Happened"),
    QT_TRANSLATE_NOOP("Field", "Hostages"),
    QT_TRANSLATE_NOOP("Field", "Id"),
    QT_TRANSLATE_NOOP("Field", "Incident uuid"),
    QT_TRANSLATE_NOOP("Field", "Incident uuids"),
    QT_TRANSLATE_NOOP("Field", "Investigating agencies"),
    QT_TRANSLATE_NOOP("Field", "Issued on"),
    QT_TRANSLATE_NOOP("Field", "Issuing office"),
    QT_TRANSLATE_NOOP("Field", "Kind"),
    QT_TRANSLATE_NOOP("Field", "Last assessment"),
    QT_TRANSLATE_NOOP("Field", "Latitude"),
    QT_TRANSLATE_NOOP("Field", "Longitude"),
    QT_TRANSLATE_NOOP("Field", "Media type"),
    QT_TRANSLATE_NOOP("Field", "Name"),
    QT_TRANSLATE_NOOP("Field", "Note"),
    QT_TRANSLATE_NOOP("Field", "Notes"),
    QT_TRANSLATE_NOOP("Field", "Occurred"),
    QT_TRANSLATE_NOOP("Field", "On"),
    QT_TRANSLATE_NOOP("Field", "Operator"),
    QT_TRANSLATE_NOOP("Field", "Operator name"),
    QT_TRANSLATE_NOOP("Field", "Owner"),
    QT_TRANSLATE_NOOP("Field", "Owner kind"),
    QT_TRANSLATE_NOOP("Field", "Owner uuid"),
    QT_TRANSLATE_NOOP("Field", "Perpetrator outcome"),
    QT_TRANSLATE_NOOP("Field", "Perpetrators injured"),
    QT_TRANSLATE_NOOP("Field", "Perpetrators killed"),
    QT_TRANSLATE_NOOP("Field", "Personal details"),
    QT_TRANSLATE_NOOP("Field", "Precision"),
    QT_TRANSLATE_NOOP("Field", "Prev hash"),
    QT_TRANSLATE_NOOP("Field", "Property damage"),
    QT_TRANSLATE_NOOP("Field", "Property extent"),
    QT_TRANSLATE_NOOP("Field", "Purpose"),
    QT_TRANSLATE_NOOP("Field", "Received by"),
    QT_TRANSLATE_NOOP("Field", "Received from"),
    QT_TRANSLATE_NOOP("Field", "Recorded at"),
    QT_TRANSLATE_NOOP("Field", "Ref uuid"),
    QT_TRANSLATE_NOOP("Field", "Reference"),
    QT_TRANSLATE_NOOP("Field", "Related uuids"),
    QT_TRANSLATE_NOOP("Field", "Reported at"),
    QT_TRANSLATE_NOOP("Field", "Risk rationale"),
    QT_TRANSLATE_NOOP("Field", "Scope"),
    QT_TRANSLATE_NOOP("Field", "Scope agencies"),
    QT_TRANSLATE_NOOP("Field", "Scope facility name"),
    QT_TRANSLATE_NOOP("Field", "Scope facility types"),
    QT_TRANSLATE_NOOP("Field", "Scope facility uuid"),
    QT_TRANSLATE_NOOP("Field", "Security level"),
    QT_TRANSLATE_NOOP("Field", "Sensitive"),
    QT_TRANSLATE_NOOP("Field", "Severity"),
    QT_TRANSLATE_NOOP("Field", "Sha256"),
    QT_TRANSLATE_NOOP("Field", "Size"),
    QT_TRANSLATE_NOOP("Field", "Source"),
    QT_TRANSLATE_NOOP("Field", "Source reference"),
    QT_TRANSLATE_NOOP("Field", "Sources"),
    QT_TRANSLATE_NOOP("Field", "State"),
    QT_TRANSLATE_NOOP("Field", "Status"),
    QT_TRANSLATE_NOOP("Field", "Status history"),
    QT_TRANSLATE_NOOP("Field", "Subtype"),
    QT_TRANSLATE_NOOP("Field", "Suspect names"),
    QT_TRANSLATE_NOOP("Field", "Suspects count"),
    QT_TRANSLATE_NOOP("Field", "Target type"),
    QT_TRANSLATE_NOOP("Field", "Target type 2"),
    QT_TRANSLATE_NOOP("Field", "Target type 3"),
    QT_TRANSLATE_NOOP("Field", "Text"),
    QT_TRANSLATE_NOOP("Field", "Time of day"),
    QT_TRANSLATE_NOOP("Field", "Title"),
    QT_TRANSLATE_NOOP("Field", "Type"),
    QT_TRANSLATE_NOOP("Field", "Until"),
    QT_TRANSLATE_NOOP("Field", "Updated at"),
    QT_TRANSLATE_NOOP("Field", "Uuid"),
    QT_TRANSLATE_NOOP("Field", "Version"),
    QT_TRANSLATE_NOOP("Field", "Victims injured"),
    QT_TRANSLATE_NOOP("Field", "Victims killed"),
    QT_TRANSLATE_NOOP("Field", "Weapons"),
    QT_TRANSLATE_NOOP("Field", "ZIP code"),
)

_KIND_WORDS: dict[RecordKind, tuple[str, str, str, str]] = {  # noun, plural, heading, plural heading
    RecordKind.INCIDENT: (QT_TRANSLATE_NOOP("RecordKind", "incident"), QT_TRANSLATE_NOOP("RecordKind", "incidents"),
                          QT_TRANSLATE_NOOP("RecordKind", "Incident"), QT_TRANSLATE_NOOP("RecordKind", "Incidents")),
    RecordKind.FACILITY: (QT_TRANSLATE_NOOP("RecordKind", "facility"), QT_TRANSLATE_NOOP("RecordKind", "facilities"),
                          QT_TRANSLATE_NOOP("RecordKind", "Facility"), QT_TRANSLATE_NOOP("RecordKind", "Facilities")),
    RecordKind.PLAN_ITEM: (QT_TRANSLATE_NOOP("RecordKind", "plan item"),
                           QT_TRANSLATE_NOOP("RecordKind", "plan items"),
                           QT_TRANSLATE_NOOP("RecordKind", "Plan item"),
                           QT_TRANSLATE_NOOP("RecordKind", "Plan items")),
    RecordKind.DIRECTIVE: (QT_TRANSLATE_NOOP("RecordKind", "directive"),
                           QT_TRANSLATE_NOOP("RecordKind", "directives"),
                           QT_TRANSLATE_NOOP("RecordKind", "Directive"),
                           QT_TRANSLATE_NOOP("RecordKind", "Directives")),
}  # fmt: skip


def choice(label: str) -> str:
    """A domain or service label ("Under investigation") in the UI's language."""
    return translate("Choice", label)


def choice_label(member: Enum) -> str:
    """The label of a labelled enum member in the UI's language."""
    return choice(str(getattr(member, "label", member.value)))


def kind_noun(kind: RecordKind) -> str:
    """The noun in a sentence: "plan item" ("elemento del plan")."""
    return translate("RecordKind", _KIND_WORDS[kind][0])


def kind_plural(kind: RecordKind) -> str:
    return translate("RecordKind", _KIND_WORDS[kind][1])


def kind_heading(kind: RecordKind) -> str:
    return translate("RecordKind", _KIND_WORDS[kind][2])


def kind_heading_plural(kind: RecordKind) -> str:
    return translate("RecordKind", _KIND_WORDS[kind][3])


def speaks_english() -> bool:
    """Whether the UI speaks English (or the untranslated C locale): then the domain's own words are shown."""
    return QLocale().language() in (QLocale.Language.English, QLocale.Language.C)


def show_date(day: date | None) -> str:
    """A day as people read it in the UI's language: ISO 8601 in English (as the app always showed it), the
    locale's numeric date with a four-digit year otherwise ("31/8/2019"); "" for none."""
    if day is None:
        return ""
    if speaks_english():
        return day.isoformat()
    locale = QLocale()
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return locale.toString(QDate(day.year, day.month, day.day), pattern)


def date_label(value: PartialDate) -> str:
    """A date as known (`PartialDate.label()`) in the UI's language: "unknown", "about …", "… to …", a band of the
    day; the dates themselves as `show_date` (a month or a year alone as they are)."""
    if not value.is_known:
        return translate("DateLabel", "unknown")
    if speaks_english():
        return value.label()
    if value.precision is DatePrecision.RANGE and value.on is not None and value.until is not None:
        core = translate("DateLabel", "{start} to {end}").format(start=show_date(value.on), end=show_date(value.until))
    elif value.precision in (DatePrecision.DAY, DatePrecision.EXACT) and value.on is not None:
        core = show_date(value.on)
        if value.precision is DatePrecision.EXACT:
            core += " " + replace(value, approximate=False).iso(" ").partition(" ")[2]
    else:
        core = replace(value, approximate=False).iso(" ")
    if value.approximate:
        core = translate("DateLabel", "about {date}").format(date=core)
    if value.time_of_day is not None:
        core = translate("DateLabel", "{date}, {band}").format(date=core, band=choice_label(value.time_of_day).lower())
    return core


def weapons_text(weapons: tuple[Weapon, ...]) -> str:
    """`Weapon.format_list` in the UI's language: "Firearms: rifle; Incendiary" (the subtypes as typed)."""
    return "; ".join(f"{choice_label(w.type)}: {w.subtype}" if w.subtype else choice_label(w.type) for w in weapons)


def spoken_date(value: PartialDate) -> str:
    """What a date field read, for its preview, in the UI's language: the domain's `spoken` in English ("Sat 13
    July 2019"), the locale's weekday and month names otherwise ("sáb 13 julio 2019", "agosto 2019 (solo se conoce
    el mes)")."""
    if speaks_english():
        return spoken(value)
    locale = QLocale()
    if not value.is_known or value.on is None:
        return translate("SpokenDate", "Date unknown")

    def words(day: date, pattern: str = "d MMMM yyyy") -> str:
        return locale.toString(QDate(day.year, day.month, day.day), pattern)

    on = value.on
    if value.precision is DatePrecision.RANGE and value.until is not None:
        text = translate("SpokenDate", "{first} to {last} (somewhere in this range)").format(
            first=words(on), last=words(value.until)
        )
    elif value.precision is DatePrecision.YEAR:
        text = translate("SpokenDate", "{year} (only the year is known)").format(year=on.year)
    elif value.precision is DatePrecision.MONTH:
        text = translate("SpokenDate", "{month} (only the month is known)").format(month=words(on, "MMMM yyyy"))
    else:
        text = words(on, "ddd d MMMM yyyy")
        if value.at is not None:
            exact = value.at.second or value.at.microsecond
            text += ", " + value.at.isoformat(timespec="auto" if exact else "minutes")
    if value.time_of_day is not None:
        text += f", {choice_label(value.time_of_day).lower()} ({value.time_of_day.hours})"
    return translate("SpokenDate", "about {date}").format(date=text) if value.approximate else text
