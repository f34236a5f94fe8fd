"""Drive the served site in a real browser: find Debian's Chromium, and measure what a page loads.

Shared by the browser tests and `make bench`. Playwright cannot download its own browsers on
this machine kind, so it launches the system Chromium (`apt-get install chromium fonts-noto-cjk`).
"""

from __future__ import annotations

import contextlib
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from autograd_docs import pages
from support.visits import Problems, watch

INSTALL_HINT = "apt-get install -y chromium fonts-noto-cjk"


@contextlib.contextmanager
def watched_page(browser, site, **context_args):
    """A page in a fresh context; on leaving (the test's end,
    or the session's for a shared page), no request went to another host and no script failed."""
    context = browser.new_context(**context_args)
    context.set_default_timeout(10_000)
    page = context.new_page()
    problems = Problems()
    watch(page, site.url, lambda: problems)
    yield page, problems
    context.close()
    assert problems.foreign_requests == [] and problems.console_errors == [], problems


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def built_pages(site_dir: Path) -> list[tuple[str, str]]:
    """(language, URL path under the language's root) of every page of a built site, whatever its
    source (Markdown, notebook): each language, then by path."""
    found = []
    for html in site_dir.rglob("index.html"):
        rel = html.parent.relative_to(site_dir).as_posix()
        path = "" if rel == "." else rel + "/"
        lang = next((l for l in pages.LANGUAGES[1:] if path.startswith(l.root)), pages.DEFAULT)
        found.append((lang.code, path[len(lang.root):]))
    return sorted(found, key=lambda page: (pages.LANGS.index(page[0]), page[1]))


def served_file(site_dir: Path, site_url: str, url: str) -> Path | None:
    """The file under site_dir that the local server answers `url` with, or None for another host."""
    if not url.startswith(site_url):
        return None
    path = unquote(urlsplit(url).path)[len(urlsplit(site_url).path):]
    target = site_dir / path
    return target / "index.html" if path == "" or path.endswith("/") else target


@dataclass
class Transfer:
    total: int  # bytes, uncompressed, fonts excluded
    files: dict[str, int]  # url -> bytes
    fonts: int  # bytes of fonts, left out of the total


def page_transfer(browser, site_dir: Path, site_url: str, url: str) -> Transfer:
    """Everything a first visit to `url` loads (fresh context: no cache), until the network is idle.

    Sizes are those of the served files (the local server does not compress), so the total is
    what a reader downloads uncompressed; a host that gzips sends less.
    """
    context = browser.new_context()
    requested: dict[str, str] = {}
    context.on("request", lambda request: requested.setdefault(request.url, request.resource_type))
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
    finally:
        context.close()
    files: dict[str, int] = {}
    fonts = 0
    for request_url, kind in requested.items():
        path = served_file(site_dir, site_url, request_url)
        if path is None or not path.is_file():
            continue
        size = path.stat().st_size
        if kind == "font" or path.suffix in {".woff", ".woff2", ".ttf", ".otf"}:
            fonts += size
        else:
            files[request_url] = size
    return Transfer(sum(files.values()), files, fonts)


def search(page, word: str) -> list[dict]:
    """Type into the header search box as a reader does; the results in order: page link and the text shown.
    Cleared first, so that the wait cannot be satisfied by the results of a previous search."""
    page.fill("input.md-search__input", "")
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", state="detached")
    page.fill("input.md-search__input", word)
    page.keyboard.press("End")  # fill() alone does not always start the search
    page.wait_for_function(
        """() => {
          const t = JSON.parse(document.getElementById("__config").textContent).translations;
          const meta = document.querySelector(".md-search-result__meta");
          return document.querySelector(".md-search-result__item")
            || (meta && meta.textContent.trim() === t["search.result.none"]);
        }"""
    )
    return page.eval_on_selector_all(
        ".md-search-result__item",
        """items => items.map(item => ({
             href: item.querySelector("a.md-search-result__link").href.split("#")[0].split("?")[0],
             text: item.innerText}))""",
    )


def nav_pages(top_level_only: bool = False) -> list[str]:
    """Markdown pages of mkdocs.yml's navigation, in order, the home page left out."""
    from mkdocs.utils.yaml import yaml_load

    with open(pages.ROOT / "mkdocs.yml", encoding="utf-8") as f:
        nav = yaml_load(f)["nav"]

    def walk(items):
        for item in items:
            target = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(target, list):
                if not top_level_only:
                    yield from walk(target)
            elif target.endswith(".md") and target != "index.md":
                yield target

    return list(walk(nav))
