"""Helpers shared by the tests: serve a built site, drive Chromium, audit third-party loads, build tiny sites."""

import pytest

COLLECTED = pytest.StashKey[list]()  # the node id of every test collected, before any deselection (tests/conftest.py)
