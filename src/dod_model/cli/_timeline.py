"""``dod-model timeline``: a Gantt chart of one roadmap or many, as SVG, PNG or PDF."""

from __future__ import annotations

import argparse
from pathlib import Path, PurePath
from typing import Any

from dod_model._base import display_name
from dod_model._errors import DocumentError
from dod_model.analysis import render_timeline
from dod_model.cli._guard import say
from dod_model.cli._inputs import read_roadmaps
from dod_model.cli._usage import UsageError, day_argument, output_argument, path_argument

__all__ = ["add_timeline_parser", "run_timeline"]

_FORMATS = ("svg", "png", "pdf")


def add_timeline_parser(commands: Any) -> None:
    """Add ``timeline FILE... -o PICTURE [--on DATE] [--to svg|png|pdf]`` to ``dod-model``.

    .. versionadded:: 0.3.0
    """
    command = commands.add_parser(
        "timeline",
        help="a Gantt chart of roadmaps (SVG, PNG or PDF)",
        description="One row per activity, grouped by section (and by roadmap, for many): bars "
        "over periods, diamonds at due dates, coloured by where each stands on the day. Needs "
        "matplotlib: pip install 'dod-model[timeline]'.",
    )
    command.add_argument(
        "files", nargs="+", type=path_argument, metavar="FILE", help="roadmaps, any format read"
    )
    command.add_argument(
        "-o", "--output", type=output_argument, metavar="PICTURE", required=True,
        help="the picture: .svg, .png or .pdf",
    )  # fmt: skip
    command.add_argument("--to", choices=_FORMATS, help="the format, when not the suffix's")
    command.add_argument(
        "--on", type=day_argument, metavar="DATE", help="judge on this day (today)"
    )


def run_timeline(args: argparse.Namespace) -> int:
    """Run ``dod-model timeline``: 0 when every file was drawn, 2 when one was refused."""
    suffix = PurePath(args.output).suffix.casefold().lstrip(".")
    format = args.to or suffix
    if format not in _FORMATS:
        raise UsageError(f"{args.output}: name a picture .svg, .png or .pdf, or give --to")
    found, refused = read_roadmaps(args.files)
    for reason in refused:
        say(reason)
    status = 2 if refused else 0
    roadmaps = [roadmap for _, roadmap in found]
    if not roadmaps:
        return 2
    data = render_timeline(roadmaps, format, today=args.on)
    try:
        Path(args.output).write_bytes(data)
    except OSError as exc:
        msg = f"{display_name(Path(args.output))}: cannot write the file ({exc.strerror or exc})"
        raise DocumentError(msg) from None
    return status
