"""What templates can call: navigation links and the highlight splitter."""

from flask import Flask

from coachapp.highlight import by_priority, segments
from coachapp.navigation import nav_current, nav_links


def init_app(app: Flask) -> None:
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.globals.update(nav_links=nav_links, nav_current=nav_current,
                                 highlight_segments=segments)
    app.jinja_env.filters["by_priority"] = by_priority
