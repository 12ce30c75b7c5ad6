"""``dod_model.diff``: what changed between two editions of a roadmap."""

from __future__ import annotations

import difflib
import heapq
from collections import Counter, deque
from collections.abc import Callable, Iterable, Sequence
from typing import Final

import attrs

from dod_model.model import Activity, Deadline, DeadlineKind, Roadmap
from dod_model.text import fold

__all__ = [
    "NUMBER_BONUS",
    "TITLE_SIMILARITY",
    "ActivityChange",
    "RoadmapDiff",
    "diff",
    "title_similarity",
]

TITLE_SIMILARITY: Final = 0.6
"""Least similarity of two titles (0 … 1) for :func:`diff` to take them for one activity.

The ratio of :class:`difflib.SequenceMatcher` over the folded titles (case, «ё», spacing
ignored). An edited wording scores well above it («Разработка положения о МОЦ» → «Разработка и
утверждение положения о МОЦ»: 0.79). Of the 827 pairs of different activities within the five
seed roadmaps, 95 % score below 0.52; but titles that share a long stock opening («Актуализация
нормативных правовых актов, регламентирующих …») reach 0.89, which is why :func:`diff` pairs
equal titles first, and prefers equal numbers among similar titles (0.1 more alike).
"""

NUMBER_BONUS: Final = 0.1
"""How much more alike :func:`diff` counts two titles when their activities share a number.

Enough to prefer the activity in the same place when another title is a little closer; not
enough to keep a number's pairing when the title moved to another number.
"""


def title_similarity(old: str, new: str) -> float:
    """How alike two titles are, from 0 (nothing shared) to 1 (equal once folded).

    >>> from dod_model.analysis import title_similarity
    >>> title_similarity("Создание МОЦ", "создание  МОЦ")
    1.0

    .. versionadded:: 0.2.0
    """
    a, b = fold(old), fold(new)
    if a == b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


_BORROWED: Final = frozenset(
    {
        DeadlineKind.ONGOING,
        DeadlineKind.PERIODIC,
        DeadlineKind.WITHIN_YEAR,
        DeadlineKind.AS_SCHEDULED,
    }
)
"""Kinds whose dates are the roadmap's period, inferred from the other rows of the edition."""

_EXHAUSTIVE_PAIRS: Final = 2_500
"""Up to this many pairs of titles left, :func:`diff` compares every one with every other."""

_CANDIDATES: Final = 16
"""Beyond :data:`_EXHAUSTIVE_PAIRS`, how many old titles each new title is compared with."""


def _calendar(deadline: Deadline) -> tuple[object, ...]:
    if deadline.kind in _BORROWED:  # its dates move with the period the other rows imply
        return (deadline.kind, deadline.recurrence, fold(deadline.text))
    return (deadline.kind, deadline.start, deadline.end, deadline.dates, deadline.recurrence)


def _dated(deadline: Deadline) -> bool:
    return bool(deadline.start or deadline.end or deadline.dates)


def _parties(activity: Activity) -> frozenset[str]:
    return frozenset(fold(p.name) for p in activity.responsible)


@attrs.frozen(kw_only=True)
class ActivityChange:
    """One activity found in both editions, and how it changed.

    Attributes:
        old: The activity in the old edition.
        new: The activity in the new edition.
        matched_by: ``"number"`` (same number) or ``"title"`` (similar title, another number).
        similarity: :func:`title_similarity` of the two titles.

    .. versionadded:: 0.2.0
    """

    old: Activity
    new: Activity
    matched_by: str
    similarity: float

    @property
    def renumbered(self) -> bool:
        """The number changed."""
        return self.old.number != self.new.number

    @property
    def retitled(self) -> bool:
        """The title changed, beyond case, «ё» and spacing."""
        return fold(self.old.title) != fold(self.new.title)

    @property
    def redated(self) -> bool:
        """The deadline changed.

        Its calendar meaning (kind, start, end, dates, recurrence) when either edition has one;
        the text, spacing ignored, when neither has («постоянно» → «по отдельному графику»).
        Phrases whose dates are only the roadmap's period («постоянно», «ежеквартально», «в
        течение года», «по отдельному графику») compare by kind, recurrence and text, since the
        period inferred from the other rows may change between editions.
        """
        old, new = self.old.deadline, self.new.deadline
        if _dated(old) or _dated(new):
            return _calendar(old) != _calendar(new)
        return fold(old.text) != fold(new.text)

    @property
    def reassigned(self) -> bool:
        """The set of responsible parties changed (their order, case and spacing ignored)."""
        return _parties(self.old) != _parties(self.new)

    @property
    def changed(self) -> bool:
        """Any of the changes above."""
        return self.renumbered or self.retitled or self.redated or self.reassigned


@attrs.frozen(kw_only=True)
class RoadmapDiff:
    """What changed between two editions of a roadmap, activity by activity.

    Attributes:
        added: Activities of the new edition that match none of the old, in its order.
        removed: Activities of the old edition that match none of the new, in its order.
        matched: Every pair found in both, in the new edition's order.

    .. versionadded:: 0.2.0
    """

    added: tuple[Activity, ...] = ()
    removed: tuple[Activity, ...] = ()
    matched: tuple[ActivityChange, ...] = ()

    @property
    def renumbered(self) -> tuple[ActivityChange, ...]:
        """Pairs whose number changed."""
        return tuple(c for c in self.matched if c.renumbered)

    @property
    def retitled(self) -> tuple[ActivityChange, ...]:
        """Pairs whose title changed."""
        return tuple(c for c in self.matched if c.retitled)

    @property
    def redated(self) -> tuple[ActivityChange, ...]:
        """Pairs whose deadline changed."""
        return tuple(c for c in self.matched if c.redated)

    @property
    def reassigned(self) -> tuple[ActivityChange, ...]:
        """Pairs whose responsible parties changed."""
        return tuple(c for c in self.matched if c.reassigned)

    @property
    def unchanged(self) -> tuple[ActivityChange, ...]:
        """Pairs with none of the changes."""
        return tuple(c for c in self.matched if not c.changed)

    @property
    def empty(self) -> bool:
        """Nothing was added, removed or changed."""
        return not (self.added or self.removed) and all(not c.changed for c in self.matched)


def _by_number(
    old: Sequence[Activity], new: Sequence[Activity], free_old: set[int], free_new: set[int]
) -> Iterable[tuple[int, int]]:
    """Pairs of free activities with one number, first with first (duplicates in order).

    Unnumbered activities have no number to share.
    """
    positions: dict[str, deque[int]] = {}
    for i in sorted(free_old):
        if old[i].number:
            positions.setdefault(old[i].number, deque()).append(i)
    for j in sorted(free_new):
        waiting = positions.get(new[j].number)
        if waiting:
            yield waiting.popleft(), j


def _trigrams(title: str) -> set[str]:
    padded = f" {title} "
    return {padded[k : k + 3] for k in range(len(padded) - 2)}


def _closeness(shared: Counter[int], j: int) -> Callable[[int], tuple[int, int, int]]:
    """Most shared 3-grams first, then the nearest position, then document order."""

    def key(i: int) -> tuple[int, int, int]:
        return (-shared[i], abs(i - j), i)

    return key


def _nearby(
    folded_old: Sequence[str], folded_new: Sequence[str], free_old: set[int], free_new: set[int]
) -> dict[int, list[int]]:
    """For each free new title, the free old titles sharing the most rare 3-grams with it.

    A 3-gram is rare when at most 64 of the old titles left hold it, or one in twenty when more
    are left; ties go to the nearer position. At most :data:`_CANDIDATES` per title.
    """
    index: dict[str, list[int]] = {}
    for i in sorted(free_old):
        for gram in _trigrams(folded_old[i]):
            index.setdefault(gram, []).append(i)
    common = max(64, len(free_old) // 20)
    nearby = {}
    for j in sorted(free_new):
        shared: Counter[int] = Counter()
        for gram in _trigrams(folded_new[j]):
            holders = index.get(gram, ())
            if len(holders) <= common:
                shared.update(holders)
        nearby[j] = heapq.nsmallest(_CANDIDATES, shared, key=_closeness(shared, j))
    return nearby


def _similar(
    old: Sequence[Activity],
    new: Sequence[Activity],
    folded: tuple[Sequence[str], Sequence[str]],
    free: tuple[set[int], set[int]],
    threshold: float,
    *,
    indexed: bool | None = None,
) -> list[tuple[float, int, int, float]]:
    """Pairs of free titles at least ``threshold`` alike, the most alike (bonus counted) first.

    Every title is compared with every other while there are at most :data:`_EXHAUSTIVE_PAIRS`
    pairs (or when ``indexed`` is false); beyond, or when ``indexed`` is true, each new title
    only with the old titles sharing the most rare 3-grams with it (:func:`_nearby`) and the
    old one with its number.
    """
    (folded_old, folded_new), (free_old, free_new) = folded, free
    if indexed is None:
        indexed = len(free_old) * len(free_new) > _EXHAUSTIVE_PAIRS
    numbered: dict[str, int] = {}
    for i in sorted(free_old, reverse=True):
        numbered[old[i].number] = i
    nearby = _nearby(folded_old, folded_new, free_old, free_new) if indexed else {}
    everyone = sorted(free_old)
    candidates = []
    for j in sorted(free_new):
        if indexed:
            olds = set(nearby[j])
            if (same := numbered.get(new[j].number)) is not None and new[j].number:
                olds.add(same)
            compared: Iterable[int] = sorted(olds)
        else:
            compared = everyone
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(folded_new[j])  # the matcher indexes its second sequence once
        for i in compared:
            matcher.set_seq1(folded_old[i])
            if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
                continue
            similarity = matcher.ratio()
            if similarity >= threshold:
                bonus = NUMBER_BONUS if old[i].number == new[j].number else 0.0
                candidates.append((-(similarity + bonus), j, i, similarity))
    return sorted(candidates)


def diff(old: Roadmap, new: Roadmap, *, threshold: float = TITLE_SIMILARITY) -> RoadmapDiff:
    """Activities added, removed, renumbered, retitled, re-dated and reassigned between editions.

    Activities are matched in four passes, each over those not matched yet:

    1. the same number and the same title (folded: case, «ё», spacing ignored);
    2. the same title, another number: an activity inserted or dropped renumbers the ones
       after it, which keep their titles;
    3. titles at least ``threshold`` alike (:func:`title_similarity`), the most alike first,
       a pair with the same number counting 0.1 more alike: an edited title
       keeps its activity;
    4. the same number, titles unlike: an activity rewritten in place.

    The first two passes take time in proportion to the activities. The third compares every
    title left with every other left while there are few (up to 2,500 pairs: 50 edited titles
    in each edition); beyond, each title left only with the 16 old titles that share the most
    rare three-letter sequences with it, and with the one of its number.
    Activities without a number are never matched by number.

    The rest of the old edition was removed, the rest of the new added.

    Args:
        old: The earlier edition.
        new: The later edition.
        threshold: Least title similarity, 0 … 1 (default :data:`TITLE_SIMILARITY`).

    Returns:
        The differences.

    .. versionadded:: 0.2.0
    """
    before, after = old.activities, new.activities
    folded_old = [fold(a.title) for a in before]
    folded_new = [fold(a.title) for a in after]
    free_old, free_new = set(range(len(before))), set(range(len(after)))
    pairs: dict[int, ActivityChange] = {}

    def take(i: int, j: int, similarity: float) -> None:
        free_old.discard(i)
        free_new.discard(j)
        how = "number" if before[i].number == after[j].number else "title"
        pairs[j] = ActivityChange(
            old=before[i], new=after[j], matched_by=how, similarity=similarity
        )

    for i, j in list(_by_number(before, after, free_old, free_new)):
        if folded_old[i] == folded_new[j]:
            take(i, j, 1.0)
    titled: dict[str, deque[int]] = {}
    for i in sorted(free_old):
        titled.setdefault(folded_old[i], deque()).append(i)
    for j in sorted(free_new):
        if waiting := titled.get(folded_new[j]):
            take(waiting.popleft(), j, 1.0)
    for _, j, i, similarity in _similar(
        before, after, (folded_old, folded_new), (free_old, free_new), threshold
    ):
        if i in free_old and j in free_new:
            take(i, j, similarity)
    for i, j in list(_by_number(before, after, free_old, free_new)):
        take(i, j, title_similarity(before[i].title, after[j].title))
    return RoadmapDiff(
        added=tuple(after[j] for j in sorted(free_new)),
        removed=tuple(before[i] for i in sorted(free_old)),
        matched=tuple(pairs[j] for j in sorted(pairs)),
    )
