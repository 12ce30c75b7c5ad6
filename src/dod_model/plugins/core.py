"""Built-in plugin ``core``: the core rules, the importers and the exporters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from dod_model._contracts import Exporter, Importer
from dod_model.analysis import TimelineExporter, read_completion
from dod_model.exporters import (
    CsvExporter,
    DocxExporter,
    IcsExporter,
    JsonExporter,
    MarkdownExporter,
    XlsxExporter,
)
from dod_model.hookspecs import hookimpl
from dod_model.importers import (
    CsvImporter,
    DocImporter,
    DocxImporter,
    HtmlImporter,
    MarkdownImporter,
    OdsImporter,
    OdtImporter,
    PdfImporter,
    RtfImporter,
    TextImporter,
    XlsImporter,
    XlsxImporter,
)
from dod_model.model import Activity
from dod_model.plugins._registry_rules import REGISTRY_RULES
from dod_model.plugins._roadmap_rules import ROADMAP_RULES
from dod_model.validation import Rule

__all__ = ["dod_register_exporters", "dod_register_importers", "dod_register_rules"]


@hookimpl
def dod_register_importers(register: Callable[[Importer], None]) -> None:
    """The built-in importers: every format a roadmap comes in."""
    register(DocxImporter())
    register(TextImporter())
    register(DocImporter())  # Word 97 and RTF, through LibreOffice
    register(RtfImporter())
    register(XlsxImporter())
    register(XlsImporter())
    register(HtmlImporter())
    register(PdfImporter())
    register(OdtImporter())
    register(OdsImporter())
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
    register(IcsExporter("due"))
    register(IcsExporter("todo", completed=_completed))
    register(XlsxExporter())
    for picture in ("svg", "png", "pdf"):  # timeline, timeline-png, timeline-pdf
        register(TimelineExporter(picture))


def _completed(activity: Activity) -> tuple[bool | None, dt.date | None]:
    """What the activity's completion mark says, for the to-dos of ``ics-todo``."""
    mark = read_completion(activity.completion)
    return mark.done, mark.on


@hookimpl
def dod_register_rules(register: Callable[[Rule], None]) -> None:
    """The core roadmap and registry rules."""
    for rule in (*ROADMAP_RULES, *REGISTRY_RULES):
        register(rule)
