"""Checks over the built site: it loads nothing from a third-party host (no CDN script, web font or remote image).

Precise on purpose: Material's own JavaScript holds URLs in strings that it never loads, so JavaScript
is not scanned; what the HTML and CSS make a browser fetch is. The browser tests watch the requests too.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

# Attributes that make the browser fetch something, per element.
LOADS = {
    "script": ("src",),
    "link": ("href",),  # stylesheets, icons, preloads, preconnects, manifests
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
    "image": ("href", "xlink:href"),  # SVG
    "use": ("href", "xlink:href"),  # SVG
    "feimage": ("href", "xlink:href"),  # SVG
}
CSS_URL = re.compile(r"""url\(\s*(?P<q>['"]?)(?P<url>.*?)(?P=q)\s*\)|@import\s+(?P<q2>['"])(?P<url2>.*?)(?P=q2)""", re.I | re.S)


def third_party(url: str, own_host: str) -> bool:
    """True for an absolute URL (or //host/...) on a host other than the site's own."""
    url = url.strip()
    parts = urlsplit(url)
    if url.startswith("//") or parts.scheme in {"http", "https", "ftp", "ws", "wss"}:
        return parts.hostname != own_host
    return False


def _srcset(value: str) -> list[str]:
    return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]


def css_urls(css: str) -> list[str]:
    """Every url(...) and @import of a stylesheet (@font-face sources included)."""
    return [m["url"] if m["url"] is not None else m["url2"] for m in CSS_URL.finditer(css)]


class _Loads(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, str]] = []  # (line, what, url)
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in LOADS.get(tag, ()):
            value = attrs.get(name)
            if value:
                for url in _srcset(value) if name == "srcset" else [value]:
                    self.found.append((self.getpos()[0], f"<{tag} {name}>", url))
        if attrs.get("style"):
            for url in css_urls(attrs["style"]):
                self.found.append((self.getpos()[0], f"<{tag} style>", url))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            for url in css_urls(data):
                self.found.append((self.getpos()[0], "<style>", url))


def third_party_loads(site: Path, site_url: str) -> list[str]:
    """`file:line: what loads url` for every third-party fetch in the built site's HTML and CSS."""
    own_host = urlsplit(site_url).hostname
    errors = []
    for path in sorted(site.rglob("*")):
        if path.suffix == ".html":
            parser = _Loads()
            parser.feed(path.read_text("utf-8"))
            found = parser.found
        elif path.suffix == ".css":
            text = path.read_text("utf-8")
            found = [(text.count("\n", 0, m.start()) + 1, "css", m["url"] if m["url"] is not None else m["url2"])
                     for m in CSS_URL.finditer(text)]
        else:
            continue
        rel = path.relative_to(site).as_posix()
        errors += [f"{rel}:{line}: {what} loads {url}" for line, what, url in found if third_party(url, own_host)]
    return errors
