"""The exercise notebooks: their source checks, the rendered pages and downloads of the real site,
and a wrong solution stopping the build with the notebook's file and line."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import nbformat
import pytest

from autograd_docs import examples as ex
from autograd_docs import notebooks
from conftest import mkdocs_build
from test_site import GOOD, tiny_site

SOURCES = notebooks.sources()
CHAPTERS = ["computation-graph", "leaf-tensors", "backward", "detach-and-grad-modes", "zero-grad-and-accumulation"]


def test_every_chapter_has_its_notebook_in_both_languages():
    assert sorted(p.relative_to(ex.DOCS).as_posix() for p in SOURCES) == sorted(
        f"{lang}/exercises/{chapter}.py" for lang in ex.LANGUAGES for chapter in CHAPTERS
    )


def test_the_notebooks_pass_the_source_checks():
    assert notebooks.check_sources() == []


def test_each_notebook_has_three_to_six_exercises():
    for path in SOURCES:
        headings = [c for c in notebooks.Notebook.read(path).nb.cells if c.cell_type == "markdown" and c.source.startswith("## ")]
        assert 3 <= len(headings) <= 6, f"{ex.display(path)}: {len(headings)} exercises"


# --- the source checks catch each kind of bad notebook, naming file and line -------------------

TINY = """\
# %% [markdown]
# # {title}

# %% [markdown]
# ## 1. {question}

# %%
x = 2

# %%
prediction = None

# %% tags=["solution"] jupyter={{"source_hidden": true}}
prediction = 2  # {solution}

# %%
assert prediction == x, f"PyTorch says {{x}}"
print("Correct:", x)
"""
TINY_EN = TINY.format(title="Tiny", question="What is x?", solution="x is 2")
TINY_ZH = TINY.format(title="小练习", question="x 是多少？", solution="x is 2")


def check_tiny(tmp_path: Path, en: str = TINY_EN, zh: str | None = TINY_ZH) -> list[str]:
    for lang, text in (("en", en), ("zh", zh)):
        if text is not None:
            (tmp_path / lang / "exercises").mkdir(parents=True)
            (tmp_path / lang / "exercises" / "tiny.py").write_text(text, "utf-8")
    return notebooks.check_sources(tmp_path)


def test_a_good_tiny_notebook_passes(tmp_path):
    assert check_tiny(tmp_path) == []


@pytest.mark.parametrize(
    "en, zh, message",
    [
        (TINY_EN, TINY_ZH.replace("x = 2", "x = 3"), "zh/exercises/tiny.py:7: code cell differs from"),
        (TINY_EN, TINY_ZH.replace('# %% tags=["solution"] jupyter={"source_hidden": true}', '# %% tags=["solution"]'),
         "zh/exercises/tiny.py:13: code cell differs from"),
        (TINY_EN, TINY_ZH.replace("# %%\nx = 2", "# %% [markdown]\n# 多余的说明\n\n# %%\nx = 2"),
         "zh/exercises/tiny.py:7: markdown cell where the original has a code cell"),
        (TINY_EN, TINY_ZH + "\n# %% [markdown]\n# 完\n", "zh/exercises/tiny.py:1: 7 cells, but"),
        (TINY_EN.replace("What is x?", "What is $x^2$?"), TINY_ZH, "en/exercises/tiny.py:5: '$' in notebook markdown"),
        (TINY_EN.replace("assert prediction == x", "ok = prediction == x"), None, "en/exercises/tiny.py:4: exercise '## 1. What is x?' has no check"),
        (TINY_EN.replace(' jupyter={"source_hidden": true}', ""), None, "en/exercises/tiny.py:4: the solution of '## 1. What is x?' is not folded"),
        (TINY_EN.replace('tags=["solution"] ', ""), None, "en/exercises/tiny.py:4: exercise '## 1. What is x?' has no code cell tagged 'solution'"),
        (TINY_EN.replace("## 1.", "1."), None, "en/exercises/tiny.py:1: no exercise"),
        (TINY_EN, None, "en/exercises/tiny.py:1: no translation"),
    ],
    ids=["code-differs", "tags-differ", "extra-markdown-cell", "extra-last-cell", "dollar-math", "no-check",
         "solution-not-folded", "no-solution", "no-exercise", "missing-translation"],
)
def test_a_bad_notebook_is_reported_with_file_and_line(tmp_path, en, zh, message):
    if zh is None and "no translation" not in message:
        zh = en  # same-language copy: only the defect under test is reported
    errors = check_tiny(tmp_path, en, zh)
    assert any(message in e for e in errors), errors


# --- the real site: rendered notebooks, downloads, language switcher ----------------------------


def page_of(site: Path, source: Path) -> tuple[str, Path]:
    lang = source.parent.parent.name
    rel = ex.language_root(lang) + f"exercises/{source.stem}/"
    return rel, site / rel / "index.html"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.relative_to(ex.DOCS).as_posix())
def test_the_page_is_the_executed_notebook(built_site, source):
    # (no third-party loads: test_built_site audits every HTML file, notebook pages included)
    rel, page = page_of(built_site, source)
    html = page.read_text("utf-8")
    assert 'class="jp-Notebook' in html and "jp-Cell" in html, f"{page}: not rendered as a notebook"
    assert "# %%" not in html, f"{page}: the raw jupytext source leaked into the page"
    nb = notebooks.Notebook.read(source).nb
    assert html.count("celltag_solution") >= sum("solution" in c.metadata.get("tags", []) for c in nb.cells)
    assert re.search(r'<script src="[^"]*assets/solutions\.js"', html), "solutions.js is not loaded"
    # the table of contents links to headings that exist, numbered the same in both languages
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    toc = re.findall(r'<a href="#([^"]+)" class="md-nav__link"', html)
    assert toc and set(toc) <= ids, f"{page}: TOC links to missing ids {set(toc) - ids}"
    assert sorted(set(toc)) == [f"exercise-{n}" for n in range(1, len(set(toc)) + 1)]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.relative_to(ex.DOCS).as_posix())
def test_the_download_is_this_languages_executed_notebook(built_site, source):
    rel, page = page_of(built_site, source)
    html = page.read_text("utf-8")
    links = re.findall(r'<a href="([^"]+)" download', html)
    assert len(links) == 1, f"{page}: {len(links)} download links"
    href = links[0]
    assert not re.match(r"[a-z]+:|/", href), f"{page}: download link {href} is not relative (breaks under a sub-path)"
    target = page.parent / href
    assert target.is_file(), f"{page}: the download {href} is not in the built site"
    nb = nbformat.read(target, as_version=4)
    nbformat.validate(nb)
    src = notebooks.Notebook.read(source).nb
    assert [c.source for c in nb.cells] == [c.source for c in src.cells], "the download is not this language's notebook"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    for cell in code:
        errors = [o for o in cell.outputs if o.output_type == "error"]
        raises = "raises-exception" in cell.metadata.get("tags", [])
        assert bool(errors) == raises, f"{source.name}: a cell {'tagged raises-exception did not raise' if raises else 'raised'}:\n{cell.source}"
        if notebooks._has_assert(cell.source):  # each check proves its solution and says so
            printed = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
            assert "Correct" in printed, f"{source.name}: check cell printed {printed!r}:\n{cell.source}"
    assert "/work/" not in json.dumps(nb), "the download carries paths of the build machine"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.relative_to(ex.DOCS).as_posix())
def test_the_language_switcher_leads_to_the_same_notebook(built_site, source):
    rel, page = page_of(built_site, source)
    html = page.read_text("utf-8")
    lang = source.parent.parent.name
    for other in ex.LANGUAGES:
        if other == lang:
            continue
        hrefs = re.findall(rf'<a href="([^"]+)" hreflang="{other}"', html)
        assert hrefs, f"{page}: no switcher link to {other}"
        target_url = urljoin("http://site/" + rel, hrefs[0])
        target = built_site / target_url.removeprefix("http://site/") / "index.html"
        _, expected = page_of(built_site, ex.DOCS / other / "exercises" / source.name)
        assert target.resolve() == expected.resolve() and target.is_file(), f"{page}: switcher goes to {hrefs[0]}"
        assert 'class="jp-Notebook' in target.read_text("utf-8")


def test_the_exercises_index_links_every_notebook(built_site):
    for lang in ex.LANGUAGES:
        index = built_site / ("" if lang == "en" else lang) / "exercises" / "index.html"
        html = index.read_text("utf-8")
        for chapter in CHAPTERS:
            assert f'href="{chapter}/"' in html, f"{index}: no link to the {chapter} notebook"


# --- a wrong solution fails the build, naming the notebook's file and line -----------------------


def test_a_failing_cell_stops_the_build_with_file_and_line(tmp_path, monkeypatch):
    monkeypatch.setenv("AUTOGRAD_DOCS_NOTEBOOK_CACHE", str(tmp_path / "cache"))  # cold, and the real cache untouched
    wrong = "prediction = 3  # {solution}"
    pages = dict(GOOD)
    pages["en/exercises/tiny.py"] = TINY_EN.replace("prediction = 2  # x is 2", wrong)
    pages["zh/exercises/tiny.py"] = TINY_ZH.replace("prediction = 2  # x is 2", wrong)
    config = tiny_site(tmp_path, pages, nav="  - Home: index.md\n  - Tiny: exercises/tiny.py\n")
    proc = mkdocs_build(config, tmp_path / "site")
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0, "the build passed"
    assert re.search(r"[ /](en|zh)/exercises/tiny\.py:17: cell raised CellExecutionError", out), out
    assert "AssertionError: PyTorch says 2" in out, out


def test_a_tiny_notebook_site_builds_and_renders(tmp_path, monkeypatch):
    monkeypatch.setenv("AUTOGRAD_DOCS_NOTEBOOK_CACHE", str(tmp_path / "cache"))
    pages = dict(GOOD, **{"en/exercises/tiny.py": TINY_EN, "zh/exercises/tiny.py": TINY_ZH})
    config = tiny_site(tmp_path, pages, nav="  - Home: index.md\n  - Tiny: exercises/tiny.py\n")
    proc = mkdocs_build(config, tmp_path / "site")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for rel in ("exercises/tiny/", "zh/exercises/tiny/"):
        html = (tmp_path / "site" / rel / "index.html").read_text("utf-8")
        assert 'class="jp-Notebook' in html and "Correct: 2" in html
        assert (tmp_path / "site" / rel / "tiny.ipynb").is_file()
    assert not (ex.ROOT / ".cache" / "notebooks" / "en" / "exercises" / "tiny.ipynb").exists()
