"""The parser's words: section headings cleaned and named, and the word-tree patterns
(loaders/postmortem/vocabulary.py)."""
import re

import pytest

from loaders.postmortem.vocabulary import any_of, clean_heading, is_placeholder, section_kind


@pytest.mark.parametrize("words", [["abc", "ab", "abd"], ["x"], ["be it", "been", "b"], ["a+b", "a.c", "a(c"],
                                   ["no customer", "no user", "not used", "never used"]])
def test_a_word_tree_matches_every_word_and_nothing_else(words):
    rx = re.compile(any_of(words))
    assert all(rx.fullmatch(w) for w in words)
    assert not rx.fullmatch("".join(words) + "!")


@pytest.mark.parametrize("text", ["we believe no customer data was accessed", "it was never used by anyone",
                                  "a plain sentence with none of them", "abd", "nothing here at all"])
def test_a_word_tree_finds_what_the_plain_alternation_finds(text):
    words = ["no customer", "no user", "never used", "abd", "ab"]
    plain = re.compile("|".join(re.escape(w) for w in words))
    tree = re.compile(any_of(words))
    assert [m.start() for m in tree.finditer(text)] == [m.start() for m in plain.finditer(text)]


@pytest.mark.parametrize("heading, cleaned, kind", [
    ("Phase 3: Improvement plan", "Improvement plan", "actions"),
    ("Part II - Timeline", "Timeline", "timeline"),
    ("4. Phase 3: Action items", "Action items", "actions"),   # an outline numbering the parts again
    ("Stage 4 rollout", "Stage 4 rollout", None),             # a name, not numbering
])
def test_a_numbered_part_label_is_numbering(heading, cleaned, kind):
    assert clean_heading(heading) == cleaned
    assert section_kind(heading) == kind


@pytest.mark.parametrize("heading, kind", [
    ("2. 타임라인 (KST, 대략)", "timeline"), ("7. 재발 방지 (조치)", "actions"), ("4. 원인", "factors"),
    ("5. 잘한 점", "went_well"), ("6. 아쉬운 점", "went_wrong"),
    ("Хронология", "timeline"), ("Корневая причина — три слоя", "factors"), ("Чему научил этот инцидент", "lessons"),
    ("Что было сделано", "resolution"), ("Дальнейшие действия", "actions"),
    ("事故时间线", "timeline"), ("障害の経緯", "timeline"), ("预防措施", "actions"),   # the incident's word first
    ("11. 剩余行动项", "actions"), ("3. 完整时间线", "timeline"), ("5.1 直接根因", "factors"),   # the name last
    ("Learnings & action items", "actions"), ("Lessons learned / follow-ups", "actions"),
    # "contributing factors" and "action items" in the languages of Western Europe
    ("Fatores contribuintes", "factors"), ("Oorzaken en bijdragende factoren", "factors"),
    ("Factores contribuyentes", "factors"), ("Beitragende Faktoren", "factors"), ("Fattori contribuenti", "factors"),
    ("Itens de ação", "actions"), ("Puntos de acción", "actions"), ("Points d’action", "actions"),
    ("Plano de ação", "actions"), ("Problem tasks", "actions"), ("Resumo", "summary"),
    ("What we're fixing", "actions"), ("What we’ve done since", "actions"),
    # Swedish, Norwegian, Indonesian; English as a second language writes it; a cloud provider's review
    ("Bidragande orsaker", "factors"), ("Ringkasan", "summary"), ("Kronologi", "timeline"),
    ("Faktor penyebab", "factors"), ("Tindak lanjut", "actions"), ("Acties", "actions"),
    ("Course of events", "timeline"), ("What was the reason", "factors"),
    ("How are we making incidents like this less likely or less impactful?", "actions"),
    ("Przebieg zdarzeń", "timeline"), ("Przyczyny", "factors"), ("Skutki", "impact"), ("Wnioski", "lessons"),
    ("CAB decisions and follow-up actions", "actions"), ("Monitoring and follow-ups", "actions"),
    ("Pending actions", "actions"), ("Open items", "actions"),
])
def test_sections_named_in_other_languages_and_joined_names(heading, kind):
    assert section_kind(heading) == kind


@pytest.mark.parametrize("heading, kind", [
    ("10:15 障害を検知", None), ("14:02 服务恢复", None), ("14:05 장애 감지", None),   # a timeline's steps
    ("Summary and next steps", "summary"), ("Impact & Remediation", "impact"),     # the first half is prose
    ("暫定対策", "resolution"), ("긴급 조치", "resolution"), ("조치 내용", "resolution"),   # taken, not to do
    ("Действия по восстановлению", "resolution"), ("Действия дежурного", None),
    ("7. 处置与永久修复", None), ("12. 关闭审核", None),
    ("How can customers make incidents like this less impactful?", None),
    ("Conclusion and next steps", None), ("Timeline and actions", "timeline"),
])
def test_what_is_not_a_new_section_kind_stays_as_it_was(heading, kind):
    assert section_kind(heading) == kind


@pytest.mark.parametrize("key, field", [
    ("Дата инцидента", "date"), ("Дата публикации", "written"), ("Длительность простоя", "duration"),
    ("Уровень логирования", None), ("Уровень доступа", None), ("Статус задач", None),
    ("首次发生时间（UTC）", "started"), ("首次发现时间（UTC）", "detected"), ("严重级别", "severity"),
    ("날짜", "date"), ("심각도", "severity"), ("발생 일시", "started"), ("类型", "class"),
    ("Ernst", "severity"), ("Prioriteit", "severity"), ("Priorytet", "severity"), ("Ernest", None),
    ("Priorität", "severity"), ("Dokumentstatus", "status"),
    ("Status do documento", "status"), ("Estado del documento", "status"), ("Statut du document", "status"),
    ("Exposure began", "started"), ("Contained", "mitigated"), ("Containment time", "mitigated"),
    ("Allvarlighetsgrad", "severity"), ("Datum för incidenten", "date"), ("Tanggal insiden", "date"),
    ("Tingkat keparahan", "severity"), ("Gedetecteerd", "detected"), ("Gemitigeerd", "mitigated"),
    ("Opgelost", "resolved"), ("Erkannt", "detected"), ("Behoben", "resolved"),
    ("Record status", "status"), ("Subject", "title"),
    # one key in two languages with a slash between: "発生日 / Date of occurrence"
    ("発生日 / Date of occurrence", "date"), ("ステータス / Status", "status"), ("심각도 / Severity", "severity"),
])
def test_field_keys_in_other_languages(key, field):
    from loaders.postmortem.vocabulary import meta_key

    assert meta_key(key) == field


def test_a_long_run_of_spaces_in_a_heading_costs_linear_time():
    import time

    started = time.process_time()
    section_kind("Impact" + " " * 30_000 + "x")
    assert time.process_time() - started < 1.0   # quadratic, it took 9 s


@pytest.mark.parametrize("entry, event", [
    ("The fault stopped once the disk was cleared", "mitigated"),
    ("New sessions stop crashing straight away", "mitigated"),
    ("Runners registering again, queued jobs start", "mitigated"),
    ("Writes succeed on the new primary", "mitigated"),
    ("Error rate back to baseline", "mitigated"),
    ("Ama closes the thread", "resolved"),
    ("Chloe reviews the overnight traffic and resolves the incident", "resolved"),
    ("alertmanager FIRING DNSResolverServfailHigh severity=page -> PagerDuty platform-primary", "detected"),
    ("Researcher emails security@example.org with a sample file listing", "detected"),
    ("A user opens issue #3310: the release contains obfuscated code", "detected"),
    ("Automated power monitoring pages the on-site facilities engineer", "detected"),
    ("A trustee texts me that the donate button just spins", "detected"),
    ("Her first rerun failed exactly like the others", "impact"),           # the retry a noun: it failed
    ("The account takeover starts here", "started"),
    ("Hotfix 2024.05.4-hf1 deployed: ownership check on the endpoint", "mitigated"),
    ("The partner's account manager e-mails our team asking why orders are cancelled", "detected"),
    ("Grace (FP&A) reports in #fin-data that the rates have not moved", "detected"),
    ("A refresh brought the dashboard up to date, which ended the impact", "mitigated"),
    ("Raj closes the major incident", "resolved"),
    ("kenji.w: ack, looking. is grafana lying again", "detected"),              # the page answered
    ("grafana: [FIRING] mm_matches_formed_per_min < 50", "detected"),            # an alert's own state word
    ("First overwrite in cloud-sync logs: a stale copy pulled over the save", "impact"),
    ("Server flag set for client 1.0.9. Overwrites stop.", "mitigated"),
    ("The vendor rolled the update back at 1:15 p.m.", "mitigated"),
    ("Sign-ins worked again straight away", "mitigated"),
    ("Call centre receives first inquiry: points are missing", "detected"),
    ("Supplier fixes the fault. Tablets sync again in all homes.", "mitigated"),    # the work in the present
    ("Export finished, dashboards fresh again.", "mitigated"),                     # a state again
    ("503 rate drops below 1% and images load normally", "mitigated"),
    ("Deployed to every edge; old certificate no longer served anywhere", "mitigated"),  # exposed no more
    ("revoked the token. The leaked token is dead; exposure over.", "mitigated"),  # the danger ended
    ("Job killed, cluster scaled back to 4 nodes; hourly spend at baseline.", "mitigated"),
    ("VPS resized; the site stays up and registrations go through", "mitigated"),
    ("New certificate installed; channel restarted. Messages flowing; queue depth zero.", "mitigated"),
    ("resilver finished, 0 errors. docker compose up -d, everything back.", "mitigated"),
    ("Slotten borttagen och disken sjunker till 41 %. Risken är borta.", "mitigated"),
    ("Rohit sends an Instagram DM: no new episode? First I heard anything was wrong.", "detected"),
    ("Requester's follow-up is read; first time the privacy team sees the request", "detected"),
    ("Uptime monitor texts Kevin that the site is down", "detected"),
    ("uptimerobot: Monitor is DOWN: example.app (NXDOMAIN)", "detected"),
    ("audit script flags reporting-export-prod (wildcard resource)", "detected"),
    ("support pings #eng, a customer's export has been processing for 20 min", "detected"),
    ("Duty Manager rings the after-hours number", "detected"),
    ("Alarma del NOC «caída de sesiones > 40 %» y avisado el guardia", "detected"),
    ("Erste Meldung einer Sachbearbeiterin an den Service Desk", "detected"),
    ("The chat opens; the first chat of the day reports access denied", "detected"),
])
def test_an_entry_says_its_event_by_meaning(entry, event):
    from loaders.postmortem import timeline
    e = timeline.Entry(None, entry, 1)
    timeline._tag(e)
    assert event in e.tags | e.markers


@pytest.mark.parametrize("entry", [
    "With latency still climbing, the team decides to fail over to the standby",
    "We decided to switch traffic to the backup provider",
])
def test_a_decision_to_act_is_not_the_act(entry):
    from loaders.postmortem import timeline
    e = timeline.Entry(None, entry, 1)
    timeline._tag(e)
    assert "mitigated" not in e.tags | e.markers


@pytest.mark.parametrize("entry, event", [
    ("deployed the new cron; it retries failed card payments every 6h", "impact"),   # a job's work
    ("The sender is a supplier whose tenant had been compromised the day before", "impact"),  # another's harm
    ("Weekly promo report e-mail goes out with zero redemptions", "detected"),         # a schedule's report
    ("He checked the DMARC reports were clean", "detected"),                          # a reading
    ("Dana confirms the online store has not been written since Friday", "mitigated"),  # found broken
    ("Some payments go through, most are declined", "mitigated"),                    # a part
    ("Support posted an update to the status page", "detected"),                     # telling customers
])
def test_words_that_only_look_like_the_event_are_not(entry, event):
    from loaders.postmortem import timeline
    e = timeline.Entry(None, entry, 1)
    timeline._tag(e)
    assert event not in e.tags | e.markers


@pytest.mark.parametrize("heading, kind", [
    ("Checklist: Follow-ups (2/4)", "actions"),          # a card's checklist, then the section's name
    ("Card 12: Timeline", "timeline"),
    ("Problem: root cause analysis took a day", None),   # a sentence after the colon, not a name
    ("Root cause: a config push", "factors"),            # a section's own name before the colon
    ("Activity (newest first)", "timeline"),             # a card's feed of dated comments
    ("Activity monitor crashed", None),
])
def test_a_container_before_a_colon_and_a_feed_name_their_sections(heading, kind):
    assert section_kind(heading) == kind


def test_an_activity_feed_beside_a_timeline_is_not_the_timeline():
    from loaders.postmortem import parse
    text = ("# Queue stuck\n\n## Timeline\n\n- 09:00 UTC: queue stops draining\n- 09:20 UTC: worker restarted,"
            " queue drains again\n\n## Activity\n\n- **Ana** · 22 Mar 2025 09:30 — resolved, review on Friday\n")
    assert len(parse(text, "q.md")["timeline"]) == 2
    alone = "# Queue stuck\n\n## Activity\n\n- **Ana** · 22 Mar 2025 09:30 — resolved, review on Friday\n"
    assert len(parse(alone, "q.md")["timeline"]) == 1


@pytest.mark.parametrize("key, field", [
    ("When did the problem start?", "started"), ("When was it noticed?", "detected"),
    ("When was it contained?", "mitigated"), ("When was it closed?", "resolved"),
    ("When was the outage first reported?", "detected"), ("When was the review held?", None),
])
def test_a_forms_question_for_a_moment_names_its_field(key, field):
    from loaders.postmortem.vocabulary import meta_key
    assert meta_key(key) == field


@pytest.mark.parametrize("heading, kind", [
    ("Things that contributed", "factors"), ("What contributed", "factors"),
    # a learning review's themes, and what made it possible
    ("Themes I'm hearing (draft contributing factors)", "factors"), ("What made this possible (themes)", "factors"),
    ("Themes and contributing factors", "factors"), ("Themes — what contributed", "factors"),
    ("Contributing factors (themes, not causes)", "factors"),
    # why the write-up is as it is: no causes
    ("Why we write these", None), ("Why a near miss gets a full review", None), ("Theme park outage", None),
    # a learning review's follow-ups as experiments
    ("What we're going to try", "actions"), ("Things we'll try", "actions"),
])
def test_what_contributed_names_the_causes(heading, kind):
    assert section_kind(heading) == kind


def test_a_debriefs_notes_status_is_the_write_ups():
    from loaders.postmortem import parse
    text = ("# Debrief: empty shards\n\n**Event date:** July 18, 2024 · **Notes status:** Final\n\n"
            "## Summary\n\nThe job was paused before the swap.\n")
    assert parse(text, "d.md")["status"] == "Final"


@pytest.mark.parametrize("entry", ["Labels start coming out again", "Kiosks took cards again",
                                   "Invoices render correctly again", "Revert deployed; error ratio back under 0.1%"])
def test_recoveries_said_by_what_works_again(entry):
    from loaders.postmortem import parse
    text = (f"# Labels down\n\n**Date:** 2025-11-02\n\n## Timeline (UTC)\n\n- 12:40 labels fail to print\n"
            f"- 13:15 shift lead texts me\n- 14:05 {entry}\n")
    assert parse(text, "t.md")["mitigated_at"] == "2025-11-02T14:05:00Z"


@pytest.mark.parametrize("heading, kind", [
    ("Jobs list", "actions"), ("What I'd suggest we do", "actions"), ("What we'll do differently", "actions"),
    ("What happened, roughly", "summary"), ("Jobs", None),
])
def test_a_volunteers_names_for_sections(heading, kind):
    assert section_kind(heading) == kind


@pytest.mark.parametrize("start, end", [("【影响开始】", "【影响结束】"), ("影響開始。", "影響終了。"), ("영향 시작.", "영향 종료.")])
def test_the_impact_s_start_and_end_said_in_chinese_japanese_and_korean(start, end):
    from loaders.postmortem import parse
    text = (f"# Callback backlog\n\n**Date:** 2024-12-03\n\n## Timeline (UTC)\n\n- 12:00 campaign goes live\n"
            f"- 12:07 backlog builds {start}\n- 12:41 consumers scaled out\n- 12:54 backlog cleared {end}\n")
    got = parse(text, "t.md")
    assert (got["started_at"], got["mitigated_at"]) == ("2024-12-03T12:07:00Z", "2024-12-03T12:54:00Z")


@pytest.mark.parametrize("key, field", [("Retrospective state", "status"), ("Post-incident status", "status"),
                                        ("Review state", "status"), ("Incident status", "status"),
                                        ("Documentstatus", "status"), ("Rapor durumu", "status")])
def test_the_write_up_s_status_named_by_its_tools(key, field):
    """(The incident's own "Incident status" is a status too, read where no field states the
    write-up's: test_parser_guards' post-incident test keeps the write-up's first.)"""
    from loaders.postmortem.vocabulary import meta_key
    assert meta_key(key) == field


def test_follow_up_questions_are_not_follow_up_actions():
    assert section_kind("🔍 Follow-up questions") is None and section_kind("Follow-ups") == "actions"


def test_a_status_among_a_sub_bullet_s_fields_is_the_item_s():
    from loaders.postmortem import parse
    text = ("# Exports slow\n\n**Date:** 2024-05-20\n\n## Follow-ups\n\n- **Auto-rollback on deploy**\n"
            "  - Assignee: Sam Whitfield · Status: Not doing · _it would not have helped_\n")
    assert parse(text, "e.md")["action_items"][0]["status"] == "wont_do"


@pytest.mark.parametrize("value", ["{{ incident.severity | upper }}", "{% if x %}", "<date>", "<Incident title>",
                                   "YYYY-MM-DD", "YYYY-MM-DD HH:MM", "DD/MM/YYYY"])
def test_a_templates_placeholder_is_no_value(value):
    assert is_placeholder(value)


@pytest.mark.parametrize("value", ["[High]", "SEV2", "2025-03-01", "<b>", "Owner: <ana@example.com>", "{{ x }} and more",
                                   "TBD later"])
def test_a_value_is_no_placeholder(value):
    assert not is_placeholder(value)
