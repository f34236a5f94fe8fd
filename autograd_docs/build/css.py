"""Drop the CSS rules a set of pages cannot use: nbconvert inlines ~600 KB of JupyterLab CSS into every
notebook page, most of it for widgets, menus and editors that a static page never has."""

from __future__ import annotations

import re

CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
HTML_CLASS = re.compile(r'\bclass="([^"]*)"')
COMMENT = re.compile(r"/\*.*?\*/", re.S)
# Parts of a selector whose classes need not all be on the page (kept to be safe): attribute values
# ([data-mime-type="application/vnd.jupyter.stderr"]), negations (:not(.jp-mod-active) matches where the
# class is absent) and alternatives (:is(.a, .b) matches with either).
OPTIONAL = re.compile(r"\[[^\]]*\]|:(?:not|is|where|has)\((?:[^()]|\([^()]*\))*\)")


def classes_in(html: str) -> set[str]:
    return {c for attr in HTML_CLASS.findall(html) for c in attr.split()}


def _blocks(css: str):
    """Top-level statements: (prelude, body) for blocks, (statement, None) for `@import x;` and the like."""
    i, n = 0, len(css)
    while i < n:
        j = i
        while j < n and css[j] not in "{;":
            if css[j] in "\"'":  # skip strings
                q = css[j]
                j += 1
                while j < n and css[j] != q:
                    j += 2 if css[j] == "\\" else 1
            j += 1
        if j >= n:
            rest = css[i:].strip()
            if rest:
                yield rest, None
            return
        if css[j] == ";":
            yield css[i : j + 1].strip(), None
            i = j + 1
            continue
        depth, k = 1, j + 1
        while k < n and depth:
            if css[k] == "{":
                depth += 1
            elif css[k] == "}":
                depth -= 1
            elif css[k] in "\"'":
                q = css[k]
                k += 1
                while k < n and css[k] != q:
                    k += 2 if css[k] == "\\" else 1
            k += 1
        yield css[i:j].strip(), css[j + 1 : k - 1]
        i = k


def _selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (`:is(.a, .b)` stays whole)."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(prelude):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "," and depth == 0:
            out.append(prelude[start:i])
            start = i + 1
    return out + [prelude[start:]]


def prune(css: str, used: set[str]) -> str:
    """The rules whose selectors can match: a selector naming a class no page uses cannot match anything."""
    out = []
    for prelude, body in _blocks(COMMENT.sub("", css)):
        if body is None:
            out.append(prelude)
        elif prelude.startswith("@media") or prelude.startswith("@supports"):
            inner = prune(body, used)
            if inner.strip():
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            out.append(f"{prelude}{{{body}}}")  # @keyframes, @font-face, @page: kept whole
        else:
            kept = [s for s in _selectors(prelude) if all(c in used for c in CLASS.findall(OPTIONAL.sub("", s)))]
            if kept:
                out.append(f"{','.join(s.strip() for s in kept)}{{{body.strip()}}}")
    return "\n".join(out)


VAR_USE = re.compile(r"var\(\s*(--[\w-]+)")
CUSTOM = re.compile(r"^\s*(--[\w-]+)\s*:", re.S)


def _declarations(body: str) -> list[str]:
    out, depth, quote, start = [], 0, None, 0
    for i, ch in enumerate(body):
        if quote:
            if ch == quote and body[i - 1] != "\\":
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == ";" and depth == 0:
            out.append(body[start:i])
            start = i + 1
    out.append(body[start:])
    return [d for d in out if d.strip()]


def prune_variables(css: str) -> str:
    """Drop custom properties (`--jp-...: ...`) that nothing left refers to, directly or through other variables."""
    defined: dict[str, list[str]] = {}
    for m in re.finditer(r"(--[\w-]+)\s*:([^;{}]*(?:\([^)]*\)[^;{}]*)*)", css):
        defined.setdefault(m[1], []).append(m[2])
    without_definitions = re.sub(r"--[\w-]+\s*:([^;{}]*(?:\([^)]*\)[^;{}]*)*);?", "", css)
    used = set(VAR_USE.findall(without_definitions))
    todo = list(used)
    while todo:
        for value in defined.get(todo.pop(), []):
            for v in VAR_USE.findall(value):
                if v not in used:
                    used.add(v)
                    todo.append(v)

    def keep(m: re.Match) -> str:
        decls = [d for d in _declarations(m[2]) if not (c := CUSTOM.match(d)) or c[1] in used]
        return f"{m[1]}{{{';'.join(d.strip() for d in decls)}}}" if decls else ""

    return re.sub(r"([^{}]+)\{([^{}]*)\}", keep, css)
