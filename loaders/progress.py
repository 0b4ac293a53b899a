"""Terminal output: a progress bar on stderr (``Bar("parsing")(done, total)``) and
``printable``, which every file name and message passes through on its way to a terminal."""
from __future__ import annotations

import re
import sys
import time

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` with control characters (ANSI escapes in a file name, a carriage return
    that would overwrite the line) shown as \\xNN instead of acted on by the terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


class Bar:
    def __init__(self, label: str, stream=None, width: int = 30, every: float = 0.1):
        self.label, self.stream, self.width, self.every = label, stream or sys.stderr, width, every
        self._last = 0.0
        self._shown = False
        self._start = time.perf_counter()

    def __call__(self, done: int, total: int) -> None:
        now = time.perf_counter()
        if done < total and now - self._last < self.every:
            return
        self._last = now
        frac = done / total if total else 1.0
        filled = int(self.width * frac)
        rate = done / (now - self._start) if now > self._start else 0
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (self.width - filled)}] "
                          f"{done}/{total} files  {rate:,.0f}/s ")
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            self.stream.write("\n")
            self.stream.flush()
            self._shown = False
