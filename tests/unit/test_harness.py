"""The doctest harness catches every kind of lie a page can tell (fixture pages in tests/fixtures/harness)."""

from __future__ import annotations

import gc
import shutil
import warnings
from pathlib import Path

import pytest

from autograd_docs import pages
from autograd_docs.harness import markdown_docs, pytest_plugin
from autograd_docs.harness.run import check, run

pytest_plugins = ["pytester"]

FIXTURES = Path(__file__).parent.parent / "fixtures"


def reports(page: str) -> list[str | None]:
    """The harness's verdict on each example of a fixture page: None when it passes, else its report."""
    p = pages.read(FIXTURES / "harness" / page, snippets=FIXTURES / "snippets")
    return [check(e) for e in p.examples]


def test_good_page_passes_and_nested_blocks_are_collected():
    # 6 python blocks, including the ones inside an admonition and inside a content tab
    assert reports("passes.md") == [None] * 6


def test_wrong_output_fails_with_page_line_and_diff():
    (report,) = reports("wrong_output.md")
    assert report.startswith("tests/fixtures/harness/wrong_output.md:3: output differs from what the code prints")
    assert "\n-5\n+6" in report


def test_missing_output_block_fails():
    (report,) = reports("missing_output.md")
    assert report.startswith("tests/fixtures/harness/missing_output.md:3: the code prints, but the page shows no output block")
    assert "this is printed but not shown" in report


def test_unexpected_exception_fails_with_traceback():
    (report,) = reports("unexpected_exception.md")
    assert report.startswith("tests/fixtures/harness/unexpected_exception.md:3: unexpected exception")
    assert "RuntimeError: element 0 of tensors does not require grad" in report
    assert "Traceback (most recent call last)" in report


def test_missing_expected_exception_fails():
    (report,) = reports("missing_exception.md")
    assert report.startswith("tests/fixtures/harness/missing_exception.md:3: the page shows an exception, but the code raised none")


def test_wrong_include_path_names_page_and_line():
    with pytest.raises(pages.PageError, match=r"^tests/fixtures/harness/wrong_include.md:4: include not found: "
                                              r"tests/fixtures/snippets/demo/no_such_file.py"):
        reports("wrong_include.md")


def test_block_in_admonition_is_checked():
    (report,) = reports("hidden_in_admonition.md")
    assert report.startswith("tests/fixtures/harness/hidden_in_admonition.md:4: output differs")


def test_a_tampered_recorded_output_fails(tmp_path):
    snippets = tmp_path / "snippets"
    shutil.copytree(FIXTURES / "snippets", snippets)
    (snippets / "demo" / "hello.out").write_text("hello from a tampered file\n")
    page = pages.read(FIXTURES / "harness" / "passes.md", snippets=snippets)
    report = check(page.examples[-1])
    assert report.startswith("tests/fixtures/harness/passes.md:58: output differs")
    assert f"shown on the page ({pages.display(snippets / 'demo' / 'hello.out')})" in report


def test_the_shown_code_must_be_the_code_that_runs(tmp_path):
    page = pages.read(FIXTURES / "harness" / "passes.md", snippets=FIXTURES / "snippets")
    example = page.examples[-1]  # the snippet demo/hello.py
    example.source = example.source.replace("hello", "goodbye")  # as if the include step changed code
    assert check(example).endswith("the code shown on the page is not the code that runs (only comments may differ)")


def test_state_is_reset_between_blocks():
    import torch

    first = run("import torch\ntorch.set_grad_enabled(False)\ntorch.set_printoptions(precision=1)\nprint(torch.rand(1))", "a.py")
    second = run("import torch\nprint(torch.is_grad_enabled(), torch.rand(1))", "b.py")
    assert first.output == "tensor([0.5])"
    assert second.output == "True tensor([0.4963])"
    assert torch.is_grad_enabled()


def test_only_addresses_are_masked():
    out = run("import torch\nx = torch.ones(1, requires_grad=True)\nprint((x * 2).grad_fn, hex(3054))", "c.py").output
    assert out == "<MulBackward0 object at 0x...> 0xbee"


def test_the_adapter_finds_pytest_markdown_docs_private_api():
    # harness/markdown_docs.py is the only module that imports pytest-markdown-docs' private modules;
    # on an upgrade that moves them, importing it fails with a message naming what it needs.
    assert markdown_docs.MarkdownInlinePythonItem.__module__ == "pytest_markdown_docs.plugin"
    assert {"source", "start_line", "source_path", "runner_name"} <= markdown_docs.REQUIRED_FIELDS


def test_failures_reach_pytest_with_the_report(pytester):
    """End to end through pytest and pytest-markdown-docs' item: a wrong page fails with its report only."""
    shutil.copy(FIXTURES / "harness" / "wrong_output.md", pytester.path / "wrong_output.md")
    pytester.makefile(".md", ok="# OK\n\n```python\nprint(6 * 7)\n```\n\n```{.text .output}\n42\n```\n")
    pytester.makeconftest(
        "from autograd_docs.harness.pytest_plugin import PageFile\n"
        "def pytest_collect_file(file_path, parent):\n"
        "    if file_path.suffix == '.md':\n"
        "        return PageFile.from_parent(parent, path=file_path)\n"
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-p", "no:playwright")
    result.assert_outcomes(passed=1, failed=1)
    out = result.stdout.str()
    assert "wrong_output.md:3: output differs from what the code prints" in out
    assert "harness error" not in out


class Unclosed:
    """Garbage that warns when it is collected, like an event loop left unclosed."""

    def __init__(self):
        self.cycle = self  # only the cyclic garbage collector frees it

    def __del__(self):
        warnings.warn("unclosed thing", ResourceWarning)


def test_garbage_left_by_earlier_tests_never_prints_into_an_example(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("# Page\n\n```python\nimport gc\ngc.collect()\nprint('ok')\n```\n\n```{.text .output}\nok\n```\n")
    examples = pages.read(page, docs=tmp_path, snippets=tmp_path).examples
    gc.disable()  # no automatic collection: only an explicit one finds the garbage, as a full one found the loop
    try:
        Unclosed()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # where the warning goes before the examples run is not this test's concern
            assert pytest_plugin.check_all(examples) is None
    finally:
        gc.enable()
