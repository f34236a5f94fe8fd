"""Bilingual comments: each language sees its own, code is never touched, and a missing translation names file:line."""

from __future__ import annotations

import pytest

from autograd_docs import comments, pages

SOURCE = '''import torch

# en: All gradients as one vector.
# en: Then clear them.
# zh: 把所有梯度拼成一个向量，
# zh: 然后清空。
def grads(model):
    return [p.grad for p in model.parameters()]  # en: in order # zh: 按顺序


s = "# en: not a comment # zh: 也不是"  # en: a string # zh: 字符串
'''


def test_each_language_sees_its_own_comments():
    assert comments.localize(SOURCE, "en") == (
        "import torch\n\n# All gradients as one vector.\n# Then clear them.\ndef grads(model):\n"
        "    return [p.grad for p in model.parameters()]  # in order\n\n\n"
        's = "# en: not a comment # zh: 也不是"  # a string\n'
    )
    assert comments.localize(SOURCE, "zh") == (
        "import torch\n\n# 把所有梯度拼成一个向量，\n# 然后清空。\ndef grads(model):\n"
        "    return [p.grad for p in model.parameters()]  # 按顺序\n\n\n"
        's = "# en: not a comment # zh: 也不是"  # 字符串\n'
    )


def test_localizing_changes_comments_only():
    for lang in pages.LANGS:
        assert comments.strip(comments.localize(SOURCE, lang)) == comments.strip(SOURCE)


@pytest.mark.parametrize(
    "source, message",
    [
        ("x = 1  # a comment\n", "1: trailing comment must read `# en: ... # zh: ...`"),
        ("x = 1  # en: only English\n", "1: trailing comment must read"),
        ("# just a comment\nx = 1\n", "1: comment has no language tag"),
        ("# en: English\nx = 1\n", "1: `# en:` comment has no `# zh:` translation"),
        ("# en: English\n\n# zh: 中文\n", "1: `# en:` comment has no `# zh:` translation"),
        ("# zh: 中文\n", "1: `# zh:` comment without the `# en:` comment right above it"),
        ("def f():\n    # en: indented\n# zh: 不同缩进\n    pass\n", "2: `# en:` comment has no `# zh:` translation"),
        ('"""A docstring."""\nx = 1\n', "1: docstring: snippets use `# en:` / `# zh:` comments"),
        ("def f():\n    '''Doc.'''\n", "2: docstring"),
    ],
    ids=["untagged-trailing", "trailing-en-only", "untagged", "no-zh", "zh-not-adjacent", "zh-only", "other-indent",
         "module-docstring", "function-docstring"],
)
def test_a_comment_that_cannot_be_localized_names_file_and_line(source, message):
    errors = comments.check(source, "snippets/a/b.py")
    assert errors and errors[0].startswith(f"snippets/a/b.py:{message}"), errors
    with pytest.raises(comments.CommentError):
        comments.localize(source, "zh", "snippets/a/b.py")


def test_a_page_names_the_snippet_line_and_the_include(tmp_path):
    snippets = tmp_path / "snippets"
    (snippets / "a").mkdir(parents=True)
    (snippets / "a" / "b.py").write_text("x = 1\nprint(x)  # en: shown # zh:\n")
    page = tmp_path / "page.md"
    page.write_text('# T\n\n```python\n--8<-- "a/b.py"\n```\n')
    with pytest.raises(pages.PageError) as err:
        pages.read(page, snippets=snippets).examples
    assert f"{pages.display(snippets / 'a' / 'b.py')}:2: trailing comment" in str(err.value)
    assert f"(included at {pages.display(page)}:4)" in str(err.value)


def test_every_snippet_comment_of_the_site_is_in_both_languages():
    errors = [e for py in sorted(pages.SNIPPETS.rglob("*.py")) if not py.is_relative_to(pages.EXERCISES)
              for e in comments.check(py.read_text("utf-8"), pages.display(py))]
    assert errors == []
