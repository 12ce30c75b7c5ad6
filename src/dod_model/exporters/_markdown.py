"""The Markdown exporter: a roadmap as a readable page, one table per section."""

from __future__ import annotations

import re
from collections.abc import Iterable

from dod_model._base import dotted_date
from dod_model._contracts import TEMPLATE_HEADERS
from dod_model.exporters._table import FIELD_ROLES, field_text
from dod_model.model import Activity, ColumnRole, Roadmap

__all__ = ["MarkdownExporter", "escape_cell", "escape_text"]

_INLINE = re.compile(r"([\\`*_\[\]<>|#~&])")
_LIST_MARK = re.compile(r"^(\d{0,9})([.)+-])(?=\s|$)")  # would open a list in a list item
_BREAKS = re.compile(r"\r\n|\r|\n|\u2028|\u2029")
_HEADER = (
    ColumnRole.NUMBER.label,
    "Мероприятие",
    "Срок",
    ColumnRole.RESULT.label.capitalize(),
    "Ответственные",
)


_NO_HEADER = "<!-- -->"
"""The header cell of a column kept under an empty header: an HTML comment, which a page does
not show, so that the cell is not empty (a page's reader may drop an empty header)."""


def escape_text(text: str) -> str:
    r"""Text as Markdown that renders it literally, on one line.

    Markdown's inline marks (``\ ` * _ [ ] < > | # ~ &``) are backslash-escaped and runs of
    whitespace, line breaks included, become one space.

    >>> from dod_model.exporters._markdown import escape_text
    >>> escape_text("О «МОЦ» | *план*\n2019")
    'О «МОЦ» \\| \\*план\\* 2019'

    .. versionadded:: 0.2.0
    """
    return _INLINE.sub(r"\\\1", " ".join(text.split()))


def escape_cell(text: str) -> str:
    r"""Text as the content of a Markdown table cell: marks escaped, line breaks as ``<br>``.

    >>> from dod_model.exporters._markdown import escape_cell
    >>> escape_cell("до 15.08.2019\nи далее | по плану")
    'до 15.08.2019<br>и далее \\| по плану'

    .. versionadded:: 0.2.0
    """
    lines = (escape_text(line) for line in _BREAKS.split(text.strip()))
    return "<br>".join(line for line in lines if line)


def _unlisted(text: str) -> str:
    """Escaped text that does not open a list where it starts a list item («1. …», «- …»)."""
    return _LIST_MARK.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] or m[2] in "+-" else m[0], text)


def _row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _activity(
    activity: Activity, *, notes: bool, fields: list[ColumnRole], extra: list[tuple[str, int]]
) -> str:
    cells = [
        escape_cell(activity.number),
        escape_cell(activity.title),
        escape_cell(activity.deadline.text),
        "<br>".join(escape_cell(r.text) for r in activity.results if r.text.strip()),
        "<br>".join(escape_cell(p.name) for p in activity.responsible if p.name.strip()),
    ]
    if notes:
        cells.append("<br>".join(escape_cell(note) for note in activity.notes if note.strip()))
    cells += [escape_cell(field_text(activity, role)) for role in fields]
    kept: dict[str, list[str]] = {}
    for cell in activity.extra:
        kept.setdefault(cell.header, []).append(cell.text)
    for header, occurrence in extra:
        texts = kept.get(header, [])
        cells.append(escape_cell(texts[occurrence]) if occurrence < len(texts) else "")
    return _row(cells)


def _table(activities: tuple[Activity, ...]) -> list[str]:
    """A table of activities; with a «Примечание» column when any of them has notes.

    Then a column for each of the other roles any of them fills, under the template's header,
    and one for each header of cells kept under headers the vocabulary does not know.
    """
    notes = any(activity.notes for activity in activities)
    fields = [role for role in FIELD_ROLES if any(field_text(a, role) for a in activities)]
    extra: list[tuple[str, int]] = []
    for header in dict.fromkeys(c.header for a in activities for c in a.extra):
        most = max(sum(1 for c in a.extra if c.header == header) for a in activities)
        extra += [(header, occurrence) for occurrence in range(most)]
    heads = [*_HEADER, "Примечание"] if notes else list(_HEADER)
    heads += [TEMPLATE_HEADERS[role] for role in fields]
    heads += [escape_cell(text) or _NO_HEADER for text, _ in extra]
    return [
        _row(heads),
        _row("---" for _ in heads),
        *(_activity(a, notes=notes, fields=fields, extra=extra) for a in activities),
        "",
    ]


def _facts(roadmap: Roadmap) -> list[str]:
    facts = [
        ("Регион", roadmap.region),
        ("Муниципалитет", roadmap.municipality),
        ("Вид плана", roadmap.kind.label if roadmap.kind else None),
        (
            "Период",
            f"{dotted_date(roadmap.period.start)} – {dotted_date(roadmap.period.end)}"
            if roadmap.period
            else None,
        ),
        ("Утверждён", roadmap.approval.text if roadmap.approval else None),
        ("Основание", "; ".join(act.text for act in roadmap.basis) or None),
        ("Источник", roadmap.source.name if roadmap.source else None),
    ]
    lines = [f"- **{name}:** {escape_text(value)}" for name, value in facts if value]
    return [*lines, ""] if lines else []


class MarkdownExporter:
    """A roadmap as a Markdown page (CommonMark with GitHub tables).

    The title as a heading, the plan's facts as a list (Russian labels, the document's
    language), then a table of activities outside sections and one per section under the
    section's heading: number, title, deadline, results and responsible parties as written,
    and the activities' notes in a «Примечание» column where any has one.
    Inline marks are escaped so that text renders as written; line breaks
    inside a cell become ``<br>``. Notes of the document follow the tables.

    .. versionadded:: 0.2.0
    """

    name = "md"
    suffixes = (".md", ".markdown")
    media_type = "text/markdown"

    def export(self, roadmap: Roadmap) -> bytes:
        """The roadmap as Markdown bytes (UTF-8)."""
        lines = [f"# {escape_text(roadmap.title)}".rstrip(), "", *_facts(roadmap)]
        if roadmap.unsectioned:
            lines += _table(roadmap.unsectioned)
        for section in roadmap.sections:
            # As the Word export heads it: «1. Title», or the title alone without a number.
            text = f"{section.number}. {section.title}" if section.number else section.title
            heading = escape_text(text)
            lines += [f"## {heading}".rstrip(), ""]
            lines += _table(section.activities) if section.activities else []
        notes = [escape_cell(note) for note in roadmap.notes if note.strip()]
        if notes:
            lines += ["## Примечания", "", *(f"- {_unlisted(note)}" for note in notes), ""]
        return "\n".join(lines).encode("utf-8")
