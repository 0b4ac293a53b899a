"""Wiki markups read as the markdown they stand for (loaders/postmortem/wiki_markup.py):
Jira's (and Confluence's older format), MediaWiki's and DokuWiki's."""
import pytest

from loaders.postmortem import parse
from loaders.postmortem.wiki_markup import (from_dokuwiki, from_jira_wiki, from_mediawiki, is_dokuwiki,
                                            is_jira_wiki, is_mediawiki)

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


def test_jira_and_textile_strike_through_is_markdowns_not_a_hyphenated_word_or_a_separator():
    assert from_jira_wiki(["h2. Actions", "h2. Notes", "# -Cap the queue (x-max-length 200k)- -- Sunil -- OPS-8",
                           "# Grow the re-used volumes -- Platform team"])[2:] == [
        "1. ~~Cap the queue (x-max-length 200k)~~ -- Sunil -- OPS-8", "1. Grow the re-used volumes -- Platform team"]


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


# ------------------------------------------------------------------------------ MediaWiki

MEDIAWIKI = ["{{Postmortem", "| date = 2025-02-18", "| severity = P1", "}}", "= Ledger failover stalled =",
             "== Timeline ==", "* '''07:01''' – writes fail on [[ledger-db]]", "** reads still served",
             "# <s>Set the TTL</s> — [[User:Ividal|Ines Vidal]], {{jira|DBA-412}}", "; What went well",
             ": the alert paged", "[[Category:Postmortems]]", "__TOC__"]


def test_mediawiki_lines_are_rewritten_one_for_one():
    assert from_mediawiki(MEDIAWIKI) == [
        "", "**date:** 2025-02-18", "**severity:** P1", "", "# Ledger failover stalled", "## Timeline",
        "- **07:01** – writes fail on ledger-db", "   - reads still served",
        "1. ~~Set the TTL~~ — Ines Vidal, DBA-412", "**What went well**", "- the alert paged", "", ""]


def test_a_mediawiki_table_is_a_pipe_table_on_the_same_lines():
    lines = ["== Timeline ==", "== Actions ==", '{| class="wikitable"', "! Time !! Event", "|-",
             "| 10:05 || Change starts", "|-", "| 10:31", "| Checkout times out", "|}", "after"]
    assert from_mediawiki(lines)[2:] == ["| Time | Event |", "|---|---|", "| | |", "| 10:05 | Change starts |",
                                         "| | |", "| 10:31 | Checkout times out |", "| | |", "", "after"]


def test_a_mediawiki_box_of_fields_is_read_as_fields():
    lines = ["== Summary ==", "== Impact ==", '{| class="wikitable"', '! colspan="2" | Incident summary', "|-",
             "| '''Date''' || 7 November 2024", "|-", "| '''Severity''' || SEV-2", "|}"]
    assert from_mediawiki(lines)[2:] == ["", "", "", "**Date:** 7 November 2024", "", "**Severity:** SEV-2", ""]


@pytest.mark.parametrize("lines", [
    ["# Postmortem", "== not a heading ==", "prose"],                          # one heading alone
    ["== Summary ==", "== Timeline ==", "plain prose, no wiki sign"],          # nothing says MediaWiki
    ["== Summary ==", "== Timeline ==", "[[link]]", "| a | b |", "|---|---|"],  # a markdown table
])
def test_text_that_is_not_mediawiki_is_left_alone(lines):
    assert not is_mediawiki(lines) and from_mediawiki(lines) is None


def test_a_mediawiki_page_is_read_with_its_fields_timeline_and_actions():
    got = parse("\n".join(MEDIAWIKI[:6] + ["All times are UTC.", "* '''07:01''' – writes start failing.",
                                          "* '''07:04''' – alert fires; the DBA is paged.",
                                          "* '''07:48''' – writes succeed again.", "== Follow-up actions ==",
                                          "# <s>Set the TTL</s> — Ines Vidal, {{jira|DBA-412}}",
                                          "# Add a runbook section — Henrik Karlsson, due 2025-03-07"]), "ledger.md")
    assert got["title"] == "Ledger failover stalled" and got["severity_level"] == 1
    assert got["detected_at"] == "2025-02-18T07:04:00Z" and got["mitigated_at"] == "2025-02-18T07:48:00Z"
    assert [(a["status"], a["owner"], a["ticket"]) for a in got["action_items"]] == [
        ("done", "Ines Vidal", "DBA-412"), ("open", "Henrik Karlsson", None)]


# ------------------------------------------------------------------------------- DokuWiki

DOKUWIKI = ["====== Resolver outage ======", "", "^ Severity | SEV1 |", "", "===== Timeline =====", "",
            "^ Time ^ Event ^", "| 13:42 | Lookups return ''SERVFAIL'' |", "", "===== Actions =====",
            "  * <del>Run the check on the host</del> //Ana// \\\\", "    * its detail", "  - a numbered one",
            "{{tag>postmortem dns}}"]


def test_dokuwiki_lines_are_rewritten_one_for_one():
    assert from_dokuwiki(DOKUWIKI) == [
        "# Resolver outage", "", "**Severity:** SEV1", "", "## Timeline", "| Time | Event |", "|---|---|",
        "| 13:42 | Lookups return `SERVFAIL` |", "", "## Actions", "- ~~Run the check on the host~~ _Ana_",
        "  - its detail", "1. a numbered one", ""]


@pytest.mark.parametrize("lines", [
    ["== Summary ==", "== Timeline ==", "prose"],               # a MediaWiki page's sections
    ["# Title", "===== Timeline =====", "===== Actions ====="],  # a markdown heading
    ["=====  =====", "Time   Event", "=====  ====="],           # reStructuredText's simple table
])
def test_text_that_is_not_dokuwiki_is_left_alone(lines):
    assert not is_dokuwiki(lines) and from_dokuwiki(lines) is None
