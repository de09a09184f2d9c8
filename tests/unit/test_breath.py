"""The breath's level over a cycle (app.domain.breath): pure, no Qt."""

from __future__ import annotations

import pytest

from app.domain.breath import ease_in_out_sine, phase_levels
from app.domain.exercise import Exercise, Phase

BOX_PHASES = (Phase("inhale", 4), Phase("hold", 4), Phase("exhale", 4), Phase("hold", 4))
SIGH = Exercise(id="cyclic-sigh", title="Cyclic sigh", kind="breathing", minutes=5,
                phases=(Phase("inhale", 2), Phase("inhale", 1), Phase("exhale", 6)))


def test_phase_levels_join_consecutive_inhales():
    assert phase_levels(BOX_PHASES) == [(0.0, 1.0), (1.0, 1.0), (1.0, 0.0), (0.0, 0.0)]
    sigh = phase_levels(SIGH.phases)
    assert sigh[0] == pytest.approx((0.0, 2 / 3))
    assert sigh[1] == pytest.approx((2 / 3, 1.0))
    assert sigh[2] == pytest.approx((1.0, 0.0))
    assert phase_levels((Phase("hold", 3),)) == [(0.5, 0.5)]
    assert ease_in_out_sine(0.0) == 0.0 and ease_in_out_sine(1.0) == 1.0
    assert ease_in_out_sine(0.5) == pytest.approx(0.5)
