"""AsciiDoc and Org read as the markdown they stand for (loaders/postmortem/other_markup.py)."""
import pytest

from loaders.postmortem import parse
from loaders.postmortem.other_markup import as_markdown, from_asciidoc, from_org, from_rst, is_asciidoc, is_org, is_rst

ADOC = ["= Disk filled", ":status: Final", "", "== Timeline", "", '[cols="1,3",options="header"]', "|===",
        "| Time | Event", "| 09:12 | Disk at 95%", "| 09:41", "| Alert pages on-call", "|===", "",
        "== Actions", ". Compact nightly", ".. Then weekly", "* A *point*", "** A sub-point", "----",
        "== not a heading in a listing", "----", "// a comment", "See link:https://wiki/run[the runbook] -- now"]


def test_asciidoc_each_line_is_rewritten_where_it_stands():
    assert from_asciidoc(ADOC) == [
        "# Disk filled", "**status:** Final", "", "## Timeline", "", "", "| Time | Event |",
        "|---|---|", "| 09:12 | Disk at 95% |", "", "| 09:41 | Alert pages on-call |", "", "",
        "## Actions", "1. Compact nightly", "   1. Then weekly", "- A **point**", "  - A sub-point", "```",
        "== not a heading in a listing", "```", "", "See [the runbook](https://wiki/run) — now"]


def test_asciidoc_keeps_the_number_of_lines():
    assert len(from_asciidoc(ADOC)) == len(ADOC)


def test_a_table_without_cols_takes_its_width_from_the_first_row():
    out = from_asciidoc(["== A", "== B", "|===", "| Action | Owner | Due", "| Fix | Ann | 2025-04-01", "|==="])
    assert out[2:5] == ["| Action | Owner | Due |", "|---|---|---|", "| Fix | Ann | 2025-04-01 |"]


@pytest.mark.parametrize("lines", [
    ["# Title", "", "== not AsciiDoc when markdown headings are there", "== twice"],
    ["= One title", "and prose, no section"],
    ["A line", "== one section alone"],
])
def test_not_asciidoc(lines):
    assert not is_asciidoc(lines) and from_asciidoc(lines) is None


ORG = ["#+TITLE: Queue stuck", "#+DATE: [2025-06-12 Thu]", "#+FILETAGS: :incident:queues:", "* Timeline",
       "- [2025-06-10 Tue 13:02] upgrade starts", "* Follow-ups", "** DONE [#A] Restart consumers", "   CLOSED: [2025-06-11 Wed 10:00]",
       "** TODO Pin the heartbeat", "   DEADLINE: <2025-06-30 Mon>", "** CANCELLED Buy a service",
       ":PROPERTIES:", ":ID: 42", ":END:", "#+BEGIN_SRC sh", "* not a heading in code", "#+END_SRC",
       "Ran =kubectl rollout= with *care* see [[https://wiki/run][the runbook]]",
       "* Notes   :noexport:", "- [2025-06-10 Tue 15:00] private", "** still private", "* Back in"]


def test_org_each_line_is_rewritten_where_it_stands():
    assert from_org(ORG) == [
        "# Queue stuck", "**Written:** 2025-06-12", "**Tags:** incident, queues", "## Timeline",
        "- 2025-06-10 13:02 upgrade starts", "## Follow-ups", "- [x] Restart consumers", "   done 2025-06-11 10:00",
        "- [ ] Pin the heartbeat", "   due 2025-06-30", "- [ ] Buy a service (cancelled)",
        "", "", "", "```", "* not a heading in code", "```",
        "Ran `kubectl rollout` with **care** see [the runbook](https://wiki/run)",
        "", "", "", "## Back in"]


@pytest.mark.parametrize("lines", [
    ["* a markdown bullet", "* and another"],
    ["#+TITLE: org words in markdown", "# A markdown heading"],
    ["#+OPTIONS: toc:nil", "* one heading", "| a | b |", "|---|---|"],
])
def test_not_org(lines):
    assert not is_org(lines) and from_org(lines) is None


def test_an_org_tables_rule_crosses_its_columns_and_is_read_as_a_delimiter_row():
    lines = ["#+title: Payments failing", "* Timeline", "| Time  | Event       |", "|-------+-------------|",
             "| 19:02 | push        |", "|-------+-------------|", "| 21:40 | resolved    |"]
    assert is_org(lines)
    assert from_org(lines)[2:] == ["| Time  | Event       |", "|---|---|", "| 19:02 | push        |", "| | |",
                                   "| 21:40 | resolved    |"]


def test_an_org_table_of_two_columns_and_no_rule_is_its_fields():
    lines = ["#+title: Payments failing", "* Details", "| Severity | Critical |", "| Status   | final    |"]
    assert from_org(lines)[2:] == ["**Severity:** Critical", "**Status:** final"]


def test_an_org_tasks_properties_are_its_fields_and_every_planning_word_is_read():
    lines = ["#+title: Rebalance storm", "* Action items", "** DONE Lower max.poll.records",
             "   CLOSED: [2025-08-22 Fri 14:10] DEADLINE: <2025-08-29 Fri>", "   :PROPERTIES:",
             "   :OWNER:    Ben Harrow", "   :TICKET:   STRM-731", "   :ID:       9f1c", "   :END:"]
    assert from_org(lines)[2:] == ["- [x] Lower max.poll.records", "   done 2025-08-22 14:10, due 2025-08-29", "",
                                   "   Owner: Ben Harrow", "   Ticket: STRM-731", "", ""]
    item = parse("\n".join(lines), "note.org")["action_items"][0]
    assert (item["owner"], item["ticket"], item["due"], item["status"]) == ("Ben Harrow", "STRM-731", "2025-08-29", "done")


def test_org_without_a_title_needs_a_keyword_and_two_headings():
    assert is_org(["#+STARTUP: overview", "* Summary", "text", "* Timeline"])
    assert not is_org(["* Summary", "text", "* Timeline"])


def test_as_markdown_leaves_markdown_alone():
    text = "# Outage\n\n## Timeline\n\n* 09:00 alert\n* 09:10 fixed\n"
    assert as_markdown(text, text.splitlines()) is None


def test_as_markdown_still_reads_jira_wiki_markup():
    lines = ["h1. Checkout down", "h2. Timeline", "||Time||Event||"]
    assert as_markdown("\n".join(lines), lines)[:2] == ["# Checkout down", "## Timeline"]


def test_an_asciidoc_review_parses_end_to_end():
    doc = parse("\n".join(ADOC), "review.adoc")
    assert doc["title"] == "Disk filled" and doc["status"] == "Final"
    assert [e["text"] for e in doc["timeline"]] == ["Disk at 95%", "Alert pages on-call"]


def test_an_org_note_keeps_its_noexport_notes_out_of_the_timeline():
    doc = parse("\n".join(ORG), "note.org")
    assert [e["text"] for e in doc["timeline"]] == ["upgrade starts"]
    assert [a["status"] for a in doc["action_items"]] == ["done", "open", "wont_do"]


def test_mdx_imports_go_and_a_components_props_are_fields():
    from loaders.postmortem.other_markup import from_mdx
    lines = ["import { Callout } from '@site/components';", "# Cache outage", "",
             '<IncidentMeta severity="SEV-2" service="play" start={"2024-05-02"} />', "<Callout>Read me</Callout>"]
    assert from_mdx(lines) == ["", "# Cache outage", "", "**Severity:** SEV-2 · **Service:** play · **Start:** 2024-05-02",
                               "<Callout>Read me</Callout>"]


def test_markdown_without_mdx_is_left_alone():
    from loaders.postmortem.other_markup import from_mdx
    assert from_mdx(["# Title", 'A link: <a href="x">x</a>', "We import data from the API."]) is None


HTML = ["Intro <strong>bold</strong>.", "<table class=\"wp-block-table\">", "<thead>",
        "<tr><th>Time</th><th>What</th></tr>", "</thead>", "<tbody>",
        "<tr><td>10:02</td><td>Alias <code>search</code> switched</td></tr>", "</tbody>", "</table>", "",
        "<ul>", "<li>No count check</li>", "<li>Slow <em>alert</em></li>", "</ul>", "<ol>", "<li>First</li>", "</ol>"]


def test_html_tables_and_lists_are_rewritten_where_they_stand():
    from loaders.postmortem.other_markup import from_html_blocks
    # (the header on the frame's line right above it, the frame's lines below it empty rows)
    assert from_html_blocks(HTML) == [
        "Intro <strong>bold</strong>.", "", "| Time | What |", "|---|---|", "| | |", "| | |",
        "| 10:02 | Alias `search` switched |", "| | |", "", "", "", "- No count check", "- Slow _alert_", "", "", "1. First", ""]


def test_an_html_row_written_over_several_lines_is_one_row():
    from loaders.postmortem.other_markup import from_html_blocks
    lines = ['<table class="confluenceTable"><colgroup><col /><col /></colgroup>', "<tbody>", "<tr>",
             "<th><p>Action</p></th>", "<th><p>Owner</p></th>", "</tr>", "<tr>", "<td><p>Fix it</p></td>",
             "<td><p>Ana</p></td>", "</tr>", "</tbody>", "</table>"]
    assert from_html_blocks(lines) == ["", "| Action | Owner |", "|---|---|", "| | |", "| | |", "| | |",
                                       "| Fix it | Ana |", "| | |", "| | |", "| | |", "| | |", ""]


def test_html_paragraphs_keep_a_bold_line_and_lose_stress_inside_prose():
    from loaders.postmortem.other_markup import from_html_blocks
    lines = ["<ul>", "<li>x</li>", "</ul>", "<p><strong>Contributing factors</strong></p>",
             "<p><b>Overview:</b><br />On May 6th mail&nbsp;stopped.</p>"]
    assert from_html_blocks(lines)[3:] == ["**Contributing factors**", "Overview: On May 6th mail stopped."]


def test_html_in_a_code_fence_stays_as_written():
    from loaders.postmortem.other_markup import from_html_blocks
    assert from_html_blocks(["```", "<ul>", "<li>x</li>", "</ul>", "```"]) is None


def test_a_mail_threads_quoted_write_up_loses_its_quote_marks():
    from loaders.postmortem.other_markup import from_email
    lines = ["From: a@example.org", "Subject: Re: outage", "", "Thanks.", "> ## Timeline", ">> - 10:00 down", "> "]
    assert from_email(lines) == ["From: a@example.org", "Subject: Re: outage", "", "Thanks.", "## Timeline",
                                 "- 10:00 down", ""]


def test_a_text_without_mail_headers_is_no_mail():
    from loaders.postmortem.other_markup import from_email
    assert from_email(["# Outage", "> a quote"]) is None


RST = ["Gateway handshakes failing", "==========================", "", "Date", "    Monday, March 10, 2025", "",
       "Severity", "    High", "", ".. note::", "", "   Times are US/Eastern.", "", "Action items", "------------", "",
       "#. Record client-hello fingerprints.", "", "   Owner: Marcus Bell · Ticket: GW-1180"]


def test_rst_definition_lists_are_fields_and_auto_numbered_items_are_numbered():
    assert from_rst(RST) == [
        "Gateway handshakes failing", "==========================", "", "**Date:** Monday, March 10, 2025", "", "",
        "**Severity:** High", "", "", "", "", "   Times are US/Eastern.", "", "Action items", "------------", "",
        "1. Record client-hello fingerprints.", "", "   Owner: Marcus Bell · Ticket: GW-1180"]


@pytest.mark.parametrize("lines", [
    ["Title", "=====", "", "Plain prose under a setext heading, as markdown writes it."],
    ["# Title", ".. note:: a markdown heading rules it out", "Sub", "---"],
    ["Summary", "", ".. a comment with no heading underlined"],
])
def test_not_rst(lines):
    assert not is_rst(lines) and from_rst(lines) is None


def test_an_rst_review_parses_with_its_fields_and_actions():
    doc = parse("\n".join(RST), "review.rst.txt")
    assert doc["date"] == "2025-03-10" and doc["severity_level"] == 2
    assert [(a["owner"], a["ticket"]) for a in doc["action_items"]] == [("Marcus Bell", "GW-1180")]
