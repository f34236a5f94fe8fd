"""Tiny sites for the build tests: the real configuration over a small docs tree, built by `make build`'s driver."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

from autograd_docs.build import site
from autograd_docs.pages import ROOT
from support.site_server import build

GOOD = {
    "en/index.md": "# Home\n\n## Part { #part }\n\nSee [part](#part).\n",
    "zh/index.md": "# 首页\n\n## 部分 { #part }\n\n见[部分](#part)。\n",
}


def write(tmp_path: Path, pages: dict[str, str], nav: str = "  - Home: index.md\n") -> tuple[Path, Path]:
    """(config file, docs folder) of a site with these pages ({"en/index.md": text, ...})."""
    docs = tmp_path / "docs"
    for rel, text in pages.items():
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(text, "utf-8")
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    config = config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    config = config.replace("- autograd_docs/", f"- {ROOT / 'autograd_docs'}/")
    config = re.sub(r"(?m)^nav:\n(?:  .*\n)+", lambda m: "nav:\n" + nav, config)
    path = tmp_path / "mkdocs.yml"
    path.write_text(config, "utf-8")
    return path, docs


def build_tiny(tmp_path: Path, pages: dict[str, str] | None = None, in_process: bool = True) -> str:
    """Build GOOD with these pages changed or added, by `make build`'s driver (autograd_docs.build.site.main);
    return what it printed if the build failed, else "". In this process (MkDocs, the theme, the plugins and
    jieba load once for all tiny builds, and the languages build one after the other), or in a new one, as
    `make build` runs (the second language in a forked process)."""
    config, docs = write(tmp_path, dict(GOOD, **(pages or {})))
    if not in_process:
        proc = build(tmp_path / "site", config=config, docs=docs)
        return "" if proc.returncode == 0 else proc.stdout + proc.stderr
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        code = site.main(["--site-dir", str(tmp_path / "site"), "--config-file", str(config), "--docs", str(docs)],
                         parallel=False)
    return "" if code == 0 else printed.getvalue()
