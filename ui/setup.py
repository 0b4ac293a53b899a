"""What every page calls first: ``ctx = setup.open_page(__file__)``.

The sidebar filters are bound to the URL's query parameters, so a filtered view can be
shared as a link. Data functions are called through ``setup.data(fn, reader, ...)``,
cached until an ingest swaps in a new database file.
"""
from __future__ import annotations

import functools
import importlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from metrics import filters as flt
from metrics import build, periods, quality, safe
from metrics.db import Reader
from metrics.hidden import hidden
from metrics.safe import to_csv
from ui import auth, reingest, tables
from ui.pages import PAGES, page_of
from loaders.config import Config
from loaders.store import models_fingerprint
from ui.where import Where, footer, load_command, where


FAVICON = Path(__file__).resolve().parent / "favicon.png"


@functools.cache
def _models() -> str:
    """The fingerprint of the SQL models this version builds its databases with."""
    return models_fingerprint()


@st.cache_resource
def _reader(path: str) -> Reader:
    return Reader(path)


def data(fn, reader: Reader, *args):
    """``fn(reader, *args)``, cached until an ingest swaps in a new database file."""
    return _data(f"{fn.__module__}:{fn.__qualname__}", str(reader.path), reader.identity(), args)


@st.cache_data(show_spinner=False, max_entries=512)
def _data(name: str, path: str, identity, args):
    module, qual = name.split(":")
    return getattr(importlib.import_module(module), qual)(_reader(path), *args)


@dataclass(frozen=True)
class Context:
    """What a page needs: the database reader, the sidebar's filters (None on a page
    without filters), the config and where both came from."""

    reader: Reader
    filters: flt.Filters | None
    config: Config
    where: Where


def nav() -> None:
    """Page links with readable names, from ui/pages.py (the classic pages/ folder stays,
    so a cold deep link to any page works; the automatic navigation is switched off in
    config.toml)."""
    from streamlit.errors import StreamlitAPIException

    sb = st.sidebar
    try:
        for p in PAGES:
            sb.page_link(p.file, label=p.title, icon=p.icon)
    except StreamlitAPIException:
        return  # a page run on its own (a test harness) has no app to link to
    sb.divider()


INCIDENTS = "pages/6_Incidents.py"


def incident_link(incident_id: str, label: str) -> None:
    """A link that opens one incident on the Incidents page, keeping the sidebar's filters
    (its ``?incident=`` link). ``label`` comes from a document: shown as text."""
    from streamlit.errors import StreamlitAPIException

    query = {k: v for k, v in st.query_params.to_dict().items() if k != "incident"}
    try:
        st.page_link(INCIDENTS, label=safe.markdown(label), icon=":material/history:",
                     query_params={**query, "incident": str(incident_id)})
    except StreamlitAPIException:
        st.markdown(safe.markdown(label))  # a page run on its own (a test harness) has no app to link to


def open_page(script: str) -> Context:
    """Set up the page ``script`` (its ``__file__``): title, icon, login, sidebar links,
    the database and, for a page with filters, the filters. A page with filters and no
    incidents to show says how to load some and stops here."""
    p = page_of(script)
    # the favicon is a file of ours: a material icon as page_icon makes the browser fetch
    # it from a public font host, which fails offline
    st.set_page_config(page_title=f"{p.title} · Hindsight", page_icon=str(FAVICON), layout="wide")
    auth.gate()
    nav()
    w = where()
    reingest.first_start(w)
    reader = _reader(str(w.db))
    if reader.exists and (why_not := data(build.outdated, reader, _models())):
        # (a database built by another version: every figure would be read through
        # views these queries do not match)
        st.title(p.title)
        st.warning(safe.markdown(why_not), icon=":material/update:")
        if st.button("Rebuild the database now", type="primary", icon=":material/sync:"):
            if reingest.run(w) is not None:
                st.rerun()
        footer(w)
        st.stop()
    if not p.filters:
        footer(w)
        return Context(reader, None, w.config, w)
    if not reader.exists or data(flt.choices, reader).first is None:
        st.title(p.title)
        empty_state(w, reader)
        footer(w)
        st.stop()
    filters = sidebar(reader)
    if (note := data(hidden, reader, filters).describe()):
        st.sidebar.info(note, icon=":material/visibility_off:")
    footer(w)
    return Context(reader, filters, w.config, w)


def empty_state(w: Where, reader: Reader) -> None:
    """No incident to show: say which database was read, and how to fill that one."""
    undated = data(quality.undated, reader) if reader.exists else None
    if undated is not None and len(undated):
        st.warning(safe.markdown(
            f"{len(undated)} postmortems are loaded in {w.db}, but none has a date, so no chart can show "
            "them: the Data quality page lists them. Give each a date (front matter `date:`) and re-ingest."),
            icon=":material/event_busy:")
        return
    st.info(
        safe.markdown(f"No postmortems loaded yet in {w.db} ({w.why}; config: {w.config.describe()}).")
        + "\n\nPoint Hindsight at your postmortems and tracker exports:\n\n"
        f"```\n{load_command(w)}\n```\n\n"
        "or write a `hindsight.yaml` (see `hindsight.example.yaml`) with your sources and run "
        "`hindsight ingest --config hindsight.yaml`. Pages show the new data on their next "
        "refresh.", icon=":material/upload_file:")


# a shared link's dates are honoured as written, however far before or after the data
_EARLIEST, _LATEST = date(1900, 1, 1), date(2100, 12, 31)
_PERIODS = {**periods.PRESETS, "custom": "Custom dates"}


def sidebar(reader: Reader) -> flt.Filters:
    """The shared filters, each bound to a URL query parameter of the same name. The
    period is a preset (metrics/periods.py) or custom dates; a link that carries dates
    but no preset opens on those dates."""
    c = data(flt.choices, reader)
    today = date.today()
    sb = st.sidebar
    sb.header("Filters")
    q = st.query_params
    if q.get("period") in _PERIODS:   # a preset's key, as metrics/periods.py names it: the widget holds labels
        st.session_state["period"] = q["period"] = _PERIODS[q["period"]]
    linked = ("from" in q or "to" in q) and "period" not in q
    labels = list(_PERIODS.values())  # (a bound selectbox puts its option's text in the URL)
    label = sb.selectbox("Period", labels, index=labels.index(_PERIODS["custom" if linked else periods.DEFAULT]),
                         key="period", bind="query-params",
                         help="Every preset ends on the newest incident's day (or today, if sooner).")
    chosen = next(k for k, v in _PERIODS.items() if v == label)
    if chosen == "custom":
        p = periods.default(c.first, c.last, today)
        date_from = sb.date_input("From", value=p.date_from, min_value=_EARLIEST, max_value=_LATEST,
                                  key="from", bind="query-params")
        date_to = sb.date_input("To", value=p.date_to, min_value=_EARLIEST, max_value=_LATEST,
                                key="to", bind="query-params")
    else:
        p = periods.preset(chosen, c.first, c.last, today)
        date_from, date_to = p.date_from, p.date_to
        sb.caption(f"{date_from} to {date_to}")
    teams = sb.multiselect("Team", c.teams, key="team", bind="query-params", placeholder="All teams")
    services = sb.multiselect("Service", c.services, key="service", bind="query-params",
                              placeholder="All services")
    severities = sb.multiselect("Severity", c.severities, key="severity", bind="query-params",
                                placeholder="All severities")
    classes = sb.multiselect("Incident class", c.classes, key="class", bind="query-params",
                             placeholder="All classes")
    near = sb.toggle("Include near misses", value=True, key="near_misses", bind="query-params")
    if date_from > date_to:
        sb.warning("'From' is after 'To': showing the single day 'To'.")
        date_from = date_to
    sb.caption(f"Data covers {c.first} to {c.last}. Share this view: copy the address bar.")
    return flt.Filters(date_from, date_to, tuple(teams), tuple(services), tuple(severities),
                       tuple(classes), bool(near))


METRICS = Path(__file__).resolve().parent.parent / "docs" / "METRICS.md"


def definitions_link(section: str | None = None) -> None:
    """A link to the Definitions page, in a caption of its own: the page's filter caption
    shows names taken from documents and must hold no live markup."""
    st.caption("How each figure is defined: [Definitions](Definitions)"
               + (f", \"{section}\"" if section else "") + ".")


def definitions() -> str:
    """docs/METRICS.md as the Definitions page shows it (its own file, read at each view)."""
    return METRICS.read_text(encoding="utf-8")


SHOWN_ROWS = 500  # a page shows at most this many rows of a table; the CSV has them all


def table(df: pd.DataFrame, name: str, caption: str | None = None, *, total: int | None = None,
          everything=None, **kwargs):
    """A table with a CSV download beside it (formula-like cells made safe). Long tables
    show their first SHOWN_ROWS rows: a browser table of thousands of rows is slow to
    send and no one reads it; the download holds every row. The CSV is written when the
    button is clicked, not at each render (at 100,000 incidents writing it took longer
    than the rest of a page). A listing that fetches only its first rows passes how many
    it has in ``total`` and, in ``everything``, a callable giving all of them for the CSV."""
    total = len(df) if total is None else total
    if total > SHOWN_ROWS:
        caption = (caption + " " if caption else "") + f"Showing the first {SHOWN_ROWS:,} of {total:,} rows; the CSV has all."
    if caption:
        st.caption(caption)
    head, config = tables.readable(df.head(SHOWN_ROWS), kwargs.pop("column_config", None))
    kwargs.setdefault("placeholder", "")  # a missing value is a blank cell, never "None"
    shown = st.dataframe(head, hide_index=True, column_config=config, **kwargs)
    csv = functools.partial(to_csv, df) if everything is None else (lambda: to_csv(everything()))
    st.download_button(f"Download {name} as CSV", csv, file_name=f"hindsight-{name}.csv",
                       mime="text/csv", key=f"download-{name}", icon=":material/download:",
                       on_click="ignore")
    return shown


def chart(fig, key: str | None = None) -> None:
    """A plotly chart whose toolbar camera downloads it as a PNG at twice the screen's
    resolution, named after the chart, for slides (drawn in the browser: no request)."""
    title = (fig.layout.title.text or "chart").split("<")[0]
    name = "hindsight-" + ("-".join(re.findall(r"[a-z0-9]+", title.lower()))[:60] or "chart")
    st.plotly_chart(fig, width="stretch", key=key,
                    config={"toImageButtonOptions": {"format": "png", "scale": 2, "filename": name},
                            "displaylogo": False})
