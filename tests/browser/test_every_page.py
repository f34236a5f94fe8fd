"""The checks of every built page, in both languages: they read the tour (tests/browser/conftest.py), one visit
per page and colour scheme in parallel browsers, so a page is loaded once for all of them.

- the tour saw every page in its language; the language switcher leads to the same page in the other language;
- nothing is loaded from another host, no console error, no failed request;
- formulas are MathML and laid out as such; every code block has a copy button; graph pictures are drawn;
- axe-core (WCAG 2.1 A/AA + best practices): zero violations, light and dark; the graph pictures' contrast;
- print: no navigation, header, search or footer, every code line in full, CJK fonts for Chinese;
- a phone's width: nothing scrolls sideways; notebook pages: cell tags in the reader's language, no execution counts.

Every test that reads the tour is in this module: pytest-xdist runs a module in one process, so the tour runs once.
"""

from __future__ import annotations

import pytest

from autograd_docs import pages
from support.visits import SCHEMES, is_notebook, notebook_problems, phone_problems, print_problems

LANGS = pages.LANGS
ROOTS = {l.code: l.root for l in pages.LANGUAGES}


def other(lang: str) -> str:
    return next(l for l in LANGS if l != lang)


def test_the_tour_saw_every_page_in_its_language(tour, built):
    assert [(v.lang, v.path) for v in tour] == built
    assert {(lang, path) for lang, path in built if path == ""} == {(lang, "") for lang in LANGS}
    assert [(v.url, v.seen["lang"]) for v in tour if v.seen["lang"] != v.lang] == []


def test_language_switcher_keeps_the_reader_on_the_same_page_both_ways(tour, site):
    expected = {v.url: site.url + ROOTS[other(v.lang)] + v.path for v in tour}
    assert [f"{v.url} -> {v.switched_to} (expected {expected[v.url]})"
            for v in tour if v.switched_to != expected[v.url]] == []


def test_no_request_leaves_the_local_server(tour):
    assert [(v.url, request) for v in tour for request in v.problems.foreign_requests] == []


def test_no_console_errors_and_no_failed_requests(tour):
    assert [(v.url, error) for v in tour for error in v.problems.console_errors] == []
    assert [(v.url, response) for v in tour for response in v.problems.bad_responses] == []


def test_formulas_render_as_mathml(tour):
    formulas = [(v.url, f) for v in tour for f in v.seen["formulas"]]
    assert formulas, "no page has a formula: the MathML conversion is untested"
    bad = [(url, f) for url, f in formulas if not f["mathml"] or f["w"] <= 0 or f["h"] <= 0]
    assert bad == [], "formulas that are not MathML or take no space"
    assert any(f["stacked"] for _, f in formulas), "no formula has a fraction: the layout check below is untested"
    flat = [(url, f) for url, f in formulas if not all(f["stacked"])]
    assert flat == [], "fractions not stacked: MathML is not being laid out"


def test_every_code_block_has_a_copy_button(tour):
    assert any(v.seen["codeBlocks"] for v in tour), "no page has a code block"
    assert [(v.url, v.seen["codeBlocks"], v.seen["copyButtons"]) for v in tour
            if v.seen["codeBlocks"] != v.seen["copyButtons"]] == []


def test_graph_pictures_are_visible(tour):
    pictures = [(v.url, p) for v in tour for p in v.seen["pictures"]]
    assert len(pictures) >= 20, f"only {len(pictures)} pictures on the site: the check would see little"
    assert [(url, p) for url, p in pictures if not p["drawn"]] == [], "pictures not on screen, empty or not loaded"


def describe_violations(lang: str, path: str, scheme: str, violations: list[dict]) -> list[str]:
    lines = []
    for v in violations:
        for node in v["nodes"]:
            checks = node.get("any") or node.get("all") or node.get("none") or [{}]
            lines.append(f"{v['id']} ({v['impact']}) on /{ROOTS[lang]}{path} [{scheme}] at "
                         f"{' > '.join(map(str, node['target']))}: {checks[0].get('message', v['help'])}\n"
                         f"    {node['html'][:160]}")
    return lines


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_violation_on_any_page(tour, scheme):
    """Every rule in the light scheme; in the dark one, the rules that read colours (the others see the same DOM)."""
    wrong_scheme = [f"/{ROOTS[v.lang]}{v.path}: emulated {scheme}, Material shows {v.schemes[scheme]}"
                    for v in tour if v.schemes[scheme] != SCHEMES[scheme]]
    assert wrong_scheme == []
    problems = [line for v in tour for line in describe_violations(v.lang, v.path, scheme, v.violations[scheme])]
    shown = problems[:40] + ([f"... and {len(problems) - 40} more"] if len(problems) > 40 else [])
    assert not problems, f"{len(problems)} accessibility violations (axe-core, WCAG 2.1 A/AA + best practices):\n" + "\n".join(shown)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_graph_pictures_keep_contrast(tour, scheme):
    with_graphs = [v for v in tour if v.graphs]
    assert with_graphs, "no page has a graph picture"
    assert sum(v.graphs[scheme]["texts"] for v in with_graphs) > 0, "no text found in the graph pictures"
    assert [f"/{ROOTS[v.lang]}{v.path}: {item}" for v in with_graphs for item in v.graphs[scheme]["low"]] == []


def test_printed_pages_show_the_chapter_and_every_code_line(tour):
    """Under print media, at about an A4 page's text width (support/visits.py: PRINT_WIDTH)."""
    problems = {}
    printed_code = 0
    for v in tour:
        printed_code += v.printed["codeBlocks"]
        wrong = print_problems(v.lang, v.printed)
        if wrong:
            problems[f"/{ROOTS[v.lang]}{v.path}"] = wrong
    assert printed_code > 0, "no page printed a code block"
    assert problems == {}


def test_phone_no_page_scrolls_sideways(tour):
    assert all(v.phone for v in tour)
    assert {v.url: v.phone for v in tour if phone_problems(v.phone)} == {}


def test_notebook_cells_speak_the_readers_language_and_show_no_execution_counts(tour):
    tags_seen = set()
    problems = {}
    notebooks = [v for v in tour if is_notebook(v.path)]
    assert notebooks and all(v.notebook is not None for v in notebooks)
    for v in notebooks:
        tags_seen.update(v.notebook["tags"])
        wrong = notebook_problems(v.lang, v.notebook)
        if wrong:
            problems[f"/{ROOTS[v.lang]}{v.path}"] = wrong
    assert tags_seen, "no notebook page shows a cell tag: the raises-exception check is empty"
    assert problems == {}
