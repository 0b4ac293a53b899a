"""Wiki markups written as the markdown the parser reads: Jira's (also Confluence's older
storage format), MediaWiki's and DokuWiki's. A postmortem pasted from a Jira ticket keeps
its ``h2.`` headings, ``||header||`` tables, ``#`` numbered lists and ``*bold*`` labels; a
page moved out of a MediaWiki or DokuWiki keeps its ``== Timeline ==`` headings, its
``{| |}`` or ``^ header ^`` tables and its infobox's fields.

``from_jira_wiki(lines)``, ``from_mediawiki(lines)`` and ``from_dokuwiki(lines)`` are pure
functions of the lines: the same number of lines, each rewritten where it stands (a problem
record's line number still names the line as written), or None when the text is not in
that markup. A text is Jira markup when it has a heading of Jira's form (``h1. Title`` at a
line's start) and, beside it, another such heading or a ``||header||`` row, and nothing only
markdown writes (a table's ``|---|`` delimiter row, a fenced block): one ``h1.`` line in a
markdown document is a line of prose. (A line opening with ``#`` says nothing either way: a
heading in markdown, a numbered item in Jira and MediaWiki.) MediaWiki and DokuWiki are
told below, by their headings between runs of ``=`` and a sign of their own beside them.
"""
from __future__ import annotations

import re

from loaders import lazy_re
from loaders.postmortem.markdown import MD_HEADING

_HEADING = lazy_re.compile(r"^h([1-6])\.\s+(.*)$")
_HEADER_ROW = lazy_re.compile(r"^\s*\|\|.*\|\|\s*$")
_MARKDOWN_ONLY = lazy_re.compile(r"^\s*(?:\|\s*:?-{3,}|```|~~~)")
# "# item", "## sub-item": a numbered list, deeper by each "#"; "* item", "** sub-item" a bulleted one
_NUMBERED = lazy_re.compile(r"^(#{1,6})\s+(.*)$")
_BULLETED = lazy_re.compile(r"^(\*{1,6}|-)\s+(.*)$")
# a block macro alone on its line: "{code:java}", "{noformat}", "{panel:title=Note}", "{quote}"
_BLOCK_MACRO = lazy_re.compile(r"^\s*\{(code|noformat|panel|quote|info|note|warning|tip|expand)(?::[^}]*)?\}\s*$")
_BOLD = lazy_re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
# "-struck through-" (as Textile writes it too), not a hyphenated word nor a "--" separator
_STRUCK = lazy_re.compile(r"(?<![\w-])-(?=[^\s-])([^\n]+?)(?<=[^\s-])-(?![\w-])")
_MONOSPACE = lazy_re.compile(r"\{\{(.+?)\}\}")
_INLINE_MACRO = lazy_re.compile(r"\{(?:noformat|code)(?::[^}]*)?\}(.*?)\{(?:noformat|code)\}")
_COLOR = lazy_re.compile(r"\{color(?::[^}]*)?\}")
_MENTION = lazy_re.compile(r"\[~([^\]|]+)\]")
_LINK = lazy_re.compile(r"\[([^\]|\n]+)\|([^\]\n]+)\]")
# Jira's emoticons: "(/)" a tick, "(x)" a cross, "(!)" a warning, "(i)", "(?)", "(y)", "(n)", "(on)", "(off)", "(*)"
_EMOTICON = lazy_re.compile(r"\((?:/|x|!|i|\?|y|n|on|off|\*[rgby]?)\)\s?")


def is_jira_wiki(lines: list[str]) -> bool:
    """Whether the text is written in Jira's wiki markup (see the module's docstring)."""
    headings = rows = 0
    for line in lines:
        if line[:1] == "h" and _HEADING.match(line):
            headings += 1
        elif line[:2] == "||" and _HEADER_ROW.match(line):
            rows += 1
        elif _MARKDOWN_ONLY.match(line):
            return False
    return headings >= 2 or (headings >= 1 and rows >= 1)


def _inline(text: str) -> str:
    if "{" in text:
        text = _INLINE_MACRO.sub(lambda m: f"`{m.group(1)}`", text)
        text = _MONOSPACE.sub(lambda m: f"`{m.group(1)}`", text)
        text = _COLOR.sub("", text)
    if "[" in text:
        text = _MENTION.sub(lambda m: "@" + m.group(1), text)
        text = _LINK.sub(lambda m: f"[{m.group(1)}]({m.group(2)})", text)
    if "(" in text:
        text = _EMOTICON.sub("", text)
    if "-" in text:
        text = _STRUCK.sub(lambda m: f"~~{m.group(1)}~~", text)   # "-Grow the volumes-": done, struck through
    return single_star_bold(text)


def single_star_bold(text: str) -> str:
    """``*bold*``, as Jira, AsciiDoc and Org write it, as markdown's ``**bold**`` (a
    markdown ``**bold**`` stays as it is)."""
    return _BOLD.sub(lambda m: f"**{m.group(1)}**", text) if "*" in text else text


def _line(line: str) -> str:
    if (m := _HEADING.match(line)) is not None:
        return "#" * int(m.group(1)) + " " + _inline(m.group(2))
    if (macro := _BLOCK_MACRO.match(line)) is not None:
        return "```" if macro.group(1) in ("code", "noformat") else ""
    if line[:2] == "||":
        return "|" + "|".join(f" {_inline(c.strip())} " for c in line.strip().strip("|").split("||")) + "|"
    if line[:1] == "|":
        return _inline(line)
    if line[:1] == "#" and (m := _NUMBERED.match(line)) is not None:
        return "   " * (len(m.group(1)) - 1) + "1. " + _inline(m.group(2))
    if line[:1] in "*-" and (m := _BULLETED.match(line)) is not None:
        return "  " * (len(m.group(1)) - 1) + "- " + _inline(m.group(2))
    if line[:4] == "bq. ":
        return "> " + _inline(line[4:])
    return _inline(line)


def from_jira_wiki(lines: list[str]) -> list[str] | None:
    """The lines as markdown, one for one, or None when they are not Jira markup."""
    if not is_jira_wiki(lines):
        return None
    out, fenced = [], False
    for line in lines:
        if fenced:
            if _BLOCK_MACRO.match(line):
                fenced = False
                out.append("```")
            else:
                out.append(line)
            continue
        new = _line(line)
        if new == "```":
            fenced = True
        out.append(new)
    return out


# ------------------------------------------------------------------------------ MediaWiki
#
# A page kept in MediaWiki (or exported from it after a migration): "== Timeline ==" headings
# with the name between equal runs, "'''bold'''" and "''italic''", "*" bullets and "#" numbers
# at a line's start, "{| ... |}" tables, an infobox template's "| key = value" lines, links
# in double brackets. A text is MediaWiki when two headings or more are written so (the run
# of "=" on both sides: AsciiDoc writes it before the name only) and a sign of MediaWiki
# stands beside them: a "{|" table, "'''" bold, a "[[...]]" link or a "{{...}}" template.

_MW_HEADING = lazy_re.compile(r"^(={1,6})\s*([^=\s].*?)\s*\1\s*$")
_MW_SIGNS = ("{|", "'''", "[[", "{{", "<code>", "<s>")
_MW_BOLD = lazy_re.compile(r"'''(.+?)'''")
_MW_ITALIC = lazy_re.compile(r"''(.+?)''")
# "[[User:Hkarlsson|Henrik Karlsson]]" its text; "[[Change:CHG-5521]]", "[[Runbooks/DB]]" its name
# (DokuWiki writes its links so too)
_MW_LINK = lazy_re.compile(r"\[\[(?:[^\]|\n]*\|)?([^\]|\n]+)\]\]")
_MW_CATEGORY = lazy_re.compile(r"^\s*\[\[(?:Category|Kategorie|Catégorie):[^\]\n]*\]\]\s*$", re.I)
_MW_EXTERNAL = lazy_re.compile(r"(?<!\[)\[(https?://[^\s\]]+)\s+([^\]\n]+)\]")
# an inline template: "{{jira|DBA-412}}" its last value ("DBA-412"), "{{tl|jira}}" likewise
_MW_TEMPLATE = lazy_re.compile(r"\{\{(?:[^{}|\n]+\|)*([^{}|\n]+)\}\}")
_MW_TEMPLATE_OPEN = lazy_re.compile(r"^\s*\{\{\s*([^{}|\n]+?)\s*$")
_MW_PARAM = lazy_re.compile(r"^\s*\|\s*([^=|\n]+?)\s*=\s*(.*?)\s*$")
_MW_LIST = lazy_re.compile(r"^([*#]+)(:?)\s*(.*)$")
_MW_DEFINITION = lazy_re.compile(r"^([;:]+)\s*(.*)$")
_MW_TAGS = ((lazy_re.compile(r"</?(?:s|del|strike)>"), "~~"), (lazy_re.compile(r"</?code>"), "`"),
            (lazy_re.compile(r"<br\s*/?>"), " "), (lazy_re.compile(r"</?(?:small|big|span|u|sup|sub)(?:\s[^>]*)?>"), ""))
_MW_FENCE = lazy_re.compile(r"^\s*</?(?:pre|syntaxhighlight|source)(?:\s[^>]*)?>\s*$")
_MW_MAGIC = lazy_re.compile(r"^\s*__[A-Z]+__\s*$")   # "__TOC__", "__NOTOC__"
_MW_CELL_ATTRIBUTES = lazy_re.compile(r"^\s*[\w-]+\s*=\s*\"[^\"]*\"(?:\s+[\w-]+\s*=\s*\"[^\"]*\")*\s*\|(?!\|)")


def is_mediawiki(lines: list[str]) -> bool:
    """Whether the text is written in MediaWiki's markup (see above)."""
    headings = 0
    for line in lines:
        if _MARKDOWN_ONLY.match(line):
            return False   # (a line opening with "#" says nothing: a numbered item in MediaWiki)
        if line[:1] == "=" and _MW_HEADING.match(line):
            headings += 1
    if headings < 2:
        return False
    text = "\n".join(lines)
    return any(sign in text for sign in _MW_SIGNS)


def _mw_inline(text: str) -> str:
    if "{{" in text:
        text = _MW_TEMPLATE.sub(lambda m: m.group(1).strip(), text)
    if "[" in text:
        text = _MW_LINK.sub(lambda m: m.group(1).strip(), text)
        text = _MW_EXTERNAL.sub(lambda m: f"[{m.group(2)}]({m.group(1)})", text)
    if "''" in text:
        text = _MW_ITALIC.sub(lambda m: f"_{m.group(1)}_", _MW_BOLD.sub(lambda m: f"**{m.group(1)}**", text))
    if "<" in text:
        for rx, to in _MW_TAGS:
            text = rx.sub(to, text)
    return text


def _mw_cells(line: str, mark: str) -> list[str]:
    """A table line's cells: "| a || b", "! Time !! Event" (a cell's attributes before its
    own "|" set aside: 'colspan="2" | Incident summary')."""
    return [_MW_CELL_ATTRIBUTES.sub("", c).strip() for c in line.strip()[1:].split(mark * 2)]


def _mw_table(block: list[str]) -> list[str]:
    """A "{| ... |}" table's lines as a pipe table's, one for one: its first row (the header)
    on the "{|" line, the delimiter row on the line after it, each other row on its own
    first line, and every other line an empty row the reader skips (which keeps it one table)."""
    rows: list[tuple[int, list[str]]] = []   # (the line a row starts on, its cells)
    current = None   # the row being read: its cells run on, a line each or more, to the next "|-"
    for k, line in enumerate(block[1:-1], start=1):
        s = line.strip()
        if s.startswith("|-"):
            current = None
        elif s.startswith("|+"):
            continue   # (the table's caption)
        elif s[:1] in "|!":
            cells = _mw_cells(s, s[0])
            if current is None:
                current = (k, cells)
                rows.append(current)
            else:
                current[1].extend(cells)
        elif current is not None and s:
            current[1][-1] += " " + s   # (a cell's text going on over the next line)
    out = [""] * len(block)
    if not rows:
        return out
    width = max(len(cells) for _, cells in rows)
    frame = "|" + " |" * width

    def row(cells):
        cells = cells + [""] * (width - len(cells))
        return "| " + " | ".join(_mw_inline(c).replace("|", "\\|") for c in cells) + " |"

    (_, head), body = rows[0], rows[1:]
    if all(len(cells) == 2 and cells[0].startswith("'''") for _, cells in rows) or \
            len(head) == 1 and body and all(len(cells) == 2 for _, cells in body):
        # a box of fields beside each other ("| '''Date''' || 7 November 2024"), perhaps under a
        # caption ("! colspan="2" | Incident summary"): each a field of its own
        for k, cells in (body if len(head) == 1 else rows):
            out[k] = f"**{_mw_inline(cells[0]).strip('*: ')}:** {_mw_inline(cells[1])}"
        return out
    out[0] = row(head)
    out[1] = "|" + "---|" * width
    taken = {0, 1}
    for k, cells in body:
        k = max(k, max(taken) + 1)
        if k >= len(out):
            break
        out[k] = row(cells)
        taken.add(k)
    for k in range(2, len(out)):
        if k not in taken:
            out[k] = frame
    out[-1] = ""
    return out


def from_mediawiki(lines: list[str]) -> list[str] | None:
    """The lines as markdown, one for one, or None when they are not MediaWiki's markup."""
    if not is_mediawiki(lines):
        return None
    out: list[str] = []
    table: list[str] | None = None
    template = fenced = False
    for line in lines:
        if table is not None:
            table.append(line)
            if line.strip().startswith("|}"):
                out.extend(_mw_table(table))
                table = None
            continue
        if fenced:
            fenced = not _MW_FENCE.match(line)
            out.append(line if fenced else "```")
            continue
        if template:
            if line.strip().startswith("}}"):
                template = False
                out.append("")
            elif (m := _MW_PARAM.match(line)) is not None:
                out.append(f"**{m.group(1).replace('_', ' ')}:** {_mw_inline(m.group(2))}" if m.group(2) else "")
            else:
                out.append(_mw_inline(line))
            continue
        s = line.strip()
        if s.startswith("{|"):
            table = [line]
        elif _MW_TEMPLATE_OPEN.match(line):
            template = True
            out.append("")
        elif _MW_FENCE.match(line):
            fenced = True
            out.append("```")
        elif line[:1] == "=" and (m := _MW_HEADING.match(line)):
            out.append("#" * len(m.group(1)) + " " + _mw_inline(m.group(2)))
        elif line[:1] in "*#" and (m := _MW_LIST.match(line)):
            marks = m.group(1)
            if m.group(2):   # "#:" / "*:": the item above going on
                out.append("   " * len(marks) + _mw_inline(m.group(3)))
            else:
                out.append("   " * (len(marks) - 1) + ("1. " if marks[-1] == "#" else "- ") + _mw_inline(m.group(3)))
        elif line[:1] in ";:" and (m := _MW_DEFINITION.match(line)):
            # "; What went well" a term, ": The alert paged ..." what it says
            out.append(f"**{_mw_inline(m.group(2))}**" if m.group(1)[-1] == ";" else "- " + _mw_inline(m.group(2)))
        elif _MW_CATEGORY.match(line) or _MW_MAGIC.match(line):
            out.append("")
        else:
            out.append(_mw_inline(line))
    if table is not None:   # (a table never closed: its lines as they stand)
        out.extend(_mw_inline(ln) for ln in table)
    return out


# ------------------------------------------------------------------------------- DokuWiki
#
# A page kept in DokuWiki: headings between runs of "=", six for the page's title down to
# two ("====== Title ======", "===== Timeline ====="), "^ header ^" cells and "| cell |"
# rows, list items indented two spaces or more ("  * item", "  - numbered"), "//italic//",
# "''monospace''", "<del>struck</del>", a line broken by "\\". A text is DokuWiki when two
# headings or more are written so and one of them, or a "^" table row, or an item indented
# as DokuWiki indents it, says so (a MediaWiki page's headings run from "=" up: "==" is its
# section).

_DW_HEADING = lazy_re.compile(r"^\s*(={2,6})\s*([^=\s].*?)\s*={2,6}\s*$")
_DW_HEADER_ROW = lazy_re.compile(r"^\s*\^.*[\^|]\s*$")
_DW_ITEM = lazy_re.compile(r"^( {2,}|\t+)([*-])\s+(.*)$")
_DW_ITALIC = lazy_re.compile(r"(?<![:/])//(?=\S)(.+?)(?<=\S)//")
_DW_MONO = lazy_re.compile(r"''(.+?)''")
_DW_MACRO = lazy_re.compile(r"\{\{[^{}\n]*\}\}|~~[A-Z]+~~")   # "{{tag>postmortem dns}}", "~~NOTOC~~"
_DW_WRAP = lazy_re.compile(r"^\s*</?(?:WRAP|wrap|note|box)\b[^>]*>\s*$")
_DW_FENCE = lazy_re.compile(r"^\s*</?(?:code|file)\b[^>]*>\s*$")
_DW_TAGS = ((lazy_re.compile(r"</?del>"), "~~"), (lazy_re.compile(r"</?(?:sup|sub|wrap|WRAP)[^>]*>"), ""))


def is_dokuwiki(lines: list[str]) -> bool:
    """Whether the text is written in DokuWiki's markup (see above)."""
    headings, deep, signs = 0, False, 0
    for line in lines:
        if line[:1] == "#" and MD_HEADING.match(line):
            return False
        if "=" in line[:8] and (m := _DW_HEADING.match(line)):
            headings += 1
            deep = deep or len(m.group(1)) >= 5
        elif line[:1] == "^" and _DW_HEADER_ROW.match(line) or line[:2] == "  " and _DW_ITEM.match(line):
            signs += 1
    return headings >= 2 and (deep or signs > 0)


def _dw_inline(text: str) -> str:
    if text.rstrip().endswith("\\\\"):
        text = text.rstrip()[:-2].rstrip()   # (a line broken with "\\": the break)
    if "{{" in text or "~~" in text:
        text = _DW_MACRO.sub("", text)
    if "[[" in text:
        text = _MW_LINK.sub(lambda m: m.group(1).strip(), text)
    if "//" in text:
        text = _DW_ITALIC.sub(lambda m: f"_{m.group(1)}_", text)
    if "''" in text:
        text = _DW_MONO.sub(lambda m: f"`{m.group(1)}`", text)
    if "<" in text:
        for rx, to in _DW_TAGS:
            text = rx.sub(to, text)
    return text


def _dw_cells(line: str) -> list[tuple[bool, str]]:
    """A table row's cells, each with whether it is a header cell ("^") or not ("|")."""
    s = line.strip()
    out, k = [], 0
    while k < len(s) - 1:
        mark = s[k]
        nxt = min((j for j in (s.find("^", k + 1), s.find("|", k + 1)) if j != -1), default=len(s))
        out.append((mark == "^", s[k + 1:nxt].strip()))
        k = nxt
    return out


def from_dokuwiki(lines: list[str]) -> list[str] | None:
    """The lines as markdown, one for one, or None when they are not DokuWiki's markup."""
    if not is_dokuwiki(lines):
        return None
    out: list[str] = []
    fenced = False
    width = None   # the columns of the table being read, once its header is written
    for line in lines:
        if fenced:
            fenced = not _DW_FENCE.match(line)
            out.append(line if fenced else "```")
            continue
        s = line.strip()
        if s[:1] in "^|" and len(s) > 1 and s[-1] in "^|":
            cells = _dw_cells(line)
            said = [_dw_inline(c).replace("|", "\\|") for _, c in cells]
            if width is None and len(cells) == 2 and cells[0][0] and not cells[1][0]:
                out.append(f"**{said[0].strip('*: ')}:** {said[1]}")   # "^ Severity | SEV1 |": a field
                continue
            if width is None:
                width = len(cells)
                if out and not out[-1].strip():
                    out[-1] = "| " + " | ".join(said) + " |"
                    out.append("|" + "---|" * width)
                else:   # (no line free above it: the header and its delimiter row on one line each)
                    out.append("| " + " | ".join(said) + " |")
                    continue
            else:
                out.append("| " + " | ".join(said) + " |")
            continue
        width = None
        if "=" in line[:8] and (m := _DW_HEADING.match(line)):
            out.append("#" * max(1, 7 - len(m.group(1))) + " " + _dw_inline(m.group(2)))
        elif line[:1] in " \t" and (m := _DW_ITEM.match(line)):
            depth = len(m.group(1).expandtabs(2)) // 2
            out.append("  " * (depth - 1) + ("1. " if m.group(2) == "-" else "- ") + _dw_inline(m.group(3)))
        elif _DW_FENCE.match(line):
            fenced = True
            out.append("```")
        elif _DW_WRAP.match(line):
            out.append("")
        else:
            out.append(_dw_inline(line))
    return out
