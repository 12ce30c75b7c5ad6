"""Organisations and the centres of the target model."""

from __future__ import annotations

import attrs

from dod_model.model._enums import CentreKind

__all__ = ["Centre", "Organisation"]


@attrs.frozen(kw_only=True)
class Organisation:
    """An organisation: an authority, a school, a provider of programmes.

    Attributes:
        name: Full name as written.
        short_name: Abbreviated name («МБУ ДО ДДТ»).
        id: Identifier in a registry (navigator id, INN, …), as given there.
        inn: Taxpayer number (ИНН), when known.
        region: ISO 3166-2 code of its region.
        municipality: Its municipality, as written.

    .. versionadded:: 0.1.0
    """

    name: str
    short_name: str | None = None
    id: str | None = None
    inn: str | None = None
    region: str | None = None
    municipality: str | None = None


@attrs.frozen(kw_only=True)
class Centre:
    """A regional model centre (РМЦ) or a municipal support centre (МОЦ, ОЦ).

    Attributes:
        kind: РМЦ, МОЦ or ОЦ.
        name: The centre's name as written («Муниципальный опорный центр …»).
        organisation: The organisation that hosts it, when named.
        region: ISO 3166-2 code of its region.
        municipality: Its municipality, as written.

    .. versionadded:: 0.1.0
    """

    kind: CentreKind
    name: str
    organisation: Organisation | None = None
    region: str | None = None
    municipality: str | None = None
