"""Checks over the page sources of both languages, each error naming `file:line`.

Run by the build (so `make build` and `make serve` stop on them) and by the tests.
MkDocs validates links too, but names no line, and cannot see that a translation drifted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from autograd_docs import examples as ex
from autograd_docs import graphs
from autograd_docs import notebooks

HEADING = re.compile(r"^(#{1,6})[ \t]+(?P<text>.*?)[ \t]*$")
HEADING_ID = re.compile(r"\{[^}]*#(?P<id>[\w-]+)[^}]*\}\s*$")
ANY_ID = re.compile(r"""(?:\{[^}\n]*#(?P<a>[\w-]+)[^}\n]*\})|(?:\bid=["'](?P<b>[\w-]+)["'])""")
ADMONITION = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]*(?P<kind>[\w-]+)")
# Pictures: Markdown images (inline or by reference) and the HTML that draws one.
PICTURE = re.compile(r"!\[[^\]]*\][(\[]|<(?:img|figure|svg|picture)\b", re.I)
LINK = re.compile(r"\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


@dataclass
class Page:
    path: Path
    lines: list[str]
    fences: list[ex.Fence]
    code_lines: set[int]  # 1-based lines inside code fences (headings and links there do not count)

    @classmethod
    def read(cls, path: Path) -> "Page":
        text = path.read_text("utf-8")
        fences = ex.read_fences(path, text)
        code = {n for f in fences for n in range(f.line, f.line + f.body.count("\n") + 3)}
        return cls(path, text.split("\n"), fences, code)

    def text_lines(self):
        for n, line in enumerate(self.lines, start=1):
            if n not in self.code_lines:
                yield n, line

    def headings(self) -> list[tuple[int, int, str | None]]:
        """(line, level, pinned id) of every heading."""
        out = []
        for n, line in self.text_lines():
            m = HEADING.match(line)
            if m:
                pid = HEADING_ID.search(m["text"])
                out.append((n, len(m[1]), pid["id"] if pid else None))
        return out

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

    def includes(self) -> list[str]:
        return [p for f in self.fences for _, p in f.includes] + [
            m["path"] for _, line in self.text_lines() if (m := ex.INCLUDE.match(line))
        ]


def language_pages(docs: Path) -> dict[str, dict[str, Path]]:
    """{lang: {path relative to the language folder: file}} for the .md pages."""
    return {
        lang: {p.relative_to(docs / lang).as_posix(): p for p in sorted((docs / lang).rglob("*.md"))}
        for lang in ex.LANGUAGES
    }


def check_translations(docs: Path) -> list[str]:
    """Every page exists in both languages, with the same includes in the same order, the same heading ids,
    and the same code blocks, admonitions, pictures and graph-picture markers in the same order."""
    errors: list[str] = []
    langs = language_pages(docs)
    base, *others = ex.LANGUAGES
    for other in others:
        for rel in sorted(set(langs[base]) | set(langs[other])):
            if rel not in langs[other]:
                errors.append(f"{ex.display(langs[base][rel])}:1: no translation: {ex.display(docs / other / rel)} is missing")
                continue
            if rel not in langs[base]:
                errors.append(f"{ex.display(langs[other][rel])}:1: no original: {ex.display(docs / base / rel)} is missing")
                continue
            a, b = Page.read(langs[base][rel]), Page.read(langs[other][rel])
            errors += _compare(a, b)
    return errors


def _compare(a: Page, b: Page) -> list[str]:
    errors = []
    ia, ib = a.includes(), b.includes()
    if ia != ib:
        errors.append(
            f"{ex.display(b.path)}:1: includes differ from {ex.display(a.path)}\n"
            f"  {a.path.parent.name}: {ia}\n  {b.path.parent.name}: {ib}"
        )
    ida = [(level, pid) for _, level, pid in a.headings()]
    idb = [(level, pid) for _, level, pid in b.headings()]
    if ida != idb:
        errors.append(
            f"{ex.display(b.path)}:1: headings (level, id) differ from {ex.display(a.path)}\n"
            f"  {a.path.parent.name}: {ida}\n  {b.path.parent.name}: {idb}"
        )
    for what, items in (("code blocks", Page.code_blocks), ("admonitions", Page.admonitions), ("pictures", Page.pictures)):
        errors += _compare_sequence(what, a, items(a), b, items(b))
    try:
        ma, mb = graphs.read_markers(a.path), graphs.read_markers(b.path)
    except ex.PageError as err:
        return errors + [str(err)]
    errors += _compare_sequence(
        "picture markers", a, [(m.line, m.spec) for m in ma], b, [(m.line, m.spec) for m in mb]
    )
    return errors


def _compare_sequence(what: str, a: Page, in_a: list[tuple[int, str]], b: Page, in_b: list[tuple[int, str]]) -> list[str]:
    """One error at the first place where the translation's sequence departs from the original's."""
    kinds_a, kinds_b = [k for _, k in in_a], [k for _, k in in_b]
    if kinds_a == kinds_b:
        return []
    i = next((i for i, (x, y) in enumerate(zip(kinds_a, kinds_b)) if x != y), min(len(kinds_a), len(kinds_b)))
    # Where the translation departs; when it simply stops early, at its last item.
    line = in_b[i][0] if i < len(in_b) else (in_b[-1][0] if in_b else 1)
    there = f"{ex.display(a.path)}:{in_a[i][0]}" if i < len(in_a) else f"the end of {ex.display(a.path)}"
    return [
        f"{ex.display(b.path)}:{line}: {what} differ from {ex.display(a.path)}: "
        f"{len(kinds_b)} here, {len(kinds_a)} there; the first difference is #{i + 1} (at {there})\n"
        f"  {a.path.parent.name}: {kinds_a}\n  {b.path.parent.name}: {kinds_b}"
    ]


def check_heading_ids(docs: Path) -> list[str]:
    """Every heading below the title pins its id, so anchors are the same in both languages."""
    errors = []
    for pages in language_pages(docs).values():
        for p in pages.values():
            for n, level, pid in Page.read(p).headings():
                if level > 1 and pid is None:
                    errors.append(f"{ex.display(p)}:{n}: heading has no pinned id: add {{ #some-id }} (same in both languages)")
    return errors


def check_links(docs: Path) -> list[str]:
    """Every relative link points at an existing page or file, and every #anchor at an id on that page."""
    errors = []
    cache: dict[Path, set[str]] = {}

    def ids(p: Path) -> set[str]:
        if p not in cache:
            cache[p] = Page.read(p).ids()
        return cache[p]

    for pages in language_pages(docs).values():
        for p in pages.values():
            page = Page.read(p)
            for n, line in page.text_lines():
                for m in LINK.finditer(line):
                    target = m["target"].strip("<>")
                    if EXTERNAL.match(target):
                        continue
                    file_part, _, anchor = target.partition("#")
                    dest = (p.parent / file_part).resolve() if file_part else p.resolve()
                    if not dest.exists():
                        errors.append(f"{ex.display(p)}:{n}: broken link: {target} ({ex.display(dest)} does not exist)")
                    elif anchor and dest.suffix == ".md" and anchor not in ids(dest):
                        errors.append(f"{ex.display(p)}:{n}: broken anchor: {target} (no id '{anchor}' in {ex.display(dest)})")
    return errors


def check_all(docs: Path = ex.DOCS) -> list[str]:
    return (check_translations(docs) + check_heading_ids(docs) + check_links(docs)
            + notebooks.check_sources(docs))
