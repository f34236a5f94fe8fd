"""Accessibility of the built site in a real browser (Debian's Chromium through Playwright): WCAG 2.1 AA.

The checks of every page (axe-core in both colour schemes, the graph pictures' contrast, print, notebook cells)
are in test_every_page.py; here:
- the dark scheme's axe run has every colour rule;
- the keyboard: Tab through a chapter and a notebook page, every stop shows a focus ring; the language switcher,
  search, copy buttons and the notebooks' solution toggles work from the keyboard;
- search: results never show a picture's text alternative, and a reader searching for a term a chapter teaches
  finds that chapter first (or second, after the glossary);
- a chapter prints to PDF in both languages.

Without Chromium these tests skip; under CI (CI=true) they fail instead, like tests/browser/test_browser.py.
"""

from __future__ import annotations

import re

import pytest

from autograd_docs import pages as site_pages
from support.browser import built_pages, search
from support.visits import AXE_TAGS, COLOUR_RULES, DESKTOP, is_notebook

LANGS = site_pages.LANGS
ROOTS = {l.code: l.root for l in site_pages.LANGUAGES}


# A term and the chapter that teaches it (its page under the language's root).
TERMS = {
    "en": {
        "no_grad": "detach-and-grad-modes/",
        "inference_mode": "detach-and-grad-modes/",
        "create_graph": "backward/",
        "retain_graph": "backward/",
        "zero_grad": "zero-grad-and-accumulation/",
        "grad_fn": "computation-graph/",
        "requires_grad": "leaf-tensors/",
        "detach": "detach-and-grad-modes/",
    },
    "zh": {
        "反向传播": "backward/",
        "计算图": "computation-graph/",
        "叶子张量": "leaf-tensors/",
        "梯度累积": "zero-grad-and-accumulation/",
        "no_grad": "detach-and-grad-modes/",
        "create_graph": "backward/",
        "雅可比矩阵": "backward/",
        "原地操作": "leaf-tensors/",
        "推理模式": "detach-and-grad-modes/",
    },
}
GLOSSARY = "glossary/"


@pytest.fixture(scope="module")
def pages(site) -> list[tuple[str, str]]:
    found = built_pages(site.path)
    assert any(path.startswith("exercises/") and path != "exercises/" for _, path in found), "no notebook page was built"
    return found


def url(site, lang: str, path: str) -> str:
    return site.url + ROOTS[lang] + path


def notebook_pages(pages) -> list[tuple[str, str]]:
    return [(lang, path) for lang, path in pages if is_notebook(path)]


@pytest.fixture
def context(browser, site):
    made = []

    def make(**options):
        ctx = browser.new_context(**{"viewport": DESKTOP, **options})
        ctx.set_default_timeout(15_000)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.close()


# --- axe-core --------------------------------------------------------------------------------------------


def test_the_dark_scheme_is_checked_with_every_colour_rule(context, site):
    """axe-core's rules among AXE_TAGS that look at colours are all in COLOUR_RULES, the rules run in the dark scheme."""
    from axe_playwright_python.sync_playwright import Axe

    page = context().new_page()
    page.goto(url(site, LANGS[0], ""))
    page.evaluate(Axe().axe_script)
    rules = page.evaluate("tags => axe.getRules(tags).map(r => [r.ruleId, r.description, r.help].join(' '))", AXE_TAGS)
    assert len(rules) > 50
    colour = {rule.split()[0] for rule in rules if re.search(r"colou?r|contrast", rule, re.I)}
    assert colour and colour <= set(COLOUR_RULES), f"colour rules not run in the dark scheme: {colour - set(COLOUR_RULES)}"


# --- keyboard -----------------------------------------------------------------------------------------

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = e => getComputedStyle(e);
  const ring = e => { const s = style(e);
    return (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow && s.boxShadow !== "none"); };
  const shown = e => { const r = e.getBoundingClientRect(), s = style(e);
    return r.width > 1 && r.height > 1 && s.visibility !== "hidden" && parseFloat(s.opacity) > 0; };
  // A visually hidden input (the palette switch, content tabs, toggles) shows its focus on a label:
  // its own, or the label right after it (Material's palette switch).
  const next = el.nextElementSibling && el.nextElementSibling.tagName === "LABEL" ? [el.nextElementSibling] : [];
  const drawn = shown(el) ? [el] : [...(el.labels || []), ...next].filter(shown);
  return {
    tag: el.tagName.toLowerCase(),
    cls: el.getAttribute("class") || "",
    text: (el.getAttribute("aria-label") || el.textContent || el.value || "").trim().slice(0, 40),
    href: el.getAttribute("href") || "",
    hreflang: el.getAttribute("hreflang") || "",
    search: el.matches("[data-md-component=search-query]"),
    copy: el.matches("button.md-code__button[data-md-type=copy], clipboard-copy"),
    summary: el.matches("details.solution > summary"),
    visible: drawn.length > 0,
    ring: drawn.some(ring),
  };
}"""


def tab_through(page, limit: int = 600) -> list[dict]:
    """Press Tab from the top of the page until focus leaves the page or comes back; the elements focused, in order."""
    # Judge each focus state as it ends up: no transitions (Material fades the skip link in, for example).
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important; }")
    page.evaluate("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur()")
    stops: list[dict] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        seen = page.evaluate(FOCUSED)
        if seen is None or (stops and seen == stops[0] and len(stops) > 3):
            break
        stops.append(seen)
    return stops


def chapter_with_code(site, pages) -> tuple[str, str]:
    """The first page (of the first language) with code blocks that is not a notebook."""
    for lang, path in pages:
        if lang == LANGS[0] and path and not path.startswith("exercises/") \
                and "<pre" in (site.path / path / "index.html").read_text("utf-8"):
            return lang, path
    pytest.fail("no chapter page has a code block")


@pytest.mark.parametrize("kind", ["chapter", "notebook"])
def test_tab_reaches_every_control_with_a_visible_focus_ring(context, site, pages, kind):
    lang, path = chapter_with_code(site, pages) if kind == "chapter" else notebook_pages(pages)[0]
    ctx = context()
    page = ctx.new_page()
    page.goto(url(site, lang, path))
    page.wait_for_load_state("networkidle")
    stops = tab_through(page)
    assert len(stops) > 10, f"Tab visits only {len(stops)} elements"
    where = f"/{ROOTS[lang]}{path}"
    assert [s for s in stops if not s["visible"]] == [], f"{where}: focus on something not on screen"
    assert [s for s in stops if not s["ring"]] == [], f"{where}: focused without a visible focus ring"
    assert any(s["search"] for s in stops), f"{where}: Tab never reaches the search box"
    assert any(s["hreflang"] for s in stops), f"{where}: Tab never reaches the language switcher"
    assert any(s["copy"] for s in stops), f"{where}: Tab never reaches a copy button"
    if kind == "notebook":
        assert any(s["summary"] for s in stops), f"{where}: Tab never reaches a solution toggle"


def test_solution_toggle_opens_with_enter_and_space(context, site, pages):
    for lang, path in notebook_pages(pages)[:1] + [p for p in notebook_pages(pages) if p[0] != LANGS[0]][:1]:
        page = context().new_page()
        page.goto(url(site, lang, path))
        summary = page.locator("details.solution > summary").first
        expected = "显示答案" if lang == "zh" else "Show solution"
        assert summary.inner_text().strip() == expected
        summary.focus()
        assert not summary.evaluate("s => s.parentElement.open")
        page.keyboard.press("Enter")
        assert summary.evaluate("s => s.parentElement.open"), f"/{ROOTS[lang]}{path}: Enter does not open the solution"
        assert summary.evaluate("s => s.nextElementSibling.getBoundingClientRect().height > 0"), "the opened solution shows nothing"
        page.keyboard.press(" ")
        assert not summary.evaluate("s => s.parentElement.open"), "Space does not close it again"


def test_language_switcher_works_from_the_keyboard(context, site, pages):
    lang, path = chapter_with_code(site, pages)
    target = next(l for l in LANGS if l != lang)
    page = context().new_page()
    page.goto(url(site, lang, path))
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.getAttribute('hreflang') === '{target}'"):
            break
    else:
        pytest.fail("Tab never reaches the link to the other language")
    assert page.locator(f'.md-select__link[hreflang="{target}"]').is_visible(), "the focused language link is not shown"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == url(site, target, path)
    assert page.evaluate("document.documentElement.lang") == target


def test_copy_button_works_from_the_keyboard(context, site, pages):
    lang, path = chapter_with_code(site, pages)
    ctx = context()
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.url.rstrip("/"))
    page = ctx.new_page()
    page.goto(url(site, lang, path))
    button = page.locator('article button.md-code__button[data-md-type="copy"]').first
    button.focus()
    assert button.evaluate("b => getComputedStyle(b).opacity") != "0", "the focused copy button is invisible"
    page.keyboard.press("Enter")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() and copied.rstrip() == page.locator("article pre").first.locator("code").inner_text().rstrip()


def test_search_works_from_the_keyboard(context, site):
    page = context().new_page()
    page.goto(url(site, "zh", ""))
    page.keyboard.press("/")  # Material's shortcut; Tab reaches it too (test above)
    assert page.evaluate("document.activeElement.matches('[data-md-component=search-query]')")
    page.keyboard.type("计算图")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("ArrowDown")  # Material moves the focus into the results
    assert page.evaluate("document.activeElement.closest('.md-search-result') !== null")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.startswith(site.url + "zh/")


# --- search ---------------------------------------------------------------------------------------------


def picture_descriptions(site, lang: str) -> list[str]:
    """The text alternatives (<desc>) of every graph picture of a language, from the built pages."""
    root = site.path / ROOTS[lang] if ROOTS[lang] else site.path
    descs = []
    for html_file in root.rglob("index.html"):
        if lang == LANGS[0] and any(html_file.is_relative_to(site.path / l) for l in LANGS[1:]):
            continue
        descs += re.findall(r"<desc [^>]*>(.*?)</desc>", html_file.read_text("utf-8"), re.S)
    return descs


@pytest.mark.parametrize("lang, words", [("zh", ["叶子", "AccumulateGrad", "梯度"]), ("en", ["AccumulateGrad", "leaf", "MulBackward0"])])
def test_search_results_never_show_a_picture_description(search_page, site, lang, words):
    descs = picture_descriptions(site, lang)
    assert descs, f"no picture description in the {lang} pages: the check is empty"
    # A sentence of a description as search shows it (it drops markup; jieba adds zero-width spaces).
    sentences = {s.strip() for d in descs for s in re.split(r"(?<=[.。])\s*", d.replace("&gt;", ">")) if len(s.strip()) > 20}
    for word in words:
        results = search(search_page(lang), word)
        assert results, f"searching {word!r} found nothing"
        shown = [r for r in results if any(s in r["text"].replace("\u200b", "") for s in sentences)]
        assert shown == [], f"searching {word!r} shows a picture's text alternative"


def ranking_problems(page, site, lang: str, terms: dict[str, str]) -> dict[str, str]:
    wrong = {}
    for term, chapter in terms.items():
        found = [r["href"].removeprefix(site.url + ROOTS[lang]) for r in search(page, term)]
        if not (found[:1] == [chapter] or found[:2] == [GLOSSARY, chapter]):
            wrong[term] = f"expected {chapter} first (or second after {GLOSSARY}); found {found[:4]}"
    return wrong


@pytest.mark.parametrize("lang", TERMS)
def test_a_term_finds_the_chapter_that_teaches_it(search_page, site, lang):
    """The chapters get `search: boost: 3` from autograd_docs/build/a11y.py (both languages)."""
    assert ranking_problems(search_page(lang), site, lang, TERMS[lang]) == {}


@pytest.mark.xfail(strict=True, reason=(
    "Material's search splits a Chinese query into words and ranks by any of them: 梯度模式 and 梯度累积 rank "
    "the same, by 梯度, so no page boost puts both chapters first (梯度累积's chapter wins). Remove this mark when it passes."))
def test_a_chinese_compound_term_finds_its_chapter(search_page, site):
    assert ranking_problems(search_page("zh"), site, "zh", {"梯度模式": "detach-and-grad-modes/"}) == {}


# --- print ----------------------------------------------------------------------------------------------


def test_a_chapter_prints_to_pdf(context, site, pages, tmp_path):
    lang, path = chapter_with_code(site, pages)
    page = context().new_page()
    for lang in LANGS:
        page.goto(url(site, lang, path))
        pdf = page.pdf(path=str(tmp_path / f"{lang}.pdf"), format="A4")
        assert pdf[:5] == b"%PDF-" and len(pdf) > 20_000


# --- notebook pages -------------------------------------------------------------------------------------


