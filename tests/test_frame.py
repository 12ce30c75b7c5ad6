"""The data frame of roadmaps: one row per activity, the columns and their types."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from dod_model import DocumentError, examples
from dod_model.analysis import FRAME_COLUMNS, ROADMAP_COLUMNS, read_collection, to_arrow, to_frame

from .conftest import SEEDS

pd = pytest.importorskip("pandas")

CATEGORIES = ["file", "region", "municipality", "roadmap_title", "roadmap_kind", "section",
              "section_title", "deadline_kind", "recurrence"]  # fmt: skip
DATES = ["period_start", "period_end", "start", "end"]


@pytest.fixture(scope="module")
def seeds():
    return read_collection(str(SEEDS / "*.docx"), jobs=1)


@pytest.fixture(scope="module")
def frame(seeds):
    return to_frame(seeds)


def test_one_row_per_activity_the_roadmap_columns_first(seeds, frame):
    assert list(frame.columns) == list(FRAME_COLUMNS)
    assert list(frame.columns[:7]) == list(ROADMAP_COLUMNS)
    assert len(frame) == sum(len(r.activities) for r in seeds) == 89
    counts = frame.groupby("region", observed=True).size().to_dict()
    assert counts == {"RU-AMU": 14, "RU-SAM": 15, "RU-SVE": 15, "RU-TAM": 29, "RU-ULY": 16}


def test_the_types_of_the_columns(frame):
    for name in CATEGORIES:
        assert isinstance(frame[name].dtype, pd.CategoricalDtype), name
    for name in DATES:
        assert str(frame[name].dtype) == "datetime64[ns]", name
    for name in ("results", "responsible", "dates"):
        assert frame[name].map(type).eq(list).all(), name
    for name in ("number", "title", "deadline", "results_text", "responsible_text"):
        assert pd.api.types.is_string_dtype(frame[name]), name


def test_the_values_of_an_activity(frame):
    samara = frame[frame.region == "RU-SAM"].iloc[1]
    assert samara.number == "2"
    assert samara.deadline == "До 5 августа 2019"
    assert samara.end == pd.Timestamp("2019-08-05")
    assert pd.isna(samara.start)
    assert samara.period_start == pd.Timestamp("2019-06-01")
    tambov = frame[(frame.region == "RU-TAM") & frame.dates.map(len).gt(1)]
    assert len(tambov) > 0
    assert all(isinstance(day, dt.date) for day in tambov.dates.iloc[0])
    parties = frame[frame.responsible.map(len).gt(1)].iloc[0]
    assert parties.responsible_text == "; ".join(parties.responsible)


def test_filtering_as_an_analyst_does(frame):
    overdue_2019 = frame[frame.end < "2020-01-01"]
    assert set(overdue_2019.region) <= {"RU-SAM", "RU-ULY", "RU-SVE", "RU-AMU"}
    assert frame.end.dt.year.max() == 2024
    assert frame.municipality.cat.categories.size >= 1


def test_roadmaps_at_hand_and_one_roadmap():
    one = to_frame(examples.load("samara"))
    assert len(one) == 15
    assert set(one.file) == {"samara-oc-roadmap-2019.docx"}
    empty = to_frame([])
    assert list(empty.columns) == list(FRAME_COLUMNS)
    assert len(empty) == 0


def test_arrow_table(seeds):
    pa = pytest.importorskip("pyarrow")
    table = to_arrow(seeds)
    assert table.column_names == list(FRAME_COLUMNS)
    assert table.num_rows == 89
    assert pa.types.is_dictionary(table.schema.field("region").type)
    assert table.schema.field("end").type == pa.date32()
    assert table.schema.field("responsible").type == pa.list_(pa.string())
    assert table.schema.field("dates").type == pa.list_(pa.date32())


def test_without_pandas_the_error_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(DocumentError, match=r"pip install 'dod-model\[pandas\]'"):
        to_frame(examples.load("samara"))
    with pytest.raises(DocumentError, match=r"pip install 'dod-model\[arrow\]'"):
        to_arrow(examples.load("samara"))
