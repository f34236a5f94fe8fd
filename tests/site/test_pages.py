"""The built pages: the verified torch version everywhere, every python block doctested, code comments in
the page's language, no stray spaces in Chinese, every picture drawn in the page's language."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

from autograd_docs import pages
from autograd_docs.build import graphs
from support.browser import built_pages

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
PYTHON_BLOCK = re.compile(r'<div class="language-python highlight"><pre><span></span><code>(.*?)</code></pre></div>', re.S)
COMMENT = re.compile(r'<span class="c1">(.*?)</span>', re.S)
FIGURE = re.compile(r'<figure class="autograd-graph">\n(?P<body>.*?)\n<figcaption>(?P<caption>.*?)</figcaption>\n</figure>', re.S)


def html_of(site: Path, page: pages.Page) -> str:
    return (site / page.url / "index.html").read_text("utf-8")


def test_every_page_states_the_verified_torch_version(built_site):
    for html in built_site.rglob("*.html"):
        assert "{{ torch_version }}" not in html.read_text("utf-8"), html
    for lang in pages.LANGUAGES:
        assert pages.recorded_version() in (built_site / lang.root / "index.html").read_text("utf-8")


def test_no_python_block_is_left_out_of_the_doctest(built_site):
    """Each page's rendered python blocks are exactly the blocks the doctest collects from its source."""
    for page in pages.pages():
        rendered = len(PYTHON_BLOCK.findall(html_of(built_site, page)))
        assert rendered == len(page.examples), f"{page.where}: {rendered} python blocks on the page, {len(page.examples)} collected"


def test_the_code_shown_is_the_code_collected(built_site):
    """What a reader sees (and copies) in each python block is the example's code in the page's language."""
    for page in pages.pages():
        shown = [html_lib.unescape(re.sub(r"<[^>]+>", "", b)).rstrip("\n") for b in PYTHON_BLOCK.findall(html_of(built_site, page))]
        assert shown == [e.source.rstrip("\n") for e in page.examples], page.where


def test_every_code_comment_is_in_the_pages_language(built_site):
    """Chinese pages: every comment line of a python block contains Chinese; English pages: none does.
    Markdown pages and the rendered exercise notebooks alike."""
    checked = 0
    for lang, path in built_pages(built_site):
        html = (built_site / pages.BY_CODE[lang].root / path / "index.html").read_text("utf-8")
        blocks = PYTHON_BLOCK.findall(html) + re.findall(r'<div class="highlight-ipynb[^"]*"><pre>(.*?)</pre>', html, re.S)
        for block in blocks:
            for comment in COMMENT.findall(block):
                text = html_lib.unescape(comment)
                assert not re.match(r"#\s*(en|zh):", text), f"{lang}/{path}: a language tag is shown: {text}"
                assert bool(CJK.search(text)) == (lang == "zh"), f"{lang}/{path}: comment not in {lang}: {text}"
                checked += 1
    assert checked > 300, f"only {checked} comments found: the pattern no longer matches the rendered code"


def test_no_line_break_between_chinese_characters_in_built_pages(built_site):
    """A line break between two Chinese characters renders as a stray space in Chromium."""
    cjk = "\u4e00-\u9fff\u3000-\u303f\uff00-\uffef"
    for html in sorted((built_site / "zh").rglob("*.html")):
        for para in re.findall(r"<p>(.*?)</p>", html.read_text("utf-8"), re.S):
            m = re.search(f"[{cjk}]\\n[{cjk}]", para)
            assert m is None, f"{html}: line break inside Chinese text: {para[max(0, m.start() - 20):m.end() + 20]!r}"


def test_every_marker_on_every_page_renders_in_the_pages_language(built_site):
    total = 0
    for page in pages.pages():
        html = html_of(built_site, page)
        figures = list(FIGURE.finditer(html))
        assert len(figures) == len(page.markers), f"{page.where}: {len(page.markers)} markers, {len(figures)} figures"
        assert "autograd-graph-slot" not in html and "<!-- autograd-graph" not in html
        raises = {e.snippet for e in page.examples if e.shows_exception}
        for marker, fig in zip(page.markers, figures):
            body = fig["body"]
            graph, _, _ = graphs.draw(marker, raises=marker.snippet in raises)
            assert re.search(r'<svg [^>]*role="img" aria-labelledby="autograd-graph-\d+-title autograd-graph-\d+-desc"', body)
            title = re.search(r'<title id="[^"]+">(.+?)</title>', body)[1]
            desc = re.search(r'<desc id="[^"]+">(.+?)</desc>', body)[1]
            legend = re.search(r'<ul class="autograd-graph-legend"[^>]*>(.+?)</ul>', body)[1]
            for text in (title, desc, legend, fig["caption"]):
                assert bool(CJK.search(text)) == (page.lang == "zh"), f"{marker.where}: not in the page's language: {text}"
            drawn = re.findall(r"<text [^>]*>([^<]*)</text>", body)
            for n in graph.nodes:
                if n.kind != "tensor":
                    assert n.label in drawn, f"{marker.where}: {n.label} is not in the picture"
                if n.label != graphs.UNNAMED:
                    assert n.label.split(" = ")[0] in desc
            total += 1
    assert total >= 20, f"only {total} pictures: the test would check little"
