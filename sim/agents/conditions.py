"""Conditions: what management does this month, as facts that people can observe.

A policy never sets how something feels. It sets conditions: how often people are appraised and
what they are told, who may be dismissed, whether the boss threatens to withhold wages, how much is
spent on shared activities, who pays for the bus home. The psychology (:mod:`sim.agents.perception`)
turns conditions into perceived factors with response parameters that are the same in every
scenario (``sim.agents.psychology.Psychology``).

Firm-wide conditions live here; conditions that differ between people (pay, hours, the appraisal
each person is under, a guarantee, a threat) are columns of the workforce in the ``condition``
group (:mod:`sim.agents.state`). The firm-wide ones are reset every month, in phase 2, to the
values below, which describe an ordinary firm, and so are most per-person ones
(:func:`sim.agents.behaviour.reset_conditions`; a wage, a rating, retraining and a level persist);
policies then set them through management's verbs.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass
class Conditions:
    """Firm-wide conditions of one month. Every default describes an ordinary firm."""

    # --- leadership and supervision ---
    participation: float = (
        0.5  # share of decisions staff take part in: 0 only the boss speaks, 1 all
    )
    threats: bool = False  # impossible demands backed by threats to withhold wages
    walking_around: float = 0.0  # share of managers' time spent on the floor, listening
    mentoring: float = 0.0  # share of managers who coach rather than command
    criticism: float = 0.0  # how often mistakes are criticised in public (0 never, 1 always)
    fine_share: float = 0.0  # share of each role fined each month for the worst results
    demotion_share: float = 0.0  # share of each role demoted at each demotion round
    listening_reach: float = 0.0  # share of informal leaders management talks with each month
    open_contest: bool = False  # posts are being contested in the open this month
    management_competence: float = (
        0.0  # log-ratio of managers' competence to what it was (contests)
    )
    new_managers: float = 0.0  # share of managers hired since the old ones were replaced
    # --- rules and administration ---
    decisions_explained: bool = False  # major decisions are explained before they take effect
    culture_programme: float = 0.0  # intensity of teaching right and wrong through stories (0..1)
    quality_system: float = 0.0  # share of production under a step-by-step quality audit
    departments_merged: float = 0.0  # share of departments removed by the last merger
    months_since_reorganisation: float = 1e9  # months since the last merger of departments
    # --- relations among colleagues ---
    client_contest: float = 0.0  # share of client relationships colleagues may take from each other
    shared_accounts: float = 0.0  # share of client relationships the firm owns (team selling)
    commission_share: float = 0.0  # share of the workforce paid a personal commission
    activity_spend: float = 0.0  # spent on shared activities per person and month, per unit of wage
    # --- care and respect ---
    hardship_help: float = 0.0  # share of staff's hardships managers notice and help with
    equal_treatment: float = 0.0  # -1: privileges of rank on display; 0 ordinary; 1 none at all
    # --- recognition, work, growth ---
    praise_all: bool = False  # everyone who does well is praised (universal recognition)
    job_enrichment: float = 0.0  # variety, autonomy and whole tasks added to jobs (0..1)
    extra_ladders: float = 0.0  # career ladders beyond the managerial one, times the share covered
    promotion_open: float = 0.0  # share of promotions decided by open competition
    promotion_appointed: float = 0.0  # share of promotions decided by appointment
    training_share: float = 0.0  # share of the workforce in training this month
    pay_bands: float = 0.0  # share of the workforce with several pay levels within its post
    # --- culture and vision ---
    socialisation_programme: float = 0.0  # intensity of teaching the firm's values (0..1)
    onboarding_months: int = 0  # newcomers are taught the values for this many months
    vision_review: bool = False  # the shared vision is reviewed with staff this month
    crisis_meeting: bool = False  # management discusses a crisis with staff this month
    # --- security ---
    guarantee_share: float = 0.0  # share of the workforce covered by a no-layoff guarantee
    # --- clients ---
    client_ownership: float = 0.0  # share of a leaver's client relationships the firm keeps

    def reset(self) -> None:
        for f in fields(self):
            setattr(self, f.name, f.default)


ORDINARY = Conditions()
