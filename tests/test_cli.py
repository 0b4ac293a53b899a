"""The command line: parse --json (the CONTRACT.md shape), usage errors, demo."""
import json

from conftest import FIXTURES, parse_json, run_cli

CONTRACT_KEYS = {"path", "kind", "problems", "id", "title", "date", "severity", "severity_level",
                 "status", "near_miss", "incident_class", "started_at", "detected_at",
                 "mitigated_at", "resolved_at", "timeline", "contributing_factors", "action_items"}
ACTION_KEYS = {"text", "owner", "due", "ticket", "status", "kind"}


def test_parse_json_has_every_contract_key():
    [doc] = parse_json(FIXTURES / "postmortems" / "house-format.md")
    assert CONTRACT_KEYS <= set(doc)
    assert all(ACTION_KEYS <= set(a) for a in doc["action_items"])
    assert all({"at", "text"} <= set(e) for e in doc["timeline"])


def test_parse_keeps_order_and_path_as_given(write):
    a = write("b.md", "# B\n## Summary\nx\n")
    b = write("a.md", "# A\n## Summary\nx\n")
    out = parse_json(a, b)
    assert [o["path"] for o in out] == [str(a), str(b)]


def test_unreadable_file_is_unknown_with_a_problem(write, tmp_path):
    binary = write("x.bin", b"\x00\x01\x02\x03")
    run = run_cli("parse", "--json", binary, tmp_path / "missing.md")
    out = json.loads(run.stdout)
    assert [o["kind"] for o in out] == ["unknown", "unknown"]
    assert "binary" in out[0]["problems"][0]["message"]
    assert "cannot read" in out[1]["problems"][0]["message"]
    assert run.returncode == 1 and "no such file" in run.stderr   # (a file not there is not a quiet success)


def test_parse_of_files_that_are_there_exits_0_whatever_they_hold(write):
    assert run_cli("parse", write("x.bin", b"\x00\x01")).returncode == 0


def test_text_that_is_not_a_postmortem_is_unknown(write):
    [out] = parse_json(write("poem.txt", "Shall I compare thee\nto a summer's day?\n"))
    assert out["kind"] == "unknown"


def test_parse_never_writes_a_database(write, tmp_path):
    parse_json(write("a.md", "# A\n## Summary\nx\n"))
    assert not list(tmp_path.glob("*.duckdb"))


def test_parse_text_summary(write):
    out = run_cli("parse", write("a.md", "# A\n## Timeline\n- 2026-01-01 10:00 errors start\n"))
    assert out.returncode == 0
    assert "postmortem" in out.stdout and "zone" in out.stdout


def test_no_command_is_a_usage_error():
    assert run_cli().returncode == 2


def test_unknown_option_is_a_usage_error():
    assert run_cli("ingest", "--frobnicate").returncode == 2


def test_version():
    out = run_cli("--version")
    assert out.returncode == 0 and "hindsight" in out.stdout


def test_demo_writes_a_loadable_corpus(tmp_path):
    out = run_cli("demo", "--incidents", "30", "--seed", "3", tmp_path / "demo")
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "demo" / "hindsight.yaml").exists()
    ingest = run_cli("ingest", "-q", "--config", tmp_path / "demo" / "hindsight.yaml",
                     "--db", tmp_path / "d.duckdb")
    assert ingest.returncode == 0, ingest.stdout + ingest.stderr


def test_demo_rejects_zero_incidents(tmp_path):
    assert run_cli("demo", "--incidents", "0", tmp_path / "d").returncode == 2


def test_parse_json_is_valid_json_for_many_files(write):
    paths = [write(f"p{i}.md", f"# P{i}\n## Summary\nx\n") for i in range(5)]
    out = run_cli("parse", "--json", *paths)
    assert len(json.loads(out.stdout)) == 5


def test_ingest_lists_the_problems_that_lost_data_before_the_warnings(write, tmp_path):
    """The summary shows 50 problems: an error in the last file of 60 was hidden past them
    among warnings, though it set the exit code."""
    for n in range(60):
        write(f"pm/a{n:02d}.md", f"# Outage {n}\n\n**Date:** 2025-03-04\n\n## Frobnicated notes\n\nIt broke.\n")
    write("pm/z.md", "---\ntitle: [broken\n---\n# Outage z\n\n**Date:** 2025-03-04\n\nIt broke.\n")
    out = run_cli("ingest", "--db", tmp_path / "h.duckdb", tmp_path / "pm")
    assert out.returncode == 1
    listed = [line for line in out.stdout.splitlines() if line.startswith("  ") and ": " in line]
    assert listed[0].startswith("  error: ") and "z.md" in listed[0]
    assert "... and" in out.stdout
