"""How every figure looks, in one place: the file format and resolution a command writes, the colour
of each arm and the label it is shown under.

- :class:`FigureSettings` travels from a command's ``--format``/``--dpi``/``--lang`` to the code that
  saves a figure (:func:`add_figure_arguments` declares the options, with their bounds).
- :func:`arm_colours` gives each arm the colour it has in every command: Shengyi is always red and
  its reformed twin always blue, whether drawn by ``orgsim demo``, ``orgsim compare``, a case
  figure or a handout. An arm this module does not know gets a colour picked from its name (the
  same name, the same colour), unless another arm of the same figure already has it.
- :func:`arm_label` shows an arm under its scenario's title (``title``/``title_zh``), never under
  its file name (``shengyi_reformed``).

This module imports no matplotlib: the command line reads it before anything is drawn.
"""

from __future__ import annotations

import argparse
import functools
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

FORMATS = ("png", "svg", "pdf")
LANGUAGES = ("en", "zh")
DPI_BOUNDS = (50, 600)  # below 50 a label is unreadable; above 600 a page-sized PNG passes 100 MB
DEFAULT_DPI = 150  # a 15-inch figure is 2,250 pixels wide: sharp on a projector and on paper


class FigureSettingsError(ValueError):
    """A figure format, resolution or language that cannot be used."""


@dataclass(frozen=True)
class FigureSettings:
    """The file format, resolution (PNG only; SVG and PDF are vector) and language of figures."""

    format: str = "png"
    dpi: int = DEFAULT_DPI
    lang: str = "en"

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise FigureSettingsError(
                f"figure format {self.format!r} is not one of {', '.join(FORMATS)}"
            )
        lo, hi = DPI_BOUNDS
        if isinstance(self.dpi, bool) or not isinstance(self.dpi, int) or not lo <= self.dpi <= hi:
            raise FigureSettingsError(
                f"figure dpi {self.dpi!r}: must be a whole number from {lo} to {hi}"
            )
        if self.lang not in LANGUAGES:
            raise FigureSettingsError(
                f"figure language {self.lang!r} is not one of {', '.join(LANGUAGES)}"
            )

    def name(self, stem: str) -> str:
        """``report`` -> ``report.pdf``."""
        return f"{stem}.{self.format}"

    def save(self, fig, path: str | Path) -> Path:
        """Write ``fig`` to ``path`` in this format. PDF and SVG carry no creation date, so that
        the same figure gives the same file."""
        metadata = {"pdf": {"CreationDate": None}, "svg": {"Date": None}}.get(self.format)
        fig.savefig(path, format=self.format, dpi=self.dpi, metadata=metadata)
        return Path(path)


def title_weight(lang: str) -> str:
    """The weight of titles: bold in English; regular in Chinese, whose shipped font has no bold
    face, so that a title mixing the two scripts ("为什么离职：280名…") is all of one weight."""
    return "normal" if lang == "zh" else "bold"


def dpi_argument(text: str) -> int:
    """An argparse type: a resolution within :data:`DPI_BOUNDS`."""
    lo, hi = DPI_BOUNDS
    if not re.fullmatch(r"\s*[0-9]{1,6}\s*", text):
        raise argparse.ArgumentTypeError(
            f"expected a whole number from {lo} to {hi}, not {text[:40]!r}"
        )
    value = int(text)
    if not lo <= value <= hi:
        raise argparse.ArgumentTypeError(f"must be a whole number from {lo} to {hi}, not {value:,}")
    return value


def add_figure_arguments(parser: argparse.ArgumentParser, lang: bool = False) -> None:
    """``--format``, ``--dpi`` (and, with ``lang``, ``--lang``) on a figure-making command."""
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="png",
        help="file format of the figures: png, svg or pdf (default png)",
    )
    parser.add_argument(
        "--dpi",
        type=dpi_argument,
        default=DEFAULT_DPI,
        help=f"resolution of PNG figures, {DPI_BOUNDS[0]} to {DPI_BOUNDS[1]} dots per inch "
        f"(default {DEFAULT_DPI}; SVG and PDF are vector)",
    )
    if lang:
        parser.add_argument(
            "--lang",
            choices=LANGUAGES,
            default="en",
            help="language of the figures' titles and labels: en or zh (default en)",
        )


def figure_settings(args: argparse.Namespace) -> FigureSettings:
    """The settings the figure arguments of a parsed command line ask for."""
    return FigureSettings(
        format=getattr(args, "format", "png") or "png",
        dpi=getattr(args, "dpi", DEFAULT_DPI) or DEFAULT_DPI,
        lang=getattr(args, "lang", "en") or "en",
    )


# --- colours -------------------------------------------------------------------------------------
# Each case pair contrasts: the firm as the source document describes it (warm) against its
# counterfactual (cool). An arm that varies a scenario is named "<scenario>+<variant>".
ARM_COLOURS: dict[str, str] = {
    "baseline": "#4d4d4d",
    "shengyi": "#c0392b",
    "shengyi_reformed": "#1f6fb4",
    "lincoln_electric": "#1a9850",
    "lincoln_competitor": "#8c564b",
    "haier_redstar": "#e08214",
    "redstar_without_haier": "#7f8c9a",
    "money_raise": "#7b3294",
    "performance_pay": "#d4a017",
    "forced_ranking": "#a6206a",
    "forced_ranking+rules": "#17a2b8",
    "labour_shortage": "#b2182b",
    "labour_shortage+care": "#2c7bb6",
    "walmart_respect": "#225ea8",
    "walmart_respect+status_conscious": "#d95f02",
}
# for arms not listed above: distinct from each other and from grey text
SPARE_COLOURS = (
    "#1b9e77",
    "#d95f02",
    "#7570b3",
    "#e7298a",
    "#66a61e",
    "#e6ab02",
    "#a6761d",
    "#1f78b4",
    "#b15928",
    "#6a3d9a",
)


def arm_colour(name: str) -> str:
    """The colour an arm owns: listed in :data:`ARM_COLOURS`, or picked from its name."""
    if name in ARM_COLOURS:
        return ARM_COLOURS[name]
    return SPARE_COLOURS[zlib.crc32(name.encode("utf-8")) % len(SPARE_COLOURS)]


def arm_colours(names: Iterable[str]) -> dict[str, str]:
    """The colour of each arm of one figure: its own (:func:`arm_colour`), or, when an arm before
    it in ``names`` already has that colour, the next spare one no arm of the figure has."""
    out: dict[str, str] = {}
    for name in dict.fromkeys(names):
        colour = arm_colour(name)
        if colour in out.values():
            start = SPARE_COLOURS.index(colour) + 1 if colour in SPARE_COLOURS else 0
            ring = SPARE_COLOURS[start:] + SPARE_COLOURS[:start]
            colour = next((c for c in ring if c not in out.values()), colour)
        out[name] = colour
    return out


# --- labels --------------------------------------------------------------------------------------


def short_title(title: str) -> str:
    """The part of a scenario title before its colon: ``Shengyi reformed: the same firm, ...`` ->
    ``Shengyi reformed``; ``改革后的盛益公司：同一家企业……`` -> ``改革后的盛益公司``."""
    head = re.split(r"[:：]", title, maxsplit=1)[0].strip()
    return head or title.strip()


@functools.lru_cache(maxsize=64)
def _shipped_scenario(name: str):
    from sim.scenario import SCENARIO_DIR, ScenarioError, load_scenario

    if not re.fullmatch(r"[A-Za-z0-9_]+", name) or not (SCENARIO_DIR / f"{name}.yaml").is_file():
        return None
    try:
        return load_scenario(name)
    except ScenarioError:
        return None


def scenario_label(scenario, lang: str = "en", short: bool = True) -> str:
    """A scenario (an object, or the name of a shipped scenario) under its title in ``lang``."""
    from sim.viz import i18n

    spec = _shipped_scenario(scenario) if isinstance(scenario, str) else scenario
    if spec is None:
        return i18n.readable(scenario) if isinstance(scenario, str) else str(scenario)
    title = i18n.scenario_title(spec, lang)
    return short_title(title) if short else title


def arm_label(name: str, lang: str = "en", scenario=None, short: bool = True) -> str:
    """The label of an arm. An arm named after its scenario (``shengyi_reformed``, as a command
    names an arm it was given by file name) is shown under the scenario's title; an arm the user
    named (``--arm calm ...``) keeps the user's name."""
    if scenario is not None and getattr(scenario, "name", None) == name:
        return scenario_label(scenario, lang, short)
    if scenario is None and _shipped_scenario(name) is not None:
        return scenario_label(name, lang, short)
    return name
