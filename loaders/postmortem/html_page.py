"""A postmortem kept as an HTML page, written as the markdown the parser reads.

Wikis and word processors export a review as a whole page: Confluence's "Export to HTML"
(a ``<!DOCTYPE html>`` page whose tables sit on one line each, breadcrumbs and all) and
Word's "Save as Web Page" (``<p class=MsoNormal>`` paragraphs, ``MsoTableGrid`` tables,
list paragraphs led by a Symbol-font bullet), often pasted into a wiki under front matter.
``from_html_page(lines)`` reads such a body with the standard library's HTML parser:
headings become markdown headings, paragraphs and line breaks lines, lists items, tables
pipe tables (a title row merged across the whole table set above it, a cell merged down
its rows repeated in each), preformatted text a fenced block, a definition list's term and definition one line; the
page's head, scripts, styles, navigation, images and a site's own header and footer are
left out.

Line numbers: what an element becomes starts on the line the element starts on in the
file, or as soon after it as the elements before it allow (a table written on one line
becomes as many lines as it has rows), so a problem record's line number names the line
an element is written on or one shortly after.

Pure: a function of the lines, no I/O. None when the body is not an HTML page (the few
tables and lists a CMS leaves in markdown are ``other_markup.from_html_blocks``' to read).
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

from loaders import lazy_re
from loaders.postmortem.markdown import MD_HEADING

# a body that opens as a page ("<!DOCTYPE html>", "<html>") or with a block of a word
# processor's or a wiki's HTML ("<div class=WordSection1>", "<table ...>", "<p ...>")
_PAGE_OPEN = lazy_re.compile(r"\s*(?:<!DOCTYPE\s+html|<html\b|<body\b|<div\b|<table\b|<p\b|<h[1-6]\b|<section\b|<article\b)",
                             re.I)
_BLOCKS = frozenset("p div h1 h2 h3 h4 h5 h6 ul ol li table tr td th pre blockquote section article header footer "
                    "main body title dl dt dd hr caption thead tbody tfoot".split())
_SKIPPED = frozenset(("head", "script", "style", "nav", "noscript", "template"))
_VOID = frozenset("br hr img col meta link input area base wbr source".split())
_INLINE = {"b": "**", "strong": "**", "i": "_", "em": "_", "code": "`"}
# a word processor's list paragraph, its bullet or number typed before the text ("·", "o",
# "§", "1.", "a)") and the spaces after it
_LIST_PARA = lazy_re.compile(r"^\s*(?:[·•o§▪–-]|\d{1,2}[.)]|[a-z][.)])\s+")
_NAV = lazy_re.compile(r"breadcrumb|footer|sidebar|navigation|page-metadata-banner", re.I)
_SPACES = lazy_re.compile(r"\s+")
# markdown's own blocks outside any tag: a list item, a table's row, a bold line alone
_MD_BLOCK = lazy_re.compile(r"\s*(?:[-*+]\s|\d{1,3}[.)]\s|\||\*\*[^*]+\*\*:?\s*$)")


def from_html_page(lines: list[str]) -> list[str] | None:
    """The body of ``lines`` after any front matter, read as an HTML page (see the module's
    docstring), the front matter kept as written; None when the body is not one: it must
    open with a page's or a block's tag and hold tags on most of its lines."""
    start = 0
    if lines and lines[0].strip() in ("---", "+++"):
        start = next((i + 1 for i in range(1, len(lines)) if lines[i].strip() == lines[0].strip()), 0)
    body = lines[start:]
    first = next((ln for ln in body if ln.strip()), "")
    if not _PAGE_OPEN.match(first):
        return None
    filled = [ln for ln in body if ln.strip()]
    if sum(1 for ln in filled if "<" in ln) * 3 < len(filled) * 2 \
            or any(MD_HEADING.match(ln) or "<" not in ln and _MD_BLOCK.match(ln) for ln in filled):
        return None   # (markdown with HTML blocks in it, "# Title" or "- [ ] item" beside "<table>": markdown)
    reader = _PageReader(start)
    reader.feed("\n".join(body))
    reader.close()
    out = list(lines[:start])
    for line_no, block in reader.blocks:
        while len(out) < line_no - 1:
            out.append("")
        if out and out[-1].strip():
            out.append("")
        out.extend(block)
    return out if any(ln.strip() for ln in out[start:]) else None


class _PageReader(HTMLParser):
    def __init__(self, offset: int):
        super().__init__(convert_charrefs=True)
        self.before = offset   # lines before the body (front matter)
        self.blocks: list[tuple[int, list[str]]] = []   # (line the element starts on, its markdown lines)
        self.text: list[str] = []   # the inline text of the block being read
        self.text_line = 0
        self.skip = 0   # depth inside elements left out
        self.skip_tags: list[str] = []
        self.lists: list[bool] = []   # ordered?, for each open list
        self.pre = False
        self.list_para = False   # a word processor's list paragraph
        self.table: list[list[tuple[str, int, int]]] | None = None   # rows of (text, colspan, rowspan)
        self.row: list[tuple[str, int, int]] | None = None
        self.cell: list[str] | None = None
        self.cell_span = (1, 1)
        self.table_line = 0
        self.heading = 0
        self.within = 0   # depth inside <article> and <main>

    # ------------------------------------------------------------------ positions, text
    def _line(self) -> int:
        return self.getpos()[0] + self.before

    def _flush(self) -> None:
        """The inline text read so far as a block of its own (a paragraph, a heading, an item)."""
        said = "".join(self.text)
        self.text = []
        if self.pre:
            return
        parts = [_SPACES.sub(" ", p).strip() for p in said.split("\n")]
        parts = [p for p in parts if p and p.strip("*_` ")]
        if not parts:
            return
        if self.heading:
            self.blocks.append((self.text_line, ["#" * self.heading + " " + " ".join(p.strip("*_ ") for p in parts)]))
        elif self.lists:
            mark = "1. " if self.lists[-1] else "- "
            self.blocks.append((self.text_line, ["  " * (len(self.lists) - 1) + mark + " ".join(parts)]))
        elif self.list_para and (m := _LIST_PARA.match(parts[0])):
            self.blocks.append((self.text_line, ["- " + parts[0][m.end():], *parts[1:]]))
        else:
            self.blocks.append((self.text_line, parts))

    # ------------------------------------------------------------------------- tags
    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        if self.skip:
            if tag not in _VOID:
                self.skip_tags.append(tag)
                self.skip += 1
            return
        named = " ".join(v or "" for k, v in attrs if k in ("id", "class"))
        if tag in _SKIPPED or (tag in ("div", "ol", "ul") and _NAV.search(named)) \
                or tag == "footer" or tag == "header" and not self.within:
            # (a site's header and footer, "<header><h1>Acme Status</h1>", are no part of the
            # page's own text; an article's header is)
            self.skip, self.skip_tags = 1, [tag]
            return
        if tag in ("article", "main"):
            self.within += 1
        if self.cell is not None:
            self._in_cell_start(tag, attrs)
            return
        if tag == "table":
            self._flush()
            if self.table is not None:   # (a table inside a cell's table: read as text of the cell)
                return
            self.table, self.table_line = [], self._line()
            return
        if self.table is not None:
            if tag == "tr":
                self.row = []
            elif tag in ("td", "th"):
                if self.row is None:
                    self.row = []
                spans = dict(attrs)
                self.cell, self.cell_span = [], (_span(spans.get("colspan")), _span(spans.get("rowspan")))
            return
        if tag == "dd" and self.text:
            self.text.append(" — ")   # ("<dt>14:02</dt><dd>alert fires</dd>": the term, then what it says)
            return
        if tag in _BLOCKS or tag == "br" and self.pre:
            if tag == "br":
                self.text.append("\n")
                return
            self._flush()
            self.text_line = self._line()
            if tag in ("ul", "ol"):
                self.lists.append(tag == "ol")
            elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                self.heading = int(tag[1])
            elif tag == "pre":
                self.pre = True
            elif tag == "p":
                self.list_para = "msolist" in named.lower()
            elif tag == "hr":
                self.blocks.append((self.text_line, ["---"]))
            return
        if tag == "br":
            self.text.append("\n")
        elif tag in _INLINE:
            self._mark(_INLINE[tag])

    def handle_endtag(self, tag):
        tag = tag.lower()
        if self.skip:
            if tag in self.skip_tags:
                while self.skip_tags and self.skip_tags.pop() != tag:
                    self.skip -= 1
                self.skip -= 1
            return
        if self.cell is not None and tag not in ("td", "th", "tr", "table"):
            if tag in ("p", "div", "li"):
                self.cell.append("\n")
            elif tag in _INLINE:
                self.cell.append(_INLINE[tag])
            return
        if self.table is not None:
            if tag in ("td", "th") and self.cell is not None:
                self._end_cell()
            elif tag == "tr":
                if self.cell is not None:
                    self._end_cell()
                if self.row:
                    self.table.append(self.row)
                self.row = None
            elif tag == "table":
                if self.cell is not None:
                    self._end_cell()
                if self.row:
                    self.table.append(self.row)
                self._end_table()
            return
        if tag in _INLINE:
            self._mark(_INLINE[tag])
        elif tag == "pre" and self.pre:
            code = "".join(self.text)
            self.text = []
            self.pre = False
            self.blocks.append((self.text_line, ["```", *code.strip("\n").split("\n"), "```"]))
        elif tag == "dt":
            return   # (its definition follows on the same line)
        elif tag in _BLOCKS:
            self._flush()
            if tag in ("article", "main") and self.within:
                self.within -= 1
            if tag in ("ul", "ol") and self.lists:
                self.lists.pop()
            if tag.startswith("h") and tag[1:].isdigit():
                self.heading = 0
            if tag == "p":
                self.list_para = False
            self.text_line = self._line()

    def handle_data(self, data):
        if self.skip:
            return
        if self.cell is not None:
            self.cell.append(data)
            return
        if self.table is not None:
            return   # (spaces between a table's tags)
        if not self.text:
            self.text_line = self._line()
        self.text.append(data if self.pre else data.replace("\xa0", " "))

    def close(self):
        super().close()
        if self.table is not None:
            if self.row:
                self.table.append(self.row)
            self._end_table()
        self._flush()

    # ------------------------------------------------------------------------ helpers
    def _mark(self, mark: str) -> None:
        if not self.pre:
            self.text.append(mark)

    def _in_cell_start(self, tag: str, attrs) -> None:
        # (a line break inside a cell runs its words on, "14 Jan<br>21:30"; a paragraph or
        # an item is a part of its own, joined to the next by a semicolon)
        if tag == "br":
            self.cell.append(" ")
        elif tag in ("p", "div", "li") and self.cell:
            self.cell.append("\n")
        if tag == "li":
            self.cell.append("- ")
        elif tag in _INLINE:
            self.cell.append(_INLINE[tag])

    def _end_cell(self) -> None:
        parts = [_SPACES.sub(" ", p.replace("\xa0", " ")).strip() for p in "".join(self.cell or []).split("\n")]
        parts = [p.strip() for p in parts if p.strip(" *_`")]
        text = "; ".join(p[2:] if p.startswith("- ") and len(parts) > 1 else p for p in parts)
        self.row.append((text.replace("|", "/"), *self.cell_span))
        self.cell = None

    def _end_table(self) -> None:
        rows, line = self.table or [], self.table_line
        self.table = None
        if not rows:
            return
        grid = _grid(rows)
        width = max(len(r) for r in grid)
        grid = [r + [""] * (width - len(r)) for r in grid]
        above: list[str] = []
        # a title row merged across the whole table ("Follow-up actions (tracked in PAY
        # project)"): the table's caption, set above it, the next row its header
        while len(grid) > 1 and len(rows[0]) == 1 and rows[0][0][1] >= width > 1:
            above.append(f"**{grid[0][0].strip('*_ ')}**")
            grid, rows = grid[1:], rows[1:]
        out = above + ([""] if above else [])
        out.append("| " + " | ".join(grid[0]) + " |")
        out.append("|" + "---|" * width)
        out.extend("| " + " | ".join(r) + " |" for r in grid[1:])
        self.blocks.append((line, out))


def _span(value: str | None) -> int:
    try:
        return max(1, min(50, int(value or 1)))
    except ValueError:
        return 1


def _grid(rows: list[list[tuple[str, int, int]]]) -> list[list[str]]:
    """The cells of each row laid out on a grid: a cell merged across columns fills them
    (its text in the first, the rest empty), one merged down rows is repeated in each."""
    grid: list[list[str]] = []
    down: dict[int, tuple[str, int]] = {}   # column -> (text, rows still to fill)
    for row in rows:
        out: list[str] = []
        col = 0
        pending = list(row)
        while pending or col in down:
            if col in down:
                text, left = down[col]
                out.append(text)
                if left <= 1:
                    del down[col]
                else:
                    down[col] = (text, left - 1)
                col += 1
                continue
            text, colspan, rowspan = pending.pop(0)
            for k in range(colspan):
                out.append(text if k == 0 else "")
                if rowspan > 1:
                    down[col] = (text if k == 0 else "", rowspan - 1)
                col += 1
        grid.append(out)
    return grid
