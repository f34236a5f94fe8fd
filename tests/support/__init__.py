"""Helpers shared by the tests: serve a built site, drive Chromium, audit third-party loads, build tiny sites."""
