"""Responsible cells → parties: split between bodies, names kept as written."""

from __future__ import annotations

import bisect
import itertools
import re

from dod_model.model import Party
from dod_model.text._glossary import Glossary, core_glossary

__all__ = ["split_parties"]

# Centres that stand alone as a party: «Управление образования МО МОЦ» names two bodies.
_CENTRES = frozenset({"МОЦ", "РМЦ", "ОЦ"})
# Legal forms that begin a compound name («МБУ ДО ДДТ»), so never end a party.
_LEGAL_FORMS = frozenset(
    {
        "МКУ",
        "МБУ",
        "МАУ",
        "МБОУ",
        "МАОУ",
        "МКОУ",
        "ГБУ",
        "ГАУ",
        "ГКУ",
        "ГБОУ",
        "ГАОУ",
        "ГАНОУ",
        "ТОГБОУ",
        "ОГБУ",
        "ОГАУ",
        "ДО",
        "ФГБУ",
    }
)
# Nominative heads that begin a new body inside a run of words («… организации отдел образования»).
_HEADS = frozenset({"отдел", "управление", "департамент", "комитет", "министерство"})
_ADJECTIVE_ENDINGS = ("ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие")
_JOINERS = frozenset({"и", "а", "в", "с", "по", "при", "для", "на"})
# A clause after a comma that continues the name before it: «отдел по делам культуры, спорта …»,
# «организации …, реализующие …».
_CONTINUES = re.compile(r"^[а-яё]+(?:а|ы|ющие|ющих|ящие|ящих|ущие|ащие|вшие|емые|имые)\b")
# Words after which a full stop does not end a body («им. А. С. Пушкина», «г. Тамбова»).
_DOTTED = frozenset({"им", "г", "гор", "ул", "обл", "р", "пос", "с", "д", "т", "ч", "пр", "ред"})
_STRIP = " \t.,;:·•-–—_"


# What can open or close a bracket or quote, or part two bodies: all else is passed over.
_PUNCTUATION = re.compile(r"[(«\[)»\]\n;,.]")
_WORD_RUN = re.compile(r"\w+")
_NEXT = re.compile(r"[ \t]*(.?)", re.DOTALL)  # the character after a full stop and spaces


def _top_level_pieces(text: str) -> list[tuple[str, str]]:
    """Split at line breaks, «;», «,» and full stops between bodies, outside brackets and quotes.

    Returns (separator before the piece, piece) pairs. Linear in the text: only punctuation is
    looked at, and the words are found once, if a full stop needs the one before it.
    """
    pieces: list[tuple[str, str]] = []
    depth = 0
    start = 0
    separator = ""
    words: list[re.Match[str]] | None = None  # found once a full stop needs the word before
    word_ends: list[int] = []
    for match in _PUNCTUATION.finditer(text):
        char, index = match[0], match.start()
        if char in "(«[":
            depth += 1
            continue
        if char in ")»]":
            depth = max(depth - 1, 0)
            continue
        if depth:
            continue
        if char == ".":
            if words is None:
                words = list(_WORD_RUN.finditer(text))
                word_ends = [word.end() for word in words]
            before = bisect.bisect_right(word_ends, index) - 1
            word = words[before][0] if before >= 0 else ""
            after = _NEXT.match(text, index + 1)
            if not _ends_body(word, after[1] if after else ""):
                continue
        pieces.append((separator, text[start:index]))
        start, separator = index + 1, char
    pieces.append((separator, text[start:]))
    return pieces


def _ends_body(word: str, after: str) -> bool:
    """Whether a full stop after ``word``, followed by ``after`` (one character), ends a body.

    Not after an abbreviation («им.», «г.») or a word of one or two letters; only before a
    capital, a line break, another full stop, or the end.
    """
    if not word or word.casefold() in _DOTTED or len(word) < 3:
        return False
    return not after or after.isupper() or after in "\n."


def _split_words(piece: str) -> list[str]:
    """Split a run of words where a second body begins without punctuation."""
    words = piece.split()
    cuts = [0]
    for index in range(1, len(words)):
        word, before = words[index], words[index - 1]
        centre = word in _CENTRES and before.isupper() and len(before) > 1
        centre = centre and before not in _LEGAL_FORMS
        # «Методический отдел», «Городское управление образования»: an adjective before a
        # head is the head's, not the end of another body.
        head = word.casefold() in _HEADS and before.casefold() not in _JOINERS
        head = head and not before.casefold().endswith(_ADJECTIVE_ENDINGS)
        if centre or head:
            cuts.append(index)
    cuts.append(len(words))
    return [" ".join(words[a:b]) for a, b in itertools.pairwise(cuts) if a < b]


def split_parties(text: str, glossary: Glossary | None = None) -> tuple[Party, ...]:
    """The bodies a responsible cell names, in order, each as written.

    Splits at line breaks, commas, semicolons and full stops between bodies («Отдел
    образования. МКУ ИМЦ, образовательные организации»), never inside brackets or quotes; keeps
    a clause that continues a name («отдел по делам культуры, спорта и …», «организации …,
    реализующие …»); and parts two bodies written side by side («Управление образования МО МОЦ»,
    «Образовательные организации отдел образования»).

    Args:
        text: The cell as written.
        glossary: Abbreviations to spell out in :attr:`~dod_model.Party.canonical`; the shared
            glossary by default.
    """
    glossary = core_glossary() if glossary is None else glossary
    merged: list[str] = []
    for separator, piece in _top_level_pieces(text):
        clean = " ".join(piece.split())
        if separator == "," and merged and _CONTINUES.match(clean):
            merged[-1] = f"{merged[-1]}, {clean}"
        else:
            merged.append(clean)
    names = [name.strip(_STRIP) for piece in merged for name in _split_words(piece)]
    return tuple(Party(name=name, canonical=glossary.expand(name)) for name in names if name)
