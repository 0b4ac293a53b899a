"""Text from postmortems, exports and URLs leaving the dashboard, made harmless for
where it goes. Each sink has one function here, and every value read from a document
or a link that reaches that sink goes through it:

- ``to_csv`` / ``csv_cell``: CSV downloads a spreadsheet cannot run as formulas;
- ``markdown_text``: one line of a markdown file (the weekly agenda) that renders as
  the text itself, never as a link, image, HTML, heading or table;
- ``markdown``: the same for Streamlit's markdown (st.caption, st.markdown, st.metric
  help, labels), which adds directives and shortcodes of its own;
- ``plotly_label``: chart titles, axis labels and hover text (plotly renders <a>, <b>,
  <br>, <span style> and more in them);
- ``link``: a URL only when it is http(s), for LinkColumn and any other href.

Values we build ourselves (dates, counts, SEV levels) need none of this. Nothing here
imports ui/ or loaders/.
"""
from __future__ import annotations

import html
import re
import unicodedata
from urllib.parse import quote, urlsplit

import pandas as pd

# --------------------------------------------------------------------------------------
# CSV: formula injection (OWASP "CSV Injection")

# A cell starting with one of these is a formula to Excel, Sheets or LibreOffice (the
# full-width forms too, which some locales' spreadsheets read as the ASCII ones).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_cell(value):
    """One CSV cell made inert: a text value that starts (after any leading spaces)
    with a formula character gets a leading apostrophe, the OWASP advice. This goes by
    the value's type, not its column's dtype: text "-5" becomes "'-5" (a spreadsheet
    shows -5 as text), while the number -5 is a number and stays one. Anything that is
    not text (numbers, dates, None, NaN, NA) is returned as it is."""
    if isinstance(value, str) and (value.startswith(FORMULA_START) or value.lstrip().startswith(FORMULA_START)):
        return "'" + value
    return value


def to_csv(df: pd.DataFrame) -> bytes:
    """The frame as UTF-8 CSV with every header and every cell passed through
    ``csv_cell``, whatever the column's dtype (object, string, pandas 3's str,
    categorical, ...). A column in which no cell changed keeps its dtype, so numbers and
    dates are written exactly as pandas writes them. Rows end in CRLF (RFC 4180), which
    also makes the writer quote a cell holding a CR: with "\n" a bare CR inside a cell
    ("x\r=1+1") would end the row for a spreadsheet and start the next with a formula."""
    safe = df.copy()
    for i in range(safe.shape[1]):
        raw = list(safe.iloc[:, i])
        cells = [csv_cell(v) for v in raw]
        if any(c is not v for c, v in zip(cells, raw)):
            safe.isetitem(i, pd.Series(cells, index=safe.index, dtype=object))
    safe.columns = [csv_cell(str(c)) for c in df.columns]
    return safe.to_csv(index=False, lineterminator="\r\n").encode("utf-8")


# --------------------------------------------------------------------------------------
# Markdown

# Backslash-escaped wherever they are: emphasis, code, links and images, raw HTML and
# autolinks, entities, headings, block quotes, tables, strikethrough, math, attributes.
# (CommonMark lets any ASCII punctuation be escaped; these are the ones with a meaning
# inside a line. "(", ")", ":", "!", "-", "." and quotes are inert once "[", "<" are.)
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~$&])")
# Meaningful only at the start of a line: list items, ordered lists, setext underlines.
_MD_LEADING = re.compile(r"^(?:([-+=])|(\d+)([.)]))")
# GFM turns these into links even as plain text, after escapes are resolved (remark-gfm
# finds them in text nodes), so a backslash cannot stop them: an invisible word joiner
# inside the pattern does ("https://x" -> "https\u2060://x", "www.x", "a@b.c").
JOINER = "\u2060"
_AUTOLINK = re.compile(r"(?i)(?<=https)(?=://)|(?<=http)(?=://)|(?<=www)(?=\.)|(?<=[-.\w+])(?=@)")
# Bidirectional overrides and isolates can make text read other than it is.
_BIDI = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def _plain(value) -> str:
    """A value as one line of text: None/NaN/NA -> "", whitespace runs -> one space,
    control and bidi-override characters dropped."""
    if value is None or (not isinstance(value, str) and pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    text = re.sub(r"\s+", " ", str(value)).strip().translate(_BIDI)
    return "".join(c for c in text if unicodedata.category(c) != "Cc")


def markdown_text(value, limit: int | None = None) -> str:
    """Text from a document as one markdown-inert line for a markdown file (CommonMark
    and GitHub-flavoured): it renders as the text itself, wherever in a line it is put,
    inside a table cell too. Whitespace is collapsed, text longer than ``limit`` cut
    with "…"; None and NaN give ""."""
    text = _plain(value)
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_LEADING.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)
    return _AUTOLINK.sub(JOINER, text)


# Streamlit's own syntax on top: directives (":red[...]", ":small", ":help[...]"),
# emoji and icon shortcodes (":smile:", ":material_x:", ":streamlit:"): a word joiner
# after a colon stops all of them (a backslash does not stop the shortcodes).
_ST_COLON = re.compile(r":(?=[\w+\-])")


def markdown(value) -> str:
    """Text from a document or a URL for Streamlit markdown (st.caption, st.markdown,
    st.metric help, widget labels): ``markdown_text`` plus Streamlit's directives and
    shortcodes, so the text shows literally and never as a link, image or HTML."""
    return _ST_COLON.sub(":" + JOINER, markdown_text(value))


# --------------------------------------------------------------------------------------
# Plotly and links


def plotly_label(value) -> str:
    """Text for a plotly title, axis label, tick, legend or hover: ``<``, ``>`` and ``&``
    as entities, so <a href>, <b>, <br>, <span style> and entities show as text."""
    return html.escape("" if value is None else str(value), quote=False)


def link(url) -> str | None:
    """``url`` (stripped) when it is an http or https address with a host, else None:
    javascript:, data:, vbscript:, file: or a relative path never become a link."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url or (' ' in url or not url.isprintable() if url.isascii()   # the common case, in C
                   else any(c.isspace() or unicodedata.category(c) == "Cc" for c in url)):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


_LINK_SAFE = ":/?#&=%+@!$,;~*-._'"  # what a markdown link target keeps unencoded


def markdown_link(text, url) -> str:
    """``text`` (markdown_text) as a markdown link to ``url`` when that is a ``link``,
    else the text alone. Characters that could end the link or start markup inside it
    (brackets, parentheses, angle brackets, backslash, backtick) are percent-encoded, so
    a crafted address never turns into an image, a second link or HTML."""
    shown, target = markdown_text(text), link(url)
    if not shown or target is None:
        return shown
    return f"[{shown}]({quote(target, safe=_LINK_SAFE)})"
