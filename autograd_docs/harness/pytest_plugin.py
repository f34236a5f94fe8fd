"""The doctest: every python block of every page, in both languages, runs and must print exactly the
output block under it. `pytest -m doctest` runs only these; each page is one test, which reports every
block of the page that fails, with `page:line` and a diff (one item per block cost more in pytest's
bookkeeping than running the blocks).

Collection is ours (pytest-markdown-docs' CommonMark parser skips fences inside admonitions and
content tabs, and knows nothing of includes or output blocks); each example becomes a
pytest-markdown-docs item (harness.markdown_docs), run in this one process, so torch is imported once.
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from autograd_docs import pages
from autograd_docs.harness import markdown_docs
from autograd_docs.harness.run import check


class PageFile(pytest.File):
    def collect(self):
        try:
            examples = pages.read(self.path).examples
        except pages.PageError as err:
            raise CollectError(str(err)) from None
        if not examples:
            return
        it = markdown_docs.item(self, f"{len(examples)} examples", "\n\n".join(e.source for e in examples),
                                self.path, examples[0].code.line, examples, check_all)
        it.add_marker(pytest.mark.doctest)
        yield it

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, CollectError):
            return str(excinfo.value)
        return super().repr_failure(excinfo)


class CollectError(Exception):
    pass


def check_all(examples) -> str | None:
    """Every example of a page, in page order: None if all pass, else each failure's report."""
    collect_garbage()
    reports = [r for r in map(check, examples) if r]
    return "\n\n".join(reports) if reports else None


def collect_garbage() -> None:
    """Collect what earlier tests in this process left unreachable before a page's examples run: an event loop a
    browser test left unclosed, collected in the middle of an example, would print a ResourceWarning into that
    example's output. Then freeze what is alive, so the next page's collection looks only at the objects made
    since (a full collection costs about 0.15 s once torch is imported)."""
    gc.collect()
    gc.freeze()


def pytest_configure(config):
    config.addinivalue_line("markers", "doctest: an example of a page, run and compared with its output block")


def pytest_collect_file(file_path: Path, parent):
    if file_path.suffix != ".md":
        return None
    try:
        file_path.resolve().relative_to(pages.DOCS.resolve())
    except ValueError:
        return None
    return PageFile.from_parent(parent, path=file_path)
