"""What the user can get wrong on the command line: the error, and paths checked as parsed."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from dod_model.analysis import read_day

__all__ = ["STDIN", "UsageError", "day_argument", "output_argument", "path_argument"]

STDIN = "-"
"""The input that stands for standard input."""


class UsageError(Exception):
    """A problem the user can fix; printed without a traceback."""


def _check(text: str) -> str:
    if not text:
        msg = "an empty path; name a file"
        raise argparse.ArgumentTypeError(msg)
    if "\x00" in text:
        msg = f"{text!r}: not a usable path (it holds a NUL byte)"
        raise argparse.ArgumentTypeError(msg)
    return text


def path_argument(text: str) -> Path:
    """A path argument: not empty (``Path("")`` would be the current folder), no NUL byte."""
    return Path(_check(text))


def output_argument(text: str) -> str:
    """The ``-o`` argument, checked as :func:`path_argument`; kept as text for its final ``/``."""
    return _check(text)


def day_argument(text: str) -> dt.date:
    """A day as users write one, for ``--on``: «15.01.2020», «2020-01-15», «15 января 2020»."""
    day = read_day(text)
    if day is None:
        msg = f"not a date: {text!r} (write it as 15.01.2020, 2020-01-15 or 15 января 2020)"
        raise argparse.ArgumentTypeError(msg)
    return day
