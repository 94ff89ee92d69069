"""The audit chain's secret keys, kept outside the database: the OS keyring, else an owner-only file per database."""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from desktop.persistence.durable_files import flush_to_disk, replace_file
from desktop.persistence.private_files import make_private_folder, restrict_to_owner

KEY_FOLDER_VARIABLE = "INCIDENT_LOGGER_KEY_DIR"  # overrides where the key files are (tests, portable setups)
KEYRING_SERVICE = "incident-logger audit chain"

_configured_folder: Path | None = None


def use_key_folder(folder: Path) -> None:
    """Where the key files of this process go (set by paths.init: the app's config folder)."""
    global _configured_folder
    _configured_folder = folder


def key_folder() -> Path:
    """The folder of the key files: $INCIDENT_LOGGER_KEY_DIR, else the app's config folder, else the user's."""
    if os.environ.get(KEY_FOLDER_VARIABLE):
        return Path(os.environ[KEY_FOLDER_VARIABLE])
    if _configured_folder is not None:
        return _configured_folder
    from desktop import paths  # the user's config folder, as paths.init names it

    return paths.user_config_dir() / "audit-keys"


@dataclass(frozen=True, slots=True)
class ChainKey:
    """One secret key: entries signed with it name its id (a fingerprint, not the secret)."""

    id: str
    secret: bytes
    created_at: str

    @staticmethod
    def new() -> ChainKey:
        secret = secrets.token_bytes(32)
        now = datetime.now(UTC).replace(microsecond=0).isoformat()
        return ChainKey(fingerprint(secret), secret, now)

    def as_json(self) -> dict[str, str]:
        return {"id": self.id, "secret": self.secret.hex(), "created_at": self.created_at}


def fingerprint(secret: bytes) -> str:
    return hashlib.sha256(b"incident-logger key id\0" + secret).hexdigest()[:16]


def _parse(text: str | None) -> list[ChainKey]:
    if not text:
        return []
    try:
        items = json.loads(text)
        keys = [ChainKey(item["id"], bytes.fromhex(item["secret"]), item.get("created_at", "")) for item in items]
    except (ValueError, KeyError, TypeError):
        return []
    return [key for key in keys if fingerprint(key.secret) == key.id]


class KeyStore:
    """The keys of each database (by its database id): the OS keyring where one works, else a 0600 JSON file in
    a 0700 folder. Both are read; a key is written to the keyring, and to the file when the keyring fails."""

    def __init__(self, folder: Path | None = None, *, use_keyring: bool = True) -> None:
        self.folder = folder if folder is not None else key_folder()
        self.use_keyring = use_keyring

    def keys(self, database_id: str) -> dict[str, ChainKey]:
        found = {key.id: key for key in _parse(self._from_keyring(database_id))}
        found.update((key.id, key) for key in _parse(self._from_file(database_id)))
        return found

    def create(self, database_id: str) -> ChainKey:
        """A new key for the database, stored before it is returned (OSError when it cannot be stored)."""
        key = ChainKey.new()
        self.add(database_id, key)
        return key

    def add(self, database_id: str, key: ChainKey) -> None:
        """Keep `key` with the database's other keys (moving a key from another computer)."""
        keys = self.keys(database_id)
        keys[key.id] = key
        text = json.dumps([k.as_json() for k in keys.values()])
        if not self._to_keyring(database_id, text):
            self._to_file(database_id, text)

    def file_of(self, database_id: str) -> Path:
        return self.folder / f"{database_id}.json"

    def _from_keyring(self, database_id: str) -> str | None:
        if not self.use_keyring:
            return None
        try:
            import keyring

            return keyring.get_password(KEYRING_SERVICE, database_id)
        except Exception:  # no keyring on this system, locked, or refused: the file is used
            return None

    def _to_keyring(self, database_id: str, text: str) -> bool:
        if not self.use_keyring:
            return False
        try:
            import keyring

            keyring.set_password(KEYRING_SERVICE, database_id, text)
            return keyring.get_password(KEYRING_SERVICE, database_id) == text
        except Exception:  # as above
            return False

    def _from_file(self, database_id: str) -> str | None:
        try:
            return self.file_of(database_id).read_text(encoding="utf-8")
        except OSError:
            return None

    def _to_file(self, database_id: str, text: str) -> None:
        make_private_folder(self.folder)  # it and any new folder above it 0700, whatever the umask
        target = self.file_of(database_id)
        partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            flush_to_disk(file.fileno())
        restrict_to_owner(partial)
        replace_file(partial, target)
