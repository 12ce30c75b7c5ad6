"""Registry rules on written-out registries of each region, streamed and in memory."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

import dod_model
from dod_model import Region
from dod_model.plugins import get_plugin_manager
from dod_model.registry import AgeRange, Certificate, CertificateKind, CertificateRegistry

PLUGINS = get_plugin_manager(entry_points=False)
HEADER = ("Номер сертификата;Вид сертификата;Дата рождения;Муниципалитет;Номинал;Остаток;"
          "Дата выдачи;Регион")  # fmt: skip


def registry(tmp_path, name, rows, header=HEADER):
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="cp1251")
    return path


def findings(report):
    """(code, row) of each rule's finding, the file's row read from its message."""
    found = []
    for f in report:
        if f.code == "registry/rows":
            continue
        row = int(f.message.split(" row ")[1].split(":")[0].split(",")[0])
        found.append((f.code, row))
    return found


# Each region's registry: rows 2–6, the rule each bad row breaks.
REGIONS = {
    "RU-SAM": [
        "6312000001;ПФДО;14.03.2012;г.о. Самара;6 500,00;2 000,00;01.09.2020;RU-SAM",
        "631200002;учёта;02.11.2008;г.о. Тольятти;;;15.09.2020;RU-SAM",  # nine digits
        "6312000003;ПФДО;01.01.2013;г.о. Сызрань;;;15.09.2020;RU-SAM",  # no nominal
        "6312000001;учёта;01.01.2012;г.о. Самара;;;01.09.2020;RU-SAM",  # number twice
        "6312000005;социальный;01.06.2017;г.о. Самара;12;13;01.02.2023;RU-SAM",  # balance > 12
    ],
    "RU-TAM": [
        "6800000001;ПФДО;01.09.2001;г. Тамбов;6 000;;01.09.2020;RU-TAM",  # 19 on issue
        "6800000002;ПФДО;01.09.2002;г. Тамбов;6 000;-5;01.09.2020;RU-TAM",  # 18: fine; balance
        "6800000003;учета;31.12.2015;г. Мичуринск;;;31.12.2020;RU-TAM",  # 5: fine
        "6800000004;учета;01.01.2016;г. Мичуринск;;;31.12.2020;RU-TAM",  # 4 on issue
        "6800000005;учета;2016-01-01;г. Мичуринск;;;01.01.2021;RU-TAM",  # 5, ISO dates
    ],
    "RU-AMU": [
        "2800000001;ПФДО;01.05.2010;г. Благовещенск;5 000;;01.09.2019;RU-AMU",  # before ПФДО
        "2800000002;ПФДО;01.05.2010;г. Благовещенск;5 000;;01.09.2020;RU-AMU",
        "2800000003;ПФДО;01.05.2011;г. Благовещенск;7 000;;01.10.2020;RU-AMU",  # other nominal
        "2800000004;ПФДО;01.05.2011;г. Белогорск;7 000;;01.10.2020;RU-AMU",  # its own town
        "2800000005;ПФДО;01.05.2011;г. Благовещенск;7 000;;01.10.2021;RU-AMU",  # a new year
    ],
    "RU-ULY": [
        "7300000001;учёта;01.02.2012;Чердаклинский район;;;01.09.2019;RU-ULY",
        "7300000001;учёта;01.02.2012;Чердаклинский район;;;01.09.2019;RU-ULY",  # twice
        "73000000x3;учёта;01.02.2012;Чердаклинский район;;;01.09.2019;RU-ULY",  # a letter
        "7300000004;ПФДО;01.02.2012;г. Ульяновск;0;;01.09.2019;RU-ULY",  # zero: a nominal
        "7300000005;ПФДО;01.02.2012;г. Ульяновск;5000;6000;01.09.2019;RU-ULY",  # balance
    ],
    "RU-SVE": [
        "6600000001;ПФДО;01.09.2000;г. Екатеринбург;6500;;01.09.2019;RU-SVE",  # 19
        "6600000002;социальный;01.09.2010;г. Екатеринбург;;;01.09.2023;RU-SVE",  # no nominal
        "6600000003;учёта;01.09.2010;г. Нижний Тагил;;;01.09.2019;RU-SVE",
        " 6600000004;учёта;01.09.2010;г. Нижний Тагил;;;01.09.2019;RU-SVE",  # a space: dropped
        "6600000005;учёта;01.09.2010;г. Нижний Тагил;;;01.09.2019;RU-SVE",
    ],
}
EXPECTED = {
    "RU-SAM": [("core/certificate-number", 3), ("core/nominal-missing", 4),
               ("core/duplicate-certificate", 5), ("core/certificate-balance", 6)],
    "RU-TAM": [("core/certificate-age", 2), ("core/certificate-balance", 3),
               ("core/certificate-age", 5)],
    "RU-AMU": [("amur/financing-before-pfdo", 2), ("amur/nominal-per-municipality", 4)],
    "RU-ULY": [("core/duplicate-certificate", 3), ("core/certificate-number", 4),
               ("core/certificate-balance", 6)],
    "RU-SVE": [("core/certificate-age", 2), ("core/nominal-missing", 3)],
}  # fmt: skip


@pytest.mark.parametrize("code", sorted(REGIONS))
def test_each_regions_registry_has_its_expected_findings(tmp_path, code):
    path = registry(tmp_path, f"{code}.csv", REGIONS[code])
    report = dod_model.registry.validate_registry(path, plugins=PLUGINS)
    assert report.region == code
    assert sorted(findings(report), key=lambda f: (f[1], f[0])) == sorted(
        EXPECTED[code], key=lambda f: (f[1], f[0]))  # fmt: skip
    # The registry read whole and validated in memory finds the same, at the same places.
    files = dod_model.registry.read_registry(path)
    whole = dod_model.validate(files.certificates, plugins=PLUGINS)
    assert sorted((f.code, f.path) for f in whole) == sorted(
        (f.code, f.path) for f in report if f.code != "registry/rows")  # fmt: skip


def test_regional_rules_run_only_for_their_region(tmp_path):
    rows = [row.replace("RU-AMU", "RU-SAM") for row in REGIONS["RU-AMU"]]
    report = dod_model.registry.validate_registry(
        registry(tmp_path, "c.csv", rows), plugins=PLUGINS
    )
    assert findings(report) == []
    forced = dod_model.registry.validate_registry(
        tmp_path / "c.csv", region="RU-AMU", plugins=PLUGINS
    )
    assert [code for code, _ in findings(forced)] == ["amur/financing-before-pfdo",
                                                      "amur/nominal-per-municipality"]  # fmt: skip


def test_a_region_of_a_plugin_overrides_the_ages_and_the_number_form(tmp_path, dod_plugins):
    kirov = Region(code="RU-KIR", name="Кировская область", certificate_ages=AgeRange(5, 17),
                   certificate_number=r"43\d{10}")  # fmt: skip
    module = type("M", (), {})()
    module.dod_register_regions = dod_model.hookimpl(lambda register: register(kirov))
    dod_plugins.register(module, "kirov")
    path = registry(tmp_path, "kirov.csv", [
        "430000000001;учёта;01.03.2002;г. Киров;;;01.09.2019;RU-KIR",  # 17: fine
        "430000000002;учёта;01.03.2001;г. Киров;;;01.09.2019;RU-KIR",  # 18: not in Kirov
        "4300000003;учёта;01.03.2010;г. Киров;;;01.09.2019;RU-KIR",  # ten digits: not here
    ])  # fmt: skip
    report = dod_model.registry.validate_registry(path, plugins=dod_plugins)
    assert findings(report) == [("core/certificate-age", 3), ("core/certificate-number", 4)]
    assert "outside the ages 5–17" in report.findings[0].message


ENROLMENT_FILES = {
    "programmes.csv": [
        "Код программы;Наименование программы;Направленность;Возраст от;Возраст до;Объём, часов",
        "101;Робототехника;техническая;7;14;72",
        "102;Хор;художественная;10;17;0",  # no hours
        "102;Хор (второй набор);художественная;10;17;144",  # the id twice
        "103;Туризм;;12;15;36",  # no orientation
        "104;Шахматы;физкультурно-спортивная;15;7;36",  # reversed
    ],
    "certificates.csv": [
        HEADER,
        "6312000001;ПФДО;14.03.2012;г.о. Самара;6 500,00;;01.09.2020;RU-SAM",
        "6312000002;учёта;02.11.2008;г.о. Тольятти;;;15.09.2020;RU-SAM",
        "6312000003;ПФДО;01.09.2003;г.о. Самара;6 500,00;;01.09.2020;RU-SAM",
    ],
    "enrolments.csv": [
        "Номер сертификата;ID программы;Дата зачисления;Дата окончания;Стоимость",
        "6312000001;101;01.09.2020;31.05.2021;4 000,00",
        "6312000001;102;01.09.2020;31.05.2021;3 000,00",  # 7000 > 6500; 8 < 10
        "6312000002;101;01.09.2020;31.05.2021;1 000,00",  # charges a сертификат учёта
        "6312000009;101;01.09.2020;;",  # no such certificate
        "6312000003;105;01.09.2020;;",  # no such programme
        "6312000001;103;01.09.2020;01.06.2020;",  # ends before it starts; 8 < 12
        "6312000003;101;01.09.2021;;",  # 18 on the day: fine for the region, not the programme
    ],
}


def test_enrolments_checked_against_their_certificates_and_programmes(tmp_path):
    paths = []
    for name, rows in ENROLMENT_FILES.items():
        paths.append(registry(tmp_path, name, rows[1:], header=rows[0]))
    # Given in any order: providers and programmes, then certificates, then enrolments are read.
    report = dod_model.registry.validate_registry(*reversed(paths), plugins=PLUGINS)
    by_file = {}
    for f in report:
        if f.code != "registry/rows":
            by_file.setdefault(f.message.split(" ")[0], []).append(findings([f])[0])
    by_file = {name: sorted(found, key=lambda f: (f[1], f[0])) for name, found in by_file.items()}
    assert by_file == {
        "programmes.csv": [("core/programme-hours", 3), ("core/duplicate-programme", 4),
                           ("core/programme-orientation", 5), ("core/programme-ages", 6)],
        "enrolments.csv": [("core/certificate-overdrawn", 3),
                           ("core/enrolment-programme-age", 3),
                           ("core/certificate-overdrawn", 4),
                           ("core/enrolment-reference", 5),
                           ("core/enrolment-reference", 6),
                           ("core/enrolment-dates", 7),
                           ("core/enrolment-programme-age", 7),
                           ("core/enrolment-programme-age", 8)],
    }  # fmt: skip
    overdrawn = next(f for f in report if f.code == "core/certificate-overdrawn")
    assert overdrawn.message == (
        "enrolments.csv row 3: certificate 6312000001 is overdrawn: enrolments of 2020 up to "
        "programme 102 charge 7000.00, more than its nominal 6500.00 for the year")  # fmt: skip
    assert overdrawn.path == "/enrolments/1"
    rows = [f.message for f in report if f.code == "registry/rows"]
    assert rows == ["programmes.csv: 5 rows of programmes, 5 read, 0 skipped",
                    "certificates.csv: 3 rows of certificates, 3 read, 0 skipped",
                    "enrolments.csv: 7 rows of enrolments, 7 read, 0 skipped"]  # fmt: skip


def test_a_rule_that_fails_is_reported_per_record_and_the_others_go_on(tmp_path, dod_plugins):
    @dod_model.registry.record_rule("kirov/broken", severity="error", record=Certificate)
    def broken(scope):
        def check(certificate):
            raise RuntimeError("no")

        return check

    module = type("M", (), {})()
    module.dod_register_rules = dod_model.hookimpl(lambda register: register(broken))
    dod_plugins.register(module, "broken")
    path = registry(tmp_path, "c.csv", REGIONS["RU-SAM"])
    report = dod_model.registry.validate_registry(path, plugins=dod_plugins)
    failed = [f for f in report if f.code == "core/rule-failed"]
    assert [f.path for f in failed] == [f"/certificates/{i}" for i in range(5)]
    assert failed[0].message == (
        "c.csv row 2: rule kirov/broken failed on this record: RuntimeError: no"
    )
    assert ("core/duplicate-certificate", 5) in findings(
        [f for f in report if f.code != "core/rule-failed"])  # fmt: skip


def test_rules_on_whole_registries_run_in_memory_and_are_named_when_streaming(
    tmp_path, dod_plugins
):
    @dod_model.rule("kirov/too-few", severity="info", applies_to=CertificateRegistry)
    def too_few(registry, context):
        if len(registry.certificates) < 10:
            yield registry, "fewer than ten certificates"

    module = type("M", (), {})()
    module.dod_register_rules = dod_model.hookimpl(lambda register: register(too_few))
    dod_plugins.register(module, "kirov")
    registry_ = CertificateRegistry(certificates=(
        Certificate(number="6312000001", kind=CertificateKind.PERSONIFIED_FINANCING,
                    nominal=Decimal("10"), balance=Decimal("11"),
                    issued=dt.date(2020, 1, 1)),))  # fmt: skip
    codes = [f.code for f in dod_model.validate(registry_, plugins=dod_plugins)]
    assert codes == ["kirov/too-few", "core/certificate-balance"]
    path = tmp_path / "c.csv"
    dod_model.registry.write_records(path, registry_.certificates)
    streamed = dod_model.registry.validate_registry(path, plugins=dod_plugins)
    assert [f.code for f in streamed] == ["registry/rule-not-streamed",
                                          "core/certificate-balance", "registry/rows"]  # fmt: skip


# --- record rules: a check of one record, or a factory of checks --------------------------------

STATELESS = {"core/nominal-missing", "core/certificate-balance", "core/enrolment-dates",
             "core/programme-orientation", "core/programme-ages", "core/programme-hours",
             "core/provider-inn", "amur/financing-before-pfdo"}  # fmt: skip


def test_the_builtin_record_rules_that_keep_nothing_are_their_checks():
    rules = [r for r in PLUGINS.all_rules() if isinstance(r, dod_model.registry.RecordRule)]
    assert len(rules) == 17
    assert {r.code for r in rules if r.stateless} == STATELESS
    scopes = (dod_model.registry.RegistryScope(None), dod_model.registry.RegistryScope(
        PLUGINS.region("RU-AMU"), certificates={}))  # fmt: skip
    for checked in rules:
        if checked.stateless:  # one check for every registry: nothing to keep between them
            assert checked.start(scopes[0]) is checked.start(scopes[1])
        else:
            assert checked.start(scopes[0]) is not checked.start(scopes[1])


def test_both_forms_of_record_rule_run_in_memory_and_streamed(tmp_path, dod_plugins):
    @dod_model.registry.record_rule("kirov/no-municipality", severity="warning",
                                    record=Certificate, stateless=True)  # fmt: skip
    def no_municipality(certificate: Certificate) -> str | None:
        """A certificate names its municipality."""
        return None if certificate.municipality else f"{certificate.number} names no place"

    @dod_model.registry.record_rule("kirov/second-of-a-place", severity="info", record=Certificate)
    def second_of_a_place(scope):
        """The second certificate of a municipality is noted (state kept across records)."""
        seen = set()

        def check(certificate):
            place = certificate.municipality
            if place in seen:
                return f"{certificate.number} is not the first of {place}"
            seen.add(place)
            return None

        return check

    assert (no_municipality.stateless, second_of_a_place.stateless) == (True, False)
    assert no_municipality.description == "A certificate names its municipality."
    module = type("M", (), {})()
    module.dod_register_rules = dod_model.hookimpl(
        lambda register: [register(no_municipality), register(second_of_a_place)])  # fmt: skip
    dod_plugins.register(module, "kirov")
    path = registry(tmp_path, "c.csv", [
        "6312000001;учёта;14.03.2012;г.о. Самара;;;01.09.2020;RU-SAM",
        "6312000002;учёта;14.03.2012;;;;01.09.2020;RU-SAM",  # no municipality
        "6312000003;учёта;14.03.2012;г.о. Самара;;;01.09.2020;RU-SAM",  # Samara's second
    ])  # fmt: skip
    streamed = dod_model.registry.validate_registry(path, plugins=dod_plugins)
    assert findings(streamed) == [("kirov/no-municipality", 3), ("kirov/second-of-a-place", 4)]
    assert [f.message for f in streamed if f.code.startswith("kirov/")] == [
        "c.csv row 3: 6312000002 names no place",
        "c.csv row 4: 6312000003 is not the first of г.о. Самара",
    ]
    # Each validation starts the factory anew: the second sees no place of the first.
    again = dod_model.registry.validate_registry(path, plugins=dod_plugins)
    assert findings(again) == findings(streamed)
    whole = dod_model.validate(dod_model.registry.read_registry(path).certificates,
                               plugins=dod_plugins)  # fmt: skip
    assert [(f.code, f.path) for f in whole] == [
        ("kirov/no-municipality", "/certificates/1"), ("kirov/second-of-a-place", "/certificates/2")
    ]  # fmt: skip
