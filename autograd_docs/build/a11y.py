"""Accessibility repairs, called by build/hooks.py (WCAG 2.1 AA; tests/browser/test_accessibility.py runs axe-core
on every page).

Material and mkdocs-jupyter leave a few things out that a screen reader or a reader of the other language needs;
this fills them in at build time, so they hold without JavaScript too:

- the search dialog gets a name ("Search" / "搜索"), as its input already has;
- a navigation section with an index page (`navigation.indexes`) names its <nav> by an empty <label>: the label
  gets the section's title as its name;
- the empty top-left cell of a table header is a data cell, not a header without text;
- the chapters (the pages under "Chapters" in mkdocs.yml's nav) get Material's per-page search boost, so a reader who
  searches for a term a chapter teaches finds the chapter before the deep dives, misconceptions and glossary that
  mention it (the same for both languages, without front matter, which other tools read as the page's first line);
- on notebook pages, the cell tags (`raises-exception`, `solution`) are shown in the reader's language, and
  the copy buttons of code cells are named in it.
"""

from __future__ import annotations

import html
import re

TEXT = {
    "en": {
        "search": "Search",
        "raises-exception": "This cell raises an error on purpose",
        "solution": "Solution",
        "copy": "Copy to clipboard",
    },
    "zh": {
        "search": "搜索",
        "raises-exception": "这个单元格会报错（有意为之）",
        "solution": "答案",
        "copy": "复制到剪贴板",
    },
}

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
EMPTY_TH = re.compile(r"<th>\s*</th>")
NAV = re.compile(r'<nav class="md-nav" data-md-level="\d+" aria-labelledby="(?P<id>[^"]+)"[^>]*>\s*'
                 r'<label class="md-nav__title" for="[^"]*">(?P<title>.*?)</label>', re.S)
CELL_TAG = re.compile(r'<span class="cell-tag">(?P<tag>[\w-]+)</span>')
CLIPBOARD = re.compile(r'<clipboard-copy ,="" aria-label="Copy to Clipboard"')


CHAPTER_SECTION = "Chapters"  # the nav section whose pages are boosted
CHAPTER_BOOST = 3  # measured: with 3 every term in tests/browser/test_accessibility.py finds its chapter


def chapters(nav) -> list[str]:
    """The pages of the nav's "Chapters" section (read before the hooks translate the section titles)."""
    for item in nav or []:
        if isinstance(item, dict) and CHAPTER_SECTION in item:
            return sorted(next(iter(entry.values())) if isinstance(entry, dict) else entry for entry in item[CHAPTER_SECTION])
    return []


def boost_chapter(page, config) -> None:
    if page.file.src_uri in config["extra"].get("chapters", []):
        search = page.meta.setdefault("search", {})
        if isinstance(search, dict):
            search.setdefault("boost", CHAPTER_BOOST)


def _text(config) -> dict[str, str]:
    return TEXT.get(config["theme"]["language"], TEXT["en"])


def content(html: str) -> str:
    # A header cell with no text is announced as an unnamed column header; the corner cell is data.
    return EMPTY_TH.sub("<td></td>", html)


def _name_empty_nav_labels(output: str) -> str:
    for m in NAV.finditer(output):
        title = " ".join(re.sub(r"<[^>]+>", " ", m["title"]).split())
        label = re.compile(rf'(<label class="md-nav__link[^"]*" for="[^"]*" id="{re.escape(m["id"])}")([^>]*>)(\s*<span class="md-nav__icon md-icon"></span>\s*</label>)')
        # Only a label with no text of its own (the section's title is its index page's link beside it).
        output = label.sub(lambda l: f'{l[1]} aria-label="{html.escape(title)}"{l[2]}{l[3]}', output, count=1)
    return output


def page(output: str, config) -> str:
    t = _text(config)
    output = output.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{t["search"]}">')
    output = _name_empty_nav_labels(output)
    output = CELL_TAG.sub(lambda m: f'<span class="cell-tag" data-tag="{m["tag"]}">{html.escape(t.get(m["tag"], m["tag"]))}</span>', output)
    output = CLIPBOARD.sub(f'<clipboard-copy aria-label="{t["copy"]}"', output)
    return output


def not_found_page(output: str, config) -> str:
    t = _text(config)
    output = output.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{t["search"]}">')
    return _name_empty_nav_labels(output)
