"""What the commands read: documents, roadmap or registry JSON, folders, standard input.

Nothing here waits forever: files are opened as regular files only (a pipe or a device is
refused at once), read up to the document budget, and standard input is read only when ``-``
names it and it is not a terminal.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from dod_model._base import budgets, display_name, read_bounded
from dod_model._errors import DocumentError, DodModelError
from dod_model._host import default_plugins
from dod_model.cli._guard import one_line
from dod_model.cli._usage import STDIN, UsageError
from dod_model.codec import from_data, parse_json
from dod_model.importers import Listing, Refusal, list_documents, read
from dod_model.model import CertificateRegistry, ProgrammeRegistry, Roadmap

__all__ = [
    "STDIN_NAME",
    "UsageError",
    "expand",
    "is_folder",
    "is_stdin",
    "known_region",
    "naming",
    "read_document",
    "read_roadmaps",
]

STDIN_NAME = "<stdin>"
"""The name standard input goes by in messages and in a roadmap's source."""


def known_region(code: str | None) -> str | None:
    """The ``--region`` code, checked before anything is read.

    Raises:
        UsageError: No region has that code; the message lists the known ones.
    """
    if code is not None:
        try:
            default_plugins().require_region(code)
        except ValueError as exc:
            raise UsageError(f"--region {exc}") from None
    return code


def is_stdin(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is ``-``, standard input."""
    return os.fspath(path) == STDIN


def naming(path: Path, message: str) -> str:
    """``message`` naming ``path`` as the user wrote it, printably.

    Importers name a file by its name alone; the command line, which may read many files from
    many folders, names it by the path given.
    """
    shown = STDIN_NAME if is_stdin(path) else display_name(path)
    names = {str(path), path.name, display_name(path), display_name(path.name), STDIN_NAME}
    for name in sorted(names, key=len, reverse=True):
        if name and message.startswith(f"{name}:"):
            return f"{shown}:{message[len(name) + 1 :]}"
    return f"{shown}: {message}"


def is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder; ``False`` when it cannot be looked at (reading says why)."""
    try:
        return not is_stdin(path) and path.is_dir()
    except (OSError, ValueError):
        return False


def expand(paths: Sequence[Path], include: Sequence[str] = ()) -> Listing:
    """Files to read, and the entries of folders that are not read, with the reason.

    Each file is taken as given, each folder as its files sorted by name (those matching
    ``include``, when given).

    Raises:
        UsageError: A folder holds nothing to read, or ``-`` is given twice.
        DocumentError: A folder cannot be listed.
    """
    if sum(is_stdin(path) for path in paths) > 1:
        msg = "standard input (-) is given twice; it can be read once"
        raise UsageError(msg)
    files: list[Path] = []
    skipped: list[Refusal] = []
    left_out = 0
    for path in paths:
        if is_stdin(path):
            files.append(path)
            continue
        listing = list_documents([path], include=include)
        if not listing.files and is_folder(path):
            what = f"no file matching {' or '.join(include)}" if include else "no file to read"
            if listing.skipped:
                what += f" ({len(listing.skipped)} skipped: {one_line(listing.skipped[0].reason)}"
                what += ", …)" if len(listing.skipped) > 1 else ")"
            msg = f"{display_name(path)}: the folder holds {what}"
            raise UsageError(msg)
        files += listing.files
        skipped += listing.skipped
        left_out += listing.left_out
    return Listing(files=tuple(files), skipped=tuple(skipped), left_out=left_out)


def _standard_input() -> bytes:
    """The bytes of standard input, up to the document budget."""
    stream = sys.stdin
    try:
        terminal = stream is not None and stream.isatty()
    except (OSError, ValueError):  # closed
        stream, terminal = None, False
    if stream is None:
        msg = "standard input is closed; name a FILE instead of -"
        raise UsageError(msg)
    if terminal:
        msg = "standard input is a terminal; pipe a document in (… - < plan.docx) or name a FILE"
        raise UsageError(msg)
    limit = budgets.DOCUMENT_BYTES
    try:
        data: bytes | str = getattr(stream, "buffer", stream).read(limit + 1)
    except OSError as exc:
        msg = f"{STDIN_NAME}: cannot read standard input ({exc.strerror or exc})"
        raise DocumentError(msg) from None
    raw = data.encode("utf-8", errors="surrogateescape") if isinstance(data, str) else data
    if len(raw) > limit:
        msg = (
            f"{STDIN_NAME}: over the {limit:,} bytes a document may have; refused before it "
            "was read to the end"
        )
        raise DocumentError(msg)
    if not raw.strip():
        msg = f"{STDIN_NAME}: standard input is empty; pipe a document in, or name a FILE"
        raise DocumentError(msg)
    return raw


class _Stream(io.BytesIO):
    """Bytes read from standard input, named as :func:`dod_model.read` names a stream."""

    name = STDIN_NAME


def _from_json(raw: bytes, label: str, region: str | None) -> object:
    try:
        data = parse_json(raw, what="JSON for Roadmap")
        cls: type = Roadmap
        if isinstance(data, dict) and "certificates" in data:
            cls = CertificateRegistry
        elif isinstance(data, dict) and "programmes" in data:
            cls = ProgrammeRegistry
        document: object = from_data(data, cls)
    except DodModelError as exc:
        raise DocumentError(f"{label}: {exc}") from None
    except (RecursionError, MemoryError) as exc:
        msg = f"{label}: the JSON is nested too deeply or too large to read ({type(exc).__name__})"
        raise DocumentError(msg) from None
    if region is not None and isinstance(document, Roadmap):
        document = attrs.evolve(document, region=region)
    return document


def read_document(path: Path, *, region: str | None = None, format: str | None = None) -> object:
    """A roadmap or registry from a JSON file (its type told by its keys), else a document.

    Documents (Word, text) are read by the importers into a roadmap. ``-`` is standard input:
    JSON when it starts with ``{``, else a document.

    Raises:
        DodModelError: The file cannot be read, or its JSON does not fit the model; the message
            names the file.
        UsageError: ``-`` is given and standard input is a terminal or closed.
    """
    if is_stdin(path):
        raw = _standard_input()
        if format is None and raw.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"{"):
            return _from_json(raw, STDIN_NAME, region)
        return read(_Stream(raw), region=region, format=format)
    if path.suffix.casefold() != ".json" or format is not None:
        return read(path, region=region, format=format)
    raw = read_bounded(path, budgets.DOCUMENT_BYTES)
    return _from_json(raw, display_name(path), region)


def read_roadmaps(paths: Iterable[Path]) -> tuple[list[tuple[Path, Roadmap]], list[str]]:
    """The roadmaps of ``paths`` in order, and why each other path was refused (a line each)."""
    roadmaps: list[tuple[Path, Roadmap]] = []
    refused: list[str] = []
    for path in paths:
        try:
            read = read_document(path)
        except DodModelError as exc:
            refused.append(str(exc))
            continue
        if isinstance(read, Roadmap):
            roadmaps.append((path, read))
        else:
            refused.append(
                f"{display_name(path)}: not a roadmap; name a roadmap's document or JSON"
            )
    return roadmaps, refused
