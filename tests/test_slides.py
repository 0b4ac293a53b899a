"""A postmortem presented as slides and exported to text is read slide by slide
(loaders/postmortem/slides.py): a pure function of the lines, one line for one."""
from __future__ import annotations

from loaders.postmortem.slides import from_slides


def deck(text: str) -> list[str] | None:
    return from_slides(text, text.splitlines())


NUMBERED = "Slide 1\nOutage review\n\nSlide 2\nTimeline\n09:00 start\n\nSlide 3\nWhy\n• cause one\n"


def test_numbered_slides_become_headings():
    out = deck(NUMBERED)
    assert out[1] == "# Outage review"
    assert out[4] == "## Timeline"
    assert out[8] == "## Why"


def test_the_number_lines_are_left_blank_and_lines_kept_one_for_one():
    out = deck(NUMBERED)
    assert len(out) == len(NUMBERED.splitlines())
    assert out[0] == "" and out[3] == ""


def test_slide_of_n_and_dashed_forms_count():
    text = "--- Slide 1 ---\nA\n\nSlide 2 of 3\nB\n\nSlide 3/3\nC\n"
    assert [ln for ln in deck(text) if ln.startswith("#")] == ["# A", "## B", "## C"]


def test_two_slide_numbers_are_not_a_deck():
    assert deck("Slide 1\nA\n\nSlide 2\nB\n") is None


def test_prose_mentioning_a_slide_is_not_a_deck():
    assert deck("See slide 4 of the vendor deck.\nIt says slide 2 is wrong.\nslide rule\n") is None


def test_markdown_is_left_alone():
    assert deck("# Title\n\nSlide 1\nA\n\nSlide 2\nB\n\nSlide 3\nC\n") is None


PAGES = "".join(f"{title}\n\n  body {n}\n\nAcme · Confidential        {n}\n\f"
                for n, title in enumerate(["Deck title", "Timeline", "Why", "Actions"], 1))


def test_pages_open_with_their_title():
    heads = [ln for ln in deck(PAGES) if ln.startswith("#")]
    assert heads == ["# Deck title", "## Timeline", "## Why", "## Actions"]


def test_the_footer_repeated_on_every_page_is_left_out():
    assert not any("Confidential" in ln for ln in deck(PAGES))


def test_two_form_feeds_are_not_a_deck():
    assert deck("A\n\fB\n\fC\n") is None


OUTLINE = "Deck title\n\tsubtitle\nAgenda\n\tTimeline\nTimeline\n\t09:00 start\n\t\tonly region B\nWhy\n\tcause\n"


def test_an_outline_is_headings_over_items():
    out = deck(OUTLINE)
    assert out[0] == "# Deck title"
    assert out[4] == "## Timeline"
    assert out[5] == "- 09:00 start"
    assert out[6] == "  - only region B"


def test_an_outliners_markdown_list_is_no_slide_outline():
    text = "- ## Summary\n\t- one\n- ## Timeline\n\t- 09:00 x\n- ## Why\n\t- y\n- ## Actions\n\t- z\n"
    assert deck(text) is None


def test_tab_indented_code_in_prose_is_no_outline():
    text = "Intro paragraph.\n\tcode line\nMore prose here.\nAnd more.\nStill prose.\nEnd.\n"
    assert deck(text) is None
