"""Tables for people: readable headers, whole percentages, blank empty cells.

Data functions return frames with the names SQL and code use (``median_min``,
``repeats_after_fix``, rates as fractions); ``readable(df, column_config)`` turns them
into what a reader sees without renaming the frame, so tests and CSV downloads keep the
stable names: each column gets a header label and a rate column shows as a whole
percentage ("72%", not "72.29%"). An empty cell shows blank, never "None": setup.table
passes st.dataframe's ``placeholder=""``.

A ticket is shown one way everywhere: a frame with ``ticket`` (the key as written) and
``ticket_url`` (its address) shows one "ticket" column whose text is the key, a link when
the address is http(s) (metrics.safe.link) and plain text when there is none, with the
ticket's status (``STATUS``, the first such column present) right beside it. (A link
column cell is never empty: Streamlit draws a missing one as "None". A key with no
address is "" drawn in the text colour; clicking it opens a blank tab, nothing else.)
"""
from __future__ import annotations

import re
from datetime import date, datetime

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from metrics import safe

# names whose plain-words form is not just "underscores to spaces"
LABELS = {
    "median_min": "median (min)", "p90_min": "p90 (min)", "mean_min": "mean (min)",
    "ci90_low_min": "median 90% CI low (min)", "ci90_high_min": "median 90% CI high (min)",
    "ci90_low": "90% CI low", "ci90_high": "90% CI high",
    "repeats_after_fix": "repeats after the fix", "incident_id": "incident", "incident_date": "date",
    "incident_class": "class", "severity_label": "severity", "age_days": "age (days)",
    "days_overdue": "days overdue", "n": "n",
}
# a column holding a share of 1 (shown as a percentage) by its name
# (the name ends with it: "completion n" is a count, not a rate)
_RATE = re.compile(r"(?:^|[ _])(?:rate|share|completion|on time)$|90% (?:low|high)$|^ci90_(?:low|high)$")


def _missing(v) -> bool:
    return v is None or (isinstance(v, float) and v != v) or v is pd.NA or v is pd.NaT


def label(name: str) -> str:
    return LABELS.get(name, name.replace("_", " "))


# long free-text columns get a fixed width so the columns after them stay in view
# (the full text is one click away in the cell and whole in the CSV)
WIDE = {"incident": 240, "incident_title": 240, "title": 240, "earlier_incident": 220, "came_back_as": 220,
        "predecessor_title": 220, "action": 260}
TICKET, TICKET_URL = "ticket", "ticket_url"
TEXT_COLOUR = "#31333F"  # Streamlit's light theme text (.streamlit/config.toml: base = "light")
STATUS = ("tracker status", "tracker_status", "ticket_status", "status")  # shown beside the ticket


def readable(df: pd.DataFrame, column_config: dict | None = None) -> tuple[pd.DataFrame | Styler, dict]:
    """(the frame to show, its column_config), see the module docstring. A frame with a
    ticket comes back as a Styler: the link is the cell's value, the key its text."""
    out = df.copy()
    config = dict(column_config or {})
    keys = None
    if TICKET in out.columns and TICKET_URL in out.columns:
        keys = out[TICKET].map(lambda v: "" if _missing(v) else str(v))
        # never None: a link column draws a missing cell as a grey "None", whatever its text
        out[TICKET] = out.pop(TICKET_URL).map(lambda u: safe.link(u) or "").astype(object)
        config.pop(TICKET_URL, None)
        status = next((c for c in STATUS if c in out.columns), None)
        if status:
            order = [c for c in out.columns if c != status]
            out = out[order[:order.index(TICKET) + 1] + [status] + order[order.index(TICKET) + 1:]]
        given = config.get(TICKET)
        label_ = (given if isinstance(given, str) else (given or {}).get("label")) or "ticket"
        config[TICKET] = st.column_config.LinkColumn(
            label_, help="The ticket's key as the document or tracker gives it: a link when its address is known "
                         "(the tracker export's, the document's, GitHub's for owner/repo#N, or jira_base_url/browse/KEY).")
    for col in out.columns:
        given = config.get(col)
        if isinstance(given, str):
            given = {"label": given}
        given = dict(given) if given else {}
        kind = (given.get("type_config") or {}).get("type")
        fmt = (given.get("type_config") or {}).get("format")
        numeric = pd.api.types.is_numeric_dtype(out[col]) and not pd.api.types.is_bool_dtype(out[col])
        if numeric and (fmt == "percent" or (kind is None and _RATE.search(str(col)))):
            out[col] = out[col] * 100
            given = st.column_config.NumberColumn(label=given.get("label") or label(str(col)), format="%.0f%%",
                                                  help=given.get("help"))
        elif kind is None and pd.api.types.is_datetime64_any_dtype(out[col]) and \
                (out[col].dropna() == out[col].dropna().dt.normalize()).all():
            # timestamps that are all midnight are dates: "2026-07-20", not "2026-07-20 00:00:00"
            given = st.column_config.DateColumn(label=given.get("label") or label(str(col)), format="YYYY-MM-DD",
                                                help=given.get("help"))
        if col in WIDE and not given.get("width"):
            given = {**given, "width": WIDE[col]}
        if not given.get("label"):
            given = {**given, "label": label(str(col))} if given else label(str(col))
        config[col] = given
    if keys is None:
        return out, config
    return _styled(out, keys), config


def _text(v) -> str:
    """A cell's text when a Styler gives every cell's display: blank when empty, dates
    as dates, whole numbers without decimals (Streamlit shows these values the same)."""
    if _missing(v):
        return ""
    if isinstance(v, (datetime, pd.Timestamp)):
        return v.strftime("%Y-%m-%d") if (v.hour, v.minute, v.second) == (0, 0, 0) else v.strftime("%Y-%m-%d %H:%M")
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, float):
        return f"{v:.0f}" if v.is_integer() else f"{v:.1f}"
    return str(v)


def _styled(out: pd.DataFrame, keys: pd.Series) -> Styler:
    """``out`` whose ticket column holds links, showing each row's key as its text. A
    link column shows a Styler's text for its cells (Streamlit 1.67), so every cell gets
    one: ``_text`` for all, the key for the ticket. A Styler formatter sees the value, not
    the row: an address that always goes with one key is formatted by a lookup (one
    formatter for the column); rows whose address goes with several keys (no address,
    keys written differently) get one formatter per key, which is slow per call and so
    kept to those rows."""
    out = out.reset_index(drop=True)
    keys = keys.reset_index(drop=True)
    # a key with no address reads as text, not in the link colour (the app's light theme)
    styler = out.style.format(_text).map(lambda url: "" if url else f"color: {TEXT_COLOUR}", subset=[TICKET])
    pairs = pd.DataFrame({"url": out[TICKET].astype(str), "key": keys.astype(str)})
    one_key = pairs.groupby("url")["key"].transform("nunique") == 1
    by_url = dict(zip(pairs.loc[one_key, "url"], pairs.loc[one_key, "key"]))
    styler = styler.format(lambda url: by_url.get(url, ""), subset=[TICKET])
    for key, rows in keys[~one_key].groupby(keys[~one_key].values).groups.items():
        styler = styler.format(lambda _v, k=key: k, subset=pd.IndexSlice[list(rows), [TICKET]])
    return styler
