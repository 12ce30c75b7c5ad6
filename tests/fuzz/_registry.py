"""Registry files mutated: CSV (cells, quotes, delimiters, encodings), XLSX, JSON Lines, and
population tables.

The seeds are registries as regional systems export them (the shapes the registry tests use):
certificates, programmes, enrolments and providers in CSV, and the same records written as XLSX
and JSON Lines by :func:`dod_model.registry.write_records`.
"""

from __future__ import annotations

import functools
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st

from dod_model import registry
from tests.fuzz import _json, _ooxml, _seeds, _text, _values
from tests.fuzz._values import Run
from tests.fuzz._zipmodel import Package, parse

__all__ = ["POPULATION", "csv_mutants", "jsonl_mutants", "population_mutants", "xlsx_mutants"]

CSV_SEEDS = {
    "certificates.csv": (
        "Реестр сертификатов дополнительного образования (выгрузка на 01.10.2020)\n\n"
        "Номер сертификата;Вид сертификата;Дата рождения;Муниципалитет;Номинал;Остаток;"
        "Дата выдачи;Регион\n"
        "6312000001;ПФДО;14.03.2012;г.о. Самара;6 500,00;1 200,50;01.09.2020;RU-SAM\n"
        "6312000002;учёта;02.11.2008;г.о. Тольятти;;;15.09.2020;RU-SAM\n"
        "6312000003;ПФДО;01.09.2003;г.о. Самара;6 500,00;;01.09.2020;Самарская область\n"
        "2801000004;ПФДО;31.02.2010;г. Благовещенск;5000;5000;01.09.2019;RU-AMU\n"
    ),
    "programmes.csv": (
        "ID;Наименование программы;Направленность;Уровень;Формы реализации;Возраст от;"
        "Возраст до;Объём, часов;Сертифицирована;Комментарий\n"
        "101;Робототехника;Техническая;ознакомительный;сетевая, модульная;7;14;72;да;\n"
        "102;Юные краеведы;социально-педагогическая;базовый;;10;;144;нет;архив\n"
        "103;Шахматы;спортивная;продвинутый;очень сетевая;5;18;0;может быть;\n"
    ),
    "enrolments.csv": (
        "Номер сертификата;ID программы;Дата зачисления;Дата окончания;Стоимость\n"
        "6312000001;101;01.09.2020;31.05.2021;4 000,00\n"
        "6312000001;102;01.09.2020;31.05.2021;3 000,00\n"
        "6312000009;101;01.09.2020;;\n"
        "6312000001;103;01.09.2020;01.06.2020;\n"
    ),
    "providers.csv": (
        "Полное наименование поставщика;Сокращённое наименование;ИНН;Муниципалитет\n"
        "Муниципальное бюджетное учреждение дополнительного образования «Дом детского "
        "творчества»;МБУ ДО ДДТ;6829000000;г. Тамбов\n"
        "Центр «Кванториум»;Кванториум;2801000000;г. Благовещенск\n"
    ),
}
POPULATION = (
    "Численность детей 5-18 лет на 01.01.2023\nМуниципалитет;Детей\ng.o. Самара;120 000\n"
    "г.о. Тольятти;80000\nг. Благовещенск;31000\n"
)

# Values a registry cell may hold: numbers of thousands of digits, fields past the CSV module's
# 128 KB limit, quotes that do not close, far dates, ages the wrong way round.
_CELLS = st.one_of(
    st.sampled_from(
        [
            "9" * 5000,
            "-" + "9" * 5000,
            "1e309",
            "NaN",
            "-1",
            "0",
            "1 000 000 000 000 000 000",
            "6 500,00,00",
            "31.12.9999",
            "00.00.0000",
            "9999-12-31",
            "01.01.0001",
            "2958466",
            '"',
            '"а;б',
            'а"б',
            '""',
            "\n",
            "а\nб",
            "18-5",
            "5-18 лет",
            "0" * 12,
            "да",
            "может быть",
            "RU-XXX",
            "Самарская область",
            "\ufeffID",
            "\x00",
            "\ud800",
        ]
    ),
    st.sampled_from([Run((("а", 140_000),)), Run((("9", 140_000),)), Run((("1 ", 70_000),))]),
    _values.texts(),
)


@dataclass(frozen=True)
class Field(_text.TextOp):
    """Replace, extend or add a field of a CSV line (fields split by ``;``)."""

    line: int
    column: int
    text: object
    how: str

    def __repr__(self) -> str:
        return f"Field({self.line}:{self.column} {self.how} {_text.short(self.text)})"

    def lines(self, lines: list[str]) -> list[str]:
        return _text.edit_cell(lines, self.line, self.column, self.text, self.how, ";")


@dataclass(frozen=True)
class Delimiter(_text.TextOp):
    """Write the file with another delimiter (``;`` becomes ``,``, a tab, ``|``)."""

    delimiter: str

    def __repr__(self) -> str:
        return f"Delimiter({self.delimiter!r})"

    def lines(self, lines: list[str]) -> list[str]:
        return [line.replace(";", self.delimiter) for line in lines]


_INDEX = st.one_of(st.integers(0, 5), st.integers(0, 1000))
_CSV_OPS = _values.either(
    (
        3,
        st.builds(
            Field,
            _INDEX,
            st.integers(0, 10),
            _CELLS,
            st.sampled_from(["replace", "append", "prepend", "add"]),
        ),
    ),
    (1, st.builds(Delimiter, st.sampled_from([",", "\t", "|", ";;", " "]))),
    (2, _text.OPS),  # lines, encodings, bytes, as for text exports
)


def _csv(seeds: dict[str, str], suffix: str) -> st.SearchStrategy[_seeds.Mutant]:
    @st.composite
    def build(draw: st.DrawFn) -> _seeds.Mutant:
        seed = draw(st.sampled_from(sorted(seeds)))
        ops = tuple(draw(st.lists(_CSV_OPS, min_size=1, max_size=4)))
        lines = seeds[seed].split("\n")
        for op in ops:
            lines = op.lines(lines)
        text = "\n".join(lines)
        encodings = [op for op in ops if isinstance(op, _text.Encoding)]
        data = encodings[-1].encode(text) if encodings else text.encode("utf-8", "surrogatepass")
        for op in ops:
            data = op.bytes(data)
        return _seeds.Mutant(seed=seed, ops=ops, data=data, name=Path(seed).stem + suffix)

    return build()


def csv_mutants() -> st.SearchStrategy[_seeds.Mutant]:
    """A CSV registry of one of the four kinds, mutated."""
    return _csv(CSV_SEEDS, ".csv")


def population_mutants() -> st.SearchStrategy[_seeds.Mutant]:
    """A population table (municipality; children), mutated."""
    return _csv({"population.csv": POPULATION}, ".csv")


@functools.cache
def _written(suffix: str) -> dict[str, bytes]:
    """The CSV seeds' records, written by the library as ``suffix`` files."""
    out = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, text in CSV_SEEDS.items():
            source = Path(folder) / name
            source.write_text(text, encoding="utf-8")
            records = [r.record for r in registry.iter_rows(source) if r.record is not None]
            target = Path(folder) / (Path(name).stem + suffix)
            registry.write_records(target, records)
            out[target.name] = target.read_bytes()
    return out


_S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_SHEET, _STRINGS = "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"
_REFS = st.sampled_from(
    ["A1", "XFD1048576", "A1000000000", "ZZZZZZ1", "1A", "", "A0", "A-1", "B" + "9" * 5000]
)
_XLSX_OPS = _ooxml.tree_ops(
    {
        _SHEET: [None, _S + "row", _S + "c", _S + "v", _S + "sheetData"],
        _STRINGS: [None, _S + "si", _S + "t"],
    },
    [
        (
            _SHEET,
            _S + "row",
            "r",
            st.one_of(st.sampled_from(["1000000000", "1048577", "0", "-1"]), _values.numbers()),
        ),
        (_SHEET, _S + "c", "r", _REFS),
        (
            _SHEET,
            _S + "c",
            "t",
            st.sampled_from(["s", "n", "str", "inlineStr", "b", "e", "d", "x"]),
        ),
        (_SHEET, _S + "c", "s", _values.numbers()),
        (
            _SHEET,
            _S + "dimension",
            "ref",
            st.sampled_from(["A1:XFD1048576", "A1:A1000000000", "", "x", "A1"]),
        ),
        (_SHEET, _S + "row", "spans", st.sampled_from(["1:16384", "1:1000000000", "x"])),
    ],
    [(_SHEET, _S + "v"), (_STRINGS, _S + "t")],
    [
        (
            _SHEET,
            _S + "sheetData",
            st.sampled_from(
                [
                    f'<row xmlns="{_S[1:-1]}" r="1000000000"><c r="A1000000000" t="inlineStr">'
                    "<is><t>x</t>"
                    "</is></c></row>",
                    f'<row xmlns="{_S[1:-1]}" r="2"><c r="A2" t="s"><v>99999999</v></c></row>',
                    f'<row xmlns="{_S[1:-1]}" r="3"><c r="XFD3"><v>1</v></c></row>',
                    f'<row xmlns="{_S[1:-1]}">' + "<c><v>1</v></c>" * 20_000 + "</row>",
                ]
            ),
        ),
        (
            _STRINGS,
            _S + "sst",
            st.just(f'<si xmlns="{_S[1:-1]}"><t>' + "а" * 140_000 + "</t></si>"),
        ),
    ],
    [(_S + "row",), ("{urn:fuzz}x",)],
)


def xlsx_mutants() -> st.SearchStrategy[_seeds.Mutant]:
    """A workbook registry (written by the library), mutated in its XML, zip or bytes."""
    seeds = _written(".xlsx")
    package = _ooxml.package_ops([_SHEET, _STRINGS, "xl/workbook.xml", "[Content_Types].xml"], 0)
    ops = _values.either((2, _XLSX_OPS), (1, package), (1, _ooxml.BYTE_OPS))

    @st.composite
    def build(draw: st.DrawFn) -> _seeds.Mutant:
        seed = draw(st.sampled_from(sorted(seeds)))
        chosen = tuple(draw(st.lists(ops, min_size=1, max_size=3)))
        data = _ooxml.apply_ops(_package(seed), chosen)
        return _seeds.Mutant(seed=seed, ops=chosen, data=data, name=seed)

    return build()


@functools.cache
def _package(name: str) -> Package:
    found = parse(_written(".xlsx")[name])
    assert found is not None
    return found


@dataclass(frozen=True)
class Row:
    """A JSON Lines row mutated as a JSON document is (see ``_json``)."""

    line: int
    ops: tuple[object, ...]

    def __repr__(self) -> str:
        return f"Row({self.line}: {', '.join(map(repr, self.ops))})"


def jsonl_mutants() -> st.SearchStrategy[_seeds.Mutant]:
    """A JSON Lines registry (written by the library) whose rows and lines are mutated."""
    seeds = _written(".jsonl")

    @st.composite
    def build(draw: st.DrawFn) -> _seeds.Mutant:
        seed = draw(st.sampled_from(sorted(seeds)))
        lines = seeds[seed].decode("utf-8").split("\n")
        done: list[object] = []
        for _ in range(draw(st.integers(1, 3))):
            rows = [i for i, line in enumerate(lines) if line.strip()]
            at = rows[draw(_INDEX) % len(rows)] if rows else 0
            try:  # an earlier line mutation may have left the row no JSON
                row = json.loads(lines[at]) if rows else None
            except (ValueError, RecursionError):
                row = None
            if draw(st.booleans()) and row is not None:
                ops = draw(st.lists(_json.OPS, min_size=1, max_size=2))
                text, applied = _json.apply(row, ops)
                if isinstance(text, bytes):
                    text = text.decode("utf-8", "surrogateescape")
                lines[at] = text.replace("\n", " ")
                done.append(Row(at, applied))
            else:
                op = draw(
                    st.one_of(
                        _text.OPS,
                        st.builds(
                            _text.Line,
                            _INDEX,
                            st.just("insert"),
                            st.sampled_from(
                                [
                                    "[" * 1000 + "]" * 1000,
                                    '{"a":' * 1000 + "1" + "}" * 1000,
                                    "NaN",
                                    "1e400",
                                    "9" * 5000,
                                    '"\\ud800"',
                                    "{",
                                    "[]",
                                    "null",
                                    '{"number": 1, "number": 2}',
                                ]
                            ),
                        ),
                    )
                )
                lines = op.lines(lines)
                done.append(op)
        text = "\n".join(lines)
        try:
            data = text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:  # a row re-parsed from an earlier mutation holds a surrogate
            data = text.encode("utf-8", "surrogatepass")
        for op in done:
            if isinstance(op, _text.TextOp):
                data = op.bytes(data)
        return _seeds.Mutant(seed=seed, ops=tuple(done), data=data, name=seed)

    return build()
