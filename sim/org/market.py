"""The outside world: cost of living, market wages, demand and the labour market."""

from __future__ import annotations

import numpy as np


class LabourMarket:
    """Outside wage by role, cost of living, demand, shortage and months to fill a vacancy."""

    def __init__(self, spec, market_wages: np.ndarray):
        self.spec = spec
        self.cpi = 1.0  # cost-of-living index, 1 at month 0
        self.wage_index = 1.0  # market wage level, 1 at month 0
        self.base_market_wages = np.asarray(market_wages, dtype=float)
        self.inflation_annual = spec.inflation_annual
        self.wage_growth_annual = spec.market_wage_growth_annual
        self.shortage = spec.shortage
        self.months_to_fill = spec.months_to_fill
        self.demand = spec.demand
        self.subsistence = spec.subsistence_wage

    def rewind(self, months: int) -> None:
        """Start ``months`` before month 0, so that prices and the market's wages reach the
        scenario's figures at month 0."""
        self.cpi = (1.0 + self.inflation_annual) ** (-months / 12.0)
        self.wage_index = (1.0 + self.wage_growth_annual) ** (-months / 12.0)

    def advance_month(self) -> None:
        self.cpi *= (1.0 + self.inflation_annual) ** (1.0 / 12.0)
        self.wage_index *= (1.0 + self.wage_growth_annual) ** (1.0 / 12.0)

    @property
    def market_wages(self) -> np.ndarray:
        """Current market wage of every role (currency/month)."""
        return self.base_market_wages * self.wage_index

    def fill_probability(self) -> float:
        """Chance a vacancy is filled this month: ``(1 - shortage) / months_to_fill``, at most 1."""
        return float(min(1.0, (1.0 - self.shortage) / self.months_to_fill))

    def hire_ages(self, rng, size: int) -> np.ndarray:
        """Ages of the people hired: normal, clipped to 18 and a year below retirement."""
        spec = self.spec
        drawn = rng.normal(spec.hire_age_mean, spec.hire_age_sd, size)
        return np.clip(drawn, 18.0, spec.retirement_age - 1.0)

    def applicant_ability(
        self, rng, size: int, incentive: float, pay_premium: float, psychology
    ) -> np.ndarray:
        """Applicants' ability: lognormal, shifted up by the role's incentive strength and pay premium
        (sorting: able people apply where ability is paid)."""
        mu = (
            psychology.applicant_incentive_sorting * (incentive - 0.1)
            + psychology.applicant_pay_sorting * pay_premium
            - 0.5 * self.spec.applicant_ability_sd**2
        )
        return rng.lognormal(mu, self.spec.applicant_ability_sd, size)
