"""The exercise notebooks: one source per chapter, one executed `.ipynb` per language.

A source is `snippets/exercises/<chapter>.py` in jupytext percent format. Its code cells are written
once, their comments in both languages (`# en:` / `# zh:`, see autograd_docs.comments); each markdown
cell exists once per language (`# %% [markdown] lang="en"`, then `lang="zh"`). The code runs once per
content, in a real Jupyter kernel, cached on disk by code and torch version; each language then gets
its own executed notebook (its markdown, its comments, the shared outputs), which mkdocs-jupyter
renders and the page's download button offers.
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

from autograd_docs import comments
from autograd_docs.build.site import write_atomic
from autograd_docs.pages import EXERCISES, LANGS, ROOT, TRACEBACK_HEAD, display

# Tests and `make bench` point this elsewhere to run from a cold cache without touching the real one.
CACHE = Path(os.environ.get("AUTOGRAD_DOCS_NOTEBOOK_CACHE") or ROOT / ".cache" / "notebooks")
CELL_MARK = re.compile(r"^# %%")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
TIMEOUT = 120
FORMAT = "3"  # bump when the stored outputs change shape (3: one run for both languages), to drop old cache entries


class NotebookError(Exception):
    """A notebook failed; the message starts with `path:line:`."""


@dataclass
class Notebook:
    source: Path  # snippets/exercises/<chapter>.py
    nb: nbformat.NotebookNode  # every cell, both languages
    lines: list[int]  # 1-based line where each cell starts in the source

    @classmethod
    def read(cls, source: Path) -> "Notebook":
        nb, lines = _parse(str(source), source.stat().st_mtime_ns)
        return cls(source, copy.deepcopy(nb), list(lines))

    @property
    def name(self) -> str:
        return self.source.stem

    @property
    def code(self) -> list[str]:
        return [c.source for c in self.nb.cells if c.cell_type == "code"]

    def key(self) -> str:
        from importlib.metadata import version  # (not `import torch`: a warm build never needs torch)

        h = hashlib.sha256(f"{version('torch')}\0{FORMAT}".encode())
        for c in self.nb.cells:
            if c.cell_type == "code":
                h.update(b"\0cell\0" + c.source.encode())
                h.update(json.dumps(c.metadata.get("tags", []), sort_keys=True).encode())
        return h.hexdigest()[:20]

    def localized(self, lang: str) -> nbformat.NotebookNode:
        """The notebook as a reader of `lang` gets it: that language's markdown and comments."""
        nb = copy.deepcopy(self.nb)
        cells = []
        for cell, line in zip(nb.cells, self.lines):
            if cell.cell_type == "code":
                cell.source = comments.localize(cell.source, lang, f"{display(self.source)}:{line}")
            elif cell.metadata.get("lang", lang) != lang:
                continue
            cell.metadata.pop("lang", None)
            cells.append(cell)
        for i, cell in enumerate(cells):
            cell.id = f"cell-{i}"  # jupytext makes random ids; builds must be byte-identical
        nb.cells = cells
        return nb

    def executed_path(self, lang: str) -> Path:
        # <CACHE>/<lang> is the MkDocs src_dir of the page `exercises/<name>.ipynb` (build.hooks.on_files)
        return CACHE / lang / "exercises" / f"{self.name}.ipynb"


@functools.lru_cache(maxsize=64)
def _parse(source: str, mtime_ns: int) -> tuple[nbformat.NotebookNode, tuple[int, ...]]:
    nb = jupytext.read(source)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata.pop("jupytext", None)
    text = Path(source).read_text("utf-8").split("\n")
    lines = tuple(n for n, line in enumerate(text, start=1) if CELL_MARK.match(line))
    return nb, lines


def sources() -> list[Path]:
    return sorted(EXERCISES.glob("*.py"))


def _execute(nb: Notebook) -> list[list]:
    """Run the notebook's code cells (comments of both languages are just comments) in a fresh kernel;
    return each code cell's outputs."""
    from nbclient import NotebookClient

    code_nb = copy.deepcopy(nb.nb)
    code_nb.cells = [c for c in code_nb.cells if c.cell_type == "code"]
    starts = [line for c, line in zip(nb.nb.cells, nb.lines) if c.cell_type == "code"]
    run = nbformat.from_dict(json.loads(json.dumps(code_nb)))
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
        line = starts[current[0]] + 1 if current[0] < len(starts) else 1
        frame = re.search(r"Cell In\[\d+\], line (\d+)", text)  # the first frame is the failing cell's own
        if frame:
            line += int(frame[1]) - 1
        raise NotebookError(
            f"{display(nb.source)}:{line}: cell raised {type(err).__name__} "
            f"(tag the cell raises-exception if that is intended)\n{text}"
        ) from None
    return [[_elide_traceback(o) for o in c.outputs] for c in run.cells]


def coalesce_streams(outputs: list[dict]) -> list[dict]:
    """Consecutive outputs of one stream as one. The kernel sends what a cell prints in pieces, as its buffer
    is flushed: `print("Jacobian:", J)` came back as one stdout output or as two, with the machine's load (seen
    when two builds executed the notebooks at once), and the page showed one box of output or two."""
    merged: list[dict] = []
    for o in outputs:
        if merged and o.get("output_type") == "stream" and merged[-1].get("output_type") == "stream" \
                and merged[-1].get("name") == o.get("name"):
            merged[-1] = {**merged[-1], "text": merged[-1]["text"] + o["text"]}
        else:
            merged.append(o)
    return merged


def _elide_traceback(output: dict) -> dict:
    """An expected exception is shown as on the pages: frames elided, no paths of the build machine."""
    if output.get("output_type") == "error":
        output["traceback"] = [TRACEBACK_HEAD, "  ...", f"{output['ename']}: {output['evalue']}"]
    return output


def execute_all(paths: list[Path] | None = None, workers: int = 2) -> dict[tuple[str, str], Path]:
    """Write each notebook's executed .ipynb per language; return {(lang, name): path}.
    Each distinct code runs once, whatever the languages; unchanged files are not rewritten."""
    notebooks = [Notebook.read(p) for p in (paths if paths is not None else sources())]
    todo = {}
    for nb in notebooks:
        if not (CACHE / f"{nb.key()}.json").exists():
            todo.setdefault(nb.key(), nb)
    if todo:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            results = dict(zip(todo, pool.map(_execute, todo.values())))
        for key, outputs in results.items():
            write_atomic(CACHE / f"{key}.json", json.dumps(outputs).encode("utf-8"))
    written = {}
    for nb in notebooks:
        outputs = json.loads((CACHE / f"{nb.key()}.json").read_text("utf-8"))
        for lang in LANGS:
            local = nb.localized(lang)
            code_cells = [c for c in local.cells if c.cell_type == "code"]
            for n, (cell, out) in enumerate(zip(code_cells, outputs), start=1):
                cell.outputs = [nbformat.from_dict(o) for o in coalesce_streams(out)]
                cell.execution_count = n
                for o in cell.outputs:
                    if "execution_count" in o:
                        o.execution_count = n
            path = nb.executed_path(lang)
            text = nbformat.writes(local)
            if not path.exists() or path.read_text("utf-8") != text:
                write_atomic(path, text.encode("utf-8"))
            written[(lang, nb.name)] = path
    return written


# --- source checks, run once per build (build.checks.check_all) ---------------------------------------

DOLLAR = re.compile(r"\$")


def check_sources(paths: list[Path] | None = None) -> list[str]:
    """Markdown cells in every language, in the same order; code comments in both languages; no `$` math;
    every exercise (a `## ` heading) has a folded solution and a check. Code cells are written once, so
    the languages cannot disagree on code."""
    errors: list[str] = []
    for path in paths if paths is not None else sources():
        errors += _check_one(Notebook.read(path))
    return errors


def _check_one(nb: Notebook) -> list[str]:
    where = display(nb.source)
    if len(nb.lines) != len(nb.nb.cells):
        return [f"{where}:1: every cell must start with a '# %%' line (jupytext percent format)"]
    errors: list[str] = []
    group: list[tuple[str, int]] = []  # the languages of consecutive markdown cells

    def close_group():
        # consecutive markdown cells: each text once per language, in the order of LANGS
        langs = [l for l, _ in group]
        want = list(LANGS) * -(-len(langs) // len(LANGS))
        if langs != want:
            i = next((i for i, (a, b) in enumerate(zip(langs, want)) if a != b), len(langs) - 1)
            errors.append(f"{where}:{group[i][1]}: markdown cells here are in {langs}: each text needs one cell per "
                          f"language, in the order {list(LANGS)} (`# %% [markdown] lang=\"en\"`, then lang=\"zh\")")
        group.clear()

    for cell, line in zip(nb.nb.cells, nb.lines):
        if cell.cell_type == "markdown":
            lang = cell.metadata.get("lang")
            if lang not in LANGS:
                errors.append(f"{where}:{line}: markdown cell without a language: add lang=\"en\" or lang=\"zh\" to its '# %%' line")
            group.append((lang, line))
            for n, text in enumerate(cell.source.split("\n"), start=line + 1):
                if DOLLAR.search(text):
                    errors.append(f"{where}:{n}: '$' in notebook markdown: nbconvert would need MathJax from a CDN; "
                                  "write formulas as `code` or unicode")
        else:
            close_group()
            errors += [f"{where}:{line + n}: {msg}" for n, msg in comments.problems(cell.source)]
    close_group()
    if errors:
        return errors
    for lang in LANGS:
        errors += _check_exercises(nb, lang)
    return errors


def _check_exercises(nb: Notebook, lang: str) -> list[str]:
    where = display(nb.source)
    errors: list[str] = []
    exercises: list[tuple[int, str, list]] = []  # (line, heading, cells)
    for cell, line in zip(nb.nb.cells, nb.lines):
        if cell.cell_type == "markdown":
            if cell.metadata.get("lang") != lang:
                continue
            if cell.source.startswith("## "):
                exercises.append((line, cell.source.split("\n", 1)[0], []))
                continue
        if exercises:
            exercises[-1][2].append(cell)
    if not exercises:
        errors.append(f"{where}:1: no exercise in {lang}: each exercise starts with a markdown cell '## <question>'")
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
        if not any(has_assert(c.source) for c in code[solutions[-1] + 1 :]):
            errors.append(f"{where}:{line}: exercise '{heading}' has no check: "
                          "a code cell after the solution must assert the answer against PyTorch")
    return errors


def has_assert(source: str) -> bool:
    try:
        return any(isinstance(node, ast.Assert) for node in ast.walk(ast.parse(source)))
    except SyntaxError:
        return False
