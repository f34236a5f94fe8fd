"""The build's caches on disk: the rendered notebooks belong to the project's own docs (a build of another docs tree
neither reads nor empties them), and the source checks' verdict is kept only for contents that passed."""

from __future__ import annotations

import os
from pathlib import Path

from autograd_docs import pages
from autograd_docs.build import site
from support.tiny import GOOD, build_tiny, write


def jupyter_cache(config_file: Path, docs: Path, tmp_path: Path) -> tuple[bool, Path]:
    config = site.load_config("en", tmp_path / "site", config_file=config_file, docs=docs)
    config = config.plugins.on_config(config)
    jupyter = config.plugins["mkdocs-jupyter"].config
    return jupyter["cache"], Path(jupyter["cache_dir"])


def test_only_the_real_docs_use_the_rendered_notebook_cache(tmp_path):
    # mkdocs-jupyter evicts, after each build, every entry that build did not render: a tiny site's build used to
    # empty .cache/mkdocs-jupyter while another test process was building the real site from it.
    assert jupyter_cache(site.CONFIG, pages.DOCS, tmp_path) == (True, pages.ROOT / ".cache" / "mkdocs-jupyter" / "en")
    config_file, docs = write(tmp_path, GOOD)
    assert jupyter_cache(config_file, docs, tmp_path)[0] is False


def test_the_source_checks_are_skipped_only_for_contents_that_passed(tmp_path):
    config_file, docs = write(tmp_path, GOOD)
    before = site.sources_digest(docs)
    page = docs / "en" / "index.md"
    stat = page.stat()
    page.write_text(page.read_text("utf-8").replace("Home", "Hone"), "utf-8")  # same size...
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # ...and time: only the content tells
    assert site.sources_digest(docs) != before
    broken = {"zh/index.md": GOOD["zh/index.md"] + "\n[坏链接](missing.md)\n"}
    for attempt in (1, 2):  # a failed check is never kept as a pass
        assert "zh/index.md:7: broken link: missing.md" in build_tiny(tmp_path / str(attempt), broken)
