"""The social network: teams plus ties, with informal leaders.

Teams are a column of the workforce (``team``); ties beyond the team are a directed edge list in
row space (each tie stored both ways), remapped when rows move. Contagion sums over edges with
``np.bincount``, so a month costs O(edges).
"""

from __future__ import annotations

import numpy as np


class SocialNetwork:
    def __init__(self):
        self.src = np.zeros(0, dtype=np.int64)
        self.dst = np.zeros(0, dtype=np.int64)

    def add_ties(
        self,
        rng,
        new_rows: np.ndarray,
        n: int,
        department: np.ndarray,
        ties_per_person: float,
        leader: np.ndarray,
    ):
        """Tie each new row to existing people: half within its department, half anywhere.
        Informal leaders get three times as many ties."""
        if n <= 1 or ties_per_person <= 0 or new_rows.size == 0:
            return
        k = rng.poisson(ties_per_person / 2.0 * np.where(leader[new_rows], 3.0, 1.0))
        total = int(k.sum())
        if total == 0:
            return
        src = np.repeat(new_rows, k)
        dst = rng.integers(0, n, size=total)
        # half the ties stay within the department: redraw those among same-department rows
        same_dept = rng.random(total) < 0.5
        if same_dept.any():
            order = np.argsort(department[:n], kind="stable")
            dept_sorted = department[:n][order]
            want = department[src[same_dept]]
            lo = np.searchsorted(dept_sorted, want, side="left")
            hi = np.searchsorted(dept_sorted, want, side="right")
            pick = lo + (rng.random(same_dept.sum()) * (hi - lo)).astype(np.int64)
            dst[same_dept] = order[np.minimum(pick, n - 1)]
        keep = dst != src
        src, dst = src[keep], dst[keep]
        self.src = np.concatenate([self.src, src, dst])
        self.dst = np.concatenate([self.dst, dst, src])

    def remap(self, mapping: np.ndarray):
        """Follow rows that moved; drop ties of people who left."""
        if self.src.size == 0:
            return
        src, dst = mapping[self.src], mapping[self.dst]
        keep = (src >= 0) & (dst >= 0)
        self.src, self.dst = src[keep], dst[keep]

    def degree(self, n: int) -> np.ndarray:
        return np.bincount(self.src, minlength=n)[:n].astype(float)

    def neighbour_mean(self, values: np.ndarray, weights: np.ndarray, n: int) -> np.ndarray:
        """Weighted mean of ``values`` over each row's ties (0 where a row has none)."""
        if self.src.size == 0:
            return np.zeros(n)
        w = weights[self.dst]
        num = np.bincount(self.src, weights=w * values[self.dst], minlength=n)[:n]
        den = np.bincount(self.src, weights=w, minlength=n)[:n]
        return np.divide(num, den, out=np.zeros(n), where=den > 0)

    def exposure_to(self, leavers: np.ndarray, weights: np.ndarray, n_before: int) -> np.ndarray:
        """Each row's exposure to the leavers through ties: ``sum_{j in leavers} w_j / degree_i``."""
        if self.src.size == 0 or leavers.size == 0:
            return np.zeros(n_before)
        is_leaver = np.zeros(n_before, dtype=bool)
        is_leaver[leavers] = True
        hit = is_leaver[self.dst]
        num = np.bincount(self.src[hit], weights=weights[self.dst[hit]], minlength=n_before)[
            :n_before
        ]
        deg = np.bincount(self.src, minlength=n_before)[:n_before]
        return np.divide(num, deg, out=np.zeros(n_before), where=deg > 0)
