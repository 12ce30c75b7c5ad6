"""Text files decoded: UTF-8 with or without BOM, UTF-16, or a detected Cyrillic code page."""

from __future__ import annotations

from dod_model._errors import DocumentError

__all__ = ["decode_text"]

_CYRILLIC_ENCODINGS = ("cp1251", "koi8_r", "cp866", "mac_cyrillic", "iso8859_5")


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Text and encoding of a document's bytes.

    Raises:
        DocumentError: The bytes are binary, or in no encoding the detector is sure of.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:4096]:
        msg = f"{name}: binary data, not a text export; convert the document to .docx or text"
        raise DocumentError(msg)
    try:
        return data.decode("utf-8", errors="strict"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # noqa: PLC0415 - needed only for legacy files

    best = from_bytes(data, cp_isolation=list(_CYRILLIC_ENCODINGS)).best()
    if best is None:
        msg = (
            f"{name}: the text is in no encoding that can be detected with certainty; "
            "save it as UTF-8"
        )
        raise DocumentError(msg)
    return str(best), best.encoding
