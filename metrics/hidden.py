"""What a period hides: the incidents a page leaves out because of its dates, and the
postmortems no page can show because they have no date. Pages say both where they apply,
so an archive is never silently cut to the last twelve months."""
from __future__ import annotations

from dataclasses import dataclass

from metrics.db import Reader, sql_file
from metrics.filters import Filters, params


@dataclass(frozen=True)
class Hidden:
    before: int      # pass every other filter, dated before the period
    after: int       # ... dated after it
    undated: int     # postmortems with no date: on no chart at all

    @property
    def outside(self) -> int:
        return self.before + self.after

    def describe(self) -> str:
        """"12 incidents outside this period (10 before, 2 after) · 1 postmortem without a date"."""
        parts = []
        if self.outside:
            where = ", ".join(f"{n} {w}" for n, w in ((self.before, "before"), (self.after, "after")) if n)
            parts.append(f"{self.outside} {_plural(self.outside, 'incident')} outside this period ({where})")
        if self.undated:
            parts.append(f"{self.undated} {_plural(self.undated, 'postmortem')} without a date, on no chart "
                         "(see Data quality)")
        return " · ".join(parts)


def _plural(n: int, word: str) -> str:
    return word if n == 1 else word + "s"


def hidden(reader: Reader, filters: Filters) -> Hidden:
    before, after, undated = reader.query(sql_file("hidden_counts"), params(filters))[0]
    return Hidden(before, after, undated)
