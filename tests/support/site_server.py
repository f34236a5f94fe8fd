"""Build the site into a directory and serve it on a free loopback port, as GitHub Pages would.

One build and one server per test session, whatever the number of test processes (see tests/conftest.py).
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import os
import subprocess
import sys
import threading
import urllib.request
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from autograd_docs.pages import DOCS, ROOT

HOST = "127.0.0.1"


def build(site_dir: Path, site_url: str | None = None, config: Path = ROOT / "mkdocs.yml", docs: Path = DOCS,
          env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`make build` (python -m autograd_docs.build: both languages, strict) in a fresh process; never raises."""
    full_env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    full_env.pop("SITE_URL", None)
    cmd = [sys.executable, "-m", "autograd_docs.build", "--site-dir", str(site_dir), "--config-file", str(config),
           "--docs", str(docs)]
    if site_url is not None:
        cmd += ["--site-url", site_url]
    return subprocess.run(cmd, cwd=ROOT, env=full_env, capture_output=True, text=True)


class _Handler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):  # the browser moved on before a file was sent in full
            pass

    def send_error(self, code, message=None, explain=None):
        # Like GitHub Pages: any missing address gets the site's own 404.html, with status 404.
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@dataclass
class Site:
    path: Path  # the built site
    url: str  # where it is served, ending in "/"


class SiteServer:
    """Binds a free loopback port first, so the site can be built with its real address as site_url
    (the language switcher, canonical links and alternates carry it), then serves the directory."""

    def __init__(self, site_dir: Path):
        self.site_dir = site_dir
        # Port 0: a fixed port may already be taken by another process on a shared machine.
        self._server = ThreadingHTTPServer((HOST, 0), functools.partial(_Handler, directory=str(site_dir)))
        self._server.daemon_threads = True
        self.url = f"http://{HOST}:{self._server.server_address[1]}/"
        self._thread = threading.Thread(target=self._server.serve_forever, name="site-server", daemon=True)
        self._thread.start()  # the folder may still be empty: it is served as it is when a request comes

    @property
    def site(self) -> Site:
        return Site(self.site_dir, self.url)

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def build_served(site: Site) -> None:
    """Build strictly into the served folder, with its address as site_url; check the server answers with it."""
    proc = build(site.path, site_url=site.url)
    if proc.returncode != 0:
        raise RuntimeError(f"mkdocs build failed:\n{proc.stdout}{proc.stderr}")
    with urllib.request.urlopen(site.url, timeout=10) as response:
        body = response.read().decode("utf-8")
        if response.status != 200 or "<html" not in body:
            raise RuntimeError(f"the site server at {site.url} did not serve the home page (status {response.status})")


def build_and_serve(site_dir: Path) -> tuple[SiteServer, Site]:
    """Serve site_dir and build the site into it."""
    server = SiteServer(site_dir)
    try:
        build_served(server.site)
    except BaseException:
        server.stop()
        raise
    return server, server.site


@contextlib.contextmanager
def exclusive(lock: Path):
    """Hold an exclusive lock on a file, across processes (the test processes of `make test`)."""
    with open(lock, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def build_once(site: Site) -> None:
    """Build the served folder if no other process has: the first test process that needs the site builds it
    while the others wait. A failed build is reported by every process that needs the site (it is not retried)."""
    status = site.path.parent / f"{site.path.name}.status"
    with exclusive(site.path.parent / f"{site.path.name}.lock"):
        if not status.exists():
            try:
                build_served(site)
            except Exception as err:
                status.write_text(str(err), "utf-8")
                raise
            status.write_text("", "utf-8")
    failure = status.read_text("utf-8")
    if failure:
        raise RuntimeError(f"(built by another test process) {failure}")
