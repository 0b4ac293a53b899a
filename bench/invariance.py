"""Invariance benchmark: does the parser read the same document written another way?

    .venv/bin/python bench/invariance.py                   # every set in tests/corpus
    .venv/bin/python bench/invariance.py DIR... -v         # and list each check that flips
    .venv/bin/python bench/invariance.py --only crlf,wrap-72  # some rewrites only

Real postmortems differ in ways that do not change what they say: line endings, a byte
order mark, bullets written with ``*`` instead of ``-``, section headings one level
deeper, ``__bold__`` instead of ``**bold**``, prose hard-wrapped at 72 columns, headings
in capitals. Each rewrite below is one such difference, applied to every labelled
postmortem (front matter and fenced code are always left as they are; tables and HTML
only by the rewrites about them); three apply many at once. The
labelled checks are scored on each rewritten document exactly as bench/corpus.py scores
the original; a check that passes on the original and fails on a rewrite is a place
where the parser depends on how a thing is written rather than what it says, which is
what sinks it on documents nobody here has read. Prints, per rewrite, the checks that
flip each way and the score; the last line is the number of checks lost over all rewrites.
"""
from __future__ import annotations

import argparse
import re
import sys
import textwrap
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import corpus as scoring  # noqa: E402  (bench/corpus.py)
from loaders.postmortem import frontmatter  # noqa: E402

_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_ATX = re.compile(r"^(#{2,5})([ \t]+\S.*)$")
_BULLET = re.compile(r"^(\s*)- (?!\[)")
_ITEM = re.compile(r"^\s*([-*+]|\d{1,3}[.)])\s")
# an emoji code or an HTML entity ("&nbsp;": names in their own case), or a run of anything else
_WORDS = re.compile(r"(:[a-z0-9_+-]+:|&#?\w+;)|([^:&]+|[:&])")


def _body_lines(text: str):
    """(index, line, in_body) of each line: False in front matter (the parser's own
    reading of it, every dialect), fenced code, tables and HTML blocks, which every
    rewrite leaves alone but those about tables and HTML."""
    lines = text.split("\n")
    end = frontmatter.split(lines)[1]
    fence = False
    for k, line in enumerate(lines):
        if k < end:
            yield k, line, False
            continue
        if _FENCE.match(line):
            fence = not fence
            yield k, line, False
            continue
        s = line.strip()
        yield k, line, not fence and not s.startswith(("|", "<", ">", "import ", "export "))


def _per_line(fn):
    def rewrite(text: str) -> str:
        return "\n".join(fn(line) if body else line for _, line, body in _body_lines(text))
    return rewrite


def crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def bom(text: str) -> str:
    return "\ufeff" + text


def star_bullets(line: str) -> str:
    return _BULLET.sub(r"\1* ", line)


def deeper_headings(line: str) -> str:
    return _ATX.sub(r"#\1\2", line)


def capital_headings(line: str) -> str:
    """Heading words in capitals; ``:emoji_codes:`` and ``&entities;`` are names, not words, and stay."""
    m = _ATX.match(line)
    return m.group(1) + _WORDS.sub(lambda w: w.group(1) or w.group(2).upper(), m.group(2)) if m else line


def underscore_bold(line: str) -> str:
    return re.sub(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", r"__\1__", line)


def trailing_spaces(line: str) -> str:
    return line + "  " if line.strip() else line


def blank_lines_doubled(text: str) -> str:
    return "\n".join(line + "\n" if body and not line.strip() else line for _, line, body in _body_lines(text))


def wrap(text: str) -> str:
    """Paragraph lines over 72 columns hard-wrapped at 72 (list items' continuation lines
    indented under their text), as many editors write markdown. Lines with a Hugo
    shortcode (``{{< track "..." >}}``) stay whole: it is one token to the site; so do a
    table's rows, with their outer pipes or without, and lines laid out in columns (a run of
    three spaces inside them: a table or fields set in plain text, as a PDF's text gives them),
    and HTML blocks, which only the rewrites about HTML touch."""
    out = []
    html = False   # (in an HTML block: from a line that opens with a tag to a blank line, as CommonMark reads it)
    for _, line, body in _body_lines(text):
        html = bool(line.strip()) and (html or line.lstrip().startswith("<"))
        if not body or len(line) <= 72 or line.lstrip().startswith("#") or "{{" in line or line.count("|") >= 2 \
                or "   " in line.strip() or html:
            out.append(line)
            continue
        m = _ITEM.match(line) or re.match(r"\s*", line)     # a marker stays with its first word
        lead, rest = line[:m.end()], line[m.end():]
        out.extend(textwrap.wrap(rest, 72, initial_indent=lead, subsequent_indent=" " * len(lead),
                                 break_long_words=False, break_on_hyphens=False) or [line])
    return "\n".join(out)


def lower_headings(line: str) -> str:
    m = _ATX.match(line)
    return m.group(1) + _WORDS.sub(lambda w: w.group(1) or w.group(2).lower(), m.group(2)) if m else line


def closed_headings(line: str) -> str:
    """``## Timeline ##``: CommonMark's closing sequence."""
    return f"{line.rstrip()} {_ATX.match(line).group(1)}" if _ATX.match(line) else line


def setext_headings(text: str) -> str:
    """Second-level headings underlined with ``---``, as many older documents write them
    (not one that opens like a list item: CommonMark reads "1. Summary" over ``---`` as a
    list and a rule)."""
    out = []
    for _, line, body in _body_lines(text):
        m = _ATX.match(line) if body else None
        if m and len(m.group(1)) == 2 and not _ITEM.match(m.group(2).strip()):   # "1. Summary" would be a list
            out += [m.group(2).strip(), "-" * max(3, len(m.group(2).strip()))]
        else:
            out.append(line)
    return "\n".join(out)


def bold_headings(text: str) -> str:
    """Sections with no sections inside them headed by a bold line alone (``**Timeline**``)
    instead of a heading. (A bold line has no depth: over sub-sections it would no longer
    say they are its own, so those keep their headings.)"""
    rows = list(_body_lines(text))
    depth = [len(m.group(1)) if body and (m := _ATX.match(line)) else
             (1 if body and line.startswith("# ") else 0) for _, line, body in rows]
    out = []
    for k, (_, line, body) in enumerate(rows):
        m = _ATX.match(line) if body else None
        after = next((d for d in depth[k + 1:] if d), 0)
        if m and (not after or after <= depth[k]) and "*" not in m.group(2) and "_" not in m.group(2):
            out.append(f"**{m.group(2).strip()}**")
        else:
            out.append(line)
    return "\n".join(out)


def en_dashes(line: str) -> str:
    """`` - `` between words written as an en dash, as word processors do (not in
    headings: a title is compared as written)."""
    return line if line.lstrip().startswith("#") else re.sub(r"(?<=\S) - (?=\S)", " \u2013 ", line)


def numbered_lists(text: str) -> str:
    """Top-level ``-`` bullets numbered (``1.``, ``2.`` ...), each list from 1; lines
    under an item move one column right with its text (``1. `` is one wider than ``- ``)."""
    out, n = [], 0
    for _, line, body in _body_lines(text):
        m = _BULLET.match(line) if body else None
        if m and not m.group(1):
            n += 1
            out.append(f"{n}. {line[m.end():]}")
            continue
        if body and line.strip() and not line[:1].isspace():
            n = 0
        out.append(" " + line if n and line[:1] == " " else line)
    return "\n".join(out)


def html_comments(text: str) -> str:
    """A template's HTML comment under every heading (``<!-- What happened? -->``)."""
    out = []
    for _, line, body in _body_lines(text):
        out.append(line)
        if body and _ATX.match(line):
            out.append("<!-- Fill in this section; see the template's guide. -->")
    return "\n".join(out)


_CLOCK = re.compile(r"(?<![\d:.T/+-])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])(?!\s*[aApP]\.?[mM])")


def twelve_hour(line: str) -> str:
    """24-hour clocks written on a 12-hour clock (``14:05`` -> ``2:05 PM``), not in headings."""
    if line.lstrip().startswith("#"):
        return line
    return _CLOCK.sub(lambda m: f"{(int(m.group(1)) % 12) or 12}:{m.group(2)} {'PM' if int(m.group(1)) >= 12 else 'AM'}",
                      line)


_MERIDIEM = re.compile(r"\d\s?[ap]\.?m\b|\d[ap]\b", re.I)   # ("9:12p": the half of the day in one letter)


def twelve_hour_document(text: str) -> str:
    """twelve_hour, for a document written on a 24-hour clock only: one that writes "pm"
    already keeps its bare times on the same 12-hour clock ("rang at 8:25pm; ... had
    expired at 8:10"), and writing those as morning times would change what it says."""
    return text if _MERIDIEM.search(text) else _per_line(twelve_hour)(text)


def numbered_headings(text: str) -> str:
    """Second-level headings numbered as many reports number them (``## 3. Timeline``)."""
    n = 0

    def number(m: re.Match) -> str:
        nonlocal n
        if len(m.group(1)) != 2 or m.group(2).strip()[:1].isdigit():
            return m.group(0)
        n += 1
        return f"## {n}. {m.group(2).strip()}"
    return _sections_only(number)(text)


def _sections_only(fn):
    """``fn`` applied to section headings, not to the heading that is the document's
    title (its ``# Title``, or with none its first heading): a title is compared as written."""
    def rewrite(text: str) -> str:
        titled = any(line.startswith("# ") for line in text.split("\n"))
        out, first = [], True
        for _, line, body in _body_lines(text):
            m = _ATX.match(line) if body else None
            if m and (titled or not first):
                line = fn(m)
            first = first and not (m or line.startswith("# "))
            out.append(line)
        return "\n".join(out)
    return rewrite


# a heading that opens with a date: "Tuesday 4 March, 09:15 — ...", "Sep 1, 3:10pm"
# (or a chat's day label before its clock: "### Yesterday at 11:36 PM · deploy-bot")
_DATE_FIRST = re.compile(r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+"
                         r"|(?:today|yesterday)(?:\s+at)?\s+)\d", re.I)


def emoji_headings(m: re.Match) -> str:
    """An emoji before each section heading's words (``## \U0001F4CC Timeline``; not
    before a heading that is a date or time)."""
    title = m.group(2).strip()
    return m.group(0) if title[:1].isdigit() or _DATE_FIRST.match(title) else f"{m.group(1)} \U0001F4CC {title}"


def colon_headings(m: re.Match) -> str:
    """``## Timeline:``."""
    return f"{m.group(1)} {m.group(2).strip().rstrip(':')}:"


def smart_quotes(line: str) -> str:
    """Straight quotes turned curly, as word processors do (not in headings, code, links,
    shortcodes, ``key: "value"`` lines or an MDX component's string lines: those quotes
    are syntax)."""
    if line.lstrip().startswith("#") or any(c in line for c in ("`", "](", "{{")) or re.search(r"\w+:\s*\"|^\s*\".*\",?\s*$", line):
        return line
    line = re.sub(r"(?<=\w)'(?=\w)", "\u2019", line)
    return re.sub(r'"([^"]*)"', "\u201c\\1\u201d", line)


def unicode_bullets(line: str) -> str:
    """``-`` bullets pasted from a word processor as ``•``."""
    return _BULLET.sub("\\1\u2022 ", line)


def nbsp_after_digits(line: str) -> str:
    """A no-break space after each number, as documents pasted from a word processor have
    (``14:05\u00a0UTC``, ``5\u00a0minutes``)."""
    return re.sub(r"(?<=\d) (?=\S)", "\u00a0", line)


def nested_indent_4(text: str) -> str:
    """Sub-items indented four spaces instead of two (only under an item at the margin:
    four spaces with no item above would be code)."""
    out, in_list = [], False
    for _, line, body in _body_lines(text):
        m = re.match(r"^( {2}|   )([-*+]|\d{1,3}[.)]) ", line) if body else None
        if m and in_list:
            line = "    " + line[len(m.group(1)):]
        if body and line.strip():
            in_list = bool(_ITEM.match(line)) if not line[:1].isspace() else in_list
        out.append(line)
    return "\n".join(out)


_DATE_OR_TIME = re.compile(r"\d{1,4}[-/.:h]\d")
# a header cell naming a zone or holding a date: "NZST", "UTC", "Timeline 20.04.22"
_SAYS_MORE = re.compile(r"\d|\b[A-Z]{2,4}T\b|\bUTC\b|\bGMT\b")


def table_bullets(text: str) -> str:
    """A table whose rows open with a date or time, written as bullets instead: one per
    row, its cells joined by " - " (many timelines are kept either way). Not one whose
    header says something the bullets would lose: a zone ("| Время (MSK) |", "| NZST |
    UTC |") or a date ("| Timeline 20.04.22 |"); nor one whose rows open with a number
    that is no date or time (an action table's "| 1 | ... | owner |")."""
    lines = text.split("\n")
    flags = [body for _, _, body in _body_lines(text)]
    out, k = [], 0
    while k < len(lines):
        if lines[k].lstrip().startswith("|") and not flags[k] and k + 1 < len(lines) \
                and re.match(r"^\s*\|?\s*:?-{2,}", lines[k + 1]):
            end = k + 2
            while end < len(lines) and lines[end].lstrip().startswith("|"):
                end += 1
            rows = [[c.strip() for c in ln.strip().strip("|").split("|")] for ln in lines[k + 2:end]]
            header = lines[k].strip().strip("|").split("|")
            if rows and all(r and _DATE_OR_TIME.match(r[0]) and "\\|" not in lines[k] for r in rows) \
                    and "(" not in header[0] and not any(_SAYS_MORE.search(c) for c in header):
                out += [f"- {' - '.join(c for c in r if c)}" for r in rows]
                k = end
                continue
        out.append(lines[k])
        k += 1
    return "\n".join(out)


_MONTHS = "January February March April May June July August September October November December".split()
_ISO_DAY = re.compile(r"(?<![\w/.-])(\d{4})-(\d{2})-(\d{2})(?![\w/-]|:\d)(?!T\d)")


def _dates_as(fmt):
    """ISO dates in the text written as words (not in headings, links or code)."""
    def rewrite(line: str) -> str:
        if line.lstrip().startswith("#") or "`" in line or "](" in line or "{{" in line:
            return line

        def one(m: re.Match) -> str:
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
            return fmt.format(y=y, d=d, month=_MONTHS[mo - 1]) if 1 <= mo <= 12 and 1 <= d <= 31 else m.group(0)
        return _ISO_DAY.sub(one, line)
    return rewrite


def seconds_added(line: str) -> str:
    """``14:05`` written ``14:05:00`` (not in headings)."""
    if line.lstrip().startswith("#"):
        return line
    return re.sub(r"(?<![\d:.])((?:[01]?\d|2[0-3]):[0-5]\d)(?![\d:])", r"\1:00", line)


_LEAD_TIME = re.compile(r"^(\s*[-*+]\s+)((?:\d{4}-\d{2}-\d{2}[ T])?(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?Z?)((?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:[A-Z]{2,5}\b|Eastern|Pacific|Central))?)(?=[\s:,-])")


def bold_times(line: str) -> str:
    """A bullet's leading time in bold (``- **14:05** ...``)."""
    return _LEAD_TIME.sub(lambda m: f"{m.group(1)}**{m.group(2)}{m.group(3)}**", line)


def bracket_times(line: str) -> str:
    """A bullet's leading time in brackets, as chat logs paste it (``- [14:05] ...``)."""
    return _LEAD_TIME.sub(lambda m: f"{m.group(1)}[{m.group(2)}{m.group(3)}]", line)


def list_after_paragraph(text: str) -> str:
    """No blank line between a paragraph and the list after it (CommonMark lets a list
    interrupt a paragraph)."""
    rows = list(_body_lines(text))
    out = []
    for k, (_, line, body) in enumerate(rows):
        if body and not line.strip() and 0 < k < len(rows) - 1:
            before, after = rows[k - 1], rows[k + 1]
            if before[2] and after[2] and before[1].strip() and not _ITEM.match(before[1]) \
                    and not before[1].lstrip().startswith("#") and not before[1][:1].isspace() \
                    and re.match(r"^[-*+] \S", after[1]):
                continue
        out.append(line)
    return "\n".join(out)


def table_alignment(line: str) -> str:
    """A table's rule row with alignment colons (``|:---|:---|``)."""
    if "|" in line and re.match(r"^\s*\|?\s*-{3,}\s*(\|\s*-{3,}\s*)*\|?\s*$", line):
        return re.sub(r"-{3,}", lambda m: ":" + m.group(0)[1:], line)
    return line


def tab_indent(line: str) -> str:
    """Sub-items indented by a tab instead of spaces."""
    m = re.match(r"^( {2,4})([-*+]|\d{1,3}[.)]) ", line)
    return "\t" + line[len(m.group(1)):] if m else line


def gmt(line: str) -> str:
    """``UTC`` written ``GMT`` (the same clock; not in headings: a title is compared as written)."""
    return line if line.lstrip().startswith("#") else re.sub(r"\bUTC\b(?![+-]\d)", "GMT", line)


def lower_meridiem(line: str) -> str:
    """``2:05 PM`` written ``2:05 pm``."""
    return re.sub(r"(?<=\d) ?([AP])M\b", lambda m: f" {m.group(1).lower()}m", line)


def title_in_front_matter(text: str) -> str:
    """A document with no front matter and a ``# Title`` gets the title as front matter,
    as static-site generators keep it, and loses the heading."""
    lines = text.split("\n")
    if frontmatter.split(lines)[0] is not None:
        return text
    for k, line in enumerate(lines[:30]):
        if line.startswith("# ") and "\"" not in line:
            title = line[2:].strip()
            return "\n".join(["---", f'title: "{title}"', "---", ""] + lines[:k] + lines[k + 1:])
    return text


_TIMED_BULLET = re.compile(r"^[-*+] +((?:\d{4}-\d{2}-\d{2}[ T])?(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?"
                           r"(?: ?[AaPp][Mm])?(?: (?:UTC|[A-Z]{3,4}))?)\s*[-–:]?\s+(\S.*)$")


def _timed_runs(text: str, render, whole: bool = False) -> str:
    """``text`` with each run of two or more bullets that each open with a time (not
    continued by indented lines) replaced by ``render(matches)``'s lines; with ``whole``,
    only a run that is a whole list (no item just before or after it)."""
    rows = list(_body_lines(text))
    out, k = [], 0
    while k < len(rows):
        run = []
        while k + len(run) < len(rows) and rows[k + len(run)][2] and _TIMED_BULLET.match(rows[k + len(run)][1]):
            run.append(_TIMED_BULLET.match(rows[k + len(run)][1]))
        after = rows[k + len(run)][1] if k + len(run) < len(rows) else ""
        ok = not after[:1].isspace()
        if whole:   # a whole list, not the part of one whose items happen to fit
            before = rows[k - 1][1] if k else ""
            ok = ok and not _ITEM.match(after) and not _ITEM.match(before) and not before[:1].isspace()
        if len(run) >= 2 and ok:
            out += render(run)
            k += len(run)
            continue
        out.append(rows[k][1])
        k += 1
    return "\n".join(out)


def bullets_table(text: str) -> str:
    """A run of two or more bullets that each open with a time written as a two-column
    table (many timelines are kept either way)."""
    return _timed_runs(text, lambda run: ["| Time | Event |", "|---|---|"]
                       + [f"| {m.group(1)} | {m.group(2).replace('|', '/')} |" for m in run])


def setext_title(text: str) -> str:
    """The ``# Title`` underlined with ``===`` instead."""
    out, done = [], False
    for _, line, body in _body_lines(text):
        if body and not done and line.startswith("# ") and not _ITEM.match(line[2:].strip()):
            out += [line[2:].strip(), "=" * max(3, len(line[2:].strip()))]
            done = True
        else:
            out.append(line)
    return "\n".join(out)


# section names as other teams write them (each the same section)
_SYNONYMS = [(re.compile(p, re.I), r) for p, r in (
    (r"^timeline$", "Sequence of events"), (r"^action items$", "Remediation items"),
    (r"^follow[- ]ups?$", "Action items"), (r"^root causes?$", "Causes"),
    (r"^summary$", "Overview"), (r"^impact$", "Customer impact"),
    (r"^lessons learned$", "Learnings"), (r"^contributing factors$", "Contributing causes"))]


def synonym_headings(m: re.Match) -> str:
    name = m.group(2).strip()
    for rx, other in _SYNONYMS:
        if rx.match(name):
            return f"{m.group(1)} {other}"
    return m.group(0)


def _with_dates(fmt):
    """Dates in words (``May 14, 2024``) written another way: ``fmt`` of the date."""
    from datetime import date

    rx = re.compile(r"(?<!day, )\b(" + "|".join(_MONTHS) + r") (\d{1,2}), (\d{4})\b")   # not after a weekday

    def rewrite(line: str) -> str:
        if line.lstrip().startswith("#") or "`" in line or "](" in line:
            return line

        def one(m: re.Match) -> str:
            try:
                d = date(int(m.group(3)), _MONTHS.index(m.group(1)) + 1, int(m.group(2)))
            except ValueError:
                return m.group(0)
            return fmt(d)
        return rx.sub(one, line)
    return rewrite


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def unpadded_tables(line: str) -> str:
    """``| a | b |`` written ``|a|b|``."""
    return re.sub(r"\s*\|\s*", "|", line.strip()) if line.lstrip().startswith("|") else line


def borderless_tables(line: str) -> str:
    """Tables without their outer pipes (``a | b``), as GitHub also reads them."""
    s = line.strip()
    if s.startswith("|") and s.endswith("|") and s.count("|") >= 3 and not s.endswith("\\|"):
        return s[1:-1].strip()
    return line


def colon_inside_bold(line: str) -> str:
    """``**Detected**:`` written ``**Detected:**`` and the other way round."""
    if line.lstrip().startswith("#"):
        return line
    return re.sub(r"\*\*([^*:\n]{1,40}):\*\*|\*\*([^*:\n]{1,40})\*\*:",
                  lambda m: f"**{m.group(1)}**:" if m.group(1) else f"**{m.group(2)}:**", line)


def plain_labels(line: str) -> str:
    """A line of bold labels (``**Detected:** 14:05 | **Severity:** SEV-2``) written
    without the bold (``Detected: 14:05 | Severity: SEV-2``)."""
    if not re.match(r"^\s*(?:[-*+] )?\*\*[A-Za-z][^*:\n]{0,30}:\*\*", line):
        return line
    return re.sub(r"\*\*([A-Za-z][^*:\n]{0,30}):\*\*\s*(?=\S)", r"\1: ", line)


def range_en_dash(line: str) -> str:
    """``14:05-14:20`` written with an en dash (``14:05–14:20``)."""
    return re.sub(r"(\d:[0-5]\d)\s*-\s*(?=\d{1,2}:[0-5]\d)", "\\1\u2013", line)


def meridiem_no_space(line: str) -> str:
    """``2:05 PM`` written ``2:05PM``."""
    return re.sub(r"(\d:[0-5]\d) ([AaPp]\.?[Mm]\.?)(?=\W|$)", r"\1\2", line)


def utc_parens(line: str) -> str:
    """``14:05 UTC`` written ``14:05 (UTC)`` (not in headings)."""
    if line.lstrip().startswith("#"):
        return line
    return re.sub(r"(\d:[0-5]\d(?::[0-5]\d)?) UTC\b(?!\))", r"\1 (UTC)", line)


def entry_separator(line: str) -> str:
    """A bullet's leading time followed by an em dash instead of ``-`` or ``:``
    (``- 14:05 — Alert fires``)."""
    return re.sub(r"^(\s*[-*+] +(?:\*\*)?(?:\d{4}-\d{2}-\d{2} )?\d{1,2}:[0-5]\d(?: ?UTC)?(?:\*\*)?)\s*[-:–]\s+",
                  "\\1 \u2014 ", line)


def h_times(line: str) -> str:
    """``14:05`` written ``14h05``, as French and Belgian teams write a clock (not in
    headings)."""
    return line if line.lstrip().startswith("#") else _CLOCK.sub(r"\1h\2", line)


def dot_times(line: str) -> str:
    """``14:05`` written ``14.05``, as British and German writers do (not in headings)."""
    return line if line.lstrip().startswith("#") else _CLOCK.sub(r"\1.\2", line)


def iso_stamps(line: str) -> str:
    """``2024-05-14 14:05 UTC`` written ``2024-05-14T14:05:00Z``, as a tool's export
    prints it (not in headings)."""
    if line.lstrip().startswith("#"):
        return line
    return re.sub(r"\b(\d{4}-\d{2}-\d{2}) ((?:[01]\d|2[0-3]):[0-5]\d)(?::([0-5]\d))? ?(?:UTC|\(UTC\))",
                  lambda m: f"{m.group(1)}T{m.group(2)}:{m.group(3) or '00'}Z", line)


def slash_dates(line: str) -> str:
    """``2024-05-14`` written ``2024/05/14``, as Japanese and Chinese teams write a date
    (not in headings, links or code)."""
    if line.lstrip().startswith("#") or "`" in line or "](" in line:
        return line
    return re.sub(r"(?<![\w/-])(\d{4})-(\d{2})-(\d{2})(?![\w/-])", r"\1/\2/\3", line)


_DATED_ITEM = re.compile(r"^[-*+] +(?:\*\*|\[)?\d{4}-\d{2}-\d{2}[ T](?:[01]\d|2[0-3]):[0-5]\d")


def newest_first(text: str) -> str:
    """A timeline whose bullets each open with a date and time, listed newest first, as
    status pages and chat exports list updates: a list whose every item opens so (each
    with its indented lines), reversed. (A list with one undated item stays: reversed
    around it, it would no longer say what it said.)"""
    rows = list(_body_lines(text))
    lines = [line for _, line, _ in rows]
    out, k = [], 0
    while k < len(lines):
        if not (rows[k][2] and re.match(r"^[-*+] ", lines[k])):
            out.append(lines[k])
            k += 1
            continue
        items, end = [], k
        while end < len(lines) and rows[end][2] and re.match(r"^[-*+] ", lines[end]):
            nxt = end + 1
            while nxt < len(lines) and lines[nxt][:1] in (" ", "\t") and lines[nxt].strip():
                nxt += 1
            items.append(lines[end:nxt])
            end = nxt
        dated = all(_DATED_ITEM.match(item[0]) for item in items)
        for item in (reversed(items) if dated and len(items) > 1 else items):
            out += item
        k = end
    return "\n".join(out)


def h1_sections(text: str) -> str:
    """Section headings one level shallower, so the top sections are first-level ones
    ('# Timeline') beside a '# Title', as some editors and wikis export them (the
    hierarchy below them kept). Only documents with exactly one H1, their title."""
    rows = list(_body_lines(text))
    if sum(1 for _, line, body in rows if body and line.startswith("# ")) != 1:
        return text
    return "\n".join(line[1:] if body and re.match(r"^#{2,6}[ \t]", line) else line for _, line, body in rows)


def prose_timeline(text: str) -> str:
    """A timeline list whose bullets each open with a time written as sentences, one
    paragraph an entry ("At 14:05 UTC, the alert fired."), as many blog posts and
    incident notices tell a timeline. Only a whole list: a paragraph right after a list
    item would continue it, which would change what the markdown says."""
    def sentences(run):
        out = [""]
        for m in run:
            stamp, said = m.group(1), m.group(2).rstrip()
            day, _, clock = stamp.rpartition(" ") if re.match(r"\d{4}-", stamp) and " " in stamp else ("", "", stamp)
            lead = f"On {day} at {clock}" if day else f"At {clock}"
            out += [f"{lead}, {said}" + ("" if said.endswith((".", "!", "?", ")")) else "."), ""]
        return out
    return _timed_runs(text, sentences, whole=True)


_FM_SCALAR = re.compile(r"^([A-Za-z_][\w-]*):[ \t]+(.*?)\s*$")


def toml_front_matter(text: str) -> str:
    """YAML front matter of plain ``key: value`` lines written as TOML between ``+++``
    lines (Hugo and Zola keep it so); front matter with lists or nesting stays."""
    lines = text.split("\n")
    fm, start, dialect = frontmatter.split(lines)
    if fm is None or lines[0].strip() != "---":
        return text
    out = []
    for line in fm:
        m = _FM_SCALAR.match(line)
        if not line.strip():
            continue
        if not m or m.group(2)[:1] in "[{|>&*!" or m.group(2).startswith("- "):
            return text
        value = m.group(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) or re.fullmatch(r"-?\d+(\.\d+)?|true|false", value):
            out.append(f"{m.group(1)} = {value}")
        else:
            out.append(f"{m.group(1)} = " + '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"')
    return "\n".join(["+++", *out, "+++", *lines[start:]])


REWRITES = {
    "crlf": crlf,
    "bom": bom,
    "star-bullets": _per_line(star_bullets),
    "deeper-headings": _per_line(deeper_headings),
    "capital-headings": _per_line(capital_headings),
    "underscore-bold": _per_line(underscore_bold),
    "trailing-spaces": _per_line(trailing_spaces),
    "blank-lines-doubled": blank_lines_doubled,
    "wrap-72": wrap,
    "lower-headings": _per_line(lower_headings),
    "closed-headings": _per_line(closed_headings),
    "setext-headings": setext_headings,
    "bold-headings": bold_headings,
    "en-dashes": _per_line(en_dashes),
    "numbered-lists": numbered_lists,
    "html-comments": html_comments,
    "twelve-hour": twelve_hour_document,
    "numbered-headings": numbered_headings,
    "emoji-headings": _sections_only(emoji_headings),
    "colon-headings": _sections_only(colon_headings),
    "smart-quotes": _per_line(smart_quotes),
    "unicode-bullets": _per_line(unicode_bullets),
    "nbsp-after-digits": _per_line(nbsp_after_digits),
    "nested-indent-4": nested_indent_4,
    "table-bullets": table_bullets,
    "dates-month-first": _per_line(_dates_as("{month} {d}, {y}")),
    "dates-day-first": _per_line(_dates_as("{d} {month} {y}")),
    "seconds-added": _per_line(seconds_added),
    "bold-times": _per_line(bold_times),
    "bracket-times": _per_line(bracket_times),
    "list-after-paragraph": list_after_paragraph,
    "table-alignment": _per_line(table_alignment),
    "tab-indent": _per_line(tab_indent),
    "gmt": _per_line(gmt),
    "lower-meridiem": _per_line(lower_meridiem),
    "title-in-front-matter": title_in_front_matter,
    "bullets-table": bullets_table,
    "setext-title": setext_title,
    "synonym-headings": _sections_only(synonym_headings),
    "ordinal-dates": _per_line(_with_dates(lambda d: f"{_MONTHS[d.month - 1]} {_ordinal(d.day)}, {d.year}")),
    "weekday-dates": _per_line(_with_dates(lambda d: f"{d:%A}, {_MONTHS[d.month - 1]} {d.day}, {d.year}")),
    "short-months": _per_line(_with_dates(lambda d: f"{_MONTHS[d.month - 1][:3]} {d.day}, {d.year}")),
    "unpadded-tables": _per_line(unpadded_tables),
    "borderless-tables": _per_line(borderless_tables),
    "colon-inside-bold": _per_line(colon_inside_bold),
    "plain-labels": _per_line(plain_labels),
    "range-en-dash": _per_line(range_en_dash),
    "meridiem-no-space": _per_line(meridiem_no_space),
    "utc-parens": _per_line(utc_parens),
    "entry-separator": _per_line(entry_separator),
    "h-times": _per_line(h_times),
    "dot-times": _per_line(dot_times),
    "iso-stamps": _per_line(iso_stamps),
    "slash-dates": _per_line(slash_dates),
    "newest-first": newest_first,
    "h1-sections": h1_sections,
    "prose-timeline": prose_timeline,
    "toml-front-matter": toml_front_matter,
}


def _together(*names):
    """Several rewrites, one after another: a document that differs in many small ways."""
    def rewrite(text: str) -> str:
        for name in names:
            text = REWRITES[name](text)
        return text
    return rewrite


# a different house style all at once (the rewrites above, each alone, lose next to nothing)
REWRITES["many-at-once"] = _together("star-bullets", "underscore-bold", "colon-headings", "numbered-headings",
                                     "html-comments", "twelve-hour", "dates-month-first", "wrap-72",
                                     "nbsp-after-digits", "crlf")
# as pasted from a word processor
REWRITES["word-processor"] = _together("unicode-bullets", "smart-quotes", "en-dashes", "nbsp-after-digits",
                                       "dates-day-first", "twelve-hour", "plain-labels", "lower-meridiem")
# as a static site keeps it
REWRITES["static-site"] = _together("title-in-front-matter", "setext-headings", "bold-times", "table-alignment",
                                    "emoji-headings", "closed-headings", "list-after-paragraph", "bom")


def documents(folders: list[Path]):
    """(folder, label spec, text) of every labelled postmortem in ``folders`` written in
    markdown (the rewrites are markdown's: in Jira's wiki markup "# ..." is a numbered
    item, in Org "* ..." a heading and "[2025-05-15 Thu 09:12]" a stamp, and a rewrite
    that reads them as markdown changes what the document says)."""
    from loaders.postmortem.other_markup import is_asciidoc, is_org
    from loaders.postmortem.wiki_markup import is_jira_wiki

    for folder in folders:
        for label in sorted(folder.glob("*.expect.yaml")):
            spec = yaml.safe_load(label.read_text(encoding="utf-8"))
            if spec.get("kind", "postmortem") != "postmortem":
                continue
            try:
                text = (folder / spec["file"]).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            lines = text.splitlines()
            if not (is_jira_wiki(lines) or is_asciidoc(lines) or is_org(lines)):
                yield folder, spec, text


def checks(spec: dict, text: str, path: str) -> dict[str, bool]:
    from loaders.detect import parse_bytes

    got = parse_bytes(text.encode("utf-8"), path, None)
    expect = spec.get("expect") or {}
    if got.get("kind") != "postmortem":
        return {"kind": False, **{k: False for k in expect}}
    return {"kind": True, **{k: ok for k, ok, _ in scoring.postmortem_checks(got, expect)}}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("-v", "--verbose", action="store_true", help="list each check that flips")
    ap.add_argument("--only", help="comma-separated rewrites (default: all): " + ", ".join(REWRITES))
    args = ap.parse_args(argv)
    folders = args.folders or sorted(p for p in (ROOT / "tests" / "corpus").iterdir() if p.is_dir())
    names = args.only.split(",") if args.only else list(REWRITES)
    unknown = [n for n in names if n not in REWRITES]
    if unknown:
        ap.error(f"no rewrite named {', '.join(unknown)}")
    docs = list(documents(folders))
    base = [checks(spec, text, str(folder / spec["file"])) for folder, spec, text in docs]
    total = sum(len(b) for b in base)
    print(f"{len(docs)} labelled postmortems in {len(folders)} folders; the originals pass "
          f"{sum(sum(b.values()) for b in base)}/{total} checks")
    lost_all = 0
    for name in names:
        rewrite = REWRITES[name]
        lost, won, passed = [], [], 0
        for (folder, spec, text), was in zip(docs, base):
            now = checks(spec, rewrite(text), str(folder / spec["file"]))
            passed += sum(now.values())
            for key, ok in now.items():
                if was.get(key) and not ok:
                    lost.append(f"{folder.name}/{spec['file']}: {key}")
                elif ok and not was.get(key):
                    won.append(f"{folder.name}/{spec['file']}: {key}")
        lost_all += len(lost)
        print(f"{name:20} lost {len(lost):3d}  won {len(won):3d}  score {passed / total:.3f}")
        if args.verbose:
            for line in lost:
                print(f"    lost {line}")
            for line in won:
                print(f"    won  {line}")
    print(f"checks lost over all rewrites: {lost_all}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
