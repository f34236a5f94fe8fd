"""The browser tour's kept analyses (tests/support/visits.py: RenderCache): a result is read again only when nothing
it depends on changed, and only a clean result is kept."""

from __future__ import annotations

import pytest

from support import visits

URL = "http://127.0.0.1:40001/"


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.setattr(visits, "CACHE", tmp_path / "cache")
    root = tmp_path / "site"
    for rel, text in {
        "index.html": f'<html><link rel="canonical" href="{URL}"><p>home</p></html>',
        "zh/index.html": "<html><p>首页</p></html>",
        "assets/site.css": "p { color: #222; }",
        "search/search_index.json": '{"docs": []}',
        "sitemap.xml": "<urlset/>",
    }.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, "utf-8")
    return root


def analyse(cache: visits.RenderCache, html, result=None) -> list:
    runs = []

    def run():
        runs.append(1)
        return [] if result is None else result

    cache.get(html, ("light", "options"), run, lambda found: found == [])
    return runs


def cache_of(site, url=URL, browser="150.0", fresh=False):
    return visits.RenderCache(site, url, browser, fresh)


def test_an_unchanged_page_is_read_back_and_anything_it_depends_on_runs_it_again(site):
    page = site / "index.html"
    assert analyse(cache_of(site), page) == [1]
    assert analyse(cache_of(site), page) == []  # kept
    # what a page's rendering cannot depend on: the search index, the sitemap, the port it is served on
    (site / "search/search_index.json").write_text('{"docs": [1]}', "utf-8")
    (site / "sitemap.xml").write_text("<urlset><url/></urlset>", "utf-8")
    moved = cache_of(site, url="http://127.0.0.1:40002/")
    page.write_text(page.read_text("utf-8").replace(URL, "http://127.0.0.1:40002/"), "utf-8")
    assert analyse(moved, page) == []
    # what it can: the page, another page's change does not count
    (site / "zh/index.html").write_text("<html><p>首页。</p></html>", "utf-8")
    assert analyse(moved, page) == []
    page.write_text(page.read_text("utf-8").replace("home", "Home"), "utf-8")
    assert analyse(moved, page) == [1]
    (site / "assets/site.css").write_text("p { color: #999; }", "utf-8")
    assert analyse(cache_of(site, url="http://127.0.0.1:40002/"), page) == [1]
    assert analyse(cache_of(site, url="http://127.0.0.1:40002/", browser="151.0"), page) == [1]


def test_a_result_with_a_problem_is_never_kept_and_fresh_reads_nothing(site):
    page = site / "index.html"
    problem = [{"id": "color-contrast"}]
    assert analyse(cache_of(site), page, problem) == [1]
    assert analyse(cache_of(site), page, problem) == [1]
    assert analyse(cache_of(site), page) == [1]
    assert analyse(cache_of(site), page) == []
    assert analyse(cache_of(site, fresh=True), page) == [1]


def test_the_analysis_itself_is_part_of_the_key(site):
    page = site / "index.html"
    cache = cache_of(site)
    assert analyse(cache, page) == [1]
    runs = []
    cache.get(page, ("dark", "options"), lambda: runs.append(1) or [], lambda found: found == [])
    assert runs == [1]
    assert (cache.ran, cache.reused) == (2, 0)
