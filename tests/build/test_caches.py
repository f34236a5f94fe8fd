"""The build's caches on disk belong to the project's own docs: a build of another docs tree (a tiny site of the
tests, a maintainer's experiment) neither reads nor empties them."""

from __future__ import annotations

from pathlib import Path

from autograd_docs import pages
from autograd_docs.build import site
from support.tiny import GOOD, write


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
