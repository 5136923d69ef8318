"""The employment relationship's stages and lifecycle phases (source document)."""

from __future__ import annotations

from enum import IntEnum


class Stage(IntEnum):
    """The five stages of the employment relationship (source document: 认知—探测—扩大—承诺—解除)."""

    COGNITION = 0
    EXPLORATION = 1
    EXPANSION = 2
    COMMITMENT = 3
    DISSOLUTION = 4


class Phase(IntEnum):
    """Lifecycle phases (source document: recruitment period, stable period, exit period)."""

    RECRUITMENT = 0
    STABLE = 1
    EXIT = 2
