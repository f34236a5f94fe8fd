"""The doctest: every python block of every page runs, and must print exactly the output block under it.

Collection is ours (pytest-markdown-docs' CommonMark parser skips fences inside admonitions and
content tabs, and knows nothing of includes or output blocks); running goes through
pytest-markdown-docs' item and runner machinery, in this one process, so torch is imported once.
"""

from __future__ import annotations

import difflib
import fnmatch
import typing
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytest_markdown_docs._runners import _Runner, register_runner
from pytest_markdown_docs.definitions import FenceTestDefinition
from pytest_markdown_docs.plugin import MarkdownInlinePythonItem

from autograd_docs import examples as ex


class ExampleFailure(Exception):
    """An example did not do what its page says; the message is the whole report."""


@dataclass(frozen=True)
class VerifiedFence(FenceTestDefinition):
    example: typing.Any = None
    docs_page: bool = True  # pages of the site must take code and output from snippets/


# Runs are cached by code: both languages include the same snippet, and reset_state() makes a
# run depend on nothing but its code, so running it once per session is enough.
_runs: dict[tuple[str, str], ex.Run] = {}


def run_cached(example: ex.Example) -> ex.Run:
    key = (example.compiled_source, example.filename)
    if key not in _runs:
        _runs[key] = ex.run(example.compiled_source, example.filename)
    return _runs[key]


def check(example: ex.Example, docs_page: bool) -> None:
    """Raise ExampleFailure unless running the example prints exactly what its page shows."""
    where = example.code.where
    if docs_page:
        if example.snippet is None:
            raise ExampleFailure(
                f"{where}: code on a page lives in snippets/: replace the block body with one line "
                f'--8<-- "chapter/name.py"'
            )
        if example.output is not None:
            want = example.snippet[: -len(".py")] + ".out" if example.snippet.endswith(".py") else None
            got = [p for _, p in example.output.includes]
            if got != [want] or len([l for l in example.output.body.split("\n") if l.strip()]) != 1:
                raise ExampleFailure(
                    f"{example.output.where}: the output block must be the one line "
                    f'--8<-- "{want}" (outputs are recorded by `make outputs`, never typed)'
                )
    result = run_cached(example)
    expected = None if example.expected is None else example.expected.rstrip("\n")
    raised = result.error is not None
    if expects_raise := ex.expects_exception(expected):
        if not raised:
            raise ExampleFailure(
                f"{where}: the page shows an exception, but the code raised none.\n"
                f"It printed:\n{result.output or '(nothing)'}"
            )
    elif raised:
        raise ExampleFailure(
            f"{where}: unexpected exception in {ex.display(Path(example.filename))}\n{result.traceback}"
        )
    if expected is None:
        if result.output:
            raise ExampleFailure(
                f"{where}: the code prints, but the page shows no output block under it.\n"
                f"It printed:\n{result.output}\n"
                f"Add a block ```{{.text .output}} right under the code, then run `make outputs`."
            )
        return
    if result.output != expected:
        source = ex.display(ex.SNIPPETS / example.output.includes[0][1]) if example.output.includes else where
        diff = "\n".join(
            difflib.unified_diff(
                expected.split("\n"),
                result.output.split("\n"),
                fromfile=f"shown on the page ({source})",
                tofile="printed by the code",
                lineterm="",
            )
        )
        raise ExampleFailure(
            f"{where}: output differs from what the code prints\n{diff}\n"
            "If the change is intended, re-record with `make outputs` and review the diff."
        )


@register_runner()
class VerifiedRunner(_Runner):
    def runtest(self, test: VerifiedFence, args, **kwargs):
        check(test.example, test.docs_page)

    def repr_failure(self, test, excinfo, style=None):
        if isinstance(excinfo.value, (ExampleFailure, ex.PageError)):
            return str(excinfo.value)
        return f"{test.example.code.where}: harness error\n{excinfo.getrepr(style='short')}"


class PageFile(pytest.File):
    def collect(self):
        cfg = self.config
        snippets = Path(cfg.rootpath, cfg.getini("snippets_dir"))
        try:
            found = ex.read_examples(self.path, snippets)
        except ex.PageError as err:
            raise self.CollectError(str(err)) from None
        docs_page = _under(self.path, Path(cfg.rootpath, cfg.getini("docs_dir")))
        for e in found:
            name = f"line {e.code.line}" + (f" {e.snippet}" if e.snippet else "")
            definition = VerifiedFence(
                source=e.source,
                fixture_names=(),
                start_line=e.code.line,
                source_path=self.path,
                runner_name=VerifiedRunner.__name__,
                example=e,
                docs_page=docs_page,
            )
            yield MarkdownInlinePythonItem.from_parent(self, name=name, test_definition=definition)

    class CollectError(Exception):
        pass

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, self.CollectError):
            return str(excinfo.value)
        return super().repr_failure(excinfo)


def _under(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def pytest_addoption(parser):
    parser.addini("docs_dir", "folder whose pages are the site (code must come from snippets)", default="docs")
    parser.addini("snippets_dir", "folder that includes are relative to", default="snippets")
    parser.addini("page_globs", "pages to collect, relative to the root", type="linelist", default=["docs/**/*.md"])


def pytest_collect_file(file_path: Path, parent):
    if file_path.suffix != ".md":
        return None
    root = Path(parent.config.rootpath)
    rel = file_path.resolve().relative_to(root.resolve()) if _under(file_path, root) else None
    if rel is None or not any(fnmatch.fnmatch(rel.as_posix(), g) for g in parent.config.getini("page_globs")):
        return None
    return PageFile.from_parent(parent, path=file_path)
