"""Languages stay in sync: each translation has its original's structure, and lagging translations are listed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from autograd_docs.build import checks
from autograd_docs.tools import translation_status

EN = """# Page

## Part { #part }

```python
--8<-- "demo/hello.py"
```

```{.text .output}
--8<-- "demo/hello.out"
```

!!! note

    A note.

![A graph](graph.svg)

<figure class="graph"><svg viewBox="0 0 1 1"></svg></figure>
"""

ZH = """# 页面

## 部分 { #part }

```python
--8<-- "demo/hello.py"
```

```{.text .output}
--8<-- "demo/hello.out"
```

!!! note

    一条提示。

![一张图](graph.svg)

<figure class="graph"><svg viewBox="0 0 1 1"></svg></figure>
"""


def compare(tmp_path: Path, zh: str) -> list[str]:
    for lang, text in (("en", EN), ("zh", zh)):
        (tmp_path / lang).mkdir(exist_ok=True)
        (tmp_path / lang / "page.md").write_text(text, "utf-8")
    return checks.check_translations(tmp_path)


def test_a_faithful_translation_passes(tmp_path):
    assert compare(tmp_path, ZH) == []


@pytest.mark.parametrize(
    "change, message",
    [
        # a code block the original does not have (not an include: a plain text block)
        (lambda zh: zh.replace("!!! note", "```text\n多出来的代码块\n```\n\n!!! note"),
         "zh/page.md:13: code blocks differ"),
        (lambda zh: zh.replace("!!! note", "!!! warning"), "zh/page.md:13: admonitions differ"),
        (lambda zh: zh.replace("!!! note\n\n    一条提示。\n", ""), "zh/page.md:1: admonitions differ"),
        (lambda zh: zh.replace("![一张图](graph.svg)\n", ""), "zh/page.md:18: pictures differ"),
        (lambda zh: zh.replace('<figure class="graph"><svg viewBox="0 0 1 1"></svg></figure>', "图见上。"),
         "zh/page.md:17: pictures differ"),
    ],
    ids=["extra-code-block", "other-admonition", "missing-admonition", "missing-image", "missing-figure"],
)
def test_a_drifted_translation_is_named_with_file_and_line(tmp_path, change, message):
    errors = compare(tmp_path, change(ZH))
    assert len(errors) == 1, errors
    assert message in errors[0], errors[0]


def test_blocks_inside_code_fences_are_not_structure(tmp_path):
    # An admonition or an image written inside a code block is code, not structure.
    zh = ZH.replace("```{.text .output}\n--8<--", "```{.text .output}\n!!! note\n![x](y.png)\n--8<--")
    assert compare(tmp_path, zh) == []


# --- make translation-status ---------------------------------------------------------------------


def git(root: Path, *args: str, date: str | None = None) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True).stdout


def commit(root: Path, files: dict[str, str], date: str, message: str) -> None:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, "utf-8")
    git(root, "add", *files)
    git(root, "commit", "-q", "-m", message, date=date)


def test_translation_status_lists_translations_older_than_their_original(tmp_path):
    git(tmp_path, "init", "-q")
    commit(tmp_path, {"docs/en/a.md": "# A\n", "docs/zh/a.md": "# 甲\n", "docs/en/b.md": "# B\n",
                      "docs/zh/b.md": "# 乙\n", "docs/en/c.md": "# C\n", "docs/zh/c.md": "# 丙\n"},
           "2026-01-01T00:00:00Z", "all pages")
    commit(tmp_path, {"docs/en/a.md": "# A\n\nMore.\n"}, "2026-02-01T00:00:00Z", "a changes")
    commit(tmp_path, {"docs/en/a.md": "# A\n\nEven more.\n"}, "2026-02-02T00:00:00Z", "a changes again")
    commit(tmp_path, {"docs/en/b.md": "# B\n\nMore.\n"}, "2026-02-03T00:00:00Z", "b changes")
    commit(tmp_path, {"docs/zh/b.md": "# 乙\n\n更多。\n"}, "2026-02-04T00:00:00Z", "b translated")
    commit(tmp_path, {"docs/zh/c.md": "# 丙\n\n改写。\n"}, "2026-02-05T00:00:00Z", "c reworded in zh only")

    rows = translation_status.outdated(tmp_path, tmp_path / "docs")
    assert [(r.rel, r.commits_since, r.original.date, r.translation.date) for r in rows] == [
        ("zh/a.md", 2, "2026-02-02 00:00", "2026-01-01 00:00")
    ]
    report = translation_status.report(tmp_path, tmp_path / "docs")
    assert "docs/zh/a.md: translation 2026-01-01 00:00" in report
    assert f"git diff {rows[0].translation.commit} HEAD -- docs/en/a.md" in report


def test_make_translation_status_prints_the_report_of_this_repository():
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run([sys.executable, "-m", "autograd_docs.tools.translation_status"], capture_output=True,
                          text=True, cwd=root)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == translation_status.report().strip()
