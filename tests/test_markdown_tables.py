"""GFM tables written without their outer pipes (loaders/postmortem/markdown.py
with_outer_pipes), as html2text and pandoc write them."""
from loaders.postmortem import parse
from loaders.postmortem.markdown import with_outer_pipes


def test_rows_get_their_outer_pipes_line_for_line():
    lines = ["Before", "", "Action | Owner | Due", "---|---|---", "Fix it | Ann | 2025-04-01  ", "", "After | not a row"]
    assert with_outer_pipes(lines) == ["Before", "", "| Action | Owner | Due |", "| ---|---|--- |",
                                       "| Fix it | Ann | 2025-04-01 |", "", "After | not a row"]


def test_aligned_delimiters_and_half_piped_rows():
    lines = ["Time | Event |", ":--- | ---:", "09:00 | alert fires"]
    assert with_outer_pipes(lines) == ["| Time | Event |", "| :--- | ---: |", "| 09:00 | alert fires |"]


def test_what_is_no_table_is_left_alone():
    for lines in (["Intro", "---", "text"],                      # a setext heading / a rule
                  ["a | b | c", "---|---"],                       # a delimiter of another width
                  ["| a | b |", "|---|---|", "| 1 | 2 |"],      # piped already
                  ["a | b", "- | -"]):                            # a list item, not a delimiter
        assert with_outer_pipes(lines) == lines


def test_a_bare_table_of_action_items_is_read():
    doc = parse("# Review\n\n## Action items\n\nAction | Owner | Status\n---|---|---\n"
                "Alert on disk | Ann | Done\nCompact nightly | Bo | Open\n", "r.md")
    assert [(a["owner"], a["status"]) for a in doc["action_items"]] == [("Ann", "done"), ("Bo", "open")]
