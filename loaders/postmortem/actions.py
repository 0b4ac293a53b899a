"""Action items: table rows, top-level bullets and checkboxes in an action-items
section (however it is titled), and ``Action point:`` paragraphs.

Each becomes ``{"text", "owner", "due", "ticket", "status", "kind", "line"}``. A status
marker anywhere in the item (``[x]``, ``**DONE**``, ``(Done as of ...)``, strike-through,
``won't do``) decides its status; an item with no marker is open.
"""
from __future__ import annotations

import html
import re
from datetime import date

from loaders import lazy_re
from loaders import timeparse as tp
from loaders.postmortem.markdown import STRUCK, ancestors, plain
from loaders.postmortem.vocabulary import (ACTION_KINDS, DONE, DONE_OTHER, NO_VALUE, OPEN, STATUS_FIELD_DONE,
                                          STATUS_FIELD_WONT, WONT_DO, WONT_OTHER, clean_heading, is_placeholder,
                                          section_kind)

_HEADERS = {
    # (and the same words in Norwegian, Danish, Swedish, German, French, Spanish, Dutch)
    "text": lazy_re.compile(r"^(?:action(?:\s+items?)?|items?|description|tasks?|what|title|summary|"
                       r"follow[\s-]*ups?|remediation|corrective action|todo|to do|work item|name|details?|"
                       r"aksjon(?:spunkt)?|tiltak|åtgärd|ma(?:ß|ss)nahme|aufgabe|beschreibung|acci[óo]n|tarea|"
                       r"actie|beskrivelse|beskrivning|tindakan|aksi|tugas|aksiyon|eylem|vi[ệe]c\s+c[ầa]n\s+l[àa]m|h[àa]nh\s+đ[ộo]ng"
                       r"|n[ộo]i\s+dung|мероприятие|действие|описание)\b|^(?:対策|内容|項目|措施|行动)", re.I),
    # ("Executive owner", "Action owner", "Business owner")
    # ("Crew / owner", as a plant's work orders head it)
    "owner": lazy_re.compile(r"^(?:(?:[\w-]+\s+(?:/\s+)?)?owners?|assignees?|actionees?|who|responsib(?:le|ility)|assigned(?:\s+to)?|dri|lead|team|crew|"
                        r"eier|ansvarlig|ansvarig|ejer|verantwortlich|zuständig|wer|responsable|responsabile|eigenaar|w[łl]a[śs]ciciel"
                        # "Dono", "Responsável", "Pilote", "Porteur", "Encargado", "Referente"
                        r"|dono|respons[áa]vel|propriet[áa]rio|pilote|porteur|encargad[oa]|referente|incaricato"
                        # Turkish and Vietnamese: "Sorumlu", "Người phụ trách"
                        r"|sorumlu|ng[ưu][ờo]i\s+ph[ụu]\s+tr[áa]ch|ph[ụu]\s+tr[áa]ch|ответственн(?:ый|ые|ая)|исполнитель"
                        r"|accountable|odpowiedzialn[ya]"
                        # "PIC" (person in charge, as Indonesian and other Asian teams head the column;
                        # Japanese teams' English, "Person in charge", in full)
                        r"|pic|person\s+in\s+charge|penanggung\s+jawab"
                        # a forces' or a government's "OPR" (office of primary responsibility), "POC"
                        r"|opr|poc"
                        # "Quién", "Quem", "Qui": the column that asks who
                        r"|qui[ée]n|quem|qui)\b"
                        r"|^(?:主担当|担当|責任者|负责人|负责|담당)", re.I),
    # ("Suspense", "Suspense date": the forces' word for when it is due)
    "due": lazy_re.compile(r"^(?:due(?:\s+date)?|deadline|eta|suspense(?:\s+date)?|(?:target|expected|planned|completion)(?:\s+(?:date|by))?"
                      # ("Scheduled End", "Planned end date": a ticketing tool's end of the task)
                      r"|(?:scheduled|planned|target)\s+end(?:\s+date)?"
                      r"|by when|by(?=\s*$)|when|date|frist|forfall|termin|fälligkeit|fällig(?:\s+am)?|bis(?=\s*$)|fecha\s+l[ií]mite|échéance"
                      # "Cuándo", "Quando", "Fecha compromiso", "Data prevista": when, as Spanish and Portuguese ask it
                      r"|cu[áa]ndo|quando|quand|fecha(?:\s+(?:de\s+)?(?:compromiso|objetivo|prevista|entrega))?|data\s+(?:prevista|limite|alvo)"
                      r"|prazo|plazo|scadenza|termine|deadline|klart\s+senast|senast|tenggat(?:\s+waktu)?|batas\s+waktu"
                      r"|son\s+tarih|h[ạa]n(?:\s+ch[óo]t)?|th[ờo]i\s+h[ạa]n|срок(?:\s+исполнения)?|дедлайн)\b"
                      r"|^(?:期限|期日|締切|截止|기한|마감)", re.I),
    # ("Task ID", "Change No.": the record's own number, as a ticketing tool's export heads it)
    "ticket": lazy_re.compile(r"^(?:[\w-]+\s+(?:id|no\.?|number)$|tickets?|bugs?|issues?|jira|links?|tracking|ref(?:erence)?|tracker|pr|record|"
                         r"(?:change|work)\s+order|change\s+(?:record|request)|"
                         # a maintenance system's work order, "Maximo WO"; "Réf. GMAO" (its reference)
                         r"(?:[\w-]+\s+)?wo|r[ée]f\.(?:\s+[\w-]+)?$|(?:problem|incident|defect)\s+(?:record|ticket|ref(?:erence)?)|"
                         # "MOC / WO": a change record or a work order, whichever the row has
                         r"(?:moc|wo|cr|chg|capa)(?:\s*/\s*(?:moc|wo|cr|chg|capa|ticket))+$|"
                         r"github|linear|id|key|referanse|referens|referenz|r[ée]f[ée]rence|refer[êe]ncia|referencia|riferimento"
                         r"|chamado|kay[ıi]t|задача|тикет)\b|^(?:追跡|チケット|链接|跟踪)", re.I),
    "kind": lazy_re.compile(r"^(?:type|kind|category|class)\b", re.I),
    # ("Decision", a suggested follow-up's: accepted, rejected)
    "status": lazy_re.compile(r"^(?:status|state|done|progress|complete[d]?|decision|estado|statut|[ée]tat|situa[çc][ãa]o|stato|durum"
                         r"|tr[ạa]ng\s+th[áa]i|статус|состояние)\b"
                         r"|^(?:状態|ステータス|進捗|対応状況|状況|状态|进度|상태)", re.I),
    "skip": lazy_re.compile(r"^(?:#|no\.?|n|priority|prio|sev|severity|effort|size)$", re.I),
}
# (the guards below, "(?=[...])" and a literal first: a search tries each pattern only where a
# match can start, not at every character of a cell or a line; tests/test_first_letters.py
# checks that each guard names every first character)
# (not a form's number, "QF-7.5-03": a key is followed by no ".5")
# (not the month and year of a day written "30-APR-2025", as telecom and mainframe reports write dates)
_JIRA_KEY = lazy_re.compile(r"(?=[A-Z])\b(?!(?:SEV|UTC|GMT|ISO|HTTP|TLS|SHA|RFC|CVE|CWE|CAPEC|UTF|COVID|IPV|MD|P)-)"
                            r"(?!(?<=\d-)(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)-\d{4}\b)(?<![A-Z0-9]-)"
                            # (a project's key in two parts, "TOS-CR-2207", "DOC-VTS-047", is one key)
                            # (and one numbered by its year, then its own number: "MOC-CBL-24-044")
                            r"([A-Z][A-Z0-9]{1,9}(?:-[A-Z][A-Z0-9]{0,9})?-\d{1,7}(?:-\d{1,7}\b(?!-\d))?)\b(?!\.\d)")
_GH_URL = lazy_re.compile(r"https?://github\.com/([\w.-]+/[\w.-]+)/(?:issues|pull)/(\d+)")
_LINEAR_URL = lazy_re.compile(r"https?://linear\.app/[\w.-]+/issue/([A-Z][A-Z0-9]+-\d+)")
_BROWSE = lazy_re.compile(r"/browse/([A-Z][A-Z0-9]+-\d+)")
_GH_SHORT = lazy_re.compile(r"(?<![\w/.-])([\w.-]{1,100}/[\w.-]{1,100})#(\d+)\b")
# a ServiceNow record's number: its table's prefix and seven digits ("PTASK0012001", "CHG0031337")
# a Phabricator task: "T4472", "[T4471](https://phabricator.../T4471)"
_PHABRICATOR = lazy_re.compile(r"(?<![\w/+\-.])(T\d{3,7})(?=[\s.,;:)\]]|$)")
# (and a BMC Remedy record's: its prefix and twelve digits, "TAS000000034511", "CRQ000000123456")
_SERVICENOW = lazy_re.compile(r"(?=[A-Z])\b((?:PRB|PTASK|PRBTASK|INC|CHG|CTASK|RITM|REQ|SCTASK|TASK)\d{7}"
                              r"|(?:INC|TAS|PBI|PKE|CRQ|WO|REQ|SRQ|RLM)0\d{8,11})\b")
# (its value whole, however many parts: "Reference: CAPEX-24-019", "Ref: HMD-2024-33")
_KEYED_FIELD = lazy_re.compile(r"\b(?i:ref|reference|ticket|issue|jira|change|cr)\s*[:#]\s*([A-Z][A-Z0-9]{1,9}(?:-[A-Z0-9]{1,9}){0,2}-\d{1,7})\b(?!\.\d)")
_HASH = lazy_re.compile(r"#(?<![\w&/]#)(\d{1,7})\b")   # (the "#" first, the look behind after it)
# a tracker's project key before its number: "[ADO#48213]" (Azure Boards), "infra#88" (a
# sibling repository's issue, as GitHub shortens it)
_KEYED_HASH = lazy_re.compile(r"(?<![\w/.&#-])([A-Za-z][\w-]{1,30}#\d{1,7})\b")
# a link to a tracker's item: an issue, pull/merge request, ticket or bug path, or a
# path ending in a number (a product page or a doc is not a ticket)
_TRACKER_URL = lazy_re.compile(r"https?://[^\s)>\]]*?(?:/(?:issues?|pulls?|merge_requests|tickets?|bugs?|browse|"
                          r"tasks?|cards?|stories|story|work_?items?|show_bug\.cgi)\b[^\s)>\]]*"
                          r"|/\d+(?=[\s)>\],.]|$))", re.I)
# ("Responsible: Kim" and "(Responsibility: Network Planning – West; ...)" name one; "for
# responsible disclosure" does not)
# (and in other languages, as a field: "responsable : Malik Benali", "Responsable: Rodrigo
# Méndez.", "responsável: Beatriz Nunes", "Verantwortlich: Lea Hoffmann", "eigenaar: Femke
# de Vries", "ansvarig: Oskar Lund", "PIC: Dimas")
_OWNER = lazy_re.compile(r"(?=[acdeoprvwACEPRVW담担负])(?:\b(?:owner|assignee|assigned to|owned by)\b|\bDRI\b"
                    # ("Accountable executive: Simon Achterberg, CIO", as a regulator's report names who answers for it)
                    r"|\b(?:accountable(?:\s+(?:executive|owner|person|manager))?"
                    r"|responsible|responsibility|responsable|responsabile|respons[áa]vel|verantwortlich|eigenaar|ansvarig|ansvarlig"
                    r"|w[łl]a[śs]ciciel|porteur|pilote|encargad[oa]|odpowiedzialn[ya]"
                    # ("Resp: Sione Fa'alogo. By: 15/03/2024.": responsible, shortened)
                    r"|resp\.?|verantw\.?"
                    # ("· Assigned: J. Mensah ·": a help desk's field, the person it is assigned to)
                    r"|assigned"
                    r"|pic|penanggung\s+jawab)\s*(?=[:=])|담당(?=\s*:)"
                    r"|担当(?:者)?(?=\s*[:：])|负责人(?=\s*[:：]))\s*(?:[:=\-–：]|::(?=\s))?[*_]*\s*"
                    # (a second word, or a team's name joined by "&": "Identity & Access Management", "O&M South";
                    # an initial before a name: "J. Petersen")
                    # (a title or a rank before them: "Supt. M. Oyelaran", "Dr. Okafor", "Insp. R. Hale")
                    r"(@?(?:(?-i:Mrs?|Ms|Mx|Dr|Prof|Supt|Insp|Sgt|Det|Capt|Lt|Cdr|Cmdr|Col|Maj|Rev)\.\s?(?=(?-i:[A-Z])))?"
                    r"(?:(?-i:[A-Z])\.\s?(?=(?-i:[A-Z]))){0,2}[\w-]+(?:&[\w-]+)?(?:\.[\w-]+)*(?:\s+&\s+(?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+)?"
                    # (a particle between a name's parts: "Pieter de Wit", "Ludwig van der Berg")
                    r"|(?:(?:\s+(?-i:de|van|von|der|den|da|di|du|la|le|del|della|dos|das|ten|ter))+\s+(?-i:[A-Z])[\w-]+"
                    # (an apostrophe inside a name's part: "Sione Fa'alogo", "Aoife O'Brien")
                    r"|\s+(?!(?:Due|By|Ticket|Status|Priority)\b|(?-i:Target|Deadline|ETA)\b)[A-Z][\w-]+(?:['’](?!s\b)[A-Za-z][\w-]*)?)?))", re.I)
# a mention: "@kim", "@k.lindqvist", and a fediverse address, "@pip@saltmarsh.social"
_MENTION = r"@[\w-]+(?:\.[\w-]+)*(?:@[\w-]+(?:\.[\w-]+)+)?"
# the small words inside a name: "Sanne de Wit", "Ludwig van der Berg"
_PARTICLES = frozenset("de van von der den da di du la le del della dos das ten ter bin al el".split())
_PARTICLE = "(?:" + "|".join(sorted(_PARTICLES, key=len, reverse=True)) + ")"
# an item that opens with who does it: "@lee will add ...", "@lee to add ...", "@lee: add ..."
# a to-do list's status word before the item's own words: "TODO @ilse: ...", "DONE @pb: ..."
_STATUS_WORD_FIRST = lazy_re.compile(r"(?:(?:TODO|DONE|WIP|TBD)\s+(?=@))?")
_LEADING_MENTION = lazy_re.compile(r"(" + _MENTION + r")(?::\s|\s+[—–]\s|\s+(?:will|to|shall|is\s+going\s+to|owns)\b)")
# a handle opening the item, its task after it in small letters: "@sven open port 80 again",
# "@dev-kasper e2e test that logs in ..." (not "@here", "@channel": everyone, nobody's own)
_LEADING_HANDLE = lazy_re.compile(r"^(@[\w-]+(?:\.[\w-]+)*)\s+(?=[a-z0-9\"“'‘`-])")   # ("@dee `--dry-run` for ...")
_EVERYONE = {"@here", "@channel", "@everyone", "@all", "@team"}
# a mention by display name opening the item, as Confluence and Jira render one: "@Ravi
# Menon Pin `TZ` in the Dockerfile", "@Sneha Iyer Page the slots on-call"
_LEADING_DISPLAY_NAME = lazy_re.compile(r"^@([A-ZÀ-Þ][a-zß-ÿ'’-]+(?:\s[A-ZÀ-Þ][a-zß-ÿ'’-]+){0,3})(?=[\s,:—–-])")


# ... or after the task, before its ticket, due date or a note in brackets: "... on-call
# @Sam Delgado INTEG-412 due Mar 28, 2025", "... rotation @Sam Delgado (completed Mar 12)"
# a date alone, as a document editor's date chip shows one: "Oct 17", "11/14"
# (a month and day, "Oct 17", perhaps with its year, "Oct 17, 2025"; a day and month as
# Confluence writes its date lozenge, "06 Dec 2024"; or "10/17")
_CHIP = (r"(?:(?i:" + tp.MONTH_STEMS + r")[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
         r"|\d{1,2}\s+(?i:" + tp.MONTH_STEMS + r")[a-z]*\.?(?:\s+\d{4})?|\d{1,2}/\d{1,2})")
# (a name's parts may be joined by a hyphen, each with its capital: "@Mei-Lin Cho")
# (a particle between a name's parts: "@Sanne de Vries")
_DISPLAY_NAME_BEFORE_FIELDS = lazy_re.compile(r"(?<![\w@])@([A-ZÀ-Þ][a-zß-ÿ'’-]+(?:(?<=-)[A-ZÀ-Þ][a-zß-ÿ'’-]+)?"
                                             r"(?:\s(?:" + _PARTICLE + r"\s){0,2}[A-ZÀ-Þ][a-zß-ÿ'’-]+){0,2})"
                                             r"(?=\s+(?:[A-Z][A-Z0-9]{1,9}-\d|due\b|by\b|\()|\s*$"
                                             # (or a date alone after it, a doc's due-date chip, perhaps
                                             # a date mention's: "... checklist @Maya Chen Oct 17", "...
                                             # @Bart Jansen @12 februari 2025")
                                             r"|\s+@?(?:" + _CHIP + r")(?:\s+[A-Z][A-Z0-9]{1,9}-\d+)?\s*$)")
_CHIP_DATE = lazy_re.compile(_CHIP)


def _display_name(words: str) -> str:
    """The name in a display-name mention's run of capitalised words: all of two ("@Ravi
    Menon to pin ...", where the task starts in lower case), else all but the last, the
    task's first word ("@Ravi Menon Pin ...")."""
    run = words.split()
    return " ".join(run if len(run) <= 2 else run[:-1][:3])


# (a display name after the "@", as Notion writes one: "— @Sofia Marín")
# ("— @Tomás Vidal (done Jun 20)", "— @bram (done 2024-02-09)": a note in brackets after it)
# (or the last in a closing bracket's list: "(#4405, @k.lindqvist)")
# (a card's fields set apart by middle dots after it: "— @Femke · due 11 Apr 2025 · OPS-77")
# (a ticket between the dash and the mention: "— #514 @yadeyemi (done Mar 13)", "— OPS-7 @kim, due ...")
# (or a middle dot before it, as a card's fields: "#874 Alert at 85% · @ciaran.obrien · due 2025-09-30")
_TRAILING_MENTION = lazy_re.compile(r"(?:\((?:[^()@]{1,40},\s*)?|[-–—·]\s?(?:(?:[\w./-]{0,60}#\d{1,7}|[A-Z][A-Z0-9]{1,9}-\d{1,7})\s+)?)(" + _MENTION + r"(?:(?:\s(?:" + _PARTICLE + r"\s){0,2}[A-ZÀ-Þ][\w'’-]+){1,2}(?=\s*$|\s+[(\[—–-]|[,;]))?)"
                               r"(?:\)\s*$|\s*$|[,;)]|\s[-–—·]|\s\()"
                               r"|\s(" + _MENTION + r")\s*$")  # "... scheduled @kim": a closing mention
# "... healthcheck [CF to write story]", "... slack channel [IBG] [done]": the initials
# of who does it, in brackets at the end of the item (tags such as [WIP] aside)
_BRACKET_INITIALS = lazy_re.compile(r"\[([A-Z]{2,4})(?:\s+to\s+[^\]\n]{1,40})?\](?=(?:\s*\[[^\]\n]{1,20}\])*\s*$)")
# "Runtime team — add a smoke test for the proxy — 2026-08-07", "**me** — Lower the
# keepalive — 2025-09-23 — landed in a3f291": who, what and by when, set apart by dashes
# (the dashes in the task itself aside: the first part is short, and a later part is
# only a date, or a quarter: "2026-Q3")
# (two hyphens are the dash of a keyboard without one: "... fails twice -- Mei Tanaka -- #412")
# (each run of spaces tried once, from its first: "\s+" tried at every space of a long run,
# each try running to its end, was quadratic; the same matches)
_DASHES = lazy_re.compile(r"(?<!\s)\s++(?:[—–·]|--)\s+")   # (a middle dot sets fields apart as a dash does: "... · Owen Marsh · SWB-1180 · done")
_QUARTER = lazy_re.compile(r"^(?:\d{4}[-\s]?Q[1-4]|Q[1-4][-\s]\d{4})$", re.I)
_INITIALS = lazy_re.compile(r"^[A-Z]{2,3}$")
# capitals that name a thing, not who does the work ("— API —", "— DNS —")
_NOT_OWNER_INITIALS = frozenset("API DNS CDN DB SQL UI UX OS VM TLS SSL SSO MFA BGP ETL SLA SLO RCA PR ADR CSV URL "
                                "AWS GCP CPU RAM SSD HDD VPN LB CI CD ETA EOD EOW EOM".split())
_NOT_INITIALS = {"WIP", "TBD", "TBC", "TBA", "TODO", "DONE", "NA", "HIGH", "LOW", "MED", "MID", "NEW", "OPEN", "NOTE"}
# (a year-first date may be written with "/" or ".", as Japanese and Chinese teams write it)
# (and a day and a month in numbers, "Due 19.04.2024", "due 22/03/2024", or a month and a
# day alone, "due 9/27", read where their values allow one order only)
# (and "by" or "deadline" in the other languages: "entro il 15/11/2024", "Son tarih:
# 30.04.2024", "uiterlijk 28 maart", "tenggat 20/09", "senast 1/12", "hạn chót", "do dnia")
# a weekday before a date, perhaps: "Tuesday, April 15", "Fri 21/3"
_WEEKDAY_OPEN = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s+)?"
_DUE = lazy_re.compile(r"(?=[abdetfpésuh기📅期截])(?:\b(?:due(?:\s+date)?|by|before|deadline|eta|target(?:\s+(?:completion\s+)?date|\s+completion|ed\s+(?:for|by))?|[ée]ch[ée]ance|fecha\s+l[íi]mite"
                  r"|estimated\s+completion(?:\s+date)?|termin"
                  r"|prazo|plazo|scadenza|f[äa]llig(?:\s+am)?|bis|entro(?:\s+il)?|son\s+tarih|uiterlijk|tenggat|senast|frist"
                  # ("para el 31/01", "pour le 15/03", "avant le 15/03", "antes del 31/01": by the day)
                  r"|para\s+(?:el|o)|pour\s+le|avant\s+le|antes\s+del?"
                  r"|h[ạa]n(?:\s+ch[óo]t)?|do\s+dnia"
                  # ("Date limit: 28/02/2025", "até 21/06/2024", "hasta el 15/03", "Datum: 2025-10-20")
                  r"|date\s+limit|at[ée]|hasta(?:\s+el)?|datum(?=\s*:))|기한(?=\s*:)|기한(?=\s+\d)|期限(?=\s*[:：])|截止(?:日期|时间)?(?=\s*[:：])|📅\ufe0f?)\s*(?:[:=：]|::(?=\s))?[*_]*\s*"
                  # ("by Friday (Jun 27)", "before Mother's Day (May 11)": a day named, its date in brackets)
                  r"(?:(?-i:(?:[A-Z][\w'’]*\s+){0,2}[A-Z][\w'’]*)\s*\((?=[^()]{3,20}\)))?"
                  r"[@<]?" + _WEEKDAY_OPEN +   # ("target completion Tuesday, April 15";
                  #                                                        Notion's date mention, "Due: @May 8, 2020";
                  #                                                        an outliner's "DEADLINE: <2025-03-07 Fri>")
                  r"((?:\d{4}(?:-\d{1,2}-|/\d{1,2}/|\.\d{1,2}\.|年\d{1,2}月)\d{1,2}日?)|\d{1,2}월\s*\d{1,2}일|\d{1,2}月\d{1,2}日|"
                  r"\d{1,2}([./-])\d{1,2}\2\d{4}(?!\d)|\d{1,2}/\d{1,2}(?![/\d])|"
                  r"\d{1,2}\.\d{1,2}\.(?!\d)|"   # ("by 30.04.": a German-style day and month)
                  r"\d{1,2}-[A-Z][a-z]{2}-\d{4}(?!\d)|"   # ("Target: 15-Sep-2024")
                  r"\d{1,2}/[A-Z][a-z]{2}/\d{2}(?:\d{2})?(?!\d)|"   # ("due 25/Jul/25", as Jira prints a day)
                  r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?!\d)(?:,?\s+\d{4})?)|"   # (not "December 2024", a month)
                  r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?)|"
                  # ("by end of April", "by the end of March 2025": the month's last day)
                  r"(?:(?:the\s+)?end\s+of\s+(?:" + tp.MONTH_STEMS + r")[a-z]*\.?(?:\s+\d{4})?)|"
                  # ("due DOY 190 (8 Jul)": a facility's day of the year)
                  r"DOY\s?\d{1,3}(?!\d)(?:\s*\([^()]{3,20}\))?)", re.I)
# "Action point: ...", "TODO ...", "**Follow-up**: ...": a labelled item (possessive
# spaces: a run of them after the label costs linear time, not cubic)
# (not a message sent later, by its time: "Follow-up at 07:25Z:" over the quoted update)
# (nor the next meeting: "Follow-up review Thursday 28 November 2024 at 10:00", "Follow-up
# check on actions: Wednesday, November 20, 2024, 10:00 CT")
_ACTION_POINT = lazy_re.compile(r"^\s*+(?:\*\*|__)?(?:action\s*+(?:point|item)|AI|TODO"
                                r"|follow[\s-]*+up(?!\s++at\s++\d)(?!\s++(?:review|meeting|call|session)\s++(?:on\s++)?[\dA-Z])"
                                r"(?!\s++(?:review|meeting|call|session|check)\b[^:\n]{0,30}:\s*+(?:mon|tue|wed|thu|fri|sat|sun|\d)))"
                                r"\b\s*+(?:\d++\s*+)?"
                           r"(?::\s*+)?(?:(?:\*\*|__)\s*+)?(?::\s*+)?(?<=[\s:])(\S.*)", re.I)
# a section that says when the group meets again: "## 6. Next meeting", "Next review"
_NEXT_MEETING = lazy_re.compile(r"\bnext\s+(?:meeting|review(?:\s+meeting)?|session|check-?in)\s*$", re.I)
# a TODO left as a placeholder: a line or a field's value that is only "TODO", or "TODO(jonah)"
_PLACEHOLDER_TODO = lazy_re.compile(r"(?m)^[\s>*_#|-]*TODO[\s*_.|]*$|:[\s*_]*TODO[\s*_.]*$|\bTODO\(\w+\)")
# a status cell saying the measure was there before the incident, or is not needed:
# "Already exists", "Existing", "Not needed"
# (the whole cell, a note in brackets aside: "Existing alert — threshold still to be
# lowered" says work remains)
_NO_ACTION = lazy_re.compile(r"^\W*(?:already\s+(?:exists?|existed|in\s+place|present|there|covered)|(?:pre-?)?exist(?:s|ing)"
                        r"|not\s+(?:needed|required|applicable)|no\s+(?:action|change)s?\s+(?:needed|required))"
                        r"\W*(?:\([^()]*\))?\W*$", re.I)
_STRIKE_OPEN = lazy_re.compile(r"\s*~~")


def _struck_through(text: str) -> bool:
    r"""The whole text struck through: "~~", something, then "~~" with only marks after
    it. What ``^\s*~~.+~~\s*\W*$`` matches, found in linear time: that pattern tries
    each "~~" of a long run of tildes against the rest of the run (30,000 of them took
    5 s). The closing "~~" may be any at or after the start of the marks that end the
    text, and the first such one will do: what lies before it holds no line break if what
    lies before any later one holds none."""
    m = _STRIKE_OPEN.match(text)
    if m is None:
        return False
    marks = len(text)   # where the text's closing run of non-word characters starts
    while marks and not (text[marks - 1].isalnum() or text[marks - 1] == "_"):
        marks -= 1
    close = text.find("~~", max(m.end() + 1, marks - 2))
    return close != -1 and "\n" not in text[m.end():close]
# (or "[-]", a box neither open nor ticked: cancelled to some tools, half done to others, so
# the item's own words say which)
_CHECK = lazy_re.compile(r"^\[([ xX✓✔-])\]\s*")


_NUMBERED = lazy_re.compile(r"^\s*(?:\d{1,2}|[a-z])[.)]\s+")


# the plain name of a list of follow-ups, nothing more
_LIST_NAME = lazy_re.compile(r"^\W*(?:action\s*items?|actions?|follow[\s-]*ups?|next\s+steps?|to[\s-]?dos?)\W*$", re.I)


# "### Recommendations" beside "### Actions": advice (often for other teams), not the
# follow-ups the document commits to. Alone, recommendations are the action items.
_RECOMMENDS = lazy_re.compile(r"^\W*recommendations?\b", re.I)
# "### Recommended preventive measures" is advice too, where the document lists follow-ups
# outside the section it is a part of ("## Prevention measures" over it, "## Action items"
# elsewhere), not when they are its siblings: "## Action items" over "### Immediate
# actions" and "### Recommended actions" is one list
_RECOMMENDED = lazy_re.compile(r"^\W*recommended\b", re.I)


# a list of work its heading says is done: "## Guardrails added", "## Remediation (all
# completed)", "### Immédiat (Fait) :", "## 已添加的防护措施" (protections added)
_DONE_HEADING = lazy_re.compile(r"(?<!to be )(?<!will be )(?<!should be )(?<!must be )(?<!not )(?<!yet to be )"
                           r"\b(?:added|implemented|landed|shipped|put\s+in\s+place)"
                           r"\s*(?:\((?![^()]*\b(?:partial(?:ly)?|pending|open|still|some|not|remaining)\b)[^()]*\))?\s*$"
                           r"|\(\s*all\s+(?:done|completed?|finished|implemented)\s*\)"
                           # "### Immediate (done)", "### Immédiat (Fait) :", "### Inmediato (hecho)"
                           r"|\(\s*(?:done|completed?|finished|fait|faits|termin[ée]e?s?|r[ée]alis[ée]e?s?|hecho|hechas?"
                           r"|completad[oa]s?|erledigt|umgesetzt|feito|feitas?|conclu[íi]d[oa]s?)\s*\)\s*[:：]?\s*$"
                           r"|^\W*已(?:添加|完成|实施|上线|落地|部署)", re.I)


def _action_sections(doc) -> list:
    """The action-item sections, recommendations set aside when the document has
    action items of its own elsewhere."""
    secs = _with_like_siblings(doc, doc.of_kind("actions"))

    # (an "Action items" heading and its "### Short-term" / "### Long-term" parts are one
    # list; a bold line with the plain name of a list, "**Action items**", after "## Fixes
    # required" and its parts is a list of its own: a bold line has no depth)
    def top(s):
        while s.parent is not None and doc.kinds.get(id(s.parent)) == "actions" and not (
                s.level == 7 and _LIST_NAME.match(clean_heading(plain(s.title)))
                and not _LIST_NAME.match(clean_heading(plain(s.parent.title)))):
            s = s.parent
        return id(s)

    # (a bold line has no depth: "**Action items**" after the recommendations may as well
    # stand beside them as under them, and its name says it is neither advice nor a part)
    def own_list(s) -> bool:
        return s.level == 7 and section_kind(s.title, whole=True) == "actions" \
            and not _RECOMMENDED.match(clean_heading(s.title))

    def kept_with_status(s) -> bool:   # a tracker's table or a checklist
        return any(b.kind == "table" and _is_tracked_table(b) for b in s.blocks) or is_checklist(s)

    advice: set[int] = set()
    for s in secs:   # (document order: a parent comes before the sections under it)
        title = clean_heading(s.title)
        if _RECOMMENDS.match(title) or (_RECOMMENDED.match(title) and any(
                top(o) != top(s) or (own_list(o) and o.parent is s) for o in secs)) \
                or (s.parent is not None and id(s.parent) in advice and not own_list(s)):
            advice.add(id(s))
    # the only list kept with its status is the team's own, whatever its heading calls it:
    # "## Recommendations" over "- [x] ..." / "- [ ] ...", beside plain "## Prevention strategies"
    if advice and not any(id(s) not in advice and kept_with_status(s) for s in secs):
        owned = {top(s) for s in secs if id(s) in advice and kept_with_status(s)}
        advice = {id(s) for s in secs if id(s) in advice and top(s) not in owned}
    if advice and len(advice) < len(secs):
        secs = [s for s in secs if id(s) not in advice]
    # one of them a tracker's table (an action column with a status, owner or due date):
    # the list the team keeps; the others tell the same work as plans, scripts and notes
    if len(secs) < 2:
        return secs
    tracked = {top(s) for s in secs if kept_with_status(s)}
    if tracked and len(tracked) < len({top(s) for s in secs}):
        # (a list its heading says is done, "## Remediation (all completed)", is work
        # finished, which a list kept for what is still to do does not retell)
        kept = [s for s in secs if top(s) in tracked]
        said = _words_of(kept)
        done = {id(s) for s in secs if top(s) == id(s) and _DONE_HEADING.search(clean_heading(plain(s.title)))
                and not _retold(s, said)}
        # (and a list whose items name their owners is kept work too: "## Our actions"
        # beside the vendor's tracked table; so is a list in a report of its own, a part
        # of the document with its own timeline that the tracked list is not in: the
        # vendor's "### Next steps" under "## Tollgate's incident summary")
        parts = _own_reports(doc, [s for s in secs if top(s) in tracked])
        return [s for s in secs if top(s) in tracked or top(s) in done
                or _fielded_items([b for b in s.blocks if b.kind == "item"])
                or (any(id(a) in parts for a in ancestors(s)) and not _retold(s, said))]
    return secs


_WORDS = lazy_re.compile(r"[^\W\d_]{4,}")


def _own_reports(doc, kept: list) -> set[int]:
    """id() of the sections that hold a timeline of their own and none of ``kept``: the
    parts of a document that are a report of their own (a vendor's, pasted below the
    team's notes)."""
    outside = {id(a) for s in kept for a in (s, *ancestors(s))}
    return {id(a) for t in doc.of_kind("timeline") for a in ancestors(t) if id(a) not in outside}


def _words_of(secs) -> list[set[str]]:
    """Each item's (and table row's) words of four letters or more, lower-cased."""
    out = []
    for s in secs:
        for b in s.blocks:
            texts = [b.text] if b.kind == "item" else [" ".join(c) for _, c in b.rows[1:]] if b.kind == "table" else []
            out.extend({w.lower() for w in _WORDS.findall(plain(t))} for t in texts)
    return [w for w in out if w]


def _retold(s, said: list[set[str]]) -> bool:
    """Do most of ``s``'s items retell items in ``said`` (half their words or more)?"""
    mine = _words_of([s])
    if not mine or not said:
        return False
    told = sum(1 for w in mine if any(len(w & o) * 2 >= len(w) for o in said))
    return told * 2 > len(mine)


def _header(b) -> tuple[str, ...]:
    return tuple(plain(c).lower() for c in b.rows[0][1]) if b.rows else ()


def _with_like_siblings(doc, secs: list) -> list:
    """``secs`` and the sections beside one of them (the same parent and level, a heading
    of no kind or one naming improvements, never work done during the incident: see
    _may_be_a_part) holding a table with the same tracked columns as its action table:
    "### Preventive measures", "### Detection improvements", "### Process changes" under
    one plan, each an "| Action | Owner | Status |" table, are one list in parts."""
    # (only a table as wide as one of theirs can have its columns: where no section beside
    # them holds one, there is nothing to look for, and their own tables go unread here)
    widths = {len(b.rows[0][1]) for s in secs if s.parent is not None for b in s.blocks if b.kind == "table" and b.rows}
    known = {id(s) for s in secs}
    places = {(id(s.parent), s.level) for s in secs if s.parent is not None}
    beside = [s for s in doc.secs if id(s) not in known and s.parent is not None and (id(s.parent), s.level) in places
              and any(b.kind == "table" and b.rows and len(b.rows[0][1]) in widths for b in s.blocks)]
    if not beside:
        return secs
    headers: dict = {}
    for s in secs:
        if s.parent is not None:
            for b in s.blocks:
                if b.kind == "table" and _is_tracked_table(b):
                    headers.setdefault((id(s.parent), s.level), set()).add(_header(b))
    if not headers:
        return secs
    extra = [s for s in beside if (same := headers.get((id(s.parent), s.level))) is not None
             and any(b.kind == "table" and _header(b) in same for b in s.blocks) and _may_be_a_part(doc, s)]
    if not extra:
        return secs
    ids = known | {id(s) for s in extra}
    return [s for s in doc.secs if id(s) in ids]


# a part of a plan: what it improves ("Detection improvements", "Process changes"); not the
# work done during the incident ("Steps taken", "Fixes applied")
_IMPROVES = lazy_re.compile(r"\b(?:improvements?|changes|measures|hardening)\b", re.I)
_DONE_THEN = lazy_re.compile(r"\b(?:taken|applied|performed|executed|during)\b", re.I)


def _may_be_a_part(doc, s) -> bool:
    title = plain(s.title)
    return not _DONE_THEN.search(title) and (doc.kinds.get(id(s)) is None or _IMPROVES.search(title) is not None)


def is_checklist(s) -> bool:
    """A list of two or more items, each a checkbox ("- [x] ...", "- [ ] ..."): a list kept
    with its status, as a tracker's table is."""
    items = [b for b in s.blocks if b.kind == "item"]
    return len(items) >= 2 and all(_CHECK.match(b.text) for b in items)


def _fielded_items(items: list) -> bool:
    """A list of two or more items at least half of which name their owner ("- Turn on
    auto-refresh — N. Achterberg — by 24/01/2025 — CHG0041882 — done"): a list kept with
    its fields, as a tracker's table is, not a plan told as bullets."""
    if len(items) < 2:
        return False
    fielded = 0
    for b in items:
        a = _from_text(b.text, b.children, b.line, None, None)
        fielded += bool(a.get("owner"))
    return fielded * 2 >= len(items)


def _is_tracked_table(b) -> bool:
    if not _is_action_table(b):
        return False
    return bool({"status", "owner", "due"} & set(_columns([plain(c) for c in b.rows[0][1]])))


# a paragraph of an item's fields: "Owner: Marcus Feld. Due 2024-03-22. Ticket: PAY-1182. Status: done."
# ("Responsible: VTS Manager · Target date: 30 June 2024 · Reference: DOC-VTS-047 · Status: Open")
_FIELDS_PARA = lazy_re.compile(r"^\W*(?:owner|assignee|dri|due|ticket|status|responsible|accountable|target(?:\s+date)?"
                               r"|reference)\b\W", re.I)
_FIELD_BREAK = lazy_re.compile(r"(?<=[.;|])\s+(?=[A-Z])|\s+·\s+(?=[A-Z])")


def _heading_fields(s) -> list[str]:
    """The fields written under an item that is a heading ("### 1. Page on consumer lag"
    over "Owner: Marcus Feld. Due 2024-03-22. Ticket: PAY-1182. Status: done."), one a
    line, as an item's sub-bullets are read: the first paragraph's lines from the first
    that opens with a field (a line of prose may describe the work above them); none
    when no line of it does."""
    first = next((b for b in s.blocks if b.kind in ("para", "item")), None)
    if first is None or first.kind != "para":
        return []
    lines = first.children
    at = next((i for i, line in enumerate(lines) if _FIELDS_PARA.match(plain(line))), None)
    if at is None:
        return []
    return [f for line in lines[at:] for f in _FIELD_BREAK.split(line.strip()) if f]


# a label over remarks, not items: "Notes on the table:", "Notes:", "Comments on items 7 and 8:"
_NOTES_LABEL = lazy_re.compile(r"^\W*(?:notes?|comments?|remarks?)\b[^:]{0,40}:\s*$", re.I)


def action_items(doc, incident_date: date | None) -> list[dict]:
    out: list[dict] = []
    for s in _action_sections(doc):
        grouped = s.parent is not None and doc.kinds.get(id(s.parent)) == "actions"
        group_kind = _kind(s.title) if grouped else None
        # "### Immediate actions (Completed)": the group's status is its items' default
        # (a status word that must be the whole heading, "### 📌 完了済み", is read without
        # the heading's leading emoji or numbering)
        group_status = (_status(plain(s.title)) or _status(clean_heading(s.title))) if grouped else None
        if group_status is None and _DONE_HEADING.search(clean_heading(plain(s.title))):
            group_status = "done"   # "## Guardrails added", "### Guardrails added" under Follow-ups
        tables = [b for b in s.blocks if b.kind == "table" and _is_action_table(b)]
        if grouped and not tables and ((fields := _field_list(s)) is not None or _heading_is_item(s)):
            # "#### 1) Cron cleanup scheduled `@owner`", "### Rate-limit the token service",
            # with prose below, or over a list of its fields: the heading is the item
            out.append(_from_text(_NUMBERED.sub("", s.title, count=1), fields or _heading_fields(s), s.line, incident_date, None))
            continue
        for b in tables:
            out.extend(_from_table(b, incident_date, group_kind, doc))
        label_status = None
        first = len(out)
        listed = [b for b in s.blocks if b.kind == "item"]
        if listed and all(plain(b.text).rstrip(" *_)").endswith(("?", "？")) and not _CHECK.match(b.text)
                          for b in listed):
            continue   # "## Still open" over "Why did the flood start?": questions, not work (a
            #            checkbox, "- [ ] Alert on low numbers?", is a task however phrased)
        noted = False   # under "Notes on the table:" after the items' table: remarks on its rows
        for b in s.blocks:
            if b.kind == "item":
                if noted:
                    continue
                if _CODE_ONLY.fullmatch(b.text.strip()) and not _JIRA_KEY.search(b.text):
                    continue   # "- `tests/update-timer-test.sh`": a file or a command named, no work
                    #            (a ticket's key in a code span, "- `OPS-4411`", is the item)
                out.append(_from_text(b.text, b.children, b.line, incident_date, group_kind,
                                      group_status or label_status))
            elif b.kind == "para":
                # "✅ Done:", "In progress:" standing over a list: its items' status
                label = b.text.strip()
                label_status = _status(plain(label)) if label.endswith(":") and len(label) <= 60 else None
                noted = bool(tables) and label.endswith(":") and _NOTES_LABEL.match(plain(label)) is not None
                if b.rows[0][1][0].strip()[:1] in _LINE_MARKS \
                        and (sum(t.strip()[:1] in _LINE_MARKS for _, (t,) in b.rows) >= 2
                             # (or a paragraph each: "☐ Tenant notification lists ... --" over
                             # "Deepa Nair, 14/02/2025, ITSM-4471", a blank line, "☐ ...")
                             or sum(o.kind == "para" and o.rows[0][1][0].strip()[:1] in _LINE_MARKS
                                    for o in s.blocks) >= 2):
                    # " ✅ **Process Enhancements**: ..." a line each, no list marker: a list
                    # written with symbols for its bullets, each its item's own ("☐ ..." is
                    # open beside "✅ ..."); a line without one goes on with the one above
                    lines: list[tuple[int, str]] = []
                    for ln, (line_text,) in b.rows:
                        if line_text.strip()[:1] in _LINE_MARKS:
                            lines.append((ln, line_text.strip()))
                        else:
                            lines[-1] = (lines[-1][0], f"{lines[-1][1]} {line_text.strip()}")
                    for ln, line_text in lines:
                        item = _from_text(line_text, [], ln, incident_date, group_kind, group_status)
                        item["text"] = item["text"].lstrip("".join(_LINE_MARKS) + "\ufe0f ")
                        out.append(item)
                    continue
                if _ITEM_KEY.match(b.text) and (_owner_field(plain(b.text)) or _DUE.search(plain(b.text))) \
                        and sum(o.kind == "para" and _ITEM_KEY.match(o.text) is not None for o in s.blocks) >= 2:
                    # "A1. Change the trigger ..." over its indented "Owner: ... Target: ..."
                    # lines, a paragraph each: a report's keyed items
                    out.append(_from_text(b.text, [], b.line, incident_date, group_kind, group_status))
                    continue
                if (told := _ordinal_items(b.text)) is not None:
                    # "We are doing three things. First, ... Second, ... Third, ...": a list told in a paragraph
                    out.extend(_from_text(part, [], b.line, incident_date, group_kind, group_status) for part in told)
                    continue
                for k, (ln, (line_text,)) in enumerate(b.rows):
                    if _CHECK.match(line_text.strip()):
                        # (the lines after it up to the next box are its text wrapped: " [x] Move
                        # the token so PR workflows" then "cannot read it (Marguerite) -- done")
                        more = []
                        for _, (nxt,) in b.rows[k + 1:]:
                            if _CHECK.match(nxt.strip()) or _ACTION_POINT.match(nxt):
                                break
                            more.append(nxt.strip())
                        out.append(_from_text(" ".join([line_text.strip(), *more]), [], ln, incident_date, group_kind,
                                              group_status))
                    # (a line that goes on with the sentence above it, "... the team's" then
                    # "follow-up process, not opened here.", is no item of its own)
                    elif (not k or b.rows[k - 1][1][0].rstrip().endswith((".", "!", "?", ":"))) \
                            and (m := _ACTION_POINT.match(line_text)):
                        out.append(_from_text(m.group(1), [], ln, incident_date, group_kind,
                                              group_status))
        _handles_as_owners(out[first:])
    out.extend(_introduced_lists(doc, incident_date, fielded=bool(doc.of_kind("actions"))))
    if not out:   # no action section, or none with an item ("### Potential improvement" in prose)
        out.extend(_checklists(doc, incident_date))
    # "Action point: ..." paragraphs anywhere outside an actions section (but not a "TODO" in
    # a draft that leaves TODOs as placeholders: "TODO — get numbers from analytics" is a
    # note to its writer)
    drafted = "TODO" in (doc.text or "") and _PLACEHOLDER_TODO.search(doc.text) is not None
    for s in doc.secs:
        if doc.kinds.get(id(s)) == "actions" or _NEXT_MEETING.search(plain(s.title or "")):
            # (nor under "## 6. Next meeting": "Follow-up check on the relay replacement at the
            # plant safety committee, Thursday, December 5" is when the group meets again)
            continue
        for b in s.blocks:
            if b.kind == "para":
                m = _ACTION_POINT.match(b.text)
                if m and not (drafted and b.text.lstrip(" *_")[:4] == "TODO"):
                    out.append(_from_text(m.group(1), [], b.line, incident_date, None))
    for a in out:
        a.pop(_HANDLE_KEY, None)   # (items read outside a list: a handle alone names no one)
        a.pop(_NAMED_FIRST_KEY, None)
    for legend, first, end in (_legends(doc) if out else ()):
        for a in out:
            if not first < a["line"] < end:
                continue   # (a key speaks for the items below it in its own section)
            line = doc.lines[a["line"] - 1] if 0 < a["line"] <= len(doc.lines) else ""
            if (said := next((legend[c] for c in line if c in legend), None)) is not None:
                a["status"] = said
    _own_numbers_are_no_tickets(out)
    _item_numbers_are_no_tickets(out)
    _reasons_name_no_tickets(out)
    _named_things_are_no_tickets(out)
    _title_keys_are_no_tickets(doc, out)
    _dues_in_the_lists_order(out, incident_date, doc.order_hint)
    out = _without_quoted_repeats(doc, out)
    # "* N/A", "- None": a list that says it holds nothing holds no action item
    return [a for a in out if a["text"].strip(" .").lower() not in NO_VALUE]


def _without_quoted_repeats(doc, items: list[dict]) -> list[dict]:
    """Items without those a reply quotes ("> * OPS-412 Raise the cache ...", under "On
    Tue, ... wrote:"): an item on a quoted line whose words another item, not quoted,
    already holds is that item again; so is, in a thread of replies (a mail's quote marks
    taken off as it is read: other_markup.from_email), a later item with an earlier one's
    words."""
    text = doc.text or ""
    thread = "wrote:" in text
    if len(items) < 2 or not thread and "\n>" not in text and not text.startswith(">"):
        return items
    raw = text.split("\n")

    def quoted(a: dict) -> bool:
        line = raw[a["line"] - 1] if 0 < (a.get("line") or 0) <= len(raw) else ""
        return thread or line.lstrip()[:1] == ">"

    def words(a: dict) -> str:
        return " ".join(a["text"].lower().split())[:40]

    kept: set[int] = set()
    said: set[str] = set()
    for a in sorted(items, key=quoted):   # (the items not quoted first; in order otherwise)
        if not (quoted(a) and words(a) in said):
            kept.add(id(a))
        said.add(words(a))
    return [a for a in items if id(a) in kept]


# an item's own number opening it: "CAPA-3 – Import pricing ...", "CA-01 ...", "[AI-5] ..."
_OWN_NUMBER = lazy_re.compile(r"^\[?([A-Z]{1,6})-0*(\d{1,2})\b\]?")


def _item_numbers_are_no_tickets(items: list[dict]) -> None:
    """An item's "#4" that names another item ("won't do: #4 covers the risk"), in a list
    whose tickets are keys ("SEC-1201", two or more), is a reference to that item, no
    ticket of its own."""
    if sum(1 for a in items if a["ticket"] and a["ticket"][:1] != "#") < 2:
        return
    for a in items:
        if (t := a["ticket"]) and t[:1] == "#" and t[1:].isdigit() and int(t[1:]) <= len(items) \
                and not re.search(r"(?i)\b(?:PR|MR|pull(?:\s+request)?|issue|ticket)\s*" + re.escape(t), a["text"]):
            a["ticket"] = None


def _due_said(item: dict, incident_date) -> str | None:
    """The words an item gives for when it is due: after a due word, or a day alone after
    its owner ("...: TG, Monday 8/12")."""
    text = plain(item["text"])
    if (m := _first_due(text, incident_date)) is not None:
        return m.group(1).strip(" .,;)")
    if item["owner"] and "," in text and (m := _DAY_AFTER_OWNER.search(text)) and m.group(1) == item["owner"]:
        return m.group(2)
    return None


def _dues_in_the_lists_order(items: list[dict], incident_date, order_hint: str | None) -> None:
    """An item due on a day and month that read both ways ("due 3/12" after an incident on
    11 March) is due in the order the other items' dates show ("due 3/21", "due 4/4": month
    first), else the document's; alone, it stays unread."""
    said = {id(a): v for a in items if (v := _due_said(a, incident_date)) is not None}
    orders = {read[2] for v in said.values() if (d := tp.SLASHED_DAY.fullmatch(v)) is not None
              and (read := tp.slashed_month_day(int(d.group(1)), int(d.group(2)), None)) is not None}
    order = next(iter(orders)) if len(orders) == 1 else order_hint
    if order is None:
        return
    for a in items:
        if a["due"] is None and (v := said.get(id(a))) and tp.SLASHED_DAY.fullmatch(v):
            a["due"] = tp.iso_date(tp.due_date(v, incident_date, order))


_RECORD_KEY = lazy_re.compile(r"ticket|jira|issue|problem|change|^id$|_id$|ref|incident|tracker|link|url|action", re.I)


def _title_keys_are_no_tickets(doc, items: list[dict]) -> None:
    """A key the title or the front matter names inside an item's words names the thing the
    incident befell, or the incident itself ("Cooling tower CT-1 ran without biocide" over
    "replace the float sensor on CT-1"; 'area = "Reptile House (RH-1 to RH-4)"'), not the
    item's own ticket: the item takes another key its words give, or none. (Not the front
    matter's keys for the incident's own record: "ticket", "jira", "problem_ref", "id".)"""
    title = next((s.title for s in doc.secs if s.level == 1), "") or ""
    said = [str(v) for k, v in (doc.front or {}).items() if isinstance(v, str) and not _RECORD_KEY.search(str(k))]
    if not (title or said) or not any(a["ticket"] for a in items):
        return
    named = {m.group(1) for text in (title, *said) for m in _JIRA_KEY.finditer(plain(text))}
    for a in items:
        if a["ticket"] in named:
            a["ticket"] = next((k.group(1) for k in _JIRA_KEY.finditer(a["text"]) if k.group(1) not in named), None)


def _named_things_are_no_tickets(items: list[dict]) -> None:
    """A key inside an item's words ("Replace the XB-07 level sensor ...") names a thing, not
    the item's ticket, when the list's tickets stand apart as fields of their own under one
    other prefix ("— @j.osei — VSR-BL-2210", "— VSR-BL-2211"), two of them at least: the
    item takes another key its words give ("... on MES-2 ... CAPEX request CR-2023-117"), or
    none. (Keys with a hyphen only: "(list in CHG0124877)", "loadgen#57" are tickets.)"""
    def span(a: dict):
        t = a["ticket"]
        if not t or not _HYPHEN_KEY.fullmatch(t) or (i := a["text"].find(t)) < 0:
            return None
        return i, i + len(t)

    def apart(a: dict) -> bool:
        return (at := span(a)) is not None and _apart(a["text"], *at)

    def labelled(a: dict) -> bool:
        return (at := span(a)) is not None and _labelled_at(a["text"], at[0])

    if sum(1 for a in items if labelled(a)) >= 2:
        # "Owner: Dev Nair. Due 28/06/2024. Ticket IT-2207." twice or more: the list labels its
        # tickets, and a key in another item's words names a thing ("4G backup link for ACS-02")
        for a in items:
            if span(a) is not None and not labelled(a) and not apart(a):
                # (its own labelled key, later in its words: "Keep GM-1 out of service ... Ref ENG-771")
                a["ticket"] = next((k.group(1) for k in _JIRA_KEY.finditer(a["text"]) if _labelled_at(a["text"], k.start(1))),
                                   None)
        return
    prefixes = {a["ticket"].rsplit("-", 1)[0] for a in items if apart(a)}
    if len(prefixes) != 1 or sum(1 for a in items if apart(a)) < 2:
        return
    (own,) = prefixes
    for a in items:
        if span(a) is not None and not apart(a) and not labelled(a) and a["ticket"].rsplit("-", 1)[0] != own \
                and _KEY_CLOSES.fullmatch(a["text"], span(a)[1]) is None:
            # (its own key closing the item stays: "... — due May 30 — vendor case DT-88213")
            # (another key standing apart, or closing the item: "CAPEX request CR-2023-117"; not
            # one more thing named, "with the WB-1 model")
            a["ticket"] = next((k.group(1) for k in _JIRA_KEY.finditer(a["text"]) if k.group(1) != a["ticket"]
                                and (_apart(a["text"], k.start(1), k.end(1))
                                     or _KEY_CLOSES.fullmatch(a["text"], k.end(1)) is not None)), None)


# a ticket's label right before its key: "Ticket IT-2207", "Ref: OPS-12", "Jira # PAY-3"
# (or a vendor's: "feature request QS-FR-2210", "case DT-88213")
_TICKET_LABEL = lazy_re.compile(r"\b(?:tickets?|ref(?:erence)?|jira|issue|change|cr|wo|work\s+order|request|case)\s*[:#]?\s*$", re.I)


def _labelled_at(text: str, start: int) -> bool:
    """Whether the key at ``start`` in ``text`` has a ticket's label right before it."""
    return _TICKET_LABEL.search(text, max(0, start - 12), start) is not None
_KEY_CLOSES = lazy_re.compile(r"(?:-\d+)*[\s.;)\]]*")   # (what may follow a key closing an item: "CR-2023-117")
_HYPHEN_KEY = lazy_re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\d+")


def _reasons_name_no_tickets(items: list[dict]) -> None:
    """An item not to be done that names another item's ticket ("Run the cluster on UTC —
    won't do: ...; BILL-882 fixes the real problem") names the work that stands in for
    it, no ticket of its own. (Not a ticket in a column of its own, which the row gives it.)"""
    for a in items:
        if a["status"] == "wont_do" and (t := a["ticket"]) and t in a["text"] \
                and any(b is not a and b["ticket"] == t and b["status"] != "wont_do" for b in items):
            a["ticket"] = None


def _own_numbers_are_no_tickets(items: list[dict]) -> None:
    """Items that open with their own numbers, one prefix counting from 1 ("CAPA-1 –
    ...", "CAPA-2 – ..."; "CA-01", "CA-02"), took those for their tickets: each takes
    the ticket its words name after the number instead, or none."""
    numbered = [(a, m) for a in items if (m := _OWN_NUMBER.match(a["text"])) is not None]
    if len(numbered) < 2 or len({m.group(1) for _, m in numbered}) != 1 \
            or sorted(int(m.group(2)) for _, m in numbered) != list(range(1, len(numbered) + 1)):
        return
    own = re.compile(re.escape(numbered[0][1].group(1)) + r"-\d")
    for a, m in numbered:
        if a["ticket"] == a["text"][:m.end()].strip("[]"):
            found = _ticket(a["text"][m.end():])   # (not another item's number: "... as CAPA-1 covers it")
            a["ticket"] = None if found is None or own.match(found) else found


# a sentence opening with an ordinal word: "First, every launch gets a game day", "Second,
# we will ...", "Finally, ..."
_ORDINAL = lazy_re.compile(r"(?:^|(?<=[.!?;:]\s))(?:First|Second|Third|Fourth|Fifth|Sixth|Finally|Lastly)(?:ly)?,\s+(?=\S)")


def _ordinal_items(text: str) -> list[str] | None:
    """The items of a list told in a paragraph, each opening with its ordinal ("First,
    ... Second, ... Third, ..."), without the ordinals; None unless it opens with "First"
    and counts on at least once."""
    marks = list(_ORDINAL.finditer(text))
    if len(marks) < 2 or not marks[0].group().startswith("First"):
        return None
    ends = [m.start() for m in marks[1:]] + [len(text)]
    items = [text[m.end():end].strip() for m, end in zip(marks, ends)]
    return [t[:1].upper() + t[1:] for t in items if t]


# symbols people open a line with in place of a list's marker ("✅ Stronger DNS
# documentation", "☐ Add a runbook", "➡ Move the cron"): a paragraph whose first line and
# at least one more open with one is a list
_LINE_MARKS = frozenset("✅✔✓☑☒☐⬜🔲➡→•▪►")

# an item that is one code span and nothing else
_CODE_ONLY = lazy_re.compile(r"`[^`]+`[.,;]?")


# "Short-term actions", "Completed", and a heading that says when ("Before the next
# upgrade", "After each release"): a group of items, not one
_TIMEFRAME = lazy_re.compile(r"\b(?:short|medium|mid|long)[\s-]?term\b|\bimmediate\b|\bnext\s+(?:week|month|quarter|steps?)\b"
                        r"|\bfuture\b|\bcompleted?\b|\bin\s+progress\b|\bdone\b|\bopen\b|\bplanned\b"
                        # ("After every deploy, run the smoke test automatically" is an item)
                        r"|^\W*(?:before|after|ahead\s+of|prior\s+to)\s+(?:[\w'’-]+\s+){0,3}[\w'’-]+\W*$", re.I)


# a bullet that names a field and gives its value: "- Porteur : Camille Laurent", "- Due: 28/06"
_FIELD_ITEM = lazy_re.compile(r"^\W*([^\W\d_][\w'’ /]{0,24}?)\s*:\s*\S")


def _field_list(s) -> list[str] | None:
    """The items under an action heading when each is one of the heading's fields
    ("### A1 — Alert on the dumps' size" over "- Porteur : Camille Laurent", "- Échéance :
    28/06/2024", "- Statut : Fait"): bullets that are each a label and its value, two of them
    (or the only one) an owner, a due date, a ticket or a status. None otherwise: a list of work."""
    items = [b for b in s.blocks if b.kind == "item"]
    if not items or any(_CHECK.match(b.text) for b in items):
        return None
    named = 0
    for b in items:
        if (m := _FIELD_ITEM.match(plain(b.text))) is None:
            return None
        c = _COLUMN.match(m.group(1).strip())
        named += c is not None and c.lastgroup in ("owner", "due", "ticket", "status")
    return [b.text for b in items] if named >= min(2, len(items)) else None


# an item's own code before its words: "### A2. Scheduled switchover test at every planned
# shutdown", "### CA-3 — ..." (not a quarter or a half, "Q3:", "H2 —": a timeframe's group)
_ITEM_CODE = lazy_re.compile(r"^\s*(?![QH]\d\b)[A-Z]{1,3}-?\d{1,3}(?:[.):]|\s+[—–-])\s+")


def _heading_is_item(s) -> bool:
    """A sub-heading of an action-items section with no list, checkbox or table under
    it is an action itself when numbered ("#### 1) ..."), or when it reads as one (three
    words or more, not a status or timeframe group such as "Short-term actions")."""
    if any(b.kind == "item" for b in s.blocks):
        return False
    if any(b.kind == "para" and any(_CHECK.match(t.strip()) for _, (t,) in b.rows) for b in s.blocks):
        return False
    title = plain(s.title)
    if title.lstrip()[:1] in ("-", "—", "–"):
        return False   # "**\- The Flatcar Team & LF IT**": a signature, not work
    if title.rstrip(" *_:").endswith(("?", "？")):
        return False   # "**Can admins disable the extension?**": a question, answered below
    if _NUMBERED.match(title) or _ITEM_CODE.match(title):
        return True
    if title.rstrip(" *_").endswith(":"):
        return False   # "**Manual restart commands:**" over a code block: it introduces what follows
    if _NOTES_HEADING.match(title):
        return False   # "### Re-review notes, 24 Feb 2026", "### Update 2026-03-01": what became of the items
    return len(title.split()) >= 3 and not _TIMEFRAME.search(title)


# a heading over notes on the items, not an item: "Re-review notes, 24 Feb 2026", "Update
# 2026-03-01", "Action review minutes (20 Jan)" (not "Update the runbook")
# (a date after the word, or the word after what is reviewed: not "Enable automatic security
# updates", nor "Kernel update: roll out 5.15")
_NOTES_HEADING = lazy_re.compile(r"^\W*(?:[\w-]+\s+){0,2}?(?:notes|minutes|updates?)(?:\s*[,:(—–-]\s*|\s+)(?:on\s+)?"
                                 r"(?:\d|(?:" + tp.MONTH_STEMS + r")[a-z]*\.?\s+\d)"
                                 r"|^\W*(?:(?:re-?)?review|action[\s-]items?|follow[\s-]?ups?|status|meeting|progress)\s+"
                                 r"(?:notes|minutes|updates?)\W*$", re.I)


# "To prevent similar issues in the future, we've made a few changes:", "Next steps:",
# "We will:", "Over the next few months, the lab will be looking at:": a paragraph that ends with a colon and announces what will be done
_INTRODUCES = lazy_re.compile(r"\b(?:to\s+prevent|prevent(?:ing)?\s+(?:this|similar|it|a\s+repeat|recurrence|future)"
                         r"|going\s+forward|next\s+steps|follow[\s-]?ups?|action\s+items?|we\s+(?:will|are\s+going\s+to"
                         r"|plan\s+to)|(?:over|in|during|within)\s+the\s+(?:next|coming)\s+(?:few\s+|several\s+|\w+\s+)?"
                         r"(?:days|weeks|months|quarters?|year))\b", re.I)


# "some solutions that were suggested to prevent downtime:": other people's ideas,
# listed to be weighed (often turned down), not what the writers commit to
_SUGGESTED = lazy_re.compile(r"\b(?:solutions?|ideas?|options?|alternatives?|suggestions?)\s+(?:that\s+)?(?:was|were|have\s+been"
                        r"|had\s+been)\s+(?:\w+\s+)?(?:suggested|proposed|considered|floated)\b(?!\s+and\s+(?:agreed|accepted|adopted))",
                        re.I)


def _introduced_lists(doc, incident_date, fielded: bool = False) -> list[dict]:
    """In a document with no action-items section, the list right after a paragraph
    that announces actions and ends with a colon: its items are the action items (not
    when the paragraph says they were suggested or considered). With ``fielded``, in a
    document that has one: only a list whose items name their owners, under a label
    that names follow-up work ("Follow-ups on our side:" in the notes a customer kept
    below a vendor's report, beside the vendor's own actions)."""
    out = []
    for s in doc.secs:
        kind = doc.kinds.get(id(s))
        if kind == "actions" or (not fielded and kind in ("timeline", "factors", "went_well", "went_wrong",
                                                          "lucky", "lessons")):
            continue   # (a label that names follow-up work may close any section: "Our timeline:" then "Follow-ups:")
        blocks = s.blocks
        for i, b in enumerate(blocks[:-1]):
            if b.kind != "para" or not b.text.rstrip().endswith(":") or not _INTRODUCES.search(b.text) \
                    or _SUGGESTED.search(b.text):
                continue
            listed = []
            for item in blocks[i + 1:]:
                if item.kind != "item":
                    break
                listed.append(item)
            if fielded and not (len(b.rows) == 1 and section_kind(plain(b.text).rstrip(" :")) == "actions"
                                and _fielded_items(listed)):
                continue
            out.extend(_from_text(item.text, item.children, item.line, incident_date, None) for item in listed)
    return out


def _checklists(doc, incident_date) -> list[dict]:
    """In a document with no action-items section (or none with an item), a section its heading does not name
    ("## Change Register"), nor any heading above it, whose only blocks are two or more
    open checkboxes: a task list, however it is titled (not a checklist of what was
    verified, "- [x] Error budget alerts cleared", nor one its heading says was checked)."""
    out: list[dict] = []
    for s in doc.secs:
        if s.level == 0 or _CHECKED_LIST.search(clean_heading(plain(s.title))):
            continue
        up, named = s, False
        while up is not None and not named:
            named, up = id(up) in doc.kinds, up.parent
        if named or len(s.blocks) < 2 or not all(b.kind == "item" and (m := _CHECK.match(b.text)) and m.group(1) == " "
                                                 for b in s.blocks):
            continue
        out.extend(_from_text(b.text, b.children, b.line, incident_date, None) for b in s.blocks)
    return out


# a checklist of what was checked or gone through, not of work to do
# ("Repair steps", "Fix steps", "Cleanup steps" over open checkboxes are work still to do)
_CHECKED_LIST = lazy_re.compile(r"\b(?:verif\w*|check\w*|sign[\s-]?off|review\w*|drill\w*|runbook\w*"
                           r"|(?<!repair\s)(?<!fix\s)(?<!cleanup\s)(?<!clean-up\s)steps|done|completed?"
                           r"|validat\w*|test\w*|readiness|pre[\s-]?flight)\b", re.I)


def owned_table(b) -> bool:
    """Whether a table is follow-up work by its header: a column for the action, one for
    its owner, and one for when it is due or its status ("| Barrier | Action | Owner | Due
    | Ticket | Status |")."""
    if not b.rows or len(b.rows) < 2:
        return False
    names = {m.lastgroup for h in b.rows[0][1] if (m := _COLUMN.match(plain(h))) is not None}
    return "owner" in names and bool(names & {"due", "status"}) \
        and any(_HEADERS["text"].match(plain(h)) for h in b.rows[0][1])


def _is_action_table(b) -> bool:
    if not b.rows:
        return False
    header = [plain(c) for c in b.rows[0][1]]
    return any(_HEADERS["text"].match(h) for h in header) or len(b.rows[0][1]) >= 2 and len(b.rows) > 1


# _HEADERS in the order a header cell is tried against them, as one pattern: its
# alternatives are tried in that order, so the group that matched is the first name
# whose pattern matches the cell (one match per cell, not up to seven)
_COLUMN_NAMES = ("skip", "status", "owner", "due", "ticket", "kind", "text")
_COLUMN = lazy_re.compile("|".join(f"(?P<{name}>{_HEADERS[name].pattern})" for name in _COLUMN_NAMES), re.I)


# (a column that numbers the rows: "ID", "Ref", "No.", "#", whose values, "R1", "CA-01",
# "PA-02", are the items' own numbers when a column after it holds the tracker's record)
_OWN_ID = lazy_re.compile(r"^\s*(?:id|ref\.?|no\.?|#)\s*$", re.I)


_REF_COLUMN = lazy_re.compile(r"^\s*r[ée]f(?:\.|erence)?(?:\s+[\w.-]+)?\s*$", re.I)
_TRACKER_COLUMN = lazy_re.compile(r"^\s*(?:tickets?|jira|tracker|tracking|issues?|change(?:\s+(?:record|request))?)\s*$", re.I)


def _columns(header: list[str]) -> dict[str, int]:
    cols: dict[str, int] = {}
    for i, h in enumerate(header):
        m = _COLUMN.match(plain(h))
        if m is not None:
            name = m.lastgroup   # (the patterns hold no groups of their own)
            if name != "skip" and (name not in cols or name == "ticket" and (
                    _OWN_ID.match(plain(header[cols[name]]))
                    or _REF_COLUMN.match(plain(header[cols[name]])) and _TRACKER_COLUMN.match(plain(h)))):
                # (an "ID" column before a "Tracking" one numbers the rows, "R1", "R2": the
                # tracker's key is in the other; so does a reference to the analysis, "| Ref.
                # ICAM | AD1, AD2 |", before a "| Ticket |")
                cols[name] = i
    if "text" not in cols:
        # the first column that is not otherwise mapped
        used = set(cols.values())
        for i, h in enumerate(header):
            if i not in used and not _HEADERS["skip"].match(plain(h)):
                cols["text"] = i
                break
    return cols


def _headerless(b) -> dict[str, int] | None:
    """The columns of an action table that has no header row (its delimiter row first,
    the columns named in the prose above it or nowhere), told by what their cells hold:
    dates (due), tickets, statuses, names (owner), and the longest text (the action).
    None when its first row names its columns, or too few columns can be told apart."""
    first = [plain(c) for c in b.rows[0][1]]
    if len(b.rows) < 2 or len(first) < 3 or any(_COLUMN.match(h) and not _HEADERS["skip"].match(h) for h in first if h):
        return None   # (most tables: a header that names its columns)
    width = len(first)
    if any(len(cells) != width for _, cells in b.rows):
        return None
    rows = [first, *([plain(c) for c in cells] for _, cells in b.rows[1:])]

    def holds(j: int, test) -> bool:
        said = [r[j] for r in rows if r[j] and any(ch.isalnum() for ch in r[j])]
        return len(said) >= 2 and sum(1 for v in said if test(v)) * 3 >= len(said) * 2

    cols: dict[str, int] = {}
    for j in range(width):
        for name, test in (("due", lambda v: _DUE_CELL.match(v) is not None and tp.find_date(v) is not None),
                           ("ticket", lambda v: _ticket(v) is not None and len(v.split()) <= 2),
                           ("status", lambda v: _status(v) is not None and len(v.split()) <= 4),
                           ("owner", lambda v: _a_name(v) or bool(_handle(v)))):
            if name not in cols and holds(j, test):
                cols[name] = j
                break
    rest = [j for j in range(width) if j not in cols.values()]
    if len(cols) < 2 or not rest:
        return None
    cols["text"] = max(rest, key=lambda j: sum(len(r[j]) for r in rows))
    return cols


# a cell that is only a date ("2025-01-31", "31/01/2025", "Jan 31, 2025")
_DUE_CELL = lazy_re.compile(r"^[\w ,./-]{6,20}$")


_STATUS_FIRST = lazy_re.compile(r"^[\s*_~]*(?:done|completed?|closed|resolved|fixed|won[’']?t\s*(?:do|fix)|wontfix)\b", re.I)


# a status column that asks a question ("Done?", "Completed"), answered yes or no per row
_DONE_QUESTION = lazy_re.compile(r"^(?:done|complete[d]?|fixed|closed|resolved)\s*\??\s*$", re.I)
_YES = lazy_re.compile(r"^\W*(?:yes|y|true|oui|ja|sí|si|はい|是)\W*$", re.I)
_NO = lazy_re.compile(r"^\W*(?:no|n|false|non|nein|いいえ|否)\W*$", re.I)


def _keys_column(cols: dict[str, int], header: list[str], rows: list[list[str]]) -> None:
    """A text column that holds only each row's key ("Task: PTASK0010021", "Item: AI-3")
    with the words in another ("Description") is the rows' ticket column: the words are
    read from the next column no other name took."""
    t = cols.get("text")
    said = [plain(r[t]) for r in rows if t < len(r) and plain(r[t])]
    if not said or not all(len(v.split()) == 1 and _ticket(v) for v in said):
        return
    used = set(cols.values())
    for i, h in enumerate(header):
        if i not in used and not _HEADERS["skip"].match(plain(h)) \
                and any(i < len(r) and len(plain(r[i]).split()) > 2 for r in rows):
            cols["text"] = i
            cols.setdefault("ticket", t)
            return


# a suggested follow-up's "Decision" column, and its verdict to do it ("✅ Accepted")
_DECISION = lazy_re.compile(r"decision\b", re.I)
_ACCEPTED = lazy_re.compile(r"\b(?:accepted|approved|agreed|adopted)\b(?!\s+(?:and\s+)?(?:done|shipped|completed|implemented))", re.I)


def _unstruck(cell: str) -> str:
    """A cell without its struck values, "~~Priya Nair~~ Devon Carter" -> "Devon Carter",
    unless all of it is struck."""
    if "~~" not in cell:
        return cell
    rest = STRUCK.sub("", cell)
    return rest if plain(rest) else cell


# a due date after the owner in one cell: "Sam Okoye<br>due Jun 27", "Ana (by 2026-03-01)"
# (what follows reads as a date: not "Ana Li, reviewed by Bo on 2025-03-10")
_DUE_AFTER_OWNER = lazy_re.compile(r"[\s,;(—–-]+(?:due|by)\s*:?\s+((?=\d|(?:" + tp.MONTH_STEMS + r"|mon|tue|wed|thu|fri|sat|sun|end|eo[wmq]|q[1-4]|next|h[12])\b|[a-z]{3,9}\s+\d)[^()]{3,30}?)\)?\s*$", re.I)
_DATE_FIRST = lazy_re.compile(r"\d|(?:" + tp.MONTH_STEMS + r")[a-z]*\.?\s+\d", re.I)


def _legends(doc) -> list[tuple[dict[str, str], int, int]]:
    """Each key a document gives its symbols ("Legend: ✅ done · 🚧 in progress · ❌ won't
    do"), with the lines it speaks for: from its own line to the end of its section."""
    text = doc.text
    if "egend" not in text and "EGEND" not in text and not _KEY_COLON.search(text):
        return []
    found = []
    for m in _LEGEND.finditer(text):
        if not (legend := _legend(m.group(1))):
            continue
        line = text.count("\n", 0, m.start()) + 1
        own = max((s for s in doc.secs if s.level and s.line <= line), key=lambda s: s.line, default=None)
        end = len(doc.lines) + 1 if own is None else next(
            (s.line for s in doc.secs if s.level and s.line > own.line and s.level <= own.level), len(doc.lines) + 1)
        found.append((legend, line, end))
    return found


def _legend(key: str) -> dict[str, str]:
    """The statuses a key gives its symbols ("✅ done · 🚧 in progress · ❌ won't do"), each
    symbol's character to the status its words state. An item's line holding one of them
    has that status: the key says what the document's marks mean ("❌" is work dropped
    here, not work failed)."""
    out: dict[str, str] = {}
    for piece in _LEGEND_SPLIT.split(key):
        if (e := _LEGEND_ENTRY.match(piece.strip())) is None:
            continue
        sign, words = (e.group(1), e.group(2)) if e.group(1) else (e.group(4), e.group(3))
        words = plain(words).strip(" .")
        status = _status(words) or _status(words[:1].upper() + words[1:])
        if status is not None and sign.strip("\ufe0f"):
            out.setdefault(sign.strip("\ufe0f")[0], status)
    return out


_KEY_COLON = lazy_re.compile(r"[Kk][Ee][Yy][*_]*\s*[:：]")
# a key to a document's symbols: "Legend: ✅ done · 🚧 in progress", "**Status key:** 🟢 Done | 🔴 Blocked"
_LEGEND = lazy_re.compile(r"^[\W_]*(?:legend|(?:status\s+)?key|status\s+legend)[*_]*\s*[:：][*_]*\s*(.+)$", re.I | re.M)
_LEGEND_SPLIT = lazy_re.compile(r"\s*[·•,;|]\s*|\s{2,}")
# one entry: the symbol, then its words ("✅ done", "❌ = won't do"), or the words, then it ("done = ✅")
_LEGEND_ENTRY = lazy_re.compile(r"(?:([^\w\s*_'’()\[\]]+)\s*[=:–-]?\s*([A-Za-z][\w'’ -]{1,30})"
                                r"|([A-Za-z][\w'’ -]{1,30}?)\s*[=:]\s*([^\w\s*_'’()\[\]]+))$")


def _from_table(b, incident_date, group_kind, doc) -> list[dict]:
    header = b.rows[0][1]
    body = b.rows[1:]
    if (cols := _headerless(b)) is not None:
        body = b.rows   # (its first row is an item too)
    else:
        cols = _columns(header)
    if "text" in cols:
        _keys_column(cols, header, [cells for _, cells in b.rows[1:]])
    asks = "status" in cols and cols["status"] < len(header) and _DONE_QUESTION.match(plain(header[cols["status"]]))
    decides = "status" in cols and cols["status"] < len(header) and _DECISION.match(plain(header[cols["status"]]).strip())
    out = []
    for ln, cells in body:
        if not any(plain(c) for c in cells):
            continue
        if all(is_placeholder(c) or not c.strip() for c in cells):
            continue   # "| {{ followup.title }} | {{ followup.owner }} | ... |": a template's row, left unfilled
        if len(cells) != len(header):
            doc.problems.warning(ln, f"action-items row has {len(cells)} cells, the header {len(header)}")

        def cell(name):
            i = cols.get(name)
            return cells[i] if i is not None and i < len(cells) else ""

        raw_text = cell("text")
        text = plain(raw_text)
        whole = " ".join(cells)
        if "~~" in whole:
            # "| ~~Priya Nair~~ Devon Carter | ~~2026-01-31~~ 2026-02-28 |": values amended in
            # place, the struck ones superseded (a struck cell is no status of its own)
            whole = " ".join(_unstruck(c) for c in cells)
        said = cell("status")
        status = _status(said) if said.strip() else None
        if decides and _ACCEPTED.search(plain(said)):
            status = "open"   # "✅ Accepted" under "Decision": agreed to do, not done
        if asks and status is None:   # "Done?" answered "Yes" / "No"
            status = "done" if _YES.match(plain(said)) else "open" if _NO.match(plain(said)) else None
        if status is None and _NO_ACTION.match(plain(said)):
            status = "unknown"   # "Already exists": nothing was to be done, neither open nor done
        if status is None:
            status = _status(whole) or "open"
        if _struck_through(raw_text):
            status = "done"
        ticket_cell = cell("ticket")
        ticket = _cell_ticket(ticket_cell) if "ticket" in cols else _ticket(whole)
        # (an owner cell that states a status instead, "**Done** (#423)", names nobody)
        owner_cell = _unstruck(cell("owner"))
        due = _due(_unstruck(cell("due")), incident_date) if "due" in cols else None
        if "due" not in cols and "owner" in cols and (d := _DUE_AFTER_OWNER.search(plain(owner_cell))) is not None \
                and (day := _due(d.group(1), incident_date)) is not None:
            # "| Sam Okoye<br>due Jun 27 |" under "Owner / due": the owner, then the date
            owner_cell, due = plain(owner_cell)[:d.start()], day
        owner = _clean_owner(owner_cell) if "owner" in cols and not _STATUS_FIRST.match(owner_cell) else None
        kind = _kind(cell("kind")) if "kind" in cols else group_kind
        out.append({"text": text, "owner": owner, "due": tp.iso_date(due), "ticket": ticket,
                    "status": status, "kind": kind, "line": ln})
    return out


def _hyphen_fields(text: str) -> str:
    """An item whose fields a typewriter's hyphens set apart ("acheter 2 LNB de rechange -
    JP Mukendi - 29/02", "... - fait / done 09/02"), its separators made the dashes the
    field readers know: three parts or more, the last a short date or status. Else as it is."""
    parts = text.split(" - ")
    last = parts[-1].strip(" .;")
    if len(parts) == 2 and len(last) <= 30 and len(last.split()) >= 2 and _a_name(last) and not _a_body(last):
        return " — ".join(parts)   # ("Price up the replica tier (about +40%) - Amara Osei": the owner, last)
    if len(parts) < 3 or len(last) > 30 or len(parts[-2].strip()) > 40:
        return text
    if _a_note(last) and _a_name(parts[-2].strip()):
        return " — ".join(parts)   # ("... the NOC wall - Michael Dunne - TBC")
    st = tp.read_stamp(last)
    if (st is not None and st.has_date) or _DAY_MONTH.match(last) or _status(last) is not None \
            or _status(_CLAUSE_END.split(last, 1)[0]) is not None:
        return " — ".join(parts)
    return text


# a field's key in another language with its English gloss before the colon: "Termin (due):"
_GLOSSED_FIELD = lazy_re.compile(r"\b[^\W\d_][\w-]{2,30}\.?\s*\((owner|due(?:\s+date)?|deadline|target|status|ticket|responsible)\)(?=\s*:)",
                                 re.I)


def _from_text(text: str, children: list[str], line: int, incident_date, group_kind,
               group_status: str | None = None) -> dict:
    """One item (_read_item), with the owner, due date and status its hyphen-set fields
    give where its words as written gave none ("acheter 2 LNB - JP Mukendi - 29/02")."""
    item = _read_item(text, children, line, incident_date, group_kind, group_status)
    if ")" in text and _GLOSSED_FIELD.search(text):
        # "Verantwortlich (owner): J. Keller. Termin (due): 15.07.2025.": a field named in
        # another language, glossed in English; read by its gloss
        other = _read_item(_GLOSSED_FIELD.sub(r"\1", text), children, line, incident_date, group_kind, group_status)
        for key in ("owner", "due"):
            item[key] = other[key] or item[key]
    if " - " in text and None in (item["owner"], item["due"]) and not _DASHES.search(text) \
            and (dashed := _hyphen_fields(text)) is not text:
        other = _read_item(dashed, children, line, incident_date, group_kind, group_status)
        for key in ("owner", "due"):
            if item[key] is None:
                item[key] = other[key]
    return item


def _read_item(text: str, children: list[str], line: int, incident_date, group_kind,
               group_status: str | None = None) -> dict:
    """One bullet, checkbox or paragraph. Its status comes from its own line (a done
    sub-bullet does not finish the parent), else from its group's heading; its ticket,
    owner and due date may also sit in its sub-bullets."""
    if text[-1:] in "*_" and (em := _EMPHASISED_CLOSE.search(text)):
        text = text[:em.start()] + em.group(1)   # "... *(Dana Whitaker · HB-1201 · Done)*": the notes, set in italics
    whole = " ".join([text, *children])
    status = None
    m = _CHECK.match(text)
    if m:
        status = "open" if m.group(1) == " " else None if m.group(1) == "-" else "done"
        text = text[m.end():]
    if _struck_through(text):
        status = "done"
    if status is None or status == "open":
        s = _status(text, prose=True)
        if s is None and ("<" in text or "](" in text):
            # ("· <em>done 15 Jan</em>": a CMS's emphasis in HTML; "— done 2025-07-18 —
            # [IRR-199](https://...)": the ticket a link, read as its text)
            s = _status(plain(text), prose=True)
        if s is not None and (status is None or s != "open"):
            status = s
    if status is None:
        status = _set_apart_status(plain(text))
    if status is None and (bl := _BOLD_LEAD.match(text)):
        # "**Shard the ticket pool.** Done, shipped as hotfix 7.0.1", "**Load test ...**
        # In progress. Owner: ...": the short clause after the task's bold title is its status
        status = _clause_status(bl.group(2).strip())
    if status is None or status == "open":
        # "... Responsable: Rodrigo Méndez. Estado: completada.": a status field in its text
        said = plain(" ".join([text, *children]))
        if STATUS_FIELD_WONT.search(said):
            status = "wont_do"
        elif STATUS_FIELD_DONE.search(said) and m is None:
            status = "done"
    if status is None:
        status = _field_status(children)
    if status is None and (m := _CLOSING_STATUS.search(plain(text))):
        status = _status(m.group(1))   # "..., WO-55120. Completed 11/4 06:40": a closing sentence saying it is done, and when
    if status is None:
        status = group_status
    clean = told = plain(text)
    if "~~" in text:
        # "— ~~Jonas Becker~~ Miriam Kaya — due ~~12 Dec~~ 16 Jan": its fields amended in
        # place are read without the struck values (its words keep them)
        clean = plain(_unstruck(text))
    owner = due_chip = None
    om = _owner_field(clean) or _owner_field(plain(whole))
    if om:
        owner = _clean_owner(om.group(1))
    else:
        tm = _TRAILING_MENTION.search(clean[-300:])
        if tm:
            owner = tm.group(1) or tm.group(2)
        elif lm := _LEADING_MENTION.match(clean, _STATUS_WORD_FIRST.match(clean).end()):
            owner = lm.group(1)  # "@jsnshrmn will identify ...", "TODO @ilse: DS/DNSKEY consistency check ..."
        elif clean[:1] == "@" and (dm := _LEADING_DISPLAY_NAME.match(clean)):
            owner = _display_name(dm.group(1))   # "@Ravi Menon Pin `TZ` in the Dockerfile"
        elif clean[:1] == "@" and (hm := _LEADING_HANDLE.match(clean)) and hm.group(1).lower() not in _EVERYONE:
            owner = hm.group(1)   # "- [ ] @sven open port 80 again": a to-do list's handle before its task
        elif "@" in clean and (dm := _DISPLAY_NAME_BEFORE_FIELDS.search(clean)):
            owner = dm.group(1)   # "... routed to on-call @Sam Delgado INTEG-412 due Mar 28, 2025"
            if (chip := _CHIP_DATE.match(after := clean[dm.end():].strip().lstrip("@"))) \
                    and (not after[chip.end():].strip() or _ticket(after[chip.end():].strip())):
                due_chip = chip.group()   # "... @Maya Chen Oct 17", "@Jonas Petrov 06 Dec 2024 INV-5521": when it is due
        elif (bm := _BRACKET_INITIALS.search(clean[-120:])) and bm.group(1) not in _NOT_INITIALS:
            owner = bm.group(1)
        elif ("->" in clean or "→" in clean) and (am := _ARROW_TO.search(clean)) and not _ticket(am.group(1)) \
                and all(_a_note(n) or _LOOSE_WHEN.match(n.strip()) for n in _NOTE_BREAK.split(am.group(2)) if n.strip()):
            owner = am.group(1)   # "alert on archive_command failures -> mk, OPS-1187": handed to mk
            due_chip = next((dm.group(1) for n in _NOTE_BREAK.split(am.group(2))
                             if (dm := _DAY_MONTH.match(n.strip()) or _DUE.match(n.strip()))),
                            None)   # "... -> JB, Fri 21/3", "→ Diego, para el 31/01": the day it is due
        elif "@" in clean and (lm := _mention_before_notes(clean)) is not None:
            owner = lm   # "... in the test suite. @hana GRO-312 due 11/15", "... on import → @deniz [LIVE-1402] by ..."
        elif "👤" in text and (pm := _PERSON_SIGN.search(text)):
            owner = (pm.group(1) or pm.group(2)).strip()   # Obsidian's "👤 [[Jonas Vermeer]]"
        elif (nm := _BOLD_NAME_FIRST.match(text)) and len(nm.group(2).split()) >= 2 and (who := _who_of(nm.group(2))):
            owner = who   # "**Sabine Leclerc** — the publisher fails loudly ...", "**Centre Manager (Paul Iredale)** – decide ..."
        elif (nm := _PLAIN_NAME_FIRST.match(clean)) and _a_name(nm.group(1)):
            owner = nm.group(1)   # "Brianna — audit every schedule in Tallis ...": who, a dash, then the task
        elif ("[" in clean[:40] or "(" in clean[:40]) and (nm := _BRACKET_NAME_FIRST.match(clean)) and _a_name(nm.group(1)):
            owner = nm.group(1)   # "DONE [Tom] remove the role's delete right", "[Ruth] two-person approval", "(Mei Nakamura) Turn on ..."
        elif "[[" in text and (wm := _WIKILINKED_NAME.search(text)) and len(wm.group(1).split()) >= 2 and _a_name(wm.group(1)):
            owner = wm.group(1)   # "... resolve `canary.svc` [[Lukas Brandt]] 📅 2024-11-08": a note app's link to the person's page
        elif ("  " in text or " ." in text) and (cm := _NAME_COLUMN.search(text)) and _a_name(cm.group(1)):
            owner = cm.group(1)   # "... for all Lambdas  Nkechi Obi     due 14/11/2025": a column of names set in the text
        else:
            owner = _closing_name(clean)
    if owner is None and children:
        owner = _owner_line(plain(_SUB_MARKER.sub("", children[0], count=1)))   # "- Nikhil - AST-311" under the task: its wrapped fields
    if "...." in clean and (ld := _LEADER.search(clean)) is not None:
        # "Scope the token ......... Liam Schultz   WEB-771   due 2025-02-14   DONE": a plain-text
        # report's columns after a dotted leader, who first and the status last
        fields = clean[ld.end():].split()
        if owner is None:
            owner = next((" ".join(fields[:n]) for n in (3, 2, 1) if len(fields) >= n and _a_name(" ".join(fields[:n]))), None)
        if status in (None, "open") and m is None and fields and _status(fields[-1]) not in (None, "open"):
            status = _status(fields[-1])
    due = None
    # (a due date moved, "due ~~28 Nov~~ 19 Dec", is due on the day not struck)
    dm = ("~~" in text and _DUE.search(plain(STRUCK.sub("", text)))) or _first_due(clean, incident_date) \
        or _DUE.search(plain(whole))
    if dm:
        due = tp.due_date(dm.group(1), incident_date)
        at, moved = dm.end(), None
        while (step := _MOVED_TO.match(dm.string, at)) is not None:
            moved, at = step, step.end()   # ("due 8/29, then 9/26, now 10/24": the last move)
        if moved is not None \
                and (later := tp.due_date(moved.group(1), incident_date) or _in_order_of(moved.group(1), dm.group(1), due)):
            # "due 2/13, now 3/6", "due 12 Dec, moved to 16 Jan": when it is due now (a month
            # that comes round before the first in the calendar, in the next year; "due Dec 20,
            # now Dec 13 (pulled in)" is earlier the same year)
            due = later if due is None or later >= due or (due - later).days <= 183 else _a_year_on(later)
    elif due_chip is not None:
        due = tp.due_date(due_chip, incident_date)
    if due is None and "," in clean and (tf := _LISTED_DATE.search(clean)):
        due = tp.due_date(tf.group(1), incident_date)   # "... -- Deepa Nair, 14/02/2025, ITSM-4471"
    if due is None and owner and "," in clean and (od := _DAY_AFTER_OWNER.search(clean)) \
            and od.group(1) == owner:
        due = tp.due_date(od.group(2), incident_date)   # "... wasn't written up: TG, Monday 8/12": who, then by when
    if (owner is None or due is None) and (ww := _who_what_when(clean, incident_date)):
        owner, due = owner or ww[0], due or ww[1]
        if ww[2] and status in (None, "open") and not m:
            status = "done"   # "... — 2025-09-23 — landed in commit a3f291" (no checkbox to say)
    if owner is None and "with" in clean and (sw := _STATUS_WITH.search(clean)) is not None:
        owner = sw.group(1)   # "..., in progress with Ananya": the work is with someone
    if owner is None and clean.count(",") >= 2 and (who := _comma_fields_name(clean)) is not None:
        owner = who   # "Tests for every retention job ..., PLAT-3320, Chidi Okafor, by 13 March 2026"
    # (its inline fields, "[due:: 2026-06-01] [priority:: high]", are read: not what it says to do)
    said = _INLINE_FIELD.sub("", told).strip() or told
    # (a ticket field among its fields first: "### Corrective action CA1 — ... on OV-12" over
    # "Owner: ... · Ref: CAPA-0392": the machine the heading names is no ticket)
    keyed = _KEYED_FIELD.search(whole) if whole is not text and ":" in whole else None
    item = {"text": said, "owner": owner, "due": tp.iso_date(due),
            "ticket": keyed.group(1) if keyed is not None else _ticket(text) or _ticket(whole),
            "status": status or "open", "kind": group_kind, "line": line}
    if owner is None and (h := _handle(text)) is not None:
        item[_HANDLE_KEY] = h   # an owner if its list sets others (_handles_as_owners)
    elif owner is None and (nm := _NAME_COLON_FIRST.match(clean)) and (who := _who_of(nm.group(1))):
        if nm.group(1).endswith(f"({who})") and len(who.split()) >= 2:
            item["owner"] = who   # "Reception team lead (Mele Tupou): check ...": a role, then who holds it
        else:
            item[_HANDLE_KEY] = who   # "Rosa Delgado: separate IP pools ...", "Sarah (comms): send ..."
    elif owner is None and (nm := _FULL_NAME_COLON_TITLE.match(clean)) and _a_name(nm.group(1)) and not _a_body(nm.group(1)):
        # "Chiara Conti: Customer Care macro ...": a person's full name, then a task written as
        # a title (an owner only where the list's other items open with their owners so)
        item[_NAMED_FIRST_KEY] = nm.group(1)
    elif owner is None and (nm := _SUBJECT_WILL.match(clean)) and _a_name(nm.group(1)) and not _a_body(nm.group(1)):
        # "Dana Whitfield will add a firmware check ...", "Marco is setting up an expiry
        # monitor ...", "Sophie takes the burn-rate alert": the person, then what they will do
        item[_HANDLE_KEY] = nm.group(1)
    elif owner is None and (nm := _SUBJECT_TO_DO.match(clean)) and nm.group(1).split()[0].lower() not in _TASK_VERBS:
        # "Aoife Brennan to move the manual check-in kit ...", "Airport IT (Declan Moyles) to
        # fit an alarm ...", "Station Manager to raise ...": who, then what they are to do
        # (a person's full name with their team in brackets, "Caoimhe Brennan (Customer
        # Services) to register ...", is the owner whatever the list's other items do, and
        # still counts among its handles; a name alone, a team or a role, when others say so)
        person = nm.group(1).split("(")[0].strip()
        if "(" in nm.group(1) and len(person.split()) >= 2 and _a_name(person) and not _a_body(person):
            item["owner"] = nm.group(1).strip()
        item[_HANDLE_KEY] = nm.group(1).strip()
    elif owner is None and (nm := _ONE_NAME_TO_DO.match(clean)) and nm.group(1).lower() not in _TASK_VERBS \
            and _a_name(nm.group(1)) and not _a_body(nm.group(1)):
        # "Kendra to ask Bindery for full release notes ...": a first name, then what they
        # are to do (an owner when two items of the list name one, as a handle is)
        item[_HANDLE_KEY] = nm.group(1)
    elif owner is None and (nm := _INITIALS_TO_DO.match(clean)) and _initials(nm.group(2)):
        # "SB to add ... to the closing checklist", "Dr AH to write to the owner": a person's
        # initials, as minutes write those present (an owner when two items of the list name one)
        item[_HANDLE_KEY] = nm.group(1)
    return item


_ONE_NAME_TO_DO = lazy_re.compile(r"^([A-Z][a-z'’-]+)\s+to\s+(?=[a-z])")
_INITIALS_TO_DO = lazy_re.compile(r"^((?:Dr\.?\s+)?([A-Z]{2,3}))\s+to\s+(?=[a-z])")
# who opens the item, then what they will do: "Priya Raman will add ...", "Marco is setting up ..."
# (after a topic's label, as a meeting recap writes it: "SFTP pool health: Rhys Morgan will add ...")
_SUBJECT_WILL = lazy_re.compile(r"^(?:[^:]{3,40}:\s+)?([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})\s+(?:will\s+|is\s+going\s+to\s+|is\s+(?=[a-z]+ing\b)"
                                r"|takes\s+|owns\s+|(?:has\s+)?agreed\s+to\s+)(?=[a-z])")
# who opens the item, then "to" and what they are to do: capitalised words (a team's
# acronym among them), perhaps a name or a team in brackets after them
# (two words or more, or one with a bracket after it: "Leads to review ...", "Work to
# migrate ..." open with a word alone)
# (after a label, "Actions: ", or an item's number, "A1: ")
_SUBJECT_TO_DO = lazy_re.compile(r"^(?:[^:]{2,40}:\s+(?=[A-Z][\w'’.-]*\s+[A-Z][\w'’.-]*(?:\s+\([^()]{2,40}\))?\s+to\s))?"
                                 r"((?:[A-Z][\w&'’.-]*\s+){1,3}[A-Z][\w&'’.-]*(?:\s+\([^()]{2,40}\))?"
                                 r"|[A-Z][\w&'’.-]*\s+\([^()]{2,40}\)"
                                 # ("Platform team to alert on ...": a team by its name)
                                 r"|(?:[A-Z][\w&'’.-]*\s+){1,2}(?:team|squad|crew|desk|office))\s+to\s+(?=[a-z])")
# the verbs an action item opens with when it says what to do, not who does it ("Migrate
# Redis to use TLS", "Configure Alertmanager to page ...")
_TASK_VERBS = frozenset("""add update move migrate upgrade downgrade configure set make create enable disable remove
change switch write document review investigate implement introduce install replace rotate run build deploy
ensure automate alert monitor fix turn raise increase reduce limit require split buy tell schedule test train
audit define agree publish plan check put use allow block restrict extend shorten pin route send notify
consider evaluate explore assess confirm verify track expose rename refactor rework rewrite restore revert
roll backport patch tune adjust align lock unlock open close archive delete drop keep stop start resume
pause get give ask reach teach share hold host speak continue work""".split())


def _set_apart_status(text: str) -> str | None:
    """A status the item sets apart as a field of its own, in any language its status
    words are known in: a tag in square brackets opening it ("[FATTO] Health check ...",
    "[Açık] Alarm ..."), or the last of its dash-separated fields ("... — Bram de Vries —
    PS-1129 — klaar"), read as a status cell is."""
    if text[:1] == "[" and (m := _STATUS_TAG.match(text)):
        return _status(m.group(1))
    parts = _DASHES.split(text)
    for part in parts[1:-1]:
        if (tag := _STATUS_TAG.fullmatch(part.strip())) is not None and (said := _status(tag.group(1))) is not None:
            return said   # "... — [Not accepted] — online work is needed ...": a tag of its own among the fields
    if len(parts) >= 2 and len(last := parts[-1].strip(" .;")) > 30 and last[-1:] == ")":
        last = _WHY_NOTE.sub("", last)   # "... — Abandoned (operator B has postponed their project)": the status, why in brackets
    if len(parts) >= 2 and len(last) <= 30:
        if (said := _status(last)) is None and (day := _DAY_AFTER_STATUS.search(last)) is not None:
            said = _status(last[:day.start()])   # ("— **completata** il 28/10": the status, then its day)
        return said
    if len(parts) >= 2 and len((first := _CLAUSE_END.split(last, 1)[0]).split()) <= 3 and first != last:
        return _status(first)   # "... (Fraser McLeod) – Completed, the supplier has added us to ...": the status, then why
    return None


_CLAUSE_END = lazy_re.compile(r"[,;:.]\s")
# an item's last sentence: a status and when ("Completed 11/4 06:40", "Done 2025-03-02.")
_CLOSING_STATUS = lazy_re.compile(r"(?<=[.;])\s+(done|completed?|closed|fixed|shipped)\s+(?:on\s+)?"
                                  r"\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?(?:,?\s+\d{1,2}:\d\d)?\.?\s*$", re.I)
# a day after a status word, perhaps with its preposition: "il 28/10", "on 3/11", "le 12.02."
_DAY_AFTER_STATUS = lazy_re.compile(r"\s+(?:(?:il|on|le|el|am|op|em|na|w|dne)\s+)?\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\.?$", re.I)
_WHY_NOTE = lazy_re.compile(r"\s*\([^()]{0,120}\)$")


# a tag in square brackets opening an item: "[FATTO]", "[IN CORSO]" (not a checkbox, a
# ticket's "[OPS-12]" or a team's tag: only what a status cell reads as one counts)
_STATUS_TAG = lazy_re.compile(r"\[([^\[\]\d]{2,24})\]")


# an arrow handing the item to someone, then perhaps its notes after commas: "... -> mk,
# OPS-1188, before 2025-01-10", "... → Tom, after the holidays"
_ARROW_TO = lazy_re.compile(r"\s(?:->|→)\s*(@?(?:[A-ZÀ-Þ][\w'’-]+(?:\s(?:" + _PARTICLE + r"\s){0,2}"
                            # (or two first names together: "→ Femke & Sanne, 3 Oct")
                            r"[A-ZÀ-Þ][\w'’-]+|\s(?:&|and)\s[A-ZÀ-Þ][\w'’-]+)?|[a-z][a-z0-9._-]{1,19}))(?:\s\([^()]{1,40}\))?"
                            # (its notes after commas or middle dots: "→ Pieter de Graaf, NETAMS-301, by ...",
                            # "→ Marco Rossi (service desk lead), by 2024-06-30")
                            # (or dashes: "→ Diego — DONE")
                            r"\s*((?:\s?[,·—–][^,·—–]{1,80}){0,3})$")
# a wiki link to a page named for a person: "[[Lukas Brandt]]" (not "[[2024-11 networking budget]]")
_WIKILINKED_NAME = lazy_re.compile(r"\[\[([^\[\]|#]{3,40})(?:\|[^\[\]]*)?\]\]")
# a loose time for the work: "after the holidays", "next sprint", "before Friday"
_LOOSE_WHEN = lazy_re.compile(r"^(?:after|before|by|next|this|end\s+of|early|late|mid)\b", re.I)
# the person sign before who does it, as a note-taking app's task writes it: "👤 [[Ines Duarte]]", "👤 @ines"
_PERSON_SIGN = lazy_re.compile(r"👤\ufe0f?\s*(?:\[\[([^\]|\n]{2,40})(?:\|[^\]\n]*)?\]\]|(@?[\w.-]{2,40}(?:\s[A-ZÀ-Þ][\w'’-]+)?))")
# a person's full name in bold opening the item, a dash after it (not a colon: "**Test
# Installation**: verify ..." is a task's title)
# a name, a long dash, then the task in small letters ("Carla — add a test call at open")
# a name's letters: a capital, then small ones, Latin-1 and beyond ("Paweł", "Zając", "Łukasz",
# "Nguyễn", "Şahin": Latin Extended-A and B and Vietnamese's, of either case after the first)
_NAME_UPPER = "A-ZÀ-ÖØ-Þ\u0100-\u024f\u1e00-\u1eff"
_NAME_LOWER = "a-zß-öø-ÿ\u0100-\u024f\u1e00-\u1eff"
_PLAIN_NAME_FIRST = lazy_re.compile(rf"^([{_NAME_UPPER}][{_NAME_LOWER}'’-]+(?:\s+[{_NAME_UPPER}][{_NAME_LOWER}'’-]+)?)\s+[—–]\s+(?=[a-z])")
_BOLD_NAME_FIRST = lazy_re.compile(r"^\s*(\*\*|__)([^*_\n]{3,40}?)\1\s*(?:[—–]|--?)\s+")
# a name opening the item, perhaps its role in brackets, then a colon and the task in lower
# case: "Ben: ask the host about extra capacity", "Sarah (comms): send appeal emails in
# batches" (not "Test Installation: Verify ...", a task's title over its words)
# ("Reception team lead (Mele Tupou): check ...": a role, the person in brackets)
# (or an arrow after the name: "Sem → make the cookie token the default")
_NAME_COLON_FIRST = lazy_re.compile(r"^((?:[A-ZÀ-Þ][\w'’-]+(?:\s[A-ZÀ-Þ][\w'’-]+){0,2})(?:\s\([^()]{1,30}\))?"
                                    r"|[A-ZÀ-Þ][\w'’ -]{1,30}\s\([^()]{2,30}\))(?::|\s(?:→|->|=>))\s+(?=[a-z])")
# a task's title in bold, then the first clause after it
_BOLD_LEAD = lazy_re.compile(r"^\s*(\*\*|__)(?:(?!\1).){3,200}?\1\s*([^.,;:()]{1,40})[.,;:]")
# ... when that clause is a status word and nothing but when: "Done on August 23", "In progress"
# (not "Fixed thresholds for disk", a task that opens with a status word)
_WHEN_ONLY = lazy_re.compile(r"(?:\s+(?:on|in|since|as\s+of)\s+[\w ]{1,20})?$", re.I)


def _clause_status(clause: str) -> str | None:
    for rx, status in ((DONE, "done"), (OPEN, "open")):
        m = rx.match(clause)
        if m is not None and m.end() > 0 and _WHEN_ONLY.fullmatch(clause, m.end()):
            return status
    return None


# a sub-bullet that is one of the item's fields: "Status: done", "Due date: completed"
_FIELD = lazy_re.compile(r"^[-*+•\s]*(?:\*\*|__)?(status|state|progress|due(?:\s+date)?|deadline|eta|target(?:\s+date)?)"
                    r"(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*(.{1,40})$", re.I)


_FIELDS_APART = lazy_re.compile(r"\s+[·|]\s+")
# a status field whose status a reason follows: "Status: Not doing – the board decided ..."
_STATUS_THEN_WHY = lazy_re.compile(r"^[-*+•\s]*(?:\*\*|__)?status(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*"
                                   r"([^–—:;\s][^–—:;]{1,18}?)\s*(?:[–—:;]|\s-\s)", re.I)
# a status field whose value opens by dropping the work, why or when after it
_WONT_FIRST = lazy_re.compile(r"^[-*+•\s]*(?:\*\*|__)?(?:status|state)(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*"
                              r"(won['’]?t\s+do|not\s+doing|wontfix|will\s+not\s+do)\b", re.I)
# a sub-bullet that opens with the item's status as a label: "Won't do: out of scope ...", "Done: shipped in 4.2"
_STATUS_LEADS = lazy_re.compile(r"^[-*+•\s]*(?:\*\*|__)?(won['’]?t\s+do|not\s+doing|wontfix|done|completed)(?:\*\*|__)?\s*:", re.I)


# an update's lead: "Update 2026-02-05:", "**Update (12 Mar):**", "Update, 3/1 —"
# (its date in any form: "Update 5 February 2026:", "Update, Feb 5 —")
_DATED_UPDATE = lazy_re.compile(r"[\s*_]*(?:[-+*•]\s+)?[\s*_]*update[\s*_,(]*(?:on\s+)?(?=[^:\n]{0,24}\d)[\w/.,\- ]{1,24}?\)?[*_]*\s*[:—–][*_]*\s*", re.I)
_CLAUSE_ENDS = lazy_re.compile(r"(?<=[.!;,])\s+")
_DAY_IN_LEAD = lazy_re.compile(r"\d{4}-\d\d-\d\d|\d{1,2}[/.]\d{1,2}|\d{1,2}\s+(?:" + tp.MONTH_STEMS + r")"
                               r"|(?:" + tp.MONTH_STEMS + r")[a-z]*\.?\s+\d{1,2}\b", re.I)


def _field_status(children: list[str]) -> str | None:
    """The status an item's field sub-bullet states: "Status: Done", "Due date: completed"
    (a due field that holds no date but a status word says the work is done, or dropped);
    None when none does."""
    # (an item's dated updates below it, the latest the status: "Update 2026-02-05: merged
    # in #4412, deployed 5 Feb. **Done.**", "Update 2026-03-01: Blocked. Needs ...")
    updates = [(tp.find_date(u.group()) or date.min, n, c[u.end():]) for n, c in enumerate(children)
               if c[:14].lower().lstrip(" *_-+•").startswith("update") and (u := _DATED_UPDATE.match(c)) is not None
               and _DAY_IN_LEAD.search(u.group())]   # (a day: not "Update 3 Terraform modules:")
    if updates:
        # (the latest by its date, however the list is ordered; days without a year in order)
        _, _, latest = max(updates)
        said = next((st for q in reversed(_CLAUSE_ENDS.split(plain(latest)))
                     if 0 < len(q.strip(" .,*_").split()) <= 2 and (st := _status(q.strip(" .,*_"))) is not None), None)
        if said is not None:
            return said
    # (a sub-bullet may hold several fields: "Assignee: Sam Whitfield · Status: Not doing · ...")
    for c in children:
        if (why := _STATUS_THEN_WHY.match(c)) is not None and (said := _status(why.group(1))) is not None:
            return said   # "Status: Not doing – Booking Board decided on 10 September to ...": the status, then why
        if (lead := _STATUS_LEADS.match(c)) is not None:
            return _status(lead.group(1))   # "- Won't do: out of scope for billing ...": the sub-bullet opens with it
        if (dropped := _WONT_FIRST.match(c)) is not None:
            return _status(dropped.group(1))   # "Status: won't do this financial year (cost); goes to the budget round"
        pieces = _FIELDS_APART.split(c.strip())
        for child in pieces:
            m = _FIELD.match(child.strip())
            if m is None:
                # "Owner: Wei Koh · Ticket: BILL-930 · Done": a status word alone among the fields
                if len(pieces) >= 2 and ":" not in child and len(child.split()) <= 2 \
                        and (said := _status(plain(child).strip(" .*_"))) is not None and any(":" in p for p in pieces):
                    return said
                continue
            value = plain(m.group(2))
            said = _status(value)
            # a status word alone, not a state in part ("done for EU, pending for US", "2 of 5
            # services done"), a plan ("ETA: done by Friday") or a question ("Done?")
            if said is None or len(value.split()) > 2 or "?" in value or (said != "open" and OPEN.search(value)):
                continue
            if said != "open" or m.group(1).lower() in ("status", "state", "progress"):
                return said   # (a due field says open by holding a date, not a word)
    return None


# an Obsidian Dataview inline field: "[due:: 2026-06-01]", "[owner:: Sam]" (a space after
# its "::"; not "[Billing::GatewayClient]" or "[fe80::1]", which are what the item names)
_INLINE_FIELD = lazy_re.compile(r"\[[\w][\w -]{0,30}::\s[^\[\]]{0,200}\]\s*")


# the fields after an item's last dash, a comma between them, one a whole date: "... --
# Deepa Nair, 14/02/2025, ITSM-4471" (who, when, which ticket; not "-- done 23/01")
_LISTED_DATE = lazy_re.compile(r"\s(?:--|[—–])\s(?:[^—–,]{1,60},\s*)+(\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{4}-\d{2}-\d{2})"
                               r"(?:\s*,[^,—–]{1,40}){0,2}\W*$")


# an item closing with its owner and then a day alone after a comma ("...: TG, Monday 8/12")
_DAY_AFTER_OWNER = lazy_re.compile(r"(?:^|[:—–]\s|\s-\s)\s*([^,:—–]{2,40}?),\s*" + _WEEKDAY_OPEN
                                   + r"((?:\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|\d{4}-\d\d-\d\d"
                                   + r"|\d{1,2}\s+(?i:" + tp.MONTH_STEMS + r")[a-z]*\.?|(?i:" + tp.MONTH_STEMS
                                   + r")[a-z]*\.?\s+\d{1,2}))\.?\s*$", re.I)


def _first_due(text: str, incident_date) -> re.Match | None:
    """The first due word in ``text`` whose value reads as a day ("Formal change freeze from 7
    days before any proposal deadline until 2 days after. ... Due: October 25, 2024": the
    task's own words name a deadline, its field the due date); else the first due word."""
    found = None
    for m in _DUE.finditer(text):
        if tp.due_date(m.group(1), incident_date) is not None:
            return m
        found = found or m
    return found


def _comma_fields_name(text: str) -> str | None:
    """The person an item names among the fields it closes with after commas, a ticket or a
    date beside them ("..., PLAT-3320, Chidi Okafor, by 13 March 2026"): one name, and one
    note at least, among the last parts; else None (a list of things is no owner)."""
    parts = [p.strip(" .;") for p in _COMMA_NOT_YEAR.split(text)]
    names, notes = [], 0
    for p in reversed(parts[1:]):
        if not p:
            continue
        if "(" in p or ")" in p:
            break   # (a note in brackets is read as one: "(Sunita Rao, Regulatory, due 5 Feb, done)")
        if _a_note(p):
            notes += 1
        elif 2 <= len(p.split()) <= 3 and _a_name(p) and not _a_body(p):
            names.append(p)   # (a full name: "Dock", one word, is as likely a partner's in a list)
        else:
            break
    return names[0] if len(names) == 1 and notes else None


def _who_what_when(text: str, incident_date):
    """(owner, due, done) of an item written "who — what — when[ — note]": the owner
    is the first or the second part, whichever names someone (below); the due date the
    later part that is only a date (or a quarter); done when the note says it landed."""
    parts = [p.strip() for p in _DASHES.split(text.strip())]
    if len(parts) < 3:
        return None
    # (the owner's part may name its field: "— Responsable: Andrés Villalobos — 26/07/2024 —")
    parts[:2] = [p[o.start(1):] if (o := _OWNER.match(p)) is not None else p for p in parts[:2]]
    # (a name with its role in brackets, "— Lina Ahmadi (PM) —", names someone too)
    who = next((p for p in parts[:2] if _names_someone(p) or _initials(p) or "(" in p and _who_of(p)), None)
    if who is None:
        return None
    if "(" in who:
        who = _who_of(who) or who   # (the person, the role aside)
    for i, when in enumerate(parts[2:], start=2):
        when = when.strip(" .;")
        due = None
        if not _QUARTER.match(when):
            st = tp.read_stamp(when)
            if (st is None or not st.has_date or st.has_time or st.end < len(when)) and not _DAY_MONTH.match(when):
                continue   # (a day and month alone, "31/10", is the next such day)
            due = tp.due_date(when, incident_date)
        note = " ".join(parts[i + 1:])
        return who, due, bool(_LANDED.match(note))
    return None


# Obsidian Tasks' fields: due 📅, scheduled ⏳, start 🛫, done ✅, created ➕, cancelled ❌, each with its day
_TASK_SIGNS = "📅⏳🛫✅➕❌"
_TASK_FIELD = lazy_re.compile(r"\s*([📅⏳🛫✅➕❌]\ufe0f?\s*(?:\d[\d./-]{4,8}\d|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
                         r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}))")
# a name in brackets closing an item, or only its ticket, due date or status after it:
# "... for the redirect loop [Nikhil]", "(Carla)", "[Ananya] — by 28 Jun"
# (or several, each after its dash: "(Arjun Mehta-Rao) — ITOOLS-59 — done")
_BRACKETED_NAME = lazy_re.compile(r"[(\[]([^()\[\]]{2,60})[)\]]((?:\s+(?:[—–]|--)\s+(?:(?!--)[^—–]){1,60}){1,3})?\W*$")
# a note closing an item after its bracket: "(done Wed)", "by 8/19"
# (or its ticket: "(Arjun) AUTH-554")
_NOTE_AFTER = lazy_re.compile(r"(?<=[)\]])\s*(\([^()]{1,30}\)|(?:by|due)\s+[\w/.-]{1,12}|(?-i:[A-Z][A-Z0-9]{1,9}-\d{1,7}))[.;]?\s*$", re.I)
# a status, then who has the work: "(OPS-77), in progress with Ananya", "open with Sam Reyes"
_STATUS_WITH = lazy_re.compile(r"[,;—–-]\s*(?:in\s+progress|open|pending|in\s+review|assigned|ongoing|started)\s+with\s+"
                               r"((?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?)\s*[.)]?\s*$", re.I)
# ... or its ticket and then a note: "(Tom Fairweather) PROMO-901 (done 2024-12-07)"
_TICKET_THEN_NOTE = lazy_re.compile(r"(?<=[)\]])\s*(?-i:[A-Z][A-Z0-9]{1,9}-\d{1,7})\s*(\([^()]{1,30}\))[.;]?\s*$")
# where one note in brackets ends and the next begins
_NOTE_BREAK = lazy_re.compile(r"[,;·—–](?!\s*\d{4}\b)|\s/\s")   # (and a spaced slash: "(Kafka team / Sunita Rao)")
# an item's closing notes in brackets set in italics: "*(Dana Whitaker · HB-1201 · due Mar 14 · Done)*"
_EMPHASISED_CLOSE = lazy_re.compile(r"(?<![*_])[*_]{1,2}(\([^()*_]{1,120}\))[*_]{1,2}\s*$")
# a name, then perhaps its ticket, a status and a date, each after a comma
_NAME_FIRST = lazy_re.compile(r"^([^,]{2,40})((?:,\s*[^,]{1,30}){0,3})$")
# a team named in lower case, set apart as a name is: "— platform team —", "— night crew —"
# a role or a team in small letters after a person's name and a comma: "vendor management", "ops lead"
_ROLE_IN_WORDS = lazy_re.compile(r"[a-z][a-z-]+(?:\s[a-z][a-z-]+){0,2}")
# two people sharing an item: "Ravi + Chloe", "Femke & Sanne", "Ana and Luis"
_TWO_NAMES = lazy_re.compile(r"[A-ZÀ-Þ][\w'’.-]*(?:\s[A-ZÀ-Þ][\w'’.-]*)?\s(?:\+|&|and)\s[A-ZÀ-Þ][\w'’.-]*(?:\s[A-ZÀ-Þ][\w'’.-]*)?")
_JOINED_NAMES = lazy_re.compile(r"\s(?:\+|&|and)\s")
_TEAM_IN_WORDS = lazy_re.compile(r"[a-z][\w-]*(?:\s[a-z][\w-]*)?\s(?:team|squad|crew)")


def _closing_name(text: str) -> str | None:
    """The person an item names at its end: after a dash, perhaps before its ticket, a
    status or a date ("... backoff — Tomás, NOTIF-482, done", "(SEC-118) — Oksana
    Petrenko"), or in brackets ("... loop [Nikhil]", "... (Carla)"). A name is one to three
    capitalised words that are no status, kind, section or month ("— Done", "(Optional)"
    and "[WIP]" name nobody); what follows a name after a comma must be a ticket, a status
    word or a date, or it is a list of things, not who."""
    if any(c in text for c in _TASK_SIGNS):
        # Obsidian Tasks' fields after the name ("— Ilkka Mäkelä 📅 2025-08-29 DATA-78"): notes,
        # each set apart as a comma would
        text = re.sub(r",\s*(?=,|$)", "", _TASK_FIELD.sub(lambda m: ", " + m.group(1).replace(",", "") + ",", text)).strip(" ,")
    if (who := _last_part_names(_DASHES.split(text.strip()))) is not None:
        return who
    while (n := _NOTE_AFTER.search(text) or _TICKET_THEN_NOTE.search(text)) and _a_note(n.group(1)):
        # "... [Dana, OPS-311] (done Wed)", "... [Tomasz, OPS-312] by 8/19", "... (Tom
        # Fairweather) PROMO-901 (done 2024-12-07)"
        text = text[:n.start()]
    if 0 < (k := max(text.rfind(")"), text.rfind("]")) + 1) < len(text) and k > len(text) - 180 \
            and _notes_after(text[k:]):
        # "[Liam Chen] due 2 May, ENG-4412", "(Facilities) — not doing: the municipality
        # cannot supply a second feed": only notes after the bracket, or a status and why
        text = text[:k]
    elif 0 < k < len(text) and text[k:].lstrip()[:1] == ":" and _WHY_STATUS_FIRST.match(text):
        # "WON'T DO — Stagger season unlock by region (Elise Marchand): community strongly
        # prefers one worldwide moment": the status said first, why after the name
        text = text[:k]
    if (m := _BRACKETED_NAME.search(text[-180:])) and (
            m.group(2) is None or all(map(_a_note, (n for n in re.split(r"[,—–]|--", m.group(2)) if n.strip())))):
        # "(Carla)", and a name among notes: "(HL-4410, Kim Tran)", "(Chen Wei, done 2024-09-20)"
        # ("(Piotr; done 9 Feb)"; a year after its comma goes with its day: "by July 1, 2024")
        # (a sentence's stop after the name, "(Done on 3 April, Aoife.)", is no part of it)
        parts = [p.strip() for p in _NOTE_BREAK.split(m.group(1))]
        parts = [p[:-1] if p.endswith(".") and len(p) > 2 and p[-2].islower() else p for p in parts]
        names = [p for p in parts if _a_name(p)]
        if len(names) > 1 and len(people := [p for p in names if not _a_body(p)]) == 1:
            names = people   # (the person beside their role: "(Alison Reid, Operations Manager)")
        # (a team's short name beside the person, "[Cerys Moss, CX]", "(Dana, SRE)", is a note;
        # so is a team named before them, "(Finance, Tom Becker)", "(Data Platform, Olu Bello, ...)")
        # (or a role or team in small letters after them: "(Priya, commercial)")
        if len(names) == 1 and all(p in names or _a_note(p) or (k and (_TEAM_CODE.match(p) or _ROLE_IN_WORDS.fullmatch(p)))
                                   or _a_body(p) for k, p in enumerate(parts)):
            return names[0]
    # or set apart by spaced hyphens, as a plain-text form's answer writes "action, who, by
    # when": "Merge on student ID ... - Rafael - done 6/17" (a note after the name: a
    # hyphen alone sets apart much else, "Upgrade the proxy - Envoy")
    if " - " in text and (who := _last_part_names(_SPACED_HYPHEN.split(text.strip()), noted=True)) is not None:
        return who
    # or after a colon closing the task's words, with its notes after commas: "Alert when a
    # certificate stays not-Ready for 24 h: Rosa Lindgren, PLAT-771. Done." (a note must
    # follow the name: "Upgrade: Postgres" names a thing)
    if ": " in text and (who := _last_part_names(text.rsplit(": ", 1), noted=True)) is not None:
        return who
    # or in a sentence of its own after the task's, with its notes: "... after the upload.
    # Wes, done January 27.", "... every day. Gloria. Done, started March 10." (a word
    # alone closing an item, "... more gracefully. Issue", names no one)
    # ("... booth network. Jim — done")
    return _last_part_names(_SENTENCE_OR_DASH.split(text.strip()), noted=True)


# a handle set apart after the task's words (by a space, a comma, an arrow or a bracket)
_SET_APART_MENTION = lazy_re.compile(r"(?:^|(?<=[\s,(\[→>]))(" + _MENTION + r")(?=[\s,;:)\].]|$)")


def _mention_before_notes(text: str) -> str | None:
    """The handle an item closes with, only its notes after it (a ticket, a due date, a
    status and why, a loose when): "... @hana GRO-312 due 11/15", "→ @deniz [LIVE-1402] by
    2024-01-12", ", @hsu, IV-2241, due 2024-11-22", "@marketing-eng next sprint" (not "Ask
    @bob about the quota", whose handle the task's own words follow)."""
    found = None
    for m in _SET_APART_MENTION.finditer(text):
        found = m
    if found is None or found.group(1).lower() in _EVERYONE:
        return None
    tail = text[found.end():].strip(" .;,)]")
    if not tail:
        return found.group(1) if found.start() > 0 else None
    if tail[:1] == "(" and (role := _PERSON_IN_BRACKETS.match(tail)) is not None and not _a_note(role.group(1)):
        tail = tail[role.end():].strip(" .;,)]")   # "@olysenko (platform) · PLAT-1290": their team, aside
        if not tail:
            return found.group(1)
    tail = re.sub(r"[\[\]()]", " ", tail)
    if _notes_after(tail) or _LOOSE_WHEN.match(tail.strip(" :,")) and len(tail.split()) <= 3:
        return found.group(1)
    return None


# a status that comes with its why, opening the item: "WON'T DO — ...", "Not doing: ..."
_WHY_STATUS_FIRST = lazy_re.compile(r"^\W*(?:won['’]?t\s+(?:do|fix)|wontfix|not\s+doing|dropped|rejected|declined"
                                    r"|cancell?ed|done|deferred)\b", re.I)
_SPACED_HYPHEN = lazy_re.compile(r"(?<!\s)\s++-\s+")
_LEADER = lazy_re.compile(r"\s\.{4,}\s+")
# a name set apart as a column in a plain-text list: a gap of two spaces or a short dotted
# leader before it, two spaces after ("... every alias .. Nkechi Obi     due 21/11/2025")
_NAME_COLUMN = lazy_re.compile(r"\S(?:\s\.+\s+|\s{2,})([A-ZÀ-Þ][\w'’-]+(?:\s[A-ZÀ-Þ][\w'’-]+){0,2})\s{2,}\S")
_TEAM_CODE = lazy_re.compile(r"^[A-Z]{2,5}$")
# a user name written without its @: "ravi.s", "m.zhao", "j_doe"
_BARE_HANDLE = lazy_re.compile(r"[a-z][a-z0-9]{1,20}[._][a-z0-9]{1,20}")
# a name in square brackets opening an item, perhaps after its status word ("DONE [Tom] ...",
# "WON'T DO [Ruth] ...", "[Priya Nair] add the alert"), or in round ones ("(Mei Nakamura) Turn on ...")
_BRACKET_NAME_FIRST = lazy_re.compile(r"^\W*(?:(?:done|todo|to\s?do|open|wip|in\s+progress|blocked|won['’]?t\s+do"
                                      r"|wontfix|not\s+doing|closed|fixed)\b\W*)?[\[(]([^\[\]()\d]{2,40})[\])]\s+(?=\S)", re.I)
_NOTE_CLOSING = lazy_re.compile(r"\s+\(([^()]{1,40})\)$")
_NOTE_PARTS = lazy_re.compile(r"[,;](?!\s*\d{4}\b)|\s[—–·]\s|\s--\s|:\s")   # (a year after its comma goes with its day)


def _notes_after(tail: str) -> bool:
    """Whether what follows an item's closing bracket is only notes (a due date, a ticket,
    a status, each after a comma or a dash), or a status and then why ("— not doing: the
    municipality cannot ...", ": won't do, the file format is fixed")."""
    parts = [p.strip(" .") for p in _NOTE_PARTS.split(tail.strip(" .;:—–-·")) if p.strip(" .")]
    if not parts:
        return False
    if all(len(p.split()) <= 4 and _a_note(p) for p in parts):
        return True
    first = parts[0]
    return len(first.split()) <= 3 and _status(first) not in (None, "open")


# where one sentence ends and the next begins ("N. Bassi" is one name, not two
# sentences), or a dash sets a part apart
_SENTENCE_OR_DASH = lazy_re.compile(r"(?<=[.!?])(?<!\b[A-Z]\.)\s+(?=[A-ZÀ-Þ])|" + _DASHES.pattern)


_COMMA_NOT_YEAR = lazy_re.compile(r",(?!\s*\d{4}\b)")


_INITIAL_STOP = lazy_re.compile(r"\s[A-Z]\.$")


def _last_part_names(parts: list[str], noted: bool = False) -> str | None:
    """The name that the last of an item's ``parts`` (after its own words, and before
    any parts that are only notes) is, perhaps followed by notes after commas: "— Saskia
    Brandt — MM-1440", "— Tomás, NOTIF-482, done", "— RA — 31/10" (a person's initials,
    set apart as a name is). With ``noted``, only a name that a note follows."""
    notes = 0
    if len(parts) > 3 and parts[-1].strip()[:1].islower() and _a_note(parts[-2].strip(" .;")):
        # a remark in small letters after the fields: "— Tom Kowalczyk (engineering) — due
        # 2025-06-30 — NRS-1444 — quote requested from Midway"
        parts, notes = parts[:-1], 1
    while len(parts) > 2 and _a_note(parts[-1].strip(" .;")):
        parts, notes = parts[:-1], notes + 1
    last = parts[-1].strip(" ;") if parts else ""
    last = last if _INITIAL_STOP.search(last) else last.strip(" .;")   # ("— Priya N." keeps its initial's stop)
    if last.endswith(")") and (note := _NOTE_CLOSING.search(last)) and _a_note(note.group(1)):
        last, notes = last[:note.start()], notes + 1   # ("— Ji-woo (done 4 Nov)": the name, its note aside)
    if len(parts) >= 2 and (m := _NAME_FIRST.match(last)):
        # ("— Lena Vos (Product) — Q3": the name, its role aside; "— Partnerships (Ifeoma
        # Nwankwo)" names the person in brackets)
        # (a year after its comma goes with its day: "..., due May 16, 2025")
        rest = [r.strip() for r in _COMMA_NOT_YEAR.split(m.group(2)) if r.strip()]
        if rest and _ROLE_IN_WORDS.fullmatch(rest[0]) and len(m.group(1).split()) >= 2 and _a_name(m.group(1).strip()):
            rest = rest[1:]   # "— Mikko Salo, vendor management — 30.6. — done": the person, then their role
        if all(map(_a_note, rest)) and ((who := _who_of(m.group(1))) or _initials(who := m.group(1).strip())
                                        # ("— ravi.s — done": a user name without its @, notes after it)
                                        or notes and len(parts) >= 2 and _BARE_HANDLE.fullmatch(who)
                                        or _TEAM_IN_WORDS.fullmatch(who) or who.lower() in ("me", "myself")
                                        or _TWO_NAMES.fullmatch(who) and all(map(_a_name, _JOINED_NAMES.split(who)))) \
                and (notes or rest or not noted or who != m.group(1).strip()) and who.lower() not in NO_VALUE:
            return who   # (a role in brackets says a person as a note after it does; "· Unassigned ·" names no one)
    return None


def _a_role_title(text: str) -> bool:
    """A role's title, as public bodies name owners: "Digital Services Team Leader", "Head of
    Digital Services", "Director of Engineering" (capitalised words, "of" or "and" between,
    one of them a role's word)."""
    words = text.split()
    return 2 <= len(words) <= 6 and words[0][:1].isupper() and words[-1][:1].isupper() \
        and all(w[:1].isupper() and w[1:].islower() or w in ("of", "and", "&", "for") for w in words) \
        and _ROLE_WORDS.search(text) is not None and not _status(text) and tp.find_date(text) is None


# a role's word: "Centre Manager", "Practice Lead"
_ROLE_WORDS = lazy_re.compile(r"\b(?:manager|lead|leader|head|director|officer|coordinator|administrator|supervisor|engineer|"
                              r"analyst|owner|chair|controller)s?\b", re.I)
# a word that names a body of work, not a person: "Storage Operations", "Release Management",
# "Regulatory Affairs" (named, not by their endings: "Fleming", "Davies" and "Clement" are surnames)
_WORK_WORD = lazy_re.compile(r"\b(?:operations|management|engineering|security|facilities|infrastructure|analytics"
                             r"|marketing|finance|billing|accounting|network(?:ing)?|compliance|legal|procurement|support"
                             r"|services|logistics|communications|comms|product|platform|data|it|hr|sales|research"
                             r"|development|design|quality|payments|risk|audit|governance|affairs|administration"
                             r"|relations|partnerships|helpdesk|service|success|care|experience)\b", re.I)


def _a_body(name: str) -> bool:
    """A team, an office or a role ("Web team", "Dispatch Supervisor", "Storage Operations"), not a person."""
    return bool(_TEAM_WORDS.search(name) or _ROLE_WORDS.search(name) or _WORK_WORD.search(name))


# a name or a role, and after it in brackets a role or a name
_WITH_BRACKET = lazy_re.compile(r"^([^()]{2,40}?)\s+\(([^()]{2,40})\)$")


def _who_of(text: str) -> str | None:
    """The person ``text`` names: a name ("Sophie Lamb"), a name with its role or team in
    brackets ("Sophie Lamb (Web team)", "Luis (web)"), or a role with the person's name in
    brackets ("Centre Manager (Paul Iredale)", "Reception team lead (Mele Tupou)"); a
    person's name before a team's where both are names."""
    text = text.strip()
    if _a_name(text) or _a_role_title(text):
        return text
    if " / " in text and _a_name(first := text.split(" / ", 1)[0].strip()) and not _a_body(first):
        return first   # "R. Patel / Controls crew": the person, then the crew beside them
    if (m := _WITH_BRACKET.match(text)) is None:
        return None
    outer, inner = m.group(1).strip(), m.group(2).strip()
    named = [w for w in (outer, inner) if _a_name(w)]
    if len(named) == 2:
        # a person beside a team ("Sophie Lamb (Web team)"), else the fuller name
        # ("Partnerships (Ifeoma Nwankwo)")
        people = [w for w in named if not _a_body(w)] or named
        return max(people, key=lambda w: len(w.split()))
    if named == [outer]:
        return outer
    if named == [inner] and not _a_body(inner) and len(outer.split()) <= 5 and not any(c.isdigit() for c in outer) \
            and outer[:1].isupper() and outer.split()[0].lower() not in _TASK_VERBS:
        return inner
    return None


# a chat or forge handle in lower case: "kpatel", "mira", "k.lin", "@sam"
_HANDLE = lazy_re.compile(r"^@?[a-z][a-z0-9._-]{1,19}$")
# the parts of an item a handle may stand in: after a dash (a spaced hyphen too, "- kev,
# due 7/28") or a sentence's end
_HANDLE_PARTS = lazy_re.compile(_SENTENCE_OR_DASH.pattern + "|" + _SPACED_HYPHEN.pattern)
# a person's initials closing an item after a colon ("... return passes: TG")
_COLON_INITIALS = lazy_re.compile(r"\S:\s+([A-Z]{2,3})\s*$")
# or a name, after the task's words ("... to #club-ops: Marco")
_COLON_NAME = lazy_re.compile(r"(?<=\S):\s+([A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,2})\s*$")
_HANDLE_KEY = "_handle"   # an item's handle until its list is read whole (_from_text)
_NAMED_FIRST_KEY = "_named_first"   # a full name before a colon and a task in capitals, until the list is read
_FULL_NAME_COLON_TITLE = lazy_re.compile(r"^([A-ZÀ-Þ][a-zß-ÿ'’-]+\s[A-ZÀ-Þ][a-zß-ÿ'’-]+):\s+(?=[A-Z])")
# "(raj)" closing an item, perhaps before its ticket or notes: "(jordan) LIN-233"
# (or with its notes inside the bracket: "(sam, on the day)", "(kev, LIN-9)")
_BRACKETED_HANDLE = lazy_re.compile(r"\(@?([a-z][a-z0-9._-]{1,19})(?:,\s*([^()]{1,40}))?\)([^()]{0,60})$")


def _handles_as_owners(items: list[dict]) -> None:
    """One list's items that name no owner get the lower-case handle each sets where an
    owner goes ("... reconnect — kpatel — OPS-2291", "... autoscaling (raj)", "... restart
    - sam ✅ done"), when two items of the list or more set one: a team that writes owners
    so writes them throughout, while one lower-case word in brackets or after a dash is as
    likely a tag ("(optional)", "— prod"). Two different handles at least: a tag repeats
    ("Firefox (latest)", "Chrome (latest)"). Read from the item as written, so a link's
    text ("([issue](https://...))") is none."""
    found = [(item, h) for item in items if (h := item.pop(_HANDLE_KEY, None)) is not None]
    named_first = [(item, h) for item in items if (h := item.pop(_NAMED_FIRST_KEY, None)) is not None]
    if named_first and sum(1 for a in items if (o := a.get("owner")) and a["text"].startswith(o + ":")) \
            + sum(1 for a, h in found if a["text"].startswith(h + ":")) >= 2:
        # ("Jonas Weber: refresh job ...", "Mateo Ruiz: keep ...", then "Chiara Conti: Customer
        # Care macro ...": the list opens each item with its owner, whatever case the task takes)
        for item, h in named_first:
            item["owner"] = h
    # (so do names before a colon: "Ben: ask the host ...", "Sarah (comms): send ..."; one alone,
    # "Reader: codeless 403 ...", is as likely a part's name; one person's full name over two
    # items or more, "Rewa Thompson: make a list ...", "Rewa Thompson: move ...", is theirs)
    said = [h for _, h in found]
    # (an owner the list's other items set as a handle counts too: "— @kofi — INFRA-501" beside
    # "— @ines — INFRA-502" read as a field)
    handles = set(said) | ({a["owner"] for a in items if (a.get("owner") or "")[:1] == "@"}
                           if any(h[:1] == "@" for h in said) else set())
    # (and one the list's other items open with before a colon: "@devon.price: treat ..." beside
    # "Tanisha Brooks (Ops Chicago): alert when ...", each item's owner first)
    handles |= {o for a in items if (o := a.get("owner")) and a["text"].startswith(o + ":")}
    if len(handles) >= 2 or any(said.count(h) >= 2 and len(h.split()) >= 2 and _a_name(h) for h in said):
        for item, h in found:
            item["owner"] = h


def _handle(text: str) -> str | None:
    """The lower-case handle an item sets where its owner goes (_handles_as_owners)."""
    if (m := _BRACKETED_HANDLE.search(text)) and all(_a_note(n) for n in re.split(r"[,;—–]", f"{m.group(2) or ''},{m.group(3)}")
                                                      if n.strip(" .")):
        return m.group(1) if _a_handle(m.group(1)) else None
    if (m := _COLON_INITIALS.search(text)) and _initials(m.group(1)):
        return m.group(1)   # "... before end of shift (RS-3321 is started): OH": a handover's initials
    if (m := _COLON_NAME.search(text)) and len(text[:m.start()].split()) >= 3 and _a_name(m.group(1)):
        return m.group(1)   # "Heartbeat alert from the bridge to #club-ops: Marco" (not "Upgrade: Postgres")
    parts = _HANDLE_PARTS.split(text.strip())
    while len(parts) > 2 and _a_note(parts[-1].strip(" .;")):
        parts = parts[:-1]
    if len(parts) < 2:
        return None
    head, *rest = [r.strip() for r in re.split(r"[,;]", parts[-1].strip(" .;"))]
    head = re.sub(r"^me\s+\((.+)\)$", r"\1", re.sub(r"\s*[✅✔].*$", "", head))   # ("me (sam)", "sam ✅ done")
    if (note := _NOTE_IN_BRACKETS.search(head)) and _a_note(note.group(1)):
        head = head[:note.start()]   # "— ollie (done 8/20)": the handle, then its note in brackets
    return head if _a_handle(head) and all(_a_note(r) for r in rest if r) else None


def _a_handle(word: str) -> bool:
    return bool(_HANDLE.match(word)) and word.lstrip("@") not in _NOT_NAMES and word not in NO_VALUE \
        and not _a_note(word) and not _NOT_SOMEONE.search(word) and _kind(word) is None and section_kind(word) is None


def _initials(text: str) -> bool:
    """A person's initials set apart as a name is ("RA", "JPK"; not "API", "TBD")."""
    return _INITIALS.match(text) is not None and text not in _NOT_INITIALS and text not in _NOT_OWNER_INITIALS


# a sub-point's own marker: "- ", "• ", "2. "
_SUB_MARKER = lazy_re.compile(r"^(?:[-*+•◦▪‣]|\d{1,2}[.)])\s+")
# an item's key opening its paragraph: "A1. ", "CA-2) "
# (with its owner or due date in it: not a legend's "P1: must land ...", a Q&A's "Q1: ...")
_ITEM_KEY = lazy_re.compile(r"[A-Z]{1,3}-?\d{1,3}[.)]\s+\S")
# the parts of a line of fields: "Nikhil - AST-311", "Gemma Hartley — due 2025-03-07"
_FIELD_PARTS = lazy_re.compile(r"\s+(?:[-—–·]|--)\s+")


def _owner_line(line: str) -> str | None:
    """The owner a sub-point names when it is only the item's fields, someone first and
    then notes ("Nikhil - AST-311", "Support Ops (Gemma Hartley) - due 2025-03-07": the
    task's line wrapped where its fields begin); else None."""
    parts = [p.strip() for p in _FIELD_PARTS.split(line.strip())]
    if len(parts) < 2 or not all(_a_note(p) for p in parts[1:]):
        return None
    who = parts[0]
    if "(" in who:
        return _who_of(who)
    # (a person's full name or initials: one word may be a place or a component,
    # "- Frankfurt - INFRA-77", "- Search API - PLAT-302")
    if len(who.split()) >= 2 and all(w[:1].isupper() and w[1:].islower() for w in who.split()) and _names_someone(who) \
            or _initials(who):
        return who
    return None


def _a_note(text: str) -> bool:
    """A ticket, a status word or a date, as they follow an item's owner ("NOTIF-482",
    "done", "due 9/27", "by 28 Jun")."""
    text = text.strip()
    # (a status in lower case too: "(Priya; shipped)", "(Marcus Bell; in review)")
    # (a few words of what became of it and when: "finished 9 Apr", "hecho el 02/12", "first one
    # due 31 March", "geregeld op 17 maart")
    short = len(text) <= 40 and len(text.split()) <= 5
    return bool(short and text[:1].isalpha() and _ENDS_ON_A_DAY.search(text)
                or _ticket(text) or _status(text) is not None or _LANDED.match(text) or tp.find_date(text) or _DUE.match(text)
                or text[:1].islower() and _status(text.capitalize()) is not None
                or _day_alone(text)
                or _DAY_MONTH.match(text) or _QUARTER.match(text) or _BARE_QUARTER.match(text) or _WEEK_NOTE.fullmatch(text)
                or _EMPTY_FIELD.match(text) or _NO_DATE_YET.match(text) or _DUE_IN_NUMBERS.match(text)
                # (a loose time for the work: "— Georgie Hart (Saltbush Presents) — before the 2026 on-sale")
                or short and _LOOSE_WHEN.match(text) is not None
                # (a status word in any language, then its day: "selesai 27/01", "erledigt 3.2.")
                or (" " in text and (st := text.rsplit(None, 1))[0] and _DAY_MONTH.match(st[1]) is not None
                    and _status(st[0]) is not None))


# a week of the year as the work's when: "uge 7", "week 12", "KW 14", "wk 3"
_WEEK_NOTE = lazy_re.compile(r"(?:(?:by|due|in)\s+)?(?:week|wk|uge|uke|vecka|kw|semaine|semana|settimana|tydzień)\s*\d{1,2}", re.I)
# a short note ending on a day: "finished 9 Apr", "sent 8 Apr 11:02", "hecho el 02/12"
_ENDS_ON_A_DAY = lazy_re.compile(r"\s(?:\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\.?|\d{1,2}\.?\s+[A-Za-zäéû]{3,9}\.?(?:\s+\d{4})?"
                                 r"|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:,?\s+\d{4})?)(?:\s+\d{1,2}:\d\d)?$")
# a due word and a day in numbers, whichever order it is in: "by 10/01/25" (the document's
# order reads it; either way it is a note after the owner, not more of a name)
_DUE_IN_NUMBERS = lazy_re.compile(r"^(?:by|due|before)\s+\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2}(?:\d{2})?)?$", re.I)


def _day_alone(text: str) -> bool:
    """A day written without its year and nothing else ("Aug 22", "22 Aug"), as a note."""
    if not text[:1].isalnum() or len(text) > 12:
        return False
    st = tp.read_stamp(text)
    return st is not None and st.has_date and not st.has_time and st.end >= len(text.rstrip(". "))


# a note that says when, or that nothing is set yet: "on the day", "no date yet", "no ticket"
_NO_DATE_YET = lazy_re.compile(r"^(?:on\s+the\s+day|same\s+day|(?:no|without)\s+(?:due\s+)?(?:date|deadline|ticket|eta)"
                               r"(?:\s+yet)?|tbc|tbd|from\s+now\s+on|ongoing)$", re.I)
# a bracket closing a handle: "ollie (done 8/20)"
_NOTE_IN_BRACKETS = lazy_re.compile(r"\s*\(([^()]{1,30})\)$")


# a note's field left empty: "ticket: N/A", "due: TBD", "Jira: -"
_EMPTY_FIELD = lazy_re.compile(r"^(?:tickets?|jira|issue|due|deadline|status|eta)\s*:\s*(?:n/?a|tbd|tbc|none|-+|—|\?+)?\s*$", re.I)


# a quarter named alone, as a target: "— Q3"
_BARE_QUARTER = lazy_re.compile(r"^Q[1-4]$")


# a day and a month in numbers, no year: "31/10", "10/31", "31.10."
_DAY_MONTH = lazy_re.compile(r"^" + _WEEKDAY_OPEN + r"(\d{1,2}[./]\d{1,2}\.?)$", re.I)


def _a_name(text: str) -> bool:
    """One to three words, each a capital then small letters ("Oksana Petrenko", "N.
    Bassi"; not "API", "EU" or "P1"), that name someone (_names_someone) and no month or
    weekday."""
    words = text.split()
    # ("Sanne de Wit", "Ludwig van der Berg": a particle between a name's parts; "Karthik S":
    # a surname's initial without its stop, after a first name)
    return 1 <= len(words) <= 4 and all(_NAME_WORD.match(w) or _particle(words, k)
                                        or k == 1 == len(words) - 1 and len(w) == 1 and w.isupper()
                                        for k, w in enumerate(words)) \
        and len(words) - sum(w in _PARTICLES for w in words) <= 3 \
        and (len(words) == 1 or not _TEAM_WORDS.fullmatch(words[0])) and _names_someone(text) \
        and not any((tp.calendar_word(w) and not (k == 0 < len(words) - 1 and not tp.calendar_word(words[-1])))
                    or w.lower() in _NOT_NAMES for k, w in enumerate(words)) \
        and tp.find_date(text) is None and not all(w.rstrip(".") in _TITLES for w in words)


# a capital then small letters ("Oksana", "N.", "Ngũgĩ"), or a team's word after one ("Data team")
# (a double-barrelled name's second part may open with a capital: "Mehta-Rao", "Tranter-Osei")
# (or a title before a surname, as schools and hospitals write who: "Ms. Albescu", "Dr Okafor")
_TITLES = ("Mrs", "Mr", "Ms", "Mx", "Dr", "Prof")
_NAME_WORD = lazy_re.compile(r"^(?:[A-Z]\.|(?:" + "|".join(_TITLES) + r")\.?|(?:Mc|Mac|O['’]|D['’])?"
                             rf"[{_NAME_UPPER}][{_NAME_LOWER}'’-]+(?:-[{_NAME_UPPER}][{_NAME_LOWER}'’]+)?"
                             r"|team|squad|group|crew|guild|office|desk|department)$")


def _particle(words: list[str], k: int) -> bool:
    """Is ``words[k]`` a particle between a name's parts ("de" in "Sanne de Wit")?"""
    return 0 < k < len(words) - 1 and words[k] in _PARTICLES


# words a bracket after an item holds that say how or when, not who: "(Now Enforced)", "(Optional)"
_NOT_NAMES = frozenset("now later soon today tomorrow tonight yesterday overnight earlier optional required mandatory recommended enforced planned "
                       "proposed draft internal external public private manual automated automatic partial "
                       "stretch backlog ongoing new old all none both each "
                       # ("Proposal: block rule releases after 14:00": what a minutes' line is, no one's name)
                       "proposal proposals decision decisions suggestion idea question note rejected".split())

# a note saying the work is in: "landed in commit a1b2c3", "done", "shipped in v2.4"
_LANDED = lazy_re.compile(r"^\W*(?:landed|done|shipped|merged|deployed|completed|fixed)\b", re.I)
_TEAM_WORDS = lazy_re.compile(r"\b(?:team|squad|group|crew|guild|office|desk|department|sre|ops|devops|on[\s-]?call|eng(?:ineering)?|owner)\b", re.I)
# (a work's name, "Monitoring", "Caching": not a short name that ends so, "Wei Ling", "Ming")
# (a gerund alone, "Monitoring"; beside a first name, "Rosa Elling", "Amy Fleming", a surname)
_NOT_SOMEONE = lazy_re.compile(r"^(?:p\d|sev[\s-]?\d|high|medium|low|critical|urgent)$|^\w{3,}ing$", re.I)


def _names_someone(part: str) -> bool:
    """Does the short part of an item name who does it: "@kim", "Platform team", "Bob",
    "**me**" (not "P1", "Done", "Caching", "Monitoring")?"""
    who = plain(part).strip()
    words = who.split()
    if not words or len(words) > 4 or any(c in who for c in ":()[]"):
        return False
    if who.startswith("@") or who.lower() in ("me", "i", "we", "us") or _TEAM_WORDS.search(who):
        return True
    return all(w[:1].isupper() or _particle(words, k) for k, w in enumerate(words)) \
        and not _NOT_SOMEONE.search(who) and not _LANDED.match(who) \
        and _status(who) is None and _kind(who) is None and section_kind(who) is None


# In free text only explicit markers say done: "(done ...)", "[done]", "**Done**", "DONE"
# in capitals, a check mark. "not a fixed size" is not one.
# ("__DONE__" as well as "**DONE**": an underscore around the word is markup, not a letter)
_PROSE_DONE = lazy_re.compile(r"(?i:\((?:done|completed|fixed|resolved|shipped|merged)\b[^)]*\)|\[(?:done|completed|fixed)\]|"
                         r"(?:\*\*|__)\(?(?:done|completed)(?![^\W_])|"   # ("__Done__": "_" is a word character)
                         # (or after its word in the team's own language: "**Ferdig / Done.**")
                         r"(?:\*\*|__)[^\W\d_]{3,14}\s?/\s?(?:done|completed)(?![^\W_])|"
                         # the item's last words in italics: "... IDX-77. *Done.*", "*Done 29 Sep.*"
                         r"(?<![*_\w])[*_](?:done|completed)\b[^*_\n]{0,60}[*_]\s*$|"
                         # "**Landed.**", "__Shipped__": a status in bold on its own
                         # (not "Not **landed**", "partially **implemented**", "**Fixed** vs ...")
                         r"(?<!not )(?<!partially )(?<!partly )"
                         r"(?:\*\*|__)(?:landed|shipped|merged|fixed|implemented|resolved)"
                         r"(?:[.!](?:\*\*|__)|(?:\*\*|__)(?:[.!]|\s*$)))|"
                         r"(?<![^\W_])(?<!-)(?:DONE|COMPLETED|FIXED)(?![^\W_])(?!-)|✅|✔|☑|☒"
                         # the item's last sentence opens with it, a note after: "... Owner: Bernie
                         # Kowalczyk. Done — live in the script since Wednesday.", "Done already, live since Wednesday."
                         # ("... Marcus Hale. Done: new limit 150 rps from Aug 15.")
                         # (or its last part after a dot between fields: "... · Ticket: ARO-313 · Done — network
                         # coordinator has added ARO to GX2412 (2024-12-10).")
                         r"|(?:(?<=[.!?])|(?<=[·|]))\s+(?i:done|completed?)(?i:\s+already)?\s*(?:[—–]|--|,|:|-\s)\s*[^.!?]{1,60}[.!]?\s*$"
                         # an item told in a sentence that says it is out: "And this one already
                         # shipped on Thursday, ...", "this one is already live"
                         r"|(?i:\bthis\s+one\s+(?:has\s+)?(?:already\s+(?:shipped|landed|went\s+live)|is\s+already\s+(?:live|done|in\s+place)))"
                         # a status label opening the item: "Completed: rate-limit rules are now tested"
                         r"|^\s*(?i:done|completed?|fixed|shipped|implemented)(?i:\s+already)?\s*(?::|\s[-—–]\s)"   # ("Done already: ...", "Done already - the new ...")
                         # the item's last part says it: "... — done", ", done 21 Feb", "; done 9 Feb)", ". Done
                         # 28.03.", "— done 19 Jun via CODEOWNERS", "(Team agreement, done)"
                         # (or in another language after a dash: "— erledigt", "— concluído")
                         # ("— fixed", "— merged and released in 3.8.0": after a dash, the work landed)
                         # (or after a colon: "... to our own origin: done 2024-02-14.")
                         # (or after a spaced hyphen, as plain text writes a dash: "... - Rafael - done 6/17")
                         r"|(?i:(?:\s[—–·|]\s*|\s-\s+|[,;:]\s*|(?<=[.!?])\s+|\(\s*)(?:done|complete[d]?|shipped|(?<=[—–.!?]\s)(?:" + DONE_OTHER
                         + r"|(?:fixed|merged|released|landed|deployed)(?:\s+and\s+(?:released|deployed|shipped))?))"
                         r"(?:\s+(?:on\s+)?[\d./-]{2,10}|\s+(?:on\s+)?\d{1,2}\s+[a-z]{3,9}\.?(?:\s+\d{4})?"
                         r"|\s+(?:on\s+)?[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"   # ("done 19 June 2024", "done June 19, 2024")
                         r"|\s+(?:on\s+)?\d{1,2}-[a-z]{3}-\d{2,4}"   # ("Completed 06-Mar-2025.")
                         r"|\s+(?:via|in|with|during|at)\s+[^.;:()]{1,30}"   # ("Done during the meeting.")
                         r"|\s*\([^()]{1,60}\)|\s+in\s+v?\d+(?:\.\d+){1,3}"   # ("Done (March 14).", "released in 3.8.0")
                         # ("Done, started March 10.": done, and since when)
                         r"|,\s*(?:started|since|live\s+since|in\s+place\s+since)\s+[^.;()]{1,30}"
                         # ("— done on Monday.", "Done on Wednesday 5th March.")
                         r"|\s+(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:,?\s+\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?(?:\s+\d{4})?)?"
                         r"|\s+(?:today|yesterday)"
                         r"|,\s*(?-i:[A-Z][A-Z0-9]{1,9}-\d{1,7}))?"   # ("— done, OPS-2292": the ticket it closed)
                         # (then only the item's own fields in brackets: "– done on 04.11.2025
                         # (responsible: Marta Zielińska)")
                         r"(?:\s*\((?:owner|responsible|assignee|eigenaar|ansvarig|pic|ticket|due)\b[^()]{0,80}\))?"
                         r"(?:\s*[)\]]?[.!]?\s*$"   # ("(Thandiwe, done 2024-03-11).", "[owner: @kai | GW-313 | done]")
                         # (or its reference after it: "... Completed 11/07/2025. Ref: PXN-OPS-3390.")
                         r"|[.!]\s+(?:ref(?:erence)?|ticket|jira|change|cr)\b\s*[:#.]?\s*[\w#/-]{2,30}[.!]?\s*$"
                         # (or its ticket as the last field: "... — Tomás Ribeiro — done 2025-07-18 — IRR-199")
                         r"|\s+[—–·|]\s+(?-i:[A-Z][A-Z0-9]{1,9}-\d{1,7}|#\d{1,7})[.!]?\s*$"
                         # (or a note of its own after a semicolon: "...: done 11 Mar; the
                         # tokenizer change stays reverted until SRCH-310 lands")
                         r"|;\s+(?!(?:but|except|partial\w*|partly|only|not|still)\b)[^;\n]{1,160}$))")
# ... and a decision against it: "won't do" anywhere, but "rejected", "dropped" only as a
# marker ("Declined: too costly", "(dropped)", "— cancelled"), not in a sentence ("Rejected
# paths log a warning", "the connection dropped")
_DECIDED_AGAINST = r"(?:declined|rejected|cancell?ed|dropped|obsolete|not\s+adopted|decided\s+against|" + WONT_OTHER + r")"
_PROSE_WONT_DO = lazy_re.compile(r"won[’']?t\s*(?:do|fix)|wontfix|wont[\s_-]?do|not\s+doing|will\s+not\s+(?:do|fix)|not\s+planned(?![^.;\n]{0,40}\b(?:yet|until|waiting|pending|needs|next)\b)"
                            # "Pinecrest will not implement this measure: ...", "not pursued"
                            # (the item's verdict, not a deferral, "... will not implement this until
                            # 4.2", nor an earlier proposal's history, "which was not pursued in 2023")
                            r"|(?:will\s+not|won[’']?t)\s+(?:implement|pursue)\s+(?:this|that|it)\b(?!\s+(?:until|unless|before|yet)\b)"
                            r"|(?:^|[.:;—–]\s*|\s-\s)not\s+pursued\b(?!\s+yet)"
                            # "We considered pinning ... We will not be doing this: ..."
                            r"|(?:will\s+not|won[’']?t)\s+be\s+doing\s+(?:this|that|it)\b"
                            r"|not\s+proceeding"
                            # opening the item, or after a strike, a dash or a status key ...
                            r"|(?:^|~~|\*\*|__|[—–-]\s|status\s*[:=])\s*" + _DECIDED_AGAINST
                            + r"(?=\s*(?:[()\]:.,;—–-]|\*\*|__|$))"
                            # ... in brackets ("(rejected by the review)"), or as the last word
                            r"|[(\[]\s*" + _DECIDED_AGAINST + r"\b|(?:^|[.!?]\s+)" + _DECIDED_AGAINST + r"[.!]?\s*$", re.I)
# an item that opens struck through: "- ~~Verify the watchdog across a reboot.~~ Verified
# 08-18" (not a field struck and written again, "~~Due 2025-11-15~~ Due 2025-12-01")
# (after a bold label of its own, as its priority: "**P3** ~~Top up the account~~ — owner: ...")
_STRUCK = lazy_re.compile(r"^\s*(?:(?:\*\*|__)[^*_~\n]{1,16}(?:\*\*|__)\s*)?~~(?P<struck>[^~]+)~~\W*(?P<after>\w*)")


def _struck_done(text: str) -> bool:
    m = _STRUCK.match(text)
    if m is None:
        return False
    words = m.group("struck").split()
    return len(words) >= 3 and m.group("after").lower() != words[0].strip(":*_").lower()


_PERSON_IN_BRACKETS = lazy_re.compile(r"\s*\(([^()]{2,40})\)")


def _owner_field(text: str):
    """Where ``text`` names its owner ("Owner: @kim", "(owned by the data team)"). An
    aside between commas describes something else: "The main Caddyfile, owned by
    topquaranta, contains ..." names who owns the file, not the item."""
    if "orumlu" in text:
        # Turkish "Sorumlu:" (responsible), read as its English key of the same length (the
        # scan's guard stays on letters that seldom start a word: not "s")
        text = text.replace("Sorumlu", "Owner  ").replace("sorumlu", "owner  ")
    for m in _OWNER.finditer(text):
        aside = m.group(0)[:8].lower() == "owned by" and text[max(0, m.start() - 2):m.start()].strip() == "," \
            and "," in text[m.start(1):m.start(1) + 40]
        if not aside and not _owner_as_noun(text, m):
            return m
    return None


_JOINING_WORDS = frozenset("and or of to for with in on is are was were the a an as by from".split())


def _owner_as_noun(text: str, m: re.Match) -> bool:
    """Whether an owner's key with no mark after it, before a word in lower case, is a noun
    in the item's words ("using the CMDB owner list. Responsible: Katrin Hölzl"), not a
    field ("(owner alice)")."""
    name = m.group(1)
    if not name[:1].islower() or any(c in text[m.start():m.start(1)] for c in ":=-–："):
        return False
    if name.split(None, 1)[0] in _JOINING_WORDS:
        return True   # "tag every key with owner and data-class": the tag's name, no one's
    return text[m.end(1):m.end(1) + 1] not in ("", ")", "]", ",", ";")


def _status(text: str, prose: bool = False) -> str | None:
    """The status a cell or an item's text states, or None when it states none."""
    if not text or not text.strip():
        return None
    if "&" in text:
        text = html.unescape(text)   # ("Won&rsquo;t do", as an HTML export writes it)
    if not prose and ("→" in text or "->" in text) and (
            (now := _status(moved := _ARROW.split(text)[-1])) is not None
            or (now := _status(moved.rsplit(",", 1)[-1].strip(" .").capitalize())) is not None):
        # "In review → Done", "In review → rolled out 100% on 4 Nov, closed": the status it moved to
        return now
    if not prose and (state := _TRACKER_STATES.get(text.strip(" .*_").lower())) is not None:
        return state   # a tracker's own state, the whole cell or field: Azure DevOps' "New", "Active", "Removed"
    if (_PROSE_WONT_DO if prose else WONT_DO).search(text):
        return "wont_do"
    if prose and "【" in text and (m := _CJK_MARKED.search(text)) and (marked := _status(m.group(1))) is not None:
        return marked   # "... （担当：SREチーム）【対応済み】": a status in lenticular brackets, read as a cell
    if prose:
        # in free text only explicit markers count: "done" inside a sentence does not
        if _PROSE_DONE.search(text) or _struck_done(text):
            return "done"
        return None
    if (m := DONE.search(text)):
        # "Not yet done", "not completed": the first done word denied says open; so does a
        # cell that opens with a status of its own before it ("Reopened: marked Done on 30
        # Jan, but February's drill was skipped")
        # (a label, its colon after it, or the work reopened: not a history that ends done,
        # "Started 20 Jan, done 29 Jan", nor the verb of a task, "Open a support case ... — done")
        if m.start() > 0 and _OPENED_FIRST.match(text):
            return "open"
        return "open" if _DENIED_DONE.search(text, max(0, m.start() - 16), m.start()) else "done"
    if OPEN.search(text):
        return "open"
    return None


# a tracker's workflow states, each the whole of its cell or field
_TRACKER_STATES = {"new": "open", "active": "open", "proposed": "open", "committed": "open", "approved": "open",
                   "removed": "wont_do"}
_OPENED_FIRST = lazy_re.compile(r"[\s*_]*(?:re-?opened\b|(?:open|in\s+progress|pending|blocked|on\s+hold)\s*:)", re.I)
# a status set apart in lenticular brackets, as Japanese and Chinese lists mark one: "【対応中】"
# (or in two languages: "【完了 / Completed】")
_CJK_MARKED = lazy_re.compile(r"【([^【】]{1,30})】")
# a denial right before a status word: "Not yet done", "never completed", "not been fixed"
_DENIED_DONE = lazy_re.compile(r"\b(?:not|never)\s+(?:yet\s+)?(?:been\s+)?$", re.I)


def _ticket(text: str) -> str | None:
    if not text:
        return None
    t = text.strip()[:4000]
    for rx, fmt in ((_BROWSE, "{0}"), (_LINEAR_URL, "{0}")):
        m = rx.search(t)
        if m:
            return m.group(1)
    m = _GH_URL.search(t)
    if m:
        return f"{m.group(1)}#{m.group(2)}"
    m = _GH_SHORT.search(plain(t))
    if m:
        return f"{m.group(1)}#{m.group(2)}"
    if t[:1] in "PICRTSW" and (m := _SERVICENOW.match(t)):
        return m.group(1)   # "PRB0004412  Root cause of ... trips at LS-14": a service desk's task, by its number first
    # (a key in the item's own ticket field first: "... MPLS-BLR-04418 ... | Ref: CR-20931": the
    # circuit the task names is not its ticket)
    m = (_KEYED_FIELD.search(t) if ":" in t else None) or _JIRA_KEY.search(t)
    if m:
        if m.re is _JIRA_KEY.compiled() and (after := _JIRA_KEY.search(t, m.end())):
            # (of two keys, the one set apart as a field of its own: "Move the DNS-01
            # credentials ... — Jonah Price — SEC-611 — due ...": the first names a thing)
            return next((k.group(1) for k in (m, after, *_JIRA_KEY.finditer(t, after.end())) if _apart(t, k.start(), k.end())),
                        m.group(1))
        return m.group(1)
    m = _SERVICENOW.search(t)
    if m:
        return m.group(1)
    if "T" in t and (m := _PHABRICATOR.search(t)):
        return m.group(1)
    m = _HASH.search(t)
    if m:
        return f"#{m.group(1)}"
    if "#" in t and (m := _KEYED_HASH.search(t)):
        return m.group(1)
    m = _TRACKER_URL.search(t)
    if m:
        return m.group(0).rstrip(").,>")
    return None


_FIELD_EDGE = "—–|·,;()[]"


def _apart(t: str, start: int, end: int) -> bool:
    """Whether the key at ``t[start:end]`` stands as a field of its own in ``t``: between
    separators (or the text's ends), not inside the item's words."""
    before, after = t[:start].rstrip(), t[end:].lstrip()
    # (a spaced hyphen or two, as plain text writes a dash: "-- Owner: M. Tran -- KIOSK-311 -- done")
    return (not before or before[-1] in _FIELD_EDGE or before.endswith(("--", " -"))) \
        and (not after or after[0] in _FIELD_EDGE or after.startswith(("--", "- ")))


_STATUS_WORDS = lazy_re.compile(r"\*\*[^*]*\*\*|\b(?:TODO|DONE|WIP)\b")


def _cell_ticket(cell: str) -> str | None:
    """A ticket column's value: a recognised reference, else the cell's own words
    (``Bug 5554823``) with status markers removed; None for n/a and blanks."""
    found = _ticket(cell)
    if found:
        return found
    rest = plain(_STATUS_WORDS.sub("", cell or "")).strip()
    return None if _blank(rest) else rest


def _clean_owner(v: str) -> str | None:
    v = plain(v or "").strip(" ,;")
    if "→" in v or "->" in v:
        v = _ARROW.split(v)[-1].strip(" ,;")   # "@rahul.k → @vikram.m (Rahul moved to Payments)": reassigned
    if v.lower().endswith(" yet") and v[:-4].strip().lower() in NO_VALUE:
        return None   # "owner: nobody yet", "unassigned yet"
    if v.endswith(")") and (note := _EMPHASISED_NOTE.search(v)):
        v = v[:note.start()].strip(" ,;")   # "Rohan Mehta _(AI: Speaker 3)_": the person, a tool's note in italics after
    if v.endswith(")") and _blank(_TRAILING_NOTE.sub("", v)):
        return None   # "[owner?] (AI: Speaker 1)", "— (AI: Speaker 4)": a blank, a tool's guess noted beside it
    if (v.endswith(")") or " / " in v) and (who := _who_of(v)):
        v = who   # "Ken Whitford (Facilities)", "Site lead (Ana Ruiz)": the person, the one owner however written
    return None if _blank(v) or v.lower() in _NO_OWNER_YET else v


# a note in brackets ending a cell: "(AI: Speaker 1)"
_TRAILING_NOTE = lazy_re.compile(r"\s*\([^()]*\)$")
_EMPHASISED_NOTE = lazy_re.compile(r"\s+[*_]+\([^()]*\)[*_]*$")


# what follows "owner" where nobody is named: "(no owner yet)", "owner needed", "owner TBD"
_NO_OWNER_YET = frozenset({"yet", "needed", "wanted", "required", "missing", "pending", "unknown", "to", "is", "was",
                           # ("Responsible: to be assigned.")
                           "to be", "tba", "to be assigned", "to be confirmed", "to be decided", "to be determined"})


def _due(v: str, incident_date) -> date | None:
    v = plain(v or "")
    if "→" in v or "->" in v:
        v = _ARROW.split(v)[-1]   # "ETA 15/10 → 31/10": the date it moved to
    elif "now " in v and (now := _NOW_DUE.search(v)) is not None and _DATE_FIRST.match(v, now.end()):
        v = v[now.end():]   # "by 30-Sep, slipped, now 20-Oct" (not "2025-03-20 (now overdue)")
    return None if _blank(v) else tp.due_date(v, incident_date)


def _in_order_of(moved: str, first: str, first_day: date | None) -> date | None:
    """A day and month written as numbers ("3/6"), read in the order of the date it replaced
    ("2/13": month first), on or after that date; None when neither tells the order."""
    m, f = tp.SLASHED_DAY.fullmatch(moved.strip()), tp.SLASHED_DAY.fullmatch(first.strip())
    if m is None or f is None or first_day is None \
            or (order := tp.slashed_month_day(int(f.group(1)), int(f.group(2)), None)) is None \
            or (said := tp.slashed_month_day(int(m.group(1)), int(m.group(2)), order[2])) is None:
        return None
    try:
        later = date(first_day.year, said[0], said[1])
    except ValueError:
        return None
    return later if later >= first_day or (first_day - later).days <= 183 else _a_year_on(later)


def _a_year_on(day: date) -> date:
    """The same day a year later (28 February for a 29th)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)
# a due date moved after it: ", now 3/6", ", moved to 16 Jan", " → 4/15"
_MOVED_TO = lazy_re.compile(r"[\s,;(]*(?:slipped[\s,;]*)?(?:(?:moved|pushed|slipped)\s+to|now(?:\s+due)?|then|→|->)\s+([^,;()]{3,25}?)(?=[,;()]|\.\s|\.?$|\s+[—–-]\s)", re.I)
# a value changed in place: "In review → Done", "15/10 -> 31/10"
_ARROW = lazy_re.compile(r"\s*(?:→|->)\s*")
# the date a slipped item is due now: "by 30-Sep, slipped, now 20-Oct"
_NOW_DUE = lazy_re.compile(r"[,;(]\s*(?:but\s+|moved\s+|slipped\s+)?now\s+(?:due\s+)?", re.I)


def _blank(v: str) -> bool:
    """A cell that says nothing: empty, a placeholder word, or only punctuation ('---'), or
    a template's blank in brackets ('[owner?]', '[TBD]', '{owner}')."""
    if v[:1] in "[{" and v[-1:] in "]}":
        inner = v[1:-1].strip(" ?").lower()
        if inner in NO_VALUE or inner in _PLACEHOLDERS:
            return True
    return v.lower().rstrip(".") in NO_VALUE or not any(ch.isalnum() for ch in v)   # ("None yet.")


# a template's blank names what belongs there: "[owner?]", "{assignee}", "[name]"
_PLACEHOLDERS = frozenset({"owner", "assignee", "name", "who", "person", "dri", "due", "date", "due date", "ticket"})


def _kind(v: str) -> str | None:
    v = plain(v or "")
    if not v:
        return None
    for kind, rx in ACTION_KINDS.items():
        if rx.search(v):
            return kind
    return None
