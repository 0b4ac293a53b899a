"""The pre-commit hook (.pre-commit-hooks.yaml) on a temporary git repository of
postmortems: a commit with a postmortem that lacks a section is stopped, a clean one
passes, a README is never linted. With pre-commit installed the test runs
`pre-commit try-repo`; without it, it does what pre-commit does with the hook's
definition: pick the staged files by the hook's types and exclude, and run its entry
with them as arguments."""
from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from test_lint import CLEAN, without_section

ROOT = Path(__file__).resolve().parent.parent
HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
HOOK = next(h for h in HOOKS if h["id"] == "hindsight-lint")
EXTENSIONS = {"markdown": (".md", ".markdown"), "mdx": (".mdx",)}   # pre-commit's identify tags

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path):
    r = tmp_path / "postmortems-repo"
    (r / "postmortems").mkdir(parents=True)
    git(r, "init", "-q")
    (r / "README.md").write_text("# Postmortems\n\nWe forgot nothing. One file per incident.\n")
    (r / "postmortems" / "2026-03-04-checkout.md").write_text(CLEAN)
    return r


def run_hook(repo: Path) -> subprocess.CompletedProcess:
    """The hook on every file staged in ``repo``, as pre-commit runs it."""
    if shutil.which("pre-commit"):
        return subprocess.run(["pre-commit", "try-repo", str(ROOT), HOOK["id"], "--all-files"], cwd=repo,
                              capture_output=True, text=True, timeout=600)
    suffixes = tuple(s for t in HOOK["types_or"] for s in EXTENSIONS[t])
    exclude = re.compile(HOOK["exclude"])
    files = [f for f in git(repo, "ls-files", "-z").split("\0") if f.endswith(suffixes) and not exclude.search(f)]
    entry = shlex.split(HOOK["entry"])
    exe = Path(sys.executable).parent / entry[0]   # the console script the package installs
    return subprocess.run([str(exe), *entry[1:], *HOOK.get("args", []), *files], cwd=repo,
                          capture_output=True, text=True, timeout=120)


def test_the_hook_is_defined_for_markdown_with_the_lint_entry():
    assert HOOK["entry"].split()[-1] == "lint" and HOOK["language"] == "python"
    assert set(HOOK["types_or"]) <= set(EXTENSIONS)
    assert re.compile(HOOK["exclude"]).search("docs/README.md")
    assert not re.compile(HOOK["exclude"]).search("postmortems/2026-03-04-checkout.md")


def test_a_clean_postmortem_passes_and_the_readme_is_not_linted(repo):
    git(repo, "add", "-A")
    out = run_hook(repo)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "README" not in out.stdout


def test_a_postmortem_without_an_impact_section_stops_the_commit(repo):
    (repo / "postmortems" / "2026-03-09-search.md").write_text(without_section(CLEAN, "## Impact"))
    git(repo, "add", "-A")
    out = run_hook(repo)
    assert out.returncode == 1
    assert "2026-03-09-search.md:1: error [anatomy-impact]" in out.stdout
