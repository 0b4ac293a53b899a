"""What the loaders could not understand, file by file, and how complete the data is."""
import streamlit as st

from metrics import quality, safe
from ui import reingest, setup

ctx = setup.open_page(__file__)
reader, w = ctx.reader, ctx.where
st.title("Data quality")

reingest.panel(w)
if not reader.exists:
    setup.empty_state(w, reader)
    st.stop()

run = setup.data(quality.last_ingest, reader)
if run:
    st.caption(f"Last ingest {run.finished_at:%Y-%m-%d %H:%M} UTC: {run.files_seen} files, "
               f"{run.parsed} parsed, {run.unchanged} unchanged, {run.removed} removed, "
               f"{run.failed} failed.")

problems = setup.data(quality.problems, reader)
st.subheader(f"Problems by file and line ({len(problems)})")
if problems.empty:
    st.success("Every file was understood.")
else:
    setup.table(problems, "problems", "Errors lost data (a file, row or value); warnings are documented guesses.")

undated = setup.data(quality.undated, reader)
st.subheader(f"Not on any chart: no date ({len(undated)})")
if undated.empty:
    st.caption("Every postmortem has a date.")
else:
    setup.table(undated, "undated", "Postmortems loaded without a date (none in the document, its front matter "
                "or its timeline). Every figure is bounded by dates, so these appear on no chart: give each a "
                "date (front matter `date:`) and re-ingest.")

st.subheader("Timestamps: missing, and which rule filled them")
setup.table(setup.data(quality.timestamp_sources, reader), "timestamp-sources",
            "Rules, strongest first: front_matter, metadata, stated_duration, impact_range, timeline_marker, "
            "timeline_* and fallbacks; incident_export:* filled a gap from an incident tool (docs/METRICS.md).")
negative = setup.data(quality.negative_durations, reader)
if not negative.empty:
    setup.table(negative, "negative-durations", "Timestamps that run backwards: left out of every duration.")

fixes = setup.data(quality.corrections, reader)
weak = setup.data(quality.weak_rules, reader)
st.subheader(f"For a reviewer: corrections ({len(fixes)}) and weak rules ({len(weak)})")
if fixes.empty:
    st.caption(safe.markdown(f"No corrections in {ctx.config.corrections_for(w.db)}. Correct a field from the "
                             "Incidents page or with `hindsight correct ID FIELD VALUE`."))
else:
    setup.table(fixes, "corrections", safe.markdown(
        f"From {ctx.config.corrections_for(w.db)}. A correction that does not apply names an id no loaded postmortem "
        "carries (or an action item the document lacks): it stays in the file for when it comes back."))
if not weak.empty:
    setup.table(weak, "weak-rules", "Timestamps a fallback filled (the first timeline entry taken as the "
                "start, the mitigation taken as the resolution): confirm them, or correct them from the "
                "Incidents page.")

st.subheader("Unmatched tickets")
setup.table(setup.data(quality.unmatched_tickets, reader), "unmatched-tickets",
            "Action items naming a ticket that no loaded export holds: they keep the document's status.")
st.subheader("Incidents without a postmortem")
setup.table(setup.data(quality.unmatched_incidents, reader), "unmatched-incidents",
            "Incident-tool export rows that matched no postmortem.")

st.subheader("Sources")
setup.table(setup.data(quality.sources, reader), "sources",
            "What this database was loaded from; re-ingest reads these again. A config of none: the command line.")
skipped = setup.data(quality.skipped, reader)
if not skipped.empty:
    setup.table(skipped, "skipped", "Files read and found not to be incidents (templates, READMEs, index pages).")
