"""Values that break parsers: huge and odd numbers, long runs, far dates, control characters.

Long values are :class:`Run` objects, so that a failing example prints as ``'1' + ' ' * 30000 +
'а'`` rather than thirty thousand spaces, and shrinks by its counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from hypothesis import strategies as st

from tests.fuzz._settings import BIG

__all__ = [
    "DATES",
    "NUMBERS",
    "SIZES",
    "TEXTS",
    "Run",
    "either",
    "numbers",
    "runs",
    "texts",
]

T = TypeVar("T")

SIZES = st.sampled_from([1, 3, 100, 1000, 10_000, 30_000, BIG])
"""How long a run is: small first, so shrinking makes it short."""


@dataclass(frozen=True)
class Run:
    """A text made of pieces repeated: ``(("1", 1), (" ", 30000), ("а", 1))``."""

    pieces: tuple[tuple[str, int], ...]

    def __str__(self) -> str:
        return "".join(text * count for text, count in self.pieces)

    def __repr__(self) -> str:
        return " + ".join(f"{t!r}" if n == 1 else f"{t!r} * {n}" for t, n in self.pieces)

    def __len__(self) -> int:
        return sum(len(t) * n for t, n in self.pieces)


def _run(*pieces: tuple[str, int | None]) -> st.SearchStrategy[Run]:
    """A run whose ``None`` counts are drawn from :data:`SIZES`."""
    parts = [
        st.just((t, n)) if n is not None else SIZES.map(lambda k, t=t: (t, k)) for t, n in pieces
    ]
    return st.tuples(*parts).map(Run)


# Runs that a pattern with nested or adjacent quantifiers walks quadratically: a number, then
# whitespace, then not what the pattern wants; and plain long runs of every kind of space.
_RUNS = [
    _run(("1", 1), (" ", None), ("а", 1)),
    _run(("1.", 1), (" ", None), ("x", 1)),
    _run(("12", 1), ("\t", None), ("Б", 1)),
    _run(("|", 1), (" ", None), ("|", 1)),
    _run(("| 1 |", 1), (" ", None)),
    _run(
        (" ", None),
    ),
    _run(
        ("\u00a0", None),
    ),
    _run(
        ("\u2003", None),
    ),
    _run(
        ("\u200b", None),
    ),
    _run(
        ("\t", None),
    ),
    _run(
        ("\n", None),
    ),
    _run(
        ("1.", None),
    ),
    _run(
        ("9", None),
    ),
    _run(
        ("а", None),
    ),
    _run(
        ("аб ", None),
    ),
    _run(("до ", None), ("2020", 1)),
    _run(("№ ", 1), ("9", None)),
    _run(("приказ от 01.01.2020 № ", 1), ("9", None)),
    _run(("a", 1), ("\u0301", None)),
    _run(("(", None), ("x", 1)),
    _run(
        ("«", None),
    ),
]

NUMBERS = [
    "0",
    "-1",
    "1",
    "2",
    "2147483647",
    "2147483648",
    "4294967296",
    "-2147483649",
    str(10**9),
    str(10**12),
    str(10**18),
    "9" * 100,
    "9" * 4300,
    "9" * 5000,
    "-" + "9" * 3000,
    "1e9",
    "0x10",
    " 5 ",
    "\uff15",
    "\u0661\u0662",
    "",
    "abc",
    "NaN",
    "1.5",
    "+7",
    "00000000000001",
    "-0",
]
"""Numbers as a file may write them: huge, negative, in other digits, not numbers at all."""

DATES = [
    "31.12.9999",
    "с 01.01.9999 (ежегодно)",
    "01.01.9999 - 31.12.9999",
    "до 31.12.9999 года",
    "01.01.0001",
    "00.00.0000",
    "29.02.2019",
    "32.13.2020",
    "сентябрь 99999 года",
    "в течение 9999 года",
    "с 01.09.2020 (ежегодно)",
    "ежегодно до 9999 года",
    "01.01.2020 -31.12.2024",
    "Июнь-июль 2019",
    "2020-2024 годы",
    "IV квартал 9999 года",
    "1 января 1 года",
    "до 5 августа 0 года",
]
"""Deadlines, among them the far ones: «31.12.9999» is the usual word for «indefinitely»."""

TEXTS = [
    *DATES,
    "3000000",
    "1000000000000",
    "1.1.1.1.1.1.1.1.1.1.1.1",
    "I.",
    "MMMMMMMMMMMMMMMMMMMM.",
    "\u216b.",
    "1)",
    "0.",
    "-5.",
    "\ufeff1.",
    "\x0b",
    "\u2028",
    "\u202e",
    "\ufffd",
    "\x00",
    "\ud800",
    "\udfff",
    "Примечание",
    "Раздел 1. Организационные мероприятия",
    "№ п/п",
    "Итого",
    "МОЦ, РМЦ, ОЦ, управление образования",
    "\t",
    "a\tb",
    "",
]
"""Short cell texts: the far dates, big numbers, section words, control characters."""


def either(*choices: tuple[int, st.SearchStrategy[T]]) -> st.SearchStrategy[T]:
    """One of the strategies, each as often as its weight says.

    ``st.one_of`` flattens the ``one_of`` strategies it is given into one list of branches, so a
    strategy beside a ``one_of`` of twenty is drawn one time in twenty-one; this keeps the weights.
    """
    pool = [strategy for weight, strategy in choices for _ in range(weight)]
    return st.sampled_from(pool).flatmap(lambda strategy: strategy)


def numbers() -> st.SearchStrategy[str]:
    """A number as text: one of :data:`NUMBERS` or any integer up to 10³⁰ either way."""
    return st.one_of(st.sampled_from(NUMBERS), st.integers(-(10**30), 10**30).map(str))


def runs() -> st.SearchStrategy[Run]:
    """A long run of characters (see :data:`_RUNS`); half the time one that backtracks."""
    return either((1, st.one_of(_RUNS[:5])), (1, st.one_of(_RUNS)))


def texts() -> st.SearchStrategy[str | Run]:
    """A text to put in a cell: a short odd one, a long run, or a number."""
    return either(
        (2, st.sampled_from(TEXTS)), (2, runs()), (1, numbers()), (1, st.text(max_size=20))
    )
