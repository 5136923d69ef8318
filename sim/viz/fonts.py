"""The fonts of every figure: Latin in DejaVu Sans (matplotlib's own), Chinese in WenQuanYi Micro Hei
shipped by a Python dependency, so that no figure depends on the fonts of the machine it is drawn on.

The CJK font comes from the PyPI package ``paperang-p2-fonts-cjk``, which holds nothing but the
unmodified ``wqy-microhei.ttc`` (WenQuanYi Micro Hei 0.2.0-beta, Apache License 2.0 as its own name
table states; about 5 MB installed). It was chosen because its outlines are TrueType: matplotlib
embeds a TrueType font in PDF and PostScript as a subset Type 42 (CID) font, while it cannot embed
the CFF outlines of Noto Sans CJK / Source Han Sans as Type 42 (matplotlib issue 2869); Noto Sans
SC's variable TrueType build opens at its Thin default instance. It is the font Debian ships as
``fonts-wqy-microhei``, which CI used to install, so figures look as before.

Importing this module (every figure module does) registers the font with matplotlib and sets the
rcParams below; matplotlib then takes each glyph from the first family of ``FAMILIES`` that has it.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

import matplotlib
from matplotlib import font_manager

CJK_FAMILY = "WenQuanYi Micro Hei"
FAMILIES = ("DejaVu Sans", CJK_FAMILY)
FONT_PACKAGE = "paperang_p2_fonts_cjk"
FONT_FILE = "fonts/wqy-microhei.ttc"

RC = {
    "font.family": list(FAMILIES),
    # TrueType outlines embedded as subset Type 42 fonts: text stays text in PDF and PS, and
    # journals that refuse Type 3 fonts accept them
    "pdf.fonttype": 42,
    "ps.fonttype": 42,
    # SVG text as paths: the picture does not depend on the fonts of the viewer's machine
    "svg.fonttype": "path",
    # fixed ids in SVG (clip paths, glyphs): the same figure gives the same file
    "svg.hashsalt": "orgsim",
}


class FontMissingError(RuntimeError):
    """The shipped CJK font is not installed (the project was installed without its dependencies)."""


def font_path() -> Path:
    """The shipped CJK font file."""
    try:
        path = Path(str(resources.files(FONT_PACKAGE) / FONT_FILE))
    except ModuleNotFoundError:
        path = None
    if path is None or not path.is_file():
        raise FontMissingError(
            f"the Chinese font of the figures is missing: the package {FONT_PACKAGE.replace('_', '-')} "
            "(a dependency of orgsim) does not provide "
            f"{FONT_FILE}; reinstall orgsim with its dependencies (make setup)"
        )
    return path


def register() -> Path:
    """Add the shipped CJK font to matplotlib's font list (once) and make ``RC`` the defaults."""
    path = font_path()
    manager = font_manager.fontManager
    ours = [entry for entry in manager.ttflist if Path(entry.fname) == path]
    if not ours:
        manager.addfont(str(path))  # (it clears findfont's cache of earlier answers)
        ours = [entry for entry in manager.ttflist if Path(entry.fname) == path]
        # first in the list: findfont keeps the first of equally good matches, so the shipped
        # file wins over a system copy of the same family (which may be another version)
        manager.ttflist = ours + [entry for entry in manager.ttflist if entry not in ours]
    matplotlib.rcParams.update(RC)
    # the CJK font has no bold face: matplotlib would log a line for every bold Chinese title
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    return path


register()


WEB_FONT = "orgsim-cjk.ttf"


def web_font_dir() -> Path:
    """A folder holding the CJK font as a single TrueType file, for the classroom page.

    Browsers refuse a font collection (``.ttc``) as a web font, so the first face of the shipped
    collection is written out once, as ``orgsim-cjk.ttf``, to the user's cache folder
    (``$XDG_CACHE_HOME/orgsim/web-fonts``, else ``~/.cache/orgsim/web-fonts``). The app server
    serves the folder (``sim.viz.app_cli``); the page's style sheet names the file."""
    import os
    import tempfile

    from fontTools.ttLib import TTCollection

    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    folder = base / "orgsim" / "web-fonts"
    target = folder / WEB_FONT
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, suffix=".part", delete=False) as tmp:
            TTCollection(str(font_path())).fonts[0].save(tmp)
        os.chmod(tmp.name, 0o644)
        os.replace(tmp.name, target)  # whole or not at all, even with two servers starting
    return folder
