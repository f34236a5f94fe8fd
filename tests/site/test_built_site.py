"""The built site is self-contained, searches each language on its own, has a 404 page per language,
lists every translation in its sitemap, and builds reproducibly."""

from __future__ import annotations

import difflib
import gzip
import json
import re
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from autograd_docs import pages
from autograd_docs.build import notebooks
from autograd_docs.build import site as build_site
from support import site_audit
from support.browser import built_pages

ROOTS = {l.code: l.root for l in pages.LANGUAGES}
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
    return json.loads((site / ROOTS[lang] / "search" / "search_index.json").read_text("utf-8"))


def page_titles(entries: list[dict]) -> set[str]:
    # jieba marks word boundaries in the index with zero-width spaces.
    return {e["title"].replace("\u200b", "") for e in entries if "#" not in e["location"]}


def test_each_language_has_a_search_index_of_its_own_pages(built_site):
    built = built_pages(built_site)
    for lang in pages.LANGS:
        entries = index(built_site, lang)["docs"]
        located = {e["location"] for e in entries if "#" not in e["location"]}
        # Notebook pages are left out on purpose (build/hooks.py): large, slow to index, and their
        # prose is on the chapter and exercises pages.
        notebook_pages = {f"exercises/{p.stem}/" for p in notebooks.sources()}
        assert notebook_pages and not located & notebook_pages, lang
        assert located == {path for l, path in built if l == lang} - notebook_pages, lang
        titles = {p.lines[0].lstrip("# ").strip() for p in pages.pages(lang=lang)}
        assert titles <= page_titles(entries), lang
        if lang == "zh":  # written as UTF-8, not \u escapes (a third smaller)
            text = (built_site / ROOTS[lang] / "search" / "search_index.json").read_text("utf-8")
            assert not re.search(r"\\u[4-9][0-9a-f]{3}", text) and re.search("[\u4e00-\u9fff]", text)


def test_every_page_loads_the_search_index_of_its_language(built_site):
    """Material fetches `<base>/search/search_index.json`: base must be the page's language root."""
    for lang, path in built_pages(built_site):
        html = built_site / ROOTS[lang] / path / "index.html"
        config = json.loads(BASE.search(html.read_text("utf-8"))[1])
        assert urljoin("http://site/" + ROOTS[lang] + path, config["base"]) == "http://site/" + ROOTS[lang], html


# --- 404 pages, sitemap ------------------------------------------------------------------------------


def test_each_language_has_its_own_404_page(served_site):
    site_path = urlsplit(served_site.url).path
    for lang, heading in zip(pages.LANGS, ("404 - Page not found", "404 - 页面不存在")):
        html = (served_site.path / ROOTS[lang] / "404.html").read_text("utf-8")
        assert f'<html lang="{lang}"' in html
        assert f"<h1>{heading}</h1>" in html
        # The switcher leads to each language's home page (not to the last page built, as before).
        for other in pages.LANGS:
            assert f'<a href="{site_path}{ROOTS[other]}" hreflang="{other}"' in html
        config = json.loads(BASE.search(html)[1])
        assert config["base"] == site_path + ROOTS[lang]
        assert "{{" not in html


def test_sitemap_gives_every_page_its_translations(served_site):
    """hreflang lives in the sitemaps only: from <head>, Material's script fetched every alternate's sitemap
    and rewrote the switcher by whichever answered first."""
    for page_lang, path in built_pages(served_site.path):
        sitemap = (served_site.path / ROOTS[page_lang] / "sitemap.xml").read_text("utf-8")
        assert f"<loc>{served_site.url}{ROOTS[page_lang]}{path}</loc>" in sitemap, path
        for lang in pages.LANGS:
            href = served_site.url + ROOTS[lang] + path
            assert f'<xhtml:link rel="alternate" hreflang="{lang}" href="{href}"/>' in sitemap, href
    for html in served_site.path.rglob("*.html"):
        assert 'rel="alternate"' not in html.read_text("utf-8"), html


# --- reproducible -----------------------------------------------------------------------------------

Y2K = 946684800  # 2000-01-01T00:00:00Z


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def file_diff(name: str, a: bytes, b: bytes, lines: int = 30) -> str:
    """The first lines of a unified diff of one file of two builds (HTML is split at tags to keep lines short)."""
    split = lambda data: data.decode("utf-8", "replace").replace("><", ">\n<").splitlines()
    diff = list(difflib.unified_diff(split(a), split(b), f"first/{name}", f"second/{name}", n=1, lineterm=""))
    return "\n".join(line[:300] for line in diff[:lines]) + (f"\n... ({len(diff) - lines} more diff lines)" if len(diff) > lines else "")


def test_two_builds_are_identical_but_for_the_sitemap_date_and_read_each_page_once(served_site, tmp_path, monkeypatch):
    """A second build, in this process and dated 2000-01-01 through SOURCE_DATE_EPOCH, differs from the first only
    in the sitemaps' <lastmod> dates and the gzip header of sitemap.xml.gz: the only things that carry a date.
    CI sets SOURCE_DATE_EPOCH to the commit time, so a deploy is reproducible byte for byte. While it builds
    both languages, each page is parsed once: checks, doctest pairing and rendering share one reading."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(Y2K))
    parsed: Counter = Counter()
    read_fences = pages.read_fences
    monkeypatch.setattr(pages, "read_fences", lambda path, text: parsed.update([Path(path)]) or read_fences(path, text))
    build_site.forget()
    build_site.build(tmp_path / "site", served_site.url)
    sources = [p.path for p in pages.pages()]
    assert {p: parsed[p] for p in sources if parsed[p] != 1} == {}, "pages parsed more (or less) than once"
    first, second = tree(served_site.path), tree(tmp_path / "site")
    assert sorted(first) == sorted(second)
    dated = {root + name for root in ROOTS.values() for name in ("sitemap.xml", "sitemap.xml.gz")}
    differ = [name for name in first if name not in dated and first[name] != second[name]]
    assert differ == [], "the two builds differ:\n" + "\n".join(file_diff(name, first[name], second[name]) for name in differ)

    lastmod = re.compile(rb"<lastmod>\d{4}-\d\d-\d\d</lastmod>")
    for root in ROOTS.values():
        assert set(lastmod.findall(second[root + "sitemap.xml"])) == {b"<lastmod>2000-01-01</lastmod>"}
        assert lastmod.sub(b"", first[root + "sitemap.xml"]) == lastmod.sub(b"", second[root + "sitemap.xml"])
        for files in (first, second):
            assert gzip.decompress(files[root + "sitemap.xml.gz"]) == files[root + "sitemap.xml"]
        assert int.from_bytes(second[root + "sitemap.xml.gz"][4:8], "little") == Y2K  # gzip header MTIME
