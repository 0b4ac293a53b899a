"""Similar past incidents (loaders/similar.py): the same failure told in other words
ranks above a different failure that shares a class; only earlier postmortems; the
words that made a pair similar; rebuilt only when its inputs change."""
from datetime import date, datetime

import duckdb
import numpy as np
import pandas as pd
import pytest
from conftest import run_cli, run_page

from loaders import similar
from metrics import incidents, report, weekly
from metrics.filters import Filters


def frame(rows):
    """rows: (name, text, services, day)."""
    return pd.DataFrame({"file_path": [r[0] for r in rows], "text": [r[1] for r in rows],
                         "services": [list(r[2]) for r in rows],
                         "start_ts": [datetime.fromisoformat(r[3]) if r[3] else None for r in rows]})


POOL_1 = ("pool-1", "Orders API errors: the orders database connection pool was exhausted by slow queries "
                    "after a traffic spike; requests queued and timed out", ["orders-db"], "2026-01-05")
CDN = ("cdn", "CDN edge returned 503s after a certificate rotation; TLS handshakes failed at the edge",
       ["cdn-edge"], "2026-01-20")
DEPLOY = ("deploy", "A bad deploy of the search service shipped a null pointer bug; rollback fixed it",
          ["search"], "2026-02-01")
POOL_2 = ("pool-2", "Checkout timeouts. Root cause: connection pool exhaustion on the orders database; slow "
                    "queries held connections and new requests waited", ["orders-db"], "2026-03-02")


def test_the_same_failure_in_other_words_ranks_first():
    out = similar.similar(frame([POOL_1, CDN, DEPLOY, POOL_2]))
    top = out[out["file_path"] == "pool-2"].sort_values("rank")
    assert top.iloc[0]["similar_path"] == "pool-1"
    assert len(top) == 1 or top.iloc[0]["score"] > top["score"].iloc[1]


def test_only_earlier_postmortems_are_candidates():
    out = similar.similar(frame([POOL_1, CDN, DEPLOY, POOL_2]))
    starts = {r[0]: r[3] for r in (POOL_1, CDN, DEPLOY, POOL_2)}
    assert (out["file_path"] != "pool-1").all()          # the first has nothing earlier
    assert all(starts[b] < starts[a] for a, b in zip(out["file_path"], out["similar_path"]))


def test_shared_words_and_services_explain_the_match():
    out = similar.similar(frame([POOL_1, CDN, DEPLOY, POOL_2]))
    row = out[(out["file_path"] == "pool-2") & (out["similar_path"] == "pool-1")].iloc[0]
    assert {"pool", "orders"} & set(row["shared_terms"]) and row["shared_services"] == ["orders-db"]
    assert 0 < row["text_score"] <= row["score"] <= 1


def test_at_most_top_and_never_below_the_floor():
    rows = [(f"d{k}", f"disk full on host {k}; the log volume filled and writes stopped", ["disk"],
             f"2026-01-{k + 1:02d}") for k in range(9)]
    out = similar.similar(frame(rows))
    assert out.groupby("file_path").size().max() == similar.TOP
    assert (out["score"] >= similar.MIN_SCORE).all()
    unrelated = similar.similar(frame([POOL_1, ("x", "quarterly marketing newsletter", [], "2026-02-01")]))
    assert unrelated.empty


def test_the_same_input_gives_the_same_table():
    rows = [POOL_1, CDN, DEPLOY, POOL_2]
    pd.testing.assert_frame_equal(similar.similar(frame(rows)), similar.similar(frame(list(reversed(rows)))))


def test_empty_and_single_inputs():
    assert similar.similar(frame([])).empty and similar.similar(frame([POOL_1])).empty
    assert similar.similar(frame([("a", "", [], "2026-01-01"), ("b", "", [], "2026-01-02")])).empty


def _fp(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT value FROM settings WHERE key = 'similar_fingerprint'").fetchone()[0], \
            con.execute("SELECT count(*) FROM similar_incidents").fetchone()[0]
    finally:
        con.close()


def _write(folder, name, day, summary, service="orders-db"):
    (folder / f"{name}.md").write_text(
        f"---\ntitle: {name}\ndate: {day}\nclass: database\nservices: [{service}]\n---\n# {name}\n\n"
        f"## Summary\n{summary}\n", encoding="utf-8")


def test_an_unchanged_load_keeps_the_table_and_a_changed_text_rebuilds_it(tmp_path):
    src = tmp_path / "pm"
    src.mkdir()
    _write(src, "a", "2026-01-05", POOL_1[1])
    _write(src, "b", "2026-03-02", POOL_2[1])
    db = tmp_path / "h.duckdb"
    assert run_cli("ingest", "-q", "--db", db, src).returncode == 0
    first, n = _fp(db)
    assert n == 1
    _write(src, "c", "2026-03-09", CDN[1], service="cdn-edge")     # a new file: the texts changed
    assert run_cli("ingest", "-q", "--db", db, src).returncode == 0
    second, _ = _fp(db)
    assert second != first
    con = duckdb.connect(str(db))
    try:
        assert similar.refresh(con) == "kept"                     # nothing changed since: no work
    finally:
        con.close()


# --------------------------------------------------------------------------------------
# Updated in place: a few changes re-rank only the lists they touch, and the result is
# exactly a ranking of everything under the stored vocabulary and frequencies

THEMES = [["connection", "pool", "exhausted", "orders", "database", "slow", "queries", "timeout"],
          ["certificate", "expired", "tls", "handshake", "edge", "cdn", "renewal", "rotation"],
          ["deploy", "rollback", "canary", "null", "pointer", "release", "build", "regression"],
          ["disk", "full", "logs", "retention", "volume", "node", "eviction", "alert"],
          ["dns", "resolver", "ttl", "record", "propagation", "zone", "lookup", "cache"]]
FILLER = ["customers", "errors", "engineers", "noticed", "page", "latency", "requests", "dashboard",
          "service", "restart", "traffic", "window", "metrics", "incident", "team"]
SERVICES = ["orders-db", "cdn-edge", "search", "ingest", "auth"]


def _doc(rng, k):
    theme = THEMES[rng.randrange(len(THEMES))]
    words = [rng.choice(theme) if rng.random() < 0.6 else rng.choice(FILLER) for _ in range(rng.randrange(8, 30))]
    return (f"doc-{k:03d}", " ".join(words), rng.sample(SERVICES, rng.randrange(0, 3)),
            f"2026-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}")


def _state(rows):
    """A database holding what refresh() reads: int_incident_text and the settings."""
    from loaders import store

    con = duckdb.connect(":memory:")
    store.migrate(con)
    con.register("_text", frame(rows))
    con.execute("CREATE TABLE int_incident_text AS SELECT * FROM _text")
    return con


def _set_text(con, rows):
    con.register("_text", frame(rows))
    con.execute("DELETE FROM int_incident_text")
    con.execute("INSERT INTO int_incident_text SELECT * FROM _text")


def _table(con):
    return con.execute("SELECT * FROM similar_incidents ORDER BY file_path, rank").df()


def _under_stored(con, rows):
    """What ranking every postmortem from scratch under the stored terms and idf gives."""
    import numpy as np

    stored = con.execute("SELECT term, idf FROM similar_terms ORDER BY col").df()
    want = similar.similar(frame(rows), terms=stored["term"].tolist(), idf=stored["idf"].to_numpy(np.float64))
    return want.sort_values(["file_path", "rank"]).reset_index(drop=True)


def _same(got, want):
    assert len(got) == len(want)
    pd.testing.assert_frame_equal(got[["file_path", "rank", "similar_path"]], want[["file_path", "rank", "similar_path"]],
                                  check_dtype=False)
    assert (abs(got["score"] - want["score"]) < 1e-3).all()


def test_a_few_changes_update_in_place_exactly():
    import random

    rng = random.Random(3)
    rows = [_doc(rng, k) for k in range(60)]
    con = _state(rows)
    assert similar.refresh(con, incremental_from=0) == "rebuilt"
    rows[5] = (rows[5][0], rows[17][1] + " again", rows[17][2], rows[5][3])   # a text now like another's
    rows[9] = rows[9][:3] + ("2025-06-01",)                                   # a start moved earlier
    del rows[30]                                                              # a postmortem removed
    rows.append(_doc(rng, 99))                                                # one added
    _set_text(con, rows)
    assert similar.refresh(con, incremental_from=0, rebuild_share=0.5) == "updated"
    _same(_table(con), _under_stored(con, rows))
    assert "doc-030" not in set(_table(con)["similar_path"])


def test_rounds_of_random_edits_stay_exact():
    import random

    rng = random.Random(11)
    rows = [_doc(rng, k) for k in range(80)]
    con = _state(rows)
    similar.refresh(con, incremental_from=0)
    for round_ in range(6):
        for _ in range(rng.randrange(1, 4)):
            k = rng.randrange(len(rows))
            edit = rng.randrange(3)
            if edit == 0:
                rows[k] = (rows[k][0],) + _doc(rng, 0)[1:]          # rewritten: other text, services, start
            elif edit == 1:
                del rows[k]
            else:
                rows.append(_doc(rng, 100 + round_ * 10 + k % 10))
        rows = list({r[0]: r for r in rows}.values())
        _set_text(con, rows)
        assert similar.refresh(con, incremental_from=0, rebuild_share=1.0) == "updated"
        _same(_table(con), _under_stored(con, rows))


def test_each_postmortem_is_compared_with_its_horizon_of_predecessors_only(monkeypatch):
    import random

    monkeypatch.setattr(similar, "HORIZON", 7)
    rng = random.Random(4)
    rows = [_doc(rng, k) for k in range(50)]
    got = similar.similar(frame(rows))
    order = {p: i for i, p in enumerate(similar._ordered(frame(rows))["file_path"])}
    gaps = [order[a] - order[b] for a, b in zip(got["file_path"], got["similar_path"])]
    assert gaps and min(gaps) >= 1 and max(gaps) <= 7
    assert max(gaps) == 7                                 # the window's far end is reached


def test_blocks_do_not_change_the_table(monkeypatch):
    import random

    monkeypatch.setattr(similar, "HORIZON", 9)
    rng = random.Random(8)
    rows = [_doc(rng, k) for k in range(70)]
    whole = similar.similar(frame(rows))
    monkeypatch.setattr(similar, "CELLS", 20)              # a block of one or two rows at a time
    assert len(list(similar._blocks(np.arange(1, 70)))) > 30
    pd.testing.assert_frame_equal(similar.similar(frame(rows)), whole)


def test_threads_do_not_change_the_table(monkeypatch):
    """Blocks ranked on several threads come back in order: the same table, row for row,
    as ranking them one after another."""
    import random

    monkeypatch.setattr(similar, "HORIZON", 9)
    monkeypatch.setattr(similar, "CELLS", 40)             # many blocks, so threads interleave
    assert len(list(similar._blocks(np.arange(1, 90)))) > 20
    rng = random.Random(21)
    rows = [_doc(rng, k) for k in range(90)]
    monkeypatch.setattr(similar, "THREADS", 1)
    alone = similar.similar(frame(rows))
    monkeypatch.setattr(similar, "THREADS", 3)
    pd.testing.assert_frame_equal(similar.similar(frame(rows)), alone)


def test_vectors_are_scikit_learns_tfidf_bit_for_bit():
    """The rule's TF-IDF (loaders/similar.py's _vocabulary and _Vectors) equals
    scikit-learn's TfidfVectorizer with the same settings, term for term and weight for
    weight, so tables built before and after it was written out agree."""
    import random

    from sklearn.feature_extraction.text import TfidfVectorizer

    from loaders import words

    rng = random.Random(5)
    texts = [_doc(rng, k)[1] for k in range(60)] + [POOL_1[1], CDN[1], DEPLOY[1], POOL_2[1], "", "the a of"]
    terms, idf = similar._vocabulary(iter(texts + [None]), len(texts) + 1)
    ours = similar._Vectors(terms, idf)(texts + [None])
    vec = TfidfVectorizer(stop_words="english", sublinear_tf=True, ngram_range=(1, 2), max_df=0.5,
                          token_pattern=words.TOKEN, dtype=np.float32)
    theirs = vec.fit_transform(texts + [""]).tocsr()
    theirs.sort_indices()
    assert list(vec.get_feature_names_out()) == list(terms)
    assert np.array_equal(vec.idf_.astype(np.float32), idf)
    assert np.array_equal(ours.indptr, theirs.indptr) and np.array_equal(ours.indices, theirs.indices)
    assert np.array_equal(ours.data, theirs.data)


def test_ingest_does_not_import_scikit_learn(tmp_path):
    """Similarity's vectors are written out (loaders/words.py): an ingest that rebuilds
    the table does not pay scikit-learn's import."""
    import subprocess
    import sys

    code = ("import sys; from loaders import similar; import pandas as pd; from datetime import datetime; "
            "similar.similar(pd.DataFrame({'file_path': ['a', 'b'], 'text': ['pool exhausted', 'pool exhausted again'], "
            "'services': [[], []], 'start_ts': [datetime(2026, 1, 1), datetime(2026, 1, 2)]})); "
            "print('sklearn' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=str(__import__("pathlib").Path(similar.__file__).parent.parent))
    assert out.stdout.strip() == "False"


def test_batches_do_not_change_the_table(monkeypatch):
    """A rebuild reads, vectorises and ranks BATCH postmortems at a time, each against the
    HORIZON before it: the table is the same whatever the batch."""
    import random

    monkeypatch.setattr(similar, "HORIZON", 9)
    rng = random.Random(13)
    rows = [_doc(rng, k) for k in range(70)]
    whole = similar.similar(frame(rows))
    monkeypatch.setattr(similar, "BATCH", 4)
    pd.testing.assert_frame_equal(similar.similar(frame(rows)), whole)
    con = _state(rows)
    assert similar.refresh(con, incremental_from=0) == "rebuilt"          # from the database, 4 at a time
    _same(_table(con), whole.sort_values(["file_path", "rank"]).reset_index(drop=True))


def test_updates_stay_exact_a_batch_at_a_time(monkeypatch):
    """An update loads stored vectors a batch (and its horizon) at a time and skips the
    batches nothing touched: every kind of edit still equals a full ranking."""
    import random

    monkeypatch.setattr(similar, "HORIZON", 6)
    monkeypatch.setattr(similar, "BATCH", 5)
    rng = random.Random(17)
    rows = [_doc(rng, k) for k in range(90)]
    rows = [r[:3] + (None,) if k % 15 == 0 else r for k, r in enumerate(rows)]   # a few undated
    con = _state(rows)
    assert similar.refresh(con, incremental_from=0) == "rebuilt"
    for round_ in range(12):
        k = rng.randrange(len(rows))
        edit = round_ % 6
        if edit == 5:                                   # an undated one gets its start
            k = next(i for i, r in enumerate(rows) if r[3] is None)
            rows[k] = rows[k][:3] + (f"2026-{rng.randrange(1, 13):02d}-03",)
        elif edit == 0:
            rows.append(_doc(rng, 300 + round_))
        elif edit == 1:
            del rows[k]
        elif edit == 2:
            rows[k] = rows[k][:3] + (f"2026-{rng.randrange(1, 13):02d}-15",)
        elif edit == 3:
            rows[k] = (rows[k][0],) + _doc(rng, 0)[1:3] + (rows[k][3],)     # new text, same start
        else:
            rows[k] = rows[k][:3] + (None,)                                  # its start no longer known
        _set_text(con, rows)
        assert similar.refresh(con, incremental_from=0, rebuild_share=1.0) == "updated"
        _same(_table(con), _under_stored(con, rows))


def test_updates_stay_exact_when_windows_shift(monkeypatch):
    """With a horizon, a postmortem added, removed or moved in the middle changes the
    window of those after it: the update ranks them again and equals a full ranking."""
    import random

    monkeypatch.setattr(similar, "HORIZON", 6)
    rng = random.Random(21)
    rows = [_doc(rng, k) for k in range(60)]
    con = _state(rows)
    assert similar.refresh(con, incremental_from=0) == "rebuilt"
    for round_ in range(5):
        k = rng.randrange(len(rows))
        edit = round_ % 3
        if edit == 0:
            rows.append(_doc(rng, 200 + round_))                       # lands somewhere in the middle
        elif edit == 1:
            del rows[k]
        else:
            rows[k] = rows[k][:3] + (f"2026-{rng.randrange(1, 13):02d}-15",)   # its start moved
        _set_text(con, rows)
        assert similar.refresh(con, incremental_from=0, rebuild_share=1.0) == "updated"
        _same(_table(con), _under_stored(con, rows))


def test_changes_add_up_to_a_full_rebuild():
    import random

    rng = random.Random(5)
    rows = [_doc(rng, k) for k in range(40)]
    con = _state(rows)
    similar.refresh(con, incremental_from=0)
    outcomes = []
    for k in range(4):                                   # 4 of 40 edited, one at a time: 10% in all
        rows[k] = (rows[k][0], rows[k][1] + " edited", rows[k][2], rows[k][3])
        _set_text(con, rows)
        outcomes.append(similar.refresh(con, incremental_from=0, rebuild_share=0.1))
    assert outcomes == ["updated", "updated", "updated", "rebuilt"]
    _same(_table(con), similar.similar(frame(rows)).sort_values(["file_path", "rank"]).reset_index(drop=True))


def test_small_archives_are_always_rebuilt_whole():
    rows = [POOL_1, CDN, DEPLOY, POOL_2]
    con = _state(rows)
    assert similar.refresh(con) == "rebuilt"
    _set_text(con, rows[:3])
    assert similar.refresh(con) == "rebuilt"            # fewer than INCREMENTAL_FROM postmortems
    assert similar.refresh(con) == "kept"


def test_a_new_rule_version_rebuilds(monkeypatch):
    import random

    rng = random.Random(2)
    rows = [_doc(rng, k) for k in range(30)]
    con = _state(rows)
    similar.refresh(con, incremental_from=0)
    monkeypatch.setattr(similar, "VERSION", "test")
    assert similar.refresh(con, incremental_from=0, rebuild_share=1.0) == "rebuilt"


# --------------------------------------------------------------------------------------
# Where it shows: the Incidents page, the weekly review, report --json


@pytest.fixture
def reader(demo_reader):
    return demo_reader


def _pair(reader):
    return reader.query("SELECT i.incident_id, i.file_path, p.incident_id, p.title, i.incident_date FROM similar_incidents s "
                        "JOIN mart_incidents i USING (file_path) JOIN mart_incidents p ON p.file_path = s.similar_path "
                        "WHERE s.rank = 1 ORDER BY s.score DESC, i.file_path LIMIT 1")[0]


def test_a_postmortems_text_is_its_title_summary_factors_and_entries_in_order(tmp_path):
    """int_incident_text over a real ingest: the factors and timeline entries joined at
    ingest (the narrative column) land after the title and summary, in document order."""
    from conftest import load_corpus

    doc = """# Queue backlog in billing

## Summary
Invoices stalled for an hour.

## Timeline
- 09:00 UTC workers stop acking
- 09:40 UTC consumer restarted

## Contributing factors
- A retry storm filled the queue
- No alert on queue depth

## Action items
- [ ] Alert on queue depth (@ana, 2026-07-01)
"""
    reader = load_corpus(tmp_path, {"2026-06-02-billing-queue": doc})
    try:
        (text,) = reader.query("SELECT text FROM int_incident_text")[0]
    finally:
        reader.close()
    order = ["Queue backlog in billing", "Invoices stalled for an hour.", "A retry storm filled the queue",
             "No alert on queue depth", "workers stop acking", "consumer restarted"]
    places = [text.find(part) for part in order]
    assert -1 not in places and places == sorted(places), text


def test_the_incident_page_lists_similar_earlier_incidents(demo, reader):
    incident_id, path, similar_id, similar_title, _ = _pair(reader)
    at = run_page("pages/6_Incidents.py", incident=incident_id)
    assert not at.exception, at.exception
    assert "Similar earlier incidents" in [s.value for s in at.subheader]
    listed = incidents.similar(reader, path)
    assert listed.iloc[0]["incident_id"] == similar_id and len(listed) <= similar.TOP
    captions = [c.value for c in at.caption if c.value.startswith(str(listed.iloc[0]["incident_date"]))]
    assert captions and "similarity" in captions[0] and "shared words" in captions[0]


def test_the_weekly_review_says_what_a_new_incident_resembles(reader):
    incident_id, _, similar_id, similar_title, day = _pair(reader)
    r = weekly.review(reader, Filters(date(2000, 1, 1), date(2100, 1, 1)), pd.Timestamp(day).date())
    row = r.new[r.new["incident_id"] == incident_id].iloc[0]
    assert row["resembles"].startswith(similar_title or similar_id)
    assert 'resembles "' in weekly.agenda_markdown(r)


def test_report_lists_pairs_above_the_threshold(reader):
    out = report.build(reader, date(2000, 1, 1), date(2100, 1, 1), date(2026, 11, 1))
    pairs = out["similar_pairs"]
    assert pairs and all(p["score"] >= incidents.RESEMBLES for p in pairs)
    assert pairs == sorted(pairs, key=lambda p: -p["score"]) and pairs[0]["shared_terms"]


def test_the_incident_page_on_an_empty_database(empty):
    at = run_page("pages/6_Incidents.py")
    assert not at.exception, at.exception


def test_the_demos_planted_repeats_rank_their_predecessor_in_the_top_three(reader):
    """The demo generator writes repeats of an earlier incident: the same team, class and
    service, and most often the same failure (its scenario) told with other details and
    phrasing, often by an author who writes in the other voice (demo/text.py OTHER_VOICE:
    other words for the same things). For at least 80% of those, the similar list ranks
    the predecessor in its top 3, above every unrelated incident of the same class (a distinct failure: another
    scenario or another service; an earlier occurrence of the very same failure is not
    unrelated). A repeat the generator gave another scenario is a different failure of
    the same service, and is not held to this."""
    import os

    import demo
    from conftest import ROOT

    corpus = demo.build(200, 7)   # what data/sample holds
    sample = ROOT / "data" / "sample"
    ranks = {}
    for fp, rank, sp in reader.query("SELECT file_path, rank, similar_path FROM similar_incidents"):
        ranks.setdefault(os.path.relpath(fp, sample), {})[os.path.relpath(sp, sample)] = rank
    by_path = {inc.path: inc for inc in corpus.incidents}
    planted = [inc for inc in corpus.incidents
               if inc.repeat_of is not None and inc.scenario == inc.repeat_of.scenario]
    assert len(planted) >= 20
    from demo.text import voice_of
    other_words = [inc for inc in planted if voice_of(inc.owner) != voice_of(inc.repeat_of.owner)]
    assert len(other_words) >= len(planted) / 3         # told by an author who words it differently
    hits = 0
    for inc in planted:
        found = ranks.get(inc.path, {})
        rank = found.get(inc.repeat_of.path)
        if rank is None or rank > 3:
            continue
        unrelated = [r for p, r in found.items() if p != inc.repeat_of.path and by_path[p].cls == inc.cls
                     and (by_path[p].scenario, by_path[p].services[0]) != (inc.scenario, inc.services[0])]
        hits += all(r > rank for r in unrelated)
    assert hits / len(planted) >= 0.8, (hits, len(planted))


def test_report_lists_the_most_similar_pairs_and_counts_them_all(reader, monkeypatch):
    whole = report.build(reader, date(2000, 1, 1), date(2100, 1, 1), date(2026, 11, 1))
    assert whole["similar_pairs_total"] == len(whole["similar_pairs"]) > 3
    monkeypatch.setattr(report, "PAIRS_SHOWN", 3)
    capped = report.build(reader, date(2000, 1, 1), date(2100, 1, 1), date(2026, 11, 1))
    assert capped["similar_pairs"] == whole["similar_pairs"][:3]
    assert capped["similar_pairs_total"] == whole["similar_pairs_total"]
