"""The quarterly leadership report: pick the quarter and teams, preview it (its charts on
a tab of their own), download it as HTML, markdown, JSON or PDF (the same files
`hindsight report --format ...` writes). The sidebar's filters other than the period
carry over."""
import functools
from dataclasses import replace
from datetime import date

import streamlit as st

from metrics import leadership, periods, safe
from metrics.filters import choices
from publish import files, pdf, render
from ui import setup

ctx = setup.open_page(__file__)
reader, filters, cfg = ctx.reader, ctx.filters, ctx.config
today = date.today()
st.title("Quarterly report")
st.caption("One file to send, print or paste into slides: the same figures as the dashboard, each quarter "
           "compared with the one before and the same quarter a year earlier. "
           "`hindsight report --format html|pdf|md|json` writes the same files. The quarter below replaces "
           "the sidebar's period; its other filters carry over.")
setup.definitions_link("The quarterly report")

quarters, default = setup.data(leadership.quarters, reader, today)
c = st.columns([1, 3])
name = c[0].selectbox("Quarter", quarters, index=quarters.index(default), key="quarter", bind="query-params",
                      help="Quarters that hold incidents, newest first; the default is the last complete one.")
teams = c[1].multiselect("Teams", setup.data(choices, reader).teams, default=list(filters.teams),
                         placeholder="All teams", help="Starts from the sidebar's team filter.")
q = periods.quarter(name)
f = replace(filters, date_from=q.date_from, date_to=q.date_to, teams=tuple(teams))
st.caption(f"This report: {safe.markdown(f.describe())}.")

doc = setup.data(leadership.document, reader, f, today, cfg.min_sample)
stem = files.file_stem(name, teams)
d = st.columns(4)
d[0].download_button("HTML", functools.partial(files.html_file, reader, f, today, cfg.min_sample), f"{stem}.html",
                     "text/html", icon=":material/download:", on_click="ignore",
                     help="One self-contained file: opens offline, prints with a page per section. "
                          "Its charts are drawn when you download it (a few seconds).")
d[1].download_button("Markdown", render.markdown(doc), f"{stem}.md",
                     "text/markdown", icon=":material/download:", help="For a wiki page or a document.")
d[2].download_button("JSON", files.json_text(doc), f"{stem}.json",
                     "application/json", icon=":material/download:", help="Every figure, as `report --json`.")
if pdf.browser() is None:
    d[3].caption(pdf.HOW)
elif d[3].button("Make the PDF", icon=":material/picture_as_pdf:", help="Printed by headless Chromium."):
    with st.spinner("Printing the PDF..."):
        d[3].download_button("PDF", setup.data(files.pdf_file, reader, f, today, cfg.min_sample), f"{stem}.pdf",
                             "application/pdf", icon=":material/download:")

preview, charts = st.tabs(["Report", "Charts"])
preview.iframe(files.preview_html(doc), height=1100)
with charts:
    for key, fig in setup.data(leadership.charts, reader, f, cfg.min_sample).items():
        setup.chart(fig, key=f"report-{key}")
