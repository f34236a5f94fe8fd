"""Execute the exercise notebooks once per content, for the build and the tests.

Notebooks are jupytext percent files, `docs/<lang>/exercises/<chapter>.py`. Both languages share
their code cells (only markdown is translated), so each distinct set of code cells runs once, in a
real Jupyter kernel, and the outputs are cached on disk by content and torch version. The result is
an executed `.ipynb` per language: rendered by mkdocs-jupyter and offered for download.
"""

from __future__ import annotations

import ast
import copy
import functools
import hashlib
import json
import os
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import jupytext
import nbformat

from autograd_docs.examples import DOCS, LANGUAGES, ROOT, display

# Tests and `make bench` point this elsewhere to run from a cold cache without touching the real one.
CACHE = Path(os.environ.get("AUTOGRAD_DOCS_NOTEBOOK_CACHE") or ROOT / ".cache" / "notebooks")
GLOB = "exercises/*.py"
CELL_MARK = re.compile(r"^# %%")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
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
        # Parsing is the slow part and a build reads each notebook several times: parse once per content.
        return cls(source, copy.deepcopy(_parse(str(source), source.stat().st_mtime_ns)))

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
        lang = self.source.parent.parent.name  # docs/<lang>/exercises/<name>.py, whichever docs folder
        return CACHE / lang / "exercises" / (self.source.stem + ".ipynb")


@functools.lru_cache(maxsize=64)
def _parse(source: str, mtime_ns: int) -> nbformat.NotebookNode:
    nb = jupytext.read(source)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata.pop("jupytext", None)
    for i, cell in enumerate(nb.cells):
        cell.id = f"cell-{i}"  # jupytext makes random ids; builds must be byte-identical
    return nb


def sources(docs: Path = DOCS) -> list[Path]:
    return sorted(p for lang in LANGUAGES for p in (docs / lang).glob(GLOB))


def _execute(nb: Notebook) -> list[list]:
    """Run the notebook in a fresh kernel; return each code cell's outputs."""
    from nbclient import NotebookClient

    run = nbformat.from_dict(json.loads(json.dumps(nb.nb)))
    client = NotebookClient(
        run, kernel_name="python3", timeout=TIMEOUT, allow_errors=False, resources={"metadata": {"path": str(ROOT)}},
        extra_arguments=["--IPKernelApp.log_level=ERROR"],  # not its warning about local TCP on every start
    )
    current = [0]
    client.on_cell_execute = lambda cell, cell_index: current.__setitem__(0, cell_index)
    try:
        client.execute()
    except Exception as err:  # CellExecutionError, CellTimeoutError, DeadKernelError...
        text = ANSI.sub("", str(err))
        starts = nb.cell_lines()
        line = starts[current[0]] + 1 if current[0] < len(starts) else 1
        frame = re.search(r"Cell In\[\d+\], line (\d+)", text)  # the first frame is the failing cell's own
        if frame:
            line += int(frame[1]) - 1
        raise NotebookError(
            f"{display(nb.source)}:{line}: cell raised {type(err).__name__} "
            f"(tag the cell raises-exception if that is intended)\n{text}"
        ) from None
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


# --- source checks, run by the build (site_checks.check_all) and the tests ---------------------------

DOLLAR = re.compile(r"\$")


def check_sources(docs: Path = DOCS) -> list[str]:
    """Each notebook exists in both languages with the same cells (code identical, only markdown
    translated), has no `$` math, and every exercise (a `## ` heading) has a folded solution and a check."""
    errors: list[str] = []
    base, *others = LANGUAGES
    names = {lang: {p.name for p in (docs / lang).glob(GLOB)} for lang in LANGUAGES}
    for lang in LANGUAGES:
        for name in sorted(names[lang]):
            errors += _check_one(Notebook.read(docs / lang / "exercises" / name))
    for other in others:
        for name in sorted(names[base] | names[other]):
            a, b = docs / base / "exercises" / name, docs / other / "exercises" / name
            if name not in names[other]:
                errors.append(f"{display(a)}:1: no translation: {display(b)} is missing")
            elif name not in names[base]:
                errors.append(f"{display(b)}:1: no original: {display(a)} is missing")
            else:
                errors += _compare(Notebook.read(a), Notebook.read(b))
    return errors


def _signature(cell) -> tuple:
    if cell.cell_type == "code":
        return ("code", cell.source, json.dumps(cell.metadata, sort_keys=True))
    return (cell.cell_type,)


def _compare(a: Notebook, b: Notebook) -> list[str]:
    """Cells are shared by position: same types in the same order, code cells identical."""
    la, lb = a.cell_lines(), b.cell_lines()
    for i, (ca, cb) in enumerate(zip(a.nb.cells, b.nb.cells)):
        if _signature(ca) != _signature(cb):
            what = "code cell differs" if ca.cell_type == cb.cell_type == "code" else f"{cb.cell_type} cell where the original has a {ca.cell_type} cell"
            return [f"{display(b.source)}:{lb[i]}: {what} from {display(a.source)}:{la[i]} "
                    "(code cells are shared by both languages: translate only the markdown)"]
    if len(a.nb.cells) != len(b.nb.cells):
        return [f"{display(b.source)}:1: {len(b.nb.cells)} cells, but {display(a.source)} has {len(a.nb.cells)} "
                "(same cells in the same order in both languages)"]
    return []


def _check_one(nb: Notebook) -> list[str]:
    errors: list[str] = []
    where = display(nb.source)
    lines = nb.cell_lines()
    if len(lines) != len(nb.nb.cells):
        return [f"{where}:1: every cell must start with a '# %%' line (jupytext percent format)"]
    exercises: list[tuple[int, str, list]] = []  # (line, heading, cells)
    for cell, line in zip(nb.nb.cells, lines):
        if cell.cell_type == "markdown":
            for n, text in enumerate(cell.source.split("\n"), start=line + 1):
                if DOLLAR.search(text):
                    errors.append(f"{where}:{n}: '$' in notebook markdown: nbconvert would need MathJax from a CDN; "
                                  "write formulas in plain text or unicode")
            if cell.source.startswith("## "):
                exercises.append((line, cell.source.split("\n", 1)[0], []))
                continue
        if exercises:
            exercises[-1][2].append(cell)
    if not exercises:
        errors.append(f"{where}:1: no exercise: each exercise starts with a markdown cell '## <question>'")
    for line, heading, cells in exercises:
        code = [c for c in cells if c.cell_type == "code"]
        solutions = [i for i, c in enumerate(code) if "solution" in c.metadata.get("tags", [])]
        if not solutions:
            errors.append(f"{where}:{line}: exercise '{heading}' has no code cell tagged 'solution'")
            continue
        for i in solutions:
            if not code[i].metadata.get("jupyter", {}).get("source_hidden"):
                errors.append(f"{where}:{line}: the solution of '{heading}' is not folded: "
                              "add jupyter={\"source_hidden\": true} to its '# %%' line")
        if not any(_has_assert(c.source) for c in code[solutions[-1] + 1 :]):
            errors.append(f"{where}:{line}: exercise '{heading}' has no check: "
                          "a code cell after the solution must assert the answer against PyTorch")
    return errors


def _has_assert(source: str) -> bool:
    try:
        return any(isinstance(node, ast.Assert) for node in ast.walk(ast.parse(source)))
    except SyntaxError:
        return False
