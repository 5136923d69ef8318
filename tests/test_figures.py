"""Figures: the shipped Chinese font, the formats and resolutions, one colour and one label per arm,
and the run report's 'why they left' and Kaplan-Meier panels."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from sim.agents.psychology import DRIVERS
from sim.calibration.spells import life_table, spells_from_events
from sim.cli import main
from sim.model import OrgModel
from sim.org.exits import CAREER_END, EXIT_KINDS, INVOLUNTARY
from sim.viz import fonts, i18n, report
from sim.viz.style import (
    ARM_COLOURS,
    DPI_BOUNDS,
    SPARE_COLOURS,
    FigureSettings,
    FigureSettingsError,
    arm_colour,
    arm_colours,
    arm_label,
    short_title,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def shengyi_run():
    model = OrgModel.from_scenario("shengyi", seed=3).run(12)
    return model.metrics(), model.events()


@pytest.fixture(scope="module")
def baseline_run():
    model = OrgModel.from_scenario("baseline", seed=1).run(36)
    return model.metrics(), model.events()


def drawn(monkeypatch):
    """Keep the figures a module closes, to look inside them."""
    figures = []
    monkeypatch.setattr(report.plt, "close", lambda fig: figures.append(fig))
    return figures


# --- the Chinese font ---------------------------------------------------------------------------

HIDDEN_FONTS = textwrap.dedent(
    """
    import json, warnings
    from pathlib import Path
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib import font_manager
    import matplotlib.pyplot as plt

    # only matplotlib's own fonts: every font of the machine (a system CJK font included) hidden
    own = Path(matplotlib.get_data_path()).resolve()
    manager = font_manager.fontManager
    manager.ttflist = [f for f in manager.ttflist if own in Path(f.fname).resolve().parents]
    manager._findfont_cached.cache_clear()
    matplotlib.rcParams["font.family"] = ["DejaVu Sans", "WenQuanYi Micro Hei"]
    chinese = "为什么离职：对企业缺乏认同与承诺（%）"

    def glyph_warnings(path):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            fig, ax = plt.subplots()
            ax.set_title(chinese)
            fig.savefig(path)
            plt.close(fig)
        return [str(w.message) for w in caught if "Glyph" in str(w.message)]

    before = glyph_warnings("before.png")
    families = sorted({f.name for f in manager.ttflist})

    from sim.viz import fonts  # registers the shipped font
    from sim.model import OrgModel
    from sim.viz import report
    from sim.viz.style import FigureSettings

    after = glyph_warnings("after.png")
    model = OrgModel.from_scenario("shengyi", seed=3).run(6)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for fmt in ("png", "pdf", "svg"):
            report.run_report(model.metrics(), "report_zh." + fmt, "盛益公司", "情景", model.events(),
                              FigureSettings(format=fmt, lang="zh"))
    report_warnings = [str(w.message) for w in caught if "Glyph" in str(w.message)]
    used = font_manager.findfont(font_manager.FontProperties(family=[fonts.CJK_FAMILY]))
    print(json.dumps({"before": before, "after": after, "report": report_warnings,
                      "families": families, "used": used, "shipped": str(fonts.font_path())}))
    """
)


@pytest.fixture(scope="module")
def hidden_fonts(tmp_path_factory):
    """A fresh matplotlib (its own empty cache folder) in a subprocess that sees no system font."""
    folder = tmp_path_factory.mktemp("fonts")
    env = {**os.environ, "MPLCONFIGDIR": str(folder / "mplconfig"), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", HIDDEN_FONTS],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1]), folder


def test_without_a_system_font_chinese_is_missing_until_the_shipped_font_is_registered(
    hidden_fonts,
):
    result, _ = hidden_fonts
    assert not any("WenQuanYi" in f or "CJK" in f for f in result["families"])
    assert result["before"], "with the machine's fonts hidden, Chinese should have no glyphs"
    assert result["after"] == []
    assert result["report"] == []
    assert Path(result["used"]) == Path(result["shipped"])


def test_chinese_report_in_every_format_embeds_the_shipped_font_as_truetype(hidden_fonts):
    _, folder = hidden_fonts
    pdf = (folder / "report_zh.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    assert b"WenQuanYiMicroHei" in pdf and b"/FontFile2" in pdf and b"/CIDFontType2" in pdf
    assert b"/Type3" not in pdf  # no font drawn as Type 3 procedures
    svg = (folder / "report_zh.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "<text" not in svg  # text as paths: no font needed to view it
    with Image.open(folder / "report_zh.png") as image:
        assert image.format == "PNG"


def test_every_figure_module_registers_the_font_and_embeds_type_42():
    import matplotlib

    from sim.viz import case_figures, experiment_plots  # noqa: F401

    assert fonts.CJK_FAMILY in matplotlib.rcParams["font.family"]
    assert matplotlib.rcParams["pdf.fonttype"] == 42
    assert fonts.font_path().stat().st_size > 1_000_000


# --- formats and resolutions --------------------------------------------------------------------


@pytest.mark.parametrize("dpi", [60, 200])
def test_a_png_report_is_as_many_pixels_as_its_dpi_asks(shengyi_run, tmp_path, dpi):
    metrics, events = shengyi_run
    path = report.run_report(metrics, tmp_path / "r.png", "t", "", events, FigureSettings(dpi=dpi))
    with Image.open(path) as image:
        assert image.size == (18 * dpi, 15 * dpi)


def test_pdf_and_svg_are_the_same_file_each_time(shengyi_run, tmp_path):
    metrics, events = shengyi_run
    for fmt in ("pdf", "svg"):
        one = report.run_report(
            metrics, tmp_path / f"a.{fmt}", "t", "", events, FigureSettings(fmt)
        )
        two = report.run_report(
            metrics, tmp_path / f"b.{fmt}", "t", "", events, FigureSettings(fmt)
        )
        assert one.read_bytes() == two.read_bytes()


@pytest.mark.parametrize(
    "settings",
    [
        {"format": "jpg"},
        {"dpi": DPI_BOUNDS[0] - 1},
        {"dpi": DPI_BOUNDS[1] + 1},
        {"dpi": 1.5},
        {"lang": "fr"},
    ],
)
def test_figure_settings_out_of_bounds_are_refused(settings):
    with pytest.raises(FigureSettingsError):
        FigureSettings(**settings)


@pytest.mark.parametrize(
    "argv",
    [
        ["run", "baseline", "--months", "2", "--dpi", "49"],
        ["run", "baseline", "--months", "2", "--dpi", "601"],
        ["run", "baseline", "--months", "2", "--format", "jpeg"],
        ["demo", "--dpi", "12x"],
        ["compare", "shengyi", "shengyi_reformed", "--dpi", "1000"],
        ["sweep", "baseline", "--grid", "market.shortage=0,0.1", "--format", "eps"],
        ["sensitivity", "baseline", "--param", "market.shortage", "--dpi", "0"],
        ["plot", "runs/none", "--dpi", "9999"],
    ],
)
def test_a_bad_format_or_dpi_is_one_line_and_exit_2(argv, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and ("--dpi" in err[0] or "--format" in err[0])
    assert not any(tmp_path.iterdir())  # nothing was run or written


def test_run_writes_its_report_in_the_format_asked(tmp_path, capsys):
    out = tmp_path / "run"
    argv = ["run", "shengyi", "--months", "3", "--out", str(out), "--format", "svg", "--lang", "zh"]
    assert main(argv) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "events.csv",
        "metrics.csv",
        "report.svg",
        "summary.json",
    ]
    # the same command again finds its own run in the folder and replaces it
    assert main(argv) == 0


def test_compare_draws_its_figures_as_pdf(tmp_path, capsys):
    out = tmp_path / "cmp"
    argv = ["compare", "shengyi", "shengyi_reformed", "--seeds", "1", "--months", "2", "--quiet"]
    assert main([*argv, "--out", str(out), "--format", "pdf"]) == 0
    names = sorted(p.name for p in (out / "figures").iterdir())
    assert names == ["differences.pdf", "trajectories.pdf"]
    assert all((out / "figures" / n).read_bytes().startswith(b"%PDF") for n in names)


# --- one colour and one label per arm -----------------------------------------------------------


def test_an_arm_has_its_colour_whatever_else_is_drawn():
    assert arm_colours(["shengyi", "shengyi_reformed"]) == {
        "shengyi": ARM_COLOURS["shengyi"],
        "shengyi_reformed": ARM_COLOURS["shengyi_reformed"],
    }
    assert (
        arm_colours(["baseline", "shengyi_reformed", "shengyi"])["shengyi"]
        == ARM_COLOURS["shengyi"]
    )
    assert arm_colour("calm") == arm_colour("calm") and arm_colour("calm") in SPARE_COLOURS


def test_arms_of_one_figure_never_share_a_colour():
    names = [f"arm{i}" for i in range(len(SPARE_COLOURS))] + ["shengyi", "shengyi_reformed"]
    colours = arm_colours(names)
    assert len(set(colours.values())) == len(names)


def test_labels_are_scenario_titles_never_ids():
    assert arm_label("shengyi_reformed") == "Shengyi reformed"
    assert arm_label("shengyi_reformed", "zh") == "改革后的盛益公司"
    assert arm_label("calm") == "calm"  # a name the user chose stays
    assert (
        short_title("Red Star without Haier: the same factory, unreformed")
        == "Red Star without Haier"
    )


def test_demo_comparison_and_experiment_figures_give_shengyi_the_same_colour_and_title(
    monkeypatch, tmp_path
):
    from sim import experiment as ex
    from sim.viz import experiment_plots

    figures = drawn(monkeypatch)
    runs = {
        name: OrgModel.from_scenario(name, seed=1).run(2).metrics().assign(replicate=0)
        for name in ("shengyi", "shengyi_reformed")
    }
    report.comparison_report(runs, tmp_path / "c.png", "t", figure=FigureSettings(dpi=60))
    result = ex.compare(
        {"shengyi": "shengyi", "shengyi_reformed": "shengyi_reformed"},
        settings=ex.RunSettings(seeds=1, months=2, progress=False),
    )
    monkeypatch.setattr(experiment_plots, "_save", lambda fig, path: figures.append(fig) or path)
    experiment_plots.trajectories(result, Path("unused.png"), ["headcount"])
    for fig in figures:
        lines = {
            line.get_label(): matplotlib_colour(line.get_color())
            for ax in fig.axes
            for line in ax.get_lines()
            if not line.get_label().startswith("_")
        }
        assert lines["Shengyi"] == ARM_COLOURS["shengyi"]
        assert lines["Shengyi reformed"] == ARM_COLOURS["shengyi_reformed"]
        shown = " ".join(t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text")))
        assert "shengyi_reformed" not in shown


def matplotlib_colour(colour) -> str:
    from matplotlib.colors import to_hex

    return to_hex(colour)


# --- the run report -----------------------------------------------------------------------------


def test_why_they_left_shows_the_leavers_drivers_largest_first(baseline_run):
    _, events = baseline_run
    shares, leavers, others = report.driver_shares(events)
    voluntary = events[events.event.isin(["quit", "non_renewal"])]
    assert leavers == len(voluntary) > 0
    assert others == int(events.event.isin([*INVOLUNTARY, *CAREER_END]).sum())
    assert set(shares.index) == set(DRIVERS)
    assert shares.sum() == pytest.approx(1.0)
    assert list(shares) == sorted(shares, reverse=True)
    assert shares["pay"] == pytest.approx(voluntary["driver_pay"].mean())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_report_has_a_why_they_left_panel_labelled_from_the_declarations(
    baseline_run, monkeypatch, tmp_path, lang
):
    metrics, events = baseline_run
    figures = drawn(monkeypatch)
    report.run_report(
        metrics, tmp_path / "r.png", "t", "", events, FigureSettings(dpi=50, lang=lang)
    )
    (fig,) = figures
    titles = {ax.get_title(loc="left"): ax for ax in fig.axes}
    why = next(ax for t, ax in titles.items() if t.startswith(report.text("why_title", lang)))
    ticks = sorted(
        zip(why.get_yticks(), (t.get_text() for t in why.get_yticklabels()), strict=True),
        reverse=True,
    )
    shares, _, _ = report.driver_shares(events)
    shown = shares[shares >= 0.005]
    assert [label for _, label in ticks] == [i18n.driver(d, lang) for d in shown.index]  # top down
    assert any(t.startswith(report.text("km_title", lang)) for t in titles)


def test_the_kaplan_meier_curve_of_the_hired_is_the_spell_rules_life_table(
    baseline_run, monkeypatch, tmp_path
):
    metrics, events = baseline_run
    figures = drawn(monkeypatch)
    report.run_report(metrics, tmp_path / "r.png", "t", "", events, FigureSettings(dpi=50))
    (fig,) = figures
    km = next(ax for ax in fig.axes if ax.get_title(loc="left") == report.text("km_title", "en"))
    hired = next(line for line in km.get_lines() if line.get_label().startswith("hired"))
    last = int(metrics.month.max())
    table = life_table(spells_from_events(events, last), last)
    survival = np.cumprod(1 - table["hazard"].fillna(0.0))
    x, y = hired.get_xdata(), hired.get_ydata()
    for tenure in (3, 6, 12, 24):
        at = np.searchsorted(x, tenure, side="right") - 1
        assert y[at] == pytest.approx(survival.loc[tenure], abs=1e-9)


def test_the_staff_of_month_0_are_all_counted_once(baseline_run):
    metrics, events = baseline_run
    last = int(metrics.month.max())
    spells = report.initial_staff_spells(events, int(metrics.headcount.iloc[0]), last)
    assert len(spells) == int(metrics.headcount.iloc[0])
    hired = set(events.loc[events.event == "hire", "employee_id"])
    left = events[events.event.isin(EXIT_KINDS)]
    assert spells.exit_month.notna().sum() == (~left.employee_id.isin(hired)).sum()


def test_a_run_with_nobody_leaving_says_so(monkeypatch, tmp_path):
    model = OrgModel.from_scenario("baseline", seed=1).run(1)
    events = model.events()
    events = events[~events.event.isin(["quit", "non_renewal", "hire"])]
    figures = drawn(monkeypatch)
    report.run_report(model.metrics(), tmp_path / "r.png", "t", "", events, FigureSettings(dpi=50))
    (fig,) = figures
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert report.text("nobody_left", "en") in texts
    # nobody hired: only the staff of month 0 have a curve, and it never falls
    km = next(ax for ax in fig.axes if ax.get_title(loc="left") == report.text("km_title", "en"))
    (line,) = [line for line in km.get_lines() if not line.get_label().startswith("_")]
    assert line.get_label().startswith("staff of month 0")
    assert set(line.get_ydata()) == {1.0}


def test_a_firm_too_small_for_a_curve_says_so(monkeypatch, tmp_path):
    model = OrgModel.from_scenario("baseline", seed=1).run(1)
    metrics = model.metrics().assign(headcount=report.MIN_SPELLS - 1)
    events = model.events()
    events = events[events.event != "hire"]
    figures = drawn(monkeypatch)
    report.run_report(metrics, tmp_path / "r.png", "t", "", events, FigureSettings(dpi=50))
    (fig,) = figures
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert report.text("km_too_few", "en", n=0) in texts


def test_money_ticks_read_in_each_language():
    assert report.money(1_500_000) == "1.5M" and report.money(250_000) == "250k"
    assert (
        report.money(1_500_000, lang="zh") == "150万" and report.money(25_000, lang="zh") == "2.5万"
    )
    assert report.money(50_000, lang="zh") == "5万" and report.money(-50_000, lang="zh") == "-5万"


def test_case_figures_declare_every_case():
    from sim import cases
    from sim.viz.case_figures import CASE_FIGURES

    assert set(CASE_FIGURES) == set(cases.CASES)
    for spec in CASE_FIGURES.values():
        for arm in spec.arms:
            assert arm.name in ARM_COLOURS, arm.name
            for lang in ("en", "zh"):
                assert arm.shown(lang) and not re.search(r"[a-z]+_[a-z]+", arm.shown(lang))


@pytest.mark.parametrize(("lang", "weight"), [("en", "bold"), ("zh", "normal")])
def test_titles_are_of_one_weight_in_each_language(
    shengyi_run, monkeypatch, tmp_path, lang, weight
):
    # the shipped CJK font has no bold face: a bold zh title would be bold Latin in regular Chinese
    metrics, events = shengyi_run
    figures = drawn(monkeypatch)
    report.run_report(
        metrics, tmp_path / "r.png", "t", "", events, FigureSettings(dpi=50, lang=lang)
    )
    (fig,) = figures
    titles = [ax._left_title for ax in fig.axes if ax.get_title(loc="left")]
    assert len(titles) == 8
    assert {t.get_fontweight() for t in titles} == {weight}


def test_a_monthly_turnover_off_the_scale_says_how_high_it_went(
    baseline_run, monkeypatch, tmp_path
):
    metrics, events = baseline_run
    metrics = metrics.copy()
    metrics.loc[metrics.month == 30, "turnover_rate_annual"] = 15.83  # a firm emptying out
    figures = drawn(monkeypatch)
    report.run_report(metrics, tmp_path / "r.png", "t", "", events, FigureSettings(dpi=50))
    (fig,) = figures
    turnover = next(
        ax for ax in fig.axes if ax.get_title(loc="left") == report.text("turnover_title", "en")
    )
    labels = [line.get_label() for line in turnover.get_lines()]
    peak = 100 * metrics.loc[metrics.month > 0, "turnover_rate_annual"].max()
    assert peak == pytest.approx(1583) and peak > turnover.get_ylim()[1]
    assert "1,583%" in labels[0] and labels[0] == report.text("monthly", "en") + report.text(
        "off_scale", "en", peak=peak
    )
