"""Shared test setup: the site is built once per session and served on a free loopback port."""

from __future__ import annotations

from pathlib import Path

import pytest

# Import torch before any pytester run: pytester restores sys.modules after an in-process run,
# which would drop a torch first imported inside it, and torch cannot be imported twice (segfault).
import torch  # noqa: F401

from autograd_docs.site_server import Site, build_and_serve


@pytest.fixture(scope="session")
def served_site(tmp_path_factory) -> Site:
    """The strict build of the real site, with its served address as site_url, served until the session ends."""
    server, site = build_and_serve(tmp_path_factory.mktemp("site"))
    yield site
    server.stop()


@pytest.fixture(scope="session")
def built_site(served_site) -> Path:
    return served_site.path
