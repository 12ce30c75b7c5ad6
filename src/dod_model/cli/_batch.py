"""``dod-model read``: documents in, one export per document out, refusals counted."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs

from dod_model._base import display_name
from dod_model._contracts import Exporter
from dod_model._errors import DodModelError
from dod_model._host import Plugins
from dod_model.cli._guard import bug, debugging, one_line
from dod_model.cli._inputs import STDIN_NAME, UsageError, is_stdin, naming, read_document
from dod_model.cli._output import write_output
from dod_model.model import Roadmap

__all__ = ["Batch", "Input", "path_input", "roadmap_of", "run_batch"]


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
