"""Downloads a spreadsheet or a markdown reader cannot be turned against: every CSV cell
and header through metrics.safe.csv_cell whatever the column's dtype (OWASP "CSV
Injection": a text cell starting =, +, -, @, tab or CR gets a leading apostrophe; numbers
stay numbers), and document text in the weekly agenda through metrics.safe.markdown_text."""
from __future__ import annotations

import csv
import io
import re
from datetime import date

import duckdb
import numpy as np
import pandas as pd
import pytest

from metrics import weekly
from metrics.safe import to_csv  # what ui/setup.py's table() calls for every CSV download

FORMULAS = ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("https://evil.example","x")',
            "=cmd|' /C calc'!A0", "-5"]
TEXT_DTYPES = [object, "string", pd.StringDtype(), "string[python]", "str", None]  # None: pandas' own choice


def rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def column(data: bytes, i: int = 0) -> list[str]:
    return [r[i] for r in rows(data)[1:]]


# --------------------------------------------------------------------------------------
# CSV


def test_every_text_dtype_is_defused_alike():
    out = {str(dt): to_csv(pd.DataFrame({"a": pd.Series(FORMULAS, dtype=dt)})) for dt in TEXT_DTYPES}
    for dt, data in out.items():
        assert column(data) == ["'" + f for f in FORMULAS], dt
    assert len(set(out.values())) == 1


def test_pandas_default_text_column_is_defused():
    df = pd.DataFrame({"owner": ["=HYPERLINK(\"https://evil.example\")", "@ann"]})  # pandas 3: dtype str
    assert column(to_csv(df)) == ["'=HYPERLINK(\"https://evil.example\")", "'@ann"]


def test_frame_from_duckdb_is_defused():
    df = duckdb.connect().execute("SELECT '=1+1' AS action, -5 AS n UNION ALL SELECT 'ok', 3").df()
    assert rows(to_csv(df)) == [["action", "n"], ["'=1+1", "-5"], ["ok", "3"]]


def test_numbers_and_dates_stay_as_they_are_and_text_minus_five_is_defused():
    df = pd.DataFrame({"int": [-5, 3], "float": [-1.5, np.nan], "text": ["-5", "5"],
                       "day": pd.to_datetime(["2026-01-01", None]), "flag": [True, False]})
    assert rows(to_csv(df)) == [["int", "float", "text", "day", "flag"],
                                ["-5", "-1.5", "'-5", "2026-01-01", "True"],
                                ["3", "", "5", "", "False"]]


def test_missing_values_stay_empty():
    df = pd.DataFrame({"obj": pd.Series([None, np.nan, "=x"], dtype=object),
                       "s": pd.Series([pd.NA, "+x", None], dtype="string"),
                       "d": pd.Series([None, "-x", "ok"])})
    assert rows(to_csv(df))[1:] == [["", "", ""], ["", "'+x", "'-x"], ["'=x", "", "ok"]]


def test_categorical_text_is_defused():
    df = pd.DataFrame({"class": pd.Categorical(["=1+1", "database", "=1+1"]), "n": [1, 2, 3]})
    assert column(to_csv(df)) == ["'=1+1", "database", "'=1+1"]


def test_headers_are_defused():
    df = pd.DataFrame([[1, 2, 3, 4]], columns=["=cmd", " =lead", "＝wide", "ok"])
    assert rows(to_csv(df))[0] == ["'=cmd", "' =lead", "'＝wide", "ok"]


def test_formula_after_leading_spaces_and_full_width_forms():
    df = pd.DataFrame({"a": ["  =1+1", "＝1+1", "＋1", "－1", "＠x", "a=1", "ok -"]})
    assert column(to_csv(df)) == ["'  =1+1", "'＝1+1", "'＋1", "'－1", "'＠x", "a=1", "ok -"]


def test_the_csv_is_well_formed_with_quotes_and_newlines():
    df = pd.DataFrame({"a": ['=x","evil', "line\n=two"], "b": ["-", "b"]})
    assert rows(to_csv(df))[1:] == [['\'=x","evil', "'-"], ["line\n=two", "b"]]


def test_a_carriage_return_inside_a_cell_cannot_start_a_row():
    df = pd.DataFrame({"a": ["x\r=1+1", "y\n@SUM(A1)"], "b": ["1", "2"]})
    data = to_csv(df)
    assert rows(data) == [["a", "b"], ["x\r=1+1", "1"], ["y\n@SUM(A1)", "2"]]
    assert b'"x\r=1+1"' in data  # quoted: a spreadsheet keeps it in its cell


def test_duplicate_index_and_column_names():
    df = pd.DataFrame([["=a", "=b"], ["c", "d"]], columns=["x", "x"], index=[0, 0])
    assert rows(to_csv(df)) == [["x", "x"], ["'=a", "'=b"], ["c", "d"]]


# --------------------------------------------------------------------------------------
# The weekly agenda (markdown)

AGENDA_COLUMNS = {
    "new": ["incident_date", "kind", "title", "severity", "team", "incident_class", "owner"],
    "repeats": ["incident_date", "title", "incident_class", "predecessor_title", "predecessor_id",
                "predecessor_date", "days_since_predecessor", "repeat_after_fix"],
    "awaiting_review": ["incident_date", "title", "postmortem_status", "days_since_incident", "owner"],
    "due": ["state", "days_overdue", "done_on", "action", "owner", "deadline", "ticket", "incident_title",
            "incident_id"]}
AGENDA_COLUMNS["overdue"] = AGENDA_COLUMNS["due"]


def agenda(**new) -> str:
    frames = {k: pd.DataFrame(columns=c) for k, c in AGENDA_COLUMNS.items()}
    frames["new"] = pd.DataFrame([{"incident_date": date(2026, 11, 17), "kind": "incident", "title": "t",
                              "severity": "SEV2", "team": "web", "incident_class": "db", "owner": None, **new}])
    r = weekly.Review(date(2026, 11, 16), date(2026, 11, 22), latest=None, describe="2026-11-16 to 2026-11-22",
                      awaiting_total=0, overdue_total=0, overdue_stale=0, **frames)
    md = weekly.agenda_markdown(r)
    return next(line for line in md.splitlines() if line.startswith("- 2026-11-17"))


def unescaped(line: str) -> str:
    """The line without its backslash-escaped punctuation: what a renderer may parse."""
    return re.sub(r"\\[!-/:-@\[-`{-~]", "", line)


def test_agenda_has_no_bare_url_a_renderer_would_link():
    line = agenda(title="Phish https://evil.example/login and HTTP://evil.example")
    assert not re.search(r"(?i)https?://", line)
    assert "evil.example/login" in line


def test_agenda_has_no_www_or_email_autolink():
    line = agenda(title="see www.evil.example", owner="ops@evil.example")
    assert not re.search(r"(?i)www\.", line) and not re.search(r"[\w.+-]@\w", line)


def test_agenda_escapes_html_entities_links_images_and_tables():
    line = agenda(title='<img src=x onerror=alert(1)> &lt;script&gt; ![i](https://evil.example/i.png) a | b',
                  team="[x](https://evil.example)")
    assert not set("[]<>|&") & set(unescaped(line))


def test_agenda_escapes_math_and_code():
    line = agenda(title="$x^2$ `code` $$\\int$$")
    assert not set("$`") & set(unescaped(line))


def test_agenda_text_cannot_start_a_heading_list_or_quote():
    from metrics.safe import markdown_text

    assert [markdown_text(t) for t in ("# h", "- item", "+ item", "1. one", "2) two", "> q", "=== ")] == [
        "\\# h", "\\- item", "\\+ item", "1\\. one", "2\\) two", "\\> q", "\\==="]


def test_agenda_text_is_one_line_and_cut():
    from metrics.safe import markdown_text

    assert markdown_text("a\n# b\r\n- c\u202e\x00", limit=200) == "a \\# b - c"
    assert markdown_text("x" * 300, limit=10) == "x" * 9 + "…"
    assert markdown_text(None) == markdown_text(float("nan")) == markdown_text(pd.NA) == ""


@pytest.mark.parametrize("text", ["Deploy 311 rolled out, took 12.5 min (p90)", "api-gateway's cert", "@ann"])
def test_agenda_leaves_ordinary_text_alone(text):
    from metrics.safe import markdown_text

    assert markdown_text(text) == text
