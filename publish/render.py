"""The quarterly report (metrics/leadership.py's dict) as HTML and markdown, from the
Jinja2 templates in publish/templates/. HTML is autoescaped and self-contained (styles
and SVG charts inline, no script, no request to any host); links go only to http(s)
ticket addresses (metrics.safe.link). Markdown passes every text from documents through
metrics.safe, so a title can never become a link, an image or HTML."""
from __future__ import annotations

from pathlib import Path

import jinja2

from metrics import safe

TEMPLATES = Path(__file__).resolve().parent / "templates"
METRICS = Path(__file__).resolve().parent.parent / "docs" / "METRICS.md"
DEFINITIONS = "## The quarterly report"


def value(v, unit: str) -> str:
    """A headline's value as the report prints it."""
    if v is None:
        return "not enough data" if unit in ("percent", "minutes") else "-"
    if unit == "percent":
        return f"{v:.0%}"
    if unit == "minutes":
        return f"{v:.0f} min"
    return f"{v:,}"


def headline(h: dict) -> str:
    """A headline's own value, or why it has none though there is something to count
    ("unknown: no incident-tool export covers the period")."""
    return f"unknown: {h['unknown']}" if h.get("unknown") else value(h["value"], h["unit"])


def change(c: dict, unit: str) -> str:
    """A change and its verdict: "+7 pts · no clear change", "+3" for a count."""
    d = c.get("delta")
    if d is None:
        return "not enough data"
    amount = {"percent": f"{d * 100:+.0f} pts", "minutes": f"{d:+.0f} min"}.get(unit, f"{d:+,}")
    return f"{amount} · {c['verdict']}" if c.get("verdict") else amount


def interval(ci, unit: str) -> str:
    if not ci or ci[0] is None or ci[1] is None:
        return ""
    if unit == "percent":
        return f"90%: {ci[0]:.0%}–{ci[1]:.0%}"
    return f"90%: {ci[0]:.0f}–{ci[1]:.0f} min"


def definitions() -> str:
    """The report's section of docs/METRICS.md (its one home), without its heading."""
    text = METRICS.read_text(encoding="utf-8")
    start = text.index(DEFINITIONS) + len(DEFINITIONS)
    end = text.find("\n## ", start)
    return text[start:end if end >= 0 else None].strip()


def _env(autoescape: bool) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=autoescape,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True)
    env.filters.update(value=value, headline=headline, change=change, interval=interval, link=safe.link,
                       md=safe.markdown_text, md_link=safe.markdown_link)
    return env


def html(doc: dict, svgs: dict[str, str] | None = None, charts_note: str | None = None) -> str:
    """One self-contained HTML file. ``svgs``: the charts (publish/svg.py); without them
    ``charts_note`` says why."""
    from markdown_it import MarkdownIt

    defs = MarkdownIt("commonmark").enable("table").render(definitions())  # our own file, not a document's
    return _env(True).get_template("report.html.j2").render(
        doc=doc, svgs=svgs or {}, charts_note=charts_note, definitions=jinja2.utils.markupsafe.Markup(defs))


def markdown(doc: dict) -> str:
    """The report for a wiki or a document: the same sections and figures, no charts."""
    return _env(False).get_template("report.md.j2").render(doc=doc, definitions=definitions())
