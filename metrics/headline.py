"""Headline figures, monthly counts and data-quality tables for the dashboard's home
page. Each function takes a Reader and returns plain values or a DataFrame."""
from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from metrics.db import Reader, sql_file


def default_period(as_of: date | None = None) -> tuple[date, date]:
    """The 12 months up to ``as_of`` (today by default)."""
    as_of = as_of or date.today()
    try:
        start = as_of.replace(year=as_of.year - 1) + timedelta(days=1)
    except ValueError:  # 29 February
        start = as_of - timedelta(days=365)
    return start, as_of


def data_range(reader: Reader) -> tuple[date | None, date | None]:
    rows = reader.query("SELECT min(incident_date), max(incident_date) FROM mart_incidents")
    return rows[0] if rows else (None, None)


def headline(reader: Reader, date_from: date, date_to: date, as_of: date | None = None) -> dict:
    params = {"date_from": date_from, "date_to": date_to, "as_of": as_of or date.today()}
    df = reader.query_df(sql_file("headline"), params)
    row = {k: (None if pd.isna(v) else v) for k, v in df.iloc[0].to_dict().items()}
    for k in ("incidents", "near_misses", "actions", "actions_done", "actions_wont_do",
              "actions_overdue", "actions_unowned", "ttd_n"):
        row[k] = int(row[k] or 0)
    counted = row["near_misses"] + row["incidents"]
    row["near_miss_share"] = row["near_misses"] / counted if counted else None
    denominator = row["actions"] - row["actions_wont_do"]
    row["completion_rate"] = row["actions_done"] / denominator if denominator else None
    return row


def monthly_counts(reader: Reader, date_from: date, date_to: date) -> pd.DataFrame:
    return reader.query_df(sql_file("monthly_counts"), {"date_from": date_from, "date_to": date_to})


def classes(reader: Reader, date_from: date, date_to: date) -> pd.DataFrame:
    return reader.query_df(sql_file("classes"), {"date_from": date_from, "date_to": date_to})


def problems(reader: Reader) -> pd.DataFrame:
    return reader.query_df(sql_file("data_quality"))


def last_ingest(reader: Reader) -> dict | None:
    df = reader.query_df(sql_file("last_ingest"))
    return None if df.empty else df.iloc[0].to_dict()
