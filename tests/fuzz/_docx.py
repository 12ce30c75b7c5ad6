"""Word files mutated: real packages, changed at the zip level or in their XML."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from hypothesis import strategies as st
from lxml import etree

from tests.fuzz import _ooxml, _seeds, _values
from tests.fuzz._zipmodel import Package

__all__ = ["KEY_PARTS", "docx_xml_mutants", "docx_zip_mutants"]

_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{" + _NS + "}"
_DECLARE = f'xmlns:w="{_NS}"'

KEY_PARTS = ["word/document.xml", "word/numbering.xml", "word/styles.xml"]
_ENTRIES = ["[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", *KEY_PARTS]

_D, _N, _S = KEY_PARTS
_TAGS = {
    _D: [
        None,
        *(
            W + t
            for t in (
                "tbl",
                "tr",
                "tc",
                "p",
                "r",
                "t",
                "tcPr",
                "tblGrid",
                "gridCol",
                "numPr",
                "body",
                "sdt",
                "ins",
                "del",
                "pPr",
                "rPr",
                "tblPr",
            )
        ),
    ],
    _N: [None, W + "lvl", W + "abstractNum", W + "num", W + "start", W + "numFmt"],
    _S: [None, W + "style", W + "basedOn", W + "docDefaults"],
}

NUMBER_FORMATS = [
    "decimal",
    "upperRoman",
    "lowerRoman",
    "upperLetter",
    "lowerLetter",
    "ordinal",
    "cardinalText",
    "ordinalText",
    "russianLower",
    "russianUpper",
    "bullet",
    "none",
    "chicago",
    "decimalZero",
    "hex",
    "ideographDigital",
    "japaneseCounting",
    "aiueo",
    "koreanDigital",
    "hebrew1",
    "arabicAlpha",
    "thaiLetters",
    "decimalEnclosedCircle",
    "numberInDash",
    "custom",
    "",
    "bogus",
]
_LEVEL_TEXTS = [
    "%1",
    "%1.",
    "%1.%2.",
    "%1.%2.%3.%4.%5.%6.%7.%8.%9.",
    "%" * 1000,
    "%0",
    "%10",
    "%1" * 5000,
    "",
]
SYMBOLS = [
    "D800",
    "DBFF",
    "DC00",
    "DFFF",
    "FFFE",
    "FFFF",
    "0000",
    "0009",
    "000B",
    "110000",
    "FFFFFFFF",
    "ZZZZ",
    "",
    "F0B7",
    "-1",
    "9" * 100,
    "1F600",
    "F020",
]
_STYLES = ["Normal", "Heading1", "ListNumber", "TableGrid", "", "a" * 300]

# Start values that make a list's numbers long (a letter per 26, a roman M per thousand), half
# the time; and the formats whose rendering grows with the number, half the time.
_NUMBERED = _values.either(
    (1, st.sampled_from([str(10**9), str(10**12), "9" * 4400, "-" + str(10**12)])),
    (1, _values.numbers()),
)
_FORMATS = _values.either(
    (1, st.sampled_from(["upperRoman", "lowerLetter", "decimal", "upperLetter", "lowerRoman"])),
    (1, st.sampled_from(NUMBER_FORMATS)),
)
_ATTRS = [
    (_N, W + "start", W + "val", _NUMBERED),
    (_N, W + "numFmt", W + "val", _FORMATS),
    (_N, W + "lvlText", W + "val", st.one_of(st.sampled_from(_LEVEL_TEXTS), _values.runs())),
    (_N, W + "abstractNumId", W + "val", _values.numbers()),
    (_N, W + "lvl", W + "ilvl", _values.numbers()),
    (_N, W + "startOverride", W + "val", _NUMBERED),
    (_D, W + "gridSpan", W + "val", _values.numbers()),
    (_D, W + "vMerge", W + "val", st.sampled_from(["restart", "continue", "", "bogus"])),
    (_D, W + "ilvl", W + "val", _values.numbers()),
    (_D, W + "numId", W + "val", _values.numbers()),
    (_D, W + "gridCol", W + "w", _values.numbers()),
    (_D, W + "tcW", W + "w", _values.numbers()),
    (_D, W + "pStyle", W + "val", st.sampled_from(_STYLES)),
    (_D, W + "sym", W + "char", st.sampled_from(SYMBOLS)),
    (_S, W + "basedOn", W + "val", st.sampled_from(_STYLES)),
    (_S, W + "style", W + "styleId", st.sampled_from(_STYLES)),
    (_S, W + "outlineLvl", W + "val", _values.numbers()),
    (_D, None, W + "val", _values.numbers()),
]


def _xml(template: str, **values: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """XML text from a template whose fields are drawn (escaped); ``{ns}`` declares ``w:``."""

    def fill(drawn: dict[str, str]) -> str:
        escaped = {
            k: str(v).replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
            for k, v in drawn.items()
        }
        return template.format(ns=_DECLARE, **escaped)

    return st.fixed_dictionaries(values).map(fill)


_INSERTS = [
    (
        _D,
        W + "p",
        _xml('<w:r {ns}><w:sym w:font="Symbol" w:char="{c}"/></w:r>', c=st.sampled_from(SYMBOLS)),
    ),
    (
        _D,
        W + "p",
        st.sampled_from(
            [
                f"<w:r {_DECLARE}><w:t>а</w:t><w:tab/><w:t>б</w:t></w:r>",
                f"<w:r {_DECLARE}><w:br/><w:cr/><w:noBreakHyphen/><w:softHyphen/></w:r>",
                f'<w:r {_DECLARE}><w:ptab w:alignment="left" w:relativeTo="margin" '
                'w:leader="none"/></w:r>',
                f'<w:fldSimple {_DECLARE} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>',
                f'<w:r {_DECLARE} xmlns:x="urn:fuzz"><w:t>Ghost</w:t><x:t>stranger</x:t></w:r>',
                '<w:r xmlns:w="urn:not-word"><w:t>not Word text</w:t></w:r>',
                '<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math">'
                "<m:f><m:num><m:r><m:t>1</m:t></m:r></m:num><m:den><m:r><m:t>0</m:t></m:r></m:den>"
                "</m:f></m:oMath>",
            ]
        ),
    ),
    (
        _D,
        W + "tbl",
        st.sampled_from(
            [
                f"<w:tr {_DECLARE}/>",
                f"<w:tr {_DECLARE}><w:tc/></w:tr>",
                f"<w:tr {_DECLARE}><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>",
                f"<w:tr {_DECLARE}>" + "<w:tc><w:p/></w:tc>" * 1000 + "</w:tr>",
                f"<w:tr {_DECLARE}><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc>"
                "<w:tc><w:p/></w:tc><w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>только здесь</w:t>"
                "</w:r>"
                "</w:p></w:tc></w:tr>",
            ]
        ),
    ),
    (
        _D,
        W + "tbl",
        _xml(
            '<w:tr {ns}><w:tc><w:tcPr><w:gridSpan w:val="{n}"/></w:tcPr><w:p/></w:tc></w:tr>',
            n=_values.numbers(),
        ),
    ),
    (
        _D,
        W + "tbl",
        _xml(
            "<w:tr {ns}><w:tc><w:p><w:r><w:t>{number}</w:t></w:r></w:p></w:tc><w:tc>"
            "<w:p><w:r><w:t>{title}</w:t></w:r></w:p></w:tc></w:tr>",
            number=st.sampled_from(_values.TEXTS[:30]),
            title=st.sampled_from(["Мероприятие", "", "а" * 100]),
        ),
    ),
    (
        _D,
        W + "tc",
        st.just(
            f"<w:tbl {_DECLARE}><w:tr><w:tc><w:p><w:r><w:t>вложенная</w:t></w:r>"
            "</w:p></w:tc></w:tr></w:tbl>"
        ),
    ),
    (
        _D,
        W + "body",
        st.sampled_from(
            [
                f"<w:p {_DECLARE}><w:r><w:t>Утверждена приказом министерства от 01.02.2020 № 5"
                "</w:t>"
                "</w:r></w:p>",
                f"<w:p {_DECLARE}><w:r><w:t>ДОРОЖНАЯ КАРТА</w:t></w:r></w:p>",
                f"<w:tbl {_DECLARE}><w:tr><w:tc><w:p><w:r><w:t>№</w:t></w:r></w:p></w:tc></w:tr>"
                "</w:tbl>",
            ]
        ),
    ),
    (
        _D,
        None,
        st.sampled_from(
            [
                '<x:foo xmlns:x="urn:fuzz" x:a="1"><x:bar>text</x:bar></x:foo>',
                f'<w:unknownElement {_DECLARE} w:val="1"/>',
                '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/'
                f'2006" {_DECLARE}><mc:Choice Requires="w14"><w:r><w:t>choice</w:t></w:r>'
                "</mc:Choice>"
                "<mc:Fallback><w:r><w:t>fallback</w:t></w:r></mc:Fallback></mc:AlternateContent>",
            ]
        ),
    ),
    (
        _N,
        W + "numbering",
        _xml(
            '<w:abstractNum {ns} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="{n}"/>'
            '<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>',
            n=_NUMBERED,
            fmt=_FORMATS,
        ),
    ),
    (
        _N,
        W + "numbering",
        _xml(
            '<w:num {ns} w:numId="90"><w:abstractNumId w:val="90"/><w:lvlOverride w:ilvl="0">'
            '<w:startOverride w:val="{n}"/></w:lvlOverride></w:num>',
            n=_NUMBERED,
        ),
    ),
]
_WRAPPERS = [
    (W + "sdt", W + "sdtContent"),
    (W + "tbl", W + "tr", W + "tc"),
    (W + "ins",),
    (W + "smartTag",),
    (W + "customXml",),
    (W + "hyperlink",),
    ("{urn:fuzz}x",),
]

XML_OPS = _values.either(
    (3, _ooxml.tree_ops(_TAGS, _ATTRS, [(_D, W + "t")], _INSERTS, _WRAPPERS)),
    (1, st.deferred(lambda: st.builds(Numbering, st.integers(0, 3), _NUMBERED, _FORMATS))),
)
"""Mutations of the XML of a Word package's document, numbering and styles."""


def _seed_names() -> st.SearchStrategy[str]:
    names = _seeds.docx_seeds()
    bundled = [n for n in names if "/" not in n]
    corpus = [n for n in names if "/" in n]
    if not corpus:
        return st.sampled_from(bundled)
    return st.one_of(st.sampled_from(bundled), st.sampled_from(corpus))


def _donor(index: int) -> Package:
    names = _seeds.docx_seeds()
    return _seeds.docx_seed(names[index % len(names)])


def _mutants(ops: st.SearchStrategy[_ooxml.Op], most: int) -> st.SearchStrategy[_seeds.Mutant]:
    @st.composite
    def build(draw: st.DrawFn) -> _seeds.Mutant:
        seed = draw(_seed_names())
        chosen = tuple(draw(st.lists(ops, min_size=1, max_size=most)))
        data = _ooxml.apply_ops(_seeds.docx_seed(seed), chosen, _donor)
        return _seeds.Mutant(seed=seed, ops=chosen, data=data, name="fuzz.docx")

    return build()


def docx_xml_mutants() -> st.SearchStrategy[_seeds.Mutant]:
    """A Word file whose document, numbering or styles XML is mutated."""
    return _mutants(XML_OPS, 4)


def docx_zip_mutants() -> st.SearchStrategy[_seeds.Mutant]:
    """A Word file whose zip structure or bytes are mutated (now and then its XML too)."""
    package = _ooxml.package_ops(_ENTRIES, len(_seeds.docx_seeds()))
    return _mutants(_values.either((2, package), (1, _ooxml.BYTE_OPS), (1, XML_OPS)), 3)


@dataclass(frozen=True)
class Numbering(_ooxml.Op):
    """Give a list level a start value and a number format (the level the table's numbers use
    is the first in the bundled documents)."""

    index: int
    start: str
    format: str
    stage: ClassVar[str] = "tree"

    def __repr__(self) -> str:
        start = self.start if len(self.start) < 40 else f"{self.start[:20]}…<{len(self.start)}>"
        return f"Numbering(lvl[{self.index}] start={start!r}, {self.format})"

    def apply(self, state: Any) -> None:
        root = state.tree(_N)
        if root is None:
            return
        levels = list(root.iter(W + "lvl"))
        if not levels:
            return
        level = levels[self.index % len(levels)]
        for tag, value in ((W + "start", self.start), (W + "numFmt", self.format)):
            node = level.find(tag)
            if node is None:
                node = etree.SubElement(level, tag)
            node.set(W + "val", value)
