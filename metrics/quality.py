"""The Data quality page: what the loaders could not understand, and how complete the
timestamps and joins are."""
from __future__ import annotations

import pandas as pd

from metrics.db import Reader, sql_file


def problems(reader: Reader) -> pd.DataFrame:
    return reader.query_df(sql_file("quality_problems"))


def last_ingest(reader: Reader) -> dict | None:
    df = reader.query_df(sql_file("quality_last_ingest"))
    return None if df.empty else df.iloc[0].to_dict()


def timestamp_sources(reader: Reader) -> pd.DataFrame:
    return reader.query_df(sql_file("quality_timestamps"))


def negative_durations(reader: Reader) -> pd.DataFrame:
    return reader.query_df(sql_file("quality_negative"))


def unmatched_tickets(reader: Reader) -> pd.DataFrame:
    return reader.query_df(sql_file("quality_unmatched_tickets"))


def unmatched_incidents(reader: Reader) -> pd.DataFrame:
    return reader.query_df(sql_file("quality_unmatched_incidents"))
