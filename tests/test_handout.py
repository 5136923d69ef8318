"""``orgsim handout CASE --lang en|zh --out FILE.pdf``: every case has its words in both languages,
the PDF holds the story, the claim, the figure, the facts and the questions, Chinese has all its
glyphs, and no line runs past the page's margins."""

from __future__ import annotations

import ast
import re
import warnings
from pathlib import Path

import pytest

from sim import __version__, cases, handout
from sim.cli import main
from sim.handout_text import CASE_NAMES, CASES, FACTS_ZH, WORDS, word
from sim.scenario import load_scenario
from sim.viz import i18n
from sim.viz.case_figures import CASE_FIGURES

ROOT = Path(__file__).resolve().parent.parent


def measured_facts() -> set[str]:
    """The fact names sim/cases.py gives its Outcomes (the first argument of each)."""
    tree = ast.parse((ROOT / "sim" / "cases.py").read_text(encoding="utf-8"))
    return {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", None) == "Outcome"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }


def test_every_case_has_a_handout_in_both_languages():
    assert set(CASE_NAMES) == set(CASES) == set(cases.CASES)
    for name, text in CASES.items():
        load_scenario(text.scenario)  # the story's scenario exists
        assert text.claim and re.search(r"[\u4e00-\u9fff]", text.claim_zh), name
        assert 3 <= len(text.questions) <= 4, name
        assert len(text.questions_zh) == len(text.questions), name
        assert all(re.search(r"[\u4e00-\u9fff]", q) for q in text.questions_zh), name


def test_every_measured_fact_has_its_chinese():
    facts = measured_facts()
    assert len(facts) > 10
    assert facts == set(FACTS_ZH)
    assert all(len(v) == 3 and all(v) for v in FACTS_ZH.values())
    assert all(all(pair) for pair in WORDS.values())


@pytest.mark.parametrize(
    ("text", "width", "size"),
    [
        (
            "The few key salespeople who hold most of the clients leave and take them along. " * 3,
            3,
            10,
        ),
        (
            "原文把盛益公司的崩溃分为四个层次：第一，掌握大部分客户的几名骨干销售离职并带走客户。"
            * 3,
            3,
            10,
        ),
    ],
)
def test_wrapped_lines_fit_and_keep_every_character(text, width, size):
    lines = handout.wrap(text, width, size)
    assert len(lines) > 2
    assert all(handout.text_width(line, size) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert not any(line[0] in handout.CLOSING for line in lines)
    assert not any(line[-1] in handout.OPENING for line in lines)


@pytest.fixture(scope="module", params=["en", "zh"])
def shengyi_handout(request, tmp_path_factory):
    """The Shengyi handout over 2 seeds, with the text of every page it drew."""
    lang = request.param
    out = tmp_path_factory.mktemp(f"handout_{lang}") / "shengyi.pdf"
    pages: list[list] = []
    saved = handout.PdfPages.savefig

    def keep(pdf, fig=None, **kwargs):
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        page = fig.bbox
        pages.append(
            [
                (t.get_text(), t.get_window_extent(renderer), page)
                for t in fig.findobj(lambda a: hasattr(a, "get_text") and a.get_visible())
                if t.get_text().strip()
            ]
        )
        return saved(pdf, fig, **kwargs)

    mp = pytest.MonkeyPatch()
    mp.setattr(handout.PdfPages, "savefig", keep)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            code = main(["handout", "shengyi", "--lang", lang, "--seeds", "2", "--out", str(out)])
    finally:
        mp.undo()
    glyphs = [str(w.message) for w in caught if "Glyph" in str(w.message)]
    return lang, code, out, pages, glyphs


def test_the_handout_is_a_pdf_with_a_page_per_part_and_embedded_truetype(shengyi_handout):
    lang, code, out, pages, glyphs = shengyi_handout
    assert code == 0
    pdf = out.read_bytes()
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type /Page\b", pdf)) == len(pages) == 3
    assert b"/FontFile2" in pdf and b"/Type3" not in pdf
    assert glyphs == []


def test_the_handout_says_the_story_the_claim_the_facts_and_the_questions(shengyi_handout):
    lang, _, _, pages, _ = shengyi_handout
    shown = ["".join(t for t, _, _ in page).replace(" ", "") for page in pages]
    everything = "".join(shown)
    story, _ = i18n.scenario_story(load_scenario("shengyi"), lang)
    text = CASES["shengyi"]
    assert story.replace(" ", "").replace("\n", "") in everything
    assert text.claim_in(lang).replace(" ", "") in everything
    for question in text.questions_in(lang):
        assert question.replace(" ", "") in everything

    # the figure has its own page, the facts table the last
    def bare(key):
        return word(key, lang).replace(" ", "")

    assert bare("figure") in shown[1] and bare("facts") not in shown[1]
    assert bare("facts") in shown[2] and bare("col_holds") in shown[2]
    heading = CASE_FIGURES["shengyi"].heading(lang)
    for n, page in enumerate(pages, start=1):
        footer = word("page", lang, case=heading, version=__version__, n=n)
        assert footer in [t for t, _, _ in page]


def test_no_text_runs_past_the_page(shengyi_handout):
    _, _, _, pages, _ = shengyi_handout
    for page in pages:
        for text, box, frame in page:
            assert frame.x0 <= box.x0 and box.x1 <= frame.x1, text
            assert frame.y0 <= box.y0 and box.y1 <= frame.y1, text


@pytest.mark.parametrize(
    "argv",
    [
        ["handout", "shengyi", "--out", "x.png"],
        ["handout", "nowhere"],
        ["handout", "shengyi", "--lang", "fr"],
        ["handout", "shengyi", "--seeds", "0"],
    ],
)
def test_a_bad_handout_request_is_one_line_and_exit_2(argv, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert not any(tmp_path.iterdir())
