"""The classroom and what-if app: run the cases live in a browser, in English or Chinese.

``orgsim app`` serves this page (``solara run sim/viz/app.py``) on loopback. A trainee picks a case,
switches policies on and off and moves their parameters; an instructor runs Shengyi on a projector
and, in compare mode, runs it side by side with its reformed twin on the same seed.

The page is written with Solara directly rather than Mesa's SolaraViz (docs/app.md says why): its
sidebar strings cannot be translated, its reset races with its play loop in Mesa 3.5.1, and it has no
place for a second model run on the same seed.

Layout of this module:
- the session (plain Python, no Solara): the two arms A and B, each a scenario with the policy set
  chosen on the page and a model on the common seed; stepping, resetting, exports;
- the event feed: exits, hires and other events as sentences, from the recorded drivers;
- the live charts: persistent matplotlib figures redrawn in two layers (sim.viz.network_view.BlitCanvas);
- the page: Solara components.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import matplotlib
import numpy as np
import pandas as pd
import solara
import solara.lab  # noqa: F401  (registers the lab components used by solara's app layout)
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter, MaxNLocator

from sim.agents.psychology import NEEDS
from sim.model import OrgModel
from sim.params import describe
from sim.policies import FAMILIES, POLICIES
from sim.scenario import SCENARIO_DIR, Scenario, ScenarioError, load_scenario
from sim.viz import i18n
from sim.viz.network_view import (
    BlitCanvas,
    NetworkFigure,
    OrgSnapshot,
    OrgView,
    font_rc,
)
from sim.viz.report import money

ARM_COLOURS = ("#c0392b", "#1f77b4")  # A red, B blue (as in sim/viz/report.py)
SPEEDS = (1, 2, 5, 10)  # months per second; the real pace is capped by the drawing (~5-10/s)
MAX_MONTH = 1200  # the longest run the page allows (100 years)
FEED_KEEP = 400  # sentences kept per arm
FEED_SHOWN = 60  # sentences shown
DEFAULT_SEED = 1


# ==================================================================================================
# The session: arms, models, stepping
# ==================================================================================================


def available_cases() -> list[str]:
    """Every scenario file in scenarios/, the baseline first."""
    names = sorted(p.stem for p in SCENARIO_DIR.glob("*.yaml"))
    return sorted(names, key=lambda n: (n != "baseline", n))


@lru_cache(maxsize=64)
def _load(case: str, mtime: float) -> Scenario:
    return load_scenario(case)


def load_case(case: str) -> Scenario:
    """A scenario by name, re-read when its file changes (scenarios are being written as we go)."""
    path = SCENARIO_DIR / f"{case}.yaml"
    return _load(case, path.stat().st_mtime if path.exists() else 0.0)


def case_title(case: str, lang: str) -> str:
    """The title of a case for the picker; a file that does not load is listed as such."""
    try:
        return i18n.scenario_title(load_case(case), lang)
    except ScenarioError:
        return f"{case} — {i18n.t('invalid_case', lang)}"


def file_notes(case: str) -> str:
    """The comment block at the top of a scenario file: what it is, what it shows, its sources."""
    path = SCENARIO_DIR / f"{case}.yaml"
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("#").strip())
    return "\n".join(lines).strip()


@dataclass
class ArmConfig:
    """One side of the page: a case and the policies in force (name -> parameters set)."""

    case: str
    policies: dict[str, dict[str, Any]]

    @classmethod
    def of_case(cls, case: str) -> ArmConfig:
        spec = load_case(case)
        return cls(case, {p.name: dict(p.params) for p in spec.policies})

    def copy(self) -> ArmConfig:
        return ArmConfig(self.case, {n: dict(p) for n, p in self.policies.items()})

    def changed(self) -> bool:
        """Whether the policies differ from the case as written."""
        return self.policies != ArmConfig.of_case(self.case).policies

    def value(self, policy: str, param: str) -> Any:
        """The value a parameter has in this arm: set here, or its declared default."""
        if param in self.policies.get(policy, {}):
            return self.policies[policy][param]
        for info in describe(POLICIES[policy].Params):
            if info.name == param:
                return info.default
        raise KeyError(f"{policy} has no parameter {param!r}")

    def scenario(self) -> Scenario:
        """The case with this arm's policies, validated (raises ScenarioError)."""
        base = load_case(self.case)
        if not self.changed():
            return base
        entries = [{"name": n, "params": dict(p)} for n, p in self.policies.items()]
        return base.with_overrides({"policies": entries}, source="the page")


class Arm:
    """A model run on the page: its scenario, its model, its picture and its event feed."""

    def __init__(self, config: ArmConfig, seed: int):
        self.config = config
        self.spec = config.scenario()
        self.model = OrgModel(self.spec, seed=seed)
        self.view = OrgView()
        self.feed = Feed()

    def step(self) -> None:
        self.model.step()
        self.feed.read(self.model)


@dataclass(eq=False)
class Frame:
    """What the page shows after a month: images, status and feed (identity, not value, equality)."""

    generation: int
    month: int
    charts: bytes
    network: bytes
    difference: bytes | None
    status: list[dict]
    feeds: list[list[FeedItem]]
    titles: list[str]
    draw_ms: float


class Session:
    """Everything one browser tab runs: the arms, the seed, the language and the figures.

    Stepping and drawing hold ``lock``; the play loop runs in a thread while the page's handlers
    change settings, and a change bumps ``generation`` so a loop of an older generation stops.
    """

    def __init__(self, case: str | None = None):
        self.lock = threading.RLock()
        cases = available_cases()
        case = case if case in cases else ("baseline" if "baseline" in cases else cases[0])
        self.lang = "en"
        self.seed = DEFAULT_SEED
        self.speed = 2
        self.colour_by = "satisfaction"
        self.compare = False
        self.generation = 0
        self.arms: list[Arm] = []
        self._figures: dict = {}
        self.error: str | None = None
        self.configs: list[ArmConfig] = []
        self.set_case(case)

    # --- settings ---------------------------------------------------------------------------------
    @property
    def n_arms(self) -> int:
        return 2 if self.compare else 1

    def set_case(self, case: str, arm: int = 0) -> None:
        """Pick the case of an arm; picking A's case also makes B its twin (Shengyi's is the
        reformed Shengyi, Lincoln's its competitor) or, without a twin, the same case."""
        with self.lock:
            config = ArmConfig.of_case(case)
            if not self.configs:
                self.configs = [config, config.copy()]
            self.configs[arm] = config
            if arm == 0:
                self.stop_month = min(load_case(case).months, MAX_MONTH)
                self.configs[1] = ArmConfig.of_case(case)
                twin = i18n.TWINS.get(case)
                if twin in available_cases():
                    try:
                        self.configs[1] = ArmConfig.of_case(twin)
                    except ScenarioError:
                        pass  # the twin's file is broken: compare the case with itself
            self.reset()

    def set_compare(self, on: bool) -> None:
        with self.lock:
            self.compare = bool(on)
            self.reset()

    def set_seed(self, seed: int) -> None:
        with self.lock:
            self.seed = int(seed)
            self.reset()

    def set_policy(self, arm: int, name: str, on: bool) -> None:
        """Switch a policy on (with its declared defaults) or off; raises ScenarioError."""
        config = self.configs[arm].copy()
        if on:
            config.policies.setdefault(name, {})
        else:
            config.policies.pop(name, None)
        self._apply(arm, config)

    def set_param(self, arm: int, name: str, param: str, value: Any) -> None:
        """Set a policy parameter; raises ScenarioError (and changes nothing) if it is not allowed."""
        config = self.configs[arm].copy()
        config.policies.setdefault(name, {})[param] = value
        self._apply(arm, config)

    def _apply(self, arm: int, config: ArmConfig) -> None:
        config.scenario()  # validates; raises ScenarioError before anything changes
        with self.lock:
            self.configs[arm] = config
            self.reset()

    # --- running ----------------------------------------------------------------------------------
    def reset(self) -> None:
        """Fresh models at month 0 on the common seed."""
        with self.lock:
            self.generation += 1
            self.arms = [Arm(self.configs[i], self.seed) for i in range(self.n_arms)]
            self._figures.clear()
            self.error = None

    @property
    def month(self) -> int:
        return self.arms[0].model.month

    def step(self, generation: int | None = None) -> bool:
        """One month for every arm; False (and ``error`` set) if a model stopped with an error, or
        if ``generation`` is given and the session has been reset since."""
        with self.lock:
            if generation is not None and generation != self.generation:
                return False
            try:
                for arm in self.arms:
                    arm.step()
            except Exception as exc:  # a policy or timeline event refused: show it, stop the run
                self.error = str(exc)
                return False
            return True

    # --- drawing ----------------------------------------------------------------------------------
    def titles(self) -> list[str]:
        out = []
        for k, arm in enumerate(self.arms):
            title = i18n.scenario_title(arm.spec, self.lang)
            if arm.config.changed():
                title = i18n.t("same_case_changed", self.lang, title=title)
            if self.compare:
                title = i18n.t("arm_title_a" if k == 0 else "arm_title_b", self.lang, title=title)
            out.append(title)
        return out

    def render(self) -> Frame:
        """Draw the current month (charts, organisation, differences) and collect the feeds."""
        with self.lock:
            started = time.perf_counter()
            titles = self.titles()
            metrics = [arm.model.metrics() for arm in self.arms]
            snaps = [OrgSnapshot.of(arm.model) for arm in self.arms]
            frames = [
                (s, arm.view.update(s), arm.view.ghosts)
                for s, arm in zip(snaps, self.arms, strict=True)
            ]
            x_max = _x_extent(self.month)
            charts = self._figure("charts", lambda: LiveCharts(self.lang, titles, x_max))
            charts.set_x_max(x_max)
            charts.draw(metrics)
            net = self._figure(
                "network",
                lambda: NetworkFigure(
                    self.lang,
                    self.colour_by,
                    [_short_title(t) for t in titles],
                    [arm.view.layout for arm in self.arms],
                ),
                self.colour_by,
                tuple(id(arm.view.layout) for arm in self.arms),
            )
            net.draw(frames)
            diff_png = None
            if self.compare:
                diff = self._figure("difference", lambda: DifferenceCharts(self.lang, x_max))
                diff.set_x_max(x_max)
                diff.draw(metrics[0], metrics[1])
                diff_png = diff.png()
            frame = Frame(
                generation=self.generation,
                month=self.month,
                charts=charts.png(),
                network=net.png(),
                difference=diff_png,
                status=[_status(m) for m in metrics],
                feeds=[list(arm.feed.items[-FEED_SHOWN:]) for arm in self.arms],
                titles=titles,
                draw_ms=0.0,
            )
            frame.draw_ms = 1000 * (time.perf_counter() - started)
            return frame

    def _figure(self, kind: str, build, *key):
        full = (kind, self.lang, self.compare, tuple(self.titles()), *key)
        fig = self._figures.get(kind)
        if fig is None or fig[0] != full:
            fig = (full, build())
            self._figures[kind] = fig
        return fig[1]

    # --- exports ----------------------------------------------------------------------------------
    def metrics_csv(self) -> str:
        with self.lock:
            frames = []
            for k, arm in enumerate(self.arms):
                m = arm.model.metrics()
                m.insert(0, "arm", "AB"[k])
                m.insert(1, "scenario", arm.spec.name)
                m.insert(2, "seed", self.seed)
                frames.append(m)
            return pd.concat(frames, ignore_index=True).to_csv(index=False)

    def events_csv(self) -> str:
        with self.lock:
            frames = []
            for k, arm in enumerate(self.arms):
                e = arm.model.events()
                e.insert(0, "arm", "AB"[k])
                e.insert(1, "scenario", arm.spec.name)
                e.insert(2, "seed", self.seed)
                e["description"] = [
                    describe_event(row, self.lang) for row in e.to_dict(orient="records")
                ]
                frames.append(e)
            return pd.concat(frames, ignore_index=True).to_csv(index=False)

    def charts_png(self) -> bytes:
        with self.lock:
            self.render()
            return self._figures["charts"][1].blit.full_png()

    def network_png(self) -> bytes:
        with self.lock:
            self.render()
            return self._figures["network"][1].blit.full_png()

    def export_name(self, what: str) -> str:
        cases = "-vs-".join(arm.spec.name for arm in self.arms)
        return f"orgsim-{cases}-seed{self.seed}-month{self.month}-{what}"


X_EXTENTS = (12, 24, 36, 60, 120, 180, 240, 360, 600, MAX_MONTH)  # months


def _short_title(title: str) -> str:
    """``A: Shengyi: a firm held together by money`` -> ``A: Shengyi`` (for narrow panels)."""
    for arm in ("A: ", "B: ", "A：", "B："):
        if title.startswith(arm):
            rest = title[len(arm) :]
            return arm + rest.replace("：", ":").split(":")[0].strip()
    return title.replace("：", ":").split(":")[0].strip()


def _x_extent(month: int) -> int:
    """The time axis grows in a few steps (a year, two, three, five, ten ...), so the first months
    are not squeezed into a corner and the axes are redrawn only a handful of times in a run."""
    return next((x for x in X_EXTENTS if x >= month), MAX_MONTH)


def _status(metrics: pd.DataFrame) -> dict:
    last = metrics.iloc[-1]
    return {
        "month": int(last["month"]),
        "headcount": int(last["headcount"]),
        "intent": float(last["intent_to_quit_share"]),
        "cash": float(last["cash"]),
        "clients": int(last["clients"]),
    }


# ==================================================================================================
# The event feed
# ==================================================================================================


@dataclass(frozen=True)
class FeedItem:
    """One line of the feed, kept as data so that it can be said in either language."""

    month: int
    kind: str
    role: str = ""
    uid: int | None = None
    tenure: float = 0.0
    drivers: tuple[tuple[str, float], ...] = ()
    clients: int = 0
    leader: bool = False
    hires: tuple[tuple[str, int], ...] = ()

    def text(self, lang: str) -> str:
        if self.kind in i18n.EXIT_VERBS:
            return i18n.exit_sentence(
                self.kind,
                self.month,
                self.role,
                self.uid if self.uid is not None else -1,
                self.tenure,
                dict(self.drivers),
                self.clients,
                lang,
                informal_leader=self.leader,
            )
        if self.kind == "hire":
            return i18n.hires_sentence(self.month, dict(self.hires), lang)
        return i18n.other_sentence(self.kind, self.month, self.role or None, self.uid, lang)

    @property
    def tone(self) -> str:
        if self.kind in ("quit", "non_renewal", "dismissal", "layoff"):
            return "exit"
        return "hire" if self.kind == "hire" else "other"


class Feed:
    """Reads the model's event log month by month and keeps it as feed items.

    Only the events logged since the last month are turned into a frame: ``model.events()``
    rebuilds the whole log each call, which costs ~100 ms after a few years of a 200-person firm.
    ``model.events_since`` reads the log from where the last month stopped."""

    def __init__(self):
        self.items: list[FeedItem] = []
        self._seen = (0, 0)

    def read(self, model: OrgModel) -> None:
        new, self._seen = model.events_since(self._seen)
        if new.empty:
            return
        self.items.extend(feed_items(new))
        del self.items[:-FEED_KEEP]


def feed_items(events: pd.DataFrame) -> list[FeedItem]:
    """Feed items of some event rows: each exit with its drivers and the clients who followed it,
    the month's hires grouped by role, any other event as it is."""
    drivers = [c for c in events.columns if c.startswith("driver_")]
    rows = events.to_dict(orient="records")
    followed: dict[tuple[int, int], int] = {}
    for row in rows:
        if row["event"] == "clients_followed":
            key = (int(row["month"]), int(row["employee_id"]))
            followed[key] = followed.get(key, 0) + int(row.get("clients") or 0)
    items: list[FeedItem] = []
    hires: dict[int, dict[str, int]] = {}
    for row in rows:
        kind, month = str(row["event"]), int(row["month"])
        if kind == "clients_followed":
            continue
        if kind == "hire":
            counts = hires.setdefault(month, {})
            counts[str(row["role"])] = counts.get(str(row["role"]), 0) + 1
            continue
        uid = row.get("employee_id")
        uid = int(uid) if uid is not None and uid == uid else None
        role = row.get("role")
        role = str(role) if isinstance(role, str) else ""
        tenure = row.get("tenure_months")
        if kind in i18n.EXIT_VERBS:
            shares = tuple(
                (c.removeprefix("driver_"), float(row[c]))
                for c in drivers
                if row.get(c) == row.get(c) and row.get(c) is not None
            )
            items.append(
                FeedItem(
                    month=month,
                    kind=kind,
                    role=role,
                    uid=uid,
                    tenure=float(tenure) if tenure == tenure and tenure is not None else 0.0,
                    drivers=shares,
                    clients=followed.get((month, uid), 0) if uid is not None else 0,
                    leader=bool(row.get("informal_leader") is True),
                )
            )
        else:
            items.append(FeedItem(month=month, kind=kind, role=role, uid=uid))
    for month, counts in hires.items():
        items.append(FeedItem(month=month, kind="hire", hires=tuple(counts.items())))
    items.sort(key=lambda item: (item.month, item.kind == "hire"))
    return items


def describe_event(row: dict, lang: str) -> str:
    """One event row (of ``model.events()``) as a sentence, for the exported CSV."""
    if row["event"] == "clients_followed":
        n = int(row.get("clients") or 0)
        return i18n.other_sentence(
            "clients_followed", row["month"], row.get("role"), row.get("employee_id"), lang
        ) + (f" ({n})")
    frame = pd.DataFrame([row])
    items = feed_items(frame)
    return items[0].text(lang) if items else ""


# ==================================================================================================
# The live charts
# ==================================================================================================


def _percent(value, _pos=None) -> str:
    return f"{100 * value:.0f}%"


def turnover_3m(m: pd.DataFrame) -> np.ndarray:
    """Voluntary turnover, annualised, averaged over the last three months (less jumpy)."""
    return m["turnover_rate_annual"].rolling(3, min_periods=1).mean().to_numpy()


def clients_lost_so_far(m: pd.DataFrame) -> np.ndarray:
    """Clients who followed a departing employee, added up since month 0."""
    return m["clients_lost_to_leavers"].cumsum().to_numpy()


def exits(m: pd.DataFrame) -> np.ndarray:
    return (m["quits"] + m["non_renewals"] + m["dismissals"] + m["layoffs"]).to_numpy()


@dataclass(frozen=True)
class Series:
    label: str  # key of i18n.CHART
    column: str  # metric column, or the name of a function of the metrics in this module
    colour: str
    style: str = "-"

    def values(self, m: pd.DataFrame) -> np.ndarray:
        if self.column in m.columns:
            return m[self.column].to_numpy(dtype=float)
        return np.asarray(globals()[self.column](m), dtype=float)


@dataclass(frozen=True)
class PanelSpec:
    title: str  # key of i18n.CHART
    series: tuple[Series, ...]
    scale: (
        str  # "share" (0..1), "rate" (0..>=0.5), "count" (0..), "index" (0..), "money" (any sign)
    )
    flows: bool = False  # hires up and exits down, on a second axis


NEED_COLOURS = ("#8c510a", "#d8b365", "#5ab4ac", "#01665e", "#762a83")
PANELS = (
    PanelSpec(
        "headcount_title", (Series("headcount", "headcount", "#222222"),), "count", flows=True
    ),
    PanelSpec(
        "satisfaction_title",
        (
            Series("satisfaction", "mean_satisfaction", "#1f77b4"),
            Series("dissatisfaction", "mean_dissatisfaction", "#c0392b", "--"),
        ),
        "share",
    ),
    PanelSpec(
        "needs_title",
        tuple(
            Series(f"need:{k}", f"need_{k}", c) for k, c in zip(NEEDS, NEED_COLOURS, strict=True)
        ),
        "share",
    ),
    PanelSpec(
        "turnover_title",
        (
            Series("turnover", "turnover_3m", "#6a3d9a"),
            Series("intent_share", "intent_to_quit_share", "#555555", "--"),
        ),
        "rate",
    ),
    PanelSpec(
        "effort_title",
        (
            Series("effort", "mean_effort", "#1b7837"),
            Series("output", "output_per_employee", "#e08214", "--"),
        ),
        "index",
    ),
    PanelSpec(
        "money_title",
        (Series("revenue", "revenue", "#2ca02c"), Series("profit", "profit", "#222222", "--")),
        "money",
    ),
    PanelSpec("cash_title", (Series("cash", "cash", "#08306b"),), "money"),
    PanelSpec(
        "clients_title",
        (
            Series("clients", "clients", "#8c564b"),
            Series("clients_lost", "clients_lost_so_far", "#d62728", "--"),
        ),
        "count",
    ),
)


def _label(series: Series, lang: str) -> str:
    if series.label.startswith("need:"):
        return i18n.need(series.label.removeprefix("need:"), lang)
    return i18n.chart(series.label, lang)


class _Limits:
    """Axis limits that only move when the data leave them (so most months redraw only lines).

    ``share`` is fixed at 0..100%; ``rate``, ``count`` and ``index`` start at 0 and grow; ``money``
    and ``signed`` (a difference) take either sign and never shrink below ``minimum`` either way."""

    START = {"share": (0.0, 1.0), "rate": (0.0, 0.5), "count": (0.0, 10.0), "index": (0.0, 1.2)}

    def __init__(self, ax, scale: str, minimum: float = 1.0):
        self.ax, self.scale, self.minimum = ax, scale, minimum
        self.lo, self.hi = self.START.get(scale, (-minimum, minimum))
        ax.set_ylim(self.lo, self.hi)

    def fit(self, lo: float, hi: float) -> bool:
        if not (np.isfinite(lo) and np.isfinite(hi)) or self.scale == "share":
            return False
        new_lo, new_hi = self.lo, self.hi
        if self.scale in ("money", "signed"):
            floor = self.minimum
            span = self.hi - self.lo
            shrink = (hi - lo) < 0.15 * span and span > 3 * floor
            if lo < self.lo or hi > self.hi or shrink:
                # leave a third of the range as headroom on the side that moved, so that a steady
                # rise or fall redraws the axis every few months rather than every month
                reach = max(hi - lo, abs(hi), abs(lo), floor)
                want_lo = min(lo, 0.0, -floor if self.scale == "signed" else 0.0)
                want_hi = max(hi, 0.0, floor)
                want_lo -= reach / 3 if lo < self.lo else 0.0
                want_hi += reach / 3 if hi > self.hi else 0.0
                ticks = MaxNLocator(5).tick_values(want_lo, want_hi)
                new_lo, new_hi = float(ticks[0]), float(ticks[-1])
        elif hi > self.hi or hi < 0.3 * self.hi:
            base = max(hi * 1.3, self.START[self.scale][1])
            new_hi = float(MaxNLocator(5).tick_values(0, base)[-1])
        if (new_lo, new_hi) == (self.lo, self.hi):
            return False
        self.lo, self.hi = new_lo, new_hi
        self.ax.set_ylim(new_lo, new_hi)
        return True


def _style_axes(ax, scale: str, x_max: int, lang: str, bottom: bool) -> None:
    ax.grid(alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_xlim(0, x_max)
    ax.xaxis.set_major_locator(MaxNLocator(6, integer=True, steps=[1, 2, 3, 6, 10]))
    ax.tick_params(labelsize=9.5)
    if scale in ("share", "rate"):
        ax.yaxis.set_major_formatter(FuncFormatter(_percent))
    elif scale == "money":
        ax.yaxis.set_major_formatter(FuncFormatter(money))
        ax.axhline(0, color="#999999", lw=0.8, zorder=0)
    if bottom:
        ax.set_xlabel(i18n.chart("month", lang), fontsize=10, labelpad=1)


def _text_width(text: str) -> int:
    """Width of a label in Latin-character units (a Chinese character is about 2.6)."""
    return round(sum(2.6 if i18n.has_cjk(ch) else 1 for ch in text))


LEGEND_ROWS_PER_FIGURE_ROW = 3  # title plus up to three rows of keys above every panel


def _titled_legend(ax, title: str, handles: list, width: int = 48) -> None:
    """The panel's title in bold with its series' key under it, both above the plot, so that
    nothing covers the lines. The legend stays out of the layout engine (which would otherwise
    give wide legends wide columns); an empty title of fixed height reserves the room instead,
    the same in every panel so that the panels line up."""
    ncols = 1
    for cols in range(len(handles), 0, -1):
        rows = -(-len(handles) // cols)
        chunks = [handles[i : i + rows] for i in range(0, len(handles), rows)]
        # each column: its longest label and about seven characters' worth of line and spacing
        if sum(max(_text_width(h.get_label()) for h in c) + 7 for c in chunks) <= width:
            ncols = cols
            break
    legend = ax.legend(
        handles=handles,
        title=title,
        loc="lower left",
        bbox_to_anchor=(-0.02, 1.0),
        alignment="left",
        ncols=max(ncols, 1),
        fontsize=9.5,
        title_fontproperties={"weight": "bold", "size": 11},
        frameon=False,
        handlelength=1.8,
        columnspacing=0.9,
        borderaxespad=0.1,
        borderpad=0.1,
        labelspacing=0.3,
    )
    legend.set_in_layout(False)
    ax.set_title("\n" * LEGEND_ROWS_PER_FIGURE_ROW + " ", fontsize=11, pad=2)


def _flow_axis(twin, largest: float) -> int:
    """Hires up and exits down on a second axis, kept in the lower half of the panel (below the
    headcount line); returns the axis' limit of people per month."""
    limit = int(MaxNLocator(3, integer=True).tick_values(0, max(largest, 2) * 1.25)[-1])
    twin.set_ylim(-limit, 3 * limit)
    twin.set_yticks([-limit, 0, limit], [f"−{limit}", "0", f"+{limit}"])
    twin.tick_params(labelsize=9, colors="#777777")
    return limit


class LiveCharts:
    """The eight live panels; in compare mode each series is drawn for A and B in their colours,
    and the needs become bars of this month's levels side by side."""

    def __init__(self, lang: str, titles: list[str], x_max: int):
        self.lang, self.compare, self.x_max = lang, len(titles) > 1, x_max
        rc = font_rc()
        with matplotlib.rc_context(rc):
            fig = Figure(
                figsize=(11.5, 7.0 if not self.compare else 7.4), dpi=100, layout="constrained"
            )
            self.blit = BlitCanvas(fig, rc)
            axes = fig.subplots(2, 4)
            self.panels = [
                self._panel(ax, spec, len(titles), bottom=i >= 4)
                for i, (ax, spec) in enumerate(zip(axes.flat, PANELS, strict=True))
            ]
            if self.compare:
                handles = [
                    Line2D([], [], color=ARM_COLOURS[k], lw=3, label=title)
                    for k, title in enumerate(titles)
                ]
                fig.legend(
                    handles=handles, loc="outside upper center", ncols=2, fontsize=12, frameon=False
                )

    def _panel(self, ax, spec: PanelSpec, arms: int, bottom: bool) -> dict:
        lang = self.lang
        _style_axes(ax, spec.scale, self.x_max, lang, bottom)
        panel = {
            "spec": spec,
            "ax": ax,
            "limits": _Limits(ax, spec.scale, minimum=1000.0),  # money: at least ±1k shown
            "lines": [],
            "extra": [],
        }
        if spec.title == "needs_title" and self.compare:
            return self._needs_bars(ax, panel, arms)
        for k in range(arms):
            for s in spec.series:
                colour = ARM_COLOURS[k] if self.compare else s.colour
                (line,) = ax.plot([], [], color=colour, ls=s.style, lw=2 if s.style == "-" else 1.6)
                panel["lines"].append((k, s, self.blit.animate(line)))
        if spec.flows:
            twin = ax.twinx()
            twin.spines[["top"]].set_visible(False)
            panel["twin"] = twin
            _flow_axis(twin, 2)
            panel["twin_limit"] = 2
            twin.set_xlim(0, self.x_max)
            for k in range(arms):
                if self.compare:
                    stairs = twin.stairs(
                        np.zeros(1),
                        np.arange(2),
                        baseline=0,
                        color=ARM_COLOURS[k],
                        lw=1.2,
                        alpha=0.8,
                    )
                    panel["extra"].append((k, "exits", self.blit.animate(stairs)))
                else:
                    up = twin.stairs(
                        np.zeros(1), np.arange(2), fill=True, color="#2ca02c", alpha=0.45
                    )
                    down = twin.stairs(
                        np.zeros(1), np.arange(2), fill=True, color="#d62728", alpha=0.45
                    )
                    panel["extra"] += [
                        (k, "hires", self.blit.animate(up)),
                        (k, "exits", self.blit.animate(down)),
                    ]
        self._legend(ax, spec)
        return panel

    def _legend(self, ax, spec: PanelSpec) -> None:
        grey = "#444444"
        handles = [
            Line2D(
                [],
                [],
                color=grey if self.compare else s.colour,
                ls=s.style,
                lw=2,
                label=_label(s, self.lang),
            )
            for s in spec.series
        ]
        if spec.flows and not self.compare:
            handles += [
                matplotlib.patches.Patch(
                    color="#2ca02c", alpha=0.45, label=i18n.chart("hires", self.lang)
                ),
                matplotlib.patches.Patch(
                    color="#d62728", alpha=0.45, label=i18n.chart("exits", self.lang)
                ),
            ]
        elif spec.flows:
            handles.append(
                Line2D(
                    [],
                    [],
                    color=grey,
                    lw=1.2,
                    drawstyle="steps-mid",
                    label=i18n.chart("exits", self.lang),
                )
            )
        if len(handles) == 1:
            handles = []
        _titled_legend(ax, i18n.chart(spec.title, self.lang), handles)

    def _needs_bars(self, ax, panel: dict, arms: int) -> dict:
        x = np.arange(len(NEEDS))
        width = 0.38
        ax.set_xlim(-0.6, len(NEEDS) - 0.4)
        ax.set_xticks(
            x,
            [i18n.need_short(k, self.lang) for k in NEEDS],
            fontsize=9,
            rotation=30,
            ha="right",
            rotation_mode="anchor",
        )
        ax.set_xlabel("")
        for k in range(arms):
            bars = ax.bar(x + (k - 0.5) * width, np.zeros(len(NEEDS)), width, color=ARM_COLOURS[k])
            for patch in bars:
                self.blit.animate(patch)
            panel["extra"].append((k, "needs", list(bars)))
        _titled_legend(ax, i18n.chart("needs_title", self.lang), [])
        return panel

    def set_x_max(self, x_max: int) -> None:
        """Stretch the time axis (the whole figure is redrawn once, without a new layout)."""
        if x_max == self.x_max:
            return
        self.x_max = x_max
        for panel in self.panels:
            if not (panel["spec"].title == "needs_title" and self.compare):
                panel["ax"].set_xlim(0, x_max)
            if "twin" in panel:
                panel["twin"].set_xlim(0, x_max)
        self.blit.invalidate()

    def draw(self, metrics: list[pd.DataFrame]) -> None:
        for panel in self.panels:
            changed = False
            values = []
            for k, s, line in panel["lines"]:
                m = metrics[k]
                y = s.values(m)
                line.set_data(m["month"].to_numpy(), y)
                values.append(y)
            for k, what, artist in panel["extra"]:
                m = metrics[k]
                if what == "needs":
                    last = m.iloc[-1]
                    for patch, need in zip(artist, NEEDS, strict=True):
                        patch.set_height(float(last[f"need_{need}"]))
                    continue
                months = m["month"].to_numpy()
                edges = np.append(months, months[-1] + 1) - 0.5
                flow = (
                    m["hires"].to_numpy(dtype=float) if what == "hires" else -exits(m).astype(float)
                )
                artist.set_data(flow, edges)
                limit = float(np.abs(flow).max(initial=0))
                if limit > panel["twin_limit"]:
                    panel["twin_limit"] = _flow_axis(panel["twin"], limit)
                    changed = True
            if values:
                stacked = np.concatenate(values)
                stacked = stacked[np.isfinite(stacked)]
                if stacked.size:
                    changed |= panel["limits"].fit(float(stacked.min()), float(stacked.max()))
            if changed:
                self.blit.invalidate(
                    *[a for a in (panel["ax"], panel.get("twin")) if a is not None]
                )
        self.blit.draw()

    def png(self) -> bytes:
        return self.blit.png()


# label, column or function, tick format, smallest half-range shown
DIFFERENCES = (
    ("diff_headcount", "headcount", "count", 2.0),
    ("diff_satisfaction", "mean_attitude", "share", 0.05),
    ("diff_intent", "intent_to_quit_share", "share", 0.05),
    ("diff_exits", "exits_so_far", "count", 2.0),
    ("diff_output", "output_per_employee", "index", 0.05),
    ("diff_profit", "profit_so_far", "money", 1000.0),
    ("diff_cash", "cash", "money", 1000.0),
    ("diff_clients", "clients", "count", 2.0),
)


def exits_so_far(m: pd.DataFrame) -> np.ndarray:
    return np.cumsum(exits(m))


def profit_so_far(m: pd.DataFrame) -> np.ndarray:
    return m["profit"].cumsum().to_numpy()


class DifferenceCharts:
    """B − A month by month for eight headline figures (common random numbers make it a fair
    difference: the same people and the same luck in both arms)."""

    def __init__(self, lang: str, x_max: int):
        self.lang, self.x_max = lang, x_max
        rc = font_rc()
        with matplotlib.rc_context(rc):
            fig = Figure(figsize=(11.5, 4.8), dpi=100, layout="constrained")
            self.blit = BlitCanvas(fig, rc)
            fig.suptitle(
                i18n.t("difference", lang), x=0.01, ha="left", fontsize=12, fontweight="bold"
            )
            self.panels = []
            for ax, (label, column, scale, minimum) in zip(
                fig.subplots(2, 4).flat, DIFFERENCES, strict=True
            ):
                ax.set_title(i18n.chart(label, lang), loc="left", fontsize=11)
                ax.grid(alpha=0.3)
                ax.spines[["top", "right"]].set_visible(False)
                ax.set_xlim(0, x_max)
                ax.xaxis.set_major_locator(MaxNLocator(6, integer=True, steps=[1, 2, 3, 6, 10]))
                ax.tick_params(labelsize=9)
                ax.axhline(0, color="#777777", lw=0.9, zorder=0)
                formatter = {"share": _percent_points, "money": money}.get(scale)
                if formatter:
                    ax.yaxis.set_major_formatter(FuncFormatter(formatter))
                fill = ax.fill_between([0, 0], [0, 0], 0, color=ARM_COLOURS[1], alpha=0.25, lw=0)
                (line,) = ax.plot([], [], color=ARM_COLOURS[1], lw=1.8)
                self.blit.animate(fill, line)
                limits = _Limits(ax, "signed", minimum)
                self.panels.append((column, line, fill, limits))

    def set_x_max(self, x_max: int) -> None:
        if x_max == self.x_max:
            return
        self.x_max = x_max
        for _, _, _, limits in self.panels:
            limits.ax.set_xlim(0, x_max)
        self.blit.invalidate()

    def draw(self, a: pd.DataFrame, b: pd.DataFrame) -> None:
        n = min(len(a), len(b))
        months = a["month"].to_numpy()[:n]
        for column, line, fill, limits in self.panels:
            series = Series("", column, "")
            d = series.values(b)[:n] - series.values(a)[:n]
            d = np.nan_to_num(d)
            line.set_data(months, d)
            fill.set_data(months, d, 0)
            if limits.fit(float(d.min(initial=0)), float(d.max(initial=0))):
                self.blit.invalidate(limits.ax)
        self.blit.draw()

    def png(self) -> bytes:
        return self.blit.png()


def _percent_points(value, _pos=None) -> str:
    return "0" if abs(value) < 1e-12 else f"{100 * value:+.0f}%"


# ==================================================================================================
# The page
# ==================================================================================================

lang = solara.reactive("en")
frame = solara.reactive(None)
playing = solara.reactive(False)
version = solara.reactive(0)  # bumped when the settings change (the sidebar re-reads the session)
message = solara.reactive(None)  # the visible error message (a Said), None when there is none
notice = solara.reactive(None)  # a passing note (a Said)


@dataclass(frozen=True)
class Said:
    """A message kept as its key and values, so that it is shown in the language of the moment."""

    key: str = ""
    values: tuple = ()
    raw: str = ""

    @classmethod
    def of(cls, key: str, **values) -> Said:
        return cls(key, tuple(values.items()))

    def text(self, language: str) -> str:
        return i18n.t(self.key, language, **dict(self.values)) if self.key else self.raw


def _refuse(set_error, key: str, **values) -> None:
    """Show why an input was refused, at the field and at the top of the page."""
    said = Said.of(key, **values)
    set_error(said.text(lang.value))
    message.value = said


CSS = """
.v-application .orgsim-main { max-width: 1500px; }
.orgsim-story { font-size: 15px; line-height: 1.55; color: #222; white-space: normal; }
.orgsim-status { font-size: 16px; margin: 2px 0; }
.orgsim-status b { font-size: 18px; }
.feed-box { max-height: 470px; overflow-y: auto; padding-right: 6px; }
.feed-item { display: block; font-size: 14px; line-height: 1.4; padding: 4px 0 4px 8px;
             border-left: 4px solid #ccc; margin-bottom: 4px; }
.feed-exit { border-left-color: #c0392b; }
.feed-hire { border-left-color: #2ca02c; color: #444; }
.feed-other { border-left-color: #7f7f7f; }
.param-help { font-size: 12px; color: #555; display: block; margin: -4px 0 6px 0; }
.policy-summary { font-size: 12px; color: #555; display: block; margin: 0 0 4px 0; }
.orgsim-img img, img.orgsim-img { width: 100%; height: auto; }
.orgsim-error { white-space: pre-wrap; }
.draw-ms { display: none; }
.v-expansion-panel-content__wrap { padding: 0 10px 8px 10px !important; }
"""


def _run_guarded(action, *args) -> bool:
    """Run a page action; a refused input becomes the visible message instead of a crash."""
    try:
        action(*args)
    except ScenarioError as exc:
        message.value = Said.of("scenario_error", detail=_scenario_detail(exc))
        return False
    except Exception as exc:  # anything else: say it, do not crash the page
        message.value = Said(raw=f"{type(exc).__name__}: {exc}")
        return False
    message.value = None
    return True


def _scenario_detail(exc: ScenarioError) -> str:
    lines = []
    for path, value, allowed in exc.problems:
        shown = "" if value is None or isinstance(value, dict) else f" = {value!r}"
        lines.append(f"{path}{shown}: {allowed}")
    return "\n".join(lines) if lines else str(exc)


def _publish(sess: Session) -> None:
    frame.value = sess.render()


@solara.component
def Page():
    sess = solara.use_memo(Session, dependencies=[])
    solara.use_effect(lambda: _publish(sess), dependencies=[])
    solara.Style(CSS)
    language = lang.value
    solara.Title(i18n.t("app_title", language))
    with solara.AppBar():
        solara.AppBarTitle(i18n.t("app_title", language))
        LanguageToggle(sess)
    with solara.Sidebar():
        Controls(sess, version.value, language)
    with solara.Column(classes=["orgsim-main"], gap="10px"):
        Player(sess)
        if message.value:
            solara.Error(message.value.text(language), classes=["app-error", "orgsim-error"])
        if notice.value:
            solara.Info(notice.value.text(language), dense=True, classes=["app-notice"])
        Story(sess, version.value, language)
        Live(sess, language)
        Export(sess, language)


@solara.component
def LanguageToggle(sess: Session):
    def choose(code):
        lang.value = code
        with sess.lock:
            sess.lang = code
        _publish(sess)

    with solara.Div(style={"margin-left": "auto"}):
        solara.ToggleButtonsSingle(
            value=lang.value,
            on_value=choose,
            children=[
                solara.Button(name, value=code, text=True) for code, name in i18n.LANGUAGES.items()
            ],
            classes=["lang-toggle"],
        )


@solara.component
def Player(sess: Session):
    """The play loop: one month, then one drawing, at the chosen speed, until paused or done."""

    def loop(cancel: threading.Event):
        generation = sess.generation
        while playing.value and not cancel.is_set():
            started = time.perf_counter()
            if sess.month >= sess.stop_month:
                notice.value = Said.of("end_of_run", month=sess.month)
                break
            if not sess.step(generation):
                if sess.error:
                    message.value = Said.of("model_error", month=sess.month + 1, message=sess.error)
                break
            frame.value = sess.render()
            if sess.month >= sess.stop_month:
                notice.value = Said.of("end_of_run", month=sess.month)
                break
            time.sleep(max(0.0, 1.0 / sess.speed - (time.perf_counter() - started)))
        playing.value = False

    solara.use_thread(loop, dependencies=[playing.value, version.value], intrusive_cancel=False)


def _bump():
    version.value += 1


@solara.component
def Controls(sess: Session, _version: int, language: str):
    cases = available_cases()

    def case_items():
        return [{"text": case_title(c, language), "value": c} for c in cases]

    def pick(case, arm=0):
        playing.value = False
        notice.value = None
        if _run_guarded(sess.set_case, case, arm):
            _bump()
            _publish(sess)

    with solara.Card(margin=0, elevation=0):
        solara.v.Select(
            label=i18n.t("case", language),
            items=case_items(),
            v_model=sess.configs[0].case,
            on_v_model=pick,
            class_="case-select",
            hide_details=True,
        )
        RunControls(sess, language)
        CompareControls(sess, language, case_items(), pick)
        PolicyControls(sess, _version, language)


@solara.component
def RunControls(sess: Session, language: str):
    seed_text, set_seed_text = solara.use_state(str(sess.seed))
    seed_error, set_seed_error = solara.use_state("")
    stop_text, set_stop_text = solara.use_state(str(sess.stop_month))
    stop_error, set_stop_error = solara.use_state("")
    solara.use_effect(lambda: set_stop_text(str(sess.stop_month)), [sess.stop_month])

    def on_seed(text):
        set_seed_text(text)
        field_name = i18n.t("seed", language)
        try:
            seed = int(str(text).strip())
        except ValueError:
            _refuse(set_seed_error, "not_an_integer", field=field_name, text=text)
            return
        if not 0 <= seed <= 2**32 - 1:
            _refuse(
                set_seed_error, "out_of_bounds", field=field_name, value=seed, lo=0, hi=2**32 - 1
            )
            return
        set_seed_error("")
        playing.value = False
        if _run_guarded(sess.set_seed, seed):
            _publish(sess)

    def on_stop(text):
        set_stop_text(text)
        field_name = i18n.t("stop_at", language)
        try:
            month = int(str(text).strip())
        except ValueError:
            _refuse(set_stop_error, "not_an_integer", field=field_name, text=text)
            return
        if not 1 <= month <= MAX_MONTH:
            _refuse(
                set_stop_error, "out_of_bounds", field=field_name, value=month, lo=1, hi=MAX_MONTH
            )
            return
        set_stop_error("")
        message.value = None
        with sess.lock:
            sess.stop_month = month
        _publish(sess)

    def run_or_pause():
        if playing.value:
            playing.value = False
            return
        notice.value = None
        if sess.month >= sess.stop_month:
            notice.value = Said.of("end_of_run", month=sess.month)
            return
        playing.value = True

    def step():
        playing.value = False
        notice.value = None
        if not sess.step():
            message.value = Said.of("model_error", month=sess.month + 1, message=sess.error or "")
        _publish(sess)

    def reset():
        playing.value = False
        notice.value = None
        message.value = None
        _run_guarded(sess.reset)
        _publish(sess)

    def speed(value):
        sess.speed = int(value)

    with solara.Row(gap="8px", style={"align-items": "flex-start", "margin-top": "8px"}):
        solara.InputText(
            i18n.t("seed", language),
            value=seed_text,
            on_value=on_seed,
            error=bool(seed_error),
            message=seed_error or None,
            classes=["seed-input"],
            style={"max-width": "120px"},
        )
        solara.InputText(
            i18n.t("stop_at", language),
            value=stop_text,
            on_value=on_stop,
            error=bool(stop_error),
            message=stop_error or None,
            classes=["stop-input"],
            style={"max-width": "150px"},
        )
    with solara.Row(gap="6px", style={"margin": "8px 0"}):
        solara.Button(
            i18n.t("pause" if playing.value else "run", language),
            color="primary",
            on_click=run_or_pause,
            classes=["btn-run"],
        )
        solara.Button(
            i18n.t("step", language), on_click=step, disabled=playing.value, classes=["btn-step"]
        )
        solara.Button(i18n.t("reset", language), on_click=reset, classes=["btn-reset"])
    solara.Text(i18n.t("speed", language), style={"font-size": "13px", "color": "#555"})
    solara.ToggleButtonsSingle(
        value=str(sess.speed),
        values=[str(s) for s in SPEEDS],
        on_value=speed,
        dense=True,
        classes=["speed-toggle"],
    )


@solara.component
def CompareControls(sess: Session, language: str, items: list, pick):
    def toggle(on):
        playing.value = False
        if _run_guarded(sess.set_compare, on):
            _bump()
            _publish(sess)

    solara.Switch(
        label=i18n.t("compare", language),
        value=sess.compare,
        on_value=toggle,
        classes=["compare-switch"],
    )
    if sess.compare:
        solara.Text(i18n.t("compare_help", language), classes=["param-help"])
        solara.v.Select(
            label=i18n.t("case_b", language),
            items=items,
            v_model=sess.configs[1].case,
            on_v_model=lambda case: pick(case, 1),
            class_="case-b-select",
            hide_details=True,
        )


editing = solara.reactive(0)
open_families = solara.reactive([])


@solara.component
def PolicyControls(sess: Session, _version: int, language: str):
    arm = editing.value if sess.compare else 0
    config = sess.configs[arm]
    families = [f for f in FAMILIES if any(cls.family == f for cls in POLICIES.values())]
    solara.HTML(
        tag="h3", unsafe_innerHTML=i18n.t("policies", language), style="margin: 14px 0 2px 0"
    )
    solara.Text(i18n.t("policies_help", language), classes=["param-help"])
    if sess.compare:
        with solara.Row(style={"align-items": "center"}):
            solara.Text(i18n.t("editing", language))
            solara.ToggleButtonsSingle(
                value=arm,
                on_value=lambda v: editing.set(int(v)),
                children=[solara.Button("A", value=0), solara.Button("B", value=1)],
                dense=True,
                classes=["editing-toggle"],
            )
    panels = []
    for i, fam in enumerate(families):
        members = sorted(
            (cls for cls in POLICIES.values() if cls.family == fam), key=lambda c: c.name
        )
        active = sum(1 for cls in members if cls.name in config.policies)
        header = i18n.family(fam, language) + (f"  ({active})" if active else "")
        content = []
        if i in open_families.value:
            content = [
                PolicyBlock(sess, arm, cls, language).key(f"{arm}-{cls.name}-{_version}")
                for cls in members
            ]
        panels.append(
            solara.v.ExpansionPanel(
                class_=f"family-{fam}",
                children=[
                    solara.v.ExpansionPanelHeader(children=[header], class_="family-header"),
                    solara.v.ExpansionPanelContent(children=content),
                ],
            )
        )
    solara.v.ExpansionPanels(
        children=panels,
        multiple=True,
        v_model=list(open_families.value),
        on_v_model=lambda v: open_families.set(list(v or [])),
        accordion=True,
        flat=True,
    )


def _apply_and_refresh(sess: Session, action, *args) -> bool:
    playing.value = False
    ok = _run_guarded(action, *args)
    if ok:
        notice.value = Said.of("restarted")
        _bump()
        _publish(sess)
    return ok


@solara.component
def PolicyBlock(sess: Session, arm: int, cls, language: str):
    config = sess.configs[arm]
    on = cls.name in config.policies
    in_case = cls.name in {p.name for p in load_case(config.case).policies}
    label = i18n.policy_title(cls, language) + (
        f"  · {i18n.t('in_scenario', language)}" if in_case else ""
    )
    with solara.Div(style={"border-top": "1px solid #e5e5e5", "padding-top": "4px"}):
        solara.Switch(
            label=label,
            value=on,
            on_value=lambda v: _apply_and_refresh(sess, sess.set_policy, arm, cls.name, v),
            classes=[f"policy-switch-{cls.name}"],
        )
        if language == "en":
            solara.Text(i18n.policy_summary(cls), classes=["policy-summary"])
        if on:
            for info in describe(cls.Params):
                if info.kind == "other":
                    shown = config.value(cls.name, info.name)
                    solara.Text(
                        f"{i18n.param_label(cls.Params, info.name, language)}: "
                        f"{_format_value(shown, language)}",
                        classes=["param-help"],
                    )
                elif info.kind in ("float", "int", "bool", "choice"):
                    ParamControl(
                        sess, arm, cls, info, config.value(cls.name, info.name), language
                    ).key(f"{arm}-{cls.name}-{info.name}-{config.value(cls.name, info.name)!r}")


def _format_value(value, language: str) -> str:
    """A value the page does not edit (a list of roles, say), as text."""
    if value is None or value == [] or value == ():
        return "—"
    if isinstance(value, list | tuple):
        return ", ".join(i18n.role(str(v), language) for v in value)
    return str(value)


def _format_number(value) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _range_text(info, language: str) -> str:
    if info.lo is None and info.hi is None:
        return ""
    lo = _format_number(info.lo) if info.lo is not None else "−∞"
    hi = _format_number(info.hi) if info.hi is not None else "∞"
    return f"{lo} … {hi}"


def _slider_step(info) -> float | None:
    if info.lo is None or info.hi is None:
        return None
    span = float(info.hi) - float(info.lo)
    if info.kind == "int":
        return 1 if span <= 240 else None
    if span <= 0 or span > 100:
        return None
    return float(10 ** np.floor(np.log10(span / 100)))


@solara.component
def ParamControl(sess: Session, arm: int, cls, info, value, language: str):
    text, set_text = solara.use_state(_format_number(value))
    error, set_error = solara.use_state("")
    label = i18n.param_label(cls.Params, info.name, language)
    unit = i18n.unit(info.unit, language)
    css = f"param-{cls.name}-{info.name}"

    def commit(new_value):
        set_error("")
        ok = _apply_and_refresh(sess, sess.set_param, arm, cls.name, info.name, new_value)
        if not ok:
            set_error(message.value.text(language).splitlines()[-1] if message.value else "")

    if info.kind == "bool":
        solara.Switch(label=label, value=bool(value), on_value=commit, classes=[css])
    elif info.kind == "choice":
        solara.v.Select(
            label=label,
            items=[{"text": i18n.choice(c, language), "value": c} for c in info.choices],
            v_model=value,
            on_v_model=commit,
            class_=css,
            dense=True,
            hide_details=True,
        )
    else:

        def typed(new_text):
            set_text(new_text)
            field_name = label
            try:
                number = (
                    int(str(new_text).strip())
                    if info.kind == "int"
                    else float(str(new_text).strip())
                )
            except ValueError:
                key = "not_an_integer" if info.kind == "int" else "not_a_number"
                _refuse(set_error, key, field=field_name, text=new_text)
                return
            if (info.lo is not None and number < info.lo) or (
                info.hi is not None and number > info.hi
            ):
                _refuse(
                    set_error,
                    "out_of_bounds",
                    field=field_name,
                    value=_format_number(number),
                    lo=_format_number(info.lo) if info.lo is not None else "−∞",
                    hi=_format_number(info.hi) if info.hi is not None else "∞",
                )
                return
            commit(number)

        solara.InputText(
            label,
            value=text,
            on_value=typed,
            error=bool(error),
            message=error or None,
            suffix=unit,
            classes=[css, "param-input"],
            dense=True,
        )
        step = _slider_step(info)
        if step is not None and not error:
            if info.kind == "int":
                solara.SliderInt(
                    "",
                    value=int(value),
                    min=int(info.lo),
                    max=int(info.hi),
                    step=1,
                    on_value=commit,
                )
            else:
                solara.SliderFloat(
                    "",
                    value=float(value),
                    min=float(info.lo),
                    max=float(info.hi),
                    step=step,
                    on_value=commit,
                )
    help_text = " · ".join(
        x for x in (_range_text(info, language), info.doc if language == "en" else "") if x
    )
    if help_text:
        solara.Text(help_text, classes=["param-help"])


@solara.component
def Story(sess: Session, _version: int, language: str):
    with solara.Card(margin=0, classes=["story-card"]):
        for k, arm in enumerate(sess.arms):
            title = sess.titles()[k]
            story, english_only = i18n.scenario_story(arm.spec, language)
            solara.HTML(
                tag="h2",
                unsafe_innerHTML=_escape(title),
                style="margin: 0 0 6px 0; font-size: 21px",
                classes=["story-title"],
            )
            if english_only:
                solara.Text(i18n.t("story_en_only", language), classes=["param-help"])
            solara.Text(
                story or i18n.t("no_story", language), classes=["orgsim-story", "story-text"]
            )
            notes = file_notes(arm.config.case)
            if notes and k == len(sess.arms) - 1 and not sess.compare:
                with solara.Details(i18n.t("file_notes", language)):
                    solara.HTML(
                        tag="pre",
                        unsafe_innerHTML=_escape(notes),
                        style="white-space: pre-wrap; font-size: 12px",
                    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@solara.component
def Live(sess: Session, language: str):
    fr: Frame | None = frame.value
    if fr is None:
        return
    with solara.Card(margin=0):
        for k, status in enumerate(fr.status):
            colour = ARM_COLOURS[k] if sess.compare else "#222"
            prefix = f"<b style='color:{colour}'>{'AB'[k]}</b> · " if sess.compare else ""
            solara.HTML(
                tag="div",
                unsafe_innerHTML=(
                    f"{prefix}{i18n.t('month', language)} <b class='status-month'>{status['month']}</b>"
                    f" / {sess.stop_month} &nbsp;·&nbsp; {i18n.t('headcount', language)} "
                    f"<b class='status-headcount'>{status['headcount']}</b> &nbsp;·&nbsp; "
                    f"{i18n.t('intend_to_leave', language)} <b>{100 * status['intent']:.0f}%</b>"
                    f" &nbsp;·&nbsp; {i18n.t('cash', language)} <b>{money(status['cash'])}</b>"
                    f" &nbsp;·&nbsp; {i18n.t('clients', language)} <b>{status['clients']}</b>"
                ),
                classes=["orgsim-status"],
            )
        solara.Text(f"draw_ms={fr.draw_ms:.0f}", classes=["draw-ms"])
    solara.Image(fr.charts, format="png", width="100%", classes=["orgsim-img", "charts-img"])
    if fr.difference is not None:
        solara.Image(
            fr.difference, format="png", width="100%", classes=["orgsim-img", "difference-img"]
        )
    if sess.compare:
        Organisation(sess, fr, language)
        FeedCard(sess, fr, language)
    else:
        with solara.Columns([3, 2], gutters_dense=True):
            Organisation(sess, fr, language)
            FeedCard(sess, fr, language)


@solara.component
def Organisation(sess: Session, fr: Frame, language: str):
    with solara.Card(i18n.t("organisation", language), margin=0):
        solara.ToggleButtonsSingle(
            value=sess.colour_by,
            on_value=lambda v: _colour_by(sess, v),
            children=[
                solara.Button(i18n.t("colour_satisfaction", language), value="satisfaction"),
                solara.Button(i18n.t("colour_intent", language), value="intent"),
            ],
            dense=True,
            classes=["colour-toggle"],
        )
        solara.Image(fr.network, format="png", width="100%", classes=["orgsim-img", "network-img"])


@solara.component
def FeedCard(sess: Session, fr: Frame, language: str):
    with solara.Card(i18n.t("events", language), margin=0, classes=["feed-card"]):
        with solara.Columns([1] * len(fr.feeds)):
            for k, items in enumerate(fr.feeds):
                with solara.Div(classes=["feed-box", f"feed-{'ab'[k]}"]):
                    if sess.compare:
                        solara.HTML(
                            tag="h4",
                            unsafe_innerHTML=_escape(fr.titles[k]),
                            style=f"color:{ARM_COLOURS[k]}; margin: 0 0 6px 0",
                        )
                    if not items:
                        solara.Text(i18n.t("no_events", language), classes=["feed-empty"])
                    for item in reversed(items):
                        solara.Text(item.text(language), classes=["feed-item", f"feed-{item.tone}"])


def _colour_by(sess: Session, value: str) -> None:
    with sess.lock:
        sess.colour_by = value
    _publish(sess)


@solara.component
def Export(sess: Session, language: str):
    with solara.Card(i18n.t("export", language), margin=0):
        downloads = (
            (sess.metrics_csv, "metrics.csv", "export_metrics", "text/csv"),
            (sess.events_csv, "events.csv", "export_events", "text/csv"),
            (sess.charts_png, "charts.png", "export_charts", "image/png"),
            (sess.network_png, "organisation.png", "export_network", "image/png"),
        )
        with solara.Row(gap="8px", style={"flex-wrap": "wrap"}):
            for data, filename, label, mime in downloads:
                solara.FileDownload(
                    data,
                    filename=sess.export_name(filename),
                    label=i18n.t(label, language),
                    mime_type=mime,
                )
        solara.Text(i18n.t("footer", language), classes=["param-help"])
