"""Speed figures for the README: `make bench`. Each loop is timed in seconds (median of a few runs) and as a
multiple of `python -c "import torch"` measured in the same run (at its start and at its end), since the machine is
shared and noisy."""

from __future__ import annotations

import argparse
import os
import queue
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from autograd_docs.pages import DOCS, ROOT

ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
ENV.pop("SITE_URL", None)
GOALS = {"doctest": 2.0, "build": 3.0, "serve": 1.5, "test": 45.0}  # issue 13's goals, as multiples of import torch


def wall(cmd: list[str], runs: int = 3, env: dict[str, str] | None = None) -> float:
    """Median wall time of a command run from the repo root; a failing command is an error, not a figure."""
    return statistics.median(samples(cmd, runs, env))


def samples(cmd: list[str], runs: int, env: dict[str, str] | None = None) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, env={**ENV, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        times.append(time.perf_counter() - start)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stderr[-3000:]}")
    return times


def torch_import() -> list[float]:
    """Five timings of `python -c "import torch"`: taken at the start and at the end of a run, so that the figure
    every row is divided by sees the same machine (a shared one: its load changes within minutes)."""
    return samples([sys.executable, "-c", "import torch"], runs=5)


FLOOR = ("import torch; p = torch.nn.Parameter(torch.ones(2)); o = torch.optim.SGD([p], lr=0.1); "
         "p.sum().backward(); o.step()")


def doctest_floor() -> float:
    """What any doctest of these pages pays before its first example: torch, and the torch._dynamo import that
    an optimizer's first step triggers (the pages have used optimizers from the start)."""
    return wall([sys.executable, "-c", FLOOR], runs=5)


def doctest() -> float:
    """Every python block of every page, in both languages, in one pytest process."""
    return wall([sys.executable, "-m", "pytest", "-m", "doctest", "docs", "-q", "-p", "no:cacheprovider"])


def build() -> float:
    """`make build` (both languages, strict), warm: notebooks executed and rendered before."""
    with tempfile.TemporaryDirectory() as site:
        cmd = [sys.executable, "-m", "autograd_docs.build", "--site-dir", site]
        wall(cmd, runs=1)  # warm the caches
        return wall(cmd)


def serve(edits: int = 3, page: Path = DOCS / "en" / "glossary.md") -> float:
    """`make serve`: from saving a prose edit of a page to the end of the rebuild it triggers (median)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "autograd_docs.build", "--serve", "--port", str(port)], cwd=ROOT,
                            env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(l) for l in proc.stderr], daemon=True).start()

    def wait_for(pattern: str, timeout: float = 120) -> float:
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            try:
                line = lines.get(timeout=max(0.01, end - time.perf_counter()))
            except queue.Empty:
                break
            if re.search(pattern, line):
                return time.perf_counter()
            if "build failed" in line:
                raise SystemExit(f"make serve: {line}")
        raise SystemExit(f"make serve: no {pattern!r} within {timeout} s")

    original = page.read_text("utf-8")
    times = []
    try:
        wait_for(r"Serving on")
        time.sleep(1)  # let the watcher settle
        for n in range(edits):
            page.write_text(original + f"\n<!-- bench edit {n} -->\n", "utf-8")
            start = time.perf_counter()
            times.append(wait_for(r"^rebuilt ") - start)
            time.sleep(0.5)
    finally:
        page.write_text(original, "utf-8")
        proc.terminate()
        proc.wait(timeout=30)
    return statistics.median(times)


def make_test() -> float:
    """The whole `make test` (what CI runs), warm: installed, caches filled. One run."""
    return wall(["make", f"VENV={sys.prefix}", "test"], runs=1)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--skip-test", action="store_true", help="leave out `make test` (the slowest row)")
    args = parser.parse_args(argv)
    first = torch_import()
    rows = [("  floor: import torch + one SGD step", doctest_floor(), None)]
    rows.append(("doctest, every page, both languages", doctest(), GOALS["doctest"]))
    rows.append(("make build (strict, warm)", build(), GOALS["build"]))
    rows.append(("make serve: prose edit -> rebuilt", serve(), GOALS["serve"]))
    if not args.skip_test:
        rows.append(("make test (warm)", make_test(), GOALS["test"]))
    last = torch_import()
    base = statistics.median(first + last)
    print(f"import torch: median {base:.2f} s of 10 runs (start {statistics.median(first):.2f} s, "
          f"end {statistics.median(last):.2f} s)")
    rows.insert(0, ("python -c 'import torch'", base, None))
    print(f"{'loop':40} {'seconds':>8} {'x torch':>8}  goal")
    for label, seconds, goal in rows:
        print(f"{label:40} {seconds:8.2f} {seconds / base:7.2f}x  {f'<= {goal}x' if goal else ''}")


if __name__ == "__main__":
    main()
