"""What the loaders could not understand, file by file, and how complete the data is."""
import streamlit as st

from metrics import quality
from ui import setup

reader, _ = setup.page("Data quality", ":material/rule:", with_filters=False)
st.title("Data quality")
cfg = st.session_state["hindsight_config"]

if st.button("Re-ingest now", help="Load changed files from the config's sources", icon=":material/sync:"):
    s = setup.ingest_with_progress(cfg)
    st.success(f"{s.parsed} parsed, {s.unchanged} unchanged, {s.removed} removed, {s.failed} failed, "
               f"{len(s.problems)} problems.")
if not reader.exists:
    setup.empty_state()
    st.stop()

run = setup.data(quality.last_ingest, reader)
if run:
    st.caption(f"Last ingest {run['finished_at']:%Y-%m-%d %H:%M} UTC: {run['files_seen']} files, "
               f"{run['parsed']} parsed, {run['unchanged']} unchanged, {run['removed']} removed, "
               f"{run['failed']} failed.")

problems = setup.data(quality.problems, reader)
st.subheader(f"Problems by file and line ({len(problems)})")
if problems.empty:
    st.success("Every file was understood.")
else:
    setup.table(problems, "problems", "Errors lost data (a file, row or value); warnings are documented guesses.")

st.subheader("Timestamps: missing, and which rule filled them")
setup.table(setup.data(quality.timestamp_sources, reader), "timestamp-sources",
            "Rules, strongest first: front_matter, metadata, stated_duration, impact_range, timeline_marker, "
            "timeline_* and fallbacks; incident_export:* filled a gap from an incident tool (docs/METRICS.md).")
negative = setup.data(quality.negative_durations, reader)
if not negative.empty:
    setup.table(negative, "negative-durations", "Timestamps that run backwards: left out of every duration.")

st.subheader("Unmatched tickets")
setup.table(setup.data(quality.unmatched_tickets, reader), "unmatched-tickets",
            "Action items naming a ticket that no loaded export holds: they keep the document's status.")
st.subheader("Incidents without a postmortem")
setup.table(setup.data(quality.unmatched_incidents, reader), "unmatched-incidents",
            "Incident-tool export rows that matched no postmortem.")
