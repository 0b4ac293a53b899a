"""Parsing many files in worker processes (loaders/workers.py): chunks sized so no worker
parses a big export alone at the end, results in order, and the same tables as parsing
in one process."""
from pathlib import Path

import duckdb
import pytest

from loaders import workers
from loaders.workers import _chunks, iter_files


def test_runs_stop_at_their_size():
    paths = [f"p{k}.md" for k in range(10)]
    assert [len(r) for r in _chunks(paths, 4, None, float("inf"))] == [4, 4, 2]


def test_a_file_over_the_limit_is_a_run_of_its_own():
    paths = ["a.json", "b.csv", "1.md", "2.md", "3.md", "c.json", "4.md"]
    sizes = {"a.json": 900, "b.csv": 700, "c.json": 800, "1.md": 10, "2.md": 10, "3.md": 10, "4.md": 10}
    runs = list(_chunks(paths, 3, sizes, limit=500))
    assert runs == [["a.json"], ["b.csv"], ["1.md", "2.md", "3.md"], ["c.json"], ["4.md"]]
    assert [p for r in runs for p in r] == paths                  # nothing lost, nothing moved


def test_a_file_kept_apart_is_a_run_of_its_own_whatever_the_limit():
    paths = ["1.md", "a.json", "2.md", "3.md"]
    sizes = {"1.md": 10, "a.json": 600, "2.md": 10, "3.md": 10}
    runs = list(_chunks(paths, 10, sizes, limit=10**6, apart=frozenset({"a.json"})))
    assert runs == [["1.md"], ["a.json"], ["2.md", "3.md"]]


def test_a_file_is_parsed_apart_when_big_and_read():
    from loaders.config import Config

    options = Config().options()
    assert not workers.alone("a.json", workers.ALONE_BYTES - 1, options)
    assert workers.alone("a.json", workers.ALONE_BYTES, options)
    # over its size limit, a file is not read: its parse leaves nothing behind
    assert not workers.alone("a.md", options.size_limit("a.md") + 1, options)


def test_small_files_fill_a_run_up_to_the_limit():
    paths = [f"p{k}.md" for k in range(6)]
    runs = list(_chunks(paths, 10, {p: 100 for p in paths}, limit=250))
    assert [len(r) for r in runs] == [2, 2, 2]


def _demo_files(root: Path) -> list[str]:
    sample = root / "data" / "sample"
    exports = sorted(str(p) for p in sample.rglob("*") if p.suffix in (".json", ".csv"))
    return exports + sorted(str(p) for p in (sample / "postmortems").rglob("*.md"))


def test_the_pool_keeps_order_with_exports_first_and_sizes_given():
    root = Path(__file__).resolve().parent.parent
    paths = _demo_files(root)
    assert len(paths) > workers.PARALLEL_THRESHOLD                  # so the pool is used
    sizes = {p: Path(p).stat().st_size for p in paths}
    from loaders.config import Config

    loaded = list(iter_files(paths, Config().options(), workers=2, sizes=sizes))
    assert [ld.path for ld in loaded] == paths
    assert {ld.record.kind for ld in loaded[:3]} == {"tracker_export", "incident_export"}


def test_the_workers_that_parsed_a_big_file_end_before_the_rest_is_parsed(monkeypatch):
    """Python keeps what a big parse freed for the rest of a process's life (a worker that
    parsed a 7-9 MB export went on at 75 MB, not 35): once no big file is in flight, the
    pool that parsed them ends and a fresh one parses the rest, in the same order."""
    from test_kill import workers_of_this_process

    from loaders.config import Config

    paths = _demo_files(Path(__file__).resolve().parent.parent)
    sizes = {p: Path(p).stat().st_size for p in paths}
    exports = [p for p in paths if not p.endswith(".md")]
    monkeypatch.setattr(workers, "ALONE_BYTES", min(sizes[p] for p in exports))
    seen = []
    for loaded in iter_files(paths, Config().options(), workers=2, sizes=sizes):
        seen.append((loaded.path, workers_of_this_process()))
    assert [p for p, _ in seen] == paths
    first, last = seen[0][1], seen[-1][1]
    assert first and last and not first & last       # none of the first pool's workers is left
    workers.release()


@pytest.mark.parametrize("where", ["first", "middle", "last", "between"])
def test_big_files_anywhere_keep_the_order_and_lose_nothing(monkeypatch, where):
    from loaders.config import Config

    paths = _demo_files(Path(__file__).resolve().parent.parent)
    sizes = {p: Path(p).stat().st_size for p in paths}
    exports = [p for p in paths if not p.endswith(".md")]
    pms = [p for p in paths if p.endswith(".md")]
    monkeypatch.setattr(workers, "ALONE_BYTES", min(sizes[p] for p in exports))
    order = {"first": exports + pms, "middle": pms[:100] + exports + pms[100:], "last": pms + exports,
             "between": [pms[0], exports[0], *pms[1:150], *exports[1:], *pms[150:]]}[where]
    loaded = list(iter_files(order, Config().options(), workers=2, sizes=sizes))
    assert [ld.path for ld in loaded] == order
    workers.release()


def test_one_pool_serves_when_no_file_is_big():
    from test_kill import workers_of_this_process

    from loaders.config import Config

    paths = _demo_files(Path(__file__).resolve().parent.parent)
    sizes = {p: Path(p).stat().st_size for p in paths}
    assert max(sizes.values()) < workers.ALONE_BYTES
    seen = [workers_of_this_process() for _ in iter_files(paths, Config().options(), workers=2, sizes=sizes)]
    assert seen[0] and seen[0] == seen[-1]
    workers.release()


def _tables(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
                for t in ("raw_postmortems", "raw_timeline", "raw_action_items", "raw_tickets", "raw_incidents",
                          "ingest_problems", "mart_incidents", "mart_action_items", "similar_incidents")}
    finally:
        con.close()


@pytest.mark.parametrize("alone_bytes", [None, 1000])
def test_workers_load_what_one_process_loads(tmp_path, monkeypatch, alone_bytes):
    """Exports go first and big ones alone (with 1,000 bytes, parsed by a pool that then
    makes way for a fresh one): the order files are parsed in changes no row."""
    from conftest import demo_config

    from loaders.config import load_config
    from loaders.ingest import ingest

    (tmp_path / "pool").mkdir()
    (tmp_path / "one").mkdir()
    if alone_bytes:
        monkeypatch.setattr(workers, "ALONE_BYTES", alone_bytes)
    ingest(load_config(str(demo_config(tmp_path / "pool"))), [], tmp_path / "pool" / "h.duckdb")
    monkeypatch.setattr(workers, "PARALLEL_THRESHOLD", 10**9)     # one process, files in their found order
    ingest(load_config(str(demo_config(tmp_path / "one"))), [], tmp_path / "one" / "h.duckdb")
    pool, one = _tables(tmp_path / "pool" / "h.duckdb"), _tables(tmp_path / "one" / "h.duckdb")
    assert pool["raw_postmortems"] and pool["raw_tickets"] and pool["raw_incidents"]
    assert pool == one


def test_problems_are_listed_in_found_order_though_exports_parse_first(tmp_path):
    from conftest import write_postmortems

    from loaders.config import Config
    from loaders.ingest import ingest

    src = tmp_path / "src"
    write_postmortems(src / "a-postmortems", 3)
    (src / "a-postmortems" / "empty.md").write_bytes(b"")
    (src / "z-trackers").mkdir()
    (src / "z-trackers" / "jira.csv").write_text("Issue key,Summary,Status,Created\nOPS-1,A,Done,not a date\n"
                                                 "OPS-1,B,Done,2026-01-02\n", encoding="utf-8")
    s = ingest(Config(), [str(src)], tmp_path / "h.duckdb")
    files = [Path(p).name for p, _ in s.problems]
    assert "empty.md" in files and "jira.csv" in files
    assert files.index("empty.md") < files.index("jira.csv")        # found order, not parse order


def _fork_server_pid():
    from multiprocessing import forkserver

    return forkserver._forkserver._forkserver_pid


def test_the_fork_server_stops_once_the_files_are_parsed_and_starts_again_for_the_next():
    """It holds about 28 MB through the marts and similarity: the ingest lets it go
    (workers.release) when its parse is done."""
    paths = _demo_files(Path(__file__).resolve().parent.parent)
    from loaders.config import Config

    options = Config().options()
    first = list(iter_files(paths, options, workers=2))
    assert _fork_server_pid() is not None                         # the pool used one
    assert workers.release() and _fork_server_pid() is None
    again = list(iter_files(paths, options, workers=2))           # a second parse starts it again
    assert [ld.path for ld in again] == [ld.path for ld in first]
    workers.release()


def test_the_fork_server_is_not_stopped_while_a_pool_uses_it():
    paths = _demo_files(Path(__file__).resolve().parent.parent)
    from loaders.config import Config

    loading = iter_files(paths, Config().options(), workers=2)
    first = next(loading)                                         # the pool is working
    assert not workers.release() and _fork_server_pid() is not None
    rest = list(loading)                                          # its workers were not ended
    assert len(rest) == len(paths) - 1 and first.path == paths[0]
    assert workers.release()


def test_an_ingest_leaves_no_fork_server_behind(tmp_path):
    from loaders.config import load_config
    from loaders.ingest import ingest

    root = Path(__file__).resolve().parent.parent
    cfg = load_config(root / "data" / "sample" / "hindsight.yaml")
    s = ingest(cfg, db=tmp_path / "h.duckdb")
    assert s.written and s.parsed > workers.PARALLEL_THRESHOLD
    assert _fork_server_pid() is None


def test_a_forked_child_does_not_stop_its_parents_fork_server():
    import os

    paths = _demo_files(Path(__file__).resolve().parent.parent)
    from loaders.config import Config

    list(iter_files(paths, Config().options(), workers=2))
    pid = os.fork()
    if pid == 0:   # the child: the server is its parent's, not its own to stop
        os._exit(0 if workers.release() is False else 1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert _fork_server_pid() is not None and workers.release()


def test_threads_starting_workers_at_once_leave_the_main_script_in_place(monkeypatch):
    """Two threads inside _without_main_script at once (two ingests of the dashboard), the
    first out before the second: the page that runs as __main__ comes back, not the blank
    module the second thread found in its place."""
    import sys
    import threading
    import types

    page = types.ModuleType("__main__")
    page.__file__ = "/app/pages/1_Overview.py"          # a script, as under `streamlit run`
    monkeypatch.setitem(sys.modules, "__main__", page)
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen = []

    def first():
        with workers._without_main_script():
            seen.append(sys.modules["__main__"] is not page)
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second():
        first_in.wait(5)
        with workers._without_main_script():
            second_in.set()
            first_out.wait(5)
            seen.append(sys.modules["__main__"] is not page)   # still blank: workers may start

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert seen == [True, True]
    assert sys.modules["__main__"] is page


def _page(name):
    import types

    m = types.ModuleType("__main__")
    m.__file__ = f"/app/pages/{name}.py"
    return m


def test_a_page_streamlit_puts_in_main_meanwhile_is_not_undone(monkeypatch):
    """Streamlit puts a new page in __main__ whenever any session reruns: one put there
    while workers start stays, rather than the older page coming back over it."""
    import sys

    first, rerun = _page("1_Overview"), _page("2_Recurrence")
    monkeypatch.setitem(sys.modules, "__main__", first)
    with workers._without_main_script():
        sys.modules["__main__"] = rerun
    assert sys.modules["__main__"] is rerun


def test_a_thread_starting_workers_after_a_rerun_still_finds_main_blank(monkeypatch):
    """A page put in __main__ while one thread's workers start is blanked for the next
    thread's workers too (each thread checks on its way in), and comes back at the end."""
    import sys
    import threading

    monkeypatch.setitem(sys.modules, "__main__", _page("1_Overview"))
    a_in, b_done = threading.Event(), threading.Event()
    seen = []
    rerun = _page("2_Recurrence")

    def a():
        with workers._without_main_script():
            a_in.set()
            b_done.wait(5)

    def b():
        a_in.wait(5)
        sys.modules["__main__"] = rerun
        with workers._without_main_script():
            seen.append(getattr(sys.modules["__main__"], "__file__", None))
        b_done.set()

    threads = [threading.Thread(target=a), threading.Thread(target=b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert seen == [None]
    assert sys.modules["__main__"] is rerun
