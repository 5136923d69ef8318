"""What the page's Solara components share: its reactive values and the actions that use them.

Solara keeps a reactive value per browser tab (per kernel), so these module-level values are one
tab's state: the language, the frame shown, whether the run is playing, the message at the top of
the page. :class:`Said` keeps a message as its key and values, so that it follows a change of
language. :func:`run_guarded` runs a page action and turns a refused input into the visible
message; :func:`publish` draws the session's month onto the page.
"""

from __future__ import annotations

from dataclasses import dataclass

import solara

from sim.scenario import ScenarioError
from sim.viz import i18n
from sim.viz.app.session import Frame, Session

lang = solara.reactive("en")
frame: solara.Reactive[Frame | None] = solara.reactive(None)
playing = solara.reactive(False)
version = solara.reactive(0)  # bumped when the settings change (the sidebar re-reads the session)
message = solara.reactive(None)  # the visible error message (a Said), None when there is none
notice = solara.reactive(None)  # a passing note (a Said)
editing = solara.reactive(0)  # the arm whose policies the sidebar edits in compare mode
open_families = solara.reactive([])  # the policy families unfolded in the sidebar


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


def refuse(set_error, key: str, **values) -> None:
    """Show why an input was refused, at the field and at the top of the page."""
    said = Said.of(key, **values)
    set_error(said.text(lang.value))
    message.value = said


def run_guarded(action, *args) -> bool:
    """Run a page action; a refused input becomes the visible message instead of a crash."""
    try:
        action(*args)
    except ScenarioError as exc:
        message.value = Said.of("scenario_error", detail=scenario_detail(exc))
        return False
    except Exception as exc:  # anything else: say it, do not crash the page
        message.value = Said(raw=f"{type(exc).__name__}: {exc}")
        return False
    message.value = None
    return True


def scenario_detail(exc: ScenarioError) -> str:
    lines = []
    for path, value, allowed in exc.problems:
        shown = "" if value is None or isinstance(value, dict) else f" = {value!r}"
        lines.append(f"{path}{shown}: {allowed}")
    return "\n".join(lines) if lines else str(exc)


def publish(sess: Session) -> None:
    frame.value = sess.render()


def bump() -> None:
    """Tell the sidebar that the settings changed."""
    version.value += 1


def apply_and_refresh(sess: Session, action, *args) -> bool:
    """Apply a change of policy or parameter; the run restarts at month 0 if it is accepted."""
    playing.value = False
    ok = run_guarded(action, *args)
    if ok:
        notice.value = Said.of("restarted")
        bump()
        publish(sess)
    return ok
