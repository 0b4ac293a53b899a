"""The words postmortems use, grouped by meaning.

Section headings, metadata keys, timeline event kinds and action-item statuses are
matched against these patterns, case-insensitively, so that one parser reads the house
template, the Google SRE book's, Atlassian's, PagerDuty's and home-grown ones.
"""
from __future__ import annotations

import re


def _rx(*alternatives: str) -> re.Pattern:
    return re.compile(r"^(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


# Section kinds, tried in order against a heading with numbering and emphasis removed.
SECTION_KINDS: list[tuple[str, re.Pattern]] = [
    ("actions", _rx(
        r"action\s*items?", r"actions?(?:\s+(?:points?|taken|plan|list|items?))?",
        r"follow[\s-]*ups?", r"follow[\s-]*up\s+(?:actions?|items?|work|tasks?)",
        r"corrective(?:\s+and\s+preventive)?\s+(?:actions?|measures?)", r"remediations?(?:\s+(?:items?|actions?|plan|steps))?",
        r"review\s+actions?", r"next\s+steps?", r"preventi(?:ve|on)\s+(?:actions?|measures?)",
        r"to[\s-]?dos?", r"tasks", r"improvements?", r"what\s+we(?:'|’)?(?:re|\s+are|\s+will)\s+(?:doing|do|change)",
        r"how\s+we(?:'|’)?(?:re|\s+are|\s+will)\s+(?:preventing|prevent|fix|improv)", r"(?:future\s+)?work\s+items?",
        r"recommendations?", r"mitigations?\s+and\s+preventions?", r"going\s+forward", r"lessons\s+and\s+actions?")),
    ("timeline", _rx(
        r"(?:detailed\s+|incident\s+|event\s+)?timeline", r"chronology", r"key\s+events?",
        r"sequence\s+of\s+events?", r"(?:timeline\s+of\s+)?events", r"time\s*line", r"what\s+happened\s+when",
        r"incident\s+log", r"log\s+of\s+events")),
    ("factors", _rx(
        r"root\s+causes?(?:\s+analysis)?", r"contributing\s+(?:factors?|causes?)", r"causes?",
        r"causal\s+factors?", r"(?:the\s+)?(?:5|five)\s+whys?", r"whys?", r"trigger(?:s|ing\s+event)?",
        r"fault", r"why\s+(?:did|it)", r"analysis", r"technical\s+(?:details|analysis)",
        r"what\s+went\s+wrong\s+and\s+why", r"underlying\s+(?:causes?|issues?)")),
    ("lucky", _rx(r"where\s+we\s+got\s+lucky", r"lucky", r"what\s+was\s+lucky", r"luck")),
    ("went_well", _rx(r"what\s+went\s+(?:well|right)", r"things\s+that\s+went\s+well", r"went\s+well", r"positives?")),
    ("went_wrong", _rx(r"what\s+went\s+(?:wrong|poorly|badly)", r"things\s+that\s+went\s+wrong",
                       r"what\s+could\s+(?:have\s+)?(?:gone|be)\s+better", r"went\s+wrong", r"negatives?")),
    ("lessons", _rx(r"lessons?(?:\s+learn(?:ed|t))?", r"learnings?", r"takeaways?", r"retrospective",
                    r"reflections?", r"discussion")),
    ("summary", _rx(r"(?:incident\s+|executive\s+)?summary", r"overview", r"tl;?\s*dr", r"abstract",
                    r"(?:incident\s+)?description", r"what\s+happened", r"background", r"introduction",
                    r"context", r"issue\s+summary")),
    ("impact", _rx(r"(?:customer\s+|user\s+|business\s+|service\s+)?impact(?:ed)?", r"affected", r"scope", r"effects?")),
    ("detection", _rx(r"detection", r"how\s+(?:was\s+it|we)\s+detected")),
    ("resolution", _rx(r"resolution", r"recovery", r"mitigation", r"response", r"fix", r"resolution\s+and\s+recovery",
                       r"how\s+(?:it\s+was|we)\s+(?:fixed|resolved|mitigated)")),
    ("metadata", _rx(r"date", r"status", r"authors?", r"owners?", r"severity", r"stats", r"statistics",
                     r"metadata", r"(?:incident\s+)?details", r"(?:incident\s+)?information", r"responders?",
                     r"attendees", r"participants", r"people\s+involved", r"incident\s+commander",
                     r"supporting\s+information", r"references?", r"links?", r"appendix", r"glossary",
                     r"leadup", r"lead[\s-]up", r"documentation", r"related\s+(?:incidents|issues)")),
]

_TIMELINE_ANYWHERE = re.compile(r"\btime\s*line\b|\bchronology\b", re.IGNORECASE)
_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*[.)]?|[ivx]+[.)]|[a-z][.)])\s+", re.IGNORECASE)


def clean_heading(title: str) -> str:
    t = re.sub(r"[*_`#]+", "", title).strip()
    t = _NUMBERING.sub("", t)
    return t.strip(" :.-—–\t")


def section_kind(title: str, whole: bool = False) -> str | None:
    """The kind of section a heading names, or None. With ``whole``, the heading must
    be (nearly) only the section name: a document title such as "# Recommendations
    engine outage" is not an action-items section."""
    t = clean_heading(title)
    if not t:
        return None
    if whole and len(t.split()) > 4:
        return None
    if _TIMELINE_ANYWHERE.search(t) and len(t) < 60:
        return "timeline"  # "Follow-up timeline (times in BST)", "Detailed timeline"
    for kind, rx in SECTION_KINDS:
        if rx.match(t):
            return kind
    return None


# Metadata keys (bold "**Key:** value", two-column tables, "Key: value" lines, front matter).
META_KEYS: list[tuple[str, re.Pattern]] = [
    ("ttd", _rx(r"time\s+to\s+(?:detect(?:ion)?)", r"ttd", r"mttd", r"detection\s+time(?:\s+\(min(?:utes)?\))?\s*$")),
    ("ttm", _rx(r"time\s+to\s+(?:mitigat(?:e|ion))", r"ttm")),
    ("ttr", _rx(r"time\s+to\s+(?:recover(?:y)?|resol(?:ve|ution)|repair|restore)", r"ttr", r"mttr")),
    ("duration", _rx(r"(?:outage\s+|incident\s+|total\s+)?duration", r"length", r"downtime")),
    ("started", _rx(r"start(?:ed)?(?:\s+(?:time|at))?", r"impact\s+start(?:ed)?", r"began", r"incident\s+start",
                    r"outage\s+start", r"start\s+of\s+impact", r"begin")),
    ("detected", _rx(r"detected(?:\s+at)?", r"detection(?:\s+(?:time|at))?$", r"first\s+detected", r"alerted(?:\s+at)?", r"reported(?:\s+at)?")),
    ("mitigated", _rx(r"mitigated(?:\s+at)?", r"mitigation(?:\s+time)?$", r"impact\s+end(?:ed)?", r"end(?:ed)?(?:\s+(?:time|at))?",
                      r"outage\s+end(?:ed)?", r"recovered(?:\s+at)?")),
    ("resolved", _rx(r"resolved(?:\s+at)?", r"resolution\s+time", r"closed(?:\s+at)?", r"incident\s+end")),
    ("date", _rx(r"(?:incident\s+)?date(?:\s+of\s+(?:the\s+)?incident)?", r"when", r"occurred", r"day")),
    ("status", _rx(r"(?:document\s+|postmortem\s+|report\s+|review\s+)?status", r"state")),
    ("severity", _rx(r"severity", r"sev", r"priority", r"incident\s+(?:severity|priority|level)", r"level")),
    ("owner", _rx(r"owners?", r"authors?", r"written\s+by", r"incident\s+commander", r"ic", r"lead", r"facilitator")),
    ("near_miss", _rx(r"near[\s_-]*miss")),
    ("class", _rx(r"(?:incident\s+)?class(?:ification)?", r"categor(?:y|ies)", r"incident\s+type", r"type", r"kind", r"tags?")),
    ("teams", _rx(r"teams?", r"owning\s+teams?", r"squads?", r"group")),
    ("services", _rx(r"services?", r"systems?", r"affected\s+(?:services?|systems?|components?)", r"components?",
                     r"products?", r"applications?")),
    ("id", _rx(r"(?:incident\s+)?id", r"incident\s+(?:number|#|no\.?|ref(?:erence)?)", r"reference", r"pagerduty", r"ticket")),
    ("title", _rx(r"title", r"name", r"event")),
]


def meta_key(key: str) -> str | None:
    k = re.sub(r"[*_`]+", "", key).strip().strip(":").strip()
    if not k or len(k) > 40:
        return None
    for name, rx in META_KEYS:
        m = rx.match(k)
        if m and m.end() >= len(k) - 12:  # the key is (nearly) all of it
            return name
    return None


# Front-matter keys, normalised (lower case, "_" for "-" and spaces).
FRONT_MATTER = {
    "id": ("id", "incident_id", "key", "number"),
    "title": ("title", "name", "summary_title"),
    "date": ("date", "incident_date", "day"),
    "severity": ("severity", "sev", "priority", "level"),
    "status": ("status", "state", "postmortem_status"),
    "class": ("class", "incident_class", "category", "categories", "type", "incident_type"),
    "near_miss": ("near_miss", "nearmiss", "is_near_miss"),
    "services": ("services", "service", "systems", "components"),
    "teams": ("teams", "team", "owning_team"),
    "owner": ("owner", "owners", "author", "authors", "incident_commander"),
    "started": ("started_at", "started", "start", "start_time", "impact_start", "began_at"),
    "detected": ("detected_at", "detected", "detection_time", "detect_time"),
    "mitigated": ("mitigated_at", "mitigated", "end_time", "impact_end", "ended_at", "end"),
    "resolved": ("resolved_at", "resolved", "resolution_time", "closed_at"),
    "reference": ("pagerduty", "pagerduty_id", "incident_ref", "incident_reference", "external_id",
                  "firehydrant", "incident_io", "incidentio"),
}


# Timeline entries: what an entry says happened.
EVENT_MARKERS = {
    "started": re.compile(r"\b(?:outage|incident|impact|problem|issue)\s+(?:begins?|starts?|started|began)\b|\bstart of (?:impact|outage|incident)\b", re.I),
    # "OUTAGE ENDS" is the end of impact; "INCIDENT ENDS" closes the incident
    "mitigated": re.compile(r"\b(?:outage|impact|disruption)\s+(?:mitigated|ends?|ended|over)\b|\bincident mitigated\b|\bservice (?:fully )?restored\b", re.I),
    "resolved": re.compile(r"\bincident\s+(?:ends?|ended|resolved|closed|over)\b|\b(?:outage|issue)\s+(?:resolved|closed)\b|\ball[\s-]clear\b", re.I),
}
EVENT_WORDS = {
    "impact": re.compile(
        r"\b(?:errors?|error rates?|failures?|fail(?:s|ed|ing)?|down|outage|unavailable|unreachable|"
        r"degrad(?:ed|ation)|latency|5\d\d|5xx|timeouts?|timing out|spikes?|jumps?|dropp?(?:s|ed)?|"
        r"crash(?:es|ed|ing)?|broken|elevated|unable|stopped|stall(?:s|ed)?|saturat(?:ed|ion)|exhaust(?:ed|ion)|"
        r"impact(?:ed)?|disrupt(?:ed|ion)|lost|loss|overload(?:ed)?|offline)\b", re.I),
    "detected": re.compile(
        r"\b(?:alert(?:s|ed|ing)?|alarms?|paged|paging|pager(?:\s+storm)?|page\s+storm|pages?\s+(?:the\s+|an?\s+)?(?:on-?call|sre|engineer|team|responder)|"
        r"on-?call|detect(?:s|ed|ion)?|notic(?:e|es|ed)|"
        r"report(?:s|ed)?|witness(?:ed)?|discover(?:s|ed)?|spotted|flagged|escalat(?:ed|es)|"
        r"(?:incident|sev-?\d)\s+declared|declares?|opened an incident|became aware|monitoring (?:fires|fired|caught|shows))\b", re.I),
    "mitigated": re.compile(
        r"\b(?:mitigat(?:ed|es|ion)|roll(?:ed)?[\s-]?back (?:complete[sd]?|finish(?:es|ed)|done)|rollback (?:complete[sd]?|finish(?:es|ed)|done|succeeds?)|"
        r"rolled back|reverted|restored|recover(?:s|ed|y complete)|returns? to (?:baseline|normal)|back to normal|"
        r"back up|(?:re)?attached|failover complete[sd]?|stabili[sz]ed|workaround (?:applied|deployed)|errors? (?:subside|stop))\b", re.I),
    "resolved": re.compile(
        r"\b(?:resolved|resolution|closed|all[\s-]clear|fully (?:recovered|restored)|incident (?:closed|over|ended)|"
        r"fix (?:deployed|rolled out|released))\b", re.I),
}


# Action items.
DONE = re.compile(
    r"\[[xX✓✔]\]|~~|(?<![\w-])(?:DONE|Done|done|Completed|COMPLETED|completed|Complete|COMPLETE|Fixed|FIXED|"
    r"Closed|CLOSED|Resolved|RESOLVED|Shipped|Merged|Implemented)(?![\w-])|✅|✔", )
WONT_DO = re.compile(r"won[’']?t\s*(?:do|fix)|wontfix|wont[\s_-]?do|not\s+doing|will\s+not\s+(?:do|fix)|"
                     r"declined|rejected|cancell?ed|dropped|obsolete|not\s+planned", re.I)
OPEN = re.compile(r"\[\s\]|(?<![\w-])(?:TODO|To ?Do|todo|Open|OPEN|open|In Progress|IN PROGRESS|in progress|"
                  r"WIP|Pending|PENDING|pending|Planned|planned|Not started|Started|Ongoing|ongoing|Blocked|"
                  r"In review|Backlog)(?![\w-])")
ACTION_KINDS = {
    "prevent": re.compile(r"\bprevent(?:ion|ive|ative)?\b|\brepair\b|\bfix\b|\broot cause\b", re.I),
    "detect": re.compile(r"\bdetect(?:ion)?\b|\bmonitor(?:ing)?\b|\balert(?:ing)?\b", re.I),
    "mitigate": re.compile(r"\bmitigat(?:e|ion)\b|\brespon(?:se|d)\b|\brecover(?:y)?\b", re.I),
    "process": re.compile(r"\bprocess\b|\btraining\b|\bdocumentation\b|\bcommunication\b|\bpolicy\b", re.I),
    "other": re.compile(r"\bother\b|\bmisc(?:ellaneous)?\b", re.I),
}
