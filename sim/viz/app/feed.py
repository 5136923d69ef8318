"""The event feed of the classroom app: what happened each month, in plain words.

A :class:`FeedItem` keeps one line of the feed as data (an exit with its recorded drivers and the
clients who followed the leaver, the month's hires by role, any other event), so that the page can
say it in either language (``sim.viz.i18n`` holds the sentences). :class:`Feed` reads a model's
event log month by month; :func:`describe_event` gives the sentence of one event row for the
exported CSV.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from sim.org.exits import EXIT_KINDS
from sim.viz import i18n

if TYPE_CHECKING:
    from sim.model import OrgModel

FEED_KEEP = 400  # sentences kept per arm


@dataclass(frozen=True)
class FeedItem:
    """One line of the feed, kept as data so that it can be said in either language."""

    month: int
    kind: str
    role: str = ""
    uid: int | None = None
    tenure: float = 0.0
    drivers: tuple[tuple[str, float], ...] = ()
    clients: int = 0
    leader: bool = False
    hires: tuple[tuple[str, int], ...] = ()

    def text(self, lang: str) -> str:
        if self.kind in i18n.EXIT_VERBS:
            return i18n.exit_sentence(
                self.kind,
                self.month,
                self.role,
                self.uid if self.uid is not None else -1,
                self.tenure,
                dict(self.drivers),
                self.clients,
                lang,
                informal_leader=self.leader,
            )
        if self.kind == "hire":
            return i18n.hires_sentence(self.month, dict(self.hires), lang)
        return i18n.other_sentence(self.kind, self.month, self.role or None, self.uid, lang)

    @property
    def tone(self) -> str:
        if self.kind in EXIT_KINDS:
            return "exit"
        return "hire" if self.kind == "hire" else "other"


class Feed:
    """Reads the model's event log month by month and keeps it as feed items.

    Only the events logged since the last month are turned into a frame: ``model.events()``
    rebuilds the whole log each call, which costs ~100 ms after a few years of a 200-person firm.
    ``model.events_since`` reads the log from where the last month stopped."""

    def __init__(self):
        self.items: list[FeedItem] = []
        self._seen = (0, 0)

    def read(self, model: OrgModel) -> None:
        new, self._seen = model.events_since(self._seen)
        if new.empty:
            return
        self.items.extend(feed_items(new))
        del self.items[:-FEED_KEEP]


def feed_items(events: pd.DataFrame) -> list[FeedItem]:
    """Feed items of some event rows: each exit with its drivers and the clients who followed it,
    the month's hires grouped by role, any other event as it is."""
    drivers = [c for c in events.columns if c.startswith("driver_")]
    rows = events.to_dict(orient="records")
    followed: dict[tuple[int, int], int] = {}
    for row in rows:
        if row["event"] == "clients_followed":
            key = (int(row["month"]), int(row["employee_id"]))
            followed[key] = followed.get(key, 0) + int(row.get("clients") or 0)
    items: list[FeedItem] = []
    hires: dict[int, dict[str, int]] = {}
    for row in rows:
        kind, month = str(row["event"]), int(row["month"])
        if kind == "clients_followed":
            continue
        if kind == "hire":
            counts = hires.setdefault(month, {})
            counts[str(row["role"])] = counts.get(str(row["role"]), 0) + 1
            continue
        uid = row.get("employee_id")
        uid = int(uid) if uid is not None and uid == uid else None
        role = row.get("role")
        role = str(role) if isinstance(role, str) else ""
        tenure = row.get("tenure_months")
        if kind in i18n.EXIT_VERBS:
            shares = tuple(
                (c.removeprefix("driver_"), float(row[c]))
                for c in drivers
                if row.get(c) == row.get(c) and row.get(c) is not None
            )
            items.append(
                FeedItem(
                    month=month,
                    kind=kind,
                    role=role,
                    uid=uid,
                    tenure=float(tenure) if tenure == tenure and tenure is not None else 0.0,
                    drivers=shares,
                    clients=followed.get((month, uid), 0) if uid is not None else 0,
                    leader=bool(row.get("informal_leader") is True),
                )
            )
        else:
            items.append(FeedItem(month=month, kind=kind, role=role, uid=uid))
    for month, counts in hires.items():
        items.append(FeedItem(month=month, kind="hire", hires=tuple(counts.items())))
    items.sort(key=lambda item: (item.month, item.kind == "hire"))
    return items


def describe_event(row: dict, lang: str) -> str:
    """One event row (of ``model.events()``) as a sentence, for the exported CSV."""
    if row["event"] == "clients_followed":
        n = int(row.get("clients") or 0)
        return i18n.other_sentence(
            "clients_followed", row["month"], row.get("role"), row.get("employee_id"), lang
        ) + (f" ({n})")
    frame = pd.DataFrame([row])
    items = feed_items(frame)
    return items[0].text(lang) if items else ""
