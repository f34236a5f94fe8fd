"""Build the site: each language is an ordinary MkDocs build (`docs/en/` into the site root,
`docs/zh/` into `zh/`), after the once-per-build work (source checks, notebook execution).

    python -m autograd_docs.build [--site-dir site] [--serve [--port 8000]] [--lang zh]

Why not mkdocs-static-i18n: it re-enters MkDocs' build once per language inside one build, so every
build-wide step ran twice and its search index, 404 page, `base` and switcher needed repairs of
Material's and its own internals. One plain build per language (the route FastAPI's docs take) needs
none of that, and lets `--serve` rebuild only the language whose pages changed.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from autograd_docs import pages

CONFIG = pages.ROOT / "mkdocs.yml"
WATCHED = ("docs", "snippets", "overrides", "autograd_docs", "mkdocs.yml")


class SourceError(Exception):
    """The sources fail a check; the message lists each error as `file:line: ...`."""


@dataclass
class Prepared:
    fingerprint: str
    notebooks: dict[tuple[str, str], Path] = field(default_factory=dict)  # (lang, chapter) -> executed .ipynb


_prepared: Prepared | None = None


def fingerprint(docs: Path = pages.DOCS) -> str:
    """Changes whenever a source file changes (paths, sizes, modification times of docs/ and snippets/)."""
    h = hashlib.sha256()
    for top in (docs, pages.SNIPPETS):
        for p in sorted(top.rglob("*")):
            if p.is_file():
                st = p.stat()
                h.update(f"{p}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


# The source checks passed for these contents (their verdict depends on nothing else): a warm build skips them.
CHECKS_CACHE = pages.ROOT / ".cache" / "checks"


def sources_digest(docs: Path = pages.DOCS) -> str:
    """What the source checks read, by content: the pages, the snippets (outputs and notebook sources among them),
    and the code that checks them."""
    h = hashlib.sha256()
    for top in (docs, pages.SNIPPETS, Path(__file__).resolve().parent.parent):
        for p in sorted(top.rglob("*")):
            if p.is_file() and "__pycache__" not in p.parts:
                h.update(f"{p.relative_to(top).as_posix()}\0".encode() + p.read_bytes() + b"\0")
        h.update(b"\1")
    return h.hexdigest()


def prepare(docs: Path = pages.DOCS) -> Prepared:
    """The once-per-build work: check every source (skipped for contents that passed before), then execute the
    notebooks (cached by content). Done again only when a source changed, so the second language's build finds it
    done."""
    global _prepared
    fp = fingerprint(docs)
    if _prepared is not None and _prepared.fingerprint == fp:
        return _prepared
    from autograd_docs.build import checks, notebooks

    passed = CHECKS_CACHE / sources_digest(docs)
    if not passed.exists():
        errors = checks.check_all(docs)
        if errors:
            raise SourceError("page checks failed:\n" + "\n".join(errors))
        write_atomic(passed, b"")  # only a pass is kept: errors are found again on every build until fixed
    try:
        executed = notebooks.execute_all()
    except notebooks.NotebookError as err:
        raise SourceError(str(err)) from None
    _prepared = Prepared(fp, executed)
    return _prepared


def forget() -> None:
    """Forget the once-per-build work and every parsed page: the next build does it all again."""
    global _prepared
    _prepared = None
    pages.clear_cache()


def torch_version() -> str:
    version = pages.recorded_version()
    if version is None:
        raise SourceError(f"{pages.display(pages.VERSION_FILE)} is missing: run `make outputs` to record every example")
    return version


def load_config(lang: str, site_dir: Path, site_url: str | None = None, config_file: Path = CONFIG,
                docs: Path = pages.DOCS, **overrides):
    from mkdocs.config import load_config

    options = dict(docs_dir=str(docs / lang), site_dir=str(site_dir / pages.BY_CODE[lang].root), **overrides)
    if site_url is not None:
        options["site_url"] = site_url
    return load_config(str(config_file), **options)


def build(site_dir: Path, site_url: str | None = None, langs: tuple[str, ...] = pages.LANGS, strict: bool = True,
          config_file: Path = CONFIG, docs: Path = pages.DOCS, parallel: bool = False) -> None:
    """Build the languages into site_dir, the default language first (MkDocs empties a build's site_dir
    before it builds, and the other languages' folders are inside the default one's).

    parallel: after the once-per-build work, each other language builds in a forked copy of this process
    (which has imported MkDocs, the theme and the plugins once) into a staging folder, moved into place
    when the default language is done. The pages are the same byte for byte (tests/site/test_built_site.py
    compares this build with a sequential one); on a machine with two cores the build takes the time of
    its longest language instead of the sum."""
    from mkdocs.commands.build import build as mkdocs_build

    first, *others = sorted(langs, key=pages.LANGS.index)

    def config(lang: str):
        return load_config(lang, site_dir, site_url, config_file, docs, strict=strict)

    first_config = config(first)  # loads MkDocs, the theme and the plugins (before forking, when it forks)
    if others and parallel:
        prepare(docs)  # before forking: done once, and the children find it done
    if not (others and parallel and _can_fork()):
        mkdocs_build(first_config)
        for lang in others:
            mkdocs_build(config(lang))
        return
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = {lang: Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-{lang}-", dir=site_dir.parent)) for lang in others}
    children: dict[str, int] = {}
    try:
        for lang in others:
            pid = os.fork()
            if pid == 0:  # the child builds one language and never returns
                code = 1
                try:
                    own = config(lang)
                    own["site_dir"] = str(staging[lang])
                    mkdocs_build(own)
                    code = 0
                except BaseException as err:  # noqa: BLE001 - reported to the parent through the exit code
                    print(f"build failed ({lang}): {err}", file=sys.stderr)
                finally:
                    sys.stdout.flush()
                    sys.stderr.flush()
                    os._exit(code)
            children[lang] = pid
        try:
            mkdocs_build(first_config)
        finally:
            failed = [lang for lang, pid in children.items() if os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) != 0]
        if failed:
            raise SourceError(f"the build of {', '.join(failed)} failed (its messages are above)")
        for lang in others:
            target = site_dir / pages.BY_CODE[lang].root
            shutil.rmtree(target, ignore_errors=True)
            os.replace(staging.pop(lang), target)
    finally:
        for folder in staging.values():
            shutil.rmtree(folder, ignore_errors=True)


def write_atomic(path: Path, data: bytes) -> None:
    """Write a cache file so that no reader ever sees it half written: the languages of a parallel build, or
    builds in two test processes, may write the same entry at the same moment."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def _can_fork() -> bool:
    """Forking is safe only with one thread (a thread's held lock would stay held in the child): after a
    notebook ran in this process, jupyter's threads may still be alive, and the build stays sequential."""
    import threading

    return hasattr(os, "fork") and threading.active_count() == 1


def serve(port: int = 8000, host: str = "127.0.0.1") -> None:
    """Both languages on one address with live reload. A change to a page rebuilds only that page (MkDocs'
    dirty build, with Material's search index kept across rebuilds); a change to anything shared (snippets,
    theme, configuration, machinery) rebuilds both languages in full."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.livereload import LiveReloadServer

    work = Path(tempfile.mkdtemp(prefix="autograd-docs-"))
    site_dir = work / "site"
    url = f"http://{host}:{port}/"
    configs: dict = {}

    def rebuild(langs: tuple[str, ...], pages_only: bool) -> None:
        started = time.perf_counter()
        try:
            for lang in sorted(langs, key=pages.LANGS.index):
                if lang not in configs or not pages_only:
                    configs[lang] = load_config(lang, site_dir, url, strict=False)
                    configs[lang].plugins.on_startup(command="serve", dirty=True)
                # a full build of the default language empties the site folder: then every language is built again
                mkdocs_build(configs[lang], dirty=pages_only)
        except Exception as err:  # noqa: BLE001 - show it and keep serving
            print(f"build failed: {err}", file=sys.stderr)
            return
        print(f"rebuilt {', '.join(langs)} in {time.perf_counter() - started:.2f} s", file=sys.stderr, flush=True)

    rebuild(pages.LANGS, pages_only=False)
    import threading

    from watchdog.events import FileSystemEventHandler

    changed: set[str] = set()
    lock = threading.Lock()

    class Recorder(FileSystemEventHandler):
        def on_any_event(self, event):
            if not event.is_directory:
                with lock:
                    changed.update(p for p in (event.src_path, getattr(event, "dest_path", "")) if p)

    def builder() -> None:
        with lock:
            paths = {Path(p).resolve() for p in changed}
            changed.clear()
        langs = {next((l for l in pages.LANGS if p.is_relative_to((pages.DOCS / l).resolve()) and p.suffix == ".md"), None)
                 for p in paths}
        if None in langs or not langs:
            rebuild(pages.LANGS, pages_only=False)
        else:
            rebuild(tuple(langs), pages_only=True)

    server = LiveReloadServer(builder=builder, host=host, port=port, root=str(site_dir))
    for watched in WATCHED:
        server.watch(str(pages.ROOT / watched))
        server.observer.schedule(Recorder(), str(pages.ROOT / watched), recursive=(pages.ROOT / watched).is_dir())
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None, parallel: bool | None = None) -> int:
    """The command line; parallel (default: on a machine with more than one core) is for the tests, which build
    tiny sites in their own process, where forking would lose what the forked build prints."""
    parser = argparse.ArgumentParser(prog="python -m autograd_docs.build", description=__doc__.split("\n")[0])
    parser.add_argument("--site-dir", type=Path, default=pages.ROOT / "site")
    parser.add_argument("--site-url", default=os.environ.get("SITE_URL"))
    parser.add_argument("--lang", action="append", choices=pages.LANGS, help="build only this language (repeatable)")
    parser.add_argument("--serve", action="store_true", help="serve both languages with live reload")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--config-file", type=Path, default=CONFIG)
    parser.add_argument("--docs", type=Path, default=pages.DOCS, help="the folder holding one folder per language")
    parser.add_argument("-v", "--verbose", action="store_true", help="show MkDocs' INFO messages")
    args = parser.parse_args(argv)
    os.chdir(pages.ROOT)
    # MkDocs reports through logging (its CLI installs the handler): errors and warnings to stderr.
    import logging

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    mkdocs_log.setLevel(logging.INFO if args.verbose or args.serve else logging.WARNING)
    from mkdocs.exceptions import MkDocsException

    try:
        if args.serve:
            serve(args.port)
            return 0
        build(args.site_dir, args.site_url, tuple(args.lang or pages.LANGS), config_file=args.config_file, docs=args.docs,
              parallel=(os.cpu_count() or 1) > 1 if parallel is None else parallel)
    except (MkDocsException, SourceError) as err:
        print(f"build failed: {err}", file=sys.stderr)
        return 1
    finally:
        mkdocs_log.removeHandler(handler)
    return 0
