"""Parsing many files at once: a pool of worker processes, results in order.

The workers can neither outlive nor block the ingest that started them:

- They start from a fork server (multiprocessing's "forkserver"), not by forking the
  ingest, so they inherit none of its open files: not the writers' lock (store.lock),
  not the database. (A forked child keeps every descriptor, close-on-exec or not.) The
  fork server is a fresh interpreter that exits as soon as the ingest is gone.
- Each worker dies with its parent: on Linux by PR_SET_PDEATHSIG, everywhere by a
  watchdog thread and a check between files. So nothing of a killed ingest is left
  holding its stdout or stderr (a ``subprocess.run(..., capture_output=True)`` of it
  returns when it dies).
- When the ingest itself fails or is told to stop (SIGTERM, Ctrl-C), it kills its
  workers rather than waiting for them to finish parsing.

Start-up, measured on 2 cores with 2 workers: fork ~10 ms, forkserver ~100 ms, spawn
~105 ms (spawn grows with the number of workers: ~230 ms for 4, forkserver ~120 ms). A
warm fork server (a second load in one process, e.g. the dashboard) starts a pool in
~30 ms. Below PARALLEL_THRESHOLD files one process is faster, and nothing is started.
"""
from __future__ import annotations

import collections
import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import types
from concurrent.futures import ProcessPoolExecutor
from queue import Empty

from loaders import processes
from loaders.options import Options
from loaders.reading import load_file

PARALLEL_THRESHOLD = 200   # below this many files to parse, one process is faster
WATCH_EVERY = 0.2          # seconds between a worker's checks that its ingest is still there

_parent: int | None = None   # in a worker: the pid of the process that started it
_ingest: int | None = None   # in a worker: the pid of the ingest it works for


def _context():
    """Workers from a fork server where there is one (POSIX), else spawned."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        # The fork server imports the parsers once, their patterns compiled (loaders.warm);
        # every worker forked from it has them. Never "__main__": under `streamlit run`
        # that is a page (app.py), which the fork server would run as a script (see
        # _without_main_script).
        ctx.set_forkserver_preload(["loaders.workers", "loaders.detect", "loaders.warm"])
        return ctx
    return multiprocessing.get_context("spawn")


_BLANK = types.ModuleType("__main__")   # what __main__ is while workers start
_blanked = 0                # threads inside _without_main_script now
_set_aside = None           # the script module the blank stands in for
_blanked_lock = threading.Lock()


def _script(module) -> bool:
    """A main module run from a file (a page under ``streamlit run``), not ``python -m``."""
    return (module is not None and module is not _BLANK and getattr(module, "__spec__", None) is None
            and bool(getattr(module, "__file__", None)))


@contextlib.contextmanager
def _without_main_script():
    """While workers start, ``__main__`` is a blank module. A worker started by spawn or a
    fork server re-runs the parent's main script when it is a file (not ``python -m``):
    under ``streamlit run`` or AppTest that is a dashboard page, which would draw itself,
    and run an ingest, in every worker. The parsers need nothing from ``__main__``.

    Threads may start workers at once (the dashboard's ingests, each on a thread of its
    own), and Streamlit puts a new page in ``__main__`` whenever any session reruns.
    So each thread blanks whatever script it finds on the way in (the newest page is the
    one set aside), and the last one out puts the page back only if ``__main__`` is still
    the blank: a page Streamlit put there meanwhile stays."""
    global _blanked, _set_aside
    with _blanked_lock:
        found = sys.modules.get("__main__")
        if _script(found):
            _set_aside = found
            sys.modules["__main__"] = _BLANK
        _blanked += 1
    try:
        yield
    finally:
        with _blanked_lock:
            _blanked -= 1
            if _blanked == 0:
                if sys.modules.get("__main__") is _BLANK and _set_aside is not None:
                    sys.modules["__main__"] = _set_aside
                _set_aside = None


# Pools and export parses running in this process (threads may each run an ingest):
# ``release`` stops the fork server only when none is, and only in the process that
# started it (a forked child inherits the parent's record of it)
_active = 0
_active_lock = threading.Lock()
_started_by: int | None = None


@contextlib.contextmanager
def _in_use():
    global _active, _started_by
    with _active_lock:
        _active += 1
        _started_by = os.getpid()
    try:
        yield
    finally:
        with _active_lock:
            _active -= 1


def release() -> bool:
    """Stop this process's fork server when no pool or export parse of this process is
    using it; True if stopped. An ingest calls it once every file is parsed: the server
    holds about 28 MB for the rest of the load (the marts and similarity, where the
    ingest's own memory peaks). The next parse starts it again (about 0.1 s). Stopping
    it ends any worker forked from it, so it is never done while one may be working.
    (multiprocessing's resource tracker, 13 MB, is left: other code may hold semaphores
    it looks after.)"""
    from multiprocessing import forkserver

    with _active_lock:
        server = forkserver._forkserver
        if _active or _started_by != os.getpid() or getattr(server, "_forkserver_pid", None) is None:
            return False
        try:
            server._stop()   # (CPython's own way to stop it, 3.8+)
        except (OSError, AttributeError):   # (ChildProcessError is an OSError)
            return False
        return True


def _init_worker(ingest_pid: int) -> None:
    """In each worker, first: die with the parent, leave Ctrl-C to the ingest."""
    global _parent, _ingest
    _parent, _ingest = os.getppid(), ingest_pid
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the ingest handles it and kills its workers
    _die_with_parent()
    if _orphaned():  # the parent died before PR_SET_PDEATHSIG was set
        os._exit(1)
    threading.Thread(target=_watch, name="watch-ingest", daemon=True).start()


def _die_with_parent() -> bool:
    """Linux: ask the kernel to SIGKILL this process when its parent ends."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        return libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _orphaned() -> bool:
    """True when this worker's parent, or the ingest it works for, is gone."""
    if _parent is None:
        return False
    return os.getppid() != _parent or (_ingest is not None and not processes.running(_ingest))


def _watch() -> None:
    event = threading.Event()
    while not event.wait(WATCH_EVERY):
        if _orphaned():
            os._exit(1)


def _load_chunk(args):
    paths, options = args
    out = []
    for p in paths:
        if _parent is not None and os.getppid() != _parent:
            os._exit(1)
        out.append(load_file(p, options))
    return out


AHEAD = 2   # chunks in flight per worker: enough to keep each busy, few enough to bound memory
# A file this big that will be read (an export: postmortems are tens of KB) is a run of its
# own, and the pool that parsed it ends once no such file is in flight. Python's allocator
# keeps about four times what a parse freed for the rest of a process's life: a pool worker
# that parsed a 7-9 MB export went on parsing postmortems at 72-77 MB instead of 35.
ALONE_BYTES = 4 << 20


def alone(path: str, size: int, options: Options) -> bool:
    """A file a pool parses in a run of its own and then makes way for a fresh pool:
    ``ALONE_BYTES`` or more, and not over its size limit (such a file is not read)."""
    return ALONE_BYTES <= size <= options.size_limit(path)


def _chunks(paths: list[str], size: int, sizes: dict[str, int] | None, limit: float,
            apart: frozenset[str] = frozenset()):
    """``paths`` in runs of at most ``size``; with ``sizes`` (bytes per path), a run also
    ends before it would pass ``limit`` bytes, so a big file (an export) is a run of its
    own: one worker parses it while the others go on with the rest. A file in ``apart``
    is always a run of its own."""
    run: list[str] = []
    held = 0
    for p in paths:
        n = sizes.get(p, 0) if sizes else 0
        if run and (len(run) >= size or held + n > limit or p in apart):
            yield run
            run, held = [], 0
        run.append(p)
        held += n
        if p in apart:
            yield run
            run, held = [], 0
    if run:
        yield run


def iter_files(paths: list[str], options: Options, progress=None, workers: int | None = None,
               sizes: dict[str, int] | None = None):
    """Parse ``paths`` and yield each result in order, as soon as it and those before it
    are done, in worker processes when there are many. ``sizes`` (bytes per path, when
    known) keeps a big file in a chunk of its own, and a pool that parsed one of
    ``ALONE_BYTES`` or more makes way for a fresh one after it (put such files first:
    the switch comes once).

    Memory stays flat however many files there are: at most ``AHEAD`` chunks per worker
    are submitted and not yet taken, so parsed files wait in memory only until the
    consumer takes them. Close the generator (``contextlib.closing``) when the consumer
    stops early or fails: the workers are killed then, not left parsing."""
    total = len(paths)
    workers = workers or os.cpu_count() or 1
    if total < PARALLEL_THRESHOLD or workers < 2:
        for n, p in enumerate(paths, 1):
            yield load_file(p, options)
            if progress:
                progress(n, total)
        return
    with _in_use():
        yield from _pooled(paths, options, progress, workers, sizes)


def _pooled(paths: list[str], options: Options, progress, workers: int, sizes: dict[str, int] | None):
    """iter_files' pool of ``workers`` processes. Once a pool has been given a big file
    (``alone``), the chunks after the last big one in flight wait for a fresh pool: the
    old one finishes what it was given (up to ``workers * AHEAD - 1`` chunks of small
    files besides the big ones), its processes end, and a new pool takes the rest."""
    total = len(paths)
    size = max(16, min(256, total // (workers * 8) or 16))
    limit = max(1 << 20, sum(sizes.get(p, 0) for p in paths) / (workers * 8)) if sizes else float("inf")
    apart = frozenset(p for p in paths if alone(p, sizes.get(p, 0), options)) if sizes else frozenset()
    chunks = ((run, options) for run in _chunks(paths, size, sizes, limit, apart))
    pool = _pool(workers)
    given_big = False    # this pool has been given a big file
    waiting = None       # the chunk that waits for a fresh pool
    pending: collections.deque = collections.deque()   # (future, a big file's?), in order
    done = 0

    def big(chunk) -> bool:
        return len(chunk[0]) == 1 and chunk[0][0] in apart

    def submit(chunk) -> None:
        nonlocal given_big
        with _without_main_script():   # (a submission may start a worker)
            pending.append((pool.submit(_load_chunk, chunk), big(chunk)))
        given_big = given_big or big(chunk)

    def refill(room: int) -> None:
        nonlocal waiting
        while room > 0 and waiting is None:
            chunk = next(chunks, None)
            if chunk is None:
                return
            if given_big and not big(chunk) and not any(b for _, b in pending):
                waiting = chunk   # this pool is done with big files: it is given no more
                return
            submit(chunk)
            room -= 1

    try:
        refill(workers * AHEAD)
        while pending:
            result = pending.popleft()[0].result()
            refill(1)
            if waiting is not None and not pending:   # the old pool's last chunk is in
                pool.shutdown(wait=True)
                pool, given_big = _pool(workers), False
                chunk, waiting = waiting, None
                submit(chunk)
                refill(workers * AHEAD - 1)
            for loaded in result:
                yield loaded
            done += len(result)
            if progress:
                progress(done, total)
    except BaseException:   # an error, Ctrl-C, SIGTERM, or the consumer closing us early
        _stop(pool)
        raise
    pool.shutdown(wait=True)


def _pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes (from the fork server where there is one), each
    dying with this one."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=_context(),
                               initializer=_init_worker, initargs=(os.getpid(),))


def _stop(pool: ProcessPoolExecutor, timeout: float = 5.0) -> None:
    """Kill the pool's workers now; the parse they were doing is not wanted."""
    procs = list((getattr(pool, "_processes", None) or {}).values())
    manager = getattr(pool, "_executor_manager_thread", None)
    results = getattr(pool, "_result_queue", None)
    pool.shutdown(wait=False, cancel_futures=True)
    for p in procs:
        try:
            p.kill()
        except (OSError, ValueError, AttributeError):
            pass
    for p in procs:
        try:
            p.join(timeout)
        except (OSError, ValueError, AttributeError, AssertionError):
            pass
    # A worker killed while sending a result leaves half a message in the result pipe:
    # the pool's manager thread would wait for the rest for ever, and the interpreter for
    # that thread at exit (a hung Ctrl-C or SIGTERM). With this process's own write end
    # closed (the workers' died with them) it reads end-of-file and winds the pool up.
    writer = getattr(results, "_writer", None)
    if writer is not None:
        with contextlib.suppress(OSError):
            writer.close()
    if manager is not None and manager is not threading.current_thread():
        manager.join(timeout)


# --------------------------------------------------------------------------------------
# One big export, parsed in a process of its own


def _export_worker(path: str, options: Options, chunk: int, out, ingest_pid: int) -> None:
    """In the export's process: its stat, then one Parsed per chunk, then its hash."""
    from loaders import chunks
    from loaders.records import Parsed

    _init_worker(ingest_pid)
    try:
        reader = chunks.Reader(path, options, chunk)
        out.put(("stat", reader.size, reader.mtime_ns))
        for part in reader.parts():
            out.put(("part", Parsed.of(part)))
        import resource

        out.put(("end", reader.sha256, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024))
    except Exception as e:   # the ingest reports it as the in-process parse would have
        out.put(("error", e))


def iter_export(path: str, options: Options, ahead: int = AHEAD):
    """Parse one big export (loaders/chunks.py) in a worker process and yield
    ``("stat", size, mtime_ns)``, then ``("part", Parsed)`` per chunk, then
    ``("end", sha256, peak_mb)`` (the worker's peak RSS, for the flat-memory test).

    The ingest process then holds only the parsed chunks it is writing: the parse's own
    garbage, and the set of keys seen for duplicates, live and die in the worker (at
    100,000 postmortems with their exports, parsing them in the ingest process left it
    80-120 MB larger for the rest of the load). At most ``ahead`` chunks wait. The worker
    dies with the ingest, as the pool's do; closing this generator early kills it."""
    with _in_use():
        yield from _exported(path, options, ahead)


def _exported(path: str, options: Options, ahead: int):
    """iter_export's worker process and what it sends."""
    from loaders import chunks

    ctx = _context()
    queue = ctx.Queue(maxsize=ahead)
    # the chunk size as this process has it (a test may set it), not the module default
    proc = ctx.Process(target=_export_worker, args=(path, options, chunks.CHUNK_RECORDS, queue, os.getpid()),
                       daemon=True)
    with _without_main_script():
        proc.start()
    try:
        while True:
            try:
                msg = queue.get(timeout=WATCH_EVERY)
            except Empty:   # still parsing, unless the worker is gone
                if not proc.is_alive():
                    raise RuntimeError(f"the process parsing {path} ended without a result "
                                       f"(exit code {proc.exitcode})") from None
                continue
            if msg[0] == "error":
                raise msg[1]
            yield msg
            if msg[0] == "end":
                break
        proc.join(5)
    finally:
        if proc.is_alive():
            proc.kill()
            proc.join(5)
        queue.close()
        queue.cancel_join_thread()
