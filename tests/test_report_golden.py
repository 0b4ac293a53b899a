"""`hindsight report --json` on the bundled sample stays exactly what it was: a stored
copy guards every figure against refactors that were meant to change nothing. When a
change is meant to move a figure, regenerate the copy and say why in the commit:

    hindsight ingest --config data/sample/hindsight.yaml --db /tmp/s.duckdb
    hindsight report --json --db /tmp/s.duckdb --from 2024-01-01 --to 2026-06-30 \\
        --as-of 2026-07-01 > tests/fixtures/report/sample-2024-01-01-to-2026-06-30.json
"""
import json

from conftest import FIXTURES, run_cli

GOLDEN = FIXTURES / "report" / "sample-2024-01-01-to-2026-06-30.json"


def test_report_on_the_sample_is_unchanged(demo_folder):
    out = run_cli("report", "--json", "--db", demo_folder / "h.duckdb", "--from", "2024-01-01",
                  "--to", "2026-06-30", "--as-of", "2026-07-01")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == json.loads(GOLDEN.read_text(encoding="utf-8"))
