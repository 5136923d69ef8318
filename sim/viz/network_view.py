"""The organisation as a picture: departments, teams, hierarchy, informal ties and leaders.

Each department is a block of team discs; each person sits on a fixed seat of their team's disc
(a sunflower spiral: managers take the centre seats, newcomers the free seats nearest the centre),
so people stay where they are from month to month and a class can follow them. The top management
sits in a row above the departments. Markers show the level (circle staff, diamond manager, square
executive), a black ring marks an informal leader, grey lines are the informal ties, and people who
left fade out over three months where they sat. Colour is the person's satisfaction (motivators
minus hygiene dissatisfaction, Herzberg's two scales) or their intention to quit.

Drawing is done with persistent matplotlib artists whose data change each month, so that a month of
a 200-person firm redraws in tens of milliseconds (benchmarks/app_redraw.py).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import matplotlib
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PatchCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, Rectangle
from matplotlib.transforms import IdentityTransform

from sim.viz import i18n

GOLDEN_ANGLE = np.pi * (3.0 - np.sqrt(5.0))  # radians; sunflower seats never line up
SEAT_SPACING = 1.0  # distance scale between neighbouring seats (layout units)
TEAM_GAP = 1.2  # space between team discs (layout units)
DEPARTMENT_GAP = 2.5  # extra space between departments (layout units)
FADE_MONTHS = 3  # a leaver fades out over this many months
FADE_ALPHA = (0.75, 0.45, 0.2)  # opacity of a leaver 0, 1 and 2 months after leaving
EXECUTIVE = 2
MANAGER = 1
MARKER_SIZE = {0: 34.0, MANAGER: 70.0, EXECUTIVE: 100.0}  # points^2
MARKER_SHAPE = {0: "o", MANAGER: "D", EXECUTIVE: "s"}
SATISFACTION_RANGE = (-0.8, 0.8)  # net satisfaction S - D shown from red to blue
INTENT_RANGE = (0.0, 1.0)  # intention to quit: chance of leaving within a year
COLOURMAPS = {"satisfaction": "RdYlBu", "intent": "YlOrRd"}
# Latin text in DejaVu Sans, Chinese from the first CJK font installed (Debian: fonts-wqy-microhei);
# matplotlib falls back glyph by glyph along this list.
CJK_FONTS = ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC")
TIE_COLOUR = "#8c8c8c"
DECOR_IN = 1.7  # inches of a network figure taken by the key, the titles and the colour bar
MAX_TIES_DRAWN = 1500  # more ties than this are sampled for the picture (the model keeps them all)
TEAM_FACE = "#f4f6f9"
TEAM_EDGE = "#c9d1db"


@dataclass
class OrgSnapshot:
    """The few columns the picture needs, copied at the end of a month (row space)."""

    month: int
    uid: np.ndarray
    team: np.ndarray
    department: np.ndarray
    level: np.ndarray
    leader: np.ndarray
    satisfaction: np.ndarray
    intent: np.ndarray
    src: np.ndarray
    dst: np.ndarray
    department_names: tuple[str, ...]
    team_department: np.ndarray

    @classmethod
    def of(cls, model) -> OrgSnapshot:
        ws, n = model.workforce, model.workforce.n
        src, dst = model.network.src, model.network.dst
        once = src < dst  # every tie is stored both ways
        return cls(
            month=int(model.month),
            uid=ws.uid[:n].copy(),
            team=ws.team[:n].copy(),
            department=ws.department[:n].copy(),
            level=ws.level[:n].copy(),
            leader=ws.informal_leader[:n].copy(),
            satisfaction=ws.motivator_satisfaction[:n] - ws.hygiene_dissatisfaction[:n],
            intent=ws.intent[:n].copy(),
            src=src[once].copy(),
            dst=dst[once].copy(),
            department_names=tuple(model.department_names),
            team_department=np.asarray(model.firm.team_department).copy(),
        )

    def values(self, colour_by: str) -> np.ndarray:
        return self.intent if colour_by == "intent" else self.satisfaction


@dataclass
class Ghosts:
    """People who left recently: where they sat, how they felt, when they left."""

    xy: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))
    satisfaction: np.ndarray = field(default_factory=lambda: np.zeros(0))
    intent: np.ndarray = field(default_factory=lambda: np.zeros(0))
    level: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    month_left: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    def add(self, xy, satisfaction, intent, level, month: int) -> None:
        self.xy = np.concatenate([self.xy, xy])
        self.satisfaction = np.concatenate([self.satisfaction, satisfaction])
        self.intent = np.concatenate([self.intent, intent])
        self.level = np.concatenate([self.level, level])
        self.month_left = np.concatenate([self.month_left, np.full(len(xy), month, dtype=np.int64)])

    def forget_before(self, month: int) -> None:
        keep = month - self.month_left < FADE_MONTHS
        self.xy, self.satisfaction, self.intent = (
            self.xy[keep],
            self.satisfaction[keep],
            self.intent[keep],
        )
        self.level, self.month_left = self.level[keep], self.month_left[keep]

    def values(self, colour_by: str) -> np.ndarray:
        return self.intent if colour_by == "intent" else self.satisfaction

    def alpha(self, month: int) -> np.ndarray:
        age = np.clip(month - self.month_left, 0, FADE_MONTHS - 1)
        return np.asarray(FADE_ALPHA)[age]


def font_rc() -> dict:
    """rcParams for figures that mix Latin and Chinese text (use with ``matplotlib.rc_context``)."""
    import logging

    from matplotlib import font_manager

    # CJK fonts have no bold face; matplotlib would log a warning for every bold title
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    installed = {f.name for f in font_manager.fontManager.ttflist}
    cjk = [name for name in CJK_FONTS if name in installed]
    return {"font.family": ["DejaVu Sans", *cjk], "axes.unicode_minus": False}


def _fit(text: str, room: float) -> str:
    """``text`` cut to ``room`` Latin-character widths (a Chinese character counts two), with …"""
    width = 0.0
    for i, ch in enumerate(text):
        width += 2.0 if i18n.has_cjk(ch) else 1.0
        if width > room:
            return text[: max(i - 1, 1)] + "…"
    return text


def sunflower(count: int) -> np.ndarray:
    """``count`` seats around a centre, seat 0 at the centre, evenly spread."""
    i = np.arange(count)
    r = SEAT_SPACING * np.sqrt(i + 0.5) * 0.62
    r[0] = 0.0
    return np.column_stack([r * np.cos(i * GOLDEN_ANGLE), r * np.sin(i * GOLDEN_ANGLE)])


class OrgLayout:
    """Stable seats for everyone: departments side by side, teams in a grid, executives on top."""

    def __init__(self, snap: OrgSnapshot, aspect: float = 2.0):
        self.department_names = snap.department_names
        self.team_department = snap.team_department.copy()
        n_teams = self.team_department.size
        sizes = np.bincount(snap.team[snap.level < EXECUTIVE], minlength=n_teams)
        self.seats_per_team = int(max(8, np.ceil(1.3 * (sizes.max() if sizes.size else 8))))
        self.seats = sunflower(self.seats_per_team * 3)
        self.radius = float(np.hypot(*self.seats[self.seats_per_team - 1].T)) + 0.7
        self.cell = cell = 2 * self.radius + TEAM_GAP
        teams_of = [
            np.flatnonzero(self.team_department == d) for d in range(len(self.department_names))
        ]
        # each department a compact block of team discs; blocks are set left to right in shelves,
        # the shelf width chosen so that the whole picture comes closest to ``aspect``
        shapes = []
        for teams in teams_of:
            rows = max(1, round(np.sqrt(max(len(teams), 1) / 1.6)))
            shapes.append((max(1, int(np.ceil(len(teams) / rows))), rows))
        label = 0.45 * cell  # room for a department's name above its block
        widest = max(c for c, _ in shapes) * cell
        total = sum(c * cell + DEPARTMENT_GAP for c, _ in shapes)
        best = None
        for target in np.linspace(widest, max(total, widest), 24):
            packed = self._pack(shapes, target, cell, label)
            score = abs(np.log(packed[0] / packed[1] / aspect))
            if best is None or score < best[0] - 1e-9:
                best = (score, target)
        width, height, places = self._pack(shapes, best[1], cell, label)
        self.team_xy = np.zeros((n_teams, 2))
        self.department_label_xy: list[tuple[float, float]] = []
        self.department_label_room: list[float] = []  # width each name may take
        for teams, (cols, rows), (x, top) in zip(teams_of, shapes, places, strict=True):
            for k, team in enumerate(teams):
                self.team_xy[team] = (
                    x + (k // rows) * cell + cell / 2,
                    top - label - (k % rows) * cell - cell / 2,
                )
            self.department_label_xy.append((x + cols * cell / 2, top - label + 0.3))
            self.department_label_room.append(cols * cell + 0.8 * DEPARTMENT_GAP)
        bottom = -height
        self.width = width
        self.executive_y = 0.55 * cell
        self.bounds = (-0.5, width + 0.5, bottom - 0.5, self.executive_y + 0.45 * cell)
        self._uid_xy: dict[int, tuple[float, float]] = {}
        self._uid_seat: dict[int, tuple[int, int]] = {}  # uid -> (team, seat); team -1 = top row
        self.place(snap)

    @staticmethod
    def _pack(shapes, target: float, cell: float, label: float):
        """Blocks left to right, a new shelf when the next would pass ``target``: the width, the
        height and each block's top-left corner."""
        places, x, top, shelf_rows, width = [], 0.0, 0.0, 0, 0.0
        for cols, rows in shapes:
            if x > 0 and x + cols * cell > target + 1e-9:
                top -= shelf_rows * cell + label + DEPARTMENT_GAP
                x, shelf_rows = 0.0, 0
            places.append((x, top))
            width = max(width, x + cols * cell)
            x += cols * cell + DEPARTMENT_GAP
            shelf_rows = max(shelf_rows, rows)
        height = -(top - label - shelf_rows * cell) + 0.55 * cell * 2  # and the top row
        return width, height, places

    @property
    def height_ratio(self) -> float:
        x0, x1, y0, y1 = self.bounds
        return (y1 - y0) / (x1 - x0)

    def scale(self, width_px: float, height_px: float) -> float:
        """Pixels per layout unit when drawn in a box of this size (equal aspect)."""
        x0, x1, y0, y1 = self.bounds
        return min(width_px / (x1 - x0), height_px / (y1 - y0))

    def fits(self, snap: OrgSnapshot) -> bool:
        """Whether the layout still describes the firm (a restructuring may add teams)."""
        return (
            snap.department_names == self.department_names
            and snap.team_department.size == self.team_department.size
        )

    def place(self, snap: OrgSnapshot) -> np.ndarray:
        """Positions (n, 2) of the live people; newcomers get the free seat nearest the centre."""
        xy = np.empty((snap.uid.size, 2))
        known = np.fromiter(
            (
                u in self._uid_seat and self._uid_seat[u][0] == (-1 if lv == EXECUTIVE else t)
                for u, t, lv in zip(
                    snap.uid.tolist(), snap.team.tolist(), snap.level.tolist(), strict=True
                )
            ),
            dtype=bool,
            count=snap.uid.size,
        )
        live = set(snap.uid.tolist())
        for u in [u for u in self._uid_seat if u not in live]:
            del self._uid_seat[u]
        if not known.all():
            taken: dict[int, set[int]] = {}
            for team, seat in self._uid_seat.values():
                taken.setdefault(team, set()).add(seat)
            newcomers = np.flatnonzero(~known)
            order = newcomers[np.lexsort((snap.uid[newcomers], -snap.level[newcomers]))]
            for row in order.tolist():
                uid = int(snap.uid[row])
                team = -1 if snap.level[row] == EXECUTIVE else int(snap.team[row])
                used = taken.setdefault(team, set())
                seat = next(s for s in range(len(used) + 1) if s not in used)
                used.add(seat)
                self._uid_seat[uid] = (team, seat)
                self._uid_xy[uid] = self._seat_xy(team, seat)
        for row, uid in enumerate(snap.uid.tolist()):
            xy[row] = self._uid_xy[uid]
        return xy

    def _seat_xy(self, team: int, seat: int) -> tuple[float, float]:
        if team == -1:  # the top row: executives side by side above the departments
            k, row = seat % 15, seat // 15
            side = 1 if k % 2 else -1
            x = self.width / 2 + side * ((k + 1) // 2) * 1.5
            return (float(x), float(self.executive_y - 1.3 * row))
        if seat >= self.seats.shape[0]:
            self.seats = sunflower(2 * seat)
        cx, cy = self.team_xy[team]
        dx, dy = self.seats[seat]
        return (float(cx + dx), float(cy + dy))


class OrgView:
    """The picture of one firm over time (one per arm): its layout, its leavers, its last positions."""

    def __init__(self):
        self.layout: OrgLayout | None = None
        self.ghosts = Ghosts()
        self._last: OrgSnapshot | None = None
        self._last_xy: np.ndarray | None = None

    def update(self, snap: OrgSnapshot) -> np.ndarray:
        """Positions of the live people this month; records who left since the last update."""
        if (
            self.layout is None
            or not self.layout.fits(snap)
            or (self._last is not None and snap.month < self._last.month)
        ):
            self.layout, self.ghosts, self._last, self._last_xy = (
                OrgLayout(snap),
                Ghosts(),
                None,
                None,
            )
        xy = self.layout.place(snap)
        if self._last is not None and self._last_xy is not None and snap.month > self._last.month:
            gone = ~np.isin(self._last.uid, snap.uid)
            if gone.any():
                self.ghosts.add(
                    self._last_xy[gone],
                    self._last.satisfaction[gone],
                    self._last.intent[gone],
                    self._last.level[gone],
                    snap.month,
                )
        self.ghosts.forget_before(snap.month)
        self._last, self._last_xy = snap, xy
        return xy


class NetworkFigure:
    """One or two organisation panels (A, or A and B side by side) with a shared colour scale."""

    def __init__(self, lang: str, colour_by: str, titles: list[str], layouts: list[OrgLayout]):
        self.lang, self.colour_by = lang, colour_by
        rc = font_rc()
        with matplotlib.rc_context(rc):
            panels = len(titles)
            width = 6.4 if panels == 1 else 11.5
            # as tall as the firm's picture needs (plus the key above and the colour bar below)
            x0, x1, y0, y1 = max(layouts, key=lambda lay: lay.height_ratio).bounds
            height = float(
                np.clip(0.95 * width / panels * (y1 - y0) / (x1 - x0) + DECOR_IN, 3.8, 6.6)
            )
            fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
            self.blit = BlitCanvas(fig, rc)
            self.cmap = matplotlib.colormaps[COLOURMAPS[colour_by]]
            lo, hi = INTENT_RANGE if colour_by == "intent" else SATISFACTION_RANGE
            self.norm = matplotlib.colors.Normalize(lo, hi, clip=True)
            axes = fig.subplots(1, panels, squeeze=False)[0]
            self.panels = [
                _Panel(ax, title, layout, self.cmap, self.norm, lang, self.blit, panels)
                for ax, title, layout in zip(axes, titles, layouts, strict=True)
            ]
            mappable = matplotlib.cm.ScalarMappable(norm=self.norm, cmap=self.cmap)
            label = i18n.t("intent_scale" if colour_by == "intent" else "net_satisfaction", lang)
            bar = fig.colorbar(
                mappable, ax=list(axes), orientation="horizontal", shrink=0.5, aspect=45, pad=0.02
            )
            bar.set_label(label, fontsize=10.5)
            bar.ax.tick_params(labelsize=9.5)
            fig.legend(
                handles=_legend_handles(lang),
                loc="outside upper center",
                ncols=6 if panels > 1 else 3,
                fontsize=10,
                frameon=False,
                handletextpad=0.3,
                columnspacing=1.2,
            )

    @property
    def fig(self) -> Figure:
        return self.blit.fig

    def draw(self, frames: list[tuple[OrgSnapshot, np.ndarray, Ghosts]]) -> None:
        for panel, (snap, xy, ghosts) in zip(self.panels, frames, strict=True):
            panel.update(snap, xy, ghosts, self.colour_by)
        self.blit.draw()

    def png(self) -> bytes:
        return self.blit.png()


def _legend_handles(lang: str) -> list:
    grey = {"mfc": "#bbbbbb", "mec": "#555555", "ls": ""}
    return [
        Line2D([], [], marker="o", ms=6, label=i18n.t("legend_staff", lang), **grey),
        Line2D([], [], marker="D", ms=7, label=i18n.t("legend_manager", lang), **grey),
        Line2D([], [], marker="s", ms=8, label=i18n.t("legend_executive", lang), **grey),
        Line2D(
            [],
            [],
            ls="",
            marker="o",
            ms=10,
            mfc="none",
            mec="black",
            mew=1.8,
            label=i18n.t("legend_leader", lang),
        ),
        Line2D([], [], ls="", marker="x", ms=7, color="#777777", label=i18n.t("legend_left", lang)),
        Line2D([], [], color=TIE_COLOUR, lw=1, alpha=0.6, label=i18n.t("team_tie_note", lang)),
    ]


class _Panel:
    def __init__(
        self,
        ax,
        title: str,
        layout: OrgLayout,
        cmap,
        norm,
        lang: str,
        blit: BlitCanvas,
        panels: int,
    ):
        self.ax, self.cmap, self.norm, self.layout, self.lang = ax, cmap, norm, layout, lang
        ax.set_aspect("equal")
        ax.set_axis_off()
        x0, x1, y0, y1 = layout.bounds
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        ax.set_title(title, loc="left", fontsize=12, fontweight="bold")
        discs = [Circle(tuple(c), layout.radius) for c in layout.team_xy]
        ax.add_collection(
            PatchCollection(discs, facecolor=TEAM_FACE, edgecolor=TEAM_EDGE, lw=0.8, zorder=0)
        )
        # sizes follow the drawing's scale, so that a firm of 2,400 reads as well as one of 40
        fig_w, fig_h = ax.figure.get_size_inches() * ax.figure.dpi
        per_unit = layout.scale(0.95 * fig_w / panels, fig_h - DECOR_IN * ax.figure.dpi)
        self.size = float(np.clip((0.72 * per_unit * 72 / ax.figure.dpi) ** 2, 4.0, 40.0))
        label_size = float(np.clip(0.32 * layout.cell * per_unit * 72 / ax.figure.dpi, 6.0, 11.0))
        char = label_size * 0.62 * ax.figure.dpi / 72 / per_unit  # layout units per character
        for name, (x, y), room in zip(
            layout.department_names,
            layout.department_label_xy,
            layout.department_label_room,
            strict=True,
        ):
            ax.text(
                x,
                y,
                _fit(i18n.department(name, lang), room / char),
                ha="center",
                va="bottom",
                fontsize=label_size,
                color="#333333",
            )
        empty = np.zeros((0, 2))
        self.ties = blit.animate(
            LineCollection([], colors=TIE_COLOUR, linewidths=0.4, alpha=0.35, zorder=1)
        )
        ax.add_collection(self.ties)
        size = self.size
        self.ghosts = blit.animate(
            ax.scatter(empty[:, 0], empty[:, 1], s=size, linewidths=0, zorder=2)
        )
        self.ghost_marks = blit.animate(
            ax.scatter(empty[:, 0], empty[:, 1], s=0.8 * size, marker="x", linewidths=1.0, zorder=2)
        )
        self.people = {
            level: blit.animate(
                ax.scatter(
                    empty[:, 0],
                    empty[:, 1],
                    c=np.zeros(0),
                    s=size * MARKER_SIZE[level] / MARKER_SIZE[0],
                    marker=MARKER_SHAPE[level],
                    cmap=cmap,
                    norm=norm,
                    edgecolors="#333333",
                    linewidths=0.7 if size > 12 else 0.4,
                    zorder=3 + level,
                )
            )
            for level in MARKER_SIZE
        }
        self.leaders = blit.animate(
            ax.scatter(
                empty[:, 0],
                empty[:, 1],
                s=4.4 * size,
                facecolors="none",
                edgecolors="black",
                linewidths=1.6 if size > 12 else 1.0,
                zorder=6,
            )
        )
        self.count = blit.animate(
            ax.text(
                0.0,
                1.0,
                "",
                transform=ax.transAxes,
                ha="left",
                va="top",
                fontsize=10.5,
                color="#333333",
            )
        )

    def update(self, snap: OrgSnapshot, xy: np.ndarray, ghosts: Ghosts, colour_by: str) -> None:
        values = snap.values(colour_by)
        src, dst = snap.src, snap.dst
        if src.size > MAX_TIES_DRAWN:
            # a fixed sample of the ties (the same pairs every month), or a big firm is a grey blot
            a, b = (
                np.minimum(snap.uid[src], snap.uid[dst]),
                np.maximum(snap.uid[src], snap.uid[dst]),
            )
            keep = (a * 2654435761 + b * 40503) % 10_000 < 10_000 * MAX_TIES_DRAWN / src.size
            src, dst = src[keep], dst[keep]
        segments = np.stack([xy[src], xy[dst]], axis=1) if src.size else np.zeros((0, 2, 2))
        self.ties.set_segments(segments)
        for level, artist in self.people.items():
            rows = snap.level == level if level < EXECUTIVE else snap.level >= EXECUTIVE
            artist.set_offsets(xy[rows])
            artist.set_array(values[rows])
        self.leaders.set_offsets(xy[snap.leader])
        alpha = ghosts.alpha(snap.month)
        colours = self.cmap(self.norm(ghosts.values(colour_by)))
        colours[:, 3] = alpha
        marks = np.tile(matplotlib.colors.to_rgba("#555555"), (alpha.size, 1))
        marks[:, 3] = alpha
        self.ghosts.set_offsets(ghosts.xy)
        self.ghosts.set_facecolors(colours)
        self.ghost_marks.set_offsets(ghosts.xy)
        self.ghost_marks.set_edgecolors(marks)
        self.ghost_marks.set_facecolors(marks)
        self.count.set_text(
            f"{i18n.t('month_n', self.lang, n=snap.month)} · "
            f"{i18n.t('people_count', self.lang, n=snap.uid.size)}"
        )


class BlitCanvas:
    """A figure drawn in two layers: the static parts (axes, ticks, legends, labels) drawn once and
    kept as a bitmap, and the artists marked ``animate`` redrawn on top of it every month.

    ``invalidate(ax, ...)`` redraws the static parts of those axes only (their limits moved);
    ``invalidate()`` redraws the whole figure (the first time, or when the language changes)."""

    def __init__(self, fig: Figure, rc: dict):
        self.fig, self.rc = fig, rc
        self.canvas = FigureCanvasAgg(fig)
        self.dynamic: list = []
        self._background = None
        self._stale_axes: list = []
        self._laid_out = False

    def animate(self, *artists):
        for artist in artists:
            artist.set_animated(True)
            self.dynamic.append(artist)
        return artists[0] if len(artists) == 1 else artists

    def invalidate(self, *axes) -> None:
        if axes:
            self._stale_axes += [ax for ax in axes if ax not in self._stale_axes]
        else:
            self._background = None

    def draw(self) -> None:
        with matplotlib.rc_context(self.rc):
            if self._background is None:
                self.canvas.draw()
                if not self._laid_out:
                    # the layout engine costs more than the drawing: settle it once, then keep it
                    self.fig.set_layout_engine("none")
                    self._laid_out = True
                self._background = self.canvas.copy_from_bbox(self.fig.bbox)
            else:
                self.canvas.restore_region(self._background)
                if self._stale_axes:
                    self._redraw_axes(self._stale_axes)
            self._stale_axes = []
            for artist in self.dynamic:
                if artist.get_visible():
                    self.fig.draw_artist(artist)

    def _redraw_axes(self, axes) -> None:
        """Paint over the region of some axes (with their labels and legend) and draw them again,
        together with every neighbour whose labels reach into the painted region."""
        renderer = self.canvas.get_renderer()
        boxes = {ax: ax.get_tightbbox(renderer) for ax in self.fig.axes if ax.get_visible()}
        stale = set(axes)
        while True:
            grown = {
                ax
                for ax, box in boxes.items()
                if ax not in stale and any(box.overlaps(boxes[s]) for s in stale if s in boxes)
            }
            if not grown:
                break
            stale |= grown
        colour = self.fig.get_facecolor()
        for ax in stale:
            box = boxes.get(ax)
            if box is None:
                continue
            patch = Rectangle(
                (box.x0 - 1, box.y0 - 1),
                box.width + 2,
                box.height + 2,
                transform=IdentityTransform(),
                facecolor=colour,
                edgecolor="none",
            )
            patch.set_figure(self.fig)
            patch.draw(renderer)
        for ax in self.fig.axes:  # in the figure's order, so twins draw over their hosts
            if ax in stale:
                ax.draw(renderer)
        self._background = self.canvas.copy_from_bbox(self.fig.bbox)

    def png(self) -> bytes:
        return png_bytes(self.canvas)

    def full_png(self) -> bytes:
        """The whole figure drawn normally (for export): static and dynamic parts together."""
        with matplotlib.rc_context(self.rc):
            out = io.BytesIO()
            self.fig.savefig(out, format="png", dpi=150)
        self._background = None
        return out.getvalue()


def png_bytes(canvas: FigureCanvasAgg) -> bytes:
    """PNG of a drawn canvas for the live page: 256 colours (the figures use far fewer) and light
    compression. 7 ms and ~50 KB for the charts, against 30 ms and ~125 KB for a true-colour PNG,
    which matters at several frames a second on a shared machine. Exports use ``full_png``."""
    from PIL import Image

    width, height = canvas.get_width_height()
    image = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    palette = image.convert("RGB").quantize(
        colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
    )
    out = io.BytesIO()
    palette.save(out, format="png", compress_level=1)
    return out.getvalue()
