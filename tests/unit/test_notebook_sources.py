"""The exercise notebooks' sources: one file per chapter, code once, text and comments in both languages;
each kind of bad source is named with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from autograd_docs import comments, pages
from autograd_docs.build import notebooks

SOURCES = notebooks.sources()
CHAPTERS = ["computation-graph", "leaf-tensors", "backward", "detach-and-grad-modes", "zero-grad-and-accumulation"]

TINY = """\
# %% [markdown] lang="en"
# # Tiny

# %% [markdown] lang="zh"
# # 小练习

# %% [markdown] lang="en"
# ## 1. What is x?

# %% [markdown] lang="zh"
# ## 1. x 是多少？

# %%
x = 2

# %%
# en: Your prediction
# zh: 你的预测
prediction = None

# %% tags=["solution"] jupyter={"source_hidden": true}
prediction = 2  # en: x is 2 # zh: x 是 2

# %%
assert prediction == x, f"PyTorch says {x}"
print("Correct:", x)
"""


def tiny(tmp_path: Path, text: str = TINY) -> Path:
    path = tmp_path / "tiny.py"
    path.write_text(text, "utf-8")
    return path


def test_every_chapter_has_one_notebook_source():
    assert [p.stem for p in SOURCES] == sorted(CHAPTERS)


def test_the_notebooks_of_the_site_pass_the_source_checks():
    assert notebooks.check_sources() == []


def test_each_notebook_has_three_to_ten_exercises_in_each_language():
    for path in SOURCES:
        nb = notebooks.Notebook.read(path)
        for lang in pages.LANGS:
            headings = [c for c in nb.localized(lang).cells if c.cell_type == "markdown" and c.source.startswith("## ")]
            assert 3 <= len(headings) <= 10, f"{pages.display(path)}: {len(headings)} exercises in {lang}"


def test_a_good_tiny_notebook_passes(tmp_path):
    assert notebooks.check_sources([tiny(tmp_path)]) == []


def test_each_language_gets_its_text_and_comments_and_the_same_code(tmp_path):
    nb = notebooks.Notebook.read(tiny(tmp_path))
    en, zh = nb.localized("en"), nb.localized("zh")
    assert [c.source for c in en.cells if c.cell_type == "markdown"] == ["# Tiny", "## 1. What is x?"]
    assert [c.source for c in zh.cells if c.cell_type == "markdown"] == ["# 小练习", "## 1. x 是多少？"]
    code_en = [c.source for c in en.cells if c.cell_type == "code"]
    code_zh = [c.source for c in zh.cells if c.cell_type == "code"]
    assert code_en[1] == "# Your prediction\nprediction = None" and code_zh[1] == "# 你的预测\nprediction = None"
    assert code_zh[2] == "prediction = 2  # x 是 2"
    # The two notebooks cannot disagree on code: it is written once, only comments are per language.
    assert [comments.strip(c) for c in code_en] == [comments.strip(c) for c in code_zh]
    assert all("lang" not in c.metadata for c in en.cells + zh.cells)
    assert [c.id for c in zh.cells] == [f"cell-{i}" for i in range(len(zh.cells))]


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda t: t.replace('# %% [markdown] lang="zh"\n# ## 1. x 是多少？\n\n', ""), "tiny.py:7: markdown cells here are in ['en', 'zh', 'en']"),
        (lambda t: t.replace('# %% [markdown] lang="zh"\n# # 小练习', '# %% [markdown]\n# # 小练习'), "tiny.py:4: markdown cell without a language"),
        (lambda t: t.replace("# zh: 你的预测\n", ""), "tiny.py:17: `# en:` comment has no `# zh:` translation"),
        (lambda t: t.replace(" # zh: x 是 2", ""), "tiny.py:22: trailing comment must read"),
        (lambda t: t.replace("What is x?", "What is $x^2$?"), "tiny.py:8: '$' in notebook markdown"),
        (lambda t: t.replace("assert prediction == x", "ok = prediction == x"), "tiny.py:7: exercise '## 1. What is x?' has no check"),
        (lambda t: t.replace(' jupyter={"source_hidden": true}', ""), "tiny.py:7: the solution of '## 1. What is x?' is not folded"),
        (lambda t: t.replace('tags=["solution"] ', ""), "tiny.py:7: exercise '## 1. What is x?' has no code cell tagged 'solution'"),
        (lambda t: t.replace("## 1.", "1."), "tiny.py:1: no exercise in en"),
    ],
    ids=["missing-translation", "no-language", "comment-not-translated", "trailing-comment", "dollar-math", "no-check",
         "solution-not-folded", "no-solution", "no-exercise"],
)
def test_a_bad_notebook_is_reported_with_file_and_line(tmp_path, change, message):
    errors = notebooks.check_sources([tiny(tmp_path, change(TINY))])
    assert any(message in e for e in errors), errors


def test_what_a_cell_prints_is_one_output_however_the_kernel_sent_it():
    """The kernel flushes a cell's prints in pieces, more of them when the machine is busy: the page must not change."""
    pieces = [{"output_type": "stream", "name": "stdout", "text": "Jacobian:"},
              {"output_type": "stream", "name": "stdout", "text": " tensor([[2., 1., 0.]])\n"},
              {"output_type": "stream", "name": "stderr", "text": "UserWarning: x\n"},
              {"output_type": "execute_result", "data": {"text/plain": "1"}, "metadata": {}, "execution_count": 1},
              {"output_type": "stream", "name": "stdout", "text": "after\n"}]
    assert notebooks.coalesce_streams(pieces) == [
        {"output_type": "stream", "name": "stdout", "text": "Jacobian: tensor([[2., 1., 0.]])\n"}, *pieces[2:]]
    whole = [{"output_type": "stream", "name": "stdout", "text": "Jacobian: tensor([[2., 1., 0.]])\n"}]
    assert notebooks.coalesce_streams(whole) == whole
