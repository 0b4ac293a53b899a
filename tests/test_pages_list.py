"""The one list of pages (ui/pages.py) and the files agree, and every page opens
through the one call that sets it up."""
from pathlib import Path

import pytest

from ui.pages import PAGES, page_of

ROOT = Path(__file__).resolve().parent.parent
# in the order Streamlit lists a pages/ folder: by the number the file name starts with
FILES = ["app.py"] + [f"pages/{p.name}" for p in sorted((ROOT / "pages").glob("*.py"),
                                                         key=lambda p: int(p.name.split("_", 1)[0]))]


def test_every_listed_page_exists_and_every_page_file_is_listed():
    assert [p.file for p in PAGES] == FILES


def test_titles_and_icons_are_unique():
    assert len({p.title for p in PAGES}) == len(PAGES)
    assert len({p.icon for p in PAGES}) == len(PAGES)


@pytest.mark.parametrize("file", FILES)
def test_each_page_opens_with_open_page_and_reads_no_session_config(file):
    text = (ROOT / file).read_text(encoding="utf-8")
    assert text.count("setup.open_page(__file__)") == 1
    assert "session_state[\"hindsight_config\"]" not in text and "set_page_config" not in text


def test_page_of_finds_a_page_by_its_file():
    assert page_of(str(ROOT / "pages" / "4_Detection.py")).title == "Detection"
    with pytest.raises(LookupError):
        page_of("pages/nope.py")


def test_definitions_are_one_click_away(demo):
    from conftest import run_page

    at = run_page("pages/9_Definitions.py")
    assert not at.exception, at.exception
    assert any("Closing at equal age" in m.value for m in at.markdown)
    overview = run_page("app.py")
    assert any("[Definitions](Definitions)" in c.value for c in overview.caption)
