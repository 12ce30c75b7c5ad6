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

from dod_model.text import fold

__all__ = ["KINDS", "RECORD_FIELDS", "REQUIRED", "Header", "field_of", "match_header"]

KINDS = ("providers", "programmes", "certificates", "enrolments")
"""The tables of a registry, in the order a validation reads them (lookups before enrolments)."""

# For each kind: (field, pattern of folded wordings), most specific first. A pattern is tried
# against the folded header cell; the first that matches names the field.
_WORDS: dict[str, tuple[tuple[str, str], ...]] = {
    "certificates": (
        ("holder_birth_date", r"рождени"),
        ("issued", r"дата (?:выдачи|создания|регистрации|включения|оформления)|выдан"),
        ("nominal_unit", r"единиц|ед\.? ?изм"),
        ("balance", r"остат|баланс|доступн\w* (?:средств|сумм)"),
        ("nominal", r"номинал|объем (?:обеспечения|финансирования)"),
        ("kind", r"вид|тип|статус|категори"),
        ("number", r"номер|^№|^n\b|сертификат"),
        ("region", r"^регион|субъект"),
        ("municipality", r"муниципал|^мо\b|район|округ|^территори"),
    ),
    "enrolments": (
        ("start", r"(?:дата|с даты) (?:начала|зачислени|заключени)|начал\w* обучени|зачислен"),
        ("end", r"(?:дата|по дату) (?:окончани|отчислени|завершени)|окончани|отчислен"),
        ("cost", r"стоимост|сумм|списан|оплат|цена"),
        ("certificate", r"сертификат"),
        ("programme", r"программ"),
        ("provider", r"поставщик|организаци|исполнител"),
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
        ("hours", r"час|объем|продолжительност"),
        ("certified", r"сертифицирован|оплат\w* сертификат"),
        ("provider", r"поставщик|организаци|исполнител"),
        ("id", r"^id\b|идентификатор|код|номер|^№"),
        ("title", r"наименовани|назван|^программа$"),
        ("region", r"^регион|субъект"),
        ("municipality", r"муниципал|^мо\b|район|округ|^территори"),
    ),
    "providers": (
        ("short_name", r"кратк\w* наименовани|сокращенн\w* наименовани"),
        ("inn", r"(?<!\w)инн(?!\w)"),
        ("id", r"^id\b|идентификатор|код|номер|^№"),
        ("name", r"наименовани|назван|организаци|поставщик"),
        ("region", r"^регион|субъект"),
        ("municipality", r"муниципал|^мо\b|район|округ|^территори"),
    ),
}

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


def _fold(header: str) -> str:
    r"""A header cell folded, a word hyphenated across lines («реализа-\nции») joined."""
    return fold(re.sub(r"-\s*\n\s*", "", header.replace("\u00ad", ""))).strip(" .:*")


def field_of(header: str, kind: str) -> str | None:
    """The field of a ``kind`` record a header cell names, or ``None``.

    >>> from dod_model.registry import field_of
    >>> field_of("Дата рождения ребёнка", "certificates"), field_of("ИНН", "providers")
    ('holder_birth_date', 'inn')

    Args:
        header: The header cell as written («Номер сертификата», ``number``).
        kind: ``certificates``, ``programmes``, ``enrolments`` or ``providers``.

    Returns:
        The field name (``ages_low``/``ages_high`` for two age columns), or ``None``.

    .. versionadded:: 0.2.0
    """
    folded = _fold(header)
    if not folded:
        return None
    own = folded.replace(" ", "_")
    if own in _OWN[kind]:
        return own
    for name, pattern in _COMPILED[kind]:
        if pattern.search(folded):
            return name
    return None


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
        return tuple(n for n, f in zip(self.names, self.columns, strict=True) if f is None and n)


def _fields(cells: Sequence[str], kind: str) -> tuple[str | None, ...]:
    seen: set[str] = set()
    columns: list[str | None] = []
    for cell in cells:
        name = field_of(cell, kind)
        if name is not None and name in seen:
            name = None  # a second column for one field: the first one counts
        if name is not None:
            seen.add(name)
        columns.append(name)
    return tuple(columns)


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
    names = tuple(c.strip() if isinstance(c, str) else "" for c in cells)
    best: tuple[int, int, int, Header] | None = None
    for order, candidate in enumerate(KINDS if kind is None else (kind,)):
        columns = _fields(names, candidate)
        found = {c for c in columns if c is not None}
        if "ages_low" in found or "ages_high" in found:
            found.add("ages")
        if not REQUIRED[candidate] <= found or len(found) < 2:
            continue  # a title line («Реестр сертификатов …») names one field at most
        score = (len(found & _MARKS[candidate]), len(found), order)
        if best is None or score > best[:3]:
            best = (*score, Header(candidate, columns, names))
    return None if best is None else best[3]
