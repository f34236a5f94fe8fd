"""The page model: where things live, which languages exist, and what a page holds.

Every other module asks this one: the doctest (examples), the build (includes, pictures, checks,
URLs), the tools and the tests. A page is parsed once per content (cached by path, size and mtime),
so a build that asks the same page many questions reads it once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from autograd_docs import comments

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
EXERCISES = SNIPPETS / "exercises"  # notebook sources, one per chapter, both languages in one file
VERSION_FILE = SNIPPETS / "torch-version.txt"
# How an output block shows an exception (doctest style, frames elided): the harness writes it, notebooks too.
TRACEBACK_HEAD = "Traceback (most recent call last):"


@dataclass(frozen=True)
class Language:
    code: str  # folder under docs/, the `# xx:` comment tag, the notebook cell's lang
    root: str  # URL prefix in the built site: "" for the default language, "zh/" otherwise
    name: str  # in its own language, for the switcher


LANGUAGES = (Language("en", "", "English"), Language("zh", "zh/", "简体中文"))
LANGS = tuple(l.code for l in LANGUAGES)
DEFAULT = LANGUAGES[0]
BY_CODE = {l.code: l for l in LANGUAGES}
assert LANGS == comments.LANGS, "comments.py tags the same languages"

INCLUDE = re.compile(r'^(?P<indent>[ \t]*)--8<--[ \t]+"(?P<path>[^"]+)"[ \t]*$')
ANY_INCLUDE = re.compile(r"--8<--")
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>`{3,}|~{3,})[ \t]*(?P<info>[^`]*?)[ \t]*$")
PYTHON_LANGS = {"python", "py", "python3"}
HEADING = re.compile(r"^(#{1,6})[ \t]+(?P<text>.*?)[ \t]*$")
HEADING_ID = re.compile(r"\{[^}]*#(?P<id>[\w-]+)[^}]*\}\s*$")
ANY_ID = re.compile(r"""(?:\{[^}\n]*#(?P<a>[\w-]+)[^}\n]*\})|(?:\bid=["'](?P<b>[\w-]+)["'])""")
ADMONITION = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]*(?P<kind>[\w-]+)")
PICTURE = re.compile(r"!\[[^\]]*\][(\[]|<(?:img|figure|svg|picture)\b", re.I)  # Markdown images and HTML pictures
LINK = re.compile(r"\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
MARKER = re.compile(r"^(?P<indent>[ \t]*)<!--[ \t]*autograd-graph\b(?P<rest>.*)$")
MARKER_NAME = re.compile(r"^[A-Za-z_]\w*(?:\.\w+)*$", re.ASCII)  # x, model.weight, net.0.bias
DIRECTIONS = ("down", "right")


class PageError(Exception):
    """A page is malformed; the message starts with `path:line:`."""


def display(path: Path) -> str:
    """A path as errors show it: relative to the project root when inside it."""
    try:
        return Path(path).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def language_of(path: Path, docs: Path = DOCS) -> Language:
    """The language of a file under docs/<lang>/ (the default language for anything else)."""
    try:
        head = Path(path).resolve().relative_to(docs.resolve()).parts[0]
    except (ValueError, IndexError):
        return DEFAULT
    return BY_CODE.get(head, DEFAULT)


def url_of(rel: str, lang: str) -> str:
    """URL path, relative to the site root, of the page `rel` (e.g. `deep-dives/hooks.md`, `exercises/x.ipynb`)."""
    stem = rel.rsplit(".", 1)[0]
    if stem == "index":
        path = ""
    elif stem.endswith("/index"):
        path = stem[: -len("index")]
    else:
        path = stem + "/"
    return BY_CODE[lang].root + path


def generated_page(path: Path) -> bool:
    """True for docs/<lang>/exercises/<chapter>.ipynb: the build makes it from snippets/exercises/<chapter>.py."""
    path = Path(path)
    return path.suffix == ".ipynb" and path.parent.name == "exercises" and (EXERCISES / f"{path.stem}.py").is_file()


# --- fences -----------------------------------------------------------------------------------------


@dataclass
class Fence:
    path: Path
    line: int  # 1-based line of the opening fence
    end: int  # 1-based line of the closing fence
    lang: str
    classes: set[str]
    body: str  # the lines between the fences, the fence's indentation removed
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

    @property
    def snippet(self) -> str | None:
        """The snippet path when the body is exactly one include line."""
        nonblank = [l for l in self.body.split("\n") if l.strip()]
        return self.includes[0][1] if len(self.includes) == 1 and len(nonblank) == 1 else None

    def lines(self) -> range:
        """Every page line the fence occupies, both fence lines included."""
        return range(self.line, self.end + 1)


def parse_info(info: str) -> tuple[str, set[str]]:
    """(language, classes) of a fence info string, plain (`python`) or braced (`{.text .output}`)."""
    info = info.strip()
    if info.startswith("{"):
        dotted = [p[1:] for p in info.strip("{}").split() if p.startswith(".")]
        return (dotted[0] if dotted else ""), set(dotted[1:])
    parts = info.split()
    return (parts[0] if parts else ""), set()


def read_fences(path: Path, text: str) -> list[Fence]:
    """Every fenced block at any indentation (admonitions and content tabs included)."""
    lines = text.split("\n")
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
        fences.append(Fence(path, start + 1, i + 1, lang, classes, "\n".join(body), includes))
        i += 1
    return fences


def read_snippet(fence_path: Path, line: int, rel: str, snippets: Path = SNIPPETS) -> str:
    target = snippets / rel
    if not target.is_file():
        raise PageError(f"{display(fence_path)}:{line}: include not found: {display(target)}")
    return target.read_text("utf-8").rstrip("\n")


def included(fence_path: Path, line: int, rel: str, lang: str, snippets: Path = SNIPPETS) -> str:
    """What an include line shows a reader of `lang`: a `.py` with that language's comments, anything else as is."""
    text = read_snippet(fence_path, line, rel, snippets)
    if not rel.endswith(".py"):
        return text
    try:
        return comments.localize(text, lang, display(snippets / rel))
    except comments.CommentError as err:
        raise PageError(f"{err}\n  (included at {display(fence_path)}:{line})") from None


def expand(fence: Fence, lang: str, snippets: Path = SNIPPETS) -> str:
    """The fence body with every include line replaced by what it shows a reader of `lang`."""
    includes = dict(fence.includes)
    return "\n".join(
        included(fence.path, n, includes[n], lang, snippets) if n in includes else line
        for n, line in enumerate(fence.body.split("\n"), start=fence.line + 1)
    )


@dataclass
class Example:
    """A python block, the output block right under it (if any), both as the page's reader sees them."""

    code: Fence
    output: Fence | None
    source: str  # the code as the reader sees it (includes expanded, comments in the page's language)
    expected: str | None  # the output block with includes expanded
    snippets: Path = SNIPPETS

    @property
    def snippet(self) -> str | None:
        return self.code.snippet

    @property
    def shows_exception(self) -> bool:
        """The output block under the code ends in an exception."""
        return self.expected is not None and TRACEBACK_HEAD in self.expected.split("\n")

    @property
    def filename(self) -> str:
        """Where tracebacks point: the snippet file, or the page itself."""
        return str(self.snippets / self.snippet) if self.snippet else str(self.code.path)

    @property
    def runnable(self) -> str:
        """What runs: the snippet file as written (the same for both languages; its comments print
        nothing), or the page's inline code padded so that traceback line numbers are page lines."""
        if self.snippet:
            return read_snippet(self.code.path, self.code.line + 1, self.snippet, self.snippets)
        return "\n" * self.code.line + self.source


# --- picture markers ----------------------------------------------------------------------------------


@dataclass
class Marker:
    """`<!-- autograd-graph: chapter/name.py tensors=a,b [direction=right]` + caption + `-->`."""

    path: Path
    line: int  # 1-based line of `<!-- autograd-graph:`
    end: int  # 1-based line of the closing `-->`
    indent: str
    snippet: str
    tensors: tuple[str, ...]
    direction: str
    caption: str  # Markdown, in the page's language

    @property
    def where(self) -> str:
        return f"{display(self.path)}:{self.line}"

    @property
    def spec(self) -> str:
        """What must be the same in every language: everything but the caption."""
        return f"{self.snippet} tensors={','.join(self.tensors)} direction={self.direction}"


def _read_markers(path: Path, lines: list[str], in_code: set[int]) -> list[Marker]:
    markers = []
    for i, line in enumerate(lines):
        n = i + 1
        m = MARKER.match(line)
        if not m or n in in_code:
            continue
        end = next((j for j in range(i, len(lines)) if "-->" in lines[j]), None)
        if end is None:
            raise PageError(f"{display(path)}:{n}: picture marker is never closed with -->")
        head = m["rest"]
        if not head.startswith(":"):
            raise PageError(f"{display(path)}:{n}: write the marker as `<!-- autograd-graph: chapter/name.py tensors=a,b`")
        body = "\n".join([head[1:]] + [l[len(m["indent"]):] if l.startswith(m["indent"]) else l for l in lines[i + 1 : end + 1]])
        body = body[: body.rindex("-->")]
        spec, _, caption = body.partition("\n")
        caption = "\n".join(l.strip() for l in caption.strip().split("\n"))
        markers.append(_parse_marker(path, n, end + 1, m["indent"], spec, caption))
    return markers


def _parse_marker(path: Path, line: int, end: int, indent: str, spec: str, caption: str) -> Marker:
    where = f"{display(path)}:{line}"
    words = spec.split()
    if not words or "=" in words[0]:
        raise PageError(f"{where}: picture marker names no snippet: `<!-- autograd-graph: chapter/name.py tensors=a,b`")
    options = {}
    for word in words[1:]:
        key, eq, value = word.partition("=")
        if not eq or key not in ("tensors", "direction") or key in options:
            raise PageError(f"{where}: bad picture option {word!r}: use tensors=a,b,c and optionally direction=down|right")
        options[key] = value
    tensors = tuple(t for t in options.get("tensors", "").split(",") if t)
    if not tensors:
        raise PageError(f"{where}: picture marker needs tensors=a,b,... (the snippet's variables to draw from)")
    for t in tensors:
        if not MARKER_NAME.match(t):
            raise PageError(f"{where}: {t!r} is not a variable name (a, a.b, a.0.b): tensor names are ASCII identifiers")
    direction = options.get("direction", "down")
    if direction not in DIRECTIONS:
        raise PageError(f"{where}: direction={direction} is not one of {', '.join(DIRECTIONS)}")
    if not caption:
        raise PageError(f"{where}: picture marker has no caption: write it on the lines before -->, in the page's language")
    if re.search(r"\n[ \t]*\n", caption):
        raise PageError(f"{where}: the picture's caption is one paragraph: remove the blank line")
    return Marker(path, line, end, indent, words[0], tensors, direction, caption)


# --- the page -----------------------------------------------------------------------------------------


@dataclass
class Page:
    path: Path
    lang: str
    rel: str  # path inside the language folder, e.g. `deep-dives/hooks.md`
    text: str
    snippets: Path = SNIPPETS

    @cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    @property
    def url(self) -> str:
        return url_of(self.rel, self.lang)

    @property
    def where(self) -> str:
        return display(self.path)

    @cached_property
    def fences(self) -> list[Fence]:
        return read_fences(self.path, self.text)

    @cached_property
    def code_lines(self) -> set[int]:
        """1-based lines inside code fences, fence lines included (headings and links there do not count)."""
        return {n for f in self.fences for n in f.lines()}

    def text_lines(self):
        for n, line in enumerate(self.lines, start=1):
            if n not in self.code_lines:
                yield n, line

    @cached_property
    def examples(self) -> list[Example]:
        """Each python fence with the output fence right under it (only blank lines between)."""
        found: list[Example] = []
        fences = self.fences
        for k, fence in enumerate(fences):
            if fence.is_output:
                prev = fences[k - 1] if k else None
                if prev is None or not prev.is_python or not self._adjacent(prev, fence):
                    raise PageError(f"{fence.where}: output block is not right under a python block")
                continue
            if not fence.is_python:
                continue
            nxt = fences[k + 1] if k + 1 < len(fences) else None
            output = nxt if nxt is not None and nxt.is_output and self._adjacent(fence, nxt) else None
            found.append(Example(
                fence, output, expand(fence, self.lang, self.snippets),
                expand(output, self.lang, self.snippets) if output else None, self.snippets,
            ))
        return found

    def _adjacent(self, a: Fence, b: Fence) -> bool:
        return all(not l.strip() for l in self.lines[a.end : b.line - 1])

    @cached_property
    def includes(self) -> list[tuple[int, str]]:
        """(line, snippet) of every include, in fences or not."""
        return [inc for f in self.fences for inc in f.includes] + [
            (n, m["path"]) for n, line in self.text_lines() if (m := INCLUDE.match(line))
        ]

    @cached_property
    def headings(self) -> list[tuple[int, int, str | None]]:
        """(line, level, pinned id) of every heading."""
        out = []
        for n, line in self.text_lines():
            m = HEADING.match(line)
            if m:
                pid = HEADING_ID.search(m["text"])
                out.append((n, len(m[1]), pid["id"] if pid else None))
        return out

    @cached_property
    def ids(self) -> set[str]:
        return {m["a"] or m["b"] for _, line in self.text_lines() for m in ANY_ID.finditer(line)}

    def code_blocks(self) -> list[tuple[int, str]]:
        """(line, kind) of every fenced block, e.g. `python`, `text output`."""
        return [(f.line, " ".join([f.lang or "plain", *(["output"] if f.is_output else [])])) for f in self.fences]

    def admonitions(self) -> list[tuple[int, str]]:
        return [(n, m["kind"]) for n, line in self.text_lines() if (m := ADMONITION.match(line))]

    def pictures(self) -> list[tuple[int, str]]:
        return [(n, "image" if m[0].startswith("!") else m[0][1:].lower())
                for n, line in self.text_lines() for m in PICTURE.finditer(line)]

    @cached_property
    def markers(self) -> list[Marker]:
        return _read_markers(self.path, self.lines, self.code_lines)

    def links(self):
        """(line, target) of every Markdown link outside code."""
        for n, line in self.text_lines():
            for m in LINK.finditer(line):
                yield n, m["target"].strip("<>")


_pages: dict[tuple, Page] = {}


def read(path: Path, text: str | None = None, docs: Path = DOCS, snippets: Path = SNIPPETS) -> Page:
    """The page at `path` (or `text` as if it were there), parsed once per content."""
    path = Path(path)
    if text is None:
        text = path.read_text("utf-8")
    lang = language_of(path, docs)
    try:
        rel = path.resolve().relative_to((docs / lang.code).resolve()).as_posix()
    except ValueError:
        rel = path.name
    key = (str(path), text, str(snippets))
    page = _pages.get(key)
    if page is None:
        page = _pages[key] = Page(path, lang.code, rel, text, snippets)
    return page


def clear_cache() -> None:
    """Forget every parsed page (the next question reads and parses again)."""
    _pages.clear()


def pages(docs: Path = DOCS, lang: str | None = None) -> list[Page]:
    """Every Markdown page of the site (or of one language), in a stable order."""
    langs = [lang] if lang else LANGS
    return [read(p, docs=docs) for code in langs for p in sorted((docs / code).rglob("*.md"))]


def by_language(docs: Path = DOCS) -> dict[str, dict[str, Path]]:
    """{lang: {path inside the language folder: file}} of the Markdown pages."""
    return {l: {p.relative_to(docs / l).as_posix(): p for p in sorted((docs / l).rglob("*.md"))} for l in LANGS}


def pairs(docs: Path = DOCS) -> tuple[list[tuple[Path, Path]], list[str]]:
    """(original, translation) for every page of every other language, and an error for each page that
    has no translation or no original."""
    found, errors = [], []
    pages_of = by_language(docs)
    base = DEFAULT.code
    for other in LANGS[1:]:
        for rel in sorted(set(pages_of[base]) | set(pages_of[other])):
            if rel not in pages_of[other]:
                errors.append(f"{display(pages_of[base][rel])}:1: no translation: {display(docs / other / rel)} is missing")
            elif rel not in pages_of[base]:
                errors.append(f"{display(pages_of[other][rel])}:1: no original: {display(docs / base / rel)} is missing")
            else:
                found.append((pages_of[base][rel], pages_of[other][rel]))
    return found, errors


def all_examples(docs: Path = DOCS) -> list[Example]:
    return [e for p in pages(docs) for e in p.examples]


def recorded_version() -> str | None:
    return VERSION_FILE.read_text().strip() if VERSION_FILE.exists() else None
