"""``mesa_idiomatic``: phase 3 written the way a Mesa user would write it, one agent at a time.

The honest reference for ``benchmarks/throughput.py``. Each :class:`IdiomaticEmployee` is a
``mesa.Agent`` that keeps its own state as plain Python attributes (floats, ints and bools; the
five needs and the thirteen quit drivers as Python lists), not as rows of NumPy columns, and its
:meth:`~IdiomaticEmployee.step` applies the per-person rules of phase 3 in scalar Python (the
``math`` module, ``min``/``max``; no NumPy): :func:`sim.agents.behaviour.perceive` together with
:func:`sim.agents.perception.personal_factors`, :func:`~sim.agents.perception.dismissal_risk` and
every :mod:`sim.agents.rules` function they call. :class:`IdiomaticFirm` is a ``mesa.Model`` whose
:meth:`~IdiomaticFirm.step` is ``self.agents.shuffle_do("step")``.

What it covers, and so what its rate means:

- **Phase 3 only**: the per-person rules, the part a Mesa user would put in ``Agent.step``. The
  firm is built from an :class:`sim.OrgModel` at one month (:meth:`IdiomaticFirm.from_orgmodel`,
  after :func:`month_before_perception`), and everything firm-level is taken from that month and
  held fixed: the firm-wide climate and conditions, the market (:class:`~sim.agents.behaviour.World`),
  the aggregates people compare themselves with (:class:`~sim.agents.behaviour.Peers`: same-role
  peer ratios, neighbours' mood, links, client contribution and held revenue, which
  :func:`~sim.agents.behaviour.prepare` computes with bincounts over roles and ties, once a month
  outside the agents, as the vectorised engine does), the teams' supervision, cohesion and workload,
  and the per-person conditions management set that month. Later months draw new experience
  signals (``self.random.gauss``) but do not recompute any aggregate, and tenure does not advance.
  No work, separations, hiring, pay or metrics: phases 1, 2 and 4 to 7 and the culture drift that
  ends phase 3 (:func:`~sim.agents.behaviour.socialise`) are not here at all.
- So its employee-months per second are an **upper bound** on a full idiomatic Mesa model of the
  simulator, and the ratio ``vectorised / mesa_idiomatic`` in the throughput table is a **lower
  bound** on the vectorised engine's advantage: the vectorised row times the whole month (all seven
  phases), this one only the agents' part of phase 3.
- Month-level constants that the vectorised code computes once per call (normalised Herzberg
  weights, ``exp(-1 / memory)`` fades, the market's tightness, the share of hardship help) are
  computed once per month by the model (:meth:`IdiomaticFirm.month_constants`), not in every agent:
  again in the reference's favour.

The numbers are the vectorised engine's: ``tests/test_idiomatic.py`` checks, person by person,
that one idiomatic step gives every column ``behaviour.perceive`` writes to rtol 1e-9 (the
operations are done in the same order; ``math.exp`` and NumPy's ``exp`` may differ in the last
bit). ``per_agent`` (``OrgModel(engine="per_agent")``) stays the engine-level equivalence check;
it is not idiomatic (each agent calls the vectorised rules on a one-row slice).
"""

from __future__ import annotations

import math
from dataclasses import fields, replace

import mesa

from sim.agents import behaviour, perception
from sim.agents.climate import NEUTRAL
from sim.agents.psychology import DRIVERS, HYGIENE, MOTIVATORS, NEEDS
from sim.agents.stages import Phase, Stage

# the order of the lists the agent keeps (the rules below are written for exactly these)
assert NEEDS == ("physiological", "safety", "belonging", "esteem", "self_actualization")
assert HYGIENE == ("pay", "security", "supervision", "conditions", "policy", "relations")
assert MOTIVATORS == (
    "achievement",
    "recognition",
    "work_itself",
    "responsibility",
    "advancement",
    "growth",
)
assert DRIVERS == (
    "pay",
    "security",
    "supervision",
    "conditions",
    "belonging",
    "esteem",
    "growth",
    "equity",
    "commitment",
    "outside_option",
    "contagion",
    "fit",
    "personal",
)

MIN_OUTCOME = behaviour.MIN_OUTCOME
SENIORITY_HALF_MONTHS = perception.SENIORITY_HALF_MONTHS
NEUTRAL_TRANSPARENCY = NEUTRAL.transparency
NEUTRAL_ACCURACY = NEUTRAL.accuracy
COGNITION, EXPLORATION, EXPANSION, COMMITMENT, DISSOLUTION = (int(s) for s in Stage)
RECRUITMENT, STABLE, EXIT = (int(p) for p in Phase)
SQRT_HALF = math.sqrt(0.5)

# a person's own numbers, copied from their row (floats, ints and bools) ...
FLOATS = (
    "ability",
    "money_trait",
    "match_quality",
    "disposition",
    "roots",
    "skill",
    "income",
    "expected_raise",
    "wage_growth",
    "raise_shock",
    "recognition_shock",
    "match_belief",
    "hardship",
    "layoff_fear",
    "money_sensitivity",
    "fit",
    "security",
    "sacrifice",
    "hygiene_dissatisfaction",
    "motivator_satisfaction",
    "equity_internal",
    "equity_external",
    "inequity",
    "effort",
    "commitment",
    "embeddedness",
    "search",
    "intent",
    "hazard",
    "exposure",
    "contagion",
    "outside_option",
    "incentive",
    "hours",
    "defect_rate",
    "appraisals_per_year",
    "told",
    "process_untold",
    "rating_accuracy",
    "bottom_share",
    "rank_percentile",
    "retrain_fail",
    "guarantee_progress",
    "unvested_share",
    "owed_share",
    "withheld_share",
    "tenure",
    "paid",
)
INTS = ("stage", "phase", "piece_quality", "award", "attention", "level", "role", "team")
BOOLS = ("threatened", "guaranteed", "in_contest")
LISTS = ("needs", "drivers")
STATE = FLOATS + INTS + BOOLS + LISTS


def clamp(x: float, lo: float = 0.0, hi: float = 1.0) -> float:
    """``x`` kept in [lo, hi] (NumPy's ``clip`` of one number)."""
    return min(max(x, lo), hi)


def sigmoid(x: float) -> float:
    return 0.5 * (1.0 + math.tanh(0.5 * x))


class IdiomaticEmployee(mesa.Agent):
    """One person, with their own numbers as attributes, perceiving and reacting in ``step``."""

    def __init__(self, model: IdiomaticFirm, unique_id: int, **state):
        super().__init__(model)
        self.unique_id = unique_id  # the source model's id, so that rows and agents can be matched
        for name in STATE:
            setattr(self, name, state[name])

    def dismissal_risk(self) -> float:
        """Felt yearly risk of being dismissed under bottom-ranking elimination
        (``perception.dismissal_risk``)."""
        share = self.bottom_share
        if not share > 0:
            return 0.0
        p = self.model.psychology
        r = share
        if math.isfinite(self.rank_percentile):  # people who know their rank
            z = clamp((share - self.rank_percentile) / p.rank_certainty, -50.0, 50.0)
            r = 1.0 / (1.0 + math.exp(-z))
        r = min(1.0, r * (1.0 + p.opacity_anxiety * self.process_untold))
        if math.isfinite(self.retrain_fail):  # retraining first: only those who fail it go
            r = r * self.retrain_fail
        return 1.0 - (1.0 - r) ** max(self.appraisals_per_year, 0.0)

    def step(self) -> None:
        """Perceive and react: the rules of ``behaviour.perceive`` for this one person."""
        m = self.model
        p, c, cond, k = m.psychology, m.climate, m.conditions, m.constants
        uid = self.unique_id
        tenure = self.tenure
        role = self.role
        team = self.team
        paid = max(self.paid, MIN_OUTCOME)  # this month's pay: living costs, arrears
        income = max(self.income, MIN_OUTCOME)  # the year's pay: comparisons, offers
        effort = self.effort
        needs = self.needs

        # --- what differs between people: team, appraisal, risk, threats, sacrifice
        load = self.appraisals_per_year / 12.0
        risk = self.dismissal_risk()
        guaranteed = self.guaranteed
        security = (
            c.security
            - p.security_per_appraisal * load
            - p.fear_per_dismissal_risk * risk
            - p.security_per_threat * self.threatened
            + p.guarantee_security * guaranteed
            - self.layoff_fear
            - p.contest_security_loss * self.in_contest
            + p.attention_security * (self.attention > 0)
        ) * (1.0 - p.withheld_security * self.withheld_share)
        security = clamp(security)
        seniority = 0.5 * tenure / (tenure + SENIORITY_HALF_MONTHS)
        guarantee = 1.0 if guaranteed else 0.5 * min(self.guarantee_progress, 1.0)
        sacrifice = clamp(
            seniority
            + p.unvested_sacrifice * min(self.unvested_share, 1.0)
            + p.guarantee_sacrifice * guarantee
            + p.owed_sacrifice * self.owed_share
        )
        supervision = clamp(c.supervision + m.team_supervision[team])
        relations = clamp(c.relations + m.team_cohesion[team])
        conditions = clamp(c.conditions + m.team_workload[team] - p.stress_per_appraisal * load)
        transparency = clamp(
            p.transparency_when_untold
            + (1.0 - p.transparency_when_untold) * self.told
            + (c.transparency - NEUTRAL_TRANSPARENCY)
        )
        accuracy = clamp(self.rating_accuracy + (c.accuracy - NEUTRAL_ACCURACY))
        pressure = clamp(c.ranking_pressure + risk)

        # --- what the pay scheme and the job do to care over quality
        defects = self.defect_rate
        if self.piece_quality == 1:
            defects = defects + p.speed_over_quality
        elif self.piece_quality == 2:
            defects = defects * (1.0 - p.care_when_defects_unpaid)
        defects = defects * (1.0 - p.defects_per_enrichment * cond.job_enrichment)
        self.defect_rate = clamp(defects, 0.0, 0.95)

        # --- this month's awards, slights and attention: felt shocks that fade
        recognition_shock = self.recognition_shock
        if self.award > 0:
            recognition_shock += p.award_glow
        elif self.award < 0:
            recognition_shock += -p.award_envy
        if self.attention == 2:
            recognition_shock = min(recognition_shock + p.attention_recognition, 1.0)
        recognition_shock = clamp(recognition_shock, -1.0, 1.0)

        # --- the job's fit, learned month by month (Jovanovic 1979)
        experience = m.experience[uid] if m.experience is not None else self.random.gauss()
        precision = 1.0 / max(p.match_sd, 1e-9) ** 2 + (tenure + 1.0) / p.match_signal_sd**2
        gain = (1.0 / p.match_signal_sd**2) / precision
        signal = self.match_quality + p.match_signal_sd * experience
        belief = self.match_belief + gain * (signal - self.match_belief)

        # --- equity (Adams): against same-role peers and the market, softened by justice
        own_input = effort * self.ability * self.skill * self.hours * m.contribution[uid]
        perceived_input = max(own_input, 1e-6) * p.self_serving_bias
        e_int = math.log(max(income, 1e-9) / max(perceived_input, 1e-9)) - math.log(
            m.peer_ratio[role]
        )
        e_ext = math.log(max(income, 1e-9) / (m.market_pay[role] * math.sqrt(self.hours)))
        raise_shock = self.raise_shock
        shock = raise_shock + recognition_shock  # raises and cuts, awards, slights
        justice = (transparency + accuracy + c.voice) / 3.0
        inequity = (
            p.weight_internal_equity * max(-e_int, 0.0)
            + p.weight_external_equity * max(-e_ext, 0.0)
            + max(-shock, 0.0)
        ) * (1.0 - p.procedural_justice_weight * justice)

        # --- needs (Maslow): momentary inputs, then smoothing
        fit = self.fit
        recognition = clamp(c.recognition + shock)
        work_itself = clamp(c.work_itself + p.work_itself_per_fit * belief)
        real_pay = max(paid / m.cpi, 1e-9) / m.subsistence
        inputs = [
            clamp(math.log(real_pay) / math.log(p.pay_span)),
            clamp(security * k["arrears_security"] * k["outlook_security"]),
            clamp(
                (1 - p.belonging_fit_weight) * (relations + c.care + c.collective_life) / 3.0
                + p.belonging_fit_weight * fit * m.culture_strength * 2.0
            ),
            clamp((recognition + c.respect + (1.0 - min(inequity, 1.0))) / 3.0),
            clamp((work_itself + c.growth + c.advancement + c.voice) / 4.0),
        ]
        alpha = p.need_adaptation
        needs = [clamp(n + alpha * (x - n)) for n, x in zip(needs, inputs, strict=True)]
        # prepotency: only esteem's gate is read (effort), the product of the three below it
        threshold, width = p.gate_threshold, p.gate_width
        esteem_gate = sigmoid((needs[0] - threshold) / width)
        esteem_gate *= sigmoid((needs[1] - threshold) / width)
        esteem_gate *= sigmoid((needs[2] - threshold) / width)

        # --- Herzberg: hygiene factors feed dissatisfaction, motivators satisfaction
        disposition = self.disposition
        aspiration = p.hygiene_aspiration
        hygiene = (
            0.5 * needs[0] + 0.5 * clamp(aspiration + e_ext),
            needs[1],
            supervision,
            clamp(conditions - p.effort_cost * max(effort - 1.0, 0.0)),
            c.policy_admin,
            relations,
        )
        hygiene_parts = [
            max(aspiration - clamp(x + disposition), 0.0) * w
            for x, w in zip(hygiene, k["hygiene_weights"], strict=True)
        ]
        dissatisfaction = 0.0
        for part in hygiene_parts:  # left to right, as rules.row_sum (sum() compensates)
            dissatisfaction += part
        motivators = (
            clamp(self.skill * (1.0 - self.defect_rate)),
            recognition,
            work_itself,
            clamp(c.voice + 0.2 * self.level),
            c.advancement,
            c.growth,
        )
        satisfaction = 0.0
        for x, w in zip(motivators, k["motivator_weights"], strict=True):
            satisfaction += clamp(x + disposition) * w
        satisfaction = clamp(satisfaction)

        # --- effort
        sensitivity = self.money_trait * clamp(
            1.0 + p.money_need_slope * (0.5 - 0.5 * (needs[0] + needs[1])), 0.2, 2.0
        )
        target = clamp(
            p.effort_base
            + p.effort_incentive * self.incentive * sensitivity
            + p.effort_satisfaction * satisfaction * esteem_gate
            - p.effort_inequity * inequity
            - p.effort_dissatisfaction * dissatisfaction
            + p.effort_pressure * pressure,
            p.effort_min,
            p.effort_max,
        )
        effort = effort + p.effort_adjustment * (target - effort)

        # --- commitment, embeddedness
        culture = m.culture_strength
        commitment_target = clamp(
            0.5
            + p.commitment_attitude_weight * (satisfaction - dissatisfaction)
            + p.commitment_fit_weight * (fit - 0.5) * 2.0 * culture
            + p.commitment_vision_weight * (m.vision - 0.5)
        )
        commitment = self.commitment
        commitment = commitment + p.commitment_adaptation * (commitment_target - commitment)
        embedded = clamp(
            (
                p.embeddedness_links_weight * m.links[uid]
                + p.embeddedness_fit_weight * fit
                + p.embeddedness_sacrifice_weight * sacrifice
                + p.roots_weight * self.roots
            )
            / k["embeddedness_weights"]
        )

        # --- the best outside offer for this person against own pay
        offer = m.market_pay[role] * self.ability**p.offer_ability_elasticity
        offer = offer + k["client_offer"] * m.held_revenue[uid]
        gap = math.log(offer / income)

        # --- leaving: the push to search, the offers that arrive, whether one is taken
        contagion = min(self.exposure, 1.0) + p.mood_weight * m.neighbour_mood[uid]
        hardship = (self.hardship > 0) * k["hardship_unhelped"]
        b_d, b_m = p.quit_hygiene, p.quit_motivator
        parts = [
            b_d * hygiene_parts[0],  # pay
            b_d * hygiene_parts[1],  # security
            b_d * hygiene_parts[2],  # supervision
            b_d * (hygiene_parts[3] + hygiene_parts[4]),  # conditions, policy and administration
            b_d * hygiene_parts[5] + b_m * (1.0 - needs[2]),  # belonging
            b_m * (1.0 - needs[3]),  # esteem
            b_m * (1.0 - needs[4]),  # growth
            p.quit_inequity * inequity,  # equity
            p.quit_commitment * (1.0 - commitment) + p.quit_embeddedness * (1.0 - embedded),
            0.0,  # outside_option: the pull of an offer, filled in below
            p.quit_contagion * contagion,  # contagion
            p.quit_mismatch * max(-belief, 0.0),  # fit
            p.quit_hardship * hardship,  # personal
        ]
        push = 0.0
        for part in parts:
            push += part
        search = sigmoid(push - p.search_threshold) * -math.expm1(-tenure / p.settling_months)
        arrivals = (search * p.offer_rate + (1.0 - search) * p.unsolicited_offer_rate) * k[
            "tightness"
        ]
        z = (gap - p.mobility_cost - p.sacrifice_attachment * sacrifice) / p.offer_value_spread
        accepted = 0.5 * math.erfc(-z * SQRT_HALF)  # the normal CDF
        hazard = min(arrivals * accepted, 1.0)
        parts[9] = max(gap, 0.0) / p.offer_value_spread
        total = 0.0
        for part in parts:
            total += part
        total = max(total, 1e-12)
        # a personal event may end the job whatever the job (Lee & Mitchell path 1)
        intent = -math.expm1(-12.0 * (hazard + k["life"]))

        # --- the relationship's stage, with hysteresis on dissolution, and the phase
        if tenure < p.cognition_months:
            stage = COGNITION
        elif tenure < p.exploration_months:
            stage = EXPLORATION
        elif commitment >= p.commitment_stage_level:
            stage = COMMITMENT
        else:
            stage = EXPANSION
        if intent >= p.non_renewal_intent or (
            self.stage == DISSOLUTION and intent >= p.recovery_intent
        ):
            stage = DISSOLUTION
        if stage == DISSOLUTION:
            phase = EXIT
        elif tenure < p.cognition_months:
            phase = RECRUITMENT
        else:
            phase = STABLE

        # --- what the person now holds
        self.needs = needs
        self.security = security
        self.sacrifice = sacrifice
        self.match_belief = belief
        self.equity_internal = e_int
        self.equity_external = e_ext
        self.inequity = inequity
        self.hygiene_dissatisfaction = dissatisfaction
        self.motivator_satisfaction = satisfaction
        self.money_sensitivity = sensitivity
        self.effort = effort
        self.commitment = commitment
        self.embeddedness = embedded
        self.outside_option = gap
        self.contagion = contagion
        self.search = search
        self.hazard = hazard
        self.intent = intent
        self.drivers = [part / total for part in parts]
        self.stage = stage
        self.phase = phase
        learned = 1.0 - (1.0 - p.skill_start) * math.exp(-tenure / p.skill_learning_months)
        self.skill = max(self.skill, min(1.0, learned))
        self.raise_shock = raise_shock * k["raise_fade"]
        self.recognition_shock = recognition_shock * k["raise_fade"]
        self.layoff_fear *= k["fear_fade"]
        self.hardship = max(self.hardship - 1.0, 0.0)
        self.wage_growth *= 1.0 - 1.0 / 12.0
        w = p.own_raise_weight
        seen = max(m.inflation, w * self.wage_growth + (1.0 - w) * m.market_growth)
        self.expected_raise += (seen - self.expected_raise) / p.expectation_months


def _plain(obj):
    """A copy of a Conditions or Climate dataclass with every field a plain Python number."""
    return replace(obj, **{f.name: type(f.default)(getattr(obj, f.name)) for f in fields(obj)})


class IdiomaticFirm(mesa.Model):
    """The firm of one month, its people as :class:`IdiomaticEmployee` agents (phase 3 only; see
    the module docstring for what is held fixed)."""

    def __init__(
        self,
        psychology,
        world: behaviour.World,
        peers: behaviour.Peers,
        people: list[dict],
        experience: list[float] | None = None,
        seed: int | None = None,
    ):
        """``people``: one dict per person (``unique_id`` and every name in :data:`STATE`);
        ``peers`` and ``experience`` are indexed like ``people``."""
        super().__init__(rng=seed)
        self.psychology = psychology
        # what people see of the firm and the market this month, as plain Python numbers
        self.climate = _plain(world.climate)
        self.conditions = _plain(world.conditions)
        self.cpi = float(world.cpi)
        self.subsistence = float(world.subsistence)
        self.shortage = float(world.shortage)
        self.market_pay = [float(x) for x in world.market_pay]
        self.market_growth = float(world.market_growth)
        self.inflation = float(world.inflation)
        self.arrears = float(world.arrears)
        self.outlook = float(world.outlook)
        self.culture_strength = float(world.culture_strength)
        self.vision = float(world.vision)
        self.follow_probability = float(world.follow_probability)
        self.team_supervision = [float(x) for x in world.team_supervision]
        self.team_cohesion = [float(x) for x in world.team_cohesion]
        self.team_workload = [float(x) for x in world.team_workload]
        # whom they compare themselves with: per role, and per person (by unique_id)
        uids = [person["unique_id"] for person in people]
        self.peer_ratio = [float(x) for x in peers.peer_ratio]
        self.hygiene_weights = [float(x) for x in peers.hygiene_weights]
        self.motivator_weights = [float(x) for x in peers.motivator_weights]
        self.contribution = dict(zip(uids, map(float, peers.contribution), strict=True))
        self.held_revenue = dict(zip(uids, map(float, peers.held_revenue), strict=True))
        self.neighbour_mood = dict(zip(uids, map(float, peers.neighbour_mood), strict=True))
        self.links = dict(zip(uids, map(float, peers.links), strict=True))
        # this month's experience of the job, one draw each (later months: the agents draw)
        self.experience = (
            None if experience is None else dict(zip(uids, map(float, experience), strict=True))
        )
        self.constants = self.month_constants()
        for person in people:
            IdiomaticEmployee(self, **person)

    @classmethod
    def from_orgmodel(cls, org, seed: int | None = None) -> IdiomaticFirm:
        """The firm of ``org``'s current month, ready for phase 3's rules: ``org`` must be where
        :func:`month_before_perception` leaves it (``org.world``, ``org.peers`` and ``org.draws``
        of this month, for its live rows). ``org`` is not changed."""
        ws, n = org.workforce, org.workforce.n
        if org.draws is None or len(org.draws.experience) != n or len(org.peers.links) != n:
            raise ValueError("from_orgmodel: call month_before_perception(org) first")
        columns = {name: ws.live(name).tolist() for name in STATE}
        uids = ws.live("uid").tolist()
        people = [
            {"unique_id": uid, **{name: columns[name][i] for name in STATE}}
            for i, uid in enumerate(uids)
        ]
        return cls(org.psychology, org.world, org.peers, people, org.draws.experience, seed=seed)

    def month_constants(self) -> dict[str, float]:
        """What is the same for everyone this month (the vectorised rules compute these once per
        call too): normalised Herzberg weights, fades, the market's tightness, help in hardship."""
        p, cond = self.psychology, self.conditions
        total = 0.0
        for w in self.hygiene_weights:
            total += w
        hygiene = [(w / total) / p.hygiene_aspiration for w in self.hygiene_weights]
        total = 0.0
        for w in self.motivator_weights:
            total += w
        motivator = [w / total for w in self.motivator_weights]
        unhelped = 1.0 - p.help_keeps * cond.hardship_help
        return {
            "hygiene_weights": hygiene,
            "motivator_weights": motivator,
            "arrears_security": 1.0 - 0.5 * self.arrears,
            "outlook_security": 1.0 - p.outlook_security_weight * (1.0 - self.outlook),
            "embeddedness_weights": (
                p.embeddedness_links_weight
                + p.embeddedness_fit_weight
                + p.embeddedness_sacrifice_weight
                + p.roots_weight
            ),
            "client_offer": (
                p.client_offer_premium * self.follow_probability * (1.0 - cond.client_ownership)
            ),
            "hardship_unhelped": unhelped,
            "tightness": (1.0 - self.shortage) ** -p.offer_tightness_elasticity,
            "life": p.life_shock_rate * p.life_exit_share * unhelped,
            "raise_fade": math.exp(-1.0 / p.raise_memory),
            "fear_fade": math.exp(-1.0 / p.survivor_memory_months),
        }

    def step(self) -> None:
        """Every person perceives and reacts, in random order (Mesa's ``shuffle_do``)."""
        self.agents.shuffle_do("step")
        self.experience = None  # next month, each agent draws its own


# --- from an OrgModel to the inputs of phase 3 (what OrgModel.step does before the rules) ---------


def advance_to_perception(org) -> None:
    """Phases 1 and 2 of ``org``'s next month, as :meth:`sim.OrgModel.step` runs them: the month
    opens, the environment moves, management and the policies set the month's conditions."""
    from sim import metrics

    org.month += 1
    org.flows = metrics.Flows()
    org.finance.open_month()
    org.environment()
    org.manage()


def perception_inputs(org) -> None:
    """The first lines of :meth:`sim.OrgModel.perceive`: the firm-wide climate of the month's
    conditions, the :class:`~sim.agents.behaviour.World`, the
    :class:`~sim.agents.behaviour.Peers` (firm-level aggregates) and the month's experience
    draws, set on ``org`` as its ``world``, ``peers`` and ``draws``."""
    perception.firm_climate(org.conditions, org.psychology, org.climate)
    world = org._world()
    org.world, org.peers = world, org._compare(world)
    org.draws = behaviour.Draws(experience=org.rng.standard_normal(org.workforce.n))


def month_before_perception(org) -> None:
    """``org``'s next month up to the rules of phase 3 (:func:`advance_to_perception`, then
    :func:`perception_inputs`): what is left of the month is ``behaviour.perceive`` on every row,
    then the rest of :meth:`sim.OrgModel.perceive` and phases 4 to 7."""
    advance_to_perception(org)
    perception_inputs(org)
