"""Built-in plugin ``core``: the core rules, the importers and the exporters."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dod_model.hookspecs import hookimpl
from dod_model.plugins._registry_rules import REGISTRY_RULES
from dod_model.plugins._roadmap_rules import ROADMAP_RULES
from dod_model.validation import Rule

__all__ = ["dod_register_exporters", "dod_register_importers", "dod_register_rules"]


@hookimpl
def dod_register_importers(register: Callable[[Any], None]) -> None:
    """The Word and plain-text importers."""
    from dod_model.importers import DocxImporter, TextImporter  # noqa: PLC0415 - built on plugins

    register(DocxImporter())
    register(TextImporter())


@hookimpl
def dod_register_exporters(register: Callable[[Any], None]) -> None:
    """The built-in exporters."""
    from dod_model.exporters import (  # noqa: PLC0415 - built on plugins
        CsvExporter,
        DocxExporter,
        IcsExporter,
        JsonExporter,
        MarkdownExporter,
    )

    register(JsonExporter())
    register(CsvExporter())
    register(MarkdownExporter())
    register(DocxExporter())
    register(IcsExporter())


@hookimpl
def dod_register_rules(register: Callable[[Rule], None]) -> None:
    """The core roadmap and registry rules."""
    for rule in (*ROADMAP_RULES, *REGISTRY_RULES):
        register(rule)
