"""Speed figures for the README: `make bench`. Wall times are medians of a few runs, in seconds,
and are also given as ratios to `python -c "import torch"` on the same machine; page weights in bytes."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from autograd_docs.examples import ROOT

ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")


def wall(cmd: list[str], runs: int = 3, env: dict[str, str] | None = None) -> float:
    """Median wall time of a command run from the repo root; a failing command is an error, not a figure."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, env={**ENV, **(env or {})}, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def torch_import_seconds() -> float:
    return wall([sys.executable, "-c", "import torch"], runs=5)


def doctest_seconds() -> float:
    """Every python block of every page in both languages, in one pytest process."""
    return wall([sys.executable, "-m", "pytest", "docs", "-q", "-p", "no:cacheprovider"])


def build_seconds() -> float:
    with tempfile.TemporaryDirectory() as site:
        return wall([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", site])


# The build process imports torch only to draw pictures, so the import is part of their cost.
GRAPH_RUN = """
import time
start, cpu = time.perf_counter(), time.process_time()
import torch
imported = time.perf_counter()
from autograd_docs import graphs
figures = sum(len(f) for f in graphs.render_all().values())
print(time.perf_counter() - start, imported - start, time.process_time() - cpu, figures)
"""


def graph_seconds(runs: int = 3) -> dict[str, float]:
    """Medians, in a fresh process, for drawing every marker of every page in both languages as the build does:
    wall seconds (torch import included), of which importing torch, CPU seconds (steadier on a busy machine)."""
    results = []
    for _ in range(runs):
        proc = subprocess.run([sys.executable, "-c", GRAPH_RUN], cwd=ROOT, env=ENV, check=True, capture_output=True, text=True)
        results.append([float(v) for v in proc.stdout.split()])
    keys = ("seconds", "import_torch", "cpu_seconds", "figures")
    return {k: statistics.median(r[i] for r in results) for i, k in enumerate(keys)}


def notebook_seconds(runs: int = 3) -> float:
    """The build from a cold notebook cache, so every exercise notebook runs again (the real cache is left alone)."""
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as site:
            cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", site]
            times.append(wall(cmd, runs=1, env={"AUTOGRAD_DOCS_NOTEBOOK_CACHE": cache}))
    return statistics.median(times)


def test_wall_seconds() -> float:
    """The whole `make test` (what CI runs), warm: installed, torch already in the page cache. One run."""
    return wall(["make", f"VENV={sys.prefix}", "test"], runs=1)


def page_transfer_bytes() -> dict[str, int]:
    """What a first visit to the heaviest chapter page of each language loads (page, CSS, JS, search
    index, images), in bytes, uncompressed, fonts excluded; measured in Chromium on the built site."""
    from playwright.sync_api import sync_playwright

    from autograd_docs import site_checks
    from autograd_docs.browser import INSTALL_HINT, chromium_path, page_transfer, page_url_path
    from autograd_docs.examples import DOCS
    from autograd_docs.site_server import build_and_serve

    if chromium_path() is None:
        raise SystemExit(f"page weight needs Chromium: {INSTALL_HINT}")
    sizes = {}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        server, site = build_and_serve(Path(tmp))
        browser = pw.chromium.launch(executable_path=chromium_path())
        try:
            for lang, pages in site_checks.language_pages(DOCS).items():
                chapters = [page_url_path(lang, rel) for rel in pages if rel != "index.md"] or [page_url_path(lang, "index.md")]
                heaviest = max(chapters, key=lambda path: (site.path / path / "index.html").stat().st_size)
                sizes[heaviest] = page_transfer(browser, site.path, site.url, site.url + heaviest).total
        finally:
            browser.close()
            server.stop()
    return sizes


def main() -> None:
    base = torch_import_seconds()
    print(f"python -c 'import torch'        {base:6.2f} s   1.00x")
    for label, seconds, target in (
        ("doctest, all pages, 2 languages", doctest_seconds(), "target <= 3x"),
        ("make build (strict)", build_seconds(), "target < 10 s"),
        ("make build, cold notebook cache", notebook_seconds(), "target < 30 s"),
    ):
        print(f"{label:32} {seconds:6.2f} s  {seconds / base:5.2f}x   ({target})")
    g = graph_seconds()
    print(f"graph pictures: {g['figures']:.0f} drawn in {g['seconds']:.2f} s wall, {g['cpu_seconds']:.2f} s CPU "
          f"(import torch {g['import_torch']:.2f} s, drawing {g['seconds'] - g['import_torch']:.2f} s)   (target: <= 2 s added to the build)")
    for page, size in page_transfer_bytes().items():
        print(f"{'page weight, /' + page:32} {size / 1000:6.0f} kB           (target < 500 kB, fonts excluded)")
    seconds = test_wall_seconds()
    print(f"{'make test (warm)':32} {seconds:6.2f} s  {seconds / base:5.2f}x")


if __name__ == "__main__":
    main()
