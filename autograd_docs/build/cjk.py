"""Join the source line breaks of Chinese prose (build.hooks calls it last on Chinese pages).

Browsers render a line break in HTML as a space, and Chromium does so even between two Chinese
characters, so a paragraph wrapped in the Markdown source shows stray spaces ("报错。 要独立").
Lines are joined only inside paragraphs, never in code fences or before a line that starts a block.
"""

from __future__ import annotations

import re
from pathlib import Path

from autograd_docs.pages import read_fences

CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u201c\u201d\u2018\u2019"
# Emphasis and link markup around Chinese text count as Chinese: "见\n[计算图](x.md)" joins too.
CJK_END = re.compile(f"[{CJK}](?:\\*\\*|\\*|\\]\\([^)]*\\))?$")
CJK_START = re.compile(f"^(?:\\*\\*|\\*|\\[)?[{CJK}]")
CJK_PUNCT_END = re.compile("[\u3000-\u303f\uff01-\uff1f\u201c\u201d\u2018\u2019）】」』]$")
BLOCK_START = re.compile(r"^(?:[-*+][ \t]|\d+[.)][ \t]|#|>|\||!!!|\?\?\?|===|<|```|~~~|\$\$|--8<--|\{)")


def join_lines(markdown: str) -> str:
    lines = markdown.split("\n")
    in_code = set()
    for f in read_fences(Path("<markdown>"), markdown):
        in_code.update(n - 1 for n in f.lines())  # 0-based
    out: list[str] = []
    for i, line in enumerate(lines):
        if out and i not in in_code and (i - 1) not in in_code and line.strip():
            prev, cur = out[-1], line.lstrip()
            if prev.strip() and not BLOCK_START.match(cur) and (
                (CJK_END.search(prev) and CJK_START.match(cur)) or CJK_PUNCT_END.search(prev)
            ):
                out[-1] = prev + cur
                continue
        out.append(line)
    return "\n".join(out)
