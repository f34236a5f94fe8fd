"""The built site in a real browser (Debian's Chromium through Playwright), on every page in both languages.

One browser, one build and one server per session. A tour visits every page once and records what
it saw (requests, console errors, where the language switcher led, formulas, copy buttons, pictures);
most tests check that record, the others drive one page themselves. Without Chromium these tests
skip; under CI (CI=true) they fail instead. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load

from autograd_docs import pages
from support.browser import INSTALL_HINT, page_transfer, search

ARTIFACTS = pages.ROOT / "test-artifacts"
LANGS = pages.LANGS
ROOTS = {l.code: l.root for l in pages.LANGUAGES}
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
BUDGET = 500_000  # bytes a page and everything it loads may weigh, uncompressed, fonts excluded
SEARCH_WORDS = ["叶子", "计算图", "梯度"]

SOURCES = pages.by_language()  # for titles; the pages visited are those of the built site


def url_path(lang: str, rel: str) -> str:
    return pages.url_of(rel, lang)


def other(lang: str) -> str:
    return next(l for l in LANGS if l != lang)


def title(lang: str, rel: str) -> str:
    return pages.read(SOURCES[lang][rel]).lines[0].lstrip("#").strip()


def nav_pages(top_level_only: bool = False) -> list[str]:
    """Markdown pages of mkdocs.yml's navigation, in order, the home page left out."""
    with open(pages.ROOT / "mkdocs.yml", encoding="utf-8") as f:
        nav = yaml_load(f)["nav"]

    def walk(items, depth):
        for item in items:
            target = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(target, list):
                if not top_level_only:
                    yield from walk(target, depth + 1)
            elif target.endswith(".md") and target != "index.md":
                yield target

    return list(walk(nav, 0))


def chapter() -> str:
    """The page shown in screenshots: the first chapter in the navigation."""
    return nav_pages()[0]


# --- the tour ------------------------------------------------------------------------------------

COLLECT = """() => {
  const article = document.querySelector("article.md-content__inner");
  const box = e => { const r = e.getBoundingClientRect(); return {w: r.width, h: r.height}; };
  return {
    lang: document.documentElement.lang,
    codeBlocks: article.querySelectorAll("pre > code").length,
    copyButtons: article.querySelectorAll('button.md-code__button[data-md-type="copy"]').length,
    formulas: [...article.querySelectorAll("math")].map(m => ({
      ...box(m), mathml: m.namespaceURI === "http://www.w3.org/1998/Math/MathML",
      // Laid out as MathML, a fraction's numerator sits above its denominator; as text, beside it.
      stacked: [...m.querySelectorAll("mfrac")].map(f =>
        f.children[0].getBoundingClientRect().bottom <= f.children[1].getBoundingClientRect().top + 1),
      text: m.textContent.slice(0, 60)})),
    // A picture is a figure (the graph pictures: inline svg), or an image outside any figure; inline
    // svg elsewhere are icons. It shows if its drawings on screen are drawn (a figure may hold one
    // drawing per color scheme, the other one hidden).
    pictures: [...article.querySelectorAll("figure, img")]
      .filter(e => e.tagName === "FIGURE" || !e.closest("figure, button"))
      .map(e => {
        const drawings = e.tagName === "FIGURE"
          ? [...e.querySelectorAll("svg, img")].filter(d => !d.parentElement.closest("svg")) : [e];
        const shown = drawings.filter(d => box(d).w >= 20 && box(d).h >= 20);
        const drawn = d => d.tagName === "IMG" ? d.complete && d.naturalWidth > 0
                                               : d.getBBox().width > 0 && d.getBBox().height > 0;
        return {tag: e.tagName.toLowerCase(), cls: e.getAttribute("class") || "", drawings: drawings.length,
                shown: shown.length, drawn: shown.length > 0 && shown.every(drawn)};
      }),
  };
}"""


@dataclass
class Visit:
    lang: str
    path: str  # under the language's root; a translation has the same path under its own root
    url: str
    seen: dict
    switched_to: str = ""


@dataclass
class Tour:
    visits: list[Visit] = field(default_factory=list)
    foreign_requests: list[tuple[str, str]] = field(default_factory=list)  # (page, request url)
    console_errors: list[tuple[str, str]] = field(default_factory=list)  # (page, message)
    bad_responses: list[tuple[str, str]] = field(default_factory=list)  # (page, "status url")


def watch(page, site, tour: Tour) -> None:
    """Record, for the page being visited, every request to another host (and block it), every
    console error or uncaught exception, and every failed local request."""

    def guard(route):
        if route.request.url.startswith(site.url):
            route.continue_()
        else:
            tour.foreign_requests.append((page.url, route.request.url))
            route.abort()

    page.context.route("**/*", guard)
    page.on("console", lambda m: m.type == "error" and tour.console_errors.append((page.url, m.text)))
    page.on("pageerror", lambda e: tour.console_errors.append((page.url, f"uncaught: {e}")))
    page.on("response", lambda r: r.status >= 400 and tour.bad_responses.append((page.url, f"{r.status} {r.url}")))
    # net::ERR_ABORTED is the browser cancelling what a page still loads when the tour moves on.
    page.on("requestfailed", lambda r: r.url.startswith(site.url) and r.failure != "net::ERR_ABORTED"
            and tour.bad_responses.append((page.url, f"{r.failure} {r.url}")))


@pytest.fixture(scope="session")
def tour(browser, site, built) -> Tour:
    """Every page in both languages: from each English page, switch language, record, switch back."""
    ARTIFACTS.mkdir(exist_ok=True)
    record = Tour()
    context = browser.new_context(viewport=DESKTOP)
    context.set_default_timeout(10_000)
    page = context.new_page()
    watch(page, site, record)
    shots = {"": "home", url_path(LANGS[0], chapter()): Path(chapter()).stem}
    base, translated = LANGS
    visits: dict[tuple[str, str], Visit] = {}

    def url(lang: str, path: str) -> str:
        return site.url + ROOTS[lang] + path

    idle: set[str] = set()

    def arrive(lang: str, path: str) -> Visit:
        # Navigation waited for "load"; the search worker and index load after it. They are the same
        # for every page of a language, so wait for them (network idle, ~0.5 s) once per language.
        if lang not in idle:
            page.wait_for_load_state("networkidle")
            idle.add(lang)
        visit = Visit(lang, path, url(lang, path), page.evaluate(COLLECT))
        if path in shots:
            page.screenshot(path=ARTIFACTS / f"{lang}-{shots[path]}.png", full_page=True)
        visits[lang, path] = visit
        return visit

    def switch(to: str) -> str:
        page.hover(".md-header__option .md-select")  # the switcher's list opens on hover
        with page.expect_navigation():
            page.click(f'.md-select__link[hreflang="{to}"]')
        return page.url

    for lang, path in built:
        if lang != base:
            continue
        page.goto(url(base, path))
        visit = arrive(base, path)
        visit.switched_to = switch(translated)
        if (translated, path) not in built:
            continue
        if visit.switched_to != url(translated, path):
            page.goto(url(translated, path))
        visit = arrive(translated, path)
        visit.switched_to = switch(base)
    for lang, path in built:
        if (lang, path) not in visits:  # a translation without original: the build forbids it, but look anyway
            page.goto(url(lang, path))
            visit = arrive(lang, path)
            visit.switched_to = switch(base)
    context.close()
    record.visits = [visits[key] for key in built]
    return record


def test_the_tour_saw_every_page_in_its_language(tour, built):
    assert [(v.lang, v.path) for v in tour.visits] == built
    assert {(lang, path) for lang, path in built if path == ""} == {(lang, "") for lang in LANGS}
    assert [(v.url, v.seen["lang"]) for v in tour.visits if v.seen["lang"] != v.lang] == []


def test_language_switcher_keeps_the_reader_on_the_same_page_both_ways(tour, site):
    expected = {v.url: site.url + ROOTS[other(v.lang)] + v.path for v in tour.visits}
    assert [f"{v.url} -> {v.switched_to} (expected {expected[v.url]})"
            for v in tour.visits if v.switched_to != expected[v.url]] == []


def test_no_request_leaves_the_local_server(tour):
    assert tour.foreign_requests == []


def test_no_console_errors_and_no_failed_requests(tour):
    assert tour.console_errors == []
    assert tour.bad_responses == []


def test_formulas_render_as_mathml(tour):
    formulas = [(v.url, f) for v in tour.visits for f in v.seen["formulas"]]
    assert formulas, "no page has a formula: the MathML conversion is untested"
    bad = [(url, f) for url, f in formulas if not f["mathml"] or f["w"] <= 0 or f["h"] <= 0]
    assert bad == [], "formulas that are not MathML or take no space"
    assert any(f["stacked"] for _, f in formulas), "no formula has a fraction: the layout check below is untested"
    flat = [(url, f) for url, f in formulas if not all(f["stacked"])]
    assert flat == [], "fractions not stacked: MathML is not being laid out"


def test_every_code_block_has_a_copy_button(tour):
    assert any(v.seen["codeBlocks"] for v in tour.visits), "no page has a code block"
    assert [(v.url, v.seen["codeBlocks"], v.seen["copyButtons"]) for v in tour.visits
            if v.seen["codeBlocks"] != v.seen["copyButtons"]] == []


def test_graph_pictures_are_visible(tour):
    pictures = [(v.url, p) for v in tour.visits for p in v.seen["pictures"]]
    assert len(pictures) >= 20, f"only {len(pictures)} pictures on the site: the check would see little"
    assert [(url, p) for url, p in pictures if not p["drawn"]] == [], "pictures not on screen, empty or not loaded"


# --- pages driven one by one ----------------------------------------------------------------------


@contextlib.contextmanager
def watched_page(browser, site, **context_args):
    """A page in a fresh context; on leaving, no request went to another host and no script failed."""
    context = browser.new_context(**context_args)
    context.set_default_timeout(10_000)
    page = context.new_page()
    problems = Tour()
    watch(page, site, problems)
    yield page, problems
    context.close()
    assert problems.foreign_requests == [] and problems.console_errors == [], problems


@pytest.fixture
def desktop(browser, site):
    with watched_page(browser, site, viewport=DESKTOP) as (page, _):
        yield page


@pytest.mark.parametrize("word", SEARCH_WORDS)
def test_chinese_search_on_a_chinese_page_finds_chinese_pages_only(desktop, site, word):
    desktop.goto(site.url + url_path("zh", chapter()))
    found = [r["href"] for r in search(desktop, word)]
    assert found, f"searching {word} found nothing"
    assert [u for u in found if not u.startswith(site.url + "zh/")] == [], "English results on a Chinese page"
    # Every Chinese page titled with the word is among the first results (titles weigh most).
    titled = {site.url + url_path("zh", rel) for rel in SOURCES["zh"] if word in title("zh", rel)}
    assert titled, f"no Chinese page title contains {word}: choose another word"
    assert titled <= set(found[:10]), f"pages titled with {word} missing from the first results: {titled - set(found[:10])}"


@pytest.mark.parametrize("lang", LANGS)
def test_search_for_a_word_both_languages_use_stays_in_the_readers_language(desktop, site, lang):
    """Code words (backward, detach) are on the pages of both languages: the reader's language only."""
    desktop.goto(site.url + url_path(lang, chapter()))
    for word in ("backward", "detach"):
        found = [r["href"] for r in search(desktop, word)]
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
    problems = Tour()
    watch(page, site, problems)
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
    assert [e for _, e in problems.console_errors if "404" not in e] == []
    # (the page the failed response is filed under depends on when Chromium commits the navigation)
    assert [response for _, response in problems.bad_responses] == [f"404 {missing}"]


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

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const text = [...document.querySelectorAll(
      "article :is(p, li, h1, h2, h3, h4, h5, h6, figcaption, dt, dd, math, .admonition-title)")]
    .filter(e => !e.closest("pre, .md-typeset__scrollwrap, .md-code__content"))
    .filter(e => e.getBoundingClientRect().right > width + 1)
    .map(e => e.tagName.toLowerCase() + ": " + e.textContent.trim().slice(0, 50));
  return {page: document.documentElement.scrollWidth - width, text};
}"""


@pytest.fixture(scope="module")
def phone(browser, site):
    with watched_page(browser, site, viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2) as (page, _):
        yield page


def test_phone_no_page_scrolls_sideways(phone, site, built):
    wide = {}
    for lang, path in built:
        phone.goto(site.url + ROOTS[lang] + path)
        overflow = phone.evaluate(OVERFLOW)
        if overflow["page"] > 0 or overflow["text"]:
            wide[phone.url] = overflow
    assert wide == {}


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
