"""Columnar employee state: one row per employee, live rows kept contiguous in [0, n).

Every column is declared below as a typed class attribute (so "go to definition" on
``workforce.ability`` lands on its declaration) with its meaning and its group:

- ``trait``: drawn at hiring and fixed (or moved only by the psychology: values drift);
- ``state``: what the psychology computes and remembers (needs, commitment, intent, ...);
- ``condition``: what management sets for a person (pay, hours, the pay at stake, the appraisal
  they are under, threats, guarantees); most are reset every month by
  :func:`sim.agents.behaviour.reset_conditions` (the wage, the last rating, retraining and level
  persist) and policies write them through :class:`sim.org.management.Management`;
- ``record``: bookkeeping (ids, role, team, tenure, contract dates, clients held).

Hiring appends rows; leaving frees them and moves rows from the tail into the holes, so every
vectorised rule works on plain slices ``column[:n]`` without masks. Each
:class:`~sim.agents.employee.Employee` agent holds its ``row``; the store keeps the agent of every
row and updates the few agents that move. Policies may register columns of their own
(:meth:`Workforce.register_column`), declared in the policy that owns them.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Annotated, Literal

import numpy as np
from numpy.typing import NDArray

from sim.agents.psychology import DRIVERS, NEEDS

Group = Literal["trait", "state", "condition", "record"]


@dataclass(frozen=True)
class Col:
    """The declaration of a column: its meaning and its group."""

    doc: str
    group: Group


Float = NDArray[np.float64]
Int = NDArray[np.int64]
Bool = NDArray[np.bool_]


class Workforce:
    """Columnar store of the employees' state (see the module docstring for the groups)."""

    # --- traits ---------------------------------------------------------------------------------
    ability: Annotated[Float, Col("latent productivity, lognormal around 1", "trait")]
    money_trait: Annotated[Float, Col("personal weight on money (money-seekers high)", "trait")]
    values: Annotated[
        Float, Col("personal values on [0, 1]; fit is closeness to the firm's culture", "trait")
    ]
    sociability: Annotated[Float, Col("latent trait behind informal leadership", "trait")]
    informal_leader: Annotated[Bool, Col("an informal leader: more ties, more weight", "trait")]
    match_quality: Annotated[
        Float, Col("how well this job fits this person (Jovanovic 1979), unknown to them", "trait")
    ]
    disposition: Annotated[
        Float, Col("how favourably this person sees any job (positive affectivity)", "trait")
    ]
    roots: Annotated[
        Float, Col("ties to the place outside work: family, home, community, in [0, 1]", "trait")
    ]

    # --- psychological state --------------------------------------------------------------------
    skill: Annotated[Float, Col("learned on the job, in (0, 1]", "state")]
    income: Annotated[
        Float, Col("income as people judge it: a 12-month moving average of pay received", "state")
    ]
    expected_raise: Annotated[
        Float, Col("the raise a year this person expects: a belief, learned", "state")
    ]
    wage_growth: Annotated[Float, Col("own wage growth a year, as remembered", "state")]
    raise_shock: Annotated[
        Float, Col("felt shock of the last raise or cut, decaying, in [-1, 1]", "state")
    ]
    recognition_shock: Annotated[
        Float, Col("felt shock of an award, a slight or being listened to, in [-1, 1]", "state")
    ]
    match_belief: Annotated[
        Float, Col("what the person believes about the job's fit, learned month by month", "state")
    ]
    hardship: Annotated[Float, Col("months of a personal hardship still to go", "state")]
    layoff_fear: Annotated[Float, Col("job security lost to layoffs seen, fading", "state")]
    money_sensitivity: Annotated[
        Float, Col("current weight on money; falls as basic needs are met", "state")
    ]
    fit: Annotated[Float, Col("value fit in [0, 1]", "state")]
    security: Annotated[Float, Col("felt job security of this person, in [0, 1]", "state")]
    sacrifice: Annotated[
        Float,
        Col(
            "what leaving would cost, in [0, 1] (seniority, unvested pay, a guarantee, wages owed)",
            "state",
        ),
    ]
    hygiene_dissatisfaction: Annotated[Float, Col("Herzberg dissatisfaction D in [0, 1]", "state")]
    motivator_satisfaction: Annotated[Float, Col("Herzberg satisfaction S in [0, 1]", "state")]
    equity_internal: Annotated[Float, Col("log (O/I) against same-role peers", "state")]
    equity_external: Annotated[Float, Col("log pay against the market wage of the role", "state")]
    inequity: Annotated[Float, Col("felt under-reward in [0, 1+]", "state")]
    effort: Annotated[Float, Col("1 = the standard pace", "state")]
    commitment: Annotated[Float, Col("affective commitment in [0, 1]", "state")]
    embeddedness: Annotated[Float, Col("links, fit, sacrifice and roots in [0, 1]", "state")]
    search: Annotated[Float, Col("probability of searching for another job this month", "state")]
    intent: Annotated[
        Float, Col("intention to quit: probability of leaving within a year", "state")
    ]
    hazard: Annotated[Float, Col("monthly quit hazard", "state")]
    exposure: Annotated[Float, Col("decaying memory of colleagues who left", "state")]
    contagion: Annotated[Float, Col("exposure plus neighbours' mood", "state")]
    outside_option: Annotated[
        Float, Col("log-points by which the best outside offer beats own pay", "state")
    ]
    stage: Annotated[Int, Col("relationship stage (Stage enum)", "state")]
    phase: Annotated[Int, Col("lifecycle phase (Phase enum)", "state")]
    needs: Annotated[Float, Col("the five needs' satisfaction, shape (n, 5), order NEEDS", "state")]
    drivers: Annotated[
        Float, Col("each quit driver's share of the hazard, shape (n, 13), order DRIVERS", "state")
    ]

    # --- conditions management sets this month (reset in phase 2) --------------------------------
    wage: Annotated[Float, Col("base wage, currency/month", "condition")]
    fixed_pay: Annotated[
        Float, Col("fixed monthly pay at full hours (the wage, or a piece-rate floor)", "condition")
    ]
    variable_pay: Annotated[
        Float, Col("piece, commission and bonus earned this month, currency", "condition")
    ]
    incentive: Annotated[
        Float,
        Col(
            "how far pay rises with own output (pay-for-performance elasticity), plus the implicit incentive of a job",
            "condition",
        ),
    ]
    piece_quality: Annotated[
        Int,
        Col(
            "0 not paid by the piece; 1 every unit paid; 2 defects unpaid until reworked",
            "condition",
        ),
    ]
    hours: Annotated[Float, Col("share of standard hours worked (1 = full time)", "condition")]
    defect_rate: Annotated[Float, Col("share of output defective", "condition")]
    appraisals_per_year: Annotated[
        Float, Col("formal appraisals of this person a year", "condition")
    ]
    told: Annotated[
        Float,
        Col(
            "share of the appraisal's criteria, method and result told to this person", "condition"
        ),
    ]
    process_untold: Annotated[
        Float, Col("share of the appraisal's criteria and method not told (0 to 1)", "condition")
    ]
    rating_accuracy: Annotated[
        Float, Col("how closely this person's rating follows performance", "condition")
    ]
    bottom_share: Annotated[
        Float,
        Col("share of this person's group dismissed at each ranking (0: not ranked)", "condition"),
    ]
    rank_percentile: Annotated[
        Float,
        Col("this person's known percentile in the last ranking (NaN: not told)", "condition"),
    ]
    retrain_fail: Annotated[
        Float,
        Col("share who failed retraining lately (NaN: dismissed without retraining)", "condition"),
    ]
    threatened: Annotated[
        Bool, Col("management threatens to withhold this person's wages", "condition")
    ]
    guaranteed: Annotated[Bool, Col("covered by a no-layoff guarantee", "condition")]
    guarantee_progress: Annotated[
        Float, Col("service so far as a share of the service a guarantee needs", "condition")
    ]
    unvested_share: Annotated[Float, Col("bonus not yet vested, as a share of pay", "condition")]
    owed_share: Annotated[Float, Col("wages owed to this person, in months of wage", "condition")]
    withheld_share: Annotated[
        Float, Col("share of this month's pay deliberately withheld", "condition")
    ]
    in_contest: Annotated[Bool, Col("competing for their own post this month", "condition")]
    award: Annotated[
        Int, Col("this month's award round: 1 won, -1 passed over, 0 none", "condition")
    ]
    attention: Annotated[
        Int,
        Col(
            "management's help to this person's team: 2 it starts this month, 1 it goes on, 0 none",
            "condition",
        ),
    ]
    appraisal: Annotated[
        Float, Col("last appraisal score (higher is better), NaN until rated", "condition")
    ]
    retraining: Annotated[Int, Col("months of retraining left (0 = none)", "condition")]
    level: Annotated[Int, Col("0 staff, 1 manager, 2 executive", "condition")]

    # --- records --------------------------------------------------------------------------------
    uid: Annotated[Int, Col("the Mesa agent's unique_id", "record")]
    role: Annotated[Int, Col("index into the firm's roles", "record")]
    department: Annotated[Int, Col("index into the firm's departments", "record")]
    team: Annotated[Int, Col("team index", "record")]
    tenure: Annotated[Float, Col("months in the firm", "record")]
    age: Annotated[Float, Col("age in years", "record")]
    hired_month: Annotated[Int, Col("month of hiring (negative for month-0 staff)", "record")]
    contract_end: Annotated[Int, Col("month at which the contract ends", "record")]
    clients: Annotated[Int, Col("clients held", "record")]
    pay: Annotated[Float, Col("what was due last month: wage * hours + variable pay", "record")]
    paid: Annotated[Float, Col("what was actually paid last month (less arrears)", "record")]
    output: Annotated[Float, Col("units of good output last month", "record")]

    def __init__(self, capacity: int = 256):
        self.capacity = max(16, int(capacity))
        self.n = 0
        for name, (dtype, width, _) in DECLARED.items():
            shape = (self.capacity,) if width is None else (self.capacity, width)
            setattr(self, name, np.zeros(shape, dtype=dtype))
        self.agents: list = []
        self.extra_columns: tuple[str, ...] = ()
        self._fill: dict[str, object] = {}  # value of a new row in a registered column

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(DECLARED) + self.extra_columns

    def register_column(self, name: str, dtype=float, fill=0) -> np.ndarray:
        """Add a column that a policy keeps per employee (it follows rows like the declared ones).
        Registering an existing name returns the existing column."""
        if name in self.columns:
            return getattr(self, name)
        col = np.full(self.capacity, fill, dtype=dtype)
        setattr(self, name, col)
        self.extra_columns += (name,)
        self._fill[name] = fill
        return col

    def _grow(self, needed: int) -> None:
        new_cap = self.capacity
        while new_cap < needed:
            new_cap *= 2
        for name in self.columns:
            old = getattr(self, name)
            new = np.full((new_cap,) + old.shape[1:], self._fill.get(name, 0), dtype=old.dtype)
            new[: self.n] = old[: self.n]
            setattr(self, name, new)
        self.capacity = new_cap

    def add(self, count: int) -> slice:
        """Append ``count`` zeroed rows; returns their slice. The caller fills them."""
        if self.n + count > self.capacity:
            self._grow(self.n + count)
        rows = slice(self.n, self.n + count)
        for name in self.columns:
            getattr(self, name)[rows] = self._fill.get(name, 0)
        self.n += count
        return rows

    def remove(self, rows: np.ndarray) -> np.ndarray:
        """Free ``rows`` and fill the holes from the tail.

        Returns ``mapping``, of length n before removal: the new row of each old row, -1 for removed
        ones, so that anything indexed by row (the social network, clients) can follow.
        """
        n = self.n
        rows = np.unique(np.asarray(rows, dtype=np.int64))
        mapping = np.arange(n, dtype=np.int64)
        if rows.size == 0:
            return mapping
        n_new = n - rows.size
        removed = np.zeros(n, dtype=bool)
        removed[rows] = True
        holes = rows[rows < n_new]
        movers = np.flatnonzero(~removed[n_new:]) + n_new
        mapping[rows] = -1
        mapping[movers] = holes
        if holes.size:
            for name in self.columns:
                col = getattr(self, name)
                col[holes] = col[movers]
            agents = self.agents
            for src, dst in zip(movers.tolist(), holes.tolist(), strict=True):
                agent = agents[src]
                agents[dst] = agent
                agent.row = dst
        del self.agents[n_new:]
        self.n = n_new
        return mapping

    def live(self, name: str) -> np.ndarray:
        """The live part of a column (a view)."""
        return getattr(self, name)[: self.n]


_WIDTH = {"needs": len(NEEDS), "drivers": len(DRIVERS)}


def _scalar_type(hint) -> type:
    """The NumPy scalar type inside an array annotation (``NDArray[np.float64]`` -> float64)."""
    if isinstance(hint, type) and issubclass(hint, np.generic):
        return hint
    for arg in typing.get_args(hint):
        try:
            return _scalar_type(arg)
        except TypeError:
            continue
    raise TypeError(f"no NumPy scalar type in {hint!r}")


def _declared() -> dict[str, tuple[type, int | None, Col]]:
    """name -> (dtype, width of a matrix column or None, declaration), in declaration order."""
    out = {}
    for name, hint in typing.get_type_hints(Workforce, include_extras=True).items():
        if typing.get_origin(hint) is not Annotated:
            continue
        array_type, declaration = typing.get_args(hint)
        out[name] = (_scalar_type(array_type), _WIDTH.get(name), declaration)
    return out


DECLARED: dict[str, tuple[type, int | None, Col]] = _declared()


def columns_in(group: Group) -> tuple[str, ...]:
    """The declared columns of one group, in declaration order."""
    return tuple(name for name, (_, _, col) in DECLARED.items() if col.group == group)
