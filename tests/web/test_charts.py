"""The server-side SVG charts: scales, ticks, one line per series, escaped text."""

from __future__ import annotations

import re

import pytest
from markupsafe import Markup

from bilateral.web.charts import (
    MARGIN_TOP,
    PALETTE,
    LinearScale,
    Series,
    line_chart,
    nice_step,
    nice_ticks,
)

YEARS = ["2021", "2022", "2023"]


def test_linear_scale_maps_the_domain_onto_the_range_and_can_run_backwards() -> None:
    scale = LinearScale((0.0, 10.0), (300.0, 100.0))
    assert scale(0) == 300
    assert scale(10) == 100
    assert scale(5) == 200
    assert LinearScale((3.0, 3.0), (0.0, 50.0))(3) == 25  # an empty domain: the middle


@pytest.mark.parametrize(
    ("span", "step"), [(10, 2), (7, 2), (23, 5), (100, 20), (0.9, 0.2), (0, 1), (1, 0.2)]
)
def test_nice_step_is_one_two_or_five_times_a_power_of_ten(span: float, step: float) -> None:
    assert nice_step(span) == pytest.approx(step)


def test_nice_ticks_start_at_zero_and_reach_the_maximum_in_whole_steps() -> None:
    assert nice_ticks(7) == [0, 2, 4, 6, 8]
    assert nice_ticks(10) == [0, 2, 4, 6, 8, 10]
    assert nice_ticks(1) == [0, 1]
    assert nice_ticks(3) == [0, 1, 2, 3]
    assert nice_ticks(41) == [0, 10, 20, 30, 40, 50]


def points(svg: str) -> list[list[tuple[float, float]]]:
    """The points of each polyline."""
    return [
        [(float(x), float(y)) for x, y in (p.split(",") for p in found.split())]
        for found in re.findall(r'<polyline points="([^"]*)"', svg)
    ]


def test_one_line_per_series_with_a_point_per_category() -> None:
    svg = line_chart(
        YEARS,
        [Series("Trade", [1, 4, 2], key="economy.trade"), Series("Energy", [0, 0, 3])],
        title="Meetings per year",
        chart_id="t",
    )
    assert isinstance(svg, Markup)
    assert svg.count('<g class="chart__series"') == 2
    assert 'data-series="economy.trade"' in svg
    assert 'data-series="Energy"' in svg
    trade, energy = points(svg)
    assert len(trade) == len(energy) == 3
    xs = [x for x, _ in trade]
    assert xs == sorted(xs) and [x for x, _ in energy] == xs  # categories left to right
    top = max(trade[1][1], energy[2][1])
    assert trade[1][1] == MARGIN_TOP  # the largest value (4) is the top of the axis (0-4)
    assert trade[0][1] > trade[2][1] > top  # larger values are higher up
    assert energy[0][1] == energy[1][1]  # zeros sit on the baseline
    assert "<title>Trade, 2022: 4</title>" in svg
    assert PALETTE[0] in svg and PALETTE[1] in svg


def test_axes_ticks_and_legend() -> None:
    svg = line_chart(
        YEARS, [Series("Trade", [1, 7, 2])], title="T", chart_id="t", y_label="Meetings"
    )
    for tick in ("0", "2", "4", "6", "8"):
        assert re.search(rf'dy="0.32em" fill="#4a525c">{tick}</text>', svg)
    for year in YEARS:
        assert f">{year}</text>" in svg
    assert '<g class="chart__legend"' in svg and ">Trade</text>" in svg
    assert ">Meetings</text>" in svg


def test_accessible_names() -> None:
    svg = line_chart(YEARS, [Series("Trade", [1, 2, 3])], title="Trend of trade",
                     chart_id="trend", description="One line.")  # fmt: skip
    assert 'role="img"' in svg
    assert 'aria-label="Trend of trade"' in svg
    assert 'aria-describedby="trend-desc"' in svg
    assert '<title id="trend-title">Trend of trade</title>' in svg
    assert '<desc id="trend-desc">One line.</desc>' in svg


def test_every_text_is_escaped() -> None:
    evil = "<script>alert(1)</script>"
    svg = line_chart(
        [f"{evil}2021", "2022"],
        [Series(f"Trade {evil}", [1, 2], key='x" onload="alert(2)')],
        title=f"Title {evil}",
        chart_id='c" onclick="alert(3)',
        description=evil,
        y_label=evil,
    )
    assert "<script" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    assert 'onload="' not in svg and 'onclick="' not in svg
    assert "&#34; onload=&#34;" in svg


def test_many_categories_thin_out_their_labels() -> None:
    years = [str(y) for y in range(1980, 2030)]
    svg = line_chart(years, [Series("A", [1] * len(years))], title="T", chart_id="t")
    shown = [y for y in years if f">{y}</text>" in svg]
    assert "1980" in shown
    assert 5 < len(shown) < len(years)


def test_no_values_still_draws_the_axes() -> None:
    svg = line_chart(YEARS, [Series("A", [0, 0, 0])], title="T", chart_id="t")
    assert svg.count("<polyline") == 1
    empty = line_chart([], [], title="Nothing", chart_id="t")
    assert empty.startswith("<svg") and empty.endswith("</svg>")
    assert "<polyline" not in empty


def test_more_series_than_colours_are_told_apart_by_dashes() -> None:
    series = [Series(f"S{i}", [i, i]) for i in range(len(PALETTE) + 1)]
    svg = line_chart(["2020", "2021"], series, title="T", chart_id="t")
    assert svg.count('<g class="chart__series"') == len(PALETTE) + 1
    assert 'stroke-dasharray="7 4"' in svg
