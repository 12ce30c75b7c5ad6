"""Text files decoded: UTF-8 with or without BOM, UTF-16, or a detected Cyrillic code page."""

from __future__ import annotations

from dod_model._errors import DocumentError

__all__ = ["decode_text"]

_CYRILLIC_ENCODINGS = ("cp1251", "koi8_r", "cp866", "mac_cyrillic", "iso8859_5")
_NAMES = {
    "cp1251": "Windows-1251",
    "koi8_r": "KOI8-R",
    "cp866": "DOS (CP866)",
    "mac_cyrillic": "Mac Cyrillic",
    "iso8859_5": "ISO 8859-5",
}
_UTF8_MARK = b"\xef\xbb\xbf"
_UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Text and encoding of a document's bytes.

    A byte-order mark is taken at its word: a file that begins with one and is not in its
    encoding is refused, saying where it stops being so. It is no guess which part of such a
    file is right (a mark put before Windows-1251 text, or two files run together).

    Raises:
        DocumentError: The bytes are binary, not in the encoding their byte-order mark names,
            or in no encoding the detector is sure of.
    """
    if data.startswith(_UTF8_MARK):
        return _marked(data, len(_UTF8_MARK), "utf-8", name), "utf-8-sig"
    if data.startswith(_UTF16_MARKS):
        return _marked(data, 0, "utf-16", name), "utf-16"
    if b"\x00" in data[:4096]:
        msg = f"{name}: binary data, not a text export; convert the document to .docx or text"
        raise DocumentError(msg)
    try:
        return data.decode("utf-8", errors="strict"), "utf-8"
    except UnicodeDecodeError:
        pass
    detected = _detect(data)
    if detected is None:
        msg = (
            f"{name}: the text is in no encoding that can be detected with certainty; "
            "save it as UTF-8"
        )
        raise DocumentError(msg)
    return detected


def _detect(data: bytes) -> tuple[str, str] | None:
    """Text and encoding of bytes in one of the Cyrillic code pages, if the detector is sure."""
    from charset_normalizer import from_bytes  # noqa: PLC0415 - needed only for legacy files

    best = from_bytes(data, cp_isolation=list(_CYRILLIC_ENCODINGS)).best()
    return None if best is None else (str(best), best.encoding)


def _marked(data: bytes, start: int, codec: str, name: str) -> str:
    """``data`` from ``start`` decoded as ``codec``, whose byte-order mark it begins with.

    Raises:
        DocumentError: The bytes are not ``codec``: the message says from which byte, and, for
            UTF-8, what the rest reads as if it is a Cyrillic code page.
    """
    label = codec.upper()
    try:
        return data[start:].decode(codec, errors="strict")
    except UnicodeDecodeError as exc:
        at = start + exc.start
        problem = (
            f"{name}: the file begins with the {label} byte-order mark, but byte {at:,} "
            f"({data[at : at + 1].hex().upper()}) is not {label} ({exc.reason})"
        )
        rest = _detect(data[start:]) if codec == "utf-8" else None
        if rest is not None:
            msg = (
                f"{problem} and the text after the mark reads as "
                f"{_NAMES.get(rest[1], rest[1])}; save the file again as UTF-8, or delete the "
                "mark (its first three bytes)"
            )
        else:
            msg = f"{problem}; the file is damaged or cut short: save it again as UTF-8"
        raise DocumentError(msg) from None
