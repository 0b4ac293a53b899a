"""Loading from the dashboard: the Data quality page's re-ingest, and the first start.

Re-ingest re-reads the database's own sources (and its config's), never another config's
(loaders.ingest.sources_for); the button names what it will read, asks before anything is
removed, and shows every failure as a message, never a traceback.
"""
from __future__ import annotations

import duckdb
import streamlit as st

from loaders.config import ConfigError
from loaders.discover import DiscoveryError
from loaders.ingest import NothingToLoad, RemovalRefused, ingest, plan, read_state, sources_for
from metrics import safe
from ui.where import Where

FAILURES = (ConfigError, DiscoveryError, NothingToLoad, RemovalRefused, RuntimeError, OSError, duckdb.Error)


def run(w: Where, allow_removal: bool = False, full: bool = False):
    """Ingest with a progress bar; returns the Summary, or None after showing why it failed."""
    bar = st.progress(0.0, text="Reading postmortems and exports...")

    def progress(done, total):
        bar.progress(done / total if total else 1.0, text=f"Parsed {done} of {total} files")

    try:
        return ingest(w.config, db=w.db, full=full, progress=progress, allow_removal=allow_removal)
    except FAILURES as e:
        st.error(safe.markdown(f"The load did not run, and the database is unchanged: {e}"))
        return None
    finally:
        bar.empty()


def panel(w: Where) -> None:
    """What re-ingest will read, a button, and a confirmation when records would go."""
    try:
        sources = sources_for(w.config, None, read_state(w.db, files=False))
    except FAILURES as e:
        st.error(safe.markdown(f"Cannot tell what to re-read: {e}"))
        return
    if not sources:
        st.info(safe.markdown(f"{w.db} remembers no sources and {w.config.describe()} lists none: load "
                              f"files with `hindsight ingest --db {w.db} PATH...` first."))
        return
    st.caption(safe.markdown("Re-ingest reads: " + "; ".join(s.pattern for s in sources)))
    pending = st.session_state.get("reingest_pending")
    if pending:
        st.warning(safe.markdown(
            f"This re-ingest would remove the records of {len(pending)} files that are gone from their "
            "sources: " + ", ".join(pending[:10]) + (f" and {len(pending) - 10} more" if len(pending) > 10 else "")
            + "."))
        yes, no = st.columns(2)
        if yes.button("Remove them and re-ingest", type="primary", icon=":material/delete_sweep:"):
            st.session_state.pop("reingest_pending", None)
            _report(run(w, allow_removal=True))
        if no.button("Cancel"):
            st.session_state.pop("reingest_pending", None)
            st.rerun()
        return
    if st.button("Re-ingest now", help="Load new and changed files from the sources above",
                 icon=":material/sync:"):
        try:
            p = plan(w.config, db=w.db, allow_removal=True)
        except FAILURES as e:
            st.error(safe.markdown(f"The load did not run, and the database is unchanged: {e}"))
            return
        if p.removed:
            st.session_state["reingest_pending"] = p.removed
            st.rerun()
        _report(run(w))


def _report(s) -> None:
    if s is None:
        return
    text = (f"{s.parsed} parsed, {s.unchanged} unchanged, {s.removed} removed, {s.failed} failed, "
            f"{len(s.skipped)} skipped, {len(s.problems)} problems.")
    if s.undated:
        text += f" {s.undated} postmortems have no date (listed below)."
    st.success(safe.markdown(text))


def first_start(w: Where) -> None:
    """No database yet, and the config names sources (the demo's, on a fresh clone):
    load them once, so the dashboard opens on data."""
    if w.db.exists() or not w.config.sources:
        return
    with st.spinner("First start: loading the postmortems named in the config..."):
        run(w)
