"""Tables read by people: human headers, whole percentages, blank empty cells
(ui/tables.py), on every page."""
import json

import pandas as pd
import pytest
import streamlit as st

from conftest import run_page
from ui import tables
from ui.pages import PAGES


def test_headers_are_words():
    assert tables.label("repeats_after_fix") == "repeats after the fix"
    assert tables.label("median_min") == "median (min)"
    assert tables.label("some_new_column") == "some new column"


def test_rates_become_whole_percentages_and_empty_cells_blank():
    df = pd.DataFrame({"team": ["web", None], "completion": [0.7229, None], "items": [10, 3]})
    out, config = tables.readable(df)
    assert out["completion"].iloc[0] == pytest.approx(72.29)
    assert config["completion"]["type_config"]["format"] == "%.0f%%"
    assert list(out["team"]) == ["web", ""]
    assert config["items"] == "items" and config["team"] == "team"
    assert list(df["completion"].iloc[:1]) == [0.7229]  # the caller's frame is untouched


def test_a_count_beside_a_rate_stays_a_count():
    df = pd.DataFrame({"completion": [0.5], "completion n": [12], "on time 90% low": [0.25], "share": [0.1]})
    out, config = tables.readable(df)
    assert out["completion n"].iloc[0] == 12 and config["completion n"] == "completion n"
    assert out["on time 90% low"].iloc[0] == 25 and out["share"].iloc[0] == pytest.approx(10)


def test_a_given_percent_column_is_shown_whole():
    df = pd.DataFrame({"on time": [0.5]})
    out, config = tables.readable(df, {"on time": st.column_config.NumberColumn(format="percent", help="h")})
    assert out["on time"].iloc[0] == 50 and config["on time"]["type_config"]["format"] == "%.0f%%"
    assert config["on time"]["help"] == "h"


def test_a_link_column_keeps_its_config():
    df = pd.DataFrame({"link": ["https://x/1", None]})
    out, config = tables.readable(df, {"link": st.column_config.LinkColumn("ticket link")})
    assert config["link"]["type_config"]["type"] == "link" and config["link"]["label"] == "ticket link"
    assert list(out["link"]) == ["https://x/1", ""]


@pytest.mark.parametrize("page", [p.file for p in PAGES])
def test_every_table_on_every_page_reads_as_words(demo, page):
    at = run_page(page)
    assert not at.exception, at.exception
    for el in at.dataframe:
        config = json.loads(el.proto.columns) if el.proto.columns else {}
        for col in el.value.columns:
            shown = (config.get(col) or {}).get("label") or col
            assert "_" not in shown, (page, col, shown)
            cells = el.value[col]
            if cells.dtype == object or pd.api.types.is_string_dtype(cells):
                assert not cells.isna().any(), (page, col)  # blank, never "None"
            fmt = ((config.get(col) or {}).get("type_config") or {}).get("format")
            assert fmt != "percent", (page, col)  # "72.29%": shown whole instead
