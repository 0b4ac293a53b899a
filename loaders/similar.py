"""Similar past incidents: for every postmortem, the earlier ones that read most alike.

Offline and explainable. Each postmortem's text (title, summary, contributing factors,
timeline entries: int_incident_text) becomes a TF-IDF vector (scikit-learn; words of
two or more letters, English stop words out, single words and pairs, sublinear term
counts); two postmortems' similarity is

    score = TEXT_WEIGHT * cosine(text) + SERVICE_WEIGHT * jaccard(services)

and each postmortem keeps its TOP most similar *earlier* ones (by start) with a score of
at least MIN_SCORE, with the words that weigh most in both (``shared_terms``) and the
services they share. The table ``similar_incidents`` is rebuilt at an ingest only when
a text, a service list or a start changed (``similar_fingerprint`` in settings), so an
unchanged re-ingest costs a hash. Work is done in blocks of rows, so memory grows with
the number of postmortems, not its square.
"""
from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

TOP = 5
MIN_SCORE = 0.05        # below this, two postmortems have nothing worth showing in common
TEXT_WEIGHT, SERVICE_WEIGHT = 0.85, 0.15
SHARED_TERMS = 5
BLOCK = 250             # rows compared at once: a few BLOCK x n float arrays in memory
VERSION = "1"           # bump when the rule above changes: the table is rebuilt
COLUMNS = ["file_path", "rank", "similar_path", "score", "text_score", "shared_terms", "shared_services"]


def fingerprint(df: pd.DataFrame) -> str:
    """A hash of everything the table depends on: the rule's version and each row."""
    h = hashlib.sha256(VERSION.encode())
    for row in df.itertuples(index=False):
        h.update(f"{row.file_path}\0{row.text}\0{sorted(row.services)}\0{row.start_ts}\n".encode())
    return h.hexdigest()[:16]


def _services_matrix(services: list[list[str]]):
    from scipy import sparse

    names = sorted({s for row in services for s in row})
    index = {s: k for k, s in enumerate(names)}
    rows = [i for i, row in enumerate(services) for _ in row]
    cols = [index[s] for row in services for s in row]
    return sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                             shape=(len(services), max(1, len(names))))


def similar(df: pd.DataFrame, top: int = TOP, min_score: float = MIN_SCORE) -> pd.DataFrame:
    """``df``: file_path, text, services (lists), start_ts. One row per (postmortem, one of
    its ``top`` most similar earlier postmortems), see the module docstring. Equal starts
    are ordered by file path and equal scores by start, so the same input gives the same
    table."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    if len(df) < 2:
        return pd.DataFrame(columns=COLUMNS)
    df = df.sort_values(["start_ts", "file_path"], kind="stable").reset_index(drop=True)
    n = len(df)
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, ngram_range=(1, 2), min_df=1,
                                 max_df=0.5 if n >= 20 else 1.0, token_pattern=r"(?u)\b[^\W\d_][\w-]*[^\W_]\b",
                                 dtype=np.float32)
    try:
        x = vectorizer.fit_transform(df["text"].fillna(""))
    except ValueError:  # no word at all (empty documents)
        return pd.DataFrame(columns=COLUMNS)
    terms = vectorizer.get_feature_names_out()
    services = [list(s) if s is not None else [] for s in df["services"]]
    b = _services_matrix(services)
    sizes = np.asarray(b.sum(axis=1)).ravel()
    order = np.arange(n)   # rows are sorted by start: j < i is "earlier"
    x = x.tocsr()
    ptr, idx, val = x.indptr, x.indices, x.data
    out = []
    for lo in range(0, n, BLOCK):
        hi = min(n, lo + BLOCK)
        text = (x[lo:hi] @ x.T).toarray()
        inter = (b[lo:hi] @ b.T).toarray()
        union = sizes[lo:hi, None] + sizes[None, :] - inter
        jac = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
        score = TEXT_WEIGHT * text + SERVICE_WEIGHT * jac
        score[order[lo:hi, None] <= order[None, :]] = -1.0      # only earlier postmortems
        k = min(top, n - 1)
        cand = np.argpartition(-score, k - 1, axis=1)[:, :k]   # each row's best k, the row not sorted whole
        for r in range(hi - lo):
            i = lo + r
            row = score[r]
            best = sorted((c for c in cand[r] if row[c] >= min_score), key=lambda c: (-row[c], c))
            for rank, j in enumerate(best):
                a, b_ = slice(ptr[i], ptr[i + 1]), slice(ptr[j], ptr[j + 1])
                common, ia, ib = np.intersect1d(idx[a], idx[b_], assume_unique=True, return_indices=True)
                weight = val[a][ia] * val[b_][ib]
                shared_terms = [str(terms[t]) for t in common[np.lexsort((common, -weight))][:SHARED_TERMS]]
                shared = sorted(set(services[i]) & set(services[j]))
                out.append((df.at[i, "file_path"], rank + 1, df.at[j, "file_path"], float(round(row[j], 4)),
                            float(round(text[r, j], 4)), shared_terms, shared))
    return pd.DataFrame(out, columns=COLUMNS)


def refresh(con) -> bool:
    """Rebuild ``similar_incidents`` from int_incident_text when its inputs changed;
    True when it was rebuilt. Runs inside the ingest's swap, after the marts."""
    df = con.execute("SELECT file_path, text, services, start_ts FROM int_incident_text").df()
    fp = fingerprint(df.sort_values("file_path", kind="stable"))
    have = con.execute("SELECT value FROM settings WHERE key = 'similar_fingerprint'").fetchall()
    if have and have[0][0] == fp:
        return False
    table = similar(df)
    con.execute("DELETE FROM similar_incidents")  # the table: migrations/008_similar_incidents.sql
    if len(table):
        con.register("_similar", table)
        con.execute("INSERT INTO similar_incidents SELECT * FROM _similar")
        con.unregister("_similar")
    con.execute("DELETE FROM settings WHERE key = 'similar_fingerprint'")
    con.execute("INSERT INTO settings VALUES ('similar_fingerprint', ?)", [fp])
    return True
