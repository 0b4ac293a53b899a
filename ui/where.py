"""Where the dashboard reads from, chosen in the same order as the command line.

Config: ``streamlit run app.py -- --config FILE``, then ``$HINDSIGHT_CONFIG``, then
``./hindsight.yaml``, then the config the database's last load read, then the bundled
demo config. Database: ``-- --db PATH``, then ``$HINDSIGHT_DB``, then the config's
``database:``, then ``data/hindsight.duckdb`` (loaders.config.choose_database and
``remembered``, which the command line asks too). Every page names both at the foot of
its sidebar.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from loaders.config import Config, ConfigError, choose_database, load_config, recorded_config, remembered
from metrics import safe


@dataclass(frozen=True)
class Where:
    config: Config
    db: Path
    why: str          # why this database: "--db", "$HINDSIGHT_DB", "database: in ...", "the default"


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    """``--db`` and ``--config`` given after ``--`` on ``streamlit run app.py``."""
    ap = argparse.ArgumentParser(add_help=False)
    ap.add_argument("--db")
    ap.add_argument("--config")
    return ap.parse_known_args(sys.argv[1:] if argv is None else argv)[0]


def where() -> Where:
    """The config and database this dashboard reads; a config that cannot be read stops
    the page with its error."""
    args = arguments()
    try:
        cfg = load_config(args.config, required=bool(args.config))
    except ConfigError as e:
        st.error(safe.markdown(f"Hindsight cannot read its config: {e}"))
        st.stop()
    db, why = choose_database(cfg, args.db)
    if cfg.is_demo:   # (the database's own config, read again when an ingest swaps the file)
        try:
            cfg = remembered(cfg, db, _recorded(str(db), _identity(db)))
        except ConfigError as e:
            st.error(safe.markdown(f"Hindsight cannot read the config this database was loaded with: {e}"))
            st.stop()
    return Where(cfg, db, why)


def _identity(db: Path):
    try:
        st_ = db.stat()
    except OSError:
        return None
    return st_.st_ino, st_.st_mtime_ns, st_.st_size


@st.cache_data(show_spinner=False, max_entries=16)
def _recorded(db: str, identity) -> str | None:
    return recorded_config(db) if identity is not None else None


def footer(w: Where) -> None:
    st.sidebar.caption(safe.markdown(f"Database: {w.db} ({w.why}). Config: {w.config.describe()}."))


def load_command(w: Where) -> str:
    """The command that fills the database this dashboard reads."""
    return f"hindsight ingest --db {w.db} ~/postmortems ~/exports/jira.csv"
