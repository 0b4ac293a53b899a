"""A postmortem checked the way a reviewer would before the review meeting.

``check(record, text)`` takes one parsed postmortem (the parser's record, the shape
`hindsight parse --json` prints) and its text, and returns the findings (rule, line,
what is wrong, how to fix it) and a quality score from 0 to 100. `hindsight lint`
prints the findings; the ingest stores both, so the dashboard's score and the linter
never disagree. A pure function: no file, no database, no config beyond the rules a
repository switched off.

The rules (``RULES``), each worth points of the score when it passes:

- anatomy (8 points each, 40): a summary, an impact section, a timeline, contributing
  factors, action items (a near miss may have none);
- times (5 each, 15): the timeline states its zone; detection and mitigation times are known;
- action items (25): each item names an owner, a due date and a ticket; the points are
  the share of those 3 x items that are there (an incident with no items scores 0 here,
  a near miss with none scores 25);
- at least two contributing factors (10): one "root cause" hides the chain;
- no blameful sentence (10): loaders/postmortem/blame.py.

A switched-off rule is neither reported nor counted against the score.
"""
from __future__ import annotations

from dataclasses import dataclass, fields

from loaders.postmortem import blame as blame_rules

# id: (level, points, what a passing postmortem has, how to fix a finding)
RULES: dict[str, tuple[str, float, str, str]] = {
    "anatomy-summary": ("error", 8, "a summary section",
                        "Add a '## Summary': what happened, to whom, for how long, in two or three sentences."),
    "anatomy-impact": ("error", 8, "an impact section",
                       "Add a '## Impact': who was affected, how many, for how long."),
    "anatomy-timeline": ("error", 8, "a timeline",
                         "Add a '## Timeline (UTC)' with one timed entry per event: start, detection, "
                         "mitigation, resolution."),
    "anatomy-factors": ("error", 8, "a contributing-factors section",
                        "Add a '## Contributing factors' listing what made the incident possible and worse."),
    "anatomy-actions": ("error", 8, "an action-items section (not needed for a near miss)",
                        "Add a '## Action items' list: one item per fix, each with an owner, a due date and a ticket."),
    "timeline-zone": ("warning", 5, "the timeline states its time zone",
                      "Say the zone once, e.g. '## Timeline (UTC)', or write it beside each time."),
    "detection-time": ("error", 5, "a detection time",
                       "Add the moment you first knew (the alert, the page, the customer report) to the timeline."),
    "mitigation-time": ("error", 5, "a mitigation time",
                        "Add the moment impact ended to the timeline (e.g. '14:32 rollback complete, errors back to normal')."),
    "action-owner": ("error", 25 / 3, "every action item names an owner",
                     "Name one owner per item, e.g. '(owner: @alice)'. An item nobody owns is a wish."),
    "action-due": ("warning", 25 / 3, "every action item has a due date",
                   "Give each item a due date, e.g. 'due 2024-07-01'."),
    "action-ticket": ("warning", 25 / 3, "every action item links a ticket",
                      "Link the tracker ticket, e.g. 'OPS-123' or a GitHub issue URL, so it is tracked."),
    "factors-min": ("warning", 10, "at least two contributing factors",
                    "Incidents have a chain of causes: ask what else had to be true for this to happen."),
    "blame": ("error", 10, "no blameful sentence",
              "Describe what the system allowed, not who slipped."),
}
_ANATOMY = (("anatomy-summary", "summary"), ("anatomy-impact", "impact"), ("anatomy-timeline", "timeline"),
            ("anatomy-factors", "factors"), ("anatomy-actions", "actions"))


@dataclass(frozen=True)
class Finding:
    rule: str
    line: int
    level: str        # "error" or "warning"
    message: str
    hint: str
    text: str | None = None   # the words at fault (a blameful sentence), when there are some

    def as_dict(self) -> dict:
        # (what asdict gives, without its recursive deep copy: every field is a string, a
        # number or None, which a copy leaves as it is)
        return {name: getattr(self, name) for name in _FINDING_FIELDS}


_FINDING_FIELDS = tuple(f.name for f in fields(Finding))


@dataclass(frozen=True)
class Result:
    score: int
    findings: tuple[Finding, ...]

    def as_dict(self) -> dict:
        return {"score": self.score, "findings": [f.as_dict() for f in self.findings]}


def unknown_rules(names) -> list[str]:
    """The names that are no rule (for the config's `lint: disable:` check)."""
    return sorted(set(names) - set(RULES))


def check(record: dict, text: str, disabled: frozenset[str] | set[str] = frozenset()) -> Result:
    """The findings and the quality score of one parsed postmortem."""
    out: list[Finding] = []
    lost = 0.0   # points lost

    def find(rule: str, line: int | None, message: str, text: str | None = None, hint: str | None = None):
        level, _, _, fix = RULES[rule]
        out.append(Finding(rule, int(line or 1), level, message, hint or fix, text))

    sections = record.get("sections") or {}
    near_miss = bool(record.get("near_miss"))
    has = {
        "summary": "summary" in sections or bool(record.get("summary")),
        "impact": "impact" in sections,
        "timeline": "timeline" in sections or bool(record.get("timeline")),
        # a factors section, or the "What went wrong" list that stands for one (a cause
        # told only in prose is read as a factor, but the document still lacks the section)
        "factors": "factors" in sections or bool((record.get("lessons") or {}).get("went_wrong")),
        "actions": "actions" in sections or bool(record.get("action_items")) or near_miss,
    }
    for rule, kind in _ANATOMY:
        if rule not in disabled and not has[kind]:
            find(rule, 1, f"no {RULES[rule][2].split(' (')[0].removeprefix('a ').removeprefix('an ')} found")
            lost += RULES[rule][1]

    timeline = record.get("timeline") or []
    timeline_line = sections.get("timeline") or next((e.get("line") for e in timeline if e.get("line")), 1)
    timed = [e for e in timeline if e.get("at")]
    if "timeline-zone" not in disabled and timed and not record.get("zone_stated"):
        find("timeline-zone", timeline_line, "the timeline does not say which time zone its times are in")
        lost += RULES["timeline-zone"][1]
    for rule, key, word in (("detection-time", "detected_at", "detected"),
                            ("mitigation-time", "mitigated_at", "mitigated")):
        if rule not in disabled and not record.get(key):
            find(rule, timeline_line, f"no time at which the incident was {word} could be read")
            lost += RULES[rule][1]

    items = record.get("action_items") or []
    for rule, key, what in (("action-owner", "owner", "an owner"), ("action-due", "due", "a due date"),
                            ("action-ticket", "ticket", "a ticket")):
        if rule in disabled:
            continue
        missing = [a for a in items if not a.get(key)]
        for a in missing:
            find(rule, a.get("line"), f"action item has no {what.split(' ', 1)[1]}: {_short(a.get('text'))}")
        if items:
            lost += RULES[rule][1] * len(missing) / len(items)
        elif not near_miss:
            lost += RULES[rule][1]

    factors = record.get("contributing_factors") or []
    if "factors-min" not in disabled and has["factors"] and len(factors) < 2:
        find("factors-min", sections.get("factors"),
             f"{len(factors)} contributing factor{'s' if len(factors) != 1 else ''} listed; one 'root cause' "
             "hides the chain")
        lost += RULES["factors-min"][1]
    elif "factors-min" not in disabled and not has["factors"]:
        lost += RULES["factors-min"][1]   # (reported as anatomy-factors)

    if "blame" not in disabled:
        hits = blame_rules.find(text)
        for h in hits:
            find("blame", h.line, f"blameful sentence ({h.rule}): {_short(h.sentence)}", h.sentence,
                 f"{h.question} Rewrite: {h.rewrite}")
        if hits:
            lost += RULES["blame"][1]

    out.sort(key=lambda f: (f.line, f.rule))
    return Result(max(0, min(100, round(100 - lost))), tuple(out))


def _short(text: str | None, limit: int = 80) -> str:
    t = " ".join((text or "").split())
    return t if len(t) <= limit else t[:limit - 1] + "…"


# --------------------------------------------------------------------------------------
# Printing findings (`hindsight lint --format text|json|github`)

FORMATS = ("text", "json", "github")


def failed(results: dict[str, Result], strict: bool = False) -> bool:
    """Whether a lint run fails (exit 1): any error, or with ``strict`` any finding."""
    return any(f.level == "error" or strict for r in results.values() for f in r.findings)


def render(results: dict[str, Result], fmt: str = "text", skipped: dict[str, str] | None = None) -> str:
    """``results``: path -> Result, in the order to print; ``skipped``: path -> why a file
    was not linted (not a postmortem)."""
    skipped = skipped or {}
    if fmt == "json":
        import json

        return json.dumps({"files": [{"file": p, **r.as_dict()} for p, r in results.items()],
                           "skipped": [{"file": p, "reason": why} for p, why in skipped.items()],
                           "summary": _totals(results)}, ensure_ascii=False, indent=1)
    lines = []
    for path, r in results.items():
        for f in r.findings:
            if fmt == "github":
                # workflow commands: https://docs.github.com/actions/reference/workflow-commands
                kind = "error" if f.level == "error" else "warning"
                lines.append(f"::{kind} file={_gh_prop(path)},line={f.line},title={_gh_prop(f.rule)}::"
                             f"{_gh_data(f.message + '. ' + f.hint)}")
            else:
                lines.append(f"{path}:{f.line}: {f.level} [{f.rule}] {f.message}\n    fix: {f.hint}")
    if fmt == "text":
        for path, why in skipped.items():
            lines.append(f"{path}: skipped ({why})")
        t = _totals(results)
        lines.append(f"{t['files']} postmortem{'s' if t['files'] != 1 else ''}, {t['errors']} error"
                     f"{'s' if t['errors'] != 1 else ''}, {t['warnings']} warning{'s' if t['warnings'] != 1 else ''}"
                     + (f"; quality score median {t['median_score']}" if t["files"] else ""))
    return "\n".join(lines)


def _totals(results: dict[str, Result]) -> dict:
    scores = sorted(r.score for r in results.values())
    n = len(scores)
    median = None if not n else (scores[n // 2] if n % 2 else (scores[n // 2 - 1] + scores[n // 2]) / 2)
    return {"files": n, "errors": sum(f.level == "error" for r in results.values() for f in r.findings),
            "warnings": sum(f.level == "warning" for r in results.values() for f in r.findings),
            "median_score": median}


def _gh_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(s: str) -> str:
    return _gh_data(s).replace(":", "%3A").replace(",", "%2C")
