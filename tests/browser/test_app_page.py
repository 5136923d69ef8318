"""The classroom app in headless Chromium: what a trainee and an instructor do with it.

One server serves every test (a new tab is a new session). Screenshots go to ORGSIM_SCREENSHOTS
when it is set (``ORGSIM_SCREENSHOTS=docs/img pytest tests/browser`` refreshes the docs' pictures).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from playwright.sync_api import expect

from sim.viz.app.session import available_cases

from .conftest import CHROMIUM, NO_CHROMIUM, off_machine

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM)]

CASE = "shengyi" if "shengyi" in available_cases() else "baseline"
CASE_TITLE = {"shengyi": "Shengyi", "baseline": "Baseline"}[CASE]


# --- helpers --------------------------------------------------------------------------------------


def month_shown(page, arm: int = 0) -> int:
    return int(page.locator(".status-month").nth(arm).inner_text())


def wait_month(page, month: int, arm: int = 0, timeout: float = 90_000) -> None:
    page.wait_for_function(
        "([arm, month]) => { const m = document.querySelectorAll('.status-month')[arm];"
        " return m && m.innerText === String(month); }",
        arg=[arm, month],
        timeout=timeout,
    )


def image_src(page, css: str) -> str:
    """The source of an image once it has one (an image being swapped can be empty a moment)."""
    script = (
        "(css) => { const el = document.querySelector(css + ' img') ||"
        " document.querySelector('img' + css); return el && el.src ? el.src : ''; }"
    )
    page.wait_for_function(script, arg=css)
    return page.evaluate(script, css)


def pick(page, select_css: str, text: str) -> None:
    """Choose an option of a Vuetify select by its visible text."""
    page.locator(select_css).click()
    page.locator(".menuable__content__active .v-list-item", has_text=text).first.click()


def type_into(page, field_css: str, text: str) -> None:
    field = page.locator(f"{field_css} input").first
    field.fill(text)
    field.press("Enter")


def pick_case(page) -> None:
    pick(page, ".case-select", CASE_TITLE)
    page.locator(".story-title", has_text=CASE_TITLE).first.wait_for()
    wait_month(page, 0)


def run_months(page, months: int) -> None:
    type_into(page, ".stop-input", str(months))
    page.locator(".speed-toggle").get_by_text("10", exact=True).click()
    page.locator(".btn-run").click()
    wait_month(page, months)


def charts_drawn(page, kind: str = "live") -> list[list[str]]:
    """The names of the series each interactive chart of ``kind`` has drawn (plotly's DOM), once
    every chart of the grid has drawn its lines."""
    script = (
        "(kind) => { const plots = [...document.querySelectorAll('.' + kind + '-chart .js-plotly-plot')];"
        " if (plots.length < 8 || plots.some(p => !p.data || !p.data.length"
        " || !p.querySelector('.main-svg'))) return null;"
        " return plots.map(p => p.data.map(t => t.name)); }"
    )
    page.wait_for_function(script, arg=kind)
    return page.evaluate(script, kind)


def screenshot(page, path: Path, height: int = 2400) -> Path:
    """The whole page: the app scrolls inside its own frame, so the window is made tall and the
    picture cut where the content ends."""
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": height})
    time.sleep(0.8)  # let the layout settle and the last image swap in
    bottom = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('.orgsim-main, .v-navigation-drawer .v-card')]"
        ".map(e => e.getBoundingClientRect().bottom))"
    )
    clip = {"x": 0, "y": 0, "width": size["width"], "height": min(height, int(bottom) + 16)}
    page.screenshot(path=str(path), clip=clip)
    page.set_viewport_size(size)
    return path


def assert_not_blank(png: Path, min_colours: int = 200) -> None:
    pixels = np.asarray(Image.open(png).convert("RGB")).reshape(-1, 3)
    colours = len(np.unique(pixels, axis=0))
    inked = float((pixels.min(axis=1) < 200).mean())
    assert colours >= min_colours, f"{png.name}: only {colours} colours, looks blank"
    assert inked > 0.03, f"{png.name}: {inked:.1%} of the pixels are inked, looks blank"


def assert_sidebar_clear(page) -> None:
    """The sidebar's right edge is left of every card of the main column: it covers nothing."""
    right, left = page.evaluate(
        "() => [document.querySelector('.v-navigation-drawer').getBoundingClientRect().right,"
        " Math.min(...[...document.querySelectorAll('.orgsim-main .v-card')]"
        ".map(e => e.getBoundingClientRect().left))]"
    )
    assert right <= left + 1, (
        f"the sidebar (right edge {right:.0f} px) covers the cards ({left:.0f})"
    )


def assert_offline_and_clean(page) -> None:
    assert off_machine(page.requests_seen) == [], "the page reached beyond this machine"
    assert page.console_errors == [], page.console_errors


# --- the tests ------------------------------------------------------------------------------------


def test_the_page_opens_offline_with_the_baseline_story_charts_and_organisation(page, shots):
    page.locator(".story-title", has_text="Baseline").wait_for()
    assert month_shown(page) == 0
    assert image_src(page, ".network-img").startswith(("blob:", "data:image"))
    assert len(charts_drawn(page)) == 8
    assert page.locator(".feed-empty").count() == 1
    assert_not_blank(screenshot(page, shots / "app_start_en.png"))
    assert_offline_and_clean(page)


def test_an_instructor_runs_shengyi_for_twelve_months_and_sees_the_charts_and_feed_change(
    page, shots
):
    pick_case(page)
    charts_drawn(page)  # they draw after the month is shown (later on a loaded machine)
    months_before = page.evaluate(
        "() => document.querySelector('.live-chart .js-plotly-plot').data[0].x.length"
    )
    network_before = image_src(page, ".network-img")
    run_months(page, 12)
    page.locator(".app-notice", has_text="Reached month 12").wait_for()
    page.locator(".btn-run", has_text=re.compile("run", re.I)).wait_for()
    assert month_shown(page) == 12, "the run stops at the month asked for"
    months = "() => document.querySelector('.live-chart .js-plotly-plot').data[0].x.length"
    page.wait_for_function(f"() => ({months})() === 13")
    assert page.evaluate(months) > months_before
    assert image_src(page, ".network-img") != network_before
    feed = page.locator(".feed-a .feed-item")
    assert feed.count() > 0
    exits = page.locator(".feed-a .feed-exit").all_inner_texts()
    assert exits, "a year of Shengyi has leavers"
    assert re.match(r"Month \d+ · .+ #\d+, .+, (left|did not renew the contract|was )", exits[0])
    assert_not_blank(screenshot(page, shots / "app_shengyi_en.png"))
    assert_offline_and_clean(page)


def test_bad_inputs_get_a_visible_message_and_the_page_carries_on(page):
    page.locator(".btn-step").click()
    wait_month(page, 1)
    type_into(page, ".seed-input", "abc")
    page.locator(".app-error", has_text="not a whole number").wait_for()
    assert page.locator(".seed-input .error--text").count() > 0, "the seed field is marked"
    assert month_shown(page) == 1, "a refused seed changes nothing"
    type_into(page, ".stop-input", "0")
    page.locator(".app-error", has_text="outside the allowed range").wait_for()
    # a policy parameter out of its declared bounds
    page.locator(".family-clients .family-header").click()
    page.locator(".policy-switch-client_ownership").click()
    type_into(page, ".param-client_ownership-firm_share", "2")
    page.locator(".app-error", has_text="outside the allowed range 0 … 1").wait_for()
    # and the page still works
    type_into(page, ".seed-input", "7")
    page.locator(".app-error").wait_for(state="detached")
    page.locator(".btn-step").click()
    wait_month(page, 1)
    assert_offline_and_clean(page)


def test_switching_to_chinese_shows_chinese_labels_story_charts_and_events(page, shots):
    pick_case(page)
    for month in (1, 2, 3):  # one click at a time: a click during a redraw may be lost
        page.locator(".btn-step").click()
        wait_month(page, month)
    names_en = charts_drawn(page)
    page.locator(".lang-toggle").get_by_text("简体中文").click()
    page.get_by_text("员工关系管理课堂").first.wait_for()
    assert page.locator(".btn-run").inner_text().strip() == "运行"
    assert page.locator(".btn-step").inner_text().strip() == "单步"
    assert re.search(r"[\u4e00-\u9fff]", page.locator(".story-title").first.inner_text())
    assert re.search(r"[\u4e00-\u9fff]{8}", page.locator(".story-text").first.inner_text())
    page.get_by_text("管理政策").first.wait_for()
    page.get_by_text("事件记录").first.wait_for()
    page.wait_for_function(
        "() => /[\u4e00-\u9fff]/.test(document.querySelector('.live-chart .gtitle').textContent)"
    )
    names_zh = charts_drawn(page)
    assert names_zh != names_en
    assert all(re.search(r"[\u4e00-\u9fff]", name) for chart in names_zh for name in chart)
    items = page.locator(".feed-item").all_inner_texts()
    assert items and all(text.startswith("第") for text in items), items[:3]
    assert_not_blank(screenshot(page, shots / "app_shengyi_zh.png"))
    page.locator(".lang-toggle").get_by_text("English").click()
    page.get_by_text("the ERM classroom").first.wait_for()
    assert_offline_and_clean(page)


def test_compare_mode_runs_a_and_b_side_by_side_in_charts_to_explore_in_both_languages(page, shots):
    page.set_viewport_size({"width": 1366, "height": 768})  # a classroom projector
    pick_case(page)
    page.locator(".compare-switch").click()
    page.locator(".difference-chart").first.wait_for()
    expect(page.locator(".status-month")).to_have_count(2)  # waits: the page may still be drawing
    run_months(page, 6)
    wait_month(page, 6, arm=1)
    expect(page.locator(".feed-b")).to_have_count(1)
    titles = page.locator(".story-title").all_inner_texts()
    assert titles[0].startswith("A: ") and titles[1].startswith("B: ")
    for lang, arm in (("en", "(A)"), ("zh", "（A）")):
        if lang == "zh":
            page.locator(".lang-toggle").get_by_text("简体中文").click()
            page.get_by_text("员工关系管理课堂").first.wait_for()
            page.wait_for_function(
                "() => /[\u4e00-\u9fff]/.test("
                "document.querySelector('.live-chart .gtitle').textContent)"
            )
        live, difference = charts_drawn(page, "live"), charts_drawn(page, "difference")
        assert any(name.endswith(arm) for name in live[0]), live[0]
        assert len(difference) == 8
        drawn = page.evaluate(
            "() => [...document.querySelectorAll('.live-chart .js-plotly-plot')]"
            ".map(p => p.querySelectorAll('.scatterlayer .trace path.js-line').length)"
        )
        assert all(lines > 0 for lines in drawn[:2]), drawn
        # every chart comes to fit its column (plotly first draws at its default 700 px, before
        # the grid is laid out, and the page then tells it the column's width)
        page.wait_for_function(
            "() => [...document.querySelectorAll('.explore-chart .main-svg')]"
            ".every(svg => { const w = svg.getBoundingClientRect().width; return w > 150 && w < 400; })",
            timeout=15_000,
        )
        assert_sidebar_clear(page)
        assert_not_blank(screenshot(page, shots / f"app_compare_{lang}.png"))
    page.set_viewport_size({"width": 1920, "height": 1080})
    assert_sidebar_clear(page)
    assert_offline_and_clean(page)


def test_the_run_exports_as_csv_and_png(page, tmp_path):
    for month in (1, 2):  # one click at a time: a click during a redraw may be lost
        page.locator(".btn-step").click()
        wait_month(page, month)
    files = {}
    for label in ("Metrics CSV", "Events CSV", "Charts PNG"):
        with page.expect_download() as download:
            page.get_by_role("button", name=label).click()
        target = tmp_path / download.value.suggested_filename
        download.value.save_as(target)
        files[label] = target
    metrics = files["Metrics CSV"].read_text().splitlines()
    assert metrics[0].startswith("arm,scenario,seed,month,headcount")
    assert len(metrics) == 1 + 3, "months 0, 1 and 2"
    assert "description" in files["Events CSV"].read_text().splitlines()[0]
    assert files["Charts PNG"].read_bytes().startswith(b"\x89PNG")
    assert_not_blank(files["Charts PNG"])


def test_the_page_serves_its_own_cjk_fallback_font(page):
    """A machine without a CJK font still shows the Chinese page: the font shipped with the Python
    dependencies is served by the app server itself and loads as the page's last fallback."""
    loaded = page.evaluate(
        "async () => (await document.fonts.load('16px \"orgsim CJK\"', '盛益公司'))"
        ".map(face => [face.family, face.status])"
    )
    assert loaded == [['"orgsim CJK"', "loaded"]] or loaded == [["orgsim CJK", "loaded"]], loaded
    assert_offline_and_clean(page)
