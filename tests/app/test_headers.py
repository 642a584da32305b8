"""Security headers on every page a visitor, a client or a coach can reach, and no
inline JavaScript anywhere (the CSP would block it)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coachapp import ROOT
from tests.conftest import TEST_PASSWORD
from tests.crawl import Page, argument_free_get_paths, crawl


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    return directives


def check_headers(path: str, response) -> None:
    headers = response.headers
    csp = csp_directives(headers.get("Content-Security-Policy", ""))
    scripts = csp.get("script-src", csp.get("default-src"))
    assert scripts is not None, f"{path}: no script-src"
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts, path
    assert "*" not in scripts and "data:" not in scripts, path
    assert csp.get("frame-ancestors") == ["'none'"], path
    assert csp.get("base-uri") == ["'self'"], path
    assert csp.get("object-src") == ["'none'"], path
    assert headers.get("X-Content-Type-Options") == "nosniff", path
    assert headers.get("Referrer-Policy") in ("same-origin", "no-referrer",
                                              "strict-origin-when-cross-origin"), path


def check_no_inline_script(path: str, response) -> None:
    if response.mimetype != "text/html":
        return
    page = Page("http://localhost" + path, response.get_data(as_text=True))
    assert not page.inline_scripts, f"{path}: inline <script>: {page.inline_scripts}"
    assert not page.event_handlers, f"{path}: inline event handlers: {page.event_handlers}"
    assert not page.javascript_urls, f"{path}: javascript: URLs: {page.javascript_urls}"


@pytest.mark.parametrize("who", ["visitor", "client", "coach"])
def test_every_reachable_page_has_the_security_headers(app, client, demo, who):
    if who != "visitor":
        email = demo.client if who == "client" else demo.coach
        assert client.submit("/login", {"email": email, "password": TEST_PASSWORD}) \
            .status_code == 302
    pages = crawl(client, ["/", *argument_free_get_paths(app), "/no/such/page"])
    ok = [p for p, r in pages.items() if r.status_code == 200]
    print(f"\n{who}: {len(pages)} pages checked, {len(ok)} answered 200")
    assert len(ok) >= {"visitor": 3, "client": 20, "coach": 5}[who]
    for path, response in pages.items():
        check_headers(path, response)
        check_no_inline_script(path, response)


def test_hsts_only_in_production(app, client, monkeypatch, make_app):
    assert "Strict-Transport-Security" not in client.get("/login").headers
    monkeypatch.delenv("COACHAPP_ENV", raising=False)
    production = make_app(COACHAPP_ENV="production")
    hsts = production.test_client().get("https://localhost/login") \
        .headers["Strict-Transport-Security"]
    assert int(re.search(r"max-age=(\d+)", hsts).group(1)) >= 180 * 24 * 3600


def test_error_pages_and_api_answers_carry_the_headers(client):
    for path in ("/no/such/page", "/api/goals", "/api/openapi.json"):
        check_headers(path, client.get(path))


TEMPLATES = sorted((Path(ROOT) / "templates").rglob("*.html"))
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
STYLE = re.compile(r"<style\b|\sstyle\s*=", re.IGNORECASE)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_templates_have_no_inline_script_or_style(template):
    text = template.read_text()
    assert not INLINE_SCRIPT.search(text), "move the script into static/js"
    assert not EVENT_HANDLER.search(text), "attach the handler from static/js"
    assert "javascript:" not in text.lower()
    assert not STYLE.search(text), "move the style into static/css/app.css (CSP style-src)"
