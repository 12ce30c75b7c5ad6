"""Roadmaps as a table for the analyst's own work: a pandas DataFrame or an Arrow table.

One row per activity, in the order of the roadmaps and of their activities, the columns that
say which roadmap a row is from first (:data:`~dod_model.analysis.ROADMAP_COLUMNS`). pandas and
pyarrow are optional (``pip install 'dod-model[pandas]'``, ``'dod-model[arrow]'``): they are
imported when a table is made, never to read a document.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dod_model._errors import DocumentError
from dod_model.analysis._collection import ROADMAP_COLUMNS, Collection
from dod_model.model import Roadmap

__all__ = ["FRAME_COLUMNS", "to_arrow", "to_frame"]

_ACTIVITY_COLUMNS = (
    "section",
    "section_title",
    "number",
    "title",
    "deadline",
    "deadline_kind",
    "start",
    "end",
    "dates",
    "recurrence",
    "results",
    "results_text",
    "responsible",
    "responsible_text",
    "indicator",
    "funding",
    "audience",
    "place",
    "completion",
)

FRAME_COLUMNS = (*ROADMAP_COLUMNS, *_ACTIVITY_COLUMNS)
"""The columns of :func:`to_frame` and :func:`to_arrow`, in order.

.. versionadded:: 0.3.0
"""

_CATEGORIES = (*(c for c in ROADMAP_COLUMNS if not c.startswith("period_")), "section",
               "section_title", "deadline_kind", "recurrence")  # fmt: skip
_DATES = ("period_start", "period_end", "start", "end")
_LISTS = ("results", "responsible")
_JOIN = "; "


def _collection(roadmaps: Collection | Roadmap | Iterable[Roadmap]) -> Collection:
    if isinstance(roadmaps, Collection):
        return roadmaps
    return Collection.of([roadmaps] if isinstance(roadmaps, Roadmap) else roadmaps)


def _records(roadmaps: Collection | Roadmap | Iterable[Roadmap]) -> dict[str, list[Any]]:
    """Column → values, one per activity: dates as dates, results and parties as lists."""
    table: dict[str, list[Any]] = {name: [] for name in FRAME_COLUMNS}
    collection = _collection(roadmaps)
    for columns, roadmap in zip(collection.columns(), collection, strict=True):
        titles = {section.number: section.title for section in roadmap.sections}
        for activity in roadmap.activities:
            deadline = activity.deadline
            results = [result.text for result in activity.results]
            parties = [party.name for party in activity.responsible]
            row: dict[str, Any] = {
                **columns,
                "section": activity.section,
                "section_title": titles.get(activity.section) if activity.section else None,
                "number": activity.number,
                "title": activity.title,
                "deadline": deadline.text,
                "deadline_kind": deadline.kind.value,
                "start": deadline.start,
                "end": deadline.end,
                "dates": list(deadline.dates),
                "recurrence": deadline.recurrence.value if deadline.recurrence else None,
                "results": results,
                "results_text": _JOIN.join(results),
                "responsible": parties,
                "responsible_text": _JOIN.join(parties),
                "indicator": activity.indicator,
                "funding": activity.funding,
                "audience": activity.audience,
                "place": activity.place,
                "completion": activity.completion,
            }
            for name in FRAME_COLUMNS:
                table[name].append(row[name])
    return table


def to_frame(roadmaps: Collection | Roadmap | Iterable[Roadmap]) -> Any:
    """The activities of ``roadmaps`` as a pandas DataFrame, one row per activity.

    The columns are :data:`FRAME_COLUMNS`: first those that say which roadmap the row is from
    (``file``, ``region``, ``municipality``, ``roadmap_title``, ``roadmap_kind``: categories;
    ``period_start``, ``period_end``), then the activity's. Dates (``period_start``,
    ``period_end``, the deadline's ``start`` and ``end``) are ``datetime64[ns]`` columns, ``NaT``
    where there is none, so ``frame[frame.end < "2020-01-01"]`` and ``frame.end.dt.year`` work;
    ``dates`` holds each activity's listed due dates as a list of :class:`datetime.date`.
    ``results`` and ``responsible`` are lists of the texts as written, and ``results_text`` and
    ``responsible_text`` the same joined by ``"; "`` (to read, filter and write to Excel);
    ``section``, ``section_title``, ``deadline_kind`` and ``recurrence`` are categories too.

    Args:
        roadmaps: A :class:`~dod_model.analysis.Collection` (``file`` is each roadmap's path),
            a roadmap, or roadmaps (``file`` is the name their source records).

    Returns:
        A ``pandas.DataFrame`` (typed ``Any``: pandas is optional).

    Raises:
        DocumentError: pandas is not installed; the message says to
            ``pip install 'dod-model[pandas]'``.

    Example:
        >>> from dod_model import examples
        >>> frame = to_frame(examples.load(name) for name in ("samara", "tambov"))
        >>> frame.groupby("region", observed=True).size().to_dict()
        {'RU-SAM': 15, 'RU-TAM': 29}

    .. versionadded:: 0.3.0
    """
    try:
        import pandas as pd  # noqa: PLC0415 - optional: the [pandas] extra
    except ImportError:
        msg = "a data frame needs pandas: pip install 'dod-model[pandas]'"
        raise DocumentError(msg) from None
    table = _records(roadmaps)
    columns: dict[str, Any] = {}
    for name, values in table.items():
        if name in _DATES:
            columns[name] = pd.to_datetime(pd.Series(values, dtype=object)).astype("datetime64[ns]")
        elif name in _CATEGORIES:
            columns[name] = pd.Categorical(values)
        elif name in (*_LISTS, "dates"):
            columns[name] = pd.Series(values, dtype=object)
        else:
            columns[name] = pd.Series(values)
    return pd.DataFrame(columns, columns=list(FRAME_COLUMNS))


def to_arrow(roadmaps: Collection | Roadmap | Iterable[Roadmap]) -> Any:
    """The activities of ``roadmaps`` as an Arrow table, the columns of :func:`to_frame`.

    Categories are dictionary-encoded strings, dates ``date32``, ``dates`` a list of
    ``date32``, ``results`` and ``responsible`` lists of strings. Needs pyarrow only, not pandas.

    Returns:
        A ``pyarrow.Table`` (typed ``Any``: pyarrow is optional).

    Raises:
        DocumentError: pyarrow is not installed; the message says to
            ``pip install 'dod-model[arrow]'``.

    .. versionadded:: 0.3.0
    """
    try:
        import pyarrow as pa  # noqa: PLC0415 - optional: the [arrow] extra
    except ImportError:
        msg = "an Arrow table needs pyarrow: pip install 'dod-model[arrow]'"
        raise DocumentError(msg) from None
    table = _records(roadmaps)
    arrays: dict[str, Any] = {}
    for name, values in table.items():
        if name in _DATES:
            arrays[name] = pa.array(values, type=pa.date32())
        elif name == "dates":
            arrays[name] = pa.array(values, type=pa.list_(pa.date32()))
        elif name in _LISTS:
            arrays[name] = pa.array(values, type=pa.list_(pa.string()))
        elif name in _CATEGORIES:
            arrays[name] = pa.array(values, type=pa.string()).dictionary_encode()
        else:
            arrays[name] = pa.array(values, type=pa.string())
    return pa.table(arrays)
