"""Processes, as the lock and the parse workers see them (Linux /proc, with a fallback).

A pid alone may be reused, and a killed process its parent has not reaped lingers as a
zombie: ``running`` tells a live process from both.
"""
from __future__ import annotations

import os


def identity(pid: int) -> tuple[int, int | None]:
    """(pid, start time in clock ticks since boot): a pid alone may be reused."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return pid, int(f.read().rsplit(b")", 1)[1].split()[19])
    except (OSError, IndexError, ValueError):
        return pid, None


def running(pid: int, start: int | None = None) -> bool:
    """The process named is still running: not gone, not a zombie, not a reused pid."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        return fields[0] != b"Z" and (start is None or int(fields[19]) == start)
    except FileNotFoundError:
        return False
    except (OSError, IndexError, ValueError):
        return alive(pid)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def with_open(file: str) -> list[int]:
    """Pids of this user's processes that have ``file`` open (Linux /proc; else none known)."""
    try:
        st = os.stat(file)
        entries = os.listdir("/proc")
    except OSError:
        return []
    found = []
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            fds = os.listdir(f"/proc/{entry}/fd")
        except OSError:
            continue
        for fd in fds:
            try:
                s = os.stat(f"/proc/{entry}/fd/{fd}")
            except OSError:
                continue
            if (s.st_ino, s.st_dev) == (st.st_ino, st.st_dev):
                found.append(int(entry))
                break
    return sorted(found)
