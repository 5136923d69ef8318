"""The app's session: what one browser tab runs, in plain Python (no Solara).

A :class:`Session` holds the arms A and B: each an :class:`ArmConfig` (a case and the policies
chosen on the page) and an :class:`Arm` (its scenario, its model on the common seed, its picture of
the organisation and its event feed). It steps the arms in lock step, resets them when a setting
changes (compare mode, seed, case, a policy or a parameter), draws a :class:`Frame` after each
month (the charts to explore of ``sim.viz.app.explore``, the organisation of
``sim.viz.network_view``, the status line, the feeds) and gives the exports (the charts as the
matplotlib figure of ``sim.viz.app.charts``).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pandas as pd

from sim.model import OrgModel
from sim.params import describe
from sim.policies import POLICIES
from sim.scenario import SCENARIO_DIR, Scenario, ScenarioError, load_scenario
from sim.viz import i18n
from sim.viz.app.charts import LiveCharts
from sim.viz.app.explore import Runs, difference_figures, live_figures
from sim.viz.app.feed import Feed, FeedItem, describe_event
from sim.viz.network_view import NetworkFigure, OrgSnapshot, OrgView
from sim.viz.style import arm_colours

SPEEDS = (1, 2, 5, 10)  # months per second; the real pace is capped by the drawing (~5-10/s)
MAX_MONTH = 1200  # the longest run the page allows (100 years)
FEED_SHOWN = 60  # sentences shown
DEFAULT_SEED = 1
STATUS = ("month", "headcount", "intent_to_quit_share", "cash", "clients")  # monthly columns


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
        self.model = OrgModel.from_scenario(self.spec, seed=seed)
        self.view = OrgView()
        self.feed = Feed()

    def step(self) -> None:
        self.model.step()
        self.feed.read(self.model)


@dataclass(eq=False)
class Frame:
    """What the page shows after a month: the charts (Plotly figure dicts), the picture of the
    organisation, status and feed (identity, not value, equality)."""

    generation: int
    month: int
    charts: list[dict]
    network: bytes
    difference: list[dict] | None
    status: list[dict[str, float]]  # per arm: the last month's figures of STATUS, by column
    feeds: list[list[FeedItem]]
    titles: list[str]
    colours: list[str]  # per arm: its colour in every figure command (Session.colours)
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
        self.stop_month = 0  # set with the case: the scenario's length
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

    def colours(self) -> list[str]:
        """Each arm's colour, the one its case has in every figure command and handout
        (``sim.viz.style.arm_colours``). An arm whose policies differ from its case's is a variant
        of it, named ``<case>+changed`` as the sweeps name theirs; a second arm with the same name
        as the first is ``<name>+B``, so that the two never share a colour."""
        names: list[str] = []
        for arm in self.arms:
            name = arm.config.case + ("+changed" if arm.config.changed() else "")
            names.append(f"{name}+B" if name in names else name)
        colours = arm_colours(names)
        return [colours[name] for name in names]

    def render(self) -> Frame:
        """Draw the current month (charts, organisation, differences) and collect the feeds."""
        with self.lock:
            started = time.perf_counter()
            titles, colours = self.titles(), self.colours()
            metrics = [arm.model.metrics() for arm in self.arms]
            snaps = [OrgSnapshot.of(arm.model) for arm in self.arms]
            frames = [
                (s, arm.view.update(s), arm.view.ghosts)
                for s, arm in zip(snaps, self.arms, strict=True)
            ]
            runs = self.runs(metrics)
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
            frame = Frame(
                generation=self.generation,
                month=self.month,
                charts=live_figures(runs),
                network=net.png(),
                difference=difference_figures(runs) if self.compare else None,
                status=[_status(m) for m in metrics],
                feeds=[list(arm.feed.items[-FEED_SHOWN:]) for arm in self.arms],
                titles=titles,
                colours=colours,
                draw_ms=0.0,
            )
            frame.draw_ms = 1000 * (time.perf_counter() - started)
            return frame

    def runs(self, metrics: list[pd.DataFrame] | None = None) -> Runs:
        """What the charts show of the arms this month."""
        with self.lock:
            if metrics is None:
                metrics = [arm.model.metrics() for arm in self.arms]
            return Runs(
                metrics=tuple(metrics),
                labels=tuple(_short_title(t) for t in self.titles()),
                colours=tuple(self.colours()),
                lang=self.lang,
                currency=self.arms[0].spec.currency,
                x_max=_x_extent(self.month),
                closed=tuple(
                    arm.model.month if arm.model.firm.closed else None for arm in self.arms
                ),
            )

    def _figure(self, kind: str, build, *key):
        full = (kind, self.lang, self.compare, tuple(self.titles()), tuple(self.colours()), *key)
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
        """The live charts as one matplotlib figure (the page shows them with Plotly)."""
        with self.lock:
            metrics = [arm.model.metrics() for arm in self.arms]
            charts = LiveCharts(self.lang, self.titles(), _x_extent(self.month), self.colours())
            charts.draw(metrics)
            return charts.blit.full_png()

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


def _status(metrics: pd.DataFrame) -> dict[str, float]:
    """The last month's figures of the status line, by column."""
    last = metrics.iloc[-1]
    return {column: float(last[column]) for column in STATUS}
