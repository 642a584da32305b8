"""Coach review in real Chromium: the dashboard and the plan review page, a11y, screenshot."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.app.coach_world import build_world
from tests.browser.conftest import axe_violations, save_screenshot


@pytest.fixture
def world(app, make_user):
    with app.app_context():
        return build_world(make_user)


def test_review_page_dismiss_a_flag_and_request_changes(page, browser_login, world):
    browser_login(world.coach_a)
    page.goto("/coach/")
    expect(page.get_by_role("heading", name="Your clients")).to_be_visible()
    expect(page.locator("tr[data-client-id]")).to_have_count(1)
    expect(page.locator("tr.needs-attention")).to_contain_text("1 goal to review")
    assert axe_violations(page) == []

    page.get_by_role("link", name="Client Alpha").click()
    goal = page.locator(f"#goal-{world.goal_id}")
    expect(goal.locator("mark").first).to_be_visible()
    flag = goal.locator('.finding[data-code="missing_deadline"]')
    flag.get_by_label("Reason").fill("A habit we review monthly; no end date needed.")
    flag.get_by_role("button", name="Dismiss flag").click()
    expect(page.locator(".flash-success")).to_contain_text("Flag dismissed")
    flag = page.locator(f'#goal-{world.goal_id} .finding[data-code="missing_deadline"]')
    expect(flag).to_have_class("finding finding-warning is-dismissed")
    expect(flag.locator(".finding-decision")).to_contain_text("Dismissed by you")

    goal = page.locator(f"#goal-{world.goal_id}")
    goal.get_by_label("About").select_option(index=1)
    goal.get_by_label("Your comment").fill("Which skills, and how would your team notice?")
    goal.get_by_role("button", name="Comment", exact=True).click()
    expect(page.locator(f"#goal-{world.goal_id} .comment-anchor")).to_be_visible()

    goal = page.locator(f"#goal-{world.goal_id}")
    goal.get_by_label("Comment for Client Alpha").fill("Name one behaviour and a number.")
    goal.get_by_role("button", name="Request changes").click()
    expect(page.locator(f'#goal-{world.goal_id} [data-review-state]')).to_have_text(
        "Changes requested")
    assert axe_violations(page) == []
    save_screenshot(page, "coach-review")


def test_client_sees_the_review_and_the_badge(page, browser_login, world):
    browser_login(world.client_a)
    page.goto("/goals/")
    expect(page.locator(".nav-links .badge")).to_contain_text("1")
    page.get_by_role("link", name="What's new").click()
    page.get_by_role("link", name="commented on your goal").click()
    expect(page.locator("#review")).to_contain_text("Which team?")
    assert axe_violations(page) == []
    save_screenshot(page, "coach-client-goal")
