"""Execute the exercise notebooks once per content, for the build and the tests.

Notebooks are jupytext percent files, `docs/<lang>/exercises/<chapter>.py`. Both languages share
their code cells (only markdown is translated), so each distinct set of code cells runs once, in a
real Jupyter kernel, and the outputs are cached on disk by content and torch version. The result is
an executed `.ipynb` per language: rendered by mkdocs-jupyter and offered for download.
"""

from __future__ import annotations

import hashlib
import json
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import jupytext
import nbformat

from autograd_docs.examples import DOCS, LANGUAGES, ROOT, display

CACHE = ROOT / ".cache" / "notebooks"
GLOB = "exercises/*.py"
CELL_MARK = re.compile(r"^# %%")
TIMEOUT = 120
FORMAT = "2"  # bump when the stored outputs change shape (2: tracebacks elided), to drop old cache entries


class NotebookError(Exception):
    """A notebook failed; the message starts with `path:line:`."""


@dataclass
class Notebook:
    source: Path  # docs/<lang>/exercises/<name>.py
    nb: nbformat.NotebookNode

    @classmethod
    def read(cls, source: Path) -> "Notebook":
        nb = jupytext.read(source)
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nb.metadata.pop("jupytext", None)
        for i, cell in enumerate(nb.cells):
            cell.id = f"cell-{i}"  # jupytext makes random ids; builds must be byte-identical
        return cls(source, nb)

    @property
    def code(self) -> list[str]:
        return [c.source for c in self.nb.cells if c.cell_type == "code"]

    def key(self) -> str:
        import torch

        h = hashlib.sha256(f"{torch.__version__}\0{FORMAT}".encode())
        for src in self.code:
            h.update(b"\0cell\0" + src.encode())
        for c in self.nb.cells:
            if c.cell_type == "code":
                h.update(json.dumps(c.metadata.get("tags", []), sort_keys=True).encode())
        return h.hexdigest()[:20]

    def cell_lines(self) -> list[int]:
        """1-based line in the source file where each cell starts (jupytext percent markers)."""
        lines = self.source.read_text("utf-8").split("\n")
        return [n for n, line in enumerate(lines, start=1) if CELL_MARK.match(line)]

    @property
    def executed_path(self) -> Path:
        exercises = self.source.parent
        lang, docs = exercises.parent.name, exercises.parent.parent
        base = CACHE if docs.resolve() == DOCS.resolve() else CACHE / "other" / hashlib.sha256(str(docs.resolve()).encode()).hexdigest()[:12]
        return base / lang / exercises.name / (self.source.stem + ".ipynb")


def sources(docs: Path = DOCS) -> list[Path]:
    return sorted(p for lang in LANGUAGES for p in (docs / lang).glob(GLOB))


def _execute(nb: Notebook) -> list[list]:
    """Run the notebook in a fresh kernel; return each code cell's outputs."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    run = nbformat.from_dict(json.loads(json.dumps(nb.nb)))
    client = NotebookClient(run, kernel_name="python3", timeout=TIMEOUT, allow_errors=False, resources={"metadata": {"path": str(ROOT)}})
    try:
        client.execute()
    except CellExecutionError as err:
        index = next((i for i, c in enumerate(run.cells) if c.cell_type == "code" and any(o.get("output_type") == "error" for o in c.get("outputs", []))), None)
        starts = nb.cell_lines()
        line = starts[index] if index is not None and index < len(starts) else 1
        raise NotebookError(f"{display(nb.source)}:{line}: cell raised an exception (tag it raises-exception if that is intended)\n{err}") from None
    return [[_elide_traceback(o) for o in c.outputs] for c in run.cells if c.cell_type == "code"]


def _elide_traceback(output: dict) -> dict:
    """An expected exception is shown as on the pages: frames elided, no paths of the build machine."""
    if output.get("output_type") == "error":
        output["traceback"] = ["Traceback (most recent call last):", "  ...", f"{output['ename']}: {output['evalue']}"]
    return output


def execute_all(paths: list[Path] | None = None, workers: int = 2) -> list[Path]:
    """Write the executed .ipynb of every notebook; return their paths. Runs each distinct code once."""
    notebooks = [Notebook.read(p) for p in (paths if paths is not None else sources())]
    todo = {}
    for nb in notebooks:
        cached = CACHE / f"{nb.key()}.json"
        if not cached.exists():
            todo.setdefault(nb.key(), nb)
    if todo:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            results = dict(zip(todo, pool.map(_execute, todo.values())))
        for key, outputs in results.items():
            CACHE.mkdir(parents=True, exist_ok=True)
            (CACHE / f"{key}.json").write_text(json.dumps(outputs), "utf-8")
    written = []
    for nb in notebooks:
        outputs = json.loads((CACHE / f"{nb.key()}.json").read_text("utf-8"))
        code_cells = [c for c in nb.nb.cells if c.cell_type == "code"]
        for n, (cell, out) in enumerate(zip(code_cells, outputs), start=1):
            cell.outputs = [nbformat.from_dict(o) for o in out]
            cell.execution_count = n
            for o in cell.outputs:
                if "execution_count" in o:
                    o.execution_count = n
        nb.executed_path.parent.mkdir(parents=True, exist_ok=True)
        text = nbformat.writes(nb.nb)
        if not nb.executed_path.exists() or nb.executed_path.read_text("utf-8") != text:
            nb.executed_path.write_text(text, "utf-8")
        written.append(nb.executed_path)
    return written
