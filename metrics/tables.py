"""Tables leaving the dashboard: CSV that a spreadsheet cannot execute."""
from __future__ import annotations

import pandas as pd

# A cell starting with one of these is a formula to Excel, Sheets and LibreOffice.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def to_csv(df: pd.DataFrame) -> bytes:
    """The frame as UTF-8 CSV with every text cell that could run as a formula defused."""
    safe = df.copy()
    for col in safe.columns:
        if safe[col].dtype == object or str(safe[col].dtype).startswith("string"):
            safe[col] = safe[col].map(safe_cell)
    safe.columns = [safe_cell(str(c)) for c in safe.columns]
    return safe.to_csv(index=False).encode("utf-8")
