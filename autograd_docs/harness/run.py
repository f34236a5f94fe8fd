"""Run an example the way the site promises, and compare what it prints with what its page shows.

Used by the doctest (harness.pytest_plugin), `make outputs` (tools.record) and the graph pictures
(build.graphs), so that what is checked, recorded and drawn comes from one way of running code.
"""

from __future__ import annotations

import contextlib
import difflib
import io
import random
import re
import sys
import traceback
import warnings
from dataclasses import dataclass, field

from autograd_docs import comments
from autograd_docs.pages import TRACEBACK_HEAD, Example, display

ADDRESS = re.compile(r"\bat 0x[0-9a-fA-F]+")


# --- running -------------------------------------------------------------------------------------


@dataclass
class Run:
    output: str  # what the code printed (stdout, stderr, warnings, the exception), addresses masked
    error: BaseException | None
    traceback: str  # the full traceback when the code raised
    namespace: dict = field(default_factory=dict, repr=False)  # the module's variables when it ended


def mask(text: str) -> str:
    """Mask what truly varies between runs: memory addresses in object reprs."""
    return ADDRESS.sub("at 0x...", text)


def reset_state() -> None:
    """Every example starts from the same global state, whatever ran before it."""
    import torch

    torch.manual_seed(0)
    random.seed(0)
    if "numpy" in sys.modules:
        sys.modules["numpy"].random.seed(0)
    torch.set_grad_enabled(True)
    torch.set_default_dtype(torch.float32)
    torch.set_printoptions(profile="default", sci_mode=None)
    torch.autograd.set_detect_anomaly(False)
    # One thread: float sums do not depend on how work was split across cores.
    torch.set_num_threads(1)


def run(code: str, filename: str, warnings_shown: bool = True) -> Run:
    """Run code in a fresh module namespace and return what it printed, as the page shows it.

    Warnings appear as `Category: message` at the point they were issued; an exception ends the
    output with a doctest-style traceback whose frames are elided (`  ...`).
    """
    reset_state()
    buf = io.StringIO()

    def showwarning(message, category, filename, lineno, file=None, line=None):
        buf.write(f"{category.__name__}: {message}\n")

    namespace = {"__name__": "__main__", "__file__": filename}
    error, tb = None, ""
    with warnings.catch_warnings():
        # catch_warnings resets every once-per-location registry, as a fresh interpreter would.
        warnings.simplefilter("default" if warnings_shown else "ignore")
        warnings.showwarning = showwarning
        with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(buf):
            try:
                exec(compile(code, filename, "exec", dont_inherit=True), namespace)
            except Exception as exc:  # noqa: BLE001 - any exception is part of what the page shows
                error = exc
                tb = "".join(traceback.format_exception(exc))
    text = buf.getvalue()
    if error is not None:
        if text and not text.endswith("\n"):
            text += "\n"
        text += TRACEBACK_HEAD + "\n  ...\n" + "".join(traceback.format_exception_only(error))
    reset_state()
    return Run(mask(text).rstrip("\n"), error, mask(tb), namespace)




# Runs are cached by code: both languages show the same snippet, and reset_state() makes a run
# depend on nothing but its code, so one run per session serves every page that shows it.
_runs: dict[tuple[str, str], Run] = {}


def run_cached(code: str, filename: str) -> Run:
    key = (code, filename)
    if key not in _runs:
        _runs[key] = run(code, filename)
    return _runs[key]


def check(example: Example) -> str | None:
    """None if running the example prints exactly what its page shows; else the whole report, `page:line` first."""
    where = example.code.where
    code = example.runnable
    if comments.strip(example.source) != comments.strip(code.lstrip("\n")):
        return f"{where}: the code shown on the page is not the code that runs (only comments may differ)"
    result = run_cached(code, example.filename)
    expected = None if example.expected is None else example.expected.rstrip("\n")
    raised = result.error is not None
    if example.shows_exception:
        if not raised:
            return (f"{where}: the page shows an exception, but the code raised none.\n"
                    f"It printed:\n{result.output or '(nothing)'}")
    elif raised:
        return f"{where}: unexpected exception in {display(example.filename)}\n{result.traceback}"
    if expected is None:
        if result.output:
            return (f"{where}: the code prints, but the page shows no output block under it.\n"
                    f"It printed:\n{result.output}\n"
                    "Add a block ```{.text .output} right under the code, then run `make outputs`.")
        return None
    if result.output != expected:
        source = display(example.snippets / example.output.includes[0][1]) if example.output.includes else where
        diff = "\n".join(difflib.unified_diff(
            expected.split("\n"), result.output.split("\n"),
            fromfile=f"shown on the page ({source})", tofile="printed by the code", lineterm="",
        ))
        return (f"{where}: output differs from what the code prints\n{diff}\n"
                "If the change is intended, re-record with `make outputs` and review the diff.")
    return None
