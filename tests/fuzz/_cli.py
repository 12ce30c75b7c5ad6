"""Command lines: each subcommand on mutated files and odd paths, with standard output closed,
full, in Latin-1 or cut short by its reader.

Each runs ``python -m dod_model`` in a process of its own (the promise covers the interpreter's
exit too: a failed flush of standard output prints a traceback after ``main()`` returns),
with its address space bounded and a wall-clock limit.
"""

from __future__ import annotations

import os
import re
import resource
import select
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

import dod_model
from tests import conftest
from tests.fuzz import _docx, _json, _registry, _text
from tests.fuzz._seeds import Mutant

__all__ = ["Command", "commands", "environment", "run_command"]

_MIB = 1024 * 1024

# Placeholders: {doc} a roadmap document, {doc2} another, {json} a roadmap's JSON, {reg} a
# registry file, {pop} a population table, {out} an output file, {dir} a folder of documents,
# {outdir} an output folder; the rest are values drawn from _VALUES.
_TEMPLATES = [
    ("read", "{doc}"),
    ("read", "{doc}", "--to", "{format}"),
    ("read", "{doc}", "--to", "{format}", "-o", "{out}"),
    ("read", "{dir}", "-o", "{outdir}"),
    ("read", "{dir}", "--to", "{format}", "-o", "{outdir}"),
    ("read", "{json}"),
    ("read", "--example", "{example}", "--to", "{format}"),
    ("validate", "{doc}"),
    ("validate", "--json", "{doc}"),
    ("validate", "{json}"),
    ("validate", "{reg}"),
    ("validate", "{dir}"),
    ("summary", "{doc}"),
    ("summary", "--json", "{json}"),
    ("status", "{doc}", "--on", "{day}"),
    ("status", "{json}", "--on", "{day}", "--horizon", "{number}"),
    ("diff", "{doc}", "{doc2}"),
    ("diff", "--json", "{json}", "{doc}", "--threshold", "{ratio}"),
    ("registry", "validate", "{reg}"),
    ("registry", "summary", "{reg}", "--population", "{pop}"),
    ("registry", "summary", "--json", "{reg}", "--on", "{day}", "--encoding", "{encoding}"),
    ("schema",),
    ("schema", "{word}"),
    ("plugins",),
    ("examples",),
]
_VALUES = {
    "format": st.sampled_from(["json", "csv", "md", "ics", "docx", "bogus", ""]),
    "example": st.sampled_from(["tambov", "samara-text", "nonexistent", ""]),
    "day": st.sampled_from(["2020-09-01", "9999-12-31", "0001-01-01", "2020-02-30", "x", ""]),
    "number": st.sampled_from(["30", "0", "-1", "9" * 30, "1e9", "x"]),
    "ratio": st.sampled_from(["0.6", "nan", "-1", "2", "inf", "x"]),
    "encoding": st.sampled_from(["cp1251", "utf-8", "utf-16", "bogus", "rot13"]),
    "word": st.sampled_from(["roadmap", "bogus", "Roadmap", "x" * 1000]),
}
# Paths in place of an input: a device, a FIFO, a folder, nothing there, standard input, "".
_ODD = ["/dev/zero", "{fifo}", "{dir}", "/nonexistent/x.docx", "-", ""]
_STREAMS = ["pipe", "closed", "full", "latin-1", "ascii", "early"]
"""How standard output is: a pipe; closed; /dev/full; Latin-1 or ASCII encoded; a pipe its
reader closes after the first bytes."""


@dataclass(frozen=True)
class Command:
    """A command line with its inputs, and how its standard output is."""

    template: tuple[str, ...]
    values: dict[str, str]
    inputs: dict[str, Mutant | str] = field(repr=False)
    stdout: str

    def __repr__(self) -> str:
        inputs = ", ".join(f"{k}={v!r}" for k, v in self.inputs.items())
        return (
            f"Command({' '.join(self.template)!r}, {self.values}, stdout={self.stdout}, {inputs})"
        )

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))


def _documents() -> st.SearchStrategy[Mutant]:
    return st.one_of(_text.text_mutants(), _docx.docx_xml_mutants(), _docx.docx_zip_mutants())


def _registries() -> st.SearchStrategy[Mutant]:
    return st.one_of(_registry.csv_mutants(), _registry.jsonl_mutants(), _registry.xlsx_mutants())


_INPUTS = {
    "doc": _documents,
    "doc2": _documents,
    "json": _json.json_mutants,
    "reg": _registries,
    "pop": _registry.population_mutants,
}


@st.composite
def commands(draw: st.DrawFn) -> Command:
    """A command line from :data:`_TEMPLATES`, its inputs drawn (now and then an odd path)."""
    template = draw(st.sampled_from(_TEMPLATES))
    names = set(re.findall(r"\{(\w+)\}", " ".join(template)))
    values = {n: draw(_VALUES[n]) for n in sorted(names) if n in _VALUES}
    inputs: dict[str, Mutant | str] = {}
    for name in sorted(names & set(_INPUTS)):
        odd = draw(st.integers(0, 9))
        inputs[name] = draw(_INPUTS[name]()) if odd >= len(_ODD) else _ODD[odd]
    return Command(template, values, inputs, draw(st.sampled_from(_STREAMS)))


def _suffix(name: str, mutant: Mutant) -> str:
    given = mutant.name if isinstance(mutant.name, str) else ""
    return Path(given).suffix or {"json": ".json", "pop": ".csv"}.get(name, ".txt")


def _argv(command: Command, folder: Path) -> list[str]:
    """The command's arguments, its input files written in ``folder``."""
    os.mkfifo(folder / "fifo")
    documents = folder / "documents"
    documents.mkdir()
    places = {
        "fifo": str(folder / "fifo"),
        "dir": str(documents),
        "out": str(folder / "out.x"),
        "outdir": str(folder / "output"),
    }
    for name, value in command.inputs.items():
        if isinstance(value, str):
            places[name] = value.format(**places)
            continue
        path = folder / f"{name}{_suffix(name, value)}"
        path.write_bytes(value.data)
        places[name] = str(path)
        if name in ("doc", "doc2"):  # the folder holds the documents too
            (documents / path.name).write_bytes(value.data)
    if command.values.get("format") in ("csv", "md", "ics", "docx"):
        places["out"] = str(folder / f"out.{command.values['format']}")
    return [part.format(**places, **command.values) for part in command.template]


def environment() -> dict[str, str]:
    """The environment of a command: this one, with the installed plugins blocked by name (as
    ``child_env`` in ``tests/conftest.py`` does) and the library the tests import first on the
    path (the command runs in another folder, where a relative ``PYTHONPATH`` means nothing)."""
    blocked = [os.environ.get("DOD_MODEL_DISABLE_PLUGINS", "")]
    blocked += [name for names in conftest._installed.values() for name in names]
    library = str(Path(dod_model.__file__).resolve().parent.parent)
    paths = [
        library,
        *(os.path.abspath(p) for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p),
    ]
    return {
        **os.environ,
        "DOD_MODEL_DISABLE_PLUGINS": ",".join(filter(None, blocked)),
        "PYTHONPATH": os.pathsep.join(paths),
    }


def _bounded() -> None:  # in the child, before exec
    resource.setrlimit(resource.RLIMIT_AS, (2048 * _MIB, resource.RLIM_INFINITY))


def _closed() -> None:  # in the child, before exec: standard output not open at all
    _bounded()
    os.close(1)


def run_command(command: Command, *, wall: float) -> list[tuple[str, str]]:
    """Run the command; each broken promise as (kind, what happened)."""
    with tempfile.TemporaryDirectory(prefix="dod-fuzz-cli-") as name:
        folder = Path(name)
        argv = [sys.executable, "-m", "dod_model", *_argv(command, folder)]
        # Reading may take about a second a megabyte (the budgets' promise), two runs of it if
        # the machine is busy: a large input has that much longer before it counts as a hang.
        size = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
        wall += 2 * size / 2**20
        env = environment()
        stdout: int = subprocess.PIPE
        full = None
        if command.stdout == "full":
            full = stdout = os.open("/dev/full", os.O_WRONLY)
        elif command.stdout in ("latin-1", "ascii"):
            env["PYTHONIOENCODING"] = command.stdout
        elif command.stdout == "closed":
            stdout = subprocess.DEVNULL
        process = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=stdout,
            stderr=subprocess.PIPE,
            env=env,
            cwd=folder,
            # No thread runs while the suite does: preexec_fn is safe here.
            preexec_fn=_closed if command.stdout == "closed" else _bounded,  # noqa: PLW1509
        )
        if full is not None:
            os.close(full)
        deadline = time.monotonic() + wall
        err, killed = _collect(process, early=command.stdout == "early", deadline=deadline)
        status, usage = _wait(process, deadline)
        killed = killed or status is None
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()
    inputs = sum(len(v.data) for v in command.inputs.values() if isinstance(v, Mutant))
    return _judge(command, argv, status, err, usage, killed, inputs, wall)


def _collect(process: subprocess.Popen[bytes], *, early: bool, deadline: float) -> tuple[str, bool]:
    """Standard error, read to its end (standard output read and dropped); killed or not."""
    assert process.stderr is not None
    err_fd = process.stderr.fileno()
    out_fd = process.stdout.fileno() if process.stdout is not None else None
    waiting = [fd for fd in (err_fd, out_fd) if fd is not None]
    err = b""
    while waiting:
        left = deadline - time.monotonic()
        if left <= 0:
            process.kill()
            return err.decode("utf-8", "replace"), True
        ready, _, _ = select.select(waiting, [], [], min(left, 1.0))
        for fd in ready:
            chunk = os.read(fd, 65536)
            if fd == err_fd:
                err += chunk[: max(0, (1 << 20) - len(err))]
                if not chunk:
                    waiting.remove(fd)
            elif not chunk or early:
                waiting.remove(fd)
                if early and process.stdout is not None:
                    process.stdout.close()
    return err.decode("utf-8", "replace"), False


def _wait(process: subprocess.Popen[bytes], deadline: float) -> tuple[int | None, Any]:
    """The exit status and resource usage of the process; None when it had to be killed."""
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            process.returncode = os.waitstatus_to_exitcode(status)
            return process.returncode, usage
        if time.monotonic() > deadline:
            process.kill()
            _, status, usage = os.wait4(process.pid, 0)
            process.returncode = os.waitstatus_to_exitcode(status)
            return None, usage
        time.sleep(0.02)


def _judge(
    command: Command,
    argv: list[str],
    code: int | None,
    err: str,
    usage: Any,
    killed: bool,
    inputs: int,
    wall: float,
) -> list[tuple[str, str]]:
    line = " ".join(argv[3:])[:300]
    what = f"dod-model {command.template[0]}"
    mode = f" (stdout {command.stdout})" if command.stdout != "pipe" else ""
    said = f"\n  $ dod-model {line}\n  exit {code}; stderr:\n{err[-3000:]}"
    found = []
    if killed:
        found.append((f"{what}: hang", f"killed after {wall:g} s{said}"))
    elif code not in (0, 1, 2):
        name = signal.Signals(-code).name if code is not None and code < 0 else str(code)
        found.append((f"{what}: exit {name}", f"exit status {name}{said}"))
    for marker in ("Traceback (most recent call last)", "Exception ignored"):
        if marker in err:
            errors = [x for x in err.splitlines() if re.match(r"^\w[\w.]*(Error|Exception)\b", x)]
            kind = errors[-1].split(":")[0] if errors else "?"
            # One kind per exception and standard output, whichever the command: they share
            # their cause (the output's encoding, its absence).
            found.append((f"dod-model{mode}: {marker.split(' (')[0]}, {kind}", f"{marker}{said}"))
    cpu = usage.ru_utime + usage.ru_stime
    bound = max(5.0, 2.0 * inputs / _MIB + 3)
    if cpu > bound and not killed:
        found.append((f"{what}: over the CPU bound", f"{cpu:.1f} s of CPU time{said}"))
    peak = usage.ru_maxrss * 1024
    if peak > 400 * _MIB + 16 * inputs:
        found.append((f"{what}: over the memory bound", f"peak {peak // _MIB} MB{said}"))
    return found
