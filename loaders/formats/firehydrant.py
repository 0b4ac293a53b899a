"""FireHydrant incident CSV: number, name, severity and the milestone columns started /
detected / acknowledged / mitigated / resolved / closed."""
from __future__ import annotations

from loaders.formats.format import CSV, INCIDENTS, Format
from loaders.formats.incident_csv import MILESTONES, find_columns, read_incident_csv
from loaders.formats.pagerduty import _is_pagerduty_header
from loaders.formats.tabular import failed, quiet_false, split_header


@quiet_false
def sniff_firehydrant_csv(header: list[str]) -> bool:
    """True for a FireHydrant incidents CSV: a name and at least three milestone
    columns (or mitigated plus one other), and nothing PagerDuty's."""
    cells = split_header(header)
    if _is_pagerduty_header(cells):
        return False
    cols = find_columns(cells)
    found = [m for m in MILESTONES if m in cols]
    enough = len(found) >= 3 or ("mitigated" in found and len(found) >= 2)
    return enough and ("title" in cols or "number" in cols or "id" in cols)


@failed("incident_export", "firehydrant", "incidents")
def parse_firehydrant_csv(text: str) -> dict:
    """A FireHydrant incidents CSV -> incident_export result."""
    return read_incident_csv(text, "firehydrant")


FORMATS = (
    Format("firehydrant-csv", INCIDENTS, CSV, sniff_firehydrant_csv,
           lambda text, options: parse_firehydrant_csv(text)),
)
