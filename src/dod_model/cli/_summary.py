"""A short, readable account of a roadmap: what ``dod-model summary`` prints."""

from __future__ import annotations

from collections import Counter
from typing import Any

from dod_model.analysis import count_parties
from dod_model.cli._i18n import counted, text
from dod_model.model import Activity, DeadlineKind, Roadmap

__all__ = ["clip", "render_summary", "summary_data"]

_WIDTH = 100


def clip(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def summary_data(roadmap: Roadmap) -> dict[str, Any]:
    """Figures of a roadmap as JSON-ready data."""
    activities = roadmap.activities
    ends = sorted(a.deadline.end for a in activities if a.deadline.end is not None)
    kinds = Counter(a.deadline.kind.value for a in activities)
    # One body once, however its spellings differ (Party.key), shown as first written.
    parties = count_parties(p for a in activities for p in a.responsible)
    return {
        "title": roadmap.title,
        "region": roadmap.region,
        "municipality": roadmap.municipality,
        "kind": roadmap.kind.value if roadmap.kind else None,
        "period": (
            [roadmap.period.start.isoformat(), roadmap.period.end.isoformat()]
            if roadmap.period
            else None
        ),
        "approval": roadmap.approval.text if roadmap.approval else None,
        "sections": len(roadmap.sections),
        "activities": len(activities),
        "first_due": ends[0].isoformat() if ends else None,
        "last_due": ends[-1].isoformat() if ends else None,
        "deadline_kinds": dict(sorted(kinds.items())),
        "responsible": {count.party.name: count.count for count in parties},
    }


def _row(activity: Activity) -> str:
    responsible = ", ".join(p.name for p in activity.responsible) or "—"
    deadline = activity.deadline.text or "—"
    return (
        f"  {activity.number:<6} {clip(deadline, 22):<22} {clip(responsible, 26):<26} "
        f"{clip(activity.title, _WIDTH - 58)}"
    )


_FACTS = (
    "Region",
    "Municipality",
    "Kind",
    "Period",
    "Approved by",
    "Activities",
    "Due",
    "No dates",
    "Responsible",
)


def render_summary(roadmap: Roadmap) -> str:
    """The summary as text for a terminal, in the language of the command (``--lang``)."""
    data = summary_data(roadmap)
    lines = [clip(roadmap.title, _WIDTH), ""]
    width = max(14, *(len(text(name)) + 2 for name in _FACTS))

    def fact(name: str, value: object) -> None:
        if value not in (None, "", [], {}):
            lines.append(f"{text(name) + ':':<{width}}{value}")

    fact("Region", roadmap.region)
    fact("Municipality", roadmap.municipality)
    if roadmap.kind is not None:
        fact("Kind", f"{roadmap.kind.value} ({roadmap.kind.label})")
    if roadmap.period is not None:
        fact("Period", f"{roadmap.period.start} … {roadmap.period.end}")
    fact("Approved by", data["approval"])
    sections = counted(data["sections"], "section")
    activities = text("{count} in {sections}").format(count=data["activities"], sections=sections)
    fact("Activities", activities)
    if data["first_due"]:
        fact("Due", f"{data['first_due']} … {data['last_due']}")
    undated = {k: n for k, n in data["deadline_kinds"].items() if k not in _DATED}
    fact("No dates", ", ".join(f"{k} {n}" for k, n in undated.items()))
    fact("Responsible", "; ".join(f"{k} ({n})" for k, n in data["responsible"].items()))
    heads = text("Deadline"), text("Responsible"), text("Title")
    lines += ["", f"  {'№':<6} {heads[0]:<22} {heads[1]:<26} {heads[2]}"]
    lines.extend(_row(a) for a in roadmap.unsectioned)
    for section in roadmap.sections:
        lines.append(f"  {section.number}. {clip(section.title, _WIDTH - 6)}")
        lines.extend(_row(a) for a in section.activities)
    return "\n".join(lines) + "\n"


_DATED = frozenset(
    kind.value
    for kind in (
        DeadlineKind.DATE,
        DeadlineKind.BY,
        DeadlineKind.FROM,
        DeadlineKind.PERIOD,
        DeadlineKind.DATES,
    )
)
