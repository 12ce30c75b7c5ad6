"""Many documents: read in parallel, one export each, or one table of them all.

``dod-model read`` writes one export per document into a folder, refusals counted; over
several documents ``read --to csv -o ONE.csv``, ``status``, ``summary`` and ``validate`` with
``--to``/``-o`` write one table whose first columns say which roadmap each row is from
(:data:`dod_model.analysis.ROADMAP_COLUMNS`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import attrs

from dod_model._base import display_name
from dod_model._contracts import Exporter
from dod_model._errors import DocumentError, DodModelError
from dod_model._host import Plugins
from dod_model.analysis import ROADMAP_COLUMNS, roadmap_columns
from dod_model.cli._guard import bug, debugging, one_line
from dod_model.cli._inputs import STDIN_NAME, UsageError, is_stdin, naming, read_document
from dod_model.cli._output import to_stdout, write_output
from dod_model.exporters import table_workbook
from dod_model.importers import Refusal, read_many
from dod_model.model import Roadmap

__all__ = [
    "TABLE_WRITERS",
    "Batch",
    "Input",
    "Loaded",
    "csv_table",
    "load_many",
    "path_input",
    "roadmap_cells",
    "roadmap_of",
    "run_batch",
    "write_table",
]


@attrs.frozen
class Input:
    """One input of a batch: what to call it, the stem of its output, how to load it."""

    label: str
    stem: str
    load: Callable[[], object]


@attrs.frozen
class Batch:
    """What a batch did: the files written and the inputs refused with the reason."""

    written: tuple[Path, ...]
    refused: tuple[tuple[str, str], ...]


def roadmap_of(label: str, document: object) -> Roadmap:
    """``document`` if it is a roadmap.

    Raises:
        UsageError: It is a registry: only roadmaps are exported.
    """
    if not isinstance(document, Roadmap):
        msg = f"{display_name(label)}: holds a {type(document).__name__}, not a roadmap"
        raise UsageError(msg)
    return document


def path_input(path: Path, *, region: str | None, format: str | None) -> Input:
    """An input of a batch; ``-`` is standard input, written as ``stdin<suffix>``."""
    label, stem = (STDIN_NAME, "stdin") if is_stdin(path) else (str(path), path.stem)
    return Input(label, stem, lambda: read_document(path, region=region, format=format))


def _names(sources: Sequence[Input], suffix: str) -> list[str]:
    """Output file names, one per source and never two alike: ``<stem><suffix>``.

    Inputs sharing a stem keep their whole name («plan.txt.json»); inputs sharing that too
    are told apart by their folder («a-plan.txt.json»), and what still collides by a count.
    """
    stems = Counter(source.stem for source in sources)
    wanted = [source.stem if stems[source.stem] == 1 else Path(source.label).name
              for source in sources]  # fmt: skip
    repeated = Counter(wanted)
    names: list[str] = []
    taken: set[str] = set()
    for source, name in zip(sources, wanted, strict=True):
        folder = Path(source.label).parent.name
        base = f"{folder}-{name}" if repeated[name] > 1 and folder else name
        candidate, count = base, 1
        while f"{candidate}{suffix}".casefold() in taken:
            count += 1
            candidate = f"{base}-{count}"
        taken.add(f"{candidate}{suffix}".casefold())
        names.append(f"{candidate}{suffix}")
    return names


def run_batch(sources: Sequence[Input], exporter: Exporter, folder: Path,
              plugins: Plugins) -> Batch:  # fmt: skip
    """Read every source and write its export into ``folder``; a refusal never stops the rest.

    What no document should cause (a bug) refuses that document, saying so, unless
    ``DOD_MODEL_DEBUG`` asks for the traceback.

    A progress bar runs on standard error when it is a terminal.
    """
    from tqdm import tqdm  # noqa: PLC0415 - loaded when a batch runs, not for --help

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        msg = f"{display_name(folder)}: cannot make the output folder ({exc.strerror})"
        raise UsageError(msg) from None
    written: list[Path] = []
    refused: list[tuple[str, str]] = []
    names = _names(sources, exporter.suffixes[0] if exporter.suffixes else f".{exporter.name}")
    progress = tqdm(
        list(zip(sources, names, strict=True)),
        desc="reading",
        unit="file",
        file=sys.stderr,
        disable=not sys.stderr.isatty(),
        leave=False,
    )
    for source, name in progress:
        try:
            roadmap = roadmap_of(source.label, source.load())
            write_output(roadmap, str(folder / name), exporter, plugins=plugins)
        except (DodModelError, UsageError) as exc:
            refused.append((source.label, one_line(naming(Path(source.label), str(exc)))))
            continue
        except Exception as exc:  # a bug: the other documents are read all the same
            if debugging():
                raise
            refused.append((source.label, one_line(naming(Path(source.label), bug(exc)))))
            continue
        written.append(folder / name)
    return Batch(written=tuple(written), refused=tuple(refused))


@attrs.frozen
class Loaded:
    """One input of many, read: its document, or the reason it was not (one line)."""

    label: str
    document: object | None
    reason: str | None = None


def _by_importers(path: Path, format: str | None) -> bool:
    """Whether ``path`` is read by the importers (in the pool), not as JSON or standard input."""
    return not is_stdin(path) and (format is not None or path.suffix.casefold() != ".json")


def load_many(paths: Sequence[Path], *, jobs: int | None, region: str | None = None,
              format: str | None = None) -> list[Loaded]:  # fmt: skip
    """Each of ``paths`` read, in order: documents in ``jobs`` processes, JSON here.

    A progress bar runs on standard error when it is a terminal.
    """
    documents = [path for path in paths if _by_importers(path, format)]
    found = iter(read_many(documents, region=region, format=format, jobs=jobs))
    loaded: list[Loaded] = []
    for path in paths:
        label = STDIN_NAME if is_stdin(path) else str(path)
        try:
            item = (
                next(found)
                if _by_importers(path, format)
                else read_document(path, region=region, format=format)
            )
        except DodModelError as exc:
            item = Refusal(path, str(exc))
        if isinstance(item, Refusal):
            loaded.append(Loaded(label, None, one_line(naming(path, item.reason))))
        else:
            loaded.append(Loaded(label, item))
    return loaded


def roadmap_cells(label: str, document: object) -> list[object]:
    """The cells of :data:`~dod_model.analysis.ROADMAP_COLUMNS` for a document read."""
    if isinstance(document, Roadmap):
        return list(roadmap_columns(document, label).values())
    return [label, *([None] * (len(ROADMAP_COLUMNS) - 1))]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "; ".join(_cell(item) for item in value)
    return str(value)


def csv_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A table as CSV as the CSV exporter writes it: UTF-8 with a BOM for Excel, RFC 4180."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_cell(value) for value in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


TABLE_WRITERS: dict[str, Callable[[Sequence[str], Iterable[Sequence[object]]], bytes]] = {
    "csv": csv_table,
    "xlsx": table_workbook,
}
"""The writers of one table of many documents, by format name and suffix (``.csv``).

A writer takes the header and the rows (cells as Python values: text, dates, lists, ``None``)
and returns the file's bytes.
"""


def _table_format(to: str | None, output: str | None) -> str:
    if to is not None:
        name = to.casefold().lstrip(".")
    elif output not in (None, "-"):
        name = Path(str(output)).suffix.casefold().lstrip(".") or "csv"
    else:
        name = "csv"
    if name not in TABLE_WRITERS:
        known = ", ".join(sorted(TABLE_WRITERS))
        msg = f"--to {name}: one table of several documents is written as {known}"
        raise UsageError(msg)
    return name


def write_table(header: Sequence[str], rows: Iterable[Sequence[object]], *, to: str | None,
                output: str | None) -> None:  # fmt: skip
    """Write one table to ``output`` (standard output when ``None`` or ``-``).

    The format is ``to``, else the suffix of ``output``, else CSV (see :data:`TABLE_WRITERS`).

    Raises:
        UsageError: No writer for that format.
        DocumentError: The file cannot be written; the message names it.
    """
    data = TABLE_WRITERS[_table_format(to, output)](header, rows)
    if output in (None, "-"):
        to_stdout(data)
        return
    path = Path(str(output))
    try:
        with open(os.fspath(path), "wb") as stream:
            stream.write(data)
    except OSError as exc:
        msg = f"{display_name(path)}: cannot write the file ({exc.strerror or exc})"
        raise DocumentError(msg) from None
