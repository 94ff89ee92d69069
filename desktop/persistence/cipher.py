"""SQLCipher files: the passphrases this process knows, each file's key (derived once per salt), keyed connections."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import sqlcipher3.dbapi2 as sqlcipher

from desktop.domain.passphrases import MIN_PASSPHRASE as MIN_PASSPHRASE  # re-exported
from desktop.domain.passphrases import Passphrase as Passphrase  # re-exported: the persistence callers' name
from desktop.domain.passphrases import passphrase_problem as passphrase_problem  # re-exported
from desktop.persistence.file_sniff import NOT_SQLITE, foreign_format, looks_like_sqlite

SALT_SIZE = 16  # SQLCipher 4 keeps a file's random salt in its first 16 bytes, in the clear
KEY_SIZE = 32
KDF_ITERATIONS = 256_000  # SQLCipher 4's default: PBKDF2-HMAC-SHA512, so `PRAGMA key = 'passphrase'` opens our files
KDF_HASH = "sha512"
MIN_PAGE = 512  # an encrypted file is a whole number of pages, each a power of two of at least 512 bytes

Error: tuple[type[Exception], ...] = (sqlite3.Error, sqlcipher.Error)
DatabaseError: tuple[type[Exception], ...] = (sqlite3.DatabaseError, sqlcipher.DatabaseError)
OperationalError: tuple[type[Exception], ...] = (sqlite3.OperationalError, sqlcipher.OperationalError)
Connection = sqlite3.Connection  # a sqlcipher3 connection has the same methods; typed as the standard one


@dataclass(frozen=True, slots=True)
class FileKey:
    """The raw SQLCipher key of one file and the salt it was derived with (the file's first 16 bytes)."""

    key: bytes = field(repr=False)
    salt: bytes

    def pragma(self) -> str:
        """The `PRAGMA key` value: the raw key and the salt, so no connection derives it again."""
        return f"\"x'{self.key.hex()}{self.salt.hex()}'\""


def derive(passphrase: Passphrase, salt: bytes) -> FileKey:
    """SQLCipher 4's key derivation, done once here instead of at every connection (0.1 s each)."""
    key = hashlib.pbkdf2_hmac(KDF_HASH, passphrase.reveal().encode("utf-8"), salt, KDF_ITERATIONS, KEY_SIZE)
    return FileKey(key, salt)


def looks_encrypted(header: bytes) -> bool:
    """True when a file's first bytes are neither SQLite's header, a known format nor text: random bytes, as an
    encrypted database begins (its salt), or garbage."""
    if len(header) < SALT_SIZE or looks_like_sqlite(header) or foreign_format(header) != NOT_SQLITE:
        return False
    return len(set(header[:SALT_SIZE])) >= 8  # a random salt has ~15 different bytes of 16; a wiped header has one


def read_salt(path: Path) -> bytes | None:
    """The salt of an encrypted-looking file (random first bytes, a whole number of pages of 512 bytes or more),
    None for a plain, empty, missing or foreign one."""
    try:
        with path.open("rb") as file:
            header = file.read(100)
            size = os.fstat(file.fileno()).st_size
    except OSError:
        return None
    return salt_in(header, size)


def salt_in(header: bytes, size: int) -> bytes | None:
    """The salt of a file whose first bytes are `header` and whose size is `size`, when they look encrypted."""
    whole_pages = size >= MIN_PAGE and size % MIN_PAGE == 0
    return header[:SALT_SIZE] if whole_pages and looks_encrypted(header) else None


class Keychain:
    """What this process knows: passphrases typed or recalled, the keys they gave per salt, and the files to be
    created encrypted. Thread-safe; never written anywhere."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._passphrases: list[Passphrase] = []
        self._by_salt: dict[bytes, FileKey] = {}
        self._passphrase_of_salt: dict[bytes, Passphrase] = {}
        self._new: dict[Path, tuple[FileKey, Passphrase]] = {}

    def add(self, passphrase: Passphrase) -> None:
        with self._lock:
            if passphrase not in self._passphrases:
                self._passphrases.insert(0, passphrase)

    def forget(self) -> None:
        with self._lock:
            self._passphrases.clear()
            self._by_salt.clear()
            self._passphrase_of_salt.clear()
            self._new.clear()

    @property
    def known(self) -> bool:
        return bool(self._passphrases)

    def create_encrypted(self, path: Path, passphrase: Passphrase) -> FileKey:
        """Make the database to be created at `path` an encrypted one (its salt chosen now)."""
        file_key = derive(passphrase, os.urandom(SALT_SIZE))
        with self._lock:
            self._new[_normal(path)] = (file_key, passphrase)
            self._by_salt[file_key.salt] = file_key
            self._passphrase_of_salt[file_key.salt] = passphrase
            if passphrase not in self._passphrases:
                self._passphrases.insert(0, passphrase)
        return file_key

    def discard_new(self, path: Path) -> None:
        """Give up creating an encrypted database at `path` (its creation failed or was cancelled): a database
        created there later is plain unless create_encrypted is called again."""
        with self._lock:
            self._new.pop(_normal(path), None)

    def new_key(self, path: Path) -> FileKey | None:
        entry = self._new.get(_normal(path))
        return entry[0] if entry is not None else None

    def key_for_salt(self, salt: bytes, path: Path) -> FileKey | None:
        """The key that opens the file `path` with `salt`: known already, or found by trying each passphrase."""
        with self._lock:
            known = self._by_salt.get(salt)
            candidates = list(self._passphrases)
        if known is not None:
            return known
        for passphrase in candidates:
            file_key = derive(passphrase, salt)
            if opens(path, file_key):
                with self._lock:
                    self._by_salt[salt] = file_key
                    self._passphrase_of_salt[salt] = passphrase
                return file_key
        return None

    def passphrase_of(self, salt: bytes) -> Passphrase | None:
        """The passphrase that opened the file with `salt` (to remember it, or to key a copy anew)."""
        return self._passphrase_of_salt.get(salt)

    def learn(self, file_key: FileKey, passphrase: Passphrase) -> None:
        """A key made here (a file encrypted or rekeyed by this process)."""
        with self._lock:
            self._by_salt[file_key.salt] = file_key
            self._passphrase_of_salt[file_key.salt] = passphrase
            if passphrase not in self._passphrases:
                self._passphrases.insert(0, passphrase)


KEYCHAIN = Keychain()


class KeyNeeded(Exception):
    """The file is encrypted (or random bytes) and no passphrase this process knows opens it."""

    def __init__(self, path: Path, tried: bool) -> None:
        self.path = path
        self.tried = tried  # some passphrase was tried and did not open it
        super().__init__(f"{path} is encrypted and needs its passphrase")


def file_key(path: Path) -> FileKey | None:
    """The key of the file at `path`: None for a plain (or missing, or foreign) file with no pending encrypted
    creation; raises KeyNeeded for an encrypted file no known passphrase opens."""
    salt = read_salt(path)
    if salt is None:
        try:
            empty = path.stat().st_size == 0
        except OSError:
            empty = True
        return KEYCHAIN.new_key(path) if empty else None
    found = KEYCHAIN.key_for_salt(salt, path)
    if found is None:
        raise KeyNeeded(path, KEYCHAIN.known)
    return found


def opens(path: Path, key: FileKey) -> bool:
    """True when `key` decrypts the first page of the file at `path` (read-only: the file is left as it was)."""
    try:
        connection = connect(path, key=key, options="mode=ro&immutable=1")
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return True
        finally:
            connection.close()
    except Error:
        return False


_AUTO: Any = object()


def connect(
    path: Path,
    *,
    key: FileKey | None = _AUTO,
    options: str = "",
    timeout: float = 5.0,
    any_thread: bool = False,
    cache_kib: int | None = None,
) -> Connection:
    """A connection to the SQLite file `path` (URI `options` such as "mode=ro"): the standard driver for a plain
    file, SQLCipher keyed with `key` (default: file_key(path)) for an encrypted one. Raises KeyNeeded."""
    if key is _AUTO:
        key = file_key(path)
    target = f"file:{quote(str(path))}?{options}" if options else str(path)
    same_thread = not any_thread
    if key is None:
        return sqlite3.connect(target, uri=bool(options), timeout=timeout, check_same_thread=same_thread)
    connection: Any = sqlcipher.connect(target, uri=bool(options), timeout=timeout, check_same_thread=same_thread)
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our message, not lines on stderr
        connection.execute(f"PRAGMA key = {key.pragma()}")
        if cache_kib is not None:
            connection.execute(f"PRAGMA cache_size = -{int(cache_kib)}")
    except BaseException:
        connection.close()
        raise
    return connection  # type: ignore[no-any-return]


def is_encrypted_connection(connection: object) -> bool:
    return isinstance(connection, sqlcipher.Connection)


def driver_module() -> Any:
    """The DB-API module of encrypted connections (SQLAlchemy wraps its exceptions)."""
    return sqlcipher


def _normal(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()
