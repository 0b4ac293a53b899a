"""What a parse may depend on besides a file's bytes: defaults taken from the config."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_FILE_BYTES = 10 * 1024 * 1024


@dataclass
class Options:
    default_zone: str = "UTC"
    # [(class name, [compiled rules])], tried in order when a document names no class
    taxonomy: list[tuple[str, list[re.Pattern]]] = field(default_factory=list)
    # extra status words -> todo / in_progress / done / wont_do
    status_map: dict[str, str] = field(default_factory=dict)
    # generic CSV mappings: [{"kind": "tracker"|"incident", "match": [...], "columns": {...}}]
    csv_mappings: list[dict] = field(default_factory=list)
    max_file_bytes: int = MAX_FILE_BYTES
