"""What a tracker or incident-tool export format is, for the registry in __init__.py."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

TRACKER = "tracker_export"
INCIDENTS = "incident_export"
JSON = "json"
CSV = "csv"


@dataclass(frozen=True)
class Format:
    """One export format.

    - ``name``: how problems and docs name it (``jira-csv``);
    - ``kind``: ``tracker_export`` (tickets) or ``incident_export`` (incidents);
    - ``container``: ``json`` (``sniff`` and ``parse`` get the decoded document) or
      ``csv`` (``sniff`` gets the header cells, ``parse`` the whole text);
    - ``sniff(data) -> bool``: whether a file is this format, from its shape (never
      raises: a sniff that fails answers False);
    - ``parse(data, options) -> dict``: the ``kind`` record of docs/PARSE_CONTRACT.md,
      every problem with its line and level (never raises: a parse that fails returns
      an empty record with the error as a problem). ``options`` is loaders.options.Options
      (the config's status words, csv mappings).
    """

    name: str
    kind: str
    container: str
    sniff: Callable[[Any], bool]
    parse: Callable[[Any, Any], dict]
