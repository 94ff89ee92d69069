"""The user guide's Markdown pages (desktop/resources/guide), read from the installed package, and their headings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable

PAGES = ("index.md", "records.md", "data.md", "menus.md")
# The section F1 opens for each tab of the window (its key), as (page, heading).
TAB_SECTIONS: dict[str, tuple[str, str]] = {
    "incidents": ("records.md", "Incidents"),
    "facilities": ("records.md", "Facilities"),
    "plan_items": ("records.md", "Plan items"),
    "directives": ("records.md", "Directives"),
    "dashboard": ("index.md", "The tabs"),
}
START = ("index.md", "")
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")


@dataclass(frozen=True, slots=True)
class Heading:
    """One heading of a page: its level (1 for "#") and text."""

    level: int
    text: str

    @property
    def slug(self) -> str:
        """The heading as a link fragment names it ("CSV import" → "csv-import")."""
        return slug(self.text)


@dataclass(frozen=True, slots=True)
class Page:
    """One Markdown file of the guide."""

    name: str
    markdown: str
    headings: tuple[Heading, ...]

    @property
    def title(self) -> str:
        return next((h.text for h in self.headings if h.level == 1), self.name)


def slug(text: str) -> str:
    """Lower case, words joined by "-", other characters dropped (GitHub's anchors, near enough)."""
    return "-".join(re.sub(r"[^\w\s-]", "", text.lower()).split())


def guide_dir() -> Traversable:
    """Where the guide's pages are in the installed package."""
    return files("desktop").joinpath("resources", "guide")


def headings(markdown: str) -> tuple[Heading, ...]:
    """The ATX headings of `markdown`, outside fenced code blocks."""
    found, fenced = [], False
    for line in markdown.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
        elif not fenced and (match := _HEADING.match(line)):
            found.append(Heading(len(match.group(1)), match.group(2)))
    return tuple(found)


def read_pages() -> list[Page]:
    """Every page of the guide, in reading order."""
    folder = guide_dir()
    pages = []
    for name in PAGES:
        text = folder.joinpath(name).read_text(encoding="utf-8")
        pages.append(Page(name, text, headings(text)))
    return pages
