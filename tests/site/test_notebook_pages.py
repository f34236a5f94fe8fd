"""The exercise notebooks on the site: each language's page is that language's executed notebook, and so is its download."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest

from autograd_docs import comments, pages
from autograd_docs.build import notebooks

SOURCES = notebooks.sources()
CJK = re.compile(r"[\u3400-\u9fff]")


def page_dir(site: Path, lang: str, source: Path) -> Path:
    return site / pages.url_of(f"exercises/{source.stem}.ipynb", lang)


def download(site: Path, lang: str, source: Path) -> tuple[str, nbformat.NotebookNode]:
    html = (page_dir(site, lang, source) / "index.html").read_text("utf-8")
    links = re.findall(r'<a href="([^"]+)" download', html)
    assert len(links) == 1, f"{lang} {source.stem}: {len(links)} download links"
    assert not re.match(r"[a-z]+:|/", links[0]), f"download link {links[0]} is not relative (breaks under a sub-path)"
    nb = nbformat.read(page_dir(site, lang, source) / links[0], as_version=4)
    nbformat.validate(nb)
    return html, nb


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", pages.LANGS)
def test_the_page_is_the_executed_notebook_of_its_language(built_site, lang, source):
    html, nb = download(built_site, lang, source)
    assert 'class="jp-Notebook' in html and "jp-Cell" in html, "not rendered as a notebook"
    assert "# %%" not in html and "[markdown]" not in html, "the raw jupytext source leaked into the page"
    assert f'<html lang="{lang}"' in html
    assert html.count("celltag_solution") >= sum("solution" in c.metadata.get("tags", []) for c in nb.cells)
    assert re.search(r'<script src="[^"]*assets/solutions\.js"', html), "solutions.js is not loaded"
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    toc = re.findall(r'<a href="#([^"]+)" class="md-nav__link"', html)
    assert toc and set(toc) <= ids, f"TOC links to missing ids {set(toc) - ids}"
    assert sorted(set(toc), key=lambda t: int(t.split("-")[1])) == [f"exercise-{n}" for n in range(1, len(set(toc)) + 1)]
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    for cell in code:
        errors = [o for o in cell.outputs if o.output_type == "error"]
        raises = "raises-exception" in cell.metadata.get("tags", [])
        assert bool(errors) == raises, f"a cell {'tagged raises-exception did not raise' if raises else 'raised'}:\n{cell.source}"
        if notebooks.has_assert(cell.source):  # each check proves its solution and says so
            printed = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
            assert "Correct" in printed, f"check cell printed {printed!r}:\n{cell.source}"
    assert "/work/" not in json.dumps(nb), "the download carries paths of the build machine"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_the_chinese_download_is_chinese_with_the_same_code(built_site, source):
    _, en = download(built_site, "en", source)
    _, zh = download(built_site, "zh", source)
    for cell in zh.cells:
        if cell.cell_type == "markdown":
            assert CJK.search(cell.source), f"English markdown in the Chinese notebook: {cell.source[:80]}"
        for c in comments.comments(cell.source) if cell.cell_type == "code" else []:
            assert CJK.search(c.text), f"English comment in the Chinese notebook: {c.text}"
    for cell in en.cells:
        texts = [cell.source] if cell.cell_type == "markdown" else [c.text for c in comments.comments(cell.source)]
        assert not any(CJK.search(t) for t in texts), f"Chinese in the English notebook: {texts}"
    code = lambda nb: [(comments.strip(c.source), c.metadata.get("tags"), c.outputs) for c in nb.cells if c.cell_type == "code"]
    assert code(en) == code(zh), "the two languages' notebooks run different code"
    assert [c.cell_type for c in en.cells] == [c.cell_type for c in zh.cells]


def test_the_exercises_index_links_every_notebook(built_site):
    for lang in pages.LANGUAGES:
        html = (built_site / lang.root / "exercises" / "index.html").read_text("utf-8")
        for source in SOURCES:
            assert f'href="{source.stem}/"' in html, f"{lang.code} exercises index: no link to the {source.stem} notebook"
