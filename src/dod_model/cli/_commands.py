"""What each ``dod-model`` command does, once its arguments are parsed.

Loaded by :func:`dod_model.cli.main` after the arguments are read, so that ``dod-model --help``
and a usage error load only the parser.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import os
import sys
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path

from dod_model import examples
from dod_model._base import budgets, display_name
from dod_model._contracts import Exporter
from dod_model._errors import DocumentError, DodModelError
from dod_model._host import default_plugins
from dod_model.analysis import diff, read_progress, status
from dod_model.cli._analysis import diff_data, render_diff, render_status, status_data
from dod_model.cli._batch import (
    TABLE_WRITERS,
    Input,
    Loaded,
    load_many,
    path_input,
    roadmap_of,
    run_batch,
    write_table,
)
from dod_model.cli._coverage import run_coverage
from dod_model.cli._guard import one_line, say
from dod_model.cli._inputs import (
    STDIN_NAME,
    UsageError,
    expand,
    is_folder,
    is_stdin,
    known_region,
    naming,
    read_document,
)
from dod_model.cli._new_plugin import run_new_plugin
from dod_model.cli._output import print_json, to_stdout, write_output
from dod_model.cli._registry import run_registry
from dod_model.cli._reports import render_plugins, render_report, to_json_ready
from dod_model.cli._summary import render_summary, summary_data
from dod_model.cli._tables import (
    READ_HEADER,
    STATUS_HEADER,
    SUMMARY_HEADER,
    VALIDATE_HEADER,
    read_rows,
    status_rows,
    summary_rows,
    validate_rows,
)
from dod_model.cli._timeline import run_timeline
from dod_model.codec import json_schema, schema_names, to_data
from dod_model.exporters import IcsExporter
from dod_model.importers import Refusal
from dod_model.model import Roadmap
from dod_model.validation import Report, validate

__all__ = ["COMMANDS"]


def _load(args: argparse.Namespace) -> Roadmap:
    """The roadmap of a command that takes one: ``FILE`` or ``--example NAME``."""
    if args.example is not None:
        return _example(args.example)
    return roadmap_of(_label(args.file[0]), read_document(args.file[0]))


def _many(args: argparse.Namespace) -> bool:
    """Whether ``summary`` or ``status`` runs over a collection.

    So it does over several files, a folder, or when one table is asked for (``--to``, ``-o``).
    """
    files: list[Path] = args.file
    return len(files) > 1 or any(map(is_folder, files)) or bool(args.to or args.output)


def _collection(args: argparse.Namespace) -> tuple[list[Loaded], int]:
    """The documents of ``FILE…`` (and ``--example``) read, and how many were not.

    Each file not read, and each entry of a folder skipped, is said on standard error.
    """
    loaded: list[Loaded] = []
    if getattr(args, "example", None) is not None:
        loaded.append(Loaded(f"example {args.example}", _example(args.example)))
    listing = expand(args.file, getattr(args, "include", ()))
    loaded += load_many(listing.files, jobs=args.jobs)
    for skip in listing.skipped:
        say(f"skipped: {one_line(skip.reason)}")
    refused = [item for item in loaded if item.document is None]
    for item in refused:
        say(f"error: {item.reason}")
    return [item for item in loaded if item.document is not None], len(refused) + len(
        listing.skipped
    )


def _roadmaps(loaded: list[Loaded]) -> list[tuple[str, Roadmap]]:
    return [(item.label, roadmap_of(item.label, item.document)) for item in loaded]


def _many_summary(args: argparse.Namespace) -> int:
    loaded, refused = _collection(args)
    roadmaps = _roadmaps(loaded)
    if args.to or args.output:
        rows = (row for label, roadmap in roadmaps for row in summary_rows(label, roadmap))
        write_table(SUMMARY_HEADER, rows, to=args.to, output=args.output)
    elif args.json:
        print_json([{"file": label, **summary_data(roadmap)} for label, roadmap in roadmaps])
    else:
        sys.stdout.write("\n".join(f"== {display_name(label)}\n{render_summary(roadmap)}"
                                    for label, roadmap in roadmaps))  # fmt: skip
    return 2 if refused else 0


def _many_status(args: argparse.Namespace) -> int:
    if args.done is not None:  # its numbers are one roadmap's
        msg = "--done holds the progress of one roadmap: give one FILE with it"
        raise UsageError(msg)
    loaded, refused = _collection(args)
    on = args.on or dt.date.today()
    results = [(label, roadmap, status(roadmap, on, horizon=args.horizon))
               for label, roadmap in _roadmaps(loaded)]  # fmt: skip
    if args.to or args.output:
        rows = (row for label, roadmap, result in results
                for row in status_rows(label, roadmap, result))  # fmt: skip
        write_table(STATUS_HEADER, rows, to=args.to, output=args.output)
    elif args.json:
        print_json([{"file": label, **status_data(roadmap, result)}
                    for label, roadmap, result in results])  # fmt: skip
    else:
        sys.stdout.write("\n".join(f"== {display_name(label)}\n{render_status(roadmap, result)}"
                                    for label, roadmap, result in results))  # fmt: skip
    return 2 if refused else 0


def _label(path: Path) -> str:
    """How a command names an input it read: its path, printable; ``<stdin>`` for ``-``."""
    return STDIN_NAME if is_stdin(path) else display_name(path)


def _summary(args: argparse.Namespace) -> int:
    if _many(args):
        return _many_summary(args)
    roadmap = _load(args)
    if args.json:
        print_json(summary_data(roadmap))
    else:
        sys.stdout.write(render_summary(roadmap))
    return 0


def _folder(output: str | None) -> bool:
    """Whether ``-o`` names a folder: an existing one, or a path ending with a separator."""
    return output is not None and (output.endswith(("/", os.sep)) or is_folder(Path(output)))


def _example(name: str, region: str | None = None) -> Roadmap:
    """A bundled example by name, read as of ``region`` when given.

    Raises:
        UsageError: No example has that name; the message names those there are.
    """
    try:
        if region is None:
            return examples.load(name)
        with resources.as_file(examples.path(name)) as real:
            return roadmap_of(f"example {name}", read_document(real, region=region))
    except KeyError as exc:
        raise UsageError(exc.args[0]) from None


def _suffixes() -> set[str]:
    """The suffixes the exporters write: ``-o`` with one names a file, not a folder."""
    return {suffix for e in default_plugins().exporters().values() for suffix in e.suffixes}


def _exporter(args: argparse.Namespace, to_file: bool) -> Exporter:
    """The exporter ``--to`` names; else the one for the suffix of ``-o FILE``; else JSON."""
    if args.to is None and to_file:
        return default_plugins().choose_exporter(str(args.output), None)
    target = display_name(args.output) if args.output else "standard output"
    return default_plugins().choose_exporter(target, args.to or "json")


def _read(args: argparse.Namespace) -> int:
    if args.output == "-":
        args.output = None  # `-o -`: standard output, as without -o
    region = known_region(args.region)
    listing = expand(args.files, args.include)
    sources = [path_input(p, region=region, format=args.format) for p in listing.files]
    if args.example is not None:
        name = args.example
        roadmap = _example(name, region)  # an unknown name is a usage error, before any work
        sources.insert(0, Input(f"example {name}", name, lambda: roadmap))
    if not sources:
        msg = "name a FILE to read, or --example NAME"
        raise UsageError(msg)
    # One document, not from a folder; the skipped are reported as a batch reports them.
    single = len(sources) == 1 and not any(map(is_folder, args.files)) and not listing.skipped
    to_folder = _folder(args.output)
    exporter = _exporter(args, to_file=single and args.output is not None and not to_folder)
    if single and not to_folder:
        return _read_one(args, sources[0], exporter)
    if _one_table(args, to_folder):
        return _read_to_one_table(args, sources, listing.skipped, exporter)
    if args.output is None:
        msg = "several documents (or a folder) need -o DIR, the folder to write them to"
        raise UsageError(msg)
    output = Path(args.output)
    if (not is_folder(output) and _exists(output)) or (
        not _folder(args.output) and output.suffix.casefold() in _suffixes()
    ):
        msg = (
            f"{display_name(output)}: not a folder; several documents need -o DIR "
            "(or --to csv -o FILE for one table of them all)"
        )
        raise UsageError(msg)
    batch = run_batch(_preloaded(sources, args), exporter, output, default_plugins())
    counts = f"read {len(batch.written)}, refused {len(batch.refused)}"
    if listing.skipped:
        counts += f", skipped {len(listing.skipped)}"
    if listing.left_out:
        counts += f" ({listing.left_out} left out by --include)"
    lines = [f"{counts}; {exporter.name} files in {display_name(output)}"]
    lines += [f"  refused {reason}" for _, reason in batch.refused]
    lines += [f"  skipped {one_line(skip.reason)}" for skip in listing.skipped]
    sys.stderr.write("\n".join(lines) + "\n")
    return 2 if batch.refused or listing.skipped else 0


def _read_one(args: argparse.Namespace, source: Input, exporter: Exporter) -> int:
    """One document to standard output or the file ``-o`` names."""
    roadmap = roadmap_of(source.label, source.load())
    calendar = exporter if isinstance(exporter, IcsExporter) else None
    if calendar is not None and not _calendar_note(source.label, roadmap, calendar):
        return 1  # nothing to write: not an empty calendar that looks like success
    if args.output is None:
        if exporter.name in _BINARY and sys.stdout.isatty():
            msg = f"{_BINARY[exporter.name]} is not for a terminal; name a file with -o"
            raise UsageError(msg)
        to_stdout(exporter.export(roadmap))
    else:
        write_output(roadmap, args.output, exporter)
    return 0


def _calendar_note(label: str, roadmap: Roadmap, exporter: IcsExporter) -> bool:
    """Say on standard error which activities get no event; ``False`` when none gets one."""
    plan = exporter.plan(roadmap)
    total = len(roadmap.activities)
    if not plan.events:
        say(f"{label}: none of its {total} activities has a date for a calendar; nothing written")
        return False
    if plan.skipped:
        numbers = [a.number or "(unnumbered)" for a in plan.skipped]
        shown = ", ".join(numbers[: budgets.FINDING_ITEMS])
        more = len(numbers) - budgets.FINDING_ITEMS
        shown += f" and {more} more" if more > 0 else ""
        say(f"{label}: {len(plan.skipped)} of {total} activities have no date: {shown}")
    return True


def _one_table(args: argparse.Namespace, to_folder: bool) -> bool:
    """Whether several documents go in one table: ``--to`` given, ``-o`` a file of its kind."""
    if args.to is None or to_folder:
        return False
    return args.output is None or Path(args.output).suffix.casefold() in _suffixes()


def _preloaded(sources: list[Input], args: argparse.Namespace) -> list[Input]:
    """``sources`` with their documents read at once, in ``-j`` processes."""
    files = [Path("-" if source.label == STDIN_NAME else source.label)
             for source in sources if not source.label.startswith("example ")]  # fmt: skip
    found = iter(load_many(files, jobs=args.jobs, region=args.region, format=args.format))
    out: list[Input] = []
    for source in sources:
        if source.label.startswith("example "):
            out.append(source)
            continue
        item = next(found)
        out.append(Input(source.label, source.stem, functools.partial(_loaded, item)))
    return out


def _loaded(item: Loaded) -> object:
    if item.document is None:
        raise DocumentError(item.reason or f"{item.label}: not read")
    return item.document


def _read_to_one_table(args: argparse.Namespace, sources: list[Input],
                       skipped: tuple[Refusal, ...], exporter: Exporter) -> int:  # fmt: skip
    """Several documents as one table (``--to csv -o FILE``): the roadmap's columns first."""
    if exporter.name not in TABLE_WRITERS:
        msg = (
            f"--to {exporter.name}: several documents go in one table as "
            f"{', '.join(sorted(TABLE_WRITERS))}; or name a folder, -o DIR, for a file each"
        )
        raise UsageError(msg)
    rows: list[Sequence[object]] = []
    refused: list[str] = []
    for source in _preloaded(sources, args):
        try:
            roadmap = roadmap_of(source.label, source.load())
        except (DodModelError, UsageError) as exc:
            refused.append(one_line(naming(Path(source.label), str(exc))))
            continue
        rows += read_rows(source.label, roadmap)
    write_table(READ_HEADER, rows, to=exporter.name, output=args.output)
    counts = f"read {len(sources) - len(refused)}, refused {len(refused)}"
    if skipped:
        counts += f", skipped {len(skipped)}"
    where = display_name(args.output) if args.output else "standard output"
    lines = [f"{counts}; one {exporter.name} table, {len(rows)} rows, to {where}"]
    lines += [f"  refused {reason}" for reason in refused]
    lines += [f"  skipped {one_line(skip.reason)}" for skip in skipped]
    sys.stderr.write("\n".join(lines) + "\n")
    return 2 if refused or skipped else 0


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except (OSError, ValueError):
        return False


def _status(args: argparse.Namespace) -> int:
    if _many(args):
        return _many_status(args)
    roadmap = _load(args)
    on = args.on or dt.date.today()
    done = read_progress(args.done) if args.done is not None else None
    result = status(roadmap, on, horizon=args.horizon, done=done)
    if result.unmatched:
        numbers = ", ".join(result.unmatched)
        say(f"{_label(args.done)}: no activity of the roadmap is numbered {numbers}")
    if args.json:
        print_json(status_data(roadmap, result))
    else:
        sys.stdout.write(render_status(roadmap, result))
    return 0


def _diff(args: argparse.Namespace) -> int:
    if is_stdin(args.old) and is_stdin(args.new):
        msg = "standard input (-) is given twice; it can be read once"
        raise UsageError(msg)
    names = _label(args.old), _label(args.new)
    old = roadmap_of(names[0], read_document(args.old))
    new = roadmap_of(names[1], read_document(args.new))
    result = diff(old, new, threshold=args.threshold)
    if args.json:
        print_json(diff_data(*names, result))
    else:
        sys.stdout.write(render_diff(*names, result))
    return 0 if result.empty else 1


# Exporters whose output is no text, by what it is.
_BINARY = {"docx": "a Word document", "xlsx": "an Excel workbook"}


def _validated(document: object, args: argparse.Namespace, region: str | None = None) -> Report:
    try:
        return validate(document, region=region, exclude=args.exclude)
    except ValueError as exc:  # a code in --exclude no rule emits
        raise UsageError(f"--exclude: {exc}") from None


def _validate(args: argparse.Namespace) -> int:
    reports: list[tuple[str, Report, object]] = []
    region = known_region(args.region)
    if args.example is not None:
        example = _example(args.example, region)
        reports.append((f"example {args.example}", _validated(example, args, region), example))
    listing = expand(args.files, args.include)
    if not reports and not listing.files:
        msg = "name a FILE to validate, or --example NAME"
        raise UsageError(msg)
    refused = len(listing.skipped)
    for skip in listing.skipped:
        say(f"skipped: {one_line(skip.reason)}")
    for item in load_many(listing.files, jobs=args.jobs, region=region):
        if item.document is None:
            say(f"error: {item.reason}")
            refused += 1
            continue
        label = STDIN_NAME if item.label == STDIN_NAME else display_name(item.label)
        reports.append((label, _validated(item.document, args, region), item.document))
    if args.to or args.output:
        rows = (row for name, report, document in reports
                for row in validate_rows(name, document, report))  # fmt: skip
        write_table(VALIDATE_HEADER, rows, to=args.to, output=args.output)
    elif args.json:
        print_json([{"file": name, "report": to_data(report)} for name, report, _ in reports])
    else:
        for name, report, document in reports:
            sys.stdout.write(render_report(name, report, document))
    if refused:
        return 2
    return 0 if all(report.ok for _, report, _ in reports) else 1


def _plugins(args: argparse.Namespace) -> int:
    plugins = default_plugins()
    info = plugins.info()
    if args.json:
        print_json([to_json_ready(item) for item in info])
    else:
        sys.stdout.write(render_plugins(info))
        others = len(plugins.regions().keys() - plugins.registered_regions().keys())
        sys.stdout.write(
            f"\n{others} other subjects of the Federation are known from the library's data\n"
            "(names in every case, cities): their documents get their region without a plugin.\n"
        )
    return 0


def _examples(args: argparse.Namespace) -> int:
    for name in examples.names():
        sys.stdout.write(f"{name}\t{examples.load(name).title}\n")
    return 0


def _schema(args: argparse.Namespace) -> int:
    if args.name not in schema_names():
        msg = f"no schema {args.name!r}; the documents are {', '.join(schema_names())}"
        raise UsageError(msg)
    print_json(json_schema(args.name))
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "summary": _summary,
    "read": _read,
    "status": _status,
    "diff": _diff,
    "examples": _examples,
    "validate": _validate,
    "plugins": _plugins,
    "schema": _schema,
    "registry": run_registry,
    "new-plugin": run_new_plugin,
    "coverage": run_coverage,
    "timeline": run_timeline,
}
