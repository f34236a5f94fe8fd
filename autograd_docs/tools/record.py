"""Re-record every example's output from a real run: `make outputs` (python -m autograd_docs.tools.record).

Writes snippets/<chapter>/<name>.out next to each <name>.py that prints (deletes it when the
example prints nothing), writes snippets/torch-version.txt, and shows what changed for review.
Recorded outputs are never edited by hand.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from autograd_docs import pages
from autograd_docs.harness.run import run


def record(snippets: Path = pages.SNIPPETS, only: list[str] | None = None) -> list[str]:
    """Run the snippets and rewrite their outputs; return the unified diffs of what changed."""
    import torch

    changes: list[str] = []
    # snippets/exercises/ holds the notebook sources: the build runs those, in a Jupyter kernel
    files = sorted(f for f in snippets.rglob("*.py") if not f.is_relative_to(snippets / pages.EXERCISES.name))
    if only:
        files = [f for f in files if any(o in f.as_posix() for o in only)]
    for py in files:
        out = py.with_suffix(".out")
        result = run(py.read_text("utf-8"), str(py))
        old = out.read_text("utf-8") if out.exists() else ""
        new = result.output + "\n" if result.output else ""
        if new:
            out.write_text(new, "utf-8")
        elif out.exists():
            out.unlink()
        if old != new:
            changes.append(_diff(out, old, new))
    version_file = snippets / pages.VERSION_FILE.name
    old = version_file.read_text() if version_file.exists() else ""
    if old != torch.__version__ + "\n":
        version_file.write_text(torch.__version__ + "\n")
        changes.append(_diff(version_file, old, torch.__version__ + "\n"))
    return changes


def _diff(path: Path, old: str, new: str) -> str:
    name = pages.display(path)
    return "".join(
        difflib.unified_diff(old.splitlines(True), new.splitlines(True), f"{name} (recorded)", f"{name} (now)")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("only", nargs="*", help="record only snippets whose path contains one of these")
    args = parser.parse_args(argv)
    changes = record(only=args.only)
    for d in changes:
        print(d)
    print(f"{len(changes)} recorded file(s) changed" + (": review the diff above, then commit." if changes else "."))
    return 0


if __name__ == "__main__":
    sys.exit(main())
