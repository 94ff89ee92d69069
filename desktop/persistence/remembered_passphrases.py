"""Passphrases the user asked to remember, in the OS keyring only (never a file), one per encrypted file's salt."""

from __future__ import annotations

import logging

from desktop.persistence.cipher import Passphrase

KEYRING_SERVICE = "Incident Logger database passphrase"
log = logging.getLogger(__name__)


def account(salt: bytes) -> str:
    """The keyring entry of the files with `salt`: the database and its backups share it; a rekeyed file has
    another salt, so an old passphrase is never offered for it."""
    return f"sqlcipher-salt-{salt.hex()}"


def keyring_available() -> bool:
    """True when an OS keyring that keeps secrets works here (a "remember" choice is offered only then)."""
    try:
        import keyring
        from keyring.backends import fail

        return not isinstance(keyring.get_keyring(), fail.Keyring)
    except Exception:  # no keyring package, or a backend that cannot even load
        return False


def recall(salt: bytes) -> Passphrase | None:
    """The remembered passphrase of the file with `salt`, or None (nothing kept, no keyring, or it is locked)."""
    try:
        import keyring

        text = keyring.get_password(KEYRING_SERVICE, account(salt))
    except Exception:  # no keyring on this system, locked, or refused: the passphrase is asked
        return None
    return Passphrase(text) if text else None


def remember(salt: bytes, passphrase: Passphrase) -> bool:
    """Keep the passphrase in the OS keyring; False (and nothing written anywhere) when no keyring takes it."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, account(salt), passphrase.reveal())
        return keyring.get_password(KEYRING_SERVICE, account(salt)) == passphrase.reveal()
    except Exception as error:  # the error's text never holds the secret; its type is enough
        log.info("the keyring did not keep the passphrase (%s)", type(error).__name__)
        return False


def forget(salt: bytes) -> None:
    """Remove a remembered passphrase (after a rekey or decrypt, or when the user unticks "remember")."""
    try:
        import keyring

        keyring.delete_password(KEYRING_SERVICE, account(salt))
    except Exception:  # nothing kept, or no keyring: nothing to forget
        return
