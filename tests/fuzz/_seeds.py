"""Real files to mutate: the bundled examples, the Word corpus when it is there, JSON dumps.

The 264-file Word corpus lives beside the repository (``tests/conftest.py`` finds it, or
``DOD_MODEL_SHARED``); without it, as on a fresh clone or CI, the bundled documents are the seeds.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import dod_model
from dod_model import examples, get_plugin_manager
from tests.conftest import CORPUS
from tests.fuzz import _zipmodel

__all__ = [
    "BUNDLED",
    "PLUGINS",
    "Mutant",
    "corpus_files",
    "docx_seed",
    "docx_seeds",
    "json_seeds",
    "text_seeds",
]

PLUGINS = get_plugin_manager(entry_points=False)
"""The built-in plugins only: installed ones are no part of the fuzz run."""

BUNDLED = Path(str(examples.path("samara"))).parent
"""The folder of the bundled Word documents and their text exports."""


@dataclass(frozen=True)
class Mutant:
    """One fuzz input: the seed it grew from, the mutations applied, and its bytes."""

    seed: str
    ops: tuple[object, ...]
    data: bytes = field(repr=False)
    name: str | bytes = field(default="", repr=False)
    """The file name to give it (a suffix, a name that is not UTF-8)."""
    text: str | None = field(default=None, repr=False)
    """The input as text, for a call that takes text (``loads()``); None when it is bytes."""

    def __repr__(self) -> str:
        ops = ", ".join(map(repr, self.ops))
        return f"Mutant({self.seed!r}, [{ops}], {len(self.data)} bytes)"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """How hypothesis prints it: as :meth:`__repr__` does, not field by field."""
        printer.text(repr(self))


def _read(path: Path) -> bytes:
    return path.read_bytes()


@functools.cache
def corpus_files() -> tuple[Path, ...]:
    """The corpus's Word files, or none without the corpus."""
    if not CORPUS.is_dir():
        return ()
    return tuple(sorted(CORPUS.rglob("*.docx")))


@functools.cache
def docx_seeds() -> tuple[str, ...]:
    """Names of the Word seeds: the bundled five first (they reach the layout), then the corpus."""
    bundled = tuple(sorted(p.name for p in BUNDLED.glob("*.docx")))
    corpus = tuple(str(p.relative_to(CORPUS)) for p in corpus_files())
    return bundled + corpus


@functools.cache
def docx_seed(name: str) -> _zipmodel.Package:
    """The seed as a package (parsed once; mutations work on copies)."""
    path = BUNDLED / name if (BUNDLED / name).is_file() else CORPUS / name
    package = _zipmodel.parse(_read(path))
    if package is None:  # pragma: no cover - the seeds are well-formed zip files
        msg = f"{path}: not a zip file"
        raise ValueError(msg)
    return package


@functools.cache
def text_seeds() -> dict[str, str]:
    """The bundled text exports, by file name."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(BUNDLED.glob("*.txt"))}


@functools.cache
def json_seeds() -> dict[str, str]:
    """``dumps()`` of every bundled roadmap, Word and text renditions both, by example name."""
    return {
        name: dod_model.dumps(dod_model.read(examples.path(name), plugins=PLUGINS))
        for name in examples.documents()
    }
