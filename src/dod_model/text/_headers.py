"""The words roadmap tables head their columns with, by role: a vocabulary that is data.

The built-in wordings are package data (``text/data/headers.json``); plugins add theirs through
the ``dod_register_headers`` hook. A header names the role of the longest phrase it holds.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping
from importlib import resources

import attrs

from dod_model._base import fold_header
from dod_model.model import ColumnRole

__all__ = ["HeaderMatch", "HeaderVocabulary", "core_headers"]

# After folding: «№» on its own, or a word of letters, with «-» or «/» inside («кол-во», «п/п»).
_WORD = re.compile(r"№|[^\W\d_]+(?:[/-][^\W\d_]+)*+")


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold_header(text)))


def _same_word(phrase_word: str, word: str) -> bool:
    """Whether a header's word is the phrase's, in another ending («сроки» of «срок»).

    Words of one or two characters match whole («№», «n», «за»); longer ones when they share all
    but the last two letters of the shorter (and at least three).
    """
    if len(phrase_word) <= 2 or len(word) <= 2:
        return phrase_word == word
    shared = 0
    for a, b in zip(phrase_word, word, strict=False):
        if a != b:
            break
        shared += 1
    return shared >= max(3, min(len(phrase_word), len(word)) - 2)


@attrs.frozen
class HeaderMatch:
    """What a header cell names: its role, and the phrase of the vocabulary that told it.

    Attributes:
        role: The column's role.
        phrase: The vocabulary's phrase the header holds.
        rank: Where the phrase stands in its role's list: of two columns claiming one role,
            the one of the lower rank keeps it.

    .. versionadded:: 0.3.0
    """

    role: ColumnRole
    phrase: str
    rank: int


def _phrases(
    entries: Mapping[ColumnRole | str, Iterable[str]],
) -> tuple[tuple[ColumnRole, tuple[str, ...]], ...]:
    return tuple((ColumnRole(role), tuple(words)) for role, words in entries.items())


@attrs.frozen
class HeaderVocabulary:
    r"""Header wordings by column role, and how a header cell is told by them.

    A phrase's word matches a header's word in any ending («Сроки исполнения» holds «срок
    исполнения»), in any case, hyphenated across lines, with footnote marks («Срок*»). Of the
    phrases a header holds, the one of most words names its role («Номер целевого показателя»
    is an indicator, not a number); between phrases of as many words, the one that begins first
    («Ответственный за проведение мероприятия» is a responsible column).

    >>> from dod_model.text import core_headers
    >>> core_headers().role("СРОК ИСПОЛ-\nНЕНИЯ*")
    <ColumnRole.DEADLINE: 'deadline'>
    >>> core_headers().role("Форма отчетности")
    <ColumnRole.RESULT: 'result'>
    >>> core_headers().role("Ссылка на документ") is None
    True

    Attributes:
        phrases: For each role, its phrases in order of preference.

    .. versionadded:: 0.3.0
    """

    phrases: tuple[tuple[ColumnRole, tuple[str, ...]], ...] = attrs.field(converter=_phrases)

    def merged(self, other: Mapping[ColumnRole | str, Iterable[str]]) -> HeaderVocabulary:
        """The vocabulary with ``other``'s phrases added after each role's own."""
        given: dict[ColumnRole | str, list[str]] = {
            role: list(words) for role, words in self.phrases
        }
        for role, words in _phrases(other):
            known = given.setdefault(role, [])
            known.extend(w for w in words if w not in known)
        return HeaderVocabulary(given)

    def match(self, header: str) -> HeaderMatch | None:
        """What ``header`` names, or ``None`` when it holds no phrase of the vocabulary."""
        return _index(self.phrases).match(header)

    def role(self, header: str) -> ColumnRole | None:
        """The role ``header`` names, or ``None``."""
        found = self.match(header)
        return found.role if found is not None else None

    def split(self, line: str) -> tuple[str, ...]:
        """A header row written as one line of words, parted into the headers it holds.

        Each header begins with the longest phrase of the vocabulary that begins at its first
        word; words no phrase begins at go with the header before them. A line that does not
        begin with a phrase gives no headers.

        >>> from dod_model.text import core_headers
        >>> core_headers().split("№ Наименование мероприятия Срок исполнения Ответственный")
        ('№', 'Наименование мероприятия', 'Срок исполнения', 'Ответственный')

        .. versionadded:: 0.3.0
        """
        return _index(self.phrases).split(line)


class _Index:
    """The phrases by their first word's first letters, and each header told once."""

    def __init__(self, phrases: tuple[tuple[ColumnRole, tuple[str, ...]], ...]) -> None:
        self._by_start: dict[str, list[tuple[tuple[str, ...], HeaderMatch]]] = {}
        for role, words in phrases:
            for rank, phrase in enumerate(words):
                split = _words(phrase)
                if split:
                    entry = (split, HeaderMatch(role, phrase, rank))
                    self._by_start.setdefault(split[0][:2], []).append(entry)
        self._told: dict[str, HeaderMatch | None] = {}

    def match(self, header: str) -> HeaderMatch | None:
        if header in self._told:
            return self._told[header]
        words = _words(header)
        best: tuple[int, int, HeaderMatch] | None = None  # (-words, start, match)
        for start, word in enumerate(words):
            for phrase, found in self._by_start.get(word[:2], ()):
                end = start + len(phrase)
                if end <= len(words) and all(
                    _same_word(p, w) for p, w in zip(phrase, words[start:end], strict=True)
                ):
                    key = (-len(phrase), start, found)
                    if best is None or key[:2] < best[:2]:
                        best = key
        result = best[2] if best is not None else None
        if len(self._told) < 4096:  # a table has few headers; a hostile one many distinct rows
            self._told[header] = result
        return result

    def _longest(self, words: list[str], start: int) -> int:
        """How many words the longest phrase beginning at ``words[start]`` has (0: none)."""
        longest = 0
        for phrase, _ in self._by_start.get(words[start][:2], ()):
            end = start + len(phrase)
            if (
                len(phrase) > longest
                and end <= len(words)
                and all(_same_word(p, w) for p, w in zip(phrase, words[start:end], strict=True))
            ):
                longest = len(phrase)
        return longest

    def split(self, line: str) -> tuple[str, ...]:
        found = list(_WORD.finditer(line))
        words = [fold_header(m[0]) for m in found]
        headers: list[tuple[int, int]] = []  # (first word, last word)
        index = 0
        while index < len(words):
            length = self._longest(words, index)
            if length:
                headers.append((index, index + length - 1))
                index += length
            elif headers:
                headers[-1] = (headers[-1][0], index)
                index += 1
            else:
                return ()
        return tuple(line[found[a].start() : found[b].end()] for a, b in headers)


@functools.lru_cache(maxsize=16)
def _index(phrases: tuple[tuple[ColumnRole, tuple[str, ...]], ...]) -> _Index:
    return _Index(phrases)


@functools.cache
def core_headers() -> HeaderVocabulary:
    """The header wordings the library knows for every role, from its package data.

    .. versionadded:: 0.3.0
    """
    text = (resources.files("dod_model.text") / "data" / "headers.json").read_text("utf-8")
    return HeaderVocabulary(json.loads(text)["roles"])
