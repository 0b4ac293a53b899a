"""Scale benchmark: the rows of issue 13's table at each corpus size, in one run.

    .venv/bin/pip install markdown-it-py      # the yardstick (a dependency already)
    .venv/bin/python bench/scale.py [--sizes 10000 100000] [--repeat 3] [--workdir DIR] [--pages]

For each size it generates the demo corpus (once per workdir; the generator's time is
printed), then measures, each as a separate process the way a user runs it:

- cold ingest: ``hindsight ingest`` into a fresh database, against markdown-it-py merely
  tokenizing the same postmortem files in one process (the ratio is the target: >= 1.5);
- the ingest's CPU seconds, its workers' included, against markdown-it-py's time (how
  much work the ingest does, whatever the machine's load) and as cores busy on average
  (how well it keeps them busy);
- the ingest's peak memory: the largest sum of RSS over the ingest and its workers,
  sampled every 20 ms, and the ingest process's own peak (ru_maxrss);
- unchanged re-ingest, whole process, against ``python -c "import duckdb"`` (the floor
  any command that opens the database pays): median of --repeat, and the difference;
- ``hindsight --help`` and ``hindsight parse ONE.md``: median start-up of --repeat;
- the database's size on disk, and ``report --json``'s time;
- with --pages: every dashboard page's median AppTest render (bench/render.py's
  measure) at this size, and its ratio to the 200-incident demo.

Figures, not pass/fail: the machine is shared and noisy, so compare the ratios measured
side by side in one run. Prints the machine's core count first.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import installed  # noqa: E402

PY = sys.executable
HINDSIGHT = [PY, "-m", "loaders"]


# --------------------------------------------------------------------------------------
# Measures


def tree(pid: int) -> tuple[float, dict[tuple[int, int], float]]:
    """(RSS of ``pid`` and every process below it in MB, the CPU seconds each of them has
    used so far, by (pid, start time): a pid the system reuses is another process);
    (0, {}) once it is gone."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    cpu: dict[int, tuple[tuple[int, int], float]] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
            # utime + stime, and the start time (fields 14, 15 and 22 of /proc/PID/stat)
            cpu[int(entry)] = ((int(entry), int(fields[19])), (int(fields[11]) + int(fields[12])) / tick)
        except (OSError, IndexError, ValueError):
            continue
    total, mine, todo = 0, {}, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        if p in cpu:
            mine[cpu[p][0]] = cpu[p][1]
        todo.extend(children.get(p, []))
    return total / 1e6, mine


def tree_rss_mb(pid: int) -> float:
    """RSS of ``pid`` and every process below it, in MB (0 once it is gone)."""
    return tree(pid)[0]


@dataclass
class Run:
    seconds: float       # wall
    tree_mb: float       # peak RSS of the process and its workers, summed
    own_mb: float        # the process's own peak RSS
    cpu: float           # CPU seconds of the process and its workers, each as last sampled (a
                         # process's last ``every`` seconds can be missed: a few hundredths)
    stderr: str


def run_sampled(cmd: list[str], every: float = 0.02) -> Run:
    """Run ``cmd``, sampling its process tree every ``every`` seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0.0]
    used: dict[tuple[int, int], float] = {}
    done = threading.Event()

    def sample():
        while not done.is_set():
            mb, cpu = tree(proc.pid)
            peak[0] = max(peak[0], mb)
            used.update(cpu)
            done.wait(every)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - t0
    done.set()
    watcher.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(map(str, cmd))} failed ({proc.returncode}): {err.decode()[-2000:]}")
    own = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return Run(seconds, peak[0], (own if own > before else float("nan")) / 1024, sum(used.values()), err.decode())


def timed(cmd: list[str], repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def markdown_it_seconds(files: list[Path]) -> float:
    """markdown-it-py reading and tokenizing every file, in one process (timed in a child
    so that its imports and memory are its own)."""
    code = ("import sys, time\nfrom markdown_it import MarkdownIt\nmd = MarkdownIt()\n"
            "paths = open(sys.argv[1]).read().split('\\n')\nt = time.perf_counter()\n"
            "for p in paths:\n    md.parse(open(p, encoding='utf-8', errors='replace').read())\n"
            "print(time.perf_counter() - t)\n")
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write("\n".join(map(str, files)))
    out = subprocess.run([PY, "-c", code, f.name], capture_output=True, text=True, check=True)
    os.unlink(f.name)
    return float(out.stdout.strip())


# --------------------------------------------------------------------------------------
# One size


def corpus(work: Path, incidents: int) -> Path:
    from demo import generate

    root = work / f"corpus-{incidents}"
    if not (root / "hindsight.yaml").exists():
        t0 = time.perf_counter()
        generate(root, incidents=incidents, seed=7)
        print(f"  demo generator: {incidents:,} postmortems and their exports in "
              f"{time.perf_counter() - t0:.1f} s")
    return root


def measure(work: Path, incidents: int, repeat: int, pages: bool) -> dict:
    root = corpus(work, incidents)
    cfg = root / "hindsight.yaml"
    postmortems = sorted((root / "postmortems").rglob("*.md"))
    db = work / f"scale-{incidents}.duckdb"
    for stale in work.glob(f"scale-{incidents}.duckdb*"):
        stale.unlink()
    out: dict = {"incidents": incidents}
    out["markdown_it"] = markdown_it_seconds(postmortems)
    ingest = [*HINDSIGHT, "ingest", "-q", "--config", str(cfg), "--db", str(db)]
    run = run_sampled(ingest)
    out["ingest"], out["ingest_tree_mb"], out["ingest_own_mb"], out["ingest_cpu"] = \
        run.seconds, run.tree_mb, run.own_mb, run.cpu
    if not db.exists():      # exit 1 is "loaded, with problems"; no database means it failed
        raise SystemExit(f"the ingest of {incidents:,} postmortems wrote no database:\n{run.stderr[-3000:]}")
    out["db_mb"] = db.stat().st_size / 1e6
    out["reingest"] = timed(ingest, repeat)
    out["import_duckdb"] = timed([PY, "-c", "import duckdb"], repeat)
    out["help"] = timed([*HINDSIGHT, "--help"], repeat)
    out["parse_one"] = timed([*HINDSIGHT, "parse", str(postmortems[0])], repeat)
    out["report"] = timed([*HINDSIGHT, "report", "--json", "--db", str(db)], 1)
    if pages:
        import render

        out["pages"] = render.render_times(render.prepare(work, incidents), repeat)
    return out


def show(r: dict, small_pages: dict | None) -> None:
    n = r["incidents"]
    print(f"\n{n:,} postmortems")
    print(f"  cold ingest                 {r['ingest']:7.2f} s   markdown-it-py tokenizing the same files "
          f"{r['markdown_it']:.2f} s: ingest {r['markdown_it'] / r['ingest']:.2f}x as fast (target >= 1.5)")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    print(f"  its CPU, workers included   {r['ingest_cpu']:7.1f} s   {r['ingest_cpu'] / r['markdown_it']:.2f}x "
          f"markdown-it-py's; {r['ingest_cpu'] / r['ingest']:.2f} of {cores} cores busy on average")
    print(f"  peak RSS of that ingest     {r['ingest_tree_mb']:7.0f} MB with its workers, "
          f"{r['ingest_own_mb']:.0f} MB the ingest process alone (target <= 500)")
    print(f"  database on disk            {r['db_mb']:7.0f} MB")
    print(f"  unchanged re-ingest         {r['reingest']:7.2f} s   import duckdb {r['import_duckdb']:.2f} s: "
          f"{r['reingest'] - r['import_duckdb']:+.2f} s over it (target <= 0.5)")
    print(f"  hindsight --help            {r['help']:7.2f} s   parse one.md {r['parse_one']:.2f} s (target < 0.3)")
    print(f"  report --json               {r['report']:7.2f} s   (target < 2)")
    if "pages" in r:
        print("  dashboard, median AppTest render per page (caches cleared)")
        for page, s in r["pages"].items():
            ratio = f"  {s / small_pages[page]:.2f}x the 200-incident demo" if small_pages else ""
            print(f"    {page:34} {s:6.2f} s{ratio}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workdir", help="keep generated corpora and databases here (default: a temp dir)")
    ap.add_argument("--pages", action="store_true", help="also time every dashboard page (slow)")
    args = ap.parse_args()
    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="hindsight-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"{os.cpu_count()} cores; work in {work}; {installed.as_installed()}")
    small_pages = None
    if args.pages:
        import render

        small_pages = render.render_times(render.prepare(work, 200), args.repeat)
    for n in args.sizes:
        show(measure(work, n, args.repeat, args.pages), small_pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
