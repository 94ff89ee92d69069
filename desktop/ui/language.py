"""The UI's language: chosen (--lang, INCIDENT_LOGGER_LANG, View › Language, the system's), installed at start."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

LANG_ENV = "INCIDENT_LOGGER_LANG"
SETTING = "ui/language"  # "" (or missing): the system's
SOURCE_LANGUAGE = "en"
TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"
CATALOG = "incident_logger"
log = logging.getLogger(__name__)


def available_languages() -> list[str]:
    """English (the source) and every language with a compiled catalog ("es")."""
    found = sorted(p.stem.removeprefix(f"{CATALOG}_") for p in TRANSLATIONS_DIR.glob(f"{CATALOG}_*.qm"))
    return [SOURCE_LANGUAGE, *(code for code in found if code != SOURCE_LANGUAGE)]


def _language_of(name: str) -> str:
    """ "es-MX", "es_ES.UTF-8", "ES" → "es"."""
    return name.strip().replace("_", "-").split("-")[0].split(".")[0].casefold()


def system_language(ui_languages: list[str] | None = None) -> str:
    """The first of the system's UI languages this app has (QLocale.system().uiLanguages()), else English."""
    wanted = ui_languages if ui_languages is not None else QLocale.system().uiLanguages()
    known = available_languages()
    for name in wanted:
        code = _language_of(name)
        if code in known:
            return code
    return SOURCE_LANGUAGE


def chosen_language(cli: str | None, settings: QSettings | None) -> str:
    """--lang first, then INCIDENT_LOGGER_LANG, then View › Language, then the system's; an unknown code is logged
    and English used."""
    saved = settings.value(SETTING, "") if settings is not None else ""
    for origin, value in (("--lang", cli), (LANG_ENV, os.environ.get(LANG_ENV)), ("View › Language", saved)):
        if value and str(value).strip():
            code = _language_of(str(value))
            if code in available_languages():
                return code
            log.warning("%s asks for the language %r, which this build does not have; using English", origin, value)
            return SOURCE_LANGUAGE
    return system_language()


def install_language(app: QCoreApplication, code: str) -> list[QTranslator]:
    """Install the app's catalog and Qt's own (standard buttons, dialogs) for `code`, and make it the default
    locale (dates and numbers shown follow it). Returns the translators (kept alive by the caller)."""
    QLocale.setDefault(QLocale(code))
    installed: list[QTranslator] = []
    if code == SOURCE_LANGUAGE:  # the source texts are English, plural forms included
        return installed
    sources = ((f"{CATALOG}_{code}", str(TRANSLATIONS_DIR)),
               (f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))  # fmt: skip
    for name, folder in sources:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("no translation %s in %s", name, folder)
    return installed


def add_language_menu(window: QMainWindow, view_menu: QMenu, settings: QSettings) -> QMenu:
    """View › Language: System / English / Español; remembered in `settings`, used from the next start."""
    menu = view_menu.addMenu(QCoreApplication.translate("Language", "&Language"))
    menu.setObjectName("language_menu")
    group = QActionGroup(menu)
    current = str(settings.value(SETTING, "") or "")
    names = {"": QCoreApplication.translate("Language", "System"), "en": "English", "es": "Español"}
    for code, name in names.items():
        if code and code not in available_languages():
            continue
        action = QAction(name, menu)
        action.setObjectName(f"language_{code or 'system'}_action")
        action.setCheckable(True)
        action.setChecked(code == current)
        action.triggered.connect(lambda _checked=False, c=code: _choose(window, settings, c))
        group.addAction(action)
        menu.addAction(action)
    return menu


def _choose(window: QMainWindow, settings: QSettings, code: str) -> None:
    if str(settings.value(SETTING, "") or "") == code:
        return
    settings.setValue(SETTING, code)
    settings.sync()
    note = QCoreApplication.translate("Language", "The new language is used from the next start of Incident Logger.")
    window.statusBar().showMessage(note, 10_000)
    box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("Language", "Language"), note,
                      QMessageBox.StandardButton.Ok, window)  # fmt: skip
    box.setObjectName("language_note")
    box.open()
