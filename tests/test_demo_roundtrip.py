"""The parser reads back exactly what the demo generator wrote: the four timestamps,
near-miss flag, class and action items of every document match its ground truth."""
import pytest
import yaml

from loaders.config import config_from_dict
from demo import build
from loaders.postmortem import parse
from loaders.timeparse import iso_utc

CORPUS = build(300, seed=11)
OPTIONS = config_from_dict(yaml.safe_load(CORPUS.files["hindsight.yaml"])).options()
PARSED = {inc.path: parse(CORPUS.files[inc.path], inc.path, OPTIONS) for inc in CORPUS.incidents}


@pytest.mark.parametrize("field, truth", [
    ("started_at", lambda inc: iso_utc(inc.start)),
    ("detected_at", lambda inc: iso_utc(inc.detect)),
    ("mitigated_at", lambda inc: iso_utc(inc.mitigate)),
    ("resolved_at", lambda inc: iso_utc(inc.resolve)),
    ("near_miss", lambda inc: inc.near_miss),
    ("incident_class", lambda inc: inc.cls),
])
def test_field_matches_the_generator(field, truth):
    wrong = [(inc.path, PARSED[inc.path][field], truth(inc)) for inc in CORPUS.incidents
             if PARSED[inc.path][field] != truth(inc)]
    assert not wrong, wrong[:3]


def test_every_action_item_is_read():
    wrong = [inc.path for inc in CORPUS.incidents
             if len(PARSED[inc.path]["action_items"]) != len(inc.items)]
    assert not wrong, wrong[:3]


def test_no_document_loses_data():
    errors = [(path, p) for path, r in PARSED.items() for p in r["problems"] if p["level"] == "error"]
    assert not errors, errors[:3]
