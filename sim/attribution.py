"""Attribution tables: each case fact with each mechanism and each lever switched off in turn.

A case fact (``sim.cases``) is a statistic over paired arms. Its attribution table reruns the
case on the same seeds (common random numbers) with one switch at a time:

- a **mechanism** of the psychology or of the firm, switched off by scenario overrides applied to
  every scenario the case runs (:data:`MECHANISMS`): clients following a leaver, contagion,
  applicants sorting on pay, the outlook effect, ordinary management's responses;
- a **lever**, a management practice of the case's scenarios, removed from every scenario that
  has it (:func:`levers_of`): a policy (with whatever the timeline does to it), a policy the
  timeline adds or changes (the change only), or a timeline event (a takeover, material costs,
  a demand path).

Twins keep the same exogenous environment: a switch is applied to both arms of a comparison,
so the table shows what the fact owes to the switched part in the arms that have it. A fact the
switch leaves standing does not owe itself to it; a fact it overturns does. A cell the case
cannot compute without the lever (the arm is defined by that very lever) says so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from sim.scenario import Scenario, validate_scenario

# name -> overrides (each path applies to the scenarios that have it)
MECHANISMS: dict[str, dict[str, Any]] = {
    "clients stay when their holder leaves": {"clients.follow_probability": 0.0},
    "no contagion from leavers": {"psychology.quit_contagion": 0.0},
    "applicants do not sort on pay": {
        "psychology.applicant_incentive_sorting": 0.0,
        "psychology.applicant_pay_sorting": 0.0,
    },
    "no outlook effect (the firm's fortunes do not touch security)": {
        "psychology.outlook_security_weight": 0.0
    },
    "ordinary management does not respond": {
        "management.vacancy_raise": 0.0,
        "management.retrench_after_losses": 0,
    },
}

POLICY_EVENTS = ("add_policy", "change_policy", "remove_policy")


@dataclass(frozen=True)
class Lever:
    """A management practice to take out: ``kind`` is "policy" (the policy and its timeline
    entries), "change" (only the timeline's add/change of the policy) or "event" (every
    timeline entry of that event)."""

    kind: str
    name: str

    @property
    def label(self) -> str:
        return {
            "policy": f"without the policy {self.name}",
            "change": f"without the timeline's change to {self.name}",
            "event": f"without the event {self.name}",
        }[self.kind]

    def remove(self, spec: Scenario) -> Scenario | None:
        """The scenario without this lever, or None when it has none of it."""
        data = spec.model_dump(mode="python")
        policies, timeline = data["policies"], data["timeline"]
        about = [e.get("params", {}).get("policy") == self.name for e in timeline]
        if self.kind == "policy":
            kept_p = [p for p in policies if p["name"] != self.name]
            kept_t = [e for e, a in zip(timeline, about, strict=True) if not a]
        elif self.kind == "change":
            kept_p = policies
            kept_t = [
                e
                for e, a in zip(timeline, about, strict=True)
                if not (a and e["event"] in ("add_policy", "change_policy"))
            ]
        else:
            kept_p = policies
            kept_t = [e for e in timeline if e["event"] != self.name]
        if len(kept_p) == len(policies) and len(kept_t) == len(timeline):
            return None
        data["policies"], data["timeline"] = kept_p, kept_t
        return validate_scenario(data, source=f"attribution: {self.label}, on {spec.name}")


def levers_of(specs: Sequence[Scenario]) -> list[Lever]:
    """Every lever of the scenarios, in the order they first appear."""
    seen: dict[Lever, None] = {}
    for spec in specs:
        for p in spec.policies:
            seen.setdefault(Lever("policy", p.name))
        for e in spec.timeline:
            if e.event in POLICY_EVENTS:
                name = e.params.get("policy")
                if e.event != "remove_policy" and name:
                    seen.setdefault(Lever("change", name))
            else:
                seen.setdefault(Lever("event", e.event))
    return list(seen)


def case_attribution(
    case: str,
    seeds: list[int],
    mechanisms: dict[str, dict[str, Any]] | None = None,
    progress: Callable[[str], None] | None = None,
) -> pd.DataFrame:
    """The case's facts as they are and under each switch: one row per (switch, fact) with
    ``case, switch, kind, fact, value, passed, note``."""
    from sim.calibration.cases_bridge import run_case

    mechanisms = MECHANISMS if mechanisms is None else mechanisms
    loaded: list[Scenario] = []
    rows: list[dict[str, Any]] = []

    def record(switch: str, kind: str, outcomes: dict[str, dict] | None, note: str = "") -> None:
        for fact, o in (outcomes or base).items():
            rows.append(
                {
                    "case": case,
                    "switch": switch,
                    "kind": kind,
                    "fact": fact,
                    "value": o["value"] if outcomes else float("nan"),
                    "passed": o["passed"] if outcomes else None,
                    "note": note,
                }
            )

    base = run_case(case, {}, seeds, loaded=loaded)
    record("as it is", "as it is", base)
    for name, overrides in mechanisms.items():
        if progress:
            progress(f"{case}: {name}")
        try:
            outcomes = run_case(case, overrides, seeds)
        except ValueError:  # none of the case's scenarios has the mechanism's parameters
            record(name, "mechanism", None, "the case's scenarios do not have it")
            continue
        record(name, "mechanism", outcomes)
    specs = list({s.name: s for s in loaded}.values())
    for lever in levers_of(specs):
        if progress:
            progress(f"{case}: {lever.label}")
        try:
            outcomes = run_case(case, {}, seeds, transform=lever.remove)
        except Exception as exc:  # the case defines an arm by this lever, or measures it
            why = f"{type(exc).__name__}: {exc}"[:120]
            record(lever.label, "lever", None, f"the case cannot be measured without it: {why}")
            continue
        record(lever.label, "lever", outcomes)
    return pd.DataFrame(rows)


def _cell(value: float, passed: bool | None) -> str:
    if passed is None:
        return "n/a"
    return f"{value:.3g} {'holds' if passed else '**fails**'}"


def attribution_markdown(table: pd.DataFrame) -> list[str]:
    """One case's table as markdown lines: a row per switch, a column per fact."""
    facts = list(dict.fromkeys(table["fact"]))
    lines = [
        "| switch | " + " | ".join(f"`{f}`" for f in facts) + " |",
        "|---" * (len(facts) + 1) + "|",
    ]
    for switch, rows in table.groupby("switch", sort=False):
        by_fact = {r.fact: r for r in rows.itertuples()}
        cells = [_cell(by_fact[f].value, by_fact[f].passed) if f in by_fact else "" for f in facts]
        note = rows["note"].iloc[0]
        label = f"{switch} ({note})" if note else switch
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return lines
