"""Front matter: split it from the body and load it safely, in the dialects static-site
generators write: YAML between ``---`` lines (Jekyll, mkdocs, Eleventy, Hugo), TOML
between ``+++`` lines (Hugo, Zola), Ziggy's ``.title = "..."`` fields between ``---``
lines (Zine), an MDX file's ``export const meta = {...}`` object (Next.js,
Docusaurus), read as plain literals without running anything, Nikola's
``.. title: ...`` lines inside an HTML comment that opens the file, the
``Title: ...`` lines that open a Pelican or MultiMarkdown file, up to a blank line, and
an outliner's page properties (Logseq, Roam): ``key:: value`` lines opening the file.

``yaml.safe_load`` builds only plain Python objects, but an alias bomb (anchors
nested so that expanding them yields billions of nodes) still hangs whatever walks the
result. We count alias events before composing anything and refuse documents that use
more than a handful, so such a file costs microseconds and becomes a problem record.
"""
from __future__ import annotations

import re

import yaml

from loaders import lazy_re

# libyaml when PyYAML was built with it (several times faster), else the pure-Python loader
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_BYTES = 64 * 1024
MAX_ALIASES = 32
MAX_EVENTS = 20_000


class FrontMatterError(ValueError):
    """Front matter that could not be read; ``partial`` holds what its plain lines say
    (``salvage``) when the YAML was broken, else nothing."""

    def __init__(self, message: str, line: int | None, partial: dict | None = None):
        super().__init__(message)
        self.line = line
        self.partial = partial or {}


YAML, TOML, JS, NIKOLA, PELICAN, OUTLINER = "yaml", "toml", "js", "nikola", "pelican", "outliner"
_NIKOLA_FIELD = lazy_re.compile(r"^\.\.\s+([A-Za-z_][\w-]*)\s*:(.*)$")
# Pelican and MultiMarkdown: "Title: ..." first, then "Key: value" lines (a value may
# wrap onto an indented line), a blank line after them
_PELICAN_FIELD = lazy_re.compile(r"^([A-Za-z][\w -]{0,30}?)\s*:(?:\s(.*)|)$")
# an outliner's page property, "incident-date:: [[2025-02-11]]", its value's page links
# ("[[Priya Raman]], [[Tomasz Nowak]]") read as the names they show
_OUTLINER_FIELD = lazy_re.compile(r"^([A-Za-z][\w-]{0,40})::(?:\s+(.*)|\s*)$")
_PAGE_LINK = lazy_re.compile(r"\[\[([^\[\]]{0,200})\]\]")
_EXPORT = lazy_re.compile(r"^export\s+(?:const|let|var)\s+[A-Za-z_$][\w$]*\s*(?::[^=]+)?=\s*\{")
_MDX_PREAMBLE = lazy_re.compile(r"^(?:import\s|export\s|\s*$|//|/\*|\*)")


def split(lines: list[str]) -> tuple[list[str] | None, int, str]:
    """(front-matter lines, index of the first body line, dialect) when ``lines`` open
    with front matter, else (None, 0, YAML). An unterminated block is not front matter.
    An MDX file's import lines before its ``export const ... = {`` object are skipped
    with it; the object's lines are returned whole (``{`` to the closing ``}``)."""
    if not lines:
        return None, 0, YAML
    first = lines[0].strip().lstrip("\ufeff")
    for fence, dialect in (("---", YAML), ("+++", TOML)):
        if first == fence:
            for i in range(1, min(len(lines), 2000)):
                if lines[i].strip() == fence or (dialect == YAML and lines[i].strip() == "..."):
                    return lines[1:i], i + 1, dialect
            return None, 0, YAML
    if "::" in first and _OUTLINER_FIELD.match(first):
        # Logseq's and Roam's page properties: "key:: value" lines up to the first line
        # that is none (a blank line, or the outline's first "- " block)
        end = next((i for i in range(1, min(len(lines), 200)) if not _OUTLINER_FIELD.match(lines[i])), len(lines))
        return lines[:end], end, OUTLINER
    if first[:6].lower() == "title:" and len(lines) > 1:
        for i in range(1, min(len(lines), 60)):
            if not lines[i].strip():
                keys = [m.group(1).lower() if (m := _PELICAN_FIELD.match(line)) else None for line in lines[:i]]
                # every line a field or a field's wrapped value, and one of them its date
                if all(k is not None or line[:1] in " \t" for k, line in zip(keys, lines)) and "date" in keys:
                    return lines[:i], i + 1, PELICAN
                break
        return None, 0, YAML
    if first == "<!--":
        # Nikola: "<!--", ".. title: Server outage", ".. date: 2016-12-22 01:00:00", "-->"
        for i in range(1, min(len(lines), 60)):
            if lines[i].strip() == "-->":
                fields = [line for line in lines[1:i] if line.strip()]
                if fields and all(_NIKOLA_FIELD.match(line.strip()) for line in fields):
                    return lines[1:i], i + 1, NIKOLA
                break
        return None, 0, YAML
    for i in range(min(len(lines), 60)):
        if _EXPORT.match(lines[i]):
            end = _object_end(lines, i)
            if end is not None:
                return lines[i:end + 1], end + 1, JS
            return None, 0, YAML
        if not _MDX_PREAMBLE.match(lines[i]):
            break
    return None, 0, YAML


def _object_end(lines: list[str], start: int) -> int | None:
    """The line where the object opened on ``start`` closes (braces outside strings)."""
    depth, quote = 0, None
    for n in range(start, min(len(lines), start + 400)):
        line = lines[n]
        i = 0
        while i < len(line):
            ch = line[i]
            if quote:
                if ch == "\\":
                    i += 1
                elif ch == quote:
                    quote = None
            elif ch in "\"'`":
                quote = ch
            elif ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
                if depth == 0:
                    return n
            i += 1
        if quote in ("'", '"'):
            quote = None  # a string never spans lines in JS; do not let one swallow the file
    return None


# a literal value, as JavaScript and Ziggy write one: a string, number, boolean, null or a
# flat list
_JS_VALUE = (r"""("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`]*`|-?\d+(?:\.\d+)?(?![\w-])|true|false|null"""
             r"""|\[[^\[\]{}]*\])""")
_JS_PAIR = lazy_re.compile(r"""(?:^|[{,\s])["']?([A-Za-z_$][\w$]*)["']?\s*:\s*""" + _JS_VALUE, re.M)
_JS_STRING = lazy_re.compile(r""""((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`([^`]*)`""")


def _js_value(v: str):
    if v[0] in "\"'`":
        m = _JS_STRING.fullmatch(v)
        text = next(g for g in m.groups() if g is not None) if m else v[1:-1]
        return re.sub(r"\\(.)", r"\1", text)
    if v in ("true", "false"):
        return v == "true"
    if v == "null":
        return None
    if v[0] == "[":
        return [_js_value(m.group(0)) for m in _JS_STRING.finditer(v)]
    return float(v) if "." in v else int(v)


def _load_js(lines: list[str]) -> dict:
    """The literal fields of a JS object (strings, numbers, booleans, lists of strings),
    found by pattern, never evaluated. The first occurrence of a key wins (an outer
    ``title`` before a nested one)."""
    out: dict = {}
    for m in _JS_PAIR.finditer("\n".join(lines)):
        out.setdefault(m.group(1), _js_value(m.group(2)))
    return out


_SIMPLE_KEY = lazy_re.compile(r"^([A-Za-z_][\w -]{0,60}?)[ ]{0,8}:(?:[ ](.*))?$")
_PLAIN_START = set("[]{}&*!|>%@`#'\",?:-")
_BOOLS = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}


def _scalar(v: str):
    """A plain or simply quoted YAML scalar; raises ValueError when it is not simple."""
    if v == "" or v in ("~", "null", "Null", "NULL"):
        return None
    if v[0] in "\"'":
        if len(v) < 2 or v[-1] != v[0] or v[0] in v[1:-1] or "\\" in v:
            raise ValueError(v)
        return v[1:-1]
    if (v.isdigit() or (v[0] in "+-" and v[1:].isdigit())) and not v.lstrip("+-").startswith("0"):
        return int(v)  # "0042" stays a string (YAML would read it as octal 34)
    if v.isdigit():
        return v
    if v[0] in _PLAIN_START or ": " in v or " #" in v or v.endswith(":"):
        raise ValueError(v)
    low = v.lower()
    if low in _BOOLS:
        return _BOOLS[low]
    return v


def _simple_line(line: str) -> tuple[str, object] | None:
    """(key, value) of a top-level ``key: scalar`` or ``key: [a, b]`` line; None for a
    blank or comment line; ValueError for anything else."""
    if not line.strip() or line.lstrip().startswith("#"):
        return None
    if line[0] in " \t-" or "\t" in line:
        raise ValueError(line)
    m = _SIMPLE_KEY.match(line)
    if not m:
        raise ValueError(line)
    key, value = m.group(1).strip(), (m.group(2) or "").strip()
    try:
        if value.startswith("[") and value.endswith("]"):
            inner = value[1:-1].strip()
            return key, ([_scalar(x.strip()) for x in inner.split(",")] if inner else [])
        return key, _scalar(value)
    except IndexError:
        raise ValueError(line) from None


def _simple(lines: list[str]) -> dict | None:
    """Front matter that is only ``key: scalar`` and ``key: [a, b]`` lines, read without
    a YAML parser (most front matter is; five times faster). None when anything else
    appears: the caller then uses the real YAML loader."""
    out: dict = {}
    for line in lines:
        try:
            pair = _simple_line(line)
        except ValueError:
            return None
        if pair is None:
            continue
        if pair[0] in out:
            return None  # let YAML decide what a repeated key means
        out[pair[0]] = pair[1]
    return out


def salvage(lines: list[str]) -> dict:
    """What YAML that does not parse still says plainly: its top-level ``key: value``
    lines whose value is a simple scalar (``date: 2020-04-09`` beside a broken
    ``authors: @someone``). The first occurrence of a key wins; nothing else is read."""
    out: dict = {}
    for line in lines:
        try:
            pair = _simple_line(line)
        except ValueError:
            continue
        if pair is not None and pair[1] is not None:
            out.setdefault(*pair)
    return _normalise(out)


# Ziggy, the front matter of Zine sites (ziglang.org): `.title = "The First Outage",`
_ZIGGY_FIELD = lazy_re.compile(r"^\.([A-Za-z_]\w*)\s*=\s*(?:@date\(\s*)?" + _JS_VALUE + r"\s*\)?\s*,?\s*$")
_ZIGGY_START = lazy_re.compile(r"^\.[A-Za-z_]\w*\s*=")


def _ziggy(lines: list[str]) -> dict | None:
    """The top-level literal fields of Ziggy front matter (``.date = @date("...")``
    unwrapped), or None when it is not Ziggy (its first field line does not open with
    ``.name =``). A nested object's fields, indented, are skipped."""
    first = next((ln for ln in lines if ln.strip() and not ln.lstrip().startswith("//")), "")
    if not _ZIGGY_START.match(first):
        return None
    out: dict = {}
    for line in lines:
        m = _ZIGGY_FIELD.match(line.rstrip())
        if m:
            out.setdefault(m.group(1), _js_value(m.group(2)))
    return out


def load(lines: list[str], first_line: int = 2, dialect: str = YAML) -> dict:
    """Load front-matter lines into a dict; raise FrontMatterError naming the line."""
    if dialect == JS:
        return _normalise(_load_js(lines))
    if dialect == PELICAN:
        out: dict = {}
        key = None
        for line in lines:
            if line[:1] in " \t" and key is not None:
                out[key] = f"{out[key] or ''} {line.strip()}".strip()
            elif (m := _PELICAN_FIELD.match(line.lstrip("\ufeff"))):
                key = m.group(1).strip()
                out[key] = (m.group(2) or "").strip() or None
        return _normalise(out)
    if dialect == OUTLINER:
        return _normalise({m.group(1): _PAGE_LINK.sub(r"\1", m.group(2) or "").strip() or None
                           for line in lines if (m := _OUTLINER_FIELD.match(line.lstrip("\ufeff")))})
    if dialect == NIKOLA:
        return _normalise({m.group(1): m.group(2).strip() or None
                           for line in lines if (m := _NIKOLA_FIELD.match(line.strip()))})
    if dialect == YAML and (ziggy := _ziggy(lines)) is not None:
        return _normalise(ziggy)
    if dialect == TOML:
        return _normalise(_load_toml(lines, first_line))
    simple = _simple(lines) if len(lines) < 200 else None
    if simple is not None:
        return _normalise(simple)
    text = "\n".join(lines)
    if len(text) > MAX_BYTES:
        raise FrontMatterError(f"front matter is larger than {MAX_BYTES // 1024} KB", first_line)
    aliases = events = 0
    try:
        # an alias is written "*name": without a "*" there is nothing to expand
        for event in (yaml.parse(text, Loader=SafeLoader) if "*" in text else ()):
            events += 1
            if isinstance(event, yaml.AliasEvent):
                aliases += 1
                if aliases > MAX_ALIASES:
                    raise FrontMatterError(
                        f"front matter uses more than {MAX_ALIASES} YAML aliases; refused "
                        "(a document built to expand to billions of nodes)",
                        first_line + event.start_mark.line)
            if events > MAX_EVENTS:
                raise FrontMatterError("front matter is too large to be metadata", first_line)
        data = yaml.load(text, Loader=SafeLoader)
    except FrontMatterError:
        raise
    except (ValueError, OverflowError, RecursionError) as e:
        # PyYAML builds ints with int(): 5,000 digits exceed Python's limit
        raise FrontMatterError(f"front matter has a value that cannot be read: {str(e)[:80]}",
                               first_line) from None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = first_line + mark.line if mark else first_line
        raise FrontMatterError(f"broken YAML front matter: {e.problem or e}", line, salvage(lines)) from None
    except yaml.YAMLError as e:
        raise FrontMatterError(f"broken YAML front matter: {e}", first_line, salvage(lines)) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FrontMatterError("front matter is not a mapping of keys to values", first_line)
    return _normalise(data)


def _load_toml(lines: list[str], first_line: int) -> dict:
    import tomllib

    text = "\n".join(lines)
    if len(text) > MAX_BYTES:
        raise FrontMatterError(f"front matter is larger than {MAX_BYTES // 1024} KB", first_line)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"line (\d+)", str(e))
        raise FrontMatterError(f"broken TOML front matter: {e}", first_line + int(m.group(1)) - 1 if m
                               else first_line) from None


# a site generator's table of the page's own fields: Zola's [extra], Hugo's [params]
_SITE_TABLES = ("extra", "params")


_CAMEL_HUMP = lazy_re.compile(r"(?<=[a-z0-9])(?=[A-Z][a-z])")


def _normalise(data: dict) -> dict:
    """Keys in lower case with "_" for "-", spaces and a word's capital within a key
    ("incidentDate", as an MDX page's meta object writes it: "incident_date"); the fields a
    site generator keeps in its own table ("[extra] severity = "SEV-1"", "params: {status:
    Final}") read as the page's, where the page does not give them itself."""
    out = {_CAMEL_HUMP.sub("_", str(k).strip()).lower().replace("-", "_").replace(" ", "_"): v for k, v in data.items()}
    for table in _SITE_TABLES:
        if isinstance(out.get(table), dict):
            for k, v in _normalise(out[table]).items():
                out.setdefault(k, v)
    return out
