"""AsciiDoc and Org, the two other plain-text markups postmortems are kept in, and MDX's
own lines, written as the markdown the parser reads (as wiki_markup does for Jira's): a
review kept in a docs site's ``.adoc`` pages or in an engineer's Org notes keeps its
``== Timeline``, ``|===`` tables and ``. item`` lists, or its ``* Timeline`` headings,
``[2025-05-15 Thu 09:12]`` stamps and ``DEADLINE:`` lines.

``from_asciidoc(lines)``, ``from_org(lines)`` and ``from_mdx(lines)`` are pure functions of
the lines: the same number of lines, each rewritten where it stands (a problem record's
line number still names the line as written), or None when the text is not in that
markup. ``as_markdown`` is the one place the parser asks: a page exported whole as HTML
(``html_page.from_html_page``), a deck exported to text (``slides.from_slides``), Jira's
markup, AsciiDoc, Org, then MDX, and a CMS
export's HTML tables and lists (``from_html_blocks``) in any of them.

- AsciiDoc: the first line is a document title (``= Title``) and a section (``==``)
  follows, or two sections stand alone; and no line is a markdown heading.
- Org: a ``#+TITLE:`` line, or an Org heading (``* Name``) beside another ``#+KEY:``
  line; and no line is a markdown heading or a table's ``|---|`` row. (A ``*`` item
  alone says nothing: a bullet in markdown.)
"""
from __future__ import annotations

import html
import re

from loaders import lazy_re
from loaders.postmortem.html_page import from_html_page
from loaders.postmortem.markdown import MD_HEADING, QUOTE_MARK
from loaders.postmortem.slides import from_slides
from loaders.postmortem.vocabulary import section_kind
from loaders.postmortem.wiki_markup import from_dokuwiki, from_jira_wiki, from_mediawiki, single_star_bold

_MD_TABLE_RULE = lazy_re.compile(r"^\s*\|\s*:?-{3,}")

# ----------------------------------------------------------------------------- AsciiDoc

_ADOC_TITLE = lazy_re.compile(r"^=\s+\S")
_ADOC_SECTION = lazy_re.compile(r"^(={1,6})\s+(\S.*?)\s*=*\s*$")
_ADOC_ATTRIBUTE = lazy_re.compile(r"^:([A-Za-z][\w-]*):\s*(.*)$")
_ADOC_BLOCK_ATTRIBUTES = lazy_re.compile(r"^\[[^\]\n]*\]\s*$")       # "[abstract]", "[cols="1,5"]", "[source,sql]"
_ADOC_COLS = lazy_re.compile(r"""cols\s*=\s*"?([^",\]]+(?:,[^",\]]+)*)"?""")
_ADOC_DELIMITED = lazy_re.compile(r"^(?:-{4,}|\.{4,})\s*$")            # listing and literal blocks
_ADOC_ORDERED = lazy_re.compile(r"^(\.{1,5})\s+(\S.*)$")
_ADOC_BULLET = lazy_re.compile(r"^(\*{1,5}|-)\s+(\S.*)$")
_ADOC_BLOCK_TITLE = lazy_re.compile(r"^\.([^\s.].*)$")                # ".Key facts"
_ADOC_LINK = lazy_re.compile(r"(?:link:)?(https?://[^\s\[]+)\[([^\]\n]*)\]")
_ADOC_XREF = lazy_re.compile(r"<<[^,>\n]+,\s*([^>\n]+)>>|<<([^>\n]+)>>")


def is_asciidoc(lines: list[str]) -> bool:
    """Whether the text is written in AsciiDoc (see the module's docstring)."""
    first = next((ln for ln in lines if ln.strip()), "")
    sections = 0
    for k, line in enumerate(lines):
        if line[:1] == "#" and MD_HEADING.match(line):
            return False
        if line[:2] == "==" and _ADOC_SECTION.match(line):
            sections += 1
        elif k and line[:3] in ("---", "===") and _setext_underline(lines[k - 1], line):
            # "SUMMARY" over "-------": a plain text's heading underlined to its length, where
            # AsciiDoc's "----" opens a listing block ("== Mon 15 Sep ==" its day lines)
            return False
    return sections >= 2 or (sections >= 1 and bool(_ADOC_TITLE.match(first)))


def _setext_underline(above: str, line: str) -> bool:
    """Is ``line`` only dashes or only equals signs, as long as the text line above it
    (within one), that text opening with a letter or a digit?"""
    rule = line.rstrip()
    return len(set(rule)) == 1 and above[:1].isalnum() and abs(len(above.rstrip()) - len(rule)) <= 1


def _adoc_inline(text: str) -> str:
    if "[" in text:
        text = _ADOC_LINK.sub(lambda m: f"[{m.group(2) or m.group(1)}]({m.group(1)})", text)
    if "<<" in text:
        text = _ADOC_XREF.sub(lambda m: m.group(1) or m.group(2), text)
    if " -- " in text:
        text = text.replace(" -- ", " — ")
    return single_star_bold(text)


def _columns(attributes: str | None, first_row: str) -> int:
    """How many columns a table has: its ``cols`` attribute's count ("1,5" or "3*"), else
    the cells of its first row."""
    if attributes and (m := _ADOC_COLS.search(attributes)):
        spec = m.group(1).strip()
        if spec[:1].isdigit() and "*" in spec:
            return int(spec.split("*")[0])
        return len(spec.split(","))
    return max(1, first_row.count("|"))


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip()[1:].split("|")]


def from_asciidoc(lines: list[str]) -> list[str] | None:
    """The lines as markdown, one for one, or None when they are not AsciiDoc."""
    if not is_asciidoc(lines):
        return None
    out: list[str] = []
    fenced = False
    table: dict | None = None          # the table being read: its columns, the cells so far
    attributes: str | None = None      # the block attribute line just above
    for line in lines:
        if fenced:
            fenced = not _ADOC_DELIMITED.match(line)
            out.append(line if fenced else "```")
            continue
        if table is not None:
            if line.startswith("|==="):
                table = None
                out.append("")
            elif line.startswith("|"):
                if table["width"] is None:   # the first row: the header, on the "|===" line above
                    table["width"] = _columns(table["attributes"], line)
                    out[table["opening"]] = "| " + " | ".join(_adoc_inline(c) for c in _cells(line)) + " |"
                    out.append("|" + "---|" * table["width"])
                    continue
                table["cells"].extend(_cells(line))
                if len(table["cells"]) >= table["width"]:
                    row, table["cells"] = table["cells"], []
                    out.append("| " + " | ".join(_adoc_inline(c) for c in row) + " |")
                else:
                    out.append("")   # (a row written a cell a line: it is written out on its last line)
            else:
                out.append(_adoc_inline(line))
            continue
        if line.startswith("|==="):
            table = {"width": None, "cells": [], "attributes": attributes, "opening": len(out)}
            attributes = None
            out.append("")
            continue
        attributes = None
        if line[:1] == "=" and (m := _ADOC_SECTION.match(line)):
            out.append("#" * len(m.group(1)) + " " + _adoc_inline(m.group(2)))
        elif line[:1] == ":" and (m := _ADOC_ATTRIBUTE.match(line)):
            out.append(f"**{m.group(1).replace('-', ' ')}:** {m.group(2)}" if m.group(2) else "")
        elif line[:1] == "[" and _ADOC_BLOCK_ATTRIBUTES.match(line):
            attributes = line
            out.append("")
        elif _ADOC_DELIMITED.match(line):
            fenced = True
            out.append("```")
        elif line[:1] == "." and (m := _ADOC_ORDERED.match(line)):
            out.append("   " * (len(m.group(1)) - 1) + "1. " + _adoc_inline(m.group(2)))
        elif line[:1] in "*-" and (m := _ADOC_BULLET.match(line)):
            depth = len(m.group(1)) if m.group(1) != "-" else 1
            out.append("  " * (depth - 1) + "- " + _adoc_inline(m.group(2)))
        elif line[:1] == "." and (m := _ADOC_BLOCK_TITLE.match(line)):
            out.append(f"**{m.group(1).strip()}**")
        elif line[:2] == "//" or line.strip() == "+":
            out.append("")   # a comment; a list item's continuation mark
        else:
            out.append(_adoc_inline(line))
    return out


# ---------------------------------------------------------------------------------- Org

_ORG_KEYWORD = lazy_re.compile(r"^#\+([A-Za-z_]+):\s*(.*)$")
_ORG_HEADING = lazy_re.compile(r"^(\*+)\s+(.*?)(?:\s+(:[\w@#%:]+:))?\s*$")
# a task: "** TODO Pin the heartbeat", "** DONE [#A] Restart consumers", "** CANCELLED Buy ..."
_ORG_TASK = lazy_re.compile(r"^(?:TODO|NEXT|STARTED|WAITING|HOLD|DONE|CANCELL?ED)\b")
_ORG_PRIORITY = lazy_re.compile(r"^\[#[A-Z0-9]\]\s*")
_ORG_BLOCK = lazy_re.compile(r"^\s*#\+(begin|end)_(\w+)", re.I)
_ORG_STAMP = lazy_re.compile(r"[\[<](\d{4}-\d{2}-\d{2})(?:\s+[^\W\d]{2,9}\.?)?(?:\s+(\d{1,2}:\d{2})(?:-\d{1,2}:\d{2})?)?"
                             r"(?:\s+[.+-]+\d+[hdwmy])*[\]>]")
_ORG_PLANNING = lazy_re.compile(r"^(\s*)(DEADLINE|SCHEDULED|CLOSED):\s*")
_ORG_PLANNED_LATER = lazy_re.compile(r"\s+(DEADLINE|SCHEDULED|CLOSED):\s*")
_ORG_DRAWER = lazy_re.compile(r"^\s*:([A-Za-z_]+):\s*$")
_ORG_PROPERTY = lazy_re.compile(r"^(\s*):([A-Za-z_]+):\s+(\S.*?)\s*$")
# the properties a task's drawer holds that are its fields
_ORG_FIELDS = frozenset({"OWNER", "ASSIGNEE", "ASSIGNED", "ASSIGNED_TO", "WHO", "TICKET", "ISSUE", "JIRA", "LINK",
                         "DUE", "STATUS"})
_ORG_LINK = lazy_re.compile(r"\[\[([^\]\n]+)\]\[([^\]\n]+)\]\]|\[\[([^\]\n]+)\]\]")
_ORG_CODE = lazy_re.compile(r"(?<![\w=~])[=~]([^\s=~](?:[^=~\n]*[^\s=~])?)[=~](?![\w=~])")
# What an Org keyword line says, in the words the parser reads: #+DATE is when the note
# was written (the incident's own day is in its text)
_ORG_KEYS = {"date": "Written", "author": "Author", "filetags": "Tags", "category": "Category"}
_PLANNED = {"DEADLINE": "due", "SCHEDULED": "planned", "CLOSED": "done"}


def _task_words(lines: list[str]) -> tuple[set, list]:
    """The task keywords a "#+TODO:" (or "#+SEQ_TODO:", "#+TYP_TODO:") line declares: those
    before its bar still to do, those after it finished, in order."""
    opened: set = set()
    closed: list = []
    for line in lines:
        if line[:2] == "#+" and (m := _ORG_TODO_LINE.match(line)):
            before, _, after = m.group(1).partition("|")
            words = [w.split("(")[0] for w in before.split()]
            if not after:   # (no bar: the last word is the finished state)
                words, after = words[:-1], words[-1] if words else ""
            opened.update(words)
            closed += [w.split("(")[0] for w in after.split()]
    return opened, closed


_ORG_TODO_LINE = lazy_re.compile(r"^#\+(?:SEQ_|TYP_)?TODO:\s*(.*)$", re.I)


# a description list's item: "- Datum :: måndag 2025-03-31"
_ORG_DESCRIPTION = lazy_re.compile(r"^(\s*[-+]\s+)(\S[^:\n]{0,60}?)\s+::\s+(.*)$")


def is_org(lines: list[str]) -> bool:
    """Whether the text is written in Org (see the module's docstring)."""
    titled = keywords = headings = 0
    for line in lines:
        if line[:1] == "#":
            if MD_HEADING.match(line):
                return False
            if (m := _ORG_KEYWORD.match(line)):
                keywords += 1
                titled += m.group(1).lower() == "title"
        elif line[:1] == "*" and line[:2] != "**" and _ORG_HEADING.match(line):
            headings += 1
        elif line[:1] == "|" and _MD_TABLE_RULE.match(line) and "+" not in line:
            return False   # (Org's own rule crosses its columns with "+": "|------+------|")
    return bool(titled) or (keywords >= 1 and headings >= 2)


_ORG_TABLE_RULE = lazy_re.compile(r"^\s*\|[-+]+\|?\s*$")


def _org_tables(lines: list[str]) -> dict[int, str]:
    """Org's tables as pipe tables, line for line: the rule under a table's first row its
    delimiter row, a later rule (between groups of rows) an empty row the reader skips, and
    a table of two columns with no rule at all (no header) its fields ("| Severity | Critical |"
    -> "**Severity:** Critical")."""
    out: dict[int, str] = {}
    k = 0
    while k < len(lines):
        if lines[k].lstrip()[:1] != "|":
            k += 1
            continue
        end = k
        while end < len(lines) and lines[end].lstrip()[:1] == "|":
            end += 1
        rows = [j for j in range(k, end) if not _ORG_TABLE_RULE.match(lines[j])]
        cells = {j: [c.strip() for c in lines[j].strip().strip("|").split("|")] for j in rows}
        width = max((len(c) for c in cells.values()), default=0)
        if len(rows) == end - k and width == 2 and all(len(c) == 2 and c[0] for c in cells.values()):
            for j in rows:
                out[j] = f"**{_org_inline(cells[j][0]).strip('*: ')}:** {_org_inline(cells[j][1])}"
        else:
            for j in range(k, end):
                if j not in cells:
                    out[j] = "|" + "---|" * width if j == k + 1 else "|" + " |" * width
        k = end
    return out


def _stamp(m) -> str:
    return m.group(1) + (" " + m.group(2) if m.group(2) else "")


def _org_inline(text: str) -> str:
    if "[" in text or "<" in text:
        text = _ORG_STAMP.sub(_stamp, text)
        text = _ORG_LINK.sub(lambda m: f"[{m.group(2)}]({m.group(1)})" if m.group(1) else m.group(3), text)
    if "=" in text or "~" in text:
        text = _ORG_CODE.sub(lambda m: f"`{m.group(1)}`", text)
    return single_star_bold(text)


def from_org(lines: list[str]) -> list[str] | None:
    """The lines as markdown, one for one, or None when they are not Org."""
    if not is_org(lines):
        return None
    titled = any((m := _ORG_KEYWORD.match(ln)) and m.group(1).lower() == "title" for ln in lines if ln[:2] == "#+")
    opened, closed = _task_words(lines)
    out: list[str] = []
    fenced = False
    hidden: int | None = None     # the depth of a ":noexport:" heading whose subtree is being left out
    drawer = False
    tables = _org_tables(lines)
    for k, line in enumerate(lines):
        if k in tables and not fenced and hidden is None:
            out.append(tables[k])
            continue
        heading = _ORG_HEADING.match(line) if line[:1] == "*" else None
        if heading and hidden is not None and len(heading.group(1)) <= hidden:
            hidden = None
        if hidden is not None:
            out.append("")   # (Org's export leaves a ":noexport:" subtree out: private notes)
            continue
        if fenced:
            if (b := _ORG_BLOCK.match(line)) and b.group(1).lower() == "end":
                fenced = False
                out.append("```")
            else:
                out.append(line)
            continue
        if drawer:
            # (a task's properties say who owns it and where it is tracked: ":OWNER: Ben
            # Harrow", ":TICKET: STRM-731", kept as the item's fields)
            prop = _ORG_PROPERTY.match(line) if drawer == "PROPERTIES" else None
            out.append(f"{prop.group(1)}{prop.group(2).replace('_', ' ').capitalize()}: {_org_inline(prop.group(3))}"
                       if prop and prop.group(2).upper() in _ORG_FIELDS else "")
            if line.strip().upper() == ":END:":
                drawer = False
            continue
        if heading:
            tags = (heading.group(3) or "").lower()
            if ":noexport:" in tags:
                hidden = len(heading.group(1))
                out.append("")
                continue
            text = heading.group(2)
            first = text.split(None, 1)[0] if text.strip() else ""
            if (task := _ORG_TASK.match(text)) or first in opened or first in closed:
                # a task heading is a task: a checkbox, ticked when done, said cancelled when it
                # was (by the keywords a "#+TODO:" line declares too: "TODO PÅGÅR | DONE CANCELLED",
                # those after the bar finished, the last of several a cancellation)
                word = task.group() if task else first
                rest = _org_inline(_ORG_PRIORITY.sub("", text[len(word):].strip()))
                cancelled = word.startswith("CANCEL") or (word in closed and len(closed) > 1 and word == closed[-1])
                done = word == "DONE" or (word in closed and not cancelled)
                out.append(f"- [x] {rest}" if done and not cancelled else
                           f"- [ ] {rest} (cancelled)" if cancelled else f"- [ ] {rest}")
            else:
                out.append("#" * min(6, len(heading.group(1)) + titled) + " " + _org_inline(text))
        elif line[:2] == "#+" and (b := _ORG_BLOCK.match(line)):
            fenced = b.group(1).lower() == "begin" and b.group(2).lower() in ("src", "example")
            out.append("```" if fenced else "")
        elif line[:2] == "#+" and (m := _ORG_KEYWORD.match(line)):
            key = m.group(1).lower()
            value = _org_inline(m.group(2).strip())
            if key == "title":
                out.append("# " + value)
            elif key in _ORG_KEYS and value:
                out.append(f"**{_ORG_KEYS[key]}:** {value.strip(':').replace(':', ', ') if key == 'filetags' else value}")
            else:
                out.append("")
        elif (d := _ORG_DRAWER.match(line)) and line.strip().upper() != ":END:":
            drawer = d.group(1).upper()
            out.append("")
        elif (p := _ORG_PLANNING.match(line)):
            # (several on one line: "CLOSED: [2025-08-22 Fri 14:10] DEADLINE: <2025-08-29 Fri>")
            rest = _ORG_PLANNED_LATER.sub(lambda m: ", " + _PLANNED[m.group(1)] + " ", line[p.end():])
            out.append(p.group(1) + _PLANNED[p.group(2)] + " " + _org_inline(rest))
        elif line[:2] == "# ":
            out.append("")   # a comment
        elif " :: " in line and (d := _ORG_DESCRIPTION.match(line)):
            # a description list's item, "- Allvarlighetsgrad :: P2": a field, "- **Allvarlighetsgrad:** P2"
            out.append(f"{d.group(1)}**{_org_inline(d.group(2))}:** {_org_inline(d.group(3))}")
        else:
            out.append(_org_inline(line))
    return out


# ------------------------------------------------------------------------ reStructuredText
#
# A review kept in Sphinx docs: headings underlined (and perhaps overlined) with a run of one
# punctuation character, which markdown's reader takes as they are where the run is "=" or
# "-"; field lists (":Date: 2025-05-06") and directives (".. note::"), which it reads too; and
# what it does not: "#." auto-numbered items, and definition lists, a term on a line of its
# own with what it says indented below ("Severity" over "    High"), as fields. A text is
# reStructuredText when a heading is underlined so and a sign only reStructuredText writes
# stands beside it: a ".. name::" directive, a "#." item, or a definition list.

_RST_UNDERLINE = lazy_re.compile(r"^([=\-~^\"'`#*+])\1{2,}\s*$")
# (a directive, ".. note::"; not ".. title: Build farm outage", a static site's field in a comment)
_RST_DIRECTIVE = lazy_re.compile(r"^\.\.\s+[\w-]+::")
_RST_AUTO_ITEM = lazy_re.compile(r"^(\s*)#\.\s+(.*)$")
_RST_TERM = lazy_re.compile(r"^[^\s\-*+#:.|>`=~][^:]{0,40}$")
_RST_DEFINITION = lazy_re.compile(r"^( {2,}|\t)(\S.*)$")
# (a label over an indented list, "Why it happened" over "  - Encoder PC ...", is a plain
# text's heading and its list, not a term and its definition)
_RST_LISTED = lazy_re.compile(r"^\s+(?:[-*+•]|\d{1,2}[.)])\s")


def _definitions(lines: list[str]) -> dict[int, int]:
    """The definition lists' terms: the line of each term (a short line alone after a blank
    line, not a heading's) and the line of what it says (the next, indented)."""
    out = {}
    for k in range(len(lines) - 1):
        term = lines[k]
        if (k == 0 or not lines[k - 1].strip()) and _RST_TERM.match(term) and len(term.split()) <= 5 \
                and _RST_DEFINITION.match(lines[k + 1]) and not _RST_LISTED.match(lines[k + 1]) \
                and not (k + 2 < len(lines) and _RST_UNDERLINE.match(lines[k + 1])) \
                and (k + 2 >= len(lines) or not lines[k + 2].strip() or _RST_DEFINITION.match(lines[k + 2])):
            out[k] = k + 1
    return out


def is_rst(lines: list[str]) -> bool:
    """Whether the text is written in reStructuredText (see above)."""
    underlined = signs = 0
    for k, line in enumerate(lines):
        if line[:1] == "#" and MD_HEADING.match(line):
            return False
        if k and line[:1] in "=-~^\"'`#*+" and _RST_UNDERLINE.match(line) and lines[k - 1].strip() \
                and len(line.rstrip()) >= len(lines[k - 1].rstrip()) > 0:
            underlined += 1
        elif line[:3] == ".. " and _RST_DIRECTIVE.match(line) or "#." in line[:12] and _RST_AUTO_ITEM.match(line):
            signs += 1
    # (a section's name in capitals over indented lines, "SEQUENCE OF EVENTS" over "  0914
    # Fibre cut ...", is a plain-text report's heading, no sign of a definition list; "DISK
    # ALERTS" or "STOR-210" over their definitions are terms)
    # (nor, in any case, a section's whole name, "Tasks", "Work Info / chronology (from the
    # work log)" over its indented lines, as a ticketing tool's text export sets them)
    return underlined >= 1 and (signs >= 1 or sum(not (lines[k].strip().isupper() and section_kind(lines[k].strip()) is not None
                                                       or section_kind(lines[k].strip(), whole=True) is not None)
                                                  for k in _definitions(lines)) >= 2)


def from_rst(lines: list[str]) -> list[str] | None:
    """The lines as markdown, one for one, or None when they are not reStructuredText."""
    if not is_rst(lines):
        return None
    terms = _definitions(lines)
    said = set(terms.values())
    out: list[str] = []
    for k, line in enumerate(lines):
        if k in terms:
            out.append(f"**{line.strip().rstrip(':')}:** {lines[k + 1].strip()}")
        elif k in said:
            out.append("")
        elif "#." in line[:12] and (m := _RST_AUTO_ITEM.match(line)):
            out.append(f"{m.group(1)}1. {m.group(2)}")
        elif line[:3] == ".. " and _RST_DIRECTIVE.match(line):
            out.append(line[line.index("::") + 2:].strip())   # (".. note:: Times are UTC": its text; ".. contents::" none)
        else:
            out.append(line)
    return out


# ------------------------------------------------------------------------------- MDX

# a component alone on its line, its props written out: '<IncidentMeta severity="SEV-2"
# service="play" />' (MDX, as docs sites write pages); the props are the page's fields
# (self-closing: an opening tag with children, '<Update date="...">', wraps what it dates)
_JSX_PROPS = lazy_re.compile(r"^\s*<([A-Z][\w.]*)((?:\s+[A-Za-z_][\w-]*=(?:\"[^\"\n]*\"|'[^'\n]*'|\{[^{}\n]*\}))+)\s*/>\s*$")
_JSX_PROP = lazy_re.compile(r"([A-Za-z_][\w-]*)=(?:\"([^\"\n]*)\"|'([^'\n]*)'|\{[\"']?([^{}\"'\n]*)[\"']?\})")
# (an import only: an "export const post = {...}" block holds the page's fields, read as such)
_MDX_IMPORT = lazy_re.compile(r"^import\s+[^\n]*?from\s+['\"][^'\"]+['\"];?\s*$")


def from_mdx(lines: list[str]) -> list[str] | None:
    """MDX's own lines as markdown, one for one (its imports dropped, a component alone on
    its line with written-out props as the fields they are: "**Severity:** SEV-2 ·
    **Service:** play"), or None when there are none; the rest is markdown already."""
    out = None
    for i, line in enumerate(lines):
        if line[:1] == "i" and _MDX_IMPORT.match(line):
            new = ""
        elif "<" in line and "=" in line and (m := _JSX_PROPS.match(line)):
            new = _props_as_fields(m.group(2), m.group(1))
        elif "<" in line and (m := _JSX_OPENS.match(line)) and (pairs := _pair_props(lines, i + 1)) is not None:
            # '<MetricRow' / "  items={[" / "    ['Time to mitigate', '2 h 44 min']," / "  ]}" / "/>":
            # a component's rows of figures, each a field ("**Time to mitigate:** 2 h 44 min")
            out = out if out is not None else list(lines)
            end, rows = pairs
            out[i] = ""
            for k in range(i + 1, end + 1):
                out[k] = rows.get(k, "")
            continue
        elif "<" in line and (m := _JSX_OPENS.match(line)) and (end := _props_close(lines, i + 1)) is not None:
            # the same component with a prop a line, '<IncidentMeta' / '  severity="SEV-2"' / '/>'
            out = out if out is not None else list(lines)
            out[i] = _props_as_fields(" " + " ".join(lines[i + 1:end]), m.group(1))
            for k in range(i + 1, end + 1):
                out[k] = ""
            continue
        else:
            continue
        out = out if out is not None else list(lines)
        out[i] = new
    return out


# a component's tag opening alone on its line, its props on the lines below ('<IncidentMeta')
_JSX_OPENS = lazy_re.compile(r"^\s*<([A-Z][\w.]*)\s*$")
_JSX_PROP_LINE = lazy_re.compile(r"^\s*[A-Za-z_][\w-]*=(?:\"[^\"\n]*\"|'[^'\n]*'|\{[^\n]*\})\s*$")
_JSX_CLOSES = lazy_re.compile(r"^\s*/>\s*$")


# a prop's array of pairs, a pair a line: "items={[" / "['Time to detect', '11 minutes']," / "]}"
_PAIR_LINE = lazy_re.compile(r"""^\s*\[\s*(["'])([^"'\n]{1,60})\1\s*,\s*(["'])([^"'\n]{0,200})\3\s*\],?\s*$""")
_ARRAY_OPENS = lazy_re.compile(r"^\s*[A-Za-z_][\w-]*=\{\[\s*$")
_ARRAY_CLOSES = lazy_re.compile(r"^\s*\]\}\s*$")


def _pair_props(lines: list[str], start: int) -> tuple[int, dict[int, str]] | None:
    """(the closing line, {line: "**Key:** value"}) of a component whose props are arrays of
    two-string pairs, a pair a line (up to 40 lines), else None."""
    rows: dict[int, str] = {}
    for k in range(start, min(len(lines), start + 41)):
        line = lines[k]
        if _JSX_CLOSES.match(line):
            return (k, rows) if rows else None
        if (m := _PAIR_LINE.match(line)) is not None:
            rows[k] = f"**{m.group(2).strip()}:** {m.group(4).strip()}"
        elif not (_ARRAY_OPENS.match(line) or _ARRAY_CLOSES.match(line) or _JSX_PROP_LINE.match(line)):
            return None
    return None


def _props_close(lines: list[str], start: int) -> int | None:
    """The line closing a component whose props, one a line, begin at ``start`` (up to 20)."""
    for k in range(start, min(len(lines), start + 21)):
        if _JSX_CLOSES.match(lines[k]):
            return k if k > start else None
        if not _JSX_PROP_LINE.match(lines[k]):
            return None
    return None


def _props_as_fields(props: str, name: str) -> str:
    """A component's props as the fields they are ('incidentDate="2025-11-06"' ->
    "**Incident date:** 2025-11-06"), set apart by middle dots; those of a component that
    names planned work keep its name ('<ChangeWindow start="..." />' -> "**Change window
    start:** ...": the change's start, not the incident's)."""
    fields = [(p.group(1), p.group(2) or p.group(3) or p.group(4) or "") for p in _JSX_PROP.finditer(props)]
    whose = f"{_CAMEL.sub(' ', name)} " if _PLANNED_WORK.search(name) else ""
    return " · ".join(f"**{(whose + _CAMEL.sub(' ', k)).replace('_', ' ').capitalize()}:** {v}" for k, v in fields if v)


_CAMEL = lazy_re.compile(r"(?<=[a-z])(?=[A-Z])")
_PLANNED_WORK = lazy_re.compile(r"Change|Maintenance|Window|Deploy|Release|Schedule|Rollout|Migration")


def as_markdown(text: str, lines: list[str]) -> list[str] | None:
    """``lines`` rewritten as markdown, one for one, when the text is written in Jira's wiki
    markup, AsciiDoc or Org, or holds MDX's imports and components, or HTML's tables and
    lists; else None (markdown, or plain text, read as it is)."""
    if "<" in text[:4000] and (page := from_html_page(lines)) is not None:
        return page   # (a page exported whole: Confluence's "Export to HTML", Word's "Save as Web Page")
    md = _in_other_markup(text, lines)
    if "<" in text and ("<table" in text or "<li" in text or "<p>" in text or "<TABLE" in text or "<LI" in text) \
            and (html := from_html_blocks(md if md is not None else lines)) is not None:
        md = html   # (a CMS's export: markdown around the HTML its editor kept)
    return md


def _in_other_markup(text: str, lines: list[str]) -> list[str] | None:
    if text[:5] in ("From:", "from:", "FROM:") and "\n>" in text and (md := from_email(lines)) is not None:
        # (a review sent round by mail: its quoted text read, then as what it is written in)
        return _in_other_markup("\n".join(md), md) or md
    if ("lide" in text or "\f" in text or "\n\t" in text) and (md := from_slides(text, lines)) is not None:
        return md   # (a deck exported to text: slide by slide, page by page, or as its outline)
    if "h1. " in text or "h2. " in text or "h3. " in text:
        if (md := from_jira_wiki(lines)) is not None:
            return md
    if "==" in text:
        # (MediaWiki and DokuWiki by their headings between runs of "=": before AsciiDoc, whose
        # sections open with the run alone)
        if (md := from_dokuwiki(lines)) is not None or (md := from_mediawiki(lines)) is not None:
            return md
    # (a markdown heading rules out AsciiDoc and Org: one scan spares two on most documents)
    if not (text.startswith("#") or "\n#" in text) or "#+" in text:
        if "\n== " in text:   # (AsciiDoc by its "==" sections)
            if (md := from_asciidoc(lines)) is not None:
                return md
        if "#+" in text and (md := from_org(lines)) is not None:   # (Org is told by its "#+KEY:" lines)
            return md
    if ("\n.. " in text or "#. " in text or "\n  " in text) and (md := from_rst(lines)) is not None:
        return md   # (reStructuredText is told by its own signs: a "#." item may open a line)
    if ("import " in text or '="' in text) and (md := from_mdx(lines)) is not None:
        return md
    return None


# --------------------------------------------------------------------------------- Email

MAIL_HEADER = lazy_re.compile(r"^(?:From|To|Cc|Date|Subject|Sent|Reply-To|Message-ID):\s", re.I)


def from_email(lines: list[str]) -> list[str] | None:
    """A mail thread whose write-up sits quoted below the replies (">> TIMELINE ..."), its
    quote marks taken off, one line for one; None when the text opens with no mail
    headers ("From:" and a "Subject:" or "Date:" among its first lines)."""
    head = lines[:12]
    if not (head and MAIL_HEADER.match(head[0]) and sum(1 for ln in head if MAIL_HEADER.match(ln)) >= 2):
        return None
    return [QUOTE_MARK.sub("", ln) if ln[:1] == ">" else ln for ln in lines]


# ---------------------------------------------------------------------------------- HTML

_HTML_CELL = lazy_re.compile(r"<t[hd](?:\s[^>]*)?>(.*?)</t[hd]\s*>", re.I | re.S)
_HTML_ITEM = lazy_re.compile(r"^(\s*)<li(?:\s[^>]*)?>(.*?)(?:</li\s*>)?\s*$", re.I)
_HTML_LIST_TAG = lazy_re.compile(r"^\s*</?(?:ul|ol)(?:\s[^>]*)?>\s*$", re.I)
# (perhaps with its columns' widths after it: "<table class="confluenceTable"><colgroup>...</colgroup>")
_HTML_TABLE_OPEN = lazy_re.compile(r"^\s*<table(?:\s[^>]*)?>\s*(?:<colgroup>(?:\s*<col\b[^>]*>)*\s*</colgroup>\s*)?$", re.I)
_HTML_LIST_CLOSE_FIRST = lazy_re.compile(r"^\s*</(?:ul|ol)\s*>", re.I)
_HTML_PARA_OPEN = lazy_re.compile(r"^\s*<p(?:\s[^>]*)?>", re.I)
_HTML_PARA_CLOSE = lazy_re.compile(r"</p\s*>", re.I)
_HTML_GROUP_ROW = lazy_re.compile(r"<th\s[^>]*colspan\s*=\s*[\"']?[2-9]", re.I)
_HTML_DATA_CELL = lazy_re.compile(r"<td[\s>]", re.I)
_HTML_TABLE_CLOSE = lazy_re.compile(r"^\s*</table\s*>\s*$", re.I)
_HTML_INLINE = ((lazy_re.compile(r"</?(?:strong|b)(?:\s[^>]*)?>", re.I), "**"), (lazy_re.compile(r"</?(?:em|i)(?:\s[^>]*)?>", re.I), "_"),
                (lazy_re.compile(r"</?code(?:\s[^>]*)?>", re.I), "`"), (lazy_re.compile(r"<br\b[^>]*>", re.I), " "),
                (lazy_re.compile(r"<[^>\n]+>"), ""))


def _html_inline(text: str) -> str:
    for rx, to in _HTML_INLINE:
        text = rx.sub(to, text)
    return text.strip().replace("|", "\\|")


def _html_text(text: str) -> str:
    """A line of an HTML paragraph as markdown's text: its tags read (_html_inline), its
    entities too ("&nbsp;" a plain space)."""
    return html.unescape(_html_inline(text)).replace("\xa0", " ")


def _frame(table: dict) -> str:
    """What a line of a table's frame becomes: nothing above its header, an empty row below
    it (which keeps the rows one table; the reader skips it)."""
    return "" if table["width"] is None else "|" + " |" * table["width"]


def _html_row(out: list[str], table: dict) -> None:
    """The row ``table`` holds open written as a pipe table's row on its first line (the
    header on the frame's line above it, with the delimiter row in the header's place)."""
    row, table["row"] = table["row"], None
    if row is None:
        return
    joined = " ".join(row)
    cells = _HTML_CELL.findall(joined)
    if not cells:
        return
    if table["width"] is None and _HTML_GROUP_ROW.search(joined) and not _HTML_DATA_CELL.search(joined):
        # "<th colspan="3">When</th><th colspan="2">What</th>" over the columns' own names:
        # a row grouping the header, not the header (nor a title across the whole table)
        return
    if table["width"] is None:
        table["width"] = len(cells)
        # (on the frame's line right above it: the "<table>" line, or a "<thead>" after it)
        out[table["at"] - 1] = "| " + " | ".join(map(_html_inline, cells)) + " |"
        out[table["at"]] = "|" + "---|" * len(cells)
    else:
        out[table["at"]] = "| " + " | ".join(map(_html_inline, cells)) + " |"
    for k in range(table["at"] + 1, len(out)):
        out[k] = _frame(table)   # (the row's other lines)


def from_html_blocks(lines: list[str]) -> list[str] | None:
    """HTML's tables and lists written as markdown's, one line for one (a CMS keeps them
    as its editor wrote them: "<tr><td>1:20 pm</td><td>checkout ...</td></tr>" a row, each
    on a line of its own, or over several, "<tr>" over a line for each cell; "<li>...</li>"
    an item), or None when there are none. A table's header row goes on the line above it
    (the "<table>" line or a "<thead>"), its delimiter row on the header's own."""
    out: list[str] = []
    table: dict | None = None
    ordered: list[bool] = []
    fenced = changed = in_para = False
    for line in lines:
        if line.lstrip()[:3] in ("```", "~~~"):
            fenced = not fenced
        if fenced:
            out.append(line)
            continue
        if table is not None:
            if _HTML_TABLE_CLOSE.match(line):
                _html_row(out, table)
                table = None
                out.append("")
                continue
            opens, closes = "<tr" in line or "<TR" in line, "</tr" in line or "</TR" in line
            if opens and table["row"] is not None:
                _html_row(out, table)   # (a row left open: the next one closes it)
            if opens and not closes:
                # a row written over several lines, "<tr>" over a line for each cell,
                # as Confluence exports it: its cells gathered up to its "</tr>"
                table["row"], table["at"] = [line], len(out)
            elif table["row"] is not None:
                table["row"].append(line)
                if closes:
                    out.append(_frame(table))
                    _html_row(out, table)
                    continue
            else:
                cells = _HTML_CELL.findall(line)
                if cells:
                    table["row"], table["at"] = [line], len(out)
                    out.append(_frame(table))
                    _html_row(out, table)
                    continue
            out.append(_frame(table))   # "<thead>", "<tbody>", "</tr>", a row's other lines: the table's frame
            continue
        if "<" not in line:
            out.append(line)
        elif _HTML_TABLE_OPEN.match(line):
            table = {"width": None, "row": None, "at": 0}
            out.append("")
            changed = True
        elif _HTML_LIST_TAG.match(line):
            tag = line.strip().lower()
            if tag.startswith("</"):
                ordered = ordered[:-1]
            else:
                ordered.append(tag.startswith("<ol"))
            out.append("")
            changed = True
        elif ordered and (m := _HTML_LIST_CLOSE_FIRST.match(line)):
            # "</ul><br /><span>Medium-to-Long term initiatives.</span>": a list closed, then text
            ordered = ordered[:-1]
            out.append(_html_text(line[m.end():]))
            changed = True
        elif in_para or _HTML_PARA_OPEN.match(line):
            # "<p><strong>Contributing factors</strong></p>": a paragraph's text, its
            # emphasis as markdown's ("**Contributing factors**", a bold line), its
            # entities read ("i.&nbsp;&nbsp;The build ...<br>": a point of a list)
            in_para = not _HTML_PARA_CLOSE.search(line)
            said = _html_text(_HTML_PARA_OPEN.sub("", line))
            if "**" in said and not (said.startswith("**") and said.endswith("**") and said.count("**") == 2):
                # (bold inside a paragraph's text is stress, not a key: "<b>Overview:</b><br>
                # During the afternoon of May 6th ...", the line break gone, is prose)
                said = said.replace("**", "")
            out.append(said)
            changed = True
        elif ordered and (m := _HTML_ITEM.match(line)):
            out.append("  " * (len(ordered) - 1) + ("1. " if ordered[-1] else "- ") + _html_inline(m.group(2)))
            changed = True
        else:
            out.append(line)
    return out if changed else None
