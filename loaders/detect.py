"""Read one file, decide what it is, and hand it to the parser for that format.

``parse_path`` never raises: an unreadable, binary, empty, oversized or undecodable file
becomes an object of kind ``unknown`` with a problem that says why. What a file is comes
from its content, not its name: JSON and CSV exports are recognised by their shape and
columns, anything else that reads as text is tried as a postmortem.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import stat

from loaders import postmortem
from loaders.formats import CSV, FORMATS, JSON, Format, mapped
from loaders.options import MARKDOWN_SUFFIXES, Options
from loaders.problems import error, warning


def unknown(path: str, message: str, line: int | None = None) -> dict:
    return {"path": path, "kind": "unknown", "problems": [error(line, message)]}


def parse_path(path: str, options: Options | None = None) -> dict:
    """Parse the file at ``path``; the result's ``path`` is ``path`` as given."""
    options = options or Options()
    data, _, why = read_document(path, options)
    if data is None:
        return unknown(path, why)
    return parse_bytes(data, path, options)


def read_document(path: str, options: Options) -> tuple[bytes | None, os.stat_result | None, str | None]:
    """(bytes, stat, None) for a regular file within the size limit, else (None, stat or
    None, why). Never blocks on a named pipe or device, never reads past the limit (a
    file that grows while it is read, or a link to /dev/zero, is cut off, not followed
    until memory runs out)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError:
        return None, None, "is a directory"
    except OSError as e:
        return None, None, f"cannot read file: {e.strerror or e}"
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        if stat.S_ISDIR(st.st_mode):
            return None, st, "is a directory"
        return None, st, "not a regular file (a named pipe, device or socket); not read"
    with os.fdopen(fd, "rb") as f:
        if (too_big := size_problem(path, st.st_size, options)):
            return None, st, too_big
        limit = options.size_limit(path)
        try:
            # read what the file holds (asking for the whole limit would allocate it, 10 MB
            # a file), then on up to the limit only if it grew since its stat
            want = min(st.st_size, limit) + 1
            data = f.read(want)
            if len(data) == want and want <= limit:
                data += f.read(limit + 1 - want)
        except OSError as e:
            return None, st, f"cannot read file: {e.strerror or e}"
        if len(data) > limit:
            return None, st, size_problem(path, len(data), options)
        return data, st, None


def size_problem(path: str, size: int, options: Options) -> str | None:
    limit = options.size_limit(path)
    if size > limit:
        return f"file is {size / 1e6:.1f} MB, over the {limit / 1e6:.0f} MB limit; not read"
    return None


def decode(data: bytes) -> tuple[str | None, dict | None]:
    """Text of ``data`` and a problem when it was not clean UTF-8 (or None, problem)."""
    text, problem, _ = read_text(data)
    return text, problem


def read_text(data: bytes, codec: str | None = None, sniff: bool = True) -> tuple[str | None, dict | None, str | None]:
    """(text, problem, the codec read in when not UTF-8) of ``data``. UTF-8 (a BOM
    dropped), UTF-16 with its BOM; bytes that are not UTF-8 make the whole text Windows-1252
    (``fallback_text``), with a warning on the first bad byte's line. ``codec``:
    the codec an earlier part of the same file was read in (a big export's earlier chunk),
    so the whole file reads one way; ``sniff`` False: a later part of a file already found
    to be text (a NUL byte in it is no sign of a binary file)."""
    if codec is not None:
        return fallback_text(data), None, codec
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, problem = utf16(data)
        return text, problem, None
    if sniff and b"\x00" in data[:8192]:
        return None, error(None, "binary file (contains NUL bytes); not read"), None
    try:
        return data.decode("utf-8"), None, None
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        return fallback_text(data), not_utf8(line), FALLBACK


def utf16(data: bytes) -> tuple[str, dict | None]:
    """UTF-16 text with its byte-order mark (a second mark, as some tools write, dropped);
    a broken code unit is U+FFFD, with a warning on its line."""
    try:
        text = data.decode("utf-16")
        problem = None
    except UnicodeDecodeError as e:
        text = data.decode("utf-16", errors="replace")
        problem = broken_utf16(data[:e.start].decode("utf-16").count("\n") + 1)
    return text.removeprefix("\ufeff"), problem


def broken_utf16(line: int) -> dict:
    return warning(line, "broken UTF-16 (first bad code unit on this line); read as U+FFFD")


def _latin1(e: UnicodeDecodeError) -> tuple[str, int]:
    return e.object[e.start:e.end].decode("latin-1"), e.end


# what bytes that are not UTF-8 are read as: Windows-1252, the five bytes it leaves
# undefined as Latin-1 reads them (one rule, whatever part of a file a reader holds)
codecs.register_error("hindsight-latin1", _latin1)
FALLBACK = "cp1252"


def fallback_text(data: bytes) -> str:
    return data.decode(FALLBACK, errors="hindsight-latin1")


def not_utf8(line: int | None) -> dict:
    return warning(line, "not UTF-8 (first bad byte on this line); read as Windows-1252")


def parse_bytes(data: bytes, path: str, options: Options | None = None) -> dict:
    text, problem, _ = read_text(data)
    return parse_read(text, problem, path, options)


def parse_read(text: str | None, decode_problem: dict | None, path: str, options: Options | None = None) -> dict:
    """The parse of a file's text as ``read_text`` gave it (``text`` None: not readable)."""
    options = options or Options()
    if text is None:
        return {"path": path, "kind": "unknown", "problems": [decode_problem]}
    if not text.strip():
        return unknown(path, "empty file")
    try:
        result = parse_text(text, path, options)
    except RecursionError:
        result = unknown(path, "document is nested too deeply to read")
    except Exception as e:  # a parser bug must not cost the rest of the load
        result = unknown(path, f"internal error while parsing: {type(e).__name__}: {e}")
    if decode_problem:
        result["problems"].insert(0, decode_problem)
    return {"path": path, **result}


def parse_text(text: str, path: str, options: Options) -> dict:
    head = text.lstrip()[:1]
    line_problems: list = []
    if head in "[{":
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as e:
            doc = None
            if e.msg.startswith("Invalid control character"):   # a raw line break or tab in a string
                try:
                    doc, line_problems = LOOSE.decode(text), [warning(e.lineno, RAW_CONTROL)]
                except json.JSONDecodeError as loose:
                    e = loose   # where it is broken beyond that
                except (ValueError, RecursionError):
                    pass
            if doc is None and head == "{":   # JSON lines (one object a line), whichever is broken
                doc, line_problems = json_lines(text)
            if doc is None and (head == "{" or text.lstrip().startswith("[{") or text.lstrip().startswith("[\n")) \
                    and not path.lower().endswith(MARKDOWN_SUFFIXES):
                # (a page that opens with a wiki template, "{{Postmortem | date = ...", is no
                # broken JSON: a markdown or text file is read as the postmortem it is)
                return unknown(path, f"broken JSON: {e.msg}", e.lineno)
        except (ValueError, RecursionError) as e:  # a 5,000-digit number, nesting too deep
            return unknown(path, f"JSON that cannot be read: {str(e)[:80]}")
        if doc is not None:
            result = parse_json(doc, path, options)
            result["problems"][:0] = line_problems
            return result
    header = _csv_header(text)
    if header is not None:
        for f in FORMATS:
            if f.container == CSV and f.sniff(header):
                return f.parse(text, options)
        for mapping in options.csv_mappings:
            if _mapping_matches(mapping, header):
                parse = mapped.BY_KIND["tracker" if mapping.get("kind") == "tracker" else "incidents"]
                return parse(text, mapping.get("columns") or {})
        # (a postmortem whose first lines hold commas, "[keywords] LM Studio, proxy, ...",
        # is a postmortem: a markdown file is never turned away as a CSV)
        if _looks_tabular(text) and not path.lower().endswith(MARKDOWN_SUFFIXES):
            return unknown(path, "CSV with columns no format knows (add a csv mapping in "
                                 "hindsight.yaml): " + ", ".join(header[:8]), 1)
    record = postmortem.parse(text, path, options)
    if not _looks_like_postmortem(record, text):
        return unknown(path, "holds no prose: not a postmortem, and not a tracker or incident export "
                             "Hindsight knows")
    # the reviewer's checks and the quality score (loaders/lint.py), stored by the ingest;
    # imported here, not at the top: an unchanged re-ingest parses nothing and should not
    # compile the blame rules
    from loaders import lint

    record["lint"] = lint.check(record, text, options.lint_disabled).as_dict()
    return record


def parse_json(doc, path: str, options: Options, fmt: Format | None = None) -> dict:
    """A decoded JSON document -> the result of the export format that recognises it (or
    of ``fmt``, where the file's format is already known)."""
    fmt = fmt or json_format(doc)
    if fmt is None:
        return unknown(path, "JSON that is not a known tracker or incident export")
    return fmt.parse(doc, options)


def json_format(doc) -> Format | None:
    """The export format that recognises a decoded JSON document, if one does."""
    return next((f for f in FORMATS if f.container == JSON and f.sniff(doc)), None)


# reads a string's raw control characters (a line break, a tab) as they are, as exporters
# that do not escape them write them; the standard decoder refuses them
LOOSE = json.JSONDecoder(strict=False)
RAW_CONTROL = "a raw control character (a line break, a tab) inside a JSON string; read as it is"
_SPAN_LINES = 64     # a JSON-lines record read across this many lines at most


def json_lines(text: str) -> tuple[list | None, list]:
    """JSON lines (one object a line, as exports stream them) -> (the objects, a problem
    for each line that is not one, which is skipped); (None, []) when the text is not
    JSON lines at all: a line (not blank) that does not open with "{" (and does not go on
    a record above it), or no line that is a whole object. (No JSON document on more than
    one line passes: where one line is a whole object, the comma before the next value
    opens the next line.) A record whose string holds a raw line break goes on over the
    next lines: it is read whole, with a warning."""
    objects, problems = [], []
    # lines end at "\n" only: a JSON string may hold U+2028 or a form feed as it is
    lines = text.split("\n")
    n = 0
    while n < len(lines):
        s = lines[n].strip()
        n += 1
        if not s:
            continue
        if s[:1] != "{":
            return None, []
        try:
            obj = json.loads(s)
        except (ValueError, RecursionError) as e:
            obj, spans = _spanning(lines, n - 1) if _STRING_CUT.match(str(e)) else (None, 0)
            if obj is None:
                problems.append(error(n, f"broken JSON line ({str(e)[:60]}); line skipped"))
                continue
            problems.append(warning(n, RAW_CONTROL))
            n += spans - 1
        if isinstance(obj, dict):
            objects.append(obj)
    return (objects or None), problems


# a line's record broken by a string its line cut off, or by a raw control character in one
_STRING_CUT = re.compile(r"Unterminated string|Invalid control character")


def _spanning(lines: list[str], i: int) -> tuple[dict | None, int]:
    """(the object opening on line ``i``, the lines it takes) where it is whole only with a
    string's raw control characters read as they are (a line break in a title splits the
    record over lines), every line break it takes is inside a string (a pretty-printed
    object is no record of JSON lines), and it ends at a line's end; (None, 0) otherwise."""
    block = "\n".join(lines[i:i + _SPAN_LINES])
    start = len(block) - len(block.lstrip())
    try:
        end = LOOSE.raw_decode(block, start)[1]
        obj = LOOSE.decode(block[start:end].replace("\n", "\\n"))   # fails on a break outside a string
    except (ValueError, RecursionError):
        return None, 0
    rest = block.find("\n", end)
    if not isinstance(obj, dict) or block[end:rest if rest >= 0 else len(block)].strip():
        return None, 0
    return obj, block.count("\n", 0, end) + 1


def _csv_header(text: str) -> list[str] | None:
    first = _FIRST_LINE.split(text.lstrip("\ufeff"), 1)[0]
    if first.count(",") < 2 and first.count("\t") < 2 and first.count(";") < 2:
        return None
    if first.lstrip().startswith(("#", "|", "-", "*", ">")):
        return None
    try:
        dialect_delim = "\t" if first.count("\t") >= 2 else (";" if first.count(";") > first.count(",") else ",")
        return next(csv.reader(io.StringIO(first), delimiter=dialect_delim))
    except (csv.Error, StopIteration):
        return None


_FIRST_LINE = re.compile(r"\r\n|\r|\n")


def _looks_tabular(text: str) -> bool:
    lines = _FIRST_LINE.split(text, 5)[:5]
    return len(lines) >= 2 and all(line.count(",") >= 2 for line in lines[:2])


def _mapping_matches(mapping: dict, header: list[str]) -> bool:
    wanted = {str(c).strip().lower() for c in (mapping.get("columns") or {}).values() if c}
    have = {h.strip().lower() for h in header}
    return bool(wanted) and wanted <= have


# A sentence's worth of words: letters (any script), at least two long.
_WORDS = re.compile(r"[^\W\d_]{2,}")
_EAST_ASIAN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _looks_like_postmortem(record: dict, text: str) -> bool:
    """A text file is a postmortem when the parser found one's parts, or when it holds
    prose at all: however sparse, a written-up incident is never dropped (repository
    furniture such as READMEs and templates is set aside later, by name and shape)."""
    if record.get("timeline") or record.get("action_items") or record.get("contributing_factors"):
        return True
    if record.get("summary") or record.get("started_at") or record.get("detected_at"):
        return True
    # (Chinese and Japanese write no spaces and Korean joins its particles to the word: a
    # run of their characters counts two words for every three, "数据库在凌晨宕机了" six;
    # it holds five: 数据库 / 在 / 凌晨 / 宕机 / 了)
    words = sum(max(1, len(w) * 2 // 3) if _EAST_ASIAN.match(w) else 1 for w in _WORDS.findall(text, 0, 20_000))
    # a dated note of a line or two ("# DB outage / **Date:** 2024-03-01 / The database
    # was down.") is an incident written up tersely
    return words >= 12 or (record.get("date") is not None and words >= 4)
