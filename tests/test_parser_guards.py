"""Ordinary text a rule must not over-read: each case is a reviewer's probe that a rule
once got wrong (the shapes that must be read are in tests/fixtures/shapes/)."""
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


def test_a_line_of_prose_opening_with_follow_up_is_no_action_item():
    text = ("# Disk filled\n\n**Date:** 2024-03-01\n\n## Action items\n\nTracking is left to the team's\n"
            "follow-up process, not opened here.\n\n- [ ] Alert on free disk below 15%\n")
    assert [a["text"] for a in parse(text, "a.md")["action_items"]] == ["Alert on free disk below 15%"]


def test_a_release_candidate_is_not_the_release_the_report_names():
    text = ("# lib 2.0.0 broken\n\n**Date:** 2024-03-01\n\n## Timeline\n\n- 2024-02-20 10:00 we release lib "
            "2.0.0-rc.1\n- 2024-03-01 09:00 we release lib 2.0.0\n- 2024-03-01 12:00 a user reports lib 2.0.0 "
            "being broken\n")
    assert parse(text, "a.md")["started_at"] == "2024-03-01T09:00:00Z"


def test_a_system_reporting_a_bad_state_is_no_one_reporting_it():
    text = ("# Nodes flap\n\n**Date:** 2024-03-01\n\n## Timeline\n\n- 10:00 change merged to make kubelet report "
            "NotReady when CNI is missing\n- 12:00 a customer reports that new clusters hang\n")
    assert parse(text, "a.md")["detected_at"] == "2024-03-01T12:00:00Z"


def test_an_unnoticed_change_is_not_the_detection():
    text = ("# Export broken\n\n**Date:** 2024-03-01\n\n## Timeline\n\n- 10:00 the export job starts failing, "
            "but nobody noticed\n- 12:00 alert fires for the export backlog\n")
    assert parse(text, "a.md")["detected_at"] == "2024-03-01T12:00:00Z"


def test_a_recovery_told_first_is_not_the_start():
    text = ("# Mirror down\n\n**Date:** 2024-03-01\n\n## Updates\n\n- 10:30 UTC: everything is working again\n"
            "- 12:00 UTC: one mirror is still unavailable now and then\n")
    assert parse(text, "a.md")["started_at"] is None
