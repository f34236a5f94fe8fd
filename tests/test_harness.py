"""The doctest harness catches every kind of lie a page can tell (fixture pages in tests/fixtures/harness)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def run_pages(pytester):
    """Run the doctest plugin on fixture pages; return (result, combined output)."""

    def run(*pages: str, docs_dir: str = "site-pages"):
        shutil.copytree(FIXTURES / "snippets", pytester.path / "snippets")
        for page in pages:
            shutil.copy(FIXTURES / "harness" / page, pytester.path / page)
        pytester.makeini(f"[pytest]\npage_globs = *.md\ndocs_dir = {docs_dir}\nsnippets_dir = snippets\n")
        result = pytester.runpytest_inprocess("-p", "autograd_docs.pytest_plugin", "-p", "no:cacheprovider", "-p", "no:playwright")
        return result, result.stdout.str()

    return run


def test_good_page_passes_and_nested_blocks_are_collected(run_pages):
    result, _ = run_pages("passes.md")
    # 6 python blocks, including the ones inside an admonition and inside a content tab
    result.assert_outcomes(passed=6)


def test_wrong_output_fails_with_page_line_and_diff(run_pages):
    result, out = run_pages("wrong_output.md")
    result.assert_outcomes(failed=1)
    assert "wrong_output.md:3: output differs from what the code prints" in out
    assert "-5" in out and "+6" in out


def test_missing_output_block_fails(run_pages):
    result, out = run_pages("missing_output.md")
    result.assert_outcomes(failed=1)
    assert "missing_output.md:3: the code prints, but the page shows no output block" in out
    assert "this is printed but not shown" in out


def test_unexpected_exception_fails_with_traceback(run_pages):
    result, out = run_pages("unexpected_exception.md")
    result.assert_outcomes(failed=1)
    assert "unexpected_exception.md:3: unexpected exception" in out
    assert "RuntimeError: element 0 of tensors does not require grad" in out
    assert "Traceback (most recent call last)" in out


def test_missing_expected_exception_fails(run_pages):
    result, out = run_pages("missing_exception.md")
    result.assert_outcomes(failed=1)
    assert "missing_exception.md:3: the page shows an exception, but the code raised none" in out


def test_wrong_include_path_fails_collection_with_page_line(run_pages):
    result, out = run_pages("wrong_include.md")
    result.assert_outcomes(errors=1)
    assert "wrong_include.md:4: include not found: snippets/demo/no_such_file.py" in out


def test_block_in_admonition_is_checked(run_pages):
    result, out = run_pages("hidden_in_admonition.md")
    result.assert_outcomes(failed=1)
    assert "hidden_in_admonition.md:4: output differs" in out


def test_site_pages_must_take_code_from_snippets(run_pages):
    # On the site's own pages, inline code is refused: every example lives once in snippets/.
    result, out = run_pages("wrong_output.md", docs_dir=".")
    result.assert_outcomes(failed=1)
    assert "wrong_output.md:3: code on a page lives in snippets/" in out


def test_state_is_reset_between_blocks():
    import torch

    from autograd_docs.examples import run

    first = run("import torch\ntorch.set_grad_enabled(False)\ntorch.set_printoptions(precision=1)\nprint(torch.rand(1))", "a.py")
    second = run("import torch\nprint(torch.is_grad_enabled(), torch.rand(1))", "b.py")
    assert first.output == "tensor([0.5])"
    assert second.output == "True tensor([0.4963])"
    assert torch.is_grad_enabled()


def test_only_addresses_are_masked():
    from autograd_docs.examples import run

    out = run("import torch\nx = torch.ones(1, requires_grad=True)\nprint((x * 2).grad_fn, hex(3054))", "c.py").output
    assert out == "<MulBackward0 object at 0x...> 0xbee"
