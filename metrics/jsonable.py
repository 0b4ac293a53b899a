"""Frames as JSON-ready rows: the one conversion every JSON report block uses."""
from __future__ import annotations

from datetime import date

import pandas as pd


def records(df: pd.DataFrame, columns: list[str] | None = None, limit: int | None = None) -> list[dict]:
    """Rows as JSON-ready dicts: dates as ISO text, missing values as None, numpy
    numbers as Python ones."""
    df = df[columns] if columns is not None else df
    df = df.head(limit) if limit else df
    out = []
    for row in df.to_dict("records"):
        clean = {}
        for k, v in row.items():
            if isinstance(v, (pd.Timestamp, date)):
                v = v.date().isoformat() if isinstance(v, pd.Timestamp) else v.isoformat()
            elif v is not None and not isinstance(v, (list, str)) and pd.isna(v):
                v = None
            elif hasattr(v, "item"):
                v = v.item()
            clean[k] = v
        out.append(clean)
    return out
