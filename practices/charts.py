"""Small charts as data for a server-rendered SVG: every coordinate worked out here.

Pure functions, no database and no request: they take numbers and names and return
frozen dataclasses whose fields the template prints into `<svg>` elements (autoescaped,
like any text; path data holds only numbers). Colour comes from CSS classes on the
palette (the CSP allows no inline style), and no chart tells its series apart by colour
alone: each has its own marker shape or fill, a line style, and a legend.

Sizes are in the SVG's own units (its viewBox); CSS scales the whole drawing to the
page's width, text with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.text import capfirst

from practices.models import CheckIn

MARKER_RADIUS = 3.6


def number(value: float) -> str:
    """A coordinate as SVG text: one decimal at most, no "-0"."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


@dataclass(frozen=True, slots=True)
class Tick:
    at: str  # x (or y) in the viewBox
    label: str
    line_from: str = ""  # a gridline across the plot, when there is one
    line_to: str = ""


@dataclass(frozen=True, slots=True)
class Line:
    """One series of a line chart: unbroken runs as paths (a gap where a day is missing),
    and a marker at each point."""

    name: str
    css: str  # "mine" or "theirs": chart-line-mine, chart-marker-mine, legend-mine
    shape: str  # "circle" or "square", as the legend draws it
    paths: tuple[str, ...]
    markers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LineChart:
    width: int
    height: int
    left: str
    right: str
    top: str
    bottom: str
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    lines: tuple[Line, ...]
    label_x: str  # where the y ticks' labels end
    label_y: str  # where the x ticks' labels sit
    title: str
    desc: str


def marker_path(shape: str, x: float, y: float, radius: float = MARKER_RADIUS) -> str:
    """A marker as path data: a circle, or a square of about the same area."""
    if shape == "circle":
        return (
            f"M{number(x - radius)} {number(y)}"
            f"a{number(radius)} {number(radius)} 0 1 0 {number(2 * radius)} 0"
            f"a{number(radius)} {number(radius)} 0 1 0 {number(-2 * radius)} 0z"
        )
    half = radius * 0.9
    side = number(2 * half)
    return f"M{number(x - half)} {number(y - half)}h{side}v{side}h-{side}z"


def runs(points: Sequence[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Points split where a day is missing: [(1, 3), (2, 4), (5, 2)] -> two runs."""
    found: list[list[tuple[int, int]]] = []
    for point in sorted(points):
        if found and point[0] == found[-1][-1][0] + 1:
            found[-1].append(point)
        else:
            found.append([point])
    return found


def describe_moods(name: str, points: Sequence[tuple[int, int]], possessive: str) -> str:
    if not points:
        return f"{name} did not check in."
    moods = [mood for _, mood in points]
    days = f"{len(points)} day{'s' if len(points) != 1 else ''}"
    low, high = CheckIn.Mood(min(moods)).label, CheckIn.Mood(max(moods)).label
    spread = f"{low} every time" if low == high else f"from {low} to {high}"
    return f"{possessive} check-ins on {days}: {spread}."


def mood_chart(
    *,
    mine: Sequence[tuple[int, int]],
    theirs: Sequence[tuple[int, int]],
    days: int,
    partner: str,
    title: str,
) -> LineChart:
    """Moods (1–5) by day of the month (1–`days`): the viewer's as circles on a solid line,
    the partner's as squares on a dashed one; a line only joins consecutive days."""
    width, height = 360, 196
    left, right, top, bottom = 66.0, 350.0, 12.0, 166.0
    step_x = (right - left) / max(days - 1, 1)
    step_y = (bottom - top) / 4

    def x_of(day: int) -> float:
        return left + (day - 1) * step_x

    def y_of(mood: int) -> float:
        return bottom - (mood - 1) * step_y

    lines = []
    for name, css, shape, points in (
        ("You", "mine", "circle", mine),
        (capfirst(partner), "theirs", "square", theirs),
    ):
        paths = tuple(
            "M" + "L".join(f"{number(x_of(day))} {number(y_of(mood))}" for day, mood in run)
            for run in runs(points)
            if len(run) > 1
        )
        markers = tuple(marker_path(shape, x_of(day), y_of(mood)) for day, mood in sorted(points))
        lines.append(Line(name, css, shape, paths, markers))
    x_days = sorted({1, 8, 15, 22, days})
    return LineChart(
        width=width,
        height=height,
        left=number(left),
        right=number(right),
        top=number(top),
        bottom=number(bottom),
        x_ticks=tuple(Tick(number(x_of(day)), str(day)) for day in x_days),
        y_ticks=tuple(
            Tick(number(y_of(mood)), label, number(left), number(right))
            for mood, label in CheckIn.Mood.choices
        ),
        lines=tuple(lines),
        label_x=number(left - 7),
        label_y=number(bottom + 20),
        title=title,
        desc=" ".join(
            [
                "Mood by day of the month, from 1 (Heavy) to 5 (Bright).",
                describe_moods("You", mine, "Your"),
                describe_moods(lines[1].name, theirs, f"{lines[1].name}'s"),
            ]
        ),
    )


@dataclass(frozen=True, slots=True)
class Bar:
    css: str  # "mine" or "theirs"
    x: str
    y: str
    width: str
    height: str
    value: int
    value_x: str  # the number printed above the bar
    value_y: str


@dataclass(frozen=True, slots=True)
class BarGroup:
    label: str
    label_x: str
    bars: tuple[Bar, ...]


@dataclass(frozen=True, slots=True)
class BarChart:
    width: int
    height: int
    left: str
    right: str
    baseline: str
    label_y: str
    groups: tuple[BarGroup, ...]
    title: str
    desc: str


def paired_bars(
    groups: Sequence[tuple[str, int, int]],
    *,
    title: str,
    what: str,
) -> BarChart:
    """Two small bars per group (label, the viewer's value, the partner's), side by side:
    the viewer's filled, the partner's outlined, each with its number above it. `what`
    opens the description ("Notes you wrote to Sam, and Sam to you, by week:")."""
    width, height = 360, 170
    left, right, top, baseline = 8.0, 352.0, 20.0, 136.0
    tallest = max([1, *(max(mine, theirs) for _, mine, theirs in groups)])
    slot = (right - left) / max(len(groups), 1)
    bar_width = min(22.0, slot * 0.3)
    gap = 4.0
    drawn = []
    for index, (label, *values) in enumerate(groups):
        centre = left + slot * (index + 0.5)
        bars = []
        for side, (css, value) in enumerate(zip(("mine", "theirs"), values, strict=True)):
            x = centre - gap / 2 - bar_width if side == 0 else centre + gap / 2
            # A zero still shows as a hairline on the baseline, with its 0 above it.
            bar_height = max((baseline - top) * value / tallest, 0.75)
            bars.append(
                Bar(
                    css=css,
                    x=number(x),
                    y=number(baseline - bar_height),
                    width=number(bar_width),
                    height=number(bar_height),
                    value=value,
                    value_x=number(x + bar_width / 2),
                    value_y=number(baseline - bar_height - 4),
                )
            )
        drawn.append(BarGroup(label, number(centre), tuple(bars)))
    by_group = "; ".join(f"{label}, {mine} and {theirs}" for label, mine, theirs in groups)
    return BarChart(
        width=width,
        height=height,
        left=number(left),
        right=number(right),
        baseline=number(baseline),
        label_y=number(baseline + 20),
        groups=tuple(drawn),
        title=title,
        desc=f"{what} {by_group}.",
    )
