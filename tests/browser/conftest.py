"""What every browser test shares: Debian's Chromium (Playwright cannot download its own here) and the served site."""

from __future__ import annotations

import os

import pytest

from support.browser import INSTALL_HINT, built_pages, chromium_path


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    executable = chromium_path()
    if executable is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but Chromium is not installed: {INSTALL_HINT} (.ci/run does it as root)")
        pytest.skip(f"no Chromium on this machine ({INSTALL_HINT}); under CI=true these tests fail instead")
    return {**browser_type_launch_args, "executable_path": executable}


@pytest.fixture(scope="session")
def site(served_site):
    return served_site


@pytest.fixture(scope="session")
def built(site) -> list[tuple[str, str]]:
    """(language, path under its root) of every page built, Markdown or notebook."""
    return built_pages(site.path)
