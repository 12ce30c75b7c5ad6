"""``dod_model.write``: where the bytes go, and what the file looks like afterwards."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

import dod_model
from dod_model import DocumentError, examples

ROADMAP = examples.load("ulyanovsk-cherdakly-2019")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_permissions_the_umask_leaves(tmp_path):
    old = os.umask(0o022)
    try:
        dod_model.write(ROADMAP, tmp_path / "plan.csv")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "plan.csv") == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["plan.csv"]  # no temporary file left


def test_a_replaced_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "plan.json"
    target.write_text("old")
    target.chmod(0o640)
    dod_model.write(ROADMAP, target)
    assert _mode(target) == 0o640
    assert dod_model.loads(target.read_text("utf-8"), cls=dod_model.Roadmap) == ROADMAP


def test_a_symbolic_link_is_followed_and_stays_a_link(tmp_path):
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    dod_model.write(ROADMAP, link)
    assert link.is_symlink()
    assert dod_model.loads(real.read_text("utf-8"), cls=dod_model.Roadmap) == ROADMAP


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_is_written_to_not_replaced(tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    dod_model.write(ROADMAP, pipe, format="csv")
    reader.join(timeout=10)
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert received[0].startswith(b"\xef\xbb\xbfsection,")


def test_a_missing_folder_is_named_in_the_error(tmp_path):
    with pytest.raises(DocumentError, match=r"absent/plan\.csv: cannot write the file"):
        dod_model.write(ROADMAP, tmp_path / "absent" / "plan.csv")
