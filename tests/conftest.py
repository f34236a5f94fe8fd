"""Shared test setup: torch imported first, and one strict build of the real site for every test that reads it,
served on a free loopback port for the browser tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# Import torch before any pytester run: pytester restores sys.modules after an in-process run,
# which would drop a torch first imported inside it, and torch cannot be imported twice (segfault).
import torch  # noqa: F401

from autograd_docs.site_server import Site, build_and_serve

ROOT = Path(__file__).resolve().parent.parent


def mkdocs_build(config: Path, site_dir: Path, **env) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **env)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )


@pytest.fixture(scope="session")
def served_site(tmp_path_factory) -> Site:
    """The strict build, with the address it is served at as site_url (the language switcher and
    canonical links carry it), served until the session ends."""
    server, site = build_and_serve(tmp_path_factory.mktemp("site"))
    yield site
    server.stop()


@pytest.fixture(scope="session")
def built_site(served_site) -> Path:
    return served_site.path
