"""LibreOffice as a converter: a Word 97 or RTF document's bytes → the bytes of a ``.docx``.

Each conversion is a run of its own: the document is written to a private temporary folder,
converted there by ``soffice --headless --convert-to docx`` with a user profile of its own in
that folder (LibreOffice lets only one process use a profile: conversions sharing one would
hand their work to each other, or wait), within a timeout, and the folder is removed however
the run ends. A run that outlives its timeout is killed with the processes it started.

LibreOffice is found through ``DOD_MODEL_SOFFICE`` (a path to the program, or its name on
``PATH``), else as ``soffice`` or ``libreoffice`` on ``PATH``, else where its installers put it
on Windows and macOS. ``DOD_MODEL_SOFFICE_TIMEOUT`` sets the timeout in seconds.
"""

from __future__ import annotations

import contextlib
import math
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from dod_model._base import budgets
from dod_model._errors import DocumentError

__all__ = ["SOFFICE_VARIABLE", "TIMEOUT", "TIMEOUT_VARIABLE", "convert_to_docx", "find_soffice"]

SOFFICE_VARIABLE = "DOD_MODEL_SOFFICE"
"""The environment variable naming the LibreOffice program."""
TIMEOUT_VARIABLE = "DOD_MODEL_SOFFICE_TIMEOUT"
"""The environment variable setting how many seconds a conversion may take."""
TIMEOUT = 120.0
"""How many seconds a conversion may take by default (a roadmap converts in 1-3 s)."""

_NAMES = ("soffice", "libreoffice")
_WINDOWS = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)
_MACOS = ("/Applications/LibreOffice.app/Contents/MacOS/soffice",)
_FILTER = "docx:MS Word 2007 XML"
_STDERR_TAIL = 600  # characters of LibreOffice's messages quoted in an error


def _installed() -> tuple[str, ...]:
    if sys.platform == "win32":
        return _WINDOWS
    if sys.platform == "darwin":
        return _MACOS
    return ()


def find_soffice() -> str | None:
    """The LibreOffice program to run, or ``None`` when there is none.

    ``DOD_MODEL_SOFFICE`` wins when set (and gives ``None`` when it names no program: a
    setting that is wrong is not silently replaced by another LibreOffice).
    """
    chosen = os.environ.get(SOFFICE_VARIABLE, "").strip()
    if chosen:
        return shutil.which(chosen)
    for program in _NAMES:
        found = shutil.which(program)
        if found:
            return found
    return next((path for path in _installed() if os.path.isfile(path)), None)


def _missing(name: str, what: str) -> DocumentError:
    chosen = os.environ.get(SOFFICE_VARIABLE, "").strip()
    where = (
        f"{SOFFICE_VARIABLE}={chosen!r} names no program"
        if chosen
        else "LibreOffice is not installed (no soffice on PATH)"
    )
    return DocumentError(
        f"{name}: {what}, which is read through LibreOffice, and {where}. Either install "
        "LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui; Windows and "
        f"macOS: https://www.libreoffice.org/download/) or set {SOFFICE_VARIABLE} to its "
        "soffice program; or open the file in Word or LibreOffice, save it as .docx and read that"
    )


def _timeout() -> float:
    text = os.environ.get(TIMEOUT_VARIABLE, "").strip()
    if not text:
        return TIMEOUT
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not math.isfinite(seconds) or seconds <= 0:
        msg = f"{TIMEOUT_VARIABLE}={text!r}: give the seconds a conversion may take, e.g. 120"
        raise DocumentError(msg)
    return seconds


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """Kill the process and every process it started (LibreOffice starts ``soffice.bin``)."""
    if sys.platform == "win32":
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(process.pid)],
                       capture_output=True, check=False, stdin=subprocess.DEVNULL)  # fmt: skip
        process.kill()
    else:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.communicate(timeout=5)


def _tail(stderr: bytes) -> str:
    text = " ".join(stderr.decode("utf-8", errors="replace").split())
    if not text:
        return "LibreOffice said nothing"
    return text if len(text) <= _STDERR_TAIL else "…" + text[-_STDERR_TAIL:]


def _run(command: list[str], name: str, seconds: float) -> tuple[int, bytes]:
    """LibreOffice run to its end, or killed with its children at the timeout."""
    pipe, closed = subprocess.PIPE, subprocess.DEVNULL
    try:  # a program the user chose, no shell; in a process group of its own, to be killed
        if sys.platform == "win32":
            flags = subprocess.CREATE_NEW_PROCESS_GROUP
            process = subprocess.Popen(command, stdin=closed, stdout=pipe, stderr=pipe,
                                       creationflags=flags)  # fmt: skip
        else:
            process = subprocess.Popen(command, stdin=closed, stdout=pipe, stderr=pipe,
                                       start_new_session=True)  # fmt: skip
    except OSError as exc:
        msg = f"{name}: cannot start LibreOffice ({command[0]}): {exc.strerror or exc}"
        raise DocumentError(msg) from None
    try:
        _stdout, stderr = process.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        msg = (
            f"{name}: LibreOffice did not finish converting it and was killed after "
            f"{seconds:g} s; is the file damaged? ({TIMEOUT_VARIABLE} sets the time it may take)"
        )
        raise DocumentError(msg) from None
    except BaseException:  # KeyboardInterrupt: leave nothing running behind
        _kill_group(process)
        raise
    return process.returncode, stderr


def convert_to_docx(data: bytes, *, name: str, suffix: str, what: str) -> bytes:
    """``data`` converted by LibreOffice to the bytes of a Word ``.docx`` file.

    Args:
        data: The document's bytes.
        name: The document's name, for messages.
        suffix: The suffix LibreOffice is given the document under («.doc», «.rtf»).
        what: What the document is, for messages («a Word 97 document (.doc)»).

    Raises:
        DocumentError: LibreOffice is not installed, failed, made nothing, took longer than
            its timeout, or made a file over the size a document may have.
    """
    program = find_soffice()
    if program is None:
        raise _missing(name, what)
    seconds = _timeout()
    with tempfile.TemporaryDirectory(prefix="dod-model-soffice-") as work:
        folder = Path(work)
        source = folder / f"document{suffix}"
        source.write_bytes(data)
        out = folder / "out"
        out.mkdir()
        command = [
            program, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
            "--norestore", "--nologo", "--nodefault", "--nolockcheck", "--convert-to", _FILTER,
            "--outdir", str(out), str(source),
        ]  # fmt: skip
        code, stderr = _run(command, name, seconds)
        made = out / "document.docx"
        if code != 0 or not made.is_file():
            outcome = f"exited with code {code}" if code != 0 else "made no .docx"
            msg = (
                f"{name}: LibreOffice could not convert {what} to .docx: it {outcome} "
                f"({_tail(stderr)}); is the file damaged? Opening it in Word or LibreOffice and "
                "saving it as .docx may mend it"
            )
            raise DocumentError(msg)
        size = made.stat().st_size
        if size > budgets.DOCUMENT_BYTES:
            msg = (
                f"{name}: converted by LibreOffice to a .docx of {size:,} bytes, over the "
                f"{budgets.DOCUMENT_BYTES:,} a document may have"
            )
            raise DocumentError(msg)
        return made.read_bytes()
