"""Parse benchmark: Hindsight's full parse against markdown-it-py's bare tokenization.

    .venv/bin/pip install markdown-it-py      # only for this benchmark
    .venv/bin/python bench/parse.py [--docs 2000] [--repeat 5]

Generates --docs postmortems with the demo generator and rewrites them into a mix of
the shapes real teams write (house template, YAML front matter, bullet timelines with
bold times, one heading per timestamp with 12-hour clocks, checkbox action items,
setext titles with bold-line sections, Google-SRE-style metadata sections), then times,
in this one process on the same texts, first at the length real postmortems have
(prose sections added: the public documents average about 6 KB), then as the terse
documents the demo generator writes (about 2 KB):

- Hindsight: ``loaders.postmortem.parse`` with every field extracted;
- markdown-it-py: ``MarkdownIt().parse`` (tokens only: no rendering, no fields).

It prints the median documents/second of each over --repeat runs and their ratio
(Hindsight / markdown-it-py; the target is at least 2), and the ratio of each pair of runs
taken one after the other: on a busy machine the pairs say more than the medians.
"""
from __future__ import annotations

import argparse
import gc
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from demo import build  # noqa: E402
from loaders.postmortem import parse  # noqa: E402

_ROW = re.compile(r"^\| (\d{4}-\d{2}-\d{2} )?(\d{2}):(\d{2})\s*\| (.*?) \|$", re.M)
_ACTION = re.compile(r"^\| \d+ \| (.*?) \| (.*?) \| (.*?) \| (.*?) \|(?: .*? \|)?$", re.M)
_TIMELINE_TABLE = re.compile(r"\| Time\s*\| Event \|\n\|-+\|-+\|\n")
_ACTION_HEADER = re.compile(r"\| # \| Action \| Owner \| Due \| Ticket \|(?: Status \|)?\n\|[-|]+\|\n")


def bullets(text: str) -> str:
    """Timeline rows as bullets with bold UTC times."""
    text = _TIMELINE_TABLE.sub("", text)
    return _ROW.sub(lambda m: f"- **{m.group(1) or ''}{m.group(2)}:{m.group(3)} UTC** - {m.group(4)}", text)


def headings_12h(text: str) -> str:
    """One heading per timestamp, 12-hour clock, zone stated once."""
    def row(m):
        h = int(m.group(2))
        clock = f"{(h % 12) or 12}:{m.group(3)} {'AM' if h < 12 else 'PM'}"
        return f"### {m.group(1) or ''}{clock}\n\n{m.group(4)}\n"
    text = text.replace("## Timeline (UTC)", "## Timeline\n\nAll times in UTC.")
    return _ROW.sub(row, _TIMELINE_TABLE.sub("", text))


def checkboxes(text: str) -> str:
    """Action items as checkboxes naming owner, due date and ticket."""
    text = _ACTION_HEADER.sub("", text)
    return _ACTION.sub(lambda m: f"- [ ] {m.group(1)} (owner: {m.group(2) or 'TBD'}, due {m.group(3)}) {m.group(4)}", text)


def setext_bold(text: str) -> str:
    """A setext title and bold lines instead of ## headings."""
    lines = text.split("\n")
    if lines and lines[0].startswith("# "):
        title = lines[0][2:]
        lines[0] = f"{title}\n{'=' * len(title)}"
    return "\n".join(f"**{ln[3:]}**" if ln.startswith("## ") else ln for ln in lines)


def sre_book(text: str) -> str:
    """Google-SRE-book style: Date / Status / Authors sections instead of a bold line."""
    m = re.search(r"^\*\*Status:\*\* (.*?) \| \*\*Severity:\*\* (.*?) \| \*\*Owner:\*\* (\S+)", text, re.M)
    if not m:
        return text
    day = re.search(r"\((\d{4}-\d{2}-\d{2})\)", text)
    block = (f"## Date\n\n{day.group(1) if day else ''}\n\n## Authors\n\n* {m.group(3)}\n\n"
             f"## Status\n\n{m.group(1)}\n\n## Severity\n\n{m.group(2)}")
    return text[:m.start()] + block + text[text.index("\n", m.end()):]


SHAPES = [lambda t: t, bullets, headings_12h, checkboxes, setext_bold, sre_book]

# Real postmortems carry far more prose than the demo's terse ones (the public documents
# in the conformance corpus average about 6 KB; the demo's about 2 KB): background,
# a narrative of the investigation, analysis paragraphs, lessons. These sentences pad
# a document to that size, with the links, code spans and emphasis such prose has.
PROSE = [
    "The service had been running on the same configuration for several months without any "
    "change to its connection limits, and nobody expected the weekly batch to interact with it.",
    "During the investigation the on-call engineer first suspected a network partition, because "
    "the error pattern resembled the one from the [previous incident](https://wiki.example.com/pm/412).",
    "We use `kubectl rollout undo` for rollbacks, but it does not revert the *config map*, which "
    "is where the faulty value lived.",
    "In hindsight the dashboards showed the signal **well before** the alert fired: the p99 "
    "latency had been climbing for twenty minutes.",
    "Several teams depend on this path indirectly, so the blast radius was larger than the "
    "service's own error budget suggests.",
    "The runbook described a manual procedure that had not been exercised since the migration "
    "to the new cluster, and two of its steps referred to hosts that no longer exist.",
    "Customers noticed before we did in some regions, which tells us the synthetic checks do not "
    "cover the flows that matter most to them.",
    "We want to be explicit that the engineer who made the change followed the documented "
    "process; the process itself allowed an unreviewed value to reach production.",
    "A similar pattern appeared in two earlier postmortems (see _Related incidents_), which is "
    "why this review spends time on the systemic fix rather than the immediate trigger.",
    "Capacity planning assumed linear growth, but traffic from the new mobile release arrived "
    "in bursts that the autoscaler reacted to only after its five-minute cool-down.",
]


def realistic(text: str, i: int) -> str:
    """Add the prose sections a real write-up has: background, analysis, lessons."""
    def para(k: int, n: int) -> str:
        return " ".join(PROSE[(i + k + j) % len(PROSE)] for j in range(n))
    extra = (f"\n## Background\n\n{para(0, 4)}\n\n{para(3, 3)}\n"
             f"\n## Analysis\n\n{para(5, 4)}\n\n{para(7, 4)}\n\n{para(2, 3)}\n"
             f"\n## Lessons learned\n\n{para(4, 3)}\n\n{para(8, 3)}\n"
             "\n## Supporting information\n\n- [Dashboard](https://grafana.example.com/d/abc)\n"
             "- [Incident channel log](https://chat.example.com/archives/C123)\n")
    return text.rstrip("\n") + "\n" + extra


def corpus(n: int, prose: bool = True) -> list[str]:
    docs = [text for path, text in sorted(build(n, seed=5).files.items()) if path.startswith("postmortems/")]
    shaped = [SHAPES[i % len(SHAPES)](text) if not text.startswith("---") else text
              for i, text in enumerate(docs)]
    return [realistic(t, i) for i, t in enumerate(shaped)] if prose else shaped


def rate(fn, texts, repeat: int) -> tuple[float, list[float]]:
    """Documents per second; each run starts from a collected heap, so that one side's
    garbage is not collected on the other side's clock."""
    runs = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        runs.append(len(texts) / (time.perf_counter() - t0))
    return statistics.median(runs), runs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    try:
        from markdown_it import MarkdownIt
    except ImportError:
        print("markdown-it-py is not installed: .venv/bin/pip install markdown-it-py", file=sys.stderr)
        return 2
    md = MarkdownIt()
    print(f"{args.docs} documents in {len(SHAPES)} shapes, median of {args.repeat} runs each")
    for label, texts in (("real-length (with prose)", corpus(args.docs)),
                         ("terse demo documents", corpus(args.docs, prose=False))):
        kb = sum(len(t.encode()) for t in texts) / len(texts) / 1024
        parse(texts[0], "x.md"), md.parse(texts[0])  # warm up: regex compilation, caches
        ours_runs, theirs_runs = [], []
        for _ in range(args.repeat):  # alternate, so that noise hits both
            ours_runs.append(rate(lambda t: parse(t, "doc.md"), texts, 1)[0])
            theirs_runs.append(rate(md.parse, texts, 1)[0])
        ours, theirs = statistics.median(ours_runs), statistics.median(theirs_runs)
        print(f"\n{label}: {kb:.1f} KB average")
        print(f"  hindsight parse (all fields):  {ours:8,.0f} docs/s  runs {', '.join(f'{r:,.0f}' for r in ours_runs)}")
        print(f"  markdown-it-py tokenize only:  {theirs:8,.0f} docs/s  runs {', '.join(f'{r:,.0f}' for r in theirs_runs)}")
        pairs = sorted(o / t for o, t in zip(ours_runs, theirs_runs))
        print(f"  ratio (hindsight / markdown-it-py): {ours / theirs:.2f}  (target >= 2)")
        print(f"  ratio of each alternated pair:      {', '.join(f'{r:.2f}' for r in pairs)}"
              f"  (median {statistics.median(pairs):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
