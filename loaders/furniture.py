"""Repository furniture: files that sit beside postmortems but are not incidents.

A postmortem repository holds a README, a LICENSE, a CONTRIBUTING guide, a template to
copy and perhaps an index page of links. Loading them as incidents invents incidents
("Postmortem: ( )" with one action item ``<action>``); rejecting them as errors makes a
clean load exit 1. An ingest skips them with an info line instead.

Two rules, both about structure rather than particular files:
- by name (``by_name``), for files found by walking a folder: LICENSE, CONTRIBUTING,
  CHANGELOG and the like, the config file, and a file named only "template" (with words
  like postmortem, incident or report around it);
- by content (``by_content``), for any markdown file: front matter that says template,
  placeholder text (``<owner>``, ``YYYY-MM-DD``, ``[describe the impact]``, ``{{ title }}``
  but not a site generator's ``{{ site.url }}`` or a name the page assigns) in a document
  that names no real date, a page that is mostly a list of links, or a README / index
  page that holds no incident (a folder-per-incident archive keeps its postmortem in
  README.md or index.md, so those names alone never decide).
"""
from __future__ import annotations

import os
import re
from pathlib import PurePath

from loaders import lazy_re

# Lower-case file stems that are never incidents.
FURNITURE_STEMS = {
    "contributing", "license", "licence", "copying", "notice", "changelog", "changes",
    "code_of_conduct", "code-of-conduct", "security", "authors", "maintainers", "codeowners",
    "support", "governance",
}
# Stems that are usually furniture but may hold an incident (folder-per-incident archives).
INDEX_STEMS = {"readme", "index", "_index", "summary", "_sidebar", "sidebar", "toc", "home"}
CONFIG_NAMES = {"hindsight.yaml", "hindsight.yml", "hindsight.example.yaml"}
# Words a template's file name is made of: "postmortem-template", "incident_report_TEMPLATE".
_TEMPLATE_WORDS = {"template", "templates", "postmortem", "post", "mortem", "postmortems", "incident",
                   "report", "review", "rca", "pir", "blank", "example", "sample", "doc", "document",
                   "retro", "retrospective", "analysis", "root", "cause", "writeup", "write", "up"}


def by_name(path: str) -> str | None:
    """Why the file at ``path`` (or named ``path``) is furniture, judged by its name
    alone, or None."""
    lower = path.rpartition(os.sep)[2].lower()
    if lower in CONFIG_NAMES:
        return "a Hindsight config file"
    stem = lower.split(".", 1)[0]
    if stem in FURNITURE_STEMS:
        return "repository furniture (README, LICENSE, CONTRIBUTING, index...)"
    if "template" not in stem:   # (most names: spare the split)
        return None
    words = {w for w in re.split(r"[-_.\s]+", stem) if w}
    if "template" in words or "templates" in words:
        if words <= _TEMPLATE_WORDS:
            return "a template (by its file name)"
    return None


# Placeholder text that a template leaves for its writer to fill in.
_HTML_TAGS = {"a", "b", "i", "p", "br", "hr", "em", "strong", "code", "pre", "kbd", "sup", "sub", "div",
              "span", "img", "ul", "ol", "li", "table", "thead", "tbody", "tr", "td", "th", "details",
              "summary", "small", "u", "s", "del", "ins", "blockquote", "center", "font", "h1", "h2",
              "h3", "h4", "h5", "h6", "iframe", "video", "source", "picture", "figure", "figcaption",
              "mark", "abbr", "cite", "q", "dl", "dt", "dd", "section", "article", "nav", "aside",
              "header", "footer", "main", "button", "input", "label", "form", "select", "option",
              "textarea", "script", "style", "link", "meta", "noscript", "svg", "path", "g"}
_ANGLE = lazy_re.compile(r"<\s*/?\s*([A-Za-z][\w\s.'/-]{0,40}?)\s*/?>")
_PLACEHOLDERS = lazy_re.compile(
    r"\{\{\s*[A-Za-z_][\w. ]*\}\}"                                  # {{ title }} (not {{< shortcode >}})
    r"|\[(?:insert|describe|add|enter|your|name of|link to|list|summar|explain|who|what|when|why|how)"
    r"[^\]\n]{0,60}\]"                                              # [describe the impact]
    r"|\b(?:YYYY-MM-DD|YYYY/MM/DD|MM/DD/YYYY|DD/MM/YYYY|HH:MM(?::SS)?|hh:mm)\b"
    r"|\bX{2,}:X{2}\b", re.I)
# code: fenced, inline, and the HTML a site generator renders it as ("<pre>...</pre>")
_CODE = lazy_re.compile(r"```.*?```|~~~.*?~~~|`[^`\n]*`|<pre\b[^>]*>.*?</pre\s*>", re.S | re.I)
_LINK_LINE = lazy_re.compile(r"\[[^\]]+\]\([^)]+\)|https?://\S+")
_FM_TEMPLATE = lazy_re.compile(r"^(?:template|is_template)\s*:\s*(?:true|yes)\s*$"
                          r"|^(?:type|layout|kind)\s*:\s*[\"']?template[\"']?\s*$", re.I | re.M)


# A site generator's own variables are filled in when the page is built, not by a writer:
# Liquid's objects (Jekyll's {{ site.url }}, {{ page.title }}) and names the page itself
# sets with {% assign confs = "30" %} or {% capture %}.
_SITE_OBJECTS = {"site", "page", "layout", "include", "post", "paginator", "jekyll", "content", "forloop"}
_LIQUID_SET = lazy_re.compile(r"\{%-?\s*(?:assign|capture)\s+([A-Za-z_]\w*)")
_VARIABLE = lazy_re.compile(r"\{\{\s*([A-Za-z_]\w*)")


def placeholders(text: str) -> list[str]:
    """The placeholders a template would leave in ``text``, each time it is met (code and
    a site generator's variables ignored)."""
    prose = _CODE.sub(" ", text)
    built = _SITE_OBJECTS | set(_LIQUID_SET.findall(prose)) if "{{" in prose else _SITE_OBJECTS
    found = [m.group(0).lower() for m in _PLACEHOLDERS.finditer(prose)
             if not ((v := _VARIABLE.match(m.group(0))) and v.group(1) in built)]
    found += [m.group(0).lower() for m in _ANGLE.finditer(prose)
              if m.group(1).split()[0].strip("/").lower() not in _HTML_TAGS]
    return found


INDEX_REASON = "a README or index page that holds no incident (no date with a timeline or action items)"


def index_name(path: str) -> bool:
    """A README / index / SUMMARY file name: furniture unless it holds an incident."""
    return PurePath(path).name.lower().split(".", 1)[0] in INDEX_STEMS


def by_content(text: str, record: dict, path: str = "") -> str | None:
    """Why a document read as a postmortem is furniture, or None. ``record`` is what the
    parser read from it (its date, timeline and action items)."""
    if index_name(path) and not _holds_incident(record):
        return INDEX_REASON
    head = text[:4000]
    if head.startswith(("---", "+++")):
        end = head.find("\n" + head[:3], 3)
        if end > 0 and _FM_TEMPLATE.search(head[3:end]):
            return "a template (its front matter says so)"
    dated = bool(record.get("date"))
    timed = any(e.get("at") for e in record.get("timeline") or [])
    # a dated document with a timed timeline is no template whatever it holds: the
    # placeholders (a scan of the whole text) are counted only when they could decide
    found = placeholders(text) if not (dated and timed) else []
    # an undated document needs three different blanks: a template leaves an owner, a
    # date, the impact, while one token met on every line of a quoted log ("[listener]")
    # is the text's own; a dated one, eight in all
    different = len(set(found))
    title = record.get("title") or ""
    if not dated and (different >= 3 or re.search(r"\btemplate\b", title, re.I)):
        return f"a template ({different} placeholders such as <owner> or YYYY-MM-DD, and no date)"
    if len(found) >= 8 and not timed:
        return f"a template ({len(found)} placeholders and no timed timeline entry)"
    if _index_page(text, record):
        return "an index page (a list of links)"
    return None


def _holds_incident(record: dict) -> bool:
    return bool(record.get("date")) and bool(
        record.get("timeline") or record.get("action_items") or record.get("started_at"))


def _index_page(text: str, record: dict) -> bool:
    """Mostly links, no timeline, no action items, no date: a table of contents."""
    if record.get("timeline") or record.get("action_items") or record.get("date"):
        return False
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith(("#", "---", "+++"))]
    # (imported here: an unchanged re-ingest walks the files with this module and must not
    # load the parser)
    from loaders.postmortem.markdown import item_text

    links = sum(1 for ln in lines if _link_entry(item_text(ln) or ln))
    return links >= 3 and links >= 0.6 * len(lines)


def _link_entry(body: str) -> bool:
    """A line (a list item's text) that opens with its link ("[2019-01-23 Prow outage](2019-01-23.md)",
    "* Hermes logs: https://..."): an entry in a list of links. A link inside a sentence
    ("* The chain ran code at this [git commit](...)") is prose that cites something."""
    m = _LINK_LINE.search(body)
    return m is not None and len(body[:m.start()].split()) <= 2
