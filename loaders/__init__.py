"""Hindsight's write side: parsers (one module per source format), the DuckDB store,
ingest and the command line.

Every parser is a pure function of a file's text; it returns a plain dict shaped as
../shared/conformance/CONTRACT.md describes, with a ``problems`` list of
``{"line": int | None, "message": str}``.
"""

__version__ = "0.1.0"
