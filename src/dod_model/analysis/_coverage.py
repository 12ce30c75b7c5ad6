"""``coverage``: which measures of the target model a roadmap plans, and by which activities."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Iterator, Mapping

import attrs

from dod_model.analysis._measures import MEASURES, Measure
from dod_model.model import Activity, Roadmap

__all__ = ["Coverage", "CoverageMatrix", "MeasureCoverage", "coverage", "coverage_matrix"]


@attrs.frozen(kw_only=True)
class MeasureCoverage:
    """One measure and the activities of a roadmap that plan it.

    Attributes:
        measure: The measure.
        activities: The activities whose titles plan it, in document order.
        pointers: The JSON Pointer of each of them in ``dod_model.dumps(roadmap)``.

    .. versionadded:: 0.3.0
    """

    measure: Measure
    activities: tuple[Activity, ...] = ()
    pointers: tuple[str, ...] = ()

    @property
    def numbers(self) -> tuple[str, ...]:
        """The numbers of the activities, as the document numbers them."""
        return tuple(a.number for a in self.activities)

    @property
    def planned(self) -> bool:
        """Whether some activity plans the measure."""
        return bool(self.activities)


@attrs.frozen(kw_only=True)
class Coverage:
    """Every measure of the target model with the activities of a roadmap that plan it.

    Attributes:
        roadmap: The roadmap.
        measures: One entry per measure, in the order of :data:`MEASURES`.

    .. versionadded:: 0.3.0
    """

    roadmap: Roadmap
    measures: tuple[MeasureCoverage, ...]

    @property
    def planned(self) -> tuple[Measure, ...]:
        """The measures some activity plans."""
        return tuple(m.measure for m in self.measures if m.planned)

    @property
    def missing(self) -> tuple[Measure, ...]:
        """The measures no activity plans."""
        return tuple(m.measure for m in self.measures if not m.planned)

    def __getitem__(self, key: str) -> MeasureCoverage:
        """The entry of the measure ``key`` («navigator»).

        Raises:
            KeyError: No measure has that key.
        """
        for entry in self.measures:
            if entry.measure.key == key:
                return entry
        raise KeyError(key)


def _placed(roadmap: Roadmap) -> Iterator[tuple[Activity, str]]:
    for index, activity in enumerate(roadmap.unsectioned):
        yield activity, f"/unsectioned/{index}"
    for number, section in enumerate(roadmap.sections):
        for index, activity in enumerate(section.activities):
            yield activity, f"/sections/{number}/activities/{index}"


def coverage(roadmap: Roadmap, measures: Iterable[Measure] = MEASURES) -> Coverage:
    """Which measures of the target model ``roadmap`` plans, and which activities plan them.

    An activity plans a measure when its title says so (:attr:`Measure.pattern`).

    Args:
        roadmap: The roadmap.
        measures: The measures to look for; all of :data:`MEASURES` by default.

    Returns:
        One entry per measure, planned or not.

    .. versionadded:: 0.3.0
    """
    chosen = tuple(measures)
    found: dict[str, list[tuple[Activity, str]]] = {m.key: [] for m in chosen}
    for activity, pointer in _placed(roadmap):
        for measure in chosen:
            if measure.planned_by(activity):
                found[measure.key].append((activity, pointer))
    return Coverage(
        roadmap=roadmap,
        measures=tuple(
            MeasureCoverage(
                measure=m,
                activities=tuple(a for a, _ in found[m.key]),
                pointers=tuple(p for _, p in found[m.key]),
            )
            for m in chosen
        ),
    )


def _name(roadmap: Roadmap, index: int) -> str:
    source = roadmap.source
    return source.name if source is not None and source.name else f"roadmap {index + 1}"


@attrs.frozen(kw_only=True)
class CoverageMatrix:
    """Roadmaps × measures: the numbers of the activities that plan each measure.

    Attributes:
        names: A name for each roadmap (its file name, or the key it was given by).
        regions: Each roadmap's region code, or ``None``.
        measures: The measures, the columns.
        cells: For each roadmap, for each measure, the numbers of the activities that plan it.

    .. versionadded:: 0.3.0
    """

    names: tuple[str, ...]
    regions: tuple[str | None, ...]
    measures: tuple[Measure, ...]
    cells: tuple[tuple[tuple[str, ...], ...], ...]

    def rows(self, *, counts: bool = False) -> list[dict[str, object]]:
        """One dict per roadmap, for a data frame (``pandas.DataFrame(matrix.rows())``).

        Keys: ``roadmap``, ``region``, ``planned`` (how many measures) and one per measure key,
        its activity numbers joined with «; », or how many activities when ``counts``.
        """
        rows: list[dict[str, object]] = []
        for name, region, cells in zip(self.names, self.regions, self.cells, strict=True):
            row: dict[str, object] = {"roadmap": name, "region": region or ""}
            row["planned"] = sum(1 for numbers in cells if numbers)
            for measure, numbers in zip(self.measures, cells, strict=True):
                row[measure.key] = len(numbers) if counts else "; ".join(numbers)
            rows.append(row)
        return rows

    def to_csv(self, *, counts: bool = False) -> str:
        """The matrix as CSV text: a header row of keys, then one row per roadmap."""
        out = io.StringIO()
        rows = self.rows(counts=counts)
        fields = ["roadmap", "region", "planned", *(m.key for m in self.measures)]
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue()

    def write_csv(self, path: str | os.PathLike[str], *, counts: bool = False) -> None:
        """Write :meth:`to_csv` to ``path`` in UTF-8 with a BOM, as Excel opens it."""
        with open(path, "w", encoding="utf-8-sig", newline="") as file:
            file.write(self.to_csv(counts=counts))

    def write_xlsx(self, path: str | os.PathLike[str], *, counts: bool = False) -> None:
        """Write the matrix to ``path`` as one sheet of a workbook (openpyxl).

        The first row holds the keys, the second the measures' Russian labels; the header
        is frozen.
        """
        import openpyxl  # noqa: PLC0415 - loaded when a workbook is written

        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None  # a new workbook has its sheet
        sheet.title = "coverage"
        rows = self.rows(counts=counts)
        keys = ["roadmap", "region", "planned", *(m.key for m in self.measures)]
        sheet.append(keys)
        sheet.append(["", "", "", *(m.label for m in self.measures)])
        for row in rows:
            sheet.append([row[key] for key in keys])
        sheet.freeze_panes = "B3"
        book.save(os.fspath(path))


def coverage_matrix(
    roadmaps: Iterable[Roadmap] | Mapping[str, Roadmap], measures: Iterable[Measure] = MEASURES
) -> CoverageMatrix:
    """The coverage of several roadmaps, a row each.

    Args:
        roadmaps: The roadmaps, or a mapping of a name for each to it; without names, each is
            named by its source file (``roadmap 2`` when it has none).
        measures: The measures, the columns; all of :data:`MEASURES` by default.

    .. versionadded:: 0.3.0
    """
    chosen = tuple(measures)
    if isinstance(roadmaps, Mapping):
        named = list(roadmaps.items())
    else:
        named = [(_name(r, i), r) for i, r in enumerate(roadmaps)]
    found = [coverage(r, chosen) for _, r in named]
    return CoverageMatrix(
        names=tuple(name for name, _ in named),
        regions=tuple(r.region for _, r in named),
        measures=chosen,
        cells=tuple(tuple(m.numbers for m in c.measures) for c in found),
    )
