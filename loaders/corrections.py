"""Corrections: a reader's fix for a figure the parser got wrong, kept outside the document.

The corrections file (``corrections:`` in hindsight.yaml, default ``corrections.yaml``
beside it) maps a postmortem's id to the fields to override::

    # INC-2024-031: the pager fired at 10:05, the doc's timeline starts with the deploy
    INC-2024-031:
      detected_at: 2024-03-12T10:05:00Z
      severity: SEV2
      action_items:
        3: {status: done}          # the ticket was closed by hand
    checkout-timeouts:
      near_miss: true

Fields: ``title``, ``date``, ``started_at``, ``detected_at``, ``mitigated_at``,
``resolved_at``, ``severity``, ``incident_class`` (or ``class``), ``near_miss``,
``team``; and per action item, by its number in the document (1 the first),
``status`` (open, done, wont_do), ``owner`` and ``due``. ``null`` clears a field the
parser filled. Times are UTC unless they state a zone.

``read(text)`` checks every entry and returns the corrections as rows (normalised:
ISO dates, UTC times, a severity's level and label) and a problem, with its line, for
each entry it cannot use. Ingest writes the rows to ``raw_corrections`` at every load
(no re-parse), the SQL models apply them over what the parser read, and each
corrected field's rule reads ``corrected``. ``set_value(text, keys, value)`` changes
one entry in the file's text and keeps every other line, comment and the order as
they were; ``write(path, keys, value)`` does that atomically.
"""
from __future__ import annotations

import contextlib
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

import yaml

from loaders import severity
from loaders.problems import problem

TIMES = ("started_at", "detected_at", "mitigated_at", "resolved_at")
FIELDS = ("title", "date", *TIMES, "severity", "incident_class", "near_miss", "team")
ITEM_FIELDS = ("status", "owner", "due")
TEXT_FIELDS = ("title", "team", "incident_class", "owner")
ALIASES = {"class": "incident_class", "sev": "severity", "near-miss": "near_miss", "nearmiss": "near_miss",
           "detected": "detected_at", "started": "started_at", "mitigated": "mitigated_at",
           "resolved": "resolved_at"}
STATUSES = {"open": "open", "todo": "open", "to do": "open", "done": "done", "closed": "done",
            "fixed": "done", "wont_do": "wont_do", "won't do": "wont_do", "wont do": "wont_do",
            "wontfix": "wont_do", "won't fix": "wont_do", "not doing": "wont_do"}


class CorrectionError(ValueError):
    """A correction that cannot be used: the message says which and why."""


@dataclass(frozen=True)
class Correction:
    """One overridden field: ``item`` is the action item's number for item fields."""

    doc_id: str
    field: str
    value: str | None           # normalised text: ISO date / UTC time / level / "true"
    label: str | None = None    # severity's label
    item: int | None = None
    line: int | None = None

    def row(self, file_path: str) -> dict:
        return {"file_path": file_path, "doc_id": self.doc_id, "item": self.item, "field": self.field,
                "value": self.value, "label": self.label, "line": self.line}


def field_name(name: str) -> str:
    key = str(name).strip().lower().replace(" ", "_")
    return ALIASES.get(key, key)


def normalise(field: str, value) -> tuple[str | None, str | None]:
    """(value as stored, label) for ``field``; raises CorrectionError when unusable."""
    if value is None:
        return None, (severity.label(None) if field == "severity" else None)
    if field in ("date", "due"):
        d = _date(value)
        if d is None:
            raise CorrectionError(f"{field} must be a date (YYYY-MM-DD), got {value!r}")
        return d.isoformat(), None
    if field in TIMES:
        t = _instant(value)
        if t is None:
            raise CorrectionError(f"{field} must be a time such as 2024-03-12T10:05:00Z, got {value!r}")
        return t.strftime("%Y-%m-%dT%H:%M:%SZ"), None
    if field == "severity":
        lvl = severity.level(value)
        if lvl is None:
            raise CorrectionError(f"severity must name a level (SEV1, P2, 3, critical), got {value!r}")
        return str(lvl), severity.label(lvl)
    if field == "near_miss":
        if isinstance(value, bool):
            return ("true" if value else "false"), None
        text = str(value).strip().lower()
        if text in ("true", "yes", "y", "1"):
            return "true", None
        if text in ("false", "no", "n", "0"):
            return "false", None
        raise CorrectionError(f"near_miss must be true or false, got {value!r}")
    if field == "status":
        status = STATUSES.get(str(value).strip().lower())
        if status is None:
            raise CorrectionError(f"status must be open, done or wont_do, got {value!r}")
        return status, None
    if field in TEXT_FIELDS:
        text = str(value).strip()
        if not text or isinstance(value, (dict, list)):
            raise CorrectionError(f"{field} must be a non-empty text, got {value!r}")
        return text, None
    raise CorrectionError(f"unknown field {field!r}; fields: {', '.join(FIELDS)}, "
                          f"action_items.N.{{{','.join(ITEM_FIELDS)}}}")


def _date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def _instant(value) -> datetime | None:
    if isinstance(value, datetime):
        t = value
    elif isinstance(value, date):
        return None
    else:
        text = str(value).strip().replace(" UTC", "Z").replace("Z", "+00:00")
        try:
            t = datetime.fromisoformat(text)
        except ValueError:
            return None
    if t.tzinfo is None:
        t = t.replace(tzinfo=timezone.utc)
    return t.astimezone(timezone.utc)


# ---------------------------------------------------------------------------- reading

class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers the line of every mapping key."""


def _construct_mapping(loader, node, deep=False):
    out = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        out[_Keyed(key, key_node.start_mark.line + 1)] = loader.construct_object(value_node, deep=True)
    return out


class _Keyed:
    __slots__ = ("key", "line")

    def __init__(self, key, line):
        self.key, self.line = key, line

    def __hash__(self):
        return hash((self.key, self.line))

    def __eq__(self, other):
        return isinstance(other, _Keyed) and (self.key, self.line) == (other.key, other.line)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# dates and times stay text until ``normalise`` reads them (an absurd date is a problem
# on its line, not a ValueError from the YAML library)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def read(text: str) -> tuple[list[Correction], list[dict]]:
    """(corrections, problems) from a corrections file's text; never raises."""
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        return [], [problem(mark.line + 1 if mark else None, f"not valid YAML: {getattr(e, 'problem', e)}")]
    if data is None:
        return [], []
    if not isinstance(data, dict):
        return [], [problem(1, "must map postmortem ids to the fields to correct")]
    out: list[Correction] = []
    problems: list[dict] = []
    for doc, fields in data.items():
        doc_id = str(doc.key)
        if not isinstance(fields, dict):
            problems.append(problem(doc.line, f"{doc_id}: must map field names to values"))
            continue
        for f, value in fields.items():
            if field_name(f.key) == "action_items":
                out.extend(_items(doc_id, value, f.line, problems))
            elif (fix := _one(doc_id, None, f, value, FIELDS + ("action_items",), problems)):
                out.append(fix)
    return _last_wins(out, problems), problems


def _one(doc_id: str, item: int | None, key: _Keyed, value, allowed: tuple, problems: list) -> Correction | None:
    """The correction ``key: value`` says, or None with a problem on its line."""
    name = field_name(key.key)
    where = f"{doc_id}: action item {item}: " if item else f"{doc_id}: "
    if name not in allowed:
        problems.append(problem(key.line, f"{where}unknown field {key.key!r}; fields: {', '.join(allowed)}"))
        return None
    try:
        stored, label = normalise(name, value)
    except CorrectionError as e:
        problems.append(problem(key.line, f"{where}{e}"))
        return None
    return Correction(doc_id, name, stored, label, item, key.line)


def _last_wins(fixes: list[Correction], problems: list) -> list[Correction]:
    """One correction per field: a field named twice keeps the later, with a warning."""
    seen: dict[tuple, Correction] = {}
    for f in fixes:
        key = (f.doc_id, f.item, f.field)
        if key in seen:
            what = f"action item {f.item} {f.field}" if f.item else f.field
            problems.append(problem(seen[key].line, f"{f.doc_id}: {what} is corrected twice; "
                                                    f"line {f.line} applies", level="warning"))
        seen[key] = f
    return list(seen.values())


def _items(doc_id: str, value, line: int, problems: list) -> list[Correction]:
    if not isinstance(value, dict):
        problems.append(problem(line, f"{doc_id}: action_items must map item numbers (1, 2, ...) to fields"))
        return []
    out = []
    for number, fields in value.items():
        n = number.key
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            problems.append(problem(number.line, f"{doc_id}: action item number must be 1, 2, ..., got {n!r}"))
            continue
        if not isinstance(fields, dict):
            problems.append(problem(number.line, f"{doc_id}: action item {n} must map fields to values"))
            continue
        out.extend(fix for f, v in fields.items() if (fix := _one(doc_id, n, f, v, ITEM_FIELDS, problems)))
    return out


# ---------------------------------------------------------------------------- writing

def keys_for(doc_id: str, field: str) -> list:
    """The key path of ``field`` (``detected_at``, ``action_items.3.status``) for ``doc_id``,
    checked; raises CorrectionError for a field that cannot be corrected."""
    parts = field.split(".")
    if len(parts) == 3 and field_name(parts[0]) == "action_items":
        if not parts[1].isdigit() or int(parts[1]) < 1:
            raise CorrectionError(f"action item number must be 1, 2, ..., got {parts[1]!r}")
        name = field_name(parts[2])
        if name not in ITEM_FIELDS:
            raise CorrectionError(f"unknown action item field {parts[2]!r}; fields: {', '.join(ITEM_FIELDS)}")
        return [doc_id, "action_items", int(parts[1]), name]
    name = field_name(field)
    if len(parts) != 1 or name not in FIELDS:
        raise CorrectionError(f"unknown field {field!r}; fields: {', '.join(FIELDS)}, "
                              f"action_items.N.{{{','.join(ITEM_FIELDS)}}}")
    return [doc_id, name]


def _scalar(value) -> str:
    """``value`` as one YAML flow scalar."""
    if isinstance(value, (date, datetime)):
        value = value.isoformat()
    text = yaml.safe_dump(value, default_flow_style=True, width=10_000, allow_unicode=True).strip()
    if text.endswith("\n..."):
        text = text[: -len("\n...")]
    if text.endswith("..."):
        text = text[:-3].strip()
    return text


def _key_text(key) -> str:
    return _scalar(key)


_KEY = re.compile(r"^(?P<indent>[ ]*)(?P<key>(?:'[^']*'|\"[^\"]*\"|[^\s#:][^:#]*?))\s*:(?:\s|$)")


def _key_of(line: str):
    """(indent, key as YAML reads it) for a ``key: ...`` line, else None."""
    m = _KEY.match(line)
    if not m:
        return None
    try:
        key = yaml.safe_load(m.group("key"))
    except yaml.YAMLError:
        key = m.group("key")
    return len(m.group("indent")), key


def _trim(lines: list[str], start: int, end: int, indent: int) -> int:
    """``end`` moved back over blank lines and over comments indented less than
    ``indent`` (they introduce what follows the block, not the block)."""
    while end > start:
        line = lines[end - 1]
        if line.strip() and not (line.lstrip().startswith("#") and len(line) - len(line.lstrip()) < indent):
            break
        end -= 1
    return end


def set_value(text: str, keys: list, value) -> str:
    """``text`` with the entry at ``keys`` set to ``value``: the entry's line changes (or
    lines are added at the end of its block); every other line, comment and the order
    stay as they were. Flow mappings (``3: {status: done}``) are rewritten as blocks."""
    lines = text.splitlines()
    start, end = 0, len(lines)
    indent = 0
    for i, key in enumerate(keys):
        last = i == len(keys) - 1
        found = None
        child_indent = None
        for n in range(start, end):
            line = lines[n]
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            got = _key_of(line)
            if got is None:
                continue
            ind, k = got
            if child_indent is None and ind >= indent:
                child_indent = ind
            if ind == child_indent and (k == key or str(k) == str(key)):
                found = n
                break
        if child_indent is None:
            child_indent = indent
        if found is None:
            new = [" " * child_indent + f"{_key_text(k)}:" for k in [key]]
            pad = child_indent
            for k in keys[i + 1:]:
                pad += 2
                new.append(" " * pad + f"{_key_text(k)}:")
            new[-1] += f" {_scalar(value)}"
            insert_at = _trim(lines, start, end, child_indent)
            lines[insert_at:insert_at] = new
            return "\n".join(lines) + "\n"
        # the block of the found key: following lines indented deeper
        block_end = found + 1
        while block_end < end:
            line = lines[block_end]
            if line.strip() and not line.lstrip().startswith("#"):
                if len(line) - len(line.lstrip(" ")) <= child_indent:
                    break
            block_end += 1
        block_end = _trim(lines, found + 1, block_end, child_indent + 1)
        rest = lines[found].split(":", 1)[1] if not lines[found].lstrip().startswith(("'", '"')) \
            else lines[found][lines[found].index(":", _KEY.match(lines[found]).end("key")) + 1:]
        comment = ""
        inline = rest.strip()
        if last:
            if " #" in rest:
                comment = "  #" + rest.split(" #", 1)[1]
            lines[found] = " " * child_indent + f"{_key_text(key)}: {_scalar(value)}{comment}"
            del lines[found + 1:block_end]
            return "\n".join(lines) + "\n"
        if inline and not inline.startswith("#"):
            # a flow or scalar value in the way: rewrite it as a block we can descend into
            parsed = yaml.safe_load(inline) if inline.startswith("{") else None
            lines[found] = " " * child_indent + f"{_key_text(key)}:"
            block = []
            if isinstance(parsed, dict):
                block = [" " * (child_indent + 2) + f"{_key_text(k)}: {_scalar(v)}" for k, v in parsed.items()]
            lines[found + 1:found + 1] = block
            block_end = found + 1 + len(block)
        start, end, indent = found + 1, block_end, child_indent + 2
    return "\n".join(lines) + "\n"


def write(path: Path, keys: list, value) -> None:
    """Set one entry in the corrections file at ``path`` (created when missing), atomically:
    the new text is checked by reading it back, written to a temporary file beside it and
    renamed over it, so a reader never sees half a file and a failure leaves it as it was."""
    path = Path(path)
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    new = set_value(old, keys, value)
    data = yaml.safe_load(new) or {}
    node = data
    for k in keys[:-1]:
        node = node.get(k) if isinstance(node, dict) else None
    got = node.get(keys[-1], "\0missing") if isinstance(node, dict) else "\0missing"
    if got != value and _scalar(got) != _scalar(value):
        raise CorrectionError(f"could not write {'.'.join(map(str, keys))} into {path}: the file's layout "
                              "is not one this editor understands; edit it by hand")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=str(path.parent))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(new)
            f.flush()
            os.fsync(f.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
