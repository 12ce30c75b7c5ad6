"""Reading Word 97 (``.doc``) and RTF files through LibreOffice.

The renditions of the bundled Word roadmaps (``tests/data/renditions``, made by LibreOffice)
read to the roadmaps of the Word files; an RTF written by hand and a ``.doc`` as Word keeps it
(``tests/data/legacy``) read too. What LibreOffice cannot be asked to read (encrypted files,
workbooks, damaged directories) is refused before it runs; a LibreOffice that is missing,
fails or hangs gives a :class:`DocumentError` that says what to do. CI installs LibreOffice
(``.ci/run``); without it the tests that need it are skipped, saying so.
"""

from __future__ import annotations

import contextlib
import io
import os
import struct
import sys
import textwrap
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dod_model
from dod_model import DocumentError
from dod_model._base import budgets
from dod_model.importers import DocImporter, RtfImporter
from dod_model.importers._soffice import find_soffice
from dod_model.plugins import get_plugin_manager

from .comparison import without_positions

PLUGINS = get_plugin_manager(entry_points=False)
DATA = Path(__file__).parent / "data"
RENDITIONS = DATA / "renditions"
LEGACY = DATA / "legacy"
DOCUMENTS = Path(__file__).resolve().parents[1] / "src/dod_model/examples/data/documents"
STEMS = sorted(p.stem for p in DOCUMENTS.glob("*.docx"))
SIGNATURE = "Начальник управления образования И.О. Фамилия"
TWICE = "samara-oc-roadmap-2019.rtf"  # read twice at once, to show conversions do not collide

needs_soffice = pytest.mark.skipif(
    find_soffice() is None,
    reason="LibreOffice (soffice) is not installed: .doc and .rtf cannot be converted here",
)
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="the fake soffice is a sh script")


def _read(path: Path) -> dod_model.Roadmap:
    return dod_model.read(path, plugins=PLUGINS)


@pytest.fixture(scope="session")
def converted() -> dict[str, list[dod_model.Roadmap]]:
    """Every rendition and legacy file read once, four conversions running at a time."""
    if find_soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    paths = [RENDITIONS / f"{stem}{suffix}" for stem in STEMS for suffix in (".doc", ".rtf")]
    paths += [RENDITIONS / TWICE, *sorted(LEGACY.glob("*.doc")), *sorted(LEGACY.glob("*.rtf"))]
    with ThreadPoolExecutor(4) as pool:
        roadmaps = list(pool.map(_read, paths))
    found: dict[str, list[dod_model.Roadmap]] = {}
    for path, roadmap in zip(paths, roadmaps, strict=True):
        found.setdefault(f"{path.parent.name}/{path.name}", []).append(roadmap)
    return found


@pytest.fixture(scope="module")
def word() -> dict[str, dod_model.Roadmap]:
    return {stem: _read(DOCUMENTS / f"{stem}.docx") for stem in STEMS}


# --- the renditions ------------------------------------------------------------------------


@needs_soffice
@pytest.mark.parametrize("stem", STEMS)
def test_rtf_rendition_reads_to_the_roadmap_of_the_word_file(converted, word, stem):
    roadmap = converted[f"renditions/{stem}.rtf"][0]
    assert without_positions(roadmap) == without_positions(word[stem])
    assert roadmap.source.format == "rtf"
    assert roadmap.source.name == f"{stem}.rtf"


@needs_soffice
@pytest.mark.parametrize("stem", STEMS)
def test_doc_rendition_reads_to_the_roadmap_of_the_word_file(converted, word, stem):
    (roadmap,) = converted[f"renditions/{stem}.doc"]
    assert without_positions(roadmap) == without_positions(word[stem])
    assert roadmap.source.format == "doc"


@needs_soffice
def test_doc_with_a_paragraph_after_its_last_table_reads_whole(converted, word):
    (roadmap,) = converted["legacy/amur-rmc-first-steps-plan.doc"]
    assert without_positions(roadmap) == without_positions(word["amur-rmc-first-steps-plan"])


@needs_soffice
def test_parallel_conversions_do_not_collide(converted):
    first, second = converted[f"renditions/{TWICE}"]
    assert first == second


@needs_soffice
def test_page_numbers_laid_out_by_libreoffice_are_not_read(converted):
    """The Word files hold PAGE fields in cells; LibreOffice fills in the page it lays out."""
    for stem in STEMS:
        for suffix in (".doc", ".rtf"):
            text = dod_model.dumps(converted[f"renditions/{stem}{suffix}"][0])
            assert "PAGE" not in text
    samara = converted["renditions/samara-oc-roadmap-2019.rtf"][0]
    assert samara.activities[0].deadline.text == "Июнь-июль 2019"


# --- files written otherwise ---------------------------------------------------------------


@needs_soffice
def test_hand_written_rtf_reads_as_a_roadmap(converted):
    (roadmap,) = converted["legacy/ulyanovsk-sengiley-moc-plan-2021.rtf"]
    assert roadmap.region == "RU-ULY"
    assert roadmap.title.startswith("ДОРОЖНАЯ КАРТА по созданию муниципального опорного центра")
    assert [(s.number, s.title) for s in roadmap.sections] == [
        ("1", "Организационные мероприятия"), ("2", "Информационное сопровождение"),
    ]  # fmt: skip
    first, second, third = roadmap.activities
    assert first.title == "Создание муниципального опорного центра (далее – МОЦ)"  # \u escapes
    assert second.title.endswith("на «учебный» год")
    assert [p.name for p in first.responsible] == [
        "Управление образования", "Отдел дополнительного образования",
    ]  # fmt: skip
    assert second.responsible == first.responsible  # \clvmgf / \clvmrg: merged down
    assert str(second.deadline.end) == "2021-03-01"
    assert third.deadline.recurrence is not None
    assert roadmap.notes[-1] == SIGNATURE


# --- what is refused before LibreOffice runs -------------------------------------------------


@pytest.fixture
def no_soffice(monkeypatch, tmp_path):
    """LibreOffice pointed at a program that is not there."""
    monkeypatch.setenv("DOD_MODEL_SOFFICE", str(tmp_path / "no-such-soffice"))


def _entry(data: bytes, name: str) -> int:
    """Where the directory entry ``name`` of a compound file is."""
    at = data.find((name + "\0").encode("utf-16-le"))
    assert at > 0
    assert at % 128 == 0
    return at


def _fib_flags(data: bytes) -> int:
    """Where the flags of a .doc's Word header (FIB) are: 10 bytes into its WordDocument."""
    start = struct.unpack_from("<I", data, _entry(data, "WordDocument") + 0x74)[0]
    at = (start + 1) * 512
    assert struct.unpack_from("<H", data, at)[0] == 0xA5EC
    return at + 10


def _directory_loop(data: bytes) -> bytes:
    """The compound file with its directory's first sector chained to itself."""
    first = struct.unpack_from("<I", data, 0x30)[0]
    fat = struct.unpack_from("<I", data, 0x4C)[0]
    at = (fat + 1) * 512 + 4 * first
    return data[:at] + struct.pack("<I", first) + data[at + 4 :]


def test_without_libreoffice_a_doc_says_what_it_is_and_the_ways_out(no_soffice):
    with pytest.raises(DocumentError) as caught:
        dod_model.read(RENDITIONS / "amur-rmc-first-steps-plan.doc", plugins=PLUGINS)
    message = str(caught.value)
    assert message.startswith("amur-rmc-first-steps-plan.doc: a Word 97 document (.doc)")
    assert "DOD_MODEL_SOFFICE=" in message
    assert "apt-get install libreoffice-writer-nogui" in message
    assert "libreoffice.org" in message
    assert "save it as .docx" in message


def test_without_libreoffice_on_path_an_rtf_says_so(monkeypatch, tmp_path):
    monkeypatch.delenv("DOD_MODEL_SOFFICE", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(DocumentError, match=r"an RTF document.*not installed.*save it as \.docx"):
        dod_model.read(RENDITIONS / "amur-rmc-first-steps-plan.rtf", plugins=PLUGINS)


def test_a_password_protected_doc_is_refused_without_libreoffice(no_soffice):
    data = bytearray((RENDITIONS / "amur-rmc-first-steps-plan.doc").read_bytes())
    at = _fib_flags(data)
    data[at : at + 2] = struct.pack("<H", struct.unpack_from("<H", data, at)[0] | 0x0100)
    with pytest.raises(DocumentError, match="a password-protected Word document"):
        dod_model.read(io.BytesIO(bytes(data)), plugins=PLUGINS, format="doc")


def _renamed(data: bytes, old: str, new: str) -> bytes:
    """The compound file with a directory entry renamed (its name and its length)."""
    at = _entry(data, old)
    name = (new + "\0").encode("utf-16-le")
    out = bytearray(data)
    out[at : at + 64] = name.ljust(64, b"\0")
    out[at + 64 : at + 66] = struct.pack("<H", len(name))
    return bytes(out)


@pytest.mark.parametrize(
    ("source", "old", "new", "found"),
    [
        ("amur-rmc-first-steps-plan.doc", "WordDocument", "EncryptedPackage",
         "a password-protected Word/Excel file: remove the password and save it again"),
        ("amur-rmc-first-steps-plan.xls", "Workbook", "Workbook", "an Excel 97-2003 workbook"),
        ("amur-rmc-first-steps-plan.xls", "Workbook", "PowerPoint Document", "a PowerPoint"),
        ("amur-rmc-first-steps-plan.doc", "WordDocument", "Contents", "holding no Word document"),
    ],
)  # fmt: skip
def test_other_office_files_are_refused_by_name(no_soffice, source, old, new, found):
    data = _renamed((RENDITIONS / source).read_bytes(), old, new)
    with pytest.raises(DocumentError, match=found):
        DocImporter().read(data, name=source)


def test_sniffing_claims_only_its_own_files():
    doc, rtf = DocImporter(), RtfImporter()
    for path in sorted(RENDITIONS.iterdir()):
        head = path.read_bytes()[:8192]
        assert doc.sniff(head) == (path.suffix in (".doc", ".xls")), path.name
        assert rtf.sniff(head) == (path.suffix == ".rtf"), path.name
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1016)
    assert not doc.sniff(ole + "Workbook\0".encode("utf-16-le"))  # a workbook shows its name
    assert not doc.sniff(ole + "Book\0".encode("utf-16-le"))  # Excel 5/95
    assert doc.sniff(ole + "WordDocument\0".encode("utf-16-le"))
    assert rtf.sniff(b"\xef\xbb\xbf\r\n{\\rtf1\\ansi}")
    assert not rtf.sniff(b"{\\rt")
    assert not rtf.sniff(b"text {\\rtf1}")


def test_forced_formats_refuse_what_is_not_theirs(no_soffice):
    with pytest.raises(DocumentError, match="not a Word 97 document"):
        DocImporter().read(b"{\\rtf1}", name="x.doc")
    with pytest.raises(DocumentError, match="not an RTF document"):
        RtfImporter().read(b"\xd0\xcf\x11\xe0", name="x.rtf")


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d[:700],  # cut short
        lambda d: d[:0x1E] + b"\x10\x00" + d[0x20:],  # a sector size of 2^16
        lambda d: d[:0x30] + struct.pack("<I", 10**6) + d[0x34:],  # directory past the end
        _directory_loop,
    ],
)
def test_damaged_compound_files_are_refused_without_libreoffice(no_soffice, damage):
    data = damage((RENDITIONS / "amur-rmc-first-steps-plan.doc").read_bytes())
    with pytest.raises(DocumentError) as caught:
        DocImporter().read(data, name="d.doc")
    assert "a damaged Office 97-2003 file" in str(caught.value)


@settings(max_examples=150, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(st.data())
def test_mutated_compound_files_give_only_document_errors_before_libreoffice(no_soffice, data):
    original = (RENDITIONS / "samara-oc-roadmap-2019.doc").read_bytes()
    mutated = bytearray(original)
    for _ in range(data.draw(st.integers(1, 8))):
        near = st.integers(0, min(len(mutated), 2048) - 1)  # the header and directory
        at = data.draw(near | st.integers(0, len(mutated) - 1))
        mutated[at] = data.draw(st.integers(0, 255))
    cut = data.draw(st.sampled_from([len(mutated), len(mutated) // 2, 1024, 600]))
    with contextlib.suppress(DocumentError):
        DocImporter().read(bytes(mutated[:cut]), name="m.doc")


# --- LibreOffice that fails, hangs or makes too much ---------------------------------------


def _fake_soffice(tmp_path: Path, monkeypatch, body: str) -> Path:
    """A program standing in for soffice: ``body`` runs with ``$OUT``, the --outdir given."""
    script = tmp_path / "soffice"
    script.write_text(textwrap.dedent(f"""\
        #!/bin/sh
        OUT=""
        while [ $# -gt 0 ]; do
            if [ "$1" = "--outdir" ]; then OUT="$2"; fi
            shift
        done
        {textwrap.indent(textwrap.dedent(body), "        ").strip()}
        """))  # fmt: skip
    script.chmod(0o755)
    monkeypatch.setenv("DOD_MODEL_SOFFICE", str(script))
    return script


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return True
    except OSError:  # no /proc: ask the process
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        return False
    return state in ("Z", "X")  # a zombie waiting for its reaper runs no more


@posix_only
def test_a_hanging_libreoffice_is_killed_with_its_children(tmp_path, monkeypatch):
    pids = tmp_path / "pids"
    _fake_soffice(tmp_path, monkeypatch, f"""\
        sleep 60 &
        echo $$ $! > {pids}
        wait
        """)  # fmt: skip
    monkeypatch.setenv("DOD_MODEL_SOFFICE_TIMEOUT", "1")
    started = time.monotonic()
    with pytest.raises(DocumentError, match=r"killed after 1 s") as caught:
        dod_model.read(RENDITIONS / "amur-rmc-first-steps-plan.rtf", plugins=PLUGINS)
    assert time.monotonic() - started < 10
    assert str(caught.value).startswith("amur-rmc-first-steps-plan.rtf: LibreOffice")
    shell, child = map(int, pids.read_text().split())
    deadline = time.monotonic() + 5
    while not (_gone(shell) and _gone(child)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(shell)
    assert _gone(child)


@posix_only
def test_a_failing_libreoffice_is_quoted(tmp_path, monkeypatch):
    _fake_soffice(tmp_path, monkeypatch, """\
        echo "Error: source file could not be loaded" >&2
        exit 81
        """)  # fmt: skip
    with pytest.raises(DocumentError) as caught:
        RtfImporter().read((LEGACY / "ulyanovsk-sengiley-moc-plan-2021.rtf").read_bytes(),
                           name="plan.rtf")  # fmt: skip
    message = str(caught.value)
    assert message.startswith("plan.rtf: LibreOffice could not convert an RTF document")
    assert "exited with code 81" in message
    assert "source file could not be loaded" in message


@posix_only
def test_libreoffice_that_makes_nothing_is_reported(tmp_path, monkeypatch):
    _fake_soffice(tmp_path, monkeypatch, "exit 0")
    with pytest.raises(DocumentError, match=r"made no \.docx.*LibreOffice said nothing"):
        RtfImporter().read(b"{\\rtf1 x}", name="plan.rtf")


@posix_only
def test_a_converted_file_over_the_budget_is_refused(tmp_path, monkeypatch):
    _fake_soffice(tmp_path, monkeypatch, """\
        head -c 5000 /dev/zero > "$OUT/document.docx"
        """)  # fmt: skip
    monkeypatch.setattr(budgets, "DOCUMENT_BYTES", 4096)
    with pytest.raises(DocumentError, match=r"a \.docx of 5,000 bytes, over the 4,096"):
        RtfImporter().read(b"{\\rtf1 x}", name="plan.rtf")


@posix_only
def test_what_libreoffice_makes_is_read_as_a_word_file(tmp_path, monkeypatch):
    _fake_soffice(tmp_path, monkeypatch, """\
        echo not a zip > "$OUT/document.docx"
        """)  # fmt: skip
    with pytest.raises(DocumentError, match=r"in the \.docx LibreOffice converted an RTF"):
        RtfImporter().read(b"{\\rtf1 x}", name="plan.rtf")


@pytest.mark.parametrize("value", ["soon", "0", "-5", "nan", "inf"])
def test_a_timeout_that_is_no_number_of_seconds_is_refused(monkeypatch, value):
    monkeypatch.setenv("DOD_MODEL_SOFFICE", sys.executable)
    monkeypatch.setenv("DOD_MODEL_SOFFICE_TIMEOUT", value)
    with pytest.raises(DocumentError, match="DOD_MODEL_SOFFICE_TIMEOUT="):
        RtfImporter().read(b"{\\rtf1 x}", name="plan.rtf")


# --- mutated files through LibreOffice -------------------------------------------------------


@needs_soffice
@settings(max_examples=5, derandomize=True, deadline=None)
@given(st.data())
def test_mutated_doc_and_rtf_files_give_only_document_errors(data):
    stem = "ulyanovsk-cherdakly-moc-roadmap-2019"
    path = data.draw(st.sampled_from([RENDITIONS / f"{stem}.rtf", RENDITIONS / f"{stem}.doc"]))
    mutated = bytearray(path.read_bytes())
    for _ in range(data.draw(st.integers(1, 20))):
        at = data.draw(st.integers(0, len(mutated) - 1))
        mutated[at] = data.draw(st.integers(0, 255))
    cut = data.draw(st.sampled_from([len(mutated), len(mutated) * 3 // 4]))
    try:
        dod_model.read(io.BytesIO(bytes(mutated[:cut])), plugins=PLUGINS)
    except DocumentError as exc:
        assert "please report" not in str(exc)
