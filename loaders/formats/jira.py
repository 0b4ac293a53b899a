"""Jira exports -> tickets.

Reads:
- CSV from "Export CSV (all fields)" and "Export CSV (current fields)", in any of the
  UI languages whose column names are listed below (English, Spanish, French, German,
  Portuguese, some Italian and Dutch). Repeated columns are normal there: every
  ``Labels`` column holds labels; ``Sprint``, ``Watchers``, ``Comment`` repeat too.
  Cells may span lines. ``Status Category``, when present, decides the category.
  Dates look like ``22/Sep/25 9:26 AM`` (month names in the UI language) and carry no
  zone: they are read as UTC. A numeric ``a/b/yyyy`` date is day first unless some
  date in the file shows otherwise.
- ``resolved_at`` is set for done and wont_do tickets only: the Resolved column, else
  ``Status Category Changed`` (``resolved_from`` says which).
- JSON from ``/rest/api/2|3/search``: ``{"issues": [{"key": ..., "fields": {...}}]}``,
  one page or a list of pages.
"""
from __future__ import annotations

import re

from loaders.formats.format import CSV, JSON, TRACKER, Format
from loaders.formats.shapes import ticket, tracker_result
from loaders.formats.tabular import (aliases, as_list, cell, close_notes, dedupe, failed, guarded,
    keyed_rows, note_once, quiet_false, read_csv, split_header, split_list)
from loaders.problems import error, warning
from loaders.statuses import categorize, normalize
from loaders.timeparse import read_day, read_time, records_day_first

SOURCE = "jira"

COLUMNS = {
    "key": aliases(
        "Issue key", "Key", "Work item key", "Clave de incidencia", "Clave",
        "Clave de la incidencia", "Clave del ticket", "Clave de ticket",
        "Clave del elemento de trabajo", "Clave de elemento de trabajo",
        "Clé de ticket", "Clé", "Clé du ticket", "Clé de la demande",
        "Clé de demande", "Clé de l'élément de travail", "Clé du problème",
        "Schlüssel", "Vorgangsschlüssel", "Vorgangs-Schlüssel",
        "Arbeitselement-Schlüssel", "Schlüssel des Arbeitselements", "Chave",
        "Chave do item", "Chave da item", "Chave da issue", "Chave do ticket",
        "Chave do item de trabalho", "Chave da solicitação", "Chiave",
        "Chiave ticket", "Chiave del ticket", "Sleutel", "Issuesleutel"),
    "summary": aliases(
        "Summary", "Resumen", "Résumé", "Zusammenfassung", "Resumo", "Sumário",
        "Riepilogo", "Sommario", "Samenvatting"),
    "status": aliases(
        "Status", "Estado", "État", "Statut", "Situação", "Stato"),
    "status_category": aliases(
        "Status Category", "Categoría de estado", "Categoría del estado",
        "Catégorie d'état", "Catégorie de statut", "Catégorie du statut",
        "Statuskategorie", "Status-Kategorie", "Categoria de status",
        "Categoria do status", "Categoria de estado", "Categoria di stato",
        "Statuscategorie"),
    "resolution": aliases(
        "Resolution", "Resolución", "Résolution", "Lösung", "Resolução",
        "Risoluzione", "Oplossing"),
    "created": aliases(
        "Created", "Creada", "Creado", "Fecha de creación", "Créé", "Créée",
        "Création", "Date de création", "Erstellt", "Erstellt am", "Criado",
        "Criada", "Data de criação", "Creato", "Data creazione", "Aangemaakt"),
    "resolved": aliases(
        "Resolved", "Resuelta", "Resuelto", "Fecha de resolución", "Résolu",
        "Résolue", "Date de résolution", "Erledigt", "Gelöst", "Erledigt am",
        "Resolvido", "Resolvida", "Data de resolução", "Risolto",
        "Data risoluzione", "Opgelost"),
    "due": aliases(
        "Due date", "Due", "Fecha de vencimiento", "Fecha límite",
        "Fecha de entrega", "Vencimiento", "Date d'échéance", "Échéance",
        "Date limite", "Fälligkeitsdatum", "Fällig am", "Fälligkeit", "Data limite",
        "Data de vencimento", "Data de entrega", "Prazo", "Data di scadenza",
        "Scadenza", "Vervaldatum"),
    "assignee": aliases(
        "Assignee", "Responsable", "Persona asignada", "Asignado", "Asignado a",
        "Personne assignée", "Assigné", "Assigné à", "Attribué à", "Bearbeiter",
        "Zugewiesene Person", "Zugewiesen an", "Verantwortlicher", "Responsável",
        "Atribuído a", "Pessoa atribuída", "Assegnatario", "Toegewezen aan",
        "Toegewezene"),
    "labels": aliases(
        "Labels", "Label", "Etiquetas", "Etiqueta", "Étiquettes", "Étiquette",
        "Libellés", "Stichwörter", "Stichwort", "Schlagwörter", "Rótulos",
        "Marcadores", "Etichette"),
    "priority": aliases(
        "Priority", "Prioridad", "Priorité", "Priorität", "Prioridade", "Priorità",
        "Prioriteit"),
    "category_changed": aliases(
        "Status Category Changed", "Cambio de categoría de estado",
        "Categoría de estado cambiada", "Catégorie d'état modifiée",
        "Changement de catégorie de statut", "Statuskategorie geändert",
        "Categoria de status alterada", "Categoria do status alterada"),
    "issue_type": aliases(
        "Issue Type", "Work item type", "Tipo de incidencia", "Tipo de ticket",
        "Type de ticket", "Type de demande", "Type de problème", "Vorgangstyp",
        "Tipo de item", "Tipo de issue", "Tipo di ticket", "Issuetype"),
}

# Columns only Jira writes; three of them identify an export even without a key.
MARKERS = aliases(
    "Issue id", "Work item id", "Issue Type", "Work item type", "Project key",
    "Project name", "Project type", "Project lead", "Reporter", "Sprint",
    "Status Category", "Status Category Changed", "Parent id", "Σ Original Estimate",
    "Original estimate", "Time Spent", "Watchers", "Environment", "Component/s",
    "Fix Version/s", "Affects Version/s", "Last Viewed", "Work Ratio",
    "ID de la incidencia", "Tipo de incidencia", "Clave de proyecto", "Informador",
    "ID de ticket", "Type de ticket", "Clé de projet", "Rapporteur", "Vorgangs-ID",
    "Vorgangstyp", "Projektschlüssel", "Autor", "ID do item", "Tipo de item",
    "Chave do projeto", "Relator", "Statuskategorie", "Categoría de estado",
    "Catégorie d'état", "Categoria de status")

_KEY_WORDS = {"key", "clave", "cle", "schlussel", "vorgangsschlussel", "chave",
              "chiave", "sleutel"}
_NOT_KEY_WORDS = {"project", "proyecto", "projet", "projekt", "projeto", "progetto",
                  "parent", "padre", "ubergeordnet", "pai", "id", "sprint", "epic",
                  "epica", "epique", "incident", "dedup", "routing", "integration",
                  "api", "custom"}
_KEY_VALUE = re.compile(r"^[A-Z][A-Z0-9_]*-\d+$")


def _find_column(header: list[str], names) -> int | None:
    for i, h in enumerate(header):
        if normalize(h) in names:
            return i
    return None


def _find_key_by_name(header: list[str]) -> int | None:
    """The issue-key column: a known spelling, else a name with a key word in it."""
    idx = _find_column(header, COLUMNS["key"])
    if idx is not None:
        return idx
    for i, h in enumerate(header):
        words = set(normalize(h).split())
        if words & _KEY_WORDS and not words & _NOT_KEY_WORDS:
            return i
    return None


def _find_key_by_values(header: list[str], records) -> int | None:
    """The leftmost column whose cells all look like ``ABC-123`` and differ."""
    sample = [row for _, row in records[:200] if len(row) == len(header)]
    if not sample:
        return None
    for i in range(len(header)):
        values = [row[i].strip() for row in sample]
        if all(_KEY_VALUE.match(v) for v in values) and len(set(values)) == len(values):
            return i
    return None


@quiet_false
def sniff_csv(header: list[str]) -> bool:
    """True for a Jira CSV header row (any UI language we know)."""
    cells = split_header(header)
    names = {normalize(c) for c in cells}
    markers = len(names & MARKERS)
    if names & COLUMNS["key"]:
        return bool(names & COLUMNS["summary"]) or markers >= 1
    if _find_key_by_name(cells) is not None:
        return markers >= 1
    return markers >= 3


@failed("tracker_export", SOURCE, "tickets")
def parse_csv(text: str, overrides: dict | None = None) -> dict:
    """A Jira CSV export's text -> tracker_export result. ``overrides`` maps status
    words to categories."""
    header, records, problems = read_csv(text)
    key_i = _find_key_by_name(header)
    if key_i is None:
        key_i = _find_key_by_values(header, records)
    if key_i is None:
        problems.append(error(1, "no issue key column (Issue key, Key, "
                                               "Clave, Clé, Schlüssel, Chave...)"))
        return tracker_result(SOURCE, [], problems)
    cols = {role: _find_column(header, names) for role, names in COLUMNS.items()}
    label_cols = [i for i, h in enumerate(header) if normalize(h) in COLUMNS["labels"]]
    if cols["status"] is None and cols["status_category"] is None:
        problems.append(warning(1, "no status column"))
    width = len(header)
    # Jira's own date formats put the day first; a numeric a/b/yyyy file says which.
    cols["day_first"] = records_day_first(
        records, [cols[r] for r in ("created", "resolved", "due", "category_changed")],
        default=True)
    tickets, seen = [], {}
    for line, row, key in keyed_rows(records, width, lambda r: r[key_i].strip(), problems,
                                     "issue key"):
        tickets.append(_read_row(key, row, line, cols, label_cols, overrides, problems, seen))
    close_notes(seen)
    return tracker_result(SOURCE, tickets, problems)


def _read_row(key, row, line, cols, label_cols, overrides, problems, seen):
    """One CSV record (with its issue key) -> ticket."""
    status = cell(row, cols["status"])
    resolution = cell(row, cols["resolution"]) or None
    cat, problem = categorize(status, resolution, cell(row, cols["status_category"]),
                              overrides)
    if problem:
        note_once(seen, problems, line, problem, "warning")
    dmy = cols["day_first"]
    created, bad_c = read_time(cell(row, cols["created"]), dmy)
    resolved, bad_r = read_time(cell(row, cols["resolved"]), dmy)
    due, bad_d = read_day(cell(row, cols["due"]), dmy)
    for name, bad in (("created", bad_c), ("resolved", bad_r), ("due date", bad_d)):
        if bad:
            problems.append(error(line, f"{key}: {name}: {bad}"))
    resolved, source = _pick_resolved_at(cat, resolved, bad_r,
                                         cell(row, cols["category_changed"]), dmy)
    labels = []
    for i in label_cols:
        labels.extend(split_list(row[i], " ,;\t\n"))
    return ticket(key, cell(row, cols["summary"]), status, cat,
                  assignee=cell(row, cols["assignee"]), created_at=created,
                  resolved_at=resolved, due=due, labels=dedupe(labels),
                  resolved_from=source,
                  resolution=resolution, priority=cell(row, cols["priority"]) or None,
                  issue_type=cell(row, cols["issue_type"]) or None, line=line)


def _pick_resolved_at(cat, resolved, bad, changed, day_first=None):
    """(resolved_at, where it came from) for a ticket of category ``cat``.

    Only done and wont_do tickets are resolved. A closed ticket without a Resolved
    date (a workflow that never sets a resolution) falls back to the time its status
    category last changed, which is when it entered Done.
    """
    if cat not in ("done", "wont_do"):
        return None, None
    if resolved:
        return resolved, "resolved"
    if not bad and changed:
        at, _ = read_time(changed, day_first)
        if at:
            return at, "status_category_changed"
    return None, None


# ------------------------------------------------------------------------- JSON


def _is_issue(obj) -> bool:
    return isinstance(obj, dict) and "key" in obj and isinstance(obj.get("fields"), dict)


def _is_page(obj) -> bool:
    if not isinstance(obj, dict) or not isinstance(obj.get("issues"), list):
        return False
    issues = obj["issues"]
    if issues:
        return _is_issue(issues[0])
    return bool({"startAt", "maxResults", "total", "nextPageToken", "isLast"} & set(obj))


def _find_issues(doc) -> list:
    """Every issue object in one search page, a list of pages, or a list of issues. (A
    page is told by its first issue, but read whole: an odd element first does not cost
    the issues after it.)"""
    if _holds_issues(doc):
        return [i for i in doc["issues"] if _is_issue(i)]
    if _is_issue(doc):
        return [doc]
    out = []
    if isinstance(doc, list):
        for item in doc:
            if _holds_issues(item):
                out.extend(i for i in item["issues"] if _is_issue(i))
            elif _is_issue(item):
                out.append(item)
    return out


def _holds_issues(obj) -> bool:
    return isinstance(obj, dict) and isinstance(obj.get("issues"), list)


@quiet_false
def sniff_json(doc) -> bool:
    """True for a Jira REST search page (or list of pages / issues)."""
    if _is_page(doc) or _is_issue(doc):
        return True
    return isinstance(doc, list) and bool(doc) and (_is_page(doc[0]) or _is_issue(doc[0]))


def _name(value, *keys) -> str | None:
    """A Jira object field (``{"name": ...}``) or plain string -> text or None."""
    if value is None:
        return None
    if isinstance(value, dict):
        for k in keys or ("name",):
            if value.get(k):
                return str(value[k])
        return None
    return str(value) or None


def _make_browse_url(issue: dict) -> str | None:
    self_url = issue.get("self") or ""
    if "/rest/api/" in self_url and issue.get("key"):
        return self_url.split("/rest/api/")[0] + "/browse/" + str(issue["key"])
    return None


@failed("tracker_export", SOURCE, "tickets")
def parse_json(doc, overrides: dict | None = None) -> dict:
    """A Jira REST search response (parsed JSON) -> tracker_export result."""
    tickets, problems, seen, keys = [], [], {}, set()
    for n, issue in enumerate(_find_issues(doc)):
        key = str(issue.get("key") or "").strip()
        if not key:
            problems.append(error(None, f"issue #{n + 1} has no key"))
            continue
        if key in keys:   # (a problem, as a CSV's repeated key is)
            problems.append(error(None, f"duplicate issue key {key}; row skipped"))
            continue
        keys.add(key)
        t = guarded(lambda: _read_issue(key, issue, overrides, problems, seen),
                    f"issue {key}", problems)
        if t is not None:
            tickets.append(t)
    close_notes(seen)
    return tracker_result(SOURCE, tickets, problems)


def _read_issue(key, issue, overrides, problems, seen) -> dict:
    f = issue["fields"]
    status_obj = f.get("status") or {}
    status = _name(status_obj) or ""
    category = None
    if isinstance(status_obj, dict) and isinstance(status_obj.get("statusCategory"), dict):
        category = _name(status_obj["statusCategory"], "key", "name")
    resolution = _name(f.get("resolution"))
    cat, problem = categorize(status, resolution, category, overrides)
    if problem:
        note_once(seen, problems, None, problem, "warning")
    created, bad_c = read_time(f.get("created"))
    resolved, bad_r = read_time(f.get("resolutiondate"))
    due, bad_d = read_day(f.get("duedate"))
    for name, bad in (("created", bad_c), ("resolutiondate", bad_r), ("duedate", bad_d)):
        if bad:
            problems.append(error(None, f"{key}: {name}: {bad}"))
    resolved, source = _pick_resolved_at(cat, resolved, bad_r, f.get("statuscategorychangedate"))
    labels = [str(x) for x in as_list(f.get("labels")) if x]
    return ticket(key, str(f.get("summary") or ""), status, cat,
                  assignee=_name(f.get("assignee"), "displayName", "name",
                                 "emailAddress", "accountId"),
                  created_at=created, resolved_at=resolved, due=due,
                  labels=dedupe(labels), url=_make_browse_url(issue), resolution=resolution,
                  resolved_from=source,
                  priority=_name(f.get("priority")),
                  issue_type=_name(f.get("issuetype")))


FORMATS = (
    Format("jira-csv", TRACKER, CSV, sniff_csv, lambda text, options: parse_csv(text, options.status_map)),
    Format("jira-json", TRACKER, JSON, sniff_json, lambda doc, options: parse_json(doc, options.status_map)),
)
