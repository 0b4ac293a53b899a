"""What every page calls: ``reader, filters = setup.page("Title")``.

The sidebar filters are bound to the URL's query parameters, so a filtered view can be
shared as a link. Data functions are called through ``setup.data(fn, reader, ...)``,
cached until an ingest swaps in a new database file.
"""
from __future__ import annotations

import importlib
import os
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from loaders.config import ConfigError, load_config
from metrics import filters as flt
from metrics.db import Reader
from metrics.report import default_period
from metrics.tables import to_csv


@st.cache_resource
def _reader(path: str) -> Reader:
    return Reader(path)


def config():
    try:
        return load_config(os.environ.get("HINDSIGHT_CONFIG"))
    except ConfigError as e:
        st.error(f"Hindsight cannot read its config: {e}")
        st.stop()


def data(fn, reader: Reader, *args):
    """``fn(reader, *args)``, cached until an ingest swaps in a new database file."""
    return _data(f"{fn.__module__}:{fn.__qualname__}", str(reader.path), reader.identity(), args)


@st.cache_data(show_spinner=False, max_entries=512)
def _data(name: str, path: str, identity, args):
    module, qual = name.split(":")
    return getattr(importlib.import_module(module), qual)(_reader(path), *args)


def ingest_with_progress(cfg, full: bool = False):
    """Run an ingest from the dashboard with a progress bar; returns its Summary."""
    from loaders.ingest import ingest

    bar = st.progress(0.0, text="Reading postmortems and exports...")

    def progress(done, total):
        bar.progress(done / total if total else 1.0, text=f"Parsed {done} of {total} files")

    summary = ingest(cfg, full=full, progress=progress)
    bar.empty()
    return summary


def _login_required() -> bool:
    """With an [auth] section in .streamlit/secrets.toml, only signed-in users see data."""
    try:
        configured = "auth" in st.secrets
    except Exception:  # no secrets file at all
        configured = False
    if not configured or st.user.is_logged_in:
        return False
    st.title("Hindsight")
    st.write("Postmortems hold sensitive detail: sign in to continue.")
    st.button("Sign in", on_click=st.login, type="primary")
    return True


ROOT = Path(__file__).resolve().parent.parent
ICONS = {"Recurrence": ":material/replay:", "Action items": ":material/checklist:",
         "Near misses": ":material/near_me:", "Detection": ":material/timer:",
         "Weekly review": ":material/event_note:", "Incidents": ":material/list_alt:",
         "Data quality": ":material/rule:"}


def nav() -> None:
    """Page links with readable names (the classic pages/ folder stays, so a cold deep
    link to any page works; the automatic navigation is switched off in config.toml)."""
    from streamlit.errors import StreamlitAPIException

    sb = st.sidebar
    try:
        sb.page_link("app.py", label="Overview", icon=":material/insights:")
        for p in sorted((ROOT / "pages").glob("*.py")):
            label = p.stem.split("_", 1)[-1].replace("_", " ")
            sb.page_link(f"pages/{p.name}", label=label, icon=ICONS.get(label, ":material/article:"))
    except StreamlitAPIException:
        return  # a page run on its own (a test harness) has no app to link to
    sb.divider()


def page(title: str, icon: str = ":material/monitoring:", with_filters: bool = True):
    """Set up a page. Returns (reader, filters); filters is None on an empty database
    (the page has shown how to load data and should stop) or when not asked for."""
    st.set_page_config(page_title=f"{title} · Hindsight", page_icon=icon, layout="wide")
    if _login_required():
        st.stop()
    nav()
    cfg = config()
    st.session_state["hindsight_config"] = cfg
    reader = _reader(str(cfg.database))
    if not reader.exists and cfg.sources:
        with st.spinner("First start: loading the postmortems named in the config..."):
            try:
                ingest_with_progress(cfg)
            except (ConfigError, RuntimeError, OSError) as e:
                st.error(f"Could not load the data: {e}")
    if not with_filters:
        return reader, None
    if not reader.exists or data(flt.choices, reader).first is None:
        st.title(title)
        empty_state()
        return reader, None
    return reader, sidebar(reader)


def empty_state() -> None:
    st.info(
        "No postmortems loaded yet.\n\n"
        "Point Hindsight at your postmortems and tracker exports:\n\n"
        "```\nhindsight ingest ~/postmortems ~/exports/jira.csv\n```\n\n"
        "or write a `hindsight.yaml` (see `hindsight.example.yaml`) and run "
        "`hindsight ingest --config hindsight.yaml`. Pages show the new data on their next "
        "refresh.", icon=":material/upload_file:")


def sidebar(reader: Reader) -> flt.Filters:
    """The shared filters, each bound to a URL query parameter of the same name."""
    c = data(flt.choices, reader)
    end = min(c.last, date.today())
    start = max(default_period(end)[0], c.first)
    sb = st.sidebar
    sb.header("Filters")
    date_from = sb.date_input("From", value=start, min_value=c.first, max_value=c.last,
                              key="from", bind="query-params")
    date_to = sb.date_input("To", value=end, min_value=c.first, max_value=max(c.last, date.today()),
                            key="to", bind="query-params")
    teams = sb.multiselect("Team", c.teams, key="team", bind="query-params", placeholder="All teams")
    services = sb.multiselect("Service", c.services, key="service", bind="query-params",
                              placeholder="All services")
    severities = sb.multiselect("Severity", c.severities, format_func=lambda v: f"SEV{v}", key="severity",
                                bind="query-params", placeholder="All severities")
    classes = sb.multiselect("Incident class", c.classes, key="class", bind="query-params",
                             placeholder="All classes")
    near = sb.toggle("Include near misses", value=True, key="near_misses", bind="query-params")
    sb.caption(f"Data covers {c.first} to {c.last}. Share this view: copy the address bar.")
    if date_from > date_to:
        sb.warning("'From' is after 'To': showing the single day 'To'.")
        date_from = date_to
    return flt.Filters(date_from, date_to, tuple(teams), tuple(services), tuple(severities),
                       tuple(classes), bool(near))


SHOWN_ROWS = 500  # a page shows at most this many rows of a table; the CSV has them all


def table(df: pd.DataFrame, name: str, caption: str | None = None, **kwargs):
    """A table with a CSV download beside it (formula-like cells made safe). Long tables
    show their first SHOWN_ROWS rows: a browser table of thousands of rows is slow to
    send and no one reads it; the download holds every row."""
    if len(df) > SHOWN_ROWS:
        caption = (caption + " " if caption else "") + f"Showing the first {SHOWN_ROWS:,} of {len(df):,} rows; the CSV has all."
    if caption:
        st.caption(caption)
    shown = st.dataframe(df.head(SHOWN_ROWS), hide_index=True, **kwargs)
    st.download_button(f"Download {name} as CSV", to_csv(df), file_name=f"hindsight-{name}.csv",
                       mime="text/csv", key=f"download-{name}", icon=":material/download:",
                       on_click="ignore")
    return shown


def chart(fig, key: str | None = None) -> None:
    st.plotly_chart(fig, width="stretch", key=key)
