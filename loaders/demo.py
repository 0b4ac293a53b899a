"""Generate a realistic, deterministic demo corpus for Hindsight.

``generate(out_dir)`` writes two years of synthetic incident history for a fictional
company ("acme") in the shapes real teams export:

* ``postmortems/YYYY/YYYY-MM-DD-<slug>.md``: one document per incident or near miss,
  about three quarters in the house format (the seed article's template) and a quarter
  with YAML front matter;
* ``trackers/jira-export.csv``: Jira "Export CSV (all fields)" (English UI, repeated
  ``Labels`` columns, ``dd/Mon/yy h:mm AM`` dates);
* ``trackers/github-issues.json``: GitHub REST list-issues JSON (a few pull requests
  included, as the real endpoint returns them);
* ``incidents/pagerduty-incidents.json``: one PagerDuty ``GET /incidents`` page with the
  paged incidents plus alerts nobody wrote a postmortem for;
* ``hindsight.yaml``: the demo configuration, every key commented.

Only ``random.Random(seed)`` is used and nothing reads the clock, so the same
arguments always give byte-identical files. ``build()`` returns the corpus in memory
(files plus the ground truth the generator used), which the tests inspect.

Run it with ``python -m loaders.demo OUT_DIR [INCIDENTS] [SEED]``.
"""
from __future__ import annotations

import csv
import io
import json
import math
import random
import re
from bisect import bisect
from collections import deque
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import accumulate
from pathlib import Path

__all__ = ["generate", "build", "Corpus", "TAXONOMY", "CLASSES", "TEAMS"]

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WINDOW_DAYS = 730
ORG = "acme"
PD_HOST = "https://acme.pagerduty.com"

# --------------------------------------------------------------------------------------
# Taxonomy: incident classes and the rules that classify a document naming no class.
# Keywords are case-insensitive substrings; patterns are case-insensitive regexes.
# Every title, summary and contributing factor below matches its own class's rules
# and no other class's (tests/test_demo.py checks that on every generated document).
# --------------------------------------------------------------------------------------
TAXONOMY: dict[str, dict[str, list[str]]] = {
    "config-change": {
        "keywords": ["config change", "configuration change", "config push", "feature flag", "flag flip"],
        "patterns": [r"\bconfig(uration)?\b", r"\bfeature[- ]flags?\b"],
    },
    "deploy-regression": {
        "keywords": ["deploy", "release", "regression", "rollout", "bad build"],
        "patterns": [r"\bv\d+\.\d+(\.\d+)?\b", r"\bcanary\b"],
    },
    "capacity": {
        "keywords": ["capacity", "saturat", "out of memory", "disk full", "traffic spike", "autoscal",
                     "consumer lag", "resource exhaustion"],
        "patterns": [r"\boom(killed)?\b", r"\b(cpu|memory|disk) (pressure|exhaustion)\b"],
    },
    "dependency-failure": {
        "keywords": ["third-party", "vendor", "dependency", "upstream provider", "external api"],
        "patterns": [r"\bupstream\b"],
    },
    "database": {
        "keywords": ["database", "postgres", "replica", "replication", "deadlock", "slow query",
                     "schema migration", "connection pool", "failover"],
        "patterns": [r"\bvacuum\b", r"\btable locks?\b"],
    },
    "network": {
        "keywords": ["network", "packet loss", "load balancer", "firewall", "bgp"],
        "patterns": [r"\b(dns|mtu|vpc)\b"],
    },
    "certificate-expiry": {
        "keywords": ["certificate", "expired cert", "cert expir"],
        "patterns": [r"\b(tls|ssl|x\.?509)\b", r"\bcerts?\b"],
    },
    "data-pipeline": {
        "keywords": ["pipeline", "batch job", "backfill", "stale data", "duplicate events", "data quality"],
        "patterns": [r"\betl\b", r"\bdag\b"],
    },
    "security": {
        "keywords": ["security", "credential", "unauthorized", "vulnerability", "ddos", "phishing"],
        "patterns": [r"\bcve-\d{4}-\d+\b", r"\b(leaked|exposed) (api )?(keys?|tokens?|secrets?)\b"],
    },
    "cloud-provider": {
        "keywords": ["availability zone", "cloud provider", "region outage", "zonal outage"],
        "patterns": [r"\baws\b", r"\bgcp\b", r"\b(us|eu)-(east|west|central)-\d\b"],
    },
}

# One-line descriptions for the config comments.
CLASS_NOTES = {
    "config-change": "a configuration or feature-flag change caused it",
    "deploy-regression": "a code deploy introduced a bug",
    "capacity": "load outgrew CPU, memory, disk or queue capacity",
    "dependency-failure": "a third-party or vendor service failed",
    "database": "the database: failover, replication, locks, migrations",
    "network": "DNS, load balancers, firewalls, packet loss",
    "certificate-expiry": "an expired or broken TLS certificate",
    "data-pipeline": "batch / ETL jobs producing late, missing or wrong data",
    "security": "credentials, attacks, vulnerabilities",
    "cloud-provider": "the cloud provider's zone or region failed",
}


# --------------------------------------------------------------------------------------
# Teams
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Team:
    name: str
    services: tuple[str, ...]
    features: tuple[str, ...]
    tracker: str                  # "jira" or "github"
    project: str                  # Jira project key or GitHub owner/repo
    people: tuple[tuple[str, str], ...]   # (handle, display name)
    weight: float
    class_bias: dict
    yaml_share: float             # share of this team's postmortems with front matter
    host: str
    impacts: tuple[str, ...]
    vendors: tuple[str, ...]
    tables: tuple[str, ...]
    flags: tuple[str, ...]


TEAMS: list[Team] = [
    Team("payments", ("checkout-api", "payments-db", "billing-worker", "ledger-service"),
         ("checkout", "refunds", "subscription renewals", "saved cards"), "jira", "PAY",
         (("sri", "Sri Raman"), ("maya", "Maya Okafor"), ("lee", "Lee Chen"), ("tomas", "Tomás Ruiz"),
          ("ana", "Ana Petrović")),
         0.20, {"dependency-failure": 2.2, "database": 1.5, "data-pipeline": 0.2, "network": 0.4},
         0.05, "checkout.acme.io",
         ("{pct}% of checkout attempts (~{n} failed orders)", "~{n} card payments declined",
          "{pct}% of {feature} requests failed (~{n} customers)"),
         ("payment provider", "fraud-scoring vendor", "tax-calculation vendor"),
         ("orders", "payments", "invoices"),
         ("payments_enabled", "new_checkout_flow", "refund_v2_enabled", "3ds_challenge")),
    Team("platform", ("api-gateway", "k8s-control-plane", "ci-runner", "service-mesh"),
         ("internal API calls", "CI builds", "service discovery", "container scheduling"), "jira", "OPS",
         (("kim", "Kim Nakamura"), ("raj", "Raj Patel"), ("jo", "Jo Lindqvist"), ("dev", "Devon Brooks"),
          ("noor", "Noor Haddad")),
         0.22, {"config-change": 1.3, "deploy-regression": 1.2, "cloud-provider": 2.5, "data-pipeline": 0.1,
                "security": 0.8},
         0.05, "api.acme.io",
         ("~{eng} engineers blocked; {pct}% of {feature} failed", "{pct}% of requests through {svc} failed",
          "Internal only: {feature} degraded for ~{eng} engineers"),
         ("hosted CI vendor", "container registry vendor", "package mirror vendor"),
         ("service_registry", "leases", "jobs"),
         ("mesh_strict_mtls", "gateway_http2", "scheduler_binpack", "ci_cache_v3")),
    Team("data", ("kafka", "airflow", "warehouse", "notifications"),
         ("order emails", "revenue dashboards", "search indexing", "recommendations"), "jira", "DATA",
         (("priya", "Priya Sharma"), ("ben", "Ben Adeyemi"), ("ines", "Inês Costa"), ("max", "Max Weber")),
         0.16, {"data-pipeline": 6.0, "capacity": 1.2, "deploy-regression": 0.6, "network": 0.3,
                "security": 0.5},
         0.85, "events.acme.io",
         ("{feature} delayed for ~{n} customers", "{pct}% of {feature} late or missing",
          "~{n} customers received stale {feature}"),
         ("email vendor", "SMS vendor", "enrichment API vendor"),
         ("events", "orders_daily", "sessions"),
         ("emails_batched", "dedupe_enabled", "warehouse_sync_v2", "rec_model_b")),
    Team("web", ("web-frontend", "cdn-edge", "storefront-ssr", "image-resizer"),
         ("product pages", "search", "cart", "image loading"), "github", f"{ORG}/web",
         (("alex", "Alex Moreau"), ("sam", "Sam Whitfield"), ("yuki", "Yuki Tanaka"), ("olu", "Olu Bello")),
         0.20, {"deploy-regression": 1.4, "config-change": 1.1, "database": 0.3, "data-pipeline": 0.1,
                "dependency-failure": 1.3},
         0.05, "www.acme.io",
         ("{pct}% of page views returned errors", "{pct}% of {feature} requests failed (~{n} visitors)",
          "~{n} visitors saw a broken {feature} page"),
         ("CDN vendor", "search SaaS vendor", "A/B testing vendor"),
         ("products", "carts", "sessions"),
         ("new_pdp_layout", "search_v2", "cart_drawer", "edge_image_webp")),
    Team("identity", ("auth-api", "session-store", "sso-gateway", "user-directory"),
         ("login", "password reset", "SSO sign-in", "token refresh"), "github", f"{ORG}/identity",
         (("lena", "Lena Fischer"), ("omar", "Omar Said"), ("chris", "Chris Varga")),
         0.12, {"security": 5.0, "certificate-expiry": 2.0, "data-pipeline": 0.1, "capacity": 0.8},
         0.85, "login.acme.io",
         ("~{n} users could not sign in", "{pct}% of {feature} attempts failed",
          "{pct}% of sessions dropped (~{n} users)"),
         ("identity provider", "SMS OTP vendor", "email verification vendor"),
         ("users", "sessions", "tokens"),
         ("mfa_required", "sso_v2_enabled", "token_ttl_short", "passkeys")),
    Team("network", ("edge-proxy", "internal-resolver", "vpn-gateway", "egress-proxy"),
         ("edge traffic", "office VPN", "outbound webhooks", "service-to-service calls"), "jira", "NET",
         (("mateo", "Mateo García"), ("hana", "Hana Kowalski"), ("ivan", "Ivan Petrov")),
         0.10, {"network": 7.0, "certificate-expiry": 2.5, "data-pipeline": 0.05, "database": 0.2},
         0.05, "edge.acme.io",
         ("{pct}% of requests through {svc} failed", "{feature} unavailable for ~{n} users",
          "{pct}% of {feature} timed out"),
         ("upstream transit provider", "anycast provider", "traffic scrubbing vendor"),
         ("routes", "zones", "peers"),
         ("edge_http3", "strict_egress", "geo_routing_v2", "proxy_buffering")),
]
TEAM_BY_NAME = {t.name: t for t in TEAMS}

# Base class weights (share of real incidents before team bias) and whether the class
# recurs often enough that a repeat within the recurrence window is likely.
BASE_CLASS_WEIGHTS = {
    "config-change": 23, "deploy-regression": 22, "capacity": 20, "dependency-failure": 8,
    "database": 7, "network": 5, "certificate-expiry": 3, "data-pipeline": 5, "security": 2,
    "cloud-provider": 2,
}
RECURRING = ("config-change", "deploy-regression", "capacity", "database", "dependency-failure",
             "data-pipeline")
NEAR_MISS_CLASS_WEIGHTS = {
    "config-change": 22, "deploy-regression": 24, "capacity": 20, "certificate-expiry": 12,
    "database": 10, "security": 6, "data-pipeline": 4, "network": 2,
}


# --------------------------------------------------------------------------------------
# Text: scenarios per class. Placeholders: {svc} {svc2} {feature} {Feature} {flag} {pr}
# {ver} {prev} {vendor} {table} {host} {region} {pct} {n} {ms} {days} {gb}.
# Rows: trig (before impact), imp (impact begins), diag (diagnosis), fix (mitigation).
# --------------------------------------------------------------------------------------
CLASSES: dict[str, dict] = {
    "config-change": {
        "incidents": [
            dict(t="{Feature} outage after config change",
                 s="A config change disabled the `{flag}` feature flag in production, so {feature} stopped working.",
                 trig="Config PR #{pr} merged and applied to production",
                 imp="{Feature} error rate jumps to ~{pct}%",
                 diag="Bad flag value identified in the change diff",
                 fix="Rollback completes; error rate returns to baseline",
                 why=["{Feature} failed because the `{flag}` flag was set to false.",
                      "The flag flipped because a config PR changed it unintentionally.",
                      "The change shipped because config changes skip the CI test gate.",
                      "Review missed it because the diff was mostly generated config.",
                      "Recovery was manual because there is no one-command flag revert."],
                 sys="the process let an untested config reach production.",
                 res="Resolved by reverting the config."),
            dict(t="{svc} timeouts after config push",
                 s="A config push to {svc} lowered its client timeout to {ms} ms and most calls from {feature} began to time out.",
                 trig="Config push #{pr} to {svc} applied to all hosts at once",
                 imp="{svc} p99 latency doubles and timeouts climb to ~{pct}%",
                 diag="Timeout value traced to the latest config push",
                 fix="Previous config restored; latency returns to baseline",
                 why=["Calls timed out because the timeout was set below the normal p99.",
                      "The value was a unit mix-up: seconds were read as milliseconds.",
                      "The config schema does not check units or sane ranges.",
                      "The push went to every host at once instead of one host first.",
                      "Nobody was watching the push because config pushes are treated as routine."],
                 sys="config pushes have no validation and no staged apply.",
                 res="Mitigated by restoring the previous config."),
            dict(t="Rate-limit config change blocks {feature}",
                 s="A configuration change to the {svc} rate limits cut allowed traffic tenfold and {feature} requests were rejected.",
                 trig="Rate-limit config PR #{pr} merged",
                 imp="429 responses on {svc} jump to ~{pct}% of {feature} requests",
                 diag="On-call compares the rate-limit config with last week's",
                 fix="Old limits restored; 429s drop back to normal",
                 why=["Requests were rejected because the per-client limit dropped from 1000 to 100 rps.",
                      "The new value was copied from the staging config.",
                      "Staging and production config live in the same file with no guard.",
                      "The config tests only check syntax, not values.",
                      "Rollback took time because the config repo needed a second approver."],
                 sys="one file holds every environment's config, so a copy-paste reaches production.",
                 res="Resolved by restoring the previous limits."),
            dict(t="Feature flag flip breaks {feature} for some users",
                 s="A feature flag flip enabled `{flag}` for every user instead of 5%, and an unfinished code path broke {feature}.",
                 trig="`{flag}` flag set to 100% in the flag console",
                 imp="{Feature} failures jump for logged-in users",
                 diag="Flag audit log shows the percentage change",
                 fix="Flag set back to 0%; failures stop",
                 why=["{Feature} broke because an unfinished code path ran for everyone.",
                      "The flag went to 100% because the console slider has no confirmation step.",
                      "Flag changes are not announced anywhere the on-call sees.",
                      "The unfinished path had no kill switch besides the same flag."],
                 sys="the flag console made a 100% change one click away.",
                 res="Mitigated by switching the flag off."),
        ],
        "near_misses": [
            dict(t="config push with a bad timeout caught on one host",
                 s="A config push to {svc} carried a timeout of {ms} ms, but the staged apply stopped after the first host.",
                 trig="Config push #{pr} to {svc} starts",
                 imp="First {svc} host starts rejecting health checks",
                 diag="Staged apply halts automatically",
                 fix="Mitigated: push reverted before any customer traffic moved",
                 why=["The timeout value was wrong because of a unit mix-up in the config.",
                      "Config review does not check units.",
                      "Only the staged apply stopped it."],
                 sys="we rely on one safety net for config correctness.",
                 lucky=["The staged apply had been turned on only two weeks earlier.",
                        "The first host was out of rotation for maintenance."]),
            dict(t="feature flag for {feature} almost enabled for everyone",
                 s="A feature flag change that would have enabled `{flag}` for all users was spotted in review minutes before it took effect.",
                 trig="Scheduled feature flag change for `{flag}` created",
                 imp="Flag change queued to go live at the top of the hour",
                 diag="Reviewer notices the target is 100%, not 5%",
                 fix="Mitigated: scheduled flag change cancelled",
                 why=["The scheduled change targeted every user by default.",
                      "The flag console defaults new schedules to 100%.",
                      "Scheduled flag changes need no second reviewer."],
                 sys="the default in the flag console is the dangerous value.",
                 lucky=["A reviewer happened to open the schedule page."]),
        ],
        "actions": [
            ("Gate config changes behind the CI test suite", "prevent"),
            ("Add schema and range validation for {svc} config", "prevent"),
            ("Build a one-command flag rollback", "mitigate"),
            ("Apply config pushes to one host first, then the rest", "prevent"),
            ("Require a second reviewer for production config PRs", "process"),
            ("Split staging and production config into separate files", "prevent"),
            ("Post every flag change to the on-call channel", "detect"),
            ("Add a confirmation step for flag changes above 25%", "prevent"),
        ],
    },
    "deploy-regression": {
        "incidents": [
            dict(t="{svc} v{ver} deploy causes elevated 5xx",
                 s="The deploy of {svc} v{ver} removed a null check in the request handler, so {feature} requests with an empty cart crashed.",
                 trig="{svc} v{ver} deploy starts (canary stage skipped)",
                 imp="5xx rate on {svc} climbs to ~{pct}%",
                 diag="Deploy marker on the dashboard lines up with the change; new build suspected",
                 fix="Rollback to v{prev} completes; 5xx back to baseline",
                 why=["Requests crashed because the handler dereferenced a missing field.",
                      "The bug shipped because no test covered an empty request body.",
                      "The canary stage was skipped because the deploy was marked urgent.",
                      "Nothing stopped the skip because urgent deploys bypass canary analysis.",
                      "Rollback took long because the previous image had been garbage-collected."],
                 sys="the deploy path let a change reach every host without a canary.",
                 res="Resolved by rolling back to v{prev}."),
            dict(t="Regression in {svc} release breaks {feature}",
                 s="A regression in the {svc} v{ver} release changed how the serializer handled an optional field, so {feature} rejected valid requests.",
                 trig="{svc} v{ver} rolled out to all regions",
                 imp="{Feature} failures climb to ~{pct}% of requests",
                 diag="Diff between v{prev} and v{ver} shows the serializer change",
                 fix="v{prev} restored everywhere; failures stop",
                 why=["Valid requests were rejected because the new serializer required an optional field.",
                      "The contract tests use fixtures that always set that field.",
                      "The change looked like a refactor, so it got a light review.",
                      "The rollout went to all regions in one step."],
                 sys="one-step rollouts turn a small bug into a full outage.",
                 res="Mitigated by rolling back to v{prev}."),
            dict(t="Bad build of {svc} crash-loops on startup",
                 s="A bad build of {svc} v{ver} was missing an environment variable default and crash-looped on every new pod during the deploy.",
                 trig="{svc} v{ver} deploy begins",
                 imp="Healthy {svc} pods drop below half; {feature} starts failing",
                 diag="Pod logs show the missing setting at startup",
                 fix="Deploy halted and v{prev} restored; pods healthy again",
                 why=["Pods crashed because a required setting had no default.",
                      "The build passed tests because the test environment sets that variable.",
                      "Readiness checks passed too early, so the deploy kept replacing pods.",
                      "The deploy tool has no automatic halt on crash loops."],
                 sys="the deploy tool keeps going while new pods crash.",
                 res="Resolved by halting the deploy and rolling back."),
            dict(t="{Feature} broken by {svc} rollout",
                 s="The rollout of {svc} v{ver} shipped a client-side bundle that referenced an asset that no longer existed, breaking {feature} for most browsers.",
                 trig="{svc} v{ver} rollout to 100% of traffic",
                 imp="JavaScript errors on {feature} jump to ~{pct}% of sessions",
                 diag="Browser error tracking points at the missing asset",
                 fix="Previous bundle restored; JavaScript errors return to baseline",
                 why=["{Feature} broke because the page requested an asset that was deleted.",
                      "Old assets are deleted as soon as a new version is live.",
                      "No smoke test loads the page in a real browser before full rollout."],
                 sys="asset clean-up is not tied to the rollout finishing.",
                 res="Mitigated by rolling back the bundle."),
        ],
        "near_misses": [
            dict(t="canary caught a crashing {svc} build",
                 s="Canary analysis stopped the deploy of {svc} v{ver} after its pods crash-looped at 1% of traffic.",
                 trig="{svc} v{ver} deploy starts",
                 imp="Canary pods begin restarting",
                 diag="Automated canary analysis flags the restarts",
                 fix="Mitigated: deploy halted automatically; canary removed",
                 why=["The build crashed because of a missing setting default.",
                      "Unit tests set the variable, hiding the bug.",
                      "Only the canary stage caught it."],
                 sys="our tests do not run with production-like settings.",
                 lucky=["The deploy was not marked urgent, so the canary stage ran.",
                        "The canary slice was 1% of traffic, not the usual 10%."]),
            dict(t="regression in {svc} v{ver} found in staging soak",
                 s="A regression in {svc} v{ver} that would have broken {feature} was found by a staging soak test hours before the planned deploy.",
                 trig="{svc} v{ver} promoted to staging",
                 imp="Soak test shows {feature} requests degrading",
                 diag="Engineer bisects the soak test to a serializer change",
                 fix="Mitigated: deploy cancelled; fix merged",
                 why=["The serializer change required an optional field.",
                      "Contract tests always set the field.",
                      "The soak test is not a required gate."],
                 sys="the soak test only ran because someone chose to run it.",
                 lucky=["The soak test was run by habit, not by policy."]),
        ],
        "actions": [
            ("Make the canary stage mandatory, including for urgent deploys", "prevent"),
            ("Add a contract test for requests without optional fields", "prevent"),
            ("Keep the last three images so rollback never needs a rebuild", "mitigate"),
            ("Halt deploys automatically when new pods crash-loop", "mitigate"),
            ("Roll out {svc} region by region with a bake time", "prevent"),
            ("Add a browser smoke test for {feature} before full rollout", "detect"),
            ("Delete old assets only after the rollout finishes", "prevent"),
            ("Make the staging soak test a required gate", "process"),
        ],
    },
    "capacity": {
        "incidents": [
            dict(t="{svc} saturated during traffic spike",
                 s="A traffic spike from a marketing campaign saturated {svc}, and {feature} slowed to a crawl before we added capacity.",
                 trig="Campaign email sent to ~2M subscribers",
                 imp="{svc} CPU hits 100%; latency for {feature} climbs and requests time out",
                 diag="On-call sees request volume at 4x normal",
                 fix="Extra instances online; latency returns to baseline",
                 why=["Requests timed out because every {svc} instance was at full CPU.",
                      "Instances could not be added fast enough because the autoscaler maximum was reached.",
                      "The maximum was set two years ago for half today's traffic.",
                      "Marketing campaigns are not shared with the on-call team in advance."],
                 sys="nobody owns the capacity numbers once they are set.",
                 res="Mitigated by adding capacity by hand."),
            dict(t="Disk full on {svc} halts writes",
                 s="A disk full condition on {svc} stopped all writes, so {feature} could not save new data for a while.",
                 trig="Debug logging left on after an earlier investigation",
                 imp="Writes on {svc} start failing with no space left on device",
                 diag="On-call finds the volume at 100% and the debug logs growing",
                 fix="Old logs removed and volume grown; writes recover",
                 why=["Writes failed because the data volume reached 100%.",
                      "It filled up because verbose logging was left on.",
                      "The disk usage warning sent email to a list nobody reads.",
                      "Log rotation keeps files by count, not by size."],
                 sys="a forgotten setting could fill a disk with no one paged.",
                 res="Mitigated by freeing space and growing the volume."),
            dict(t="Kafka consumer lag delays {feature}",
                 s="Consumer lag on the {svc} topic grew to {k} thousand messages after an order surge, delaying {feature}.",
                 trig="Order volume doubles during a flash sale",
                 imp="Consumer lag climbs steadily; messages for {feature} start arriving late",
                 diag="On-call finds the consumer group limited to 6 partitions",
                 fix="Partitions and consumers added; lag drains back to zero",
                 why=["Messages for {feature} ran late because consumers could not keep up.",
                      "The consumer group cannot scale past the partition count.",
                      "The partition count was chosen when volume was a tenth of today.",
                      "There is no lag alert, only a dashboard."],
                 sys="throughput limits were fixed at design time and never revisited.",
                 res="Mitigated by adding partitions and consumers."),
            dict(t="{svc} pods OOMKilled under load",
                 s="{svc} pods ran out of memory under peak load and were OOMKilled in a loop, so {feature} kept failing until memory limits were raised.",
                 trig="Weekly peak begins; request payloads larger than usual",
                 imp="{svc} pods restart repeatedly; {feature} errors climb to ~{pct}%",
                 diag="Kubernetes events show OOMKilled restarts",
                 fix="Memory limit raised and pods restarted; errors subside",
                 why=["Pods restarted because they exceeded their memory limit.",
                      "Large payloads are buffered fully in memory.",
                      "Limits were set from average, not peak, usage.",
                      "Load tests use small payloads only."],
                 sys="limits were sized for the average day, not the peak.",
                 res="Mitigated by raising the memory limit."),
        ],
        "near_misses": [
            dict(t="disk on {svc} reached 95% before clean-up",
                 s="The data volume on {svc} reached 95% and was hours from disk full when an engineer cleared old files.",
                 trig="Retention job silently stops deleting old files",
                 imp="Disk usage on {svc} passes 90%",
                 diag="Engineer traces growth to the retention job",
                 fix="Mitigated: old files removed; usage back to 60%",
                 why=["Usage grew because the retention job had stopped.",
                      "The retention job has no success check.",
                      "The 90% warning is not paged."],
                 sys="clean-up jobs fail silently.",
                 lucky=["An engineer was looking at the dashboard for another reason.",
                        "Traffic was low over the weekend, so the disk filled slowly."]),
            dict(t="{svc} close to autoscaling ceiling during peak",
                 s="During the weekly peak {svc} reached 95% of its autoscaling ceiling; a bigger spike would have left {feature} without capacity.",
                 trig="Weekly peak begins",
                 imp="{svc} instance count reaches 38 of a maximum of 40",
                 diag="Capacity review spots the near-ceiling peak",
                 fix="Mitigated: autoscaling ceiling raised to 80",
                 why=["The ceiling was sized for last year's traffic.",
                      "Nobody reviews ceilings when traffic grows.",
                      "There is no alert on headroom."],
                 sys="capacity limits have no owner.",
                 lucky=["The peak was 5% lower than the week before."]),
        ],
        "actions": [
            ("Raise the {svc} autoscaling maximum and review it quarterly", "prevent"),
            ("Page on-call when disk usage passes 85%", "detect"),
            ("Rotate logs by size, not by count", "prevent"),
            ("Add a consumer lag alert for {svc}", "detect"),
            ("Share the marketing calendar with on-call", "process"),
            ("Load-test {svc} with peak-sized payloads", "prevent"),
            ("Stream large payloads instead of buffering them", "prevent"),
            ("Alert on capacity headroom below 20%", "detect"),
        ],
    },
    "dependency-failure": {
        "incidents": [
            dict(t="Third-party {vendor} outage breaks {feature}",
                 s="The {vendor} had an outage and, because {svc} had no fallback for this dependency, {feature} failed until they recovered.",
                 trig="The {vendor} starts returning 503s",
                 imp="{Feature} errors climb to ~{pct}%",
                 diag="Vendor status page confirms an incident on their side",
                 fix="Vendor recovers; {feature} back to normal",
                 why=["{Feature} failed because every call to the vendor failed.",
                      "{svc} retries each call three times, tripling the wait.",
                      "There is no circuit breaker or cached fallback.",
                      "The vendor SLA was never checked against our own SLO."],
                 sys="a single vendor sits on the critical path with no fallback.",
                 res="Resolved when the vendor recovered; we added a temporary fallback."),
            dict(t="Upstream timeouts from {vendor} slow {svc}",
                 s="Slow responses from the upstream {vendor} tied up {svc} worker threads and made {feature} slow for everyone.",
                 trig="The {vendor} latency rises from 200 ms to 20 s",
                 imp="{svc} worker threads exhausted; latency for {feature} climbs",
                 diag="Thread dump shows every worker waiting on the vendor",
                 fix="Mitigated: vendor calls disabled with a kill switch; latency recovers",
                 why=["{Feature} slowed because all workers were blocked.",
                      "Calls to the vendor had a 30 s timeout.",
                      "Vendor calls share the worker pool with everything else.",
                      "The kill switch existed but was not in the runbook."],
                 sys="one slow dependency can starve unrelated work.",
                 res="Mitigated by switching off the vendor calls."),
            dict(t="{Feature} degraded by {vendor} API errors",
                 s="The {vendor} changed an API response without notice and our parser for this dependency rejected it, degrading {feature}.",
                 trig="The {vendor} ships a new API response format",
                 imp="{Feature} requests start failing on parse",
                 diag="Logs show unknown fields in the vendor response",
                 fix="Parser made tolerant and hot-patched; failures stop",
                 why=["Responses were rejected because the parser is strict about unknown fields.",
                      "The vendor announced the change only on a changelog page.",
                      "No one subscribes to the vendor changelog."],
                 sys="a strict parser turns any vendor change into an outage.",
                 res="Resolved by relaxing the parser."),
        ],
        "near_misses": [],
        "actions": [
            ("Add a circuit breaker around {vendor} calls", "mitigate"),
            ("Cache the last good vendor response as a fallback", "mitigate"),
            ("Cut the vendor call timeout to 2 s", "prevent"),
            ("Move vendor calls to their own worker pool", "prevent"),
            ("Add the vendor kill switch to the {svc} runbook", "process"),
            ("Subscribe the team channel to the vendor changelog", "process"),
            ("Review vendor SLAs against our SLOs", "process"),
        ],
    },
    "database": {
        "incidents": [
            dict(t="Database failover stalls {svc}",
                 s="An unplanned database failover on {svc} took {outage} instead of seconds, and {feature} could not write in the meantime.",
                 trig="Primary database host loses its storage volume",
                 imp="Writes from {svc} fail; {feature} unavailable",
                 diag="On-call finds the standby waiting on a health check",
                 fix="Standby promoted by hand; writes recover",
                 why=["Writes failed because there was no primary for {outage}.",
                      "Automatic promotion waited for three failed health checks of 60 s each.",
                      "The health check interval was never tuned after the move to new hosts.",
                      "Manual promotion steps were out of date in the runbook."],
                 sys="our recovery path was slower than the outage it was meant to shorten.",
                 res="Mitigated by promoting the standby."),
            dict(t="Replication lag on {svc} serves old reads",
                 s="Replication lag on the {svc} read replica reached several minutes, so {feature} showed outdated data.",
                 trig="Large bulk update on the {table} table starts",
                 imp="Replica lag climbs past 5 minutes; users see outdated {feature}",
                 diag="On-call links the lag to the bulk update",
                 fix="Bulk update paused; replica catches up",
                 why=["Reads were outdated because the replica was minutes behind.",
                      "The bulk update ran as one huge transaction.",
                      "Bulk updates are not throttled.",
                      "Reads do not fall back to the primary when lag is high."],
                 sys="bulk work and user reads share one replica with no guard.",
                 res="Mitigated by pausing the bulk update."),
            dict(t="Schema migration locks {table} table",
                 s="A schema migration took an exclusive lock on the {table} table for {outage}, blocking every write from {svc}.",
                 trig="Schema migration on {table} starts during business hours",
                 imp="Writes to {table} queue up; {feature} requests time out",
                 diag="Lock view shows the migration holding an exclusive lock",
                 fix="Migration cancelled; writes recover",
                 why=["Writes blocked because the migration held an exclusive lock.",
                      "Adding a column with a default rewrote the whole table on this version.",
                      "Migrations are not checked for locking behaviour.",
                      "There is no lock timeout on migration sessions."],
                 sys="migrations can take locks with no timeout.",
                 res="Resolved by cancelling the migration and re-running it online."),
            dict(t="Connection pool exhausted on {svc}",
                 s="The {svc} connection pool to the database ran dry after a slow query held connections, and {feature} requests queued until they timed out.",
                 trig="New report query starts running every minute",
                 imp="{svc} requests wait for a free connection; timeouts climb",
                 diag="On-call finds all connections busy with the same slow query",
                 fix="Report query disabled; pool recovers",
                 why=["Requests timed out because no connection was free.",
                      "One slow query held most connections.",
                      "The report query ran on the primary instead of a replica.",
                      "There is no statement timeout for reporting users."],
                 sys="one workload could take every connection.",
                 res="Mitigated by turning off the report query."),
        ],
        "near_misses": [
            dict(t="database backup restore test failed",
                 s="A routine database restore test for {svc} failed, which means a real data loss would have been unrecoverable for days.",
                 trig="Monthly restore drill for {svc} starts",
                 imp="Restore aborts on a corrupt backup chunk",
                 diag="Engineer finds backups had been incomplete for 3 weeks",
                 fix="Mitigated: fresh full backup taken and verified",
                 why=["The backups were incomplete because an upload step timed out.",
                      "The backup job reports success even when uploads fail.",
                      "Only the monthly drill checks backups."],
                 sys="backups are trusted without being verified.",
                 lucky=["The restore drill happened before any real data loss.",
                        "The drill had been skipped the previous two months and was run this time."]),
        ],
        "actions": [
            ("Tune database health checks so promotion takes under 30 s", "mitigate"),
            ("Update the manual promotion runbook and rehearse it", "process"),
            ("Throttle bulk updates on {table}", "prevent"),
            ("Send reads to the primary when replica lag passes 30 s", "mitigate"),
            ("Lint migrations for exclusive locks in CI", "prevent"),
            ("Set a lock timeout for migration sessions", "prevent"),
            ("Set a statement timeout for reporting users", "prevent"),
            ("Verify every backup with an automatic restore", "detect"),
        ],
    },
    "network": {
        "incidents": [
            dict(t="DNS resolution failures for {svc}",
                 s="Internal DNS lookups for {svc} failed after a zone record was removed, so {feature} could not reach its backends.",
                 trig="Cleanup script removes unused records from the internal zone",
                 imp="Lookups for {svc} return NXDOMAIN; requests for {feature} fail",
                 diag="On-call runs dig and finds the record missing",
                 fix="Record restored; lookups succeed again",
                 why=["{Feature} failed because its backend name no longer resolved.",
                      "The cleanup script judged the record unused from one day of query logs.",
                      "The script ran without a dry-run review.",
                      "Cached answers hid the problem for an hour, then expired together."],
                 sys="the cleanup tooling had no review step.",
                 res="Resolved by restoring the record."),
            dict(t="Packet loss between zones slows {svc}",
                 s="Packet loss on a network link between two data halls made calls to {svc} slow and flaky, degrading {feature}.",
                 trig="Link between two data halls starts dropping packets",
                 imp="{svc} p99 latency triples; timeouts for {feature} climb",
                 diag="Traceroutes show loss on one switch pair",
                 fix="Traffic drained off the faulty link; latency recovers",
                 why=["Calls were slow because about 3% of packets were lost.",
                      "Traffic kept using the link because loss below 5% does not trigger a drain.",
                      "Switch error counters are not in any alert."],
                 sys="partial failures do not trigger automatic drains.",
                 res="Mitigated by draining the link."),
            dict(t="Load balancer health checks drain {svc}",
                 s="A change to load balancer health checks marked every {svc} instance unhealthy, so {feature} traffic had nowhere to go.",
                 trig="Health check path for {svc} changed in the load balancer",
                 imp="All {svc} instances out of rotation; {feature} returns 503",
                 diag="Load balancer shows zero healthy targets",
                 fix="Health check path reverted; instances back in rotation",
                 why=["Traffic failed because no instance was healthy.",
                      "The new health check path did not exist on the instances.",
                      "The load balancer has no floor: it will drain every target."],
                 sys="the load balancer allows draining every target at once.",
                 res="Resolved by reverting the health check path."),
            dict(t="Firewall rule blocks traffic to {svc}",
                 s="A new firewall rule meant for test hosts also matched {svc}, blocking {feature} traffic.",
                 trig="Firewall rule set updated",
                 imp="Connections to {svc} start getting refused",
                 diag="Rule hit counters show the new rule matching production",
                 fix="Rule removed; connections succeed again",
                 why=["Traffic was refused because the new rule matched production hosts.",
                      "The rule used a wide address range.",
                      "Rule changes are not checked against production address ranges."],
                 sys="rule changes are checked by eye only.",
                 res="Resolved by removing the rule."),
        ],
        "near_misses": [
            dict(t="firewall rule would have blocked {svc}",
                 s="A firewall rule review found a queued change that would have blocked all traffic to {svc}.",
                 trig="Firewall rule change queued for the nightly window",
                 imp="Dry run shows the rule matching {svc} hosts",
                 diag="Reviewer notices the wide address range",
                 fix="Mitigated: rule narrowed before the window",
                 why=["The rule used a wide address range.",
                      "Dry runs are optional."],
                 sys="the dry run only ran because the reviewer asked for it.",
                 lucky=["The reviewer asked for a dry run on a hunch."]),
        ],
        "actions": [
            ("Add a dry-run and review step to the DNS cleanup script", "process"),
            ("Alert on switch error counters", "detect"),
            ("Drain links automatically at 1% packet loss", "mitigate"),
            ("Set a minimum healthy-target floor on the load balancer", "prevent"),
            ("Check firewall rules against production ranges in CI", "prevent"),
            ("Make firewall dry runs mandatory", "process"),
        ],
    },
    "certificate-expiry": {
        "incidents": [
            dict(t="Expired TLS certificate breaks {svc}",
                 s="The TLS certificate for {host} expired, so clients of {svc} refused to connect and {feature} failed.",
                 trig="Certificate for {host} reaches its expiry time",
                 imp="Clients of {svc} start failing the TLS handshake",
                 diag="On-call runs openssl and sees the expired certificate",
                 fix="Renewed certificate installed; handshakes succeed",
                 why=["Clients refused to connect because the certificate had expired.",
                      "Auto-renewal had failed for 30 days without anyone noticing.",
                      "Renewal failures went to a mailbox that nobody reads.",
                      "There is no alert on days-to-expiry."],
                 sys="renewal failures were invisible.",
                 res="Resolved by installing a renewed certificate."),
            dict(t="Missing intermediate cert after renewal on {svc}",
                 s="After a certificate renewal, {svc} served no intermediate cert, so older clients could not verify it and {feature} failed for them.",
                 trig="Renewed certificate installed on {svc}",
                 imp="Older Android clients start failing the handshake",
                 diag="SSL checker shows an incomplete chain",
                 fix="Full chain installed; older clients connect again",
                 why=["Older clients failed because the chain was incomplete.",
                      "The renewal script copied only the leaf cert.",
                      "Our checks use modern clients that fetch missing intermediates."],
                 sys="our checks do not test what our oldest clients see.",
                 res="Resolved by installing the full chain."),
        ],
        "near_misses": [
            dict(t="TLS certificate for {host} two days from expiry",
                 s="The TLS certificate for {host} was found two days before expiry after auto-renewal had silently failed.",
                 trig="Auto-renewal for {host} fails",
                 imp="Certificate for {host} enters its last 48 hours",
                 diag="Engineer finds the renewal job failing for 28 days",
                 fix="Mitigated: certificate renewed by hand",
                 why=["Renewal failed because the validation account had been disabled.",
                      "Renewal failures are only logged.",
                      "There is no days-to-expiry alert."],
                 sys="renewal depends on luck to be noticed.",
                 lucky=["An engineer checked the certificate while debugging something else.",
                        "It was a weekday, not a holiday weekend."]),
        ],
        "actions": [
            ("Alert when any certificate has less than 14 days left", "detect"),
            ("Page on auto-renewal failures", "detect"),
            ("Serve and check the full chain on {svc}", "prevent"),
            ("Add an old-client handshake check for {host}", "detect"),
            ("Inventory every certificate and its owner", "process"),
        ],
    },
    "data-pipeline": {
        "incidents": [
            dict(t="Nightly ETL job writes duplicate orders",
                 s="The nightly ETL job ran twice after a retry and wrote duplicate rows into {table}, inflating {feature} by about {pct}%.",
                 trig="Nightly ETL job retried after a transient scheduler restart",
                 imp="{Feature} numbers jump by ~{pct}%",
                 diag="Analyst notices totals double-counted for one day",
                 fix="Duplicate rows deleted and reports rebuilt",
                 why=["Totals were wrong because the same day was loaded twice.",
                      "The ETL job appends instead of replacing the partition.",
                      "Retries are automatic and silent.",
                      "No check compares daily totals with the source."],
                 sys="the ETL job is not idempotent.",
                 res="Resolved by removing the duplicates and rebuilding reports."),
            dict(t="Stale data in {feature} after pipeline stall",
                 s="The {svc} pipeline stalled on a malformed record and {feature} showed stale data until it caught up.",
                 trig="Malformed record arrives in the source stream",
                 imp="Pipeline stops advancing; data for {feature} stuck at the last good load",
                 diag="Engineer finds the stuck task in the scheduler",
                 fix="Bad record skipped; pipeline catches up",
                 why=["{Feature} froze because the pipeline stopped on one bad record.",
                      "The pipeline has no dead-letter path for bad records.",
                      "Freshness is not monitored, only task failures."],
                 sys="one bad record can stop everything.",
                 res="Mitigated by skipping the bad record."),
            dict(t="Backfill overwrites {table} partitions",
                 s="A backfill meant for one month overwrote a whole year of {table} partitions, and {feature} showed wrong history until restored.",
                 trig="Backfill for {table} started with a wrong date range",
                 imp="{Feature} history changes for the past year",
                 diag="Analyst reports numbers that differ from last week's export",
                 fix="Partitions restored from snapshots",
                 why=["History changed because the backfill overwrote a year of partitions.",
                      "The date range parameter defaults to one year.",
                      "Backfills need no review."],
                 sys="backfills are powerful and unreviewed.",
                 res="Resolved by restoring partitions from snapshots."),
        ],
        "near_misses": [
            dict(t="backfill with a wrong date range stopped early",
                 s="A backfill for {table} started with a year-long date range instead of a month, and was stopped after two partitions.",
                 trig="Backfill for {table} started",
                 imp="First partitions rewritten",
                 diag="Engineer notices the job's partition count",
                 fix="Mitigated: backfill stopped; two partitions restored",
                 why=["The date range defaulted to one year.",
                      "Backfills need no review."],
                 sys="backfills are unreviewed.",
                 lucky=["The engineer watched the job start instead of leaving it."]),
        ],
        "actions": [
            ("Make the ETL load replace partitions instead of appending", "prevent"),
            ("Add a dead-letter path for bad records", "mitigate"),
            ("Alert on {feature} freshness", "detect"),
            ("Compare daily totals with the source system", "detect"),
            ("Require review for backfills over 7 days", "process"),
        ],
    },
    "security": {
        "incidents": [
            dict(t="Leaked API key for {svc} rotated",
                 s="An API key for {svc} was committed to a public repository; we rotated the credential and found no unauthorized use.",
                 trig="Commit containing the key pushed to a public fork",
                 imp="Key exposed publicly",
                 diag="Secret scanning alert reviewed; key confirmed live",
                 fix="Key revoked and replaced; no unauthorized calls found",
                 why=["The key was exposed because it lived in a local file that got committed.",
                      "The service still uses long-lived keys.",
                      "Pre-commit scanning is not set up on every laptop."],
                 sys="long-lived keys make every leak serious.",
                 res="Mitigated by revoking and replacing the key."),
            dict(t="Credential stuffing attack on {feature}",
                 s="A credential stuffing attack sent millions of login attempts to {svc}; rate limits slowed {feature} for real users.",
                 trig="Botnet starts sending login attempts",
                 imp="{svc} latency climbs; {feature} slow for real users",
                 diag="Traffic analysis shows attempts from ~40k addresses",
                 fix="Mitigated: bot rules enabled at the edge; latency recovers",
                 why=["Real users were slow because {svc} was busy with attack traffic.",
                      "Bot rules were in report-only mode.",
                      "There is no playbook for this kind of attack."],
                 sys="protection existed but was not switched on.",
                 res="Mitigated by enabling bot rules at the edge."),
        ],
        "near_misses": [
            dict(t="security scan found an exposed admin endpoint on {svc}",
                 s="A security scan found that a {svc} admin endpoint was reachable from the internet without authentication; there was no unauthorized access.",
                 trig="Admin endpoint exposed by a routing change",
                 imp="Admin endpoint reachable from the internet",
                 diag="Weekly scan flags the open endpoint",
                 fix="Mitigated: endpoint restricted to the VPN",
                 why=["The endpoint was exposed because a routing rule matched it.",
                      "Admin endpoints rely on being hidden rather than on authentication."],
                 sys="hidden is not the same as protected.",
                 lucky=["The weekly scan ran a day after the change."]),
        ],
        "actions": [
            ("Move {svc} to short-lived tokens", "prevent"),
            ("Enforce pre-commit secret scanning", "prevent"),
            ("Write a playbook for login attacks", "process"),
            ("Turn on bot rules in blocking mode", "prevent"),
            ("Require authentication on every admin endpoint", "prevent"),
        ],
    },
    "cloud-provider": {
        "incidents": [
            dict(t="AWS {region} availability zone outage degrades {svc}",
                 s="An AWS availability zone outage in {region} took down a third of {svc}, and {feature} was degraded until traffic shifted.",
                 trig="Hardware fault develops in one provider zone",
                 imp="A third of {svc} instances unreachable; {feature} errors climb",
                 diag="Provider status page confirms the zone problem",
                 fix="Mitigated: traffic shifted to healthy zones",
                 why=["{Feature} degraded because one zone held a third of our instances.",
                      "Shifting traffic is manual.",
                      "The other zones had no spare headroom."],
                 sys="we planned for zone loss on paper only.",
                 res="Mitigated by shifting traffic to healthy zones."),
            dict(t="Cloud provider API errors block {svc} scaling",
                 s="The cloud provider's control API returned errors for two hours, so {svc} could not add instances and {feature} slowed at peak.",
                 trig="Provider control API starts failing requests",
                 imp="New {svc} instances fail to launch; latency for {feature} rises",
                 diag="Launch errors match the provider's status page",
                 fix="Provider recovers; instances launch again",
                 why=["{Feature} slowed because no new instances could launch.",
                      "We keep no warm spare instances.",
                      "The runbook assumed launches always work."],
                 sys="scaling depends on a control plane we do not run.",
                 res="Resolved when the provider recovered."),
        ],
        "near_misses": [],
        "actions": [
            ("Automate traffic shifting between zones", "mitigate"),
            ("Keep 30% headroom in each zone", "prevent"),
            ("Keep warm spare instances for {svc}", "mitigate"),
            ("Run a zone-loss game day", "process"),
        ],
    },
}

GENERIC_ACTIONS = [
    ("Add a paging alert on {svc} error rate", "detect"),
    ("Add {feature} to the synthetic check suite", "detect"),
    ("Write a runbook section for this failure", "process"),
    ("Add an SLO burn-rate alert for {feature}", "detect"),
    ("Review the on-call escalation policy", "process"),
    ("Add a status page template for {feature} problems", "process"),
]
CUSTOMER_ACTION = ("Alert before customers notice: add an SLO alert for {feature}", "detect")

WENT_WELL = [
    "On-call found the cause quickly from recent changes.",
    "The rollback procedure worked cleanly once the cause was clear.",
    "One incident commander, one scribe: the channel stayed focused.",
    "The status page was updated early and kept current.",
    "The runbook for {svc} was accurate and easy to follow.",
    "Support had customer messaging ready within minutes.",
    "Dashboards for {svc} showed the problem clearly.",
    "People from two teams joined quickly and split the work well.",
]
LUCKY_GENERIC = [
    "It happened during business hours with the whole team online.",
    "Traffic was at its weekly low.",
    "The person who built the system was on call.",
]
WHY_REPEAT = "The fix from the previous incident did not cover this path."
NOISE_TITLES = [
    "Upgrade base image for {svc}", "Bump client library versions in {svc}",
    "Flaky integration test in {svc}", "Quarterly access review", "Clean up unused dashboards",
    "Document local setup for {svc}", "Remove dead code in {svc}", "Add tracing to {svc}",
    "Rotate service account keys", "Investigate slow CI for {svc}", "Update on-call handbook",
    "Migrate {svc} to the new logging agent",
]
NOISE_LABELS = ["tech-debt", "chore", "toil", "docs", "ci"]
PD_EXTRA_TITLES = [
    "{svc}: error rate above 5%", "High latency on {svc}", "Disk usage above 85% on {svc}",
    "Synthetic check failing: {feature}", "{svc}: pod restarts above threshold",
    "Error budget burn rate high: {feature}", "{svc} health check flapping",
    "Queue depth high on {svc}",
]
PD_TITLES = [
    "{svc}: error rate above threshold", "[SLO] {feature} burn rate critical",
    "{svc} 5xx rate high", "Synthetic check failing: {feature}", "{svc} latency p99 above 2s",
]


# --------------------------------------------------------------------------------------
# Model
# --------------------------------------------------------------------------------------
@dataclass
class Ticket:
    team: Team
    title: str
    created: datetime
    due: date | None
    state: str                    # "To Do" | "In Progress" | "In Review" | "Done" | "Won't Do"
    resolved: datetime | None
    updated: datetime
    cat_changed: datetime
    assignee: tuple[str, str] | None
    reporter: tuple[str, str]
    labels: list[str]
    description: str
    priority: str
    issue_type: str = "Task"
    is_pr: bool = False
    number: int = 0
    key: str = ""
    issue_id: int = 0


@dataclass
class Item:
    text: str
    kind: str
    owner: str                    # "@handle", "" or "TBD"
    due: date | None
    ticket: Ticket | None
    status: str                   # at `end`: "open" | "done" | "wont_do"
    done_at: datetime | None = None
    closed_at: datetime | None = None   # done or won't-do decision, if it happened by `end`
    doc_status: str = ""          # what the front-matter doc's Status column says


@dataclass
class Incident:
    idx: int
    team: Team
    cls: str
    near_miss: bool
    severity: str | None
    start: datetime
    trigger: datetime
    detect: datetime
    mitigate: datetime
    resolve: datetime
    detection: str                # "alert" | "synthetic" | "customer" | "engineer" | "review"
    services: list[str]
    title: str = ""
    summary: str = ""
    rows: list = field(default_factory=list)
    factors: list[str] = field(default_factory=list)
    systemic: str = ""
    items: list[Item] = field(default_factory=list)
    went_well: list[str] = field(default_factory=list)
    lucky: list[str] = field(default_factory=list)
    impact: list[str] = field(default_factory=list)
    fmt: str = "house"            # "house" | "yaml"
    doc_status: str = "Reviewed"
    show_class: bool = True
    owner: str = ""
    inc_id: str = ""
    pd: dict | None = None
    repeat_of: "Incident | None" = None
    path: str = ""
    scenario: int = -1
    feature: str = ""
    pd_ref: bool = False
    written: date | None = None    # when the postmortem was written up
    reviewed: date | None = None   # when it was reviewed (Reviewed documents only)


@dataclass
class Corpus:
    files: dict[str, str]         # relative path -> text
    incidents: list[Incident]
    tickets: list[Ticket]
    pd_rows: list[dict]
    pd_extra: int

    def counts(self) -> dict:
        return {
            "postmortems": len(self.incidents),
            "near_misses": sum(1 for i in self.incidents if i.near_miss),
            "tickets": len(self.tickets),
            "incident_rows": len(self.pd_rows),
        }


# --------------------------------------------------------------------------------------
# Formatting helpers
# --------------------------------------------------------------------------------------
def _iso(dt: datetime) -> str:
    return f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}T{dt.hour:02d}:{dt.minute:02d}:{dt.second:02d}Z"


def _hm(dt: datetime) -> str:
    return f"{dt.hour:02d}:{dt.minute:02d}"


def _ymdhm(dt: datetime) -> str:
    return f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d} {dt.hour:02d}:{dt.minute:02d}"


def _jira_dt(dt: datetime) -> str:
    h = dt.hour % 12 or 12
    return f"{dt.day:02d}/{MONTHS[dt.month - 1]}/{dt.year % 100:02d} {h}:{dt.minute:02d} {'AM' if dt.hour < 12 else 'PM'}"


def _jira_date(d: date) -> str:
    return f"{d.day:02d}/{MONTHS[d.month - 1]}/{d.year % 100:02d}"


def _mon_d(d: date) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}"


def _minutes(a: datetime, b: datetime) -> int:
    return int((b - a).total_seconds() // 60)


def _dur_short(mins: int) -> str:
    if mins < 120:
        return f"{mins} min"
    h, m = divmod(mins, 60)
    return f"{h} h {m} min" if m else f"{h} h"


def _dur_words(mins: int) -> str:
    if mins < 90:
        return f"{mins} minutes"
    hours = round(mins / 60)
    return f"about {hours} hours" if hours < 48 else f"about {round(hours / 24)} days"


_SLUG = re.compile(r"[^a-z0-9]+")


def _slug(title: str) -> str:
    s = _SLUG.sub("-", title.lower()).strip("-")
    if len(s) > 60:
        s = s[:60].rsplit("-", 1)[0]
    return s or "incident"


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


class _Ctx(dict):
    def __missing__(self, key):          # unknown placeholder: leave it visible
        return "{" + key + "}"


def _fill(tpl: str, ctx: dict) -> str:
    return tpl.format_map(ctx)


def _yaml_str(s: str) -> str:
    if re.search(r"[:#\[\]{},&*!|>'\"%@`]", s) or s != s.strip():
        return json.dumps(s, ensure_ascii=False)
    return s


# --------------------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------------------
class _Gen:
    def __init__(self, incidents: int, seed: int, end: date):
        self.n = int(incidents)
        self.seed = seed
        self.rng = random.Random(seed)
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
        rng = self.rng
        incidents: list[Incident] = []
        recent: deque[Incident] = deque()       # recurring-class incidents of the last 90 days
        year_seq: dict[int, int] = {}
        starts = self.start_times()
        # An exact share of near misses (19%), so even small runs stay in the 15-25% band.
        near = frozenset(rng.sample(range(self.n), int(round(self.n * 0.19))))
        for idx, start in enumerate(starts):
            while recent and (start - recent[0].start).days > 90:
                recent.popleft()
            near_miss = idx in near
            repeat_of = None
            if not near_miss and recent and self.chance(0.22):
                repeat_of = recent[rng.randrange(len(recent))]
                team, cls = repeat_of.team, repeat_of.cls
            else:
                team = self.pick_cum(TEAMS, self.team_cum)
                if near_miss:
                    cls = self.pick_cum(self.nm_names, self.nm_cum)
                else:
                    cls = self.pick_cum(self.class_names, self.team_class_cum[team.name])
            year_seq[start.year] = year_seq.get(start.year, 0) + 1
            inc_id = f"INC-{start.year}-{year_seq[start.year]:04d}"
            inc = self.make_incident(idx, inc_id, start, team, cls, near_miss, repeat_of)
            incidents.append(inc)
            if not near_miss and cls in RECURRING:
                recent.append(inc)
        return incidents

    def make_incident(self, idx, inc_id, start, team, cls, near_miss, repeat_of) -> Incident:
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
        svcs = list(team.services)
        primary = repeat_of.services[0] if repeat_of else svcs[rng.randrange(len(svcs))]
        services = [primary]
        if self.chance(0.6):
            other = svcs[rng.randrange(len(svcs))]
            if other != primary:
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
        outage = _minutes(inc.start, inc.mitigate)
        major = rng.randrange(1, 9)
        minor = rng.randrange(0, 40)
        patch = rng.randrange(0, 10)
        ctx = _Ctx(
            svc=inc.services[0], svc2=inc.services[-1], feature=feature, Feature=_cap(feature),
            flag=team.flags[rng.randrange(len(team.flags))], pr=rng.randrange(200, 9000),
            ver=f"{major}.{minor}.{patch}", prev=f"{major}.{minor}.{max(0, patch - 1)}" if patch else f"{major}.{max(0, minor - 1)}.9",
            vendor=team.vendors[rng.randrange(len(team.vendors))],
            table=team.tables[rng.randrange(len(team.tables))], host=team.host,
            region=("us-east-1", "eu-west-1", "us-west-2")[rng.randrange(3)],
            pct=pcts[rng.randrange(len(pcts))], n=f"{rng.randrange(3, 90) * scale:,}",
            ms=(50, 100, 250, 5)[rng.randrange(4)], k=rng.randrange(50, 900), eng=rng.randrange(5, 200), outage=_dur_words(outage),
        )
        nm = inc.near_miss
        title = _fill(sc["t"], ctx)
        inc.title = ("Near miss: " + title) if nm else _cap(title)
        # Summary.
        parts = [_cap(_fill(sc["s"], ctx))]
        if nm:
            parts.append("There was no customer impact.")
        else:
            parts.append(_fill(rng.choice((
                "{Feature} was affected for " + _dur_words(outage) + ".",
                "The impact lasted " + _dur_words(outage) + ".",
                "Users felt it for " + _dur_words(outage) + ".")), ctx))
            parts.append(_fill(sc["res"], ctx))
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
        rows = [(inc.trigger, _fill(sc["trig"], ctx)), (inc.start, _fill(sc["imp"], ctx))]
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
        span = _minutes(rows[-1][0], inc.mitigate)
        if span >= 4:
            diag_at = rows[-1][0] + timedelta(minutes=max(1, int(span * rng.uniform(0.35, 0.75))))
            if not nm and inc.severity in ("SEV-1", "SEV-2") and span >= 8 and self.chance(0.6):
                ch = rows[-1][0] + timedelta(minutes=max(1, int(span * 0.2)))
                if ch < diag_at:
                    rows.append((ch, f"Incident channel opened; @{inc.owner} takes incident command"))
                    if self.chance(0.5) and ch + timedelta(minutes=2) < diag_at:
                        rows.append((ch + timedelta(minutes=2), "Status page updated: investigating"))
            rows.append((diag_at, _fill(sc["diag"], ctx)))
        rows.append((inc.mitigate, _fill(sc["fix"], ctx)))
        if inc.resolve > inc.mitigate and self.chance(0.75):
            rows.append((inc.resolve, rng.choice(("Incident resolved; monitoring confirms a steady state",
                                                  "Incident resolved after a period of clean metrics",
                                                  "Incident closed; follow-ups filed"))))
        else:
            inc.resolve = inc.mitigate
        inc.rows = rows
        # Contributing factors: 3-5 whys.
        whys = [_fill(w, ctx) for w in sc["why"]]
        k = min(len(whys), rng.randrange(3, 6))
        inc.factors = whys[:k]
        if inc.repeat_of is not None:
            inc.factors.append(WHY_REPEAT)
        inc.systemic = _fill(sc["sys"], ctx)
        # Impact bullets.
        if nm:
            inc.impact = ["Customer impact: none (near miss)",
                          f"Exposure: {self.range_text(inc.start, inc.mitigate)} with no user-visible errors"]
        else:
            imp = team.impacts[rng.randrange(len(team.impacts))]
            inc.impact = [f"Duration: {self.range_text(inc.start, inc.mitigate)}",
                          "Users affected: " + _fill(imp, ctx)]
            if team.name == "payments" and inc.severity in ("SEV-1", "SEV-2"):
                inc.impact.append(f"Revenue at risk: ~${rng.randrange(3, 90)}k | Error-budget burned: {rng.randrange(5, 60)}% of the monthly budget")
        inc.impact.append("Services: " + ", ".join(inc.services))
        # What went well / lucky.
        ww = list(WENT_WELL)
        rng.shuffle(ww)
        inc.went_well = [_fill(w, ctx) for w in ww[:rng.randrange(1, 4)]]
        if nm:
            lucky = list(sc.get("lucky", [])) + LUCKY_GENERIC
            inc.lucky = lucky[:1] + rng.sample(lucky[1:], rng.randrange(0, 3))
        # Action items.
        self.make_items(inc, spec, ctx)

    def range_text(self, a: datetime, b: datetime) -> str:
        mins = _minutes(a, b)
        if a.date() == b.date():
            return f"{_hm(a)}–{_hm(b)} UTC ({_dur_short(mins)})"
        return f"{_ymdhm(a)}–{_ymdhm(b)} UTC ({_dur_short(mins)})"

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
            text = _fill(text_tpl, ctx)
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
            room = max(0, _minutes(created, self.end_dt))
            cat_changed = created if state == "To Do" else created + timedelta(minutes=rng.randrange(room + 1) // 3)
            updated = cat_changed + timedelta(minutes=rng.randrange(max(1, _minutes(cat_changed, self.end_dt) + 1)))
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
            "created_at": _iso(created),
            "last_status_change_at": _iso(resolved),
            "resolved_at": _iso(resolved),
            "acknowledgements": ([{"at": _iso(ack), "acknowledger": {"summary": person[1]}}] if acked else []),
            "html_url": f"{PD_HOST}/incidents/{pid}",
        }


# --------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------
def _timeline_table(inc: Incident) -> list[str]:
    full = any(dt.date() != inc.start.date() for dt, _ in inc.rows)
    if full:
        out = ["| Time | Event |", "|------|-------|"]
        out += [f"| {_ymdhm(dt)} | {text} |" for dt, text in inc.rows]
    else:
        out = ["| Time  | Event |", "|-------|-------|"]
        out += [f"| {_hm(dt)} | {text} |" for dt, text in inc.rows]
    return out


def _owner_cell(item: Item) -> str:
    return item.owner


def _ticket_cell(item: Item) -> str:
    return item.ticket.key if item.ticket else ""


def render_house(inc: Incident) -> str:
    d = inc.start.date().isoformat()
    heading = inc.title if inc.near_miss else "Postmortem: " + inc.title
    lines = [f"# {heading} ({d})", ""]
    meta = [f"**Status:** {inc.doc_status}"]
    if inc.near_miss:
        meta.append("**Type:** Near miss")
    if inc.severity:
        meta.append(f"**Severity:** {inc.severity}")
    meta.append(f"**Owner:** @{inc.owner}")
    meta.append(f"**Team:** {inc.team.name}")
    if inc.show_class:
        meta.append(f"**Class:** {inc.cls}")
    if inc.written:
        meta.append(f"**Written:** {inc.written.isoformat()}")
    if inc.reviewed:
        meta.append(f"**Reviewed:** {inc.reviewed.isoformat()}")
    lines += [" | ".join(meta), "", "## Summary", inc.summary, "", "## Impact"]
    lines += [f"- {b}" for b in inc.impact]
    if inc.pd is not None and inc.pd_ref:
        lines.append(f"- PagerDuty: [{inc.pd['id']}]({inc.pd['html_url']})")
    lines += ["", "## Timeline (UTC)"] + _timeline_table(inc)
    lines += ["", "## Contributing factors (the 5 whys)"]
    lines += [f"{i}. {f}" for i, f in enumerate(inc.factors, 1)]
    lines.append(f"-> Systemic, not personal: {inc.systemic}")
    if inc.near_miss:
        lines += ["", "## Where we got lucky"] + [f"- {b}" for b in inc.lucky]
    lines += ["", "## Action items", "| # | Action | Owner | Due | Ticket |", "|---|--------|-------|-----|--------|"]
    for i, it in enumerate(inc.items, 1):
        due = _mon_d(it.due) if it.due else ""
        lines.append(f"| {i} | {it.text} | {_owner_cell(it)} | {due} | {_ticket_cell(it)} |")
    lines += ["", "## What went well"] + [f"- {b}" for b in inc.went_well]
    return "\n".join(lines) + "\n"


def render_yaml(inc: Incident) -> str:
    fm = ["---", f"id: {inc.inc_id}", f"title: {_yaml_str(inc.title)}", f"date: {inc.start.date().isoformat()}"]
    if inc.severity:
        fm.append(f"severity: {inc.severity}")
    fm.append(f"status: {inc.doc_status}")
    if inc.show_class:
        fm.append(f"class: {inc.cls}")
    fm.append(f"near_miss: {'true' if inc.near_miss else 'false'}")
    fm.append("services: [" + ", ".join(inc.services) + "]")
    fm.append(f"teams: [{inc.team.name}]")
    fm.append(f'owner: "@{inc.owner}"')
    if inc.pd is not None:
        fm.append(f"pagerduty: {inc.pd['id']}")
    if inc.written:
        fm.append(f"written: {inc.written.isoformat()}")
    if inc.reviewed:
        fm.append(f"reviewed: {inc.reviewed.isoformat()}")
    fm += [f"started_at: {_iso(inc.start)}", f"detected_at: {_iso(inc.detect)}",
           f"mitigated_at: {_iso(inc.mitigate)}", f"resolved_at: {_iso(inc.resolve)}", "---"]
    lines = fm + [f"# {inc.title}", "", "## Summary", inc.summary, "", "## Impact"]
    lines += [f"- {b}" for b in inc.impact]
    lines += ["", "## Timeline (UTC)"] + _timeline_table(inc)
    lines += ["", "## Contributing factors"] + [f"{i}. {f}" for i, f in enumerate(inc.factors, 1)]
    lines += ["", f"Systemic, not personal: {inc.systemic}"]
    if inc.near_miss:
        lines += ["", "## Where we got lucky"] + [f"- {b}" for b in inc.lucky]
    lines += ["", "## Action items", "| # | Action | Owner | Due | Ticket | Status |",
              "|---|--------|-------|-----|--------|--------|"]
    for i, it in enumerate(inc.items, 1):
        due = it.due.isoformat() if it.due else ""
        lines.append(f"| {i} | {it.text} | {_owner_cell(it)} | {due} | {_ticket_cell(it)} | {it.doc_status} |")
    lines += ["", "## What went well"] + [f"- {b}" for b in inc.went_well]
    return "\n".join(lines) + "\n"


JIRA_HEADER = ["Summary", "Issue key", "Issue id", "Issue Type", "Status", "Project key", "Priority",
               "Resolution", "Assignee", "Reporter", "Created", "Updated", "Resolved", "Due date",
               "Labels", "Labels", "Labels", "Sprint", "Description", "Status Category",
               "Status Category Changed"]
SPRINT_EPOCH = datetime(2023, 1, 2)


def render_jira(tickets: list[Ticket]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(JIRA_HEADER)
    for tk in sorted((t for t in tickets if t.team.tracker == "jira"), key=lambda t: -t.issue_id):
        category = {"To Do": "To Do", "In Progress": "In Progress", "In Review": "In Progress"}.get(tk.state, "Done")
        resolution = {"Done": "Done", "Won't Do": "Won't Do"}.get(tk.state, "")
        labels = (tk.labels + ["", "", ""])[:3]
        sprint = ""
        if tk.state != "To Do" or tk.issue_id % 3 == 0:
            n = (tk.cat_changed - SPRINT_EPOCH).days // 14 + 1
            sprint = f"{tk.team.project} Sprint {n}"
        w.writerow([
            tk.title, tk.key, tk.issue_id, tk.issue_type, tk.state, tk.team.project, tk.priority, resolution,
            tk.assignee[1] if tk.assignee else "", tk.reporter[1], _jira_dt(tk.created), _jira_dt(tk.updated),
            _jira_dt(tk.resolved) if tk.resolved else "", _jira_date(tk.due) if tk.due else "",
            *labels, sprint, tk.description, category, _jira_dt(tk.cat_changed),
        ])
    return buf.getvalue()


LABEL_COLORS = {"postmortem": "d73a4a", "incident-followup": "fbca04"}


def render_github(tickets: list[Ticket]) -> str:
    out = []
    for tk in sorted((t for t in tickets if t.team.tracker == "github"), key=lambda t: (t.created, t.number),
                     reverse=True):
        repo = tk.team.project
        closed = tk.state in ("Done", "Won't Do")
        kind = "pull" if tk.is_pr else "issues"
        obj = {
            "url": f"https://api.github.com/repos/{repo}/issues/{tk.number}",
            "repository_url": f"https://api.github.com/repos/{repo}",
            "html_url": f"https://github.com/{repo}/{kind}/{tk.number}",
            "id": tk.issue_id,
            "number": tk.number,
            "title": tk.title,
            "user": {"login": tk.reporter[0], "type": "User"},
            "labels": [{"name": lb, "color": LABEL_COLORS.get(lb, "c5def5")} for lb in tk.labels],
            "state": "closed" if closed else "open",
            "locked": False,
            "assignee": {"login": tk.assignee[0], "type": "User"} if tk.assignee else None,
            "assignees": [{"login": tk.assignee[0], "type": "User"}] if tk.assignee else [],
            "milestone": None,
            "comments": tk.issue_id % 7,
            "created_at": _iso(tk.created),
            "updated_at": _iso(tk.updated),
            "closed_at": _iso(tk.resolved) if closed and tk.resolved else None,
            "author_association": "MEMBER",
            "body": tk.description or None,
            "state_reason": ("completed" if tk.state == "Done" else "not_planned" if tk.state == "Won't Do" else None),
        }
        if tk.is_pr:
            obj["pull_request"] = {
                "url": f"https://api.github.com/repos/{repo}/pulls/{tk.number}",
                "html_url": f"https://github.com/{repo}/pull/{tk.number}",
                "merged_at": _iso(tk.resolved) if tk.state == "Done" and tk.resolved else None,
            }
            obj["state_reason"] = None
        out.append(obj)
    return _json_lines(out)


def _json_lines(objs: list) -> str:
    """A JSON array with one compact object per line (the C encoder; indent= is 10x slower)."""
    if not objs:
        return "[]\n"
    return "[\n" + ",\n".join(json.dumps(o, ensure_ascii=False) for o in objs) + "\n]\n"


def render_pd(rows: list[dict]) -> str:
    body = _json_lines(rows).rstrip("\n")
    return (f'{{"incidents": {body},\n"limit": {len(rows)}, "offset": 0, "more": false, "total": {len(rows)}}}\n')


def render_config() -> str:
    def q(s: str) -> str:
        return json.dumps(s)

    def sq(s: str) -> str:
        return "'" + s.replace("'", "''") + "'"

    lines = [
        "# Hindsight configuration for the generated demo corpus (written by loaders/demo.py).",
        "# Paths are relative to this file's folder.",
        "",
        "database: ../hindsight.duckdb         # the DuckDB file ingest builds (here: data/hindsight.duckdb)",
        "timezone: UTC                         # zone for times written without one",
        "",
        "sources:                              # glob patterns for each kind of input",
        '  postmortems: ["postmortems/**/*.md"]          # postmortem documents (house format and front matter)',
        '  trackers: ["trackers/*.csv", "trackers/*.json"] # Jira CSV and GitHub issues JSON exports',
        '  incidents: ["incidents/*.json"]              # PagerDuty GET /incidents export',
        "",
        "taxonomy:                             # incident classes, tried in this order when a document names no class",
        "  # keywords: case-insensitive substrings; patterns: case-insensitive regular expressions.",
        "  # Both are matched against the title, summary and contributing factors.",
    ]
    for name, rules in TAXONOMY.items():
        lines.append(f"  {name}:                # {CLASS_NOTES[name]}")
        lines.append("    keywords: [" + ", ".join(q(k) for k in rules["keywords"]) + "]   # substrings")
        lines.append("    patterns: [" + ", ".join(sq(p) for p in rules["patterns"]) + "]   # regexes")
    lines += [
        "",
        "sla_days:                             # action-item deadline (days after creation) when an item has no due date",
        "  1: 14                               # SEV-1",
        "  2: 30                               # SEV-2",
        "  default: 60                         # every other severity, and unknown",
        "",
        "recurrence_window_days: 90            # a same-class incident within this many days counts as a repeat",
        "min_sample: 10                        # below this many incidents per bucket, show \"not enough data\"",
    ]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------
def build(incidents: int = 200, seed: int = 7, end: date = date(2026, 10, 31), progress=None) -> Corpus:
    """Build the corpus in memory: files (relative path -> text) plus its ground truth."""
    if isinstance(end, datetime):
        end = end.date()
    if incidents < 1:
        raise ValueError("incidents must be at least 1")
    g = _Gen(incidents, seed, end)
    incs = g.build_incidents()
    action_tickets = len(g.tickets)
    g.noise_tickets(action_tickets)
    g.number_tickets()
    pd_rows, pd_extra = g.build_pd(incs)
    files: dict[str, str] = {}
    total = len(incs)
    step = max(1, total // 100)
    used: dict[str, None] = {}
    for k, inc in enumerate(incs):
        inc.pd_ref = inc.pd is not None and g.chance(0.6)
        d = inc.start.date().isoformat()
        base = f"postmortems/{inc.start.year:04d}/{d}-{_slug(inc.title)}"
        path, n = base + ".md", 2
        while path in used:
            path, n = f"{base}-{n}.md", n + 1
        used[path] = None
        inc.path = path
        files[path] = render_yaml(inc) if inc.fmt == "yaml" else render_house(inc)
        if progress is not None and ((k + 1) % step == 0 or k + 1 == total):
            progress(k + 1, total)
    files["trackers/jira-export.csv"] = render_jira(g.tickets)
    files["trackers/github-issues.json"] = render_github(g.tickets)
    files["incidents/pagerduty-incidents.json"] = render_pd(pd_rows)
    files["hindsight.yaml"] = render_config()
    return Corpus(files, incs, g.tickets, pd_rows, pd_extra)


def generate(out_dir: str | Path, incidents: int = 200, seed: int = 7, end: date = date(2026, 10, 31),
             progress=None) -> dict:
    """Write the demo corpus into ``out_dir`` and return its counts.

    ``incidents`` is the number of postmortem documents (near misses included). Returns
    ``{"postmortems": files written under postmortems/, "near_misses": how many of those
    are near misses, "tickets": Jira rows + GitHub items, "incident_rows": PagerDuty
    incidents}``. Existing files are overwritten; stale files are not removed.
    """
    corpus = build(incidents, seed, end, progress)
    out = Path(out_dir)
    made: set[Path] = set()
    for rel, text in corpus.files.items():
        p = out / rel
        if p.parent not in made:
            p.parent.mkdir(parents=True, exist_ok=True)
            made.add(p.parent)
        with open(p, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    return corpus.counts()


if __name__ == "__main__":   # pragma: no cover
    import sys

    args = sys.argv[1:]
    if not args:
        print("usage: python -m loaders.demo OUT_DIR [INCIDENTS] [SEED]", file=sys.stderr)
        sys.exit(2)
    print(generate(args[0], int(args[1]) if len(args) > 1 else 200, int(args[2]) if len(args) > 2 else 7))
