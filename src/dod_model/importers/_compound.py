"""OLE2 compound files (Word 97 ``.doc``, Excel 97 ``.xls``): their directory and streams.

One reader for both importers: the allocation table (the header's list of its sectors, then
the DIFAT chain), the directory, and a stream's bytes, regular or in the mini stream. Every
chain followed is bounded by the sectors the file holds and may not loop, and every sector is
read whole, so a crafted file costs at most one look at each of its sectors. What is wrong is
said through the importer's own ``damaged`` (each names its format and what to do).
"""

from __future__ import annotations

import struct
from array import array
from collections.abc import Callable

import attrs

from dod_model._errors import DocumentError

__all__ = ["MAGIC", "ROOT", "STREAM", "Compound", "Entry", "stored_name"]

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The first bytes of every compound file."""
STORAGE, STREAM, ROOT = 1, 2, 5  # the kinds of directory entries
_END = 0xFFFFFFFE  # the end of a sector chain; greater values are free or special sectors
_HEADER_DIFAT = 109  # allocation-table sector numbers the header holds itself
_ENTRY = 128  # bytes of one directory entry
_MINI = 64  # bytes of one sector of the mini stream


def stored_name(name: str) -> bytes:
    """A directory entry's name as it is stored: UTF-16-LE with its terminating zero."""
    return (name + "\0").encode("utf-16-le")


@attrs.frozen
class Entry:
    """A storage or stream of the directory: its name, kind, first sector and size."""

    name: str
    kind: int
    start: int
    size: int


class Compound:
    """The directory and streams of a compound file, read within bounds.

    Args:
        data: The whole file.
        damaged: What to raise for a damaged file, given what is wrong with it.

    Raises:
        DocumentError: (from ``damaged``) The header is cut short or not a compound file's,
            or its sector size is none the format has.
    """

    def __init__(self, data: bytes, damaged: Callable[[str], DocumentError]) -> None:
        self.data = data
        self._damaged = damaged
        if len(data) < 512:
            raise damaged("shorter than its header")
        if not data.startswith(MAGIC):
            raise damaged("no compound file header")
        shift, self._mini_shift = struct.unpack_from("<HH", data, 0x1E)
        if shift not in (9, 12):
            raise damaged(f"a sector size of 2^{shift}")
        self.size = 1 << shift
        (self.cutoff,) = struct.unpack_from("<I", data, 0x38)
        self.sectors = max(0, -(-len(data) // self.size) - 1)  # the last may be cut short
        self._table = array("I")  # 4 bytes an item on every platform CPython runs on
        for sector in self._fat_sectors():
            self._table.frombytes(self.sector(sector))

    def sector(self, number: int) -> bytes:
        """Sector ``number``, whole."""
        if number >= self.sectors:
            raise self._damaged(f"sector {number:,} past its end")
        start = (number + 1) * self.size
        found = self.data[start : start + self.size]
        if len(found) < self.size:
            raise self._damaged(f"sector {number:,} cut short")
        return found

    def _fat_sectors(self) -> list[int]:
        """Where the sectors of the allocation table are (the header's list, then DIFAT's)."""
        fat = [s for s in struct.unpack_from(f"<{_HEADER_DIFAT}I", self.data, 0x4C) if s < _END]
        (sector,) = struct.unpack_from("<I", self.data, 0x44)
        per = self.size // 4 - 1
        seen: set[int] = set()
        while sector < _END:
            if sector in seen:
                raise self._damaged("a loop in its allocation table")
            seen.add(sector)
            values = struct.unpack(f"<{per + 1}I", self.sector(sector))
            fat.extend(s for s in values[:per] if s < _END)
            sector = values[per]
        return fat

    def _chain(self, first: int, table: array[int], limit: int) -> list[int]:
        """The sectors of the chain that begins at ``first``, in ``table``."""
        found: list[int] = []
        number = first
        while number < _END:
            if number >= len(table) or len(found) > limit:
                raise self._damaged("a chain of sectors that loops or leaves the file")
            found.append(number)
            number = table[number]
        return found

    def entries(self) -> list[Entry]:
        """The storages and streams of the directory, the root first."""
        (first,) = struct.unpack_from("<I", self.data, 0x30)
        found: list[Entry] = []
        for sector in self._chain(first, self._table, self.sectors):
            block = self.sector(sector)
            for at in range(0, self.size, _ENTRY):
                length, kind = struct.unpack_from("<HB", block, at + 64)
                if kind not in (STORAGE, STREAM, ROOT) or not 2 <= length <= 64:
                    continue
                name = block[at : at + length - 2].decode("utf-16-le", errors="replace")
                start, size = struct.unpack_from("<II", block, at + 0x74)
                found.append(Entry(name, kind, start, size))
        return found

    def head(self, entry: Entry) -> bytes:
        """The first sector of a stream kept in regular sectors (not the mini stream)."""
        return self.sector(entry.start)

    def stream(self, entry: Entry, root: Entry | None) -> bytes:
        """A stream's bytes, from regular sectors or, if it is small, the mini stream.

        Raises:
            DocumentError: (from ``damaged``) A chain leaves the file or loops, or the stream
                claims more bytes than the file holds.
        """
        if entry.size > len(self.data):
            raise self._damaged(f"a stream of {entry.size:,} bytes in a smaller file")
        if entry.size >= self.cutoff or root is None:
            sectors = self._chain(entry.start, self._table, self.sectors)
            return b"".join(self.sector(n) for n in sectors)[: entry.size]
        if self._mini_shift != 6:
            raise self._damaged(f"mini sectors of 2^{self._mini_shift} bytes")
        (first_mini_fat,) = struct.unpack_from("<I", self.data, 0x3C)
        mini_table = array("I")
        for number in self._chain(first_mini_fat, self._table, self.sectors):
            mini_table.frombytes(self.sector(number))
        held = b"".join(self.sector(n) for n in self._chain(root.start, self._table, self.sectors))
        pieces = self._chain(entry.start, mini_table, len(held) // _MINI)
        return b"".join(held[n * _MINI : n * _MINI + _MINI] for n in pieces)[: entry.size]
