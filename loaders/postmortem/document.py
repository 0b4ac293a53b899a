"""Parse one postmortem (markdown, any common template) into a plain record.

``parse(text, name)`` is a pure function: no I/O, no database. It returns the
``postmortem`` object of docs/PARSE_CONTRACT.md plus a few extra keys
(teams, services, owner, lessons, timestamp_sources, summary), and a ``problems`` list.
Section names, metadata keys and event words come from ``loaders.postmortem.vocabulary``.
"""
from __future__ import annotations

import bisect
import itertools

import re
import urllib.parse
from datetime import date, datetime, timedelta

from loaders import lazy_re
from loaders import severity as severities
from loaders import timeparse as tp
from loaders.options import Options
from loaders.postmortem import frontmatter
from loaders.postmortem.actions import action_items, is_checklist, owned_table
from loaders.postmortem.doc import (
    Doc,
    date_value,
    datetime_value,
    front,
    list_value,
    split_list,
    status_issue,
)
from loaders.postmortem.markdown import (BARE_DELIMITER_ROW, REFERENCE_DEFINITION, STRUCK, Block, Section, ancestors, item_text,
                                        plain, sections, with_grid_tables, with_outer_pipes, with_sheet_grids,
                                        with_text_tables)
from loaders.postmortem.timeline import (IMPACT_BEGAN, IN_A_WINDOW, LIST_SEP, chat_first_day, compact_run, derive_times, prose_entries,
                                         timeline_entries)
from loaders.postmortem.vocabulary import (FRONT_MATTER, HARM_WORDS, HEADING_TIME, LEADING_SYMBOLS, NO_VALUE, WINDOW_KEY,
                                          any_of, clean_heading, is_placeholder, meta_key, section_kind, starts_of)
from loaders.postmortem.other_markup import MAIL_HEADER, as_markdown
from loaders.problems import Problems

# "**Key:**" or "**Key**:" - the value runs to the next key or a separator: "|", or "·"
# and "•" as word processors and chat tools join fields on one line
# (one character, no run of spaces around it: a run of 30,000 tabs costs linear time)
_FIELD_SEP = lazy_re.compile(r"[|\u00b7\u2022]")
_FIELDS_SEP = lazy_re.compile(r"(?<=\s)[|\u00b7\u2022](?=\s)")
_PLACEHOLDER_SPAN = lazy_re.compile(r"\{\{[^{}]*\}\}")


def _split_fields(sep, text: str, maxsplit: int = 0) -> list[str]:
    """``text`` split into its fields at ``sep``, but not inside a template's placeholder:
    "**Severity:** {{ incident.severity | upper }}" is one field, its filter's bar no separator."""
    if "{{" not in text:
        return sep.split(text, maxsplit)
    masked = _PLACEHOLDER_SPAN.sub(lambda m: m.group().replace("|", "\x00"), text)
    return [p.replace("\x00", "|") for p in sep.split(masked, maxsplit)]
# a run of spaces (or a tab) between a field's value and the next field's key
_FIELDS_IN_COLUMNS = lazy_re.compile(r"(?<=\S)(?: {3,}|\t[ \t]*)(?=[^\W\d_][\w .'’/-]{0,30}?:\s)")
# a sentence's end before a short key and its colon ("... team. Author: ...", "... P2. Doc
# status: draft"), not an initial's stop ("R. Achterberg")
_INCIDENT_DAY_SENTENCE = lazy_re.compile(r"(?:incident|outage|event)\s+date\s*:\s*\S", re.I)
_FIELD_SENTENCE = lazy_re.compile(r"(?<=\.)\s+(?=[A-Z][\w'’ -]{0,30}?:\s)")
# (Chinese and Japanese write the colon full width: "**类型**：data")
# (the opening "**" or "__" written once, before the two forms: a pattern that opens with
# an alternation of two alternations is tried at every character of a line, one that
# opens with "**" or "__" only where a "*" or "_" stands, 3x faster over prose; at any
# position at most one of the two marks matches, so the matches are the same)
# (a single "*" too, as Slack's markup writes bold: "*Date:* Thu Sep 15, 2022")
# (the name opens with no separator: in "Severity: **High - S2** · Status: **Resolved**" the
# bold values' marks do not make "** · Status: **" a bold key)
# (no separator inside the key: "Severity: **SEV3** (single city) · Status: **In review**" holds
# no bold key "(single city) · Status", only plain keys over bold values)
_BOLD_KEY = lazy_re.compile(r"(?:\*\*|__|\*(?=[^\W\d_]))(?![ \t]*[·•|])(?:([^*_:：|·•\n]{1,40}?)[:：][ \t]{0,3}(?:\*\*|__|\*(?!\*))"
                            r"|([^*_:：|·•\n]{1,40}?)(?:\*\*|__|\*(?!\*))[ \t]{0,3}[:：])")


# a byline set among a line's fields, with no key of its own: "written by Ines M. (on-call)"
_BYLINE_PIECE = lazy_re.compile(r"(?:written|prepared|authored|drafted|compiled|filed)\s+by\s", re.I)
# a field's bold name and its value, no colon between them: "> **Severity** Sev 1 "
_BOLD_NAMED = lazy_re.compile(r"^[>\s]*\*\*([^*\n]{1,30})\*\*\s+(\S.*)$")


def _bold_pairs(line: str):
    """(key, value) for every "**Key:** value" on a metadata line (or "**Key** value",
    without the colon, between separators: "**Date** 8 September 2025 · **Severity** Sev 1")."""
    if ":" not in line and "：" not in line:
        # (every key ends in a colon, "**well before**" in prose names none, but in a row of
        # two fields or more set apart by "·" or "|", each opening with a field's bold name)
        if "**" in line and _FIELDS_SEP.search(line):
            pairs = [(m.group(1).strip(), m.group(2).strip()) for m in map(_BOLD_NAMED.match, _FIELDS_SEP.split(line))
                     if m is not None and meta_key(m.group(1).strip()) is not None]
            if len(pairs) >= 2:
                yield from pairs
        return
    keys = list(_BOLD_KEY.finditer(line[:4000]))
    for i, m in enumerate(keys):
        end = keys[i + 1].start() if i + 1 < len(keys) else len(line)
        yield (m.group(1) or m.group(2)).strip(), _split_fields(_FIELD_SEP, line[m.end():end], 1)[0].strip()
class _KeyValueLine:
    """"Key: value" lines: a key in letters of any alphabet ("Duración"), and a note in
    brackets after it that may hold anything ("Severity (see `operations/incidents/
    severity.md`): sev2"), tried only where a line holds a bracket (most lines are tried,
    and most hold none)."""

    # (an elided article in it: "Date de l'incident : lundi 03/02/2025")
    _PLAIN = lazy_re.compile(r"^([^\W\d_][\w /()#.'’-]{0,38}?)\s*:\s+(.+)$")
    _NOTED = lazy_re.compile(r"^([^\W\d_][\w /()#.'’-]{0,38}?\s*\([^()\n]{1,80}\))\s*:\s+(.+)$")
    # reStructuredText's field list: ":Severity: S3"
    _RST = lazy_re.compile(r"^:([^\W\d_][\w /-]{0,38}?):\s+(.+)$")

    # a full stop, then a capital: the key is two sentences, "Near miss. Nothing left our
    # network: ...", not one field's name ("No. of users: 300" is)
    _SENTENCES = lazy_re.compile(r"\.\s+[A-Z]")

    def match(self, line: str):
        if line[:1] == ":":
            return self._RST.match(line)
        m = self._PLAIN.match(line) or ("(" in line and self._NOTED.match(line) or None)
        return None if m is not None and "." in m.group(1) and self._SENTENCES.search(m.group(1)) else m


_KV_LINE = _KeyValueLine()
# Chinese and Japanese write a field's colon full width, with no space after it ("- 日期：
# 2026-07-24"); only a short key, and read only where a field is looked for (a sentence
# that holds "：", "概要：2024年3月1日の夜間に...", stays prose)
# a document whose first line is a blog generator's "Title:" (no bold, no list)
_OPENS_WITH_TITLE = lazy_re.compile(r"^\s*Title\s*:", re.I)
# a blog generator's header at the very top, its colon unspaced ("Title:Racket Package
# Server Security Vulnerabilities", "Date:2015-09-22T00:10:00"), as Frog writes it
_HEADER_KV = lazy_re.compile(r"^(title|date|tags|author|authors|category|summary)\s*:\s*(\S.*)$", re.I)
# a field's name, a dash, its value: "Severity — High", "Lead (Jakarta) – Dewi Santoso"
_DASHED_FIELD = lazy_re.compile(r"^([^\W\d_][\w /]{0,30}?(?:\s*\([^()\n]{1,30}\))?)\s+[—–]\s+(\S.*)$")
_KV_WIDE = lazy_re.compile(r"^([^\W\d_]\w{0,7})\s*：\s*(.+)$")
# "near miss", and the word in the other languages postmortems are written in: Dutch
# "bijna-incident", German "Beinahe-Vorfall", French "quasi-incident", Spanish "casi
# incidente", Portuguese "quase incidente", Italian "mancato incidente", Swedish
# "nära-olycka", Norwegian "nesten-ulykke"
# (a "good catch", as hospitals and safety teams name a hazard found before it harmed; a
# "close shave")
_NEAR_MISS_TERM = (r"(?:near[\s-]?miss(?:es)?|close[\s-]calls?|close[\s-]shaves?|good[\s-]catch(?:es)?|bijna[\s-]?(?:incident|ongeluk)(?:en)?|beinahe[\s-]?(?:vorfall|unfall|ausfall|störung)"
                   r"|quasi[\s-]?(?:incident|accident)s?|casi[\s-]?(?:incidente|accidente)s?|quase[\s-]?(?:incidente|acidente)s?"
                   r"|mancat[oi]\s+incident[ei]|nära[\s-]?(?:olycka|incident)|nesten[\s-]?(?:ulykke|hendelse))")
_NEAR_MISS = lazy_re.compile(r"\b" + _NEAR_MISS_TERM + r"\b", re.I)
# (a title that says so; Japanese teams say ヒヤリハット, "a startle": a near miss)
_NEAR_MISS_WORDS = lazy_re.compile(r"\b" + _NEAR_MISS_TERM + r"\b|ヒヤリ[・･]?ハット", re.I)
# (the words' stems, for a cheap test before the claim's regex)
_NEAR_MISS_STEMS = ("miss", "close call", "close shave", "good catch", "bijna", "beinahe", "quasi", "casi", "quase", "mancat", "nära", "nesten")
_NEAR_MISS_CLAIM = lazy_re.compile(
    r"\b(?:this|it)\s+(?:was|is)\s+(?:a|an|considered a)\s+(?:very\s+)?" + _NEAR_MISS_TERM + r"\b|^\s*" + _NEAR_MISS_TERM + r"\b(?!\s+(?:by|from|on)\b)|"
    # (not praise for whoever caught something: "Good catch by Priya in review, but ...")
    # a sentence that is only the verdict, in a line's middle: "... visitors. Close call, and ..."
    r"(?<=[.!?]\s)" + _NEAR_MISS_TERM + r"(?=\s*[,.!;—–])|"
    # "Dit was een bijna-incident", "Es war ein Beinahe-Vorfall", "C'était un quasi-incident"
    r"\b(?:dit|het|es|c['’]|ce|esto|esta|isto|isso|questo|det)\s*(?:was|is|war|ist|était|[ée]tait|fue|foi|fu|è|var)\s+"
    r"(?:een|ein|eine|un|une|una|um|uma|en|ett)\s+" + _NEAR_MISS_TERM + r"\b|"
    r"\b(?:class(?:ify|ified|ifying)?|count(?:ed|ing)?|treat(?:ed|ing)?|consider(?:ed|ing)?|record(?:ed|ing)?"
    r"|log(?:ged|ging)?)\s+(?:this|it)(?:\s+(?:incident|event|issue))?\s+as\s+a\s+near[\s-]?miss\b|"
    # "this was classified as a near-miss", "Incident closed as a near-miss"
    r"\b(?:classified|classed|counted|treated|considered|recorded|logged|closed)\s+as\s+a\s+near[\s-]?miss\b|"
    # "We are writing this up as a near miss because ...", "we filed it as a near miss"
    # ("we are grateful to be writing about it as a near miss and not an injury")
    r"\b(?:writ(?:e|es|ing)|wrote|written)\s+(?:(?:this|it)\s+up|about\s+(?:this|it))\s+as\s+a\s+near[\s-]?miss\b"
    # (not a verdict taken back: "We first filed this as a near miss ... That was wrong")
    r"|(?<!first\s)(?<!initially\s)(?<!originally\s)\bfil(?:e|ed|ing)\s+(?:this|it)\s+as\s+a\s+near[\s-]?miss\b", re.I)
# "This should not be classified as a near miss", "It wasn't counted as one"
_DENIED = lazy_re.compile(r"\b(?:not|never|no\s+longer)\b|n[’']t\b", re.I)
_FILE_DATE = lazy_re.compile(r"(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})")
# a day written into a name in the title: "multi_vits_gan_20260127_resume27k", "backup-20250914"
# (joined to the name's other words by "_" or "-" only: not inside a hash, "7c20240229e")
_NAMED_DAY = lazy_re.compile(r"(?<![A-Za-z\d.:/])((?:19|20)\d{2})(\d{2})(\d{2})(?![A-Za-z\d.:/])")
_YES = {"true", "yes", "y", "1", "near miss", "near-miss"}
_NO = {"false", "no", "n", "0", "none"}


# Unicode's hyphen and non-breaking hyphen look like "-" and mean it (word processors and
# some editors put them in dates and times), and its no-break, narrow no-break, figure
# and thin spaces look like " " (pasted documents have them: "9:09\u00a0PM", and
# macOS writes "9:09\u202fPM"); read as their ASCII forms, same length
# ... and what a word processor or a PDF's text leaves behind: zero-width spaces and joiners,
# soft hyphens, a byte-order mark inside a pasted text, the ligatures "ﬁ" and "ﬂ"
# ("conﬁguration" is "configuration")
_LOOKALIKES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u00a0": " ", "\u202f": " ", "\u2007": " ",
                             "\u2009": " ", "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "",
                             "\ufeff": "", "\u00ad": "", "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl",
                             "\ufb03": "ffi", "\ufb04": "ffl"})
_FULL_WIDTH = lazy_re.compile("[０-９Ａ-Ｚａ-ｚ]")
_FULL_WIDTH_FORMS = str.maketrans({chr(0xFF10 + k): chr(0x30 + k) for k in range(10)}
                                  | {chr(0xFF21 + k): chr(0x41 + k) for k in range(26)}
                                  | {chr(0xFF41 + k): chr(0x61 + k) for k in range(26)})
_FULL_WIDTH_COLON = lazy_re.compile(r"(?<=\d)：(?=\d)")
_LOOKALIKE_CHARS = "\u2010\u2011\u00a0\u202f\u2007\u2009\u200b\u200c\u200d\u2060\ufeff\u00ad\ufb00\ufb01\ufb02\ufb03\ufb04"
# (column names a table set in plain text has among its three or more: a cheap test before
# the search for one)
_COLUMN_WORDS = ("  Owner", "  Status", "  Ticket", "  Due", "  Target", "  Assignee", "  Responsible",
                 "  OWNER", "  STATUS", "  owner", "  status")
# a word processor's bullets, pasted: "·<tab>text", "▪ text", "o<tab>text" (Word's second
# level): the list items they stand for
# the names of the symbols people mark statuses with, as GitHub, GitLab and Slack write
# them (":white_check_mark:"), and the symbols they stand for
_EMOJI = {"white_check_mark": "✅", "heavy_check_mark": "✔️", "ballot_box_with_check": "☑️", "check": "✔️",
          "x": "❌", "negative_squared_cross_mark": "❎", "heavy_multiplication_x": "✖️", "no_entry": "⛔",
          "no_entry_sign": "🚫", "construction": "🚧", "hourglass": "⌛", "hourglass_flowing_sand": "⏳",
          "black_square_button": "🔲", "white_square_button": "🔳", "white_large_square": "⬜",
          "red_circle": "🔴", "orange_circle": "🟠", "yellow_circle": "🟡", "green_circle": "🟢",
          "large_blue_circle": "🔵", "blue_circle": "🔵", "warning": "⚠️", "rotating_light": "🚨",
          "fire": "🔥", "pause_button": "⏸️", "stop_sign": "🛑", "arrows_counterclockwise": "🔄",
          "wastebasket": "🗑️", "date": "📅", "calendar": "📆", "spiral_calendar": "🗓️"}
# (the colon first, so a search jumps from colon to colon: 20x faster than a pattern that
# opens with the lookbehind; _symbol checks the character before it)
_EMOJI_SHORTCODE = lazy_re.compile(r":([a-z][a-z0-9_]*[a-z]|x):(?![\w:])")


def _symbol(m: re.Match) -> str:
    """The symbol a shortcode names, unless a word or a colon runs into it ("ab:x:", "1:x:")."""
    before = m.string[m.start() - 1:m.start()]
    return m.group() if before and (before.isalnum() or before in "_:") else _EMOJI.get(m.group(1), m.group())
_OTHER_BULLET = lazy_re.compile(r"^([ \t]*)(?:[·▪◦‣●■○▸➢➤]|(?<=[ \t])o(?=\t))(?=[ \t])", re.M)
_OTHER_BULLET_CHARS = "·▪◦‣●■○▸➢➤"


def _other_bullet(m: re.Match) -> str:
    """A bullet of another character as markdown's "•", but for a middle dot that opens the
    line under one whose fields it sets apart ("· Assigned: —" over "· Target — · Won't do"):
    the fields wrapped onto the next line, no new item."""
    if m.group()[-1:] == "·" and m.start() > 0:
        end = m.start() - 1
        if " · " in m.string[m.string.rfind("\n", 0, end) + 1:end]:
            return m.group()
    return m.group(1) + "•"


def parse(text: str, name: str = "", options: Options | None = None) -> dict:
    """Parse postmortem ``text`` (from a file called ``name``) into a record."""
    options = options or Options()
    problems = Problems()
    if not text.isascii():   # (every character below is outside ASCII; a scan for each is faster than a regex)
        if any(c in text for c in _LOOKALIKE_CHARS):
            text = text.translate(_LOOKALIKES)   # "2026‑01‑22" written with non-breaking hyphens
        if any(c in text for c in _OTHER_BULLET_CHARS):
            text = _OTHER_BULLET.sub(_other_bullet, text)
        if _FULL_WIDTH.search(text):
            # "２０２５年３月４日", "０８：１２", "Ｐ２": a Japanese or Chinese text's full-width
            # digits and Latin letters, read as their ASCII forms (a clock's colon with them),
            # but for the title's line, kept as written
            text = "\n".join(ln if ln[:2] == "# " or ln[:6].lower() == "title:" else
                              _FULL_WIDTH_COLON.sub(":", ln.translate(_FULL_WIDTH_FORMS)) for ln in text.split("\n"))
    if "o\t" in text:
        text = _OTHER_BULLET.sub(_other_bullet, text)
    text = tp.gregorian(text)   # ("令和7年6月25日", "4 มี.ค. 2568", "民國114年": other calendars' dates)
    text = tp.unix_times(text)   # ("- `1733412185` kubelet starts evicting": a timeline in Unix time)
    if ":" in text and _EMOJI_SHORTCODE.search(text):
        # ":white_check_mark: Done", a status cell of ":x:": GitHub's and Slack's names
        # for the symbols, read as the symbols they show
        text = _EMOJI_SHORTCODE.sub(_symbol, text)
    lines = text.splitlines()
    if (markdown := as_markdown(text, lines)) is not None:
        lines = markdown   # Jira's wiki markup, AsciiDoc or Org: read as the markdown it stands for
        text = "\n".join(lines)
    fm_lines, body_start, dialect = frontmatter.split(lines)
    front: dict = {}
    if fm_lines is not None:
        try:
            front = frontmatter.load(fm_lines, first_line=2, dialect=dialect)
        except frontmatter.FrontMatterError as e:
            front = e.partial
            problems.error(e.line, f"{e}; " + (f"only its plain 'key: value' lines were read ({', '.join(front)})"
                                              if front else "front matter ignored"))
    body = lines[body_start:]
    if "\n[" in text and len(prompts := [i for i, ln in enumerate(body) if ln[:1] == "[" and _PROMPT_LINE.match(ln)
                                          and _prompts(ln)]) >= 2:
        # "[One paragraph. What broke, for whom, for how long.]": a template's instructions
        # left on lines of their own (two at least, each telling the writer what to put
        # there), no part of what the writer wrote: a blank line in each one's place (not
        # "[Discussion in #testing-ops]" or "[slide 3: ...]", a transcript's notes)
        body = ["" if i in prompts else ln for i, ln in enumerate(body)]
    if body and body[0][:1] == " " or "\n " in text:
        body = _without_common_indent(body)   # (a print's text, every line one space in: its carriage-control column)
    if "{{" in text:
        body = _without_shortcodes(body)
    if "!!! " in text or "??? " in text or "???+ " in text:
        body = _admonitions_opened(body)
    if "![" in text:
        body = _badges_as_fields(body)
    if "<summary" in text:
        body = _summaries_as_labels(body)
    if "```mermaid" in text:
        body = _diagrams_as_lines(body)
    if ("-|" in text or "- |" in text or ":|" in text or ": |" in text) and BARE_DELIMITER_ROW.search(text):
        body = with_outer_pipes(body)   # "Action | Owner" over "---|---": a table without its outer pipes
    if "+--" in text:
        body = with_grid_tables(body)   # pandoc's "+---+---+" tables
    if "| A |" in text:
        body = with_sheet_grids(body)   # a spreadsheet's grid, its column letters and row numbers around it
    if "   " in text and any(w in text for w in _COLUMN_WORDS):
        body = with_text_tables(body)   # "#   Action      Owner      Status", a PDF's table as text
    if "   " in text:
        body = _padded_fields(body)   # "PRIORITY           P2": a console form's fields, their keys padded
    if "uoted-printable" in text and _QUOTED_PRINTABLE.search(text):
        body = _unquoted(body)   # a mail kept raw: "ve=" over "nue gates", "=E2=80=93"
    if "orwarded message" in text or "riginal Message" in text or "riginal message" in text:
        body = _mail_parts(body)   # "---------- Forwarded message ---------": a mail's next part
    if "Page " in text and _PAGE_NUMBER.search(text):
        body = _without_page_breaks(body)   # "Page 2 of 3" and the next page's running header, in a printed report's text
    if "...." in text:
        body = _dotted_fields(body)   # "Impact window ........ 9:03 AM to 12:31 PM": a field and its dot leader
    secs = sections(_outline_as_headings(_label_bullets_as_headings(_noted_labels_as_headings(_colon_labels_as_headings(_inline_references(body))))),
                    first_line=body_start + 1, heading=_heading_rule(body))
    doc = Doc(name, lines, front, secs, {}, {}, problems, text=text)
    doc.order_hint = _date_order(text, problems)
    _classify_sections(doc)
    _collect_metadata(doc)
    return _record(doc, options)


# --------------------------------------------------------------------------------------
# Sections and metadata

# "- **Review actions**:" alone on its line, its items indented below it: a section
# written as a list (runbooks and wikis do this). The bold label may also end with ":".
_LABEL_KINDS = ("actions", "factors", "lessons", "went_well", "went_wrong", "lucky", "timeline")
_LIST_START = lazy_re.compile(r"^(?:\d{1,3}[.)]|[-*+•])\s+\S")   # a list item's marker, as markdown.py reads one
_LABEL_BULLET = lazy_re.compile(r"^(?:[-*+•]|\d{1,3}[.)])\s+(?:\*\*|__)([^*_]{2,60}?):?(?:\*\*|__):?\s*$")
_HEADING_LEVEL = lazy_re.compile(r"^(#{1,6})\s")


# a line that is only a site generator's shortcode, "{{% pageinfo color="warning" %}}",
# "{{< /alert >}}": markup around what the page shows, never text of its own (one that
# holds a digit may stamp an update, "{{< track "2020-01-19T14:43:00Z" >}}", and stays)
_SHORTCODE_LINE = lazy_re.compile(r"\s*\{\{[<%][^\d{}]*[%>]\}\}\s*")


def _without_shortcodes(lines: list[str]) -> list[str]:
    """Lines where each line that is only a shortcode (_SHORTCODE_LINE) is blank: a
    shortcode's paragraph, "{{% pageinfo %}}" over "**Near miss.** ...", is the text inside
    it. Same number of lines."""
    return ["" if line[:6].lstrip()[:2] == "{{" and _SHORTCODE_LINE.fullmatch(line) else line for line in lines]


# a mermaid diagram's line that carries an event: a sequence diagram's message or note
# ("Q-->>O: 02:37 UTC PagerDuty pages Hana", "Note over D,P: 01:58 UTC deploy of 4.12.0"),
# a gantt chart's task ("Incident closed  :milestone, m4, 2025-11-18 09:40, 0m")
_DIAGRAM_MESSAGE = lazy_re.compile(r"(\s*)(?:note\s+(?:over|left\s+of|right\s+of)\s+[^:\n]+|[^:\n]*?[-=.]+[>x)][>+-]?[^:\n]*)\s*:\s*(.+)", re.I)
_GANTT_TASK = lazy_re.compile(r"(\s*)([^:\n]*?\S)\s*:\s*(?:[\w-]+\s*,\s*){0,3}?(\d{4}-\d\d-\d\d[ T]\d\d:\d\d|\d\d:\d\d)\b.*")
_DIAGRAM_KINDS = ("sequencediagram", "gantt")


def _diagrams_as_lines(lines: list[str]) -> list[str]:
    """Lines where each event of a mermaid sequence diagram or gantt chart is a timed line of
    a code block, its time first ("02:37 UTC — PagerDuty pages Hana", "2025-11-18 09:40 —
    Incident closed"), as a timeline pasted as code is written; the diagram's other lines
    stay as they are. Same number of lines."""
    out, kind = [], None
    for line in lines:
        stripped = line.strip()
        if kind is None:
            if stripped.startswith("```mermaid"):
                kind = ""
        elif stripped.startswith("```"):
            kind = None
        elif kind == "" and stripped:
            kind = stripped.split()[0].lower()
        elif kind == "gantt" and (m := _GANTT_TASK.fullmatch(line)) and not m.group(2).lower().startswith(
                ("title", "dateformat", "axisformat", "section", "todaymarker", "excludes", "tickinterval")):
            line = f"{m.group(3)} — {m.group(2)}"
        elif kind == "sequencediagram" and (m := _DIAGRAM_MESSAGE.fullmatch(line)):
            said = m.group(2).strip()
            st = tp.read_stamp(said)
            if st is not None and st.has_time and said[:1].isdigit():
                said = f"{said[:st.end].strip()} — {said[st.end:].strip()}"
            line = said
        out.append(line)
    return out


# a collapsible's label alone on its line: "<summary><strong>Tue 10 June 2025</strong> (ET)</summary>"
_SUMMARY_LINE = lazy_re.compile(r"\s*(?:<details[^>]*>\s*)?<summary[^>]*>(.*?)</summary>\s*", re.I)


def _summaries_as_labels(lines: list[str]) -> list[str]:
    """Lines where a collapsible's summary line is its label in bold, as a label over
    what it holds is written: "**Tue 10 June 2025 (ET)**" over the day's entries, "**Full
    timeline**" over a table. Same number of lines."""
    out = []
    for line in lines:
        if "<summary" in line and (m := _SUMMARY_LINE.fullmatch(line)) is not None and (label := plain(m.group(1))):
            line = f"**{label}**"
        out.append(line)
    return out


# a line of badges, images alone (linked or not): "![status: Final](https://img.shields.io/badge/status-Final-green)"
_BADGE_LINE = lazy_re.compile(r"\s*(?:\[?!\[[^\]\n]*\]\([^)\s]*\)(?:\]\([^)\s]*\)|\]\[[^\]]*\])?\s*)+")
_BADGE = lazy_re.compile(r"!\[([^\]\n]*)\]\(([^)\s]*)\)")
# a shields.io badge's path: its label, message and colour, each "-" within them doubled
_SHIELD = lazy_re.compile(r"shields\.io/badge/((?:[^-/]|--)+)-((?:[^-/]|--)+)-[^-/?.]+")


def _badges_as_fields(lines: list[str]) -> list[str]:
    """Lines where each line of badges is the fields they show: an image's alternative
    text when it is a field ("![status: Final](...)"), else a shields.io badge's label and
    message ("badge/severity-SEV%202-orange" is "severity: SEV 2"), set apart by " · ".
    Same number of lines."""
    out = []
    for line in lines:
        if "![" in line and _BADGE_LINE.fullmatch(line):
            fields = []
            for m in _BADGE.finditer(line):
                if ":" in m.group(1):
                    fields.append(m.group(1).strip())
                elif (sh := _SHIELD.search(m.group(2))) is not None:
                    label, message = (urllib.parse.unquote(g.replace("--", "\x00").replace("__", "\x01")
                                                          .replace("_", " ").replace("\x00", "-").replace("\x01", "_"))
                                      for g in sh.groups())
                    fields.append(f"{label.strip()}: {message.strip()}")
            line = " · ".join(fields) if fields else line
        out.append(line)
    return out


# an admonition, as MkDocs (Material, Python-Markdown) writes one: '!!! danger "Impact"', a
# collapsible '??? note "Full timeline"', '???+ tip', its content indented four spaces below
_ADMONITION = lazy_re.compile(r'^(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+[\w-]+)*?(?:\s+["“]([^"“”]*)["”])?\s*$')


def _admonitions_opened(lines: list[str]) -> list[str]:
    """Lines where each admonition is the text it boxes: its title ('!!! danger "Impact"')
    a bold line, as a heading of what it holds, its indented content moved to the margin
    (not code, as four spaces would make it). Same number of lines."""
    out = list(lines)
    i = 0
    while i < len(out):
        m = _ADMONITION.match(out[i]) if out[i][:3] in ("!!!", "???") else None
        if m is None:
            i += 1
            continue
        out[i] = f"**{m.group(1).strip()}**" if m.group(1) and m.group(1).strip() else ""
        i += 1
        while i < len(out) and (not out[i].strip() or out[i][:4] == "    " or out[i][:1] == "\t"):
            out[i] = out[i][4:] if out[i][:4] == "    " else out[i][1:] if out[i][:1] == "\t" else out[i]
            i += 1
    return out


# "([issue][alerting-issue])" with "[alerting-issue]: https://github.com/org/repo/issues/611"
# further down: a reference-style link, its label defined once (CommonMark: case ignored)
_REF_DEF = lazy_re.compile(r"^ {0,3}\[([^\]\n]{1,100})\]:\s*<?([^\s>]+)>?")
_REF_USE = lazy_re.compile(r"\[([^\]\n]*)\]\[([^\]\n]*)\]")


def _inline_references(lines: list[str]) -> list[str]:
    """Lines where each reference-style link whose label is defined ("[text][label]",
    "[label][]") is written inline, "[text](url)", as markdown renders it: its URL (a
    ticket, a pull request) is read where it is used. Same number of lines."""
    if not any("]:" in line and line[:4].lstrip()[:1] == "[" for line in lines):
        return lines
    # (not in fenced code, where CommonMark reads neither a definition nor a use)
    fenced, fence = set(), None
    for i, line in enumerate(lines):
        head = line.lstrip()[:3]
        if fence is None and head in ("```", "~~~"):
            fence = head
        elif fence is not None:
            if head == fence:
                fence = None
            fenced.add(i)
    refs: dict[str, str] = {}
    for i, line in enumerate(lines):
        if line[:4].lstrip()[:1] == "[" and i not in fenced and (m := _REF_DEF.match(line)):
            refs.setdefault(" ".join(m.group(1).split()).lower(), m.group(2))

    def inline(m: re.Match) -> str:
        url = refs.get(" ".join((m.group(2) or m.group(1)).split()).lower())
        return f"[{m.group(1)}]({url})" if url else m.group(0)

    return [_REF_USE.sub(inline, line) if "][" in line and i not in fenced else line
            for i, line in enumerate(lines)] if refs else lines


# "**Next release and to-do's:** loopchain version 2.4.18" (or without the bold) alone in
# its paragraph, over a list at the margin: a label that names the follow-ups, with a
# short note after it
_NOTED_LABEL = lazy_re.compile(r"^(?:(?:\*\*|__)(?P<bold>[^*_\n]{2,60}?):?(?:\*\*|__):?"
                          r"|(?P<plain>[^\W\d_][^*_\n:]{1,59}?):)\s+(?P<note>[^\s*_][^*_\n]{0,39}?)\s*$")   # (a note, not trailing spaces)


# a section's name alone on its line with a colon after it: "Timeline (IST):", "Corrective actions:"
_COLON_LABEL = lazy_re.compile(r"^(?:\*\*|__)?(?P<name>[^\W\d_][^*_\n:]{1,40}?)(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*$")
_LABELLED_KINDS = ("timeline", "actions", "factors")
_SETEXT_RULE = lazy_re.compile(r"^\s{0,3}(?:=+|-+)\s*$")


def _colon_labels_as_headings(lines: list[str]) -> list[str]:
    """Lines where a paragraph's first line is only a section's name and a colon, the
    section's lines right below it with no blank line between ("Timeline (IST):" over
    "14:05 hrs - Cert rotation ..."; "Corrective actions:" over "* Add ..."), as a mail
    writes them: that line becomes a heading one level below the last one. (With a blank
    line after it the label is a paragraph of its own, which the reader already takes
    as announcing what follows.) Same number of lines, so every line number stays true."""
    out = list(lines)
    labels = [i for i, line in enumerate(lines) if ":" in line[-4:] or "：" in line[-4:]]
    if not labels or not any(line[:1] == "#" and _HEADING_LEVEL.match(line) for line in lines):
        return out   # (a text with no markdown heading is read as plain text, its own headings and all)
    for i in labels:
        line = lines[i]
        if (i and lines[i - 1].strip()) or i + 1 >= len(lines) or (m := _COLON_LABEL.match(line)) is None \
                or _SETEXT_RULE.match(lines[i + 1]):
            continue   # ("Actions:" over "--------" is a heading already)
        if not lines[i + 1].strip():
            # (or, a blank line between, over a block of log lines: "Timeline, straight from
            # the logs (UTC):" over "```", the log's own timestamps)
            if not (i + 2 < len(lines) and lines[i + 2].lstrip()[:3] in ("```", "~~~")
                    and section_kind(m.group("name")) == "timeline"):
                continue
        elif section_kind(m.group("name"), whole=True) not in _LABELLED_KINDS:
            continue
        level = next((len(h.group(1)) for k in range(i - 1, -1, -1)
                      if lines[k][:1] == "#" and (h := _HEADING_LEVEL.match(lines[k]))), 1)
        out[i] = "#" * min(level + 1, 6) + " " + m.group("name").strip()
    return out


def _noted_labels_as_headings(lines: list[str]) -> list[str]:
    """Lines where such a label (_NOTED_LABEL: its note four words at most) becomes a
    heading one level below the last one, the note in brackets ("### Next release and
    to-do's (loopchain version 2.4.18)"), so the list below it is read as the action
    items. A label with a longer note is a field or a sentence ("**Root cause:** the
    pool ran out ..."). Same number of lines, so every line number stays true."""
    out = list(lines)
    # (only a line with a colon can be one: those are picked out first, and the level of
    # the heading above is looked for only where a label is found)
    for i in [i for i, line in enumerate(lines) if ":" in line]:
        line = lines[i]
        if line[:1] == "#" and _HEADING_LEVEL.match(line) or (i and lines[i - 1].strip()):
            continue
        m = _NOTED_LABEL.match(line)
        if m is None or len(m.group("note").split()) > 4:
            continue
        name = (m.group("bold") or m.group("plain")).strip()
        if section_kind(name, whole=True) != "actions":
            continue
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j < len(lines) and _LIST_START.match(lines[j]) and not _LABEL_BULLET.match(lines[j]):
            level = next((len(h.group(1)) for k in range(i - 1, -1, -1)
                          if lines[k][:1] == "#" and (h := _HEADING_LEVEL.match(lines[k]))), 1)
            out[i] = "#" * min(level + 1, 6) + f" {name} ({m.group('note').strip()})"
    return out


_LABEL_MARKS = "-*+•0123456789"   # a label's first character: a list marker


def _label_bullets_as_headings(lines: list[str]) -> list[str]:
    """Lines where a top-level bullet that is only a bold label, with sub-bullets below,
    becomes a heading one level below the last one, and its sub-bullets become top-level
    bullets, when the label names an action-item or analysis section, or when its
    sub-bullets each open with a time (a timeline). A label over a list of its own at the
    margin ("- **Review actions**:", a blank line, "1. ...") heads that list too. Once a
    label has become a heading, the bold labels after it become headings of the same
    level, so its section ends where the next label starts. Same number of lines, so
    every line number stays true."""
    def label(line: str):   # "- **Key events**", "• **Key events**", "1. **Key events**"
        head = line[:8]
        return _LABEL_BULLET.match(line) if ("**" in head or "__" in head) and line[:1] in _LABEL_MARKS else None

    # (label is called only on a line that opens with a list marker: most lines open
    # with none, and a call for each line was most of this pass)
    if not any(line and line[0] in _LABEL_MARKS and label(line) for line in lines):
        return lines
    out = list(lines)
    level = 1
    closing = None  # the level of a heading made from a label over a margin list
    i = 0
    while i < len(out):
        line = out[i]
        if line[:1] == "#" and (h := _HEADING_LEVEL.match(line)):
            level = len(h.group(1))
            closing = None
        m = label(line)
        if m is None:
            i += 1
            continue
        j = i + 1
        while j < len(out) and (not out[j].strip() or out[j][:1] in " \t"):
            j += 1
        children = [k for k in range(i + 1, j) if out[k].strip()]
        kind = section_kind(m.group(1), whole=True)
        if closing is not None and (not children or kind is None):
            # a later label after one that became a heading: it ends that section
            out[i] = "#" * closing + " " + m.group(1).strip()
            i += 1
            continue
        if not children and kind in _LABEL_KINDS and j < len(out) and _LIST_START.match(out[j]) \
                and not _LABEL_BULLET.match(out[j]):
            # "- **Review actions**:" over a list of its own at the margin ("1. ...")
            closing = min(level + 1, 6)
            out[i] = "#" * closing + " " + m.group(1).strip()
            i = j
            continue
        timed = [k for k in children if out[k].lstrip()[:1] in "-*+"
                 and (st := tp.read_stamp(out[k].lstrip()[1:].strip())) is not None and st.has_time]
        as_timeline = len(children) >= 2 and len(timed) * 3 >= len(children) * 2
        if children and (kind in _LABEL_KINDS or as_timeline):
            title = "Timeline" if as_timeline and kind != "timeline" else m.group(1).strip()
            closing = min(level + 1, 6)
            out[i] = "#" * closing + " " + title
            indent = min(len(out[k]) - len(out[k].lstrip()) for k in children)
            for k in children:
                out[k] = out[k][indent:]
        i = j
    return out


# a block's note after its name: "timeline — times BST", "follow-ups (owners below)"
_BLOCK_NOTE = lazy_re.compile(r"\s+(?:[—–-]\s|\().*$")


def _outline_as_headings(lines: list[str]) -> list[str]:
    """An outliner's page (Logseq, Roam, Workflowy), where every block is a bullet and a
    section is a bullet with its blocks nested below it: a bullet that is a heading
    ("- ## Timeline (all times CET)") or that names a section ("- follow-ups", "- timeline
    — times BST") over nested blocks becomes that heading, and its blocks move out to the
    margin. A block at the margin holding such sections (an incident's block among a
    day's journal notes) becomes a heading over them, and the next block at the margin
    one of its own, so the sections end where the incident's block does. Same number of
    lines, so every line number stays true."""
    first = next((ln for ln in lines if ln.strip()), "")
    if _block_mark(first) is None:
        return lines   # (an outline opens with a block: most documents open otherwise)
    filled = [ln for ln in lines if ln.strip()]
    if sum(_block_mark(ln.lstrip()) is not None for ln in filled) * 4 < len(filled) * 3 \
            or not any(ln[:1] in " \t" for ln in filled):
        return lines   # (a list, not an outline: no block nested in another)
    out = list(lines)
    close = None   # where a block holding sections ends: the next block at the margin
    after = None   # where a section inside it ends: the block after the section's blocks
    for i in range(len(out)):
        line = out[i]
        if i == close:
            close = after = None
            if (mark := _block_mark(line)) is not None:
                out[i] = "## " + line[mark:].strip()
                continue
        text = line.lstrip()
        if (mark := _block_mark(text)) is None:
            continue
        children = _nested_under(out, i)
        if i == after and not (children and _names_section(text[mark:])):
            # "- Marta thinks we should write it up ..." beside "- follow-ups" and after
            # its blocks: a note of the incident's, no follow-up
            out[i] = "### " + text[mark:].strip()
            continue
        if not children:
            continue
        text = text[mark:].strip()
        if (h := _HEADING_LEVEL.match(text)) is not None:
            title, level = text[h.end():].strip(), len(h.group(1))
        elif _names_section(text):
            title, level = _block_name(text), 3 if close is not None or line[:1] in " \t" else 2
        elif line[:1] not in " \t" and any(_names_section(out[k].lstrip()[m:]) and _nested_under(out, k)
                                           for k in children if (m := _block_mark(out[k].lstrip())) is not None):
            title, level = _block_name(text), 2
            close = children[-1] + 1
            while close < len(out) and not out[close].strip():
                close += 1
        else:
            continue
        out[i] = "#" * level + " " + title
        cut = min(len(out[k]) - len(out[k].lstrip()) for k in children)
        for k in children:
            out[k] = out[k][cut:]
        if level == 3 and close is not None:
            after = next((k for k in range(children[-1] + 1, close) if out[k].strip()), None)
    return out


def _block_mark(text: str) -> int | None:
    """The length of a block's list marker at the start of ``text`` ("- ", "• ", "1. "), else None."""
    m = _OUTLINE_MARK.match(text)
    return m.end() if m else None


_OUTLINE_MARK = lazy_re.compile(r"(?:[-*+•]|\d{1,3}[.)])\s")


def _nested_under(lines: list[str], i: int) -> list[int]:
    """The lines of the blocks nested under line ``i``'s (indented deeper, blank lines aside)."""
    indent = len(lines[i]) - len(lines[i].lstrip())
    j = i + 1
    while j < len(lines) and (not lines[j].strip() or len(lines[j]) - len(lines[j].lstrip()) > indent):
        j += 1
    return [k for k in range(i + 1, j) if lines[k].strip()]


def _block_name(text: str) -> str:
    return text.strip().strip("*_").rstrip(":").strip("*_").strip()


def _names_section(text: str) -> bool:
    """Whether a block's words name a section, alone or before a note ("timeline — times BST")."""
    name = _block_name(text)
    return len(name) <= 60 and (section_kind(name, whole=True) is not None
                                or section_kind(_BLOCK_NOTE.sub("", name), whole=True) is not None)


# (a note in brackets may hold a comma: "STATUS PAGE UPDATES (as posted, most recent first)")
# (and a comma before a word: "What happened, roughly:")
# (letters of any alphabet: "ÅRSAGER (causes)", "OPFØLGNING")
_PLAIN_HEADING = lazy_re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,2}\.?\s+)?[^\W\d_](?:[^\W_]|[ &/'’-]|,(?=\s)|\([\w ,&/'’-]*\))*(?:\s\([^()\n]{1,80}\))?:?$")
_HEADING_NOTE = lazy_re.compile(r"\s*\([^()]*\)")


def _heading_rule(body: list[str]):
    """The test of a plain line standing alone as a heading, for this document: a section's
    name (_plain_heading); and, where two such names or more are set in capitals
    ("SUMMARY", "TIMELINE (all times Eastern)"), any other line of a few words in capitals
    ("WHAT THE SNAPSHOTS LOOKED LIKE", "REVISION HISTORY"): the document's own heading style."""
    caps = 0
    for line in body:
        # (only lines short enough to be headings: sections() reads none past 60 characters
        # stripped; a long line's bracket-note substitution would cost its square)
        # ("2  CHRONOLOGY": numbered, as a memo's sections are)
        if (line[:1].isupper() or line[:1].isdigit() and _SECTION_NUMBER.match(line)) and len(line) <= 80 \
                and _HEADING_NOTE.sub("", line.strip()).isupper() and _plain_heading(line.strip()):
            caps += 1
            if caps >= 2:
                return _plain_or_capitals
    return _plain_heading


def _plain_or_capitals(line: str) -> bool:
    if _plain_heading(line):
        return True
    name = _HEADING_NOTE.sub("", line).rstrip(":")
    if name[:1].isdigit() and (number := _SECTION_NUMBER.match(name)) is not None:
        name = name[number.end():]   # "5  NOTIFICATIONS": a numbered section, as a memo numbers them
    return name.isupper() and 1 <= len(name.split()) <= 6 and _CAPITALS_NAME.match(name) is not None


_SECTION_NUMBER = lazy_re.compile(r"\d{1,2}(?:\.\d{1,2}){0,2}\.?\s+")


# a name in capitals: words of two letters or more, "&" or "/" between them ("Q&A", "N/A" are not one)
_CAPITALS_NAME = lazy_re.compile(r"^[A-Z][A-Z'’-]+(?:\s+(?:[A-Z][A-Z'’-]*|&|/))*$")


def _plain_heading(line: str) -> bool:
    """A line standing alone that is only a section name: "Timeline", "ACTION ITEMS:",
    "3 TIMELINE" (numbered, as a PDF's text gives it)."""
    if not _PLAIN_HEADING.match(line):
        return False
    if (name := _HEADING_NOTE.sub("", line)).isupper():
        # in capitals, a line standing alone is a heading by its look: a few words that
        # name a section anywhere in them will do ("WHY IT COULD HAPPEN"), and a note in
        # brackets after them ("STATUS PAGE UPDATES (as posted, most recent first)")
        return len(name.split()) <= 6 and section_kind(line) is not None
    return section_kind(line, whole=True) is not None and len(clean_heading(name).split()) <= 5   # ("What I'd suggest we do:")


# "a/b/yyyy" found from its separator, not its first digit: a pattern that starts with
# \d is tried at every digit of a document full of times, one that starts with a
# separator only where one stands (half the cost of the parse's dates). A full stop
# after the year ends a sentence ("seen on 04/05/2021."); one before a digit does not.
# One pattern per first separator: a pattern that opens with a literal character is
# scanned for by a fast search, one that opens with a set of three is tried at every
# character (three times the cost). (Two such tails never overlap: the only separator
# inside one is its second, followed by four digits where a tail needs a separator after
# at most two; so the three passes find the same tails as one pass over the set.)
_NUMERIC_DATE_TAILS = tuple((sep, lazy_re.compile(re.escape(sep) + r"(\d{1,2})[-/.](\d{4})(?![\d/-]|\.\d)"))
                            for sep in "-/.") + (
    # ("(3/10/25)": a two-digit year after slashes, as US writers date a note)
    ("/", lazy_re.compile(r"/(\d{1,2})/\d{2}(?![\d/:.-])")),)


def _numeric_dates(text: str):
    """(start, a, b) of each "a/b/yyyy" (or a-b-yyyy, a.b.yyyy) standing alone: one or
    two digits before the first separator, and no ASCII digit or separator before those."""
    tails = [m for sep, rx in _NUMERIC_DATE_TAILS if sep in text for m in rx.finditer(text)]
    tails.sort(key=lambda m: m.start())
    for m in tails:
        s = j = m.start()
        while j > 0 and j > s - 2 and text[j - 1].isdecimal():
            j -= 1  # the leftmost start that reaches the separator: two digits, else one
        if j == s or (j and text[j - 1] in "0123456789/.-"):
            continue
        yield j, int(text[j:s]), int(m.group(1))


# a line (a table's row, an item) opening with a weekday and a day and month in numbers:
# "| Mon 11/6, 2:05 PM | ...", "- Tue 7/11 09:00 ..." (a newline first: the regex engine
# skips from one to the next, 4x faster than trying each digit)
_SHORT_YEAR_TAIL = lazy_re.compile(r"/\d{1,2}/\d{2}(?![\d/])")
_WEEKDAY_SHORT_YEAR = lazy_re.compile(r"\b(?i:(" + tp.WEEKDAY_STEMS + r"))[a-z]*\.?,?[ \t]+(\d{1,2})/(\d{1,2})/(\d{2})(?![\d/])")
_WEEKDAY_DAY_MONTH = lazy_re.compile(r"\n[ \t|*_>-]*(?i:(" + tp.WEEKDAY_STEMS + r"))[a-z]*\.?,?[ \t]+(\d{1,2})/(\d{1,2})(?![\d/])")


# a weekday right before a date in numbers with its four-digit year: "Monday 3/10/2025"
_WEEKDAY_BEFORE = lazy_re.compile(r"\b(?i:(" + tp.WEEKDAY_STEMS + r"))[a-z]*\.?,?[ \t]+$")
_YEAR_AFTER = lazy_re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.](\d{4})")


def _weekday_fits(text: str, start: int, a: int, b: int) -> str | None:
    """The one order ("mdy" or "dmy") in which the date at ``start`` ("3/10/2025") falls
    on the weekday named right before it, else None."""
    if not start or not text[start - 1].isspace() or (w := _WEEKDAY_BEFORE.search(text, max(0, start - 14), start)) is None \
            or (y := _YEAR_AFTER.match(text, start)) is None:
        return None
    weekday, year = tp.weekday(w.group(1)), int(y.group(1))
    fits = [order for order, (mo, d) in (("mdy", (a, b)), ("dmy", (b, a))) if _weekday_of(year, mo, d) == weekday]
    return fits[0] if len(fits) == 1 else None


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return date(year, month, day).weekday()
    except ValueError:
        return None


# a day and month in numbers without a year, before a clock or ending a line after a dash:
# "08/02 06:50", "- Aline Kahindo - 15/03" (not "24/7 support", nor "3/4 of the nodes")
# (matched at a slash's digits by _days_without_year; what stands before them is looked at by
# the caller)
_DAY_MONTH_NO_YEAR = lazy_re.compile(r"(\d{1,2})/(\d{1,2})(?:(?=[ \t]+\d{1,2}[:h.]\d\d(?!\d))|(?P<end>(?=[ \t\r]*$)))", re.M)


def _days_without_year(text: str):
    """_DAY_MONTH_NO_YEAR's matches, tried only at the slashes (a search would try every digit)."""
    pos = text.find("/")
    while pos != -1:
        start = pos - 2 if pos >= 2 and text[pos - 2].isdigit() else pos - 1
        if start >= 0 and text[start].isdigit() and (m := _DAY_MONTH_NO_YEAR.match(text, start)) is not None:
            yield m
        pos = text.find("/", pos + 1)


# a table row whose first cell is a day and month in numbers alone: "| 1/29 | 11:47 AM | ..."
_ROW_DAY = lazy_re.compile(r"^\|\s*(\d{1,2})/(\d{1,2})\s*\|", re.M)


def _nearer_order(text: str, pairs: list[tuple[int, int]]) -> str | None:
    """The order ("mdy" or "dmy") in which a document's days without a year ("08/09") fall
    nearer its dated days ("2024-08-08", "8 August 2024"), when more of them do one way
    than the other; else None. A timeline's days are the incident's and the few after it."""
    days = [d for _, d in tp.dates_in(text[:6000], None)][:12]   # (those whose order is not in doubt)
    if not days:
        return None
    votes = {"mdy": 0, "dmy": 0}
    for a, b in pairs:
        if a == b or a > 12 or b > 12:
            continue
        gap = {}
        for order, (mo, d) in (("mdy", (a, b)), ("dmy", (b, a))):
            try:
                gap[order] = min(abs((date(day.year, mo, d) - day).days) for day in days)
            except ValueError:
                gap[order] = 400
        if gap["mdy"] != gap["dmy"]:
            votes[min(gap, key=gap.get)] += 1
    if votes["mdy"] == votes["dmy"]:
        return None
    return max(votes, key=votes.get)


# the writer naming the order of their numeric dates: "(format JJ/MM/AAAA)", "dates are
# DD/MM/YYYY", "TT.MM.JJJJ", "gg/mm/aaaa", "MM/DD/YYYY" (day, month and year in English,
# French, German, Dutch, Italian, Spanish and Portuguese letters)
_FORMAT_STATED = lazy_re.compile(r"(?<![\w/.-])(?:(?P<dmy>(?i:dd|jj|tt|gg)[/.-](?i:mm))|(?i:mm)[/.-](?i:dd))[/.-]"
                                 r"(?i:yyyy|aaaa|jjjj|yy|aa)(?![\w/-])(?!\.\w)")


def _date_order(text: str, problems: Problems) -> str | None:
    """Day-first or month-first for a document's numeric dates: as the writer states it
    ("(format JJ/MM/AAAA)"), else decided by the values that cannot be the other order (a
    24 before the month, a 30 after it)."""
    if ("DD" in text or "JJ" in text or "TT" in text or "GG" in text or "MM" in text or "dd" in text or "jj" in text) \
            and (m := _FORMAT_STATED.search(text)) is not None:
        return "dmy" if m.group("dmy") else "mdy"
    dmy = mdy = ambiguous = 0
    first_line = None
    for start, a, b in _numeric_dates(text):
        if a > 12 and b <= 12:
            dmy += 1
        elif b > 12 and a <= 12:
            mdy += 1
        elif a != b and a <= 12 and b <= 12:
            if (fits := _weekday_fits(text, start, a, b)) is not None:
                # "SEV 2 · Draft · Monday 3/10/2025": 10 March 2025 was a Monday, 3 October not
                mdy, dmy = mdy + (fits == "mdy"), dmy + (fits == "dmy")
                continue
            ambiguous += 1
            if first_line is None:
                first_line = text.count("\n", 0, start) + 1
    if not (dmy or mdy or ambiguous):
        # no dates with a year: a weekday before a day and month in numbers ("Mon 11/6,
        # 2:05 PM", "Tue 7/11") is one all the same
        years = None
        for m in _WEEKDAY_DAY_MONTH.finditer(text) if "/" in text else ():
            a, b = int(m.group(2)), int(m.group(3))
            if a > 12 and b <= 12:
                dmy += 1
            elif b > 12 and a <= 12:
                mdy += 1
            elif a != b and a <= 12 and b <= 12:
                # ("Sun 11/6" in a document of 2022: 6 November was a Sunday, 11 June not)
                years = years if years is not None else {int(y) for y in _BARE_YEAR.findall(text[:4000])}
                weekday = tp.weekday(m.group(1))
                fits = {order for y in years for order, (mo, d) in (("mdy", (a, b)), ("dmy", (b, a)))
                        if _weekday_of(y, mo, d) == weekday}
                if len(fits) == 1:
                    mdy, dmy = mdy + ("mdy" in fits), dmy + ("dmy" in fits)
                    continue
                ambiguous += 1
                if first_line is None:
                    first_line = text.count("\n", 0, m.start()) + 1
    if not (dmy or mdy or ambiguous) and "/" in text:
        # "kicked off twice on Thu 6/4/26": a weekday before a two-digit year's date says
        # which order fits (4 June 2026 was a Thursday, 6 April a Monday)
        # (found from its "/yy" tail, then the weekday before it: a pattern that opens with a
        # weekday's word is tried at every word of the text, six times the cost of the rest)
        for tail in _SHORT_YEAR_TAIL.finditer(text):
            if (m := _WEEKDAY_SHORT_YEAR.search(text, max(0, tail.start() - 16), tail.end())) is None \
                    or m.end() != tail.end():
                continue
            a, b, y = int(m.group(2)), int(m.group(3)), 2000 + int(m.group(4))
            weekday = tp.weekday(m.group(1))
            fits = {order for order, (mo, d) in (("mdy", (a, b)), ("dmy", (b, a))) if _weekday_of(y, mo, d) == weekday}
            if len(fits) == 1:
                mdy, dmy = mdy + ("mdy" in fits), dmy + ("dmy" in fits)
    if not (dmy or mdy or ambiguous) and "|" in text:
        # no dates with a year and no weekdays: a table's day column without years ("| 1/29 |
        # 11:47 AM |", "| 2/6 | ..."), whose values settle the order as dated ones would
        for m in _ROW_DAY.finditer(text):
            a, b = int(m.group(1)), int(m.group(2))
            dmy, mdy = dmy + (a > 12 and b <= 12), mdy + (b > 12 and a <= 12)
    pairs: list[tuple[int, int]] = []   # days and months without a year, before a clock
    if not (dmy or mdy or ambiguous) and "/" in text:
        # ... nor a table's: a day and month before a clock ("- 08/02 06:50 modem ..."), or
        # a due date ending an item after a dash ("- buy two spare LNBs - JP Mukendi - 29/02")
        for m in _days_without_year(text):
            before = text[max(0, m.start() - 2):m.start()]
            if before[-1:] and before[-1] in "0123456789/.:" or m.group("end") is not None and not (
                    len(before) == 2 and before[0] in "-–—" and before[1] in " \t"):
                continue   # (part of a longer number; or a line's end not after a dash: "24/7")
            a, b = int(m.group(1)), int(m.group(2))
            dmy, mdy = dmy + (a > 12 and 0 < b <= 12), mdy + (b > 12 and 0 < a <= 12)
            pairs.append((a, b))
    if not (dmy or mdy or ambiguous) and pairs and (near := _nearer_order(text, pairs)) is not None:
        # "Date of incident: 2024-08-08", then "- 08/08 14:55", "- 08/09 11:00": the entries
        # are days near the incident's, 9 August, not 8 September
        return near
    if dmy and mdy:
        problems.warning(None, "numeric dates are written both day-first and month-first; "
                               "each is read by its own values, ambiguous ones day-first")
        return None
    if dmy:
        return "dmy"
    if mdy:
        return "mdy"
    if ambiguous:
        if tp.names_us_zone(text):
            # ("4/10/2025" in a document timed in Eastern or PT: the US writes the month first)
            problems.warning(first_line, "numeric dates could be day-first or month-first; read month-first, "
                                         "as the US zone the document names writes them")
            return "mdy"
        problems.warning(first_line, "numeric dates could be day-first or month-first; read day-first")
        return "dmy"
    return None


def _introduces(s) -> bool:
    """A section with nothing under it but, at most, prose announcing what follows
    ("We will do the following:"): a heading over the ones after it."""
    return all(b.kind == "para" for b in s.blocks) and (not s.blocks or s.blocks[-1].text.rstrip().endswith(":"))


# "### End-to-end validation after the fix" under Prevention: how the fix was checked,
# not a part of the plan
# (a "### Validation" group of tasks still to do is a part)
_CHECKED_AFTER = lazy_re.compile(r"^(?:end[\s-]+to[\s-]+end\s+)?(?:validation|verification|testing)\s+(?:after|of\s+the\s+fix)\b"
                            r"|^(?:validation|verification|test)\s+results?\b", re.I)


def _owned_items(s) -> bool:
    """Whether a section's list is work people own: two items or more, most of them naming
    their owner in a field ("Owner: Sunil Rao", "Assignee: ..."); or its first table is,
    by its header (actions.owned_table: "| Action | Owner | Due |")."""
    items = [b for b in s.blocks if b.kind == "item"]
    if len(items) >= 2 and 3 * sum(1 for b in items if _OWNER_FIELD_IN.search(b.text)) >= 2 * len(items):
        return True
    table = next((b for b in s.blocks if b.kind == "table"), None)
    return table is not None and owned_table(table)


# a heading over work already done ("Steps taken during the incident"), not work to do
_PAST_WORK = lazy_re.compile(r"\b(?:taken|during|done|completed|performed|applied)\b", re.I)
_OWNER_FIELD_IN = lazy_re.compile(r"\b(?:owner|assignee|assigned\s+to|responsible)\s*:", re.I)


# a range's second end after a heading's stamp ("2025-09-09 18:03 ~ 18:06"): an incident's
# window in a log of incidents, not an update's moment
_RANGE_ON = lazy_re.compile(r"\s*(?:~|–|—|-|to\b)\s*\d")


# a heading over times planned, not events: "Implementation plan (as approved by CAB)",
# "Cutover schedule", "Agenda", "Run of show"
# (the heading is the plan's name, not "What happened (following the runbook)"; nor
# "Implementation plan vs what happened", which tells the events beside the plan)
_A_PLAN = lazy_re.compile(r"(?:(?:implementation|change|rollout|roll-out|cutover|migration|backout|back-out|rollback"
                          r"|maintenance|deployment|release|work)\s+(?:plan|schedule)|schedule|agenda|run\s+of\s+show"
                          r"|runbook|itinerary)\b", re.I)
_PLAN_AND_EVENTS = lazy_re.compile(r"\b(?:happened|actual|actually|vs\.?|versus|events?|timeline|what\s+we\s+did)\b", re.I)


def _stamped_parents(doc: Doc) -> set[int]:
    """The sections (by id) three or more of whose headings below them, two in three, open
    with a date and a clock ("### Mar 12, 2025 07:14 AM PDT — Amara Osei"), when no section
    is named a timeline: a pasted case's or thread's updates, each under its own stamp."""
    counts: dict[int, list[int]] = {}
    days: dict[int, list[date]] = {}
    top = next((s for s in doc.secs if s.level == 1), None)
    for c in doc.secs:
        if c.parent is not None and c.parent is not top and c.parent.level < c.level:   # (not a log's incidents under its title)
            n = counts.setdefault(id(c.parent), [0, 0])
            n[0] += 1
            title = plain(c.title)
            if title[:1].isalnum() and (st := tp.read_stamp(title, doc.order_hint)) is not None \
                    and st.has_date and st.has_time and st.range_at is None and not _RANGE_ON.match(title, st.end):
                n[1] += 1
                if st.year is not None:
                    try:
                        days.setdefault(id(c.parent), []).append(date(st.year, st.month, st.day))
                    except ValueError:
                        pass
    # (one incident's updates, a fortnight at most: not a quarter's log of incidents under
    # their own stamps, "### Jan 14, 2025 09:12 AM PST — ...", "### Mar 3, 2025 ...")
    found = {sid for sid, (n, hits) in counts.items() if n >= 3 and 3 * hits >= 2 * n
             and (sid not in days or max(days[sid]) - min(days[sid]) <= timedelta(days=14))}
    if found and any(section_kind(c.title) == "timeline" for c in doc.secs):
        return set()
    return found


def _classify_sections(doc: Doc) -> None:
    by_shape = doc.by_shape  # timelines known by their timed items, not their heading
    previous, prev_s = None, None
    # A bold line has no depth: in a document headed by bold lines alone, "**Corrective
    # actions**" with nothing under it, then "**Short-term**" and "**Long-term**" over
    # lists, are one section and its parts. The bold lines after such an empty one that
    # name no section of their own take its kind, until a line that names one (or a
    # real heading) ends the run.
    run_kind = None
    # the first first-level heading may be the document's title ("# Recommendations engine
    # outage" is no action-items section); those after it are sections like any other
    # ("# Response timeline" beside "# Security incident ..."), read as such
    first_h1 = next((s for s in doc.secs if s.level == 1), None)
    # A bold line that names end matter (references, an appendix, questions and answers)
    # under a section of another kind ("**Frequently asked questions**" after the action
    # items) has left that section: the unnamed bold lines after it ("**Were payment
    # details included?**") no longer take the heading's kind. (A bold "**Impact**:"
    # inside a root cause's part is that part's label, so only end matter ends a run.)
    named_run = None
    titled = any(s.level == 1 for s in doc.secs)
    stamped = _stamped_parents(doc)
    for s in doc.secs:
        if s.level == 0:
            if not titled and s.blocks and _reads_as_timeline(s) and (
                    _timed([b.text for b in s.blocks if b.kind == "para"]) >= 3
                    # (or a list of three clocks or more: "- 06:40 broker 3 restarted ..." under
                    # a title kept in front matter; not one under a label of its own, a post's
                    # "更新履歴" or "Revisions" over its updates)
                    or _timed([b.text for b in s.blocks if b.kind == "item"]) >= 3 and not _labelled_list(s)
                    # (or a table whose rows open with them: "| 2:05 PM | deploy ... |")
                    or any(b.kind == "table" and _timed([c[0] for _, c in b.rows if c]) >= 3 for b in s.blocks)
                    # (or its list or table, under a label that names it: "Timeline, times PST:"
                    # over "- 01:00 export runs ..."; not a post's revision history)
                    or any(b.kind == "para" and b.text.rstrip().endswith(":") and section_kind(plain(b.text)) == "timeline"
                           for b in s.blocks)):
                # a post with its title in front matter and no heading above its timed
                # paragraphs ("**18:00** — Stream starts"): its body is the timeline by shape
                doc.kinds[id(s)] = "timeline"
                by_shape.add(id(s))
            continue
        kind = section_kind(s.title, whole=s is first_h1)
        if kind is not None and s is first_h1 and _titles_the_document(doc, s, kind):
            kind = None   # "ROOT CAUSE ANALYSIS" atop a whole report: its name, not its cause section
        if kind is None and _FIXES.match(clean_heading(plain(s.title))) and is_checklist(s):
            kind = "actions"   # "## Fixes" over checkboxes: the fixes to make (over a plain list, often those made)
        if s.level < 7:
            named_run = None
        if s.level < 7 or kind is not None:
            run_kind = kind if s.level >= 7 and kind in _LABEL_KINDS and _introduces(s) else None
        elif run_kind is not None and s.level == 7:
            kind = run_kind
        detached = named_run is not None and s.level == 7 and kind is None and run_kind is None
        if kind is None and previous == "timeline" and _time_heading(s.title):
            kind = "timeline"  # "## 13:20" among "### 13:10" entries: a heading level typed wrong
        parent = doc.kinds.get(id(s.parent)) if s.parent is not None else None
        if kind is None and not detached and parent in ("timeline", "actions", "factors", "lessons", "went_well",
                                                         "went_wrong", "lucky") and id(s.parent) not in by_shape \
                and not (parent == "actions" and _CHECKED_AFTER.match(clean_heading(plain(s.title)))):
            kind = parent  # "### Day 1" under Timeline, "### Short-term" under Action items
        if parent == "actions" and (kind in ("detection", "resolution", "impact", "mitigation") or (
                kind in ("went_well", "went_wrong", "lessons")
                and section_kind(s.title, whole=True) not in ("went_well", "went_wrong", "lessons"))
                or kind == "metadata" and is_checklist(s)):
            # "### Detection", "### Lesson 1: a disk alert nobody sees is no alert" under
            # Action items: the items' group, not a section (a heading that is only a
            # retrospective's name, "**What went well**", starts a section of its own);
            # "### Documentation" over checkboxes is the docs to write, not links to them
            kind = "actions"
        elif parent == "timeline" and kind in ("detection", "resolution", "impact", "mitigation", "factors") \
                and (_reads_as_timeline(s) or _next_phase(s, prev_s, previous, kind)):
            # "### Phase 2: Mitigation" over timed entries under Timeline: a phase of it; so
            # is "### Root cause discovery (afternoon)" over bullets after a phase of it
            kind = "timeline"
        if kind in (None, "summary", "metadata", "resolution", "mitigation") and _reads_as_timeline(s) \
                and not (_SUPPORTING_RECORD.search(plain(s.title)) and _named_timeline(doc)) \
                and not (kind is None and _BACKGROUND.search(clean_heading(plain(s.title)))) \
                and not (kind == "summary" and _timeline_named_after(doc, s)) \
                and not (_A_PLAN.match(clean_heading(plain(s.title))) and not _PLAN_AND_EVENTS.search(plain(s.title))):
            # "## What happened" whose bullets each start with a time; "### Résolution"
            # whose steps do ("- 11:08 : redémarrage des workers")
            if kind in ("resolution", "mitigation"):
                doc.response_steps.add(id(s))
            kind = "timeline"
            by_shape.add(id(s))  # ("### Background" below it is not)
        elif kind in (None, "resolution") and (day := _day_of_entries(s)) is not None:
            kind = "timeline"  # "### Tues 22 Nov 2016" over "1015: Raj noticed ..." paragraphs
            by_shape.add(id(s))
            doc.day_sections[id(s)] = day
        if kind in (None, "lessons", "summary") and id(s) in stamped and not any(k == "timeline" for k in doc.kinds.values()):
            # "## Quillstone case 01984410 (pasted)" over "### Mar 12, 2025 07:14 AM PDT — Amara
            # Osei" updates: a case's or a thread's dated updates, the document's only timeline
            # (a ticket's "## Discussion" too: its updates, not a retrospective's talk)
            kind = "timeline"
        if kind is None and not detached and parent is None and not _PAST_WORK.search(s.title) and _owned_items(s):
            kind = "actions"   # "SOLUTIONS" over "- S1 (cause 1): ... Owner: Sunil Rao. Due: 07/02/2025.": work someone owns
        if kind is not None:
            doc.kinds[id(s)] = kind
        if s.level == 7 and kind == "metadata" and parent not in (None, "metadata"):
            named_run = kind
        previous, prev_s = kind, s
    _feeds_beside_a_timeline(doc)
    _drafts_beside_a_writer(doc)
    _key_fields_beside_a_timeline(doc)
    if "timeline" not in doc.kinds.values():
        _time_headed_episodes(doc)


def _without_common_indent(lines: list[str]) -> list[str]:
    """The lines without the one to three spaces every line with text opens with (a line
    printer's text, a report pasted one space in): markdown reads such an indent as none,
    and a plain-text report's headings and fields are then at the margin, where they are
    looked for. Lines as they were when any line with text starts at the margin."""
    indent = 4
    for line in lines:
        if line.strip():
            n = len(line) - len(line.lstrip(" "))
            if n == 0 or line[n:n + 1] == "\t":
                return lines
            indent = min(indent, n)
    if indent > 3:
        return lines
    return [line[indent:] if line.strip() else line for line in lines]


_FORM_LINES = 30   # a form's padded fields head it
# ... and name the incident (a job log's "STARTED    04:12:09  BATCH ..." names times only)
_FORM_KEYS = frozenset(("title", "date", "severity", "status"))
# a key in capitals, then three spaces or more, then its value: "PRIORITY           P2"
_PADDED_FIELD = lazy_re.compile(r"([A-Z][A-Za-z0-9 &/.'()-]{0,30}?[A-Za-z).])\s{3,}(\S.*)")


# a mail's header saying its body is quoted-printable, and one encoded run of bytes
_QUOTED_PRINTABLE = lazy_re.compile(r"^Content-Transfer-Encoding:\s*quoted-printable\s*$", re.I | re.M)
_QP_BYTES = lazy_re.compile(r"(?:=[0-9A-F]{2})+")


def _unquoted(lines: list[str]) -> list[str]:
    """A raw mail's quoted-printable text as it was written: a line ending in "=" goes on
    in the next (a soft break), and "=E2=80=93" is the character its bytes encode. The
    lines joined are owed back as blank lines where the paragraph ends, so the lines
    after it keep their numbers."""
    out: list[str] = []
    owed, held = 0, None
    for line in lines:
        if held is not None:
            line, held = held + line, None
        if line.endswith("=") and not line.endswith("==") and len(line) > 1:
            held, owed = line[:-1], owed + 1
            continue
        if "=" in line:
            line = _QP_BYTES.sub(lambda m: bytes.fromhex(m.group(0).replace("=", "")).decode("utf-8", "replace"), line)
        if not line.strip() and owed:
            out.extend([""] * owed)
            owed = 0
        out.append(line)
    if held is not None:
        out.append(held)
    return out + [""] * owed


# the line a mail client puts before a forwarded or quoted message
_MAIL_SEPARATOR = lazy_re.compile(r"\s*(?:-{3,}\s*(?:forwarded\s+message|original\s+message)\s*-{3,}|begin\s+forwarded\s+message:)\s*",
                                  re.I)


_MAIL_PART_NAMES = frozenset(("Forwarded message", "Original message", "Begin forwarded message"))


def _mail_parts(lines: list[str]) -> list[str]:
    """A mail client's separator before a forwarded or an earlier message ("----------
    Forwarded message ---------", "-----Original Message-----") becomes a heading of its
    own, a part of the document: the list above it (the writer's follow-ups) ends there,
    and the forwarded alert's "Labels:" lines are not its items. Same number of lines."""
    headed = any(line[:2] in ("# ", "##") for line in lines)   # (a markdown document's own headings: one of them)
    return [(f"## {name}" if headed else f"**{name}**")
            if "essage" in line and _MAIL_SEPARATOR.fullmatch(line) and (name := " ".join(line.strip(" -:").split()).capitalize())
            else line for line in lines]


# a key, a leader of dots, its value: "Time to detect ....... 2h 12m"
# (or a shorter leader, one to three dots, where the dots pad each key to one column in a
# run of such fields: "Impact began ..... 07:34" over "Service restored . 09:31")
_DOTTED_FIELD = lazy_re.compile(r"([A-Z][\w &/'()-]{1,40}?)\s*(?:\.{4,}|(?<=\s)(?P<short>\.{1,3})(?=\s))\s*:?\s*(\S.*)")


# a printed page's number on a line of its own: "Page 2 of 3", "Page 2/2"
_PAGE_NUMBER = lazy_re.compile(r"^[ \t]*Page \d{1,3}(?: of |/)\d{1,3}[ \t]*$", re.M)
_RULE_LINE = lazy_re.compile(r"^[ \t]*(?:-{10,}|={10,})[ \t]*$")


def _without_page_breaks(lines: list[str]) -> list[str]:
    """Lines where a printed report's page break is blank: its "Page 2 of 3" line, and the
    next page's running header under it (a line or two, up to its rule of dashes or equals
    signs: "MAJOR INCIDENT REVIEW - INC000000004471   Printed 02/27/2023" over "-----"), so
    that a table or a section runs on across the page. Same number of lines."""
    out = list(lines)
    for i, line in enumerate(lines):
        if _PAGE_NUMBER.match(line):
            out[i] = ""
            for k in range(i + 1, min(i + 4, len(lines))):
                if _RULE_LINE.match(lines[k]):
                    for m in range(i + 1, k + 1):
                        out[m] = ""
                    break
    return out


def _dotted_fields(lines: list[str]) -> list[str]:
    """Lines that are a field's key, a leader of dots and its value ("Impact window ........
    9:03 AM to 12:31 PM Pacific") become "Key: value" fields, where the key names one (not
    a contents list's "Timeline ........ 4": a page number is no value). Same number of
    lines."""
    out = list(lines)
    dotted = [(("...." in line or " ." in line) and _DOTTED_FIELD.fullmatch(line.strip())) or None for line in lines]
    for i, m in enumerate(dotted):
        if m is None or m.group("short") and not any(dotted[j] is not None and not dotted[j].group("short")
                                                     for j in range(max(0, i - 3), min(len(lines), i + 4)) if j != i):
            continue   # (a short leader only among long ones: the column they pad to)
        value = m.group(3).strip()
        if value.isdigit():
            # (a page number, unless the key names a moment and the value is a clock of four
            # digits: "Loss of dosing (start of event) ........ 0655")
            if meta_key(m.group(1)) in _TIME_KEYS and (four := _HHMM.fullmatch(value)) is not None:
                out[i] = f"{m.group(1).strip()}: {four.group(1)}:{four.group(2)}"
            continue
        # (a key the parser has no name for, among a form's other dotted fields, "Site
        # ...... Kestrel Mere WTW": a field still, not more of the value above it)
        if meta_key(m.group(1)) is not None or any(dotted[j] is not None for j in (i - 1, i + 1) if 0 <= j < len(lines)):
            out[i] = f"{m.group(1).strip()}: {m.group(3)}"
    return out


_HHMM = lazy_re.compile(r"([01]\d|2[0-3])([0-5]\d)")


def _padded_fields(lines: list[str]) -> list[str]:
    """Lines where a run of three or more fields among the first 30 lines, each a key in
    capitals padded with spaces to its value ("FAULT REF          FR-2023-11873", "PRIORITY
    P2"; a value with no gap of three spaces in it, as a table's row has), one at least the
    incident's title, date, severity or status, become "KEY: value" fields (the value's own lines below,
    indented to it, stay as they are). Same number of lines, so every line number stays
    true. (Not a table's rows: their first cell is no known key, or they are indented.)"""
    out = list(lines)
    run: list[int] = []
    indent = 0   # (the block's own indent: "  Incident no.      CEN25-INC-014", a report's fields set in)
    for i, line in enumerate([*lines[:_FORM_LINES], ""]):
        body = line.lstrip(" ")
        lead = len(line) - len(body)
        m = _PADDED_FIELD.fullmatch(body) if body[:1].isupper() and "   " in body and lead <= 4 \
            and (not run or lead == indent) else None
        if m is not None and ":" not in m.group(1) and "   " not in m.group(2).rstrip() and m.group(2)[:1] not in ":=":
            if not run:
                indent = lead
            run.append(i)
            continue
        if lead > indent and run and line.strip():
            continue   # (a value wrapped onto the next line, indented to it)
        if len(run) >= 3 and any(meta_key(_PADDED_FIELD.fullmatch(lines[k].lstrip(" ")).group(1)) in _FORM_KEYS for k in run):
            for k in run:
                f = _PADDED_FIELD.fullmatch(lines[k].lstrip(" "))
                out[k] = f"{f.group(1)}: {f.group(2)}"
        run = []
    return out


def _titles_the_document(doc: Doc, s, kind: str) -> bool:
    """Whether the first heading ``s``, naming a section's kind and a kind of document
    (_GENRE: "Root Cause Analysis"), is the whole document's title: the document opens with
    it (nothing above it), nothing but fields under it (a cause's prose makes it the cause
    section), no other heading is at its level, and below it sections of two
    other kinds follow ("ROOT CAUSE ANALYSIS" over "1. SUMMARY", "2. TIMELINE", "4. ACTION
    ITEMS": the report's name; a cause section holds no timeline)."""
    if len(doc.secs) < 2 or doc.secs[1] is not s or doc.secs[0].blocks or not _GENRE.match(clean_heading(plain(s.title))) \
            or not all(b.kind == "para" and all(_KV_LINE.match(plain(t).strip()) for _, (t, *_) in b.rows) for b in s.blocks) \
            or any(o.level == 1 for o in doc.secs[2:]):
        return False
    others = {k for o in doc.secs[2:] if (k := section_kind(o.title)) is not None and k != kind}
    return len(others) >= 2


# "Activity", "Activity (newest first)", "Comments": a card's or ticket's feed of dated comments
_FEED = lazy_re.compile(r"^(?:activity|comments)\b", re.I)


# a heading's last part after a comma or a dash, a zone's abbreviation or name alone:
# "Timeline — Thursday 10 July 2025, BST", "Timeline - CEST"
_HEADING_TAIL = lazy_re.compile(r"(?:,|\s[-–—])\s*([A-Za-z][A-Za-z/_+\d:-]{1,30})\s*$")


def _key_fields_beside_a_timeline(doc: Doc) -> None:
    """A "Key moments" list whose items are the incident's time fields ("**Impact start
    (inferred, verify):** 2025-11-18T09:31:00-05:00 — ...", "**Resolved:** ...") beside a
    timeline of its own is the document's fields, read as such, not entries of a second
    timeline."""
    timelines = [s for s in doc.secs if doc.kinds.get(id(s)) == "timeline"]
    if len(timelines) < 2:
        return
    for s in timelines:
        items = [b for b in s.blocks if b.kind == "item"]
        if len(items) < 2 or any(b.kind not in ("item", "para") for b in s.blocks):
            continue
        keys = [meta_key(pairs[0][0]) if (pairs := _line_pairs(b.text.strip())) else None for b in items]
        if 3 * sum(k in _TIME_KEYS for k in keys) >= 2 * len(items) \
                and any(doc.kinds.get(id(o)) == "timeline" and o is not s and id(o) not in doc.drafts for o in timelines):
            doc.kinds[id(s)] = "metadata"


def _drafts_beside_a_writer(doc: Doc) -> None:
    """A summary a tool generated ("## Summary (AI-generated)", with its "### Key moments")
    beside one a person wrote ("## Summary (human — @jana, Mar 5)") is a draft the person's
    corrects: no section of the write-up's, nor its opening, so its times and ranges are
    not read."""
    summaries = [s for s in doc.secs if doc.kinds.get(id(s)) == "summary"]   # (not of_kind: kinds still change)
    drafts = {id(s) for s in summaries if _GENERATED.search(plain(s.title))}
    if not drafts or len(drafts) == len(summaries):
        return
    # (its parts until the person's summary: in a document of bold headings, "**Summary
    # (human)**" and all after it hang under the draft's "## Summary (AI-generated)")
    inside = set(drafts)
    for s in doc.secs:   # (a parent before its children)
        if doc.kinds.get(id(s)) == "summary" and id(s) not in drafts:
            break
        if s.parent is not None and id(s.parent) in inside:
            inside.add(id(s))
    for sid in inside:
        doc.kinds.pop(sid, None)
    doc.drafts |= inside


# a heading that says a tool wrote what is under it: "(AI-generated)", "auto-generated",
# "AI summary", "generated by Firebell"
_GENERATED = lazy_re.compile(r"\b(?:ai|auto|bot|machine|llm)[\s-]+(?:generated|written|drafted|summary|draft)\b"
                             r"|\bgenerated\s+by\b", re.I)


def _feeds_beside_a_timeline(doc: Doc) -> None:
    """A card's or ticket's "Activity" feed is the timeline of a document that has no other;
    beside another timeline it is a record kept next to the review (its comments repeat
    the timeline's moments), and no section of the write-up's."""
    feeds = {id(s) for s in doc.secs if doc.kinds.get(id(s)) == "timeline" and _FEED.match(clean_heading(plain(s.title)))}
    if not feeds:
        return
    inside = set(feeds)
    for s in doc.secs:   # (sections come in document order: a parent before its children)
        if s.parent is not None and id(s.parent) in inside:
            inside.add(id(s))
    if any(kind == "timeline" and sid not in inside for sid, kind in doc.kinds.items()):
        for sid in inside:
            doc.kinds.pop(sid, None)


# "## Daily log", "## Updates", "## Day-by-day": a section of one incident's updates as they
# were posted, each under its day and clock ("### Thu 27 March, 13:30"), not a log of many incidents
_UPDATES_LOG = lazy_re.compile(r"\b(?:daily|updates|diary|journal|day[\s-]by[\s-]day)\b", re.I)


def _time_headed_episodes(doc: Doc) -> None:
    """A document with no timeline otherwise, whose section ("## What happened") tells its
    story under headings that each open with a clock alone ("### 09:58 — Routine release",
    "### 10:31 — Alert: callbacks per minute = 0"): three of them at least, two in three
    of the section's headings, are the timeline's entries, each heading's time its own."""
    children: dict[int, list] = {}
    for s in doc.secs:
        if s.level > 0 and s.parent is not None and s.parent.level > 0:
            children.setdefault(id(s.parent), []).append(s)
    for subs in children.values():
        stamps = [(s, st) for s in subs if (st := _heading_stamp(plain(s.title))) is not None and st.has_time]
        timed = [s for s, _ in stamps]
        # (clocks, a day named where it turns: headings that each open with their own day,
        # "#### 2025-09-01 22:09 ~ 23:16", are an incident log's many incidents)
        dated = sum(1 for _, st in stamps if st.has_date)
        parent = subs[0].parent
        # (a story names the day where it turns, "### Tuesday 4 March, 09:15" over "### 11:30":
        # some headings only a clock)
        if len(timed) >= 3 and len(timed) * 3 >= len(subs) * 2 \
                and (dated < len(timed) or _UPDATES_LOG.search(plain(parent.title)) is not None) \
                and not _SUPPORTING_RECORD.search(plain(parent.title)):
            for s in timed:
                doc.kinds[id(s)] = "timeline"
                doc.by_shape.add(id(s))


# "Appendix B – Incident channel transcript", "Anhang: Chat-Verlauf", "Raw log excerpts",
# "Previous similar incident (April 17, 2023)": a record kept beside the review. Its timed lines are the record's, not the timeline's,
# when the document has a timeline by name (a chat log may be the only timeline there is)
_SUPPORTING_RECORD = lazy_re.compile(r"\b(?:appendix|appendices|annex(?:e|es)?|anhang|anexo|bijlage|allegato"
                                     r"|(?:previous|prior|earlier|past|similar)\s+(?:similar\s+)?(?:incidents?|outages?)"
                                     # ("## From the recording", "## Meeting transcript", "## Captions (WebVTT)")
                                     r"|transcripts?|(?:the\s+|meeting\s+|call\s+)?recordings?|captions?|subtitles"
                                     r"|chat(?:\s+|-)?(?:logs?|history|verlauf)|(?:slack|teams|channel|irc)\s+"
                                     r"(?:logs?|export|history|thread|messages)|log\s+(?:excerpts?|extracts?|output|samples?)|raw\s+logs?"
                                     # "## Evidence", "## Sign-in log": what was collected, beside the timeline
                                     r"|evidence|exhibits?|artefacts?|artifacts?"
                                     # "## 9. Communication": the messages sent and when, beside the timeline
                                     r"|(?:customer\s+|external\s+|stakeholder\s+)?communications?|comms"
                                     r"|(?:sign[\s-]?in|audit|access|server|application|gateway|deploy|build|ci|job|kernel|error)"
                                     r"\s+logs?)\b|付録|附录|부록",
                                     re.I)


def _heading_stamp(title: str):
    """The time (and date) a heading opens with ("10:55 PM", "Sunday 7 April, 12:18 AM"), or None."""
    if not (title[:1].isdigit() or title[:1].isalpha() and _MONTH_DAY_OPENS.match(title)):
        return None
    return tp.read_stamp(title)


def _timeline_named_after(doc: Doc, s: Section) -> bool:
    """Whether a later section's heading names the timeline: a Description above it whose
    timed lines are a routine's schedule ("06:30  keepers on site") is no timeline of its own."""
    later = doc.secs[doc.secs.index(s) + 1:]
    return any(t.level and t.level < 7 and section_kind(t.title) == "timeline" for t in later)


def _named_timeline(doc: Doc) -> bool:
    """Whether a section the document calls its timeline has been read so far."""
    return any(kind == "timeline" and sid not in doc.by_shape for sid, kind in doc.kinds.items())


def _time_heading(title: str) -> bool:
    """A heading that is only a time (or a date and time): "13:20", "12:43 - 12:49"."""
    text = plain(title)
    st = tp.read_stamp(text) if text[:1].isdigit() else None
    return st is not None and st.has_time and len(text[st.end:].strip(" :-–—")) <= 2


# "This is the timeline of events that occurred on Thursday February 11 2016, starting
# at 10.42am:": prose that says the list after it is the timeline
# ("Sequence (from the viewLinc alarm log and the facilities report below):", a label opening its line)
_ANNOUNCES_TIMELINE = lazy_re.compile(r"\b(?:time\s*line|sequence\s+of\s+events|chronology)\b[^\n]*:\s*$"
                                      r"|^\W*sequence\b(?:\s*\([^()\n]{0,80}\)|,[^\n:]{0,30})?\s*:\s*$", re.I)


# a month's name then a day opening an entry, perhaps after a weekday: "Sep 1, 3:10pm — 2.4.0
# published", "Sun 2 Feb, 6.05pm — fees uploaded"
_MONTH_DAY_OPENS = lazy_re.compile(r"(?:(?:" + tp.WEEKDAY_STEMS + r")[a-z]*\.?,?\s+(?=\d{1,2}\s+(?:" + tp.MONTH_STEMS
                                   + r")|(?:" + tp.MONTH_STEMS + r")))?(?:" + tp.MONTH_STEMS + r")[a-z]*\.?\s+\d"
                                   r"|(?:" + tp.WEEKDAY_STEMS + r")[a-z]*\.?,?\s+\d{1,2}\s+(?:" + tp.MONTH_STEMS + r")", re.I)


# who wrote a message, in bold before its time, as a pasted chat or a card's comments give
# it ("**Dana Whitcombe** 10:49 AM — looking", "**Femke de Wit** · 31 Mar 2025 14:24 — ...");
# not a field's label ("**Started:** 10:31", "**Started**: 10:31")
_SPEAKER_FIRST = lazy_re.compile(r"^\s*(?:\*\*|__)[^*_\d\n:]{1,30}(?:\*\*|__)\s*(?:[·•|]\s*)?(?=\d)")


# a clock given roughly: "~2pm", "around 3:30pm", "approx. 14:10", "just after 9am"
_ABOUT = lazy_re.compile(r"(?:~|≈|around|about|approx(?:\.|imately)?|ca\.|circa|roughly|just\s+(?:after|before))\s*", re.I)


def _timed(items: list[str]) -> int:
    """How many of the items open with a clock time (or a month and day, then one), a
    message's writer aside."""
    timed = 0
    for text in items:
        if text[:1] in "*_" and (m := _SPEAKER_FIRST.match(text)):
            text = text[m.end():]
        head = text.lstrip("*_[(` ")
        if head[:1] in "~≈aAcCjJrR" and (about := _ABOUT.match(head)):
            head = head[about.end():]   # "~2pm deployed ...", "around 3:30pm a customer ...": a clock all the same
        # (a clock starts with a digit, a month's day with its name; skip the reader otherwise)
        if head[:1].isdigit() or head[:1].isalpha() and _MONTH_DAY_OPENS.match(head):
            st = tp.read_stamp(plain(head))
            timed += st is not None and st.has_time
    return timed


def _timed_share(items: list[str]) -> bool:
    """At least two items, and two in three of them open with a clock time."""
    return len(items) >= 2 and _timed(items) * 3 >= len(items) * 2


def _day_of_entries(s) -> date | None:
    """The day a section's heading names, when the heading is only that day ("### Tues 22
    Nov 2016") and three or more paragraphs under it, two in three of them, open with a
    clock ("1015: ...", "~1230: ...", "14:05 ..."): a day of the timeline, kept as
    paragraphs; else None."""
    # (the cheap tests first: most sections hold fewer than three paragraphs)
    paras = [b.text for b in s.blocks if b.kind == "para"]
    if len(paras) < 3:
        return None
    title = LEADING_SYMBOLS.sub("", plain(s.title))   # (an emoji before the day aside; not its number)
    if not title[:1].isalnum() or len(title) > 40 or tp.clocks_at_most(title):
        return None
    days = {d for _, d in tp.dates_in(title)}   # ("Tues 22 Nov 2016" is read from "Tues" and from "22")
    if len(days) != 1:
        return None
    timed = sum(1 for t in paras if tp.COMPACT_LEAD.match(t) or (
        t.lstrip("*_[(`~ ")[:1].isdigit() and (st := tp.read_stamp(plain(t).lstrip("*_[(~ "))) is not None
        and st.has_time))
    return days.pop() if timed * 3 >= len(paras) * 2 else None


# "At 13:05, ...", "Around 09:40 UTC ...", "At about 2:15 pm ...": a paragraph told from its clock
_AT_CLOCK = lazy_re.compile(r"^(?:at|around|by|shortly\s+after|just\s+after|just\s+before)(?:\s+(?:around|about|approximately|roughly|~))?\s+(?=\d)", re.I)


def _next_phase(s, prev_s, previous: str | None, kind: str) -> bool:
    """A section under Timeline, named for a part of the response ("Root cause discovery",
    "Recovery process"), right after one of the timeline's phases beside it, holding only
    list items: the next phase, though its items carry no time. The phase before it is
    named, a heading of its level, not a day ("**Whys**" after a timeline's bold day lines
    "**2022-08-11**" is the causes); it is no question, a retrospective's ("How did we
    resolve it?"), nor the impact ("Who did it affect?")."""
    return previous == "timeline" and kind != "impact" and prev_s.parent is s.parent and prev_s.level == s.level \
        and not any(c.isdigit() for c in plain(prev_s.title)) \
        and not plain(s.title).rstrip().endswith("?") \
        and bool(s.blocks) and all(b.kind == "item" for b in s.blocks)


# a title that names a meeting about the incident: "Meeting summary for ...", "Retro notes
# (3/4)", "Incident review meeting — 2025-03-18"
# a meeting's notes: who came ("## Participants", "**Attendees:**")
_MET = lazy_re.compile(r"^[#*\s]*(?:participants|attendees|present|invited|in\s+attendance)\b", re.I | re.M)
_MEETING_TITLE = lazy_re.compile(r"\bmeeting\b|\bretro(?:spective)?\s+notes\b|\breview\s+notes\b|\bminutes\b", re.I)
_CONTENTS = lazy_re.compile(r"(?:table\s+of\s+)?contents|toc|index|inhalt|sommaire|[íi]ndice", re.I)
_FIXES = lazy_re.compile(r"fixes\s*[:.]?$", re.I)
# a chat log's line: a stamp in brackets, or a clock then the writer's nick in angle
# brackets, as IRC clients log it ("00:41 <tlmnk> hi, `fpkg update` fails ...")
_CHAT_LINE = lazy_re.compile(r"\s*(?:\[\d[^\]\n]{3,30}\]|\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?\s+<[^>\s]{1,30}>)")


# (its half of the day perhaps a letter right after it: "2:02a  dns-resolver-2 flapping")
# (to the second only so: "2:02:00a" is a note's clock, "02:02:00" a log's)
# ("04:12Z sequencer stops ...": a clock with the Zulu mark, too)
# (or four digits and the hours' abbreviation, a dispatcher's or a shift log's "2106 hrs")
_BARE_CLOCK_LINE = lazy_re.compile(r"(?:(?:[01]?\d|2[0-3])[:.h][0-5]\d(?:(?::[0-5]\d)?[ap]m?(?!\w)|Z(?!\w)|(?![:\d]))"
                                   r"|(?:[01]\d|2[0-3])[0-5]\d(?:\s*hrs?\b|(?=  )))\s+\S", re.I)


def _chat_lines(b) -> bool:
    """Whether two in three of a paragraph's lines are a chat log's, each opening with its
    stamp (the client's own "--- Day changed ..." lines aside), and they open with a time."""
    rows = [t for _, (t,) in b.rows if not t.startswith("---")]
    chat = [t for t in rows if _CHAT_LINE.match(t)]
    return len(rows) >= 3 and len(chat) * 3 >= len(rows) * 2 and _timed(chat) * 3 >= len(chat) * 2


def _labelled_list(s) -> bool:
    """Whether the section's first list sits under a label of its own: a paragraph of a
    few words, no sentence ("Revision history", "更新履歴")."""
    first = next((k for k, b in enumerate(s.blocks) if b.kind == "item"), None)
    if not first:
        return False
    label = s.blocks[first - 1]
    return label.kind == "para" and len(label.text.split()) <= 3 and not label.text.rstrip().endswith((".", "!", "?", "。"))


def _reads_as_timeline(s) -> bool:
    """A section its heading does not name, whose list items, table rows or paragraphs
    each open with a clock time (_timed_share): a timeline by its shape. Or one whose prose announces a timeline
    ("This is the timeline of events ...:") over a list of timed items, whatever other
    lists the section tells its story with (those, untimed after prose, stay out)."""
    if _timed_share([b.text for b in s.blocks if b.kind == "item"]):
        return True
    if compact_run([b for b in s.blocks if b.kind == "item"]) is not None:
        return True   # ... or open with four digits in a day's clock order ("- 2346 signaller confirms ...")
    # ... or whose table's rows open with one ("| 13:05 | the reload leaves ... |"), or with
    # a day and its clock in columns of their own ("| 2024-09-25 | 10:15 | ... |")
    if any(b.kind == "table" and _timed_share([" ".join(cells[:2]) if len(cells) > 2 and cells[1][:1].isdigit()
                                               else cells[0] for _, cells in b.rows if cells]) for b in s.blocks):
        return True
    # ... or whose paragraphs each open with one ("At 13:05, the reload leaves ..."), but
    # for one that introduces them ("Two actions were taken:")
    paras = [_AT_CLOCK.sub("", b.text.lstrip("*_ "), count=1) for b in s.blocks
             if b.kind == "para" and not b.text.rstrip().endswith((":", "："))]
    # ... or a pasted chat export's lines, one paragraph whose lines each open with their own
    # stamp in brackets ("[14/06/2025, 19:09:52] Achieng (Events): Guys the scanners ..."; not
    # a log excerpt's "2021-06-24T01:33:45.531+0000 I NETWORK ...")
    if any(len(b.rows) >= 3 and _chat_lines(b) for b in s.blocks if b.kind == "para"):
        return True
    # ... or a plain-text log, one paragraph whose lines open with a clock, each entry's words
    # wrapped onto the lines below it ("09:40  Yanked 5.2.0 on PyPI ... pip now" over "picks
    # 5.1.3, which has wheels"): half its lines at least, three or more
    # (a clock alone, not a log's date and time to the second: a log excerpt is no timeline)
    if any(len(b.rows) >= 6 and (n := sum(1 for _, (t,) in b.rows if _BARE_CLOCK_LINE.match(t))) >= 3
           and n * 2 >= len(b.rows) for b in s.blocks if b.kind == "para"):
        return True
    if len(paras) >= 2:
        timed = _timed(paras)
        if timed * 3 >= len(paras) * 2 and (timed >= 3 or timed == len(paras)):
            return True
        if timed >= 3 and s.level <= 1:
            # (a post's lead-in paragraphs above them aside: "On Saturday, October 11, ..."
            # over "**18:00** — Stream starts", under the title alone)
            first = next(k for k, t in enumerate(paras) if _timed([t]))
            if timed * 3 >= (len(paras) - first) * 2:
                return True
    blocks = s.blocks
    for i, b in enumerate(blocks[:-1]):
        if b.kind == "para" and b.text.rstrip().endswith(":") and _ANNOUNCES_TIMELINE.search(b.text):
            run = []
            for nxt in blocks[i + 1:]:
                if nxt.kind != "item":
                    break
                run.append(nxt.text)
            if _timed_share(run):
                return True
    return False


# Sections whose "Key: value" lines can be metadata ("- Time to detection: 5 minutes"
# in Stats, "Duration: 14:58-15:20" in Impact); timeline and action lines never are.
_KV_SECTIONS = (None, "metadata", "summary", "impact", "detection", "resolution")


def _dated_moment_lines(b, put) -> None:
    """Put the key moments a paragraph's own lines give as fields among its sentences, each
    a moment's key and a whole date and time ("SSO start (est. from wet well level trend):
    2025-01-14 04:15 CST" between "SSO from MH-14-03 to Cedar Run creek." and the volume):
    a line that says the day as well as the clock is a record, not a sentence's aside."""
    before = ""
    for ln, (line_text,) in b.rows:
        # (a line of its own, its key capitalised, after a sentence's end or another field:
        # not a wrapped sentence's "start: 2026-03-09 14:03 +0000 (first alert). Impact end: ...")
        own = line_text.strip()[:1].isupper() and (not before or before.endswith((".", "!", "?", ")"))
                                                    or _opens_field(before))
        before = line_text.strip()
        if not own or ":" not in line_text or not _opens_field(line_text):
            continue
        for k, v in _line_pairs(line_text):
            if (key := meta_key(k)) in _TIME_KEYS and (st := tp.read_stamp(plain(v).strip())) is not None \
                    and st.has_date and st.has_time:
                put(key, v, ln, k)


def _moment_fields(b, put, named: bool = False) -> bool:
    """Put the key moments a paragraph of fields gives, every line a field ("Detected: 10:41
    local", "Impact window: 03:06 - 07:55"), those that hold a clock; whether it is one.
    With ``named``, every line's key but one must name a field the parser knows, two at
    least (a wrapped sentence's "start: 2026-03-09 14:03 ..." line is no field; a ticket's
    "Resolution code: Workaround applied" over "Impact began: 07:34" and "Service restored:
    09:31" is one more field)."""
    if not all(_opens_field(t) for _, (t,) in b.rows):
        return False
    if named and (unknown := sum(meta_key(t.split(":", 1)[0]) is None for _, (t,) in b.rows)) \
            and (unknown > 1 or len(b.rows) - unknown < 2):
        return False
    for ln, (line_text,) in b.rows:
        for k, v in _line_pairs(line_text):
            if (key := meta_key(k)) in _MOMENT_KEYS and tp.clocks_at_most(v) \
                    or named and key in ("ttd", "ttm", "ttr") and any(c.isdigit() for c in v):
                put(key, v, ln, k)   # (and, among named fields, "Time to detect : 4 h 47 min")
    return True
_DOCUMENT_KEYS = ("date", "started", "detected", "mitigated", "resolved", "severity")
_HEADING_KEYS = ("date", "started", "detected", "mitigated", "resolved", "severity", "status")
# the keys a plain "Key: value" line gives outside a metadata section
_KV_KEYS = ("ttd", "ttm", "ttr", "duration", "class", "severity", "status", "started", "detected", "mitigated",
            "resolved", "date", "id", "services", "teams", "written", "reviewed", "near_miss")
# what a comment's "key: value" lines may give, as a fallback: when, not severity or
# status (a template's comment explains those: "SEV1: customers cannot use the product")
_HIDDEN_KEYS = ("date", "started", "detected", "mitigated", "resolved")
# the fields that name when something happened
_TIME_KEYS = ("started", "detected", "mitigated", "resolved")
_MOMENT_KEYS = (*_TIME_KEYS, "duration")
# Sections that hold no metadata at all: their bold text is emphasis, not keys.
_NO_METADATA = ("timeline", "actions", "factors", "went_well", "went_wrong", "lucky", "lessons")


def _field_lines(rows: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """A paragraph's lines as metadata lines: a line that opens no field of its own
    ("**Key:** ..." or "Key: value") continues the one above, as a hard-wrapped value
    does ("**Discovery Date**: ... about 8am April 14, 2026" then "(PT)."): markdown
    reads a paragraph's lines as one. (Not a sentence of its own under a line of fields
    set apart by "·" or "|": "Incident date: ... · sev2 · Status: Final" then "Times are
    as Slack showed them, US Eastern.")"""
    if len(rows) < 2:
        return rows
    out: list[tuple[int, list[str]]] = []
    for ln, (text,) in rows:
        # (a field's key ends in a colon: a line without one opens none; a quoted one,
        # "> **Type**: near-miss", opens one after its quote marks)
        # (nor a line under fields set in columns: "Ticket: INC-22817    Status: Closed" then
        # "Written by S. Rao (C-shift in-charge), 09-Feb 06:10")
        # (nor a line of short parts set apart by "·" or "|" of its own: "SEV 2 · Draft ·
        # Monday 3/10/2025" under the organisation's bold name)
        if out and not _opens_field(text) and not (text.strip()[:1].isupper() and (
                _FIELDS_SEP.search(out[-1][1][0]) or _FIELDS_IN_COLUMNS.search(out[-1][1][0])
                or _short_field_then_sentence(out[-1][1][0], text) or _FIELDS_SEP.search(text))):
            out[-1] = (out[-1][0], [f"{out[-1][1][0]} {text.strip()}"])
        else:
            out.append((ln, [text]))
    return out


def _line_pairs(line_text: str) -> list[tuple[str, str]]:
    """(key, value) for each field a metadata line opens: its bold ones ("**Date:** ...
    · **Severity:** ..."), else the one plain "Key: value" it is."""
    if "**" in line_text or "__" in line_text:
        return list(_bold_pairs(line_text))
    m = _KV_LINE.match(plain(line_text).strip())
    return [m.group(1, 2)] if m else []


def _fields_block(b: Block) -> list[tuple[str, str, int, str]]:
    """A paragraph made wholly of fields ("**Key:** value" or "Key: value"), one or more a
    line, three lines or more, two of them the document's and one its date or severity
    ("**Date:** 12 November 2025" / "**Severity:** S2" / "**Status:** In review"): (key,
    value, line, key text) for each; else nothing. (Not a status update's "**Status:**
    Resolved" over its post time: it names neither.)"""
    if len(b.rows) < 3:
        return []
    fields = []
    for ln, (line_text,) in b.rows:
        if not _opens_field(line_text):
            return []
        pairs = _line_pairs(line_text)
        if not pairs:
            return []
        fields += [(meta_key(k), v, ln, k) for k, v in pairs if meta_key(k) in _HEADING_KEYS]
    keys = {f[0] for f in fields}
    return fields if len(fields) >= 2 and keys & {"date", "severity"} else []


def _short_field_then_sentence(field: str, line: str) -> bool:
    """A field of one to three words ("Status: final") over a sentence of its own ("Written
    by ohaya and kbrandt; agreed at the infra meeting ..."): the sentence is no more of it."""
    m = _KV_LINE.match(plain(field).strip())
    said = line.strip()
    return m is not None and 1 <= len(m.group(2).split()) <= 3 and len(said.split()) >= 4 and said[:1].isalpha()


def _opens_field(line: str) -> bool:
    """Whether a line opens a metadata field: "**Key:** ...", "Key: value", a blog
    generator's "Title:..." (after any quote marks: "> **Type**: near-miss")."""
    if ":" not in line and "：" not in line:
        return False   # (a field's key ends in a colon)
    opener = line.lstrip(" >")
    return bool(_BOLD_KEY.match(opener) or _KV_LINE.match(plain(opener)) or _HEADER_KV.match(opener))


def _cause_texts(blocks: list[Block], i: int) -> tuple[list[str], list[str], int]:
    """(cause fields, other texts, the index of the block after them) from block ``i``,
    for _prose_cause. Bold-keyed fields one under the other, in a paragraph ("**Date:**
    2025-03-04", "**Root cause:** ...", "**Impact:** ...") or as list items ("- **Root
    cause:** TBD", "- **Impact:** ..."), give their cause fields ("Root cause", "Ursache",
    "Trigger": the cause, whatever words it is told in), then the fields that may tell one
    in prose: not a date, severity or status, nor the impact when a cause field is there
    (the harm, whatever "due to" it says). A paragraph's line that opens no bold key goes
    on with the field above (a wrapped value), as an item's sub-lines do. Any other block:
    its text whole (a paragraph's lines are one run of prose, whatever colons they hold);
    an item with its sub-bullets."""
    b = blocks[i]
    whole = ([], [b.text, *b.children] if b.kind == "item" else [b.text], i + 1)
    fields: list[tuple[str, str, list[str]]] = []   # (key, the field's text, its item's sub-bullets)
    if b.kind == "item":
        for item in blocks[i:]:
            if item.kind != "item" or not (m := _BOLD_KEY.match(item.text)):
                break
            fields.append(((m.group(1) or m.group(2)).strip(), item.text, item.children))
    elif b.kind == "para" and len(b.rows) >= 2:
        for _, (line,) in b.rows:
            if (m := _BOLD_KEY.match(line.lstrip(" >"))):
                fields.append(((m.group(1) or m.group(2)).strip(), line, []))
            elif fields:
                fields[-1] = (fields[-1][0], fields[-1][1] + " " + line.strip(), [])
            else:
                return whole
    if len(fields) < 2:
        return whole
    kinds = [section_kind(key, whole=True) for key, _, _ in fields]
    left_out = ("impact", "metadata") if "factors" in kinds else ("metadata",)
    return ([text for (_, text, _), kind in zip(fields, kinds) if kind == "factors"],
            [t for (_, text, more), kind in zip(fields, kinds) if kind not in left_out
             for t in ([] if kind == "factors" else [text]) + more],
            i + 1 if b.kind == "para" else i + len(fields))


# a field whose value says it is not known ("不明（...）", "Unknown (first seen at ...)"): the
# times in its note are something else's
_NOT_KNOWN = lazy_re.compile(r"^(?:unknown|not\s+(?:yet\s+)?known|unclear|tbd|under\s+investigation|不明|未知|不详)\b", re.I)


# a level given by its scale's word and number: "Category 2", "Tier 1", "Class 3", "Level 2"
_SCALE_LEVEL = lazy_re.compile(r"\W*(?:category|cat\.?|tier|class|level|sev(?:erity)?|p)\s*-?\s*\d\b", re.I)
# ... but a status may say the work is under way: "**Status:** Under investigation"
_UNDER_WAY = lazy_re.compile(r"under\s+investigation\b", re.I)


# a title that opens with a severity code: "SEV-2 Incident: ...", "[P1] Checkout down",
# "[INC-20260722-001][P0] Trade settlement race" (after other tags in brackets)
# (a P-level is one digit: "P95 latency" names a percentile)
_TITLED_SEVERITY = lazy_re.compile(r"^(?:\s*\[[^\[\]]{1,40}\])*?\W*((?:sev(?:erity)?[\s_-]*\d{1,2}|p[\s_-]*\d)\b)(?![/.:]\d)",
                              re.I)


# a level the team gave the incident, said in its story: "We rated this P2 internally",
# "rated SEV-3 as there was no impact yet", "SEV-1 declared" (a P-level only of "this" or
# "it" or the incident: "alerts rated P2 page the on-call" names a rule, not this one)
# a severity as a clause of its own in a short line under the title: "2023-04-07, @yuki
# (oncall). Sev 3. ~35 min." (set apart by stops, commas or bars; not "the SEV1 last year")
# (or its name and a coded level: "... · Severity P3 · written up by Sam")
_CLAUSE_SEVERITY = lazy_re.compile(r"(?:^|[.;,|·(]\s*)((?i:sev(?:erity)?|priority)[\s-]?[0-5]|P[0-4]"
                                   r"|(?i:severity|priority)\s*:?\s*(?:P[0-4]|S[0-5]|(?i:sev)[\s-]?[0-5]))(?=\s*(?:[.;,|·)]|$)"
                                   # (or a note in brackets after it: "· Sev3 (scheduler only; no jobs lost) ·")
                                   r"|\s+\([^()]{1,80}\)\s*(?:[|·]|$))")


# a severity that is a sentence of its own in the opening prose: "... lives here. SEV-3.
# From 14:25 ...", "... without VPN. Sev 4. Cause: ..." (not "the SEV1 last year")
_SENTENCE_SEVERITY = lazy_re.compile(r"(?:^|(?<=[.!?])\s+)((?i:sev(?:erity)?)[\s-]?[0-5]|P[0-4])\.(?=\s|$)")


# a label in a GitHub issue's label list: "`severity/2`", "`sev/1`", "`severity/P2`"
_LABEL_SEVERITY = lazy_re.compile(r"`((?i:severity|sev))/((?i:sev)?[-]?[0-4]|[PpSs][0-4])`")


# a forge's scoped label for it, in a quick action or a label list: '~"severity::2"', '~priority::1'
_SCOPED_SEVERITY = lazy_re.compile(r'~"?((?i:severity|sev|priority)::\s*[A-Za-z]?\d)\b')


def _sentence_severity(doc: Doc) -> str | None:
    """A severity said as a sentence of its own in a paragraph of the write-up's story (not
    its lessons' or follow-ups', nor a record kept beside it)."""
    for s in doc.secs:
        if doc.kinds.get(id(s)) in _AFTER_STORY or _SUPPORTING_RECORD.search(s.title or ""):
            continue
        for b in s.blocks:
            if b.kind == "para" and ("ev" in b.text or "EV" in b.text or "P" in b.text) \
                    and (m := _SENTENCE_SEVERITY.search(plain(b.text)) or _KEYED_SEVERITY.search(plain(b.text))):
                return m.group(1)
    return None


# a severity given in a sentence after its own long key: "Incident severity as per the Bank's
# IT Incident Management Policy: **Severity-2**."
_KEYED_SEVERITY = lazy_re.compile(r"(?:^|(?<=[.!?]\s))(?i:incident\s+)?(?i:severity)\b[^.:\n]{0,80}:\s*"
                                  r"((?i:sev(?:erity)?)[\s-]?[0-5]|P[0-4])\b\.?\s*$")


def _severity_level(severity: str | None, doc: Doc) -> int | None:
    """The level ``severity`` names (P0 is 0), or a name's with no level of its own
    ("Orange") on the scale the document defines ("Red = SEV1, Orange = SEV2")."""
    lvl = severities.level(severity)
    return lvl if lvl is not None else severities.on_scale(severity, doc.text or "")


# a status as a sentence of its own after another in a byline: "Written up by ... for the
# trading incident log. Status: Closed." (the field opening a line is metadata's to read)
_SENTENCE_STATUS = lazy_re.compile(r"(?<=[.!?])\s+Status\s*:\s*([^\W\d_][\w -]{1,30}?)\s*(?:\.\s|\.?$)")


# a document's status as a part of its own in a header line of parts set apart by "·" or
# "|": "SEV 2 · Draft · Monday 3/10/2025"
# (or keyed: "Sev 3 · Status: Closed · Kenji Ito (venue tech) for Laura, GM.")
_PART_STATUS = lazy_re.compile(r"(?:^|(?<=[·|]))\s*(?:(?i:status)\s*:\s*([^\W\d_][\w -]{1,30}?)"
                               r"|((?i:draft|final|in\s+review|under\s+review|approved|published|closed)))\s*(?=[·|]|$)")


def _opening_secs(doc: Doc) -> list:
    """The sections a document opens with: the one before its title and its title's, and
    any bold line standing as a heading right under them ("**Arapahoe Air — Crew
    Systems**" over "SEV 2 · Draft · ..."), which is a byline's, not a part of the write-up."""
    out = doc.secs[:2]
    for s in doc.secs[2:]:
        if s.level != 7:
            break
        out = [*out, s]
    return out


def _byline_status(doc: Doc) -> str | None:
    """A status stated as a sentence of its own in the first paragraphs under the title, or
    as a part of its own in a header line of parts (two or more separators)."""
    for s in _opening_secs(doc):
        for b in s.blocks[:2]:
            if b.kind == "para" and "Status" in b.text and len(b.text) <= 400 \
                    and (m := _SENTENCE_STATUS.search(plain(b.text))):
                return m.group(1)
            for _, (line,) in b.rows[:3] if b.kind == "para" else ():
                if len(line) <= 160 and len(_FIELDS_SEP.findall(line)) >= 2 and (m := _PART_STATUS.search(plain(line))):
                    return m.group(1) or m.group(2)
    return None


def _footer_status(doc: Doc) -> str | None:
    """The write-up's status its closing line states, set apart in italics at the foot of
    the page ("*Postmortem status: Final. Questions: reply to the incident email.*")."""
    last = next((b for s in reversed(doc.secs) for b in reversed(s.blocks)), None)
    if last is None or last.kind != "para" or len(last.text) > 300 or last.text.lstrip()[:1] not in ("*", "_"):
        return None
    m = _FOOTER_STATUS.search(plain(last.text))
    return m.group(1) if m else None


_FOOTER_STATUS = lazy_re.compile(r"\b(?:post[\s-]?mortem|report|document|review|write[\s-]?up)\s+status\s*:\s*"
                                 r"([A-Za-z][\w -]{1,30}?)\s*(?:[.;]|$)", re.I)


def _byline_severity(doc: Doc) -> str | None:
    """A severity stated as a clause of its own in a short line of the first paragraphs
    under the title (a terse note's header line)."""
    for s in _opening_secs(doc):
        for b in s.blocks[:2]:
            # (each of a paragraph's first lines on its own: "2024-04-09 · SEV3 · Final ·
            # author: ..." heads a note written without blank lines)
            lines = [t for _, (t,) in b.rows[:3]] if b.kind == "para" and len(b.rows) > 1 else [b.text]
            for line in lines if b.kind == "para" else ():
                if len(line) <= 160 and ("ev" in line.lower() or "rio" in line or "P" in line) \
                        and (m := _CLAUSE_SEVERITY.search(plain(line))):
                    return m.group(1)
    return None


# a field's value that points elsewhere for it: "see Impact", "see below", "(see §3)"
_POINTER = lazy_re.compile(r"\W*(?:see|refer\s+to|per|cf\.?)\b", re.I)
_EMPHASISED_NOTE = lazy_re.compile(r"[*_]{1,2}(\([^()]*\))[*_]{0,2}")
_RATED_SEVERITY = lazy_re.compile(
    r"\b(?:rated|classified|classed|declared|graded|triaged)\s+(?:(?:this|it|the\s+(?:incident|outage|issue))\s+)?"
    # ("The incident was rated severity level 3 (on a scale of 1 to 4 ...)")
    r"(?:internally\s+)?(?:as\s+)?(?:an?\s+)?((?i:sev(?:erity)?)(?:\s+level)?[\s-]?[0-5])\b"
    r"|\b(?:rated|classified|classed|graded|triaged|logged|ran|treated|handled|call(?:ed|ing)?|tracked|filed)\s+(?:this|it|the\s+(?:incident|outage|issue))\s+(?:internally\s+)?(?:as\s+)?"
    # ("Internally we ran this as a Sev 1", "we logged it as a P1", "we called it a SEV1",
    # "I'd call it a P2", "calling it sev2, I'll drive")
    r"(?:an?\s+)?(P[0-4]|(?i:sev(?:erity)?)[\s-]?[0-5])\b"
    r"|\b((?i:sev)[\s-]?[0-5]|P[0-4])\s+(?:incident\s+)?declared\b"
    # ("It was handled as a P1 under the Major Incident Procedure", "declares a P1 major incident")
    r"|\b(?:was|were|is)\s+(?:handled|classified|declared|treated|logged|run|raised|rated|graded|triaged|tracked)\s+as\s+"
    r"(?:an?\s+)?(P[0-4]|(?i:sev(?:erity)?)[\s-]?[0-5])\b"
    r"|\b(?:declares|declared|raises|raised|opens|opened)\s+an?\s+(P[0-4]|(?i:sev)[\s-]?[0-5])\s+(?:major\s+)?incident\b"
    # ("Severity was S2 as approx. 9% of payments ...": the level said in a sentence of the mail)
    r"|\b(?i:severity|priority)\s+(?:was|is)\s+((?i:sev)[\s-]?[0-5]|P[0-4]|S[0-5])\b"
    # ("We declared our highest severity, Sev 1", "picks it up and sets it to P2")
    r"|\b(?:declared|declares|called|calls)\s+(?:our|the)\s+(?:highest|top)\s+(?:severity|priority)(?:\s+level)?\s*[,(:]?\s*((?i:sev)[\s-]?[0-5]|P[0-4])\b"
    r"|\b(?:sets|set)\s+(?:it|this|the\s+(?:incident|ticket|case))\s+(?:to|at)\s+(P[0-4]|(?i:sev)[\s-]?[0-5])\b")


_RATED_WORDS = ("rated", "declared", "declares a", "classified", "graded", "triaged", "logged it", "logged as", "logged this",
                "ran this", "ran it", "treated", "handled", "called it", "called this", "call it", "calling it",
                "tracked", "filed it", "raised a", "raises a", "opened a", "opens a", " run as",
                "everity was", "everity is", "riority was", "riority is", "classed", "highest severity",
                "highest priority", "top severity", "top priority", "sets it", "set it")


# a status as a docs tool or a writer dresses it: "✅ Reviewed", "Final (reviewed 6/18)",
# "Reviewed 2024-03-06": a mark before it, a note in brackets that says when, or the day
# after it (a note that qualifies it stays: "已修复待验证（未关闭）", not yet closed)
# (each run of spaces tried from its start only, and not given back: a field padded with
# thousands of tabs is read in one pass, not one per tab)
_STATUS_DRESS = lazy_re.compile(r"^[^\w(\[]+|(?<!\s)\s*+[(（][^()（）]*\d[^()（）]*[)）]\s*$|(?<=\w)\s++[^\w\s()（）.]+$")


# a note after the status, in brackets or after a dash ("draft (review at Thursday's
# meeting)", "Approved — Governance Committee, ..."; not a second status after a comma,
# "Complete, action items in progress", nor a note in full-width brackets, "已修复待验证（未关闭）")
_STATUS_ENDS = lazy_re.compile(r"(?<=\w)\.\s++(?=[A-Z])|(?<!\s)\s++·\s+")
_STATUS_NOTE = lazy_re.compile(r"(?<!\s)\s++\(|(?<!\s)\s++[—–]\s+")


def _stated_status(value: str | None) -> str | None:
    """The status a field states, without a mark before it or a note or day after it,
    where one to three words remain ("Final (reviewed 6/18)" -> "Final"); else as written."""
    if not value:
        return value
    said = _STATUS_DRESS.sub("", value).strip()
    if "(" in said and ("*" in said or "_" in said):
        said = _EMPHASISED_NOTE.sub(r"\1", said)   # "Final *(Draft → In review → Final)*": a note in italics
    if (days := tp.dates_in(said, None)) and said[days[-1][0]:].strip(" .") and \
            len(said[:days[-1][0]].split()) >= 1 and tp.find_date(said[:days[-1][0]]) is None:
        said = said[:days[-1][0]].strip(" ,;:—–-(（·•|")   # "Reviewed 2024-03-06", "Approved on 12 May 2024", "Reviewed · 20 May 2025"
        said = re.sub(r"\s+(?:on|am|le|el)$", "", said)
    if (m := _STATUS_ENDS.search(said)) and 1 <= len(said[:m.start()].split()) <= 3:
        # "In progress. Exported from Grafana ...", "Published · Exported Nov 12": the
        # status, then a sentence or a field of its own
        said = said[:m.start()]
    said = re.sub(r"^\[([^\[\]]+)\]?$", r"\1", said)   # ("[COMPLETE]"; not "[x] Issue identified")
    head, *note = _STATUS_NOTE.split(said, 1)
    if note and 1 <= len(head.split()) <= 3 and len(note[0].split()) >= 3:
        # "draft (review at Thursday ops meeting)", "Approved — Governance Committee, ...": a
        # note of its own (not one that qualifies the status, "CRITICAL (Resolved)")
        said = head.strip()
    return said if said and len(said.split()) <= 3 else value


# a table's header naming what was guessed at, not found: "| Hypothesis | Result |"
_GUESSES = lazy_re.compile(r"\bhypothes[ie]s\b|\bsuspects?\b", re.I)


# a template's prompt in brackets before a field's answer, two spaces or more between them
# ("[SEV1-SEV4, see go/sev]  SEV2", "[Your name]  Lucía Ferrándiz"; not a link, "[Runbook](...)",
# nor a ticked box, "[x] Done")
# a line that is only a template's instruction in square brackets, two words or more (not a
# link, a box, a wiki link or a footnote: "[Runbook](...)", "[x] done", "[[Page]]", "[^1]: ...")
# (nor a chat's line, "[09:12 dana: anyone seeing errors?]": a clock or a number first)
_PROMPT_LINE = lazy_re.compile(r"^\[(?![\[^xX ]\])(?!\[)(?!\s*\d)[^\[\]\n]*\s[^\[\]\n]*\]\s*$", re.M)
_TEMPLATE_PROMPT = lazy_re.compile(r"\s*\[([^\]\n]{2,80})\]\s{2,}(?=\S)")
_PROMPT_AFTER_KEY = lazy_re.compile(r"(\s*[^:\[\]\n]{1,40}[:：]\s*)\[([^\]\n]{2,80})\]\s{2,}(?=\S)")
# what only a template's prompt holds, in square brackets on a line of its own or before a
# field's answer: choices ("Draft | In Review | Final", "Y/N"), a range ("SEV1-SEV4"), a
# question, an instruction ("Your name", "see go/sev", "#inc-...", "One paragraph. What
# broke ..."); not a value written in brackets, "[SEV2]", "[Final]", "[INC-881]"
_PROMPTING = lazy_re.compile(r"\s\|\s|/|\.\.\.|…|\?|\b(?:your|see|e\.g|choose|pick|one\s+of|name|date|link|describe|list|include"
                             r"|fill\s+in|one\s+paragraph|bullets?|template|what|how|why|who|when|delete|remove|replace|write"
                             r"|numbers|put)\b|\b([A-Za-z]+)\d+\s*[-–]\s*\1\d+\b", re.I)


def _prompts(bracketed: str) -> bool:
    """Whether text in square brackets is a template's prompt (_PROMPTING)."""
    return _PROMPTING.search(bracketed) is not None


def _paired_fields(rows) -> bool:
    """A table of fields laid two to a row ("| Priority | P1 | PIR status | Approved |"): four
    columns or six, under a header that repeats its pair of names ("| Field | Value | Field |
    Value |") or with the first and third cells of half its rows naming fields the parser
    knows."""
    if len(rows) < 3 or any(len(cells) not in (4, 6) for _, cells in rows):
        return False
    head = [plain(c).strip().lower() for c in rows[0][1]]
    if head[:2] == head[2:4] and head[0]:
        return True   # ("| Field | Value | Field | Value |": the header says so)
    named = sum(1 for _, cells in rows if meta_key(plain(cells[0])) is not None and meta_key(plain(cells[2])) is not None)
    return named * 2 >= len(rows)


# the days of one month a title spans: "August 19–20, 2024", "19-20 August 2024"
_DAYS_SPANNED = lazy_re.compile(r"\b(?i:" + tp.MONTH_STEMS + r")[a-z]*\.?\s+\d{1,2}\s*[–—-]\s*\d{1,2}\b"
                                r"|\b\d{1,2}\s*[–—-]\s*\d{1,2}\s+(?i:" + tp.MONTH_STEMS + r")")


def _names_a_span(text: str, hint) -> bool:
    """Two days joined as a range ("2026-08-18 → 2026-08-19", "March 3 to March 4, 2025"),
    the second later; not a date with another in a note ("2025-03-14 (revised 2025-03-18)")."""
    days = tp.dates_in(text, hint)
    if len(days) < 2 or days[1][1] <= days[0][1]:
        return False
    first = tp.read_stamp(text, hint, start=days[0][0])
    return first is not None and _RANGE_SEP.fullmatch(text[first.end:days[1][0]]) is not None


def _key_of(key_text: str, value: str) -> str | None:
    """The field a key names, given its value: "Data" (the date, in Portuguese, Italian and
    Polish) names the date only when its value is one ("**Data:** 2024-09-10"; not "Data:
    no customer records were read"); so do "Incident", "Event" and "Occurrence"."""
    key = meta_key(key_text)
    # ... and "Incident" (or "Event", "Occurrence") names the incident's date when its value
    # is one: "Incident    : Wednesday 12 March 2025" (not "Incident: INC-0412")
    if key is None and plain(key_text).strip(" :*_").lower() in ("data", "incident", "event", "occurrence") \
            and len(value) <= 40 and (st := tp.read_stamp(plain(value).strip())) is not None and st.has_date:
        return "date"
    return key


def _field(key_text: str, value: str) -> tuple[str | None, str]:
    """(field, value) of a "Key: value" pair. A key that states a severity level itself
    ("# SEV-1 Incident: the CDN served an old build") is the severity: what follows is a
    title or a note, not one."""
    key = _key_of(key_text, value)
    if key == "severity" and severities.level(key_text) is not None and not _LEVEL_RANGE.search(key_text):
        return key, key_text
    return key, value


# the range of levels a key's note gives, its scale: "Priority (P1-P4)", "Severity (1–5)"
_LEVEL_RANGE = lazy_re.compile(r"\b(?:p|s|sev)?\s*\d\s*(?:-|–|to)\s*(?:p|s|sev)?\s*\d\b", re.I)


# a time field's key that says how or who as well: "Detected via", "Resolved by"
_HOW_OR_WHO = lazy_re.compile(r"\b(?:via|by|how|method|mechanism|source)\s*\W*$", re.I)
# an intrusion's first access, the start when nothing names the impact's ("Initial access
# (CMS login): 24 Jan" yields to "Impact start (skimmer live): 28 Jan")
_ACCESS_KEY = lazy_re.compile(r"\b(?:initial|first)\s+(?:unauthori[sz]ed\s+)?(?:access|compromise)\b", re.I)


def _weak_key(key_text: str) -> bool:
    """Whether a time's key gives it weakly, to yield to a later field of the same event: a
    key that says how or who ("Detected via"), or an intrusion's first access."""
    return bool(_HOW_OR_WHO.search(key_text) or _ACCESS_KEY.search(key_text))


def _tells_when(value: str) -> bool:
    """Does a field's value name a day or a clock time?"""
    return tp.find_date(value) is not None or tp.first_timed_stamp(value) is not None


def _item_field(b: Block) -> str:
    """An item's text as a field: a severity's, a date's or a time's key whose value is its
    first sub-item, and reads as one ("* Severity:" over "  * SEV-2 – degraded network
    operations" reads "Severity: SEV-2 – ..."; not "- State Magazine:" over the files
    found there, nor "* Status updates:" over links)."""
    if not (b.children and b.text.endswith((":", "：")) and len(b.text) <= 40):
        return b.text
    value = item_text(b.children[0]) or b.children[0]
    key = meta_key(plain(b.text[:-1]))
    if key == "severity" and severities.level(value) is not None or key in _TIME_KEYS and _tells_when(value) \
            or key == "date" and tp.find_date(value) is not None:
        return f"{b.text} {value}"
    return b.text


# a date field's key that names what it dates: the incident ("Date of incident", "Incident
# date", "Datum des Vorfalls", "Fecha del incidente", "Tanggal insiden", "発生日")
_NAMES_INCIDENT = lazy_re.compile(r"\b(?:incident|outage|event|vorfalls?|ausfalls?|st[öo]rung|incidente|incidenten|insiden"
                                  r"|kejadian|h[äa]ndelsen|hendelsen|storing|incydentu)\b|発生|事故|障害|故障|장애|발생", re.I)


_FIXED_KEY = lazy_re.compile(r"fixed\b", re.I)
# a severity key, and a priority key (the queue's order: a Severity field beats it)
# (its English name after another language's: "Allvarlighetsgrad / severity level")
_SEVERITY_KEY = lazy_re.compile(r"(?:incident\s+)?sev(?:erity)?\b|.{0,40}/\s*(?:incident\s+)?severity\b", re.I)
# (or a risk matrix's grade, "Riskmatris / risk matrix: Sannolikhet C × Konsekvens 4 = Hög":
# the risk, which a Severity field below it outranks too)
_PRIORITY_KEY = lazy_re.compile(r"(?:incident\s+)?priority\b|(?:.{0,40}\s)?risk\s+(?:matrix|rating)\b", re.I)
# a status key that names the write-up, not the incident: "Postmortem status", "MIR review status"
# a status field's key naming the incident, not the write-up ("Incident status"), and a
# value saying it is not over ("OPEN (ride still down at handover)", "Ongoing")
_NAMES_INCIDENT_STATE = lazy_re.compile(r"incident\s+status$", re.I)
_STILL_OPEN = lazy_re.compile(r"\W*(?:open|ongoing|active|investigating|unresolved|not\s+resolved)\b", re.I)


_NAMES_WRITE_UP = lazy_re.compile(r"\b(?:post[\s-]?mortem|post[\s-]?incident|review|document|doc|report|write[\s-]?up|retro(?:spective)?"
                                  r"|rca|pir|coe|rfo|analysis|notes|minutes|debrief)\b", re.I)


# a line that speaks of the clock: "times", "time zone", "local time", "hora", "heure", "Zeit"
_SAYS_TIME = lazy_re.compile(r"\b(?:times?|timezone|zone|clock|hours?|hora|horas|heure|heures|zeit|uhrzeit|tijd|tid|czas|waktu)\b",
                             re.I)


# a document's handling label, which a "Classification" field may hold instead of a severity
# (the whole value: "Customer Confidential", "OFFICIAL-SENSITIVE", "TLP:AMBER", "Internal use only")
_HANDLING_LABEL = lazy_re.compile(r"(?:(?:customer|company|strictly|highly|business)\s+)?(?:confidential|restricted|"
                                  r"internal\s+(?:only|use(?:\s+only)?)|public|secret|official(?:[\s-]sensitive)?|"
                                  r"unclassified|proprietary|tlp\s*:\s*(?:red|amber(?:\+strict)?|green|clear|white))", re.I)


# where a field value's first clause ends: at a semicolon, or a note in brackets
_FIRST_CLAUSE_END = lazy_re.compile(r";\s|\s\(")


def _collect_metadata(doc: Doc) -> None:
    meta = doc.meta

    weak: set[str] = set()   # time fields read from a key that says how or who ("Detected via")

    fixed: list[tuple[str, int]] = []   # a "Fixed at" field's value: the close, or the fix before it
    # fields whose key the parser does not know (a language it has no words for) but whose
    # value says what it is: "**Závažnost:** SEV-2", "**Datum incidentu:** 07.05.2025"
    unnamed: dict[str, tuple[str, int]] = {}

    def put(key: str | None, value: str, line: int, key_text: str = ""):
        if "~~" in value:
            value = STRUCK.sub("", value)   # "~~14:32~~ 13:58": an amended figure, the struck one superseded
        if value[:2].lstrip()[:1] == "[" and (prompt := _TEMPLATE_PROMPT.match(value)) and _prompts(prompt.group(1)):
            value = value[prompt.end():]   # "Status: [Draft | In Review | Final]  Draft": a template's prompt, then the answer
        if is_placeholder(value):
            return   # "**Severity:** {{ incident.severity | upper }}", "Date: <date>": a template's, left unfilled
        value = plain(value).strip(" |")
        if key is None and key_text and value:
            # (a long value's first sentence: "**Customer impact:** 02:21–03:48 UTC (87 min).
            # Delivery-status webhooks ... were delayed", a callout's field wrapped into prose)
            head = value if len(value) <= 80 else _SENTENCE.split(value, 1)[0]
            if len(head) > 80:
                # (or its first clause: "2025-06-11 19:10Z until 2025-06-12 05:58Z for new
                # returns (manual-entry mode switched on); 1,184 agreements re-rated")
                head = _FIRST_CLAUSE_END.split(head, 1)[0]
            if _IMPACT_KEY.match(_WHOSE.sub("", key_text.strip(" *_:"), count=1)) and len(head) <= 80 and "duration" not in meta \
                    and _RANGE_SEP.search(head) and tp.clocks_at_most(head) == 2 \
                    and (st := tp.read_stamp(head)) is not None and st.has_time:
                # "| Impact | Thu 27 Mar 11:42 GMT → Tue 1 Apr 15:20 BST |": a field whose value
                # is a window of times is the impact's window, as a Duration field's is
                meta["duration"] = (head, line)
                return
            if (said := _says_its_field(value)) and said not in unnamed:
                unnamed[said] = (value, line)
            return
        if key == "resolved" and line and _TICKET_DATES.match(doc.lines[line - 1]):
            # (a tracker's own record of the ticket, "Created: 05/Mar/25 9:14 AM   Updated:
            # ...   Resolved: 19/Mar/25 4:02 PM": the ticket closed, not the incident)
            return
        if key == "resolved" and _FIXED_KEY.match(key_text.strip(" *_:")) and tp.read_stamp(value) is not None:
            fixed.append((value, line))   # (settled once every field is read, below)
            return
        if key == "class" and _TICKET_TYPE.fullmatch(value.strip(" .")) and _TYPE_KEY.fullmatch(key_text.strip(" *_:")):
            return   # "Type: Incident" in a pasted ticket: the tracker's kind of issue, not the incident's class
        if key == "severity" and "=" in value and severities.scale(value):
            return   # "Severity colours (mobile): Red = SEV1, Orange = SEV2, ...": the scale, not this incident's level
        if key == "severity" and _HANDLING_LABEL.fullmatch(value.strip(" ._-")) and severities.level(value) is None:
            return   # "Classification: Customer Confidential": how the document is to be handled, not how bad
        if key == "severity" and key_text.strip(" *_:").lower() == "classification" and "class" not in meta \
                and severities.level(value) is None and not _NEAR_MISS.search(value) and " - " in value \
                and not _HANDLING_LABEL.search(value):
            # "CLASSIFICATION: Operational - Telematics": a kind of event and its kind within
            # it, not a level (nor how the paper is handled, "Internal – Confidential")
            key = "class"
        if key == "severity" and key_text.strip(" *_:").lower() == "classification" and _NEAR_MISS.search(value) \
                and not _NEAR_MISS.match(value):
            # "**Classification:** High Potential Near Miss (HPNM)", "HiPo Near Miss": an HSE
            # form's class of event says it was a near miss; a level only with its scale's
            # word and number ("Category 2 — serious near miss")
            put("near_miss", "yes", line)
            if not _SCALE_LEVEL.match(value):
                return
        if key == "class" and _NEAR_MISS.search(value) and len(_WORDS_LEFT.findall(_NEAR_MISS.sub(" ", value))) >= 3 \
                and not any(box in value for box in ("☐", "☒", "☑", "[ ]", "[x]", "[X]")):
            # "Kategori / category: Tillbud (near miss) — arbetsmiljö, luftkvalitet under jord": a
            # near miss, and the class of event it was besides (not a form's boxes, "☒ Near miss
            # ☐ First aid ☐ Injury": its ticked one says what it was)
            put("near_miss", "yes", line)
        elif (key == "class" and _NEAR_MISS.search(value)) or (key == "severity" and _NEAR_MISS.match(value)):
            key = "near_miss"  # "**Type:** Near miss" says what it was, not its class, and
            value = "yes"      # "`severity`: near-miss (zero realized loss)" names no level
        if key in _TIME_KEYS and key in meta and value and tp.first_timed_stamp(value) is not None \
                and tp.find_date(value) is None and tp.find_date(meta[key][0]) is not None \
                and tp.first_timed_stamp(meta[key][0]) is None and len(meta[key][0].split()) <= 4:
            # "| Discovery date | 2024-06-14 |" then "| Discovery time | 08:15 ET |": one moment in two fields
            # (not "| Reported | 11/06/2025 by Nina Kovač (prepress supervisor) |" then "| Detected |
            # 07:45 — folded-sheet check |": a report filed the next day, and the moment it was found)
            meta[key] = (f"{meta[key][0]} {value}", meta[key][1])
            return
        if key and value and value.lower() not in NO_VALUE \
                and not (_NOT_KNOWN.match(value) and not (key == "status" and _UNDER_WAY.match(value))) and (
                key not in meta or (key == "date" and tp.find_date(meta[key][0]) is None
                                    and tp.find_date(value) is not None)
                or (key == "severity" and severities.level(meta[key][0]) is None and severities.level(value) is not None)
                or (key in _TIME_KEYS and _tells_when(value) and (
                    not _tells_when(meta[key][0]) or key in weak and not _weak_key(key_text)
                    # (a day with its clock, "**Detected:** 2025-02-11 08:05 CET", over a day
                    # alone above it, "**Reported:** 2025-02-11 (external researcher)")
                    or tp.first_timed_stamp(meta[key][0]) is None and tp.first_timed_stamp(value) is not None))
                # (a date whose key names the incident, "**Date of incident:**", over a
                # plain "**Date:**" above it: an email's header, a meeting's date)
                or (key == "date" and not doc.date_names_incident and _NAMES_INCIDENT.search(key_text)
                    and tp.find_date(value) is not None)
                # (a status whose key names the write-up, "| Postmortem status | Draft |", over
                # the incident's own "| State | Resolved |" above it)
                or (key == "status" and _NAMES_WRITE_UP.search(key_text) and not doc.status_names_write_up
                    and len(value.split()) <= 4)
                # (a Severity field, "| Severity | Sev-3 |", over a Priority above it: the
                # impact's level, not the queue's order)
                or (key == "severity" and doc.severity_by_priority and _SEVERITY_KEY.match(key_text.strip(" *_:"))
                    and severities.level(value) is not None)
                # (an impact window's field, "**Impact window:** 11:31 – 12:04", over an
                # exposure window's above it, "**Exposure window:** 10:47 – 12:04": the harm's)
                or (key == "duration" and not doc.window_names_impact and _IMPACT_KEY.search(key_text))):
            # (the first of a key wins, but a severity field that gives no level,
            # "**Classification:** Customer confidential", yields to one that does, "| Incident
            # priority | P2 |"; a date field that names no day, "**発生期間**:
            # 14:05〜14:50", yields to a later one that does, "**発生日**: 2025-03-18", and a
            # time's field that names no time, "| Detected via | the burn-rate alert |", to
            # one that does, "| Detected at | 2025-09-23 21:42 UTC |", as does a time given
            # with how it was found, "| Detected via | an alert at 02:54 UTC |")
            meta[key] = (value, line)
            if key == "date":
                doc.date_names_incident = bool(_NAMES_INCIDENT.search(key_text))
            if key == "status":
                doc.status_names_write_up = bool(_NAMES_WRITE_UP.search(key_text))
                doc.incident_still_open = bool(_NAMES_INCIDENT_STATE.match(key_text.strip(" *_:"))
                                               and _STILL_OPEN.match(value))
            if key == "severity":
                doc.severity_by_priority = bool(_PRIORITY_KEY.match(key_text.strip(" *_:")))
            if key == "duration":
                doc.window_names_impact = bool(_IMPACT_KEY.search(key_text))
            if key in _TIME_KEYS:
                (weak.add if _weak_key(key_text) else weak.discard)(key)

    hidden: list[tuple[str, str, int]] = []
    # the first section under the title: its opening bold fields are the document's, whatever
    # the heading names ("## Immediate Actions Executed - NPM Token Incident" over "**Incident
    # Date:** ...", "**Severity:** ...")
    title = next((s for s in doc.secs if s.level == 1), None)
    first = next((s for s in doc.secs if s.level and s is not title), None)
    for s in doc.secs:
        kind = doc.kinds.get(id(s))
        # "## Date: February 06, 2023", "## Time: 15:30:00 UTC": a metadata line written as
        # a heading (a heading's own key, as "## Date" over its value, is read below)
        heading = clean_heading(plain(s.title or "")) if s.level else ""
        m = _KV_LINE.match(heading) if ":" in heading else None   # (a key ends in a colon)
        if m:
            key, value = ("started", m.group(2)) if HEADING_TIME.match(m.group(1).strip()) else _field(*m.group(1, 2))
            if key in _HEADING_KEYS:
                put(key, value, s.line)
        if kind in _NO_METADATA:
            # (or a section a timeline by its shape alone, its heading naming the incident:
            # "### 2024-11-04 — doubled sales" over "**Severity:** P3 · **Written by:** ..."
            # and a timed table, as a README's incident log keeps one)
            shaped = id(s) in doc.by_shape and kind == "timeline"
            # (a timeline by shape: every paragraph above its first timed block)
            heads = s.blocks[:1] if not shaped else \
                list(itertools.takewhile(lambda b: b.kind == "para" and not _timed([b.text]), s.blocks))
            if (s is first or shaped) and heads and heads[0].kind == "para":
                # (a block of two fields or more: one "**Status:** 2 of 4 done" over the
                # items, or a meeting's "**Date:**", is the section's own)
                fields = []
                for ln, (line_text,) in (row for head in heads for row in _field_lines(head.rows)):
                    fields += [(meta_key(k), v, ln, k) for k, v in _line_pairs(line_text)
                               if meta_key(k) in (_HEADING_KEYS if shaped else _DOCUMENT_KEYS)]
                for key, value, ln, key_text in fields if len(fields) >= 2 or shaped else ():
                    put(key, value, ln, key_text)
            if s is first and not shaped:
                # (a block of the document's fields set down after the timeline that opens it,
                # "| 10:14 | Alert ... |" then "**Date:** 12 November 2025" / "**Severity:** S2"
                # / "**Status:** In review": every line a field, three or more: _fields_block)
                for b in s.blocks[1:]:
                    if b.kind == "para" and (fields := _fields_block(b)):
                        for key, value, ln, key_text in fields:
                            put(key, value, ln, key_text)
                        break
            if kind == "timeline" and not shaped:
                # (key moments as fields under the timeline's table or list: "Detected: 10:41
                # local, by the ops room assistant, 2 h 29 min into the gap")
                for b in s.blocks[1:]:
                    if b.kind == "para" and not _timed([b.text]):
                        _moment_fields(b, put)
            if shaped and s.blocks and s.blocks[0].kind == "table":
                # (a table of fields first under the title, whatever the chat pasted below it
                # makes of the section: "| Severity | SEV2 |" over "- **[16:02] lukas:** ...")
                for ln, cells in s.blocks[0].rows:
                    cells = [c for c in cells if c.strip()]
                    if len(cells) == 2 and (key := meta_key(plain(cells[0]))) in _HEADING_KEYS:
                        put(key, cells[1], ln, plain(cells[0]))
            continue
        for b in s.blocks:
            if kind not in ("metadata", None) and b.kind == "para" and len(b.rows) >= 2:
                # (key moments as a block of fields in the description: "Detected : 047/06:40:00
                # (NOC morning shift ...)" / "Impact window : 047/03:06:55 - 047/07:55:00")
                if not _moment_fields(b, put, named=True):
                    _dated_moment_lines(b, put)
            if b.kind == "para" and b is s.blocks[0] and (s is title or s is first) and kind not in ("metadata", None) \
                    and (fields := _fields_block(b)):
                # "INCIDENT SUMMARY" / "====" over "Date:       Monday, May 6, 2024" /
                # "Severity:   Sev 2" / "Status:     Resolved": the document's fields opening
                # its first section, whatever the heading names
                for key, value, ln, key_text in fields:
                    put(key, value, ln, key_text)
                continue
            if b.kind == "para" and kind == "summary" and len(b.rows) <= 3 and ("ime to" in b.text or "TT" in b.text) \
                    and all(_KV_LINE.match(plain(t).strip()) for _, (t,) in b.rows):
                # "Time to detect: 7 minutes (first tenant call)." a line of its own in the summary
                # (or among a few short field lines: "Impact: 0922-1235 JST" / "Time to detect: 19 minutes")
                for ln, (line_text,) in b.rows:
                    if (tt := _TIME_TO_LINE.match(plain(line_text).strip())) is not None \
                            and (key := meta_key(tt.group(1))) in ("ttd", "ttm", "ttr"):
                        put(key, tt.group(2), ln, tt.group(1))
            if b.kind == "para" or b.kind == "item":
                kv = kind in _KV_SECTIONS and (kind in ("metadata", None) or b.kind == "item")
                # "From: ... / Date: Tue, Feb 11, 2025 at 4:12 PM / Subject: ...": a mail's
                # header (a forwarded report's, a memo's in bold) dates the mail, not the incident
                mail = b.kind == "para" and _mail_header(b)
                for ln, (line_text,) in (_field_lines(b.rows) if b.kind == "para" else [(b.line, [_item_field(b)])]):
                    # (a bold value under a plain key, "Priority: **P1 / Critical**", names no
                    # bold key: the line is read as a plain one)
                    pairs = list(_bold_pairs(line_text)) if "*" in line_text or "__" in line_text else []
                    if pairs:
                        for key, value in pairs:
                            # (a key that names the incident, "**Incident Date:**", among a
                            # memo's "**To:**" and "**From:**", dates the incident all the same)
                            if not mail or meta_key(key) != "date" or _NAMES_INCIDENT.search(key):
                                # ("we rated this **Level 3 (Medium)**: consequence 3 x likelihood 3": a
                                # bold key that states the level itself is the severity, _field)
                                put(*_field(key, value), ln, key)
                    elif kv:
                        # "Date: 2020-10-14 | Severity: SEV-2", "Date: ... · Severity: ...": pairs a
                        # line holds between separators ("Services: api | web" is one pair: what
                        # follows a "|" names no key)
                        if ":" not in line_text and "：" not in line_text and not (
                                b.kind == "item" and ("—" in line_text or "–" in line_text)):
                            continue   # (every key below ends in a colon or a dash: most prose holds none)
                        if "[" in line_text and (prompt := _PROMPT_AFTER_KEY.match(line_text)) \
                                and _prompts(prompt.group(2)):
                            # "Status: [Draft | In Review | Final]  Draft": the template's prompt, then the answer
                            line_text = prompt.group(1) + line_text[prompt.end():]
                        if "   " in line_text or "\t" in line_text:
                            # "Severity: Sev 1        Report status: Approved": fields set
                            # side by side in columns, as a PDF's text or a memo gives them
                            line_text = _FIELDS_IN_COLUMNS.sub(" | ", line_text)
                        said = plain(line_text)
                        pieces = _split_fields(_FIELDS_SEP, said)
                        if len(pieces) == 1 and len(said) < 300 and ". " in said:
                            # "Network team. Author: R. Achterberg. Sev: P2. Doc status: draft":
                            # short fields run together as sentences (two at least, each short)
                            sentences = _FIELD_SENTENCE.split(said)
                            # (or one, naming the incident's day: "Presented at the weekly review on
                            # Wednesday 15 April 2026. **Incident date: Wednesday 8 April 2026.**")
                            if sum(1 for q in sentences if len(q) <= _FIELD_LINE and _KV_LINE.match(q.strip())) >= 2 \
                                    or len(sentences) >= 2 and any(_INCIDENT_DAY_SENTENCE.match(q.strip()) for q in sentences[1:]):
                                pieces = [q.rstrip(" .") for q in sentences]
                        parts = []
                        # (joined again by the separator the line sets its fields apart with)
                        joint = " · " if " · " in said and " | " not in said else " | "
                        for p in (q.strip() for q in pieces):
                            if parts and _BYLINE_PIECE.match(p):
                                continue   # "status: closed | written by Ines M. on Thu 13 Jun": who wrote it, no more of the status
                            if parts and not (_KV_LINE.match(p) or _KV_WIDE.match(p)):
                                parts[-1] = f"{parts[-1]}{joint}{p}"   # no key after it: one value
                            else:
                                parts.append(p)
                        for part in parts:
                            m = _KV_LINE.match(part.strip()) or _KV_WIDE.match(part.strip()) or (
                                _HEADER_KV.match(part.strip()) if s.level == 0 and ln <= 12 else None)
                            key, value = _field(*m.group(1, 2)) if m else (None, "")
                            if m is None and b.kind == "item" and (d := _DASHED_FIELD.match(part.strip())) \
                                    and meta_key(d.group(1)) is not None:
                                m = d   # "* Severity — High (escalated from Medium)": a list of fields, each name before a dash
                                key, value = _field(*m.group(1, 2))
                            if m and (key in _KV_KEYS or kind == "metadata" or key is None
                                      or (key == "title" and (s.level == 0 or s is doc.secs[1] and (
                                          s.level == 1 or "   " in s.title) and _TITLE_WORD.search(m.group(1)))
                                          and ln <= 12)) \
                                    and not (mail and key == "date" and not _NAMES_INCIDENT.search(m.group(1))):
                                # ("Title: ..." only in unfenced metadata lines at the very top,
                                # as Pelican and MultiMarkdown write them, or right under the
                                # first heading: "Incident Title : ..." below "ROOT CAUSE ANALYSIS")
                                put(key, value, ln, m.group(1))
            elif b.kind == "table" and kind in (None, "metadata", "summary", "impact"):
                rows = b.rows
                if rows and all(len([c for c in cells if c.strip()]) <= 2 for _, cells in rows):
                    for ln, cells in rows:
                        cells = [c for c in cells if c.strip()]
                        if len(cells) == 2:
                            put(_key_of(cells[0], cells[1]), cells[1], ln, plain(cells[0]))
                elif (col := _utc_column(rows)) is not None:
                    # "| | Zulu | Local |" over "| Impact start (first failed check-in) | 04:32Z |
                    # 05:32 BST |": each key's time in two clocks; the one in UTC read, as UTC
                    for ln, cells in rows[1:]:
                        if len(cells) > col and cells[0].strip() and (value := cells[col].strip()):
                            if (st := tp.read_stamp(plain(value))) is not None and st.has_time and st.zone is None:
                                value = f"{value} UTC"
                            put(_key_of(cells[0], value), value, ln, plain(cells[0]))
                elif _paired_fields(rows):
                    # "| Field | Value | Field | Value |": two fields to a row, side by side (a
                    # header that repeats its pair of names is names, no field)
                    head = [plain(c).strip().lower() for c in rows[0][1]]
                    for ln, cells in rows[1:] if head[:2] == head[2:4] else rows:
                        for k in range(0, len(cells) - 1, 2):
                            if cells[k].strip() and cells[k + 1].strip():
                                put(_key_of(cells[k], cells[k + 1]), cells[k + 1], ln, plain(cells[k]))
                elif len(rows) == 2 and len(rows[0][1]) == len(rows[1][1]) and (
                        (heads := sum(meta_key(plain(c)) in _HEADING_KEYS for c in rows[0][1])) >= 3
                        or heads == 2 and sum(meta_key(plain(c)) is not None for c in rows[0][1]) >= 3):
                    # "| Incident | Date | Severity | Detected | ... |" over one row: the fields
                    # turned sideways, a column each ("| Date | Severity | Status | ... |" too;
                    # "| Incident | Severity | Lead | Opened | Closed |", two of the document's
                    # fields among three the parser knows)
                    ln = rows[1][0]
                    for name, cell in zip(rows[0][1], rows[1][1]):
                        put(_key_of(name, cell), cell, ln, plain(name))
        # "<!--\nstart: 2022-03-28T10:00:00\nseverity: major-outage\n-->": a site
        # generator's fields in a comment, after everything the page shows (put never
        # replaces a field already read)
        for ln, line_text in s.hidden:
            m = _KV_LINE.match(line_text.strip())
            if m and (key := meta_key(m.group(1))) in _HIDDEN_KEYS and any(c.isdigit() for c in m.group(2)):
                hidden.append((key, m.group(2), ln))
        # "## Date\n\n2015-10-21", "## Status\n\nDraft", "## Severity\n\nSEV-2"
        if kind == "metadata" and s.blocks:
            key = meta_key(s.title)
            first = s.blocks[0]
            if key in ("date", "status", "severity", "owner") and first.kind in ("para", "item"):
                if key == "owner":
                    names = [plain(b.text) for b in s.blocks if b.kind == "item"] or [plain(first.text)]
                    put(key, ", ".join(names), first.line)
                else:
                    put(key, first.text, first.line)
        # "### 発生日時\n\n2025年10月29日 02:35 (JST) - ...", "## Start time\n\n2024-03-01 10:00
        # UTC": a time field's name as a heading (no section's name) over a value that
        # opens with a date and a time
        elif kind is None and s.level and s.blocks and s.blocks[0].kind in ("para", "item") \
                and (key := meta_key(s.title)) in _TIME_KEYS \
                and (st := tp.read_stamp(plain(s.blocks[0].text))) is not None and st.has_time \
                and (st.has_date or clean_heading(s.title).endswith("?")):
            # (a form's question answered with a time alone: "### When was it contained?"
            # over "2:54 PM, send cancelled", on the incident's day)
            put(key, s.blocks[0].text, s.blocks[0].line)
        elif kind is None and s.level and s.blocks and s.blocks[0].kind == "para" and len(s.blocks[0].text) <= 60 \
                and meta_key(s.title) == "date" and (st := tp.read_stamp(plain(s.blocks[0].text), doc.order_hint)) is not None \
                and st.has_date and st.year is not None:
            # "### Incident date" over "2026-02-18": an issue form's question and its answer
            put("date", s.blocks[0].text, s.blocks[0].line)
    for key, value, ln in hidden:
        put(key, value, ln)
    for key, value, ln in _fenced_preamble(doc):
        put(key, value, ln)
    if "status" not in meta and (banner := _status_banner(doc)) is not None:
        put("status", *banner)
    if "severity" in unnamed:
        put("severity", *unnamed["severity"])   # (only where no field the parser knows gave one)
    doc.unnamed_day = unnamed.get("date")
    if fixed:
        # "Fixed at: 00:22" beside "Closed at: 01:10" (an incident tool's fields): the fix
        # ended the impact, the close came after; alone, "Fixed" closes it
        if "resolved" not in meta:
            meta["resolved"] = fixed[0]
        elif "mitigated" not in meta:
            meta["mitigated"] = fixed[0]


# a column headed for UTC: "Zulu", "UTC", "GMT", "Time (UTC)"
# (or "UT", as observatories write Universal Time)
_UTC_COLUMN = lazy_re.compile(r"^\W*(?:zulu|utc|ut|gmt|z|(?:time|clock)\s*\(\s*(?:utc|ut|z|zulu|gmt)\s*\))\W*$", re.I)


def _utc_column(rows) -> int | None:
    """In a table of fields with a column for each of two clocks ("| | Zulu | Local |", "|
    Milestone | UTC | Sydney |"), the UTC one's index, when two or more of its rows name a
    time the parser knows (impact start, detected, resolved); else None."""
    if len(rows) < 3 or len(head := rows[0][1]) != 3:
        return None
    col = next((i for i in (1, 2) if _UTC_COLUMN.match(plain(head[i]))), None)
    if col is None:
        return None
    keys = sum(1 for _, cells in rows[1:] if cells and meta_key(plain(cells[0])) in _TIME_KEYS)
    return col if keys >= 2 else None


_IMPACT_KEY = lazy_re.compile(r"\b(?:impact|outage|downtime|disruption)\b", re.I)
# whose impact a key names first: "Customer impact", "Partner impact"
_WHOSE = lazy_re.compile(r"^(?:customer|user|client|partner|member|business)s?\s+", re.I)


# a status page's banner over its post: "**Resolved** · Posted November 6, 2024 · Affected
# components: ...", "**Monitoring** | Updated 14:05 UTC" (the stage in bold, then when)
_STATUS_BANNER = lazy_re.compile(r"^\s*(?:\*\*|__)(resolved|monitoring|investigating|identified|mitigated|completed)"
                                 r"(?:\*\*|__)\s*[·•|—–-]\s*(?:posted|updated|published|last\s+updated)\b", re.I)


def _status_banner(doc: Doc) -> tuple[str, int] | None:
    """The stage a status page's banner line names, in the first ten lines, and its line."""
    for ln, line_text in enumerate(doc.lines[:10], 1):
        if (m := _STATUS_BANNER.match(line_text)) is not None:
            return m.group(1).capitalize(), ln
    return None


def _says_its_field(value: str) -> str | None:
    """The field a value names by its shape alone: a coded severity level ("SEV-2", "P1"),
    or a day written wholly as a date ("07.05.2025", "2025-05-07", "Dienstag,
    21.01.2025"), with no clock time (a time's field is too many things: started,
    detected, the review)."""
    if len(value) > 40 or not any(ch.isdigit() for ch in value):
        return None   # (both hold a digit, in a short value: most fields' values are neither)
    if severities.coded_alone(value):
        return "severity"
    if (st := tp.read_stamp(value)) is not None and st.has_date and not st.has_time \
            and st.end >= len(value.rstrip(" .)")):
        return "date"
    return None


def _fenced_preamble(doc: Doc) -> list[tuple[str, str, int]]:
    """The fields of a code block that opens the document, before any text: a PEP's or an
    RFC's preamble ("Status:         Accepted", "Severity:       SEV-1"), three fields
    of the document at least (a block of logs or config opening it names none)."""
    top = next((s for s in doc.secs if s.fenced or s.blocks), None)
    if top is None or not top.fenced or top.level > 1 or (top.blocks and top.blocks[0].line < top.fenced[0][0]):
        return []
    fields, last = [], top.fenced[0][0] - 1
    for ln, line_text in top.fenced:
        if ln != last + 1:
            break   # (the first block only)
        last = ln
        m = _KV_LINE.match(line_text.strip())
        if m and (key := meta_key(m.group(1))) in _PREAMBLE_KEYS:
            fields.append((key, m.group(2).strip(), ln))
    return fields if len(fields) >= 3 else []


_PREAMBLE_KEYS = ("date", "started", "detected", "mitigated", "resolved", "severity", "status", "owner", "near_miss")


# --------------------------------------------------------------------------------------
# The record


# a dotted year, month and day: "2025.11.3"
_DOTTED_DAY = lazy_re.compile(r"(?<![\w.])\d{4}\.\d{1,2}\.\d{1,2}(?![\w.])")
# (the word right before it: "version 2025.11.3", "release 2025.11.3"; not "the weekly release
# train on 2025.03.14")
_VERSION_WORD = lazy_re.compile(r"\b(?:versions?|releases?|builds?|calver|images?|tags?)\s*[:#]?\s*\Z", re.I)


def _names_a_version(text: str, title: str) -> bool:
    """Whether the dotted day in ``title`` is a calendar version the text names as one:
    written as code ("`2025.11.3`"), after a "v", quoted in a list ('versions: ["2025.11.2",
    "2025.11.3"]'), or with "version", "release" or "build" just before it."""
    m = _DOTTED_DAY.search(title)
    if m is None:
        return False
    token = m.group()
    if f"`{token}`" in text or f"v{token}" in text or f'"{token}"' in text or f":{token}`" in text:
        return True   # (or an image's tag in code: "`golden/jvm-base:2025.04.2`")
    at = text.find(token)
    while at != -1:
        if _VERSION_WORD.search(text, max(0, at - 20), at):
            return True
        at = text.find(token, at + 1)
    return False


def _runs_into_its_next_day(timeline, day: date) -> bool:
    """Whether the timeline, read on ``day``, opens with times of that day and then dates
    its next entry the day after, in order ("16:20 v6 rolled out", "17:05 dashboards fine",
    then "3 Dec 09:10 QA emails" under a note of 2 Dec): the prose's day is the one its first
    times are on (on the later day they would run backwards)."""
    first_dated = next((i for i, e in enumerate(timeline) if e.own_day), None)
    if not first_dated or timeline[first_dated].day != day + timedelta(days=1):
        return False
    lead = [e for e in timeline[:first_dated] if e.at is not None]
    return bool(lead) and all(e.at < timeline[first_dated].at for e in lead) \
        and lead[-1].at.time() > timeline[first_dated].at.time()


_BYLINE_WEAK = "the byline dates the document"
# a tracker's issue pasted as text, its one-line Summary first, its fields below it
# (under the banner of its export, perhaps: "Exported from Tracker -- OPS-2291 -- 2025-01-29 09:14"
# over a rule, then "Summary:        In-cab job sync API returning 503 for all tablets")
_TRACKER_SUMMARY = lazy_re.compile(r"\A\s*(?:(?i:exported\s+(?:from|by|on))\b[^\n]*\n(?:[-=]{3,}[ \t]*\n)?\s*)?"
                                   r"Summary:[ \t]+([^\n]{5,150})\n(?:[A-Z][\w /]{1,20}:[ \t]+[^\n]+\n){2}")
# a tracker's kinds of issue, and the field that names them
_TICKET_TYPE = lazy_re.compile(r"(?:incident|bug|task|story|problem|service\s+request|ticket|issue|sub-?task)", re.I)
_TYPE_KEY = lazy_re.compile(r"(?:issue\s+|ticket\s+|work\s+item\s+)?type", re.I)
# a tracker's dates of the ticket on one line: "Created: ...  Updated: ...  Resolved: ..."
_TICKET_DATES = lazy_re.compile(r"\W*created\s*:[^|]*?\bupdated\s*:", re.I)
# the starts read from the timeline's or the prose's words, not stated as the start
_INFERRED_STARTS = ("timeline_first", "timeline_impact", "opening_prose")


def _record(doc: Doc, options: Options) -> dict:
    problems = doc.problems
    title = _title(doc)
    doc.zone = _doc_zone(doc, options)
    # Date: front matter, metadata, the title, the file name, then the timeline.
    summary = _section_text(doc, "summary")
    # the first full date the title names, read once: the incident's day may come from
    # it, and the timeline is checked against it (_check_title_date)
    title_day = tp.find_date(title, doc.order_hint) if title else None
    if title_day is not None and "." in title and _names_a_version(doc.text, title):
        title_day = None   # "Desktop 2025.11.3 update loop": a calendar version, not a day (_incident_date, likewise)
    incident_date, weak = _incident_date(doc, title, summary, title_day)
    timeline = timeline_entries(doc, incident_date)
    # the day the timeline starts on: its earliest dated entry's (a status page lists its
    # updates newest first), the local day, not the UTC one
    first_day = _earliest_day([e for e in timeline if e.own_day])
    if incident_date is None:
        incident_date = _earliest_day(timeline)
    elif weak and first_day is not None and first_day != incident_date and not _runs_into_its_next_day(timeline, incident_date) \
            and (weak != _BYLINE_WEAK or (told_day := _earliest_day([e for e in timeline if e.own_day and (
                {"impact", "detected"} & e.tags or "started" in e.markers)])) is not None
                 and _reach(doc, incident_date) <= told_day < incident_date and told_day == first_day):
        # (under a byline, the timeline's first day when its first entries tell the harm or
        # someone learning of it, not a lead-up days before: "Fri 16 Feb — debug logging
        # turned on" over "Tue 20 Feb, 3:05 am — log growth starts")
        # a date met in passing in the prose yields to the day the timeline starts on
        problems.warning(None, f"{weak} {incident_date}, but the timeline starts on {first_day}; "
                               f"{first_day} used")
        incident_date = first_day
        timeline = timeline_entries(doc, incident_date)
    elif title_day is not None and incident_date == title_day and first_day is not None \
            and first_day > title_day + _COPIED_TITLE \
            and any({"impact", "detected"} & e.tags for e in timeline) \
            and tp.find_date(_opening_prose(doc)[:600], doc.order_hint) != title_day:
        # a title copied from an older report ("# 2022-01-27, pod limit reached" over a
        # timeline that starts "### 2022-06-02 10:00 - Problem starts"): nothing happens
        # for months after the day it names, so the day is the timeline's (not a follow-up
        # that names the old day in its opening and times the work since: "Follow-up to the
        # 2023-02-14 outage", its timeline the remediation months later)
        problems.warning(None, f"the title says {title_day} but the timeline starts on {first_day}, "
                               f"months later; {first_day} used")
        incident_date = first_day
        timeline = timeline_entries(doc, incident_date)

    severity = front(doc, "severity")
    if severity is not None and "severity" in doc.meta and not doc.severity_by_priority \
            and not any(k in doc.front for k in ("severity", "sev")) \
            and severities.level(doc.meta["severity"][0]) is not None:
        severity = None   # ("priority: Urgent" in a tracker's front matter, "**Severity:** Sev 3" below: the impact's level)
    severity = severities.stated(str(severity) if severity is not None else doc.meta.get("severity", (None,))[0])
    if severity is None and title and (m := _TITLED_SEVERITY.match(title)):
        severity = m.group(1)   # "SEV-2 Incident: ...", "[P1] Checkout down": the title states it
    unlevelled = None
    if severity is not None and _POINTER.match(severity) and _severity_level(severity, doc) is None:
        # "| Severity | see Impact |": the field points elsewhere, and the story says it ("We
        # called this a **Sev 1** at 14:20"); kept if nothing does
        unlevelled, severity = severity, None
    if severity is None and doc.text and any(w in doc.text for w in _RATED_WORDS) \
            and (m := _RATED_SEVERITY.search(doc.text if "**" not in doc.text else doc.text.replace("**", ""))):
        # "We rated this P2 internally", "rated SEV-3 as ...", "we treated it as a **P2**"
        severity = next(g for g in m.groups() if g)
    if severity is None:
        severity = _byline_severity(doc)   # "2023-04-07, @yuki (oncall). Sev 3. ~35 min."
    if severity is None:
        severity = _sentence_severity(doc)   # "... so the write-up lives here. SEV-3. From 14:25 ..."
    if severity is None and "::" in doc.text[:3000] and (m := _SCOPED_SEVERITY.search(doc.text[:3000])):
        severity = m.group(1)   # a forge's scoped label: '/label ~"severity::2" ~"Incident::Resolved"'
    if severity is None and "/" in doc.text[:3000] and (m := _LABEL_SEVERITY.search(doc.text[:3000])):
        severity = f"{m.group(1)}::{m.group(2)}"   # a GitHub label: "Labels: `postmortem` `severity/2`"
    if severity is None:
        severity = unlevelled

    status = front(doc, "status")
    status = _stated_status(str(status) if status is not None else doc.meta.get("status", (None,))[0])
    if status is None:
        status = _stated_status(_byline_status(doc))   # "*... for the incident log. Status: Closed.*"
    if status is None:
        status = _stated_status(_footer_status(doc))   # "*Postmortem status: Final. Questions: reply to ...*"

    _stated_in_prose(doc, incident_date)
    times, sources = derive_times(doc, timeline, incident_date, _impact_range(doc, incident_date, title),
                                  # (a sentence about the clocks changing tells the change's hour, no event)
                                  lambda: prose_entries(doc, _without_clock_changes(
                                      "\n".join(filter(None, (_opening_prose(doc), _timeline_lead(doc))))
                                      if any(e.at for e in timeline) else _story_prose(doc)), incident_date),
                                  lambda: prose_entries(doc, _detection_told(doc, timeline), incident_date))
    if sources.get("resolved_at") in (None, "fallback_mitigated") and "duration" in doc.meta:
        # "**Duration:** first error at 09:02 UTC; fully resolved at ~13:40 UTC": the field
        # that times the incident says when it ended
        floor = times.get("mitigated_at") or times.get("detected_at") or times.get("started_at")
        ends = [e.at for e in prose_entries(doc, plain(doc.meta["duration"][0]), incident_date)
                if "resolved" in e.tags and e.at is not None and (floor is None or e.at >= floor)]
        if ends:
            times["resolved_at"], sources["resolved_at"] = ends[-1], "metadata"
    incident_date = _started_before_posted(doc, incident_date, first_day, times.get("started_at"),
                                           sources.get("started_at"))
    incident_date = _detected_before_posted(doc, incident_date, times, sources)
    if doc.dated_by_field and times.get("started_at") is not None and incident_date is not None \
            and sources.get("started_at") in ("timeline_impact", "timeline_marker", "impact_range", "metadata"):
        # "**Detected:** 2024-03-05" over a timeline whose harm began on 2024-03-01: the
        # incident's day is the day it began
        began = times["started_at"].astimezone(doc.zone.tz).date() if doc.zone is not None and doc.zone.tz \
            is not None else (times["started_at"] + timedelta(minutes=doc.zone.minutes or 0 if doc.zone else 0)).date()
        if began < incident_date:
            problems.warning(None, f"the fields date the incident {incident_date}, but it started on {began}; "
                                   f"{began} used")
            incident_date = began
    items = action_items(doc, incident_date)
    factors = _factors(doc)
    near_miss = _near_miss(doc, title, summary)
    if near_miss and sources.get("started_at") in _INFERRED_STARTS:
        # a near miss harmed no one: no impact began, so no start, unless the document states
        # one (a field, a window, a marker); the first entry or an entry's harm words are the
        # danger's, not an impact's
        times["started_at"] = None
        del sources["started_at"]
    incident_class = _incident_class(doc, options, title, summary, factors)

    _check_title_date(doc, title_day, timeline)
    _report_unplaced(doc, title, {i["line"] for i in items if i.get("line")} | {e.line for e in timeline if e.line}
                     | {line for _, line in doc.meta.values() if line})
    timed = sum(1 for e in timeline if e.at is not None and not e.date_only)
    if timed and not doc.zone_stated and doc.zoned_entries < timed:
        problems.warning(None, "no time zone stated for the timeline; times read as "
                               f"{doc.zone.name if doc.zone else 'UTC'}")
    if not doc.of_kind("timeline") and not any(doc.front.get(k) for k in ("started_at", "detected_at")):
        problems.warning(None, "no timeline section found")
    if title is None:
        problems.warning(1, "no title found")

    doc_id = front(doc, "id")
    base = doc.name.replace("\\", "/").rsplit("/", 1)[-1]
    stem = base.rsplit(".", 1)[0] if "." in base else base
    return {
        "kind": "postmortem",
        "id": str(doc_id) if doc_id is not None else stem,
        "title": title,
        "date": tp.iso_date(incident_date),
        "severity": severity,
        "severity_level": _severity_level(severity, doc),
        "status": status,
        "near_miss": near_miss,
        "incident_class": incident_class,
        "started_at": tp.iso_utc(times.get("started_at")),
        "detected_at": tp.iso_utc(times.get("detected_at")),
        "mitigated_at": tp.iso_utc(times.get("mitigated_at")),
        "resolved_at": tp.iso_utc(times.get("resolved_at")),
        "timestamp_sources": sources,
        "timeline": [{"at": tp.iso_utc(e.at), "text": e.text, "line": e.line,
                      "event": e.event} for e in timeline],
        "contributing_factors": factors,
        "action_items": items,
        "owner": _owner(doc),
        "teams": list_value(front(doc, "teams")) or split_list(doc.meta.get("teams", ("",))[0]),
        "services": list_value(front(doc, "services")) or split_list(doc.meta.get("services", ("",))[0]),
        "reference": _reference(doc),
        "written_on": _paper_date(doc, "written"),
        "reviewed_on": _paper_date(doc, "reviewed"),
        "summary": summary,
        "lessons": {k: _section_items(doc, k) for k in ("went_well", "went_wrong", "lucky")},
        # where each kind of section begins (for `hindsight lint`'s anatomy and line numbers)
        "sections": _section_lines(doc),
        "zone_stated": bool(doc.zone_stated or (timed and doc.zoned_entries >= timed)),
        "problems": problems.items,
    }


def _section_lines(doc: Doc) -> dict[str, int]:
    """The line each kind of section first begins on: {"summary": 3, "timeline": 12, ...}."""
    out: dict[str, int] = {}
    for s in doc.secs:
        kind = doc.kinds.get(id(s))
        if kind is not None and kind not in out:
            out[kind] = s.line
    return out


def _started_before_posted(doc: Doc, incident_date: date | None, first_day: date | None, started: datetime | None,
                           source: str | None) -> date | None:
    """A post dated the day it was written whose opening or fields time the start on an
    earlier day ("At block height 11,165,694, 14:37:22 UTC, Nov 17th, the network
    halted" in a post of Nov 25th; "- Offline: 2024-05-27 at 11:02 AM") happened that
    day, when it lies within the post's reach (_reach) and no timeline dates its own
    entries: the incident's own start beats the day it was written up."""
    posted = date_value(front(doc, "date"))
    if started is None or source not in ("opening_prose", "opening_prose_marker", "metadata") or posted is None or incident_date != posted \
            or first_day is not None or front(doc, "incident_date") is not None:
        return incident_date
    day = _local_day(doc, started)
    if day == posted or not _reach(doc, posted) <= day < posted:
        return incident_date
    doc.problems.warning(None, f"the front matter dates the document {posted}, but the incident started on "
                               f"{day}; {day} used (a post is dated the day it was written)")
    return day


def _local_day(doc: Doc, at: datetime) -> date:
    """The day of ``at`` in the document's zone, as its writer counts days."""
    zone = doc.zone
    if zone is not None and zone.tz is not None and at.tzinfo is not None:
        return at.astimezone(zone.tz).date()
    return (at + timedelta(minutes=(zone.minutes or 0) if zone is not None else 0)).date()


# front-matter keys a site generator gives a post (its author, tags, summary, ...): such a
# document's own date is the day it was published
_POST_KEYS = ("author", "authors", "tags", "categories", "category", "slug", "description", "excerpt", "links",
              "layout", "draft", "comments", "toc", "image", "cover", "featured_image")
# the rules that time a start by what the timeline says happened then (not its first line)
_STARTED_BY_MEANING = ("timeline_impact", "timeline_marker", "impact_range", "front_matter", "metadata")


def _detected_before_posted(doc: Doc, incident_date: date | None, times: dict, sources: dict) -> date | None:
    """A post (front matter that dates it and names its author, tags or the like, or a
    status page's issue) whose timeline detects the incident on an earlier day within the post's reach happened by
    then, when its opening names no day of its own: the day it was detected, or the
    start's when a rule timed it by meaning on a day before (the opening "Over the past
    few days, a phishing attack was uncovered" in a post of July 31st over a timeline from
    July 26th). The timeline's first line alone does not move it (a change made days
    before is no incident)."""
    posted = date_value(front(doc, "date"))
    if posted is None and doc.front and front(doc, "incident_date") is None \
            and (_BACK_IN.search(opening := _opening_prose(doc)[:_YESTERDAY_REACH]) or _EARLIER_THIS.search(opening)):
        # a site that dates a post by its file name ("2025-11-30-early-...md"), whose opening
        # says the incident lies back ("Back in July, ..."): in a postmortem repository the
        # file name is more often the incident's own day
        posted = _file_day(doc)
    detected = times.get("detected_at")
    if posted is None or incident_date != posted or detected is None or front(doc, "incident_date") is not None \
            or sources.get("detected_at") != "timeline_detection" \
            or not (any(k in doc.front for k in _POST_KEYS) or status_issue(doc)):
        return incident_date
    said = tp.find_date(_opening_prose(doc)[:600], doc.order_hint)
    if said is not None:
        # (an opening that names a day, "the early hours of November 28", dates it; when
        # that is the day the timeline detects the incident, two statements agree, and a
        # post written months later, "Now that 0.71 is available ... on November 4th,
        # 2022", is dated by it up to a year back)
        if said == _local_day(doc, detected) and posted - timedelta(days=366) <= said < _reach(doc, posted):
            doc.problems.warning(None, f"the front matter dates the post {posted}, but its opening and its timeline "
                                       f"both date the incident {said}; {said} used (a post is dated the day it was written)")
            return said
        return incident_date
    day = _local_day(doc, detected)
    started = times.get("started_at")
    if started is not None and sources.get("started_at") in _STARTED_BY_MEANING:
        day = min(day, _local_day(doc, started))
    if not _reach(doc, posted) <= day < posted:
        return incident_date
    doc.problems.warning(None, f"the front matter dates the post {posted}, but its timeline detects the incident on "
                               f"{day}; {day} used (a post is dated the day it was written)")
    return day


def _file_day(doc: Doc) -> date | None:
    """The plausible day the file's name holds ("2023-04-05-db-failover.md"), else None."""
    m = _FILE_DATE.search(doc.name.replace("\\", "/").rsplit("/", 1)[-1])
    if not m:
        return None
    try:
        d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    return d if tp.plausible(d) else None


def _earliest_day(entries) -> date | None:
    dated = [e for e in entries if e.at is not None and e.day]
    return min(dated, key=lambda e: e.at).day if dated else None


def _named_day(text: str) -> date | None:
    """The one day written as eight digits into a name ("run multi_vits_gan_20260127_resume27k"),
    when it is a real, plausible day and the only such run of digits."""
    found = {m.groups() for m in _NAMED_DAY.finditer(text)}
    if len(found) != 1:
        return None
    y, mo, d = map(int, found.pop())
    try:
        day = date(y, mo, d)
    except ValueError:
        return None
    return day if tp.plausible(day) else None


def _field_day_without_year(doc: Doc, value: str) -> date | None:
    """The day a field names without its year ("Started: Saturday 6 July, 16:02"), in the
    year of the first full date the document names near it ("### Saturday 6 July 2024")."""
    st = tp.read_stamp(plain(value), doc.order_hint)
    if st is None or not st.has_date or st.year is not None or (near := tp.find_date(doc.text or "", doc.order_hint)) is None:
        return None
    try:
        return date(tp.year_near(st.month, st.day, near), st.month, st.day)
    except ValueError:
        return None


# a sentence about the clocks changing: "After Daylight Saving Time ended on Sunday
# November 1st", "clocks went back at 03:00 on 27.10.", "the switch to summer time"
_CLOCKS_CHANGING = lazy_re.compile(r"\b(?:daylight\s+sav(?:ing|ings)(?:\s+time)?|DST|summer\s+time|winter\s+time"
                                r"|clocks?\s+(?:went|go|goes|going|fell|fall|falls|sprang|spring|springs|jumped|jump|jumps|moved?|changed?)"
                                r"(?:\s+(?:back|forward|ahead))?"
                                # ("The US moved clocks on Sunday 9 March")
                                r"|(?:moved|moves|changed|changes|set|sets|put|puts|turned)\s+(?:the\s+|their\s+|our\s+|its\s+)?clocks)\b", re.I)


def _without_clock_changes(text: str) -> str:
    """``text`` with each sentence about the clocks changing blanked out (positions kept)."""
    if not _CLOCKS_CHANGING.search(text):
        return text
    out, at = [], 0
    for m in [*_SENTENCE.finditer(text), None]:
        end = m.start() if m is not None else len(text)
        sentence = text[at:end]
        out.append(" " * len(sentence) if _CLOCKS_CHANGING.search(sentence) else sentence)
        if m is not None:
            out.append(m.group())
            at = m.end()
    return "".join(out)


_PUBLISHED_KEYS = ("publishdate", "publish_date", "pubdate", "published", "publishedat", "published_at")


def _published_key(doc: Doc) -> bool:
    """Did the front matter's date come from a key that says when the post was published?"""
    key = next((k for k in FRONT_MATTER["date"] if doc.front.get(k) not in (None, "")), None)
    return key in _PUBLISHED_KEYS


# an ISO ordinal date opening a Date field, its day of the year: "**Incident date:** 2025-058
# (Thursday)" (a bank's files named by the day of the year), a weekday after it that fits
_ORDINAL_DAY = lazy_re.compile(r"^\W*(\d{4})-(\d{3})(?![\d-])\W*(?:\(?\s*((?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)\b)?", re.I)


_TIME_TO_LINE = lazy_re.compile(r"^(time\s+to\s+[a-z]+|mtt[dr]|tt[dmr])\s*:\s*(.{1,80})$", re.I)


def _impact_began_day(doc: Doc, near: date) -> date | None:
    """The day the opening prose says the impact began on ("Impact began at 14:32 on Monday
    23 September"), a date within the sentence's next words, in the year of ``near``."""
    text = _opening_prose(doc)
    if "mpact" not in text or (m := IMPACT_BEGAN.search(text)) is None:
        return None
    tail = text[m.end():_sentence_end(text, m.end(), 80)]
    return next((d for _, d in tp.dates_in(tail, doc.order_hint)), None) \
        or _day_without_year(tail, near + timedelta(days=1), doc.order_hint)


_WORDS_LEFT = lazy_re.compile(r"[^\W\d_]{2,}")


def _ordinal_day(value: str) -> date | None:
    """The day an ISO ordinal date opening a field's value names ("2025-058" is 27 February
    2025), or None; a weekday named after it must be that day's."""
    m = _ORDINAL_DAY.match(plain(value))
    if m is None or not 1 <= int(m.group(2)) <= 366:
        return None
    day = date(int(m.group(1)), 1, 1) + timedelta(days=int(m.group(2)) - 1)
    if day.year != int(m.group(1)) or m.group(3) and tp.weekday(m.group(3)) != day.weekday():
        return None
    return day


def _incident_date(doc: Doc, title: str | None, summary: str | None,
                   title_day: date | None) -> tuple[date | None, str | None]:
    """The day the incident happened, from the strongest evidence: front matter, a
    metadata Date, the title, the file name, a front-matter start time, the summary's
    first date, a date in the timeline's heading; else the opening prose's.

    A blog or status post is dated the day it was written. When the opening prose
    narrates the incident on an earlier day ("On 18th April 2021 a researcher
    reported...", "At 2019-10-21 01:38 UTC the site went down") within 60 days before
    the document's own date (or the day after it, a western evening's post in UTC),
    that day is the incident's, and a warning names both. The opening prose begins with
    the front matter's description, the writer's own summary of the post. With no date
    of the document's own, the opening's first full date lends its year to a day the
    prose narrates without one shortly before it.
    None leaves it to the timeline. The second value, when not None, says the date is
    weak evidence (a date met in passing, a timeline heading's range) that the day the
    timeline starts on overrides, in words for the warning. ``title_day`` is the title's
    first full date (tp.find_date), read once by the caller."""
    hint = doc.order_hint
    stated = date_value(front(doc, "incident_date"))
    if stated is not None:
        return stated, None
    found, source = date_value(front(doc, "date")), "front matter"
    if found is None and "date" in doc.meta:
        found, source = tp.find_date(doc.meta["date"][0], hint) or _ordinal_day(doc.meta["date"][0]), "metadata"
    if found is None and title:
        found, source = title_day, "title"
        if found is None and (found := _named_day(title)) is not None:
            source = "name"   # weak: a build number may look like a day; a timeline's own day wins
    if (found is None or source == "name") and "started" in doc.meta \
            and (started := tp.find_date(doc.meta["started"][0], hint) or _field_day_without_year(doc, doc.meta["started"][0])) is not None:
        # "**Started:** 2026-01-12" (the day it began, with or without its time): the
        # incident's own day, as a Date field would be, not the lead-up a timeline may open with
        found, source = started, "start field"
    if found is None and (found := _file_day(doc)) is not None:
        source = "file name"
    if found is None and (found := _byline_day(doc)) is not None:
        source = "byline"   # "*By Dana Okafor — posted November 8, 2024*": the day it was written
    for key in ("started", "detected"):
        if front(doc, key) is not None:
            dt = datetime_value(front(doc, key), doc)
            day = dt.date() if dt else date_value(front(doc, key))
            if day is not None and (found is None or found == day):
                return day, None  # the document's own incident times settle it
    if source == "front matter" and "date" in doc.meta:
        # a post's body that states the incident's date ("**Date:** January 27, 2026")
        # beats the day the post was published (its front matter's date)
        # (however long before, when the title names the same day: a page moved to a new
        # site keeps the day it was moved in its front matter, "2021-02-16 billing-db ...")
        said = tp.find_date(doc.meta["date"][0], hint)
        if said is not None and found is not None and said != found \
                and (found - timedelta(days=60) <= said <= found + timedelta(days=1) or said == title_day):
            doc.problems.warning(doc.meta["date"][1], f"the front matter dates the document {found}, but its "
                                                     f"Date field says {said}; {said} used (a post is dated "
                                                     "the day it was written)")
            return said, None
    if source in ("front matter", "byline", "file name") and title and not ("." in title and _names_a_version(doc.text, title)):
        # a post's title that names the incident's day ("Outages on July 15 & 16, 2014",
        # "invoices didn't go out on Monday, Nov 2") beats the day the post was published
        said = title_day or _day_without_year(plain(title), found, hint) or _numeric_title_day(plain(title), found)
        if said is None and source == "byline" and "title" in doc.meta:
            # "**Date sent:** Wednesday 5 March 2025" over "**Re:** Mobile tickets at Millgate
            # Arena, Friday 28 February": a letter's subject names the day it is about
            subject = plain(doc.meta["title"][0])
            said = tp.find_date(subject, hint) or _day_without_year(subject, found, hint)
        if said is not None and found is not None and said != found \
                and found - timedelta(days=60) <= said <= found + timedelta(days=1):
            doc.problems.warning(None, f"the {source} dates the document {found}, but its title names "
                                       f"{said}; {said} used (a post is dated the day it was written)")
            return said, None
    if source == "title" and found is not None and _MEETING_TITLE.search(plain(title)) \
            and (said := tp.find_date(_opening_prose(doc)[:800], hint)) is not None \
            and found - timedelta(days=60) <= said < found:
        # "Meeting summary for Incident review: ... (11/18/2025)" over "The team reviewed
        # Saturday's (11/15/2025) outage": the title dates the meeting, the opening the incident
        doc.problems.warning(None, f"the title dates the meeting {found}, but its opening names {said}; "
                                   f"{said} used")
        return said, None
    if found is not None and source in ("front matter", "byline", "title", "metadata") and _MET.search(doc.text[:3000]) \
            and (said := _weekday_fitting_day(" ".join(plain(t) for t in _opening_items(doc)), hint, found)) is not None \
            and found - timedelta(days=30) <= said < found:
        # a review meeting's notes, dated the day it met ("## Date 09 Apr 2025", "## Participants"),
        # whose goals name the incident's day with its weekday ("Agree the timeline for
        # INC-3307 (Thursday 3 April 2025, Borås DC)")
        doc.problems.warning(None, f"the {source} dates the meeting {found}, but its opening names {said}; "
                                   f"{said} used")
        return said, None
    if source in ("file name", "front matter") and title and found is not None \
            and (named := title_day or _day_without_year(plain(title), found, hint)) is not None \
            and _span_start(plain(title), named) == found:
        # "2023-08-29-delayed-emails.md" titled "... on August 29": the file name and the
        # title both date the incident, whatever day the opening counts back to ("Last
        # Tuesday", from a post written a week later); so do the front matter's date and a
        # title naming the same day (not "failing silently since ... on 2 December", a
        # cause the opening dates a month before)
        return found, None
    if source in ("byline", "front matter") and found is not None \
            and (source == "byline" or _byline_day(doc) == found) \
            and (said := next((d for d in doc.byline_days if _reach(doc, found) <= d < found), None)) is not None:
        # "*Diterbitkan Senin, 19 Agustus 2024. Laporan ini membahas gangguan pada Sabtu, 17
        # Agustus 2024.*": the byline's own words say which day the report is about
        doc.problems.warning(None, f"the byline dates the document {found}, but names {said} as the day it tells of; "
                                   f"{said} used")
        return said, None
    if source == "byline" and found is not None:
        # "Written 12 March 2025 by ..." over "**Incident period:** Tuesday 4 March 2025, 2:20
        # PM to ...": a field that times the incident dates it, before the prose is read
        # (a ticket's Resolved field too: "Exported from Jira ... on 19/Nov/24" over
        # "| Resolved | 12/Nov/24 1:05 PM |", the day it ended, not a week later)
        said = min((d for k in (*_OPENING_FIELDS, "resolved") if k in doc.meta
                    if (d := tp.find_date(plain(doc.meta[k][0]), hint)) is not None), default=None)
        if said is not None and not any(k in doc.meta for k in _OPENING_FIELDS) \
                and (told := _weekday_fitting_day(_without_clock_changes(_opening_prose(doc)[:800]), hint, found)) is not None \
                and _reach(doc, found) <= told < said:
            # (but the day the opening tells of, with its weekday, before the day it ended:
            # "On Monday, November 4, some customers were charged twice" over "**Resolved** —
            # Nov 5, 2024, 11:40 AM PT")
            said = told
        if said is not None and said != found and _reach(doc, found) <= said <= found + timedelta(days=1):
            doc.problems.warning(None, f"the byline dates the document {found}, but its fields time the "
                                       f"incident on {said}; {said} used (a post is dated the day it was written)")
            return said, None
    if found is not None and source in ("front matter", "byline") and (said := chat_first_day(doc)) is not None \
            and _reach(doc, found) <= said < found:
        # "Written ... Saturday 22 Nov" over a chat pasted with its labels, 'Discord's
        # "Yesterday" = Friday 21 Nov' and "Yesterday at 10:40 PM" first: the chat's first day
        doc.problems.warning(None, f"the {source} dates the document {found}, but its pasted chat starts on "
                                   f"{said}; {said} used (a post is dated the day it was written)")
        return said, None
    if found is not None and source in ("front matter", "byline") \
            and (stated := _stated_incident_day(doc, found)) is not None and stated != found:
        doc.problems.warning(None, f"the {source} dates the document {found}, but its opening says the "
                                   f"incident happened on {stated}; {stated} used (a post is dated "
                                   "the day it was written)")
        return stated, None
    if found is not None and (began := _impact_began_day(doc, found)) is not None \
            and _reach(doc, found) <= began <= found + timedelta(days=1):
        # "**Impact began at 14:32 on Monday 23 September**": the writer's own statement of the
        # day the harm began, whatever day the opening says the cause fell on ("stopped
        # loading data on Friday night")
        if began != found:
            doc.problems.warning(None, f"the {source} dates the document {found}, but its opening says the "
                                       f"impact began on {began}; {began} used")
        return began, None
    # (a page that gives only when it was last edited lends that its year: "On Wednesday,
    # July 24th ..." in a page modified 2024-08-02)
    narrated = _narrated_date(doc, found or date_value(front(doc, "modified")))
    if narrated is None and found is not None and source in ("front matter", "file name", "byline"):
        narrated = _relative_day(_opening_prose(doc)[:_YESTERDAY_REACH], found)
    # (a sentence about a change of the clocks names that day, not the incident's: "After
    # Daylight Saving Time ended on Sunday November 1st, Colorado is UTC-7")
    told = _without_clock_changes(_opening_prose(doc)[:800])
    if narrated is None and source in ("byline", "front matter") \
            and (m := _ON_WEEKDAY_DATE.search(told)):
        # "If you opened Pixelhaus on the evening of Sunday, November 3, ...": a post
        # written days later (its byline's or its front matter's day) names the day it
        # tells of, with its weekday
        narrated = tp.date_at(told, m.end(), hint, year=found.year)
        if narrated is not None and narrated > found + timedelta(days=1):
            narrated = tp.date_at(told, m.end(), hint, year=found.year - 1)
    if narrated is None and source in ("byline", "front matter"):
        # "If you tried to play on launch night — Tuesday, September 17 — ...": a day named
        # with its weekday anywhere in the opening, when the weekday fits the day in the
        # post's year (or the year before)
        narrated = _weekday_fitting_day(told, hint, found)
    if narrated is None and source == "byline" and summary:
        # "*Written by Shane Tierney (IT) ..., Monday 10th March 2025*" over a background
        # section, then "## What happened" opening "On the morning of 3rd March 2025 (a Monday)
        # ...": the day the story's own section starts on, before the day it was written
        narrated = next((d for _, d in tp.dates_in(summary[:300], hint) if _reach(doc, found) <= d < found), None)
    if narrated is None and source == "byline":
        # "Gepubliceerd op 14 maart 2025 · Auteur: ..." over "De storing vond plaats op
        # donderdag 13 maart 2025": the first full date the opening names other than the
        # byline's own, in whatever words it is narrated (the reach below bounds it)
        narrated = next((d for _, d in tp.dates_in(_opening_prose(doc)[:800], hint) if d != found), None)
    # (a day later too: a post dated on a western evening is the next day in UTC)
    # (a Date field naming a span of days, "2026-08-18 → 2026-08-19", or naming the incident,
    # "Date of incident", gives the incident's own days, not the day a post was written: no
    # day met in the prose overrides it)
    if narrated is not None:
        narrated = _span_start(_opening_prose(doc)[:800], narrated)
        if found is not None and narrated < found and _span_start(_opening_prose(doc)[:800], found) == narrated:
            narrated = found   # ("In the night from Saturday 30 to Sunday 31 March" under "date: 2024-03-31": the night's own date)
    if narrated is not None and found is not None and narrated != found and source == "front matter" \
            and _narrates_day(_opening_prose(doc)[:1200], found, hint):
        # "On 22 July the MDT was migrated ..." then "On Sunday 4 August the purge found ...", under
        # "date = 2024-08-04": the opening tells its own day too, the first one a cause's
        narrated = found
    if found is not None and narrated is not None and narrated != found \
            and _reach(doc, found) <= narrated <= found + timedelta(days=1) \
            and not (source in ("metadata", "front matter") and _background_names(doc, narrated, found)) \
            and not (source == "metadata" and (_names_a_span(doc.meta["date"][0], hint) or doc.date_names_incident
                                               # (beside fields that date the paper, "Prepared" or "Reviewed",
                                               # the Date field is the incident's own)
                                               or "written" in doc.meta or "reviewed" in doc.meta)) \
            and not (source == "title" and title and narrated <= found + timedelta(days=7)
                     and (_names_a_span(title, hint) or _DAYS_SPANNED.search(title))):
        # (a title naming the days it spans, "Unavailability ..., August 19–20, 2024", dates the
        # incident by its first; the opening's "filed August 20" is the second, or later)
        doc.problems.warning(None, f"the {source} dates the document {found}, but its opening says the "
                                   f"incident happened on {narrated}; {narrated} used (a post is dated "
                                   "the day it was written)")
        return narrated, None
    if found is not None and source == "title" and title and _names_a_span(title, hint) \
            and (said := _said_to_happen_on(doc, found)) is not None:
        return said, None
    if found is not None:
        # (a mail's header gives the day it was sent: a timeline that dates its own entries
        # earlier, "this week's near miss" told day by day, is the incident's)
        # (and a post's byline gives the day it was written: a timeline that dates its own
        # entries on an earlier day, within reach, is the incident's: "Posted Tuesday, March
        # 11" over updates stamped "Mar 9, 2025 · 01:09 PST")
        # (so does a front matter's publication key, "published: '2024-11-07'" over updates
        # headed "Resolved — Nov 5, 10:45 PT": the day the post went out, as a byline's)
        return found, ("a name in the title holds" if source == "name" else
                       "the mail is dated" if source == "byline" and doc.dated_by_mail else
                       _BYLINE_WEAK if source == "byline" or source == "front matter" and _published_key(doc) else None)
    if summary and (found := tp.find_date(summary[:400], hint)) is not None:
        return found, None
    for s in doc.of_kind("timeline"):
        if found is None:
            found = tp.find_date(plain(s.title), hint)
    if found is not None:
        # "## Timeline (all times PST) 01/16/2024 - 02/28/2024": a heading's range is
        # written loosely; the entries' own first day is the stronger evidence
        return found, "the timeline's heading names"
    if narrated is not None:
        return narrated, None
    # the fields that time the incident ("**Reported**: 2026-01-17 15:51 CST",
    # "**Discovery Date**: ... March 5, 2025", "| Exploit window | 2025-07-14 03:12:05 →
    # 03:12:41 UTC |"): the earliest day they name, the incident's own (not a lead-up a
    # timeline may open with; and not a Resolved field alone, a day it ended)
    found = min((d for k in _OPENING_FIELDS if k in doc.meta
                 if (d := tp.find_date(plain(doc.meta[k][0]), hint)) is not None), default=None)
    if found is not None:
        doc.dated_by_field = True   # (an earlier start the timeline tells still wins: _record)
        return found, None
    if doc.unnamed_day is not None and (found := tp.find_date(doc.unnamed_day[0], hint)) is not None:
        # "**Datum incidentu:** 07.05.2025", a field in a language the parser has no words
        # for: a day, if nothing the parser can name gives one (the timeline's own first
        # day overrides it)
        return found, "a field the parser cannot name gives"
    if (met := _meeting_day(doc)) is not None \
            and (said := _weekday_fitting_day(_opening_prose(doc)[:1200], hint, met)) is not None \
            and met - timedelta(days=30) <= said < met:
        # "Meeting: Thursday, November 7, 2024, 2:00–3:00 PM" over "what happened on Tour 1 on
        # Friday, November 1": the review met on its own day, and lends its year to the day
        # the opening tells of, with its weekday (the meeting's day is not the incident's)
        return said, None
    found = tp.find_date(_opening_prose(doc)[:600], hint)
    if found is not None:
        # "stopped on December 17th and did not resume until Tuesday, December 28, 2021":
        # the first full date gives the year of a day narrated without one before it
        earlier = _narrated_date(doc, found)
        if earlier is not None and found - timedelta(days=60) <= earlier < found:
            return earlier, "the prose first mentions"
        if title and (said := _day_without_year(plain(title), found, hint) or _numeric_title_day(plain(title), found)) is not None \
                and found - timedelta(days=60) <= said < found:
            # "Retro whiteboard — gateway timeouts (Wed 12 Mar)" over "Transcribed ... after
            # the retro on Fri 14 March 2025": the title names the incident's day, the
            # opening's first full date a later one (the review's), which lends its year
            # (or in numbers: "... across District 14 (Tue 7/16)" over "Date written: 7/18/2024")
            doc.problems.warning(None, f"the opening's first date is {found}, but the title names {said}; "
                                       f"{said} used")
            return said, None
    if found is None:
        # (a field that says when it ended, with none that says when it began)
        found = min((d for k in ("mitigated", "resolved") if k in doc.meta
                     if (d := tp.find_date(plain(doc.meta[k][0]), hint)) is not None), default=None)
    if found is None and (logged := _logged_entries(doc)):
        # a running log of incidents, newest first ("## 2024-03-11 — Blank invoice PDFs
        # (SEV-3)" over "## 2024-02-26 — ..."): the first entry is the one told in full
        found = tp.find_date(plain(logged[0].title), hint)
    if found is None:
        # nothing above names a date, but headings may ("### Updated 21. March 2022",
        # status updates newest first): the earliest date near the top is the incident's
        found = min((d for _, d in tp.dates_in("\n".join(s.title for s in doc.secs[:12]), hint)), default=None)
    if found is None and title and (written := next((d for k in ("written", "reviewed") if k in doc.meta
                                                     and (d := tp.find_date(plain(doc.meta[k][0]), hint)) is not None),
                                                    None)) is not None \
            and (said := _numeric_title_day(plain(title), written) or _day_without_year(plain(title), written, hint)) \
            is not None and written - timedelta(days=60) <= said <= written:
        # "Card readers offline across District 9 (Mon 3/10)" over "Date written: 3/12/2025":
        # the title's day, in the year of the day the note was written
        found = said
    if found is None:
        found, named = _yearless_day(doc, title)
        if named:
            # "... (night shift, Sat 27 July)" in a report that names 2024 elsewhere: the
            # title's own day, its weekday fitting the year, is no day met in passing
            return _said_to_happen_on(doc, found) or found, None
    if found is None:
        # the opening's lists, last ("**At a glance**" over "- Door left open: about 6:45pm,
        # Wednesday 12 February 2025"): the first full date before the first section
        found = _listed_opening_day(doc)
    return _in_titled_month(doc, title, found), "the prose first mentions"


# a review meeting's own day, in a line of its own near the top: "Meeting: Thursday,
# November 7, 2024, 2:00–3:00 PM", "**Held:** 12 March 2025", "Date of meeting: ..."
_MEETING_LINE = lazy_re.compile(r"^[\s*_>-]*(?:meeting(?:\s+(?:date|held))?|held|review\s+(?:meeting|held)"
                                r"|date\s+of\s+(?:the\s+)?(?:meeting|review))[*_]*\s*:[*_]*\s*(\S.*)$", re.I)


def _meeting_day(doc: Doc) -> date | None:
    """The day a review meeting's minutes say it met, from a field line in the first 15
    lines, or None."""
    for line_text in doc.lines[:15]:
        if (m := _MEETING_LINE.match(line_text)) is not None:
            return tp.find_date(plain(m.group(1)), doc.order_hint)
    return None


def _listed_opening_day(doc: Doc) -> date | None:
    """The first full date in the opening's list items (_opening_items), or None."""
    return next((d for text in _opening_items(doc) if (d := tp.find_date(text, doc.order_hint)) is not None), None)


def _opening_items(doc: Doc):
    """The list items near the top (the first 40 lines) above the document's first section
    of another kind: its at-a-glance facts ("**At a glance**" over "- Door left open: about
    6:45pm, Wednesday 12 February 2025", "- Stock thrown out: none. We got very lucky")."""
    for s in doc.secs:
        if doc.kinds.get(id(s)) in _STOP_OPENING:
            return
        if _CONTENTS.match(clean_heading(plain(s.title or ""))):
            continue   # ("## Contents" over "7. What went well, what didn't, where we got lucky")
        for b in s.blocks:
            if b.line > 40:
                return
            # (not a box left unticked: "### Near miss?" over "- [ ] Yes — no customer was
            # affected" is a form's answer not given)
            if b.kind == "item" and not _UNTICKED.match(b.text) and not _NOTIFICATION_FIELD.match(text := plain(b.text)):
                yield text


_UNTICKED = lazy_re.compile(r"\s*\[ \]")
# a notification's decision and why: "Data Protection Officer notified: No – no personal data
# was disclosed", "ICO reportable: No" (whom the incident was told to, not what it did)
_NOTIFICATION_FIELD = lazy_re.compile(r"^[^:\n]{0,60}\b(?:notified|notifiable|reportable|informed|briefed|notification)\b"
                                      r"[^:\n]{0,20}:", re.I)


# a year standing alone: "gloopjam 2024", "in 2023" (not a version, a path or a count)
_BARE_YEAR = lazy_re.compile(r"(?<![\w./:-])((?:19[89]|20\d)\d)(?![\w./:%-])")
_WEEKDAY_WORD = lazy_re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|nesday|rsday|urday)?\b", re.I)


# a log entry's heading: its day, a dash, what happened ("2024-03-11 — Blank invoice PDFs (SEV-3)")
_LOG_ENTRY = lazy_re.compile(r"^\W*(\d{4}-\d{2}-\d{2})\s*[—–-]\s+(?!(?:update|resolved|monitoring|identified|investigating"
                             r"|postmortem|follow[\s-]?up)\b)\w", re.I)


def _logged_entries(doc: Doc) -> list:
    """The headings of a running log of incidents, newest first: three or more at one level,
    each a day, a dash and what happened, the days falling; else []."""
    heads = [s for s in doc.secs if s.level in (2, 3) and _LOG_ENTRY.match(plain(s.title))]
    if len(heads) < 3 or len({s.level for s in heads}) != 1:
        return []
    days = [_LOG_ENTRY.match(plain(s.title)).group(1) for s in heads]
    return heads if all(a > b for a, b in zip(days, days[1:])) else []


def _yearless_day(doc: Doc, title: str | None) -> tuple[date | None, bool]:
    """With no date found so far, but a year the document names: the first day the title
    or opening names with a year beside it ("saturday march 16, gloopjam 2024"), or with
    its weekday, in the one year near a year the document names that puts the day on that
    weekday ("On Tuesday 11 June" in a post that says "in 2023": 2024); else None. (A day
    with neither, "Jun 12" over a forum post, is passed over.) The second value says the
    title named the day with its weekday: the incident's own day, not one met in passing."""
    years = {int(y) for y in _BARE_YEAR.findall("\n".join(doc.lines[:400]))}
    if not years:
        return None, False
    hint = doc.order_hint
    for in_title, text in ((True, plain(title or "")), (False, _opening_prose(doc)[:800])):
        for m in _WORD_START.finditer(text):
            pos = m.start()
            if tp.date_at(text, pos, hint, year=2000) is None:
                continue
            beside = _BARE_YEAR.findall(text[max(0, pos - 80):pos + 80])
            if beside:
                return tp.date_at(text, pos, hint, year=int(beside[0])), False
            wd = _WEEKDAY_WORD.search(text[max(0, pos - 15):pos + 12])
            fits = {d for y in years for near in range(y - 1, y + 3)
                    if (d := tp.date_at(text, pos, hint, year=near)) is not None
                    and d.weekday() == tp.weekday(wd.group(1))} if wd else set()
            if len(fits) == 1:
                return fits.pop(), in_title
    if title and (ty := _BARE_YEAR.search(plain(title))) is not None:
        # "# Orchard Loop — Investor Update, Q3 2025" over "## The August outage": "On August
        # 19th ..." in the story is a day of the year the title names (of its quarter, if it
        # names one)
        year = int(ty.group(1))
        quarter = _TITLE_QUARTER.search(plain(title))
        story = _story_prose(doc, 3000)
        for m in _WORD_START.finditer(story):
            if (d := tp.date_at(story, m.start(), hint, year=year)) is not None:
                if quarter is None or (d.month - 1) // 3 + 1 == int(quarter.group(1)):
                    return d, False
                break
    return None, False


_TITLE_QUARTER = lazy_re.compile(r"\bQ([1-4])\b")
_OPENING_FIELDS = ("started", "detected", "duration", "time")
# "# Incident de septembre 2021", "# March 2024 outage": a title that names a month and year
_TITLE_MONTH = lazy_re.compile(r"(?<![\d.])(?P<mon>[^\W\d_]{3,12})\.?\s+(?P<y>(?:19|20)\d\d)(?!\d)")
# where a date may start: a digit or a word (a month's or a weekday's name)
_WORD_START = lazy_re.compile(r"(?<![\w.])(?=\d|[^\W\d_]{3})")


def _date_before(text: str, pos: int, hint, dated: date) -> date | None:
    """The date starting at ``pos``; one named without a year in the last year that
    puts it on or before ``dated`` (or the day after: a western evening's post in UTC)."""
    d = tp.date_at(text, pos, hint, year=dated.year)
    if d is not None and d > dated + timedelta(days=1):
        d = tp.date_at(text, pos, hint, year=dated.year - 1)
    return d


# a day and month in numbers in a title, set apart in brackets or after its weekday:
# "Booking page timeouts (10/8)", "DMS outage, Monday 2/9" (not "2/9 nodes down")
_TITLE_NUMERIC_DAY = lazy_re.compile(r"\((\d{1,2})/(\d{1,2})\)|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+"
                                     r"(\d{1,2})/(\d{1,2})(?![/\d])", re.I)


def _numeric_title_day(title: str, dated: date | None) -> date | None:
    """The day a title names as "10/8" (in brackets, or after its weekday), in the year of
    ``dated`` (a post's own date), read in the order that puts it within 60 days before
    that date (the weekday, when named, must fit): month first when both do."""
    m = _TITLE_NUMERIC_DAY.search(title) if dated is not None else None
    if m is None:
        return None
    a, b = (int(x) for x in (m.group(1, 2) if m.group(1) else m.group(3, 4)))
    weekday = _WEEKDAY_WORD.search(m.group(0))
    for month, day in ((a, b), (b, a)):
        for year in (dated.year, dated.year - 1):
            try:
                d = date(year, month, day)
            except ValueError:
                continue
            if dated - timedelta(days=60) <= d <= dated + timedelta(days=1) \
                    and (weekday is None or d.weekday() == tp.weekday(weekday.group(1))):
                return d
    return None


def _day_without_year(text: str, dated: date | None, hint=None) -> date | None:
    """The first day named without a year in ``text`` ("la panne du 21 octobre",
    "the October 21 outage"), in the last year that puts it on or before ``dated``."""
    if dated is None:
        return None
    text = tp.without_parameters(text)   # ("export for ds=2026-05-10": a partition, no day said)
    return next((d for m in _WORD_START.finditer(text) if (d := _date_before(text, m.start(), hint, dated))), None)


def _in_titled_month(doc: Doc, title: str | None, found: date | None) -> date | None:
    """A weak date checked against a title that names the incident's month and year
    ("Incident de septembre 2021", "Hetzner Outage, May 2018"): one outside that month
    is a later date met in passing ("Point d'étape au 25 octobre 2021"); the first full
    date of that month the document names is the incident's, else the opening's first
    day of that month without a year ("une situation au 22 septembre"); else the weak
    date."""
    m = _TITLE_MONTH.search(plain(title or ""))
    mon = tp.month(m.group("mon")) if m else None
    if mon is None or (found is not None and (found.year, found.month) == (int(m.group("y")), mon)):
        return found
    year = int(m.group("y"))
    # the first full date of that month the document names ("reported on May 24, 2018")
    within = next((d for _, d in tp.dates_in("\n".join(doc.lines[:400]), doc.order_hint)
                   if (d.year, d.month) == (year, mon)), None)
    if within is not None:
        return within
    opening = _opening_prose(doc)
    return next((d for p in _WORD_START.finditer(opening)
                 if (d := tp.date_at(opening, p.start(), doc.order_hint, year=year)) is not None and d.month == mon),
                found)


# "On 18th April 2021", "At 2019-10-21 01:38 UTC", "on the 16th of January, 2023", "Last
# Monday, April 15": a date the prose narrates the incident on, at the start of a sentence
# or clause.
# (and "Am 12. August 2020 ...", "Le 21 octobre ...", "El 3 de marzo ...", "Op 5 mei ...")
# (the words that open such a clause; after them the day, "the" perhaps before it)
_NARRATING = (r"(?:early\s+|late\s+)?(?:on|at|since|am|le|el|op"
              # "Earlier this year, on 26 June 2019, I fell victim to a scam"
              r"|earlier\s+this\s+(?:year|month|week),?\s+on"
              # "Last Monday, April 15 around 20:15 UTC, we received reports"
              r"|(?:last|this\s+past)(?=\s+(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+\w)"
              r"|(?:in|during) the (?:early |late )?"
              r"(?:morning|afternoon|evening|night) of)")
_BEFORE_DAY = r"\s+(?:the\s+)?(?=\S)"
# ... at the start of the text
# (after a clause's number opening a formal report, too: "1.1 On Monday, November 3, 2025, ...")
_NARRATED_AT_START = lazy_re.compile(r"(?:\d{1,2}(?:\.\d{1,2})+\s+)?" + _NARRATING + _BEFORE_DAY, re.I)
# ... and after it: after a stop or a line break, or (the second alternative) "(apologies
# for) the downtime of 20 September", "de downtime van 20 september": this outage's day;
# not "repeats the incident of 2024-11-25", another one's.
# (Each match opens with a character of one set, written outside the case-blind part, so
# the regex engine skips to the next such character instead of trying the pattern at
# every one, 2.3x faster over an opening: a stop, a line break, or the first letter of
# "the", "this", "our", "de", "die", "la" or "le". After that letter the word boundary
# before it is looked for behind it (no word character before the letter), its word by
# a lookahead from it, the rest of the word read as what runs to the white space: that
# word is one of them whole, none the start of another.)
# (a line's paragraph number first, "1.1 On Monday, November 3, 2025, ...", as a report numbers them)
_NARRATED = lazy_re.compile(r"(?-i:[.!?;:\ntToOdDlL\d])(?:(?:(?<=[.!?;:])\s+|(?<=\n)\s*|(?<=\n\d\.\d)\s+|(?<=\n\d\.\d\d)\s+|(?<=\n\d\d\.\d)\s+)" + _NARRATING
                       + r"|(?<!\w.)(?<=(?=(?:the|this|our|de|die|la|le)\s).)"
                       r"(?<!repeats .)(?<!repeat of .)(?<!previous .)(?<!earlier .)(?<!prior .)(?<!last .)(?<!similar .)"
                       r"\S*\s+(?:outage|downtime|disruption|interruption)\s+(?:of|on|van|vom|du))" + _BEFORE_DAY, re.I)


def _narrations(text: str):
    """The matches of the narrated-day patterns in ``text``, one after another as a single
    pattern's finditer gives them: the one at its very start (_NARRATED_AT_START), then
    _NARRATED's from where that one ends."""
    m = _NARRATED_AT_START.match(text)
    if m is not None:
        yield m
    yield from _NARRATED.finditer(text, m.end() if m is not None else 0)


# "Earlier this year, on 26 June 2019, ...": the writer says how far back the day lies
_EARLIER_THIS = lazy_re.compile(r"\bearlier\s+this\s+(year|month)\b", re.I)
# "Back in July, we received reports ...", "Earlier in March": a month the opening names
# with no day, before the post was written
_BACK_IN = lazy_re.compile(r"\b(?:back|earlier|early|late)\s+in\s+(january|february|march|april|may|june|july|august"
                      r"|september|october|november|december)\b", re.I)


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")


# a weekday, then a day and its month in either order: "Tuesday, September 17", "Tue 17 Sep"
# (or the part of the day, then the date in brackets: "on Tuesday morning (May 13)")
_WEEKDAY_THEN_DAY = lazy_re.compile(r"\b(" + tp.WEEKDAY_STEMS + r")[a-z]*\.?,?\s+(?:(?:morning|afternoon|evening|night)\s+\()?"
                                    r"(?=(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
                                    r"(?:" + tp.MONTH_STEMS + r")|\d)", re.I)


def _weekday_fitting_day(text: str, hint, posted: date | None) -> date | None:
    """The first day ``text`` names with its weekday that falls on that weekday in the
    year ``posted`` is in, or the year before, on or before the day after ``posted``."""
    if posted is None:
        return None
    for m in _WEEKDAY_THEN_DAY.finditer(text):
        weekday = tp.weekday(m.group(1))
        for year in (posted.year, posted.year - 1):
            d = tp.date_at(text, m.end(), hint, year=year)
            if d is not None and d.weekday() == weekday and d <= posted + timedelta(days=1):
                return d
    return None


def _reach(doc: Doc, posted: date) -> date:
    """How far before the day a post was written its opening may narrate the incident:
    60 days, or the start of the year or month when the opening says "earlier this
    year" ("earlier this month")."""
    reach = posted - timedelta(days=60)
    said = _EARLIER_THIS.search(_opening_prose(doc)[:_YESTERDAY_REACH])
    if said is not None:
        start = date(posted.year, 1, 1) if said.group(1).lower() == "year" else posted.replace(day=1)
        reach = min(reach, start)
    said = _BACK_IN.search(_opening_prose(doc)[:_YESTERDAY_REACH])
    if said is not None:   # that month's first day, the last one on or before the post
        month = _MONTHS.index(said.group(1).lower()) + 1
        reach = min(reach, date(posted.year - (month > posted.month), month, 1))
    return reach


def _stated_incident_day(doc: Doc, posted: date) -> date | None:
    """The day the opening says the incident itself happened on, in the sentence that says
    so ("The incident is from my previous job ..., on Thanksgiving Day, November 28, 2024"),
    up to three years before the post (a talk's write-up ten months on); else None."""
    opening = _opening_prose(doc)[:1200]   # (its first paragraphs: after what the post is, what it tells of)
    # (a memo's or a mail's subject first: "**Re:** The bulk-corrections tool incident of
    # Wednesday, April 17", among the header lines above the prose)
    subject = next((plain(ln) for ln in doc.lines[:20] if _SUBJECT_LINE.match(ln)), "")
    if subject and _INCIDENT_DATED.search(subject):
        opening = subject + "\n" + opening
    said = _INCIDENT_DATED.search(opening)
    if said is None:
        return _told_under_its_heading(doc, posted)
    sentence = _SENTENCE.split(opening[said.end():said.end() + 160], 1)[0]
    day = tp.find_date(sentence, doc.order_hint) or _day_without_year(sentence, posted, doc.order_hint)
    return day if day is not None and posted - timedelta(days=3 * 366) <= day < posted else None


def _told_under_its_heading(doc: Doc, posted: date) -> date | None:
    """The day a post's section about the incident opens on ("## The incident" over "On March
    29th, at around 10:00 a.m. EST, one of our SREs noticed ..."), within a year before the
    post (a day without a year is the last such day on or before it); else None."""
    for s in doc.of_kind("summary"):
        if not _TELLS_THE_INCIDENT.match(clean_heading(plain(s.title or ""))):
            continue
        first = next((plain(b.text) for b in s.blocks if b.kind == "para"), "")
        if (m := _OPENS_ON_A_DAY.match(first)) is None:
            return None
        day = tp.date_at(first, m.end(), doc.order_hint, year=posted.year)
        if day is not None and day > posted:
            day = tp.date_at(first, m.end(), doc.order_hint, year=posted.year - 1)
        return day if day is not None and posted - timedelta(days=366) <= day < posted else None
    return None


_TELLS_THE_INCIDENT = lazy_re.compile(r"(?:the\s+)?(?:incident|outage)\s*[:.]?\s*$|what\s+happened\s*[:.?]?\s*$", re.I)
_OPENS_ON_A_DAY = lazy_re.compile(r"\s*On\s+(?:the\s+)?")


# a sentence about the incident's own day: "The incident is from ...", "The outage happened on ..."
_SUBJECT_LINE = lazy_re.compile(r"[\W_]{0,3}(?:re|subject|betreff|objet|asunto|assunto)[\W_]{0,3}:", re.I)
# ("Re: The bulk-corrections tool incident of Wednesday, April 17": a memo's subject naming it by its day)
def _said_to_happen_on(doc: Doc, found: date) -> date | None:
    """The day the text says it all happened on, within the week after the title's
    ``found`` ("On-call handoff (Mon 1 Dec 08:00 – Tue 2 Dec 08:00 CET)" over "all of it
    happened on Tuesday 2 December 2025": the title spans a shift, the text says which day
    of it), with a warning naming both; else None."""
    if (m := _ALL_HAPPENED_ON.search(doc.text, 0, 4000)) is None \
            or (said := tp.find_date(doc.text[m.end():m.end() + 60], doc.order_hint)) is None \
            or not found < said <= found + timedelta(days=7):
        return None
    doc.problems.warning(None, f"the title dates it {found}, but the text says it happened on {said}; {said} used")
    return said


# the text saying which day it all happened on: "all of it happened on Tuesday 2 December 2025"
_ALL_HAPPENED_ON = lazy_re.compile(r"\b(?:all\s+of\s+it|it\s+all|everything|all\s+of\s+this|the\s+(?:incident|outage|event))"
                                   r"\s+(?:happened|took\s+place|occurred)\s+on\s+", re.I)
_INCIDENT_DATED = lazy_re.compile(r"\b(?:incident|outage)\s+(?:is\s+from|was\s+on|happened\s+on|happened\s+in|occurred\s+on|took\s+place\s+on"
                                  r"|dates\s+from|was\s+back\s+on|of(?=\s+(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
                                  r"(?:\d|" + tp.MONTH_STEMS + r")))\b", re.I)


# "I'm sorry to report that yesterday a broken package was pushed", "Seit gestern ist
# unser Gateway nicht erreichbar": in a post's opening, the day before the one it was
# posted on (the day a post is dated), when the opening names no day of its own
_YESTERDAY = lazy_re.compile(r"\b(?:yesterday|gestern|gisteren|ayer|ontem|ieri|wczoraj|včera|вчера)\b|昨日|昨天", re.I)
_YESTERDAY_REACH = 400   # characters: the opening's first sentences, where a post says what happened
# "On Saturday our forum was unreachable", "Last Friday, ...", "Am Samstag ...": a weekday
# with no date after it, in a post's opening, is the last such day on or before the post's
# date ("last": before it)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAYS_DE = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag")
_ON_WEEKDAY = lazy_re.compile(r"\b(?P<lead>on|last|this\s+past|early\s+on|late\s+on|am|letzten)\s+"
                         r"(?P<day>" + "|".join(_WEEKDAYS + _WEEKDAYS_DE) + r")\b(?!,?\s*(?:\d|\(\s*\d|the\s+\d|"
                         + tp.MONTH_STEMS + "))", re.I)


def _relative_day(opening: str, posted: date) -> date | None:
    """The day a post's opening narrates relative to the day it was posted: "yesterday",
    or a weekday named without a date; None when it names neither."""
    if (m := _YESTERDAY.search(opening)) is not None and not _of_the_clocks(opening, m.start()):
        return posted - timedelta(days=1)   # "Since yesterday our gateway is down"
    m = next((m for m in _ON_WEEKDAY.finditer(opening) if not _of_the_clocks(opening, m.start())
              and not _MEETS_ON.search(opening, max(0, m.start() - 40), m.start())), None)
    if m is None:
        return None
    name = m.group("day").lower()
    wd = _WEEKDAYS.index(name) if name in _WEEKDAYS else _WEEKDAYS_DE.index(name)
    back = (posted.weekday() - wd) % 7
    if back == 0 and m.group("lead").lower() in ("last", "letzten", "this past"):
        back = 7
    day = posted - timedelta(days=back)
    if back and opening[max(0, m.start() - 10):m.start()].rstrip().lower().endswith("midnight") \
            and opening[m.end():m.end() + 7].lower().startswith(" night"):
        return day + timedelta(days=1)   # ("expired at midnight on Thursday night": as Friday began)
    if (nth := _THE_NTH.match(opening, m.end())) is not None:
        # "Last Tuesday (the 4th)": the Tuesday that fell on the 4th, within five weeks back
        return next((d for d in (day - timedelta(weeks=k) for k in range(5)) if d.day == int(nth.group(1))), day)
    return day


# a meeting's day, not the incident's: "Draft for the live-ops review on Friday", "retro on Monday"
_MEETS_ON = lazy_re.compile(r"\b(?:review|retro(?:spective)?|meeting|debrief|sync|stand-?up|call|workshop|session|discussion)\s*$", re.I)


def _of_the_clocks(text: str, at: int) -> bool:
    """Whether the sentence around ``at`` tells of the clocks, not the incident: "we are on
    daylight time since last Sunday" dates the change of the clocks."""
    start = max(text.rfind(". ", 0, at), text.rfind("\n\n", 0, at), 0)
    end = min((i for i in (text.find(". ", at), text.find("\n\n", at)) if i >= 0), default=len(text))
    return _CLOCK_CHANGE.search(text, start, end) is not None


# a sentence about the change of the clocks: "daylight time", "summer time", "DST", "the clocks went back"
# (which clock is kept, "we are on daylight time since last Sunday", "add four hours": not
# "Yesterday, when the clocks went forward, the scheduler ran twice", the change as the incident)
_CLOCK_CHANGE = lazy_re.compile(r"\b(?:on|in|observing)\s+(?:daylight(?:[\s-]saving)?|summer|standard|winter)\s+time\b"
                                r"|\b(?:add|subtract)\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+hours?\b", re.I)


# the day of the month in brackets after a weekday: "last tuesday (the 4th)"
_THE_NTH = lazy_re.compile(r"\s*\(\s*the\s+(\d{1,2})(?:st|nd|rd|th)\s*\)", re.I)


# "Since Friday (31.03.2017) ...": a weekday and a bracket before the date
_WEEKDAY_LEAD = lazy_re.compile(r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*(?:the\s+)?\(?\s*(?=\d)|\(\s*(?=\d)", re.I)
_STOP_OPENING = {"timeline", "actions", "factors", "went_well", "went_wrong", "lucky", "lessons"}


def _detection_told(doc: Doc, timeline) -> str:
    """What the document tells of how it was found, in prose: its Detection sections, and
    above a status page's updates kept newest first, the postmortem's paragraphs ("Our
    monitoring alerted the on-call engineer at 1:47 PM", before the first update)."""
    if not any(e.at for e in timeline):
        return ""   # (no timed timeline: the story's prose, read in order, holds these sections' too)
    told = _section_prose(doc, "detection")
    if not doc.newest_first:
        return told
    # (and below them: "## What happened" after the updates, "The first we knew was a phone
    # call at 1:41 PM", the updates posted later than what they tell)
    lines = [e.line for e in timeline]
    first, last = min(lines), max(lines)
    story = [plain(b.text) for s in doc.secs if doc.kinds.get(id(s)) not in _AFTER_STORY
             for b in s.blocks if b.kind == "para" and not first <= b.line <= last]
    return "\n".join([told, *story])


def _section_prose(doc: Doc, kind: str) -> str:
    """The paragraphs of the sections of one kind ("## Detection"), as plain text."""
    return "\n".join(plain(b.text) for s in doc.of_kind(kind) for b in s.blocks if b.kind == "para")


def _opening_prose(doc: Doc, limit: int = 1500) -> str:
    """The document's opening paragraphs: before its timeline, action items or
    analysis, metadata lines left out (read once per document)."""
    if doc.opening is not None:
        return doc.opening
    doc.opening = _read_opening(doc, limit)
    return doc.opening


def _timeline_lead(doc: Doc) -> str:
    """The paragraphs a timeline section opens with, above its first entry: the presenter's
    summary in minutes ("... went above 1.0 NTU from 15:10 until 17:12. The exceedance (the
    impact) began at 15:10."), told as the opening prose tells it."""
    parts = []
    for s in doc.of_kind("timeline"):
        if id(s) in doc.by_shape or all(b.kind == "para" for b in s.blocks):
            continue   # (its entries a list or a table: paragraphs may be entries themselves, a chat's lines)
        for b in s.blocks:
            if b.kind != "para" or _timed([b.text]) or not b.text.lstrip()[:1].isalpha():
                break
            parts.append(plain(b.text))
        break
    return "\n".join(parts)


_FIELD_LINE = 80   # characters: a metadata line is a short field
# a key naming a line of the incident's key moments: "Key times (all UTC)", "Milestones",
# "Agreed figures for the incident register: start 02:15 (...), detected 08:40 (...), ..."
_MOMENTS_NAME = r"(?:key\s+)?(?:times|timings|moments|timestamps|milestones|figures)\b"
_KEY_TIMES = lazy_re.compile(r"\W*" + _MOMENTS_NAME, re.I)
_TWO_CLOCKS = lazy_re.compile(r"(?<!\d)\d{1,2}[:.h]\d\d(?!\d)")


# "on the evening of Sunday, November 3", "on Monday 20 May": a day named with its weekday
_ON_WEEKDAY_DATE = lazy_re.compile(r"\bon\s+(?:the\s+(?:morning|afternoon|evening|night|early\s+hours)\s+of\s+)?"
                              r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?=(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
                              r"(?:" + tp.MONTH_STEMS + r")|\d)", re.I)
# a post's byline: who wrote it and when it was posted, in a short line of its own at the
# top ("*By Dana Okafor, Infrastructure Lead — posted November 8, 2024*", "*Tillbook
# engineering blog — 24 May 2024 — Rhys Morgan*")
_BYLINE = lazy_re.compile(r"^\W*(?:by\s+[A-Z]|posted\b|published\b|written\b)|\b(?:posted|published|written)\s+(?:on\s+)?"
                     # (a check-in's or a thread's answer: "**Lucía Ferreyra** answered · Friday, May 16, 2025")
                     r"|\b(?:answered|replied|commented)\s+[·•|—–-]\s"
                     r"|\b(?:engineering\s+)?blog\s+[—–·•|-]"
                     # "*Brambleway Logistics · Technology & Operations newsletter · Friday 26
                     # September 2025*": a newsletter's issue, and its day
                     r"|\bnewsletter\s+[—–·•|]"
                     # "*Marcus Feld, VP Engineering · July 18, 2024 · 6 min read*": a post's reading time
                     r"|\b\d{1,2}\s*min(?:ute)?s?\s+read\b"

                     # "Created by Dev Patel · Last edited by Maya Chen, Oct 10, 2025": a page's edits
                     r"|^\W*created\s+by\b|\blast\s+(?:edited|modified|updated)\s+(?:by|on)\b"
                     # "*Exported from Jira (Station Operations) by Ibrahim Haddad on 19/Nov/24
                     # 2:12 PM.*": the day a ticket was exported and pasted, as a post's
                     r"|^\W*exported\s+(?:from|by|on)\b"
                     # "*Rheinau Core Facility — note to facility users and staff, 12 February
                     # 2024*": a note addressed to its readers, and the day it went out
                     r"|\b(?:note|memo|letter|notice|message)\s+(?:to|for)\s+(?:all\s+|the\s+|our\s+)?[\w-]+"
                     # "On-call: Liam Tranter-Osei · 20 Feb 2024 · times are Sydney time": the
                     # on-call's own note, and the day
                     r"|^\W*on[\s-]?call(?:\s+engineer)?\s*:"
                     # "Gepubliceerd op 14 maart 2025 · Auteur: ...": published, in the other
                     # languages postmortems are written in
                     r"|\b(?:gepubliceerd|ver[öo]ffentlicht|publi[ée]e?|publicad[oa]|pubblicat[oa]|opublikowano"
                     r"|publicerad|publisert|udgivet|yay[ıi]nland[ıi]|diterbitkan|đăng\s+ngày)\b"
                     r"|公開日|发布于|發佈於|게시일", re.I)


def _byline(text: str) -> date | None:
    """The day a byline line says the post was written, or None when ``text`` is no byline:
    a short line set apart as one, in italics or bold, opening with who or when, or its
    parts split by dashes or dots ("A bad release was published on 2024-03-02 and broke
    logins" is the story, not a byline)."""
    said = plain(text)
    if "riting" in said and (w := _WRITING_THIS.search(said, 0, 200)) is not None:
        # "quick notes, writing this tue 11 mar 2025 so i don't forget": the writer's own
        # word for the day they write, in whatever line it stands
        return tp.find_date(said[w.end():w.end() + 40])
    if len(said) > 160 or not _BYLINE.search(said):
        return None
    raw = text.strip()
    if not (raw[:1] in "*_" or _BYLINE_OPENS.match(said) or any(sep in said for sep in (" — ", " – ", " | ", " · "))):
        return None
    return tp.find_date(said)


_WRITING_THIS = lazy_re.compile(r"\b(?:writing|wrote)\s+(?:this|these(?:\s+notes)?|it\s+up)\s+(?:on\s+)?(?=[a-z]{3,9}\.?,?\s+\d|\d)", re.I)
_BYLINE_OPENS = lazy_re.compile(r"^\W*(?:by|posted|published|written|updated|created\s+by|last\s+edited)\b", re.I)


# (how far down a byline may sit: under a subtitle and an author's picture, "Published in
# Fernwick Engineering · 9 min read · Mar 18, 2025" on a post's ninth line)
_BYLINE_REACH = 12


def _byline_day(doc: Doc) -> date | None:
    """The day the document's byline gives, in the first paragraph under its title, or
    the day its mail or memo header is dated ("**From:** ... **To:** ... **Date:** ...")."""
    for s in doc.secs[:3]:
        for b in s.blocks[:3]:
            if b.line > _BYLINE_REACH:
                break
            if b.kind == "para" and (day := _byline(b.text)) is not None:
                doc.byline_days = tuple(d for _, d in tp.dates_in(plain(b.text), doc.order_hint) if d != day)
                return day
            # (not a mail quoted in the write-up: "> **Sent:** Tuesday 1 April 2025", a notice sent a week before)
            if b.kind == "para" and _mail_header(b) and not doc.lines[b.line - 1].lstrip().startswith(">"):
                # (Outlook's "Sent:" is its date)
                sent = next((plain(t) for _, (t,) in b.rows if plain(t).lower().startswith(("date:", "sent:"))), None)
                if sent is not None and (day := tp.find_date(sent, doc.order_hint)) is not None:
                    doc.dated_by_mail = True
                    return day
    if "written" in doc.meta and doc.meta["written"][1] <= _BYLINE_REACH \
            and not doc.lines[doc.meta["written"][1] - 1].lstrip().startswith(">") \
            and (day := tp.find_date(plain(doc.meta["written"][0]), doc.order_hint)) is not None:
        # a letter's or a memo's field at its top ("**Date sent:** Wednesday 5 March 2025")
        doc.dated_by_mail = True
        return day
    return None


def _mail_header(b) -> bool:
    """Whether a paragraph is a mail's or a memo's header: three lines or more of From:,
    To:, Date:, Subject: and their kin, in bold or not."""
    if len(b.rows) < 2:
        return False
    heads = [p for _, (t,) in b.rows if ":" in t[:24] and MAIL_HEADER.match(p := plain(t) if "*" in t or "_" in t else t)]
    # (or two, one of them the subject: a second mail quoted below the first, "> **Date:** ..."
    # over "> **Subject:** ...")
    return len(heads) >= 3 or len(heads) == 2 and any(h.lstrip().lower().startswith("subject") for h in heads)


# what a story told without a timeline leaves out, once past its opening
_AFTER_STORY = {"actions", "lessons", "went_well", "lucky", "metadata"}


def _story_prose(doc: Doc, limit: int = 8000) -> str:
    """A document with no timed timeline tells its story in its sections' prose ("## What
    broke": "Starting at 16:02 UTC ..."; "## How we found out": "paged at 16:09 UTC"): its
    opening, then the paragraphs of every later section but the follow-ups, the lessons
    and the appendix, in document order (the causes' too: "## Why it took 89 minutes"
    tells the repair)."""
    return _read_opening(doc, limit, skip=_AFTER_STORY)


def _read_opening(doc: Doc, limit: int, skip: set | None = None) -> str:
    parts: list[str] = []
    size = 0
    # a post's front-matter description is its writer's own opening ("On the 14th of
    # December, ... was compromised"), shown above the body wherever the post is listed
    described = front(doc, "description")
    if isinstance(described, str) and described.strip():
        parts.append(plain(described.strip())[:limit])
        size = len(parts[0])
    past = False   # (past the opening: where a story told without a timeline goes on)
    for s in doc.secs:
        kind = doc.kinds.get(id(s))
        # (a section a timeline by its shape alone, the title's own under a post with no
        # other heading, opens with the post's prose: "On Easter Sunday, April 20, 2025, our
        # livestream ..." above "**9:45 am** — ...": read up to its first timed block)
        lead_in = kind == "timeline" and id(s) in doc.by_shape and skip is None and s.level <= 1
        if kind in _STOP_OPENING and not lead_in:
            if skip is None:
                break
            past = True
        if past and kind in skip or id(s) in doc.drafts:
            continue   # (nor a tool's draft beside the person's summary)
        # a post with no heading whose whole text is one list item, its paragraphs
        # indented under the marker (as some news pages are kept): that item is the prose
        told = s.level == 0 and not any(b.kind == "para" for b in s.blocks) and \
            sum(b.kind == "item" for b in s.blocks) == 1
        for b in s.blocks:
            if lead_in and (b.kind != "para" or _timed([b.text])):
                return "\n".join(parts)
            if told and b.kind == "item":
                b = Block("para", b.line, "\n".join([b.text, *(c.strip() for c in b.children)]))
            if b.kind != "para" or (s.level < 2 and _byline(b.text) is not None) or _mail_header(b) or ((kv := _KV_LINE.match(b.text.strip()))
                                    # (a field paragraph's later long line is prose: "Outcome: nobody outside
                                    # the company downloaded anything. This was a close call, not a breach.")
                                    and (len(b.text) <= 2 * _FIELD_LINE or meta_key(kv.group(1)) is not None
                                         and not any(len(t) > _FIELD_LINE for _, (t,) in b.rows[1:]))
                                    and not (len(b.text) > 2 * _FIELD_LINE and len(_TWO_CLOCKS.findall(b.text)) >= 2)
                                    # (nor a line of key moments: "Key times (all UTC): fault introduced
                                    # 10:20; spotted 12:41; batch held (contained) 12:50; ...")
                                    and not (_KEY_TIMES.match(kv.group(1)) and len(_TWO_CLOCKS.findall(b.text)) >= 3)
                                    and section_kind(kv.group(1), whole=True) != "summary"):
                # (a long paragraph whose "key" names no field is prose: "We heard about it from
                # you: ..."; so is one that tells times: "When (CEST): stale from 10:05, a
                # ticket told us at 10:31, ..."; and so is a summary's, its name before it:
                # "Overview: During the afternoon of September 24th ...")
                continue
            # short metadata lines ("**Date Reported:** November 2024") are not prose, on
            # their own or at the head of a paragraph whose sentences follow them; a long
            # line with a label ("Overview: During the afternoon of May 6th ...") is prose
            lines = b.text.strip().split("\n")
            while lines and len(field := plain(lines[0]).strip()) <= _FIELD_LINE and _KV_LINE.match(field):
                lines.pop(0)
            if not lines:
                continue
            text = plain("\n".join(lines))
            parts.append(text)
            size += len(text)
            if size >= limit:
                return "\n".join(parts)
    return "\n".join(parts)


# "Logins failed for some users on 2 July 2024": what went wrong, then "on" the day;
# "an unplanned server outage between April 15th and 17th" (or "from"): its first day
_MONTH_NAME = r"(?:" + tp.MONTH_STEMS + r")[a-z]*\.?"
# (its words' first letters in both cases, outside the case-blind part, each word's start
# then told by a look behind it, and the word boundary before it too: the regex engine
# skips to the next o, b or f instead of trying the pattern at every character, 3x faster)
_ON_DAY = lazy_re.compile(r"(?-i:[oObBfF])(?<!\w.)(?:(?<=o)n\s+(?:the\s+)?(?=\w)|(?:(?<=b)etween|(?<=f)rom)\s+(?:the\s+)?(?="
                     + _MONTH_NAME + r"\s+\d|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_NAME + r"|\d{4}-\d\d-\d\d))",
                     re.I)
_WRONG = r"failed|failing|went\s+down|(?:was|were)\s+(?:down|unavailable|degraded|broken)|outage"
_WENT_WRONG = lazy_re.compile(r"\b(?:" + _WRONG + r"|occurr?ed|happened|started|began|experienced)\b", re.I)   # (occured: as often written)
# "After the release on Aug 24 we saw a large number of reports from users about the client
# crashing": the day, then in the same sentence what went wrong
_WENT_WRONG_AFTER = lazy_re.compile(r"\b(?:" + _WRONG + r"|crash(?:ed|es|ing)?|reports?\s+(?:from|of))\b", re.I)


# a span of days whose first names no month: "from Saturday 29 to Sunday 30 March 2025",
# "29-30 March", "the 14th and 15th of May"
# (a German day's number ends in a dot: "12. - 13. August 2020")
_DAY_SPAN = lazy_re.compile(r"\b(\d{1,2})(?:st|nd|rd|th|\.)?\s*(?:to|until|till|and|through|-|–|—)\s*"
                            r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th|\.)?"
                            r"\s+(?:of\s+)?([a-z]{3,9})\b", re.I)


def _span_start(text: str, day: date) -> date:
    """The first day of a span the text names ending on ``day`` ("Overnight from Saturday 29
    to Sunday 30 March 2025": the 29th), else ``day``."""
    for m in _DAY_SPAN.finditer(text):
        first, last = int(m.group(1)), int(m.group(2))
        if last == day.day and tp.month(m.group(3)) == day.month and 1 <= first < last:
            return day.replace(day=first)
    return day


def _narrates_day(text: str, day: date, hint) -> bool:
    """Whether a sentence of ``text`` opens on ``day`` itself ("On Sunday 4 August the purge
    found ...", with or without its year; not a bot's "Generated ... on 2025-01-16")."""
    return any(tp.date_at(text, m.end(), hint, year=day.year) == day for m in _SENTENCE_ON.finditer(text))


# (or "From the morning of Tuesday 8 July until ...": the harm's first day)
_SENTENCE_ON = lazy_re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:On|From)\s+"
                               r"(?:the\s+(?:morning|afternoon|evening|night|early\s+hours)\s+of\s+)?(?:the\s+)?")


def _narrated_date(doc: Doc, dated: date | None = None) -> date | None:
    """The first date the opening prose narrates the incident on (see _NARRATED; else
    "on <date>" shortly after words saying what went wrong). One without a year ("On
    Tuesday January 9") is the last such day on or before the document's own date."""
    text = _opening_prose(doc)
    narrations = _narrations(text)
    first = next(narrations, None)
    if first is not None and dated is not None \
            and (m := _ON_WEEKDAY_DATE.search(told := _without_clock_changes(text[:min(first.start(), 600)]))) \
            and (said := _weekday_fitting_day(told[m.start():m.end() + 40], doc.order_hint, dated)) is not None:
        # "This memo reports an Amber trigger breach ... on Friday 4 April 2025", before the
        # background's "On 1 April the consultant moved their platform": the day the
        # opening names first, with its weekday, is the incident's (not the day the clocks
        # changed: "Daylight saving time ended on Sunday, November 5")
        return said
    found = _narrated_by(itertools.chain((first,) if first is not None else (), narrations), text, doc, dated)
    if found is None:
        head = text[:600]
        ons = (m for m in _ON_DAY.finditer(head)
               if _WENT_WRONG.search(head, max(0, head.rfind(".", 0, m.start()) + 1, m.start() - 80), m.start())
               or _WENT_WRONG_AFTER.search(head, m.end(), _sentence_end(head, m.end(), 160)))
        found = _narrated_by(ons, head, doc, dated)
    if found is None and not text.isascii():
        # "2019/09/21頃より，...が遅くなっています", "9月21日から": a sentence that opens with a
        # day and a particle of time (from, since, around, on) narrates the incident from it
        for m in _CJK_FROM_DAY.finditer(text[:600]):
            if (d := tp.date_at(text, m.start("day"), doc.order_hint)) is not None:
                return d
    return found


_CJK_FROM_DAY = lazy_re.compile(r"(?:^|[。！\s])\s*(?P<day>[\d０-９][\d０-９/年月日.\-]{2,14}?)(?:頃|ごろ|前後)?(?:より|から|以来|起|开始|に)")


def _sentence_end(text: str, at: int, most: int) -> int:
    """Where the sentence holding ``at`` ends, at most ``most`` characters on."""
    stop = min(len(text), at + most)
    m = _SENTENCE.search(text, at, stop)
    return m.start() if m else stop


def _narrated_by(matches, text: str, doc: Doc, dated: date | None) -> date | None:
    for m in matches:
        at = m.end()
        if (lead := _WEEKDAY_LEAD.match(text, at)) is not None:
            at = lead.end()
        d = tp.date_at(text, at, doc.order_hint)
        if d is None:
            # "At approximately 21:00 UTC on January 13th, 2024": the time, then the day
            st = tp.read_stamp(text, doc.order_hint, start=at)
            if st is not None and st.has_time and st.has_date:
                d = _day(st.year, st.month, st.day, dated)
        if d is None and dated is not None:
            d = _date_before(text, at, doc.order_hint, dated)
        if d is not None:
            return d
    return None


def _day(year: int | None, month: int, day: int, dated: date | None) -> date | None:
    """The day, or without a year the last such day on or before ``dated`` (+1 day)."""
    years = [year] if year is not None else ([dated.year, dated.year - 1] if dated else [])
    for y in years:
        try:
            d = date(y, month, day)
        except ValueError:
            continue
        if year is not None or d <= dated + timedelta(days=1):
            return d if tp.plausible(d) else None
    return None


# a timeline that starts this long after the title's day: the title was copied from an older report
_COPIED_TITLE = timedelta(days=60)


def _check_title_date(doc: Doc, said: date | None, timeline) -> None:
    """A title that names one day (``said``, its first full date) while the timeline
    starts days away from it."""
    first = next((e for e in timeline if e.at is not None), None)
    if said and first and abs((first.at.date() - said).days) > 2 and not first.at.date() > said + _COPIED_TITLE:
        doc.problems.warning(first.line, f"the title says {said} but the timeline starts on "
                                         f"{first.at.date()}; the title's date is used")


def _report_unplaced(doc: Doc, title: str | None, read: set[int]) -> None:
    """Headed sections that no field reads from: of a kind no rule knows, and none of
    whose lines gave an action item, a timeline entry or a field (``read``: those lines;
    a task list under "Change Register" is read though its heading is not), nor whose
    subsections are read ("Root-Cause Analysis" over "Contributing Factors")."""
    starts = [s.line for s in doc.secs]
    over_read = {id(p) for s in doc.secs if id(s) in doc.kinds for p in ancestors(s)}
    read_lines = sorted(read)
    for i, s in enumerate(doc.secs):
        if s.level == 0 or s.level >= 7 or id(s) in doc.kinds or id(s) in over_read:
            continue
        if s.parent is not None and id(s.parent) in doc.kinds:
            continue
        name = plain(s.title)
        if not name or name == title or not s.blocks or name in _MAIL_PART_NAMES:
            continue   # (nor a mail's forwarded part: _mail_parts)
        at = bisect.bisect_left(read_lines, s.line)   # the first line read at or after its heading
        if at < len(read_lines) and (i + 1 == len(starts) or read_lines[at] < starts[i + 1]):
            continue
        doc.problems.warning(s.line, f"section '{name[:60]}' not recognised; no field is read from it")


_DATE_AFFIX = lazy_re.compile(r"^\s*[\d./-]{6,10}\s*[-–—:|]\s*|\s*[-–—:|(]\s*[\d./-]{6,10}\)?\s*$")


_SLUG = lazy_re.compile(r"^[a-z0-9]+(?:[_-][a-z0-9]+)+$")
_REPLY_PREFIX = lazy_re.compile(r"^(?:(?:re|fwd?|aw|sv|vs|tr)\s*:\s*)+", re.I)


def _title(doc: Doc) -> str | None:
    """The document's title: its front matter's, else its first heading's, as written
    ("# [INC-7][P0] Checkout down" keeps its brackets unless the document defines those
    labels as links)."""
    if "][" in doc.text:
        defined = {m.group(1).lower() for m in REFERENCE_DEFINITION.finditer(doc.text)}
        if not any(label.lower() in defined for label in _REFERENCE_USE.findall(doc.text)):
            return _title_from(doc, lambda text: plain(text, references=False))
    return _title_from(doc, plain)


# "[text][label]": a reference link's use (its label defined by a "[label]: url" line)
_REFERENCE_USE = lazy_re.compile(r"\]\[([^\[\]]{1,100})\]")


_TOP_LINES = 10   # a title field this near the top names the document
# a writer's line under a plain-text title: a name, then a comma and their role ("Marcus Bell,
# billing on-call"), or "by" and a name
_BYLINE_NAME = lazy_re.compile(r"(?:(?i:by)\s+)?[A-Z][a-z'’-]+(?:\s[A-Z][a-z'’-]+){1,2}(?:,\s+[\w\s/&-]{2,40})?$")
# a key that says title ("Incident Title", "TITLE", "Incident Name"), not a form's "Name:" of its writer
_TITLE_WORD = lazy_re.compile(r"\btitle\b|\bincident\s+name\b", re.I)
# a heading that names only the kind of document it heads: "Root Cause Analysis", "Incident
# Report", "Post-Incident Review", "Postmortem", "RCA", "Reason for Outage"
# (or after the organisation's name and a dash: "BOREAL GROUND NETWORK AS -- NONCONFORMANCE REPORT")
_GENRE = lazy_re.compile(r"(?:[^\n]{2,60}?\s(?:--|[—–])\s+)?"
                         r"(?:(?:major\s+|security\s+)?incident\s+|post[\s-]?incident\s+|root[\s-]+cause\s+|outage\s+"
                         r"|non[\s-]?conformance\s+|anomaly\s+)?"
                         r"(?:post[\s-]?mortem|report|review|analysis|rca|pir|rfo|reason\s+for\s+outage|retro(?:spective)?"
                         r"|write[\s-]?up|debrief)(?:\s+report)?\s*$", re.I)


# a first line labelled in capitals, then the incident's name in four words or more ("NEAR
# MISS: rate-limit tier rename almost zeroed quotas", "OUTAGE: ..."): a title, no field
_LABELLED_TITLE = lazy_re.compile(r"[A-Z][A-Z -]{2,20}:\s+\S+(?:\s+\S+){3}")


def _title_from(doc: Doc, as_text) -> str | None:
    t = front(doc, "title")
    if t:
        t = as_text(str(t))
        # "24.05.2022 - Checkout down" over "# Checkout down": a site's list title with the
        # date prefixed; the document's own heading is its title
        h1 = next((as_text(s.title) for s in doc.secs if s.level == 1 and as_text(s.title)), None)
        if h1 and h1 != t and _DATE_AFFIX.sub("", t) == h1:
            return h1
        # "title: psgallery_status": a file's slug, not words; its heading is the title
        if h1 and _SLUG.match(t):
            return h1
        return t
    if (jira := _TRACKER_SUMMARY.match(doc.text)) is not None:
        return as_text(jira.group(1).strip())   # a tracker's export opening "Summary: ..." over "Key:", "Project:"
    headed = [s for s in doc.secs if s.level > 0 and s.level < 7]
    if "title" in doc.meta and headed and (headed[0].level == 1 and _GENRE.match(clean_heading(as_text(headed[0].title)))
                                           or "   " in headed[0].title) \
            and headed[0].line < doc.meta["title"][1] <= headed[0].line + _TOP_LINES:
        # "ROOT CAUSE ANALYSIS" over "Incident Title : Packet drops on edge nodes": the
        # heading names the kind of document, the field below it the incident; so does a
        # print's page header set in columns ("NORTHGATE WATER      CONTROL CENTRE      FORM CC-7")
        return doc.meta["title"][0]
    if "title" in doc.meta and not any(s.level == 1 for s in headed) and (
            _OPENS_WITH_TITLE.match(doc.text) or doc.meta["title"][1] <= _TOP_LINES and headed
            and doc.meta["title"][1] > headed[0].line and not doc.secs[0].blocks):
        # "Title: ..." atop the text, its front matter in all but name; or a "| Title | ... |"
        # row in the fields under the first heading, a spreadsheet's sheet named "Summary"
        return doc.meta["title"][0]
    # the three shallowest heading levels the document uses, as written: an excerpt of a
    # status page may start at "### May 25-June 7, 2021"
    for level in sorted({s.level for s in headed})[:3]:
        for s in headed:
            if s.level == level and as_text(s.title):
                if level > 1 and section_kind(s.title) is not None:
                    continue
                return as_text(s.title)
    if (page := front(doc, "page_title")):
        return as_text(str(page))
    # a bold line opening the document: "**Search indexer backlog - 2020-09-17**"
    first = next((s for s in doc.secs if s.level > 0), None)
    # (its section read as a kind by what it holds, not by its name: "**Ironworks Fitness: ...
    # outage, Tue 1/21/25**" over the whole note, its timeline bullets included)
    if first is not None and first.level >= 7 and (id(first) not in doc.kinds or section_kind(plain(first.title)) is None) \
            and not any(b for s in doc.secs[:1] for b in s.blocks):
        return as_text(first.title)
    if "title" in doc.meta:
        return _REPLY_PREFIX.sub("", doc.meta["title"][0])   # ("RE: Postmortem v2 – ..." sent as an email)
    # a report as plain text (a PDF's text, a pasted email) with no heading of any kind
    # names itself in its first paragraph: one or two short lines, no sentence ending
    # (headings that only name the parts of the record, "Activity (newest first)" under a
    # pasted ticket's fields, name no title: the first line still does)
    if not any(section_kind(s.title) is None for s in headed) \
            and not any(s.level >= 7 for s in doc.secs[:2] if id(s) not in doc.kinds):
        opening = next((b for s in doc.secs[:1] for b in s.blocks), None)
        if opening is not None and opening.kind == "para" and len(opening.rows or [0]) == 2 \
                and _BYLINE_NAME.match(opening.rows[1][1][0].strip()) \
                and not opening.rows[0][1][0].rstrip().endswith((".", "!", "?", ":")):
            return as_text(opening.rows[0][1][0])   # a title over its writer's line: "Marcus Bell, billing on-call"
        if opening is not None and opening.kind == "para" and len(opening.rows or [0]) == 2 \
                and _GENRE.fullmatch(plain(opening.rows[1][1][0]).strip()) \
                and not opening.rows[0][1][0].rstrip().endswith((".", "!", "?", ":")):
            # a title over the letterhead that names the kind of paper: "Wattle Fleet Leasing Pty
            # Ltd -- Incident Report"
            return as_text(opening.rows[0][1][0])
        if opening is not None and opening.kind == "para" and len(opening.rows or [0]) <= 2 \
                and len(opening.text) <= 120 and not opening.text.rstrip().endswith((".", "!", "?", ":")):
            return as_text(opening.text)
    # ... or in its first line, the fields below it ("SEV3 - search served stale prices -
    # 2024-08-06" over "Author: Tomasz K. Status: closed."), whatever sections follow
    opening = next((b for s in doc.secs[:1] if s.level == 0 for b in s.blocks[:1]), None)
    if opening is not None and opening.kind == "para" and len(opening.rows or ()) >= 2 \
            and not any(s.level == 1 for s in headed):
        # (a field wrapped onto the next line continues it: _field_lines)
        first_line, rest = opening.rows[0][1][0].strip(), [row[1][0] for row in _field_lines(opening.rows[1:])]
        field_like = _KV_LINE.match(plain(first_line)) and not _LABELLED_TITLE.match(first_line)
        if len(first_line) <= 120 and not first_line.endswith((".", "!", "?", ":")) \
                and not field_like and all(_KV_LINE.match(plain(r).strip()) for r in rest):
            return as_text(first_line)
        # (or over a line that says whose it is, then the fields: "LIMS outage during C-shift -
        # 08-Feb-2024" over "Vellanki Pharma, Unit-II | shift handover note" over "Ticket: ...")
        if len(first_line) <= 120 and not first_line.endswith((".", "!", "?", ":", ",")) and len(rest) >= 2 \
                and not field_like and rest[0][:1].isupper() and not rest[0].rstrip().endswith(".") \
                and all(_KV_LINE.match(plain(r).strip()) for r in rest[1:2]):
            return as_text(first_line)
    return None


# the words a line that states the document's zone holds, in the languages it is stated in
# ("All times UTC", "Toutes les heures ... en heure de Paris", "alle Uhrzeiten in MESZ",
# "Todas las horas ...", "Zona waktu: WIB (UTC+7)", "本書の時刻は ... 日本時間（JST）")
_ZONE_LINE_WORDS = ("time", "hour", "zone", "zona", "heure", "hora", "horário", "horario", "uhrzeit", "zeit", "tijd", "orari", "czas", "tid",
                    "waktu", "時刻", "時間", "时间", "時区", "时区", "giờ", "saat", "время", "시간", "aikaa", "ora ",
                    "when (")   # ("When (CEST): stale from 10:05, ...": a field's key that names its zone)
# (any of them in a lowercased line, as one scan: the first 400 lines of every document
# pass through it)
_ZONE_LINE = lazy_re.compile(any_of(_ZONE_LINE_WORDS))


def _doc_zone(doc: Doc, options: Options) -> tp.Zone | None:
    """The zone the timeline's times are written in: stated in the timeline's heading
    or its first lines, else anywhere a sentence states one, else the default."""
    candidates: list[str] = []
    for s in doc.of_kind("timeline"):
        for b in s.blocks[:3]:
            if b.kind == "table" and b.rows and len(heads := [plain(c).strip() for c in b.rows[0][1]]) >= 3 \
                    and (z := tp.zone(heads[0])) is not None and tp.zone(heads[1]) is not None:
                # "| Eastern | Singapore | What happened |": one moment in two clocks, its first
                # column's read ("The Eastern column is New York time; the Singapore column is SGT")
                doc.zone_stated = True
                return z
    # (a timeline named by its heading first: a list of timed log lines elsewhere may
    # state the zone its own times are in, "Client logs are in EDT:")
    for s in sorted(doc.of_kind("timeline"), key=lambda s: id(s) in doc.by_shape):
        candidates.append(s.title)
        # (a day's part of the timeline: its first entry's "02:48 (CEST)" is that entry's
        # clock; its table's header may still name the column's zone)
        part = s.parent is not None and doc.kinds.get(id(s.parent)) == "timeline"
        for b in s.blocks[:3]:
            if b.kind in ("para", "item") and not part:
                candidates.append(b.text)
            elif b.kind == "table" and b.rows:
                # (the first column that names a zone: "| ET | Play Console (UTC) | ...": the
                # times read are the first column's, whatever zone a later column gives)
                # ("| AEDT (Thu 20 Nov unless noted) | GMT |": the abbreviation opening a cell)
                cells = [f"(times {z.group(1)})" if (z := _ZONE_CELL.match(c)) and tp.zone(z.group(1)) is not None else c
                         for c in (plain(c).strip() for c in b.rows[0][1])]
                candidates.append(next((c for c in cells if c and tp.stated_zone(c) is not None), " ".join(b.rows[0][1])))
    titles = {s.title for s in doc.of_kind("timeline")}
    for text in candidates:
        # (read as shown: "IST (UTC\+05:30)" as Google Docs exports it, "**Times:** ...")
        z = tp.stated_zone(plain(text))
        if z is None and text in titles and (tail := _HEADING_TAIL.search(plain(text))) is not None:
            z = tp.zone(tail.group(1))   # "## Timeline — Thursday 10 July 2025, BST": its last part the clock's zone
        if z is not None and text not in titles and "/" in z.name and not _SAYS_TIME.search(text):
            continue   # "Shift 1 - APAC (Singapore), Wei Jie Tan": where someone was, not the clock
        if z is None and text not in titles and (m := _PLACE_TIME.search(plain(text)[:300])) is not None:
            z = tp.zone(m.group(1))   # "Zulip shows all of us Amsterdam time": a place's clock, in the timeline's note
        if z is not None:
            doc.zone_stated = True
            return z
    head = doc.lines[:401]
    for i, line in enumerate(head[:400]):
        if _ZONE_LINE.search(line.lower()):
            z = tp.stated_zone(plain(line))
            if z is None and line.lstrip()[:1] == "|":
                # a fields table's row, "| Times | UTC+2 |": its key and value as a field line
                z = tp.stated_zone(": ".join(c for c in (plain(c).strip() for c in line.strip().strip("|").split("|")) if c))
            if z is None and len(line) > 300:
                # (a long paragraph's later sentence: "... Android was unaffected. Times are
                # Melbourne time (AEDT).", past the 300 characters a statement is looked for in)
                z = next((z for sentence in _SENTENCE.split(plain(line)) if _ZONE_LINE.search(sentence.lower())
                          and (z := tp.stated_zone(sentence)) is not None), None)
            nxt = i + 1
            while nxt < len(head) and _COMMENT_LINE.match(head[nxt]):
                nxt += 1   # (a template's guide under a form's question: "<!-- Fill in ... -->")
            heading = line.lstrip().startswith("#")
            if z is None and head[nxt:nxt + 1] and head[nxt].strip() and (heading or not line.rstrip().endswith(".")):
                # a sentence wrapped onto the next line: "All times in this\nadvisory are Helsinki time.",
                # "Timestamps are the phone's:\nLagos time, UTC+1.";
                # a form's question over its answer: "### Time zone of the times below:\nEastern (New York)"
                z = tp.stated_zone(plain(line + " " + head[nxt].strip()))
            if z is None and "/" in line and (m := _IANA_IN_LINE.search(line)) and _ZONE_OR_TIMES.search(line):
                # "Jira shows dates and times in the profile zone of the user who exported
                # the issue (Rui Tavares, Europe/Lisbon)": a zone's own name in a line about the clock
                z = tp.zone(m.group(0))
            if z is not None:
                doc.zone_stated = True
                return z
    # no sentence states one, but the document writes one zone beside its clock times
    # ("(16:30 CET)", "10:00 - 10:15 CET"): times written without a zone are in it too
    written = {m.group(1) for m in _ZONE_AFTER_TIME.finditer("\n".join(doc.lines[:400]))}
    zones = {z.name: z for z in map(tp.zone, written) if z is not None}   # ("PT" and "Pacific": one zone)
    if len(zones) == 1:
        doc.zone_stated = True
        return zones.popitem()[1]
    return tp.zone(options.default_zone) or tp.ZONE_UTC


_COMMENT_LINE = lazy_re.compile(r"^\s*<!--.*-->\s*$")
# a table's header cell that is a zone's abbreviation ("ET", "UTC", "CEST"), perhaps with a
# note in brackets after it ("AEDT (Thu 20 Nov unless noted)")
_ZONE_CELL = lazy_re.compile(r"^([A-Z]{2,5})(?:$|\s+\()")
# a place's name and "time" ("Amsterdam time", "New York time", "Pacific time")
_PLACE_TIME = lazy_re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)\s+time\b")
# an IANA zone's name, and a line that speaks of zones or of its times
_IANA_IN_LINE = lazy_re.compile(r"\b(?:Europe|America|Asia|Australia|Africa|Pacific|Atlantic)/[A-Z][A-Za-z_]+(?:/[A-Z][A-Za-z_]+)?")
_ZONE_OR_TIMES = lazy_re.compile(r"\b(?:zone|times)\b", re.I)


# "16:30 CET", "1:22 PM PST", "9.05 a.m. (EST)", "9:00 AM GMT+5:30": a zone written beside a clock time;
# "17:30 Central Time", "9:10 AM Winnipeg time": a zone word or a city before "time"
# (the hour's first digit, then a look behind for the word boundary before it:
# "\b\d{1,2}" has no first character the regex engine can skip to; this one only at digits)
_ZONE_AFTER_TIME = lazy_re.compile(r"\d(?<!\w\d)\d?[:.h]\d{2}(?::\d{2})?\s*(?:[aApP]\.?[mM]\.?\s*)?\(?"
                              r"([A-Z]{2,5}(?:[+-]\d{1,2}(?::\d{2})?)?\b|(?i:[a-z]{4,16})(?=\s+(?i:time)\b)"
                              # "between 9:41 a.m. and 10:35 a.m. Eastern": a US zone word alone
                              r"|(?:Eastern|Pacific|Central|Mountain)\b)")


_TITLE_CLOCK = lazy_re.compile(r"\d:\d\d")
# a paragraph opened by a bold label naming the impact, its own run-in heading:
# "**Impact.** Every service ...", "**Customer impact:** ..." (not "**Scope.**": what a
# review covers)
_RUN_IN = lazy_re.compile(r"^(?:\*\*|__)(?:(?:customer|user|business|service)\s+)?impact(?:ed)?[.:](?:\*\*|__)\s*(?=\S)",
                     re.I)


# the same label in plain words, a few words after it: "Impact in one line:", "Customer impact:"
_PLAIN_RUN_IN = lazy_re.compile(r"(?:(?:customer|user|business|service)\s+)?impact(?:ed)?(?:\s+[\w-]+){0,3}\s*:\s*(?=\S)",
                                re.I)


_FIELD_SIZED = 200   # characters: a window stated with its length outside the summary is a field's line, not prose
_NOT_THE_WINDOWS = {"timeline", "actions", "factors", "lessons", "went_well", "went_wrong", "lucky",
                    "detection", "resolution"}


# a line of its own whose key, however long, names the window: "Period without detection on
# levels 4 and 5: 12:58 to 15:41"
_WINDOW_LINE = lazy_re.compile(r"^([^\W\d_][\w ,/()-]{0,60}?)\s*:\s+(.+)$")


def _outside_timeline(doc: Doc):
    """Each paragraph and item (with its sub-lines) in the sections that may state the
    incident's window, above the timeline (where a document sums itself up: its fields,
    its summary), and not its follow-ups, causes or lessons."""
    for sec in doc.secs:
        kind = doc.kinds.get(id(sec))
        if kind == "timeline":
            return
        if kind in _NOT_THE_WINDOWS or id(sec) in doc.drafts:
            continue
        for b in sec.blocks:
            if b.kind not in ("item", "para") or tp.clocks_at_most(b.text) + len(b.children) < 2:
                continue   # (no two clocks in it: most blocks)
            if b.kind == "item":
                yield b.text
                yield from b.children
            else:
                for _, (line_text,) in b.rows:   # (its lines, and each line's sentences)
                    yield from _SENTENCE.split(line_text) if len(line_text) > _FIELD_SIZED else (line_text,)


def _run_in(doc: Doc):
    """The text of each paragraph, anywhere, that a run-in impact label opens ("**Impact.**",
    "Impact in one line:")."""
    for sec in doc.secs:
        for b in sec.blocks:
            if b.kind == "para" and b.text[:2] in ("**", "__") and (m := _RUN_IN.match(b.text)):
                yield b.text[m.end():]
            elif b.kind == "para" and b.text[:1] in "IiCcUuBbSs" and (m := _PLAIN_RUN_IN.match(b.text)):
                yield b.text[m.end():]   # "Impact in one line: 0521Z–0819Z, about 3 hours, ..."


def _response_time(text: str) -> bool:
    """An item that gives how long the response took ("Time to resolve (TTR): 13 minutes
    (12:05z → 12:18z)", "MTTR: ..."): its clock times are the response's, not the impact's."""
    return (m := _KV_LINE.match(plain(text))) is not None and meta_key(m.group(1)) in ("ttd", "ttm", "ttr")


def _window_field(doc: Doc):
    """(start, end) of a front-matter window whose ends are written with notes between
    them ("incident_window: 2026-04-28 ~22:22Z (first seen) → 2026-04-28 22:37:08Z
    (recovered)"), read only where nothing in the body gives a range; a start given as a
    day alone is None."""
    value = front(doc, "window")
    if not isinstance(value, str) or not (parts := _WINDOW_ENDS.split(value, maxsplit=1))[1:]:
        return None
    first = tp.read_stamp(plain(parts[0]).strip().lstrip("~≈ "), doc.order_hint)
    second = tp.read_stamp(plain(parts[1]).strip().lstrip("~≈ "), doc.order_hint)
    if first is None or second is None or not (first.has_date and second.has_time):
        return None
    # (a start given as a day alone, "2026-05-11 (last message saved) → 2026-06-02 ~22:36Z",
    # leaves the start open; "2024-03-05 10:02 UTC → 10:40 UTC" ends on the start's day)
    start = tp.stamp_datetime(first, None, doc.zone) if first.has_time else None
    day = None if second.has_date or first.year is None else date(first.year, first.month, first.day)
    end = tp.stamp_datetime(second, day, doc.zone)
    return (start, end) if end is not None else None


# (the arrow alone: the spaces around it are stripped after, so a run of them costs linear time)
_WINDOW_ENDS = lazy_re.compile(r"→|->|⇒|=>")


# a measure said to have risen over a window, not the harm's own window: "Call volume at
# customer service 3.4x normal between 08:05 and 11:00"
_MEASURED_WINDOW = lazy_re.compile(r"\b\d+(?:[.,]\d+)?\s*[x×]\s+(?:the\s+)?(?:normal|usual|baseline|average)\b"
                                   # a count's window: "we see about 9,000 requests between 6:00 and 8:00 AM"
                                   r"|\b\d[\d,.]*\s*[kK]?\s+(?:requests|calls|orders|transactions|messages|sessions|logins|bookings)"
                                   r"\s+(?:between|from)\b"
                                   # ... or a routine's hours: "most fleets dispatch between 06:30 and 08:00",
                                   # "we normally see ... between", "on a typical weekday ... between"
                                   # ("the tablet is \"meant\" to be docked in the gatehouse from 17:00 to 07:00")
                                   r"|\b(?:usually|normally|typically|generally|ordinarily|meant|supposed)\b"
                                   r"[^.;]{0,60}?\b(?:between|from)\b"
                                   # ("Move-ins are scheduled between 1000 and 1700", "offices are staffed 0900-1800")
                                   r"|\b(?:are|is)\s+(?:scheduled|booked|staffed)\b"
                                   r"|\bon\s+a\s+(?:normal|typical|usual|regular)\s+\w+\b[^.;]{0,60}?\bbetween\b"
                                   r"|\bmost\s+[a-z]+\s+(?:dispatch|start|begin|arrive|leave|commute|travel|shop|order|book|log\s+in)\s+between\b"
                                   # ("we saw almost 41,000, most of them between 6:30 and 7:30 AM")
                                   r"|\b(?:most|many|half|the\s+bulk)\s+of\s+them\s+between\b"
                                   r"|\b(?:call|ticket|traffic|request|contact|support|chat)\s+volumes?\b"
                                   # a chart's span: 'caption="p95 queue time by mode, 13:30–17:30 KST"'
                                   r"|\b(?:caption|figure)\b|\balt\s*[=:]|chart\b"
                                   # "The Service Desk received 417 calls and 260 chat requests between
                                   # 10:00 a.m. and 12:00 p.m.": a count's window, not the outage's
                                   r"|\b(?:received|took|handled|logged|answered)\s+(?:about\s+|over\s+|some\s+)?[\d,]+\s+"
                                   r"(?:\w+\s+)?(?:calls|tickets|chats?|emails|requests|contacts|complaints)\b", re.I)


def _impact_range(doc: Doc, incident_date: date | None, title: str | None = None):
    """(start, end) of a range like ``Duration: 14:58–15:20 UTC (22 min)`` in Impact, a
    Duration or Time field, the Summary, a line outside the timeline that states its
    length beside it ("Etki süresi : 46 dakika (09.40 - 10.26)"), a bold run-in impact
    label, the title ("... outage 2021-10-08 23:01 - 2021-10-09 02:40 UTC") or the
    opening prose; else of a front-matter window (_window_field)."""
    # (a field that states the window, "**Exposure window:** 16:42 – 17:31 CET", "| Time |
    # 0730 - 1230 (UTC) |", before a range the summary's prose names: the abuse "between
    # 16:55 and 17:31", within it)
    if doc.window_names_impact and (found := _field_range(doc, incident_date)) is not None and None not in found[:2]:
        # a field naming the impact's window, "**Impact window:** 04:12–06:40 UTC", over an
        # Impact section's list of the harms it did ("Line 1 idle from 06:00 to 08:15 BST")
        return found
    found = _section_range(doc, "impact", incident_date)
    if found and None not in found[:2] and (told := _section_range(doc, "summary", incident_date)
                                            or _opening_range(doc, incident_date)) \
            and None not in told[:2] and told[1] <= found[0] and _field_range(doc, incident_date) is None:
        # the summary's window of the harm ("overflowed ... from 03:26 to 04:57") ends before
        # the Impact section's starts ("Ridgeview Drive closed 06:10 to 09:15"): that one is
        # an aftermath's hours, one harm among those the section lists (so does a TL;DR's
        # above the sections: "between 07:12 and 09:41 BST ... let clients book into blocked
        # slots", before "Online booking was unavailable ... from 09:41 to 16:25", the remedy's)
        return told
    if not found and (field := _field_range(doc, incident_date)) is not None and None not in field[:2] \
            and _BARE_WINDOW.match(doc.lines[doc.meta["duration"][1] - 1] if "duration" in doc.meta else "") \
            and (told := _section_range(doc, "summary", incident_date)) is not None and None not in told[:2] \
            and field[0] <= told[0] < told[1] <= field[1] and told[:2] != field[:2]:
        # a bare "| Window | Sa 08.02.2025 22:00 – So 09.02.2025 04:00 CET |", a change's
        # hours, around the summary's "scans failed with 500s from 01:03 to 01:47": the harm's
        return told
    found = found or _field_range(doc, incident_date) or _section_range(doc, "summary", incident_date)
    if found:
        return found
    for text in _outside_timeline(doc):   # "Etki süresi : 46 dakika (09.40 - 10.26)"
        if len(text) <= _FIELD_SIZED and not _A_MEETING.search(text) \
                and (found := stated_window(text, incident_date, doc.zone, doc.order_hint)):
            return found
        if len(text) <= _FIELD_SIZED and (m := _WINDOW_LINE.match(plain(text).strip())) and WINDOW_KEY.match(m.group(1)) \
                and (found := find_range(m.group(2), incident_date, doc.zone, doc.order_hint)):
            return found   # a line of its own that names the window: "Period without detection on levels 4 and 5: 12:58 to 15:41"
    for text in _run_in(doc):   # "**Impact.** Every service was unreachable 03:35–09:17 UTC"
        if (found := find_range(text, incident_date, doc.zone, doc.order_hint)):
            return found
    # (a title's "11.10 to 11.12" is a version, not a window: its clocks have colons, and
    # it names a day or a zone)
    if title and _TITLE_CLOCK.search(title) and (tp.find_date(title, doc.order_hint) or tp.stated_zone(title)) \
            and (found := find_range(title, incident_date, doc.zone, doc.order_hint)):
        return found
    # whatever the sections say or not, a post's opening may state it ("from 17:09 EST to
    # approximately 23:42 EST ... were unavailable", before a TL;DR that does not)
    if (found := _opening_range(doc, incident_date)) is not None:
        return found
    # (or a later section's story says whom it harmed and from when to when: "Passengers
    # were affected from 08:52, when the first gate change failed to appear, until 09:58.")
    for s in doc.secs:
        if doc.kinds.get(id(s)) not in ("went_wrong", "factors", None) or s in doc.secs[:2]:
            continue
        for b in s.blocks:
            if b.kind == "para" and "affected from" in b.text:
                for sentence in _SENTENCE.split(plain(b.text)):
                    if (m := _AFFECTED_FROM.search(sentence)) and (found := _range_span(sentence[m.end():], incident_date, doc.zone, doc.order_hint)):
                        return found[:2]
    return _window_field(doc)


def _tells_the_routine(sentence: str) -> bool:
    """Whether a sentence says it tells how things run when nothing is wrong (_BACKGROUND):
    "For context, a normal KVD morning: ... vans load between 05:30 and 06:30"."""
    return ("ormal" in sentence or "sual" in sentence or "ontext" in sentence or "eference" in sentence) \
        and _BACKGROUND.search(sentence) is not None


def _opening_range(doc: Doc, incident_date: date | None):
    """The first window of the harm a sentence of the opening prose states, or None (not in
    a Background section's: "their addressing line runs 11:00 a.m. to 5:00 p.m.", the routine)."""
    routine = None
    for sentence in _SENTENCE.split(_opening_prose(doc)):
        if _IMPACT_WORDS.search(sentence) and not _MEASURED_WINDOW.search(sentence) and not _REMEDY_HOURS.search(sentence):
            if routine is None:
                routine = " ".join(" ".join(plain(b.text).split()) for s in doc.secs if _BACKGROUND.search(clean_heading(plain(s.title)))
                                   for b in s.blocks if b.kind in ("para", "item"))
            if routine and " ".join(sentence.split()) in routine or _tells_the_routine(sentence):
                continue
            found = _range_span(plain(sentence), incident_date, doc.zone, doc.order_hint)
            if found and not _MEETING_BEFORE.search(plain(sentence), max(0, found[2] - 50), found[2]) \
                    and not _A_MEETING.search(plain(sentence), max(0, found[2] - 50), found[3] + 30):
                # (nor a meeting's hours with its note after them: "3:00 PM – 3:40 PM CEST · Recorded")
                return found[:2]
    return None


# who was harmed, then from when: "Passengers were affected from 08:52, when ..., until 09:58"
_AFFECTED_FROM = lazy_re.compile(r"\b(?:were|was)\s+(?:\w+\s+)?affected\s+from\s+(?=\d)", re.I)


# the writer stating a key moment in a sentence of the summary or the impact: "The impact
# started at 17:50, when the trailer left ...", "Customer impact ended at 20:14 GMT.", "we
# treat the incident as mitigated when that second vehicle left at 21:40"
# (or a key-times line without the "at": "Problem started **0702H** · noticed **0745H** · ...")
_PROSE_STARTED = lazy_re.compile(r"\b(?:the\s+)?(?:customer\s+)?(?:impact|outage|disruption|problem)\s+(?:started|began)\s+(?:at\s+)?"
                                 r"(?:about\s+|around\s+|approximately\s+)?(?=\d)", re.I)
# ("Impact mitigated from 15:12 (trains running on written orders)": eased from then on)
_PROSE_ENDED = lazy_re.compile(r"\b(?:the\s+)?(?:customer\s+)?(?:impact|outage|disruption|problem)\s+(?:ended|stopped|mitigated(?=\s+(?:from|at|since)\s))"
                               r"\s+(?:at\s+|from\s+|since\s+)?"
                               r"(?:about\s+|around\s+|approximately\s+)?(?=\d)"
                               # ("Mitigated by rollback to v2.40.3 at 10:59 UTC": the sentence that says it)
                               r"|(?:^|(?<=[.!]\s))mitigated\s+(?:by\s+(?:[^.;:]|\.(?=\S)){1,60}?\s+)?at\s+(?=\d)"
                               r"|\b(?:treat|count|consider|regard|take)\s+(?:the\s+)?(?:incident|impact|outage)\s+as\s+mitigated\s+"
                               r"(?:when|once|at)\b[^.;:]{0,80}?\bat\s+(?=\d)"
                               # ("We consider the incident mitigated at 11:05 EAT, when the script was stopped")
                               # (not "as mitigated at 07:00 Central on the Tuesday": a day after the time, read above)
                               r"|\b(?:treat|count|consider|regard)\s+(?:the\s+)?(?:incident|impact|outage)\s+mitigated\s+at\s+(?=\d)"
                               # ("We count impact as ending at 01:20 on Thursday 22 May, when the fibre was repaired")
                               r"|\b(?:treat|count|consider|regard|take)\s+(?:the\s+)?(?:customer\s+)?(?:impact|outage)\s+as\s+"
                               r"(?:ending|ended|over|having\s+ended)\s+(?:at\s+)?(?=\d)", re.I)


def _stated_in_prose(doc: Doc, incident_date: date | None) -> None:
    """Key moments the Summary or Impact sections state in a sentence (_PROSE_STARTED,
    _PROSE_ENDED), as stated figures (doc.stated): a figure the writer gives outranks
    one inferred from the timeline."""
    if incident_date is None:
        return
    texts = [plain(b.text) for s in (*doc.of_kind("summary"), *doc.of_kind("impact")) for b in s.blocks
             if b.kind in ("item", "para") and (" at " in b.text or "started" in b.text or "began" in b.text
                                                 or "ended" in b.text or "stopped" in b.text)]
    opening = _opening_prose(doc)
    for text in (opening, *(plain(b.text) for s in doc.of_kind("summary") for b in s.blocks if b.kind in ("item", "para"))):
        if "imes" in text or "oments" in text or "ilestones" in text or "imings" in text or "igures" in text:
            for line in text.split("\n"):
                if (m := _KEY_TIMES_LINE.search(line)) is not None:
                    _stated_moments(doc, m, incident_date)
                elif (m := _KEY_TIMES_NAMED.search(line, 0, 120)) is not None:
                    _stated_sentences(doc, line[m.end():], line[m.end():m.end() + 60], incident_date)
    for s in doc.secs[:3]:
        # (or a callout's whose name is its title, which the opening's text leaves out:
        # '<Callout type="info" title="Key times (Sydney time, AEDT)">')
        for b in s.blocks[:4]:
            if b.kind == "para" and b.text[:1] == "<" and (m := _KEY_TIMES_NAMED.search(b.text, 0, 120)) is not None:
                _stated_sentences(doc, plain(b.text), b.text[m.end():m.end() + 60], incident_date)
    _mitigated_said_after(doc, incident_date)
    _detected_by_its_wait(doc, [opening, *(plain(b.text) for s in doc.of_kind("summary") for b in s.blocks
                                          if b.kind in ("item", "para"))], incident_date)
    if " at " in opening:
        texts.append(opening)   # (a post's opening, or a "Short description" no kind names)
    # (and a timeline's own notes under its entries, no entry themselves: "Time to detect: 7
    # minutes ..." then "Mitigated at 06:35 when the last truck left the yard.")
    texts.extend(plain(b.text) for s in doc.of_kind("timeline") if id(s) not in doc.by_shape for b in s.blocks
                 if b.kind == "para" and "itigated" in b.text and not _timed([b.text]))
    for text in texts:
        for key, rx in (("started", _PROSE_STARTED), ("mitigated", _PROSE_ENDED)):
            if key in doc.stated or (m := rx.search(text)) is None:
                continue
            st = tp.read_stamp(text, doc.order_hint, start=m.end())
            # (its day after the clock, perhaps: "ending at 01:20 on Thursday 22 May")
            if st is None or not st.has_time or st.end - m.end() > (40 if st.has_date else 20):
                continue
            if (at := tp.stamp_datetime(st, incident_date, st.zone or doc.zone)) is not None:
                doc.stated[key] = at


# the wait before it was found, named with its two ends: "Time to detect was **16 minutes**
# (02:21 → 02:37)", "Time to detect was 35 minutes, from the first duplicate payout at 09:03 to
# the reconciliation flag at 09:38"
_TIME_TO_DETECT = lazy_re.compile(r"\btime[\s-]+to[\s-]+detect(?:ion)?\b", re.I)
_FROM_AT_TO_AT = lazy_re.compile(r"\bfrom\s[^.;]{0,80}?\bat\s+~?\d{1,2}[:.]\d\d\b[^.;]{0,20}?\b(?:to|until|till)\s"
                                 r"[^.;]{0,80}?\bat\s+(?P<end>~?\d{1,2}[:.]\d\d)\b", re.I)


def _detected_by_its_wait(doc: Doc, texts: list[str], incident_date: date) -> None:
    """The detection a sentence stating the time to detect gives by the range it names:
    the range's end, as a stated figure."""
    if "detected" in doc.stated:
        return
    for text in texts:
        if "detect" not in text:
            continue
        for sentence in _SENTENCE.split(text):
            if (m := _TIME_TO_DETECT.search(sentence)) is None:
                continue
            if (found := _range_span(sentence[m.end():], incident_date, doc.zone, doc.order_hint)) is not None:
                doc.stated["detected"] = found[1]
                return
            if (ends := _FROM_AT_TO_AT.search(sentence, m.end())) is not None \
                    and (st := tp.read_stamp(sentence, doc.order_hint, start=ends.start("end"))) is not None and st.has_time \
                    and (at := tp.stamp_datetime(st, incident_date, st.zone or doc.zone)) is not None:
                # (each end named before its clock: "from the first duplicate payout at 09:03 to
                # the reconciliation flag at 09:38")
                doc.stated["detected"] = at
                return


# the writer pointing back at the moment just told as the end of the harm: "That is when we
# consider the impact mitigated", "so that's what we count as the end of the impact"
_MITIGATED_BACK = lazy_re.compile(r"\b(?:that|this)(?:\s+is|['’]s|\s+was)\s+(?:when|the\s+(?:point|moment|time)|what)\b"
                                  r"[^.;]{0,60}?\bwe\s+(?:consider|count|treat|call|take)\s+(?:the\s+|it\s+)?"
                                  r"(?:(?:incident|impact|outage)\s+)?(?:as\s+)?(?:mitigated|the\s+end\s+of\s+(?:the\s+)?"
                                  r"(?:customer\s+)?impact)\b", re.I)


def _mitigated_said_after(doc: Doc, incident_date: date) -> None:
    """The mitigation the writer states by pointing back at the moment the sentence before
    told ("The priority restore that started at 15:15 finished 25 minutes later ... That is
    when we consider the impact mitigated"): that moment, read with the section's story up
    to it (its day, its half of a 12-hour clock), as a stated figure."""
    if "mitigated" in doc.stated or not ("mitigated" in (doc.text or "") or "end of" in (doc.text or "")):
        return   # (one look at the text spares the rest of the documents the sections' prose)
    for s in doc.secs:
        if doc.kinds.get(id(s)) in ("actions", "factors", "lessons", "went_well") \
                or not any("mitigated" in b.text or "end of" in b.text for b in s.blocks):
            continue
        told = []
        for b in s.blocks:
            if b.kind not in ("para", "item"):
                continue
            text = plain(b.text)
            # (a sentence of its own, pointing back: not "We got a file to them two hours after
            # that call; that is the point we consider it mitigated", a moment it counts itself)
            if ("mitigated" in text or "end of" in text) and (m := _MITIGATED_BACK.search(text)) is not None \
                    and not text[max(0, text.rfind(".", 0, m.start()) + 1):m.start()].strip():
                entries = prose_entries(doc, "\n".join([*told, text[:m.start()]]), incident_date)
                if entries:
                    doc.stated["mitigated"] = entries[-1].at
                    return
            told.append(text)


# a line of the incident's key moments, each named before its time: "Key times (all UTC):
# fault introduced 10:20; spotted 12:41; batch held (contained) 12:50; review closed 16:30"
# (or a sentence that lists them after a colon: "the group agreed these timings: issue start
# 14:02 (deploy), detected 17:15, contained 17:40 (rollback), resolved 18:30")
_KEY_TIMES_LINE = lazy_re.compile(r"(?:^\W*|\b)" + _MOMENTS_NAME + r"(?P<note>[^:\n.]{0,40}):\s*(?P<items>.+)$", re.I)
_MOMENT_ITEM = lazy_re.compile(r"\s*(?P<name>[^\d;·•|,]{3,40}?)\s+(?=\d)")
# what separates the moments: a list's separator, or a comma before the next one's name
_MOMENTS_SEP = lazy_re.compile(LIST_SEP + r"|,\s+(?=[^\d,;]{3,40}?\s\d)")


# a block of key moments told in sentences, under its name: '<Callout title="Key times (Sydney
# time, AEDT)"> Impact began **01:15** on Tuesday 11 February. Detected **07:46** (first family
# call to a centre). Subsidy restored **14:10** the same day. Incident closed **16:45** ...'
_KEY_TIMES_NAMED = lazy_re.compile(r"\bkey\s+(?:times|timings|moments|timestamps)\b|\bmilestones\b", re.I)
# ... each sentence a moment's name, then its clock
_MOMENT_SENTENCE = lazy_re.compile(r"^\W*(?P<name>[A-Za-z][A-Za-z -]{2,30}?)\s+(?:at\s+)?(?=[*_]*~?\d{1,2}[:.]\d\d)")
# ... and a day named after the clock: "on Wednesday 12 February"
_ON_DAY_AFTER = lazy_re.compile(r"\s*(?:[A-Z]{2,5}\s+)?on\s+(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?", re.I)


def _stated_sentences(doc: Doc, text: str, note: str, incident_date: date) -> None:
    """The moments a block of key moments states in sentences (_KEY_TIMES_NAMED), three at
    least, as stated figures: each sentence's opening words are a field's key ("Impact
    began", "Detected", "Incident closed"; "Subsidy restored", what the users had back), its
    clock the value, on the day named after it or the incident's, in the zone the block's
    name notes ("Key times (Sydney time, AEDT)") or the document's."""
    zone = tp.stated_zone("(" + note.split(")")[0].strip(" (") + ")") if "(" in note[:3] else None
    zone = zone or doc.zone
    said = {}
    for sentence in _SENTENCE.split(text):
        if (named := _MOMENT_SENTENCE.match(sentence)) is None:
            continue
        name = named.group("name").strip()
        key = meta_key(name) or ("mitigated" if name.lower().endswith((" restored", " back")) else None)
        st = tp.read_stamp(sentence, doc.order_hint, start=named.end())
        if key not in _TIME_KEYS or key in said or st is None or not st.has_time:
            continue
        day = incident_date
        if (on := _ON_DAY_AFTER.match(sentence, st.end)) is not None \
                and (d := tp.date_at(sentence, on.end(), doc.order_hint, year=incident_date.year)) is not None:
            day = d
        if (at := tp.stamp_datetime(st, day, st.zone or zone)) is not None:
            said[key] = at
    if len(said) >= 3:
        for key, at in said.items():
            doc.stated.setdefault(key, at)


def _stated_moments(doc: Doc, m: re.Match, incident_date: date) -> None:
    """The moments a line of key moments names (_KEY_TIMES_LINE), three of them at least,
    as stated figures: each item's name is a field's key ("spotted", "batch held
    (contained)"), its time the value, in the zone the line's note names if it does."""
    items = _MOMENTS_SEP.split(m.group("items"))
    if len(items) < 3:
        # (or told in sentences: "Key figures: impact began 01:53 GMT, when ... . Detected
        # 07:40 GMT. Mitigated 11:20 GMT.")
        _stated_sentences(doc, m.group("items"), m.group("note").strip(), incident_date)
        return
    zone = tp.stated_zone("(" + m.group("note").strip(" ()") + ")") if m.group("note").strip() else None
    for item in items:
        if (named := _MOMENT_ITEM.match(item)) is None or (key := meta_key(named.group("name"))) not in _TIME_KEYS \
                or key in doc.stated:
            continue
        st = tp.read_stamp(item, doc.order_hint, start=named.end())
        if st is not None and st.has_time \
                and (at := tp.stamp_datetime(st, incident_date, st.zone or zone or doc.zone)) is not None:
            doc.stated[key] = at


def _section_range(doc: Doc, kind: str, incident_date: date | None):
    """The first range the Impact or the Summary sections state of the impact."""
    for s in doc.of_kind(kind):
        if kind == "summary" and _BACKGROUND.search(clean_heading(plain(s.title))):
            continue   # ("## Background": the systems' routine, "partners pulling between 10:00Z and 12:00Z")
        for b in s.blocks:
            if b.kind not in ("item", "para"):
                continue
            if _response_time(b.text):
                continue   # "Time to resolve: 13 minutes (12:05z → 12:18z)": the response's window
            if b.text[:1] == "<" and _COMPONENT_OPEN.match(b.text):
                continue   # '<MetricChart alt="API 5xx rate, 10:30 a.m. to 12:30 p.m. PT" />': a figure's span
            # (in Impact, an item's sub-bullets too: "unavailable during these windows:"
            # over "- 11:07 UTC => 13:40 UTC")
            texts = [b.text, *b.children] if kind == "impact" and b.kind == "item" else [b.text]
            for sentence in (texts if kind == "impact" else _SENTENCE.split(b.text)):
                # in a summary only a range said of the impact counts ("the outage lasted
                # from ..."; not "clocks jumped from 02:00 to 03:00"), or one whose length
                # it states beside it
                if kind == "summary" and _tells_the_routine(sentence):
                    continue   # ("For context, a normal KVD morning: ... vans load between 05:30 and 06:30")
                if kind == "summary" and not _IMPACT_WORDS.search(sentence):
                    if (found := stated_window(sentence, incident_date, doc.zone, doc.order_hint)):
                        return found
                    continue
                if _MEASURED_WINDOW.search(sentence):
                    continue   # "Call volume 3.4x normal between 08:05 and 11:00": a measure's window
                if _REMEDY_HOURS.search(sentence):
                    continue   # "SEV (Schienenersatzverkehr, Busse) von 16:05 bis 18:30": a remedy's hours
                found = _range_span(said := plain(sentence), incident_date, doc.zone, doc.order_hint)
                if found and _WOULD_HAVE.search(said[max(0, found[2] - 120):found[2]].rsplit(". ", 1)[-1]):
                    continue   # "fans would not have started in a real fire between 07:20 and 15:20": what might have been
                found = found and found[:2]
                if found and kind == "impact" and _EXPOSURE_LABEL.match(plain(sentence)):
                    # "Exposure window (key public and valid): 13:52 to 14:31", then "Impact
                    # window (someone used the key): 14:07 to 14:38": the harm's window
                    found = _impact_window_below(doc, s, b, incident_date) or found
                if found:
                    return _joined(found, doc, s, b) if kind == "impact" else found
    return None


def _background_names(doc: Doc, day: date, dated: date) -> bool:
    """Whether the opening names ``day`` first in a Background section: the history that led
    up to the incident ("On 15 July, pod-spool-02 was moved to a new disk"), a cause's day,
    not the incident's own that a Date field states (unless the summary above names it too)."""
    for s in doc.secs:
        if doc.kinds.get(id(s)) in _STOP_OPENING:
            break
        text = plain("\n".join(b.text for b in s.blocks if b.kind in ("para", "item")))
        if any(d == day for _, d in tp.dates_in(text, doc.order_hint)) \
                or _day_without_year(text, dated, doc.order_hint) == day:
            return bool(_BACKGROUND.search(clean_heading(plain(s.title))))
    return False


# ("## Background", "## Contexto: como funciona o feed": how things run when nothing is wrong)
# (or "## How the weekly label run normally works", "## The normal night, for reference", "## The
# Owls room day, for context": the routine; a list of its clock times is no timeline)
_BACKGROUND = lazy_re.compile(r"^\W*(?:background|context|contexto|contexte|kontext|hintergrund|antecedentes)\b"
                              r"|\b(?:normally|usually|for\s+reference|for\s+context|standing\s+schedule"
                              r"|(?:usual|daily)\s+(?:day|night|week|shift|routine|schedule)"
                              r"|normal\s+(?:day|night|week|shift|run|schedule|operations?))\b", re.I)
_COMPONENT_OPEN = lazy_re.compile(r"<[A-Z][\w.]*[\s/>]")
# a harm that did not happen, in the words before a range: "would not have started" (not "the
# only window in which users could have been impacted": the exposure's, as it was)
_WOULD_HAVE = lazy_re.compile(r"\bwould(?:\s+not|n['’]t)?\s+have\b", re.I)
# what stood in for the service while it was down, its hours in the impact or the summary
# no window of the harm: "Shuttle buses ran ... from 8:40 a.m. to 10:15 a.m.", "SEV (Schienenersatzverkehr)
# von 16:05 bis 18:30", "Manual workaround in place from 10:10 to 12:00"
_REMEDY_HOURS = lazy_re.compile(r"\b(?:replacement\s+(?:bus|buses|coaches|service|trains?)|rail\s+replacement|\w*ersatzverkehr"
                                r"|bus(?:es)?\s+(?:replaced|substitut\w*|instead)|shuttle\s+bus(?:es)?|bus\s+bridge"
                                r"|workaround\s+(?:in\s+place|ran|running)"
                                r"|manual\s+(?:fallback|process|workaround)\s+(?:in\s+place|ran|running|from)"
                                # ("Water was restored to Marlow Park in stages between 15:30 and 21:00": the
                                # recovery's hours, another harm's end, not this incident's window)
                                r"|\b(?:was|were)\s+(?:restored|reconnected)\b[^.;]{0,60}?\b(?:between|from)\b)", re.I)
# a meeting's time, not the incident's: "**Debrief held:** Tuesday, December 5, 2023, 2:00pm–3:30pm"
# a line about a meeting, its hours the meeting's ("meeting notes · Tue, Dec 2, 2025 · 4:00 PM –
# 4:42 PM IST · Recorded")
# (or a minutes' field saying when it was held: "**Held:** Thursday 17 October 2024, 15:00–15:45 BST")
_A_MEETING = lazy_re.compile(r"\b(?:meeting|debrief|workshop|recorded|recording)\b|\bheld\W{0,4}:", re.I)
_MEETING_BEFORE = lazy_re.compile(r"\b(?:debrief|retro(?:spective)?|post[\s-]?mortem\s+(?:meeting|review)|review\s+meeting"
                                  r"|meeting|workshop|session)\b[^.\n]{0,12}\b(?:held|on|at|:)", re.I)


# an item labelled as the exposure's window, or the impact's ("Exposure window (key public): ...")
_EXPOSURE_LABEL = lazy_re.compile(r"^\W*exposure\b[^:\n]{0,60}:", re.I)
_IMPACT_LABEL = lazy_re.compile(r"^\W*[^:\n]{0,30}\b(?:impact|outage|downtime|disruption)\b[^:\n]{0,60}:", re.I)


def _impact_window_below(doc: Doc, s: Section, first: Block, incident_date: date | None):
    """The range a later item of the Impact section labels as the impact's own window."""
    for b in _blocks_after(s, first):
        if _IMPACT_LABEL.match(plain(b.text)) and (found := find_range(b.text, incident_date, doc.zone, doc.order_hint)):
            return found
    return None


def _blocks_after(s: Section, first: Block):
    """The items and paragraphs of section ``s`` after its block ``first``."""
    after = False
    for b in s.blocks:
        if after and b.kind in ("item", "para"):
            yield b
        after = after or b is first


# a field's key that is "Window" alone: which window, a change's or the harm's, it does not say
_BARE_WINDOW = lazy_re.compile(r"^[\s|*_]*window[\s*_]*[:|]", re.I)


def _field_range(doc: Doc, incident_date: date | None):
    """The range a Duration or Time field states ("Window: 02:10 to 02:55 UTC")."""
    for key in ("duration", "time"):
        if key in doc.meta and (found := find_range(doc.meta[key][0], incident_date, doc.zone, doc.order_hint)):
            return found
    return None


def _joined(found, doc: Doc, s: Section, first: Block) -> tuple:
    """The Impact section's window ``found`` joined with the windows that follow it
    there, each beginning when the one before ended ("Pendant 5 minutes
    (17h15-17h20)" then "Durant 10 minutes (17h20-17h30)": one window, 17h15 to 17h30),
    or a later window of the harm itself, when the impact came back ("Forced logout ...
    at 02:02", "SSO tenants could not sign in from 02:02 until 09:20": the impact ended
    when the last window did)."""
    start, end = found[0], found[1]
    for b in _blocks_after(s, first):
        for text in ([b.text, *b.children] if b.kind == "item" else [b.text]):
            more = find_range(text, start.date(), doc.zone, doc.order_hint)
            if more and end is not None and more[0] < end and end.date() > start.date():
                # (clocks alone after a window that ran past midnight: its last day's)
                more = find_range(text, end.date(), doc.zone, doc.order_hint)
            # (begun when the last ended, to the minute: "between 14:20 and 18:00 support
            # worked through the backlog" after "unavailable from 14:00 to 14:30" is not more
            # of the same impact; a later window said of the harm, in the harm's words, is)
            if more and more[1] is not None and end is not None and more[1] > end and (
                    abs(more[0] - end) <= timedelta(minutes=1)
                    or more[0] > end and HARM_WORDS.search(text) and not _MEASURED_WINDOW.search(text)):
                end = more[1]
    return (start, end, *found[2:])




# (Japanese writes a wave dash, the first end perhaps "approximately" and the second
# perhaps named: "発生 05:03 JST 頃 〜 復旧 16:47 JST 頃", from occurrence to recovery)
# (and the same words in French, German, Spanish, Portuguese and Dutch: "de 1h02 à 10h17",
# "entre 16:00 et 16:26", "von 14:00 bis 15:10", "de 14:00 a 15:00", "van 14:00 tot 15:00",
# Italian, Polish, Swedish, Vietnamese and Indonesian: "alle 21:14", "od 23:10 do 00:41",
# "till 10:40", "đến 10:40", "sampai 14:20")
# (an ASCII tilde spaced on both sides too, as Korean and Japanese writers type the wave
# dash: "10:00 ~ 12:40 KST"; unspaced, "~12:40" is "about")
_RANGE_SEP = lazy_re.compile(r"\s*(?:頃|ごろ|前後)?\s*[〜～]\s*(?:[\u3040-\u30ff\u4e00-\u9fff]{1,3}\s*)?|\s+~\s+|\s*(?:->|=>|⇒|-|–|—|→)\s*|\s*(?:to|until|through|and|à|a|et|bis|und|y|e|até|tot|en|alle|al|hasta|do|till|đến|sampai|hingga)(?=\s)\s*"
                        # (an article before the second: "entre las 10:03 y las 10:24", "dalle 20:00 alle 21:14")
                        r"(?:(?:las|los|la|les|le|as|os|o|the)\s+)?",
                        re.I)
# (not after "a.m." or "p.m." before a small letter: "from 8:05 a.m. to 10:15 a.m." is one sentence)
_SENTENCE = lazy_re.compile(r"(?<=[.!?])(?<![AaPp]\.[Mm]\.)\s+|(?<=[AaPp]\.[Mm]\.)\s+(?![a-z])|(?<=[。！？])")
# a short note in brackets after a range's first time, saying what happened then
# (or a clause between commas saying the same, before "until": "affected from 18:27, when the
# settlement was applied to their accounts, until 20:14")
_NOTE_AFTER = lazy_re.compile(r"\s*\([^()\d]{1,40}(?:\d[^()]{0,40})?\)"
                              r"|,\s(?:when|as|once|after)\s[^,;.\d]{1,80},(?=\s+(?:until|till|to)\s)")
# (Japanese, Chinese and Korean have no word boundaries: "障害", "无法访问", "장애", and the
# alerts that fired over the window, "複数回発火")
_IMPACT_WORDS_LATIN = (r"outage|impact|down|unavailable|errors?|fail\w*|degraded|between|duration|"
                       r"lasted|lasting|broken|disrupt\w*|incident|affected(?<!not affected)(?<!never affected)"
                       r"|indisponible|inaccessible|panne|coupure|ausfall|störung|nicht\s+erreichbar"
                       r"|caída|interrupción|indisponível|queda|storing"
                       # ("Customers could not download the export from 05:40 until 11:45 MEZ")
                       r"|could\s+not|couldn['’]t|cannot|can['’]t|unable|were\s+not\s+able"
                       # ("Customers were given wrong information from 0540 until 0812")
                       r"|wrong|incorrect"
                       # ("Exposure window: from 4.30pm on Friday 14 November, when her employment
                       # ended, to 11.15am on Tuesday 18 November": the harm's window in a near miss;
                       # "from 02:25 until 09:40 the web UI ... were unusable")
                       r"|exposure\s+window|unusable")
_IMPACT_WORDS_CJK = r"障害|ダウン|エラー|無応答|発火|故障|宕机|中断|不可用|无法访问|异常|異常|장애|오류|중단"
# (led by a look ahead for the first letters of its words: a search tests one class at
# each character, and tries the words only where one may start, 2x faster over prose)
_IMPACT_WORDS = lazy_re.compile(starts_of(_IMPACT_WORDS_LATIN, _IMPACT_WORDS_CJK)
                           + r"(?:\b(?:" + _IMPACT_WORDS_LATIN + r")\b|" + _IMPACT_WORDS_CJK + ")", re.I)


# where a range's first time may start: a digit after neither a digit nor a colon, the
# look behind written after the digit ("(?<![\d:])\d" has no first character the regex
# engine can skip to, so it was tried at every character; this one only at digits)
# the run a range's first clock names, then "until" ("from the 03:05 export run until
# 11:20"): the window opens at that run (not "departing 17:42 in the app until 18:36", no "from")
_FROM_BEFORE = lazy_re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
_RUN_NAMED = lazy_re.compile(r"(?:\s+[a-z][a-z-]*){1,3}(?=\s+(?:until|till)\s)")
_RANGE_START = lazy_re.compile(r"\d(?<![\d:]\d)")


# what a clock time names when a noun of a schedule follows it ("the 11:00 batch", "the
# 14:05 train"): a run of something, not a moment of the incident
# (and what a timetable holds: "went to the wrong buildings for 8am and 9am lectures")
_SCHEDULED_THING = lazy_re.compile(r"\s+(?:batch|run|job|slot|train|flight|bus|ferry|cron|cycle|shift|sailing|departure|cut-?off"
                                   r"|lecture|class|tutorial|seminar|exam|lesson|meeting|appointment|session|show|screening|service)(?:es|s)?\b", re.I)
_MERIDIEM_SAID = lazy_re.compile(r"\d\s*[ap]\.?\s?m\b\.?", re.I)
# a planned window named just before its range: "maintenance window Sunday 10 pm to ..."
# a change in a figure or a comparison, named as a thing, before the range: "the drop
# between 16:00 and 17:00", "the gap between"
_A_CHANGE_BETWEEN = lazy_re.compile(r"\b(?:the|this|that)\s+(?:drop|fall|rise|jump|spike|dip|increase|decrease|gap|difference)\s+(?:between|from)\s+$",
                                    re.I)
_PLANNED_WINDOW = lazy_re.compile(r"\b(?:maintenance|change|upgrade|release|deploy(?:ment)?|patch(?:ing)?)\s+window\b[^.;]{0,30}$"
                                  # ("fields planned for LST 01:00–04:00 could not be fitted in": a plan's hours)
                                  r"|\b(?:planned|scheduled|booked|slotted)\s+(?:for\s+)?(?:[A-Z]{2,4}\s+)?$"
                                  # ("ran planned maintenance on the Ceph gateways between 17:00 and 18:30":
                                  # the work planned, named, then its hours)
                                  r"|\b(?:planned|scheduled)\s+(?:maintenance|works?|upgrade|change|outage|downtime)\b[^.;:]{0,40}"
                                  r"\b(?:between|from)\s+$", re.I)
_DOTTED_WRAP = timedelta(hours=12)   # a dotted range's end this much before its start: no window


def find_range(text: str, day: date | None, zone: tp.Zone | None, order_hint=None):
    """The first ``<time> - <time>`` range in ``text`` as two UTC datetimes."""
    found = _range_span(plain(text), day, zone, order_hint)
    return found and found[:2]


# a scheduled time moved: "moved its evening collection at Stryków from 18:30 to 17:45",
# "the cut-off was brought forward from 19:00 to 18:00"
# (or a place's hours named as such: "posted hours (mostly 06:00–22:00", "opening hours 9-17")
_HOURS_ARE = lazy_re.compile(r"\bhours\s*(?:are|were|is|:)\s*(?:from\s+)?$"
                             r"|\b(?:posted|opening|business|operating|office|trading|store|shop|site|staffed)\s+hours"
                             r"\s*(?:are|were|is|:|of|\()?\s*(?:(?:mostly|usually|normally|typically|from)\s+)?$", re.I)
_MOVED_FROM = lazy_re.compile(r"\b(?:mov(?:e|ed|es|ing)|chang(?:e|ed|es|ing)|shift(?:s|ed|ing)?|brought\s+forward"
                              r"|bring(?:s|ing)?\s+forward|push(?:ed|es)?\s+back|reschedul\w*)\b[^.;:!?]{0,70}\bfrom\s*$", re.I)


# a range of two four-digit clocks, as control logs write them: "from 0540 until 0812"
_COMPACT_RANGE = lazy_re.compile(r"\b(from|between)\s+([01]\d|2[0-3])([0-5]\d)\s+(until|till|to|and)\s+([01]\d|2[0-3])([0-5]\d)\b", re.I)


_COMPACT_DASHED = lazy_re.compile(r"(?<![\w:.-])([01]\d|2[0-3])([0-5]\d)\s?[-–]\s?([01]\d|2[0-3])([0-5]\d)"
                                  r"(?=\s*(?:[A-Z]{2,5}\b|hrs?\b))")


def _with_colons(m: re.Match) -> str:
    """A compact range's clocks with their colons ("from 05:40 until 08:12"), unless both
    could be years ("from 2019 to 2021"): one before 19:00 or from 21:00 is no year."""
    a, b = int(m.group(2) + m.group(3)), int(m.group(5) + m.group(6))
    if all(1900 <= n < 2100 for n in (a, b)):
        return m.group(0)
    return f"{m.group(1)} {m.group(2)}:{m.group(3)} {m.group(4)} {m.group(5)}:{m.group(6)}"


def _range_span(text: str, day: date | None, zone: tp.Zone | None, order_hint=None):
    """find_range's (start, end) with where the range begins and ends in ``text`` (plain)."""
    if ("from" in text or "between" in text or "From" in text or "Between" in text) and _COMPACT_RANGE.search(text):
        text = _COMPACT_RANGE.sub(_with_colons, text)
    if ("-" in text or "–" in text) and _COMPACT_DASHED.search(text):
        # "Impact:   0922-1235 JST (3 h 13 min)": four-digit clocks joined by a dash, a zone after
        text = _COMPACT_DASHED.sub(lambda m: m.group(0) if all(1900 <= int(m.group(k) + m.group(k + 1)) < 2100 for k in (1, 3))
                                   else f"{m.group(1)}:{m.group(2)}-{m.group(3)}:{m.group(4)}", text)
    if tp.clocks_at_most(text) < 2:
        return None  # a range needs two clock times (a cheap look before reading at every digit)
    for m in _RANGE_START.finditer(text):
        i = m.start()
        if text[i - 1:i] == "+" and i:
            continue   # "from T+0:18 to T+1:52": offsets from a moment, not clock times
        first = tp.read_stamp(text, order_hint, start=i)
        if first is None or not first.has_time:
            continue
        at = first.range_at if first.range_at is not None else first.end
        sep = _RANGE_SEP.match(text, at)
        if not sep and (note := _NOTE_AFTER.match(text, at)):
            sep = _RANGE_SEP.match(text, note.end())   # "from 02:38:40 (kafka-3 fenced) until 04:12:05"
        if not sep and _FROM_BEFORE.search(text, max(0, i - 10), i) and (run := _RUN_NAMED.match(text, at)):
            sep = _RANGE_SEP.match(text, run.end())   # "from the 03:05 export run until 11:20"
        if not sep:
            continue
        second = tp.read_stamp(text, order_hint, start=sep.end())
        if second is None or not second.has_time:
            continue
        if _SCHEDULED_THING.match(text, second.end) or "window" in text and IN_A_WINDOW.match(text, second.end):
            continue   # "payouts moved from the 06:00 to the 11:00 batch": two runs named by their times;
            #            "an approved change in the 17:00–17:30 window": the planned work's hours
        if "hours" in text[max(0, i - 30):i] and _HOURS_ARE.search(text, max(0, i - 30), i):
            continue   # "Our hours are 8 AM to 6 PM Mountain time": opening hours, no window of harm
        if "from" in text[max(0, i - 8):i] and _MOVED_FROM.search(text, max(0, i - 90), i):
            continue   # "Kurier Nord moved its evening collection from 18:30 to 17:45": a time changed, no window
        if _A_CHANGE_BETWEEN.search(text, max(0, i - 30), i):
            continue   # "(The drop between 16:00 and 17:00 is the bulk removal ...)": a figure's change between two readings
        if ("window" in text or "ed " in text) and _PLANNED_WINDOW.search(text, max(0, i - 90), i):
            continue   # "(maintenance window Sunday 10 pm to Monday 6 am)": the planned work's hours, not the harm's
        if first.hour is not None and second.hour is not None and first.hour < 12 <= second.hour \
                and first.hour + 12 <= second.hour and not _MERIDIEM_SAID.search(text, i, at) \
                and _MERIDIEM_SAID.search(text, sep.end(), second.end):
            first.hour += 12   # "from 2:10 to 3:05 p.m.": one half of the day said for both
        z = first.zone or second.zone or zone
        if not first.has_date and (said := tp.date_just_before(text, i, order_hint)) is not None:
            day = said   # "September 3, 2025 07:30 to 09:25": the date written before the range
        start = tp.stamp_datetime(first, day, z)
        end_day = start.date() if (start and not second.has_date and first.has_date) else day
        end = tp.stamp_datetime(second, end_day, second.zone or z)
        if start is None or end is None:
            continue
        if end < start and not second.has_date:
            if ":" not in text[i:second.end] and start - end < _DOTTED_WRAP:
                # "nDCG@10 fell from 0.47 to 0.19": two decimals, not a window that runs
                # past midnight for most of a day (dotted clocks that wrap stay near it:
                # "23.40 to 0.15")
                continue
            try:
                end += timedelta(days=1)
            except OverflowError:   # (the last day a datetime holds: an absurd date)
                continue
        return start, end, i, second.end
    return None


# a number near a window, the window's length in minutes or hours ("69 Minuten", "1 h 14
# min", "34分間", "1 uur en 39 minuten", "46 dakika", "1 giờ 49 phút")
# (not a clock time or a date: "21:37–21:38 EDT (01:37–01:38 UTC)" is one window in two
# zones, its second's figures no length of the first)
_NUMBER = lazy_re.compile(r"\d+(?:[:/-]\d+)+|(\d+(?:[.,]\d+)?)(?:\s?(?:(?P<minutes>min|mn\b|分|мин|dakika|minuu?t|perc)"
                          r"|(?P<hours>h\b|hours?|hrs?|heures?|horas?|ore\b|stunden?|uur|時間|시간|saat|godz|час)))?", re.I)
_NEAR = 40   # characters either side of the window
_SHORTEST = 3   # minutes: a shorter window's length is too easily some other figure nearby


def stated_window(text: str, day: date | None, zone: tp.Zone | None, order_hint=None):
    """The range in ``text`` when the text states its length beside it, in whatever
    language: "Dauer der Auswirkung: 69 Minuten (05:32 bis 06:41)", "08:52〜09:26（34分間）",
    "durante 21 minutos, entre las 10:03 y las 10:24". A window and its length that agree
    say the window is the incident's, without a word for impact the parser knows."""
    if tp.clocks_at_most(text) < 2:
        return None   # (before plain(): most paragraphs hold no two clocks, and this is asked of every one)
    text = plain(text)
    found = _range_span(text, day, zone, order_hint)
    if not found:
        return None
    start, end, i, j = found
    length = (end - start).total_seconds() / 60
    if length < _SHORTEST:
        return None
    # (each number with the unit written after it, if any: "intervalle 2 min 10" is two
    # minutes, never the two hours of "service de pointe 7h00–9h00" beside it)
    said = [(float(n[1].replace(",", ".")), "m" if n["minutes"] else "h" if n["hours"] else "")
            for part in (text[max(0, i - _NEAR):i], text[j:j + _NEAR]) for n in _NUMBER.finditer(part) if n[1]]
    nums = [n for n, _ in said]
    for k, (n, unit) in enumerate(said):
        if n and (unit != "h" and abs(n - length) < 1 or unit != "m" and abs(n * 60 - length) < 1):
            return start, end
        after = nums[k + 1] if k + 1 < len(nums) else None
        if after is not None and after < 60 and after.is_integer() and n.is_integer() \
                and abs(n * 60 + after - length) < 1:
            return start, end
    return None


_NUMBERED_PROBLEM = lazy_re.compile(r"^(?:bug|issue|problem|defect|fault|failure)\s*#?\d{1,2}\s*(?:[:.)]|[-–—])\s*", re.I)


# a heading that says its causes are grouped: "Fishbone (causes by category)", "Ishikawa"
_BY_CATEGORY = lazy_re.compile(r"\b(?:fishbone|ishikawa|categor(?:y|ies))\b", re.I)
# an item that is only a short name in bold, perhaps with a colon: a group's name
_BOLD_CATEGORY = lazy_re.compile(r"^(\*\*|__)[^*_\n]{1,40}\1:?$")


# a line that numbers a why of its own: "Why 1 - Why did ...", "Why 3: ..."
_WHY_LINE = lazy_re.compile(r"\s*(?:why|warum|por\s*qu[ée]|pourquoi)\s*#?\d{1,2}\s*[-–—:.)]\s", re.I)


def _ordinal_causes(text: str) -> list[str] | None:
    """A paragraph that counts its causes in its own words, a cause each: "Firstly, the
    delete_all_records function ... Secondly, something has changed in AWS ...", or "This
    was caused by two factors: 1. Local development ... 2. Testing in staging ..."; None
    when it counts fewer than two."""
    marks = list(_ORDINAL_CAUSE.finditer(text))
    if len(marks) < 2 or (marks[0].group(1) or marks[0].group(2)).lower() not in ("firstly", "first", "1"):
        return None
    return [text[m.end():(marks[k + 1].start() if k + 1 < len(marks) else len(text))].strip(" ,;.") + "."
            for k, m in enumerate(marks)]


# ("Firstly, ...", "Secondly, ...": each opens a sentence; "1. ... 2. ...": counted inline after a colon or a stop)
_ORDINAL_CAUSE = lazy_re.compile(r"(?:^|(?<=[.:;]\s))(firstly|secondly|thirdly|fourthly|finally|first|second|third)\b,?\s"
                                 r"|(?:(?<=:\s)|(?<=[.;)]\s))([1-9])[.)]\s+(?=[A-Z])", re.I)


def _factors(doc: Doc) -> list[str]:
    """The causes: a factors section's items, else its paragraphs; a sub-heading of one
    ("### 1. Leftover legacy versions") is a cause itself, its text the explanation,
    unless it asks a question its text answers ("### Why it happened"), or names a group
    over a list ("### Background causes" over four numbered causes), or is a bold label
    over nothing but a list ("**Main problems**:" over five numbered ones): then the
    list's items are."""
    out: list[str] = []
    # causes the document names as candidates ("## Possible causes") count only when it
    # names no others; causes it ruled out ("### Ruled-out causes") never do
    # ("Contributing factors (themes, not causes)": factors all the same, by another name)
    named = [s for s in doc.of_kind("factors") if not _NOT_CAUSES.search(clean_heading(s.title))
             or _NAMES_FACTORS.search(clean_heading(s.title))]
    sure = [s for s in named if not _CANDIDATE_CAUSES.match(clean_heading(s.title))]
    for s in sure or named:
        items = [b for b in s.blocks if b.kind == "item"]
        if s.parent is not None and doc.kinds.get(id(s.parent)) == "factors" and plain(s.title) \
                and not (_ASKS.match(plain(s.title)) and any(b.kind in ("item", "para") for b in s.blocks)) \
                and not (items and (_GROUP_OF_CAUSES.match(plain(s.title)) or _labels_a_list(doc, s, items)
                                    # ("### Technical details" over four numbered causes: a
                                    # heading that names a causes section holds them)
                                    or len(items) >= 2 and _holds_causes(clean_heading(plain(s.title))))):
            out.append(_NUMBERED_TITLE.sub("", plain(s.title)))
            continue
        if items:
            grouped = _BY_CATEGORY.search(s.title) is not None
            for b in items:
                text = plain(b.text)
                # "- Contributing factors:" over its sub-bullets: a label that names them
                # causes, and they are the causes (not "- We then added two files:")
                subs = _sub_items(b.children) if text.endswith(":") and _holds_causes(text[:-1].strip()) else []
                if not subs and b.children and grouped and _BOLD_CATEGORY.match(b.text.strip()):
                    # "- **Process**" over its causes, under "Fishbone (causes by category)": a
                    # category, not a cause (elsewhere a bold name over sub-bullets is the cause,
                    # and they explain it)
                    subs = _sub_items(b.children)
                out.extend(subs or ([text] if text else []))
        else:
            # (a paragraph whose every line is numbered, as a plain-text form writes a list:
            # "Why 1 - Why did the ROC lose the platform? ...", "Why 2 - ...": a cause a line)
            paras = [t for b in s.blocks if b.kind == "para" and plain(b.text)
                     for t in ([plain(r) for _, (r,) in b.rows]
                               if len(b.rows) >= 2 and all(_WHY_LINE.match(r) for _, (r,) in b.rows)
                               else _ordinal_causes(plain(b.text)) or [plain(b.text)])]
            out.extend(paras)
            # a table of causes ("| Cause | Likelihood |"): a row each, named by its first
            # cell with words in it (not a rank's number), beside the prose that leads into
            # it ("Root cause: firmware defect ..." over "| # | Contributing factor | Area |")
            # (beside prose, only a table its header says holds causes or factors, not the
            # hypotheses ruled out, and none of its rows that says it was ruled out)
            out.extend(cell for b in s.blocks if b.kind == "table" and b.rows
                       and _CAUSE_COLUMN.search(" ".join(b.rows[0][1]))
                       and not (paras and (_GUESSES.search(columns := " ".join(b.rows[0][1])) or _NOT_CAUSES.search(columns)))
                       for _, cells in b.rows[1:]
                       if not (paras and _NOT_CAUSES.search(" ".join(cells)))
                       and (cell := next((c for c in map(plain, cells) if any(ch.isalpha() for ch in c)), "")))
            if not paras:
                table = s.blocks[0] if len(s.blocks) == 1 and s.blocks[0].kind == "table" else None
                if not out and table is not None and len(table.rows) > 1 and _CAUSE_COLUMN.search(plain(s.title)) \
                        and not _EVIDENCE_COLUMN.search(" ".join(table.rows[0][1])) \
                        and all(len(cells) == 2 and not plain(cells[0]).strip()[:1].isdigit() for _, cells in table.rows):
                    # a root-cause section that is one two-column table whose header names
                    # no causes ("| Layer | Finding |"): each row, its cells joined, is one
                    # (not a table of times, nor of evidence under "## Analysis")
                    out.extend(row for _, cells in table.rows[1:]
                               if (row := " — ".join(c for c in map(plain, cells) if c)))
    if not out and not doc.of_kind("factors"):
        # no causes section: a "What went wrong" list names them (the SRE book's template)
        out = [t for t in _section_items(doc, "went_wrong") if t]
    if not out and not doc.of_kind("factors"):
        # nor that: "## Bug 1 — hair spaces in the title", "## Bug 2 — ...": a post told as
        # the numbered problems it found, two or more, each heading one
        # (headings under a section of a kind, such as "### Issue #41 — Add a canary" under
        # Action items, are that section's)
        found = [t for s in doc.secs if s.level and doc.kinds.get(id(s)) is None
                 and (s.parent is None or doc.kinds.get(id(s.parent)) is None)
                 and _NUMBERED_PROBLEM.match(t := clean_heading(plain(s.title)))]
        if len(found) >= 2:
            out = [_NUMBERED_PROBLEM.sub("", t, count=1).strip() or t for t in found]
    if not out and not doc.of_kind("factors"):
        # nor that: a list its lead-in says holds the causes ("Two factors combined to turn a
        # routine maintenance into customer-facing errors:" over two bullets)
        out = _introduced_causes(doc)
    elif doc.of_kind("factors") and len(out) < 3:
        # ... and beside a short causes section, a list elsewhere its lead-in says holds more
        # ("Three things contributed to this being missed for so long:" above "## Root cause")
        out += [c for c in _introduced_causes(doc, outside=set(map(id, doc.of_kind("factors")))) if c not in out]
    if not out and not doc.of_kind("factors"):
        # nor that: a post that tells its cause in prose ("This was due to a bad config",
        # "caused by high load", "the root cause of this problem: ...") has that sentence
        out = _prose_cause(doc)
    return out


# a paragraph that leads into the causes: "Two factors combined to ...:", "Three things
# contributed:", "The causes were:", "Two things made this worse than it needed to be:"
# (not what to do about them: "Some things you can do to help prevent this kind of attack:")
_LEADS_TO_CAUSES = lazy_re.compile(r"^(?!.*\bprevent)(?:(?:[\w-]+\s+){0,3}?(?:factors|causes|reasons)\b[^.:]{0,100}:$"
                                   r"|.*\b(?:contributed|caused\s+(?:it|this)|made\s+(?:it|this|things)\s+worse)[^.:]{0,40}:$)", re.I)


def _introduced_causes(doc: Doc, outside: set | None = None) -> list[str]:
    """The items of the first list a paragraph leads into by naming them causes, outside
    the timeline and the follow-ups (and the sections ``outside`` names); else []."""
    for s in doc.secs:
        if doc.kinds.get(id(s)) in ("timeline", "actions", "lessons", "went_well") or outside and id(s) in outside:
            continue
        for k, b in enumerate(s.blocks[:-1]):
            if b.kind == "para" and b.text.rstrip().endswith(":") and len(b.text) <= 200 \
                    and _LEADS_TO_CAUSES.search(plain(b.text).strip()) and s.blocks[k + 1].kind == "item":
                items = []
                for nxt in s.blocks[k + 1:]:
                    if nxt.kind != "item":
                        break
                    if (text := plain(nxt.text)):
                        items.append(text)
                return items
    return []


def _sub_items(children: list[str]) -> list[str]:
    """An item's sub-bullets, each with the lines it wraps onto, as plain text."""
    subs: list[str] = []
    for line in children:
        if (said := item_text(line)) is not None:
            subs.append(said)
        elif subs:
            subs[-1] += " " + line.strip()
    return [t for t in map(plain, subs) if t]


# a sentence that states a cause: the words people use for one, in any section but
# the timeline and the follow-ups (whose "because" explains an entry or an item)
# (led by a guard of the letters its phrases open with: a search tests one class at each
# character and tries the phrases only where one may start; tests/test_first_letters.py
# checks that the guard names every first letter)
_CAUSE = lazy_re.compile(r"(?=[abcdefiloprstw])\b(?:root[\s_-]cause|(?:was|were|is|are|been)\s+(?:\w+\s+)?(?:caused|triggered)\s+by"
                    r"|caused\s+by|due\s+to|because\s+(?:of\s+)?(?:a|an|the|our|its|their|we|it)\b"
                    # "the voltage spike caused a shutdown of the network gear"
                    r"|\bcaused\s+(?:a|an|the)\s+(?:\w+\s+)?(?:outage|shutdown|failure|crash|disruption|downtime"
                    r"|degradation)"
                    r"|(?:which|that|this)\s+(?:\w+\s+)?(?:triggered|caused)\s+(?:the|this|an?)\s+"
                    r"(?:issue|problem|outage|incident|failure|errors?)"
                    # "a mistake was made which resulted in some data being deleted"
                    r"|(?:which|that)\s+resulted\s+in\s+(?:\w+\s+){0,4}?(?:outages?|deleted|deletion|loss|lost|failures?"
                    r"|downtime|errors?|disruption|corrupt\w*)\b"
                    r"|turned\s+out\s+(?:to\s+be|that)|(?:the|a)\s+(?:underlying\s+|main\s+|primary\s+)?cause\s+(?:of|was|is)\b"
                    r"|resulted\s+from|(?:was|were|being|is|are)\s+the\s+(?:direct\s+)?result\s+of|(?:stem(?:s|med)?|originated)\s+from"
                    # "the outage was caused when a deploy ...", "was caused as Anope was saving"
                    r"|(?:was|were)\s+caused\s+(?:when|as)\b"
                    # "it was traced back to a log rotation job", "the culprit was", "the reason was"
                    r"|traced\s+(?:\w+\s+){0,3}?(?:back\s+)?to\b|\bthe\s+culprit\b|\bthe\s+reason\s+(?:was|is|for)\b"
                    # "I found the problem: the bootloader was still on the old disk", "identified
                    # the issue - GRUB pointed at a deleted partition", "found the cause was":
                    # what it was follows (not "found the issue was limited to EU customers",
                    # "not yet identified the cause", "found the bug-tracker entry")
                    r"|(?<!\bnot\s)(?<!\bnot\syet\s)(?<!\bnever\s)"
                    r"(?:found|identified|spotted|pinpointed|located)\s+the\s+"
                    r"(?:(?:problem|issue|cause|bug|fault)(?:\s*:|\s+[-\u2013\u2014]\s)|cause\s+(?:was|is)\b)"
                    r"|as\s+a\s+(?:direct\s+)?result\s+of\s+(?!(?:this|these|that|those|it)\b|(?:the|our)\s+(?:incident|outage|event"
                    r"|issue|problem))"
                    # an exploit's or attacker's way in is the weakness it used: "The exploit
                    # took advantage of a missing input integrity check in the deposit function"
                    r"|(?:took|takes|taking)\s+advantage\s+of\s+(?:(?:a|an|the|this|that)\s+)?(?:\w+\s+){0,2}?"
                    r"(?:missing|lack|flaw|bug|vulnerabilit(?:y|ies)|weakness|gap|misconfigur\w*|race\s+condition|loophole"
                    r"|unchecked|unvalidated|insecure)\b"
                    # "The attack used a bug in custom emoji code", "the exploit abused a flaw in ..."
                    r"|(?:attack|attacker|attackers|exploit)\s+(?:used|exploited|abused|leveraged)\s+(?:a|an|the)\s+"
                    r"(?:\w+\s+){0,2}?(?:bug|flaw|vulnerability|weakness|misconfiguration|loophole)\s+in\b)", re.I)
# what an investigation found: "After investigation, we determined that the core pods had
# no resource guarantees", "analysis showed that ..." (a cause when what follows "that" is
# not the harm's measure or its absence: "that no customer data was lost", "that about 3%
# of requests were slow")
_FOUND_THAT = lazy_re.compile(r"\b(?:after|upon|on|through)\s+(?:(?:some|further|an?|the|our|more)\s+)?(?:investigation"
                         r"|investigating|analysis|debugging|digging)\b[^.;]{0,30}?\s(?:we|I)\s+(?:\w+\s+)?(?:determined"
                         r"|found|discovered|concluded|established|realized|realised|learned)\s+that\b"
                         r"|\b(?:investigation|analysis|debugging)\s+(?:\w+\s+)?(?:showed|revealed|determined|found"
                         r"|established|concluded)\s+that\b", re.I)
_SCOPE_FOUND = lazy_re.compile(r"^\W*(?:no|none|nothing|only|about|approximately|roughly|around|nearly|almost|~|\d|all|most"
                          r"|some|few|fewer|less|more)\b|\b(?:affected|impacted|lost|exposed|leaked|accessed|stolen)\b", re.I)


def _found_cause(sentence: str) -> bool:
    """Does the sentence tell what an investigation found to be the cause?"""
    m = _FOUND_THAT.search(sentence)
    return m is not None and not _SCOPE_FOUND.search(sentence[m.end():])


# the same in French, Spanish, Portuguese, German and Dutch ("devido a expiração de chave
# SSH", "à cause d'un certificat", "verursacht durch")
_CAUSE_OTHER = lazy_re.compile(r"(?=[acdeglopuvà])\b(?:devido\s+(?:a|à|ao)|por\s+causa\s+d[eoa]|causad[oa]s?\s+por|debido\s+a|a\s+causa\s+de"
                          # "Grund dafür war ein Fibercut", "la cause était", "el motivo fue"
                          r"|grund\s+(?:dafür|hierfür|war)|ursache\s+(?:war|ist)|la\s+cause\s+(?:était|est|a\s+été)"
                          r"|el\s+motivo\s+fue|o\s+motivo\s+foi"
                          # "durch einen Stromausfall ausgefallen" (down through a power cut)
                          r"|durch\s+(?:einen|eine|ein|einem|einer)\s+\S+\s+(?:ausgefallen|lahmgelegt)"
                          r"|à\s+cause\s+d|en\s+raison\s+d|caus[ée]e?s?\s+par|d[ûu]e?\s+à|aufgrund|verursacht"
                          r"|veroorzaakt\s+door|als\s+gevolg\s+van)", re.I)
# the same in Chinese, Japanese and Korean: "由于…故障" (because of), "原因" (cause), "导致"
# (led to), "때문에" (because), "으로 인해" (due to); their sentences end in 。！？
_CAUSE_CJK = lazy_re.compile(r"由于|由於|因为|因為|原因|导致|導致|起因|때문에|원인|로\s?인(?:해|한)")
_CJK_SENTENCE = lazy_re.compile(r"(?<=[。！？])")
_CAUSE_HINTS = ("cause", "due", "because", "investigat", "analysis", "debugging", "digging", "turned out", "trigger", "result", "stem", "originated", "traced",
                "culprit", "reason", "the problem", "the issue", "the bug", "the fault", "devido", "causa", "debido", "raison", "dû", "aufgrund", "verursacht", "grund",
                "ursache", "motivo", "veroorzaakt", "gevolg", "durch", "advantage of", "attack", "exploit")
_NO_CAUSE_HERE = {"timeline", "actions", "went_well", "lucky"}


def _untimed_story(doc: Doc, s: Section) -> bool:
    """A section named as the timeline ("## The Events") that tells its story in
    paragraphs with no time in them: a narrative, whose sentences may state the cause."""
    return doc.kinds.get(id(s)) == "timeline" and bool(s.blocks) \
        and all(b.kind == "para" for b in s.blocks) \
        and not any(tp.first_timed_stamp(b.text) for b in s.blocks)


def _prose_cause(doc: Doc) -> list[str]:
    """The causes a document without a causes section states in its prose: its
    front-matter description when that states one (its writer's own summary); else a
    label's list ("Three failure modes:"); else a root cause labelled in each of two or
    more parts; else the first sentence that states a cause (``_CAUSE``, or its words in
    another language), or the list it introduces ("Root causes were two ...:"). None when
    nothing does."""
    described = front(doc, "description")
    if isinstance(described, str) and (_CAUSE.search(described) or _CAUSE_OTHER.search(described)):
        return [plain(described.strip())[:500]]
    # "Three failure modes:" over a numbered list: a label that names its items as causes
    for s in doc.secs:
        if doc.kinds.get(id(s)) in _NO_CAUSE_HERE:
            continue
        for i, b in enumerate(s.blocks):
            if b.kind == "para" and len(b.text) < 80 and _CAUSES_LABEL.match(plain(b.text)) \
                    and len(listed := _listed_after(s.blocks, i)) >= 2:
                return listed
    # "## Part 2: ..." with "**Root cause:** ..." in it, and so on for each part: a post
    # told as several problems, each its labelled cause
    labelled = list(dict.fromkeys(   # (the same cause in the summary and the body once)
        m.group(1).strip()[:500] for s in doc.secs if doc.kinds.get(id(s)) not in _NO_CAUSE_HERE
        for b in s.blocks if b.kind == "para" and "root cause" in b.text.lower()
        for m in [_ROOT_CAUSE_LABEL.search(plain(b.text))] if m and not _unknown_cause(m.group(0))))
    # (a cause told again at more length, "the certificate expired." then "the certificate
    # expired because its renewal job was off", is one)
    labelled = [c for c in labelled if not any(o != c and o.lower().startswith(c.lower().rstrip(" .;")) for o in labelled)]
    if len(labelled) >= 2:
        return labelled
    # (a timeline told as untimed paragraphs is read last: a cause stated elsewhere wins
    # over the story's first "due to")
    stories = {id(s) for s in doc.secs if _untimed_story(doc, s)}
    for s in sorted(doc.secs, key=lambda s: id(s) in stories) if stories else doc.secs:   # (stable: order kept)
        # (a timeline's paragraph that opens as the cause's field, under its list: "Cause:
        # 'replace form' deleted the version the phones used")
        shaped = doc.kinds.get(id(s)) == "timeline" and id(s) not in stories and id(s) not in doc.response_steps
        if doc.kinds.get(id(s)) in _NO_CAUSE_HERE and id(s) not in doc.response_steps and id(s) not in stories \
                and not shaped:
            continue   # (a Resolution told as timed steps may name the cause it found)
        # a heading or a bold line that says it ("**The site was down due to a storage
        # fault**") states the cause as well as any sentence does
        heading = plain(s.title) if s.level > 0 and id(s) not in doc.kinds else ""
        if len(heading.split()) >= 5 and _CAUSE.search(heading):
            return [heading[:500]]
        i = 0
        while i < len(s.blocks):
            if s.blocks[i].kind not in ("para", "item") or shaped and (
                    s.blocks[i].kind != "para" or not _CAUSE_FIELD_OPENS.search(plain(s.blocks[i].text).lstrip())):
                i += 1
                continue
            # a list item and its sub-bullets ("- CSS not loading" / "  - Caused by ..."),
            # or a run of them that are fields
            fields, texts, after = _cause_texts(s.blocks, i)
            last, i = after - 1, after   # (the last block read; the next to read)
            for field in fields:
                if not _unknown_cause(stated := plain(field).strip(), keyed=True):
                    return [stated[:500]]
            for text in texts:
                lower = text.lower()
                if any(w in lower for w in _CAUSE_HINTS):
                    for sentence in _SENTENCE.split(plain(text)):
                        if _unknown_cause(sentence):
                            continue   # "**Root cause:** TBD": the template's blank, not a cause
                        named = _NAMES_THE_CAUSES.search(sentence)
                        # (or a sentence that opens as the cause's field, a line of a short
                        # mail: "Cause: that cert was still on manual renewal ...")
                        if named or _CAUSE.search(sentence) or _CAUSE_OTHER.search(sentence) or (
                                doc.kinds.get(id(s)) != "impact" and _found_cause(sentence)) \
                                or _CAUSE_FIELD.match(sentence.lstrip()) and len(sentence.split()) >= 4:
                            listed = _listed_after(s.blocks, last) if named else []
                            if named and not listed and not (_CAUSE.search(sentence) or _CAUSE_OTHER.search(sentence)
                                                             or _found_cause(sentence)):
                                continue   # ("... to cause this:" over no list names nothing)
                            # ("Root causes were two misconfigurations:" over a numbered
                            # list: the list's items are the causes)
                            stated = _ENTRY_CLOCK.sub("", sentence.strip(), count=1)
                            if (key := _CAUSE_FIELD.match(stated)) is not None and stated[key.end():].strip():
                                stated = stated[key.end():]   # (the cause, not its key)
                            return listed or [stated[:500]]
                if _CAUSE_CJK.search(text):
                    for sentence in _CJK_SENTENCE.split(plain(text)):
                        if _CAUSE_CJK.search(sentence) and not _unknown_cause(sentence):
                            return [sentence.strip()[:500]]
    # last, a finding told in the timeline ("15:00: It has turned out that the feeder cable
    # was blown"): only words that name a found cause, not a "because" explaining an entry
    for s in doc.of_kind("timeline"):
        for b in s.blocks:
            if b.kind in ("para", "item") and any(w in b.text.lower() for w in ("turned out", "root cause", "culprit")):
                for sentence in _SENTENCE.split(plain(b.text)):
                    if _FOUND_CAUSE.search(sentence) and not _NEGATED_CAUSE.search(sentence):
                        return [_ENTRY_CLOCK.sub("", sentence.strip(), count=1)[:500]]
    return []


_FOUND_CAUSE = lazy_re.compile(r"\b(?:turned\s+out\s+(?:to\s+be|that)|the\s+root\s+cause\s+(?:was|is)|the\s+culprit\s+(?:was|is))\b", re.I)
_NEGATED_CAUSE = lazy_re.compile(r"\b(?:not|no|never|unknown|unclear)\b[^.]{0,20}\b(?:cause|culprit)\b|turned\s+out\s+(?:to\s+be\s+)?"
                            r"(?:fine|ok|okay|unrelated|harmless|benign|wrong|incorrect|mistaken|false|a\s+false|a\s+red\s+herring"
                            r"|not\b|nothing)", re.I)
# an entry's clock before its words ("15:00 UTC: It turned out that ..."): not part of the cause
_ENTRY_CLOCK = lazy_re.compile(r"^\W*\d{1,2}[:h.]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?\s*)?(?:[A-Z]{2,5}\s*)?[:\-\u2013\u2014|]?\s*")


_CAUSES_LABEL = lazy_re.compile(r"^(?:(?:the|our|\w+)\s+){0,2}(?:failure\s+modes|(?:root\s+|contributing\s+)?causes"
                           r"|contributing\s+factors|reasons|things\s+that\s+went\s+wrong)\s*:$", re.I)
_ROOT_CAUSE_LABEL = lazy_re.compile(r"(?:^|(?<=[.!?]\s))root[\s_]+cause\s*:\s*(\S.*)", re.I)
# a field that names the cause: "Root cause:", "Root causes:", "Cause:", "根本原因："
_CAUSE_FIELD = lazy_re.compile(r"(?:root[\s_]+causes?|causes?|根本原因|原因)\s*[:：]\s*", re.I)
# ... opening the paragraph or a sentence of it ("... in the cold. Cause: the access-control
# bridge didn't come back after the power blip")
_CAUSE_FIELD_OPENS = lazy_re.compile(r"(?:^|(?<=[.!?]\s))(?:root[\s_]+causes?|causes?|根本原因|原因)\s*[:：]\s*", re.I)
# ... left blank or not known yet: "TBD", "N/A — see below", "Unknown, still investigating",
# "None identified yet", "调查中，预计明天", "unbekannt"; not a cause that opens with such a
# word ("Unknown client flooding the login API"), nor one found since ("unknown at first,
# later found to be a stale DNS record": _FOUND_SINCE)
_BLANK_WORDS = (r"n/?a", r"none(?:\s+(?:identified|found|known))?", r"tb[dac]", r"to\s+be\s+(?:determined|confirmed)",
                r"unknown", r"unclear", r"not\s+(?:yet\s+)?(?:known|determined|identified|clear)", r"under\s+investigation",
                r"(?:still\s+)?investigating", r"pending(?:\s+investigation)?", r"unbekannt", r"desconocid[ao]",
                r"inconnue?", r"sconosciut[ao]", r"desconhecid[ao]", "调查中", "調査中", "不明", "未知", "不详", "未定", "待定",
                r"[-—–?]")
_BLANK_VALUE = lazy_re.compile("(?:" + "|".join(_BLANK_WORDS) + r")(?:\s+(?:yet|so\s+far|for\s+now|at\s+(?:this|the)\s+time))?"
                          r"\s*(?:$|[.;:,/!?。，、：；(\[（—–-])", re.I)
_FOUND_SINCE = lazy_re.compile(r"\b(?:found|traced|turned\s+out|identified\s+as|determined\s+to|confirmed\s+(?:as|to))\b", re.I)
# a field's key: "Root cause:", "**Ursache:**" (read plain), "根本原因："
_FIELD_KEY = lazy_re.compile(r"[^:：]{1,40}[:：]\s*")


def _unknown_cause(sentence: str, keyed: bool = False) -> bool:
    """A cause field left blank or not known yet ("Root cause: TBD", _BLANK_VALUE); with
    ``keyed``, a field whatever its key names ("Ursache: unbekannt": a cause field)."""
    sentence = sentence.strip()
    key = (_FIELD_KEY if keyed else _CAUSE_FIELD).match(sentence)
    m = key and _BLANK_VALUE.match(sentence, key.end())
    return bool(m) and not _FOUND_SINCE.search(sentence, m.end())


# a sentence that says the list after it is the causes: "Root causes were two silent
# misconfigurations:", "It was caused by:" (not "We found the root cause after checking
# the following:")
_NAMES_THE_CAUSES = lazy_re.compile(r"\b(?:root\s+)?(?:causes?|reasons?|factors?)\s+(?:were|are|was|is|include[sd]?)\b[^.:]{0,80}:\s*$"
                               r"|\b(?:caused\s+by|due\s+to|because\s+of)\s*:\s*$"
                               # "There were a couple of bad things that worked together to cause this:"
                               # (things that combined, not "what caused the errors:" over the
                               # steps that found it, nor "led to the outage:" over events)
                               r"|\b(?:worked|came|acted)\s+together\s+to\s+cause\s+(?:this|it|the\s+\w+)\s*:\s*$"
                               r"|\bcombined\s+to\s+cause\s+(?:this|it|the\s+\w+)\s*:\s*$", re.I)


def _listed_after(blocks: list, i: int) -> list[str]:
    """The items of the list right after block ``i``."""
    out = []
    for b in blocks[i + 1:]:
        if b.kind != "item":
            break
        out.append(plain(b.text)[:500])
    return [t for t in out if t]


_NUMBERED_TITLE = lazy_re.compile(r"^\s*\d{1,3}[.)]\s+")
# a table header that names what supports the causes rather than the causes ("| Evidence |
# Source |")
_EVIDENCE_COLUMN = lazy_re.compile(r"\b(?:evidence|sources?|metrics?|data|before|after|during|graphs?|logs?|time|when)\b", re.I)
# a sub-heading that asks ("### Why it happened", "### Why it wasn't caught earlier",
# "### What went wrong"): a question its list or paragraphs answer, never a cause itself
# (one over nothing but code is still named by its heading)
_ASKS = lazy_re.compile(r"^\W*(?:why|what|how|warum|wieso|pourquoi|por\s+qu[ée])\b|^\W*(?:为什么|為什麼|なぜ|왜)", re.I)
# causes named as candidates ("Possible causes") and causes ruled out ("Ruled-out causes")
_CANDIDATE_CAUSES = lazy_re.compile(r"^(?:possible|probable|likely|suspected|potential)\b", re.I)
_NAMES_FACTORS = lazy_re.compile(r"\b(?:contributing\s+)?factors?\b|\bthemes?\b", re.I)
_NOT_CAUSES = lazy_re.compile(r"\b(?:ruled[\s-]*out|rejected|eliminated|excluded|discarded|dismissed|red\s+herrings?)\b"
                         r"|\bnon[\s-]+causes?\b|\bnot\s+(?:the\s+)?(?:root\s+)?causes?\b", re.I)
# a table's header that names its rows as causes ("| Cause | Likelihood |", "| 要因 | 影響 |")
# (and a heading that names causes, not "## Analysis" nor "## Technical details")
_CAUSE_COLUMN = lazy_re.compile(r"\b(?:causes?|causas?|factors?|reasons?|hypothes[ie]s|suspects?)\b|原因|要因|根因|ursache|cause",
                           re.I)
# a heading that names a group of causes, not one: "Background causes", "Other contributing
# factors", "背景原因" (background causes), "要因"
# a heading that holds the causes, or their details ("### Technical details" over four
# numbered causes, "### Five whys" over its answers); not "### Diagnosis" over the steps
# that found them
_DETAILS_OF_CAUSES = lazy_re.compile(r"^\W*(?:technical\s+)?(?:details|explanation|breakdown)\W*$", re.I)
_FINDING_CAUSES = lazy_re.compile(r"diagnos|analys|investigat|調査|分析|调查|분석", re.I)


def _holds_causes(title: str) -> bool:
    return bool(_DETAILS_OF_CAUSES.match(title)) or (
        section_kind(title, whole=True) == "factors" and not _FINDING_CAUSES.search(title))
_GROUP_OF_CAUSES = lazy_re.compile(r"^\W*(?:(?:[\w'’-]+\s+){0,2}(?:causes|factors|reasons)"
                              r"|(?:背景|根本|間接|副次|寄与|その他の?|其他)?(?:原因|要因))\W*$", re.I)


def _labels_a_list(doc: Doc, s: Section, items: list) -> bool:
    """A bold line, not numbered, that ends in a colon, over two or more list items and
    nothing else: a label for the list ("**Main problems**:"), not one cause with its
    explanation ("**Config pushed without validation**" over the evidence for it)."""
    return s.level == 7 and len(items) >= 2 and len(items) == len(s.blocks) \
        and not _NUMBERED_TITLE.match(plain(s.title)) and 0 < s.line <= len(doc.lines) \
        and doc.lines[s.line - 1].rstrip(" *_").endswith((":", "："))


def _section_text(doc: Doc, kind: str) -> str | None:
    parts = []
    for s in doc.of_kind(kind):
        for b in s.blocks:
            if b.kind in ("para", "item"):
                parts.append(plain(b.text))
    text = " ".join(p for p in parts if p)
    return text[:4000] or None


def _section_items(doc: Doc, kind: str) -> list[str]:
    out = []
    for s in doc.of_kind(kind):
        for b in s.blocks:
            if b.kind in ("item", "para") and plain(b.text):
                out.append(plain(b.text))
    return out


def _near_miss(doc: Doc, title: str | None, summary: str | None) -> bool:
    v = front(doc, "near_miss")
    if v is not None:
        return v is True or str(v).strip().lower() in _YES
    if "near_miss" in doc.meta and (said := doc.meta["near_miss"][0].strip().lower().rstrip(" .")) in _YES | _NO:
        return said in _YES   # ("Near miss: yes/no", a template's question unanswered, says neither)
    if isinstance(kind := front(doc, "class"), str) and _NEAR_MISS.match(kind.strip()):
        return True   # "type: near-miss" in front matter: what it was, as "**Type:** Near miss" says in the body
    if doc.front and any(isinstance(v := doc.front.get(k), str) and _NEAR_MISS.match(v.strip())
                         for k in ("classification", "event_type", "kind")):
        return True   # "Classification: Near miss" heading a plain-text file's fields
    if title and _NEAR_MISS.match(title.strip()):
        return True
    if title and _NEAR_MISS_WORDS.search(title):
        return True
    if "title" in doc.meta and _NEAR_MISS.match(plain(doc.meta["title"][0]).strip()):
        return True   # "**Event:** near miss, Surf Lagoon wave pool, ...": the field naming the event says what it was
    if any(s.level == 1 and _NEAR_MISS.match(plain(s.title).strip()) for s in doc.secs):
        return True  # "# Near miss: ..." under a front-matter title that does not say it
    # the document says so where it sums itself up: its summary, opening, impact or status
    # (a long bold "**Summary**: ..." line is read as opening prose)
    # (each part, and each paragraph of the opening, read on its own: "**Near miss.** No
    # customer saw an error" opens its paragraph, whatever the summary or a description before it says)
    if "severity" in doc.meta and severities.level(said := doc.meta["severity"][0]) is None \
            and _NAMED_NEAR_MISS.search(said, 0, 40):
        return True   # "Sev: none (near miss; would have been SEV1 ...)": no level, for it was one
    parts = list(filter(None, [summary, _opening_prose(doc)] + [doc.meta[k][0] for k in ("impact", "status")
                                                               if k in doc.meta]))
    if any(stem in low for low in map(str.lower, parts) for stem in _NEAR_MISS_STEMS):   # (spares the regex on most)
        if any(_NOT_NEAR_MISS.search(p) for p in parts):
            # "We still record this as an incident, not a near miss"; "We talked about recording
            # this as a near miss ..., but it was not a near miss": the document's own verdict
            return False
        for said in (plain(p) for part in parts for p in part.split("\n")):
            if any(not _DENIED.search(said, max(0, m.start() - 30), m.start())
                   for m in _NEAR_MISS_CLAIM.finditer(said)):
                return True
    return _harm_averted(doc, summary, title)


# a severity field that names no level, for it was a near miss: "none (near miss; ...)", "N/A - near miss"
_NAMED_NEAR_MISS = lazy_re.compile(r"\bnear[\s-]?miss\b", re.I)


# the document saying it was no near miss: "an incident, not a near miss", "this was not a near-miss"
_NOT_NEAR_MISS = lazy_re.compile(r"\b(?:not|n['’]t|never)\s+(?:just\s+|merely\s+|only\s+)?an?\s+near[\s-]?miss\b", re.I)


# A near miss by meaning: the document says the harm did not happen (a vulnerability or
# a leaked secret not exploited, no customer impact, caught before production) and
# nowhere that users were hurt (an outage, errors, downtime).
_NOT = r"(?:was|were|been|being|is|are)\s+(?:never\s+|not\s+(?:\w+\s+)?)"
# (words one of which the text must hold, the statement): a cheap substring test gates
# each regex, so a document that says none of this costs a few "in" checks. A word may
# be wider than the statement, never narrower; a word as common as "affected" alone
# would run its regex on most documents.
_AVERTED = [
    (("exploit",), lazy_re.compile(
        _NOT + r"exploited|no\s+(?:reports?\s+of\s+)?(?:actual\s+|active\s+|known\s+|evidence\s+of\s+)?"
        r"(?:exploits?|exploitation)\b|(?:unaware|not\s+aware)\s+of\s+any\s+(?:attempts?\s+to\s+)?exploit"
        r"|without\s+(?:it\s+)?(?:having\s+been|being)\s+exploited"
        r"|(?:has|have|had)(?:\s+not|n[’']t)\s+(?:yet\s+|ever\s+)?been\s+exploited"
        # "the vulnerability wasn’t exploited in a cloud organization"
        r"|\b(?:was|were|is|are)n[’']t\s+(?:ever\s+|actually\s+)?exploited", re.I)),
    (("abused", "not used", "never used", "not been used"), lazy_re.compile(
        _NOT + r"(?:abused|used\s+(?:to|by|for|maliciously))|(?:had|has|have)\s+not\s+been\s+used\s+to", re.I)),
    (("malicious", "indicator"), lazy_re.compile(
        r"no\s+(?:actual\s+|known\s+|evidence\s+of\s+)?malicious\s+(?:activity|use)"
        r"|no\s+indicators?\s+of\s+(?:compromise|malicious)", re.I)),
    (tuple(f"{v} {p}" for v in ("were", "was", "been") for p in ("compromised", "affected", "impacted", "exposed",
                                                                   "accessed", "disclosed")), lazy_re.compile(
        # (its "n" in both cases, outside the case-blind part, and the word boundary before
        # it looked for behind it: a search jumps from one "n" to the next instead of trying
        # the pattern at every character of the opening, 5x faster where "was affected"
        # lets it run. No other character matches "n" case-blind, so it finds what
        # "\bno\s+..." with re.I finds.)
        r"[nN](?<!\w.)(?i:o\s+(?:\w+\s+)?(?:packages?|accounts?|systems?|data|releases?|users?|customers?|traffic|requests?"
        # (or the people a public service serves: "No resident was affected")
        r"|tenants?)\s+"
        r"(?:were|was|had\s+been)\s+(?:compromised|affected|impacted|exposed|accessed|disclosed))"
        # ... or the people a public service serves, none of them, and nothing more said:
        # "No resident was affected." (not "No other residents were affected", nor "... were
        # affected financially")
        r"|[nN](?<!\w.)(?i:o\s+(?:residents?|citizens?|patients?|students?|passengers?|members\s+of\s+the\s+public)\s+"
        r"(?:were|was)\s+(?:affected|impacted)(?=\s*(?:[.;]|$)))")),
    # "no secrets were leaked", "remained fully protected throughout" (but not "users of
    # the stable packages are not affected": a part spared says another part was hit)
    (("leaked", "exfiltrated", "stolen", "remain", "stay", "read or"), lazy_re.compile(
        r"\bno\s+(?:\w+\s+)?(?:secrets?|credentials?|tokens?|keys?|data|passwords?)\s+(?:were|was|had\s+been)\s+"
        r"(?:leaked|exposed|exfiltrated|stolen|read\s+or\s+(?:changed|modified|written))"
        r"|\b(?:remained|remains|stayed|stays)\s+(?:fully\s+|completely\s+)?(?:protected|secure|unaffected)\b", re.I)),
    # "nobody outside the team saw anything", "no one noticed a thing" (not "nobody noticed
    # the alert for an hour": late, not spared)
    # ... "Nobody saw an error and all bookings went through"
    (tuple(f"{who} {w}" for who in ("nobody", "no one") for w in ("outside", "else", "ever", "noticed", "saw", "felt")),
     lazy_re.compile(
        # (or a thing gone wrong they would have seen: "Nobody outside the marketing operations
        # team saw a single wrong letter")
        r"\b(?:nobody|no\s+one)\s+(?:outside\s+(?:the|our)\s+(?:[\w&-]+\s+){0,3}?(?:team|company|department)\s+|else\s+)?(?:ever\s+)?"
        r"(?:noticed|saw|felt)\s+(?:anything|a\s+thing|an?\s+(?:single\s+)?error|any\s+errors?"
        r"|a\s+single\s+(?:wrong|bad|broken|failed|incorrect|duplicate)\s+[\w-]+)\b", re.I)),
    # ... "the standby took over and nobody lost access", "no one lost any work": the harm
    # the failover spared (not "nobody lost access until ...": it came, later)
    (tuple(f"{who} lost" for who in ("nobody", "no one")), lazy_re.compile(
        r"\b(?:nobody|no\s+one)\s+lost\s+(?:any\s+|a\s+)?(?:[\w-]+\s+)?(?:access|data|work|connectivity|service|sessions?"
        r"|anything|thing)\b"
        r"(?!\s+(?:until|till|for\s+more|for\s+long))", re.I)),
    # ... "shoppers searched last week's index the whole time and never saw anything unusual"
    (("never saw", "never noticed", "never felt"), lazy_re.compile(
        r"\b(?:customers?|users?|shoppers?|players?|visitors?|members?|clients?|patients?|guests?|readers?)\b"
        r"[^.;]{0,60}?\bnever\s+(?:saw|noticed|felt)\s+(?:anything|a\s+thing)\b", re.I)),
    # ... "Four minutes to spare", "with hours to spare", "38 minutes before the 14:30
    # cutoff": stopped just before the harm
    (("to spare", "before the", "ahead of"), lazy_re.compile(
        r"\b(?:minutes?|hours?|seconds?|days?)\s+(?:to\s+spare|(?:before|ahead\s+of)\s+the\s+(?:\d{1,2}[:.]\d{2}\s+)?"
        r"(?:cutoff|cut-off|deadline|submission\s+window|settlement\s+window))\b", re.I)),
    # ... "no customer noticed anything", "no customer request ever saw an invalid certificate"
    (("no customer", "no user", "no client", "no end", "no production", "no external"), lazy_re.compile(
        r"\bno\s+(?:customer|user|end[\s-]user|production|external)[\s-]+(?:facing\s+)?impact"
        r"|\bno\s+(?:customers?|users?|clients?)(?:\s+[\w-]+){0,2}?\s+(?:ever\s+)?(?:noticed|saw|felt|experienced)\b",
        re.I)),
    # ... "No claim was delayed and no payer saw a failed submission": neither the work nor
    # the people it is for touched
    # ... "No mail was damaged or delayed and nobody was hurt": the work and the people both
    # spared (a machine's smoke put out before a fire)
    (("delayed and no", "damaged and no"), lazy_re.compile(
        r"\bno\s+[\w-]+\s+(?:was|were)\s+(?:(?:damaged|lost)\s+or\s+)?(?:delayed|damaged)\s*(?:,\s*|\s+)and\s+"
        r"(?:no\s+[\w-]+\s+(?:ever\s+)?(?:saw|noticed|received|got)\b|(?:nobody|no\s+one)\s+was\s+(?:hurt|injured|harmed)\b)", re.I)),
    # (or before the step that would have delivered it: "duplicate payout file caught before
    # bank submission", "stopped before the upload")
    (("before it", "before any", "before reach", "before hitting", "before making", "caught before", "stopped before",
      "pulled before", "held before"), lazy_re.compile(
        r"(?:caught|stopped|detected|found|pulled|held)\s+(?:it\s+|the\s+\w+\s+)?before\s+(?:it\s+|any\s+of\s+it\s+)?(?:(?:reached|hit|went\s+(?:to|into)"
        # (or the one it would have been given to: "caught it before any of it reached a patient")
        r"|affected|made\s+it\s+to)\s+(?:production|customers|users|(?:a|any)\s+(?:patient|customer|user|client|animal)s?)"
        r"|(?:a\s+|the\s+|any\s+)?(?:release|shipping|deploy(?:ment)?"
        r"|(?:[\w:-]+\s+)?(?:submission|upload|publication|rollout|sending))\b)",
        re.I)),
    # "There was no spill and no harm done", "no product reached a customer": the harm that
    # did not come, in so many words (not "no harm done to the data", one thing spared)
    (("no harm", "reached a", "reached any"), lazy_re.compile(
        r"\bno\s+harm\s+(?:was\s+)?done\b(?!\s+to\b)"
        r"|\bno\s+(?:[\w-]+\s+){1,2}?reached\s+(?:a|any)\s+(?:customers?|consumers?|patients?|shops?|stores?|shelf|shelves"
        r"|the\s+public)\b", re.I)),
    (("lucky", "fortunate"), lazy_re.compile(r"\bwe\s+got\s+(?:very\s+|really\s+|extremely\s+|incredibly\s+|pretty\s+)?lucky"
                                             r"|\bwe\s+were\s+(?:very\s+|really\s+|extremely\s+)?(?:fortunate|lucky)\s+that\b", re.I)),
    # "it was closer than I'd like", "too close for comfort": how near the harm came
    # (beside the impact it did not have, in one sentence: "No player impact, but it was
    # closer than I'd like"; not "too close for comfort" after six hours of lost logs)
    (("closer than", "too close", "uncomfortably close"), lazy_re.compile(
        r"\bno\s+(?:[\w-]+\s+)?impact\b[^.;]{0,40}?\b(?:(?:was|came|got)\s+(?:a\s+(?:lot|bit)\s+|much\s+|far\s+)?"
        r"closer\s+than\s+(?:I|we)(?:['’]d|\s+would)\s+like|too\s+close\s+for\s+comfort|uncomfortably\s+close)", re.I)),
    # "it was luck, not monitoring, that caught it" (not "nothing was lost": often said of
    # data beside an outage)
    (("was luck", "was pure luck", "was sheer luck", "by luck", "by pure luck", "by sheer luck"),
     lazy_re.compile(r"\bwas\s+(?:pure\s+|sheer\s+|just\s+)?luck\b|\bby\s+(?:pure\s+|sheer\s+)?luck\b", re.I)),
    # "about forty minutes away from running out of disk": how close it came, not what happened
    (("away from",), lazy_re.compile(
        r"\b(?:minutes?|hours?|seconds?|days?|an?\s+hour)\s+away\s+from\s+(?:running\s+out|filling|failing|an?\s+outage"
        r"|(?:a\s+)?full\s+(?:disk|outage)|refusing|rejecting|stopping|losing|data\s+loss)", re.I)),
    # "no account access, no data accessed", "the attacker ... never got a session": a
    # stolen password stopped at the second factor
    (("no account", "no system", "no mailbox", "no data", "never got"), lazy_re.compile(
        r"\bno\s+(?:account|system|mailbox|data)\s+access\b(?!\s+(?:for|until|during))"
        r"|\bno\s+data\s+(?:was\s+)?accessed\b|\bnever\s+got\s+(?:a\s+session|access|in)\b", re.I)),
    # "We paused the upgrade in time", "caught it just in time": stopped before the harm
    (("in time",), lazy_re.compile(
        r"\b(?:paused|stopped|halted|caught|aborted|cancell?ed|blocked|pulled)\s+(?:it|them|the\s+[\w-]+)\s+"
        r"(?:just\s+)?in\s+time\b", re.I)),
    # "No merchant received a duplicate payout", "Nobody installing our packages was affected"
    (("no merchant", "no patient", "no member", "no subscriber", "no tenant", "nobody"), lazy_re.compile(
        r"\bno\s+(?:merchants?|patients?|members?|subscribers?|tenants?)(?:\s+[\w-]+){0,2}?\s+(?:ever\s+)?"
        r"(?:noticed|saw|felt|experienced|received|was\s+affected)\b"
        r"|\bnobody(?:\s+[\w-]+){1,3}?\s+(?:was|were)\s+affected\b", re.I)),
    # "The duplicate file was quarantined and never sent to the bank" (stopped on its way:
    # not "some were never sent", a delivery lost), "no money moved"
    (("never sent", "never uploaded", "never delivered", "never published", "never submitted", "money moved"),
     lazy_re.compile(r"\b(?:quarantined|held|blocked|stopped|caught|pulled|deleted|discarded)\s+and\s+never\s+"
                     r"(?:sent|uploaded|delivered|published|submitted)\b|\bno\s+money\s+(?:moved|left)\b", re.I)),
    # "not a single customer connection was refused", "nothing customer-facing was touched"
    (("not a single", "customer-facing", "user-facing"), lazy_re.compile(
        r"\bnot\s+a\s+single\s+(?:customer|user|client|production)\b(?:\s+[\w-]+){0,2}?\s+(?:was|were)\s+"
        r"(?:refused|affected|impacted|dropped|lost|failed|rejected|harmed|touched)"
        r"|\bnothing\s+(?:customer|user)[\s-]facing\s+(?:was|were)\s+(?:touched|affected|impacted)", re.I)),
    # "caught in staging", "the pipeline halted before the first production wave", "stopped
    # at the canary": stopped on the way, short of the users
    (("caught in", "caught at", "caught on", "stopped at", "stopped in", "halted before", "halts before",
      "stopped before", "stops before", "itself before", "never reached", "nothing reached"), lazy_re.compile(
        r"\b(?:caught|stopped|halted)\s+(?:it\s+)?(?:in|at|on)\s+(?:the\s+)?(?:staging|canary|pre-?prod(?:uction)?|"
        r"test(?:ing)?|qa)\b"
        r"|\b(?:halt(?:s|ed)?|stop(?:s|ped)?)\s+(?:itself\s+)?before\s+(?:the\s+)?(?:first\s+)?production\b"
        r"|\bnever\s+reached\s+(?:production|customers|users)\b"
        # ("Nothing reached production and no customer data was touched"; not "Nothing reached
        # production from the staging branch, but ...")
        r"|\bnothing\s+reached\s+(?:production|customers|users)\s*(?:[.;]|and\b|$)", re.I)),
    # "had not been activated on mainnet; no funds were at risk": caught before it shipped
    (("at risk", "been activated", "been deployed", "been released", "been enabled", "been shipped"), lazy_re.compile(
        r"\bno\s+(?:\w+\s+)?(?:funds|money|assets|users?|customers?|data|accounts?)\s+(?:were|was)\s+(?:ever\s+)?at\s+risk"
        r"|\b(?:had|has|have)\s+not\s+(?:yet\s+)?been\s+(?:activated|deployed|released|enabled|shipped)", re.I)),
    (("unauthori",), lazy_re.compile(
        r"\b(?:no|(?:not|n[’']t)\s+(?:show|find|reveal|see)\s+any)\s+(?:evidence\s+of\s+(?:any\s+)?)?(?:\w+\s+)?"
        r"unauthori[sz]ed\s+(?:actions?|access|use|activity|changes?|uploads?|releases?)", re.I)),
    # no customer harmed, said in other languages: "nenhum cliente foi afetado", "ningún
    # pago se vio afectado", "hiçbir müşteri etkilenmedi", "không khách hàng nào bị trừ
    # tiền", "kein Kunde war betroffen", "aucun client n'a été impacté", "geen klanten zijn
    # geraakt", "żaden klient nie został obciążony", "ingen kund påverkades"
    (("nenhum cliente", "nenhum usu", "nenhuma trans", "nenhum pag", "ningún", "ningun", "hiçbir", "hicbir", "không",
      "kein kunde", "keine kund", "kein nutzer", "keine transaktion", "aucun client", "aucun util", "aucun usager",
      "aucune trans", "nessun", "geen klant", "geen gebruiker", "geen transact", "geen betaling", "żaden", "zaden",
      "ingen kund", "ingen anv", "ingen resen"), lazy_re.compile(
        r"\bnenhuma?\s+(?:clientes?|usu[áa]rios?|transa[çc](?:ão|ões)|pagamentos?)\s+(?:foi|foram)\s+(?:afetad|impactad|cobrad)"
        r"|\bning[úu]na?\s+(?:cliente|usuario|transacci[óo]n|pago)\s+(?:fue|se\s+vio|result[óo])\s+(?:afectad|impactad|cobrad)"
        r"|\bhi[çc]bir\s+(?:m[üu][şs]teri|kullan[ıi]c[ıi]|i[şs]lem|[öo]deme)\S*\s+etkilenmedi"
        r"|\bkh[ôo]ng\s+(?:c[óo]\s+)?(?:kh[áa]ch\s+h[àa]ng|giao\s+d[ịi]ch|ng[ưu][ờo]i\s+d[ùu]ng)\s+n[àa]o\s+b[ịi]"
        r"|\bkein(?:e|er)?\s+(?:Kunden?|Kundin|Nutzer(?:in)?|Anwender|Transaktion|Zahlung)\s+(?:war|waren|wurde|wurden|ist)\s+(?:betroffen|belastet)"
        r"|\baucune?\s+(?:client|utilisateur|usager|transaction|paiement)\s+n['’]a\s+(?:été\s+)?(?:impact|affect|touch|débit)"
        r"|\bnessun[oa]?\s+(?:cliente|utente|transazione|pagamento)\s+(?:è\s+stat[oa]\s+)?(?:impattat|colpit|addebitat|coinvolt)"
        r"|\bgeen\s+(?:klanten?|gebruikers?|transacties?|betalingen)\s+(?:zijn|is|werden|werd)\s+(?:getroffen|geraakt|benadeeld)"
        r"|\b[żz]aden\s+(?:klient|u[żz]ytkownik)\s+nie\s+(?:zosta[łl]|by[łl])"
        r"|\bingen\s+(?:kund|anv[äa]ndare|resen[äa]r)\w*\s+(?:p[åa]verkades|drabbades)", re.I)),
    # "This never touched a single user's comment"; "Had it gone ahead, we estimate it would
    # have removed ...": what would have happened, had it not been stopped
    # ("Without the check this would have been a SEV-1": what the safeguard spared; not
    # "Without the retry storm this would have been a blip", harm a cause made worse)
    (("never touched", "had it", "had this", "had the", "had we", "without the", "without our", "without this"), lazy_re.compile(
        # (an incident it would have been, not "far worse": harm already there)
        r"\bwithout\s+(?:the|this|that|our)\s+(?:[\w-]+\s+)?(?:check|test|alert|alarm|monitor|guard|guardrail|validation"
        r"|review|safeguard|canary|breaker|gate)s?,?\s+(?:this|it)\s+would\s+have\s+been\s+(?:a\s+|an\s+)?"
        r"(?:sev|p[0-4]\b|major|incident|outage|full)|"
        r"\bnever\s+touched\s+(?:a\s+single|any)\s+(?:user|customer|member|client|player|patient)"
        # (it, gone on, "Had the batch gone out as priced": not "Had the patch shipped a week
        # earlier", a fix wished sooner)
        r"|\bhad\s+(?:it|this|the\s+[\w-]+|we\s+not\s+(?:caught|stopped|held|paused)\s+it)\s+"
        r"gone\s+(?:ahead|out|live|to\s+(?:production|\d{1,3}\s*%))(?!\w)"
        r"[^.;]{0,80}?\bwould\s+have\b", re.I)),
    # "Nothing broke.", "Nothing was customer-visible", "members saw nothing unusual", "It
    # didn't come to that": the harm that did not come
    (("nothing broke", "nothing failed", "nothing was", "saw nothing", "come to that", "came within"), lazy_re.compile(
        # (a sentence of its own: not "Nothing broke straight away because ...", nor "nothing
        # failed: the nearest neighbours were just meaningless", harm that came quietly)
        r"\bnothing\s+(?:broke|failed)(?=\s*[.!]|\s+and\s+no\b)|\bnothing\s+was\s+(?:customer|user)[\s-]visible\b"
        r"|\b(?:customers?|users?|members?|players?|shoppers?|guests?|clients?|visitors?|fans?)\s+saw\s+nothing\s+"
        r"(?:unusual|wrong|amiss|different)\b"
        r"|\b(?:it|this)\s+(?:didn['’]t|did\s+not|never)\s+come\s+to\s+that\b"
        r"|\bcame\s+within\s+(?:one|a|an|\d+)\s+[\w-]+\s+of\s+(?:losing|an?\s+outage|failing|running\s+out)", re.I)),
    # "if the disk had hit 100%, postgres stops ...", "If the certificate had expired, every
    # ... session would have started failing": the harm told as what would have come
    (("if the", "if it had", "if this had"), lazy_re.compile(
        r"\bif\s+(?:the\s+[\w-]+(?:\s+[\w-]+)?|it|this|that)\s+had\s+(?:hit|filled(?:\s+up)?|expired|run\s+out|reached"
        r"|gone\s+(?:out|live|ahead)|shipped|been\s+(?:deployed|released|sent|published|applied))\b", re.I)),
    # a capability that was there, not harm that happened: "no realized harm", "we do
    # not believe there was any impact"
    (("realized harm", "realised harm", "believe there"), lazy_re.compile(
        r"\b(?:no|not\s+a)\s+reali[sz]ed\s+harm"
        r"|\b(?:do|did)\s+not\s+believe\s+(?:that\s+)?there\s+(?:was|were|has\s+been)\s+any\s+(?:\w+\s+)?impact", re.I)),
]
_HARMED = lazy_re.compile(
    r"\b(?:outage|downtime|(?:went|was|were)\s+down(?!\s+to\b)(?!\s+(?:at\s+[\d:.]+\s+(?:on\s+[\w\s]{3,30}?\s+)?)?for\s+(?:its|a|the|our|their|planned|scheduled|routine)\s+(?:[\w-]+\s+){0,2}?(?:maintenance|service|servicing|overhaul|upgrade|inspection))|unavailable|unreachable|degraded|degradation"
    # (not "error rate stayed at 0.02%": a rate that held is the harm that did not come)
    r"|error\s+rates?(?!\s+(?:stayed|remained|held|stays|remains)\s+(?:at|below|under|flat|normal|within|low))|(?:users|customers|visitors|members|patients|residents|passengers|students|pupils|staff|people|players|clients|shoppers)"
    r"\s+(?:could\s+not|couldn't|cannot|can't|were\s+unable|(?:saw|experienced)(?!\s+nothing\b))"
    r"|impact\s+lasted|(?:users|customers|visitors|requests)\s+affected\s*:\s*~?\s*[1-9]\d*"
    r"|data\s+loss|lost\s+data|service\s+disruption|disrupted|(?:users|customers|engineers)\s+felt"
    # (work brought to a stop, and the complaints it brought: "the counter ground to a near
    # halt", "Customer Care has had 41 complaints")
    r"|ground\s+to\s+a\s+(?:near\s+|virtual\s+)?(?:halt|standstill)|(?<![\d,.])[1-9][\d,]*\s+(?:customer\s+)?complaints\b"
    # (what people had entered, lost: "respondents ... lost answers they had entered", "loss of
    # respondent-entered data"; not what they nearly lost, or would have)
    r"|(?<!\bnearly\s)(?<!\balmost\s)(?<!\bhave\s)(?<!\bnot\s)\b(?:lost|losing)\s+(?:the\s+|their\s+|all\s+|some\s+)?"
    r"(?:answers|work|entries|progress|changes|edits|submissions|saves|uploads)\b"
    r"|(?<!\bno\s)\bloss\s+of\s+(?:[\w-]+\s+){0,2}?data\b"
    # (harm done twice or late: "bounced or went to spam", "duplicate payouts", "got the
    # notification twice", "were delayed by 40 minutes")
    # (someone on the receiving end: not "the payout file was written twice", a defect caught)
    r"|bounced|went\s+to\s+spam|(?:was|were)\s+delayed"
    r"|(?:received|receive|got|get|sent|paid|charged|billed|debited|delivered)\s+(?:[\w$.,-]+\s+){0,4}?"
    r"(?:duplicate\s+(?:[\w-]+\s+)?(?:notifications?|payouts?|payments?|charges?|e-?mails?|messages?|orders?|pushes?"
    r"|transfers?)|twice\b(?!\s+(?:a|per|an)\b))"
    # ... or counted, or named as what went out: "~3.1M duplicate pushes to ~860k users",
    # 'Duplicate "new match" push notifications' (not "a duplicate payout file", caught)
    r"|(?:^|(?<=\d)[kKmM]?\s|(?<=\d)\s)duplicate\s+(?:\"[^\"]{1,40}\"\s+|“[^”]{1,40}”\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:notifications?|pushes|charges|payments|payouts|e-?mails|messages|orders)\b(?!\s+(?:file|batch|run|job|records?)\b)"
    # money spent that should not have been: "Total cost about US$48,200", "money only"
    # (not the fix's cost: "Total cost was about $1,200 for the emergency certificate")
    r"|total\s+cost\s+(?:of\s+|was\s+|is\s+)?(?:about\s+|roughly\s+|around\s+|~\s*)?(?:US\s*|A\s*|C\s*)?[$€£]\s*\d[\d,.]*(?:k\b)?(?!\s+(?:for|to|in\s+fees\s+for)\s)"
    r"|money\s+only|only\s+money"
    # the team's own time lost, or work held up by a measured while: "~310 engineer-hours
    # lost", "the release pipeline was delayed 1h20m" (an internal platform's harm)
    r"|(?:engineer|developer|person)[\s-]hours?\s+(?:were\s+)?lost"
    r"|\bdelayed\s+(?:by\s+)?(?:about\s+|~\s*)?\d+\s*(?:h\b|hours?|m\b|min|minutes?|\d*h\d+m)"
    r"|(?:requests?|calls?|queries|jobs|builds|logins?|payments?|transactions?|orders|checkouts|purchases)(?:\s+[\w-]+){0,3}?\s+"
    r"(?:failed|were\s+(?:rejected|dropped|lost|declined))|(?:was|were)\s+affected\s+for\s+(?:about\s+)?\d+"
    r"|\d+\s+(?:users|customers|engineers)\s+(?:were\s+)?blocked"
    # "P3 (one external party affected, no customer impact)": someone was, if no customer
    r"|(?:one|two|three|several|some|\d+)\s+(?:[\w-]+\s+)?(?:part(?:y|ies)|customers?|users?|clients?|tenants?"
    r"|merchants?|partners?|teams?)\s+(?:(?:was|were)\s+)?affected\b"
    # people complaining, counted: "212 customers opened support tickets quoting the assistant"
    r"|\d[\d,]*\s+(?:customers|users|clients|members|players|merchants)\s+(?:opened|filed|raised|submitted|sent|logged)\s+"
    r"(?:\w+\s+){0,2}?(?:tickets|complaints|cases)\b"
    # money spent as the harm, no customer touched: "Cost incident: ... (~$71k)", "SEV3
    # (cost only, no customer impact)", "$64,900 of extra EC2 spend"
    r"|cost\s+(?:only|incident)\b|(?:extra|unplanned|unexpected|wasted|runaway)\s+(?:cloud\s+|compute\s+|ec2\s+)?(?:spend|costs?|charges|bill)\b"
    # wrong figures in front of people: "every dashboard showed zero activity", "reports showing
    # wrong revenue", "the board deck showed stale numbers"
    r"|\b(?:showed|showing|shows|displayed|displaying|reported|reporting)\s+(?:zero|no|wrong|incorrect|stale|"
    r"inflated|duplicated?|missing|empty|bad)\s+(?:activity|data|numbers|usage|revenue|results|figures|values|counts|totals|rows)\b"
    # data destroyed, even if restored: "a vandal deleted NewsBlur's MongoDB database"
    r"|(?:deleted|wiped|dropped|destroyed|erased)\s+(?:[\w'’-]+\s+){0,3}?(?:databases?|data|tables?|collections?"
    r"|buckets?|backups?)"
    # private code or data made public by mistake, even briefly: "was accidentally committed
    # to the PUBLIC repository, exposing API implementations for 4 commits" (not "blocked it
    # before it was pushed to the public repository")
    r"|(?:accidentally|mistakenly|inadvertently|erroneously)\s+(?:committed|pushed|published|uploaded)\s+"
    r"(?:\w+\s+){0,2}?to\s+(?:the\s+|a\s+)?public\s+(?:\w+\s+)?(?:repo(?:sitory)?|bucket|registry)"
    r"|(?<!before\s)exposing\s+(?:\w+\s+){0,2}?(?:code|implementations?|data|records|files|source)"
    # a failure that lasted ("broke customer login for 43 minutes", "Checkout failed for
    # everyone for 23 minutes"), work that could not be done, money taken twice
    r"|(?:failed|broke|broken|down|unavailable|unreachable)\s+(?:[\w-]+\s+){0,4}?for\s+(?:about\s+|roughly\s+"
    r"|around\s+|~\s*)?\d+\s+(?:minutes?|mins?|hours?|hrs?|h)"
    r"|(?:could\s+not|couldn['’]t|cannot)\s+be\s+(?:placed|processed|completed|delivered|submitted|paid|sent)"
    r"|(?:debited|charged|billed)\s+twice|double[\s-](?:debited|charged|billed)"
    # money spent that should not have been ("Excess spend: $58,940", "runaway spend"), and
    # figures reported wrong ("revenue ... was overstated by 6–9% per day", "counted a
    # share of EU orders twice"): harm inside the company, whatever customers saw
    r"|(?:excess|runaway|unplanned|unexpected|wasted|surprise)\s+(?:[\w-]+\s+)?(?:spend(?:ing)?|costs?|charges|bill)"
    r"|(?:spend(?:ing)?|costs?|bill)\s+(?:runaway|overrun|blow[\s-]?up)"
    # ("dashboards overstated May revenue by about 6%", "one deck ... had to be re-issued")
    r"|(?:was|were|been|dashboards?|reports?|figures?|decks?)\s+(?:over|under)stated|(?:mis|double[\s-]?)(?:reported|counted)"
    r"|counted\s+(?:[\w-]+\s+){0,6}?twice|had\s+to\s+be\s+re-?(?:issued|sent|published|stated)"
    # ("Signups undercounted by 11%", "signup numbers were 11% low", "the correct figure was
    # 49,870", "dashboard frozen at Friday's values", "showed stale numbers")
    r"|(?:under|over)[\s-]?count(?:ed|ing|s)?|(?:was|were)\s+(?:about\s+|roughly\s+|~\s*)?\d+(?:\.\d+)?\s*%\s+(?:too\s+)?(?:low|high)"
    r"|the\s+correct\s+(?:figure|number|value|total|amount)s?\s+(?:was|were)|frozen\s+at"
    r"|(?:showed|showing|shows|served|serving)\s+(?:[\w'’-]+\s+){0,2}?(?:stale|old|wrong|incorrect|outdated)\s+"
    r"(?:numbers|data|figures|values|prices|rates|features|totals))\b", re.I)


# any word of any group above, in one pass: most documents hold none
_AVERTED_WORDS = lazy_re.compile(any_of(w for words, _ in _AVERTED for w in words))


def _said_words(low: str) -> set[str]:
    """The longest of _AVERTED's words at each place one starts in ``low``: a word of
    theirs is in ``low`` exactly when one of these starts with it (the words found at one
    place are each the start of the longest), so one pass over the text tells which
    groups may apply, where testing each word ("w in low") took a pass for each."""
    found = set()
    at = 0
    while (m := _AVERTED_WORDS.search(low, at)) is not None:
        found.add(m.group())
        at = m.start() + 1
    return found


# a field near the top saying nobody was harmed: "**Customer impact:** none. Every bill ...",
# "Impact window: n/a", "User impact: None"
# (or a bare "Impact" field whose none says for whom: "impact:: none for users", an outliner's)
_NO_IMPACT_FIELD = lazy_re.compile(r"(?im)^[^\w\n]*(?:\d{1,2}[.)]\s*)?(?:\*\*|__)?(?:(?:customer|user|client|external|business)\s+impact(?:\*\*|__)?\s*"
                                   r"[:：]:?(?:\*\*|__)?\s*(?:none|nil|n/?a|zero|no\s+(?:customer|user|client)s?\b)"
                                   r"|impact(?:\*\*|__)?\s*[:：]:?(?:\*\*|__)?\s*(?:none|nil|zero)\s+(?:for|to)\s+(?:our\s+|any\s+)?(?:customers?|users?|clients?|patients?|members?)\b)")


# an Impact section that opens by saying there was none: "None to customers or employees.",
# "None.", "No impact to users." (not "None of the 40 uploads succeeded")
_NONE_HARMED = lazy_re.compile(r"\s*(?:none|nil|no\s+impact)(?:\s+(?:to|for|on)\s+(?:our\s+|any\s+)?(?:customers?|users?|clients?"
                               r"|employees?|members?|anyone|the\s+public)(?:\s+(?:or|and)\s+\w+)?)?\s*[.;:]", re.I)


def _harm_averted(doc: Doc, summary: str | None, title: str | None = None) -> bool:
    # (the title too: "... config reached canary, stopped there", "... caught in staging")
    # (and the severity field's note: "Severity: S3 (no customer impact)")
    impact = _section_text(doc, "impact")
    opening = " ".join(filter(None, [_opening_prose(doc), summary, impact, title,
                                     doc.meta.get("severity", ("",))[0], *_opening_items(doc)]))
    said = _said_words(opening.lower())
    if not (said and any(any(f.startswith(words) for f in said) and _said_unquoted(rx, opening)
                         for words, rx in _AVERTED)) \
            and not ("mpact" in doc.text[:3000] and _NO_IMPACT_FIELD.search(doc.text, 0, 3000)) \
            and not (impact and _NONE_HARMED.match(impact)):
        return False
    if title and _DUPLICATES_SENT.match(plain(title)):
        return False   # 'Duplicate "new match" push notifications': the harm the title names
    whole = " ".join(filter(None, [opening, doc.meta.get("title", ("",))[0],
                                   *(plain(v) for v in _IMPACT_FIELD.findall(doc.text, 0, 4000))]))
    # (harm told in the conditional, "every card payment would have failed", did not happen)
    # (nor harm in quotes, a message's name: 'The "payment failed" email went to admin@')
    if any(not _UNREAL.search(whole, max(0, m.start() - 40), m.start()) and not _CONDITIONAL.search(m.group())
           and not (whole[m.start() - 1:m.start()] in _QUOTES and whole[m.end():m.end() + 1] in _QUOTES and m.start())
           and not _quoted(whole, m.start())
           # (harm done twice or late, denied in its clause: "no project was delayed", "No
           # merchant received a duplicate payout")
           and not (_TWICE_OR_LATE.match(m.group()) and _clause_denies(whole, m.start()))
           for m in _HARMED.finditer(whole)):
        return False
    return not any(_ACCESS_HAD.finditer(whole)) or all(_clause_denies(whole, m.start()) for m in _ACCESS_HAD.finditer(whole))


def _said_unquoted(rx, text: str) -> bool:
    """Whether ``rx`` finds the text saying it in its own words, not in quotes: a change's
    success criterion, 'both units healthy, "no customer impact"', is what was hoped for."""
    return any(not (m.start() and text[m.start() - 1] in _QUOTES and text[m.end():m.end() + 1] in _QUOTES)
               for m in rx.finditer(text))


# an Impact field near the top, its value the harm told ("**Impact:** ... causing API downtime")
_IMPACT_FIELD = lazy_re.compile(r"^[\W_]*(?:customer\s+|user\s+)?impact[*_]*\s*:[*_]*\s*(.+)$", re.I | re.M)


_QUOTES = ("\"", "“", "”", "'", "‘", "’")


def _quoted(text: str, at: int) -> bool:
    """Whether ``at`` lies inside a quoted title on its line ('a draft titled "Rate limiter
    outage"'): an odd number of straight double quotes before it, or more opening curly ones
    than closing."""
    line = text[max(text.rfind("\n", 0, at) + 1, at - 120):at]
    return line.count('"') % 2 == 1 or line.count("“") > line.count("”")
_CONDITIONAL = lazy_re.compile(r"\b(?:would|could|might)(?:\s+not)?\s+have\b", re.I)


# Unauthorized access had: "someone had been creating unauthorized accounts", "gained
# unauthorized access to the admin API". Harm only where its own clause holds no denial,
# hedge or capability ("no evidence that the attacker gained ...", "before anyone gained
# ...", "the bug allowed granting ...").
_ACCESS_HAD = lazy_re.compile(r"\b(?:creat(?:ed|ing)|gain(?:ed|ing)|obtain(?:ed|ing)|grant(?:ed|ing))\s+(?:[\d,]+\s+)?"
                         r"unauthori[sz]ed\s+(?:\w+\s+)?(?:accounts?|access|users?|logins?|privileges?)\b", re.I)
_DENIES = lazy_re.compile(r"\b(?:no|not|never|nobody|none|without|prevent\w*|block\w*|stop\w*|unable|fail(?:ed|s)?\s+to"
                     r"|attempt\w*|tr(?:y|ied|ies|ying)|before|allow\w*|let|lets|enabl\w*|could|would|might|may|can"
                     r"|risk\w*|whether|if)\b|n[’']t\b", re.I)
_CLAUSE_END = lazy_re.compile(r"[.;:!?](?=\s|$)")


# a title naming what went out twice: 'Duplicate "order on the way" push notifications' (not
# "Duplicate payout file caught before upload")
_DUPLICATES_SENT = lazy_re.compile(r"^\W*duplicated?\s+(?:[\"“][^\"”]{1,40}[\"”]\s+)?(?:[\w-]+\s+){0,2}?(?:notifications?|pushes"
                                   r"|charges|payments|payouts|e-?mails|messages|orders|sms|texts)\b"
                                   r"(?!\s+(?:file|batch|run|job|records?)\b)", re.I)
_TWICE_OR_LATE = lazy_re.compile(r"bounced|went\s+to\s+spam|(?:was|were)\s+delayed|(?:received|receive|got|get|sent|paid|charged"
                                 r"|billed|debited|delivered)\s", re.I)


def _clause_denies(text: str, at: int) -> bool:
    """Whether the clause ``at`` stands in (back to its sentence's last stop, at most 100
    characters) denies, hedges or merely allows what follows."""
    start = max(0, at - 100)
    ends = [m.end() for m in _CLAUSE_END.finditer(text, start, at)]
    return _DENIES.search(text, ends[-1] if ends else start, at) is not None


# harm named as what was avoided or might happen ("without downtime", "may cause
# downtime", "to avoid an outage"), not as what happened
# (or denied: "a write-up of the miss we got lucky on, not of an outage")
_UNREAL = lazy_re.compile(r"\b(?:without|no|not\s+of|avoid(?:s|ed|ing)?|prevent(?:s|ed|ing)?|may|might|could|would|can|risk\s+of)"
                     r"(?:\s+(?:an?|any|the|cause|causing|lead\s+to|result\s+in|further|some))*\s+$", re.I)


# The words a site generator files a post under, which say what kind of post it is, not
# what kind of failure ("categories: NEWS", "category: Announcements")
_POST_KINDS = frozenset((
    "news", "blog", "blogs", "post", "posts", "article", "articles", "announcement", "announcements", "update",
    "updates", "latest", "general", "uncategorized", "uncategorised", "misc", "other", "engineering", "status",
    "report", "reports", "postmortem", "postmortems", "post-mortem", "post-mortems", "postmortem report",
    "incident", "incidents", "incident report", "incident reports", "outage", "outages", "rca", "retrospective",
    "retrospectives", "retro", "review", "reviews"))
# ... nor a year, a version or a code identifier ("2026", "v0.1.4", "checkout.session.completed")
_NOT_A_CLASS = lazy_re.compile(r"^v?\d[\d.\-/]*$|^[\w-]+(?:\.[\w-]+)+$"
                                # (a classification that marks the paper, not the incident: "Internal", "TLP:AMBER")
                                r"|^(?:(?:company\s+|strictly\s+)?(?:internal|confidential|public|restricted|secret|official)"
                                r"(?:[\s-]+(?:only|use|sensitive))?|tlp\s*:\s*\w+)$", re.I)


def _incident_class(doc, options, title, summary, factors) -> str | None:
    """The class the document names (the first of its front matter's or metadata's values
    that is one of the taxonomy's classes, in its spelling, or else names a kind of
    failure), else the taxonomy's (``classify``)."""
    v = front(doc, "class")
    named = [str(x).strip() for x in (*(v if isinstance(v, list) else [v]),
                                      doc.meta["class"][0] if "class" in doc.meta else None) if x is not None]
    spelled = {name.lower(): name for name, _ in options.taxonomy}
    if (known := next((spelled[x.lower()] for x in named if x.lower() in spelled), None)) is not None:
        return known   # ("class: other", "infra.dns": the taxonomy's own, whatever they look like)
    for value in named:
        if value and value.lower() not in _POST_KINDS and not _NOT_A_CLASS.search(value) \
                and not _NEAR_MISS.match(value) and not (severities.level(value) is not None and len(value.split()) <= 3):
            # (not "near miss", nor "Major Incident": what it was, or how bad, no class)
            return value
    return classify(" ".join(filter(None, [summary, " ".join(factors)])), options.taxonomy, title or "")


def classify(text: str, taxonomy, title: str = "") -> str | None:
    """The taxonomy class with the most of its rules (keywords, patterns) matching, each
    counted once in ``text`` and twice in the ``title`` (what the write-up is about),
    the first in the taxonomy's order on a tie, else None. (The first class in order
    matched anywhere won: "config" in passing made a TLS expiry a config change; and the
    title alone would make a symptom, "502s from the load balancer", beat the cause its
    body states, "a regression in v2.14.0".)"""
    if not (text or title) or not taxonomy:
        return None
    best, most = None, 0
    for name, rules in taxonomy:
        score = sum(2 * bool(title and rx.search(title)) + bool(text and rx.search(text)) for rx in rules)
        if score > most:
            best, most = name, score
    return best


def _owner(doc: Doc) -> str | None:
    v = front(doc, "owner")
    if isinstance(v, list):
        v = ", ".join(str(x) for x in v)
    if v:
        return str(v)
    return doc.meta.get("owner", (None,))[0]


def _paper_date(doc: Doc, key: str) -> str | None:
    """When the postmortem was written / reviewed (front matter, or a metadata key)."""
    v = date_value(front(doc, key))
    if v is None and key in doc.meta:
        v = tp.find_date(doc.meta[key][0], doc.order_hint)
    return tp.iso_date(v)


def _reference(doc: Doc) -> str | None:
    """The incident tool's id for this incident (front-matter ``pagerduty:``, an
    ``Incident ID`` / ``PagerDuty:`` line), a URL reduced to its last path segment."""
    v = front(doc, "reference")
    if not v and "id" in doc.meta:
        v = doc.meta["id"][0]
    if not v:
        return None
    v = str(v).strip()
    if "://" in v:
        v = v.rstrip("/").rsplit("/", 1)[-1]
    return v or None
