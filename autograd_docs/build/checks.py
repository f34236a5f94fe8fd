"""Checks over the sources of both languages, run once per build; each error names `file:line`.

MkDocs validates links too, but names no line, and cannot see that a translation drifted, that a
page shows code that is not a snippet, or that a comment lacks its translation.
"""

from __future__ import annotations

import re
from pathlib import Path

from autograd_docs import pages
from autograd_docs.pages import Page, display

EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def check_translations(docs: Path = pages.DOCS) -> list[str]:
    """Every page exists in both languages, with the same includes in the same order, the same heading ids,
    and the same code blocks, admonitions, pictures and graph-picture markers in the same order."""
    found, errors = pages.pairs(docs)
    for a_path, b_path in found:
        errors += compare(pages.read(a_path, docs=docs), pages.read(b_path, docs=docs))
    return errors


def compare(a: Page, b: Page) -> list[str]:
    errors = []
    ia, ib = [p for _, p in a.includes], [p for _, p in b.includes]
    if ia != ib:
        errors.append(f"{b.where}:1: includes differ from {a.where}\n  {a.lang}: {ia}\n  {b.lang}: {ib}")
    ha = [(level, pid) for _, level, pid in a.headings]
    hb = [(level, pid) for _, level, pid in b.headings]
    if ha != hb:
        errors.append(f"{b.where}:1: headings (level, id) differ from {a.where}\n  {a.lang}: {ha}\n  {b.lang}: {hb}")
    for what, items in (("code blocks", Page.code_blocks), ("admonitions", Page.admonitions), ("pictures", Page.pictures)):
        errors += compare_sequence(what, a, items(a), b, items(b))
    try:
        ma, mb = a.markers, b.markers
    except pages.PageError as err:
        return errors + [str(err)]
    return errors + compare_sequence(
        "picture markers", a, [(m.line, m.spec) for m in ma], b, [(m.line, m.spec) for m in mb]
    )


def compare_sequence(what: str, a: Page, in_a: list[tuple[int, str]], b: Page, in_b: list[tuple[int, str]]) -> list[str]:
    """One error at the first place where the translation's sequence departs from the original's."""
    kinds_a, kinds_b = [k for _, k in in_a], [k for _, k in in_b]
    if kinds_a == kinds_b:
        return []
    i = next((i for i, (x, y) in enumerate(zip(kinds_a, kinds_b)) if x != y), min(len(kinds_a), len(kinds_b)))
    # Where the translation departs; when it simply stops early, at its last item.
    line = in_b[i][0] if i < len(in_b) else (in_b[-1][0] if in_b else 1)
    there = f"{a.where}:{in_a[i][0]}" if i < len(in_a) else f"the end of {a.where}"
    return [
        f"{b.where}:{line}: {what} differ from {a.where}: "
        f"{len(kinds_b)} here, {len(kinds_a)} there; the first difference is #{i + 1} (at {there})\n"
        f"  {a.lang}: {kinds_a}\n  {b.lang}: {kinds_b}"
    ]


def check_heading_ids(docs: Path = pages.DOCS) -> list[str]:
    """Every heading below the title pins its id, so anchors are the same in both languages."""
    return [
        f"{p.where}:{n}: heading has no pinned id: add {{ #some-id }} (same in both languages)"
        for p in pages.pages(docs) for n, level, pid in p.headings if level > 1 and pid is None
    ]


def check_links(docs: Path = pages.DOCS) -> list[str]:
    """Every relative link points at an existing page or file, and every #anchor at an id on that page."""
    errors = []
    for p in pages.pages(docs):
        for n, target in p.links():
            if EXTERNAL.match(target):
                continue
            file_part, _, anchor = target.partition("#")
            dest = (p.path.parent / file_part).resolve() if file_part else p.path.resolve()
            if not dest.exists() and not pages.generated_page(dest):
                errors.append(f"{p.where}:{n}: broken link: {target} ({display(dest)} does not exist)")
            elif anchor and dest.suffix == ".md" and anchor not in pages.read(dest, docs=docs).ids:
                errors.append(f"{p.where}:{n}: broken anchor: {target} (no id '{anchor}' in {display(dest)})")
    return errors


def check_examples(docs: Path = pages.DOCS) -> list[str]:
    """Code on a page comes from snippets/ and its output from the recorded `.out` beside it; every
    include resolves and every snippet's comments can be shown in both languages."""
    errors = []
    for p in pages.pages(docs):
        try:
            examples = p.examples
        except pages.PageError as err:
            errors.append(str(err))
            continue
        for e in examples:
            if e.snippet is None:
                errors.append(f"{e.code.where}: code on a page lives in snippets/: replace the block body with one line "
                              f'--8<-- "chapter/name.py"')
                continue
            if e.output is not None:
                want = e.snippet[: -len(".py")] + ".out"
                if e.output.snippet != want:
                    errors.append(f"{e.output.where}: the output block must be the one line --8<-- \"{want}\" "
                                  "(outputs are recorded by `make outputs`, never typed)")
    return errors


def check_all(docs: Path = pages.DOCS) -> list[str]:
    from autograd_docs.build import notebooks

    return (check_translations(docs) + check_heading_ids(docs) + check_links(docs) + check_examples(docs)
            + notebooks.check_sources())
