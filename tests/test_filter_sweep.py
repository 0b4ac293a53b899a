"""Every figure obeys every filter, or says plainly that it cannot: each page that has
filters, run under each filter alone (team, service, severity, class, near misses
excluded), draws without an error, and every chart and the page's caption name the
filter that is in force (issue: figures a director can repeat)."""
import json

import pytest

from conftest import run_page
from metrics.db import Reader
from metrics.filters import choices
from ui.pages import PAGES

FILTERED = [p.file for p in PAGES if p.filters]


def _filters(db):
    reader = Reader(db)
    c = choices(reader)
    reader.close()
    return [("team", c.teams[0], f"team: {c.teams[0]}"), ("service", c.services[0], f"service: {c.services[0]}"),
            ("severity", c.severities[0], f"severity: {c.severities[0]}"),
            ("class", c.classes[0], f"class: {c.classes[0]}"), ("near_misses", "False", "near misses excluded")]


@pytest.mark.parametrize("page", FILTERED)
def test_every_chart_and_caption_names_each_filter(demo, page):
    for key, value, said in _filters(demo / "h.duckdb"):
        at = run_page(page, **{key: value})
        assert not at.exception, (page, key, at.exception)
        for el in at.get("plotly_chart"):
            title = json.loads(el.proto.spec)["layout"]["title"]["text"]
            assert said in title, (page, key, title)
        captions = " ".join(c.value for c in at.caption)
        assert said in captions, (page, key, captions[:200])
