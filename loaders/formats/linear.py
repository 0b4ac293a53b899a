"""Linear CSV exports -> tickets.

Reads both shapes Linear has written: the older export whose dates are JavaScript
``Date.toString()`` (``Tue Aug 23 2022 13:54:01 GMT+0000 (GMT)``) and the newer one
with ISO dates and 30-odd columns. Columns used: ID, Title, Status, Assignee, Labels
(several in one cell, comma separated), Created, Started, Completed, Canceled,
Due Date, Priority, Team, and a URL column when there is one.

Status names are Linear's workflow states (Backlog, Triage, Todo, In Progress,
In Review, Done, Canceled, Duplicate...). A team's own state name that we do not know
is placed by the timestamps Linear sets per state type: Canceled -> wont_do,
Completed -> done, Started -> in_progress. ``resolved_at`` is Completed, else
Canceled, for done and wont_do tickets only.
"""
from __future__ import annotations

from loaders.formats.format import CSV, TRACKER, Format
from loaders.formats.shapes import ticket, tracker_result
from loaders.formats.tabular import (aliases, cell, close_notes, dedupe, failed, keyed_rows, note_once,
    quiet_false, read_csv, split_header, split_list)
from loaders.problems import error
from loaders.statuses import categorize, normalize
from loaders.timeparse import read_day, read_time

SOURCE = "linear"

COLUMNS = {
    "key": aliases("ID", "Identifier", "Issue ID"),
    "title": aliases("Title"),
    "status": aliases("Status", "State", "Workflow State"),
    "assignee": aliases("Assignee", "Assignee Email", "Assignee Name"),
    "labels": aliases("Labels", "Label"),
    "created": aliases("Created", "Created At"),
    "started": aliases("Started", "Started At"),
    "completed": aliases("Completed", "Completed At"),
    "canceled": aliases("Canceled", "Cancelled", "Canceled At", "Cancelled At"),
    "due": aliases("Due Date", "Due", "Due At"),
    "priority": aliases("Priority"),
    "team": aliases("Team"),
    "url": aliases("URL", "Url", "Link", "Issue URL"),
}

MARKERS = aliases(
    "Team", "Cycle Number", "Cycle Name", "Cycle Start", "Cycle End", "Creator",
    "Estimate", "Project", "Project ID", "Completed", "Canceled", "Started", "Triaged",
    "Archived", "Roadmaps", "Parent issue", "Milestone", "Project Milestone",
    "Project Milestone ID", "SLA Status", "Initiatives", "Due Date")


def _find_column(header: list[str], names) -> int | None:
    for i, h in enumerate(header):
        if normalize(h) in names:
            return i
    return None


@quiet_false
def sniff_csv(header: list[str]) -> bool:
    """True for a Linear CSV header: ID, Title, Status and Linear's own columns."""
    names = {normalize(c) for c in split_header(header)}
    needed = all(names & COLUMNS[r] for r in ("key", "title", "status"))
    return needed and len(names & MARKERS) >= 3


def _guess_category(completed: str | None, canceled: str | None, started: str) -> str | None:
    if canceled:
        return "wont_do"
    if completed:
        return "done"
    if started:
        return "in_progress"
    return None


@failed("tracker_export", SOURCE, "tickets")
def parse_csv(text: str, overrides: dict | None = None) -> dict:
    """A Linear CSV export's text -> tracker_export result. ``overrides`` maps status
    words to categories."""
    header, records, problems = read_csv(text)
    cols = {role: _find_column(header, names) for role, names in COLUMNS.items()}
    if cols["key"] is None:
        problems.append(error(1, "no ID column"))
        return tracker_result(SOURCE, [], problems)
    tickets, seen = [], {}
    for line, row, key in keyed_rows(records, len(header), lambda r: cell(r, cols["key"]),
                                     problems, "ID"):
        tickets.append(_read_row(key, row, line, cols, overrides, problems, seen))
    close_notes(seen)
    return tracker_result(SOURCE, tickets, problems)


def _read_row(key, row, line, cols, overrides, problems, seen) -> dict:
    times, bad = {}, []
    for role in ("created", "started", "completed", "canceled"):
        times[role], err = read_time(cell(row, cols[role]))
        if err:
            bad.append(f"{key}: {role}: {err}")
    due, err = read_day(cell(row, cols["due"]))
    if err:
        bad.append(f"{key}: due date: {err}")
    problems.extend(error(line, m) for m in bad)
    status = cell(row, cols["status"])
    cat, problem = categorize(status, overrides=overrides)
    if problem:
        hint = _guess_category(times["completed"], times["canceled"], times["started"])
        if hint:
            cat, problem = hint, None
    if problem:
        note_once(seen, problems, line, problem, "warning")
    closed = times["completed"] or times["canceled"]
    return ticket(key, cell(row, cols["title"]), status, cat,
                  assignee=cell(row, cols["assignee"]),
                  created_at=times["created"],
                  resolved_at=closed if cat in ("done", "wont_do") else None, due=due,
                  labels=dedupe(split_list(cell(row, cols["labels"]), ",")),
                  url=cell(row, cols["url"]),
                  priority=cell(row, cols["priority"]) or None,
                  team=cell(row, cols["team"]) or None, line=line)


FORMATS = (
    Format("linear-csv", TRACKER, CSV, sniff_csv, lambda text, options: parse_csv(text, options.status_map)),
)
