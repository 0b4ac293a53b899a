"""Drawing the incident history: which class, team and service, when, how long each
phase took, the action items and their tickets, the pager's incidents. Only
``random.Random(seed)`` is used and nothing reads the clock."""
from __future__ import annotations

import math
import random
from bisect import bisect
from collections import Counter, deque
from datetime import date, datetime, timedelta
from itertools import accumulate

from demo.records import Incident, Item, Ticket
from demo.scenarios import (
    BASE_CLASS_WEIGHTS,
    BLAME_SHARE,
    BLAMEFUL,
    CLASSES,
    CUSTOMER_ACTION,
    DROUGHT_DAYS,
    DROUGHT_TEAM,
    GENERIC_ACTIONS,
    LUCKY_GENERIC,
    NEAR_MISS_CLASS_WEIGHTS,
    NOISE_LABELS,
    NOISE_TITLES,
    ORG,
    PD_EXTRA_TITLES,
    PD_HOST,
    PD_TITLES,
    RECURRING,
    TEAMS,
    WENT_WELL,
    WHY_REPEAT,
    WINDOW_DAYS,
)
from demo.text import Context, cap, dur_short, dur_words, fill, hm, in_voice, iso, minutes, voice_of, ymdhm

REPEAT_WINDOW = timedelta(days=90)   # the dashboard's default recurrence window


# --------------------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------------------
class FastRandom(random.Random):
    """``random.Random`` with a shorter path for integer ``randrange``: the same draws
    from the same stream (``_randbelow_with_getrandbits``'s rejection loop), without its
    argument checks, which cost more than the draw in a generator that calls it
    millions of times. Anything unusual goes to the original."""

    def randrange(self, start, stop=None, step=1):
        if stop is None:
            low, n = 0, start
        else:
            low, n = start, stop - start
        if step != 1 or n <= 0 or type(n) is not int or type(low) is not int:
            return super().randrange(start, stop, step)
        k = n.bit_length()
        r = self.getrandbits(k)
        while r >= n:
            r = self.getrandbits(k)
        return low + r


class ServiceWindow:
    """The incidents of the last REPEAT_WINDOW, with a count of the services each class
    named in it: ``used`` costs the services of one class, not a pass over the window
    (which holds more incidents the denser the history: quadratic at 100,000)."""

    def __init__(self):
        self.incidents: deque[Incident] = deque()
        self.counts: dict[str, Counter] = {}

    def expire(self, now: datetime) -> None:
        while self.incidents and now - self.incidents[0].start > REPEAT_WINDOW:
            old = self.incidents.popleft()
            counts = self.counts[old.cls]
            counts.subtract(old.services)
            for svc in old.services:
                if svc in counts and counts[svc] <= 0:
                    del counts[svc]   # so that ``used`` is its keys

    def push(self, inc: Incident) -> None:
        self.incidents.append(inc)
        self.counts.setdefault(inc.cls, Counter()).update(inc.services)

    def used(self, cls: str) -> set[str]:
        """The services incidents of ``cls`` in the window named."""
        return set(self.counts.get(cls, ()))


class Generator:
    def __init__(self, incidents: int, seed: int, end: date):
        self.n = int(incidents)
        self.seed = seed
        self.rng = FastRandom(seed)
        # the practice-health plants (blameful sentences) draw from their own stream, so
        # the rest of the history is the same with or without them
        self.practice = random.Random(f"practice-{seed}")
        self.end = end
        self.end_dt = datetime(end.year, end.month, end.day, 23, 59)
        self.first = end - timedelta(days=WINDOW_DAYS - 1)
        self.first_dt = datetime(self.first.year, self.first.month, self.first.day)
        self.team_cum = list(accumulate(t.weight for t in TEAMS))
        self.class_names = list(BASE_CLASS_WEIGHTS)
        self.team_class_cum = {
            t.name: list(accumulate(BASE_CLASS_WEIGHTS[c] * t.class_bias.get(c, 1.0) for c in self.class_names))
            for t in TEAMS}
        self.nm_names = list(NEAR_MISS_CLASS_WEIGHTS)
        self.nm_cum = list(accumulate(NEAR_MISS_CLASS_WEIGHTS.values()))
        self.tickets: list[Ticket] = []
        self.pd_ids: dict[str, None] = {}

    # -- small random helpers -----------------------------------------------------------
    def pick_cum(self, seq, cum):
        return seq[bisect(cum, self.rng.random() * cum[-1])]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def lognorm_min(self, median: float, sigma: float, lo: int, hi: int) -> int:
        v = self.rng.lognormvariate(math.log(median), sigma)
        return max(lo, min(hi, int(round(v))))

    def progress_of(self, dt: datetime) -> float:
        return (dt - self.first_dt).total_seconds() / (WINDOW_DAYS * 86400.0)

    # -- incidents ------------------------------------------------------------------------
    def start_times(self) -> list[datetime]:
        rng = self.rng
        out = []
        for _ in range(self.n):
            # Slightly more incidents later on (the company grows): density ~ 0.7 + 0.6 t.
            u = rng.random()
            t = (-0.7 + math.sqrt(0.49 + 1.2 * u)) / 0.6
            day = min(WINDOW_DAYS - 4, int(t * (WINDOW_DAYS - 3)))
            if rng.random() < 0.62:
                minute = rng.randrange(8 * 60, 19 * 60)
            else:
                minute = rng.randrange(0, 24 * 60)
            out.append(self.first_dt + timedelta(days=day, minutes=minute))
        out.sort()
        return out

    def build_incidents(self) -> list[Incident]:
        """The history. A planted repeat (``repeat_of``) is the same failure coming back:
        the same team, class and primary service within WINDOW of an earlier incident.
        Every other incident avoids the services that incidents of its class used in the
        window before it, so the dashboard's repeats (class and a shared service within
        the window) are exactly the planted ones."""
        rng = self.rng
        incidents: list[Incident] = []
        recent: deque[Incident] = deque()       # recurring-class incidents of the last 90 days
        window = ServiceWindow()                # every incident (not near miss) of the last 90 days
        year_seq: dict[int, int] = {}
        starts = self.start_times()
        # An exact share of near misses (19%), so even small runs stay in the 15-25% band.
        near = frozenset(rng.sample(range(self.n), int(round(self.n * 0.19))))
        for idx, start in enumerate(starts):
            start = start.replace(second=0)
            while recent and start - recent[0].start > REPEAT_WINDOW:
                recent.popleft()
            window.expire(start)
            near_miss = idx in near
            repeat_of = None
            avoid: set[str] = set()
            if not near_miss and recent and self.chance(0.22):
                repeat_of = recent[rng.randrange(len(recent))]
                team, cls = repeat_of.team, repeat_of.cls
            else:
                team = self.pick_cum(TEAMS, self.team_cum)
                if near_miss and team.name == DROUGHT_TEAM and (self.end - start.date()).days < DROUGHT_DAYS:
                    team = TEAMS[(TEAMS.index(team) + 1) % len(TEAMS)]   # the drought (scenarios.py)
                if near_miss:
                    cls = self.pick_cum(self.nm_names, self.nm_cum)
                else:
                    cls = self.pick_cum(self.class_names, self.team_class_cum[team.name])
                    avoid = window.used(cls)
                    if set(team.services) <= avoid:   # every service of the team had one: another class
                        free = [c for c in self.class_names if not set(team.services) <= window.used(c)]
                        cls = free[rng.randrange(len(free))] if free else cls
                        avoid = window.used(cls)
            year_seq[start.year] = year_seq.get(start.year, 0) + 1
            inc_id = f"INC-{start.year}-{year_seq[start.year]:04d}"
            inc = self.make_incident(idx, inc_id, start, team, cls, near_miss, repeat_of, avoid)
            incidents.append(inc)
            if not near_miss:
                window.push(inc)
                if cls in RECURRING:
                    recent.append(inc)
        return incidents

    def make_incident(self, idx, inc_id, start, team, cls, near_miss, repeat_of, avoid=frozenset()) -> Incident:
        rng = self.rng
        t = self.progress_of(start)
        # Severity.
        if near_miss:
            severity = "SEV-4" if self.chance(0.5) else None
        else:
            severity = self.pick_cum(("SEV-1", "SEV-2", "SEV-3", "SEV-4"), (5, 30, 80, 100))
        # Detection source.
        if near_miss:
            detection = self.pick_cum(("alert", "engineer", "review"), (35, 75, 100))
        else:
            cust = 0.13 if team.name in ("web", "identity", "payments") else 0.05
            r = rng.random()
            detection = ("customer" if r < cust else "synthetic" if r < cust + 0.12
                         else "engineer" if r < cust + 0.23 else "alert")
        # Times (minutes). Detection delay: log-normal, median ~7 min, long tail.
        factor = 1.0
        if team.name == "platform":            # platform's detection improves over time
            factor = 2.2 - 1.7 * t
        elif team.name == "data":              # data's is slow and stays slow
            factor = 1.6
        if severity == "SEV-1":
            factor *= 0.6
        ttd = self.lognorm_min(7.0 * factor, 1.05, 1, 600)
        if detection == "customer":
            ttd = min(900, ttd * 3 + rng.randrange(5, 30))
        elif detection == "synthetic":
            ttd = max(1, min(ttd, rng.randrange(2, 12)))
        ttm = self.lognorm_min(30.0, 0.9, 3, 1400)     # detect -> mitigate
        ttr = 0 if self.chance(0.3) else self.lognorm_min(45.0, 1.0, 2, 2000)
        start = start.replace(second=0)
        detect = start + timedelta(minutes=ttd)
        mitigate = detect + timedelta(minutes=max(ttm, 3))
        resolve = min(mitigate + timedelta(minutes=ttr), max(mitigate, self.end_dt - timedelta(hours=1)))
        trigger = start - timedelta(minutes=rng.randrange(0, 20))
        svcs = [s for s in team.services if s not in avoid] or list(team.services)
        primary = repeat_of.services[0] if repeat_of else svcs[rng.randrange(len(svcs))]
        services = [primary]
        if self.chance(0.6):
            other = svcs[rng.randrange(len(svcs))]
            if other != primary and other not in avoid:
                services.append(other)
        inc = Incident(idx, team, cls, near_miss, severity, start, trigger, detect, mitigate, resolve,
                       detection, services, repeat_of=repeat_of, inc_id=inc_id)
        fmt_yaml = self.chance(team.yaml_share)
        inc.fmt = "yaml" if fmt_yaml else "house"
        inc.show_class = self.chance(0.9) if fmt_yaml else self.chance(0.5)
        inc.owner = team.people[rng.randrange(len(team.people))][0]
        age = (self.end - start.date()).days
        if age < 14:
            inc.doc_status = "Draft" if self.chance(0.6) else "In review"
        elif age < 45:
            inc.doc_status = self.pick_cum(("Draft", "In review", "Reviewed"), (25, 65, 100))
        else:
            inc.doc_status = self.pick_cum(("Reviewed", "In review", "Draft"), (92, 95, 100))
        self.paperwork_dates(inc)
        self.write_text(inc)
        return inc

    def paperwork_dates(self, inc: Incident) -> None:
        """Write-up a few days after resolution, review a week or so later. Drawn from a
        generator of their own, so the rest of the corpus does not change with them."""
        own = random.Random(f"{self.seed}-paperwork-{inc.idx}")
        done = inc.resolve.date()
        inc.written = min(done + timedelta(days=int(own.lognormvariate(1.0, 0.8))), self.end)
        if inc.doc_status == "Reviewed":
            inc.reviewed = min(inc.written + timedelta(days=1 + int(own.lognormvariate(1.6, 0.7))), self.end)

    # -- text ------------------------------------------------------------------------------
    def write_text(self, inc: Incident) -> None:
        rng, team = self.rng, inc.team
        spec = CLASSES[inc.cls]
        pool = spec["near_misses"] if inc.near_miss and spec["near_misses"] else spec["incidents"]
        if inc.repeat_of is not None and 0 <= inc.repeat_of.scenario < len(pool) and self.chance(0.7):
            si = inc.repeat_of.scenario
        else:
            si = rng.randrange(len(pool))
        inc.scenario = si
        sc = pool[si]
        feature = team.features[rng.randrange(len(team.features))]
        if inc.repeat_of is not None and self.chance(0.7):
            feature = inc.repeat_of.feature
        inc.feature = feature
        level = int(inc.severity[-1]) if inc.severity else 4
        pcts = {1: (100, 90, 75), 2: (75, 60, 45, 30), 3: (30, 20, 12, 8), 4: (8, 5, 3, 2)}[level]
        scale = {1: 1000, 2: 100, 3: 10, 4: 1}[level]
        outage = minutes(inc.start, inc.mitigate)
        major = rng.randrange(1, 9)
        minor = rng.randrange(0, 40)
        patch = rng.randrange(0, 10)
        ctx = Context(
            svc=inc.services[0], svc2=inc.services[-1], feature=feature, Feature=cap(feature),
            flag=team.flags[rng.randrange(len(team.flags))], pr=rng.randrange(200, 9000),
            ver=f"{major}.{minor}.{patch}", prev=f"{major}.{minor}.{max(0, patch - 1)}" if patch else f"{major}.{max(0, minor - 1)}.9",
            vendor=team.vendors[rng.randrange(len(team.vendors))],
            table=team.tables[rng.randrange(len(team.tables))], host=team.host,
            region=("us-east-1", "eu-west-1", "us-west-2")[rng.randrange(3)],
            pct=pcts[rng.randrange(len(pcts))], n=f"{rng.randrange(3, 90) * scale:,}",
            ms=(50, 100, 250, 5)[rng.randrange(4)], k=rng.randrange(50, 900), eng=rng.randrange(5, 200), outage=dur_words(outage),
        )
        nm = inc.near_miss
        title = fill(sc["t"], ctx)
        inc.title = ("Near miss: " + title) if nm else cap(title)
        # Summary.
        parts = [cap(fill(sc["s"], ctx))]
        if nm:
            parts.append("There was no customer impact.")
        else:
            parts.append(fill(rng.choice((
                "{Feature} was affected for " + dur_words(outage) + ".",
                "The impact lasted " + dur_words(outage) + ".",
                "Users felt it for " + dur_words(outage) + ".")), ctx))
            parts.append(fill(sc["res"], ctx))
        if inc.repeat_of is not None:
            prev = inc.repeat_of
            open_items = [it for it in prev.items if it.closed_at is None or it.closed_at > inc.start]
            state = ("its action items were all closed" if not open_items
                     else f"{len(open_items)} of its action items were still open")
            parts.append(f"This repeats the incident of {prev.start.date().isoformat()} ({prev.inc_id}); {state}.")
        if self.chance(0.15):
            parts.append("This is a blameless postmortem: we describe what the system allowed.")
        inc.summary = " ".join(parts)
        # Timeline rows.
        rows = [(inc.trigger, fill(sc["trig"], ctx)), (inc.start, fill(sc["imp"], ctx))]
        det = inc.detect
        mode = inc.detection
        if mode == "alert":
            if nm:
                rows.append((det, f"Warning alert fires in #{team.name}-alerts; on-call takes a look"))
            elif self.chance(0.35):
                rows.append((det, "PagerDuty alert fires"))
                ack = min(det + timedelta(minutes=rng.randrange(1, 6)), inc.mitigate - timedelta(minutes=2))
                if ack > det:
                    rows.append((ack, "On-call acknowledges the page"))
            else:
                rows.append((det, rng.choice(("PagerDuty alert fires; on-call acknowledges",
                                              f"{inc.services[0]} SLO burn-rate alert pages on-call",
                                              "PagerDuty pages on-call; acknowledged"))))
        elif mode == "synthetic":
            rows.append((det, f"Synthetic check for {feature} fails and pages on-call"))
        elif mode == "customer":
            rows.append((det, f"Customer reports problems with {feature} via support (ticket #{rng.randrange(10000, 99999)})"))
            esc = det + timedelta(minutes=rng.randrange(2, 15))
            if esc < inc.mitigate - timedelta(minutes=1):
                rows.append((esc, "Support escalates to on-call"))
        elif mode == "engineer":
            rows.append((det, f"Engineer notices an anomaly on the {inc.services[0]} dashboard and declares an incident"))
        else:  # review
            rows.append((det, "Engineer notices the problem during a routine check"))
        span = minutes(rows[-1][0], inc.mitigate)
        if span >= 4:
            diag_at = rows[-1][0] + timedelta(minutes=max(1, int(span * rng.uniform(0.35, 0.75))))
            if not nm and inc.severity in ("SEV-1", "SEV-2") and span >= 8 and self.chance(0.6):
                ch = rows[-1][0] + timedelta(minutes=max(1, int(span * 0.2)))
                if ch < diag_at:
                    rows.append((ch, f"Incident channel opened; @{inc.owner} takes incident command"))
                    if self.chance(0.5) and ch + timedelta(minutes=2) < diag_at:
                        rows.append((ch + timedelta(minutes=2), "Status page updated: investigating"))
            rows.append((diag_at, fill(sc["diag"], ctx)))
        rows.append((inc.mitigate, fill(sc["fix"], ctx)))
        if inc.resolve > inc.mitigate and self.chance(0.75):
            rows.append((inc.resolve, rng.choice(("Incident resolved; monitoring confirms a steady state",
                                                  "Incident resolved after a period of clean metrics",
                                                  "Incident closed; follow-ups filed"))))
        else:
            inc.resolve = inc.mitigate
        inc.rows = rows
        # Contributing factors: 3-5 whys.
        whys = [fill(w, ctx) for w in sc["why"]]
        k = min(len(whys), rng.randrange(3, 6))
        inc.factors = whys[:k]
        if inc.repeat_of is not None:
            inc.factors.append(WHY_REPEAT)
        inc.systemic = fill(sc["sys"], ctx)
        # Impact bullets.
        if nm:
            inc.impact = ["Customer impact: none (near miss)",
                          f"Exposure: {self.range_text(inc.start, inc.mitigate)} with no user-visible errors"]
        else:
            imp = team.impacts[rng.randrange(len(team.impacts))]
            inc.impact = [f"Duration: {self.range_text(inc.start, inc.mitigate)}",
                          "Users affected: " + fill(imp, ctx)]
            if team.name == "payments" and inc.severity in ("SEV-1", "SEV-2"):
                inc.impact.append(f"Revenue at risk: ~${rng.randrange(3, 90)}k | Error-budget burned: {rng.randrange(5, 60)}% of the monthly budget")
        inc.impact.append("Services: " + ", ".join(inc.services))
        # What went well / lucky.
        ww = list(WENT_WELL)
        rng.shuffle(ww)
        inc.went_well = [fill(w, ctx) for w in ww[:rng.randrange(1, 4)]]
        if nm:
            lucky = list(sc.get("lucky", [])) + LUCKY_GENERIC
            inc.lucky = lucky[:1] + rng.sample(lucky[1:], rng.randrange(0, 3))
        # Its author's words: a repeat told by another author reads differently.
        v = voice_of(inc.owner)
        inc.title, inc.summary, inc.systemic = (in_voice(t, v) for t in (inc.title, inc.summary, inc.systemic))
        inc.factors = [in_voice(f, v) for f in inc.factors]
        # Action items.
        self.make_items(inc, spec, ctx)
        if self.practice.random() < BLAME_SHARE:
            inc.blame = BLAMEFUL[self.practice.randrange(len(BLAMEFUL))].replace("{owner}", inc.owner)

    def range_text(self, a: datetime, b: datetime) -> str:
        mins = minutes(a, b)
        if a.date() == b.date():
            return f"{hm(a)}–{hm(b)} UTC ({dur_short(mins)})"
        return f"{ymdhm(a)}–{ymdhm(b)} UTC ({dur_short(mins)})"

    # -- action items and tickets ------------------------------------------------------------
    def make_items(self, inc: Incident, spec: dict, ctx: dict) -> None:
        rng, team = self.rng, inc.team
        if inc.near_miss:
            count = self.pick_cum((1, 2, 3), (35, 80, 100))
        else:
            count = self.pick_cum((1, 2, 3, 4, 5), (10, 35, 70, 90, 100))
        pool = list(spec["actions"])
        rng.shuffle(pool)
        chosen = pool[:max(1, count - 1)]
        extra = GENERIC_ACTIONS[rng.randrange(len(GENERIC_ACTIONS))]
        if inc.detection == "customer":
            extra = CUSTOMER_ACTION
        if len(chosen) < count:
            chosen.append(extra)
        sev_level = int(inc.severity[-1]) if inc.severity else 4
        review = inc.mitigate + timedelta(hours=rng.randrange(4, 120), minutes=rng.randrange(60))
        review = min(review, self.end_dt - timedelta(minutes=rng.randrange(5, 300)))
        review = max(review, inc.resolve)
        owner_handle_person = {h: (h, n) for h, n in team.people}
        created = review
        for text_tpl, kind in chosen:
            text = fill(text_tpl, ctx)
            r = rng.random()
            if r < 0.06:
                owner = ""
            elif r < 0.10:
                owner = "TBD"
            else:
                owner = "@" + team.people[rng.randrange(len(team.people))][0]
            due_days = self.pick_cum((7, 10, 14, 21, 30, 45, 60, 90),
                                     (5, 10, 25, 40, 65, 80, 93, 100) if sev_level <= 2 else
                                     (2, 4, 12, 22, 45, 65, 85, 100))
            due = None if self.chance(0.04) else (review + timedelta(days=due_days)).date()
            # Outcome (as of any time): won't do / never done / done after a lognormal delay.
            r = rng.random()
            created = min(created + timedelta(minutes=rng.randrange(1, 6), seconds=rng.randrange(60)),
                          self.end_dt)
            done_at = None
            wont_at = None
            if r < 0.07:
                wont_at = created + timedelta(days=rng.randrange(5, 120), minutes=rng.randrange(1440))
            elif r < 0.20:
                pass                                           # nobody ever gets to it
            else:
                basis = due_days if due is not None else 30
                days = basis * rng.lognormvariate(math.log(0.75), 0.65)
                done_at = created + timedelta(days=max(0.2, days), minutes=rng.randrange(600))
            if done_at is not None and done_at <= self.end_dt:
                status = "done"
            elif wont_at is not None and wont_at <= self.end_dt:
                status = "wont_do"
            else:
                status = "open"
                done_at = None
            item = Item(text, kind, owner, due, None, status, done_at,
                        done_at if status == "done" else wont_at if status == "wont_do" else None)
            if status == "done":
                item.doc_status = "Open" if self.chance(0.08) else "Done"
            elif status == "wont_do":
                item.doc_status = "Won't do"
            else:
                item.doc_status = "Open"
            if not self.chance(0.03):
                person = owner_handle_person.get(owner[1:]) if owner.startswith("@") else None
                closed_at = done_at if status == "done" else (wont_at if status == "wont_do" else None)
                item.ticket = self.make_ticket(team, text, created, due, status, closed_at, person,
                                               owner_handle_person[inc.owner], sev_level, inc)
            inc.items.append(item)

    def make_ticket(self, team, title, created, due, status, closed_at, assignee, reporter,
                    sev_level, inc) -> Ticket:
        rng = self.rng
        if status == "done":
            state = "Done"
        elif status == "wont_do":
            state = "Won't Do"
        else:
            state = self.pick_cum(("To Do", "In Progress", "In Review"), (55, 90, 100))
        if closed_at is not None:
            updated = min(self.end_dt, closed_at + timedelta(minutes=rng.randrange(0, 3000)))
            cat_changed = closed_at
        else:
            room = max(0, minutes(created, self.end_dt))
            cat_changed = created if state == "To Do" else created + timedelta(minutes=rng.randrange(room + 1) // 3)
            updated = cat_changed + timedelta(minutes=rng.randrange(max(1, minutes(cat_changed, self.end_dt) + 1)))
        labels = ["postmortem", inc.cls]
        if self.chance(0.5):
            labels.append(inc.inc_id.lower() if inc.inc_id else "incident-followup")
        else:
            labels.append("incident-followup")
        desc = ""
        r = rng.random()
        if r < 0.45:
            desc = (f"Follow-up from the postmortem \"{inc.title}\" ({inc.start.date().isoformat()}).\n\n"
                    f"Why: {inc.factors[0] if inc.factors else ''}\n\n"
                    f"Done when:\n- the change is live\n- the runbook mentions it")
        elif r < 0.8:
            desc = f"Action item from the {inc.start.date().isoformat()} postmortem."
        priority = {1: "Highest", 2: "High", 3: "Medium"}.get(sev_level, "Low")
        if self.chance(0.15):
            priority = "Medium"
        itype = self.pick_cum(("Task", "Bug", "Story"), (80, 95, 100))
        tk = Ticket(team, title, created, due, state, closed_at if closed_at else None, updated,
                    cat_changed, assignee, reporter, labels, desc, priority, itype)
        self.tickets.append(tk)
        return tk

    def noise_tickets(self, action_count: int) -> None:
        rng = self.rng
        total = max(2, int(action_count * 0.25))
        for _ in range(total):
            team = self.pick_cum(TEAMS, self.team_cum)
            created = self.first_dt + timedelta(minutes=rng.randrange(WINDOW_DAYS * 1440))
            svc = team.services[rng.randrange(len(team.services))]
            title = NOISE_TITLES[rng.randrange(len(NOISE_TITLES))].format(svc=svc)
            r = rng.random()
            closed = created + timedelta(days=rng.randrange(1, 200), minutes=rng.randrange(1440))
            if r < 0.6 and closed <= self.end_dt:
                status = "done"
            elif r < 0.68 and closed <= self.end_dt:
                status = "wont_do"
            else:
                status, closed = "open", None
            person = team.people[rng.randrange(len(team.people))]
            due = (created + timedelta(days=rng.randrange(14, 90))).date() if self.chance(0.3) else None
            fake = Incident(-1, team, "", False, None, created, created, created, created, created, "",
                            [svc], inc_id="")
            fake.title = title
            tk = self.make_ticket(team, title, created, due, status, closed,
                                  person if self.chance(0.8) else None, person, 3, fake)
            tk.labels = [NOISE_LABELS[rng.randrange(len(NOISE_LABELS))]]
            tk.description = "" if self.chance(0.6) else f"{title}.\n\nNot urgent; pick up when there is room."
            tk.priority = ("Low", "Medium")[rng.randrange(2)]
            if team.tracker == "github" and self.chance(0.15):
                tk.is_pr = True

    def number_tickets(self) -> None:
        start_numbers = {"PAY": 101, "OPS": 801, "DATA": 201, "NET": 51,
                         f"{ORG}/web": 1201, f"{ORG}/identity": 301}
        self.tickets.sort(key=lambda t: t.created)
        counters = dict(start_numbers)
        next_id = 10000
        for tk in self.tickets:
            proj = tk.team.project
            tk.number = counters[proj]
            counters[proj] += 1 + (1 if self.chance(0.1) else 0)   # a few deleted / moved issues
            if tk.team.tracker == "jira":
                tk.key = f"{proj}-{tk.number}"
                tk.issue_id = next_id
                next_id += 1
            else:
                tk.key = f"{proj}#{tk.number}"
                tk.issue_id = 1_900_000_000 + next_id * 37
                next_id += 1

    # -- PagerDuty -----------------------------------------------------------------------
    def pd_id(self) -> str:
        alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
        while True:
            s = "P" + "".join(alphabet[self.rng.randrange(len(alphabet))] for _ in range(6))
            if s not in self.pd_ids:
                self.pd_ids[s] = None
                return s

    def build_pd(self, incidents: list[Incident]) -> tuple[list[dict], int]:
        rng = self.rng
        rows = []
        for inc in incidents:
            if inc.near_miss:
                continue
            p = {"alert": 0.94, "synthetic": 0.92, "customer": 0.7, "engineer": 0.45}[inc.detection]
            if not self.chance(p):
                continue
            ack = inc.detect + timedelta(seconds=rng.randrange(20, 420))
            if ack >= inc.mitigate:
                ack = inc.detect + timedelta(seconds=30)
            resolved = inc.resolve + timedelta(seconds=rng.randrange(0, 900))
            title = rng.choice(PD_TITLES).format(svc=inc.services[0], feature=inc.feature)
            sev = inc.severity or "SEV-4"
            row = self.pd_row(inc.team, inc.services[0], title, "P" + sev[-1],
                              inc.detect + timedelta(seconds=rng.randrange(0, 59)), ack, resolved)
            inc.pd = row
            rows.append(row)
        paged = len(rows)
        extra = int(round(paged * 0.15))
        for _ in range(extra):
            team = self.pick_cum(TEAMS, self.team_cum)
            svc = team.services[rng.randrange(len(team.services))]
            feature = team.features[rng.randrange(len(team.features))]
            created = self.first_dt + timedelta(seconds=rng.randrange((WINDOW_DAYS - 2) * 86400))
            ack = created + timedelta(seconds=rng.randrange(30, 900))
            resolved = ack + timedelta(seconds=rng.randrange(120, 4 * 3600))
            prio = self.pick_cum(("P2", "P3", "P4"), (8, 55, 100))
            title = PD_EXTRA_TITLES[rng.randrange(len(PD_EXTRA_TITLES))].format(svc=svc, feature=feature)
            rows.append(self.pd_row(team, svc, title, prio, created, ack, resolved,
                                    acked=self.chance(0.8)))
        rows.sort(key=lambda r: (r["created_at"], r["id"]))
        for i, r in enumerate(rows):
            r["incident_number"] = 1000 + i
            r["summary"] = f"[#{r['incident_number']}] {r['title']}"
        return rows, extra

    def pd_row(self, team, svc, title, prio, created, ack, resolved, acked=True) -> dict:
        pid = self.pd_id()
        urgency = "high" if prio in ("P1", "P2") or self.chance(0.5) else "low"
        person = team.people[self.rng.randrange(len(team.people))]
        return {
            "id": pid,
            "type": "incident",
            "summary": "",
            "incident_number": 0,
            "title": title,
            "status": "resolved",
            "urgency": urgency,
            "priority": {"summary": prio},
            "service": {"id": "PS" + pid[2:], "type": "service_reference", "summary": svc},
            "escalation_policy": {"summary": f"{team.name} on-call"},
            "teams": [{"summary": team.name}],
            "created_at": iso(created),
            "last_status_change_at": iso(resolved),
            "resolved_at": iso(resolved),
            "acknowledgements": ([{"at": iso(ack), "acknowledger": {"summary": person[1]}}] if acked else []),
            "html_url": f"{PD_HOST}/incidents/{pid}",
        }
