"""YAML front matter: every key, precedence over the body, and hostile YAML."""
import time

import pytest

from conftest import fixture_text

from loaders.postmortem import parse

DOC = parse(fixture_text("postmortems/front-matter.md"), "front-matter.md")


def test_id_from_front_matter():
    assert DOC["id"] == "INC-2025-0042"


def test_title_from_front_matter():
    assert DOC["title"] == "Queue backlog delays invoices"


def test_front_matter_wins_over_the_body():
    assert DOC["status"] == "In review"          # body says Draft
    assert DOC["severity"] == "SEV-3"            # body says SEV-1
    assert DOC["severity_level"] == 3
    assert DOC["incident_class"] == "capacity"   # body says database


def test_lists_and_owner():
    assert DOC["services"] == ["billing", "queue"]
    assert DOC["teams"] == ["payments"]
    assert DOC["owner"] == "@kim"


def test_timestamps_from_front_matter():
    assert DOC["started_at"] == "2025-11-30T23:40:00Z"
    assert DOC["detected_at"] == "2025-12-01T00:05:00Z"
    assert DOC["mitigated_at"] == "2025-12-01T01:10:00Z"
    assert DOC["resolved_at"] == "2025-12-01T02:00:00Z"
    assert set(DOC["timestamp_sources"].values()) == {"front_matter"}


def test_status_column_in_action_items():
    assert [a["status"] for a in DOC["action_items"]] == ["open", "done", "wont_do"]


def test_action_item_without_due_or_ticket():
    third = DOC["action_items"][2]
    assert third["owner"] == "@sam" and third["due"] is None and third["ticket"] is None


def test_action_item_with_empty_owner_cell():
    assert DOC["action_items"][1]["owner"] is None


def test_due_without_year_after_new_year():
    assert DOC["action_items"][0]["due"] == "2026-01-15"
    assert DOC["action_items"][1]["due"] == "2025-12-20"


def test_near_miss_true_in_front_matter():
    doc = parse("---\ntitle: Close call\nnear_miss: true\n---\n## Summary\nAlmost.\n", "n.md")
    assert doc["near_miss"] is True


def test_date_only_timestamp_stays_null():
    doc = parse("---\ntitle: T\ndate: 2025-01-02\ndetected_at: 2025-01-02\n---\n## Summary\nx\n", "d.md")
    assert doc["detected_at"] is None
    assert doc["date"] == "2025-01-02"


def test_offset_timestamp_converted_to_utc():
    doc = parse("---\ntitle: T\nstarted_at: 2025-01-02T10:00:00+02:00\n---\n## Summary\nx\n", "o.md")
    assert doc["started_at"] == "2025-01-02T08:00:00Z"


def test_broken_yaml_is_a_problem_with_a_line_and_the_body_still_parses():
    doc = parse("---\ntitle: [unclosed\nseverity: SEV-2\n---\n# Body title\n## Summary\nx\n", "b.md")
    assert doc["title"] == "Body title"
    problem = next(p for p in doc["problems"] if "YAML" in p["message"])
    assert problem["line"] is not None and 2 <= problem["line"] <= 4


def test_broken_yaml_still_gives_its_plain_fields():
    doc = parse("---\ndate: 2020-04-09\nauthors: @someone\nseverity: SEV-2\n---\n# Release broke builds\n"
                "## Summary\nBuilds failed.\n", "r.md")
    assert doc["date"] == "2020-04-09"
    assert doc["severity"] == "SEV-2"
    problem = next(p for p in doc["problems"] if "YAML" in p["message"])
    assert problem["line"] == 3 and "date, severity" in problem["message"]


def test_a_broken_value_is_left_out_of_what_is_salvaged():
    doc = parse("---\ntitle: [unclosed\ndate: 2021-05-06\n---\n# Body title\n## Summary\nx\n", "b.md")
    assert doc["title"] == "Body title"
    assert doc["date"] == "2021-05-06"


def test_ziggy_front_matter_reads_top_level_fields_and_dates():
    doc = parse('---\n.title = "Mirror outage",\n.date = @date("2024-02-12T00:00:00"),\n.custom = {\n'
                '    .severity = "SEV-1",\n}\n---\n\nThe mirror was down.\n', "z.smd")
    assert doc["title"] == "Mirror outage"
    assert doc["date"] == "2024-02-12"
    assert doc["severity"] is None   # a nested object's field is not the document's


def test_a_salvaged_empty_value_does_not_hide_a_later_one():
    doc = parse("---\ndate: ~\ndate: 2021-05-06\nauthors: @x\n---\n# T\n", "s.md")
    assert doc["date"] == "2021-05-06"


def test_front_matter_that_is_not_a_mapping():
    doc = parse("---\n- a\n- b\n---\n# T\n## Summary\nx\n", "l.md")
    assert any("not a mapping" in p["message"] for p in doc["problems"])


def test_alias_bomb_is_refused_quickly():
    bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for n in range(1, 10):
        prev = chr(ord("a") + n - 1)
        cur = chr(ord("a") + n)
        bomb.append(f"{cur}: &{cur} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]")
    text = "---\n" + "\n".join(bomb) + "\n---\n# Title\n## Summary\nx\n"
    t0 = time.process_time()
    doc = parse(text, "bomb.md")
    assert time.process_time() - t0 < 1.0
    assert any("aliases" in p["message"] for p in doc["problems"])
    assert doc["title"] == "Title"


def test_unterminated_front_matter_is_body():
    doc = parse("---\ntitle: x\n# Heading\n## Summary\ny\n", "u.md")
    assert doc["kind"] == "postmortem"


@pytest.mark.parametrize("text", [
    "id: INC-1\ntitle: Queue backlog\ndate: 2025-11-30\nseverity: 3\nnear_miss: false\nservices: [a, b]\nowner: \"@kim\"",
    "title: 'quoted: colon'\nnear_miss: yes\nteams: []\nempty:\n# a comment\n",
    "started_at: 2025-11-30T23:40:00Z\ncount: -4\nflag: On",
])
def test_simple_front_matter_reads_as_yaml_does(text):
    import yaml

    from loaders.postmortem import frontmatter

    fast = frontmatter._simple(text.splitlines())
    assert fast is not None
    slow = yaml.safe_load(text)
    for k, v in slow.items():
        if isinstance(v, (bool, int, list, type(None))) or isinstance(v, str):
            assert fast[k] == v, k
        else:  # dates and timestamps stay strings on the fast path; the parser reads both
            assert fast[k] == text.split(f"{k}: ", 1)[1].split("\n", 1)[0]


@pytest.mark.parametrize("text", [
    "services:\n  - a\n  - b", "a: &x 1\nb: *x", "a: b: c", "a: 1 # note", "a: |\n  text", "a: 1\na: 2",
])
def test_anything_else_goes_to_the_yaml_loader(text):
    from loaders.postmortem import frontmatter

    assert frontmatter._simple(text.splitlines()) is None


def test_written_and_reviewed_in_front_matter():
    doc = parse("---\ntitle: T\ndate: 2025-01-02\nwritten: 2025-01-04\nreview_date: 2025-01-09\n---\n## Summary\nx\n", "w.md")
    assert (doc["written_on"], doc["reviewed_on"]) == ("2025-01-04", "2025-01-09")


def test_nikola_metadata_in_an_opening_comment_is_front_matter():
    doc = parse("<!--\n.. title: Mirror down\n.. date: 2024-06-03 18:00:00 UTC\n.. tags:\n-->\n\nText.\n")
    assert doc["title"] == "Mirror down" and doc["date"] == "2024-06-03"


def test_an_opening_comment_that_is_not_nikola_metadata_stays_a_comment():
    doc = parse("<!--\nWrite the summary here.\n-->\n# Mirror down\n\nDate: 2024-06-03\n")
    assert doc["title"] == "Mirror down" and doc["date"] == "2024-06-03"


def test_pelican_metadata_is_front_matter_with_its_wrapped_values():
    doc = parse("Title: Mirror down\nDate: 2024-06-03 10:00\nSummary: the mirror\n"
                "    stopped syncing\n\nOn 3 June 2024 the mirror stopped.\n")
    assert doc["title"] == "Mirror down" and doc["date"] == "2024-06-03"


def test_a_metadata_line_that_does_not_open_with_title_is_not_pelican():
    # "Date: ... | Severity: ..." is the document's own metadata, read as it always was
    doc = parse("Date: 2025-04-22 | Severity: SEV-3\n\nAll times are UTC.\n")
    assert doc["date"] == "2025-04-22" and doc["severity_level"] == 3
