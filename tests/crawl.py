"""Read pages the way a browser would: links, forms, scripts; and crawl a site.

The security tests use this to visit every page a logged-in person can reach
and every form on them, so routes added later are covered without a list.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

from flask import Flask
from werkzeug.routing import BuildError

# Query strings are part of a page (filters, comparisons), so they are kept.
MAX_PAGES = 400


@dataclass
class FormField:
    tag: str
    type: str
    name: str
    value: str = ""
    checked: bool = False
    maxlength: int | None = None
    options: list[str] = field(default_factory=list)


@dataclass
class Form:
    method: str
    action: str
    fields: list[FormField] = field(default_factory=list)


class Page(HTMLParser):
    """Links, forms, inline scripts and inline event handlers of one HTML page."""

    def __init__(self, url: str, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.url = url
        self.links: list[str] = []
        self.forms: list[Form] = []
        self.inline_scripts: list[str] = []
        self.event_handlers: list[str] = []
        self.javascript_urls: list[str] = []
        self._script: list[str] | None = None
        self._select: FormField | None = None
        self._textarea: FormField | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {name: value or "" for name, value in attrs_list}
        for name, value in attrs.items():
            if name.startswith("on"):
                self.event_handlers.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action", "formaction") and \
                    value.strip().lower().startswith("javascript:"):
                self.javascript_urls.append(f"<{tag} {name}={value!r}>")
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "script":
            self._script = [] if not attrs.get("src") else None
        elif tag == "form":
            self.forms.append(Form(attrs.get("method", "get").lower(),
                                   urljoin(self.url, attrs.get("action") or self.url)))
        elif tag in ("input", "textarea", "select", "button") and self.forms and attrs.get("name"):
            maxlength = attrs.get("maxlength")
            item = FormField(tag, attrs.get("type", "text" if tag != "select" else "select"),
                             attrs["name"], attrs.get("value", ""), "checked" in attrs,
                             int(maxlength) if maxlength and maxlength.isdigit() else None)
            self.forms[-1].fields.append(item)
            if tag == "select":
                self._select = item
            elif tag == "textarea":
                self._textarea = item
        elif tag == "option" and self._select is not None:
            self._select.options.append(attrs.get("value", ""))
            if "selected" in attrs:
                self._select.value = attrs.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            if "".join(self._script).strip():
                self.inline_scripts.append("".join(self._script)[:80])
            self._script = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)
        if self._textarea is not None:
            self._textarea.value += data


def local_path(base: str, href: str) -> str | None:
    """``href`` as a path on this site, or None for other sites, static files and fragments."""
    url, _fragment = urldefrag(urljoin(base, href))
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https", "") or parts.netloc not in ("", "localhost"):
        return None
    if not parts.path or parts.path.startswith("/static/"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def argument_free_get_paths(app: Flask) -> list[str]:
    """Every GET route that needs no URL arguments (static files aside)."""
    paths = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if "GET" not in rule.methods or rule.endpoint == "static" or rule.arguments:
                continue
            try:
                paths.append(app.url_for(rule.endpoint))
            except BuildError:
                continue
    return sorted(paths)


def crawl(client, starts: list[str], limit: int = MAX_PAGES) -> dict:
    """GET every page reachable from ``starts`` by links and redirects: {path: response}."""
    seen: dict = {}
    queue = deque(starts)
    while queue and len(seen) < limit:
        path = queue.popleft()
        if path in seen:
            continue
        response = client.get(path)
        seen[path] = response
        if response.status_code in (301, 302, 303, 307, 308):
            target = local_path("http://localhost" + path, response.headers["Location"])
            if target:
                queue.append(target)
        elif response.mimetype == "text/html":
            page = Page("http://localhost" + path, response.get_data(as_text=True))
            queue.extend(p for link in page.links
                         if (p := local_path(page.url, link)) and p not in seen)
    return seen
