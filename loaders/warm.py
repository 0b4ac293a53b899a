"""Importing this module compiles every parser pattern now (``lazy_re.warm``).

The ingest's fork server imports it once (loaders.workers), so every worker forked from
it starts with the patterns compiled instead of each compiling them on first use. Any
other process leaves them to compile as they are used (``hindsight parse one.md`` uses
about 200 of 500).
"""
from loaders import detect, lazy_re, lint  # noqa: F401 (what a worker runs: every parser module, so every pattern)

compiled = lazy_re.warm()
