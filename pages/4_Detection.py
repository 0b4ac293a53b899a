"""Time to detect, mitigate and resolve: medians and p90 with intervals, per month or
quarter, the distribution, the share detected within a threshold, and the measure by
severity and by team. Near misses never enter these figures (docs/METRICS.md)."""
import streamlit as st

from metrics import charts_detection as charts
from metrics import detection, safe, stats
from metrics.charts_detection import minutes
from ui import format as fmt
from ui import setup

ctx = setup.open_page(__file__)
reader, filters, cfg = ctx.reader, ctx.filters, ctx.config
st.title("Detection and response")
st.caption(f"{safe.markdown(filters.describe())} · minutes from the start of impact, near misses excluded. "
           f"Medians and p90 with 90% bootstrap intervals; fewer than {cfg.min_sample} incidents give "
           "\"not enough data\".")
setup.definitions_link()

c = st.columns([3, 2, 2])
measure = c[0].radio("Time to", list(detection.MEASURES), key="measure", bind="query-params", horizontal=True,
                     help="From the start of impact to detection, to mitigation (impact ended) or to resolution.")
chosen = c[1].radio("Per", (detection.AUTO, *detection.BUCKETS), key="bucket", bind="query-params", horizontal=True,
                    help="auto: the finest of month, quarter and half-year in which most buckets have "
                         f"{cfg.min_sample} incidents.")
threshold = c[2].number_input("Detected within (minutes)", min_value=0, max_value=10080,
                              value=int(cfg.detect_threshold_minutes), step=1, key="threshold", bind="query-params",
                              help="The threshold of the share detected in time (config: detect_threshold_minutes, "
                                   f"{cfg.detect_threshold_minutes}).")
what = detection.label(measure)

s = setup.data(detection.summary, reader, filters, measure)
m = st.columns(4)
m[0].metric(f"Incidents with a {what}", s.n, help="Incidents in the period whose postmortem gives both times; "
            "near misses and negative durations excluded.")
if stats.enough(s.n, cfg.min_sample):
    m[1].metric(f"Median {what}", minutes(s.median), help=f"{fmt.interval(s.ci_median, ' min')} (bootstrap)")
    m[2].metric("90% interval of the median",
                f"{minutes(s.ci_median[0])} – {minutes(s.ci_median[1])}" if s.ci_median else "n/a")
    m[3].metric(f"p90 {what}", minutes(s.p90), help="9 in 10 incidents took at most this long.")
    st.caption(f"Mean (skewed, secondary): {minutes(s.mean)}. One long incident moves a mean; read the median.")
else:
    m[1].metric(f"Median {what}", "not enough data", f"n={s.n} < {cfg.min_sample}", delta_color="off",
                delta_arrow="off")
    if s.n == 0:
        st.info(f"No incidents with a {what} under these filters: widen the date range or clear a filter "
                "in the sidebar.", icon=":material/filter_alt_off:")

bucket = setup.data(detection.resolve, reader, filters, measure, chosen, cfg.min_sample)
trend = setup.data(detection.trend, reader, filters, measure, bucket, cfg.min_sample)
per = f"{bucket} (chosen: the finest in which most have n≥{cfg.min_sample})" if chosen == detection.AUTO else bucket
setup.chart(charts.trend(trend, what, per, cfg.min_sample, filters.describe()), key="trend")
with st.expander(f"Figures per {bucket}"):
    setup.table(trend.drop(columns="enough"), f"{measure}-per-{bucket}",
                f"Buckets with fewer than {cfg.min_sample} incidents have no figures.")

values = setup.data(detection.durations, reader, filters, measure)["minutes"].tolist()
setup.chart(charts.distribution(values, what, cfg.min_sample, filters.describe(),
                                threshold if measure == "detect" else None), key="distribution")

st.subheader(f"Detected within {minutes(threshold)}")
within = setup.data(detection.within_threshold, reader, filters, threshold, bucket, cfg.min_sample)
o = within["overall"]
if o["enough"]:
    st.metric(f"Share detected within {minutes(threshold)}", fmt.pct(o["share"]),
              f"{o['within']} of {o['n']} incidents; {fmt.interval([o['ci90_low'], o['ci90_high']], percent=True)}",
              delta_color="off", delta_arrow="off", help="Wilson score interval (90%).")
else:
    st.metric(f"Share detected within {minutes(threshold)}", "not enough data",
              f"n={o['n']} < {cfg.min_sample}", delta_color="off", delta_arrow="off")
setup.chart(charts.within_threshold(within, per, cfg.min_sample, filters.describe()), key="within")

st.subheader(f"{what.capitalize()} by severity and by team")
left, right = st.columns(2)
with left:
    setup.table(setup.data(detection.breakdown, reader, filters, measure, "severity", cfg.min_sample),
                f"{measure}-by-severity", f"Rows with fewer than {cfg.min_sample} incidents have no figures.")
with right:
    setup.table(setup.data(detection.breakdown, reader, filters, measure, "team", cfg.min_sample),
                f"{measure}-by-team", "Team: the postmortem's first team.")
