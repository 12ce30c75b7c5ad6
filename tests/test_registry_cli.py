"""``dod-model registry``, and a roadmap's targets measured against registries."""

from __future__ import annotations

import datetime as dt
import json

import jsonschema
import pytest

import dod_model
from dod_model import Comparator, registry
from dod_model.cli import main
from dod_model.registry import (
    Certificate,
    CertificateKind,
    Orientation,
    Programme,
    ProgrammeForm,
    ProgrammeLevel,
)

CERTIFICATES = """\
Номер сертификата;Вид сертификата;Дата рождения;Муниципальное образование;Номинал;Дата выдачи
6800000001;ПФДО;14.03.2012;г. Тамбов;6 000;01.09.2020
6800000002;учёта;02.11.2008;г. Тамбов;;15.09.2020
6800000003;учёта;01.01.2000;г. Мичуринск;;15.09.2020
6800000004;социальный;01.06.2016;г. Мичуринск;12;01.02.2023
;учёта;01.06.2016;г. Мичуринск;;01.02.2023
"""
PROGRAMMES = """\
ID;Наименование;Направленность;Уровень;Формы реализации
1;Робототехника;техническая;базовый;сетевая
2;Хор;художественная;стартовый;сетевая, дистанционная
3;Лыжи;физкультурно-спортивная;базовый;дистанционная
"""


@pytest.fixture
def files(tmp_path):
    certificates = tmp_path / "certificates.csv"
    certificates.write_text(CERTIFICATES, encoding="cp1251")
    programmes = tmp_path / "programmes.csv"
    programmes.write_text(PROGRAMMES, encoding="utf-8")
    population = tmp_path / "population.csv"
    population.write_text("Муниципалитет;Детей 5-18 лет\nг. Тамбов;4\nг. Мичуринск;10\n")
    return certificates, programmes, population


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_registry_summary_as_text(capsys, files):
    certificates, programmes, population = files
    code, out, err = run(capsys, "registry", "summary", certificates, programmes,
                         "--on", "2024-01-01", "--population", population)  # fmt: skip
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Certificates: 4; ages on 2024-01-01, certificate ages 5–18"
    assert lines[1] == "  coverage: 21.4 % of the children counted"
    assert lines[3].split() == ["г.", "Мичуринск", "2", "10", "10.0", "%"]
    assert lines[4].split() == ["г.", "Тамбов", "2", "4", "50.0", "%"]
    assert "    техническая" in out
    assert "Programmes: 3" in out
    assert out.rstrip().endswith("Rows skipped as unreadable: 1 (see `registry validate`)")


def test_registry_summary_as_json_fits_its_schema(capsys, files):
    certificates, programmes, _ = files
    code, out, _ = run(capsys, "registry", "summary", certificates, programmes, "--json",
                       "--on", "2024-01-01")  # fmt: skip
    assert code == 0
    data = json.loads(out)
    jsonschema.validate(data, dod_model.json_schema("registry-summary"))
    assert data["certificates"] == 4
    assert data["programmes"] == 3
    assert {c["key"]: c["count"] for c in data["by_age"]} == {"7": 1, "11": 1, "15": 1, "24": 1}
    assert {c["key"]: c["count"] for c in data["by_form"]} == {"network": 2, "distance": 2}
    assert dod_model.loads(out, dod_model.registry.RegistrySummary).programmes == 3


def test_registry_validate_exits_1_on_errors_and_2_on_unreadable_files(capsys, files, tmp_path):
    certificates, programmes, _ = files
    code, out, _ = run(capsys, "registry", "validate", certificates)
    assert code == 1
    assert "registry/bad-row" in out
    assert "core/certificate-age" in out
    code, out, _ = run(capsys, "registry", "validate", programmes, "--json")
    assert code == 0
    report = json.loads(out)["report"]
    assert [f["code"] for f in report["findings"]] == ["registry/rows"]
    code, _, err = run(capsys, "registry", "summary", tmp_path / "none.csv")
    assert code == 2
    assert err == ("dod-model: error: none.csv: cannot read the file (No such file or "
                   "directory); check the path\n")  # fmt: skip
    with pytest.raises(SystemExit):
        main(["registry", "summary", str(certificates), "--on", "1.1.2024"])
    assert "not a date YYYY-MM-DD" in capsys.readouterr().err


# --- progress on the seed roadmaps ------------------------------------------------------------


def _programmes():
    """A navigator of 24 programmes: every orientation at every level in network form, and
    twelve distance programmes, two of them of sports."""
    network = [
        Programme(id=f"n{i}", title=f"Сетевая {i}", orientation=orientation, level=level,
                  forms=(ProgrammeForm.NETWORK,))
        for i, (orientation, level) in enumerate(
            (o, lv) for o in list(Orientation)[:4] for lv in list(ProgrammeLevel)[:3])
    ]  # fmt: skip
    distance = [
        Programme(id=f"d{i}", title=f"Дистанционная {i}",
                  orientation=Orientation.SPORTS if i < 2 else Orientation.ARTS,
                  forms=(ProgrammeForm.DISTANCE,))
        for i in range(12)
    ]  # fmt: skip
    return network + distance


def test_the_ekaterinburg_plans_targets_against_a_programme_registry(seeds):
    roadmap = dod_model.read(seeds / "sverdlovsk-ekaterinburg-moc-plan-2019-2020.txt")
    result = registry.progress(roadmap, programmes=_programmes(), on=dt.date(2020, 6, 1))
    assert result.on == dt.date(2020, 6, 1)
    assert result.region == "RU-SVE"
    by_activity = {t.activity: t for t in result.targets}
    assert sorted(by_activity) == ["11", "12", "13", "14"]
    network = by_activity["11"]
    assert network.text == "не менее 6 типов общеобразовательных программ в сетевой форме"
    assert network.target.comparator is Comparator.AT_LEAST
    assert (network.value, network.met, network.due) == (12, True, dt.date(2020, 5, 31))
    distance = by_activity["13"]
    assert (distance.value, distance.met) == (10, False)  # 14 wanted, sports excluded
    assert "except физкультурно-спортивная" in distance.measure
    assert [t.activity for t in result.unmeasured] == ["12", "14"]
    assert by_activity["12"].reason.startswith("the registries count programmes and "
                                               "certificates, not «моделей")  # fmt: skip


def test_without_registries_every_target_says_what_it_lacks(seeds):
    roadmap = dod_model.read(seeds / "sverdlovsk-ekaterinburg-moc-plan-2019-2020.txt")
    result = registry.progress(roadmap, on=dt.date(2020, 6, 1))
    reasons = {t.activity: t.reason for t in result.targets}
    assert reasons["11"] == "no programme registry was given"
    assert reasons["13"] == "no programme registry was given"
    assert result.measured == ()


def test_tambovs_certificates_for_children_of_5_to_18(seeds, tmp_path):
    roadmap = dod_model.read(seeds / "tambov-target-model-roadmap-2020-2024.txt")
    path = tmp_path / "certificates.csv"
    path.write_text(CERTIFICATES, encoding="cp1251")
    result = registry.progress(roadmap, certificates=path, on=dt.date(2021, 1, 1))
    (ages,) = result.targets
    assert (ages.activity, ages.text, ages.target) == ("3.5", "в возрасте от 5 до 18 лет", None)
    assert ages.ages == dod_model.registry.AgeRange(5, 18)
    # Issued by 2021-01-01: three certificates, one held by a man of 21.
    assert (ages.value, ages.met) == (66.7, False)
    assert ages.due == dt.date(2024, 12, 31)
    assert [f.code for f in result.findings] == ["registry/bad-row"]  # the row without a number
    on_time = [Certificate(number="1", kind=CertificateKind.ACCOUNTING,
                           holder_birth_date=dt.date(2012, 1, 1))]  # fmt: skip
    assert registry.progress(roadmap, certificates=on_time, on=dt.date(2021, 1, 1)).targets[
        0].met is True  # fmt: skip
    # 3,000 of 3,001 rounds to 100.0 %, and is not all: the target is not met.
    young = Certificate(number="1", holder_birth_date=dt.date(2012, 1, 1))
    old = Certificate(number="2", holder_birth_date=dt.date(1990, 1, 1))
    (almost,) = registry.progress(roadmap, certificates=[young] * 3000 + [old],
                                   on=dt.date(2021, 1, 1)).targets  # fmt: skip
    assert (almost.value, almost.met) == (100.0, False)


@pytest.mark.parametrize("name", ["samara-oc-roadmap-2019.txt", "ulyanovsk-cherdakly-moc-roadmap-"
                                  "2019.txt", "amur-rmc-first-steps-plan.txt"])  # fmt: skip
def test_roadmaps_without_quantitative_targets_have_nothing_to_measure(seeds, name):
    roadmap = dod_model.read(seeds / name)
    assert registry.progress(roadmap, programmes=_programmes(), certificates=[]).targets == ()


def test_a_share_of_children_needs_a_population():
    roadmap = dod_model.Roadmap(title="План", unsectioned=(dod_model.Activity(
        number="1", title="Охват детей дополнительным образованием",
        deadline=dod_model.Deadline.parse("до 31.12.2024"),
        results=(dod_model.Result.parse("Охвачено не менее 80 % детей в возрасте от 5 до 18 лет"),),
    ),))  # fmt: skip
    certificates = [Certificate(number=str(i), holder_birth_date=dt.date(2012, 1, 1))
                    for i in range(9)]  # fmt: skip
    (without,) = registry.progress(roadmap, certificates=certificates).targets
    assert without.reason == "a share of children needs a population table (population=)"
    (share,) = registry.progress(roadmap, certificates=certificates, on=dt.date(2024, 1, 1),
                                  population={"г. Тамбов": 10}).targets  # fmt: skip
    assert (share.value, share.met) == (90.0, True)
