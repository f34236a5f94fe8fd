"""Test layers, by folder; each is a marker, so `pytest -m unit` gives feedback in seconds:

- `unit/`: the machinery, in process, no build;
- `build/`: tiny sites built from bad input (each error names file and line);
- `site/`: checks of the real built site (one build per session, shared);
- `browser/`: the built site in Chromium.
The doctest of every page (`-m doctest`) is collected from docs/ by autograd_docs.harness.pytest_plugin.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from support import COLLECTED
from support.site_server import Site, SiteServer, build_and_serve, build_once
from support.visits import ANALYSES

LAYERS = ("unit", "build", "site", "browser")
SERVER = pytest.StashKey[SiteServer]()


def pytest_addoption(parser):
    parser.addoption("--fresh", action="store_true",
                     help="analyse every page again (axe-core, dark scheme), even where .cache/browser/ keeps a clean "
                          "result for the same content")
    parser.addoption("--screenshots", action="store_true",
                     help="screenshot each language's home page and first chapter into test-artifacts/ (CI=true always does)")


def pytest_configure(config):
    for layer in LAYERS:
        config.addinivalue_line("markers", f"{layer}: tests in tests/{layer}/")


def pytest_itemcollected(item):
    item.config.stash.setdefault(COLLECTED, []).append(item.nodeid)


# The work units that take longest, longest first: pytest-xdist hands units out in collection order, and a long one
# handed out last would run alone at the end while the other process has nothing left to do.
LONGEST = ("tests/browser/test_every_page.py", "tests/browser/test_accessibility.py", "tests/browser/test_browser.py",
           "tests/site/test_built_site.py", "tests/build/test_bad_input.py", "doctest")


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        try:
            layer = Path(item.fspath).relative_to(here).parts[0]
        except ValueError:
            continue
        if layer in LAYERS:
            item.add_marker(getattr(pytest.mark, layer))
    rank = {unit: n for n, unit in enumerate(LONGEST)}
    items.sort(key=lambda item: rank.get(work_unit(item.nodeid), len(LONGEST)))  # stable: each unit keeps its order


def work_unit(nodeid: str) -> str:
    """What one pytest-xdist worker runs as a whole: a test module (so the tour, whose checks are all in
    tests/browser/test_every_page.py, runs once), and the doctest of all pages (torch imported once). A worker
    needs the site only for the site and browser modules, and one build serves both workers (pytest_configure_node)."""
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

    config.option.loadscopereorder = False  # in collection order (LONGEST first), not by number of tests
    return ByWorkUnit(config, log)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):  # pytest-xdist: a worker finished and sent its figures
    figures = getattr(node, "workeroutput", {}).get("analyses")
    if figures:
        ANALYSES.add(*figures)


def pytest_terminal_summary(terminalreporter):
    if ANALYSES.sessions:
        terminalreporter.write_line(
            f"browser tour: {ANALYSES.ran} page analyses ran (axe-core, dark scheme, layout), {ANALYSES.reused} were "
            f"unchanged since a clean run and read from .cache/browser/ (`pytest --fresh` runs them all)")


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    """pytest-xdist's controller: one server for every test process, of a folder the first process that needs the
    site builds (support.site_server.build_once). Two builds at once would also share, and race on, .cache/."""
    config = node.config
    if SERVER not in config.stash:
        server = config.stash[SERVER] = SiteServer(Path(tempfile.mkdtemp(prefix="autograd-docs-tests-")) / "site")
        config.add_cleanup(lambda: (server.stop(), shutil.rmtree(server.site_dir.parent)))
    server = config.stash[SERVER]
    node.workerinput["site"] = [str(server.site_dir), server.url]


@pytest.fixture(scope="session")
def served_site(request, tmp_path_factory) -> Site:
    """`make build` of the real site, with the address it is served at as site_url (the language switcher
    and canonical links carry it), served until the session ends."""
    shared = getattr(request.config, "workerinput", {}).get("site")
    if shared:
        site = Site(Path(shared[0]), shared[1])
        build_once(site)
        yield site
        return
    server, site = build_and_serve(tmp_path_factory.mktemp("site"))
    yield site
    server.stop()


@pytest.fixture(scope="session")
def built_site(served_site) -> Path:
    return served_site.path
