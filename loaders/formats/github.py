"""GitHub issues JSON -> tickets.

Reads, as parsed JSON:
- the REST list ``GET /repos/o/r/issues`` (a JSON array of issues, snake_case);
- the search API ``{"total_count": n, "items": [...]}``;
- ``gh issue list --json number,title,state,stateReason,url,createdAt,closedAt,...``
  (camelCase, ``OPEN`` / ``CLOSED``);
- GraphQL ``{"data": {"repository": {"issues": {"nodes": [...]}}}}``;
- recordings of those responses: a list of ``{"response": ...}`` entries (nock /
  octokit fixtures), one per page.

Pull requests (a ``pull_request`` key, ``isPullRequest``, a ``/pull/`` URL) are not
issues and are skipped. Open -> todo; closed -> done; closed as ``not_planned`` or
``duplicate`` -> wont_do. The key is ``owner/repo#N``, the repository taken from the
issue's URL. ``due`` is the milestone's due date when the issue has one.
"""
from __future__ import annotations

import json
import re

from loaders.formats.format import JSON, TRACKER, Format
from loaders.formats.shapes import ticket, tracker_result
from loaders.formats.tabular import as_list, close_notes, dedupe, failed, guarded, note_once, quiet_false
from loaders.problems import error
from loaders.statuses import categorize
from loaders.timeparse import read_day, read_time

SOURCE = "github"

_API_URL = re.compile(r"/repos/([^/\s]+)/([^/\s]+)/(?:issues|pulls)/(\d+)")
_HTML_URL = re.compile(r"^https?://[^/]+/([^/\s]+)/([^/\s]+)/(?:issues|pull)/(\d+)")
_REPO_URL = re.compile(r"/repos/([^/\s]+)/([^/\s]+)/?$")
_CONTAINERS = ("items", "response", "issues", "nodes", "edges", "node", "data",
               "repository", "search", "body")


def _is_issue(obj) -> bool:
    if not isinstance(obj, dict) or "title" not in obj:
        return False
    number = obj.get("number")
    if isinstance(number, bool) or not (isinstance(number, int)
                                        or (isinstance(number, str) and number.isdigit())):
        return False
    return any(k in obj for k in ("state", "html_url", "url", "createdAt", "created_at"))


def is_pull_request(obj: dict) -> bool:
    """True for a pull request in any of the shapes above."""
    if obj.get("pull_request") or obj.get("isPullRequest") is True:
        return True
    if obj.get("__typename") == "PullRequest":
        return True
    for k in ("html_url", "url"):
        v = obj.get(k)
        if isinstance(v, str) and ("/pull/" in v or "/pulls/" in v):
            return True
    return False


def _collect(doc, out: list, depth: int = 0) -> None:
    """Append every issue-shaped object found in ``doc`` (lists, pages, recordings)."""
    if depth > 8:
        return
    if isinstance(doc, str) and doc[:1] and doc[:1] in "[{" and depth:
        try:
            doc = json.loads(doc)
        except ValueError:
            return
    if isinstance(doc, list):
        for item in doc:
            if _is_issue(item):
                out.append(item)
            else:
                _collect(item, out, depth + 1)
    elif isinstance(doc, dict):
        if _is_issue(doc):
            out.append(doc)
            return
        for k in _CONTAINERS:
            if k in doc:
                _collect(doc[k], out, depth + 1)


def find_issues(doc) -> list[dict]:
    """Every issue or pull-request object in a parsed GitHub JSON document."""
    out: list = []
    _collect(doc, out)
    return out


@quiet_false
def sniff_json(doc) -> bool:
    """True when the document holds GitHub issues in one of the shapes above."""
    return bool(find_issues(doc))


def _find_repo(issue: dict) -> str | None:
    """``owner/repo`` from the issue's URLs or repository field."""
    for k in ("html_url", "url"):
        v = issue.get(k)
        if isinstance(v, str):
            m = _API_URL.search(v) or _HTML_URL.match(v)
            if m:
                return f"{m.group(1)}/{m.group(2)}"
    v = issue.get("repository_url")
    if isinstance(v, str):
        m = _REPO_URL.search(v)
        if m:
            return f"{m.group(1)}/{m.group(2)}"
    repo = issue.get("repository")
    if isinstance(repo, dict):
        return repo.get("full_name") or repo.get("nameWithOwner")
    if isinstance(repo, str) and "/" in repo:
        return repo
    return None


def _make_url(issue: dict, repo: str | None, number) -> str | None:
    if isinstance(issue.get("html_url"), str):
        return issue["html_url"]
    url = issue.get("url")
    if isinstance(url, str) and url:
        if "/repos/" not in url:
            return url
        if repo and "api.github.com" in url:
            return f"https://github.com/{repo}/issues/{number}"
    return None


def _read_names(value, field: str) -> list[str]:
    """Names from ``[{"name": ...}]``, ``["..."]`` or ``{"nodes": [...]}``."""
    if isinstance(value, dict):
        value = as_list(value.get("nodes")) or [
            e.get("node") for e in as_list(value.get("edges")) if isinstance(e, dict)]
    out = []
    for v in as_list(value):
        if isinstance(v, dict) and v.get(field):
            out.append(str(v[field]))
        elif isinstance(v, str) and v:
            out.append(v)
    return out


def _read_assignee(issue: dict) -> str | None:
    a = issue.get("assignee")
    if isinstance(a, dict) and a.get("login"):
        return a["login"]
    if isinstance(a, str) and a:
        return a
    names = _read_names(issue.get("assignees"), "login")
    return names[0] if names else None


def _get_first(issue: dict, *keys):
    for k in keys:
        if issue.get(k) is not None:
            return issue[k]
    return None


@failed("tracker_export", SOURCE, "tickets")
def parse_json(doc, overrides: dict | None = None) -> dict:
    """Parsed GitHub issues JSON -> tracker_export result (issues only, no PRs)."""
    tickets, problems, seen, keys = [], [], {}, set()
    for issue in find_issues(doc):
        if is_pull_request(issue):
            continue
        t = guarded(lambda: _read_issue(issue, overrides, problems, seen),
                    f"issue {issue.get('number')}", problems)
        if t is None or t["key"] in keys:
            continue
        keys.add(t["key"])
        tickets.append(t)
    close_notes(seen)
    return tracker_result(SOURCE, tickets, problems)


def _read_issue(issue, overrides, problems, seen) -> dict:
    number = int(issue["number"])
    repo = _find_repo(issue)
    key = f"{repo}#{number}" if repo else f"#{number}"
    if not repo:
        problems.append(error(None, f"issue #{number}: no repository "
                                                  "in its URL"))
    state = str(issue.get("state") or "")
    reason = _get_first(issue, "state_reason", "stateReason")
    cat, problem = categorize(state, reason or None, overrides=overrides)
    if problem:
        note_once(seen, problems, None, problem, "warning")
    created, bad_c = read_time(_get_first(issue, "created_at", "createdAt"))
    closed, bad_r = read_time(_get_first(issue, "closed_at", "closedAt"))
    milestone = issue.get("milestone") if isinstance(issue.get("milestone"), dict) else {}
    due, bad_d = read_day(_get_first(milestone, "due_on", "dueOn"))
    for name, bad in (("created", bad_c), ("closed", bad_r), ("milestone due", bad_d)):
        if bad:
            problems.append(error(None, f"{key}: {name}: {bad}"))
    return ticket(key, str(issue.get("title") or ""), state, cat,
                  assignee=_read_assignee(issue), created_at=created,
                  resolved_at=closed if cat in ("done", "wont_do") else None, due=due,
                  labels=dedupe(_read_names(issue.get("labels"), "name")),
                  url=_make_url(issue, repo, number), resolution=reason or None,
                  number=number)


FORMATS = (
    Format("github-json", TRACKER, JSON, sniff_json, lambda doc, options: parse_json(doc, options.status_map)),
)
