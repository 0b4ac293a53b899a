"""Weekly review: what a Monday-to-Sunday week brings to the SRE review meeting, and the
meeting's agenda as a markdown file."""
from datetime import date

import streamlit as st

from metrics import repeats, safe, weekly
from ui import setup

ctx = setup.open_page(__file__)
reader, filters = ctx.reader, ctx.filters
today = date.today()
st.title("Weekly review")

# The "newest week" button below asks for a week through "weekly_jump"; a widget whose
# value is set through session state takes no default (Streamlit warns otherwise).
jump = st.session_state.pop("weekly_jump", None)
if jump is not None:
    st.session_state["week"] = jump
picked = st.date_input("Week", value=None if jump is not None else weekly.default_week(today), key="week",
                       bind="query-params", format="YYYY-MM-DD", width=260,
                       help="Any day of the week: weeks run Monday to Sunday. The default is the last complete week.")
if picked is None:  # the field was cleared
    picked = weekly.default_week(today)
r = setup.data(weekly.review, reader, filters, picked, setup.SHOWN_ROWS)
start = r.week_start
st.caption(f"Week: {safe.markdown(r.describe)} (Monday to Sunday) · the sidebar's period does not apply "
           "here, the week does; the other filters do. Lists are as of the week's end.")


def show_latest_week():
    st.session_state["weekly_jump"] = weekly.week_of(r.latest)[0]


if r.new.empty:
    msg = f"No incident or near miss is dated in the week of {start}."
    if r.latest is not None and r.latest < start:
        msg += f" The newest postmortem under these filters is dated {r.latest}."
    st.info(msg + " Pick another week above to review it; postmortems awaiting review and action items due or "
            "overdue are still listed below.", icon=":material/event_busy:")
    if r.latest is not None and weekly.week_of(r.latest)[0] != start:
        st.button(f"Show the week of {weekly.week_of(r.latest)[0]} (newest postmortem)", on_click=show_latest_week,
                  icon=":material/history:")

c = st.columns(5)
c[0].metric("New incidents and near misses", len(r.new),
            help="Postmortems dated in the week; near misses count here (they are worth a look too).")
c[1].metric("Repeats", len(r.repeats), help=f"This week's incidents that have {setup.data(repeats.rule, reader)}.")
c[2].metric("Awaiting review", r.awaiting_total,
            help="Postmortems of any date whose status is set and that were not reviewed by the week's end.")
c[3].metric("Due this week", len(r.due), help="Action items whose deadline falls in the week.")
c[4].metric("Overdue", r.overdue_total, f"{r.overdue_stale} more than a year" if r.overdue_stale else None,
            delta_color="off",
            delta_arrow="off", help=f"Open at the week's end with a deadline before it; the agenda lists the "
                                    f"{weekly.AGENDA_ITEMS} most important. Items overdue for over a year are "
                                    "history: the Action items page lists them.")

md = weekly.agenda_markdown(r)
st.download_button("Copy as markdown", md, file_name=f"hindsight-weekly-{start}.md", mime="text/markdown",
                   icon=":material/content_copy:", on_click="ignore", type="primary",
                   help="The agenda below as a markdown file, for the meeting notes.")
with st.expander("Agenda preview (markdown)"):
    st.code(md, language="markdown")

LABELS = {"incident_date": "date", "incident_class": "class", "postmortem_status": "status",
          "days_since_incident": "days since incident", "days_overdue": "days overdue",
          "incident_title": "incident", "predecessor_title": "repeats", "predecessor_date": "earlier incident on",
          "days_since": "days since it", "after_fix": "after fix", "predecessor_id": "earlier incident id",
          "written_on": "written", "done_on": "done on", "incident_id": "id"}


def show(df, name, caption, order, **listing):
    """``listing``: ``total`` and ``everything`` when ``df`` holds only a list's first rows."""
    config = {c: st.column_config.Column(LABELS.get(c, c.replace("_", " "))) for c in order}
    setup.table(df, name, caption, column_order=[c for c in order if c in df.columns], column_config=config,
                **listing)


def full_review():
    """The week's lists uncut, for a CSV download (read when its button is clicked)."""
    return weekly.review(reader, filters, start)


def with_severity(items):
    """Action items with their severity under the column name the tables show."""
    return items.assign(severity=items["severity_label"])


st.subheader(f"New incidents and near misses ({len(r.new)})")
if r.new.empty:
    st.caption("None dated this week.")
else:
    show(r.new, "weekly-new", f"Resembles: the earlier postmortem this one reads most like, when their similarity "
         f"is at least {weekly.RESEMBLES:.2f} (docs/METRICS.md, 'Similar incidents').",
         ["incident_date", "kind", "title", "resembles", "severity", "team", "incident_class",
                                        "postmortem_status", "owner", "incident_id"])

st.subheader(f"Repeats ({len(r.repeats)})")
if r.repeats.empty:
    st.caption("No incident this week repeats an earlier one (the same class and recurrence key, within the window).")
else:
    rep = r.repeats.assign(after_fix=r.repeats["repeat_after_fix"].map({True: "yes", False: "no"}),
                              days_since=r.repeats["days_since_predecessor"].round(1))
    show(rep, "weekly-repeats", "After fix: every action item of the earlier incident (won't-do aside) was done "
         "before this one started, so the fix did not address the cause.",
         ["incident_date", "title", "incident_class", "team", "predecessor_title", "predecessor_date",
          "days_since", "after_fix", "predecessor_id"])

st.subheader(f"Postmortems awaiting review ({r.awaiting_total})")
if r.awaiting_review.empty:
    st.caption("Every postmortem up to the week's end is reviewed.")
else:
    show(r.awaiting_review, "weekly-awaiting-review",
         "Not reviewed by the week's end, oldest first; days counted from the incident date to the week's end. "
         "Quality: the postmortem's score, 0-100 (`hindsight lint` lists what it lacks).",
         ["incident_date", "days_since_incident", "title", "kind", "severity", "team", "postmortem_status",
          "owner", "written_on", "quality", "incident_id"],
         total=r.awaiting_total, everything=lambda: full_review().awaiting_review)

ACTION_COLUMNS = ["state", "days_overdue", "deadline", "action", "owner", "severity", "ticket", "status",
                  "incident_title", "team", "done_on"]
st.subheader(f"Action items due this week ({len(r.due)})")
if r.due.empty:
    st.caption("Nothing due this week.")
else:
    show(with_severity(r.due), "weekly-due",
         "Deadline in the week: open at its end (due) or done. Deadline: the due date, else the incident date + "
         "the SLA days of its severity.", ACTION_COLUMNS)

top = r.overdue.head(weekly.AGENDA_ITEMS)
st.subheader(f"The {weekly.AGENDA_ITEMS} most important overdue items (of {r.overdue_total})")
if top.empty:
    st.caption("Nothing overdue at the week's end" + (f" but {r.overdue_stale} items overdue for over a year."
                                                       if r.overdue_stale else "."))
else:
    show(with_severity(top), "weekly-overdue",
         "Most severe first, then longest overdue" + (f"; {r.overdue_total - len(top)} more below"
                                                       if r.overdue_total > len(top) else "")
         + (f". {r.overdue_stale} items overdue for over a year are left to the Action items page."
            if r.overdue_stale else "."), ACTION_COLUMNS)
    if r.overdue_total > len(top):
        with st.expander(f"All {r.overdue_total} overdue items"):
            show(with_severity(r.overdue), "weekly-overdue-all",
                 "Most severe first, then longest overdue.", ACTION_COLUMNS, total=r.overdue_total,
                 everything=lambda: with_severity(full_review().overdue))
