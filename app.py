"""Hindsight: the overview a weekly SRE review and a leadership report start from."""
import streamlit as st

from metrics import charts, headline
from ui import setup

reader = setup.page("Overview", ":material/insights:")
st.title("Hindsight")
st.caption("Learning from incidents: recurrence, action items, near misses and detection.")
if setup.empty_state(reader):
    st.stop()

start, end = setup.period_sidebar(reader)
period = f"{start} to {end}"
figures = setup.data(headline.headline, reader, start, end)

cols = st.columns(5)
cols[0].metric("Incidents", figures["incidents"], help="Incidents with a postmortem, near misses excluded.")
cols[1].metric("Near misses", figures["near_misses"],
               f"{figures['near_miss_share']:.0%} of all reports" if figures["near_miss_share"] is not None else None,
               delta_color="off")
rate = figures["completion_rate"]
cols[2].metric("Action items done", f"{rate:.0%}" if rate is not None else "n/a",
               f"{figures['actions_done']} of {figures['actions'] - figures['actions_wont_do']}",
               delta_color="off", help="Done / (all - won't do), tracker status first.")
cols[3].metric("Overdue action items", figures["actions_overdue"],
               f"{figures['actions_unowned']} open without owner", delta_color="off")
cfg = st.session_state["hindsight_config"]
if figures["ttd_n"] >= cfg.min_sample:
    cols[4].metric("Median time to detect", f"{figures['ttd_median']:.0f} min",
                   f"p90 {figures['ttd_p90']:.0f} min, n={figures['ttd_n']}", delta_color="off")
else:
    cols[4].metric("Median time to detect", "not enough data",
                   f"n={figures['ttd_n']} < {cfg.min_sample}", delta_color="off")

left, right = st.columns([3, 2])
left.plotly_chart(charts.monthly_incidents(setup.data(headline.monthly_counts, reader, start, end), period),
                  width="stretch")
right.plotly_chart(charts.classes_bar(setup.data(headline.classes, reader, start, end), period),
                   width="stretch")
st.caption(f"Period {period}; incidents counted by incident date. Definitions: docs/METRICS.md.")
