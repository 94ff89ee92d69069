"""What the dashboard shares: the count axis scale, label shortening and wrapping, number words."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence

from desktop.domain import figure_text


def count_scale(maximum: float, ticks: int = 5) -> tuple[int, int]:
    """(top, step) of a whole-number axis from 0 showing `maximum` with some headroom, in at most ticks + 1
    intervals of 1, 2, 2.5 or 5 times a power of ten."""
    target = max(maximum * 1.05, 1.0)
    magnitude = 10 ** max(0, math.floor(math.log10(target / max(ticks, 1))))
    for multiple in (1, 2, 2.5, 5, 10, 20, 25, 50):
        step = multiple * magnitude
        if step == int(step) and math.ceil(target / step) <= ticks + 1:
            return int(step) * math.ceil(target / step), int(step)
    return int(100 * magnitude) * math.ceil(target / (100 * magnitude)), int(100 * magnitude)


def short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def wrapped(text: str, width: int) -> str:
    """`text` whole, broken between words onto lines ("\\n") of at most `width` characters (a longer word keeps a
    line of its own)."""
    return "\n".join(textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [text])


def unique_labels(labels: Sequence[str]) -> list[str]:
    """Category axes need distinct labels: repeat names get " (2)", " (3)"."""
    seen: dict[str, int] = {}
    result = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        result.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return result


def count_text(n: int) -> str:
    return f"{n:,}"


def usd_text(amount: int) -> str:
    """A known amount in dollars, worded as everywhere else (desktop.domain.figure_text.usd)."""
    return figure_text.usd(amount)
