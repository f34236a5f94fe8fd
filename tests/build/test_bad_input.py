"""Bad input stops `make build`, naming file and line (tiny sites: the real configuration over a small docs tree).

Most source errors are found by build.checks, which the unit tests call directly; these builds prove the
wiring (a check error stops the build) and the errors found only while pages render.
"""

from __future__ import annotations

import re

import pytest

from autograd_docs.build import notebooks
from support.tiny import GOOD, build_tiny, write
from support.site_server import build

MARKER = "<!-- autograd-graph: computation-graph/grad_fn_recorded.py tensors={tensors}\n{caption}\n-->\n"


@pytest.mark.parametrize(
    "pages, message",
    [
        ({"en/index.md": GOOD["en/index.md"] + '\n```python\n--8<-- "nope/missing.py"\n```\n',
          "zh/index.md": GOOD["zh/index.md"] + '\n```python\n--8<-- "nope/missing.py"\n```\n'},
         "en/index.md:8: include not found: snippets/nope/missing.py"),
        ({"en/extra.md": "# Extra\n"}, "en/extra.md:1: no translation"),
        ({"en/index.md": GOOD["en/index.md"] + "\n$$\n\\begin{aligned} a &= b \\end{aligned}\n$$\n"},
         "en/index.md:8: cannot convert formula to MathML (unsupported environment"),
        # found while the Chinese pages render: in the forked build of the second language
        ({"zh/index.md": GOOD["zh/index.md"] + "\n$$\n\\begin{aligned} a &= b \\end{aligned}\n$$\n"},
         "zh/index.md:8: cannot convert formula to MathML (unsupported environment"),
        ({lang + "/index.md": GOOD[lang + "/index.md"] + "\n" + MARKER.format(tensors="z,w", caption="c") for lang in ("en", "zh")},
         "en/index.md:7: snippet computation-graph/grad_fn_recorded.py defines no 'w'"),
    ],
    ids=["wrong-include", "missing-translation", "bad-formula", "bad-formula-zh", "bad-picture"],
)
def test_bad_input_fails_the_build_naming_file_and_line(tmp_path, pages, message):
    # The Chinese pages' error comes from the forked build of `make build` (a process of its own): built so here too.
    out = build_tiny(tmp_path, pages, in_process=not message.startswith("zh/"))
    assert out, "the build passed"
    assert message in out, out
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == [], "a staging folder was left behind"


def test_pictures_render_in_any_container_with_a_markdown_caption(tmp_path):
    pages = {}
    for lang, caption in (("en", "See [the part](#part): $y = x + 2$."), ("zh", "见[这一节](#part)：$y = x + 2$。")):
        marker = MARKER.format(tensors="z,y,x", caption=caption)
        nested = "    " + marker.replace("\n", "\n    ").rstrip() + "\n"
        pages[f"{lang}/index.md"] = GOOD[f"{lang}/index.md"] + "\n" + marker + "\n!!! note\n\n" + nested
    assert build_tiny(tmp_path, pages) == ""
    for root in ("", "zh/"):
        html = (tmp_path / "site" / root / "index.html").read_text("utf-8")
        figures = re.findall(r'<figure class="autograd-graph">\n(.*?)\n<figcaption>(.*?)</figcaption>', html, re.S)
        assert len(figures) == 2
        for body, caption in figures:
            assert '<a href="#part">' in caption and "<math" in caption
            assert "SigmoidBackward0" in body
        assert '<div class="admonition note">' in html and "<p><figure" not in html


def test_a_failing_notebook_cell_names_file_and_line(tmp_path, monkeypatch):
    monkeypatch.setattr(notebooks, "CACHE", tmp_path / "cache")  # cold, and the real cache untouched
    source = tmp_path / "tiny.py"
    source.write_text(
        '# %% [markdown] lang="en"\n# ## 1. x?\n\n# %% [markdown] lang="zh"\n# ## 1. x？\n\n# %%\nx = 2\n\n'
        '# %% tags=["solution"] jupyter={"source_hidden": true}\nprediction = 3\n\n'
        '# %%\nassert prediction == x, f"PyTorch says {x}"\n', "utf-8")
    with pytest.raises(notebooks.NotebookError) as err:
        notebooks.execute_all([source])
    assert str(err.value).startswith(f"{source}:14: cell raised CellExecutionError")
    assert "AssertionError: PyTorch says 2" in str(err.value)


def test_a_check_error_stops_the_build_before_anything_is_written(tmp_path):
    config, docs = write(tmp_path, dict(GOOD, **{"zh/index.md": GOOD["zh/index.md"] + "\n[坏链接](missing.md)\n"}))
    proc = build(tmp_path / "site", config=config, docs=docs)
    assert proc.returncode == 1
    assert "zh/index.md:7: broken link: missing.md" in proc.stderr
    assert not (tmp_path / "site" / "index.html").exists()
