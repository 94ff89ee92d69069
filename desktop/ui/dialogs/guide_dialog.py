"""Help › User guide: a non-modal window showing the guide's Markdown as Qt renders it, with its contents."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextCursor
from PySide6.QtWidgets import QDialog, QSplitter, QTextBrowser, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from desktop.ui.guide_pages import START, Page, read_pages

Section = tuple[str, str]  # (page name, heading text; "" for the top of the page)
ROLE = Qt.ItemDataRole.UserRole


class GuideDialog(QDialog):
    """The guide's pages and sections on the left, the section shown on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide_dialog")
        self.setWindowTitle(self.tr("User guide — Incident Logger"))
        self.setModal(False)
        self.pages = {page.name: page for page in read_pages()}
        self.contents = QTreeWidget(self)
        self.contents.setObjectName("guide_contents")
        self.contents.setAccessibleName(self.tr("Contents"))
        self.contents.setHeaderHidden(True)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guide_browser")
        self.browser.setAccessibleName(self.tr("User guide"))
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        self._items: dict[Section, QTreeWidgetItem] = {}
        for page in self.pages.values():
            self._add_page(page)
        self.contents.expandToDepth(0)
        self.contents.currentItemChanged.connect(self._item_chosen)
        splitter = QSplitter(self)
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 580])
        QVBoxLayout(self).addWidget(splitter)
        self.resize(860, 600)
        self._page = ""
        self._section: Section = START
        self.show_section(*START)

    def _add_page(self, page: Page) -> None:
        top = QTreeWidgetItem(self.contents, [page.title])
        top.setData(0, ROLE, (page.name, ""))
        self._items[(page.name, "")] = top
        parents = {1: top}
        for heading in page.headings:
            if heading.level == 1:
                continue
            parent = parents.get(heading.level - 1, top)
            item = QTreeWidgetItem(parent, [heading.text])
            item.setData(0, ROLE, (page.name, heading.text))
            self._items.setdefault((page.name, heading.text), item)
            parents[heading.level] = item

    def current_section(self) -> Section:
        """The page and heading shown last."""
        return self._section

    def show_section(self, page: str, heading: str = "") -> None:
        """Show `page` (loading it when another is shown) scrolled to `heading` (the top for "")."""
        if page not in self.pages:
            page, heading = START
        if page != self._page:
            self.browser.setMarkdown(self.pages[page].markdown)
            self._page = page
        self._section = (page, heading)
        self._scroll_to(heading)
        item = self._items.get(self._section)
        if item is not None and self.contents.currentItem() is not item:
            self.contents.blockSignals(True)
            self.contents.setCurrentItem(item)
            self.contents.blockSignals(False)

    def _scroll_to(self, heading: str) -> None:
        document = self.browser.document()
        block = document.begin()
        if heading:
            while block.isValid() and not (block.blockFormat().headingLevel() and block.text() == heading):
                block = block.next()
            block = block if block.isValid() else document.begin()
        self.browser.moveCursor(QTextCursor.MoveOperation.End)  # then back up: the heading ends at the top
        self.browser.setTextCursor(QTextCursor(block))
        self.browser.ensureCursorVisible()
        top = document.documentLayout().blockBoundingRect(block).top()
        self.browser.verticalScrollBar().setValue(int(top))

    def _item_chosen(self, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            page, heading = item.data(0, ROLE)
            self.show_section(page, heading)

    def _follow(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        page = url.path() or self._page
        wanted = url.fragment()
        target = self.pages.get(page)
        heading = next((h.text for h in target.headings if h.slug == wanted), "") if target and wanted else ""
        self.show_section(page, heading)
