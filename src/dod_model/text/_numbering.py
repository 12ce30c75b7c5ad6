"""Activity and section numbers, and enumerated sub-steps inside an activity."""

from __future__ import annotations

import re

from dod_model._base import roman_to_int
from dod_model.model import Step

__all__ = ["find_steps", "normalise_number", "section_heading"]

_TIDY = re.compile(r"\d+(?:\.\d+)*\.?")
# Spaces before a dot are taken only from where their run begins, possessively: a number
# cell of 50,000 spaces and no dot is gone over once, not once for each space.
_DOTS = re.compile(r"(?:(?<!\s)\s++)?\.(?:\s*+\.)++")
_SPACED_DOT = re.compile(r"(?:(?<!\s)\s++)?\.\s*+")
_ROMAN = re.compile(r"(?=[IVXLC])M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})")


def normalise_number(text: str) -> str:
    """An activity or section number as written, tidied: «2.3..» → «2.3», «1.» → «1», «№ 4» → «4».

    Internal dots stay; only repeated dots, spaces and a leading «№» go.
    """
    if _TIDY.fullmatch(text):  # as most are: «1», «2.3», «2.3.»
        return text.rstrip(".")
    number = text.strip().removeprefix("№").strip()
    number = _DOTS.sub(".", number)
    number = _SPACED_DOT.sub(".", number)
    return number.strip(". ")


def _is_number(text: str) -> bool:
    return bool(re.fullmatch(r"\d+(?:\.\d+)*", text)) or bool(_ROMAN.fullmatch(text))


# ``\s*[.)]?\s+`` as two possessive runs: spaces are not shared out between them in every way.
# A section's number may follow a word that names what a section is: «Раздел 1.», «Направление
# II.», «Блок 3».
_HEADING = re.compile(
    r"\s*+(?:(?:раздел|направление|блок|глава|часть|этап|подраздел)\s++(?:№\s*+)?)?"
    r"(?P<number>\d{1,4}|[IVXLC]{1,6})(?:\s*+[.):])?\s++(?:[-–—]\s++)?(?P<title>\S.*)",
    re.DOTALL | re.IGNORECASE,
)


def section_heading(text: str) -> tuple[str, str] | None:
    """Number and title of a section row («1. Порядок обновления …», «IV. Кадры»), else ``None``.

    Section numbers are one arabic number (up to four digits, not a year) or a roman numeral,
    after a word naming the section or not («Раздел 1. …», «Направление 2. …»); «1.1.» is an
    activity's, not a section's. The title must begin with a letter.

    .. versionchanged:: 0.3.0
       «Раздел», «Направление», «Блок», «Глава», «Часть», «Этап» before the number.
    """
    match = _HEADING.fullmatch(text)
    if match is None or not match["title"][0].isalpha():
        return None
    number = match["number"]
    if not number.isdigit() and not _ROMAN.fullmatch(number):
        return None
    if len(number) == 4 and number[:2] in ("19", "20"):
        return None  # a year («2020 год»), not a section
    return number, " ".join(match["title"].split())


# «… включающей: 1. Методический блок для педагогов. 2. Информационный блок …»
_STEP = re.compile(r"(?:(?<=^)|(?<=[\s:;]))(?P<number>\d{1,2})[.)]\s++(?=[А-ЯЁA-Z])")
# A dashed line's text: the shortest that ends in a visible character (or one space, if the
# line holds no more), before spaces and a «;» or «.» that end the line. The text
# ``^\s*[-–—•]\s+(?P<text>.+?)\s*[;.]?\s*$`` gives, found without trying each run of spaces
# in every split, or from every line start of a run of blank lines.
_BULLET = re.compile(
    r"^[^\S\n]*+[-–—•]\s+(?P<text>[^\n]*?\S|[^\S\n])[^\S\n]*+[;.]?[^\S\n]*+$", re.MULTILINE
)
# What every step mark and every bullet holds: most titles have neither, and a search for
# these is quicker than for the marks themselves.
_STEP_HINT = re.compile(r"\d[.)]")
_BULLET_HINT = re.compile(r"[-–—•]")
_HINT = re.compile(rf"{_STEP_HINT.pattern}|{_BULLET_HINT.pattern}")


def find_steps(text: str) -> tuple[Step, ...]:
    """Enumerated sub-steps written inside an activity's title.

    A numbered run «1. … 2. … 3. …» (at least two, counting up from 1) or a list of dashed
    lines («- разноуровневые;»). Each step's text runs to the next step; the last one to the
    end of the text. Dashed lines give steps without a number.

    Args:
        text: The activity's title as written.
    """
    if _HINT.search(text) is None:  # one look for either kind of mark, as most titles have none
        return ()
    marks = list(_STEP.finditer(text)) if _STEP_HINT.search(text) else []
    run: list[re.Match[str]] = []
    for mark in marks:
        if int(mark["number"]) == len(run) + 1:
            run.append(mark)
        elif int(mark["number"]) == 1:
            run = [mark]
    if len(run) >= 2:
        ends = [m.start() for m in run[1:]] + [len(text)]
        return tuple(
            Step(m["number"], " ".join(text[m.end() : end].split()).rstrip(" ;"))
            for m, end in zip(run, ends, strict=True)
        )
    bullets = [m["text"] for m in _BULLET.finditer(text)] if _BULLET_HINT.search(text) else []
    if len(bullets) >= 2:
        return tuple(Step("", " ".join(b.split())) for b in bullets)
    return ()


def roman_or_arabic(number: str) -> int | None:
    """The value of a section number, roman or arabic («IV» → 4), else ``None``."""
    return roman_to_int(number) if _is_number(number) else None
