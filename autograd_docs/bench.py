"""Speed figures: `make bench`. Here: what drawing the graph pictures adds to `make build`."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys

from autograd_docs.examples import ROOT

ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")

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


def main() -> None:
    r = graph_seconds()
    print(f"graph pictures: {r['figures']:.0f} figures drawn in {r['seconds']:.2f} s wall, {r['cpu_seconds']:.2f} s CPU "
          f"(import torch {r['import_torch']:.2f} s, drawing {r['seconds'] - r['import_torch']:.2f} s)"
          "   (target: at most 2 s added to make build)")


if __name__ == "__main__":
    main()
