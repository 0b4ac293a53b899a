"""Hostile files are contained: pipes and devices are never opened, links never lead a
load out of its source or round in circles, discovery is bounded, a taxonomy regex
cannot hang the ingest, and a failed copy leaves no temp file behind."""
import errno
import os
import shutil

import pytest
from conftest import postmortem_count, house_doc, run_cli

from loaders import store
from loaders.config import Config, ConfigError, config_from_dict, slow_regex
from loaders.discover import DiscoveryError, Source, discover
from loaders.ingest import ingest


def folder_with_one_postmortem(tmp_path, name="pm"):
    src = tmp_path / name
    src.mkdir()
    (src / "2026-04-01-outage.md").write_text(house_doc(day="2026-04-01"), encoding="utf-8")
    return src


incidents = postmortem_count


def test_a_named_pipe_in_a_source_is_skipped_not_read(tmp_path):
    src = folder_with_one_postmortem(tmp_path)
    os.mkfifo(src / "pipe.md")
    out = run_cli("ingest", "--db", tmp_path / "h.duckdb", src, timeout=60)  # used to hang forever
    assert out.returncode == 0, out.stdout + out.stderr
    assert "pipe.md: a named pipe, not a regular file: skipped" in out.stdout
    assert incidents(tmp_path / "h.duckdb") == 1


def test_a_file_name_that_is_not_utf8_is_a_problem_not_a_crash(tmp_path):
    src = folder_with_one_postmortem(tmp_path)
    with open(os.path.join(os.fsencode(src), b"caf\xe9-outage.md"), "wb") as f:
        f.write(house_doc(day="2026-04-02").encode("utf-8"))
    out = run_cli("ingest", "--db", tmp_path / "h.duckdb", src, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "caf\\xe9-outage.md: a file name that is not UTF-8: skipped" in out.stdout
    assert incidents(tmp_path / "h.duckdb") == 1


def test_a_link_to_dev_zero_is_skipped(tmp_path):
    src = folder_with_one_postmortem(tmp_path)
    os.symlink("/dev/zero", src / "zero.md")
    s = ingest(Config(follow_symlinks=True), [str(src)], tmp_path / "h.duckdb")
    assert s.written and incidents(tmp_path / "h.duckdb") == 1
    assert any("a device, not a regular file" in p["message"] for _, p in s.problems)


def test_a_device_named_on_the_command_line_is_a_problem_not_a_read(tmp_path):
    from loaders.detect import parse_path

    out = parse_path("/dev/zero")
    assert out["kind"] == "unknown" and "not a regular file" in out["problems"][0]["message"]


def test_a_directory_loop_loads_each_file_once(tmp_path):
    src = folder_with_one_postmortem(tmp_path)
    os.symlink(src, src / "loop")
    for follow in (False, True):
        found = discover([Source(str(src / "**" / "*.md"))], follow_symlinks=follow)
        assert list(found.files) == [str(src / "2026-04-01-outage.md")]


def test_a_config_glob_through_a_loop_loads_one_postmortem_once(tmp_path):
    src = folder_with_one_postmortem(tmp_path)
    os.symlink(src, src / "again")
    (tmp_path / "hindsight.yaml").write_text("database: h.duckdb\nsources:\n  postmortems: ['pm/**/*.md']\n")
    out = run_cli("ingest", "--config", tmp_path / "hindsight.yaml")
    assert out.returncode == 0, out.stdout + out.stderr
    assert incidents(tmp_path / "h.duckdb") == 1


def test_a_link_out_of_the_source_is_not_followed_unless_the_config_says_so(tmp_path):
    src = folder_with_one_postmortem(tmp_path)
    outside = folder_with_one_postmortem(tmp_path, "elsewhere")
    os.symlink(outside / "2026-04-01-outage.md", src / "linked.md")
    found = discover([Source(str(src))])
    assert list(found.files) == [str(src / "2026-04-01-outage.md")]
    assert "leads out of its source folder" in found.problems[0][1]
    followed = discover([Source(str(src))], follow_symlinks=True)
    assert len(followed.files) == 2


def test_a_link_inside_the_source_is_one_file(tmp_path):
    src = folder_with_one_postmortem(tmp_path)
    os.symlink(src / "2026-04-01-outage.md", src / "alias.md")
    assert len(discover([Source(str(src))]).files) == 1


def test_discovery_stops_past_the_file_limit(tmp_path):
    src = tmp_path / "many"
    src.mkdir()
    for i in range(12):
        (src / f"{i}.md").write_text("x")
    with pytest.raises(DiscoveryError, match="more than 10 files"):
        discover([Source(str(src / "**" / "*"))], max_files=10)


def test_too_many_files_is_a_usage_error_on_the_command_line(tmp_path):
    src = tmp_path / "many"
    src.mkdir()
    for i in range(5):
        (src / f"{i}.md").write_text(house_doc(day=f"2026-04-0{i + 1}"))
    (tmp_path / "hindsight.yaml").write_text("database: h.duckdb\nmax_files: 3\nsources:\n  postmortems: ['many/**/*']\n")
    out = run_cli("ingest", "--config", tmp_path / "hindsight.yaml")
    assert out.returncode == 2 and "more than 3 files" in out.stderr
    assert not (tmp_path / "h.duckdb").exists()


@pytest.mark.parametrize("pattern", ["(a+)+$", r"(\w*)*x", "(x|y+)*z", r"((ab)*c)+"])
def test_a_catastrophic_taxonomy_regex_is_refused_at_load(pattern):
    assert slow_regex(pattern)
    with pytest.raises(ConfigError, match=r"taxonomy\.slow\.patterns.*nests one repetition"):
        config_from_dict({"taxonomy": {"slow": {"patterns": [pattern]}}})


@pytest.mark.parametrize("pattern", [r"\bconfig(uration)?\b", r"\bv\d+\.\d+(\.\d+)?\b", "(ab)+", r"\b(cpu|disk) full\b"])
def test_ordinary_taxonomy_regexes_are_accepted(pattern):
    assert slow_regex(pattern) is None
    config_from_dict({"taxonomy": {"ok": {"patterns": [pattern]}}})


def test_a_failed_copy_leaves_no_partial_file(tmp_path, monkeypatch):
    db = tmp_path / "h.duckdb"
    ingest(Config(), [str(folder_with_one_postmortem(tmp_path))], db)
    before = db.read_bytes()

    def disk_full(src, dst, *a, **k):
        with open(dst, "wb") as f:
            f.write(b"partial")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copyfile", disk_full)
    with pytest.raises(OSError):
        with store.swap(db):
            pass
    assert not [p.name for p in tmp_path.iterdir() if ".tmp-" in p.name]
    assert db.read_bytes() == before


def test_a_file_larger_than_its_stat_said_is_read_whole():
    """A regular file may hold more than its stat says (it grew after the stat; /proc
    files say 0 bytes): the read goes on to the size limit, not to the stat's size."""
    from loaders.detect import read_document
    from loaders.options import Options

    with open("/proc/self/maps", "rb") as f:
        whole = f.read()
    assert os.stat("/proc/self/maps").st_size == 0 and len(whole) > 100
    data, _, why = read_document("/proc/self/maps", Options())
    assert why is None and data.count(b"\n") >= whole.count(b"\n") // 2


def test_a_file_that_outgrows_the_limit_after_its_stat_is_refused():
    from loaders.detect import read_document
    from loaders.options import Options

    data, _, why = read_document("/proc/self/maps", Options(max_file_bytes=64))
    assert data is None and "over the" in why
