"""Test layers, by folder; each is a marker, so `pytest -m unit` gives feedback in seconds:

- `unit/`: the machinery, in process, no build;
- `build/`: tiny sites built from bad input (each error names file and line);
- `site/`: checks of the real built site (one build per session, shared);
- `browser/`: the built site in Chromium.
The doctest of every page (`-m doctest`) is collected from docs/ by autograd_docs.harness.pytest_plugin.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.site_server import Site, build_and_serve
from support.visits import ANALYSES

LAYERS = ("unit", "build", "site", "browser")


def pytest_addoption(parser):
    parser.addoption("--fresh", action="store_true",
                     help="analyse every page again (axe-core, dark scheme), even where .cache/browser/ keeps a clean "
                          "result for the same content")


def pytest_configure(config):
    for layer in LAYERS:
        config.addinivalue_line("markers", f"{layer}: tests in tests/{layer}/")


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        try:
            layer = Path(item.fspath).relative_to(here).parts[0]
        except ValueError:
            continue
        if layer in LAYERS:
            item.add_marker(getattr(pytest.mark, layer))


def work_unit(nodeid: str) -> str:
    """What one pytest-xdist worker runs as a whole: a test module (so the tour, whose checks are all in
    tests/browser/test_every_page.py, runs once), and the doctest of all pages (torch imported once). A worker
    builds and serves the site once, for whichever site and browser modules it gets."""
    if nodeid.startswith("docs/"):
        return "doctest"
    return nodeid.split("::", 1)[0]


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """`make test` (pytest -n 2 --dist loadscope): xdist's load-by-scope scheduling, with the scopes of work_unit().
    (xdist's own --dist loadgroup renames node ids, which pytest 9 no longer allows.)"""
    if config.getvalue("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class ByWorkUnit(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

    return ByWorkUnit(config, log)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):  # pytest-xdist: a worker finished and sent its figures
    figures = getattr(node, "workeroutput", {}).get("analyses")
    if figures:
        ANALYSES.add(*figures)


def pytest_terminal_summary(terminalreporter):
    if ANALYSES.sessions:
        terminalreporter.write_line(
            f"browser tour: {ANALYSES.ran} page analyses ran (axe-core, dark scheme), {ANALYSES.reused} were "
            f"unchanged since a clean run and read from .cache/browser/ (`pytest --fresh` runs them all)")


@pytest.fixture(scope="session")
def served_site(tmp_path_factory) -> Site:
    """`make build` of the real site, with the address it is served at as site_url (the language switcher
    and canonical links carry it), served until the session ends."""
    server, site = build_and_serve(tmp_path_factory.mktemp("site"))
    yield site
    server.stop()


@pytest.fixture(scope="session")
def built_site(served_site) -> Path:
    return served_site.path
