"""Tables read by people: human headers, whole percentages, blank empty cells
(ui/tables.py), on every page."""
import json

import pandas as pd
import pytest
import streamlit as st

from conftest import run_page, shown
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
    assert out["team"][0] == "web" and pd.isna(out["team"][1])  # blank on screen: setup.table's placeholder=""
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


def test_midnight_timestamps_show_as_dates_and_times_stay():
    df = pd.DataFrame({"date": pd.to_datetime(["2026-07-20", None]), "at": pd.to_datetime(["2026-07-20 10:05", None])})
    _, config = tables.readable(df)
    assert (config["date"]["type_config"]["type"], config["date"]["type_config"]["format"]) == ("date", "YYYY-MM-DD")
    assert config["at"] == "at"


def test_a_link_column_keeps_its_config():
    df = pd.DataFrame({"link": ["https://x/1", None]})
    out, config = tables.readable(df, {"link": st.column_config.LinkColumn("ticket link")})
    assert config["link"]["type_config"]["type"] == "link" and config["link"]["label"] == "ticket link"
    assert out["link"][0] == "https://x/1" and pd.isna(out["link"][1])


@pytest.mark.parametrize("page", [p.file for p in PAGES])
def test_every_table_on_every_page_reads_as_words(demo, page):
    at = run_page(page)
    assert not at.exception, at.exception
    for el in at.dataframe:
        # a missing value is a blank cell: Streamlit's default placeholder is "None"
        assert el.proto.HasField("placeholder") and el.proto.placeholder == "", page
        config = json.loads(el.proto.columns) if el.proto.columns else {}
        for col in el.value.columns:
            header = (config.get(col) or {}).get("label") or col
            assert "_" not in header, (page, col, header)
            if (config.get(col) or {}).get("type_config", {}).get("type") == "link":
                assert not shown(el)[col].isin(["None", "nan", "NaT"]).any(), (page, col)
            fmt = ((config.get(col) or {}).get("type_config") or {}).get("format")
            assert fmt != "percent", (page, col)  # "72.29%": shown whole instead


# --------------------------------------------------------------------------------------
# One way to show a ticket: its key as a link, its status beside it


def _tickets():
    return pd.DataFrame({"action": ["a", "b", "c", "d"], "ticket": ["OPS-1", "acme/web#12", "OPS-3", None],
                         "ticket_url": ["https://jira.example/browse/OPS-1", "https://github.com/acme/web/issues/12",
                                        None, None],
                         "owner": ["ann", "bob", "cy", "di"], "tracker status": ["In Progress", None, None, None]})


def _texts(styler):
    body = styler._translate(False, False)["body"]
    return [[cell["display_value"] for cell in row[1:]] for row in body]


def test_a_ticket_is_its_key_linked_to_its_address():
    out, config = tables.readable(_tickets())
    assert config["ticket"]["type_config"]["type"] == "link" and "ticket_url" not in config
    assert list(out.data["ticket"][:2]) == ["https://jira.example/browse/OPS-1", "https://github.com/acme/web/issues/12"]
    assert [row[list(out.data.columns).index("ticket")] for row in _texts(out)] == ["OPS-1", "acme/web#12", "OPS-3", ""]


def test_a_key_without_an_address_is_text_not_a_link():
    out, _ = tables.readable(_tickets())
    assert list(out.data["ticket"][2:]) == ["", ""]  # never None: that would be drawn as "None"
    css = out._compute().ctx
    col = list(out.data.columns).index("ticket")
    assert css[(2, col)] == [("color", tables.TEXT_COLOUR)] and not css.get((0, col))


def test_the_status_sits_beside_the_ticket():
    out, _ = tables.readable(_tickets())
    assert list(out.data.columns) == ["action", "ticket", "tracker status", "owner"]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "/relative", "file:///etc/passwd"])
def test_only_http_addresses_become_links(url):
    out, _ = tables.readable(_tickets().assign(ticket_url=url))
    assert (out.data["ticket"] == "").all()
    assert _texts(out)[0][1] == "OPS-1"


def test_other_cells_read_as_before_beside_a_ticket():
    df = _tickets().assign(days=[3.0, None, 2.5, 1.0], on=[pd.Timestamp("2026-01-02"), None, None, None])
    out, _ = tables.readable(df)
    rows = _texts(out)
    cols = list(out.data.columns)
    assert [r[cols.index("days")] for r in rows] == ["3", "", "2.5", "1"]
    assert rows[0][cols.index("on")] == "2026-01-02" and rows[1][cols.index("on")] == ""
    assert rows[1][cols.index("tracker status")] == ""


def test_a_frame_without_a_ticket_stays_a_frame():
    out, _ = tables.readable(pd.DataFrame({"ticket": ["OPS-1"]}))
    assert isinstance(out, pd.DataFrame) and list(out["ticket"]) == ["OPS-1"]


def test_two_keys_sharing_an_address_each_show_their_own():
    df = pd.DataFrame({"action": ["a", "b", "c"], "ticket": ["OPS-1", "ops-1", "OPS-1"],
                       "ticket_url": ["https://jira.example/browse/OPS-1"] * 3})
    out, _ = tables.readable(df)
    assert [row[list(out.data.columns).index("ticket")] for row in _texts(out)] == ["OPS-1", "ops-1", "OPS-1"]


def test_many_rows_keep_their_keys():
    keys = [f"OPS-{i % 40}" for i in range(300)]
    df = pd.DataFrame({"action": ["x"] * 300, "ticket": keys,
                       "ticket_url": [f"https://jira.example/browse/{k}" if i % 3 else None for i, k in enumerate(keys)]})
    out, _ = tables.readable(df)
    assert [row[list(out.data.columns).index("ticket")] for row in _texts(out)] == keys
