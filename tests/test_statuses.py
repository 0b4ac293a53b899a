"""Status words, resolutions and status categories -> todo / in_progress / done / wont_do."""
import pytest

from loaders.statuses import categorize, category_name, normalize, resolution_category


@pytest.mark.parametrize("status, expected", [
    ("To Do", "todo"), ("Backlog", "todo"), ("Triage", "todo"), ("Open", "todo"),
    ("Reopened", "todo"), ("In Progress", "in_progress"), ("In Review", "in_progress"),
    ("Blocked", "in_progress"), ("Done", "done"), ("Closed", "done"),
    ("Resolved", "done"), ("Won't Do", "wont_do"), ("Canceled", "wont_do"),
    ("Cancelled", "wont_do"), ("Duplicate", "wont_do"), ("open", "todo"),
    ("closed", "done"), ("OPEN", "todo"),
])
def test_english_statuses(status, expected):
    assert categorize(status) == (expected, None)


@pytest.mark.parametrize("status, expected", [
    ("Tareas por hacer", "todo"), ("En curso", "in_progress"), ("Listo", "done"),
    ("Cancelado", "wont_do"), ("Cerrada", "done"), ("En revisión", "in_progress"),
])
def test_spanish_statuses(status, expected):
    assert categorize(status)[0] == expected


@pytest.mark.parametrize("status, expected", [
    ("À faire", "todo"), ("En cours", "in_progress"), ("Terminé", "done"),
    ("Annulé", "wont_do"), ("Fermé", "done"), ("Ouvert", "todo"),
])
def test_french_statuses(status, expected):
    assert categorize(status)[0] == expected


@pytest.mark.parametrize("status, expected", [
    ("Zu erledigen", "todo"), ("In Arbeit", "in_progress"), ("Fertig", "done"),
    ("Abgebrochen", "wont_do"), ("Geschlossen", "done"), ("Offen", "todo"),
])
def test_german_statuses(status, expected):
    assert categorize(status)[0] == expected


@pytest.mark.parametrize("status, expected", [
    ("A fazer", "todo"), ("Em andamento", "in_progress"), ("Concluído", "done"),
    ("Cancelado", "wont_do"), ("Fechado", "done"), ("Itens pendentes", "todo"),
])
def test_portuguese_statuses(status, expected):
    assert categorize(status)[0] == expected


def test_unknown_status_is_todo_with_a_problem():
    assert categorize("Parked Forever") == ("todo", "unknown status 'Parked Forever'")


def test_empty_status_is_todo_with_a_problem():
    cat, problem = categorize("")
    assert cat == "todo" and problem


def test_matching_ignores_case_accents_apostrophes_and_separators():
    assert categorize("WONT-DO")[0] == "wont_do"
    assert categorize("won\u2019t do")[0] == "wont_do"
    assert categorize("in_progress")[0] == "in_progress"
    assert categorize("TERMINE")[0] == "done"


@pytest.mark.parametrize("resolution", [
    "Won't Do", "Won't Fix", "Duplicate", "Cannot Reproduce", "Declined", "Canceled",
    "Cancelled", "not_planned", "NOT_PLANNED", "No se hará", "Ne sera pas fait",
    "Wird nicht erledigt", "Não será feito",
])
def test_wont_do_resolutions_turn_done_into_wont_do(resolution):
    assert categorize("Closed", resolution) == ("wont_do", None)


def test_done_resolution_keeps_done():
    assert categorize("Closed", "Fixed") == ("done", None)


def test_resolution_does_not_close_an_open_status():
    assert categorize("Open", "Duplicate")[0] == "todo"


@pytest.mark.parametrize("resolution", ["Unresolved", "Sin resolver", "Non résolu", ""])
def test_unresolved_means_no_resolution(resolution):
    assert resolution_category(resolution) is None


def test_status_category_is_authoritative():
    assert categorize("Waiting for vendor", status_category="In Progress") == (
        "in_progress", None)
    assert categorize("Ready", status_category="Done")[0] == "done"


def test_status_category_done_with_wont_do_status():
    assert categorize("Won't Do", status_category="Done")[0] == "wont_do"


def test_status_category_done_with_wont_do_resolution():
    assert categorize("Closed", "Won't Fix", "Done")[0] == "wont_do"


@pytest.mark.parametrize("name, expected", [
    ("new", "todo"), ("indeterminate", "in_progress"), ("done", "done"),
    ("Por hacer", "todo"), ("En cours", "in_progress"), ("Fertig", "done"),
    ("Itens concluídos", "done"), ("in_progress", "in_progress"), ("bogus", None),
])
def test_category_names(name, expected):
    assert category_name(name) == expected


def test_unknown_status_with_known_resolution_takes_the_resolution():
    assert categorize("Parked", "Won't Fix") == ("wont_do", None)
    assert categorize("Parked", "Fixed") == ("done", None)


def test_overrides_win():
    assert categorize("Parked", overrides={"parked": "wont_do"}) == ("wont_do", None)
    assert categorize("Done", overrides={"Done": "in progress"}) == ("in_progress", None)


def test_override_with_bad_category_reports_it():
    cat, problem = categorize("Parked", overrides={"Parked": "someday"})
    assert cat == "todo" and "someday" in problem


def test_never_raises_on_odd_values():
    assert categorize(None)[0] == "todo"
    assert categorize(12, resolution=3.5, status_category=[])[0] == "todo"


def test_normalize():
    assert normalize("  Won\u2019t  Do ") == "wont do"
    assert normalize("Catégorie d'état") == "categorie detat"
