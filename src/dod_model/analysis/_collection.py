"""Many roadmaps at once: a folder, a glob or a list of files read into a collection.

A :class:`Collection` is what :func:`dod_model.read_all` reads (the roadmaps, each with its
file, and every file refused with the reason), with what an analyst asks of it: the roadmaps
with their files in order, and the columns that say which roadmap a row of a table is from
(:data:`ROADMAP_COLUMNS`).
"""

from __future__ import annotations

import datetime as dt
import glob
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import attrs

from dod_model._base import display_name
from dod_model._contracts import ROADMAP_COLUMNS
from dod_model._host import Plugins
from dod_model.importers import Reading, Refusal, read_all
from dod_model.model import Roadmap

__all__ = ["ROADMAP_COLUMNS", "Collection", "read_collection", "roadmap_columns"]

_GLOB = frozenset("*?[")


def roadmap_columns(roadmap: Roadmap, file: str | os.PathLike[str] | None = None,
                    ) -> dict[str, str | dt.date | None]:  # fmt: skip
    """The values of :data:`ROADMAP_COLUMNS` for ``roadmap`` read from ``file``.

    Args:
        roadmap: The roadmap.
        file: Its file; the name the roadmap's source records when ``None``.

    Example:
        >>> from dod_model import examples
        >>> from dod_model.analysis import roadmap_columns
        >>> roadmap_columns(examples.load("tambov"))["roadmap_kind"]
        'target-model-roadmap'

    .. versionadded:: 0.3.0
    """
    name = os.fspath(file) if file is not None else (roadmap.source and roadmap.source.name)
    period = roadmap.period
    return {
        "file": name or None,
        "region": roadmap.region,
        "municipality": roadmap.municipality,
        "roadmap_title": roadmap.title,
        "roadmap_kind": roadmap.kind.value if roadmap.kind else None,
        "period_start": period.start if period else None,
        "period_end": period.end if period else None,
    }


def _same_length(instance: Collection, attribute: attrs.Attribute[tuple[Path, ...]],
                 files: tuple[Path, ...]) -> None:  # fmt: skip
    if len(files) != len(instance.roadmaps):
        msg = f"{len(files)} files for {len(instance.roadmaps)} roadmaps: one file each"
        raise ValueError(msg)


@attrs.frozen
class Collection(Reading):
    """Roadmaps read from many files, each with its file, and the files that were not read.

    Iterating gives the roadmaps in the order of their files; :meth:`items` gives each with
    its file. ``refused`` names every file not read, with the reason.

    Attributes:
        roadmaps: The roadmaps, in the order of their files.
        refused: The files not read, each with the reason.
        left_out: How many files of the folders the ``include`` patterns left out.
        files: The file of each roadmap, in the same order (as many as the roadmaps).

    .. versionadded:: 0.3.0
    """

    files: tuple[Path, ...] = attrs.field(default=(), validator=_same_length)

    @classmethod
    def of(cls, roadmaps: Iterable[Roadmap]) -> Collection:
        """A collection of roadmaps at hand, each named by the file its source records."""
        kept = tuple(roadmaps)
        names = [r.source.name if r.source and r.source.name else "" for r in kept]
        return cls(roadmaps=kept, files=tuple(Path(name) for name in names))

    def __iter__(self) -> Iterator[Roadmap]:
        return iter(self.roadmaps)

    def __len__(self) -> int:
        return len(self.roadmaps)

    def items(self) -> Iterator[tuple[Path, Roadmap]]:
        """Each roadmap with its file, in order."""
        return zip(self.files, self.roadmaps, strict=True)

    def columns(self) -> Iterator[dict[str, str | dt.date | None]]:
        """Each roadmap's :data:`ROADMAP_COLUMNS`, in order."""
        for file, roadmap in self.items():
            yield roadmap_columns(roadmap, file if str(file) not in ("", ".") else None)


def _expanded(sources: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
              ) -> tuple[list[Path], list[Refusal]]:  # fmt: skip
    """The files and folders ``sources`` names, each glob pattern expanded in sorted order."""
    items = [sources] if isinstance(sources, str | os.PathLike) else list(sources)
    paths: list[Path] = []
    unmatched: list[Refusal] = []
    for item in items:
        text = os.fspath(item)
        if not _GLOB & set(text) or os.path.lexists(text):
            paths.append(Path(text))
            continue
        found = sorted(glob.glob(text, recursive=True))
        if not found:
            shown = display_name(text)
            reason = f"{shown}: no file matches the pattern; check the folder and the pattern"
            unmatched.append(Refusal(Path(text), reason, skipped=True))
        paths += [Path(name) for name in found]
    return paths, unmatched


def read_collection(
    sources: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = None,
    progress: bool | None = None,
    include: Sequence[str] = (),
    region: str | None = None,
    format: str | None = None,
    plugins: Plugins | None = None,
) -> Collection:
    """Read a folder, a glob pattern or a list of files (any format) into a collection.

    Each file is read by its content, in parallel across the cores: in a pool of processes
    started with *spawn* (call it under ``if __name__ == "__main__":`` in a script), sent files
    in chunks, the roadmaps kept in the order of their files. A file that cannot be read is
    refused with the reason and never stops the others.

    Args:
        sources: A folder (each of its files), a file, a glob pattern (``"plans/**/*.docx"``),
            or a list of them.
        jobs: How many processes read: ``None`` as many as the cores (but no more than the
            files repay: one for each 16 files), ``1`` in this process.
        progress: A progress bar on standard error; ``None``: when it is a terminal.
        include: Shell patterns a folder's files must match (``"*.pdf"``).
        region: ISO 3166-2 code that wins over what each document names.
        format: The importer for every file; told by each file's content when ``None``.
        plugins: A plugin session of your own, which reads in this process (``jobs`` 1).

    Returns:
        The roadmaps with their files, and the files refused (a pattern that matches nothing
        among them).

    Raises:
        DocumentError: A folder cannot be listed, or ``region`` is no known code.
        ValueError: ``jobs`` is not a positive number, or above 1 with ``plugins`` given.

    Example:
        >>> from dod_model import examples
        >>> from dod_model.analysis import read_collection
        >>> folder = examples.path("samara-text").parent
        >>> seeds = read_collection(f"{folder}/*.txt", jobs=1)
        >>> len(seeds), seeds.ok
        (5, True)
        >>> [row["region"] for row in seeds.columns()]
        ['RU-AMU', 'RU-SAM', 'RU-SVE', 'RU-TAM', 'RU-ULY']

    .. versionadded:: 0.3.0
    """
    paths, unmatched = _expanded(sources)
    reading = read_all(paths, include=include, region=region, format=format, plugins=plugins,
                       jobs=jobs, progress=progress)  # fmt: skip
    return Collection(
        roadmaps=reading.roadmaps,
        refused=(*reading.refused, *unmatched),
        left_out=reading.left_out,
        files=reading.files,
    )
