"""The words postmortems use, grouped by meaning.

Section headings, metadata keys, timeline event kinds and action-item statuses are
matched against these patterns, case-insensitively, so that one parser reads the house
template, the Google SRE book's, Atlassian's, PagerDuty's and home-grown ones.
"""
from __future__ import annotations

import functools
import html
import re

from loaders import lazy_re


def _rx(*alternatives: str) -> lazy_re.LazyPattern:
    return lazy_re.compile(r"^(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


def any_of(words) -> str:
    """A pattern matching any of the literal ``words``, written as a tree of their shared
    starts ("be(?:en (?:affected|exposed)|fore it)"): a scan tries one branch at each
    position instead of every word (several times faster over a document). It finds a
    match wherever the plain alternation of the words finds one (the longest word there,
    where one word starts another)."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(ch) + pattern(rest) for ch, rest in sorted(node.items()) if ch]
        if not branches:
            return ""
        ends = "" in node
        if len(branches) == 1 and not ends:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if ends else "")

    return pattern(tree)


def starts_of(*alternations: str) -> str:
    """A look ahead for the first characters of the words in ``alternations`` (patterns
    "word|word2|..." whose every word opens with a plain letter): put before a search
    pattern with no first character the regex engine can skip to (one opening with
    "\\b" or a look behind), it fails at every other character in one test."""
    firsts = set()
    for alternation in alternations:
        for word in alternation.split("|"):
            if not word or not word[0].isalpha():
                raise ValueError(f"{word!r} does not open with a letter")
            firsts.add(word[0])
    return "(?=[" + "".join(sorted(firsts)) + "])"


# Section kinds, tried in order against a heading with numbering and emphasis removed.
SECTION_KINDS: list[tuple[str, re.Pattern]] = [
    # what a reader should do ("Next steps for users", "What you can do"): advice to the
    # post's readers, not the organisation's follow-ups (tried before "actions")
    ("advice", _rx(r"(?:next\s+steps?|what\s+to\s+do)\s+(?:for|if)\s+(?:users?|customers?|you|your)",
                   r"what\s+(?:you|users?|customers?)\s+(?:can|should|need\s+to|must)\s+do",
                   r"how\s+(?:this|it)\s+affects\s+(?:you|users?|customers?)")),
    ("actions", _rx(
        r"action\s*items?", r"actions?(?:\s+(?:points?|taken|plan|list|items?))?",
        r"follow[\s-]*ups?", r"follow[\s-]*up\s+(?:actions?|items?|work|tasks?)",
        # "Project follow-up", "Engineering follow-ups": the work's own follow-ups, named by
        # whose they are (not "Customer follow-up", the outreach done; "Missed follow-ups",
        # "Previous incident follow-ups", others' work)
        r"(?:project|engineering|incident|post[\s-]?incident|postmortem|team|technical|internal|platform"
        r"|infrastructure|infra|ops|operational|sre)\s+follow[\s-]*ups?(?=\s*(?:\([^()]*\))?[\s:.]*$)", r"follow[\s-]*through(?!\s+(?:failures?|gaps?|problems?|issues?))",
        r"corrective(?:\s+and\s+prevent(?:at)?ive)?\s+(?:actions?|measures?)", r"prevent(?:at)?ive\s+and\s+corrective\s+actions?",
        # a quality system's "CAPA", "CAPA plan", "Corrections and CAPA" (corrective and preventive actions)
        r"(?:corrections?\s+(?:and|&)\s+)?capas?(?:\s+(?:plan|actions?|items?|table|list))?",
        # "Longer-Term Corrective Actions", "Short-term follow-ups", "Immediate action items"
        r"(?:(?:short|long(?:er)?|near|mid|medium)[\s-]*term|immediate)\s+(?:corrective\s+|preventive\s+|remedial\s+)?"
        r"(?:actions?|action\s*items?|measures?|follow[\s-]*ups?|fixes|solutions|improvements?|tasks?|work\s+items?)", r"rem(?:edi|idi|eid|di)al\s+(?:actions?|measures?|steps?|work)", r"remediations?(?:\s+(?:items?|actions?|plan|steps))?",
        # (and a meeting assistant's "Suggested next steps", Gemini's notes' list of follow-ups)
        r"review\s+actions?", r"(?:suggested\s+)?next\s+(?:steps?|actions?)",
        # a review board's own: "ARB actions" (anomaly review board), "MRB actions", "Board actions"
        r"(?:arb|mrb|frb|crb|cab|pirb?|board|committee|panel)\s+actions?",
        # an on-call's "What to do:", "What to do next" over the list
        r"what\s+(?:still\s+)?to\s+do(?:\s+(?:next|now|about\s+it))?",
        # a formal report's "Agreed actions", "Outstanding actions"
        r"(?:agreed|assigned|outstanding)\s+actions?",
        # an incident tool's "Suggested follow-ups", each accepted or rejected in the review
        r"(?:suggested|proposed)\s+(?:follow[\s-]*ups?|actions?|action\s+items?)",
        # a plant's or a field crew's: "Work orders raised", "Corrective work orders"
        r"(?:corrective\s+|follow[\s-]*up\s+)?work\s+orders?(?:\s+(?:raised|opened|created|issued))?",
        # a tracker's follow-ups as its own items: "Child work items", "Child issues", "Sub-tasks"
        r"child\s+(?:work\s+)?(?:items?|issues?|tasks?|tickets?)", r"sub[\s-]?tasks?",
        # "Measures", "Countermeasures" (Maßnahmen, 対策 in English): the follow-ups, not
        # "Measures taken" during the incident
        r"(?:counter[\s-]?)?measures(?!\s+(?:taken|applied|during|we\s+took))",
        # "Measures taken and proposed" (as a breach notification asks for them), "Proposed measures":
        # what is planned beside what was done
        r"measures\s+taken\s+(?:and|or|&|/)\s+(?:proposed|planned)", r"(?:proposed|planned)\s+measures",
        # "Fix plan", "Fixes needed", "Planned fixes": the work still to do (not "Fixes applied")
        r"fix(?:es)?\s+(?:plan|needed|required|to\s+(?:make|ship|do))", r"planned\s+fix(?:es)?",
        # "Still open": what is left to do
        r"still\s+open(?:\s+(?:items?|work|tasks?))?",
        # a shift handover's "Carry-over for PM", "Carried over": what the next shift takes on
        r"carr(?:y|ied)[\s-]?overs?(?:\s+(?:items?|tasks?|actions?|work))?",
        # "Guardrails added", "New safeguards": protection against the next one (not "Fixes
        # applied", the repair made during the incident)
        # (the bare noun, "## Guardrails", may list the protections that failed)
        r"new\s+(?:guardrails?|safeguards?)(?:\s+(?:added|introduced|put\s+in\s+place|implemented|shipped|landed))?",
        r"(?:guardrails?|safeguards?)\s+(?:added|introduced|put\s+in\s+place|implemented|shipped|landed)", r"preventi(?:ve|on)(?:\s+(?:actions?|measures?|plan|steps|work))?"
        # (not "preventive barriers" or "controls", a risk analysis's defences in place, nor
        # "preventive maintenance", routine work)
        r"(?!\s+(?:barriers?|controls?|maintenance)\b)",
        r"to[\s-]?do(?:s|['’]s)?", r"(?:[\w'’-]+\s+){1,3}and\s+to[\s-]?do(?:s|['’]s)?", r"tasks",
        # a volunteer's "Jobs list" (not "Jobs", which may name the cron jobs involved)
        r"jobs?\s+list", r"list\s+of\s+jobs", r"to[\s-]?do\s+list",
        # an ITIL problem record's "Problem tasks", "Corrective tasks"
        r"(?:problem|corrective|preventive|follow[\s-]?up)\s+tasks?", r"(?:leftover|left[\s-]over|remaining|outstanding|open|pending)\s+(?:tasks?|items?|work)",
        # "Residual follow-ups", "Outstanding action items" (not "Additional actions taken during the incident")
        r"(?:residual|remaining|outstanding|open|pending|further|additional)\s+(?:follow[\s-]*ups?|action\s*items?)", r"improvements?",
        # an After Action Review's "Improve" (beside its "Sustain"): what to change
        r"improve(?=\s*(?:\([^()]*\))?\s*[:.]?\s*$)", r"what\s+we(?:'|’)?(?:re|\s+are|\s+will)\s+(?:be\s+)?(?:doing|do|chang(?:e|ing))",
        # "What I'd like us to do", "What we should do", "What we propose": the writer's asks
        r"what\s+(?:i|we)(?:['’]d|\s+would)\s+like\s+(?:us\s+)?to\s+(?:do|change)", r"what\s+we\s+(?:should|must|need\s+to)\s+(?:do|change)",
        # "What we've done and what we will be doing": the follow-ups, done and to come
        r"what\s+we(?:'|’)?(?:ve|\s+have)\s+done\s+and\s+what\s+we(?:'|’)?(?:re|\s+are|\s+will)\s+(?:be\s+)?(?:doing|do)",
        # "What we've changed, and what's next": the changes made and to come
        r"what\s+we(?:'|’)?(?:ve|\s+have)\s+changed(?:,?\s+and\s+what(?:'|’)?s\s+next)?",
        # "What we're fixing", "What we've done since": the work after the incident
        r"what\s+we(?:'|’)?(?:re|\s+are)\s+(?:fixing|improving)", r"what\s+we(?:'|’)?(?:ve|\s+have)\s+done\s+since",
        r"how\s+we(?:'|’)?(?:re|\s+are|\s+will)\s+(?:preventing|prevent|fix|improv)",
        # the same asked: "How are we preventing it from happening again?"
        r"how\s+(?:are|will|can)\s+we\s+(?:preventing|prevent|avoiding|avoid|stopping|stop)\b",
        # "How are we making incidents like this less likely or less impactful?" (a cloud
        # provider's review; not "How can customers make ...", the customers' part)
        r"how\s+(?:are|will|can)\s+we\s+(?:making|make|reduc(?:e|ing))\s+(?:incidents?|outages?|this|it|them)\b",
        r"what\s+we\s+(?:changed|fixed|did\s+about\s+it)",
        # the same asked: "What are we changing so it doesn't happen again?"
        r"what\s+(?:are|will)\s+we\s+(?:be\s+)?(?:changing|fixing|improving|doing\s+(?:about|to))\b",
        # "What will we change?", "What are we going to change", "What we will change"
        r"what\s+(?:will\s+we|we\s+will|we['’]ll|are\s+we\s+going\s+to)\s+(?:change|fix|improve|do\s+(?:about|differently))\b",
        # a form's "What will we do about it? (action, who, by when)"
        r"what\s+(?:will|should|are)\s+we\s+(?:going\s+to\s+)?do\s+about\s+(?:it|this|that)\b", r"resulting\s+actions?", r"actions?\s+(?:arising|resulting)", r"changes\s+(?:we(?:'|’)?(?:re|\s+are|\s+have)\s+)?(?:made|making)", r"(?:future\s+)?work\s+items?", r"future\s+(?:work|improvements?|actions?|plans?)", r"plans?\s+for\s+the\s+future",
        # "Management actions", "Management response": an audit's or a board paper's name for them
        r"management\s+(?:actions?|responses?|action\s+plans?)",
        r"recommendations?", r"recommended\s+(?:next\s+)?(?:fixes|actions?|changes|steps|improvements?|solutions?)(?:\s+\([^)]*\))?",
        # a volunteer's "What I'd suggest we do:", "What we would recommend"
        r"what\s+(?:i|we)(?:['’]d|\s+would)\s+(?:suggest|recommend)(?:\s+(?:we|you)\s+do)?",
        # "Proposal Improvements", "Proposed changes", "Proposals for improvement"
        r"propos(?:als?|ed)\s+(?:(?:for\s+)?improvements?|changes|fixes|actions?|remediations?)", r"mitigations?\s+and\s+preventions?", r"(?:going|looking|moving)\s+forward", r"lessons\s+and\s+actions?",
        r"what\s+(?:is|are|will\s+be)\s+(?:being\s+)?done\s+to\s+prevent",
        # "What we'll do" (alone: "What we'll do next" may follow a list of what was changed),
        # "What happens next"
        r"what\s+we(?:'|’)?ll\s+do(?=\s*[:.]?\s*$)", r"what\s+happens\s+next", r"what(?:['’]s|\s+is|\s+comes)\s+next(?=\s*[:.?]?\s*$)",
        # "What are you doing so it doesn't happen again?" (asked of the writers, read as "we")
        r"what\s+(?:are|will)\s+we\s+(?:be\s+)?doing\s+so\s+(?:that\s+)?(?:it|this|that)\s+(?:doesn['’]t|does\s+not|won['’]t|will\s+not|never)\s+happen",
        # a learning review's "What we're going to try", "Things we'll try": the follow-ups as experiments
        r"what\s+we(?:'|’)?(?:re|\s+are)\s+going\s+to\s+(?:try|do|change|fix|improve)\b",
        r"what\s+we(?:'|’)?(?:ll|\s+will)\s+try\b", r"(?:things|experiments?)\s+(?:we(?:'|’)?(?:ll|\s+will)\s+|to\s+)try\b",
        # "What we'll do differently", "What we will do differently" (not "What we'd do
        # differently", a lesson)
        r"what\s+we(?:'|’)?ll\s+do\s+differently", r"what\s+we\s+will\s+do\s+differently",
        # "What could be done to avoid this in future?", "What can we do to prevent it?"
        r"what\s+(?:could|can|should|will)\s+(?:be\s+done|we\s+do)\s+(?:differently\s+)?to\s+(?:avoid|prevent)",
        # "Stuff to do next time", "Things to fix", "What we'll change" (not "What we'll do
        # next", which may follow a list of what was changed)
        r"(?:stuff|things)\s+to\s+(?:do|fix|change|improve)(?:\s+next\s+time)?",
        # "stuff we're doing", "Things we are changing"
        r"(?:stuff|things)\s+we(?:['’]re|\s+are|['’]ll|\s+will)\s+(?:doing|do|changing|change|fixing|fix)", r"what\s+we(?:'|’)?ll\s+change",
        # "Pending actions", "Open actions": the follow-ups (as Spanish "acciones pendientes" says it)
        r"(?:pending|open|outstanding)\s+(?:actions?|items?|tasks?)", r"(?:how\s+we\s+will\s+)?prevent(?:ing)?\s+(?:future|further|recurrence|this)")),
    ("timeline", _rx(
        r"(?:detailed\s+|incident\s+|event\s+)?timeline", r"chronology", r"key\s+events?",
        # a shift note's "Sequence:" over its clock lines (alone, or with its day: "Sequence, 3 Sep")
        r"sequence(?=\s*(?:\(|:|,|$))",
        # a note's "Times (Melbourne time)" over its clocks (not "Times to recover", nor "Key
        # times:", the four moments as fields)
        r"times(?=\s*(?:\(|:|$))",
        # a mail's "Rough times, Sydney:" over its clock lines
        r"(?:rough|approximate|approx\.?)\s+times(?=\s*(?:\(|:|,|$))",
        # "Key moments (Mountain Time)", as an investigation tool heads them
        r"(?:key|critical|notable)\s+moments",
        r"sequence\s+of\s+events?", r"(?:timeline\s+of\s+)?events", r"time\s*line", r"what\s+happened\s+when",
        # "Course of events", "Chain of events", "Order of events" (as other languages' word
        # for it, "Ereignisverlauf", "Przebieg zdarzeń", comes into English)
        r"(?:course|chain|order|flow|history)\s+of\s+(?:the\s+)?events?",
        r"incident\s+log", r"log\s+of\s+events",
        # a change's or a bridge's running log ("Implementation log", "Bridge log"; not a
        # "Change log", the write-up's own revisions)
        r"(?:implementation|execution|bridge|war[\s-]?room|response|operations|ops)\s+log",
        # a plant's or a control room's running log ("Shift log (A-shift, transcribed)",
        # "Control room log", "Operator log", "Dispatch log")
        r"(?:shift|operators?|control[\s-]+room|duty|watch|dispatch|station|plant|site|radio|noc|soc)\s+logs?",
        # "Activity (newest first)", "Comments": a card's or ticket's feed of dated comments
        r"activity(?:\s+(?:log|feed|stream|history))?(?!\s+\w)", r"comments(?!\s+\w)", r"event\s+log", r"play[\s-]+by[\s-]+play",
        # an ITSM ticket's dated notes: "Work Info / chronology", "Work notes", "Worklog"
        r"work[\s-]?(?:info|notes?|logs?)(?:\s+history)?(?!\s+\w)",
        # "Status page updates (newest first)": the updates posted while it lasted
        r"status(?:[\s-]+page)?\s+(?:updates|posts|history|log)",
        # "Incident updates", "Incident history", "Update history": a status page's own list
        r"incident\s+(?:updates|history)(?!\s+\w)", r"updates?\s+(?:history|log)(?!\s+\w)")),
    ("factors", _rx(
        # "What we think happened", "What we believe went wrong": the writers' account of why,
        # hedged (a plain "What happened" is the story)
        r"what\s+(?:we|i)\s+(?:think|believe|suspect)\s+(?:happened|went\s+wrong|caused\s+(?:it|this|the\s+\w+))",
        r"(?:blameless\s+)?root\s+causes?(?:\s+analysis)?", r"contributing\s+(?:factors?|causes?)", r"causes?",
        # "Technical cause", "Organizational cause": causes by their kind ("Human factors" is as
        # often a lesson's group); "The 3 root causes", "As 4 Causas Raízes Estruturais": counted
        r"(?:technical|organi[sz]ational|process|systemic|operational|procedural|proximate"
        r"|secondary|primary|environmental|key|main|principal|underlying)\s+(?:causes?|factors?)",
        r"(?:the\s+|as\s+|os\s+)?\d{1,2}\s+(?:(?:root|main|key)\s+)?caus(?:es?|as?)\b",
        r"causal\s+factors?", r"factors",
        # a cause-and-effect diagram written as a list ("Fishbone (causes by category)"), and
        # what let a fault past the checks ("What let it through")
        r"(?:fishbone|ishikawa)(?:\s+(?:diagram|analysis|chart))?", r"causal\s+analysis",
        r"what\s+let\s+(?:it|this|them)\s+(?:through|happen|slip)",
        # a learning review's "Themes", "Themes I'm hearing (draft contributing factors)", "What
        # made this possible (themes)": the conditions behind it, named without a root cause
        r"(?:key\s+|recurring\s+|common\s+)?themes?(?:\s+(?:i['’]m|we['’]re|i\s+am|we\s+are)\s+(?:hearing|seeing))?"
        r"(?=\s*(?:\([^()]*\))?[\s:.]*$)",
        r"what\s+made\s+(?:this|it|that|the\s+(?:incident|outage|failure|problem))\s+possible",
        # what aggravated it ("What made it worse", "Aggravating factors")
        r"what\s+made\s+(?:it|this|things|the\s+(?:impact|outage|incident))\s+worse", r"aggravating\s+(?:factors?|causes?)",
        r"(?:possible|probable|likely|suspected|potential)\s+(?:root\s+)?causes?", r"(?:the\s+)?(?:5|five)[\s-]+whys?", r"whys?(?!\s+(?:did|it)\b)(?![^\n]*\b(?:review|write[\s-]?up|retro(?:spective)?|post[\s-]?mortem)s?\s*$)(?!\s+we\s+(?:write|wrote|do|hold|run)\s+(?:these|this|them|it|learning|blameless)\b)(?!\s+(?:one|a|an|this|these|we\s+(?:are\s+)?(?:wrote|write|writing|combined))\s+"
        # ("Why one document", "Why this review", "Why we write these": why the write-up is as it is, not the causes)
        r"(?:\w+\s+)?(?:document|review|write[\s-]?up|post|report|doc|retro(?:spective)?)s?\b)", r"trigger(?:s|ing\s+event)?",
        r"fault", r"why\s+it\s+(?:nearly|almost)\s+happened", r"why\s+(?:did|it)", r"analysis", r"technical\s+(?:details|analysis)",
        r"what\s+went\s+wrong\s+and\s+why", r"underlying\s+(?:causes?|issues?)", r"diagnos(?:is|ing)",
        # "What was the reason", "Reasons", "Contributing things": the causes in plain words
        r"what\s+(?:was|were)\s+the\s+(?:reasons?|causes?)", r"reasons?(?:\s+for\s+(?:the\s+)?(?:incident|outage|failure))?",
        r"contributing\s+(?:things|issues|elements|points)",
        # "**Contributing:**" over its bullets: the word alone, the factors understood
        r"contributing(?=[\s:.]*$)",
        # "Things that contributed", "What contributed"
        r"(?:things|what|factors)\s+(?:that\s+)?contributed",
        r"(?:issues|problems|weaknesses|gaps)\s+(?:identified|found)", r"what\s+caused\s+(?:it|this|the\s+\w+)",
        # "## Failure chain" over "### 1. Trigger", "### 2. Amplifier": the causes, linked
        r"(?:failure|causal)\s+chain", r"chain\s+of\s+(?:failures?|causes?|causation)",
        # "What we got wrong": the organisation's own part in it, told as its causes
        r"what\s+we\s+got\s+wrong",
        # "How it happened", "How did this happen?": the causes, told as a story
        r"how\s+(?:it|this)\s+happened", r"how\s+did\s+(?:it|this)\s+happen",
        # "How it got there", "How it got through": how the fault reached the harm
        r"how\s+(?:it|this)\s+got\s+(?:there|here|through|past|in)",
        # a near miss's causes: "What let it get this close", "Why it got this close"
        r"(?:what\s+(?:let|made|allowed)\s+(?:it|this|us)|why\s+(?:it|this|we))\s+(?:to\s+)?(?:get|got|come|came)\s+(?:this|so)\s+close")),
    ("lucky", _rx(r"where\s+we\s+got\s+lucky", r"lucky", r"what\s+was\s+lucky", r"luck")),
    ("went_well", _rx(r"what\s+went\s+(?:well|right)", r"things\s+that\s+went\s+well", r"went\s+well", r"positives?",
                      # an After Action Review's "Sustain": what to keep doing
                      r"sustains?(?=\s*(?:\([^()]*\))?\s*[:.]?\s*$)")),
    ("went_wrong", _rx(r"what\s+went\s+(?:wrong|poorly|badly)", r"what\s+(?:didn[’']?t|did\s+not)\s+go\s+(?:so\s+|very\s+)?well", r"things\s+that\s+went\s+(?:wrong|poorly|badly)",
                       r"what\s+could\s+(?:have\s+)?(?:gone|be)\s+better", r"went\s+wrong", r"negatives?",
                       r"what\s+(?:failed|broke|didn[’']?t\s+work|did\s+not\s+work)",
                       # "## Mistakes", "Mistakes we made": the list of what the team got wrong;
                       # the whole heading ("Mistakes to avoid", "Mistakes were made" are not)
                       r"(?:(?:our|my|the)\s+)?mistakes(?:\s+(?:(?:i|we)\s+)?made)?(?=\s*(?:\([^()]*\))?\s*[:.]?\s*$)")),
    ("lessons", _rx(r"lessons?(?:\s+learn(?:ed|t))?", r"learnings?", r"takeaways?", r"retrospective",
                    r"reflections?", r"discussion")),
    ("summary", _rx(r"(?:incident\s+|executive\s+)?summary", r"overview", r"tl;?\s*dr", r"abstract",
                    r"(?:incident\s+)?description", r"what\s+happened", r"background", r"introduction",
                    r"context", r"issue\s+summary",
                    # "## 1. Problem statement": an A3's or an 8D's telling of what went wrong
                    r"problem\s+(?:statement|description)", r"description\s+of\s+the\s+(?:problem|incident|event)",
                    # "## The incident", "## The outage": a post's telling of it, under its own heading
                    r"the\s+(?:incident|outage)(?=\s*[:.]?\s*$)",
                    # "In short: the problem started at 6.41pm, we knew at 6.52pm, ...": the
                    # writer's own summing up
                    r"in\s+(?:short|brief|summary)", r"(?:the\s+)?short\s+version")),
    # (not "Scope and method", "Scope of the investigation": the review's own reach)
    ("impact", _rx(r"(?:customer\s+|user\s+|business\s+|service\s+)?impact(?:ed|s)?", r"affected",
                   r"scope(?!\s+(?:and\s+(?:method|approach|safety)|of\s+(?:the\s+|this\s+)?(?:investigation|review|report|analysis)))",
                   r"effects?",
                   # "Cost", "What it cost us, and what it didn't": the harm counted
                   r"(?:what\s+(?:it|this|the\s+[\w-]+)\s+)?costs?(?:\s+us)?(?=\s*(?:[,:.]|and\b|$))",
                   r"who\s+(?:did\s+(?:it|this)\s+affect|(?:was|were)\s+affected)",
                   # "What callers experienced", "What customers saw": the harm as they met it
                   r"what\s+(?:our\s+|the\s+)?(?:customers?|users?|callers?|clients?|members?|players?|guests?|patients?"
                   r"|shoppers?|riders?|drivers?|merchants?|partners?|visitors?|viewers?|listeners?)\s+"
                   r"(?:experienced|saw|heard|got|noticed|felt)")),
    ("detection", _rx(r"detection", r"how\s+(?:was\s+it|we)\s+detected", r"how\s+we\s+(?:found\s+out|noticed|knew)",
                      r"how\s+(?:it\s+was|we)\s+(?:found|spotted|noticed)")),
    ("resolution", _rx(r"resolution", r"recovery", r"mitigation", r"response", r"fix", r"resolution\s+and\s+recovery",
                       r"what\s+we\s+did(?=\s*[:.]?\s*$)",
                       r"how\s+(?:it\s+was|we)\s+(?:fixed|resolved|mitigated)",
                       r"how\s+(?:did\s+we|was\s+it)\s+(?:fix|resolve|mitigate)")),
    ("metadata", _rx(r"date", r"(?:post[\s-]?mortem\s+|document\s+|review\s+|report\s+|notes\s+)?status", r"authors?", r"owners?",
                     r"severity", r"stats", r"statistics",
                     r"metadata", r"(?:incident\s+)?details", r"(?:incident\s+)?information", r"responders?",
                     r"attendees", r"participants", r"people\s+involved", r"incident\s+commander",
                     r"supporting\s+information", r"references?", r"links?", r"appendix", r"glossary",
                     r"(?:[\w-]+\s+){1,2}references", r"further\s+reading", r"useful\s+links",
                     r"frequently\s+asked\s+questions", r"faqs?\b", r"q\s*&\s*a\b", r"questions\s+and\s+answers",
                     r"leadup", r"lead[\s-]up",
                     # (not "Documentation improvements" over the docs to write: an action group;
                     # "Documentation updates" or "work" may list the pages changed, links)
                     r"documentation(?!\s+(?:improvements?|to-?dos?|tasks?|gaps?|follow-?ups?|action\s+items?)\b)",
                     r"related\s+(?:incidents|issues)",
                     # "Previous similar incident (April 17, 2023)": another incident, told for comparison
                     r"(?:previous|prior|earlier|past)\s+(?:similar\s+|related\s+)?(?:incidents?|outages?|occurrences?)",
                     r"similar\s+(?:past\s+)?(?:incidents?|outages?)")),
]

# The same sections in the other languages postmortems are written in (Norwegian,
# Danish, Swedish, German, French, Spanish, Dutch, Portuguese, Russian), tried after the
# English words: "## Tidslinje", "**Rotårsaker:**", "## Maßnahmen", "## Хронология".
_OTHER_LANGUAGES = {
    "actions": (r"aksjonspunkt(?:er)?", r"handlingspunkt(?:er)?", r"tiltak", r"oppfølging(?:spunkt(?:er)?)?",
                r"opfølgning", r"åtgärd(?:er)?", r"uppföljning", r"ma(?:ß|ss)nahmen", r"aktionspunkte",
                r"folgema(?:ß|ss)nahmen", r"actions?\s+correctives?", r"mesures(?:\s+correctives)?",
                r"plan\s+d[’']actions?", r"acciones(?:\s+correctivas)?", r"medidas(?:\s+correctivas)?",
                r"actiepunten", r"vervolgacties", r"acties", r"maatregelen", r"ações(?:\s+corretivas)?",
                # "action items": "Itens de ação", "Elementos de acción", "Puntos de acción", "Points
                # d'action", "Punti d'azione", "Plano de ação", "Plan de acción"
                r"itens\s+de\s+a[çc][ãa]o", r"(?:elementos|puntos)\s+de\s+acci[óo]n", r"points\s+d['’]actions?",
                r"punti\s+d['’]azione", r"plano\s+de\s+a[çc][ãa]o", r"plan\s+de\s+acci[óo]n",
                # Italian and Polish: "Azioni correttive", "Prossimi passi", "Działania naprawcze"
                r"azioni(?:\s+(?:correttive|preventive))?", r"prossimi\s+passi", r"dzia[łl]ania(?:\s+naprawcze)?", r"zadania(?:\s+(?:naprawcze|do\s+wykonania))?",
                # "Next steps": "Nächste Schritte", "Prochaines étapes", "Próximos pasos/passos", "Volgende stappen"
                r"n(?:ä|ae)chste\s+schritte", r"prochaines\s+[ée]tapes", r"pr[óo]ximos\s+pas(?:o|so)s",
                r"volgende\s+stappen", r"neste\s+steg", r"n[äa]sta\s+steg",
                # Indonesian and Malay: "Tindak lanjut", "Rencana tindakan", "Langkah perbaikan"
                r"tindak\s+lanjut", r"tindakan(?:\s+(?:perbaikan|korektif|pencegahan))?",
                r"rencana\s+(?:tindakan|aksi|perbaikan|tindak\s+lanjut)", r"langkah\s+(?:perbaikan|selanjutnya|pencegahan)",
                r"план\s+действий", r"(?:корректирующие\s+|превентивные\s+|профилактические\s+)?меры",
                r"(?:дальнейшие\s+)?действия(?=\s*$)", r"(?:дальнейшие|следующие)\s+шаги", r"задачи", r"улучшения",
                r"рекомендации", r"план\s+мероприятий", r"мероприятия",
                r"что\s+(?:нужно|надо|обязательно|следует)\s+сделать", r"предотвращение(?:\s+повторени[яй])?",
                # Turkish and Vietnamese: "Aksiyonlar", "Alınacak aksiyonlar", "Eylem maddeleri", "Hành động khắc phục"
                r"(?:al[ıi]nacak\s+)?aksiyon(?:lar)?", r"eylem(?:\s+(?:maddeleri|plan[ıi]))?", r"d[üu]zeltici\s+faaliyetler",
                r"h[àa]nh\s+đ[ộo]ng(?:\s+(?:kh[ắa]c\s+ph[ụu]c|ti[ếe]p\s+theo))?", r"vi[ệe]c\s+c[ầa]n\s+l[àa]m", r"bi[ệe]n\s+ph[áa]p(?:\s+kh[ắa]c\s+ph[ụu]c)?"),
    "timeline": (r"tidslinjen?", r"tidslinje", r"tidslinjer", r"zeitleiste", r"zeitlinie", r"zeitablauf", r"ablauf",
                 # "Verlauf", "Zeitlicher Verlauf", "Störungsverlauf"; Dutch "Verloop"
                 r"(?:zeitlicher\s+|st[öo]rungs|incident)?verlauf", r"(?:incident)?verloop",
                 r"chronologie", r"cronolog[ií]a", r"l[ií]nea\s+de\s+tiempo", r"tijdlijn", r"linha\s+do\s+tempo",
                 r"хронология(?:\s+событий)?", r"таймлайн", r"ход\s+событий", r"временная\s+шкала",
                 r"kronologi(?:\s+(?:kejadian|insiden))?", r"lini\s*masa", r"garis\s+waktu",
                 # Polish: "Przebieg zdarzeń", "Chronologia", "Oś czasu"
                 r"przebieg(?:\s+(?:zdarze[ńn]|incydentu|awarii))?", r"chronologia(?:\s+zdarze[ńn])?", r"o[śs]\s+czasu",
                # "Zaman çizelgesi", "Olayların akışı"; "Diễn biến", "Dòng thời gian"
                 r"zaman\s+[çc]izelgesi", r"olaylar[ıi]n\s+ak[ıi][şs][ıi]", r"kronoloji", r"di[ễe]n\s+bi[ếe]n(?:\s+s[ựu]\s+c[ốo])?",
                 r"d[òo]ng\s+th[ờo]i\s+gian", r"m[ốo]c\s+th[ờo]i\s+gian"),
    "factors": (r"rot[åa]rsak(?:er)?", r"grunnårsak(?:er)?", r"årsak(?:er)?", r"grundorsak(?:er)?", r"orsak(?:er)?",
                r"utløsende\s+faktor(?:er)?", r"medvirkende\s+faktorer", r"bidragande\s+faktorer",
                r"(?:bidragande|medverkande|medvirkende|bidragende)\s+orsak(?:er)?", r"medvirkende\s+årsak(?:er)?",
                # Indonesian and Malay: "Faktor penyebab", "Akar masalah", "Penyebab"
                r"faktor\s+(?:penyebab|kontribusi|pendukung|yang\s+berkontribusi)", r"akar\s+(?:masalah|penyebab)",
                r"penyebab(?:\s+(?:utama|masalah|insiden))?",
                # Polish: "Przyczyny", "Przyczyna źródłowa"
                r"przyczyn[ay](?:\s+(?:[źz]r[óo]d[łl]owe?a?|g[łl][óo]wne?a?|awarii|incydentu))?",
                r"grundursache(?:n)?", r"ursache(?:n)?", r"causes?\s+(?:racines?|profondes?)", r"causes?",
                r"causas?(?:\s+ra[ií]z)?", r"(?:grond)?oorza(?:ak|ken)",
                # "contributing factors": "Fatores contribuintes", "Factores contribuyentes",
                # "Facteurs contributifs", "Beitragende Faktoren", "Fattori contribuenti", "Bijdragende factoren"
                r"fatores\s+contribuintes", r"factores\s+(?:contribuyentes|que\s+contribuyeron)",
                r"facteurs\s+(?:contributifs|aggravants|contributeurs)", r"(?:beitragende|mitwirkende)\s+faktoren",
                r"fattori\s+(?:contribuenti|concomitanti)", r"bijdragende\s+factoren", r"czynniki\s+przyczyniaj[ąa]ce",
                r"analyse", r"an[áa]lisis", r"an[áa]lise",
                # "Three failures, one incident", "Two gaps": the causes counted in the heading
                r"(?:two|three|four|five|six|seven|[2-9])\s+(?:failures|problems|mistakes|faults|gaps|causes|factors"
                r"|things\s+(?:that\s+)?went\s+wrong)\b",
                # "Por que aconteceu" (or "Porque aconteceu"), "Por qué ocurrió", "Pourquoi c'est arrivé", "Warum es passiert ist"
                # (or almost did, a near miss's: "Por que quase aconteceu", "Por qué casi ocurrió")
                r"por\s*qu[eé]\s+(?:quase\s+|casi\s+)?(?:aconteceu|ocorreu|ocurri[óo]|pas[óo]|sucedi[óo])",
                r"pourquoi(?:\s+c['’]est\s+arriv[ée])?",
                r"warum(?:\s+es\s+(?:passiert\s+ist|geschah))?",
                # "Waarom kon dit gebeuren?", "Dlaczego to się stało?"
                r"waarom(?:\s+(?:kon|is|ging)\s+(?:dit|het)(?:\s+(?:zo\s+)?\w+){0,2})?", r"dlaczego(?:\s+to\s+si[ęe]\s+sta[łl]o)?",
                r"(?:корневые|коренные|основные)\s+причины", r"(?:корневая|коренная|основная)\s+причина",
                r"первопричин[аы]", r"причин[аы]", r"анализ(?:\s+причин)?",
                # "Kök neden", "Katkıda bulunan etkenler"; "Nguyên nhân gốc rễ", "Nguyên nhân"
                r"k[öo]k\s+neden(?:ler)?", r"(?:katk[ıi]da\s+bulunan\s+)?etkenler", r"nedenler", r"nguy[êe]n\s+nh[âa]n(?:\s+g[ốo]c(?:\s+r[ễe])?)?"),
    "summary": (r"sammendrag", r"sammanfattning", r"resum[ée]", r"resumo", r"sum[áa]rio", r"sommaire", r"zusammenfassung", r"résumé", r"resumen",
                r"sintesi", r"riepilogo", r"sommario", r"podsumowanie", r"streszczenie",
                r"contexte", r"contexto", r"kontext",
                r"samenvatting", r"sammenfatning", r"oppsummering", r"резюме", r"кратко", r"описание", r"обзор",
                r"ringkasan", r"ikhtisar", r"rangkuman",
                r"[öo]zet", r"ne\s+oldu", r"t[óo]m\s+t[ắa]t", r"t[ổo]ng\s+quan"),
    "impact": (r"konsekvens(?:er)?", r"påvirkning", r"påverkan", r"auswirkung(?:en)?", r"conséquences?",
               r"impacto", r"gevolg(?:en)?", r"влияние", r"последствия", r"воздействие", r"dampak",
               r"skutki", r"wp[łl]yw(?:\s+na\s+\w+)?",
                r"etki(?:si)?", r"[ảa]nh\s+h[ưu][ởo]ng", r"t[áa]c\s+đ[ộo]ng"),
    "detection": (r"påvisning", r"oppdagelse", r"upptäckt", r"erkennung", r"détection", r"detecci[óo]n",
                  r"обнаружение", r"deteksi", r"wykrycie"),
    "resolution": (r"løsning", r"lösning", r"lösung", r"behebung", r"résolution", r"resoluci[óo]n",
                   r"soluci[óo]n", r"oplossing", r"resolução", r"penyelesaian", r"pemulihan", r"penanganan",
                   r"rozwi[ąa]zanie", r"przywr[óo]cenie(?:\s+dzia[łl]ania)?",
                   r"решение", r"восстановление", r"устранение", r"исправление", r"что\s+было\s+сделано",
                   r"действия\s+по\s+(?:восстановлению|устранению)"),
    "went_well": (r"hva\s+gikk\s+bra", r"vad\s+gick\s+bra", r"hvad\s+gik\s+godt", r"was\s+lief\s+gut",
                  r"ce\s+qui\s+a\s+bien\s+fonctionn[ée]", r"qu[ée]\s+sali[óo]\s+bien", r"wat\s+ging\s+goed",
                  r"что\s+(?:прошло|сработало)\s+хорошо"),
    "went_wrong": (r"hva\s+gikk\s+(?:dårlig|galt)", r"vad\s+gick\s+(?:dåligt|fel)", r"hvad\s+gik\s+galt",
                   r"was\s+lief\s+(?:schlecht|schief)", r"qu[ée]\s+sali[óo]\s+mal", r"wat\s+ging\s+(?:mis|fout)",
                   r"что\s+пошло\s+не\s+так"),
    "lessons": (r"hva\s+lærte\s+vi", r"lærdom(?:mer)?", r"vad\s+lärde\s+vi", r"erkenntnisse", r"lehren",
                r"le[çc]ons(?:\s+apprises)?", r"lecciones(?:\s+aprendidas)?", r"geleerde\s+lessen",
                r"enseignements?", r"li[çc][õo]es(?:\s+aprendidas)?", r"pelajaran(?:\s+yang\s+(?:dipetik|didapat))?",
                r"wnioski",
                r"уроки", r"выводы", r"чему\s+(?:нас\s+)?научил", r"извлеч[её]нные\s+уроки"),
}
# Japanese, Chinese and Korean words match without a word boundary: the first two write
# no spaces, and Korean joins its particles to the word ("## 因果の整理", "## タイムライン(JST)",
# "## 恒久対策(採用決定と実施計画)", "## 재발 방지 (조치)").
_CJK = {
    "actions": ("恒久対策", "再発防止", "対策", "アクションアイテム", "今後の対応", "改善策", "改善提案", "改善案", "后续行动", "改进措施", "改进建议", "改进方案", "行动项",
                "预防措施", "防范措施", r"防护措施(?!不足|缺失|不够|缺乏|失效)", "后续措施", "整改措施", "改进计划", "行动计划", "待办",
                # "## 后续跟进" (what is followed up next)
                "后续跟进", "跟进事项", "跟进计划",
                r"재발\s?방지", r"후속\s?조치", r"조치(?!\s?(?:내용|내역))", r"액션\s?아이템", r"개선\s?(?:사항|계획|방안)",
                r"향후\s?계획"),
    "timeline": ("タイムライン", "時系列", "経緯", "時間軸", "时间线", "时间轴", "타임라인", r"타임\s라인", "경과",
                 r"시간\s?순"),
    "factors": ("根本原因", "原因", "因果", "要因", "根因", r"問題点(?!\s*(?:と|および|及び|並びに|・|、|/|／|&))", r"근본\s?원인", "원인"),
    "summary": ("概要", "要約", "摘要", "总结", "概述", "요약", "개요"),
    "impact": ("影響", "影响", "영향"),
    "detection": ("検知", "检测", "发现", "탐지", "감지"),
    # (measures taken during the incident, "暫定対策", "긴급 조치", "조치 내용", not the follow-ups)
    "resolution": ("復旧", "応急", "暫定対策", "緊急対策", "実施済み", "解決", "解决", "恢复", "应急措施", "临时措施",
                   "복구", "해결", r"(?:긴급|임시)\s?조치", r"조치\s?(?:내용|내역)"),
    "went_well": ("良かった", "うまくいった", "做得好", r"잘(?:한|된)\s?점", r"좋았던\s?점"),
    "went_wrong": ("悪かった", "うまくいかなかった", "需要改进", r"아쉬운\s?점", r"잘못된\s?점"),
    "lessons": ("教訓", "学び", "经验教训", "教训", "교훈", r"배운\s?점"),
    # "## 参考" (references) and "## 付録" (appendix) alone; "[参考]実装の検討" is a part of its section
    "metadata": (r"参考(?:資料|文献|情報|リンク|资料|链接)?\s*$", r"付録\s*$", r"附录\s*$", r"よくある質問", r"常见问题"),
}
# "## 事故时间线", "## 障害の経緯", "## 장애 타임라인": the word for the incident before the
# section's name
_CJK_INCIDENT = r"(?:事故|故障|事件|障害|インシデント|장애|사고)?(?:の|\s)?"
SECTION_KINDS = SECTION_KINDS + [(kind, _rx(*words)) for kind, words in _OTHER_LANGUAGES.items()] \
    + [(kind, lazy_re.compile("^" + _CJK_INCIDENT + "(?:" + "|".join(words) + ")")) for kind, words in _CJK.items()]
# ... and their noun phrases end in the noun they name ("完整时间线", the complete timeline;
# "剩余行动项", the remaining action items; "直接根因", the direct root cause): a heading
# that names no section at its start may at its end
_CJK_ENDING = [(kind, lazy_re.compile("(?:" + "|".join(words) + r")\s*$")) for kind, words in _CJK.items()
               if kind != "metadata"]
# a Japanese, Chinese or Korean character (kana, the unified ideographs, hangul)
CJK_CHAR = lazy_re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
_CJK_PARENS = lazy_re.compile(r"[(（][^()（）]*[)）]")

# (and in Chinese, Japanese and Korean: "发现与时间线", detection and timeline)
# a section about the timeline, not the timeline: "A note on the timeline", "About the timeline"
_ABOUT_THE_TIMELINE = lazy_re.compile(r"\b(?:notes?|word|comments?|remarks?|caveats?|about|on)\s+(?:the|this|our)\s+time\s*line\b", re.IGNORECASE)
# ("What happened, hour by hour", "The night, minute by minute": the phrase closing the heading;
# not "Action items: minute-by-minute monitoring")
_TIMELINE_ANYWHERE = lazy_re.compile(r"\btime\s*line\b|\bchronology\b|(?:^|,\s*|\s[-–—:]\s*)(?:hour|minute)[\s-]by[\s-](?:hour|minute)\s*$|时间线|时间轴|タイムライン|타임라인", re.IGNORECASE)
# "3.", "2.1", "iv)", "b)", and a numbered part's label: "Phase 3:", "Part II -", "Step 2."
# (both, "4. Phase 3: ...", when a numbered outline numbers the parts' headings again)
_NUMBERING = lazy_re.compile(r"^\s*(?:(?:(?:phase|part|step|section|stage)\s+(?:\d+|[ivx]+)\s*[:.)–—-]|"
                        r"\d+(?:\.\d+)*[.)]?|[ivx]+[.)]|[a-z][.)])\s+"
                        # "三、根因分析", "第二章 时间线": Chinese and Japanese numbering
                        r"|[一二三四五六七八九十]+[、.．]\s*|第[一二三四五六七八九十\d]+[章节部]\s*)+", re.IGNORECASE)


# symbols, emoji and emoji shortcodes (":warning:", ":mag_right:") before a heading's words
LEADING_SYMBOLS = lazy_re.compile(r"^(?:[^\w(:]+|:[a-z0-9_+-]{1,40}:)+|^[^\w(]+")


# a snake_case key ("`date_occurred`:", "root_cause:"): underscores between letters, never
# emphasis in CommonMark ("_Root cause_", "__Timeline__" are), and not an emoji's shortcode
# (":ballot_box_with_check:", which LEADING_SYMBOLS removes)
_SNAKE_KEY = lazy_re.compile(r"(?<![:\w])[A-Za-z]+(?:_[A-Za-z]+)+(?![\w])")


@functools.lru_cache(maxsize=8192)
def clean_heading(title: str) -> str:
    """A heading without markup, numbering or leading emoji, in either order:
    "## 🔍 2. Root causes", "## 7. :seedling: Root causes" -> "Root causes"."""
    if "&" in title:   # "## 4.&nbsp;Contributing factors", as an HTML export writes it
        title = html.unescape(title)
    if "_" in title:   # "date_occurred", "root_cause": a snake_case key's words
        title = _SNAKE_KEY.sub(lambda m: m.group(0).replace("_", " "), title)
    t = LEADING_SYMBOLS.sub("", re.sub(r"[*_`#\\]+", "", title)).strip()
    t = LEADING_SYMBOLS.sub("", _NUMBERING.sub("", t)).strip()
    return t.strip(" :.-—–\t")


# "for Tuesday 17 June", "on 3 March 2025", "of 2025-03-03": a day after a timeline's name
_DAY_NAMED = lazy_re.compile(r"(?:for|on|of)\s+(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
                             r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?(?:,?\s+\d{4})?|[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
                             r"|\d{4}-\d{2}-\d{2})", re.I)


@functools.lru_cache(maxsize=4096)
def section_kind(title: str, whole: bool = False) -> str | None:
    """The kind of section a heading names, or None. With ``whole``, the heading must
    be (nearly) only the section name: a document title such as "# Recommendations
    engine outage" is not an action-items section."""
    t = clean_heading(title)
    if not t:
        return None
    if _FIRST_PERSON.search(t):
        t = _as_we(t)   # "What I'm changing" is a lone author's "What we're changing"
    if t.endswith("?") and _YOU.search(t):
        # "What are you changing?": a question put to the writers, in a Q&A, asks what
        # "we" do
        t = _YOU.sub(lambda m: "we" if m.group(0).lower() == "you" else "our", t)
    if whole and len(_PARENS.sub("", t).split()) > 5:
        return None   # (a note in brackets aside: "Timeline (Eastern, 12-hour because that's how my notes are)")
    if _TIMELINE_ANYWHERE.search(t) and len(t) < 60 and not whole and not _ABOUT_THE_TIMELINE.search(t):
        return "timeline"  # "Follow-up timeline (times in BST)", "Detailed timeline"
    if not t.isascii() and (two := _TWO_SCRIPTS.match(t)) is not None \
            and (kind := section_kind(two.group(2), whole)) is not None:
        return kind   # "後續行動 Action items", "แผนแก้ไข / Action items": the name in both languages
    if ":" in t and (item := _MEETING_ITEM.match(t)) is not None and (kind := section_kind(t[item.end():], whole)) is not None:
        return kind   # minutes' "4. Discussion: causal factors": the agenda's word, then what the item holds
    if t[:1] == "D" and (step := _EIGHT_D_STEP.match(t)) is not None:
        t = t[step.end():]   # "D4 – Root cause (5 Why)": an 8D report's step, then its name
    if " / " in t and len(halves := t.split(" / ")) == 2 and len(halves[0].split()) == 1 \
            and section_kind(halves[0], whole) is None and (kind := section_kind(halves[1], whole)) is not None:
        return kind   # "Problembeschreibung / Problem description": one word of another language, then ours
    for kind, rx in SECTION_KINDS:
        m = rx.match(t)
        if m:
            if kind == "actions" and _QUESTIONS.match(t, m.end()):
                return None   # "Follow-up questions": what is left to ask, not to do
            if whole:
                # "Timeline (UTC)" is a heading; "Action items in progress" is a sentence
                rest = _PARENS.sub("", t[m.end():]).strip(" :-–—.,")   # ("What happened, roughly:")
                if len(rest.split()) > 1 and not ((joined := _JOINED.match(" " + rest))
                                                  and _named_exactly(rest[joined.end() - 1:]) == kind) \
                        and not (kind == "timeline" and _DAY_NAMED.fullmatch(rest)) \
                        and not (kind in ("actions", "lessons") and _FOR_WHOM.fullmatch(rest)):
                    # ("Follow-ups for day manager": the list, and whom it is for)
                    # ("Timeline for Tuesday 17 June (CEST)": the day its entries are on, still its name)
                    # (two names of the one section joined: "Root cause and contributing factors")
                    return None
            return kind
        if kind in _BESIDE and len(t) < 80 and (joined := _JOINED.search(t)) and rx.match(t[joined.end():]) \
                and all(k in _BESIDE[kind] for k in _kinds_of(t[:joined.start()])) \
                and not _CLOSING_WORDS.match(t):
            # "Learnings & action items", "Lessons learned / follow-ups", "CAB decisions and
            # follow-up actions": the list to do, beside the lessons or beside what names no
            # section of its own (not "Summary and next steps", whose summary is prose);
            # "Themes and contributing factors": the causes, likewise
            return kind
    # "Checklist: Follow-ups (2/4)", "Card 12: Timeline": a tool's container, named before a
    # colon, then the section's own name and nothing else (not "Problem: root cause
    # analysis took a day", nor a section's own "Root cause: ...")
    # (or before a dash: "ICS 214 — Activity Log", a form's number over its log)
    if not whole and (":" in t or "—" in t or "–" in t) and (sep := _CONTAINER_SEP.search(t)) is not None:
        head, tail = t[:sep.start()], t[sep.end():]
        if tail.strip() and len(head.split()) <= 3 and next(_kinds_of(head.strip()), None) is None:
            kind = _named_exactly(tail.strip())
            if kind is not None:
                return kind
    # "The root causes", "As 4 Causas Raízes Estruturais", "Our follow-ups": a section's
    # name after an article or possessive (and a count), read as the name alone
    lead = _ARTICLE.match(t)
    if lead:
        return _named_exactly(t[lead.end():])
    # "Por qué Chilexpress dispara el fatal (causa raíz)", "How it got in (root cause)": a
    # heading that says in a closing parenthesis that it gives the root cause (only that:
    # "What we did (actions)" is the response, "Config push (trigger)" a timeline's step)
    if not whole and not t[:1].isdigit() and _ROOT_CAUSE_PARENS.search(t):
        return "factors"
    # "预防与改进（行动项）", "What changes next (action items)": a heading that says in a
    # closing parenthesis that it holds the action items (by that name, not "(actions)")
    if not whole and not t[:1].isdigit() and _ACTION_ITEMS_PARENS.search(t):
        return "actions"
    # (not a timeline's step: "10:15 障害を検知", "14:02 服务恢复" end in an event's word)
    if not whole and len(t) <= 40 and CJK_CHAR.search(t) and not t[:1].isdigit():
        t = _CJK_PARENS.sub("", t).strip(" :：-—")
        for kind, rx in _CJK_ENDING:
            if rx.search(t):
                return kind
    # "ÅRSAGER (causes)", "OPFØLGNING (follow-up)", "4.2 促成因素（Contributing Factors）": a
    # heading in another alphabet's letters glossed in English in its closing brackets, not
    # in capitals: the gloss names it (an English heading's note in brackets does not:
    # "ALTERNATIVES CONSIDERED (actions)", "WHAT WE DID (ACTIONS)")
    if t[-1:] in ")）" and not t[:1].isdigit() and (g := _GLOSSED.match(t)) is not None and not g.group(2).isupper() \
            and any(c.isalpha() and not c.isascii() for c in g.group(1)):
        return section_kind(g.group(2), whole=True)
    return None


# (whose: "Follow-ups for day manager", "Follow-ups on our side", "Actions from our side")
_FOR_WHOM = lazy_re.compile(r"(?:for|on|from)\s+(?:the\s+|our\s+|your\s+|their\s+)?[\w-]+(?:\s+[\w-]+){0,2}", re.I)
_CONTAINER_SEP = lazy_re.compile(r"\s*:|\s[—–]\s")
_GLOSSED = lazy_re.compile(r"^([^()（）]{2,60}?)\s*[(（]([A-Za-z][A-Za-z &/'’-]{2,40})[)）]$")
_QUESTIONS = lazy_re.compile(r"\s*questions?\b", re.I)


# a lone author's words for the team's: "I'm", "I am", "I'll", "I've", "I", "my"
_FIRST_PERSON = lazy_re.compile(r"\b(?:i(?=['’](?:m|ll|ve|d)\b)|i(?=\s)|my\b)", re.I)
_AM = lazy_re.compile(r"\bwe\s+am\b|\bwe['’]m\b", re.I)
_YOU = lazy_re.compile(r"\byour?\b", re.I)


def _as_we(t: str) -> str:
    t = _FIRST_PERSON.sub(lambda m: "we" if m.group(0).lower() == "i" else "our", t)
    return _AM.sub(lambda m: "we are" if " " in m.group(0) else "we're", t)


def _named_exactly(t: str) -> str | None:
    """The kind of section ``t`` names when it is a section's name and nothing else (a note
    in brackets aside): "root causes", "follow-ups (open)"; not "tasks that never ran"."""
    for kind, rx in SECTION_KINDS:
        m = rx.match(t)
        if m and not _PARENS.sub("", t[m.end():]).strip(" :-–—."):
            return kind
    return None


# an article or possessive before a section's name, with a count ("The 4", "Os três", "Die
# drei"); a count alone is not stripped ("Two factor authentication" names no factors)
_ARTICLE = lazy_re.compile(r"^(?:the|our|os|as|los|las|el|la|die|der|das|les|le|de|het)\s+"
                      r"(?:(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|dois|duas|tr[eê]s|quatro|cinco"
                      r"|dos|cuatro|zwei|drei|vier|f[üu]nf|deux|trois|quatre|cinq)\s+)?(?=\w)", re.I)
_ACTION_ITEMS_PARENS = lazy_re.compile(r"[(（]\s*(?:action\s*items?|follow[\s-]?up\s+(?:actions?|items?|tasks?)|follow[\s-]?ups|行动项|行動項目|アクションアイテム"
                                  r"|액션\s?아이템)\s*[)）][\s:.：]*$", re.I)
_ROOT_CAUSE_PARENS = lazy_re.compile(r"\(\s*(?:root[\s-]+causes?|causas?\s+ra[íi]z|cause\s+racine|causes\s+racines"
                                r"|(?:grund)?ursache|根本原因|根因)\s*\)[\s:.]*$", re.I)
# "Learnings & action items", "Lessons learned / follow-ups": two sections' names joined;
# when the first names the retrospective's lessons (or no section at all) and the second
# the follow-ups, the section holds the follow-ups (not "Summary and next steps", whose
# summary is prose)
# (a run of spaces is tried from its first only: linear, however long the run)
# (or set apart by a dash: "Themes — what contributed")
# an agenda item's word before what it holds: "Discussion: causal factors", "Item 4: Actions"
_MEETING_ITEM = lazy_re.compile(r"(?:discussion|item(?:\s+\d{1,2})?|topic|agenda\s+item(?:\s+\d{1,2})?)\s*:\s*(?=\S)", re.I)
# an 8D report's step before its name: "D4 – ", "D5/D6 – "
_EIGHT_D_STEP = lazy_re.compile(r"D[1-8](?:\s*/\s*D[1-8])?\s*[–—:.-]\s*(?=\S)")
_JOINED = lazy_re.compile(r"(?<!\s)\s+(?:&|and|/|\+|—|–)\s+", re.I)
_BESIDE_ACTIONS = {"lessons", "went_wrong", "went_well"}
_BESIDE = {"actions": _BESIDE_ACTIONS, "factors": {"lessons", "went_wrong", "factors"}}
# ... but a closing word's prose comes first: "Conclusion and next steps", "Closing thoughts & follow-ups"
_CLOSING_WORDS = lazy_re.compile(r"(?:conclusions?|closing(?:\s+(?:thoughts|words|remarks))?|final\s+(?:thoughts|words|remarks)"
                                 r"|wrap[\s-]?up|summary|recap)\b", re.I)


def _kinds_of(t: str):
    return (kind for kind, rx in SECTION_KINDS if rx.match(t))


_PARENS = lazy_re.compile(r"\([^()]*\)")


# the keys that name the incident's window, "Impact window", "Exposure period"
_WINDOW_KEYS = (r"window\s+of\s+(?:compromise|exposure|impact)",
                r"(?:impact\s+|outage\s+|incident\s+|exploit\s+|attack\s+|exposure\s+)?window",
                r"(?:impact|outage|incident|exposure)\s+period",
                # a near miss's unprotected hours: "Period without detection on levels 4 and 5"
                r"(?:period|time|hours)\s+(?:without|with\s+no)\s+[\w-]+(?:\s+[\w-]+){0,6}")
# ... however long the key (a window's own line: "Period without detection on levels 4 and 5:
# 12:58 to 15:41"), the whole of it
WINDOW_KEY = lazy_re.compile(r"^(?:" + "|".join(_WINDOW_KEYS) + r")\s*$", re.IGNORECASE)

# Metadata keys (bold "**Key:** value", two-column tables, "Key: value" lines, front matter).
META_KEYS: list[tuple[str, re.Pattern]] = [
    ("ttd", _rx(r"time\s+to\s+(?:detect(?:ion)?)", r"ttd", r"mttd", r"detection\s+time(?:\s+\(min(?:utes)?\))?\s*$")),
    # (recovery and restoring are the impact's end, as "recovered" and "restored" in a
    # timeline are: "Time to recovery: 13 minutes" times the mitigation, not the close)
    ("ttm", _rx(r"time\s+to\s+(?:mitigat(?:e|ion)|recover(?:y)?|restore)", r"ttm")),
    ("ttr", _rx(r"time\s+to\s+(?:resol(?:ve|ution)|repair)", r"ttr", r"mttr")),
    ("duration", _rx(r"(?:outage\s+|incident\s+|total\s+)?duration", r"length", r"downtime",
                     # "Duración del incidente", "Durée de l'incident", "Dauer des Ausfalls"
                     # (and of what: "Duração da indisponibilidade", "Durata del disservizio")
                     r"(?:duraci[óo]n|dur[ée]e|dura[çc][ãa]o|dauer|duur|durata)(?:\s+(?:del|de\s+la|de\s+l['’]|de|da|do|des|der"
                     r"|van(?:\s+het|\s+de)?|della|dell['’]|dello|dei)\s*[^\W\d_]+)?",
                     *_WINDOW_KEYS)),
    ("started", _rx(r"start(?:ed)?(?:\s+(?:time|at))?", r"(?:(?:customer|user|passenger|client|public)\s+)?impact\s+(?:start(?:ed)?|from|since)",
                    # ("| Passenger impact from | Mon 22/04/2024 0531 |", a key-facts table's)
                    r"began", r"incident\s+start", r"(?:incident|outage|event|problem|fault|condition|hazard|excursion|deviation)\s+began(?:\s+at)?",
                    # a near miss's "Hazard arose: 10:19", "Danger created"
                    # ("Key times: fault introduced 10:20; spotted 12:41")
                    r"(?:hazard|danger|risk|unsafe\s+condition|fault)\s+(?:arose|appeared|emerged|created|introduced)(?:\s+at)?",
                    # an environmental record's "SSO start", "Spill start", "Discharge began"
                    r"(?:spill|leak|overflow|discharge|release|sso|cso|exceedance)\s+(?:start(?:ed|s)?|began|begins)(?:\s+at)?",
                    # "| Occurrence time | 17:52 ET |" beside "| Occurrence date |": when the event happened
                    r"(?:occurrence|event)\s+time$",
                    r"outage\s+start", r"event\s+start(?:ed)?", r"(?:problem|issue)\s+start(?:ed)?", r"start\s+of\s+impact", r"begin",
                    # "- Offline: 2024-05-27 at 11:02 AM EST" / "- Online: ... 12:58 PM"
                    r"(?:went\s+)?offline(?:\s+(?:at|since))?", r"went\s+down(?:\s+at)?",
                    # a defect's record: "- **Introduced:** bed66e1 — 2026-08-22 07:07"
                    r"introduced(?:\s+(?:at|on))?",
                    # a network operator's fault record: "| Fault start | 2024-08-03T02:14:00+03:00 |"
                    r"fault\s+start(?:ed)?",
                    # a leak's record: "- Exposure began: 10:14", "Exposure start"
                    r"exposure\s+(?:began|begins|start(?:ed|s)?)(?:\s+at)?", r"impact\s+began(?:\s+at)?",
                    # an intrusion's record: "Initial access: 27 May 21:12", "First unauthorised access",
                    # "First malicious activity: 2025-06-03 15:58:33", "First destructive action"
                    r"(?:initial|first)\s+(?:unauthori[sz]ed\s+)?(?:access|compromise)(?:\s+(?:at|on))?",
                    r"first\s+(?:malicious|destructive|attacker|hostile)\s+(?:activity|action|call|api\s+call|login|request)",
                    # "Störungsbeginn: 06:58 Uhr", "Beginn der Störung", "Begin storing", "Début de l'incident", "Inicio del incidente"
                    r"(?:st[öo]rungs|ausfall|incident|impact)beginn?", r"beginn?\s+(?:der\s+st[öo]rung|des\s+ausfalls|van\s+de\s+storing)",
                    r"begin\s+storing", r"d[ée]but(?:\s+de\s+l['’](?:incident|impact))?", r"inicio(?:\s+del\s+(?:incidente|impacto))?")),
    ("detected", _rx(r"detected(?:\s+at)?", r"detection(?:\s+(?:time|at))?$", r"first\s+detected", r"alerted(?:\s+at)?", r"reported(?:\s+at)?",
                     # "First noticed: 3:05 PM", "First seen", "First alert"
                     r"first\s+(?:noticed|seen|spotted|alert(?:ed)?|report(?:ed)?|page[d]?)(?:\s+(?:at|on))?",
                     r"(?:spotted|noticed|found)(?:\s+at)?$",
                     r"discover(?:ed|y)(?:\s+(?:date|time|at|on))?", r"(?:date|time)\s+(?:of\s+)?discovery",
                     r"(?:date|time)\s+(?:detected|reported|discovered|found|noticed|identified)", r"fault\s+detected",
                     # "Gedetecteerd:", "Erkannt:", "Détecté :", "Detectado:", "Rilevato:", "Upptäckt:", "Terdeteksi:"
                     r"gedetecteerd", r"ontdekt", r"erkannt", r"entdeckt", r"d[ée]tect[ée]e?", r"detectad[oa]", r"detetad[oa]",
                     r"rilevat[oa]", r"uppt[äa]ckt", r"oppdaget", r"opdaget", r"terdeteksi",
                     # "Detección: 7:42 h (alarma SCADA)", "Detecção:", "Rilevamento:"
                     r"detecci[óo]n", r"dete(?:c)?[çc][ãa]o", r"rilevamento",
                     # "| Détection | 09:41 (délai de détection : 1 h 29) |"
                     r"d[ée]tection")),
    ("mitigated", _rx(r"mitigated(?:\s+at)?", r"mitigation(?:\s+time)?$", r"(?:customer\s+|user\s+)?impact\s+(?:end(?:ed)?|stopped|ceased)", r"end(?:ed)?(?:\s+(?:time|at))?",
                      r"outage\s+end(?:ed)?", r"recovered(?:\s+at)?", r"repaired(?:\s+at)?", r"restored(?:\s+at)?",
                      # "View restored", "Power restored": what the users had back (not "Share
                      # restored", files brought back after the harm was stopped)
                      r"(?:view|power|supply|access|link|network|connectivity|comms|communications|signal|"
                      r"traffic|feed|control)\s+restored(?:\s+at)?$",
                      r"(?:back\s+)?online(?:\s+again)?(?:\s+at)?", r"back\s+up(?:\s+at)?",
                      r"(?:date|time)\s+(?:mitigated|restored|recovered)", r"service\s+restored(?:\s+at)?",
                      r"blocks\s+resumed", r"service\s+resumed",
                      # "Back in range: 08:40": a measure back within its limits
                      r"back\s+(?:in|within|to)\s+(?:range|spec(?:ification)?|limits?|tolerance)(?:\s+at)?",
                      # "Passengers released ... 1506": the people an entrapment held, let out
                      r"(?:passengers?|people|occupants|persons|staff|guests|riders|visitors)\s+(?:released|freed|rescued)(?:\s+at)?",
                      # "- Contained: 11:09 (key deactivated)": the harm stopped spreading
                      r"contained(?:\s+at)?", r"made\s+safe(?:\s+at)?",
                      r"(?:spill|leak|overflow|discharge|release|sso|cso|exceedance)\s+(?:stop(?:ped|s)?|end(?:ed|s)?|ceased)(?:\s+at)?", r"containment(?:\s+time)?$", r"exposure\s+end(?:ed|s)?(?:\s+at)?",
                      # "Gemitigeerd:", "Hersteld:", "Wiederhergestellt:", "Rétabli :", "Mitigado:", "Återställd:"
                      r"gemitigeerd", r"hersteld", r"wiederhergestellt", r"mitigiert", r"r[ée]tablie?", r"att[ée]nu[ée]e?",
                      r"mitigad[oa]", r"mitigat[oa]", r"ripristinat[oa]",
                      # "| Mitigación | 15:02 (rollback a batching v2) |", "Mitigação", "Mitigazione"
                      r"mitigaci[óo]n", r"mitiga[çc][ãa]o", r"mitigazione",
                      # "Servicio restablecido: 8:44 h", "Serviço restabelecido", "Service rétabli"
                      r"(?:servicio\s+|servi[çc]o\s+)?(?:restablecid[oa]|restabelecid[oa])", r"service\s+r[ée]tabli",
                      r"[åa]terst[äa]lld", r"gjenopprettet", r"genoprettet", r"dipulihkan",
                      # "Störungsende: 08:52 Uhr", "Ende der Störung", "Einde storing", "Fin de l'impact": the disruption's end
                      r"(?:st[öo]rungs|ausfall|storings)ende", r"ende\s+(?:der\s+st[öo]rung|des\s+ausfalls)", r"einde\s+(?:van\s+de\s+)?storing",
                      r"fin\s+de\s+l['’]impact")),
    ("resolved", _rx(r"resolved(?:\s+at)?", r"resolution\s+time", r"(?:incident\s+|case\s+|event\s+|investigation\s+)?closed(?:\s+at)?", r"incident\s+end",
                     # "**Date Resolved:** December 5, 2025, 01:13 UTC" (not the incident's date)
                     r"(?:date|time)\s+(?:resolved|closed)", r"fault\s+cleared",
                     # "Back in service : 047/13:02:00", "Returned to service": a machine's own close
                     r"(?:back|returned)\s+(?:in|to)\s+service(?:\s+at)?", r"return\s+to\s+service",
                     # "- **Fixed:** 3d2c24b — 2026-08-22 09:13"
                     r"fixed(?:\s+(?:at|on))?",
                     # "Opgelost:", "Behoben:", "Résolu :", "Resuelto:", "Resolvido:", "Risolto:", "Löst:", "Selesai:"
                     r"opgelost", r"afgesloten", r"behoben", r"gel[öo]st", r"r[ée]solue?", r"clos", r"resuelt[oa]",
                     # (not "lost", English: "Time lost on air | 00:02:13:04" is a length)
                     r"resolvid[oa]", r"risolt[oa]", r"löst", r"løst", r"stängd", r"lukket",
                     # "Cierre: 9:30 h", "Cierre de la incidencia", "Fermeture", "Chiusura", "Encerramento"
                     r"cierre(?:\s+de\s+la\s+incidencia)?", r"fermeture(?:\s+de\s+l['’]incident)?", r"chiusura",
                     r"encerramento")),
    # "| Time | 0730 - 1230 (UTC) |": when it happened, a range or one time
    ("time", _rx(r"(?:incident\s+)?times?(?:\s+of\s+(?:the\s+)?incident)?(?:\s+window)?$")),
    ("reviewed", _rx(r"reviewed(?:\s+(?:on|at))?", r"review(?:ed)?\s+date", r"date\s+reviewed")),
    ("written", _rx(r"written(?:\s+(?:on|at))?", r"published(?:\s+(?:on|at))?", r"drafted(?:\s+on)?", r"prepared(?:\s+on)?$",
                    r"(?:report|postmortem|document)\s+date", r"date\s+(?:written|published|created|disclosed|sent)",
                    r"sent(?:\s+on)?$",
                    # "| Date of report | 26 June 2024 |": the day the report was written
                    r"date\s+of\s+(?:the\s+|this\s+)?(?:(?:final\s+)?report|write[\s-]?up|post[\s-]?mortem|document|publication)",
                    # "| Date of issue | 19 December 2025 |", "Issue date": the day a formal report was issued
                    r"date\s+of\s+issue", r"issue\s+date", r"issued(?:\s+on)?$")),
    # "Fecha del incidente", "Date de l'incident", "Data do incidente", "Datum des Vorfalls"
    # first: the first alternative that matches is the one taken ("date", "fecha" alone)
    ("date", _rx(r"fecha\s+del\s+incidente", r"date\s+de\s+l['’]incident", r"data\s+d[oa]\s+incidente",
                 r"data\s+dell['’]incidente", r"data\s+incydentu",
                 r"datum\s+(?:des\s+(?:vorfalls|incidents|ausfalls|störfalls)|van\s+(?:het\s+)?(?:incident|storing))",
                 # "Event date: 12 March 2024" (a safety event's), "Date of occurrence", "Outage date"
                 r"(?:event|occurrence|outage)\s+date", r"date\s+of\s+(?:the\s+)?(?:event|occurrence|outage)",
                 # review minutes' "**Incident reviewed:** INC-0412 — Thursday, March 13, 2025": the incident, by its day
                 r"(?:incident|event|occurrence|outage)\s+(?:reviewed|under\s+review|in\s+review|discussed)$",
                 r"(?:incident\s+)?date(?:\s+of\s+(?:the\s+)?incident)?", r"when", r"occurred", r"day",
                 # "Datum för incidenten", "Dato for hendelsen", "Tanggal insiden" (before "datum" alone)
                 r"datum\s+f[öo]r\s+(?:incidenten|h[äa]ndelsen|st[öo]rningen)", r"dato\s+for\s+(?:hendelsen|h[æa]ndelsen|incidenten)",
                 r"tanggal(?:\s+(?:insiden|kejadian))?",
                 r"dato", r"datum", r"fecha",
                 # Turkish and Vietnamese: "Olay tarihi", "Tarih"; "Ngày xảy ra", "Ngày"
                 r"(?:olay\s+)?tarihi?", r"ng[àa]y(?:\s+x[ảa]y\s+ra)?")),
    ("status", _rx(
                   # "Status do documento", "Estado del documento", "Statut du document", "Stato del documento"
                   # (first: the plain "status" below would match their first word alone)
                   r"(?:status|estado|statut|stato)\s+d(?:o|el|u)\s+(?:documento|document|relat[óo]rio|informe|rapport)",
                   r"do[ck]ument(?:en)?status", r"berichtsstatus",
                   # ("MIR review status", "Post-incident review status": the review's kind before it)
                   r"(?:(?:mir|pir|major\s+incident|post[\s-]?incident|incident)\s+(?=review))?"
                   r"(?:doc(?:ument)?\s+|post[\s-]?mortem\s+|report\s+|review\s+|record\s+|investigation\s+"
                   r"|retro(?:spective)?\s+|analysis\s+|rca\s+|pir\s+|mir\s+|coe\s+|write[\s-]?up\s+|page\s+|advisory\s+|bulletin\s+"
                   # ("Post-incident status | In review": the review's, beside the incident's own state)
                   r"|post[\s-]?incident\s+"
                   # ("Incident status: OPEN (ride still down at handover)": the incident's
                   # state, read where no field states the write-up's)
                   r"|incident\s+"
                   r"|(?:debrief\s+)?notes\s+|debrief\s+|rfo\s+|minutes\s+"
                   # a quality record's own: "NCR Status", "CAPA status", "8D status", "AAR status"
                   r"|ncr\s+|capa\s+|8d\s+|a3\s+|aar\s+)?status", r"state",
                   r"(?:doc(?:ument)?|post[\s-]?mortem|report|retro(?:spective)?|review)\s+state", r"estado", r"estatus", r"statut",
                   r"stato(?:\s+del\s+(?:documento|report))?", r"(?:rapor\s+|belge\s+)?durum(?:u)?", r"tr[ạa]ng\s+th[áa]i",
                   # Czech and Slovak: "Stav dokumentu"
                   r"stav(?:\s+dokumentu)?")),
    ("severity", _rx(r"severity", r"sev", r"priority", r"incident\s+(?:severity|priority|level)", r"level",
                     # French, Spanish, Portuguese, German: "Sévérité", "Severidad", "Schweregrad"
                     r"s[ée]v[ée]rit[ée]", r"gravit[ée]", r"severidad", r"gravedad", r"severidade", r"gravidade",
                     r"schweregrad", r"niveau\s+de\s+gravit[ée]", r"internal\s+(?:severity|priority)",
                     r"gravit[àa]", r"priorit[àa]", r"severit[àa]", r"classification", r"impact\s+(?:level|rating)", r"(?:severity|incident)\s+rating",
                     # a risk matrix's product and the grade it gives: "Risk rating: Likelihood 3 x
                     # Consequence 2 = 6 (Medium) -> Incident grade 3" (not a potential's, in a note: meta_key)
                     r"risk\s+(?:rating|level|matrix)", r"incident\s+grade",
                     # a health service's Severity Assessment Code: "SAC rating: SAC 3 (near miss, no harm)"
                     r"sac(?:\s+(?:rating|score|level))?",
                     # Dutch and Polish: "Ernst", "Prioriteit", "Ważność", "Priorytet"
                     r"ernst(?:ig(?:heid|heidsniveau)?)?", r"prioriteit", r"wa[żz]no[śs][ćc]", r"priorytet",
                     r"priorit[äa]t", r"prioridad", r"prioridade", r"priorit[ée]",
                     # Swedish, Norwegian, Danish; Indonesian: "Allvarlighetsgrad", "Alvorlighetsgrad", "Tingkat keparahan"
                     r"allvarlighet(?:sgrad)?", r"alvorlighet(?:sgrad)?", r"alvorlighed(?:sgrad)?", r"prioritet",
                     r"(?:tingkat\s+)?keparahan", r"prioritas",
                     # Turkish and Vietnamese: "Önem", "Önem derecesi", "Ciddiyet"; "Mức độ nghiêm trọng"
                     r"[öo]nem(?:\s+derecesi)?", r"ciddiyet", r"[öo]ncelik", r"m[ứu]c\s+đ[ộo](?:\s+nghi[êe]m\s+tr[ọo]ng)?",
                     r"đ[ộo]\s+nghi[êe]m\s+tr[ọo]ng", r"đ[ộo]\s+[ưu]u\s+ti[êe]n")),
    ("owner", _rx(r"owners?", r"authors?", r"written\s+by", r"incident\s+commander", r"ic", r"lead", r"facilitator")),
    ("near_miss", _rx(r"near[\s_-]*miss")),
    ("class", _rx(r"(?:incident\s+)?class(?:ification)?", r"(?:incident\s+|event\s+)?categor(?:y|ies)", r"(?:incident|event)\s+type", r"type", r"kind", r"tags?",
                  # ("kategorie: Medikation", "Catégorie", "Categoría", "Categoria", "Categorie", "Kategori")
                  r"kategori(?:e|en)?", r"cat[ée]gorie", r"categor[ií]a")),
    ("teams", _rx(r"teams?", r"owning\s+teams?", r"squads?", r"group")),
    ("services", _rx(r"services?", r"systems?", r"affected\s+(?:services?|systems?|components?)", r"components?",
                     r"products?", r"applications?")),
    ("id", _rx(r"(?:incident\s+)?id", r"incident\s+(?:number|#|no\.?|ref(?:erence)?)", r"reference", r"pagerduty", r"ticket")),
    # (an email's "Subject:" names what it is about: a postmortem sent to a list; so does a
    # letter's or a memo's "Re:")
    # (an "Event" field names it; not "Event time", "Event closed": a moment of it)
    ("title", _rx(r"(?:incident\s+|outage\s+)?(?:title|name)", r"event(?:\s+(?:name|title))?$", r"subject", r"re$")),
]


# "## Date: February 06, 2023 / ## Time: 15:30:00 UTC": the time an incident report's
# heading gives beside its date is when the incident began. Only as a heading: a bold
# "**Time:**" in the story is the time of whatever that paragraph tells.
HEADING_TIME = lazy_re.compile(r"^(?:incident\s+)?time(?:\s+of\s+(?:the\s+)?incident)?$", re.IGNORECASE)


_TTR_NOTE = lazy_re.compile(r"\bm?ttr\b", re.I)
_RECOVERY_KEY = lazy_re.compile(r"time\s+to\s+(?:recover(?:y)?|restore)\b", re.I)


@functools.lru_cache(maxsize=4096)
def meta_key(key: str) -> str | None:
    """The metadata field a key names ("**Detected:**", "## 3. Status", "Start (UTC)"), or None."""
    k = clean_heading(key)
    if k[:1].isupper() and k[1:2].isdigit() and (code := _FORM_ITEM.match(k)) is not None:
        k = k[code.end():]   # "B2 Severity (member assessment)": a form's item code before its question
    # "Severity (see severity.md)", "Start (UTC)", "首次发生时间（UTC）": a note in brackets
    # is not the key
    note = _CJK_PARENS.search(k)
    k = _CJK_PARENS.sub("", k).strip() or k
    if " / " in k and len(halves := k.split(" / ")) == 2 and all(len(h.split()) >= 2 for h in halves) and len(k) <= 80:
        # "Hora de detección / Detection time", "Cierre del evento en bitácora / Event
        # closed": one key written in two languages (not "Actual start / end": two keys)
        return meta_key(halves[1]) or meta_key(halves[0])
    if " / " in k and len(halves := k.split(" / ")) == 2 and len(k) <= 60 \
            and (same := meta_key(halves[0])) is not None and meta_key(halves[1]) == same:
        return same   # "Allvarlighetsgrad / severity level": the same key, named in both languages
    if " / " in k and len(halves := k.split(" / ")) == 2 and len(k) <= 60 \
            and sum(named := [meta_key(h) is not None for h in halves]) == 1 \
            and len(halves[named.index(False)].split()) == 1:
        # "Beginn / start", "Ereignisdatum / Date of event": a key in two languages, the
        # other's one word (a compound) beside ours (not "Actual start / end", two keys, the
        # unnamed one two words)
        return meta_key(halves[named.index(True)])
    if not k or len(k) > 40:
        return None
    if note and "potential" in note.group().lower():
        return None   # "Risk rating (potential)": what might have been, no level the incident had
    if note and _TTR_NOTE.search(note.group()) and _RECOVERY_KEY.match(k):
        return "ttr"   # "Time to recovery (TTR)": the team's own name for it says the close
    for name, rx in META_KEYS:
        m = rx.match(k)
        if m and m.end() >= len(k) - 12:  # the key is (nearly) all of it
            if m.end() < len(k) and (tail := _LAST_WORD_KEY.search(k, m.end())) is not None:
                return tail.group(1).lower()   # "Event severity": the severity, not the event's name
            return name
    if (tail := _LAST_WORD_KEY.search(k)) is not None and len(k.split()) <= 3:
        # "Exposure mitigated", "Impact resolved", "Hazard contained": the moment the last word names
        return _LAST_WORD_NAMES.get(tail.group(1).lower(), tail.group(1).lower())
    if note and (k.isascii() or _LATIN_LETTER.search(k)) \
            and (inner := meta_key(note.group().strip()[1:-1])) in ("started", "detected", "mitigated", "resolved"):
        # "| Ride down (impact start) | 10:42 |": the plant's word, then the moment it is (in
        # any language in Latin letters: "**Eingedämmt (mitigated):** 13:40")
        return inner
    if (two := _TWO_SCRIPTS.match(k)) is not None:
        # "影響期間 Impact period", "検知 Detection": one key written in both languages
        return meta_key(two.group(2)) or meta_key(two.group(1))
    if note and not k.isascii() and not _LATIN_LETTER.search(k) and _GLOSS.fullmatch(note.group()):
        # "検知 (detected)", "暫定対応完了 (mitigated)": a key in another script, glossed in English
        return meta_key(note.group()[1:-1])
    if k[:4].lower() == "when" and (asked := _WHEN_ASKED.match(k)) is not None:
        return _ASKED_VERBS.get(asked.group(1).lower())
    if k[:4].lower() in ("date", "time") and (lead := _WHEN_LEAD.match(k)) is not None and lead.end() < len(k):
        # "Date/time breach contained", "Date/time incident resolved", "Time of first
        # unauthorised access": a form's moment, its event after the word for when
        rest = k[lead.end():]
        if _TOLD_TO.search(rest):
            return None   # "Date/time reported to ICO", "Date notified to the regulator": told someone, later
        said = meta_key(rest) or (_ASKED_VERBS.get(rest.lower()) if " " not in rest else None)
        if said == "date" and k[:4].lower() == "date":
            return "date"   # "Date breach occurred": the incident's day
        return said if said in ("started", "detected", "mitigated", "resolved") else None
    return None


_LATIN_LETTER = lazy_re.compile(r"[A-Za-z]")
_GLOSS = lazy_re.compile(r"[(（][A-Za-z][A-Za-z &/'’-]{2,40}[)）]")
# a form's item code: "A5 ", "B12 ", "C3a. "
_FORM_ITEM = lazy_re.compile(r"[A-Z]\d{1,2}[a-z]?[.:)]?\s+(?=[^\W\d_])")
_TOLD_TO = lazy_re.compile(r"\b(?:to|with)\b", re.I)
# a key's last word that names the field whatever words come before it ("Event severity",
# "Exposure mitigated")
# (not "Not resolved", "Partially mitigated", "Current severity": a state, not the moment
# or the incident's own)
_LAST_WORD_NAMES = {"contained": "mitigated", "began": "started"}
# ("Misrouting began": the harm, by its own name, beginning; not "Investigation began",
# "Rollback began": the response's work)
_LAST_WORD_KEY = lazy_re.compile(r"(?<=\s)(?<!\bnot\s)(?<!\bpartially\s)(?<!\bpartly\s)(?<!\bnever\s)(?<!\bstill\s)"
                                 r"(?<!\bnearly\s)(?<!\byet\s)(?<!\bcurrent\s)(severity|mitigated|resolved|contained"
                                 r"|(?<!investigation\s)(?<!work\s)(?<!response\s)(?<!rollback\s)(?<!recovery\s)(?<!repair\s)"
                                 r"(?<!review\s)(?<!remediation\s)(?<!migration\s)(?<!maintenance\s)(?<!change\s)(?<!deployment\s)"
                                 r"(?<!deploy\s)(?<!restoration\s)(?<!cleanup\s)began)$", re.I)
# the words a form opens a moment's key with: "Date/time", "Date and time of", "Time of the"
_WHEN_LEAD = lazy_re.compile(r"^(?:date\s*(?:/|and|&)\s*time|date|time)\s+(?:(?:of|when)\s+)?(?:the\s+)?"
                             r"(?:(?:breach|incident|outage|attack|exposure|event|problem)\s+)?", re.I)


# a form's question for a moment: "When did the problem start?", "When was it noticed?",
# "When was it contained?", "When were customers affected?"
_WHEN_ASKED = lazy_re.compile(r"^when\s+(?:was|were|did|is)\s+(?:it|this|that|the\s+[\w-]+(?:\s+[\w-]+)?|[\w-]+)\s+"
                              r"(?:first\s+|finally\s+|fully\s+)?([a-z]+)(?:\s+(?:at|on))?\s*\??$", re.I)
_ASKED_VERBS = {
    **dict.fromkeys("start started begin began happen happened occur occurred affected".split(), "started"),
    **dict.fromkeys("noticed detected spotted reported found discovered notice detect spot report find discover "
                    "seen alerted".split(), "detected"),
    **dict.fromkeys("contained mitigated restored recovered contain mitigate restore recover stopped stop".split(),
                    "mitigated"),
    **dict.fromkeys("closed resolved fixed close resolve fix".split(), "resolved"),
}


# a key in Japanese, Chinese or Korean, then the same in English
# (perhaps a slash between them: "発生日 / Date of occurrence", "ステータス / Status")
# (or in Thai, Hindi or any script but Latin's: "สถานะ / Status", "วันที่เกิดเหตุ / Incident date";
# a section's name too, "後續行動 Action items", "ลำดับเหตุการณ์ / Timeline (ICT)")
_TWO_SCRIPTS = lazy_re.compile(r"^([^\x00-\x7f\s]+(?:\s+[^\x00-\x7f\s]+)*)\s*(?:[/／|｜]\s*)?"
                              r"([A-Za-z][A-Za-z &'’/-]*?)\s*(?:\([^()]*\))?$")



# The same keys in Japanese, Chinese and Korean metadata tables ("| 重大度 | SEV-3 |",
# "| 発生日時 | 2026-07-16 02:33 JST |", "| 날짜 | 2026-10-01 (KST) |"): matched as whole
# keys of their own
_CJK_META = {
    "severity": ("重大度", "深刻度", "緊急度", "严重程度", "严重性", "严重等级", "严重级别", "事故等级", "故障等级",
                 "事故级别", "优先级", "심각도", r"(?:장애\s?)?등급", "우선순위"),
    "started": ("発生日時", "発生時刻", "障害発生日時", "開始日時", "開始時刻", "发生时间", "开始时间", "故障时间",
                r"발생\s?(?:일시|시각|시간)", r"시작\s?(?:일시|시각|시간)"),
    "detected": ("検知日時", "検知時刻", "発見日時", "発見時刻", "发现时间", "检测时间", "发现日期", "発見日", "検知日",
                 r"(?:탐지|감지|인지|발견)\s?(?:일시|시각|시간)"),
    "mitigated": ("復旧日時", "復旧時刻", "恢复时间", r"복구\s?(?:일시|시각|시간)"),
    "resolved": ("解決日時", "解決時刻", "収束日時", "解决时间", r"해결\s?(?:일시|시각|시간)"),
    "duration": ("影響期間", "影響時間", "障害時間", "障害期間", "影响时间", "持续时间", "影响时长",
                 r"(?:영향|장애|지속)\s?시간"),
    # "**発生期間**: 2025-10-12 〜 2025-10-26" (the period it happened in): its first day
    "date": ("発生日", "発生年月日", "発生期間", "日付", "日時", "日期", "发生日期", "날짜", "일자", r"발생\s?일"),
    "status": ("ステータス", "状態", "状态", r"(?:문서\s?)?상태"),
    "owner": ("作成者", "担当者", "作者", "负责人", "담당자", "작성자"),
    # "**类型**：`data` / `near-miss`": what kind of incident it was
    "class": ("类型", "类别", "分类", "事故类型", "種別", "種類", "分類", "유형", "분류"),
}
# ("首次发生时间", "初回検知日時": the first time it happened, or was seen; "故障发生日期",
# "文档状态": the incident's or the document's, named before the key)
META_KEYS = META_KEYS + [(name, lazy_re.compile("^(?:首次|初次|最初の?|初回)?(?:事故|故障|事件|障害|インシデント|장애|사고|文档|文書|ドキュメント|문서)?"
                                                r"\s?(?:" + "|".join(words) + ")$"))
                         for name, words in _CJK_META.items()]
# ... and in Russian ("**Дата инцидента:** 2026-05-23 12:14:27 UTC", "**Длительность простоя:**")
_RUSSIAN_META = {
    "date": (r"дата(?:\s+(?:инцидента|сбоя|аварии|события))?$",),
    "written": (r"дата\s+(?:публикации|составления|отчёта|отчета)$",),
    "started": (r"начало(?:\s+(?:инцидента|сбоя|аварии|простоя))?$",),
    "detected": (r"обнаружен[оа]?$", r"время\s+обнаружения$"),
    "mitigated": (r"восстановлен[оа]?$", r"время\s+восстановления$"),
    "resolved": (r"устранен[оа]?$", r"устранён[оа]?$", r"закрыт[оа]?$"),
    "duration": (r"длительность(?:\s+(?:простоя|инцидента|сбоя))?$", r"продолжительность$"),
    "severity": (r"серь[её]зность$", r"критичность$", r"приоритет$", r"уровень(?:\s+(?:критичности|инцидента))?$"),
    "status": (r"статус$",),
    "owner": (r"автор$", r"ответственный$"),
}
META_KEYS = META_KEYS + [(name, _rx(*words)) for name, words in _RUSSIAN_META.items()]


# Front-matter keys, normalised (lower case, "_" for "-" and spaces).
FRONT_MATTER = {
    "id": ("id", "incident_id", "key", "number"),
    "title": ("title", "name", "summary_title"),
    # a site generator's page title ("page-title: ..."; keys are read with "_" for "-"):
    # the title only where no heading gives one (it may be the site's name, as Pandoc's is)
    "page_title": ("page_title", "pagetitle"),
    # a post's own one-paragraph summary, shown under its title in lists and feeds
    "description": ("description", "summary", "excerpt", "abstract", "lede", "teaser"),
    # "incident_window: 2026-04-28 ~22:22Z (first seen) → 2026-04-28 22:37:08Z (recovered)"
    # (not a bare "window", which may be a maintenance or change window)
    "window": ("incident_window", "outage_window", "impact_window"),
    "incident_date": ("incident_date", "incident_day", "occurred", "occurred_on", "occurred_at"),
    "date": ("date", "incident_date", "day", "publishdate", "publish_date", "pubdate", "published", "publishedat",
             "published_at", "created", "created_at"),
    "severity": ("severity", "sev", "priority", "level", "risk_rating"),
    "status": ("status", "state", "postmortem_status", "review_status", "doc_status", "document_status"),
    "class": ("class", "incident_class", "category", "categories", "type", "incident_type", "classification",
              "incident_category", "incident_classification", "event_category",
              # (in the other languages front matter is written in: "kategorie: Medikation")
              "kategorie", "categorie", "catégorie", "categoria", "categoría"),
    "near_miss": ("near_miss", "nearmiss", "is_near_miss"),
    "services": ("services", "service", "systems", "components"),
    "teams": ("teams", "team", "owning_team"),
    "owner": ("owner", "owners", "author", "authors", "incident_commander"),
    "started": ("started_at", "started", "start", "start_time", "impact_start", "began_at"),
    "detected": ("detected_at", "detected", "detection_time", "detect_time"),
    "mitigated": ("mitigated_at", "mitigated", "end_time", "impact_end", "ended_at", "end"),
    "resolved": ("resolved_at", "resolvedwhen", "resolved_when", "resolved_on", "resolved", "resolution_time",
                 "closed_at"),
    "written": ("written", "written_on", "written_at", "published", "published_on", "created",
                "drafted", "report_date", "postmortem_date"),
    "reviewed": ("reviewed", "reviewed_on", "reviewed_at", "review_date", "date_reviewed"),
    # when the page was last edited: no incident's date, but the year a day named without
    # one ("On Wednesday, July 24th") is in
    "modified": ("modified_at", "modified", "updated_at", "updated", "lastmod", "last_modified"),
    "reference": ("pagerduty", "pagerduty_id", "incident_ref", "incident_reference", "external_id",
                  "firehydrant", "incident_io", "incidentio"),
}


# Timeline entries: what an entry says happened. Each kind is a list of phrases (words
# separated by spaces, matched on whole lower-case words; "on-call" is one word). A
# phrase list reads faster than a regular expression: an entry's words are looked up
# once each (see timeline._tag).


def _variants(heads: str, tails: str) -> list[str]:
    """Every "head tail" pair: _variants("outage incident", "begins began")."""
    return [f"{h} {t}" for h in heads.split() for t in tails.split()]


_SUBJECTS = "on-call oncall sre engineer team responder eoc imoc"   # (an engineer on call, an incident manager on call)

EVENT_MARKERS: dict[str, list[str]] = {
    "started": _variants("outage incident impact problem issue trouble", "begins begin starts start started began")
    + ["start of impact", "start of outage", "start of incident"] + _variants("fault failure incident outage", "occurs occurred")
    # "the start of the event was January 28th, 2016, 00:23 UTC"
    + [f"{w} of the {n}" for w in ("start", "beginning", "onset") for n in ("impact", "outage", "incident", "event")]
    # "The edition's scheduled run start, 22:30, is where we count impact from": the moment
    # the writer counts the harm from
    + [f"{v} {the}{n} from" for v in ("count", "counts", "counted", "measure", "measured")
       for the in ("", "the ") for n in ("impact", "outage", "downtime")]
    # "VPN login as ext-jm ... INITIAL ACCESS": an intrusion begins when the intruder first gets in
    + ["initial access", "initial compromise"],
    # "OUTAGE ENDS" is the end of impact; "INCIDENT ENDS" closes the incident
    "mitigated": _variants("outage impact disruption", "mitigated ends end ended over")
    + ["incident mitigated", "service restored", "service fully restored", "end of outage", "end of impact",
       "end of the outage", "end of the impact", "end of customer impact", "end of user impact",
       "end of disruption", "incident repaired"]
    # "Tasks deleted, binaries quarantined. CONTAINMENT COMPLETE": an intrusion's harm stopped
    # spreading, as a security team's phases mark it
    + ["containment complete", "containment completed", "containment achieved", "threat contained",
       "intruder contained", "attacker contained"],
    "resolved": _variants("incident", "ends end ended resolved closed over")
    + _variants("outage issue", "resolved closed") + ["all-clear", "all clear", "end of incident",
                                                      "end of the incident"]
    # "No anomalies for 45 minutes; we close the incident."
    + [f"{v} the incident" for v in ("close", "closes", "closed", "closing")],
}

EVENT_WORDS: dict[str, list[str]] = {
    "impact": (
        "halt halts halted stuck hang hangs hung delayed expire expires expired expiring "
        "missing duplicate duplicates backlog evicting evicts evicted eviction evictions "
        "crash-looping crash-loop crashloop crashlooping degrading oom-killed oomkilled oom-kill oom-killing "
        "error errors failure failures fail fails failed failing down outage outages unavailable "
        "unreachable degraded degradation latency 5xx timeout timeouts spike spikes jump "
        "jumps drop drops dropped crash crashes crashed crashing broken elevated unable "
        "stopped stall stalls stalled saturated saturation exhausted exhaustion impact "
        "impacted disrupted disruption loses lost loss overload overloaded offline exploit exploits exploited experiencing "
        # ("First oversold booking", "orders double-charged"): sold or charged what should not have been
        "oversold overbooked double-charged double-booked "
        # a machine's emergency stop: "E-stop, ZONE 6 OVERTRAVEL", "Ride e-stopped at 12:48"
        "e-stop e-stops e-stopped estop "
        "experienced").split()
    # a model server's latency by its own names: "time to first token starts to climb"
    + ["time to first token", "ttft", "queue time", "queue times"]
    # output spoiled: "first garbled response in the sampled logs", "corrupted uploads"
    + ["garbled", "corrupted", "mangled"]
    + ["timing out", "no longer", "cannot", "can't", "can’t", "could not", "couldn't", "couldn’t", "login loop", "not loading", "start failing", "begin failing",
       # "Scanners begin rejecting the newer passes": something begins to refuse what it should take
       *[f"{b} {w}" for b in ("begin", "begins", "began", "start", "starts", "started")
         for w in ("rejecting", "refusing", "dropping", "erroring", "returning errors", "crashing")],
       "logged out",
       # "bank transactions start arriving late": work done, but late
       "arriving late", "arrive late", "arrived late", "delivered late",
       # "first 502s on token refresh": the failing responses' start
       *[f"first {code}" for code in ("429s", "500s", "502s", "503s", "504s", "5xx", "5xxs", "4xx", "4xxs")],
       # data lost at once: "Mass deletion event - all 4,223 assets soft-deleted"; "The first
       # deletion we can find in client telemetry happened at 10:07"
       "wiped", "mass deletion", "mass-deletion", "data loss", "first deletion", "first deletions",
       # "First overwrite in cloud-sync logs": the first of the harm done
       "first overwrite", "first overwrites",
       # a breach told as it happened ("our SDKs were compromised"; not a report "about
       # compromised packages", which is how it was found)
       "was compromised", "were compromised", "been compromised", "got compromised",
       # "a mistake was made which resulted in some data being deleted from the archive"
       "data being deleted", "data was deleted", "data were deleted", "data has been deleted",
       "data have been deleted", "data got deleted",
       # "Heaters and gateway lose power" (not "a restart would lose 3 h": what it would cost)
       *[f"lose {n}" for n in ("power", "access", "light", "signal", "connectivity", "connection", "network",
                               "contact", "sync", "their", "its")],
       # money taken wrongly: "31 customers charged a second time", "double charges"
       "charged twice", "charged a second time", "double charged", "double-charged", "double charge",
       "double charges", "overcharged",
       # a stolen credential put to work: "Unauthorised use begins"
       "unauthorised use", "unauthorized use"],
    "detected": (
        "alert alerts alerted alerting alarm alarms paged paging pager on-call oncall detect "
        "detects detected detection notice notices noticed report reports reported "
        "witnessed discover discovers discovered spotted flagged escalated escalates declare "
        "declares notify notifies notified notifying investigating "
        # the page answered ("kenji.w: ack, looking", "@lena acks and starts on the logs"), and
        # an alert's own state word ("grafana: [FIRING] matches_formed_per_min < 50")
        "ack acks acked acknowledge acknowledges acknowledged firing").split()
    # "~2:40 pm: We recognized the removal" ("we realized that ..." more often learns a fact)
    + _variants("we", "recognized recognised")
    # "Sentry spike -> Slack #payments-alerts -> Tane sees it", "I spot it in #db-alerts"
    + ["sees it", "spots it", "spot it", "spots the", "spots a", "spots an", "sees the alert", "saw the alert"]
    # a person's own senses find a fault on a machine: "Dwayne, loading feeder 3, smelled
    # burning insulation", "the driver smells smoke from the cab"
    + [f"{v} {n}" for v in ("smell", "smells", "smelled", "smelt", "smelling")
       for n in ("burning", "smoke", "gas", "fumes", "something burning")]
    # a story's "We found out at 6:40 a.m.", "we first learned of it from a customer"
    # "she sees the domain on the recipient line and realises the mistake": someone finds their own slip
    + [f"{v} {d} {n}" for v in ("realises", "realizes", "realised", "realized", "realise", "realize")
       for d in ("the", "her", "his", "their", "our", "my") for n in ("mistake", "error", "slip")]
    # "she saw his named plate still on the trolley and realised what had happened"
    + [f"{v} what {h} happened" for v in ("realises", "realizes", "realised", "realized")
       for h in ("had", "has")]
    + ["we found out", "found out about", "came to light", "comes to light", "we learned of", "we learned about",
       "we first learned", "we first heard"]
    + ["page storm", "opened an incident", "became aware", "incident declared", "phones", "phoned",
       "calls support", "called support", "calls us", "called us", "calls the", "called the",
       # "Garage operator is calling to hotline" (a customer's call, however the sentence is built)
       "calling the", "calling support", "calling us", "calling to hotline", "calls to hotline", "called to hotline",
       "calling to support", "calls to support", "called to support",
       # "First call to the helpdesk, from a paralegal": a call or a ticket to the desk
       *[f"{n} to {the}{desk}" for n in ("call", "calls", "ticket", "tickets") for the in ("", "the ")
         for desk in ("helpdesk", "help desk", "service desk", "support desk", "it desk")],
       # (not the base form alone: "please write to us", "contact support if ..." ask the
       # reader; "Customers write to support" tells who did)
       "writes to support", "wrote to support", "writes to us", "wrote to us", "contacts support", "contacted support",
       # "First customer email to support: ...", "Leeds store raises a ticket: customers calling ..."
       "email to support", "emails to support", "emails support", "emailed support",
       # "support receives a guest's email: ...": the desk hearing from outside
       # (not "the email, as support received it:", the mail quoted below, nor "support receives a
       # list of talking points": what it receives is word from outside)
       *[f"{desk} {v} {a}" for desk in ("support", "helpdesk", "help desk", "service desk", "the desk", "customer service")
         for v in ("receives", "received", "gets", "got")
         for a in ("a call", "an email", "an e-mail", "a ticket", "a complaint", "a report", "a message", "a chat",
                   "the first", "its first", "calls", "emails", "tickets", "complaints", "reports",
                   *(f"a {who}'s" for who in ("customer", "guest", "user", "client", "merchant", "patient", "member",
                                              "partner", "caller")))],
       *[f"{v} {a}ticket" for v in ("raises", "raised", "opens", "files", "filed", "logs", "logged") for a in ("a ", "")],
       *[f"{who} {v}" for who in ("users", "customers", "clients", "residents", "merchants", "people", "players")
         for v in ("write to", "write in", "contact support", "contact us")],
       # "first customer contact to Support: 'no confirmation email ...'"
       "customer contact", "customer contacts", "contact to support", "contacts to support",
       # "First customer call about the login loop", "Incident opened: 14 calls since 08:05"
       "customer call", "customer calls", "incident opened", "incident raised",
       # "first merchant ticket: searching 'crème' shows 0 results", "first user report"
       "first ticket", "first tickets",
       # (not "The first support email containing PII is sent": a mail the fault sent)
       *[f"first {who} {n}" for who in ("customer", "merchant", "user", "client", "partner", "support", "member")
         for n in ("ticket", "tickets", "report", "reports", "complaint", "complaints", "chat", "chats", "call", "calls",
                   "inquiry", "inquiries", "enquiry", "enquiries")],
       # "first customer inquiry to CS", as a translated Japanese report words it
       "first inquiry", "first inquiries", "first enquiry", "customer inquiry", "customer inquiries",
       # someone telling the writer: "Margaret (trustee) texts me that the donate button spins",
       # "... and messages me on Signal", "mails security@libsonde.org"
       *[f"{v} me" for v in ("texts", "texted", "messages", "messaged", "pings", "pinged", "calls", "called",
                             "emails", "emailed", "dms", "dmed", "dm's", "rings", "rang", "phones", "phoned")],
       "mails security", "mailed security", "mails us", "mailed us", "email us", "emails us", "emailed us",
       "emails the service desk",
       "emails the help desk", "emails the helpdesk", "page sent", "pages sent",
       "email from", "emails from", "emailed", "emails support", "complains", "complained",
       "complaint", "complaints", "support ticket", "support tickets", "tickets from", "tweets", "tweeted",
       "e-mail from", "e-mails from", "receives an e-mail", "received an e-mail", "receives an email",
       "received an email", "received a report", "receives a report", "reached out", "contacted us",
       "issue identified", "problem identified", "identified an issue", "identified a problem",
       "identifies an issue", "identifies a problem", "identified a bug", "identifies a bug",
       "investigation starts", "investigation started", "investigation begins", "investigation began",
       "begins investigation", "began investigation", "begins an investigation", "began an investigation",
       "starts investigation", "started investigation", "opens an investigation", "opened an investigation",
       "we learned about", "we learned of", "we learnt about",
       "we learnt of", "learned about a", "were made aware", "was made aware"]
    # "The issue was identified at approximately 12:07"
    + [f"{n} was identified" for n in ("issue", "problem", "incident", "outage", "fault")]
    # "Build failures identified by staff, response initiated": the harm someone noticed
    # (not "Identified cause of failures", which finds why), or a response begun
    + [f"{n} identified by" for n in ("failure", "failures", "error", "errors", "issue", "issues", "problem",
                                      "problems", "outage", "crash", "crashes", "crashing")]
    + ["response initiated", "incident response started", "incident response began", "incident response begins",
       "incident response starts"]
    # "OSL received a page regarding ...", "got an alert", "receives a call from"
    + [f"{v} {a} {n}" for v in ("received", "receives", "receive", "got", "gets", "get")
       for a in ("a", "an", "the", "several", "multiple") for n in ("page", "pages", "alert", "alerts", "alarm",
                                                                   "alarms", "call", "calls", "report", "reports")]
    # "Colin ... gets a text from the uptime checker": a message to the one on duty, from a monitor or a person
    + [f"{v} {a} {n} from" for v in ("received", "receives", "got", "gets")
       for a in ("a", "an") for n in ("text", "sms", "message", "phone call", "whatsapp")]
    + [f"{v} {a} {n}" for v in ("posts", "posted", "opens", "opened", "files", "filed", "raises", "raised")
       for a in ("an", "a") for n in ("issue", "bug", "ticket")]
    # "gets KMSInvalidStateException ... and raises it in #platform": someone telling the team
    + [f"{v} it in" for v in ("raises", "raised", "flags", "flagged")]
    # ... or to someone, or up: "She flags it to me", "Hawke flags up Malware antivirus errors",
    # "Agent flags via observability: / at 1.3% free"
    + [f"{v} {w}" for v in ("flags", "flagged") for w in ("it to", "up", "via")]
    + _variants("pages page", _SUBJECTS)
    + [f"{p} the {w}" for p in ("pages", "page") for w in _SUBJECTS.split()]
    + ["pages an engineer", "pages an sre"]
    + _variants("sev1 sev2 sev3 sev4 sev-1 sev-2 sev-3 sev-4", "declared")
    # "A user emails PyPI Security about a suspicious email", "a researcher wrote to us":
    # someone outside tells the organisation, whoever receives it (one named with its
    # article, or several in the past tense: "dropping user emails", "a maintainer wrote a
    # patch" tell nothing)
    + [f"{a} {who} {verb}" for a in ("a", "an", "one", "another")
       for who in ("user", "customer", "researcher", "reporter", "member", "client", "maintainer", "developer",
                   "contributor", "partner", "vendor", "reader", "visitor")
       for verb in ("emails", "emailed", "e-mails", "e-mailed", "writes to", "wrote to", "contacts", "contacted")]
    + _variants("users customers researchers maintainers developers contributors partners",
                "emailed e-mailed contacted")
    + ["someone emails", "someone emailed", "someone wrote to", "someone contacted"]
    # "a customer just wrote in", "a user wrote in": someone outside telling support; and a
    # chat's first question, "anyone else seeing order emails not going out?"
    + [f"{a} {who} {adv}{verb}" for a in ("a", "an", "one", "another")
       for who in ("user", "customer", "client", "member", "merchant", "reader", "visitor")
       for adv in ("", "just ") for verb in ("writes in", "wrote in", "rang", "rings", "phoned", "phones")]
    + [f"{who} else {v}" for who in ("anyone", "anybody") for v in ("seeing", "see", "getting", "having", "noticing")]
    # "A customer asks support where yesterday's export is": someone outside asking after
    # what did not arrive (not "a developer asked for a rollback", a colleague's request)
    + [f"{a} {who} {verb}" for a in ("a", "an", "one", "another")
       for who in ("user", "customer", "client", "member", "partner", "merchant", "reader", "visitor")
       for verb in ("asks", "asked")]
    + _variants("monitoring", "fires fired caught shows raises raised pages paged alerts alerted")
    # someone catching the fault before it went further: "Théo caught it in the four-eyes
    # review at 16:37", "the reviewer caught the typo" (not "caught up", level again)
    + [f"{v} {w}" for v in ("caught", "catches", "catching")
       for w in ("it", "this", "the error", "the mistake", "the bug", "the typo")]
    # "Researcher emails security@...", "A user opens issue #3310": someone outside telling
    # us by mail or in the project's tracker
    + [f"{who} {verb}" for who in ("researcher", "a researcher", "a user", "a customer", "reporter", "a reporter")
       for verb in ("emails", "emailed", "opens issue", "opened issue", "opens an issue", "opened an issue",
                    "files an issue", "filed an issue", "opens a bug", "opened a bug")]
    # "Our uptime monitor posts 'DOWN' in the infra room": a check telling the team
    + _variants("monitor check probe", "posts posted fires fired alerts alerted flags flagged")
    # "radios guest services, who open a P1 ticket": someone raising the incident
    + [f"{v} {'an' if (p or n)[0] in 'aeiu' else 'a'} {p}{n}" for v in ("open", "opens", "opened", "raise", "raises",
                                                                      "raised", "file", "files", "filed")
       for p in ("", "p1 ", "p2 ", "urgent ", "priority ") for n in ("ticket", "incident")]
    # "Ticket opened by phone (Lerato Mokoena)": the record raised, the passive way round
    + [f"{n} {v} by" for n in ("ticket", "incident") for v in ("opened", "logged")]
    # "Opening this card.", "opened this ticket": the writer raising the incident's own record
    + [f"{v} this {n}" for v in ("opening", "opened", "opens") for n in ("card", "ticket", "issue", "incident")]
    # "... asking why she paid twice. that's how i found out": the writer saying this is how they knew
    + [f"how {who} {verb}" for who in ("we", "i") for verb in ("found out", "learned", "learnt", "heard", "noticed")]
    # "... account manager e-mails eCommerce ops asking why our cancellation rate is 14x
    # normal": someone asking after what went wrong
    + ["asking why", "asks why", "asked why"]
    # "That's the first any of the staff knew", "the first we knew of it": the moment they knew
    + [f"the first {who} knew" for who in ("we", "i", "anyone", "anybody", "any of us", "any of the staff",
                                          "any of the team", "the team", "the staff", "the company")]
    # "... sees the barn dark and hears the generator running. First awareness.": the writer marking it
    + ["first awareness", "first became aware", "first aware"]
    # "the problem started at 6.41pm, we knew at 6.52pm": the writer's recap of when they knew
    + [f"{who} knew {p}" for who in ("we", "i") for p in ("at", "by")]
    # "We were told at 09:12": the writer's recap of when word reached them
    + [f"{who} told {p}" for who in ("we were", "i was", "we were first", "i was first") for p in ("at",)]
    # "PagerDuty fires": the paging tool named for the page
    + _variants("pagerduty opsgenie", "fires fired pages paged alerts alerted triggers triggered")
    # "The first sign was the storage monitor's e-mail ... at 20:12": the writer naming how they
    # knew (not "First sign-in with the stolen session": the words as a noun of its own)
    + [f"first {w} {v}" for w in ("sign", "signs", "indication", "symptom") for v in ("was", "were", "came", "we")]
    # ... or its page as a noun: 'PagerDuty page "dispatch-lisboa assign_latency_p95 > 60s" -> me'
    + _variants("pagerduty opsgenie", "page alert")
    # "alertmanager FIRING DNSResolverServfailHigh": the alerting tool's own word for an alert going off
    + _variants("alertmanager grafana", "firing fires fired")
    # "the uptime check for /releases goes red": a check or dashboard failing where people see it
    + ["goes red", "went red", "turns red", "turned red"]
    # the writer saying this was the first they knew: "First I heard anything was wrong",
    # "First I hear of it", "the first time the privacy team sees the request"
    + [f"first {who} {v}" for who in ("i", "we") for v in ("hear", "heard", "knew", "learned", "learnt", "saw")]
    + [f"first time {the} {who} {v}" for the in ("the", "our") for who in ("team", "privacy team", "security team", "support team", "company")
       for v in ("sees", "saw", "hears", "heard", "knew", "learns", "learned")]
    # someone telling the team by a phone's or a chat's message: "My mum sends a WhatsApp",
    # "Rohit sends an Instagram DM", "the duty manager rings the after-hours number"
    + [f"{v} {a} {n}" for v in ("sends", "sent") for a in ("a", "an") for n in ("whatsapp", "dm", "text", "sms",
                                                                             "instagram", "signal", "slack", "telegram")]
    + _variants("rings rang", "the support")
    # a check telling someone, or a job finding what is wrong: "Uptime monitor texts Kevin",
    # "uptimerobot Monitor is DOWN", "the audit script flags reporting-export-prod"
    + _variants("monitor check probe", "texts texted emails emailed messages messaged pings pinged")
    + [f"monitor {v} down" for v in ("is", "reports", "says", "goes", "went")]
    + _variants("script scanner audit scan", "flags flagged")
    # support passing a customer's word on: "support pings #eng", "Support posts in #help"
    # (not "Support posted an update to the status page": telling customers)
    + _variants("support", "pings pinged messages messaged escalates escalated flags flagged")
    + ["support posts in", "support posted in"]

    + ["tickets about", "first report", "first reports", "forum post", "first forum post",
       "posts a screenshot", "posted a screenshot"],
    "mitigated": (
        "mitigated mitigates mitigation reverted restored recovers recovered repaired "
        "reattached re-attached stabilized stabilised").split()
    + _variants("rollback roll-back", "complete completes completed finishes finished done succeeds")
    # a way of travel open again: "The line reopened", "Road reopens to traffic" (not a call's
    # "bridge", nor a ticket or a market reopened)
    + _variants("line lines route road roads station track tracks runway", "reopened reopens re-opened re-opens")
    # a change management's word for it: "back-out complete", "change backed out"
    + _variants("back-out backout", "complete completes completed finished done")
    + ["backed out", "backs out the change", "change backed out"]
    # a near miss's danger taken away: "the key is back to Enabled and the risk is removed"
    + [f"risk {v} {w}" for v in ("is", "was") for w in ("removed", "eliminated", "gone", "averted")]
    + ["risk removed", "risk eliminated", "risk averted"]
    # content that should not have gone out, taken back: "Photo unpublished from all 19
    # diaries", "the post was unpublished"
    + ["unpublished", "unpublishes", "depublished"]
    # "The vendor rolled the update back at 1:15 p.m.": the change undone, its name between the words
    + [f"{v} {d} {n} back" for v in ("rolled", "rolls", "rolling") for d in ("the", "that", "their", "our", "its")
       for n in ("update", "change", "release", "deploy", "deployment", "upgrade", "patch", "config", "version",
                 "migration", "build", "firmware")]
    + ["roll back complete", "roll back completes", "rolled back", "recovery complete",
       "back to normal", "back up", "failover complete", "failover completes",
       "failover completed", "workaround applied", "workaround deployed", "errors subside",
       "errors clear", "errors cleared", "error rate clears", "error rate cleared",
       # "the archive was locked down preventing further loss": the harm contained
       # ("... it was contained at 7.20pm, the fix was live at 7.48pm")
       "it was contained", "damage was contained", "problem was contained", "issue was contained",
       "harm was contained", "impact was contained", "leak was contained", "breach was contained",
       "incident was contained", "outage was contained",
       "preventing further", "prevented further", "stopping further", "stopped further",
       # "TDT Deployed a Hot-Fix | Service working as expected"
       "deployed a fix", "deployed a hotfix", "deployed a hot-fix", "deploys a hotfix", "deploys a hot-fix",
       "hotfix deployed", "hot-fix deployed",
       "error subsides", "errors stop", "back online", "resume", "resumes", "resumed", "no more",
       "paused", "pauses the", "fix implemented", "fix has been implemented", "fix was implemented",
       "fix has been applied", "fix was applied", "shipped the fix", "shipped a fix", "shipped both fixes",
       "shipped the fixes", "fix shipped", "fixes shipped",
       # a fix in production ends the impact it fixes (and resolves: see "resolved")
       "fix deployed", "fix rolled out", "fix released",
       # "11:25 UTC: Complete remediation achieved" (not "remediation plan ... done")
       "complete remediation", "remediation complete", "remediation completed", "remediation achieved",
       # the people or work held up go again: "Customer unblocked via manual sync"
       "customer unblocked", "customers unblocked", "user unblocked", "users unblocked", "jobs unblocked",
       "queue unblocked", "deploys unblocked", "deployments unblocked"]
    # what failed now goes through: "Re-runs succeeded", "the retry succeeds"
    + _variants("rerun reruns re-run re-runs retry retries", "succeeded succeeds worked passed")
    + _variants("succeeds succeed works work worked working correct healthy normal up available "
                "flowing green created produced generated processed processing running serving served "
                "responding load loads loading syncing synced accessible reachable operational online live "
                "stable functional functioning mounted writable readable saved accepted delivered "
                # "runners registering again", "search answering again", "Benches printing again"
                "registering answering print prints printing forming sending posting scanning rendering connecting "
                # "All gates moving again, slower but OK": queues, trains, traffic going again
                "booking publishing moving", "again")
    # what was held back moves again: "buffered data starts to flow", "queue starts flowing"
    + [f"{v} {f}" for v in ("starts", "start", "started", "begins", "began") for f in ("to flow", "flowing")]
    # ... or is sent on: "buffered results start uploading" (not "lag starts draining": a
    # backlog's delay lasts until it is drained)
    + [f"{v} {f}" for v in ("starts", "start", "started", "begins", "began")
       for f in ("uploading", "syncing", "forwarding", "transmitting", "to upload", "to sync")]
    # ... and the same work in the present: "tablets sync again", "Vaultwarden saves again",
    # "the feed validates again", "search is current again", "dashboards fresh again"
    + _variants("sync syncs synced save saves validate validates validated flow flows serves respond responds "
                "connects connected publishes published render renders current fresh", "again")
    # "invoices render correctly again": what showed wrong shows right (not "work correctly
    # again", as often what a fix promised)
    + [f"{v} correctly again" for v in ("render", "renders", "rendering", "display", "displays", "displaying",
                                        "show", "shows", "showing", "print", "prints", "printing")]
    # "kiosks took cards again", "the shop is accepting orders again": the work taken in again
    + [f"{v} {n} again" for v in ("take", "takes", "took", "taking", "accept", "accepts", "accepted", "accepting",
                                  "receive", "receives", "received", "receiving")
       for n in ("cards", "payments", "orders", "bookings", "traffic", "requests", "calls", "uploads", "logins",
                 "signups", "sign-ups", "deliveries", "donations", "registrations", "writes")]
    # "We're back live partway into the sermon": a stream or a site live again
    + ["back live", "live again", "back on air", "on air again"]
    # "Lights, fans and feeders come back on the generator", "the line came back up"
    + [f"{v} back {w}" for v in ("come", "comes", "came", "coming") for w in ("on", "up", "online")]
    # "Picture and sound back", "audio back on all feeds": a broadcast's output restored
    + [f"{w} back" for w in ("picture", "sound", "audio", "video", "signal", "programme", "output")]
    # "Labels start coming out at five past two": what stopped comes out again
    + [f"{v} coming out" for v in ("start", "starts", "started", "begin", "begins", "began")]
    # "submissions go through again", "People could sign in again"
    + [f"{v} {w} again" for v in ("go", "goes", "went", "going") for w in ("through", "out")]
    + [f"{v} in again" for v in ("sign", "signs", "log", "logs", "logged", "signed")]
    # "writes succeed", "DCS transactions succeeding", "handshakes succeed": the failing work now succeeds
    + _variants("writes reads transactions handshakes requests logins payments renewals queries uploads downloads "
                "checkouts builds deploys", "succeed succeeding")
    # "error rate back to baseline", "declines drop to baseline"
    + [f"{v} to baseline" for v in ("back", "drop", "drops", "dropped", "fall", "falls", "fell")]
    # "no further duplicate confirmations", "no further duplicates after this point"
    + [f"no further {n}" for n in ("duplicate", "duplicates", "errors", "failures", "crashes", "charges",
                                   "double", "removals", "rejections")]
    + ["remounted"]   # a file system back on its hosts
    # "Water level under control", "fire brought under control" (not "not yet under control")
    + ["under control"]
    # what was switched off, on again: "finds the board off, switches it on", "breaker turned back on"
    + [f"{v} {o}{b}on" for v in ("switches", "switched", "turns", "turned")
       for o in ("it ", "them ", "") for b in ("back ", "") if o or b]
    + ["powered back up", "powered back on", "powered up again", "powered again", "power back on"]
    # the people an entrapment held, let out: "doors opened and passengers released"
    + _variants("passengers people occupants staff guests riders visitors", "released freed rescued")
    # a flame lit again, a measure back within its limits: "it relit first time", "All four zones
    # back within range"
    + ["relit", "re-lit", "back within range", "back in range", "back within limits", "back in spec"]
    # a machine back in use: "E4 back in service", "Pool 2 returned to service"
    + ["back in service", "back into service", "returned to service", "in service again"]
    # "shortfall cleared", "backlog cleared": the harm's own measure made good; "sanity job re-run, all green"
    + [f"{n} {v}" for n in ("shortfall", "deficit", "backlog", "arrears") for v in ("cleared", "clears", "closed", "made good")]
    # (not a status page "all green" while the harm goes on: what was re-run or checked)
    # "We disabled the CRON job responsible for the issue": the cause itself switched off
    + [f"{v} the {n} responsible" for v in ("disabled", "disables", "stopped", "stops", "killed", "kills", "paused", "pauses")
       for n in ("cron job", "job", "cron", "script", "task", "worker", "workflow", "process", "feature")]
    + ["re-run all green", "rerun all green", "checks all green", "tests all green", "all checks green", "all tests green",
       "all checks pass", "all checks passing"]
    # "Revert deployed to gprd; error ratio back under 0.1%": the change undone in production,
    # the measure of harm back within its bound
    + [f"revert {v}" for v in ("deployed", "deploys", "rolled out", "shipped", "live", "is out", "went out")]
    + ["back under", "back below"]
    # "limiter switched to log-only; 429s stop": the failing responses themselves ending
    # ("Overwrites stop", "duplicates stopped": the harm itself ending)
    + [f"{n} {v}" for n in ("429s", "500s", "502s", "503s", "504s", "5xx", "5xxs", "4xx", "4xxs", "timeouts", "crashes",
                            "rejections", "declines", "overwrites", "deletions", "duplicates", "evictions", "failures")
       for v in ("stop", "stopped", "subside", "subsided", "clear", "cleared", "cease", "ceased")]
    # "Overcharging stopped", "Over-injection ends", "double-charging stops": a harm named by
    # its excess, ending
    + [f"{n} {v}" for n in ("overcharging", "over-charging", "over-injection", "overinjection", "overbilling",
                            "over-billing", "double-charging", "double-billing", "overselling", "overbooking")
       for v in ("stop", "stops", "stopped", "end", "ends", "ended", "ceases", "ceased")]
    # "errors gone": the harm away; "anonymous requests now get 403": what was exposed, shut
    + [f"{n} {w}gone" for n in ("errors", "error", "failures", "timeouts", "5xxs", "rejections", "declines")
       for w in ("", "are ", "all ")]
    + [f"{who} requests now {v} {code}" for who in ("anonymous", "public", "unauthenticated")
       for v in ("get", "return", "receive") for code in ("401", "403", "404")]
    # "H&V confirm the import is reversed": the harm undone, as a revert undoes a change
    + [f"{v} reversed" for v in ("is", "was", "were", "been", "now")]
    # "Dashboards show correct numbers": the figures right again
    + [f"{v} {t}correct" for v in ("show", "shows", "showing", "shown") for t in ("", "the ")]
    # "the new transfers are processed normally": working as it should again
    + _variants("processed processing working operating functioning running responding load loads loading "
                # "new bookings confirm normally": what was held up completes as it should
                "confirm confirms confirming confirmed", "normally")
    # "the consumer catches up within a minute": what fell behind is level again
    + ["catches up", "caught up"]
    # "new events are being delivered on time", "deliveries back on time": late no longer
    + [f"{v} on time" for v in ("delivered", "delivering", "processed", "arriving", "running")]
    + ["back on time", "on time again"]
    # "New sessions stop crashing straight away": the harm itself stopping
    + [f"{v} {bad}" for v in ("stop", "stops", "stopped") for bad in ("crashing", "failing", "erroring", "timing out",
                                                                    "dropping", "rejecting", "bouncing", "flapping")]
    # "Guests are no longer turned away", "orders no longer fail": the harm has stopped
    # ("the old certificate no longer served anywhere", "our subdomain no longer reaches the
    # attacker's project": what was exposed is not any more)
    + [f"no longer {w}" for w in ("turned away", "rejected", "rejecting", "failing", "fail", "fails", "erroring",
                                  "blocked", "affected", "impacted", "dropped", "dropping", "timing out",
                                  "crashing", "stuck", "delayed", "down", "served", "reaches", "reachable",
                                  "exposed", "accessible", "public", "possible", "leaking", "exploitable")]
    # "Messages flowing; queue depth zero", "everything back": the work moving again, all of it
    + [f"{n} flowing" for n in ("messages", "payments", "orders", "traffic", "events", "jobs", "emails", "calls",
                                "transactions", "uploads", "deliveries")]
    + ["everything back", "everything is back", "everything's back", "everything working", "everything works"]
    # "From this point there was no longer a risk of expiry": a near miss's danger gone
    + [f"no longer {w}" for w in ("a risk", "any risk", "at risk")]
    # "The leaked token is dead; exposure over", "pay-date risk gone": the danger itself ended
    + _variants("exposure risk leak", "over gone ends ended closed contained")
    # "spend at baseline", "error rate back at baseline"
    + ["at baseline", "back at baseline"]
    # "registrations go through", "payments going through": the work held up passes
    + [f"{n} {v} through" for n in ("payments", "orders", "registrations", "transactions", "bookings",
                                    "submissions", "transfers", "checkouts", "signups", "sign-ups", "logins")
       for v in ("go", "goes", "went", "going")]
    # "Replacement certificate deployed": the replacement for what broke, in place
    + [f"replacement {n} {v}" for n in ("certificate", "cert", "node", "nodes", "disk", "host", "server", "key",
                                        "config", "build", "image", "instance", "pod", "pods")
       for v in ("deployed", "installed", "live", "in place", "rolled out", "applied")]
    # "Bookings confirmed successfully", "Unlock success rate back above 98%"
    + [f"confirmed {w}" for w in ("successfully", "working", "validating")]
    # "Suggestions were back for everyone": the service whole again for its users
    + [f"{w} for {who}" for w in ("back", "working", "available", "restored")
       for who in ("everyone", "everybody", "all users", "all customers", "all of you")]
    + [f"{r} back {d}" for r in ("rate", "rates", "availability", "uptime") for d in ("above", "over")]
    # a status update's "/project and the portal are now available"
    + _variants("now", "available operational accessible reachable online working functional restored")
    # "The duplicate of the machine is online. Everything should be working"
    + _variants("is are", "online") + ["everything should be working", "everything is working"]
    # "contextd restarted - all services healthy": the state the outage ended in
    + [f"all {n} {s}" for n in ("services", "systems", "nodes", "pods", "checks", "components")
       for s in ("healthy", "operational", "green", "passing")]
    # "New pod healthy; the site serving again": the replacement is up
    + [f"new {n} {s}" for n in ("pod", "pods", "instance", "instances", "node", "nodes", "version", "build",
                                "release", "deployment", "container", "containers")
       for s in ("healthy", "serving", "live", "up")]
    + [f"{r} to {w}" for r in ("returns", "return", "returned") for w in ("baseline", "normal")]
    # containment of a leak: the exposure ends when the secret stops working
    + "revoke revokes revoked re-enable re-enables re-enabled".split()
    + _variants("token tokens key keys credential credentials secret secrets password passwords",
                "revoked destroyed disabled rotated invalidated deactivated")
    + [f"{v} the {w}" for v in ("disabled", "disables", "destroyed", "destroys", "rotated", "rotates",
                                "invalidated", "invalidates")
       for w in ("token", "tokens", "key", "keys", "credential", "credentials", "secret", "secrets")],
    "resolved": "resolved resolution resolutions closed all-clear".split()
    + ["all clear", "fully recovered", "full recovery", "fully restored", "incident closed", "incident over",
       "incident ended", "fix deployed", "fix rolled out", "fix released", "close this issue",
       "close this incident", "closing this issue", "closing this incident", "closing the incident",
       # "NCC closes incident after depot check-in call", "... closing incident": a log's words, no article
       "closes incident", "closed incident", "closing incident",
       "close the incident", "closes the incident", "closed the incident",
       # "Raj closes the major incident", "security incident closed"
       *[f"{v} the {k} incident" for v in ("close", "closes", "closed", "closing")
         for k in ("major", "security", "p1", "p2", "sev1", "sev2")],
       *[f"{k} incident closed" for k in ("major", "security")],
       # a safety report's word for it: "closes the occurrence in the ops log"
       "closes the occurrence", "closed the occurrence", "occurrence closed",
       # "Ama closes the thread", "closes the event", "Wes ... closes it out", "closing this"
       *[f"{v} the {n}" for v in ("closes", "closed", "closing") for n in ("event", "thread", "page", "war room",
                                                                          "bridge", "channel", "incident channel", "anomaly", "ticket")],
       "closes it out", "closed it out", "closing it out", "closes it", "closing this", "closes out",
       "resolving this", "resolving it", "resolving the ticket", "resolving the incident",
       "resolves the incident", "resolve the incident", "resolves the ticket", "resolves it",
       # "That was the end of it for the day."
       "was the end of it", "that's the end of it", "that is the end of it",
       # "he called it closed at 10:40", "calling it resolved", "calling it done and going to bed"
       *[f"{v} it {state}" for v in ("call", "calls", "called", "calling") for state in ("closed", "resolved", "over", "done")],
       # a card or ticket moved to its board's last column: "Closing, moving the card to Done."
       *[f"{v} the {n} to done" for v in ("move", "moves", "moved", "moving") for n in ("card", "ticket", "issue")],
       "closed out",
       # the fix checked in production: "**Verified fix**: pending webhooks decreased"
       "verified fix", "fix verified", "verified the fix", "fix confirmed", "confirmed the fix"],
}


# The same events in the other languages postmortems are written in (Spanish, Portuguese,
# French, German, Dutch, Russian): "Usuario reporta errores", "Service rétabli", "Dienst
# wiederhergestellt", "Пользователь обратился"
_OTHER_LANGUAGE_EVENTS = {
    "detected": "reporta reportan reportó reportaron reportou reportaram detecta detectan detectó detectaron "
                "detectado detectada detectou detetado alerta alertas alertou avisa avisó notifica notificó "
                "notificou reportado reportada signale signalé signalée signalés signalées signalent détecté détectée détecte alerte alerté meldet "
                "meldete gemeldet erkannt bemerkt alarmiert meldt meldde gemeld gedetecteerd opgemerkt "
                "обнаружено обнаружен обнаружена обнаружили заметил заметила заметили обратился обратилась "
                "обратились сообщил сообщила сообщили алерт алерты оповещение",
    "mitigated": "restaurado restaurada restablecido restablecida restabelecido restabelecida recuperado "
                 "recuperada rétabli rétablie restauré restaurée wiederhergestellt hersteld "
                 "восстановлен восстановлена восстановлено восстановлены восстановили починили починен "
                 "починена",
    "resolved": "resuelto resuelta solucionado solucionada resolvido resolvida résolu résolue behoben gelöst "
                "opgelost устранено устранена устранён устранен",
}
for _kind, _words in _OTHER_LANGUAGE_EVENTS.items():
    EVENT_WORDS[_kind] = EVENT_WORDS[_kind] + _words.split()
# ... and their phrases: "Erfolgsquote wieder bei 99 %", "le taux d'erreurs revient à son
# niveau normal", "El motor responde con normalidad", "Incident geschlossen", "se cierra el
# incidente", "clôture de l'incident"
# Italian, as the others above: "scatta l'allarme", "Impatto mitigato", "l'incidente viene chiuso"
EVENT_WORDS["detected"] = EVENT_WORDS["detected"] + [
    "allarme", "allarmi", "l'allarme", "l’allarme", "segnalato", "segnalata", "segnalazione", "rilevato", "rilevata",
    "notificato"]
EVENT_WORDS["impact"] = EVENT_WORDS["impact"] + ["inizio dell'impatto", "inizio dell’impatto", "inizio del disservizio",
                                                 "disservizio",
                                                 # "Início do impacto", "Inicio del impacto", "Début de l'impact",
                                                 # "Beginn der Störung", "begin van de impact"
                                                 "início do impacto", "inicio do impacto", "inicio del impacto",
                                                 "début de l'impact", "début de l’impact", "beginn der störung",
                                                 "störungsbeginn", "begin van de impact", "begin van de storing",
                                                 # Polish: "Początek wpływu na klientów"
                                                 "początek wpływu", "początek awarii"]
# "Cliente abre chamado" (a customer opens a ticket), "de dienstdoende wordt opgepiept" (paged)
EVENT_WORDS["detected"] = EVENT_WORDS["detected"] + [
    "abre chamado", "abriu chamado", "abre um chamado", "abriu um chamado", "abre un ticket", "abrió un ticket",
    "opgepiept", "gealarmeerd", "waarschuwing", "melding komt binnen",
    # "Fenna ziet dat er pas 14 jobs geslepen zijn ... en maakt ticket LAB-2290 aan": someone
    # seeing it, and raising a ticket for it
    "ziet dat", "zag dat", "merkt dat", "merkte dat", "merkt op", "maakt ticket", "maakte ticket"]
EVENT_WORDS["mitigated"] = EVENT_WORDS["mitigated"] + [
    "mitigato", "mitigata", "ripristinato", "ripristinata", "ripristinati", "rollback completato",
    "wieder bei", "wieder normal", "wieder verfügbar", "auf normalniveau", "revient à son niveau normal",
    "revient à la normale", "de nouveau disponible", "con normalidad", "vuelve a la normalidad", "volvió a la normalidad",
    "voltou ao normal", "normalizado", "normalizada", "impacto mitigado", "impact atténué", "impact mitigé",
    "werkt weer", "werken weer", "weer beschikbaar", "weer bereikbaar", "weer normaal",
    # "Stellwerk wieder betriebsbereit" (back in working order)
    "wieder betriebsbereit", "wieder in betrieb"]
# Spanish, Portuguese, Italian, French and German: what fails ("Casi todos los pagos fallan"),
# what works again ("Los pagos vuelven a funcionar", "La tasa de error baja a lo normal")
# and the incident closed ("Damos el incidente por cerrado")
EVENT_WORDS["impact"] = EVENT_WORDS["impact"] + [
    "fallan", "fallando", "fallaron", "falham", "falhando", "falharam", "échouent", "échoue", "échouaient",
    "schlagen fehl", "schlug fehl", "fallisce", "falliscono",
    # French: "perte de communication", "panne", "coupure", "hors service"
    "perte de", "perte du", "perte des", "panne", "coupure", "hors service",
    # German: "BR2 fällt aus" (fails), "ist ausgefallen", "alle Abschnitte gestört"
    "fällt aus", "fiel aus", "fallen aus", "fielen aus", "ausgefallen", "gestört"]
# someone outside telling us ("a shop owner's ticket told us at 10:31"); what went stale
EVENT_WORDS["detected"] = EVENT_WORDS["detected"] + ["told us", "alerted us", "let us know", "notified us", "warned us"]
EVENT_WORDS["impact"] = EVENT_WORDS["impact"] + ["went stale", "served stale", "became stale", "go stale", "goes stale"]
# French "retour arrière" (rollback) done; a report passed up ("le service client remonte")
EVENT_WORDS["mitigated"] = EVENT_WORDS["mitigated"] + [
    "retour arrière terminé", "retour arrière effectué", "retour en arrière terminé", "rollback terminé",
    "rollback effectué"]
# French: the on-call called ("appelle l'astreinte"); a thing back where it belongs ("de retour dans la boîte")
EVENT_WORDS["detected"] = EVENT_WORDS["detected"] + [f"{v} {o}" for v in ("appelle", "appellent", "prévient", "préviennent", "alerte")
                                                     for o in ("l'astreinte", "l’astreinte")]
EVENT_WORDS["mitigated"] = EVENT_WORDS["mitigated"] + ["de retour dans", "de retour à la normale", "est de retour", "sont de retour"]
EVENT_WORDS["detected"] = EVENT_WORDS["detected"] + ["remonte", "remontent", "nous signale", "nous remonte",
                                                     # "Alarme « perte zone Z3 » au PCC" (as Spanish "alarma")
                                                     "alarme", "alarmes"]
# French: service running again ("reprise de l'exploitation", "le trafic reprend")
EVENT_WORDS["mitigated"] = EVENT_WORDS["mitigated"] + [
    "reprise de l'exploitation", "reprise de l’exploitation", "reprise du trafic", "reprise du service",
    "reprise de la circulation", "le trafic reprend", "le service reprend"]
EVENT_WORDS["resolved"] = EVENT_WORDS["resolved"] + ["störung beendet", "kanal geschlossen", "incident clos",
                                                     # "Fahrplanlage normalisiert, Störung abgeschlossen"
                                                     "störung abgeschlossen", "vorfall abgeschlossen", "ereignis abgeschlossen"]
# the impact ended, said so ("o que encerrou o impacto", "fin del impacto"); the incident closed
EVENT_WORDS["mitigated"] = EVENT_WORDS["mitigated"] + [
    "encerrou o impacto", "fim do impacto", "terminou o impacto", "fin del impacto", "terminó el impacto",
    "fin de l'impact", "fin de l’impact", "fine dell'impatto", "fine dell’impatto", "ende der auswirkung",
    "ende der störung", "einde van de impact"]
EVENT_WORDS["resolved"] = EVENT_WORDS["resolved"] + [
    "encerrou o incidente", "encerramos o incidente", "cerró el incidente", "cerramos el incidente",
    "se cierra el evento", "se cierra el incidente", "se cierra la incidencia", "se cerró el evento",
    "a clos l'incident", "a clôturé l'incident", "chiuso l'incidente", "schloss den vorfall", "sloot het incident"]
# (and "vuelven a funcionar", "voltam a liquidar": timeline._AGAIN_ROMANCE)
EVENT_WORDS["mitigated"] = EVENT_WORDS["mitigated"] + [
    "fonctionne à nouveau", "fonctionnent à nouveau",
    "fonctionne de nouveau", "funktioniert wieder", "funktionieren wieder", "a lo normal", "ao normal",
    "alla normalità", "à la normale"]
# Turkish and Vietnamese: what was seen ("şikayetler", "haberimiz oldu", "alarm", "phát
# hiện", "cảnh báo", "gọi kỹ sư trực"), what recovered ("normale dönüyor", "düzeldi", "không
# còn", "khôi phục"), the incident closed ("olay kapatılıyor", "đóng sự cố")
EVENT_WORDS["detected"] = EVENT_WORDS["detected"] + [
    "haberimiz oldu", "fark etti", "fark ettik", "fark edildi", "tespit edildi", "şikayet", "şikayetler", "şikayetlerinin",
    "alarmı", "uyarı", "phát hiện", "cảnh báo", "báo lỗi", "gọi kỹ sư trực", "khách hàng phản ánh", "khách hàng báo"]
EVENT_WORDS["mitigated"] = EVENT_WORDS["mitigated"] + [
    "normale dönüyor", "normale döndü", "düzeldi", "düzeliyor", "giderildi", "yeniden çalışıyor",
    "không còn", "khôi phục", "đã khôi phục", "hoạt động bình thường", "trở lại bình thường", "hoàn tác"]
EVENT_WORDS["resolved"] = EVENT_WORDS["resolved"] + [
    "olay kapatılıyor", "olay kapatıldı", "kapatıldı", "kapatılıyor", "đóng sự cố", "sự cố được đóng", "kết thúc sự cố"]
# Russian: complaints come in ("много жалоб"), traffic switched over ("витрина
# переключена"), the incident closed ("инцидент закрыт")
EVENT_WORDS["detected"] = EVENT_WORDS["detected"] + ["жалоб", "жалобы", "жалобами", "жалоба"]
# Spanish, Italian and German: an alarm, someone told ("Alarma del NOC ... y avisado el guardia"),
# the first they heard ("È la prima volta che sentiamo del problema"), a first report ("Erste Meldung")
EVENT_WORDS["detected"] = EVENT_WORDS["detected"] + ["alarma", "alarmas", "avisado", "avisada", "la prima volta che",
                                                     "erste meldung", "erste meldungen", "first chat"]
# Portuguese and Spanish: the on-call called out ("aciona o plantão de Pix", "activa la
# guardia"), the harm doubled ("as primeiras devoluções duplicadas"), no more of it ("não há
# mais duplicidades"), the work paused ("job pausado")
EVENT_WORDS["detected"] = EVENT_WORDS["detected"] + [
    "aciona o plantão", "acionou o plantão", "acionado o plantão", "aciona a equipe de plantão", "aciona o on-call",
    "activa la guardia", "activó la guardia", "avisa a la guardia", "avisó a la guardia"]
EVENT_WORDS["impact"] = EVENT_WORDS["impact"] + ["duplicadas", "duplicados", "em duplicidade", "por duplicado"]
EVENT_WORDS["mitigated"] = EVENT_WORDS["mitigated"] + ["não há mais", "nao ha mais", "no hay más", "ya no hay",
                                                       "pausado", "pausada", "pausados", "pausadas",
                                                       # "14h35 — Mitigação: flag skip_cpf_check ligada", as "Mitigation:"
                                                       "mitigação", "mitigacao", "mitigación", "mitigacion", "mitigazione"]
# Swedish and Norwegian: the danger gone ("Risken är borta"), working again ("fungerar igen")
EVENT_WORDS["mitigated"] = EVENT_WORDS["mitigated"] + ["risken är borta", "risikoen er borte", "fungerar igen",
                                                       "fungerer igjen", "virker igjen"]
EVENT_WORDS["mitigated"] = EVENT_WORDS["mitigated"] + [
    "переключена", "переключен", "переключено", "переключены", "переключили", "работает штатно", "в норме"]
EVENT_WORDS["resolved"] = EVENT_WORDS["resolved"] + ["инцидент закрыт", "закрыт инцидент", "инцидент закрыли"]
# the first word from outside ("Llega el primer WhatsApp de una clienta", "primeira reclamação")
EVENT_WORDS["detected"] = EVENT_WORDS["detected"] + [
    f"{first} {what}" for first in ("primer", "primera", "primeiro", "primeira", "primo", "prima", "premier", "première")
    for what in ("aviso", "avisos", "reporte", "reportes", "informe", "queja", "quejas", "mensaje", "correo", "whatsapp",
                 "llamada", "ticket", "reclamação", "reclamo", "mensagem", "chamado", "e-mail", "email",
                 "segnalazione", "reclamo", "signalement", "appel", "message", "plainte")]
# ... in German, Dutch and Polish: "rief der erste Kunde an", "eerste melding", "Pierwszy ticket"
EVENT_WORDS["detected"] = EVENT_WORDS["detected"] + [
    f"{first} {what}" for first in ("erste", "erster", "ersten", "eerste", "pierwszy", "pierwsza", "pierwsze")
    for what in ("kunde", "kundin", "anruf", "ticket", "meldung", "melding", "klant", "klacht", "zgłoszenie", "klient",
                 "telefon", "mail", "e-mail")]
EVENT_WORDS["resolved"] = EVENT_WORDS["resolved"] + ["geschlossen", "gesloten", "zamknięty", "zamknięte", "zamknięto"]
EVENT_WORDS["resolved"] = EVENT_WORDS["resolved"] + [
    "por cerrado", "por cerrada", "por encerrado", "por encerrada", "incidente fechado", "incident clôturé",
    # ("Factures corrigées renvoyées aux clients ; incident fermé")
    "incident fermé", "incident clôt", "incident terminé",
    "vorfall geschlossen", "störung geschlossen", "incident geschlossen"]
# Swedish, Norwegian, Danish and Indonesian: "Larm från ...", "kvitterar" (acknowledges), "Dubbeldebiteringen
# börjar här", "dampak mulai", "tingkat kegagalan kembali normal", "insiden ditutup"
EVENT_WORDS["detected"] = EVENT_WORDS["detected"] + [
    "larm", "larmet", "larmar", "larmade", "alarm", "alarmen", "kvitterar", "kvitterade", "rapporterar", "rapporterade",
    "upptäcker", "upptäckte", "oppdaget", "opdaget", "varsler", "varslet", "alert grafana", "alert aktif",
    "dipanggil", "terdeteksi", "dilaporkan", "melaporkan", "laporan pertama",
    # Polish: "zgłosił telefonicznie" (reported by phone), "wykryto", "powiadomiono"
    "zgłosił", "zgłosiła", "zgłosili", "wykryto", "wykrył", "wykryła", "powiadomiono"]
EVENT_WORDS["impact"] = EVENT_WORDS["impact"] + [
    "påverkan börjar", "påverkan började", "börjar här", "påvirkningen starter", "dampak mulai", "awal dampak",
    "mulai terdampak"]
EVENT_WORDS["mitigated"] = EVENT_WORDS["mitigated"] + [
    "påverkan åtgärdad", "påverkan upphör", "fungerar igen", "fungerer igjen", "virker igen", "normal igen",
    "normalt igen", "återställd", "återställt", "gjenopprettet", "genoprettet", "dampak berakhir", "kembali normal",
    "pulih", "dipulihkan", "przywrócono", "ponownie połączone", "ponownie działa", "działa ponownie"]
EVENT_WORDS["resolved"] = EVENT_WORDS["resolved"] + [
    "incidenten stängs", "incidenten stängd", "incidenten avslutas", "hendelsen lukket", "hændelsen lukket",
    "insiden ditutup", "insiden selesai", "incydent zamknięty", "zamknięto incydent", "awaria usunięta"]
EVENT_WORDS["resolved"] = EVENT_WORDS["resolved"] + [
    "risolto", "risolta", "viene chiuso", "incidente chiuso", "incident geschlossen", "störung behoben", "se cierra el incidente", "se cerró el incidente", "incidente cerrado",
    "clôture de l'incident", "incident clos", "incidente encerrado", "encerramento do incidente",
    "incident gesloten", "storing opgelost"]


# Words that read differently by what stands next to them (timeline._tag):
# "the hourly reports" is not a report to us; "errors stop" ends impact.
NOT_A_REPORT_AFTER = set("the a an these those this that hourly daily weekly monthly nightly quarterly annual yearly "
                         "duplicate all every some no our their its his her bug incident status "
                         "error crash usage morning evening shift end-of-day "
                         # ("1,482 renewal notices for leases ending 31 October": letters of a kind)
                         "renewal rent eviction termination legal reminder tax court default penalty demand "
                         "cancellation deprecation".split())
# "nodes reported Ready", "the check reports healthy": a system stating its state
# ("up to 40% failed logins", "complete loss of login", "online that ..." open a report of trouble)
REPORTED_STATES = set("ready healthy ok okay green success successful normal fine".split())
# ... or a status word only a system gives ("make kubelet report NotReady")
REPORTED_STATUS = REPORTED_STATES | set("notready unready unhealthy".split())
BAD_THINGS = set("errors error failures failure evictions eviction duplicates crashes timeouts "
                 "alerts alarms stale retries restarts 5xx 500s 502s 503s drops losses exceptions "
                 "exception panics rejections rejects declines lag backlog fault faults loops garbled".split())
STOPPING = set("stop stops stopped subside subsides subsided cease ceases ceased end ends ended".split())
# "pod becomes 1/1 Running", "Application health turns Healthy": a thing changing into a
# working state (a word or two of detail between) is its recovery
BECOMING = set("becomes became turns turned".split())
WORKING_STATES = REPORTED_STATES | set("running available operational online".split())


# What a field or a cell writes for "nothing here": no owner, no value, no item.
# ("nan": a spreadsheet's empty cell, as pandas writes it out)
NO_VALUE = frozenset({"", "-", "—", "–", "n/a", "na", "nan", "none", "tbd", "tba", "tbc", "?", "nobody", "unassigned", "unowned",
                      "none yet", "not filed", "not yet filed", "no ticket", "no ticket yet", "no bug", "no issue", "x", "要アサイン", "未定", "未割当", "未割り当て", "未指定", "待定", "未分配"})

# Action items.
# a parenthetical after a Japanese or Chinese status word: "完了（3件）", "未完了（#4121 で対応）"
_CJK_NOTE = r"[（(][^（）()]*[）)]"
# Status words in German, French, Spanish and Portuguese, read as a whole status cell or
# a status field's value ("| erledigt |", "Estado: completada", "verworfen (nicht erlaubt)"),
# a note after them in brackets or after a colon or dash
DONE_OTHER = (r"erledigt|abgeschlossen|umgesetzt|fertig|termin[ée]e?|fait|r[ée]alis[ée]e?|completad[oa]|terminad[oa]"
              r"|hech[oa]|realizad[oa]|conclu[íi]d[oa]|feit[oa]|completat[oa]|chius[oa]|fatt[oa]|zako[ńn]czone|완료"
              r"|afgerond|gereed|voltooid|klaar|gedaan|uitgevoerd"
              # Spanish, Portuguese, Italian closed: "Cerrada", "Resuelto", "Fechado", "Risolto"
              r"|cerrad[oa]|resuelt[oa]|finalizad[oa]|fechad[oa]|resolvid[oa]|risolt[oa]|cumplid[oa]"
              # Swedish, Norwegian, Danish; Indonesian and Malay: "Klar", "Ferdig", "Færdig", "Selesai"
              r"|klar|klart|avklarad|genomf[öo]rd|slutf[öo]rd|f[äa]rdig|ferdig|fullf[øo]rt|utf[øo]rt|afsluttet|selesai"
              # Polish: "Wykonane", "Zrealizowane", "Gotowe"
              r"|wykonan[eya]|zrealizowan[eya]|gotowe|выполнен[оа]?|сделано|готово|завершен[оа]?"
              # Turkish and Vietnamese: "Tamamlandı", "Yapıldı", "Hoàn thành", "Đã xong"
              r"|tamamland[ıi]|yap[ıi]ld[ıi]|bitti|ho[àa]n\s+th[àa]nh|đ[ãa]\s+(?:xong|ho[àa]n\s+th[àa]nh|l[àa]m)")
_OPEN_OTHER = (r"offen|in\s+arbeit|in\s+bearbeitung|geplant|en\s+cours|[àa]\s+faire|pr[ée]vue?|en\s+curso|pendiente"
               r"|abiert[oa]|abert[oa]|en\s+progreso|em\s+progresso|en\s+ejecuci[óo]n|em\s+execu[çc][ãa]o"
               r"|por\s+hacer|em\s+andamento|pendente|a\s+fazer|apert[oa]|in\s+corso|da\s+fare|otwarte|w\s+toku"
               r"|in\s+behandeling|in\s+uitvoering|gepland|n[ãa]o\s+iniciad[oa]|no\s+iniciad[oa]|non\s+commenc[ée]e?"
               r"|진행\s?중|미착수|예정"
               r"|p[åa]g[åa]r|p[åa]g[åa]ende|(?:ej|inte|ikke)\s+(?:p[åa]b[öo]rjad|startet|p[åa]begyndt)|planerad|planlagt"
               r"|dalam\s+(?:proses|pengerjaan)|sedang\s+(?:berjalan|dikerjakan)|belum\s+(?:mulai|dimulai|dikerjakan)"
               r"|direncanakan|zaplanowan[eya]|do\s+zrobienia|nierozpocz[ęe]t[eya]"
               r"|a[çc][ıi]k|devam\s+ediyor|planland[ıi]|ba[şs]lanmad[ıi]|в\s+работе|не\s+начат[оа]?|запланирован[оа]?|открыт[оа]?"
               r"|đang\s+(?:l[àa]m|th[ựu]c\s+hi[ệe]n|x[ửu]\s+l[ýy])|ch[ưu]a\s+(?:b[ắa]t\s+đ[ầa]u|l[àa]m|ho[àa]n\s+th[àa]nh)|mở|k[ếe]\s+ho[ạa]ch")
WONT_OTHER = (r"verworfen|abgelehnt|abandonn[ée]e?|annul[ée]e?|anulad[oa]|descartad[oa]|cancelad[oa]|annullat[oa]|scartat[oa]"
              r"|vervallen|afgewezen|geannuleerd|wordt\s+niet\s+uitgevoerd|n[ãa]o\s+faremos|n[ãa]o\s+ser[áa]\s+feit[oa]"
              r"|no\s+se\s+har[áa]|ne\s+sera\s+pas\s+fait|wird\s+nicht\s+umgesetzt|non\s+verr[àa]\s+fatt[oa]|보류|취소"
              r"|g[öo]rs\s+inte|avbruten|struken|utg[åa]r|gj[øo]res\s+ikke|droppet|avvist|afvist|udg[åa]r"
              r"|doen\s+we\s+niet|(?:gaan\s+we\s+)?niet\s+doen|machen\s+wir\s+nicht"
              r"|odrzucon[eya]|anulowan[eya]|porzucon[eya]|nie\s+b[ęe]dzie\s+realizowan[eya]"
              r"|tidak\s+(?:dikerjakan|dilakukan|dilanjutkan)|dibatalkan|batal|ditolak"
              r"|진행하지\s?않음|하지\s?않음|미진행|yap[ıi]lmayacak|iptal(?:\s+edildi)?|reddedildi|не\s+планируется|не\s+будет\s+(?:сделано|выполнено)|отменен[оа]?|отклонен[оа]?|kh[ôo]ng\s+(?:l[àa]m|th[ựu]c\s+hi[ệe]n)|h[ủu]y\s+b[ỏo]|đ[ãa]\s+h[ủu]y")
_CELL_NOTE = r"(?![\w-])[\s*_.]*(?:[(:—–-].*)?$"
# ... as the value of a status field in an item's text: "Estado: completada.", "statut : fait"
_STATUS_FIELD = (r"(?=[sSeEéÉzZdDtT상状ス])(?:status|state|estado|statut|[ée]tat|stato|situa[çc][ãa]o|zustand|상태|durum|tr[ạa]ng\s+th[áa]i|状态|状態|ステータス)"
                 r"\s*[:=：]\s*(?:\*\*|__)?")
# (the value whole: "Status: done for EU, pending for US" states no status)
# (or the day it happened after it: "Status: Completed March 11, 2025.")
_FIELD_END = r"(?:\*\*|__)?(?=\s*(?:[.;,)，。；）]|$)|\s+[(\[—–·|-]|\s+(?:on\s+)?(?:[A-Z][a-z]{2,8},?\s+)?(?:\d{1,4}[-/. ]|[A-Z][a-z]{2,8}\.?\s+\d))"
STATUS_FIELD_DONE = lazy_re.compile(_STATUS_FIELD + r"(?:done|complete[d]?|closed(?:\s+complete[d]?|\s+successful)?|shipped|fixed|已完成|已解决|已修复|完了|対応済み?|実施済み?|"
                                   + DONE_OTHER + r")"
                               + _FIELD_END, re.I)
STATUS_FIELD_WONT = lazy_re.compile(_STATUS_FIELD + r"(?:won['’]?t\s*do|declined|rejected|cancell?ed|dropped|not\s+proceeding|will\s+not\s+do"
                                   # ("Not doing (why)"; not "Not planned (yet) — waiting on the review")
                                   r"|(?:not\s+doing|not\s+planned)(?![^.;\n]{0,40}\b(?:yet|until|waiting|pending|needs|next)\b)|不做|不处理|不予处理|见送り|見送り|対応しない|"
                                   + WONT_OTHER
                               + r")" + _FIELD_END, re.I)
# (every phrase but the whole-cell ones opens with one of the guard's characters: the
# search passes over every other position at once, a third of its time)
DONE = lazy_re.compile(
    r"(?:^|(?=[\[~CDFIMRScd✅✔☑☒✓]))(?:"
    r"\[[xX✓✔]\]|~~|(?<![\w-])(?:DONE|Done|done|Completed|COMPLETED|completed|Complete|COMPLETE|Fixed|FIXED|"
    r"Closed|CLOSED|Resolved|RESOLVED|Shipped|Merged|Implemented)(?![\w-])|✅|✔|☑|☒|✓"
    # "Documented" only as a whole status cell: elsewhere it starts an item or names a group
    r"|^[\s*_]*Documented[\s*_.]*$"
    # Japanese and Chinese status words only as a whole cell ("**完了**"): in running text
    # they name other things ("migration 完了→...": once the migration completes)
    # (or a group's heading: "### 完了済み", "### 完了（3件）"; not "### 対応済み（暫定対応のみ。
    # 恒久対策は未着手）", done only in part)
    r"|^[\s*_]*(?:完了(?:済み?)?|対応済み?|実施済み?|已完成|已解决|已修复)[\s*_。.!！]*"
    r"(?:(?![（(][^（）()]*(?:未|暫定|一部|部分))" + _CJK_NOTE + r")?[\s*_。.]*$"
    r"|(?i:^[\s*_]*(?:" + DONE_OTHER + r")" + _CELL_NOTE + r"))", )
# (every phrase but the whole-cell ones opens with c, d, n, o, r or w, in either case: the
# lookahead lets the search pass over every other position at once, 40% of its time)
# ("🚫", a status column's sign for work not to be done, as its legend says: "🚫 won't do")
WONT_DO = lazy_re.compile(r"(?:^|(?=[acdnorw🚫]))(?:"
                     r"🚫|won[’']?t\s*(?:do|fix)|wontfix|wont[\s_-]?do|not\s+doing|will\s+not\s+(?:do|fix)|"
                     r"declined|rejected|cancell?ed|dropped|discarded|abandoned|descartad[oa]|obsolete|withdrawn|will\s+not\s+be\s+implemented|will\s+not\s+implement|not\s+planned(?![^.;\n]{0,40}\b(?:yet|until|waiting|pending|needs|next)\b)|not\s+proceeding|not\s+pursued(?!\s+yet)|not\s+adopted|not\s+accepted|decided\s+against|closed\s+(?:skipped|incomplete)|^[\s*_]*(?:見送り|対応しない|実施しない|やらない|不対応|不予处理|不做|不处理|不实施|不执行)[\s*_。.]*"
                     r"(?:" + _CJK_NOTE + r")?[\s*_。.]*$|^[\s*_]*(?:" + WONT_OTHER + r")" + _CELL_NOTE + r")",
                     re.I)
# (the same guard: every phrase but the whole-cell ones opens with one of its characters)
OPEN = lazy_re.compile(r"(?:^|(?=[\[BDINOPRSTWdioprt]))(?:"
                  r"\[\s\]|(?<![\w-])(?:TODO|To ?Do|todo|Open|OPEN|open|In Progress|In progress|IN PROGRESS|in progress|"
                  r"WIP|Pending|PENDING|pending|Planned|planned|Not started|Started|Ongoing|ongoing|Blocked|"
                  # ("Deferred to Q2", "On hold": put off, still to be done)
                  r"In review|Backlog|Deferred|deferred|On hold|On Hold|ON HOLD|Reopened|reopened|Re-opened|re-opened"
                  # ("In design", "In development": a stage of the work under way)
                  r"|In (?:design|development|testing|analysis|implementation))(?![\w-])"
                  r"|^[\s*_]*(?:未着手|未対応|対応中|進行中|検討中|未完了|进行中|未开始|未执行|在途|计划中|待[\u4e00-\u9fff]{1,4})[\s*_。.]*"
                  r"(?:" + _CJK_NOTE + r")?[\s*_。.]*$"   # "### 未完了（#4121 で対応）"
                  r"|(?i:^[\s*_]*(?:" + _OPEN_OTHER + r")" + _CELL_NOTE + r"))")
ACTION_KINDS = {
    "prevent": lazy_re.compile(r"\bprevent(?:ion|ive|ative)?\b|\brepair\b|\bfix\b|\broot cause\b", re.I),
    "detect": lazy_re.compile(r"\bdetect(?:ion)?\b|\bmonitor(?:ing)?\b|\balert(?:ing)?\b", re.I),
    "mitigate": lazy_re.compile(r"\bmitigat(?:e|ion)\b|\brespon(?:se|d)\b|\brecover(?:y)?\b", re.I),
    "process": lazy_re.compile(r"\bprocess\b|\btraining\b|\bdocumentation\b|\bcommunication\b|\bpolicy\b", re.I),
    "other": lazy_re.compile(r"\bother\b|\bmisc(?:ellaneous)?\b", re.I),
}


# what the harm itself is called, in a window's or an entry's own words: what customers
# could not do, what failed or was down, a server error's code ("503s return"); not work
# done after it ("support worked through the backlog")
HARM_WORDS = lazy_re.compile(r"\b(?:5\d\d(?=s?\b)|could\s+not|couldn['’]t|cannot|can['’]t|unable|unavailable|down|outage|fail(?:ed|ing|ures?)?"
                              r"|errors?|locked\s+out|logged\s+out|rejected|degraded|broken|timed?\s+out|timeouts?)\b", re.I)


# a value a template left for the writer and nobody filled in: a template engine's variable
# ("{{ incident.severity | upper }}", "{% if ... %}"), a placeholder in angle brackets
# ("<date>", "<Incident title>"), a date's pattern ("YYYY-MM-DD")
# (not a value in square brackets: "**Severity:** [High]" is how some templates have it filled in)
_PLACEHOLDER = lazy_re.compile(r"\s*(?:\{\{[^{}\n]{1,120}\}\}|\{%[^%\n]{1,120}%\}|<[A-Za-z][\w .-]{3,40}>"
                               r"|YYYY-MM-DD(?:[ T]HH:MM(?::SS)?)?|DD/MM/YYYY|MM/DD/YYYY)\s*$")


def is_placeholder(value: str) -> bool:
    """Whether ``value`` is only a template's placeholder (_PLACEHOLDER): no value at all."""
    return bool(value) and ("{" in value or "<" in value or "YY" in value or "/YY" in value) \
        and _PLACEHOLDER.match(value) is not None
