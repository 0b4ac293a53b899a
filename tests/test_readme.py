"""The README's "Point it at your postmortems", followed literally on a fresh folder,
ends with the dashboard showing that folder's incidents."""
import os
import shlex
import shutil
import subprocess
import sys

from conftest import FIXTURES, ROOT, house_doc, run_page


def section_commands(title: str) -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    body = text.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]
    return [line.strip() for line in body.splitlines() if line.startswith("    ") and line.strip()]


def shell_words(line: str, home) -> list[str]:
    """The words a shell would pass: ~ expanded to ``home``."""
    return [str(home) + w[1:] if w.startswith("~/") else w for w in shlex.split(line)]


def test_point_it_at_your_postmortems(tmp_path, monkeypatch):
    home = tmp_path / "home"
    (home / "postmortems").mkdir(parents=True)
    for day in ("2026-06-01", "2026-06-08", "2026-06-15"):
        (home / "postmortems" / f"{day}.md").write_text(house_doc(title=f"Outage {day}", day=day))
    (home / "exports").mkdir()
    shutil.copy(FIXTURES / "exports" / "jira_en_all_fields.csv", home / "exports" / "jira.csv")

    ingest_line, dashboard_line = section_commands("Point it at your postmortems")
    words = shell_words(ingest_line, home)
    assert words[0] == ".venv/bin/hindsight"
    env = {k: v for k, v in os.environ.items() if not k.startswith("HINDSIGHT_")}
    out = subprocess.run([sys.executable, "-m", "loaders", *words[1:]], cwd=ROOT, env={**env, "HOME": str(home)},
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr

    words = shell_words(dashboard_line, home)
    assert words[:3] == [".venv/bin/streamlit", "run", "app.py"] and words[3] == "--"
    for var in ("HINDSIGHT_CONFIG", "HINDSIGHT_DB"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(sys, "argv", ["app.py", *words[4:]])
    at = run_page("app.py")
    assert not at.exception
    incidents = next(m for m in at.metric if m.label == "Incidents")
    assert incidents.value == "3"
