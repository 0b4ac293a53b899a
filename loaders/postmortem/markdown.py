"""A small, line-based reader of the markdown that postmortems are written in.

It does not render anything. It cuts a document into sections (a heading and what
follows it) holding blocks: tables, top-level list items (with their sub-lines), and
paragraphs. Fenced code is kept out of every block, so log excerpts never become
timeline entries. Every block remembers its 1-based line number.
"""
from __future__ import annotations

import functools
import html
import re
import unicodedata
from dataclasses import dataclass, field

from loaders import lazy_re
from loaders import timeparse

_ATX = lazy_re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*))?$")
_SETEXT = lazy_re.compile(r"^ {0,3}(=+|-+)\s*$")


def _columns(text: str) -> int:
    """How many columns ``text`` takes in a fixed-width font: two for each wide East Asian
    character ("6. Countermeasures / 再発防止策" takes 31), as a plain-text heading's rule is
    drawn under it."""
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for ch in text if unicodedata.east_asian_width(ch) in "WF")
# a heading's attributes as pandoc and kramdown write them: "## Summary {#summary}",
# "# Title {#id .page-title}", "## Timeline {: .wide}"
_ATTRIBUTES = lazy_re.compile(r"\s*\{:?\s*[#.][^{}\n]*\}\s*$")
# A fence opens with three or more backticks or tildes; a backtick fence's info string
# holds no backtick (CommonMark), so "```code``` on one line" is inline code, not a fence
_FENCE = lazy_re.compile(r"^ {0,3}(`{3,}(?=[^`]*$)|~{3,})")
_ITEM = lazy_re.compile(r"^( {0,3}|\t?)([-*+•]|\d{1,3}[.)])\s+(.*)$")
# (possessive: no part gives back what it took, which could never help the next part
# match; with plain quantifiers, the last cell's spaces and the closing spaces shared a
# run of 100,000 tabs inside a delimiter row in quadratic time, 25 s)
_TABLE_SEP = lazy_re.compile(r"^\s*+\|?\s*+:?-{2,}+:?\s*+(\|\s*+:?-{2,}+:?\s*+)*+\|?\s*+$")
# "**Timeline**", "**Timeline:**", "**Timeline** (UTC)": a bold line standing alone
# (possessive \s*+: on "**Date:**" and 100,000 spaces the plain \s* pieces backtrack
# against each other in cubic time)
_BOLD_LINE = lazy_re.compile(r"^\s*+(?:\*\*|__)([^*_]{2,80}?)(?:\*\*|__)\s*+:?\s*+(\([^()]{1,40}\))?\s*+:?\s*+$")
_HR = lazy_re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
# (not a date in angle brackets, an outliner's and Org's "<2025-03-07 Fri>": text to keep)
_TAG = lazy_re.compile(r"<(?!\d)[^>\n]{1,300}>")
# link text and targets never contain "[" (or ")"), so each attempt stops at the next one:
# a run of "[[[[..." costs linear time, not quadratic
_LINK = lazy_re.compile(r"!?\[([^\[\]]{0,500})\]\([^()\s]{0,2000}(?:\s[^()]{0,200})?\)|\[([^\[\]]{1,500})\]\[[^\[\]]{0,100}\]")
# a wiki link, as Obsidian and other note tools write one: "[[Saara Virtanen]]", "[[orders-db|the
# orders database]]" (its alias is what it shows), "![[diagram.png]]" an embed
_WIKI_LINK = lazy_re.compile(r"!?\[\[([^\[\]|\n]{1,200})(?:\|([^\[\]\n]{1,200}))?\]\]")
# the same, inline links only: where no "[label]: url" line defines a reference, "[INC-7][P0]"
# is text in brackets, not a link
_INLINE_LINK = lazy_re.compile(r"!?\[([^\[\]]{0,500})\]\([^()\s]{0,2000}(?:\s[^()]{0,200})?\)()")
# "[1]: https://example.com/status": a reference link's definition, its label (not a
# footnote's "[^1]: ...")
REFERENCE_DEFINITION = lazy_re.compile(r"^ {0,3}\[(?!\^)([^\[\]]{1,100})\]:\s*\S", re.M)
QUOTE_MARK = lazy_re.compile(r"^(?:>[ \t]?)+")
# a markdown heading's line ("## Timeline"): the sign that a text is markdown already, for the
# readers of other markups (other_markup, wiki_markup, html_page, slides)
MD_HEADING = lazy_re.compile(r"^#{1,6}\s+\S")
_EMPH = lazy_re.compile(r"(\*\*|__|~~|`)")
# how a line of markdown may open: a heading, a list's item, a quote, a fence, bold (not a
# rule of dashes or equals signs, which plain text draws too; nor a table's row, which the
# reader makes of a plain text's columns)
_MARKDOWN_STARTS = frozenset(("# ", "##", "- ", "* ", "+ ", "> ", "``", "**", "~~", "1.", "1)"))
# a value struck through and replaced by what follows it: "~~14:32~~ 13:58", "due ~~28 Nov~~
# 19 Dec", "~~@ana~~ → @li" (not "~~Restore the logs~~ — Wiebke" nor "~~Alert on lag @mo~~ done
# in #88", an item struck as done, its owner or its status after it)
STRUCK = lazy_re.compile(r"~~[^~\n]+~~(?:\s*(?:→|->))?(?=\s*[\w@#])"
                         r"(?!\s*(?i:done|completed?|fixed|shipped|closed|resolved|merged|landed)\b)")


@dataclass(slots=True)
class Block:
    kind: str                 # "table" | "item" | "para"
    line: int
    text: str = ""            # item / paragraph text (first line, joined continuation)
    children: list[str] = field(default_factory=list)   # sub-lines of an item / lines of a paragraph
    rows: list[tuple[int, list[str]]] = field(default_factory=list)  # table rows (line, cells); a paragraph's lines as (line, [text])
    marker: str = ""          # list marker: "-", "*", "1." ...
    content_col: int = 2      # where an item's text starts; deeper markers are its children


@dataclass(slots=True)
class Section:
    title: str
    level: int
    line: int
    blocks: list[Block] = field(default_factory=list)
    # headings nested below this one keep their own Section; parent links the tree
    parent: "Section | None" = None
    # lines of fenced code blocks directly in this section (line, text): never blocks of
    # text, read only where a section holds nothing else (a timeline in a code block)
    fenced: list[tuple[int, str]] = field(default_factory=list)
    # lines inside HTML comments in this section (line, text): never shown, so never
    # blocks; a site generator may keep its metadata there ("start: 2022-03-28T10:00")
    hidden: list[tuple[int, str]] = field(default_factory=list)


def ancestors(s: Section):
    """The sections ``s`` sits under, the nearest first."""
    while (s := s.parent) is not None:
        yield s


# a component naming a person by an attribute: '<Owner name="Jonas Weber" />', "<Person user='kim' />"
# (a person's component by its name, "<Owner name=...>", "<Person ...>"; or any naming them by
# an attribute only people have, "user=", "handle=": not '<Icon name="alert-triangle" />')
_NAMED_COMPONENT = lazy_re.compile(
    r"<(?:(?:Owner|Person|User|Assignee|Avatar|Mention|Author|Member|Team|Responder|Lead|Commander)[\w.]*\s+(?:[^<>]*?\s)?"
    r"(?:name|person|user|handle|who)|[A-Z][\w.]*\s+(?:[^<>]*?\s)?(?:person|user|handle|who))"
    r"=[\"'{]+([^\"'{}<>]{1,60})[\"'}]+[^<>]*?/>")


def _tag_text(m: re.Match) -> str:
    """What an HTML tag or a component leaves in plain text: a space, or the person a
    component names (_NAMED_COMPONENT)."""
    said = _NAMED_COMPONENT.fullmatch(m.group(0)) if m.group(0)[1:2].isupper() else None
    return f" {said.group(1)} " if said else " "


@functools.lru_cache(maxsize=8192)
def plain(text: str, references: bool = True) -> str:
    """Markdown inline markup removed: emphasis, links (keep their text), HTML tags,
    entities; whitespace folded. Without ``references`` (a document that defines none),
    "[text][label]" is left as written."""
    if not text:
        return ""
    if "<" in text:
        # "\<END OF OUTAGE>" is an escaped angle bracket, text to keep, not a tag
        # (a component standing for someone keeps their name: '<Owner name="Jonas Weber" />')
        text = _TAG.sub(_tag_text, text.replace("\\<", "\x00")).replace("\x00", "<")
    if "[" in text:
        if "[[" in text:
            text = _WIKI_LINK.sub(lambda m: m.group(2) or m.group(1), text)
        text = (_LINK if references else _INLINE_LINK).sub(
            lambda m: m.group(1) if m.group(1) is not None else m.group(2), text)
    if "&" in text:
        text = html.unescape(text)
    if "*" in text or "_" in text or "~" in text or "`" in text:   # (_EMPH's marks: most texts hold none)
        text = _EMPH.sub("", text)
    text = text.replace("\\", "")
    return " ".join(text.split()).strip(" *_")


def item_text(line: str) -> str | None:
    """The text of a list item's line ("- [x] Fix it" -> "[x] Fix it"), else None."""
    m = _ITEM.match(line)
    return m.group(3) if m else None


def _sentence(text: str) -> bool:
    """Bold text that is a whole sentence ("**It has been verified that this was never
    exploited.**"): a statement stressed, not a heading (which has no full stop)."""
    t = text.strip()
    return t.endswith((".", "!")) and len(t.split()) >= 5


# a weekday and a day and month in numbers, alone: "Tue 3/12" (which order, the document says)
_WEEKDAY_SLASHED_ALONE = lazy_re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+\d{1,2}/\d{1,2}(?:/\d{2,4})?\s*$", re.I)


def _day_alone(text: str) -> bool:
    """Text that is only a day, with no time ("15 Nov (HST)", "Wed 15 Nov 2023", "Tue 3/12")."""
    if _WEEKDAY_SLASHED_ALONE.match(text.strip()):
        return True
    st = timeparse.read_stamp(text.strip())
    return st is not None and st.has_date and not st.has_time and len(text.strip()[st.end:].split()) <= 1


def _stamp_only(text: str) -> bool:
    """Text that is only a date or a time ("March 17, 2022", "14:05 UTC")."""
    t = text.strip()
    st = timeparse.read_stamp(t)
    return st is not None and (st.has_date or st.has_time) and len(t[st.end:].split()) <= 2


def split_cells(line: str) -> list[str]:
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    if "\\|" not in s:
        return [c.strip() for c in s.split("|")]
    cells, cur, i = [], [], 0
    while i < len(s):
        ch = s[i]
        if ch == "\\" and i + 1 < len(s) and s[i + 1] == "|":
            cur.append("|")
            i += 2
            continue
        if ch == "|":
            cells.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
        i += 1
    cells.append("".join(cur).strip())
    return cells


# a table's delimiter row written without its outer pipes, as GFM allows and html2text
# and pandoc write it: "---|---|---", ":--- | ---:"
# (a cell two dashes or more, or one with a colon: "---", ":--", "--:")
_BARE_DELIMITER = lazy_re.compile(r"^\s{0,3}(?::-+:?|-{2,}:?)\s*(?:\|\s*(?::-+:?|-{2,}:?)\s*)+\|?\s*$")
# ... anywhere in a text: whether there is any to look for (one scan, not one a line)
# (from the newline before it: a literal first character the scan jumps between, where a
# line start is tried at every character; a table's first line is never the text's first)
BARE_DELIMITER_ROW = lazy_re.compile(r"\n[ \t]{0,3}(?::-+:?|-{2,}:?)[ \t]*\|")


def with_outer_pipes(lines: list[str]) -> list[str]:
    """GFM tables written without their outer pipes ("Action | Owner" over "---|---"),
    each row given its leading and trailing pipe, line for line; other lines as they are."""
    out = None
    i, n = 0, len(lines)
    while i < n - 1:
        nxt = lines[i + 1]
        if "|" in nxt and "|" in lines[i] and not lines[i].lstrip().startswith("|") \
                and _BARE_DELIMITER.match(nxt) and lines[i].strip().strip("|").count("|") == nxt.strip().strip("|").count("|"):
            out = out if out is not None else list(lines)
            j = i
            while j < n and "|" in lines[j] and lines[j].strip():
                row = lines[j].strip()
                out[j] = ("" if row.startswith("|") else "| ") + row + ("" if row.endswith("|") else " |")
                j += 1
            i = j
            continue
        i += 1
    return out if out is not None else lines


def _sheet_header(cells: list[str]) -> bool:
    """A spreadsheet's column letters over its grid: "", "A", "B" (and on)."""
    return len(cells) >= 3 and cells[0] in ("", "#") and cells[1:] == [chr(ord("A") + k) for k in range(len(cells) - 1)]


def with_sheet_grids(lines: list[str]) -> list[str]:
    """A spreadsheet pasted or embedded as a table, its column letters for a header and
    its row numbers for a first column ("|  | A | B |" over "| 1 | Incident date |
    2025-01-16 |"), as the table its cells make: the row numbers gone and the first row
    the header, line for line (the first row's own line an empty row). Other lines as
    they are."""
    out = None
    for i in range(len(lines) - 2):
        line = lines[i]
        if "| A |" not in line or not _sheet_header(split_cells(line)) or not _TABLE_SEP.match(lines[i + 1]):
            continue
        rows, k = [], i + 2
        while k < len(lines) and lines[k].lstrip().startswith("|"):
            cells = split_cells(lines[k])
            if not cells or cells[0] != str(len(rows) + 1):
                break
            rows.append(cells[1:])
            k += 1
        if not rows:
            continue
        out = out if out is not None else list(lines)
        width = max(len(r) for r in rows)
        out[i] = "| " + " | ".join(rows[0]) + " |"
        out[i + 1] = "|" + "---|" * width
        out[i + 2] = "|" + " |" * width
        for j, cells in enumerate(rows[1:], start=i + 3):
            out[j] = "| " + " | ".join(cells) + " |"
    return out if out is not None else lines


# a grid table's border, as pandoc writes one: "+------+-------+", "+======+=======+"
_GRID_BORDER = lazy_re.compile(r"^\s*\+(?:[-=:]{2,}\+)+\s*$")


def with_grid_tables(lines: list[str]) -> list[str]:
    """Grid tables (pandoc's "+---+---+" borders, cells wrapped over several lines) as
    pipe tables, line for line: each row's cells joined on its first line, its other lines
    and the borders between rows empty rows, the header's rule a delimiter row. Other
    lines as they are."""
    out = None
    i, n = 0, len(lines)
    while i < n:
        if lines[i][:1] not in ("+", " ") or not _GRID_BORDER.match(lines[i]):
            i += 1
            continue
        top = lines[i].rstrip()
        cuts = [k for k, ch in enumerate(top) if ch == "+"]
        j = i + 1
        groups: list[tuple[list[int], int]] = []   # (the row's line numbers, the border after it)
        rows: list[int] = []
        while j < n:
            line = lines[j]
            if _GRID_BORDER.match(line):
                groups.append((rows, j))
                rows = []
            elif line.lstrip().startswith("|"):
                rows.append(j)
            else:
                break
            j += 1
        if not groups or rows:
            i = j   # (not a whole grid table: left as it is)
            continue
        out = out if out is not None else list(lines)
        width = len(cuts) - 1
        empty = "|" + " |" * width
        ruled = next((g for g, (_, border) in enumerate(groups) if "=" in lines[border]), 0)
        out[i] = ""
        for g, (members, border) in enumerate(groups):
            cells = [" ".join(filter(None, (lines[k][a + 1:b].strip() for k in members))) for a, b in zip(cuts, cuts[1:])]
            row = "| " + " | ".join(cells) + " |"
            if g <= ruled:   # the header: written on its last line, right above the delimiter row
                for k in members:
                    out[k] = ""
                if members:
                    out[members[-1]] = row
                out[border] = "|" + "---|" * width if g == ruled else ""
            else:
                for k in members:
                    out[k] = empty
                if members:
                    out[members[0]] = row
                out[border] = empty if g < len(groups) - 1 else ""
        i = j
    return out if out is not None else lines


# a run of two spaces or more (or a tab) between the columns of a table set in plain text
_COLUMN_GAP = lazy_re.compile(r"[ \t]*(?:  |\t)[ \t]*")
# a column's name: a few words, no sentence's punctuation, no figure ("Owner", "Target
# date", "Time (IST)", "#")
_COLUMN_NAME = lazy_re.compile(r"#|No\.?|[^\W\d_][^\W\d_ /&.-]*(?:[ /&.-]{1,3}[^\W\d_]+){0,2}\.?(?: \([^()\d]{1,12}\))?")


def _chunks(line: str) -> list[tuple[int, str]]:
    """A line's pieces between runs of two spaces or more, each with its column."""
    out, k = [], len(line) - len(line.lstrip())
    for piece in _COLUMN_GAP.split(line.strip()):
        k = line.index(piece, k)
        out.append((k, piece))
        k += len(piece)
    return out


def with_text_tables(lines: list[str]) -> list[str]:
    """Tables set in plain text, as a PDF's or a mail's text gives them: a header of three
    column names or more over rows whose pieces line up under them, a row's cells wrapped
    onto lines below it (its first column empty there), the table ending at a blank line.
    Each becomes a pipe table, line for line: the header written on the blank line above
    it, the delimiter row on the header's own line, each row's cells joined on its first
    line and its other lines empty rows. A header counts only when two rows line up under
    it: prose never does. Other lines as they are."""
    out = None
    i, n = 1, len(lines)
    while i < n - 2:
        line = lines[i]
        # (a console export's table is indented under its section's name, its header
        # underlined with dashes: "  Task ID          Summary   ..." over "  ---------------  ----")
        if not line or "  " not in line:
            i += 1
            continue
        indent = len(line) - len(line.lstrip(" "))
        ruled = indent <= 4 and lines[i + 1].lstrip()[:2] == "--" and "  " in lines[i + 1].strip() \
            and _DASH_RULE.fullmatch(lines[i + 1].strip()) is not None
        if line[indent:indent + 1] in ("|", "\t", "") or (indent or lines[i - 1].strip()) and not ruled:
            i += 1
            continue
        head = _chunks(line)
        if len(head) < 3 or not all(_COLUMN_NAME.fullmatch(name) for _, name in head):
            i += 1
            continue
        starts = [k for k, _ in head]
        j, rows = i + (2 if ruled else 1), []   # (rows: each a list of its lines)
        while j < n and lines[j].strip():
            pieces = _chunks(lines[j])
            if indent and pieces[0][0] < indent:
                break   # (a line left of the table's indent, a page's running header, ends it)
            if pieces[0][0] < starts[1] and lines[j][indent:indent + 1] not in " \t":
                rows.append([pieces])
            elif rows:
                rows[-1].append(pieces)
            else:
                break
            j += 1
        lined_up = sum(1 for row in rows if sum(1 for k, _ in row[0] if k in starts) >= 3)
        if lined_up < 2 or lined_up < len(rows) // 2 + 1:
            i = j
            continue
        out = out if out is not None else list(lines)
        width = len(starts)
        if ruled:
            out[i] = "| " + " | ".join(name for _, name in head) + " |"
            out[i + 1] = "|" + "---|" * width
            k = i + 2
        else:
            out[i - 1] = "| " + " | ".join(name for _, name in head) + " |"
            out[i] = "|" + "---|" * width
            k = i + 1
        for row in rows:
            cells = [[] for _ in range(width)]
            for pieces in row:
                for col, piece in pieces:
                    cells[max(c for c in range(width) if c == 0 or starts[c] <= col + 1)].append(piece)
            out[k] = "| " + " | ".join(" ".join(c).replace("|", "\\|") for c in cells) + " |"
            for m in range(k + 1, k + len(row)):
                out[m] = "|" + " |" * width
            k += len(row)
        i = j
    return out if out is not None else lines


def _plain_text(lines: list[str]) -> bool:
    """Whether nothing of markdown's opens a line of ``lines`` (no heading, list, quote,
    fence or bold): a console export's or a mail's plain text, its sections' lines indented
    under their names. Asked only where such a name stands over an indented line."""
    return not any(line[:2] in _MARKDOWN_STARTS for line in lines)


_DASH_RULE = lazy_re.compile(r"-{2,}(?:\s+-{2,}){2,}")


def _is_table_line(line: str) -> bool:
    s = line.strip()
    return s.startswith("|") and s.count("|") >= 2


_OUTLINE = lazy_re.compile(r"^(\d{1,2})[.)]\s")


def _outline_level(title: str, stack: list[Section]) -> int | None:
    """A bold line numbered as the next of an open heading's outline ("**8. Lessons
    learned**" under "## 7. Corrective actions"): that heading's level, since the
    numbers say it is its sibling, not a part of it; else None."""
    m = _OUTLINE.match(title)
    if m is None:
        return None
    before = f"{int(m.group(1)) - 1}{title[len(m.group(1))]}"
    return next((s.level for s in reversed(stack) if 0 < s.level < 7 and s.title.startswith(before)), None)


def _nested_other_kind(im: re.Match, item: Block) -> bool:
    """A bullet indented past a numbered item's marker, if short of its text ("1. **Do X**"
    then "  - _Objective:_ ..."), or the other way round: a writer's sub-point of the item
    above, though CommonMark would start a new list beside it."""
    indent = len(im.group(1).expandtabs(4))
    parent = item.content_col - len(item.marker) - 1
    if indent < parent + 2 or im.group(2)[:1].isdigit() == item.marker[:1].isdigit():
        return False
    # (a timed entry under a numbered phase, "1. Detection" over "  - 10:00 UTC consumers
    # stop", stays an entry of its own: the timeline reads items, not their sub-points)
    text = im.group(3).lstrip("*_[( ")
    return not (text[:1].isdigit() and (st := timeparse.read_stamp(text)) is not None and st.has_time)


_NUMBERED_NAME = lazy_re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,2}\.?\s+[^\W\d_]")
# a numbered paragraph, "3.1 12:35 — ...", as _ITEM's groups (indent, marker, text)
_NUMBERED_PARA = lazy_re.compile(r"^()(\d{1,2}\.\d{1,2})\s+(\S.*)$")
_PARA_MARKER = lazy_re.compile(r"^\d{1,2}\.\d{1,2}$")
# a lettered point, "(a) ...", as _ITEM's groups
# (and a report's points numbered in brackets: "(1) Direct cause: ...", "(2) ...")
_LETTERED = r"\([a-z]\)|\([ivx]{1,4}\)|[a-z]\)|[ivx]{1,4}[.)]|\([1-9]\d?\)"
_LETTERED_PARA = lazy_re.compile(r"^()(" + _LETTERED + r")\s+(\S.*)$")
_LETTERED_MARKER = lazy_re.compile(_LETTERED)
# a point's code and the padding after it: "R1   ...", "CA-2\t..." (a code and one space
# is a sentence's subject: "Q3 revenue ...")
_CODED_PARA = lazy_re.compile(r"^()([A-Z]{1,3}-?\d{1,2}[.:)]?)(?: {2,}|\t)(\S.*)$")
def _next_letter(marker: str) -> str | None:
    """The marker after a lettered one: "a)" -> "b)", "(b)" -> "(c)" (an indented "i." under
    "a)" is its sub-point, not the next point)."""
    at = 1 if marker[:1] == "(" else 0
    if marker[at:-1].isdigit():
        return f"{marker[:at]}{int(marker[at:-1]) + 1}{marker[-1]}"   # "(1)" -> "(2)"
    letter = marker[at:at + 1]
    if not ("a" <= letter < "z"):
        return None
    return marker[:at] + chr(ord(letter) + 1) + marker[at + 1:]


# a lettered list's first marker, as a line's first three characters
_FIRST_LETTERS = ("a) ", "(a)", "(i)", "(1)")   # (not "i. ": "i. e. whether ..." wrapped onto a line)


def _interrupts(line: str) -> bool:
    """Does ``line`` open a list item right under an item's text, with no blank line
    between? A bullet does; a number does only as "1." or "1)", as CommonMark has it: the
    text's "uploads return" wrapped onto "  429. Customer impact starts." goes on with it."""
    m = _ITEM.match(line)
    return m is not None and (not m.group(2)[:1].isdigit() or m.group(2).rstrip(".)") == "1")


def sections(lines: list[str], first_line: int = 1, heading=None) -> list[Section]:
    """Cut ``lines`` into sections. The text before the first heading is a section with
    level 0 and an empty title. A line that is only bold text (``**Timeline**``) counts
    as a heading one level below the deepest ATX level seen so far is NOT assumed: it is
    given level 7 (a pseudo-heading), so it never closes a real section's subtree; one
    that is only a date or a time is given level 8, under the pseudo-heading above it.
    ``heading(text) -> bool`` may name plain lines that stand alone as headings too
    ("Timeline" on its own line between blank lines); they are pseudo-headings as well."""
    root = Section("", 0, first_line)
    out = [root]
    stack = [root]
    cur = root
    para: list[str] = []
    para_line = 0
    item: Block | None = None
    table: Block | None = None
    fence: str | None = None
    blank = False  # the previous line was blank
    ruled = False  # the last line with anything on it was a thematic break ("---")
    numbered_paras = False   # a report's numbered paragraphs were read as items
    fence_closed = False     # only blank or indented lines since a fenced block closed
    n = len(lines)

    def end_para():
        nonlocal para
        if len(para) == 1:   # (most paragraphs: one line)
            ln_, t = para[0]
            cur.blocks.append(Block("para", ln_, t, children=[t], rows=[(ln_, [t])]))
            para = []
        elif para:
            texts = [t for _, t in para]
            cur.blocks.append(Block("para", para_line, " ".join(texts), children=texts,
                                    rows=[(ln_, [t]) for ln_, t in para]))
            para = []

    def flush():
        nonlocal item, table
        end_para()
        item = None
        table = None

    def open_section(title: str, level: int, line: int):
        nonlocal cur, item, table
        if para:
            end_para()
        item = table = None   # (flush, written out: a heading is a tenth of the lines)
        while stack and stack[-1].level >= level and stack[-1].level != 0:
            stack.pop()
        sec = Section(title, level, line, parent=stack[-1] if stack else None)
        stack.append(sec)
        out.append(sec)
        cur = sec

    i = 0
    while i < n:
        raw = lines[i]
        ln = first_line + i
        if fence is not None:
            if raw.lstrip().startswith(fence):
                fence = None
                fence_closed = True
            elif item is None:
                cur.fenced.append((ln, raw))  # code inside an item stays out of everything
            i += 1
            continue
        stripped = raw.strip()
        if not stripped:
            if para:
                end_para()
            table = None
            # a blank line does not end a list item: its indented continuation may follow
            blank = True
            i += 1
            continue
        c = stripped[0]  # cheap dispatch: each pattern below can only start with these
        if c == ">" and not stripped.strip("> \t"):
            # a quote's own blank line (">") parts its paragraphs as a blank line does
            end_para()
            table = None
            blank = True
            i += 1
            continue
        if c == "<" and stripped.startswith("<!--"):
            # an HTML comment (a template's "<!-- What happened? -->") is never shown: it
            # is no block, nor are the lines up to its "-->" (one never closed hides only
            # its own line: losing the rest of a document is worse than reading a note)
            end_para()
            close = i if "-->" in stripped[4:] else next(
                (k for k in range(i + 1, n) if "-->" in lines[k]), i)
            cur.hidden.extend((first_line + k, lines[k]) for k in range(i + 1, close))
            i = close + 1
            continue
        if fence_closed and item is None and raw[:4] == "    ":
            # a notebook's output below its code cell, indented as nbconvert writes it: code
            # (CommonMark's indented code block), no text of the write-up's
            cur.fenced.append((ln, raw))
            i += 1
            continue
        fence_closed = False
        if c in "`~" and (fm := _FENCE.match(raw)):
            flush()
            fence = fm.group(1)[:3]
            i += 1
            continue
        was_blank, blank = blank, False
        after_rule, ruled = ruled, False
        # (a table's row first: none of the headings and rules below opens with "|")
        if c == "|" and stripped.count("|") >= 2:   # (_is_table_line, the line stripped already)
            if para:
                end_para()
            item = None
            if table is None:
                table = Block("table", ln)
                cur.blocks.append(table)
            # (a delimiter row, "|---|:--:|", holds "--": a row without one is never tried)
            if "--" not in stripped or not _TABLE_SEP.match(raw):
                cells = split_cells(stripped)
                if not table.rows or any(cells):   # (a row of empty cells holds nothing: a frame's line)
                    table.rows.append((ln, cells))
            i += 1
            continue
        if c == "#" and (m := _ATX.match(raw)):
            # a heading's closing "#"s and a colon after its words are punctuation ("## Timeline:")
            title = (m.group(2) or "").strip().rstrip("#").strip()
            if title.endswith("}"):
                title = _ATTRIBUTES.sub("", title)
            open_section(title.rstrip(":").rstrip(), len(m.group(1)), ln)
            i += 1
            continue
        if c == "=" and not para and i + 2 < n and len(stripped) >= 3 and not stripped.strip("=") \
                and lines[i + 2].strip() == stripped and lines[i + 1].strip() and lines[i + 1].strip()[:1] != "=":
            # reStructuredText's title, over- and underlined with "=": one heading
            open_section(lines[i + 1].strip().rstrip(":").rstrip(), 1, ln + 1)
            i += 3
            continue
        # setext heading: a paragraph line followed by === or ---
        if (not para and (item is None or was_blank)
                and i + 1 < n and lines[i + 1][:4].lstrip()[:1] in ("=", "-")
                and _SETEXT.match(lines[i + 1]) and c != "|" and len(stripped) < 200
                and (not _ITEM.match(raw)
                     # "1. DESCRIPTION OF NONCONFORMANCE" over a line of dashes as long: a
                     # numbered heading underlined in plain text, not a list item over a rule
                     # (or framed by rules above and below, whatever their length: a text
                     # report's "-----" / "1. DESCRIPTION" / "-----" banner)
                     # (as wide as the title in columns: a CJK character takes two)
                     or c.isdigit() and len(stripped) >= 5 and (abs(len(lines[i + 1].strip()) - _columns(stripped)) <= 2
                                                                or after_rule and len(stripped) <= 60))):
            level = 1 if lines[i + 1].strip().startswith("=") else 2
            open_section((_ATTRIBUTES.sub("", stripped) if stripped.endswith("}") else stripped).rstrip(":").rstrip(),
                         level, ln)
            i += 2
            continue
        if c in "-*_" and stripped.count(c) >= 3 and _HR.match(raw):   # (a rule is three marks or more)
            flush()
            ruled = True
            i += 1
            continue
        table = None
        standalone = not para and (item is None or was_blank)
        if after_rule and standalone and cur.level == 7 and c in "*_F" and plain(stripped)[:6].lower() == "from: ":
            # "---" then "**From:** Chief Engineer ...": the next mail of a thread, no part of
            # the bold label's section above the rule ("**Agreed actions**" ends with its mail)
            open_section("", 7, ln)
        if c in "*_" and standalone and (bm := _BOLD_LINE.match(raw)) and not _sentence(bm.group(1)):
            title = bm.group(1).strip().rstrip(":")
            # a date or time in bold heads a day or moment of the bold section above it
            # (**Timeline**, then **January 10, 2022**): one level deeper, so it does not end it
            level = 8 if _stamp_only(title) else _outline_level(title, stack) or 7
            if after_rule and level == 7:
                # "---" then "**Recovery path**": the rule ends the heading's section above,
                # and the bold line starts one beside it, not a part of it
                # (under the document's title, its first "# ...", a section's level is the second)
                above = next((sec for sec in reversed(stack) if 0 < sec.level < 7), None)
                level = 7 if above is None else 2 if above is next(
                    (sec for sec in out if sec.level == 1), None) else above.level
            open_section(f"{title} {bm.group(2)}" if bm.group(2) else title, level, ln)
            i += 1
            continue
        # (its length without a note in brackets at its end: "2. TIMELINE (all times IST; the
        # node syslogs are in UTC, add 5:30)")
        if (heading is not None and standalone and (len(stripped) <= 60 or stripped.rstrip(":")[-1:] == ")" and 0 < stripped.find(" (") <= 60)
                and (c.isalpha() and (i + 1 >= n or not lines[i + 1].strip() or _ITEM.match(lines[i + 1])
                                      or _is_table_line(lines[i + 1])
                                      # (a note's "Times (Melbourne time)" right over its
                                      # "3:00 am — ..." lines, after a blank line; a console
                                      # report's "SEQUENCE OF EVENTS" over its indented lines)
                                      or was_blank and (lines[i + 1][:1].isdigit()
                                                        or lines[i + 1][:2] == "  " and (stripped.isupper()
                                                                                         # (or a console export's "Tasks",
                                                                                         # "Work Info / chronology" over its
                                                                                         # indented block, where no line is
                                                                                         # markdown's)
                                                                                         or _plain_text(lines))
                                                        # (or a report in capitals: "SUMMARY" right
                                                        # over "THE NIGHTLY ACH RUN ABENDED ...")
                                                        or stripped.isupper() and lines[i + 1][:1].isupper()
                                                        and lines[i + 1].isupper() and len(lines[i + 1]) > 60))
                     # "3 TIMELINE", "1.2 Timeline": a numbered name, as a PDF's or a word
                     # processor's text gives its headings, with a blank line after it (not
                     # a table of contents' "1. Summary" over "2. Timeline")
                     or c.isdigit() and (i + 1 >= n or not lines[i + 1].strip() or _is_table_line(lines[i + 1])
                                         # (or, after a blank line, right over its first line of
                                         # text, as pdftotext gives "3. Timeline" over "Time (UTC)
                                         # Event": not a contents list's next entry)
                                         or was_blank and lines[i + 1][:1] not in " \t"
                                         and not lines[i + 1][:1].isdigit())
                     and _NUMBERED_NAME.match(stripped))
                and heading(stripped)):
            open_section(stripped.rstrip(":"), 7, ln)
            i += 1
            continue
        im = _ITEM.match(raw) if (c in "-*+•" or c.isdigit()) else None
        if im is None and c.isdigit() and standalone and (pm := _NUMBERED_PARA.match(raw)) \
                and _NUMBERED_NAME.match(cur.title) and cur.title.split(".", 1)[0].strip() == pm.group(2).split(".")[0]:
            # "3.1 12:35 — Change CHG-55102 was implemented" under "## 3. Chronology": a
            # report's numbered paragraphs, each one point of its numbered section, are its
            # list (not "2.5 million users ..." under any other heading)
            im = pm
            numbered_paras = True
        elif im is None and (c == "(" or "a" <= c <= "z") and (standalone or not para and item is not None and item.marker
                                                                and _LETTERED_MARKER.fullmatch(item.marker)
                                                                or para and para[-1][1].rstrip().endswith(":")
                                                                and len(para[-1][1].split()) <= 4
                                                                and stripped[:3] in _FIRST_LETTERS) \
                and (pm := _LETTERED_PARA.match(stripped if para or item is None and stripped[:3] in _FIRST_LETTERS
                                            or raw[:1] == " " and item is not None and item.marker
                                            and _next_letter(item.marker) == stripped[:len(item.marker)] else raw)):
            # "(a) The change was assessed as low risk ...", "b) Announce ...", "(ii) The
            # rollover ...": a report's lettered or numbered-in-roman points are a list (each
            # on a line of its own after the first, too; the first right under the label that
            # introduces them, "Contributing factors:" over "  a) The SDK retried ...")
            im = pm
        elif im is None and "A" <= c <= "Z" and standalone and (pm := _CODED_PARA.match(raw)):
            # "R1   Any change touching 999 call paths ...": a plain-text report's points, each
            # opening with its code and the padding that sets it apart, are a list
            im = pm
        # a marker indented as far as the open item's text is a sub-item of it
        # ("1. Do X" then "   - Owner: ..."), not a new top-level item; a tab reaches
        # the next tab stop (four columns), as CommonMark reads it
        if im and item is not None and (len(im.group(1).expandtabs(4)) >= item.content_col or _nested_other_kind(
                im, item)):
            im = None
        if im and not (raw.startswith("    ") or raw.startswith("\t\t")):
            if para:
                end_para()
            item = Block("item", ln, im.group(3).strip(), marker=im.group(2),
                         content_col=len(im.group(1).expandtabs(4)) + len(im.group(2)) + 1)
            cur.blocks.append(item)
            i += 1
            continue
        if c == ">" and not para and stripped[1:].lstrip()[:1] != ">" and (qm := _ITEM.match(QUOTE_MARK.sub("", stripped))):
            # a list inside a block quote ("> - Severity: SEV2", a callout holding the
            # document's fields) is a list, its items read as any other's (not a quote
            # inside a quote: "> > - 9:58 AM ...", an earlier mail's draft)
            item = Block("item", ln, qm.group(3).strip(), marker=qm.group(2))
            cur.blocks.append(item)
            i += 1
            continue
        indented = raw[:1] in (" ", "\t")
        if item is not None and (indented or not was_blank) \
                and not (not indented and c.isalnum() and _day_alone(stripped)):
            # sub-bullet, indented paragraph, or lazy continuation of the item above (not a
            # day on a line of its own at the margin, "15 Nov (HST)" under "- 23:30 Humidity
            # 71% ...": the next day of a log, no more of the entry above it)
            if indented and (was_blank or item.children or _interrupts(stripped)):
                item.children.append(stripped)
            else:
                # the item's own text hard-wrapped onto the next line (indented or not):
                # one paragraph, as CommonMark reads it (a quoted one without its marks)
                item.text = item.text + " " + (QUOTE_MARK.sub("", stripped) if c == ">" else stripped)
            i += 1
            continue
        if indented and item is None and not para and _ITEM.match(stripped):
            # an indented list with no parent item at the left margin: treat as top level
            im2 = _ITEM.match(stripped)
            item = Block("item", ln, im2.group(3).strip(), marker=im2.group(2))
            cur.blocks.append(item)
            i += 1
            continue
        item = None
        if not para:
            para_line = ln
        # a block quote's paragraph is read as its text: its lines without their "> " marks
        para.append((ln, QUOTE_MARK.sub("", stripped) if c == ">" else stripped))
        i += 1
    flush()
    for sec in out if numbered_paras else ():
        if any(b.kind == "item" and _PARA_MARKER.match(b.marker) for b in sec.blocks) and any(
                b.kind == "table" or b.kind == "item" and not _PARA_MARKER.match(b.marker) for b in sec.blocks):
            # "5.1 The following actions have been agreed." over a table: numbered paragraphs
            # beside a list or table of their section's own introduce it, they are not it
            sec.blocks = [Block("para", b.line, f"{b.marker} {b.text}", children=[f"{b.marker} {b.text}"],
                                rows=[(b.line, [f"{b.marker} {b.text}"])])
                          if b.kind == "item" and _PARA_MARKER.match(b.marker) else b for b in sec.blocks]
    for sec in out:
        if any(b.kind == "table" and _title_row(b) for b in sec.blocks):
            sec.blocks = [part for b in sec.blocks for part in _captioned(b)]
    return out


def _title_row(b: Block) -> bool:
    """A table whose first row is one title merged across it ("| Timeline — Monday, March
    10, 2025 (all times Eastern) |  |  |", as a document editor's merged cells export) and
    whose next row names the columns in bold ("| **Time** | **Event** | **Who** |")."""
    if len(b.rows) < 3 or len(b.rows[0][1]) < 2 or not b.rows[0][1][0].strip() \
            or any(c.strip() for c in b.rows[0][1][1:]):
        return False
    names = [c.strip() for c in b.rows[1][1]]
    return len(names) >= 2 and all(len(c) > 4 and c[:2] in ("**", "__") and c[-2:] in ("**", "__") for c in names)


def _captioned(b: Block) -> list[Block]:
    """A table with a title row (_title_row) as that title, a line of its own above it,
    then the table headed by its next row; any other block as it is."""
    if b.kind != "table" or not _title_row(b):
        return [b]
    ln, (title, *_) = b.rows[0]
    b.rows = b.rows[1:]
    b.line = b.rows[0][0]
    return [Block("para", ln, title, children=[title], rows=[(ln, [title])]), b]
