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
LINK = re.compile(r"\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


@dataclass
class Page:
    path: Path
    lines: list[str]
    code_lines: set[int]  # 1-based lines inside code fences (headings and links there do not count)

    @classmethod
    def read(cls, path: Path) -> "Page":
        lines = path.read_text("utf-8").split("\n")
        code: set[int] = set()
        for f in ex.read_fences(path):
            code.update(range(f.line, f.line + f.body.count("\n") + 3))
        return cls(path, lines, code)

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

    def includes(self) -> list[str]:
        return [p for f in ex.read_fences(self.path) for _, p in f.includes] + [
            m["path"] for _, line in self.text_lines() if (m := ex.INCLUDE.match(line))
        ]


def language_pages(docs: Path) -> dict[str, dict[str, Path]]:
    """{lang: {path relative to the language folder: file}} for the .md pages."""
    return {
        lang: {p.relative_to(docs / lang).as_posix(): p for p in sorted((docs / lang).rglob("*.md"))}
        for lang in ex.LANGUAGES
    }


def check_translations(docs: Path) -> list[str]:
    """Every page exists in both languages, with the same includes, heading ids and picture markers, in the same order."""
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
    try:
        ma, mb = graphs.read_markers(a.path), graphs.read_markers(b.path)
    except ex.PageError as err:
        return errors + [str(err)]
    if [m.spec for m in ma] != [m.spec for m in mb]:
        k = next((k for k, (x, y) in enumerate(zip(ma, mb)) if x.spec != y.spec), min(len(ma), len(mb)))
        line = mb[k].line if k < len(mb) else 1
        errors.append(
            f"{ex.display(b.path)}:{line}: picture markers differ from {ex.display(a.path)} (same snippets and tensors, same order)\n"
            f"  {a.path.parent.name}: {[m.spec for m in ma]}\n  {b.path.parent.name}: {[m.spec for m in mb]}"
        )
    return errors


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
