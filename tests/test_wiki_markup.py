"""Jira's wiki markup read as the markdown it stands for (loaders/postmortem/wiki_markup.py)."""
import pytest

from loaders.postmortem import parse
from loaders.postmortem.wiki_markup import from_jira_wiki, is_jira_wiki

JIRA = ["h1. Checkout down", "", "h2. Timeline", "||Time||Event||", "|10:00|Deploy|",
        "# First reason", "## Its detail", "* A point", "** A sub-point", "*Owner:* [~ann] {{cfg}}",
        "See [the runbook|https://wiki/run] (/) done", "{code:bash}", "h2. not a heading in code", "{code}"]


def test_each_line_is_rewritten_on_its_own():
    assert from_jira_wiki(JIRA) == [
        "# Checkout down", "", "## Timeline", "| Time | Event |", "|10:00|Deploy|",
        "1. First reason", "   1. Its detail", "- A point", "  - A sub-point", "**Owner:** @ann `cfg`",
        "See [the runbook](https://wiki/run) done", "```", "h2. not a heading in code", "```"]


@pytest.mark.parametrize("lines", [
    ["# Postmortem", "", "h1. is how Jira writes a heading", "h2. and a sub-heading", "|---|---|"],
    ["h1. One heading alone", "and prose"],
    ["# Title", "| a | b |"],
    ["h2. Timeline", "||Time||Event||", "```", "code", "```"],
])
def test_markdown_is_left_as_it_is(lines):
    assert not is_jira_wiki(lines) and from_jira_wiki(lines) is None


def test_a_heading_and_a_header_row_make_jira_markup():
    assert is_jira_wiki(["h2. Timeline", "||Time||Event||"])


def test_a_jira_description_is_read_with_its_fields():
    doc = "\n".join(["h1. Search down", "*Priority:* P1 - Highest", "", "h2. Timeline", "All times UTC, 4 May 2026.",
                     "||Time||Event||", "|09:00|Search returns errors; impact begins.|",
                     "|09:10|Alert fires; on-call paged.|", "|09:40|Index restored; search recovered.|",
                     "", "h2. Action items", "||Action||Owner||Due||", "|Add a canary|[~kim]|11/May/26|"])
    got = parse(doc, "desc.txt")
    assert got["title"] == "Search down" and got["severity_level"] == 1
    assert got["detected_at"] == "2026-05-04T09:10:00Z"
    assert got["action_items"][0]["owner"] == "@kim" and got["action_items"][0]["due"] == "2026-05-11"


def test_line_numbers_still_name_the_line_as_written():
    doc = "\n".join(["h1. Search down", "", "h2. Timeline", "||Time||Event||", "|09:00|Search down|",
                     "", "h2. Action items", "# Add a canary"])
    got = parse(doc, "desc.txt")
    assert got["action_items"][0]["line"] == 8
