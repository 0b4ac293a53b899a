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

import multiprocessing
from datetime import date, datetime
from itertools import chain
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
    g, incs, pd_rows, pd_extra = _history(incidents, seed, end)
    files = dict(_postmortems(incs, progress))
    files.update(_exports(g.tickets, pd_rows))
    return Corpus(files, incs, g.tickets, pd_rows, pd_extra)


def generate(out_dir: str | Path, incidents: int = 200, seed: int = 7, end: date = date(2026, 10, 31),
             progress=None) -> dict:
    """Write the demo corpus into ``out_dir`` and return its counts.

    ``incidents`` is the number of postmortem documents (near misses included). Returns
    ``{"postmortems": files written under postmortems/, "near_misses": how many of those
    are near misses, "tickets": Jira rows + GitHub items, "incident_rows": PagerDuty
    incidents}``. Existing files are overwritten; stale files are not removed.

    The files are the ones ``build`` makes, byte for byte. Once the history is drawn
    (one random stream, so one process), a forked child renders and writes the tracker
    and incident exports while this process writes the postmortems: the two halves take
    about as long as each other, and a machine has two cores at least.
    """
    g, incs, pd_rows, pd_extra = _history(incidents, seed, end)
    out = Path(out_dir)
    child = None
    if len(incs) >= _FORK_FROM and "fork" in multiprocessing.get_all_start_methods():
        child = multiprocessing.get_context("fork").Process(
            target=_write, args=(out, None, g.tickets, pd_rows), name="hindsight-demo-exports")
        child.start()
    try:
        _write(out, _postmortems(incs, progress), g.tickets if child is None else None, pd_rows)
    finally:
        if child is not None:
            child.join()
    if child is not None and child.exitcode != 0:
        raise RuntimeError(f"writing the demo's exports failed (exit code {child.exitcode}); "
                           "see the error above")
    return Corpus({}, incs, g.tickets, pd_rows, pd_extra).counts()


# below this many incidents a second process costs more than it saves
_FORK_FROM = 5000


def _history(incidents: int, seed: int, end: date):
    """The generator, its incidents (each with its path), PagerDuty rows and extras."""
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
    used: dict[str, None] = {}
    for inc in incs:
        inc.pd_ref = inc.pd is not None and g.chance(0.6)
        d = inc.start.date().isoformat()
        base = f"postmortems/{inc.start.year:04d}/{d}-{slug(inc.title)}"
        path, n = base + ".md", 2
        while path in used:
            path, n = f"{base}-{n}.md", n + 1
        used[path] = None
        inc.path = path
    return g, incs, pd_rows, pd_extra


def _postmortems(incs, progress=None):
    """(path, text) of every postmortem, in order, reporting progress as it goes."""
    total = len(incs)
    step = max(1, total // 100)
    for k, inc in enumerate(incs):
        yield inc.path, (render_yaml(inc) if inc.fmt == "yaml" else render_house(inc))
        if progress is not None and ((k + 1) % step == 0 or k + 1 == total):
            progress(k + 1, total)


def _exports(tickets, pd_rows):
    """(path, text) of the tracker and incident exports and the config."""
    yield "trackers/jira-export.csv", render_jira(tickets)
    yield "trackers/github-issues.json", render_github(tickets)
    yield "incidents/pagerduty-incidents.json", render_pd(pd_rows)
    yield "hindsight.yaml", render_config()


def _write(out: Path, postmortems, tickets, pd_rows) -> None:
    """Write the postmortems given, and the exports when ``tickets`` is not None."""
    made: set[Path] = set()
    files = postmortems if postmortems is not None else ()
    if tickets is not None:
        files = chain(files, _exports(tickets, pd_rows))
    for rel, text in files:
        p = out / rel
        if p.parent not in made:
            p.parent.mkdir(parents=True, exist_ok=True)
            made.add(p.parent)
        with open(p, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
