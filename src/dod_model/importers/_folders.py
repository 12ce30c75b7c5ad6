"""Reading many documents: folders listed, every file read by its content, nothing left unsaid.

A folder gives every regular file in it, whatever its suffix: formats are told by content, so a
roadmap saved without a suffix, or with a wrong one, is read all the same, and a file that is no
roadmap is refused with the reason. What is not read is named too: a folder inside the folder,
a named pipe or a device, a link to nothing, and the files office programs keep beside an open
document (``~$plan.docx``, ``.~lock.plan.docx#``) or a system leaves in folders (hidden files).
"""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from dod_model._base import display_name
from dod_model._errors import DocumentError
from dod_model._host import Plugins, default_plugins
from dod_model.importers._read import read, require_region
from dod_model.model import Roadmap

__all__ = ["Listing", "Reading", "Refusal", "list_documents", "read_all"]


@attrs.frozen
class Refusal:
    """A file that was not read into a roadmap, and why.

    Attributes:
        path: The file, as it was named or found in its folder.
        reason: Why, in a sentence that names the file («plan.pdf: a scan without text: …»).
        skipped: Whether it was not tried at all (a folder, a pipe, a lock file), rather than
            read and refused.

    .. versionadded:: 0.3.0
    """

    path: Path
    reason: str
    skipped: bool = False


@attrs.frozen
class Listing:
    """What reading a list of files and folders takes: the files, and what it leaves.

    Attributes:
        files: The files to read, each folder's sorted by name.
        skipped: Entries of the folders that are not read, each with the reason.
        left_out: How many files of the folders the ``include`` patterns left out.

    .. versionadded:: 0.3.0
    """

    files: tuple[Path, ...]
    skipped: tuple[Refusal, ...] = ()
    left_out: int = 0


@attrs.frozen
class Reading:
    """What :func:`read_all` read: the roadmaps, and every file it refused or skipped.

    Attributes:
        roadmaps: The roadmaps, in the order of their files; each names its file as its source.
        refused: The files not read, each with the reason: those refused after a try, then
            those skipped.
        left_out: How many files of the folders the ``include`` patterns left out.

    .. versionadded:: 0.3.0
    """

    roadmaps: tuple[Roadmap, ...]
    refused: tuple[Refusal, ...] = ()
    left_out: int = 0

    @property
    def ok(self) -> bool:
        """Whether every file was read."""
        return not self.refused


def _skip_reason(entry: os.DirEntry[str]) -> str | None:
    """Why a folder's entry is not read, or ``None`` for a file to read."""
    name = entry.name
    if name.startswith("~$"):
        return "the owner file Word keeps beside an open document (~$…), not a document"
    if name.startswith(".~lock.") and name.endswith("#"):
        return "the lock file LibreOffice keeps beside an open document, not a document"
    if name.startswith("."):
        return "a hidden file; name it to read it"
    try:
        mode = entry.stat().st_mode
    except FileNotFoundError:
        return "a link to nothing"
    except OSError as exc:
        return f"cannot be looked at ({exc.strerror})"
    if stat.S_ISDIR(mode):
        return "a folder inside the folder; name it to read it"
    if not stat.S_ISREG(mode):
        return "not a regular file (a pipe, a socket or a device); it is not read"
    return None


def _matches(name: str, include: Sequence[str]) -> bool:
    folded = name.casefold()
    return any(fnmatch.fnmatchcase(folded, pattern.casefold()) for pattern in include)


def list_documents(paths: Iterable[str | os.PathLike[str]], *,
                   include: Sequence[str] = ()) -> Listing:  # fmt: skip
    """The files to read for ``paths``: each file as given, each folder's files by name.

    Args:
        paths: Files and folders.
        include: Shell patterns (``"*.pdf"``); when given, a folder gives only the files whose
            names match one (case aside). Files named directly are always taken.

    Returns:
        The files, and the folders' entries that are not read with the reason.

    Raises:
        DocumentError: A folder cannot be listed.

    .. versionadded:: 0.3.0
    """
    files: list[Path] = []
    skipped: list[Refusal] = []
    left_out = 0
    for item in paths:
        path = Path(item)
        try:
            folder = path.is_dir()
        except (OSError, ValueError):
            folder = False
        if not folder:
            files.append(path)
            continue
        try:
            with os.scandir(path) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError as exc:
            shown = display_name(path)
            msg = f"{shown}: cannot list the folder ({exc.strerror}); check its permissions"
            raise DocumentError(msg) from None
        for entry in entries:
            reason = _skip_reason(entry)
            found = path / entry.name
            if include and not _matches(entry.name, include):
                left_out += reason is None
            elif reason is not None:
                skipped.append(Refusal(found, f"{display_name(found)}: {reason}", skipped=True))
            else:
                files.append(found)
    return Listing(files=tuple(files), skipped=tuple(skipped), left_out=left_out)


def read_all(paths: Iterable[str | os.PathLike[str]], *, include: Sequence[str] = (),
             region: str | None = None, format: str | None = None,
             plugins: Plugins | None = None) -> Reading:  # fmt: skip
    """Read every document of ``paths`` (files and folders); a refusal never stops the rest.

    Args:
        paths: Files and folders; a folder gives each of its files (see :func:`list_documents`).
        include: Shell patterns a folder's files must match (``"*.pdf"``, ``"*.doc*"``).
        region: ISO 3166-2 code of the documents' region, which wins over what each names;
            detected in each when ``None``.
        format: The importer for every file; told by each file's content when ``None``.
        plugins: The plugin session; the default one when ``None``.

    Returns:
        The roadmaps, and each file refused or skipped with the reason.

    Raises:
        DocumentError: A folder cannot be listed, or ``region`` is no known code (refused once,
            before any file is read).

    Example:
        >>> import dod_model
        >>> from dod_model import examples
        >>> reading = dod_model.read_all([examples.path("samara-text").parent], include=["*.txt"])
        >>> len(reading.roadmaps), reading.ok
        (5, True)

    .. versionadded:: 0.3.0
    """
    plugins = default_plugins() if plugins is None else plugins
    require_region(plugins, region)
    listing = list_documents(paths, include=include)
    roadmaps: list[Roadmap] = []
    refused: list[Refusal] = []
    for path in listing.files:
        try:
            roadmaps.append(read(path, region=region, format=format, plugins=plugins))
        except DocumentError as exc:
            refused.append(Refusal(path, str(exc)))
    return Reading(roadmaps=tuple(roadmaps), refused=(*refused, *listing.skipped),
                   left_out=listing.left_out)  # fmt: skip
