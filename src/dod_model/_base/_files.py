"""Files opened for reading: regular files only, and never read past a bound.

``stat()`` is not trusted for the size: ``/dev/zero`` and a FIFO report 0 bytes and never end, and
a file may grow while it is read. A file is opened without blocking (a FIFO would wait for a
writer), checked to be a regular file through the open descriptor (so nothing is swapped in
between), and read up to one byte past the bound.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from dod_model._errors import DocumentError

__all__ = ["display_name", "open_regular", "read_bounded"]

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def display_name(path: str | os.PathLike[str]) -> str:
    """The path as text that can always be printed and encoded.

    A name that is not valid in the file system's encoding (a Windows-1251 name on a UTF-8
    system) comes from Python with lone surrogates in it; those bytes are read as Windows-1251
    when they make Cyrillic sense, and as U+FFFD otherwise.
    """
    text = os.fspath(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raw = os.fsencode(text)
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
        try:
            decoded = raw.decode("cp1251")
        except UnicodeDecodeError:
            return raw.decode("utf-8", errors="replace")
        return decoded
    return text


def _kind(mode: int) -> str:
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return "not a regular file"


def open_regular(
    path: str | os.PathLike[str], *, what: str = "file", name: str | None = None
) -> BinaryIO:
    """A regular file opened for binary reading.

    Args:
        path: The file.
        what: What the file should be, for messages («file», «registry»).
        name: How messages name the file; the path when ``None``.

    Raises:
        DocumentError: The path cannot be opened, or is a folder, a pipe, a device or a socket;
            the message names the path and says what to do.
    """
    shown = display_name(path if name is None else name)
    try:
        descriptor = os.open(path, _FLAGS)
    except IsADirectoryError:
        msg = f"{shown}: a folder, not a {what}; give the path of a {what}"
        raise DocumentError(msg) from None
    except OSError as exc:
        msg = f"{shown}: cannot read the {what} ({exc.strerror}); check the path"
        raise DocumentError(msg) from None
    except ValueError as exc:  # a NUL byte in the path, say
        msg = f"{shown!r}: not a usable path ({exc})"
        raise DocumentError(msg) from None
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            msg = f"{shown}: {_kind(mode)}, not a {what}; give the path of a {what}"
            raise DocumentError(msg)
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def read_bounded(
    path: str | os.PathLike[str], limit: int, *, what: str = "file", name: str | None = None
) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (``what``, ``name``: as above).

    Raises:
        DocumentError: The file cannot be read, is no regular file, or holds more than
            ``limit`` bytes (whatever its size says).
    """
    shown = display_name(path if name is None else name)
    with open_regular(path, what=what, name=name) as file:
        try:
            data = file.read(limit + 1)
        except OSError as exc:
            msg = f"{shown}: cannot read the {what} ({exc.strerror}); check the path"
            raise DocumentError(msg) from None
    if len(data) > limit:
        label = display_name(Path(path).name) if name is None else shown
        msg = f"{label}: over the {limit:,} bytes a {what} may have; refused unread to the end"
        raise DocumentError(msg)
    return data
