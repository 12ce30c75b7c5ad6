"""``dod_model.analysis.timeline``: a roadmap (or many) as a Gantt chart, in SVG, PNG or PDF.

One row per activity, grouped under its section (and, for many roadmaps, under its roadmap):
a bar over the activity's span, ticks on it at each due date of a recurring deadline, a
diamond at each due date of an activity with no span. Colours say where each activity stands
on the day (:func:`dod_model.status`); the plan's period is shaded and the day drawn as a line.
The figure is as tall as its rows, so a roadmap of 200 activities keeps rows of the same
height as one of ten.

matplotlib draws it (the standard plotting library, with SVG, PNG and PDF backends, and DejaVu
Sans, which has Cyrillic, shipped with it); it is an optional extra, ``dod-model[timeline]``,
imported only when a picture is made. The figure is a :class:`matplotlib.figure.Figure` made
directly, never through ``pyplot``: no process-wide state changes, nothing is shown.
"""

from __future__ import annotations

import datetime as dt
import io
import textwrap
import unicodedata
import warnings
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal

import attrs

from dod_model._errors import DocumentError
from dod_model.analysis._status import status
from dod_model.model import DeadlineKind, Period, Roadmap

if TYPE_CHECKING:
    from matplotlib.figure import Figure
else:
    Figure = Any  # matplotlib is imported only when a picture is made

__all__ = [
    "STATUS_COLOURS",
    "TimelineExporter",
    "TimelineRow",
    "render_timeline",
    "timeline",
    "timeline_rows",
]

STATUS_COLOURS: dict[str, str] = {
    "overdue": "#d55e00",
    "due": "#e69f00",
    "upcoming": "#0072b2",
    "later": "#56b4e9",
    "done": "#009e73",
    "unknown": "#999999",
}
"""The colour of each group of :class:`dod_model.analysis.RoadmapStatus` (Okabe–Ito, which
readers with a colour vision deficiency tell apart)."""

_LEGEND = {
    "overdue": "просрочено",
    "due": "в работе",
    "upcoming": "предстоит",
    "later": "позже",
    "done": "выполнено",
    "unknown": "срок не определён",
}
_MONTHS = ("янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")
_FONT = "DejaVu Sans"
_LABEL = 60  # characters of a row's label, its number included
_ROW = 0.24  # inches a row takes
_WIDTH = 11.69  # inches: A4 landscape
_SPANNING = (DeadlineKind.ONGOING, DeadlineKind.PERIODIC, DeadlineKind.WITHIN_YEAR)
_Format = Literal["svg", "png", "pdf"]


@attrs.frozen(kw_only=True)
class TimelineRow:
    """One row of a timeline: a heading (roadmap, section) or an activity.

    Attributes:
        label: The text at the left: the number and the title, cut to fit.
        kind: ``"roadmap"``, ``"section"`` or ``"activity"``.
        status: The activity's group in :func:`dod_model.status` («overdue», «due», …);
            ``None`` for a heading.
        span: The days its bar covers: the deadline's own period; from its start to the
            plan's end («с 01.09.2020»); the plan's period for «постоянно», «ежегодно» and «в
            течение года». ``None`` when it has no span (a due date alone, or nothing known).
        due: The due dates drawn: as ticks on the bar, or as points without one.

    .. versionadded:: 0.3.0
    """

    label: str
    kind: str
    status: str | None = None
    span: Period | None = None
    due: tuple[dt.date, ...] = ()


def _clean(text: str) -> str:
    """The text on one line, without what a font cannot draw (controls, lone surrogates)."""
    kept = "".join(
        " " if c.isspace() else c
        for c in text
        if c.isspace() or unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co", "Cn")
    )
    # matplotlib reads $…$ as mathematics: draw a dollar sign as a dollar sign.
    return " ".join(kept.split()).replace("$", r"\$")


def _cut(number: str, title: str, width: int = _LABEL) -> str:
    """``number title``, the title cut with «…» so that the whole fits ``width`` characters."""
    number, title = _clean(number)[:12], _clean(title)
    room = max(8, width - len(number) - 1)
    if len(title) > room:
        title = title[: room - 1].rstrip() + "…"
    return f"{number} {title}".strip() if number else title


def _span(
    kind: DeadlineKind, own: Period | None, start: dt.date | None, plan: Period | None
) -> Period | None:
    if own is not None and own.start < own.end:
        return own
    if own is not None:
        return None  # a single day: a point
    if plan is None:
        return None
    if kind is DeadlineKind.FROM and start is not None and start < plan.end:
        return Period(start, plan.end)
    if kind in _SPANNING:
        return plan
    return None


def _rows_of(roadmap: Roadmap, on: dt.date, heading: bool) -> Iterator[TimelineRow]:
    groups = {
        id(entry.activity): (name, entry)
        for name, entries in status(roadmap, on).groups.items()
        for entry in entries
    }
    if heading:
        name = roadmap.municipality or roadmap.title or "Дорожная карта"
        yield TimelineRow(label=_cut("", name, _LABEL - 8), kind="roadmap")
    plan = roadmap.period
    shown: str | None = None
    sections = {section.number: section for section in roadmap.sections}
    for activity in roadmap.iter_activities():
        if activity.section != shown and activity.section in sections:
            shown = activity.section
            section = sections[shown]
            yield TimelineRow(label=_cut(section.number, section.title, _LABEL - 6), kind="section")
        name, entry = groups[id(activity)]
        deadline = activity.deadline
        span = _span(deadline.kind, deadline.period, deadline.start, plan)
        due = entry.due_dates
        if span is None and not due and deadline.start is not None:
            due = (deadline.start,)
        yield TimelineRow(
            label=_cut(activity.number, activity.title),
            kind="activity",
            status=name,
            span=span,
            due=due,
        )


def _roadmaps(roadmaps: Roadmap | Iterable[Roadmap]) -> tuple[Roadmap, ...]:
    return (roadmaps,) if isinstance(roadmaps, Roadmap) else tuple(roadmaps)


def timeline_rows(
    roadmaps: Roadmap | Iterable[Roadmap], *, today: dt.date | None = None
) -> tuple[TimelineRow, ...]:
    """The rows a timeline draws, top to bottom: what :func:`timeline` pictures, as data.

    Args:
        roadmaps: A roadmap, or many (a :class:`dod_model.analysis.Collection`, a list).
        today: The day the colours are judged on (and the line drawn at); today when ``None``.

    .. versionadded:: 0.3.0
    """
    on = today or dt.date.today()
    plans = _roadmaps(roadmaps)
    return tuple(row for rm in plans for row in _rows_of(rm, on, heading=len(plans) > 1))


def _matplotlib() -> Any:
    try:
        import matplotlib  # noqa: PLC0415 (an optional extra, imported when a picture is made)
        from matplotlib.figure import Figure  # noqa: PLC0415
    except ImportError:
        msg = "drawing a timeline needs matplotlib: pip install 'dod-model[timeline]'"
        raise DocumentError(msg) from None
    return matplotlib, Figure


def _extent(rows: tuple[TimelineRow, ...], plans: tuple[Roadmap, ...]) -> tuple[dt.date, dt.date]:
    days: list[dt.date] = []
    for plan in plans:
        if plan.period is not None:
            days += [plan.period.start, plan.period.end]
    for row in rows:
        if row.span is not None:
            days += [row.span.start, row.span.end]
        days += row.due
    if not days:
        year = dt.date.today().year
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    first, last = min(days), max(days)
    if (last - first).days < 60:
        first, last = _moved(first, -30), _moved(last, 30)
    pad = max(7, (last - first).days // 40)
    return _moved(first, -pad), _moved(last, pad)


def _moved(day: dt.date, days: int) -> dt.date:
    """``day`` moved by ``days``, within the calendar (a hostile date may stand at its end)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def _month_ticks(first: dt.date, last: dt.date) -> tuple[list[dt.date], list[str]]:
    months = (last.year - first.year) * 12 + last.month - first.month
    step = next((s for limit, s in ((15, 1), (36, 3), (84, 6)) if months <= limit), 12)
    if months > 12 * 24:  # over more than 24 years (a hostile date): a tick every so many
        step = 12 * -(-months // (12 * 24))
    if step >= 12:  # whole years: count them, not the months between
        return _year_ticks(first, last, step // 12)
    ticks: list[dt.date] = []
    labels: list[str] = []
    year, month = first.year, first.month
    while dt.date(year, month, 1) <= last:
        day = dt.date(year, month, 1)
        if day >= first and (month - 1) % step == 0:
            shown = month == 1 or not ticks
            ticks.append(day)
            labels.append(f"{_MONTHS[month - 1]}\n{year}" if shown else _MONTHS[month - 1])
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return ticks, labels


def _year_ticks(first: dt.date, last: dt.date, every: int) -> tuple[list[dt.date], list[str]]:
    """A tick on 1 January of every ``every``-th year from ``first`` to ``last``."""
    years = range(first.year + (first != dt.date(first.year, 1, 1)), last.year + 1, every)
    ticks = [dt.date(year, 1, 1) for year in years]
    return ticks, [f"{_MONTHS[0]}\n{day.year}" for day in ticks]


def _number(day: dt.date) -> float:
    return float(day.toordinal())


def _draw_rows(axes: Any, rows: tuple[TimelineRow, ...], first: dt.date, last: dt.date) -> None:
    left = _number(first)
    for index, row in enumerate(rows):
        y = -index
        if row.kind != "activity":
            axes.axhspan(y - 0.5, y + 0.5, color="#eeeeee", zorder=0, linewidth=0)
            continue
        colour = STATUS_COLOURS.get(row.status or "unknown", STATUS_COLOURS["unknown"])
        if row.span is not None:
            start, end = _number(row.span.start), _number(row.span.end) + 1
            bar = axes.barh(
                y,
                end - start,
                left=start,
                height=0.6,
                color=colour,
                edgecolor="white",
                linewidth=0.4,
                zorder=3,
            )
            bar.patches[0].set_gid(f"bar-{index}")
            inside = [_number(d) for d in row.due if row.span.start <= d <= row.span.end]
            if len(inside) > 1 or (inside and inside[0] < start + 0.5 * (end - start) - 1):
                ticks = axes.plot(
                    inside,
                    [y] * len(inside),
                    linestyle="none",
                    marker="|",
                    markersize=8,
                    markeredgewidth=1.4,
                    color="#333333",
                    zorder=4,
                )
                ticks[0].set_gid(f"ticks-{index}")
        elif row.due:
            points = axes.plot(
                [_number(d) for d in row.due],
                [y] * len(row.due),
                linestyle="none",
                marker="D",
                markersize=6,
                color=colour,
                markeredgecolor="#333333",
                markeredgewidth=0.5,
                zorder=4,
            )
            points[0].set_gid(f"due-{index}")
        else:
            axes.text(
                left,
                y,
                "  срок не определён",
                fontsize=7,
                color="#777777",
                va="center",
                style="italic",
                zorder=4,
                gid=f"undated-{index}",
            )


def _draw_today(axes: Any, today: dt.date, first: dt.date, last: dt.date) -> None:
    label = f"сегодня {today:%d.%m.%Y}"
    if first <= today <= last:
        axes.axvline(_number(today), color="#c00000", linewidth=1.4, zorder=5, gid="today")
        axes.text(
            _number(today),
            1.0,
            f" {label}",
            transform=axes.get_xaxis_transform(),
            color="#c00000",
            fontsize=8,
            va="bottom",
            ha="left",
            clip_on=False,
        )
        return
    after = today > last
    axes.text(
        1.0 if after else 0.0,
        1.0,
        f"{label} →" if after else f"← {label}",
        transform=axes.transAxes,
        color="#c00000",
        fontsize=8,
        va="bottom",
        ha="right" if after else "left",
        gid="today",
    )


def _title(plans: tuple[Roadmap, ...], today: dt.date) -> str:
    if len(plans) == 1:
        plan = plans[0]
        head = _clean(plan.title or plan.municipality or "Дорожная карта")
    else:
        head = f"Дорожные карты: {len(plans)}"
    lines = textwrap.wrap(head, 120, max_lines=2, placeholder=" …") or [""]
    return "\n".join([*lines, f"состояние на {today:%d.%m.%Y}"])


def timeline(roadmaps: Roadmap | Iterable[Roadmap], *, today: dt.date | None = None) -> Figure:
    """A Gantt chart of a roadmap, or of many: one row per activity, grouped by section.

    Each activity is drawn over its span (:attr:`TimelineRow.span`) as a bar, with a tick at
    each due date of a recurring deadline; without a span, as a diamond at each due date;
    without dates, as «срок не определён». Its colour is its group in :func:`dod_model.status`
    on ``today`` (:data:`STATUS_COLOURS`): overdue, due, upcoming, done. Titles are cut with
    their numbers kept; the plan's period is shaded; the day is a red line, or an arrow at the
    edge when it is outside the plan. Many roadmaps are drawn one under another, each under
    its municipality (or title).

    The figure is ``matplotlib.figure.Figure``, not attached to ``pyplot``: save it with
    ``figure.savefig("plan.svg")``, or write a roadmap with :func:`dod_model.write` to
    ``.svg`` / ``.png`` (``format="timeline-pdf"`` for PDF).

    Args:
        roadmaps: A roadmap, or many (a :class:`dod_model.analysis.Collection`, a list).
        today: The day to judge on and mark; today when ``None``.

    Returns:
        The figure, 11.7 inches wide (A4 landscape) and as tall as its rows.

    Raises:
        DocumentError: matplotlib is not installed.

    .. versionadded:: 0.3.0
    """
    _, figure_class = _matplotlib()
    from matplotlib.transforms import blended_transform_factory  # noqa: PLC0415 (the extra)

    on = today or dt.date.today()
    plans = _roadmaps(roadmaps)
    rows = timeline_rows(plans, today=on)
    first, last = _extent(rows, plans)
    height = 1.9 + _ROW * max(len(rows), 4)
    figure: Figure = figure_class(figsize=(_WIDTH, height), dpi=100)
    top = 1 - 1.2 / height
    bottom = 0.7 / height
    axes = figure.add_axes((0.36, bottom, 0.62, top - bottom))
    for plan in plans:
        if plan.period is not None:
            axes.axvspan(
                _number(plan.period.start),
                _number(plan.period.end) + 1,
                color="#dbe9f6",
                alpha=0.6,
                zorder=1,
                linewidth=0,
                gid="plan-period",
            )
    _draw_rows(axes, rows, first, last)
    axes.set_xlim(_number(first), _number(last))
    axes.set_ylim(-max(len(rows), 1) + 0.5, 0.5)  # a roadmap of no activities: one empty row
    ticks, labels = _month_ticks(first, last)
    axes.set_xticks([_number(d) for d in ticks], labels, fontsize=7, family=_FONT)
    axes.set_yticks([])
    place = blended_transform_factory(figure.transFigure, axes.transData)
    for index, row in enumerate(rows):
        axes.text(
            0.012,
            -index,
            row.label,
            transform=place,
            fontsize=7.5,
            family=_FONT,
            va="center",
            ha="left",
            clip_on=False,
            gid=f"label-{index}",
            fontweight="normal" if row.kind == "activity" else "bold",
        )
    axes.grid(axis="x", color="#cccccc", linewidth=0.5, zorder=0)
    axes.set_axisbelow(True)
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    _draw_today(axes, on, first, last)
    figure.suptitle(
        _title(plans, on),
        x=0.02,
        y=1 - 0.12 / height,
        ha="left",
        va="top",
        fontsize=10,
        family=_FONT,
    )
    _legend(figure, rows, plans, height)
    return figure


def _legend(
    figure: Any, rows: tuple[TimelineRow, ...], plans: tuple[Roadmap, ...], height: float
) -> None:
    from matplotlib.patches import Patch  # noqa: PLC0415 (the optional extra)

    seen = {row.status for row in rows if row.kind == "activity"}
    handles = [
        Patch(color=STATUS_COLOURS[name], label=_LEGEND[name])
        for name in STATUS_COLOURS
        if name in seen
    ]
    if any(plan.period is not None for plan in plans):
        handles.append(Patch(color="#dbe9f6", label="период плана"))
    if handles:
        figure.legend(
            handles=handles,
            loc="lower left",
            bbox_to_anchor=(0.02, 0.05 / height),
            ncol=len(handles),
            fontsize=7.5,
            frameon=False,
            prop={"family": _FONT, "size": 7.5},
        )


_MEDIA = {"svg": "image/svg+xml", "png": "image/png", "pdf": "application/pdf"}


def render_timeline(
    roadmaps: Roadmap | Iterable[Roadmap], format: str = "svg", *, today: dt.date | None = None
) -> bytes:
    """The :func:`timeline` of roadmaps as the bytes of an SVG, PNG or PDF picture.

    The same roadmaps on the same day give the same bytes. SVG keeps its text as text
    (searchable, selectable, in DejaVu Sans) and takes its ids from a fixed salt; PDF embeds
    the font; PNG is drawn at 150 dots an inch; none carries a date.

    Args:
        roadmaps: A roadmap, or many.
        format: ``"svg"``, ``"png"`` or ``"pdf"``.
        today: The day to judge on and mark; today when ``None``.

    Raises:
        DocumentError: matplotlib is not installed.
        ValueError: ``format`` is none of the three.

    .. versionadded:: 0.3.0
    """
    if format not in _MEDIA:
        msg = f"a timeline is drawn as svg, png or pdf, not {format!r}"
        raise ValueError(msg)
    return _render(timeline(roadmaps, today=today), format)


def _render(figure: Figure, format: str) -> bytes:
    matplotlib, _ = _matplotlib()
    metadata: dict[str, Any] = {
        "svg": {"Date": None, "Creator": None},
        "png": {"Software": None},
        "pdf": {"CreationDate": None, "ModDate": None, "Creator": None, "Producer": None},
    }[format]
    stream = io.BytesIO()
    settings = {"svg.hashsalt": "dod-model", "svg.fonttype": "none", "pdf.fonttype": 42}
    with matplotlib.rc_context(settings), warnings.catch_warnings():
        # A character no font has is drawn as a box: the picture is still the document's.
        warnings.filterwarnings("ignore", "Glyph .* missing from font", UserWarning)
        figure.savefig(
            stream, format=format, metadata=metadata, dpi=150 if format == "png" else 100
        )
    return stream.getvalue()


@attrs.frozen
class TimelineExporter:
    """The timeline of a roadmap as an exporter: «timeline» (SVG), «timeline-png», «timeline-pdf».

    SVG and PNG claim their suffixes, so ``write(rm, "plan.svg")`` draws a timeline. PDF
    claims none: a ``.pdf`` of a roadmap is as likely to be meant as its table, so the
    timeline in PDF is asked for by name (``format="timeline-pdf"``, ``--to timeline-pdf``).

    Attributes:
        format: ``"svg"``, ``"png"`` or ``"pdf"``.
        today: The day the picture is judged on; the day it is written when ``None``.

    .. versionadded:: 0.3.0
    """

    format: _Format = "svg"
    today: dt.date | None = attrs.field(default=None, kw_only=True)

    @property
    def name(self) -> str:
        """«timeline», «timeline-png» or «timeline-pdf»."""
        return "timeline" if self.format == "svg" else f"timeline-{self.format}"

    @property
    def suffixes(self) -> tuple[str, ...]:
        """«.svg» or «.png»; none for PDF."""
        return () if self.format == "pdf" else (f".{self.format}",)

    @property
    def media_type(self) -> str:
        """The picture's media type."""
        return _MEDIA[self.format]

    def export(self, roadmap: Roadmap) -> bytes:
        """The roadmap's timeline (:func:`timeline`) as a picture."""
        return render_timeline(roadmap, self.format, today=self.today)
