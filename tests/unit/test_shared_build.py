"""The test processes of `make test` share one build of the site (support.site_server.build_once): the first
that needs it builds, the others find it built, or find the first one's error."""

from __future__ import annotations

import multiprocessing
import time

import pytest

from support import site_server
from support.site_server import Site


def counting_build(site: Site) -> None:
    with open(site.path.parent / "builds", "a") as log:
        log.write("built\n")
    time.sleep(0.2)  # a build takes a while: without the lock, the other processes would start theirs


def test_processes_that_need_the_site_build_it_once(tmp_path, monkeypatch):
    monkeypatch.setattr(site_server, "build_served", counting_build)
    site = Site(tmp_path / "site", "http://127.0.0.1:1/")
    context = multiprocessing.get_context("fork")  # the children inherit the patched build
    workers = [context.Process(target=site_server.build_once, args=(site,)) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=30)
    assert [w.exitcode for w in workers] == [0] * 4
    assert (tmp_path / "builds").read_text() == "built\n"


def test_a_failed_build_is_reported_to_every_process_and_not_retried(tmp_path, monkeypatch):
    def failing_build(site: Site) -> None:
        counting_build(site)
        raise RuntimeError("mkdocs build failed:\ndocs/en/index.md:3: broken link: nope.md")

    monkeypatch.setattr(site_server, "build_served", failing_build)
    site = Site(tmp_path / "site", "http://127.0.0.1:1/")
    with pytest.raises(RuntimeError, match="^mkdocs build failed"):
        site_server.build_once(site)
    with pytest.raises(RuntimeError, match=r"^\(built by another test process\) mkdocs build failed:\n.*broken link"):
        site_server.build_once(site)
    assert (tmp_path / "builds").read_text() == "built\n"
