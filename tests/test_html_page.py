"""A postmortem kept as a whole HTML page is read as the markdown it stands for
(loaders/postmortem/html_page.py): a pure function of the lines."""
from __future__ import annotations

from loaders.postmortem import parse
from loaders.postmortem.html_page import from_html_page


def page(body: str) -> list[str]:
    return from_html_page(body.splitlines())


def shown(lines: list[str] | None) -> list[str]:
    return [ln for ln in lines or [] if ln.strip()]


def test_markdown_is_not_a_page():
    assert page("# Title\n\nSome prose.\n") is None


def test_markdown_holding_html_tables_is_left_to_the_block_reader():
    assert page("<p>badge</p>\n\n# Outage\n\n<table>\n<tr><td>a</td></tr>\n</table>\n") is None


def test_prose_with_a_tag_or_two_is_not_a_page():
    text = "Intro line\nanother line\nmore\n<b>bold</b> words\n"
    assert page(text) is None


def test_head_scripts_and_styles_are_left_out():
    out = shown(page("<html><head><title>T</title><style>p{}</style><script>x()</script></head>"
                     "<body><h1>Outage</h1><p>It broke.</p></body></html>"))
    assert out == ["# Outage", "It broke."]


def test_breadcrumbs_are_left_out():
    out = shown(page('<html><body><ol id="breadcrumbs"><li>Space</li><li>Postmortems</li></ol>'
                     "<h1>Outage</h1></body></html>"))
    assert out == ["# Outage"]


def test_headings_keep_their_level():
    out = shown(page("<div><h2>Timeline</h2><h3>Day 1</h3></div>"))
    assert out == ["## Timeline", "### Day 1"]


def test_line_breaks_split_a_paragraph_into_lines():
    out = shown(page("<div><p>09:14 first error<br>09:21 alert fires</p></div>"))
    assert out == ["09:14 first error", "09:21 alert fires"]


def test_lists_become_items_with_their_nesting():
    out = shown(page("<div><ul><li>one<ul><li>sub</li></ul></li><li>two</li></ul></div>"))
    assert out == ["- one", "  - sub", "- two"]


def test_ordered_lists_are_numbered():
    assert shown(page("<div><ol><li>first</li><li>second</li></ol></div>")) == ["1. first", "1. second"]


def test_a_table_on_one_line_becomes_a_pipe_table():
    out = shown(page("<table><tr><th>Time</th><th>Event</th></tr><tr><td>10:02</td><td>errors</td></tr></table>"))
    assert out == ["| Time | Event |", "|---|---|", "| 10:02 | errors |"]


def test_a_cell_merged_down_rows_is_repeated_in_each():
    out = shown(page('<table><tr><th>Date</th><th>Time</th></tr><tr><td rowspan="2">2025-03-27</td><td>10:02</td></tr>'
                     "<tr><td>10:09</td></tr></table>"))
    assert out[2:] == ["| 2025-03-27 | 10:02 |", "| 2025-03-27 | 10:09 |"]


def test_a_cell_merged_across_columns_fills_them():
    out = shown(page('<table><tr><th colspan="2">When</th><th>What</th></tr><tr><td>14 Jan</td><td>21:30</td>'
                     "<td>change</td></tr></table>"))
    assert out[0] == "| When |  | What |"
    assert out[2] == "| 14 Jan | 21:30 | change |"


def test_a_title_row_across_the_table_is_its_caption():
    out = shown(page('<table><tr><th colspan="2">Follow-ups</th></tr><tr><th>Action</th><th>Owner</th></tr>'
                     "<tr><td>Fix it</td><td>Ana</td></tr></table>"))
    assert out == ["**Follow-ups**", "| Action | Owner |", "|---|---|", "| Fix it | Ana |"]


def test_a_cells_line_break_runs_on_and_its_list_is_joined():
    out = shown(page("<table><tr><th>When</th><th>Action</th></tr>"
                     "<tr><td>14 Jan<br>21:30</td><td><p>Alert</p><ul><li>per acquirer</li><li>5 min</li></ul></td></tr></table>"))
    assert out[2] == "| 14 Jan 21:30 | Alert; per acquirer; 5 min |"


def test_a_pipe_in_a_cell_does_not_split_it():
    out = shown(page("<table><tr><th>A</th></tr><tr><td>x | y</td></tr></table>"))
    assert out[2] == "| x / y |"


def test_preformatted_text_is_a_fenced_block():
    out = shown(page("<div><pre>10:02 first\n10:09 second</pre></div>"))
    assert out == ["```", "10:02 first", "10:09 second", "```"]


def test_word_list_paragraphs_are_items():
    out = shown(page("<div class=WordSection1>\n<p class=MsoListParagraphCxSpFirst><span>·&nbsp;&nbsp; </span>"
                     "Firmware waited on a lock.</p>\n</div>"))
    assert out == ["- Firmware waited on a lock."]


def test_front_matter_is_kept_as_written():
    lines = ["---", "title: T", "---", "", "<div>", "<p>It broke.</p>", "</div>"]
    out = from_html_page(lines)
    assert out[:3] == ["---", "title: T", "---"]
    assert "It broke." in out


def test_an_element_starts_no_earlier_than_its_line():
    body = "<html>\n<body>\n\n\n\n<h1>Outage</h1>\n</body>\n</html>"
    out = page(body)
    assert out.index("# Outage") == 5   # (line 6 of the file)


def test_entities_are_read():
    assert shown(page("<div><p>A &amp; B &rarr; C&nbsp;D</p></div>")) == ["A & B → C D"]


def test_unclosed_tags_do_not_lose_the_text():
    assert "It broke" in " ".join(shown(page("<html><body><p>It broke<p>again")))


def test_a_page_parses_as_a_postmortem():
    text = ("<!DOCTYPE html>\n<html><body><h1>Checkout outage</h1>"
            "<table><tr><th>Incident date</th><td>May 21, 2025</td></tr><tr><th>Severity</th><td>SEV2</td></tr></table>"
            "<h2>Timeline</h2><p>All times UTC.</p><table><tr><th>Time</th><th>Event</th></tr>"
            "<tr><td>10:52</td><td>Checkout errors start. Impact starts.</td></tr>"
            "<tr><td>11:01</td><td>Alert pages the on-call.</td></tr></table></body></html>\n")
    r = parse(text, "page.md")
    assert r["kind"] == "postmortem"
    assert r["title"] == "Checkout outage"
    assert r["date"] == "2025-05-21"
    assert r["started_at"] == "2025-05-21T10:52:00Z"
    assert r["detected_at"] == "2025-05-21T11:01:00Z"


def test_markdown_beside_an_html_field_table_is_left_to_markdown():
    text = ("<table>\n<tr><td>Date</td><td>2025-03-01</td></tr>\n<tr><td>Severity</td><td>SEV2</td></tr>\n"
            "<tr><td>Status</td><td>Final</td></tr>\n</table>\n\n**Action items**\n\n- [ ] Fix it\n")
    assert page(text) is None


def test_a_sites_header_and_footer_are_left_out():
    out = shown(page("<html><body><header><h1>Acme Status</h1></header><main><h2>API outage</h2>"
                     "<p>It broke.</p></main><footer>© Acme</footer></body></html>"))
    assert out == ["## API outage", "It broke."]


def test_an_articles_own_header_is_kept():
    out = shown(page("<html><body><article><header><h1>API outage</h1></header><p>It broke.</p></article></body></html>"))
    assert out == ["# API outage", "It broke."]


def test_images_leave_no_words():
    assert shown(page('<div><p><img src="logo.png" alt="Acme"></p><h1>Outage</h1></div>')) == ["# Outage"]


def test_a_definition_lists_term_and_definition_share_a_line():
    assert shown(page("<div><dl><dt>14:02</dt><dd>Alert fires</dd><dt>14:09</dt><dd>On-call acks</dd></dl></div>")) \
        == ["14:02 — Alert fires", "14:09 — On-call acks"]
