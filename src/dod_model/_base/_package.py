"""Zip packages of XML parts (Word documents, workbooks), read within the budgets.

One reader for every container format, so that each budget is checked in one place:

- the zip's directory against ``PACKAGE_ENTRIES`` before it is listed (:mod:`._zip`);
- a part read whole against ``PART_BYTES``, and all the parts read whole against
  ``PACKAGE_BYTES``, by the sizes the directory declares, before they are inflated; inflating
  stops one byte past the declared size, so a part that inflates past it is refused at once;
- a part read as a stream (a worksheet, row by row, or shared strings) against
  ``STREAM_RATIO`` times its compressed size: it is held a piece at a time, so its size costs
  time, not memory;
- the XML of a part against ``XML_NODES``, told from its bytes (:func:`xml_nodes`) before a
  tree is built: before it is parsed when read whole, before each chunk is parsed when read as
  a stream, counting what the reader has not let go of; and its nodes against ``XML_DENSITY``
  a compressed byte, past ``XML_DENSITY_FLOOR``, so that the time a part costs follows the
  size of the file.

The XML parser resolves no entities, loads no DTD and reaches no network; a part that declares
a DTD or entities, or is in an encoding that hides its markup from the count, is refused.

.. versionadded:: 0.3.0
"""

from __future__ import annotations

import codecs
import posixpath
import re
import zipfile
from collections.abc import Iterable, Iterator
from io import BytesIO
from typing import BinaryIO

from lxml import etree

from dod_model._base import _budgets as budgets
from dod_model._base._zip import WORD, PackageKind, inflate, open_zip
from dod_model._errors import DocumentError

__all__ = ["Package", "xml_nodes"]

_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFFICE_DOCUMENT = "/officeDocument"  # the end of both Transitional and Strict rel types
_STREAM_FLOOR = 1 << 20  # a part read as a stream may always inflate to 1 MiB
_STREAM_CHUNK = 1 << 16  # inflated and parsed at once: a stream's elements are let go of soon

_OPTIONS = {"resolve_entities": False, "no_network": True, "load_dtd": False,
            "dtd_validation": False, "huge_tree": False, "remove_comments": True,
            "remove_pis": True}  # fmt: skip
_PARSER = etree.XMLParser(**_OPTIONS)

_DECLARATION = re.compile(rb"<\?xml[^>]*?\sencoding\s*=\s*[\"']([^\"']{1,40})[\"']")
# How the first character of an XML part ("<") may be written: UTF-8 with or without its
# byte-order mark, UTF-16 (either order, with or without one) and UTF-32.
_STARTS = (b"<", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<", b"\x00\x00")
_DTD = (b"<!DOCTYPE", b"<!ENTITY")
_SPACE = re.compile(rb"[ \t\r\n]*")


def xml_nodes(data: bytes) -> int:
    """An upper bound of the nodes lxml builds for ``data``, counted without parsing it.

    Elements (each begins with a ``<`` not followed by ``/``), runs of text (each begins after
    a ``>`` not followed by ``<``) and attributes (each has a ``=``; libxml2 makes two nodes of
    one, the attribute and its value). A node takes about 128 bytes of the tree.
    """
    elements = data.count(b"<") - data.count(b"</")
    texts = data.count(b">") - data.count(b"><")
    return elements + texts + 2 * data.count(b"=")


def _hides_markup(head: bytes) -> bool:
    """Whether XML beginning with ``head`` (after blanks) may write ``<>=`` as other bytes.

    The count of :func:`xml_nodes` holds for encodings that write them as themselves (UTF-8,
    single-byte ones) or with zero bytes beside them (UTF-16, UTF-32); not for EBCDIC, which a
    parser may also take.
    """
    if not head.startswith(_STARTS):
        return True
    declared = _DECLARATION.match(head.removeprefix(b"\xef\xbb\xbf"))
    if declared is None:
        return False
    try:
        codec = codecs.lookup(declared.group(1).decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return True
    if codec.name.startswith(("utf-16", "utf-32")):
        return False
    try:
        return "<>=/".encode(codec.name) != b"<>=/"
    except UnicodeEncodeError:  # pragma: no cover - every codec Python has encodes these
        return True


class Package:
    """A zip package of XML parts, opened defensively and read within the budgets.

    Args:
        source: The package's bytes, or a seekable binary file: the package owns it, and
            closes it on :meth:`close` (or at once, if it is no package).
        name: The file's name, for messages.
        kind: What kind of package it is meant to be, for messages.

    Raises:
        DocumentError: The file is no zip, or its directory is over the budget.

    .. versionadded:: 0.3.0
    """

    def __init__(self, source: bytes | BinaryIO, name: str, *, kind: PackageKind = WORD) -> None:
        self.name = name
        self.kind = kind
        self._file: BinaryIO = BytesIO(source) if isinstance(source, bytes) else source
        try:
            self.zip = open_zip(self._file, name, kind)
        except BaseException:
            self._file.close()
            raise
        self.names = frozenset(self.zip.NameToInfo)
        self._read_whole = 0  # bytes the parts read whole declare, together

    def close(self) -> None:
        """Close the package and its file."""
        self.zip.close()
        self._file.close()

    def refuse(self, message: str) -> DocumentError:
        """The error for a problem of the package: ``message`` after the file's name."""
        return DocumentError(f"{self.name}: {message}")

    def _whole(self, part: str) -> zipfile.ZipInfo:
        """The entry of a part to be read whole, its declared size within the budgets."""
        info = self.zip.getinfo(part)
        if info.file_size > budgets.PART_BYTES:
            raise self.refuse(
                f"part {part} would inflate to {info.file_size:,} bytes, over the "
                f"{budgets.PART_BYTES:,} one part may have; refused before inflating it"
            )
        self._read_whole += info.file_size
        if self._read_whole > budgets.PACKAGE_BYTES:
            raise self.refuse(
                f"the parts read would inflate to {self._read_whole:,} bytes together, over the "
                f"{budgets.PACKAGE_BYTES:,} a package may have; refused before inflating them"
            )
        return info

    def read(self, part: str) -> bytes | None:
        """The bytes of ``part`` (``None`` if the package has none), read within the budgets.

        Raises:
            DocumentError: The part is over a budget, damaged, or stored as office programs
                never store parts.
        """
        if part not in self.names:
            return None
        info = self._whole(part)
        return b"".join(inflate(self._file, info, self.name, self.kind))

    def _check_xml(self, part: str, data: bytes) -> None:
        start = _SPACE.match(data).end()  # type: ignore[union-attr]
        if _hides_markup(data[start : start + 256]):
            raise self.refuse(
                f"part {part} is not XML in an encoding {self.kind.program} writes (UTF-8 or "
                "UTF-16); refused before parsing it"
            )

    def _check_nodes(self, part: str, nodes: int, what: str = "") -> None:
        if nodes > budgets.XML_NODES:
            raise self.refuse(
                f"part {part} holds {what}up to {nodes:,} XML nodes, over the "
                f"{budgets.XML_NODES:,} a tree may have; refused before parsing it (split the "
                f"{self.kind.thing} into smaller ones)"
            )

    def _check_density(self, part: str, nodes: int, compressed: int, *, stream: bool) -> None:
        if nodes > max(budgets.XML_DENSITY_FLOOR, budgets.XML_DENSITY * compressed):
            raise self.refuse(
                f"part {part} holds {'over' if stream else 'up to'} {nodes:,} XML nodes in "
                f"{compressed:,} compressed bytes, more than {budgets.XML_DENSITY} a byte past "
                f"{budgets.XML_DENSITY_FLOOR:,}; refused before parsing "
                f"{'the rest' if stream else 'it'}"
            )

    def _dtd(self, part: str) -> DocumentError:
        return self.refuse(
            f"part {part} declares a DTD or entities, which {self.kind.program} never writes"
        )

    def xml(self, part: str) -> etree._Element | None:
        """The root element of ``part`` (``None`` if the package has none).

        Raises:
            DocumentError: The part is over a budget, damaged, not well-formed, or declares a
                DTD.
        """
        data = self.read(part)
        if data is None:
            return None
        self._check_xml(part, data)
        if any(marker in data for marker in _DTD):
            raise self._dtd(part)
        nodes = xml_nodes(data)
        self._check_nodes(part, nodes)
        self._check_density(part, nodes, self.zip.getinfo(part).compress_size, stream=False)
        try:
            return etree.fromstring(data, _PARSER)
        except etree.LxmlError as exc:
            raise self.refuse(f"part {part} is not well-formed XML ({exc})") from None

    def iterparse(self, part: str, tags: Iterable[str], *, kept: bool = False) -> (
        Iterator[etree._Element]
    ):  # fmt: skip
        """Each element of ``part`` with one of ``tags``, as it ends, let go of once handled.

        When the caller asks for the next element, the one before is cleared and removed with
        everything before it, so the tree never holds more than one element's worth (and
        never more than ``XML_NODES``, nor ``PART_BYTES``). The part is inflated a chunk at a
        time as it is parsed, and may hold ``XML_DENSITY`` nodes a byte of its compressed
        data (``XML_DENSITY_FLOOR`` at least): the work it costs is bounded by the file's size.
        The caller may stop at any element.

        Args:
            part: The part; a package without it gives no element.
            tags: Qualified tags (``{namespace}row``) of the elements wanted.
            kept: Whether what is read is kept in memory (a workbook's shared strings): the
                part then counts against ``PART_BYTES`` and ``PACKAGE_BYTES``, as one read
                whole. Otherwise (a worksheet read row by row) it may inflate to
                ``STREAM_RATIO`` times its compressed size.

        Raises:
            DocumentError: The part is over a budget, damaged or not well-formed XML.
        """
        if part not in self.names:
            return iter(())
        if kept:
            info = self._whole(part)
        else:
            info = self.zip.getinfo(part)
            limit = max(budgets.STREAM_RATIO * info.compress_size, _STREAM_FLOOR)
            if info.file_size > limit:
                raise self.refuse(
                    f"part {part} would inflate to {info.file_size:,} bytes, "
                    f"{info.file_size // max(info.compress_size, 1):,} times its compressed "
                    f"size (at most {budgets.STREAM_RATIO} past {_STREAM_FLOOR:,} bytes); "
                    "refused before inflating it"
                )
        return self._events(part, info, tuple(tags))

    def _events(self, part: str, info: zipfile.ZipInfo, tags: tuple[str, ...]) -> (
        Iterator[etree._Element]
    ):  # fmt: skip
        parser = etree.XMLPullParser(events=("end",), tag=tags, **_OPTIONS)
        pending = held = total = 0  # nodes and bytes parsed and not let go of; all nodes
        before = None  # the end of the chunk before, where a DTD's marker may begin
        for chunk in inflate(self._file, info, self.name, self.kind, chunk=_STREAM_CHUNK):
            if before is None:
                self._check_xml(part, chunk)
                before = b""
            if any(marker in before + chunk[:16] or marker in chunk for marker in _DTD):
                raise self._dtd(part)
            before = chunk[-16:]
            nodes = xml_nodes(chunk)
            pending += nodes
            held += len(chunk)
            total += nodes
            self._check_density(part, total, info.compress_size, stream=True)
            self._check_nodes(part, pending, "an element of ")
            if held > budgets.PART_BYTES:
                raise self.refuse(
                    f"part {part} holds an element of over {budgets.PART_BYTES:,} bytes, more "
                    "than one part read whole may have; refused"
                )
            for element in self._feed(part, parser, chunk):
                yield element
                _let_go(element)
                pending, held = nodes, len(chunk)  # at most what this chunk added is left
        yield from self._feed(part, parser, None)

    def _feed(self, part: str, parser: etree.XMLPullParser, chunk: bytes | None) -> (
        list[etree._Element]
    ):  # fmt: skip
        try:
            if chunk is None:
                parser.close()
            else:
                parser.feed(chunk)
        except etree.LxmlError as exc:
            raise self.refuse(f"part {part} is not well-formed XML ({exc})") from None
        return [element for _event, element in parser.read_events()]

    def relationships(self, part: str = "") -> dict[str, tuple[str, str]]:
        """The relationships of ``part`` (of the package when ``""``): id → (type, part).

        Targets are resolved against ``part``'s folder; external ones are left out.
        """
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", f"{base}.rels"))
        found: dict[str, tuple[str, str]] = {}
        if root is None:
            return found
        for rel in root.iter(_RELATIONSHIPS):
            target = str(rel.get("Target", ""))
            if rel.get("TargetMode") == "External" or not target:
                continue
            path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            found[str(rel.get("Id", ""))] = (str(rel.get("Type", "")), posixpath.normpath(path))
        return found

    def main_part(self, fallback: str = "word/document.xml") -> str:
        """The package's main part: its office document, or ``fallback`` if it names none.

        Raises:
            DocumentError: The package has neither.
        """
        for kind, target in self.relationships().values():
            if kind.endswith(_OFFICE_DOCUMENT) and target in self.names:
                return target
        if fallback in self.names:
            return fallback
        raise self.refuse(
            f"a zip without {self.kind.main}; is it really a {self.kind.program} file?"
        )


def _let_go(element: etree._Element) -> None:
    """Clear ``element`` and remove what comes before it and before each of its ancestors."""
    element.clear()
    node = element
    while (parent := node.getparent()) is not None:
        while node.getprevious() is not None:
            del parent[0]
        node = parent
