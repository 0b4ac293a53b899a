"""The dashboard in a real browser: Debian's chromium driven by Playwright against a
cold `streamlit run` server on the demo data.

Needs chromium (apt-get install chromium; .ci/run installs it). Without it these tests
are skipped on a developer machine and fail in CI (CI=true), so a missing install step
cannot hide behind a green run. Screenshots land in tests/screenshots/.
"""
from __future__ import annotations

import contextlib
import csv
import io
import re
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import ROOT, demo_config, house_doc, run_cli

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SHOTS = Path(__file__).resolve().parent / "screenshots"
PAGES = {"": "Overview", **{p.stem.split("_", 1)[1]: p.stem.split("_", 1)[1].replace("_", " ")
                            for p in sorted((ROOT / "pages").glob("*.py"))}}
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]

if not CHROMIUM:
    if os.environ.get("CI"):
        pytest.fail("chromium is not installed: .ci/run must apt-get install chromium", pytrace=False)
    pytest.skip("chromium is not installed (apt-get install chromium)", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(env: dict, script: Path | None = None):
    """A cold `streamlit run app.py` (or ``script``) with ``env`` added, answering its
    health check."""
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script or ROOT / "app.py"), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                break
        except OSError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("streamlit did not answer /_stcore/health within 60 s:\n" + proc.stdout.read().decode()[-2000:])
    try:
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A cold Streamlit server on the demo data, loaded into a fresh database first."""
    work = tmp_path_factory.mktemp("browser")
    config = demo_config(work)
    assert run_cli("ingest", "-q", "--config", config).returncode == 0
    with streamlit_server({"HINDSIGHT_CONFIG": str(config)}) as url:
        yield SimpleNamespace(url=url, db=work / "h.duckdb")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import expect, sync_playwright

    # An assertion waits as long as a loaded machine needs (Playwright's default is 5 s:
    # the report's charts, drawn from 3.5 MB of inline plotly, took longer beside a CI run)
    expect.set_options(timeout=30_000)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
    pg = context.new_page()
    yield pg
    context.close()


def open_page(pg, url: str) -> None:
    """Open ``url`` and wait until the script has run and the page's heading is drawn."""
    pg.goto(url, wait_until="domcontentloaded")
    pg.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=60_000)
    pg.locator("[data-testid='stMain'] h1").first.wait_for(timeout=60_000)
    pg.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=60_000)


_MAIN_HEIGHT = "document.querySelector(\"[data-testid='stMain']\").scrollHeight"
_COUNTS = """() => [document.querySelectorAll("[data-testid='stPlotlyChart']").length,
                    document.querySelectorAll("[data-testid='stDataFrame']").length,
                    document.querySelectorAll("[data-testid='stMetric']").length]"""
_DRAWN = """([charts, tables, metrics]) => {
    const all = (sel) => Array.from(document.querySelectorAll(sel));
    return all("[data-testid='stPlotlyChart']").length >= charts
        && all("[data-testid='stDataFrame']").length >= tables
        && all("[data-testid='stMetric']").length >= metrics
        && !document.querySelector("[data-testid='stSkeleton']")
        && all("[data-testid='stPlotlyChart']").every(c => c.querySelector('.main-svg'))
        && all("[data-testid='stDataFrame']")
               .filter(d => d.offsetParent !== null && !d.closest("details:not([open])"))
               .every(d => { const c = d.querySelector('canvas'); return c && c.width > 0; });
}"""


def screenshot(pg, name: str) -> None:
    """The whole page in tests/screenshots/, from its top. Streamlit scrolls its main
    area, not the document, and a resized page redraws every chart: so the page is
    opened afresh in a viewport as tall as its content (measured again there, as a taller
    window can show more), and the picture is taken once it holds as many charts, tables
    and metrics as the page did, none still a placeholder, every chart and visible table
    drawn."""
    height, counts = pg.evaluate(_MAIN_HEIGHT), pg.evaluate(_COUNTS)  # what the page shows, drawn
    for _ in range(3):
        context = pg.context.browser.new_context(viewport={"width": 1440, "height": min(height + 40, 16_000)})
        tall = context.new_page()
        open_page(tall, pg.url)
        tall.wait_for_function(_DRAWN, arg=counts, timeout=30_000)
        grown = tall.evaluate(_MAIN_HEIGHT)
        if grown <= height + 40 or height + 40 >= 16_000:
            break
        context.close()
        height = grown
    SHOTS.mkdir(exist_ok=True)
    tall.screenshot(path=str(SHOTS / f"{name}.png"))
    context.close()


@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_loads_from_a_cold_server(server, page, path):
    open_page(page, f"{server.url}/{path}")
    assert page.locator("[data-testid='stException']").count() == 0, page.locator(
        "[data-testid='stException']").first.inner_text()
    assert page.locator("h1").count() >= 1
    draw_every_chart(page)
    screenshot(page, (path or "Overview").lower())


def draw_every_chart(page) -> None:
    """Wait until every plotly chart on the page has drawn its SVG, showing the tab that
    holds a chart first when it is on one."""
    charts = page.locator("[data-testid='stPlotlyChart']")
    for i in range(charts.count()):
        show_its_tab(page, charts.nth(i))
        charts.nth(i).scroll_into_view_if_needed()
        charts.nth(i).locator(".main-svg").first.wait_for(timeout=30_000)


def show_its_tab(page, element) -> None:
    """Click the tab whose panel holds ``element`` (the Report page's Charts tab), if any:
    a hidden tab's chart is drawn when its tab is shown."""
    index = element.evaluate("""el => { const p = el.closest('[data-testid=stTabPanel]');
        if (!p) return -1;
        return [...p.closest('[data-testid=stTabs]').querySelectorAll('[data-testid=stTabPanel]')].indexOf(p); }""")
    if index >= 0:
        page.locator("[data-testid='stMain'] [role='tab']").nth(index).click()


def test_overview_shows_headlines_and_a_chart(server, page):
    from playwright.sync_api import expect

    open_page(page, server.url)
    # wait for what is checked: the page may still be drawing when the script has ended
    expect(page.locator("[data-testid='stMetricLabel']").filter(has_text="Incidents").first).to_be_visible(
        timeout=30_000)
    page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=30_000)


def test_practice_health_opens_from_the_sidebar(server, page):
    """A reader finds the Practice health page in the sidebar and sees its six signals
    and the blameful sentences with their rewrites."""
    from playwright.sync_api import expect

    open_page(page, server.url)
    page.locator("[data-testid='stSidebar'] a[data-testid='stPageLink-NavLink']").filter(
        has_text="Practice health").click()
    expect(page.locator("[data-testid='stMain'] h1")).to_have_text("Practice health", timeout=30_000)
    page.wait_for_function("() => window.location.pathname.endsWith('/Practice_health')", timeout=30_000)
    expect(page.locator("[data-testid='stMain']")).to_contain_text("Blameful sentences", timeout=30_000)
    tables = page.locator("[data-testid='stMain'] [data-testid='stDataFrame']")
    expect(tables.first).to_be_visible(timeout=30_000)
    assert page.locator("[data-testid='stException']").count() == 0


def test_shared_link_applies_its_filters(server, page):
    from playwright.sync_api import expect

    open_page(page, f"{server.url}/?team=payments&near_misses=false")
    caption = page.locator("[data-testid='stMain'] [data-testid='stCaptionContainer']").first
    expect(caption).to_contain_text("team: payments", timeout=30_000)
    expect(caption).to_contain_text("near misses excluded", timeout=30_000)
    expect(page.locator("[data-testid='stSidebar']")).to_contain_text("payments", timeout=30_000)


def test_changing_a_filter_updates_the_link(server, page):
    open_page(page, server.url)
    page.locator("[data-testid='stSidebar'] [data-testid='stCheckbox'], "
                 "[data-testid='stSidebar'] label:has-text('Include near misses')").first.click()
    page.wait_for_function("() => window.location.search.includes('near_misses')", timeout=15_000)
    assert "near_misses=" in page.url


def test_selecting_an_incident_shows_its_postmortem(server, page):
    import duckdb

    con = duckdb.connect(str(server.db), read_only=True)
    incident_id, title = con.execute(
        "SELECT incident_id, title FROM mart_incidents ORDER BY incident_date DESC LIMIT 1").fetchall()[0]
    con.close()
    from playwright.sync_api import expect

    open_page(page, f"{server.url}/Incidents?incident={incident_id}")
    main = page.locator("[data-testid='stMain']")
    expect(main).to_contain_text(title.split(":")[-1].strip()[:30], timeout=30_000)
    expect(main.get_by_role("heading", name="Timeline")).to_be_visible(timeout=30_000)
    screenshot(page, "incident-selected")


def test_following_a_similar_incident_opens_it(server, page):
    """The Incidents page lists an incident's similar earlier ones as links; following
    one opens that incident (its ?incident= link), the sidebar's filters kept."""
    import duckdb
    from urllib.parse import parse_qs, urlsplit

    from playwright.sync_api import expect

    con = duckdb.connect(str(server.db), read_only=True)
    incident_id, similar_id, similar_title = con.execute(
        "SELECT i.incident_id, p.incident_id, p.title FROM similar_incidents s JOIN mart_incidents i USING (file_path) "
        "JOIN mart_incidents p ON p.file_path = s.similar_path WHERE s.rank = 1 AND i.title <> p.title "
        "AND NOT i.is_near_miss AND NOT p.is_near_miss "
        "ORDER BY s.score DESC, i.file_path LIMIT 1").fetchall()[0]
    con.close()
    open_page(page, f"{server.url}/Incidents?incident={incident_id}&near_misses=false")
    link = page.locator("[data-testid='stPageLink'] a").filter(has_text=similar_title[:40]).first
    expect(link).to_be_visible(timeout=30_000)
    link.click()
    page.wait_for_function("id => new URLSearchParams(window.location.search).get('incident') === id",
                           arg=similar_id, timeout=30_000)
    assert parse_qs(urlsplit(page.url).query)["near_misses"] == ["false"]
    expect(page.locator("[data-testid='stMain']").get_by_text(similar_title, exact=True).first).to_be_visible(
        timeout=30_000)


def test_download_a_table_as_csv(server, page):
    open_page(page, f"{server.url}/Data_quality")
    button = page.get_by_role("button", name="Download timestamp-sources as CSV")
    with page.expect_download(timeout=30_000) as info:
        button.click()
    body = Path(info.value.path()).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == ["timestamp", "filled_by", "incidents"]
    assert len(rows) > 4


def test_a_listing_csv_holds_every_row_not_only_the_shown_ones(server, page):
    """Action items' listings fetch their first rows for the page; the CSV asks for all
    of them when the button is clicked (ui/setup.table's ``everything``)."""
    from playwright.sync_api import expect

    open_page(page, f"{server.url}/Action_items")
    heading = page.get_by_role("heading", name=re.compile(r"^Overdue \(\d+\)"))
    expect(heading).to_be_visible(timeout=30_000)
    n = int(re.search(r"\((\d+)\)", heading.inner_text()).group(1))
    button = page.get_by_role("button", name="Download overdue-actions as CSV")
    with page.expect_download(timeout=30_000) as info:
        button.click()
    rows = list(csv.reader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    assert rows[0][:3] == ["action", "owner", "days overdue"]
    assert len(rows) - 1 == n > 0


def test_the_report_pages_html_download_draws_its_charts_on_click(server, page):
    """The Report page previews the file without its charts (they are its Charts tab);
    the HTML button draws them into the file when clicked (publish.files.html_file)."""
    from playwright.sync_api import expect

    open_page(page, f"{server.url}/Report?quarter=2026Q3")
    button = page.get_by_role("button", name="HTML")
    expect(button).to_be_visible(timeout=30_000)
    with page.expect_download(timeout=120_000) as info:
        button.click()
    body = Path(info.value.path()).read_text(encoding="utf-8")
    assert info.value.suggested_filename == "hindsight-report-2026Q3.html"
    assert body.count("<figure><svg") == 4 and "Charts left out" not in body


def test_reingest_button_rereads_the_databases_own_paths(tmp_path, browser):
    """A database built from a command-line path, a dashboard with no hindsight.yaml: the
    button reloads that path (never the bundled demo) and asks before removing."""
    import duckdb

    src = tmp_path / "pm"
    src.mkdir()
    for day in ("2026-07-01", "2026-07-02", "2026-07-03"):
        (src / f"{day}.md").write_text(house_doc(title=f"Outage {day}", day=day))
    db = tmp_path / "team.duckdb"
    assert run_cli("ingest", "-q", "--db", db, src).returncode == 0
    (src / "2026-07-04.md").write_text(house_doc(title="Outage four", day="2026-07-04"))
    env = {"HINDSIGHT_DB": str(db), "HINDSIGHT_CONFIG": ""}
    with streamlit_server(env) as url:
        context = browser.new_context(viewport={"width": 1440, "height": 1000})
        pg = context.new_page()
        try:
            open_page(pg, f"{url}/Data_quality")
            main = pg.locator("[data-testid='stMain']")
            main.get_by_text(f"Re-ingest reads: {src}").wait_for(timeout=30_000)
            pg.get_by_role("button", name="Re-ingest now").click()
            main.get_by_text("1 parsed, 3 unchanged, 0 removed").first.wait_for(timeout=60_000)
            for f in sorted(src.iterdir())[:3]:
                f.unlink()
            pg.get_by_role("button", name="Re-ingest now").click()
            main.get_by_text("would remove the records of 3 files").first.wait_for(timeout=60_000)
            pg.get_by_role("button", name="Remove them and re-ingest").click()
            main.get_by_text("3 removed, 0 failed").first.wait_for(timeout=60_000)
        finally:
            context.close()
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM raw_postmortems").fetchall()[0][0] == 1
    finally:
        con.close()


def test_a_correction_made_in_the_browser_moves_the_detection_median(tmp_path, browser):
    """Correct a detection time on the Incidents page; the Detection page shows the new
    median without a restart, and the corrections file holds the fix."""
    docs = tmp_path / "pm"
    docs.mkdir()
    for n, day in ((1, "2026-02-03"), (2, "2026-02-10")):
        (docs / f"INC-{n}.md").write_text(house_doc(title=f"Cache stampede {n}", day=day))
    cfg = tmp_path / "hindsight.yaml"
    cfg.write_text(f"database: {tmp_path / 'h.duckdb'}\nmin_sample: 2\nsources:\n  postmortems: ['{docs}/*.md']\n")
    assert run_cli("ingest", "-q", "--config", str(cfg)).returncode == 0
    period = "from=2026-01-01&to=2026-03-31"
    with streamlit_server({"HINDSIGHT_CONFIG": str(cfg), "HINDSIGHT_DB": ""}) as url:
        context = browser.new_context(viewport={"width": 1440, "height": 1200})
        pg = context.new_page()
        try:
            open_page(pg, f"{url}/Detection?{period}")
            main = pg.locator("[data-testid='stMain']")
            main.get_by_text("5 min", exact=True).first.wait_for(timeout=30_000)
            open_page(pg, f"{url}/Incidents?incident=INC-1&{period}")
            pg.get_by_label("Right value ('null' clears it)").fill("2026-02-03T10:29:00Z")
            pg.get_by_role("button", name="Save and re-ingest").click()
            main.get_by_text("re-ingested").first.wait_for(timeout=60_000)
            open_page(pg, f"{url}/Detection?{period}")
            main.get_by_text("15 min", exact=True).first.wait_for(timeout=30_000)
        finally:
            context.close()
    assert "detected_at: '2026-02-03T10:29:00Z'" in (tmp_path / "corrections.yaml").read_text()



@pytest.mark.parametrize("path", list(PAGES))
def test_no_request_leaves_the_machine(server, browser, path):
    """Fully offline: every request to a host other than the server's is blocked and
    recorded, and the page must still draw without any (nor console errors)."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    outside, errors = [], []

    def guard(route):
        host = urllib.parse.urlsplit(route.request.url).hostname
        if host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    def failed(response):
        # Streamlit's frontend first probes /<page>/_stcore/health and host-config to find
        # its base path on a deep link, and falls back to the root: those 404s are its own
        path = urllib.parse.urlsplit(response.url).path
        if response.status >= 400 and not path.endswith(("/_stcore/health", "/_stcore/host-config")):
            errors.append(f"{response.status} {response.url}")

    context.route("**/*", guard)
    pg = context.new_page()
    pg.on("response", failed)
    # (a failed load is judged by its response above; the console only repeats it)
    pg.on("console", lambda m: errors.append(m.text)
          if m.type == "error" and not m.text.startswith("Failed to load resource") else None)
    try:
        open_page(pg, f"{server.url}/{path}")
        draw_every_chart(pg)
    finally:
        context.close()
    assert not outside, outside
    assert not errors, errors


def test_the_html_report_draws_every_chart_with_the_network_blocked(server, browser, tmp_path):
    """The quarterly report's HTML, opened from disk with every request blocked: it
    makes none, and each of its four charts is drawn at a readable size."""
    from playwright.sync_api import expect

    out = tmp_path / "report.html"
    r = run_cli("report", "--format", "html", "--out", out, "--db", server.db, "--quarter", "2026Q3",
                "--as-of", "2026-11-29", timeout=180)
    assert r.returncode == 0, r.stderr
    context = browser.new_context(viewport={"width": 390, "height": 844})   # a phone
    requests = []

    def guard(route):
        if route.request.url != out.as_uri():
            requests.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", guard)
    pg = context.new_page()
    errors = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    try:
        pg.goto(out.as_uri(), wait_until="load")
        charts = pg.locator("figure svg.main-svg")
        # (plotly.js, inlined, is parsed and draws four charts: on a starved CPU that took
        # more than a minute once, with no error; an error would be said below)
        try:
            expect(charts).to_have_count(4, timeout=150_000)
        except AssertionError as e:
            raise AssertionError(f"{e}\nconsole and page errors: {errors}; blocked requests: {requests}") from None
        for i in range(4):
            box = charts.nth(i).bounding_box()
            assert box and box["width"] > 300 and box["height"] > 100, box
        assert requests == [] and errors == []
        wide = pg.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        assert wide, "the page scrolls sideways on a phone"
    finally:
        context.close()
