"""Registry files as real systems write them: wrong sheet sizes, row counters, stray quotes."""

from __future__ import annotations

import datetime as dt
import re
import zipfile

import openpyxl
import pytest

from dod_model import DocumentError
from dod_model.cli import main
from dod_model.registry import (
    Certificate,
    Programme,
    iter_rows,
    read_population,
    summarise,
    validate_registry,
    write_records,
)
from dod_model.registry._columns import field_of, match_header


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def test_a_sheet_that_understates_its_size_loses_no_row_or_column(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Номер сертификата", "Дата рождения", "Муниципальное образование"])
    for i in range(3):
        sheet.append([str(1234567890 + i), "01.01.2012", "Самара"])
    book.save(tmp_path / "full.xlsx")
    # As 1C writes it: a <dimension ref> of two columns and two rows.
    with (
        zipfile.ZipFile(tmp_path / "full.xlsx") as zin,
        zipfile.ZipFile(tmp_path / "1c.xlsx", "w") as zout,
    ):
        for item in zin.infolist():
            data = zin.read(item.filename)
            if "worksheets/sheet" in item.filename:
                data = re.sub(rb'<dimension ref="[^"]+"/>', b'<dimension ref="A1:B2"/>', data)
            zout.writestr(item, data)
    rows = list(iter_rows(tmp_path / "1c.xlsx"))
    assert [(r.row, r.record.number, r.record.municipality) for r in rows] == [
        (2, "1234567890", "Самара"),
        (3, "1234567891", "Самара"),
        (4, "1234567892", "Самара"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # «№ п/п» is a row counter, not the certificate number, whatever the column order.
        ("№ п/п;Номер сертификата;Дата рождения\n1;1234567890;01.01.2012\n", "1234567890"),
        ("Номер сертификата;№ п/п;Дата рождения\n1234567890;1;01.01.2012\n", "1234567890"),
        (
            "Номер телефона;№ сертификата;Дата рождения\n+79270000000;1234567890;01.01.2012\n",
            "1234567890",
        ),
    ],
)
def test_a_row_counter_or_a_phone_is_not_the_certificate_number(tmp_path, text, expected):
    (row,) = iter_rows(write(tmp_path / "c.csv", text))
    assert row.record.number == expected
    assert row.findings == ()


def test_the_most_specific_column_wins_whatever_the_order(tmp_path):
    enrolments = write(
        tmp_path / "e.csv",
        "Номер сертификата;Наименование программы;"
        "Код программы;Дата зачисления\n1234567890;Робототехника;P1;01.09.2021\n",
    )
    assert next(iter_rows(enrolments)).record.programme == "P1"
    certificates = write(
        tmp_path / "c.csv",
        "Номер сертификата;Статус сертификата;Тип сертификата;"
        "Дата рождения\n1234567890;Активен;ПФДО;01.01.2012\n",
    )
    (row,) = iter_rows(certificates)
    assert row.record.kind.value == "personified-financing"
    assert row.findings == ()
    programmes = write(
        tmp_path / "p.csv",
        "№ п/п;Наименование программы;ID программы;"
        "Направленность;Продолжительность, мес.\n1;Танцы;P77;художественная;9\n",
    )
    (row,) = iter_rows(programmes)
    assert (row.record.id, row.record.title, row.record.hours) == ("P77", "Танцы", None)


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("№ п/п", "certificates"),
        ("№", "programmes"),
        ("Номер телефона", "certificates"),
        ("Стоимость часа", "programmes"),
        ("Продолжительность, мес.", "programmes"),
    ],
)
def test_cells_that_name_no_field(header, kind):
    assert field_of(header, kind) is None


def test_a_row_counter_is_no_unknown_column():
    header = match_header(["№ п/п", "Номер сертификата", "Дата рождения"])
    assert header is not None
    assert header.columns == (None, "number", "holder_birth_date")
    assert header.unknown == ()


def test_a_second_column_for_one_field_is_reported_as_a_repeat(tmp_path):
    path = write(
        tmp_path / "c.csv",
        "Номер сертификата;Дата рождения;Дата рождения ребёнка\n1234567890;01.01.2012;01.01.2012\n",
    )
    report = validate_registry(path, region="RU-SAM")
    (repeat,) = [f for f in report.findings if f.code == "registry/repeated-column"]
    assert "«Дата рождения ребёнка» names holder_birth_date too" in repeat.message
    assert not [f for f in report.findings if f.code == "registry/unknown-column"]


GOOD = "".join(f"12345678{i:02d};01.01.2012;Самара\n" for i in range(5))
HEAD = "Номер сертификата;Дата рождения;Муниципальное образование\n"


def test_a_stray_quote_spoils_its_own_row_only(tmp_path):
    path = write(tmp_path / "stray.csv", HEAD + '1234567800;01.01.2012;"Самара\n' + GOOD)
    rows = list(iter_rows(path))
    assert rows[0].record is None
    assert rows[0].findings[0].message == (
        "stray.csv row 2: line 2: a quote opened in it runs on to line 7, taking 5 more lines "
        "into its cell (close the quote, or double a quote that is part of the text); the row "
        "is skipped"
    )
    assert [(r.row, r.record.number, r.record.municipality) for r in rows[1:]] == [
        (3 + i, f"12345678{i:02d}", "Самара") for i in range(5)
    ]


def test_a_stray_quote_before_many_rows_keeps_every_row_and_its_number(tmp_path):
    many = "".join(f"{1000000000 + i};01.01.2012;Самара\n" for i in range(6000))
    path = write(tmp_path / "stray.csv", HEAD + '1234567800;01.01.2012;"Самара\n' + many)
    rows = list(iter_rows(path))
    assert len(rows) == 6001
    assert [r.row for r in rows if r.record is None] == [2]
    assert (rows[-1].row, rows[-1].record.number) == (6002, "1000005999")


def test_a_mis_encoded_line_a_stray_quote_took_in_is_still_a_bad_row(tmp_path):
    path = tmp_path / "stray.csv"
    tolyatti = "1234567899;01.01.2012;Тольятти\n".encode("cp1251")
    path.write_bytes((HEAD + '1234567800;01.01.2012;"Самара\n' + GOOD).encode() + tolyatti)
    rows = list(iter_rows(path, encoding="utf-8"))
    assert [(r.row, r.record is None) for r in rows] == [(2, True)] + [
        (3 + i, False) for i in range(5)
    ] + [(8, True)]  # fmt: skip
    assert rows[-1].findings[0].message.startswith("stray.csv row 8: line 8 is not utf-8;")


def test_lines_that_begin_with_a_byte_order_mark_lose_it(tmp_path):
    # Exports put together into one file, each with its byte-order mark.
    text = HEAD + GOOD + "\ufeff" + GOOD.replace("12345678", "12345679")
    path = write(tmp_path / "joined.csv", "\ufeff" + text)
    assert [r.record.number for r in iter_rows(path)][4:6] == ["1234567804", "1234567900"]


def test_a_file_cut_inside_a_quote_is_a_bad_last_row(tmp_path):
    path = write(
        tmp_path / "cut.csv", HEAD + '1234567800;01.01.2012;Самара\n1234567801;01.01.2012;"Сам'
    )
    first, last = iter_rows(path)
    assert first.record is not None
    assert last.record is None
    assert "line 3: the CSV parser rejects it (unexpected end of data)" in last.findings[0].message


def test_a_quoted_cell_across_lines_is_one_cell(tmp_path):
    path = write(tmp_path / "c.csv", HEAD + '1234567800;01.01.2012;"г.о.\nСамара; центр"\n' + GOOD)
    rows = list(iter_rows(path))
    assert rows[0].record.municipality == "г.о.\nСамара; центр"
    assert [r.row for r in rows] == [2, 3, 4, 5, 6, 7]
    assert all(r.findings == () for r in rows)


def test_a_byte_order_mark_is_dropped_whatever_encoding_is_named(tmp_path):
    path = write(tmp_path / "bom.csv", HEAD + GOOD, "utf-8-sig")
    assert next(iter_rows(path, encoding="utf-8")).record.number == "1234567800"


CERTIFICATES = "Номер сертификата;Вид сертификата;Дата рождения;Номинал;Дата выдачи;Регион\n"


def codes(report):
    return [(f.code, f.path) for f in report.findings if not f.code.startswith("registry/rows")]


def test_enrolments_alone_are_not_checked_against_an_empty_registry(tmp_path):
    enrolments = write(
        tmp_path / "e.csv",
        "Номер сертификата;ID программы;Дата зачисления\n1234567890;P1;01.09.2021\n",
    )
    assert codes(validate_registry(enrolments)) == []
    certificates = write(tmp_path / "c.csv", CERTIFICATES + "1234567891;учёта;01.01.2012;;;\n")
    report = validate_registry(certificates, enrolments)
    # The certificate file is given: its numbers are known; no programme file: none are.
    assert codes(report) == [("core/enrolment-reference", "/enrolments/0")]
    assert "names certificate 1234567890" in report.findings[0].message


def test_files_of_one_kind_make_one_table(tmp_path):
    row = "1234567890;ПФДО;01.01.2012;6000;01.09.2021;RU-SAM\n"
    first = write(tmp_path / "c.csv", CERTIFICATES + row)
    second = write(tmp_path / "c2.csv", CERTIFICATES + "1234567899;учёта;01.01.2012;;;\n" + row)
    report = validate_registry(first, second)
    assert codes(report) == [("core/duplicate-certificate", "/certificates/2")]
    assert report.findings[0].message.startswith("c2.csv row 3:")


def test_the_region_is_the_first_one_a_record_names_in_any_form(tmp_path):
    providers = write(tmp_path / "p.csv", "Наименование организации;ИНН\nДДТ;2801000000\n")
    amur = write(
        tmp_path / "c.csv",
        CERTIFICATES + "1234567890;ПФДО;01.01.2012;6000;;"
        "Амурская область\n1234567891;ПФДО;01.01.2012;6000;01.09.2021;RU-AMU\n",
    )
    assert validate_registry(providers, amur).region == "RU-AMU"
    unknown = write(tmp_path / "k.csv", CERTIFICATES + "1234567890;учёта;01.01.2012;;;Марс\n")
    report = validate_registry(unknown)
    assert report.region is None
    assert [f.code for f in report.findings][:1] == ["registry/unknown-region"]
    report = validate_registry(providers, region="RU-XXX")
    assert report.findings[0].code == "registry/unknown-region"
    assert "«RU-XXX»" in report.findings[0].message


def test_odd_digits_and_numbers_are_findings_and_every_rule_goes_on(tmp_path):
    path = write(
        tmp_path / "c.csv",
        "Номер сертификата;Дата рождения\n¹²³⁴⁵⁶⁷⁸⁹⁰;01.01.2012\n"
        "١٢٣٤٥٦٧٨٩٠;01.01.2012\n1234567891;01.01.2012\n1234567891;01.01.2012\n",
    )
    assert codes(validate_registry(path)) == [
        ("core/certificate-number", "/certificates/0"),
        ("core/certificate-number", "/certificates/1"),
        ("core/duplicate-certificate", "/certificates/3"),
    ]


def test_non_finite_and_negative_json_numbers_are_bad_values(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text('{"id": "1", "title": "A", "ages_low": -1, "ages_high": 5, "hours": NaN}\n')
    (row,) = iter_rows(path)
    assert row.record.ages is None
    assert [f.code for f in row.findings] == ["registry/bad-value"] * 3
    certificates = tmp_path / "c.jsonl"
    certificates.write_text('{"number": "1234567890", "nominal": NaN, "balance": 5}\n')
    report = validate_registry(certificates)
    assert [c for c, _ in codes(report)] == ["registry/bad-value"]


def test_a_cell_the_encoding_cannot_write_is_a_document_error(tmp_path):
    records = [Certificate(number="1234567890", municipality="Ақсу")]
    with pytest.raises(DocumentError, match=r"record 1 \(1234567890\) holds «қ», which cp1251"):
        write_records(tmp_path / "c.csv", records, encoding="cp1251")


def test_identifiers_lose_the_spaces_around_them(tmp_path):
    path = write(
        tmp_path / "c.csv",
        "Номер сертификата;Дата рождения\n1234567890;01.01.2012\n1234567890 ;01.01.2012\n",
    )
    assert codes(validate_registry(path)) == [("core/duplicate-certificate", "/certificates/1")]
    enrolments = write(
        tmp_path / "e.csv",
        "Номер сертификата;ID программы;Дата зачисления\n 1234567890;P1 ;01.09.2021\n",
    )
    (row,) = iter_rows(enrolments)
    assert (row.record.certificate, row.record.programme) == ("1234567890", "P1")


def test_a_spreadsheet_number_gets_its_leading_zeros_back(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["Номер сертификата", "Дата рождения"])
    book.active.append([12345678, "01.01.2012"])
    book.save(tmp_path / "c.xlsx")
    assert next(iter_rows(tmp_path / "c.xlsx")).record.number == "0012345678"


def test_a_json_object_with_one_key_is_a_record(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"number": "1234567891"}\n{"number": "1234567892", "kind": "social"}\n')
    rows = list(iter_rows(path))
    assert [r.record.number for r in rows] == ["1234567891", "1234567892"]
    assert all(r.findings == () for r in rows)


def test_the_nominal_is_spent_per_calendar_year(tmp_path):
    certificates = write(
        tmp_path / "c.csv", CERTIFICATES + "1234567890;ПФДО;01.01.2012;6000;01.09.2021;RU-SAM\n"
    )
    enrolments = write(
        tmp_path / "e.csv",
        "Номер сертификата;ID программы;Дата зачисления;"
        "Стоимость\n1234567890;P1;01.09.2021;5000\n1234567890;P1;01.09.2022;5000\n"
        "1234567890;P2;01.10.2022;1500\n",
    )
    report = validate_registry(certificates, enrolments)
    assert codes(report) == [("core/certificate-overdrawn", "/enrolments/2")]
    assert "enrolments of 2022 up to programme P2 charge 6500" in report.findings[0].message


def test_a_row_of_more_or_fewer_cells_than_the_header_is_reported(tmp_path):
    path = write(
        tmp_path / "c.csv",
        HEAD + "1234567800;01.01.2012;Самара;лишнее\n"
        "1234567801;01.01.2012\n1234567802;01.01.2012;Самара;;\n",
    )
    extra, short, trailing = iter_rows(path)
    assert [(f.code, f.severity.value) for f in extra.findings] == [
        ("registry/ragged-row", "warning")
    ]
    assert extra.findings[0].message == (
        "c.csv row 2: 4 cells, but the header has 3; the cells past the header are not read"
    )
    assert short.record.number == "1234567801"
    assert "2 cells, but the header has 3; the missing ones are read as empty" in (
        short.findings[0].message
    )
    assert trailing.findings == ()  # empty cells past the header hold nothing to lose


def test_a_title_with_commas_and_decimal_commas_do_not_mislead_the_delimiter(tmp_path):
    path = write(
        tmp_path / "c.csv",
        "Реестр сертификатов ПФДО, г. Самара, на 01.09.2023, форма 1\n"
        "Номер сертификата;Номинал\n1234567890;5 000,00\n1234567891;6 500,00\n",
    )
    rows = list(iter_rows(path))
    assert [str(r.record.nominal) for r in rows] == ["5000.00", "6500.00"]


def test_labels_as_registries_write_them(tmp_path):
    programmes = write(
        tmp_path / "p.csv",
        "ID программы;Наименование программы;Направленность;"
        "Уровень;Объём, часов\n"
        "1;А;туристско – краеведческая;Стартовый (ознакомительный);72 ч.\n"
        "2;Б;физкультурно спортивная;базовый;36\n"
        "3;В;Художественная направленность;продвинутый;144 часа\n",
    )
    rows = list(iter_rows(programmes))
    assert all(r.findings == () for r in rows)
    assert [(r.record.orientation.value, r.record.level.value, r.record.hours) for r in rows] == [
        ("tourism", "starting", 72),
        ("sports", "basic", 36),
        ("arts", "advanced", 144),
    ]
    certificates = write(
        tmp_path / "c.csv",
        "Номер сертификата;Вид сертификата;Номинал;"
        "Единица номинала\n1234567890;Сертификат ПФДО;6000;₽\n"
        "1234567891;социальный;72;часы\n1234567892;активен;;рубли\n",
    )
    first, second, third = iter_rows(certificates)
    assert (first.record.kind.value, first.record.nominal_unit.value) == (
        "personified-financing",
        "roubles",
    )
    assert second.record.nominal_unit.value == "hours"
    # A kind that does not read takes the model's default, and the finding says which.
    (finding,) = third.findings
    assert finding.message.endswith("read as «сертификат учёта», the default")


def test_a_date_kept_as_its_spreadsheet_serial_number_reads(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["Номер сертификата", "Дата рождения", "Дата выдачи"])
    book.active.append(["1234567890", 40909, 44075])
    book.save(tmp_path / "c.xlsx")
    (row,) = iter_rows(tmp_path / "c.xlsx")
    assert (str(row.record.holder_birth_date), str(row.record.issued)) == (
        "2012-01-01",
        "2020-09-01",
    )
    assert row.findings == ()


def test_a_summary_adds_up_and_matches_municipalities_however_written(tmp_path):
    records = [
        Certificate(number="1", municipality="г.о. Самара", holder_birth_date=dt.date(2012, 1, 1)),
        Certificate(number="2", municipality="САМАРА", holder_birth_date=dt.date(2012, 1, 1)),
        Certificate(
            number="3",
            municipality="Самара",
            holder_birth_date=dt.date(2012, 1, 1),
            issued=dt.date(2030, 1, 1),
        ),
        Certificate(number="4", municipality="Самара", holder_birth_date=dt.date(2025, 1, 1)),
    ]
    summary = summarise(records, on=dt.date(2020, 1, 1), population={"Самара": 10})
    assert [(c.key, c.count) for c in summary.by_municipality] == [("г.о. Самара", 4)]
    assert sum(c.count for c in summary.by_age) == summary.certificates == 4
    assert [(c.key, c.count) for c in summary.by_age] == [
        ("8", 2),
        ("unknown", 1),
        ("issued later", 1),
    ]
    assert summary.coverage == 0.2
    elsewhere = summarise(records, on=dt.date(2020, 1, 1), population={"Тольятти": 10})
    assert elsewhere.coverage is None  # no municipality of the registry in the table
    table = write(
        tmp_path / "population.csv",
        "Численность детей 5-18 лет на 01.01.2023\n"
        "Муниципалитет;Детей\nг.о. Самара;120 000\nТольятти;80000\n",
    )
    assert read_population(table) == {"г.о. Самара": 120000, "Тольятти": 80000}
    twice = write(tmp_path / "twice.csv", "Самара;10\nг.о. Самара;12\n")
    with pytest.raises(DocumentError, match=r"row 2: «г\.о\. Самара» is listed twice"):
        read_population(twice)


def test_a_financing_certificate_issued_before_amur_began_pfdo_is_a_note(tmp_path):
    path = write(
        tmp_path / "c.csv", CERTIFICATES + "2800000001;ПФДО;01.05.2010;5000;01.09.2019;RU-AMU\n"
    )
    (note,) = [f for f in validate_registry(path).findings if f.code.startswith("amur/")]
    assert (note.code, note.severity.value) == ("amur/financing-before-pfdo", "info")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".jsonl"])
def test_a_record_of_another_kind_leaves_no_half_written_file(tmp_path, suffix):
    path = tmp_path / f"c{suffix}"
    with pytest.raises(TypeError, match="one kind of record"):
        write_records(path, [Certificate(number="1234567890"), Programme(id="1", title="А")])
    assert not path.exists()
    assert write_records(tmp_path / "none.csv", []) == 0


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".jsonl"])
def test_a_file_that_cannot_be_written_is_a_document_error(tmp_path, suffix):
    with pytest.raises(DocumentError, match=rf"c{suffix}: cannot write the file"):
        write_records(tmp_path / "absent" / f"c{suffix}", [Certificate(number="1234567890")])
    with pytest.raises(DocumentError, match=r"c\.txt: no registry format None"):
        write_records(tmp_path / "c.txt", [])


def test_a_cell_a_worksheet_cannot_hold_leaves_no_half_written_file(tmp_path):
    path = tmp_path / "c.xlsx"
    records = [Certificate(number="1234567890"), Certificate(number="1234567891", region="\x01")]
    with pytest.raises(DocumentError, match="record 2 holds control characters"):
        write_records(path, records)
    assert not path.exists()


def test_the_command_line_takes_an_encoding(tmp_path, capsys):
    path = write(tmp_path / "c.csv", HEAD + "1234567890;01.01.2012;Тольятти\n", "koi8_r")
    code = main(["registry", "validate", str(path), "--encoding", "koi8_r"])
    assert code == 0
    assert "1 rows of certificates, 1 read, 0 skipped" in capsys.readouterr().out


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r", "cp866"])
def test_a_single_byte_cyrillic_encoding_is_told_from_the_bytes(tmp_path, encoding):
    rows = "".join(
        f"12345678{i:02d};01.01.2012;Муниципальный район Кинельский\n" for i in range(30)
    )
    path = write(tmp_path / "c.csv", HEAD + rows, encoding)
    first = next(iter_rows(path))
    assert first.record.municipality == "Муниципальный район Кинельский"


def test_blank_rows_are_passed_over_before_any_row_is_read(tmp_path, monkeypatch):
    # Two million blank lines (2 MB) took 32 s: each was read, and found wanting, before it
    # was dropped. A blank row is told at once now.
    from dod_model.registry import _rows  # noqa: PLC0415 - the reader whose calls are counted

    calls = []
    read = _rows.RowReader.read
    monkeypatch.setattr(
        _rows.RowReader, "read", lambda self, *args: calls.append(args[0]) or read(self, *args)
    )
    path = tmp_path / "certificates.csv"
    header = "Номер сертификата;Дата рождения;Муниципалитет\n"
    path.write_text(header + ";;\n" * 5000 + "\n" * 5000 + "1234567890;01.02.2015;Самара\n")
    rows = list(iter_rows(path))
    assert [row.row for row in rows] == [10_002]
    assert calls == [] or calls == [10_002]  # a good row may be read by the fast path instead


def test_a_row_of_a_million_cells_is_no_header_and_is_not_matched_cell_by_cell(monkeypatch):
    # A line of two million tabs above the header took five seconds to be found no header.
    from dod_model.registry import _columns  # noqa: PLC0415 - the matcher whose work is counted

    looked: list[int] = []
    fold = _columns.fold_header
    monkeypatch.setattr(_columns, "fold_header", lambda text: looked.append(1) or fold(text))
    assert _columns.match_header(["Номер сертификата", ""] * 600_000) is None
    assert looked == []
    assert _columns.match_header(["Номер сертификата", "Дата рождения"]) is not None
