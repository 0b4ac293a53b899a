"""Ordinary text a rule must not over-read: each case is a reviewer's probe that a rule
once got wrong (the shapes that must be read are in tests/fixtures/shapes/)."""
import pytest

from loaders.postmortem import parse


def test_a_partial_resolution_in_the_status_closes_nothing():
    text = ("# Caída de pagos\n\n**Fecha:** 2025-10-20\n**Estado:** Resuelto parcialmente; revisión pendiente "
            "el 2025-10-30 12:00 UTC\n\n## Línea de tiempo (UTC)\n\n- 2025-10-20 22:10 — Alerta de errores\n"
            "- 2025-10-20 22:50 — Servicio restablecido\n")
    assert parse(text, "a.md")["resolved_at"] == "2025-10-20T22:50:00Z"


def test_the_start_of_a_recovery_is_not_the_recovery():
    text = ("# Panne du proxy\n\n**Date :** 2024-03-01\n\n## Chronologie\n\n- 10:00 : Le proxy renvoie des erreurs 502\n"
            "- 10:05 : Alerte sur le taux d'erreurs\n- 10:20 : Début du rétablissement du cache\n"
            "- 11:00 : Service rétabli\n")
    assert parse(text, "a.md")["mitigated_at"] == "2024-03-01T11:00:00Z"


def test_a_root_cause_table_of_evidence_or_times_names_no_causes():
    for table in ("| Time | Event |\n|---|---|\n| 10:00 | Cache node replaced |\n",
                  "| Endpoint | p99 before | p99 during |\n|---|---|---|\n| /checkout | 120 ms | 2400 ms |\n"):
        text = f"# Slow checkout\n\n**Date:** 2024-03-01\n\n## Root cause\n\n{table}"
        assert parse(text, "a.md")["contributing_factors"] == [], table


def test_a_version_in_a_time_columns_header_does_not_date_the_rows():
    text = ("# Rollout failure\n\n**Datum:** 2022-04-20\n\n## Timeline\n\n| Zeit (Rollout 4.5.12) | Ereignis |\n"
            "|---|---|\n| 10:00 | Rollout gestartet, Fehler steigen |\n| 10:05 | Alarm ausgelöst |\n")
    assert parse(text, "a.md")["started_at"] == "2022-04-20T10:00:00Z"



def test_a_table_of_evidence_under_contributing_factors_names_no_causes():
    text = ("# Slow db\n\n**Date:** 2024-03-01\n\n## Contributing factors\n\n| Evidence | Source |\n|---|---|\n"
            "| DB CPU at 100% | CloudWatch |\n")
    assert parse(text, "a.md")["contributing_factors"] == []


def test_data_destroyed_is_harm_though_none_was_stolen():
    """'No data was stolen' says a near miss, unless the data was destroyed (restored or not)."""
    text = ("# How an exposed port let someone wipe our cache\n\n*Short version: someone deleted our Redis "
            "database during a migration. No data was stolen.*\n\nWe restored it from the nightly snapshot.\n")
    assert parse(text, "a.md")["near_miss"] is False


def test_a_secret_not_stolen_and_nothing_destroyed_is_a_near_miss():
    text = ("# Token in a public log\n\n**Date:** 2025-02-03\n\nA deploy token was printed in a public CI log. "
            "No data was stolen: the token was revoked within the hour and its use was checked.\n")
    assert parse(text, "a.md")["near_miss"] is True


def timeline(*entries: str, date: str | None = "2024-05-02", heading: str = "Timeline") -> str:
    """A small postmortem: a title, a Date field (unless None) and one section of entries."""
    field = f"**Date:** {date}\n\n" if date else ""
    return f"# Incident\n\n{field}## {heading}\n\n" + "".join(f"- {e}\n" for e in entries)


# (what a rule must not over-read, the entries, the field, what it must be)
TIMELINES = [
    ("a release candidate is not the release a report names",
     ("2024-02-20 10:00 we release lib 2.0.0-rc.1", "2024-03-01 09:00 we release lib 2.0.0",
      "2024-03-01 12:00 a user reports lib 2.0.0 being broken"), "started_at", "2024-03-01T09:00:00Z"),
    ("a system reporting a bad state is no one reporting it",
     ("10:00 change merged to make kubelet report NotReady when CNI is missing",
      "12:00 a customer reports that new clusters hang"), "detected_at", "2024-05-02T12:00:00Z"),
    ("an unnoticed change is not the detection",
     ("10:00 the export job starts failing, but nobody noticed", "12:00 alert fires for the export backlog"),
     "detected_at", "2024-05-02T12:00:00Z"),
    ("a denial in another clause does not deny the detection",
     ("10:00 exports start failing", "10:12 A customer, not our alerting, noticed the failures first."),
     "detected_at", "2024-05-02T10:12:00Z"),
    ("a customer reporting NotReady nodes is a report",
     ("10:00 nodes start failing", "10:05 A customer reports NotReady nodes in their cluster.",
      "10:20 Escalated to on-call."), "detected_at", "2024-05-02T10:05:00Z"),
    ("harm told after the release starts the incident",
     ("14:00 Released v2.3.0", "16:00 the export job starts failing for all customers",
      "16:20 A customer reports that exports are broken in v2.3.0"), "started_at", "2024-05-02T16:00:00Z"),
    ("release notes are no release", ("10:00 SSO logins fail", "10:05 Alert fires",
                                      "10:40 Updated the release notes for 3.4.0"), "mitigated_at", None),
    ("a halted release is no release", ("10:00 SSO logins fail", "10:05 Alert fires",
                                        "10:40 Halted release of 5.2.1 to the stable channel"), "mitigated_at", None),
    ("an advisory is no release", ("10:00 SSO logins fail", "10:05 Alert fires",
                                   "10:40 Published advisory about 2.4.1"), "mitigated_at", None),
    ("a hotfix shipped to a version's users is no release of it",
     ("10:00 SSO logins fail", "10:05 Alert fires", "10:40 Shipped hotfix to 1.2.3 users"), "mitigated_at", None),
    ("a recovery the day before does not hide the start",
     ("2024-05-01 18:00 The replica was restored from backup and serves reads again.",
      "2024-05-02 09:05 Reads from the replica start timing out.", "09:12 Alert fires; on-call paged."),
     "started_at", "2024-05-02T09:05:00Z"),
    ("one customer eased while others still suffer is no mitigation",
     ("09:00 Exports fail", "09:05 Alert fires",
      "09:40 One enterprise customer unblocked with a manual export; everyone else still affected.",
      "11:15 Exports restored for everyone."), "mitigated_at", "2024-05-02T11:15:00Z"),
    ("a fix verified locally resolves nothing",
     ("09:00 Login errors", "09:05 Alert fires", "10:30 Rolled back; errors stop.",
      "11:00 Verified fix locally; preparing a patch."), "resolved_at", "2024-05-02T10:30:00Z"),
    ("closing the follow-up items is not closing the incident",
     ("10:00 Login errors", "10:05 Alert fires", "10:40 Rolled back; errors stop.", "11:30 Fully restored; resolved.",
      "2024-05-09 16:00 Published the analysis and closed the remaining follow-up items."),
     "resolved_at", "2024-05-02T11:30:00Z"),
    ("closing the incident and filing follow-ups closes it",
     ("10:00 Login errors", "10:05 Alert fires", "10:40 Rolled back; errors stop.", "11:30 Incident closed; follow-ups filed"),
     "resolved_at", "2024-05-02T11:30:00Z"),
    ("a feature flag turned up is no detection",
     ("09:00 Ana turns the new-pricing flag up to 50%", "09:42 checkout error rate climbs", "09:50 pager alert fires"),
     "detected_at", "2024-05-02T09:50:00Z"),
    ("a roll-back proposed is no mitigation", ("13:00 errors start", "13:04 alert fires",
                                               "13:10 on-call proposes to roll back the deploy; the IC decides against it"),
     "mitigated_at", None),
    ("a revert decided against is no mitigation", ("13:00 errors start", "13:04 alert fires",
                                                   "13:10 we decided not to revert the migration"), "mitigated_at", None),
    ("a revert asked about is no mitigation", ("13:00 errors start", "13:04 alert fires",
                                               "13:10 Should we revert 2.14.0? A forward fix is safer"), "mitigated_at", None),
    ("a roll-back tried and failed is no mitigation",
     ("13:00 errors start", "13:04 alert fires", "13:10 on-call tried to roll back the deploy, but the image was gone"),
     "mitigated_at", None),
    ("a job that reverts a fix is no mitigation",
     ("13:00 errors start", "13:04 alert fires", "13:10 the hourly Puppet run reverts the manual fix; handshakes fail again"),
     "mitigated_at", None),
    ("an alert named for a failure is a detection",
     ("02:00 backup job fails", '02:07 Alert "Backup failed" on db-primary.'), "detected_at", "2024-05-02T02:07:00Z"),
    ("failures in the next clause do not silence the alert",
     ("14:00 errors start", "14:03 Latency alert fires; failed requests climb to 30%."), "detected_at",
     "2024-05-02T14:03:00Z"),
    ("'not long after' does not silence the alarm",
     ("09:00 backlog grows", "09:06 Alarm fires not long after the backlog passes 10,000 messages."), "detected_at",
     "2024-05-02T09:06:00Z"),
    ("a remediation plan reviewed is no mitigation",
     ("13:00 errors start", "13:04 alert fires", "13:10 remediation plan written up; review done by the storage lead"),
     "mitigated_at", None),
]


@pytest.mark.parametrize("entries, field, want", [case[1:] for case in TIMELINES], ids=[case[0] for case in TIMELINES])
def test_a_timeline_entry_is_not_over_read(entries, field, want):
    assert parse(timeline(*entries), "a.md")[field] == want


def test_a_recovery_told_first_is_not_the_start():
    text = timeline("10:30 UTC: everything is working again", "12:00 UTC: one mirror is still unavailable now and then",
                    heading="Updates")
    assert parse(text, "a.md")["started_at"] is None


def test_a_feature_flag_turned_up_leaves_the_start_to_the_harm():
    text = timeline("09:00 Ana turns the new-pricing flag up to 50%", "09:42 checkout error rate climbs",
                    "09:50 pager alert fires")
    assert parse(text, "a.md")["started_at"] == "2024-05-02T09:42:00Z"


def test_a_line_of_prose_opening_with_follow_up_is_no_action_item():
    text = ("# Disk filled\n\n**Date:** 2024-03-01\n\n## Action items\n\nTracking is left to the team's\n"
            "follow-up process, not opened here.\n\n- [ ] Alert on free disk below 15%\n")
    assert [a["text"] for a in parse(text, "a.md")["action_items"]] == ["Alert on free disk below 15%"]


def test_a_finding_about_the_harm_is_no_cause():
    for sentence in ("After investigation, we determined that no customer data was lost.",
                     "Analysis showed that about 3% of search requests took longer than five seconds."):
        text = f"# Slow search\n\n**Date:** 2024-05-02\n\n## Summary\n\nSearch was slow. {sentence}\n"
        assert parse(text, "a.md")["contributing_factors"] == [], sentence


def test_a_suspicion_that_turned_out_wrong_is_no_cause():
    text = timeline("10:00 Site down", "10:20 We suspected DNS, but that turned out to be wrong.")
    assert parse(text, "a.md")["contributing_factors"] == []


def test_an_overlapping_window_of_other_work_does_not_extend_the_impact():
    text = timeline("Checkout was unavailable from 14:00 to 14:30 UTC.",
                    "Support worked through the ticket backlog between 14:20 and 18:00 UTC.", heading="Impact")
    assert parse(text, "a.md")["mitigated_at"] == "2024-05-02T14:30:00Z"


def test_a_diagnosis_step_in_the_resolution_is_not_the_mitigation():
    text = (timeline("10:00 Alert fires for the queue backlog") + "\n## Resolution\n\n"
            "- 10:05 Engineers began investigating the consumers\n"
            "- 10:25 Found a consumer stuck on a poisoned message\n- 10:40 Pushed a corrected consumer config\n")
    assert parse(text, "a.md")["mitigated_at"] == "2024-05-02T10:40:00Z"


@pytest.mark.parametrize("section", [
    "## Verification after rollback\n\n- [x] Login success rate back above 99.9%\n- [x] Error budget alerts cleared\n",
    "## Notes\n\n### Runbook steps followed\n\n- [ ] Drain the cache nodes\n- [ ] Remount the volume\n",
    "## Response\n\n### What we went through\n\n- [ ] Drain the cache nodes\n- [ ] Remount the volume\n",
], ids=["verified", "steps-followed", "under-a-named-section"])
def test_a_checklist_of_what_was_done_is_no_follow_up(section):
    text = f"# Login outage\n\n**Date:** 2024-05-02\n\nLogins failed for an hour.\n\n{section}"
    assert parse(text, "a.md")["action_items"] == []


def test_a_change_register_introduced_by_a_line_is_listed_once():
    text = ("# Cache evictions\n\n**Date:** 2024-05-02\n\n## Change register\n\nTo prevent a repeat we will:\n\n"
            "- [ ] Add memory limits to the cache pods\n- [ ] Alert on eviction rate\n")
    assert len(parse(text, "a.md")["action_items"]) == 2


def test_a_double_colon_in_code_names_no_owner():
    text = timeline("[ ] Make Owner::resolve return None for deleted accounts", "[ ] Test Assignee::default",
                    heading="Action items")
    assert [a["owner"] for a in parse(text, "a.md")["action_items"]] == [None, None]


def test_one_field_over_the_first_sections_items_is_not_the_documents():
    text = ("# Search outage on 2024-10-02\n\n## Follow-ups\n\n**Date:** 2024-10-16 (follow-up review meeting)\n\n"
            "- [ ] Add an index alert\n")
    assert parse(text, "a.md")["date"] == "2024-10-02"


def test_a_resolution_told_of_another_incident_in_the_summary_is_not_this_ones():
    text = ("# Checkout errors\n\n**Date:** 2024-04-09\n\n## Summary\n\nA similar checkout incident last month was "
            "resolved at 18:00 UTC after a config rollback.\n\n## Timeline (UTC)\n\n- 14:00 Checkout errors start\n"
            "- 14:05 Alert fires\n- 14:25 Rolled back; errors stop\n")
    assert parse(text, "a.md")["resolved_at"] == "2024-04-09T14:25:00Z"


def test_timed_points_under_numbered_phases_stay_entries():
    text = ("# Queue outage\n\n## Timeline (2024-09-10)\n\n1. Detection\n  - 10:00 UTC consumers stop processing\n"
            "  - 10:06 UTC queue depth alert fires\n2. Mitigation\n  - 10:30 UTC consumers restarted\n")
    got = parse(text, "a.md")
    assert (got["started_at"], got["detected_at"]) == ("2024-09-10T10:00:00Z", "2024-09-10T10:06:00Z")


def test_an_authors_job_title_is_not_the_documents_title():
    text = ("**Author:** Jane Doe\n**Title:** Staff Site Reliability Engineer\n\n## Payment API outage, 2024-03-04\n\n"
            "Payments failed for an hour.\n")
    assert parse(text, "a.md")["title"] == "Payment API outage, 2024-03-04"


def test_a_page_title_beside_a_heading_is_the_sites_name():
    text = "---\npagetitle: Acme Engineering Blog\n---\n\n# Checkout outage on 5 March\n\nCheckout failed.\n"
    assert parse(text, "a.md")["title"] == "Checkout outage on 5 March"


@pytest.mark.parametrize("header, cells, want", [
    ("| Step | Frankfurt | Sydney |", ["| push | 2024-03-05 11:02 | 2024-03-05 21:02 |",
                                       "| rollback | 2024-03-05 11:45 | 2024-03-05 21:45 |"], "2024-03-05T11:02:00Z"),
    ("| Time (UTC) | Event | Est |", ["| 10:02 | errors start | 2024-03-05 09:30 |",
                                     "| 10:45 | rolled back; errors stop | 2024-03-05 11:00 |"], "2024-03-05T10:02:00Z"),
], ids=["region-columns", "estimate-column"])
def test_a_column_named_like_a_zone_is_not_read_in_it(header, cells, want):
    text = ("# Config push broke checkout\n\n**Date:** 2024-03-05\n\nAll times are UTC.\n\n## Timeline\n\n" + header
            + "\n|---|---|---|\n" + "\n".join(cells) + "\n")
    assert parse(text, "a.md")["timeline"][0]["at"] == want


@pytest.mark.parametrize("front, want", [
    ('window: "2024-03-05 22:00 UTC (planned start) -> 2024-03-06 00:00 UTC (planned end)"', "2024-03-06T00:20:00Z"),
    ('incident_window: "2024-03-06 00:05 UTC (declared) -> 2024-03-06 02:00 UTC (closed)"', "2024-03-06T00:20:00Z"),
], ids=["a-maintenance-window", "a-window-beside-the-body's-range"])
def test_a_front_matter_window_yields_to_the_body(front, want):
    text = (f"---\ntitle: Upgrade overran\ndate: 2024-03-06\n{front}\n---\n\n## Impact\n\n"
            "- Checkout was down from 00:20 to 01:15 UTC.\n")
    assert parse(text, "a.md")["started_at"] == want


@pytest.mark.parametrize("sentence", [
    "Bei der Prüfung haben wir kein Problem im Rechenzentrum festgestellt.",
    "Am Morgen hat ein Kunde ein Problem im Bestellvorgang festgestellt und den Support informiert.",
    "Der Rollout wurde durch den Bereitschaftsdienst unterbrochen.",
], ids=["no-problem-found", "a-customer-found-it", "stopped-by-on-call"])
def test_a_german_sentence_that_names_no_cause_leaves_the_real_one(sentence):
    text = f"# Störung\n\n**Datum:** 2024-03-05\n\n{sentence} Die Ursache war ein abgelaufenes Zertifikat.\n"
    assert parse(text, "a.md")["contributing_factors"] == ["Die Ursache war ein abgelaufenes Zertifikat."]


def test_an_attackers_deed_is_harm_though_one_path_stayed_clean():
    """'No evidence of unauthorized access' to one system is no near miss when the same
    opening says what the attacker did through another."""
    text = ("# Lessons from a security incident\n\n**Date:** 2026-03-02\n\nOn March 2 we discovered that someone had "
            "been creating unauthorized admin accounts through our signup API. Our SSH audit found no evidence of "
            "unauthorized access to the server itself.\n")
    assert parse(text, "a.md")["near_miss"] is False


def test_what_an_attacker_could_do_is_no_harm():
    text = ("# Signup flaw\n\n**Date:** 2026-03-02\n\nA flaw let an attacker create admin accounts. We found no "
            "evidence of unauthorized access: an attacker could have created accounts, but none were.\n")
    assert parse(text, "a.md")["near_miss"] is True


def test_no_evidence_that_anyone_gained_access_is_no_harm():
    text = ("# Leaked deploy key\n\n**Date:** 2026-03-02\n\nA deploy key was committed to a public repository. "
            "It was not exploited: we found no evidence that anyone gained unauthorized access to the servers.\n")
    assert parse(text, "a.md")["near_miss"] is True


def test_what_attackers_did_to_a_supplier_is_not_our_harm():
    text = ("# Compromised CI action\n\n**Date:** 2025-03-15\n\nThe attackers modified a third-party action's code "
            "to dump CI secrets. Our workflows were not affected: no secrets were leaked.\n")
    assert parse(text, "a.md")["near_miss"] is True


LEAKED_KEY = ("# Leaked deploy key\n\n**Date:** 2026-03-02\n\n## Summary\n\nA deploy key was committed to a public "
              "repository. The key was not exploited. {}\n")


@pytest.mark.parametrize("sentence", [
    "We found no evidence that the attacker gained unauthorized access to our servers.",
    "Nobody gained unauthorized access.",
    "The firewall prevented the attacker from gaining unauthorized access.",
    "We revoked the key before anyone gained unauthorized access.",
    "There is no evidence that anyone has ever gained unauthorized access.",
    "The bug allowed granting unauthorized privileges to any member.",
])
def test_unauthorized_access_denied_or_possible_is_no_harm(sentence):
    """A review's probes: access denied, prevented, hedged or merely allowed in its own
    clause leaves a key that was not exploited a near miss."""
    assert parse(LEAKED_KEY.format(sentence), "a.md")["near_miss"] is True


@pytest.mark.parametrize("title, sentence", [
    ("Bad proxy config caught in staging", "The staging deploys failed for an hour and were fixed."),
    ("Bad proxy config", "The pipeline halted itself before the first production wave."),
    ("Bad proxy config", "Not a single customer connection was refused: only the canary saw it."),
    ("Bad proxy config", "We froze releases, so nothing customer-facing was touched."),
])
def test_harm_stopped_short_of_the_users_is_a_near_miss(title, sentence):
    text = f"# {title}\n\n**Date:** 2026-03-02\n\n## Summary\n\nA template change set TLS 1.3 as the minimum. {sentence}\n"
    assert parse(text, "a.md")["near_miss"] is True


@pytest.mark.parametrize("sentence", [
    "It was caught in staging for one region, but checkout was down for 40 minutes in the other.",
    "The canary halted before production; by then the old fleet had already failed for 20 minutes.",
    # harm inside the company, whatever customers saw
    "Severity: SEV-2 (financial, no customer impact). Excess spend: $58,940 over the weekend.",
    "Revenue on the dashboard was overstated by 6-9% per day. Nothing customer-facing was affected.",
    "The job counted a share of EU orders twice for four days; no customer impact.",
])
def test_harm_stopped_in_one_place_but_done_in_another_is_no_near_miss(sentence):
    assert _near_miss_said(sentence) is False


def _near_miss_said(summary: str) -> bool:
    """Whether a short review whose summary is ``summary`` reads as a near miss."""
    return parse(f"# Bad proxy config\n\n**Date:** 2026-03-02\n\n## Summary\n\n{summary}\n", "a.md")["near_miss"]


def test_a_hedged_outage_is_harm():
    text = LEAKED_KEY.format("While we deployed the fix, the API may have been unavailable for about 5 minutes.")
    assert parse(text, "a.md")["near_miss"] is False


@pytest.mark.parametrize("heading", ["問題点と対策", "問題点と改善策", "問題点・対策"])
def test_problems_and_measures_are_follow_ups_not_causes(heading):
    text = (f"# 障害報告書\n\n**発生日**: 2024-03-05\n\n## 原因\n\n証明書の期限切れ。\n\n## {heading}\n\n"
            "- 証明書の期限監視を追加する\n- 更新手順を自動化する\n")
    r = parse(text, "a.md")
    assert (len(r["contributing_factors"]), len(r["action_items"])) == (1, 2)


def test_a_cjk_date_range_is_two_dates_not_three():
    text = "# Sync outage\n\n**Date:** 2024年7月24日 - 2024年7月26日\n\nOn July 25, the sync service failed.\n"
    assert parse(text, "a.md")["date"] == "2024-07-24"


@pytest.mark.parametrize("entries", [
    ("12月31日 23:50 デプロイ開始", "1月1日 00:10 エラー率上昇を検知", "1月1日 00:40 復旧"),
    ("Dec 31 23:50 deploy starts", "Jan 1 00:10 error rate alert fires", "Jan 1 00:40 service recovered"),
])
def test_a_date_without_a_year_after_new_years_eve_is_next_years(entries):
    r = parse(timeline(*entries, date="2023-12-31"), "a.md")
    assert [e["at"] for e in r["timeline"]] == ["2023-12-31T23:50:00Z", "2024-01-01T00:10:00Z", "2024-01-01T00:40:00Z"]


def test_a_recovery_field_without_a_year_follows_the_start():
    text = ("# 年越し障害\n\n**発生日時**: 2023年12月31日 23時50分 JST\n**復旧日時**: 1月1日 0時40分 JST\n\n"
            "## 原因\n\n設定ミス。\n")
    r = parse(text, "a.md")
    assert (r["started_at"], r["resolved_at"]) == ("2023-12-31T14:50:00Z", "2023-12-31T15:40:00Z")


def test_a_bracketed_word_that_is_no_weekday_is_not_skipped():
    from loaders import timeparse
    assert not timeparse.read_stamp("2024-07-24 (Monthly) 12.30 report").has_time


def test_a_ticket_cell_saying_none_yet_with_a_stop_holds_no_ticket():
    text = ("# Release day\n\n**Date:** 2024-02-14\n\n## Action items\n\n| Bug | Description |\n|---|---|\n"
            "| None yet. | Hooks can delay merges |\n")
    assert parse(text, "a.md")["action_items"][0]["ticket"] is None


@pytest.mark.parametrize("cell,want", [("Not yet done", "open"), ("not completed", "open"), ("Never fixed", "open"),
                                       ("Done", "done"), ("Done (not merged yet)", "done")])
def test_a_status_word_denied_is_open(cell, want):
    text = ("# Cache outage\n\n**Date:** 2024-03-01\n\n## Action items\n\n| Action | Owner | Status |\n|---|---|---|\n"
            f"| Add an alert on eviction rate | @kim | {cell} |\n")
    assert parse(text, "a.md")["action_items"][0]["status"] == want


@pytest.mark.parametrize("header,cell,want", [("Done?", "Yes", "done"), ("Done?", "No", "open"),
                                              ("Completed", "yes", "done"), ("Status", "Yes", "open")])
def test_a_done_question_column_answered_yes_is_done(header, cell, want):
    text = ("# Cache outage\n\n**Date:** 2024-03-01\n\n## Action items\n\n"
            f"| Action | Owner | {header} |\n|---|---|---|\n| Add an alert on eviction rate | @kim | {cell} |\n")
    assert parse(text, "a.md")["action_items"][0]["status"] == want


@pytest.mark.parametrize("entries, want", [
    (("20시 52분 KST 결제 오류 발생", "21시 05분 KST 모니터링 알림으로 장애 인지"), ["2024-05-02T11:52:00Z", "2024-05-02T12:05:00Z"]),
    (("9時5分 JST エラー発生", "9時40分 JST 復旧"), ["2024-05-02T00:05:00Z", "2024-05-02T00:40:00Z"]),
    (("21時30分30秒 JST エラー発生",), ["2024-05-02T12:30:30Z"]),
])
def test_japanese_and_korean_clocks_in_their_own_signs(entries, want):
    """A review's probes: one-digit minutes, seconds, and Korean's usual space."""
    assert [e["at"] for e in parse(timeline(*entries), "a.md")["timeline"]] == want


def test_an_hours_sign_alone_is_a_duration_not_a_clock():
    from loaders import timeparse
    assert timeparse.read_stamp("2時間後に復旧") is None and timeparse.read_stamp("3시간 동안 장애") is None


def test_a_stated_cause_wins_over_an_untimed_storys_first_due_to():
    text = ("# Search outage, 2024-03-06\n\n## Timeline\n\nOn Tuesday we started copying the old index.\n\n"
            "The copy was paused overnight due to the weekly maintenance window.\n\n## What we learned\n\n"
            "The outage was caused by the alias switch pointing at the new index before its copy had finished.\n")
    assert parse(text, "a.md")["contributing_factors"][0].startswith("The outage was caused by the alias switch")


def test_steps_that_found_what_caused_the_errors_are_not_the_causes():
    text = ("# Checkout errors on 2024-04-02\n\nHere is how we tracked down what caused the errors:\n\n"
            "1. Compared error rates per region\n2. Replayed the failing requests\n\n"
            "The replay showed that the Redis client dropped connections after a failover because its retry "
            "setting defaulted to zero.\n")
    causes = parse(text, "a.md")["contributing_factors"]
    assert not any(c.startswith(("Compared", "Replayed")) for c in causes), causes


@pytest.mark.parametrize("said", [
    "Secret scanning saved us from a potential security breach of customer data.",
    "We have had no reports of customers impacted on their invoices.",
])
def test_a_spared_part_does_not_make_harm_done_a_near_miss(said):
    text = ("# Leaked cloud key, 2024-06-01\n\n## Summary\n\nA cloud key leaked in a public commit and was used within "
            f"four minutes to start 40 mining instances, costing $3,900. {said}\n")
    assert parse(text, "a.md")["near_miss"] is False


def test_a_file_name_dates_a_post_by_its_day_unless_its_opening_says_the_incident_lies_back():
    text = ("---\ntitle: DB failover\nauthor: ops\ntags: [db]\n---\n\nThe primary failed over to a lagging replica.\n\n"
            "## Timeline\n\n- 2024-02-27 10:00 UTC: replica lag alert acknowledged\n"
            "- 2024-03-05 14:00 UTC: primary fails over; writes are lost\n")
    assert parse(text, "2024-03-05-db-failover.md")["date"] == "2024-03-05"


def test_many_articles_before_a_heading_are_stripped_once():
    """(each was stripped by a call of its own once: 450 of them passed Python's recursion
    limit and the document was thrown away)"""
    from loaders.postmortem.vocabulary import section_kind

    text = "# T\n\n## " + "la " * 2000 + "timeline\n\n- 2024-01-01 10:00 UTC: it broke\n"
    assert parse(text, "a.md")["title"] == "T"
    assert section_kind("la " * 2000 + "timeline") is None


# Reviewer probes of the twenty-seventh session's rules (a recovery before anyone knew,
# "back to 100%", "problem is identified", "Documentation ..." headings, a region
# misspelt over a zone word, a title date months before its timeline)

def _timeline(title, *entries, before="", after=""):
    """A postmortem: its title, what comes before the timeline, the UTC timeline's
    bullets, what comes after."""
    return f"# {title}\n\n{before}## Timeline (UTC)\n\n" + "".join(f"- {e}\n" for e in entries) + after


def test_a_lead_up_that_recovered_is_no_recovery_before_the_detection():
    text = _timeline('2024-05-14: order-service latency after database maintenance',
                     '08:50 Scheduled maintenance on the primary database begins; replicas serve reads',
                     '09:05 Maintenance finished; primary recovered and replication back to normal',
                     '09:40 PagerDuty alert: order-service p99 latency above 2s',
                     '09:55 On-call finds the connection pool still sized for maintenance mode',
                     '10:10 Pool config reverted; latency returns to normal',
                     after='\n## Action items\n\n- [ ] Add a post-maintenance checklist step to restore pool sizes\n')
    got = parse(text, "a.md")
    assert (got["detected_at"], got["mitigated_at"]) == ("2024-05-14T09:40:00Z", "2024-05-14T10:10:00Z")


def test_a_detection_that_tells_of_harm_going_on_keeps_the_recovery_after_it():
    text = _timeline('2024-08-19: checkout failures during flash sale',
                     '10:00 Flash sale starts; checkout error rate spikes to 8%',
                     '10:05 Autoscaler adds capacity; checkout recovers',
                     '10:30 Customers report checkout is failing; support escalates to on-call',
                     '10:52 Payment DB connection limit raised; checkouts succeed again')
    assert parse(text, "a.md")["mitigated_at"] == "2024-08-19T10:52:00Z"


def test_a_dependency_that_recovered_before_our_harm_was_found_did_not_end_it():
    text = _timeline('2024-07-08: stale prices on product pages',
                     '11:00 Upstream pricing feed provider has an outage',
                     '11:20 Pricing feed recovered; provider posts all-clear',
                     '11:21 Our importer keeps the cached feed from 11:00 because its retry gave up',
                     '13:05 Customer support reports a customer charged an outdated price',
                     '13:30 Importer restarted and cache refreshed',
                     before='## Background\n\n')
    assert parse(text, "a.md")["mitigated_at"] != "2024-07-08T11:20:00Z"


def test_a_failure_rate_back_to_100_percent_is_no_recovery():
    text = _timeline('2024-08-01: API outage',
                     '10:00 Memory on api-3 climbs steadily',
                     '10:20 Health checks failing on api-3; load balancer removes it',
                     '10:25 api-3 restarted by the orchestrator, health checks passing again',
                     '10:40 Health check failure rate back to 100% across the pool',
                     '10:42 Alert fires: API availability below 50%',
                     '11:05 Memory leak traced to the new JSON encoder; v5.2 rolled back')
    assert parse(text, "a.md")["mitigated_at"] == "2024-08-01T11:05:00Z"


def test_a_problem_identified_as_a_cause_is_no_detection():
    text = _timeline('2024-09-03: password-reset emails delayed',
                     '09:10 Notifier v3.8 deploys (switches the SMTP client library)',
                     '09:40 Password-reset emails stop going out',
                     '10:15 Priya looks at the notifier dashboards and sees the queue growing',
                     '11:30 Problem is identified: TLS handshakes to the relay time out in the new client',
                     '11:45 Notifier rolled back to v3.7; queue drains')
    assert parse(text, "a.md")["detected_at"] != "2024-09-03T11:30:00Z"


_REDIS = ("2024-03-14: Redis failover left sessions stale", "10:02 Redis primary fails over",
          "10:09 Alert fires: login error rate above 5%", "10:30 Session service restarted; logins recover")


@pytest.mark.parametrize("probe", [
    _timeline(*_REDIS, after="\n## Action items\n\n### Reliability\n\n"
              "- [ ] Make the session client follow Redis failovers (OPS-311)\n\n### Documentation updates\n\n"
              "- [Redis failover runbook](https://wiki.example.com/runbooks/redis-failover) (revised 2024-03-15)\n"
              "- [Session service architecture](https://wiki.example.com/arch/sessions)\n"),
    _timeline(*_REDIS, after="\n## Action items\n\n| Action | Owner | Ticket |\n|---|---|---|\n"
              "| Make the session client follow Redis failovers | sam | OPS-311 |\n\n### Documentation work\n\n"
              "- Redis vendor docs on failover: https://redis.io/docs/management/sentinel/\n"
              "- Our runbook: https://wiki.example.com/runbooks/redis-failover\n")])
def test_documentation_updates_or_work_listing_links_are_no_action_items(probe):
    assert len(parse(probe, "a.md")["action_items"]) == 1


def test_a_follow_up_that_names_the_old_day_keeps_it():
    text = ('# Follow-up to the 2023-02-14 outage: remediation retrospective\n'
            '\n'
            'The 2023-02-14 outage took checkout down for 40 minutes. This document reviews how the\n'
            'remediation went.\n'
            '\n'
            '## Timeline\n'
            '\n'
            '- 2023-05-02 10:00 Remediation kickoff; five action items agreed\n'
            '- 2023-05-16 14:00 Connection-pool limits rolled out to all services\n'
            '- 2023-06-01 09:00 Failover drill passes\n'
            '\n'
            '## Action items\n'
            '\n'
            '- [ ] Close the remaining runbook ticket\n')
    assert parse(text, "a.md")["date"] == "2023-02-14"


@pytest.mark.parametrize("probe, detected", [(('# 2024-03-12: Sydney checkout errors\n'
            '\n'
            'All times are AEST/Eastern.\n'
            '\n'
            '## Timeline\n'
            '\n'
            '- 09:02 Deploy of payments v4.1 starts\n'
            '- 09:14 Alert fires: checkout 5xx above 2%\n'
            '- 09:31 Rolled back to v4.0; errors back to baseline\n'
            '\n'
            '## Action items\n'
            '\n'
            '- Add a canary stage for payments\n'), "2024-03-11T23:14:00Z"),
                                             (('# 2024-03-12: Frankfurt API latency\n'
            '\n'
            'All times in CET/Central European Time.\n'
            '\n'
            '## Timeline\n'
            '\n'
            '- 09:02 Deploy of gateway v7 starts\n'
            '- 09:14 Alert fires: p99 latency above 3s\n'
            '- 09:31 Rolled back to v6; latency back to normal\n'
            '\n'
            '## Action items\n'
            '\n'
            '- Load-test gateway releases\n'), "2024-03-12T08:14:00Z")])
def test_a_zone_abbreviation_over_a_zone_word_is_not_read_as_us_time(probe, detected):
    assert parse(probe, "a.md")["detected_at"] == detected


# Reviewer probes of the session's second rules (a harm named as ended, reference-style
# links, 'Time to recovery', the last all-is-well entry as the close)

@pytest.mark.parametrize("aside, mitigated", [
    ("Purged the cache in an attempt to end the outage; no effect", "2024-07-15T07:55:00Z"),
    ("Team decides to roll back, which we expect to bring the outage to an end", "2024-07-15T07:55:00Z"),
    ("Restarting the nodes did not end the outage", "2024-07-15T07:55:00Z")])
def test_an_aim_a_forecast_or_a_denial_of_ending_the_outage_is_no_mitigation(aside, mitigated):
    text = _timeline("Postmortem: CDN cache poisoning", "07:10 Users begin seeing stale pages.",
                     "07:15 Alert fired for cache hit anomalies.", f"07:30 {aside}.",
                     "07:55 Disabled the faulty edge rule; fresh pages served again.", "08:20 Incident resolved.",
                     before="**Date:** 2024-07-15\n\n")
    assert parse(text, "a.md")["mitigated_at"] == mitigated


def test_a_link_definition_inside_fenced_code_gives_no_ticket():
    text = _timeline("Incident review: login failures", "08:00 SSO certificate expires; logins start failing.",
                     "08:12 Support reports login failures.", "08:30 New certificate uploaded; logins recover.",
                     before="**Date:** 2024-02-20\n\n## Action items\n\nUse the template below for each item:\n\n"
                            "```\n- <what> ([ticket][label])\n\n[label]: https://jira.acme.io/browse/XXX-0\n```\n\n"
                            "- Rotate the SSO signing key on a schedule ([ticket][label])\n"
                            "- Add an alert on SAML assertion failures\n\n")
    assert [a["ticket"] for a in parse(text, "a.md")["action_items"]] == [None, None]


def test_a_recovery_of_all_but_one_region_is_not_the_close():
    text = _timeline("Postmortem: Multi-region API errors", "06:00 Bad config pushed; API errors in all regions.",
                     "06:05 Alert fired for API 5xx.", "06:20 Config reverted in us-east; errors dropping there.",
                     "06:35 Reverted in all but ap-south; errors there persist.",
                     "07:15 ap-south reverted; errors back to baseline everywhere.",
                     before="**Date:** 2024-04-17\n\n")
    assert parse(text, "a.md")["resolved_at"] == "2024-04-17T07:15:00Z"


@pytest.mark.parametrize("field", ["- Time to recovery (TTR): 2h 15m",
                                   "- Time to recovery: 2h 15m (service fully recovered, backlog reprocessed)"])
def test_a_time_to_recovery_the_team_calls_ttr_or_full_times_the_close(field):
    text = _timeline("Incident report: Cart service outage", "18:00 Cart service starts returning 503.",
                     "18:04 Alert fired.", "18:20 Traffic shifted to the standby region; checkout working again.",
                     "20:15 Traffic moved back to the primary region.",
                     before=f"## Metrics\n\n- Incident start: 2024-06-02 18:00 UTC\n- Time to detection: 4 minutes\n"
                            f"{field}\n\n")
    got = parse(text, "a.md")
    assert (got["mitigated_at"], got["resolved_at"]) == ("2024-06-02T18:20:00Z", "2024-06-02T20:15:00Z")


@pytest.mark.parametrize("entry, detected", [
    # finding the cause is a diagnosis, not the detection: the alert before it is
    ("09:40 Alert fired: build failure rate above 20%.", "2024-03-02T09:40:00Z"),
    # failures someone identified, a response initiated: when the organisation knew
    ("09:40 Build failures identified by the release team, response initiated.", "2024-03-02T09:40:00Z"),
])
def test_the_detection_is_who_knew_not_who_found_the_cause(entry, detected):
    text = _timeline("Postmortem: image builds failing", "09:00 Base image tag deleted upstream; builds fail.",
                     entry, "09:55 Identified cause of failures: the pinned tag no longer exists.",
                     "10:05 Builds pinned to the digest; builds pass.", before="**Date:** 2024-03-02\n\n")
    assert parse(text, "a.md")["detected_at"] == detected


@pytest.mark.parametrize("label, value", [("State Magazine", "wp-content/uploads/cache.php"),
                                          ("Status updates (even the failed ones)", "Open <https://example.com/pr/3>"),
                                          ("Severity", "see the severity guide")])
def test_a_label_over_sub_items_that_are_no_value_of_it_is_no_field(label, value):
    text = _timeline("Postmortem: spam links on two sites", "08:00 Spam links found in page markup.",
                     before=f"## Findings\n\n- {label}:\n  - {value}\n  - another entry\n\n")
    got = parse(text, "a.md")
    assert (got["status"], got["severity"]) == (None, None)


def test_a_list_of_years_is_no_run_of_clocks():
    text = ("# Service history and the 2024 outage\n\n**Date:** 2024-06-11\n\n## Timeline\n\n"
            "- 2004 Service launched on a single host\n- 2010 Moved to the shared cluster\n"
            "- 2019 Rewritten as three services\n- 2024 Storage migration, the subject of this review\n")
    assert [e["at"] for e in parse(text, "a.md")["timeline"]] == [None, None, None, None]


def test_a_date_column_whose_year_ends_it_gives_no_clock():
    text = ("# Node crash\n\n## Timeline\n\n| Step | Time | Note |\n|---|---|---|\n"
            "| Found | November 25 2024 13:39 UTC | Issue reported |\n| Fixed | November 25 2024 | Release out |\n")
    assert [e["at"] for e in parse(text, "a.md")["timeline"]] == ["2024-11-25T13:39:00Z", "2024-11-25T00:00:00Z"]


@pytest.mark.parametrize("item", ["Make sure the cut-over is done", "Confirm restores work — not done yet",
                                  "Verify backups restore, done weekly by the on-call"])
def test_done_inside_a_sentence_is_no_status(item):
    text = f"# Outage review\n\n**Date:** 2024-04-02\n\n## Action items\n\n- {item}\n"
    assert [a["status"] for a in parse(text, "a.md")["action_items"]] == ["open"]


@pytest.mark.parametrize("item", ["Rotate the deploy keys (Optional)", "Process checklist for releases (Now Enforced)",
                                  "Add a canary stage — Monitoring, SRE-12", "Move the cron to UTC (Jun)",
                                  "Cap the batch size (API)", "Stop retrying on 4xx — P1, done"])
def test_words_in_closing_brackets_or_after_a_dash_that_name_nobody_are_no_owner(item):
    text = f"# Outage review\n\n**Date:** 2024-04-02\n\n## Action items\n\n- {item}\n"
    assert [a["owner"] for a in parse(text, "a.md")["action_items"]] == [None]


def test_a_slashed_day_whose_order_is_open_is_no_due_date():
    text = "# Outage review\n\n**Date:** 2024-04-02\n\n## Action items\n\n- Add a queue-age alert, due 7/6\n"
    assert [a["due"] for a in parse(text, "a.md")["action_items"]] == [None]


def test_a_level_rated_for_something_else_is_no_severity():
    text = ("# Checkout errors\n\n**Date:** 2024-07-16\n\n## Summary\n\nCheckout failed for ten minutes.\n\n"
            "## Action items\n\n- [ ] Page on alerts rated P2 or above\n- [ ] Make incidents classified as P1 page twice\n")
    assert parse(text, "a.md")["severity"] is None


@pytest.mark.parametrize("entry", ["10:00 We plan to switch to our backup provider if errors continue.",
                                   "10:00 Customers are still rejected at checkout; no longer a single region."])
def test_a_plan_or_a_harm_still_going_is_no_recovery(entry):
    text = _timeline("Postmortem: checkout errors", "09:00 Checkout starts failing for EU customers.",
                     "09:10 Alert fired for checkout errors.", entry, before="**Date:** 2024-03-02\n\n")
    assert parse(text, "a.md")["mitigated_at"] is None


@pytest.mark.parametrize("item", ["Add a canary (no owner yet)", "Rotate keys — owner needed", "Retire the cron (Marisol)"])
def test_no_owner_yet_names_nobody_and_a_name_that_opens_like_a_month_is_a_name(item):
    text = f"# Outage review\n\n**Date:** 2024-04-02\n\n## Action items\n\n- {item}\n"
    want = "Marisol" if "Marisol" in item else None
    assert [a["owner"] for a in parse(text, "a.md")["action_items"]] == [want]


@pytest.mark.parametrize("item", ["Migrate the queue — Status: done for EU, pending for US",
                                  "Tune alerts — estado: completada en parte, falta el resto"])
def test_a_status_field_that_states_a_part_is_no_status(item):
    text = f"# Outage review\n\n**Date:** 2024-04-02\n\n## Action items\n\n- {item}\n"
    assert [a["status"] for a in parse(text, "a.md")["action_items"]] == ["open"]


@pytest.mark.parametrize("field, status", [("**Status:** 已修复待验证（未关闭）", "已修复待验证（未关闭）"),
                                           ("**Status:** Resolved; follow-ups tracked below", "Resolved; follow-ups tracked below"),
                                           ("**Status:** CRITICAL (Resolved)", "CRITICAL (Resolved)")])
def test_a_status_note_that_qualifies_it_stays(field, status):
    text = f"# Cache outage\n\n{field}\n\n**Date:** 2024-04-02\n\n## Summary\n\nThe cache was down.\n"
    assert parse(text, "a.md")["status"] == status


def test_a_japanese_near_miss_is_a_near_miss():
    text = "# 障害報告書：依存パッケージの混入（ヒヤリハット）\n\n**発生日**: 2024-09-10\n\n## 概要\n\n実害はありませんでした。\n"
    assert parse(text, "a.md")["near_miss"] is True


def test_a_byline_dates_a_post_whose_opening_names_no_day():
    text = ("# Receipts went missing\n\n*By Mara Ellis — posted March 15, 2024*\n\n"
            "Receipts were delayed for about two hours while a consumer was stuck.\n")
    assert parse(text, "a.md")["date"] == "2024-03-15"


@pytest.mark.parametrize("relief, close", [
    ("14:55 le taux d'erreurs revient à son niveau normal", "16:00 vérification des données et clôture de l'incident"),
    ("14:55 El motor responde con normalidad en todas las ciudades", "16:00 Se reasignan los pedidos y se cierra el incidente"),
    ("14:55 Erfolgsquote wieder bei 99 %", "16:00 Buchungen erneut angeboten, Incident geschlossen"),
    ("14:55 当該端末を隔離（暫定対応完了）", "16:00 再セットアップを確認し、インシデントをクローズ"),
])
def test_relief_and_close_in_other_languages(relief, close):
    text = _timeline("Incident 2024-06-05", "14:00 Payments start failing.", "14:10 Alert fired.", relief, close)
    got = parse(text, "a.md")
    assert (got["mitigated_at"], got["resolved_at"]) == ("2024-06-05T14:55:00Z", "2024-06-05T16:00:00Z")


def test_a_bold_value_under_a_plain_key_is_read():
    text = "# Card declines\n\nPriority: **P1 / Critical**\nReview status: Final\n\n## Summary\n\nDeclines rose on 2024-03-21.\n"
    got = parse(text, "a.md")
    assert (got["severity_level"], got["status"]) == (1, "Final")


_KOREAN = ("# 로그인 장애 보고서\n\n- 날짜: 2024-05-21\n- 문서 상태: 검토 완료\n\n## 타임라인 (UTC)\n\n"
           "| 시각 | 내용 |\n|---|---|\n| 08:40 | 로그인 실패 증가 (장애 시작) |\n| 08:47 | 로그인 실패율 알람 발생 |\n"
           "| 09:58 | 로그인 성공률 정상화 (장애 해소) |\n| 10:30 | 모니터링 후 장애 종료 선언 |\n\n## 후속 조치\n\n"
           "1. 세션 Redis 접근 제한 — 담당: 박서연, 기한: 2024-05-31, 상태: 완료\n"
           "2. 배치 키 TTL 필수화 — 담당: 이도윤, 기한: 2024-06-14, 상태: 진행 중\n")
_FAULT_RECORD = ("# Network incident report NIR-0412\n\n| Field | Value |\n|---|---|\n"
                 "| Fault start | 2024-08-03T02:14:00+03:00 |\n| Fault detected | 2024-08-03T02:19:30+03:00 |\n"
                 "| Service restored | 2024-08-03T04:51:00+03:00 |\n| Fault cleared | 2024-08-03T09:30:00+03:00 |\n\n"
                 "## Corrective and preventive actions\n\n1. Add a second uplink to the site\n2. Alarm on packet loss above 1%\n")


@pytest.mark.parametrize("text, detected, mitigated, resolved", [
    # a Korean timeline's alarm, relief and close
    (_KOREAN, "2024-05-21T08:47:00Z", "2024-05-21T09:58:00Z", "2024-05-21T10:30:00Z"),
    # a network operator's fault record, its stamps in UTC+3
    (_FAULT_RECORD, "2024-08-02T23:19:30Z", "2024-08-03T01:51:00Z", "2024-08-03T06:30:00Z"),
])
def test_times_as_other_records_state_them(text, detected, mitigated, resolved):
    got = parse(text, "a.md")
    assert (got["detected_at"], got["mitigated_at"], got["resolved_at"]) == (detected, mitigated, resolved)


def test_korean_follow_ups_and_corrective_and_preventive_actions():
    korean = parse(_KOREAN, "a.md")
    assert korean["status"] == "검토 완료"
    assert [(a["owner"], a["due"], a["status"]) for a in korean["action_items"]] == [
        ("박서연", "2024-05-31", "done"), ("이도윤", "2024-06-14", "open")]
    assert len(parse(_FAULT_RECORD, "a.md")["action_items"]) == 2


@pytest.mark.parametrize("line, day", [
    ("*By Dana Okafor, Infrastructure Lead — posted November 8, 2024*", "2024-11-08"),
    ("*Acme engineering blog — 24 May 2024 — Rhys Morgan*", "2024-05-24"),
    ("**Posted on:** December 3, 2021", "2021-12-03"),
    ("A bad release was published on 2024-03-02 and broke logins.", None),   # the story, no byline
    ("The fix was written up on 2024-03-05.", None),
])
def test_a_byline_is_a_line_set_apart_as_one(line, day):
    from loaders.postmortem.document import _byline
    got = _byline(line)
    assert (got.isoformat() if got else None) == day


def test_a_severity_field_without_a_level_yields_to_one_with_a_level():
    """'**Classification:** Customer confidential' (a document's handling class) names no
    level; the table's 'Incident priority | P2 (High)' does."""
    text = ("# RCA: portal outage\n\n**Classification:** Customer confidential\n\n## Classification\n\n"
            "| Item | Value |\n|---|---|\n| Incident priority | P2 (High) |\n")
    got = parse(text, "a.md")
    assert got["severity_level"] == 2


def test_a_stage_declared_at_an_entrys_start_is_a_marker():
    """'Mitigated. New events are delivered again' is the stage the team declared: it
    beats the fix deployed minutes before, which only tells of work done."""
    text = ("# Webhook delays\n\n**Date:** 2026-03-02\n\n## Timeline (UTC)\n\n"
            "- 13:00 Queue-age alert fires; on-call paged.\n- 13:31 Fix deployed: the rule is removed.\n"
            "- 13:40 Mitigated. New events are delivered within 5 seconds again.\n"
            "- 15:20 Resolved. The backlog is drained.\n")
    got = parse(text, "a.md")
    assert (got["mitigated_at"], got["resolved_at"]) == ("2026-03-02T13:40:00Z", "2026-03-02T15:20:00Z")


@pytest.mark.parametrize("entry", ["Resolved-address cache flushed on one node.", "Resolvers restarted on two nodes."])
def test_a_word_that_only_begins_like_a_stage_is_none(entry):
    text = ("# Webhook delays\n\n**Date:** 2026-03-02\n\n## Timeline (UTC)\n\n"
            f"- 13:00 Queue-age alert fires; on-call paged.\n- 13:20 {entry}\n")
    assert parse(text, "a.md")["mitigated_at"] is None


@pytest.mark.parametrize("entry, mitigated", [
    ("Poison message skipped by hand; the consumer catches up within a minute.", "2026-03-02T13:20:00Z"),
    ("The replica is still trying to catch up; reads stay on the primary.", None),
])
def test_what_fell_behind_catching_up_is_relief(entry, mitigated):
    text = ("# Price updates stalled\n\n**Date:** 2026-03-02\n\n## Timeline (UTC)\n\n"
            f"- 13:00 Lag alert fires; on-call paged.\n- 13:20 {entry}\n")
    assert parse(text, "a.md")["mitigated_at"] == mitigated


def test_a_todo_in_a_draft_that_leaves_todos_as_placeholders_is_no_action_item():
    """A half-filled template: 'severity: TODO', a line that is only 'TODO'; its 'TODO —
    get numbers from analytics' is a note to the writer. A TODO in a finished document is
    still a labelled item."""
    draft = ("# Stale search alias\n\n**Severity:** TODO\n\n## Impact\n\nTODO — get numbers from analytics.\n\n"
             "## Action items\n\n| Action | Owner |\n|---|---|\n| | |\n")
    done = "# Stale search alias\n\n**Severity:** SEV-3\n\n## Impact\n\nTODO: add an alert on alias age.\n"
    assert parse(draft, "a.md")["action_items"] == []
    assert [a["text"] for a in parse(done, "b.md")["action_items"]] == ["add an alert on alias age."]


@pytest.mark.parametrize("item, status", [
    ("Exponential backoff with jitter — merged and released in 3.8.0", "done"),
    ("Delivery-delay alert at 2 minutes — fixed", "done"),
    ("Per-partner queues — still open", "open"),
    ("Fixed retry counts are a bad idea, so the team will add jitter", "open"),   # not after a dash
    ("Replay UI for partners — closed as won't fix", "wont_do"),
])
def test_a_status_said_in_words_after_the_last_dash(item, status):
    text = f"# Retry storm\n\n**Date:** 2026-03-02\n\n## Follow-ups\n\n- {item}\n"
    assert parse(text, "a.md")["action_items"][0]["status"] == status


def test_targeted_for_a_day_is_a_due_date():
    text = "# Retry storm\n\n**Date:** 2026-03-02\n\n## Follow-ups\n\n- Circuit breaker — open, targeted for 2026-04-29\n"
    assert parse(text, "a.md")["action_items"][0]["due"] == "2026-04-29"


def test_a_part_named_then_its_day_dates_the_entries_under_it():
    """'### Phase 2 — Wednesday 19 January': a part's name, then its day; the entries
    under it fall on that day, not on the first phase's."""
    text = ("# DNS failures (18–19 January 2026)\n\n**Date:** 2026-01-18\n\n## Timeline (UTC)\n\n"
            "### Phase 1 — Sunday 18 January\n\n- 10:02 Config change rolled out\n- 10:21 Alert fires; on-call paged\n"
            "- 10:50 Config rolled back; errors stop\n\n### Phase 2 — Monday 19 January\n\n"
            "- 07:52 Lookups failing cluster-wide\n- 12:00 Incident closed\n")
    assert parse(text, "a.md")["resolved_at"] == "2026-01-19T12:00:00Z"


@pytest.mark.parametrize("line, level", [("2026-04-07, @yuki (oncall). Sev 3. ~35 min.", 3),
                                         ("sev2. all times UTC. author: kpatel", 2),
                                         ("Unlike the SEV1 last year, this one stayed small.", None)])
def test_a_severity_as_a_clause_of_the_line_under_the_title(line, level):
    text = f"# api cert expired — oncall note\n\n{line}\n\n**What:** the TLS cert expired.\n"
    assert parse(text, "a.md")["severity_level"] == level


def test_a_numbered_name_standing_alone_is_a_heading_in_plain_text():
    doc = parse("Outage report\n\n3 TIMELINE\n\n- 09:00 UTC alert fires\n- 09:30 UTC fixed\n", "r.txt")
    assert doc["sections"].get("timeline") == 3 and len(doc["timeline"]) == 2


def test_a_table_of_contents_is_no_run_of_headings():
    text = ("# Report\n\n1. Summary\n2. Timeline\n3. Action items\n\n## Summary\n\nDisk full.\n\n"
            "## Timeline\n\n- 09:00 UTC alert fires\n\n## Action items\n\n- [ ] Add a disk alert\n")
    doc = parse(text, "r.md")
    assert doc["sections"]["timeline"] == 11 and [a["text"] for a in doc["action_items"]] == ["Add a disk alert"]


def test_an_opening_sentence_is_no_title():
    doc = parse("We lost the print server for an hour this morning.\n\n- 09:00 UTC alert fires\n", "r.txt")
    assert doc["title"] is None


def test_a_previous_similar_incidents_times_are_not_this_ones():
    text = ("# Zero fares sold again\n\n## Timeline\n\nAll times UTC, 1 December 2023.\n\n"
            "- 14:41 fare table published, impact begins\n- 15:02 revenue alert fires\n- 15:31 fixed, incident resolved\n\n"
            "## Previous similar incident (April 17, 2023)\n\n- 09:10 fare table published\n- 09:55 rolled back\n")
    doc = parse(text, "r.md")
    assert [e["at"][11:16] for e in doc["timeline"]] == ["14:41", "15:02", "15:31"]


def test_a_notice_and_a_stopped_good_thing_are_no_events():
    text = ("# Feeds stale\n\n## Timeline\n\nAll times UTC, 12 February 2025.\n\n"
            "- 06:40 The bank rotates its CA, as announced. The notice sits unread in a shared inbox.\n"
            "- 09:05 Sync fails with TLS errors; customer feeds stop updating.\n"
            "- 09:21 Synthetic check fails and pages the on-call.\n")
    events = [e["event"] for e in parse(text, "r.md")["timeline"]]
    assert events[0] != "detected" and events[1] != "mitigated" and events[2] == "detected"


def test_a_field_that_dates_the_incident_is_not_overruled_by_a_day_the_story_mentions():
    text = ("# Feeds stale\n\n| | |\n|---|---|\n| **Date of incident** | 12 February 2025 |\n\n"
            "## Leadup\n\nOn 3 February the bank emailed partners about the change.\n\n"
            "## Timeline\n\n- 09:05 UTC sync fails, impact begins\n")
    assert parse(text, "r.md")["date"] == "2025-02-12"


def test_a_day_without_a_year_takes_the_year_written_beside_it():
    text = ("# the upload server meltdown\n\nok so. saturday march 16, gloopjam 2024, the server fell over.\n\n"
            "## what happened\n\n- 3:34pm node gets OOM-killed\n")
    assert parse(text, "r.md")["date"] == "2024-03-16"


def test_a_day_without_a_year_takes_the_one_year_its_weekday_allows():
    text = ("# Translation server outage\n\n**marlies** · Jun 12\n\nOn Tuesday 11 June our server was down. "
            "We talked about point-in-time recovery in 2023 and never set it up.\n")
    assert parse(text, "r.md")["date"] == "2024-06-11"   # (11 June 2023 was a Sunday)


def test_a_day_with_neither_year_nor_weekday_dates_nothing():
    assert parse("# Outage\n\nOn 11 June the server was down. We set this up in 2023.\n", "r.md")["date"] is None


def test_a_zone_stated_in_a_sentence_wrapped_over_two_lines():
    text = ("# Leaked token\n\nThe token was revoked at 12:38. All times in this\nadvisory are Helsinki time.\n\n"
            "## Timeline\n\n- 2024-09-30 12:38 token revoked\n")
    assert parse(text, "r.md")["timeline"][0]["at"] == "2024-09-30T09:38:00Z"


def test_an_issue_forms_fields_and_the_day_its_timeline_states():
    text = ("# Postmortem: broken wheels\n\nissue #2291 · opened by @tamsin on Apr 17, 2024\n\n"
            "### Postmortem status\n\nDraft\n\n### Timeline\n\nAll times UTC, on Tuesday 2024-04-16.\n\n"
            "- 13:05 bad wheel uploaded, impact starts here\n- 19:48 fixed release published, resolved\n")
    doc = parse(text, "r.md")
    assert doc["status"] == "Draft" and doc["timeline"][0]["at"] == "2024-04-16T13:05:00Z"


def test_a_status_label_opening_an_item():
    text = ("# Outage\n\n## What we are doing\n\n- Completed: rules are now tested against replayed traffic.\n"
            "- In progress: pushes will roll out one region at a time.\n- Completed the review of alerts (see below)\n")
    assert [a["status"] for a in parse(text, "r.md")["action_items"]] == ["done", "open", "open"]


def test_an_emails_subject_names_it_when_nothing_else_does():
    text = ("From: Niamh <niamh@example.invalid>\nTo: dev@lists.example.invalid\nDate: Tue, 4 Jun 2024 21:17:03 +0100\n"
            "Subject: Re: Post-mortem: git mirror outage, Sunday 2 June\n\nHi all,\n\nHere it is.\n")
    assert parse(text, "r.txt")["title"] == "Post-mortem: git mirror outage, Sunday 2 June"


def test_data_not_disclosed_is_a_near_miss():
    text = ("# Stolen laptop\n\nThe disk was encrypted. No personal data was disclosed or accessed.\n\n"
            "## Timeline\n\n- 2024-09-12 18:30 laptop stolen\n")
    assert parse(text, "r.md")["near_miss"] is True


def test_owners_named_in_the_ways_teams_write_them():
    text = ("# Outage\n\n## Follow-ups\n\n- [x] Migration fixed — @Tomás Vidal (done Jun 20)\n"
            "- [x] Dead-man ping — @bram (done 2024-02-09)\n\n## Action plan\n\n"
            "| Recommendation | Action owner | Target date | Status |\n|---|---|---|---|\n"
            "| Second approval for bank details | Financial Controller | 2024-11-30 | Implemented |\n")
    assert [a["owner"] for a in parse(text, "r.md")["action_items"]] == ["@Tomás Vidal", "@bram", "Financial Controller"]


def test_times_counted_from_t():
    text = ("# Scheduler stuck\n\nThe change was merged at T. T = 07:20 UTC on 4 September 2024.\n\n## Timeline\n\n"
            "| Offset | Event |\n|---|---|\n| T+0 | Config change merged. |\n| T+14m | Alert fires; on-call paged. |\n"
            "| T+1h25m | Corrected revert applied; mitigated. |\n| T+16h50m | Incident closed. |\n")
    assert [e["at"] for e in parse(text, "r.md")["timeline"]] == [
        "2024-09-04T07:20:00Z", "2024-09-04T07:34:00Z", "2024-09-04T08:45:00Z", "2024-09-05T00:10:00Z"]


def test_a_t_offset_with_no_t_named_is_untimed():
    text = "# Outage\n\n## Timeline\n\n- T+14m alert fires\n- T-shirt order placed\n"
    assert [e["at"] for e in parse(text, "r.md")["timeline"]] in ([], [None], [None, None])


def test_an_on_calls_note_dated_in_its_byline_and_spared_by_meaning():
    text = ("# broker-3 disk almost full\n\nOn-call: Liam · 20 Feb 2024 · times are UTC\n\n"
            "The disk reached 93% before I cleared it; nobody outside the team saw anything.\n\n"
            "## What happened\n\n- 3:05 am — log growth starts\n- 7:15 am — logs deleted, disk back to 41%\n")
    doc = parse(text, "r.md")
    assert doc["date"] == "2024-02-20" and doc["near_miss"] is True


def test_nobody_noticing_for_an_hour_is_no_near_miss():
    text = "# Checkout down\n\nCheckout failed for everyone; nobody noticed the alert for an hour.\n"
    assert parse(text, "r.md")["near_miss"] is False


def test_a_bracketed_owner_before_several_notes_and_a_double_barrelled_name():
    text = ("# Outage\n\n## Remediation\n\n- Page the tools on-call (Arjun Mehta-Rao) — ITOOLS-58 — open\n"
            "- Synthetic check every 5 minutes (Bea Castellano) — ITOOLS-60 — open, due 2024-10-18\n"
            "- Fix the docs (see the wiki) — soon, maybe next quarter\n")
    assert [a["owner"] for a in parse(text, "r.md")["action_items"]] == ["Arjun Mehta-Rao", "Bea Castellano", None]


def test_working_normally_again_is_the_mitigation():
    text = ("# Transfers pending\n\n## Chronology\n\nAll times UTC, 19 February 2025.\n\n"
            "- 15:52 transfers start to stay pending, impact begins\n"
            "- 16:31 rollback; the new transfers are processed normally\n")
    assert parse(text, "r.md")["mitigated_at"] == "2025-02-19T16:31:00Z"


@pytest.mark.parametrize("zone, first, back", [
    ("MEZ", "Die Schnittstelle zum Partner bleibt hängen.", "Neue Meldungen kommen wieder sofort an."),
    ("MEZ", "Die Schnittstelle zum Partner bleibt hängen.", "Rollback auf v5.11 abgeschlossen."),
    ("JST", "認証コードの送信が停止", "認証コードの送信が再開"),
    ("UTC", "Los pagos con tarjeta fallan.", "Los pagos vuelven a funcionar."),
])
def test_recovery_said_as_again_is_the_mitigation(zone, first, back):
    text = (f"# Partner outage\n\n**Date:** 2024-12-03\n\nAll times {zone}.\n\n## Timeline\n\n"
            f"- 18:20 {first}\n- 18:55 {back}\n")
    got = parse(text, "a.md")
    assert got["mitigated_at"] is not None and got["mitigated_at"][11:16] != got["started_at"][11:16]


@pytest.mark.parametrize("back", ["El servicio vuelve a fallar.", "Der Dienst fällt wieder aus.", "O site volta a cair."])
def test_failing_again_is_no_recovery(back):
    text = f"# Partner outage\n\n**Date:** 2024-12-03\n\nAll times UTC.\n\n## Timeline\n\n- 18:20 Errors start.\n- 18:55 {back}\n"
    assert parse(text, "a.md")["timestamp_sources"].get("mitigated_at") != "timeline_mitigation"


@pytest.mark.parametrize("said", [
    "Nenhum cliente foi afetado: o lote foi parado antes.",
    "Ningún pago se vio afectado.",
    "Hiçbir müşteri etkilenmedi.",
    "Không khách hàng nào bị trừ tiền sai.",
    "Kein Kunde war betroffen.",
    "Aucun client n'a été impacté.",
    "Geen klanten zijn geraakt.",
    "Ingen kund påverkades.",
])
def test_no_customer_harmed_in_other_languages_is_a_near_miss(said):
    assert _near_miss_said(said) is True


def test_a_list_inside_a_quote_holds_the_fields():
    text = "# Outage\n\n> - Severity: SEV2\n> - Status: Reviewed\n\n## Summary\n\nIt broke.\n"
    got = parse(text, "a.md")
    assert (got["severity"], got["status"]) == ("SEV2", "Reviewed")


def test_a_list_in_a_quote_inside_a_quote_is_an_earlier_mail_not_a_list():
    text = ("# Outage\n\n**Date:** 2025-01-21\n\n## Action items\n\n- [ ] Rate-limit purges (owner: Hana)\n\n"
            "> Two corrections to v1:\n>\n> > - 10:24 AM – alert pages the on-call.\n> > - 10:15 AM – 25 purges\n")
    assert len(parse(text, "a.md")["action_items"]) == 1


def test_all_timings_are_in_a_zone_states_it():
    text = "# RCA\n\n| Field | Details |\n|---|---|\n| Date of Incident | 19-03-2024 |\n| RCA Status | Approved |\n\n" \
           "## Sequence of Events\n\nAll timings are in IST.\n\n| Time | Event |\n|---|---|\n| 10:47 hrs | Callbacks fail |\n"
    got = parse(text, "a.md")
    assert (got["started_at"], got["status"]) == ("2024-03-19T05:17:00Z", "Approved")


@pytest.mark.parametrize("cell", ["実施しない", "不做", "不处理"])
def test_a_cjk_wont_do_cell_is_wont_do(cell):
    text = f"# 障害\n\n**Date:** 2024-06-12\n\n## Action items\n\n| Action | Status |\n|---|---|\n| 監視を追加 | {cell} |\n"
    assert [a["status"] for a in parse(text, "a.md")["action_items"]] == ["wont_do"]


@pytest.mark.parametrize("zone, back", [
    ("MEZ", "Datenbank wieder beschreibbar, Fehlerquote unter 0,1 %."),
    ("MEZ", "Makler können wieder rechnen."),
    ("CET", "Retour arrière terminé ; les déverrouillages reprennent."),
    ("UTC", "Os Pix novos voltaram a ser creditados em tempo real."),
    ("UTC", "A correção encerrou o impacto para os clientes."),
])
def test_recovery_said_in_other_words_is_the_mitigation(zone, back):
    text = (f"# Partner outage\n\n**Date:** 2024-12-03\n\nAll times {zone}.\n\n## Timeline\n\n"
            f"- 18:20 Errors start.\n- 18:55 {back}\n")
    assert parse(text, "a.md")["timestamp_sources"].get("mitigated_at") == "timeline_mitigation"


@pytest.mark.parametrize("item, owner", [
    ("- [ ] Disk alert at 80% routed to on-call @Sam Delgado INTEG-412 due Mar 28, 2025", "Sam Delgado"),
    ("- [x] Size-based log rotation on both hosts @Sam Delgado (completed Mar 12)", "Sam Delgado"),
    ("- [ ] Page the on-call for empty slots @Renee Okafor", "Renee Okafor"),
])
def test_a_display_name_mention_after_the_task_owns_it(item, owner):
    text = f"# Outage\n\n**Date:** 2025-03-11\n\n## Action items\n\n{item}\n"
    assert parse(text, "a.md")["action_items"][0]["owner"] == owner


def test_bold_four_digit_clocks_open_a_timeline_run():
    text = ("# Scanners offline\n\n**Date:** 2025-03-05\n\n## Timeline (UTC)\n\n"
            "- **0340** Firmware pushed to the controller.\n- **0415** Scanners drop off the network.\n"
            "- **0430** Supervisor calls the service desk.\n- **0625** Scanners stay connected again.\n")
    got = parse(text, "a.md")
    assert [e["at"][11:16] for e in got["timeline"]] == ["03:40", "04:15", "04:30", "06:25"]


def test_dns_resolution_is_a_lookup_not_the_incidents_resolution():
    text = ("# Cluster DNS down\n\n**Date:** 2025-03-04\n\n## Timeline (UTC)\n\n- 12:52 DNS resolution starts failing\n"
            "- 12:55 on-call paged\n- 13:20 CoreDNS rescheduled, DNS resolution back to normal\n- 14:00 incident closed\n")
    rec = parse(text, "a.md")
    assert [e["event"] for e in rec["timeline"]][0] != "resolved"
    assert rec["resolved_at"] == "2025-03-04T14:00:00Z"


def test_a_count_of_calls_between_two_times_is_not_the_outages_window():
    text = ("# Campus DNS outage\n\nDate: 2024-09-25\nAll times UTC.\n\n## Impact\n\n"
            "- The Service Desk received 417 calls and 260 chat requests between 10:00 a.m. and 12:00 p.m.\n"
            "- Lookups failed from 9:52 a.m. to 10:51 a.m.\n")
    rec = parse(text, "a.md")
    assert rec["started_at"] == "2024-09-25T09:52:00Z"


def test_working_on_resolving_it_is_not_the_resolution():
    text = ("# Mail notifications delayed\n\n**Date:** 2018-05-26\n\n## Status updates (UTC)\n\n"
            "- 07:28 We are aware of degraded mail notifications and are actively working on resolving it.\n"
            "- 08:15 The notification service has been restored.\n")
    assert [e["event"] for e in parse(text, "a.md")["timeline"]][0] != "resolved"


def test_a_field_label_in_bold_before_a_time_is_no_messages_writer():
    text = ("# Queue stuck\n\n**Date:** 2025-03-04\n\n## Summary\n\n- **Started:** 10:31 UTC\n- **Detected:** 10:47 UTC\n"
            "- **Resolved:** 11:40 UTC\n\nThe queue stopped draining after a deploy.\n")
    rec = parse(text, "a.md")
    assert rec["timeline"] == [] and rec["detected_at"] is not None


def test_a_window_stated_in_a_second_zone_is_no_length_of_the_first():
    text = ("# Stack deleted\n\n**Date:** 2026-05-29\n\nThe dispatcher was down from 19:12 EDT. From 21:00–22:00 EDT "
            "(01:00–02:00 UTC) two deploy attempts ran.\n\n## Timeline\n\n- 19:12 EDT stack deleted\n")
    assert parse(text, "a.md")["timestamp_sources"].get("mitigated_at") != "impact_range"


def test_a_window_whose_stated_length_disagrees_is_not_read_as_the_incident_s():
    text = ("# Tourenplanung\n\n**Datum:** 2025-01-21\n\nDie Wartung lief 25 Minuten, von 05:10 bis 06:41.\n\n"
            "## Ablauf\n\n- 05:10 Zertifikatswechsel\n- 06:41 Scanner laden wieder\n")
    assert parse(text, "a.md")["timestamp_sources"].get("started_at") != "impact_range"


def test_a_value_names_a_severity_only_when_it_is_a_coded_level_alone():
    head = "# Výpadek\n\n- **Datum incidentu:** 07.05.2025\n- **Dopad:** {}\n\n## Průběh\n\n- 10:00 výpadek\n"
    assert parse(head.format("SEV-2 (platby)"), "a.md")["severity_level"] == 2
    for value in ("vysoký, 2 sklady", "P1 zákazníci čekali na potvrzení", "2025-05-07"):
        assert parse(head.format(value), "a.md")["severity_level"] is None, value


def test_a_day_in_an_unnamed_field_yields_to_one_the_parser_can_name():
    text = ("# Výpadek\n\n- **Revize:** 12.05.2025\n- **Date:** 2025-05-07\n\n## Průběh\n\n- 10:00 výpadek\n")
    assert parse(text, "a.md")["date"] == "2025-05-07"


def test_a_one_row_table_of_date_severity_and_status_gives_the_document_s_fields():
    text = ("# Runaway backfill\n\n| Date | Severity | Status | Excess spend |\n|---|---|---|---|\n"
            "| 2025-01-10 | Critical | Ready for review | $61,480 |\n\n## What happened\n\nA job ran away.\n")
    got = parse(text, "a.md")
    assert (got["date"], got["severity_level"], got["status"]) == ("2025-01-10", 1, "Ready for review")


def test_a_window_field_beats_a_range_the_summary_names_within_it():
    text = ("# Key leaked\n\n**Date:** 2025-02-11\n\n## Summary\n\nThe key was committed publicly. Logs show calls "
            "from outside our network between 16:55 and 17:31.\n\n**Exposure window:** 16:42 – 17:31 UTC.\n\n"
            "## Timeline (UTC)\n\n- 16:42 Commit pushed\n- 17:31 Key revoked\n")
    assert parse(text, "a.md")["started_at"] == "2025-02-11T16:42:00Z"


def test_an_impact_window_field_beats_an_exposure_window_field_above_it():
    text = ("# Token leaked\n\n- **Date:** 2024-09-24\n- **Exposure window:** 10:47 – 12:04 UTC\n"
            "- **Impact window:** 11:31 – 12:04 UTC\n\n## Timeline (UTC)\n\n- 10:47 Token public\n"
            "- 11:31 Reads begin\n- 12:04 Token revoked\n")
    assert parse(text, "a.md")["started_at"] == "2024-09-24T11:31:00Z"


STATUS_THEN_STORY = ("# API errors\n\n## Updates (newest first)\n\n**Resolved** - Errors are back to normal.\n"
                     "Mar 14, 2024 - 15:48 UTC\n\n**Investigating** - We are looking into elevated errors.\n"
                     "Mar 14, 2024 - 15:12 UTC\n\n## What happened\n\nErrors began at 15:02 UTC. Our "
                     "monitoring alerted the on-call engineer at 15:06 UTC.\n")


def test_a_story_told_below_status_updates_says_when_it_was_found():
    assert parse(STATUS_THEN_STORY, "a.md")["detected_at"] == "2024-03-14T15:06:00Z"


def test_a_window_whose_first_time_carries_a_note_is_still_a_window():
    text = ("# Positions frozen\n\n**Date:** 2024-06-18\n\n## Impact\n\n- Impact window: from 02:38 (broker fenced) "
            "until 04:12 (lag back under 30 s), UTC.\n\n## Timeline (UTC)\n\n- 02:51 Alert fires\n")
    got = parse(text, "a.md")
    assert (got["started_at"], got["mitigated_at"]) == ("2024-06-18T02:38:00Z", "2024-06-18T04:12:00Z")


def test_a_window_s_minute_takes_the_second_a_timeline_entry_in_it_gives():
    text = ("# Registry errors\n\n**Date:** 2026-05-30\n\n**Duration:** 11:15 UTC (first error) → 19:20 UTC\n\n"
            "## Timeline (UTC)\n\n- 11:15:13 first registry error in the log\n- 18:00 noticed\n- 19:20 pods running\n")
    assert parse(text, "a.md")["started_at"] == "2026-05-30T11:15:13Z"


def test_phones_that_belong_to_someone_are_devices_not_a_call():
    text = ("# Empty manifests\n\n**Date:** 2024-08-22\n\n## Timeline (UTC)\n\n- 05:06 The publisher pushes empty "
            "manifests to driver phones\n- 05:52 A supervisor phones the on-call\n")
    assert parse(text, "a.md")["detected_at"] == "2024-08-22T05:52:00Z"


def test_a_clock_closing_an_entry_s_own_words_keeps_them_over_its_sub_bullets():
    text = ("# Plans re-run\n\n**Date:** 2024-08-22\n\n## Timeline (UTC)\n\n- Drivers report empty manifests (05:52)\n"
            "- Plans re-run on the previous graph; full plans published — mitigated (06:38)\n"
            "    - Supervisors re-briefed drivers; first van out at 06:52\n")
    entry = parse(text, "a.md")["timeline"][1]
    assert entry["text"].startswith("Plans re-run") and entry["event"] == "mitigated"


def test_an_item_that_is_only_a_when_takes_its_sub_bullets_as_what_happened():
    text = ("# P2P storm\n\n**Date:** 2023-09-29\n\n## Timeline\n\n* 2023, Sept 29 2:14PM CET\n"
            "  * The testnet keeps degrading under invalid block parts\n")
    assert parse(text, "a.md")["timeline"][0]["text"].startswith("The testnet keeps degrading")


def test_a_korean_deadline_without_a_year_is_the_item_s_due_day():
    text = ("# 위치 지연\n\n**Date:** 2025-02-11\n\n## 후속 조치\n\n"
            "- [ ] 리밸런싱 전략 변경 — 담당: 이서연 — 기한: 3월 7일 — LOC-90\n")
    assert parse(text, "a.md")["action_items"][0]["due"] == "2025-03-07"


def test_owner_as_a_noun_in_the_items_words_is_no_owner():
    text = ("# Outage\n\n## Actions\n\n- Mail every owner list before a rollover. Responsible: Katrin Hölzl.\n"
            "- Fix the runbook (owner alice)\n- Rotate the key, owner: bob\n")
    assert [a["owner"] for a in parse(text, "r.md")["action_items"]] == ["Katrin Hölzl", "alice", "bob"]


def test_of_two_keys_the_one_set_apart_is_the_items_ticket():
    text = "# Outage\n\n## Actions\n\n1. Move the DNS-01 credentials to the vault — Jo Price — SEC-611 — open\n"
    assert parse(text, "r.md")["action_items"][0]["ticket"] == "SEC-611"


def test_full_width_digits_and_letters_are_read_and_the_title_kept_as_written():
    from loaders.postmortem import parse
    doc = ("# 【障害報告書】カート５００エラー\n\n| 項目 / Item | 内容 / Content |\n|---|---|\n"
           "| 発生日 / Date of occurrence | ２０２５年３月４日（火） |\n| 重大度 / Severity | Ｐ２ |\n\n"
           "## 時系列 / Timeline\n\n時刻はすべて日本時間（JST）です。\n\n| 時刻 (JST) | 内容 |\n|---|---|\n"
           "| ０８：１２ | 500エラーが急増。影響開始 (impact start) |\n| ０８：３１ | 監視アラート発報 (monitoring alert) |\n")
    got = parse(doc, "report.md")
    assert got["title"] == "【障害報告書】カート５００エラー"
    assert got["date"] == "2025-03-04" and got["severity_level"] == 2
    assert got["started_at"] == "2025-03-03T23:12:00Z" and got["detected_at"] == "2025-03-03T23:31:00Z"


def test_a_status_among_fields_set_apart_on_one_line_is_the_status_alone():
    from loaders.postmortem import parse
    got = parse("# Gate outage\n\nSeverity SEV2 · Status: Closed · Tuesday 9 April 2024 · Elbkai Terminal\n\n"
                "## What happened\n\nThe gate failed.\n", "gate.md")
    assert (got["status"], got["date"], got["severity_level"]) == ("Closed", "2024-04-09", 2)


def test_a_section_name_and_colon_heading_its_lines_with_no_blank_line_between():
    from loaders.postmortem import parse
    mail = ("# RCA: webhook failures on 21st August 2024\n\nDear all,\n\nTimeline (IST):\n"
            "14:05 hrs - Cert rotation on the ingress done\n14:07 hrs - Webhooks start failing\n"
            "15:04 hrs - Old cert restored, webhooks started succeeding\n\nCorrective actions:\n"
            "* Add a chain check to the runbook – Owner: Vikram – Target: 30/08/2024\n")
    got = parse(mail, "rca.md")
    assert [e["at"] for e in got["timeline"]] == ["2024-08-21T08:35:00Z", "2024-08-21T08:37:00Z",
                                                  "2024-08-21T09:34:00Z"]
    assert [(a["owner"], a["due"]) for a in got["action_items"]] == [("Vikram", "2024-08-30")]


def test_a_timeline_label_over_a_block_of_log_lines_heads_it():
    from loaders.postmortem import parse
    note = ("# 2024-05-02 – resize workers OOM\n\nTimeline, straight from the logs (UTC):\n\n```\n"
            "2024-05-02T04:11:41Z resize-worker-7 ERROR OOMKilled, thumbnails failing\n"
            "2024-05-02T04:19:02Z alertmanager FIRING ThumbnailQueueDepthHigh -> paged ola\n```\n")
    got = parse(note, "note.md")
    assert got["detected_at"] == "2024-05-02T04:19:02Z" and got["started_at"] == "2024-05-02T04:11:41Z"


def test_an_accountable_executive_named_in_an_items_text_is_its_owner():
    from loaders.postmortem import parse
    got = parse("# Portal breach\n\nDate: 2025-05-20\n\n## Remediation\n\n"
                "1. Add rate limits to the policy lookup.\n   Accountable executive: Simon Achterberg, CIO. Target: 31 May 2025.\n",
                "report.md")
    assert [(a["owner"], a["due"]) for a in got["action_items"]] == [("Simon Achterberg", "2025-05-31")]


def test_a_plain_text_report_keeps_its_own_headings_beside_a_label_with_a_colon():
    from loaders.postmortem import parse
    text = ("Incident Report: Scanners delayed after\nrouting-svc 2.4 deploy\n\nReport IR-2022-014 · Severity: S2\n\n"
            "1 SUMMARY\n\nOn 8 June 2022 scans were slow.\n\nContributing factors:\n• The canary looks only at errors.\n")
    assert parse(text, "report.txt")["title"] == "Incident Report: Scanners delayed after routing-svc 2.4 deploy"


def test_a_plain_text_log_of_clocks_with_wrapped_lines_is_a_timeline_and_a_log_excerpt_is_not():
    from loaders.postmortem import parse
    notes = ("# 5.2.1 went out without wheels\n\nWhen: 2025-08-14. Times: UTC.\n\nWhat happened\n-------------\n\n"
             "09:40  Yanked 5.2.0 on PyPI. pip now\n       picks 5.1.3, which has wheels.\n"
             "10:07  5.2.1 is live on PyPI, sdist only. From here every\n       unpinned install fails to build.\n"
             "11:52  First report, #1881: install fails.\n12:40  Yanked 5.2.1; installs work\n       again.\n")
    got = parse(notes, "notes.md")
    assert [e["at"][11:16] for e in got["timeline"]] == ["09:40", "10:07", "11:52", "12:40"]
    log = ("# Database dropped\n\nWhat the log shows\n------------------\n\n" + "\n".join(
        f"2021-06-24T01:3{k}:45.531+0000 I NETWORK connection accepted from 10.0.0.{k}" for k in range(6)) + "\n")
    assert parse(log, "log.md")["timeline"] == []


def test_a_severity_said_in_a_mails_sentence_is_read():
    from loaders.postmortem import parse
    mail = ("# RCA: webhook failures on 21st August 2024\n\nDear all,\n\nPlease find the RCA. Severity was S2 as "
            "approx. 9% of payments were pending.\n")
    assert parse(mail, "rca.md")["severity_level"] == 2


def test_a_table_of_fields_above_a_pasted_chat_is_read():
    from loaders.postmortem import parse
    note = ("# 429s on the public API\n\n| | |\n|---|---|\n| Date | 5 Sept 2024 |\n| Severity | SEV2 |\n\n"
            "Here's the thread. All times CEST.\n\n- **[16:02] lukas:** deploying the config\n"
            "- **[16:05] anja:** 429s everywhere\n- **[16:13] lukas:** reverted, 429s stop\n")
    got = parse(note, "note.md")
    assert got["severity_level"] == 2 and len(got["timeline"]) == 3


@pytest.mark.parametrize("written, who", [
    ("Rhys Davies (Payments)", "Rhys Davies"), ("Storage Operations (K. Albers)", "K. Albers"),
    ("Ana Lima, Support", None), ("Regulatory Affairs (Grace Liu)", "Grace Liu"),
])
def test_a_person_beside_a_team_in_brackets_is_the_person_whatever_their_surname_ends_with(written, who):
    from loaders.postmortem.actions import _who_of
    assert _who_of(written) == who


def test_two_decimals_in_an_impact_line_are_no_window():
    text = ("# Search relevance drop\n\n**Date:** 2025-06-02\n\n## Impact\n\n"
            "- nDCG@10 on the judged sample fell from 0.47 to 0.19.\n\n## Timeline (UTC)\n\n"
            "- 01:10 New index swapped in; impact begins\n- 06:52 Rollback completed; results recover\n")
    r = parse(text, "a.md")
    assert (r["started_at"], r["mitigated_at"]) == ("2025-06-02T01:10:00Z", "2025-06-02T06:52:00Z")


def test_a_dotted_window_past_midnight_is_still_read():
    text = "# Batch overrun\n\n**Date:** 2025-06-02\n\n## Impact\n\nThe outage lasted from 23.40 to 0.15 UTC.\n"
    assert parse(text, "a.md")["mitigated_at"] == "2025-06-03T00:15:00Z"


def test_a_sentence_wrapped_before_its_clock_is_no_entry():
    text = ("# Batch skipped\n\n**Date:** 2025-03-30\n\n## Timeline (UTC)\n\nMerged from the logs. Local time was GMT until\n"
            "01:00 UTC and BST after it.\n\n```\n2025-03-30 05:00:00Z  bank-gw  window closed, no file -- IMPACT START\n"
            "2025-03-30 11:30:00Z  ops  payments credited -- IMPACT END\n```\n")
    r = parse(text, "a.md")
    assert [e["at"] for e in r["timeline"]] == ["2025-03-30T05:00:00Z", "2025-03-30T11:30:00Z"]


# Reviewer probes of the forty-third session's rules (rich markdown, security phases, action
# items amended after the review): ordinary text each rule first over-read.

def test_a_chat_pasted_as_code_under_the_timeline_is_not_the_timeline():
    text = ("# Checkout errors\n\n**Date:** 2025-03-04\n\n## Timeline (UTC)\n\n- 14:00 Config push to checkout-api.\n"
            "- 14:05 Alert fires for checkout 5xx; on-call paged.\n- 14:40 Rollback complete, errors stop.\n\n"
            "The on-call's first messages:\n\n```\n14:06  dana: checkout 5xx at 30%, looking\n"
            "14:08  ravi: config push at 14:00?\n14:09  dana: yes, rolling back\n14:12  dana: rollback stuck\n```\n")
    r = parse(text, "a.md")
    assert (r["detected_at"], r["mitigated_at"]) == ("2025-03-04T14:05:00Z", "2025-03-04T14:40:00Z")


@pytest.mark.parametrize("opening, day", [
    ("Yesterday, when the clocks went forward, our billing scheduler ran the charge job twice.", "2025-03-30"),
    ("On Sunday the clocks went back an hour, and our scheduler ran the 01:30 job twice.", "2025-03-30"),
])
def test_a_clock_change_that_is_the_incident_still_dates_it(opening, day):
    text = f"---\ntitle: Billing ran twice\ndate: 2025-03-31\n---\n\n{opening}\n\n## What happened\n\nThe cron read local time.\n"
    assert parse(text, "a.md")["date"] == day


def test_looking_for_the_initial_access_vector_starts_nothing():
    text = ("# Leaked token\n\n**Date:** 2025-05-28\n\n## Timeline (UTC)\n\n"
            "- 2025-05-27 21:12 Attacker clones the repository with the leaked token\n"
            "- 2025-05-28 08:05 Secret-scanning alert pages security\n"
            "- 2025-05-28 08:40 Forensics starts work to identify the initial access vector\n")
    r = parse(text, "a.md")
    assert (r["started_at"], r["detected_at"]) == ("2025-05-27T21:12:00Z", "2025-05-28T08:05:00Z")


def test_action_items_written_as_headings_ending_in_updates_stay_items():
    text = ("# Patch lag\n\n**Date:** 2025-02-03\n\n## Action items\n\n### Enable automatic security updates\n\n"
            "Owner: Ana. Due 2025-03-01.\n\n### Kernel update: roll out 5.15 to all nodes\n\nOwner: Bo.\n")
    assert len(parse(text, "a.md")["action_items"]) == 2


@pytest.mark.parametrize("cell, due", [("2025-03-20 (now overdue)", "2025-03-20"), ("2025-03-25, now blocked on vendor", "2025-03-25")])
def test_a_due_cell_s_note_after_now_keeps_its_date(cell, due):
    text = f"# X\n\n**Date:** 2025-03-01\n\n## Action items\n\n| Action | Owner | Due |\n|---|---|---|\n| Fix it | @li | {cell} |\n"
    assert parse(text, "a.md")["action_items"][0]["due"] == due


@pytest.mark.parametrize("entry, event", [("Health checks return 200 again, but card payments still fail.", "mitigated"),
                                          ("Card payments stop completing normally; customers see spinners.", "mitigated"),
                                          ("Support receives a list of talking points for customer replies.", "detected"),
                                          ("Revenue team checks reservations; no rooms were oversold.", "impact")])
def test_words_near_a_new_event_phrase_do_not_make_the_event(entry, event):
    from loaders.postmortem.timeline import Entry, _tag
    e = Entry(line=1, at=None, text=entry)
    _tag(e)
    assert event not in e.tags


@pytest.mark.parametrize("entry", ["Nothing happens until alerts fire for checkout 5xx.", "Alert fires later than it should."])
def test_an_alert_told_with_nothing_or_later_before_it_is_still_a_detection(entry):
    from loaders.postmortem.timeline import Entry, _tag
    e = Entry(line=1, at=None, text=entry)
    _tag(e)
    assert "detected" in e.tags


def test_a_form_s_date_reported_to_the_regulator_is_no_detection():
    text = ("# Breach record\n\n| Field | Entry |\n|---|---|\n| Date/time of detection | 2025-06-03 09:00 UTC |\n"
            "| Date/time breach contained | 2025-06-04 10:30 UTC |\n| Date/time reported to ICO | 2025-06-05 10:00 UTC |\n")
    r = parse(text, "a.md")
    assert (r["detected_at"], r["mitigated_at"]) == ("2025-06-03T09:00:00Z", "2025-06-04T10:30:00Z")


def test_the_cost_of_the_fix_is_no_harm_done():
    text = ("# Near miss: certificate nearly expired\n\n**Date:** 2025-04-02\n\n**Customer impact:** None.\n\n## Summary\n\n"
            "The certificate was replaced before it expired, with no customer impact. Total cost was about $1,200 "
            "for the emergency certificate and expedited validation.\n")
    assert parse(text, "a.md")["near_miss"] is True


@pytest.mark.parametrize("updates, want", [
    (["Update 3 Terraform modules: done"], "open"),
    (["Update 2025-03-15: Done for EU, not yet for US."], "open"),
    (["Update 2025-03-20: Done.", "Update 2025-03-10: In progress, PR open."], "done"),
])
def test_an_item_s_sub_bullets_give_its_status_only_as_dated_updates(updates, want):
    text = ("# X\n\n**Date:** 2025-03-01\n\n## Action items\n\n- Move the modules to the new provider, owner @li\n"
            + "".join(f"  - {u}\n" for u in updates))
    assert parse(text, "a.md")["action_items"][0]["status"] == want


def test_an_item_struck_as_done_keeps_its_owner():
    text = "# X\n\n**Date:** 2025-03-01\n\n## Action items\n\n- ~~Alert on webhook lag (OPS-103) @mo~~ done in #88\n- Page on lag @kim\n"
    assert parse(text, "a.md")["action_items"][0]["owner"] == "@mo"


def test_a_due_date_pulled_in_stays_in_its_year():
    text = "# X\n\n**Date:** 2025-11-01\n\n## Action items\n\n- Rotate the keys, owner @li, due Dec 20, now Dec 13 (pulled in)\n"
    assert parse(text, "a.md")["action_items"][0]["due"] == "2025-12-13"


def test_by_after_an_owner_that_names_a_person_is_no_due_date():
    text = ("# X\n\n**Date:** 2025-03-01\n\n## Action items\n\n| Action | Owner |\n|---|---|\n"
            "| Fix it | Ana Li, reviewed by Bo on 2025-03-10 |\n")
    assert parse(text, "a.md")["action_items"][0]["due"] is None


def test_a_legend_speaks_only_for_its_own_section():
    text = ("# X\n\n**Date:** 2025-03-01\n\n## Action items\n\nLegend: ✅ done · ❌ won't do\n\n| | Action |\n|---|---|\n"
            "| ✅ | Alert on lag |\n| ❌ | Rewrite the queue |\n\n## Checklist\n\n| Done? | Step |\n|---|---|\n| ❌ | Drill the restore |\n")
    assert [a["status"] for a in parse(text, "a.md")["action_items"]][:2] == ["done", "wont_do"]
    assert all(a["status"] != "wont_do" for a in parse(text, "a.md")["action_items"][2:])


def test_a_small_pr_number_in_a_keyed_list_stays_its_ticket():
    text = ("# X\n\n**Date:** 2025-03-01\n\n## Action items\n\n1. Alert on lag — SEC-11\n2. Page on lag — SEC-12\n"
            "3. Fix the retry loop (fixed in PR #3)\n")
    assert parse(text, "a.md")["action_items"][2]["ticket"] == "#3"


def test_a_root_cause_section_atop_a_fragment_stays_the_cause():
    # (the document's kind as its first heading is its name only over sections of two other kinds)
    text = ("# Root cause analysis\n\nThe disk filled because log rotation was off.\n\n"
            "## Details\n\nRotation was disabled in 2023 for a debugging session.\n")
    assert parse(text, "a.md")["contributing_factors"]


def test_a_title_field_below_an_incident_heading_does_not_rename_it():
    text = ("# Checkout outage\n\nTitle: Checkout outage draft v2\nDate: 2025-05-02\n\n"
            "## Timeline\n\n- 10:00 UTC errors start\n")
    assert parse(text, "a.md")["title"] == "Checkout outage"


def test_a_lettered_line_inside_a_sentence_is_no_list():
    # (only a list's first marker, "a)", opens one under a label's colon)
    text = ("# Slow API\n\nDate: 2025-05-02\n\n## Contributing factors\n\nThe pool was sized for:\n"
            "b) the old traffic mix, which no longer holds.\n")
    assert len(parse(text, "a.md")["contributing_factors"]) == 1


def test_an_indented_lettered_point_under_a_bullet_stays_its_sub_point():
    text = ("# Slow API\n\nDate: 2025-05-02\n\n## Action items\n\n- Resize the pool (@ana)\n\n"
            "  a) measure the new traffic mix first\n- Add a pool alert (@ben)\n")
    assert len(parse(text, "a.md")["action_items"]) == 2


def _events(text):
    return [e["event"] for e in parse(text, "a.md")["timeline"]]


def test_a_falling_measure_beside_harm_told_stays_harm():
    # ("latency down" alone is good news; not when the entry tells harm besides)
    text = ("# Checkout\n\nDate: 2025-05-02\n\n## Timeline\n\n- 10:00 UTC deploy\n"
            "- 10:05 UTC errors down but checkout still failing for EU cards\n- 11:00 UTC fixed\n")
    assert _events(text)[1] == "impact"


def test_a_stalled_queue_falling_to_zero_stays_harm():
    text = ("# Calls\n\nDate: 2025-05-02\n\n## Timeline\n\n- 10:00 UTC IVR change\n"
            "- 10:05 UTC calls start failing after the greeting. Queue drops to 0.\n- 11:00 UTC fixed\n")
    assert _events(text)[1] == "impact"


def test_a_dotted_day_in_a_title_no_text_calls_a_version_still_dates_it():
    text = ("---\ntitle: \"Outage of 2025.03.14\"\ndate: 2025-03-20\n---\n\n# Outage of 2025.03.14\n\n"
            "The payment API failed on the morning of 2025.03.14.\n\n## Timeline\n\n- 09:00 UTC errors start\n")
    assert parse(text, "a.md")["date"] == "2025-03-14"


def test_a_timed_heading_with_a_note_in_brackets_stays_an_entry():
    # (a gloss names a section only after a heading in capitals or another alphabet)
    text = ("# Switchover\n\nDate: 2025-06-07\n\n## Timeline\n\n### 14:05 – traffic moved\n\nAs planned.\n\n"
            "### 14:06 – Authentication failures start (impact begins)\n\nCounters climb.\n")
    assert parse(text, "a.md")["started_at"] == "2025-06-07T14:06:00Z"


def test_a_duration_in_hours_and_minutes_is_no_clock():
    from loaders import timeparse as tp
    assert tp.read_stamp("1 u 52 min average delay") is None


def test_one_paragraph_opening_with_a_key_is_no_list_of_items():
    text = ("# Slow API\n\nDate: 2025-05-02\n\n## Action items\n\nQ3. planning will decide the rest.\n\n"
            "- Resize the pool (@ana)\n")
    assert len(parse(text, "a.md")["action_items"]) == 1


def test_padded_words_in_capitals_that_name_no_field_stay_as_written():
    # (three padded lines or more, and one key the reader knows: not a table of hosts)
    text = ("Search outage\n=============\n\nDate: 2025-05-02\n\nHOSTS AFFECTED\n\nWEB01      down 10 min\n"
            "WEB02      down 12 min\nWEB03      down 9 min\n")
    assert parse(text, "a.txt")["severity"] is None


# ---- probes from the review of the forty-fourth session's rules (each once over-read)

def test_order_numbers_in_a_text_that_speaks_of_unix_time_stay_numbers():
    text = ("# Refund job skipped orders\n\nDate: 2025-03-02\n\n## Summary\n\nThe job skipped orders whose "
            "created_at was a Unix timestamp string.\n\n- 1048576001 — refunded manually\n"
            "- 1048576044 — refunded manually\n\n## Timeline\n\n- 02:00 UTC refund job runs\n"
            "- 08:15 UTC support reports missing refunds\n")
    r = parse(text, "a.md")
    assert r["detected_at"] == "2025-03-02T08:15:00Z" and r["summary"]


def test_a_job_log_padded_in_capitals_is_no_form_of_fields():
    text = open(__file__.rsplit("/", 1)[0] + "/fixtures/shapes/console-report-padded-fields.txt").read()   # (a form's fields: read)
    assert parse(text, "a.txt")["severity_level"] == 2
    text = ("BATCH SETTLEMENT FAILURE\n========================\n\nDate: 2025-06-23\nSeverity: SEV2\n\nSUMMARY\n\n"
            "The settlement batch failed at 01:30 and was re-run at 06:00.\n\nJOB LOG (last run before the fix)\n\n"
            "STARTED    04:12:09  BATCH SETL-0623 (test re-run)\nERROR      04:13:40  DB LOCK TIMEOUT ON LEDGER\n"
            "ENDED      04:13:41  RC=12\n\nTIMELINE\n\n01:30 batch starts\n01:31 batch abends with lock timeout\n"
            "06:00 batch re-run successfully\n")
    assert parse(text, "a.txt")["mitigated_at"] != "2025-06-23T04:13:41Z"


def test_a_root_cause_heading_over_its_own_prose_stays_the_cause():
    text = ("# Root cause analysis\n\nA retry storm overloaded the session store after the release.\n\n"
            "## Timeline\n\n- 18:02 UTC rollout\n- 18:09 UTC logins failing\n\n## Action items\n\n- Add a backoff floor (owner: Ana)\n")
    assert parse(text, "a.md")["contributing_factors"]


def test_a_reporters_name_under_an_incident_report_heading_is_no_title():
    text = ("# Incident Report\n\nName: Jordan Park\nDate of incident: 2024-11-02\n\n## Summary\n\nThe VPN rebooted.\n\n"
            "## Timeline\n\n- 10:05 UTC VPN reboots\n\n## Action Items\n\n- Move firmware updates (owner: Jordan Park)\n")
    assert parse(text, "a.md")["title"] == "Incident Report"


def test_lettered_points_under_a_timed_entry_keep_the_next_entry():
    text = ("# Storage latency\n\nDate: 2025-07-07. All times UTC.\n\n## Timeline\n\n14:02 Disk latency alert. The on-call "
            "checked:\na) the array controller logs\nb) the recent firmware push\n14:30 Firmware rolled back, latency normal.\n")
    assert [e["at"] for e in parse(text, "a.md")["timeline"] if e["at"]][-1] == "2025-07-07T14:30:00Z"


def test_a_falling_measure_that_drops_packets_is_harm():
    text = ("# Packet loss\n\nDate: 2025-04-22. All times UTC.\n\n## Timeline\n\n- 10:02 firmware pushed\n"
            "- 10:09 NIC errors dropping ~5% of packets on edge-2\n- 10:41 firmware rolled back, packet loss gone\n")
    assert parse(text, "a.md")["started_at"] == "2025-04-22T10:09:00Z"


def test_a_release_train_named_by_its_day_still_dates_the_incident():
    text = ("---\ndate: 2025-03-20\n---\n\n# Payments outage 2025.03.14\n\nDuring the weekly release train on 2025.03.14 "
            "the payments service lost its pool.\n\n## Timeline\n\n- 10:00 UTC release train starts\n- 10:12 UTC errors spike\n")
    assert parse(text, "a.md")["date"] == "2025-03-14"


def test_an_english_headings_note_in_brackets_names_no_section():
    text = ("# Replica lag\n\nDate: 2025-09-17\n\n## Action items\n\n- Throttle backfills (owner: Ngozi, DB-77)\n\n"
            "## ALTERNATIVES CONSIDERED (actions)\n\n- Pin all reads to the primary: rejected\n- Disable the backfill tool: rejected\n")
    assert len(parse(text, "a.md")["action_items"]) == 1


def test_a_component_on_a_sub_point_is_no_owner():
    text = ("# Outage\n\nDate: 2025-05-02\n\n## Action items\n\n- [ ] Move the failover region\n  - Frankfurt - INFRA-77\n"
            "- [ ] Cache the search results\n  - Search API - PLAT-302\n")
    assert [a["owner"] for a in parse(text, "a.md")["action_items"]] == [None, None]


def test_a_priority_legend_in_action_items_is_no_item():
    text = ("# Search outage\n\nDate: 2025-07-01\n\n## Action Items\n\nP1: must land before the next release.\n\n"
            "P2: should land this quarter.\n\n- Validate alias swaps (owner: Kim, P1)\n")
    assert len(parse(text, "a.md")["action_items"]) == 1


def test_a_surname_spelled_like_a_field_key_stays_in_the_owners_name():
    text = ("# Outage\n\nDate: 2025-05-02\n\n## Action items\n\n- Add an alert. Owner: Bassey Eta, due 2025-09-01\n")
    assert parse(text, "a.md")["action_items"][0]["owner"] == "Bassey Eta"


# --- a review of the forty-fifth session's rules (each failed on the parser before the fix)

def test_a_weekday_lead_up_days_before_the_date_moves_nothing_forward():
    text = ("# Checkout errors after a config change\n\n**Date:** Tuesday 11 March 2025\n\n## Timeline (UTC)\n\n"
            "- **Fri 16:40** — config change merged; not deployed over the weekend.\n"
            "- **09:05** — Tuesday deploy ships the change. Checkout errors start. Impact begins.\n"
            "- **09:12** — alert pages the on-call.\n")
    r = parse(text, "a.md")
    assert (r["started_at"], r["detected_at"]) == ("2025-03-11T09:05:00Z", "2025-03-11T09:12:00Z")


def test_a_status_history_that_ends_done_is_done():
    text = ("# Array bug\n\n**Date:** 2025-03-10\n\n## Action items\n\n| Action | Owner | Status |\n|---|---|---|\n"
            "| Config backup | Priya Nair | Started 20 Jan, done 29 Jan |\n| Failover drill | Ops | Blocked until the new cluster, done 27 Feb |\n"
            "| Vendor case | Priya Nair | Open PR merged, done |\n")
    assert [a["status"] for a in parse(text, "a.md")["action_items"]] == ["done", "done", "done"]


def test_the_verb_open_in_a_task_is_no_status():
    text = ("# Array bug\n\n**Date:** 2025-03-10\n\n## Action items\n\n| Action | Owner | Due |\n|---|---|---|\n"
            "| Open a support case with the array vendor — done, case 88123 | Priya Nair | 2025-03-11 |\n")
    assert parse(text, "a.md")["action_items"][0]["status"] == "done"


def test_markdown_after_an_html_field_table_keeps_its_action_items():
    text = ("<table>\n<tr><td>Date</td><td>2025-03-01</td></tr>\n<tr><td>Severity</td><td>SEV2</td></tr>\n"
            "<tr><td>Status</td><td>Final</td></tr>\n</table>\n\n**Timeline (UTC)**\n\n- 14:09 errors start\n"
            "- 14:44 fixed\n\n**Action items**\n\n- [ ] Add an alert (Dana)\n- [x] Roll back the config (Sam)\n")
    assert len(parse(text, "a.md")["action_items"]) == 2


def test_a_night_of_two_days_with_its_times_after_midnight_is_the_second():
    text = ("# Night of 6/7 September 2025: archive writes failed\n\n## Summary\n\nIn the early hours of the night of "
            "6/7 September the archive's quota was hit.\n\n## Timeline (UTC)\n\n- 01:55 — writes start failing. Impact starts.\n"
            "- 02:40 — quota raised; writes resume. Mitigated.\n")
    r = parse(text, "a.md")
    assert (r["date"], r["started_at"]) == ("2025-09-07", "2025-09-07T01:55:00Z")


def test_a_utc_date_field_yields_to_prose_giving_the_start_in_utc():
    text = ("# Feed stale\n\n**Date:** 2025-03-05 (UTC)\n\n## Summary\n\nOn 4 March at 23:10 UTC the feed stopped; it was "
            "stale until 01:05 UTC on the 5th.\n\n## Timeline (UTC)\n\n- 23:10 feed stops. Impact starts.\n"
            "- 23:25 alert fires\n- 01:05 feed recovered\n")
    assert parse(text, "a.md")["started_at"] == "2025-03-04T23:10:00Z"


def test_not_pursued_in_a_history_or_yet_is_no_verdict():
    text = ("# Outage\n\n**Date:** 2025-05-02\n\n## Action items\n\n"
            "- Revisit the sharding proposal, which was not pursued in 2023 (Ana)\n"
            "- Capacity review. Status: Not pursued yet, pending the review (Ben)\n"
            "- Failover automation: we will not implement this until the vendor ships 4.2 (Cy)\n")
    assert [a["status"] for a in parse(text, "a.md")["action_items"]] == ["open", "open", "open"]


def test_not_planned_yet_is_open():
    text = ("# Outage\n\n**Date:** 2025-05-02\n\n## Action items\n\n1. Move the batch window\n"
            "   - Owner: Ops · Status: Not planned (yet) — needs a slot in Q3\n")
    assert parse(text, "a.md")["action_items"][0]["status"] == "open"


def test_a_resolved_status_pending_sign_off_still_resolves():
    text = ("# Outage\n\n**Date:** 2025-05-02\n**Status:** Resolved — pending RCA sign-off\n\n## Timeline (UTC)\n\n"
            "- 10:00 errors start\n- 10:05 alert fires\n- 10:40 fix deployed; errors stop. Mitigated.\n\n"
            "## Action items\n\n- TODO: resolution runbook for expired certificates (Dana)\n")
    assert parse(text, "a.md")["resolved_at"] == "2025-05-02T10:40:00Z"


def test_an_icon_component_adds_no_words():
    text = ('---\ntitle: CDN 404s\ndate: 2025-05-02\n---\n\n## Action items\n\n| Action | Owner |\n|---|---|\n'
            '| Purge alert | <Icon name="user" /> Asha Rao |\n')
    assert parse(text, "a.mdx")["action_items"][0]["owner"] == "Asha Rao"


def test_an_alerts_own_resolved_state_resolves_nothing():
    text = ("# Disk alert\n\n**Date:** 2025-05-02\n\n## Timeline (UTC)\n\n- 10:00 — queue backlog grows. Impact starts.\n"
            "- 10:15 — Alertmanager notification for the old disk alert on worker-3; RESOLVED\n"
            "- 10:48 — consumers restarted; backlog draining. Mitigated.\n- 11:30 — backlog fully delivered. Resolved.\n")
    assert parse(text, "a.md")["resolved_at"] == "2025-05-02T11:30:00Z"


def test_a_maintenance_page_for_the_noc_is_no_page():
    text = ("# Packet loss\n\n**Date:** 2025-05-02\n\n## Timeline (UTC)\n\n- 02:05 — change begins; packet loss starts. Impact starts.\n"
            "- 02:12 — change engineer updates the maintenance page for the NOC: window extended.\n"
            "- 02:40 — NOC sees packet-loss graphs and calls the network on-call.\n")
    assert parse(text, "a.md")["detected_at"] == "2025-05-02T02:40:00Z"


def test_a_vendor_case_status_is_not_the_documents():
    text = "# DB2 hang\n\n**Date:** 2025-05-02\n\n- PMR status: Open with IBM L3, waiting on a fix pack\n"
    assert parse(text, "a.md")["status"] is None


def test_a_status_board_of_pairs_reads_no_header_as_a_field():
    text = ("# Outage\n\n**Date:** 2025-05-02\n\n| Service | Status | Service | Status |\n|---|---|---|---|\n"
            "| Checkout | Down | Search | Up |\n| Login | Degraded | Email | Up |\n")
    assert "Status" not in (parse(text, "a.md").get("services") or [])


def test_hypotheses_ruled_out_are_no_factors():
    text = ("# Outage\n\n**Date:** 2025-05-02\n\n## Root cause\n\nA cache key collision served stale prices.\n\n"
            "| Hypothesis | Result |\n|---|---|\n| Origin pods OOM-killed | Ruled out: memory flat |\n"
            "| DNS TTL change | Ruled out |\n")
    assert parse(text, "a.md")["contributing_factors"] == ["A cache key collision served stale prices."]


def test_a_web_page_label_is_no_page():
    text = ("# Stale prices\n\n**Date:** 2025-05-02\n\n## Timeline (UTC)\n\n"
            "- 09:05 — Page: /pricing served from a stale cache key. Impact starts.\n"
            "- 09:30 — support pages the on-call.\n")
    assert parse(text, "a.md")["detected_at"] == "2025-05-02T09:30:00Z"


def test_a_day_marked_beside_one_clock_dates_that_entry_only():
    text = ("# Replica lag\n\n**Date:** 2025-02-20\n\n## Timeline (UTC)\n\n"
            "- 08:00 [Feb 18] — schema migration that later caused the lag was merged.\n"
            "- 13:10 — replica lag climbs. Impact starts.\n- 13:18 — lag alert fires.\n")
    assert parse(text, "a.md")["started_at"] == "2025-02-20T13:10:00Z"


# --- a second review, of the rules learned from decks, templates and plain English

def test_a_report_printed_page_by_page_keeps_its_timeline_across_a_break():
    text = ("Council incident report\n\nDate: 2025-02-04\n\nTIMELINE\n\n14:02  Payments start failing. Impact starts.\n"
            "14:06  Alert pages the on-call.\n\nPage 1\n\f14:30  Gateway restarted; payments succeed, mitigated\n"
            "15:10  Incident resolved\n\nPage 2\n\fACTIONS\n\n- Alert on gateway errors (Dana)\n\nPage 3\n\fEnd of report\n\nPage 4\n")
    r = parse(text, "a.txt")
    assert (r["mitigated_at"], r["resolved_at"]) == ("2025-02-04T14:30:00Z", "2025-02-04T15:10:00Z")


def test_an_intro_line_over_the_entries_hides_none_of_them():
    text = ("# Queue stall\n\n**Date:** 2025-02-04\n\n## Timeline\n\nTimes below are from the on-call notes, rounded to the minute and in UTC\n"
            "09:02 consumers stop acking; backlog grows. Impact starts.\n09:10 lag alert pages the on-call\n09:40 consumers restarted. Mitigated.\n")
    assert parse(text, "a.md")["started_at"] == "2025-02-04T09:02:00Z"


def test_a_value_written_in_brackets_is_kept():
    text = "# Outage\n\nDate: 2025-02-04\nSeverity: [SEV2]  (downgraded from SEV1 at the review)\nStatus: [Final]\n"
    r = parse(text, "a.txt")
    assert (r["severity_level"], r["status"]) == (2, "Final")


def test_the_small_hours_at_night_are_morning():
    text = ("# Scanners offline\n\n**Date:** 2025-11-20\n\nTimes are local (GMT).\n\n## Timeline\n\n"
            "- Ten past 1 at night – the gateway's disk fills. Impact starts.\n- Half past 1 at night – shift lead rings the IT on-call\n"
            "- 2:05 – on-call clears old logs\n")
    assert parse(text, "a.md")["started_at"] == "2025-11-20T01:10:00Z"


def test_minute_by_minute_inside_an_action_heading_keeps_it_actions():
    text = "# Outage\n\n**Date:** 2025-02-04\n\n## Action items: minute-by-minute monitoring\n\n- Add a lag alert (Dana)\n- Add a canary (Sam)\n"
    assert len(parse(text, "a.md")["action_items"]) == 2


def test_no_other_residents_affected_is_no_near_miss():
    text = ("# Water outage\n\n**Date:** 2025-02-04\n\n## Summary\n\n40 households in Ashby had no water for six hours. "
            "No other residents were affected.\n")
    assert parse(text, "a.md")["near_miss"] is False


def test_reviewers_notes_on_slides_do_not_make_a_deck():
    text = ("OUTAGE REPORT\n\nDate: 2025-02-04\n\nSUMMARY\n\nCheckout failed for 20 minutes.\n\nREVIEW NOTES\n\n"
            "Slide 2\nneeds the impact figure\n\nSlide 4\nadd the alert name\n\nSlide 6\ntypo in the owner's name\n")
    assert parse(text, "a.txt")["title"] == "OUTAGE REPORT"


def test_a_count_after_half_to_is_no_clock():
    text = ("# Scale-down\n\n**Date:** 2025-02-04\n\n## Summary\n\nAt 10:00 UTC the autoscaler went by half to 6 nodes and "
            "requests failed. Impact starts.\n")
    assert parse(text, "a.md")["detected_at"] != "2025-02-04T05:30:00Z"


def test_a_day_heading_after_chat_labels_dates_its_own_clocks():
    text = ("# Sync stall\n\n**Date:** 2025-09-09\n\n## Timeline\n\nFrom Slack: \"Yesterday\" is Tuesday 9 Sep 2025.\n\n"
            "- Yesterday at 10:55 PM Alert fired: sync rows 0 for 5 minutes\n- Yesterday at 11:20 PM Rolled back, sync writing again\n\n"
            "### Friday 12 Sep 2025\n\n- 09:00 Follow-up review held\n")
    entries = parse(text, "a.md")["timeline"]
    assert entries[-1]["at"] == "2025-09-12T09:00:00Z"


def test_yesterday_in_a_timeline_line_without_a_clock_is_no_label():
    text = ("# Sync stall\n\n**Date:** 2025-09-09\n\n## Timeline\n\n- 10:55 Alert fired: sync rows 0\n"
            "- Yesterday we had rolled the same change back once\n- 11:20 Rolled back, sync writing again\n")
    entries = parse(text, "a.md")["timeline"]
    assert [e["at"] for e in entries if e["at"]] == ["2025-09-09T10:55:00Z", "2025-09-09T11:20:00Z"]


def test_yesterday_as_a_word_in_prose_states_no_chat_day():
    text = ("# Sync stall\n\n**Date:** 2025-09-09\n\nYesterday is when we noticed it, 3 Sep 2025 was the deploy.\n\n"
            "## Timeline\n\n- Today at 10:55 AM Alert fired: sync rows 0\n- Today at 11:20 AM Rolled back\n")
    assert parse(text, "a.md")["detected_at"] == "2025-09-09T10:55:00Z"


def test_a_time_of_day_that_is_no_place_leaves_the_zone_alone():
    text = ("# Slow search\n\n**Date:** 2025-03-04\n\n## Timeline\n\nResponse time was the first thing we looked at; "
            "Query time followed.\n\n- 10:00 Search p95 at 9 s. Impact starts.\n- 10:30 Index rebuilt, search normal again\n")
    assert parse(text, "a.md")["started_at"] == "2025-03-04T10:00:00Z"


def test_entries_indented_under_a_day_line_stay_entries():
    text = ("Payroll file rejected\n=====================\n\nDate: 2025-03-03\n\nTIMELINE\n\n2025-03-03\n"
            "    16:02  File sent; impact starts\n    16:45  Alert fires; on-call paged\n    17:31  Resolved\n")
    assert len(parse(text, "a.txt")["timeline"]) == 3


def test_a_numbered_line_in_capitals_in_prose_is_no_heading():
    text = ("# Payroll file rejected\n\n**Date:** 2025-03-03\n\n## Timeline\n\n- 16:02 File sent; impact starts\n"
            "- 16:45 Alert fires\n\n## Actions\n\n- Validate the header (Tomas Reed)\n\n3 NEW HIRES\nwere paid late.\n")
    assert len(parse(text, "a.md")["action_items"]) == 1


def test_a_state_named_before_a_moment_word_is_no_moment():
    text = ("# Checkout errors\n\n**Date:** 2025-03-04\n**Partially mitigated:** 2025-03-04 10:05 UTC (EU only)\n"
            "**Current severity:** SEV4\n**Severity:** SEV2\n\n## Timeline\n\n- 09:40 UTC errors start. Impact starts.\n"
            "- 10:30 UTC Rolled back; checkout works again everywhere\n")
    got = parse(text, "a.md")
    assert got["mitigated_at"] == "2025-03-04T10:30:00Z" and got["severity"] == "SEV2"


def test_a_cause_that_made_it_worse_is_no_averted_harm():
    text = ("# Slow checkout\n\n**Date:** 2025-03-04\n\n## Summary\n\nCheckout was slow for forty minutes. Without the retry "
            "storm this would have been a minor blip.\n")
    assert parse(text, "a.md")["near_miss"] is False


def test_a_chat_day_said_below_dates_the_labels_not_the_writing_day():
    text = ("# Webhook backlog\n\nWritten Thursday 19 June 2025. Severity: SEV-3.\n\n## Timeline\n\n"
            "Pasted from #inc-payments. \"Yesterday\" below is Wednesday 18 June.\n\n"
            "**Yesterday at 11:52 PM** Opsgenie: webhook queue depth > 50k\n**Today at 12:20 AM** consumer pods OOM-killed\n"
            "**Today at 1:15 AM** queue empty, resolved\n")
    assert parse(text, "a.md")["resolved_at"] == "2025-06-19T01:15:00Z"


def test_yesterday_labels_without_a_stated_day_are_not_dated_from_the_writing_day():
    text = ("# Webhook backlog\n\nWritten Thursday 19 June 2025.\n\n## Timeline\n\n"
            "**Yesterday at 11:52 PM** Opsgenie: webhook queue depth > 50k\n**Today at 12:20 AM** consumer pods OOM-killed\n"
            "**Today at 1:15 AM** queue empty, resolved\n")
    assert parse(text, "a.md")["resolved_at"] != "2025-06-20T01:15:00Z"


def test_a_forwarded_note_below_a_mailed_postmortem_leaves_its_title_and_times():
    text = ("Subject: Postmortem: Payment gateway timeouts 2025-09-09\nFrom: ops-lead@example.com\n\n"
            "Summary: card payments timed out for 22 minutes.\n\nTimeline (UTC)\n14:02 Timeouts begin\n14:10 On-call paged\n"
            "14:24 Payments normal\n\nAction items:\n- Add pool-size check to config linter (Sam, 2025-09-20)\n\n"
            "---------- Forwarded message ---------\nFrom: Sam <sam@example.com>\nDate: Tue, Sep 9, 2025 at 3:01 PM\n"
            "Subject: pool config\n\nPool size was set to 5 instead of 50. Reverted.\n")
    got = parse(text, "a.txt")
    assert got["title"] == "Postmortem: Payment gateway timeouts 2025-09-09" and got["started_at"] == "2025-09-09T14:02:00Z"


def test_events_told_while_following_a_runbook_are_the_timeline():
    text = ("# DNS failover drill went live\n\n**Date:** 2025-09-12\n\n## What happened (following the runbook)\n\n"
            "- 10:00 Drill starts per runbook step 1\n- 10:06 Errors on 30% of requests\n- 10:31 DNS change reverted\n"
            "- 10:45 TTLs expired, errors gone; resolved\n")
    assert parse(text, "a.md")["mitigated_at"] == "2025-09-12T10:31:00Z"


def test_a_quarters_log_of_incidents_under_stamps_is_no_timeline():
    text = ("# Q1 2025 incident log\n\nOne incident per heading.\n\n## Incidents\n\n"
            "### Jan 14, 2025 09:12 AM PST — DNS resolver saturation\nLookups slow for 25 minutes.\n\n"
            "### Feb 02, 2025 03:40 PM PST — Expired cert on grafana\nGrafana unreachable for 2 hours.\n\n"
            "### Mar 19, 2025 11:05 AM PDT — Kafka broker disk full\nBroker 3 stopped accepting writes.\n")
    assert parse(text, "a.md")["started_at"] is None


def test_harm_that_a_safeguard_kept_smaller_is_no_near_miss():
    for said in ("Without the check this would have been far worse.",
                 "Nothing reached production from the staging branch, but 2,000 customers saw wrong prices.",
                 "No customer ever installed 7.2 successfully for 19 hours.",
                 "Had the patch shipped a week earlier, it would have blocked the job.",
                 "That was too close for comfort: six hours of logs are gone."):
        text = f"# Billing incident\n\nDate: 2025-05-14\n\n## Summary\n\nA retry bug charged customers twice. {said}\n"
        assert parse(text, "a.md")["near_miss"] is False, said


def test_a_hanging_line_that_opens_with_its_own_time_after_a_full_stop_is_an_entry():
    text = ("INCIDENT: Cold-store alarm\nDate: 3 Sep 2025\n\nTIMELINE (BST)\n"
            "0612 hrs  Temperature alarm on cold store 2, night supervisor\n          informed by pager.\n"
            "0630 hrs  Engineer called out; compressor tripped.\n          0655 hrs engineer on site and resets compressor.\n"
            "0745 hrs  Back to 3C; alarm cleared.\n")
    assert len(parse(text, "a.txt")["timeline"]) == 4


def test_harm_that_stopped_growing_is_not_the_end_of_impact_when_its_damage_remains():
    for said in ("No new duplicate postings after this point, but balances are still wrong.",
                 "No further wrong cancellations after this point."):
        text = ("# Ledger duplicates\n\n**Date:** 2025-02-11 (all times UTC)\n\n"
                "**Impact:** 10:00 to 13:05, balances wrong for 1,200 accounts.\n\n## Timeline\n\n"
                "- 10:00 — Sync job starts posting every transfer twice.\n- 10:20 — Finance reports doubled balances.\n"
                f"- 10:40 — Sync job paused. {said}\n- 13:05 — Duplicates reversed.\n")
        assert parse(text, "a.md")["mitigated_at"] == "2025-02-11T13:05:00Z", said


def test_closing_a_change_record_by_its_key_is_not_closing_the_incident():
    text = ("# Bad config push\n\nDate: 2025-06-03 (times UTC)\n\n## Timeline\n\n- 08:10 checkout errors after CHG-5521\n"
            "- 08:15 error-rate alert pages Ana\n- 08:40 config reverted; errors stop\n"
            "- 09:10 Ana closes CHG-5521 as failed. closing the change\n")
    assert parse(text, "a.md")["resolved_at"] != "2025-06-03T09:10:00Z"


def test_a_summary_sentence_of_who_was_not_affected_states_no_window():
    text = ("# Handhelds could not take payments\n\n**Date:** 2023-11-24\n\n## Summary\n\n"
            "A profile push broke card payments on store handhelds. Pacific stores opened at 5:00 AM PT — "
            "8:00 AM ET — after the fix and were not affected.\n\n## Timeline (ET)\n\n"
            "- 5:00 AM ET — Eastern stores open; handhelds cannot take cards. Impact starts.\n"
            "- 5:09 AM ET — A store calls Store Support.\n- 8:05 AM ET — Handhelds taking payments again. Impact ends.\n")
    got = parse(text, "a.md")
    assert got["started_at"] == "2023-11-24T10:00:00Z" and got["mitigated_at"] == "2023-11-24T13:05:00Z"


def test_a_scheduled_time_moved_from_one_clock_to_another_is_no_window():
    text = ("# Late waves\n\n**Date:** 2025-01-20\n\n## Summary\n\nThe disruption came from the carrier, which moved its "
            "collection from 18:30 to 17:45 without our cut-off table knowing.\n\n## Timeline (UTC)\n\n"
            "- 16:38 Driver says he leaves at 17:45\n- 16:50 Trailer leaves without 2,300 parcels\n"
            "- 20:40 Second vehicle leaves with the rest; all parcels collected\n")
    assert parse(text, "a.md")["mitigated_at"] != "2025-01-21T17:45:00Z"


def test_an_invitation_to_contact_support_is_no_report():
    text = ("# Storage outage\n\n**Date:** 2025-07-18 (all times UTC)\n\n## Timeline\n\n"
            "- 12:10 /project storage unavailable; jobs fail.\n"
            "- 12:30 Update: if you notice any issues please contact us at support@example.org or call the help desk.\n"
            "- 12:45 Storage monitor alert pages the on-call.\n- 14:00 Storage available again.\n")
    assert parse(text, "a.md")["detected_at"] == "2025-07-18T12:45:00Z"


def test_a_machine_named_in_an_action_heading_is_not_its_ticket():
    text = ("# Press overrun\n\n**Date:** 2024-05-02\n\n## Corrections and CAPA\n\n"
            "### Corrective action CA1 — Replace the timer on P-7\nOwner: T. Nguyen · Ref: CAPA-0401 · Status: Open\n")
    assert [a["ticket"] for a in parse(text, "a.md")["action_items"]] == ["CAPA-0401"]


def test_a_key_is_never_read_from_inside_a_longer_one():
    text = ("# Gate rejects\n\n**Date:** 2024-07-09\n\n## Actions\n\n"
            "- Plausibility rule in the TOS — Owner: W.L. Lim — TOS-CR-2207 — open\n"
            "- Replace the RTR-CON-01 router — Owner: K. Obi — open\n")
    assert [a["ticket"] for a in parse(text, "a.md")["action_items"]] == ["TOS-CR-2207", "RTR-CON-01"]


def test_a_door_kept_closed_closes_no_incident():
    text = ("# Cold room excursion\n\n**Date:** 2024-11-30\n\n## Timeline (UTC)\n\n- 22:07 — Alarm: probe above 8 °C\n"
            "- 00:40 — All probes back below 8 °C\n- 01:10 — Cold room door kept closed overnight as a precaution\n")
    assert parse(text, "a.md")["resolved_at"] == "2024-12-01T00:40:00Z"   # (the mitigation: nothing closed it)


def test_a_near_miss_has_no_start_it_only_infers():
    text = ("# Near miss: certificate nearly expired\n\n**Date:** 2024-05-02\n\nThis was a near miss; no customer "
            "was affected.\n\n## Timeline (UTC)\n\n- 09:00 — Expiry check warns: 3 days left\n"
            "- 09:30 — Certificate renewed\n")
    got = parse(text, "a.md")
    assert got["near_miss"] and got["started_at"] is None and "started_at" not in got["timestamp_sources"]


def test_a_quoted_question_is_someone_telling_us():
    text = ("# Index lag\n\n**Date:** 2025-03-11\n\n## Timeline (UTC)\n\n- 12:10 — index publisher stalls\n"
            "- 12:31 — @tamsin-w in #registry: \"is the index lagging? add says no such version\"\n"
            "- 12:50 — publisher restarted, index current again\n")
    assert parse(text, "a.md")["detected_at"] == "2025-03-11T12:31:00Z"


def test_a_mail_quoted_in_the_write_up_does_not_date_it():
    text = ("# Login outage after the 8 April maintenance window\n\n**Severity:** SEV2\n\n## The notice we sent\n\n"
            "> **Subject:** Scheduled maintenance – Tuesday 8 April, 01:00–03:00 BST\n> **Sent:** Tuesday 1 April 2025, 10:12\n"
            ">\n> We're upgrading sign-in on Tuesday 8 April.\n\n## Timeline (BST)\n\n"
            "- Tue 8 Apr 2025 03:20 — first failed sign-ins after the window\n- Tue 8 Apr 2025 04:10 — fixed\n")
    assert parse(text, "a.md")["date"] == "2025-04-08"


def test_a_queue_that_begins_to_back_up_is_no_recovery():
    text = ("# Sorter stop\n\n**Date:** 2025-05-21 (UTC)\n\n## Timeline\n\n"
            "- 10:00 Sorter stops.\n- 10:05 Sorter alarm pages the on-call.\n"
            "- 10:09 Bags for the evening bank begin to back up.\n- 10:40 Sorter running again.\n")
    assert parse(text, "a.md")["mitigated_at"] == "2025-05-21T10:40:00Z"


def test_a_change_window_in_the_summary_is_no_impact_window():
    text = ("# Sorter stop\n\n**Date:** 2025-05-21 (UTC)\n\n## Summary\n\nThe sorter stopped after a firmware update, "
            "an approved change in the 09:00–09:30 window.\n\n## Timeline\n\n"
            "- 09:12 Sorter stops.\n- 09:14 Sorter alarm pages the on-call.\n- 10:40 Sorter running again.\n")
    r = parse(text, "a.md")
    assert (r["started_at"], r["mitigated_at"]) == ("2025-05-21T09:12:00Z", "2025-05-21T10:40:00Z")


def test_a_record_that_starts_to_get_propagated_again_is_no_start():
    text = ("# DNS\n\n**Date:** 2023-01-25\n\nDuring the deploy at 09:15 UTC the record failed to resolve. Around 09:30 UTC "
            "the record started to get propagated again.\n")
    assert parse(text, "a.md")["started_at"] != "2023-01-25T09:30:00Z"


def test_a_desk_that_starts_receiving_calls_detects_not_starts():
    from loaders.postmortem.timeline import _STARTS_GETTING
    assert _STARTS_GETTING.search("Service Desk started receiving calls about it") is None
    assert _STARTS_GETTING.search('Enumerators start getting "form not found"') is not None


@pytest.mark.parametrize("said", ["Test transfer of UGX 500 succeeds", "Refund of $500 paid", "550 EUR credited"])
def test_a_sum_of_money_is_no_server_error(said):
    text = f"# Payouts\n\n**Date:** 2025-03-03 (UTC)\n\n## Timeline\n\n- 10:00 {said}\n"
    assert parse(text, "a.md")["timeline"][0]["event"] is None


def test_someone_telling_us_what_they_see_is_a_detection():
    text = ("# Lab sync\n\n**Date:** 2025-03-06 (UTC)\n\n## Timeline\n\n- 09:10 Lab sync fails for every clinic.\n"
            "- 10:20 Lab technician tells the IT officer that no result has arrived since 9.\n- 12:35 Chain fixed.\n")
    assert parse(text, "a.md")["detected_at"] == "2025-03-06T10:20:00Z"


def test_hours_a_plan_was_booked_for_are_no_impact_window():
    text = ("# Telescope night\n\n**Date:** 2024-11-09 (UTC)\n\n## Summary\n\nThe dome drive failed. Fields planned for "
            "01:00–04:00 could not be fitted in later.\n\n## Timeline\n\n- 02:14 Dome stops.\n- 05:34 Science resumes.\n")
    assert parse(text, "a.md")["mitigated_at"] != "2024-11-09T04:00:00Z"


def test_a_mention_with_a_particle_then_a_date_mention_gives_owner_and_due():
    text = ("# SSO\n\n**Date:** 2025-02-05\n\n## Actiepunten\n\n"
            "- [ ] Canary deploy voor auth-gateway (IDN-312) @Sanne de Vries @28 februari 2025\n"
            "- [ ] Clock skew configureren (IDN-311) @Bart Jansen\n")
    items = parse(text, "a.md")["action_items"]
    assert (items[0]["owner"], items[0]["due"]) == ("Sanne de Vries", "2025-02-28")


def test_a_range_of_years_in_four_digits_is_no_window_of_clocks():
    text = ("# Billing drift\n\n**Date:** 2025-03-04\n\n## Summary\n\nInvoices were wrong from 2019 to 2021 for one plan.\n\n"
            "## Timeline\n\n- 10:05 Invoice run fails.\n- 10:40 Fixed.\n")
    assert parse(text, "a.md")["started_at"] == "2025-03-04T10:05:00Z"


def test_no_errors_counted_is_no_harm():
    text = ("# Boards\n\nAll times UTC.\n\n## Timeline (2025-03-04)\n\n- 04:55 Load completes with 0 errors.\n"
            "- 06:12 Boards fail: every train shown cancelled.\n- 06:40 Guard reports it.\n- 08:48 Boards correct.\n")
    assert parse(text, "a.md")["started_at"] == "2025-03-04T06:12:00Z"


def test_a_failing_check_named_by_its_id_is_how_it_was_found():
    text = ("# Near miss: interlocking data release blocked\n\nThis was a near miss. All times UTC.\n\n## Timeline (2025-01-16)\n\n"
            "| Time | Event |\n|---|---|\n| 09:10 | Simulation test of release v4.2 starts. |\n"
            "| 10:47 | Tester: test case FT-118 fails, route settable without flank protection. |\n"
            "| 11:05 | Release v4.2 blocked. |\n")
    assert parse(text, "a.md")["detected_at"] == "2025-01-16T10:47:00Z"


def test_a_question_quoted_right_after_asks_is_someone_telling_us():
    text = ("# Near miss: restart booked inside the final\n\nThis was a near miss. All times UTC.\n\n## Timeline (2025-03-22)\n\n"
            "- 18:00 — Qualifier starts.\n"
            "- 19:50 — Noor sees the restart at 21:30 and asks \"is this right??\" in #liveops.\n"
            "- 20:05 — Restart moved.\n")
    assert parse(text, "a.md")["detected_at"] == "2025-03-22T19:50:00Z"


def test_people_able_to_do_the_work_again_ends_the_impact():
    text = ("# Members turned away at partner chargers\n\nAll times UTC.\n\n## Timeline (2025-06-11)\n\n"
            "- 15:42 — We deploy the token sync.\n"
            "- 16:05 — First member turned away at a partner charger.\n"
            "- 17:47 — We push the full token list to all partners.\n"
            "- 19:10 — The last partner reloads its list; members can charge everywhere again.\n")
    assert parse(text, "a.md")["mitigated_at"] == "2025-06-11T19:10:00Z"


def test_what_could_go_wrong_again_ends_nothing():
    text = ("# Members turned away at partner chargers\n\nAll times UTC.\n\n## Timeline (2025-06-11)\n\n"
            "- 16:05 — First member turned away at a partner charger.\n"
            "- 17:47 — Full token list pushed; service restored.\n"
            "- 19:10 — We note the sync could fail again on the next page boundary.\n")
    assert parse(text, "a.md")["mitigated_at"] == "2025-06-11T17:47:00Z"


def test_a_window_opening_at_a_named_run_ends_at_its_until():
    text = ("# Duplicate records re-sent\n\n## Summary\n\nThe hourly job re-sent 1,212 records. Impact window: from the "
            "03:05 export run until **11:20**, when the last partner confirmed the duplicates were quarantined.\n\n"
            "## Timeline (2024-03-31, UTC)\n\n"
            "- 03:05 — Export run re-sends records.\n- 09:12 — Partner emails us.\n"
            "- 09:48 — Push paused with a flag.\n- 11:20 — Last partner confirms. Push resumed.\n")
    assert parse(text, "a.md")["mitigated_at"] == "2024-03-31T11:20:00Z"


def test_a_clock_then_words_then_until_without_from_is_no_window():
    text = ("# Feed frozen\n\n## Summary\n\nTrains were shown as departing 17:42 in the app until 18:36.\n\n"
            "## Timeline (2024-07-08, UTC)\n\n- 17:31 — Feed stops updating.\n- 17:50 — Rider reports stale times.\n"
            "- 18:36 — Feed restarted; service restored.\n")
    assert parse(text, "a.md")["started_at"] == "2024-07-08T17:31:00Z"


def test_a_places_posted_hours_are_no_window_of_harm():
    text = ("**Incident date:** 2024-03-11 (UTC) · **Severity:** S2 · **Status:** Closed\n"
            "**Write-up:** Marcus Bell, 2024-03-15\n"
            "Brightway runs 41 sites with posted hours (mostly 06:00–22:00, garages and retail lots).\n\n"
            "## Timeline\n\n| UTC | Event |\n|---|---|\n"
            "| 2024-03-11 04:00 | Starts rejected at PHX-0117. |\n| 2024-03-11 15:20 | Support ticket from a driver. |\n"
            "| 2024-03-12 19:10 | Hotfix: sites updated; rejections stop (mitigated) |\n")
    got = parse(text, "a.md")
    assert (got["started_at"], got["mitigated_at"]) == ("2024-03-11T04:00:00Z", "2024-03-12T19:10:00Z")


def test_an_entry_opening_on_the_first_failure_starts_the_harm():
    text = ("# Sites rejecting starts\n\nAll times UTC.\n\n## Timeline (2024-03-11)\n\n"
            "- 02:00 — Clocks change in Denver; Phoenix does not.\n"
            "- 04:00 — First wrong site_closed rejection at PHX-0117.\n"
            "- 15:20 — Support ticket from a driver.\n- 19:10 — Hotfix out; rejections stop.\n")
    assert parse(text, "a.md")["started_at"] == "2024-03-11T04:00:00Z"


def test_a_resolved_field_left_as_the_templates_blank_resolves_nothing():
    text = ("# Ingest lag\n\n| Field | Value |\n|---|---|\n| Date | 2024-10-22 |\n| Mitigated | 13:52 IST |\n"
            "| Resolved | <YYYY-MM-DD HH:MM IST> — pending 24h watch |\n\n> All times IST (UTC+05:30).\n\n"
            "## Timeline\n\n| Time (IST) | Event |\n|---|---|\n| 11:07 | Consumer lag starts rising (impact begins) |\n"
            "| 13:52 | Lag < 1 min; dashboards current (mitigated) |\n")
    got = parse(text, "a.md")
    assert (got["mitigated_at"], got["resolved_at"]) == ("2024-10-22T08:22:00Z", None)


def test_a_field_key_in_another_script_is_read_by_its_english_gloss():
    text = ("# 障害報告書 / Incident report: tariff bands swapped\n\n| 項目 (item) | 内容 (detail) |\n|---|---|\n"
            "| 発生日 (date) | 2024/02/08 |\n| 検知 (detected) | 2024/02/09 08:20 JST — コールセンター問い合わせ |\n"
            "| 暫定対応完了 (mitigated) | 2024/02/09 10:15 JST |\n| 完了 (resolved) | 2024/02/13 17:00 JST |\n")
    got = parse(text, "a.md")
    assert (got["detected_at"], got["mitigated_at"], got["resolved_at"]) == \
        ("2024-02-08T23:20:00Z", "2024-02-09T01:15:00Z", "2024-02-13T08:00:00Z")


def test_an_english_key_with_a_note_in_brackets_is_not_read_by_the_note():
    from loaders.postmortem.vocabulary import meta_key
    assert meta_key("Ticket (resolved)") != "resolved"


def test_an_entry_ending_called_it_mitigated_marks_the_mitigation():
    text = ("# Vans dark on the map\n\nAll times UTC.\n\n## Timeline (2024-05-06)\n\n"
            "- 05:52 First units enter reboot loop. Impact starts here.\n- 06:40 Dispatcher calls support.\n"
            "- 07:15 Campaign paused in the OTA console.\n- 10:05 1,150 of 1,212 vans reporting again. Called it mitigated.\n")
    assert parse(text, "a.md")["mitigated_at"] == "2024-05-06T10:05:00Z"


def test_fields_opening_a_summary_heading_are_the_documents():
    text = ("INCIDENT SUMMARY\n================\nIncident:   Vans dark on the map\nDate:       Monday, May 6, 2024\n"
            "Severity:   Sev 2\nStatus:     Resolved\n\nWave 2 of the OTA campaign went to 1,850 vans.\n")
    got = parse(text, "a.txt")
    assert (got["severity"], got["status"]) == ("Sev 2", "Resolved")


def test_bracketed_own_numbers_are_no_tickets():
    text = ("# Vans dark\n\n## Action items\n\n"
            "- [AI-1] Page on-call on the ratio alert. Owner: Dmitri. Ticket: FLT-2210. Status: done\n"
            "- [AI-2] Auto-halt OTA waves. Owner: Priya. Ticket: FLT-2211. Status: open\n"
            "- [AI-3] Replace SMS wake-up. Status: won't do this year\n")
    assert [a["ticket"] for a in parse(text, "a.md")["action_items"]] == ["FLT-2210", "FLT-2211", None]


def test_a_wont_do_items_reason_names_no_ticket_of_its_own():
    text = ("# Duplicate CDRs\n\n## Follow-ups\n\n"
            "- [x] Store the high-water mark as a UTC instant — @s.yilmaz — BILL-882\n"
            "- [ ] Alert on export runs over 3x the median — @ops — due 2024-04-26 — BILL-890\n"
            "- [ ] Run the billing cluster on UTC — won't do: partner invoicing needs the local day; BILL-882 "
            "fixes the real problem\n")
    assert [a["ticket"] for a in parse(text, "a.md")["action_items"]] == ["BILL-882", "BILL-890", None]


def test_someone_catching_it_in_review_detects_it():
    text = ("# Near miss: zero tariff almost published\n\n**What happened.** On Tuesday 3 September 2024 a tariff was staged "
            "at 0.00 EUR/kWh. The scheduled push at 18:00 CEST would have sent it to 3,140 chargers. Théo caught it in "
            "the four-eyes review at 16:37 CEST and rejected the change. Nothing was published.\n")
    assert parse(text, "a.md")["detected_at"] == "2024-09-03T14:37:00Z"


def test_a_system_reporting_its_step_complete_tells_us_nothing():
    text = ("# Wrong model year got the update\n\ntimeline (UTC, 2024-09-12):\n"
            "- 08:10 campaign started\n- 08:31 first MY23 car reports install complete\n"
            "- 08:55 telemetry alert: calibration checksum mismatch\n- 09:02 campaign halted\n")
    assert parse(text, "a.md")["detected_at"] == "2024-09-12T08:55:00Z"


def test_the_work_stopping_starts_the_harm():
    text = ("# Buses not charged overnight\n\nAll times UTC.\n\n## Timeline (2024-01-17)\n\n"
            "- 03:00 — Buses return; 41 plugged in, charging under the cap.\n"
            "- 04:16 — Site limit of 0 kW applied; all 41 buses stop charging.\n"
            "- 10:35 — Depot supervisor finds buses at 18% SoC, calls the NOC.\n- 10:52 — Charging resumes.\n")
    assert parse(text, "a.md")["started_at"] == "2024-01-17T04:16:00Z"


def test_the_monitoring_stopping_is_no_harm():
    text = ("# Bridge reset\n\nAll times UTC.\n\n## Timeline (2024-01-17)\n\n"
            "- 03:00 — Bridge end-to-end monitoring stops working.\n"
            "- 04:16 — Bridge loses its rooms; outage begins.\n- 10:52 — Bridge restored.\n")
    assert parse(text, "a.md")["started_at"] == "2024-01-17T04:16:00Z"


def test_plain_keys_over_bold_values_with_notes_between_separators():
    text = ("# Stale courier locations\n\n> Severity: **SEV3** (single city) · Status: **In review** · "
            "Date: **Tue 10.06.2025** · Owner: Piotr Nowak (Dispatch)\n\n## Context\n\nText.\n")
    got = parse(text, "a.md")
    assert (got["date"], got["severity"], got["status"]) == ("2025-06-10", "SEV3", "In review")


def test_estatus_is_the_status():
    text = "# Sobreasignación\n\n| | |\n|---|---|\n| Fecha | jueves 18/07/2024 |\n| Estatus | Cerrado |\n"
    assert parse(text, "a.md")["status"] == "Cerrado"


def test_a_dashed_item_whose_owner_part_names_its_field_keeps_its_due_date():
    text = ("# Sobreasignación\n\n## Acciones correctivas\n\n"
            "- Límite duro de 2 pedidos por repartidor — Responsable: Andrés Villalobos — 26/07/2024 — DISP-3120 — Done\n"
            "- Canary por ciudad — Responsable: Fernanda Ruiz — 09/08/2024 — DISP-3121 — En progreso\n")
    got = parse(text, "a.md")["action_items"]
    assert [(a["owner"], a["due"]) for a in got] == [("Andrés Villalobos", "2024-07-26"), ("Fernanda Ruiz", "2024-08-09")]


def test_a_byline_among_a_lines_fields_is_no_more_of_the_status():
    text = ("DISPATCH STALL - LISBOA\nsev: SEV2 | status: closed | written by Ines M. (dispatch on-call) on Thu 13 Jun\n"
            "date: Wed 12 Jun 2024 - all times Lisbon local (WEST)\n\ntimeline\n- 20:31 assign latency past 90s\n")
    assert parse(text, "a.txt")["status"] == "closed"


def test_a_pagerduty_page_as_a_noun_and_a_close_in_a_channel():
    text = ("# Dispatch stall\n\nAll times UTC, 2024-06-12.\n\n## Timeline\n\n- 20:31 assign latency p95 past 90s, couriers idle\n"
            "- 20:38 PagerDuty page \"assign_latency_p95 > 60s\" -> me\n- 20:52 rolled the config back\n"
            "- 20:58 backlog drained, p95 back under 10s\n- 21:40 watched the dinner tail, all normal, closing in #ops-lisboa\n")
    got = parse(text, "a.md")
    assert (got["detected_at"], got["resolved_at"]) == ("2024-06-12T20:38:00Z", "2024-06-12T21:40:00Z")


def test_a_name_in_brackets_before_a_ticket_and_a_note_is_the_owner():
    text = ("# Voucher stacking\n\n## Action items\n\n"
            "- [x] Restore the exclusive flag and add a combination test (Tom Fairweather) PROMO-901 (done 2024-12-07)\n"
            "- [ ] Second reviewer from Risk (Hannah Osei), due 2024-12-20, PROMO-903\n")
    assert [a["owner"] for a in parse(text, "a.md")["action_items"]] == ["Tom Fairweather", "Hannah Osei"]


def test_a_due_day_that_reads_both_ways_takes_the_lists_order():
    text = ("# Free modifiers\n\n**Date:** 2025-03-11\n\n## Action items\n\n"
            "- [ ] @devon: treat a missing price as a sync error (MENU-2231), due 3/21\n"
            "- [x] @devon: zero-price guard on by default (MENU-2232), due 3/12\n"
            "- [ ] @maya: subscribe to POS changelogs, due 4/4\n")
    assert [a["due"] for a in parse(text, "a.md")["action_items"]] == ["2025-03-21", "2025-03-12", "2025-04-04"]


def test_a_due_day_that_reads_both_ways_alone_stays_unread():
    text = "# Free modifiers\n\n**Date:** 2025-03-11\n\n## Action items\n\n- [ ] @devon: zero-price guard, due 3/12\n"
    assert parse(text, "a.md")["action_items"][0]["due"] is None


def test_a_status_word_in_any_language_then_its_day_is_a_note_after_the_owner():
    text = ("# Promo near miss\n\n## Action items\n\n"
            "- [x] Timezone field mandatory (Dimas) — GRW-1207, selesai 27/01\n"
            "- ~~Consent-rate panel on the dashboard~~ — Katrin Vogel — erledigt 04.07.\n")
    assert [a["owner"] for a in parse(text, "a.md")["action_items"]] == ["Dimas", "Katrin Vogel"]


def test_a_name_before_a_colon_beside_handles_before_colons_is_the_owner():
    text = ("# Free modifiers\n\n## Action items\n\n"
            "- [ ] @devon.price: treat a missing price as a sync error (MENU-2231), due 3/21\n"
            "- [ ] Tanisha Brooks (Ops Chicago): alert when >5% of prices change in one sync (MENU-2233)\n")
    assert [a["owner"] for a in parse(text, "a.md")["action_items"]] == ["@devon.price", "Tanisha Brooks"]


def test_lag_at_zero_ends_the_impact():
    text = ("# Deals shown in stock\n\nAll times UTC.\n\n## Key moments (2024-11-29)\n\n"
            "- 18:22 — Lag on the stock topic starts climbing; rebalance loop begins.\n- 19:05 — CX raises it in #ops.\n"
            "- 19:52 — Consumers redeployed with smaller batches.\n"
            "- 20:25 — Lag at zero, catalog stock matches WMS again.\n- 23:30 — Deals end; incident closed.\n")
    assert parse(text, "a.md")["mitigated_at"] == "2024-11-29T20:25:00Z"


def test_a_day_in_brackets_after_the_clock_in_another_language_carries_to_the_next_entry():
    text = ("## Near miss — dispatch-db CPU en Nochevieja, 31/12/2024\n\nHoras en UTC.\n\n"
            "- 21:10 — Grafana alert CPU > 80% → PagerDuty → Valentina\n- 21:50 — Ping interval flag on. CPU to 70%\n"
            "- 00:40 (1 ene) — Order peak passes; CPU max 71%\n- 02:00 — Closed.\n")
    got = parse(text, "a.md")
    assert [e["at"] for e in got["timeline"]][-2:] == ["2025-01-01T00:40:00Z", "2025-01-01T02:00:00Z"]


def test_a_status_then_with_someone_names_the_owner():
    text = ("# Overbooking\n\n## Follow-ups\n\n- Alert on capacity cache age (SLOT-413) (done 28 Aug)\n"
            "- Festival-day runbook: switch to a longer promise early (OPS-77), in progress with Ananya\n"
            "- Test the failover with the new cache\n")
    assert [a["owner"] for a in parse(text, "a.md")["action_items"]] == [None, "Ananya", None]


def test_a_key_times_table_with_a_ut_column_is_read_in_ut():
    text = ("# Site power loss\n\nAll times are UT; local time (CLST, UT−3) beside it.\n\n## Key times\n\n"
            "| Milestone | UT | Local (CLST, UT−3) |\n|---|---|---|\n"
            "| Impact start (utility supply lost) | 2024-01-21 05:14 | 2024-01-21 02:14 |\n"
            "| Detected (UPS alarm) | 2024-01-21 05:14 | 2024-01-21 02:14 |\n"
            "| Mitigated (site on generator power) | 2024-01-21 07:55 | 2024-01-21 04:55 |\n")
    got = parse(text, "a.md")
    assert (got["started_at"], got["mitigated_at"]) == ("2024-01-21T05:14:00Z", "2024-01-21T07:55:00Z")


def test_a_day_on_its_own_line_right_under_an_entry_starts_the_next_day():
    text = ("Near miss: shutter did not close\n\nAll clock times below are UTC.\n\nLOG\n---\n14 Nov 2023\n"
            "- 22:12  Dome open, twilight flats.\n- 23:30  Humidity 71% and rising.\n15 Nov 2023\n"
            "- 01:22  Humidity 86%.\n- 01:40  Op sees open slit on dome camera. Fault noticed.\n")
    got = parse(text, "a.txt")
    assert [e["at"] for e in got["timeline"]] == ["2023-11-14T22:12:00Z", "2023-11-14T23:30:00Z",
                                                 "2023-11-15T01:22:00Z", "2023-11-15T01:40:00Z"]


def test_a_thing_shut_does_not_close_the_incident():
    text = ("# Near miss: shutter did not close\n\nThis is a near miss. All times UTC.\n\n## Log (2023-11-15)\n\n"
            "- 01:37 Shutter drive fault, shutter stops 20 cm down.\n- 01:40 Op sees open slit on dome camera.\n"
            "- 01:58 Shutter fully closed by hand pendant.\n")
    assert parse(text, "a.md")["resolved_at"] is None


def test_a_window_closed_with_the_incident_still_closes_it():
    text = ("# Route leak\n\nAll times UTC.\n\n## Timeline (2024-03-02)\n\n- 01:10 Prefixes leaked to transit.\n"
            "- 01:20 NOC paged.\n- 01:40 Filters restored; leak withdrawn.\n- 02:30 Window closed, incident resolved.\n")
    assert parse(text, "a.md")["resolved_at"] == "2024-03-02T02:30:00Z"


def test_a_note_to_its_readers_is_a_byline_and_planned_works_hours_no_window():
    text = ("# Near miss: buffer nearly full\n\n*Core Facility — note to facility users and staff, 12 February 2024*\n\n"
            "This is a write-up of something that very nearly went wrong on the evening of Thursday 8 February 2024. "
            "All times are UTC.\n\nOn Thursday central IT ran planned maintenance on the Ceph gateways between 17:00 "
            "and 18:30. The transfer daemon did not reconnect.\n")
    got = parse(text, "a.md")
    assert (got["date"], got["started_at"]) == ("2024-02-08", None)


def test_the_first_sign_was_is_how_they_knew():
    text = ("# Near miss: buffer nearly full\n\nThis nearly went wrong on Thursday 8 February 2024. All times are UTC.\n\n"
            "The first sign was the storage monitor's e-mail \"buffer 70% full\" at 20:12, which Jana read at 20:19. "
            "She restarted the daemon at 20:38.\n")
    assert parse(text, "a.md")["detected_at"] == "2024-02-08T20:12:00Z"


def test_a_bylines_severity_with_a_note_and_calling_it_at_an_entrys_end():
    text = ("## slurmctld down overnight (Sun 2024-03-10)\n\nposted to #hpc-ops by Ravi K. · Sev3 (scheduler only; no running "
            "jobs lost) · all times UTC\n\n- 01:47 — slurmctld segfaults\n- 01:52 — Nagios pages on-call (me)\n"
            "- 03:20 — slurmctld back with the plugin reverted; pending jobs scheduling again\n"
            "- 03:50 — queue depth back to normal, calling it\n")
    got = parse(text, "a.md")
    assert (got["severity_level"], got["resolved_at"]) == (3, "2024-03-10T03:50:00Z")


def test_resp_names_the_owner():
    text = ("# Stream loss\n\n## Actions arising\n\n"
            "1. Add a frames-written light to the GUI. Resp: Sione Fa'alogo. By: 15/03/2024. JIRA BLSW-1409. Open.\n"
            "2. Soak-test receiver releases for 24 h. Resp: Controls. JIRA BLSW-1410. Open.\n")
    assert [a["owner"] for a in parse(text, "a.md")["action_items"]] == ["Sione Fa'alogo", "Controls"]


def test_done_with_a_note_as_the_last_of_dotted_fields():
    text = ("# 1PPS fallback\n\n## Follow-up actions\n\n"
            "- Remote alarm for the HVAC. **Owner:** Declan Hurley · **Ticket:** ARO-312 · Open\n"
            "- Request re-observation. **Owner:** Orla Byrne · Done — coordinator added us to GX2412 (2024-12-10).\n")
    assert [a["status"] for a in parse(text, "a.md")["action_items"]] == ["open", "done"]


def test_a_deadline_in_the_tasks_words_does_not_hide_its_due_field():
    text = ("# Portal outage\n\n## Action Items\n\n- Formal change freeze from 7 days before any proposal deadline until "
            "2 days after. Owner: Dev Raghunathan. Due: October 25, 2024. Ticket: ALLOC-1021. Status: Completed.\n")
    assert parse(text, "a.md")["action_items"][0]["due"] == "2024-10-25"


def test_an_opening_that_narrates_the_front_matters_own_day_keeps_it():
    text = ("+++\ntitle = \"Weekly purge deleted files in use\"\ndate = 2024-08-04\n+++\n\n# Weekly purge deleted files in use\n\n"
            "Times are UTC.\n\n## What happened\n\nThe weekly purge removes files not read for 90 days. On 22 July the MDT was migrated and atime updates were switched off. "
            "On Sunday 4 August the purge found 1.84 M files whose atime was old and moved them all to the trash.\n")
    assert parse(text, "a.md")["date"] == "2024-08-04"


def test_users_calling_the_local_contact_is_how_they_knew():
    text = ("# Cryocooler trip\n\nAll times UTC.\n\n## Timeline (2024-06-11)\n\n- 21:48 — Cryocooler trips. **Impact begins.**\n"
            "- 22:06 — Users see I0 down 60% and call the local contact on the beamline phone.\n"
            "- 22:40 — On-call phoned.\n- 04:40 — Beam back on sample. **Impact ends.**\n")
    assert parse(text, "a.md")["detected_at"] == "2024-06-11T22:06:00Z"


def test_a_due_day_of_the_year():
    text = ("# Cryocooler trip\n\n**Date:** 2024-06-11\n\n## Actions\n\n"
            "- [ ] Night-shift checklist: check cryocooler status — @a.lindqvist — due DOY 190 (8 Jul)\n")
    assert parse(text, "a.md")["action_items"][0]["due"] == "2024-07-08"


def test_a_key_naming_a_thing_in_the_words_is_no_ticket_beside_tickets_set_apart():
    text = ("# Cryocooler trip\n\n## Actions\n\n"
            "- [x] Replace the XB-07 level sensor and add a vent-valve step — @m.berger — done DOY 165\n"
            "- [x] Make cryocooler trips MAJOR alarms — @j.osei — VSR-BL-2210\n"
            "- [ ] Keep a spare level sensor on site — @m.berger — due 2024-07-15 — VSR-BL-2211\n"
            "- [ ] Fill-level sensor on MES-2 — @m.aasen — CAPEX request CR-2023-117\n")
    got = [a["ticket"] for a in parse(text, "a.md")["action_items"]]
    assert got[:3] == [None, "VSR-BL-2210", "VSR-BL-2211"] and got[3] is not None and got[3].startswith("CR-2023")


def test_mitigacion_names_the_mitigation():
    text = ("# Sobreasignación\n\n| | |\n|---|---|\n| Fecha | jueves 18/07/2024 |\n| Inicio del impacto | 14:10 |\n"
            "| Mitigación | 15:02 (rollback a batching v2) |\n| Fin del impacto | 16:05 |\n\nTodas las horas son UTC.\n")
    assert parse(text, "a.md")["mitigated_at"] == "2024-07-18T15:02:00Z"


def test_a_harm_named_by_its_excess_ending_and_a_public_bucket_shut():
    text = ("# Overcharge\n\n- Resolved: not yet — refunds still in progress\n\nAll times UTC.\n\n## Timeline (2024-10-01)\n\n"
            "- 14:10 — Tills start charging 9.5% tax.\n- 14:30 — Corrected table published.\n"
            "- 14:47 — Last store picks up the table. Overcharging stopped.\n")
    got = parse(text, "a.md")
    assert (got["mitigated_at"], got["resolved_at"]) == ("2024-10-01T14:47:00Z", None)


def test_anonymous_requests_now_refused_ends_the_exposure():
    text = ("# Public export bucket\n\nAll times UTC.\n\n## Timeline (2024-01-17)\n\n- 08:50 — Researcher reports the bucket is public.\n"
            "- 09:35 — Block Public Access enabled; anonymous requests now get 403.\n")
    assert parse(text, "a.md")["mitigated_at"] == "2024-01-17T09:35:00Z"


def test_a_secrets_exposure_marked_from_its_first_moment_starts_it():
    text = ("# Token exposed in a public log\n\nAll times UTC.\n\n## Timeline (2024-07-09)\n\n"
            "- 17:50 — PR #877 opened with a workflow change.\n"
            "- 18:06 — The workflow run prints the encoded .npmrc. The token is readable from this point.\n"
            "- 19:40 — A reader reports the token in the log.\n- 19:55 — Token revoked.\n")
    assert parse(text, "a.md")["started_at"] == "2024-07-09T18:06:00Z"


def test_the_next_day_after_a_dated_story_with_no_time_told_before():
    text = ("# 2026-04-29 to 2026-05-05 — Lambda emails silently failing\n\n## Root cause\n\n"
            "The truncation reached prod with commit de488646 (2026-04-29). Errors started 13:00 UTC the next day.\n")
    assert parse(text, "a.md")["started_at"] == "2026-04-30T13:00:00Z"


def test_a_letters_subject_names_the_day_its_sent_date_does_not():
    text = ("**To:** The promoter\n**From:** Client services\n**Date sent:** Wednesday 5 March 2025\n"
            "**Re:** Mobile tickets at the arena, Friday 28 February\n\n# Mobile tickets would not open\n\n"
            "Thank you for the call. All times below are UK time (GMT). From about 6.41pm, Android fans could not open tickets.\n")
    got = parse(text, "a.md")
    assert (got["date"], got["started_at"]) == ("2025-02-28", "2025-02-28T18:41:00Z")


def test_the_writers_in_short_recap_is_prose_that_times_the_incident():
    text = ("# Gate outage\n\n**Date:** 2025-02-28\n\nAll times UTC.\n\n## What happened\n\nFans could not open tickets.\n\n"
            "In short: the problem started at 6.41pm, we knew at 6.52pm, it was contained at 7.20pm, "
            "and the incident was closed at 9.15pm.\n")
    got = parse(text, "a.md")
    assert (got["detected_at"], got["mitigated_at"]) == ("2025-02-28T18:52:00Z", "2025-02-28T19:20:00Z")


def test_a_titles_day_with_its_weekday_dates_a_timeline_that_crosses_midnight():
    text = ("# SIR-24-062: fleet stop (night shift, Sat 27 July)\n\n- **Flash report issued:** Sun 28 July 2024, 9:15 am AWST\n\n"
            "All times below are AWST (UTC+8).\n\n## Timeline\n\n### 6:42 pm — EPC server fails\nAll trucks stop.\n\n"
            "### 8:52 pm — Haulage resumes\nFleet released.\n\n### Sun 28 July, 6:00 am — Day shift handover\nHanded over.\n")
    got = parse(text, "a.md")
    assert (got["date"], got["started_at"]) == ("2024-07-27", "2024-07-27T10:42:00Z")


def test_under_investigation_is_a_status():
    assert parse("# Report\n\n- **Status:** Under investigation\n", "a.md")["status"] == "Under investigation"


def test_an_hse_classification_naming_a_near_miss_gives_no_level_without_its_scale():
    got = parse("# Report\n\n- **Classification:** High Potential Near Miss (HPNM)\n- **IT incident priority:** P1\n", "a.md")
    assert (got["near_miss"], got["severity_level"]) == (True, 1)
    got = parse("# Report\n\nClassification: **Category 2 — serious near miss** (Category 1 = most serious)\n", "a.md")
    assert (got["near_miss"], got["severity_level"]) == (True, 2)


def test_a_key_written_in_two_languages_names_its_moment():
    text = ("# ICAM report\n\n| Item | Detail |\n|---|---|\n| Fecha del evento / Event date | 19-06-2024 |\n"
            "| Hora del evento / Event time | 23:52 |\n| Vista restablecida / View restored (mitigation) | 00:30 on 20-06-2024 |\n"
            "| Cierre del evento en bitácora / Event closed | 04:10 on 20-06-2024 |\n\nAll times UTC.\n")
    got = parse(text, "a.md")
    assert (got["mitigated_at"], got["resolved_at"]) == ("2024-06-20T00:30:00Z", "2024-06-20T04:10:00Z")


def test_an_investigations_scope_and_method_is_no_impact_window():
    text = ("# ICAM report\n\n**Date:** 2024-06-19\n\nAll times UTC.\n\n## Summary\n\nConsoles froze at 23:52.\n\n"
            "## 3. Scope and method\n\n- Alarm journal export (19-06 22:00 to 20-06 06:00)\n")
    assert parse(text, "a.md")["sections"].get("impact") is None


def test_spanish_action_statuses_and_a_ticket_column_after_a_reference_column():
    text = ("# ICAM report\n\n## Acciones\n\n| N° | Acción | Ref. ICAM | Responsable | Estado | Ticket |\n|---|---|---|---|---|---|\n"
            "| 1 | Configure storm control | AD1 | Felipe Araya | Cerrada | CHG0031207 |\n"
            "| 2 | Lock DCS racks | AD3 | Luis Muñoz | Abierta | — |\n"
            "| 3 | Replace the test switch | IT1 | Daniel Contreras | Anulada — removed from kits | — |\n")
    got = parse(text, "a.md")["action_items"]
    assert [(a["status"], a["ticket"]) for a in got] == [("done", "CHG0031207"), ("open", None), ("wont_do", None)]


def test_an_action_heading_with_its_own_code_is_an_item_whatever_its_words():
    text = ("# Controller failure\n\n## Actions\n\n### A1. Apply the firmware hotfix to all pairs\n"
            "Owner: Gavin Tully · Due: 2024-11-15 · Status: Done\n\n"
            "### A2. Scheduled controller switchover test at every planned shutdown\nOwner: Gavin Tully · Due: 2024-12-31 · Status: Open\n")
    assert [a["status"] for a in parse(text, "a.md")["action_items"]] == ["done", "open"]


def test_a_quoted_log_extract_below_the_timeline_table_is_no_entries():
    text = ("# Controller failure\n\nAll times UTC.\n\n## Timeline\n\n| Date / time | Entry |\n|---|---|\n"
            "| 08/10/2024 19:42 | Controller reset |\n| 08/10/2024 22:30 | Incident closed |\n\n"
            "Shift log extract (verbatim, for the record):\n\n> 19:45 CRO: rang Gav, 420 dead on the screens\n> 22:15 Gav: 420B swapped\n")
    assert len(parse(text, "a.md")["timeline"]) == 2


def test_a_weekday_day_and_four_digit_clock_fill_a_cell():
    text = ("# SIF bypass left in\n\n**Date:** 2024-02-15\n\nAll times UTC.\n\n## Sequence of events\n\n| Day / time | Event |\n|---|---|\n"
            "| Thu 15/02 1420 | MOS applied on SIF-2107 |\n| Fri 16/02 2135 | Night CRO, doing the weekly bypass audit, finds SIF-2107 in MOS |\n")
    got = parse(text, "a.md")
    assert [e["at"] for e in got["timeline"]] == ["2024-02-15T14:20:00Z", "2024-02-16T21:35:00Z"]
    assert got["detected_at"] == "2024-02-16T21:35:00Z"


def test_a_status_tag_among_an_items_dashed_fields_and_a_key_numbered_by_its_year():
    text = ("# SIF bypass left in\n\n## Recommendations\n\n"
            "1. Alarm for any MOS active over 12 h — Owner: Folake Adeyemi — Target: 31/05/2024 — [Open] — MOC-CBL-24-045\n"
            "2. No SIS interface upgrades while online — [Not accepted] — online work is needed to avoid shutdowns\n")
    got = parse(text, "a.md")["action_items"]
    assert [(a["status"], a["ticket"]) for a in got] == [("open", "MOC-CBL-24-045"), ("wont_do", None)]


def test_a_terse_gate_log_keyed_status_part_radioed_in_rebooting_and_moving_again():
    text = ("# Scanners stuck in an update loop at doors (Fri 8/9/24)\n\n"
            "Sev 3 · Status: Closed · Kenji Ito (venue tech) for Laura, GM. Times are MT.\n\n"
            "- 6:12 PM  MDM pushes scanner firmware 4.2.1 to all 60 handhelds\n"
            "- 6:14 PM  Scanners start rebooting mid-scan, lines at all 4 gates stop\n"
            "- 6:18 PM  Gate leads radio it in; 41 of 60 scanners down\n"
            "- 6:25 PM  12 spares out of the office + 8 phones with the scan app\n"
            "- 6:34 PM  All gates moving again, slower but OK\n")
    got = parse(text, "a.md")
    assert (got["status"], got["started_at"], got["detected_at"], got["mitigated_at"]) == (
        "Closed", "2024-08-10T00:14:00Z", "2024-08-10T00:18:00Z", "2024-08-10T00:34:00Z")


def test_a_spanish_near_miss_log_hrs_without_an_alarm_closed_event_and_fulfilled_items():
    text = ("# Reporte de casi accidente\n\n| Campo | Detalle |\n|---|---|\n| Fecha | jueves 18 de enero de 2024 |\n\n"
            "Todas las horas en UTC.\n\n## Cronología\n\n- 10:37 hrs. SRV-OPC-02 deja de responder; el HMI queda congelado sin alarma.\n"
            "- 11:25 hrs. TI/OT reinicia el servicio OPC UA; el HMI vuelve a actualizar.\n"
            "- 12:10 hrs. Prueba conforme; se reanuda el carguío y se cierra el evento.\n\n## Medidas correctivas\n\n"
            "- Alarma por calidad OPC mala · Responsable: Ignacio Pérez · Estado: Cumplida\n"
            "- Bloquear comandos de traslación · Responsable: Ignacio Pérez · Estado: En ejecución\n")
    got = parse(text, "a.md")
    assert got["timeline"][0]["text"].startswith("SRV-OPC-02")
    assert (got["detected_at"], got["resolved_at"]) == (None, "2024-01-18T12:10:00Z")
    assert [a["status"] for a in got["action_items"]] == ["done", "open"]


def test_an_expiry_warned_of_a_report_generated_and_data_that_starts_to_flow():
    text = ("# PI link down\n\nTimes are UTC.\n\n## Timeline\n\n| When | What |\n|---|---|\n"
            '| 2023-12-08 16:02 | Service desk reminder "certificate expires in 1 day" sent to retired mailbox |\n'
            "| 2023-12-09 00:00 | Certificate expires; interface fails to authenticate |\n"
            "| 2023-12-09 06:00 | Daily production report generated empty |\n"
            "| 2023-12-09 07:14 | Aisling gets a text from the historian's checker: report blank since midnight |\n"
            "| 2023-12-09 10:20 | New certificate installed; buffered data starts to flow |\n")
    got = parse(text, "a.md")
    assert (got["started_at"], got["detected_at"], got["mitigated_at"]) == (
        "2023-12-09T00:00:00Z", "2023-12-09T07:14:00Z", "2023-12-09T10:20:00Z")


def test_a_plain_text_five_whys_a_cause_a_line_and_a_call_to_the_control_room():
    text = ("SKERRYVORE ALPHA - QUICK INVESTIGATION\n=====\n\nDate: Tue 23-Apr-2024\nTimes: all times UTC\n\n"
            "TIMELINE\n- 14:07 Fibre link down. Nothing arrives onshore.\n"
            "- 14:09 ROC operator sees stale values on PI Vision, calls CCR on Iridium\n\n"
            "5 WHYS\nWhy 1 - Why did the ROC lose the platform?  Both paths were down.\n"
            "Why 2 - Why was the VSAT path down?  The licence had expired.\nWhy 3 - Why did it expire?  No PO was raised.\n")
    got = parse(text, "a.txt")
    assert got["detected_at"] == "2024-04-23T14:09:00Z" and len(got["contributing_factors"]) == 3


def test_an_op_risk_records_date_and_time_fields_and_a_routine_close():
    text = ("# Operational Risk Event Record ORE-2024-0417\n\n| Field | Value |\n|---|---|\n"
            "| Occurrence date | 2024-06-13 |\n| Occurrence time | 17:52 ET |\n| Discovery date | 2024-06-14 |\n"
            "| Discovery time | 08:15 ET |\n| Event closed | 2024-07-02 |\n\n## Event description\n\n"
            "An operator re-released the payment at 17:52 ET. The Fedwire Funds Service closed at 19:00 ET as usual.\n")
    got = parse(text, "a.md")
    assert (got["started_at"], got["detected_at"], got["resolved_at"]) == (
        "2024-06-13T21:52:00Z", "2024-06-14T12:15:00Z", None)


def test_a_portuguese_timeline_calls_the_on_call_and_pauses_the_job():
    text = ("# Pós-mortem: devoluções Pix duplicadas\n\n| Campo | Valor |\n|---|---|\n| Data do incidente | 12/03/2025 |\n\n"
            "Todos os horários em UTC.\n\n## Linha do tempo\n\n- **09h00** — job inicia o lote do dia\n"
            "- **09h14** — o job faz retry e as primeiras devoluções duplicadas são liquidadas\n"
            "- **10h02** — Tesouraria vê o saldo abaixo da projeção e aciona o plantão de Pix\n"
            "- **10h25** — job pausado; não há mais duplicidades a partir daqui\n")
    got = parse(text, "a.md")
    assert (got["started_at"], got["detected_at"], got["mitigated_at"]) == (
        "2025-03-12T09:14:00Z", "2025-03-12T10:02:00Z", "2025-03-12T10:25:00Z")


def test_a_loose_when_after_the_owner_and_a_moc_or_wo_column():
    text = "# Review\n\n## Actions\n\n- [ ] Pre-approve card-direct at bars — Georgie Hart (Saltbush Presents) — before the 2026 on-sale\n"
    assert parse(text, "a.md")["action_items"][0]["owner"] == "Georgie Hart"
    text = ("# Review\n\n## Corrective actions\n\n| # | Corrective action | Owner | Status | MOC / WO |\n|---|---|---|---|---|\n"
            "| CA-1 | Move the servers to UTC | S. Larocque | Open | MOC-24-187 |\n| CA-4 | DST checklist | R. Okafor | Open | — |\n")
    assert [a["ticket"] for a in parse(text, "a.md")["action_items"]] == ["MOC-24-187", None]


def test_code_calling_code_and_a_report_circulated_detect_nothing():
    text = ("# Resale cap bypass\n\nAll times UTC.\n\n## Timeline\n\n"
            '- 2024-11-07 16:00 — PR #4471 merged. Reviewed as display-only; the cap check calls the same helper.\n'
            "- 2024-11-09 14:20 — Release deployed; over-cap listings accepted from now on.\n"
            "- 2024-11-11 10:12 — Weekly marketplace report circulated. Nobody flags it.\n"
            "- 2024-11-12 09:05 — Fan posts a screenshot on X; support escalates to the on-call.\n")
    assert parse(text, "a.md")["detected_at"] == "2024-11-12T09:05:00Z"


def test_supervisors_all_radio_and_a_thing_named_beside_labelled_tickets():
    text = ("Ingress Control Log\n=====\n\nDate: Saturday 15/06/2024\n\nAll times are UTC.\n\nLOG\n"
            "- 17:00 Gates open on time.\n- 17:12 Supervisors at banks C, D, E, F all radio the same thing: mobile tickets going red.\n\n"
            "ACTIONS\n- Network changes in a show week need sign-off. Owner: Dev Nair. Due 28/06/2024. Ticket IT-2207.\n"
            "- Offline cache sync every 5 min. Owner: Tixmill. Ticket TXM-55120. DONE 21/06.\n"
            "- Keep GM-1 out of service until firmware 3.4. Owner: Callum Reid. Ref ENG-771.\n"
            "- 4G backup link for ACS-02. Owner: Dev Nair. Not doing - ACS-02 is replaced in the refit.\n")
    got = parse(text, "a.txt")
    assert got["detected_at"] == "2024-06-15T17:12:00Z"
    assert [a["ticket"] for a in got["action_items"]] == ["IT-2207", "TXM-55120", "ENG-771", None]


def test_a_severity_given_under_the_policy_it_is_rated_by():
    text = ("# Minutes of the ORMC\n\n## Item 3 — Review of incident IR-2024-112\n\n"
            "Incident severity as per the Bank's IT Incident Management Policy: **Severity-2**.\n\nThe Head of Payments presented it.\n")
    assert parse(text, "a.md")["severity_level"] == 2


def test_a_mitigation_labelled_in_portuguese_or_spanish():
    text = ("# Pós-mortem\n\n**Data:** 07/12/2024\n\n## Linha do tempo (UTC)\n\n- 13h40 — Taxa de erro sobe para 60%. Início do impacto.\n"
            "- 14h35 — Mitigação: flag skip_cpf_check ligada para recargas até R$ 200.\n")
    assert parse(text, "a.md")["mitigated_at"] == "2024-12-07T14:35:00Z"


def test_a_story_told_in_four_digit_hours_and_a_zone_after_local_time():
    text = ("# Incident Investigation Report\n\n**Date of incident:** 02/05/2024\n\nAll times in this report are local time, CET.\n\n"
            "## Description of events\n\nAt 0351 hrs the fibre to the level PLC was cut. At 0412 hrs the crew called the control room.\n"
            "The fibre was spliced at 0740 hrs, the VOD put back in auto at 0815 hrs, and the event was closed by the manager.\n")
    assert parse(text, "a.md")["resolved_at"] == "2024-05-02T07:15:00Z"


def test_why_it_almost_happened_in_portuguese_holds_the_causes():
    text = ("# Quase vazamento\n\n## Por que quase aconteceu\n\n- The worker's tzdata was never updated.\n"
            "- The tool shows the schedule in another zone.\n- Nobody checks the UTC value.\n")
    assert len(parse(text, "a.md")["contributing_factors"]) == 3


def test_a_near_miss_reported_after_its_log_closed_it_was_detected_in_the_log():
    text = ("# Near Miss Report\n\n| Field | Entry |\n|---|---|\n| Date of event | 12/03/2024 |\n"
            "| Date / time reported | 12/03/2024 06:20 UTC (after 0600 handover) |\n\n## Sequence of events (UTC)\n\n"
            "| Time | Event |\n|---|---|\n| 01:58 | SR3 anti-collision goes to COMMS FAIL and self-bypasses |\n"
            "| 02:05 | SR3 operator notices the banner on the HMI, E-stops SR3 and calls the CRO |\n"
            "| 04:10 | SR3 released back to production; event closed in the shift log |\n| 06:20 | Event entered in INX |\n")
    got = parse(text, "a.md")
    assert (got["detected_at"], got["resolved_at"]) == ("2024-03-12T02:05:00Z", "2024-03-12T04:10:00Z")


def test_alarms_lost_in_the_flood_detect_nothing_and_a_stood_down_incident_is_closed():
    text = ("# Caustic overflow\n\nAll times UTC.\n\n## Timeline (2024-09-05)\n\n"
            "- 06:19 — LAH-3307 high level alarm, priority Low, lost in the flood\n"
            "- 06:31 — TK-3307 overflows to bund; LAHH-3307 high-high alarm, also lost in the flood\n"
            "- 06:38 — Tanker driver sees caustic in the bund and radios the control room\n"
            "- 06:39 — Driver stops the unloading pump; overflow stops\n- 08:20 — SO stands down the spill incident.\n")
    got = parse(text, "a.md")
    assert (got["detected_at"], got["resolved_at"]) == ("2024-09-05T06:38:00Z", "2024-09-05T08:20:00Z")


def test_a_person_who_will_do_the_item_owns_it():
    text = ("# Review\n\n## Actions\n\n- Dana Whitfield will add a firmware check to the pipeline. [POS-1182, due 12/5]\n"
            "- Marcus Bell will upgrade the remaining 46 stores to firmware 4.2. [POS-1183, due 12/19]\n"
            "- Marco is setting up an expiry monitor for all client domains\n- Support will answer faster\n")
    assert [a["owner"] for a in parse(text, "a.md")["action_items"]] == ["Dana Whitfield", "Marcus Bell", "Marco", None]


def test_owners_set_apart_by_hyphens_or_before_a_short_note_ending_on_a_day():
    items = ["Price up the replica tier (about +40%) - Amara Osei",
             "Page on-call as well as the NOC wall - Michael Dunne - TBC",
             "Widen password_hash to TEXT everywhere — Hannah, finished 9 Apr",
             "Pedir a la pasarela el límite ampliado — Marcos — hecho el 02/12",
             "Quarterly failover test — Tavita — NET-289 — first one due 31 March",
             "Move all certificates to managed certificates → PLAT-612 — won't do"]
    text = "# Review\n\n## Actions\n\n" + "".join(f"- {i}\n" for i in items)
    got = [a["owner"] for a in parse(text, "a.md")["action_items"]]
    assert got == ["Amara Osei", "Michael Dunne", "Hannah", "Marcos", "Tavita", None]


def test_a_name_among_closing_comma_fields_and_first_names_to_do_the_work():
    text = "# R\n\n## Actions\n\n- Tests for every retention job, PLAT-3320, Chidi Okafor, by 13 March 2026\n"
    assert parse(text, "a.md")["action_items"][0]["owner"] == "Chidi Okafor"
    text = ("# R\n\n## Actions\n\n- Kendra to ask Bindery for full release notes before any upgrade\n"
            "- Felix to add a hold test to the checklist\n- Work to migrate the catalogue\n")
    assert [a["owner"] for a in parse(text, "a.md")["action_items"]] == ["Kendra", "Felix", None]


def test_near_misses_told_without_the_words():
    came_within = ("# db07 lost two disks\n\nNothing broke. No queries failed, no data was lost; this is written up because "
                   "we came within one disk of losing db07's array.\n")
    saw_nothing = ("# Order server disk\n\nThe disk reached 95% and was cleared before 7:00; the window opened on time, and "
                   "members saw nothing unusual. If the disk had filled up, the database would have stopped saving orders.\n")
    lucky = ("# Wildcard certificate renewed three days early\n\nNothing customer-facing broke; this is a write-up of the "
             "miss we got lucky on, not of an outage.\n")
    quiet_harm = ("# Search index mismatch\n\nBoth produce 768-d vectors, so nothing failed: the nearest neighbours were just "
                  "meaningless, and users saw bad results for two days.\n")
    assert [parse(t, "a.md")["near_miss"] for t in (came_within, saw_nothing, lucky, quiet_harm)] == [True, True, True, False]


def test_harm_done_twice_or_late_is_no_near_miss_unless_denied():
    bounced = ("# Email domain expired\n\nThe domain lapsed, so a lot of our mail bounced or went to spam. "
               "No customer data was exposed: the parking page was just a parking page.\n")
    titled = ('# Duplicate "new match" push notifications\n\nRolling back stopped it. No data was exposed and no '
              "message was lost.\n")
    caught = ("# Duplicate payout file caught before upload\n\nThe payout file was written with every merchant in it twice. "
              "It was quarantined and never sent to the bank. No merchant received a duplicate payout and no money moved.\n")
    assert [parse(t, "a.md")["near_miss"] for t in (bounced, titled, caught)] == [False, False, True]


def test_due_words_in_other_languages_and_a_named_day_with_its_date_in_brackets():
    items = ["Permanent wired connection to the booth PC — Hannah, before Mother's Day (May 11)",
             "Add a sandbox test. Responsible: Rodrigo Benítez. Date limit: 28/02/2025. Ticket: PAG-1312.",
             "Alert of provider balance — Gabriel Souza — até 21/06/2025 — AUTH-218",
             "Put both DST nights into the schedule. Ansvarig: Linnea Berg. Datum: 2025-10-20.",
             "@neha all domains on the company card + reminder 30 days before expiry (due 30 sep)"]
    text = "# R\n\n**Date:** 2024-09-01\n\n## Actions\n\n" + "".join(f"- {i}\n" for i in items)
    got = [a["due"] for a in parse(text, "a.md")["action_items"]]
    assert got == ["2025-05-11", "2025-02-28", "2025-06-21", "2025-10-20", "2024-09-30"]


def test_a_list_led_into_as_causes_beside_a_short_root_cause_section():
    text = ("# WebSocket feed down\n\n## Summary\n\nThe feed failed over HTTP/2.\n\n"
            "Three things contributed to this being missed for so long:\n1. LAN access bypasses the edge.\n"
            "2. Playwright tests mock WebSockets.\n3. The deploy gate runs against CI, not production.\n\n"
            "## Root cause\n\nThe edge did not restrict TLS ALPN.\n")
    assert len(parse(text, "a.md")["contributing_factors"]) == 4


def test_a_heading_that_counts_the_failures_holds_the_causes():
    text = ("# Dashboard down\n\n## Three failures, one incident\n\n1. **Production fix** — a change broke /dashboard.\n"
            "2. **Observability gap** — alerts did not fire.\n3. **Canary gap** — the canary promoted the broken bundle.\n")
    assert len(parse(text, "a.md")["contributing_factors"]) == 3


def test_someone_flags_it_up_or_to_someone():
    text = ("# Antivirus false positive\n\nAll times UTC.\n\n## Timeline (2024-01-09)\n\n- 17:50 — 0.4.4 released.\n"
            "- 18:18 — Hawke flags up Malware antivirus errors for the 0.4.4 installation\n- 18:41 — 0.4.4 reverted.\n")
    assert parse(text, "a.md")["detected_at"] == "2024-01-09T18:18:00Z"


def test_a_forms_time_fields_opening_with_four_digit_clocks():
    text = (" SHIFT INCIDENT REPORT\n ----\n DATE OF INCIDENT............: 2024-03-07  THURSDAY\n"
            " TIMES.......................: UTC\n\n DETECTED....................: 0153 BY AUTOMATION (PAGE TO SHIFT SUPV)\n"
            " SERVICE RESTORED............: 0506 FILE DELIVERED, 36 MIN AFTER CUT-OFF\n")
    got = parse(text, "a.txt")
    assert (got["detected_at"], got["mitigated_at"]) == ("2024-03-07T01:53:00Z", "2024-03-07T05:06:00Z")


def test_a_severity_field_pointing_elsewhere_a_placeholder_with_a_filter_and_a_status_note_in_italics():
    text = ("# Card declines\n\n| Field | Value |\n|---|---|\n| Severity | see Impact |\n\n## Impact\n\n"
            "We called this a **Sev 1** at 14:20 because card payments are our main revenue path.\n")
    assert parse(text, "a.md")["severity_level"] == 1
    text = ("# Flag defaults\n\n**Severity:** {{ incident.severity | upper }}\n\n## Summary\n\n"
            "For 45 minutes EU users got the defaults. I declared it a SEV2 at 16:58.\n")
    assert parse(text, "a.md")["severity_level"] == 2
    text = "# Invoices sent twice\n\n## Incident details\n\n- **Status:** Final *(Draft → In review → Final)*\n"
    assert parse(text, "a.md")["status"] == "Final"


def test_a_meeting_recaps_topic_then_who_will_do_it():
    text = ("# Recap\n\n## Follow-up tasks\n\n- SFTP pool health: Rhys Morgan will add a liveness check. PAY-3310\n"
            "- Queue alerting: Li Wei will lower the export queue alert to 100. PAY-3311\n"
            "- Second bureau route: Hannah Okafor to look at a standby connection — won't do\n")
    assert [a["owner"] for a in parse(text, "a.md")["action_items"]] == ["Rhys Morgan", "Li Wei", "Hannah Okafor"]


def test_a_review_meetings_notes_are_dated_by_the_incident_its_goals_name():
    text = ("---\ntitle: \"2025-04-09 Incident review – scanner sync outage\"\ncreated: 2025-04-09T15:02:11+02:00\n---\n\n"
            "# 2025-04-09 Incident review – scanner sync outage\n\n## Participants\n- Hannah Lindqvist (facilitator)\n- Jon Aasen\n\n"
            "## Goals\n- Agree the timeline for INC-3307 (Thursday 3 April 2025, Borås DC)\n\n"
            "## Timeline (agreed; Stockholm time, Thursday 3 April)\n\n- 13:45 Scanners start dropping into offline mode. Start of impact.\n")
    got = parse(text, "a.md")
    assert (got["date"], got["started_at"]) == ("2025-04-03", "2025-04-03T11:45:00Z")


def test_a_check_in_answer_dated_days_after_the_morning_it_tells_of():
    text = ('# Automatic check-in: "Anything go sideways this week?"\n\n**Lucía Ferreyra** answered · Friday, May 16, 2025 · '
            "Studio › Client Ops\n\nYes. The dental site was down on Tuesday morning (May 13), so I'm writing it up here.\n\n"
            "**Rough timeline (UTC):**\n\n- 7:10 AM – registrar parks the domain\n- 9:05 AM – site and booking load again\n")
    assert parse(text, "a.md")["date"] == "2025-05-13"


def test_a_shift_handoff_titled_with_its_span_dated_by_the_day_it_all_happened():
    text = ("# On-call handoff: Aurelio → Katarzyna (Mon 1 Dec 08:00 – Tue 2 Dec 08:00 CET)\n\n"
            "_Platform on-call handoffs 2025_\n\n**Shift summary:** quiet day, one near miss overnight.\n\n"
            "## Near miss: WAL volume almost full\n\n"
            "Severity: SEV3. All times below are CET and all of it happened on Tuesday 2 December 2025, in the early hours.\n\n"
            "**02:47** — Paged: WAL at 85%.\n")
    assert parse(text, "a.md")["date"] == "2025-12-02"


def test_a_zone_stated_at_the_end_of_a_long_paragraph():
    text = ("# iOS push failures\n\n## Summary\n\nOn Thursday 20 February 2025, iOS users of the app got no push notifications "
            "(\"your courier is 5 minutes away\") for almost two hours. The APNs auth key our notification service signs "
            "with was revoked during a clean-up of old keys in the Apple Developer account. Android was unaffected. "
            "Times are Melbourne time (AEDT).\n\n## Timeline\n\n- 10:14 am — key revoked; every iOS push fails from here on\n")
    assert parse(text, "a.md")["started_at"] == "2025-02-19T23:14:00Z"


def test_a_running_log_of_incidents_newest_first_tells_its_first_entry():
    text = ("# billing-ops incident log\n\nNewest first. All times UTC.\n\n## 2024-03-11 — Blank invoice PDFs (SEV-3)\n\n"
            "Invoices came out blank.\n\n**Timeline**\n\n- 9:02am  first blank PDF rendered\n- 9:41am  rollback complete\n\n"
            "## 2024-02-26 — Reminder emails sent twice\n\nA retry loop.\n\n## 2024-02-09 — Portal slow\n\nAn index.\n\n"
            "## 2024-01-17 — Payment webhook lag\n\nA queue.\n")
    got = parse(text, "a.md")
    assert (got["date"], got["started_at"]) == ("2024-03-11", "2024-03-11T09:02:00Z")


def test_a_byline_that_names_the_day_its_report_is_about():
    text = ("---\ntitle: \"Laporan Insiden: Keterlambatan Top-Up\"\ntanggal_terbit: 2024-08-19\n---\n\n"
            "# Laporan Insiden: Keterlambatan Top-Up\n\n*Diterbitkan Senin, 19 Agustus 2024. Laporan ini membahas gangguan "
            "pada Sabtu, 17 Agustus 2024.*\n\n## Ringkasan\n\nTop-up saldo tertunda.\n")
    assert parse(text, "a.md")["date"] == "2024-08-17"


def test_italian_again_and_a_status_with_its_day_among_dashed_fields():
    text = ("# Pagamenti persi\n\nOrari in UTC.\n\n## Cronologia (2024-10-26)\n\n- **18:05** – Il gateway ruota la chiave; i pagamenti falliscono.\n"
            "- **18:32** – La Polizia Locale chiama il nostro numero per i partner.\n"
            "- **19:20** – Rilasciata la 2.9.1. I nuovi pagamenti vengono registrati di nuovo.\n\n## Azioni correttive\n\n"
            "- Spostare le comunicazioni sulla lista tech-partner@ — responsabile: Giulia Ferri — **completata** il 28/10\n")
    got = parse(text, "a.md")
    assert got["mitigated_at"] == "2024-10-26T19:20:00Z" and got["action_items"][0]["status"] == "done"


def test_an_incident_status_left_open_keeps_the_incident_unresolved():
    text = ("# PM handover: West Side, Sat 8/10/24\n\nAll times park time (Pacific).\n\n## Incident: ride stop\n\n"
            "Incident status: OPEN (ride still down at handover)\n\n### Timeline\n\n- 12:48 PM: E-stop on zone 6.\n"
            "- 1:41 PM: Evac complete, last guest out. Impact mitigated.\n")
    got = parse(text, "a.md")
    assert (got["status"], got["resolved_at"]) == ("OPEN", None)


def test_a_post_incident_status_is_the_write_ups_over_the_incidents():
    text = ("# Exports slow\n\n| Field | Value |\n|---|---|\n| Incident status | Closed |\n| Post-incident status | In review |\n")
    assert parse(text, "a.md")["status"] == "In review"


def test_a_handovers_carry_over_list_with_initials_after_a_colon():
    text = ("# PM handover, Sat 8/10/24\n\nAll times park time (Pacific).\n\n## Carry-over for PM\n\n"
            "- [ ] Keep the ride closed until Maintenance signs off: OH\n- [x] Guest Relations told: TG\n"
            "- [ ] Ask Maintenance why the alarm wasn't written up: TG, Monday 8/12\n")
    items = parse(text, "a.md")["action_items"]
    assert [(a["owner"], a["due"]) for a in items] == [("OH", None), ("TG", None), ("TG", "2024-08-12")]


def test_an_emergency_stop_starts_the_impact_and_a_radio_call_reports_it():
    text = ("# Ride stop\n\n**Date:** 2024-08-10\n\nAll times UTC.\n\n## Timeline\n\n"
            "- 12:40: Opening check done.\n- 12:48: E-stop, ZONE 6 OVERTRAVEL.\n"
            "- 12:50: Operator radios \"Starlight is down\".\n- 13:41: Evac complete.\n")
    got = parse(text, "a.md")
    assert (got["started_at"], got["detected_at"]) == ("2024-08-10T12:48:00Z", "2024-08-10T12:50:00Z")


def test_someone_signalling_the_control_room_is_how_it_became_known():
    text = ("# Wave pool hold\n\n**Date:** 2025-01-18\n\nAll times UTC.\n\n## Timeline\n\n"
            "- 1:38 pm: Lifeguard turns the tower HOLD.\n- 1:40 pm: Waves start despite HOLD; L. signals the control room.\n")
    assert parse(text, "a.md")["detected_at"] == "2025-01-18T13:40:00Z"


def test_a_near_miss_by_the_field_naming_the_event_or_by_how_it_is_written_about():
    for said in ("**Event:** near miss, Surf Lagoon wave pool, Saturday 18 January 2025\n",
                 "We are grateful to be writing about it as a near miss and not an injury.\n"):
        text = f"# Safety Share #37: The HOLD button\n\n{said}\n## What happened\n\nThe waves started.\n"
        assert parse(text, "a.md")["near_miss"] is True, said


def test_an_opening_entry_saying_all_ran_normally_does_not_start_the_impact():
    text = ("# Kiosks\n\n**Date:** 2025-02-15\n\nAll times UTC.\n\n## Timeline\n\n| Time | What |\n|---|---|\n"
            "| 10:00 | 10:00 session checks in normally (38 guests). |\n"
            "| 11:00 | 11:00 session check-in: kiosks turn away 24 guests. |\n| 11:12 | Jess calls the duty manager. |\n")
    assert parse(text, "a.md")["started_at"] == "2025-02-15T11:00:00Z"


def test_a_bold_first_line_over_a_whole_short_note_is_its_title_and_its_cause_sentence_a_factor():
    text = ("**Ironworks Fitness: club turnstile outage, Tue 1/21/25**\n\nSev: P3 · Status: resolved · all times CT (Chicago)\n\n"
            "Member QR check-in failed from open until 6:12a. Cause: the access bridge didn't come back after the power blip.\n\n"
            "- 5:00a doors open, members get \"Network error\"\n- 6:12a Marco power-cycles the bridge, check-in working again\n")
    got = parse(text, "a.md")
    assert got["title"] == "Ironworks Fitness: club turnstile outage, Tue 1/21/25"
    assert got["contributing_factors"] == ["the access bridge didn't come back after the power blip."]


def test_names_closing_a_lists_items_after_a_colon_are_their_owners_not_a_things_name():
    owned = parse("# Gate\n\n## Follow-ups\n\n- [ ] Heartbeat alert from the bridge to #club-ops: Marco\n"
                  "- [x] Opening checklist: scan a member QR before doors: Kayla\n", "a.md")["action_items"]
    assert [a["owner"] for a in owned] == ["Marco", "Kayla"]
    named = parse("# Db\n\n## Follow-ups\n\n- Upgrade: Postgres\n- Migrate: Redis\n", "a.md")["action_items"]
    assert [a["owner"] for a in named] == [None, None]


def test_a_table_of_measures_at_times_holds_no_timeline_entries():
    text = ("# Reservations down\n\n**Date:** 2024-07-02\n\nAll times UTC.\n\n## Timeline\n\n- 9:02 AM: error rate 14%.\n"
            "- 9:52 AM: waiting room enabled; errors drop.\n\n## Supporting data\n\n| Time | RPS | 5xx % |\n|---|---|---|\n"
            "| 8:55 AM | 310 | 0.1 |\n| 9:05 AM | 3,480 | 41 |\n| 9:28 AM | 5,920 | 78 |\n")
    assert len(parse(text, "a.md")["timeline"]) == 2


def test_a_downtime_logs_down_and_up_cells_time_its_rows_and_a_ride_closed_for_the_day_closes_no_incident():
    text = ("# Attraction Downtime Report, Sun 11/3/2024\n\nTimes are park time (UTC).\n\n## Timeline (downtime log)\n\n"
            "| # | Down / Up | Code | Notes |\n|---|---|---|---|\n| 1 | Down 10:42 / Up 11:15 | E-STOP | Boat held at lift base. |\n"
            "| 2 | Down 15:37 / Up 11/4 08:55 | E-STOP | Guests walked down. Ride closed for the day at 16:05. |\n")
    got = parse(text, "a.md")
    assert [e["at"] for e in got["timeline"]] == ["2024-11-03T10:42:00Z", "2024-11-03T15:37:00Z"]
    assert got["resolved_at"] is None


def test_calling_it_in_reports_it_and_standing_a_precaution_down_is_no_outage():
    text = ("# Gondola stop\n\n**Date:** 2024-11-30\n\nAll times UTC.\n\n## Timeline\n\n"
            "- 09:12 Stop - RTN TERM COMMS LOST. Lift operator called it in on ch.4\n- 09:14 Me notified.\n"
            "- 09:31 Restart on main drive at 3.0 m/s. Evac standby stood down\n")
    got = parse(text, "a.md")
    assert got["detected_at"] == "2024-11-30T09:12:00Z"
    assert got["timeline"][2]["event"] != "impact"


def test_a_key_times_row_named_in_the_plants_words_with_the_moment_in_brackets_or_contained():
    text = ("# Near miss: Mine Train held\n\n**Date:** 2025-03-09\n\nAll times UTC.\n\n## Key times\n\n"
            "| Milestone | Time |\n|---|---|\n| Ride down (impact start) | 10:42 |\n| Fault detected | 10:42 |\n"
            "| Guests clear / hazard contained | 11:09 |\n")
    got = parse(text, "a.md")
    assert (got["started_at"], got["mitigated_at"]) == ("2025-03-09T10:42:00Z", "2025-03-09T11:09:00Z")


def test_clocks_jumping_is_no_harm_and_a_flag_raised_in_a_channel_reports_it():
    text = ("# Lift tickets\n\n**Date:** 2025-03-09\n\nAll times UTC.\n\n## Timeline\n\n- 2:00 AM: Clocks jump to 3:00 AM.\n"
            "- 6:04 AM: First \"price changed\" checkout failure.\n"
            "- 6:50 AM: Guest Services flags a spike of \"price keeps changing\" chats in #ecom-help.\n"
            "- 7:05 AM: Checkout-failure alert fires.\n")
    got = parse(text, "a.md")
    assert (got["started_at"], got["detected_at"]) == ("2025-03-09T06:04:00Z", "2025-03-09T06:50:00Z")


def test_a_numbered_line_or_gate_closed_closes_no_incident():
    text = ("# Zip line arrestor\n\n**Date:** 2025-07-19\n\nAll times UTC.\n\n## Timeline\n\n| Time | Event |\n|---|---|\n"
            "| 14:20 | Arrestor fails to engage; guest stopped by the backup brake. |\n"
            "| 14:45 | Line 5 closed; the two held guests walked out on the service trail. |\n")
    assert parse(text, "a.md")["resolved_at"] is None


def test_an_anomaly_boards_day_of_year_stamps_and_its_actions_table_with_actionees():
    text = ("# ARB Report AR-0417: Safe Mode Entry on 2026-131\n\nAll times are UTC in the form YYYY-DDDTHH:MM:SSZ.\n\n"
            "## 3. Sequence of events\n\n| UTC | Event |\n|---|---|\n| 2026-131T03:47:52Z | FDIR trips; SAFE mode. Imaging stops. |\n"
            "| 2026-131T04:12:09Z | AOS SVB-2. SPACON sees SAFE flag and calls the on-call FCE. |\n\n## 9. ARB actions\n\n"
            "| AI | Action | Actionee | Due | Status |\n|---|---|---|---|---|\n| ARB-417-01 | Fail on a missing parameter | K. Varga | 2026-06-12 | Open |\n")
    got = parse(text, "a.md")
    assert got["timeline"][0]["at"] == "2026-05-11T03:47:52Z"
    assert [(a["owner"], a["due"]) for a in got["action_items"]] == [("K. Varga", "2026-06-12")]


def test_a_year_and_three_digits_alone_or_in_a_key_is_no_ordinal_date():
    from loaders import timeparse as tp
    assert tp.read_stamp("2024-105") is None and tp.read_stamp("AR-2024-117T10:00") is None


def test_an_incident_date_stated_as_a_sentence_after_the_byline_dates_the_post():
    text = ("---\ntitle: \"Uplink lockout\"\ndate: 2026-04-15\n---\n\nPresented at the weekly ops review on Wednesday 15 April 2026. "
            "**Incident date: Wednesday 8 April 2026.**\nAll times UTC.\n\n## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n"
            "| 14:03:27 | First TC rejected onboard. Impact starts |\n")
    got = parse(text, "a.md")
    assert (got["date"], got["started_at"]) == ("2026-04-08", "2026-04-08T14:03:27Z")


def test_the_day_the_clocks_changed_does_not_date_the_incident():
    text = ("---\ntitle: \"Monday pass plan shifted one hour\"\ndate: 2026-11-02\n---\n\n## Summary\n\n"
            "The generator converts the planning window with a fixed offset. After Daylight Saving Time ended on Sunday "
            "November 1st, Colorado is UTC-7, so every contact in Monday's plan was one hour early.\n")
    assert parse(text, "a.md")["date"] == "2026-11-02"
    text = ("---\ntitle: \"ITCH feed lost arbitration\"\ndate: 2025-03-14\n---\n\n**All times are US/Eastern.** The US moved "
            "clocks on Sunday 9 March, so that week New York was only four hours behind London.\n")
    assert parse(text, "a.md")["date"] == "2025-03-14"


def test_a_ground_stations_day_of_year_clocks_and_its_key_moments_as_fields_in_the_description():
    text = ("BOREAL GROUND NETWORK AS -- NONCONFORMANCE REPORT\n================================================\n\n"
            "Title              : Antenna elevation servo trip, 5 passes lost\nDate of occurrence : 2026-047 (Mon 16 Feb 2026)\n\n"
            "Times in this NCR are UTC as DDD/HH:MM:SS (day of year 2026).\n\n1. DESCRIPTION\n--------------\n"
            "At 047/03:06:55 the servo amplifier tripped. The morning shift read the alarm at 06:40.\n\n"
            "Detected           : 047/06:40:00 (NOC morning shift reads the alarm queue)\n"
            "Back in service    : 047/13:02:00\n\n2. SEQUENCE OF EVENTS\n---------------------\n"
            "  047/03:06:55  Servo amplifier trips. Pass lost.\n  047/03:07:30  Alarm raised, routed to e-mail queue only.\n")
    got = parse(text, "a.txt")
    assert got["title"] == "Antenna elevation servo trip, 5 passes lost"
    assert (got["detected_at"], got["resolved_at"]) == ("2026-02-16T06:40:00Z", "2026-02-16T13:02:00Z")
    assert got["timeline"][0]["at"] == "2026-02-16T03:06:55Z"


def test_a_day_of_year_in_a_leap_year_counts_the_29th_of_february():
    from datetime import date
    from loaders import timeparse as tp
    st = tp.read_stamp("061/10:00:00")
    assert tp.stamp_datetime(st, date(2024, 3, 1), None).date() == date(2024, 3, 1)


def test_a_wrapped_sentence_is_no_block_of_fields():
    text = ("# Push delays\n\n## Summary\n\nPush delivery was delayed. Impact\nstart: 2026-03-09 14:03 +0000 (first alert). "
            "Impact end: 2026-03-09 15:06 +0000.\n\nThe real impact began at 13:24 UTC.\n\n## Timeline\n\n"
            "- 2026-03-09 13:24 UTC: pushes start queueing\n- 2026-03-09 14:03 UTC: alert fires\n")
    assert parse(text, "a.md")["started_at"] == "2026-03-09T13:24:00Z"


def test_a_formal_reports_date_of_issue_is_when_it_was_written_not_the_incidents_day():
    text = ("# Reason for Outage: Transponder 14, 12 December 2025\n\n| | |\n|---|---|\n| Date of issue | 19 December 2025 |\n"
            "| Priority | P1 |\n\nThis report explains the loss of service on Friday 12 December 2025.\n")
    got = parse(text, "a.md")
    assert (got["date"], got["written_on"]) == ("2025-12-12", "2025-12-19")


def test_french_calling_the_on_call_and_a_thing_back_where_it_belongs():
    text = ("# Manœuvre exécutée 1 h en avance\n\n- **Date de l'incident :** 29/03/2026\n\nToutes les heures sont en UTC.\n\n"
            "## Chronologie\n\n| Heure | Événement |\n|---|---|\n| 04:05 | Darmstadt voit le vecteur hors prédiction et appelle l'astreinte |\n"
            "| 06:10 | HELIA-2 sort de la boîte N-S |\n| 12:05 | HELIA-2 de retour dans la boîte |\n")
    got = parse(text, "a.md")
    assert (got["detected_at"], got["mitigated_at"]) == ("2026-03-29T04:05:00Z", "2026-03-29T12:05:00Z")


def test_a_launch_windows_close_in_brackets_is_no_resolution_and_closing_the_anomaly_is():
    text = ("# Terminal count hold (near miss)\n\nFri Jan 9 2026 · all times UTC\n\nWe recycled and launched 16 min late, "
            "inside the window (closed 21:26).\n\n- 20:51:50 auto-hold: range TLM loss of signal\n- 21:02:00 Count resumes\n"
            "- 21:31 Orbit insertion confirmed; launch director closes the anomaly on the net\n")
    assert parse(text, "a.md")["resolved_at"] == "2026-01-09T21:31:00Z"


def test_an_mdx_components_props_a_line_are_its_fields_but_a_change_windows_are_the_changes():
    text = ("---\ntitle: \"Grandmaster holdover drift\"\ndate: 2025-11-12\n---\n\nimport IncidentMeta from '@site/src/IncidentMeta';\n\n"
            "<IncidentMeta\n  severity=\"SEV-2\"\n  incidentDate=\"2025-11-06\"\n  services={[\"ptp-fra\"]}\n/>\n\n"
            "<ChangeWindow\n  change=\"NCR-3391\"\n  start=\"2025-11-06T20:00+02:00\"\n/>\n\n## Summary\n\nThe grandmaster lost GPS lock.\n")
    got = parse(text, "a.mdx")
    assert (got["severity_level"], got["date"], got["started_at"]) == (2, "2025-11-06", None)



def test_a_day_and_month_that_read_the_same_both_ways_need_no_order():
    from loaders import timeparse as tp
    st = tp.read_stamp("Mon 11/11 5:30 PM")
    assert (st.month, st.day, st.hour) == (11, 11, 17)
    assert tp.read_stamp("Mon 11/12 5:30 PM") is None or tp.read_stamp("Mon 11/12 5:30 PM").month is None


def test_first_rejects_start_it_and_rejects_stopping_end_it():
    text = ("# HKEX rejects\n\n**Date:** 2025-07-15\n\nAll times UTC.\n\n## Timeline\n\n* 21:12 - Desk begins staging orders\n"
            "* 21:31 - First HKEX throttle rejects on sessions 1 and 2\n* 21:52 - Kevin moves the throttles back; rejects stop\n")
    got = parse(text, "a.md")
    assert (got["started_at"], got["mitigated_at"]) == ("2025-07-15T21:31:00Z", "2025-07-15T21:52:00Z")


def test_an_owner_to_be_assigned_is_none_and_a_closing_completed_sentence_is_done():
    text = ("# Collar files\n\n## Corrective action\n\n1. Gate the collar files on the feed. Responsible: to be assigned.\n"
            "   CR-8815. Target date September 30, 2025.\n2. PE-3 moved out of the spray path: night crew (T. Boone), WO-55120. "
            "Completed 11/4 06:40\n")
    items = parse(text, "a.md")["action_items"]
    assert [(a["owner"], a["status"]) for a in items] == [(None, "open"), ("T. Boone", "done")]


def test_a_team_named_in_lower_case_among_an_items_dashed_fields_owns_it():
    text = "# KMS\n\n## Actions\n\n- ✅ Done — KMS pods pinned, no autoscaler eviction — platform team — AUR-PLT-88\n"
    assert parse(text, "a.md")["action_items"][0]["owner"] == "platform team"


def test_owners_written_after_a_todo_word_with_a_role_after_a_comma_as_me_or_as_two_names():
    text = ("# Callbacks\n\n## Follow-ups\n\n- TODO @ilse: DS/DNSKEY consistency check in monitoring, due 2026-02-06\n"
            "- Change-notification clause into the partner contract — Mikko Salo, vendor management — 30.6. — done\n"
            "- Move the export job's scratch files to the worker box — me\n"
            "- Dashboard and alert for magic-link success rate → Femke & Sanne, 3 Oct, GRW-230\n")
    items = parse(text, "a.md")["action_items"]
    assert [a["owner"] for a in items] == ["@ilse", "Mikko Salo", "me", "Femke & Sanne"]


def test_a_surnames_initial_with_or_without_its_stop_is_part_of_the_name():
    text = ("# Embargo\n\n## Follow-ups\n\n- Show the time zone next to \"Publish at\" in the CMS - Priya N. - CMS-388\n"
            "- Chain validation as a mandatory runbook step — Karthik S — TP-908 — done\n")
    assert [a["owner"] for a in parse(text, "a.md")["action_items"]] == ["Priya N.", "Karthik S"]


def test_a_list_that_opens_each_item_with_its_owner_and_two_people_sharing_one():
    text = ("# Hotel search\n\n## Action items\n\n- [ ] Jonas Weber: refresh job refuses to publish a short supplier\n"
            "- [ ] Mateo Ruiz: keep the last 3 snapshots\n- [x] Chiara Conti: Customer Care macro for no-availability incidents\n"
            "- [ ] PO auto-send waits for the forecast sanity flag — Ravi + Chloe — FCST-80\n")
    assert [a["owner"] for a in parse(text, "a.md")["action_items"]] == ["Jonas Weber", "Mateo Ruiz", "Chiara Conti", "Ravi + Chloe"]
    alone = parse("# Db\n\n## Follow-ups\n\n- Load Balancer: Add health checks\n- Web Server: Raise the pool\n", "a.md")
    assert [a["owner"] for a in alone["action_items"]] == [None, None]


def test_a_good_catch_a_close_shave_and_a_classification_field_say_near_miss():
    for text in ("# Pump clocks\n\n**Event type:** Good catch — no wrong dose reached a patient\n",
                 "# Backups\n\n## Summary\n\nThe restore would have lost 9,600 transactions. It was a close shave.\n",
                 "Title: Certificate renewal silently failing\nDate: 2025-09-30\nClassification: Near miss\n\nSUMMARY\n-------\n\nText.\n"):
        assert parse(text, "a.txt")["near_miss"] is True, text
    assert parse("# Deploy\n\n## Summary\n\nGood catch by Priya in review, but the outage had begun.\n", "a.md")["near_miss"] is False


def test_no_harm_done_or_nothing_reaching_a_customer_says_near_miss_but_a_planned_stop_is_no_outage():
    for text in ("# Sump\n\n## Summary\n\nThe high level alarm went unanswered for 47 minutes. There was no spill and no harm done.\n",
                 "# Trays\n\n## Summary\n\nThe reject pusher failed. Caught at dispatch: no product reached a customer.\n",
                 "# Dryer\n\n## Summary\n\nThe outlet ran hot and deposits smouldered. We got lucky.\n\n"
                 "## Background\n\nDryer 3 went down at 20:00 on Monday for its 1000-hour maintenance.\n"):
        assert parse(text, "a.md")["near_miss"] is True, text
    assert parse("# Db\n\n## Summary\n\nThe site went down for an hour. No harm done to the data.\n", "a.md")["near_miss"] is False


def test_a_cost_section_is_the_impact_and_where_the_near_miss_is_said():
    text = ("# Brine\n\n## What happened\n\nThe valve stuck at 00:15.\n\n## What it cost us, and what it didn't\n\n"
            "We caught it before it reached anyone, and there was no harm done.\n")
    record = parse(text, "a.md")
    assert "impact" in record["sections"] and record["near_miss"] is True


def test_the_writer_marking_the_start_in_prose_keeps_it_for_a_near_miss():
    text = ("# Brine\n\nSaturday 3rd May 2025.\n\n## What happened\n\nThe logger shows flow starting at 00:15 on the Saturday. "
            "That 00:15 start is when the trouble began. Ellen came in at 6:40.\n\n## Cost\n\nNo harm done.\n")
    record = parse(text, "a.md")
    assert record["near_miss"] is True
    assert (record["started_at"], record["timestamp_sources"]["started_at"]) == ("2025-05-03T00:15:00Z", "opening_prose_marker")


def test_a_key_in_two_languages_one_word_each_and_an_incident_category():
    text = ("# Metall\n\n| Feld / Field | Wert / Value |\n|---|---|\n| Datum / Date | 3 July 2025 |\n"
            "| Kategorie / Category | Fremdkörper |\n| Beginn / start | 14:20 |\n| Erkannt / detected | 15:02 |\n\n"
            "- Incident category: Reporting violation\n- Incident began: 3 July 2025, 14:10\n")
    record = parse(text, "a.md")
    assert record["incident_class"] == "Fremdkörper"
    assert (record["started_at"], record["detected_at"]) == ("2025-07-03T14:20:00Z", "2025-07-03T15:02:00Z")
    two = parse("# Change\n\n| Field | Value |\n|---|---|\n| Actual start / end | 22:04 – 04:47 |\n", "a.md")
    assert two["mitigated_at"] is None


def test_a_classification_in_front_matter_names_the_class_unless_it_marks_the_paper_or_the_severity():
    def cls(value):
        return parse(f"---\ntitle: Barn 4\ndate: 2025-01-09\nclassification: {value}\n---\n\nText.\n", "a.md")["incident_class"]
    assert cls("Animal welfare") == "Animal welfare"
    assert [cls(v) for v in ("Internal", "Confidential", "TLP:AMBER", "Major Incident", "near miss")] == [None] * 5


def test_review_minutes_date_the_incident_they_review_not_the_meeting():
    text = ("# Post-incident review minutes: PAA dosing lost\n\n**Meeting:** Thursday, March 20, 2025, 2:00–3:15 pm\n"
            "**Incident reviewed:** INC-0412 — Thursday, March 13, 2025 (second shift)\n**Status:** Approved\n\n"
            "## Timeline\n\n- 10:05 pm — Tote runs empty. Impact start.\n")
    assert parse(text, "a.md")["date"] == "2025-03-13"


def test_an_incident_key_holding_a_date_and_a_nations_local_time():
    text = ("INCIDENT REPORT IR-2025-011\n\nTitle       : Fertigation unit B overdosed\nIncident    : Wednesday 12 March 2025\n"
            "Report date : 19 March 2025\n\nAll times below are Dutch local time at the site.\n\n\nTIMELINE\n\n"
            " - 0600  First irrigation start. Impact begins.\n - 1055  Unit B stopped; irrigation paused.\n")
    record = parse(text, "a.txt")
    assert (record["date"], record["started_at"]) == ("2025-03-12", "2025-03-12T05:00:00Z")
    assert parse("# X\n\nIncident: INC-0412\nDate: 2025-03-01\n", "a.md")["date"] == "2025-03-01"


def test_an_alarm_written_to_a_log_only_is_no_detection_and_a_stated_time_to_detect_counts():
    text = ("# EC\n\n2025-03-12, all times UTC.\n\n## Summary\n\nUnit B overdosed.\n\n"
            "  Impact began   : 06:00, first irrigation cycle\n  Time to detect : 4 h 47 min\n"
            "  Impact stopped : 10:55, unit B stopped\n\n## Timeline\n\n- 06:00 Impact begins.\n"
            "- 06:12 EC passes 4.0; high-EC alarm written to the event log only.\n- 10:55 Unit B stopped.\n")
    record = parse(text, "a.md")
    assert (record["detected_at"], record["mitigated_at"]) == ("2025-03-12T10:47:00Z", "2025-03-12T10:55:00Z")


def test_a_condition_began_and_made_safe_are_moments_and_a_risk_rating_is_the_severity():
    text = ("---\nname: Leg 2 bearing overheated\noccurred: 2025-10-14\nrisk_rating: \"S2 (likelihood 2 x consequence 4)\"\n---\n\n"
            "# Leg 2 bearing overheated\n\n## Key times (all times UTC)\n\n| | |\n|---|---|\n"
            "| Condition began | 21:31 — bearing temperature leaves its band |\n| Made safe | 22:19 — Leg 2 stopped and locked out |\n")
    record = parse(text, "a.md")
    assert (record["severity_level"], record["started_at"], record["mitigated_at"]) == \
        (2, "2025-10-14T21:31:00Z", "2025-10-14T22:19:00Z")


def test_a_day_of_the_year_a_space_then_a_clock_dates_the_entry():
    text = ("+++\ntitle = \"Pivots halted\"\nincident_date = 2025-07-15\n+++\n\n## Timeline\n\nAll times UTC.\n\n"
            "- `196 02:41` — All 46 controllers report 4.2.0 installed.\n- `196 07:12` — P-17 stops with E-44. Impact starts.\n"
            "- `197 20:00` — Last field completes a make-up circle; incident closed.\n")
    record = parse(text, "a.md")
    assert [e["at"] for e in record["timeline"]] == ["2025-07-15T02:41:00Z", "2025-07-15T07:12:00Z", "2025-07-16T20:00:00Z"]


def test_done_with_the_ticket_as_the_last_field_or_as_a_link():
    text = ("# X\n\n## Remediation\n\n1. Restore the canary ring — Tomás Ribeiro — done 2025-07-18 — "
            "[IRR-199](https://tracker.example/IRR-199)\n2. Subscribe on-call to the status page — done — CARE-2211\n"
            "3. Alert on stopped pivots — Lucía Ferrer — due 2025-08-29 — IRR-205\n")
    assert [a["status"] for a in parse(text, "a.md")["action_items"]] == ["done", "done", "open"]


def test_an_eight_d_reports_steps_and_headings_in_two_languages_name_their_sections():
    text = ("# 8D-Report: Bandstillstand Band 4\n\n**Ereignisdatum / Date of event:** Donnerstag, 03.04.2025\n"
            "**Berichtsdatum / Report date:** 14.04.2025\n\n## D2 – Problembeschreibung / Problem description\n\n"
            "Am 14.04. wurde berichtet.\n\n## D4 – Ursachenanalyse / Root cause (5 Why)\n\n"
            "1. Warum stand das Band? – Keine Abrufe.\n2. Warum keine Abrufe? – Keine DB-Verbindung.\n")
    record = parse(text, "a.md")
    assert (record["date"], record["written_on"]) == ("2025-04-03", "2025-04-14")
    assert {"summary", "factors"} <= set(record["sections"]) and len(record["contributing_factors"]) == 2


def test_a_date_field_beside_fields_that_date_the_paper_is_the_incidents_own():
    text = ("DEALERLINK CLAIMS FAILING\n\n    Date .............. 01/31/2025 (Friday)\n    Severity .......... P2\n"
            "    Status ............ Resolved\n    Prepared .......... 02/05/2025 by K. Oyelaran\n\n\nSUMMARY\n\n"
            "On 01/27/2025 the DBA team moved the index job to a new scheduler. On the last business day of January "
            "dealers could not submit claims.\n")
    record = parse(text, "a.txt")
    assert (record["date"], record["written_on"], record["status"]) == ("2025-01-31", "2025-02-05", "Resolved")


def test_a_pasted_service_desk_record_its_first_line_tasks_and_dated_moment_lines():
    text = ("INC0061377 - LS-14 lift station high wet well / overflow to the creek\n\n"
            "Number:              INC0061377\nState:               Closed\n\nResolution notes:\n"
            "  SSO from MH-14-03 (manhole upstream of station) to the creek.\n"
            "  SSO start (est. from wet well level trend): 2025-01-14 04:15 UTC\n"
            "  SSO stop (bypass pump drawing down): 2025-01-14 06:50 UTC\n  Estimated volume: 4,500 gal.\n\n"
            "Follow-up tasks:\n  - PRB0004412  Root cause of repeated breaker trips at LS-14\n"
            "      Assigned to: Collections Engineering   Due: 2025-02-14   State: Open\n"
            "  - CHG0033190  Install an independent high-high float at LS-14\n"
            "      Assigned to: Terrell Haskins   Due: 2025-01-31   State: Closed Complete\n\n"
            "Activity (newest first):\n------------------------\n2025-01-14 03:22:10 UTC - SCADA\n    Incident auto-created from alarm.\n")
    record = parse(text, "a.txt")
    assert record["title"] == "INC0061377 - LS-14 lift station high wet well / overflow to the creek"
    assert (record["started_at"], record["mitigated_at"]) == ("2025-01-14T04:15:00Z", "2025-01-14T06:50:00Z")
    assert [(a["ticket"], a["status"]) for a in record["action_items"]] == [("PRB0004412", "open"), ("CHG0033190", "done")]


def test_a_wrapped_sentences_start_is_no_dated_moment_line():
    text = ("# Pushes delayed\n\n## Summary (bot, unverified)\n\nPush delivery was delayed. Impact\n"
            "start: 2026-03-09 14:03 +0000 (first alert). Impact end: 2026-03-09 15:06 +0000.\n\n"
            "## Timeline (UTC)\n\n- 13:24 — queue age starts climbing; pushes delayed — impact starts\n"
            "- 14:03 — alert fires, pages Kwame\n")
    assert parse(text, "a.md")["started_at"] == "2026-03-09T13:24:00Z"


def test_review_minutes_agenda_items_numbered_actions_and_the_next_meeting():
    text = ("# Incident review minutes: turbidity exceedance\n\n## 4. Discussion: causal factors\n\n"
            "- PD-2 had no trip alarm.\n- The quill blocks in high turbidity.\n\n## 5. Actions\n\n"
            "- **A1**: S. Ndlovu to configure trip alarms by 29 Nov 2024.\n  *Completed 12 Nov (verified by J. van Wyk).*\n"
            "- **A2**: T. Botha (Engineering) to fit duty/standby quills by 31 Jan 2025.\n\n## 7. Next meeting\n\n"
            "Follow-up review Thursday 28 November 2024 at 10:00. Meeting closed at 10:27.\n")
    record = parse(text, "a.md")
    assert len(record["contributing_factors"]) == 2
    assert [(a["owner"], a["status"]) for a in record["action_items"]] == \
        [("S. Ndlovu", "done"), ("T. Botha (Engineering)", "open")]


def test_the_timelines_own_summary_paragraph_states_the_start():
    text = ("# Turbidity\n\n## Incident summary and timeline\n\nFinal water turbidity went above 1.0 NTU from 15:10 "
            "until 17:12. The exceedance (the impact) began at 15:10.\n\nTimes are UTC, all on Friday 8 November 2024.\n\n"
            "- [13:20] Storm cell over the catchment; raw water turbidity starts climbing.\n"
            "- [15:10] Final water turbidity alarm FW-TURB-HI acknowledged.\n- [17:12] Turbidity back below 1.0 NTU.\n")
    assert parse(text, "a.md")["started_at"] == "2024-11-08T15:10:00Z"


def test_a_status_pages_incident_updates_are_its_timeline_and_date_it_before_the_posts_byline():
    text = ("# Remote services unavailable\n\n**Acme status** · Incident report · Posted Tuesday, March 11, 2025\n\n"
            "## Incident updates\n\n_Newest first._\n\n- **Resolved** — Mar 9, 2025 · 06:18 UTC\n  This incident has been resolved.\n\n"
            "- **Investigating** — Mar 9, 2025 · 01:09 UTC\n  We are investigating reports that remote commands are failing.\n")
    record = parse(text, "a.md")
    assert (record["date"], len(record["timeline"])) == ("2025-03-09", 2)


def test_a_byline_that_is_the_incidents_day_stands_over_a_lead_up_days_before():
    text = ("# broker-3 log volume almost filled up\n\nOn-call: Liam · 20 Feb 2024 · times are UTC\n\n"
            "## What happened\n\n- Fri 16 Feb, ~4 pm — debug logging turned on for broker-3; never turned off\n"
            "- Tue 20 Feb, 3:05 am — scheduled restart picks up the debug config; log growth starts\n"
            "- 6:50 am — disk usage alert pages me\n")
    assert parse(text, "a.md")["date"] == "2024-02-20"


def test_local_time_in_a_named_country_and_a_closed_field_giving_only_a_later_day():
    text = ("# A3 — Wrong clearcoat recipe\n\n| Field | Value |\n|---|---|\n| Date of occurrence | 22/05/2025 |\n"
            "| Start of event | 09:52 |\n| Detected | 10:07 |\n| Contained | 10:16 (recipe restored) |\n"
            "| Closed | 23/05/2025 (quality release of the shift's bodies) |\n\n"
            "_Dates are DD/MM/YYYY. Times are local plant time in Valmora (Italy)._\n")
    record = parse(text, "a.md")
    assert (record["started_at"], record["mitigated_at"], record["resolved_at"]) == \
        ("2025-05-22T07:52:00Z", "2025-05-22T08:16:00Z", None)


def test_a_bold_level_before_a_colon_is_the_severity_and_uploads_starting_end_the_gap():
    text = ("# Torque results not reaching MES\n\nUnder the plant's risk matrix we rated this **Level 3 (Medium)**: "
            "consequence 3 x likelihood 3. Level 1 is the most serious.\n\n## Timeline (GMT, Monday 3rd March 2025)\n\n"
            "- 1:48pm — Torque results stop reaching MES.\n- 4:31pm — The end-of-line check refuses a vehicle.\n"
            "- 4:56pm — Port moved to the correct VLAN; buffered results start uploading.\n\n## Actions\n\n"
            "- Brief the contractors on the shutdown rule. Owner: Sian Ellery. Done on Wednesday 5th March.\n")
    record = parse(text, "a.md")
    assert (record["severity_level"], record["mitigated_at"]) == (3, "2025-03-03T16:56:00Z")
    assert record["action_items"][0]["status"] == "done"


def test_a_jira_printable_view_its_description_fields_over_the_tickets_own_dates():
    text = ("Jira export - FLT-3382\n\neCall data routed to staging for 47 minutes\n"
            "=============================================\n\n"
            "Created: 05/Mar/25 9:14 AM   Updated: 19/Mar/25 4:02 PM   Resolved: 19/Mar/25 4:02 PM\n\n"
            "Status:             Closed\nAffects Version/s:  gw-2025.03.1\n\n\nDescription\n-----------\n\n"
            "Incident date: 04/Mar/25 (Tuesday evening). All times UTC.\n\n"
            "Misrouting began: 19:12 (gw-2025.03.1 deployed)\nDetected:         19:38 (staging alert)\n"
            "Mitigated:        19:59 (rollback)\nResolved:         05/Mar 11:40 (liaison confirmed in writing)\n")
    record = parse(text, "a.txt")
    assert (record["date"], record["started_at"], record["resolved_at"]) == \
        ("2025-03-04", "2025-03-04T19:12:00Z", "2025-03-05T11:40:00Z")


def test_a_response_beginning_is_no_start_field():
    text = "# X\n\nDate: 2025-03-04\n\n## Summary\n\nInvestigation began: 19:40\nMitigated: 19:59\n"
    assert parse(text, "a.md")["started_at"] != "2025-03-04T19:40:00Z"


def test_an_aftermaths_hours_in_the_impact_list_yield_to_the_summarys_window_of_the_harm():
    text = ("# Tank 2 overflow\n\n| Field | Value |\n|---|---|\n| Incident date | 2024-07-17 |\n\nAll times UTC.\n\n"
            "## Summary\n\nThe tank overflowed from 03:26 to 04:57 and treated water was lost down the swale.\n\n"
            "## Impact\n\n- About 310,000 gallons of treated water lost.\n- Ridgeview Drive closed 06:10 to 09:15.\n")
    record = parse(text, "a.md")
    assert (record["started_at"], record["mitigated_at"]) == ("2024-07-17T03:26:00Z", "2024-07-17T04:57:00Z")


def test_a_supply_restored_in_stages_is_no_window_of_the_incident():
    text = ("# Phone lines down\n\nOn Wednesday 22 January 2025 calls failed. All times UTC.\n\n## What happened\n\n"
            "From 09:47, calls began failing. Calls were connecting normally again from 13:05.\n\n"
            "Water was restored to Marlow Park in stages between 15:30 and 21:00 that day.\n")
    assert parse(text, "a.md")["mitigated_at"] == "2025-01-22T13:05:00Z"


def test_a_forms_dotted_fields_with_four_digit_clocks_and_keys_it_has_no_name_for():
    text = ("Kestrel Mere WTW: loss of hypochlorite dosing\n=============================================\n\n"
            "  Event date ......... Saturday 3rd August 2024\n  Site ............... Kestrel Mere Water Treatment Works\n"
            "  Status ............. Final\n\nAll times in this report are UTC.\n\n\n2. KEY TIMES\n------------\n\n"
            "  Loss of dosing (start of event) ........ 0655\n  Dosing re-established (mitigated) ...... 0748\n"
            "  Works back in supply / event closed ..... 1130\n")
    record = parse(text, "a.txt")
    assert record["date"] == "2024-08-03"
    assert (record["started_at"], record["mitigated_at"], record["resolved_at"]) == \
        ("2024-08-03T06:55:00Z", "2024-08-03T07:48:00Z", "2024-08-03T11:30:00Z")


def test_a_denial_before_a_name_split_at_its_slash_still_denies():
    text = ("# Fluoride overfeed\n\n## Timeline (UTC, 2024-08-21)\n\n- **10:14** — PLC remote I/O card fails. "
            "No I/O fault alarm is configured.\n- **10:40** — Effluent fluoride reaches 2.0 mg/L.\n"
            "- **11:52** — Analyzer high alarm sounds in the control room.\n")
    assert parse(text, "a.md")["detected_at"] == "2024-08-21T11:52:00Z"


def test_a_near_miss_forms_hazard_arose_spotted_and_investigation_closed_fields():
    text = ("---\ntitle: \"Near miss: ferric hose on the hypochlorite fill point\"\nincident_date: 2024-11-14\n---\n\n"
            "# Near miss\n\n## Key times\n\nAll times GMT.\n\n**Perygl yn codi / Hazard arose:** 10:19 (hose connected)\n"
            "**Sylwi / Spotted:** 10:24 (operator returns)\n**Gwneud yn ddiogel / Made safe:** 10:31 (hose disconnected)\n"
            "**Ymchwiliad ar gau / Investigation closed:** 06/12/2024\n")
    record = parse(text, "a.md")
    assert (record["started_at"], record["detected_at"], record["mitigated_at"], record["resolved_at"]) == \
        ("2024-11-14T10:19:00Z", "2024-11-14T10:24:00Z", "2024-11-14T10:31:00Z", None)


def test_a_nordic_day_and_month_before_kl_and_its_clock():
    text = ("# Carry-over\n\n**Hændelsesdato / Incident date:** 21.01.2025\n**Tider / Times:** UTC\n\n"
            "## Summary\n\nLayer feed carried narasin over.\n\nKey times:\n\n"
            "- Impact start: 21.01 kl. 22:14 — LF-2209 mixed without flush\n"
            "- Opdaget / detected: 22.01. kl. 10:30 — QA batch-log review\n")
    record = parse(text, "a.md")
    assert (record["started_at"], record["detected_at"]) == ("2025-01-21T22:14:00Z", "2025-01-22T10:30:00Z")


def test_a_footers_postmortem_status_and_a_tracker_exports_summary_line():
    post = "# Reefer telemetry\n\nText.\n\n---\n\n*Postmortem status: Final. Questions: reply to the incident email.*\n"
    assert parse(post, "a.md")["status"] == "Final"
    ticket = ("Summary:      Compressor C2 trip - freezer cell 3 warmed to -15.8 C\nKey:          FAC-2231\n"
              "Project:      Facilities\nStatus:       Closed\n")
    assert parse(ticket, "a.txt")["title"] == "Compressor C2 trip - freezer cell 3 warmed to -15.8 C"


def test_an_alarms_equipment_and_settings_are_no_detection_and_the_writers_first_awareness_is():
    text = ("# Barn 4 power loss\n\n## Timeline (UTC, 2025-01-09)\n\n**04:12** — Utility power lost; barn goes dark. Impact begins.\n\n"
            "**04:13** — Alarm dialer switches to its battery and tries to call out. Offline alerts are set to e-mail only.\n\n"
            "**04:58** — Kyle sees the barn dark and the fans stopped. First awareness.\n\n"
            "**05:04** — Kyle switches the ATS to bypass. Lights, fans and feeders come back on the generator.\n")
    record = parse(text, "a.md")
    assert (record["detected_at"], record["mitigated_at"]) == ("2025-01-09T04:58:00Z", "2025-01-09T05:04:00Z")


def test_some_machines_back_while_others_still_spin_is_no_mitigation():
    text = ("# Tills\n\n## Timeline (UTC, 2024-03-10)\n\n- 16:05 Tills stop taking payments.\n"
            "- 16:40 Tills 1 and 2 reboot, come back on the OLD version. 3-6 still spinning.\n- 17:26 Tills 3-6 back to normal. All 6 tills trading.\n")
    assert parse(text, "a.md")["mitigated_at"] == "2024-03-10T17:26:00Z"


def test_an_mdx_components_rows_of_figures_are_fields():
    text = ("import { MetricRow } from '@/components/MetricRow'\n\nexport const meta = {\n  title: 'Telemetry blackout',\n"
            "  incidentDate: '2025-02-11',\n}\n\n# Telemetry blackout\n\n"
            "<MetricRow\n  items={[\n    ['Time to detect', '11 minutes'],\n"
            "    ['Time to mitigate', '2 h 44 min (renewed certificate live at 04:47)'],\n  ]}\n/>\n\n"
            "## Timeline\n\n### 02:03 UTC — First outstations refused. Start of impact.\n\nText.\n\n"
            "### 05:20 UTC — 98% of outstations reporting\n\nText.\n")
    record = parse(text, "a.mdx")
    assert (record["detected_at"], record["mitigated_at"]) == ("2025-02-11T02:14:00Z", "2025-02-11T04:47:00Z")


def test_a_counts_busy_hours_are_no_window_of_the_harm():
    text = ("# Remote climate failures\n\nOn Monday, January 13, 2025 requests failed. All times UTC.\n\n## What happened\n\n"
            "On a normal weekday we see about 9,000 requests between 6:00 and 8:00. On January 13 we saw almost 41,000, "
            "most of them between 6:30 and 7:30, and many failed.\n\n## Timeline\n\n- 6:40 — Gateway reaches its cap. Requests start timing out.\n"
            "- 7:31 — Success rate back above 99 %; queued requests cleared.\n")
    assert parse(text, "a.md")["mitigated_at"] == "2025-01-13T07:31:00Z"


def test_an_inhibited_alarm_is_no_detection_and_this_is_when_it_began_marks_the_start():
    text = ("# Dryer 3 excursion\n\nDate: 2025-02-10\n\n## Timeline (all times UTC)\n\n### 05:58 — Dryer 3 restarted\n\nText.\n\n"
            "### 06:52 — Outlet temperature passes 98 °C\n\nHigh alarm is inhibited (start-up inhibit). "
            "This is when the excursion — and the risk — began.\n\n### 07:31 — CO alarm in the chamber\n\nOperator shuts down.\n")
    record = parse(text, "a.md")
    assert (record["started_at"], record["detected_at"]) == ("2025-02-10T06:52:00Z", "2025-02-10T07:31:00Z")


def test_a_line_between_the_lists_changes_the_timelines_clock_and_the_clocks_change_is_no_event():
    text = ("# Smart charging an hour late\n\nDaylight saving time started in New South Wales at 2:00 on Sunday 5 October 2025. "
            "Impact began at 23:00 AEDT on Sunday 5 October.\n\n## Timeline\n\nTimes are Sydney time (AEDT, UTC+11).\n\n"
            "- Sun 5 Oct 23:00 — ~18,400 vehicles do not begin charging.\n- Mon 6 Oct 06:52 — First customer call.\n\n"
            "_Times below are UTC._\n\n- 2025-10-06 21:15 — Morning check: no new contacts; incident resolved.\n")
    record = parse(text, "a.md")
    assert (record["started_at"], record["resolved_at"]) == ("2025-10-05T12:00:00Z", "2025-10-06T21:15:00Z")


def test_a_routines_hours_are_no_window_of_the_harm():
    text = ("# Ingest lag\n\nMonday 11 November 2024. Times are UTC.\n\n## Summary\n\nPositions in the portal were stale. "
            "Monday is the heaviest morning: most fleets dispatch between 06:30 and 08:00.\n\n## Timeline\n\n"
            "- 07:58 Iterator age passes 60 s and keeps rising.\n- 08:10 Alert pages Marcus.\n- 09:26 Iterator age back under 60 s.\n")
    record = parse(text, "a.md")
    assert (record["started_at"], record["mitigated_at"]) == ("2024-11-11T07:58:00Z", "2024-11-11T09:26:00Z")


def test_nobody_losing_a_session_and_being_fortunate_say_near_miss_but_losing_no_money_does_not():
    text = ("# Licence server certificate expired\n\n## Summary\n\nEvery tablet switched to its offline grace licence. "
            "Nobody lost a diagnostic session. We were fortunate that one technician asked about it.\n")
    assert parse(text, "a.md")["near_miss"] is True
    assert parse("# Spam wave\n\n## Summary\n\nSpam comments flooded the site for an hour. Nobody lost money.\n",
                 "a.md")["near_miss"] is False


def test_a_fields_day_written_after_its_clock():
    text = ("# Leg 2 bearing\n\nDate: 10/14/2025 (US format, MM/DD/YYYY). All times UTC.\n\n## Key times\n\n| | |\n|---|---|\n"
            "| Condition began | 9:31 PM, Tue 10/14 — bearing leaves its band |\n| Closed | 2:40 PM, Wed 10/15 — bearing replaced |\n")
    record = parse(text, "a.md")
    assert (record["started_at"], record["resolved_at"]) == ("2025-10-14T21:31:00Z", "2025-10-15T14:40:00Z")


def test_owners_named_like_a_month_or_a_gerund_and_a_trackers_states_as_notes():
    text = ("# Search gap\n\nDate: 2025-10-10\n\n## Action items\n\n"
            "- Alert when counts diverge by more than 0.5% — Jun Park — ADO #48812 — due Oct 24 — Active\n"
            "- Add the macro to the triage list — Rosa Elling — due Oct 17 — New\n"
            "- Freeze catalogue changes on Friday afternoons — Mara Quist — ADO #48820 — Removed\n")
    items = parse(text, "a.md")["action_items"]
    assert [(a["owner"], a["status"]) for a in items] == \
        [("Jun Park", "open"), ("Rosa Elling", "open"), ("Mara Quist", "wont_do")]


def test_a_user_name_without_its_at_a_week_as_the_when_and_a_name_closing_a_bracketed_note():
    text = ("# Gateway wrap\n\n## Follow-ups\n\n- Fix the compare and add a unit test — ravi.s — done (shipped in 2.9.3)\n"
            "- Get the broker's notices to the shared mailbox (Mads, uge 7)\n"
            "- Contact sheet updated with the on-call number. (Done on 3 April, Aoife.)\n- Upgrade the runtime — node.js — v18\n")
    assert [a["owner"] for a in parse(text, "a.md")["action_items"]] == ["ravi.s", "Mads", "Aoife", None]


def test_a_handle_opening_the_items_last_sentence_before_dotted_notes_and_a_german_short_owner_key():
    text = ("# Invoice emails\n\n## Actions\n\n- Make invoice-email idempotent with a send ledger. @mbrennan · BILL-733 · due 2025-08-29\n"
            "- Alert on outbound email volume. @tkaur · due 2025-08-22 · ✅ Done (shipped 2025-08-19)\n"
            "- No whole-job retries for jobs with side effects. @olysenko (platform) · PLAT-1290\n"
            "- Throttled logins at shift change. Verantw.: Software-Team MES, bis Ende März, MES-219\n")
    assert [a["owner"] for a in parse(text, "a.md")["action_items"]] == \
        ["@mbrennan", "@tkaur", "@olysenko", "Software-Team MES"]


def test_the_harm_ends_when_its_measure_comes_back_not_when_the_step_is_taken():
    text = ("# CDN purge storm\n\n## Timeline (UTC, 2025-01-21)\n\n- 18:40 503s on article pages climb past 20%.\n"
            "- 18:52 Alert pages the on-call.\n- 19:05 Purge permission revoked for the CMS service account; cache starts to refill.\n"
            "- 19:12 503s below 1% of article views.\n")
    assert parse(text, "a.md")["mitigated_at"] == "2025-01-21T19:12:00Z"
    done = ("# Terminals\n\n## Timeline (UTC, 2025-11-04)\n\n- 14:37 Approvals fail at T4 stores.\n- 14:40 Stores call the desk.\n"
            "- 15:20 Listener profile reverted on all six nodes; approvals back to normal.\n- 15:31 Stores confirm on the bridge.\n")
    assert parse(done, "a.md")["mitigated_at"] == "2025-11-04T15:20:00Z"


def test_the_harm_begins_where_the_writer_says_from_here_a_measure_starts_climbing_or_an_error_first_shows():
    for entry, want in (("values freeze from here while the association stays up", "14:02"),
                        ("Consumer lag starts climbing; bank transactions start arriving late", "14:02"),
                        ("First SignatureValidationFailed responses in the auth logs (found afterwards)", "14:02")):
        text = (f"# Outage\n\n## Timeline (UTC, 2024-01-18)\n\n- 13:50 Network Security pushes a routine firewall rule update.\n"
                f"- 14:02 {entry}.\n- 14:40 Operator notices the frozen values and calls the desk.\n")
        assert parse(text, "a.md")["started_at"] == f"2024-01-18T{want}:00Z", entry
    back = ("# Invoices\n\n## Timeline (UTC, 2025-03-12)\n\n- 11:55 PDFs render blank.\n- 12:47 A customer emails support.\n"
            "- 14:48 Rollback done; impact over for anything generated from here on.\n")
    assert parse(back, "a.md")["started_at"] == "2025-03-12T11:55:00Z"
    assert parse("# DST\n\n## Timeline (UTC, 2024-03-10)\n\n- 08:00 DST begins: wall clock jumps from 01:59:59 to 03:00:00\n"
                 "- 08:55 Cure passes the upper limit. Product nonconforming from this point\n", "a.md")["started_at"] \
        == "2024-03-10T08:55:00Z"


def test_someone_seeing_it_and_acting_a_channel_pinged_and_a_controls_validation_failing_are_detection():
    for entry in ("Driver sees the box tilt and stops the hoist", "Community team sees the channel flooding and pings #live-ops",
                  "RegSuite pre-submission validation fails: BV221, BV225"):
        text = (f"# Incident\n\n## Timeline (UTC, 2024-11-19)\n\n- 12:00 Firmware loaded on the spreader PLC.\n"
                f"- 12:30 Box lifted on three twistlocks.\n- 12:42 {entry}.\n- 13:10 Operations manager informed.\n")
        assert parse(text, "a.md")["detected_at"] == "2024-11-19T12:42:00Z", entry
    machine = ("# Failover\n\n## Timeline (UTC, 2025-02-18)\n\n- 06:00 Primary lost.\n"
               "- 06:01 Patroni sees the leader key still present and does not promote.\n- 06:09 Alert pages the DBA.\n")
    assert parse(machine, "a.md")["detected_at"] == "2025-02-18T06:09:00Z"


def test_closing_after_a_comma_standing_the_incident_down_and_closing_the_incident_resolve_it():
    for entry in ("1h+ of normal metrics, closing", "We stand the incident down.", "No anomalies for 45 minutes; we close the incident."):
        text = (f"# Outage\n\n## Timeline (UTC, 2025-05-21)\n\n- 14:10 Bids drop to the floor price.\n- 14:20 Alert pages the on-call.\n"
                f"- 15:30 Upload redone; loads clean. Bids back to normal.\n- 16:10 {entry}\n")
        assert parse(text, "a.md")["resolved_at"] == "2025-05-21T16:10:00Z", entry


def test_a_shortfall_cleared_calls_received_again_and_a_rerun_all_green_end_the_harm_but_not_a_harm_that_stops_growing():
    for entry in ("GBP 1,240,387.16 transferred from the office account; shortfall cleared",
                  "vendor moves our trunk to their Tokyo edge; agents receiving calls again",
                  "Corrected table promoted; sanity job re-run, all green"):
        text = (f"# Incident\n\n## Timeline (UTC, 2025-07-08)\n\n- 09:00 Reconciliation shows the client money shortfall.\n"
                f"- 09:10 Finance calls the desk.\n- 13:32 {entry}\n")
        assert parse(text, "a.md")["mitigated_at"] == "2025-07-08T13:32:00Z", entry
    text = ("# Lag\n\n## Timeline (UTC, 2025-11-04)\n\n- 18:00 Replica lag climbs past 60 s; stale reads.\n- 18:10 Alert pages on-call.\n"
            "- 18:50 Merge job throttled. Lag stops growing but doesn't come down.\n- 19:20 Reads routed to the primary. Stale reads stop.\n"
            "- 18:15 Status page is all green.\n")
    assert parse(text, "a.md")["mitigated_at"] == "2025-11-04T19:20:00Z"


def test_a_cause_paragraph_that_counts_its_causes_gives_one_each():
    text = ("# Gateway route deleted\n\n## Cause\n\nFirstly, the delete_all_records function was deleting the internet gateway "
            "record. Secondly, something has changed in AWS, likely the Fargate 1.4.0 version.\n")
    assert len(parse(text, "a.md")["contributing_factors"]) == 2
    inline = ("# Hub 403\n\n## Root cause\n\nThis was caused by two factors: 1. Local development differs from production "
              "(single node vs multi node) 2. Testing in staging was not thorough enough\n")
    assert len(parse(inline, "a.md")["contributing_factors"]) == 2
    one = "# X\n\n## Root cause\n\nFirst, we saw errors. Then we fixed it.\n"
    assert len(parse(one, "a.md")["contributing_factors"]) == 1


def test_switching_off_the_job_responsible_ends_the_harm():
    text = ("# Duplicate notifications\n\n## Timeline\n\n- 27/09/2024 05:40 UTC: Customers report duplicate order emails.\n"
            "- 27/09/2024 06:20 UTC: We disabled the CRON job responsible for the issue in production.\n")
    assert parse(text, "a.md")["mitigated_at"] == "2024-09-27T06:20:00Z"


def test_a_machine_back_in_service_ends_the_harm():
    for entry in ("Rollers replaced, safety tests done. E4 back in service.", "Pool 2 returned to service after the patch."):
        text = (f"# Escalator stopped\n\n## Timeline (UTC, 2024-12-14)\n\n- 10:08 E4 stops; barriers up.\n"
                f"- 10:11 Security Control raises a ticket.\n- 12:30 {entry}\n- 16:45 Ticket closed.\n")
        assert parse(text, "a.md")["mitigated_at"] == "2024-12-14T12:30:00Z", entry


def test_a_contributing_label_over_bullets_lists_the_factors():
    text = ("# Escalator stopped\n\n## Review\n\n**Root cause.** A worn roller failed.\n\n**Contributing:**\n\n"
            "- Rollers are not on the spares list.\n- A PPM remark creates no follow-up job.\n- The restart SOP allows a restart.\n")
    assert len(parse(text, "a.md")["contributing_factors"]) >= 3
    commits = "# X\n\n## Contributing Commits\n\n- abc123 adds a callback\n- def456 adds a render\n"
    assert parse(commits, "a.md")["contributing_factors"] == []


def test_middle_dot_fields_wrapped_onto_a_line_that_opens_with_a_dot_stay_with_their_item():
    text = ("# X\n\n## Follow-up tasks\n\n- RX-101 · Add rollers to the spares list · Assigned: P. Ilić (Stratus) · Target\n"
            "  31-Jan-2025 · Open\n- RX-105 · Floor graphics for peak season · Assigned: —\n"
            "  · Target — · Won't do (standard signage was adequate)\n")
    items = parse(text, "a.md")["action_items"]
    assert [a["status"] for a in items] == ["open", "wont_do"]
    assert items[0]["owner"] == "P. Ilić"
    bullets = "# X\n\n## Action items\n\n· Add rollers\n· Survey E1-E6\n"
    assert len(parse(bullets, "a.md")["action_items"]) == 2


def test_an_assigned_field_names_the_owner():
    text = "# X\n\n## Follow-up\n\n- RX-102 · Amend SOP-14 · Assigned: J. Mensah · Target 20-Dec-2024 · Completed\n"
    item = parse(text, "a.md")["action_items"][0]
    assert (item["owner"], item["status"], item["due"]) == ("J. Mensah", "done", "2024-12-20")


def test_a_system_event_shown_at_the_control_desk_is_detection():
    text = ("# Escalator stopped\n\n## Activity log (UTC, 2024-12-14)\n\n"
            "- 10:08 · system · BMS event ESC-E4 STOP shown at Security Control.\n"
            "- 10:11 · J. Mensah · Ticket raised.\n- 12:30 Rollers replaced. E4 back in service.\n")
    assert parse(text, "a.md")["detected_at"] == "2024-12-14T10:08:00Z"
    banner = text.replace("BMS event ESC-E4 STOP shown at Security Control", "Banner shown on the status page dashboard")
    assert parse(banner, "a.md")["detected_at"] != "2024-12-14T10:08:00Z"


def test_a_bracketed_aside_with_its_own_clock_inside_a_range_is_skipped():
    text = ("# Escalator stopped\n\n## Post-incident review\n\n**Impact.** E4 was out of service from 10:08 on Saturday "
            "14 December 2024 (apart from 17 minutes after the 10:14 restart) until 12:30 on Tuesday 17 December: two "
            "busy trading days.\n")
    got = parse(text, "a.md")
    assert (got["started_at"], got["mitigated_at"]) == ("2024-12-14T10:08:00Z", "2024-12-17T12:30:00Z")


def test_a_front_matter_publication_key_yields_to_the_days_its_updates_are_headed():
    text = ("---\ntitle: Door access unavailable\npublished: '2024-11-07'\n---\n\n# Door access unavailable\n\n"
            "All times are Pacific Time (PT).\n\n## Updates\n\n### Resolved — Nov 5, 10:45 PT\n\nWorking normally since 09:37.\n\n"
            "### Investigating — Nov 5, 07:21 PT\n\nWe're getting reports that the app isn't unlocking doors.\n")
    assert parse(text, "a.md")["date"] == "2024-11-05"
    dated = text.replace("published: '2024-11-07'", "date: '2024-11-07'")
    assert parse(dated, "a.md")["date"] == "2024-11-07"


def test_a_line_that_names_an_unprotected_period_gives_the_window():
    text = ("# Near miss: floors left without detection\n\n## What happened\n\nDate of occurrence: Tue 18 Feb 2025. "
            "Both floors had no detection for 2 hours 43 minutes.\n\nPeriod without detection on levels 4 and 5: **12:58 to 15:41**.\n\n"
            "## Sequence of events\n\n- 12:30 Permit issued.\n- 13:05 Welding starts.\n")
    got = parse(text, "a.md")
    assert (got["started_at"], got["mitigated_at"]) == ("2025-02-18T12:58:00Z", "2025-02-18T15:41:00Z")


def test_someone_finding_a_thing_in_a_bad_state_is_detection_but_not_a_cause_found():
    for entry, said in (("G. Lloyd scrolls the isolation list and finds zones 4 and 5 isolated.", True),
                        ("Porter finds the plant room door unlocked.", True),
                        ("Engineer finds the cause: a tripped breaker.", False),
                        ("We found no evidence the door was open.", False),
                        ("They found their servers had gone down to weekend capacity.", False)):
        text = f"# X\n\n## Timeline (UTC, 2025-02-18)\n\n- 12:58 Zones isolated.\n- 15:36 {entry}\n- 15:41 Zones reinstated.\n"
        assert (parse(text, "a.md")["detected_at"] == "2025-02-18T15:36:00Z") is said, entry


def test_the_people_an_entrapment_held_released_ends_the_harm():
    text = ("# Lift entrapment\n\n## Timeline (UTC, 2025-06-14)\n\n- 13:12 L3 stops between floors with four passengers.\n"
            "- 13:14 Passenger presses the alarm button; call centre logs the job.\n"
            "- 14:06 Doors opened and passengers released. All well.\n- 16:48 L3 returned to service, job closed.\n")
    assert parse(text, "a.md")["mitigated_at"] == "2025-06-14T14:06:00Z"


def test_the_summarys_stated_first_and_last_moments_beat_a_later_sections_narrower_range():
    text = ("# Comms room cooling failed\n\n## Summary\n\nThe split system cooling the tenant's comms room failed. "
            "Impact began with the unit failure at 08:47 on 3 April 2025. We were told at 09:12. The impact was mitigated "
            "at 13:30, when a spot cooler had the room back under 28 °C.\n\n## Timeline (3 April 2025, UTC)\n\n"
            "- 08:47 Unit stops on a compressor fault.\n- 09:20 Help desk acknowledges the request.\n"
            "- 12:05 Tenant starts shutting servers down.\n- 13:30 Spot cooler running.\n- 15:20 Tenant brings servers back up.\n\n"
            "## Impact\n\nThe tenant's claims system was unavailable from 12:05 to 15:20.\n")
    got = parse(text, "a.md")
    assert (got["started_at"], got["mitigated_at"]) == ("2025-04-03T08:47:00Z", "2025-04-03T13:30:00Z")


def test_a_request_logged_on_a_portal_and_we_were_told_at_are_detection():
    for entry in ("Office manager logs a portal request: \"comms room v warm\".", "We were told at this point by the tenant."):
        text = (f"# X\n\n## Timeline (UTC, 2025-04-03)\n\n- 08:47 Unit stops on a compressor fault.\n- 09:12 {entry}\n"
                "- 13:30 Spot cooler running; room below 28 °C, back to normal.\n")
        assert parse(text, "a.md")["detected_at"] == "2025-04-03T09:12:00Z", entry
    aside = ("# X\n\n## Timeline (UTC, 2024-12-08)\n\n- 23:00 Provider starts planned maintenance (we were told by email "
             "on 21 November).\n- 23:40 Alert pages the on-call.\n")
    assert parse(aside, "a.md")["detected_at"] == "2024-12-08T23:40:00Z"


def test_a_day_named_with_on_a_clause_before_the_clock_dates_it():
    text = ("# Tower ran undosed\n\nAll times are UTC.\n\nOn Monday 3rd March 2025 our technician found the drum empty and "
            "rang me at 09:55. Normal dosing was restored at 12:40. The incident was closed on Friday 14th March, after the "
            "lab's results came in at 16:05.\n")
    assert parse(text, "a.md")["resolved_at"] == "2025-03-14T16:05:00Z"


def test_a_key_the_title_names_is_no_items_ticket():
    text = ("# Cooling tower CT-1 ran without biocide\n\n## What we're doing about it\n\n"
            "- Diamond Water to replace the float sensor on CT-1 with a load cell, by 28th March 2025.\n"
            "- Aaron to specify a flow switch on the CT-1 dosing line, by 30th April 2025. Tracked as WT-88.\n")
    assert [a["ticket"] for a in parse(text, "a.md")["action_items"]] == [None, "WT-88"]


def test_a_remark_in_small_letters_after_an_items_fields_leaves_its_owner():
    text = ("# X\n\n## Action items\n\n- Convert the dock zone to dry pipe — Tom Kowalczyk (engineering) — due 2025-06-30 — "
            "NRS-1444 — quote requested from Midway\n")
    item = parse(text, "a.md")["action_items"][0]
    assert (item["owner"], item["due"], item["ticket"]) == ("Tom Kowalczyk", "2025-06-30", "NRS-1444")


def test_a_us_zone_word_with_a_noun_after_it_opens_the_entry_not_its_clock():
    text = ("# False alarm\n\nAll times below are Eastern.\n\n## Timeline (Tuesday 11/12/2024)\n\n"
            "- 10:41\n  Detector in alarm; the panel goes straight to general alarm.\n"
            "- 10:42\n  Central station dispatches the fire service.\n- 11:28\n  All clear given; re-entry starts.\n")
    assert [e["at"] for e in parse(text, "a.md")["timeline"]][:2] == ["2024-11-12T15:41:00Z", "2024-11-12T15:42:00Z"]
    said = "# X\n\n## Summary\n\nImpact began at 14:05 Central on Monday 3 March 2025 and ended at 16:00 Central.\n"
    assert parse(said, "a.md")["started_at"] == "2025-03-03T20:05:00Z"


def test_a_range_of_what_would_have_happened_is_no_window():
    text = ("# False alarm and evacuation\n\n## Timeline (UTC, 2024-11-12)\n\n- 10:41 Detector in alarm; general alarm.\n"
            "- 11:28 All clear; re-entry starts.\n\n## Impact\n\n- Full evacuation of 1,100 occupants for 47 minutes.\n"
            "- Stair pressurisation fans would not have started in a real fire between 07:20 and 15:20.\n")
    assert parse(text, "a.md")["started_at"] != "2024-11-12T07:20:00Z"
    could = text.replace("Stair pressurisation fans would not have started in a real fire", "Users could have been exposed")
    assert parse(could, "a.md")["started_at"] == "2024-11-12T07:20:00Z"


def test_an_incident_category_front_key_names_the_class():
    text = "---\ntitle: Doors unlocked\nincident_category: Physical security\n---\n\n# Doors unlocked\n"
    assert parse(text, "a.md")["incident_class"] == "Physical security"


def test_a_call_from_someone_to_the_help_desk_as_a_noun_is_detection():
    text = ("# AHUs started late\n\n## Timeline (UTC, 2025-03-31)\n\n- 06:00 Occupied period should start; fourteen AHUs stay off.\n"
            "- 06:40 Call from Brightline Media (level 3) to the help desk: \"no air on our floor\".\n"
            "- 07:20 Engineer compares controller clocks: one hour behind.\n")
    assert parse(text, "a.md")["detected_at"] == "2025-03-31T06:40:00Z"


def test_a_field_named_in_another_language_with_an_english_gloss_is_read_by_its_gloss():
    text = ("# X\n\n## Maßnahmen / actions\n\n- **M1** Add F14 to the test checklist.\n"
            "  Verantwortlich (owner): J. Keller. Termin (due): 15.07.2025. Ticket BFS-2290.\n")
    item = parse(text, "a.md")["action_items"][0]
    assert (item["owner"], item["due"], item["ticket"]) == ("J. Keller", "2025-07-15", "BFS-2290")


def test_a_description_whose_timed_lines_are_a_routine_is_no_timeline_when_a_later_section_is_named_one():
    text = ("Keeper app offline during morning rounds\n=========================================\n\n"
            "Description\n-----------\n\nOn Saturday 23 August 2025 the Wi-Fi dropped out. All times UTC.\n\n"
            "Impact start: 06:40 (tablets offline)\nDetected:     07:12 (keeper rings IT)\nMitigated:    08:55 (rolled back)\n\n"
            "Routine schedule for the section on a Saturday, for reference (not incident\ntimes):\n  06:30  keepers on site\n"
            "  07:00  medication round, morning feed\n  08:00  house cleaning / enrichment\n  09:30  park opens to visitors\n"
            "  11:00  keeper talk; 15:30 afternoon feed; 17:00 lock-up\n\n\nTimeline\n--------\n\n- 06:40  Controller applies its update; tablets offline.\n"
            "- 07:12  Keeper notices the offline banner and rings IT on-call.\n- 08:55  Controller rolled back; tablets sync.\n")
    got = parse(text, "a.txt")
    assert [e["at"][11:16] for e in got["timeline"]] == ["06:40", "07:12", "08:55"]


def test_initials_before_to_and_a_task_name_the_owner_and_phones_switched_are_no_call():
    text = ("# X\n\n## Actions\n\n- SB to get written confirmation from Ringwell — by 13/11/2024\n- JT to add the number to the recording\n"
            "- KD to ring the three clients again — DONE\n- Dr AH to write to the owner with an apology\n")
    assert [a["owner"] for a in parse(text, "a.md")["action_items"]] == ["SB", "JT", "KD", "Dr AH"]
    log = ("# X\n\n## Timeline (UTC, 2024-10-26)\n\n- 12:30 Surgery closes; JT switches phones to night mode.\n"
           "- 23:04 PBX restarts in day mode.\n- 06:52 Duty vet rings SB: the phone goes to a message.\n")
    assert parse(log, "a.md")["detected_at"] != "2024-10-26T12:30:00Z"


def test_someone_ringing_one_of_us_on_their_own_phone_is_detection():
    text = ("# Calls not diverted\n\n## Timeline (UTC, 2024-10-27)\n\n- 01:04 PBX restarts in day mode; calls go to voicemail.\n"
            "- 03:12 First voicemail left.\n- 06:52 Duty vet rings SB on her mobile: a client has turned up at the clinic.\n"
            "- 07:09 SB forces night mode; test call diverts.\n")
    assert parse(text, "a.md")["detected_at"] == "2024-10-27T06:52:00Z"


def test_local_city_time_states_the_zone_and_a_city_before_a_bracket_that_is_no_zone_opens_the_entry():
    text = ("# Vaccine fridge ajar\n\nAll times below are local Christchurch time.\n\n## Timeline\n\n"
            "- Fri 14 Feb 2025 19:50 Fridge leaves range.\n- Sat 15 Feb 2025 07:55 Nurse finds the door ajar.\n")
    assert parse(text, "a.md")["timeline"][0]["at"] == "2025-02-14T06:50:00Z"   # NZDT, UTC+13
    store = ("# Blank receipts\n\nAll times UTC.\n\n## Timeline (2024-07-16)\n\n- 15:04 Tucson (233) opens; first receipt comes out blank.\n"
             "- 15:10 Canary (5% of stores) rolled back.\n")
    got = parse(store, "a.md")["timeline"]
    assert [(e["at"], e["text"].split()[0]) for e in got] == [("2024-07-16T15:04:00Z", "Tucson"), ("2024-07-16T15:10:00Z", "Canary")]


def test_found_and_back_in_range_fields_and_caught_before_any_of_it_reached_a_patient():
    text = ("# Vaccine fridge ajar\n\nAll times UTC. The fridge sat above 8 °C for 13 hours; we caught it before any of it "
            "reached a patient.\n\n## Key times\n\n- Excursion began: 06:50, Fri 14 Feb 2025\n- Found: 18:55, Fri 14 Feb 2025\n"
            "- Back in range: 19:40, Fri 14 Feb 2025\n")
    got = parse(text, "a.md")
    assert (got["detected_at"], got["mitigated_at"], got["near_miss"]) == ("2025-02-14T18:55:00Z", "2025-02-14T19:40:00Z", True)


def test_a_thing_corrected_ends_the_harm_but_not_a_corrected_thing_still_to_come_nor_an_alert_added_to_a_record():
    for entry, said in (("Corrected. Practice manager moves the result to the right patient and adds an alert to both records.", True),
                        ("Rate table corrected; pay calculation re-run and checked.", True),
                        ("Batch held as a precaution until a corrected file is verified.", False),
                        ("Decision to send corrected letters with an apology.", False)):
        text = (f"# Wrong result filed\n\n## Timeline (UTC, 2025-03-03)\n\n- 08:47 Result filed on the wrong patient.\n"
                f"- 12:20 Vet phones the owner, who says the dog had no bloods: caught.\n- 12:35 {entry}\n")
        assert (parse(text, "a.md")["mitigated_at"] == "2025-03-03T12:35:00Z") is said, entry
    flag = "# X\n\n## Timeline (UTC, 2025-03-03)\n\n- 08:47 Result filed wrong.\n- 12:35 Manager adds an alert to both records.\n"
    assert parse(flag, "a.md")["detected_at"] != "2025-03-03T12:35:00Z"


def test_an_indented_block_of_fields_padded_without_colons_and_lost_answers_are_harm():
    text = ("Census online form: partial saves lost\n=======================================\n\nINCIDENT REPORT\n\n"
            "  Incident no.      CEN25-INC-014\n  Incident date     Tuesday 12 August 2025\n  Classification    Level 2 (Significant)\n"
            "  Category          Data loss\n  Status            Closed\n\nSUMMARY\n\nRespondents lost answers they had entered. "
            "No data was disclosed to anyone else.\n")
    got = parse(text, "a.txt")
    assert (got["severity_level"], got["status"], got["incident_class"], got["near_miss"]) == (2, "Closed", "Data loss", False)
    colons = "REPORT\n\nTitle       : ScanHub upload outage\nDate        : 12/02/2025\nPriority    : P2\nStatus      : Closed\n"
    assert parse(colons, "a.txt")["title"] == "ScanHub upload outage"


def test_a_severity_level_rated_in_prose_and_a_minutes_status_field():
    text = "# X\n\n## Summary\n\nThe incident was rated severity level 3 (on a scale of 1 to 4, 1 being the most severe).\n"
    assert parse(text, "a.md")["severity_level"] == 3
    minutes = "# Review minutes\n\nIncident ref: FLD-INC-0092 · Severity: SEV-3 · Minutes status: Agreed\n\n## Timeline\n\n- 04:00Z Cert expires.\n"
    assert parse(minutes, "a.md")["status"] == "Agreed"


def test_a_story_that_names_an_earlier_day_again_takes_its_clocks_back_to_that_day():
    text = ("# Card payments failing\n\n### Resolved · 31 Jul 2025, 18:42 UTC\n\nCard payments are working normally.\n\n"
            "### Investigating · 31 Jul 2025, 16:05 UTC\n\nWe are looking into reports that card payments are failing.\n\n"
            "## Post-incident summary\n\nYou can pay until 23:59 on 1 August without a penalty. Card payments failed from "
            "15:48 UTC on 31 July. Our payment failure-rate alert fired at 16:02 UTC.\n")
    assert parse(text, "a.md")["detected_at"] == "2025-07-31T16:02:00Z"


def test_a_risk_ratings_grade_is_the_severity_but_not_a_potential_ones():
    text = ("Controlled drugs cabinet locked out\n===================================\n\n"
            "    Incident ref:       BKA-CG-2025-014\n    Date of incident:   Thursday 17/04/2025\n"
            "    Risk rating:        Likelihood 3 x Consequence 2 = 6 (Medium) -> Incident grade 3\n    Status:             Closed\n")
    assert parse(text, "a.txt")["severity_level"] == 3
    potential = "# Near miss\n\n| Field | Value |\n|---|---|\n| Risk rating (potential) | Likelihood 3 × Severity 5 = 15 – High |\n"
    assert parse(potential, "a.md")["severity_level"] is None


def test_a_key_the_front_matter_names_as_a_place_is_no_ticket_and_a_boiler_relit_ends_the_harm():
    text = ('+++\ntitle = "Reptile house heat loss"\narea = "Reptile House (RH-1 to RH-4)"\nproblem_ref = "PRB-0088"\n+++\n\n'
            "# Reptile house heat loss\n\n## Timeline (UTC, 2025-07-14)\n\n- 13:20 Boiler 2 flame-failure lockout; heat loss begins.\n"
            "- 20:10 Keeper opens the house, finds it cold and rings the duty manager.\n"
            "- 21:05 Dan resets Boiler 2; it relit first time.\n\n## Next steps\n\n"
            "- Re-enable every alarm point inhibited on RH-1 to RH-4 — Marcus Thiele — by 25 July 2025\n"
            "- Link the follow-up to PRB-0088 — Marcus Thiele\n")
    got = parse(text, "a.md")
    assert got["mitigated_at"] == "2025-07-14T21:05:00Z"
    assert [a["ticket"] for a in got["action_items"]] == [None, "PRB-0088"]


def test_a_tldr_window_above_the_sections_beats_the_impact_sections_remedy_hours_and_spotting_three_is_seeing():
    text = ("# Booking portal offered blocked slots\n\n> **TL;DR** — On Tuesday 10 June 2025, between 07:12 and 09:41 UTC, our "
            "booking portal let clients book into blocked slots. 61 bookings landed in blocked slots.\n\n"
            "## Impact\n\n- 61 bookings in blocked slots.\n- Online booking was unavailable for all sites from 09:41 to 16:25.\n\n"
            "## Timeline\n\n| Time | What happened |\n|---|---|\n| 07:12 | First booking lands in a blocked slot. |\n"
            "| 09:05 | Reception spots three bookings in the theatre block and rings Practice Systems. |\n"
            "| 09:41 | Online booking switched off. |\n")
    got = parse(text, "a.md")
    assert (got["started_at"], got["detected_at"], got["mitigated_at"]) == (
        "2025-06-10T07:12:00Z", "2025-06-10T09:05:00Z", "2025-06-10T09:41:00Z")


def test_a_check_that_finds_a_machine_running_in_part_only_is_no_recovery():
    text = ("# Kennel cooling failed\n\n## Timeline (UTC, 2025-07-09)\n\n- 20:20 RTU-2 compressor trips; supply air warms.\n"
            "- 21:05 Attendant notices heavy panting and calls the supervisor.\n"
            "- 21:15 Andre confirms RTU-2 is running fans only; calls facilities on-call.\n")
    assert parse(text, "a.md")["mitigated_at"] is None


def test_a_bilingual_day_heading_dates_its_entries_and_their_zone_follows_the_clocks_change():
    text = ("---\ntitle: Curing heaters lost power\noccurred: 2024-10-26\n---\n\n# Curing heaters lost power\n\n"
            "All times are Norwegian local time.\n\n**Detected:** Sunday 07:40, when the foreman checked the app.\n\n"
            "## Tidslinje / Timeline\n\n### Lørdag / Saturday 26 October\n\n"
            "- 22:47 Guard switches off the board. Heaters and gateway lose power.\n\n"
            "### Søndag / Sunday 27 October\n\n- 02:48 (CEST) Rule \"no data 4 h\" fires; e-mail only.\n"
            "- 07:40 (CET) Foreman opens the app at home.\n- 08:05 Foreman finds the board off, switches it on.\n\n"
            "### Mandag / Monday 28 October\n\n- 15:30 Slab accepted. Closed on site.\n")
    got = parse(text, "a.md")
    assert (got["started_at"], got["detected_at"], got["mitigated_at"], got["resolved_at"]) == (
        "2024-10-26T20:47:00Z", "2024-10-27T06:40:00Z", "2024-10-27T07:05:00Z", "2024-10-28T14:30:00Z")


@pytest.mark.parametrize("entry, tagged", [
    ("Cache eviction job disabled during a migration and never turned back on", False),
    ("Fire not yet under control", False),
    ("Water level under control.", True),
    ("Old certificate switched back on as the signing certificate.", True),
])
def test_a_thing_switched_back_on_or_under_control_ends_the_harm_unless_it_did_not(entry, tagged):
    from loaders.postmortem.timeline import Entry, _tag
    e = Entry(None, entry, 0)
    _tag(e)
    assert ("mitigated" in e.tags) is tagged


def test_a_struck_item_after_its_bold_priority_is_done():
    text = ("# Flood\n\n## What we're changing\n\n- **P2** Third pump on standby — owner: Callum Reeve — due 26/07/2024\n"
            "- **P3** ~~Top up the existing gateway account as a stopgap~~\n  — owner: Ravi Sandhu\n")
    assert [a["status"] for a in parse(text, "a.md")["action_items"]] == ["open", "done"]


def test_a_routine_meant_to_run_from_one_hour_to_another_is_no_impact_window_and_the_story_day_moves_on():
    text = ("# Minutes — site diary overwritten\n\n| Field | Value |\n|---|---|\n| Incident date | Tuesday 14th January 2025 |\n\n"
            "All times below are UK time.\n\n## What happened\n\n"
            "The loss came to light on Thursday 16th January at 10:20, when AR opened the diary and found the day empty. "
            "She rang TA, and LO raised ticket SLG-3391 with support at 10:45.\n\n"
            "RP noted the tablet is \"meant\" to be docked in the gatehouse from 17:00 to 07:00.\n")
    got = parse(text, "a.md")
    assert got["detected_at"] == "2025-01-16T10:20:00Z"
    assert got["mitigated_at"] is None


def test_the_story_below_a_status_pages_updates_times_the_harm_the_updates_posted_later():
    text = ("# CDE unavailable\n\nAll times on this page are UTC.\n\n## Updates\n\n"
            "### Resolved — 3 Apr 2025, 16:45Z\nWorking normally since 16:30Z. We are closing this incident.\n\n"
            "### Monitoring — 3 Apr 2025, 14:20Z\nDrawings can be opened again on all projects (read-only).\n\n"
            "### Identified — 3 Apr 2025, 10:31Z\nThe database ran out of disk space.\n\n"
            "### Investigating — 3 Apr 2025, 09:18Z\nThe CDE is not loading. We are investigating.\n\n"
            "## What happened\n\nFrom 08:52Z the document database stopped accepting writes. Our uptime monitor paged "
            "the on-call engineer at 09:03Z. Read-only access came back at 13:58Z; we consider the incident mitigated "
            "from that point.\n")
    got = parse(text, "a.md")
    assert (got["started_at"], got["detected_at"], got["mitigated_at"]) == (
        "2025-04-03T08:52:00Z", "2025-04-03T09:03:00Z", "2025-04-03T13:58:00Z")


def test_a_block_of_time_fields_each_a_four_digit_clock_alone_times_the_incident():
    text = ("GATE A TURNSTILES REJECTED ALL WORKERS\n=====================================\n\n"
            "    Incident date:   Wed 12/02/2025   (dates in this report are DD/MM/YYYY)\n"
            "    Times:           Australian Eastern, Sydney local (daylight saving in force)\n\n"
            "    Impact start:    0545\n    Detected:        0552\n    Mitigated:       0612 (manual entry)\n"
            "    Resolved:        1130\n\n\nTIMELINE (Sydney time, 12/02 unless stated)\n\n"
            "0545  Gate A turnstiles opened for the day. First workers refused at the readers.\n")
    got = parse(text, "a.txt")
    assert (got["started_at"], got["detected_at"], got["resolved_at"]) == (
        "2025-02-11T18:45:00Z", "2025-02-11T18:52:00Z", "2025-02-12T00:30:00Z")


def test_a_workaround_the_opening_states_inside_the_impact_window_is_the_mitigation():
    text = ("# E-docket feed outage\n\nOn Thursday 20 March 2025 the dockets stopped arriving.\n\n"
            "Short version: the feed was down from 05:40 to 10:50. We knew at 06:15, when truck 1 turned up with "
            "nothing on the tablet. We had a workable way around it from 07:05, once the plant started e-mailing "
            "PDF dockets.\n\n## Next steps\n\n- Ask the plant for a contact who can check the feed. (Priya, commercial)\n")
    got = parse(text, "a.md")
    assert (got["started_at"], got["mitigated_at"], got["resolved_at"]) == (
        "2025-03-20T05:40:00Z", "2025-03-20T07:05:00Z", "2025-03-20T10:50:00Z")
    assert [a["owner"] for a in got["action_items"]] == ["Priya"]


def test_the_day_the_opening_names_with_its_weekday_beats_a_background_day_narrated_after_it():
    text = ("# Incident memo — trigger not notified\n\n**Date:** 11 April 2025\n**Status:** Submitted\n\n---\n\n"
            "This memo reports an Amber trigger breach on the monitoring next to our excavation on **Friday 4 April "
            "2025**, and our failure to notify the rail manager within one hour.\n\n"
            "## Monitoring arrangements (background)\n\n"
            "On 1 April the monitoring consultant moved their alert platform to a new cloud service.\n\n"
            "## Sequence of events\n\n1. Fri 4 Apr, 14:22 — ATS cycle reports RP-07 at -8.4 mm.\n")
    assert parse(text, "a.md")["date"] == "2025-04-04"


def test_an_ordinal_date_field_dates_the_incident_and_a_summarys_time_to_detect_line_times_detection():
    text = ("# Overdue-rent reminders sent to tenants who had paid\n\n"
            "**Incident date:** 2025-058 (Thursday). We use ordinal dates.\n"
            "**Severity:** S2 · **Status:** Closed · **Written:** 2025-03-05 by Sato Mika\n**Times:** Japan time (UTC+9)\n\n"
            "## Summary\n\nOn the morning of the 27th the import stopped partway through the file.\n\n"
            "Time to detect: 7 minutes (first tenant call).\n\n## What happened\n\n"
            "Impact began at 09:00, when the dunning job sent 2,611 reminders. At 09:34 Sato was paged.\n")
    got = parse(text, "a.md")
    assert (got["date"], got["started_at"], got["detected_at"]) == ("2025-02-27", "2025-02-27T00:00:00Z", "2025-02-27T00:07:00Z")


def test_a_report_number_like_an_ordinal_date_with_the_wrong_weekday_dates_nothing():
    from loaders.postmortem.document import _ordinal_day
    assert _ordinal_day("2025-058 (Thursday)").isoformat() == "2025-02-27"
    assert _ordinal_day("2025-058 (Monday)") is None
    assert _ordinal_day("2025-400") is None
    assert _ordinal_day("2025-058-A") is None


def test_the_moment_the_writer_takes_as_the_start_beats_the_timelines_cause_and_midnight_on_a_night_is_the_next_day():
    text = ("---\ntitle: E-filing blocked by expired certificate\ndate: 2025-06-20\n---\n\n"
            "# E-filing blocked by expired certificate\n\n*Post-incident review · vendredi 20 juin 2025*\n\n"
            "All times are Paris time, UTC+2.\n\n## Summary\n\nThe certificate expired at midnight on Thursday night. "
            "Nobody tried to file anything until 09:20 on Friday, which we take as the start of impact. IT knew at 09:50 "
            "when our paralegal called the helpdesk. The harm was contained at 14:00, when the judge accepted them.\n\n"
            "## Timeline\n\n### 00:00 — Firm certificate expires\nNo alert; expiry is not monitored.\n\n"
            "### 09:50 — Helpdesk call\nInès calls IT.\n")
    got = parse(text, "a.md")
    assert (got["date"], got["started_at"], got["mitigated_at"]) == (
        "2025-06-20", "2025-06-20T07:20:00Z", "2025-06-20T12:00:00Z")


def test_minutes_reads_a_count_in_words():
    from loaders.postmortem.doc import minutes
    assert (minutes("twelve minutes"), minutes("an hour"), minutes("forty-five mins")) == (12, 60, 45)


def test_a_stated_start_and_when_nobody_knew_until_beat_the_harm_and_alert_told_before_them():
    text = ("# Minutes — duplicate invoices from the January billing run\n\n"
            "**Date of meeting:** Friday 7 February 2025, 10:00–11:15\n\n## 2. What happened\n\n"
            "On 31 January the run started on time. The billing run could not get the locks it needed and timed out "
            "at 18:47 with about 60% of invoices issued. SC saw the failure alert at 18:52 and restarted the run at "
            "19:10. The meeting agreed that the incident began at 19:14, when the first duplicate was issued.\n\n"
            "Nobody knew about the duplicates until SC checked the run report at 8.40pm. She paused the outbound "
            "e-mail queue twelve minutes later.\n")
    got = parse(text, "a.md")
    assert (got["started_at"], got["detected_at"], got["mitigated_at"]) == (
        "2025-01-31T19:14:00Z", "2025-01-31T20:40:00Z", "2025-01-31T20:52:00Z")


@pytest.mark.parametrize("entry, seen", [
    ("Dana's weekly reconciliation shows 312 filings without a certificate number.", True),
    ("Reconciliation re-run: all but 3 spots verified as aired.", False),
])
def test_a_reconciliation_that_shows_the_gap_is_how_it_was_found(entry, seen):
    from loaders.postmortem.timeline import Entry, _tag
    e = Entry(None, entry, 0)
    _tag(e)
    assert ("detected" in e.tags) is seen


def test_an_item_done_during_the_meeting_is_done():
    text = ("# Review minutes\n\n## 5. Actions\n\n- Farid Haddad to add an alert, by 13 June (DEP-79).\n"
            "- Grace Liu to change the registry contact address to the shared mailbox. Done during the meeting.\n")
    assert [a["status"] for a in parse(text, "a.md")["action_items"]] == ["open", "done"]


def test_the_day_and_moment_the_opening_says_the_impact_began_beat_a_cause_on_an_earlier_night():
    text = ('export const meta = {\n  title: "Conflict check cleared a conflicted matter",\n  date: "2024-09-23",\n'
            '  detected: "2024-09-25 10:20 SGT",\n}\n\n# Conflict check cleared a conflicted matter\n\n'
            "All times below are Singapore time (SGT, UTC+8).\n\n## Summary\n\n"
            "The nightly job that copies party names stopped loading data on Friday night. **Impact began at 14:32 on "
            "Monday 23 September**, when that search returned \"No matches\".\n\n## Timeline\n\n### Friday 20 September\n\n"
            "- 23:05 — Nightly party sync fails: the service account's password had expired.\n\n### Monday 23 September\n\n"
            "- 14:32 — Conflicts analyst runs the search. Result: No matches.\n")
    got = parse(text, "a.mdx")
    assert (got["date"], got["started_at"]) == ("2024-09-23", "2024-09-23T06:32:00Z")


def test_porque_aconteceu_names_the_causes_and_a_customer_success_role_leaves_the_name_the_owner():
    text = ("# Rent receipts stuck\n\n## Cronologia\n\n- 06:02 the worker crashes on a bad job.\n- 10:34 worker restarted.\n\n"
            "## Porque aconteceu\n\n- The NIF field accepted any string of digits.\n- A single bad job could block the queue.\n\n"
            "## Ações\n\n- DONE: e-mail to the 214 landlords explaining the delay (Catarina Lopes, Customer Success)\n")
    got = parse(text, "a.md")
    assert len(got["contributing_factors"]) == 2
    assert [a["owner"] for a in got["action_items"]] == ["Catarina Lopes"]


def test_the_moment_the_writer_counts_as_mitigated_beats_the_impact_sections_window_and_a_status_opening_wont_do_is_wont_do():
    text = ("---\ntitle: DMS outage\ndate: 2024-10-28\ntimezone: Europe/London\n---\n\n# DMS outage\n\n"
            "**TL;DR** — On Monday 28 October 2024 the storage array went into a failover loop. We count the incident "
            "as mitigated at 11:02, when read-write access returned, and resolved at 17:45.\n\n"
            "## Impact\n\n- 08:47–10:38: DocHarbour completely unavailable (1 h 51 min). 10:38–11:02: read-only.\n\n"
            "## Action items\n\n### Action 4 — Second storage array\nOwner: @dhughes · Status: won't do this financial "
            "year (cost); goes to the 2025/26\nbudget round instead.\n")
    got = parse(text, "a.md")
    assert (got["started_at"], got["mitigated_at"]) == ("2024-10-28T08:47:00Z", "2024-10-28T11:02:00Z")
    assert [a["status"] for a in got["action_items"]] == ["wont_do"]


def test_a_backgrounds_schedule_is_no_impact_window_and_pausing_the_job_ends_the_danger():
    text = ("# Lockbox codes nearly published in the partner feed\n\nTimes are UTC (Z) throughout.\n\n"
            "## tl;dr\n\nOn 24 September 2024 a data-model change mapped lockbox codes into a public field. "
            "It was caught before it reached any partner.\n\n## Background\n\nThe export runs:\n\n"
            "- nightly on production at 09:00Z, with the partners pulling between 10:00Z and 12:00Z.\n\n"
            "## Timeline\n\n- 16:15Z — PR merged.\n- 17:12Z — Pre-publish content check flags 311 listings.\n"
            "- 17:20Z — Kwame pauses the production export job.\n")
    got = parse(text, "a.md")
    assert got["started_at"] != "2024-09-24T10:00:00Z"
    assert got["mitigated_at"] == "2024-09-24T17:20:00Z"


def test_a_context_sections_schedule_is_no_impact_window_and_no_duplicates_left_ends_the_harm():
    text = ("+++\ntitle = \"Feed v5 doubled our listings\"\nincident_date = 2024-06-11\n+++\n\n# Feed v5 doubled our listings\n\n"
            "## Contexto: como funciona o feed\n\nTimes in this document are hora local de Lisboa (WEST, UTC+1).\n\n"
            "- Agents can edit listings between 07:00 and 23:00.\n\n## Cronologia\n\n"
            "- [03:15] ImoPortal ingests the file and publishes 9,812 \"new\" listings. Duplicates are live.\n"
            "- [08:47] Agent e-mails support: every flat appears twice.\n"
            "- [13:20] CasaJá re-ingest complete. No duplicates left on either portal.\n")
    got = parse(text, "a.md")
    assert (got["started_at"], got["mitigated_at"]) == ("2024-06-11T02:15:00Z", "2024-06-11T12:20:00Z")


def test_four_digit_clocks_joined_by_a_dash_with_a_zone_are_the_impact_window_and_a_scheduled_window_is_not():
    text = ("Smart lock firmware rejected tenant keys\n\nIncident date:   Thursday 18 July 2024\nSeverity:        Level 2\n\n"
            "SUMMARY\n\nAbout 1,340 tenant doors could not be opened with the app for three hours.\n\n"
            "Impact:          0922-1235 JST (3 h 13 min)\nTime to detect:  19 minutes\n\n"
            "BACKGROUND\n\nAll times in this report are JST (UTC+9). Move-ins are scheduled between 1000 and 1700.\n\n"
            "TIMELINE (JST)\n\n- 0922  First production locks reboot and reject mobile keys. Impact begins.\n"
            "- 0958  Support has logged 23 calls. Duty manager pages the on-call.\n")
    got = parse(text, "a.txt")
    assert (got["started_at"], got["detected_at"]) == ("2024-07-18T00:22:00Z", "2024-07-18T00:41:00Z")


def test_a_french_detection_row_in_an_indicators_table_times_the_detection():
    text = ("+++\ntitle = \"Recherche indisponible\"\nincident_date = 2025-01-14\n+++\n\n# Recherche indisponible\n\n"
            "Toutes les heures sont en heure de Paris (CET, UTC+1).\n\n## Indicateurs\n\n| Indicateur | Valeur |\n|---|---|\n"
            "| Début de l'impact | 08:12 |\n| Détection | 09:41 (délai de détection : 1 h 29) |\n| Résolution | 18:45 |\n")
    assert parse(text, "a.md")["detected_at"] == "2025-01-14T08:41:00Z"


def test_someone_realising_their_own_mistake_is_how_it_was_found():
    from loaders.postmortem.timeline import Entry, _tag
    e = Entry(None, "Going to the Outbox she sees the domain on the recipient line and realises the mistake.", 0)
    _tag(e)
    assert "detected" in e.tags


def test_a_timeline_table_in_two_clocks_is_read_in_its_first_columns_zone():
    text = ("# Reviewers locked out\n\nIncident: Monday 10 March 2025\n\n## Timeline\n\n"
            "The Eastern column is New York time; the Singapore column is SGT (UTC+8).\n\n"
            "| Eastern | Singapore | What happened |\n|---|---|---|\n"
            "| Mon 10 Mar 08:55 | 20:55 | First reviewer sign-in fails. |\n"
            "| 21:30 | 09:30 | We re-apply the new certificate; test sign-ins pass. Incident closed. |\n")
    got = parse(text, "a.md")
    assert (got["started_at"], got["resolved_at"]) == ("2025-03-10T12:55:00Z", "2025-03-11T01:30:00Z")


def test_a_step_that_ended_the_exposure_ends_the_harm():
    from loaders.postmortem.timeline import Entry, _tag
    e = Entry(None, "We switched the portal to maintenance mode at 15:02 CEST, which ended the exposure.", 0)
    _tag(e)
    assert "mitigated" in e.tags


def test_a_bilingual_severity_key_and_a_near_miss_category_with_its_class_are_both_read():
    text = ("# Tillbudsrapport: frozen gas readings\n\n| Fält / Field | Värde / Value |\n|---|---|\n"
            "| Händelsedatum / date of event | 2025-03-31 (måndag / Monday) |\n"
            "| Kategori / category | Tillbud (near miss) — arbetsmiljö, luftkvalitet under jord |\n"
            "| Allvarlighetsgrad / severity level | 2 (company scale 1–5, 1 = most severe) |\n")
    got = parse(text, "a.md")
    assert (got["severity_level"], got["near_miss"]) == (2, True)
    assert got["incident_class"] == "Tillbud (near miss) — arbetsmiljö, luftkvalitet under jord"
    boxes = "# Zip line near miss\n\n| Field | Value |\n|---|---|\n| Event type | ☒ Near miss ☐ First aid ☐ Injury ☐ Property damage |\n"
    assert parse(boxes, "a.md")["incident_class"] is None


def test_when_the_writer_says_they_first_learned_of_it_beats_a_signal_nobody_heard():
    text = ("# NSF retry storm\n\nImpact began with the first retry at 13:40 on April 1. We first learned about it at "
            "08:12 on April 2, when support paged the payments on-call.\n\nAll times are Mountain (Calgary).\n\n"
            "## Timeline\n\n### Tuesday, April 1, 2025\n\n- 13:40 — Retry worker sends the first retries.\n\n"
            "### Wednesday, April 2\n\n- 07:55 — A tenant posts on the residents' forum: \"charged NSF four times since yesterday by Rentwell??\"\n"
            "- 08:12 — Support lead pages the payments on-call (Jordan).\n- 08:30 — Retry worker paused.\n")
    assert parse(text, "a.md")["detected_at"] == "2025-04-02T14:12:00Z"


@pytest.mark.parametrize("entry, seen", [
    ("Notice generation job builds 1,482 renewal notices for leases ending 31 October.", False),
    ("Notices queued for e-mail delivery in the 09:00–17:00 send window.", False),
    ("Sam notices queue depth rising on the dashboard.", True),
])
def test_notices_that_are_letters_are_no_one_noticing(entry, seen):
    from loaders.postmortem.timeline import Entry, _tag
    e = Entry(None, entry, 0)
    _tag(e)
    assert ("detected" in e.tags) is seen


def test_a_day_the_background_tells_of_does_not_replace_the_date_field():
    text = ("# Print queue stopped\n\n**Date:** 2025-07-22\n**Severity:** Minor\n\n## Summary\n\n"
            "The print queue stopped accepting jobs when the spool volume filled up.\n\n## Background\n\n"
            "On 15 July, the spooler was moved to a new disk and its log rotation lost a line.\n\n"
            "## Timeline\n\n- 08:47 — Spool volume full.\n- 10:03 — Jobs flowing again.\n")
    got = parse(text, "a.md")
    assert (got["date"], got["started_at"]) == ("2025-07-22", "2025-07-22T08:47:00Z")
    told = text.replace("The print queue stopped", "On 15 July the print queue stopped")
    assert parse(told, "a.md")["date"] == "2025-07-15"   # (the summary tells of that day: the incident's)


def test_a_pasted_ticket_is_dated_by_its_resolved_field_not_the_day_it_was_exported():
    text = ("# OPS-4411: licence scans timing out\n\n*Exported from Jira by Ibrahim Haddad on 19/Nov/24 2:12 PM. "
            "Pasted here for the incident archive.*\n\n| Field | Value |\n|---|---|\n| Status | Resolved |\n"
            "| Resolved | 12/Nov/24 1:05 PM |\n\n## Description\n\nEvery licence scan spins and then fails.\n\n"
            "### Timeline (UTC)\n\n- 12:52 — First scan time-out.\n- 15:38 — Rollback complete; scans succeed.\n")
    got = parse(text, "a.md")
    assert (got["date"], got["started_at"]) == ("2024-11-12", "2024-11-12T12:52:00Z")


def test_entries_a_day_line_dates_run_past_midnight_onto_the_next_day():
    text = ("# Press trip\n\n**Date:** 2025-04-03\n\n## Timeline\n\nThursday, April 3 (all times UTC):\n\n"
            "- 21:48 — Press trips on a sync alarm.\n- 22:05 — Press declared down.\n- 23:50 — Spare press confirmed.\n\n"
            "The notes below were kept in a shared doc.\n\n- 00:30 — Spare press starts the run. Impact mitigated.\n"
            "- 06:30 — All routes delivered. Incident closed.\n")
    got = parse(text, "a.md")
    assert (got["mitigated_at"], got["resolved_at"]) == ("2025-04-04T00:30:00Z", "2025-04-04T06:30:00Z")


def test_the_moment_the_writer_counts_impact_from_is_the_start_even_after_the_first_alarm():
    text = ("# Press trip\n\n**Date:** 2025-04-03\n\n## Summary\n\nThe press tripped on a sync alarm at 21:48. "
            "The edition's scheduled run start, 22:30, is where we count impact from: from then the paper was late.\n\n"
            "## Timeline (UTC)\n\n- 21:48 — Console alarm; press trips. First sign of trouble.\n"
            "- 22:05 — Press declared down; on-call paged.\n- 23:40 — Edition running at the sister plant. Impact mitigated.\n")
    got = parse(text, "a.md")
    assert (got["started_at"], got["detected_at"]) == ("2025-04-03T22:30:00Z", "2025-04-03T21:48:00Z")


def test_a_chat_clock_passing_noon_goes_on_in_the_afternoon():
    text = ("# Feed merged e-books\n\n**Date:** 2025-02-11\n\n## Chat (UTC)\n\n[12:58] Jess: bookseller can't find the paperback\n"
            "[1:05] Jess: calling Priya\n[1:50] Priya: feed paused. nobody touch the import\n")
    got = parse(text, "a.md")
    assert [e["at"][11:16] for e in got["timeline"]] == ["12:58", "13:05", "13:50"]
    day = text.replace("[12:58]", "[12:10]").replace("[1:05]", "[1:15]").replace("[1:50]", "[8:30]")
    assert [e["at"][11:16] for e in parse(day, "a.md")["timeline"]][1] == "13:15"


def test_a_fields_table_row_states_the_zone():
    text = ("# Near miss: wrong template\n\n| Field | Value |\n|---|---|\n| Date of event | 10th June 2025 |\n"
            "| Event start | 05:50 — plates imaged from the wrong template |\n| Times | UTC+2 |\n\n"
            "## Timeline\n\n- 05:50 CTP images the plates.\n- 07:45 Operator finds the wrong page order.\n")
    assert parse(text, "a.md")["started_at"] == "2025-06-10T03:50:00Z"


def test_a_report_filed_later_is_not_joined_to_the_detected_time_below_it():
    text = ("# Near miss: wrong template\n\n| Field | Value |\n|---|---|\n| Date of event | 10th June 2025 |\n"
            "| Reported | 11/06/2025 by Nina Kovač (prepress supervisor) |\n| Detected | 07:45 — folded-sheet check at press |\n"
            "| Mitigated | 09:10 — corrected plates on press |\n")
    assert parse(text, "a.md")["detected_at"] == "2025-06-10T07:45:00Z"


def test_a_denial_is_read_past_a_name_with_an_ampersand():
    from loaders.postmortem.timeline import Entry, _tag
    e = Entry(None, 'The software still had "16pp W&T" selected from the previous job; he does not notice.', 0)
    _tag(e)
    assert "detected" not in e.tags


@pytest.mark.parametrize("said", ["Mi 05.03., 09:00", "05.03., 09:00", "[Mi 05.03., 09:00]"])
def test_a_german_weekday_and_a_dotted_day_before_the_clock_are_read(said):
    from loaders import timeparse as tp
    st = tp.read_stamp(said)
    assert (st.month, st.day, st.hour) == (3, 5, 9)


def test_a_bare_window_field_around_the_summarys_impact_is_a_change_window():
    text = ("# Postgres upgrade night\n\n| | |\n|---|---|\n| Incident date | 2025-02-09 |\n"
            "| Window | Sat 08.02.2025 22:00 – Sun 09.02.2025 04:00 CET |\n\n## What happened (short)\n\n"
            "We upgraded the database. Impact: scans failed with 500s from 01:03 to 01:47 CET (44 min).\n")
    got = parse(text, "a.md")
    assert (got["started_at"], got["mitigated_at"]) == ("2025-02-09T00:03:00Z", "2025-02-09T00:47:00Z")


def test_closing_the_ticket_at_the_end_resolves_the_incident():
    from loaders.postmortem.timeline import Entry, _tag
    e = Entry(None, "Sanne checks routing for Thursday's editions and the supplement, then closes the ticket.", 0)
    _tag(e)
    assert "resolved" in e.markers or "resolved" in e.tags


def test_hours_a_section_on_the_normal_routine_gives_are_not_the_impact_window():
    text = ("# Label file late\n\n**Date:** 2025-03-03\n\nThe label file reached the printer after its cut-off.\n\n"
            "## How the weekly label run normally works\n\nTheir addressing line runs 11:00 to 17:00 and fails "
            "over to the night shift when a file is late.\n\n## Timeline (UTC)\n\n- 10:00 — Cut-off passes with no file; "
            "the drop is missed.\n- 10:25 — Printer phones us asking for the file.\n- 12:35 — Label file delivered. Impact mitigated.\n")
    assert parse(text, "a.md")["started_at"] == "2025-03-03T10:00:00Z"


def test_a_line_ending_on_an_article_goes_on_past_the_clock_that_opens_the_next():
    text = ("# Label file late\n\n**Date:** 2025-03-03\n\n## Timeline (UTC)\n\n**12:35** Label file delivered. "
            "Ridgeway can't make the\n6:00 p.m. appointment but will run the line into the night.\n\n"
            "**13:30** Addressing starts.\n")
    assert [e["at"][11:16] for e in parse(text, "a.md")["timeline"]] == ["12:35", "13:30"]


def test_a_ticket_exports_dotted_fields_give_the_moments_whatever_the_leaders_length():
    text = ("Images not reaching the archive\n-------------------------------\n\nAll times are UTC.\n\n"
            "Number ............ INC0048213\nOpened ............ 2025-05-06 08:07\nResolved .......... 2025-05-06 15:40\n\n"
            "WORK NOTES\n----------\n\n- 2025-05-06 07:34\n    First image refused by the archive.\n"
            "- 2025-05-06 08:07\n    Ticket opened by phone (practice manager).\n"
            "- 2025-05-06 09:31\n    New images visible in the viewer again.\n\n"
            "RESOLUTION SUMMARY\n------------------\n\nResolution code .. Workaround applied\n"
            "Impact began ..... 07:34 (first image not archived)\nService restored . 09:31\n")
    got = parse(text, "a.txt")
    assert (got["started_at"], got["detected_at"], got["mitigated_at"]) == (
        "2025-05-06T07:34:00Z", "2025-05-06T08:07:00Z", "2025-05-06T09:31:00Z")


def test_a_line_of_key_moments_states_each_moment_by_its_name():
    text = ("# Recall letters merged the wrong name\n\n**Date:** 2025-07-09\n\n## In short\n\nThe batch was stopped at the "
            "proof check.\n\nKey times (all UTC): fault introduced 10:20; spotted 12:41; batch held (contained) 12:50; "
            "template reverted 13:55; review closed 16:30.\n\n## What happened\n\n| Time (UTC) | What happened |\n|---|---|\n"
            "| 09:05 | Template v7 drafted |\n| 10:20 | v7 published |\n| 12:41 | Proof check shows the wrong names |\n"
            "| 12:50 | Batch put on hold |\n| 13:55 | Template reverted to v6; batch regenerated |\n")
    got = parse(text, "a.md")
    assert (got["started_at"], got["detected_at"], got["mitigated_at"]) == (
        "2025-07-09T10:20:00Z", "2025-07-09T12:41:00Z", "2025-07-09T12:50:00Z")


def test_the_hours_a_review_was_held_are_not_the_impact_window():
    text = ("# Minutes: post-incident review\n\n**Meeting:** Post-incident review, Pricing\n"
            "**Held:** Thursday 17 October 2024, 15:00–15:45 BST, room Silverstone and Teams, with the pricing and fleet teams\n"
            "**Incident date:** Monday 14 October 2024\n**Attendees:** Amir Siddiqui (Pricing Eng), Nadia Okonjo (Fleet "
            "Allocation), Tom Reyes (Pricing on-call), Gemma Hurst (Customer Ops)\n\n## Summary\n\nA rule tagged the wrong "
            "reservations; nothing reached customers.\n")
    assert parse(text, "a.md")["started_at"] is None


def test_a_sentence_listing_the_agreed_timings_states_each_moment():
    text = ("# Upgrade rule review\n\n**Incident date:** Monday 14 October 2024\n\n## Summary\n\nThe rule was rolled back "
            "before allocation ran. For the record, the group agreed these timings: issue start 14:02 (deploy), detected "
            "17:15, contained 17:40 (rollback), resolved 18:30 (clean allocation preview).\n\n## Timeline (UTC)\n\n"
            "- 14:10 Rule starts tagging reservations.\n- 17:15 Nadia notices 2,140 upgrades in the preview.\n")
    got = parse(text, "a.md")
    assert (got["started_at"], got["mitigated_at"], got["resolved_at"]) == (
        "2024-10-14T14:02:00Z", "2024-10-14T17:40:00Z", "2024-10-14T18:30:00Z")


def test_this_is_when_the_harm_started_marks_the_start():
    from loaders.postmortem.timeline import Entry, _tag
    e = Entry(None, "The nightly lifecycle evaluation runs. Delete markers are placed on every photo. "
                    "This is when photos started disappearing.", 0)
    _tag(e)
    assert "started" in e.markers


def test_a_counter_ground_to_a_halt_is_no_near_miss_though_nobody_noticed_the_reboot():
    text = ("# Counter agreements would not print\n\n**Date:** 2025-05-03\n\n## The short version\n\nThe print server "
            "rebooted at 03:12 and came back looking healthy. Nothing prints at that hour, so nobody noticed anything. "
            "From 06:15 the counter ground to a near halt, and Customer Care has had 41 complaints.\n")
    assert parse(text, "a.md")["near_miss"] is False


def test_a_front_matter_day_the_summary_says_the_harm_began_on_beats_the_causes_day():
    text = ("---\ntitle: Deposit holds not released\ndate: 2025-07-08\n---\n\n# Deposit holds not released\n\n"
            "## Summary\n\nAfter the stations moved to the new card processor on Monday 7 July, the release job stopped "
            "working. From the morning of Tuesday 8 July until the night of Thursday 10 July, 2,310 customers had their "
            "deposit left blocked.\n")
    assert parse(text, "a.md")["date"] == "2025-07-08"


def test_a_plain_text_reports_letterhead_classification_and_risk_matrix_are_read():
    text = ("REMOTE IMMOBILISATION BATCH BUILT WITH 1,860 VEHICLES\nWattle Fleet Leasing Pty Ltd -- Incident Report\n\n"
            "DATE OF EVENT:     03/04/2025\nCLASSIFICATION:    Operational - Telematics\n"
            "RISK MATRIX:       Consequence 2 (Major) x Likelihood C (Possible) = HIGH\n"
            "                   (consequence scale 1 = Severe ... 5 = Insignificant)\nSTATUS:            CLOSED\n\n"
            "1. DESCRIPTION OF EVENT\n\nThe batch was built with the wrong vehicles and stopped before it went out.\n")
    got = parse(text, "a.txt")
    assert got["title"] == "REMOTE IMMOBILISATION BATCH BUILT WITH 1,860 VEHICLES"
    assert (got["incident_class"], got["severity_level"]) == ("Operational - Telematics", 2)


def test_a_severity_field_outranks_a_risk_matrix_above_it():
    text = ("# Tunnel gas readings frozen\n\n| Field | Value |\n|---|---|\n| Date | 2025-03-31 |\n"
            "| Risk matrix | Likelihood C × Consequence 4 = High |\n| Severity level | 3 (company scale 1–5, 1 = most severe) |\n")
    assert parse(text, "a.md")["severity_level"] == 3
    alone = text.replace("| Severity level | 3 (company scale 1–5, 1 = most severe) |\n", "")
    assert parse(alone, "a.md")["severity_level"] is not None


def test_a_customer_impact_item_gives_its_window_before_its_bracketed_note():
    text = ("# Telematics ingest lag\n\n## At a glance\n\n- **Customer impact:** 2025-06-11 19:10Z until 2025-06-12 05:58Z "
            "for new returns (manual-entry mode switched on); 1,184 agreements re-rated.\n\n## Timeline\n\n"
            "- 18:30Z — Partition change applied.\n- 19:10Z — Lag passes the freshness target.\n")
    assert parse(text, "a.md")["started_at"] == "2025-06-11T19:10:00Z"


def test_an_impact_window_field_beats_one_harm_the_impact_section_lists():
    text = ("# CTP plate queue stalled\n\n**Impact window:** 04:12–06:40 UTC on Tuesday 20 May 2025\n\n"
            "## Impact\n\n- Line 1 idle from 06:00 to 08:15 UTC; the crew moved to the sheetfed press.\n"
            "- The summer issue went to press late.\n")
    got = parse(text, "a.md")
    assert (got["started_at"], got["mitigated_at"]) == ("2025-05-20T04:12:00Z", "2025-05-20T06:40:00Z")


def test_a_middle_dot_between_a_status_updates_day_and_its_clock():
    from loaders import timeparse as tp
    st = tp.read_stamp("Mar 9, 2025 · 1:05 PM ET")
    assert (st.day, st.hour, st.minute) == (9, 13, 5)


def test_end_of_customer_impact_marks_the_mitigation():
    from loaders.postmortem.timeline import Entry, _tag
    e = Entry(None, "Forced purge across web, app and partner API. Quotes correct everywhere. End of customer impact.", 0)
    _tag(e)
    assert "mitigated" in e.markers


def test_a_failed_sensor_detection_is_no_one_finding_out():
    from loaders.postmortem.timeline import Entry, _tag
    e = Entry(None, "The first failed sensor detection in the logs is at 8:15 AM EDT.", 0)
    _tag(e)
    assert "detected" not in e.tags


def test_someone_seeing_it_in_dutch_is_the_detection():
    from loaders.postmortem.timeline import Entry, _tag
    e = Entry(None, "Fenna de Vries ziet dat er pas 14 jobs geslepen zijn in plaats van ~90 en maakt ticket LAB-2290 aan.", 0)
    _tag(e)
    assert "detected" in e.tags


def test_the_review_meeting_closing_is_not_the_incident_closing():
    text = ("# Review minutes: frame stock oversold\n\n**Incident:** Saturday 16 August 2025\n\n## Recap\n\n"
            "The sync failed at 01:47 UTC and the first oversold order was taken at 09:14. At 11:40 the Galway store "
            "phoned the warehouse. By 17:45 all 212 affected orders had been found and flagged, and Eamon closed the "
            "incident.\n\nMeeting closed at 18:58.\n")
    assert parse(text, "a.md")["resolved_at"] == "2025-08-16T17:45:00Z"


@pytest.mark.parametrize("said", [
    "The batch was stopped at the proof check. Nobody outside the marketing operations team saw a single wrong letter.",
    "The certificate was replaced 23 minutes before the batch. No claim was delayed and no payer saw a failed submission.",
    "The presses printed from their buffers; by the time jobs were flowing again the buffers were down to a quarter of "
    "an hour. No press ran dry, and no customer or wholesaler noticed anything.",
])
def test_harm_that_did_not_reach_anyone_is_a_near_miss_by_meaning(said):
    text = f"# Spooler stopped\n\n**Date:** 2025-07-22\n\n## Summary\n\n{said}\n"
    assert parse(text, "a.md")["near_miss"] is True


def test_a_severity_assessment_code_gives_the_level():
    text = "CBCT study filed under the wrong patient\n\n    SAC rating:       SAC 3 (near miss, no harm)\n    Status:           Closed\n"
    assert parse(text, "a.txt")["severity_level"] == 3


def test_the_next_meetings_follow_up_check_is_no_action_item():
    text = ("# Review minutes\n\n## 4. Action items\n\n- Ray Okafor to move certs into the monitor — by 11/15 (EDI-88)\n\n"
            "## 5. Next meeting\n\nFollow-up check on actions: Wednesday, November 20, 2024, 10:00 CT, same room.\n")
    assert len(parse(text, "a.md")["action_items"]) == 1


def test_a_vendors_case_number_closing_an_item_is_its_ticket():
    text = ("# X\n\n**Date:** 2025-04-03\n\n## Actions\n\n- [ ] Add a firmware check — Owner: Marcus Feeney — MAINT-1042\n"
            "- [ ] Full-speed test after changes — Owner: Renata Solís — MAINT-1043\n"
            "- [ ] Change the alarm text — Owner: Anders Holm (DriveTec) — due May 30 — vendor case DT-88213\n")
    assert [a["ticket"] for a in parse(text, "a.md")["action_items"]] == ["MAINT-1042", "MAINT-1043", "DT-88213"]


def test_a_proposal_is_no_one_owning_an_item():
    text = ("# Minutes\n\n## 5. Actions\n\n- ACTION: Amir Siddiqui to make branches mandatory — due 25/10/2024 — UPG-431\n"
            "- Proposal: block rule releases after 14:00 on weekdays — not doing; the effect diff covers the risk.\n")
    assert parse(text, "a.md")["action_items"][1]["owner"] is None


def test_that_is_when_we_consider_the_impact_mitigated_points_at_the_moment_just_told():
    text = ("# Inspection photos deleted\n\n**Date:** 2025-02-18\n\n## Timeline (UTC)\n\n- 02:10 — Lifecycle rule deletes photos.\n"
            "- 10:05 — Lifecycle rule disabled. No further deletions after this point.\n\n"
            "The priority restore that started at 15:15 finished 25 minutes later, and from then on every open claim had its "
            "photos back. That is when we consider the impact mitigated.\n")
    assert parse(text, "a.md")["mitigated_at"] == "2025-02-18T15:40:00Z"


def test_a_thing_of_the_mornings_does_not_put_an_afternoon_clock_in_the_morning():
    text = ("# Feed merged e-books\n\n**Date:** 2025-02-11\n\nAll times are UTC.\n\n## What happened\n\n"
            "At five to one in the afternoon a bookseller phoned us. Jess rang Priya at 1:05.\n\n"
            "Tom found the import at about 1:40 by comparing the morning's change log, and service was restored at 1:50.\n")
    assert parse(text, "a.md")["mitigated_at"][:14] == "2025-02-11T13:"   # (the afternoon's 1:40 or 1:50, not 01:xx)


def test_a_meetings_day_lends_its_year_to_the_day_the_opening_tells_of():
    text = ("# Feeder motor smoke — review minutes\n\nMeeting: Thursday, November 7, 2024, 2:00–3:00 PM, Room B\n"
            "Minutes: Ann Lee\n\n## 1. Purpose\n\nWe met to understand what happened on the night shift on "
            "Friday, November 1, and what we change.\n\n## 2. Causes\n\n1. The relays are original equipment (2011); the "
            "alarm has been silent since the upgrade in 2022.\n")
    assert parse(text, "a.md")["date"] == "2024-11-01"


def test_someone_smelling_burning_detects_the_fault():
    text = ("# Motor smoke\n\n**Date:** 2024-11-01\n\n## What happened\n\nThe line ran as normal. At 2:52 AM the operator "
            "smelled burning insulation near feeder 3. By 2:55 AM the machine was isolated and the hazard was under control.\n")
    assert parse(text, "a.md")["detected_at"] == "2024-11-01T02:52:00Z"


def test_nothing_delayed_and_nobody_hurt_is_a_near_miss_by_meaning():
    text = ("# Motor smoke\n\n**Date:** 2024-11-01\n\n## Summary\n\nA feeder motor overheated and smoked; the operator "
            "stopped it. No mail was damaged or delayed and nobody was hurt.\n")
    assert parse(text, "a.md")["near_miss"] is True


def test_a_follow_up_under_the_next_meeting_is_when_the_group_meets_again():
    text = ("# Review minutes\n\n## 5. Action items\n\n- Rosa Lind to replace the relays by 11/22/2024 (MWO-1)\n\n"
            "## 6. Next meeting\n\nFollow-up check on the relay replacement at the safety committee, Thursday, "
            "December 5, 2024, 1:30 PM.\n")
    assert len(parse(text, "a.md")["action_items"]) == 1


def test_a_routine_day_given_for_context_is_no_timeline():
    text = ("# Near miss: allergy banner missing\n\n## What happened\n\nOn Thursday 3rd April 2025 at 11:58 Amira saw "
            "the wrong plate.\n\n## The Owls room day, for context\n\n- 07:30 doors open, free play\n- 07:45 to 08:30 "
            "breakfast club\n- 10:15 snack\n- 11:45 to 12:30 lunch\n- 15:00 tea\n")
    assert parse(text, "a.md")["timeline"] == []


def test_realising_what_had_happened_detects():
    text = ("# Wrong plate\n\n**Date:** 2025-04-03\n\n## What happened\n\nThe trolley came up at 11:52. At 11:58 she saw his "
            "named plate still on the trolley and realised what had happened.\n")
    assert parse(text, "a.md")["detected_at"] == "2025-04-03T11:58:00Z"


def test_the_harm_taken_away_before_it_landed_mitigates():
    text = ("# Wrong plate\n\n**Date:** 2025-04-03\n\n## What happened\n\nThe wrong plate was served at 11:57. At 11:58 Amira "
            "realised what had happened. She took the plate away at 11:59, before the child had touched it.\n")
    assert parse(text, "a.md")["mitigated_at"] == "2025-04-03T11:59:00Z"


def test_a_count_of_minutes_later_with_its_own_clock_is_one_moment():
    text = ("# Wrong plate\n\n**Date:** 2025-04-03\n\n## What happened\n\nAt 11:58 she saw the plate and realised what had "
            "happened. She took the plate away a minute later, at 11:59, before the child had touched it.\n")
    assert parse(text, "a.md")["mitigated_at"] == "2025-04-03T11:59:00Z"


_STATUS_POST = ("# Duplicate autopay charges\n\n**Resolved** · Posted November 6, 2024 · Affected components: Autopay\n\n"
                "On Monday, November 4, some customers were charged twice. All times Pacific.\n\n## Updates (newest first)\n\n"
                "- **Resolved** — Nov 5, 2024, 11:40 AM PT\n  All duplicate charges have been refunded.\n"
                "- **Monitoring** — Nov 4, 2024, 6:15 PM PT\n  No further duplicate charges since 2:10 PM.\n"
                "- **Investigating** — Nov 4, 2024, 1:48 PM PT\n  We're looking into reports of duplicate charges.\n")


def test_a_status_pages_updates_kept_as_a_list_are_its_timeline():
    timeline = parse(_STATUS_POST, "a.md")["timeline"]
    assert [e["at"] for e in timeline] == ["2024-11-05T19:40:00Z", "2024-11-05T02:15:00Z", "2024-11-04T21:48:00Z"]
    assert "refunded" in timeline[0]["text"]


def test_the_day_the_opening_tells_of_beats_the_day_an_update_resolved_it():
    assert parse(_STATUS_POST, "a.md")["date"] == "2024-11-04"


def test_a_status_pages_banner_gives_the_status():
    assert parse(_STATUS_POST, "a.md")["status"] == "Resolved"


def test_a_step_which_ended_the_harm_in_its_own_sentence_mitigates():
    text = ("# Duplicate charges\n\n**Date:** 2024-11-04\n\n## What happened\n\nThe second run began charging at 12:31 PM. "
            "A customer phoned at 1:20 PM. Engineering stopped the second run at 2:10 PM, which ended the duplicate charges.\n")
    assert parse(text, "a.md")["mitigated_at"] == "2024-11-04T14:10:00Z"


def test_a_list_of_fields_with_a_resolved_time_is_no_status_update():
    text = ("# Incident: feed blocked\n\n- **Started**: not known precisely\n- **Resolved**: 2026-05-13 12:25 UTC\n"
            "- **Severity**: SEV2\n\n## What happened\n\nBrowsers prefer HTTP/2.\n")
    assert parse(text, "a.md")["timeline"] == []


_PASTED_TICKET = ("Exported from Tracker -- OPS-2291 -- 2025-01-29 09:14 (exported by g.hartley)\n"
                  "--------------------------------------------------------------------------------\n\n"
                  "Summary:        In-cab job sync API returning 503 for all tablets\nKey:            OPS-2291\n"
                  "Type:           Incident\nIncident category: Availability\nPriority:       P1 - Critical\n"
                  "Created:        2025-01-21T06:12:44Z\n\nDescription\n-----------\nDrivers report sync failures.\n")


def test_a_pasted_tickets_summary_under_its_export_banner_is_the_title():
    record = parse(_PASTED_TICKET, "a.txt")
    assert (record["title"], record["date"]) == ("In-cab job sync API returning 503 for all tablets", "2025-01-21")


def test_a_tickets_type_incident_is_no_class():
    assert parse(_PASTED_TICKET, "a.txt")["incident_class"] == "Availability"


def test_the_story_sections_first_day_beats_the_day_it_was_written():
    text = ("# Reports went unread\n\n*Written by Shane Tierney (IT), Monday 10th March 2025, for the operations meeting.*\n\n"
            "## What this is about\n\n" + "The council logs missed bins in its own case system and sends them to us. " * 12 + "\n\n"
            "## What happened\n\n"
            "On the morning of 3rd March 2025 (a Monday) the council rotated its certificate at 07:00.\n")
    assert parse(text, "a.md")["date"] == "2025-03-03"


def test_the_writers_word_after_the_last_time_that_it_counts_as_mitigated():
    text = ("# Reports went unread\n\n**Date:** 2025-03-04\n\n## What happened\n\nThe poller failed from 07:05. We found out at 10:20 when "
            "the council rang. Shane installed the certificate at 11:05. Intake works through reports in batches, and the queue drained 25 minutes later; at that "
            "point every report was on a crew's list, so we treat that as the moment the incident was mitigated.\n")
    assert parse(text, "a.md")["mitigated_at"] == "2025-03-04T11:30:00Z"


@pytest.mark.parametrize("said", [
    "The contract gives us until 17:00 the next working day, and the council reports on that every month.",
    "Other councils send reports the same way; a fourth e-mails a spreadsheet at 16:30 every afternoon.",
])
def test_a_deadline_or_a_routine_is_no_moment_of_the_incident(said):
    text = ("# Reports went unread\n\n**Date:** 2025-03-03\n\n## What happened\n\nThe poller failed from 07:05 on Monday "
            f"3rd March. {said} We found out at 10:20 on Tuesday 4th March when the council rang.\n")
    assert parse(text, "a.md")["detected_at"] == "2025-03-04T10:20:00Z"


def test_est_before_a_number_is_an_estimate_not_eastern_time():
    text = ("# Tablets stuck on update\n\n**Date:** 2024-07-02\n\n**All times NZST.**\n\n## Timeline\n\n"
            "- [05:02] First tablets power on and start installing (est. 25–40 min).\n- [05:15] Shift start; crews can't open the app.\n"
            "- [05:22] Supervisor posts in #fleet-ops.\n")
    assert parse(text, "a.md")["started_at"] == "2024-07-01T17:15:00Z"


def test_a_timelines_note_that_says_when_it_was_mitigated_is_the_writers_figure():
    text = ("# Tablets stuck on update\n\n**Date:** 2024-07-02\n\n## Timeline\n\n- [05:15] Shift start; crews can't open the app.\n"
            "- [05:22] Supervisor posts in #fleet-ops.\n- [06:35] Last truck leaves the yard.\n- [09:50] Incident resolved.\n\n"
            "Mitigated at 06:35 when the last truck left the yard.\n")
    assert parse(text, "a.md")["mitigated_at"] == "2024-07-02T06:35:00Z"


_FRENCH_LOG = ("# Factures doublées\n\nDate de l'incident : lundi 03/02/2025 (format JJ/MM/AAAA)\n\n"
               "> Toutes les heures sont en heure de l'Est (HNE, UTC−5). / All times are Montréal time (EST).\n\n"
               "## Chronologie (HNE)\n\n"
               "- 6 h 00 — Envoi automatique des factures.\n- 9 h 15 — Premier appel client.\n"
               "- 05/02 16 h 00 — Règle de dédoublonnage en production.\n"
               "- 07/02 15 h 30 — Factures corrigées renvoyées ; incident fermé.\n")


def test_the_stated_format_of_numeric_dates_decides_their_order():
    assert parse(_FRENCH_LOG, "a.md")["date"] == "2025-02-03"


def test_a_day_and_month_before_a_french_spaced_clock_is_a_stamp():
    assert [e["at"] for e in parse(_FRENCH_LOG, "a.md")["timeline"]][2] == "2025-02-05T21:00:00Z"


def test_incident_ferme_resolves():
    assert parse(_FRENCH_LOG, "a.md")["resolved_at"] == "2025-02-07T20:30:00Z"


def test_a_fields_name_with_an_elided_article_is_a_field():
    text = "# Factures doublées\n\nDate de l'incident : 2025-02-03\n\n## Chronologie\n\n- 05/02 16:00 — Règle en production.\n"
    assert parse(text, "a.md")["date"] == "2025-02-03"


_LATE_PARCELS = ("# Why your parcel was late\n\n*Posted Friday, November 7, 2025 by Dana Whitfield*\n\nIf you expected a parcel "
                 "on Monday, November 3, it was late. All times below are Pacific time.\n\n## What happened on Monday\n\n"
                 "The planner started at 4:30 AM but never finished. It has a timeout of 45 minutes, and when it hit that "
                 "limit at 5:15 AM the timeout paged our on-call engineer. That page is the moment we knew something was wrong.\n\nDrivers arrived and, at 6:00 AM, "
                 "opened their phones to find no route. For our drivers, and for you, that is when the outage began.\n\n"
                 "At 7:20 AM they switched the feature off and started the planner again. It finished 25 minutes later, and "
                 "from that moment every driver had a route on their phone.\n")


def test_that_page_is_the_moment_we_knew_names_the_detection():
    assert parse(_LATE_PARCELS, "a.md")["detected_at"] == "2025-11-03T13:15:00Z"


def test_that_is_when_the_outage_began_names_the_start_after_the_detection():
    assert parse(_LATE_PARCELS, "a.md")["started_at"] == "2025-11-03T14:00:00Z"


def test_from_that_moment_every_driver_had_a_route_mitigates():
    assert parse(_LATE_PARCELS, "a.md")["mitigated_at"] == "2025-11-03T15:45:00Z"


def test_a_full_name_and_team_before_to_do_owns_the_item_alone_in_its_list():
    text = ("# X\n\n**Date:** 2025-03-03\n\n## What we're doing about it\n\n- The poller now alerts after three failed polls (done).\n"
            "- Caoimhe Brennan (Customer Services) to register the shared mailbox with all four councils, by 21 March 2025.\n")
    assert parse(text, "a.md")["action_items"][1]["owner"] == "Caoimhe Brennan (Customer Services)"


def test_a_summarys_exposure_window_gives_the_start():
    text = ("# Leaver's fob left active\n\nDate of incident: Friday 14 November 2025\n\n## 2. Incident summary\n\n"
            "A practitioner left on Friday 14 November. Exposure window: from 4.30pm on Friday 14 November, when her "
            "employment ended, to 11.15am on Tuesday 18 November, when the fob was revoked.\n")
    assert parse(text, "a.md")["started_at"] == "2025-11-14T16:30:00Z"


def test_a_form_emailed_to_an_inbox_is_no_detection():
    text = ("# Leaver's fob left active\n\n**Date:** 2025-11-14\n\n## Timeline\n\n- 4.30pm — employment ends.\n"
            "- 4.48pm — leaver form emailed to the facilities shared inbox.\n"
            "- Tue 18 Nov, 10.40am — the monthly access audit flags an active fob belonging to a leaver.\n")
    assert parse(text, "a.md")["timeline"][1]["event"] is None


def test_a_key_in_german_glossed_in_english_is_that_field():
    text = ("# Dosis zu früh\n\n**Datum:** 2025-06-18\n\nAlle Zeiten MESZ (UTC+2).\n\n- **Beginn (impact start):** 09:10 – erste Gabe\n"
            "- **Eingedämmt (mitigated):** 13:40 – alle Kitas auf Papierliste umgestellt\n")
    assert parse(text, "a.md")["mitigated_at"] == "2025-06-18T11:40:00Z"


def test_a_german_front_matter_category_is_the_class():
    text = "---\ntitel: Dosis zu früh\ndatum: 2025-06-18\nkategorie: Medikation\n---\n\n# Dosis zu früh\n"
    assert parse(text, "a.md")["incident_class"] == "Medikation"


@pytest.mark.parametrize("said", ["E.'s mother emails the crèche manager with a screenshot of her own diary.",
                                  "A parent texts the room leader: her son's photo is in another family's diary."])
def test_someone_writing_to_one_of_us_by_our_role_detects(said):
    text = (f"# Photo published\n\n**Date:** 2025-03-04\n\n## Timeline\n\n- 11:20 Room leader posts the group photo.\n"
            f"- 13:48 {said}\n- 14:31 Photo unpublished from all diaries.\n")
    assert parse(text, "a.md")["detected_at"] == "2025-03-04T13:48:00Z"


def test_content_unpublished_mitigates_but_unpublished_stories_are_no_step():
    text = ("# Photo published\n\n**Date:** 2025-03-04\n\n## Timeline\n\n- 11:20 Room leader posts the group photo.\n"
            "- 13:48 A parent texts the room leader about it.\n- 14:10 The newsletter goes out, linking eleven unpublished stories.\n"
            "- 14:31 Photo unpublished from all diaries.\n")
    record = parse(text, "a.md")
    assert (record["mitigated_at"], record["timeline"][2]["event"]) == ("2025-03-04T14:31:00Z", None)


@pytest.mark.parametrize("said, at", [
    ("Time to detect was **16 minutes** (02:21 → 02:37).", "2025-09-23T02:37:00Z"),
    ("Time to detect was 35 minutes, from the first duplicate payout at 02:03 to the reconciliation flag at 02:38.",
     "2025-09-23T02:38:00Z"),
])
def test_a_time_to_detect_with_its_two_ends_gives_the_detection(said, at):
    text = (f"# Retry storm\n\n**Date:** 2025-09-23\n\n## What happened\n\nA release dropped the jitter at 02:00. {said}\n\n"
            "## Timeline\n\n- 02:21 Retries pile up.\n- 02:50 Jitter restored.\n")
    assert parse(text, "a.md")["detected_at"] == at


def test_time_to_detect_from_here_is_no_detection():
    text = ("# Chute map swap\n\n**Date:** 2025-03-03\n\n## Timeline\n\n- 14:20 The sorter picks up the new map; chutes swapped from "
            "this point. Time to detect from here: 2 h 15 min.\n- 16:35 A loader notices Pune pincodes on the bags and tells his lead.\n")
    assert parse(text, "a.md")["detected_at"] == "2025-03-03T16:35:00Z"


def test_completed_on_a_day_with_its_month_in_letters_is_done():
    text = ("# X\n\n## Next steps\n\n- Publish chute maps only at 06:00. Owner: Nikhil Joshi (Planning). Completed 06-Mar-2025.\n")
    assert parse(text, "a.md")["action_items"][0]["status"] == "done"


_KEY_TIMES_CALLOUT = ("export const meta = {\n  title: 'Subsidy reversed',\n  date: '2025-02-11',\n}\n\n"
                      '<Callout type="info" title="Key times (Sydney time, AEDT)">\n  Impact began **01:15** on Tuesday 11 '
                      "February. Detected **07:46** (first family call to a centre). Subsidy restored **14:10** the same day. "
                      "Incident closed **16:45** on Wednesday 12 February.\n</Callout>\n\n## Timeline (AEDT)\n\n"
                      "- [01:15] Nightly job sends the bad reports.\n- [09:05] Job paused.\n- [14:10] Subsidy restored.\n")


def test_a_key_times_callout_told_in_sentences_states_the_moments():
    record = parse(_KEY_TIMES_CALLOUT, "a.mdx")
    assert [record[k] for k in ("detected_at", "mitigated_at", "resolved_at")] == [
        "2025-02-10T20:46:00Z", "2025-02-11T03:10:00Z", "2025-02-12T05:45:00Z"]


@pytest.mark.parametrize("said, detects", [
    ('First family call, Kellyville centre: "my statement says no subsidy this week".', True),
    ("First Zendesk ticket: checkout shows an error.", True),
    ("First API call with the leaked key from 185.220.x.x.", False),
    ("First 911 call after the patch is routed correctly.", False),
])
def test_the_first_call_or_ticket_from_outside_detects(said, detects):
    text = f"# X\n\n**Date:** 2025-02-11\n\n## Timeline\n\n- 01:15 Nightly job starts.\n- 07:46 {said}\n"
    assert (parse(text, "a.md")["timeline"][1]["event"] == "detected") is detects


def test_agreed_figures_for_the_register_are_the_key_moments():
    text = ("# Incidentevaluatie\n\n**Date:** 2024-09-17\n\nDates in these minutes are dd-mm-jjjj. Times are CEST.\n\n"
            "## 3. What happened\n\nThe upload failed. Agreed figures for the incident register: start 02:15 (failed upload), "
            "detected 08:40 (gemeente phone call), mitigated 10:20 (lifts delivered), closed 18-09 08:30.\n\n## 4. Tijdlijn\n\n"
            "- 02:15 — upload fails with HTTP 401.\n- 08:40 — the gemeente phones our servicedesk.\n"
            "- 10:20 — re-run delivers the lifts.\n- 11:00 — gemeente confirms the portal shows correct lifts again.\n")
    record = parse(text, "a.md")
    assert (record["mitigated_at"], record["resolved_at"]) == ("2024-09-17T08:20:00Z", "2024-09-18T06:30:00Z")


def test_a_dutch_two_letter_weekday_before_a_day_and_month_is_a_stamp():
    text = ("# Incidentevaluatie\n\n**Date:** 2024-09-17\n\n## Tijdlijn (CEST)\n\n- di 17 sep 02:15 — upload fails.\n"
            "- 08:40 — gemeente phones our servicedesk.\n- wo 18 sep 08:30 — nightly run fine; Sanne closes the incident.\n")
    assert parse(text, "a.md")["timeline"][2]["at"] == "2024-09-18T06:30:00Z"


def test_this_is_the_interim_control_names_the_mitigation():
    text = ("# Near miss: loader nearly struck\n\n**Date:** 2024-09-12\n\n## Timeline\n\n- 7:52 AM Truck reverses; resident shouts; "
            "truck stops short.\n- 7:55 AM Driver radios the supervisor and reports the near miss.\n- 8:20 AM Supervisor radios all "
            "crews: no reversing into any court today, skip and report. This is the interim control.\n- 1:30 PM Flags restored "
            "on all 37 streets. Hazard resolved.\n")
    assert parse(text, "a.md")["mitigated_at"] == "2024-09-12T08:20:00Z"


def test_we_count_impact_as_ending_at_a_clock_on_a_named_day():
    text = ("# Video coding link outage\n\n## 1. Overview\n\nOn the evening of Wednesday 21 May 2025 the link was cut. We count "
            "impact as ending at 01:20 on Thursday 22 May, when the fibre was repaired.\n\nTimes are local time in "
            "Johannesburg (UTC+2).\n\n## Timeline\n\n| Date | Time | Event |\n|---|---|---|\n| Wed 21 May | 18:14 | Letters fall "
            "to the reject stackers. |\n| Thu 22 May | 01:20 | Telco crew finishes the splice. |\n| Thu 22 May | 06:00 | Manual sort backlog "
            "cleared. |\n")
    assert parse(text, "a.md")["mitigated_at"] == "2025-05-21T23:20:00Z"


def test_a_weekday_and_a_slashed_day_on_a_line_of_its_own_starts_the_next_day():
    text = ("# Tag reads failed\n\n**Date:** 3/11/2024 (times Eastern)\n\nTIMELINE\n--------\n\nMon 3/11\n"
            "- 0612  Route R-203 leaves the yard; no tag reads are logged.\n- 1530  Rollback to 4.7 starts as trucks return\n"
            "        to the yard.\nTue 3/12\n- 1630  Correction sent to all households. Incident closed.\n")
    record = parse(text, "a.txt")
    assert record["resolved_at"] == "2024-03-12T20:30:00Z" and "Tue" not in record["timeline"][1]["text"]


def test_a_parent_messaging_her_center_director_detects():
    text = ("# Duplicate tuition charges\n\n**Date:** 2025-09-03\n\n## Timeline\n\n- 5:00 AM Autopay run charges every family twice.\n"
            "- 7:32 AM A parent messaged her center director through the app.\n- 7:58 AM First update posted.\n")
    assert parse(text, "a.md")["detected_at"] == "2025-09-03T07:32:00Z"


def test_a_form_named_in_an_items_words_is_no_ticket_beside_tickets_set_apart_by_double_hyphens():
    text = ("FOLLOW-UP ACTIONS\n-----------------\n\n- [x] Fail a release build whose URL is not production\n"
            "      -- Owner: M. Tran -- KIOSK-311 -- done 17/10\n- [ ] Pilot group of 3 centres for MDM pushes\n"
            "      -- Owner: S. Whitlock -- due 01/11/2024 -- KIOSK-312\n- [ ] Laminated ATT-03 pack at every front desk\n"
            "      -- Owner: Centre Ops (J. Fairweather) -- due 25/10/2024\n")
    assert [a["ticket"] for a in parse(text, "a.txt")["action_items"]] == ["KIOSK-311", "KIOSK-312", None]


def test_a_vendors_feature_request_key_stays_the_items_ticket():
    text = ("# X\n\n## Actions\n\n- Faster probe - Kwame Mensah - PLAT-611 - done 14 Mar\n"
            "- Ask the vendor for forced promotion - Amara Osei - feature request QS-FR-2210 - due 2025-03-28\n"
            "- Writes behind the retry queue - Lotte Jansen - PLAT-612 - due 2025-04-11\n")
    assert [a["ticket"] for a in parse(text, "a.md")["action_items"]] == ["PLAT-611", "QS-FR-2210", "PLAT-612"]


def test_a_named_team_to_do_owns_the_item_among_named_people():
    text = ("# X\n\n## Next steps\n\n- Aleksander Wiśniewski to add a contract test (EVT-771), by 27 June.\n"
            "- Hana Mori to make the deserializer ignore unknown fields — done, EVT-768.\n"
            "- Platform team to alert on per-partner webhook delivery success rate (EVT-772).\n")
    assert parse(text, "a.md")["action_items"][2]["owner"] == "Platform team"


def test_a_plain_text_logs_clock_column_reads_entries_wrapped_onto_several_lines():
    text = ("INCIDENT REPORT\n\n    Date:             Tuesday, March 11, 2025\n\nTIMELINE (ALL TIMES EASTERN, 24H)\n"
            "---------------------------------\n\n0412  Vendor technician starts applying firmware 4.8.1 to\n"
            "      the tunnel 2 cameras. Tunnel 2 set out of service.\n0425  Tunnel 2 returned to service. Read rate drops to\n"
            "      ~81%. No-reads begin diverting to the no-read lane.\n0450  No-read lane at 60% of its capacity. Keyers fall\n"
            "      behind. Nobody is watching the lane level screen.\n0518  \"NO-READ LANE FULL\" alarm on the sorter HMI.\n"
            "      Sort supervisor radios maintenance and calls the on-call.\n0640  Firmware rolled back by the vendor tech.\n"
            "      Read rate back to 99.2% within two minutes.\n")
    assert [e["at"][11:16] for e in parse(text, "a.txt")["timeline"]] == ["08:12", "08:25", "08:50", "09:18", "10:40"]


def test_key_figures_told_in_sentences_after_a_colon_state_the_moments():
    text = ("# Sunday routes lost manual stops\n\n**Date:** 2024-10-27\n\n## Summary\n\nCrews went out without 48 stops.\n\n"
            "Key figures: impact began 01:53 GMT, when the second plan replaced the first. Detected 07:40 GMT. Mitigated 11:20 "
            "GMT. Resolved Monday 28 October, 10:00 GMT.\n\n## Timeline (GMT)\n\n**07:40** — A driver queries a missing stop.\n\n"
            "**08:50** — All 48 stops restored to the routes by hand.\n\n**11:20** — Last of the 48 missed stops collected (The Mill House, route TW-03).\n")
    assert parse(text, "a.md")["mitigated_at"] == "2024-10-27T11:20:00Z"


@pytest.mark.parametrize("said, event", [
    ("Corrected rounds pushed to handhelds. Drivers on corrected rounds from here.", "mitigated"),
    ("billing-api 7.3.1 deployed, reverting the rounding. New invoices correct from here.", "mitigated"),
    ("The plugin auto-updates to 4.2.0. Checkout stops working from here.", "impact"),
])
def test_a_good_state_from_here_mitigates_and_a_bad_one_starts(said, event):
    text = f"# X\n\n**Date:** 2025-04-03\n\n## Timeline\n\n- 06:30 First vans leave on broken rounds.\n- 08:50 {said}\n"
    assert parse(text, "a.md")["timeline"][1]["event"] == event


def test_a_sentence_telling_the_routine_gives_no_window_of_the_harm():
    text = ("# Duplicate stops\n\n## What happened\n\nThe planner scheduled two stops for each address on the renamed street. "
            "For context, a normal KVD morning: vans load between 05:30 and 06:30, and first deliveries start at 07:00.\n\n"
            "## Timeline\n\nAll times AEDT, Thursday 3 April 2025.\n\n- [06:30] First vans leave on the affected rounds.\n"
            "- [07:12] A driver rings the depot: first report.\n- [08:50] Corrected rounds pushed. Drivers on corrected rounds from here.\n")
    assert parse(text, "a.md")["mitigated_at"] == "2025-04-02T21:50:00Z"
