"""What the text of a cell refers to: legal acts, quantitative targets and parties."""

from __future__ import annotations

import datetime as dt

import attrs

from dod_model.model._enums import Comparator, LegalActKind

__all__ = ["LegalActRef", "Party", "Target"]


@attrs.frozen(kw_only=True)
class LegalActRef:
    """A reference to a legal act: «приказ … от 02.04.2019 № 175».

    Attributes:
        text: The reference as written.
        kind: Order, resolution, directive, … when the text names it.
        issuer: The body that issued the act, as written («МОиН СО»).
        date: The date of the act.
        number: Its registration number, as written («592-р», «461-ПП»).
        title: The act's title, when quoted («О региональном модельном центре …»).

    .. versionadded:: 0.1.0
    """

    text: str
    kind: LegalActKind | None = None
    issuer: str | None = None
    date: dt.date | None = None
    number: str | None = None
    title: str | None = None


@attrs.frozen(kw_only=True)
class Target:
    """A quantitative target: «не менее 6 типов общеобразовательных программ».

    Attributes:
        text: The phrase as written.
        comparator: How the value is compared («не менее» → at least).
        value: The number.
        unit: What is counted, as written («типов общеобразовательных программ»).

    .. versionadded:: 0.1.0
    """

    text: str
    comparator: Comparator = Comparator.EXACTLY
    value: int | float = attrs.field(default=0)
    unit: str = ""

    @value.validator
    def _finite(self, attribute: attrs.Attribute[int | float], value: int | float) -> None:
        if isinstance(value, bool) or value != value or value in (float("inf"), float("-inf")):  # noqa: PLR0124
            msg = f"a target's value must be a finite number, not {value!r}"
            raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Party:
    """A body responsible for an activity.

    Attributes:
        name: The name as written in the document («МКУ ИМЦ»), typos included.
        canonical: The expanded, canonical name when a glossary knows it
            («муниципальное казённое учреждение «Информационно-методический центр»»).

    .. versionadded:: 0.1.0
    """

    name: str
    canonical: str | None = None
