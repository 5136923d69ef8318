"""Clients: owned by employees who hold clients, Pareto-concentrated, kept by service.

Arrays indexed by client: ``owner`` (a workforce row, or -1 for a house account the firm owns)
and ``value`` (monthly revenue). Dual satisfaction: a client's churn depends on the service its
holder gives.
"""

from __future__ import annotations

import numpy as np

from sim.agents import rules


def pareto_shape(top_share: float) -> float:
    """Pareto tail index whose top 20% hold ``top_share``: ``0.2 ** (1 - 1/a) = top_share``."""
    exponent = np.log(top_share) / np.log(0.2)  # = 1 - 1/a
    return 1.0 / max(1.0 - exponent, 1e-6)


class ClientBook:
    def __init__(self):
        self.owner = np.zeros(0, dtype=np.int64)
        self.value = np.zeros(0)

    @property
    def count(self) -> int:
        return int(self.owner.size)

    def populate(self, rng, spec, holder_rows: np.ndarray, holder_weight: np.ndarray):
        """Deal ``spec.count`` clients to holders with Pareto-distributed shares."""
        count = spec.count
        self.value = spec.revenue_per_client * rng.lognormal(
            -0.5 * spec.value_spread**2, spec.value_spread, count
        )
        if holder_rows.size == 0:
            self.owner = np.full(count, -1, dtype=np.int64)
            return
        if spec.key_holders is not None and spec.key_holders < holder_rows.size:
            # a few key people hold key_share of the clients, the rest share what is left
            pick = holder_weight / holder_weight.sum()
            key = rng.choice(holder_rows.size, size=spec.key_holders, replace=False, p=pick)
            is_key = np.zeros(holder_rows.size, dtype=bool)
            is_key[key] = True
            share = np.where(
                is_key, spec.key_share / spec.key_holders, (1.0 - spec.key_share) / (~is_key).sum()
            )
            share = (
                share
                * rng.lognormal(0.0, 0.3, holder_rows.size)
                * np.where(is_key, 1.0, holder_weight)
            )
        else:
            # Pareto shares at evenly spaced quantiles (so the top 20% hold about ``concentration``),
            # dealt to holders in random order and weighted by their role
            a = pareto_shape(spec.concentration)
            quantiles = (np.arange(holder_rows.size) + 0.5) / holder_rows.size
            share = rng.permutation((1.0 - quantiles) ** (-1.0 / a)) * holder_weight
        share = share / share.sum()
        self.owner = holder_rows[rng.choice(holder_rows.size, size=count, p=share)]

    def held(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        """Clients and client revenue held by each row."""
        own = self.owner >= 0
        counts = np.bincount(self.owner[own], minlength=n)[:n]
        revenue = np.bincount(self.owner[own], weights=self.value[own], minlength=n)[:n]
        return counts, revenue

    def churn(self, rng, service: np.ndarray, base_churn: float, sensitivity: float) -> int:
        """Lose clients according to their holder's service; house accounts get neutral service."""
        if self.count == 0:
            return 0
        s = np.full(self.count, 0.5)
        own = self.owner >= 0
        s[own] = service[self.owner[own]]
        lost = rng.random(self.count) < rules.client_churn(s, base_churn, sensitivity)
        self._drop(lost)
        return int(lost.sum())

    def acquire(
        self, rng, holder_rows: np.ndarray, rate: np.ndarray, spec, demand: float, market: float
    ) -> int:
        """Holders win new clients: Poisson(acquisition * effort * skill * demand * room in the
        market), where the room is ``1 - clients / market size`` (a finite market)."""
        if holder_rows.size == 0:
            return 0
        room = max(1.0 - self.count / market, 0.0)
        wins = rng.poisson(np.maximum(rate, 0.0) * demand * room)
        total = int(wins.sum())
        if total:
            self.owner = np.concatenate([self.owner, np.repeat(holder_rows, wins)])
            new_value = spec.revenue_per_client * rng.lognormal(
                -0.5 * spec.value_spread**2, spec.value_spread, total
            )
            self.value = np.concatenate([self.value, new_value])
        return total

    def depart(
        self, rng, leavers: np.ndarray, follow_probability: float, heirs: np.ndarray
    ) -> dict[int, int]:
        """Clients of leavers follow them with ``follow_probability``; the rest go to random heirs
        (rows that hold clients and stay) or become house accounts. Returns clients taken per leaver."""
        if self.count == 0 or leavers.size == 0:
            return {}
        is_leaver = np.zeros(
            max(int(self.owner.max(initial=0)), int(leavers.max())) + 1, dtype=bool
        )
        is_leaver[leavers] = True
        affected = (self.owner >= 0) & is_leaver[np.maximum(self.owner, 0)]
        idx = np.flatnonzero(affected)
        follow = rng.random(idx.size) < follow_probability
        taken = np.bincount(self.owner[idx[follow]], minlength=is_leaver.size)
        stay = idx[~follow]
        if heirs.size:
            self.owner[stay] = heirs[rng.integers(0, heirs.size, stay.size)]
        else:
            self.owner[stay] = -1
        gone = np.zeros(self.count, dtype=bool)
        gone[idx[follow]] = True
        self._drop(gone)
        return {int(r): int(taken[r]) for r in leavers if taken[r] > 0}

    def inherit(self, rng, newcomers: np.ndarray, most_each: float) -> int:
        """Newcomers who hold clients take over the house accounts the firm kept for a
        successor, at most ``most_each`` each, in random order. Returns the accounts passed on."""
        house = np.flatnonzero(self.owner < 0)
        if house.size == 0 or newcomers.size == 0:
            return 0
        take = min(house.size, int(most_each * newcomers.size))
        if take == 0:
            return 0
        chosen = rng.permutation(house)[:take]
        self.owner[chosen] = newcomers[np.arange(take) % newcomers.size]
        return take

    def remap(self, mapping: np.ndarray):
        own = self.owner >= 0
        self.owner[own] = mapping[self.owner[own]]

    def _drop(self, mask: np.ndarray):
        if mask.any():
            keep = ~mask
            self.owner, self.value = self.owner[keep], self.value[keep]
