"""A passphrase as a value that never shows itself (reprs, logs, tracebacks), and the rule a new one must meet."""

from __future__ import annotations

MIN_PASSPHRASE = 8


class Passphrase:
    """A passphrase kept out of reprs, logs and tracebacks' argument lists: `reveal()` is the only way to read it."""

    __slots__ = ("_text",)

    def __init__(self, text: str) -> None:
        if not text:
            raise ValueError("the passphrase is empty")
        self._text = text

    def reveal(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return "Passphrase(<hidden>)"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Passphrase) and other._text == self._text

    def __hash__(self) -> int:
        return hash(self._text)


def passphrase_problem(text: str) -> str:
    """Why a new passphrase is refused ("" when it is accepted)."""
    if len(text) < MIN_PASSPHRASE:
        return f"a passphrase needs at least {MIN_PASSPHRASE} characters"
    if text != text.strip():
        return "a passphrase may not begin or end with a space (it would be lost when typed again)"
    return ""
