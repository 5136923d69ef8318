"""Who owns the client relationships: the salesperson, the firm, or whoever grabs them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from sim.params import Spec, param
from sim.policies.base import Policy, register

if TYPE_CHECKING:  # pragma: no cover
    from sim.org.management import Management


@register
class ClientOwnership(Policy):
    """How client relationships are held: contested among salespeople, personal, or owned by the firm.

    - ``contested``: salespeople fight over clients and disparage each other while managers look on
      (source document: Shengyi). Relations among colleagues fall by ``rivalry``; clients stay
      personal, so they follow a departing holder.
    - ``personal``: each holder keeps their own clients (the no-policy default).
    - ``firm``: shared accounts and team selling make the firm the client's partner: the share
      ``firm_share`` of the relationship is the firm's, so fewer clients follow a leaver
      (``follow_probability * (1 - firm_share)``) and a rival pays less for what a salesperson
      could bring; colleagues cooperate (relations rise by ``cooperation``).

    Source: source document (Shengyi: everyone holds clients of their own, 80% of clients with 6-7
    people, who take the core clients when they leave); the reform is the document's "ERM as the
    base of CRM": client relationships kept by the organisation, not by individuals.
    """

    name = "client_ownership"
    family = "clients"
    title_zh = "客户归属（客户资源公司化）"

    class Params(Spec):
        mode: Literal["contested", "personal", "firm"] = Field(
            "personal", description="who holds client relationships"
        )
        rivalry: float = param(
            0.3,
            0.0,
            1.0,
            unit="relations",
            doc="fall in relations among colleagues when clients are contested",
            source="assumed: open rivalry undoes most of an ordinary firm's collegiality",
        )
        firm_share: float = param(
            0.7,
            0.0,
            1.0,
            unit="share",
            doc="share of each client relationship the firm owns under firm ownership",
            source="assumed: team selling with shared accounts",
        )
        cooperation: float = param(
            0.1,
            0.0,
            0.5,
            unit="relations",
            doc="rise in relations among colleagues when clients are shared",
            source="assumed",
        )

    def act(self, mgmt: Management):
        p = self.params
        if p.mode == "contested":
            mgmt.shift("relations", -p.rivalry)
        elif p.mode == "firm":
            mgmt.raise_to("client_ownership", p.firm_share)
            mgmt.shift("relations", p.cooperation)
