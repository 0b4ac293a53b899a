"""Hindsight: the overview a weekly SRE review and a leadership report start from."""
from datetime import date

import streamlit as st

from metrics import charts, closing, overview_page, safe
from ui import format as fmt
from ui import setup

ctx = setup.open_page(__file__)
reader, filters, cfg = ctx.reader, ctx.filters, ctx.config
st.title("Hindsight")
st.caption(f"Learning from incidents · {safe.markdown(filters.describe())} · compared with the period of the same "
           "length just before it.")
setup.definitions_link()

fig = setup.data(overview_page.figures, reader, filters, date.today(), cfg.min_sample)
h, cov, eq = fig.headline, fig.coverage, fig.equal_age

c = st.columns(5)
change = h.incidents - h.incidents_before
c[0].metric("Incidents", h.incidents, f"{change:+d} vs previous period" if h.before_loaded else "no data before it",
            delta_color="off", delta_arrow="auto" if change and h.before_loaded else "off",
            help="Postmortems dated in the period, near misses excluded."
                 + ("" if h.before_loaded else " The period of the same length before it holds no loaded data, "
                                               "so there is nothing to compare with."))
if filters.near_misses:
    # the value gives the share the change is of (a count beside "-7 pts" read as a fall
    # in the count); the signed change leads: Streamlit points the arrow by its first number
    c[1].metric("Near misses", f"{h.near_misses} ({fmt.pct(h.near_miss_share)})",
                fmt.verdict(h.near_miss_change, percent=True, of=" of reports"),
                delta_color=fmt.delta_color(h.near_miss_change), delta_arrow=fmt.arrow(h.near_miss_change),
                help=f"The count, and the near misses' share of all reports "
                     f"({fmt.interval(h.near_miss_share_ci, percent=True)}) with its change in points"
                     + (f"; the period before held {h.near_misses_before}" if h.before_loaded else "")
                     + ". More reported near misses is good.")
else:
    c[1].metric("Near misses", "excluded", "by the sidebar filter", delta_color="off", delta_arrow="off",
                help="Turn on 'Include near misses' in the sidebar to count them.")
c[2].metric(f"Done within {closing.DAYS} days", fmt.within(eq.now), fmt.verdict(eq.change, percent=True),
            delta_color=fmt.delta_color(eq.change), delta_arrow=fmt.arrow(eq.change),
            help=f"{fmt.within_note(eq.now)}Action items closed within {closing.DAYS} days of their incident, of the {eq.now.eligible} "
                 f"whose incident is that old, compared with the previous period at the same age "
                 f"({fmt.interval(eq.now.ci, percent=True)}). As of today: {h.actions_done} done of {h.actions} "
                 f"({fmt.pct(h.completion_rate)}), {h.actions_overdue} overdue.")
c[3].metric("Closed on time", fmt.pct(h.on_time_rate), fmt.verdict(h.on_time_change, percent=True),
            delta_color=fmt.delta_color(h.on_time_change), delta_arrow=fmt.arrow(h.on_time_change),
            help=f"Done by the due date (or SLA deadline); {fmt.interval(h.on_time_ci, percent=True)}.")
if h.ttd_n >= cfg.min_sample:
    c[4].metric("Median time to detect", f"{h.ttd_median:.0f} min", fmt.verdict(h.ttd_change, " min"),
                delta_color=fmt.delta_color(h.ttd_change), delta_arrow=fmt.arrow(h.ttd_change),
                help=f"n={h.ttd_n}, {fmt.interval(h.ttd_ci, ' min')}, p90 {h.ttd_p90:.0f} min.")
else:
    c[4].metric("Median time to detect", "not enough data", f"n={h.ttd_n} < {cfg.min_sample}",
                delta_color="off", delta_arrow="off")

left, right = st.columns([3, 2])
with left:
    setup.chart(charts.monthly_incidents(fig.monthly, filters.describe()))
with right:
    st.subheader("Classes that keep coming back")
    setup.table(fig.top_repeats, "top-repeats",
                f"Repeats: {fig.repeat_rule}. By chance: the repeats expected if the class's "
                "incidents fell at random. After fix: its prevent items were all done first.",
                column_config={"by_chance": "by chance", "beyond_chance": "beyond chance?"},
                column_order=["class", "repeats", "by_chance", "beyond_chance", "repeats_after_fix", "incidents"])
    st.subheader("Postmortem coverage")
    if not cov.exports_loaded:
        st.metric("Incidents with a postmortem", "unknown", f"no incident-tool export covers the period; "
                  f"{fmt.pct(cov.reviewed_share)} of {cov.incidents} postmortems reviewed",
                  delta_color="off", delta_arrow="off",
                  help="Every incident known here comes from a postmortem, so the share would read 100% by "
                       "construction. Load a PagerDuty, incident.io, FireHydrant or CSV incident export to "
                       "see how many incidents have none.")
    else:
        st.metric("Incidents with a postmortem", fmt.pct(cov.share),
                  f"{cov.with_postmortem} of {cov.incidents} known incidents; "
                  f"{fmt.pct(cov.reviewed_share)} reviewed", delta_color="off", delta_arrow="off",
                  help="Known incidents come from postmortems and incident-tool exports. "
                       + fmt.interval(cov.ci, percent=True)
                       + (". Incident-tool rows carry no team or class, so under a team or class filter "
                          "only postmortems count." if filters.teams or filters.classes else ""))
