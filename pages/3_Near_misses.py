"""How many near misses are reported, where, and what we were lucky about."""
import streamlit as st

from metrics import charts_near_misses, near_misses, safe
from ui import format as fmt
from ui import setup

ctx = setup.open_page(__file__)
reader, filters, cfg = ctx.reader, ctx.filters, ctx.config
st.title("Near misses")
st.caption(f"{safe.markdown(filters.describe())} · a near miss is a postmortem of something that almost went wrong. "
           "More of them reported is good: people write up what they caught. Share = near misses / all "
           "reports (near misses + incidents).")
setup.definitions_link()
if not filters.near_misses:
    st.info("Near misses are excluded by the sidebar: turn on **Include near misses** to see them.",
            icon=":material/visibility_off:")
    st.stop()

s = setup.data(near_misses.summary, reader, filters)
if s.reports == 0:
    st.info("No postmortems under these filters. Widen the period or clear a filter in the sidebar.",
            icon=":material/filter_alt_off:")
    st.stop()
c = st.columns(3)
c[0].metric("Near misses", s.near_misses, help="Postmortems marked as near misses, dated in the period.")
c[1].metric("Share of reports", fmt.pct(s.share), fmt.interval(s.ci90_share, percent=True),
            delta_color="off", delta_arrow="off",
            help=f"{s.near_misses} near misses of {s.reports} reports; 90% Wilson interval.")
c[2].metric("Incidents", s.incidents, help="Postmortems that are not near misses, for scale.")

monthly = setup.data(near_misses.monthly, reader, filters, cfg.min_sample)
setup.chart(charts_near_misses.monthly_share(monthly, filters.describe(), cfg.min_sample))
share_cols = {
    "near_misses": "Near misses", "incidents": "Incidents", "reports": "Reports",
    "share": st.column_config.NumberColumn("Share", format="percent"),
    "ci90_low": st.column_config.NumberColumn("90% CI low", format="percent"),
    "ci90_high": st.column_config.NumberColumn("90% CI high", format="percent"),
}
with st.expander("Per month, as a table"):
    setup.table(monthly, "near-misses-by-month",
                f"Share left empty in a month with fewer than {cfg.min_sample} reports (not enough data).",
                column_config={"month": "Month", **share_cols})

left, right = st.columns(2)
with left:
    st.subheader("By team")
    setup.table(setup.data(near_misses.by_team, reader, filters, cfg.min_sample), "near-misses-by-team",
                "A team with incidents but no near miss may not be writing them up. Share left empty "
                f"below {cfg.min_sample} reports.", column_config={"team": "Team", **share_cols})
with right:
    st.subheader("By class")
    setup.table(setup.data(near_misses.by_class, reader, filters, cfg.min_sample), "near-misses-by-class",
                f"Share of each class's reports caught before impact; empty below {cfg.min_sample} reports.",
                column_config={"class": "Class", **share_cols})

st.subheader("Where we got lucky")
counts = setup.data(near_misses.lucky_counts, reader, filters)
if counts.near_misses == 0:
    st.info("No near misses under these filters.")
    st.stop()
limit = st.selectbox("Most recent near misses", (5, 10, 20, 50), index=1, key="lucky_limit")
st.caption(f"{counts.with_notes} of {counts.near_misses} near misses say where we got lucky: luck is "
           "a safeguard that was missing. Newest first, as written in the postmortem.")
for pm in setup.data(near_misses.lucky, reader, filters, int(limit)):
    with st.container(border=True):
        st.text(f"{pm['incident_date']} · {pm['title']} · {pm['team'] or 'no team'} · {pm['class']}")
        if pm["lucky"]:
            st.text("\n".join(f"• {note}" for note in pm["lucky"]))
        else:
            st.caption("No 'where we got lucky' section.")
