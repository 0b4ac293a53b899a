"""Hindsight: the overview a weekly SRE review and a leadership report start from."""
from datetime import date

import streamlit as st

from metrics import charts, overview, safe
from ui import format as fmt
from ui import setup

ctx = setup.open_page(__file__)
reader, filters, cfg = ctx.reader, ctx.filters, ctx.config
st.title("Hindsight")
st.caption(f"Learning from incidents · {safe.markdown(filters.describe())} · compared with the period of the same "
           "length just before it. Definitions: docs/METRICS.md.")

h = setup.data(overview.headline, reader, filters, date.today(), cfg.min_sample)
cov = setup.data(overview.coverage, reader, filters)

c = st.columns(5)
c[0].metric("Incidents", h.incidents, f"{h.incidents - h.incidents_before:+d} vs previous period",
            delta_color="off", help="Postmortems dated in the period, near misses excluded.")
c[1].metric("Near misses", h.near_misses, fmt.verdict(h.near_miss_change, percent=True),
            delta_color=fmt.delta_color(h.near_miss_change),
            help=f"Share of all reports {fmt.pct(h.near_miss_share)} "
                 f"({fmt.interval(h.near_miss_share_ci, percent=True)}). More reported near misses is good.")
c[2].metric("Action items done", fmt.pct(h.completion_rate), fmt.verdict(h.completion_change, percent=True),
            delta_color=fmt.delta_color(h.completion_change),
            help=f"{h.actions_done} done of {h.actions} (won't-do excluded); "
                 f"{fmt.interval(h.completion_ci, percent=True)}. {h.actions_overdue} overdue.")
c[3].metric("Closed on time", fmt.pct(h.on_time_rate), fmt.verdict(h.on_time_change, percent=True),
            delta_color=fmt.delta_color(h.on_time_change),
            help=f"Done by the due date (or SLA deadline); {fmt.interval(h.on_time_ci, percent=True)}.")
if h.ttd_n >= cfg.min_sample:
    c[4].metric("Median time to detect", f"{h.ttd_median:.0f} min", fmt.verdict(h.ttd_change, " min"),
                delta_color=fmt.delta_color(h.ttd_change),
                help=f"n={h.ttd_n}, {fmt.interval(h.ttd_ci, ' min')}, p90 {h.ttd_p90:.0f} min.")
else:
    c[4].metric("Median time to detect", "not enough data", f"n={h.ttd_n} < {cfg.min_sample}",
                delta_color="off")

left, right = st.columns([3, 2])
with left:
    setup.chart(charts.monthly_incidents(setup.data(overview.monthly, reader, filters), filters.describe()))
with right:
    st.subheader("Classes that keep coming back")
    setup.table(setup.data(overview.top_repeats, reader, filters), "top-repeats",
                "Repeats: an earlier incident of the class within the recurrence window. "
                "After fix: its action items were all done first.")
    st.subheader("Postmortem coverage")
    st.metric("Incidents with a postmortem", fmt.pct(cov.share),
              f"{cov.with_postmortem} of {cov.incidents} known incidents; "
              f"{fmt.pct(cov.reviewed_share)} reviewed", delta_color="off",
              help="Known incidents come from postmortems and incident-tool exports. "
                   + fmt.interval(cov.ci, percent=True))
