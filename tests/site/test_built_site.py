"""The built site is self-contained, searches each language on its own, has a 404 page per language,
lists every translation in its sitemap, and builds reproducibly."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from autograd_docs import examples as ex
from autograd_docs import notebooks, site_audit, site_checks
from autograd_docs.browser import built_pages, language_root
from autograd_docs.site_server import build

SOURCES = site_checks.language_pages(ex.DOCS)
BASE = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)


# --- self-contained ------------------------------------------------------------------------------


def test_the_site_loads_nothing_from_another_host(served_site):
    assert site_audit.third_party_loads(served_site.path, served_site.url) == []


def test_the_audit_catches_every_kind_of_third_party_load(tmp_path):
    (tmp_path / "index.html").write_text(
        '<html><head>\n'
        '<script src="https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-mml-chtml.js"></script>\n'
        '<link rel="stylesheet" href="//fonts.googleapis.com/css?family=Roboto">\n'
        '<style>@import "https://unpkg.com/katex/dist/katex.css";</style>\n'
        '</head><body>\n'
        '<img src="pic.png" srcset="pic.png 1x, https://images.example.org/pic@2x.png 2x">\n'
        '<div style="background: url(\'https://images.example.org/bg.png\')"></div>\n'
        # none of these loads anything from elsewhere:
        '<a href="https://pytorch.org/docs/">docs</a><link rel="canonical" href="https://me.example/page/">\n'
        '<math xmlns="http://www.w3.org/1998/Math/MathML"></math><img src="data:image/png;base64,AAAA">\n'
        '</body></html>\n',
        "utf-8",
    )
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "site.css").write_text(
        '@font-face { font-family: X; src: url(https://fonts.gstatic.com/x.woff2) format("woff2"); }\n'
        '.icon { background: url("data:image/svg+xml;utf8,<svg/>"); }\n',
        "utf-8",
    )
    found = site_audit.third_party_loads(tmp_path, "https://me.example/")
    assert found == [
        "assets/site.css:1: css loads https://fonts.gstatic.com/x.woff2",
        "index.html:2: <script src> loads https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-mml-chtml.js",
        "index.html:3: <link href> loads //fonts.googleapis.com/css?family=Roboto",
        "index.html:4: <style> loads https://unpkg.com/katex/dist/katex.css",
        "index.html:6: <img srcset> loads https://images.example.org/pic@2x.png",
        "index.html:7: <div style> loads https://images.example.org/bg.png",
    ]


# --- search: one index per language --------------------------------------------------------------


def index(site: Path, lang: str) -> dict:
    return json.loads((site / language_root(lang) / "search" / "search_index.json").read_text("utf-8"))


def page_titles(entries: list[dict]) -> set[str]:
    # jieba marks word boundaries in the index with zero-width spaces.
    return {e["title"].replace("\u200b", "") for e in entries if "#" not in e["location"]}


def test_each_language_has_a_search_index_of_its_own_pages(built_site):
    pages = built_pages(built_site)
    for lang in ex.LANGUAGES:
        entries = index(built_site, lang)["docs"]
        located = {e["location"] for e in entries if "#" not in e["location"]}
        # Notebook pages are left out on purpose (notebook_hooks.py): large, slow to index, and their
        # prose is on the chapter and exercises pages.
        notebook_pages = {f"exercises/{p.stem}/" for p in notebooks.sources() if p.parts[-3] == lang}
        assert notebook_pages and not located & notebook_pages, lang
        assert located == {path for l, path in pages if l == lang} - notebook_pages, lang
        titles = {site_checks.Page.read(src).lines[0].lstrip("# ").strip() for src in SOURCES[lang].values()}
        assert titles <= page_titles(entries), lang


def test_every_page_loads_the_search_index_of_its_language(built_site):
    """Material fetches `<base>/search/search_index.json`: base must be the page's language root."""
    for lang, path in built_pages(built_site):
        html = built_site / language_root(lang) / path / "index.html"
        config = json.loads(BASE.search(html.read_text("utf-8"))[1])
        assert urljoin("http://site/" + language_root(lang) + path, config["base"]) == "http://site/" + language_root(lang), html


# --- 404 pages, sitemap ------------------------------------------------------------------------------


def test_each_language_has_its_own_404_page(served_site):
    site_path = urlsplit(served_site.url).path
    for lang, heading in zip(ex.LANGUAGES, ("404 - Page not found", "404 - 页面不存在")):
        html = (served_site.path / language_root(lang) / "404.html").read_text("utf-8")
        assert f'<html lang="{lang}"' in html
        assert f"<h1>{heading}</h1>" in html
        # The switcher leads to each language's home page (not to the last page built, as before).
        for other in ex.LANGUAGES:
            assert f'<a href="{site_path}{language_root(other)}" hreflang="{other}"' in html
        config = json.loads(BASE.search(html)[1])
        assert config["base"] == site_path + language_root(lang)
        assert "{{" not in html


def test_sitemap_gives_every_page_its_translations(served_site):
    """hreflang lives in the sitemap only: in <head> Material fetched `<page>/sitemap.xml` from it (a 404)."""
    sitemap = (served_site.path / "sitemap.xml").read_text("utf-8")
    for _, path in built_pages(served_site.path):
        for lang in ex.LANGUAGES:
            href = served_site.url + language_root(lang) + path
            assert f'<xhtml:link rel="alternate" hreflang="{lang}" href="{href}"/>' in sitemap, href
    for html in served_site.path.rglob("*.html"):
        assert 'rel="alternate"' not in html.read_text("utf-8"), html


# --- reproducible -----------------------------------------------------------------------------------

Y2K = 946684800  # 2000-01-01T00:00:00Z


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_are_identical_but_for_the_sitemap_date(served_site, tmp_path):
    """A second build, dated 2000-01-01 through SOURCE_DATE_EPOCH, differs from the first only in the
    sitemap's <lastmod> dates and the gzip header of sitemap.xml.gz: the only things that carry a date.
    CI sets SOURCE_DATE_EPOCH to the commit time, so a deploy is reproducible byte for byte."""
    proc = build(tmp_path / "site", site_url=served_site.url, env={"SOURCE_DATE_EPOCH": str(Y2K)})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    first, second = tree(served_site.path), tree(tmp_path / "site")
    assert sorted(first) == sorted(second)
    dated = {"sitemap.xml", "sitemap.xml.gz"}
    assert [name for name in first if name not in dated and first[name] != second[name]] == []

    lastmod = re.compile(rb"<lastmod>\d{4}-\d\d-\d\d</lastmod>")
    assert set(lastmod.findall(second["sitemap.xml"])) == {b"<lastmod>2000-01-01</lastmod>"}
    assert lastmod.sub(b"", first["sitemap.xml"]) == lastmod.sub(b"", second["sitemap.xml"])
    for files in (first, second):
        assert gzip.decompress(files["sitemap.xml.gz"]) == files["sitemap.xml"]
    assert int.from_bytes(second["sitemap.xml.gz"][4:8], "little") == Y2K  # gzip header MTIME
