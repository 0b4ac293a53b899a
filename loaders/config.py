"""``hindsight.yaml``: where the data is, how to classify it, and the SLAs.

Loaded with a safe YAML loader and validated key by key; every error names the key.
Paths in the file are relative to the file's own folder. ``hindsight.example.yaml``
documents every key. Without a config, the bundled demo config is used.

Which database: ``--db``, then ``$HINDSIGHT_DB``, then the config's ``database:``, then
``data/hindsight.duckdb``; the command line and the dashboard both ask ``choose_database``.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from loaders import severity
from loaders.options import MAX_EXPORT_BYTES, MAX_FILE_BYTES, Options

ROOT = Path(__file__).resolve().parent.parent
DEMO_CONFIG = ROOT / "data" / "sample" / "hindsight.yaml"
DEFAULT_DATABASE = ROOT / "data" / "hindsight.duckdb"
DEFAULT_SLA = {1: 14, 2: 30, "default": 60}
MAX_FILES = 500_000   # discovery stops with an error past this many files in the sources
KNOWN_KEYS = {"database", "timezone", "sources", "taxonomy", "sla_days", "recurrence_window_days", "recurrence_key",
              "min_sample", "status_map", "csv_mappings", "max_file_mb", "detect_threshold_minutes",
              "default_repo", "match_window_minutes", "people", "jira_base_url", "max_export_mb", "exclude", "follow_symlinks",
              "max_files", "corrections", "lint"}
SOURCE_KINDS = ("postmortems", "trackers", "incidents")
# what two incidents must share, besides a close start, to be the same failure coming back:
# the class and a service (or component: documents' components are read as services),
# the class and the team, or the class alone
RECURRENCE_KEYS = ("class+service", "class+team", "class")
STATUS_CATEGORIES = ("todo", "in_progress", "done", "wont_do")


class ConfigError(ValueError):
    """A config that cannot be used; the message names the file and the key."""


@dataclass
class Config:
    path: Path | None = None
    database: Path = DEFAULT_DATABASE
    timezone: str = "UTC"
    sources: dict[str, list[str]] = field(default_factory=dict)
    taxonomy: list[tuple[str, list[re.Pattern]]] = field(default_factory=list)
    sla_days: dict = field(default_factory=lambda: dict(DEFAULT_SLA))
    recurrence_window_days: int = 90
    recurrence_key: str = RECURRENCE_KEYS[0]
    min_sample: int = 10
    detect_threshold_minutes: int = 5
    status_map: dict[str, str] = field(default_factory=dict)
    csv_mappings: list[dict] = field(default_factory=list)
    max_file_bytes: int = MAX_FILE_BYTES
    max_export_bytes: int = MAX_EXPORT_BYTES
    default_repo: str | None = None        # owner/repo that a bare "#123" ticket refers to
    match_window_minutes: int = 120        # incident-export row to postmortem, by start time
    exclude: list[str] = field(default_factory=list)   # globs of files never loaded
    follow_symlinks: bool = False          # follow links that lead out of a source folder
    max_files: int = MAX_FILES
    database_set: bool = False             # the file names its database (``database:``)
    is_demo: bool = False                  # the bundled demo config, used for want of another
    remembered: bool = False               # the config the database's last load read (``remembered``)
    gone: str | None = None                # ... which is no longer there: the demo's stands in
    corrections_file: str | None = None    # ``corrections:``; default corrections.yaml beside the config
    people: dict[str, list[str]] = field(default_factory=dict)  # person -> aliases (handles, names)
    jira_base_url: str | None = None       # https://acme.atlassian.net: Jira keys link to <url>/browse/KEY
    lint_disabled: frozenset = frozenset()  # ``lint: {disable: [...]}``: rules this repository switched off

    def aliases(self) -> list[tuple[str, str]]:
        """(alias, person) rows for the marts: every alias and the person's own name,
        lower case without a leading '@', as owners are matched."""
        rows = {}
        for person, names in self.people.items():
            for name in [person, *names]:
                rows.setdefault(alias_key(name), person)
        return sorted(rows.items())

    @property
    def base(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def corrections_for(self, db: str | os.PathLike) -> Path:
        """The corrections file (loaders/corrections.py) for the database ``db``:
        ``corrections:`` relative to the config; else corrections.yaml beside the config;
        with no config of one's own (none, or the bundled demo's), beside the database,
        so a team's corrections never land in the demo's folder."""
        if self.corrections_file:
            p = Path(os.path.expanduser(self.corrections_file))
            return p if p.is_absolute() else self.base / p
        if self.path is not None and not self.is_demo:
            return self.path.parent / "corrections.yaml"
        return Path(db).resolve().parent / "corrections.yaml"

    def options(self) -> Options:
        return Options(default_zone=self.timezone, taxonomy=self.taxonomy,
                       status_map=self.status_map, csv_mappings=self.csv_mappings,
                       max_file_bytes=self.max_file_bytes, max_export_bytes=self.max_export_bytes,
                       lint_disabled=self.lint_disabled)

    def source_patterns(self) -> list[tuple[str, str]]:
        """(kind, absolute glob) for every source the config lists."""
        return [(kind, p if os.path.isabs(p) else str(self.base / p))
                for kind, patterns in self.sources.items() for p in patterns]

    def describe(self) -> str:
        """Which config this is, for the messages that name it."""
        if self.path is None:
            return "no config file (defaults)"
        if self.remembered:
            return f"{self.path} (remembered by the database: its last load read it)"
        if self.is_demo and self.gone:
            return f"{self.path} (the bundled demo config: {self.gone}, which the database's last load read, is gone)"
        return f"{self.path} (the bundled demo config)" if self.is_demo else str(self.path)


def alias_key(name: str) -> str:
    """How an owner is matched to a person: lower case, no leading '@', spaces folded."""
    return " ".join(str(name).strip().lstrip("@").lower().split())


def choose_database(cfg: Config, explicit: str | os.PathLike | None = None) -> tuple[Path, str]:
    """The database to use and why: ``--db``, then ``$HINDSIGHT_DB``, then the config's
    ``database:``, then the default. The CLI and the dashboard both ask here."""
    if explicit:
        return Path(os.path.expanduser(str(explicit))).resolve(), "--db"
    env = os.environ.get("HINDSIGHT_DB")
    if env:
        return Path(os.path.expanduser(env)).resolve(), "$HINDSIGHT_DB"
    if cfg.database_set:
        return cfg.database, f"database: in {cfg.path}"
    return cfg.database, "the default"


def find_config(explicit: str | None) -> Path | None:
    if explicit:
        return Path(explicit)
    env = os.environ.get("HINDSIGHT_CONFIG")
    if env:
        return Path(env)
    local = Path.cwd() / "hindsight.yaml"
    if local.exists():
        return local
    return DEMO_CONFIG if DEMO_CONFIG.exists() else None


_READ = object()


def config_and_database(explicit_config: str | None, explicit_db: str | os.PathLike | None) -> tuple[Config, Path, str]:
    """What a command that reads or writes a database works with: (the config, the
    database, why that database), the config the database remembers where none was named."""
    cfg = load_config(explicit_config, required=bool(explicit_config))
    db, why = choose_database(cfg, explicit_db)
    return remembered(cfg, db), db, why


def remembered(cfg: Config, db: str | os.PathLike, recorded=_READ) -> Config:
    """The config to work with on the database ``db``. Where none was named (no --config,
    $HINDSIGHT_CONFIG or ./hindsight.yaml: ``cfg`` is the bundled demo's, for want of
    another) and the database's last load read another config, that one, while it is
    there: a database built with a team's taxonomy, deadlines and corrections keeps them
    whoever loads or reads it next (an ingest or a dashboard given only ``--db`` put the
    demo's in their place, and corrections went to another file). ``recorded``: that
    config's path, when the caller has read it already (else it is read from ``db``)."""
    if not cfg.is_demo:
        return cfg
    path = recorded_config(db) if recorded is _READ else recorded
    if not path or Path(path) == cfg.path:
        return cfg
    if not Path(path).exists():
        cfg.gone = path
        return cfg
    out = load_config(path, required=True)
    out.remembered = True
    return out


def recorded_config(db: str | os.PathLike) -> str | None:
    """The config the last load of the database ``db`` read (its ``settings``), if any."""
    from loaders import store   # here: --help and parse need no database

    rows = store.read_only(db, "SELECT value FROM settings WHERE key = 'config_path'")
    return rows[0][0] if rows and rows[0][0] else None


def load_config(explicit: str | None = None, required: bool = False) -> Config:
    path = find_config(explicit)
    if path is None:
        return Config()
    if not path.exists():
        if required or explicit:
            raise ConfigError(f"config file not found: {path}")
        return Config()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: cannot read: {e}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise ConfigError(f"{path}:{where}: broken YAML: {getattr(e, 'problem', None) or e}") from None
    cfg = config_from_dict(data or {}, path)
    cfg.is_demo = not explicit and cfg.path == DEMO_CONFIG.resolve() and not os.environ.get("HINDSIGHT_CONFIG")
    return cfg


def config_from_dict(data, path: Path | None = None) -> Config:
    name = str(path) if path else "config"

    def fail(key: str, message: str):
        raise ConfigError(f"{name}: {key}: {message}")

    if not isinstance(data, dict):
        raise ConfigError(f"{name}: the file must be a mapping of keys (database, sources, ...)")
    unknown = sorted(set(map(str, data)) - KNOWN_KEYS)
    if unknown:
        fail(unknown[0], f"unknown key (known keys: {', '.join(sorted(KNOWN_KEYS))})")
    cfg = Config(path=path.resolve() if path else None)

    if "database" in data:
        if not isinstance(data["database"], str) or not data["database"].strip():
            fail("database", "must be a file path")
        db = Path(os.path.expanduser(data["database"]))
        cfg.database = db if db.is_absolute() else (cfg.base / db).resolve()
        cfg.database_set = True

    if "timezone" in data:
        from loaders.timeparse import zone

        if not isinstance(data["timezone"], str) or zone(data["timezone"]) is None:
            fail("timezone", f"unknown time zone {data['timezone']!r} (use UTC, an abbreviation "
                             "like PST, UTC+1, or an IANA name like Europe/London)")
        cfg.timezone = data["timezone"]

    sources = data.get("sources") or {}
    if not isinstance(sources, dict):
        fail("sources", "must map postmortems / trackers / incidents to lists of globs")
    for kind, patterns in sources.items():
        if kind not in SOURCE_KINDS:
            fail(f"sources.{kind}", f"unknown source kind (use {', '.join(SOURCE_KINDS)})")
        if isinstance(patterns, str):
            patterns = [patterns]
        if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            fail(f"sources.{kind}", "must be a glob or a list of globs")
        cfg.sources[kind] = [os.path.expanduser(p) for p in patterns]

    taxonomy = data.get("taxonomy") or {}
    if not isinstance(taxonomy, dict):
        fail("taxonomy", "must map class names to {keywords: [...], patterns: [...]}")
    for cls, rules in taxonomy.items():
        key = f"taxonomy.{cls}"
        if rules is None:
            rules = {}
        if isinstance(rules, list):
            rules = {"keywords": rules}
        if not isinstance(rules, dict):
            fail(key, "must have keywords and/or patterns")
        extra = set(rules) - {"keywords", "patterns", "description"}
        if extra:
            fail(f"{key}.{sorted(extra)[0]}", "unknown key (use keywords, patterns, description)")
        compiled = []
        words = []
        for word in rules.get("keywords") or []:
            if not isinstance(word, str) or not word.strip():
                fail(f"{key}.keywords", "must be a list of words or phrases")
            words.append(re.escape(word.strip()))
        if words:
            # one pattern for all of a class's keywords: the same matches as one pattern
            # a word, in one pass over the text instead of one a word (2.5x faster)
            compiled.append(re.compile(r"\b(?:" + "|".join(words) + r")\b", re.I))
        for pattern in rules.get("patterns") or []:
            try:
                compiled.append(re.compile(str(pattern), re.I))
            except re.error as e:
                fail(f"{key}.patterns", f"bad regular expression {pattern!r}: {e}")
            if (why := slow_regex(str(pattern))):
                fail(f"{key}.patterns", f"regular expression {pattern!r} {why}")
        cfg.taxonomy.append((str(cls), compiled))

    if "sla_days" in data:
        sla = data["sla_days"]
        if not isinstance(sla, dict):
            fail("sla_days", "must map severity levels (1, 2, ... or SEV1) and 'default' to days")
        cfg.sla_days = {"default": DEFAULT_SLA["default"]}
        for k, v in sla.items():
            level = _level_key(k)
            if level is None:
                fail(f"sla_days.{k}", "key must be a severity level (1, SEV1, P1, critical) or 'default'")
            if isinstance(v, bool) or not isinstance(v, int) or v <= 0:
                fail(f"sla_days.{k}", f"must be a positive whole number of days, got {v!r}")
            cfg.sla_days[level] = v

    if "people" in data:
        people = data["people"]
        if not isinstance(people, dict):
            fail("people", "must map a person to their aliases, e.g. {Lee Chen: ['@lee', 'lchen']}")
        seen: dict[str, str] = {}
        for person, names in people.items():
            names = [names] if isinstance(names, str) else names
            if not str(person).strip() or not isinstance(names, list) \
                    or not all(isinstance(n, str) and n.strip() for n in names):
                fail(f"people.{person}", "must be a list of aliases (handles, names, tracker display names)")
            for n in [str(person), *names]:
                if seen.setdefault(alias_key(n), str(person)) != str(person):
                    fail(f"people.{person}", f"alias {n!r} is already {seen[alias_key(n)]!r}'s")
            cfg.people[str(person).strip()] = [n.strip() for n in names]

    if "recurrence_key" in data:
        key = data["recurrence_key"]
        key = key.strip().lower().replace(" and ", "+").replace(" ", "") if isinstance(key, str) else key
        key = "class+service" if key == "class+component" else key
        if key not in RECURRENCE_KEYS:
            fail("recurrence_key", f"must be one of {', '.join(RECURRENCE_KEYS)} (or class+component), "
                                   f"got {data['recurrence_key']!r}")
        cfg.recurrence_key = key

    if "jira_base_url" in data:
        url = data["jira_base_url"]
        if not isinstance(url, str) or not re.fullmatch(r"https?://[^\s/]+(?:/[^\s]*)?", url.strip()):
            fail("jira_base_url", f"must be an http(s) URL such as https://acme.atlassian.net, got {url!r}")
        cfg.jira_base_url = url.strip().rstrip("/")

    if "default_repo" in data:
        repo = data["default_repo"]
        if not isinstance(repo, str) or not re.fullmatch(r"[\w.-]+/[\w.-]+", repo.strip()):
            fail("default_repo", f"must be owner/repo, got {repo!r}")
        cfg.default_repo = repo.strip()

    exclude = data.get("exclude") or []
    if isinstance(exclude, str):
        exclude = [exclude]
    if not isinstance(exclude, list) or not all(isinstance(p, str) and p.strip() for p in exclude):
        fail("exclude", "must be a glob or a list of globs (e.g. ['**/drafts/**', '**/TEMPLATE*.md'])")
    cfg.exclude = [p.strip() for p in exclude]

    if "lint" in data:
        from loaders import lint

        block = data["lint"]
        if not isinstance(block, dict) or set(block) - {"disable"}:
            fail("lint", "must be {disable: [rule ids]}, e.g. {disable: [action-due, timeline-zone]}")
        names = block.get("disable") or []
        names = [names] if isinstance(names, str) else names
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            fail("lint.disable", "must be a list of rule ids")
        if bad := lint.unknown_rules(names):
            fail("lint.disable", f"no such rule: {', '.join(bad)} (rules: {', '.join(lint.RULES)})")
        cfg.lint_disabled = frozenset(names)

    if "corrections" in data:
        if not isinstance(data["corrections"], str) or not data["corrections"].strip():
            fail("corrections", f"must be the path of a YAML file, got {data['corrections']!r}")
        cfg.corrections_file = data["corrections"].strip()

    if "follow_symlinks" in data:
        if not isinstance(data["follow_symlinks"], bool):
            fail("follow_symlinks", f"must be true or false, got {data['follow_symlinks']!r}")
        cfg.follow_symlinks = data["follow_symlinks"]

    for key in ("recurrence_window_days", "min_sample", "detect_threshold_minutes", "max_file_mb",
                "match_window_minutes", "max_export_mb", "max_files"):
        if key in data:
            v = data[key]
            if isinstance(v, bool) or not isinstance(v, int) or v <= 0:
                fail(key, f"must be a positive whole number, got {v!r}")
            if key == "max_file_mb":
                cfg.max_file_bytes = v * 1024 * 1024
            elif key == "max_export_mb":
                cfg.max_export_bytes = v * 1024 * 1024
            else:
                setattr(cfg, key, v)

    status_map = data.get("status_map") or {}
    if not isinstance(status_map, dict):
        fail("status_map", "must map status words to todo / in_progress / done / wont_do")
    for word, cat in status_map.items():
        if cat not in STATUS_CATEGORIES:
            fail(f"status_map.{word}", f"must be one of {', '.join(STATUS_CATEGORIES)}, got {cat!r}")
        cfg.status_map[str(word).strip().lower()] = cat

    mappings = data.get("csv_mappings") or []
    if not isinstance(mappings, list):
        fail("csv_mappings", "must be a list of {kind, columns}")
    for n, m in enumerate(mappings):
        if not isinstance(m, dict) or m.get("kind") not in ("tracker", "incident") \
                or not isinstance(m.get("columns"), dict):
            fail(f"csv_mappings[{n}]", "needs kind (tracker or incident) and columns (field: CSV column)")
        cfg.csv_mappings.append(m)
    return cfg


def slow_regex(pattern: str) -> str | None:
    """Why ``pattern`` could take exponential time, or None. A repeat nested in a repeat
    (``(a+)+``, ``(\\w*)*``, ``(x|y+)*``) backtracks catastrophically on a line that
    almost matches, and the taxonomy runs on every document with the ingest's lock held."""
    import re._parser as sre

    repeats = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None))

    def walk(items, inside: bool) -> bool:
        for op, av in items:
            if op in repeats:
                lo, hi, sub = av
                unbounded = hi == sre.MAXREPEAT or hi > 10
                if inside and unbounded:
                    return True
                if walk(sub, inside or unbounded):
                    return True
            elif op == sre.SUBPATTERN:
                if walk(av[-1], inside):
                    return True
            elif op == sre.BRANCH:
                if any(walk(b, inside) for b in av[1]):
                    return True
            elif op in (sre.ASSERT, sre.ASSERT_NOT):
                if walk(av[1], inside):
                    return True
        return False

    try:
        if walk(sre.parse(pattern), False):
            return ("nests one repetition inside another (like (a+)+), which can take minutes "
                    "on one line; write it without the nesting, e.g. (a+) or (ab)+")
    except (re.error, OverflowError):
        return None
    return None


def _level_key(k):
    if str(k).strip().lower() == "default":
        return "default"
    return severity.level(k)
