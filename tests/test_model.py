"""The model's invariants: what can never be broken raises at construction; the rest loads."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import dod_model
from dod_model import Activity, CentreKind, Deadline, DeadlineKind, Period, Roadmap, Section, Target
from dod_model.model import Location
from dod_model.registry import AgeRange, CertificateKind, Orientation, ProgrammeLevel


def test_period_cannot_end_before_it_starts():
    with pytest.raises(ValueError, match="cannot start"):
        Period(dt.date(2020, 1, 2), dt.date(2020, 1, 1))


def test_period_contains_its_days_and_lists_its_years():
    period = Period(dt.date(2019, 9, 1), dt.date(2020, 5, 31))
    assert dt.date(2019, 9, 1) in period
    assert dt.date(2020, 5, 31) in period
    assert dt.date(2020, 6, 1) not in period
    assert "2019-10-01" not in period
    assert list(period.years) == [2019, 2020]


def test_deadline_text_may_disagree_with_its_dates_and_still_load():
    # A document can say «Август 2019» over a reversed range: rules report it, the model keeps it.
    messy = Deadline(
        text="Август 2019",
        kind=DeadlineKind.PERIOD,
        start=dt.date(2019, 8, 31),
        end=dt.date(2019, 8, 1),
    )
    assert messy.period is None
    tidy = attrs.evolve(messy, start=dt.date(2019, 8, 1), end=dt.date(2019, 8, 31))
    assert tidy.period == Period(dt.date(2019, 8, 1), dt.date(2019, 8, 31))


def test_empty_deadline_is_the_default():
    assert Activity(number="1", title="x").deadline == Deadline(text="", kind=DeadlineKind.NONE)


@pytest.mark.parametrize("field", ["table", "row", "column", "line"])
def test_locations_count_from_one(field):
    values = {"table": 1, "row": 1, field: 0}
    with pytest.raises(ValueError, match="counts from 1"):
        Location(**values)


def test_target_value_must_be_finite():
    with pytest.raises(ValueError, match="finite"):
        Target(text="x", value=float("nan"))
    with pytest.raises(ValueError, match="finite"):
        Target(text="x", value=True)


def test_age_range_may_be_reversed_but_not_negative():
    assert 7 not in AgeRange(18, 5)  # a registry's swap: loads, and rules say so
    assert 7 in AgeRange(5, 18)
    with pytest.raises(ValueError, match="negative"):
        AgeRange(-1, 18)


def test_activities_of_a_section_say_they_belong_to_it():
    with pytest.raises(ValueError, match="stands in section '1'"):
        Section(number="1", title="s", activities=(Activity(number="1.1", title="a", section="2"),))


def test_unsectioned_activities_belong_to_no_section():
    with pytest.raises(ValueError, match="outside sections"):
        Roadmap(title="t", unsectioned=(Activity(number="1", title="a", section="1"),))


def test_activities_are_in_document_order_with_sections_flattened():
    first = Activity(number="0", title="before the first section")
    s1 = Section(
        number="1",
        title="one",
        activities=(
            Activity(number="1.1", title="a", section="1"),
            Activity(number="1.2", title="b", section="1"),
        ),
    )
    s2 = Section(
        number="II", title="two", activities=(Activity(number="2.1", title="c", section="II"),)
    )
    roadmap = Roadmap(title="t", unsectioned=(first,), sections=(s1, s2))
    assert [a.number for a in roadmap.activities] == ["0", "1.1", "1.2", "2.1"]
    assert list(roadmap.iter_activities()) == list(roadmap.activities)
    assert roadmap.activity("1.2") is s1.activities[1]
    assert roadmap.activity("9") is None
    assert roadmap.section("II") is s2


def test_model_objects_are_frozen_and_hashable():
    activity = Activity(number="1", title="x")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        activity.title = "y"  # type: ignore[misc]
    assert len({activity, attrs.evolve(activity)}) == 1


def test_wide_records_are_keyword_only():
    with pytest.raises(TypeError):
        Activity("1", "x")  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "member"),
    [
        ("Социально-педагогическая", Orientation.SOCIAL_HUMANITARIAN),
        ("социально-гуманитарная", Orientation.SOCIAL_HUMANITARIAN),
        ("естественно-научная", Orientation.NATURAL_SCIENCE),
        ("Естественнонаучная ", Orientation.NATURAL_SCIENCE),
        ("физкультурно–спортивная", Orientation.SPORTS),
        ("technical", Orientation.TECHNICAL),
    ],
)
def test_orientations_accept_legacy_names_and_spellings(text, member):
    assert Orientation.from_label(text) is member


def test_labels_are_russian_and_unknown_labels_give_none():
    assert Orientation.SOCIAL_HUMANITARIAN.label == "социально-гуманитарная"
    assert "социально-педагогическая" in Orientation.SOCIAL_HUMANITARIAN.aliases
    assert ProgrammeLevel.from_label("ознакомительный") is ProgrammeLevel.STARTING
    assert CertificateKind.from_label("сертификат учета") is CertificateKind.ACCOUNTING
    assert CentreKind.from_label("РМЦ") is CentreKind.RMC
    assert Orientation.from_label("космическая") is None


def test_every_enumeration_labels_every_member():
    enums = [
        v
        for v in vars(dod_model.model).values()
        if isinstance(v, type)
        and issubclass(v, dod_model.model.LabelledEnum)
        and v is not dod_model.model.LabelledEnum
    ]
    assert len(enums) == 15
    for enum in enums:
        for member in enum:
            assert member.label, member
            assert enum.from_label(member.label) is member
            assert enum(member.value) is member


def test_public_names_are_all_exported():
    for name in dod_model.__all__:
        assert hasattr(dod_model, name), name
    assert dod_model.__version__ != "0+unknown"


def test_error_hierarchy_matches_the_contract():
    assert issubclass(dod_model.DocumentError, dod_model.DodModelError)
    assert issubclass(dod_model.DocumentError, ValueError)
    assert issubclass(dod_model.SchemaError, dod_model.DodModelError)
    assert issubclass(dod_model.SchemaError, ValueError)
    assert issubclass(dod_model.PluginError, dod_model.DodModelError)
    assert not issubclass(dod_model.PluginError, ValueError)
