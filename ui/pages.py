"""The dashboard's pages: one list that the sidebar, each page's title and icon, and the
tests read. A page file lives in the classic pages/ folder (a cold deep link to it
works); Overview is app.py."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Page:
    file: str           # relative to the repository root
    title: str          # the sidebar label and the browser tab's title
    icon: str
    filters: bool = True  # shows the shared sidebar filters (and needs incidents to show)


PAGES = (
    Page("app.py", "Overview", ":material/insights:"),
    Page("pages/1_Recurrence.py", "Recurrence", ":material/replay:"),
    Page("pages/2_Action_items.py", "Action items", ":material/checklist:"),
    Page("pages/3_Near_misses.py", "Near misses", ":material/near_me:"),
    Page("pages/4_Detection.py", "Detection", ":material/timer:"),
    Page("pages/5_Weekly_review.py", "Weekly review", ":material/event_note:"),
    Page("pages/6_Incidents.py", "Incidents", ":material/list_alt:"),
    Page("pages/7_Practice_health.py", "Practice health", ":material/health_and_safety:"),
    Page("pages/8_Report.py", "Report", ":material/summarize:"),
    Page("pages/9_Definitions.py", "Definitions", ":material/menu_book:", filters=False),
    Page("pages/10_Data_quality.py", "Data quality", ":material/rule:", filters=False),
)


def page_of(script: str) -> Page:
    """The Page whose file is ``script`` (a page passes its ``__file__``)."""
    name = Path(script).resolve()
    for p in PAGES:
        if (ROOT / p.file).resolve() == name or Path(p.file).name == name.name:
            return p
    raise LookupError(f"{script} is not in ui/pages.py's PAGES")
