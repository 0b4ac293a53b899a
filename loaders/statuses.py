"""Tracker status words -> one of four categories: todo, in_progress, done, wont_do.

Reads the status, resolution and status-category strings trackers write (Jira, GitHub,
Linear, hand-made CSVs) in English, Spanish, French, German and Portuguese, with a few
Italian and Dutch words. Matching ignores case, accents, apostrophes and ``-``/``_``.

The rule, in order:
1. ``overrides`` (status word -> category) from the caller win.
2. A status category (Jira's ``Status Category`` column, or its ``new`` /
   ``indeterminate`` / ``done`` keys) is authoritative for todo / in_progress / done.
3. Otherwise the status word decides.
4. A done status becomes wont_do when the status word or the resolution says so
   (``Won't Do``, ``Duplicate``, ``Cannot Reproduce``, ``not_planned``...).
5. An unknown status with a known resolution takes the resolution's category; an
   unknown status otherwise is todo, with a problem that names it.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

CATEGORIES = ("todo", "in_progress", "done", "wont_do")

_TODO = """
to do|todo|open|opened|new|backlog|triage|needs triage|untriaged|reopened|re opened|
selected for development|ready|ready for development|ready for dev|ready to start|
planned|unstarted|not started|pending|waiting|on hold|icebox|proposed|submitted|draft|
requested|idea|scheduled|next|up next|accepted|confirmed|awaiting triage|
por hacer|tareas por hacer|pendiente|pendientes|abierto|abierta|nuevo|nueva|
reabierto|reabierta|seleccionado para desarrollo|lista de pendientes|en espera|
sin empezar|no iniciado|
a faire|ouvert|ouverte|nouveau|nouvelle|rouvert|rouverte|reouvert|reouverte|
en attente|selectionne pour le developpement|a traiter|non commence|
zu erledigen|aufgaben|offen|neu|wiedereroffnet|erneut geoffnet|
ausgewahlt fur die entwicklung|ausgewahlt fur entwicklung|wartend|nicht begonnen|
a fazer|itens pendentes|tarefas pendentes|pendente|aberto|aberta|novo|nova|
reaberto|reaberta|selecionado para desenvolvimento|em espera|nao iniciado|
da fare|da completare|aperto|nuovo|riaperto|
te doen|nieuw|heropend
"""

_IN_PROGRESS = """
in progress|progress|doing|started|active|in development|development|developing|
in dev|dev|implementing|in review|review|code review|under review|in code review|
peer review|ready for review|awaiting review|pending review|needs review|in testing|
testing|qa|in qa|ready for qa|verifying|in verification|verification|validating|
blocked|impeded|investigating|in analysis|analysis|staging|deploying|in deployment|
ready for release|ready to deploy|ready for deploy|awaiting deployment|acknowledged|
en curso|en progreso|en revision|en desarrollo|en pruebas|bloqueado|bloqueada|
en proceso|en analisis|
en cours|en revue|en cours de revue|en developpement|en test|en tests|bloque|bloquee|
en verification|
in arbeit|in bearbeitung|in prufung|in uberprufung|in entwicklung|im test|blockiert|
in review|in prufung|
em andamento|em progresso|em revisao|em desenvolvimento|em teste|em testes|
bloqueado|bloqueada|em analise|
in corso|in lavorazione|in revisione|bloccato|
in uitvoering|bezig|in behandeling|geblokkeerd
"""

_DONE = """
done|closed|close|resolved|complete|completed|fixed|released|deployed|shipped|
merged|finished|verified|live|delivered|solved|implemented|
listo|lista|hecho|hecha|finalizado|finalizada|cerrado|cerrada|resuelto|resuelta|
completado|completada|terminado|terminada|corregido|corregida|
termine|terminee|fait|faite|ferme|fermee|resolu|resolue|clos|close|fini|finie|
livre|livree|corrige|corrigee|
fertig|erledigt|geschlossen|gelost|abgeschlossen|behoben|
concluido|concluida|itens concluidos|feito|feita|fechado|fechada|resolvido|resolvida|
finalizado|pronto|corrigido|
completato|completata|fatto|chiuso|chiusa|risolto|risolta|
gereed|klaar|afgerond|gesloten|opgelost
"""

_WONT_DO = """
wont do|will not do|wont fix|wontfix|will not fix|wont implement|not planned|
canceled|cancelled|cancel|declined|rejected|duplicate|duplicated|dupe|
cannot reproduce|cant reproduce|can not reproduce|not reproducible|
unable to reproduce|works as designed|working as intended|works as intended|
invalid|obsolete|abandoned|out of scope|not a bug|not doing|discarded|dropped|not adopted|
incomplete|stale|
no se hara|no se hace|no se resolvera|no se corregira|cancelado|cancelada|
rechazado|rechazada|descartado|descartada|duplicado|duplicada|
no se puede reproducir|no reproducible|
ne sera pas fait|ne sera pas corrige|ne sera pas resolu|annule|annulee|abandonne|
abandonnee|refuse|refusee|rejete|rejetee|doublon|duplique|impossible a reproduire|
non reproductible|
wird nicht erledigt|wird nicht behoben|wird nicht umgesetzt|abgebrochen|abgelehnt|
storniert|verworfen|duplikat|dupliziert|nicht reproduzierbar|
nao sera feito|nao sera corrigido|nao sera resolvido|cancelado|cancelada|recusado|
recusada|rejeitado|rejeitada|descartado|descartada|duplicado|duplicada|
nao e possivel reproduzir|nao reproduzivel|
non verra fatto|annullato|annullata|rifiutato|duplicato|
wordt niet gedaan|geannuleerd|afgewezen|dubbel
"""

# Jira status-category names and keys, in every UI language we know. Only the three
# Jira categories exist here: wont_do is never a category of its own.
_CATEGORY_NAMES = {
    "new": "todo", "indeterminate": "in_progress", "done": "done",
    "to do": "todo", "todo": "todo", "in progress": "in_progress",
    "por hacer": "todo", "tareas por hacer": "todo", "en curso": "in_progress",
    "en progreso": "in_progress", "listo": "done", "hecho": "done",
    "a faire": "todo", "en cours": "in_progress", "termine": "done",
    "terminee": "done", "fait": "done",
    "zu erledigen": "todo", "aufgaben": "todo", "in arbeit": "in_progress",
    "fertig": "done", "erledigt": "done",
    "a fazer": "todo", "itens pendentes": "todo", "pendente": "todo",
    "em andamento": "in_progress", "em progresso": "in_progress",
    "itens concluidos": "done", "concluido": "done", "concluida": "done",
    "da completare": "todo", "da fare": "todo", "in corso": "in_progress",
    "completato": "done", "te doen": "todo", "in uitvoering": "in_progress",
    "gereed": "done",
}

# Resolutions that mean "nothing resolved yet": they say nothing about the category.
_NO_RESOLUTION = {
    "", "unresolved", "none", "null", "not resolved", "sin resolver", "no resuelta",
    "no resuelto", "non resolu", "non resolue", "nicht erledigt", "ungelost",
    "nao resolvido", "nao resolvida", "irrisolto", "non risolto", "onopgelost",
    "reopened", "open",
}

# Resolutions that mean the work was done (others known are in _WONT_DO).
_DONE_RESOLUTIONS = {
    "done", "fixed", "complete", "completed", "resolved", "released", "implemented",
    "delivered", "solved", "answered", "configuration changed",
    "listo", "hecho", "resuelta", "resuelto", "corregido", "finalizado",
    "fait", "resolu", "resolue", "corrige", "termine",
    "erledigt", "behoben", "fertig", "gelost",
    "feito", "resolvido", "resolvida", "corrigido", "concluido", "concluida",
    "fatto", "risolto", "opgelost", "gereed",
}


def _table(block: str, category: str) -> dict[str, str]:
    words = [w.strip() for w in block.replace("\n", "").split("|")]
    return {w: category for w in words if w}


_STATUS_WORDS: dict[str, str] = {}
for _block, _cat in ((_TODO, "todo"), (_IN_PROGRESS, "in_progress"),
                     (_DONE, "done"), (_WONT_DO, "wont_do")):
    _STATUS_WORDS.update(_table(_block, _cat))
_WONT_DO_WORDS = set(_table(_WONT_DO, "wont_do"))


@lru_cache(maxsize=4096)
def normalize(word) -> str:
    """A status / header word folded for lookups: lower case, no accents, no
    apostrophes, ``-``, ``_``, ``/`` and ``.`` as spaces, single spaces."""
    if word is None:
        return ""
    s = unicodedata.normalize("NFKD", str(word).casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("\u2019", "").replace("'", "").replace("`", "").replace("\u00b4", "")
    for ch in "-_/.:()[]":
        s = s.replace(ch, " ")
    return " ".join(s.split())


def status_word_category(word) -> str | None:
    """The category a bare status word names, or None when it is not known."""
    return _STATUS_WORDS.get(normalize(word))


def category_name(value) -> str | None:
    """The category a status-category cell names (``To Do``, ``indeterminate``,
    ``En curso``...), or None. Also accepts our own names (``in_progress``)."""
    n = normalize(value)
    if n in _CATEGORY_NAMES:
        return _CATEGORY_NAMES[n]
    n2 = n.replace(" ", "_")
    return n2 if n2 in CATEGORIES else None


def resolution_category(resolution) -> str | None:
    """``done`` or ``wont_do`` for a resolution word, None when empty / unresolved /
    unknown."""
    n = normalize(resolution)
    if n in _NO_RESOLUTION:
        return None
    if n in _WONT_DO_WORDS:
        return "wont_do"
    if n in _DONE_RESOLUTIONS:
        return "done"
    return None


def _override(status, overrides) -> tuple[str | None, str | None]:
    if not overrides:
        return None, None
    wanted = normalize(status)
    for word, cat in overrides.items():
        if normalize(word) == wanted:
            c = category_name(cat)
            if c is None:
                return None, f"override for status '{status}' names unknown category '{cat}'"
            return c, None
    return None, None


def categorize(status, resolution=None, status_category=None,
               overrides: dict | None = None) -> tuple[str, str | None]:
    """(category, problem or None) for one ticket's status fields, all strings or None.

    ``overrides`` maps status words to categories (any spelling ``category_name``
    reads) and wins over everything else.
    """
    try:
        return _categorize(status, resolution, status_category, overrides)
    except Exception as e:  # never let a strange value stop a load
        return "todo", f"could not read status {status!r}: {e}"


def _categorize(status, resolution, status_category, overrides):
    cat, problem = _override(status, overrides)
    if cat:
        return cat, None
    word_cat = status_word_category(status)
    res_cat = resolution_category(resolution)
    cat = category_name(status_category) if status_category else None
    if cat is None:
        cat = word_cat
    if cat == "done" and (word_cat == "wont_do" or res_cat == "wont_do"):
        return "wont_do", problem
    if cat is not None:
        return cat, problem
    if res_cat is not None:
        return res_cat, problem
    text = "" if status is None else str(status).strip()
    if not text:
        return "todo", problem or "missing status"
    return "todo", problem or f"unknown status '{text}'"
