"""Server-side SVG charts: a multi-series line chart with axes, a legend and titles.

bilateral draws its charts on the server instead of vendoring a JavaScript charting library:
there is no network here to fetch one from, and the Content-Security-Policy
(``script-src 'self'; style-src 'self'``: no inline scripts, no ``style=`` attributes) rules
out the usual libraries, which write inline styles. An SVG built here is plain markup: it
needs no script, prints, scales with its ``viewBox``, and carries an ``aria-label``, a
``<title>`` and a ``<desc>`` for screen readers, plus a ``<title>`` on every point for a
tooltip. Colours and sizes are presentation attributes (``stroke``, ``fill``), which the CSP
allows. Every text (labels, categories, titles) is escaped; :func:`line_chart` returns
:class:`~markupsafe.Markup` that is safe to put in a page as is.

Pages that show a chart also give its numbers as a table: the chart is for the eye, the
table for reading exact values and for assistive technology.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

#: Okabe-Ito colours (told apart with the common colour-vision deficiencies), then dashes.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
DASHES = ("", "7 4", "2 3")
FONT_SIZE = 13
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, AXIS_HEIGHT = 44, 16, 14, 34
LEGEND_ROW, LEGEND_COLUMN = 20, 260
MIN_LABEL_GAP = 34  # pixels a category label needs; closer labels are thinned out


@dataclass(frozen=True)
class Series:
    """One line: a label for the legend and one value per category."""

    label: str
    values: Sequence[float]
    key: str = ""  # a stable name for the series (``data-series``), e.g. a topic code


@dataclass(frozen=True)
class LinearScale:
    """Maps values in ``domain`` linearly onto ``range`` (pixels; may run backwards)."""

    domain: tuple[float, float]
    range: tuple[float, float]

    def __call__(self, value: float) -> float:
        (d0, d1), (r0, r1) = self.domain, self.range
        if d1 == d0:
            return (r0 + r1) / 2
        return r0 + (value - d0) * (r1 - r0) / (d1 - d0)


def nice_step(span: float, count: int = 5) -> float:
    """A step of 1, 2 or 5 times a power of ten giving about ``count`` steps over ``span``."""
    if span <= 0:
        return 1.0
    raw = span / max(1, count)
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return float(factor * power)
    return float(10 * power)  # pragma: no cover - the loop always returns


def nice_ticks(maximum: float, count: int = 5, *, integers: bool = True) -> list[float]:
    """Ticks from 0 to the first nice value at or above ``maximum`` (counts: whole steps)."""
    step = nice_step(maximum, count)
    if integers:
        step = max(1.0, float(math.ceil(step)))
    steps = max(1, math.ceil(maximum / step - 1e-9))
    return [i * step for i in range(steps + 1)]


def _num(value: float) -> str:
    """A number for an attribute or a label: no trailing ``.0``, two decimals at most."""
    return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))


def _style(index: int) -> tuple[str, str]:
    """The colour and dash pattern of the ``index``-th series."""
    colour = PALETTE[index % len(PALETTE)]
    return colour, DASHES[(index // len(PALETTE)) % len(DASHES)]


@dataclass(frozen=True)
class _Frame:
    """Where the plot sits in the SVG, and its scales."""

    width: int
    plot_height: int
    categories: int
    y: LinearScale

    @property
    def left(self) -> float:
        """The x of the value axis."""
        return MARGIN_LEFT

    @property
    def right(self) -> float:
        """The x where the plot ends."""
        return self.width - MARGIN_RIGHT

    @property
    def bottom(self) -> float:
        """The y of the category axis (the value 0)."""
        return MARGIN_TOP + self.plot_height

    def x(self, index: int) -> float:
        """The centre of the ``index``-th category's band."""
        band = (self.right - self.left) / max(1, self.categories)
        return self.left + (index + 0.5) * band


def _y_axis(frame: _Frame, ticks: Sequence[float], y_label: str) -> list[Markup]:
    parts = [Markup('<g class="chart__grid" font-size="{}" text-anchor="end">').format(FONT_SIZE)]
    for tick in ticks:
        y = _num(round(frame.y(tick), 1))
        parts.append(
            Markup(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#d9dde3"/>'
                '<text x="{}" y="{}" dy="0.32em" fill="#4a525c">{}</text>'
            ).format(_num(frame.left), _num(frame.right), y, y, _num(frame.left - 6), y, _num(tick))
        )
    parts.append(Markup("</g>"))
    if y_label:
        parts.append(
            Markup(
                '<text class="chart__axis-label" x="{}" y="{}" font-size="{}" fill="#4a525c">'
                "{}</text>"
            ).format(_num(frame.left), MARGIN_TOP - 4, FONT_SIZE, y_label)
        )
    return parts


def _x_axis(frame: _Frame, categories: Sequence[str]) -> list[Markup]:
    band = (frame.right - frame.left) / max(1, len(categories))
    every = max(1, math.ceil(MIN_LABEL_GAP / band))  # label every n-th category
    parts = [
        Markup('<g class="chart__axis" font-size="{}" text-anchor="middle" fill="#4a525c">').format(
            FONT_SIZE
        ),
        Markup('<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#4a525c"/>').format(
            _num(frame.left), _num(frame.right), _num(frame.bottom), _num(frame.bottom)
        ),
    ]
    for i, category in enumerate(categories):
        x = _num(round(frame.x(i), 1))
        parts.append(Markup('<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#4a525c"/>').format(
            x, x, _num(frame.bottom), _num(frame.bottom + 4)))  # fmt: skip
        if i % every == 0:
            parts.append(Markup('<text x="{}" y="{}">{}</text>').format(
                x, _num(frame.bottom + 18), category))  # fmt: skip
    parts.append(Markup("</g>"))
    return parts


def _series(frame: _Frame, index: int, series: Series, categories: Sequence[str]) -> Markup:
    colour, dash = _style(index)
    points = [(round(frame.x(i), 1), round(frame.y(v), 1)) for i, v in enumerate(series.values)]
    dash_attr = Markup(' stroke-dasharray="{}"').format(dash) if dash else Markup("")
    parts = [
        Markup('<g class="chart__series" data-series="{}">').format(series.key or series.label),
        Markup('<polyline points="{}" fill="none" stroke="{}" stroke-width="2"{}/>').format(
            " ".join(f"{_num(x)},{_num(y)}" for x, y in points), colour, dash_attr
        ),
    ]
    for (x, y), value, category in zip(points, series.values, categories, strict=False):
        parts.append(
            Markup('<circle cx="{}" cy="{}" r="3.5" fill="{}"><title>{}, {}: {}</title></circle>')
            .format(_num(x), _num(y), colour, series.label, category, _num(value))
        )  # fmt: skip
    parts.append(Markup("</g>"))
    return Markup("").join(parts)


def _legend(frame: _Frame, series: Sequence[Series]) -> tuple[list[Markup], int]:
    """The legend below the axis, in as many columns as fit; with its height."""
    columns = max(1, int((frame.right - frame.left) // LEGEND_COLUMN))
    top = frame.bottom + AXIS_HEIGHT
    parts = [Markup('<g class="chart__legend" font-size="{}" fill="#1b1f24">').format(FONT_SIZE)]
    for i, item in enumerate(series):
        colour, dash = _style(i)
        x = frame.left + (i % columns) * LEGEND_COLUMN
        y = top + (i // columns) * LEGEND_ROW + LEGEND_ROW / 2
        dash_attr = Markup(' stroke-dasharray="{}"').format(dash) if dash else Markup("")
        parts.append(
            Markup(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="3"{}/>'
                '<circle cx="{}" cy="{}" r="3.5" fill="{}"/>'
                '<text x="{}" y="{}" dy="0.32em">{}</text>'
            ).format(_num(x), _num(x + 22), _num(y), _num(y), colour, dash_attr,
                     _num(x + 11), _num(y), colour, _num(x + 30), _num(y), item.label)
        )  # fmt: skip
    parts.append(Markup("</g>"))
    return parts, math.ceil(len(series) / columns) * LEGEND_ROW


def _header(width: int, height: int, title: str, chart_id: str, description: str) -> Markup:
    """The opening ``<svg>`` tag with its accessible name, title and description."""
    return Markup(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {w} {h}" '
        'width="{w}" height="{h}" role="img" aria-label="{title}" aria-describedby="{id}-desc">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>'
    ).format(w=width, h=height, title=title, id=chart_id, desc=description)


def line_chart(
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    title: str,
    chart_id: str,
    description: str = "",
    y_label: str = "",
    width: int = 760,
    plot_height: int = 260,
) -> Markup:
    """An SVG line chart: one line per series over the ``categories`` (the x axis), a value
    axis from zero with nice ticks, and a legend. ``chart_id`` must be unique in the page
    (it names the ``<title>`` and ``<desc>`` elements)."""
    maximum = max((v for s in series for v in s.values), default=0)
    ticks = nice_ticks(maximum) if maximum > 0 else [0.0, 1.0]
    y = LinearScale((0.0, ticks[-1]), (MARGIN_TOP + plot_height, MARGIN_TOP))
    frame = _Frame(width, plot_height, len(categories), y)
    legend, legend_height = _legend(frame, series)
    height = int(frame.bottom + AXIS_HEIGHT + legend_height + 8)
    parts = [
        _header(width, height, title, chart_id, description or title),
        *_y_axis(frame, ticks, y_label),
        *_x_axis(frame, categories),
        *(_series(frame, i, s, categories) for i, s in enumerate(series)),
        *legend,
        Markup("</svg>"),
    ]
    return Markup("").join(parts)
