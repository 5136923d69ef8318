"""``orgsim handout CASE --lang en|zh --out FILE.pdf``: a printable handout for a case study.

An A4 PDF an instructor can hand out: the case's story (the scenario file's ``story``/``story_zh``),
what the source document claims, the case figure (:mod:`sim.viz.case_figures`, the one docs/cases.md
shows), the source document's facts as :mod:`sim.cases` measures them over the seeds asked for
(value, target, and whether it holds), and questions for discussion. The words are in
:mod:`sim.handout_text`. Pages are laid out here with matplotlib (PdfPages): text is wrapped by its
measured width, Chinese between any two characters (never before a closing mark), so that both
languages fill the same column; fonts are embedded as subset TrueType (:mod:`sim.viz.fonts`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.backends.backend_agg import RendererAgg  # noqa: E402
from matplotlib.backends.backend_pdf import PdfPages  # noqa: E402
from matplotlib.font_manager import FontProperties  # noqa: E402
from matplotlib.layout_engine import ConstrainedLayoutEngine  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from sim import __version__, cases  # noqa: E402
from sim.handout_text import CASES, FACTS_ZH, word  # noqa: E402
from sim.outputs import atomic  # noqa: E402
from sim.scenario import load_scenario  # noqa: E402
from sim.viz import i18n  # noqa: E402
from sim.viz.case_figures import CASE_FIGURES, case_runs, draw_case  # noqa: E402
from sim.viz.fonts import FAMILIES  # noqa: E402
from sim.viz.style import arm_colours, title_weight  # noqa: E402

PAGE = (8.27, 11.69)  # A4, inches
MARGIN_X = 0.85
MARGIN_TOP = 0.8
MARGIN_BOTTOM = 0.85
WIDTH = PAGE[0] - 2 * MARGIN_X
BODY = 10.5  # points
INK = "#1a1a1a"
ACCENT = "#1f4e79"
MUTED = "#5f6b7a"
RULE = "#c8ced6"
HOLDS = "#1a7f37"
FAILS = "#b42318"
DEFAULT_SEEDS = 10

# never at the start of a line (closing marks), never at its end (opening marks)
CLOSING = set("，。、；：？！）」』》〉”’…·%,.;:?!)")
OPENING = set("（「『《〈“‘(")
_TOKEN = re.compile(
    r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’…]|[^\s\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’…]+|\s+"
)


class HandoutError(ValueError):
    """A handout that cannot be made as asked (an unknown case)."""


_RENDERER = RendererAgg(10, 10, 72)  # at 72 dpi a pixel is a point


def text_width(text: str, size: float, weight: str = "normal") -> float:
    """Width of ``text`` in inches, in the figures' fonts."""
    prop = FontProperties(family=list(FAMILIES), size=size, weight=weight)
    width, _, _ = _RENDERER.get_text_width_height_descent(text, prop, ismath=False)
    return width / 72.0


def _tokens(text: str) -> list[str]:
    """Words (with their trailing space) and single CJK characters, each closing mark joined to
    what comes before it and each opening mark to what comes after it."""
    out: list[str] = []
    pending = ""
    for tok in _TOKEN.findall(text):
        if tok.isspace():
            if out:
                out[-1] += " "
            continue
        if tok in CLOSING and out:
            out[-1] = out[-1].rstrip() + tok if not out[-1].endswith(" ") else out[-1] + tok
            continue
        if tok in OPENING:
            pending += tok
            continue
        out.append(pending + tok)
        pending = ""
    if pending:
        out.append(pending)
    return out


def wrap(text: str, width: float, size: float, weight: str = "normal") -> list[str]:
    """Lines of ``text`` no wider than ``width`` inches (a word longer than a line keeps its own)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for tok in _tokens(paragraph):
            candidate = line + tok
            if not line or text_width(candidate.rstrip(), size, weight) <= width:
                line = candidate
            else:
                lines.append(line.rstrip())
                line = tok
        lines.append(line.rstrip())
    return lines


@dataclass
class Cell:
    text: str
    colour: str = INK
    weight: str = "normal"


class Document:
    """Pages of text laid top to bottom, a new page when the next block does not fit."""

    def __init__(self, pdf: PdfPages, footer: Callable[[int], str], lang: str) -> None:
        self.pdf, self.footer, self.lang = pdf, footer, lang
        self.page_number = 0
        self.fig = None
        self.y = 0.0  # inches from the top of the page
        self.leading = 1.65 if lang == "zh" else 1.45  # line height / font size

    # --- pages ---
    def new_page(self) -> None:
        self.close_page()
        self.page_number += 1
        self.fig = plt.figure(figsize=PAGE)
        self.y = MARGIN_TOP

    def close_page(self) -> None:
        if self.fig is not None:
            self._footer(self.fig)
            self.pdf.savefig(self.fig)
            plt.close(self.fig)
            self.fig = None

    def _footer(self, fig) -> None:
        fig.add_artist(
            Line2D(
                [MARGIN_X, PAGE[0] - MARGIN_X],
                [MARGIN_BOTTOM - 0.3] * 2,
                transform=fig.dpi_scale_trans,
                color=RULE,
                lw=0.6,
            )
        )
        fig.text(
            PAGE[0] - MARGIN_X,
            MARGIN_BOTTOM - 0.38,
            self.footer(self.page_number),
            transform=fig.dpi_scale_trans,
            ha="right",
            va="top",
            fontsize=8,
            color=MUTED,
        )

    def room(self) -> float:
        return PAGE[1] - MARGIN_BOTTOM - self.y

    def ensure(self, height: float) -> None:
        if self.fig is None or height > self.room():
            self.new_page()

    def line_height(self, size: float) -> float:
        return size * self.leading / 72.0

    # --- blocks ---
    def _put(self, x: float, text: str, size: float, colour=INK, weight="normal") -> None:
        self.fig.text(
            x,
            PAGE[1] - self.y,
            text,
            transform=self.fig.dpi_scale_trans,
            va="top",
            ha="left",
            fontsize=size,
            color=colour,
            fontweight=weight,
        )

    def space(self, inches: float) -> None:
        self.y += inches

    def heading(self, text: str, size: float = 14.0, before: float = 0.22) -> None:
        # a heading keeps at least three lines of what follows on its page
        self.ensure(before + self.line_height(size) + 3 * self.line_height(BODY))
        self.y += before if self.y > MARGIN_TOP else 0.0
        weight = title_weight(self.lang)
        for line in wrap(text, WIDTH, size, weight):
            self._put(MARGIN_X, line, size, ACCENT, weight)
            self.y += self.line_height(size)
        self.y += 0.04

    def paragraph(self, text: str, size: float = BODY, colour=INK, indent: float = 0.0) -> None:
        for line in wrap(text, WIDTH - indent, size):
            self.ensure(self.line_height(size))
            self._put(MARGIN_X + indent, line, size, colour)
            self.y += self.line_height(size)
        self.y += 0.08

    def items(self, entries: list[tuple[str, str, str]], size: float = BODY) -> None:
        """A list: (marker, its colour, text) per entry, the text hanging beside its marker."""
        hang = 0.3
        for marker, colour, text in entries:
            lines = wrap(text, WIDTH - hang, size)
            self.ensure(self.line_height(size) * min(len(lines), 2))
            self._put(MARGIN_X, marker, size, colour, "bold")
            for line in lines:
                self.ensure(self.line_height(size))
                self._put(MARGIN_X + hang, line, size)
                self.y += self.line_height(size)
            self.y += 0.06
        self.y += 0.04

    def table(self, header: list[str], rows: list[list[Cell]], widths: list[float]) -> None:
        """A table that fills the column; ``widths`` are shares of it. The header repeats on a new
        page."""
        size, pad = 9.0, 0.06
        columns = [w * WIDTH for w in widths]
        lead = self.line_height(size)

        def layout(cells: list[Cell]) -> list[list[str]]:
            return [
                wrap(c.text, w - 2 * pad, size, c.weight)
                for c, w in zip(cells, columns, strict=True)
            ]

        def draw(cells: list[Cell], lines: list[list[str]], shade: str | None) -> None:
            height = max(len(x) for x in lines) * lead + 2 * pad
            self.ensure(height)
            top = PAGE[1] - self.y
            if shade:
                self.fig.add_artist(
                    Rectangle(
                        (MARGIN_X, top - height),
                        WIDTH,
                        height,
                        transform=self.fig.dpi_scale_trans,
                        color=shade,
                        lw=0,
                    )
                )
            x = MARGIN_X
            for cell, cell_lines, w in zip(cells, lines, columns, strict=True):
                for k, line in enumerate(cell_lines):
                    self.fig.text(
                        x + pad,
                        top - pad - k * lead,
                        line,
                        transform=self.fig.dpi_scale_trans,
                        va="top",
                        fontsize=size,
                        color=cell.colour,
                        fontweight=cell.weight,
                    )
                x += w
            self.fig.add_artist(
                Line2D(
                    [MARGIN_X, MARGIN_X + WIDTH],
                    [top - height] * 2,
                    transform=self.fig.dpi_scale_trans,
                    color=RULE,
                    lw=0.6,
                )
            )
            self.y += height

        head = [Cell(h, ACCENT, "bold") for h in header]
        head_lines = layout(head)
        head_height = max(len(x) for x in head_lines) * lead + 2 * pad
        for i, cells in enumerate(rows):
            lines = layout(cells)
            height = max(len(x) for x in lines) * lead + 2 * pad
            if i == 0 or height > self.room():
                self.ensure(head_height + height)
                draw(head, head_lines, "#eef2f7")
            draw(cells, lines, None)
        self.y += 0.12

    def figure_page(self, draw: Callable, title: str, note: str, key_size: float = 10.0) -> None:
        """A page that is one figure: the title, a note and the key at the top, then the panels
        that ``draw(fig)`` makes (returning their axes), laid out by matplotlib's constrained
        layout within the margins."""
        self.close_page()
        self.page_number += 1
        self.fig = fig = plt.figure(figsize=PAGE)
        self.y = MARGIN_TOP
        self.heading(title, before=0.0)
        self.paragraph(note, size=9.5, colour=MUTED)
        key_top = self.y
        self.y += 0.45
        top = 1 - self.y / PAGE[1]
        rect = (
            MARGIN_X / PAGE[0],
            MARGIN_BOTTOM / PAGE[1],
            WIDTH / PAGE[0],
            top - MARGIN_BOTTOM / PAGE[1],
        )
        fig.set_layout_engine(ConstrainedLayoutEngine(rect=rect, h_pad=0.1))
        axes = draw(fig)
        handles, names = axes.flat[0].get_legend_handles_labels()
        fig.legend(
            handles,
            names,
            loc="upper left",
            bbox_to_anchor=(MARGIN_X, PAGE[1] - key_top),
            bbox_transform=fig.dpi_scale_trans,
            ncol=min(len(handles), 3),
            fontsize=key_size,
            frameon=False,
            borderaxespad=0.0,
        )


def _fact_rows(outcomes, lang: str) -> list[list[Cell]]:
    rows = []
    for o in outcomes:
        claim, statistic, target = (
            FACTS_ZH[o.fact] if lang == "zh" else (o.claim, o.statistic, o.target)
        )
        value = f"{o.value:.3g}" if o.value == o.value else "—"
        verdict = Cell(
            word("holds" if o.passed else "fails", lang),
            HOLDS if o.passed else FAILS,
            "bold",
        )
        rows.append([Cell(claim), Cell(statistic, MUTED), Cell(value), Cell(target), verdict])
    return rows


def _arm_entries(case: str, lang: str) -> list[tuple[str, str, str]]:
    spec = CASE_FIGURES[case]
    colours = arm_colours(arm.name for arm in spec.arms)
    entries = []
    for arm in spec.arms:
        title = i18n.scenario_title(load_scenario(arm.scenario), lang)
        own = arm.label_zh if lang == "zh" else arm.label
        text = f"{own}（{title}）" if own and lang == "zh" else f"{own} ({title})" if own else title
        entries.append(("■", colours[arm.name], text))
    return entries


def write_handout(
    case: str, lang: str, out: str | Path, seeds: int = DEFAULT_SEEDS, progress=None
) -> Path:
    """Measure the case over ``seeds`` seeds, draw its figure and write the handout to ``out``."""
    if case not in CASES or case not in cases.CASES:
        raise HandoutError(
            f"no handout for {case!r}; the cases are: {', '.join(sorted(cases.CASES))}"
        )
    text, spec = CASES[case], CASE_FIGURES[case]
    seed_list = cases.crn_seeds(seeds)
    say = progress or (lambda _message: None)
    say(f"measuring the facts of {case} over {seeds} seeds")
    outcomes = cases.CASES[case](seed_list)
    say(f"running the arms of the figure over {seeds} seeds")
    runs = case_runs(case, seed_list)
    scenario = load_scenario(text.scenario)
    story, _ = i18n.scenario_story(scenario, lang)
    months = max(arm.months for arm in spec.arms)
    plain = all(not arm.overrides and arm.name == arm.scenario for arm in spec.arms)
    names = " ".join(dict.fromkeys(arm.scenario for arm in spec.arms))

    def build(tmp: Path) -> None:
        metadata = {
            "Title": f"{spec.heading(lang)} — {word('kicker', lang)}",
            "Creator": f"orgsim {__version__}",
            "CreationDate": None,
        }
        with PdfPages(tmp, metadata=metadata) as pdf:
            doc = Document(
                pdf,
                lambda n: word("page", lang, case=spec.heading(lang), version=__version__, n=n),
                lang,
            )
            doc.new_page()
            doc.paragraph(word("kicker", lang), size=9, colour=MUTED)
            doc.heading(i18n.scenario_title(scenario, lang), size=19, before=0.0)
            doc.paragraph(
                word("subtitle", lang, seeds=seeds, months=months),
                size=9,
                colour=MUTED,
            )
            doc.heading(word("story", lang))
            doc.paragraph(story)
            doc.heading(word("claim", lang))
            doc.paragraph(text.claim_in(lang))
            doc.heading(word("compares", lang))
            doc.items(_arm_entries(case, lang))
            doc.paragraph(
                word("try_compare", lang, arms=names) if plain else word("try_app", lang),
                size=9.5,
                colour=MUTED,
            )
            doc.figure_page(
                lambda fig: draw_case(
                    fig, case, runs, lang, cols=2, sizes=(11, 9, 10), legend=False
                ),
                f"{word('figure', lang)}{'：' if lang == 'zh' else ': '}{spec.heading(lang)}",
                word("figure_note", lang, seeds=seeds),
            )
            doc.new_page()
            doc.heading(word("facts", lang), before=0.0)
            doc.paragraph(word("facts_note", lang, seeds=seeds), size=9.5, colour=MUTED)
            doc.table(
                [
                    word(k, lang)
                    for k in ("col_claim", "col_statistic", "col_value", "col_target", "col_holds")
                ],
                _fact_rows(outcomes, lang),
                [0.29, 0.33, 0.09, 0.19, 0.10],
            )
            doc.heading(word("questions", lang))
            doc.items(
                [(f"{i}.", ACCENT, q) for i, q in enumerate(text.questions_in(lang), start=1)],
                size=11,
            )
            doc.close_page()

    path = atomic(Path(out), build)
    say(f"wrote {path}")
    return path
