"""`hindsight lint`: every rule on documents written here, the quality score's parts,
rules switched off in hindsight.yaml, the three output formats, the exit codes, and a
run over the shared conformance corpus that completes."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli

from loaders import lint
from loaders.detect import parse_text
from loaders.options import Options

ROOT = Path(__file__).resolve().parent.parent
CONFORMANCE = ROOT.parent / "shared" / "conformance" / "corpus"

CLEAN = """\
# Checkout errors after the pool change (2026-03-04)

## Summary
Checkout returned errors for 20 minutes after a connection-pool change.

## Impact
About 3% of checkouts failed between 14:02 and 14:22 UTC.

## Timeline (UTC)
- 14:00 Pool size change deployed to checkout-api
- 14:02 Error rate rises on checkout
- 14:05 PagerDuty alert fires; on-call acknowledges
- 14:22 Rollback complete; errors back to normal

## Contributing factors
1. The pool size was set by hand in two places.
2. The canary stage did not exercise the payment path.

## Action items
| # | Action | Owner | Due | Ticket |
|---|--------|-------|-----|--------|
| 1 | Move pool size into one config value | @lee | 2026-03-20 | OPS-101 |
| 2 | Add the payment path to the canary | @sam | 2026-03-27 | OPS-102 |
"""


# the same document with no zone anywhere (the Impact line's "UTC" would name it)
NO_ZONE = CLEAN.replace("## Timeline (UTC)", "## Timeline").replace("14:22 UTC.", "14:22.")
# and with no stated end of impact (the Impact line's range would give one)
NO_END = CLEAN.replace("between 14:02 and 14:22 UTC", "on the afternoon of 2026-03-04")


def check(text: str, disabled=frozenset()) -> lint.Result:
    record = parse_text(text, "pm.md", Options(lint_disabled=frozenset(disabled)))
    assert record["kind"] == "postmortem"
    return lint.Result(record["lint"]["score"], tuple(lint.Finding(**f) for f in record["lint"]["findings"]))


def rules(result: lint.Result) -> list[str]:
    return [f.rule for f in result.findings]


def without_section(text: str, heading: str) -> str:
    head, rest = text.split(heading + "\n", 1)
    tail = rest.split("\n## ", 1)
    return head + ("## " + tail[1] if len(tail) == 2 else "")


# --- a clean document, then one rule at a time -----------------------------------------

def test_a_complete_postmortem_is_clean_and_scores_100():
    r = check(CLEAN)
    assert r.findings == () and r.score == 100


@pytest.mark.parametrize("heading, rule", [
    ("## Summary", "anatomy-summary"), ("## Impact", "anatomy-impact"),
    ("## Contributing factors", "anatomy-factors"), ("## Action items", "anatomy-actions"),
])
def test_a_missing_section_is_an_anatomy_error(heading, rule):
    r = check(without_section(CLEAN, heading))
    assert rule in rules(r)
    f = next(f for f in r.findings if f.rule == rule)
    assert f.level == "error" and f.line == 1 and f.hint


def test_no_timeline_is_an_error_and_takes_the_times_with_it():
    r = check(without_section(NO_END, "## Timeline (UTC)"))
    assert {"anatomy-timeline", "detection-time", "mitigation-time"} <= set(rules(r))


def test_a_timeline_without_a_zone_is_a_warning_on_the_timeline_heading():
    r = check(NO_ZONE)
    f = next(f for f in r.findings if f.rule == "timeline-zone")
    assert f.level == "warning" and f.line == CLEAN.splitlines().index("## Timeline (UTC)") + 1
    assert r.score == 95


def test_no_detection_time():
    r = check(CLEAN.replace("- 14:05 PagerDuty alert fires; on-call acknowledges\n", ""))
    assert "detection-time" in rules(r) and "mitigation-time" not in rules(r)


def test_no_mitigation_time():
    r = check(NO_END.replace("- 14:22 Rollback complete; errors back to normal\n", ""))
    assert "mitigation-time" in rules(r)


@pytest.mark.parametrize("cell, rule", [("@lee", "action-owner"), ("2026-03-20", "action-due"),
                                        ("OPS-101", "action-ticket")])
def test_an_item_without_owner_due_or_ticket_is_flagged_on_its_line(cell, rule):
    text = CLEAN.replace(f" {cell} |", "  |", 1)
    r = check(text)
    f = next(f for f in r.findings if f.rule == rule)
    assert f.line == text.splitlines().index(next(ln for ln in text.splitlines() if ln.startswith("| 1 |"))) + 1
    # one of three parts missing on one of two items: 25/3/2 points
    assert r.score == round(100 - 25 / 3 / 2)


def test_an_owner_missing_is_an_error_a_ticket_or_due_date_a_warning():
    assert lint.RULES["action-owner"][0] == "error"
    assert lint.RULES["action-due"][0] == lint.RULES["action-ticket"][0] == "warning"


def test_one_contributing_factor_is_a_single_root_cause():
    r = check(CLEAN.replace("2. The canary stage did not exercise the payment path.\n", ""))
    f = next(f for f in r.findings if f.rule == "factors-min")
    assert f.line == CLEAN.splitlines().index("## Contributing factors") + 1 and r.score == 90


def test_a_blameful_sentence_is_flagged_with_its_rewrite():
    text = CLEAN.replace("About 3% of checkouts failed", "The on-call engineer forgot to run the canary. About 3% "
                                                      "of checkouts failed")
    r = check(text)
    f = next(f for f in r.findings if f.rule == "blame")
    assert f.level == "error" and f.line == text.splitlines().index(
        next(ln for ln in text.splitlines() if "forgot" in ln)) + 1
    assert "forgot" in f.text and "Rewrite:" in f.hint
    assert r.score == 90


def test_a_near_miss_needs_no_action_items():
    text = without_section(CLEAN, "## Action items").replace("# Checkout", "# Near miss: checkout")
    r = check(text)
    assert "anatomy-actions" not in rules(r) and r.score == 100


def test_an_incident_with_no_action_items_loses_the_items_points_too():
    r = check(without_section(CLEAN, "## Action items"))
    assert r.score == 100 - 8 - 25


# --- rules switched off ----------------------------------------------------------------

def test_a_switched_off_rule_is_not_reported_and_costs_nothing():
    r = check(NO_ZONE, {"timeline-zone"})
    assert r.findings == () and r.score == 100


def test_the_config_switches_rules_off(tmp_path):
    (tmp_path / "pm.md").write_text(NO_ZONE)
    (tmp_path / "hindsight.yaml").write_text("lint:\n  disable: [timeline-zone]\n")
    out = run_cli("lint", "--config", tmp_path / "hindsight.yaml", tmp_path / "pm.md")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "timeline-zone" not in out.stdout


def test_an_unknown_rule_in_the_config_is_a_usage_error(tmp_path):
    (tmp_path / "pm.md").write_text(CLEAN)
    (tmp_path / "hindsight.yaml").write_text("lint:\n  disable: [no-such-rule]\n")
    out = run_cli("lint", "--config", tmp_path / "hindsight.yaml", tmp_path / "pm.md")
    assert out.returncode == 2
    assert "no-such-rule" in out.stderr and "anatomy-summary" in out.stderr


# --- the command: exit codes and formats ---------------------------------------------

@pytest.fixture
def files(tmp_path):
    (tmp_path / "clean.md").write_text(CLEAN)
    (tmp_path / "warn.md").write_text(NO_ZONE)
    (tmp_path / "bad.md").write_text(without_section(CLEAN, "## Impact"))
    (tmp_path / "README.md").write_text("# Our postmortems\n\nOne file per incident.\n")
    return tmp_path


def test_exit_0_when_clean(files):
    out = run_cli("lint", files / "clean.md")
    assert out.returncode == 0 and "1 postmortem, 0 errors, 0 warnings" in out.stdout


def test_warnings_pass_unless_strict(files):
    assert run_cli("lint", files / "warn.md").returncode == 0
    assert run_cli("lint", "--strict", files / "warn.md").returncode == 1


def test_exit_1_on_an_error(files):
    out = run_cli("lint", files / "bad.md")
    assert out.returncode == 1
    assert f"{files / 'bad.md'}:1: error [anatomy-impact]" in out.stdout


def test_exit_2_on_a_missing_path(files):
    out = run_cli("lint", files / "nope.md")
    assert out.returncode == 2 and "no such file" in out.stderr


def test_exit_2_without_a_path():
    assert run_cli("lint").returncode == 2


def test_a_folder_is_searched_and_its_readme_left_out(files):
    out = run_cli("lint", "--format", "json", files)
    data = json.loads(out.stdout)
    assert sorted(Path(f["file"]).name for f in data["files"]) == ["bad.md", "clean.md", "warn.md"]
    assert out.returncode == 1


def test_json_format(files):
    out = run_cli("lint", "--format", "json", files / "bad.md", files / "clean.md")
    data = json.loads(out.stdout)
    bad = next(f for f in data["files"] if f["file"].endswith("bad.md"))
    assert bad["score"] == 92
    assert bad["findings"][0] == {"rule": "anatomy-impact", "line": 1, "level": "error",
                                  "message": "no impact section found",
                                  "hint": lint.RULES["anatomy-impact"][3], "text": None}
    assert data["summary"] == {"files": 2, "errors": 1, "warnings": 0, "median_score": 96}


def test_github_format_prints_workflow_annotations(files):
    out = run_cli("lint", "--format", "github", files / "bad.md", files / "warn.md")
    lines = out.stdout.splitlines()
    assert f"::error file={files / 'bad.md'},line=1,title=anatomy-impact::no impact section found. " \
           + lint.RULES["anatomy-impact"][3] in lines
    assert any(ln.startswith(f"::warning file={files / 'warn.md'},line=") and "title=timeline-zone" in ln
               for ln in lines)


def test_github_annotations_escape_what_would_end_them():
    r = {"a,b:c.md": lint.Result(50, (lint.Finding("blame", 3, "error", "50% of it\nnext", "fix"),))}
    assert lint.render(r, "github") == "::error file=a%2Cb%3Ac.md,line=3,title=blame::50%25 of it%0Anext. fix"


def test_a_file_that_is_not_a_postmortem_is_skipped(files):
    (files / "tickets.csv").write_text("Issue key,Summary,Status\nOPS-1,Fix it,Done\n")
    out = run_cli("lint", files / "clean.md", files / "tickets.csv")
    assert out.returncode == 0 and "tickets.csv: skipped" in out.stdout


# --- real documents ------------------------------------------------------------------

def lints_without_a_crash(folder: Path, at_least: int) -> None:
    out = run_cli("lint", "--format", "json", folder, timeout=300)
    assert out.returncode in (0, 1), out.stderr
    data = json.loads(out.stdout)
    assert len(data["files"]) >= at_least
    assert all(0 <= f["score"] <= 100 for f in data["files"])


@pytest.mark.skipif(not CONFORMANCE.is_dir(), reason="the shared conformance corpus is not beside the project")
def test_the_conformance_corpus_lints_without_a_crash():
    lints_without_a_crash(CONFORMANCE, 10)


def test_the_projects_own_real_documents_lint_without_a_crash():
    """167 real public postmortems (tests/corpus), in a dozen shapes and several languages:
    always beside the tests, wherever the repository is cloned."""
    lints_without_a_crash(ROOT / "tests" / "corpus", 160)
