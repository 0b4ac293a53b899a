"""What every page calls first: ``reader = setup.page("Title")``."""
from __future__ import annotations

import os

import streamlit as st

from loaders.config import ConfigError, load_config
from metrics.db import Reader


@st.cache_resource
def _reader(path: str) -> Reader:
    return Reader(path)


def config():
    try:
        return load_config(os.environ.get("HINDSIGHT_CONFIG"))
    except ConfigError as e:
        st.error(f"Hindsight cannot read its config: {e}")
        st.stop()


def ingest_with_progress(cfg, full: bool = False):
    """Run an ingest from the dashboard with a progress bar; returns its Summary."""
    from loaders.ingest import ingest

    bar = st.progress(0.0, text="Reading postmortems and exports...")

    def progress(done, total):
        bar.progress(done / total if total else 1.0, text=f"Parsed {done} of {total} files")

    summary = ingest(cfg, full=full, progress=progress)
    bar.empty()
    return summary


def page(title: str, icon: str = ":material/monitoring:") -> Reader:
    """Set up a page and return the store's Reader. On first start with the bundled
    demo config and no database yet, the demo data is loaded first."""
    st.set_page_config(page_title=f"{title} · Hindsight", page_icon=icon, layout="wide")
    cfg = config()
    reader = _reader(str(cfg.database))
    if not reader.exists and cfg.sources:
        with st.spinner("First start: loading the postmortems named in the config..."):
            try:
                ingest_with_progress(cfg)
            except (ConfigError, RuntimeError, OSError) as e:
                st.error(f"Could not load the data: {e}")
    st.session_state["hindsight_config"] = cfg
    return reader


def empty_state(reader: Reader) -> bool:
    """Show how to point Hindsight at real postmortems when there is nothing to show;
    True when the page should stop."""
    from metrics.headline import data_range

    if reader.exists and data_range(reader)[0] is not None:
        return False
    st.info(
        "No postmortems loaded yet.\n\n"
        "Point Hindsight at your postmortems and tracker exports:\n\n"
        "```\nhindsight ingest ~/postmortems ~/exports/jira.csv\n```\n\n"
        "or write a `hindsight.yaml` (see `hindsight.example.yaml`) and run "
        "`hindsight ingest --config hindsight.yaml`. This page refreshes on its own "
        "once the load has finished.")
    return True


def data(fn, reader: Reader, *args):
    """``fn(reader, *args)``, cached until an ingest swaps in a new database file."""
    return _data(f"{fn.__module__}:{fn.__qualname__}", str(reader.path), reader.identity(), args)


@st.cache_data(show_spinner=False, max_entries=512)
def _data(name: str, path: str, identity, args):
    import importlib

    module, qual = name.split(":")
    return getattr(importlib.import_module(module), qual)(_reader(path), *args)


def period_sidebar(reader: Reader):
    """The date range picker (defaults: the 12 months up to the newest incident)."""
    from datetime import date

    from metrics.headline import data_range, default_period

    first, last = data(data_range, reader)
    end = min(last or date.today(), date.today())
    start, end = default_period(end)
    picked = st.sidebar.date_input("Incident dates", value=(start, end), key="period")
    if isinstance(picked, (tuple, list)) and len(picked) == 2:
        start, end = picked
    st.sidebar.caption(f"Data covers {first} to {last}." if first else "No data yet.")
    return start, end
