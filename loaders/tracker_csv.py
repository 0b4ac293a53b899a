"""Shared plumbing for the export parsers, and the generic tracker CSV.

- ``read_csv(text)``: a CSV's header and its records, each with the 1-based physical
  line its record starts on (quoted cells may span lines).
- ``read_time`` / ``read_day``: the date formats exports write (ISO, Jira's
  ``22/Sep/25 9:26 AM`` in five languages, JavaScript ``Date.toString()``, US and
  European numeric dates, epoch seconds) -> ISO-8601 UTC / ``YYYY-MM-DD``.
- ``ticket(...)`` / ``tracker_result(...)``: the contract's ticket and result shapes.
- ``parse_generic_tracker_csv(text, mapping)``: any tracker CSV, given which column
  holds which field.
"""
from __future__ import annotations

import csv
import functools
import io
import re
import sys
from datetime import datetime, timedelta, timezone

from loaders.statuses import categorize, normalize
from loaders.timeparse import plausible

UTC = timezone.utc

# ---------------------------------------------------------------------------- CSV


def _raise_field_limit() -> None:
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 10


def detect_delimiter(first_line: str) -> str:
    """``,`` unless the header line plainly uses ``;`` or a tab instead."""
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] > counts[","] else ","


def split_header(header) -> list[str]:
    """A header row as the dispatcher's csv.reader gave it; re-split a single cell
    that really holds a ``;`` or tab separated header."""
    cells = [str(c) for c in (header or [])]
    if len(cells) == 1 and cells[0]:
        d = detect_delimiter(cells[0])
        if d != ",":
            cells = next(csv.reader([cells[0]], delimiter=d))
    if cells:
        cells[0] = cells[0].lstrip("\ufeff")
    return [c.strip() for c in cells]


def read_csv(text: str) -> tuple[list[str], list[tuple[int, list[str]]], list[dict]]:
    """(header, [(start_line, cells)], problems) for CSV text.

    Blank lines are skipped; a record that the csv module cannot read becomes a
    problem on its line and reading goes on.
    """
    _raise_field_limit()
    if not isinstance(text, str):
        text = text.decode("utf-8-sig", errors="replace")
    text = text.lstrip("\ufeff")
    if "\x00" in text:
        text = text.replace("\x00", "")
    first = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=detect_delimiter(first))
    header: list[str] | None = None
    records: list[tuple[int, list[str]]] = []
    problems: list[dict] = []
    end = 0
    errors = 0
    while True:
        start = end + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            errors += 1
            problems.append({"line": start, "message": f"unreadable CSV record: {e}"})
            if errors > 1000 or reader.line_num == end:
                break
            end = reader.line_num
            continue
        end = reader.line_num
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if header is None:
            header = [c.strip() for c in row]
            continue
        records.append((start, row))
    return header or [], records, problems


def aliases(*names: str) -> frozenset[str]:
    """A set of header spellings, normalized the way headers are."""
    return frozenset(normalize(n) for n in names)


def cell(row: list[str], idx: int | None) -> str:
    """The stripped cell at ``idx``, "" when there is no such column."""
    if idx is None or idx >= len(row):
        return ""
    return row[idx].strip()


# -------------------------------------------------------------------------- times

_MONTHS_TEXT = {
    1: "january jan enero ene janvier janv januar janner jan janeiro gennaio gen januari",
    2: "february feb febrero fevrier fevr fev februar fevereiro febbraio februari",
    3: "march mar marzo mars marz mrz marco maart mrt",
    4: "april apr abril abr avril avr aprile",
    5: "may mayo mai maio maggio mag mei",
    6: "june jun junio juin juni junho giugno giu",
    7: "july jul julio juillet juil juli julho luglio lug",
    8: "august aug agosto ago aout augustus",
    9: "september sep sept septiembre setiembre set septembre setembro settembre",
    10: "october oct octubre octobre oktober okt outubro out ottobre ott",
    11: "november nov noviembre novembre novembro",
    12: "december dec diciembre dic decembre dezember dez dezembro dicembre",
}
MONTHS = {w: m for m, words in _MONTHS_TEXT.items() for w in words.split()}

_ZONES = {
    "z": 0, "utc": 0, "gmt": 0, "ut": 0, "wet": 0, "west": 60, "bst": 60, "cet": 60,
    "cest": 120, "met": 60, "mez": 60, "mesz": 120, "eet": 120, "eest": 180,
    "pst": -480, "pdt": -420, "mst": -420, "mdt": -360, "cst": -360, "cdt": -300,
    "est": -300, "edt": -240, "akst": -540, "akdt": -480, "hst": -600, "ist": 330,
    "jst": 540, "kst": 540, "aest": 600, "aedt": 660, "nzst": 720, "nzdt": 780,
    "brt": -180, "art": -180,
}

_TAIL = re.compile(
    r"""^(?:[T\s,]+(?:at\s+|um\s+|a\s+las\s+|as\s+|a\s+|\u00e0\s+)?
        (\d{1,2})[:h](\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?
        \s*(a\.?\s?m\.?|p\.?\s?m\.?|vorm\.?|nachm\.?)?
        \s*(?:(z|utc|gmt|ut)(?![a-z])\s*)?([+-]\d{1,2}(?::?\d{2})?)?
        \s*([a-z]{2,5})?\s*(?:\([^)]*\))?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_WORD = r"[^\W\d_]+"
_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_D_MON_Y = re.compile(rf"^(?:{_WORD}\.?,?\s+)?(\d{{1,2}})\.?[-/. ]\s*({_WORD})\.?[-/. ,]\s*(\d{{4}}|\d{{2}})(?!\d)")
_MON_D_Y = re.compile(rf"^(?:{_WORD}\.?,?\s+)?({_WORD})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})")
_NUMERIC = re.compile(r"^(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)")
_EPOCH = re.compile(r"^\d{10}(?:\.\d+)?$|^\d{13}$")

_PIVOT = datetime.now(UTC).year % 100 + 20


def _year(text: str) -> int:
    y = int(text)
    if len(text) <= 2:
        y += 2000 if y <= _PIVOT else 1900
    return y


def _tail(rest: str):
    """(hour, minute, second, offset minutes or None) from what follows a date, or
    None when it does not read as a time and zone."""
    m = _TAIL.match(rest)
    if not m:
        return None
    hh, mm, ss, ampm, _, off, abbrev = m.groups()
    h, mi, s = int(hh or 0), int(mm or 0), int(ss or 0)
    if ampm:
        letters = re.sub(r"[^a-z]", "", ampm.lower())
        pm = letters.startswith("p") or letters.startswith("n")
        if h > 12:
            return None
        h = (h % 12) + (12 if pm else 0)
    offset = None
    if off:
        sign = -1 if off[0] == "-" else 1
        digits = off[1:].replace(":", "")
        if len(digits) <= 2:
            hours, minutes = int(digits), 0
        else:
            hours, minutes = int(digits[:-2]), int(digits[-2:])
        offset = sign * (hours * 60 + minutes)
    elif m.group(5):
        offset = 0
    elif abbrev:
        if abbrev.lower() not in _ZONES:
            return None
        offset = _ZONES[abbrev.lower()]
    return h, mi, s, offset


def _month(word: str) -> int | None:
    return MONTHS.get(normalize(word))


@functools.lru_cache(maxsize=65536)
def parse_local(value: str, day_first: bool | None = None):
    """(naive datetime as written, offset minutes or None) or None when unreadable.

    ``1/2/2025`` is read month first unless ``day_first`` (see ``guess_day_first``);
    ``1.2.2025`` and ``1-2-2025`` are always day first.
    """
    s = value.strip()
    if not s:
        return None
    if _EPOCH.match(s):
        secs = float(s) / (1000 if len(s) == 13 else 1)
        return datetime.fromtimestamp(secs, UTC).replace(tzinfo=None), 0
    y = mo = d = None
    m = _YMD.match(s)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if m is None:
        m = _D_MON_Y.match(s)
        if m and _month(m.group(2)):
            y, mo, d = _year(m.group(3)), _month(m.group(2)), int(m.group(1))
        else:
            m = None
    if m is None:
        m = _MON_D_Y.match(s)
        if m and _month(m.group(1)):
            y, mo, d = int(m.group(3)), _month(m.group(1)), int(m.group(2))
        else:
            m = None
    if m is None:
        m = _NUMERIC.match(s)
        if m:
            a, sep, b, yy = int(m.group(1)), m.group(2), int(m.group(3)), m.group(4)
            dmy = sep != "/" or a > 12 or (bool(day_first) and b <= 12)
            d, mo = (a, b) if dmy else (b, a)
            y = _year(yy)
    if m is None:
        return None
    t = _tail(s[m.end():])
    if t is None:
        return None
    h, mi, sec, offset = t
    try:
        dt = datetime(y, mo, d, h, mi, sec)
    except ValueError:
        return None
    return dt, offset


def _parse(value, day_first=None):
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value, None
        off = value.utcoffset()
        return value.replace(tzinfo=None), int(off.total_seconds() // 60)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(int(value))
    return parse_local(str(value), day_first)


def guess_day_first(values) -> bool | None:
    """Whether the ``a/b/yyyy`` dates among ``values`` are day first (some first
    number over 12), month first (some second number over 12), or unknown (None)."""
    for v in values:
        m = _NUMERIC.match(v.strip()) if isinstance(v, str) else None
        if m and m.group(2) == "/":
            if int(m.group(1)) > 12:
                return True
            if int(m.group(3)) > 12:
                return False
    return None


def records_day_first(records, indexes, default: bool | None = None) -> bool | None:
    """``guess_day_first`` over the cells at ``indexes`` of every record."""
    idx = [i for i in indexes if i is not None]
    values = (row[i] for _, row in records for i in idx if i < len(row) and row[i])
    found = guess_day_first(values)
    return default if found is None else found


def read_time(value, day_first: bool | None = None) -> tuple[str | None, str | None]:
    """(ISO-8601 UTC string or None, problem or None) for one date-time cell.

    No zone means UTC. Empty -> (None, None); unreadable or outside 1970-2100 ->
    (None, message).
    """
    if isinstance(value, str):
        return _read_time_text(value, day_first)
    return _read_time(value, day_first)


@functools.lru_cache(maxsize=65536)
def _read_time_text(value: str, day_first):
    return _read_time(value, day_first)


def _read_time(value, day_first=None):
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    got = _parse(value, day_first)
    if got is None:
        return None, f"unreadable date '{value}'"
    dt, offset = got
    if offset:
        try:
            dt = dt - timedelta(minutes=offset)
        except OverflowError:
            return None, f"implausible date '{value}'"
    if not plausible(dt):
        return None, f"implausible date '{value}'"
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ"), None


def read_day(value, day_first: bool | None = None) -> tuple[str | None, str | None]:
    """(``YYYY-MM-DD`` as written, ignoring any time and zone, or None, problem)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    got = _parse(value, day_first)
    if got is None:
        return None, f"unreadable date '{value}'"
    dt = got[0]
    if not plausible(dt):
        return None, f"implausible date '{value}'"
    return dt.date().isoformat(), None


# ------------------------------------------------------------------ result shapes


def ticket(key, title, status, category, assignee=None, created_at=None,
           resolved_at=None, due=None, labels=(), url=None, **extra) -> dict:
    """One ticket as CONTRACT.md shapes it; ``extra`` keys ride along."""
    out = {
        "key": key, "title": title or "", "status": status or "",
        "status_category": category, "assignee": assignee or None,
        "created_at": created_at, "resolved_at": resolved_at, "due": due,
        "labels": list(labels or []), "url": url or None,
    }
    out.update(extra)
    return out


def tracker_result(source: str, tickets: list, problems: list) -> dict:
    return {"kind": "tracker_export", "source": source, "tickets": tickets,
            "problems": problems}


def failed(kind: str, source: str, items: str):
    """Decorator: a parse function that raises returns an empty result with the
    error as a problem instead."""
    def wrap(fn):
        @functools.wraps(fn)
        def safe(*args, **kwargs):
            try:
                return fn(*args, **kwargs)
            except Exception as e:  # noqa: BLE001 - malformed input must not crash
                return {"kind": kind, "source": source, items: [],
                        "problems": [{"line": None,
                                      "message": f"could not parse {source} export: "
                                                 f"{type(e).__name__}: {e}"}]}
        return safe
    return wrap


def quiet_false(fn):
    """Decorator: a sniff function that raises answers False."""
    @functools.wraps(fn)
    def safe(*args, **kwargs):
        try:
            return bool(fn(*args, **kwargs))
        except Exception:  # noqa: BLE001
            return False
    return safe


def guarded(build, what: str, problems: list, line=None):
    """``build()``, or None with a problem naming ``what`` when the item is too
    malformed to read (one bad JSON object must not cost the others)."""
    try:
        return build()
    except Exception as e:  # noqa: BLE001
        problems.append({"line": line, "message": f"{what}: could not read: "
                                                  f"{type(e).__name__}: {e}"})
        return None


def as_list(value) -> list:
    """``value`` when it is a list, else an empty list."""
    return value if isinstance(value, list) else []


def note_once(seen: dict, problems: list, line, message: str) -> None:
    """Record ``message`` the first time it occurs; count the repeats."""
    entry = seen.get(message)
    if entry is None:
        p = {"line": line, "message": message}
        problems.append(p)
        seen[message] = [p, 1]
    else:
        entry[1] += 1


def keyed_rows(records, width: int, key_of, problems: list, what: str = "key"):
    """Yield (line, row, key) for each record that has the header's width, a key, and
    a key not seen before; every other record becomes a problem on its line."""
    keys: set[str] = set()
    for line, row in records:
        if len(row) != width:
            problems.append({"line": line, "message": f"row has {len(row)} cells, the "
                             f"header {width}; row skipped"})
            continue
        key = key_of(row)
        if not key:
            problems.append({"line": line, "message": f"row has no {what}; skipped"})
            continue
        if key in keys:
            problems.append({"line": line, "message": f"duplicate {what} {key}; row skipped"})
            continue
        keys.add(key)
        yield line, row, key


def close_notes(seen: dict) -> None:
    """Say on each repeated problem how many rows it covered."""
    for p, n in seen.values():
        if n > 1:
            p["message"] += f" ({n} rows; first on this line)"


def split_list(text: str, seps: str = ",;") -> list[str]:
    """A cell holding several values -> the values, stripped, empties dropped."""
    if not text:
        return []
    for sep in seps[1:]:
        text = text.replace(sep, seps[0])
    return [p.strip() for p in text.split(seps[0]) if p.strip()]


def dedupe(values) -> list:
    seen, out = set(), []
    for v in values:
        if v not in seen:
            seen.add(v)
            out.append(v)
    return out


# --------------------------------------------------------------- generic tracker

TICKET_FIELDS = ("key", "title", "status", "status_category", "resolution", "assignee",
                 "created_at", "resolved_at", "due", "labels", "url")


def _field_columns(header: list[str], mapping: dict) -> tuple[dict, dict | None]:
    """{field: column index} from a mapping written either way round
    (field -> column or column -> field); also the status overrides it carries."""
    overrides = mapping.get("statuses") or mapping.get("status_map")
    by_name = {normalize(h): i for i, h in reversed(list(enumerate(header)))}
    cols = {}
    for a, b in mapping.items():
        if not isinstance(b, str):
            continue
        if a in TICKET_FIELDS:
            field, column = a, b
        elif b in TICKET_FIELDS:
            field, column = b, a
        else:
            continue
        idx = by_name.get(normalize(column))
        if idx is not None:
            cols[field] = idx
    return cols, overrides if isinstance(overrides, dict) else None


@failed("tracker_export", "csv", "tickets")
def parse_generic_tracker_csv(text: str, mapping: dict) -> dict:
    """Any tracker CSV, given ``mapping`` from ticket field (key, title, status,
    status_category, resolution, assignee, created_at, resolved_at, due, labels, url)
    to column name; an optional ``statuses`` entry maps status words to categories.
    Labels are split on commas and semicolons."""
    header, records, problems = read_csv(text)
    cols, overrides = _field_columns(header, mapping or {})
    if "key" not in cols:
        problems.append({"line": 1, "message": "no key column: the mapping names none "
                                               "that the header has"})
        return tracker_result("csv", [], problems)
    tickets, seen = [], {}
    dmy = records_day_first(records, [cols.get(f) for f in ("created_at", "resolved_at",
                                                            "due")])
    for line, row, key in keyed_rows(records, len(header), lambda r: cell(r, cols.get("key")),
                                     problems):
        status = cell(row, cols.get("status"))
        resolution = cell(row, cols.get("resolution")) or None
        cat, problem = categorize(status, resolution, cell(row, cols.get("status_category")),
                                  overrides)
        if problem:
            note_once(seen, problems, line, problem)
        times = {}
        for field in ("created_at", "resolved_at", "due"):
            reader = read_day if field == "due" else read_time
            times[field], bad = reader(cell(row, cols.get(field)), dmy)
            if bad:
                problems.append({"line": line, "message": f"{key}: {field}: {bad}"})
        tickets.append(ticket(
            key, cell(row, cols.get("title")), status, cat,
            assignee=cell(row, cols.get("assignee")), labels=dedupe(split_list(
                cell(row, cols.get("labels")))), url=cell(row, cols.get("url")),
            resolution=resolution, line=line, **times))
    close_notes(seen)
    return tracker_result("csv", tickets, problems)
