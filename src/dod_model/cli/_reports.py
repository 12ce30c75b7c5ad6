"""Text renderings of validation reports and plugin listings for the terminal."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

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


def render_report(name: str, report: Report, document: object | None = None) -> str:
    """A report as a readable table: one line per finding, gravest first within each place.

    With the validated ``document``, each finding also says where it stands in the source
    (table, row, line), when the document records it.
    """
    data = to_data(document) if document is not None else None
    counts = report.counts()
    status = "ok" if report.ok else "errors"
    lines = [
        f"{name}: {status}: {counts['error']} errors, {counts['warning']} warnings, "
        f"{counts['info']} notes (region {report.region or 'unknown'})"
    ]
    for finding in report.findings:
        where = finding.path or "/"
        place = source_place(data, finding.path) if data is not None else None
        where += f" ({place})" if place else ""
        lines.append(f"  {finding.severity.value:<8} {finding.code:<30} {where}")
        lines.append(f"           {finding.message}")
    return "\n".join(lines) + "\n"


def to_json_ready(info: PluginInfo) -> dict[str, Any]:
    """A plugin description as JSON-ready data."""
    return {k: list(v) if isinstance(v, tuple) else v for k, v in attrs.asdict(info).items()}


def render_plugins(info: Sequence[PluginInfo]) -> str:
    """The plugins as a table: name, version, regions, rules and hooks."""
    lines = [f"{'plugin':<14} {'version':<10} {'regions':<16} rules"]
    for item in info:
        regions = ", ".join(item.regions) or "—"
        rules = ", ".join(item.rules) or "—"
        lines.append(f"{item.name:<14} {item.version or '—':<10} {regions:<16} {rules}")
        extras = [f"importers: {', '.join(item.importers)}"] if item.importers else []
        extras += [f"exporters: {', '.join(item.exporters)}"] if item.exporters else []
        hooks = ", ".join(h.removeprefix("dod_register_") for h in item.hooks)
        lines.append(f"{'':<14} {item.distribution or '':<10} hooks: {hooks}")
        lines.extend(f"{'':<25} {extra}" for extra in extras)
    return "\n".join(lines) + "\n"
