"""Plotly figures as inline SVG, exported by plotly's own static-image engine (Kaleido,
which drives the machine's Chrome or Chromium). One browser serves every figure of a
report, and it starts in the background (``Session``) while the report's figures are
still being computed. Without Kaleido or a browser, ``Unavailable`` says what to install;
a browser that does not answer within ``START_TIMEOUT`` seconds is Unavailable too, never
a hang. The browser is the one the PDF export prints with (publish.pdf.browser)."""
from __future__ import annotations

import contextlib
import re
import threading

WIDTH, HEIGHT = 860, 360
START_TIMEOUT = 120   # seconds for the browser to start and draw a first figure
HOW = ("charts need Chromium for image export: `apt-get install chromium` (Debian/Ubuntu) or "
       "`brew install --cask chromium` (macOS), and the kaleido package (installed with Hindsight)")


class Unavailable(RuntimeError):
    """Charts cannot be drawn as images on this machine."""


class Session:
    """``with Session() as s: ...; s.svgs(figures)``: the browser starts on entering (in
    a background thread, so other work overlaps its start) and stops on leaving."""

    def __init__(self):
        self.error: Exception | None = None
        self._kaleido = None
        self._ready = threading.Thread(target=self._start, daemon=True)

    def _start(self) -> None:
        try:
            from publish.pdf import browser
            if (exe := browser()) is None:
                raise Unavailable("no Chromium-family browser on PATH")   # (Kaleido would wait for one forever)
            import kaleido
            import plotly.graph_objects as go

            kaleido.start_sync_server(path=exe, silence_warnings=True)
            self._kaleido = kaleido
            kaleido.calc_fig_sync(go.Figure(), opts={"format": "svg", "width": 10, "height": 10})  # browser up
        except Exception as e:  # no kaleido, no browser, or it would not start
            self.error = e

    def __enter__(self) -> Session:
        self._ready.start()
        return self

    def __exit__(self, *exc) -> None:
        self._ready.join(START_TIMEOUT)
        if self._kaleido is not None:
            with contextlib.suppress(Exception):
                self._kaleido.stop_sync_server(silence_warnings=True)

    def svgs(self, figures: dict) -> dict[str, str]:
        """``{name: figure}`` -> ``{name: "<svg ...>"}``, each ready to inline in HTML."""
        self._ready.join(START_TIMEOUT)
        if self._ready.is_alive():
            raise Unavailable(f"{HOW} (the browser did not start within {START_TIMEOUT} s)")
        if self.error is not None:
            raise Unavailable(f"{HOW} ({self.error})") from self.error
        try:
            return {name: _inline(_text(self._kaleido.calc_fig_sync(
                        fig, opts={"format": "svg", "width": WIDTH, "height": HEIGHT})))
                    for name, fig in figures.items()}
        except Exception as e:
            raise Unavailable(f"{HOW} ({e})") from e


def svgs(figures: dict) -> dict[str, str]:
    """The figures as SVG in a session of their own."""
    with Session() as s:
        return s.svgs(figures)


def _text(data) -> str:
    return data.decode("utf-8") if isinstance(data, bytes) else data


def _inline(svg: str) -> str:
    """An SVG made fit for inlining: no XML prolog, scalable to its container."""
    svg = re.sub(r"^<\?xml[^>]*>\s*", "", svg.strip())
    return re.sub(r"<svg\b", '<svg role="img" preserveAspectRatio="xMidYMid meet"', svg, count=1)
