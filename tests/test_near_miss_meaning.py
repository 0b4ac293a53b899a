"""A near miss told by meaning, without the words: the harm was stopped on its way or
nobody it would have reached was affected; and the sentences that look alike but tell
harm that happened (loaders/postmortem/document.py, _AVERTED and _HARMED)."""
from __future__ import annotations

import pytest

from loaders.postmortem import parse


def _doc(summary: str) -> str:
    return f"# Payout file generated twice\n\nDate: 2024-12-10\n\n## Summary\n\n{summary}\n"


@pytest.mark.parametrize("said", [
    "The duplicate file was quarantined and never sent to the bank. No money moved.",
    "No merchant received a duplicate payout.",
    "The token was revoked eleven minutes later. Nobody installing our packages was affected.",
    "The bad export was caught and never uploaded to the partner.",
    # harm told in the conditional, and a rate that held
    "Two of three pods were evicted and one served all traffic. The error rate stayed at 0.02%. "
    "Had it been evicted too, every card payment would have failed. We paused the upgrade in time.",
    "The key was public for 37 minutes. Nobody else used it and no data was read or changed.",
    "WAL piled up to 93%. Nobody saw an error and all bookings went through.",
    "By our estimate the primary was about forty minutes away from running out of disk.",
    "The primary gateway lost its config; the standby took over at 06:10 and nobody lost access.",
    "Marcus paused the job before the swap. Shoppers searched last week's index the whole time and never saw anything unusual.",
    "The job was paused at 3:11pm, four minutes to spare before the alias swap.",
])
def test_harm_stopped_on_its_way_is_a_near_miss(said):
    assert parse(_doc(said))["near_miss"] is True


@pytest.mark.parametrize("said", [
    "Webhook deliveries were retried twice, and on March 9 some were never sent.",
    "Payouts went out on time, so no merchant was paid late, but the portal was down for an hour.",
    "Checkout was unavailable for 40 minutes.",
    "The error rate climbed to 30% and payments failed for 20 minutes before we paused the upgrade in time.",
    "We did not catch it in time: the error rate rose to 12% and logins failed for 9 minutes.",
    "Nobody lost access until the standby's licence ran out at noon, when the office was cut off for an hour.",
    # the document's own verdict, after weighing the words (over a line break)
    "We talked about recording this as a near miss, since the emails were only delayed, but it was not a near\n"
    "miss: 3,900 customers waited 40 minutes for a password reset.",
])
def test_harm_that_happened_is_no_near_miss(said):
    assert parse(_doc(said))["near_miss"] is False


def test_the_severity_fields_note_says_no_customer_impact():
    text = ("# WAL volume almost full\n\nDate: 2025-01-28\nSeverity: S3 (no customer impact)\n\n"
            "## Summary\n\nArchiving stopped for three hours; the volume reached 93% before it was fixed.\n")
    assert parse(text)["near_miss"] is True


def test_one_party_affected_in_the_severity_note_is_harm():
    text = ("# Sales doubled at the accountants\n\nDate: 2025-01-28\n"
            "Severity: P3 (one external party affected, no customer impact)\n\n"
            "## Summary\n\nThe accountants imported our export twice and reversed it two hours later.\n")
    assert parse(text)["near_miss"] is False


@pytest.mark.parametrize("impact, near", [
    ("None to customers or employees. Internal cost: two engineers for four hours.", True),
    ("None.", True),
    ("None of the 40 uploads succeeded for two hours.", False),
])
def test_an_impact_section_that_opens_with_none(impact, near):
    text = (f"# Bank file job blocked\n\nDate: 2025-01-14\n\n## Overview\n\nThe job waited on a lock and was "
            f"restarted.\n\n## Impact\n\n{impact}\n")
    assert parse(text)["near_miss"] is near


def test_a_file_sent_minutes_before_the_cutoff_is_a_near_miss():
    said = "The file reached the bank at 13:52, 38 minutes before the 14:30 cutoff."
    assert parse(_doc(said))["near_miss"] is True


def test_a_notification_decision_near_the_top_is_no_near_miss():
    text = ("# Card payments declined\n\n**Date:** 2026-01-28\n\n## Summary\n\nMost card payments were declined for five hours.\n\n"
            "## Governance\n\n- Data Protection Officer notified: No – no personal data was disclosed or lost.\n"
            "- ICO reportable: No.\n")
    assert parse(text, "a.md")["near_miss"] is False
