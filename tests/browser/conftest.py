"""What every browser test shares: Debian's Chromium (Playwright cannot download its own here), the served
site, and the tour: one visit of every built page in each colour scheme (support/visits.py), which the
checks of test_every_page.py read."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest

from autograd_docs import pages
from support.browser import INSTALL_HINT, built_pages, chromium_path, nav_pages, watched_page
from support.visits import ANALYSES, DESKTOP, OFFLINE, PageVisit, RenderCache, page_visitor, visit_all

ARTIFACTS = pages.ROOT / "test-artifacts"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    executable = chromium_path()
    if executable is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but Chromium is not installed: {INSTALL_HINT} (.ci/run does it as root)")
        pytest.skip(f"no Chromium on this machine ({INSTALL_HINT}); under CI=true these tests fail instead")
    return {**browser_type_launch_args, "executable_path": executable,
            "args": [*browser_type_launch_args.get("args", []), OFFLINE]}


@pytest.fixture(scope="session")
def site(served_site):
    return served_site


@pytest.fixture(scope="session")
def built(site) -> list[tuple[str, str]]:
    """(language, path under its root) of every page built, Markdown or notebook."""
    return built_pages(site.path)


def screenshots(site) -> dict[str, Path]:
    """The pages screenshot for people to look at (test-artifacts/): each language's home page and first chapter."""
    ARTIFACTS.mkdir(exist_ok=True)
    chapter = nav_pages()[0]
    shots = {}
    for lang in pages.LANGS:
        shots[site.url + pages.url_of("index.md", lang)] = ARTIFACTS / f"{lang}-home.png"
        shots[site.url + pages.url_of(chapter, lang)] = ARTIFACTS / f"{lang}-{Path(chapter).stem}.png"
    return shots


@pytest.fixture(scope="session")
def visits(browser, browser_type_launch_args, site, built, request) -> dict[tuple[str, str], PageVisit | str]:
    """{(language, path): PageVisit} of every built page, or the traceback of a visit that failed."""
    fresh = request.config.getoption("fresh") or os.environ.get("CI") == "true"
    cache = RenderCache(site.path, site.url, browser.version, fresh)
    # Four full-page screenshots cost the tour about 5 CPU-seconds: taken where someone looks at them.
    wanted = request.config.getoption("screenshots") or os.environ.get("CI") == "true"
    contexts, on_page, visit = page_visitor(site, cache, screenshots(site) if wanted else {})
    try:
        return visit_all(browser_type_launch_args, built, visit, contexts, on_page)
    finally:
        workeroutput = getattr(request.config, "workeroutput", None)  # in a pytest-xdist worker
        if workeroutput is not None:
            workeroutput["analyses"] = (cache.ran, cache.reused)
        else:
            ANALYSES.add(cache.ran, cache.reused)


@pytest.fixture(scope="session")
def tour(visits, built) -> list[PageVisit]:
    """The visit of every built page, in the order of `built`; a visit that failed fails here, with its traceback."""
    failed = {key: value for key, value in visits.items() if isinstance(value, str)}
    assert failed == {}, "\n".join(f"/{pages.BY_CODE[lang].root}{path}:\n{tb}" for (lang, path), tb in failed.items())
    assert sorted(visits) == sorted(built)
    return [visits[key] for key in built]


@pytest.fixture(scope="session")
def search_page(browser, site):
    """search_page(lang): one page of that language (its first chapter) shared by the tests that search. The browser
    builds a language's search index the first time a page searches (about a CPU-second); support.browser.search
    clears the box before each query. Watched until the session ends (support.browser.watched_page)."""
    opened = {}
    with contextlib.ExitStack() as pages_open:

        def get(lang: str):
            if lang not in opened:
                page, _ = pages_open.enter_context(watched_page(browser, site, viewport=DESKTOP))
                page.goto(site.url + pages.url_of(nav_pages()[0], lang))
                opened[lang] = page
            return opened[lang]

        yield get
