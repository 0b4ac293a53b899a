"""Reading CSV exports: the header and its records with their line numbers, cells,
keyed rows, list cells, and the guards that keep one bad row or object from costing
the rest of a file. Shared by every CSV format."""
from __future__ import annotations

import csv
import functools
import io
import sys

from loaders.problems import error, problem
from loaders.statuses import normalize


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
            problems.append(error(start, f"unreadable CSV record: {e}"))
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
                        "problems": [error(None, f"could not parse {source} export: "
                                                   f"{type(e).__name__}: {e}")]}
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
        problems.append(error(line, f"{what}: could not read: "
                                                  f"{type(e).__name__}: {e}"))
        return None


def as_list(value) -> list:
    """``value`` when it is a list, else an empty list."""
    return value if isinstance(value, list) else []


def note_once(seen: dict, problems: list, line, message: str, level: str) -> None:
    """Record ``message`` (at ``level``) the first time it occurs; count the repeats."""
    entry = seen.get(message)
    if entry is None:
        p = problem(line, message, level)
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
            problems.append(error(line, f"row has {len(row)} cells, the "
                             f"header {width}; row skipped"))
            continue
        key = key_of(row)
        if not key:
            problems.append(error(line, f"row has no {what}; skipped"))
            continue
        if key in keys:
            problems.append(error(line, f"duplicate {what} {key}; row skipped"))
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
