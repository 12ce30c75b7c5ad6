"""Text renderings of validation reports and plugin listings for the terminal."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from dod_model.plugins import PluginInfo
from dod_model.validation import Report

__all__ = ["render_plugins", "render_report", "to_json_ready"]


def render_report(name: str, report: Report) -> str:
    """A report as a readable table: one line per finding, gravest first within each place."""
    counts = report.counts()
    status = "ok" if report.ok else "errors"
    lines = [
        f"{name}: {status}: {counts['error']} errors, {counts['warning']} warnings, "
        f"{counts['info']} notes (region {report.region or 'unknown'})"
    ]
    for finding in report.findings:
        where = finding.path or "/"
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
