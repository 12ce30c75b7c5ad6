"""Text of a PDF page as written: characters → lines → paragraphs, as Word or LibreOffice set them.

A PDF holds glyphs at places, not paragraphs. A line is the glyphs on one baseline, left to
right; its words are parted where the gap between glyphs is a space's, or at a space glyph (two
space glyphs are two spaces, as the document has them). A no-break space (which PDF exporters
keep as a glyph) does not part what it joins.

What stands between two lines of a column (:func:`joint`) is read from where the first ends.
Lines make a paragraph unless the gap between them is wider than a line's leading (the spacing
after a paragraph). Where the page shows its spaces as glyphs, as LibreOffice's and Word's
exports do, a line wrapped at a space shows it at its end, unless the space would have stood
past the column's edge: a line ending short of the edge by a space's width or more without one
was not wrapped at a space. It ended a paragraph, or broke after a hyphen or dash, or it is
one unit too wide for the column, cut where its next glyph did not fit, as a long word or a
web address is cut at any character. A line ending nearer the edge than a space's width was
wrapped at a space it could not show, unless it is one unit (a word, an address, words a
no-break space joins) filled up to the edge: that may be either, and the geometry cannot tell.
It is taken as wrapped only where the document spells its last word whole elsewhere and never
the word it would make with the next line's first (:func:`words`). Where the page shows
no space glyphs, a line ends short of the edge only where its paragraph ends: the next line's
first word would have fitted at its end.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

__all__ = ["Char", "Line", "joint", "leading", "lines_of", "paragraphs_of", "space_width", "words"]

Char = dict[str, Any]

_SPACES = frozenset(" \t\u2002\u2003\u2009\u200a\u3000")
_NO_BREAK = frozenset("\u00a0\u202f\u2007")
_HYPHENS = ("-", "\u2010", "\u2011")
_DASHES = ("-", "\u2010", "\u2013", "\u2014")  # a line may break after them without a space
_PUNCTUATION = ".,;:!?()[]«»\"'"


@attrs.frozen
class Line:
    """One line of text: its words joined by the spaces between them, and where it stands.

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
        tail: The spaces (no-break ones among them) shown after its last glyph.
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
    tail: int = 0


def _line(chars: list[Char]) -> Line | None:
    """The line of ``chars`` (on one baseline), or ``None`` if it holds only spaces."""
    chars.sort(key=lambda c: c["x0"])
    parts: list[str] = []
    breakable = False
    first_word: float | None = None
    start = chars[0]["x0"]
    previous: Char | None = None
    pending = ""  # the spaces waiting for the next glyph: " " breakable, "\u00a0" not
    glued = False
    for char in chars:
        text = char["text"]
        if text in _SPACES or text in _NO_BREAK or not text.strip():
            pending += "\xa0" if text in _NO_BREAK else " "
            continue
        if previous is not None and not pending:
            gap = char["x0"] - previous["x1"]
            if gap > 0.15 * max(char["size"], 1.0):
                pending = " "
        if pending and parts:
            if " " in pending:
                breakable = True
                if first_word is None:
                    first_word = previous["x1"] - start if previous is not None else 0.0
            else:
                glued = glued or not breakable
            parts.append(" " * len(pending))
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
        tail=len(pending),
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


def space_width(chars: Iterable[Char]) -> float | None:
    """The width of a space glyph per point of font size, or ``None`` if none is shown."""
    widths = sorted(
        (c["x1"] - c["x0"]) / c["size"]
        for c in chars
        if c["text"] == " " and c["size"] > 0 and c["x1"] > c["x0"]
    )
    return widths[len(widths) // 2] if widths else None


def _bare(token: str) -> str:
    return token.strip(_PUNCTUATION).casefold()


def words(columns: Iterable[Sequence[Line]]) -> frozenset[str]:
    """The words the lines of ``columns`` (each top to bottom) spell whole, case folded.

    A word at the end of a line that shows no space after it may begin a word cut there, and
    the first word of the line after it end one: those are left out, but for the last word
    of a column, or of a line a paragraph's spacing parts from the next.
    """
    found: set[str] = set()
    for lines in columns:
        cut = False  # whether the line before may have been cut
        for index, line in enumerate(lines):
            following = lines[index + 1] if index + 1 < len(lines) else None
            whole = line.trailing or following is None or following.top - line.bottom > line.size
            tokens = line.text.split()
            found.update(_bare(t) for t in tokens[int(cut) : len(tokens) - (not whole)])
            cut = not whole
    found.discard("")
    return frozenset(found)


def _fits(line: Line, following: Line, room: float, space: float) -> bool:
    """Whether the first word of ``following`` would have fitted in the ``room`` after ``line``."""
    return following.first_word + space < room - 0.5 * line.size


def _cut_inside(line: Line, following: Line, room: float) -> bool:
    """Whether ``line`` was cut inside a unit wider than the column, where no spaces show.

    It was if it holds one unit reaching the right edge, and a no-break space joins that unit
    or the next line's first.
    """
    if line.breakable or line.trailing or room >= following.first_glyph:
        return False
    return line.glued or following.glued


def joint(
    line: Line,
    following: Line,
    right: float,
    spacing: float,
    *,
    space: float | None,
    known: frozenset[str] = frozenset(),
    across: bool = False,
) -> str:
    r"""What stands between ``line`` and ``following`` in the text: ``"\n"``, ``" "`` or ``""``.

    ``"\n"`` where a paragraph ends, ``" "`` where the line was wrapped at a space, ``""``
    where it broke after a hyphen or inside a word.

    Args:
        line: A line of a column.
        following: The line after it.
        right: Where the column's lines end at the most (its right edge within its padding).
        spacing: The gap between the lines of one paragraph (:func:`leading`).
        space: The width of a space glyph per point of size (:func:`space_width`), or
            ``None`` where the page shows no space glyphs.
        known: Words the document spells whole (:func:`words`), which tell a cut word from
            a line wrapped where the geometry cannot.
        across: ``following`` begins the next page (the gap between them tells nothing).
    """
    if not across and following.top - line.bottom > spacing + 0.4 * max(line.size, following.size):
        return "\n"  # spacing after a paragraph, or an empty paragraph
    room = right - line.x1
    width = (0.25 if space is None else space) * line.size
    if line.trailing:  # wrapped at the space it shows, unless the next word had room there
        return "\n" if _fits(line, following, room, width) else " " * line.tail
    hyphen_cut = line.text.endswith(_HYPHENS) and line.text[-2:-1].isalpha()
    if space is None:
        if _fits(line, following, room, width):
            return "\n"
        return "" if hyphen_cut or _cut_inside(line, following, room) else " "
    if room + 0.05 >= width:  # a space would have been shown: no wrap at a space
        if line.text.endswith(_DASHES):
            return ""
        if not line.breakable and room < following.first_glyph:
            return ""  # one unit too wide for the column, cut where its next glyph did not fit
        return "\n"
    # Nearer the edge than a space: wrapped at a space that is not shown, or one unit cut.
    if hyphen_cut:
        return ""
    if line.breakable or room >= following.first_glyph:
        return " "
    # One unit (a word, an address, words a no-break space joins) filled up to the edge:
    # cut, unless the document spells its last word whole elsewhere, and never the word it
    # would make with the next line's first.
    head, tail = _bare(line.text.rsplit(" ", 1)[-1]), _bare(following.text.split(" ", 1)[0])
    return " " if head in known and _bare(head + tail) not in known else ""


def paragraphs_of(
    lines: Sequence[Line],
    right: float,
    spacing: float,
    *,
    space: float | None = None,
    known: frozenset[str] = frozenset(),
) -> list[tuple[str, list[Line]]]:
    """The paragraphs of consecutive ``lines``, each with its lines.

    Args:
        lines: Lines of one column, top to bottom.
        right: Where the column's lines end at the most.
        spacing: The gap between the lines of one paragraph (:func:`leading`).
        space: The width of a space glyph per point of size, ``None`` if none is shown.
        known: Words the document spells whole (:func:`words`).
    """
    result: list[tuple[str, list[Line]]] = []
    text = ""
    held: list[Line] = []
    for index, line in enumerate(lines):
        held.append(line)
        text += line.text
        following = lines[index + 1] if index + 1 < len(lines) else None
        between = (
            "\n"
            if following is None
            else joint(line, following, right, spacing, space=space, known=known)
        )
        if between == "\n":
            result.append((text, held))
            text, held = "", []
        else:
            text += between
    return result
