"""GitHub issues JSON: REST list, search API, gh CLI, GraphQL, recorded fixtures."""
import json
from pathlib import Path

from loaders.formats import github

FIX = Path(__file__).parent / "fixtures" / "exports"


def load(name):
    return json.loads((FIX / name).read_text(encoding="utf-8"))


def by_key(result):
    return {t["key"]: t for t in result["tickets"]}


def test_sniffs_every_shape():
    for name in ("github_rest.json", "github_search.json", "gh_issue_list.json",
                 "github_recorded.json"):
        assert github.sniff_json(load(name)), name


def test_does_not_sniff_other_json():
    assert not github.sniff_json(load("jira_search.json"))
    assert not github.sniff_json(load("pagerduty_incidents.json"))
    assert not github.sniff_json(load("incidentio_incidents.json"))
    assert not github.sniff_json([])
    assert not github.sniff_json({"a": 1})
    assert not github.sniff_json(None)


def test_rest_list_happy_path():
    r = github.parse_json(load("github_rest.json"))
    assert r["kind"] == "tracker_export" and r["source"] == "github"
    assert r["problems"] == []
    t = by_key(r)["acme/status-page#41"]
    assert t["title"] == "Status page did not update during the outage"
    assert t["status"] == "open" and t["status_category"] == "todo"
    assert t["assignee"] == "kimora"
    assert t["labels"] == ["postmortem", "bug"]
    assert t["created_at"] == "2025-04-01T12:00:00Z"
    assert t["resolved_at"] is None
    assert t["url"] == "https://github.com/acme/status-page/issues/41"


def test_milestone_due_date_is_the_due():
    assert by_key(github.parse_json(load("github_rest.json")))[
        "acme/status-page#41"]["due"] == "2025-06-30"


def test_pull_requests_are_skipped():
    keys = set(by_key(github.parse_json(load("github_rest.json"))))
    assert "acme/status-page#40" not in keys
    assert len(keys) == 3


def test_closed_completed_is_done():
    t = by_key(github.parse_json(load("github_rest.json")))["acme/status-page#39"]
    assert t["status_category"] == "done"
    assert t["resolved_at"] == "2025-03-28T16:45:10Z"


def test_not_planned_is_wont_do():
    t = by_key(github.parse_json(load("github_rest.json")))["acme/status-page#38"]
    assert t["status_category"] == "wont_do"
    assert t["resolved_at"] == "2025-03-19T08:00:00Z"


def test_search_api_items():
    r = github.parse_json(load("github_search.json"))
    assert list(by_key(r)) == ["acme/infra#7"]


def test_gh_cli_camel_case():
    t = by_key(github.parse_json(load("gh_issue_list.json")))
    assert t["acme/alerts#12"]["status_category"] == "todo"
    assert t["acme/alerts#12"]["assignee"] == "pat-ops"
    assert t["acme/alerts#12"]["labels"] == ["runbook"]
    assert t["acme/alerts#12"]["created_at"] == "2025-02-01T09:00:00Z"
    assert t["acme/alerts#11"]["status_category"] == "wont_do"
    assert t["acme/alerts#10"]["status_category"] == "done"
    assert t["acme/alerts#10"]["resolved_at"] == "2025-01-18T17:30:00Z"
    assert t["acme/alerts#10"]["url"] == "https://github.com/acme/alerts/issues/10"


def test_recorded_fixture_pages():
    r = github.parse_json(load("github_recorded.json"))
    assert list(by_key(r)) == ["acme/queue#5", "acme/queue#4", "acme/queue#3"]
    assert [t["status_category"] for t in r["tickets"]] == ["todo", "todo", "done"]


def test_repo_from_api_url_when_no_html_url():
    doc = [{"url": "https://api.github.com/repos/o/r/issues/9", "number": 9,
            "title": "t", "state": "open"}]
    t = github.parse_json(doc)["tickets"][0]
    assert t["key"] == "o/r#9"
    assert t["url"] == "https://github.com/o/r/issues/9"


def test_graphql_nodes():
    doc = {"data": {"repository": {"issues": {"nodes": [
        {"number": 2, "title": "g", "state": "CLOSED", "stateReason": "DUPLICATE",
         "url": "https://github.com/o/g/issues/2", "createdAt": "2025-01-01T00:00:00Z",
         "labels": {"nodes": [{"name": "x"}]}, "assignees": {"nodes": [{"login": "me"}]}},
    ]}}}}
    t = github.parse_json(doc)["tickets"][0]
    assert t["key"] == "o/g#2" and t["status_category"] == "wont_do"
    assert t["labels"] == ["x"] and t["assignee"] == "me"


def test_gh_pr_list_output_is_not_issues():
    doc = [{"number": 5, "title": "pr", "state": "MERGED",
            "url": "https://github.com/o/r/pull/5"}]
    assert github.parse_json(doc)["tickets"] == []


def test_missing_repo_is_a_problem():
    r = github.parse_json([{"number": 3, "title": "t", "state": "open"}])
    assert r["tickets"][0]["key"] == "#3"
    assert r["problems"]


def test_bad_date_is_a_problem():
    r = github.parse_json([{"number": 3, "title": "t", "state": "open",
                            "html_url": "https://github.com/o/r/issues/3",
                            "created_at": "yesterday"}])
    assert r["tickets"][0]["created_at"] is None
    assert "yesterday" in r["problems"][0]["message"]


def test_unknown_state_is_a_problem():
    r = github.parse_json([{"number": 3, "title": "t", "state": "weird",
                            "html_url": "https://github.com/o/r/issues/3"}])
    assert r["tickets"][0]["status_category"] == "todo"
    assert "unknown status 'weird'" in r["problems"][0]["message"]


def test_duplicate_issues_across_pages_count_once():
    page = load("github_rest.json")
    assert len(github.parse_json([page, page])["tickets"]) == 3


def test_garbage_does_not_raise():
    for doc in (None, 5, "x", [1, 2], {"items": "nope"}, [{"number": "x", "title": 1}]):
        r = github.parse_json(doc)
        assert r["kind"] == "tracker_export" and r["tickets"] == []


def test_one_malformed_issue_is_a_problem_and_the_rest_load():
    doc = load("github_rest.json")
    doc[0]["labels"] = 7
    doc[2]["milestone"] = {"due_on": ["not", "a", "date"]}
    r = github.parse_json(doc)
    assert len(r["tickets"]) >= 2
    assert r["problems"]
