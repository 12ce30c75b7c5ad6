"""Abbreviations: the shared glossary, inline definitions «(далее – МОЦ)», and expansion."""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import cache, lru_cache
from importlib import resources

import attrs

from dod_model.model import Abbreviation

__all__ = ["Glossary", "core_glossary", "find_definitions"]


def _as_dict(entries: Mapping[str, str]) -> dict[str, str]:
    return dict(entries)


@attrs.frozen
class Glossary:
    """Abbreviations and what they stand for, matched as whole words, longest first.

    >>> from dod_model.text import core_glossary
    >>> glossary = core_glossary()
    >>> glossary.expand("МКУ ИМЦ")
    'муниципальное казённое учреждение «Информационно-методический центр»'
    >>> glossary.expand("Управление образования МО") is None
    True

    Attributes:
        entries: Abbreviation → full form.

    .. versionadded:: 0.1.0
    """

    entries: Mapping[str, str] = attrs.field(factory=dict, converter=_as_dict)

    def __contains__(self, short: object) -> bool:
        return short in self.entries

    def __iter__(self) -> Iterator[Abbreviation]:
        return (Abbreviation(short, full) for short, full in self.entries.items())

    def __len__(self) -> int:
        return len(self.entries)

    def merged(self, other: Glossary | Iterable[Abbreviation]) -> Glossary:
        """A glossary with ``other``'s entries added; ``other`` wins where both define one."""
        extra = other.entries if isinstance(other, Glossary) else {a.short: a.full for a in other}
        return Glossary({**self.entries, **extra})

    def _pattern(self) -> re.Pattern[str] | None:
        return _compiled(tuple(sorted(self.entries, key=len, reverse=True)))

    def expand(self, name: str) -> str | None:
        """``name`` with the abbreviation it begins with spelt out, or ``None``.

        Only a leading abbreviation is expanded: there it names the body, in the nominative
        case its full form is written in («МБУ ДО ДДТ – Муниципальный опорный центр …»). One
        inside a name is in another case («руководители МОЦ», «Управление образования МО») and
        is left alone rather than spelt out ungrammatically.

        Args:
            name: A name as written.
        """
        pattern = self._pattern()
        stripped = " ".join(name.split())
        match = pattern.match(stripped) if pattern is not None else None
        if match is None:
            return None
        return self.entries[match[0]] + stripped[match.end() :]


# Bounded: each plugin session's glossaries give other tuples; a long-lived host makes many.
@lru_cache(maxsize=64)
def _compiled(shorts: tuple[str, ...]) -> re.Pattern[str] | None:
    if not shorts:
        return None
    alternatives = "|".join(re.escape(s) for s in shorts)
    return re.compile(rf"(?<![\w]){'(?:' + alternatives + ')'}(?![\w])")


@cache
def core_glossary() -> Glossary:
    """The abbreviations every region shares (ОО, МОЦ, РМЦ, МКУ ИМЦ, МБУ ДО ДДТ, …).

    .. versionadded:: 0.1.0
    """
    data = json.loads(
        (resources.files("dod_model.text") / "data" / "glossary.json").read_text(encoding="utf-8")
    )
    return Glossary(data["entries"])


# «… Муниципального опорного центра дополнительного образования детей (далее – МОЦ)»
# The short form is the bracket's words up to the last visible one before
# «)», or all of them before a closing quote; where a bracket holds only spaces after «далее»,
# one of them. What ``\(\s*далее\s*[-–—]?\s*(?:по тексту\s*[-–—]?\s*)?[«"]?(?P<short>
# [^()«»"]+?)[»"]?\s*\)`` finds, with possessive runs of spaces so that each run is gone over
# once: shared out between that pattern's four quantifiers, «(далее» and 400 spaces took half
# a minute.
_DEFINITION = re.compile(
    r"\(\s*+далее(?:\s*+[-–—])?\s*+(?:по тексту(?:\s*+[-–—])?\s*+)?[«\"]?(?P<short>"
    r"[^()«»\"]*?[^()«»\"\s](?=\s*+\))|[^()«»\"]++(?=[»\"]\s*+\))"
    r"|\s(?=\s*+\))|(?<=\s)(?=[»\"]?\s*+\)))[»\"]?\s*+\)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w«»\"-]+")
_SENTENCE_START = re.compile(r"(?:^|[.:;]\s|[\n\t|])")


def _initials(short: str) -> str:
    return "".join(ch for ch in short if ch.isalpha() and ch.isupper()).casefold()


def _acronym_start(words: list[re.Match[str]], short: str) -> int | None:
    """Index of the word from which the words' initials spell the acronym, nearest first."""
    letters = _initials(short)
    if len(letters) < 2:
        return None
    for start in range(len(words) - len(letters), -1, -1):
        initials = "".join(w[0][0] for w in words[start : start + len(letters)]).casefold()
        if initials == letters:
            return start
    return None


def find_definitions(text: str) -> tuple[Abbreviation, ...]:
    """Abbreviations a text defines inline: «Региональный модельный центр … (далее – РМЦ)».

    The full form is the words before the bracket as written: for an acronym, from the word
    where its initials begin; for a word («(далее – Ведомства)»), from the start of the
    sentence or clause.

    Args:
        text: Text as written.
    """
    found: list[Abbreviation] = []
    # Where each clause begins, found once (a long document defines many abbreviations) and
    # only if it defines any.
    clause_starts: list[int] | None = None
    for match in _DEFINITION.finditer(text):
        if clause_starts is None:
            clause_starts = [m.end() for m in _SENTENCE_START.finditer(text)]
        short = " ".join(match["short"].split())
        end = match.start()
        index = bisect.bisect_right(clause_starts, end)
        clause_start = clause_starts[index - 1] if index else 0
        words = list(_WORD.finditer(text, clause_start, end))
        first = _acronym_start(words, short) if short.isupper() or _initials(short) else None
        start = words[first].start() if first is not None and words else clause_start
        full = " ".join(text[start:end].split()).strip(" ,;:-–—")
        if full:
            found.append(Abbreviation(short, full))
    return tuple(found)
