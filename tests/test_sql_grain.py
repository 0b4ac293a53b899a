"""Every SQL model declares its grain in its layer's schema.yml (a key that is unique
and never null, the columns no row leaves empty), and the demo data keeps it."""
import re

import duckdb
import pytest
import yaml

from loaders import store

IDENT = re.compile(r"^[a-z_][a-z0-9_]*$")


def schema(layer: str) -> dict:
    return yaml.safe_load((store.SQL / layer / "schema.yml").read_text(encoding="utf-8"))["models"]


DECLARED = [(layer, name, spec) for layer in ("staging", "intermediate", "marts")
            for name, spec in schema(layer).items()]


@pytest.mark.parametrize("layer", ["staging", "intermediate", "marts"])
def test_every_model_in_a_layer_is_declared_and_every_declaration_is_a_model(layer):
    files = {name for lay, name, _ in store.models() if lay == layer}
    assert set(schema(layer)) == files


@pytest.fixture(scope="module")
def con(demo_folder):
    c = duckdb.connect(str(demo_folder / "h.duckdb"), read_only=True)
    yield c
    c.close()


def _columns(con, name):
    return {r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [name]).fetchall()}


@pytest.mark.parametrize("layer, name, spec", DECLARED, ids=[f"{lay}.{n}" for lay, n, _ in DECLARED])
def test_model_keeps_its_declared_grain(con, layer, name, spec):
    key = spec.get("key", [])
    not_null = list(key) + spec.get("not_null", [])
    columns = _columns(con, name)
    for col in not_null + [c for group in spec.get("unique", []) for c in group]:
        assert IDENT.match(col) and col in columns, f"{name} has no column {col}"
    for group in ([key] if key else []) + spec.get("unique", []):
        cols = ", ".join(group)  # names checked against information_schema above
        dupes = con.execute(f"SELECT count(*) FROM (SELECT {cols} FROM {name} "
                            f"GROUP BY ALL HAVING count(*) > 1)").fetchone()[0]
        assert dupes == 0, f"{name}: {dupes} values of ({cols}) occur more than once"
    for col in not_null:
        nulls = con.execute(f"SELECT count(*) FROM {name} WHERE {col} IS NULL").fetchone()[0]
        assert nulls == 0, f"{name}.{col}: {nulls} rows are null"
