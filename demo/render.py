"""Rendering the generated history in the shapes real teams export: postmortems in the
house format and with YAML front matter, a Jira CSV, GitHub issues JSON, a PagerDuty
incidents page, and the demo's hindsight.yaml."""
from __future__ import annotations

import csv
import io
import json
from datetime import datetime

from demo.records import Incident, Item, Ticket
from demo.scenarios import CLASS_NOTES, TAXONOMY, TEAMS
from demo.text import hm, iso, jira_date, jira_dt, mon_d, yaml_str, ymdhm


# --------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------
def _timeline_table(inc: Incident) -> list[str]:
    full = any(dt.date() != inc.start.date() for dt, _ in inc.rows)
    if full:
        out = ["| Time | Event |", "|------|-------|"]
        out += [f"| {ymdhm(dt)} | {text} |" for dt, text in inc.rows]
    else:
        out = ["| Time  | Event |", "|-------|-------|"]
        out += [f"| {hm(dt)} | {text} |" for dt, text in inc.rows]
    return out


def _owner_cell(item: Item) -> str:
    return item.owner


def _ticket_cell(item: Item) -> str:
    return item.ticket.key if item.ticket else ""


def render_house(inc: Incident) -> str:
    d = inc.start.date().isoformat()
    heading = inc.title if inc.near_miss else "Postmortem: " + inc.title
    lines = [f"# {heading} ({d})", ""]
    meta = [f"**Status:** {inc.doc_status}"]
    if inc.near_miss:
        meta.append("**Type:** Near miss")
    if inc.severity:
        meta.append(f"**Severity:** {inc.severity}")
    meta.append(f"**Owner:** @{inc.owner}")
    meta.append(f"**Team:** {inc.team.name}")
    if inc.show_class:
        meta.append(f"**Class:** {inc.cls}")
    if inc.written:
        meta.append(f"**Written:** {inc.written.isoformat()}")
    if inc.reviewed:
        meta.append(f"**Reviewed:** {inc.reviewed.isoformat()}")
    lines += [" | ".join(meta), "", "## Summary", inc.summary, "", "## Impact"]
    lines += [f"- {b}" for b in inc.impact]
    if inc.pd is not None and inc.pd_ref:
        lines.append(f"- PagerDuty: [{inc.pd['id']}]({inc.pd['html_url']})")
    lines += ["", "## Timeline (UTC)"] + _timeline_table(inc)
    lines += ["", "## Contributing factors (the 5 whys)"]
    lines += [f"{i}. {f}" for i, f in enumerate(inc.factors, 1)]
    lines.append(f"-> Systemic, not personal: {inc.systemic}")
    if inc.near_miss:
        lines += ["", "## Where we got lucky"] + [f"- {b}" for b in inc.lucky]
    lines += ["", "## Action items", "| # | Action | Owner | Due | Ticket |", "|---|--------|-------|-----|--------|"]
    for i, it in enumerate(inc.items, 1):
        due = mon_d(it.due) if it.due else ""
        lines.append(f"| {i} | {it.text} | {_owner_cell(it)} | {due} | {_ticket_cell(it)} |")
    lines += ["", "## What went well"] + [f"- {b}" for b in inc.went_well]
    if inc.blame:
        lines += ["", "## Discussion", inc.blame]
    return "\n".join(lines) + "\n"


def render_yaml(inc: Incident) -> str:
    fm = ["---", f"id: {inc.inc_id}", f"title: {yaml_str(inc.title)}", f"date: {inc.start.date().isoformat()}"]
    if inc.severity:
        fm.append(f"severity: {inc.severity}")
    fm.append(f"status: {inc.doc_status}")
    if inc.show_class:
        fm.append(f"class: {inc.cls}")
    fm.append(f"near_miss: {'true' if inc.near_miss else 'false'}")
    fm.append("services: [" + ", ".join(inc.services) + "]")
    fm.append(f"teams: [{inc.team.name}]")
    fm.append(f'owner: "@{inc.owner}"')
    if inc.pd is not None:
        fm.append(f"pagerduty: {inc.pd['id']}")
    if inc.written:
        fm.append(f"written: {inc.written.isoformat()}")
    if inc.reviewed:
        fm.append(f"reviewed: {inc.reviewed.isoformat()}")
    fm += [f"started_at: {iso(inc.start)}", f"detected_at: {iso(inc.detect)}",
           f"mitigated_at: {iso(inc.mitigate)}", f"resolved_at: {iso(inc.resolve)}", "---"]
    lines = fm + [f"# {inc.title}", "", "## Summary", inc.summary, "", "## Impact"]
    lines += [f"- {b}" for b in inc.impact]
    lines += ["", "## Timeline (UTC)"] + _timeline_table(inc)
    lines += ["", "## Contributing factors"] + [f"{i}. {f}" for i, f in enumerate(inc.factors, 1)]
    lines += ["", f"Systemic, not personal: {inc.systemic}"]
    if inc.near_miss:
        lines += ["", "## Where we got lucky"] + [f"- {b}" for b in inc.lucky]
    lines += ["", "## Action items", "| # | Action | Owner | Due | Ticket | Status |",
              "|---|--------|-------|-----|--------|--------|"]
    for i, it in enumerate(inc.items, 1):
        due = it.due.isoformat() if it.due else ""
        lines.append(f"| {i} | {it.text} | {_owner_cell(it)} | {due} | {_ticket_cell(it)} | {it.doc_status} |")
    lines += ["", "## What went well"] + [f"- {b}" for b in inc.went_well]
    if inc.blame:
        lines += ["", "## Discussion", inc.blame]
    return "\n".join(lines) + "\n"


JIRA_HEADER = ["Summary", "Issue key", "Issue id", "Issue Type", "Status", "Project key", "Priority",
               "Resolution", "Assignee", "Reporter", "Created", "Updated", "Resolved", "Due date",
               "Labels", "Labels", "Labels", "Sprint", "Description", "Status Category",
               "Status Category Changed"]
SPRINT_EPOCH = datetime(2023, 1, 2)


def render_jira(tickets: list[Ticket]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(JIRA_HEADER)
    for tk in sorted((t for t in tickets if t.team.tracker == "jira"), key=lambda t: -t.issue_id):
        category = {"To Do": "To Do", "In Progress": "In Progress", "In Review": "In Progress"}.get(tk.state, "Done")
        resolution = {"Done": "Done", "Won't Do": "Won't Do"}.get(tk.state, "")
        labels = (tk.labels + ["", "", ""])[:3]
        sprint = ""
        if tk.state != "To Do" or tk.issue_id % 3 == 0:
            n = (tk.cat_changed - SPRINT_EPOCH).days // 14 + 1
            sprint = f"{tk.team.project} Sprint {n}"
        w.writerow([
            tk.title, tk.key, tk.issue_id, tk.issue_type, tk.state, tk.team.project, tk.priority, resolution,
            tk.assignee[1] if tk.assignee else "", tk.reporter[1], jira_dt(tk.created), jira_dt(tk.updated),
            jira_dt(tk.resolved) if tk.resolved else "", jira_date(tk.due) if tk.due else "",
            *labels, sprint, tk.description, category, jira_dt(tk.cat_changed),
        ])
    return buf.getvalue()


LABEL_COLORS = {"postmortem": "d73a4a", "incident-followup": "fbca04"}


def render_github(tickets: list[Ticket]) -> str:
    out = []
    for tk in sorted((t for t in tickets if t.team.tracker == "github"), key=lambda t: (t.created, t.number),
                     reverse=True):
        repo = tk.team.project
        closed = tk.state in ("Done", "Won't Do")
        kind = "pull" if tk.is_pr else "issues"
        obj = {
            "url": f"https://api.github.com/repos/{repo}/issues/{tk.number}",
            "repository_url": f"https://api.github.com/repos/{repo}",
            "html_url": f"https://github.com/{repo}/{kind}/{tk.number}",
            "id": tk.issue_id,
            "number": tk.number,
            "title": tk.title,
            "user": {"login": tk.reporter[0], "type": "User"},
            "labels": [{"name": lb, "color": LABEL_COLORS.get(lb, "c5def5")} for lb in tk.labels],
            "state": "closed" if closed else "open",
            "locked": False,
            "assignee": {"login": tk.assignee[0], "type": "User"} if tk.assignee else None,
            "assignees": [{"login": tk.assignee[0], "type": "User"}] if tk.assignee else [],
            "milestone": None,
            "comments": tk.issue_id % 7,
            "created_at": iso(tk.created),
            "updated_at": iso(tk.updated),
            "closed_at": iso(tk.resolved) if closed and tk.resolved else None,
            "author_association": "MEMBER",
            "body": tk.description or None,
            "state_reason": ("completed" if tk.state == "Done" else "not_planned" if tk.state == "Won't Do" else None),
        }
        if tk.is_pr:
            obj["pull_request"] = {
                "url": f"https://api.github.com/repos/{repo}/pulls/{tk.number}",
                "html_url": f"https://github.com/{repo}/pull/{tk.number}",
                "merged_at": iso(tk.resolved) if tk.state == "Done" and tk.resolved else None,
            }
            obj["state_reason"] = None
        out.append(obj)
    return _json_lines(out)


def _json_lines(objs: list) -> str:
    """A JSON array with one compact object per line (the C encoder; indent= is 10x slower)."""
    if not objs:
        return "[]\n"
    return "[\n" + ",\n".join(json.dumps(o, ensure_ascii=False) for o in objs) + "\n]\n"


def render_pd(rows: list[dict]) -> str:
    body = _json_lines(rows).rstrip("\n")
    return (f'{{"incidents": {body},\n"limit": {len(rows)}, "offset": 0, "more": false, "total": {len(rows)}}}\n')


def render_config() -> str:
    def q(s: str) -> str:
        return json.dumps(s)

    def sq(s: str) -> str:
        return "'" + s.replace("'", "''") + "'"

    lines = [
        "# Hindsight configuration for the generated demo corpus (written by the demo/ package).",
        "# Paths are relative to this file's folder.",
        "",
        "database: ../hindsight.duckdb         # the DuckDB file ingest builds (here: data/hindsight.duckdb)",
        "timezone: UTC                         # zone for times written without one",
        "",
        "sources:                              # glob patterns for each kind of input",
        '  postmortems: ["postmortems/**/*.md"]          # postmortem documents (house format and front matter)',
        '  trackers: ["trackers/*.csv", "trackers/*.json"] # Jira CSV and GitHub issues JSON exports',
        '  incidents: ["incidents/*.json"]              # PagerDuty GET /incidents export',
        "",
        "taxonomy:                             # incident classes, tried in this order when a document names no class",
        "  # keywords: case-insensitive substrings; patterns: case-insensitive regular expressions.",
        "  # Both are matched against the title, summary and contributing factors.",
    ]
    for name, rules in TAXONOMY.items():
        lines.append(f"  {name}:                # {CLASS_NOTES[name]}")
        lines.append("    keywords: [" + ", ".join(q(k) for k in rules["keywords"]) + "]   # substrings")
        lines.append("    patterns: [" + ", ".join(sq(p) for p in rules["patterns"]) + "]   # regexes")
    lines += [
        "",
        "sla_days:                             # action-item deadline (days after creation) when an item has no due date",
        "  1: 14                               # SEV-1",
        "  2: 30                               # SEV-2",
        "  default: 60                         # every other severity, and unknown",
        "",
        "recurrence_window_days: 90            # a same-class incident within this many days counts as a repeat",
        "min_sample: 10                        # below this many incidents per bucket, show \"not enough data\"",
        "",
        "jira_base_url: https://jira.acme.example   # Jira keys (PAY-12) link to <url>/browse/KEY",
        "people:                               # one person, however a document or tracker names them",
    ]
    lines += [f"  {yaml_str(name)}: [{q('@' + handle)}]" for team in TEAMS for handle, name in team.people]
    return "\n".join(lines) + "\n"
