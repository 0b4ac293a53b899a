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
])
def test_harm_stopped_on_its_way_is_a_near_miss(said):
    assert parse(_doc(said))["near_miss"] is True


@pytest.mark.parametrize("said", [
    "Webhook deliveries were retried twice, and on March 9 some were never sent.",
    "Payouts went out on time, so no merchant was paid late, but the portal was down for an hour.",
    "Checkout was unavailable for 40 minutes.",
])
def test_harm_that_happened_is_no_near_miss(said):
    assert parse(_doc(said))["near_miss"] is False
