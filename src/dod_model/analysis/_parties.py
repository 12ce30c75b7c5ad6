"""The bodies responsible for activities, counted one body once however it is written."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from dod_model.model import Party

__all__ = ["PartyCount", "count_parties"]


@attrs.frozen
class PartyCount:
    """How many times a body is named responsible.

    Attributes:
        party: The body as first written.
        count: How many times it is named (by any spelling of the same :attr:`Party.key`).
        spellings: Every way it is written, first first, each once.

    .. versionadded:: 0.3.0
    """

    party: Party
    count: int
    spellings: tuple[str, ...] = ()


def count_parties(parties: Iterable[Party]) -> tuple[PartyCount, ...]:
    """Count bodies by :attr:`dod_model.Party.key`, most named first, then as first written.

    «Отдел образования» and «отдел образования» count as one body, shown as first written.

    >>> from dod_model import Party
    >>> from dod_model.analysis import count_parties
    >>> [(c.party.name, c.count) for c in count_parties(
    ...     [Party(name="Отдел образования"), Party(name="МОЦ"), Party(name="отдел  образования")])]
    [('Отдел образования', 2), ('МОЦ', 1)]

    Args:
        parties: The parties, in the order they are written (over one roadmap or many).

    .. versionadded:: 0.3.0
    """
    first: dict[str, Party] = {}
    counts: dict[str, int] = {}
    spellings: dict[str, dict[str, None]] = {}
    for party in parties:
        key = party.key
        first.setdefault(key, party)
        counts[key] = counts.get(key, 0) + 1
        spellings.setdefault(key, {})[party.name] = None
    order = sorted(counts, key=lambda key: -counts[key])  # stable: ties as first written
    return tuple(PartyCount(first[key], counts[key], tuple(spellings[key])) for key in order)
