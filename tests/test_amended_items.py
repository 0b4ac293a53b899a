"""An action item revisited after the review: a value amended in place (struck and
replaced, moved along an arrow, slipped to a new date, updated below the item) is read as
the value it ends with, never the one it replaced."""
import pytest

from loaders.postmortem import parse

HEAD = "# Settlement mismatch — 2026-01-14\n\n**Severity:** SEV-2\n\n## Action items\n\n"
TABLE = "| Action | Owner | Due | Status |\n|---|---|---|---|\n"


def item(body: str) -> dict:
    items = parse(HEAD + body, "a.md")["action_items"]
    assert len(items) == 1, items
    return items[0]


@pytest.mark.parametrize("due, want", [
    ("ETA 15/10 → 31/10", "2026-10-31"),
    ("2026-02-13 -> 2026-03-06", "2026-03-06"),
    ("by 30-Sep, slipped, now 20-Oct", "2026-10-20"),
    ("~~2026-01-31~~ 2026-02-28", "2026-02-28"),
    ("2026-02-28", "2026-02-28"),
])
def test_a_due_cell_is_due_on_the_date_it_ends_with(due, want):
    assert item(TABLE + f"| Alert on mismatches | @li | {due} | Open |\n")["due"] == want


@pytest.mark.parametrize("owner, want", [
    ("@rahul → @vikram", "@vikram"),
    ("~~Priya Nair~~ Devon Carter", "Devon Carter"),
    ("unassigned → @mira", "@mira"),
])
def test_an_owner_cell_names_the_owner_it_ends_with(owner, want):
    assert item(TABLE + f"| Alert on mismatches | {owner} | 2026-03-01 | Open |\n")["owner"] == want


@pytest.mark.parametrize("status, want", [
    ("In review → Done", "done"),
    ("In review → rolled out on 4 Nov, closed", "done"),
    ("Open -> Won't do", "wont_do"),
    ("Done → reopened, In progress", "open"),
])
def test_a_status_cell_states_the_status_it_moved_to(status, want):
    assert item(TABLE + f"| Alert on mismatches | @li | 2026-03-01 | {status} |\n")["status"] == want


def test_a_struck_value_elsewhere_in_the_row_does_not_finish_the_item():
    row = "| Alert on mismatches | ~~@ana~~ @li | ~~2026-01-31~~ 2026-02-28 | Work in Progress |\n"
    assert item(TABLE + row)["status"] == "open"


@pytest.mark.parametrize("text, want", [
    ("due 2/13, now 3/6", "2026-03-06"),
    ("due 3/1, moved to 4/15", "2026-04-15"),
    ("due 12 Dec, moved to 16 Jan", "2027-01-16"),
    ("due ~~28 Jan~~ 19 Feb", "2026-02-19"),
    ("due 2026-02-06", "2026-02-06"),
])
def test_an_item_s_due_date_moved_in_its_text(text, want):
    assert item(f"- Alert on mismatches. Owner @li, {text}.\n")["due"] == want


def test_an_owner_struck_and_replaced_along_an_arrow():
    assert item("- Alert on mismatches. Owner ~~@ana~~ → @li (Ana out from 9 Feb), due 2026-03-06.\n")["owner"] == "@li"


@pytest.mark.parametrize("updates, want", [
    (["Update 2026-02-05: merged in #4412, deployed 5 Feb. **Done.**"], "done"),
    (["Update 2026-02-05: Done.", "Update 2026-03-01: reopened after the canary failed. In progress."], "open"),
    (["Update 2026-03-01: Blocked. Needs a rate-limit increase."], "open"),
    (["Update (12 Mar): Won't do, the new gateway covers it."], "wont_do"),
])
def test_the_latest_dated_update_below_an_item_is_its_status(updates, want):
    body = "1. Alert on mismatches. Owner @li, due 2026-03-06.\n" + "".join(f"   - {u}\n" for u in updates)
    assert item(body)["status"] == want


def test_a_done_sub_task_that_is_no_update_does_not_finish_its_parent():
    body = "- [ ] Alert on mismatches, owner @li\n  - [x] write the query\n  - [ ] page on it\n"
    assert item(body)["status"] == "open"


def test_notes_on_the_items_under_their_own_heading_are_no_item():
    body = TABLE + "| Alert on mismatches | @li | 2026-03-01 | Open |\n\n### Re-review notes, 24 Feb 2026\n\nStill waiting.\n"
    assert item(body)["text"] == "Alert on mismatches"
