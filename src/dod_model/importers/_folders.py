"""Reading many documents: folders listed, every file read by its content, nothing left unsaid.

A folder gives every regular file in it, whatever its suffix: formats are told by content, so a
roadmap saved without a suffix, or with a wrong one, is read all the same, and a file that is no
roadmap is refused with the reason. What is not read is named too: a folder inside the folder,
a named pipe or a device, a link to nothing, and the files office programs keep beside an open
document (``~$plan.docx``, ``.~lock.plan.docx#``) or a system leaves in folders (hidden files).
"""

from __future__ import annotations

import fnmatch
import math
import multiprocessing
import os
import stat
import sys
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from pathlib import Path

import attrs

from dod_model._base import display_name
from dod_model._errors import DocumentError
from dod_model._host import Plugins, default_plugins
from dod_model.importers._read import read, require_region
from dod_model.model import Roadmap

__all__ = ["Listing", "Reading", "Refusal", "cores", "list_documents", "read_all", "read_many"]


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
        files: The file of each roadmap, as named or found in its folder, in the same order.

    .. versionadded:: 0.3.0
    """

    roadmaps: tuple[Roadmap, ...]
    refused: tuple[Refusal, ...] = ()
    left_out: int = 0
    files: tuple[Path, ...] = ()

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


_FILES_PER_PROCESS = 16
"""Of the files read, how many repay the start of one more process (~0.5 s: Python, the
library and its plugins loaded), at ~30 ms a Word roadmap: fewer are read in this process."""

_CHUNK = 32
"""The most files a process is sent at once: enough that 2,000 files are not 2,000 round trips,
few enough that the processes share the last of the work and the progress bar moves."""


def cores() -> int:
    """How many cores this process may run on (those its affinity allows, where known).

    .. versionadded:: 0.3.0
    """
    counted = getattr(os, "process_cpu_count", None)  # Python 3.13
    if counted is not None:
        return int(counted() or 1)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _read_chunk(paths: Sequence[Path], region: str | None,
                format: str | None) -> list[Roadmap | Refusal]:  # fmt: skip
    """Read ``paths`` in a process of the pool, with its own default plugins."""
    return _read_each(paths, region, format, default_plugins())


def _read_each(paths: Sequence[Path], region: str | None, format: str | None,
               plugins: Plugins) -> list[Roadmap | Refusal]:  # fmt: skip
    found: list[Roadmap | Refusal] = []
    for path in paths:
        try:
            found.append(read(path, region=region, format=format, plugins=plugins))
        except DocumentError as exc:
            found.append(Refusal(path, str(exc)))
    return found


def _processes(jobs: int | None, files: int, own_plugins: bool) -> int:
    if jobs is not None and (isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1):
        msg = f"jobs: not a number of processes (1 or more): {jobs!r}"
        raise ValueError(msg)
    if own_plugins:
        if jobs is not None and jobs > 1:
            msg = (
                "jobs > 1 reads in processes that load the default plugins; a plugin session "
                "of your own (plugins=) reads in this process only: pass jobs=1"
            )
            raise ValueError(msg)
        return 1
    if jobs is None:
        return max(1, min(cores(), files // _FILES_PER_PROCESS))
    return max(1, min(jobs, files))


def read_many(paths: Sequence[str | os.PathLike[str]], *, region: str | None = None,
              format: str | None = None, plugins: Plugins | None = None,
              jobs: int | None = 1,
              progress: bool | None = None) -> tuple[Roadmap | Refusal, ...]:  # fmt: skip
    """Read each file of ``paths``: its roadmap, or why it was refused, in the order given.

    With ``jobs`` above 1 the files are read in that many processes (a pool started with
    *spawn*, so the same on every system, each process with the default plugins), sent to them
    in chunks; the results come back in the order of ``paths`` whatever process read which.

    Args:
        paths: Files (not folders: :func:`list_documents` lists those).
        region: ISO 3166-2 code that wins over what each document names.
        format: The importer for every file; told by content when ``None``.
        plugins: The plugin session; the default one when ``None``. One of your own reads in
            this process only.
        jobs: How many processes read; ``1`` reads in this process, ``None`` as many as the
            cores, but no more than the files repay (one process for each 16 files).
        progress: A progress bar on standard error: ``None`` when it is a terminal.

    Returns:
        For each path in order, the :class:`~dod_model.Roadmap` read or the :class:`Refusal`.

    Raises:
        ValueError: ``jobs`` is not a positive number, or is above 1 with ``plugins`` given.

    .. versionadded:: 0.3.0
    """
    from tqdm import tqdm  # noqa: PLC0415 - loaded when many files are read, not on import

    files = [Path(path) for path in paths]
    processes = _processes(jobs, len(files), own_plugins=plugins is not None)
    shown = sys.stderr is not None and sys.stderr.isatty() if progress is None else progress
    bar = tqdm(total=len(files), desc="reading", unit="file", file=sys.stderr,
               disable=not shown, leave=False)  # fmt: skip
    with bar:
        if processes == 1:
            session = default_plugins() if plugins is None else plugins
            found: list[Roadmap | Refusal] = []
            for path in files:
                found += _read_each([path], region, format, session)
                bar.update()
            return tuple(found)
        size = max(1, min(_CHUNK, math.ceil(len(files) / (processes * 4))))
        chunks = [files[at : at + size] for at in range(0, len(files), size)]
        done: dict[int, list[Roadmap | Refusal]] = {}
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=processes, mp_context=context) as pool:
            futures: dict[Future[list[Roadmap | Refusal]], int] = {}
            try:
                for index, chunk in enumerate(chunks):
                    futures[pool.submit(_read_chunk, chunk, region, format)] = index
                for future in as_completed(futures):
                    done[futures[future]] = future.result()
                    bar.update(len(done[futures[future]]))
            except BaseException:
                pool.shutdown(wait=True, cancel_futures=True)
                raise
        return tuple(item for index in range(len(chunks)) for item in done[index])


def read_all(paths: Iterable[str | os.PathLike[str]], *, include: Sequence[str] = (),
             region: str | None = None, format: str | None = None,
             plugins: Plugins | None = None, jobs: int | None = 1,
             progress: bool | None = None) -> Reading:  # fmt: skip
    """Read every document of ``paths`` (files and folders); a refusal never stops the rest.

    Args:
        paths: Files and folders; a folder gives each of its files (see :func:`list_documents`).
        include: Shell patterns a folder's files must match (``"*.pdf"``, ``"*.doc*"``).
        region: ISO 3166-2 code of the documents' region, which wins over what each names;
            detected in each when ``None``.
        format: The importer for every file; told by each file's content when ``None``.
        plugins: The plugin session; the default one when ``None``.
        jobs: How many processes read (see :func:`dod_model.importers.read_many`); ``1``, the
            default, reads in this process.
        progress: A progress bar on standard error; ``None``: when it is a terminal.

    Returns:
        The roadmaps with their files, and each file refused or skipped with the reason.

    Raises:
        DocumentError: A folder cannot be listed, or ``region`` is no known code (refused once,
            before any file is read).
        ValueError: ``jobs`` is not a positive number (see :func:`dod_model.importers.read_many`).

    Example:
        >>> import dod_model
        >>> from dod_model import examples
        >>> reading = dod_model.read_all([examples.path("samara-text").parent], include=["*.txt"])
        >>> len(reading.roadmaps), reading.ok
        (5, True)

    .. versionadded:: 0.3.0
    """
    require_region(default_plugins() if plugins is None else plugins, region)
    listing = list_documents(paths, include=include)
    found = read_many(listing.files, region=region, format=format, plugins=plugins, jobs=jobs,
                      progress=progress)  # fmt: skip
    read_ones = [(path, item) for path, item in zip(listing.files, found, strict=True)
                 if isinstance(item, Roadmap)]  # fmt: skip
    return Reading(
        roadmaps=tuple(roadmap for _, roadmap in read_ones),
        refused=(*(item for item in found if isinstance(item, Refusal)), *listing.skipped),
        left_out=listing.left_out,
        files=tuple(path for path, _ in read_ones),
    )
