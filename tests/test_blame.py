"""The blameful-language detector: one rule at a time, the classes it must leave alone,
the sentence splitter it reads documents with, its figures on the labelled set, and its speed.

Every fixture sentence here is written for this file; the labelled set in
tests/corpus/blame/ is only read by the figures test and the gate test.
"""
from __future__ import annotations

import hashlib
import re
import time
from pathlib import Path

import pytest
import yaml

from loaders.postmortem import blame
from loaders.postmortem.blame import RULES, Hit, blameful, find, sentences

CORPUS = Path(__file__).resolve().parent / "corpus" / "blame" / "sentences.yaml"


def rule_of(sentence: str) -> str | None:
    r = blameful(sentence)
    return r[0] if r else None


# --------------------------------------------------------------------------- one per rule

FIRES = {
    "forgot": "The on-call forgot to renew the staging certificate.",
    "accidental": "@dana accidentally dropped the orders table during the cleanup.",
    "wrong-target": "Priya ran the migration on the wrong cluster.",
    "failed-to": "The new hire failed to follow the failover runbook.",
    "did-not": "We didn't notify the payments team before the cutover.",
    "untested": "An engineer pushed the config change without testing it on staging.",
    "should-have": "I should have known that the cache would be cold after the restart.",
    "careless": "The engineer was careless with the production credentials.",
    "human-error": "The outage was caused by human error.",
    "ignored": "Ops ignored the disk space warnings for three days.",
}


@pytest.mark.parametrize("rule", sorted(FIRES))
def test_rule_fires(rule):
    assert rule_of(FIRES[rule]) == rule


def test_every_rule_has_a_firing_fixture():
    assert {rid for rid, _, _ in RULES} == set(FIRES)


def test_forgot_through_a_compound_predicate():
    assert rule_of("Someone saw the page but forgot to acknowledge it.") == "forgot"


def test_did_not_with_nobody():
    assert rule_of("Nobody checked the backup logs for months.") == "did-not"


def test_ignored_a_prior_warning():
    assert rule_of("Despite being told to wait, the on-call restarted the primary.") == "ignored"


def test_untested_did_not_test():
    assert rule_of("We did not test how long the reindex would take.") == "untested"


def test_own_mistake_is_human_error():
    assert rule_of("After spotting our mistake, we rolled back.") == "human-error"


def test_by_mistake_after_the_verb():
    assert rule_of("Jo restarted the primary instead of the replica by mistake.") == "accidental"


def test_passive_with_a_person_as_agent():
    assert rule_of("The namespace was accidentally deleted by an engineer.") == "accidental"


def test_opener_before_the_subject():
    assert rule_of("During the rollout, @sam changed the proxy and did not update the certificates.") == "did-not"


# --------------------------------------------------------------------------- not blameful

def test_quote_line_is_not_blameful():
    assert blameful("> The on-call forgot to renew the certificate.") is None


def test_quote_line_is_not_a_sentence():
    assert list(sentences("> The on-call forgot to renew the certificate.\n")) == []


def test_reported_speech_in_quotation_marks():
    assert blameful('The reviewer wrote "you should have checked the replica first" in the thread.') is None


def test_code_span_is_not_read():
    assert blameful("The flag `--ignore-errors-forgot-to-check` was set.") is None


def test_code_fence_is_skipped():
    doc = "Intro line.\n\n```\nwe forgot to renew the cert\nsomeone accidentally ran rm\n```\n\nAll good.\n"
    assert find(doc) == []


def test_agentless_fault_wording():
    assert blameful("The certificate was accidentally deleted.") is None
    assert blameful("The alert notification was missed.") is None
    assert blameful("This should have been caught in review.") is None


def test_rejects_blame():
    assert blameful("While it could be put down to human error, it is wrong to focus on the individual.") is None
    assert blameful("This was not human error; the two consoles looked identical.") is None


def test_system_allowed_framing():
    assert blameful("The tooling allowed an engineer to accidentally run the script against production.") is None


def test_person_acting_without_fault():
    assert blameful("Alice merged the PR and restarted the service at 10:02.") is None


def test_failed_to_with_a_system_subject():
    assert blameful("The deploy job failed to push the image because the registry was down.") is None
    assert blameful("Users failed to log in for twenty minutes.") is None


def test_hypothetical_is_not_blameful():
    assert blameful("If someone forgets to renew the certificate, the site goes down.") is None
    assert blameful("To avoid accidentally deleting the namespace, we added a confirmation prompt.") is None


def test_standing_practice_and_reasoned_decision():
    assert blameful("We never tested restores, because the tooling made it hard.") is None
    assert blameful("We did not page the database team because we judged the error rate was falling.") is None


def test_person_as_patient_of_should_have():
    assert blameful("We should have been paged when the queue backed up.") is None


def test_luck_is_not_a_fault():
    assert blameful("We found the leak by accident while profiling something else.") is None


def test_consequence_of_a_system_gap():
    assert blameful("No alert was set up for the queue, so nobody noticed the backlog.") is None


def test_present_tense_practice_versus_one_person():
    assert blameful("The platform team does not run a public mirror.") is None
    assert rule_of("@lee restarts the proxy and does not update the certificate bundle.") == "did-not"


def test_reported_speech_spanning_sentences():
    assert blameful("A customer wrote: “We didn't check the changelog until today.") is None


def test_adverb_opener_is_not_a_name():
    assert blameful("Luckily, the token did not end up in the wrong hands.") is None


def test_decision_with_its_reason():
    assert blameful("At first we didn't notify the comms team as there was no external impact.") is None


def test_question_is_not_blameful():
    assert blameful("Was this caused by human error?") is None


# --------------------------------------------------------------------------- sentences()

def test_yaml_front_matter_skipped():
    doc = "---\ntitle: We forgot the cert\n---\nBody text here.\n"
    assert list(sentences(doc)) == [(4, "Body text here.")]


def test_toml_front_matter_skipped():
    doc = "+++\ntitle = 'x'\n+++\nBody.\n"
    assert list(sentences(doc)) == [(4, "Body.")]


def test_unterminated_front_matter_is_text():
    doc = "---\nSome text after a rule.\n"
    assert [s for _, s in sentences(doc)] == ["Some text after a rule."]


def test_fenced_and_indented_code_skipped():
    doc = "First.\n\n```sh\necho no. Not this.\n```\n\n    indented code. Also not.\n\nLast.\n"
    assert [s for _, s in sentences(doc)] == ["First.", "Last."]


def test_wrapped_lines_joined_and_numbered():
    doc = "Title line\n\nThe disk filled\nup at night. Then the\nalert fired.\n"
    assert list(sentences(doc)) == [(1, "Title line"), (3, "The disk filled up at night."),
                                     (4, "Then the alert fired.")]


def test_abbreviations_times_and_versions_not_split():
    doc = "At 09:40 UTC the v1.2.3 release, e.g. the API, i.e. the core, broke. Dr. Lee and J. Smith fixed it.\n"
    assert [s for _, s in sentences(doc)] == [
        "At 09:40 UTC the v1.2.3 release, e.g. the API, i.e. the core, broke.",
        "Dr. Lee and J. Smith fixed it."]


def test_headings_tables_comments_and_tags_skipped():
    doc = ("# We forgot\n\nSetext title\n============\n\n| a | b |\n|---|---|\n| we forgot | x |\n\n"
           "<!-- we forgot\nto hide this -->\n<div>\nProse.\n")
    assert [s for _, s in sentences(doc)] == ["Prose."]


def test_list_items_are_separate_sentences():
    doc = "- 10:00 Deploy starts\n- 10:05 Errors rise\n  and keep rising\n1. Rollback\n"
    assert list(sentences(doc)) == [(1, "10:00 Deploy starts"), (2, "10:05 Errors rise and keep rising"),
                                     (4, "Rollback")]


# --------------------------------------------------------------------------- find()

DOC = """---
title: Cache outage
---

# Cache outage

The cache cluster ran out of memory at 10:02. The on-call engineer
forgot to scale the cluster before the sale.

```
# we accidentally ran this
redis-cli flushall
```

> The reviewer ignored the warning.

- 10:20 @kim accidentally flushed the wrong cache.
- 10:30 Service restored.
"""


def test_find_lines_and_rules():
    hits = find(DOC)
    assert [(h.line, h.rule) for h in hits] == [(7, "forgot"), (17, "accidental")]
    assert hits[0].sentence == "The on-call engineer forgot to scale the cluster before the sale."


def test_find_on_clean_text_is_empty():
    assert find("The cache ran out of memory. We scaled it up and it recovered.\n") == []


def test_every_hit_has_question_and_rewrite():
    text = "\n\n".join(FIRES.values())
    hits = find(text)
    assert {h.rule for h in hits} == set(FIRES)
    for h in hits:
        assert isinstance(h, Hit)
        assert h.question.strip().endswith("?")
        assert len(h.rewrite) > 40 and h.rewrite.endswith(".")
        assert blameful(h.rewrite) is None, h.rewrite


def test_rewrites_of_corpus_hits_are_blameless():
    data = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    hits = find("\n\n".join(s["text"] for s in data["sentences"]))
    assert hits
    for h in hits:
        assert h.question and h.rewrite
        assert blameful(h.rewrite) is None, h.rewrite


def test_rules_table():
    ids = [rid for rid, _, _ in RULES]
    assert len(ids) == len(set(ids))
    for rid, desc, question in RULES:
        assert re.fullmatch(r"[a-z-]+", rid) and desc and question.endswith("?")


# --------------------------------------------------------------------------- the labelled set

def _held(source: str) -> bool:
    return hashlib.sha1(source.encode()).hexdigest()[0] in "01234567"


def _score(rows):
    tp = sum(1 for label, got in rows if label and got)
    fp = sum(1 for label, got in rows if not label and got)
    fn = sum(1 for label, got in rows if label and not got)
    return tp, fp, fn, tp / max(1, tp + fp), tp / max(1, tp + fn)


def test_precision_and_recall_on_labelled_set(record_property):
    data = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    rows = [(s["source"], bool(s["blameful"]), blameful(s["text"]) is not None) for s in data["sentences"]]
    parts = {"whole": rows, "tune": [r for r in rows if not _held(r[0])], "held": [r for r in rows if _held(r[0])]}
    figures = {}
    for name, part in parts.items():
        tp, fp, fn, p, r = _score([(label, got) for _, label, got in part])
        figures[name] = (p, r)
        line = f"blame {name}: n={len(part)} tp={tp} fp={fp} fn={fn} precision={p:.3f} recall={r:.3f}"
        print(line)
        record_property(f"blame_{name}", line)
    p, r = figures["whole"]
    assert p >= 0.90
    assert r >= 0.75


def test_gate_is_a_superset_of_the_fault_wording():
    data = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    texts = [s["text"] for s in data["sentences"]] + list(FIRES.values())
    for t in texts:
        if blame._FAULT.search(t):
            assert blame._GATE.search(t.lower()), t


@pytest.mark.parametrize("sentence", ["That was our misstep.", "It was his misstep that caused the outage.",
                                      "We told him not to deploy on Friday.", "It was a mistake on my part.",
                                      "The deploy went out against the advice of the reviewer.",
                                      "Bob didn't test the migration.", "He had not verified the restore.",
                                      "Nobody checked the backup before the upgrade.", "That was my bad."])
def test_the_gate_passes_what_the_narrowed_stems_need(sentence):
    # each holds "not", "miss", "against", "part" or a contraction only beside the words
    # the fault wording needs: the gate must let it through to the rules
    assert blame._GATE.search(sentence.lower())
    assert find(sentence)


@pytest.mark.parametrize("sentence", ["The service was not available for ten minutes.",
                                      "Requests failed over to the standby region.",
                                      "Latency never recovered until the restart.",
                                      "Missing metrics made the page arrive late.",
                                      "We pushed against the deadline; part of the fleet lagged."])
def test_common_words_alone_do_not_pass_the_gate(sentence):
    # "not", "fail", "never", "miss", "against", "part" pass only with the words _FAULT
    # needs beside them: most sentences are turned away by the one cheap scan
    assert not blame._GATE.search(sentence.lower())
    assert find(sentence) == []


# --------------------------------------------------------------------------- hostile input
# (speed itself is measured by bench/lint.py, not here)

def test_hostile_inputs_finish():
    """Repetitive text a regex could backtrack on for minutes: each finishes, with a bound
    that only a catastrophic (super-linear) pattern would reach on any machine."""
    deep = "\n".join("  " * i + "- we forgot item" for i in range(2_000))   # 4 MB of ever-deeper list
    for text in ("we forgot " * 50_000, "[" * 100_000, "`" * 50_000, "@bob accidentally " * 20_000, deep):
        t = time.process_time()
        find(text)
        assert time.process_time() - t < 30.0


@pytest.mark.parametrize("sentence", ["The disk usage warning went to a list nobody reads.",
                                      "No one reviews the quotas when traffic grows."])
def test_nobody_in_the_present_tense_is_a_standing_gap_not_blame(sentence):
    assert blameful(sentence) is None


def test_nobody_in_the_past_tense_is_still_blame():
    assert blameful("Nobody checked the backup before the upgrade.")[0] == "did-not"


@pytest.mark.parametrize("sentence", [
    "Harbor does not validate partial uploads before it marks them complete.",
    "The rate limit on the resolver doesn't protect the gateway from reflection.",
    "Worker doesn't call the release hook when a job times out.",
])
def test_a_product_that_does_not_do_something_is_how_it_works_not_a_lapse(sentence):
    """The present tense with a bare name and a step systems do (validate, protect, call)
    states how a product behaves; a person's name takes a human act ("Kim does not
    communicate ...") to be read as one."""
    assert blameful(sentence) is None


def test_a_person_who_does_not_do_a_human_act_is_still_read():
    assert blameful("Kim does not communicate status changes to support.")[0] == "did-not"


def test_a_compound_term_holding_forget_is_not_forgetting():
    assert blameful("Fire-and-forget delivery is fine here; nothing waits on it.") is None
    assert blameful("Lee forgot to rotate the key.")[0] == "forgot"


def test_a_stem_inside_another_word_opens_no_fault():
    # ("brought" holds "ought", "dismissed" holds "miss": only a word that starts with a stem counts)
    from loaders.postmortem import blame
    assert blame.blameful("The patch was brought into the repo and dismissed the stale cache.") is None
    assert blame.blameful("Someone fatfingered the hostname.") is not None
    assert blame.blameful("It went out although we knew the check was red.") is not None
