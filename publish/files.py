"""The quarterly report as the bytes of each file format: one verb per format, shared by
``hindsight report`` and the dashboard's Report page."""
from __future__ import annotations

import json
import re
from datetime import date

from metrics import leadership
from metrics.db import Reader
from metrics.filters import Filters
from publish import pdf, render, svg


def file_stem(period_name: str, teams=()) -> str:
    """A download's file name without its extension: hindsight-report-2026Q3-payments.
    Team names come from documents: only letters, digits, '-' and '_' survive."""
    raw = "-".join(["hindsight-report", period_name, *teams])
    return re.sub(r"[^A-Za-z0-9_-]+", "_", raw)[:120]


def json_text(doc: dict) -> str:
    """The report's dict as the JSON file (and `report --json`) writes it."""
    return json.dumps(doc, indent=1) + "\n"


def json_file(reader: Reader, f: Filters, as_of: date, min_sample: int) -> str:
    return json_text(leadership.document(reader, f, as_of, min_sample))


def markdown_file(reader: Reader, f: Filters, as_of: date, min_sample: int) -> str:
    return render.markdown(leadership.document(reader, f, as_of, min_sample))


def html_file(reader: Reader, f: Filters, as_of: date, min_sample: int, warn=None) -> str:
    """One self-contained HTML file. Without a browser to draw charts with, the file
    has its tables and says why the charts are missing (and ``warn`` is told)."""
    with svg.Session() as session:   # the browser starts while the figures are computed
        doc = leadership.document(reader, f, as_of, min_sample)
        figures = leadership.charts(reader, f, min_sample)
        try:
            svgs, note = session.svgs(figures), None
        except svg.Unavailable as e:
            svgs, note = {}, str(e)
            if warn:
                warn(f"{e}; the report has its tables but no charts")
    return render.html(doc, svgs, note)


PREVIEW_NOTE = ("this preview shows them on its Charts tab; the HTML and PDF downloads draw them "
                "in place")


def preview_html(doc: dict) -> str:
    """The HTML file without its charts, for the Report page's preview: drawing them
    takes a headless browser seconds, so the page shows the same figures as its own
    charts and draws the file's only when it is downloaded."""
    return render.html(doc, None, PREVIEW_NOTE)


def pdf_file(reader: Reader, f: Filters, as_of: date, min_sample: int) -> bytes:
    """The HTML file printed by headless Chromium (publish.pdf.Unavailable without one)."""
    return pdf.pdf(html_file(reader, f, as_of, min_sample))
