"""Text of a PDF page as written: characters → lines → paragraphs, as Word or LibreOffice set them.

A PDF holds glyphs at places, not paragraphs. A line is the glyphs on one baseline, left to
right; its words are parted where the gap between glyphs is a space's, or at a space glyph. A
no-break space (which PDF exporters keep as a glyph) does not part what it joins: a line
holding one such unit that reaches the right edge was cut inside it, as a word wider than its
column is cut, and goes on with the next line without a space.

Lines make a paragraph unless the gap between them is wider than a line's leading (the spacing
after a paragraph), or the next line's first word would have fitted at the end of the line
before: a line ends short of the edge only where its paragraph ends. A line ending in a hyphen
after a letter goes on without a space («бизнес-» «партнеров»).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

__all__ = ["Char", "Line", "leading", "lines_of", "paragraphs_of"]

Char = dict[str, Any]

_SPACES = frozenset(" \t\u2002\u2003\u2009\u200a\u3000")
_NO_BREAK = frozenset("\u00a0\u202f\u2007")
_HYPHENS = ("-", "\u2010", "\u2011")


@attrs.frozen
class Line:
    """One line of text: its words joined by single spaces, and where it stands.

    Attributes:
        text: The words, no-break spaces as spaces.
        x0: Left edge of its first glyph.
        x1: Right edge of its last glyph.
        top: The top of its tallest glyph.
        bottom: The bottom of its lowest glyph.
        size: The font size of most of its glyphs.
        breakable: Whether it holds a space a line may break at.
        first_word: Width of the first unit it could not be parted inside.
        first_glyph: Width of its first glyph.
        trailing: Whether a space glyph ends it (a line wrapped before its paragraph ends).
        glued: Whether a no-break space joins it or its first unit to what follows.
    """

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    breakable: bool
    first_word: float
    first_glyph: float
    trailing: bool = False
    glued: bool = False


def _line(chars: list[Char]) -> Line | None:
    """The line of ``chars`` (on one baseline), or ``None`` if it holds only spaces."""
    chars.sort(key=lambda c: c["x0"])
    parts: list[str] = []
    breakable = False
    first_word: float | None = None
    start = chars[0]["x0"]
    previous: Char | None = None
    pending = ""  # a space waiting for the next glyph: " " breakable, "\u00a0" not
    glued = False
    for char in chars:
        text = char["text"]
        if text in _SPACES or text in _NO_BREAK or not text.strip():
            pending = pending or "\xa0" if text in _NO_BREAK else " "
            continue
        if previous is not None and not pending:
            gap = char["x0"] - previous["x1"]
            if gap > 0.15 * max(char["size"], 1.0):
                pending = " "
        if pending and parts:
            glued = glued or (pending != " " and not breakable)
            if pending == " ":
                breakable = True
                if first_word is None:
                    first_word = previous["x1"] - start if previous is not None else 0.0
            parts.append(" ")
        pending = ""
        parts.append(text)
        previous = char
    if previous is None:
        return None
    visible = [c for c in chars if c["text"].strip() and c["text"] not in _NO_BREAK]
    sizes = sorted(c["size"] for c in visible)
    x1 = previous["x1"]
    return Line(
        text="".join(parts),
        x0=visible[0]["x0"],
        x1=x1,
        top=min(c["top"] for c in visible),
        bottom=max(c["bottom"] for c in visible),
        size=sizes[len(sizes) // 2],
        breakable=breakable,
        first_word=(x1 - start) if first_word is None else first_word,
        first_glyph=visible[0]["x1"] - visible[0]["x0"],
        trailing=chars[-1]["text"] in _SPACES,
        glued=glued,
    )


def lines_of(chars: Iterable[Char]) -> list[Line]:
    """The lines the upright glyphs ``chars`` make, top to bottom.

    Glyphs are on one line where their bottoms (the baseline, give or take descenders) are
    within a third of their size of the line's first glyph.
    """
    ordered = sorted((c for c in chars if c.get("upright", True)), key=lambda c: c["bottom"])
    groups: list[list[Char]] = []
    bottom = tolerance = 0.0
    for char in ordered:
        if groups and char["bottom"] - bottom <= tolerance:
            groups[-1].append(char)
            continue
        groups.append([char])
        bottom, tolerance = char["bottom"], max(1.0, 0.3 * char["size"])
    return [line for line in map(_line, groups) if line is not None]


def leading(lines: Sequence[Line]) -> float:
    """The gap between the lines of one paragraph, as most lines of ``lines`` have it.

    The lower quartile of the gaps between lines that follow each other closely: the lines
    inside paragraphs, which outnumber the gaps between paragraphs.
    """
    gaps = sorted(
        b.top - a.bottom
        for a, b in itertools.pairwise(lines)
        if 0 <= b.top - a.bottom < 2 * max(a.size, b.size)
    )
    return gaps[len(gaps) // 4] if gaps else 0.2 * (lines[0].size if lines else 10.0)


def _ends_paragraph(line: Line, following: Line, right: float, spacing: float) -> bool:
    """Whether a paragraph ends after ``line``, ``following`` beginning the next.

    ``right`` is where the text's lines end at the most (the column's right edge within its
    padding); ``spacing`` the gap between lines of one paragraph.
    """
    gap = following.top - line.bottom
    if gap > spacing + 0.4 * max(line.size, following.size):
        return True  # spacing after a paragraph, or an empty paragraph
    if line.trailing:
        return False  # wrapped: the space it broke at is shown
    room = right - line.x1
    space = 0.25 * line.size
    return following.first_word + space < room - 0.5 * line.size


def _cut_inside(line: Line, following: Line, right: float, spaces: bool) -> bool:
    """Whether ``line`` was cut inside a word (or a no-break unit) wider than the column.

    It was if it holds one unit reaching the right edge, and a no-break space joins that unit
    or the next line's first, or (where the document shows its spaces as glyphs) it ends a
    space's width short of the edge without the space a wrapped line would show.
    """
    if line.breakable or line.trailing:
        return False
    room = right - line.x1
    if room >= following.first_glyph:
        return False
    return line.glued or following.glued or (spaces and room > 0.3 * line.size)


def paragraphs_of(
    lines: Sequence[Line], right: float, spacing: float, *, spaces: bool = False
) -> list[tuple[str, list[Line]]]:
    """The paragraphs of consecutive ``lines``, each with its lines.

    Args:
        lines: Lines of one column, top to bottom.
        right: Where the column's lines end at the most.
        spacing: The gap between the lines of one paragraph (:func:`leading`).
        spaces: Whether the document shows its spaces as glyphs.
    """
    result: list[tuple[str, list[Line]]] = []
    text = ""
    held: list[Line] = []
    for index, line in enumerate(lines):
        held.append(line)
        text += line.text
        following = lines[index + 1] if index + 1 < len(lines) else None
        if following is None or _ends_paragraph(line, following, right, spacing):
            result.append((text, held))
            text, held = "", []
        elif _cut_inside(line, following, right, spaces) or (
            line.text.endswith(_HYPHENS) and line.text[-2:-1].isalpha()
        ):
            continue
        else:
            text += " "
    return result
