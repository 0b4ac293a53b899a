"""Parsing many files at once: a pool of worker processes, results in order."""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor

from loaders.options import Options
from loaders.reading import Loaded, load_file

PARALLEL_THRESHOLD = 200   # below this many files to parse, one process is faster


def _load_chunk(args):
    paths, options = args
    return [load_file(p, options) for p in paths]


def parse_files(paths: list[str], options: Options, progress=None, workers: int | None = None) -> list[Loaded]:
    """Parse ``paths``, in worker processes when there are many; results in order."""
    total = len(paths)
    out: list[Loaded] = []
    workers = workers or os.cpu_count() or 1
    if total < PARALLEL_THRESHOLD or workers < 2:
        for n, p in enumerate(paths, 1):
            out.append(load_file(p, options))
            if progress:
                progress(n, total)
        return out
    size = max(16, min(256, total // (workers * 8) or 16))
    chunks = [(paths[i:i + size], options) for i in range(0, total, size)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for result in pool.map(_load_chunk, chunks):
            out.extend(result)
            if progress:
                progress(len(out), total)
    return out
