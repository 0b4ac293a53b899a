"""What the generator makes before anything is written: incidents, action items,
tickets, and the corpus (files plus the ground truth the tests inspect)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from demo.scenarios import Team


# --------------------------------------------------------------------------------------
# Model
# --------------------------------------------------------------------------------------
@dataclass
class Ticket:
    team: Team
    title: str
    created: datetime
    due: date | None
    state: str                    # "To Do" | "In Progress" | "In Review" | "Done" | "Won't Do"
    resolved: datetime | None
    updated: datetime
    cat_changed: datetime
    assignee: tuple[str, str] | None
    reporter: tuple[str, str]
    labels: list[str]
    description: str
    priority: str
    issue_type: str = "Task"
    is_pr: bool = False
    number: int = 0
    key: str = ""
    issue_id: int = 0


@dataclass
class Item:
    text: str
    kind: str
    owner: str                    # "@handle", "" or "TBD"
    due: date | None
    ticket: Ticket | None
    status: str                   # at `end`: "open" | "done" | "wont_do"
    done_at: datetime | None = None
    closed_at: datetime | None = None   # done or won't-do decision, if it happened by `end`
    doc_status: str = ""          # what the front-matter doc's Status column says


@dataclass
class Incident:
    idx: int
    team: Team
    cls: str
    near_miss: bool
    severity: str | None
    start: datetime
    trigger: datetime
    detect: datetime
    mitigate: datetime
    resolve: datetime
    detection: str                # "alert" | "synthetic" | "customer" | "engineer" | "review"
    services: list[str]
    title: str = ""
    summary: str = ""
    rows: list = field(default_factory=list)
    factors: list[str] = field(default_factory=list)
    systemic: str = ""
    items: list[Item] = field(default_factory=list)
    went_well: list[str] = field(default_factory=list)
    lucky: list[str] = field(default_factory=list)
    impact: list[str] = field(default_factory=list)
    fmt: str = "house"            # "house" | "yaml"
    doc_status: str = "Reviewed"
    show_class: bool = True
    owner: str = ""
    inc_id: str = ""
    pd: dict | None = None
    repeat_of: "Incident | None" = None
    path: str = ""
    scenario: int = -1
    feature: str = ""
    pd_ref: bool = False
    written: date | None = None    # when the postmortem was written up
    reviewed: date | None = None   # when it was reviewed (Reviewed documents only)
    blame: str = ""                # a blameful sentence planted under "## Discussion", or ""


@dataclass
class Corpus:
    files: dict[str, str]         # relative path -> text
    incidents: list[Incident]
    tickets: list[Ticket]
    pd_rows: list[dict]
    pd_extra: int

    def counts(self) -> dict:
        return {
            "postmortems": len(self.incidents),
            "near_misses": sum(1 for i in self.incidents if i.near_miss),
            "tickets": len(self.tickets),
            "incident_rows": len(self.pd_rows),
            "blameful_sentences": sum(1 for i in self.incidents if i.blame),
            "items_without_ticket": sum(1 for i in self.incidents for it in i.items if it.ticket is None),
        }
