"""Text renderings of validation reports and plugin listings for the terminal."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from dod_model._contracts import Severity
from dod_model.cli._i18n import counted, finding_message, in_context, text
from dod_model.codec import to_data
from dod_model.plugins import PluginInfo
from dod_model.validation import Report

__all__ = ["render_plugins", "render_report", "source_place", "to_json_ready"]


def source_place(data: Any, pointer: str) -> str | None:
    """Where the value at ``pointer`` stands in the source document, from the nearest provenance.

    Args:
        data: The validated document as JSON data (:func:`dod_model.codec.to_data`).
        pointer: A JSON Pointer into it.

    Returns:
        «table 1, row 14, line 40», or ``None`` when nothing on the way records a place.
    """
    place = None
    node = data
    for part in [*pointer.split("/")[1:], None]:
        if isinstance(node, dict) and isinstance(node.get("provenance"), dict):
            place = node["provenance"]
        if part is None:
            break
        key = part.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list) and key.isdigit() and int(key) < len(node):
            node = node[int(key)]
        elif isinstance(node, dict) and key in node:
            node = node[key]
        else:
            break
    if place is None:
        return None
    words = [
        f"{name} {place[name]}" for name in ("table", "row", "column", "line") if place.get(name)
    ]
    return ", ".join(words) or None


def _status_line(name: str, report: Report) -> str:
    counts = report.counts()
    return text("{name}: {status}: {errors}, {warnings}, {notes} (region {region})").format(
        name=name,
        status=text("ok") if report.ok else text("errors"),
        errors=counted(counts["error"], "error"),
        warnings=counted(counts["warning"], "warning"),
        notes=counted(counts["info"], "note"),
        region=report.region or text("unknown"),
    )


def render_report(name: str, report: Report, document: object | None = None) -> str:
    """A report as a readable table: one line per finding, gravest first within each place.

    With the validated ``document``, each finding also says where it stands in the source
    (table, row, line), when the document records it. The words are in the command's language
    (:mod:`dod_model.cli._i18n`); so are the messages of the library's own rules.
    """
    data = to_data(document) if document is not None else None
    lines = [_status_line(name, report)]
    labels = {s: in_context("severity", s.value) for s in Severity}
    width = max(8, *(len(label) for label in labels.values()))
    for finding in report.findings:
        where = finding.path or "/"
        place = source_place(data, finding.path) if data is not None else None
        where += f" ({place})" if place else ""
        lines.append(f"  {labels[finding.severity]:<{width}} {finding.code:<30} {where}")
        lines.append(f"  {'':<{width}} {finding_message(finding)}")
    return "\n".join(lines) + "\n"


def to_json_ready(info: PluginInfo) -> dict[str, Any]:
    """A plugin description as JSON-ready data."""
    return {k: list(v) if isinstance(v, tuple) else v for k, v in attrs.asdict(info).items()}


def _none(items: Sequence[str]) -> str:
    return ", ".join(items) or "—"


def render_plugins(info: Sequence[PluginInfo]) -> str:
    """The plugins as a table: name and distribution, version, regions, rules, then hooks.

    Each column is as wide as its longest entry (a plugin's or its distribution's name, a
    version), so a long name widens its column instead of pushing the others out of line; the
    regions column stops growing at :data:`_REGIONS_WIDTH` (a plugin with many regions pushes
    only its own rules on).
    """
    head = (text("plugin"), text("version"), text("regions"))
    name = max([len(head[0]), 14, *(max(len(i.name), len(i.distribution or "")) for i in info)])
    version = max([len(head[1]), 10, *(len(i.version or "—") for i in info)])
    regions = max([len(head[2]), 16, *(min(len(_none(i.regions)), _REGIONS_WIDTH) for i in info)])
    under = " " * (name + 1 + version + 1)  # where the regions column starts
    lines = [f"{head[0]:<{name}} {head[1]:<{version}} {head[2]:<{regions}} {text('rules')}"]
    for item in info:
        lines.append(
            f"{item.name:<{name}} {item.version or '—':<{version}} "
            f"{_none(item.regions):<{regions}} {_none(item.rules)}"
        )
        hooks = ", ".join(h.removeprefix("dod_register_") for h in item.hooks)
        lines.append(
            f"{item.distribution or '':<{name}} {'':<{version}} "
            + text("hooks: {hooks}").format(hooks=hooks)
        )
        if item.importers:
            lines.append(under + text("importers: {names}").format(names=_none(item.importers)))
        if item.exporters:
            lines.append(under + text("exporters: {names}").format(names=_none(item.exporters)))
    return "\n".join(lines) + "\n"


_REGIONS_WIDTH = 40
"""The widest the regions column of ``dod-model plugins`` grows."""
