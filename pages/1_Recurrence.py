"""Which classes of incident keep coming back, and did the fix work."""
import functools
from datetime import date

import pandas as pd
import streamlit as st

from metrics import charts_recurrence, recurrence, recurrence_page, safe, suggest
from ui import setup

ctx = setup.open_page(__file__)
reader, filters, cfg = ctx.reader, ctx.filters, ctx.config
fig = setup.data(recurrence_page.figures, reader, filters, date.today(), cfg.min_sample, setup.SHOWN_ROWS)
st.title("Recurrence")
st.caption(f"{safe.markdown(filters.describe())} · incidents only (near misses never count as repeats). "
           f"A **repeat** has {fig.rule} (recurrence_key in hindsight.yaml); a **repeat "
           "after fix** came back although the earlier incident's prevent items were done.")
setup.definitions_link()

grid = fig.heatmap
if grid.empty:
    st.info("No incidents under these filters. Widen the period or clear a filter in the sidebar.",
            icon=":material/filter_alt_off:")
    st.stop()
setup.chart(charts_recurrence.class_month_heatmap(grid, filters.describe()))
if (missing := fig.unkeyed)[0]:
    st.warning(f"{missing[0]} of the {missing[1]} incidents here name no service, so under recurrence_key "
               f"{fig.key} they can neither repeat nor be repeated. Name their services (a Services line or "
               "front-matter `services:`), or set `recurrence_key: class` or `class+team` in hindsight.yaml.",
               icon=":material/link_off:")

st.subheader("By class")
per_class = fig.classes
setup.table(
    per_class, "recurrence-by-class",
    "Share: of all incidents under these filters (the class filter aside). Frequent: at least 20% of them. "
    "Novel: no incident of the class before the period (in the loaded data). Days between repeats: median "
    f"from each repeat back to the incident before it, with a 90% bootstrap interval; none below "
    f"{cfg.min_sample} repeats. The CSV has the figures as numbers.",
    column_config={
        "class": "Class", "incidents": "Incidents", "repeats": "Repeats",
        "expected_by_chance": st.column_config.TextColumn(
            "Expected by chance", help="Repeats expected if the class's incidents had started at random over the "
                                       "period (its own rate), with the range holding 90% of the chance count "
                                       "(Definitions: Expected by chance)"),
        "beyond_chance": st.column_config.TextColumn(
            "Beyond chance?", help="'more than chance' only when the repeats lie above that range: the class's "
                                   "incidents cluster, the same failure keeps coming back"),
        "repeats_after_fix": st.column_config.NumberColumn("Repeats after fix", help="Came back although "
                                                           "the earlier incident's prevent items were done"),
        "share": st.column_config.NumberColumn("Share", format="percent"),
        "frequent": "Frequent", "novel": "Novel",
        "days_between_repeats": "Median days between repeats",
        "first_in_period": st.column_config.DateColumn("First in period"),
    },
    column_order=["class", "incidents", "repeats", "expected_by_chance", "beyond_chance", "repeats_after_fix",
                  "share", "frequent", "novel", "days_between_repeats", "first_in_period"])

st.subheader("Still open from the incidents that came back")
items, listed = fig.open_items, fig.open_listed
if per_class["repeats"].sum() == 0:
    st.info("No class repeated under these filters.", icon=":material/check_circle:")
elif items.empty:
    st.success("Every action item of the earlier incidents that came back is done or dropped.")
else:
    setup.table(
        items, "recurrence-open-items",
        f"{listed} action items still open on the earlier incident that each repeat followed: "
        "the work that might have stopped it. Overdue: past the due date (or the SLA deadline) today.",
        total=listed, everything=functools.partial(recurrence.open_items, reader, filters, date.today()),
        column_config={
            "class": "Class", "earlier_date": st.column_config.DateColumn("Earlier incident on"),
            "earlier_incident": "Earlier incident", "action": "Action item", "owner": "Owner",
            "ticket": "Ticket", "ticket_status": "Tracker status", "deadline": st.column_config.DateColumn("Deadline"),
            "overdue": "Overdue", "came_back_on": st.column_config.DateColumn("Came back on"),
            "came_back_as": "Came back as", "class_items": "Open in class",
        })

st.subheader("Suggested classes for unclassified incidents")
suggested = fig.suggestions
if not suggested:
    st.caption(f"No group of {suggest.MIN_GROUP} or more unclassified incidents that read alike under these filters.")
for s in suggested:
    with st.expander(safe.markdown(f"{s.name}: {len(s.incidents)} incidents · {', '.join(s.terms)}")):
        st.caption("Incidents with no class whose words are alike (docs/METRICS.md, 'Suggested classes'). To accept: "
                   f"add this entry under taxonomy: in hindsight.yaml and re-ingest; its rule matches {s.matches} of "
                   f"these {len(s.incidents)}, and any future incident that says the same.")
        st.code(s.snippet, language="yaml")
        st.dataframe(pd.DataFrame(s.incidents, columns=["incident", "title", "date"]), hide_index=True,
                     placeholder="")
