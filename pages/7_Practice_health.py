"""Is the postmortem practice healthy? The six mistakes, measured."""
import streamlit as st

from metrics import charts_near_misses, practice, safe
from ui import setup

ctx = setup.open_page(__file__)
reader, filters, cfg = ctx.reader, ctx.filters, ctx.config
st.title("Practice health")
st.caption(f"{safe.markdown(filters.describe())} · six mistakes quietly kill a blameless practice; each row "
           "is the signal Hindsight can measure for one, against the period of the same length before "
           "(a verdict only when the 90% interval allows one). Near misses are always counted here.")
setup.definitions_link("Practice health")

signals = setup.data(practice.signals, reader, filters, cfg.min_sample)
if signals[0].n == 0:
    st.info("No postmortems under these filters. Widen the period or clear a filter in the sidebar.",
            icon=":material/filter_alt_off:")
    st.stop()
setup.table(practice.table(signals), "practice-health", None, column_config={
    "signal": None, "mistake": "Mistake", "measure": "Measured as", "value": "Value", "ci90": "90% CI",
    "change": "vs previous period", "shows": "What it can show", "cannot_show": "What it cannot show"})

st.subheader("The postmortems behind a signal")
names = {s.key: s.mistake for s in signals}
key = st.selectbox("Signal", list(names), format_func=names.get, key="practice_signal")
setup.table(setup.data(practice.behind, reader, filters, key), f"practice-{key}",
            "For the punishment signal: the postmortems written more than "
            f"{practice.LATE_DAYS} days after resolution.")

st.subheader("Blameful sentences, and a systemic rewrite")
setup.table(setup.data(practice.blame_sentences, reader, filters), "blameful-sentences",
            "Each sentence makes a person the cause; the rule that fired is named, and the rewrite asks what "
            "made that the easy thing to do. `hindsight lint` shows the same before the review.",
            column_config={"incident_id": "Incident", "title": "Title", "incident_date": "Date", "team": "Team",
                           "line": "Line", "sentence": "Sentence", "message": "Rule", "rewrite": "Ask instead",
                           "file_path": None})

left, right = st.columns(2)
with left:
    st.subheader("Coverage by severity")
    setup.table(setup.data(practice.coverage_by_severity, reader, filters), "coverage-by-severity",
                "Known incidents (postmortems and incident-tool exports) with a postmortem. Lower coverage "
                "at low severities means postmortems only for the big ones.",
                column_config={"severity_label": "Severity", "incidents": "Incidents",
                               "with_postmortem": "With postmortem",
                               "share": st.column_config.NumberColumn("Share", format="percent"),
                               "ci90_low": st.column_config.NumberColumn("90% CI low", format="percent"),
                               "ci90_high": st.column_config.NumberColumn("90% CI high", format="percent")})
with right:
    st.subheader("Near-miss droughts")
    setup.table(setup.data(practice.droughts, reader, filters), "near-miss-droughts",
                f"Teams with at least {practice.DROUGHT_MIN_INCIDENTS} incidents and no near miss reported in "
                f"the last {practice.DROUGHT_MONTHS} months of the period.",
                column_config={"team": "Team", "incidents": "Incidents", "near_misses": "Near misses",
                               "last_near_miss": "Last near miss"})

st.subheader("Near misses reported")
monthly = setup.data(practice.near_misses_by_month, reader, filters)
setup.chart(charts_near_misses.monthly_share(monthly, filters.describe(), cfg.min_sample))
setup.table(setup.data(practice.near_misses_by_team, reader, filters), "practice-near-misses-by-team",
            "Per team: near misses and incidents; a team that stops reporting near misses may have stopped "
            "feeling safe to.",
            column_config={"team": "Team", "near_misses": "Near misses", "incidents": "Incidents",
                           "reports": None, "ci90_low": None, "ci90_high": None,
                           "share": st.column_config.NumberColumn("Share", format="percent")})
