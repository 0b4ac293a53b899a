"""Tests for the demo corpus generator (the demo/ package). They check the files it writes,
with small regexes of their own; the postmortem parser is tested elsewhere."""
from __future__ import annotations

import csv
import json
import re
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
import yaml

from demo import build, generate

END = date(2026, 10, 31)


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("sample")
    return out, generate(out, incidents=200, seed=7)


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _postmortems(root: Path) -> list[Path]:
    return sorted((root / "postmortems").rglob("*.md"))


def _section(text: str, name: str) -> str:
    m = re.search(rf"^## {name}[^\n]*\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    return m.group(1) if m else ""


def _doc(text: str) -> dict:
    """Just enough of a document for these tests: title, summary, factors, class, tickets."""
    front = {}
    body = text
    if text.startswith("---\n"):
        fm, body = text[4:].split("\n---\n", 1)
        front = yaml.safe_load(fm)
    title = re.search(r"^# (.+)$", body, re.M).group(1)
    meta = re.search(r"^\*\*Status:\*\*.*$", body, re.M)
    cls = front.get("class")
    if meta and (m := re.search(r"\*\*Class:\*\* ([\w-]+)", meta.group(0))):
        cls = m.group(1)
    near = front.get("near_miss") is True or bool(meta and "**Type:** Near miss" in meta.group(0))
    factor_text = _section(body, "Contributing factors")
    factors = re.findall(r"^\d+\. (.+)$", factor_text, re.M)
    factors += re.findall(r"Systemic, not personal: (.+)$", factor_text, re.M)
    rows = [r.split("|")[1:-1] for r in _section(body, "Action items").splitlines() if r.startswith("| ")]
    items = [[c.strip() for c in r] for r in rows[1:]]  # skip the header row
    return {"title": title, "summary": _section(body, "Summary").strip(), "factors": factors,
            "class": cls, "near_miss": near, "items": items, "front": front, "body": body}


def _classes_matching(text: str, taxonomy: dict) -> list[str]:
    low = text.lower()
    return [name for name, rules in taxonomy.items()
            if any(k.lower() in low for k in rules.get("keywords", []))
            or any(re.search(p, text, re.I) for p in rules.get("patterns", []))]


def _jira(root: Path) -> tuple[list[str], list[list[str]]]:
    with open(root / "trackers" / "jira-export.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def _ticket_keys(root: Path) -> set[str]:
    header, rows = _jira(root)
    keys = {r[header.index("Issue key")] for r in rows}
    for issue in json.loads((root / "trackers" / "github-issues.json").read_text("utf-8")):
        repo = re.match(r"https://api\.github\.com/repos/([^/]+/[^/]+)/issues/\d+$", issue["url"]).group(1)
        keys.add(f"{repo}#{issue['number']}")
    return keys


def test_same_arguments_give_byte_identical_files(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    assert generate(a, incidents=80, seed=3) == generate(b, incidents=80, seed=3)
    fa, fb = _files(a), _files(b)
    assert fa.keys() == fb.keys()
    assert all(fa[k] == fb[k] for k in fa)
    c = tmp_path / "c"
    generate(c, incidents=80, seed=4)
    assert _files(c) != fa


def test_counts_and_layout(sample):
    root, counts = sample
    assert set(counts) == {"postmortems", "near_misses", "tickets", "incident_rows", "blameful_sentences",
                           "items_without_ticket"}
    assert counts["blameful_sentences"] > 0 and counts["items_without_ticket"] > 0
    docs = _postmortems(root)
    assert counts["postmortems"] == len(docs) == 200
    assert 0.15 <= counts["near_misses"] / counts["postmortems"] <= 0.25
    for p in docs:
        year, name = p.parent.name, p.name
        assert re.fullmatch(r"\d{4}", year) and re.fullmatch(rf"{year}-\d\d-\d\d-[a-z0-9-]+\.md", name)
    for rel in ("trackers/jira-export.csv", "trackers/github-issues.json",
                "incidents/pagerduty-incidents.json", "hindsight.yaml"):
        assert (root / rel).is_file()
    size = sum(len(b) for b in _files(root).values())
    assert 200_000 < size < 2_500_000


def test_every_postmortem_is_utf8_with_a_known_start(sample):
    root, _ = sample
    starts = {"house": 0, "front": 0, "near": 0}
    for p in _postmortems(root):
        text = p.read_bytes().decode("utf-8")
        assert text.startswith(("# Postmortem:", "# Near miss", "---\n")), p
        starts["front" if text.startswith("---") else "near" if text.startswith("# Near") else "house"] += 1
    share_front = starts["front"] / 200
    assert 0.15 <= share_front <= 0.35
    assert starts["near"] > 0


def test_house_format_shape(sample):
    root, _ = sample
    house = [p.read_text("utf-8") for p in _postmortems(root) if not p.read_text("utf-8").startswith("---")]
    with_class = 0
    for text in house:
        assert re.match(r"# (Postmortem|Near miss): .+ \(\d{4}-\d\d-\d\d\)\n\n\*\*Status:\*\* (Draft|In review|Reviewed) \|", text)
        for heading in ("## Summary", "## Impact", "## Timeline (UTC)", "## Contributing factors (the 5 whys)",
                        "## Action items\n| # | Action | Owner | Due | Ticket |", "## What went well"):
            assert heading in text
        with_class += "**Class:**" in text
        timeline = [r for r in _section(text, r"Timeline \(UTC\)").splitlines() if r.startswith("| ")][1:]
        times = [r.split("|")[1].strip() for r in timeline]
        assert all(re.fullmatch(r"\d\d:\d\d", t) for t in times) or all(
            re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", t) for t in times)
        assert times == sorted(times) or not re.fullmatch(r"\d\d:\d\d", times[0])
        assert re.search(r"^- (Duration|Exposure): .+–.+ UTC \(", text, re.M)
        if "**Type:** Near miss" in text:
            assert "## Where we got lucky" in text and "Customer impact: none" in text
            assert "**Severity:** SEV-1" not in text and "**Severity:** SEV-2" not in text
    assert 0.3 <= with_class / len(house) <= 0.7


def test_classes_follow_the_taxonomy(sample):
    root, _ = sample
    config = yaml.safe_load((root / "hindsight.yaml").read_text("utf-8"))
    taxonomy = config["taxonomy"]
    assert len(taxonomy) >= 8
    truth = {i.path: i.cls for i in build(200, 7).incidents}
    seen: dict[str, int] = {}
    for p in _postmortems(root):
        doc = _doc(p.read_text("utf-8"))
        cls = truth[p.relative_to(root).as_posix()]
        if doc["class"] is not None:
            assert doc["class"] == cls
        # Every document (named class or not) is classifiable, to exactly its own class.
        text = " ".join([doc["title"], doc["summary"], *doc["factors"]])
        assert _classes_matching(text, taxonomy) == [cls], (p.name, _classes_matching(text, taxonomy))
        seen[cls] = seen.get(cls, 0) + 1
    assert len(seen) >= 8
    top = sorted(seen.values(), reverse=True)
    assert top[0] / 200 <= 0.35 and sum(top[:3]) / 200 >= 0.5


def test_config_schema(sample):
    root, _ = sample
    text = (root / "hindsight.yaml").read_text("utf-8")
    config = yaml.safe_load(text)
    assert config["database"] == "../hindsight.duckdb" and config["timezone"] == "UTC"
    assert config["sources"] == {"postmortems": ["postmortems/**/*.md"],
                                 "trackers": ["trackers/*.csv", "trackers/*.json"],
                                 "incidents": ["incidents/*.json"]}
    assert config["sla_days"] == {1: 14, 2: 30, "default": 60}
    assert config["recurrence_window_days"] == 90 and config["min_sample"] == 10
    for rules in config["taxonomy"].values():
        assert rules["keywords"] and rules["patterns"]
        for p in rules["patterns"]:
            re.compile(p)
    for line in text.splitlines():   # every key carries a comment
        if re.match(r"^\s*[\w-]+:", line) and not line.lstrip().startswith("#"):
            assert "#" in line, line


def test_every_ticket_named_exists_and_both_trackers_are_used(sample):
    root, _ = sample
    keys = _ticket_keys(root)
    jira_refs = github_refs = unowned = items = 0
    for p in _postmortems(root):
        for row in _doc(p.read_text("utf-8"))["items"]:
            items += 1
            owner, ticket = row[2], row[4]
            unowned += owner in ("", "TBD")
            if ticket:
                assert ticket in keys, (p.name, ticket)
                if re.fullmatch(r"[A-Z]+-\d+", ticket):
                    jira_refs += 1
                else:
                    assert re.fullmatch(r"acme/[\w-]+#\d+", ticket)
                    github_refs += 1
    assert jira_refs > 0 and github_refs > 0
    assert 0.04 <= unowned / items <= 0.2


def test_jira_export_shape(sample):
    root, _ = sample
    header, rows = _jira(root)
    assert header == ["Summary", "Issue key", "Issue id", "Issue Type", "Status", "Project key", "Priority",
                      "Resolution", "Assignee", "Reporter", "Created", "Updated", "Resolved", "Due date",
                      "Labels", "Labels", "Labels", "Sprint", "Description", "Status Category",
                      "Status Category Changed"]
    col = {name: header.index(name) for name in header}
    dt = re.compile(r"\d\d/(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/\d\d (1[0-2]|[1-9]):[0-5]\d (AM|PM)")
    statuses = set()
    for r in rows:
        assert len(r) == len(header)
        status, cat, res = r[col["Status"]], r[col["Status Category"]], r[col["Resolution"]]
        statuses.add(status)
        expected = {"To Do": ("To Do", ""), "In Progress": ("In Progress", ""), "In Review": ("In Progress", ""),
                    "Done": ("Done", "Done"), "Won't Do": ("Done", "Won't Do")}[status]
        assert (cat, res) == expected
        assert dt.fullmatch(r[col["Created"]]) and dt.fullmatch(r[col["Updated"]])
        assert bool(r[col["Resolved"]]) == (cat == "Done")
        if r[col["Due date"]]:
            assert re.fullmatch(r"\d\d/[A-Z][a-z]{2}/\d\d", r[col["Due date"]])
    assert statuses == {"To Do", "In Progress", "In Review", "Done", "Won't Do"}
    assert any("\n" in r[col["Description"]] for r in rows)
    assert {r[col["Project key"]] for r in rows} >= {"OPS", "PAY", "DATA", "NET"}


def test_github_export_shape(sample):
    root, _ = sample
    issues = json.loads((root / "trackers" / "github-issues.json").read_text("utf-8"))
    iso = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
    reasons = set()
    for i in issues:
        assert re.fullmatch(r"https://api\.github\.com/repos/acme/[\w-]+/issues/\d+", i["url"])
        assert i["html_url"].startswith("https://github.com/acme/") and i["html_url"].endswith(f"/{i['number']}")
        assert i["state"] in ("open", "closed") and iso.fullmatch(i["created_at"])
        assert (i["closed_at"] is None) == (i["state"] == "open")
        assert all(set(lb) >= {"name"} for lb in i["labels"])
        assert i["assignee"] is None or i["assignee"] == i["assignees"][0]
        if "pull_request" not in i:
            reasons.add(i["state_reason"])
    assert reasons == {None, "completed", "not_planned"}


def test_action_item_status_mix(sample):
    root, _ = sample
    header, rows = _jira(root)
    col = {name: header.index(name) for name in header}
    end = datetime(2026, 10, 31, 23, 59)
    months = {m: i for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), 1)}

    def day(s):
        d, m, y = s.split(" ")[0].split("/")
        return date(2000 + int(y), months[m], int(d))

    late = overdue = 0
    for r in rows:
        due = r[col["Due date"]]
        if not due or "postmortem" not in r[col["Labels"]:col["Labels"] + 3]:
            continue
        if r[col["Resolved"]] and r[col["Status"]] == "Done" and day(r[col["Resolved"]]) > day(due):
            late += 1
        if r[col["Status Category"]] != "Done" and day(due) < end.date():
            overdue += 1
    assert late > 0 and overdue > 0


def test_recent_incidents_have_more_open_items_and_drafts():
    corpus = build(400, 7)
    old = [it for i in corpus.incidents if i.start.date() < END - timedelta(days=365) for it in i.items]
    new = [it for i in corpus.incidents if i.start.date() > END - timedelta(days=60) for it in i.items]
    share = lambda items, s: sum(it.status == s for it in items) / len(items)
    assert share(old, "done") > 0.7 and share(new, "open") > share(old, "open") + 0.3
    assert share(old, "wont_do") > 0
    statuses = lambda incs: [i.doc_status for i in incs]
    old_docs = statuses(i for i in corpus.incidents if i.start.date() < END - timedelta(days=180))
    new_docs = statuses(i for i in corpus.incidents if i.start.date() > END - timedelta(days=14))
    assert old_docs.count("Reviewed") / len(old_docs) > 0.8
    assert new_docs and "Reviewed" not in new_docs


def test_recurrence_both_after_fixes_and_while_open():
    corpus = build(200, 7)
    after_fix = while_open = 0
    for inc in corpus.incidents:
        prev = inc.repeat_of
        if prev is None:
            continue
        assert prev.cls == inc.cls and prev.team is inc.team and 0 <= (inc.start - prev.start).days <= 90
        if all(it.closed_at is not None and it.closed_at <= inc.start for it in prev.items):
            after_fix += 1
        else:
            while_open += 1
    assert after_fix > 0 and while_open > 0


def test_timings_are_plausible_and_detection_improves():
    corpus = build(2000, 11)
    real = [i for i in corpus.incidents if not i.near_miss]
    ttd = sorted((i.detect - i.start).total_seconds() / 60 for i in real)
    median = ttd[len(ttd) // 2]
    assert 4 <= median <= 12 and ttd[-1] >= 120
    assert all(i.start < i.detect < i.mitigate <= i.resolve for i in corpus.incidents)
    sev = [i.severity for i in real]
    assert 0.02 < sev.count("SEV-1") / len(sev) < 0.09 and 0.4 < sev.count("SEV-3") / len(sev) < 0.6
    assert any(i.detection == "customer" for i in real)
    plat = [i for i in real if i.team.name == "platform"]
    half = END - timedelta(days=365)

    def med(incs):
        v = sorted((i.detect - i.start).total_seconds() for i in incs)
        return v[len(v) // 2]

    assert med([i for i in plat if i.start.date() >= half]) < med([i for i in plat if i.start.date() < half])
    end_dt = datetime(2026, 10, 31, 23, 59)
    assert all(i.start >= datetime(2024, 11, 1) and i.resolve <= end_dt for i in corpus.incidents)
    assert all(t.created <= end_dt and t.updated <= end_dt for t in corpus.tickets)


def test_pagerduty_export_has_extra_incidents_without_postmortems(sample):
    root, _ = sample
    page = json.loads((root / "incidents" / "pagerduty-incidents.json").read_text("utf-8"))
    rows = page["incidents"]
    assert page["total"] == page["limit"] == len(rows) and page["offset"] == 0 and page["more"] is False
    iso = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
    for r in rows:
        assert re.fullmatch(r"P[A-Z0-9]{6}", r["id"]) and r["html_url"].endswith("/incidents/" + r["id"])
        assert iso.fullmatch(r["created_at"]) and iso.fullmatch(r["resolved_at"]) and r["created_at"] < r["resolved_at"]
        assert r["priority"]["summary"] in ("P1", "P2", "P3", "P4") and r["service"]["summary"]
    # Which PagerDuty incidents have a postmortem (ground truth from the generator).
    corpus = build(200, 7)
    linked = {i.pd["id"] for i in corpus.incidents if i.pd is not None}
    assert not any(i.near_miss and i.pd for i in corpus.incidents)
    extra = [r for r in rows if r["id"] not in linked]
    assert 0.10 <= len(extra) / len(rows) <= 0.16
    real = [i for i in corpus.incidents if not i.near_miss]
    assert 0.75 <= len(linked) / len(real) < 1.0
    # Front-matter documents name their PagerDuty incident, and it exists.
    ids = {r["id"] for r in rows}
    for p in _postmortems(root):
        front = _doc(p.read_text("utf-8"))["front"]
        if "pagerduty" in front:
            assert front["pagerduty"] in ids


def test_small_run(tmp_path):
    counts = generate(tmp_path, incidents=20, seed=1)
    assert counts["postmortems"] == len(_postmortems(tmp_path)) == 20
    keys = _ticket_keys(tmp_path)
    for p in _postmortems(tmp_path):
        for row in _doc(p.read_text("utf-8"))["items"]:
            assert not row[4] or row[4] in keys


def test_progress_is_reported(tmp_path):
    calls = []
    generate(tmp_path, incidents=30, seed=2, progress=lambda done, total: calls.append((done, total)))
    assert calls and calls[-1] == (30, 30)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_two_thousand_incidents_in_a_few_seconds(tmp_path):
    t0 = time.process_time()
    corpus = build(2000, seed=5)
    assert time.process_time() - t0 < 3.0          # ~0.4 s of CPU here
    assert len(corpus.incidents) == 2000
    t0 = time.process_time()
    counts = generate(tmp_path, incidents=2000, seed=5)
    assert time.process_time() - t0 < 8.0          # with 2,000 file creations: ~1-2 s of CPU here
    assert counts["postmortems"] == 2000
