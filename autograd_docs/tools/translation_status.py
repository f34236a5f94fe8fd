"""`make translation-status`: the translations that changed less recently than their original, by git dates.

Like FastAPI's list of outdated translations: when the English page was committed after its Chinese
page last was, the Chinese page may not say what the English one now says. Prints each such page,
how many commits changed the original since, and the command that shows those changes.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from autograd_docs import pages


@dataclass
class Change:
    time: int  # committer time, seconds since the epoch
    commit: str  # short hash

    @property
    def date(self) -> str:
        return datetime.fromtimestamp(self.time, timezone.utc).strftime("%Y-%m-%d %H:%M")


@dataclass
class Outdated:
    rel: str  # page path inside each language folder
    original: Change
    translation: Change | None  # None: the translation was never committed
    commits_since: int  # commits that changed the original after the translation's last change


def _git(root: Path, *args: str) -> str:
    proc = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)} failed in {root}: {proc.stderr.strip()}")
    return proc.stdout.strip()


def last_change(root: Path, path: Path) -> Change | None:
    out = _git(root, "log", "-1", "--format=%ct %h", "--", str(path.relative_to(root)))
    if not out:
        return None
    time, commit = out.split()
    return Change(int(time), commit)


def outdated(root: Path = pages.ROOT, docs: Path = pages.DOCS) -> list[Outdated]:
    """Pages whose translation was last committed before the original was (or never committed)."""
    by_lang = pages.by_language(docs)
    base, *others = pages.LANGS
    found = []
    for other in others:
        for rel, original_path in by_lang[base].items():
            translation_path = by_lang[other].get(rel)
            if translation_path is None:
                continue  # a missing translation fails the build; nothing to date here
            original = last_change(root, original_path)
            if original is None:
                continue  # the original is not committed yet
            translation = last_change(root, translation_path)
            if translation is not None and translation.time >= original.time:
                continue
            since = f"{translation.commit}..HEAD" if translation else "HEAD"
            count = int(_git(root, "rev-list", "--count", since, "--", str(original_path.relative_to(root))))
            found.append(Outdated(f"{other}/{rel}", original, translation, count))
    return found


def report(root: Path = pages.ROOT, docs: Path = pages.DOCS) -> str:
    rows = outdated(root, docs)
    base = pages.DEFAULT.code
    lines = []
    if _git(root, "rev-parse", "--is-shallow-repository") == "true":
        lines.append("warning: shallow clone: dates come from the few commits present; run `git fetch --unshallow`")
    if not rows:
        lines.append("Every translation changed after its original last did.")
        return "\n".join(lines)
    lines.append(f"{len(rows)} translation(s) changed less recently than the original:\n")
    for row in rows:
        docs_rel = docs.relative_to(root).as_posix()
        original_file = f"{docs_rel}/{base}/{row.rel.split('/', 1)[1]}"
        translated = f"{row.translation.date} ({row.translation.commit})" if row.translation else "never committed"
        lines.append(
            f"  {docs_rel}/{row.rel}: translation {translated}, original {row.original.date} "
            f"({row.original.commit}), {row.commits_since} commit(s) to the original since"
        )
        if row.translation:
            lines.append(f"      git diff {row.translation.commit} HEAD -- {original_file}")
    return "\n".join(lines)


def main() -> int:
    try:
        print(report())
    except RuntimeError as err:
        print(f"translation-status: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
