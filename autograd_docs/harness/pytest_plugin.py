"""The doctest: every python block of every page, in both languages, runs and must print exactly the
output block under it. `pytest -m doctest` runs only these.

Collection is ours (pytest-markdown-docs' CommonMark parser skips fences inside admonitions and
content tabs, and knows nothing of includes or output blocks); each example becomes a
pytest-markdown-docs item (harness.markdown_docs), run in this one process, so torch is imported once.
"""

from __future__ import annotations

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
        for e in examples:
            name = f"line {e.code.line}" + (f" {e.snippet}" if e.snippet else "")
            it = markdown_docs.item(self, name, e.source, self.path, e.code.line, e, check)
            it.add_marker(pytest.mark.doctest)
            yield it

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, CollectError):
            return str(excinfo.value)
        return super().repr_failure(excinfo)


class CollectError(Exception):
    pass


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
