"""Hostile markup typed into every text field of every form, and into the API, comes
back escaped on every page; raw only inside JSON and plain-text downloads."""

from __future__ import annotations

from datetime import date, timedelta

from tests.conftest import TEST_PASSWORD
from tests.crawl import Page, argument_free_get_paths, crawl

SCRIPT = '<script>alert("xss1")</script>'
IMAGE = '"><img src=x onerror=alert("xss2")>'
PAYLOAD = f"Lead 3 projects {SCRIPT} {IMAGE} by June"
RAW_MARKERS = ("<script>alert(", "<img src=x onerror")
ESCAPED_MARKER = "&lt;script&gt;alert("
TEXT_TYPES = {"text", "textarea", "search", "email", "url", "tel", "password"}
IN_A_MONTH = (date.today() + timedelta(days=30)).isoformat()


def _value(item) -> str | None:
    """What a person would put in the field, with the payload in every text field."""
    kind = item.type.lower()
    if item.tag == "textarea" or kind in TEXT_TYPES:
        if item.name == "csrf_token":
            return item.value
        for text in (PAYLOAD, f"{SCRIPT}{IMAGE}", IMAGE):
            if item.maxlength is None or len(text) <= item.maxlength:
                return text
        return IMAGE[: item.maxlength]
    if kind == "hidden":
        return item.value
    if kind == "number":
        return item.value or "3"
    if kind == "date":
        return item.value or IN_A_MONTH
    if kind == "select":
        return item.value or (item.options[0] if item.options else "")
    if kind in ("checkbox", "radio"):
        return item.value if item.checked else None
    return None  # buttons and submits


def _fill(form) -> dict[str, str]:
    data: dict[str, str] = {}
    for item in form.fields:
        if item.type == "radio" and item.name not in data and not any(
                f.name == item.name and f.checked for f in form.fields):
            data[item.name] = item.value  # the first choice when none is checked
            continue
        value = _value(item)
        if value is not None and item.name not in data:
            data[item.name] = value
    return data


def _has_text_field(form) -> bool:
    return any((f.tag == "textarea" or f.type.lower() in TEXT_TYPES) and f.name != "csrf_token"
               for f in form.fields)


def assert_escaped(path: str, response) -> None:
    body = response.get_data(as_text=True)
    if response.mimetype == "text/html":
        for marker in RAW_MARKERS:
            assert marker not in body, f"{path} shows {marker!r} unescaped"
    elif any(marker in body for marker in RAW_MARKERS):
        # Raw text only in data formats a browser will not render as a page.
        assert response.mimetype in ("application/json", "text/calendar", "text/markdown",
                                     "text/plain"), (path, response.mimetype)
        assert response.headers.get("X-Content-Type-Options") == "nosniff", path


def test_hostile_text_in_every_form_is_escaped_everywhere(app, client, demo):
    client.submit("/login", {"email": demo.client, "password": TEST_PASSWORD})
    starts = ["/", *argument_free_get_paths(app)]
    pages = crawl(client, starts)
    forms = {}
    for path, response in pages.items():
        if response.mimetype == "text/html":
            for form in Page("http://localhost" + path, response.get_data(as_text=True)).forms:
                if _has_text_field(form):
                    names = tuple(f.name for f in form.fields)
                    key = (form.method, form.action.split("?")[0], names)
                    forms.setdefault(key, form)
    assert len(forms) >= 8, sorted(forms)
    submitted = 0
    for form in forms.values():
        data = _fill(form)
        if form.method == "post":
            response = client.post(form.action, data=data)
        else:
            response = client.get(form.action, query_string=data)
        submitted += 1
        assert response.status_code < 500, (form.action, response.status_code)
        assert_escaped(form.action, response)
        if response.status_code == 302:
            assert_escaped(response.headers["Location"],
                           client.get(response.headers["Location"]))
        if "/logout" in form.action:
            client.submit("/login", {"email": demo.client, "password": TEST_PASSWORD})

    # The API takes the same text, and every JSON answer keeps it as data.
    created = client.api("POST", "/api/goals", json={
        "text": PAYLOAD, "metric_target": IMAGE, "actions": [{"text": SCRIPT}]})
    assert created.status_code == 201
    assert created.json["text"] == PAYLOAD and created.json["actions"][0]["text"] == SCRIPT

    after = crawl(client, starts)
    for path, response in after.items():
        assert_escaped(path, response)
    showing = [p for p, r in after.items()
               if r.mimetype == "text/html" and ESCAPED_MARKER in r.get_data(as_text=True)]
    print(f"\n{submitted} forms submitted with hostile text; {len(after)} pages re-read, "
          f"{len(showing)} of them show the escaped text")
    assert len(showing) >= 5, "the hostile text should have been saved and shown somewhere"


def test_oversized_text_in_every_form_field_is_refused_not_stored(app, client, demo):
    """Every text field has a server-side limit: 50,000 characters are never saved."""
    from coachapp.extensions import db

    client.submit("/login", {"email": demo.client, "password": TEST_PASSWORD})
    pages = crawl(client, ["/", *argument_free_get_paths(app)])
    huge = "x" * 50_000
    tried = 0
    for path, response in pages.items():
        if response.mimetype != "text/html":
            continue
        for form in Page("http://localhost" + path, response.get_data(as_text=True)).forms:
            if form.method != "post" or not _has_text_field(form):
                continue
            data = _fill(form)
            for item in form.fields:
                if (item.tag == "textarea" or item.type.lower() in TEXT_TYPES) \
                        and item.name != "csrf_token":
                    data[item.name] = huge
            answer = client.post(form.action, data=data)
            tried += 1
            assert answer.status_code < 500, (form.action, answer.status_code)
    with app.app_context():
        for table in db.metadata.sorted_tables:
            for column in table.columns:
                if column.type.python_type is str:
                    longest = db.session.scalar(db.select(db.func.max(db.func.length(column))))
                    assert (longest or 0) < 50_000, f"{table.name}.{column.name}"
    assert tried >= 8
