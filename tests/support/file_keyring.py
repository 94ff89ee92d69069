"""A keyring backend for tests: entries in the JSON file INCIDENT_LOGGER_TEST_KEYRING names (shared by subprocesses)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class FileKeyring(KeyringBackend):  # type: ignore[misc]
    priority = 1  # type: ignore[assignment]

    @staticmethod
    def _file() -> Path:
        return Path(os.environ["INCIDENT_LOGGER_TEST_KEYRING"])

    def _entries(self) -> dict[str, str]:
        try:
            return dict(json.loads(self._file().read_text(encoding="utf-8")))
        except FileNotFoundError:
            return {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._entries().get(f"{service}\x00{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        entries = self._entries()
        entries[f"{service}\x00{username}"] = password
        self._file().write_text(json.dumps(entries), encoding="utf-8")

    def delete_password(self, service: str, username: str) -> None:
        entries = self._entries()
        if entries.pop(f"{service}\x00{username}", None) is None:
            raise PasswordDeleteError(username)
        self._file().write_text(json.dumps(entries), encoding="utf-8")
