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

LAYERS = ("unit", "build", "site", "browser")


def pytest_addoption(parser):
    parser.addoption("--fresh", action="store_true",
                     help="run axe-core on every page again, even where .cache/axe/ holds a clean result for the same content")


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
