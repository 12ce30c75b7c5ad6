"""Formats told by content, workbooks' sheets, and folders of mixed files read without silence."""

from __future__ import annotations

import io
import os
import shutil
import sys
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dod_model
from dod_model import DocumentError, examples
from dod_model._contracts import RawDocument
from dod_model._host import default_plugins
from dod_model.cli import main
from dod_model.importers import build_roadmap, list_documents, read_all
from dod_model.importers._detect import detect
from dod_model.importers._grid import Merge, sheet_blocks

from .comparison import without_positions

RENDITIONS = Path(__file__).parent / "data" / "renditions"
WORD = Path(str(examples.path("samara")))


@pytest.mark.parametrize("path", sorted(RENDITIONS.iterdir()), ids=lambda p: p.name)
def test_every_rendition_is_told_by_its_content(path):
    content = detect(path.read_bytes())
    assert content is not None
    assert content.suffix == path.suffix


def test_word_text_and_unknown_bytes_are_told_apart():
    assert detect(WORD.read_bytes()).suffix == ".docx"
    assert detect(examples.path("samara-text").read_bytes()) is None  # text: the suffix tells
    assert detect(b"<!DOCTYPE html><html><body></body></html>").suffix == ".html"
    assert detect(b"\xef\xbb\xbf  <!-- saved -->\n<HTML lang=ru>").suffix == ".html"
    assert detect(b"| a | b |\n|---|---|\n| <b>1</b> | 2 |\n") is None  # Markdown, not a page


def test_a_word_file_with_a_wrong_suffix_reads_as_what_it_is(tmp_path):
    for suffix in (".pdf", ".txt", ".xlsx", ""):
        renamed = tmp_path / f"plan{suffix}"
        shutil.copyfile(WORD, renamed)
        roadmap = dod_model.read(renamed)
        assert roadmap.source.format == "docx"
        assert without_positions(roadmap) == without_positions(dod_model.read(WORD))
    text = tmp_path / "plan.docx"
    shutil.copyfile(examples.path("samara-text"), text)
    assert dod_model.read(text).source.format == "text"


def _zip(parts: dict[str, str]) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for part, text in parts.items():
            package.writestr(part, text)
    return io.BytesIO(buffer.getvalue())


def _ole(*streams: str) -> io.BytesIO:
    """An OLE2 file's signature and, in its directory, the names of ``streams``."""
    names = b"".join(name.encode("utf-16-le").ljust(64, b"\0") for name in streams)
    return io.BytesIO(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + names)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (io.BytesIO(b""), "<stream>: an empty file; is it the roadmap, saved to the end?"),
        (io.BytesIO(b"\n \r\n"), "<stream>: a file of nothing but blank space"),
        (io.StringIO("text"), "<stream>: a text-mode file object: open the file with 'rb'"),
        (_zip({"ppt/presentation.xml": "<p/>"}), "<stream>: a PowerPoint presentation: save the "),
        (_zip({"a.txt": "x"}), "a zip without a Word main document"),
        (_ole("Root Entry", "EncryptedPackage"), "a password-protected Office document: remove"),
        (_ole("Root Entry", "PowerPoint Document"), "a PowerPoint presentation"),
        (_zip({"mimetype": "application/vnd.oasis.opendocument.presentation"}),
         "an OpenDocument presentation: save the roadmap's table as .odt or .ods"),
    ],
)  # fmt: skip
def test_a_refusal_names_what_the_content_is(source, message):
    with pytest.raises(DocumentError) as info:
        dod_model.read(source)
    assert message in str(info.value)


def test_a_named_format_is_used_whatever_the_content():
    with pytest.raises(DocumentError, match="not a readable Word file"):
        dod_model.read(io.BytesIO(examples.path("samara-text").read_bytes()), format="docx")
    with pytest.raises(DocumentError, match="no importer for format 'nope'"):
        dod_model.read(io.BytesIO(b"x"), format="nope")


# Sheets ------------------------------------------------------------------------------------


def _two_sheets() -> RawDocument:
    """A workbook whose first sheet is instructions, the roadmap on the second and a third."""
    roadmap = {
        (1, 1): "План мероприятий на 2024 год",
        (3, 1): "№",
        (3, 2): "Мероприятие",
        (3, 3): "Срок",
        (3, 4): "Ответственный",
        (4, 1): "1. Организационные мероприятия",
        (5, 1): "1.1",
        (5, 2): "Создание МОЦ",
        (5, 3): "Сентябрь 2024 года",
        (5, 4): "Управление образования",
        (6, 1): "1.2",
        (6, 2): "Открытие МОЦ",
        (6, 3): "Декабрь 2024 года",
    }
    blocks = [
        *sheet_blocks({(1, 1): "Как заполнять", (2, 1): "Столбцы: номер, срок"}, [],
                      sheet="Инструкция"),
        *sheet_blocks(roadmap, [Merge(4, 1, 4, 4), Merge(5, 4, 6, 4)], sheet="План"),
        *sheet_blocks({(1, 1): "№", (1, 2): "Мероприятие", (2, 1): "1", (2, 2): "Иное"}, [],
                      sheet="Архив"),
    ]  # fmt: skip
    return RawDocument(blocks=tuple(blocks), format="xlsx")


def test_the_roadmap_is_read_from_its_sheet_only():
    roadmap = build_roadmap(_two_sheets(), plugins=default_plugins())
    assert roadmap.title == "План мероприятий на 2024 год"
    assert [s.title for s in roadmap.sections] == ["Организационные мероприятия"]
    assert [a.title for a in roadmap.activities] == ["Создание МОЦ", "Открытие МОЦ"]
    # The responsible cell merged over two rows belongs to both.
    assert [[p.name for p in a.responsible] for a in roadmap.activities] == [
        ["Управление образования"],
        ["Управление образования"],
    ]
    assert "Как заполнять" not in " ".join(roadmap.notes)


def test_a_sheet_is_chosen_by_name_and_a_wrong_name_lists_the_sheets():
    raw = _two_sheets()
    assert raw.sheets == ("Инструкция", "План", "Архив")
    archive = build_roadmap(raw.on_sheet("Архив"), plugins=default_plugins())
    assert [a.title for a in archive.activities] == ["Иное"]
    with pytest.raises(KeyError):
        raw.on_sheet("Лист1")
    with pytest.raises(DocumentError, match=r"no roadmap table on any sheet \(Инструкция\)"):
        build_roadmap(raw.on_sheet("Инструкция"), plugins=default_plugins())


def test_sheet_of_a_document_without_sheets_is_refused():
    with pytest.raises(DocumentError, match="no sheet «План»: a docx document has no sheets"):
        dod_model.read(WORD, sheet="План")


_text = st.text(st.sampled_from("аб1 ."), min_size=1, max_size=3)


@st.composite
def _grids(draw: st.DrawFn) -> tuple[dict[tuple[int, int], str], list[Merge]]:
    rows, columns = draw(st.integers(1, 8)), draw(st.integers(1, 5))
    cells = draw(st.dictionaries(st.tuples(st.integers(1, rows), st.integers(1, columns)), _text))
    merges: list[Merge] = []
    taken: set[tuple[int, int]] = set()
    for _ in range(draw(st.integers(0, 3))):
        top, left = draw(st.integers(1, rows)), draw(st.integers(1, columns))
        bottom, right = draw(st.integers(top, rows)), draw(st.integers(left, columns))
        area = {(r, c) for r in range(top, bottom + 1) for c in range(left, right + 1)}
        if area & taken or len(area) == 1:
            continue
        taken |= area
        merges.append(Merge(top, left, bottom, right))
        for place in area - {(top, left)}:  # a program keeps only the range's first cell
            cells.pop(place, None)
    return cells, merges


@settings(max_examples=150, derandomize=True)
@given(_grids())
def test_a_sheet_grid_loses_no_text_and_invents_none(grid):
    cells, merges = grid
    blocks = sheet_blocks(cells, merges, sheet="Лист1")
    found: Counter[str] = Counter()
    for block in blocks:
        assert block.sheet == "Лист1"
        if isinstance(block, dod_model.importers.RawParagraph):
            found.update(block.text.split("\n"))
        else:
            found.update(
                c.text for r in block.rows for c in r.cells if c.text.strip() and not c.merged
            )
            for row in block.rows:
                assert [c.column for c in row.cells] == sorted({c.column for c in row.cells})
                assert max(c.column + c.span - 1 for c in row.cells) <= block.columns
    assert found == Counter(t for t in cells.values() if t.strip())


# Folders ------------------------------------------------------------------------------------


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A folder as users receive them: documents of every format, and what is no document."""
    folder = tmp_path / "received"
    folder.mkdir()
    shutil.copyfile(WORD, folder / "samara.docx")
    shutil.copyfile(examples.path("tambov"), folder / "TAMBOV.DOCX")
    shutil.copyfile(examples.path("samara-text"), folder / "samara.TXT")
    shutil.copyfile(examples.path("amur"), folder / "amur-no-suffix")
    (folder / "letter.txt").write_text("Письмо без таблицы", encoding="utf-8")
    (folder / "~$samara.docx").write_bytes(b"\x0bowner")
    (folder / ".~lock.samara.docx#").write_text("lock", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (folder / "old").mkdir()
    (folder / "gone.docx").symlink_to(folder / "nowhere.docx")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe")
    return folder


def test_a_folder_gives_every_file_and_names_what_it_skips(mixed):
    listing = list_documents([mixed])
    assert [p.name for p in listing.files] == [
        "TAMBOV.DOCX", "amur-no-suffix", "letter.txt", "samara.TXT", "samara.docx"
    ]  # fmt: skip
    reasons = {p.path.name: p.reason for p in listing.skipped}
    assert set(reasons) >= {".DS_Store", ".~lock.samara.docx#", "~$samara.docx", "old", "gone.docx"}
    assert "a link to nothing" in reasons["gone.docx"]
    assert "a folder inside the folder" in reasons["old"]
    assert "LibreOffice keeps beside an open document" in reasons[".~lock.samara.docx#"]
    assert "Word keeps beside an open document" in reasons["~$samara.docx"]
    if hasattr(os, "mkfifo"):
        assert "not a regular file" in reasons["pipe"]
    assert all(p.skipped and p.reason.startswith(str(p.path)) for p in listing.skipped)


def test_include_patterns_choose_among_a_folders_files(mixed):
    listing = list_documents([mixed], include=["*.docx"])
    assert [p.name for p in listing.files] == ["TAMBOV.DOCX", "samara.docx"]
    assert listing.left_out == 3
    assert [p.path.name for p in listing.skipped] == ["gone.docx", "~$samara.docx"]
    named = list_documents([mixed / "letter.txt"], include=["*.pdf"])
    assert [p.name for p in named.files] == ["letter.txt"]  # named files are always taken


def test_read_all_reads_what_it_can_and_says_why_not_the_rest(mixed):
    reading = read_all([mixed])
    assert not reading.ok
    assert sorted(r.source.name for r in reading.roadmaps) == [
        "TAMBOV.DOCX", "amur-no-suffix", "samara.TXT", "samara.docx"
    ]  # fmt: skip
    refused = [r for r in reading.refused if not r.skipped]
    assert [r.path.name for r in refused] == ["letter.txt"]
    assert refused[0].reason.startswith("letter.txt: no table")
    assert len(reading.refused) == 1 + len(list_documents([mixed]).skipped)


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_line_names_every_refused_and_skipped_file(capsys, mixed, tmp_path):
    code, _, err = _cli(capsys, "read", str(mixed), "-o", str(tmp_path / "out"), "--to", "csv")
    assert code == 2
    lines = err.splitlines()
    skipped = len(list_documents([mixed]).skipped)
    assert lines[0] == f"read 4, refused 1, skipped {skipped}; csv files in {tmp_path / 'out'}"
    assert lines[1].startswith(f"  refused {mixed / 'letter.txt'}: no table")
    assert any(line.startswith(f"  skipped {mixed / 'old'}: a folder inside") for line in lines)
    assert len(lines) == 2 + skipped
    code, _, err = _cli(capsys, "read", str(mixed), "--include", "*.DOCX", "-o",
                        str(tmp_path / "out2"))  # fmt: skip
    assert err.splitlines()[0].startswith("read 2, refused 0, skipped 2 (3 left out by --include)")
    assert code == 2
    clean = tmp_path / "clean"
    clean.mkdir()
    shutil.copyfile(WORD, clean / "a.docx")
    code, _, err = _cli(capsys, "read", str(clean), "-o", str(tmp_path / "out3"))
    assert code == 0, err


def test_validate_names_skipped_files_and_fails(capsys, mixed):
    code, out, err = _cli(capsys, "validate", str(mixed), "--include", "*samara*")
    assert code == 2
    assert f"skipped: {mixed / '~$samara.docx'}: the owner file Word keeps" in err
    assert out.count("samara") >= 2


def test_a_folder_of_nothing_readable_says_what_it_holds(capsys, tmp_path):
    folder = tmp_path / "only-locks"
    folder.mkdir()
    (folder / ".~lock.plan.docx#").write_text("x", encoding="utf-8")
    code, _, err = _cli(capsys, "read", str(folder), "-o", str(tmp_path / "out"))
    assert code == 2
    assert "the folder holds no file to read (1 skipped: " in err
    assert "lock file LibreOffice keeps" in err
    code, _, err = _cli(capsys, "read", str(folder), "--include", "*.pdf", "-o", str(tmp_path))
    assert "the folder holds no file matching *.pdf" in err


@pytest.mark.skipif(sys.platform == "win32", reason="file names with any bytes are POSIX's")
def test_a_folder_listing_names_files_printably(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"\xcf\xeb\xe0\xed.docx")).write_bytes(b"")
    reading = read_all([folder])
    assert (
        reading.refused[0].reason
        == "План.docx: an empty file; is it the roadmap, saved to the end?"
    )


def test_a_run_of_spaces_in_a_cell_reads_as_one_space_from_any_format():
    # A browser, a PDF's text and a Markdown page show a run of spaces as one; so does reading.
    text = (
        "№\tМероприятие\tСрок\n"
        "1\tПодбор  дополнительных   программ\tМай  2024 года\n"
        "2\tОткрытие\u00a0 МОЦ\tИюнь 2024 года\n"
    )
    roadmap = dod_model.read(io.BytesIO(text.encode()), format="text")
    titles = [a.title for a in roadmap.activities]
    assert titles == ["Подбор дополнительных программ", "Открытие МОЦ"]
    assert roadmap.activities[0].deadline.text == "Май 2024 года"
