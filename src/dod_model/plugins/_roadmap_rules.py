"""The core rules every roadmap is checked against, whatever its region."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator

from dod_model._base import budgets
from dod_model.model import Activity, ColumnRole, Deadline, DeadlineKind, Roadmap
from dod_model.plugins._listing import is_range, listed, run_text
from dod_model.plugins._measures import MEASURES, planned_measures
from dod_model.validation import RuleContext, rule

__all__ = ["ROADMAP_RULES"]

Found = Iterator[tuple[object, str]]


def _name(activity: Activity) -> str:
    return f"activity {activity.number}" if activity.number else "an unnumbered activity"


def _lacks_column(roadmap: Roadmap, role: ColumnRole) -> bool:
    return bool(roadmap.columns) and role not in roadmap.columns


@rule("core/missing-deadline", severity="warning", applies_to=Roadmap, since="0.1.0")
def missing_deadline(roadmap: Roadmap, context: RuleContext) -> Found:
    """Every activity should say when it is due."""
    if _lacks_column(roadmap, ColumnRole.DEADLINE):
        if roadmap.activities:
            yield (
                roadmap,
                (
                    f"the table has no deadline column: none of its {len(roadmap.activities)} "
                    "activities says when it is due; add a «Сроки» column"
                ),
            )
        return
    for activity in roadmap.iter_activities():
        if activity.deadline.kind is DeadlineKind.NONE:
            yield activity, f"{_name(activity)} has no deadline; write when it is due"


@rule("core/unparsed-deadline", severity="warning", applies_to=Activity, since="0.1.0")
def unparsed_deadline(activity: Activity, context: RuleContext) -> Found:
    """A deadline should have a calendar meaning: a date, a month, a period or a known phrase."""
    if activity.deadline.kind is DeadlineKind.UNKNOWN:
        yield (
            (activity, "deadline"),
            (
                f"{_name(activity)}: the deadline «{activity.deadline.text}» names no date the "
                "library can be sure of; write a date («31.12.2024»), a month or a period"
            ),
        )


@rule("core/deadline-outside-period", severity="warning", applies_to=Activity, since="0.1.0")
def deadline_outside_period(activity: Activity, context: RuleContext) -> Found:
    """Deadlines should fall inside the period the plan covers."""
    period = context.period
    if period is None:
        return
    deadline = activity.deadline
    days = [d for d in (deadline.start, deadline.end, *deadline.dates) if d is not None]
    outside = sorted({d for d in days if d not in period})
    if outside:
        yield (
            (activity, "deadline"),
            (
                f"{_name(activity)}: «{' '.join(deadline.text.split())}» reaches "
                f"{listed((d.isoformat() for d in outside), len(outside))}, outside the "
                f"plan's period {period.start.isoformat()} … {period.end.isoformat()}"
            ),
        )


@rule("core/duplicate-number", severity="warning", applies_to=Roadmap, since="0.1.0")
def duplicate_number(roadmap: Roadmap, context: RuleContext) -> Found:
    """Activity numbers should be unique."""
    seen: dict[str, Activity] = {}
    for activity in roadmap.iter_activities():
        if not activity.number:
            continue
        if activity.number in seen:
            yield activity, f"activity number {activity.number} is used twice; renumber one of them"
        else:
            seen[activity.number] = activity


# Each part a number of at most NUMBER_DIGITS digits: longer ones are no number to count on.
_PART = rf"[0-9]{{1,{budgets.NUMBER_DIGITS}}}"
_NUMERIC = re.compile(rf"{_PART}(?:\.{_PART})*")


def _siblings(
    activities: tuple[Activity, ...],
) -> dict[tuple[int, ...], list[tuple[int, Activity]]]:
    groups: dict[tuple[int, ...], list[tuple[int, Activity]]] = {}
    for activity in activities:
        if _NUMERIC.fullmatch(activity.number):
            parts = tuple(int(p) for p in activity.number.split("."))
            groups.setdefault(parts[:-1], []).append((parts[-1], activity))
    return groups


def _under(prefix: tuple[int, ...]) -> Callable[[int], str]:
    """How the numbers under ``prefix`` are written: 3 under (1, 2) is «1.2.3»."""
    head = "".join(f"{part}." for part in prefix)
    return lambda number: f"{head}{number}"


@rule("core/skipped-number", severity="warning", applies_to=Roadmap, since="0.1.0")
def skipped_number(roadmap: Roadmap, context: RuleContext) -> Found:
    """Numbering should run without gaps: 1.1, 1.2, 1.3, not 1.1, 1.3.

    A gap is named by its ends («2–2999999, 2,999,998 numbers»): the message and the work are
    the same whatever the numbers.
    """
    groups = [roadmap.unsectioned, *(s.activities for s in roadmap.sections)]
    for activities in groups:
        for prefix, numbered in _siblings(activities).items():
            shown = _under(prefix)
            for (before, _), (after, activity) in itertools.pairwise(numbered):
                if after > before + 1:
                    missing = run_text(before + 1, after - 1, shown)
                    if is_range(before + 1, after - 1):
                        missing += f" ({after - before - 1:,} numbers)"
                    yield activity, f"numbering skips {missing} before activity {activity.number}"


@rule("core/number-outside-section", severity="warning", applies_to=Roadmap, since="0.1.0")
def number_outside_section(roadmap: Roadmap, context: RuleContext) -> Found:
    """An activity numbered 2.1 belongs in section 2."""
    for section in roadmap.sections:
        if not section.number.isdigit():
            continue
        for activity in section.activities:
            head = activity.number.split(".")[0]
            if "." in activity.number and head.isdigit() and head != section.number:
                yield (
                    activity,
                    (
                        f"activity {activity.number} stands in section {section.number}; check its "
                        "number or its place"
                    ),
                )


@rule("core/empty-title", severity="error", applies_to=Activity, since="0.1.0")
def empty_title(activity: Activity, context: RuleContext) -> Found:
    """Every activity needs a title: what is to be done."""
    if not activity.title.strip():
        yield activity, f"{_name(activity)} has no title; write what is to be done"


@rule("core/missing-result", severity="warning", applies_to=Roadmap, since="0.1.0")
def missing_result(roadmap: Roadmap, context: RuleContext) -> Found:
    """Where the table has a result column, every activity should state its result."""
    if ColumnRole.RESULT not in roadmap.columns:
        return
    for activity in roadmap.iter_activities():
        if not activity.results:
            yield activity, f"{_name(activity)} states no result; write what it produces"


@rule("core/target-model-coverage", severity="info", applies_to=Roadmap, since="0.1.0")
def target_model_coverage(roadmap: Roadmap, context: RuleContext) -> Found:
    """Which measures of the target model the roadmap plans, and which it lacks."""
    if not roadmap.activities:
        return
    planned = planned_measures(roadmap)
    lacking = [m.english for m in MEASURES if m not in planned]
    summary = f"plans {len(planned)} of the {len(MEASURES)} measures of the target model"
    if lacking:
        summary += f"; not planned: {', '.join(lacking)}"
    yield roadmap, summary


# Where a cell lists several things: a semicolon, a line break, a comma between deadlines.
_ITEMS = re.compile(r"[;\n]")
_DEADLINE_ITEMS = re.compile(r"[;,\n]")
_UNREAD = frozenset({DeadlineKind.NONE, DeadlineKind.UNKNOWN})


def _deadlines_listed(deadline: Deadline) -> list[str]:
    """The deadlines a cell lists, if it lists two or more that each read and is none itself."""
    if deadline.kind not in _UNREAD or len(deadline.text) > budgets.TEXT_CHARS // 100:
        return []
    parts = [p.strip() for p in _DEADLINE_ITEMS.split(deadline.text) if p.strip()]
    if len(parts) < 2 or any(Deadline.parse(p).kind in _UNREAD for p in parts):
        return []
    return parts


@rule("core/several-activities", severity="warning", applies_to=Activity, since="0.3.0")
def several_activities(activity: Activity, context: RuleContext) -> Found:
    """A row should hold one activity: several, each with its deadline, cannot be tracked.

    The row is kept whole as one activity (reading does not guess where to part it); its
    deadlines, listed in one cell, are reported here.
    """
    deadlines = _deadlines_listed(activity.deadline)
    items = [i for i in _ITEMS.split(activity.title) if i.strip()]
    if deadlines and (len(items) > 1 or len(activity.steps) > 1):
        shown = ", ".join(f"«{d}»" for d in deadlines)
        yield (
            activity,
            (
                f"{_name(activity)} holds several activities with {len(deadlines)} deadlines "
                f"({shown}) in one row; give each its own row"
            ),
        )


ROADMAP_RULES = (
    missing_deadline,
    unparsed_deadline,
    deadline_outside_period,
    duplicate_number,
    skipped_number,
    number_outside_section,
    empty_title,
    missing_result,
    several_activities,
    target_model_coverage,
)
