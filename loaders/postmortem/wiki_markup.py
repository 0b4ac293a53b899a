"""Jira's wiki markup (also Confluence's older storage format), written as the markdown
the parser reads: a postmortem pasted from a Jira ticket's description keeps its ``h2.``
headings, ``||header||`` tables, ``#`` numbered lists and ``*bold*`` labels.

``from_jira_wiki(lines)`` is a pure function of the lines: the same number of lines, each
rewritten on its own (a problem record's line number still names the line as written),
or None when the text is not Jira markup. A text is Jira markup when it has a heading of
Jira's form (``h1. Title`` at a line's start) and, beside it, another such heading or a
``||header||`` row, and nothing only markdown writes (a table's ``|---|`` delimiter row, a
fenced block): one ``h1.`` line in a markdown document is a line of prose. (A line opening
with ``#`` says nothing either way: a heading in markdown, a numbered item in Jira.)
"""
from __future__ import annotations

from loaders import lazy_re

_HEADING = lazy_re.compile(r"^h([1-6])\.\s+(.*)$")
_HEADER_ROW = lazy_re.compile(r"^\s*\|\|.*\|\|\s*$")
_MARKDOWN_ONLY = lazy_re.compile(r"^\s*(?:\|\s*:?-{3,}|```|~~~)")
# "# item", "## sub-item": a numbered list, deeper by each "#"; "* item", "** sub-item" a bulleted one
_NUMBERED = lazy_re.compile(r"^(#{1,6})\s+(.*)$")
_BULLETED = lazy_re.compile(r"^(\*{1,6}|-)\s+(.*)$")
# a block macro alone on its line: "{code:java}", "{noformat}", "{panel:title=Note}", "{quote}"
_BLOCK_MACRO = lazy_re.compile(r"^\s*\{(code|noformat|panel|quote|info|note|warning|tip|expand)(?::[^}]*)?\}\s*$")
_BOLD = lazy_re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
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
