"""The statistics the benchmarks report (benchmarks/common.py): median, percentile, spread."""

from __future__ import annotations

import math

import pytest

from benchmarks.common import figure, median, percentile, ratio, read_bench_json, spread


def test_median_of_odd_and_even_counts() -> None:
    assert median([3.0, 1.0, 2.0]) == 2.0
    assert median([4.0, 1.0, 3.0, 2.0]) == 2.5


def test_percentile_interpolates_like_numpy() -> None:
    values = [10.0, 20.0, 30.0, 40.0, 50.0]
    assert percentile(values, 0) == 10.0
    assert percentile(values, 100) == 50.0
    assert percentile(values, 50) == 30.0
    assert percentile(values, 25) == 20.0
    assert percentile(values, 90) == pytest.approx(46.0)
    assert percentile([1.0, 2.0], 99) == pytest.approx(1.99)


def test_percentile_ignores_input_order() -> None:
    assert percentile([5.0, 1.0, 4.0, 2.0, 3.0], 75) == 4.0


@pytest.mark.parametrize("q", [-1.0, 100.5, math.nan])
def test_percentile_rejects_a_rank_outside_0_to_100(q: float) -> None:
    with pytest.raises(ValueError):
        percentile([1.0, 2.0], q)


def test_no_values_is_an_error_not_a_number() -> None:
    with pytest.raises(ValueError):
        median([])
    with pytest.raises(ValueError):
        percentile([], 50)
    with pytest.raises(ValueError):
        spread([])


def test_spread_is_median_min_max_and_count() -> None:
    s = spread([0.30, 0.10, 0.20, 0.50])
    assert (s.median, s.low, s.high, s.n) == (pytest.approx(0.25), 0.10, 0.50, 4)
    assert s.relative == pytest.approx(0.4 / 0.25)
    assert spread([2.0, 2.0]).relative == 0.0


def test_ratio_against_a_baseline() -> None:
    assert ratio(1.3, 1.0) == pytest.approx(1.3)
    assert ratio(0.0, 0.0) == 1.0
    assert ratio(1.0, 0.0) == math.inf


def test_figure_checks_its_target_on_what_it_names() -> None:
    on_ratio = figure("t", "time", [1.2, 1.4, 1.3], "s", baseline=[1.0, 1.0, 1.1],
                      target=1.3, compare="ratio")
    assert on_ratio["ratio"] == pytest.approx(1.3)
    assert on_ratio["target"]["met"] is True
    worst = figure("w", "late", [0.001, 0.002, 0.020], "s", baseline=[0.001, 0.010],
                   target=0.017, compare="max")
    assert worst["median"] == 0.002
    assert worst["target"]["met"] is False
    assert worst["ratio"] == pytest.approx(2.0)  # worst against the baseline's worst
    drift = figure("d", "drift", [-0.02], "s", target=0.017, compare="abs")
    assert drift["target"]["met"] is False
    count = figure("c", "wake-ups", [0, 0], "count", target=0, compare="max")
    assert count["target"]["met"] is True
    with pytest.raises(ValueError):
        figure("r", "no baseline", [1.0], "s", target=1.3, compare="ratio")


def test_the_last_bench_json_line_is_read() -> None:
    output = 'text\nBENCH_JSON {"name": "a"}\nmore\nBENCH_JSON {"name": "b"}\n'
    assert read_bench_json(output) == {"name": "b"}
    assert read_bench_json("no figures here\n") is None
