"""Hindsight's write side: parsers (one module per source format), the DuckDB store,
ingest and the command line.

Every parser is a pure function of a file's text; what it returns is shaped as
docs/PARSE_CONTRACT.md describes, with a ``problems`` list of
``{"line": int | None, "message": str, "level": "error" | "warning"}``.
"""

__version__ = "0.1.0"
