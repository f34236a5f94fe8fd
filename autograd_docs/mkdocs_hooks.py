"""MkDocs hooks: the build-time half of the site's promises.

- stop the build on a wrong include, a missing translation, a drifted translation or a broken
  link/anchor, naming file and line;
- write the PyTorch version the outputs were recorded with into pages and footer;
- turn LaTeX into MathML, so formulas render with no script and no CDN.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

# MkDocs loads this file by path; make the package next to it importable however mkdocs was started.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from latex2mathml.converter import convert as latex_to_mathml  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402

from autograd_docs import examples as ex  # noqa: E402
from autograd_docs import site_checks  # noqa: E402

VERSION_MARK = "{{ torch_version }}"
MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">\s*(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<block>.*?)\\\])\s*</(?P=tag)>',
    re.S,
)


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


def on_post_page(output, page, config, **kwargs):
    return output.replace(VERSION_MARK, _version())


def on_post_template(output_content, template_name, config, **kwargs):
    return output_content.replace(VERSION_MARK, _version())  # 404.html carries the footer too
