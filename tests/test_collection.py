"""Many roadmaps at once: a folder, a glob or a list read into a collection, and one table."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from dod_model import examples
from dod_model.analysis import ROADMAP_COLUMNS, Collection, read_collection
from dod_model.cli import main
from dod_model.importers import read_many

from .conftest import SEED_FILES, SEEDS

SOURCE_HEADER = [
    "file",
    "region",
    "municipality",
    "roadmap_title",
    "roadmap_kind",
    "period_start",
    "period_end",
]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder as analysts keep one: Word and text roadmaps, a note that is no roadmap, a lock."""
    folder = tmp_path_factory.mktemp("mixed")
    shutil.copyfile(SEEDS / "tambov-target-model-roadmap-2020-2024.docx", folder / "a-tambov.docx")
    shutil.copyfile(SEEDS / "samara-oc-roadmap-2019.txt", folder / "b-samara.txt")
    (folder / "c-notes.txt").write_text("Заметки к совещанию: без таблицы.\n", encoding="utf-8")
    shutil.copyfile(SEEDS / "amur-rmc-first-steps-plan.docx", folder / "d-amur")  # no suffix
    (folder / "~$a-tambov.docx").write_bytes(b"\x00" * 162)  # Word's owner file
    return folder


def test_a_folder_of_mixed_files_in_order_with_every_refusal(mixed):
    collection = read_collection(mixed, jobs=1)
    assert [path.name for path, _ in collection.items()] == ["a-tambov.docx", "b-samara.txt",
                                                              "d-amur"]  # fmt: skip
    assert [r.region for r in collection] == ["RU-TAM", "RU-SAM", "RU-AMU"]
    assert len(collection) == 3
    assert not collection.ok
    reasons = {path.name: (reason, skipped) for path, reason, skipped in (
        (r.path, r.reason, r.skipped) for r in collection.refused)}  # fmt: skip
    assert set(reasons) == {"c-notes.txt", "~$a-tambov.docx"}
    assert reasons["c-notes.txt"][0].startswith("c-notes.txt: ")
    assert "owner file Word keeps" in reasons["~$a-tambov.docx"][0]
    assert reasons["~$a-tambov.docx"][1]


def test_two_processes_read_what_one_does_in_the_order_given(mixed):
    # Each file three times over: chunks of one file each across the two processes.
    paths = [mixed / "d-amur", mixed / "c-notes.txt", mixed / "a-tambov.docx"] * 3
    two = read_many(paths, jobs=2)
    assert two == read_many(paths, jobs=1)
    assert [type(item).__name__ for item in two] == ["Roadmap", "Refusal", "Roadmap"] * 3
    assert [getattr(item, "region", None) for item in two[:3]] == ["RU-AMU", None, "RU-TAM"]


def test_a_glob_and_a_list(tmp_path):
    pattern = str(SEEDS / "*.txt")
    seeds = read_collection(pattern, jobs=1)
    assert [path.name for path in seeds.files] == [path.name for path in SEED_FILES]
    listed = read_collection([SEED_FILES[1], SEED_FILES[0]], jobs=1)
    assert [r.region for r in listed] == ["RU-SAM", "RU-AMU"]
    nothing = read_collection(str(tmp_path / "*.docx"), jobs=1)
    assert len(nothing) == 0
    (refusal,) = nothing.refused
    assert "no file matches the pattern" in refusal.reason


def test_the_roadmap_columns_of_a_collection():
    seeds = read_collection(str(SEEDS / "*.txt"), jobs=1)
    rows = list(seeds.columns())
    assert list(rows[0]) == list(ROADMAP_COLUMNS) == SOURCE_HEADER
    samara = rows[1]
    assert samara["file"].endswith("samara-oc-roadmap-2019.txt")
    assert (samara["region"], samara["roadmap_kind"]) == ("RU-SAM", "centre-creation-roadmap")
    assert (str(samara["period_start"]), str(samara["period_end"])) == ("2019-06-01", "2019-12-31")
    assert rows[4]["municipality"]  # Ulyanovsk: a municipality's roadmap


def test_a_collection_of_roadmaps_at_hand_and_its_invariant():
    roadmaps = [examples.load("samara"), examples.load("tambov")]
    at_hand = Collection.of(roadmaps)
    assert [path.name for path, _ in at_hand.items()] == [
        "samara-oc-roadmap-2019.docx", "tambov-target-model-roadmap-2020-2024.docx"]  # fmt: skip
    with pytest.raises(ValueError, match="1 files for 2 roadmaps"):
        Collection(roadmaps=tuple(roadmaps), files=(Path("a.docx"),))


def test_jobs_must_be_a_number_of_processes(mixed):
    for jobs in (0, -1, True):
        with pytest.raises(ValueError, match="not a number of processes"):
            read_collection(mixed, jobs=jobs)


# --- the command line ------------------------------------------------------------------------


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _table(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the Cyrillic right
    return list(csv.reader(raw.decode("utf-8-sig").splitlines()))


def test_status_of_several_files_as_one_table(capsys, tmp_path):
    out = tmp_path / "status.csv"
    code, _, err = run(capsys, "status", *SEED_FILES, "--on", "2020-06-01", "-j", "1", "-o", out)
    assert code == 0, err
    header, *rows = _table(out)
    assert header == [*SOURCE_HEADER, "section", "number", "title", "deadline", "status", "when",
                      "next_due", "last_due", "opens", "responsible"]  # fmt: skip
    assert len(rows) == 89  # every activity of the five seeds
    files = {Path(row[0]).name for row in rows}
    assert files == {path.name for path in SEED_FILES}
    municipalities = {row[2] for row in rows if row[2]}
    assert municipalities  # the column a spreadsheet filters by
    assert {row[11] for row in rows} <= {"overdue", "due", "upcoming", "later", "done", "unknown"}


def test_status_of_several_files_as_one_excel_sheet(capsys, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "status.xlsx"
    code, _, err = run(capsys, "status", *SEED_FILES, "--on", "15.01.2020", "-j", "1", "-o", out)
    assert code == 0, err
    sheet = openpyxl.load_workbook(out).active
    header, *rows = sheet.iter_rows(values_only=True)
    assert list(header[: len(SOURCE_HEADER)]) == SOURCE_HEADER
    assert len(rows) == 89
    assert sheet.freeze_panes == "A2"  # the header stays as the analyst scrolls
    assert sheet.auto_filter.ref is not None  # and filters by municipality
    statuses = {row[header.index("status")] for row in rows}
    assert "done" not in statuses  # nothing says any activity is done


def test_status_of_several_files_as_text_and_json(capsys):
    code, out, _ = run(capsys, "status", SEED_FILES[1], SEED_FILES[3], "--on", "2020-06-01")
    assert code == 0
    assert out.count("== ") == 2
    assert "samara-oc-roadmap-2019.txt" in out.splitlines()[0]
    code, out, _ = run(capsys, "status", SEED_FILES[1], SEED_FILES[3], "--json", "-j", "1")
    data = json.loads(out)
    assert [Path(item["file"]).name for item in data] == [SEED_FILES[1].name, SEED_FILES[3].name]


def test_single_file_outputs_are_as_they_were(capsys):
    code, out, _ = run(capsys, "status", SEED_FILES[1], "--on", "2020-06-01")
    assert code == 0
    assert not out.startswith("== ")
    code, out, _ = run(capsys, "summary", SEED_FILES[1])
    assert (code, out.startswith("== ")) == (0, False)


def test_summary_of_a_folder_as_one_table(capsys, tmp_path, mixed):
    out = tmp_path / "summary.csv"
    code, _, err = run(capsys, "summary", mixed, "--to", "csv", "-o", out)
    assert code == 2  # a file was refused, one skipped: said, and the rest summarised
    assert "error: " in err
    assert "c-notes.txt" in err
    assert "skipped: " in err
    header, *rows = _table(out)
    assert header == [*SOURCE_HEADER, "approval", "sections", "activities", "first_due",
                      "last_due", "responsible"]  # fmt: skip
    assert [Path(row[0]).name for row in rows] == ["a-tambov.docx", "b-samara.txt", "d-amur"]
    assert [row[9] for row in rows] == ["29", "15", "14"]


def test_validate_of_several_files_as_one_table(capsys, tmp_path):
    out = tmp_path / "findings.csv"
    code, _, err = run(capsys, "validate", *SEED_FILES, "-o", out)
    assert code in (0, 1), err
    header, *rows = _table(out)
    assert header == [*SOURCE_HEADER, "severity", "code", "message", "path"]
    assert {Path(row[0]).name for row in rows} == {path.name for path in SEED_FILES}
    assert all(row[8].partition("/")[0] for row in rows if row[7])


def test_read_several_files_to_one_csv(capsys, tmp_path):
    out = tmp_path / "all.csv"
    code, _, err = run(capsys, "read", *SEED_FILES, "--to", "csv", "-o", out, "-j", "2")
    assert code == 0, err
    assert "read 5, refused 0; one csv table, 89 rows" in err
    header, *rows = _table(out)
    assert header[:7] == SOURCE_HEADER
    assert header[7:10] == ["section", "section_title", "number"]
    assert len(rows) == 89
    tambov = [row for row in rows if row[1] == "RU-TAM"]
    assert len(tambov) == 29
    assert {row[4] for row in tambov} == {"target-model-roadmap"}
    assert {row[5:7] == ["2020-01-01", "2024-12-31"] for row in tambov} == {True}


def test_read_several_to_a_format_with_no_table_writer(capsys, tmp_path):
    code, _, err = run(capsys, "read", *SEED_FILES[:2], "--to", "md", "-o", tmp_path / "all.md")
    assert code == 2
    assert "several documents go in one table as csv" in err


def test_jobs_on_the_command_line(capsys):
    with pytest.raises(SystemExit) as info:
        main(["validate", str(SEED_FILES[0]), "-j", "0"])
    assert info.value.code == 2
    assert "-j/--jobs: not a number of processes (1 or more): '0'" in capsys.readouterr().err
