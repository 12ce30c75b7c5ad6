"""Paths that are no regular file, files that never end, names that are not UTF-8."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

import dod_model
from dod_model import DocumentError, examples
from dod_model._base import display_name, read_bounded
from dod_model.registry import read_population, validate_registry

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
needs_dev_zero = pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "plan.txt"
    os.mkfifo(path)
    return path


@needs_fifo
def test_a_fifo_is_refused_not_waited_on(fifo: Path) -> None:
    # Opening a FIFO for reading blocks until a writer comes; nothing writes to this one.
    with pytest.raises(DocumentError, match=r"plan\.txt: a pipe \(FIFO\), not a file"):
        dod_model.read(fifo)


@needs_fifo
def test_registries_refuse_a_fifo(fifo: Path) -> None:
    registry = fifo.with_name("registry.csv")
    os.mkfifo(registry)
    with pytest.raises(DocumentError, match=r"registry\.csv: a pipe \(FIFO\)"):
        validate_registry(registry)
    with pytest.raises(DocumentError, match=r"registry\.csv: a pipe \(FIFO\)"):
        read_population(registry)


@needs_dev_zero
def test_an_endless_device_is_refused_by_kind() -> None:
    # stat() says 0 bytes; reading would never end.
    with pytest.raises(DocumentError, match=r"/dev/zero: a device, not a file"):
        dod_model.read("/dev/zero")
    with pytest.raises(DocumentError, match=r"zero: a device, not a population table"):
        read_population("/dev/zero")


def test_a_folder_is_refused_with_what_to_give(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match=r"a folder, not a file; give the path of a file"):
        dod_model.read(tmp_path)


def test_a_file_is_never_read_past_the_bound(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 101)
    assert read_bounded(path, 101) == b"x" * 101
    with pytest.raises(DocumentError, match=r"big\.txt: over the 100 bytes a file may have"):
        read_bounded(path, 100)


def test_a_stream_is_never_read_past_the_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    class Endless(io.RawIOBase):
        def __init__(self) -> None:
            self.asked: list[int] = []

        def readable(self) -> bool:
            return True

        def read(self, size: int = -1) -> bytes:
            self.asked.append(size)
            return b"x" * size

    monkeypatch.setattr("dod_model.importers._read.MAX_DOCUMENT_BYTES", 1000)
    stream = Endless()
    with pytest.raises(DocumentError, match="over the 1,000 bytes"):
        dod_model.read(stream)
    assert stream.asked == [1001]


@pytest.mark.skipif(sys.platform == "win32", reason="Windows names are Unicode")
def test_a_windows_1251_file_name_reads_as_cyrillic(tmp_path: Path) -> None:
    data = examples.path("samara-text").read_bytes()
    name = os.path.join(os.fsencode(tmp_path), "План.txt".encode("cp1251"))
    with open(name, "wb") as file:
        file.write(data)
    roadmap = dod_model.read(os.fsdecode(name))
    assert roadmap.source is not None
    assert roadmap.source.name == "План.txt"
    roadmap.source.name.encode("utf-8")  # no lone surrogates


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("План.txt".encode(), "План.txt"),
        ("План.txt".encode("cp1251"), "План.txt"),
        (b"\x98\x98.txt", "\ufffd\ufffd.txt"),  # neither UTF-8 nor Windows-1251
    ],
)
@pytest.mark.skipif(sys.platform == "win32", reason="Windows names are Unicode")
def test_display_names_are_always_encodable(raw: bytes, shown: str) -> None:
    name = display_name(os.fsdecode(raw))
    assert name == shown
    name.encode("utf-8")


@pytest.mark.skipif(sys.platform == "win32", reason="Windows names are Unicode")
def test_a_write_error_names_a_non_utf8_path_printably(tmp_path: Path) -> None:
    roadmap = examples.load("samara")
    target = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"\xcf\xeb\xe0\xed", b"out.json"))
    with pytest.raises(DocumentError, match=r"План/out\.json: cannot write the file") as caught:
        dod_model.write(roadmap, target)
    str(caught.value).encode("utf-8")
