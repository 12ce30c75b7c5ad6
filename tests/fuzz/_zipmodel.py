"""A zip package as fields to mutate: entries, their two headers, the end record, raw bytes.

``zipfile`` writes only well-formed packages; the fuzzer needs headers that lie (a size that is
not the data's, flag bits Word never sets, a local header that disagrees with the central one),
so a package is parsed into :class:`Package` and written back by hand.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass, field, replace

__all__ = ["Entry", "Package", "deflate", "parse", "plain"]

_LOCAL = struct.Struct("<4sHHHHHIIIHH")
_CENTRAL = struct.Struct("<4sHHHHHHIIIHHHHHII")
_END = struct.Struct("<4sHHHHIIH")


def deflate(data: bytes, level: int = 6) -> bytes:
    """Raw deflate, as a zip entry of method 8 holds it."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def plain(entry: Entry) -> bytes | None:
    """The entry's data inflated, or None when it is not deflated or stored data."""
    if entry.method == 0:
        return entry.data
    if entry.method == 8:
        try:
            return zlib.decompressobj(-15).decompress(entry.data)
        except zlib.error:
            return None
    return None


@dataclass
class Entry:
    """One entry: what both headers say of it, and its data as stored."""

    name: bytes
    data: bytes
    method: int = 8
    flags: int = 0
    version_needed: int = 20
    version_made: int = 20
    crc: int = 0
    size: int = 0  # inflated size, as the headers declare it
    time: int = 0
    date: int = 0x21
    extra: bytes = b""
    comment: bytes = b""
    external: int = 0
    # Fields the local header says otherwise than the central one (a mutation's doing).
    local: dict[str, int | bytes] = field(default_factory=dict)
    central: dict[str, int | bytes] = field(default_factory=dict)

    @classmethod
    def of(cls, name: str | bytes, content: bytes, *, method: int = 8) -> Entry:
        """A well-formed entry holding ``content``."""
        raw = name.encode("utf-8") if isinstance(name, str) else name
        data = deflate(content) if method == 8 else content
        return cls(name=raw, data=data, method=method, crc=zlib.crc32(content), size=len(content))

    def holding(self, content: bytes) -> Entry:
        """This entry with other content, compressed as it was (deflated if it was neither)."""
        method = 0 if self.method == 0 else 8
        data = content if method == 0 else deflate(content)
        return replace(
            self,
            data=data,
            method=method,
            crc=zlib.crc32(content),
            size=len(content),
            local=dict(self.local),
            central=dict(self.central),
        )


@dataclass
class Package:
    """A zip package: entries in order, the end record's fields, bytes around it all."""

    entries: list[Entry]
    comment: bytes = b""
    prefix: bytes = b""  # bytes before the first local header (a self-extractor's stub)
    end: dict[str, int] = field(default_factory=dict)  # end-record fields a mutation set
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict, repr=False)

    def copy(self) -> Package:
        entries = [replace(e, local=dict(e.local), central=dict(e.central)) for e in self.entries]
        return Package(entries, self.comment, self.prefix, dict(self.end))

    def names(self) -> list[str]:
        return [e.name.decode("utf-8", "replace") for e in self.entries]

    def find(self, name: str) -> int | None:
        for i, entry in enumerate(self.entries):
            if entry.name.decode("utf-8", "replace") == name:
                return i
        return None

    def to_bytes(self) -> bytes:
        """The package as a zip file; :attr:`spans` then tells where each part of it is."""
        out = io.BytesIO()
        out.write(self.prefix)
        offsets = []
        spans: dict[str, list[tuple[int, int]]] = {
            "local": [],
            "data": [],
            "central": [],
            "end": [],
        }
        for e in self.entries:
            offsets.append(out.tell())
            f = {
                "name": e.name,
                "extra": e.extra,
                "flags": e.flags,
                "method": e.method,
                "version_needed": e.version_needed,
                "crc": e.crc,
                "csize": len(e.data),
                "size": e.size,
                **e.local,
            }
            out.write(
                _LOCAL.pack(
                    b"PK\x03\x04",
                    _u16(f["version_needed"]),
                    _u16(f["flags"]),
                    _u16(f["method"]),
                    e.time,
                    e.date,
                    _u32(f["crc"]),
                    _u32(f["csize"]),
                    _u32(f["size"]),
                    _u16(f.get("name_length", len(f["name"]))),
                    _u16(len(f["extra"])),
                )
            )
            out.write(f["name"])  # type: ignore[arg-type]
            out.write(f["extra"])  # type: ignore[arg-type]
            spans["local"].append((offsets[-1], out.tell()))
            out.write(e.data)
            spans["data"].append((out.tell() - len(e.data), out.tell()))
        start = out.tell()
        for e, offset in zip(self.entries, offsets, strict=True):
            f = {
                "name": e.name,
                "extra": e.extra,
                "flags": e.flags,
                "method": e.method,
                "version_needed": e.version_needed,
                "version_made": e.version_made,
                "crc": e.crc,
                "csize": len(e.data),
                "size": e.size,
                "offset": offset,
                "disk": 0,
                **e.central,
            }
            out.write(
                _CENTRAL.pack(
                    b"PK\x01\x02",
                    _u16(f["version_made"]),
                    _u16(f["version_needed"]),
                    _u16(f["flags"]),
                    _u16(f["method"]),
                    e.time,
                    e.date,
                    _u32(f["crc"]),
                    _u32(f["csize"]),
                    _u32(f["size"]),
                    _u16(f.get("name_length", len(f["name"]))),
                    _u16(len(f["extra"])),
                    _u16(len(e.comment)),
                    _u16(f["disk"]),
                    0,
                    _u32(e.external),
                    _u32(f["offset"]),
                )
            )
            out.write(f["name"])  # type: ignore[arg-type]
            out.write(f["extra"])  # type: ignore[arg-type]
            out.write(e.comment)
        size = out.tell() - start
        spans["central"].append((start, out.tell()))
        count = len(self.entries)
        f = {
            "disk": 0,
            "cd_disk": 0,
            "entries_disk": count,
            "entries": count,
            "cd_size": size,
            "cd_offset": start,
            "comment_length": len(self.comment),
            **self.end,
        }
        out.write(
            _END.pack(
                b"PK\x05\x06",
                _u16(f["disk"]),
                _u16(f["cd_disk"]),
                _u16(f["entries_disk"]),
                _u16(f["entries"]),
                _u32(f["cd_size"]),
                _u32(f["cd_offset"]),
                _u16(f["comment_length"]),
            )
        )
        out.write(self.comment)
        spans["end"].append((start + size, out.tell()))
        self.spans = spans
        return out.getvalue()


def _u16(value: object) -> int:
    return int(value) & 0xFFFF  # type: ignore[call-overload]


def _u32(value: object) -> int:
    return int(value) & 0xFFFFFFFF  # type: ignore[call-overload]


def parse(data: bytes) -> Package | None:
    """A package from a well-formed zip file; None when ``zipfile`` cannot list it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    entries = []
    for info in infos:
        at = info.header_offset
        fields = _LOCAL.unpack_from(data, at)
        begin = at + _LOCAL.size + fields[9] + fields[10]
        raw_name = data[at + _LOCAL.size : at + _LOCAL.size + fields[9]]
        entries.append(
            Entry(
                name=raw_name,
                data=data[begin : begin + info.compress_size],
                method=info.compress_type,
                flags=info.flag_bits & ~0x8,
                version_needed=20,
                version_made=20,
                crc=info.CRC,
                size=info.file_size,
                extra=b"",
                external=info.external_attr,
            )
        )
    return Package(entries)
