"""The options of commands that take many documents: ``-j``, and one table as the output.

Kept apart from what the commands do, so that the parser loads nothing but argparse.
"""

from __future__ import annotations

import argparse

from dod_model.cli._usage import output_argument

__all__ = ["add_jobs", "add_table_output"]


def _jobs(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        msg = f"not a number of processes (1 or more): {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return int(text)


def add_jobs(parser: argparse.ArgumentParser) -> None:
    """``-j N``: how many processes read the documents (default: every core)."""
    parser.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        metavar="N",
        help="read the documents in N processes (default: as many as the cores, for as many "
        "documents as repay them; 1 reads in this process)",
    )


def add_table_output(parser: argparse.ArgumentParser) -> None:
    """``--to FORMAT`` and ``-o FILE``: over several documents, one table to a file."""
    parser.add_argument(
        "--to",
        metavar="FORMAT",
        help="over several documents, write one table in this format (csv): a row per item, "
        "first the columns that say which roadmap it is from (file, region, municipality, "
        "roadmap_title, roadmap_kind, period_start, period_end); taken from the suffix of -o",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=output_argument,
        metavar="FILE",
        help="write the table of several documents to FILE (standard output by default)",
    )
