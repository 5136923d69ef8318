"""What a policy and a timeline event are, the registries that name them, and the one toolkit every
policy family shares.

A policy is a small class: a registered ``name``, a ``family``, a Chinese title ``title_zh``, a
``Params`` block declared with :func:`sim.params.param` and :func:`sim.params.choice` (default,
unit, bounds, meaning, source, and the Chinese label, meaning and choice values), a docstring that
cites its source, its first paragraph in Chinese as ``summary_zh``, and one or two hooks into the
monthly step. Each
hook receives :class:`~sim.org.management.Management` (the verbs management acts through), never
the model:

- ``act(mgmt)``    phase 2: set the conditions employees perceive (climate, pay, hours);
- ``review(mgmt)`` phase 5: appraise, dismiss, lay off, promote (``mgmt.separate``);
- ``settle(mgmt)`` phase 6: pay bonuses and the policy's own costs (``mgmt.charge``).

Adding a policy means adding one class in one file of ``sim/policies/`` with ``@register`` (and its
test); ``docs/policies.md`` is regenerated from the declarations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np
from pydantic import Field

from sim.params import Spec, choice  # noqa: F401  (re-exported: policies declare with it)

if TYPE_CHECKING:  # pragma: no cover
    from sim.org.management import Management

# Policies act in this order within each phase, then by name: a fixed, documented order.
FAMILIES = (
    "pay",
    "appraisal",
    "incentives",
    "security",
    "career",
    "culture",
    "restructuring",
    "information",
    "clients",
)
# family -> (English, Chinese), as the app's panels and the catalogue head them
FAMILY_LABELS: dict[str, tuple[str, str]] = {
    "pay": ("Pay", "薪酬管理"),
    "appraisal": ("Appraisal", "绩效考核"),
    "incentives": ("Incentives", "激励手段"),
    "security": ("Job security", "职业保障"),
    "career": ("Career and promotion", "职业发展与晋升通道"),
    "culture": ("Culture and vision", "企业文化与共同愿景"),
    "restructuring": ("Restructuring", "组织调整"),
    "information": ("Information channels", "信息渠道"),
    "clients": ("Clients", "客户关系"),
}


class NoParams(Spec):
    """A policy or event without parameters."""


class Policy:
    """Base class of every management policy."""

    name: ClassVar[str] = ""
    family: ClassVar[str] = ""
    title_zh: ClassVar[str] = ""
    summary_zh: ClassVar[str] = ""  # the docstring's first paragraph, in plain Chinese
    Params: ClassVar[type[Spec]] = NoParams
    # names of policies that cannot be in force at the same time as this one (either side may
    # declare it); scenario validation replays the timeline and refuses such a pair at load
    excludes: ClassVar[tuple[str, ...]] = ()

    def __init__(self, params: Spec | None = None):
        self.params: Any = params if params is not None else self.Params()
        self.started = 0  # the month the policy came into force (set by OrgModel.add_policy)

    def months_in_force(self, mgmt: Management) -> int:
        return mgmt.month - self.started

    def cycle_month(self, mgmt: Management, every: int) -> bool:
        """True ``every``, ``2*every``, ... months after coming into force (in the firm's history
        too: a policy in force at month 0 has run on its cycle since the history began)."""
        since = self.months_in_force(mgmt)
        return since > 0 and since % every == 0

    # Hooks, each called once a month in its phase. Override one or two.
    def setup(self, mgmt: Management) -> None:
        """Called once when the policy comes into force (at the start or by the timeline)."""

    def act(self, mgmt: Management) -> None:
        """Phase 2: set the conditions that employees perceive."""

    def review(self, mgmt: Management) -> None:
        """Phase 5: separations and moves decided by management."""

    def settle(self, mgmt: Management) -> None:
        """Phase 6: bonuses and the policy's own costs."""

    def teardown(self, mgmt: Management) -> None:
        """Called once when the timeline removes the policy."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.params!r})"


class Event:
    """Base class of a dated event of the scenario timeline (the environment, phase 1)."""

    name: ClassVar[str] = ""
    title_zh: ClassVar[str] = ""
    summary_zh: ClassVar[str] = ""  # the docstring's first paragraph, in plain Chinese
    Params: ClassVar[type[Spec]] = NoParams

    def __init__(self, params: Spec | None = None):
        self.params: Any = params if params is not None else self.Params()
        self.month = 0  # the month the timeline dates it to (set by the model before apply)

    def apply(self, mgmt: Management) -> None:
        raise NotImplementedError


POLICIES: dict[str, type[Policy]] = {}
EVENTS: dict[str, type[Event]] = {}


def register(cls):
    """Class decorator: register a Policy or an Event under its ``name``."""
    if not cls.name:
        raise TypeError(f"{cls.__name__} needs a name")
    if issubclass(cls, Policy):
        if cls.family not in FAMILIES:
            raise TypeError(f"{cls.__name__}.family must be one of {FAMILIES}")
        table = POLICIES
    elif issubclass(cls, Event):
        table = EVENTS
    else:
        raise TypeError(f"{cls.__name__} is neither a Policy nor an Event")
    if cls.name in table and table[cls.name] is not cls:
        raise TypeError(f"two classes are registered as {cls.name!r}")
    table[cls.name] = cls
    return cls


def policy_order_key(policy: Policy) -> tuple[int, str]:
    return FAMILIES.index(policy.family), policy.name


# --- declaring parameters -------------------------------------------------------------------------


def roles_field(default_meaning: str, default_meaning_zh: str = ""):
    """The ``roles`` parameter of a policy: role names it applies to; empty means a default set,
    ``default_meaning`` (and ``default_meaning_zh`` in Chinese: without it the Chinese meaning is
    missing, which tests/test_i18n.py reports)."""
    return Field(
        default_factory=list,
        description=f"names of the roles the policy applies to; empty = {default_meaning}",
        json_schema_extra={
            "unit": "role names",
            "source": "scenario: the firm's own roles",
            "label_zh": "适用岗位",
            "doc_zh": f"政策适用的岗位名称；留空表示{default_meaning_zh}"
            if default_meaning_zh
            else "",
        },
    )


def role_problems(scenario, names, path: str) -> list[tuple[str, object, str]]:
    """Scenario-level check that every role named in a policy or event exists in the firm:
    ``(path within the entry, value, allowed)`` for each unknown name."""
    roles = [r.name for r in scenario.firm.roles]
    if isinstance(names, str):
        return (
            [(path, names, f"unknown role; roles of this firm: {roles}")]
            if names not in roles
            else []
        )
    return [
        (f"{path}[{i}]", name, f"unknown role; roles of this firm: {roles}")
        for i, name in enumerate(names)
        if name not in roles
    ]


class RolesPolicy(Policy):
    """A policy whose parameters include ``roles``, checked against the scenario's firm."""

    default_roles: ClassVar[str] = "all"

    @classmethod
    def scenario_problems(cls, params, scenario) -> list[tuple[str, object, str]]:
        """Problems that need the whole scenario: (path within the policy entry, value, allowed)."""
        return role_problems(scenario, params.roles, "params.roles")

    def chosen_roles(self, mgmt: Management) -> np.ndarray:
        return mgmt.role_mask(
            self.params.roles, self.default_roles, f"policy {self.name!r}, params.roles"
        )

    def setup(self, mgmt: Management) -> None:
        super().setup(mgmt)
        self.chosen_roles(mgmt)  # fail early on an unknown role


# --- measuring and ranking people ---------------------------------------------------------------


def relative_performance(mgmt: Management) -> np.ndarray:
    """Measured performance of every live row: ``ln(output per hour / same-role mean)``.

    Output per hour is last month's good output divided by hours, so short time is not held
    against anyone. Rows without output yet (hired this month) get 0, the role's mean.
    """
    people, n = mgmt.people, mgmt.n
    per_hour = people.output / np.maximum(people.hours, 1e-6)
    has = per_hour > 0
    role = people.role
    n_roles = len(mgmt.roles)
    sums = np.bincount(role[has], weights=per_hour[has], minlength=n_roles)
    counts = np.bincount(role[has], minlength=n_roles)
    mean = np.divide(sums, counts, out=np.ones(n_roles), where=counts > 0)
    out = np.zeros(n)
    out[has] = np.log(per_hour[has] / mean[role[has]])
    return out


def merit_score(mgmt: Management) -> np.ndarray:
    """The last appraisal score where there is one, else measured relative performance."""
    score = mgmt.people.appraisal
    return np.where(np.isfinite(score), score, relative_performance(mgmt))


def monthly_wage_bill(mgmt: Management) -> float:
    """What a month of fixed pay costs at current wages and hours (the cash rules' yardstick)."""
    people = mgmt.people
    return float(np.dot(people.wage, people.hours))


def not_hired_this_month(mgmt: Management) -> np.ndarray:
    """Mask of live rows hired before this month (this month's hires have not worked yet)."""
    return mgmt.people.hired_month < mgmt.month


def rank_within_role(
    mgmt: Management,
    score: np.ndarray,
    share: float,
    top: bool,
    eligible: np.ndarray | None = None,
) -> np.ndarray:
    """Rows of the ``share`` of each role with the highest (``top``) or lowest ``score``.

    ``score`` covers the live rows ``[0, n)``; only ``eligible`` rows (all when None) take part.
    Each role contributes ``round(share * eligible in the role)`` people, best (or worst) first,
    ties broken by row order; the result is ordered by role.
    """
    n = mgmt.n
    if n == 0 or share <= 0:
        return np.zeros(0, dtype=np.int64)
    role = mgmt.people.role
    if eligible is not None:
        candidates = np.flatnonzero(eligible)
        role, score = role[candidates], score[candidates]
    else:
        candidates = np.arange(n)
    order = np.lexsort((-score if top else score, role))  # by role, then best (or worst) first
    counts = np.bincount(role, minlength=len(mgmt.roles))
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    picks = [
        order[start : start + int(round(share * size))]
        for start, size in zip(starts.tolist(), counts.tolist(), strict=True)
        if size
    ]
    return candidates[np.concatenate(picks)] if picks else np.zeros(0, dtype=np.int64)


def bottom_with_cut_line(
    mgmt: Management, score: np.ndarray, candidates: np.ndarray, share: float
) -> tuple[np.ndarray, np.ndarray]:
    """The lowest-scoring ``share`` of each role's ``candidates`` (:func:`rank_within_role`) and
    each one's cut line: the highest score in the bottom group of their role."""
    rows = rank_within_role(mgmt, score, share, top=False, eligible=candidates)
    if rows.size == 0:
        return rows, np.zeros(0)
    role = mgmt.people.role[rows]
    line = np.full(len(mgmt.roles), -np.inf)
    np.maximum.at(line, role, score[rows])
    return rows, line[role]


def percentile_in_role(
    mgmt: Management, score: np.ndarray, among: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Each row's percentile (0 = worst) among ``among`` rows of its role with a finite score.

    Returns ``(percentile, known)``; ``known`` marks the rows that have a percentile.
    """
    known = among & np.isfinite(score)
    pct = np.zeros(mgmt.n)
    rows = np.flatnonzero(known)
    if rows.size == 0:
        return pct, known
    role = mgmt.people.role[rows]
    order = np.lexsort((score[rows], role))
    counts = np.bincount(role, minlength=len(mgmt.roles))
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    sorted_role = role[order]
    position = np.arange(rows.size) - starts[sorted_role]
    pct[rows[order]] = (position + 0.5) / counts[sorted_role]
    return pct, known


def demand_gap(mgmt: Management) -> float:
    """How far demand is below normal: ``max(0, 1 - demand)``."""
    return max(0.0, 1.0 - float(mgmt.demand))
