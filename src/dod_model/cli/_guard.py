"""The one place where whatever a command raises becomes one line on standard error.

:func:`guarded` runs a command with standard output and error made fit for any text and any
state they are in (closed, a pipe whose reader went away, a full disk, an encoding without
Cyrillic), and turns every exception into one line and an exit status:

- :class:`~dod_model.DodModelError`, :class:`UsageError`: their message, status 2;
- :class:`OSError`: the file and the reason, or that standard output cannot be written; 2;
- a reader that went away (``| head``): nothing more is written, status 2;
- :class:`KeyboardInterrupt`: «interrupted», status 130;
- anything else is a bug: one line saying so and how to see the traceback
  (``DOD_MODEL_DEBUG=1`` lets it through), status 2.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

from dod_model._base import display_name
from dod_model._errors import DodModelError
from dod_model.cli._usage import UsageError

__all__ = ["DEBUG", "PROGRAM", "bug", "debugging", "guarded", "one_line", "say"]

PROGRAM = "dod-model"
DEBUG = "DOD_MODEL_DEBUG"
"""The environment variable that lets an unexpected exception through, with its traceback."""

_LONGEST = 4000
"""The most characters one message line keeps (the rest is cut with «…»)."""
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_TOLERANT = frozenset({"backslashreplace", "replace", "namereplace", "xmlcharrefreplace"})


def one_line(message: str) -> str:
    """``message`` on one line: its lines joined by «; », control characters escaped, cut.

    A schema error lists its faults one a line; a file name may hold a newline or an escape
    sequence. Neither may break the one line a failure is.
    """
    lines = [line.strip() for line in message[: 2 * _LONGEST].splitlines()]
    text = "; ".join(line for line in lines if line).replace(":;", ":")
    text = _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
    return text if len(text) <= _LONGEST else text[: _LONGEST - 1] + "…"


def say(message: str, *, program: str = PROGRAM) -> None:
    """Write ``dod-model: message`` as one line on standard error, whatever state it is in."""
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(f"{program}: {one_line(message)}\n")
        stream.flush()
    except (OSError, ValueError):  # closed, full, or a pipe no one reads: nothing can be said
        _to_devnull(stream)


def _to_devnull(stream: Any) -> None:
    """Point the descriptor under ``stream`` at the null device, so a later flush succeeds.

    What the Python documentation advises on a broken pipe: the interpreter flushes standard
    output and error as it exits, and a failure then would print a warning and exit with 120.
    """
    try:
        descriptor = stream.fileno()
    except (OSError, ValueError, AttributeError):
        return
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, descriptor)
    finally:
        os.close(null)


class _Closed(io.TextIOBase):
    """Standard output when the process was started without one (``>&-``).

    Writing to it fails as writing to a closed descriptor would, so a command that prints says
    it cannot, and one that writes only files works.
    """

    @property
    def buffer(self) -> _Closed:  # to_stdout writes bytes here: the same failure
        return self

    def write(self, text: Any) -> int:
        raise OSError(errno.EBADF, "it is closed")

    def isatty(self) -> bool:
        return False


@contextlib.contextmanager
def _streams() -> Iterator[None]:
    r"""Standard output and error able to take any text, restored as they were after.

    A stream that is missing (the process started with it closed) is stood in for; a text
    stream whose encoding fails on what it cannot encode (Latin-1, ASCII under ``LANG=C``)
    writes such characters as ``\uXXXX`` escapes (``errors="backslashreplace"``) instead.
    """
    saved = sys.stdout, sys.stderr
    if sys.stdout is None:
        sys.stdout = _Closed()
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - closed below
    changed: list[tuple[io.TextIOWrapper, str]] = []
    for stream in (sys.stdout, sys.stderr):
        errors = getattr(stream, "errors", None)
        if isinstance(stream, io.TextIOWrapper) and errors not in _TOLERANT:
            with contextlib.suppress(OSError, ValueError):
                stream.reconfigure(errors="backslashreplace")
                changed.append((stream, errors or "strict"))
    try:
        yield
    finally:
        for stream, errors in changed:
            with contextlib.suppress(OSError, ValueError):
                stream.reconfigure(errors=errors)
        if sys.stderr is not saved[1] and saved[1] is None:
            sys.stderr.close()
        sys.stdout, sys.stderr = saved


def debugging() -> bool:
    """Whether ``DOD_MODEL_DEBUG`` asks for the traceback of a bug."""
    return os.environ.get(DEBUG, "") not in ("", "0")


def bug(exc: BaseException) -> str:
    """What is said of an exception no input should cause: a bug, and how to see its traceback."""
    return (
        f"a bug in dod_model: {type(exc).__name__}: {exc}; run again with {DEBUG}=1 for the "
        "traceback, and report it with the input"
    )


def _os_message(exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    if exc.filename is not None:
        return f"error: {display_name(os.fsdecode(exc.filename))}: {reason}"
    return f"error: cannot write the output to standard output ({reason})"


def _flush() -> None:
    if sys.stdout is not None:
        sys.stdout.flush()


def guarded(command: Callable[[], int]) -> int:
    """Run ``command`` and return its exit status; every failure is one line on stderr.

    Standard output is flushed before the status is returned, so that a full disk or a closed
    pipe is reported here rather than when the interpreter exits. ``SystemExit`` (how argparse
    ends ``--help``, ``--version`` and a usage error) goes on once the output is flushed.
    """
    with _streams():
        exiting: SystemExit | None = None
        try:
            try:
                status = command()
            except SystemExit as exc:  # argparse's: --help, --version, a usage error
                exiting, status = exc, 2
            _flush()
        except BrokenPipeError:  # the reader went away (`| head`): stop quietly
            _to_devnull(sys.stdout)
            return 2
        except KeyboardInterrupt:
            _quiet_flush()
            say("interrupted")
            return 130
        except (UsageError, DodModelError) as exc:
            _quiet_flush()
            say(f"error: {exc.args[0] if exc.args else exc}")
            return 2
        except OSError as exc:
            _to_devnull(sys.stdout) if exc.filename is None else _quiet_flush()
            say(_os_message(exc))
            return 2
        except Exception as exc:
            if debugging():
                raise
            _quiet_flush()
            say(f"error: {bug(exc)}")
            return 2
    if exiting is not None:
        raise exiting
    return status


def _quiet_flush() -> None:
    """Flush standard output before a message; if that fails, nothing more can reach it."""
    try:
        _flush()
    except (OSError, ValueError):
        _to_devnull(sys.stdout)
