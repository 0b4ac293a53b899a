"""Finding the files a load reads, from folders, files and globs.

Guarantees, whatever a source folder holds:
- only regular files are returned: a named pipe, device or socket is never opened;
- a symbolic link is followed only while it stays inside its source folder (or when the
  config says ``follow_symlinks: true``), directory loops are walked once, and every file
  is returned once, however many paths lead to it (de-duplicated by real path);
- hidden entries, assets, repository furniture (loaders/furniture.py), ``exclude:`` globs
  and the patterns of a ``.hindsightignore`` file are skipped, and each skip is named;
- the walk reports progress and stops with an error past ``max_files`` files, so a glob
  such as ``/**/*`` fails in seconds instead of running for minutes.
"""
from __future__ import annotations

import fnmatch
import os
import re
import stat
import time
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from loaders import furniture

# Files in a source folder that are never documents (assets beside postmortems).
SKIP_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".ico", ".bmp", ".pdf", ".zip",
                 ".gz", ".tgz", ".bz2", ".xz", ".7z", ".tar", ".mp4", ".mov", ".woff", ".woff2", ".ttf",
                 ".duckdb", ".wal", ".lock", ".walk", ".pyc", ".so", ".exe", ".dll", ".jar", ".class"}
IGNORE_FILE = ".hindsightignore"
_WILD = re.compile(r"[*?\[]")


class DiscoveryError(ValueError):
    """Discovery cannot finish (too many files); the message says what to change."""


@dataclass(frozen=True)
class Source:
    """One thing a database is loaded from: a folder, a file or a glob (absolute)."""

    pattern: str
    kind: str | None = None       # postmortems / trackers / incidents (a config's list), or None
    config: str | None = None     # the config that named it; None for the command line


@dataclass
class Visit:
    """One folder as a walk read it (loaders/snapshot.py replays it): its modification
    and change times, taken before its names were listed, the documents it gave and the
    other files the walk read there (a ``.hindsightignore``). ``folder`` None is a file
    named on its own, in ``files`` by its path."""

    folder: str | None
    sep: str
    mtime_ns: int
    ctime_ns: int     # (setting the modification time back, as tar and rsync do, moves it)
    origin: str
    files: list[str] = field(default_factory=list)
    watch: list[tuple[str, int, int, int]] = field(default_factory=list)   # name, size, mtime, ctime


@dataclass
class Found:
    files: dict[str, str] = field(default_factory=dict)           # path -> the source pattern
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why): info
    problems: list[tuple[str, str]] = field(default_factory=list)  # (path, why): warnings
    empty: list[str] = field(default_factory=list)                # sources that matched no file
    missing: list[str] = field(default_factory=list)              # sources that do not exist
    # path -> (size, mtime_ns) of the file it leads to, as found: the ingest's "unchanged?"
    # test reads these instead of a second stat per file
    stats: dict[str, tuple[int, int]] = field(default_factory=dict)
    # what loaders/snapshot.py keeps: the folders in walk order, whether they alone decide
    # what was found (no file reached through a link), when the walk began, and whether
    # this discovery is a snapshot's replay rather than a walk
    visits: list[Visit] = field(default_factory=list)
    exact: bool = True
    started_ns: int = 0
    replayed: bool = False


def glob_regex(pattern: str) -> re.Pattern:
    """A regex for a glob over '/'-separated relative paths: ``**`` spans folders,
    ``*`` and ``?`` stay within one name, ``[...]`` is a character class."""
    out, i, n = [], 0, len(pattern)
    while i < n:
        if pattern.startswith("**/", i):
            out.append("(?:[^/]*/)*")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and (j := pattern.find("]", i + 2)) > 0:
            body = pattern[i + 1:j]
            out.append("[" + ("^" + re.escape(body[1:]) if body[0] in "!^" else re.escape(body)) + "]")
            i = j + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z", re.S)


def split_glob(pattern: str) -> tuple[str, str | None]:
    """(the folder to walk, the glob below it) for an absolute pattern; a pattern with no
    wildcard is a plain path and comes back as (path, None)."""
    parts = PurePosixPath(pattern).parts
    for k, part in enumerate(parts):
        if _WILD.search(part):
            return os.path.join(*parts[:k]) if k else "/", "/".join(parts[k:])
    return pattern, None


class Ignore:
    """gitignore-style patterns, relative to ``root``: a pattern without '/' matches a
    name at any depth, one with '/' the path from ``root``; a trailing '/' means folders."""

    def __init__(self, patterns: list[str], root: str):
        self.root = root
        self.rules: list[tuple[re.Pattern, bool, bool]] = []  # (regex, anchored, folders only)
        for p in patterns:
            p = p.strip()
            if not p or p.startswith("#"):
                continue
            dirs_only = p.endswith("/")
            p = p.rstrip("/")
            if os.path.isabs(p):
                p = os.path.relpath(p, root)
            anchored = "/" in p
            self.rules.append((glob_regex(p.lstrip("/")) if anchored else re.compile(fnmatch.translate(p)),
                               anchored, dirs_only))

    def __bool__(self) -> bool:
        return bool(self.rules)

    def matches(self, path: str, is_dir: bool = False) -> bool:
        rel = os.path.relpath(path, self.root).replace(os.sep, "/")
        if rel.startswith("../"):
            return False
        names = rel.split("/")
        for rx, anchored, dirs_only in self.rules:
            if dirs_only and not is_dir:
                # a folder pattern excludes the files below the folder
                if any(rx.match(n) for n in names[:-1]) if not anchored else any(
                        rx.match("/".join(names[:k])) for k in range(1, len(names))):
                    return True
                continue
            if anchored:
                if rx.match(rel) or any(rx.match("/".join(names[:k])) for k in range(1, len(names))):
                    return True
            elif any(rx.match(n) for n in names):
                return True
        return False


def _read_ignore(folder: str, visit: Visit, found: Found) -> list[str]:
    """The patterns of ``folder``'s ignore file; its stat joins ``visit``'s watched files
    (one that is a link leaves the walk inexact: its target can change unseen)."""
    path = os.path.join(folder, IGNORE_FILE)
    try:
        st = os.lstat(path)
    except OSError:
        return []
    if stat.S_ISLNK(st.st_mode):
        found.exact = False
    visit.watch.append((IGNORE_FILE, st.st_size, st.st_mtime_ns, st.st_ctime_ns))
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read(1 << 20).splitlines()
    except OSError:
        found.exact = False   # (unreadable now, perhaps not later: nothing the stats would show)
        return []


def _utf8(path: str) -> bool:
    """Whether ``path`` is text: a name with bytes that are not UTF-8 comes from the file
    system with them escaped (os.fsdecode), and no database column can hold it."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def printable(path: str) -> str:
    """``path`` with the bytes that are not UTF-8 written as escapes ("caf\\xe9.md")."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip("/") + "/")


def discover(sources: list[Source], *, exclude: Ignore | None = None, follow_symlinks: bool = False,
             max_files: int = 500_000, skip_paths: tuple[str, ...] = (), progress=None) -> Found:
    """Every document file the sources lead to. ``skip_paths`` are paths never returned
    (the database and its config); ``progress(n)`` is called as files are found."""
    found = Found(started_ns=time.time_ns())
    seen_real: set[str] = set()
    skip_real = {os.path.realpath(p) for p in skip_paths}

    def add(path: str, origin: str, root: str | None, real_folder: str | None = None, name: str = "",
            dir_fd: int | None = None) -> bool:
        # A plain file (``name``) in a folder whose real path is known (``real_folder``, with
        # its trailing separator): one lstat gives both its real path and its stat (a
        # realpath per file was most of an unchanged re-ingest), taken relative to the
        # folder's descriptor (``dir_fd``) when there is one: the kernel then looks up one
        # name, not the whole path (a fifth less time at 100,000 files).
        if not path.isascii() and not _utf8(path):
            found.problems.append((printable(path), "a file name that is not UTF-8: skipped (the database "
                                                    "stores names as text; rename the file to load it)"))
            return False
        st = None
        if real_folder is not None:
            try:
                st = os.stat(name, dir_fd=dir_fd, follow_symlinks=False) if dir_fd is not None else os.lstat(path)
            except OSError as e:
                found.problems.append((path, f"cannot read: {e.strerror or e}"))
                return False
            if stat.S_ISLNK(st.st_mode):
                st = None
                found.exact = False   # what it leads to can change with no stat here changing
        real = real_folder + name if st is not None else os.path.realpath(path)
        if real in seen_real or real in skip_real:
            return False
        if st is None and root is not None and not follow_symlinks and os.path.islink(path) \
                and not _inside(real, os.path.realpath(root)):
            found.problems.append((path, "a symbolic link that leads out of its source folder: not "
                                         "followed (set follow_symlinks: true in hindsight.yaml to load it)"))
            return False
        if st is None:
            try:
                st = os.stat(path)
            except OSError as e:
                found.problems.append((path, f"cannot read: {e.strerror or e}"))
                return False
        if not stat.S_ISREG(st.st_mode):
            what = ("a named pipe" if stat.S_ISFIFO(st.st_mode) else "a device" if stat.S_ISCHR(st.st_mode)
                    or stat.S_ISBLK(st.st_mode) else "a socket" if stat.S_ISSOCK(st.st_mode) else "not a file")
            if not stat.S_ISDIR(st.st_mode):
                found.problems.append((path, f"{what}, not a regular file: skipped"))
            return False
        seen_real.add(real)
        found.files[path] = origin
        found.stats[path] = (st.st_size, st.st_mtime_ns)
        if len(found.files) > max_files:
            raise DiscoveryError(
                f"more than {max_files:,} files under {origin}: narrow the source (a folder or a glob "
                "such as postmortems/**/*.md), add exclude: globs, or raise max_files in hindsight.yaml")
        if progress and len(found.files) % 2000 == 0:
            progress(len(found.files))
        return True

    for source in sources:
        before = len(found.files)
        root, rest = split_glob(os.path.abspath(os.path.expanduser(source.pattern)))
        if rest is None and os.path.lexists(root) and not os.path.isdir(root):
            if exclude and exclude.matches(root):
                found.skipped.append((root, "matches an exclude: glob"))
                found.exact = False   # (not stat-ed: its going would go unseen)
            elif os.path.islink(root):   # (where it leads can change with no stat of it changing)
                found.exact = False
                add(root, source.pattern, None)
            elif add(root, source.pattern, None):
                found.visits.append(Visit(None, "", 0, 0, source.pattern, [root]))
            else:   # found already, through another source: not stat-ed as its own
                found.exact = False
        elif os.path.isdir(root):
            _walk(root, glob_regex(rest) if rest else None, source.pattern, exclude, follow_symlinks,
                  found, add)
        else:
            found.missing.append(source.pattern)
            continue
        if len(found.files) == before:
            found.empty.append(source.pattern)
    return found


def _slash(folder: str) -> str:
    """What joins ``folder`` and a name (os.path.join's rule, without a call per file)."""
    return "" if folder.endswith(os.sep) else os.sep


def _walk(root: str, rx: re.Pattern | None, origin: str, exclude: Ignore | None, follow: bool,
          found: Found, add) -> None:
    visited: set[str] = set()
    ignores: list[Ignore] = []
    # each folder's modification time, taken before os.walk lists its names (a name added
    # after the listing then changes a time the snapshot holds: loaders/snapshot.py)
    before = {root: _times(root, found)}
    for folder, dirs, names in os.walk(root, followlinks=follow):
        real = os.path.realpath(folder)
        if real in visited:  # a loop through a followed link
            dirs[:] = []
            continue
        visited.add(real)
        visit = Visit(folder, _slash(folder), *before.pop(folder, (0, 0)), origin)
        own = _read_ignore(folder, visit, found)
        if own:
            ignores.append(Ignore(own, folder))
        active = [ig for ig in ignores if _inside(folder, ig.root)]
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and not any(ig.matches(os.path.join(folder, d), True) for ig in active)
                         and not (exclude and exclude.matches(os.path.join(folder, d), True)))
        for d in dirs:
            path = folder + visit.sep + d
            if follow or not os.path.islink(path):   # (a link os.walk will not enter is no folder of the walk)
                before[path] = _times(path, found)
        inside = os.path.relpath(folder, root).replace(os.sep, "/")   # once a folder, not once a file
        prefix = "" if inside == "." else inside + "/"
        real_folder = real + _slash(real)
        try:
            fd = os.open(folder, _DIR_FLAGS) if _STAT_AT and names else None
        except OSError:   # (unreadable: each file's own lstat then says why)
            fd = None
        try:
            _files(folder, names, visit, prefix, rx, active, exclude, origin, root, real_folder, fd, found, add)
        finally:
            if fd is not None:
                os.close(fd)
        found.visits.append(visit)
    if before:   # a folder os.walk could not list (or a loop's): its names are unknown
        found.exact = False


def _times(folder: str, found: Found) -> tuple[int, int]:
    try:
        st = os.stat(folder)
    except OSError:
        found.exact = False
        return 0, 0
    return st.st_mtime_ns, st.st_ctime_ns


# a stat relative to a folder's descriptor, where the platform has one
_STAT_AT = os.stat in os.supports_dir_fd and os.stat in os.supports_follow_symlinks
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)


def _files(folder, names, visit, prefix, rx, active, exclude, origin, root, real_folder, fd, found, add) -> None:
    """The files of one folder (its ``names``), each skipped with a reason or added (to
    ``visit`` too)."""
    sep, kept = visit.sep, visit.files
    for name in sorted(names):
        path = folder + sep + name
        if name.startswith(".") or ".tmp-" in name:
            continue
        dot = name.rfind(".")   # os.path.splitext's suffix (a leading dot was skipped above)
        if dot > 0 and name[dot:].lower() in SKIP_SUFFIXES:
            continue
        if rx is not None and not rx.match(prefix + name):
            continue
        if (why := furniture.by_name(name)):
            found.skipped.append((path, why))
        elif active and any(ig.matches(path) for ig in active):
            found.skipped.append((path, f"matches {IGNORE_FILE}"))
        elif exclude and exclude.matches(path):
            found.skipped.append((path, "matches an exclude: glob"))
        elif add(path, origin, root, real_folder, name, fd):
            kept.append(name)
