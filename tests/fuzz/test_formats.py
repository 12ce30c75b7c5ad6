"""Documents of every format mutated: read or refused, in bounded time and memory.

One test a format (``test_a_mutated_pdf_is_read_or_refused``, …), so that each gets its own
examples and a nightly run its own minutes.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable

import pytest
from hypothesis import given

from tests.fuzz._formats import format_mutants
from tests.fuzz._promises import check_read
from tests.fuzz._sandbox import limits_for, run_checked
from tests.fuzz._seeds import Mutant
from tests.fuzz._settings import fuzz

# Time a step may take over the promise, by format. LibreOffice converts a Word 97 or RTF file
# in a second or two, the one step whose time is not the library's own; pdfminer tokenizes what
# a PDF does not compress in Python, a few µs a byte (2 MB of junk between two objects: 4.4 s).
_SLACK = {".doc": 10.0, ".rtf": 10.0, ".pdf": 3.0}


def _test(suffix: str, examples: int) -> Callable[..., None]:
    converted = suffix in (".doc", ".rtf")

    @fuzz(examples=examples)
    @given(format_mutants(suffix))
    def test(mutant: Mutant) -> None:
        __tracebackhide__ = True
        run_checked(
            check_read(mutant.data, mutant.name, use=False),
            limits_for(len(mutant.data), slack=_SLACK.get(suffix, 1.0)),
            label=f"format{suffix}",
            data=mutant.data,
            suffix=suffix,
        )

    if converted:
        needs = pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
        return needs(test)
    return test


for _suffix, _examples in {".pdf": 6, ".html": 8, ".odt": 8, ".ods": 8, ".xlsx": 8, ".xls": 8,
                           ".csv": 8, ".md": 8, ".doc": 2, ".rtf": 2}.items():  # fmt: skip
    _name = f"test_a_mutated_{_suffix.lstrip('.')}_is_read_or_refused"
    globals()[_name] = _test(_suffix, _examples)
    globals()[_name].__name__ = _name
