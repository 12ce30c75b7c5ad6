"""A Word package (a zip of XML written by someone else), opened defensively.

Sizes are checked before anything is inflated, parts are read through a bounded reader, and the
XML parser resolves no entities, loads no DTD and reaches no network; a part with a DTD is
refused.
"""

from __future__ import annotations

import zipfile
from io import BytesIO

from lxml import etree

from dod_model._errors import DocumentError

__all__ = ["MAX_PART_BYTES", "MAX_RATIO", "Package"]

_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = ("/officeDocument",)  # the end of both Transitional and Strict rel types

MAX_PART_BYTES = 128 * 1024 * 1024
"""The largest a part may inflate to."""
MAX_RATIO = 200
"""The most a large part may be compressed (inflated size over compressed size)."""

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          dtd_validation=False, huge_tree=False, remove_comments=True,
                          remove_pis=True)  # fmt: skip

# What Word writes parts with: stored or deflated. Other methods zipfile may not even know.
_COMPRESSIONS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})


class Package:
    """The zip package, read defensively."""

    def __init__(self, data: bytes, name: str) -> None:
        self.name = name
        try:
            self.zip = zipfile.ZipFile(BytesIO(data))
            self.names = set(self.zip.namelist())
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
            msg = f"{name}: not a readable Word file ({exc}); is it truncated?"
            raise DocumentError(msg) from None

    def read(self, part: str) -> bytes | None:
        if part not in self.names:
            return None
        info = self.zip.getinfo(part)
        if info.file_size > MAX_PART_BYTES or (
            info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        ):
            msg = f"{self.name}: part {part} would inflate to {info.file_size:,} bytes; refused"
            raise DocumentError(msg)
        if info.flag_bits & 0x1:
            msg = f"{self.name}: part {part} is encrypted; save the document without a password"
            raise DocumentError(msg)
        if info.compress_type not in _COMPRESSIONS:
            msg = (
                f"{self.name}: part {part} is compressed with method {info.compress_type}, "
                "which Word never writes; open and save the document in Word"
            )
            raise DocumentError(msg)
        try:
            with self.zip.open(info) as stream:
                data = stream.read(MAX_PART_BYTES + 1)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            msg = f"{self.name}: part {part} cannot be read ({exc}); is the file damaged?"
            raise DocumentError(msg) from None
        if len(data) > MAX_PART_BYTES:
            msg = f"{self.name}: part {part} inflates past {MAX_PART_BYTES:,} bytes; refused"
            raise DocumentError(msg)
        return data

    def xml(self, part: str) -> etree._Element | None:
        data = self.read(part)
        if data is None:
            return None
        if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:65536]:
            msg = f"{self.name}: part {part} declares a DTD or entities, which Word never writes"
            raise DocumentError(msg)
        try:
            return etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError as exc:
            msg = f"{self.name}: part {part} is not well-formed XML ({exc})"
            raise DocumentError(msg) from None

    def main_part(self) -> str:
        rels = self.xml("_rels/.rels")
        if rels is not None:
            for rel in rels.iter(f"{{{_REL}}}Relationship"):
                if (
                    rel.get("Type", "").endswith(_OFFICE_DOCUMENT)
                    and rel.get("TargetMode") != "External"
                ):
                    target = str(rel.get("Target", "")).lstrip("/")
                    if target in self.names:
                        return target
        if "word/document.xml" in self.names:
            return "word/document.xml"
        msg = f"{self.name}: a zip without a Word main document; is it really a .docx file?"
        raise DocumentError(msg)
