"""Registry files as real systems write them: wrong sheet sizes, row counters, stray quotes."""

from __future__ import annotations

import re
import zipfile

import openpyxl
import pytest

from dod_model.registry import field_of, iter_rows, match_header, validate_registry


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
