"""How full the breath is over one cycle: the pure shape the breathing guide draws.

0 is an empty breath and 1 a full one. The guide's circle and the editor's
preview both draw from these levels; nothing here knows about drawing. Stdlib
only.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from app.domain.exercise import Phase


def ease_in_out_sine(progress: float) -> float:
    """0 -> 0, 1 -> 1, gentle at both ends."""
    p = min(max(progress, 0.0), 1.0)
    return 0.5 - 0.5 * math.cos(math.pi * p)


def phase_levels(phases: Sequence[Phase]) -> list[tuple[float, float]]:
    """(start, end) breath level of each phase, 0 = empty and 1 = full.

    Consecutive inhales share one rise from empty to full in proportion to their
    seconds (a cyclic sigh's top-up continues the first inhale instead of
    starting again), consecutive exhales share one fall, and a hold rests at the
    level the breath reached. Holds between inhales do not break the rise.
    """
    n = len(phases)
    if n == 0:
        return []
    moves = [i for i, p in enumerate(phases) if p.action != "hold"]
    if not moves:
        return [(0.5, 0.5)] * n
    # Group the moving phases into runs of one direction, cyclically.
    groups: list[list[int]] = []
    for i in moves:
        if groups and phases[groups[-1][-1]].action == phases[i].action:
            groups[-1].append(i)
        else:
            groups.append([i])
    if len(groups) > 1 and phases[groups[0][0]].action == phases[groups[-1][0]].action:
        groups[0] = groups.pop() + groups[0]
    levels: list[tuple[float, float] | None] = [None] * n
    for group in groups:
        total = sum(phases[i].seconds for i in group) or 1.0
        done = 0.0
        rising = phases[group[0]].action == "inhale"
        for i in group:
            a, b = done / total, (done + phases[i].seconds) / total
            done += phases[i].seconds
            levels[i] = (a, b) if rising else (1.0 - a, 1.0 - b)
    # A hold rests where the last move before it (cyclically) ended.
    for i in range(n):
        if levels[i] is None:
            j = (i - 1) % n
            while levels[j] is None or phases[j].action == "hold":
                j = (j - 1) % n
            end = levels[j][1]  # type: ignore[index]
            levels[i] = (end, end)
    return [lv for lv in levels if lv is not None]
