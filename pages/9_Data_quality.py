"""What the loaders could not understand, file by file, and a button to re-load."""
import streamlit as st

from metrics import headline
from ui import setup

reader = setup.page("Data quality", ":material/rule:")
st.title("Data quality")

cfg = st.session_state["hindsight_config"]
if st.button("Re-ingest now", help="Load changed files from the config's sources"):
    summary = setup.ingest_with_progress(cfg)
    st.success(f"{summary.parsed} parsed, {summary.unchanged} unchanged, {summary.removed} removed, "
               f"{summary.failed} failed, {len(summary.problems)} problems.")

if not reader.exists:
    setup.empty_state(reader)
    st.stop()

run = setup.data(headline.last_ingest, reader)
if run:
    st.caption(f"Last ingest {run['finished_at']:%Y-%m-%d %H:%M} UTC: {run['files_seen']} files, "
               f"{run['parsed']} parsed, {run['unchanged']} unchanged, {run['removed']} removed, "
               f"{run['failed']} failed.")
problems = setup.data(headline.problems, reader)
st.subheader(f"Problems ({len(problems)})")
if problems.empty:
    st.success("Every file was understood.")
else:
    st.dataframe(problems, width="stretch", hide_index=True)
