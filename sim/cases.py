"""The facts the case studies must show (CASES.md section 4), each measured across many seeds.

Every fact is a function that runs its scenarios on common random numbers (replicate k of every
arm uses the same seed) and returns an :class:`Outcome`: the statistic, its value, the source
document's figure and the tolerance it is checked against. ``tests/cases/`` asserts them;
``experiments/cases.py`` writes them into docs/cases.md with the figures. No model constant exists
for any of them: they come out of the scenarios (firm, market, policies, timeline) and the one
psychology.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from sim.model import OrgModel
from sim.scenario import load_scenario

ROOT_SEED = 20241127
# A second root, never used while developing the mechanisms or the facts: the case tests run on
# both, so a fact that holds only on the seeds it was developed on is caught (issue 11).
HOLDOUT_SEED_ROOT = 7_204_211_993

# Facts of the source document that the current mechanisms do not reproduce over the tests' 30
# seeds, each with why (measured; docs/cases.md gives the figures). They are reported, never
# tuned back: tests/cases/ asserts they still fail, so a mechanism that brings one back is
# noticed and this table and the docs are brought up to date.
# Facts that hold, but say less than they seem to (docs/cases.md prints these under the table).
CAVEATS: dict[str, str] = {
    "shengyi_reformed_does_not_cascade": (
        "holds trivially while Shengyi itself does not cascade: no seed of either twin has more "
        "than half its staff intending to leave; and the reformed twin, whose month 0 is "
        "Shengyi's, closes with wages unpaid in 3 of 30 seeds within 60 months, all by month 16 "
        "(Shengyi in 5, three of them by month 9)"
    ),
    "haier_profitable_by_month_3": (
        "holds in every seed on both seed roots, but says less than it seems: under Haier the "
        "median first profitable month is month 1, and Red Star left alone is not in loss either "
        "(redstar_without_haier_stays_in_loss is not reproduced), so the profit of month 3 is "
        "not the takeover's doing alone"
    ),
    "shengyi_four_levels_in_order": (
        "holds on both seed roots (median months: first key departure 8, cash chain broken 9, "
        "revenue below 85% 10, biggest wave 12 on the development seeds; 4, 9, 11.5 and 12 on "
        "the held-out seeds), and the client link carries it (with clients staying when their "
        "holder leaves it fails); but the wave is the contracts' common end (month 12), and the "
        "cash chain breaks before revenue falls, so the order says less than the document's chain"
    ),
}

NOT_REPRODUCED: dict[str, str] = {
    "shengyi_half_intend_not_to_renew": (
        "Shengyi is insolvent from its first months: its simulated past (money held steady) "
        "leaves it a smaller client book than the scenario's and a month-0 loss, so some firms "
        "close with wages unpaid by month 11 (3 of 30); in the firms "
        "still open the median share intending to leave is 0.08, and no seed has more than half. "
        "Intent here is the chance of leaving within a year, not a stated intention (Mobley 1977 "
        "separates the two)"
    ),
    "shengyi_resign_in_waves": (
        "with few people intending to leave there is no wave: the exits postponed to the contract's "
        "end are those whose yearly quit chance exceeds non_renewal_intent, and at New Year 10% "
        "of staff leave (median; 7.5% on the held-out seeds), a third of the 30% this fact needs"
    ),
    "redstar_without_haier_stays_in_loss": (
        "Red Star left alone has a loss on average over months 3-12 in 5 of 30 seeds (5 of 30 on "
        "the held-out seeds), not most: ordinary management's retrenchment turns it round (with "
        "management not responding, 8 of 10 seeds stay in loss; attribution table). It held "
        "under the calibration before careers ended; the refit quits less (search_threshold 4.72 "
        "to 5.52, offer_value_spread 0.70 to 1.00; the baseline's voluntary turnover over two "
        "years 14.5% to 11.7%, 40 seeds), so fewer people, and fewer of the clients who follow "
        "them, leave the unreformed firm"
    ),
    "without_care_many_do_not_return": (
        "without care 8.4% of the migrants stay away after the break (7.9% on the held-out "
        "seeds), short of the 10% this fact needs, though well above the care arm (1.1%). The "
        "refit weakened the pull of outside jobs: their worth is more dispersed "
        "(offer_value_spread 0.70 to 1.00, so the same pay gap tips fewer choices) and offers "
        "rise less in a tight market (offer_tightness_elasticity 0.64 to 0.41)"
    ),
}

# Facts whose statistic sits on its threshold: they hold on one seed root and fail on the other
# (or from one set of 30 seeds to the next). Reported as fragile, asserted neither way.
FRAGILE: dict[str, str] = {
    "shengyi_key_salespeople_leave_first": (
        "the ratio of the share of the seven key client holders gone by month 6 to that of the "
        "other staff is 0.74 on the development seeds (4.8% against 6.4%) and 1.48 on the "
        "held-out seeds (6.7% against 4.5%), against the 1.3 it needs: with seven key holders a "
        "firm, 30 seeds see about ten of them leave by month 6, too few to place the ratio on "
        "either side of its threshold"
    ),
}


def crn_seeds(n: int, root: int = ROOT_SEED) -> list[int]:
    """``n`` independent seeds spawned from one root; arm k of every comparison uses seed k."""
    return [int(s.generate_state(1)[0]) for s in np.random.SeedSequence(root).spawn(n)]


@dataclass
class Arm:
    """One scenario (with overrides) run on every seed: the monthly metrics, the events and
    whatever a probe took from each model."""

    name: str
    metrics: pd.DataFrame  # with a "replicate" column
    events: pd.DataFrame
    probes: list = field(default_factory=list)

    def at(self, month: int) -> pd.DataFrame:
        return self.metrics[self.metrics.month == month].set_index("replicate")

    def per_seed(self, column: str, months: range) -> pd.Series:
        """Mean of a column over a window of months, one value per replicate."""
        m = self.metrics
        window = m[m.month.isin(months)]
        return window.groupby("replicate")[column].mean()


def run_arm(
    scenario: str,
    seeds: list[int],
    months: int | None = None,
    overrides: dict | None = None,
    probe: Callable | None = None,
) -> Arm:
    """Run a scenario on every seed. ``probe(model, month)`` is called after every month; what it
    returns for the last month is kept (one value per replicate)."""
    spec = load_scenario(scenario, overrides)
    months = months or spec.months
    frames, logs, probes = [], [], []
    for k, seed in enumerate(seeds):
        model = OrgModel.from_scenario(spec, seed=seed)
        taken = {}
        for _ in range(months):
            model.step()
            if probe is not None:
                taken[model.month] = probe(model)
        frame = model.metrics()
        frame.insert(0, "replicate", k)
        frames.append(frame)
        log = model.events()
        log.insert(0, "replicate", k)
        logs.append(log)
        probes.append(taken)
    return Arm(
        scenario, pd.concat(frames, ignore_index=True), pd.concat(logs, ignore_index=True), probes
    )


@dataclass
class Outcome:
    fact: str  # short name
    claim: str  # what the source document says, in words
    statistic: str  # what is measured
    value: float
    target: str  # the source document's figure, or the direction it implies
    passed: bool
    detail: dict = field(default_factory=dict)

    def __str__(self) -> str:
        flag = "ok" if self.passed else "FAILED"
        return f"[{flag}] {self.fact}: {self.statistic} = {self.value:.3g} (target {self.target})"


def _paired(a: pd.Series, b: pd.Series) -> tuple[float, float]:
    """Mean paired difference a - b over replicates and its 95% half-width."""
    d = (a - b).dropna()
    half = 1.96 * d.std(ddof=1) / np.sqrt(len(d)) if len(d) > 1 else float("inf")
    return float(d.mean()), float(half)


# --- 1. money raise ---------------------------------------------------------------------------------

RAISE_GRADES = (1000, 2000, 3000, 5000, 10000)


def _grade_satisfaction(model) -> np.ndarray:
    ws, n = model.workforce, model.workforce.n
    return np.array(
        [ws.motivator_satisfaction[:n][ws.role[:n] == g].mean() for g in range(len(RAISE_GRADES))]
    )


def money_raise(seeds: list[int]) -> list[Outcome]:
    """A raise of 500 a month at 1000 ... 10000: the change in satisfaction (month 11 -> 13, the
    raise falls at the month-12 review) falls with base pay, positive at 1000, negative at 5000 and 10000."""
    arm = run_arm("money_raise", seeds, 13, probe=_grade_satisfaction)
    change = np.array([p[13] - p[11] for p in arm.probes])  # replicates x grades
    mean = change.mean(axis=0)
    half = 1.96 * change.std(axis=0, ddof=1) / np.sqrt(len(seeds))
    falling = bool(np.all(np.diff(mean) < 0))
    detail = {f"change_at_{g}": float(m) for g, m in zip(RAISE_GRADES, mean, strict=True)}
    return [
        Outcome(
            "money_raise_falls_with_pay",
            "the same raise pleases less the more one earns",
            "mean change in satisfaction, strictly falling across 1000..10000",
            float(mean[0] - mean[-1]),
            "falling: 1000 > 2000 > 3000 > 5000 > 10000",
            falling,
            detail,
        ),
        Outcome(
            "money_raise_flatters_at_1000",
            "at 1000 a month the employee is flattered",
            "change in satisfaction at 1000 (lower 95% bound)",
            float(mean[0] - half[0]),
            "> 0",
            bool(mean[0] - half[0] > 0),
            detail,
        ),
        Outcome(
            "money_raise_backfires_at_5000",
            "at 5000: 'am I worth so little?'",
            "change in satisfaction at 5000 (upper 95% bound)",
            float(mean[3] + half[3]),
            "< 0",
            bool(mean[3] + half[3] < 0),
            detail,
        ),
        Outcome(
            "money_raise_backfires_at_10000",
            "at 10000 the raise backfires into resentment",
            "change in satisfaction at 10000 (upper 95% bound)",
            float(mean[4] + half[4]),
            "< 0",
            bool(mean[4] + half[4] < 0),
            detail,
        ),
    ]


# --- 2. performance pay ------------------------------------------------------------------------------


def performance_pay(seeds: list[int]) -> list[Outcome]:
    """Salary to piece rate at month 12: output per employee over months 13-18 against the same firm
    left on salary (common random numbers)."""
    switched = run_arm("performance_pay", seeds, 18)
    salaried = run_arm("baseline", seeds, 18)
    ratio = switched.per_seed("output_per_employee", range(13, 19)) / salaried.per_seed(
        "output_per_employee", range(13, 19)
    )
    gain = float(ratio.mean() - 1.0)
    return [
        Outcome(
            "performance_pay_plus_30_percent",
            "money raises productivity by 30%, the most of any method",
            "mean gain in output per employee, months 13-18",
            gain,
            "0.30 (0.20 to 0.40)",
            0.20 <= gain <= 0.40,
            {
                "gain_q10": float(ratio.quantile(0.1) - 1),
                "gain_q90": float(ratio.quantile(0.9) - 1),
            },
        ),
    ]


# --- 3. Lincoln Electric -----------------------------------------------------------------------------

LINCOLN_RECESSION = range(36, 54)


def _bonus_share(model) -> list[float]:
    policy = model.policy("profit_sharing")
    ws = model.workforce
    base = float(np.mean(ws.wage[: ws.n]))
    return [p["pool"] / (p["eligible"] * base * 12.0) for p in policy.payouts if p["eligible"]]


def lincoln(seeds: list[int]) -> list[Outcome]:
    lincoln_arm = run_arm("lincoln_electric", seeds, probe=_bonus_share)
    rival = run_arm("lincoln_competitor", seeds)
    normal = range(12, 36)
    ratio = lincoln_arm.per_seed("output_per_employee", normal) / rival.per_seed(
        "output_per_employee", normal
    )
    whole = range(12, 73)
    turnover_l = lincoln_arm.per_seed("turnover_rate_annual", whole)
    turnover_c = rival.per_seed("turnover_rate_annual", whole)
    layoffs_l = lincoln_arm.metrics.groupby("replicate").layoffs.sum()
    layoffs_c = rival.metrics.groupby("replicate").layoffs.sum()
    hours_l = lincoln_arm.per_seed("mean_hours", LINCOLN_RECESSION)
    # bonus as a share of base pay in the years the firm was not in recession (pay-outs at months 12, 24, 36, 72)
    bonuses = np.array(
        [[shares[i] for i in (0, 1, 2, 5)] for shares in (p[max(p)] for p in lincoln_arm.probes)]
    )
    bonus = float(bonuses.mean())
    return [
        Outcome(
            "lincoln_productivity_twice",
            "productivity about twice that of competitors",
            "output per employee, Lincoln / competitor, months 12-35 (mean over seeds)",
            float(ratio.mean()),
            "2.0 (1.6 to 2.4)",
            1.6 <= ratio.mean() <= 2.4,
            {"q10": float(ratio.quantile(0.1)), "q90": float(ratio.quantile(0.9))},
        ),
        Outcome(
            "lincoln_turnover_far_lower",
            "turnover among the lowest in US industry",
            "annual voluntary turnover, Lincoln / competitor, months 12-72",
            float(turnover_l.mean() / turnover_c.mean()),
            "< 0.6",
            bool(turnover_l.mean() / turnover_c.mean() < 0.6),
            {"lincoln": float(turnover_l.mean()), "competitor": float(turnover_c.mean())},
        ),
        Outcome(
            "lincoln_no_layoffs_in_recession",
            "no employee laid off since 1958, even in a downturn",
            "layoffs at Lincoln over 72 months (max over seeds)",
            float(layoffs_l.max()),
            "0 (the competitor lays off)",
            bool(layoffs_l.max() == 0 and layoffs_c.min() > 0),
            {"competitor_layoffs_mean": float(layoffs_c.mean())},
        ),
        Outcome(
            "lincoln_hours_fall_instead",
            "fewer hours in a downturn, down to a 30-hour week",
            "mean hours during the recession (share of 40)",
            float(hours_l.mean()),
            "between 0.75 (30 h) and 0.95",
            bool(0.75 - 1e-9 <= hours_l.min() and hours_l.max() <= 0.95),
        ),
        Outcome(
            "lincoln_bonus_near_95_percent",
            "the bonus averaged 95.5% of base pay",
            "bonus / base pay in the non-recession years",
            bonus,
            "0.955 (0.80 to 1.10)",
            0.80 <= bonus <= 1.10,
        ),
    ]


# --- 4. Haier and Red Star ---------------------------------------------------------------------------


def haier(seeds: list[int]) -> list[Outcome]:
    reformed = run_arm("haier_redstar", seeds, 12)
    twin = run_arm("redstar_without_haier", seeds, 12)
    profit = reformed.metrics.pivot(index="replicate", columns="month", values="profit")
    twin_profit = twin.metrics.pivot(index="replicate", columns="month", values="profit")
    turned = float((profit[3] > 0).mean())
    first_profit = profit.loc[:, 1:].gt(0).idxmax(axis=1).where(profit.loc[:, 1:].gt(0).any(axis=1))
    improving = float((profit.loc[:, 7:12].mean(axis=1) > profit.loc[:, 3:5].mean(axis=1)).mean())
    twin_loss = float((twin_profit.loc[:, 3:12].mean(axis=1) < 0).mean())
    return [
        Outcome(
            "haier_profitable_by_month_3",
            "profitable from the third month after the takeover",
            "share of seeds with a profit in month 3",
            turned,
            ">= 0.8",
            turned >= 0.8,
            {"median_first_profit_month": float(first_profit.median())},
        ),
        Outcome(
            "haier_keeps_improving",
            "September 20,000, October 76,000, November 100,000+, December 1.5 million",
            "share of seeds whose profit in months 7-12 beats months 3-5",
            improving,
            ">= 0.8",
            improving >= 0.8,
        ),
        Outcome(
            "redstar_without_haier_stays_in_loss",
            "the same firm without the reforms does not turn round",
            "share of seeds with a loss on average over months 3-12",
            twin_loss,
            ">= 0.8",
            twin_loss >= 0.8,
        ),
    ]


# --- 5. Shengyi --------------------------------------------------------------------------------------

SHENGYI_BEFORE_NEW_YEAR = 11  # contracts end on New Year's Day, month 12


def _first_month(frame: pd.DataFrame, condition: pd.Series) -> pd.Series:
    hit = frame[condition]
    return hit.groupby("replicate").month.min().reindex(frame.replicate.unique())


def _staff_and_books(model) -> tuple[set, dict]:
    ws, n = model.workforce, model.workforce.n
    return set(ws.uid[:n].tolist()), dict(
        zip(ws.uid[:n].tolist(), ws.clients[:n].tolist(), strict=True)
    )


def shengyi(seeds: list[int]) -> list[Outcome]:
    arm = run_arm("shengyi", seeds, 15, probe=_staff_and_books)
    twin = run_arm("shengyi_reformed", seeds, 15)
    intent = arm.at(SHENGYI_BEFORE_NEW_YEAR).intent_to_quit_share
    intent_twin = twin.at(SHENGYI_BEFORE_NEW_YEAR).intent_to_quit_share
    most = float((intent > 0.5).mean())
    key_count = load_scenario("shengyi").clients.key_holders
    # (1) the key salespeople leave first: the key holders of month 1 against everyone else
    key_gone, other_gone, t_key = [], [], []
    for probes in arm.probes:
        staff1, books = probes[1]
        key = set(sorted(books, key=books.get, reverse=True)[:key_count])
        others = staff1 - key
        staff6 = probes[6][0] if 6 in probes else set()  # a firm closed by then has nobody
        key_gone.append(np.mean([u not in staff6 for u in key]))
        other_gone.append(np.mean([u not in staff6 for u in others]))
        t_key.append(next((t for t in sorted(probes) if t > 1 and key - probes[t][0]), np.nan))
    key_ratio = float(np.mean(key_gone) / max(np.mean(other_gone), 1e-9))
    # then income falls, the cash chain breaks (wages unpaid or the owner's money gone), and
    # staff resign in waves
    m, ev = arm.metrics, arm.events
    start_revenue = m[m.month == 1].set_index("replicate").revenue
    revenue_ratio = m.revenue / m.replicate.map(start_revenue)
    t_revenue = _first_month(m, (revenue_ratio < 0.85) & (m.month > 1))
    subsidy_end = ev[ev.event == "owner_subsidy_ended"].groupby("replicate").month.min()
    t_cash = pd.concat([_first_month(m, m.arrears > 0), subsidy_end], axis=1).min(axis=1)
    exits = m.assign(exits=m.quits + m.non_renewals)
    t_wave = (
        exits[exits.month > 0]
        .loc[lambda f: f.groupby("replicate").exits.idxmax()]
        .set_index("replicate")
        .month
    )
    order = [
        float(np.nanmedian(t_key)),
        float(t_revenue.median()),
        float(t_cash.median()),
        float(t_wave.median()),
    ]
    # level 1: key people leave, then income falls and the cash chain breaks (in either order);
    # levels 3-4: the waves come after
    in_order = order[0] <= min(order[1], order[2]) and max(order[1], order[2]) <= order[3]
    wave_share = (arm.at(12).quits + arm.at(12).non_renewals) / arm.at(11).headcount
    revenue_twin = twin.at(12).revenue / twin.at(1).revenue
    return [
        Outcome(
            "shengyi_half_intend_not_to_renew",
            "before New Year's Day more than 50% of staff intend not to renew",
            "share of seeds in which > 50% of staff intend to leave, month 11",
            most,
            "> 0.5 of seeds (most)",
            most > 0.5,
            {
                "median_share_intending": float(intent.median()),
                # a closed firm has no month-11 row: the share is over the firms still open
                "closed_by_month_11": len(seeds) - int(intent.size),
            },
        ),
        Outcome(
            "shengyi_key_salespeople_leave_first",
            "the key salespeople leave first, taking the core clients",
            "share of the 7 key client holders gone by month 6 / share of the other staff gone",
            key_ratio,
            "> 1.3",
            key_ratio > 1.3,
            {"key_gone": float(np.mean(key_gone)), "others_gone": float(np.mean(other_gone))},
        ),
        Outcome(
            "shengyi_four_levels_in_order",
            "key people leave, income falls, the cash chain breaks, staff resign in waves",
            "median month: first key departure, revenue < 85%, cash chain breaks, biggest wave of exits",
            order[-1],
            "key people first; income and cash next (either order); the wave last",
            in_order,
            dict(zip(("key_leaves", "revenue_falls", "cash_breaks", "wave"), order, strict=True)),
        ),
        Outcome(
            "shengyi_resign_in_waves",
            "ordinary staff resign in waves, not wanting to be the last",
            "median share of staff leaving at New Year (month 12)",
            float(wave_share.median()),
            ">= 0.3",
            float(wave_share.median()) >= 0.3,
        ),
        Outcome(
            "shengyi_reformed_does_not_cascade",
            "with shared vision, fair appraisal and collective life there is no cascade",
            "share of seeds of the reformed twin with > 50% intending to leave, month 11",
            float((intent_twin > 0.5).mean()),
            "<= 0.1, and revenue held (>= 90% of month 1)",
            bool((intent_twin > 0.5).mean() <= 0.1 and revenue_twin.median() >= 0.9),
            {"revenue_month12_vs_month1": float(revenue_twin.median())},
        ),
    ]


# --- 6. forced ranking --------------------------------------------------------------------------------

RULES = {
    "policies.bottom_ranking.retrain_first": True,
    "policies.bottom_ranking.transparent_criteria": True,
    "policies.bottom_ranking.transparent_method": True,
    "policies.bottom_ranking.transparent_result": True,
}


def forced_ranking(seeds: list[int]) -> list[Outcome]:
    window = range(12, 48)
    none = run_arm("baseline", seeds, 48)
    bare = run_arm("forced_ranking", seeds, 48)
    ruled = run_arm(
        "forced_ranking", seeds, 48, {**RULES, "policies.bottom_ranking.frequency": "half_yearly"}
    )
    by_freq = {
        freq: run_arm(
            "forced_ranking", seeds, 48, {**RULES, "policies.bottom_ranking.frequency": freq}
        )
        for freq in ("monthly", "half_yearly", "yearly")
    }
    gain_ruled, hw1 = _paired(
        ruled.per_seed("output_per_employee", window), none.per_seed("output_per_employee", window)
    )
    gain_bare, _ = _paired(
        bare.per_seed("output_per_employee", window), none.per_seed("output_per_employee", window)
    )
    keeps, hw_k = _paired(
        ruled.per_seed("output_per_employee", window), bare.per_seed("output_per_employee", window)
    )
    security, hw_s = _paired(
        ruled.per_seed("need_safety", window), bare.per_seed("need_safety", window)
    )
    turnover, hw_t = _paired(
        ruled.per_seed("total_turnover_rate_annual", window),
        bare.per_seed("total_turnover_rate_annual", window),
    )
    safety = {f: float(a.per_seed("need_safety", window).mean()) for f, a in by_freq.items()}
    monthly_lower, hw_m = _paired(
        by_freq["monthly"].per_seed("need_safety", window),
        by_freq["yearly"].per_seed("need_safety", window),
    )
    return [
        Outcome(
            "ranking_rules_keep_more_of_the_gain",
            "with the three rules the gain is kept",
            "output per employee, rules minus no rules (paired, lower 95% bound)",
            keeps - hw_k,
            "> 0",
            keeps - hw_k > 0,
            {
                "gain_with_rules_vs_no_ranking": gain_ruled,
                "gain_without_rules_vs_no_ranking": gain_bare,
            },
        ),
        Outcome(
            "ranking_rules_cost_less_security",
            "the rules spare the safety need",
            "safety need, rules minus no rules (paired, lower 95% bound)",
            security - hw_s,
            "> 0",
            security - hw_s > 0,
        ),
        Outcome(
            "ranking_rules_cost_less_turnover",
            "the rules cost less turnover",
            "all exits a year, rules minus no rules (paired, upper 95% bound)",
            turnover + hw_t,
            "< 0",
            turnover + hw_t < 0,
        ),
        Outcome(
            "monthly_appraisal_lowers_safety",
            "appraising too often threatens the safety need",
            "safety need, monthly minus yearly appraisal (paired, upper 95% bound)",
            monthly_lower + hw_m,
            "< 0",
            bool(
                monthly_lower + hw_m < 0
                and safety["monthly"] < safety["half_yearly"] < safety["yearly"]
            ),
            safety,
        ),
    ]


# --- 7. labour shortage ---------------------------------------------------------------------------------

CARE = {
    "policies.emotional_care.attention": 0.7,
    "policies.emotional_care.holiday_travel_home": True,
}


def _returned(arm: Arm) -> pd.Series:
    breaks = arm.events[arm.events.event == "holiday_break"].set_index("replicate")
    return 1.0 - breaks.not_returned / breaks.travellers


def labour_shortage(seeds: list[int]) -> list[Outcome]:
    without = _returned(run_arm("labour_shortage", seeds))
    with_care = _returned(run_arm("labour_shortage", seeds, overrides=CARE))
    return [
        Outcome(
            "care_brings_nearly_all_back",
            "with emotional care all of them returned on time",
            "mean share of migrants back after the break, with care",
            float(with_care.mean()),
            ">= 0.95",
            with_care.mean() >= 0.95,
        ),
        Outcome(
            "without_care_many_do_not_return",
            "firms that do not treat workers well lose them",
            "mean share of migrants not back, without care",
            float(1 - without.mean()),
            ">= 0.10 and above the care arm in >= 90% of seeds",
            bool(1 - without.mean() >= 0.10 and ((with_care - without) > 0).mean() >= 0.9),
        ),
    ]


# --- respect and walking around (Walmart) ------------------------------------------------------------

STATUS_CONSCIOUS = {
    "policies.respect.equal_treatment": -1.0,
    "policies.walking_around.time_share": 0.0,
    "policies.walking_around.mentoring": 0.0,
}


def walmart(seeds: list[int]) -> list[Outcome]:
    window = range(12, 48)
    walmart_arm = run_arm("walmart_respect", seeds, 48)
    status = run_arm("walmart_respect", seeds, 48, STATUS_CONSCIOUS)
    esteem, hw_e = _paired(
        walmart_arm.per_seed("need_esteem", window), status.per_seed("need_esteem", window)
    )
    turnover, hw_t = _paired(
        walmart_arm.per_seed("turnover_rate_annual", window),
        status.per_seed("turnover_rate_annual", window),
    )
    return [
        Outcome(
            "respect_raises_esteem",
            "respect and walking around meet the esteem need",
            "esteem need, Walmart way minus status-conscious (paired, lower 95% bound)",
            esteem - hw_e,
            "> 0",
            esteem - hw_e > 0,
        ),
        Outcome(
            "respect_lowers_turnover",
            "people stay where they are respected and heard",
            "voluntary turnover, Walmart way minus status-conscious (paired, upper 95% bound)",
            turnover + hw_t,
            "< 0",
            turnover + hw_t < 0,
        ),
    ]


CASES: dict[str, Callable[[list[int]], list[Outcome]]] = {
    "money_raise": money_raise,
    "performance_pay": performance_pay,
    "lincoln": lincoln,
    "haier": haier,
    "shengyi": shengyi,
    "forced_ranking": forced_ranking,
    "labour_shortage": labour_shortage,
    "walmart": walmart,
}
