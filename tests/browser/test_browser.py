"""The built site in a real browser (Debian's Chromium through Playwright), on every page in both languages.

One build and one server per session. The checks of every page read the tour (test_every_page.py); the tests
here drive one page themselves: search, glyphs, copy buttons, 404 pages, page weight, the phone's navigation.
Without Chromium these tests skip; under CI (CI=true) they fail instead. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import re

import pytest

from autograd_docs import pages
from support.browser import INSTALL_HINT, nav_pages, page_transfer, search, watched_page
from support.visits import DESKTOP, PHONE, Problems, watch

ARTIFACTS = pages.ROOT / "test-artifacts"
LANGS = pages.LANGS
ROOTS = {l.code: l.root for l in pages.LANGUAGES}
BUDGET = 500_000  # bytes a page and everything it loads may weigh, uncompressed, fonts excluded
SEARCH_WORDS = ["叶子", "计算图", "梯度"]

SOURCES = pages.by_language()  # for titles; the pages visited are those of the built site


def url_path(lang: str, rel: str) -> str:
    return pages.url_of(rel, lang)


def title(lang: str, rel: str) -> str:
    return pages.read(SOURCES[lang][rel]).lines[0].lstrip("#").strip()


# --- pages driven one by one ----------------------------------------------------------------------


def test_a_request_to_another_host_is_blocked_and_recorded(browser, site):
    """The browser resolves no host but the test server's (visits.OFFLINE), and watch() records the attempt.
    `localhost` is the test server under another name: a request to it would be answered if it were not blocked."""
    other = site.url.replace("127.0.0.1", "localhost") + "assets/site.css"
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    problems = Problems()
    watch(page, site.url, lambda: problems)
    page.goto(site.url)
    outcome = page.evaluate("url => fetch(url, {mode: 'no-cors'}).then(r => 'answered', e => 'blocked')", other)
    context.close()
    assert outcome == "blocked"
    assert problems.foreign_requests == [other]


@pytest.fixture
def desktop(browser, site):
    with watched_page(browser, site, viewport=DESKTOP) as (page, _):
        yield page


@pytest.mark.parametrize("word", SEARCH_WORDS)
def test_chinese_search_on_a_chinese_page_finds_chinese_pages_only(search_page, site, word):
    found = [r["href"] for r in search(search_page("zh"), word)]
    assert found, f"searching {word} found nothing"
    assert [u for u in found if not u.startswith(site.url + "zh/")] == [], "English results on a Chinese page"
    # Every Chinese page titled with the word is among the first results (titles weigh most).
    titled = {site.url + url_path("zh", rel) for rel in SOURCES["zh"] if word in title("zh", rel)}
    assert titled, f"no Chinese page title contains {word}: choose another word"
    assert titled <= set(found[:10]), f"pages titled with {word} missing from the first results: {titled - set(found[:10])}"


@pytest.mark.parametrize("lang", LANGS)
def test_search_for_a_word_both_languages_use_stays_in_the_readers_language(search_page, site, lang):
    """Code words (backward, detach) are on the pages of both languages: the reader's language only."""
    for word in ("backward", "detach"):
        found = [r["href"] for r in search(search_page(lang), word)]
        titled = {site.url + url_path(lang, rel) for rel in SOURCES[lang] if word in title(lang, rel).lower()}
        assert titled and titled <= set(found[:10]), f"{word}: {found}"
        root = site.url + ROOTS[lang]
        assert [u for u in found if not u.startswith(root) or (lang == "en" and u.startswith(site.url + "zh/"))] == [], \
            f"searching {word} on a {lang} page shows pages of another language"


def drawn_pixels(page, text: str) -> list[int]:
    """The pixels of `text` drawn in the font of the page's title."""
    return page.evaluate(
        """(text) => {
          const family = getComputedStyle(document.querySelector("article h1")).fontFamily;
          const canvas = document.createElement("canvas");
          canvas.width = canvas.height = 64;
          const g = canvas.getContext("2d");
          g.font = `48px ${family}`;
          g.fillText(text, 8, 52);
          return [...g.getImageData(0, 0, 64, 64).data.filter((_, i) => i % 4 === 3)];
        }""",
        text,
    )


def test_chinese_text_renders_with_real_glyphs(desktop, site):
    desktop.goto(site.url + url_path("zh", "index.md"))
    zhong, guo, unassigned, unassigned2 = (drawn_pixels(desktop, t) for t in ("中", "国", "\u0378", "\u0379"))
    assert any(zhong), "中 draws nothing"
    assert unassigned == unassigned2, "two unassigned code points should draw the same empty box"
    # Without a CJK font every character is the same empty box, the one drawn for an unassigned code point.
    assert zhong != unassigned and zhong != guo, f"Chinese renders as empty boxes: {INSTALL_HINT}"


@pytest.mark.parametrize("lang", LANGS)
def test_copy_button_copies_the_code_with_the_pages_comments(browser, site, lang):
    """On a chapter whose code has comments, the copy button gives exactly what is shown, comments in the
    page's language (the Chinese page's copy has Chinese comments, no language tags)."""
    context = browser.new_context(viewport=DESKTOP)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.url.rstrip("/"))
    try:
        page = context.new_page()
        page.goto(site.url + url_path(lang, "zero-grad-and-accumulation.md"))
        blocks = page.locator("article div.language-python pre")
        commented = 0
        for i in range(blocks.count()):
            block = blocks.nth(i)
            shown = block.locator("code").inner_text()
            if "#" not in shown:
                continue
            block.hover()  # the button shows on hover
            block.locator('button.md-code__button[data-md-type="copy"]').click()
            copied = page.evaluate("navigator.clipboard.readText()")
            assert copied.rstrip() == shown.rstrip() and copied.strip(), f"block {i} of {page.url}"
            comments = [l.split("#", 1)[1] for l in copied.split("\n") if "#" in l]
            assert not any(c.lstrip().startswith(("en:", "zh:")) for c in comments), copied
            assert all(bool(re.search("[\u4e00-\u9fff]", c)) == (lang == "zh") for c in comments), copied
            commented += 1
            if commented == 3:
                break
        assert commented == 3, f"{page.url}: fewer than 3 commented code blocks"
    finally:
        context.close()


def test_not_found_pages_are_localized(browser, site):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    problems = Problems()
    watch(page, site.url, lambda: problems)
    missing = site.url + "zh/no-such-page/"
    response = page.goto(missing)  # served the root 404.html, as GitHub Pages does
    assert response.status == 404
    assert page.inner_text("article h1") == "404 - Page not found"
    assert page.locator("article a[href$='/zh/']").count() == 1  # the way to the Chinese home page
    page.goto(site.url + "zh/404.html")
    assert page.evaluate("document.documentElement.lang") == "zh"
    assert page.inner_text("article h1") == "404 - 页面不存在"
    # Styled at any depth: the stylesheets load from absolute paths.
    assert page.evaluate("document.styleSheets.length") >= 2
    context.close()
    assert problems.foreign_requests == []
    assert [e for e in problems.console_errors if "404" not in e] == []
    assert problems.bad_responses == [f"404 {missing}"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_page_and_what_it_loads_stays_under_budget(browser, site, built, lang):
    """The heaviest page of each language (besides the home page), first visit, nothing cached."""
    paths = [path for l, path in built if l == lang and path] or [""]
    heaviest = max(paths, key=lambda path: (site.path / ROOTS[lang] / path / "index.html").stat().st_size)
    transfer = page_transfer(browser, site.path, site.url, site.url + ROOTS[lang] + heaviest)
    # The search index (about 300 KB) waits until the reader opens search (overrides/assets/lazy-search.js);
    # the search tests below show that it then loads and finds pages.
    assert not any(url.endswith("search_index.json") for url in transfer.files), "the search index loads with the page"
    assert transfer.total < BUDGET, f"/{ROOTS[lang]}{heaviest}: {transfer.total} bytes: " + ", ".join(
        f"{url.removeprefix(site.url)} {size}" for url, size in sorted(transfer.files.items(), key=lambda kv: -kv[1]))


# --- phone --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def phone(browser, site):
    with watched_page(browser, site, **PHONE) as (page, _):
        yield page


@pytest.mark.parametrize("lang", LANGS)
def test_phone_drawer_shows_the_navigation(phone, site, lang):
    phone.goto(site.url + url_path(lang, "index.md"))
    drawer = phone.locator(".md-sidebar--primary")
    assert drawer.bounding_box()["x"] + drawer.bounding_box()["width"] <= 1, "the drawer is open before any tap"
    phone.click('label.md-header__button[for="__drawer"]')
    # The drawer slides in: wait until it is fully on screen.
    phone.wait_for_function("""() => { const r = document.querySelector(".md-sidebar--primary").getBoundingClientRect();
                                      return r.x >= 0 && r.right <= window.innerWidth && r.width > 200; }""")
    phone.screenshot(path=ARTIFACTS / f"{lang}-phone-navigation.png")
    # A reader can go to a top-level page from it (sections open as panels of their own).
    target = nav_pages(top_level_only=True)[-1]
    path = url_path(lang, target).removeprefix(ROOTS[lang])
    phone.click(f'.md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link[href="{path}"]')
    phone.wait_for_url(site.url + url_path(lang, target))
