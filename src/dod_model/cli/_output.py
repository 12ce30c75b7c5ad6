"""Where the commands' output goes: standard output (text, JSON, bytes) or the file ``-o`` names."""

from __future__ import annotations

import codecs
import json
import os
import stat
import sys
from pathlib import Path

from dod_model._base import display_name
from dod_model._contracts import Exporter
from dod_model._errors import DocumentError
from dod_model._host import Plugins
from dod_model.cli._inputs import naming
from dod_model.cli._usage import UsageError
from dod_model.exporters import write
from dod_model.model import Roadmap

__all__ = ["print_json", "to_stdout", "unicode_out", "write_output"]

_PROBE = "\u043f\u00e9\u2116\U0001f4c5"  # Cyrillic, Latin-1, «№», beyond the BMP


def unicode_out() -> bool:
    """Whether standard output's encoding can write every character (UTF-8, UTF-16, GB 18030)."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        codecs.encode(_PROBE, encoding)
    except (LookupError, UnicodeError):
        return False
    return True


def print_json(data: object) -> None:
    r"""``data`` as indented JSON on standard output.

    Characters the output's encoding cannot write are written as JSON escapes (``\u043f``), so
    the JSON stays whole and means the same whatever ``PYTHONIOENCODING`` or the locale says.
    """
    sys.stdout.write(json.dumps(data, ensure_ascii=not unicode_out(), indent=2) + "\n")


def to_stdout(data: bytes) -> None:
    """Write an export's bytes to standard output as they are."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (some embedding hosts): text exports only
        try:
            sys.stdout.write(data.decode("utf-8"))
        except UnicodeDecodeError:
            msg = "this export is binary and standard output takes text; name a file with -o"
            raise UsageError(msg) from None
        return
    buffer.write(data)
    buffer.flush()


def _special(path: Path) -> bool:
    """Whether ``path`` is there and neither a regular file nor a folder (a pipe, a device)."""
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):
        return False  # not there (or not reachable): write() makes it, or says why it cannot
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def write_output(
    roadmap: Roadmap, output: str, exporter: Exporter, *, plugins: Plugins | None = None
) -> None:
    """Write ``roadmap`` to the file ``-o`` names, through ``exporter``.

    A regular file is replaced atomically by :func:`dod_model.write`. A pipe (FIFO) or a device
    (``/dev/null``, ``/dev/stdout``) is written to as it is; a pipe no program reads is refused
    at once rather than waited on.

    Raises:
        DocumentError: The file cannot be written; the message names it.
    """
    path = Path(output)
    try:
        if not _special(path):
            write(roadmap, path, format=exporter.name, plugins=plugins)
            return
        data = exporter.export(roadmap)
        try:
            descriptor = os.open(path, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            if stat.S_ISFIFO(path.stat().st_mode):
                msg = f"{path}: a pipe (FIFO) that no program reads; start its reader first"
                raise DocumentError(msg) from None
            raise
        os.set_blocking(descriptor, True)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
    except DocumentError as exc:
        raise DocumentError(naming(path, str(exc))) from None
    except OSError as exc:
        msg = f"{display_name(path)}: cannot write the file ({exc.strerror or exc})"
        raise DocumentError(msg) from None
