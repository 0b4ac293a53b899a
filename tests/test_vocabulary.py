"""The parser's words: section headings cleaned and named, and the word-tree patterns
(loaders/postmortem/vocabulary.py)."""
import re

import pytest

from loaders.postmortem.vocabulary import any_of, clean_heading, section_kind


@pytest.mark.parametrize("words", [["abc", "ab", "abd"], ["x"], ["be it", "been", "b"], ["a+b", "a.c", "a(c"],
                                   ["no customer", "no user", "not used", "never used"]])
def test_a_word_tree_matches_every_word_and_nothing_else(words):
    rx = re.compile(any_of(words))
    assert all(rx.fullmatch(w) for w in words)
    assert not rx.fullmatch("".join(words) + "!")


@pytest.mark.parametrize("text", ["we believe no customer data was accessed", "it was never used by anyone",
                                  "a plain sentence with none of them", "abd", "nothing here at all"])
def test_a_word_tree_finds_what_the_plain_alternation_finds(text):
    words = ["no customer", "no user", "never used", "abd", "ab"]
    plain = re.compile("|".join(re.escape(w) for w in words))
    tree = re.compile(any_of(words))
    assert [m.start() for m in tree.finditer(text)] == [m.start() for m in plain.finditer(text)]


@pytest.mark.parametrize("heading, cleaned, kind", [
    ("Phase 3: Improvement plan", "Improvement plan", "actions"),
    ("Part II - Timeline", "Timeline", "timeline"),
    ("4. Phase 3: Action items", "Action items", "actions"),   # an outline numbering the parts again
    ("Stage 4 rollout", "Stage 4 rollout", None),             # a name, not numbering
])
def test_a_numbered_part_label_is_numbering(heading, cleaned, kind):
    assert clean_heading(heading) == cleaned
    assert section_kind(heading) == kind
