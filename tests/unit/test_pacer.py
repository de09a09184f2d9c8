"""The breathing pacer, driven by a fake clock (no Qt, no sleeping)."""

from __future__ import annotations

import itertools
import math
import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.exercise import ACTIONS, Phase
from app.domain.pacer import (
    CycleCompleted,
    Finished,
    Pacer,
    PacerEvent,
    PhaseStarted,
    planned_duration,
)

BOX = (Phase("inhale", 4), Phase("hold", 4), Phase("exhale", 4), Phase("hold", 4))
RELAX = (Phase("inhale", 4), Phase("hold", 7), Phase("exhale", 8))


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self, now: float = 5000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def make(phases: tuple[Phase, ...] = BOX, **kwargs: Any) -> tuple[Pacer, FakeClock]:
    clock = FakeClock()
    return Pacer(phases, clock=clock, **kwargs), clock


def run_to_end(pacer: Pacer, clock: FakeClock, step: float = 0.25) -> list[PacerEvent]:
    events = pacer.start()
    for _ in range(1_000_000):
        if pacer.status == "finished":
            break
        clock.advance(step)
        events += pacer.update()
    return events


def box_schedule(cycles: int) -> list[PacerEvent]:
    """The exact box-breathing schedule, written out with integer arithmetic."""
    actions = ["inhale", "hold", "exhale", "hold"]
    events: list[PacerEvent] = []
    for k in range(cycles * 4):
        if k and k % 4 == 0:
            events.append(CycleCompleted(cycle=k // 4 - 1, at=float(4 * k)))
        events.append(PhaseStarted(phase_index=k % 4, action=actions[k % 4],  # type: ignore[arg-type]
                                   cycle=k // 4, at=float(4 * k), seconds=4.0))
    end = float(16 * cycles)
    return [*events, CycleCompleted(cycle=cycles - 1, at=end), Finished(at=end)]


def eased_boundaries(phases: tuple[Phase, ...], ease: float, count: int) -> list[float]:
    """Real times of the first ``count`` boundaries, by numerically integrating 1/s(t)."""
    lengths = [p.seconds for p in phases]
    targets, position = [0.0], 0.0
    for k in range(count - 1):
        position += lengths[k % len(lengths)]
        targets.append(position)
    found, t, tau, h = [0.0], 0.0, 0.0, 1e-3
    for target in targets[1:]:
        while True:
            scale = 0.6 + 0.4 * min((t + h / 2) / ease, 1.0)
            if tau + h / scale >= target:
                found.append(t + (target - tau) * scale)
                break
            tau += h / scale
            t += h
    return found


# --- the pattern and its events ------------------------------------------------------


def test_box_sequence_and_events() -> None:
    pacer, clock = make(cycles=2)
    assert pacer.state().status == "idle"
    assert pacer.update() == []
    events = run_to_end(pacer, clock, step=0.5)
    assert events == box_schedule(2)
    assert pacer.total == 32.0
    assert pacer.state().status == "finished"


def test_start_emits_first_phase_once() -> None:
    pacer, clock = make(cycles=1)
    assert pacer.start() == [PhaseStarted(0, "inhale", 0, 0.0, 4.0)]
    clock.advance(3.0)
    assert pacer.start() == []
    assert pacer.update() == []
    assert pacer.state().elapsed == pytest.approx(3.0)


def test_state_within_phases() -> None:
    pacer, _ = make(RELAX, cycles=3)
    state = pacer.state_at(19 + 4 + 3.5)  # cycle 1, hold, halfway
    assert (state.cycle, state.phase_index, state.action) == (1, 1, "hold")
    assert state.phase_progress == pytest.approx(0.5)
    assert state.phase_remaining == pytest.approx(3.5)
    assert state.phase_seconds == pytest.approx(7.0)
    assert state.remaining == pytest.approx(57 - 26.5)


def test_late_tick_reports_every_missed_event_in_order() -> None:
    pacer, clock = make(max_gap=60.0)
    pacer.start()
    clock.advance(17.5)
    events = pacer.update()
    assert events == box_schedule(19)[1:6]
    assert [e.at for e in events] == [4.0, 8.0, 12.0, 16.0, 16.0]
    assert pacer.update() == []


def test_thirty_jittery_minutes_end_with_zero_drift() -> None:
    pacer, clock = make(minutes=30)
    rng = random.Random(20240611)
    t0 = clock.now
    events = pacer.start()
    previous = 0.0
    ticks = 0
    while pacer.status != "finished":
        clock.advance(0.2 if rng.random() < 0.01 else rng.uniform(0.001, 0.040))
        new = pacer.update()
        state = pacer.state()
        # Each event is reported on the first update at or after its scheduled time.
        assert all(previous < e.at <= state.elapsed for e in new)
        if state.status == "running":
            assert state.elapsed == pytest.approx(clock.now - t0, abs=1e-9)
            assert state.phase_index == int(state.elapsed // 4) % 4
        events += new
        previous = state.elapsed
        ticks += 1
    assert ticks > 50_000
    assert events == box_schedule(113)  # 30 minutes rounded up to whole 16 s cycles
    assert pacer.state().elapsed == pacer.total == 1808.0
    assert pacer.update() == []


def test_events_exactly_at_boundaries() -> None:
    pacer, clock = make(cycles=1)
    pacer.start()
    clock.advance(4.0)
    assert pacer.update() == [PhaseStarted(1, "hold", 0, 4.0, 4.0)]
    assert pacer.update() == []
    at_boundary = pacer.state()
    assert (at_boundary.phase_index, at_boundary.phase_progress) == (1, 0.0)
    just_before = pacer.state_at(4.0 - 1e-6)
    assert just_before.phase_index == 0
    assert just_before.phase_progress == pytest.approx(1.0)


def test_float_error_at_a_boundary_neither_skips_nor_doubles() -> None:
    pacer, clock = make((Phase("inhale", 1.0), Phase("exhale", 1.0)), cycles=1)
    clock.now = 0.0
    pacer.start()
    for _ in range(10):
        clock.advance(0.1)
    assert clock.now < 1.0  # ten tenths fall just short of one
    assert pacer.update() == [PhaseStarted(1, "exhale", 0, 1.0, 1.0)]
    assert pacer.state().phase_index == 1
    clock.now = 1.0
    assert pacer.update() == []


def test_state_at_the_end_shows_the_last_phase_complete() -> None:
    pacer, _ = make(cycles=2)
    state = pacer.state_at(32.0)
    assert (state.cycle, state.phase_index, state.phase_progress) == (1, 3, 1.0)
    assert state.remaining == 0.0
    assert pacer.state_at(1e6).elapsed == 32.0
    assert pacer.state_at(-3.0).elapsed == 0.0


# --- pause, stop, next event -------------------------------------------------------


def test_pause_and_resume_keep_time() -> None:
    pacer, clock = make(cycles=1, max_gap=10.0)
    pacer.start()
    clock.advance(6.0)
    assert pacer.update() == [PhaseStarted(1, "hold", 0, 4.0, 4.0)]
    pacer.pause()
    pacer.pause()
    clock.advance(100.0)
    assert pacer.update() == []
    paused = pacer.state()
    assert (paused.status, paused.elapsed) == ("paused", 6.0)
    assert pacer.time_to_next_event() is None
    pacer.resume()
    pacer.resume()
    clock.advance(1.5)
    assert pacer.state().elapsed == pytest.approx(7.5)
    clock.advance(0.5)  # 108 s of clock time, 8 s of practice
    assert pacer.update() == [PhaseStarted(2, "exhale", 0, 8.0, 4.0)]
    clock.advance(8.0)
    assert pacer.update()[-1] == Finished(16.0)


def test_resume_when_running_changes_nothing() -> None:
    pacer, clock = make()
    pacer.start()
    clock.advance(3.0)
    pacer.resume()
    clock.advance(1.0)
    assert pacer.state().elapsed == pytest.approx(4.0)


def test_stop_ends_without_finished() -> None:
    pacer, clock = make(cycles=1)
    pacer.start()
    clock.advance(5.0)
    pacer.stop()
    clock.advance(60.0)
    assert pacer.update() == []
    state = pacer.state()
    assert (state.status, state.elapsed) == ("stopped", 5.0)
    assert pacer.time_to_next_event() is None
    pacer.resume()
    assert pacer.state().status == "stopped"


def test_state_alone_sees_the_end() -> None:
    pacer, clock = make((Phase("inhale", 0.1), Phase("exhale", 0.2)), cycles=1)
    clock.now = 0.0
    pacer.start()
    clock.now = 0.1 + 0.2 - 1e-12  # float error just short of the end
    assert (pacer.state().status, pacer.state().elapsed) == ("finished", pacer.total)
    assert pacer.update()[-1] == Finished(pacer.total)


def test_zero_cycles_finish_at_once() -> None:
    pacer, _ = make(cycles=0)
    assert pacer.start() == [Finished(0.0)]
    assert pacer.status == "finished"
    assert pacer.update() == []


def test_finished_once_and_stays() -> None:
    pacer, clock = make(cycles=1)
    events = run_to_end(pacer, clock)
    assert sum(isinstance(e, Finished) for e in events) == 1
    clock.advance(3600.0)
    pacer.pause()
    pacer.stop()
    assert pacer.update() == []
    assert (pacer.state().status, pacer.state().elapsed) == ("finished", 16.0)


def test_time_to_next_event() -> None:
    pacer, clock = make(cycles=1)
    assert pacer.time_to_next_event() is None
    pacer.start()
    clock.advance(1.5)
    assert pacer.time_to_next_event() == pytest.approx(2.5)
    clock.advance(3.0)  # past a boundary nobody has reported yet
    assert pacer.time_to_next_event() == 0.0
    pacer.update()
    assert pacer.time_to_next_event() == pytest.approx(3.5)


# --- length ------------------------------------------------------------------------


def test_cycles_give_the_length() -> None:
    pacer, clock = make(RELAX, cycles=3)
    events = run_to_end(pacer, clock, step=0.3)
    assert pacer.total == planned_duration(RELAX, cycles=3) == 57.0
    assert [e.cycle for e in events if isinstance(e, CycleCompleted)] == [0, 1, 2]
    assert len([e for e in events if isinstance(e, PhaseStarted)]) == 9
    assert events[-1] == Finished(57.0)


@pytest.mark.parametrize(("minutes", "expected"), [
    (1.0, 64.0),  # 60 s -> 4 cycles of 16 s
    (1.6, 96.0),  # an exact boundary adds no cycle
    (0.01, 16.0),  # never less than one breath
    (None, 304.0),  # default 5 minutes, rounded up
])
def test_minutes_round_up_to_whole_cycles(minutes: float | None, expected: float) -> None:
    assert planned_duration(BOX, minutes=minutes) == expected
    pacer, _ = make(minutes=minutes)
    assert pacer.total == expected


def test_float_error_at_the_length_adds_no_cycle() -> None:
    phases = (Phase("inhale", 0.5), Phase("exhale", 0.7))
    assert math.ceil(0.14 * 60 / 1.2) == 8  # naive rounding would add a cycle
    assert planned_duration(phases, minutes=0.14) == pytest.approx(8.4)
    pacer, clock = make(phases, minutes=0.14)
    events = run_to_end(pacer, clock, step=0.01)
    assert [e.cycle for e in events if isinstance(e, CycleCompleted)] == list(range(7))


def test_planned_duration_edges() -> None:
    assert planned_duration((), minutes=5) == 0.0
    assert planned_duration(BOX, cycles=0) == 0.0
    assert planned_duration(BOX, minutes=3, cycles=2) == 32.0


@pytest.mark.parametrize("phases", [(), (Phase("inhale", 0),), (Phase("inhale", 4),
                                                                 Phase("hold", -1)),
                                    (Phase("exhale", math.nan),)])
def test_weird_patterns_are_refused(phases: tuple[Phase, ...]) -> None:
    with pytest.raises(ValueError):
        Pacer(phases)


# --- ease-in -----------------------------------------------------------------------


def eased_run(ease: float, **kwargs: Any) -> tuple[Pacer, list[PacerEvent]]:
    pacer, clock = make(ease_in_seconds=ease, **kwargs)
    return pacer, run_to_end(pacer, clock, step=0.05)


def cycle_ends(events: list[PacerEvent]) -> list[float]:
    return [0.0] + [e.at for e in events if isinstance(e, CycleCompleted)]


def test_ease_in_starts_at_sixty_percent() -> None:
    _, events = eased_run(120.0, cycles=10)
    first_phase = events[0]
    assert isinstance(first_phase, PhaseStarted)
    assert 0.6 * 4 < first_phase.seconds < 0.61 * 4
    first_cycle = cycle_ends(events)[1]
    assert 0.6 * 16 < first_cycle < 0.63 * 16


def test_ease_in_cycles_lengthen_then_match_the_pattern() -> None:
    ease = 60.0
    _, events = eased_run(ease, cycles=8)
    ends = cycle_ends(events)
    lengths = [b - a for a, b in itertools.pairwise(ends)]
    during = [n for a, n in zip(ends, lengths, strict=False) if a + n <= ease]
    assert len(during) >= 3
    assert all(a < b for a, b in itertools.pairwise(during))
    after = [n for a, n in zip(ends, lengths, strict=False) if a >= ease]
    assert len(after) >= 2
    assert after == pytest.approx([16.0] * len(after), abs=1e-9)


def test_ease_in_matches_the_integrated_scale() -> None:
    ease = 20.0
    pacer, events = eased_run(ease, cycles=4)
    boundaries = [e.at for e in events if isinstance(e, PhaseStarted)] + [pacer.total]
    assert boundaries == pytest.approx(eased_boundaries(BOX, ease, 17), abs=1e-5)


def test_ease_in_planned_duration_is_when_it_finishes() -> None:
    lengths: list[dict[str, Any]] = [{"cycles": 5}, {"minutes": 1.0}, {"minutes": 2.5}]
    for settings_ in lengths:
        pacer, events = eased_run(30.0, **settings_)
        assert events[-1] == Finished(pacer.total)
        assert pacer.total == planned_duration(BOX, ease_in_seconds=30.0, **settings_)


def test_ease_in_minutes_round_up_in_real_time() -> None:
    ends = eased_boundaries(BOX, 30.0, 4 * 8 + 1)[::4]  # real cycle boundaries
    expected = min(t for t in ends if t >= 60.0)
    total = planned_duration(BOX, minutes=1.0, ease_in_seconds=30.0)
    assert total == pytest.approx(expected, abs=1e-5)
    assert total - 16.0 < 60.0


def test_ease_in_state_is_continuous_across_its_end() -> None:
    ease = 45.0
    pacer, _ = make(ease_in_seconds=ease, cycles=10)
    before, after = pacer.state_at(ease - 1e-7), pacer.state_at(ease + 1e-7)
    assert (before.cycle, before.phase_index) == (after.cycle, after.phase_index)
    assert after.phase_progress - before.phase_progress == pytest.approx(0.0, abs=1e-6)
    assert after.phase_remaining - before.phase_remaining == pytest.approx(0.0, abs=1e-6)
    assert 0.0 < before.phase_progress < 1.0


def test_ease_in_is_clamped() -> None:
    assert planned_duration(BOX, cycles=30, ease_in_seconds=1000) == planned_duration(
        BOX, cycles=30, ease_in_seconds=300)
    assert planned_duration(BOX, cycles=3, ease_in_seconds=-5) == 48.0
    assert planned_duration(BOX, cycles=30, ease_in_seconds=300) < 480.0


# --- the clock misbehaving -----------------------------------------------------------


def test_clock_jump_pauses_instead_of_skipping() -> None:
    pacer, clock = make(cycles=2)
    pacer.start()
    clock.advance(3.0)
    pacer.update()
    clock.advance(1.0)
    assert pacer.state().elapsed == 4.0  # read, not yet reported
    clock.advance(3600.0)  # the laptop slept
    assert pacer.update() == [PhaseStarted(1, "hold", 0, 4.0, 4.0)]
    state = pacer.state()
    assert (state.status, state.elapsed) == ("paused", 4.0)
    pacer.resume()
    clock.advance(1.0)
    assert pacer.state().elapsed == pytest.approx(5.0)


def test_state_alone_notices_a_jump() -> None:
    pacer, clock = make(max_gap=30.0)
    pacer.start()
    clock.advance(20.0)
    assert pacer.state().status == "running"
    clock.advance(31.0)
    state = pacer.state()
    assert (state.status, state.elapsed) == ("paused", 20.0)
    assert pacer.time_to_next_event() is None


def test_gap_within_max_gap_counts() -> None:
    pacer, clock = make()
    pacer.start()
    clock.advance(4.9)
    assert pacer.update() == [PhaseStarted(1, "hold", 0, 4.0, 4.0)]
    assert pacer.state().status == "running"


def test_backward_clock_does_not_rewind() -> None:
    pacer, clock = make(max_gap=60.0)
    pacer.start()
    clock.advance(10.0)
    pacer.update()
    clock.advance(-7.0)
    assert pacer.state().elapsed == pytest.approx(10.0)
    assert pacer.update() == []
    clock.advance(1.0)
    assert pacer.state().elapsed == pytest.approx(11.0)
    clock.advance(1.0)
    assert pacer.update() == [PhaseStarted(3, "hold", 0, 12.0, 4.0)]


# --- properties ----------------------------------------------------------------------

phase_lists = st.lists(
    st.builds(Phase, st.sampled_from(ACTIONS),
              st.floats(0.5, 10.0, allow_nan=False, allow_infinity=False)),
    min_size=1, max_size=4)


@settings(max_examples=150, deadline=None)
@given(phases=phase_lists, cycles=st.one_of(st.none(), st.integers(1, 4)),
       minutes=st.floats(0.01, 1.5), ease=st.sampled_from([0.0, 7.5, 30.0, 120.0]),
       ticks=st.lists(st.floats(0.05, 3.0), min_size=1, max_size=30),
       back=st.floats(0.0, 2.0))
def test_any_pattern_and_ticks(phases: list[Phase], cycles: int | None, minutes: float,
                               ease: float, ticks: list[float], back: float) -> None:
    length: dict[str, Any] = {"cycles": cycles} if cycles is not None else {"minutes": minutes}
    pacer, clock = make(tuple(phases), ease_in_seconds=ease, **length)
    events = pacer.start()
    seen = 0.0
    for i in range(100_000):
        if pacer.status == "finished":
            break
        clock.advance(-back if i % 7 == 6 else ticks[i % len(ticks)])
        new = pacer.update()
        state = pacer.state()
        assert state.elapsed >= seen
        assert all(e.at <= state.elapsed + 1e-9 for e in new)
        assert 0.0 <= state.phase_progress <= 1.0
        seen = state.elapsed
        events += new
    times = [e.at for e in events]
    assert times == sorted(times)
    assert [isinstance(e, Finished) for e in events].count(True) == 1
    assert isinstance(events[-1], Finished)
    total = planned_duration(phases, ease_in_seconds=ease, **length)
    assert pacer.state().elapsed == pacer.total == events[-1].at == total
    started = [e for e in events if isinstance(e, PhaseStarted)]
    assert [(e.cycle, e.phase_index) for e in started] == [
        (k // len(phases), k % len(phases)) for k in range(len(started))]
    if cycles is not None:
        assert len(started) == cycles * len(phases)
    else:
        assert total >= minutes * 60 - 1e-9
        assert sum(e.seconds for e in started) == pytest.approx(total)


def test_last_state_agrees_with_the_events_reported() -> None:
    clock = FakeClock()
    pacer = Pacer([Phase("inhale", 4), Phase("exhale", 4)], cycles=2, clock=clock)
    pacer.start()
    clock.now += 3.9
    pacer.update()
    clock.now += 0.2  # past the boundary, not yet reported
    assert pacer.last_state().action == "inhale"
    assert pacer.last_state().elapsed == pytest.approx(3.9)
    events = pacer.update()
    assert [type(e).__name__ for e in events] == ["PhaseStarted"]
    assert pacer.last_state().action == "exhale"
