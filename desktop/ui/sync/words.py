"""The synchronization's words for people: kinds, what a conflict is about, a person's choice, times, a result."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QLocale

from desktop.domain.sync import FieldDifference, KindCounts, RecordConflict, Resolution, SyncedKind, SyncResult
from desktop.persistence.server_login import login_target
from desktop.ui.error_dialogs import field_label
from desktop.ui.translated import QT_TRANSLATE_NOOP, translate

C = "SyncWords"
PLURALS = {
    SyncedKind.FACILITY: QT_TRANSLATE_NOOP("SyncWords", "Facilities"),
    SyncedKind.INCIDENT: QT_TRANSLATE_NOOP("SyncWords", "Incidents"),
    SyncedKind.DIRECTIVE: QT_TRANSLATE_NOOP("SyncWords", "Directives"),
    SyncedKind.PLAN_ITEM: QT_TRANSLATE_NOOP("SyncWords", "Plan items"),
    SyncedKind.ATTACHMENT: QT_TRANSLATE_NOOP("SyncWords", "Attachments"),
    SyncedKind.TIMELINE_EVENT: QT_TRANSLATE_NOOP("SyncWords", "Timeline events"),
}
SINGULARS = {
    SyncedKind.FACILITY: QT_TRANSLATE_NOOP("SyncWords", "Facility"),
    SyncedKind.INCIDENT: QT_TRANSLATE_NOOP("SyncWords", "Incident"),
    SyncedKind.DIRECTIVE: QT_TRANSLATE_NOOP("SyncWords", "Directive"),
    SyncedKind.PLAN_ITEM: QT_TRANSLATE_NOOP("SyncWords", "Plan item"),
    SyncedKind.ATTACHMENT: QT_TRANSLATE_NOOP("SyncWords", "Attachment"),
    SyncedKind.TIMELINE_EVENT: QT_TRANSLATE_NOOP("SyncWords", "Timeline event"),
}
COLUMNS = (  # KindCounts' fields in the preview's columns
    ("send_new", QT_TRANSLATE_NOOP("SyncWords", "Send: new")),
    ("send_changed", QT_TRANSLATE_NOOP("SyncWords", "Send: changed")),
    ("send_deleted", QT_TRANSLATE_NOOP("SyncWords", "Send: deleted")),
    ("receive_new", QT_TRANSLATE_NOOP("SyncWords", "Receive: new")),
    ("receive_changed", QT_TRANSLATE_NOOP("SyncWords", "Receive: changed")),
    ("receive_deleted", QT_TRANSLATE_NOOP("SyncWords", "Receive: deleted")),
    ("conflicts", QT_TRANSLATE_NOOP("SyncWords", "Conflicts")),
)


def plural(kind: SyncedKind) -> str:
    return translate(C, PLURALS[kind])


def singular(kind: SyncedKind) -> str:
    return translate(C, SINGULARS[kind])


def server_name(address: str) -> str:
    """A server's address as short as people know it: `host:port/database` of a URL (never its password)."""
    target = login_target(address)
    return target.server if target is not None else address


def number(value: int) -> str:
    return QLocale().toString(value)


def total(counts: dict[SyncedKind, KindCounts]) -> KindCounts:
    """Every kind's counts added up."""
    return KindCounts(**{name: sum(getattr(c, name) for c in counts.values()) for name, _title in COLUMNS})


def sent(counts: KindCounts) -> int:
    return counts.send_new + counts.send_changed + counts.send_deleted


def received(counts: KindCounts) -> int:
    return counts.receive_new + counts.receive_changed + counts.receive_deleted


def field_name(field: FieldDifference) -> str:
    """The field's label; a bare key (`damage_estimate_usd`) said as the forms say it."""
    return field_label(field.key) if field.label == field.key else field.label


def what_differs(conflict: RecordConflict) -> str:
    """ "Deleted here, edited on the server", or the fields both sides changed."""
    if conflict.deleted_by == "mine":
        return translate("SyncWords", "Deleted here, edited on the server")
    if conflict.deleted_by == "theirs":
        return translate("SyncWords", "Edited here, deleted on the server")
    return ", ".join(field_name(field) for field in conflict.fields)


def choice_text(conflict: RecordConflict, resolution: Resolution | None) -> str:
    """What the person chose for `conflict`, or that nothing is chosen yet."""
    if resolution is None:
        return translate("SyncWords", "Not chosen yet")
    if resolution.keep_deleted is not None:
        return (
            translate("SyncWords", "Keep it deleted")
            if resolution.keep_deleted
            else translate("SyncWords", "Keep the edited record")
        )
    labels = {field.key: field_name(field) for field in conflict.fields}
    parts = []
    for side, words in (
        ("mine", translate("SyncWords", "Mine: {fields}")),
        ("theirs", translate("SyncWords", "Theirs: {fields}")),
    ):
        fields = [labels.get(key, key) for key, chosen in resolution.sides.items() if chosen == side]
        if fields:
            parts.append(words.format(fields=", ".join(fields)))
    return " · ".join(parts)


def local_time(at: datetime) -> str:
    """A time in the computer's zone, to the minute (a naive time is UTC, as the databases keep it)."""
    aware = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    return aware.astimezone().strftime("%Y-%m-%d %H:%M")


def result_text(result: SyncResult) -> str:
    """What a finished synchronization did, in three short lines."""
    done = total(result.counts)
    return "\n".join((
        translate("SyncWords", "Sent: {new} new, {changed} changed, {deleted} deleted.").format(
            new=number(done.send_new), changed=number(done.send_changed), deleted=number(done.send_deleted)),
        translate("SyncWords", "Received: {new} new, {changed} changed, {deleted} deleted.").format(
            new=number(done.receive_new), changed=number(done.receive_changed),
            deleted=number(done.receive_deleted)),
        translate("SyncWords", "Conflicts resolved: {resolved}.").format(resolved=number(result.resolved)),
    ))  # fmt: skip
