"""A killed ingest never blocks the next one (issue 17).

Killed at any point of its run (starting, parsing in worker processes, writing the copy,
swapping it in), by SIGKILL or SIGTERM, an ingest leaves the old database byte for byte
or the new one complete, no process of its own behind (nothing holding its output or
the writers' lock), and the next ingest succeeds. SIGTERM also ends it cleanly: exit
non-zero, no temporary copy left.
"""
from __future__ import annotations

import contextlib
import logging
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from conftest import ROOT

from loaders import processes, store

INCIDENTS = 800     # big enough that parsing (in worker processes) takes a good part of the run
KILLS = 20          # kills across the whole run, half SIGKILL, half SIGTERM
GONE_WITHIN = 15.0  # seconds for a killed ingest's processes to be gone (polled: a loaded machine is slow)


# --------------------------------------------------------------------------------------
# Processes, from /proc


def _stat(pid: int) -> list[str] | None:
    """/proc/<pid>/stat from the state field on (state, ppid, pgrp, session, ...)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].decode().split()
    except (OSError, IndexError):
        return None


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace").strip()
    except OSError:
        return "?"


def session(sid: int) -> dict[tuple[int, int], str]:
    """The live (not zombie) processes of session ``sid``: {(pid, start time): cmdline}."""
    out = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        st = _stat(int(entry))
        if st and int(st[3]) == sid and st[0] != "Z":
            out[(int(entry), int(st[19]))] = _cmdline(int(entry))
    return out


def running(seen: dict[tuple[int, int], str]) -> dict[tuple[int, int], str]:
    """Those of ``seen`` still running: same pid and start time, not a zombie."""
    out = {}
    for (pid, start), cmd in seen.items():
        st = _stat(pid)
        if st and st[0] != "Z" and int(st[19]) == start:
            out[(pid, start)] = cmd
    return out


def wait_gone(sid: int, seen: dict, within: float = GONE_WITHIN) -> dict:
    """Poll until no process of session ``sid`` (nor any process seen in it) runs;
    return what is left at the deadline."""
    deadline = time.monotonic() + within
    while True:
        left = {**session(sid), **running(seen)}
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.02)


# --------------------------------------------------------------------------------------
# The corpus and its databases, built once


def _env() -> dict:
    env = {k: v for k, v in os.environ.items() if k != "HINDSIGHT_CONFIG"}
    env["PYTHONFAULTHANDLER"] = "1"  # a stuck ingest, sent SIGABRT, says where it is stuck
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _cli(*args) -> list[str]:
    return [sys.executable, "-m", "loaders", *map(str, args)]


def counts(db: Path) -> tuple[int, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return (con.execute("SELECT count(*) FROM raw_postmortems").fetchall()[0][0],
                con.execute("SELECT count(*) FROM files").fetchall()[0][0])
    finally:
        con.close()


class Corpus:
    """``big``: the corpus each killed ingest loads; ``old``: the database it loads
    into (a small load); ``expected``: the counts of that load finished; ``seconds``:
    how long the whole uninterrupted run takes, start to exit."""

    def __init__(self, root: Path):
        self.root = root
        self.big = root / "big"
        self.old = root / "old.duckdb"
        self.old_bytes = b""
        self.expected = (0, 0)
        self.seconds = 0.0

    def fresh(self, folder: Path) -> Path:
        """A copy of the old database in ``folder``, as the ingest to be killed finds it."""
        folder.mkdir(parents=True, exist_ok=True)
        db = folder / "h.duckdb"
        shutil.copyfile(self.old, db)
        return db

    def command(self, db: Path, quiet: bool = True) -> list[str]:
        return _cli("ingest", *(["-q"] if quiet else []), "--db", db, self.big)

    def start(self, db: Path, stderr=subprocess.PIPE, quiet: bool = True) -> subprocess.Popen:
        """The ingest in a session of its own, so that every process of it can be found."""
        return subprocess.Popen(self.command(db, quiet), cwd=self.root, env=_env(), start_new_session=True,
                                stdout=subprocess.PIPE, stderr=stderr)

    def run(self, db: Path) -> subprocess.CompletedProcess:
        return subprocess.run(self.command(db), cwd=self.root, env=_env(), capture_output=True,
                              text=True, timeout=120)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Corpus:
    c = Corpus(tmp_path_factory.mktemp("kill"))
    for args in (("--incidents", INCIDENTS, c.big), ("--incidents", 5, "--seed", 3, c.root / "small")):
        out = subprocess.run(_cli("demo", *args), cwd=c.root, env=_env(),
                             capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
    out = subprocess.run(_cli("ingest", "-q", "--db", c.old, c.root / "small" / "postmortems"),
                         cwd=c.root, env=_env(), capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    c.old_bytes = c.old.read_bytes()
    # the cold ingest every kill interrupts, once uninterrupted: its length and result
    db = c.fresh(c.root / "reference")
    started = time.monotonic()
    out = c.run(db)
    c.seconds = time.monotonic() - started
    assert out.returncode == 0, out.stderr
    c.expected = counts(db)
    assert c.expected[0] == INCIDENTS + 5  # the big corpus's postmortems and the old ones
    return c


def check_database(corpus: Corpus, db: Path, why: str) -> str:
    """The old database byte for byte, or the new one complete; which one."""
    if db.read_bytes() == corpus.old_bytes:
        return "old"
    assert counts(db) == corpus.expected, f"{why}: the database is neither the old one nor complete"
    return "new"


def holders(path: Path, pids) -> list[int]:
    """Which of ``pids`` have ``path`` open."""
    return [pid for pid in processes.with_open(str(path)) if pid in set(pids)]


def finish(proc: subprocess.Popen, why: str) -> str:
    """Its stderr, once it and everything holding its output have ended (promptly)."""
    try:
        _, err = proc.communicate(timeout=GONE_WITHIN)
    except subprocess.TimeoutExpired:
        held, err = session(proc.pid), None
        if proc.poll() is None:  # where it is stuck: faulthandler writes every thread's stack
            proc.send_signal(signal.SIGABRT)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(5)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # the group this test started
        with contextlib.suppress(subprocess.TimeoutExpired):
            _, err = proc.communicate(timeout=10)
        pytest.fail(f"{why}: its output is still open {GONE_WITHIN} s after the kill, held by {held}; "
                    f"its stderr: {(err or b'').decode(errors='replace')[-6000:]}")
    return (err or b"").decode(errors="replace")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".tmp-" in p.name)


# --------------------------------------------------------------------------------------
# Killed anywhere


def test_killed_anywhere_leaves_a_whole_database_and_nothing_running(corpus, tmp_path):
    seed = int(os.environ.get("HINDSIGHT_KILL_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    span = corpus.seconds * 1.05  # a few kills land after the end: the finished case too
    plan = [(span * (i + rng.random()) / KILLS, signal.SIGKILL if i % 2 else signal.SIGTERM, None)
            for i in range(KILLS)]   # one random moment in each twentieth of the run
    phases: list[str] = []
    n = 0
    while n < len(plan):
        delay, sig, until = plan[n]
        if until is not None:   # a phase the random moments missed (a machine slower now than
            delay = 20 * corpus.seconds   # when the run was timed): killed as it is seen
        why = (f"kill {n} ({sig.name} after {delay:.3f} s of a {corpus.seconds:.2f} s run; seed {seed})"
               if until is None else f"kill {n} ({sig.name} once the {until} phase is seen; seed {seed})")
        folder = tmp_path / f"k{n}"
        db = corpus.fresh(folder)
        proc = corpus.start(db)
        seen: dict = {}
        phase = "start"
        try:
            started = time.monotonic()
            while time.monotonic() - started < delay and proc.poll() is None and phase != until:
                now = session(proc.pid)
                seen.update(now)
                if sum("forkserver" in cmd for cmd in now.values()) > 1:
                    phase = "parse"   # workers are up (forked from the fork server, so named
                    # like it), parsing while the ingest writes their rows into the copy
                elif phase == "parse" and leftovers(folder):
                    phase = "write"   # parsing done: marts, similarity, checkpoint, rename
                time.sleep(0.005)
            if proc.poll() is not None:
                phase = "finished"
            proc.send_signal(sig)  # not once it has been reaped: its pid may be reused
            err = finish(proc, why)  # nothing of it holds its output: a capture of it ends
            left = wait_gone(proc.pid, seen)
            assert not left, f"{why}: processes left behind: {left}"
        finally:
            if proc.poll() is None or session(proc.pid):
                os.killpg(proc.pid, signal.SIGKILL)  # the group this test started
                proc.wait()
        if proc.returncode == 0:
            # it ended between the last look and the signal: then it really finished, with
            # every incident loaded (an exit 0 that stopped early would fail here)
            assert counts(db) == corpus.expected, f"{why}: exit 0 without the whole load"
            phase = "finished"
        phases.append(phase)
        if sig == signal.SIGTERM:
            assert not leftovers(folder), f"{why}: SIGTERM left {leftovers(folder)} (exit {proc.returncode}): {err}"
            if proc.returncode == 128 + signal.SIGTERM:
                assert "terminated" in err, err
        check_database(corpus, db, why)
        after = corpus.run(db)
        assert after.returncode == 0, f"{why}: the next ingest failed: {after.stderr}"
        assert "another ingest" not in after.stderr
        assert counts(db) == corpus.expected, why
        assert not leftovers(folder), f"{why}: the next ingest left {leftovers(folder)}"
        n += 1
        if n == KILLS:
            plan += [(0.0, signal.SIGKILL, p) for p in ("parse", "write") if p not in phases]
    print(f"kills: {len(phases)} by phase " + ", ".join(f"{p} {phases.count(p)}" for p in dict.fromkeys(phases)))
    # the kills covered the run: some while workers parsed (and their rows were written),
    # some while the copy was finished after them
    assert "parse" in phases and "write" in phases, f"phases hit: {phases} (seed {seed})"


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_killed_while_workers_parse(corpus, tmp_path, sig):
    import pty

    db = corpus.fresh(tmp_path)
    terminal, tty = pty.openpty()  # stderr a terminal: the ingest shows its progress
    proc = corpus.start(db, stderr=tty, quiet=False)
    os.close(tty)
    os.set_blocking(terminal, False)
    shown = b""
    seen: dict = {}
    try:
        deadline = time.monotonic() + 30
        while proc.poll() is None and time.monotonic() < deadline and b"parsing" not in shown:
            try:
                shown += os.read(terminal, 4096)
            except (BlockingIOError, OSError):
                time.sleep(0.002)
        seen = session(proc.pid)
        assert proc.poll() is None, f"the ingest finished before its progress showed parsing: {shown!r}"
        # parsing and writing overlap (a batch at a time): the copy is being written now
        assert leftovers(tmp_path), "no copy of the database while its rows are being parsed"
        workers = [pid for (pid, _) in seen if pid != proc.pid]
        assert workers, "no worker processes while parsing"
        # none of them holds the writers' lock
        assert not holders(Path(f"{db}.lock"), workers), "a worker holds the ingest's lock"
        proc.send_signal(sig)
        finish(proc, f"{sig.name} while parsing")
        # right away, before its workers are known to be gone: the next one is not refused
        after = corpus.run(db)
        assert after.returncode == 0, after.stderr
        assert "another ingest" not in after.stderr
        assert counts(db) == corpus.expected
        left = wait_gone(proc.pid, seen)
        assert not left, f"processes left behind: {left}"
    finally:
        if proc.poll() is None or session(proc.pid):
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        with contextlib.suppress(OSError):
            while (chunk := os.read(terminal, 4096)):
                shown += chunk
        os.close(terminal)
    assert proc.returncode != 0
    if sig == signal.SIGTERM:
        assert proc.returncode == 128 + signal.SIGTERM
        assert b"terminated" in shown
    assert not leftovers(tmp_path)


# --------------------------------------------------------------------------------------
# The lock


def _dead_pid() -> int:
    p = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(p.stdout)


def test_a_lock_file_left_by_a_dead_ingest_does_not_block(tmp_path, caplog):
    db = tmp_path / "h.duckdb"
    db.write_bytes(b"")   # (a database there: its lock file stays, emptied)
    dead = _dead_pid()
    Path(f"{db}.lock").write_text(f"{dead} 12345\n")
    with caplog.at_level(logging.WARNING, logger="loaders.store"):
        with store.lock(db):
            assert Path(f"{db}.lock").read_text().split()[0] == str(os.getpid())
    assert f"pid {dead}" in caplog.text and "ended without finishing" in caplog.text
    assert Path(f"{db}.lock").read_text() == ""  # released cleanly: nothing stale to report
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="loaders.store"):
        with store.lock(db):
            pass
    assert caplog.text == ""


def test_a_lock_that_made_no_database_leaves_no_lock_file(tmp_path):
    """An ingest that found nothing to load left ``<db>.lock`` beside a database it never made."""
    (tmp_path / "empty").mkdir()
    out = subprocess.run([sys.executable, "-m", "loaders", "ingest", "--db", str(tmp_path / "h.duckdb"),
                          str(tmp_path / "empty")], cwd=ROOT, env=_env(), capture_output=True, text=True)
    assert out.returncode == 1 and "nothing to load" in out.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty"]


def test_a_writer_locks_the_file_the_path_names_when_the_last_holder_removed_it(tmp_path, monkeypatch):
    """The holder of a lock that made no database removes the lock file; a writer that had
    opened it just before must not lock that removed file (two writers at once)."""
    db = tmp_path / "h.duckdb"
    lock_path = Path(f"{db}.lock")
    flock, calls = store.fcntl.flock, []

    def holder_leaves_first(fd, op):
        if op & store.fcntl.LOCK_EX and not calls:
            lock_path.unlink()     # the holder, done, removed the file this writer opened
        calls.append(op)
        return flock(fd, op)

    monkeypatch.setattr(store.fcntl, "flock", holder_leaves_first)
    with store.lock(db):
        assert lock_path.read_text().split()[0] == str(os.getpid())
        assert len([op for op in calls if op & store.fcntl.LOCK_EX]) == 2


def test_a_reused_pid_is_not_taken_for_the_holder(tmp_path, caplog):
    db = tmp_path / "h.duckdb"
    Path(f"{db}.lock").write_text(f"{os.getppid()} 1\n")  # a live pid, but started at another time
    with caplog.at_level(logging.WARNING, logger="loaders.store"):
        with store.lock(db):
            pass
    assert f"pid {os.getppid()}" in caplog.text


def test_a_held_lock_names_its_holder(tmp_path):
    db = tmp_path / "h.duckdb"
    code = ("import sys; from loaders import store\n"
            f"with store.lock({str(db)!r}):\n    print('locked', flush=True); sys.stdin.read()\n")
    holder = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=_env(), text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(RuntimeError, match=rf"another ingest is writing .*\(pid {holder.pid}\)"):
            with store.lock(db):
                pass
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    with store.lock(db):  # released with its holder
        pass


def test_a_lock_held_by_what_a_dead_ingest_left_names_those_processes(tmp_path):
    # a process that inherited the lock (as the workers of an older hindsight did) from
    # an ingest that is gone: the message says which processes to stop
    db = tmp_path / "h.duckdb"
    dead = _dead_pid()
    code = ("import fcntl, os, sys\n"
            f"fd = os.open({str(db) + '.lock'!r}, os.O_RDWR | os.O_CREAT)\n"
            "fcntl.flock(fd, fcntl.LOCK_EX)\n"
            f"os.ftruncate(fd, 0); os.write(fd, b'{dead} 1\\n')\n"
            "print('locked', flush=True); sys.stdin.read()\n")
    orphan = subprocess.Popen([sys.executable, "-c", code], text=True, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert orphan.stdout.readline().strip() == "locked"
        with pytest.raises(RuntimeError) as e:
            with store.lock(db):
                pass
        assert f"pid {dead}" in str(e.value) and f"kill {orphan.pid}" in str(e.value)
    finally:
        orphan.stdin.close()
        orphan.wait(timeout=30)
    with store.lock(db):
        pass


def test_the_lock_is_not_inherited(tmp_path):
    db = tmp_path / "h.duckdb"
    with store.lock(db):
        child = subprocess.run(["ls", "-l", "/proc/self/fd"], capture_output=True, text=True, close_fds=False)
    assert f"{db}.lock" not in child.stdout


# --------------------------------------------------------------------------------------
# The pool


def workers_of_this_process() -> set[int]:
    """Descendants of this process but a fork server and a resource tracker of its own."""
    stats = {pid: st for pid in map(int, filter(str.isdigit, os.listdir("/proc")))
             if (st := _stat(pid)) and st[0] != "Z"}
    children: dict[int, list[int]] = {}
    for pid, st in stats.items():
        children.setdefault(int(st[1]), []).append(pid)
    helpers = {pid for pid in children.get(os.getpid(), [])
               if "forkserver" in _cmdline(pid) or "resource_tracker" in _cmdline(pid)}
    out, todo = set(), list(children.get(os.getpid(), []))
    while todo:
        pid = todo.pop()
        out.add(pid)
        todo.extend(children.get(pid, []))
    return out - helpers


def test_the_pool_keeps_order_and_progress(corpus):
    from loaders.config import Config
    from loaders.workers import PARALLEL_THRESHOLD, iter_files

    paths = sorted(str(p) for p in (corpus.big / "postmortems").rglob("*.md"))[:PARALLEL_THRESHOLD + 50]
    seen = []
    loaded = list(iter_files(paths, Config().options(), progress=lambda n, total: seen.append((n, total)), workers=2))
    assert [ld.path for ld in loaded] == paths
    assert all(ld.record.kind == "postmortem" for ld in loaded)
    assert seen[-1] == (len(paths), len(paths)) and len(seen) > 1
    assert [n for n, _ in seen] == sorted(n for n, _ in seen)


def test_an_interrupted_pool_kills_its_workers(corpus):
    from loaders.config import Config
    from loaders.workers import PARALLEL_THRESHOLD, iter_files

    paths = sorted(str(p) for p in (corpus.big / "postmortems").rglob("*.md"))[:PARALLEL_THRESHOLD * 3]

    def stop(n, total):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        list(iter_files(paths, Config().options(), progress=stop, workers=2))
    deadline = time.monotonic() + GONE_WITHIN
    while workers_of_this_process() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not workers_of_this_process()


def test_a_consumer_that_stops_early_kills_the_workers(corpus):
    """The ingest takes parsed files as it writes them; when it fails mid-way and closes
    the stream, the workers still parsing ahead of it are killed, not left running."""
    import contextlib

    from loaders.config import Config
    from loaders.workers import PARALLEL_THRESHOLD, iter_files

    paths = sorted(str(p) for p in (corpus.big / "postmortems").rglob("*.md"))[:PARALLEL_THRESHOLD * 3]
    with contextlib.closing(iter_files(paths, Config().options(), workers=2)) as stream:
        taken = [next(stream) for _ in range(5)]
        assert workers_of_this_process(), "no workers while parsing"
    assert [ld.path for ld in taken] == paths[:5]
    deadline = time.monotonic() + GONE_WITHIN
    while workers_of_this_process() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not workers_of_this_process()


def _send_half_a_result(flag: str) -> None:
    """In a worker: begin a result for the pool, stop halfway (as a worker killed while
    sending one does) and wait to be killed."""
    import gc
    import multiprocessing.queues
    import struct

    results = next(o for o in gc.get_objects() if isinstance(o, multiprocessing.queues.SimpleQueue))
    os.write(results._writer.fileno(), struct.pack("!i", 1_000_000) + b"x" * 100)
    Path(flag).touch()
    time.sleep(120)


def test_a_worker_killed_halfway_through_a_result_does_not_hang_the_pool(tmp_path):
    # the pool's manager thread, reading that half message, would wait for the rest for
    # ever, and the interpreter for it at exit: a Ctrl-C'd or SIGTERM'd ingest that hangs.
    # In an interpreter of its own, as an ingest runs, so the fork server starts afresh:
    # inside the pytest process one started by an earlier test is reused, and after the
    # tests before this file it never ran a worker function defined in this module
    code = ("import sys; sys.path[:0] = [sys.argv[1], sys.argv[2]]; import test_kill; "
            "test_kill.half_a_result_leaves_no_hang(sys.argv[3]); print('ok')")
    out = subprocess.run([sys.executable, "-c", code, str(Path(__file__).parent), str(ROOT), str(tmp_path / "half-sent")],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0 and out.stdout.strip().endswith("ok"), out.stdout + out.stderr


def half_a_result_leaves_no_hang(flag_path: str) -> None:
    from concurrent.futures import ProcessPoolExecutor

    from loaders import workers

    flag = Path(flag_path)
    pool = ProcessPoolExecutor(max_workers=1, mp_context=workers._context(),
                               initializer=workers._init_worker, initargs=(os.getpid(),))
    try:
        pool.submit(_send_half_a_result, str(flag))
        manager = pool._executor_manager_thread
        deadline = time.monotonic() + 120  # a cap for a loaded machine; it returns as soon as the flag is there
        while not flag.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert flag.exists(), "the worker never ran"
    finally:
        workers._stop(pool, timeout=GONE_WITHIN)
    assert not manager.is_alive(), "the pool's manager thread is stuck on half a result"
