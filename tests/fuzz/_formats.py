"""Documents of every format the importers take, mutated: their bytes, and their parts' XML.

The seeds are the renditions of the bundled Word files (``tests/data/renditions``): a PDF, a
web page, workbooks, OpenDocument files, and this library's own CSV and Markdown exports of the
bundled roadmaps. Every format gets byte-level damage (flips, runs of bytes inserted, pieces
cut out, the file cut short); a zip package also gets one of its parts' XML damaged and packed
again, so that the damage reaches the XML parser and the importer's walk, not only the zip
layer. A Word 97 or RTF file costs a LibreOffice run an example: they get few.
"""

from __future__ import annotations

import functools
import struct
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st

import dod_model
from tests.fuzz import _seeds, _values, _zipmodel
from tests.fuzz._text import Bytes

__all__ = ["SUFFIXES", "format_mutants"]

RENDITIONS = Path(__file__).resolve().parents[1] / "data" / "renditions"
SUFFIXES = (".pdf", ".html", ".odt", ".ods", ".xlsx", ".xls", ".csv", ".md", ".doc", ".rtf")
"""The formats fuzzed, by the suffix of their seeds."""


@functools.cache
def _seeds_of(suffix: str) -> dict[str, bytes]:
    """The seeds of a format, by name: renditions, or the bundled roadmaps exported."""
    if suffix in (".csv", ".md"):
        exporter = _seeds.PLUGINS.choose_exporter(f"x{suffix}")
        return {
            f"{path.stem}{suffix}": exporter.export(dod_model.read(path, plugins=_seeds.PLUGINS))
            for path in sorted(_seeds.BUNDLED.glob("*.docx"))
        }
    return {path.name: path.read_bytes() for path in sorted(RENDITIONS.glob(f"*{suffix}"))}


@dataclass(frozen=True)
class PartBytes:
    """Damage the XML of one part of a zip package, then pack it again (deflated)."""

    part: int
    damage: Bytes

    def __repr__(self) -> str:
        return f"PartBytes(part {self.part}: {self.damage!r})"

    def apply(self, data: bytes) -> bytes:
        try:
            package = _zipmodel.parse(data)
        except struct.error:  # headers an earlier op damaged: the bytes are mutated as they are
            return data
        if package is None:
            return data
        xml = [i for i, e in enumerate(package.entries) if e.name.endswith((b".xml", b".rels"))]
        if not xml:
            return data
        index = xml[self.part % len(xml)]
        entry = package.entries[index]
        content = _zipmodel.plain(entry)
        if content is None:
            return data
        package.entries[index] = entry.holding(self.damage.bytes(content))
        return package.to_bytes()


_DAMAGE = st.builds(
    Bytes,
    st.floats(0, 0.999),
    st.sampled_from(["flip", "nul", "ff", "bom", "crlf", "delete", "cut"]),
    _values.SIZES,
)
_OPS = st.one_of(_DAMAGE, st.builds(PartBytes, st.integers(0, 50), _DAMAGE))


@st.composite
def format_mutants(draw: st.DrawFn, suffix: str) -> _seeds.Mutant:
    """A document of the format of ``suffix``, damaged once or a few times."""
    seeds = _seeds_of(suffix)
    seed = draw(st.sampled_from(sorted(seeds)))
    zipped = seeds[seed].startswith(b"PK\x03\x04")
    ops = tuple(draw(st.lists(_OPS if zipped else _DAMAGE, min_size=1, max_size=3)))
    data = seeds[seed]
    for op in ops:
        data = op.apply(data) if isinstance(op, PartBytes) else op.bytes(data)
    return _seeds.Mutant(seed=seed, ops=ops, data=data, name=f"fuzz{suffix}")
