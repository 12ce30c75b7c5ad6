"""Lists in findings, bounded: runs of numbers as ranges, at most ``FINDING_ITEMS`` items.

A finding names what it found, but never more than :data:`~dod_model._base.budgets.FINDING_ITEMS`
items (numbers, dates, years); the rest are counted («and 9,979 more»). Runs of numbers are
written as ranges («2021–2030»), so that a message costs the same whatever the numbers are: a
gap from 1 to 10¹² is one range, never a list of every number in it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from dod_model._base import budgets

__all__ = ["is_range", "listed", "run_text", "runs", "runs_text"]


def listed(items: Iterable[str], count: int | None = None) -> str:
    """«a, b, c», at most ``FINDING_ITEMS`` of ``items``, then «and N more».

    Args:
        items: The items, in the order shown; only the first ``FINDING_ITEMS`` are taken.
        count: How many items there are, when ``items`` is not all of them.
    """
    shown: list[str] = []
    seen = 0
    for item in items:
        seen += 1
        if len(shown) < budgets.FINDING_ITEMS:
            shown.append(item)
        elif count is not None:
            break
    rest = (seen if count is None else count) - len(shown)
    return ", ".join(shown) + (f" and {rest:,} more" if rest > 0 else "")


def runs(numbers: Iterable[int]) -> list[tuple[int, int]]:
    """The runs of consecutive numbers among ``numbers`` (sorted, distinct): (first, last)."""
    found: list[tuple[int, int]] = []
    for number in numbers:
        if found and found[-1][1] + 1 == number:
            found[-1] = (found[-1][0], number)
        else:
            found.append((number, number))
    return found


_LISTED_RUN = 4
"""The longest run written number by number («2021, 2022, 2023, 2024»); longer ones are ranges."""


def run_text(first: int, last: int, shown: Callable[[int], str] = str) -> str:
    """One run: «5», «5, 6, 7, 8», or «5–9» from five numbers on."""
    if last - first < _LISTED_RUN:
        return ", ".join(shown(number) for number in range(first, last + 1))
    return f"{shown(first)}–{shown(last)}"


def is_range(first: int, last: int) -> bool:
    """Whether :func:`run_text` writes the run as a range, its numbers unnamed."""
    return last - first >= _LISTED_RUN


def runs_text(found: list[tuple[int, int]], shown: Callable[[int], str] = str) -> str:
    """Runs as :func:`run_text` writes them, at most ``FINDING_ITEMS``, the rest counted.

    The count after the last run shown is of the numbers left out, not of the runs.
    """
    kept = found[: budgets.FINDING_ITEMS]
    text = ", ".join(run_text(first, last, shown) for first, last in kept)
    rest = sum(last - first + 1 for first, last in found[len(kept) :])
    return text + (f" and {rest:,} more" if rest else "")
