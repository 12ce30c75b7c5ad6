"""Registry files: formats, encodings, column names, bad rows, round trips, damaged input."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from decimal import Decimal

import attrs
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dod_model
from dod_model import DocumentError, DodModelError
from dod_model.registry import (
    AgeRange,
    Certificate,
    CertificateKind,
    Enrolment,
    Organisation,
    Orientation,
    Programme,
    ProgrammeForm,
    ProgrammeLevel,
    iter_rows,
    write_records,
)
from dod_model.registry._columns import field_of, match_header
from dod_model.registry._fields import FIELDS, RECORD_TYPES, fields_written
from dod_model.testing import strategies as dst

from .conftest import ROOT

# A certificate registry as a region's system exports it: a title above the header, Russian
# column names in an order of its own, dates ДД.ММ.ГГГГ, amounts with a comma and spaces.
SAMARA_CERTIFICATES = """\
Реестр сертификатов дополнительного образования (выгрузка на 01.10.2020)

Муниципальное образование;Дата рождения ребёнка;№ сертификата;Статус сертификата;\
Номинал, руб.;Остаток;Дата выдачи
г.о. Самара;14.03.2012;6312000001;ПФДО;6 500,00;1 200,50;01.09.2020
г.о. Тольятти;02.11.2008;6312000002;сертификат учёта;;;15.09.2020
г.о. Сызрань;31.02.2010;6312000003;учета;;;15.09.2020
г.о. Самара;01.01.2014;;ПФДО;6 500,00;;01.09.2020
"""


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251"])
def test_a_certificate_export_reads_in_any_of_its_encodings(tmp_path, encoding):
    path = write(tmp_path / "реестр.csv", SAMARA_CERTIFICATES, encoding)
    rows = list(iter_rows(path))
    assert [r.row for r in rows] == [4, 5, 6, 7]
    first = rows[0].record
    assert first == Certificate(
        number="6312000001",
        kind=CertificateKind.PERSONIFIED_FINANCING,
        holder_birth_date=dt.date(2012, 3, 14),
        municipality="г.о. Самара",
        nominal=Decimal("6500.00"),
        balance=Decimal("1200.50"),
        issued=dt.date(2020, 9, 1),
    )
    assert rows[1].record.kind is CertificateKind.ACCOUNTING
    # A day that is no day: the certificate is kept, the cell reported and left empty.
    (bad_date,) = rows[2].findings
    assert rows[2].record.holder_birth_date is None
    assert bad_date.code == "registry/bad-value"
    assert bad_date.path == "/certificates/2/holder_birth_date"
    assert bad_date.message == ("реестр.csv row 6, column holder_birth_date: «31.02.2010» is no "
                                "calendar date; left empty")  # fmt: skip
    # No number: no certificate, and a finding that says so.
    assert rows[3].record is None
    assert [f.code for f in rows[3].findings] == ["registry/bad-row"]
    assert "row 7, column number: empty" in rows[3].findings[0].message


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_delimiters_are_told_from_the_file(tmp_path, delimiter):
    text = SAMARA_CERTIFICATES.replace("Номинал, руб.", '"Номинал, руб."')
    text = text.replace("6 500,00", '"6 500,00"').replace("1 200,50", '"1 200,50"')
    text = text.replace(";", delimiter)  # cells with the delimiter in them are quoted
    path = write(tmp_path / "c.csv", text)
    findings = []
    numbers = [c.number for c in dod_model.registry.iter_certificates(path, findings=findings)]
    assert numbers == ["6312000001", "6312000002", "6312000003"]
    assert [f.code for f in findings] == ["registry/bad-value", "registry/bad-row"]


def test_without_a_findings_list_the_first_bad_row_is_a_warning_and_the_rest_counted(tmp_path):
    path = write(tmp_path / "c.csv", SAMARA_CERTIFICATES)
    with pytest.warns(dod_model.registry.RegistryWarning) as caught:
        assert len(list(dod_model.registry.iter_certificates(path))) == 3
    assert [str(w.message)[:15] for w in caught] == ["c.csv row 6, co", "c.csv: 1 more f"]
    # Ten thousand bad rows: two warnings, not ten thousand entries in the warnings registry.
    many = write(tmp_path / "m.csv", "Номер сертификата;Дата рождения\n" + "x;31.02.2012\n" * 10000)
    with pytest.warns(dod_model.registry.RegistryWarning) as caught:
        assert len(list(dod_model.registry.iter_certificates(many))) == 10000
    assert [str(w.message) for w in caught][1] == (
        "m.csv: 9999 more findings; pass findings=[] to have them all"
    )
    report = dod_model.registry.validate_registry(many)
    kept = [f.code for f in report.findings]
    assert max(kept.count(code) for code in set(kept)) == 1000
    more = [f for f in report.findings if f.code == "registry/more-findings"]
    assert more[-1].message == (
        "9000 more findings of registry/bad-value are not listed; 10000 in all"
    )


def test_a_file_that_cannot_be_read_fails_the_call_not_the_first_record(tmp_path):
    with pytest.raises(DocumentError, match="cannot read the file"):
        dod_model.registry.iter_certificates(tmp_path / "missing.csv")


@pytest.mark.parametrize(
    ("header", "kind", "field"),
    [
        ("Номер сертификата", "certificates", "number"),
        ("N сертификата", "certificates", "number"),
        ("Дата рождения ребёнка", "certificates", "holder_birth_date"),
        ("Остаток номинала", "certificates", "balance"),
        ("Единица измерения номинала", "certificates", "nominal_unit"),
        ("holder_birth_date", "certificates", "holder_birth_date"),
        ("Направленность программы", "programmes", "orientation"),
        ("Возраст от", "programmes", "ages_low"),
        ("Возраст до", "programmes", "ages_high"),
        ("Возраст обучающихся", "programmes", "ages"),
        ("Объём программы (часов)", "programmes", "hours"),
        ("Форма обучения", "programmes", "mode"),
        ("Наименование программы", "programmes", "title"),
        ("Наименование организации", "programmes", "provider"),
        ("Дата начала обучения по программе", "enrolments", "start"),
        ("ID программы", "enrolments", "programme"),
        ("Стоимость обучения", "enrolments", "cost"),
        ("ИНН", "providers", "inn"),
        ("Полное наименование поставщика", "providers", "name"),
        ("Сокращённое наименование", "providers", "short_name"),
        ("Примечание", "certificates", None),
    ],
)
def test_column_names_are_matched_by_their_words(header, kind, field):
    assert field_of(header, kind) == field


def test_what_a_file_holds_is_told_by_its_header():
    assert match_header(["Номер сертификата", "Дата рождения", "Дата выдачи"]).kind == (
        "certificates")  # fmt: skip
    enrolment = match_header(["Номер сертификата", "ID программы", "Дата зачисления", "Сумма"])
    assert enrolment.kind == "enrolments"
    programme = match_header(["Код программы", "Название", "Направленность", "Возраст"])
    assert programme.kind == "programmes"
    assert match_header(["Наименование организации", "ИНН"]).kind == "providers"
    assert match_header(["Реестр сертификатов Самарской области"]) is None  # a title line


@pytest.mark.parametrize("kind", sorted(FIELDS))
def test_each_field_is_written_under_a_heading_that_names_it(kind):
    fields = fields_written(kind)
    assert [f.name for f in fields] == [a.name for a in attrs.fields(RECORD_TYPES[kind])]
    header = match_header([f.heading for f in fields])
    assert header.kind == kind
    assert header.columns == tuple(f.name for f in fields)


def test_the_docs_name_the_required_fields_of_the_tables():
    page = (ROOT / "docs" / "registries.md").read_text(encoding="utf-8")
    table = re.findall(r"^\| (\w+) \| \{class\}`[\w.]+` \| ([\w, ]+) \|$", page, re.MULTILINE)
    documented = {kind: set(names.split(", ")) for kind, names in table}
    assert documented == {
        kind: {f.name for f in fields if f.required} for kind, fields in FIELDS.items()
    }


def test_a_programme_registry_with_two_age_columns_and_its_labels(tmp_path):
    path = write(tmp_path / "programmes.csv", (
        "ID;Наименование программы;Направленность;Уровень;Формы реализации;Возраст от;Возраст до;"
        "Объём, часов;Сертифицирована;Комментарий\n"
        "101;Робототехника;Техническая;ознакомительный;сетевая, модульная;7;14;72;да;\n"
        "102;Юные краеведы;социально-педагогическая;базовый;;10;;144;нет;архив\n"
        "103;Шахматы;спортивная;продвинутый;очень сетевая;5;18;0;может быть;\n"
    ))  # fmt: skip
    files = dod_model.registry.read_registry(path)
    robots, local, chess = files.programmes.programmes
    assert robots == Programme(
        id="101", title="Робототехника", orientation=Orientation.TECHNICAL,
        level=ProgrammeLevel.STARTING, forms=(ProgrammeForm.NETWORK, ProgrammeForm.MODULAR),
        ages=AgeRange(7, 14), hours=72, certified=True,
    )  # fmt: skip
    assert local.orientation is Orientation.SOCIAL_HUMANITARIAN  # the legacy name
    assert local.ages is None
    assert chess.orientation is None
    assert chess.forms == ()
    assert chess.certified is False
    codes = [(f.code, f.path) for f in files.findings]
    assert codes == [
        ("registry/unknown-column", "/programmes"),
        ("registry/bad-value", "/programmes/1/ages"),
        ("registry/bad-value", "/programmes/2/orientation"),
        ("registry/bad-value", "/programmes/2/forms"),
        ("registry/bad-value", "/programmes/2/certified"),
    ]
    assert "«Комментарий»" in files.findings[0].message


def test_an_xlsx_registry_with_typed_cells(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Реестр зачислений"])
    sheet.append([])
    sheet.append(["Номер сертификата", "Код программы", "Дата зачисления", "Дата отчисления",
                  "Стоимость"])  # fmt: skip
    sheet.append([6312000001, 101, dt.datetime(2020, 9, 1), None, 3250.5])
    sheet.append(["6312000002", "102", "01.09.2020", "31.05.2021", "1 000"])
    sheet.append(["6312000003", None, "01.09.2020", None, None])
    book.save(tmp_path / "enrolments.xlsx")
    findings = []
    enrolments = list(
        dod_model.registry.iter_enrolments(tmp_path / "enrolments.xlsx", findings=findings)
    )
    assert enrolments == [
        Enrolment(certificate="6312000001", programme="101", start=dt.date(2020, 9, 1),
                  cost=Decimal("3250.5")),
        Enrolment(certificate="6312000002", programme="102", start=dt.date(2020, 9, 1),
                  end=dt.date(2021, 5, 31), cost=Decimal("1000")),
    ]  # fmt: skip
    assert [f.message for f in findings] == [
        "enrolments.xlsx row 6, column programme: empty, and required; the row is skipped"
    ]


def test_json_lines_in_the_canonical_form_or_with_russian_keys(tmp_path):
    certificate = Certificate(number="2800000001", kind=CertificateKind.SOCIAL,
                              nominal=Decimal("12.00"), issued=dt.date(2023, 2, 1))  # fmt: skip
    lines = [
        json.dumps(dod_model.codec.to_data(certificate), ensure_ascii=False),
        "",
        json.dumps(
            {
                "Номер сертификата": "2800000002",
                "Вид сертификата": "ПФДО",
                "Дата рождения": "2012-05-01",
            },
            ensure_ascii=False,
        ),
        "[1, 2]",
        "{not json",
    ]
    path = write(tmp_path / "c.jsonl", "\n".join(lines) + "\n")
    rows = list(iter_rows(path))
    assert rows[0].record == certificate
    assert rows[1].record.kind is CertificateKind.PERSONIFIED_FINANCING
    assert [(r.row, r.findings[0].message) for r in rows[2:]] == [
        (4, "c.jsonl row 4: not a JSON object; the row is skipped"),
        (5, "c.jsonl row 5: not JSON (Expecting property name enclosed in double quotes: line 1 "
            "column 2 (char 1)); the row is skipped"),
    ]  # fmt: skip


def test_files_that_are_no_registry_are_document_errors(tmp_path):
    with pytest.raises(DocumentError, match="cannot read the file"):
        list(iter_rows(tmp_path / "missing.csv"))
    with pytest.raises(DocumentError, match="no registry header in its first 10 rows"):
        list(iter_rows(write(tmp_path / "plan.csv", "Мероприятие;Срок\nСоздание МОЦ;2019\n")))
    with pytest.raises(DocumentError, match="not an XLSX workbook"):
        list(iter_rows(write(tmp_path / "broken.xlsx", "PK not a zip")))
    path = write(tmp_path / "e.csv", "Номер сертификата;ID программы;Дата зачисления\n")
    with pytest.raises(DocumentError, match="holds enrolments, not certificates"):
        list(dod_model.registry.iter_certificates(path))
    with pytest.raises(DocumentError, match="not a text file"):
        list(iter_rows(write(tmp_path / "bin.csv", "Номер;\x00\x01")))


def test_a_row_in_another_encoding_is_a_bad_row_not_the_end_of_the_file(tmp_path):
    # UTF-8 as far as the encoding is told from, then a row saved in Windows-1251, then more.
    good = "".join(f"г.о. Самара;14.03.2012;63{i:08d};ПФДО;;;01.09.2020\n" for i in range(2000))
    head = SAMARA_CERTIFICATES.split("г.о.", maxsplit=1)[0]
    path = tmp_path / "mixed.csv"
    bad = "г.о. Тольятти;;6300009999\n".encode("cp1251")
    path.write_bytes((head + good).encode() + bad + "г.о. Самара;;6300009998\n".encode())
    rows = list(iter_rows(path))
    assert len(rows) == 2002
    assert rows[-2].record is None
    assert rows[-2].row == 2004
    assert rows[-2].findings[0].message == (
        "mixed.csv row 2004: line 2004 is not utf-8; save the whole file in one encoding, UTF-8 "
        "or Windows-1251; the row is skipped"
    )
    assert rows[-1].record.number == "6300009998"


def test_a_damaged_workbook_is_a_document_error(tmp_path):
    path = tmp_path / "r.xlsx"
    write_records(path, [Certificate(number="6312000001")])
    data = io.BytesIO(path.read_bytes())
    damaged = io.BytesIO()
    with zipfile.ZipFile(data) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            body = source.read(item)
            if item.filename.startswith("xl/worksheets/"):
                body = body[: len(body) // 2]
            target.writestr(item, body)
    path.write_bytes(damaged.getvalue())
    with pytest.raises(DocumentError, match=r"r\.xlsx|workbook"):
        list(iter_rows(path))


# --- round trips ----------------------------------------------------------------------------


_IDENTIFIERS = frozenset({"number", "id", "inn", "certificate", "programme", "provider"})


def _no_empty_text(record):
    """As a registry file keeps it: an empty optional cell is no value, NUL no character.

    Numbers and ids lose the spaces around them («1234567890 » is 1234567890).
    """
    changes = {}
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if type(value) is str:  # not the labelled enumerations, which are str too
            value = value.replace("\x00", "")
            if field.name in _IDENTIFIERS:
                value = value.strip()
            changes[field.name] = value if value or field.default is attrs.NOTHING else None
    return attrs.evolve(record, **changes)


def _required_text(record):
    names = ("number", "id", "title", "name", "certificate", "programme")
    return all(getattr(record, name) for name in names if hasattr(record, name))


def _records(strategy):
    return st.lists(strategy.map(_no_empty_text).filter(_required_text), min_size=1, max_size=6)


KINDS = {  # the records of a kind, built once: a strategy built in a test is checked each time
    "certificates": (_records(dst.certificates()), dod_model.registry.iter_certificates),
    "programmes": (_records(dst.programmes()), dod_model.registry.iter_programmes),
    "enrolments": (_records(dst.enrolments()), dod_model.registry.iter_enrolments),
    "providers": (_records(dst.organisations()), dod_model.registry.iter_providers),
}


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
@pytest.mark.parametrize("kind", sorted(KINDS))
@settings(
    max_examples=40,  # for each of the eight kinds and formats: 320 files written and read
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much],
)
@given(data=st.data())
def test_records_written_read_back_equal(tmp_path, kind, suffix, data):
    strategy, reader = KINDS[kind]
    records = data.draw(strategy)
    path = tmp_path / f"registry{suffix}"
    assert write_records(path, records) == len(records)
    findings = []
    assert list(reader(path, findings=findings)) == records
    assert findings == []


def test_records_written_as_xlsx_and_windows_1251_read_back_equal(tmp_path):
    programmes = [
        Programme(id="1", title="Робототехника", orientation=Orientation.TECHNICAL,
                  forms=(ProgrammeForm.NETWORK,), ages=AgeRange(7, 14), hours=72, certified=True),
        Programme(id="2", title="Хор «Ёлочка»", ages=AgeRange(18, 5), municipality="Тамбов"),
    ]  # fmt: skip
    providers = [Organisation(name="МБУ ДО ДДТ", inn="6829000000", id="7")]
    for path, records in ((tmp_path / "p.xlsx", programmes), (tmp_path / "o.xlsx", providers)):
        write_records(path, records)
        files = dod_model.registry.read_registry(path)
        assert files.findings == ()
        assert (*files.programmes.programmes, *files.programmes.providers) == tuple(records)
    write_records(tmp_path / "p.csv", programmes, encoding="cp1251")
    assert list(dod_model.registry.iter_programmes(tmp_path / "p.csv")) == programmes


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much])
@given(registry=dst.certificate_registries(), region=st.sampled_from(["RU-SAM", "RU-AMU", None]))
def test_streaming_finds_what_validating_in_memory_finds(tmp_path, registry, region):
    certificates = [c for c in map(_no_empty_text, registry.certificates) if c.number]
    registry = attrs.evolve(registry, certificates=tuple(certificates), enrolments=())
    if not certificates:
        return
    path = tmp_path / "c.jsonl"
    write_records(path, certificates)
    streamed = dod_model.registry.validate_registry(path, region=region or "")
    whole = dod_model.validate(registry, region=region or "")
    rules = lambda report: sorted((f.code, f.path) for f in report  # noqa: E731
                                  if not f.code.startswith("registry/"))  # fmt: skip
    assert rules(streamed) == rules(whole)


# --- damaged input: only our errors ---------------------------------------------------------


def _mutate(data: bytes, edits: list[tuple[int, int]]) -> bytes:
    buffer = bytearray(data)
    for position, value in edits:
        if not buffer:
            break
        index = position % len(buffer)
        if value < 0:
            del buffer[index : index - value]
        else:
            buffer[index] = value
    return bytes(buffer)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    records=st.lists(dst.certificates(), min_size=1, max_size=4),
    edits=st.lists(st.tuples(st.integers(0, 10**6), st.integers(-8, 255)), max_size=6),
)
def test_damaged_registry_files_raise_only_our_errors(tmp_path, suffix, records, edits):
    path = tmp_path / f"c{suffix}"
    try:
        write_records(path, [_no_empty_text(r) for r in records])
    except DodModelError:
        return
    path.write_bytes(_mutate(path.read_bytes(), edits))
    try:
        rows = list(iter_rows(path))
        report = dod_model.registry.validate_registry(path)
        dod_model.registry.summarise_registry(path, on=dt.date(2024, 1, 1))
    except DodModelError:
        return
    assert all(r.record is not None or r.findings for r in rows)  # nothing dropped unreported
    assert all(f.code != "core/rule-failed" for f in report)
