"""Read the examples off a page and run them the way the site promises.

Shared by the doctest (pytest plugin), the record command and the MkDocs hooks, so that what is
checked, what is recorded and what is rendered all come from one reading of the page.
"""

from __future__ import annotations

import contextlib
import io
import random
import re
import sys
import traceback
import warnings
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
DOCS = ROOT / "docs"
LANGUAGES = ("en", "zh")  # the first is served at the site root, every other under /<lang>/
VERSION_FILE = SNIPPETS / "torch-version.txt"

INCLUDE = re.compile(r'^(?P<indent>[ \t]*)--8<--[ \t]+"(?P<path>[^"]+)"[ \t]*$')
ANY_INCLUDE = re.compile(r"--8<--")
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>`{3,}|~{3,})[ \t]*(?P<info>[^`]*?)[ \t]*$")
ADDRESS = re.compile(r"\bat 0x[0-9a-fA-F]+")
TRACEBACK_HEAD = "Traceback (most recent call last):"
PYTHON_LANGS = {"python", "py", "python3"}


class PageError(Exception):
    """A page is malformed; the message starts with `path:line:`."""


@dataclass
class Fence:
    path: Path  # the page (or fixture) the fence is on
    line: int  # 1-based line of the opening fence
    lang: str
    classes: set[str]
    body: str  # the lines between the fences, with the fence's indentation removed
    includes: list[tuple[int, str]] = field(default_factory=list)  # (page line, snippet path)

    @property
    def is_python(self) -> bool:
        return self.lang in PYTHON_LANGS

    @property
    def is_output(self) -> bool:
        return "output" in self.classes

    @property
    def where(self) -> str:
        return f"{display(self.path)}:{self.line}"


@dataclass
class Example:
    code: Fence
    output: Fence | None
    source: str  # the code with includes expanded, exactly as the reader sees it
    expected: str | None  # the output block with includes expanded
    snippet: str | None  # the snippet path when the code block is one include line, else None
    snippets: Path = SNIPPETS

    @property
    def filename(self) -> str:
        """Where tracebacks point: the snippet file, or the page itself."""
        return str(self.snippets / self.snippet) if self.snippet else str(self.code.path)

    @property
    def compiled_source(self) -> str:
        # Inline code is padded so that traceback line numbers are page line numbers.
        return self.source if self.snippet else "\n" * self.code.line + self.source


def language_root(lang: str) -> str:
    """Where a language's pages live in the built site, relative to its root."""
    return "" if lang == LANGUAGES[0] else f"{lang}/"


def display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def parse_info(info: str) -> tuple[str, set[str]]:
    """Return (language, classes) of a fence info string, plain (`python`) or braced (`{.text .output}`)."""
    info = info.strip()
    if info.startswith("{"):
        parts = info.strip("{}").split()
        dotted = [p[1:] for p in parts if p.startswith(".")]
        return (dotted[0] if dotted else ""), set(dotted[1:])
    parts = info.split()
    return (parts[0] if parts else ""), set()


def read_fences(path: Path, text: str | None = None) -> list[Fence]:
    """Every fenced block of a page at any indentation (admonitions and content tabs included)."""
    lines = (path.read_text("utf-8") if text is None else text).split("\n")
    fences: list[Fence] = []
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, mark = m["indent"], m["mark"]
        lang, classes = parse_info(m["info"])
        start = i
        body: list[str] = []
        includes: list[tuple[int, str]] = []
        i += 1
        while True:
            if i >= len(lines):
                raise PageError(f"{display(path)}:{start + 1}: code fence {mark} is never closed")
            line = lines[i]
            stripped = line.strip()
            if stripped.startswith(mark[0] * len(mark)) and set(stripped) == {mark[0]}:
                break
            if line.strip() and not line.startswith(indent):
                raise PageError(f"{display(path)}:{i + 1}: line is less indented than its code fence (line {start + 1})")
            content = line[len(indent):]
            inc = INCLUDE.match(content)
            if inc:
                includes.append((i + 1, inc["path"]))
            elif ANY_INCLUDE.search(content):
                raise PageError(f'{display(path)}:{i + 1}: includes must be a whole line: --8<-- "chapter/name.py"')
            body.append(content)
            i += 1
        fences.append(Fence(path, start + 1, lang, classes, "\n".join(body), includes))
        i += 1
    return fences


def expand(fence: Fence, snippets: Path) -> str:
    """The fence body with every include line replaced by the file it names."""
    out = []
    includes = dict(fence.includes)
    for n, line in enumerate(fence.body.split("\n"), start=fence.line + 1):
        if n in includes:
            target = snippets / includes[n]
            if not target.is_file():
                raise PageError(f"{display(fence.path)}:{n}: include not found: {display(target)}")
            out.append(target.read_text("utf-8").rstrip("\n"))
        else:
            out.append(line)
    return "\n".join(out)


def read_examples(path: Path, snippets: Path = SNIPPETS) -> list[Example]:
    """Pair each python fence of a page with the output fence right under it."""
    text = path.read_text("utf-8")
    fences = read_fences(path, text)
    lines = text.split("\n")
    examples: list[Example] = []
    for k, fence in enumerate(fences):
        if fence.is_output:
            prev = fences[k - 1] if k else None
            if prev is None or not prev.is_python or not _adjacent(lines, prev, fence):
                raise PageError(f"{fence.where}: output block is not right under a python block")
            continue
        if not fence.is_python:
            continue
        nxt = fences[k + 1] if k + 1 < len(fences) else None
        output = nxt if nxt is not None and nxt.is_output and _adjacent(lines, fence, nxt) else None
        nonblank = [l for l in fence.body.split("\n") if l.strip()]
        snippet = fence.includes[0][1] if len(fence.includes) == 1 and len(nonblank) == 1 else None
        examples.append(
            Example(fence, output, expand(fence, snippets), expand(output, snippets) if output else None, snippet, snippets)
        )
    return examples


def _adjacent(lines: list[str], a: Fence, b: Fence) -> bool:
    """True when only blank lines of the page stand between the end of fence a and the start of fence b."""
    end = a.line + a.body.count("\n") + 1  # 0-based index of a's closing fence
    return all(not l.strip() for l in lines[end + 1 : b.line - 1])


# --- running -------------------------------------------------------------------------------------


@dataclass
class Run:
    output: str  # what the code printed (stdout, stderr, warnings, the exception), addresses masked
    error: BaseException | None
    traceback: str  # the full traceback when the code raised


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


def run(code: str, filename: str) -> Run:
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
        warnings.simplefilter("default")
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
    return Run(mask(text).rstrip("\n"), error, mask(tb))


def expects_exception(expected: str | None) -> bool:
    return expected is not None and any(l == TRACEBACK_HEAD for l in expected.split("\n"))


def recorded_version() -> str | None:
    return VERSION_FILE.read_text().strip() if VERSION_FILE.exists() else None


def pages(docs: Path = DOCS) -> list[Path]:
    return sorted(p for p in docs.rglob("*.md"))
