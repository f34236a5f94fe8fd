"""Visit every built page once per colour scheme, in parallel browsers, and record what the browser tests check.

A page costs most in the browser: loading it and running axe-core on it. So the checks that look at every page
share one visit per page and scheme (PageVisit below is what a visit records), and the visits
are spread over a few browsers running side by side, one per core: each is a thread of its own with its own
Playwright (Playwright's sync API belongs to the thread that started it).

The analyses of a rendered page that cost most (axe-core; the whole dark-scheme pass; the light scheme's layout
measurements, which resize the page to print and phone widths) are kept in `.cache/browser/`
under a key made of everything their result depends on: the page's HTML, every other file the site serves
besides pages (style sheets, scripts, pictures, notebook CSS), the scripts and options of the analysis, the
colour scheme and viewport, the browser's version and the fonts installed (RenderCache). A later run whose key
is unchanged reads the result instead of loading and analysing the page again (only clean results are kept: a
page with a problem is always checked again). `pytest --fresh` and CI (CI=true) never read it.
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import re
import shutil
import subprocess
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from autograd_docs import pages
from autograd_docs.build.site import write_atomic

CACHE = pages.ROOT / ".cache" / "browser"


def renders_pages(rel: str) -> bool:
    """Whether a served file (path relative to the site) can change how a page renders: anything but the pages
    themselves (each page's own HTML is part of its key) and the files no page loads while it is shown."""
    return not (rel.endswith(".html") or rel.endswith("search/search_index.json")
                or rel.rsplit("/", 1)[-1] in {"sitemap.xml", "sitemap.xml.gz"})


@dataclass
class Problems:
    """What went wrong around the checks while a page was visited."""

    foreign_requests: list[str] = field(default_factory=list)  # requests to another host (blocked)
    console_errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions
    bad_responses: list[str] = field(default_factory=list)  # "status url" of failed local requests


# Chromium resolves no host but the test server's: a request to another host fails at once, without the network
# (added to the launch arguments by tests/browser/conftest.py). Blocking there, not by routing each request through
# Playwright, keeps the browser's HTTP cache on: Playwright turns it off while any route is installed.
OFFLINE = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"


def watch(page, site_url: str, problems: Callable[[], Problems]) -> None:
    """Record into problems() (the record of the page being visited) every request to another host (the browser
    blocks it: OFFLINE), every console error or uncaught exception, and every failed local request."""
    page.on("request", lambda r: r.url.startswith(("http:", "https:", "ws:", "wss:")) and not r.url.startswith(site_url)
            and problems().foreign_requests.append(r.url))
    page.on("console", lambda m: m.type == "error" and problems().console_errors.append(m.text))
    page.on("pageerror", lambda e: problems().console_errors.append(f"uncaught: {e}"))
    page.on("response", lambda r: r.status >= 400 and problems().bad_responses.append(f"{r.status} {r.url}"))
    # net::ERR_ABORTED is the browser cancelling what a page still loads when the visit moves on.
    page.on("requestfailed", lambda r: r.url.startswith(site_url) and r.failure != "net::ERR_ABORTED"
            and problems().bad_responses.append(f"{r.failure} {r.url}"))


def visit_all(launch_args: dict, items: list, visit: Callable, contexts: dict[str, dict],
              on_page: Callable | None = None, workers: int | None = None) -> dict:
    """visit({name: page}, item) for every item, spread over `workers` browsers (default: one per core, at least
    two). Each browser has one page per entry of `contexts` ({name: browser context options}), each in a context
    of its own (its own storage: Material keeps the colour scheme it showed in localStorage); on_page(name, page)
    runs for each new page first. Returns {item: what visit returned}; a visit that raises records the
    traceback as its result (a string), so one broken page fails the tests that look at it, not the session."""
    from playwright.sync_api import sync_playwright

    todo: queue.Queue = queue.Queue()
    for item in items:
        todo.put(item)
    results: dict = {}
    failures: list[str] = []

    def work() -> None:
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(**launch_args)

                def open_pages() -> dict:
                    opened = {}
                    for name, options in contexts.items():
                        context = browser.new_context(**options)
                        context.set_default_timeout(15_000)
                        opened[name] = context.new_page()
                        on_page and on_page(name, opened[name])
                    return opened

                shown = open_pages()
                while True:
                    try:
                        item = todo.get_nowait()
                    except queue.Empty:
                        break
                    try:
                        results[item] = visit(shown, item)
                    except Exception:  # noqa: BLE001 - reported with the page it happened on
                        results[item] = traceback.format_exc()
                        for page in shown.values():
                            page.context.close()
                        shown = open_pages()
                browser.close()
        except Exception:  # noqa: BLE001 - a browser that did not start
            failures.append(traceback.format_exc())

    count = workers or max(2, os.cpu_count() or 1)
    threads = [threading.Thread(target=work, name=f"browser-{n}") for n in range(max(1, min(count, len(items))))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise RuntimeError("a browser failed to start:\n" + "\n".join(failures))
    return results


# --- analyses of a rendered page, kept by content ---------------------------------------------------------


def _digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode() if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


class RenderCache:
    """Analyses of a rendered page (axe-core, the dark scheme's checks) kept by content: a result is a function of
    the page's HTML, every other file the site serves (style sheets, scripts, pictures), the browser, the fonts
    and the analysis itself (its scripts and options), and all of these make its key. Only clean results are
    kept, so a page with a problem is always looked at again; `fresh` (pytest --fresh, CI) reads none."""

    def __init__(self, site_dir: Path, site_url: str, browser_version: str, fresh: bool):
        from axe_playwright_python.sync_playwright import Axe

        self.axe_script = Axe().axe_script
        self.site_url = site_url.encode()  # a free port, other in every session: left out of the key
        self.fresh = fresh
        self.ran = 0
        self.reused = 0
        self._lock = threading.Lock()
        served = sorted(p for p in site_dir.rglob("*") if p.is_file() and renders_pages(p.relative_to(site_dir).as_posix()))
        fonts = subprocess.run(["fc-list"], capture_output=True, text=True).stdout if shutil.which("fc-list") else ""
        self._base = _digest(self.axe_script, browser_version, "\n".join(sorted(fonts.splitlines())),
                             *(f"{p.relative_to(site_dir).as_posix()}\0{_digest(p.read_bytes())}" for p in served))

    def get(self, html: Path, analysis: tuple[str, ...], run: Callable[[], object], clean: Callable[[object], bool]):
        """The result of run() on the page built as `html`, or the kept one for the same key; `analysis` names what
        run() does (its scripts, options, viewport, scheme) and is part of the key."""
        page_bytes = html.read_bytes().replace(self.site_url, b"https://site.invalid/")
        cached = CACHE / f"{_digest(self._base, page_bytes, *analysis)}.json"
        if not self.fresh and cached.is_file():
            with self._lock:
                self.reused += 1
            return json.loads(cached.read_text("utf-8"))
        result = run()
        with self._lock:
            self.ran += 1
        if clean(result):
            write_atomic(cached, json.dumps(result, sort_keys=True).encode("utf-8"))
        return result

    def axe(self, page, options: dict) -> list[dict]:
        """The violations axe-core finds on the page shown."""
        page.evaluate(self.axe_script)
        return page.evaluate("options => axe.run(document, options).then(r => r.violations)", options)


@dataclass
class AnalysisFigures:
    """How often a kept analysis (RenderCache) ran and how often its result was read from the cache, over the
    processes that ran the browser layer (pytest-xdist workers send theirs: tests/conftest.py); printed at the end
    of a test run."""

    ran: int = 0
    reused: int = 0
    sessions: int = 0

    def add(self, ran: int, reused: int) -> None:
        self.ran += ran
        self.reused += reused
        self.sessions += 1


ANALYSES = AnalysisFigures()


# --- the visit of one page: what the every-page checks of tests/browser/ look at ------------------------

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
# A phone's layout is its width in CSS pixels (the pages ask for width=device-width): what overflows on a phone
# overflows at that width, so the tour measures it by resizing (the phone tests of test_browser.py emulate one).
PRINT_WIDTH = {"width": 700, "height": 1000}  # about an A4 page's text width at 96 dpi
SCHEMES = {"light": "default", "dark": "slate"}  # emulated prefers-color-scheme -> Material's data-md-color-scheme
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
AXE_ALL = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
# The rules of AXE_TAGS whose result depends on colours: the only ones that can differ between the schemes
# (a scheme is one attribute on <body> that only the style sheets read). tests/browser/test_accessibility.py
# checks that axe-core has no other colour rule among AXE_TAGS.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
AXE_COLOURS = {"runOnly": {"type": "rule", "values": COLOUR_RULES}, "resultTypes": ["violations"]}

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

GRAPH_CONTRAST = """() => {
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = c => { const [r, g, b] = rgb(c).slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                     return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const low = [];
  let texts = 0;
  for (const figure of document.querySelectorAll("figure.autograd-graph")) {
    const panel = getComputedStyle(figure).backgroundColor;
    for (const text of figure.querySelectorAll(".autograd-graph-drawing svg text")) {
      texts++;
      // Text inside a node sits on the node's fill (a plaintext node has none); elsewhere on the panel.
      const shape = text.closest("g.node")?.querySelector(":scope > :is(path, polygon, ellipse)");
      const fill = shape ? getComputedStyle(shape).fill : "none";
      const bg = fill && fill !== "none" ? fill : panel;
      const r = ratio(getComputedStyle(text).fill, bg);
      if (r < 4.5) low.push(`${text.textContent.trim()}: ${getComputedStyle(text).fill} on ${bg} (${r.toFixed(2)}:1)`);
    }
    // Lines and arrows: 3:1 against the panel (WCAG 1.4.11, non-text contrast).
    for (const line of figure.querySelectorAll(".autograd-graph-drawing svg g.edge > path")) {
      const r = ratio(getComputedStyle(line).stroke, panel);
      if (r < 3) low.push(`edge ${line.parentElement.getAttribute("class")}: ${getComputedStyle(line).stroke} on ${panel} (${r.toFixed(2)}:1)`);
    }
  }
  return {texts, low};
}"""

PRINTED = """() => {
  const hidden = sel => [...document.querySelectorAll(sel)].every(e => e.getClientRects().length === 0);
  const cut = [...document.querySelectorAll("article pre, article pre > code, article .highlight-ipynb, article .md-code__content")]
    .filter(e => e.getClientRects().length > 0 && e.scrollWidth > e.clientWidth + 1)
    .map(e => `${e.tagName.toLowerCase()}.${e.className}: ${e.scrollWidth} > ${e.clientWidth}: ${e.textContent.trim().slice(0, 50)}`);
  return {
    navHidden: hidden(".md-sidebar, .md-tabs, nav.md-nav--primary"),
    headerHidden: hidden(".md-header"),
    searchHidden: hidden(".md-search, .md-search__input"),
    footerHidden: hidden(".md-footer"),
    articleShown: document.querySelector("article").getClientRects().length > 0,
    codeBlocks: document.querySelectorAll("article pre").length,
    cut,
    font: getComputedStyle(document.querySelector("article p") || document.body).fontFamily,
  };
}"""

NOTEBOOK = """() => ({
  tags: [...document.querySelectorAll(".cell-tag")].filter(t => t.getClientRects().length).map(t => t.innerText.trim()),
  prompts: [...document.querySelectorAll(".jp-InputPrompt, .jp-OutputPrompt")]
             .filter(p => p.getClientRects().length && p.innerText.trim()).map(p => p.innerText.trim()),
  copyNames: [...document.querySelectorAll("clipboard-copy")].map(c => c.getAttribute("aria-label")),
})"""

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const text = [...document.querySelectorAll(
      "article :is(p, li, h1, h2, h3, h4, h5, h6, figcaption, dt, dd, math, .admonition-title)")]
    .filter(e => !e.closest("pre, .md-typeset__scrollwrap, .md-code__content"))
    .filter(e => e.getBoundingClientRect().right > width + 1)
    .map(e => e.tagName.toLowerCase() + ": " + e.textContent.trim().slice(0, 50));
  return {page: document.documentElement.scrollWidth - width, text};
}"""

SCHEME_SHOWN = "document.body.getAttribute('data-md-color-scheme')"


def is_notebook(path: str) -> bool:
    return path.startswith("exercises/") and path != "exercises/"


# What is wrong in what a visit saw: the every-page tests report it, and a kept analysis is only kept without it.

CJK = re.compile(r"[\u4e00-\u9fff]")


def print_problems(lang: str, printed: dict) -> dict:
    """PRINTED: no navigation, header, search or footer; the article; every code line in full; CJK fonts for Chinese."""
    wrong = {k: printed[k] for k in ("navHidden", "headerHidden", "searchHidden", "footerHidden", "articleShown") if not printed[k]}
    if printed["cut"]:
        wrong["code lines cut off"] = printed["cut"]
    if lang == "zh" and "Noto Sans CJK SC" not in printed["font"]:
        wrong["font"] = f"no CJK font listed for Chinese: {printed['font']}"
    return wrong


def phone_problems(phone: dict) -> bool:
    """OVERFLOW: the page, or a text, scrolls sideways at a phone's width."""
    return phone["page"] > 0 or bool(phone["text"])


def notebook_problems(lang: str, notebook: dict) -> dict:
    """NOTEBOOK: cell tags and copy buttons in the reader's language, no execution counts."""
    wrong = {}
    raw = [t for t in notebook["tags"] if re.fullmatch(r"[a-z]+(-[a-z]+)+|solution", t)]
    if raw:
        wrong["raw cell tags"] = raw
    if lang == "zh" and [t for t in notebook["tags"] if not CJK.search(t)]:
        wrong["tags not in Chinese"] = notebook["tags"]
    if notebook["prompts"]:
        wrong["execution counts shown"] = notebook["prompts"][:5]
    if lang == "zh" and [n for n in notebook["copyNames"] if not CJK.search(n or "")]:
        wrong["copy buttons named in English"] = notebook["copyNames"][:3]
    return wrong


@dataclass
class PageVisit:
    lang: str
    path: str  # under the language's root; a translation has the same path under its own root
    url: str
    seen: dict = field(default_factory=dict)  # COLLECT, in the light scheme
    schemes: dict[str, str] = field(default_factory=dict)  # emulated scheme -> the scheme Material shows
    violations: dict[str, list] = field(default_factory=dict)  # scheme -> axe-core's violations
    graphs: dict[str, dict] = field(default_factory=dict)  # scheme -> GRAPH_CONTRAST (pages with a graph picture)
    printed: dict = field(default_factory=dict)  # PRINTED, under print media at PRINT_WIDTH
    notebook: dict | None = None  # NOTEBOOK, on notebook pages
    phone: dict = field(default_factory=dict)  # OVERFLOW at a phone's width (PHONE)
    switched_to: str = ""  # where the language switcher leads (the navigation it starts; that page is visited too)
    problems: Problems = field(default_factory=Problems)


def page_visitor(site, cache: RenderCache, shots: dict[str, Path]) -> tuple[dict[str, dict], Callable, Callable]:
    """(contexts, on_page, visit) for visit_all over (lang, path) items. A visit loads the page in the light scheme
    (records COLLECT, axe with every rule, the graph pictures' contrast, notebook cells, print layout, what
    overflows at a phone's width), then in the dark scheme (axe's colour rules, the graph pictures' contrast),
    then follows the language switcher. The axe run, the dark pass and the layout measurements come from `cache`
    when their key is kept; loading the page, COLLECT, the scheme shown and the switcher are live on every run.
    shots: {url: file} of the pages to screenshot (full page, light)."""
    current = threading.local()
    roots = {l.code: l.root for l in pages.LANGUAGES}
    # Reduced motion: Material skips its transitions, so the switcher's list can be clicked at once rather than
    # after its 250 ms animation, and every analysis sees a settled page.
    contexts = {scheme: {"viewport": DESKTOP, "color_scheme": scheme, "reduced_motion": "reduce"} for scheme in SCHEMES}
    options = {scheme: json.dumps(contexts[scheme], sort_keys=True) for scheme in SCHEMES}

    def on_page(scheme: str, page) -> None:
        current.idle = set()
        watch(page, site.url, lambda: current.record.problems)

    def visit(shown: dict, item: tuple[str, str]) -> PageVisit:
        lang, path = item
        url = site.url + roots[lang] + path
        html = site.path / roots[lang] / path / "index.html"
        has_graphs = "autograd-graph" in html.read_text("utf-8")
        record = current.record = PageVisit(lang, path, url)
        page = shown["light"]
        page.goto(url)
        # Navigation waited for "load"; the search worker and index load after it. They are the same for every
        # page of a language, so wait for them (network idle, ~0.5 s) once per language and browser.
        if lang not in current.idle:
            page.wait_for_load_state("networkidle")
            current.idle.add(lang)
        record.seen = page.evaluate(COLLECT)
        if url in shots:
            page.screenshot(path=shots[url], full_page=True)
        record.schemes["light"] = page.evaluate(SCHEME_SHOWN)
        record.violations["light"] = cache.get(html, ("light", json.dumps(AXE_ALL), options["light"]),
                                               lambda: cache.axe(page, AXE_ALL), lambda found: found == [])

        def dark_pass() -> dict:
            dark = shown["dark"]
            before = {kind: len(found) for kind, found in vars(record.problems).items()}
            dark.goto(url)  # Material reads the scheme when a page loads
            seen = {"scheme": dark.evaluate(SCHEME_SHOWN), "violations": cache.axe(dark, AXE_COLOURS),
                    "graphs": dark.evaluate(GRAPH_CONTRAST) if has_graphs else None}
            return seen | {"problems": sum(len(found) - before[kind] for kind, found in vars(record.problems).items())}

        # Kept whole when clean: Material showed the dark scheme, no violation, no low contrast, nothing went wrong.
        dark = cache.get(html, ("dark", json.dumps(AXE_COLOURS), options["dark"], SCHEME_SHOWN, GRAPH_CONTRAST),
                         dark_pass, lambda seen: seen["scheme"] == SCHEMES["dark"] and seen["violations"] == []
                         and not (seen["graphs"] or {}).get("low") and seen["problems"] == 0)
        record.schemes["dark"], record.violations["dark"] = dark["scheme"], dark["violations"]

        def layout_pass() -> dict:
            before = sum(len(found) for found in vars(record.problems).values())
            seen = {"graphs": page.evaluate(GRAPH_CONTRAST) if has_graphs else None,
                    "notebook": page.evaluate(NOTEBOOK) if is_notebook(path) else None}
            page.set_viewport_size(PRINT_WIDTH)
            page.emulate_media(media="print")
            seen["printed"] = page.evaluate(PRINTED)
            page.emulate_media(media="screen")
            page.set_viewport_size(PHONE["viewport"])
            seen["phone"] = page.evaluate(OVERFLOW)
            page.set_viewport_size(DESKTOP)
            return seen | {"problems": sum(len(found) for found in vars(record.problems).values()) - before}

        # The light scheme's measurements of layout (graph contrast, notebook cells, print, a phone's width): kept
        # whole when clean, like the dark pass.
        layout = cache.get(html, ("layout", options["light"], GRAPH_CONTRAST, NOTEBOOK, PRINTED, OVERFLOW,
                                  json.dumps([PRINT_WIDTH, PHONE])), layout_pass,
                           lambda seen: seen["problems"] == 0 and not (seen["graphs"] or {}).get("low")
                           and not (seen["notebook"] and notebook_problems(lang, seen["notebook"]))
                           and not print_problems(lang, seen["printed"]) and not phone_problems(seen["phone"]))
        if has_graphs:
            record.graphs = {"light": layout["graphs"], "dark": dark["graphs"]}
        record.notebook, record.printed, record.phone = layout["notebook"], layout["printed"], layout["phone"]
        other = next(l for l in pages.LANGS if l != lang)
        page.hover(".md-header__option .md-select")  # the switcher's list opens on hover
        leaving: list[str] = []

        def stop_leaving(route):
            # The navigation the switcher starts is recorded and stopped: its target is a page of its own in this
            # tour, so loading it here would only load it twice.
            if route.request.is_navigation_request() and route.request.frame == page.main_frame:
                leaving.append(route.request.url)
                route.abort("aborted")
            else:
                route.fallback()

        page.route("**/*", stop_leaving)  # only now: while a route is installed, the browser does not cache
        try:
            with page.expect_request(lambda request: request.is_navigation_request()):
                page.click(f'.md-select__link[hreflang="{other}"]')
            record.switched_to = leaving[0]
        finally:
            page.unroute("**/*", stop_leaving)
        return record

    return contexts, on_page, visit
