"""Every word of the browser app exists in English and Simplified Chinese, every declaration
(policy, event, scenario block, psychology) carries its Chinese, and the sentences that explain why
people left read as the issue asks."""

from __future__ import annotations

import re
import string
import typing

import pytest

from sim.agents.psychology import DRIVERS, NEEDS, Psychology
from sim.catalogue import policies_markdown, policies_text
from sim.params import ParamInfo, describe
from sim.policies import EVENTS, FAMILIES, POLICIES
from sim.policies.base import FAMILY_LABELS
from sim.scenario import (
    SCENARIO_DIR,
    Clients,
    Finances,
    Firm,
    ManagementRules,
    Market,
    Role,
    Scenario,
    load_scenario,
)
from sim.units import CURRENCIES, UNITS, unit_text
from sim.viz import i18n

# every block of declared parameters, by where a scenario file or a reader meets it
BLOCKS = (
    [(f"policy {name}", cls.Params) for name, cls in sorted(POLICIES.items())]
    + [(f"event {name}", cls.Params) for name, cls in sorted(EVENTS.items())]
    + [
        (f"scenario {block.__name__}", block)
        for block in (Role, Firm, Clients, Finances, Market, ManagementRules)
    ]
    + [("psychology", Psychology)]
)


def _declared():
    for where, block in BLOCKS:
        for info in describe(block):
            yield where, info


TABLES = {
    "UI": i18n.UI,
    "CHART": i18n.CHART,
    "NEED_LABELS": i18n.NEED_LABELS,
    "NEED_SHORT": i18n.NEED_SHORT,
    "STAGE_LABELS": i18n.STAGE_LABELS,
    "DRIVER_LABELS": i18n.DRIVER_LABELS,
    "EXIT_VERBS": i18n.EXIT_VERBS,
    "EVENT_NAMES": i18n.EVENT_NAMES,
    "SENTENCE": i18n.SENTENCE,
    "FAMILY_LABELS": FAMILY_LABELS,
    "SCENARIO_TITLES": i18n.SCENARIO_TITLES,
}
# entries that are the same in both languages on purpose (letters and symbols only)
LANGUAGE_FREE = {
    ("UI", "arm_title_a"),
    ("UI", "arm_title_b"),
    ("SENTENCE", "driver_share"),
    ("SENTENCE", "hire_group"),
}


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _entries():
    for table, entries in TABLES.items():
        for key, pair in entries.items():
            yield table, key, pair


@pytest.mark.parametrize(("table", "key", "pair"), list(_entries()), ids=lambda v: str(v)[:40])
def test_every_entry_has_english_and_chinese_with_the_same_placeholders(table, key, pair):
    en, zh = pair
    assert en.strip() and zh.strip(), f"{table}[{key!r}] has an empty language"
    assert _placeholders(en) == _placeholders(zh), f"{table}[{key!r}] placeholders differ"
    if (table, key) not in LANGUAGE_FREE:
        # Chinese characters, or at least Chinese (full-width) punctuation
        bare = re.sub(r"\{\w+\}", "", zh)
        assert i18n.has_cjk(zh) or (zh != en and not re.search("[A-Za-z]", bare)), (
            f"{table}[{key!r}] Chinese text has no Chinese: {zh!r}"
        )


def test_every_exit_driver_need_and_policy_family_has_both_languages():
    assert set(i18n.DRIVER_LABELS) == set(DRIVERS)
    assert set(i18n.NEED_LABELS) == set(NEEDS) == set(i18n.NEED_SHORT)
    assert set(FAMILIES) <= set(FAMILY_LABELS)


def test_every_policy_and_event_has_a_chinese_title_and_summary():
    for name, cls in sorted({**POLICIES, **EVENTS}.items()):
        assert i18n.has_cjk(cls.title_zh), f"{name}: give the class a title_zh"
        assert i18n.has_cjk(cls.summary_zh), (
            f"{name}: give the class a summary_zh (the first paragraph of its docstring in Chinese)"
        )
        assert i18n.policy_summary(cls, "zh") == cls.summary_zh


def test_every_declared_parameter_has_a_chinese_label_and_meaning():
    missing = [
        f"{where}: {info.name} ({'label_zh' if not i18n.has_cjk(info.label_zh) else 'doc_zh'})"
        for where, info in _declared()
        if not (i18n.has_cjk(info.label_zh) and i18n.has_cjk(info.doc_zh))
    ]
    assert missing == [], "declare label_zh and doc_zh (param, choice, described):\n" + "\n".join(
        missing
    )


def test_every_choice_value_has_its_chinese_and_nothing_else():
    problems = []
    for where, info in _declared():
        if info.kind != "choice":
            continue
        values = {str(c) for c in info.choices}
        lacking = sorted(values - {k for k, v in info.options_zh.items() if i18n.has_cjk(v)})
        stale = sorted(set(info.options_zh) - values)
        if lacking:
            problems.append(f"{where}: {info.name} needs options_zh for {lacking}")
        if stale:
            problems.append(f"{where}: {info.name} has options_zh for no such value {stale}")
    assert problems == [], "\n".join(problems)


def test_every_declared_unit_is_in_the_unit_glossary():
    unknown = sorted(
        {
            f"{where}: {info.name} in {info.unit!r}"
            for where, info in _declared()
            if info.unit and info.unit not in UNITS
        }
    )
    assert unknown == [], "add the unit to sim.units.UNITS (or use one there):\n" + "\n".join(
        unknown
    )
    for unit, zh in UNITS.items():
        assert i18n.has_cjk(zh) or zh == "{currency}", unit
        assert "currency" not in unit or "{currency}" in zh, (
            f"{unit}: its Chinese lacks the currency"
        )


def test_units_follow_the_language_and_the_scenarios_currency():
    assert unit_text("currency/month", "zh", "yuan") == "元/月"
    assert unit_text("currency/month", "zh", "dollar") == "美元/月"
    assert unit_text("currency/month", "en", "dollar") == "$/month"
    assert unit_text("currency/month", "en", "yuan") == "yuan/month"
    assert unit_text("currency per unit output", "en", "dollar") == "$ per unit output"
    assert unit_text("share", "zh", "dollar") == "比例"
    assert unit_text("months", "en") == "months"
    assert unit_text("", "zh", "yuan") == ""
    # no scenario: the generic word; a unit outside the glossary: as declared, never blank
    assert unit_text("currency/month", "zh") == "货币/月"
    assert unit_text("widgets/currency", "zh", "yuan") == "widgets/元"


def test_each_scenario_names_a_known_currency_yuan_for_the_chinese_cases_dollars_for_lincoln():
    assert set(typing.get_args(Scenario.model_fields["currency"].annotation)) == set(CURRENCIES)
    currency = {p.stem: load_scenario(p).currency for p in SCENARIO_DIR.glob("*.yaml")}
    for case in ("shengyi", "shengyi_reformed", "haier_redstar", "redstar_without_haier"):
        assert currency[case] == "yuan", case
    for case in ("baseline", "money_raise"):
        assert currency[case] == "yuan", case
    assert currency["lincoln_electric"] == currency["lincoln_competitor"] == "dollar"


def test_a_declaration_without_chinese_shows_english_never_a_blank():
    bare = ParamInfo("cost_per_head", 1.0, 0.0, 2.0, "currency/hire", "what one costs", "", "float")
    assert bare.label("zh") == "Cost per head"
    assert bare.meaning("zh") == "what one costs"
    assert bare.option("some_mode", "zh") == "some mode"
    assert bare.unit_in("zh", "yuan") == "元/人"

    class Untranslated:
        """A policy nobody has translated yet.

        Its body."""

        name = "untranslated"
        title_zh = ""

    assert i18n.policy_summary(Untranslated, "zh") == "A policy nobody has translated yet."
    assert i18n.policy_title(Untranslated, "zh") == "Untranslated"


def test_the_chinese_catalogue_lists_every_policy_and_event_in_chinese():
    text, markdown = policies_text("zh"), policies_markdown("zh")
    for cls in list(POLICIES.values()) + list(EVENTS.values()):
        for listing in (text, markdown):
            assert cls.name in listing and cls.summary_zh in listing, cls.name
    for _, info in _declared():
        if info.kind == "choice" and info.options_zh:
            assert next(iter(info.options_zh.values())) in text + markdown
    assert "The PDCA management loop" not in markdown


@pytest.mark.parametrize("path", sorted(SCENARIO_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_scenario_has_a_title_and_story_in_both_languages(path):
    spec = load_scenario(path)
    assert i18n.scenario_title(spec, "en")
    assert i18n.has_cjk(i18n.scenario_title(spec, "zh")), f"{path.stem}: no Chinese title"
    story_en, _ = i18n.scenario_story(spec, "en")
    story_zh, fell_back = i18n.scenario_story(spec, "zh")
    assert story_en, f"{path.stem}: no story"
    assert not fell_back and i18n.has_cjk(story_zh), f"{path.stem}: no Chinese story (story_zh)"
    assert "  " not in story_zh and not re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]", story_zh)


def test_the_issue_example_sentence_comes_out_word_for_word():
    text = i18n.exit_sentence(
        "quit",
        7,
        "salesperson",
        17,
        36,
        {"equity": 0.46, "contagion": 0.30, "growth": 0.05, "pay": 0.04},
        12,
        "en",
    )
    assert text == (
        "Month 7 · salesperson #17, 3 years, left: unfair pay against peers 46%, "
        "colleagues leaving 30%; took 12 clients."
    )
    zh = i18n.exit_sentence(
        "quit", 7, "salesperson", 17, 36, {"equity": 0.46, "contagion": 0.30}, 12, "zh"
    )
    assert (
        zh
        == "第7个月 · 销售人员 #17（司龄3年）辞职：内部缺乏公平感 46%，同事接连离职 30%；带走12个客户。"
    )


@pytest.mark.parametrize("driver", DRIVERS)
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("kind", ["quit", "non_renewal"])
def test_an_exit_sentence_renders_for_each_driver(driver, lang, kind):
    other = "pay" if driver != "pay" else "growth"
    text = i18n.exit_sentence(kind, 3, "engineer", 5, 14, {driver: 0.7, other: 0.3}, 0, lang)
    assert i18n.driver(driver, lang) in text
    assert "70%" in text
    assert i18n.EXIT_VERBS[kind][1 if lang == "zh" else 0] in text
    assert "{" not in text and "}" not in text


def test_dismissals_and_layoffs_say_what_happened_without_quit_drivers():
    text = i18n.exit_sentence("layoff", 4, "production_worker", 9, 30, {"pay": 0.9}, 0, "en")
    assert text == "Month 4 · production worker #9, 2.5 years, was laid off."
    assert "被辞退" in i18n.exit_sentence("dismissal", 4, "salesperson", 9, 3, {}, 1, "zh")


def test_tenure_reads_in_months_then_years():
    assert i18n.tenure(0.2, "en") == "just hired"
    assert i18n.tenure(1, "en") == "1 month"
    assert i18n.tenure(17, "en") == "17 months"
    assert i18n.tenure(30, "en") == "2.5 years"
    assert i18n.tenure(100, "en") == "8 years"
    assert i18n.tenure(36, "zh") == "司龄3年"


def test_the_main_drivers_are_the_largest_and_stop_once_they_explain_two_thirds():
    shares = {"equity": 0.5, "contagion": 0.2, "pay": 0.2, "growth": 0.1}
    assert [d for d, _ in i18n.top_drivers(shares)] == ["equity", "contagion"]
    assert [d for d, _ in i18n.top_drivers({"pay": 0.05, "growth": 0.04})] == ["pay"]
    assert i18n.top_drivers({}) == []


def test_the_chinese_uses_the_source_documents_terms():
    everything = " ".join(zh for *_, (_, zh) in _entries())
    everything += " ".join(f"{info.label_zh} {info.doc_zh}" for _, info in _declared())
    for term in (
        "员工关系管理",
        "保健因素",
        "激励因素",
        "生理需要",
        "安全需要",
        "社会需要",
        "尊重需要",
        "自我实现需要",
        "内部缺乏公平感",
        "外部缺乏竞争力",
        "归属感",
        "不续签合同",
        "末位淘汰",
        "非正式组织",
        "认知",
        "探测",
        "承诺",
        "解除",
    ):
        assert term in everything, term


def test_hires_are_grouped_by_role_in_one_sentence():
    assert (
        i18n.hires_sentence(3, {"production_worker": 2, "engineer": 1}, "en")
        == "Month 3 · hired 3: production worker ×2, engineer ×1."
    )
    assert i18n.hires_sentence(3, {"salesperson": 2}, "zh") == "第3个月 · 招聘2人：销售人员×2。"


def test_unknown_names_fall_back_to_readable_english_never_blank():
    assert i18n.role("night_porter", "zh") == "night porter"
    assert i18n.department("skunk_works", "zh") == "skunk_works"
    assert i18n.other_sentence("award", 2, "engineer", 4, "en") == "Month 2 · award: engineer #4."
