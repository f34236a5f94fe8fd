"""MkDocs hook (listed last): join the source line breaks of Chinese prose.

Browsers render a line break in HTML as a space, and Chromium does so even between two Chinese
characters, so a paragraph wrapped in the Markdown source shows stray spaces ("报错。 要独立").
Lines are joined only inside paragraphs, never in code fences or before a line that starts a block.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from autograd_docs import examples as ex  # noqa: E402

CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u201c\u201d\u2018\u2019"
# Emphasis and link markup around Chinese text count as Chinese: "见\n[计算图](x.md)" joins too.
CJK_END = re.compile(f"[{CJK}](?:\\*\\*|\\*|\\]\\([^)]*\\))?$")
CJK_START = re.compile(f"^(?:\\*\\*|\\*|\\[)?[{CJK}]")
CJK_PUNCT_END = re.compile("[\u3000-\u303f\uff01-\uff1f\u201c\u201d\u2018\u2019）】」』]$")
BLOCK_START = re.compile(r"^(?:[-*+][ \t]|\d+[.)][ \t]|#|>|\||!!!|\?\?\?|===|<|```|~~~|\$\$|--8<--|\{)")


def join_lines(markdown: str) -> str:
    lines = markdown.split("\n")
    in_code = set()
    for f in ex.read_fences(Path("page.md"), markdown):
        in_code.update(range(f.line - 1, f.line + f.body.count("\n") + 2))
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


def on_page_markdown(markdown, page, **kwargs):
    if page.file.src_uri.startswith("zh/"):
        return join_lines(markdown)
    return markdown
