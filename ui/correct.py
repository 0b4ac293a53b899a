"""Correcting a figure from the Incidents page: the form writes the corrections file
(loaders/corrections.py: atomically, comments and order kept) and re-ingests, so the
change shows on every page at once and survives every later load."""
from __future__ import annotations

import streamlit as st

from loaders import corrections
from metrics import safe
from metrics.incidents import Detail
from ui import reingest
from ui.where import Where

FIELDS = ("detected_at", "started_at", "mitigated_at", "resolved_at", "date", "severity", "incident_class",
          "team", "near_miss", "title")
HINTS = {"detected_at": "2026-02-03T10:05:00Z", "started_at": "2026-02-03T10:00:00Z",
         "mitigated_at": "2026-02-03T10:30:00Z", "resolved_at": "2026-02-03T11:00:00Z", "date": "2026-02-03",
         "severity": "SEV2", "incident_class": "config-change", "team": "payments", "near_miss": "true or false",
         "title": "Checkout errors after the cache deploy", "status": "open, done or wont_do", "owner": "@kim",
         "due": "2026-03-01"}


def field_choices(d: Detail) -> list[str]:
    """The document's correctable fields, then each action item's (action_items.N.field)."""
    items = [f"action_items.{n}.{f}" for n in range(1, len(d.actions) + 1) for f in corrections.ITEM_FIELDS]
    return list(FIELDS) + items


def form(d: Detail, w: Where) -> None:
    """A field, its right value, and Save: writes the corrections file and re-ingests."""
    if (done := st.session_state.pop("correction_saved", None)):
        st.success(safe.markdown(done), icon=":material/check_circle:")
    with st.form("correct", border=True):
        st.markdown("**Correct a field** (kept in the corrections file, applied at every ingest)")
        c = st.columns([2, 3])
        field = c[0].selectbox("Field", field_choices(d), key="correct-field")
        value = c[1].text_input("Right value ('null' clears it)", key="correct-value",
                                placeholder=HINTS.get(field.rsplit(".", 1)[-1], ""))
        saved = st.form_submit_button("Save and re-ingest", icon=":material/edit_note:")
    if not saved:
        return
    try:
        keys = corrections.keys_for(str(d.id), field)
        typed = None if value.strip().lower() in ("null", "none", "") else value.strip()
        stored, _ = corrections.normalise(keys[-1], typed)
        if keys[-1] in corrections.TIMES or keys[-1] in ("date", "due"):
            typed = stored  # written the one way it is read back
        corrections.write(w.config.corrections_for(w.db), keys, typed)
    except corrections.CorrectionError as e:
        st.error(safe.markdown(f"Not saved: {e}"))
        return
    except OSError as e:
        st.error(safe.markdown(f"Not saved: cannot write {w.config.corrections_for(w.db)}: {e.strerror or e}"))
        return
    summary = reingest.run(w)
    if summary is None:
        return  # run() has said why; the correction is in the file and applies at the next ingest
    st.session_state["correction_saved"] = (f"Saved in {w.config.corrections_for(w.db)}: {d.id} {field} = "
                                            f"{value.strip() or 'null'}; re-ingested.")
    st.rerun()
