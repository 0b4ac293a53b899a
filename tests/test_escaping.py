"""Values from documents and shared links shown as text, never as markup: captions
(Streamlit markdown) through metrics.safe.markdown, plotly labels through
metrics.safe.plotly_label, links only when http(s) through metrics.safe.link. The pages
run on a small database whose front matter is hostile, with the hostile team in the
URL's ?team= as a crafted shared link would put it (the sidebar drops a team that is not
in the data, so the data must hold it)."""
from __future__ import annotations

import json
import re
from datetime import date

import pandas as pd
import pytest
from conftest import ROOT, run_cli, run_page

from metrics import safe
from metrics.charts_recurrence import class_month_heatmap
from metrics.filters import Filters

TEAM = '[x](https://evil.example)![i](https://evil.example/i.png)<a href="https://evil.example">'
CLASS = '<a href="https://evil.example">cls</a>[c](https://evil.example)'
SERVICE = "<img src=x onerror=alert(1)>svc"
TRACKER_URL = "javascript:alert(document.domain)"  # the tracker export's link for acme/web#12
PAGES = ["app.py", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py"))]
from ui.pages import PAGES as PAGES_  # noqa: E402  (which pages show the filters)
FILTERED_PAGES = [p.file for p in PAGES_ if p.filters]
QUERY = {"pages/5_Weekly_review.py": {"week": "2026-02-16"}, "pages/6_Incidents.py": {"incident": "hostile-1"}}


def live(md: str) -> list[str]:
    """What a CommonMark / GFM / Streamlit renderer could turn into a link, an image, HTML
    or a directive in ``md``: unescaped brackets and angle brackets, autolink literals
    (http(s)://, www., a@b.c; GFM finds these after escapes are resolved, so a backslash
    does not count) and Streamlit's ":name" directives and shortcodes."""
    bare = re.sub(r"\\[!-/:-@\[-`{-~]", "", md)
    return (re.findall(r"[\[\]<>]|:[A-Za-z_]", bare)
            + re.findall(r"(?i)https?://|www\.|[-.\w+]@[-\w]+\.", md.replace("\\", "")))


# --------------------------------------------------------------------------------------
# The helpers


@pytest.mark.parametrize("text", [
    TEAM, CLASS, SERVICE, "<script>alert(1)</script>", "<https://evil.example>", "see https://evil.example",
    "www.evil.example", "mail ops@evil.example", "[ref]: https://evil.example", "[^1]", ":red[phish]",
    ":material_warning: :smile: :streamlit:", ":help[x]", "![img](x.png)", "&lt;a href=x&gt;", "`code`",
    "$x$", "# heading", "> quote", "- list", "1. list", "| a | b |", "~~gone~~", "**bold**", "_em_",
    "line\n# two\n[x](https://evil.example)", "<a href='x'\n>two lines</a>",
])
def test_markdown_leaves_nothing_live(text):
    assert live(safe.markdown(text)) == []


def test_markdown_escapes_what_is_meaningful_and_keeps_the_rest():
    assert safe.markdown("**bold** _em_ `c` $x$ # | ~ &") == "\\*\\*bold\\*\\* \\_em\\_ \\`c\\` \\$x\\$ \\# \\| \\~ \\&"
    assert safe.markdown("2025-11-01 to 2026-10-31; team: web, api-gateway (p90)") == (
        "2025-11-01 to 2026-10-31; team: web, api-gateway (p90)")
    assert safe.markdown(None) == "" and safe.markdown(float("nan")) == ""


def test_filters_caption_of_a_crafted_link_is_inert():
    f = Filters(date(2026, 1, 1), date(2026, 3, 31), teams=(TEAM,), services=(SERVICE,), classes=(CLASS,))
    assert live(f.describe())  # the description itself is plain text: escaping is the sink's
    assert live(safe.markdown(f.describe())) == []


def test_plotly_label_escapes_html():
    assert safe.plotly_label('<a href="https://evil.example">x</a> & <b>') == (
        '&lt;a href="https://evil.example"&gt;x&lt;/a&gt; &amp; &lt;b&gt;')
    assert safe.plotly_label(None) == ""


@pytest.mark.parametrize("url", ["https://tracker.example/OPS-1", "http://x.example", "HTTPS://X.example/a?b=c#d",
                                 "  https://x.example/a  "])
def test_link_keeps_http_and_https(url):
    assert safe.link(url) == url.strip()


@pytest.mark.parametrize("url", [TRACKER_URL, "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
                                 "java\nscript:alert(1)", "data:text/html,<script>alert(1)</script>",
                                 "vbscript:msgbox(1)", "file:///etc/passwd", "//evil.example/x", "/relative",
                                 "https:evil.example", "https:///x", "http://[::1", "https://x.example/a b",
                                 "", None, float("nan"), pd.NA, 42])
def test_link_refuses_everything_else(url):
    assert safe.link(url) is None


def test_markdown_link_is_the_key_linked_to_http_only():
    assert safe.markdown_link("OPS-1", "https://jira.example/browse/OPS-1") == \
        "[OPS-1](https://jira.example/browse/OPS-1)"
    assert safe.markdown_link("OPS-1", "javascript:alert(1)") == "OPS-1"
    assert safe.markdown_link("OPS-1", None) == "OPS-1"
    assert safe.markdown_link(None, "https://x.example/") == ""


@pytest.mark.parametrize("url", ["https://x.example/a)![i](https://evil.example/p.png",
                                 "https://x.example/<img/src=x/onerror=alert(1)>",
                                 "https://x.example/a](https://evil.example)"])
def test_markdown_link_target_cannot_close_itself(url):
    """A crafted address stays one link to its own host: nothing in it ends the link."""
    md = safe.markdown_link("OPS-1", url)
    target = md[md.index("](") + 2:-1]
    assert not re.search(r"[()<>\[\]\s]", target), md
    assert md.count("](") == 1 and md.endswith(")")


def test_heatmap_labels_and_title_are_escaped():
    grid = pd.DataFrame([[1, 2]], index=[CLASS], columns=["2026-01", "2026-02"])
    fig = class_month_heatmap(grid, f"team: {TEAM}")
    spec = json.loads(fig.to_json())
    assert spec["data"][0]["y"] == [safe.plotly_label(CLASS)]
    assert "<a" not in json.dumps(spec["data"]) and "<a" not in spec["layout"]["title"]["text"]


# --------------------------------------------------------------------------------------
# The pages on a hostile database


def hostile_doc(n: int, day: str) -> str:
    return f"""---
id: hostile-{n}
title: 'Outage {n} <b>bold</b> [t](https://evil.example)'
date: {day}
severity: SEV-2
class: '{CLASS}'
teams: ['{TEAM}']
services: ['{SERVICE}']
owner: "=HYPERLINK(\\"https://evil.example\\")"
---
# Outage {n} ({day})

## Summary
Something broke.

## Timeline (UTC)
| Time | Event |
|------|-------|
| 10:00 | Deploy rolled out |
| 10:04 | Errors |
| 10:09 | Alert fires |
| 10:30 | Rollback completes |

## Action items
| # | Action | Owner | Due | Ticket |
|---|--------|-------|-----|--------|
| 1 | Add a canary stage | @ann | Feb 20 | acme/web#12 |
| 2 | Do not link this | @bob | Feb 21 | javascript:alert(1) |
"""


GITHUB = [{"html_url": TRACKER_URL, "repository_url": "https://api.github.com/repos/acme/web", "number": 12,
           "title": "Canary", "state": "open", "created_at": "2026-02-03T12:00:00Z", "closed_at": None,
           "labels": [], "assignee": None}]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """Two incidents of the hostile class a week apart (the second a repeat of the first,
    whose items are open), and a GitHub export giving acme/web#12 a javascript: link."""
    tmp = tmp_path_factory.mktemp("hostile")
    src = tmp / "pm"
    src.mkdir()
    (src / "2026-02-03-one.md").write_text(hostile_doc(1, "2026-02-03"), encoding="utf-8")
    (src / "2026-02-10-two.md").write_text(hostile_doc(2, "2026-02-10"), encoding="utf-8")
    (src / "issues.json").write_text(json.dumps(GITHUB), encoding="utf-8")
    db = tmp / "h.duckdb"
    out = run_cli("ingest", "-q", "--db", db, src)
    assert out.returncode == 0, out.stdout + out.stderr
    (tmp / "hindsight.yaml").write_text(f"database: {db}\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.syspath_prepend(str(ROOT))
        mp.setenv("HINDSIGHT_CONFIG", str(tmp / "hindsight.yaml"))
        yield db


_runs: dict = {}


def page(name: str):
    """The page run once per module with the hostile team in the URL."""
    if name not in _runs:
        _runs[name] = run_page(name, team=TEAM, **QUERY.get(name, {}))
    return _runs[name]


def markdown_shown(at) -> list[str]:
    """Everything the page handed to Streamlit's markdown renderer."""
    out = [e.value for kind in ("markdown", "caption", "title", "header", "subheader", "info", "warning", "error",
                                "success") for e in at.get(kind)]
    return out + [m.proto.help for m in at.metric if m.proto.help]


def elements(node):
    for child in getattr(node, "children", {}).values():
        yield child
        yield from elements(child)


@pytest.mark.parametrize("name", FILTERED_PAGES)
def test_crafted_team_link_renders_no_link_in_captions(hostile, name):
    at = page(name)
    assert not at.exception, at.exception
    assert list(at.multiselect(key="team").value) == [TEAM]  # the crafted value is in force
    captions = [c for c in markdown_shown(at) if "evil" in c]
    assert captions, "the page shows the filters somewhere"
    for text in captions:
        assert live(text) == [], text


def test_recurrence_heatmap_has_no_markup_in_labels_or_title(hostile):
    spec = json.loads(page("pages/1_Recurrence.py").get("plotly_chart")[0].proto.spec)
    trace = spec["data"][0]
    assert trace["y"] == [safe.plotly_label(CLASS)]
    for text in [*trace["y"], *trace["x"], trace["hovertemplate"], spec["layout"]["title"]["text"]]:
        assert "<a" not in text and "<img" not in text, text


def test_no_page_sends_a_javascript_ticket_url(hostile):
    """Every page, the Recurrence page's open items included: the tracker's javascript:
    link is nowhere in what the page sends, and every link column holds http(s) or nothing."""
    for name in PAGES:
        at = page(name)
        assert not at.exception, (name, at.exception)
        sent = b"".join(e.proto.SerializeToString() for e in elements(at._tree)
                        if getattr(e, "proto", None) is not None)
        assert TRACKER_URL.encode() not in sent, name
        for df in at.dataframe:
            links = [c for c, v in json.loads(df.proto.columns or "{}").items()
                     if v.get("type_config", {}).get("type") == "link" and c in df.value.columns]
            for c in links:
                # an empty cell is blank (ui/tables.py): no link at all
                assert all(pd.isna(v) or v == "" or re.match(r"https?://", v) for v in df.value[c]), \
                    (name, c, list(df.value[c]))


def test_recurrence_open_items_link_only_http(hostile):
    from metrics import recurrence
    from metrics.db import Reader

    reader = Reader(hostile)
    try:
        items = recurrence.open_items(reader, Filters(date(2026, 1, 1), date(2026, 3, 31)), date(2026, 11, 1))
    finally:
        reader.close()
    assert len(items) == 2 and items["ticket_url"].isna().all()
