"""The roadmap: a plan of activities, grouped in sections, with deadlines, results and parties."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from dod_model._base import roman_to_int
from dod_model.model._enums import ColumnRole, PlanKind
from dod_model.model._organisations import Centre
from dod_model.model._period import Period
from dod_model.model._references import LegalActRef, Party
from dod_model.model._result import Result
from dod_model.model._time import Deadline

__all__ = [
    "Abbreviation",
    "Activity",
    "ColumnText",
    "Location",
    "Roadmap",
    "Section",
    "Source",
    "Step",
]


@attrs.frozen(kw_only=True)
class Location:
    """Where something stands in its source document, counted from 1 as a person counts.

    Attributes:
        table: The table (a continued table counts as the one it continues).
        row: The row inside that table, as Word counts them: a header typed again and the
            second half of a row a page break cut count too.
        column: The cell inside the row, in grid columns; ``None`` for the whole row.
        line: The line of a plain-text export where the row starts.

    .. versionadded:: 0.1.0
    """

    table: int
    row: int
    column: int | None = None
    line: int | None = None

    def __attrs_post_init__(self) -> None:
        # One check of all four, not a validator each: a roadmap has a place per row.
        column, line = self.column, self.line
        if (
            self.table < 1
            or self.row < 1
            or (column is not None and column < 1)
            or (line is not None and line < 1)
        ):
            for name in ("table", "row", "column", "line"):
                value = getattr(self, name)
                if value is not None and value < 1:
                    msg = f"{name} counts from 1, not {value}"
                    raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Source:
    """Provenance of a roadmap: the document it was read from.

    Attributes:
        name: File name (not the full path, which says nothing outside one machine).
        format: The importer that read it («docx», «text», «json»).
        sha256: Hex digest of the document's bytes.
        encoding: Character encoding of a text document.

    .. versionadded:: 0.1.0
    """

    name: str | None = None
    format: str | None = None
    sha256: str | None = None
    encoding: str | None = None


@attrs.frozen
class Step:
    """An enumerated sub-step written inside an activity («1. Отбор площадки для РМЦ.»).

    Attributes:
        number: The step's number as written, trailing dots dropped.
        text: What the step says.

    .. versionadded:: 0.1.0
    """

    number: str
    text: str


@attrs.frozen
class Abbreviation:
    """An abbreviation a document defines or a glossary knows.

    «МОЦ» → «Муниципальный опорный центр дополнительного образования детей».

    Attributes:
        short: The abbreviation as written.
        full: What it stands for.

    .. versionadded:: 0.1.0
    """

    short: str
    full: str


@attrs.frozen
class ColumnText:
    """A cell of a column the header vocabulary does not know, kept under the column's header.

    Attributes:
        header: The column's header as written, its lines joined by a space («Код
            мероприятия»); a header of two levels as «Сроки: начало».
        text: The cell's text as written.

    .. versionadded:: 0.3.0
    """

    header: str
    text: str


@attrs.frozen(kw_only=True)
class Activity:
    """One activity (мероприятие) of a roadmap: a numbered row of its table.

    Attributes:
        number: As numbered in the document, trailing dots dropped («1.10»); ``""`` if unnumbered.
        title: What is to be done, as written.
        deadline: When it is due.
        results: Expected results, in the order written.
        responsible: Bodies responsible, in the order written; empty when the document names none.
        section: The number of the section the activity belongs to, ``None`` outside sections.
        notes: Remarks attached to the row («(Позиция в редакции …)»).
        steps: Enumerated sub-steps written inside the title; the title keeps them too.
        provenance: Where the row stands in the source document.
        indicator: The target indicator the activity serves («Показатель»), as written.
        funding: Its source or amount of funding («Источник финансирования»), as written.
        audience: Who takes part («Целевая аудитория», «Участники»), as written.
        place: Where it is held («Место проведения»), as written.
        completion: The document's mark of its completion («Отметка о выполнении»), as written.
        extra: Cells of the columns the header vocabulary does not know, under their headers,
            left to right.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0
       ``indicator``, ``funding``, ``audience``, ``place``, ``completion`` and ``extra``.
    """

    number: str
    title: str
    deadline: Deadline = attrs.field(factory=Deadline)
    results: tuple[Result, ...] = ()
    responsible: tuple[Party, ...] = ()
    section: str | None = None
    notes: tuple[str, ...] = ()
    steps: tuple[Step, ...] = ()
    provenance: Location | None = None
    indicator: str = ""
    funding: str = ""
    audience: str = ""
    place: str = ""
    completion: str = ""
    extra: tuple[ColumnText, ...] = ()


def _activities_in_section(
    instance: Section, attribute: attrs.Attribute[tuple[Activity, ...]], value: tuple[Activity, ...]
) -> None:
    for index, activity in enumerate(value):
        if activity.section != instance.number:
            msg = (
                f"activity {index} ({activity.number!r}) says it belongs to section "
                f"{activity.section!r}, but stands in section {instance.number!r}"
            )
            raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Section:
    """A section of a roadmap: a spanning row such as «1. Порядок обновления содержания …».

    Attributes:
        number: The section's number as written, arabic or roman, trailing dots dropped.
        title: Its title.
        activities: Its activities in document order; each one's ``section`` is ``number``.
        provenance: Where the section row stands in the source document.
        parent: The number of the section it is a subsection of («1» of «1.1»), else ``None``.
            Subsections stand in :attr:`Roadmap.sections` like sections, after their parent.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0
       ``parent``; roman numbers stay roman, their value is :attr:`order`.
    """

    number: str
    title: str
    activities: tuple[Activity, ...] = attrs.field(default=(), validator=_activities_in_section)
    provenance: Location | None = None
    parent: str | None = None

    @property
    def order(self) -> int | None:
        """The value of the section's number, roman or arabic («IV» → 4), else ``None``.

        A subsection's is that of its last part («1.2» → 2).

        .. versionadded:: 0.3.0
        """
        last = self.number.rsplit(".", 1)[-1]
        return roman_to_int(last) if last else None


def _outside_sections(
    instance: Roadmap, attribute: attrs.Attribute[tuple[Activity, ...]], value: tuple[Activity, ...]
) -> None:
    for index, activity in enumerate(value):
        if activity.section is not None:
            msg = (
                f"activity {index} ({activity.number!r}) stands outside sections but says it "
                f"belongs to section {activity.section!r}"
            )
            raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Roadmap:
    """A roadmap (дорожная карта) or plan of activities, as one planning document states it.

    Activities before the first section row, or all of them when the document has no sections,
    are in :attr:`unsectioned`; the rest in their :attr:`sections`. :attr:`activities` gives every
    one in document order.

    Attributes:
        title: The document's title, as written, lines joined by spaces.
        kind: What kind of plan it is, when recognised.
        region: ISO 3166-2 code of the region («RU-SAM»), when known.
        municipality: The municipality the plan is for, as written.
        period: The period the plan covers, when the document states or implies it.
        approval: The act that approves the plan («приказ … от 02.04.2019 № 175»).
        basis: Acts the plan is based on (a footnote «Основание разработки – …»).
        centres: The РМЦ, МОЦ and ОЦ the plan names.
        glossary: Abbreviations the document defines («(далее – МОЦ)»).
        notes: Other text of the document outside its table: preambles, footnotes.
        columns: What the columns of the source table hold, in order, of those whose role the
            header vocabulary tells; empty when unknown.
        headers: The header of every column of the source table as written, in order, lines
            joined by spaces (a header of two levels as «Сроки: начало»); empty when unknown.
        unsectioned: Activities outside any section.
        sections: The sections, in document order.
        source: The document the roadmap was read from.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0
       ``headers``.
    """

    title: str
    kind: PlanKind | None = None
    region: str | None = None
    municipality: str | None = None
    period: Period | None = None
    approval: LegalActRef | None = None
    basis: tuple[LegalActRef, ...] = ()
    centres: tuple[Centre, ...] = ()
    glossary: tuple[Abbreviation, ...] = ()
    notes: tuple[str, ...] = ()
    columns: tuple[ColumnRole, ...] = ()
    headers: tuple[str, ...] = ()
    unsectioned: tuple[Activity, ...] = attrs.field(default=(), validator=_outside_sections)
    sections: tuple[Section, ...] = ()
    source: Source | None = None

    @property
    def activities(self) -> tuple[Activity, ...]:
        """Every activity in document order, sections flattened."""
        return (*self.unsectioned, *(a for section in self.sections for a in section.activities))

    def iter_activities(self) -> Iterator[Activity]:
        """Iterate over every activity in document order without building a tuple."""
        yield from self.unsectioned
        for section in self.sections:
            yield from section.activities

    def iter_sectioned(self) -> Iterator[tuple[Section | None, Activity]]:
        """Every activity with the section it stands in (``None`` outside sections).

        In document order. Unlike looking the section up by :attr:`Activity.section`, this
        holds where two sections share a number (sections headed without numbers, say).

        .. versionadded:: 0.2.0
        """
        for activity in self.unsectioned:
            yield None, activity
        for section in self.sections:
            for activity in section.activities:
                yield section, activity

    def activity(self, number: str) -> Activity | None:
        """The first activity numbered ``number`` («2.3»), or ``None``."""
        return next((a for a in self.iter_activities() if a.number == number), None)

    def section(self, number: str) -> Section | None:
        """The section numbered ``number``, or ``None``."""
        return next((s for s in self.sections if s.number == number), None)
