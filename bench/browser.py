"""Browser benchmark: how long each dashboard page takes in a real browser, against a
bare Streamlit page with one plotly chart, measured in the same run.

    .venv/bin/python bench/browser.py [--repeat 5] [--page 'Action items' ...]

Starts two cold `streamlit run` servers on this machine: the dashboard on the bundled
demo data (ingested first into a temporary folder) and a bare page that draws one plotly
chart. For each page, Debian's chromium (driven by Playwright) opens it --repeat times
in a fresh browser context (a first visit) and again in a context that has loaded it
once (a return visit, its JavaScript cached); a run's time is from navigation until the
script has finished and every chart on the page has drawn its SVG. Prints the median seconds per
page, the bare page's median, and their ratio. Target: every page at most 2x the bare
page. Absolute times vary by machine; read the ratios.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from conftest import demo_config, run_cli  # noqa: E402

try:  # the browser tests' own server, page list and wait (they skip without chromium)
    from test_browser import ARGS, CHROMIUM, PAGES, open_page, streamlit_server  # noqa: E402
except BaseException:  # pytest's Skipped is not an Exception
    CHROMIUM = None

BARE = '''import plotly.graph_objects as go
import streamlit as st

st.title("Bare page")
st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=[3, 1, 2])))
'''


CHARTS_DRAWN = """(n) => {
    const charts = Array.from(document.querySelectorAll("[data-testid='stPlotlyChart']"));
    return charts.length >= n && charts.every(c => c.querySelector('.main-svg'));
}"""


def charts_on(browser, url: str) -> int:
    """How many charts ``url`` draws, counted once the page has fully settled: plotly is
    loaded lazily, so right after the script finishes a chart may not be in the page yet
    (counting then would time a page without its charts)."""
    ctx = browser.new_context(viewport={"width": 1440, "height": 1000})
    pg = ctx.new_page()
    try:
        open_page(pg, url)
        pg.wait_for_load_state("networkidle")
        pg.wait_for_function("() => !document.querySelector(\"[data-testid='stSkeleton']\")", timeout=60_000)
        return pg.locator("[data-testid='stPlotlyChart']").count()
    finally:
        ctx.close()


def drawn(pg, url: str, charts: int) -> float:
    """Seconds from navigation until the script is done and all ``charts`` are drawn."""
    started = time.perf_counter()
    open_page(pg, url)
    pg.wait_for_function(CHARTS_DRAWN, arg=charts, timeout=60_000)
    return time.perf_counter() - started


def measure(browser, url: str, repeat: int, warm: bool = False) -> float:
    """Median seconds over ``repeat`` loads: each in a fresh browser context (a first
    visit: nothing cached), or with ``warm`` in one context that has loaded the page once
    already (a return visit: the browser's cache holds the app's JavaScript)."""
    charts = charts_on(browser, url)
    times = []
    context = browser.new_context(viewport={"width": 1440, "height": 1000}) if warm else None
    if warm:
        drawn(context.new_page(), url, charts)
    for _ in range(repeat):
        ctx = context or browser.new_context(viewport={"width": 1440, "height": 1000})
        page = ctx.new_page()
        try:
            times.append(drawn(page, url, charts))
        finally:
            page.close()
            if not warm:
                ctx.close()
    if context:
        context.close()
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--page", action="append", default=None, metavar="NAME",
                    help="only this page (its name as listed, e.g. 'Action items'); may be repeated")
    args = ap.parse_args()
    if not CHROMIUM:
        print("chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="hindsight-browser-"))
    config = demo_config(work)
    out = run_cli("ingest", "-q", "--config", config)
    if out.returncode != 0:
        print(out.stdout + out.stderr, file=sys.stderr)
        return 1
    bare = work / "bare.py"
    bare.write_text(BARE, encoding="utf-8")
    with streamlit_server({"HINDSIGHT_CONFIG": str(config)}) as url, \
            streamlit_server({}, script=bare) as bare_url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        measure(browser, bare_url, 1)  # warm both servers (first imports) before timing
        measure(browser, url, 1)
        base = measure(browser, bare_url, args.repeat)
        base_warm = measure(browser, bare_url, args.repeat, warm=True)
        print(f"median of {args.repeat} runs, seconds from navigation to the last chart drawn;")
        print("first visit: a fresh browser context; return visit: the browser has the app's JavaScript cached")
        print(f"  {'':32s} {'first visit':>18s}   {'return visit':>18s}")
        print(f"  {'bare page, one plotly chart':32s} {base:6.2f}{'':12s}   {base_warm:6.2f}")
        worst = worst_warm = 0.0
        for path, name in PAGES.items():
            if args.page and name not in args.page:
                continue
            t = measure(browser, f"{url}/{path}", args.repeat)
            tw = measure(browser, f"{url}/{path}", args.repeat, warm=True)
            worst, worst_warm = max(worst, t / base), max(worst_warm, tw / base_warm)
            print(f"  {name:32s} {t:6.2f}   {t / base:4.2f}x   {tw:6.2f}   {tw / base_warm:4.2f}x")
        browser.close()
    print(f"worst page: {worst:.2f}x the bare page on a first visit, {worst_warm:.2f}x on a return visit "
          "(target <= 2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
