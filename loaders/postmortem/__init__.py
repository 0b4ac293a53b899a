"""The postmortem parser: one markdown (or text) document in, one record out.

``parse(text, name, options)`` is a pure function of the text: no I/O, no database.
The modules, in the order a document goes through them:

- ``frontmatter``: YAML / TOML front matter and other metadata headers;
- ``markdown``: sections, headings, lists and tables, with their line numbers;
- ``vocabulary``: the words that name sections, metadata keys and events;
- ``doc``: the document being parsed and the readers of its values;
- ``timeline``: timeline entries, and the four timestamps derived from them;
- ``actions``: action items with owner, due date, ticket, status and kind;
- ``document``: the whole record (title, date, severity, near miss, class, ...).

Times are read by ``loaders.timeparse`` and severities by ``loaders.severity``, the
same readers the export formats use.
"""
from loaders.postmortem.document import parse

__all__ = ["parse"]
