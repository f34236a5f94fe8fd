"""The sources of the real site pass every check the build makes, and say which PyTorch recorded them."""

from __future__ import annotations

import pytest
import torch

from autograd_docs import pages
from autograd_docs.build import checks, cjk
from support import COLLECTED


def test_installed_torch_is_the_recorded_one():
    recorded = pages.recorded_version()
    assert recorded == torch.__version__, (
        f"{pages.display(pages.VERSION_FILE)} says outputs were recorded with torch {recorded}, but torch "
        f"{torch.__version__} is installed: install the pinned torch, or re-record with `make outputs`"
    )


def test_page_sources_pass_the_build_checks():
    assert checks.check_all() == []


def test_every_snippet_is_shown_and_every_output_has_its_code():
    shown = {inc for p in pages.pages() for _, inc in p.includes}
    for py in sorted(pages.SNIPPETS.rglob("*.py")):
        if py.is_relative_to(pages.EXERCISES):
            continue  # notebook sources: the build makes pages of them
        rel = py.relative_to(pages.SNIPPETS).as_posix()
        assert rel in shown, f"{pages.display(py)}:1: no page includes this snippet"
    for out in sorted(pages.SNIPPETS.rglob("*.out")):
        assert out.with_suffix(".py").exists(), f"{pages.display(out)}:1: recorded output without its snippet"


def test_every_page_is_read_once_per_content():
    first = pages.pages()
    assert all(a is b for a, b in zip(first, pages.pages()))


def test_wrapped_chinese_lines_are_joined():
    src = "第一行\n第二行。\n`code` 后\n- 列表\n  续行\n见\n[计算图](a.md)\n\n```python\n中文\n中文\n```\n"
    assert cjk.join_lines(src) == "第一行第二行。`code` 后\n- 列表续行见[计算图](a.md)\n\n```python\n中文\n中文\n```\n"


def test_page_urls():
    assert pages.url_of("index.md", "en") == ""
    assert pages.url_of("deep-dives/hooks.md", "zh") == "zh/deep-dives/hooks/"
    assert pages.url_of("exercises/index.md", "zh") == "zh/exercises/"
    assert pages.url_of("exercises/backward.ipynb", "en") == "exercises/backward/"


def test_every_test_layer_is_collected(request):
    """pytest's default skips folders named `build`: each layer folder must still be collected. A run of the whole
    suite (`make test`: pytest's testpaths) looks at what it collected itself; any other run asks a new pytest."""
    import subprocess
    import sys

    layers = {d.name for d in (pages.ROOT / "tests").iterdir() if d.is_dir() and any(d.glob("test_*.py"))}
    assert layers == {"unit", "build", "site", "browser"}
    if request.config.args_source == pytest.Config.ArgsSource.TESTPATHS:
        nodeids = request.config.stash[COLLECTED]  # before -k or -m deselected any
        shown = "\n".join(nodeids[-40:])
    else:
        proc = subprocess.run([sys.executable, "-m", "pytest", "--co", "-q", "-p", "no:cacheprovider", "tests"],
                              cwd=pages.ROOT, capture_output=True, text=True)
        nodeids, shown = proc.stdout.splitlines(), proc.stdout[-2000:]
    collected = {line.split("/")[1] for line in nodeids if line.startswith("tests/")}
    assert layers <= collected, f"layers not collected: {layers - collected}\n{shown}"


def test_only_one_module_reads_the_tour():
    """`make test` gives each test module to one pytest-xdist worker: were the tour's checks in two modules, two
    workers would each load every page (tests/conftest.py: work_unit)."""
    import ast

    readers = set()
    for module in (pages.ROOT / "tests").rglob("test_*.py"):
        for node in ast.walk(ast.parse(module.read_text("utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_") \
                    and {"tour", "visits"} & {a.arg for a in node.args.args}:
                readers.add(module.relative_to(pages.ROOT).as_posix())
    assert readers == {"tests/browser/test_every_page.py"}
