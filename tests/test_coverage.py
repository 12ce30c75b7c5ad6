"""Target-model coverage: every seed activity with the measures it plans, written out by hand."""

from __future__ import annotations

import csv
import io

import attrs
import openpyxl
import pytest

import dod_model
from dod_model import examples
from dod_model.analysis import MEASURES, coverage, coverage_matrix, measures_of
from dod_model.cli import main
from dod_model.codec import to_data

SEEDS = ("samara", "tambov", "ulyanovsk", "amur", "sverdlovsk")

# Read from the seeds' titles by a person, not by the matcher.
EXPECTED: dict[tuple[str, str], set[str]] = {
    ("samara", "1"): {"creation", "moc"},
    ("samara", "2"): {"creation"},  # штатное расписание ОЦ
    ("samara", "3"): {"plan"},  # «согласование с … РМЦ плана работы»: no agreement with the РМЦ
    ("samara", "4"): {"partners"},
    ("samara", "5"): {"media"},
    ("samara", "6"): {"web"},  # «Создание интернет-страницы ОЦ»: a web page, not a centre
    ("samara", "7"): {"programme-inventory"},  # of programmes, not of infrastructure
    ("samara", "8"): set(),
    ("samara", "9"): {"certificates"},
    ("samara", "10"): {"navigator"},
    ("samara", "11"): {"programmes"},
    ("samara", "12"): {"infrastructure-inventory"},
    ("samara", "13"): {"practices"},
    ("samara", "14"): {"contests", "access"},
    ("samara", "15"): {"report"},
    ("tambov", "1.1"): {"programme-inventory"},  # «анализ реализуемых … программ»
    ("tambov", "1.2"): {"navigator"},
    ("tambov", "1.3"): set(),
    ("tambov", "1.4"): {"programmes", "access"},  # разноуровневые, …, адаптированные
    ("tambov", "1.5"): {"programmes"},
    ("tambov", "1.6"): {"programmes"},  # «мобильное» образование
    ("tambov", "1.7"): {"practices"},
    ("tambov", "1.8"): set(),
    ("tambov", "1.9"): set(),
    ("tambov", "1.10"): {"quality"},
    ("tambov", "2.1"): set(),
    ("tambov", "2.2"): {"moc"},
    ("tambov", "2.3"): {"monitoring"},
    ("tambov", "2.4"): {"media"},
    ("tambov", "3.1"): {"certificates"},
    ("tambov", "3.2"): {"certificates"},
    ("tambov", "3.3"): {"navigator"},
    ("tambov", "3.4"): {"navigator"},
    ("tambov", "3.5"): {"certificates"},
    ("tambov", "3.6"): {"navigator"},
    ("tambov", "3.7"): {"certificates"},
    ("tambov", "3.8"): {"media", "certificates"},
    ("tambov", "4.1"): {"training"},  # стажировки
    ("tambov", "4.2"): {"contests"},
    ("tambov", "4.3"): {"training"},  # наставничество
    ("tambov", "4.4"): {"training"},  # эффективный контракт
    ("tambov", "5.1"): {"infrastructure-inventory"},
    ("tambov", "5.2"): set(),
    ("tambov", "5.3"): {"infrastructure-inventory"},
    ("ulyanovsk", "1"): {"creation", "head", "moc"},
    ("ulyanovsk", "2"): {"plan"},
    ("ulyanovsk", "3"): {"web"},  # «Размещение информации о создании … МОЦ»
    ("ulyanovsk", "4"): {"rmc-agreement"},
    ("ulyanovsk", "5"): {"partners"},
    ("ulyanovsk", "6"): {"partners"},
    ("ulyanovsk", "7"): {"media"},
    ("ulyanovsk", "8"): {"navigator"},
    ("ulyanovsk", "9"): {"web"},
    ("ulyanovsk", "10"): {"training"},  # the head trained, not appointed
    ("ulyanovsk", "11"): {"practices"},
    ("ulyanovsk", "12"): {"contests"},
    ("ulyanovsk", "13"): {"contests"},
    ("ulyanovsk", "14"): {"contests"},
    ("ulyanovsk", "15"): set(),  # an agreement with schools, not with the РМЦ
    ("ulyanovsk", "16"): {"report"},
    ("amur", "1"): {"creation", "head", "web", "rmc"},
    ("amur", "2"): {"plan"},
    ("amur", "3"): {"partners"},
    ("amur", "4"): {"partners"},
    ("amur", "5"): {"web"},  # a portal showing assessments and contests plans neither
    ("amur", "6"): {"media"},
    ("amur", "7"): {"exchanges"},
    ("amur", "8"): {"training"},
    ("amur", "9"): {"contests"},
    ("amur", "10"): {"programmes", "access"},
    ("amur", "11"): {"training"},  # дополнительные профессиональные программы
    ("amur", "12"): {"navigator"},
    ("amur", "13"): {"quality"},
    ("amur", "14"): {"report"},
    ("sverdlovsk", "1"): {"creation", "moc"},
    ("sverdlovsk", "2"): {"creation", "moc"},
    ("sverdlovsk", "3"): {"rmc-agreement", "coordination"},
    ("sverdlovsk", "4"): {"infrastructure-inventory", "moc", "coordination"},
    ("sverdlovsk", "5"): {"coordination"},
    ("sverdlovsk", "6"): {"web"},
    ("sverdlovsk", "7"): {
        "infrastructure-inventory"
    },  # «инвентаризация дополнительного образования»
    ("sverdlovsk", "8"): {"infrastructure-inventory"},
    ("sverdlovsk", "9"): {"infrastructure-inventory"},
    ("sverdlovsk", "10"): {"training"},
    ("sverdlovsk", "11"): {"programmes"},
    ("sverdlovsk", "12"): {"access"},
    ("sverdlovsk", "13"): {"programmes"},
    ("sverdlovsk", "14"): set(),
    ("sverdlovsk", "15"): {"quality"},
}


@pytest.fixture(scope="module")
def seeds():
    return {name: examples.load(name) for name in SEEDS}


def test_every_seed_activity_is_written_out(seeds):
    listed = {(n, a.number) for n, rm in seeds.items() for a in rm.iter_activities()}
    assert listed == set(EXPECTED)
    assert len(EXPECTED) == 89


@pytest.mark.parametrize(("seed", "number"), sorted(EXPECTED))
def test_each_seed_activity_plans_the_measures_a_reader_sees(seeds, seed, number):
    (activity,) = [a for a in seeds[seed].iter_activities() if a.number == number]
    assert {m.key for m in measures_of(activity)} == EXPECTED[seed, number]


def test_an_inventory_of_programmes_is_not_one_of_infrastructure(seeds):
    found = coverage(seeds["samara"])
    assert found["programme-inventory"].numbers == ("7",)
    assert found["infrastructure-inventory"].numbers == ("12",)


def test_every_measure_has_a_key_a_russian_label_and_an_act():
    keys = [m.key for m in MEASURES]
    assert len(set(keys)) == len(keys)
    assert all(m.label and m.act and m.english for m in MEASURES)
    assert all("№ 467" in m.act or "РМЦ" in m.act for m in MEASURES)
    assert sum(m.centre_plan for m in MEASURES) == 15


def test_coverage_lists_the_activities_with_their_pointers_and_what_none_plans(seeds):
    roadmap = seeds["tambov"]
    found = coverage(roadmap)
    assert found["navigator"].numbers == ("1.2", "3.3", "3.4", "3.6")
    data = to_data(roadmap)
    for entry in found.measures:
        for activity, pointer in zip(entry.activities, entry.pointers, strict=True):
            node = data
            for part in pointer.strip("/").split("/"):
                node = node[int(part)] if part.isdigit() else node[part]
            assert node["number"] == activity.number
    assert [m.key for m in found.missing] == [
        "creation", "head", "plan", "web", "rmc-agreement", "partners", "report", "rmc",
        "coordination", "exchanges",
    ]  # fmt: skip
    with pytest.raises(KeyError):
        found["nothing"]


MATRIX = {  # the measures each seed plans, counted by hand from the table above
    "samara": 15,
    "tambov": 13,
    "ulyanovsk": 13,
    "amur": 15,
    "sverdlovsk": 10,
}


def test_the_matrix_of_the_five_seeds(seeds):
    matrix = coverage_matrix(seeds)
    rows = matrix.rows()
    assert [r["roadmap"] for r in rows] == list(SEEDS)
    assert {r["roadmap"]: r["planned"] for r in rows} == MATRIX
    by_name = {r["roadmap"]: r for r in rows}
    assert by_name["sverdlovsk"]["infrastructure-inventory"] == "4; 7; 8; 9"
    assert by_name["samara"]["region"] == "RU-SAM"
    counted = {r["roadmap"]: r["navigator"] for r in matrix.rows(counts=True)}
    assert counted == {"samara": 1, "tambov": 4, "ulyanovsk": 1, "amur": 1, "sverdlovsk": 0}
    for (seed, _), keys in EXPECTED.items():
        assert all(by_name[seed][key] for key in keys)


def test_the_matrix_is_named_by_source_files_without_names():
    roadmaps = [examples.load("samara"), attrs.evolve(examples.load("amur"), source=None)]
    names = coverage_matrix(roadmaps).names
    assert names[0].endswith(".docx")
    assert names[1] == "roadmap 2"


def test_the_matrix_written_to_csv_reads_back(seeds, tmp_path):
    matrix = coverage_matrix(seeds)
    target = tmp_path / "coverage.csv"
    matrix.write_csv(target)
    with target.open(encoding="utf-8-sig", newline="") as file:
        back = list(csv.DictReader(file))
    assert [dict(r) for r in back] == [{k: str(v) for k, v in r.items()} for r in matrix.rows()]
    assert list(back[0]) == ["roadmap", "region", "planned", *(m.key for m in MEASURES)]


def test_the_matrix_written_to_xlsx_reads_back(seeds, tmp_path):
    target = tmp_path / "coverage.xlsx"
    coverage_matrix(seeds).write_xlsx(target, counts=True)
    sheet = openpyxl.load_workbook(target).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:4] == ("roadmap", "region", "planned", "creation")
    assert values[1][3] == "акт о создании центра и его положение"
    assert [row[0] for row in values[2:]] == list(SEEDS)
    assert [row[2] for row in values[2:]] == list(MATRIX.values())


def test_the_command_writes_one_row_per_roadmap(tmp_path, capsys, seeds):
    files = []
    for name, roadmap in seeds.items():
        path = tmp_path / f"{name}.json"
        path.write_text(dod_model.dumps(roadmap), encoding="utf-8")
        files.append(str(path))
    assert main(["coverage", *files]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["roadmap"] for r in rows] == [f"{n}.json" for n in SEEDS]
    assert [int(r["planned"]) for r in rows] == list(MATRIX.values())
    out = tmp_path / "m.xlsx"
    assert main(["coverage", *files, "--to", "xlsx", "-o", str(out)]) == 0
    assert openpyxl.load_workbook(out).active.max_row == 2 + len(SEEDS)
