"""Shared test setup: torch imported first, and the real site built once per session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# Import torch before any pytester run: pytester restores sys.modules after an in-process run,
# which would drop a torch first imported inside it, and torch cannot be imported twice (segfault).
import torch  # noqa: F401

from autograd_docs.examples import ROOT


def mkdocs_build(config: Path, site_dir: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("site")
    proc = mkdocs_build(ROOT / "mkdocs.yml", site)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return site
