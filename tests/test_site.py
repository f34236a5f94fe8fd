"""The site builds strictly, says which PyTorch it was verified with, and every bad input stops the build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import torch

from autograd_docs import examples as ex
from autograd_docs import site_checks
from autograd_docs.browser import page_url_path
from conftest import mkdocs_build  # the built_site fixture lives in conftest.py too

ROOT = ex.ROOT


def test_installed_torch_is_the_recorded_one():
    recorded = ex.recorded_version()
    assert recorded == torch.__version__, (
        f"{ex.display(ex.VERSION_FILE)} says outputs were recorded with torch {recorded}, but torch "
        f"{torch.__version__} is installed: install the pinned torch, or re-record with `make outputs`"
    )


def test_page_sources_pass_the_build_checks():
    assert site_checks.check_all() == []


def test_every_snippet_is_shown_and_every_output_has_its_code():
    shown = {p for page in ex.pages() for f in ex.read_fences(page) for _, p in f.includes}
    for py in sorted(ex.SNIPPETS.rglob("*.py")):
        rel = py.relative_to(ex.SNIPPETS).as_posix()
        assert rel in shown, f"{ex.display(py)}:1: no page includes this snippet"
    for out in sorted(ex.SNIPPETS.rglob("*.out")):
        assert out.with_suffix(".py").exists(), f"{ex.display(out)}:1: recorded output without its snippet"


def test_every_page_states_the_verified_torch_version(built_site):
    for html in built_site.rglob("*.html"):
        text = html.read_text("utf-8")
        assert "{{ torch_version }}" not in text, html
    for index in (built_site / "index.html", built_site / "zh" / "index.html"):
        assert ex.recorded_version() in index.read_text("utf-8")


def test_no_python_block_is_left_out_of_the_doctest(built_site):
    """Each page's rendered python blocks are exactly the blocks the doctest collects from its source."""
    for lang in ex.LANGUAGES:
        for rel, src in site_checks.language_pages(ex.DOCS)[lang].items():
            out = built_site / page_url_path(lang, rel) / "index.html"
            rendered = len(re.findall(r'<div class="language-python highlight"', out.read_text("utf-8")))
            collected = len(ex.read_examples(src))
            assert rendered == collected, f"{ex.display(src)}: {rendered} python blocks on the page, {collected} collected"


# --- bad input stops the build, naming file and line -------------------------------------------


def tiny_site(tmp_path: Path, pages: dict[str, str], nav: str = "  - Home: index.md\n") -> Path:
    """A copy of the real configuration over a small docs tree; returns the config file."""
    docs = tmp_path / "docs"
    for rel, text in pages.items():
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(text, "utf-8")
    (docs / "assets").mkdir(exist_ok=True)
    for asset in ("site.css", "graphs.css", "solutions.js", "lazy-search.js"):
        (docs / "assets" / asset).write_text("")
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    config = config.replace("docs_dir: docs", f"docs_dir: {docs}")
    config = config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    config = config.replace("- autograd_docs/", f"- {ROOT / 'autograd_docs'}/")  # every hook
    config = re.sub(r"(?m)^nav:\n(?:  .*\n)+", lambda m: "nav:\n" + nav, config)
    path = tmp_path / "mkdocs.yml"
    path.write_text(config, "utf-8")
    return path


GOOD = {
    "en/index.md": "# Home\n\n## Part { #part }\n\nSee [part](#part).\n",
    "zh/index.md": "# 首页\n\n## 部分 { #part }\n\n见[部分](#part)。\n",
}


def build_tiny(tmp_path, **changes) -> str:
    pages = dict(GOOD, **{k.replace("__", "/").replace("_md", ".md"): v for k, v in changes.items()})
    proc = mkdocs_build(tiny_site(tmp_path, pages), tmp_path / "site")
    return "" if proc.returncode == 0 else proc.stdout + proc.stderr


def test_tiny_site_builds(tmp_path):
    assert build_tiny(tmp_path) == ""


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"en__index_md": GOOD["en/index.md"] + '\n```python\n--8<-- "nope/missing.py"\n```\n',
          "zh__index_md": GOOD["zh/index.md"] + '\n```python\n--8<-- "nope/missing.py"\n```\n'},
         "en/index.md:8: include not found: snippets/nope/missing.py"),
        ({"en__extra_md": "# Extra\n"}, "en/extra.md:1: no translation"),
        ({"zh__index_md": GOOD["zh/index.md"] + "\n[坏链接](missing.md)\n"},
         "zh/index.md:7: broken link: missing.md"),
        ({"zh__index_md": GOOD["zh/index.md"] + "\n[坏锚点](index.md#nowhere)\n"},
         "zh/index.md:7: broken anchor: index.md#nowhere"),
        ({"zh__index_md": GOOD["zh/index.md"].replace("{ #part }", "{ #other }").replace("#part", "#other")},
         "zh/index.md:1: headings (level, id) differ"),
        ({"zh__index_md": GOOD["zh/index.md"].replace(" { #part }", "").replace("(#part)", "(#部分)")},
         "zh/index.md:3: heading has no pinned id"),
        ({"en__index_md": GOOD["en/index.md"] + "\n$$\n\\begin{aligned} a &= b \\end{aligned}\n$$\n"},
         "en/index.md:8: cannot convert formula to MathML (unsupported environment"),
    ],
    ids=["wrong-include", "missing-translation", "broken-link", "broken-anchor", "drifted-heading-ids", "unpinned-id", "bad-formula"],
)
def test_bad_input_fails_the_build_naming_file_and_line(tmp_path, changes, message):
    out = build_tiny(tmp_path, **changes)
    assert out, "the build passed"
    assert message in out, out


def test_wrapped_chinese_lines_are_joined():
    from autograd_docs.cjk_hooks import join_lines

    src = "第一行\n第二行。\n`code` 后\n- 列表\n  续行\n见\n[计算图](a.md)\n\n```python\n中文\n中文\n```\n"
    assert join_lines(src) == "第一行第二行。`code` 后\n- 列表续行见[计算图](a.md)\n\n```python\n中文\n中文\n```\n"


def test_no_line_break_between_chinese_characters_in_built_pages(built_site):
    """A line break between two Chinese characters renders as a stray space in Chromium."""
    cjk = "\u4e00-\u9fff\u3000-\u303f\uff00-\uffef"
    for html in sorted((built_site / "zh").rglob("*.html")):
        for para in re.findall(r"<p>(.*?)</p>", html.read_text("utf-8"), re.S):
            m = re.search(f"[{cjk}]\\n[{cjk}]", para)
            assert m is None, f"{html}: line break inside Chinese text: {para[max(0, m.start() - 20):m.end() + 20]!r}"
