"""What the window remembers between runs (QSettings): geometry, dock/toolbar state, columns, tab, recent databases,
the briefing's marking and author, the export's profile, when each database file last had a full integrity check and
which server it synchronizes with, whether copied sensitive fields are cleared from the clipboard, the theme."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

RECENT_LIMIT = 8
SETTINGS_FILE = "settings.ini"


def settings_file(config_dir: Path) -> QSettings:
    """The app's settings as an INI file in `config_dir` (never the user's real config during tests)."""
    return QSettings(str(config_dir / SETTINGS_FILE), QSettings.Format.IniFormat)


class WindowSettings:
    """Typed access to the keys the main window uses."""

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    # ---- window -----------------------------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.settings.setValue("window/geometry", geometry)
        self.settings.setValue("window/state", state)

    def tab(self) -> str:
        return str(self.settings.value("window/tab", "") or "")

    def save_tab(self, key: str) -> None:
        self.settings.setValue("window/tab", key)

    # ---- tables -----------------------------------------------------------------------------------------
    def header(self, entity: str) -> QByteArray | None:
        return self._bytes(f"tables/{entity}/header")

    def save_header(self, entity: str, state: QByteArray) -> None:
        self.settings.setValue(f"tables/{entity}/header", state)

    # ---- export ----------------------------------------------------------------------------------------
    def export_profile(self) -> str:
        """The profile chosen in the last export ("" before the first)."""
        return str(self.settings.value("export/profile", "") or "")

    def save_export_profile(self, profile: str) -> None:
        self.settings.setValue("export/profile", profile)

    # ---- databases --------------------------------------------------------------------------------------
    def recent_databases(self) -> list[str]:
        value = self.settings.value("databases/recent", [])
        if isinstance(value, str):  # QSettings returns a lone string for a one-item list in INI files
            value = [value]
        items = value if isinstance(value, list | tuple) else []
        return [str(item) for item in items if str(item)]

    def add_recent_database(self, url: str) -> None:
        recent = [url, *(u for u in self.recent_databases() if u != url)][:RECENT_LIMIT]
        self.settings.setValue("databases/recent", recent)

    def remove_recent_database(self, url: str) -> None:
        self.settings.setValue("databases/recent", [u for u in self.recent_databases() if u != url])

    def last_database(self) -> str:
        recent = self.recent_databases()
        return recent[0] if recent else ""

    # ---- checks -----------------------------------------------------------------------------------------
    @staticmethod
    def _check_key(database: Path) -> str:
        return "checks/" + hashlib.sha256(str(database.absolute()).encode()).hexdigest()[:24]

    def last_full_check(self, database: Path) -> datetime | None:
        """When the file at `database` last passed a full integrity check here (naive UTC), or None."""
        value = str(self.settings.value(self._check_key(database), "") or "")
        try:
            return datetime.fromisoformat(value) if value else None
        except ValueError:
            return None

    def save_full_check(self, database: Path, when: datetime) -> None:
        self.settings.setValue(self._check_key(database), when.isoformat(timespec="seconds"))

    # ---- synchronization ------------------------------------------------------------------------------
    @staticmethod
    def _sync_key(database: Path) -> str:
        return "sync/" + hashlib.sha256(str(database.absolute()).encode()).hexdigest()[:24]

    def sync_server(self, database: Path) -> str:
        """The server address the local file at `database` last synchronized with ("" before the first); never a
        password (the caller keeps it out)."""
        return str(self.settings.value(self._sync_key(database), "") or "")

    def save_sync_server(self, database: Path, server: str) -> None:
        self.settings.setValue(self._sync_key(database), server)

    # ---- briefing ---------------------------------------------------------------------------------------
    def briefing_marking(self) -> str:
        """The handling marking of the last briefing exported ("" for none)."""
        return str(self.settings.value("briefing/marking", "") or "")

    def briefing_prepared_by(self) -> str:
        """The name given as having prepared the last briefing ("": the computer's user)."""
        return str(self.settings.value("briefing/prepared_by", "") or "")

    def save_briefing(self, marking: str, prepared_by: str) -> None:
        self.settings.setValue("briefing/marking", marking)
        self.settings.setValue("briefing/prepared_by", prepared_by)

    # ---- clipboard --------------------------------------------------------------------------------------
    def clear_sensitive_copies(self) -> bool:
        """Whether sensitive text copied to the clipboard is cleared after a while (on unless turned off)."""
        return str(self.settings.value("privacy/clear_sensitive_copies", "true")).lower() not in ("false", "0")

    def save_clear_sensitive_copies(self, clear: bool) -> None:
        self.settings.setValue("privacy/clear_sensitive_copies", "true" if clear else "false")

    # ---- theme ------------------------------------------------------------------------------------------
    def theme(self) -> str:
        """View › Theme: "system" (the default), "light" or "dark" (desktop.ui.theme.ThemeChoice)."""
        return str(self.settings.value("view/theme", "system") or "system")

    def save_theme(self, choice: str) -> None:
        self.settings.setValue("view/theme", choice)

    def sync(self) -> None:
        self.settings.sync()
