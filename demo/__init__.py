"""Generate a realistic, deterministic demo corpus for Hindsight.

``generate(out_dir)`` writes two years of synthetic incident history for a fictional
company ("acme") in the shapes real teams export:

* ``postmortems/YYYY/YYYY-MM-DD-<slug>.md``: one document per incident or near miss,
  about three quarters in the house format (the seed article's template) and a quarter
  with YAML front matter;
* ``trackers/jira-export.csv``: Jira "Export CSV (all fields)" (English UI, repeated
  ``Labels`` columns, ``dd/Mon/yy h:mm AM`` dates);
* ``trackers/github-issues.json``: GitHub REST list-issues JSON (a few pull requests
  included, as the real endpoint returns them);
* ``incidents/pagerduty-incidents.json``: one PagerDuty ``GET /incidents`` page with the
  paged incidents plus alerts nobody wrote a postmortem for;
* ``hindsight.yaml``: the demo configuration, every key commented.

Only ``random.Random(seed)`` is used and nothing reads the clock, so the same
arguments always give byte-identical files. ``build()`` returns the corpus in memory
(files plus the ground truth the generator used), which the tests inspect.

Run it with ``hindsight demo OUT_DIR`` or ``python -m demo OUT_DIR [INCIDENTS] [SEED]``.

The package is outside loaders/: it writes documents and never reads them, and the
parser's version hash (loaders/ingest.py) covers loaders/ only.
"""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from demo.generator import Generator
from demo.records import Corpus
from demo.scenarios import CLASSES, TAXONOMY, TEAMS
from demo.render import (
    render_config,
    render_github,
    render_house,
    render_jira,
    render_pd,
    render_yaml,
)
from demo.text import slug

__all__ = ["generate", "build", "Corpus", "TAXONOMY", "CLASSES", "TEAMS"]

# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------
def build(incidents: int = 200, seed: int = 7, end: date = date(2026, 10, 31), progress=None) -> Corpus:
    """Build the corpus in memory: files (relative path -> text) plus its ground truth."""
    if isinstance(end, datetime):
        end = end.date()
    if incidents < 1:
        raise ValueError("incidents must be at least 1")
    g = Generator(incidents, seed, end)
    incs = g.build_incidents()
    action_tickets = len(g.tickets)
    g.noise_tickets(action_tickets)
    g.number_tickets()
    pd_rows, pd_extra = g.build_pd(incs)
    files: dict[str, str] = {}
    total = len(incs)
    step = max(1, total // 100)
    used: dict[str, None] = {}
    for k, inc in enumerate(incs):
        inc.pd_ref = inc.pd is not None and g.chance(0.6)
        d = inc.start.date().isoformat()
        base = f"postmortems/{inc.start.year:04d}/{d}-{slug(inc.title)}"
        path, n = base + ".md", 2
        while path in used:
            path, n = f"{base}-{n}.md", n + 1
        used[path] = None
        inc.path = path
        files[path] = render_yaml(inc) if inc.fmt == "yaml" else render_house(inc)
        if progress is not None and ((k + 1) % step == 0 or k + 1 == total):
            progress(k + 1, total)
    files["trackers/jira-export.csv"] = render_jira(g.tickets)
    files["trackers/github-issues.json"] = render_github(g.tickets)
    files["incidents/pagerduty-incidents.json"] = render_pd(pd_rows)
    files["hindsight.yaml"] = render_config()
    return Corpus(files, incs, g.tickets, pd_rows, pd_extra)


def generate(out_dir: str | Path, incidents: int = 200, seed: int = 7, end: date = date(2026, 10, 31),
             progress=None) -> dict:
    """Write the demo corpus into ``out_dir`` and return its counts.

    ``incidents`` is the number of postmortem documents (near misses included). Returns
    ``{"postmortems": files written under postmortems/, "near_misses": how many of those
    are near misses, "tickets": Jira rows + GitHub items, "incident_rows": PagerDuty
    incidents}``. Existing files are overwritten; stale files are not removed.
    """
    corpus = build(incidents, seed, end, progress)
    out = Path(out_dir)
    made: set[Path] = set()
    for rel, text in corpus.files.items():
        p = out / rel
        if p.parent not in made:
            p.parent.mkdir(parents=True, exist_ok=True)
            made.add(p.parent)
        with open(p, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    return corpus.counts()
