"""Tables for people: readable headers, whole percentages, blank empty cells.

Data functions return frames with the names SQL and code use (``median_min``,
``repeats_after_fix``, rates as fractions); ``readable(df, column_config)`` turns them
into what a reader sees without renaming the frame, so tests and CSV downloads keep the
stable names: each column gets a header label, a rate column shows as a whole
percentage ("72%", not "72.29%"), and an empty cell shows blank, never "None".
"""
from __future__ import annotations

import re

import pandas as pd
import streamlit as st

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


def readable(df: pd.DataFrame, column_config: dict | None = None) -> tuple[pd.DataFrame, dict]:
    """(the frame to show, its column_config), see the module docstring."""
    out = df.copy()
    config = dict(column_config or {})
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
        elif out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            cells = out[col].astype(object)
            out[col] = cells.where(cells.map(lambda v: not _missing(v)), "")
        if not given.get("label"):
            given = {**given, "label": label(str(col))} if given else label(str(col))
        config[col] = given
    return out, config
