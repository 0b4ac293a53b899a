"""Run the benchmarks' subprocesses the way an installed Hindsight runs.

An install (``pip install``) leaves compiled bytecode beside every module, so a user's
``hindsight`` loads ``.pyc`` files. A machine with ``PYTHONDONTWRITEBYTECODE`` set (as
some CI images and sandboxes do) makes every run compile the project's source again:
0.1-0.2 s of a command's start-up that no user pays. ``as_installed()`` compiles the
project once and lets the subprocesses it starts use and write bytecode, and says so.
"""
from __future__ import annotations

import compileall
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("loaders", "metrics", "publish", "ui", "demo")


def as_installed() -> str:
    """Compile the project's packages and let subprocesses use the bytecode; returns a
    line for the benchmark's header."""
    was = os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    for name in PACKAGES:
        if (ROOT / name).is_dir():
            compileall.compile_dir(str(ROOT / name), quiet=1)
    return ("bytecode compiled as an install would (PYTHONDONTWRITEBYTECODE was set here)"
            if was is not None else "bytecode compiled as an install would")
