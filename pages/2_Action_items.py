"""Action items: do the things postmortems promise get done, on time, and by whom."""
import functools
from datetime import date

import streamlit as st

from metrics import actions, actions_page, closing, safe
from metrics import charts_actions as charts
from ui import format as fmt
from ui import setup

ctx = setup.open_page(__file__)
reader, filters, cfg = ctx.reader, ctx.filters, ctx.config
today = date.today()
st.title("Action items")
st.caption(f"Items of every incident and near miss dated in the period · {safe.markdown(filters.describe())} "
           f"· as of {today}.")
setup.definitions_link("Action items in a report")


def columns(df):
    """Rates as percentages (a ticket shows as ui/tables shows every ticket)."""
    return {c: st.column_config.NumberColumn(format="percent") for c in df.columns
            if c in ("completion", "on time") or c.endswith(("90% low", "90% high"))}


fig = setup.data(actions_page.figures, reader, filters, today, cfg.min_sample, setup.SHOWN_ROWS)
t = fig.totals
if t.total == 0:
    st.info("No action items under these filters: widen the period or clear a filter in the sidebar.",
            icon=":material/filter_alt_off:")
    st.stop()

c = st.columns(5)
c[0].metric("Action items", t.total, help="Items written in the period's postmortems (incidents and near misses).")
c[1].metric("Completion rate", fmt.pct(t.completion_rate), fmt.interval(t.completion_ci, percent=True),
            delta_color="off", delta_arrow="off",
            help=f"Done / (all - won't do) = {t.done} / {t.decided}.")
c[2].metric("On-time rate", fmt.pct(t.on_time_rate), fmt.interval(t.on_time_ci, percent=True),
            delta_color="off", delta_arrow="off",
            help=f"Done by the deadline / items done or past their deadline = {t.on_time} / "
                 f"{t.due_or_done}. A done item with no tracker date counts as on time.")
c[3].metric("Overdue", t.overdue, help="Open with a deadline before today (the due date, else the incident "
                                          "date + the SLA days of its severity).")
c[4].metric("Open", t.open, help="Neither done nor won't do.")
c = st.columns(5)
c[0].metric("Done", t.done, help="The tracker's status when the ticket is in a loaded export, else the "
                                    "document's.")
c[1].metric("Won't do", t.wont_do, help="Left out of both rates; listed at the bottom of the page.")
c[2].metric("Without owner", t.without_owner, help="All items, any status.")
c[3].metric("Without due date", t.without_due, help="All items, any status: their deadline comes from the SLA.")
c[4].metric("Without ticket", t.without_ticket, help="All items, any status.")

st.subheader("Closing at equal age")
eq = fig.equal_age
for col, w in zip(st.columns(3), fig.within):
    col.metric(f"Done within {w.days} days", fmt.within(w), f"n={w.eligible} · {fmt.interval(w.ci, percent=True)}",
               delta_color="off", delta_arrow="off",
               help=f"{fmt.within_note(w)}Of the items whose incident is at least {w.days} days old ({w.eligible}), {w.done} closed "
                    f"within {w.days} days of it. {w.too_recent} younger items and {w.undated_done} done items "
                    "without a close date are left out.")
st.caption(f"Compared at equal age, done within {closing.DAYS} days: {fmt.within(eq.before)} in the previous "
           f"period, {fmt.within(eq.now)} in this one · {fmt.verdict(eq.change, percent=True)}. "
           "Rates as of today favour old items, which have had longer to close.")
surv, undated = fig.survival, fig.undated
setup.chart(charts.time_to_close(surv, undated, filters.describe(), cfg.min_sample))

st.subheader("Over time")
by_month = fig.monthly
setup.chart(charts.monthly_rates(by_month, filters.describe(), cfg.min_sample))
with st.expander("Rates by month, as a table"):
    setup.table(by_month, "actions-by-month",
                f"Month of the incident date. Completion is done within {closing.DAYS} days of the incident, over "
                f"items at least that old (a younger month has none yet). A rate on fewer than {cfg.min_sample} "
                "items is not shown (not enough data).", column_config=columns(by_month))

flow = fig.flow
setup.chart(charts.flow(flow, filters.describe()))
if t.done_undated:
    st.caption(f"{t.done_undated} done items have no tracker resolution date (done by the document's word): "
               "they count as done in the completion and on-time rates, but cannot be placed in a month, "
               f"nor timed in 'done within {closing.DAYS} days' or the time to close.")

st.subheader("By team, owner and severity")
# one table at a time: three live tables (tabs draw every one) cost a browser more than a rerun
by = st.segmented_control("By", ["team", "owner", "severity"], default="team", format_func=str.capitalize,
                          key="actions_by", label_visibility="collapsed") or "team"
df = setup.data(actions.breakdown, reader, filters, today, by)
setup.table(df, f"actions-by-{by}", "n under each rate is its denominator; with few items the 90% interval is "
            "wide: read the rate with it.", column_config=columns(df))

st.subheader(f"Overdue ({t.overdue})")
overdue = fig.overdue
if overdue.empty:
    st.success("No open item is past its deadline.")
else:
    setup.table(overdue, "overdue-actions", f"Open items whose deadline is before {today}, most overdue first. "
                "Deadline: the due date, else the incident date + the SLA days of its severity.",
                column_config=columns(overdue), total=t.overdue,
                everything=functools.partial(actions.overdue, reader, filters, today))

st.subheader(f"Age of open items ({t.open})")
ages = fig.open_ages
setup.chart(charts.open_age(ages["age_days"], actions.age_summary(ages["age_days"], cfg.min_sample),
                            filters.describe(), cfg.min_sample))

wishes = fig.wishes
st.subheader(f"Wishes ({t.wishes})")
if wishes.empty:
    st.success("Every item has an owner, a due date and a ticket.")
else:
    setup.table(wishes, "action-wishes", "Items with no owner, no due date or no ticket (won't-do items excluded), "
                "open ones first: without all three an item tends to stay a wish.", column_config=columns(wishes),
                total=t.wishes, everything=functools.partial(actions.wishes, reader, filters, today))

wont = fig.wont_do
st.subheader(f"Won't do ({t.wont_do})")
if wont.empty:
    st.caption("No item was marked won't do.")
else:
    setup.table(wont, "wont-do-actions", "Decided against: out of every rate's denominator.",
                column_config=columns(wont), total=t.wont_do,
                everything=functools.partial(actions.wont_do, reader, filters, today))
