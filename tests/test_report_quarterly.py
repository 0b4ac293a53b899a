"""The quarterly leadership report (metrics/leadership.py, publish/): quarters and their
comparisons; every figure the HTML and markdown print equals the same figure in
`report --json` (parsed back out of the files); the HTML references no host; text from
documents is escaped in both; the PDF has its pages and text; the CLI's options and
errors; the Report page with AppTest; chart downloads named for slides."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import date
from html.parser import HTMLParser

import pytest
from conftest import load_corpus, run_cli, run_page

from metrics import leadership, periods
from metrics.filters import Filters
from publish import render

AS_OF = "2026-11-29"
QUARTER = "2026Q3"


# --------------------------------------------------------------------------------------
# Quarters


def test_quarters_are_named_and_parsed():
    assert periods.quarter("2026Q3") == periods.Period(date(2026, 7, 1), date(2026, 9, 30))
    assert periods.quarter("2026-q4") == periods.Period(date(2026, 10, 1), date(2026, 12, 31))
    assert periods.quarter_name(periods.quarter("2025Q1")) == "2025Q1"
    assert periods.quarter_name(periods.Period(date(2026, 1, 1), date(2026, 6, 30))) == "2026-01-01 to 2026-06-30"
    for bad in ("2026Q5", "Q3", "2026", ""):
        with pytest.raises(ValueError):
            periods.quarter(bad)


def test_the_last_complete_quarter_ends_on_or_before_the_anchor():
    assert periods.last_complete_quarter(date(2026, 10, 25), date(2026, 11, 29)) == periods.quarter("2026Q3")
    assert periods.last_complete_quarter(date(2026, 9, 30), date(2026, 11, 29)) == periods.quarter("2026Q3")
    assert periods.last_complete_quarter(None, date(2026, 2, 1)) == periods.quarter("2025Q4")


def test_a_quarter_is_compared_with_the_one_before_and_a_year_earlier():
    q = periods.quarter("2026Q1")
    assert periods.quarter_before(q) == periods.quarter("2025Q4")
    assert periods.year_before(q) == periods.quarter("2025Q1")
    odd = periods.Period(date(2026, 1, 10), date(2026, 1, 19))
    assert periods.quarter_before(odd) == periods.Period(date(2025, 12, 31), date(2026, 1, 9))
    assert periods.year_before(periods.Period(date(2024, 2, 29), date(2024, 2, 29))).date_from == date(2023, 2, 28)


# --------------------------------------------------------------------------------------
# The three files of one report


@pytest.fixture(scope="module")
def files(demo_folder):
    """The demo's 2026Q3 report as json, markdown and html, from the command line."""
    out = {}
    for fmt in ("json", "md", "html"):
        r = run_cli("report", "--format", fmt, "--db", demo_folder / "h.duckdb", "--quarter", QUARTER,
                    "--as-of", AS_OF, timeout=180)
        assert r.returncode == 0, r.stderr
        out[fmt] = r.stdout
    out["json"] = json.loads(out["json"])
    return out


class Cells(HTMLParser):
    """Each element carrying a data-figure (or data-key/data-bucket row) and its text."""

    def __init__(self):
        super().__init__()
        self.rows, self.row, self.figure, self.hrefs, self.srcs, self.tags = {}, None, None, [], [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if "href" in a or "xlink:href" in a:
            self.hrefs.append(a.get("href") or a.get("xlink:href"))
        if "src" in a:
            self.srcs.append(a["src"])
        if tag == "tr" and ("data-key" in a or "data-bucket" in a):
            self.row = a.get("data-key") or a.get("data-bucket")
            self.rows[self.row] = {"cells": []}
        if "data-figure" in a:
            self.figure = a["data-figure"]
            target = self.rows[self.row] if tag == "td" and self.row else self.rows.setdefault("page", {})
            target[self.figure] = ""
            self._target = target
        if tag == "td" and self.row:
            self.rows[self.row]["cells"].append("")

    def handle_endtag(self, tag):
        if tag in ("td", "span"):
            self.figure = None
        if tag == "tr":
            self.row = None

    def handle_data(self, data):
        if self.figure:
            self._target[self.figure] += data
        if self.row and self.rows[self.row]["cells"]:
            self.rows[self.row]["cells"][-1] += data


def parsed(html: str) -> Cells:
    p = Cells()
    p.feed(html)
    return p


def test_every_headline_in_the_html_is_the_jsons(files):
    doc, rows = files["json"], parsed(files["html"]).rows
    assert len(doc["headlines"]) == 10
    for h in doc["headlines"]:
        row = rows[h["key"]]
        assert row["value"].strip() == render.value(h["value"], h["unit"]), h["key"]
        assert row["previous"].strip() == render.value(h["previous"], h["unit"]), h["key"]
        assert row["year_earlier"].strip() == render.value(h["year_earlier"], h["unit"]), h["key"]
        assert row["vs_previous"].strip() == render.change(h["vs_previous"], h["unit"]), h["key"]
        assert row["vs_year_earlier"].strip() == render.change(h["vs_year_earlier"], h["unit"]), h["key"]
        if h["n"] is not None:
            assert f"n={h['n']}" in row["cells"][2]


def test_the_html_prints_the_jsons_numbers_not_others(files):
    """The same check read the other way: the number in each value cell, parsed, is the
    JSON value rounded as printed."""
    doc, rows = files["json"], parsed(files["html"]).rows
    for h in doc["headlines"]:
        text = rows[h["key"]]["value"].strip()
        if h["value"] is None:
            continue
        number = float(re.sub(r"[^\d.\-]", "", text))
        want = {"percent": round(h["value"] * 100), "minutes": round(h["value"])}.get(h["unit"], h["value"])
        assert number == want, h["key"]


def test_lists_and_trends_in_the_html_are_the_jsons(files):
    doc, cells = files["json"], parsed(files["html"])
    assert int(cells.rows["page"]["overdue"]) == doc["action_lists"]["overdue"]
    assert int(cells.rows["page"]["wishes"]) == doc["action_lists"]["wishes"]
    for t in doc["trends"]["resolve"]:
        row = cells.rows[t["bucket"]]["cells"]
        assert int(row[1]) == t["n"]
        assert row[2].strip() == (render.value(t["median_min"], "minutes") if t["enough"] else "not enough data")
    for c in doc["repeat_classes"]:
        assert f"Repeats: {c['repeats']} of {c['incidents']} incidents" in files["html"]
    d = doc["data"]
    assert f"{d['documents_read']} documents read at the last load, {d['problems']} problems recorded, " \
           f"{d['corrections']} corrections applied" in " ".join(files["html"].split())


def test_every_headline_in_the_markdown_is_the_jsons(files):
    doc = files["json"]
    section = files["md"].split("## 1. Headlines", 1)[1].split("## 2.", 1)[0]
    lines = {line.split("|")[1].strip(): [c.strip() for c in line.split("|")[1:-1]]
             for line in section.splitlines() if line.startswith("| ")}
    for h in doc["headlines"]:
        cells = lines[h["label"]]
        assert cells[1] == render.value(h["value"], h["unit"])
        assert cells[3] == render.value(h["previous"], h["unit"])
        assert cells[4] == render.change(h["vs_previous"], h["unit"])
        assert cells[5] == render.value(h["year_earlier"], h["unit"])
        assert cells[6] == render.change(h["vs_year_earlier"], h["unit"])
    assert f"{doc['action_lists']['overdue']} items are overdue" in files["md"]


def test_the_json_keeps_the_headline_reports_figures(files, demo_folder):
    """`--format json` is the headline report (docs/REPORT_CONTRACT.md) with the quarterly
    parts added: the same figures as `--json` for the same period."""
    old = run_cli("report", "--json", "--db", demo_folder / "h.duckdb", "--quarter", QUARTER, "--as-of", AS_OF)
    assert json.loads(old.stdout) == files["json"]
    assert files["json"]["period"] == {"from": "2026-07-01", "to": "2026-09-30", "as_of": AS_OF, "name": QUARTER}
    heads = {h["key"]: h for h in files["json"]["headlines"]}
    assert heads["incidents"]["value"] == files["json"]["incidents"]["total"]
    assert heads["near_misses"]["value"] == files["json"]["incidents"]["near_misses"]
    assert heads["time_to_detect"]["n"] == files["json"]["time_to_detect"]["n"]


def test_headlines_agree_with_the_dashboards_functions(demo_reader):
    from metrics import detection, overview

    q = periods.quarter(QUARTER)
    f = Filters(q.date_from, q.date_to)
    doc = leadership.build(demo_reader, f, date.fromisoformat(AS_OF))
    heads = {h["key"]: h for h in doc["headlines"]}
    cov = overview.coverage(demo_reader, f)
    assert heads["coverage"]["value"] == cov.share and heads["coverage"]["n"] == cov.incidents
    ttr = detection.summary(demo_reader, f, "resolve")
    assert heads["time_to_resolve"]["n"] == ttr.n
    assert heads["time_to_resolve"]["value"] == (ttr.median if ttr.n >= 10 else None)
    from metrics import recurrence

    classes = recurrence.classes(demo_reader, f)
    assert heads["repeats"]["value"] == classes["repeats"].sum()
    assert heads["repeats_after_fix"]["value"] == classes["repeats_after_fix"].sum()
    before = overview.headline(demo_reader, replace_period(f, periods.quarter("2026Q2")), date.fromisoformat(AS_OF))
    assert heads["incidents"]["previous"] == before.incidents


def replace_period(f, p):
    from dataclasses import replace

    return replace(f, date_from=p.date_from, date_to=p.date_to)


def test_verdicts_only_where_the_interval_says_so(files):
    for h in files["json"]["headlines"]:
        for c in (h["vs_previous"], h["vs_year_earlier"]):
            if h["unit"] == "count":
                assert c["verdict"] is None and c["ci"] is None
            elif c["verdict"] in ("improved", "regressed"):
                assert c["ci"][0] > 0 or c["ci"][1] < 0
            elif c["verdict"] == "no clear change":
                assert c["ci"][0] <= 0 <= c["ci"][1]


def test_a_team_report_counts_that_teams_incidents_only(demo_folder, files):
    out = run_cli("report", "--format", "json", "--db", demo_folder / "h.duckdb", "--quarter", QUARTER,
                  "--as-of", AS_OF, "--team", "payments")
    doc = json.loads(out.stdout)
    assert doc["teams"] == ["payments"]
    q = periods.quarter(QUARTER)
    from metrics.db import Reader
    from metrics import overview

    reader = Reader(demo_folder / "h.duckdb")
    try:
        h = overview.headline(reader, Filters(q.date_from, q.date_to, ("payments",)), date.fromisoformat(AS_OF))
    finally:
        reader.close()
    assert doc["incidents"]["total"] == h.incidents < files["json"]["incidents"]["total"]
    assert {t["team"] for t in doc["action_lists"]["overdue_by_team"]} <= {"payments"}


# --------------------------------------------------------------------------------------
# Self-contained and escaped


def test_the_html_references_no_host(files):
    cells = parsed(files["html"])
    tickets = {i["ticket_url"] for c in files["json"]["repeat_classes"] for i in c["open_items"]} | \
              {i["ticket_url"] for i in files["json"]["action_lists"]["most_overdue"]}
    assert cells.srcs == []                              # nothing loaded: no img/script/iframe src
    assert "script" not in cells.tags and "link" not in cells.tags and "iframe" not in cells.tags
    for href in cells.hrefs:
        assert href.startswith("#") or href in tickets, href
    assert not re.search(r"url\((?!#)|@import", files["html"])   # no fetch from CSS (url(#id) is in-page)
    assert files["html"].count("<svg") >= 4                  # the charts are inline


HOSTILE = """---
title: "<script>alert('t')</script> outage"
date: 2026-08-03
severity: SEV-2
team: "<b>ops</b>"
near_miss: true
---
# x

## Summary
The cache fell over.

## Where we got lucky
- <img src=x onerror=alert(1)> [click](javascript:alert(1))

## Action items
| Action | Owner | Due | Status | Ticket |
|---|---|---|---|---|
| <iframe src=//evil.example></iframe> fix | @a | 2026-08-04 | open | [T-1](javascript:alert(1)) |
"""


def test_text_from_documents_is_escaped_in_html_and_markdown(tmp_path):
    reader = load_corpus(tmp_path, {"hostile": HOSTILE})
    try:
        q = periods.quarter(QUARTER)
        doc = leadership.document(reader, Filters(q.date_from, q.date_to), date.fromisoformat(AS_OF))
    finally:
        reader.close()
    page, md = render.html(doc), render.markdown(doc)
    assert doc["action_lists"]["overdue_by_team"][0]["team"] == "<b>ops</b>"   # the text reaches the report
    tags = parsed(page).tags
    assert "script" not in tags and "img" not in tags and "iframe" not in tags and "b" not in tags
    assert "&lt;b&gt;ops&lt;/b&gt;" in page                                   # shown, as text
    assert "javascript:" not in "".join(parsed(page).hrefs)
    assert "<b>" not in md and "<img" not in md
    assert not re.search(r"(?<!\\)\]\(javascript", md)                       # no live link


# --------------------------------------------------------------------------------------
# PDF


def _need(tool: str):
    if shutil.which(tool) is None:
        import os

        if os.environ.get("CI"):
            pytest.fail(f"{tool} is not installed: .ci/run must apt-get install it", pytrace=False)
        pytest.skip(f"{tool} is not installed")


def test_the_pdf_has_its_pages_and_text(demo_folder, tmp_path):
    _need("chromium")
    _need("pdftotext")
    out = tmp_path / "r.pdf"
    r = run_cli("report", "--format", "pdf", "--out", out, "--db", demo_folder / "h.duckdb", "--quarter", QUARTER,
                "--as-of", AS_OF, timeout=180)
    assert r.returncode == 0, r.stderr
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert 5 <= pages <= 15                            # a page per section, no section cut into many
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    for words in ("Incidents and learning: 2026Q3", "1. Headlines", "What keeps coming back", "Action items",
                  "Near misses", "Detection and response", "Definitions and data"):
        assert words in text, words


def test_without_a_browser_the_pdf_says_how_to_get_one(demo_folder, tmp_path):
    r = run_cli("report", "--format", "pdf", "--out", tmp_path / "r.pdf", "--db", demo_folder / "h.duckdb",
                env={"HINDSIGHT_CHROMIUM": "no-such-browser"})
    assert r.returncode == 2
    assert "apt-get install chromium" in r.stderr
    assert not (tmp_path / "r.pdf").exists()


def test_without_a_browser_the_html_has_its_tables_and_says_how_to_draw_charts(demo_folder, tmp_path):
    """No hang waiting for a browser that is not there (Kaleido alone would wait forever),
    and the browser is the one HINDSIGHT_CHROMIUM names, as for the PDF."""
    out = tmp_path / "r.html"
    r = run_cli("report", "--format", "html", "--out", out, "--db", demo_folder / "h.duckdb", "--quarter", QUARTER,
                "--as-of", AS_OF, env={"HINDSIGHT_CHROMIUM": "no-such-browser"}, timeout=90)
    assert r.returncode == 0, r.stderr
    html = out.read_text(encoding="utf-8")
    assert "<svg" not in html and "apt-get install chromium" in html and "1. Headlines" in html
    assert "no charts" in r.stderr


# --------------------------------------------------------------------------------------
# Command line


def test_documents_default_to_the_last_complete_quarter(demo_folder):
    r = run_cli("report", "--format", "md", "--db", demo_folder / "h.duckdb", "--as-of", AS_OF)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("# Incidents and learning: 2026Q3")   # the demo's newest incident: 2026-10


@pytest.mark.parametrize("args, message", [
    (["--quarter", "2026Q5"], "not a quarter"),
    (["--quarter", "2026Q3", "--from", "2026-01-01"], "not both"),
    (["--json", "--format", "md"], "disagree"),
    (["--format", "docx"], "invalid choice"),
    (["--team", "paymnets"], "no incident has the team paymnets; teams: data, identity"),
])
def test_bad_options_exit_2_with_a_reason(demo_folder, args, message):
    r = run_cli("report", "--db", demo_folder / "h.duckdb", *args)
    assert r.returncode == 2 and message in r.stderr


def test_out_writes_the_file(demo_folder, tmp_path):
    r = run_cli("report", "--format", "md", "--out", tmp_path / "r.md", "--db", demo_folder / "h.duckdb",
                "--quarter", QUARTER, "--as-of", AS_OF)
    assert r.returncode == 0 and r.stdout == ""
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# Incidents and learning: 2026Q3")


# --------------------------------------------------------------------------------------
# The Report page and chart downloads


def test_the_report_page_offers_every_format(demo):
    at = run_page("pages/8_Report.py", quarter=QUARTER)
    assert not at.exception, at.exception
    labels = [b.label for b in at.get("download_button")]
    assert labels[:3] == ["HTML", "Markdown", "JSON"]
    assert at.selectbox(key="quarter").value == QUARTER


def test_the_report_pages_preview_leaves_its_charts_to_the_charts_tab(demo):
    """Drawing the file's charts takes a headless browser seconds: the preview is the file
    without them, and the page draws the same four figures itself."""
    at = run_page("pages/8_Report.py", quarter=QUARTER)
    assert [t.label for t in at.tabs] == ["Report", "Charts"]
    (preview,) = at.get("iframe")
    assert "<svg" not in preview.proto.srcdoc and "Charts tab" in preview.proto.srcdoc
    titles = [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]
    assert len(titles) == 4 and all(titles)


def test_the_report_page_takes_the_sidebars_team(demo):
    at = run_page("pages/8_Report.py", quarter=QUARTER, team="payments")
    assert not at.exception, at.exception
    assert [m.value for m in at.multiselect if m.label == "Teams"] == [["payments"]]


def test_the_report_page_on_an_empty_database(empty):
    at = run_page("pages/8_Report.py")
    assert not at.exception, at.exception


def test_charts_download_as_named_png_for_slides(demo):
    at = run_page("app.py")
    charts = at.get("plotly_chart")
    assert charts
    for c in charts:
        config = json.loads(c.proto.config)
        assert config["toImageButtonOptions"]["format"] == "png"
        assert config["toImageButtonOptions"]["filename"].startswith("hindsight-")


def test_only_http_addresses_become_links(files):
    """Whatever reached the dict (a tracker export's URL column is free text), the HTML
    links http(s) only and the markdown shows anything else as text."""
    import copy

    doc = copy.deepcopy(files["json"])
    item = {"action": "fix", "owner": "a", "team": "t", "days overdue": 3, "ticket": "T-1", "incident": "x",
            "ticket_url": "javascript:alert(1)"}
    doc["action_lists"]["most_overdue"] = [item, {**item, "ticket": "T-2", "ticket_url": "https://t.example/T-2"}]
    hrefs = parsed(render.html(doc)).hrefs
    assert "https://t.example/T-2" in hrefs and not any("javascript" in h for h in hrefs)
    md = render.markdown(doc)
    assert "[T-2](https://t.example/T-2)" in md and "(javascript" not in md


def test_download_names_keep_to_safe_characters():
    from publish import files

    assert files.file_stem("2026Q3", ["payments"]) == "hindsight-report-2026Q3-payments"
    assert files.file_stem("2026-01-01 to 2026-06-30") == "hindsight-report-2026-01-01_to_2026-06-30"
    assert "/" not in files.file_stem("2026Q3", ["../../etc/passwd"]) and ".." not in files.file_stem("x", [".."])


def test_a_class_lists_its_first_open_items_and_counts_them_all(demo_reader, monkeypatch):
    """A year of a large archive holds thousands of open items per repeat class: the
    report lists OPEN_ITEMS_SHOWN of them and says how many there are."""
    f = Filters(date(2024, 1, 1), date(2026, 6, 30))
    whole = leadership.build(demo_reader, f, date(2026, 7, 1))["repeat_classes"]
    many = max(whole, key=lambda c: c["open_items_total"])
    assert many["open_items_total"] == len(many["open_items"]) >= 2
    monkeypatch.setattr(leadership, "OPEN_ITEMS_SHOWN", 1)
    doc = leadership.document(demo_reader, f, date(2026, 7, 1))
    capped = next(c for c in doc["repeat_classes"] if c["class"] == many["class"])
    assert capped["open_items"] == many["open_items"][:1] and capped["open_items_total"] == many["open_items_total"]
    said = f"1 of {many['open_items_total']} open items shown"
    assert said in render.markdown(doc) and said in render.html(doc)
