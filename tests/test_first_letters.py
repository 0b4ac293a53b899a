"""Fast paths that must stay in step with the patterns they stand in front of.

Several hot patterns open with a lookahead naming the letters their phrases can start
with (``(?=[bfnprsw])``), so the regex engine skips every other position at once, and
``timeline._tag`` looks only at the words its rules act on. Each is a promise about the
rest of the pattern or code: a phrase added later with a new first letter, or a rule
that acts on a word outside the set, would silently stop matching. These tests derive
the first letters from the patterns themselves (through Python's own regex parser) and
compare ``_tag`` with and without its word set, so they fail when the promise breaks.
"""
import json
import re
import sys
from pathlib import Path

import pytest

from loaders.postmortem import blame, timeline, vocabulary
from loaders.postmortem.document import parse

try:
    from re import _constants as C, _parser as sre_parse
except ImportError:   # Python < 3.11
    import sre_constants as C
    import sre_parse

ROOT = Path(__file__).resolve().parent.parent
EVERY_CHARACTER = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


class AnyCharacter(Exception):
    """The pattern can open with any character (a class such as ``\\w``, a ``.``)."""


def first_characters(pattern: str, flags: int = 0, skip_anchored: bool = False) -> set[str]:
    """The characters a match of ``pattern`` can start with, as written (before case
    folding). Zero-width assertions are passed over; with ``skip_anchored``, an
    alternative opening with ``^`` counts for nothing (a guard's own ``^`` branch covers
    it). Raises AnyCharacter when no finite set can be given."""
    chars, nullable = _first(sre_parse.parse(pattern, flags).data, skip_anchored)
    if nullable:
        raise AnyCharacter("the pattern can match the empty string")
    return chars


def _first(items, skip_anchored: bool) -> tuple[set[str], bool]:
    out: set[str] = set()
    for op, av in items:
        if op == C.AT:
            if skip_anchored and av in (C.AT_BEGINNING, C.AT_BEGINNING_STRING):
                return out, False
            continue
        if op in (C.ASSERT, C.ASSERT_NOT):
            continue
        if op == C.LITERAL:
            return out | {chr(av)}, False
        if op == C.IN:
            return out | _in(av), False
        if op == C.BRANCH:
            nullable = False
            for alternative in av[1]:
                chars, n = _first(alternative.data, skip_anchored)
                out |= chars
                nullable |= n
            if not nullable:
                return out, False
            continue
        if op in (C.SUBPATTERN, getattr(C, "ATOMIC_GROUP", None)):
            chars, nullable = _first((av[-1] if op == C.SUBPATTERN else av).data, skip_anchored)
            out |= chars
            if not nullable:
                return out, False
            continue
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
            low, _, body = av
            chars, nullable = _first(body.data, skip_anchored)
            out |= chars
            if low and not nullable:
                return out, False
            continue
        raise AnyCharacter(f"{op} can open a match")
    return out, True


def _in(av) -> set[str]:
    out = set()
    for op, value in av:
        if op == C.LITERAL:
            out.add(chr(value))
        elif op == C.RANGE:
            out |= {chr(c) for c in range(value[0], value[1] + 1)}
        else:   # a negated set, a category (\w, \s, \d)
            raise AnyCharacter(f"a character class with {op}")
    return out


def _guard(pattern: str) -> str:
    """The character class of the ``(?=[...])`` lookahead a pattern opens with."""
    return re.search(r"\(\?=(\[[^\]]+\])\)", pattern).group(1)


def _inner(pattern: str) -> str:
    """The pattern after its guard: ``...(?=[abc]))(?:REST)`` -> ``REST``."""
    at = pattern.index(")", pattern.index("(?=")) + 1
    at = pattern.index("(?:", at)
    assert pattern.endswith(")")
    return pattern[at + 3:-1]


def _case_variants(chars: set[str], flags: int) -> set[str]:
    """Every character the regex engine takes as one of ``chars`` under ``flags`` (with
    IGNORECASE: "K" and the Kelvin sign for "k", "ſ" for "s")."""
    if not flags & re.IGNORECASE:
        return set(chars)
    one_of = re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]", flags)
    return set(one_of.findall(EVERY_CHARACTER))


def _unguarded(pattern: str, flags: int, skip_anchored: bool = False) -> set[str]:
    """The characters that can open a match of the guarded part but that the guard
    (with the same flags) turns away."""
    guard = re.compile(_guard(pattern), flags)
    opening = _case_variants(first_characters(_inner(pattern), flags, skip_anchored), flags)
    return {c for c in opening if not guard.fullmatch(c)}


# --------------------------------------------------------------------------------------
# The helper itself


def test_first_characters_of_literals_branches_and_optional_parts():
    assert first_characters(r"\bfoo|bar") == {"f", "b"}
    assert first_characters(r"(?:x\s+)?y") == {"x", "y"}
    assert first_characters(r"[a-c]z|(?P<n>q)") == {"a", "b", "c", "q"}
    assert first_characters(r"^x|y", skip_anchored=True) == {"y"}


def test_first_characters_refuses_a_pattern_that_opens_with_anything():
    for pattern in (r"\w+", r".x", r"[^a]", r"x?"):
        with pytest.raises(AnyCharacter):
            first_characters(pattern)


def test_a_guard_missing_a_letter_is_caught():
    assert _unguarded(r"\b(?=[ab])(?:apple|berry|cherry)", re.IGNORECASE) >= {"c", "C"}
    assert not _unguarded(r"\b(?=[abc])(?:apple|berry|cherry)", re.IGNORECASE)


# --------------------------------------------------------------------------------------
# The guards in the parser


def test_fault_phrases_all_open_with_a_letter_the_lowercase_scan_looks_for():
    # _FAULT_LC runs, case-sensitive, on lowercased text: _FAULT's literals are lowercase
    assert blame._FAULT_LC.pattern.endswith("(?:" + blame._FAULT.pattern + ")")
    assert not blame._FAULT_LC.flags & re.IGNORECASE
    assert not _unguarded(blame._FAULT_LC.pattern, blame._FAULT_LC.flags)


def test_blameless_framings_all_open_with_a_letter_the_scan_looks_for():
    assert not _unguarded(blame._REJECTS.pattern, blame._REJECTS.flags)


def test_wont_do_phrases_all_open_with_a_letter_the_scan_looks_for():
    # (its whole-cell phrases are anchored with ^, which the guard's own ^ lets through)
    assert vocabulary.WONT_DO.pattern.startswith("(?:^|(?=")
    assert not _unguarded(vocabulary.WONT_DO.pattern, vocabulary.WONT_DO.flags, skip_anchored=True)


# --------------------------------------------------------------------------------------
# The words _tag acts on


def _documents() -> list[Path]:
    roots = [ROOT / "tests" / "corpus", ROOT / "tests" / "fixtures"]
    return sorted(p for root in roots for p in root.rglob("*")
                  if p.is_file() and p.suffix in (".md", ".markdown", ".mdx", ".txt"))


def _parsed(paths) -> list[str]:
    return [json.dumps(parse(p.read_text(encoding="utf-8", errors="replace")), sort_keys=True, default=str)
            for p in paths]


@pytest.fixture(scope="module")
def documents():
    paths = _documents()
    assert len(paths) > 300        # the project's own corpus and fixtures: many shapes of timeline
    return paths


@pytest.mark.parametrize("name", ["_TAG_WORDS", "_SAID_WORDS"])
def test_tag_reads_the_same_without_its_word_set(documents, monkeypatch, name):
    """_tag passes over the words outside _TAG_WORDS (and the checks after its loop run
    only when one of _SAID_WORDS is there): with a set that holds every word of these
    documents, nothing read changes."""
    assert getattr(timeline, name)
    want = _parsed(documents)
    every_word = {w for p in documents
                  for w in timeline._WORD.findall(p.read_text(encoding="utf-8", errors="replace").lower())}
    monkeypatch.setattr(timeline, name, frozenset(every_word))
    got = _parsed(documents)
    changed = [str(p.relative_to(ROOT)) for p, a, b in zip(documents, want, got) if a != b]
    assert not changed, f"{name} misses a word these documents need: {changed[:5]}"


def test_impact_words_all_open_with_a_letter_the_scan_looks_for():
    from loaders.postmortem import document
    assert not _unguarded(document._IMPACT_WORDS.pattern, document._IMPACT_WORDS.flags)


def test_prose_clocks_all_open_with_a_digit_or_a_zone_the_scan_looks_for():
    # (_CLOCK opens with \d, a class no finite set names: its guard is checked on every
    # character that can open a clock, digits of every script and the zones' first letters)
    rest = re.compile(_inner(timeline._CLOCK.pattern), timeline._CLOCK.flags)
    guard = re.compile(_guard(timeline._CLOCK.pattern), timeline._CLOCK.flags)
    for c in EVERY_CHARACTER:
        if not guard.match(c) and (rest.match(f"{c}2:30") or rest.match(f"{c}TC 12:30") or rest.match(f"{c}MT 12:30")):
            raise AssertionError(f"{c!r} opens a clock the guard turns away")


@pytest.mark.parametrize("name", ["DONE", "OPEN"])
def test_status_phrases_all_open_with_a_letter_the_scan_looks_for(name):
    # (their whole-cell phrases are anchored with ^, which the guard's own ^ lets through)
    rx = getattr(vocabulary, name)
    assert rx.pattern.startswith("(?:^|(?=")
    assert not _unguarded(rx.pattern, rx.flags, skip_anchored=True)


@pytest.mark.parametrize("name", ["_CAUSE", "_CAUSE_OTHER"])
def test_cause_phrases_all_open_with_a_letter_the_scan_looks_for(name):
    from loaders.postmortem import document
    rx = getattr(document, name)
    assert not _unguarded(rx.pattern, rx.flags)


def _unguarded_prefix(rx: re.Pattern) -> set[str]:
    """As _unguarded, for a pattern whose guard simply stands before the rest of it:
    ``(?=[abc])REST``."""
    assert rx.pattern.startswith("(?=[")
    rest = rx.pattern[rx.pattern.index("])") + 2:]
    guard = re.compile(_guard(rx.pattern), rx.flags)
    return {c for c in _case_variants(first_characters(rest, rx.flags), rx.flags) if not guard.fullmatch(c)}


@pytest.mark.parametrize("name", ["_JIRA_KEY", "_OWNER", "_DUE"])
def test_action_fields_all_open_with_a_letter_the_scan_looks_for(name):
    from loaders.postmortem import actions
    assert not _unguarded_prefix(getattr(actions, name))
