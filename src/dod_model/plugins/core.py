"""Built-in plugin ``core``: the core rules, the importers and the exporters."""

from __future__ import annotations

from collections.abc import Callable

from dod_model._contracts import Exporter, Importer
from dod_model.exporters import (
    CsvExporter,
    DocxExporter,
    IcsExporter,
    JsonExporter,
    MarkdownExporter,
)
from dod_model.hookspecs import hookimpl
from dod_model.importers import CsvImporter, DocxImporter, MarkdownImporter, TextImporter
from dod_model.plugins._registry_rules import REGISTRY_RULES
from dod_model.plugins._roadmap_rules import ROADMAP_RULES
from dod_model.validation import Rule

__all__ = ["dod_register_exporters", "dod_register_importers", "dod_register_rules"]


@hookimpl
def dod_register_importers(register: Callable[[Importer], None]) -> None:
    """The Word and plain-text importers."""
    register(DocxImporter())
    register(TextImporter())
    register(CsvImporter())
    register(MarkdownImporter())


@hookimpl
def dod_register_exporters(register: Callable[[Exporter], None]) -> None:
    """The built-in exporters."""
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
