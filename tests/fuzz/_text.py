"""Text exports mutated: their lines and cells, their table style, encoding, line ends, bytes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from hypothesis import strategies as st

from tests.fuzz import _seeds, _values

__all__ = ["OPS", "Encoding", "Line", "TextOp", "short", "text_mutants"]

_INDEX = st.one_of(st.integers(0, 5), st.integers(0, 1000))


class TextOp:
    stage: ClassVar[str] = "lines"  # lines, encode, bytes

    def lines(self, lines: list[str]) -> list[str]:
        return lines

    def bytes(self, data: bytes) -> bytes:
        return data


def short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:40]}…<{len(text)} chars>"


@dataclass(frozen=True)
class Cell(TextOp):
    """Replace, extend or add a cell of a line (cells are split by tabs)."""

    line: int
    column: int
    text: object
    how: str  # replace, append, prepend, add

    def __repr__(self) -> str:
        return f"Cell({self.line}:{self.column} {self.how} {short(self.text)})"

    def lines(self, lines: list[str]) -> list[str]:
        return edit_cell(lines, self.line, self.column, self.text, self.how, "\t")


def edit_cell(
    lines: list[str], line: int, column: int, text: object, how: str, separator: str
) -> list[str]:
    """``lines`` with one cell of a row (a line holding ``separator``) edited ``how``."""
    rows = [i for i, row in enumerate(lines) if separator in row] or list(range(len(lines)))
    if not rows:
        return lines
    at = rows[line % len(rows)]
    cells = lines[at].split(separator)
    column %= len(cells)
    new = str(text)
    if how == "add":
        cells.insert(column, new)
    else:
        old = cells[column]
        cells[column] = {"replace": new, "append": old + new, "prepend": new + old}[how]
    return [*lines[:at], separator.join(cells), *lines[at + 1 :]]


@dataclass(frozen=True)
class Line(TextOp):
    """Delete, duplicate, move, join or insert a line."""

    line: int
    how: str  # delete, duplicate, swap, join, insert, long
    text: object = ""
    times: int = 1

    def __repr__(self) -> str:
        extra = f" {short(self.text)}" if self.how in ("insert", "long") else ""
        times = f" ×{self.times}" if self.how == "duplicate" else ""
        return f"Line({self.line} {self.how}{extra}{times})"

    def lines(self, lines: list[str]) -> list[str]:
        if not lines:
            return [str(self.text)]
        at = self.line % len(lines)
        if self.how == "delete":
            return lines[:at] + lines[at + 1 :]
        if self.how == "duplicate":
            return lines[: at + 1] + [lines[at]] * self.times + lines[at + 1 :]
        if self.how == "swap":
            other = (at + 1) % len(lines)
            lines = list(lines)
            lines[at], lines[other] = lines[other], lines[at]
            return lines
        if self.how == "join":
            return [*lines[:at], " ".join(lines[at : at + 2]), *lines[at + 2 :]]
        if self.how == "long":
            return [*lines[:at], lines[at] + str(self.text), *lines[at + 1 :]]
        return [*lines[:at], str(self.text), *lines[at:]]


@dataclass(frozen=True)
class Style(TextOp):
    """Write the tab rows in another of the styles exports come in: pipes, or a cell a line."""

    kind: str  # pipes, cells
    pad: int = 1

    def __repr__(self) -> str:
        return f"Style({self.kind}, pad={self.pad})"

    def lines(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        gap = " " * self.pad
        for line in lines:
            # A line of millions of tabs (another mutation's) stays as it is: restyled with
            # wide gaps it would take gigabytes to generate.
            if "\t" not in line or line.count("\t") * (2 * self.pad + 1) > 4_000_000:
                out.append(line)
            elif self.kind == "pipes":
                out.append("|" + gap + f"{gap}|{gap}".join(line.split("\t")) + gap + "|")
            else:
                out.extend(["", *("\t" + cell for cell in line.split("\t"))])
        return out


@dataclass(frozen=True)
class Encoding(TextOp):
    """The bytes the text is saved as: an encoding, a BOM (right or wrong), line ends."""

    encoding: str
    ends: str = "\n"
    stage: ClassVar[str] = "encode"

    def __repr__(self) -> str:
        return f"Encoding({self.encoding}, ends={self.ends!r})"

    def encode(self, text: str) -> bytes:
        text = text.replace("\n", self.ends)
        if self.encoding == "bom+cp1251":
            return b"\xef\xbb\xbf" + text.encode("cp1251", "replace")
        if self.encoding == "mixed":  # a file pasted together from two exports
            half = len(text) // 2
            return text[:half].encode("utf-8", "surrogatepass") + text[half:].encode(
                "cp1251", "replace"
            )
        errors = "surrogatepass" if self.encoding.startswith("utf") else "replace"
        return text.encode(self.encoding, errors)


@dataclass(frozen=True)
class Bytes(TextOp):
    """Flip, insert (NULs, 0xFF, a BOM mid-file) or delete bytes; cut the file short."""

    at: float
    kind: str  # flip, nul, ff, bom, delete, cut
    size: int = 1
    stage: ClassVar[str] = "bytes"

    def __repr__(self) -> str:
        return f"Bytes({self.kind} at {self.at:.3f}, size={self.size})"

    def bytes(self, data: bytes) -> bytes:
        at = int(self.at * len(data))
        if self.kind == "flip" and data:
            at = min(at, len(data) - 1)
            return data[:at] + bytes([data[at] ^ (self.size % 255 + 1)]) + data[at + 1 :]
        insert = {"nul": b"\x00", "ff": b"\xff", "bom": b"\xef\xbb\xbf", "crlf": b"\r"}
        if self.kind in insert:
            return data[:at] + insert[self.kind] * self.size + data[at:]
        if self.kind == "delete":
            return data[:at] + data[at + self.size :]
        if self.kind == "cut":
            return data[:at]
        return data


_ENCODINGS = [
    "utf-8",
    "utf-8-sig",
    "cp1251",
    "koi8-r",
    "cp866",
    "mac-cyrillic",
    "iso8859-5",
    "utf-16",
    "utf-16-le",
    "utf-32",
    "bom+cp1251",
    "mixed",
]
OPS = _values.either(
    (
        3,
        st.builds(
            Cell,
            _INDEX,
            st.integers(0, 8),
            _values.texts(),
            st.sampled_from(["replace", "append", "prepend", "add"]),
        ),
    ),
    (
        1,
        st.builds(
            Line,
            _INDEX,
            st.sampled_from(["delete", "duplicate", "swap", "join"]),
            st.just(""),
            st.sampled_from([1, 2, 100, 10_000]),
        ),
    ),
    (1, st.builds(Line, _INDEX, st.sampled_from(["insert", "long"]), _values.texts())),
    (1, st.builds(Style, st.sampled_from(["pipes", "cells"]), _values.SIZES)),
    (
        1,
        st.builds(
            Encoding,
            st.sampled_from(_ENCODINGS),
            st.sampled_from(["\n", "\r\n", "\r", "\u2028", "\n\n"]),
        ),
    ),
    (
        1,
        st.builds(
            Bytes,
            st.floats(0, 0.999),
            st.sampled_from(["flip", "nul", "ff", "bom", "crlf", "delete", "cut"]),
            st.sampled_from([1, 2, 100, 10_000]),
        ),
    ),
)
# Names a text export may have: a Windows-1251 name on a UTF-8 system, odd characters.
_NAMES = st.sampled_from(
    [
        "fuzz.txt",
        b"\xcf\xeb\xe0\xed.txt",
        b"\xff\xfe.txt",
        "a\nb.txt",
        "x" * 200 + ".txt",
        "план дорожная карта.txt",
    ]
)


@st.composite
def text_mutants(draw: st.DrawFn) -> _seeds.Mutant:
    """A bundled text export, mutated; its file name now and then not UTF-8."""
    seeds = _seeds.text_seeds()
    seed = draw(st.sampled_from(sorted(seeds)))
    ops = tuple(draw(st.lists(OPS, min_size=1, max_size=4)))
    lines = seeds[seed].split("\n")
    for op in ops:
        lines = op.lines(lines)
    text = "\n".join(lines)
    encodings = [op for op in ops if isinstance(op, Encoding)]
    data = encodings[-1].encode(text) if encodings else text.encode("utf-8", "surrogatepass")
    for op in ops:
        data = op.bytes(data)
    name = draw(_NAMES)
    return _seeds.Mutant(
        seed=seed, ops=ops if name == "fuzz.txt" else (*ops, f"name={name!r}"), data=data, name=name
    )
