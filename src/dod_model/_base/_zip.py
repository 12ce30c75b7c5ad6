"""Zip archives written by someone else: listed within the entry budget, inflated within bounds.

:func:`open_zip` reads the end-of-central-directory record first (and its zip64 form) and
refuses a directory of more than ``PACKAGE_ENTRIES`` entries, or of more bytes than so many
entries need, before :mod:`zipfile` lists it: listing 700,000 empty entries would take seconds
and hundreds of megabytes. :func:`inflate` reads one member's compressed bytes from its local
header on and inflates them a chunk at a time, never more than one byte past the size the
directory declares: a member that inflates past it is refused at once, and one that inflates to
less, or to other bytes than its CRC-32 says, is damaged. Every failure, of zipfile or of zlib,
is a :class:`~dod_model.DocumentError` about the file.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator
from typing import BinaryIO

import attrs

from dod_model._base import _budgets as budgets
from dod_model._errors import DocumentError

__all__ = ["CHUNK", "ODF", "ODS", "WORD", "WORKBOOK", "PackageKind", "inflate", "open_zip"]

CHUNK = 1 << 20
"""The most bytes inflated, or read from the file, at once (unless told fewer)."""
DIRECTORY_ENTRY_BYTES = 1024
"""The most bytes one entry of the central directory may take on average (Word's take ~80)."""

_EOCD = struct.Struct("<4s4H2LH")  # signature, disks, entries (disk, total), size, offset, comment
_ZIP64_LOCATOR = struct.Struct("<4sLQL")
_ZIP64_EOCD = struct.Struct("<4sQ2H2L4Q")
_LOCAL = struct.Struct("<4s5H3L2H")  # signature … name length, extra length
_CENTRAL_SIGNATURE = b"PK\x01\x02"

# Flag bits of a zip entry that Word and Excel never set, and what each means.
_ENCRYPTED = 0x1
_UNSUPPORTED_FLAGS = {0x20: "compressed patched data (zip flag bit 5)",
                      0x40: "strong encryption (zip flag bit 6)"}  # fmt: skip
_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})  # what office programs write


@attrs.frozen
class PackageKind:
    """How messages name one kind of package, and what they tell to do.

    Attributes:
        not_one: What a file that is no zip is said not to be (``not a readable Word file``).
        thing: What the user saves again (``document``, ``workbook``).
        program: The program that writes such packages (``Word``, ``Excel``).
        main: What its main part is called (``a Word main document``).
    """

    not_one: str
    thing: str
    program: str
    main: str


WORD = PackageKind("not a readable Word file", "document", "Word", "a Word main document")
"""Word documents (``.docx``)."""
WORKBOOK = PackageKind("not an XLSX workbook", "workbook", "Excel", "an Excel workbook part")
"""Excel workbooks (``.xlsx``)."""
ODF = PackageKind("not a readable OpenDocument text", "document", "LibreOffice Writer",
                  "an OpenDocument text")  # fmt: skip
"""OpenDocument text documents (``.odt``)."""
ODS = PackageKind("not a readable OpenDocument spreadsheet", "spreadsheet", "LibreOffice Calc",
                  "an OpenDocument spreadsheet")  # fmt: skip
"""OpenDocument spreadsheets (``.ods``)."""


def _directory(file: BinaryIO) -> tuple[int, int, int] | None:
    """Entries, size and end offset of the central directory, found as zipfile finds them."""
    file.seek(0, 2)
    size = file.tell()
    start = max(size - (1 << 16) - _EOCD.size, 0)
    file.seek(start)
    tail = file.read()
    if tail[-_EOCD.size : -_EOCD.size + 4] == b"PK\x05\x06" and tail[-2:] == b"\0\0":
        found = len(tail) - _EOCD.size  # no comment: where zipfile looks first
    else:
        found = tail.rfind(b"PK\x05\x06")
    if found < 0 or len(tail) - found < _EOCD.size:
        return None
    entries, cd_size = _EOCD.unpack_from(tail, found)[4:6]
    end = start + found  # the directory ends where its end record begins
    before = _ZIP64_EOCD.size + _ZIP64_LOCATOR.size
    if end >= before:
        file.seek(end - before)
        raw = file.read(before)
        if raw[:4] == b"PK\x06\x06" and raw[_ZIP64_EOCD.size : _ZIP64_EOCD.size + 4] == (
            b"PK\x06\x07"
        ):
            entries, cd_size = _ZIP64_EOCD.unpack_from(raw)[7:9]
            end -= before
    return entries, cd_size, end


def _error(name: str, message: str) -> DocumentError:
    return DocumentError(f"{name}: {message}")


def open_zip(file: BinaryIO, name: str, kind: PackageKind) -> zipfile.ZipFile:
    """The zip archive in ``file``, its directory checked against the entry budget first.

    Args:
        file: The archive, seekable.
        name: The file's name, for messages.
        kind: What kind of package it is meant to be, for messages.

    Raises:
        DocumentError: Not a zip; a directory over the budget; or zip features no office
            program writes (several disks, version 8.4).
    """
    limit = budgets.PACKAGE_ENTRIES
    unreadable = f"{kind.not_one} ({{}}); is it cut short, or another kind of file?"
    try:
        directory = _directory(file)
    except OSError as exc:
        raise _error(name, unreadable.format(exc)) from None
    if directory is None:
        raise _error(name, unreadable.format("no zip directory at its end"))
    entries, cd_size, end = directory
    if entries > limit:
        raise _error(name, f"the zip lists {entries:,} entries, over the {limit:,} a package may "
                           "have; refused before reading its directory")  # fmt: skip
    if cd_size > limit * DIRECTORY_ENTRY_BYTES:
        raise _error(name, f"the zip directory takes {cd_size:,} bytes, over the "
                           f"{limit * DIRECTORY_ENTRY_BYTES:,} its entries may; refused before "
                           "reading it")  # fmt: skip
    file.seek(max(end - cd_size, 0))
    listed = file.read(cd_size).count(_CENTRAL_SIGNATURE)
    if listed > limit:
        raise _error(name, f"the zip directory holds {listed:,} entries, over the {limit:,} a "
                           "package may have; refused before listing them")  # fmt: skip
    file.seek(0)
    try:
        archive = zipfile.ZipFile(file)
    except NotImplementedError as exc:  # a zip version or feature zipfile does not know
        raise _error(name, f"the zip uses a feature {kind.program} never writes ({exc}); the "
                           f"file is damaged: open and save the {kind.thing} again in "
                           f"{kind.program}") from None  # fmt: skip
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError,
            struct.error, OverflowError) as exc:  # fmt: skip
        raise _error(name, unreadable.format(exc)) from None
    if len(archive.filelist) > limit:  # what another version of zipfile found, all the same
        archive.close()
        raise _error(name, f"the zip lists {len(archive.filelist):,} entries, over the {limit:,} "
                           "a package may have")  # fmt: skip
    return archive


def _damaged(name: str, part: str, what: str) -> DocumentError:
    return _error(name, f"part {part}: the zip data is damaged ({what}); the file is corrupt or "
                        "cut short")  # fmt: skip


def _check_entry(info: zipfile.ZipInfo, name: str, kind: PackageKind) -> None:
    part = info.filename
    for bit, feature in _UNSUPPORTED_FLAGS.items():
        if info.flag_bits & bit:
            raise _error(name, f"part {part} uses {feature}, which {kind.program} never writes; "
                               f"the file is damaged: open and save the {kind.thing} again in "
                               f"{kind.program}")  # fmt: skip
    if info.flag_bits & _ENCRYPTED:
        raise _error(name, f"part {part} is encrypted; save the {kind.thing} without a password")
    if info.compress_type not in _METHODS:
        raise _error(name, f"part {part} is compressed with method {info.compress_type}, which "
                           f"{kind.program} never writes; open and save the {kind.thing} in "
                           f"{kind.program}")  # fmt: skip


def inflate(file: BinaryIO, info: zipfile.ZipInfo, name: str, kind: PackageKind, *,
            chunk: int = CHUNK) -> Iterator[bytes]:  # fmt: skip
    """The bytes of one member, a chunk at a time, never past the size its entry declares.

    The caller checks the declared size against its budget first: inflating stops one byte
    past it.

    Raises:
        DocumentError: The member is encrypted, stored in a way office programs never use,
            damaged (zlib or CRC-32), cut short, or inflates past its declared size.
    """
    _check_entry(info, name, kind)
    part = info.filename
    header = b""
    if info.header_offset >= 0:  # before the file's start: the directory is wrong
        file.seek(info.header_offset)
        header = file.read(_LOCAL.size)
    if len(header) < _LOCAL.size or header[:4] != b"PK\x03\x04":
        raise _damaged(name, part, f"no local header at byte {info.header_offset:,}")
    name_length, extra_length = _LOCAL.unpack(header)[-2:]
    start = info.header_offset + _LOCAL.size + name_length + extra_length
    file.seek(start)
    if info.compress_type == zipfile.ZIP_STORED:
        chunks = _stored(file, info, chunk)
    else:
        chunks = _deflated(file, info, start, name, chunk)
    size = crc = 0
    for piece in chunks:
        size += len(piece)
        if size > info.file_size:
            raise _error(name, f"part {part} inflates past the {info.file_size:,} bytes its zip "
                               "entry declares; the file is damaged or made to mislead, "
                               "refused")  # fmt: skip
        crc = zlib.crc32(piece, crc)
        yield piece
    if size < info.file_size:
        raise _damaged(name, part, f"{size:,} of its {info.file_size:,} bytes are there")
    if crc != info.CRC:
        raise _damaged(name, part, "its CRC-32 does not match")


def _stored(file: BinaryIO, info: zipfile.ZipInfo, most: int) -> Iterator[bytes]:
    left = min(info.compress_size, info.file_size + 1)
    while left > 0:
        chunk = file.read(min(left, most))
        if not chunk:
            return
        left -= len(chunk)
        yield chunk


def _deflated(file: BinaryIO, info: zipfile.ZipInfo, start: int, name: str, most: int) -> (
    Iterator[bytes]
):  # fmt: skip
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    left = info.compress_size
    pending = b""
    made = 0
    position = start
    while not inflater.eof:
        if not pending:
            if left <= 0:
                return
            pending = file.read(min(left, most))
            if not pending:
                return
            left -= len(pending)
            position += len(pending)
        # One byte past the declared size at most: enough to tell that it inflates past it.
        room = min(most, info.file_size - made + 1)
        try:
            chunk = inflater.decompress(pending, room)
        except zlib.error as exc:
            near = position - len(pending)
            raise _damaged(name, info.filename, f"{exc}, near byte {near:,}") from None
        pending = inflater.unconsumed_tail
        made += len(chunk)
        if chunk:
            yield chunk
