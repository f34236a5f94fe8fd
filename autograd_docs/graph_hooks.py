"""MkDocs hooks that turn `<!-- autograd-graph: ... -->` markers into figures of the real autograd graph.

The marker is replaced by a slot and a caption paragraph (so the caption is ordinary Markdown, in any
container); once the page is HTML, the slot and caption become one <figure> with the inline SVG.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

# MkDocs loads this file by path; make the package next to it importable however mkdocs was started.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.exceptions import PluginError  # noqa: E402

from autograd_docs import examples as ex  # noqa: E402
from autograd_docs import graphs  # noqa: E402

SLOT = '<div class="autograd-graph-slot" data-slot="{n}"></div>'
CAPTION_CLASS = "autograd-graph-caption"
FIGURE = re.compile(
    r'(?:<p>)?<div class="autograd-graph-slot" data-slot="(?P<n>\d+)"></div>(?:</p>)?\s*'
    rf'<p class="{CAPTION_CLASS}">(?P<caption>.*?)</p>',
    re.S,
)

_bodies: dict[str, list[str]] = {}  # page src path -> the drawings of its markers, in page order


def on_page_markdown(markdown, page, config, **kwargs):
    path = Path(page.file.abs_src_path)
    lang = graphs.page_language(path, Path(config["docs_dir"]))
    try:
        markers = graphs.read_markers(path, markdown)
        bodies = [graphs.figure_body(m, lang, k) for k, m in enumerate(markers, start=1)]
    except ex.PageError as err:
        raise PluginError(str(err)) from None
    _bodies[page.file.src_uri] = bodies
    lines = markdown.split("\n")
    for k, m in reversed(list(enumerate(markers, start=1))):
        block = ["", SLOT.format(n=k), ""] + m.caption.split("\n") + [f"{{: .{CAPTION_CLASS} }}", ""]
        lines[m.line - 1 : m.end] = [m.indent + l if l else "" for l in block]
    return "\n".join(lines)


def on_page_content(content, page, **kwargs):
    bodies = _bodies.pop(page.file.src_uri, [])
    done: set[int] = set()

    def figure(m: re.Match) -> str:
        n = int(m["n"])
        done.add(n)
        return f'<figure class="autograd-graph">\n{bodies[n - 1]}\n<figcaption>{m["caption"]}</figcaption>\n</figure>'

    content = FIGURE.sub(figure, content)
    missing = sorted(set(range(1, len(bodies) + 1)) - done)
    if missing:
        raise PluginError(
            f"{ex.display(Path(page.file.abs_src_path))}: picture {missing[0]} of the page was not rendered "
            "(Markdown changed its slot or caption: keep the marker on lines of its own)"
        )
    return content
