"""The window in Spanish: every menu, action, tab, record form and main dialog walked, and no English text of ours
left untranslated; the catalog complete and up to date with the code (pyside6-lupdate finds nothing new)."""

from __future__ import annotations

import enum
import inspect
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QLocale, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.domain import enums, figure_text
from desktop.domain.enums import Severity
from desktop.domain.evidence import EvidenceKind, TimelineKind
from desktop.domain.figures import Casualties
from desktop.domain.queries import IncidentFilter
from desktop.services.backup import BackupLabel
from desktop.services.case_facts import DamageBand
from desktop.services.csv.export import Redaction
from desktop.services.csv.sheet import Profile
from desktop.services.dashboard import describe_filter
from desktop.ui import language
from desktop.ui.dashboard import figure_words
from desktop.ui.dashboard.chart_data import number
from desktop.ui.main_window import MainWindow
from desktop.ui.widgets.date_input import DateInput, DayInput
from desktop.ui.window_actions import WindowAction

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "translations" / "incident_logger_es.ts"
A = WindowAction


def messages(path: Path) -> list[tuple[str, str, list[str], bool]]:
    """(context, source, translations, unfinished) of every message of a .ts file."""
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [form.text or "" for form in translation.findall("numerusform")] or [translation.text or ""]
            unfinished = translation.get("type") in ("unfinished", "vanished", "obsolete")
            found.append((name, message.findtext("source") or "", forms, unfinished))
    return found


def untranslated_sources() -> dict[str, set[str]]:
    """Each English source text whose Spanish differs from it, with its translations."""
    wanted: dict[str, set[str]] = {}
    for _context, source, forms, _unfinished in messages(CATALOG):
        if any(form != source for form in forms):
            wanted.setdefault(source, set()).update(forms)
    return wanted


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    """The app's Spanish catalog (compiled from the .ts when missing or older) and Qt's, as `--lang es` installs
    them; English and the previous default locale again afterwards."""
    compiled = language.TRANSLATIONS_DIR / "incident_logger_es.qm"
    if not compiled.is_file() or compiled.stat().st_mtime < CATALOG.stat().st_mtime:
        done = subprocess.run([sys.executable, str(ROOT / "scripts" / "compile_translations.py")], check=False)
        assert done.returncode == 0, "scripts/compile_translations.py failed: pyside6-lrelease is needed"
    before = QLocale()
    translators = language.install_language(qapp, "es")
    assert len(translators) == 2, "the Spanish catalog and Qt's qtbase_es must both load"
    try:
        yield
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(before)


def _model_texts(model: QAbstractItemModel | None, rows: int = 20) -> Iterator[str]:
    if model is None:
        return
    top = QModelIndex()
    try:
        columns = model.columnCount(top)
    except TypeError:  # a list model's columnCount is private in PySide6: it has one column
        columns = 1
    for column in range(columns):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = model.headerData(column, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                yield value
        for row in range(min(rows, model.rowCount(top))):
            value = model.data(model.index(row, column))
            if isinstance(value, str):
                yield value


def visible_texts(root: QWidget) -> set[str]:
    """Every text a person sees in `root` and its children: titles, labels, buttons, group boxes, tabs, items,
    headers, placeholders, tooltips, actions (with their menus)."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        texts += [widget.windowTitle(), widget.toolTip(), widget.statusTip(), widget.accessibleName()]
        if isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                texts += [widget.tabText(index), widget.tabToolTip(index)]
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(index) for index in range(widget.count())]
        if isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            texts += [header.text(column) for column in range(header.columnCount())]
        if isinstance(widget, QAbstractItemView):
            texts += list(_model_texts(widget.model()))
        if isinstance(widget, QMenu):
            texts.append(widget.title())
    for action in root.findChildren(QAction):
        texts += [action.text(), action.toolTip(), action.statusTip(), action.iconText()]
        menu = action.menu()
        if isinstance(menu, QMenu):
            texts.append(menu.title())
            texts += [sub.text() for sub in menu.actions()]
    return {text for text in texts if text and text.strip()}


def english_left(texts: set[str]) -> list[str]:
    wanted = untranslated_sources()
    return sorted(text for text in texts if text in wanted and text not in wanted[text])


def in_dialog(qtbot: QtBot, trigger: Callable[[], object]) -> set[str]:
    """Run `trigger`, which opens a dialog (modal with exec(), or with open()/show()); collect its texts and
    close it."""
    before = {id(widget) for widget in QApplication.topLevelWidgets() if widget.isVisible()}
    seen: list[set[str]] = []

    def new_dialog() -> QWidget | None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible() and id(widget) not in before:
                return widget
        return None

    def look() -> None:
        dialog = new_dialog()
        if dialog is None:
            QTimer.singleShot(20, look)
            return
        try:
            seen.append(visible_texts(dialog))
        except BaseException:
            seen.append({"<the walk failed: see the error above>"})
            raise
        finally:
            forget = getattr(dialog, "forget_changes", None)
            if callable(forget):
                forget()
            assert isinstance(dialog, QDialog)
            dialog.reject()

    QTimer.singleShot(0, look)
    trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    qtbot.waitUntil(lambda: new_dialog() is None, timeout=5000)
    return seen[0]


def select_first_row(window: MainWindow, key: str) -> None:
    window.show_tab(key)
    tab = window.record_tabs[key]
    tab.table.setFocus()
    tab.table.select_row(0)
    assert tab.selected_record() is not None


def test_the_whole_window_speaks_spanish(spanish: None, qtbot: QtBot, window: MainWindow) -> None:
    seen = visible_texts(window)
    window.fill_recent_menu()
    seen |= visible_texts(window.recent_menu)
    for index in range(window.tabs.count()):  # every tab (the dashboard is built when first shown)
        window.tabs.setCurrentIndex(index)
        qtbot.wait(50)
        seen |= visible_texts(window)
    seen.add(window.windowTitle())
    seen |= {window.counts_label.text(), window.deadlines_label.text()}
    select_first_row(window, "incidents")
    seen |= in_dialog(qtbot, window.registry[A.EDIT].trigger)  # a stored incident: timeline, attachments
    for key, action in (("facilities", A.EDIT), ("plan_items", A.EDIT), ("directives", A.EDIT)):
        select_first_row(window, key)
        seen |= in_dialog(qtbot, window.registry[action].trigger)
    for action in (A.NEW_INCIDENT, A.NEW_FACILITY, A.NEW_PLAN_ITEM, A.NEW_DIRECTIVE):
        seen |= in_dialog(qtbot, window.registry[action].trigger)
    select_first_row(window, "incidents")
    for action in (A.EXPORT_CSV, A.EXPORT_BRIEFING, A.SHORTCUTS, A.HISTORY, A.RESTORE, A.DELETE):
        seen |= in_dialog(qtbot, window.registry[action].trigger)

    assert len(seen) > 400  # the walk saw the window, its forms and dialogs
    for spanish_text in ("&Archivo", "&Edición", "&Ver", "&Registros", "Ay&uda", "&Incidentes", "Insta&laciones",
                         "Nuevo incidente[*]", "Nueva instalación[*]", "Víctimas &muertas", "Vencimiento",
                         "Cancelar", "Guardar", "3 incidentes", "Remitido a la fiscalía"):  # fmt: skip
        assert any(spanish_text in text for text in seen), f"{spanish_text!r} is not shown"
    left = english_left(seen)
    assert left == [], f"English left: {left}"


def test_dates_and_numbers_shown_follow_the_spanish_locale(spanish: None, window: MainWindow) -> None:
    assert QLocale().language() == QLocale.Language.Spanish
    window.show_tab("plan_items")
    plans = window.record_tabs["plan_items"].model
    assert (
        plans.data(plans.index(0, 0)) == "19/9/2019"
    )  # the demo plan item's due day (2019-09-19), as Spaniards write it
    assert window.deadlines_label.text() == "0 vencidos, 1 vencen esta semana"


def test_the_catalog_has_no_unfinished_entry() -> None:
    unfinished = [(context, source) for context, source, forms, done in messages(CATALOG) if done or "" in forms]
    assert unfinished == []


def test_the_catalog_is_up_to_date_with_the_code(tmp_path: Path) -> None:
    """lupdate run now over the code adds nothing to the catalog (every text of the UI is translated)."""
    tool = Path(sys.executable).parent / "pyside6-lupdate"
    lupdate = str(tool) if tool.is_file() else shutil.which("pyside6-lupdate")
    assert lupdate, "pyside6-lupdate (PySide6) is needed"
    fresh = tmp_path / CATALOG.name
    shutil.copy(CATALOG, fresh)
    sources = [str(path) for path in sorted((ROOT / "desktop" / "ui").rglob("*.py"))] + [
        str(ROOT / "desktop" / "app.py")
    ]
    subprocess.run([lupdate, "-silent", "-locations", "none", "-no-obsolete", *sources, "-ts", str(fresh)], check=True)
    new = [(context, source) for context, source, _forms, unfinished in messages(fresh) if unfinished]
    assert new == [], "run `make translations-update` and translate these"
    assert {(c, s) for c, s, _f, _u in messages(fresh)} == {(c, s) for c, s, _f, _u in messages(CATALOG)}


def test_every_label_the_domain_gives_the_ui_is_in_the_catalog() -> None:
    kinds = [kind for _name, kind in inspect.getmembers(enums, inspect.isclass) if issubclass(kind, enums.LabelledEnum)]
    labelled = [member for kind in kinds if kind is not enums.LabelledEnum for member in kind]
    others: list[enum.Enum] = [*DamageBand, *Redaction, *Profile, *BackupLabel, *EvidenceKind, *TimelineKind]
    choices = {source for context, source, _forms, _unfinished in messages(CATALOG) if context == "Choice"}
    missing = sorted({str(getattr(member, "label")) for member in [*labelled, *others]} - choices)  # noqa: B009
    assert missing == [], "add them to desktop/ui/translated.py CHOICES"


def test_the_language_is_chosen_by_option_environment_setting_then_system(
    monkeypatch: pytest.MonkeyPatch, qsettings: object
) -> None:
    from PySide6.QtCore import QSettings

    assert isinstance(qsettings, QSettings)
    assert "es" in language.available_languages()
    assert language.system_language(["es-MX", "en-US"]) == "es"
    assert language.system_language(["de-DE", "fr"]) == "en"
    monkeypatch.delenv(language.LANG_ENV, raising=False)
    qsettings.setValue(language.SETTING, "es")
    assert language.chosen_language(None, qsettings) == "es"
    monkeypatch.setenv(language.LANG_ENV, "en")
    assert language.chosen_language(None, qsettings) == "en"
    assert language.chosen_language("es_ES.UTF-8", qsettings) == "es"
    assert language.chosen_language("xx", qsettings) == "en"  # unknown: English, logged


def test_view_language_is_remembered_for_the_next_start(window: MainWindow, qsettings: object, qtbot: QtBot) -> None:
    from PySide6.QtCore import QSettings

    assert isinstance(qsettings, QSettings)
    menu = window.findChild(QMenu, "language_menu")
    assert isinstance(menu, QMenu) and menu in [a.menu() for a in window.menus["view"].actions()]
    spanish = next(action for action in menu.actions() if action.text() == "Español")
    spanish.trigger()
    assert qsettings.value(language.SETTING) == "es"
    note = window.findChild(QWidget, "language_note")
    assert note is not None and "next start" in QCoreApplication.translate("Language", note.property("text") or "")
    qtbot.waitUntil(note.isVisible)
    note.close()


def test_a_date_field_says_what_it_read_in_spanish(spanish: None, qtbot: QtBot) -> None:
    """The preview under a date field names the weekday and month in the UI's language, typed key by key."""
    field = DateInput("Ocurrido")
    qtbot.addWidget(field)
    field.show()
    field.edit.setFocus()
    QTest.keyClicks(field.edit, "2019-07-13")
    assert field.preview.text() == "sáb 13 julio 2019"
    field.edit.clear()
    QTest.keyClicks(field.edit, "2019-08")
    assert field.preview.text() == "agosto 2019 (solo se conoce el mes)"
    field.edit.clear()
    QTest.keyClicks(field.edit, "2019-08-20/2019-08-31")
    assert field.preview.text() == "del 20 agosto 2019 al 31 agosto 2019 (en algún momento de este intervalo)"
    day = DayInput("Desde")
    qtbot.addWidget(day)
    day.set_bound("first")
    QTest.keyClicks(day.edit, "2019-08")
    assert day.preview.text() == "desde el jue 1 agosto 2019, primer día de agosto 2019"


def mnemonic(text: str) -> str | None:
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].casefold() if at >= 0 else None


def test_spanish_menus_and_tabs_keep_distinct_mnemonics(spanish: None, window: MainWindow, qtbot: QtBot) -> None:
    """Alt+letter reaches one place: the menu bar's and the tab bar's letters are all different in Spanish too."""
    texts = [action.text() for action in window.menuBar().actions()]
    texts += [window.tabs.tabText(index) for index in range(window.tabs.count())]
    letters = [mnemonic(text) for text in texts]
    assert None not in letters, texts
    assert len(set(letters)) == len(letters), texts
    window.show_tab("plan_items")
    plans = window.record_tabs["plan_items"].model
    deadline = plans.data(plans.index(1, 1))
    assert re.fullmatch(r"(vence en|vencido hace) \d+ (día|días|semanas|meses|años)", deadline), deadline  # no English


def test_the_dashboard_speaks_spanish_and_fits_the_window(spanish: None, qtbot: QtBot, window: MainWindow) -> None:
    """The headline tiles, the casualty chart and the scope line word the domain's figures in Spanish (no English
    text of desktop.domain.figure_text left), and the row of tiles fits a 1400 px wide window."""
    window.resize(1400, 900)
    window.show_tab("dashboard")
    assert window.features is not None
    dashboard = window.features.dashboard
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=5000)
    headline = dashboard.headline

    # the demo: 3 incidents, no victim killed, 1 perpetrator killed, 2 incidents without the perpetrators' figures
    assert headline.value_text("incidents") == "3"
    assert headline.value_text("killed") == "0 víctimas, 1 autor"
    assert "autores muertos desconocidos en 2 incidentes" in headline.detail_text("killed")
    assert headline.value_text("damage") in ("desconocido", "ninguno registrado") or "US$" in headline.value_text(
        "damage"
    )
    damage = headline.tile_text("damage")
    assert "daños de valor desconocido en 2 incidentes" in damage and "$0" not in damage
    chart = dashboard.casualty_panel.chart
    assert chart.title == "Bajas en 3 incidentes"
    assert "alguna cifra de bajas desconocida en 2 incidentes" in chart.notes
    assert dashboard.scope_label.text().startswith("Se muestra: todos los incidentes;")

    shown = [headline.tile_text(key) for key in ("killed", "injured", "damage")]
    shown += [dashboard.scope_label.text(), chart.caption, *(tip for tips in chart.tips for tip in tips)]
    english = ("victim", "perpetrator", "incidents", "not known", "damage of", "unknown", "none recorded", "all ")
    assert [text for text in shown if any(word in text for word in english)] == []

    scroll = dashboard.findChild(QScrollArea)
    assert scroll is not None
    for width in (1400, 1200):  # 1400 px wanted; 1200 leaves room for a wider font than the tests have
        window.resize(width, 900)
        qtbot.waitUntil(lambda width=width: scroll.viewport().width() > width - 40, timeout=5000)
        qtbot.wait(50)  # the layout settles
        assert not scroll.horizontalScrollBar().isVisible(), (
            f"the dashboard needs {scroll.widget().minimumSizeHint().width()} px, the view is "
            f"{scroll.viewport().width()} px wide"
        )


def test_figure_words_in_spanish_and_english(spanish: None) -> None:
    """Damage with a known part and an unknown part, everything known, a filter with a period: Spanish words and
    the locale's numbers; English (the C locale) is exactly the domain's text."""
    some = Casualties(incidents=1779, victims_killed=1, victims_injured=12_345, perpetrators_killed=0,
                      perpetrators_injured=2, casualties_unknown=0, damage_usd=12_500, damaged=3,
                      damage_of_unknown_value=1, damage_status_unknown=4)  # fmt: skip
    assert figure_words.killed(some).sentence == "1 víctima muerta, 0 autores muertos"
    assert figure_words.injured(some).value == "12.345 víctimas, 2 autores"
    damage = figure_words.damage(some)
    assert damage.value == "≥ 12.500 US$"
    assert damage.full == (
        "≥ 12.500 US$ conocidos, daños de valor desconocido en 1 incidente; se desconoce si hubo daños en 4 incidentes"
    )
    assert figure_words.damage(replace(some, damage_of_unknown_value=0, damage_usd=25_000_000)).value == "25,0 M US$"
    nothing = replace(some, damage_usd=0, damaged=0, damage_of_unknown_value=0, damage_status_unknown=0)
    assert figure_words.damage(nothing).value == "ninguno registrado"
    assert figure_words.casualties_unknown(nothing) == ""
    where = IncidentFilter(occurred_from=date(2019, 7, 1), occurred_to=date(2019, 8, 31), severities=(Severity.HIGH,),
                           open_only=True, text="molotov")  # fmt: skip
    assert figure_words.describe_filter(where) == (
        "ocurridos del 1/7/2019 al 31/8/2019; gravedad: Alta; solo casos abiertos; que coinciden con “molotov”"
    )
    assert figure_words.describe_filter(IncidentFilter(occurred_from=date(2019, 7, 1))) == (
        "ocurridos desde el 1/7/2019 hasta hoy"
    )

    QLocale.setDefault(QLocale.c())
    assert figure_words.damage(some) == figure_text.damage(some)
    assert figure_words.injured(some) == figure_text.injured(some)
    assert figure_words.describe_filter(where) == describe_filter(where)
    assert number(1779) == "1,779"
