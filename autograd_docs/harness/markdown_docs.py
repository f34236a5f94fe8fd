"""The one place that touches pytest-markdown-docs' private API (pinned in pyproject.toml).

pytest-markdown-docs runs the doctest: each example becomes its `MarkdownInlinePythonItem`, and a
runner registered with it does the run-and-compare (`harness.run.check`). Its public hooks
(`pytest_markdown_docs_globals`, `pytest_markdown_docs_markdown_it`) cannot compare output or expand
includes, so the item and runner come from its private modules. If an upgrade moves them, importing
this module fails with the message below, and `tests/unit/test_harness.py` says so first.
"""

from __future__ import annotations

import dataclasses
import typing
from pathlib import Path

try:
    from pytest_markdown_docs._runners import _Runner, register_runner
    from pytest_markdown_docs.definitions import FenceTestDefinition
    from pytest_markdown_docs.plugin import MarkdownInlinePythonItem
except ImportError as err:  # pragma: no cover - only on an incompatible upgrade
    raise ImportError(
        f"pytest-markdown-docs changed its private API ({err}): autograd_docs/harness/markdown_docs.py "
        "needs `_runners._Runner`, `_runners.register_runner`, `definitions.FenceTestDefinition` and "
        "`plugin.MarkdownInlinePythonItem`; pin the version in pyproject.toml or adapt this file"
    ) from None

REQUIRED_FIELDS = {"source", "fixture_names", "start_line", "source_path", "runner_name"}
missing = REQUIRED_FIELDS - {f.name for f in dataclasses.fields(FenceTestDefinition)}
if missing:  # pragma: no cover
    raise ImportError(f"pytest-markdown-docs' FenceTestDefinition lost the fields {sorted(missing)}: adapt "
                      "autograd_docs/harness/markdown_docs.py")


@dataclasses.dataclass(frozen=True)
class _Definition(FenceTestDefinition):
    check: typing.Any = None  # called with `payload`: None when the test passes, else the report
    payload: typing.Any = None


class ExampleFailure(Exception):
    """The check's report, shown as the test's whole failure message."""


@register_runner()
class _CheckRunner(_Runner):
    def runtest(self, test: _Definition, args, **kwargs):
        report = test.check(test.payload)
        if report:
            raise ExampleFailure(report)

    def repr_failure(self, test, excinfo, style=None):
        if isinstance(excinfo.value, ExampleFailure):
            return str(excinfo.value)
        return f"{test.source_path}:{test.start_line}: harness error\n{excinfo.getrepr(style='short')}"


def item(parent, name: str, source: str, path: Path, line: int, payload, check: typing.Callable[[typing.Any], str | None]):
    """A pytest item that passes when `check(payload)` returns None, and shows its report when it does not."""
    definition = _Definition(
        source=source, fixture_names=(), start_line=line, source_path=path,
        runner_name=_CheckRunner.__name__, check=check, payload=payload,
    )
    return MarkdownInlinePythonItem.from_parent(parent, name=name, test_definition=definition)
