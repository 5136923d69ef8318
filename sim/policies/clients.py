"""Who owns the client relationships: the salesperson, the firm, or whoever grabs them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from sim.params import Spec, choice, param
from sim.policies.base import Policy, register

if TYPE_CHECKING:  # pragma: no cover
    from sim.org.management import Management


@register
class ClientOwnership(Policy):
    """How client relationships are held: contested among salespeople, personal, or owned by the firm.

    - ``contested``: salespeople fight over clients and disparage each other while managers look on
      (source document: Shengyi). Clients stay personal, so they follow a departing holder, and
      the colleagues grab those who do not.
    - ``personal``: each holder keeps their own clients (the no-policy default); the clients who
      do not follow a leaver are kept by the firm for the leaver's successor.
    - ``firm``: shared accounts and team selling make the firm the client's partner: the share
      ``firm_share`` of the relationship is the firm's, so fewer clients follow a leaver
      (``follow_probability * (1 - firm_share)``), a rival pays less for what a salesperson could
      bring, and the successor inherits the rest.
    The rivalry of contested books and the cooperation of shared ones are the psychology's
    (``relations_per_contest``, ``relations_per_shared_accounts``).

    Source: source document (Shengyi: everyone holds clients of their own, 80% of clients with 6-7
    people, who take the core clients when they leave); the reform is the document's "ERM as the
    base of CRM": client relationships kept by the organisation, not by individuals.
    """

    name = "client_ownership"
    family = "clients"
    title_zh = "客户归属（客户资源公司化）"
    summary_zh = "客户关系由谁掌握：销售人员相互争抢、归个人所有，还是归公司所有。"

    class Params(Spec):
        mode: Literal["contested", "personal", "firm"] = choice(
            "personal",
            "who holds client relationships",
            label_zh="客户归属方式",
            doc_zh="客户关系由谁掌握",
            options_zh={
                "contested": "销售人员争抢客户",
                "personal": "归个人所有",
                "firm": "归公司所有",
            },
        )
        firm_share: float = param(
            0.7,
            0.0,
            1.0,
            unit="share",
            doc="share of each client relationship the firm owns under firm ownership",
            source="assumed: team selling with shared accounts",
            label_zh="公司拥有的客户关系比例",
            doc_zh="客户归公司所有时，每个客户关系中属于公司的部分",
        )

    def act(self, mgmt: Management):
        p = self.params
        if p.mode == "contested":
            mgmt.set("client_contest", 1.0)
        elif p.mode == "firm":
            mgmt.set("client_ownership", max(mgmt.conditions.client_ownership, p.firm_share))
            mgmt.set("shared_accounts", 1.0)
