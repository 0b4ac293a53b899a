"""The real-document corpora: every postmortem in them is read as one (none rejected),
ingest loads each as an incident, and the learn set's score does not fall.

Every folder under tests/corpus holds real public postmortems labelled by hand
(tests/corpus/README.md); bench/corpus.py scores the parser on them. Each held-back set
gets its floor here only after its first look was taken and written down."""
import sys
from pathlib import Path

import duckdb
import pytest

from loaders.config import load_config
from loaders.detect import parse_path
from loaders.ingest import ingest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import corpus as scoring  # noqa: E402  (bench/corpus.py)

CORPUS = ROOT / "tests" / "corpus"
DOCS = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".md", ".mdx", ".markdown", ".qmd")
              and p.name not in ("README.md", "ORIGINS.md"))

# The learn set's score as last measured; it may rise, never fall. The holdout set is
# scored at the end of a piece of parser work and reported, never tuned against; its
# floor only stops a change from quietly losing what generalised (first look: 0.912).
LEARN_FLOOR = 0.96
HOLDOUT_FLOOR = 0.98
FRESH_FLOOR = 0.92   # first look 0.859; learned from since (0.959)
UNSEEN_FLOOR = 0.88  # first look 0.897 (148/165)
WIDER_FLOOR = 0.93   # first look 0.814 (70/86); learned from since
SEALED_FLOOR = 0.93  # first look 0.840 (100/119); learned from since (0.950)
FINAL_FLOOR = 0.92   # first look 0.811 (99/122); learned from since (0.943)
LAST_FLOOR = 0.90    # first look 0.856 (137/160); learned from since (0.925)
NEXT_FLOOR = 0.85    # first look 0.893 (25/28); not learned from
LATER_FLOOR = 0.93   # first look 0.850 (119/140); learned from since (0.957)
AFTER_FLOOR = 0.86   # first look 0.850 (164/193); learned from since (0.891)
BEYOND_FLOOR = 0.96  # first look 0.941 (128/136); learned from since (0.993)
FARTHER_FLOOR = 0.95  # first look 0.865 (115/133); learned from since (0.985)
FURTHER_FLOOR = 0.97  # first look 0.955 (126/132); learned from since (0.985)
ONWARD_FLOOR = 0.94   # first look 0.908 (118/130); learned from since (0.962)
YONDER_FLOOR = 0.96   # first look 0.881 (111/126); learned from since (0.984)
DISTANT_FLOOR = 0.93  # first look 0.966 (56/58); not learned from
REMOTE_FLOOR = 0.94   # first look 0.846 (33/39; the session-start parser 34/39); learned from since (0.974)
AFIELD_FLOOR = 0.95   # first look 0.896 (69/77, the session-start parser the same); learned from since (1.000)
OUTER_FLOOR = 0.95    # first look 0.846 (88/104; the session-start parser 81/104); learned from since (0.990)
ABROAD_FLOOR = 0.92   # first look 0.759 (63/83; the session-start parser 61/83); learned from since (0.952)
OVERSEAS_FLOOR = 0.92  # first look 0.747 (56/75; the session-start parser the same); learned from since (0.947)
FARAWAY_FLOOR = 0.95   # first look 1.000 (52/52, the session-start parser the same; thin labels); not learned from
ELSEWHERE_FLOOR = 0.92   # first look 0.833 (30/36, the session-start parser the same); learned from to 0.972
OUTSIDE_FLOOR = 0.89   # first look 0.872 (41/47, the session-start parser the same); learned from to 0.915
AWAY_FLOOR = 0.92      # first look 0.929 (13/14; thin labels); learned from to 1.000
AFAR_FLOOR = 0.91      # first look 0.917 (11/12; thin labels); learned from to 1.000
OFFSHORE_FLOOR = 0.95  # first look 0.881 (37/42, the session-start parser the same); learned from to 1.000
ASTRAY_FLOOR = 0.95    # first look 0.878 (72/82, the session-start parser the same); learned from to 0.963
ADRIFT_FLOOR = 0.91    # first look 0.828 (168/203; the session-start parser 167/203); learned from to 0.916
AGROUND_FLOOR = 0.92   # first look 0.783 (72/92, the session-start parser the same); learned from to 0.924
ASHORE_FLOOR = 0.92    # first look 0.854 (70/82, the session-start parser the same); learned from to 0.927
ASTERN_FLOOR = 0.94    # first look 0.897 (52/58, the session-start parser the same); learned from to 0.948
ABEAM_FLOOR = 0.98     # first look 0.881 (59/67, the session-start parser the same); learned from to 0.985
ABAFT_FLOOR = 0.92     # first look 0.827 (62/75, the session-start parser the same); learned from to 0.920
ALEE_FLOOR = 0.96      # first look 0.674 (64/95, the session-start parser the same); learned from to 0.968
ALOFT_FLOOR = 0.95     # first look 0.775 (107/138, the session-start parser the same); learned from to 0.957
ABREAST_FLOOR = 0.99   # first look 0.937 (148/158, the session-start parser the same); learned from to 1.000
ATHWART_FLOOR = 0.99   # first look 0.912 (93/102, the session-start parser the same); learned from to 1.000
AWASH_FLOOR = 0.95     # first look 0.780 (64/82, the session-start parser the same); learned from to 0.951
ATRIP_FLOOR = 0.99    # first look 0.793 (23/29); learned from since (1.000)
ASTIR_FLOOR = 0.89    # first look 0.801 (113/141, the session-start parser the same); learned from (0.894)
ASLANT_FLOOR = 0.98   # first look 0.929 (117/126; the session-start parser 0.921); learned from (0.984)
ASUNDER_FLOOR = 0.96  # first look 0.902 (120/133, the session-start parser the same); learned from (0.970)
AWRY_FLOOR = 0.98     # first look 0.856 (89/104; the session-start parser 0.846); learned from (0.990)
AJAR_FLOOR = 0.97     # first look 0.939 (92/98, the session-start parser the same); learned from (0.980)
ASKEW_FLOOR = 0.95    # first look 0.825 (104/126, the session-start parser the same); learned from (0.952)
ATILT_FLOOR = 0.93    # first look 0.862 (25/29, the session-start parser the same); learned from (0.931)
AMAIN_FLOOR = 0.97    # first look 0.889 (64/72, the session-start parser the same); learned from (0.972)
ANEW_FLOOR = 0.93     # first look 0.837 (41/49, the session-start parser, no parser change before it); learned from (0.939)
APACE_FLOOR = 0.93    # first look 0.933 (14/15; the session-start parser the same); not learned from
AFLOAT_FLOOR = 1.0    # first look 1.000 (7/7, thin labels: two prose disclosures); not learned from
ABOARD_FLOOR = 0.98    # first look 0.917 (55/60); learned from (1.000)
AHEAD_FLOOR = 0.98     # first look 0.963 (78/81, the session-start parser the same); learned from (1.000)
AFOOT_FLOOR = 0.96     # first look 0.883 (166/188, the session-start parser the same); learned from (0.979)
ALOOF_FLOOR = 0.90     # first look 0.802 (97/121, the session-start parser the same); learned from (0.917)
ATOP_FLOOR = 0.93      # first look 0.896 (60/67, the session-start parser the same); learned from (0.940)
ABACK_FLOOR = 0.99     # first look 0.714 (10/14); learned from (1.000)
AFRESH_FLOOR = 0.83    # first look 0.667 (26/39); learned from (0.846)
ABUZZ_FLOOR = 0.86     # first look 0.791 (34/43); learned from (0.884)
ABED_FLOOR = 0.99      # first look 1.000 (5/5, thin labels); not learned from
AGOG_FLOOR = 0.89      # first look 0.900 (9/10, thin labels); not learned from
AGLOW_FLOOR = 0.94     # first look 0.860 (92/107); learned from (0.953)
ABLAZE_FLOOR = 0.95    # first look 0.823 (65/79); learned from (0.962)
AFIRE_FLOOR = 0.94     # first look 0.905 (67/74); learned from (0.946)
ABLOOM_FLOOR = 0.99    # first look 1.000 (11/11, thin labels); not learned from
AGLEAM_FLOOR = 0.99    # first look 0.959 (71/74; 73/74 with severity as written scored); learned from (1.000)
AWEIGH_FLOOR = 0.96    # first look 0.936 (102/109, the session-start parser the same); learned from to 0.972


def test_the_corpus_is_there():
    assert len(DOCS) >= 274


def _long_lines(path: Path) -> set[str]:
    """A document's lines of 150 characters or more, whitespace folded: what two copies of
    one document share and two documents from one template do not."""
    return {n for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
            if len(n := " ".join(line.split())) >= 150}


def test_no_document_is_in_the_corpus_twice():
    """A renamed repository (or a fork) can bring back a document another set holds: the
    second copy would be scored as unseen. Two documents sharing most of their long lines
    are one document."""
    docs = {p: _long_lines(p) for p in sorted(CORPUS.glob("*/*")) if p.parent.name != "blame"
            and not p.name.endswith(".yaml") and p.suffix in (".md", ".mdx", ".markdown", ".txt", ".smd")}
    by_line: dict[str, list[Path]] = {}
    for p, lines in docs.items():
        for line in lines:
            by_line.setdefault(line, []).append(p)
    shared: dict[tuple[Path, Path], int] = {}
    for holders in by_line.values():
        for i, a in enumerate(holders):
            for b in holders[i + 1:]:
                shared[a, b] = shared.get((a, b), 0) + 1
    twice = [(a.relative_to(CORPUS), b.relative_to(CORPUS)) for (a, b), n in shared.items()
             if n >= 2 and n * 2 >= min(len(docs[a]), len(docs[b]))]
    assert twice == []


@pytest.mark.parametrize("doc", DOCS, ids=[p.name for p in DOCS])
def test_every_corpus_document_reads_as_a_postmortem(doc):
    got = parse_path(str(doc))
    assert got["kind"] == "postmortem", got["problems"]


def test_ingest_loads_every_corpus_document_as_an_incident(tmp_path):
    cfg = tmp_path / "hindsight.yaml"
    cfg.write_text(f"database: {tmp_path / 'h.duckdb'}\n")
    s = ingest(load_config(cfg), [str(p) for p in DOCS])
    con = duckdb.connect(str(tmp_path / "h.duckdb"), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM mart_incidents").fetchone()[0] == len(DOCS)
    finally:
        con.close()
    assert s.kinds == {"postmortem": len(DOCS)}


def test_the_learn_set_scores_at_least_its_floor():
    scored = scoring.score_folder(CORPUS / "learn")
    passed = sum(s.passed for s in scored)
    total = sum(len(s.checks) for s in scored)
    assert passed / total >= LEARN_FLOOR, f"{passed}/{total}"


@pytest.mark.parametrize("folder, floor", [("holdout", HOLDOUT_FLOOR), ("fresh", FRESH_FLOOR),
                                           ("unseen", UNSEEN_FLOOR), ("wider", WIDER_FLOOR),
                                           ("sealed", SEALED_FLOOR), ("final", FINAL_FLOOR),
                                           ("last", LAST_FLOOR), ("next", NEXT_FLOOR),
                                           ("later", LATER_FLOOR), ("after", AFTER_FLOOR),
                                           ("beyond", BEYOND_FLOOR), ("farther", FARTHER_FLOOR),
                                           ("further", FURTHER_FLOOR), ("onward", ONWARD_FLOOR),
                                           ("yonder", YONDER_FLOOR), ("distant", DISTANT_FLOOR),
                                           ("remote", REMOTE_FLOOR), ("afield", AFIELD_FLOOR),
                                           ("outer", OUTER_FLOOR), ("abroad", ABROAD_FLOOR),
                                           ("overseas", OVERSEAS_FLOOR), ("faraway", FARAWAY_FLOOR),
                                           ("elsewhere", ELSEWHERE_FLOOR), ("outside", OUTSIDE_FLOOR),
                                           ("away", AWAY_FLOOR), ("afar", AFAR_FLOOR),
                                           ("offshore", OFFSHORE_FLOOR), ("astray", ASTRAY_FLOOR),
                                           ("adrift", ADRIFT_FLOOR), ("aground", AGROUND_FLOOR),
                                           ("ashore", ASHORE_FLOOR), ("astern", ASTERN_FLOOR),
                                           ("abeam", ABEAM_FLOOR), ("abaft", ABAFT_FLOOR),
                                           ("alee", ALEE_FLOOR), ("aloft", ALOFT_FLOOR),
                                           ("abreast", ABREAST_FLOOR), ("athwart", ATHWART_FLOOR),
                                           ("awash", AWASH_FLOOR), ("aweigh", AWEIGH_FLOOR),
                                           ("atrip", ATRIP_FLOOR), ("astir", ASTIR_FLOOR),
                                           ("aslant", ASLANT_FLOOR), ("asunder", ASUNDER_FLOOR),
                                           ("awry", AWRY_FLOOR), ("ajar", AJAR_FLOOR),
                                           ("askew", ASKEW_FLOOR), ("atilt", ATILT_FLOOR),
                                           ("amain", AMAIN_FLOOR), ("anew", ANEW_FLOOR),
                                           ("apace", APACE_FLOOR), ("afloat", AFLOAT_FLOOR),
                                           ("aboard", ABOARD_FLOOR), ("ahead", AHEAD_FLOOR),
                                           ("afoot", AFOOT_FLOOR), ("aloof", ALOOF_FLOOR),
                                           ("atop", ATOP_FLOOR), ("aback", ABACK_FLOOR),
                                           ("afresh", AFRESH_FLOOR), ("abuzz", ABUZZ_FLOOR),
                                           ("abed", ABED_FLOOR), ("agog", AGOG_FLOOR),
                                           ("aglow", AGLOW_FLOOR), ("ablaze", ABLAZE_FLOOR),
                                           ("afire", AFIRE_FLOOR), ("abloom", ABLOOM_FLOOR),
                                           ("agleam", AGLEAM_FLOOR)])
def test_the_held_back_sets_score_at_least_their_floors(folder, floor):
    scored = scoring.score_folder(CORPUS / folder)
    passed = sum(s.passed for s in scored)
    total = sum(len(s.checks) for s in scored)
    assert passed / total >= floor, f"{passed}/{total}"

