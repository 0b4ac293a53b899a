"""Suggested classes for incidents that have none: group what reads alike, name each
group by its words, and hand back a ready ``taxonomy:`` entry for hindsight.yaml.

Accepting a suggestion is editing the config and re-ingesting: the taxonomy's keywords
then classify those incidents (and future ones) at load. Rule-based and explainable:
TF-IDF over each incident's text (title, summary, contributing factors, timeline;
single words, English stop words out), average-linkage clustering on cosine
distance with a fixed threshold, groups of at least MIN_GROUP incidents, each named by
the words that weigh most in it. At most MAX_INCIDENTS (the most recent) are grouped.

The entry's rule is a pattern that needs two of the group's top single words together
(the pair that the most of its incidents' title, summary and contributing factors hold:
what the loader matches a taxonomy against), and says how many of the group it matches.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from metrics.db import Reader, sql_file
from metrics.filters import Filters, params

MIN_GROUP = 3
MAX_INCIDENTS = 2000
DISTANCE = 0.85          # average cosine distance below which groups merge (average linkage)
TERMS = 5


@dataclass(frozen=True)
class Suggestion:
    name: str                    # a class name made of the rule's two words
    terms: list[str]             # the words that weigh most in the group
    incidents: list[tuple[str, str, str]]   # (incident id, title, date), newest first
    pattern: str                 # the rule: both words, anywhere, as whole words
    matches: int                 # how many of the group's incidents the rule classifies
    snippet: str                 # the taxonomy entry to paste into hindsight.yaml


def _rule(words: list[str], texts: list[str]) -> tuple[str, str, int]:
    """(name, pattern, matches): the pair of ``words`` (best first) found together in the
    most of ``texts``; the earlier pair wins a tie."""
    best = None
    for a in range(len(words)):
        for b in range(a + 1, len(words)):
            pattern = rf"(?s)(?=.*\b{re.escape(words[a])}\b)(?=.*\b{re.escape(words[b])}\b)"
            hits = sum(bool(re.search(pattern, t, re.I)) for t in texts)
            if best is None or hits > best[2]:
                best = (f"{words[a]}-{words[b]}", pattern, hits)
    return best


def _snippet(s_name: str, pattern: str, n: int, matches: int) -> str:
    return (f"taxonomy:\n  {s_name}:    # suggested: {n} unclassified incidents, the rule matches {matches}\n"
            f"    patterns: ['{pattern}']\n")


def suggestions(reader: Reader, f: Filters) -> list[Suggestion]:
    """Groups of unclassified incidents under the filters, largest first."""
    df = reader.query_df(sql_file("recurrence_unclassified"), params(f, limit=MAX_INCIDENTS))
    if len(df) < MIN_GROUP:
        return []
    texts = reader.query_df(sql_file("recurrence_unclassified_text"), {"paths": list(df["file_path"])})
    df = df.merge(texts, on="file_path", how="left")
    from sklearn.cluster import AgglomerativeClustering   # half a second to import: only when there is work
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True,
                                 token_pattern=r"(?u)\b[^\W\d_][\w-]*[^\W_]\b", max_df=0.5 if len(df) >= 20 else 1.0)
    try:
        x = vectorizer.fit_transform(df["text"].fillna(""))
    except ValueError:
        return []
    terms = vectorizer.get_feature_names_out()
    labels = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                     distance_threshold=DISTANCE).fit_predict(x.toarray())
    out = []
    for label in np.unique(labels):
        rows = np.flatnonzero(labels == label)
        if len(rows) < MIN_GROUP:
            continue
        weight = np.asarray(x[rows].mean(axis=0)).ravel()
        ranked = [str(terms[t]) for t in np.lexsort((np.arange(len(weight)), -weight)) if weight[t] > 0]
        words = ranked[:TERMS]
        if len(words) < 2:
            continue
        name, pattern, matches = _rule(words, [str(df.at[r, "class_text"] or "") for r in rows])
        incidents = [(str(df.at[r, "incident_id"]), str(df.at[r, "title"] or ""), str(df.at[r, "incident_date"])[:10])
                     for r in rows]
        out.append(Suggestion(name, ranked[:TERMS], incidents, pattern, matches,
                              _snippet(name, pattern, len(rows), matches)))
    return sorted(out, key=lambda s: (-len(s.incidents), s.name))
