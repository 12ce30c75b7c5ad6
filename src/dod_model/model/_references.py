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

    @property
    def key(self) -> str:
        """The body's name folded for counting, so that one body gives one key however written.

        :attr:`canonical` (the abbreviation spelt out) where there is one, else :attr:`name`,
        folded for case, «ё», spacing, quotes («», “”, "" or none), dashes and the spaces
        around hyphens, spaces after full stops («г.Самара»), underscores left of a form,
        an abbreviation the name defines at its end («… области (РМЦ СО)») and end
        punctuation. The key is
        for comparing and counting only; show :attr:`name`.

        >>> from dod_model import Party
        >>> Party(name="Отдел образования").key == Party(name=" отдел  образования.").key
        True
        >>> Party(name="МКУ ИМЦ", canonical="муниципальное казённое учреждение "
        ...       "«Информационно-методический центр»").key
        'муниципальное казенное учреждение информационно-методический центр'

        .. versionadded:: 0.3.0
        """
        return _party_key(self.canonical or self.name)


_UNQUOTED = str.maketrans(
    {
        **dict.fromkeys("\u00ab\u00bb\u201c\u201d\u201e\u201f\"'\u2018\u2019\u201a`", " "),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"),
        "_": " ",
        ".": ". ",
        "\u00a0": " ",
        "ё": "е",
    }
)


def _party_key(name: str) -> str:
    """A party's name folded for counting, as :attr:`Party.key` gives it."""
    text = " ".join(_unabbreviated(name).casefold().translate(_UNQUOTED).split())
    while " -" in text or "- " in text:
        text = text.replace(" -", "-").replace("- ", "-")
    return text.strip(" .,;:-")


def _unabbreviated(name: str) -> str:
    """``name`` without the abbreviation it defines at its end: «… области (РМЦ СО)»."""
    text = name.strip()
    if not text.endswith(")"):
        return text
    opening = text.rfind("(")
    inside = text[opening + 1 : -1].strip()
    before = text[:opening].strip()
    if opening < 0 or not inside or len(before.split()) < 2:
        return text
    if all(char.isupper() or char in " -" for char in inside):
        return before
    return text
