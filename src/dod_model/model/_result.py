"""An activity's expected result, with the legal acts, addresses and targets its text states."""

from __future__ import annotations

import attrs

from dod_model.model._acts import find_legal_acts, find_urls
from dod_model.model._references import LegalActRef, Target
from dod_model.model._targets import find_targets

__all__ = ["Result"]


@attrs.frozen(kw_only=True)
class Result:
    """An expected result of an activity: a document, a registry, a measurable change.

    Attributes:
        text: The result as written.
        acts: Legal acts the result cites or produces.
        urls: Web addresses in the text.
        targets: Quantitative targets the result states.

    .. versionadded:: 0.1.0
    """

    text: str
    acts: tuple[LegalActRef, ...] = ()
    urls: tuple[str, ...] = ()
    targets: tuple[Target, ...] = ()

    @classmethod
    def parse(cls, text: str) -> Result:
        """A result with the legal acts, web addresses and targets its text states.

        >>> from dod_model import Result
        >>> Result.parse("Апробировано не менее 6 типов программ").targets[0].value
        6

        .. versionadded:: 0.1.0
        """
        return cls(
            text=text, acts=find_legal_acts(text), urls=find_urls(text), targets=find_targets(text)
        )
