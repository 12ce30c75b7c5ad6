"""What ``dod-model status`` and ``dod-model diff`` print: tables and JSON-ready data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from dod_model.analysis import ActivityChange, ActivityStatus, RoadmapDiff, RoadmapStatus
from dod_model.cli._summary import clip
from dod_model.model import Activity, Roadmap

__all__ = ["diff_data", "render_diff", "render_status", "status_data"]

_WIDTH = 100
_HEADINGS = {
    "overdue": ("Overdue", "was due"),
    "due": ("Due", "next due"),
    "upcoming": ("Upcoming", "opens"),
    "later": ("Later (beyond the horizon)", "date"),
    "done": ("Done", "done on"),
    "unknown": ("No calendar meaning", ""),
}
_CHANGES = ("renumbered", "retitled", "redated", "reassigned")


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _activity_data(activity: Activity) -> dict[str, Any]:
    return {
        "number": activity.number,
        "section": activity.section,
        "title": activity.title,
        "deadline": activity.deadline.text,
        "responsible": [party.name for party in activity.responsible],
    }


def _entry_data(entry: ActivityStatus) -> dict[str, Any]:
    return {
        **_activity_data(entry.activity),
        "status": entry.status.value,
        "when": _iso(entry.when),
        "next_due": _iso(entry.next_due),
        "last_due": _iso(entry.last_due),
        "opens": _iso(entry.opens),
        "due_dates": [day.isoformat() for day in entry.due_dates],
        "done_on": _iso(entry.done_on),
        "done_by": entry.done_by,
        "after_plan_end": entry.after_plan_end,
    }


def status_data(roadmap: Roadmap, result: RoadmapStatus) -> dict[str, Any]:
    """A status as JSON-ready data: the day, the counts, and each group's activities."""
    groups = result.groups
    return {
        "title": roadmap.title,
        "region": roadmap.region,
        "period": (
            [roadmap.period.start.isoformat(), roadmap.period.end.isoformat()]
            if roadmap.period
            else None
        ),
        "on": result.on.isoformat(),
        "horizon": result.horizon,
        "counts": {name: len(entries) for name, entries in groups.items()},
        **{name: [_entry_data(e) for e in entries] for name, entries in groups.items()},
        "unmatched": list(result.unmatched),
    }


def _status_row(entry: ActivityStatus) -> str:
    activity = entry.activity
    when = _iso(entry.when) or ""
    deadline = clip(activity.deadline.text, 24) or "—"
    return f"  {activity.number:<6} {when:<10}  {deadline:<24} {clip(activity.title, _WIDTH - 46)}"


def render_status(roadmap: Roadmap, result: RoadmapStatus) -> str:
    """A status as a table for a terminal: one block per non-empty group."""
    period = f"{roadmap.period.start} … {roadmap.period.end}" if roadmap.period else "unknown"
    ahead = f", looking {result.horizon} days ahead" if result.horizon is not None else ""
    if roadmap.period is not None and result.on > roadmap.period.end:
        period += ", over"
    lines = [
        clip(roadmap.title, _WIDTH),
        f"On {result.on.isoformat()}{ahead} (plan period {period}):",
        ", ".join(f"{len(v)} {k}" for k, v in result.groups.items()),
    ]
    for name, entries in result.groups.items():
        if not entries:
            continue
        heading, column = _HEADINGS[name]
        lines += ["", f"{heading} ({len(entries)})"]
        lines.append(f"  {'№':<6} {column:<10}  {'Deadline':<24} Title")
        lines.extend(_status_row(entry) for entry in entries)
    return "\n".join(lines) + "\n"


def _change_data(change: ActivityChange) -> dict[str, Any]:
    return {
        "old": _activity_data(change.old),
        "new": _activity_data(change.new),
        "matched_by": change.matched_by,
        "similarity": round(change.similarity, 3),
        "changes": [name for name in _CHANGES if getattr(change, name)],
    }


def diff_data(old: str, new: str, result: RoadmapDiff) -> dict[str, Any]:
    """A diff as JSON-ready data: counts, added, removed and every changed pair."""
    return {
        "old": old,
        "new": new,
        "counts": {
            "added": len(result.added),
            "removed": len(result.removed),
            **{name: len(getattr(result, name)) for name in _CHANGES},
            "unchanged": len(result.unchanged),
        },
        "added": [_activity_data(a) for a in result.added],
        "removed": [_activity_data(a) for a in result.removed],
        "changed": [_change_data(c) for c in result.matched if c.changed],
    }


def _parties(activity: Activity) -> str:
    return "; ".join(party.name for party in activity.responsible) or "—"


def render_diff(old: str, new: str, result: RoadmapDiff) -> str:
    """A diff as text for a terminal: a count line, then each kind of change."""
    counts = diff_data(old, new, result)["counts"]
    lines = [
        f"{old} → {new}",
        ", ".join(f"{n} {name.replace('redated', 're-dated')}" for name, n in counts.items()),
    ]

    def block(title: str, rows: list[str]) -> None:
        if rows:
            lines.extend(["", title, *rows])

    block("Added", [f"  + {a.number:<6} {clip(a.title, _WIDTH - 12)}" for a in result.added])
    block("Removed", [f"  - {a.number:<6} {clip(a.title, _WIDTH - 12)}" for a in result.removed])
    block(
        "Renumbered",
        [f"  ~ {c.old.number + ' → ' + c.new.number:<12} {clip(c.new.title, _WIDTH - 18)}"
         for c in result.renumbered],
    )  # fmt: skip
    block(
        "Retitled",
        [
            row
            for c in result.retitled
            for row in (
                f"  ~ {c.new.number:<6} {clip(c.old.title, _WIDTH - 12)}",
                f"    {'':<6} → {clip(c.new.title, _WIDTH - 14)}",
            )
        ],
    )
    block(
        "Re-dated",
        [f"  ~ {c.new.number:<6} {clip(c.old.deadline.text, 40) or '—'} → "
         f"{clip(c.new.deadline.text, 40) or '—'}" for c in result.redated],
    )  # fmt: skip
    block(
        "Reassigned",
        [f"  ~ {c.new.number:<6} {clip(_parties(c.old), 40)} → {clip(_parties(c.new), 40)}"
         for c in result.reassigned],
    )  # fmt: skip
    return "\n".join(lines) + "\n"
