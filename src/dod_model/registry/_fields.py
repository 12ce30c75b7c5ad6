r"""The fields of each kind of registry record, declared once: one table per kind.

Each :class:`Field` says how a registry file holds one field of the model: the wordings of its
column, the reader of its cells, whether a row can do without it, and the column name it is
written under. Header matching (:mod:`._columns`), row reading (:mod:`._rows`), the required
checks and writing (:mod:`._write`) are all derived from these tables.

A table lists its fields in the order their wordings are tried against a header cell: the first
field whose ``words`` match names the cell; ``late_words`` are tried only when no field's
``words`` match, for wordings that other columns contain too (a lone «Номер», a place's
«район»). Files are written in the model's own order of fields, which the tables do not repeat.

The ending a wording allows after a stem is at most 30 letters (``\w{0,30}``, not ``\w*``):
each copy of a stem in a header of one long word gets bounded work, and a header is matched
in time linear in its length.
"""

from __future__ import annotations

from typing import Final

import attrs

from dod_model.model import Certificate, Enrolment, Organisation, Programme

__all__ = ["FIELDS", "KINDS", "RECORD_TYPES", "Field", "fields_written"]


@attrs.frozen(kw_only=True)
class Field:
    """One field of a kind of record, as registry files hold it.

    Attributes:
        name: The model's field (``holder_birth_date``); a column of that very name (as
            canonical JSON Lines have) names it too. ``ages_low`` and ``ages_high`` are the
            two ends of a programme's ``ages``, read from columns of their own.
        reader: Which reader turns a non-empty cell into the field's value (``date``,
            ``decimal``, …; see ``_READERS`` in :mod:`._rows`). A ``text`` cell is kept as
            written, spaces included.
        heading: The column name the field is written under, one that its wordings read
            back; ``None`` for a column that is read but never written.
        words: A pattern of the folded wordings of its column (lower case, «е» for «ё», spaces
            single), searched in the folded header cell.
        late_words: A pattern tried only after every field's ``words`` found nothing: plain
            wordings other columns contain too. A column it names ranks below one ``words``
            names, when both name the field («Тип сертификата» wins over «Статус»).
        required: Whether a row cannot do without it: a row whose cell of it is empty or does
            not read is a bad row, and a header that names no column of it is no header of the
            kind.
        marks: Whether a header that names it is rather of this kind than of another (a file of
            providers has no orientation).
    """

    name: str
    reader: str
    heading: str | None
    words: str | None = None
    late_words: str | None = None
    required: bool = False
    marks: bool = False


_CERTIFICATE_NUMBER = (
    r"(?<!\w)(?:(?:номер|код|идентификатор)\w{0,30}|№|n|id)\s*(?:\w{1,30}\s+)?сертификат"
    r"|сертификат\w{0,30},?\s*(?:№|номер)"
)
_PROGRAMME_ID = (
    r"(?<!\w)(?:(?:номер|код|идентификатор)\w{0,30}|№|n|id)\s*(?:\w{1,30}\s+)?программ"
    r"|программ\w{0,30},?\s*(?:№|код|id)"
)
_PROVIDER = r"поставщик|организаци|исполнител"
# A place's words (район, округ) stand in other headings too: they are tried late.
_PLACES = (
    Field(name="region", reader="text", heading="Регион", late_words=r"^регион|субъект"),
    Field(
        name="municipality",
        reader="text",
        heading="Муниципальное образование",
        late_words=r"муниципал|^мо\b|район|округ|^территори",
    ),
)

CERTIFICATE_FIELDS = (
    Field(name="holder_birth_date", reader="date", heading="Дата рождения", words=r"рождени",
          marks=True),
    Field(name="issued", reader="date", heading="Дата выдачи",
          words=r"дата (?:выдачи|создания|регистрации|включения|оформления)|выдан", marks=True),
    Field(name="nominal_unit", reader="unit", heading="Единица номинала",
          words=r"единиц|ед\.? ?изм"),
    Field(name="balance", reader="decimal", heading="Остаток номинала",
          words=r"остат|баланс|доступн\w{0,30} (?:средств|сумм)", marks=True),
    Field(name="nominal", reader="decimal", heading="Номинал",
          words=r"номинал|объем (?:обеспечения|финансирования)", marks=True),
    # Until 2023 the kinds were called statuses (учёта, ПФДО); a «Статус» column that says
    # «активен» instead reads as bad values, and a «Тип» column beside it wins.
    Field(name="kind", reader="certificate-kind", heading="Вид сертификата",
          words=r"вид|тип|категори", late_words=r"статус"),
    Field(name="number", reader="certificate-number", heading="Номер сертификата",
          words=_CERTIFICATE_NUMBER, late_words=r"^(?:номер|n|сертификат)$", required=True),
    *_PLACES,
)  # fmt: skip
"""The fields of a certificate (:class:`~dod_model.registry.Certificate`)."""

PROGRAMME_FIELDS = (
    Field(name="ages_low", reader="integer", heading=None,
          words=r"возраст\w{0,30} (?:от|с)\b|минимальн\w{0,30} возраст|возраст\w{0,30} min",
          marks=True),
    Field(name="ages_high", reader="integer", heading=None,
          words=r"возраст\w{0,30} до\b|максимальн\w{0,30} возраст|возраст\w{0,30} max"),
    Field(name="ages", reader="ages", heading="Возраст обучающихся", words=r"возраст",
          marks=True),
    Field(name="orientation", reader="orientation", heading="Направленность",
          words=r"направленност", marks=True),
    Field(name="level", reader="level", heading="Уровень", words=r"уровен", marks=True),
    Field(name="mode", reader="mode", heading="Форма обучения", words=r"форма обучения|очн"),
    Field(name="forms", reader="forms", heading="Формы реализации",
          words=r"форм\w{0,30} реализации|особенност|признак", marks=True),
    Field(name="kind", reader="programme-kind", heading="Вид программы",
          words=r"вид программ|тип программ|^вид$|^тип$"),
    # Hours, not months («Продолжительность, мес.») nor money («Стоимость часа»).
    Field(name="hours", reader="integer", heading="Объём, часов",
          words=r"^(?!.*(?:мес|недел|дн[ея]|год|стоимост|цена|руб)).*(?:час|объем|продолжит)",
          marks=True),
    Field(name="certified", reader="boolean", heading="Сертифицирована",
          words=r"сертифицирован|оплат\w{0,30} сертификат"),
    Field(name="id", reader="identifier", heading="ID программы",
          words=r"^id\b|идентификатор|" + _PROGRAMME_ID, late_words=r"^(?:код|номер)$",
          required=True),
    Field(name="provider", reader="identifier", heading="Поставщик", words=_PROVIDER),
    Field(name="title", reader="text", heading="Наименование программы",
          words=r"наименовани|назван|^программа$", required=True),
    *_PLACES,
)  # fmt: skip
"""The fields of a programme (:class:`~dod_model.registry.Programme`)."""

ENROLMENT_FIELDS = (
    Field(name="start", reader="date", heading="Дата зачисления",
          words=r"(?:дата|с даты) (?:начала|зачислени|заключени)|начал\w{0,30} обучени|зачислен",
          required=True, marks=True),
    Field(name="end", reader="date", heading="Дата окончания",
          words=r"(?:дата|по дату) (?:окончани|отчислени|завершени)|окончани|отчислен"),
    Field(name="cost", reader="decimal", heading="Стоимость",
          words=r"стоимост|сумм|списан|оплат|цена", marks=True),
    Field(name="certificate", reader="certificate-number", heading="Номер сертификата",
          words=_CERTIFICATE_NUMBER, late_words=r"сертификат", required=True),
    Field(name="programme", reader="identifier", heading="ID программы", words=_PROGRAMME_ID,
          late_words=r"программ", required=True),
    Field(name="provider", reader="identifier", heading="Поставщик", words=_PROVIDER),
)  # fmt: skip
"""The fields of an enrolment (:class:`~dod_model.registry.Enrolment`)."""

PROVIDER_FIELDS = (
    Field(name="short_name", reader="text", heading="Краткое наименование",
          words=r"кратк\w{0,30} наименовани|сокращенн\w{0,30} наименовани", marks=True),
    Field(name="inn", reader="identifier", heading="ИНН", words=r"(?<!\w)инн(?!\w)", marks=True),
    Field(name="id", reader="identifier", heading="ID поставщика",
          words=r"^id\b|идентификатор|(?:номер|№|код)\w{0,30}\s*(?:" + _PROVIDER + ")",
          late_words=r"^(?:код|номер)$"),
    Field(name="name", reader="text", heading="Наименование организации",
          words=r"наименовани|назван|организаци|поставщик", required=True),
    *_PLACES,
)  # fmt: skip
"""The fields of a provider (:class:`~dod_model.registry.Organisation`)."""

FIELDS: dict[str, tuple[Field, ...]] = {
    "providers": PROVIDER_FIELDS,
    "programmes": PROGRAMME_FIELDS,
    "certificates": CERTIFICATE_FIELDS,
    "enrolments": ENROLMENT_FIELDS,
}
"""Each kind's table of fields."""

KINDS = tuple(FIELDS)
"""The tables of a registry, in the order a validation reads them (lookups before enrolments)."""

RECORD_TYPES: Final[dict[str, type]] = {
    "certificates": Certificate,
    "programmes": Programme,
    "enrolments": Enrolment,
    "providers": Organisation,
}
"""The model class of each kind of record."""


def _in_model_order(kind: str) -> tuple[Field, ...]:
    by_name = {field.name: field for field in FIELDS[kind]}
    return tuple(by_name[a.name] for a in attrs.fields(RECORD_TYPES[kind]))


_WRITTEN = {kind: _in_model_order(kind) for kind in KINDS}


def fields_written(kind: str) -> tuple[Field, ...]:
    """The fields a file of ``kind`` is written with, in the model's order: every field."""
    return _WRITTEN[kind]
