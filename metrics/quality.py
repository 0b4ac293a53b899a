"""The Data quality page: what the loaders could not understand, and how complete the
timestamps and joins are."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import duckdb
import pandas as pd

from metrics.db import Reader, sql_file


def problems(reader: Reader) -> pd.DataFrame:
    return reader.query_df(sql_file("quality_problems"))


@dataclass(frozen=True)
class LastIngest:
    run_id: int
    finished_at: datetime
    files_seen: int
    parsed: int
    unchanged: int
    removed: int
    failed: int
    problems: int


def last_ingest(reader: Reader) -> LastIngest | None:
    rows = reader.query(sql_file("quality_last_ingest"))
    return LastIngest(*rows[0]) if rows else None


def timestamp_sources(reader: Reader) -> pd.DataFrame:
    return reader.query_df(sql_file("quality_timestamps"))


def negative_durations(reader: Reader) -> pd.DataFrame:
    return reader.query_df(sql_file("quality_negative"))


def unmatched_tickets(reader: Reader) -> pd.DataFrame:
    return reader.query_df(sql_file("quality_unmatched_tickets"))


def unmatched_incidents(reader: Reader) -> pd.DataFrame:
    return reader.query_df(sql_file("quality_unmatched_incidents"))


def undated(reader: Reader) -> pd.DataFrame:
    """Postmortems with no date: loaded, on no chart."""
    return reader.query_df(sql_file("quality_undated"))


def sources(reader: Reader) -> pd.DataFrame:
    """What the database was loaded from (a database from before sources were kept: none)."""
    try:
        return reader.query_df(sql_file("quality_sources"))
    except duckdb.CatalogException:
        return pd.DataFrame(columns=["source", "kind", "config", "last_read_at", "files", "skipped"])


def skipped(reader: Reader) -> pd.DataFrame:
    """Files read and found not to be incidents, with why."""
    try:
        return reader.query_df(sql_file("quality_skipped"))
    except duckdb.BinderException:
        return pd.DataFrame(columns=["file", "why"])


def corrections(reader: Reader) -> pd.DataFrame:
    """Every correction a reader made, and whether it applies (a stale id does not)."""
    return reader.query_df(sql_file("quality_corrections"))


def weak_rules(reader: Reader) -> pd.DataFrame:
    """Timestamps filled by a fallback rule rather than by what the document states."""
    return reader.query_df(sql_file("quality_weak_rules"))
