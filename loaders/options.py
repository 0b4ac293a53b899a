"""What a parse may depend on besides a file's bytes: defaults taken from the config."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_FILE_BYTES = 10 * 1024 * 1024       # a postmortem or any other document
MAX_EXPORT_BYTES = 8 * 1024 ** 3         # an export (.csv, .json...): big ones are read a chunk at a time
EXPORT_SUFFIXES = (".csv", ".tsv", ".json", ".jsonl", ".ndjson")
# files written as markdown: a postmortem whatever its first line looks like
MARKDOWN_SUFFIXES = (".md", ".mdx", ".markdown", ".qmd")
# ... and files that may hold a postmortem's prose (a .txt may also be a CSV saved as text)
PROSE_SUFFIXES = MARKDOWN_SUFFIXES + (".txt",)


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
    max_export_bytes: int = MAX_EXPORT_BYTES
    lint_disabled: frozenset = frozenset()   # lint rules switched off (loaders/lint.py)

    def size_limit(self, path: str) -> int:
        """Bytes a file may have before it is refused unread: exports may be large."""
        return self.max_export_bytes if str(path).lower().endswith(EXPORT_SUFFIXES) else self.max_file_bytes
