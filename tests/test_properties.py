"""Invariants over random scenarios and seeds (hypothesis).

Whatever the firm, the market, the money and the seed, and whatever a (deliberately erratic)
management does each month, the books balance: people and cash are conserved month to month,
every psychological variable stays within its bounds, and nothing is NaN.
"""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sim import OrgModel, load_scenario
from sim.agents.psychology import DRIVERS
from sim.policies.base import Policy

BASELINE = load_scenario("baseline")
MONTHS = 18
CONDITION_FIELDS = (  # firm-wide conditions in [0, 1] (sim.agents.conditions)
    "participation",
    "walking_around",
    "mentoring",
    "criticism",
    "fine_share",
    "client_contest",
    "shared_accounts",
    "commission_share",
    "hardship_help",
    "job_enrichment",
    "training_share",
    "culture_programme",
    "client_ownership",
)


class ErraticManagement(Policy):
    """A test-only policy that pushes every lever at random each month (through model.rng)."""

    name = "erratic_management"
    family = "restructuring"

    def __init__(self, intensity: float):
        super().__init__()
        self.intensity = intensity

    def act(self, mgmt):
        rng, people, n = mgmt.rng, mgmt.people, mgmt.n
        for field in CONDITION_FIELDS:
            if rng.random() < self.intensity:
                mgmt.set(field, float(rng.random()))
        if n and rng.random() < self.intensity:
            people.incentive[:] = rng.random(n)
            people.hours[:] = rng.uniform(0.5, 1.0, n)
            people.variable_pay[:] = rng.uniform(0.0, 2000.0, n)
            people.defect_rate[:] = rng.uniform(0.0, 0.3, n)
        if n and rng.random() < self.intensity:
            rows = np.flatnonzero(rng.random(n) < 0.3)
            mgmt.change_wages(rows, people.wage[rows] * rng.uniform(0.7, 1.4, rows.size))
        if rng.random() < self.intensity:
            mgmt.set_culture(vision=float(rng.random()))

    def review(self, mgmt):
        n = mgmt.n
        if n and mgmt.rng.random() < self.intensity:
            kind = "dismissal" if mgmt.rng.random() < 0.5 else "layoff"
            mgmt.separate(np.flatnonzero(mgmt.rng.random(n) < 0.05), kind)

    def settle(self, mgmt):
        if mgmt.rng.random() < self.intensity:
            mgmt.charge(float(mgmt.rng.uniform(0.0, 2e5)))


@st.composite
def scenarios(draw):
    scale = draw(st.floats(0.05, 0.6))
    overrides = {}
    total = 0
    for role in BASELINE.firm.roles:
        count = max(1, round(role.count * scale))
        overrides[f"firm.roles.{role.name}.count"] = count
        total += count
    overrides["firm.employees"] = total
    overrides["clients.count"] = draw(st.integers(0, 400))
    overrides["clients.follow_probability"] = draw(st.floats(0.0, 1.0))
    overrides["clients.base_churn"] = draw(st.floats(0.0, 0.2))
    overrides["clients.concentration"] = draw(st.floats(0.3, 0.95))
    overrides["firm.roles.production_worker.wage"] = draw(st.floats(600.0, 12000.0))
    overrides["firm.roles.production_worker.market_wage"] = draw(st.floats(600.0, 12000.0))
    overrides["firm.team_size"] = draw(st.integers(2, 20))
    overrides["firm.ties_per_employee"] = draw(st.floats(0.0, 10.0))
    overrides["firm.hire_to_plan"] = draw(st.booleans())
    overrides["finances.cash"] = draw(st.floats(-2e6, 5e6))
    overrides["finances.overhead"] = draw(st.floats(0.0, 1e6))
    overrides["finances.owner_subsidy_budget"] = draw(st.floats(0.0, 2e6))
    overrides["market.shortage"] = draw(st.floats(0.0, 0.8))
    overrides["market.months_to_fill"] = draw(st.floats(0.5, 6.0))
    overrides["market.inflation_annual"] = draw(st.floats(-0.05, 0.3))
    overrides["market.market_wage_growth_annual"] = draw(st.floats(-0.05, 0.3))
    overrides["market.demand"] = draw(st.floats(0.2, 2.0))
    overrides["months"] = MONTHS
    timeline = []
    for _ in range(draw(st.integers(0, 3))):
        month = draw(st.integers(1, MONTHS - 1))
        timeline.append(
            draw(
                st.sampled_from(
                    [
                        {"month": month, "event": "demand", "params": {"level": 0.5}},
                        {"month": month, "event": "cash_injection", "params": {"amount": 5e5}},
                        {"month": month, "event": "labour_shortage", "params": {"shortage": 0.5}},
                        {"month": month, "event": "inflation", "params": {"annual_rate": 0.2}},
                    ]
                )
            )
        )
    overrides["timeline"] = timeline
    return BASELINE.with_overrides(overrides)


def check_state(model) -> None:
    """Every per-person variable within its bounds, and no NaN."""
    ws, n, p = model.workforce, model.workforce.n, model.psychology
    eps = 1e-12

    def within(name, lo, hi):
        col = getattr(ws, name)[:n]
        assert not np.isnan(col).any(), f"{name} has NaN"
        assert np.all(col >= lo - eps) and np.all(col <= hi + eps), (
            f"{name} outside [{lo}, {hi}]: {col.min()}..{col.max()}"
        )

    within("needs", 0.0, 1.0)
    within("motivator_satisfaction", 0.0, 1.0)
    within("hygiene_dissatisfaction", 0.0, 1.0)
    within("effort", p.effort_min, p.effort_max)
    within("commitment", 0.0, 1.0)
    within("embeddedness", 0.0, 1.0)
    within("intent", 0.0, 1.0)
    within("hazard", 0.0, 1.0)
    within("inequity", 0.0, np.inf)
    within("money_sensitivity", 0.0, np.inf)
    within("fit", 0.0, 1.0)
    within("values", 0.0, 1.0)
    within("skill", 0.0, 1.0)
    within("raise_shock", -1.0, 1.0)
    within("sacrifice", 0.0, 1.0)
    within("exposure", 0.0, np.inf)
    within("contagion", 0.0, np.inf)
    within("tenure", 0.0, np.inf)
    within("stage", 0, 4)
    within("phase", 0, 2)
    for name in ("equity_internal", "equity_external", "outside_option", "paid", "output"):
        assert np.all(np.isfinite(getattr(ws, name)[:n])), f"{name} not finite"
    drivers = ws.drivers[:n]
    assert np.all(drivers >= 0.0)
    sums = drivers.sum(axis=1)
    assert np.all(np.isclose(sums, 1.0) | (sums == 0.0))
    assert 0.0 <= model.firm.culture_strength <= 1.0
    assert 0.0 <= model.firm.vision <= 1.0
    assert 0.0 <= model.finance.arrears_fraction <= 1.0


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(scenarios(), st.integers(0, 2**32 - 1), st.sampled_from([0.0, 0.3, 0.8]))
def test_people_cash_and_bounds_are_conserved_in_any_scenario(scenario, seed, intensity):
    model = OrgModel(scenario, seed=seed)
    if intensity:
        model.add_policy(ErraticManagement(intensity))
    check_state(model)
    for _ in range(MONTHS):
        if model.workforce.n == 0:
            break  # an empty firm is test_a_firm_whose_last_employee_leaves_keeps_running's case
        model.step()
        check_state(model)
    frame = model.metrics()
    prev, cur = frame.iloc[:-1].reset_index(drop=True), frame.iloc[1:].reset_index(drop=True)

    # people: headcount(t) = headcount(t-1) + hires - all exits
    exits = cur.quits + cur.non_renewals + cur.dismissals + cur.layoffs + cur.retirements
    assert (cur.headcount == prev.headcount + cur.hires - exits).all()
    assert (cur.headcount <= scenario.firm.employees).all()

    # money: cash(t) = cash(t-1) + revenue - costs + subsidy + injection
    expected_cash = prev.cash + cur.revenue - cur.costs + cur.subsidy + cur.injection
    assert np.allclose(cur.cash, expected_cash, rtol=1e-9, atol=1e-3)
    assert np.allclose(cur.profit, cur.revenue - cur.costs)
    assert np.allclose(cur.wage_bill + cur.arrears, cur.wages_due)
    assert (cur.arrears >= -1e-6).all() and (cur.subsidy >= 0).all()

    # clients: clients(t) = clients(t-1) + won - churned - followed a leaver
    assert (
        cur.clients
        == prev.clients + cur.clients_won - cur.clients_churned - cur.clients_lost_to_leavers
    ).all()

    # the event log tells the same story as the monthly counts
    events = model.events()
    for kind, column in (
        ("hire", "hires"),
        ("quit", "quits"),
        ("non_renewal", "non_renewals"),
        ("dismissal", "dismissals"),
        ("layoff", "layoffs"),
    ):
        logged = events[events.event == kind].groupby("month").size()
        logged = logged.reindex(cur.month, fill_value=0).to_numpy()
        assert np.array_equal(logged, cur[column].to_numpy()), kind
    exits_logged = events[events.event.isin(["quit", "non_renewal"])]
    shares = exits_logged[[f"driver_{d}" for d in DRIVERS]].sum(axis=1)
    assert np.all(np.isclose(shares, 1.0) | (shares == 0.0))

    # no NaN anywhere in the monthly figures while anyone is employed, except the spreads (one
    # person has none) and the share of the spread between teams (undefined when every team has
    # one member or there is a single team)
    staffed = frame[frame.headcount > 0]
    defined = staffed.drop(columns=["attitude_team_share", "attitude_sd", "intent_sd"])
    assert not defined.isna().any().any(), defined.columns[defined.isna().any()].tolist()
    crowd = staffed[staffed.headcount > 1]
    assert crowd[["attitude_sd", "intent_sd"]].notna().all().all()
    assert (staffed.attitude_team_share.dropna() <= 1.0).all()  # ICC(1) >= -1/(k - 1)


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_baseline_headcount_never_exceeds_plan_and_month_zero_is_clean(seed):
    model = OrgModel(BASELINE, seed=seed)
    check_state(model)
    model.run(12)
    frame = model.metrics()
    assert frame.headcount.max() <= BASELINE.firm.employees
    assert not frame.isna().any().any()


def test_a_firm_whose_last_employee_leaves_closes_with_a_logged_cause_and_one_last_row():
    """A month that ends with nobody left closes the firm: the closure is logged, the run stops,
    that month's row is the last (headcount 0, the means of people undefined), and the house
    accounts (clients nobody holds) survive the month."""
    scenario = BASELINE.with_overrides({"firm.hire_to_plan": False})
    model = OrgModel(scenario, seed=1).run(2)
    model.separate(np.arange(model.workforce.n), "layoff")
    assert model.workforce.n == 0 and model.clients.count > 0
    model.run(3)
    assert model.firm.closed == "nobody left" and not model.running
    assert model.month == 3  # the run stopped at the closure
    frame = model.metrics()
    assert frame.month.max() == 3 and (frame.headcount.iloc[:-1] > 0).all()
    last = frame.iloc[-1]
    assert last.headcount == 0 and np.isnan(last.mean_satisfaction) and last.clients > 0
    closure = model.events().query("event == 'closure'")
    assert closure.month.tolist() == [3]


def test_a_firm_that_cannot_pay_anyone_raises_no_numerical_warning():
    """When a whole role is unpaid, peers' pay per unit of input is 0: no log(0) may follow."""
    import warnings

    scenario = BASELINE.with_overrides(
        {"finances.cash": 0.0, "market.demand": 0.0, "clients.count": 0}
    )
    model = OrgModel(scenario, seed=1)
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        model.run(4)
    months = model.metrics().iloc[1:]
    staffed = months[months.headcount > 0]  # (its people may all have gone before month 4)
    assert len(staffed) > 0 and staffed.arrears.gt(0).all()
