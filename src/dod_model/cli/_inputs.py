"""What the commands read: documents, roadmap or registry JSON, folders of documents."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import attrs

from dod_model._errors import DocumentError, DodModelError
from dod_model.cli._usage import UsageError
from dod_model.codec import from_data, parse_json
from dod_model.importers import read
from dod_model.model import CertificateRegistry, ProgrammeRegistry, Roadmap

__all__ = ["DOCUMENT_SUFFIXES", "UsageError", "expand", "naming", "read_document"]

DOCUMENT_SUFFIXES = (".docx", ".txt")
"""What a folder given to ``read`` or ``validate`` contributes: its Word and text files."""


def naming(path: Path, message: str) -> str:
    """``message`` naming ``path`` as the user wrote it.

    Importers name a file by its name alone; the command line, which may read many files from
    many folders, names it by the path given.
    """
    for prefix in (f"{path}:", f"{path.name}:"):
        if message.startswith(prefix):
            return f"{path}:{message[len(prefix) :]}"
    return f"{path}: {message}"


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files to read: each file as given, each folder as its documents sorted by name.

    Raises:
        UsageError: A folder holds no document, or a path does not exist.
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.iterdir()
                if p.is_file() and p.suffix.casefold() in DOCUMENT_SUFFIXES
            )
            if not found:
                msg = f"{path}: the folder holds no {' or '.join(DOCUMENT_SUFFIXES)} files"
                raise UsageError(msg)
            files += found
        else:
            files.append(path)
    return files


def read_document(path: Path, *, region: str | None = None, format: str | None = None) -> object:
    """A roadmap or registry from a JSON file (its type told by its keys), else a document.

    Documents (Word, text) are read by the importers into a roadmap.

    Raises:
        DodModelError: The file cannot be read, or its JSON does not fit the model; the message
            names the file.
    """
    if path.suffix.casefold() != ".json" or format is not None:
        return read(path, region=region, format=format)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        msg = f"{path}: cannot read the file ({exc.strerror}); check the path"
        raise DocumentError(msg) from None
    try:
        data = parse_json(raw, what="JSON for Roadmap")
        cls: type = Roadmap
        if isinstance(data, dict) and "certificates" in data:
            cls = CertificateRegistry
        elif isinstance(data, dict) and "programmes" in data:
            cls = ProgrammeRegistry
        document: object = from_data(data, cls)
    except DodModelError as exc:
        raise DocumentError(f"{path}: {exc}") from None
    if region is not None and isinstance(document, Roadmap):
        document = attrs.evolve(document, region=region)
    return document
