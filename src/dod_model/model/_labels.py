"""Enumerations that carry their Russian labels.

A member's value is a stable ASCII string used in JSON; its :attr:`~LabelledEnum.label` is the
Russian wording documents use. :meth:`~LabelledEnum.from_label` recognises the label and its known
aliases whatever their case, ``ё``/``е`` spelling or spacing.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import ClassVar, Self

from dod_model._base import fold_label

__all__ = ["LabelledEnum"]


class LabelledEnum(enum.StrEnum):
    """A string enumeration whose members have a Russian label and aliases.

    Subclasses define ``__labels__``: for every member, its label first, then its aliases.

    .. versionadded:: 0.1.0
    """

    __labels__: ClassVar[Mapping[str, tuple[str, ...]]]

    @property
    def label(self) -> str:
        """The Russian label, as an official document writes it."""
        return type(self).__labels__[str(self)][0]

    @property
    def aliases(self) -> tuple[str, ...]:
        """Other wordings that mean this member (legacy names, spelling variants)."""
        return type(self).__labels__[str(self)][1:]

    @classmethod
    def from_label(cls, text: str) -> Self | None:
        """The member whose label or alias is ``text``, or ``None``.

        Args:
            text: A label as written («Социально-педагогическая»); the member's value works too.

        Returns:
            The member, or ``None`` when nothing matches.
        """
        wanted = fold_label(text)
        for member in cls:
            if wanted == str(member) or any(
                wanted == fold_label(label) for label in cls.__labels__[str(member)]
            ):
                return member
        return None
