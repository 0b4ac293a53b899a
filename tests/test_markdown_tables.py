"""Tables and headings as html2text and pandoc write them (loaders/postmortem/markdown.py):
GFM tables without their outer pipes (with_outer_pipes), grid tables (with_grid_tables),
headings with attributes ("## Summary {#summary}")."""
from loaders.postmortem import parse
from loaders.postmortem.markdown import with_outer_pipes


def test_rows_get_their_outer_pipes_line_for_line():
    lines = ["Before", "", "Action | Owner | Due", "---|---|---", "Fix it | Ann | 2025-04-01  ", "", "After | not a row"]
    assert with_outer_pipes(lines) == ["Before", "", "| Action | Owner | Due |", "| ---|---|--- |",
                                       "| Fix it | Ann | 2025-04-01 |", "", "After | not a row"]


def test_aligned_delimiters_and_half_piped_rows():
    lines = ["Time | Event |", ":--- | ---:", "09:00 | alert fires"]
    assert with_outer_pipes(lines) == ["| Time | Event |", "| :--- | ---: |", "| 09:00 | alert fires |"]


def test_a_right_aligned_first_column():
    lines = ["Due | Action", "--:|---", "2025-04-01 | Fix it"]
    assert with_outer_pipes(lines) == ["| Due | Action |", "| --:|--- |", "| 2025-04-01 | Fix it |"]


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


GRID = ["+-------+-------------------+", "| Time  | Event             |", "+=======+===================+",
        "| 02:05 | release rolled    |", "|       | out by the train  |", "+-------+-------------------+",
        "| 02:40 | first batch fails |", "+-------+-------------------+"]


def test_a_grid_table_becomes_a_pipe_table_line_for_line():
    from loaders.postmortem.markdown import with_grid_tables
    assert with_grid_tables(GRID) == ["", "| Time | Event |", "|---|---|", "| 02:05 | release rolled out by the train |",
                                      "| | |", "| | |", "| 02:40 | first batch fails |", ""]


def test_a_grid_tables_wrapped_rows_are_one_timeline_entry_each():
    doc = parse("# Review\n\n## Timeline\n\nAll times UTC, 12 March 2024.\n\n" + "\n".join(GRID) + "\n", "r.md")
    assert [(e["at"], e["text"]) for e in doc["timeline"]] == [
        ("2024-03-12T02:05:00Z", "release rolled out by the train"), ("2024-03-12T02:40:00Z", "first batch fails")]


def test_an_unfinished_grid_is_left_alone():
    from loaders.postmortem.markdown import with_grid_tables
    lines = ["+---+---+", "| a | b |", "and prose"]
    assert with_grid_tables(lines) == lines


def test_heading_attributes_are_not_the_heading():
    doc = parse("# Disk full {#disk-full .page-title}\n\n## Timeline {#timeline}\n\n- 09:00 UTC alert fires\n", "r.md")
    assert doc["title"] == "Disk full" and doc["sections"]["timeline"] == 3


def test_a_table_set_in_plain_text_becomes_a_pipe_table_line_for_line():
    from loaders.postmortem.markdown import with_text_tables
    lines = ["Actions", "", "#   Action            Owner        Status", "1   Fix the check     Ana Ribeiro  Done",
             "    before deploy", "2   Add an alert      Jon Ek       Open", "", "After"]
    assert with_text_tables(lines) == [
        "Actions", "| # | Action | Owner | Status |", "|---|---|---|---|",
        "| 1 | Fix the check before deploy | Ana Ribeiro | Done |", "| | | | |",
        "| 2 | Add an alert | Jon Ek | Open |", "", "After"]


def test_prose_with_runs_of_spaces_is_no_table_in_text():
    from loaders.postmortem.markdown import with_text_tables
    for lines in (["", "We  rolled  back  the deploy.", "It  took  ten minutes to  finish."],   # sentences
                  ["", "Owner   Status   Due", "", "Ana   open"],                             # a header, no rows
                  ["", "Owner   Status   Due", "the fix shipped  after a long review  today",
                   "and nobody  owned the  alert"]):                                             # rows not lined up
        assert with_text_tables(lines) == lines
