"""Progress in real Chromium: the chart page, a check-in moving the chart, a11y, no-JS."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from playwright.sync_api import expect

from coachapp.extensions import db
from coachapp.models import CheckIn, User
from tests.browser.conftest import axe_violations, save_screenshot

NEXT_YEAR = date.today().year + 1


@pytest.fixture
def goal_with_history(app, make_user):
    """A client whose goal started four months ago, with three monthly check-ins."""
    from coachapp.goals.operations import ActionInput, GoalInput, create_goal

    user = make_user("client", name="Robin Client")
    with app.app_context():
        owner = db.session.get(User, user.id)
        goal = create_goal(owner, GoalInput(
            text=f"Publish 6 articles on the team blog by December {NEXT_YEAR}",
            type="impact", status="active", metric_target="6 articles",
            actions=[ActionInput("Pick six topics"), ActionInput("Write one draft a month"),
                     ActionInput("Ask for review")]))
        start = datetime.now(UTC) - timedelta(days=125)
        goal.activated_at = goal.created_at = start
        for days, value in ((30, 1), (61, 1), (92, 2)):
            db.session.add(CheckIn(goal=goal, value=value, target=6, moved="Wrote a post",
                                   created_at=start + timedelta(days=days)))
        db.session.commit()
        return user, goal.id


def test_chart_page_renders_and_moves_after_a_check_in(page, browser_login, goal_with_history):
    user, goal_id = goal_with_history
    browser_login(user)
    page.goto("/goals/")
    expect(page.locator("[data-progress-due] [data-due=overdue]")).to_have_count(2)
    expect(page.locator("[data-progress-due]")).to_contain_text("Check-in overdue")
    page.goto(f"/progress/goals/{goal_id}")
    chart = page.locator("svg.chart-svg")
    expect(chart).to_be_visible()
    expect(chart.locator("circle.chart-point")).to_have_count(3)
    expect(chart.locator("line.chart-target")).to_have_count(1)
    box = chart.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 100
    assert chart.get_attribute("role") == "img"
    expect(chart.locator("title").first).to_contain_text("Progress on")
    assert axe_violations(page) == []

    page.get_by_role("link", name="Check in", exact=True).click()
    page.get_by_label("Current value (target: 6 articles)").fill("4")
    page.get_by_label("What moved?").fill("Two posts in one month")
    page.get_by_label("What blocked it?").fill("Review took a week")
    page.get_by_role("button", name="Save check-in").click()
    expect(page.locator("svg.chart-svg circle.chart-point")).to_have_count(4)
    expect(page.locator(".check-in").first).to_contain_text("Two posts in one month")
    expect(page.locator('.finding[data-code="blocker_no_next_step"]')).to_be_visible()
    page.get_by_text("The numbers behind the chart").click()
    expect(page.locator(".data-table")).to_contain_text("4 of 6")
    save_screenshot(page, "progress-chart")


def test_plan_overview_and_review_pages_are_accessible(page, browser_login,
                                                       goal_with_history):
    user, _ = goal_with_history
    browser_login(user)
    page.goto("/progress/")
    expect(page.locator("svg.plan-chart rect.plan-bar")).to_have_count(1)
    assert axe_violations(page) == []
    save_screenshot(page, "progress-overview")
    page.goto("/progress/review")
    expect(page.locator(".review-goal")).to_have_count(1)
    assert axe_violations(page) == []


def test_chart_page_without_javascript(browser, live_server, goal_with_history):
    user, goal_id = goal_with_history
    context = browser.new_context(base_url=live_server, java_script_enabled=False)
    page = context.new_page()
    page.goto("/login")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Log in").click()
    page.goto(f"/progress/goals/{goal_id}")
    expect(page.locator("svg.chart-svg circle.chart-point")).to_have_count(3)
    context.close()


