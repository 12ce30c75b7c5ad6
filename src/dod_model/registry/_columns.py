"""Column names of registry files: Russian wordings, in any order, matched to model fields.

As the roadmap importer matches a table's header («Срок исполнения» → deadline), a registry's
header cells are folded (case, ``ё``, spaces, hyphenation) and matched against the words of each
field; the model's own field names (``holder_birth_date``) match too, so canonical JSON Lines
read back. What a file holds (certificates, programmes, enrolments or providers) is told by
which fields its header names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from dod_model._base import fold_header

__all__ = [
    "KINDS",
    "RECORD_FIELDS",
    "REQUIRED",
    "Header",
    "best_header",
    "field_of",
    "fields_of",
    "is_counter",
    "match_header",
]

KINDS = ("providers", "programmes", "certificates", "enrolments")
"""The tables of a registry, in the order a validation reads them (lookups before enrolments)."""

# For each kind: (field, pattern of folded wordings). A pattern is tried against the folded
# header cell; the first that matches names the field. A field may have several patterns, the
# more specific first: when several columns name one field, the column of the more specific
# pattern wins («Тип сертификата» over «Статус сертификата»), whatever their order.
_CERTIFICATE_NUMBER = (
    r"(?<!\w)(?:(?:номер|код|идентификатор)\w*|№|n|id)\s*(?:\w+\s+)?сертификат"
    r"|сертификат\w*,?\s*(?:№|номер)"
)
_PROGRAMME_ID = (
    r"(?<!\w)(?:(?:номер|код|идентификатор)\w*|№|n|id)\s*(?:\w+\s+)?программ"
    r"|программ\w*,?\s*(?:№|код|id)"
)
_PLACE = (
    ("region", r"^регион|субъект"),
    ("municipality", r"муниципал|^мо\b|район|округ|^территори"),
)
_WORDS: dict[str, tuple[tuple[str, str], ...]] = {
    "certificates": (
        ("holder_birth_date", r"рождени"),
        ("issued", r"дата (?:выдачи|создания|регистрации|включения|оформления)|выдан"),
        ("nominal_unit", r"единиц|ед\.? ?изм"),
        ("balance", r"остат|баланс|доступн\w* (?:средств|сумм)"),
        ("nominal", r"номинал|объем (?:обеспечения|финансирования)"),
        ("kind", r"вид|тип|категори"),
        ("number", _CERTIFICATE_NUMBER),
        ("number", r"^(?:номер|n|сертификат)$"),
        # Until 2023 the kinds were called statuses (учёта, ПФДО); a «Статус» column that
        # says «активен» instead reads as bad values, and a «Тип» column beside it wins.
        ("kind", r"статус"),
        *_PLACE,
    ),
    "enrolments": (
        ("start", r"(?:дата|с даты) (?:начала|зачислени|заключени)|начал\w* обучени|зачислен"),
        ("end", r"(?:дата|по дату) (?:окончани|отчислени|завершени)|окончани|отчислен"),
        ("cost", r"стоимост|сумм|списан|оплат|цена"),
        ("certificate", _CERTIFICATE_NUMBER),
        ("programme", _PROGRAMME_ID),
        ("provider", r"поставщик|организаци|исполнител"),
        ("certificate", r"сертификат"),
        ("programme", r"программ"),
    ),
    "programmes": (
        ("ages_low", r"возраст\w* (?:от|с)\b|минимальн\w* возраст|возраст\w* min"),
        ("ages_high", r"возраст\w* до\b|максимальн\w* возраст|возраст\w* max"),
        ("ages", r"возраст"),
        ("orientation", r"направленност"),
        ("level", r"уровен"),
        ("mode", r"форма обучения|очн"),
        ("forms", r"форм\w* реализации|особенност|признак"),
        ("kind", r"вид программ|тип программ|^вид$|^тип$"),
        # Hours, not months («Продолжительность, мес.») nor money («Стоимость часа»).
        ("hours", r"^(?!.*(?:мес|недел|дн[ея]|год|стоимост|цена|руб)).*(?:час|объем|продолжит)"),
        ("certified", r"сертифицирован|оплат\w* сертификат"),
        ("id", r"^id\b|идентификатор|" + _PROGRAMME_ID),
        ("provider", r"поставщик|организаци|исполнител"),
        ("title", r"наименовани|назван|^программа$"),
        ("id", r"^(?:код|номер)$"),
        *_PLACE,
    ),
    "providers": (
        ("short_name", r"кратк\w* наименовани|сокращенн\w* наименовани"),
        ("inn", r"(?<!\w)инн(?!\w)"),
        ("id", r"^id\b|идентификатор|(?:номер|№|код)\w*\s*(?:поставщик|организаци|исполнител)"),
        ("name", r"наименовани|назван|организаци|поставщик"),
        ("id", r"^(?:код|номер)$"),
        *_PLACE,
    ),
}
# A row counter («№ п/п», «№», «п/п»): no field, and not worth a note either.
_COUNTER = re.compile(r"(?:№|n|no|номер)\s*(?:п\s*/\s*п|пп)?|(?:№\s*)?п\s*/\s*п")

RECORD_FIELDS: dict[str, tuple[str, ...]] = {
    "certificates": (
        "number",
        "kind",
        "holder_birth_date",
        "region",
        "municipality",
        "nominal",
        "nominal_unit",
        "balance",
        "issued",
    ),
    "programmes": (
        "id",
        "title",
        "orientation",
        "level",
        "kind",
        "forms",
        "mode",
        "ages",
        "hours",
        "certified",
        "provider",
        "region",
        "municipality",
    ),
    "enrolments": ("certificate", "programme", "start", "end", "cost", "provider"),
    "providers": ("name", "short_name", "id", "inn", "region", "municipality"),
}
"""The model's fields of each kind of record, in the order files are written."""

HEADINGS: dict[str, dict[str, str]] = {
    "certificates": {
        "number": "Номер сертификата",
        "kind": "Вид сертификата",
        "holder_birth_date": "Дата рождения",
        "region": "Регион",
        "municipality": "Муниципальное образование",
        "nominal": "Номинал",
        "nominal_unit": "Единица номинала",
        "balance": "Остаток номинала",
        "issued": "Дата выдачи",
    },
    "programmes": {
        "id": "ID программы",
        "title": "Наименование программы",
        "orientation": "Направленность",
        "level": "Уровень",
        "kind": "Вид программы",
        "forms": "Формы реализации",
        "mode": "Форма обучения",
        "ages": "Возраст обучающихся",
        "hours": "Объём, часов",
        "certified": "Сертифицирована",
        "provider": "Поставщик",
        "region": "Регион",
        "municipality": "Муниципальное образование",
    },
    "enrolments": {
        "certificate": "Номер сертификата",
        "programme": "ID программы",
        "start": "Дата зачисления",
        "end": "Дата окончания",
        "cost": "Стоимость",
        "provider": "Поставщик",
    },
    "providers": {
        "name": "Наименование организации",
        "short_name": "Краткое наименование",
        "id": "ID поставщика",
        "inn": "ИНН",
        "region": "Регион",
        "municipality": "Муниципальное образование",
    },
}
"""The column name each field is written under, one of the wordings read back."""

REQUIRED: dict[str, frozenset[str]] = {
    "certificates": frozenset({"number"}),
    "programmes": frozenset({"id", "title"}),
    "enrolments": frozenset({"certificate", "programme", "start"}),
    "providers": frozenset({"name"}),
}
"""The fields a row of each table cannot do without: a row that lacks one is a bad row."""
# Fields whose presence marks a kind against the others (a provider file has no orientation).
_MARKS: dict[str, frozenset[str]] = {
    "certificates": frozenset({"holder_birth_date", "nominal", "balance", "issued"}),
    "programmes": frozenset({"orientation", "level", "ages", "ages_low", "hours", "forms"}),
    "enrolments": frozenset({"start", "cost"}),
    "providers": frozenset({"inn", "short_name"}),
}
_COMPILED = {
    kind: tuple((name, re.compile(pattern)) for name, pattern in words)
    for kind, words in _WORDS.items()
}
# The model's own field names (canonical JSON Lines), and two age columns for programmes.
_OWN = {kind: frozenset(RECORD_FIELDS[kind]) for kind in KINDS} | {
    "programmes": frozenset((*RECORD_FIELDS["programmes"], "ages_low", "ages_high"))
}


def _match(header: str, kind: str) -> tuple[str, int] | None:
    """The field a header cell names and how specific the match is (higher is more)."""
    folded = fold_header(header).strip(" .:*")
    if not folded or _COUNTER.fullmatch(folded):
        return None
    own = folded.replace(" ", "_")
    if own in _OWN[kind]:
        return own, len(_COMPILED[kind])
    for rank, (name, pattern) in enumerate(_COMPILED[kind]):
        if pattern.search(folded):
            return name, len(_COMPILED[kind]) - rank - 1
    return None


def is_counter(header: str) -> bool:
    """Whether a header cell names a row counter («№ п/п»), a column of no field."""
    return _COUNTER.fullmatch(fold_header(header).strip(" .:*")) is not None


def field_of(header: str, kind: str) -> str | None:
    """The field of a ``kind`` record a header cell names, or ``None``.

    >>> from dod_model.registry._columns import field_of
    >>> field_of("Дата рождения ребёнка", "certificates"), field_of("ИНН", "providers")
    ('holder_birth_date', 'inn')
    >>> field_of("№ п/п", "certificates") is None
    True

    Args:
        header: The header cell as written («Номер сертификата», ``number``).
        kind: ``certificates``, ``programmes``, ``enrolments`` or ``providers``.

    Returns:
        The field name (``ages_low``/``ages_high`` for two age columns), or ``None`` (a row
        counter such as «№ п/п» names none).

    .. versionadded:: 0.2.0
    """
    found = _match(header, kind)
    return None if found is None else found[0]


@attrs.frozen
class Header:
    """A registry file's header: what each column holds.

    Attributes:
        kind: ``certificates``, ``programmes``, ``enrolments`` or ``providers``.
        columns: Field of each column, ``None`` where a column names no field (or repeats one).
        names: The header cells as written.

    .. versionadded:: 0.2.0
    """

    kind: str
    columns: tuple[str | None, ...]
    names: tuple[str, ...]

    @property
    def unknown(self) -> tuple[str, ...]:
        """Header cells that name no field, as written (empty cells left out)."""
        return tuple(
            n
            for n, f in zip(self.names, self.columns, strict=True)
            if f is None and n and not is_counter(n) and field_of(n, self.kind) is None
        )

    def repeats(self) -> tuple[tuple[str, str], ...]:
        """Header cells that name a field another column holds: (cell, field), as written.

        .. versionadded:: 0.2.0
        """
        return tuple(
            (n, found)
            for n, f in zip(self.names, self.columns, strict=True)
            if f is None and n and (found := field_of(n, self.kind)) is not None
        )


def fields_of(cells: Sequence[str], kind: str) -> tuple[str | None, ...]:
    """The field of each column; where several name one field, the most specific match wins.

    Of columns equally specific, the first wins; the others name no field.
    """
    matches = [_match(cell, kind) for cell in cells]
    best: dict[str, tuple[int, int]] = {}
    for column, found in enumerate(matches):
        if found is not None:
            name, rank = found
            if name not in best or rank > best[name][0]:
                best[name] = (rank, column)
    return tuple(
        found[0] if found is not None and best[found[0]][1] == column else None
        for column, found in enumerate(matches)
    )


def match_header(cells: Sequence[object], kind: str | None = None) -> Header | None:
    """The header a row of cells makes, or ``None`` if the row is no registry header.

    Two fields at least, and every kind's required fields must be named (a certificate's
    number; a programme's id and title; an enrolment's certificate, programme and start; a
    provider's name). Of the kinds
    that fit, the one whose distinctive fields the header names wins, then the one with more
    columns matched.

    Args:
        cells: The row's cells (non-text cells never name a field).
        kind: Read the row as this kind only.

    .. versionadded:: 0.2.0
    """
    return best_header(cells, kind, least=2)


def best_header(cells: Sequence[object], kind: str | None, *, least: int) -> Header | None:
    """As :func:`match_header`, with ``least`` fields at least (a JSON object may have one)."""
    names = tuple(c.strip() if isinstance(c, str) else "" for c in cells)
    best: tuple[int, int, int, Header] | None = None
    for order, candidate in enumerate(KINDS if kind is None else (kind,)):
        columns = fields_of(names, candidate)
        found = {c for c in columns if c is not None}
        if "ages_low" in found or "ages_high" in found:
            found.add("ages")
        if not REQUIRED[candidate] <= found or len(found) < least:
            continue  # a title line («Реестр сертификатов …») names one field at most
        score = (len(found & _MARKS[candidate]), len(found), order)
        if best is None or score > best[:3]:
            best = (*score, Header(candidate, columns, names))
    return None if best is None else best[3]
