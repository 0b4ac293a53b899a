"""Severity: the one reader of a written severity and the one way to name a level.

``level(text)`` turns what a postmortem, a tracker or an incident tool writes into a
number, 1 the worst: ``SEV1``, ``Sev 2``, ``P1``, ``S3``, ``severity-2``, ``priority 1``,
``level 3`` (``niveau 2``, ``nivel 3``), ``Category 2``, ``3 of 5`` (``3 av 5``), a letter after "sev" (``SEV-B`` 2, ``Sev A`` 1), GitLab's scoped label ``~"severity::3"``, a bare ``2``, or a word (``Critical`` 1, ``High``/``Major`` 2,
``Medium``/``Moderate``/``Minor`` 3, ``Low`` 4, ``Trivial`` 5; the same words in French,
German, Spanish, Portuguese and Italian: ``majeure`` 2, ``hoch`` 2, ``baja`` 4). Anything else is no
severity (None), never a guess.

``stated(text)`` is the severity a field states without the note a writer puts after it:
``SEV1 (deploys degraded)`` and ``High — booking broken`` state ``SEV1`` and ``High``.

``scale(text)`` is the scale a document defines for its own names ("Red = SEV1, Orange =
SEV2"), and ``on_scale(severity, text)`` the level a name on it has.

``label(level)`` is how every page, table and export names a level: ``SEV1`` ...,
and ``no severity`` for None. Ingest writes both next to the text as written
(``severity_level`` and ``severity_label``), so the SQL models and the dashboard read
the level and the label from a column instead of parsing or formatting it again.

The config's ``sla_days`` keys are read with ``level`` too (``SEV1``, ``P1``, ``1``,
``critical`` all name level 1).
"""
from __future__ import annotations

import re

from loaders import lazy_re

NO_SEVERITY = "no severity"

# (a level in French, Spanish, Italian, German, Polish, Swedish: "niveau 2", "nivel 3", "Stufe 1";
# and a health service's Severity Assessment Code, "SAC 3", 1 the worst)
_CODED = lazy_re.compile(r"\b(?:sev(?:erity)?|p|s|sac|priority|level|category|cat|niveau|nivel|livello|stufe|poziom|niv[åa])"
                         r"(?:[\s_-]*|::)(\d{1,2})\b", re.I)
# a level named by a letter after "sev", as some vendors and plants rank them: "Sev A" the worst
_LETTERED = lazy_re.compile(r"\b(?i:sev(?:erity)?)[\s_-]*([A-E])\b(?![-'’]\w)")
_WORDS = {"critical": 1, "blocker": 1, "emergency": 1, "high": 2, "major": 2, "medium": 3,
          "moderate": 3, "minor": 3, "low": 4, "trivial": 5,
          # the same levels in French, German, Spanish, Portuguese and Italian
          "critique": 1, "majeur": 2, "majeure": 2, "mineur": 3, "mineure": 3, "kritisch": 1, "hoch": 2,
          "mittel": 3, "niedrig": 4, "crítica": 1, "crítico": 1, "alta": 2, "alto": 2, "media": 3, "medio": 3,
          "média": 3, "médio": 3, "baja": 4, "bajo": 4, "baixa": 4, "baixo": 4, "critica": 1, "bassa": 4}
_WORD = lazy_re.compile(r"\b(" + "|".join(_WORDS) + r")\b", re.I)


def level(text) -> int | None:
    """The level a written severity names (1 the worst), or None."""
    if text is None:
        return None
    if isinstance(text, bool):
        return None
    if isinstance(text, int):
        return text if text >= 0 else None
    s = str(text).strip()
    if not s:
        return None
    if s.isdigit():
        # a level is a small number: 5,000 digits name none (and int() refuses them)
        return int(s) if len(s) <= 3 else None
    if s[:1] in "nNuU" and _NO_LEVEL.match(s):
        return None   # "n/a (near miss — would have been SEV-1)": no level given, what it might have been aside
    if ("-" in s or "→" in s or "=" in s or " to " in s) and (m := _CHANGED_TO.search(s)) \
            and (after := level(s[m.end():])) is not None:
        return after   # "SEV3 -> SEV2 (escalated ...)", "P3, raised to P2": the level it ended at
    if (m := _CODED.search(s)):
        return int(m.group(1))
    if (m := _LETTERED.search(s)):
        return ord(m.group(1).upper()) - ord("A") + 1   # "SEV-B", "Sev A": A the worst
    if (m := _NUMBER_NOTED.match(s)) or (m := _OF_SCALE.match(s)):
        return int(m.group(1))   # "2 (our scale: 1 = site down, 4 = cosmetic)", "3 av 5 (1 = høyest)"
    if (m := _WORD.search(s)):
        return _WORDS[m.group(1).lower()]
    return None


# a level refused, then perhaps a note: "n/a (near miss)", "not rated", "unrated", "none
# (near miss; would have been SEV1 if it reached 100%)"
_NO_LEVEL = lazy_re.compile(r"(?:n/a|n\.a\.|not\s+(?:applicable|rated|assigned)|unrated|none)(?:\s|[(（,;:—–-]|$)", re.I)


# a change of level: "SEV3 -> SEV2", "P3 → P2", "raised to P2", "downgraded to SEV-3"
_CHANGED_TO = lazy_re.compile(r"(?:->|→|⇒|=>|\b(?:raised|escalated|upgraded|downgraded|bumped|lowered|changed|moved|reduced)"
                              r"\s+to)\s*", re.I)


# a level's number on its scale's length, in words: "3 of 5", "3 av 5", "2 sur 4", "2 von 4"
_OF_SCALE = lazy_re.compile(r"^(\d)\s+(?:of|out\s+of|av|af|von|sur|de|di|van|z|из)\s+\d\b", re.I)


# a level's number alone, then a note on the scale in brackets or after a dash: "2 (our
# scale: 1 = site down for everyone, 4 = cosmetic)", "3 — minor"
_NUMBER_NOTED = lazy_re.compile(r"^(\d)\s*(?:[(（\[]|[—–-]\s)")


# a level alone at the start ("SEV-2", "P1", "High"), then a note in brackets or after a
# dash: "SEV-2 (public surfaces down ~30 min)", "SEV-2（本番環境…）", "High — booking broken"
_NOTED = lazy_re.compile(r"^\s*((?:sev(?:erity)?[\s_-]*\d{1,2}|p[\s_-]?\d|s\d|" + "|".join(_WORDS) + r"))"
                    r"(?:\s*[(（\[]|\s+[—–-]\s)", re.I)


# a coded level and nothing else but a note: "SEV-2", "Sev 1 (payments down)", "P2", "S3"
_CODED_ALONE = lazy_re.compile(r"^\s*(?:sev(?:erity)?[\s_-]*\d{1,2}|p[\s_-]?\d|s\d)\s*(?:$|[(（\[]|[—–-]\s)", re.I)


def coded_alone(text: str) -> bool:
    """True when ``text`` is a coded severity level alone ("SEV-2", "P1 (checkout)"): a
    value that says it is a severity whatever the key beside it is called."""
    return _CODED_ALONE.match(text) is not None


def stated(text: str | None) -> str | None:
    """The severity a field states: the level it opens with, where a note follows in
    brackets or after a dash that names no level of its own ("SEV1 (deploys degraded)"
    -> "SEV1"); else the text as written ("CRITICAL (P0)", whose note names one, stays)."""
    if not text or not (m := _NOTED.match(text)):
        return text
    return m.group(1) if level(text[m.end():]) is None else text


# one level of a scale a document defines: "Red = SEV1", "**Orange** = a major flow is
# broken for a significant group (SEV2)": a name, "=", and the first coded level after it
# (before the next "=")
# (its emphasis either way: "**Red**", "__Red__")
_SCALE_ENTRY = lazy_re.compile(r"(?<![^\W\d_])([^\W\d_]{3,12})[*_]*\s*=\s*[^=]{0,120}?\b((?:sev(?:erity)?|p|s)[\s-]?\d)\b", re.I)


# a name the document calls its highest level: "Red is our highest level (1 of 3)", "Black
# is the most severe category"
_SCALE_TOP = lazy_re.compile(r"(?<![^\W\d_])([^\W\d_]{3,12})[*_]*\s+(?:is|means)\s+(?:our|the)\s+"
                             r"(?:highest|most\s+severe|top|worst)\s+(?:level|severity|category|grade|priority|colour|color)\b", re.I)


def scale(text: str) -> dict[str, int]:
    """The levels a document's own scale gives its names ("Red = SEV1, Orange = SEV2,
    Yellow = SEV3": red 1, orange 2, yellow 3; two names at least), or the one it calls its
    highest ("Red is our highest level": red 1), or {} when it defines none."""
    named = {}
    if "=" in text:
        named = {m.group(1).lower(): level(m.group(2)) for m in _SCALE_ENTRY.finditer(text)}
    if len(named) >= 2:
        return named
    if (m := _SCALE_TOP.search(text)) and level(m.group(1)) is None:
        return {m.group(1).lower(): 1}
    return {}


def on_scale(text: str | None, document: str) -> int | None:
    """The level a severity with none of its own ("🟠 Orange", "Red") has on the scale the
    document defines, or None."""
    if not text or not (named := scale(document)):
        return None
    return next((named[w.lower()] for w in re.findall(r"[^\W\d_]+", text) if w.lower() in named), None)


def label(lvl: int | None) -> str:
    """``SEV1`` for 1, ..., and ``no severity`` for None."""
    if lvl is None:
        return NO_SEVERITY
    try:
        return f"SEV{int(lvl)}"
    except (TypeError, ValueError):
        return NO_SEVERITY
