"""Similar past incidents: for every postmortem, the earlier ones that read most alike.

Offline and explainable. Each postmortem's text (title, summary, contributing factors,
timeline entries: int_incident_text) becomes a TF-IDF vector (the terms of
loaders/words.py: words and neighbouring pairs, English stop words out; sublinear term
counts); two postmortems' similarity is

    score = TEXT_WEIGHT * cosine(text) + SERVICE_WEIGHT * jaccard(services)

and each postmortem keeps its TOP most similar *earlier* ones (by start) among the
HORIZON before it, with a score of at least MIN_SCORE, with the words that weigh most in
both (``shared_terms``) and the services they share. The horizon makes the table cost
n x HORIZON scores, not n squared; work is done in blocks of rows whose arrays hold
about CELLS scores whatever the number of postmortems.

Memory stays flat in the number of postmortems: a rebuild reads the texts BATCH at a
time in start order (document frequencies first, then vectors), and holds only the
vectors of the current batch and of the HORIZON before it; the table and the vectors
are written as they are made. Nothing holds every text or every vector at once.

At an ingest (``refresh``) the table ``similar_incidents`` is

- kept when no text, service list or start changed (``similar_fingerprint`` in
  settings): an unchanged re-ingest costs a hash;
- updated in place when a few postmortems changed, were added or removed: their vectors
  are made with the vocabulary and document frequencies of the last full rebuild
  (tables ``similar_terms`` and ``similar_vectors``), their own lists are ranked again,
  and so is every other postmortem's list that one of them enters or leaves, and every
  list within HORIZON after one that was added, removed or moved (its window shifted). The result
  is exactly what ranking everything under those stored frequencies gives; words first
  seen since the last rebuild do not count until the next one;
- rebuilt whole (new vocabulary and frequencies) when the changes since the last full
  rebuild reach REBUILD_SHARE of the postmortems, when there are fewer than
  INCREMENTAL_FROM (a full rebuild is then quick), or when the rule's VERSION changed.
"""
from __future__ import annotations

import hashlib
import os

import numpy as np
import pandas as pd

from loaders import words

TOP = 5
MIN_SCORE = 0.05        # below this, two postmortems have nothing worth showing in common
TEXT_WEIGHT, SERVICE_WEIGHT = 0.85, 0.15
SHARED_TERMS = 5
CELLS = 500_000         # scores computed at once: a few float arrays this size (4 MB each)
HORIZON = 5000          # each postmortem is compared with at most this many earlier ones: the most recent
VERSION = "3"           # bump when the rule above changes: the table is rebuilt
REBUILD_SHARE = 0.05    # changes since the last full rebuild, as a share of postmortems, that force one
INCREMENTAL_FROM = 1000  # fewer postmortems than this: always rebuilt whole
BATCH = 2000            # postmortems read, vectorised and written at once by a rebuild
THREADS = min(2, os.cpu_count() or 1)   # blocks ranked at once: each holds a few CELLS-sized arrays
COLUMNS = ["file_path", "rank", "similar_path", "score", "text_score", "shared_terms", "shared_services"]


def digest(text: str, services, start) -> str:
    """A hash of one postmortem's inputs to the rule."""
    key = f"{VERSION}\0{text}\0{sorted(services) if services is not None else []}\0{start}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def _digests(df: pd.DataFrame) -> list[str]:
    return [digest(t or "", s, ts) for t, s, ts in zip(df["text"], df["services"], df["start_ts"])]


def _max_df(n: int) -> float:
    """The share of texts a term may appear in and still count (commoner ones say nothing)."""
    return 0.5 if n >= 20 else 1.0


class _Vectors:
    """The rule's TF-IDF vectors under ``terms`` and ``idf`` (from _vocabulary): each
    term's count c in a text weighs (1 + ln c) x idf, and each text's vector has length 1.
    Float32, computed step for step as scikit-learn's ``TfidfVectorizer(sublinear_tf=True)``
    transforms (tests/test_similar.py compares them bit for bit)."""

    def __init__(self, terms, idf):
        self.index = {t: k for k, t in enumerate(terms)}
        self.idf = np.asarray(idf, dtype=np.float32)

    def __call__(self, texts):
        """CSR, one row per text (None is empty)."""
        from collections import Counter
        from itertools import repeat

        from scipy import sparse

        get, cols, counts, sizes = self.index.get, [], [], []
        for text in texts:
            c = Counter(words.terms(text if isinstance(text, str) else ""))
            cols.extend(map(get, c, repeat(-1)))          # -1: a term outside the vocabulary
            counts.extend(c.values())
            sizes.append(len(c))
        cols, counts = np.asarray(cols, dtype=np.int64), np.asarray(counts, dtype=np.float32)
        rows = np.repeat(np.arange(len(sizes)), sizes)
        keep = cols >= 0
        indptr = np.zeros(len(sizes) + 1, dtype=np.int32)
        np.cumsum(np.bincount(rows[keep], minlength=len(sizes)), out=indptr[1:])
        x = sparse.csr_matrix((counts[keep], cols[keep].astype(np.int32), indptr), shape=(len(sizes), len(self.idf)))
        x.sort_indices()
        data = x.data
        np.log(data, out=data)
        data += np.float32(1.0)
        data *= self.idf[x.indices]
        lengths = np.diff(x.indptr)
        sums = np.zeros(len(lengths))                   # each row's sum of squares, in double
        full = lengths > 0
        sums[full] = np.add.reduceat((data * data).astype(np.float64), x.indptr[:-1][full])
        data[:] = data / np.repeat(np.sqrt(sums), lengths)
        return x


def _services_matrix(services: list[list[str]]):
    from scipy import sparse

    names = sorted({s for row in services for s in row})
    index = {s: k for k, s in enumerate(names)}
    rows = [i for i, row in enumerate(services) for _ in row]
    cols = [index[s] for row in services for s in row]
    return sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                             shape=(len(services), max(1, len(names))))


def _ordered(df: pd.DataFrame) -> pd.DataFrame:
    """Rows by start, then path: row j < i is "earlier", the same input the same order."""
    return df.sort_values(["start_ts", "file_path"], kind="stable").reset_index(drop=True)


def _combine(text: np.ndarray, inter: np.ndarray, row_sizes: np.ndarray, col_sizes: np.ndarray) -> np.ndarray:
    """The score from the text cosines and the shared-service counts (the rule above)."""
    union = row_sizes[:, None] + col_sizes[None, :] - inter
    jac = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
    return TEXT_WEIGHT * text + SERVICE_WEIGHT * jac


def _scores(x, b, sizes, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """score[r, c] for postmortems ``rows`` against ``cols``."""
    return _combine((x[rows] @ x[cols].T).toarray(), (b[rows] @ b[cols].T).toarray(), sizes[rows], sizes[cols])


def _window_scores(x, b, sizes, block: np.ndarray) -> tuple[int, np.ndarray, np.ndarray]:
    """(c0, score, text) of the sorted rows ``block`` against columns c0.. up to the last
    row, each row's own window (its HORIZON predecessors) kept and every other cell -1.
    The cosines are the window's rows, cut to the terms the block holds, times the block
    made dense over those terms: the result is dense anyway (most pairs share a term), and
    building it as a sparse product first took 1.3-1.6x as long (issue 13). Only the small
    block is ever transposed or made dense."""
    c0, c1 = max(0, int(block[0]) - HORIZON), int(block[-1])
    xb = x[block]
    held = np.unique(xb.indices)
    text = np.ascontiguousarray((x[c0:c1][:, held] @ xb[:, held].T.toarray()).T)
    score = _combine(text, (b[c0:c1] @ b[block].T).T.toarray(), sizes[block], sizes[c0:c1])
    cols = np.arange(c0, c1)[None, :]
    score[(cols >= block[:, None]) | (cols < block[:, None] - HORIZON)] = -1.0
    return c0, score, text


def _blocks(rows: np.ndarray, cells: int | None = None):
    """Runs of the sorted ``rows`` scored at once: a run of r rows is compared with the
    columns from HORIZON before its first row (or the first row of all, nearer the start)
    up to its last, and r x those columns stays near ``cells`` (CELLS) at any number of
    postmortems: an archive shorter than the horizon is ranked in fewer, wider blocks,
    with the same arrays as a longer one."""
    cells = CELLS if cells is None else cells
    start = 0
    for end in range(1, len(rows) + 1):
        if end == len(rows) or (rows[end] - max(0, rows[start] - HORIZON)) * (end - start + 1) > cells:
            yield rows[start:end]
            start = end


def _rank(df: pd.DataFrame, x, terms, rows, top: int = TOP, min_score: float = MIN_SCORE):
    """The table's rows for postmortems ``rows`` (indices into ``df``, ordered by start):
    each one's ``top`` best among its HORIZON predecessors scoring at least ``min_score``,
    yielded a block at a time, in order (the table is written as it is ranked, never held
    whole). Blocks are ranked on THREADS threads, at most THREADS + 1 ahead of the one
    taken: the products and sorts run without Python's lock, so blocks are scored while
    the rows before them are written."""
    services = [list(s) if s is not None else [] for s in df["services"]]
    b = _services_matrix(services)
    sizes = np.asarray(b.sum(axis=1)).ravel()
    paths = df["file_path"].tolist()
    rows = np.unique(np.asarray(rows, dtype=np.int64))
    rows = rows[rows > 0]                      # the first postmortem has no earlier one

    def rank(block: np.ndarray) -> list[tuple]:
        c0, score, text = _window_scores(x, b, sizes, block)
        k = min(top, score.shape[1])
        # each row's k-th best score, the row not sorted whole; ties at it go to the earlier
        # postmortem, so the table does not depend on how rows were grouped into blocks
        kth = np.maximum(-np.partition(-score, k - 1, axis=1)[:, k - 1], min_score)
        r, c = np.nonzero(score >= kth[:, None])
        pick = np.lexsort((c, -score[r, c], r))             # by row, best first, earlier on ties
        r, c = r[pick], c[pick]
        place = np.arange(len(r)) - np.searchsorted(r, r)   # place within its row
        keep = place < k
        r, c, place = r[keep], c[keep], place[keep]
        i, j = block[r], c0 + c
        shared = _shared_terms(x, terms, i, j)
        scores, texts = np.round(score[r, c], 4).tolist(), np.round(text[r, c], 4).tolist()
        return [(paths[a], int(q) + 1, paths[z], s, t, w, sorted(set(services[a]) & set(services[z])))
                for a, z, q, s, t, w in zip(i.tolist(), j.tolist(), place.tolist(), scores, texts, shared)]

    blocks = _blocks(rows)
    if THREADS < 2:
        yield from map(rank, blocks)
        return
    from collections import deque
    from concurrent.futures import ThreadPoolExecutor
    from itertools import islice

    with ThreadPoolExecutor(THREADS, thread_name_prefix="similar") as pool:
        ahead = deque(pool.submit(rank, block) for block in islice(blocks, THREADS + 1))
        try:
            while ahead:
                done = ahead.popleft().result()
                ahead.extend(pool.submit(rank, block) for block in islice(blocks, 1))
                yield done
        finally:   # stopped early (closed, or a write failed): drop what has not started
            for f in ahead:
                f.cancel()


def _shared_terms(x, terms, i: np.ndarray, j: np.ndarray) -> list[list[str]]:
    """For each pair (i[p], j[p]) of rows of ``x``, the SHARED_TERMS terms weighing most
    in both (the product of their weights; equal weights by term order)."""
    both = x[i].multiply(x[j]).tocsr()                  # row p: the terms pair p shares
    pair = np.repeat(np.arange(len(i)), np.diff(both.indptr))
    order = np.lexsort((both.indices, -both.data, pair))
    pair, col = pair[order], both.indices[order]
    place = np.arange(len(pair)) - np.searchsorted(pair, pair)
    keep = place < SHARED_TERMS
    out: list[list[str]] = [[] for _ in range(len(i))]
    for p, t in zip(pair[keep].tolist(), terms[col[keep]].tolist()):
        out[p].append(str(t))
    return out


def _vocabulary(texts, n: int):
    """(terms, idf) of the rule's TF-IDF fitted on ``n`` texts read one at a time from the
    iterable ``texts`` (only each distinct term's count is kept); None when no word is
    left. The same as scikit-learn's fit: terms sorted, those in more than max_df of the
    texts dropped, idf smoothed and computed in float32."""
    from collections import Counter

    counts: Counter = Counter()
    for text in texts:
        counts.update(set(words.terms(text if isinstance(text, str) else "")))
    high = _max_df(n) * n
    terms = sorted(t for t, c in counts.items() if c <= high)
    if not terms:
        return None
    df = np.fromiter((counts[t] for t in terms), dtype=np.float32, count=len(terms)) + np.float32(1.0)
    idf = np.full_like(df, fill_value=n + 1)
    idf /= df
    np.log(idf, out=idf)
    idf += np.float32(1.0)
    return np.array(terms, dtype=object), idf


def _fit(df: pd.DataFrame, terms, idf):
    """The vectors (CSR) of ``df``'s texts under ``terms`` and ``idf``."""
    return _Vectors(terms, idf)(df["text"])


def _ranked(batches, n: int, terms=None, idf=None, top: int = TOP, min_score: float = MIN_SCORE,
            on_fit=None, on_batch=None):
    """The table's rows, a block at a time, for the ``n`` postmortems that ``batches()``
    yields as (first row, frame) in start order. Without ``terms`` it is read twice: the
    document frequencies first. ``on_fit(terms, idf)`` and ``on_batch(frame, vectors,
    first)`` (if given) are told the fit and each batch's vectors as they are made. Only
    one batch and the HORIZON rows before it are held."""
    if n < 2:
        return
    if terms is None:
        fit = _vocabulary((t for _, f in batches() for t in f["text"]), n)
        if fit is None:
            return
        terms, idf = fit
        if on_fit is not None:
            on_fit(terms, idf)
    from scipy import sparse

    vec = _Vectors(terms, idf)
    w_first, w_frame, w_x = 0, None, None      # the window: rows w_first.. of the ordered input
    for first, frame in batches():
        x = vec(frame["text"])
        if on_batch is not None:
            on_batch(frame, x, first)
        frame = frame[["file_path", "services"]].reset_index(drop=True)     # the text is in x now
        w_frame = frame if w_frame is None else pd.concat([w_frame, frame], ignore_index=True)
        w_x = x if w_x is None else sparse.vstack([w_x, x], format="csr")
        drop = max(0, first - HORIZON - w_first)     # rows no row of this batch can reach
        if drop:
            w_frame, w_x, w_first = w_frame.iloc[drop:].reset_index(drop=True), w_x[drop:], w_first + drop
        yield from _rank(w_frame, w_x, terms, np.arange(first, first + len(frame)) - w_first, top, min_score)


def _slices(df: pd.DataFrame):
    """``df`` (ordered) as _ranked's batches."""
    size = BATCH
    return lambda: ((lo, df.iloc[lo:lo + size]) for lo in range(0, len(df), size))


def similar(df: pd.DataFrame, top: int = TOP, min_score: float = MIN_SCORE, terms=None, idf=None) -> pd.DataFrame:
    """``df``: file_path, text, services (lists), start_ts. One row per (postmortem, one of
    its ``top`` most similar earlier postmortems), see the module docstring; with ``terms``
    and ``idf``, under that vocabulary and those frequencies instead of the texts' own.
    Equal starts are ordered by file path and equal scores by start, so the same input
    gives the same table."""
    df = _ordered(df)
    terms = None if terms is None else np.asarray(terms, dtype=object)
    return pd.DataFrame([r for block in _ranked(_slices(df), len(df), terms, idf, top, min_score) for r in block],
                        columns=COLUMNS)


# --------------------------------------------------------------------------------------
# At an ingest: keep, update in place, or rebuild (the module docstring)

def _setting(con, key: str):
    rows = con.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchall()
    return rows[0][0] if rows else None


def _put(con, key: str, value: str) -> None:
    con.execute("DELETE FROM settings WHERE key = ?", [key])
    con.execute("INSERT INTO settings VALUES (?, ?)", [key, value])


def _insert(con, table: str, frame) -> None:
    """Append ``frame`` (a DataFrame or an Arrow table, columns in the table's order)."""
    if len(frame):
        con.register("_rows", frame)
        con.execute(f"INSERT INTO {table} SELECT * FROM _rows")  # table: a name of ours, never input
        con.unregister("_rows")


def _insert_ranked(con, blocks, every: int = 5_000) -> None:
    """similar_incidents rows as _rank yields them, written every ``every`` rows."""
    rows: list = []
    for block in blocks:
        rows.extend(block)
        if len(rows) >= every:
            _insert(con, "similar_incidents", pd.DataFrame(rows, columns=COLUMNS))
            rows = []
    _insert(con, "similar_incidents", pd.DataFrame(rows, columns=COLUMNS))


def _store_vectors(con, frame: pd.DataFrame, x, first: int = 0) -> None:
    """Postmortems ``frame`` (with their texts): their input digests, starts and vectors
    (rows of ``x``), numbered from ``first`` (migrations 009 and 010)."""
    docs = np.arange(first, first + len(frame), dtype=np.int32)
    _insert(con, "similar_docs", pd.DataFrame({"doc": docs, "file_path": frame["file_path"].tolist(),
                                               "digest": _digests(frame), "start_ts": frame["start_ts"].to_numpy()}))
    import pyarrow as pa   # straight from the arrays: no DataFrame copy of every weight

    _insert(con, "similar_vectors", pa.table({"doc": np.repeat(docs, np.diff(x.indptr)),
                                              "col": x.indices.astype(np.int32),
                                              "weight": x.data.astype(np.float32)}))


def _rebuild(con, n: int) -> None:
    """A new vocabulary and frequencies, every list ranked, streamed from _similar_input."""
    for table in ("similar_incidents", "similar_terms", "similar_docs", "similar_vectors"):
        con.execute(f"DELETE FROM {table}")   # table: a name of ours, never input

    def terms(words, idf):
        _insert(con, "similar_terms", pd.DataFrame({"col": np.arange(len(words), dtype=np.int32),
                                                    "term": words, "idf": idf.astype(np.float64)}))

    _insert_ranked(con, _ranked(_input_batches(con, n), n, on_fit=terms,
                                on_batch=lambda frame, x, first: _store_vectors(con, frame, x, first)))
    _put(con, "similar_changes", "0")


def _rows(con, lo: int, hi: int, n_terms: int, new_rows: np.ndarray, xn):
    """Rows lo..hi-1 of _similar_input: (file_path and services, their vectors as CSR).
    The vectors are the stored ones, and the changed postmortems' (rows ``new_rows``) from
    ``xn``: their stored ones were deleted."""
    from scipy import sparse

    frame = con.execute("SELECT file_path, services FROM _similar_input WHERE rn >= ? AND rn < ? ORDER BY rn",
                        [lo, hi]).df()
    got = con.execute("SELECT i.rn, v.col, v.weight FROM _similar_input i JOIN similar_docs d USING (file_path) "
                      "JOIN similar_vectors v USING (doc) WHERE i.rn >= ? AND i.rn < ?", [lo, hi]).fetchnumpy()
    rows, cols, vals = [np.asarray(got["rn"], dtype=np.int64) - lo], [np.asarray(got["col"], dtype=np.int64)], \
        [np.asarray(got["weight"], dtype=np.float32)]
    inside = np.flatnonzero((new_rows >= lo) & (new_rows < hi))
    if len(inside):
        part = xn[inside].tocoo()
        rows.append(new_rows[inside][part.row] - lo), cols.append(part.col.astype(np.int64))
        vals.append(part.data.astype(np.float32))
    x = sparse.csr_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
                          shape=(hi - lo, n_terms))
    x.sort_indices()
    return frame, x


# Rows of _similar_input before (start, path) in its order (starts ascending, unknown last)
_BEFORE = ("SELECT count(*) FROM _similar_input WHERE (CAST(? AS TIMESTAMP) IS NULL AND "
           "(start_ts IS NOT NULL OR file_path < ?)) OR start_ts < CAST(? AS TIMESTAMP) "
           "OR (start_ts = CAST(? AS TIMESTAMP) AND file_path < ?)")


def _shifted(con, n: int, changed: set[str], removed: set[str]) -> np.ndarray:
    """Rows of _similar_input (a mask) whose window of HORIZON predecessors is not what it
    was: those within HORIZON after a postmortem that was added, removed or moved to
    another start (its old place from similar_docs, its new one from _similar_input).
    Their lists are ranked again. A text edit moves nothing."""
    out = np.zeros(n, dtype=bool)
    if n + len(removed) <= HORIZON:   # every window was, and is, all the earlier ones
        return out
    touched = sorted(changed | removed)
    was = dict(con.execute("SELECT file_path, start_ts FROM similar_docs WHERE list_contains(?, file_path)",
                           [touched]).fetchall())
    now = {p: (ts, rn) for p, ts, rn in con.execute(
        "SELECT file_path, start_ts, rn FROM _similar_input WHERE list_contains(?, file_path)", [touched]).fetchall()}
    places = []
    for p in touched:
        if p in was and p in now and was[p] == now[p][0]:
            continue                                          # not moved (equal starts, or both unknown)
        if p in now:
            places.append(now[p][1])                          # its new place
        if p in was:                                          # its old place: the rows now before it
            places.append(con.execute(_BEFORE, [was[p], p, was[p], was[p], p]).fetchall()[0][0])
    for q in places:
        out[q:q + HORIZON + 1] = True
    return out


def _update(con, n: int, changed: set[str], removed: set[str]) -> None:
    """Update the table in place for a few changed (or new) and removed postmortems, a
    batch of rows at a time: only the lists that can change are ranked again, and only a
    batch's vectors and those of the HORIZON before it are held."""
    stored = con.execute("SELECT term, idf FROM similar_terms ORDER BY col").df()
    terms, idf = stored["term"].to_numpy(object), stored["idf"].to_numpy(np.float64)
    fresh = con.execute("SELECT rn, file_path, text, services, start_ts FROM _similar_input "
                        "WHERE list_contains(?, file_path) ORDER BY rn", [sorted(changed)]).df()
    new_rows = fresh["rn"].to_numpy(np.int64)
    xn = _fit(fresh, terms, idf) if len(fresh) else None
    # Whose list can change: a changed postmortem's own; a list that holds a changed or
    # removed one; a list within HORIZON after a move (_shifted); a list that a changed
    # one now enters (it beats the last entry, or the list has room: ``floor``).
    redo = _shifted(con, n, changed, removed)
    redo[new_rows] = True
    holds = con.execute("SELECT DISTINCT i.rn FROM similar_incidents s JOIN _similar_input i USING (file_path) "
                        "WHERE list_contains(?, s.similar_path)", [sorted(changed | removed)]).fetchnumpy()["rn"]
    redo[np.asarray(holds, dtype=np.int64)] = True
    full = con.execute("SELECT i.rn, min(s.score) AS last FROM similar_incidents s JOIN _similar_input i "
                       "USING (file_path) GROUP BY i.rn HAVING count(*) >= ?", [TOP]).fetchnumpy()
    floor = np.full(n, MIN_SCORE)
    floor[np.asarray(full["rn"], dtype=np.int64)] = np.maximum(MIN_SCORE, np.asarray(full["last"], dtype=np.float64))
    stale = sorted(removed | changed)
    con.execute("DELETE FROM similar_incidents WHERE list_contains(?, file_path)", [sorted(removed)])
    con.execute("DELETE FROM similar_vectors WHERE doc IN (SELECT doc FROM similar_docs "
                "WHERE list_contains(?, file_path))", [stale])
    con.execute("DELETE FROM similar_docs WHERE list_contains(?, file_path)", [stale])
    if n >= 2:
        _insert_ranked(con, _reranked(con, n, terms, xn, new_rows, redo, floor))
    if len(fresh):
        first = con.execute("SELECT coalesce(max(doc) + 1, 0) FROM similar_docs").fetchall()[0][0]
        _store_vectors(con, fresh, xn, first)


def _reranked(con, n: int, terms, xn, new_rows: np.ndarray, redo: np.ndarray, floor: np.ndarray):
    """_update's new lists, a batch of rows at a time: each batch's rows marked in
    ``redo`` or that a changed one now enters, ranked against their window (their old
    lists deleted first). A batch nothing touched is not read."""
    from scipy import sparse

    reach = np.zeros(n + 1, dtype=np.int64)              # rows within HORIZON after a changed one
    np.add.at(reach, np.minimum(new_rows + 1, n), 1)
    np.add.at(reach, np.minimum(new_rows + HORIZON + 1, n), -1)
    reach = np.cumsum(reach)[:n] > 0
    w_first, w_end, w_frame, w_x = 0, 0, None, None      # the window: rows w_first..w_end-1
    for lo in range(0, n, BATCH):
        hi = min(n, lo + BATCH)
        if not (redo[lo:hi].any() or reach[lo:hi].any()):
            continue
        start = max(0, lo - HORIZON)
        if w_x is None or w_end < start:
            w_first, (w_frame, w_x) = start, _rows(con, start, hi, len(terms), new_rows, xn)
        else:
            frame, x = _rows(con, w_end, hi, len(terms), new_rows, xn)
            w_frame = pd.concat([w_frame, frame], ignore_index=True).iloc[start - w_first:].reset_index(drop=True)
            w_x, w_first = sparse.vstack([w_x, x], format="csr")[start - w_first:], start
        w_end = hi
        rows = set((np.flatnonzero(redo[lo:hi]) + lo).tolist())
        near = new_rows[(new_rows >= w_first) & (new_rows < hi)]
        if len(near):
            b = _services_matrix([list(s) if s is not None else [] for s in w_frame["services"]])
            sizes = np.asarray(b.sum(axis=1)).ravel()
            batch = np.arange(lo, hi)
            for part in np.array_split(batch, len(batch) * len(near) // CELLS + 1):
                score = _scores(w_x, b, sizes, part - w_first, near - w_first)
                later = part[:, None] - near[None, :]
                score[(later <= 0) | (later > HORIZON)] = -1.0   # a newcomer enters the lists of its window only
                rows.update(part[score.max(axis=1) >= floor[part]].tolist())
        if not rows:
            continue
        rows = np.array(sorted(rows)) - w_first
        con.execute("DELETE FROM similar_incidents WHERE list_contains(?, file_path)",
                    [w_frame["file_path"].iloc[rows].tolist()])
        yield from _rank(w_frame, w_x, terms, rows)


def _input(con) -> int:
    """int_incident_text with each postmortem's place in start order (rn) as the table
    _similar_input, read a batch at a time, never whole; its number of rows.

    The view is written out as it is, and numbered afterwards on the keys alone, so no
    sort or join carries the texts; on one thread and without keeping insertion order
    (rows are read back by rn). The view joins fields and each postmortem's narrative,
    joined at ingest: at 100,000 postmortems it fits in 128 MB (when it aggregated every
    factor and entry, it ran out of 192 MB). A statement that runs out of the cap anyway
    runs again with more (store.execute_roomy)."""
    from loaders import store

    con.execute("SET preserve_insertion_order = false")
    con.execute("SET threads = 1")
    try:
        store.execute_roomy(con, "CREATE OR REPLACE TABLE _similar_input AS SELECT * FROM int_incident_text")
    finally:
        con.execute("RESET threads")
        con.execute("RESET preserve_insertion_order")
    store.execute_roomy(con, "CREATE OR REPLACE TEMP TABLE _similar_order AS SELECT file_path, row_number() "
                        "OVER (ORDER BY start_ts ASC NULLS LAST, file_path) - 1 AS rn FROM _similar_input")
    con.execute("ALTER TABLE _similar_input ADD COLUMN rn BIGINT")
    store.execute_roomy(con, "UPDATE _similar_input SET rn = o.rn FROM _similar_order o "
                             "WHERE _similar_input.file_path = o.file_path")
    con.execute("DROP TABLE _similar_order")
    return con.execute("SELECT count(*) FROM _similar_input").fetchall()[0][0]


_BATCH = "SELECT file_path, text, services, start_ts FROM _similar_input WHERE rn >= ? AND rn < ? ORDER BY rn"
_BATCH_STORED = ("SELECT i.file_path, i.text, i.services, i.start_ts, d.digest AS stored FROM _similar_input i "
                 "LEFT JOIN similar_docs d USING (file_path) WHERE i.rn >= ? AND i.rn < ? ORDER BY i.rn")


def _input_batches(con, n: int, stored: bool = False):
    """_similar_input as _ranked's batches; with ``stored``, each row's digest in
    similar_docs too (NULL for a postmortem it does not hold)."""
    size, query = BATCH, _BATCH_STORED if stored else _BATCH
    return lambda: ((lo, con.execute(query, [lo, lo + size]).df()) for lo in range(0, n, size))


def refresh(con, incremental_from: int = INCREMENTAL_FROM, rebuild_share: float = REBUILD_SHARE) -> str:
    """Bring ``similar_incidents`` up to date with int_incident_text: "kept", "updated" or
    "rebuilt" (see the module docstring). Runs inside the ingest's swap, after the marts."""
    from loaders import store

    n = _input(con)                 # SQL over whole tables, under the marts' memory cap
    con.execute("SET memory_limit = ?", [store.INGEST_MEMORY])   # the rest streams
    try:
        return _refresh(con, n, incremental_from, rebuild_share)
    finally:
        con.execute("DROP TABLE IF EXISTS _similar_input")


def _refresh(con, n: int, incremental_from: int, rebuild_share: float) -> str:
    """One pass over the inputs' digests (the fingerprint, and which changed), then keep,
    update or rebuild. Only the changed paths are held, and only while few enough for an
    update: beyond that they are counted."""
    h = hashlib.sha256(VERSION.encode())
    changed: set[str] = set()
    n_changed, room = 0, int(rebuild_share * n) + 1
    for _, frame in _input_batches(con, n, stored=True)():
        for path, d, s in zip(frame["file_path"], _digests(frame), frame["stored"]):
            h.update(f"{path}\0{d}\n".encode())
            if d != s:
                n_changed += 1
                if n_changed <= room:
                    changed.add(path)
    fp = h.hexdigest()[:16]
    if _setting(con, "similar_fingerprint") == fp:
        return "kept"
    held, gone = con.execute("SELECT count(*), count(*) FILTER (WHERE file_path NOT IN "
                             "(SELECT file_path FROM _similar_input)) FROM similar_docs").fetchall()[0]
    since = int(_setting(con, "similar_changes") or 0) + n_changed + gone
    full = (n < incremental_from or not held or _setting(con, "similar_version") != VERSION
            or since >= rebuild_share * n)
    if full:
        _rebuild(con, n)
    else:
        removed = {p for (p,) in con.execute("SELECT file_path FROM similar_docs WHERE file_path NOT IN "
                                              "(SELECT file_path FROM _similar_input)").fetchall()}
        _update(con, n, changed, removed)
        _put(con, "similar_changes", str(since))
    _put(con, "similar_version", VERSION)
    _put(con, "similar_fingerprint", fp)
    return "rebuilt" if full else "updated"
