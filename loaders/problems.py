"""Problem records: what a parser could not understand, with the line it was on.

``error`` means data was lost (a file, a row or a value dropped); ``warning`` means the
parser made a documented guess (a zone assumed, an ambiguous date order) and kept going.
Ingest exits 1 when any file has an error, and with ``--strict`` on any problem.
"""
from __future__ import annotations


class Problems:
    __slots__ = ("items",)

    def __init__(self):
        self.items: list[dict] = []

    def error(self, line: int | None, message: str) -> None:
        self.items.append({"line": line, "message": message, "level": "error"})

    def warning(self, line: int | None, message: str) -> None:
        self.items.append({"line": line, "message": message, "level": "warning"})


def problem(line: int | None, message: str, level: str = "error") -> dict:
    return {"line": line, "message": message, "level": level}


def error(line: int | None, message: str) -> dict:
    """Data was lost: a file, a row or a value dropped."""
    return problem(line, message, "error")


def warning(line: int | None, message: str) -> dict:
    """A documented guess was made and the parser kept going."""
    return problem(line, message, "warning")
