"""Every incident under the filters, searchable; one incident in full.

Postmortems and exports are untrusted: everything read from them is shown as text
(table cells, st.text, st.code), never as HTML or markdown. A link opens an incident:
?incident=<id>.
"""
import functools

import streamlit as st

from metrics import incidents, safe
from ui import correct, setup

ctx = setup.open_page(__file__)
reader, filters = ctx.reader, ctx.filters
st.title("Incidents")
st.caption(f"{safe.markdown(filters.describe())} · newest first. Select a row to open an incident; the "
           "address bar then links to it.")

q = st.text_input("Search", key="q", bind="query-params", icon=":material/search:",
                  placeholder="Words in the title, id, summary, class, team or services")
found, total = setup.data(incidents.found, reader, filters, q, setup.SHOWN_ROWS)
if found.empty:
    st.info("No incident matches the search under these filters. Clear the search or widen the filters "
            "in the sidebar." if incidents.terms(q) else
            "No incidents under these filters: widen the date range or clear a filter in the sidebar.",
            icon=":material/search_off:")
    event = None
else:
    event = setup.table(
        found, "incidents", f"{total} postmortems (near misses included unless the sidebar excludes them)",
        total=total, everything=functools.partial(incidents.search, reader, filters, q),
        on_select="rerun", selection_mode="single-row", key="incident-table",
        column_order=[c for c in found.columns if c != "file_path"],
        column_config={"date": st.column_config.DateColumn(format="YYYY-MM-DD"),
                       "ttd_min": st.column_config.NumberColumn("time to detect (min)", format="%.0f"),
                       "ttr_min": st.column_config.NumberColumn("time to resolve (min)", format="%.0f"),
                       "near_miss": st.column_config.CheckboxColumn("near miss"),
                       "open_items": st.column_config.NumberColumn("open items"),
                       "quality": st.column_config.ProgressColumn(
                           "quality", min_value=0, max_value=100, format="%d",
                           help="The postmortem's quality score, 0-100 (Definitions, \"Practice health\"; "
                                "`hindsight lint` lists what it lacks).")})

# The table's selection wins and goes into the URL; without one, the URL's ?incident= opens it.
rows = [i for i in (event.selection.rows if event else []) if 0 <= i < len(found)]
if rows:
    chosen = found.iloc[rows[0]]
    st.query_params["incident"] = str(chosen["id"])
    st.session_state["incident-selected"] = True
    paths = [chosen["file_path"]]
else:
    if st.session_state.pop("incident-selected", False):  # the row was just deselected
        st.query_params.pop("incident", None)
    wanted = st.query_params.get("incident")
    if wanted:  # said again: a page link to this page (a similar incident) leaves the old one in the address bar
        st.query_params["incident"] = wanted
    paths = setup.data(incidents.find, reader, wanted) if wanted else []
    if wanted and not paths:
        st.warning("No loaded postmortem has the incident id this link names:", icon=":material/link_off:")
        st.code(wanted, language=None)

if not paths:
    if not found.empty:
        st.caption("Select an incident above to see its timestamps, postmortem, timeline and action items.")
    st.stop()
d = setup.data(incidents.detail, reader, paths[0])
if d is None:
    st.stop()

st.divider()
st.subheader("Near miss" if d.is_near_miss else "Incident")
st.text(d.title or d.id)
if len(paths) > 1:
    st.caption(f"{len(paths)} postmortems claim this id; showing the newest.")
left, right = st.columns(2)
with left:
    setup.table(d.metadata, "incident-metadata", height="content",
                column_config={"field": st.column_config.TextColumn(width="medium"),
                               "value": st.column_config.TextColumn(width="large")})
with right:
    setup.table(d.timestamps, "incident-timestamps",
                "Each timestamp with the rule that filled it (docs/METRICS.md, 'The four timestamps').",
                column_config={"time (UTC)": st.column_config.DatetimeColumn(format="YYYY-MM-DD HH:mm"),
                               "minutes from start": st.column_config.NumberColumn(format="%.0f")})
correct.form(d, ctx.where)

st.subheader("Action items")
if d.actions.empty:
    st.caption("This postmortem lists no action items.")
else:
    setup.table(d.actions, "incident-actions",
                "Status: the tracker's when the ticket is in a loaded export (status source 'tracker'), "
                "else the document's. Tracker status is the export's own wording.",
                column_config={"deadline": st.column_config.DateColumn(format="YYYY-MM-DD"),
                               "done_on": st.column_config.DateColumn("done on", format="YYYY-MM-DD"),
                               "deadline_from_sla": st.column_config.CheckboxColumn("deadline from SLA")})

st.subheader("Similar earlier incidents")
similar = setup.data(incidents.similar, reader, paths[0])
if similar.empty:
    st.caption("No earlier postmortem reads like this one.")
else:
    st.caption("The earlier postmortems whose words (title, summary, contributing factors, timeline) and services "
               "are most alike, best first (docs/METRICS.md, 'Similar incidents'). Follow one to open it.")
    for row in similar.itertuples():
        setup.incident_link(row.incident_id, row.title or row.incident_id)
        st.caption(f"{row.incident_date} · similarity {row.score:.2f} · shared words: {safe.markdown(', '.join(row.shared_terms)) or 'none'}"
                   + (f" · shared services: {safe.markdown(', '.join(row.shared_services))}"
                      if row.shared_services else "")
                   + f" · {row.open_items} open action item{'s' if row.open_items != 1 else ''}")

st.subheader("Timeline")
if d.timeline.empty:
    st.caption("No timeline entries were read from this postmortem.")
else:
    setup.table(d.timeline, "incident-timeline", "Entries as the postmortem lists them, times in UTC.")

st.subheader("Postmortem")
st.caption("The document as written, shown as plain text.")
st.code(d.body or "(empty)", language=None, wrap_lines=True)
