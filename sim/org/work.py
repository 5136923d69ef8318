"""Phase 4: work (output, service, clients kept, lost and won, revenue)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from sim.agents import rules

if TYPE_CHECKING:  # pragma: no cover
    from sim.model import OrgModel


def work(model: OrgModel) -> None:
    """Output and quality, service to clients, clients kept, lost and won, revenue."""
    ws, n, p, labour = model.workforce, model.workforce.n, model.psychology, model.labour
    m = model.finance.month
    ws.tenure[:n] += 1.0
    ws.age[:n] += 1.0 / 12.0
    ws.output[:n] = rules.output(
        ws.ability[:n], ws.skill[:n], ws.effort[:n], ws.hours[:n], ws.defect_rate[:n]
    )
    value = model.firm.roles.output_value[ws.role[:n]]
    m.output_revenue = float(np.dot(value, ws.output[:n])) * labour.demand
    m.materials = model.firm.material_share * m.output_revenue
    m.overhead = model.firm.overhead + model.spec.finances.overhead_per_employee * n
    # clients: dual satisfaction — service follows the holder's effort and attitude
    service = rules.service_quality(
        ws.effort[:n], ws.motivator_satisfaction[:n], ws.hygiene_dissatisfaction[:n]
    )
    spec = model.spec.clients
    model.flows.clients_churned = model.clients.churn(
        model.rng, service, spec.base_churn, p.service_churn_sensitivity
    )
    holders = np.flatnonzero(model.firm.roles.holds_clients[ws.role[:n]])
    room = np.maximum(1.0 - ws.clients[holders] / spec.capacity_per_holder, 0.0)
    rate = (
        spec.acquisition_per_holder
        * ws.effort[holders]
        * ws.skill[holders]
        * ws.hours[holders]
        * room
    )
    model.flows.clients_won = model.clients.acquire(
        model.rng, holders, rate, spec, labour.demand, model.market_size
    )
    m.client_revenue = float(model.clients.value.sum()) * labour.demand
    m.revenue = m.client_revenue + m.output_revenue
