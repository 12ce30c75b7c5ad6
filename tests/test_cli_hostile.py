"""The command line under hostile conditions: every failure one line on stderr, nothing hangs.

Standard output closed, full, a pipe whose reader went away, an encoding without Cyrillic;
standard input empty, closed, endless, a terminal; inputs that are pipes, devices, folders that
cannot be listed, paths with a NUL byte or bytes that are no UTF-8; absurd option values; JSON
nested a thousand deep; an interrupt; a bug. Each must end in one line on standard error and
status 2 (130 for an interrupt), or succeed; never a traceback, never a wait.

Most cases run in process, with standard streams standing in for the hostile ones (fast); those
that need the real descriptors (closed at start, a pipe, a signal, a FIFO that would block) run
``python -m dod_model`` in a child process, with a timeout, so that a hang is a failure.
"""

from __future__ import annotations

import errno
import io
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dod_model
from dod_model import examples
from dod_model._errors import SchemaError, SchemaFault
from dod_model.cli import _commands as commands
from dod_model.cli import main

TIMEOUT = 20
"""Seconds a child process may take before it counts as hung."""
SAMARA = Path(str(examples.path("samara-text")))
CP1251_NAME = os.fsdecode(b"\xcf\xeb\xe0\xed.txt")  # «План.txt» in Windows-1251, no UTF-8
CERTIFICATES = """\
Номер сертификата;Вид сертификата;Дата рождения;Муниципальное образование;Номинал;Дата выдачи
6800000001;ПФДО;14.03.2012;г. Тамбов;6 000;01.09.2020
6800000002;учёта;02.11.2008;г. Мичуринск;;15.09.2020
"""
NESTED = "[" * 1000 + "]" * 1000


# --- running the command ---------------------------------------------------------------------


class Run:
    """What one run of the command did: its status and what it wrote to stdout and stderr."""

    def __init__(self, status: int, out: bytes, err: str) -> None:
        self.status, self.out, self.err = status, out, err

    @property
    def lines(self) -> list[str]:
        return self.err.splitlines()

    def failed_in_one_line(self, *, status: int = 2) -> str:
        """Assert the run failed with ``status`` and one line on stderr; that line."""
        assert self.status == status, (self.status, self.err)
        assert len(self.lines) == 1, self.err
        assert "Traceback" not in self.err
        assert self.lines[0].startswith("dod-model"), self.err
        return self.lines[0]


class _Failing(io.RawIOBase):
    """A descriptor whose every write fails with ``code`` (EPIPE: the reader went away)."""

    def __init__(self, code: int) -> None:
        self.code = code

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        raise OSError(self.code, os.strerror(self.code))


def _text(raw: io.RawIOBase | io.BytesIO, encoding: str = "utf-8") -> io.TextIOWrapper:
    buffered = raw if isinstance(raw, io.BytesIO) else io.BufferedWriter(raw)
    return io.TextIOWrapper(buffered, encoding=encoding, newline="\n")


def run_in_process(
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    *,
    stdout: Any = "utf-8",
    stdin: bytes | None = b"",
) -> Run:
    """``main(argv)`` with standard output a stream in ``stdout``'s encoding, or ``stdout``.

    Standard input holds ``stdin`` (``None``: closed); standard error is captured.
    """
    buffer = io.BytesIO()
    out = _text(buffer, stdout) if isinstance(stdout, str) else stdout
    err = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setattr(sys, "stdin", None if stdin is None else _text(io.BytesIO(stdin)))
    try:
        status = main(argv)
    except SystemExit as exc:
        status = exc.code if isinstance(exc.code, int) else 2
    except KeyboardInterrupt:  # let through, it would end the test session
        pytest.fail("KeyboardInterrupt escaped main()")
    if out is not None and isinstance(stdout, str):
        out.flush()
    monkeypatch.undo()
    return Run(status, buffer.getvalue(), err.getvalue())


def _same_package(env: dict[str, str]) -> dict[str, str]:
    """``env`` with the package the tests import first on the path of a child process."""
    source = str(Path(dod_model.__file__).resolve().parents[1])
    return {**env, "PYTHONPATH": os.pathsep.join(filter(None, [source, env.get("PYTHONPATH")]))}


def run_child(
    argv: list[str],
    *,
    cwd: Path,
    env: dict[str, str],
    redirect: str = "",
    stdin: Any = subprocess.DEVNULL,
    stdout: Any = subprocess.PIPE,
    limit: Callable[[], None] | None = None,
) -> Run:
    """``python -m dod_model argv`` in a shell that applies ``redirect`` (``>&-``, …).

    ``limit`` runs in the child before it starts (to bound its memory, say).
    """
    script = f'exec "$@" {redirect}'
    env = _same_package(env)
    done = subprocess.run(
        ["sh", "-c", script, "sh", sys.executable, "-m", "dod_model", *argv],
        cwd=cwd,
        env=env,
        stdin=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=TIMEOUT,
        check=False,
        preexec_fn=limit,
    )
    return Run(done.returncode, done.stdout or b"", done.stderr.decode("utf-8", "replace"))


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of inputs, only read: roadmaps (text, JSON, an edition with a title changed), a
    registry, JSON nested too deep, a file where a folder is wanted."""
    folder = tmp_path_factory.mktemp("inputs")
    text = SAMARA.read_text(encoding="utf-8")
    (folder / "plan.txt").write_text(text, encoding="utf-8")
    edited = text.replace("Утверждение штатного расписания", "Утверждение нового расписания")
    assert edited != text
    (folder / "edited.txt").write_text(edited, encoding="utf-8")
    (folder / "certificates.csv").write_text(CERTIFICATES, encoding="utf-8")
    dod_model.write(examples.load("tambov"), folder / "tambov.json")
    (folder / "deep.json").write_text(NESTED, encoding="utf-8")
    (folder / "deep-field.json").write_text('{"title": ' + NESTED + "}", encoding="utf-8")
    (folder / "deep.jsonl").write_text(NESTED + "\n", encoding="utf-8")
    (folder / "a-file").write_text("not a folder\n", encoding="utf-8")
    return folder


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


# Every subcommand, as a run that prints something, with the status it ends in when all is well.
COMMANDS: dict[str, tuple[list[str], int]] = {
    "summary": (["summary", "--example", "samara"], 0),
    "summary-json": (["summary", "--example", "samara", "--json"], 0),
    "read": (["read", "--example", "samara"], 0),
    "read-md": (["read", "--example", "samara", "--to", "md"], 0),
    "read-docx": (["read", "--example", "tambov", "--to", "docx"], 0),
    "status": (["status", "--example", "tambov", "--on", "2022-03-01"], 0),
    "status-json": (["status", "--example", "tambov", "--on", "2022-03-01", "--json"], 0),
    "diff": (["diff", "plan.txt", "edited.txt"], 1),
    "diff-json": (["diff", "plan.txt", "tambov.json", "--json"], 1),
    "examples": (["examples"], 0),
    "validate": (["validate", "--example", "samara"], 0),
    "validate-json": (["validate", "--example", "samara", "--json"], 0),
    "plugins": (["plugins"], 0),
    "plugins-json": (["plugins", "--json"], 0),
    "schema": (["schema"], 0),
    "registry-summary": (["registry", "summary", "certificates.csv", "--on", "2024-01-01"], 0),
    "registry-summary-json": (["registry", "summary", "certificates.csv", "--json"], 0),
    "registry-validate": (["registry", "validate", "certificates.csv"], 0),
    "help": (["--help"], 0),
    "version": (["--version"], 0),
}


def _argv(name: str, work: Path) -> list[str]:
    return [
        str(work / a) if a.endswith((".txt", ".json", ".csv")) else a for a in COMMANDS[name][0]
    ]


_PLAIN: dict[str, Run] = {}


def _plain(monkeypatch: pytest.MonkeyPatch, name: str, work: Path) -> Run:
    """The run of command ``name`` with a plain UTF-8 output, run once."""
    if name not in _PLAIN:
        _PLAIN[name] = run_in_process(monkeypatch, _argv(name, work))
    return _PLAIN[name]


# --- standard output: closed, gone, full, or without Cyrillic --------------------------------


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_prints_to_a_plain_output(monkeypatch, work, name):
    done = _plain(monkeypatch, name, work)
    assert (done.status, done.err) == (COMMANDS[name][1], "")
    assert done.out


@pytest.mark.parametrize("name", COMMANDS)
def test_a_closed_output_is_one_line(monkeypatch, work, name):
    done = run_in_process(monkeypatch, _argv(name, work), stdout=None)
    line = done.failed_in_one_line()
    assert line == "dod-model: error: cannot write the output to standard output (it is closed)"


@pytest.mark.parametrize("name", COMMANDS)
def test_a_reader_that_went_away_ends_the_command_quietly(monkeypatch, work, name):
    done = run_in_process(monkeypatch, _argv(name, work), stdout=_text(_Failing(errno.EPIPE)))
    assert (done.status, done.err) == (2, "")


@pytest.mark.parametrize("name", COMMANDS)
def test_a_full_output_is_one_line(monkeypatch, work, name):
    done = run_in_process(monkeypatch, _argv(name, work), stdout=_text(_Failing(errno.ENOSPC)))
    line = done.failed_in_one_line()
    assert line.endswith("cannot write the output to standard output (No space left on device)")


@pytest.mark.parametrize("encoding", ["latin-1", "ascii", "cp1251"])
@pytest.mark.parametrize("name", COMMANDS)
def test_an_output_without_cyrillic_gets_escapes(monkeypatch, work, name, encoding):
    plain = _plain(monkeypatch, name, work)
    done = run_in_process(monkeypatch, _argv(name, work), stdout=encoding)
    assert (done.status, done.err) == (plain.status, "")
    if name.startswith("read"):  # an export is a file format: its bytes, whatever the output
        assert done.out == plain.out
        return
    text = done.out.decode(encoding)  # what was written is in the output's encoding
    if name.endswith("json") or name == "schema":
        assert json.loads(text) == json.loads(plain.out)  # the same JSON, escaped
    else:
        assert text.encode("ascii", "backslashreplace").decode("unicode_escape") == (
            plain.out.decode("utf-8")
        )


def test_the_output_stream_is_left_as_it_was(monkeypatch):
    stream = _text(io.BytesIO(), "latin-1")
    run_in_process(monkeypatch, ["summary", "--example", "samara"], stdout=stream)
    assert stream.errors == "strict"


def test_the_library_writes_exports_as_utf8_whatever_the_output_encoding(monkeypatch):
    done = run_in_process(
        monkeypatch, ["read", "--example", "samara", "--to", "md"], stdout="ascii"
    )
    assert done.status == 0
    assert "Самарской" in done.out.decode("utf-8")


def test_a_message_about_a_cyrillic_name_on_a_latin1_error_stream(monkeypatch, tmp_path):
    err = _text(io.BytesIO(), "latin-1")
    monkeypatch.setattr(sys, "stderr", err)
    assert main(["summary", str(tmp_path / "план.txt")]) == 2
    err.flush()
    line = err.buffer.getvalue().decode("latin-1")
    assert line.count("\n") == 1
    assert "\\u043f\\u043b\\u0430\\u043d.txt: cannot read the file" in line


# --- standard input --------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["read", "summary", "validate", "status"])
def test_an_empty_standard_input_is_one_line(monkeypatch, command):
    done = run_in_process(monkeypatch, [command, "-"], stdin=b"")
    assert "<stdin>: standard input is empty" in done.failed_in_one_line()


def test_a_closed_standard_input_is_one_line(monkeypatch):
    done = run_in_process(monkeypatch, ["summary", "-"], stdin=None)
    assert "standard input is closed" in done.failed_in_one_line()


def test_a_terminal_is_not_waited_on(monkeypatch):
    class Terminal(io.TextIOWrapper):
        def isatty(self) -> bool:
            return True

        def read(self, *args: Any) -> str:
            raise AssertionError("a terminal was read: the command would wait for typing")

    monkeypatch.setattr(sys, "stdin", Terminal(io.BytesIO()))
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    assert main(["read", "-"]) == 2
    assert "standard input is a terminal" in err.getvalue()


def test_standard_input_takes_a_document_or_json(monkeypatch, work, tmp_path):
    text = SAMARA.read_bytes()
    done = run_in_process(monkeypatch, ["summary", "-", "--json"], stdin=text)
    assert (done.status, done.err) == (0, "")
    assert json.loads(done.out)["region"] == "RU-SAM"
    done = run_in_process(monkeypatch, ["summary", "-", "--json"],
                          stdin=(work / "tambov.json").read_bytes())  # fmt: skip
    assert json.loads(done.out)["region"] == "RU-TAM"
    done = run_in_process(monkeypatch, ["read", "-", str(work / "plan.txt"), "-o",
                                        str(tmp_path / "out")], stdin=text)  # fmt: skip
    assert done.status == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["plan.json", "stdin.json"]


def test_standard_input_twice_is_refused(monkeypatch):
    for argv in (["diff", "-", "-"], ["validate", "-", "-"], ["read", "-", "-", "-o", "x"]):
        done = run_in_process(monkeypatch, argv, stdin=b"x")
        assert "standard input (-) is given twice" in done.failed_in_one_line()


def test_an_endless_standard_input_is_cut_at_the_budget(child_env, tmp_path):
    with open("/dev/zero", "rb") as zero:
        done = run_child(["summary", "-"], cwd=tmp_path, env=child_env, stdin=zero)
    assert "<stdin>: over the 67,108,864 bytes" in done.failed_in_one_line()


# --- inputs that are no regular files, or cannot be reached ----------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["read", "{fifo}"],
        ["summary", "{fifo}.json"],
        ["validate", "{fifo}"],
        ["registry", "validate", "{fifo}"],
        ["registry", "summary", "{work}/certificates.csv", "--population", "{fifo}"],
        ["read", "{work}/plan.txt", "--to", "json", "-o", "{fifo}"],
    ],
    ids=["read", "summary-json", "validate", "registry", "population", "output"],
)
def test_a_named_pipe_is_refused_at_once(child_env, work, fifo, argv):
    if argv[1] == "{fifo}.json":
        fifo = fifo.rename(fifo.with_suffix(".json"))
        argv = [argv[0], "{fifo}"]
    argv = [a.format(fifo=fifo, work=work) for a in argv]
    done = run_child(argv, cwd=work, env=child_env)  # a wait would end in TimeoutExpired
    assert "a pipe (FIFO)" in done.failed_in_one_line()


def test_a_named_pipe_in_the_output_folder_refuses_that_document(child_env, work, fifo):
    fifo.rename(fifo.parent / "plan.json")
    argv = ["read", str(work / "plan.txt"), str(work / "edited.txt"), "-o", str(fifo.parent)]
    done = run_child(argv, cwd=work, env=child_env)
    assert done.status == 2
    assert done.lines[0] == f"read 1, refused 1; json files in {fifo.parent}"
    assert done.lines[1].endswith("plan.json: a pipe (FIFO) that no program reads; start its "
                                  "reader first")  # fmt: skip
    assert (fifo.parent / "edited.json").is_file()


def test_a_named_pipe_with_a_reader_is_written_to(work, fifo):
    descriptor = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # the reader is there first
    with os.fdopen(descriptor, "rb") as reader:
        # The export (8.5 KB) fits the pipe's buffer: it is read once the command is done.
        status = main(["read", str(work / "plan.txt"), "--to", "md", "-o", str(fifo)])
        received = reader.read()
    assert status == 0
    assert "Самарской" in received.decode("utf-8")


@pytest.mark.parametrize(
    "argv",
    [
        ["read", "/dev/zero"],
        ["summary", "/dev/zero"],
        ["status", "/dev/null"],
        ["validate", "/dev/zero"],
        ["registry", "validate", "/dev/zero"],
        ["registry", "summary", "/dev/zero"],
    ],
)
def test_a_device_as_input_is_refused(monkeypatch, argv):
    if not Path(argv[-1]).exists():
        pytest.skip(f"no {argv[-1]} here")
    assert "a device, not a file" in run_in_process(monkeypatch, argv).failed_in_one_line()


def _limit_memory() -> None:  # in the child: a read without a bound fails, not the machine
    import resource  # noqa: PLC0415 - POSIX only, and only in the child

    resource.setrlimit(resource.RLIMIT_AS, (2**31, 2**31))


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_json_device_is_refused_before_it_is_read(child_env, tmp_path):
    (tmp_path / "zero.json").symlink_to("/dev/zero")
    done = run_child(["summary", "zero.json"], cwd=tmp_path, env=child_env, limit=_limit_memory)
    assert "a device, not a file" in done.failed_in_one_line()


@pytest.mark.parametrize(
    "argv",
    [
        ["read", "{missing}"],
        ["summary", "{missing}"],
        ["status", "{missing}.json"],
        ["diff", "{missing}", "{missing}.docx"],
        ["validate", "{missing}"],
        ["registry", "validate", "{missing}"],
        ["registry", "summary", "{work}/certificates.csv", "--population", "{missing}"],
    ],
)
def test_a_missing_input_is_one_line(monkeypatch, work, argv):
    argv = [a.format(missing=work / "absent", work=work) for a in argv]
    line = run_in_process(monkeypatch, argv).failed_in_one_line()
    assert "absent" in line
    assert re.search(r"cannot read the (file|population table) \(No such file or directory\)", line)


def test_a_folder_that_cannot_be_listed_says_so(monkeypatch, work):
    scandir = os.scandir

    def refuse(path: str | os.PathLike[str]) -> Iterator[os.DirEntry[str]]:
        if Path(path) == work:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    for command in ("read", "validate"):
        done = run_in_process(monkeypatch, [command, str(work)])
        monkeypatch.setattr(os, "scandir", refuse)
        line = done.failed_in_one_line()
        assert line.endswith(
            f"{work}: cannot list the folder (Permission denied); check its permissions"
        )
        assert "write" not in line


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads and lists all")
def test_permissions_that_refuse_reading(monkeypatch, tmp_path):
    work = tmp_path
    folder = work / "locked"
    folder.mkdir()
    shutil.copyfile(SAMARA, folder / "plan.txt")
    unreadable = work / "unreadable.txt"
    shutil.copyfile(SAMARA, unreadable)
    unreadable.chmod(0)
    folder.chmod(0)
    try:
        for argv, said in (
            (["read", str(folder)], "cannot list the folder (Permission denied)"),
            (["validate", str(folder)], "cannot list the folder (Permission denied)"),
            (["read", str(folder / "plan.txt")], "cannot read the file (Permission denied)"),
            (["summary", str(unreadable)], "cannot read the file (Permission denied)"),
            (["registry", "validate", str(unreadable)], "cannot read the file (Permission denied)"),
        ):
            assert said in run_in_process(monkeypatch, argv).failed_in_one_line()
    finally:
        folder.chmod(stat.S_IRWXU)
        unreadable.chmod(stat.S_IRUSR | stat.S_IWUSR)


@pytest.mark.parametrize(
    "argv",
    [
        ["read", "a\x00b"],
        ["summary", "a\x00b.json"],
        ["validate", "a\x00b"],
        ["diff", "a\x00b", "c"],
        ["registry", "validate", "a\x00b.csv"],
        ["registry", "summary", "x.csv", "--population", "a\x00b"],
        ["read", "--example", "samara", "-o", "a\x00b.json"],
        ["read", ""],
        ["summary", ""],
        ["read", "--example", "samara", "-o", ""],
    ],
)
def test_a_path_with_a_nul_byte_or_none_at_all(monkeypatch, argv):
    line = run_in_process(monkeypatch, argv).failed_in_one_line()
    assert "not a usable path (it holds a NUL byte)" in line or "an empty path" in line


def test_a_file_name_that_is_no_utf8_is_shown_as_it_reads(monkeypatch, tmp_path):
    work = tmp_path
    shutil.copyfile(SAMARA, work / CP1251_NAME)
    path = str(work / CP1251_NAME)
    done = run_in_process(monkeypatch, ["validate", path])
    assert done.status == 0
    assert f"{work}/План.txt: ok" in done.out.decode("utf-8")
    done = run_in_process(monkeypatch, ["read", path, "-o", f"{work}/out/"])
    assert done.status == 0, done.err
    done = run_in_process(monkeypatch, ["diff", path, path, "--json"])
    assert json.loads(done.out)["old"] == f"{work}/План.txt"
    missing = os.fsdecode(b"\xcf\xeb\xe0\xed-\xff.json")
    done = run_in_process(monkeypatch, ["summary", str(work / missing)])
    assert "\\udc" not in done.failed_in_one_line()


def test_a_name_with_a_newline_and_an_escape_stays_on_one_line(monkeypatch, tmp_path):
    line = run_in_process(monkeypatch, ["summary", str(tmp_path / "a\nb\x1b[31m.txt")])
    assert "a; b\\x1b[31m.txt" in line.failed_in_one_line()


# --- outputs that are no place to write ------------------------------------------------------


def test_an_output_that_is_no_folder(monkeypatch, work):
    plan, file = str(work / "plan.txt"), str(work / "a-file")
    for argv, said in (
        (["read", plan, plan, "-o", file], "a-file: not a folder"),
        (["read", plan, "-o", f"{file}/x.json"], "cannot write the file (Not a directory)"),
        (["read", plan, plan, "-o", f"{file}/"], "a-file: not a folder"),
        (["read", str(work), "-o", f"{file}/x/"], "cannot make the output folder"),
    ):
        assert said in run_in_process(monkeypatch, argv).failed_in_one_line()


def test_a_full_device_as_output(monkeypatch, work):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    done = run_in_process(monkeypatch, ["read", "--example", "samara", "--to", "json",
                                        "-o", "/dev/full"])  # fmt: skip
    assert done.failed_in_one_line() == (
        "dod-model: error: /dev/full: cannot write the file (No space left on device)"
    )
    done = run_in_process(monkeypatch, ["read", "--example", "samara", "--to", "ics",
                                        "-o", "/dev/null"])  # fmt: skip
    assert (done.status, done.err) == (0, "")


def test_dash_as_output_is_standard_output(monkeypatch):
    done = run_in_process(monkeypatch, ["read", "--example", "samara", "-o", "-"])
    assert done.status == 0
    assert json.loads(done.out)["region"] == "RU-SAM"


# --- option values ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["status", "--example", "tambov", "--on", "99999-01-01"], "not a date"),
        (["status", "--example", "tambov", "--on", "2024-02-30"], "not a date"),
        (["status", "--example", "tambov", "--on", "-1"], "not a date: '-1'"),
        (["status", "--example", "tambov", "--horizon", "-5"], "not a number of days"),
        (["status", "--example", "tambov", "--horizon", "²"], "not a number of days"),
        (["status", "--example", "tambov", "--horizon", "1e9"], "not a number of days"),
        (["diff", "a", "b", "--threshold", "nan"], "not a similarity"),
        (["diff", "a", "b", "--threshold", "inf"], "not a similarity"),
        (["diff", "a", "b", "--threshold", "-0.5"], "not a similarity"),
        (["registry", "summary", "x.csv", "--on", "99999-01-01"], "not a date"),
        (["read", "--example", "samara", "--to", "nope"], "no exporter for format 'nope'"),
        (["read", "--example", "samara", "-o", "x.nope"], "no exporter writes .nope"),
        (["read", "{plan}", "--format", "nope"], "no importer for format 'nope'"),
        (["read", "--example", "nope"], "no bundled example 'nope'"),
        (["schema", "nope"], "no schema 'nope'"),
        (["read", "-j", "0"], "-j/--jobs: not a number of processes (1 or more): '0'"),
        (["nope"], "invalid choice: 'nope'"),
        (["registry"], "the following arguments are required: ACTION"),
        (["summary"], "one of the arguments file --example is required"),
        (["read"], "name a FILE to read, or --example NAME"),
        (["validate"], "name a FILE to validate, or --example NAME"),
        (["read", "{plan}", "{plan}"], "several documents (or a folder) need -o DIR"),
    ],
)
def test_option_values_out_of_range(monkeypatch, work, argv, said):
    argv = [a.format(plan=work / "plan.txt") for a in argv]
    line = run_in_process(monkeypatch, argv).failed_in_one_line()
    assert said in line
    assert "usage:" not in line


@pytest.mark.parametrize("on", ["0001-01-01", "9999-12-31"])
@pytest.mark.parametrize("example", ["samara", "tambov", "ulyanovsk"])
def test_the_first_and_last_days_and_a_huge_horizon(monkeypatch, on, example):
    argv = ["status", "--example", example, "--on", on, "--horizon", "9" * 30, "--json"]
    done = run_in_process(monkeypatch, argv)
    assert (done.status, done.err) == (0, ""), done.err
    assert json.loads(done.out)["on"] == on


# --- whatever a command raises ---------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["read", "deep.json"],
        ["summary", "deep-field.json"],
        ["validate", "deep.json"],
        ["status", "deep.json"],
        ["diff", "deep.json", "plan.txt"],
        ["diff", "plan.txt", "deep-field.json"],
    ],
)
def test_json_nested_a_thousand_deep_is_one_line(monkeypatch, work, argv):
    line = run_in_process(monkeypatch, [str(work / a) if "." in a else a for a in argv])
    assert "deep" in line.failed_in_one_line()


# The registry reader leaves its file to the collector when a row raises (a bug of its own).
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_registry_line_nested_a_thousand_deep(monkeypatch, work):
    done = run_in_process(monkeypatch, ["registry", "validate", str(work / "deep.jsonl")])
    assert done.status in (1, 2)
    assert "Traceback" not in done.err
    assert len(done.lines) <= 1


def _raising(exc: BaseException) -> Callable[..., object]:
    def command(*args: object, **kwargs: object) -> object:
        raise exc

    return command


def test_a_schema_error_of_many_faults_is_one_line(monkeypatch, work):
    faults = [SchemaFault("/title", "expected a string"), SchemaFault("/sections/0", "missing")]
    monkeypatch.setattr(commands, "read_document", _raising(SchemaError(faults, what="Roadmap")))
    line = run_in_process(monkeypatch, ["summary", str(work / "x.json")]).failed_in_one_line()
    assert line == (
        "dod-model: error: Roadmap does not match the schema (2 problems): "
        "/title: expected a string; /sections/0: missing"
    )


@pytest.mark.parametrize(
    "exc",
    [ValueError("year 10000 is out of range"), OverflowError("date value out of range"),
     RecursionError("maximum recursion depth exceeded"), UnicodeEncodeError(
         "utf-8", "\ud800", 0, 1, "surrogates not allowed"), AttributeError("x"),
     MemoryError()],
    ids=lambda exc: type(exc).__name__,
)  # fmt: skip
def test_a_bug_is_one_line_that_says_so(monkeypatch, exc):
    monkeypatch.setitem(commands.COMMANDS, "summary", _raising(exc))
    line = run_in_process(monkeypatch, ["summary", "--example", "samara"]).failed_in_one_line()
    assert line.startswith(f"dod-model: error: a bug in dod_model: {type(exc).__name__}")
    assert line.endswith("run again with DOD_MODEL_DEBUG=1 for the traceback, and report it "
                         "with the input")  # fmt: skip


def test_debugging_lets_the_traceback_through(monkeypatch):
    monkeypatch.setitem(commands.COMMANDS, "summary", _raising(ValueError("year 10000")))
    monkeypatch.setenv("DOD_MODEL_DEBUG", "1")
    with pytest.raises(ValueError, match="year 10000"):
        main(["summary", "--example", "samara"])


def test_a_bug_in_one_document_does_not_stop_the_batch(monkeypatch, tmp_path):
    work = tmp_path
    real = dod_model.exporters.write

    def write(roadmap: Any, target: Path, **kwargs: Any) -> None:
        if target.name.startswith("broken"):
            raise ValueError("year 10000 is out of range")
        real(roadmap, target, **kwargs)

    shutil.copyfile(SAMARA, work / "broken.txt")
    shutil.copyfile(SAMARA, work / "plan.txt")
    monkeypatch.setattr("dod_model.cli._output.write", write)
    done = run_in_process(monkeypatch, ["read", str(work / "plan.txt"), str(work / "broken.txt"),
                                        "-o", str(work / "out")])  # fmt: skip
    assert done.status == 2
    assert done.lines[0] == f"read 1, refused 1; json files in {work / 'out'}"
    assert done.lines[1].startswith(f"  refused {work / 'broken.txt'}: a bug in dod_model: ")
    assert (work / "out" / "plan.json").exists()


def test_an_interrupt_is_one_line_and_130(monkeypatch):
    monkeypatch.setitem(commands.COMMANDS, "summary", _raising(KeyboardInterrupt()))
    done = run_in_process(monkeypatch, ["summary", "--example", "samara"])
    assert done.failed_in_one_line(status=130) == "dod-model: interrupted"


_WORDS = st.sampled_from(
    ["read", "summary", "status", "diff", "validate", "registry", "summary", "validate",
     "schema", "examples", "plugins", "-", "--json", "--example", "samara", "nope", "--on",
     "0001-01-01", "9999-12-31", "99999-01-01", "--horizon", "0", "9" * 40, "--threshold", "1",
     "--to", "ics", "csv", "--format", "text", "-o", "--region", "RU-XXX", "RU-SAM",
     "--population", "--encoding", "cp1251", "utf-99", "{plan}", "{deep}", "{csv}", "{file}",
     "{file}/x", "{work}", "{missing}", "план.txt", "a\x00b", "", CP1251_NAME, "\x1b[2J"]
)  # fmt: skip


@settings(max_examples=60, derandomize=True, deadline=None)
@given(words=st.lists(_WORDS, max_size=7))
def test_no_command_line_gives_a_traceback(tmp_path_factory, words):
    work = tmp_path_factory.getbasetemp() / "hostile-words"
    if not work.exists():
        work.mkdir()
        shutil.copyfile(SAMARA, work / "plan.txt")
        (work / "deep.json").write_text(NESTED, encoding="utf-8")
        (work / "certificates.csv").write_text(CERTIFICATES, encoding="utf-8")
        (work / "a-file").write_text("x", encoding="utf-8")
    names = {"plan": "plan.txt", "deep": "deep.json", "csv": "certificates.csv",
             "file": "a-file", "missing": "absent.docx", "work": "out/"}  # fmt: skip
    argv = [w.format(**{k: work / v for k, v in names.items()}) if "{" in w else w for w in words]
    patch = pytest.MonkeyPatch()
    try:
        done = run_in_process(patch, argv, stdin=SAMARA.read_bytes()[:2000])
    finally:
        patch.undo()
    assert done.status in (0, 1, 2), done.err
    assert "Traceback" not in done.err
    for line in done.lines:
        # No command: the usage, then what to do.
        assert line.startswith(("dod-model", "read ", "  refused ", "usage: dod-model")), done.err


# --- the real descriptors, in a child process ------------------------------------------------


def test_a_closed_output_at_start(child_env, tmp_path):
    done = run_child(["summary", "--example", "samara"], cwd=tmp_path, env=child_env,
                     redirect=">&-")  # fmt: skip
    assert done.failed_in_one_line() == (
        "dod-model: error: cannot write the output to standard output (it is closed)"
    )
    done = run_child(["read", "--example", "samara", "-o", "out.json"], cwd=tmp_path,
                     env=child_env, redirect=">&-")  # fmt: skip
    assert (done.status, done.err) == (0, "")
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["region"] == "RU-SAM"


@pytest.mark.parametrize("argv", [["schema"], ["read", "--example", "samara"], ["--help"]])
def test_a_pipe_whose_reader_went_away(child_env, tmp_path, argv):
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = run_child(argv, cwd=tmp_path, env=child_env, stdout=write_end)
    finally:
        os.close(write_end)
    assert (done.status, done.err) == (2, "")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_a_full_output_reported_before_the_interpreter_exits(child_env, tmp_path):
    with open("/dev/full", "wb") as full:  # a small output, held in a buffer until the end
        done = run_child(["examples"], cwd=tmp_path, env=child_env, stdout=full)
    assert done.failed_in_one_line().endswith("(No space left on device)")
    assert "Exception ignored" not in done.err


def test_a_closed_error_stream(child_env, tmp_path):
    done = run_child(["summary", "absent.txt"], cwd=tmp_path, env=child_env, redirect="2>&-")
    assert done.status == 2
    done = run_child(["read", "--example", "samara", "-o", "x.json"], cwd=tmp_path,
                     env=child_env, redirect=">&- 2>&- <&-")  # fmt: skip
    assert done.status == 0


@pytest.mark.parametrize(
    "env",
    [{"PYTHONIOENCODING": "latin-1"}, {"LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0"}],
    ids=["latin-1", "C-locale"],
)
def test_an_encoding_without_cyrillic(child_env, tmp_path, env):
    env = {**{k: v for k, v in child_env.items() if k != "PYTHONIOENCODING"}, **env}
    done = run_child(["summary", "--example", "samara", "--json"], cwd=tmp_path, env=env)
    assert (done.status, done.err) == (0, "")
    assert json.loads(done.out)["region"] == "RU-SAM"
    assert done.out.isascii()
    done = run_child(["summary", "план.txt"], cwd=tmp_path, env=env)
    assert "\\u043f\\u043b\\u0430\\u043d.txt: cannot read" in done.failed_in_one_line()


def _reading_stdin(pid: int) -> bool:
    """Whether the process waits in ``read(0, …)`` (Linux); ``True`` where that cannot be told."""
    try:
        fields = Path(f"/proc/{pid}/syscall").read_text().split()
    except OSError:
        time.sleep(2)
        return True
    return fields[:2] == ["0", "0x0"]


@pytest.mark.skipif(os.name != "posix", reason="signals as on POSIX")
def test_an_interrupt_while_waiting_for_input(child_env, tmp_path):
    child = subprocess.Popen(
        [sys.executable, "-m", "dod_model", "summary", "-"],
        cwd=tmp_path,
        env=_same_package(child_env),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + TIMEOUT
        while not _reading_stdin(child.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=TIMEOUT)
    finally:
        child.kill()
        child.wait()
        for stream in (child.stdin, child.stdout, child.stderr):
            if stream:
                stream.close()
    Run(child.returncode, out, err.decode()).failed_in_one_line(status=130)
