"""The house format (the seed article's template), field by field."""
from datetime import date

import pytest

from conftest import fixture_text, house_doc

from loaders.postmortem import parse

DOC = parse(fixture_text("postmortems/house-format.md"), "docs/postmortems/house-format.md")


def test_kind_and_id_from_file_name():
    assert DOC["kind"] == "postmortem"
    assert DOC["id"] == "house-format"


def test_title_keeps_its_date():
    assert DOC["title"] == "Postmortem: Search index outage (2026-03-11)"


def test_date_comes_from_the_title():
    assert DOC["date"] == "2026-03-11"


def test_bold_metadata_line():
    assert DOC["status"] == "Reviewed"
    assert DOC["severity"] == "SEV-2"
    assert DOC["severity_level"] == 2
    assert DOC["owner"] == "@dana"


def test_not_a_near_miss():
    assert DOC["near_miss"] is False


def test_start_and_mitigation_come_from_the_impact_range():
    assert DOC["started_at"] == "2026-03-11T09:12:00Z"
    assert DOC["timestamp_sources"]["started_at"] == "impact_range"
    assert DOC["mitigated_at"] == "2026-03-11T09:43:00Z"


def test_detection_is_the_first_alert_entry():
    assert DOC["detected_at"] == "2026-03-11T09:19:00Z"
    assert DOC["timestamp_sources"]["detected_at"] == "timeline_detection"


def test_resolved_falls_back_to_mitigated():
    assert DOC["resolved_at"] == "2026-03-11T09:43:00Z"
    assert DOC["timestamp_sources"]["resolved_at"] == "fallback_mitigated"


def test_timeline_has_every_row_timed_in_order():
    assert [e["at"][11:16] for e in DOC["timeline"]] == ["09:08", "09:12", "09:19", "09:30", "09:43"]
    assert DOC["timeline"][0]["text"] == "Migration 0042 applied by the release pipeline"


def test_timeline_events_are_tagged():
    events = [e["event"] for e in DOC["timeline"]]
    assert events[2] == "detected"
    assert events[4] == "mitigated"


def test_five_whys_are_the_contributing_factors():
    assert len(DOC["contributing_factors"]) == 5
    assert DOC["contributing_factors"][0].startswith("Searches failed")


def test_action_items_owned_dated_ticketed():
    items = DOC["action_items"]
    assert [a["ticket"] for a in items] == ["SRCH-101", "SRCH-102", "SRCH-103"]
    assert [a["owner"] for a in items] == ["@dana", "@omar", "@li"]
    assert [a["due"] for a in items] == ["2026-03-20", "2026-03-18", "2026-04-02"]
    assert all(a["status"] == "open" for a in items)


def test_what_went_well_is_kept():
    assert len(DOC["lessons"]["went_well"]) == 2


def test_zone_stated_so_no_zone_problem():
    assert not [p for p in DOC["problems"] if "zone" in p["message"]]


def test_due_date_without_year_rolls_into_next_year():
    text = house_doc(day="2026-12-20", actions=(("Fix it", "@a", "Jan 5", "OPS-9"),))
    assert parse(text, "x.md")["action_items"][0]["due"] == "2027-01-05"


def test_due_date_in_the_same_year():
    text = house_doc(day="2026-02-03", actions=(("Fix it", "@a", "Feb 20", "OPS-9"),))
    assert parse(text, "x.md")["action_items"][0]["due"] == "2026-02-20"


def test_empty_owner_and_tbd_are_unowned():
    text = house_doc(actions=(("One", "", "Feb 20", "OPS-1"), ("Two", "TBD", "Feb 21", "OPS-2")))
    assert [a["owner"] for a in parse(text, "x.md")["action_items"]] == [None, None]


def test_github_ticket_reference():
    text = house_doc(actions=(("One", "@a", "Feb 20", "acme/web#42"),))
    assert parse(text, "x.md")["action_items"][0]["ticket"] == "acme/web#42"


def test_near_miss_from_type_key():
    text = house_doc(title="Near miss: almost dropped a table", extra_meta=" | **Type:** Near miss")
    assert parse(text, "x.md")["near_miss"] is True


def test_class_key_in_metadata_line():
    text = house_doc(extra_meta=" | **Team:** payments | **Class:** config-change")
    doc = parse(text, "x.md")
    assert doc["incident_class"] == "config-change"
    assert doc["teams"] == ["payments"]


def test_impact_range_across_midnight():
    text = house_doc(day="2026-02-03", impact="- Duration: 2026-02-03 23:50–2026-02-04 00:20 UTC (30 min)",
                     rows=(("2026-02-03 23:50", "Errors start"), ("2026-02-04 00:02", "Alert pages on-call"),
                           ("2026-02-04 00:20", "Rollback completes")))
    doc = parse(text, "x.md")
    assert doc["started_at"] == "2026-02-03T23:50:00Z"
    assert doc["detected_at"] == "2026-02-04T00:02:00Z"
    assert doc["mitigated_at"] == "2026-02-04T00:20:00Z"


def test_short_range_past_midnight_rolls_the_end_over():
    text = house_doc(impact="- Duration: 23:50–00:20 UTC (30 min)")
    doc = parse(text, "x.md")
    assert doc["started_at"] == "2026-02-03T23:50:00Z"
    assert doc["mitigated_at"] == "2026-02-04T00:20:00Z"


def test_incident_date_is_a_date():
    assert date.fromisoformat(DOC["date"]) == date(2026, 3, 11)


def test_near_miss_type_does_not_hide_the_class():
    text = house_doc(title="Near miss: bad push", extra_meta=" | **Type:** Near miss | **Class:** config-change")
    doc = parse(text, "x.md")
    assert doc["near_miss"] is True
    assert doc["incident_class"] == "config-change"


def test_a_title_starting_with_a_section_word_is_not_a_section():
    text = house_doc(title="Recommendations service outage").replace(
        "## Contributing factors", "## What went well\n- Quick rollback.\n\n## Contributing factors")
    doc = parse(text, "x.md")
    assert len(doc["action_items"]) == 1
    assert doc["lessons"]["went_well"] == ["Quick rollback."]


def test_web_pages_in_an_impact_row_are_not_paging():
    rows = (("10:00", "Deploy 311 rolled out"), ("10:04", "Product pages error rate jumps"),
            ("10:09", "Alert fires; on-call acknowledges"))
    doc = parse(house_doc(rows=rows), "x.md")
    assert doc["detected_at"] == "2026-02-03T10:09:00Z"


def test_unreadable_time_is_a_problem_with_its_line():
    doc = parse("# T\n## Timeline (UTC)\n- 2021-02-03 10:00 ok\n- 25:61 broken\n", "x.md")
    assert doc["timeline"][1]["at"] is None
    assert {"line": 4, "message": "could not read the time '25:61'", "level": "warning"} in doc["problems"]


def test_title_date_far_from_the_timeline_is_a_problem():
    doc = parse(house_doc(day="2026-02-03", rows=(("2026-03-10 10:00", "Errors start"),)), "x.md")
    assert any("title says 2026-02-03" in p["message"] for p in doc["problems"])


def test_out_of_order_rows_are_kept_with_a_problem():
    rows = (("10:30", "Rollback completes"), ("10:00", "Errors start"))
    doc = parse(house_doc(rows=rows), "x.md")
    assert len(doc["timeline"]) == 2
    assert any("earlier than the one before" in p["message"] for p in doc["problems"])


def test_unrecognised_section_is_a_problem():
    doc = parse(house_doc().replace("## Summary", "## Weather report\nSunny.\n\n## Summary"), "x.md")
    assert any("'Weather report' not recognised" in p["message"] for p in doc["problems"])


def test_written_and_reviewed_dates():
    doc = parse(house_doc(extra_meta=" | **Written:** 2026-02-05 | **Reviewed:** 2026-02-12"), "x.md")
    assert (doc["written_on"], doc["reviewed_on"]) == ("2026-02-05", "2026-02-12")
    assert doc["date"] == "2026-02-03"


def test_plain_metadata_line_holds_several_fields_between_pipes():
    pm = parse("# Outage\n\nDate: 2024-01-02 | Severity: SEV-2 | Status: Final\n\nThe API was down.\n")
    assert (pm["date"], pm["severity_level"], pm["status"]) == ("2024-01-02", 2, "Final")


def test_a_pipe_inside_one_value_does_not_split_it():
    pm = parse("# Outage\n\nStatus: Resolved | see the follow-up\nDate: 2024-01-02\n\nThe API was down.\n")
    assert pm["status"] == "Resolved | see the follow-up"


@pytest.mark.parametrize("field", ["Started", "Detected", "Resolved"])
def test_an_absurd_year_in_a_metadata_field_is_a_problem_not_a_time(field):
    """'Started: Mon, 01 Jan 0001 00:00:00 +0000', a tool's zero time quoted in the
    document, made a time to detect of two thousand years, with no problem said."""
    doc = parse(f"# Flaky builds\n\n**Date:** 2019-05-30\n\n> {field}:      Mon, 01 Jan 0001 00:00:00 +0000\n\n"
                "## Timeline (UTC)\n\n- 20:00 builds start failing\n- 20:26 alert fires\n- 21:10 node drained, fixed\n")
    assert not str(doc[f"{field.lower()}_at"] or "").startswith("0001")
    assert any(p["line"] == 5 and "absurd" in p["message"] for p in doc["problems"])


TAXONOMY = {"taxonomy": {"config-change": {"keywords": ["config"]},
                         "certificate-expiry": {"keywords": ["certificate"], "patterns": [r"\btls\b"]},
                         "security": {"keywords": ["phishing"]}}}


def _class_of(text: str) -> str | None:
    from loaders.config import config_from_dict

    return parse(text, "x.md", config_from_dict(TAXONOMY).options())["incident_class"]


@pytest.mark.parametrize("title, body, want", [
    ("TLS Expires: media.example.org", "The config was copied from one server to another.", "certificate-expiry"),
    ("Phishing attack on maintainers", "The fake site had a valid SSL certificate.", "security"),
    ("Checkout errors", "A config push set the pool size to 2.", "config-change"),   # the title names none
])
def test_the_title_classifies_before_the_body(title, body, want):
    """A class the title names beats one a passing word of the body matches (the first
    class in order matched anywhere won: a TLS expiry read as a config change)."""
    assert _class_of(f"# {title}\n\n**Date:** 2025-03-04\n\n## Summary\n\n{body}\n") == want


@pytest.mark.parametrize("front", ["categories: NEWS", "category: 2026", "categories: [blog, post]",
                                   "type: v0.1.4", "category: Announcements", "tags: [latest]"])
def test_a_blog_posts_category_is_not_the_incident_class(front):
    """A site generator's category names the kind of post or its year, not the kind of
    failure: the taxonomy classifies the document instead."""
    text = f"---\ntitle: Certificate expired on the API\n{front}\n---\n\nThe TLS certificate expired.\n"
    assert _class_of(text) == "certificate-expiry"


def test_a_code_identifier_in_a_type_field_is_not_the_incident_class():
    text = ("# Webhooks dropped\n\n**Date:** 2025-03-04\n**Type:** `checkout.session.completed`\n\n"
            "## Summary\n\nThe TLS certificate expired.\n")
    assert _class_of(text) == "certificate-expiry"


@pytest.mark.parametrize("front, want", [("category: Kubernetes", "Kubernetes"), ("categories: [cascading-failure]", "cascading-failure"),
                                         ("class: Security", "security")])   # (the taxonomy's spelling)
def test_a_category_that_names_a_failure_is_the_incident_class(front, want):
    assert _class_of(f"---\ntitle: Nodes lost\n{front}\n---\n\nNodes went away.\n") == want


def test_a_section_whose_lines_are_read_is_not_reported_as_unread():
    """A task list under a heading no rule names ("Change Register") gives the action
    items, and a heading over a read subsection is read too: neither is "not recognised;
    no field is read from it" (which the summary said of both)."""
    doc = parse("# Registry full\n\n**Date:** 2026-04-11\n\n## Change Register\n\n"
                "- [ ] Alert when the volume passes 80% (@sam)\n- [ ] Collect garbage daily (@sam)\n\n"
                "## Root-Cause Analysis\n\n"
                "### Contributing factors\n\n- No alert on the volume\n\n## Scratch notes\n\nNothing here is read.\n",
                "x.md")
    unread = [p["message"] for p in doc["problems"] if "not recognised" in p["message"]]
    assert len(doc["action_items"]) == 2 and doc["contributing_factors"]
    assert unread == ["section 'Scratch notes' not recognised; no field is read from it"]


def test_brackets_with_a_double_colon_that_are_no_inline_fields_stay_in_the_item():
    doc = parse("# Gateway timeouts\n\n**Date:** 2025-03-04\n\n## Action items\n\n"
                "- [ ] Wrap [Billing::GatewayClient] calls in a circuit breaker\n"
                "- [ ] Allow [fe80::1] through the management ACL\n"
                "- [ ] [due:: 2025-04-01] [owner:: Sam] Alert on gateway latency\n", "x.md")
    assert [a["text"] for a in doc["action_items"]] == [
        "Wrap [Billing::GatewayClient] calls in a circuit breaker", "Allow [fe80::1] through the management ACL",
        "Alert on gateway latency"]


TAXONOMY_CAUSES = {"taxonomy": {"config-change": {"keywords": ["config change"], "patterns": [r"\bconfig\b"]},
                                "deploy-regression": {"keywords": ["regression"], "patterns": [r"\bv\d+\.\d+(\.\d+)?\b"]},
                                "database": {"keywords": ["database"]},
                                "network": {"keywords": ["load balancer"]},
                                "infra.dns": {"keywords": ["resolver"]},
                                "other": {"keywords": ["zzz-never"]}}}


def _class_under(taxonomy: dict, text: str) -> str | None:
    from loaders.config import config_from_dict

    return parse(text, "x.md", config_from_dict(taxonomy).options())["incident_class"]


@pytest.mark.parametrize("title, cause, want", [
    ("Elevated 502s from the load balancer", "A regression in v2.14.0 broke keep-alive handling.", "deploy-regression"),
    ("Database unavailable for 40 minutes", "The config change was rolled out to every region; its config had a typo.",
     "config-change"),
])
def test_a_cause_the_body_states_twice_beats_a_symptom_the_title_names(title, cause, want):
    """The taxonomy's classes are causes: the class most of whose rules match wins, the
    title's counting twice; a symptom in the title does not beat a cause stated twice."""
    assert _class_under(TAXONOMY_CAUSES, f"# {title}\n\n**Date:** 2025-03-04\n\n## Root cause\n\n{cause}\n") == want


@pytest.mark.parametrize("named", ["other", "infra.dns", "Other"])
def test_a_class_the_taxonomy_holds_is_kept_whatever_it_looks_like(named):
    text = f"---\ntitle: Lookups failed\nclass: {named}\n---\n\nThe resolver stopped answering.\n"
    assert _class_under(TAXONOMY_CAUSES, text) == named.lower()
