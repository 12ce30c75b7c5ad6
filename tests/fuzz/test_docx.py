"""Word files mutated at the zip and XML levels: read or refused, in bounded time and memory."""

from __future__ import annotations

import io
import zipfile

from hypothesis import given

from dod_model._base import budgets, xml_nodes
from tests.fuzz._docx import docx_xml_mutants, docx_zip_mutants
from tests.fuzz._promises import check_read
from tests.fuzz._sandbox import limits_for, run_checked
from tests.fuzz._settings import fuzz


def _nodes(data: bytes) -> int:
    """The XML nodes of the package's parts, as the reader counts them (0 if no zip)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = [i for i in package.infolist() if i.filename.endswith((".xml", ".rels"))]
            if sum(i.file_size for i in infos) > budgets.PACKAGE_BYTES:
                return 0  # refused by its size before any node is counted
            return sum(xml_nodes(package.read(i)) for i in infos)
    except Exception:  # a damaged zip is read (or refused) by the reader alone
        return 0


def _check(mutant, *, use, label):
    __tracebackhide__ = True
    nodes = min(_nodes(mutant.data), budgets.XML_NODES)
    run_checked(
        check_read(mutant.data, mutant.name, use=use),
        limits_for(len(mutant.data), nodes=nodes),
        label=label,
        data=mutant.data,
        suffix=".docx",
    )


@fuzz(examples=15)
@given(docx_zip_mutants())
def test_a_word_package_damaged_at_the_zip_level_is_read_or_refused(mutant):
    _check(mutant, use=False, label="docx-zip")


@fuzz(examples=15)
@given(docx_xml_mutants())
def test_a_word_file_with_mutated_xml_is_read_or_refused(mutant):
    _check(mutant, use=False, label="docx-xml")


@fuzz(examples=15)
@given(docx_xml_mutants())
def test_a_roadmap_read_from_a_mutated_word_file_can_be_written_and_read_back(mutant):
    _check(mutant, use=True, label="docx-use")
