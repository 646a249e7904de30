"""Incidents: triggers and types, negation/modality, roles, place, date, casualties, sources."""
import pytest

from graph.model import Document
from graph.pipeline import extract
from graph.temporal import find_date
from graph.lexicon import load as load_lexicon
from graph.text import analyse


def events(text, published="2015-07-30"):
    x = extract(Document("t", text, published=published))
    names = {e.id: e for e in x.entities}
    return x.events, names


@pytest.mark.parametrize("text, typ", [
    ("شنت طائرات التحالف الدولي غارات على مواقع لتنظيم داعش في الرقة.", "airstrike"),
    ("أعدم تنظيم داعش خمسة رجال في مدينة الميادين.", "execution"),
    ("اغتال مسلحون مجهولون قياديا في الجيش الحر بريف درعا.", "assassination"),
    ("اختطف عناصر التنظيم عشرات المدنيين من قرية قرب الحسكة.", "abduction"),
    ("انفجرت سيارة مفخخة في حي الكرادة ببغداد.", "bombing"),
    ("دارت اشتباكات عنيفة بين قوات النظام وجبهة النصرة في ريف إدلب.", "armed_clash"),
    ("نصب مقاتلو التنظيم كمينا لرتل من الجيش العراقي قرب الرمادي.", "ambush"),
    ("قصفت قوات النظام بالمدفعية أحياء في مدينة درعا.", "shelling"),
    ("وأوضح قائد عسكري أن المقاومة الشعبية أسرت أمس 45 حوثيا في مدينة عدن.", "abduction"),
])
def test_events_trigger_gives_the_incident_type(text, typ):
    evs, _ = events(text)
    assert typ in [e.type for e in evs]


@pytest.mark.parametrize("text", [
    "لم يشن التحالف أي غارة على المدينة.",
    "سوف تشن القوات التركية غارات على مواقع الحزب.",
    "يعتزم الجيش تنفيذ عملية عسكرية في المنطقة.",
    "فاز المنتخب السعودي على نظيره الإماراتي بهدفين بعد هجوم مرتد سريع.",
    "ارتفعت أسعار النفط في الأسواق العالمية اليوم.",
    "حصل أوباما على برنامج نووي إيراني مراقب ولا ضربات إسرائيلية استباقية على منشآته.",
    "ويحمل الجيش الإسرائيلي حركة حماس مسؤولية أي هجوم ينطلق من قطاع غزة.",
    "أحبطت القوات المسلحة محاولة زرع ألغام شديدة الانفجار قرب الحدود.",
    "وأشارت إلى أن عملية البحث عن الضحايا تحت الأنقاض ما زالت مستمرة في المدينة.",
    "وقالت وزارة الخزانة إن الحرس الثوري استخدم الطائرات لنقل الصواريخ إلى حلفائه.",
    "وصل مسلحو داعش إلى أطراف البلدة بهدف تنفيذ هجوم على مقر الشرطة.",
    "وانتهت جولة المفاوضات بين الطرفين دون اشتباكات في محيط المدينة.",
    "أسرت فرقة الجيش الموسيقية قلوب الجمهور في حفل أقيم في الرياض.",
])
def test_events_negated_future_and_offtopic_sentences_give_no_incident(text):
    evs, _ = events(text)
    assert evs == ()


def test_events_airstrike_gets_agent_target_place_and_source():
    evs, names = events("وقال المرصد السوري لحقوق الإنسان إن طائرات التحالف الدولي شنت غارات على مواقع لتنظيم داعش في مدينة الرقة.")
    [ev] = [e for e in evs if e.type == "airstrike"]
    assert [names[a].type for a in ev.agents] == ["MilitaryForce"]
    assert any(names[t].type == "ArmedGroup" for t in ev.targets)
    assert names[ev.location].type == "Location"
    assert ev.reported_by and names[ev.reported_by[0]].type == "Organization"


@pytest.mark.parametrize("text, n", [
    ("قتل 12 مدنيا في قصف على بلدة في ريف حلب.", 12),
    ("أسفر الهجوم عن مقتل ثلاثة جنود في الأنبار.", 3),
    ("قتل جنديان في انفجار عبوة ناسفة في الموصل.", 2),
])
def test_events_fatalities_from_digits_words_and_duals(text, n):
    evs, _ = events(text)
    assert any(e.fatalities == n for e in evs)


def test_events_vague_number_is_marked_not_invented():
    evs, _ = events("قتل عشرات المدنيين في قصف على مدينة دوما.")
    assert evs and all(e.fatalities is None for e in evs)
    assert any("fatalities_vague" in e.partial for e in evs)


def test_events_sentence_without_actor_is_a_marked_partial_incident():
    evs, _ = events("انفجرت عبوة ناسفة في سوق شعبي.", published=None)
    assert evs and "agent" in evs[0].partial and "date" in evs[0].partial


@pytest.mark.parametrize("phrase, value, precision, basis", [
    ("في 12 يوليو 2015", "2015-07-12", "day", "explicit"),
    ("في 3 تموز 2015", "2015-07-03", "day", "explicit"),
    ("في ١٢ كانون الثاني ٢٠١٤", "2014-01-12", "day", "explicit"),
    ("في 12 من الشهر الجاري", "2015-07-12", "day", "explicit"),
    ("أمس", "2015-07-29", "day", "relative"),
    ("فجر الثلاثاء", "2015-07-28", "day", "relative"),
    ("الشهر الماضي", "2015-06", "month", "relative"),
    ("في أيار 2014", "2014-05", "month", "explicit"),
])
def test_temporal_date_forms(phrase, value, precision, basis):
    an = analyse(phrase)
    tv = find_date(load_lexicon(), [t.text for t in an.sentences[0].tokens], "2015-07-30")
    assert (tv.value, tv.precision, tv.basis) == (value, precision, basis)


def test_events_aggregate_tally_is_flagged():
    evs, _ = events("بلغت حصيلة القتلى منذ مطلع العام 300 قتيل في المعارك بين داعش والجيش.")
    assert evs and evs[0].aggregate


def roles(text, typ, published="2015-07-30"):
    evs, names = events(text, published)
    [ev] = [e for e in evs if e.type == typ]
    return ([names[a].label for a in ev.agents], [names[t].label for t in ev.targets],
            [names[s].label for s in ev.reported_by], ev)


def test_events_source_reporting_its_own_act_is_the_agent():
    agents, _, sources, _ = roles("أعلنت وزارة الدفاع الروسية أنها شنت غارات على مواقع لتنظيم داعش في ريف حمص.", "airstrike")
    assert agents and agents == sources


def test_events_unnamed_gunmen_are_the_agent():
    agents, _, _, _ = roles("اغتال مسلحون مجهولون ضابطا في الشرطة العراقية في الموصل.", "assassination")
    assert agents == ["مسلحون مجهولون"]


@pytest.mark.parametrize("text, typ, agent", [
    ("اغتال مسلحون ضابطا في الشرطة العراقية وسط مدينة الموصل.", "assassination", "مسلحون"),
    ("قتل شخصان على الطريق بين بعقوبة والخالص برصاص مسلحين.", "killing", "مسلحين"),
    ("قتل عشرة أشخاص عندما فجر انتحاري نفسه في سوق بمدينة قندوز.", "bombing", "انتحاري"),
    ("قتل خمسة أشخاص وأصيب عشرة آخرون بعدما قالت الشرطة إن انتحاريا فجر سترته الناسفة في مسجد بمدينة كويتا.",
     "bombing", "انتحاريا"),
])
def test_events_attackers_nobody_names_are_the_unidentified_armed_group(text, typ, agent):
    agents, _, _, _ = roles(text, typ)
    assert agents == [agent]


@pytest.mark.parametrize("text", [
    "قتل ثلاثة مسلحين في غارة جوية على مدينة الرمادي.",
    "وقالت الشرطة إن مسلحين قتلوا في اشتباكات مع الجيش قرب مدينة بيجي.",
    "شن الجيش هجوما انتحاريا على مواقع المسلحين في ريف حلب.",
])
def test_events_gunmen_without_an_agent_cue_are_not_the_attackers(text):
    evs, x = events(text)
    assert evs and all("new:ArmedGroup:unidentified" not in e.agents for e in evs)


@pytest.mark.parametrize("text, typ", [
    ("قالت وزارة الصحة التابعة للحكومة اليمنية إن 43 شخصا قتلوا في قصف على مدينة عدن.", "shelling"),
    ("وقالت المصادر لوكالة فرانس برس إن القصف استهدف مواقع في مدينة تعز وقتل خمسة مدنيين.", "shelling"),
])
def test_events_who_speaks_or_hears_of_the_act_is_not_its_target(text, typ):
    _, targets, _, _ = roles(text, typ)
    assert targets == []


def test_events_headline_source_before_a_colon_and_no_source_from_a_link_line():
    _, _, sources, _ = roles("رابط الخبر بصحيفة الوئام: المرصد السوري: مقتل 20 مدنيا في غارات على ريف إدلب",
                             "airstrike")
    assert sources == ["المرصد السوري لحقوق الإنسان"]
    _, _, sources, _ = roles("رابط الخبر بصحيفة الوئام: مقتل 20 مدنيا في غارات على ريف إدلب", "airstrike")
    assert sources == []


@pytest.mark.parametrize("text", [
    "قتل 20 مدنيا في غارات روسية على ريف إدلب.",
    "قتل 20 مدنيا في الغارات الجوية الروسية على ريف إدلب.",
])
def test_events_nationality_adjective_of_the_attack_is_its_agent_also_when_the_toll_is_the_trigger(text):
    agents, targets, _, _ = roles(text, "airstrike")
    assert agents == ["القوات الجوفضائية الروسية"] and targets == []


def test_events_attacker_of_a_named_group_is_that_group():
    agents, _, _, _ = roles("فجر انتحاري من تنظيم داعش نفسه في مدينة الرمادي مما أدى إلى مقتل خمسة جنود.", "bombing")
    assert agents == ["تنظيم الدولة الإسلامية"]


def test_events_a_groups_anaphor_never_refers_to_unnamed_attackers():
    evs, names = events("اغتال مسلحون ضابطا في الشرطة في مدينة الموصل. وقال التنظيم في بيان إنه أعدم "
                        "ثلاثة رجال في المدينة.")
    ids = [m for e in evs for m in e.agents]
    assert "new:ArmedGroup:unidentified" in ids
    assert names["new:ArmedGroup:unidentified"].mentions == tuple(
        m for m in names["new:ArmedGroup:unidentified"].mentions if m.text == "مسلحون")


def test_events_a_goal_scored_is_no_shelling():
    evs, _ = events("قتل ثلاثة مدنيين في غارة جوية على مدينة الرقة. وفاز الهلال بعد أن دك شباك منافسه "
                    "بثلاثة أهداف في مباراة الدوري.")
    assert [e.type for e in evs] == ["airstrike"]


def test_events_the_attacks_own_word_carries_the_incident_and_the_killing_word_its_toll():
    agents, targets, _, ev = roles("قتل خمسة جنود عندما فجر انتحاري من تنظيم داعش نفسه في مدينة الرمادي.",
                                   "bombing")
    assert ev.trigger.text == "فجر انتحاري" and ev.fatalities == 5
    assert agents == ["تنظيم الدولة الإسلامية"] and targets == []


def test_events_unknown_identity_is_no_attacker():
    evs, names = events("عثرت الشرطة على جثة رجل مجهول الهوية مقتولا بالرصاص في مدينة بعقوبة.")
    assert "new:ArmedGroup:unidentified" not in names


def test_events_relative_verb_names_the_agent():
    agents, targets, _, _ = roles("قتل 50 مدنيا جراء غارات شنتها قوات التحالف على مدينة تعز.", "airstrike")
    assert agents and "التحالف" in agents[0] and not targets


def test_events_clash_between_two_sides_gives_actor_one_and_two():
    agents, targets, _, _ = roles("دارت اشتباكات عنيفة بين قوات سوريا الديمقراطية وتنظيم داعش في ريف الحسكة.", "armed_clash")
    assert len(agents) == 1 and len(targets) == 1 and agents != targets


def test_events_vso_subject_acts_and_object_is_hit():
    agents, targets, _, _ = roles("قصفت المدفعية التركية مواقع لحزب العمال الكردستاني في شمال العراق.", "shelling")
    assert agents and targets and "الكردستاني" in targets[0]


def test_events_conjoined_verb_continues_the_subject():
    evs, names = events("اعتقل عناصر تنظيم داعش عشرة مدنيين في دير الزور وقاموا بإعدامهم.")
    [ex] = [e for e in evs if e.type == "execution"]
    assert [names[a].type for a in ex.agents] == ["ArmedGroup"]


def test_events_reference_point_is_not_the_location():
    evs, names = events("قتل خمسة مدنيين في انفجار عبوة ناسفة في بعقوبة شمال شرق بغداد.")
    assert names[evs[0].location].label.startswith("بعقوبة")


def test_events_dateline_city_is_where_the_report_was_filed_not_the_incident():
    evs, names = events("دمشق - واس: قتل خمسة مدنيين في انفجار عبوة ناسفة في بعقوبة.")
    assert names[evs[0].location].label.startswith("بعقوبة")
    evs, names = events("دمشق - واس: قتل خمسة مدنيين في انفجار عبوة ناسفة أمس.")
    assert names[evs[0].location].label == "دمشق"      # no other place: the dateline's


def test_events_several_quarters_of_one_city_are_placed_in_the_city():
    evs, names = events("قتل خمسة مدنيين في قصف الحوثيين على حي كلابة والشماسي والروضة في مدينة تعز.")
    assert names[evs[0].location].label == "تعز"
    evs, names = events("قتل خمسة مدنيين في قصف الحوثيين على حي كلابة في مدينة تعز.")
    assert names[evs[0].location].label == "كلابة"


def test_events_neighbourhood_named_after_a_town_is_a_site_of_the_city():
    evs, names = events("انفجرت سيارة مفخخة في حي القادسية في مدينة كركوك.")
    loc = names[evs[0].location]
    assert loc.place.precision == "site" and "القادسية" in loc.label


def test_events_toll_of_one_attack_is_that_attack():
    evs, _ = events("قتل 12 شخصا على الأقل أمس عندما هاجم انتحاريان سوقا شعبيا في مدينة كركوك.")
    assert [e.type for e in evs] == ["bombing"]
    assert evs[0].fatalities == 12


@pytest.mark.parametrize("text", [
    "قتل 11 شخصا على الأقل في هجمات متفرقة في بغداد.",
    "قتل 21 عراقيا على الأقل في هجمات وتفجيرات جديدة في بغداد.",
])
def test_events_toll_of_diffuse_causes_is_one_killing(text):
    evs, _ = events(text)
    assert [e.type for e in evs] == ["killing"]
    assert evs[0].fatalities in (11, 21)


def test_events_masdar_with_the_article_is_a_trigger():
    evs, _ = events("وأضاف المصدر أن التفجيرين استهدفا نقطة تفتيش للجيش العراقي في بيجي.")
    assert "bombing" in [e.type for e in evs]


def test_events_nationality_adjective_names_the_acting_force():
    evs, names = events("وأسفرت الغارات التركية عن مقتل 20 عنصرا من حزب العمال الكردستاني في شمال العراق.")
    [ev] = evs
    assert [names[a].label for a in ev.agents] == ["القوات الجوية التركية"]


def test_events_claimed_masdar_makes_the_claimant_the_agent():
    evs, names = events("أعلن تنظيم داعش، اليوم الأحد، تفجير الملعب الأولمبي في الرمادي.")
    [ev] = evs
    assert ev.type == "bombing" and [names[a].id for a in ev.agents] == ["kb:isis"]


def test_events_passive_killing_does_not_inherit_the_last_actor():
    evs, names = events("وقصفت قوات النظام بلدة في ريف درعا. وقتل 11 شخصا في مدينة حلب.")
    killing = [e for e in evs if e.type == "killing"]
    assert killing and killing[0].agents == ()


@pytest.mark.parametrize("text, source", [
    ("وأكد مصدر في الجيش العراقي أن طائرات التحالف الدولي شنت غارات على مواقع لداعش في الموصل.", "kb:iraqi-army"),
    ("المرصد السوري أفاد بأن طائرات التحالف شنت غارات على مواقع لتنظيم داعش في الرقة.", "kb:sohr"),
])
def test_events_source_behind_fillers_or_before_its_verb(text, source):
    evs, names = events(text)
    assert evs and source in evs[0].reported_by


def test_events_subject_of_reported_clause_and_addressee_are_not_sources():
    evs, names = events("وقالت المصادر لوكالة الأناضول إن تنظيم داعش فجر سيارة مفخخة في مدينة الرمادي.")
    [ev] = evs
    assert ev.reported_by == ()
    assert [names[a].id for a in ev.agents] == ["kb:isis"]


def test_events_counted_members_after_the_trigger_are_victims():
    evs, names = events("وقتل ثلاثة من عناصر الشرطة العراقية في هجوم مسلح في مدينة بعقوبة.")
    [ev] = evs
    assert [names[t].id for t in ev.targets] == ["kb:iraq-police"] and ev.agents == ()


def test_events_coordinated_subject_acts_too():
    evs, names = events("قصفت قوات النظام وحزب الله بلدة الزبداني بالمدفعية.")
    [ev] = evs
    assert len(ev.agents) == 2 and ev.targets == ()


def test_events_start_of_the_war_recalled_is_not_an_incident():
    evs, _ = events("رست أول سفينة مساعدات في ميناء عدن بعد أربعة أشهر على بدء المعارك في البلاد.")
    assert evs == ()


def test_events_claim_of_responsibility_names_the_agent():
    evs, names = events("وأعلنت حركة الشباب المنضوية في إطار تنظيم القاعدة في بيان مسؤوليتها عن قتل النائب في مقديشو.")
    [ev] = evs
    assert ev.type == "assassination"
    assert [names[a].id for a in ev.agents] == ["kb:al-shabaab"] and ev.agents == ev.reported_by


def test_events_attack_noun_referring_back_keeps_the_incidents_actor():
    evs, names = events("شنت طائرات التحالف الدولي غارات على مواقع لداعش في الرقة. وأدى القصف إلى تدمير جسر.")
    assert [e.type for e in evs] == ["airstrike", "airstrike"]
    assert evs[1].agents == evs[0].agents != ()
    assert evs[1].targets == evs[0].targets != ()


def test_events_breaking_a_truce_is_a_clash_not_a_truce():
    evs, _ = events("قالت مصادر محلية إن الحوثيين يخرقون الهدنة في مدينة تعز.")
    assert [e.type for e in evs] == ["armed_clash"]


def test_events_a_speaker_is_not_the_target():
    evs, names = events("وقال الشاهد عبد الرحمن مير إن مسلحي حركة الشباب هاجموا سيارة في مقديشو.")
    assert evs and all(names[t].type != "Person" for e in evs for t in e.targets)
    assert all(names[s].label != "الشاهد" for e in evs for s in e.reported_by)


@pytest.mark.parametrize("text", [
    "وآخرون من قادة داعش يستشهدون بخروج قيادات المصارف من السوق.",
    "دعت الدول إلى منع الانتشار النووي في المنطقة بعد اشتباكات داعش.",
])
def test_events_citing_and_proliferation_are_not_incidents(text):
    evs, _ = events(text)
    assert not [e for e in evs if e.type in ("killing", "deployment")]


def test_events_next_sentence_on_the_same_incident_keeps_its_actor():
    evs, names = events("فجر مسلحو حركة الشباب سيارة مفخخة قرب فندق في مقديشو. وأسفر انفجار السيارة عن مقتل سبعة.")
    bombs = [e for e in evs if e.type == "bombing"]
    assert len(bombs) == 2 and bombs[1].agents == bombs[0].agents != ()


@pytest.mark.parametrize("text, n", [
    ("وقتل صبي إثر سقوط قذيفة هاون على حي في مدينة سامراء.", 1),
    ("وقتل ضابط و3 جنود في انفجار عبوة ناسفة في مدينة العريش.", 4),
    ("وقتل ضابط وعشرات الجنود في انفجار عبوة ناسفة في مدينة العريش.", None),
])
def test_events_one_victim_in_the_singular_is_one_death(text, n):
    evs, _ = events(text)
    assert evs and evs[0].fatalities == n


def test_events_battles_to_come_are_not_incidents():
    evs, _ = events("وقد تكون مساعدة قوات البيشمركة حيوية لتحقيق النصر على داعش في المعارك المقبلة.")
    assert evs == ()


def test_events_toll_after_a_dual_result_verb_belongs_to_the_attack():
    evs, _ = events("وأضاف المصدر أن التفجيرين تسببا في قتل 21 من عناصر الجيش العراقي في الأنبار.")
    assert [e.type for e in evs] == ["bombing"] and evs[0].fatalities == 21


def test_events_a_raid_campaign_is_a_raid_not_an_arrest_by_its_own_words():
    evs, _ = events("شنت قوات الأمن المصرية حملة دهم لأحياء عدة في مدينة العريش بحثا عن مسلحين.")
    assert [e.type for e in evs] == ["raid"]


def test_events_coordinated_subject_of_an_attack_verb_acts_too():
    evs, names = events("وفي مأرب هاجم الحوثيون وميليشيات صالح مواقع للمقاومة الشعبية.")
    [ev] = evs
    assert {names[a].id for a in ev.agents} == {"kb:houthis", "kb:saleh-forces"}
    assert [names[t].id for t in ev.targets] == ["kb:yemen-popular-resistance"]


def test_events_a_new_clause_with_its_own_toll_is_a_second_incident():
    evs, _ = events("قتل عراقي في انفجار عبوة ناسفة في منطقة علاوي الحلة وسط بغداد، "
                    "كما جرح ثلاثة من رجال الشرطة في انفجار سيارة مفخخة في حي الدورة.")
    assert [e.type for e in evs] == ["bombing", "bombing"]
    assert [e.trigger.text for e in evs] == ["انفجار عبوة ناسفة", "انفجار سيارة مفخخة"]


def test_events_a_repeated_trigger_without_a_new_clause_is_the_same_incident():
    evs, _ = events("شنت طائرات التحالف غارات على مواقع لداعش في الرقة، وأسفرت الغارات عن مقتل 12 عنصرا.")
    assert [e.type for e in evs] == ["airstrike"]


def test_events_a_generic_attack_word_names_the_specific_attack_of_its_sentence():
    evs, _ = events("قصفت طائرات حربية تابعة للجيش الليبي سفينة قرب بنغازي وأغرقتها، وهاجمت سفينة أخرى.")
    assert [e.type for e in evs] == ["airstrike", "airstrike"]


def test_events_a_generic_attack_with_its_own_actor_stays_another_incident():
    evs, _ = events("قصفت طائرات التحالف مواقع لجبهة النصرة قرب أعزاز بعد هجوم شنته الجبهة على الفرقة 30.")
    assert sorted(e.type for e in evs) == ["airstrike", "armed_clash"]


def test_events_an_incident_placed_in_a_region_takes_the_one_town_the_report_names():
    evs, names = events("قتل 15 شخصا أمس عندما فجر انتحاري نفسه في سوق مزدحمة بشمال سوريا. "
                        "ووقع الهجوم الانتحاري في مدينة أعزاز.")
    assert [e.type for e in evs] == ["bombing", "bombing"]
    assert evs[0].location == evs[1].location
    assert names[evs[0].location].label == "أعزاز"


def test_events_a_country_its_own_sentence_names_stays_the_place():
    evs, names = events("مقتل قياديين من داعش في سوريا. وقتل القياديان في بلدة البصيرة بريف دير الزور.")
    assert len(evs) == 2 and evs[0].location != evs[1].location


def test_events_an_attack_with_no_one_named_hit_is_aimed_at_the_actors_usual_foe():
    evs, names = events("شنت طائرات التحالف غارات على مواقع للحوثيين في صعدة. "
                        "وقصفت طائرات التحالف مواقع للحوثيين في صنعاء. "
                        "وواصلت طائرات التحالف شن غاراتها في مأرب.")
    assert [e.type for e in evs] == ["airstrike"] * 3
    assert [names[t].id for t in evs[2].targets] == ["kb:houthis"]


def test_events_a_foe_seen_once_is_not_carried_to_other_attacks():
    evs, names = events("شنت طائرات التحالف غارات على مواقع للحوثيين في صعدة. "
                        "وواصلت طائرات التحالف شن غاراتها في مأرب.")
    assert evs[1].targets == ()


def test_events_an_attack_with_no_named_actor_takes_the_one_actor_of_its_type_in_the_report():
    evs, names = events("شنت طائرات التحالف غارات على مواقع لداعش في دير الزور. "
                        "وقال المرصد السوري إن الغارات دمرت جسرين رئيسيين.")
    assert [e.type for e in evs] == ["airstrike", "airstrike"]
    assert evs[1].agents == evs[0].agents and "agent" not in evs[1].partial


def test_events_two_actors_of_a_type_leave_an_unattributed_attack_without_agent():
    evs, _ = events("قال المرصد السوري إن غارات جوية أدت إلى دمار كبير في مدينة الرقة. "
                    "وقصفت طائرات التحالف مواقع لداعش في الرقة. وقصفت الطائرات الروسية مدينة تدمر.")
    assert [e.type for e in evs] == ["airstrike"] * 3
    assert evs[0].agents == ()


def test_events_the_source_referred_back_to_goes_on_reporting():
    evs, names = events("أفاد مصدر في قوات البيشمركة بمقتل 18 من عناصر البيشمركة بقصف صاروخي لداعش. "
                        "وقال المصدر إن عناصر داعش أطلقوا عشرات الصواريخ على قضاء مخمور.")
    assert len(evs) == 2 and evs[1].reported_by == evs[0].reported_by != ()


def test_events_a_read_more_headline_does_not_inherit_the_reports_source():
    evs, _ = events("قال المرصد السوري لحقوق الإنسان إن طائرات التحالف قصفت مواقع لداعش في الرقة. "
                    "رابط الخبر بصحيفة الوئام: مقتل 19 من عناصر داعش باشتباكات غربي بغداد")
    assert evs[0].reported_by == ("kb:sohr",) and evs[-1].reported_by == ()


def test_events_an_attack_whose_perpetrators_are_only_likely_is_still_an_incident_by_them():
    evs, names = events("قتل 21 شخصا على الأقل في هجوم يرجح أن منفذيه ينتمون لجماعة بوكو حرام في ولاية بورنو.")
    [ev] = evs
    assert ev.type == "armed_clash" and ev.fatalities == 21
    assert [names[a].id for a in ev.agents] == ["kb:boko-haram"]


def test_events_an_expected_attack_is_not_an_incident():
    evs, _ = events("حذرت مصادر أمنية من الهجوم المرتقب لتنظيم داعش على مدينة الرمادي.")
    assert evs == ()


def test_events_a_capture_with_its_object_far_from_the_verb_is_an_incident():
    evs, names = events("سيطرت المقاومة الشعبية بمدينة تعز وسط اليمن، على موقع استراتيجي كان في قبضة الحوثيين.")
    [ev] = evs
    assert ev.type == "military_campaign"
    assert [names[a].id for a in ev.agents] == ["kb:yemen-popular-resistance"]


@pytest.mark.parametrize("text", [
    "قال مسؤولون طبيون إن إسرائيل شنت غارة جوية على معسكر تدريب تابع لحركة حماس في قطاع غزة.",
    "قصفت تركيا مواقع لحزب العمال الكردستاني في شمال العراق.",
])
def test_events_a_state_that_is_the_subject_of_its_attack_is_the_agent(text):
    evs, names = events(text)
    assert names[evs[0].agents[0]].type == "Country"


def test_events_a_country_the_sentence_is_in_is_not_the_agent():
    evs, _ = events("وفي سوريا قصفت طائرات حربية بلدة في ريف إدلب.")
    assert evs[0].agents == ()


def test_events_a_name_after_an_attribution_verb_with_lam_is_an_addressee_or_an_owner_not_a_source():
    evs, _ = events("قال مسؤولون إن إسرائيل شنت غارة جوية على معسكر تدريب تابع لحركة حماس في قطاع غزة.")
    assert evs[0].reported_by == ()


def test_events_what_an_air_force_or_air_coalition_shells_is_an_air_strike():
    evs, _ = events("وذكرت مصادر في الشرطة أن قوات التحالف قصفت فجر اليوم منزلا في قرية غرب بعقوبة.")
    assert [e.type for e in evs] == ["airstrike"]


def test_events_what_an_army_shells_stays_shelling():
    evs, _ = events("قصفت قوات النظام أحياء في مدينة درعا.")
    assert [e.type for e in evs] == ["shelling"]


@pytest.mark.parametrize("text", [
    "وأفاد المرصد السوري لحقوق الإنسان بأن اللواء قُتل جراء استهدافه من قبل تنظيم داعش في ريف حمص.",
    "وفي العريش لقي أمين شرطة مصرعه إثر قيام مسلحين يستقلان دراجة بخارية بإطلاق النار عليه.",
])
def test_events_gunfire_or_targeting_that_killed_is_the_killing_itself(text):
    evs, _ = events("قتل جنديان في هجوم لتنظيم ولاية سيناء في رفح. " + text)
    assert [e.type for e in evs][1:] == ["killing"]


def test_events_an_attack_that_killed_stays_the_attack():
    evs, _ = events("قتل 21 شخصا في هجوم لجماعة بوكو حرام على قرية في ولاية بورنو.")
    assert [e.type for e in evs] == ["armed_clash"]


def test_events_still_ongoing_is_not_negated():
    evs, _ = events("ولا تزال الاشتباكات مستمرة بين قوات النظام وتنظيم داعش في ريف حمص.")
    assert [e.type for e in evs] == ["armed_clash"]


@pytest.mark.parametrize("text, dead", [
    ("قُتل ضابط و3 جنود بالجيش المصري في انفجار عبوة ناسفة في رفح.", 4),
    ("أعلنت حركة الشباب مسؤوليتها عن قتل نائب صومالي مع حارسيه في مقديشو.", 3),
    ("قتل جندي ومدني في هجوم لتنظيم داعش قرب الرمادي.", 2),
    ("لقي جندي مصرعه في هجوم لتنظيم داعش قرب الرمادي.", 1),
])
def test_events_coordinated_victims_add_up(text, dead):
    evs, _ = events(text)
    assert [e.fatalities for e in evs] == [dead]


def test_events_an_attack_keeps_the_toll_of_the_killing_it_caused():
    evs, _ = events("قالت وزارة الصحة اليمنية إن 43 شخصا قتلوا وأصيب 173 اليوم الأحد عندما قصفت جماعة الحوثي مدينة عدن.")
    [ev] = evs
    assert (ev.type, ev.fatalities, ev.injured) == ("shelling", 43, 173)


def test_events_an_armed_group_is_never_the_agent_of_an_air_strike():
    evs, names = events("أعلن الجيش الأمريكي أنه قتل عنصرين من تنظيم داعش في غارة جوية دقيقة في محافظة دير الزور.")
    ev = next(e for e in evs if e.type == "airstrike")
    assert "kb:isis" not in ev.agents and "kb:isis" in ev.targets


def test_events_an_armed_groups_drone_strike_is_its_own():
    evs, names = events("شنت جماعة الحوثي هجوما بطائرة مسيرة على مطار أبها.")
    [ev] = evs
    assert ev.type == "airstrike" and ev.agents == ("kb:houthis",)


def test_events_the_owner_after_a_second_lam_is_the_target():
    evs, names = events("نفذت المقاومة الشعبية كمائن محكمة لتعزيزات للميليشيا الحوثية في محافظة إب.")
    [ev] = evs      # (the reinforcements ambushed are no deployment of their own)
    assert ev.agents == ("kb:yemen-popular-resistance",) and "kb:houthis" in ev.targets


def test_events_an_armed_actor_firing_a_weapon_is_shelling():
    evs, names = events("أمطرت الفصائل المقاتلة المعارضة للنظام السوري أربع بلدات محاصرة في شمال سوريا "
                        "بالقذائف الصاروخية.")
    [ev] = evs
    assert ev.type == "shelling" and ev.agents == ("kb:syrian-opposition-factions",)
    assert not names[ev.location].id.startswith("new:")      # "بلدات محاصرة" is no place name


def test_events_a_weapon_alone_with_no_one_firing_or_hit_is_no_incident():
    evs, _ = events("وزار الوزير وحدات المدفعية وراجمات الصواريخ في المنطقة الجنوبية.")
    assert evs == ()


def test_events_a_car_bomb_destroyed_is_no_bombing():
    evs, _ = events("أعلنت وزارة الدفاع العراقية عن مقتل 23 عنصرا من تنظيم داعش وتدمير سيارة مفخخة بقصف لطيران التحالف.")
    assert "bombing" not in [e.type for e in evs]


def test_events_attacks_retaliated_against_are_not_the_retaliators():
    evs, _ = events("وفي محافظة مأرب شنت طائرات التحالف غارات أخرى، ردا على هجمات من ميليشيات التمرد.")
    clash = next(e for e in evs if e.type == "armed_clash")
    assert clash.agents == ()


def test_events_a_unit_named_by_its_ordinal_is_not_an_anaphor():
    evs, names = events("شنت طائرات التحالف غارات على مأرب. كما تمكن الثوار من قتل قائد اللواء الأول مشاة جبلي.")
    assert evs[1].type == "killing" and "kb:saudi-led-coalition" not in evs[1].agents
    assert any(e.label.startswith("اللواء") and e.id.startswith("new:") for e in names.values())


def test_events_fighting_with_someone_makes_them_the_other_side_and_both_subjects_act():
    evs, _ = events("أكدت مصادر عسكرية يمنية أن قوات الجيش والمقاومة الشعبية تخوض حاليا معارك عنيفة "
                    "مع ميليشيات الحوثيين في لحج.")
    [ev] = evs
    assert set(ev.agents) == {"kb:yemen-national-army", "kb:yemen-popular-resistance"}
    assert ev.targets == ("kb:houthis",)


def test_events_a_conjunct_of_the_target_is_a_target_too():
    evs, _ = events("وقالت مصادر محلية إن مقاتلي المقاومة الشعبية فجروا دبابة للحوثيين وقوات صالح وسط تعز.")
    bomb = next(e for e in evs if e.type == "bombing")
    assert bomb.agents == ("kb:yemen-popular-resistance",)
    assert set(bomb.targets) == {"kb:houthis", "kb:saleh-forces"}


def test_events_a_newspaper_named_like_a_city_is_not_the_place():
    evs, names = events('وقالت مصادر محلية ل"الرياض" ان طيران التحالف شن عدة غارات استهدفت تجمعا للحوثيين.')
    assert evs and all(e.location is None or names[e.location].label != "الرياض" for e in evs)


def test_events_explosives_found_are_the_finding_verbs_object():
    evs, _ = events("وأثناء تمشيط الشريط الحدودي عثرت قوات حرس الحدود على عبوات ناسفة قرب رفح.")
    assert "bombing" not in [e.type for e in evs]


def test_events_a_rocket_fired_or_falling_is_shelling():
    evs, _ = events("وقال الجيش الإسرائيلي إن صاروخا أطلق من قطاع غزة وسقط خارج تجمع سكاني في النقب.")
    assert [e.type for e in evs] == ["shelling"]


def test_events_a_casualty_noun_with_its_number_after_it_is_an_incident():
    evs, _ = events("قتل 11 عنصرا من تنظيم داعش في الرمادي. "
                    "وفي بعقوبة أعلنت الشرطة مصرع ثلاثة أشخاص وإصابة اثنين بهجمات متفرقة.")
    assert [(e.type, e.fatalities) for e in evs] == [("killing", 11), ("killing", 3)]


def test_events_an_attack_on_a_hideout_is_a_raid():
    evs, _ = events("وقامت قوات الجيش العراقي بتنفيذ هجمات على أوكار تنظيم داعش في منطقة حصيبة الشرقية.")
    assert [e.type for e in evs] == ["raid"]


def test_events_spokesmen_in_the_plural_introduce_their_body_as_the_source():
    evs, names = events("أعلن متحدثون باسم الجيش الليبي أمس أن طائرات حربية قصفت سفينة قرب بنغازي.")
    sources = [names[r] for r in evs[0].reported_by]
    assert sources and all(s.type == "MilitaryForce" and "الليبي" in s.label for s in sources)


def test_events_a_checkpoint_attacked_is_no_ambush():
    evs, _ = events("قامت مجموعة إرهابية من ولاية سيناء بمهاجمة كمين حرس حدود بمنطقة الدهوس قرب رفح.")
    assert "ambush" not in [e.type for e in evs] and evs


def test_events_soldiers_with_a_nationality_are_their_countrys_army_hit():
    evs, names = events("قال مسعفون إن عشرة جنود ليبيين قُتلوا خلال قتال جماعات إسلامية في مدينة بنغازي.")
    [ev] = evs
    assert ev.fatalities == 10 and [names[t].type for t in ev.targets] == ["MilitaryForce"]


def test_events_a_negator_governs_its_own_word_not_a_later_clause():
    """"دون إسهاب" is "without elaborating": the arrest after it happened."""
    evs, names = events("وذكرت الشرطة العراقية دون إسهاب أنه تم اعتقال قيادي في تنظيم داعش في الموصل.")
    assert [e.type for e in evs] == ["arrest"]


def test_events_a_purpose_is_not_an_incident_but_the_act_it_served_is():
    evs, _ = events("اقتحم مسلحو داعش قرية قرب الموصل لتنفيذ حملة اختطاف بحق السكان.")
    assert "abduction" not in [e.type for e in evs] and evs


def test_events_source_named_after_an_organisation_head():
    """"قالت حركة المقاومة الشعبية": the head word stands between the cue and the listed name."""
    evs, names = events("قالت حركة المقاومة الشعبية إن طائرات التحالف شنت غارات على مواقع للحوثيين في تعز.")
    [ev] = evs
    assert [names[r].id for r in ev.reported_by] == ["kb:yemen-popular-resistance"]


def test_events_the_attack_named_after_an_assassination_is_that_assassination():
    evs, _ = events("اغتال مسلحون مجهولون قياديا في حركة فتح في مخيم عين الحلوة. "
                    "وقتل مرافقه أيضا في الهجوم.")
    assert [e.type for e in evs] == ["assassination", "assassination"]


def test_events_a_ministry_after_its_spokesman_is_the_source_a_medium_is_the_addressee():
    evs, names = events("وقال المتحدث الأمني لوزارة الداخلية العراقية إن سيارة مفخخة انفجرت في بعقوبة.")
    assert [names[r].id for r in evs[0].reported_by] == ["kb:iraq-moi"]
    evs, names = events("وقال متحدث عسكري لوكالة رويترز إن طائرات التحالف قصفت مواقع للحوثيين في صعدة.")
    assert evs[0].reported_by == ()


def test_events_claim_of_this_attack_names_the_agent():
    evs, names = events('أعلنت حركة "طالبان" مسؤوليتها عن هذا التفجير في ولاية هلمند.')
    [ev] = evs
    assert [names[a].id for a in ev.agents] == ["kb:taliban"] == [names[r].id for r in ev.reported_by]


def test_events_a_place_exposed_to_shells_is_an_incident():
    evs, _ = events("تعرض مركز حدودي في منطقة جازان لقذائف عسكرية من داخل الأراضي اليمنية.")
    assert [e.type for e in evs] == ["shelling"]


def test_events_backers_of_the_actor_are_neither_agents_nor_targets():
    evs, names = events("شنت المقاومة الشعبية المدعومة من قوات التحالف والجيش الوطني هجوما على مواقع الحوثيين في تعز.")
    [ev] = evs
    assert [names[a].id for a in ev.agents] == ["kb:yemen-popular-resistance"]
    assert [names[t].id for t in ev.targets] == ["kb:houthis"]


def test_events_in_a_clash_between_two_sides_the_backers_conjunct_is_the_other_side():
    evs, names = events('اندلعت اشتباكات ما بين القوات العراقية المسنودة بفصائل الحشد الشعبي وتنظيم "داعش" في الفلوجة.')
    [ev] = evs
    assert {names[x].id for x in ev.agents + ev.targets} == {"kb:iraq-armed-forces", "kb:isis"}


def test_events_the_toll_after_a_long_description_of_the_attack_is_the_attacks():
    evs, _ = events("أدى القصف العنيف الذي استخدمت فيه الصواريخ وقذائف الهاون وتعرض له مخيم اللاجئين "
                    "الفلسطينيين جنوب مدينة درعا طوال يوم أمس من مواقع قوات النظام المنتشرة في محيط المخيم "
                    "لمقتل خمسة مدنيين.")
    assert [e.type for e in evs] == ["shelling"] and evs[0].fatalities == 5


def test_events_no_claim_for_the_attacks_the_report_named_is_a_mention_of_them():
    evs, _ = events("انفجرت سيارة مفخخة في بعقوبة وقتل سبعة من عناصر الشرطة. "
                    "ولم تعلن أي جهة على الفور مسؤوليتها عن الهجومين.")
    assert [e.type for e in evs] == ["bombing", "bombing"]


def test_events_what_a_group_does_in_a_relative_clause_is_no_incident():
    evs, _ = events("وتستضيف القاعدة طائرات التحالف الدولي الذي يقصف تنظيم داعش في العراق وسوريا.")
    assert evs == ()


def test_events_a_definite_word_after_a_construct_noun_is_a_person_not_a_force():
    """"مقتل الأردني" is the killing of the Jordanian; "القصف الإسرائيلي" is Israeli shelling."""
    evs, names = events("اغتيل طلال الأردني القيادي في حركة فتح في مخيم عين الحلوة. "
                        "ولم تعلن أي جهة مسؤوليتها عن مقتل الأردني.")
    assert [e.type for e in evs] == ["assassination", "assassination"]
    assert all(not names[a].id.startswith("kb:") for e in evs for a in e.agents)
    evs, names = events("أسفر القصف الإسرائيلي على مدينة غزة عن مقتل ثلاثة مدنيين.")
    assert [names[a].id for a in evs[0].agents] == ["kb:idf"]


def test_events_the_body_a_killed_person_belongs_to_is_not_a_target():
    evs, names = events("اغتال مسلحون مجهولون أبو محمد الجولاني القيادي في جبهة النصرة في ريف إدلب.")
    [ev] = evs
    assert [names[t].type for t in ev.targets] == ["Person"]


def test_events_shots_that_killed_an_official_are_the_assassination_itself():
    evs, _ = events("وقال شهود إن مسلحين من حركة الشباب أطلقوا النار على السيارة، فقتل النائب ومن كان معه في مقديشو.")
    assert [e.type for e in evs] == ["assassination"]


@pytest.mark.parametrize("text", [
    "حررت وحدات حماية الشعب الكردية بلدة صرين في شمال سوريا من تنظيم داعش.",
    "وتمكن مقاتلو المقاومة الشعبية من السيطرة على مدينة زنجبار بعد معارك مع الحوثيين.",
])
def test_events_taking_a_place_is_a_campaign(text):
    evs, _ = events(text)
    assert "military_campaign" in [e.type for e in evs]


@pytest.mark.parametrize("text", [
    "قال رئيس التحرير إن الصحيفة ستنشر تقريرا عن تنظيم داعش في الرقة.",
    "ويجري التنسيق لتحرير بقية المديريات في محافظة تعز من الحوثيين.",
    "وتمكنت فرق الدفاع المدني من السيطرة على الحريق في ميناء عدن.",
    "وسعت القوات العراقية إلى السيطرة على مدينة الرمادي.",
])
def test_events_taking_without_a_place_or_in_intent_is_no_incident(text):
    evs, _ = events(text)
    assert "military_campaign" not in [e.type for e in evs]


def test_events_a_coalition_reports_strikes_near_each_place_as_strikes_of_their_own():
    evs, names = events("وقالت قوة المهام المشتركة إن طائرات التحالف الدولي شنت غارات على تنظيم داعش في العراق "
                        "شملت خمس غارات قرب الموصل وثلاث قرب الرمادي وثلاث قرب سنجار.")
    strikes = [e for e in evs if e.type == "airstrike"]
    assert len(strikes) == 4
    assert len({e.location for e in strikes[1:]}) == 3 and all(e.agents == strikes[0].agents for e in strikes)


def test_events_a_toll_in_a_town_is_no_strike_count():
    evs, _ = events("شنت طائرات التحالف الدولي 20 غارة على مواقع داعش في الرمادي، وقتل 15 في الفلوجة.")
    assert [e.type for e in evs] == ["airstrike"]


def test_events_a_group_broadcasting_the_executions_it_shows_carried_them_out():
    evs, names = events("بث تنظيم داعش اليوم فيديو جديدا يظهر إعدام رجلين في مدينة الرقة.")
    [ev] = evs
    assert [names[a].id for a in ev.agents] == ["kb:isis"] == [names[r].id for r in ev.reported_by]


def test_events_a_killing_verb_conjoined_to_the_attack_verb_is_its_toll():
    evs, _ = events("هاجم مسلحون نقطة تفتيش للجيش العراقي في الرمادي وقتلوا ثلاثة جنود.")
    assert [(e.type, e.fatalities) for e in evs] == [("armed_clash", 3)]


def test_events_a_killing_in_a_new_clause_stays_an_incident_of_its_own():
    evs, _ = events("هاجم مسلحون نقطة تفتيش للجيش العراقي في الرمادي، فيما قتل ثلاثة مدنيين في الفلوجة.")
    assert "killing" in [e.type for e in evs]


def test_events_shots_before_an_execution_are_its_means():
    evs, _ = events("وبعد التحقيق معهما، قامت مجموعة من داعش بإطلاق النار على الشابين، وأعدموهما في مدينة الرقة.")
    assert [e.type for e in evs] == ["execution"]


def test_events_a_fighting_word_with_lam_says_what_something_is_for():
    evs, _ = events("أرسل الجيش الأمريكي مقاتلات إلى قاعدة إنجرليك التركية دعما للتصدي لمسلحي تنظيم داعش في سوريا.")
    assert evs == ()


@pytest.mark.parametrize("text", [
    "أعلن نائب الرئيس اليمني أن مدينة عدن أصبحت الآن تحت سيطرة المقاومة الشعبية بعد معارك مع الحوثيين.",
    "وقال مسؤول إن البلدة سقطت بيد تنظيم داعش بعد هجوم على مواقع الجيش العراقي.",
])
def test_events_a_place_passing_into_someones_hands_is_a_capture(text):
    evs, _ = events(text)
    assert "military_campaign" in [e.type for e in evs]
