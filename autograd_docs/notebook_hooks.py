"""MkDocs hooks for the exercise notebooks (jupytext percent files, docs/<lang>/exercises/*.py).

The notebooks are executed by autograd_docs.notebooks (once per content, cached) and mkdocs-jupyter
renders the executed .ipynb, which is also what the page's download button gives the reader.
"""

from __future__ import annotations

import fnmatch
import hashlib
import html as html_lib
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from autograd_docs import notebooks  # noqa: E402

_is_page = File.is_documentation_page


def _is_documentation_page(self: File) -> bool:
    # mkdocs-static-i18n rebuilds the file list with plain File objects, dropping mkdocs-jupyter's
    # NotebookFile wrapper: without this, the raw notebook source is copied as the page's HTML.
    return _is_page(self) or fnmatch.fnmatch(self.src_uri.split("/", 1)[-1], notebooks.GLOB)


def on_config(config, **kwargs):
    File.is_documentation_page = _is_documentation_page


def on_pre_build(config, **kwargs):
    try:
        notebooks.execute_all(notebooks.sources(Path(config["docs_dir"])))
    except notebooks.NotebookError as err:
        raise PluginError(str(err)) from None


def on_pre_page(page, config, files, **kwargs):
    if not fnmatch.fnmatch(page.file.src_uri.split("/", 1)[-1], notebooks.GLOB):
        return page
    # Render (and offer for download) the executed notebook instead of the source.
    executed = notebooks.Notebook.read(Path(page.file.abs_src_path)).executed_path
    page.file.abs_src_path = str(executed)
    page.nb_url = executed.name  # relative to the page: works under any site_url sub-path
    return page


HEADING = re.compile(r'<h(?P<level>[1-6]) id="(?P<id>[^"]*)"(?P<attrs>[^>]*)>(?P<body>.*?)</h(?P=level)>', re.S)
TAG = re.compile(r"<[^>]+>")


def _anchors(toc):
    for link in toc:
        yield link
        yield from _anchors(link.children)


def on_page_content(html, page, config, files, **kwargs):
    if not page.file.abs_src_path.endswith(".ipynb"):
        return html
    # Search stays on prose pages: a notebook's HTML is large and slow to index, and adds tens of KB
    # to the index every reader downloads. (Set here: page.meta is read from the source after on_pre_page.)
    page.meta["search"] = {"exclude": True}
    # mkdocs-jupyter slugs headings to ASCII (a Chinese heading gets an empty id) and builds the
    # table of contents from a copy without inline code, so ids and TOC links disagree. Number the
    # headings instead: the same ids in both languages, and the TOC shows the heading as rendered.
    headings = list(HEADING.finditer(html))
    anchors = list(_anchors(page.toc))
    if [int(h["level"]) for h in headings] != [a.level for a in anchors]:
        raise PluginError(f"{page.file.src_uri}: the notebook's headings and its table of contents differ")
    numbers = [0] * 7
    new_ids = []
    for h, anchor in zip(headings, anchors):
        level = int(h["level"])
        numbers[level] += 1
        numbers[level + 1:] = [0] * (6 - level)
        new_id = "exercises" if level == 1 else "exercise-" + "-".join(str(n) for n in numbers[2 : level + 1])
        anchor.id = new_id
        anchor.title = html_lib.unescape(TAG.sub("", h["body"].rsplit('<a class="anchor-link"', 1)[0])).strip()
        new_ids.append(new_id)
    ids = iter(new_ids)

    def renumber(m: re.Match) -> str:
        new_id = next(ids)
        body = m["body"].replace(f'href="#{m["id"]}"', f'href="#{new_id}"')
        return f'<h{m["level"]} id="{new_id}"{m["attrs"]}>{body}</h{m["level"]}>'

    return HEADING.sub(renumber, html)


STYLE = re.compile(r'<style type="text/css">(.*?)</style>', re.S)
MATHJAX = re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.S)
MERMAID = re.compile(r'<script type="module">(?:(?!</script>).)*?cdnjs\.cloudflare\.com.*?</script>', re.S)


def on_post_page(output, page, config, **kwargs):
    if not page.file.abs_src_path.endswith(".ipynb"):
        return output
    # nbconvert's template loads MathJax and mermaid from CDNs: the site makes no third-party request.
    output = MATHJAX.sub("", output)
    output = MERMAID.sub("", output)
    # ...and inlines ~600 KB of notebook CSS into every page: serve it once, as a cached file.
    css = "\n".join(m.group(1) for m in STYLE.finditer(output))
    if css:
        name = f"assets/notebook-{hashlib.sha256(css.encode()).hexdigest()[:10]}.css"
        target = Path(config["site_dir"]) / name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(css, "utf-8")
        depth = page.url.count("/")
        link = f'<link rel="stylesheet" href="{"../" * depth}{name}">'
        output = STYLE.sub("", output, count=0)
        output = output.replace("</head>", link + "\n</head>", 1)
    return output
