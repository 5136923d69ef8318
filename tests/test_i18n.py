"""Every word of the browser app exists in English and Simplified Chinese, and the sentences that
explain why people left read as the issue asks."""

from __future__ import annotations

import re
import string

import pytest

from sim.agents.psychology import DRIVERS, NEEDS
from sim.params import describe
from sim.policies import FAMILIES, POLICIES
from sim.scenario import SCENARIO_DIR, load_scenario
from sim.viz import i18n

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
    "FAMILY_LABELS": i18n.FAMILY_LABELS,
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
    assert set(FAMILIES) <= set(i18n.FAMILY_LABELS)


def test_every_registered_policy_has_a_chinese_title_and_chinese_parameter_labels():
    missing_titles = [name for name, cls in POLICIES.items() if not getattr(cls, "title_zh", "")]
    assert missing_titles == [], f"policies without title_zh: {missing_titles}"
    missing = [
        f"{name}.{info.name}"
        for name, cls in POLICIES.items()
        for info in describe(cls.Params)
        if info.kind != "other" and not i18n.has_param_zh(cls.Params, info.name)
    ]
    assert missing == [], f"add to i18n.PARAM_NAMES (or label_zh on the param): {missing}"
    choices = sorted(
        {
            str(c)
            for cls in POLICIES.values()
            for info in describe(cls.Params)
            for c in info.choices
            if str(c) not in i18n.CHOICE_NAMES
        }
    )
    assert choices == [], f"add to i18n.CHOICE_NAMES: {choices}"


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
    everything += " ".join(i18n.PARAM_NAMES.values())
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
    assert i18n.choice("some_mode", "zh") == "some mode"
    assert i18n.other_sentence("award", 2, "engineer", 4, "en") == "Month 2 · award: engineer #4."
