"""A postmortem presented as slides and exported to text, written as the markdown the parser
reads: each slide's title a heading, what is on it the section under it.

Three exports keep a deck's slides apart in ways markdown does not:

- numbered slides: a line that is only the slide's number ("Slide 4", "Slide 6 of 11",
  "--- Slide 7 ---") over the slide's title, as PowerPoint's and Google Slides' text
  exports write them (the deck's first title is the document's);
- pages: a deck printed to PDF and converted with pdftotext, a form feed between pages,
  each page opening with its slide's title and closing with the deck's footer (the same
  line on every page but for its page number, left out);
- an outline: PowerPoint's outline view copied as text, every slide's title at the margin
  and its points indented by tabs below it (one tab a point, two a point under it).

``from_slides(lines)`` is a pure function of the lines: the same number of lines, each
rewritten where it stands, or None when the text is none of these (or is markdown already:
a deck written in Marp, reveal.js or Slidev is markdown, its "---" slide breaks rules).
"""
from __future__ import annotations

import re

from loaders import lazy_re
from loaders.postmortem.markdown import MD_HEADING

_SLIDE_NUMBER = lazy_re.compile(r"^\s*(?:-{2,}\s*)?slide\s+\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?\s*(?:-{2,})?\s*:?\s*$", re.I)
_DIGITS = lazy_re.compile(r"\d+")
_LIST_ITEM = lazy_re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s")
_BULLET_TITLE = lazy_re.compile(r"^[•▪◦‣·]\s")
# a slide's title: words, not a clock, a number or a bracket first, and short
_SLIDE_TITLE = lazy_re.compile(r"^(?=[^\W\d_])(?!.*\d{1,2}[:.]\d\d\s).{1,100}$")


def from_slides(text: str, lines: list[str]) -> list[str] | None:
    """``lines`` as markdown when the text is a deck exported to text (see the module's
    docstring), else None."""
    if any(MD_HEADING.match(ln) for ln in lines):
        return None
    if "lide" in text and (out := _numbered_slides(lines)) is not None:
        return out
    if text.count("\f") >= 3 and (out := _pages(text, lines)) is not None:
        return out
    if "\n\t" in text and (out := _outline(lines)) is not None:
        return out
    return None


def _numbered_slides(lines: list[str]) -> list[str] | None:
    """Slides kept apart by a line that is only their number: the number's line left
    blank, the line after it (the slide's title) a heading."""
    marks = [i for i, ln in enumerate(lines) if _SLIDE_NUMBER.match(ln)]
    # (the deck's first slide opening the text, its numbers counting up: not reviewers' notes
    # on "Slide 2", "Slide 4" at the end of a report)
    opening = [ln for ln in lines[:marks[0]] if ln.strip()] if marks else []
    numbers = [int(_DIGITS.search(lines[i]).group(0)) for i in marks]
    if len(marks) < 3 or opening or numbers[0] > 1 or numbers != sorted(numbers):
        return None
    out = list(lines)
    for k, i in enumerate(marks):
        out[i] = ""
        title = next((j for j in range(i + 1, min(i + 4, len(lines))) if lines[j].strip()), None)
        if title is not None and len(lines[title].strip()) <= 120 and not _SLIDE_NUMBER.match(lines[title]):
            out[title] = ("# " if k == 0 else "## ") + _bulletless(lines[title])
    return out


def _pages(text: str, lines: list[str]) -> list[str] | None:
    """A deck printed page by page (form feeds between): each page's first line a
    heading, the footer every page repeats left out. (A form feed ends a line as a line
    break does, so the pages are told from the text's own line endings.)"""
    ends = text.splitlines(keepends=True)
    if len(ends) != len(lines):
        return None
    pages: list[list[int]] = [[]]
    for i, ln in enumerate(ends):
        pages[-1].append(i)
        if ln.endswith("\f"):
            pages.append([])
    filled = [[i for i in p if lines[i].replace("\f", "").strip()] for p in pages]
    filled = [p for p in filled if p]
    if len(filled) < 3:
        return None
    # the footer: a page's last line that, its numbers aside, closes most pages
    lasts = [_DIGITS.sub("#", lines[p[-1]].replace("\f", "").strip()) for p in filled]
    footer = max(set(lasts), key=lasts.count)
    footed = lasts.count(footer) * 2 >= len(filled) and len(filled) >= 3
    # (a deck's pages each open with a title of their own: a report printed page by page opens
    # them with a marking ("OFFICIAL") or in the middle of a section, "14:06 PagerDuty pages ...")
    firsts = [lines[p[0]].replace("\f", "").strip() for p in filled]
    if not footed or len(set(firsts)) < len(firsts) or not all(_SLIDE_TITLE.match(f) for f in firsts):
        return None
    out = [ln.replace("\f", "") for ln in lines]
    for k, p in enumerate(filled):
        if footed and _DIGITS.sub("#", lines[p[-1]].replace("\f", "").strip()) == footer:
            out[p[-1]] = ""
            p = p[:-1]
        if not p:
            continue
        first = out[p[0]].strip()
        if len(first) <= 100 and not first.endswith((".", ",", ";")):
            out[p[0]] = ("# " if k == 0 else "## ") + first
    return out


def _outline(lines: list[str]) -> list[str] | None:
    """An outline copied as text: titles at the margin, points indented by tabs. Four
    titles at least with points under them, and most lines points."""
    filled = [ln for ln in lines if ln.strip()]
    tabbed = sum(1 for ln in filled if ln.startswith("\t"))
    titles = [i for i, ln in enumerate(lines) if ln.strip() and not ln[:1].isspace()
              and i + 1 < len(lines) and lines[i + 1].startswith("\t")]
    if any(not _SLIDE_TITLE.match(lines[i].strip()) for i in titles):
        return None   # (a chat export's "[09:12] dana" over its tab-indented message is no slide's title)
    if len(titles) < 4 or tabbed * 2 < len(filled) or any(ln[:1] == " " or _LIST_ITEM.match(ln) for ln in filled) \
            or any(_BULLET_TITLE.match(lines[i]) for i in titles):
        return None   # (an outliner's markdown, "- ## Summary" over "\t- 03:00 ...", is a list of lists)
    out = list(lines)
    first = True
    for i, ln in enumerate(lines):
        if not ln.strip():
            continue
        if ln.startswith("\t"):
            depth = len(ln) - len(ln.lstrip("\t"))
            out[i] = "  " * (depth - 1) + "- " + _bulletless(ln)
        else:
            out[i] = ("# " if first else "## ") + ln.strip()
            first = False
    return out


def _bulletless(line: str) -> str:
    """A line's words without the bullet a slide's point may keep ("• Summary")."""
    return line.strip().lstrip("•▪◦‣·-–* ").strip() or line.strip()
