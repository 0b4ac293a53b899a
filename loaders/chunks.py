"""Big exports, a chunk at a time.

A tracker or incident-tool export larger than STREAM_BYTES is never held whole: it is read
as a run of smaller exports of the same shape, each parsed by the same format parser as a
small file (loaders/detect.py), so an ingest's memory stays flat however long the export
(a million PagerDuty incidents, half a million Jira rows):

- CSV: the header and the next CHUNK_RECORDS records (a record's quoted line breaks kept
  with it), in the file's own bytes, so every problem keeps its line in the file;
- JSON lines: CHUNK_RECORDS lines;
- one JSON document (``[...]``, ``{"incidents": [...], ...}`` as an API page holds it, or
  a GraphQL response's ``{"data": {"repository": {"issues": {"nodes": [...]}}}}``): the
  elements of its big array (``_to_array`` says which), read with the standard decoder
  one value at a time; what follows the array is read to the document's end.

A chunk holds fewer records where they reach CHUNK_BYTES of the file first.

Across chunks, what one parse of the whole file would do still holds: a key seen in an
earlier chunk is a duplicate (the row is skipped, with a problem on its line), and a
problem about the header is said once. ``Reader.sha256`` is the hash of every byte read,
ready when the parts are.
"""
from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
from collections.abc import Iterator

from loaders.options import EXPORT_SUFFIXES, Options
from loaders.problems import error, warning

STREAM_BYTES = 16 << 20     # exports larger than this are read a chunk at a time
# records (rows, lines, array elements) per chunk: the export's process holds one chunk's
# parse, and the ingest the parsed chunks in flight. At 100,000 postmortems' exports a
# chunk of 10,000 took that process to 118-138 MB, one of 1,000 to 52-64 MB, and parsed
# each export faster (4.9-7.1 s against 6.4-9.2 s): fewer objects alive at once
CHUNK_RECORDS = 1_000
# ... or fewer, once they hold this much of the file: a record may be long (a list of API
# pages is an array whose every element holds a page of issues), and a chunk's parse
# takes several times its text in memory
CHUNK_BYTES = 4 << 20
_READ = 1 << 20
MAX_VALUE = 64 << 20        # one array element this large and still unfinished is broken
SMALL_VALUE = 1 << 20       # a value around a document's big array ends within this
UNDECIDED_BYTES = 8 << 20   # read to tell JSON lines from a document, where their head cannot
_BLANK = b"\xef\xbb\xbf \t\r\n"   # what a line or a file's head may hold and still be blank: a BOM, white space


def streamed(path: str, size: int) -> bool:
    """Whether ``path`` (of ``size`` bytes) is read in chunks rather than whole."""
    return size > STREAM_BYTES and path.lower().endswith(EXPORT_SUFFIXES)


class Reader:
    """One big export: ``parts()`` yields one parse result per chunk (the same shape as
    ``detect.parse_bytes``'s), problems on the file's own lines."""

    def __init__(self, path: str, options: Options | None = None, chunk: int | None = None):
        self.path = path
        self.options = options or Options()
        self.chunk = chunk or CHUNK_RECORDS
        self._format = None   # the export format of a JSON document's first chunk
        self._codec = None    # what the file is read in once a chunk is not UTF-8
        self._parsed = False  # a chunk was read: the file is text (a NUL later is in a string)
        self._utf16 = None    # a UTF-16 file's decoder: its text is read as UTF-8
        self._lines16 = 0     # line breaks it has decoded
        self._bad16 = None    # the line of its first broken code unit
        self._sha = hashlib.sha256()
        self.size = self.mtime_ns = 0
        self._unreadable = None
        try:
            st = os.stat(path)
            self.size, self.mtime_ns = st.st_size, st.st_mtime_ns
        except OSError as e:   # gone or unreadable since it was found: a problem, not a failed load
            self._unreadable = f"cannot read file: {e.strerror or e}"

    @property
    def sha256(self) -> str:
        return self._sha.hexdigest()

    def parts(self) -> Iterator[dict]:
        from loaders import detect   # here, not at import: an unchanged re-ingest needs no parser

        if (why := self._unreadable or detect.size_problem(self.path, self.size, self.options)):
            yield detect.unknown(self.path, why)
            return
        try:
            f = open(self.path, "rb")
        except OSError as e:
            yield detect.unknown(self.path, f"cannot read file: {e.strerror or e}")
            return
        seen = Seen()
        said: set[str] = set()
        with f:
            head = self._more(f)
            if head.startswith((b"\xff\xfe", b"\xfe\xff")):   # UTF-16 (Excel's "Unicode text", PowerShell)
                self._utf16 = codecs.getincrementaldecoder("utf-16")()
                head = self._recode(head)
            lead = head.lstrip(_BLANK)[:1]
            if lead == b"{":
                head = self._to_second_line(f, head)
            if lead in (b"[", b"{") and not _json_lines(head):
                chunks = self._json_document(f, head)
            else:
                chunks = self._lines(f, head, csv=lead != b"{")
            for result, shift, header in chunks:
                result = self._settle(result, shift, header, seen, said)
                if self._bad16 is not None and "utf-16" not in said:
                    result["problems"].insert(0, detect.broken_utf16(self._bad16))
                    said.add("utf-16")
                yield result
            while self._more(f):     # what no chunk needed still counts in the file's hash
                pass

    # -- reading ------------------------------------------------------------------------

    def _more(self, f) -> bytes:
        while True:
            block = f.read(_READ)
            self._sha.update(block)
            if not self._utf16:
                return block
            if (text := self._recode(block)) or not block:   # (a block may end mid-character)
                return text

    def _recode(self, block: bytes) -> bytes:
        """A block of a UTF-16 file as UTF-8 (every reader below reads UTF-8); b"" at the end.
        A broken code unit is U+FFFD, and the first one's line is noted (``detect.utf16``)."""
        dec = self._utf16
        state = dec.getstate()
        try:
            text = dec.decode(block, final=not block)
        except UnicodeDecodeError as e:
            probe = codecs.getincrementaldecoder("utf-16")()
            probe.setstate(state)
            before = probe.decode(block[:max(0, e.start - len(state[0]))])
            self._bad16 = self._bad16 or self._lines16 + before.count("\n") + 1
            dec.setstate(state)
            dec.errors = "replace"
            text = dec.decode(block, final=not block)
        self._lines16 += text.count("\n")
        return text.encode("utf-8")

    def _to_second_line(self, f, head: bytes) -> bytes:
        """``head`` read on to the start of the file's second line that is not blank,
        when the first line is longer than one read (a JSON-lines record over 1 MB), so
        ``_json_lines`` can tell JSON lines from one document. Where that second line
        starts is found first with a look of its own that keeps nothing: a document on
        one line (an API's response, saved as it came) is not read into memory, only
        JSON lines' first record, which their chunk holds anyway. No second line within
        MAX_VALUE: the head as it was (one document, or a first line too long to be a
        record). A second line that opens a record ("{") while the first is no object (a
        broken first record) is read to its end too: it is what tells JSON lines then."""
        if _second_line(head) is not None:
            return self._to_second_record(f, head)
        recode = None
        if self._utf16:   # the look reads the text on from where the reader is, as it does
            recode = codecs.getincrementaldecoder("utf-16")("replace")
            recode.setstate(self._utf16.getstate())
        with open(self.path, "rb") as look:
            look.seek(f.tell())
            at = len(head)
            newline = b"\n" in head.lstrip(_BLANK)
            while at < MAX_VALUE and (block := look.read(_READ)):
                if recode is not None:
                    block = recode.decode(block).encode("utf-8")
                if not newline and (cut := block.find(b"\n")) >= 0:
                    newline, block, at = True, block[cut:], at + cut
                if newline and (rest := block.lstrip(_BLANK + b"\n")):
                    start = at + len(block) - len(rest)
                    break
                at += len(block)
            else:
                return head
        while len(head) <= start and (block := self._more(f)):
            head += block
        return self._to_second_record(f, head)

    def _to_second_record(self, f, head: bytes) -> bytes:
        """``head`` read on while its whole lines cannot yet tell JSON lines from one
        document (``_json_lines`` is None: every line so far a broken record, or a record
        going on past the head), to UNDECIDED_BYTES at most."""
        while len(head) < UNDECIDED_BYTES and _json_lines(head) is None and (block := self._more(f)):
            head += block
        return head

    def _raw_lines(self, f, head: bytes) -> Iterator[bytes]:
        buf = head
        while True:
            start = 0
            while (end := buf.find(b"\n", start)) >= 0:
                yield buf[start:end + 1]
                start = end + 1
            buf = buf[start:]
            block = self._more(f)
            if not block:
                if buf:
                    yield buf
                return
            buf += block

    def _lines(self, f, head: bytes, csv: bool):
        """(result, line shift, header lines) for each chunk of a CSV (the header and the
        next records, each record whole) or of JSON lines."""
        lines = self._raw_lines(f, head)
        header = b""
        if csv:
            header = next(lines, b"")
            while header.count(b'"') % 2:           # a header cell with a line break
                more = next(lines, None)
                if more is None:
                    break
                header += more
        head_lines = header.count(b"\n")
        at = head_lines + 1                          # the file line the next record starts on
        records: list[bytes] = []
        first, record, done, quoted, held = at, b"", False, False, 0
        for raw in lines:
            record += raw
            # a CSV record goes on while a quoted cell is open; a JSON-lines record while a
            # string is (a raw line break in it: ``detect.json_lines`` reads the record whole)
            quoted ^= bool((raw if csv else _unescaped(raw)).count(b'"') % 2)
            # but a stray quote never pulls the rest of the file into one record: past
            # MAX_VALUE it ends (the parser says what is wrong)
            if quoted and len(record) < MAX_VALUE:
                continue
            quoted = False
            if not records and not record.strip(_BLANK):
                at += record.count(b"\n")            # blank lines before a chunk's first record
                first, record = at, b""               # (after a full chunk: no chunk of nothing)
                continue
            records.append(record)
            at += record.count(b"\n")
            held += len(record)
            record = b""
            if len(records) >= self.chunk or held >= CHUNK_BYTES:
                yield self._parse(header + b"".join(records)), first - head_lines - 1, head_lines
                records, first, done, held = [], at, True, 0
        if record and (records or record.strip(_BLANK)):
            records.append(record)
        if records or not done:
            yield self._parse(header + b"".join(records)), first - head_lines - 1, head_lines

    def _parse(self, data: bytes) -> dict:
        """A chunk's parse; once a chunk is not UTF-8, the rest of the file is read in the
        codec it was (as a whole parse reads the whole file in it), and said so once."""
        from loaders import detect

        text, problem, codec = detect.read_text(data, self._codec, sniff=not self._parsed)
        self._codec, self._parsed = self._codec or codec, True
        return detect.parse_read(text, problem, self.path, self.options)

    def _json_document(self, f, head: bytes):
        """Chunks of the big array in one JSON document, each parsed as a document of the
        same shape: the array under its keys (at any depth: a GraphQL response holds it
        in ``data.repository.issues.nodes``), or a bare array. What follows the array is
        read to the document's end, so a file cut short or broken anywhere says so. Bytes
        that are not UTF-8, and a string's raw control characters, are read as a whole
        parse reads them, and the first one's line is a warning."""
        from loaders import detect

        text = _Text(head, lambda: self._more(f))
        told = set()
        for result, shift, header in self._json_chunks(text):
            if text.bad_line is not None and "codec" not in told:
                result["problems"].insert(0, detect.not_utf8(text.bad_line))
                told.add("codec")
            if text.control_line is not None and "control" not in told:
                result["problems"].insert(0, warning(text.control_line, detect.RAW_CONTROL))
                told.add("control")
            yield result, shift, header

    def _json_chunks(self, text: "_Text"):
        decoder = json.JSONDecoder()
        keys, items, done, last, held = [], [], False, None, 0
        try:
            pos = text.skip(0)
            if text.char(pos) == "{":
                start = pos
                found, pos = _to_array(text, decoder, pos, [], self._holds_records)
                if found is None:   # no big array anywhere: the document is read whole
                    doc, end = text.decode(decoder, start)
                    _to_the_end(text, decoder, end, 0)
                    yield self._chunk(doc), None, 0
                    return
                keys = found
            pos, value_next = pos + 1, True           # past the array's "["
            while True:
                pos = text.skip(pos)
                c = text.char(pos)
                if c == "":
                    raise _Cut("the file ends inside its array", pos)
                if c == "]" and (not value_next or not (items or done)):
                    break
                if not value_next:
                    if c != ",":
                        raise _Broken("expected ',' or ']' in the array", pos)
                    pos, value_next = pos + 1, True
                    continue
                value, end = text.decode(decoder, pos)
                items.append(value)
                held += end - pos
                pos, value_next = text.forget(end), False
                if len(items) >= self.chunk or held >= CHUNK_BYTES:
                    last = self._chunk(_nest(keys, items))
                    yield last, None, 0
                    items, done, held = [], True, 0
            _to_the_end(text, decoder, pos + 1, len(keys))
        except (ValueError, RecursionError) as e:
            # the records read so far, and the problem (after a full chunk: no chunk of nothing)
            result = self._chunk(_nest(keys, items)) if items or last is None else _emptied(last)
            why = (e.msg if isinstance(e, _Cut) else "nested too deeply" if isinstance(e, RecursionError)
                   else f"{getattr(e, 'msg', str(e))[:80]}; the rest of the file is not read")
            at = getattr(e, "pos", None)
            result["problems"].append(error(text.line(at) if at is not None else None, f"broken JSON ({why})"))
            yield result, None, 0
            return
        if items or not done:
            yield self._chunk(_nest(keys, items)), None, 0

    def _holds_records(self, keys: list[str], value) -> bool:
        """Whether a small array (under ``keys``) holds records an export format reads on
        their own: then it is the document's array, though a bigger one follows it (an
        incident list before its log entries), as a whole parse would read it."""
        from loaders import detect

        return bool(value) and detect.parse_json(_nest(keys, value), self.path, self.options)["kind"] != "unknown"

    def _chunk(self, doc) -> dict:
        """A chunk of the big array, parsed by the format that recognised the first chunk
        (as one parse of the file is: a later chunk opening on an element no format knows,
        a null among Jira issues, is not a file of its own to sniff)."""
        from loaders import detect

        if self._format is None:
            self._format = detect.json_format(doc)
        return {"path": self.path, **detect.parse_json(doc, self.path, self.options, self._format)}

    # -- across chunks --------------------------------------------------------------------

    def _settle(self, result: dict, shift: int | None, header: int, seen: Seen, said: set) -> dict:
        """The chunk's problems on the file's lines (a record's chunk line + ``shift``),
        those about the whole file (no line, or a header line) said once, and rows whose
        key an earlier chunk had dropped as duplicates: such a row is its duplicate problem
        alone, as in one parse of the file, which skips it before reading its fields."""
        def moved(line):
            return line + shift if shift is not None and line is not None and line > header else line

        duplicates = []
        for items, key, what in (("tickets", "key", "issue key"), ("incidents", "id", "incident id")):
            if items not in result:
                continue
            kept = []
            for item, earlier in zip(result[items], seen.check([item.get(key) for item in result[items]])):
                line = moved(item.get("line"))
                if earlier:
                    duplicates.append(error(line, f"duplicate {what} {item.get(key)}; row skipped"))
                    continue
                kept.append({**item, "line": line} if "line" in item else item)
            result[items] = kept
        skipped = {p["line"] for p in duplicates} - {None}
        problems = []
        for p in result.get("problems") or []:
            line = p.get("line")
            if line is None or line <= header:
                if p["message"] in said:
                    continue
                said.add(p["message"])
            elif moved(line) in skipped:
                continue
            problems.append({**p, "line": moved(line)})
        result["problems"] = problems + duplicates
        return result


class Seen:
    """The keys an export's earlier chunks held, to find a duplicate of one in a later
    chunk, in memory flat enough for millions: each key kept as a 64-bit hash (BLAKE2b)
    in sorted runs, 8 bytes a key, where a set of the keys took 140 (a million keys: 8 MB,
    not 140). Two different keys share a hash with odds of about 1 in 37 million at a
    million keys; the later row would then be skipped as a duplicate, with a problem on
    its line saying so (never silently).
    Runs merge when one is no more than twice the next, so there are at most about
    log2(keys) of them."""

    def __init__(self):
        self.runs: list = []   # sorted numpy uint64 arrays, each more than twice the next

    @staticmethod
    def _hash(key) -> int:
        text = f"{type(key).__name__}\x00{key}".encode("utf-8", "surrogatepass")
        return int.from_bytes(hashlib.blake2b(text, digest_size=8).digest(), "little")

    def check(self, keys: list) -> list[bool]:
        """For each of ``keys`` in order, whether it was seen before (in an earlier chunk,
        or earlier in this one); then remember them all."""
        import numpy as np   # here: only an export read in chunks needs it

        hashes = np.fromiter((self._hash(k) for k in keys), dtype=np.uint64, count=len(keys))
        before = np.zeros(len(keys), dtype=bool)
        for run in self.runs:
            at = np.minimum(np.searchsorted(run, hashes), len(run) - 1)
            before |= run[at] == hashes
        mine: set[int] = set()
        out = []
        for h, was in zip(hashes.tolist(), before.tolist()):
            out.append(was or h in mine)
            mine.add(h)
        fresh = np.unique(hashes[~before])   # (runs never share a hash: a merge only sorts)
        if len(fresh):
            self.runs.append(fresh)
            while len(self.runs) > 1 and len(self.runs[-2]) <= 2 * len(self.runs[-1]):
                top = self.runs.pop()
                merged = np.concatenate((self.runs[-1], top))
                merged.sort()
                self.runs[-1] = merged
        return out


def _second_line(head: bytes) -> int | None:
    """Where the second line of ``head`` that is not blank starts, if it does within it."""
    body = head.lstrip(_BLANK)
    end = body.find(b"\n")
    if end < 0 or not (rest := body[end:].lstrip(_BLANK)):
        return None
    return len(head) - len(rest)


def _json_lines(head: bytes) -> bool | None:
    """Whether the file's head is JSON lines: two lines or more that are not blank (one
    object alone, blank lines after it, is a JSON document), and its whole lines are JSON
    lines by the rule a whole parse follows (``detect.json_lines``: each opens with "{" or
    goes on a record whose string a raw line break split, one at least is an object; a
    broken line, the first as any other, is a problem on its line). None when its whole
    lines cannot tell yet: no object among them, and none that would not open or go on a
    record, nor one that is an element of an array (an object, then "," or "]")."""
    from loaders import detect

    if _second_line(head) is None:
        return False
    whole = head.lstrip(_BLANK).rpartition(b"\n")[0]
    if detect.json_lines(whole.decode("utf-8", errors="replace"))[0] is not None:
        return True
    in_string = False
    for line in whole.split(b"\n"):
        s = line.strip(_BLANK)
        if not in_string and s and (s[:1] != b"{" or _element(s)):
            return False
        in_string ^= bool(_unescaped(line).count(b'"') % 2)
    return None


def _element(line: bytes) -> bool:
    """Whether ``line`` is an array's element, not a record: an object, then "," or "]"
    (a document written one element a line)."""
    text = line.decode("utf-8", errors="replace")
    try:
        value, end = json.JSONDecoder().raw_decode(text)
    except (ValueError, RecursionError):
        return False
    return isinstance(value, dict) and text[end:].lstrip()[:1] in (",", "]")


_ESCAPED = re.compile(rb"\\.")


def _unescaped(line: bytes) -> bytes:
    """``line`` without JSON's backslash escapes: the quotes left open and close strings."""
    return _ESCAPED.sub(b"", line) if b'\\"' in line else line   # (no backslash before a quote: all count)


def _to_array(text: "_Text", decoder: json.JSONDecoder, pos: int, keys: list[str], holds_records=None):
    """From the ``{`` at ``pos``: ``(keys, position of its "[")`` for the document's big
    array: the first array in the object, or in an object within it, that does not end
    within SMALL_VALUE characters (the values around it do: a GraphQL ``errors`` list or
    a ``meta`` object before the incidents), or that ``holds_records(keys, value)`` says
    holds an export's records; else ``(None, position after the "}")``. The values passed
    over are read whole; an object too big to be one is read into."""
    pos += 1
    while True:
        pos = text.skip(pos)
        if text.char(pos) in ("}", ""):
            return None, pos + 1
        name, pos = _key(text, decoder, pos)
        here = [*keys, str(name)]
        c = text.char(pos)
        if c not in ("[", "{"):
            pos = text.decode(decoder, pos)[1]
        elif (small := text.ends_within(decoder, pos, SMALL_VALUE)) is not None:
            if c == "[" and holds_records is not None and holds_records(here, small[0]):
                return here, pos
            pos = small[1]
        elif c == "[":
            return here, pos
        else:
            found, pos = _to_array(text, decoder, pos, here, holds_records)
            if found is not None:
                return found, pos
        pos = text.skip(pos)
        if text.char(pos) == ",":
            pos += 1
        elif text.char(pos) not in ("}", ""):
            raise _Broken("expected ',' or '}'", pos)


def _key(text: "_Text", decoder: json.JSONDecoder, pos: int) -> tuple[str, int]:
    """The member's key at ``pos`` and where its value starts, past the colon."""
    if text.char(pos) != '"':
        raise _Broken("expected a key", pos)
    name, pos = text.decode(decoder, pos)
    pos = text.skip(pos)
    if text.char(pos) != ":":
        raise _Broken("expected ':' after a key", pos)
    return name, text.skip(pos + 1)


def _to_the_end(text: "_Text", decoder: json.JSONDecoder, pos: int, depth: int) -> None:
    """From just after the big array, ``depth`` objects deep: the members left in each
    object (``, "key": value``) and its ``}``, then nothing but white space. Raises
    ValueError where the document is cut short or broken, as a whole parse would fail."""
    for _ in range(depth):
        while True:
            pos = text.skip(pos)
            c = text.char(pos)
            if c == "":
                raise _Cut("the file ends before its document does", pos)
            if c == "}":
                pos += 1
                break
            if c != ",":
                raise _Broken("expected ',' or '}'", pos)
            _, pos = _key(text, decoder, text.skip(pos + 1))
            _, pos = text.decode(decoder, pos)                          # (its value)
            pos = text.forget(pos)
    if text.char(pos := text.skip(pos)) != "":
        raise _Broken("extra data after the document", pos)


def _emptied(result: dict) -> dict:
    """A chunk's result with no records and no problems: the kind and source of the file,
    for a problem found after its last full chunk."""
    return {**result, **{k: [] for k in ("tickets", "incidents", "problems") if k in result}}


class _Broken(ValueError):
    """The JSON document is broken at ``pos`` (in the reader's text as it is then)."""

    def __init__(self, msg: str, pos: int):
        super().__init__(msg)
        self.msg, self.pos = msg, pos


class _Cut(_Broken):
    """The file ends before its JSON document does."""


def _nest(keys: list[str], value):
    """``value`` under ``keys``, outermost first: ``{"a": {"b": value}}``; a bare array
    without keys."""
    for key in reversed(keys):
        value = {key: value}
    return value


def _fallback(block: bytes) -> str:
    """Bytes read as a file that is not UTF-8 is (``detect.fallback_text``)."""
    from loaders import detect

    return detect.fallback_text(block)


class _Text:
    """The file's text from a moving start, read further as a value needs it."""

    def __init__(self, head: bytes, more):
        self._more = more   # () -> the next block of bytes, b"" at the end
        self._pending = b""
        self.buf = ""
        self._lines_gone = 0   # line breaks in what ``forget`` dropped
        self.bad_line = None   # the line of the first byte that is not UTF-8
        self.fallen_back = False   # read as Windows-1252 from the first bad byte on
        self.control_line = None   # the line of the first raw control character in a string
        self._feed(head)

    def _feed(self, block: bytes) -> bool:
        if not block:
            return False
        if self.fallen_back:
            self.buf += _fallback(block)
            return True
        data = self._pending + block
        cut = len(data)
        while cut > 0 and (data[cut - 1] & 0xC0) == 0x80:   # never split a UTF-8 character
            cut -= 1
        if cut > 0 and data[cut - 1] >= 0xC0:
            cut -= 1
        self._pending = data[cut:]
        encoding = "utf-8-sig" if not self.buf else "utf-8"
        try:
            self.buf += data[:cut].decode(encoding)
        except UnicodeDecodeError as e:
            # from the first bad byte on, the file reads as a whole parse reads it all
            self.bad_line = self.line(len(self.buf)) + data[:e.start].count(b"\n")
            self.fallen_back = True
            self.buf += data[:e.start].decode(encoding) + _fallback(data[e.start:])
            self._pending = b""
        return True

    def _raw_decode(self, decoder: json.JSONDecoder, pos: int):
        """``decoder.raw_decode`` at ``pos``, reading a string's raw control characters as
        they are (noting the first one's line), as a whole parse does."""
        try:
            return decoder.raw_decode(self.buf, pos)
        except json.JSONDecodeError as e:
            if not e.msg.startswith("Invalid control character"):
                raise
            from loaders import detect

            value = detect.LOOSE.raw_decode(self.buf, pos)
            if self.control_line is None:
                self.control_line = self.line(e.pos)
            return value

    def char(self, pos: int) -> str:
        while pos >= len(self.buf):
            if not self._feed(self._more()):
                return ""
        return self.buf[pos]

    def skip(self, pos: int) -> int:
        while self.char(pos) in (" ", "\t", "\r", "\n"):
            pos += 1
        return pos

    def decode(self, decoder: json.JSONDecoder, pos: int):
        """The JSON value at ``pos`` and where it ends, reading on while it is cut off (up
        to MAX_VALUE: a broken value does not pull the rest of the file into memory)."""
        while True:
            try:
                value, end = self._raw_decode(decoder, pos)
            except json.JSONDecodeError:
                if len(self.buf) - pos < MAX_VALUE and self._feed(self._more()):
                    continue
                raise
            if end >= len(self.buf) and self._feed(self._more()):   # a number may go on
                continue
            return value, end

    def ends_within(self, decoder: json.JSONDecoder, pos: int, limit: int) -> tuple | None:
        """(the array or object at ``pos``, where it ends), if it ends within what is read
        once at least ``limit`` characters past ``pos`` are (or the file has ended); None if
        it goes on past them (or is broken there)."""
        while len(self.buf) - pos < limit and self._feed(self._more()):
            pass
        try:
            return self._raw_decode(decoder, pos)
        except json.JSONDecodeError:
            return None

    def forget(self, pos: int) -> int:
        """What is before ``pos`` is done with: once it is a read's worth, it is dropped
        (dropping it after every small value copied the rest each time: a million
        two-character values took most of 19 s). Returns ``pos`` in the text as it is now."""
        if pos < _READ:
            return pos
        self._lines_gone += self.buf.count("\n", 0, pos)
        self.buf = self.buf[pos:]
        return 0

    def line(self, pos: int) -> int:
        """The file's line (1-based) that ``pos`` is on."""
        return self._lines_gone + self.buf.count("\n", 0, pos) + 1
