"""Blameful language in postmortems: a rule-based, explainable detector.

The rule: a sentence is BLAMEFUL when it makes a person the cause of the incident (or of
its getting worse) through fault wording. The person is a name, an @handle, a role ("the
on-call", "an engineer", "the new hire", "ops", "someone", "other people") or "we" / "I"
framed as a failing; the fault is carried by wording such as forgot, ignored, by mistake,
accidentally, failed to, did not check, should have (known), careless, human error,
pushed untested, deployed without testing.

A sentence is NOT blameful when

- it is a quotation: a line starting with ``>`` (never yielded by ``sentences``), or the
  fault wording sits inside quotation marks (reported speech) or inline code;
- the fault wording has no person as its agent: "the cert was accidentally deleted",
  "this should have been caught in review", "the script failed to remove the secret";
- it rejects blame ("it is incorrect to focus on the individual", "not human error");
- it frames the system as the cause ("the tooling allowed an engineer to ...",
  "nothing stopped ...");
- it is hypothetical or forward-looking ("if someone forgets ...", "to avoid
  accidentally ..."), a question, or a standing practice ("we never tested restores");
- a person acts without fault wording ("Alex merged the PR").

How it decides, cheaply: one compiled regex of fault-word stems (``_GATE``, run on the
lowercased text) rejects the document, paragraph or sentence that has none with a single
scan; most sentences stop there. A sentence that passes is matched against ``_FAULT``,
whose named groups are the rule families. For each fault phrase found, its family looks
for the agent by sentence structure: the subject directly left of the fault verb or
adverb (skipping adverbs like "also", "clearly", "had"), or, when the fault verb
continues a compound predicate ("... but did not respond"), the subject at the start of
the clause. Passive voice ("was / got / being ... -ed") means no agent unless a person
follows "by". Verbs that software does as often as people ("failed to", "did not
update", "ignored", "missed") take a pronoun, role or @handle, not a bare capitalised
name, which may be a product. Noun phrases that name people by themselves ("human
error", "our mistake", "rookie move") need no agent, only the absence of negation or
hedging. The first fault phrase that passes names the rule.

Every hit carries the systemic question to ask instead and a rewrite of the sentence's
framing that ends in something to build. Standard library only; pure functions of text.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from loaders import lazy_re
from loaders.postmortem.markdown import _ATX, _HR, _SETEXT


@dataclass(frozen=True)
class Hit:
    line: int        # 1-based line in the text where the sentence starts
    sentence: str    # the sentence as written (hard-wrapped lines joined by one space)
    rule: str        # short rule id that fired
    question: str    # the systemic question to ask instead
    rewrite: str     # a blameless rewrite of this sentence's framing, ending in something to build


# (rule id, short description, question to ask instead)
RULES: tuple = (
    ("human-error", "names people as the cause: 'human error', 'our mistake', 'rookie move', 'a big miss'",
     "Which conditions, tools or defaults made this error possible, and which guard-rail would catch it next time?"),
    ("careless", "judges a person's care: careless, sloppy, negligent, reckless, 'should have been more careful'",
     "What made the risky path as easy as the safe one?"),
    ("ignored", "a person went against a known warning: ignored, disregarded, didn't follow, 'despite being told'",
     "Why did going ahead look reasonable despite the warning, and what would turn the warning into a check?"),
    ("should-have", "hindsight about a person: 'we should have known / done', 'ought to have'",
     "What was known at the time, and what would have made the better choice the obvious one?"),
    ("forgot", "a person forgot, missed, skipped, overlooked or neglected a step",
     "What made skipping that step the easy thing to do, and what could remember it instead of a person?"),
    ("untested", "a person shipped a change untested: 'deployed without testing', 'did not test', 'pushed untested'",
     "What made shipping without that check possible, and what would make the check automatic?"),
    ("failed-to", "a person 'failed to' do something",
     "What got in the way of doing it: was the step known, visible and possible at the time?"),
    ("did-not", "a person did not do a diligence step (check, update, respond, communicate, escalate, ...)",
     "What would have prompted that step at the time, and why wasn't it there?"),
    ("accidental", "a person acted accidentally, by mistake, mistakenly, unintentionally, inadvertently",
     "What made the wrong action look like the right one at that moment, and what would have caught it before it took effect?"),
    ("wrong-target", "a person acted on 'the wrong' / 'the incorrect' server, branch, database ...",
     "What made the wrong target indistinguishable from the right one at that moment?"),
)
_QUESTION = {rid: q for rid, _, q in RULES}


# --------------------------------------------------------------------------- sentences

# (headings and rules read as the parser reads them; a fence may sit at any indent here,
# inside a list item too)
_FENCE = lazy_re.compile(r"^\s*(`{3,}|~{3,})")
_ITEM = lazy_re.compile(r"^(\s*)(?:[-*+•]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?")
# (matched on stripped lines: two "\s*" in a row on a deeply indented line backtrack
# quadratically)
_TABLE_SEP = lazy_re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
# lines that are markup, not prose: HTML tags or comments, link reference definitions,
# images, template shortcodes, admonition openers
_MARKUP = lazy_re.compile(r"^(?:</?[A-Za-z][\w-]*(?:[\s>/]|$)|<!--|\[[^\]]{1,200}\]:\s|!\[|\{[{%]|:::|!!!)")

_ABBREV = frozenset("""
e.g i.e etc.al vs cf approx ca mr mrs ms dr prof st sr jr inc ltd co corp no nos fig figs vol
eq ref refs sec ch pp jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
est min max dept univ resp incl esp viz al
""".split())
# a sentence end: . ! ? or an ellipsis, closing quotes/brackets/emphasis, whitespace, then
# something that can open a sentence
_END = lazy_re.compile(r"[.!?…]+[\"'”’)\]*_]*\s+(?=[A-Z0-9@`\"“‘'(\[*_<#~])")
_INITIALS = lazy_re.compile(r"^\(?(?:[A-Za-z]\.){2,}$|^\(?[A-Z]\.$")


def _front_matter_end(lines: list[str]) -> int:
    """Index of the first body line after YAML (---) or TOML (+++) front matter, else 0."""
    if not lines:
        return 0
    first = lines[0].lstrip("\ufeff").rstrip()
    if first not in ("---", "+++"):
        return 0
    closers = ("---", "...") if first == "---" else ("+++",)
    for i in range(1, len(lines)):
        if lines[i].rstrip() in closers:
            return i + 1
    return 0   # unterminated: not front matter


def _paragraphs(text: str) -> Iterator[tuple[str, list[int], list[int]]]:
    """Prose paragraphs (and list items) as (joined text, segment offsets, line numbers)."""
    lines = text.splitlines()
    n = len(lines)
    i = _front_matter_end(lines)
    buf: list[tuple[int, str]] = []
    fence: str | None = None
    in_comment = False
    in_code = False          # indented code block
    in_list = False          # the last paragraph was a list item: indented lines continue it
    in_table = False
    prev_blank = True

    def flush():
        if buf:
            offs, nums, parts, pos = [], [], [], 0
            for num, part in buf:
                offs.append(pos)
                nums.append(num)
                parts.append(part)
                pos += len(part) + 1
            joined = " ".join(parts)
            buf.clear()
            return joined, offs, nums
        return None

    while i < n:
        raw = lines[i]
        num = i + 1
        i += 1
        if fence is not None:
            s = raw.lstrip()
            if s.startswith(fence) and not s[len(fence):].strip(fence[0]).strip():
                fence = None
            continue
        if in_comment:
            if "-->" in raw:
                in_comment = False
            continue
        stripped = raw.strip()
        if not stripped:
            p = flush()
            if p:
                yield p
            prev_blank = True
            in_table = False
            continue
        indent = len(raw[:len(raw) - len(raw.lstrip(" \t"))].expandtabs(4)) if raw[:1] in " \t" else 0
        if in_code:
            if indent >= 4:
                continue
            in_code = False
        # (each pattern below matches only a line whose first character, after its
        # indent, is one it names: those tell most lines of prose from markup at a glance)
        c = stripped[0]
        m = _FENCE.match(raw) if c in "`~" else None
        if m:
            p = flush()
            if p:
                yield p
            fence = m.group(1)
            prev_blank = False
            continue
        if indent >= 4 and prev_blank and not in_list:
            p = flush()
            if p:
                yield p
            in_code = True
            continue
        prev_blank = False
        if stripped.startswith("<!--"):
            p = flush()
            if p:
                yield p
            if "-->" not in stripped:
                in_comment = True
            continue
        if c == ">" or c == "#" and _ATX.match(raw) or c in "<[!{:" and _MARKUP.match(stripped):
            p = flush()
            if p:
                yield p
            in_list = False
            continue
        if c in "=-" and _SETEXT.match(raw):
            if buf and stripped[0] in "=-" and not in_list:
                buf.clear()          # the paragraph above was a setext heading
            else:
                p = flush()
                if p:
                    yield p
            continue
        if c in "-*_" and _HR.match(raw):
            p = flush()
            if p:
                yield p
            continue
        if c == "|" or c in ":-" and _TABLE_SEP.match(stripped) or (in_table and "|" in stripped):
            p = flush()
            if p:
                yield p
            in_table = True
            continue
        if "|" in stripped and i < n and _TABLE_SEP.match(lines[i].strip()) and "|" in lines[i]:
            p = flush()
            if p:
                yield p
            in_table = True
            continue
        m = _ITEM.match(raw) if c in "-*+•" or c.isdigit() else None
        if m:
            p = flush()
            if p:
                yield p
            in_list = True
            buf.append((num, raw[m.end():].strip()))
            continue
        if indent == 0 and in_list and not buf:
            in_list = False
        buf.append((num, stripped.rstrip("\\").rstrip()))
    p = flush()
    if p:
        yield p


def _split(joined: str) -> Iterator[tuple[int, str]]:
    """(offset, sentence) pieces of one paragraph."""
    start = 0
    for m in _END.finditer(joined):
        if joined[m.start()] == ".":
            t = joined[max(start, m.start() - 39):m.start() + 1].split()
            if t:
                tok = t[-1].lstrip("(*_\"'“[")
                word = tok.rstrip(".").lower()
                if word in _ABBREV or _INITIALS.match(tok):
                    continue
        piece = joined[start:m.end()]
        if piece.strip():
            yield start + len(piece) - len(piece.lstrip()), piece.strip()
        start = m.end()
    piece = joined[start:]
    if piece.strip():
        yield start + len(piece) - len(piece.lstrip()), piece.strip()


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """Prose sentences with their 1-based start line: skips YAML/TOML front matter, fenced
    and indented code, block quotes, tables, headings, HTML comments/tags lines; joins
    hard-wrapped lines; splits on sentence ends (not after abbreviations such as e.g.,
    i.e., initials, nor inside times 09:40 or versions 1.2.3)."""
    for joined, offs, nums in _paragraphs(text):
        for off, sent in _split(joined):
            yield nums[bisect.bisect_right(offs, off) - 1], sent


# --------------------------------------------------------------------------- blameful

# Who can be blamed. Pronouns and roles are matched case-insensitively; a name is a
# capitalised word that is not a known non-person word (checked in code).
_PRON = r"we|i|he|she|someone|somebody|nobody|no\s+one|anyone|anybody|everyone|everybody|people|folks"
_ROLE = (r"(?:engineer|developer|sysadmin|administrator|admin|maintainer|contributor|"
         r"committer|reviewer|author|on-?call(?:er)?|sre|dba|ops|intern|hire|employee|staffer|staff|"
         r"contractor|(?:team|staff|crew)\s+member|person|human|colleague|teammate|responder|deployer|team|volunteer|"
         r"(?:release|incident|engineering|product)\s+manager|incident\s+commander)s?")
_FILL = (r"also|then|just|clearly|simply|completely|apparently|probably|unfortunately|obviously|again|"
         r"already|later|subsequently|initially|originally|still|even|both|all|accidentally|mistakenly|"
         r"inadvertently|unintentionally|had|has|have|did|quickly|immediately|previously|somehow|totally|"
         r"ultimately|actually|basically|once|really|themselves|himself|herself|ourselves|myself|who|that|"
         r"else|too|certainly|definitely|likely|entirely|sadly|regrettably|honestly|mostly|partly|never|"
         r"ever|only|each|collectively|ourselves|jointly|wrongly|incorrectly|improperly|erroneously")
_AGENT_END = lazy_re.compile(
    r"(?:(?:(?<![\w@])@[\w.-]+|(?<![\w'’-])(?i:" + _PRON + r"|" + _ROLE + r"))(?:\s*\([^()]{0,40}\))?(?:\s*,)?"
    r"|(?<![\w'’-])(?P<name>[A-Z][\w-]*(?<!ly))(?:\s*\([^()]{0,40}\))?)"
    r"(?:\s+(?i:" + _FILL + r")(?:\s*,)?)*\s*$")
_ACTS = r"(?=\s+(?:\w+ly\s+)?(?:[a-z]+(?:s|ed)|did|ran|had|made|took|put|set|sent|went|saw|told|then|who|whose|that|also|was|were)\b)"
_AGENT_ANY = lazy_re.compile(
    r"(?<![\w'’-])(?P<pron>(?i:" + _PRON + r"|our|my))(?![\w'’-])"
    r"|(?:(?<![\w@])@[\w.-]+|(?<![\w'’-])(?i:" + _ROLE + r")(?![\w'’-])" + _ACTS + r")"
    r"|(?<![\w'’-])(?P<name>[A-Z][\w-]*[a-z0-9][\w-]*)" + _ACTS)
# a compound predicate: "X saw it but did not respond"
_CONJ_END = lazy_re.compile(r"(?:\b(?:but|and|yet|then|nor|or|so)|,)(?:\s+(?i:" + _FILL + r"))*\s*$", re.IGNORECASE)
_PASSIVE_END = lazy_re.compile(r"\b(?:was|were|is|are|be|been|being|got|gets|get|getting)\s+(?:not\s+)?$", re.IGNORECASE)
_PASSIVE_IN = lazy_re.compile(
    r"\b(?:was|were|is|are|been|being|got|gets|get)\s+(?:\w+ly\s+)?(?:[a-z]+(?:ed|en|wn)|run|put|set|made|sent|left|lost|cut|hit|shut|done|built|brought)\b",
    re.IGNORECASE)
_BY_AGENT = lazy_re.compile(
    r"\bby\s+(?:(?i:me|us|him|her|myself|ourselves|yours\s+truly)\b|@[\w.-]+"
    r"|(?i:(?:the|an?|our|one\s+of\s+(?:the|our))\s+(?:[\w-]+\s+)?" + _ROLE + r")\b"
    r"|(?P<name>[A-Z][\w-]*[a-z0-9][\w-]*)(?!\s*[A-Z(]))")
_MODAL = lazy_re.compile(
    r"\b(?:if|unless|whenever|could|might|may|can|cannot|can't|would|will|won't|shall|prevents?|"
    r"prevented|avoids?|avoiding|lest|whether|risk|chance|easy|easier|possible|ensure|ensures|sure)\b"
    r"|\bto\s+(?:prevent|avoid|stop)|\bso\s+that|\bin\s+case", re.IGNORECASE)
_NEGATED = lazy_re.compile(r"\b(?:not|no|wasn't|isn't|weren't|aren't|never|rather\s+than|instead\s+of|without)\s+(?:\S+\s+){0,3}$", re.IGNORECASE)
# (every phrase opens a word with b, f, n, p, r, s or w, in either case: the lookahead lets
# the search pass over every other position at once, about half its time)
_REJECTS = lazy_re.compile(
    r"\b(?=[bfnprsw])(?:"
    r"\bblameless|\bblame-?free|\bwithout\s+blam|\brather\s+than\s+blam|\bnot\s+(?:to|about)\s+(?:blame|blaming|point)"
    r"|\bfocus(?:ing)?\s+on\s+(?:the\s+)?individual|\bno\s*(?:one|body)\s+(?:is\s+|was\s+)?(?:to\s+blame|at\s+fault)"
    r"|\bnot\s+(?:the\s+)?(?:fault|failing)\s+of|\bnot\s+(?:an?\s+)?(?:individual|person(?:al)?|people)\s+(?:problem|failure|issue)"
    r"|\bnot\s+(?:simply|just|merely|only)\s+(?:a\s+)?(?:human|operator)\s+error|\bsingle\s+(?:out|anyone)|\bpoint\s+fingers"
    r"|\bnot\s+(?:about|on)\s+(?:the\s+)?(?:individual|person|people|who))", re.IGNORECASE)
_SYSTEM = lazy_re.compile(
    r"\b(?:allow(?:ed|s)?|permit(?:ted|s)?|enabl(?:ed|es)|made\s+it\s+(?:easy|easier|possible|likely|too\s+easy))(?:\s+[\w@'’-]+){0,5}?\s+to\b"
    r"|\blets?\s+(?:us|him|her|them|me|anyone|anybody|someone|somebody|people|everyone|(?:an?|the|any)\s+\w+)\b"
    r"|\b(?:nothing\s+(?:stopped|prevented|warned|prompted|reminded|told|forced|checked|flagged)"
    r"|there\s+(?:was|were|is|are)\s+no\s+(?:check|guard|safeguard|guard-?rail|warning|prompt|confirmation|validation|test|alert|reminder|review))\b",
    re.IGNORECASE)
_NONPERSON = frozenset("""
this that it its there these those which what who whom whose the a an then after before when while since because
however but and so also finally unfortunately first once now here yes no not our my your their his her they you
script system service server job process tool bot pipeline deploy deployment config configuration code change commit
update release build test cluster node kubernetes k8s terraform puppet ansible salt helm docker github gitlab jenkins
ci travis circleci aws gcp azure google amazon cloudflare linux postgres postgresql mysql redis nginx apache npm pip
dependabot renovate cron systemd alert alertmanager pagerduty slack monitoring automation on in at by for to of
during overall additionally later earlier today yesterday monday tuesday wednesday thursday friday saturday sunday
""".split())

# The fault wording, one named group per rule family (see _RULE_OF). Each phrase found is
# then checked for its agent by _fires.
_DIDNOT = r"(?:did\s*n[o'’]t|did\s+not|does\s*n[o'’]t|does\s+not|had\s*n[o'’]t|had\s+not)\s+(?:\w+ly\s+)?(?:even\s+)?"
_DILIGENT = (r"(?:check|verify|verified|validate|review|read|update|upgrade|respond|investigate|flag|escalate|notify|notified|"
             r"communicate|inform|tell|told|warn|ask|block|confirm|double[- ]check|monitor|notice|wait|coordinate|"
             r"back\s+up|consider|think\s+to|thought\s+to|realise|realize|catch|caught|patch|rotate|renew|document|"
             r"announce|enable|pay|paid|bother|act|react|page|report|raise|alert|apply|run|ran|revert|roll\s+back|"
             r"rollback|look|call|reply|replied|address|acknowledge|answer|hand\s+over|handover|pin|lock|restrict|"
             r"secure|protect|remove|delete|disable|clean\s+up|ensure|make\s+sure|plan|prepare|reach\s+out|"
             r"follow\s+up|take)(?:ed|d|s)?\b")
_FAULT = lazy_re.compile(
    r"(?P<human>\b(?:human|operator|user|manual)\s+(?:error|mistake|slip)s?\b(?!\s*[:?]?\s*(?:no|none|n/?a)\b)|\bpebkac\b|\brookie\s+(?:move|mistake|error)"
    r"|\b(?:bad|poor)\s+judge?ment|\bmy\s+bad\b|\bmea\s+culpa|\bdropped\s+the\s+ball|\b(?:messed|screwed|fucked)\s+up"
    r"|\bon\s+(?:our|my)\s+part\b|\b(?:we|i)\s+(?:\w+\s+)?made\s+(?:a|an|the|some|several|two|multiple|many)?\s*(?:\w+\s+)?(?:mistake|error|blunder)s?\b"
    r"|\b(?:our|my|his|her)\s+(?:own\s+)?(?:[\w-]+\s+(?:or\s+)?){0,2}?(?:mistake|error|fault|oversight|blunder|misstep|screw-?up)s?\b"
    r"(?!\s+(?:budget|rate|message|code|handling|log|page|count|tolerance|domain|injection|ratio|path|case|report|tracking|state|response|bar|class|type)))"
    r"|(?P<sigmiss>\b(?:significant|big|major|serious|huge|clear|obvious|costly|stupid|silly|dumb|simple|honest)\s+(?:miss|mistake|blunder|oversight|slip|lapse)\b)"
    r"|(?P<careless>\bcareless(?:ly|ness)?\b|\bsloppy\b|\bsloppily\b|\bnegligen(?:t|ce|tly)\b|\breckless(?:ly|ness)?\b|\bincompeten(?:t|ce)\b"
    r"|\birresponsib(?:le|ly|ility)\b|\bfat[- ]?finger(?:ed|ing)?\b|\bcowboy\b|\b(?:more|not\s+(?:\w+\s+)?)careful\b)"
    r"|(?P<warned>\bdespite\s+(?:being|having\s+been)\s+(?:told|warned|asked|advised)"
    r"|\b(?:even\s+though|although|despite\s+the\s+fact\s+that)\s+(?:we|i|he|she|they|everyone|the\s+\w+)\s+(?:were|was|had\s+been|had|already)?\s*(?:already\s+|fully\s+|well\s+)?(?:aware|warned|told|knew)\b"
    r"|\b(?:told|warned|asked|reminded|advised)\s+(?:him|her|them|us|me)\s+(?:\w+\s+){0,2}?(?:not\s+to|to\s+not|never\s+to|to\s+never)\b"
    r"|\bagainst\s+(?:the\s+|our\s+|my\s+)?(?:advice|guidance|recommendation)s?)"
    r"|(?P<ignored>\bignor(?:ed|es|ing)\b|\bdisregard(?:ed|s|ing)?\b|\bbypass(?:ed|es)\b|\boverr(?:ode|idden)\b"
    r"|\b(?:did\s*n[o'’]t|did\s+not)\s+(?:\w+ly\s+)?(?:follow|heed|listen|obey))"
    r"|(?P<should>\bshould(?:\s*n[o'’]t|\s+not)?\s*(?:,\s*)?(?:\w+ly\s+)?(?:not\s+)?(?:have|'ve|’ve)\s*,?\s+(?:\w+ly\s+)?"
    r"(?:been|known|[a-z]+(?:ed|en|wn|ne|un)|done|run|caught|made|seen|gone|told|sent|left|set|put|brought|thought|taken|got|gotten|hit|kept|held|read|said|stopped)\b"
    r"|\bought\s+(?:not\s+)?to\s+have\b|\bshould\s+(?:have\s+)?known\b)"
    r"|(?P<forgot>(?<![\w-])forg[eo]t(?:ten|s)?(?![\w-])|\bneglect(?:ed|s)?\s+to\b|\boverlook(?:ed|s)?\b|\b(?:missed|omitted|skipped)\b(?!\s+(?:nothing|none|no)\b)"
    r"|\b(?:did\s*n[o'’]t|did\s+not)\s+remember\b)"
    r"|(?P<untested>\bwithout\s+(?:first\s+|properly\s+|even\s+|ever\s+|actually\s+|fully\s+|any\s+|adequate(?:ly)?\s+|sufficient(?:ly)?\s+|proper\s+|further\s+)?"
    r"(?:testing|tests?|checking|verifying|verification|validating|validation|reviewing|review|running|asking|telling|consulting|"
    r"coordinating|double[- ]checking|confirming|reading|looking|a\s+review|a\s+test|qa|approval|waiting)\b"
    r"|\bnor\s+did\s+(?:we|i|he|she|they)\s+(?:\w+ly\s+)?test\b"
    r"|\buntested\b|\b" + _DIDNOT + r"test(?:ed)?\b|\binsufficient(?:ly)?\s+test(?:ing|ed)\b|\bnot\s+(?:properly\s+|adequately\s+|sufficiently\s+|fully\s+)?tested\b)"
    r"|(?P<failed>\bfail(?:ed|s|ing)?\s+to\b)"
    r"|(?P<didnot>\b(?:did\s*n[o'’]t|did\s+not)\s+have\b[^.;]{0,60}?\b(?:enabled|turned\s+on|switched\s+on)\b"
    r"|\b" + _DIDNOT + r"(?:bother\s+to\s+)?" + _DILIGENT
    + r"|(?P<nobody>\b(?:nobody|no\s*one)\s+(?:else\s+)?(?:\w+ly\s+)?" + _DILIGENT + r")"
    + r"|(?P<nordid>\bnor\s+did\s+(?:we|i|he|she)\s+(?:\w+ly\s+)?" + _DILIGENT + r"))"
    r"|(?P<accidental>\baccident(?:al)?ly\b|\baccidently\b|\bmistakenly\b|\bunintentional(?:ly)?\b|\binadvertent(?:ly)?\b"
    r"|\berroneously\b|\bby\s+(?:mistake|accident)\b|\bin\s+error\b|\bwrongly\b|\bincorrectly\b|\bimproperly\b)"
    r"|(?P<wrong>\b(?:the|a|an)\s+(?:wrong|incorrect)\s+(?!(?:assumption|way|impression|conclusion|direction|idea|answer|time|reason|hand)s?\b)(?=\w))",
    re.IGNORECASE)
# the same pattern for lowercased text (every literal in it is lowercase): several times faster.
# Every alternative of _FAULT opens with \b and one of the letters a-f, h, i, m-p, r-u, w
# ("accident", "bypass", ... "without"): the lookahead says so up front, so the scan skips
# every other position at once instead of trying each alternative there (three times
# faster; a phrase added with another first letter must add it here too)
_FAULT_LC = lazy_re.compile(r"\b(?=[a-fhim-pr-uw])(?:" + _FAULT.pattern + ")")

# The cheap gate, run on lowercased text: every phrase _FAULT can match contains one of
# these stems (a test checks it over the labelled set): a common word ("not", "fail",
# "never") only with the words _FAULT needs beside it. Grouped by first letter, so the
# scan tries one branch per position; most sentences are rejected by this one scan and
# only the few that pass meet _FAULT and the agent checks.
_GATE = lazy_re.compile(
    r"\b(?:a(?:ccident|lthough|gainst\s+(?:the\s+|our\s+|my\s+)?(?:advice|guidance|recommendation))|b(?:ypass|lunder)|"
    r"c(?:areless|areful|owboy|ulpa)|d(?:isregard|espite|id\s*n[o'’]t|oes\s*n[o'’]t)|e(?:rror|rroneous)|"
    r"f(?:org[eo]t|ail(?:ed|s|ing)?\s+to\b|ault|inger|ucked)|h(?:uman|ad\s*n[o'’]t)|"
    r"i(?:gnor|nadvert|ncorrect|mproper|nsufficient|ncompeten|rrespons)|j(?:udg)|l(?:apse)|"
    r"m(?:iss(?:ed\b|tep|\b)|istak|y\s+bad|essed)|"
    r"n(?:eglect|ever\s+to|obody|o\s*one|eglig|ot\s+to|ot\s+(?:properly\s+|adequately\s+|sufficiently\s+|fully\s+)?tested|or\s+did)|"
    r"o(?:verlook|mitted|verr[oi]d|versight|ught|n\s+(?:our|my)\s+part\b)|pebkac|r(?:ookie|eckless)|"
    r"s(?:kipped|lopp|crew|hould|lip)|t(?:hough|he\s+ball|o\s+n(?:ot|ever))|u(?:nintention|ntested)|w(?:rong|ithout)"
    r"|fatfing)")
# those common words alone: with the gate, what makes a rewrite's step carry fault wording
_FAULT_ALONE = lazy_re.compile(r"n[o'’]t\b|'t\b|’t\b|fail|miss|never|against|part\b")

_RULE_OF = {"human": "human-error", "sigmiss": "human-error", "careless": "careless", "warned": "ignored",
            "ignored": "ignored", "should": "should-have", "forgot": "forgot", "untested": "untested",
            "failed": "failed-to", "didnot": "did-not", "accidental": "accidental", "wrong": "wrong-target"}

_CODE = lazy_re.compile(r"`+[^`]*`+")
_DQUOTE = lazy_re.compile(r"\"[^\"]{0,400}\"|“[^”]{0,400}”|‘[^’]{0,400}’|(?<![\w])'[^'\n]{1,200}?'(?![\w])")
_LINK = lazy_re.compile(r"\]\([^()\s]{0,2000}\)")
_URL = lazy_re.compile(r"https?://\S+")
_CLAUSE_BREAK = lazy_re.compile(r"[;:(\[]|\s[-–—]\s|—")
_VERBISH = lazy_re.compile(r"^\s*(?:[a-z]+(?:ed|s|ing)|ran|did|put|set|hit|sent|took|made|wrote|chose|picked|used|dropped|"
                      r"cut|left|lost|broke|shut|ran|went|gave|wiped|rm|destroyed|pushed|merged)\b", re.IGNORECASE)
_WRONG_VERB = lazy_re.compile(r"\b(?!(?:this|is|was|has|its|his|as|us|yes|thus|plus|always|perhaps|does|hers|ours|theirs)\b)(?:[a-z]+(?:ed|s)|ran|did|put|set|hit|sent|took|made|wrote|chose|picked|used|cut|left|run|typed)\b")
# "failed to connect / start / parse": what software does; users failing to log in is impact
_MECHANICAL = lazy_re.compile(
    r"\s+(?:\w+ly\s+)?(?:connect|reconnect|load|parse|acquire|allocate|serialize|deserialize|decode|encode|mount|boot|"
    r"start|launch|resolve|authenticate|log\s*in|login|sign\s*in|access|download|upload|install|fetch|pull|sync|"
    r"receive|compile|build|bind|spawn|elect|reach\s+quorum|propagate|replicate|converge|schedule|render|"
    r"open|read\s+from|write\s+to|complete|finish|execute|apply\s+cleanly|come\s+up|recover|"
    r"reproduce|find|identify|locate|determine|pinpoint|diagnose|explain|get|obtain|restore)\b", re.IGNORECASE)
# acts only a person does: a capitalised subject of these is a name, not a product
_HUMAN_ACT = lazy_re.compile(
    r"\s*(?:\w+ly\s+)?(?:follow\s+up|communicate|notify|notified|inform|tell|told|ask|escalate|coordinate|consider|"
    r"take\s+into|realise|realize|review|double[- ]check|warn|announce|document|hand\s+over|reach\s+out|"
    r"pay\s+attention|mention|acknowledge)", re.IGNORECASE)
_LUCKY = lazy_re.compile(r"\s*(?:\w+ly\s+)?\b(?:found|discover\w*|notic\w*|fix\w*|resolv\w*|worked\s+around|solv\w*|"
                    r"stumbl\w*|learn\w*|mitigat\w*|spott\w*|uncover\w*|caught|recover\w*)\b", re.IGNORECASE)
_PARTICIPLE = lazy_re.compile(r"\s+(?:\w+ly\s+)?(?:[a-z]+(?:ed|en|wn)|run|ran|set|put|caught|made|told|sent|kept|held|"
                         r"brought|taught|shown|hit|let|paid|read|built|found|given|done)\b", re.IGNORECASE)
_SINGULAR = lazy_re.compile(r"@|(?i:he|she)\b")
_CONSEQUENCE = lazy_re.compile(r"\b(?:so|therefore|thus|hence|meaning|which\s+meant|and\s+so)\s+$", re.IGNORECASE)
_RESPONSE_REASON = lazy_re.compile(r"\b(?:because|since|as)\s+(?:we|I|they|he|she)\s+(?:\w+\s+)?(?:thought|believed|expected|assumed|decided|judged|chose|considered)\b"
                              r"|\b(?:because|since|as)\s+(?:there\s+(?:was|were|is)\s+no|it\s+(?:was|is)\s*(?:not|n't)\s+(?:needed|necessary|required))\b"
                              r"|\b(?:intentionally|deliberately|on\s+purpose|by\s+design)\b", re.IGNORECASE)


def _mask(s: str) -> str:
    """Same-length copy of the sentence with inline code, quoted speech and link targets
    blanked out, so their words cannot fire a rule and offsets stay those of the input."""
    def blank(m: re.Match) -> str:
        t = m.group(0)
        return t[0] + "x" * (len(t) - 2) + t[-1] if len(t) > 2 else t
    if "`" in s:
        s = _CODE.sub(blank, s)
    if "\"" in s or "“" in s or "‘" in s or "'" in s:
        s = _DQUOTE.sub(blank, s)
    if "](" in s:
        s = _LINK.sub(blank, s)
    if "://" in s:
        s = _URL.sub(lambda m: "x" * len(m.group(0)), s)
    return s.replace("*", " ").replace("_", " ")


def _clause_start(s: str, pos: int) -> int:
    start = 0
    for m in _CLAUSE_BREAK.finditer(s, 0, pos):
        start = m.end()
    return start


def _is_agent(m: re.Match | None, names: bool = True) -> bool:
    """A person: pronoun, role or @handle; a capitalised name only when names is true
    (verbs that systems do as often as people, "X failed to", take no bare names)."""
    if not m:
        return False
    name = m.group("name")
    return not name or (names and name.lower() not in _NONPERSON)


def _direct(left: str, names: bool = True) -> bool:
    """Is a person the subject directly left of this point ("we also", "@bob had")?"""
    return _is_agent(_AGENT_END.search(left[-120:]), names)


def _leading(s: str, start: int, end: int, names: bool = True) -> bool:
    """Is a person the subject at the start of the clause s[start:end]? Looks at its first
    eight words, so timestamps and openers ("On Tuesday,") are passed over."""
    seg = s[start:end]
    heads = [seg]
    comma = seg.find(",")
    if 0 <= comma < 120:
        heads.append(seg[comma + 1:])   # after an opener: "During the deploy, @bob ..."
    for h in heads:
        for m in _AGENT_ANY.finditer(" ".join(h.split()[:8])):
            if m.group("pron") and m.group("pron").lower() in ("our", "my"):
                continue
            if _is_agent(m, names):
                return True
    return False


def _agent_of_verb(s: str, pos: int, names: bool = True) -> bool:
    """A person is the subject of the verb phrase starting at pos: directly, or through
    a compound predicate whose clause starts with a person."""
    left = s[:pos]
    if _direct(left, names):
        return True
    if _CONJ_END.search(left[-80:]):
        return _leading(s, _clause_start(s, pos), pos, names)
    return False


def _by_agent(s: str, start: int) -> bool:
    """A passive with a person as its agent: "was deployed by me / by @bob / by an engineer"."""
    for m in _BY_AGENT.finditer(s, start):
        name = m.group("name")
        if not name or name.lower() not in _NONPERSON:
            return True
    return False


def _modal(s: str, pos: int) -> bool:
    start = _clause_start(s, pos)
    window = " ".join(s[start:pos].split()[-7:])
    return bool(_MODAL.search(window))


def _system_framed(s: str, pos: int) -> bool:
    for m in _SYSTEM.finditer(s, 0, pos):
        if not _direct(s[:m.start()]):
            return True
    return False


def _fires(fam: str, s: str, m: re.Match) -> bool:
    a, b = m.start(), m.end()
    if fam in ("human", "sigmiss", "careless"):
        # "not human error", "it could be called human error, but ...": not asserted
        if _NEGATED.search(s[max(0, a - 40):a]) or _modal(s, a):
            return False
        if fam == "human":
            return True
        return any(_is_agent(x) for x in _AGENT_ANY.finditer(s))
    if fam == "warned":
        return not _modal(s, a)
    if _modal(s, a) and fam != "should":
        return False
    word = m.group(0).lower()
    if fam == "should" and word.endswith("been") and _PARTICIPLE.match(s, b):
        return False     # "we should have been paged": the person is not the one acting
    if fam in ("should", "forgot"):
        # systems miss, skip and overlook things as often as people do: no bare names there
        return _agent_of_verb(s, a, names=word.startswith(("forg", "neglect", "should", "ought")))
    if fam == "ignored":
        return _agent_of_verb(s, a, names=False)
    if fam == "failed":
        # a bare name may be a product ("Consul failed to ..."), unless the act is a human one
        return not _MECHANICAL.match(s, b) and _agent_of_verb(s, a, names=bool(_HUMAN_ACT.match(s, b)))
    if fam == "didnot":
        if _RESPONSE_REASON.search(s, b):
            return False
        if m.group("nobody"):
            # "a list nobody reads", "no one reviews ceilings": the present tense states a
            # standing practice (a gap in the system), not someone's failing
            if re.match(r"(?:nobody|no\s*one)\s+(?:else\s+)?(?:\w+ly\s+)?\w+s\b", m.group("nobody"), re.I) \
                    and not re.match(r"(?:nobody|no\s*one)\s+(?:else\s+)?(?:\w+ly\s+)?(?:was|has|does)\b",
                                     m.group("nobody"), re.I):
                return False
            # "no alert was configured, so nobody noticed": a consequence, not a cause
            return not _CONSEQUENCE.search(s[max(0, a - 30):a])
        if m.group("nordid"):
            return True
        if word.startswith("does"):
            # present tense: "@kim does not update ..." narrates one person; "the team does
            # not run ..." states a standing practice
            left = s[:a]
            agent = _AGENT_END.search(left[-120:])
            if agent is None and _CONJ_END.search(left[-80:]):
                start = _clause_start(s, a)
                agent = _AGENT_ANY.search(" ".join(s[start:a].split()[:8]))
            # (a bare name takes a human act: "Zot does not validate partial writes", "Pi-hole
            # doesn't protect the router" describe how a product works, not a person's lapse)
            return _is_agent(agent, names=bool(_HUMAN_ACT.search(word))) \
                and (bool(agent.group("name")) or _SINGULAR.match(agent.group(0).lstrip()) is not None)
        return _agent_of_verb(s, a, names=bool(_HUMAN_ACT.search(word)))
    if fam == "untested":
        if word.startswith("without"):
            start = _clause_start(s, a)
            if _PASSIVE_IN.search(s, start, a):
                return _by_agent(s, start)
            return _leading(s, start, a)
        if word.startswith("nor"):
            return True
        if word.startswith(("did", "had", "does")):
            return _agent_of_verb(s, a)
        if _PASSIVE_END.search(s[max(0, a - 30):a]):
            return False
        start = _clause_start(s, a)
        if _PASSIVE_IN.search(s, start, a):
            return _by_agent(s, start)
        return _leading(s, start, a)
    if fam == "accidental":
        after = s[b:b + 40]
        # luck in a good outcome is not a fault: "found it by accident", "accidentally fixed"
        if _LUCKY.match(after) or _LUCKY.search(" ".join(s[_clause_start(s, a):a].split()[-6:])):
            return False
        if re.match(r"\s+(?:being|been|be)\b", after):
            return False
        if _PASSIVE_END.search(s[max(0, a - 30):a]):
            return _by_agent(s, a)      # "was accidentally deleted by @bob"
        if m.group(0).lower().startswith(("by ", "in ")) or not _VERBISH.match(after):
            # after the verb ("deleted it by mistake"): the clause's subject, unless passive
            start = 0 if m.group(0).lower().startswith(("by ", "in ")) else _clause_start(s, a)
            semi = s.rfind(";", 0, a)
            start = max(start, semi + 1)
            if _PASSIVE_IN.search(s, start, a):
                return _by_agent(s, start)
            return _leading(s, start, a)
        return _agent_of_verb(s, a)
    if fam == "wrong":
        # "<person> <verb> [up to four words of object] [on|to|...] the wrong X"
        start = max(_clause_start(s, a), a - 80)
        for v in reversed(list(_WRONG_VERB.finditer(s, start, a))):
            if len(s[v.end():a].split()) > 5:
                break
            if _PASSIVE_END.search(s[max(0, v.start() - 30):v.start()]):
                return False
            if _agent_of_verb(s, v.start()):
                return True
        return False
    return False


_MAX_SENTENCE = 4000


def _match(sentence: str) -> tuple[str, re.Match, str] | None:
    if not _GATE.search(sentence.lower()):
        return None
    # prose sentences are short; a runaway "sentence" (a minified blob) is judged on its start
    s = sentence.strip()[:_MAX_SENTENCE]
    if s.startswith(">"):
        return None
    if s.rstrip(" *_\"')”’").endswith("?"):
        return None
    s = _mask(s)
    if _REJECTS.search(s):
        return None
    low = s.lower()
    for m in (_FAULT_LC.finditer(low) if len(low) == len(s) else _FAULT.finditer(s)):
        fam = m.lastgroup
        if _in_open_quote(s, m.start()):
            continue      # reported speech whose closing mark is in a later sentence
        if _fires(fam, s, m) and not _system_framed(s, m.start()):
            return _RULE_OF[fam], m, s
    return None


def _in_open_quote(s: str, pos: int) -> bool:
    head = s[:pos]
    return head.count("“") > head.count("”") or head.count('"') % 2 == 1


def blameful(sentence: str) -> tuple[str, str] | None:
    """(rule id, question) when the sentence is blameful, else None."""
    r = _match(sentence)
    return (r[0], _QUESTION[r[0]]) if r else None


# --------------------------------------------------------------------------- rewrites

_STOP_STEP = lazy_re.compile(r"[.,;:!?()\[\]—–/]|\s-\s|\b(?:because|which|while|whilst|so|but|and|or|nor|when|after|before|until|even|since|as)\b",
                        re.IGNORECASE)


def _step(original: str, masked: str, pos: int, lead: str = "") -> str:
    """The few words naming the step a sentence is about, from pos in the text as written,
    or "" when they would carry fault wording of their own."""
    tail = masked[pos:pos + 160]
    stop = _STOP_STEP.search(tail)
    words = original[pos:pos + (stop.start() if stop else len(tail))].split()[:8]
    if words and words[0].lower() == "to":
        words = words[1:]
    step = (lead + " " + " ".join(words)).strip().strip("*_\"'“”")
    if len(step) < 3 or _GATE.search(low := step.lower()) or _FAULT_ALONE.search(low):
        return ""
    return step


def _rewrite(rule: str, original: str, masked: str, m: re.Match) -> str:
    """A blameless rewrite of the sentence's framing that ends in something to build."""
    word = m.group(0).lower()
    b = m.end()
    step = ""
    if rule in ("forgot", "failed-to") or (rule == "ignored" and m.lastgroup == "ignored"):
        step = _step(original, masked, b)
    elif rule == "did-not":
        if re.search(r"\shave\b", word):
            step = _step(original, masked, m.start() + word.index("have") + 4, "have")
        else:
            step = _step(original, masked, b, original[m.start():b].split()[-1])
    elif rule == "untested" and word.startswith("without"):
        step = _step(original, masked, m.start() + len("without"))
    elif rule == "untested" and not word.startswith(("untested", "insufficient", "not")):
        step = _step(original, masked, b, "testing")
    elif rule == "accidental" and _VERBISH.match(masked[b:b + 40]):
        step = _step(original, masked, b)
    elif rule == "wrong-target":
        noun = re.match(r"[\w-]+", original[b:])
        step = noun.group(0) if noun else ""
    q = f" ({step})" if step else ""
    return {
        "forgot": f"Nothing made sure this step happened{q}; add a checklist item or an automated check that fails when it is missing.",
        "failed-to": f"The step{q} relied on someone noticing it was needed; add it to the runbook and automate it, with an alert when it has not happened.",
        "did-not": f"Nothing prompted the step{q} at the time; add a checklist item, a prompt in the tooling, or an automated check that does it.",
        "untested": f"The change could go out before it was checked{q}; add a required CI or deploy-pipeline check that blocks it until the check passes.",
        "ignored": f"The warning{q} could be passed over with nothing in the way; turn it into a blocking check instead of advice.",
        "should-have": "What was known at the time did not make the better choice obvious; add the signal, check or runbook step that would make it obvious.",
        "careless": "The safe result depended on individual care; add a guard-rail (a confirmation, a dry run, a lint or policy check) that makes the safe path the default.",
        "human-error": "The system let this action through unchecked; add the validation, confirmation or automation that would catch it next time.",
        "accidental": f"The action{q} went through with no guard in its way; add a confirmation that names the target, a dry run, or protection on production resources.",
        "wrong-target": f"The target acted on{q} looked like the intended one; make production targets visibly distinct and confirm the target before destructive commands.",
    }[rule]


def find(text: str) -> list[Hit]:
    """Every blameful sentence in a document."""
    if not _GATE.search(text.lower()):
        return []
    hits: list[Hit] = []
    for joined, offs, nums in _paragraphs(text):
        if not _GATE.search(joined.lower()):
            continue
        for off, sent in _split(joined):
            r = _match(sent)
            if r:
                rule, m, masked = r
                line = nums[bisect.bisect_right(offs, off) - 1]
                hits.append(Hit(line, sent, rule, _QUESTION[rule], _rewrite(rule, sent, masked, m)))
    return hits
