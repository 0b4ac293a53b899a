"""The ``hindsight`` command line: parse, ingest, report, correct, lint, demo.

Exit codes: 0 success; 1 when a file had problems that lost data (``--strict``: any
problem); 2 on usage or configuration errors.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from loaders import __version__


FORMATS = ("text", "json", "html", "md", "pdf")


def _quarter(text: str):
    from metrics import periods

    try:
        return periods.quarter(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _day(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _where(p: argparse.ArgumentParser) -> None:
    """--config and --db, chosen the same way by every command (loaders.config.choose_database)."""
    p.add_argument("--config", help="hindsight.yaml (default: $HINDSIGHT_CONFIG, ./hindsight.yaml, "
                                    "else the bundled demo config)")
    p.add_argument("--db", help="DuckDB file (default: $HINDSIGHT_DB, else the config's database:, "
                                "else data/hindsight.duckdb)")


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="hindsight",
        description="Load postmortems and tracker exports into DuckDB and report on them.")
    ap.add_argument("--version", action="version", version=f"hindsight {__version__}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("parse", help="parse files and print what was understood (no database)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print one JSON array (the default is a summary)")
    p.add_argument("--config", help="hindsight.yaml for the taxonomy and default time zone")

    i = sub.add_parser("ingest", help="load files into the DuckDB store (incremental, all-or-nothing)")
    i.add_argument("paths", nargs="*", metavar="PATH",
                   help="files or folders to add to the database (default: re-read the database's "
                        "own sources and the config's)")
    _where(i)
    i.add_argument("--full", action="store_true", help="re-parse every file, changed or not")
    i.add_argument("--replace", action="store_true",
                   help="make the database hold exactly what this load reads: drop every file (and "
                        "source) not read now; the summary says how many")
    i.add_argument("--strict", action="store_true", help="exit 1 on any problem, not only lost data")
    i.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary")

    r = sub.add_parser("report", help="headline metrics, or the quarterly leadership report as html, pdf, md or json")
    r.add_argument("--format", choices=FORMATS, default=None,
                   help="text tables (default), json (fields in docs/REPORT_CONTRACT.md), or the quarterly "
                        "report as one self-contained html file, pdf (printed by headless Chromium) or markdown")
    r.add_argument("--json", action="store_true", help="the same as --format json")
    r.add_argument("--out", metavar="FILE", help="write to FILE (default: standard output; a pdf goes to "
                                                 "hindsight-report-PERIOD.pdf)")
    _where(r)
    r.add_argument("--quarter", type=_quarter, help="a quarter such as 2026Q3 (instead of --from/--to)")
    r.add_argument("--from", dest="date_from", type=_day, help="first incident date (default: 12 months before --to)")
    r.add_argument("--to", dest="date_to", type=_day, help="last incident date (default: --as-of)")
    r.add_argument("--team", action="append", default=[], metavar="TEAM", help="only this team (may be repeated)")
    r.add_argument("--as-of", dest="as_of", type=_day, help="the day overdue is judged on (default: today)")

    c = sub.add_parser("correct", help="override a field the parser got wrong (kept in the corrections file), "
                                       "then re-ingest")
    c.add_argument("doc_id", metavar="ID", help="the postmortem's id (front-matter id, else its file name)")
    c.add_argument("field", metavar="FIELD",
                   help="title, date, started_at, detected_at, mitigated_at, resolved_at, severity, "
                        "incident_class, near_miss, team; or action_items.N.status|owner|due")
    c.add_argument("value", metavar="VALUE", help="the right value; 'null' clears the field")
    _where(c)
    c.add_argument("--no-ingest", action="store_true", help="only write the corrections file")

    lt = sub.add_parser("lint", help="check postmortems the way a reviewer would (anatomy, times, action "
                                     "items, contributing factors, blameful language)",
                        description="Exit 0 when clean, 1 when a finding is an error (--strict: any "
                                    "finding), 2 on usage errors. Rules can be switched off in "
                                    "hindsight.yaml: lint: {disable: [rule ids]}.")
    lt.add_argument("paths", nargs="+", metavar="PATH", help="postmortem files, or folders to search for them")
    lt.add_argument("--format", choices=("text", "json", "github"), default="text",
                    help="text (default), json, or github (workflow annotations)")
    lt.add_argument("--strict", action="store_true", help="warnings fail the run too")
    lt.add_argument("--config", help="hindsight.yaml (rules switched off, time zone)")

    d = sub.add_parser("demo", help="write a synthetic demo corpus")
    d.add_argument("out_dir", metavar="OUT_DIR")
    d.add_argument("--incidents", type=int, default=200, help="how many incidents (default 200)")
    d.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    return ap


def main(argv: list[str] | None = None) -> int:
    ap = _parser()
    try:
        args = ap.parse_args(argv)
    except SystemExit as e:
        return int(e.code or 0)
    if args.command is None:
        ap.print_help()
        return 2
    try:
        if args.command == "parse":
            return cmd_parse(args)
        if args.command == "ingest":
            from loaders.ingest import cmd_ingest

            return cmd_ingest(args)
        if args.command == "demo":
            return cmd_demo(args)
        if args.command == "report":
            return cmd_report(args)
        if args.command == "correct":
            return cmd_correct(args)
        if args.command == "lint":
            return cmd_lint(args)
    except ConfigError as e:
        print(f"hindsight: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("hindsight: interrupted; nothing was changed", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `hindsight parse --json ... | head`
        sys.stderr.close()
        return 0
    return 2


from loaders.config import ConfigError, config_and_database, load_config  # noqa: E402  (after main for import speed)


def cmd_parse(args) -> int:
    from loaders.detect import parse_path

    import os

    cfg = load_config(args.config, required=bool(args.config))
    options = cfg.options()
    results = [parse_path(p, options) for p in args.paths]
    # every file given is answered for, and one that is not there makes the exit code 1
    missing = [p for p in args.paths if not os.path.exists(p)]
    for p in missing:
        print(f"hindsight parse: no such file: {p}", file=sys.stderr)
    if args.json:
        json.dump(results, sys.stdout, ensure_ascii=False, indent=1, default=str)
        sys.stdout.write("\n")
        return 1 if missing else 0
    for r in results:
        extra = ""
        if r["kind"] == "postmortem":
            extra = (f"{r.get('date')}  {len(r['timeline'])} timeline entries, "
                     f"{len(r['action_items'])} action items")
        elif r["kind"] == "tracker_export":
            extra = f"{r.get('source')}: {len(r.get('tickets', []))} tickets"
        elif r["kind"] == "incident_export":
            extra = f"{r.get('source')}: {len(r.get('incidents', []))} incidents"
        print(f"{r['path']}: {r['kind']}  {extra}")
        for pr in r["problems"]:
            where = f"line {pr['line']}" if pr.get("line") else "file"
            print(f"    {pr.get('level', 'error')}: {where}: {pr['message']}")
    return 1 if missing else 0


def _lint_files(paths: list[str]) -> list[str] | str:
    """The files PATHs name (folders searched for postmortems, furniture such as READMEs
    left out), or the message of a usage error."""
    import os

    from loaders import furniture
    from loaders.options import PROSE_SUFFIXES

    out: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                out.extend(os.path.join(root, f) for f in sorted(files)
                           if f.lower().endswith(PROSE_SUFFIXES) and furniture.by_name(f) is None)
        elif os.path.isfile(p):
            out.append(p)
        else:
            return f"no such file or folder: {p}"
    return out


def cmd_lint(args) -> int:
    from loaders import lint
    from loaders.detect import parse_path

    cfg = load_config(args.config, required=bool(args.config))
    files = _lint_files(args.paths)
    if isinstance(files, str):
        print(f"hindsight lint: {files}", file=sys.stderr)
        return 2
    options = cfg.options()
    results: dict[str, lint.Result] = {}
    skipped: dict[str, str] = {}
    for path in files:
        r = parse_path(path, options)
        if r.get("kind") != "postmortem" or "lint" not in r:
            skipped[path] = (r.get("reason") or r.get("kind") or "not a postmortem")
            continue
        results[path] = lint.Result(r["lint"]["score"],
                                    tuple(lint.Finding(**f) for f in r["lint"]["findings"]))
    print(lint.render(results, args.format, skipped))
    return 1 if lint.failed(results, args.strict) else 0


def _report_period(args, reader, as_of, document: bool):
    """The period ``report`` covers: --quarter, --from/--to, else the default: the last
    complete quarter for the quarterly documents, the dashboard's default period
    (metrics/periods.py) for json and text; --to alone means the 12 months back from it."""
    from metrics import periods
    from metrics.filters import first_and_last

    if args.quarter:
        return args.quarter
    first, last = first_and_last(reader)
    if document and not (args.date_from or args.date_to):
        return periods.last_complete_quarter(last, as_of)
    period = periods.default(first, last, as_of)
    date_to = args.date_to or period.date_to
    date_from = args.date_from or (periods.twelve_months_to(date_to) if args.date_to else period.date_from)
    return periods.Period(date_from, date_to)


def cmd_report(args) -> int:
    from datetime import date

    from loaders import store
    from metrics import build, periods, report
    from metrics.db import Reader
    from metrics.filters import Filters, choices

    fmt = "json" if args.json else (args.format or "text")
    if args.json and args.format not in (None, "json"):
        print(f"hindsight: --json and --format {args.format} disagree: give one", file=sys.stderr)
        return 2
    if args.quarter and (args.date_from or args.date_to):
        print("hindsight: give --quarter or --from/--to, not both", file=sys.stderr)
        return 2
    cfg, db, why = config_and_database(args.config, args.db)
    if not db.exists():
        print(f"hindsight: no database at {db} ({why}); run `hindsight ingest --db {db} PATH...` first",
              file=sys.stderr)
        return 2
    print(f"hindsight: reading {db} ({why}; config: {cfg.describe()})", file=sys.stderr)
    as_of = args.as_of or date.today()
    reader = Reader(db)
    try:
        if (why_not := build.outdated(reader, store.models_fingerprint())):
            print(f"hindsight: {why_not}", file=sys.stderr)
            return 2
        period = _report_period(args, reader, as_of, fmt in ("html", "md", "pdf"))
        if period.date_from > period.date_to:
            print(f"hindsight: --from {period.date_from} is after --to {period.date_to}", file=sys.stderr)
            return 2
        unknown = sorted(set(args.team) - set(choices(reader).teams))
        if unknown:
            print(f"hindsight: no incident has the team {', '.join(unknown)}; teams: "
                  f"{', '.join(choices(reader).teams) or 'none'}", file=sys.stderr)
            return 2
        f = Filters(period.date_from, period.date_to, tuple(args.team))
        if fmt == "text":
            return _write(args.out, report.text(report.build(reader, f.date_from, f.date_to, as_of, f.teams)))
        from publish import files, pdf

        if fmt != "pdf":
            make = {"json": files.json_file, "md": files.markdown_file, "html": files.html_file}[fmt]
            extra = {"warn": lambda m: print(f"hindsight: {m}", file=sys.stderr)} if fmt == "html" else {}
            return _write(args.out, make(reader, f, as_of, cfg.min_sample, **extra))
        out = args.out or f"{files.file_stem(periods.quarter_name(period), args.team)}.pdf"
        try:
            data = files.pdf_file(reader, f, as_of, cfg.min_sample)
        except pdf.Unavailable as e:
            print(f"hindsight: {e}", file=sys.stderr)
            return 2
    finally:
        reader.close()
    Path(out).write_bytes(data)
    print(f"hindsight: wrote {out}", file=sys.stderr)
    return 0


def _write(out: str | None, text: str) -> int:
    if out:
        Path(out).write_text(text, encoding="utf-8")
        print(f"hindsight: wrote {out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def cmd_correct(args) -> int:
    import yaml

    from loaders import corrections
    from loaders.ingest import NothingToLoad, RemovalRefused, ingest, print_summary

    cfg, db, why = config_and_database(args.config, args.db)
    fixes = cfg.corrections_for(db)
    try:
        keys = corrections.keys_for(args.doc_id, args.field)
        field = keys[-1]
        if args.value.strip().lower() in ("null", "none", "~"):
            value = None
        elif field == "near_miss":
            value = yaml.safe_load(args.value)
        else:
            value = args.value  # as typed: a title "2024" stays text
        stored, _ = corrections.normalise(field, value)
        if field in corrections.TIMES or field in ("date", "due"):
            value = stored  # written the one way it is read: 2026-02-03T10:06:00Z
        corrections.write(fixes, keys, value)
    except corrections.CorrectionError as e:
        print(f"hindsight: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"hindsight: cannot write {fixes}: {e.strerror or e}", file=sys.stderr)
        return 2
    print(f"{fixes}: {args.doc_id} {args.field} = {args.value}")
    if args.no_ingest:
        from loaders.ingest import loaded_ids, unmatched

        item = keys[2] if len(keys) == 4 else None
        if (ids := loaded_ids(Path(db))) is not None and (stale := unmatched(args.doc_id, item, ids)):
            print(f"hindsight: warning: {stale}; kept, it applies once a load matches it", file=sys.stderr)
        return 0
    try:
        summary = ingest(cfg, None, db)
    except (NothingToLoad, RemovalRefused, RuntimeError) as e:
        print(f"hindsight: the correction is saved but the re-ingest did not run: {e}", file=sys.stderr)
        return 1
    stale = [p for path, p in summary.problems if path == str(fixes)]
    print_summary(summary, db, f"{why}; config: {cfg.describe()}")
    return 1 if any(p.get("level") == "error" for p in stale) else 0


def cmd_demo(args) -> int:
    from demo import generate

    if args.incidents < 1:
        print("hindsight: --incidents must be at least 1", file=sys.stderr)
        return 2
    counts = generate(args.out_dir, incidents=args.incidents, seed=args.seed,
                      progress=_progress_printer("writing") if sys.stderr.isatty() else None)
    print(f"wrote {args.out_dir}: " + ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in counts.items()))
    print(f"load it with: hindsight ingest --config {args.out_dir}/hindsight.yaml")
    return 0


def _progress_printer(label: str):
    from loaders.progress import Bar

    return Bar(label)
