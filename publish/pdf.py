"""The report as PDF: its HTML printed by headless Chromium (the browser the dashboard's
tests already use). Without one, ``Unavailable`` says how to install it."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
HOW = "PDF needs headless Chromium: `apt-get install chromium` (Debian/Ubuntu) or `brew install --cask chromium` (macOS)"


class Unavailable(RuntimeError):
    """No browser to print with."""


def browser() -> str | None:
    """The first Chromium-family browser on PATH ($HINDSIGHT_CHROMIUM wins)."""
    own = os.environ.get("HINDSIGHT_CHROMIUM")
    if own:
        return own if shutil.which(own) else None
    return next((shutil.which(b) for b in BROWSERS if shutil.which(b)), None)


def pdf(html: str, timeout: float = 120) -> bytes:
    """``html`` (a self-contained page) printed to PDF bytes."""
    exe = browser()
    if exe is None:
        raise Unavailable(HOW)
    with tempfile.TemporaryDirectory(prefix="hindsight-pdf-") as tmp:
        page, out = Path(tmp) / "report.html", Path(tmp) / "report.pdf"
        page.write_text(html, encoding="utf-8")
        cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--no-first-run", "--disable-background-networking", "--no-pdf-header-footer",
               f"--user-data-dir={Path(tmp) / 'profile'}", f"--print-to-pdf={out}", page.as_uri()]
        try:
            done = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
        except (OSError, subprocess.TimeoutExpired) as e:
            raise Unavailable(f"{exe} could not print the report: {e}") from e
        if not out.exists() or out.stat().st_size == 0:
            raise Unavailable(f"{exe} wrote no PDF: {done.stderr.decode(errors='replace')[-500:]}")
        return out.read_bytes()
