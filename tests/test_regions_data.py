"""The subjects of the Federation as package data: complete, well formed, inflected right."""

from __future__ import annotations

import contextlib
import copy
import importlib.util
import io
import json
import subprocess
import sys
from importlib import resources

import pytest

from dod_model.model import subjects

from .conftest import ROOT

SCRIPT = ROOT / "scripts" / "generate_regions.py"
DATA = json.loads(
    (resources.files("dod_model.model") / "data" / "subjects.json").read_text("utf-8")
)


def _script():
    spec = importlib.util.spec_from_file_location("generate_regions", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ISO 3166-2:RU, the 83 subjects it lists.
ISO = """AD AL BA BU CE CU DA IN KB KL KC KR KO ME MO SA SE TA TY UD KK ALT KAM KHA KDA KYA
PER PRI STA ZAB AMU ARK AST BEL BRY CHE IRK IVA KGD KLU KEM KIR KOS KGN KRS LEN LIP MAG MOS
MUR NIZ NGR NVS OMS ORE ORL PNZ PSK ROS RYA SAK SAM SAR SMO SVE TAM TOM TUL TVE TYU ULY VLA
VGG VLG VOR YAR MOW SPE YEV CHU KHM NEN YAN""".split()  # noqa: SIM905 - a list as ISO prints it
# The library's codes for the six subjects ISO lists under UA or not at all.
OWN = ["CR", "SEV", "DPR", "LPR", "ZAP", "KHE"]


def test_every_subject_is_there_once_under_its_code():
    assert len(ISO) == 83
    assert sorted(subjects()) == sorted(f"RU-{code}" for code in ISO + OWN)


def test_the_committed_file_has_the_shape_the_script_checks():
    assert _script().shape_problems(DATA) == []


def test_the_shape_check_finds_what_is_wrong():
    check = _script().shape_problems
    broken = copy.deepcopy(DATA)
    del broken["subjects"][3]["cases"]["loct"]
    broken["subjects"][5]["names"].reverse()
    broken["subjects"][7]["code"] = "Kostroma"
    broken["subjects"][9]["code"] = broken["subjects"][10]["code"]
    problems = check(broken)
    assert any("88 distinct subjects" in p for p in problems)
    assert any("cases are not the six" in p for p in problems)
    assert any("names are not sorted" in p for p in problems)
    assert any("no code of the form RU-XX" in p for p in problems)
    assert check({"subjects": "none"}) == ["the file holds no list of subjects"]


def test_check_without_pymorphy_checks_the_shape_and_says_what_regenerating_needs(monkeypatch):
    monkeypatch.setitem(sys.modules, "pymorphy3", None)  # import fails as if not installed
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert _script().main(["--check"]) == 0
    assert "pip install 'dod-model[regions-data]'" in out.getvalue()


# Hand-written, of a sample: multiword names, appositions, indeclinable parts, dashes.
GENITIVES = {
    "RU-YAR": "Ярославской области",
    "RU-KHM": "Ханты-Мансийского автономного округа — Югры",
    "RU-SA": "Республики Саха (Якутия)",
    "RU-SE": "Республики Северная Осетия — Алания",
    "RU-CU": "Чувашской Республики — Чувашии",
    "RU-KEM": "Кемеровской области — Кузбасса",
    "RU-TA": "Республики Татарстан",
    "RU-ME": "Республики Марий Эл",
    "RU-MOW": "Москвы",
    "RU-SPE": "Санкт-Петербурга",
    "RU-YEV": "Еврейской автономной области",
    "RU-DPR": "Донецкой Народной Республики",
    "RU-KB": "Кабардино-Балкарской Республики",
    "RU-ALT": "Алтайского края",
}


@pytest.mark.parametrize(("code", "genitive"), sorted(GENITIVES.items()))
def test_names_are_inflected_as_russian_writes_them(code, genitive):
    (subject,) = [s for s in DATA["subjects"] if s["code"] == code]
    assert subject["cases"]["gent"] == genitive


def test_accusatives_and_instrumentals_agree_with_their_nouns():
    cases = {s["code"]: s["cases"] for s in DATA["subjects"]}
    assert cases["RU-KHM"]["accs"] == "Ханты-Мансийский автономный округ — Югру"
    assert cases["RU-KOS"]["accs"] == "Костромскую область"
    assert cases["RU-PER"]["ablt"] == "Пермским краем"
    assert cases["RU-SE"]["loct"] == "Республике Северная Осетия — Алания"


def test_cities_are_inflected_and_the_ambiguous_ones_guarded():
    cities = {c["name"]: c for s in DATA["subjects"] for c in s["cities"]}
    assert cities["Нижний Новгород"]["cases"]["gent"] == "Нижнего Новгорода"
    assert cities["Набережные Челны"]["cases"]["loct"] == "Набережных Челнах"
    assert cities["Ростов-на-Дону"]["cases"]["loct"] == "Ростове-на-Дону"
    assert cities["Кострома"]["cases"]["gent"] == "Костромы"
    assert cities["Кострома"]["bare"]
    for surname_or_word in ("Киров", "Владимир", "Орёл", "Энгельс", "Грозный", "Шахты"):
        assert not cities[surname_or_word]["bare"], surname_or_word
    kirov = subjects()["RU-KIR"].places
    assert "г. Кирова" in kirov
    assert "городе Кирове" in kirov
    assert "Кирова" not in kirov


def test_short_forms_and_abbreviations():
    assert "Ярославской обл." in subjects()["RU-YAR"].aliases
    assert "ЯО" in subjects()["RU-YAR"].places
    assert "РТ" in subjects()["RU-TA"].places
    assert "Татарстана" in subjects()["RU-TA"].aliases
    assert "МО Волковское" in subjects()["RU-SPE"].places
    every = {p for r in subjects().values() for p in (*r.names, *r.places)}
    for ambiguous in ("СО", "МО", "РБ", "РК", "ЧР", "УР", "Алтай"):
        assert ambiguous not in every, ambiguous


def test_no_form_names_two_subjects():
    owners: dict[str, set[str]] = {}
    for region in subjects().values():
        for form in (*region.names, *region.places):
            owners.setdefault(form.casefold().replace("ё", "е"), set()).add(region.code)
    assert {form for form, codes in owners.items() if len(codes) > 1} == set()


def test_the_data_ships_in_the_package_and_loads_without_morphology():
    assert (resources.files("dod_model.model") / "data" / "subjects.json").is_file()
    code = (
        "import sys; from dod_model.plugins import get_plugin_manager; "
        "p = get_plugin_manager(entry_points=False); "
        "assert p.detect_region(['Костромской области']).code == 'RU-KOS'; "
        "print(sorted(m for m in sys.modules if m.startswith('pymorphy')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"


def test_the_committed_data_is_what_the_script_makes():
    pytest.importorskip("pymorphy3", reason="regenerating needs the regions-data extra")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert _script().main(["--check"]) == 0, out.getvalue()
