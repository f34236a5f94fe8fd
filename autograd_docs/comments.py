"""Bilingual code comments: every example is written once, its comments in both languages.

A snippet (or a notebook code cell) carries each comment in English and Chinese:

    # en: All parameter gradients as one vector; then clear them.
    # zh: 把所有参数的梯度拼成一个向量，然后清空。
    k = 4  # en: micro-batches of 2 # zh: 每个微批次 2 个样本

A run of full-line `# en:` comments is followed at once by a run of `# zh:` comments at the same
indentation; a trailing comment holds both languages, English first. `localize()` keeps the
reader's language and drops the tags; it changes comment tokens only, never code, so the code a
page shows is the code that ran. `check()` names `file:line` of a comment that is untagged, lacks
a translation, or of a docstring (a docstring is code: it cannot be localized; write a comment).
"""

from __future__ import annotations

import ast
import functools
import io
import re
import tokenize
from dataclasses import dataclass

LANGS = ("en", "zh")
TAG = re.compile(r"^#[ ]?(?P<lang>[a-z]{2}):[ ]?(?P<text>.*)$")
TRAILING = re.compile(r"^# en: (?P<en>.*?) # zh: (?P<zh>.*)$")


class CommentError(Exception):
    """A comment cannot be localized; the message starts with `file:line:`."""


@dataclass
class Comment:
    line: int  # 1-based line in the source
    col: int  # where the `#` starts
    text: str  # the whole comment, `#` included
    full_line: bool  # nothing but indentation before it


def comments(source: str) -> list[Comment]:
    """Every comment token of Python source (strings that contain `#` are not comments)."""
    out = []
    lines = source.split("\n")
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type == tokenize.COMMENT:
                row, col = tok.start
                out.append(Comment(row, col, tok.string, not lines[row - 1][:col].strip()))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        # A cell with an IPython magic or a syntax error shown on purpose: fall back to line-wise.
        for row, line in enumerate(lines, start=1):
            if line.lstrip().startswith("#"):
                col = len(line) - len(line.lstrip())
                out.append(Comment(row, col, line[col:], True))
    return out


def problems(source: str) -> list[tuple[int, str]]:
    """(line, message) for every comment that cannot be localized, and every docstring."""
    found: list[tuple[int, str]] = []
    cs = comments(source)
    i = 0
    while i < len(cs):
        c = cs[i]
        if not c.full_line:
            m = TRAILING.match(c.text)
            if m is None:
                found.append((c.line, f"trailing comment must read `# en: ... # zh: ...`: {c.text}"))
            elif not m["en"].strip() or not m["zh"].strip():
                found.append((c.line, f"trailing comment has an empty language: {c.text}"))
            i += 1
            continue
        m = TAG.match(c.text)
        if m is None or m["lang"] not in LANGS:
            found.append((c.line, f"comment has no language tag (`# en:` then `# zh:`): {c.text}"))
            i += 1
            continue
        if m["lang"] != "en":
            found.append((c.line, "`# zh:` comment without the `# en:` comment right above it"))
            i += 1
            continue
        # a run of `# en:` lines, then a run of `# zh:` lines, consecutive and at one indentation
        run_en = [c]
        j = i + 1
        while j < len(cs) and _is_run(cs[j - 1], cs[j], "en"):
            run_en.append(cs[j])
            j += 1
        run_zh = []
        while j < len(cs) and _is_run(cs[j - 1], cs[j], "zh"):
            run_zh.append(cs[j])
            j += 1
        if not run_zh:
            found.append((c.line, "`# en:` comment has no `# zh:` translation on the line(s) right below it"))
        i = j
    found += [(n, "docstring: snippets use `# en:` / `# zh:` comments instead (a docstring is code and cannot be localized)")
              for n in docstrings(source)]
    return sorted(found)


def _is_run(prev: Comment, cur: Comment, lang: str) -> bool:
    m = TAG.match(cur.text)
    return cur.full_line and cur.line == prev.line + 1 and cur.col == prev.col and m is not None and m["lang"] == lang


def docstrings(source: str) -> list[int]:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    out = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                out.append(first.lineno)
    return out


def check(source: str, where: str) -> list[str]:
    """Errors as `where:line: message`, `where` being the file's display path."""
    return [f"{where}:{line}: {msg}" for line, msg in problems(source)]


@functools.lru_cache(maxsize=1024)
def localize(source: str, lang: str, where: str = "<source>") -> str:
    """The source as a reader of `lang` sees it: that language's comments, untagged; the others gone."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}")
    errors = check(source, where)
    if errors:
        raise CommentError("\n".join(errors))
    lines = source.split("\n")
    drop: set[int] = set()
    for c in comments(source):
        row = c.line - 1
        if c.full_line:
            m = TAG.match(c.text)
            if m["lang"] == lang:
                lines[row] = lines[row][: c.col] + ("# " + m["text"] if m["text"] else "#")
            else:
                drop.add(row)
        else:
            m = TRAILING.match(c.text)
            lines[row] = lines[row][: c.col] + "# " + m[lang].strip()
    return "\n".join(l for n, l in enumerate(lines) if n not in drop)


@functools.lru_cache(maxsize=1024)  # both pages of an example ask with the same code
def strip(source: str) -> str:
    """The code without any comment: what both languages share, and what runs."""
    out = []
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type not in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT):
            out.append(tok.string)
        elif tok.type == tokenize.NEWLINE:
            out.append("\n")
    return " ".join(out)
