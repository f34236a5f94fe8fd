"""MkDocs hooks: the build-time half of the site's promises.

- stop the build on a wrong include, a missing translation, a drifted translation or a broken
  link/anchor, naming file and line;
- write the PyTorch version the outputs were recorded with into pages and footer;
- turn LaTeX into MathML, so formulas render with no script and no CDN;
- give each language its own search index (mkdocs-static-i18n merges both into one, so a reader
  on a Chinese page got English results first) and its own localized 404 page;
- drop the per-page `<link rel="alternate" hreflang>` tags from <head>: Material's script takes each one
  for a language root and fetches `<that page>/sitemap.xml` (a 404 on every page), then may rewrite the
  switcher's target by whichever fetch came back first. The switcher links stay, and sitemap.xml
  still gives search engines every page's translations (hreflang).
"""

from __future__ import annotations

import copy
import html
import json
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

# MkDocs loads this file by path; make the package next to it importable however mkdocs was started.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jinja2.utils import htmlsafe_json_dumps  # noqa: E402
from latex2mathml.converter import convert as latex_to_mathml  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402

from autograd_docs import examples as ex  # noqa: E402
from autograd_docs import site_checks  # noqa: E402

VERSION_MARK = "{{ torch_version }}"
MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">\s*(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<block>.*?)\\\])\s*</(?P=tag)>',
    re.S,
)
HEAD_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')
MATERIAL_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
DEFAULT_LANGUAGE = ex.LANGUAGES[0]  # served at the site root; every other language under /<lang>/
_not_found_pages: dict[str, str] = {}  # language -> its rendered 404.html (each language build overwrites the last)


def _version() -> str:
    version = ex.recorded_version()
    if version is None:
        raise PluginError(f"{ex.display(ex.VERSION_FILE)} is missing: run `make outputs` to record every example")
    return version


def on_pre_build(config, **kwargs):
    errors = site_checks.check_all(Path(config["docs_dir"]))
    if errors:
        raise PluginError("page checks failed:\n" + "\n".join(errors))


def on_page_markdown(markdown, page, config, **kwargs):
    path = Path(page.file.abs_src_path)
    try:
        for fence in ex.read_fences(path, markdown):
            ex.expand(fence, ex.SNIPPETS)  # names page:line of a wrong include before pymdownx does
    except ex.PageError as err:
        raise PluginError(str(err)) from None
    return markdown.replace(VERSION_MARK, _version())


def _formula_error(page, latex: str, why: str) -> PluginError:
    # Search the source file: later hooks may have joined lines of the page's Markdown.
    source = Path(page.file.abs_src_path).read_text("utf-8")
    first = latex.strip().split("\n")[0].strip()
    at = source.find(first)
    line = source[:at].count("\n") + 1 if at >= 0 else 1
    path = ex.display(Path(page.file.abs_src_path))
    return PluginError(f"{path}:{line}: cannot convert formula to MathML ({why}): {latex.strip()[:80]!r}")


def on_page_content(content, page, **kwargs):
    def mathml(m: re.Match) -> str:
        latex = html.unescape(m["inline"] if m["inline"] is not None else m["block"])
        try:
            out = latex_to_mathml(latex.strip(), display="block" if m["block"] is not None else "inline")
        except Exception as err:  # latex2mathml raises many types for bad input
            raise _formula_error(page, latex, str(err)) from None
        if "<mi>&</mi>" in out:
            # latex2mathml leaves alignment marks of environments it does not know (aligned) as text
            raise _formula_error(page, latex, "unsupported environment: use align* or one equation per line")
        return out

    return MATH.sub(mathml, content)


def _language(config) -> str:
    """The language being built: mkdocs-static-i18n builds one language after the other and sets theme.language."""
    lang = config["theme"]["language"]
    if lang not in ex.LANGUAGES:
        raise PluginError(f"building language {lang!r}, which is not one of {ex.LANGUAGES}")
    return lang


def _point_base_at_language(output: str, lang: str, where: str) -> str:
    """Make Material's `base` the language's own root, so its search loads `<lang>/search/search_index.json`.

    Material fetches the index from `base` and resolves result links against it; nothing else it
    does with `base` is turned on here (instant navigation, versions).
    """
    if lang == DEFAULT_LANGUAGE:
        return output
    m = MATERIAL_CONFIG.search(output)
    if m is None:
        raise PluginError(f"{where}: Material's __config script not found, so {lang} search would show every language")
    config = json.loads(m[2])
    config["base"] = config["base"].rstrip("/") + "/" + ex.language_root(lang)
    return output[: m.start(2)] + str(htmlsafe_json_dumps(config)) + output[m.end(2) :]


def on_post_page(output, page, config, **kwargs):
    output = _point_base_at_language(output, _language(config), page.file.src_uri)
    output = HEAD_ALTERNATE.sub("", output)
    return output.replace(VERSION_MARK, _version())


def on_template_context(context, template_name, config, **kwargs):
    if template_name == "404.html" and config["extra"].get("alternate"):
        # The i18n plugin leaves the switcher of the last page built here: point it at each language's home.
        site_path = urlsplit(config["site_url"] or "/").path.rstrip("/")
        alternates = copy.deepcopy(config["extra"]["alternate"])
        for alt in alternates:
            alt["link"] = f"{site_path}/{ex.language_root(alt['lang'])}"
        # The plugin sets it as an attribute of `extra` (which templates read first) on pages, not as a key: set both.
        config["extra"]["alternate"] = alternates
        config["extra"].alternate = alternates
    return context


def on_post_template(output_content, template_name, config, **kwargs):
    output_content = output_content.replace(VERSION_MARK, _version())  # 404.html carries the footer too
    if template_name == "404.html":
        lang = _language(config)
        output_content = HEAD_ALTERNATE.sub("", _point_base_at_language(output_content, lang, template_name))
        _not_found_pages[lang] = output_content
    return output_content


@event_priority(-200)  # after mkdocs-static-i18n (-100), which builds the other languages and merges their search entries
def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    for lang, page in _not_found_pages.items():
        (site / ex.language_root(lang) / "404.html").write_text(page, "utf-8")
    _split_search_index(site)


def _split_search_index(site: Path) -> None:
    """Rewrite the merged search index as one index per language, each under its language's root."""
    merged = site / "search" / "search_index.json"
    if not merged.exists():
        return
    index = json.loads(merged.read_text("utf-8"))
    docs: dict[str, list] = {lang: [] for lang in ex.LANGUAGES}
    for doc in index["docs"]:
        lang = next((l for l in ex.LANGUAGES if l != DEFAULT_LANGUAGE and doc["location"].startswith(f"{l}/")), DEFAULT_LANGUAGE)
        docs[lang].append(dict(doc, location=doc["location"][len(ex.language_root(lang)) :]))
    for lang, entries in docs.items():
        path = site / ex.language_root(lang) / "search" / "search_index.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        # Compact, and UTF-8 rather than \u escapes: a third smaller for Chinese, where jieba adds a
        # zero-width space between words (every reader downloads the index with the first page).
        text = json.dumps({"config": index["config"], "docs": entries}, separators=(",", ":"), ensure_ascii=False)
        path.write_text(text, "utf-8")
