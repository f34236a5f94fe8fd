"""The MkDocs hooks of the site (the only hooks file; mkdocs.yml lists it). Each language is an
ordinary MkDocs build of `docs/<lang>/` (see autograd_docs.build.site); this file does, per build:

- on_config: the language's settings (theme language, site name, nav titles, URL, switcher);
- on_pre_build: the once-per-build work (source checks, notebook execution), which the first build
  of a `make build` does and the second finds done (build.site.prepare is cached by source content);
- on_files: the executed notebooks of this language become pages (mkdocs-jupyter renders them);
- on_page_markdown: includes expanded with comments in the page's language, the torch version,
  graph-picture markers turned into slots, wrapped Chinese lines joined;
- on_page_content: LaTeX to MathML, slots to figures, notebook headings numbered;
- on_post_page / on_post_template / on_post_build: the repairs of third-party output, each
  with the upstream behaviour it answers, and the accessibility repairs of build/a11y.py.
"""

from __future__ import annotations

import hashlib
import html as html_lib
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from latex2mathml.converter import convert as latex_to_mathml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

# (importable however mkdocs was started: `make install` puts this checkout on the venv's path)
from autograd_docs import pages
from autograd_docs.build import a11y, cjk, css, graphs, site

VERSION_MARK = "{{ torch_version }}"


def _lang(config) -> str:
    return config["extra"]["lang"]


# --- configuration, once per language build ---------------------------------------------------------


def on_config(config, **kwargs):
    docs_dir = Path(config["docs_dir"])
    lang = docs_dir.name
    if lang not in pages.LANGS:
        raise PluginError(f"docs_dir must be <docs>/<lang>/ with lang one of {pages.LANGS}, not {docs_dir}")
    settings = config["extra"].get("languages", {}).get(lang, {})
    config["extra"]["lang"] = lang
    config["extra"]["docs_root"] = str(docs_dir.parent)
    config["theme"]["language"] = lang
    for key in ("site_name", "site_description", "copyright"):
        if key in settings:
            config[key] = settings[key]
    config["extra"]["chapters"] = a11y.chapters(config["nav"])  # before the titles are translated
    config["nav"] = _translate_nav(config["nav"], settings.get("nav", {}))
    base = urlsplit(config["site_url"] or "/")
    root = base.path.rstrip("/") + "/"
    config["site_url"] = f"{base.scheme}://{base.netloc}{root}{pages.BY_CODE[lang].root}" if base.netloc else None
    config["extra"]["site_origin"] = f"{base.scheme}://{base.netloc}" if base.netloc else ""
    # The switcher: one entry per language root; overrides/partials/alternate.html adds the page's path.
    config["extra"]["alternate"] = [
        {"name": l.name, "link": root + l.root, "lang": l.code} for l in pages.LANGUAGES
    ]
    # mkdocs-jupyter evicts every cache entry its build did not use: give each language its own cache,
    # and build other docs trees (the tests' tiny sites, which have no notebooks) without one, or they
    # would empty the project's cache, even while a build of the real site is reading it.
    jupyter = config["plugins"].get("mkdocs-jupyter")
    if jupyter is not None:
        if docs_dir.parent.resolve() == pages.DOCS.resolve():
            jupyter.config["cache_dir"] = str(pages.ROOT / ".cache" / "mkdocs-jupyter" / lang)
        else:
            jupyter.config["cache"] = False
    return config


def _translate_nav(nav, titles: dict):
    if isinstance(nav, list):
        return [_translate_nav(item, titles) for item in nav]
    if isinstance(nav, dict):
        return {titles.get(k, k): _translate_nav(v, titles) for k, v in nav.items()}
    return nav


_prepared: site.Prepared | None = None  # this build's once-per-build work, from on_pre_build to on_files


def on_pre_build(config, **kwargs):
    global _prepared
    try:
        _prepared = site.prepare(Path(config["extra"]["docs_root"]))
    except site.SourceError as err:
        raise PluginError(str(err)) from None


@event_priority(100)
def on_files(files, config, **kwargs):
    # Before mkdocs-jupyter's on_files (priority 0 runs plugins before hooks): it wraps these files.
    lang = _lang(config)
    in_nav = set(re.findall(r"exercises/([\w-]+)\.ipynb", str(config["nav"])))  # tiny test sites have none
    for (nb_lang, name), path in sorted(_prepared.notebooks.items()):
        if nb_lang == lang and name in in_nav:
            # A File with a src_dir (not File.generated): mkdocs-jupyter's wrapper reads src_dir to find the file.
            files.append(File(f"exercises/{name}.ipynb", src_dir=str(path.parent.parent), dest_dir=config["site_dir"],
                              use_directory_urls=config["use_directory_urls"]))
    return files



# --- pages ------------------------------------------------------------------------------------------

SLOT = '<div class="autograd-graph-slot" data-slot="{n}"></div>'
CAPTION_CLASS = "autograd-graph-caption"
FIGURE = re.compile(
    r'(?:<p>)?<div class="autograd-graph-slot" data-slot="(?P<n>\d+)"></div>(?:</p>)?\s*'
    rf'<p class="{CAPTION_CLASS}">(?P<caption>.*?)</p>',
    re.S,
)
_figures: dict[str, list[str]] = {}  # page -> its drawings, from on_page_markdown to on_page_content


def on_page_markdown(markdown, page, config, **kwargs):
    if not page.file.src_uri.endswith(".md"):
        return markdown
    a11y.boost_chapter(page, config)
    lang = _lang(config)
    try:
        p = pages.read(Path(page.file.abs_src_path), markdown, docs=Path(config["extra"]["docs_root"]))
        # Pictures: the marker becomes a slot and its caption; includes: the snippet shown with the
        # comments of the page's language (pymdownx.snippets would show both), indented like the include.
        raises = {e.snippet for e in p.examples if e.shows_exception}
        markers = p.markers
        _figures[page.file.src_uri] = [
            graphs.figure_body(m, lang, k, raises=m.snippet in raises) for k, m in enumerate(markers, start=1)
        ]
        edits = []  # (first line, last line, new lines), 1-based
        for k, m in enumerate(markers, start=1):
            block = ["", SLOT.format(n=k), ""] + m.caption.split("\n") + [f"{{: .{CAPTION_CLASS} }}", ""]
            edits.append((m.line, m.end, [m.indent + l if l else "" for l in block]))
        for n, rel in p.includes:
            indent = pages.INCLUDE.match(p.lines[n - 1])["indent"]
            text = pages.included(p.path, n, rel, lang)
            edits.append((n, n, [indent + l if l else "" for l in text.split("\n")]))
        lines = p.lines[:]
        for first, last, new in sorted(edits, key=lambda e: e[0], reverse=True):
            lines[first - 1 : last] = new
    except pages.PageError as err:
        raise PluginError(str(err)) from None
    markdown = "\n".join(lines).replace(VERSION_MARK, site.torch_version())
    return cjk.join_lines(markdown) if lang == "zh" else markdown


MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">\s*(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<block>.*?)\\\])\s*</(?P=tag)>',
    re.S,
)


def _formula_error(page, latex: str, why: str) -> PluginError:
    # Search the source file: the Markdown was changed by the hooks above.
    source = Path(page.file.abs_src_path).read_text("utf-8")
    first = latex.strip().split("\n")[0].strip()
    at = source.find(first)
    line = source[:at].count("\n") + 1 if at >= 0 else 1
    return PluginError(f"{pages.display(page.file.abs_src_path)}:{line}: cannot convert formula to MathML ({why}): "
                       f"{latex.strip()[:80]!r}")


def on_page_content(content, page, config, files, **kwargs):
    if page.file.src_uri.endswith(".ipynb"):
        return _number_notebook_headings(content, page)

    def mathml(m: re.Match) -> str:
        latex = html_lib.unescape(m["inline"] if m["inline"] is not None else m["block"])
        try:
            out = latex_to_mathml(latex.strip(), display="block" if m["block"] is not None else "inline")
        except Exception as err:  # latex2mathml raises many types for bad input
            raise _formula_error(page, latex, str(err)) from None
        if "<mi>&</mi>" in out:
            # latex2mathml leaves alignment marks of environments it does not know (aligned) as text
            raise _formula_error(page, latex, "unsupported environment: use align* or one equation per line")
        return out

    content = MATH.sub(mathml, content)
    bodies = _figures.pop(page.file.src_uri, [])
    done: set[int] = set()

    def figure(m: re.Match) -> str:
        n = int(m["n"])
        done.add(n)
        return f'<figure class="autograd-graph">\n{bodies[n - 1]}\n<figcaption>{m["caption"]}</figcaption>\n</figure>'

    content = a11y.content(FIGURE.sub(figure, content))
    missing = sorted(set(range(1, len(bodies) + 1)) - done)
    if missing:
        raise PluginError(
            f"{pages.display(page.file.abs_src_path)}: picture {missing[0]} of the page was not rendered "
            "(Markdown changed its slot or caption: keep the marker on lines of its own)"
        )
    return content


HEADING = re.compile(r'<h(?P<level>[1-6]) id="(?P<id>[^"]*)"(?P<attrs>[^>]*)>(?P<body>.*?)</h(?P=level)>', re.S)
TAG = re.compile(r"<[^>]+>")


def _anchors(toc):
    for link in toc:
        yield link
        yield from _anchors(link.children)


def _number_notebook_headings(html: str, page) -> str:
    # Search stays on prose pages: a notebook's HTML is large and slow to index, and adds tens of KB
    # to the index every reader downloads.
    page.meta["search"] = {"exclude": True}
    # mkdocs-jupyter 0.26 slugs headings to ASCII (a Chinese heading gets an empty id) and builds the
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


def on_pre_page(page, config, files, **kwargs):
    if page.file.src_uri.endswith(".ipynb"):
        # mkdocs-jupyter sets an absolute download link (with the site_url path): relative works anywhere.
        page.nb_url = Path(page.file.abs_src_path).name
    return page


# --- repairs of third-party output -------------------------------------------------------------------

HEAD_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')
STYLE = re.compile(r'<style type="text/css">(.*?)</style>', re.S)
MATHJAX = re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.S)
COPY_ICON = re.compile(r'<svg aria-hidden="true" class="clipboard-copy-icon"[^>]*>.*?</svg>', re.S)
MERMAID = re.compile(r'<script type="module">(?:(?!</script>).)*?cdnjs\.cloudflare\.com.*?</script>', re.S)


def _repair(output: str) -> str:
    # Material 9.8 takes every <link rel="alternate" hreflang> for a language root, fetches its
    # sitemap.xml and rewrites the switcher by whichever fetch answers first. The switcher's links are
    # already the same page in the other language (overrides/partials/alternate.html): drop the tags.
    output = HEAD_ALTERNATE.sub("", output)
    return output.replace(VERSION_MARK, site.torch_version())


_pruned: dict[tuple[str, frozenset], str] = {}
_selector_classes: dict[str, set[str]] = {}
# Pruned CSS on disk, by its input and the pruning code: nbconvert's CSS is the same on every build.
CSS_CACHE = pages.ROOT / ".cache" / "css"
_CSS_CODE = hashlib.sha256(Path(css.__file__).read_bytes()).hexdigest()[:16]


def prune_css(text: str, html: str) -> str:
    """nbconvert's CSS without the rules this page cannot use; pages that use the same of its classes share one result."""
    digest = hashlib.sha256(text.encode()).hexdigest()
    if digest not in _selector_classes:
        _selector_classes[digest] = set(_disk_cached(f"{digest}-{_CSS_CODE}.classes", lambda: "\n".join(
            sorted(set(css.CLASS.findall(text))))).split("\n"))
    key = (digest, frozenset(css.classes_in(html) & _selector_classes[digest]))
    if key not in _pruned:
        name = hashlib.sha256("\n".join([digest, _CSS_CODE, *sorted(key[1])]).encode()).hexdigest()
        _pruned[key] = _disk_cached(f"{name}.css", lambda: css.prune_variables(css.prune(text, set(key[1]))))
    return _pruned[key]


def _disk_cached(name: str, make) -> str:
    path = CSS_CACHE / name
    if path.is_file():
        return path.read_text("utf-8")
    value = make()
    site.write_atomic(path, value.encode("utf-8"))
    return value


def on_post_page(output, page, config, **kwargs):
    output = a11y.page(_repair(output), config)
    if not page.file.src_uri.endswith(".ipynb"):
        return output
    # nbconvert 7's template (through mkdocs-jupyter) loads MathJax and mermaid from CDNs: the site makes
    # no third-party request.
    output = MATHJAX.sub("", output)
    output = MERMAID.sub("", output)
    # mkdocs-jupyter repeats the same inline <svg> icon in every code cell's copy button: drawn once by
    # overrides/assets/site.css instead (about 25 KB on a long notebook page).
    output = COPY_ICON.sub('<span class="clipboard-copy-icon" aria-hidden="true"></span>', output)
    # ...and inlines ~600 KB of JupyterLab CSS into every page, nearly all of it for widgets and editors a
    # static page never has: keep the rules this page can use (about 20 KB) and serve them as a file.
    style = "\n".join(m.group(1) for m in STYLE.finditer(output))
    if style:
        style = prune_css(style, output)
        name = f"assets/notebook-{hashlib.sha256(style.encode()).hexdigest()[:10]}.css"
        target = Path(config["site_dir"]) / name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(style, "utf-8")
        link = f'<link rel="stylesheet" href="{"../" * page.url.count("/")}{name}">'
        output = STYLE.sub("", output).replace("</head>", link + "\n</head>", 1)
    return output


def on_post_template(output_content, template_name, config, **kwargs):
    output_content = _repair(output_content)  # 404.html carries the footer and the head links too
    return a11y.not_found_page(output_content, config) if template_name == "404.html" else output_content


def on_post_build(config, **kwargs):
    # Material's search plugin writes the index with \u escapes: as UTF-8 it is a third smaller in
    # Chinese (jieba marks each word boundary with a zero-width space).
    index = Path(config["site_dir"]) / "search" / "search_index.json"
    if index.exists():
        data = json.loads(index.read_text("utf-8"))
        index.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False), "utf-8")
