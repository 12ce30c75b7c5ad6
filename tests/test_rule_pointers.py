"""Findings point at the very object a rule reported, though the layout shares equal values.

The layout gives every activity due «Апрель 2019 года» one :class:`Deadline` instance (the
Ulyanovsk plan's activities 1–5), one tuple of parties per distinct responsible cell, one
:class:`Result` per distinct text. Pointers are found by identity, placed by the object a rule
is handed, or by the holder a rule names.
"""

from __future__ import annotations

import subprocess
import sys

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import dod_model
from dod_model import Activity, Deadline, Party, Result, Roadmap, Section, examples, text
from dod_model.codec import to_data
from dod_model.plugins import get_plugin_manager
from dod_model.testing import check_rule, resolve_pointer
from dod_model.testing import strategies as dst
from dod_model.testing._conformance import _shared
from dod_model.validation import rule

APRIL = "Апрель 2019 года"


@pytest.fixture(scope="module")
def ulyanovsk() -> Roadmap:
    return examples.load("ulyanovsk", plugins=get_plugin_manager(entry_points=False))


def _session(*rules):
    plugins = get_plugin_manager(entry_points=False)

    class Kirov:
        @dod_model.hookimpl
        def dod_register_rules(self, register):
            for each in rules:
                register(each)

    plugins.register(Kirov(), "kirov")
    return plugins


def _found(roadmap, *rules):
    report = dod_model.validate(roadmap, plugins=_session(*rules))
    mine = {r.code for r in rules}
    return [f for f in report if f.code in mine]


def test_the_ulyanovsk_plan_shares_one_deadline_between_activities_1_to_5(ulyanovsk):
    april = [a for a in ulyanovsk.activities if a.deadline.text == APRIL]
    assert [a.number for a in april] == ["1", "2", "3", "4", "5"]
    assert len({id(a.deadline) for a in april}) == 1  # the measured speed-up of the layout


def test_a_rule_of_activities_points_at_each_activitys_own_deadline(ulyanovsk):
    @rule("kirov/april", severity="info", applies_to=Activity)
    def april(activity, context):
        """Activities due in April."""
        if activity.deadline.text == APRIL:
            yield activity.deadline, f"activity {activity.number} is due in April"

    found = _found(ulyanovsk, april)
    assert [f.path for f in found] == [f"/unsectioned/{i}/deadline" for i in range(5)]
    assert [f.message for f in found] == [f"activity {n} is due in April" for n in "12345"]


def test_a_rule_of_roadmaps_names_the_holder_and_gets_each_place(ulyanovsk):
    @rule("kirov/april", severity="info", applies_to=Roadmap)
    def april(roadmap, context):
        """Activities due in April."""
        for activity in roadmap.activities:
            if activity.deadline.text == APRIL:
                yield (activity, "deadline"), f"activity {activity.number}"
                assert context.pointer(activity, "deadline").endswith("/deadline")

    found = _found(ulyanovsk, april)
    assert [f.path for f in found] == [f"/unsectioned/{i}/deadline" for i in range(5)]
    check_rule(april, max_examples=5)


def test_a_shared_instance_a_rule_of_roadmaps_yields_is_uncertain_and_check_rule_fails(
    ulyanovsk,
):
    @rule("kirov/april", severity="info", applies_to=Roadmap)
    def april(roadmap, context):
        """Activities due in April: the deadline alone says not whose."""
        for activity in roadmap.activities:
            if activity.deadline.text == APRIL:
                yield activity.deadline, f"activity {activity.number} is due in April"

    found = _found(ulyanovsk, april)
    assert len(found) == 5
    assert all("the same Deadline stands in 5 places" in f.message for f in found)
    with pytest.raises(AssertionError, match=r"kirov/april .*5 places.*\(activity, 'deadline'\)"):
        check_rule(april, max_examples=5)


def test_check_rule_fails_a_pointer_built_from_a_shared_instance():
    @rule("kirov/april", severity="info", applies_to=Roadmap)
    def april(roadmap, context):
        """The old way round: a pointer built by hand, from the deadline."""
        for activity in roadmap.activities:
            if activity.deadline.text == APRIL:
                yield context.pointer(activity.deadline), "due in April"

    with pytest.raises(AssertionError, match="cannot be told"):
        check_rule(april, max_examples=5)


def test_a_field_pointer_is_checked_against_the_model(ulyanovsk):
    context = dod_model.RuleContext(ulyanovsk, None, text.core_glossary())
    first = ulyanovsk.activities[0]
    assert context.pointer(first, "deadline") == "/unsectioned/0/deadline"
    assert context.pointer(first, "responsible/0") == "/unsectioned/0/responsible/0"
    with pytest.raises(KeyError, match=r"Activity has no field 'deadlin'.*deadline"):
        context.pointer(first, "deadlin")
    with pytest.raises(KeyError, match=r"'responsible/99': tuple has indices 0–0"):
        context.pointer(first, "responsible/99")


def test_a_strict_context_refuses_a_shared_instance_it_cannot_place(ulyanovsk):
    context = dod_model.RuleContext(ulyanovsk, None, text.core_glossary(), strict=True)
    shared = ulyanovsk.activities[0].deadline
    with pytest.raises(LookupError, match="5 places"):
        context.pointer(shared)
    inside = context.at("/unsectioned/3")
    assert inside.pointer(shared) == "/unsectioned/3/deadline"


@pytest.mark.parametrize(
    ("kind", "pick"),
    [
        (Section, lambda r: r.sections),
        (Activity, lambda r: r.activities),
        (Result, lambda r: [x for a in r.activities for x in a.results]),
        (Party, lambda r: [x for a in r.activities for x in a.responsible]),
    ],
    ids=lambda v: getattr(v, "__name__", ""),
)
def test_a_rule_is_called_once_for_each_object_of_its_type_with_its_place(kind, pick):
    roadmap = examples.load("tambov", plugins=get_plugin_manager(entry_points=False))
    seen = []

    @rule("kirov/each", severity="info", applies_to=kind)
    def each(obj, context):
        """Every one."""
        seen.append((obj, context.here))
        yield obj, "seen"

    found = _found(roadmap, each)
    expected = pick(roadmap)
    assert expected, f"the Tambov plan holds no {kind.__name__}"
    assert [obj for obj, _ in seen] == list(expected)
    data = to_data(roadmap)
    for obj, here in seen:
        assert resolve_pointer(data, here) == to_data(obj)
    assert sorted(f.path for f in found) == sorted(here for _, here in seen)
    assert len({f.path for f in found}) == len(found)  # shared instances: one finding a place


@rule("kirov/all", severity="info", applies_to=Activity)
def _everything(activity, context):
    """Every deadline, result and party of every activity, as the object itself."""
    for obj in (activity.deadline, *activity.results, *activity.responsible):
        if len(context.places(obj)) == 1:  # an activity may hold one party twice
            yield obj, context.here


@settings(max_examples=25, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(dst.roadmaps().map(_shared))
def test_every_finding_points_in_dumps_at_the_object_yielded_in_its_own_place(roadmap):
    context = dod_model.RuleContext(roadmap, None, text.core_glossary())
    found = list(_everything.check(roadmap, context))
    data = to_data(roadmap)
    paths = [f.path for f in found]
    assert len(set(paths)) == len(paths)  # equal values in several places: several pointers
    for finding in found:
        here = finding.message  # the place of the activity handed
        assert finding.path.startswith(f"{here}/")
        activity = resolve_pointer(data, here)
        field = finding.path.removeprefix(f"{here}/").split("/")[0]
        assert field in ("deadline", "results", "responsible")
        assert resolve_pointer(data, finding.path) in (
            activity["deadline"],
            *activity["results"],
            *activity["responsible"],
        )


def test_shared_generated_roadmaps_do_share_instances():
    @settings(max_examples=10, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
    @given(dst.roadmaps().map(_shared))
    def probe(roadmap):
        activities = roadmap.activities
        if len(activities) > 1:
            assert activities[0].deadline is activities[-1].deadline
            context = dod_model.RuleContext(roadmap, None, text.core_glossary())
            assert len(context.places(activities[0].deadline)) >= 2

    probe()


def test_shared_documents_share_instances():
    roadmap = Roadmap(
        title="t",
        unsectioned=(
            Activity(number="1", title="a", deadline=Deadline.parse(APRIL)),
            Activity(number="2", title="b", deadline=Deadline.parse(APRIL)),
        ),
    )
    shared = _shared(roadmap)
    assert shared == roadmap
    assert shared.activities[0].deadline is shared.activities[1].deadline
    assert attrs.evolve(shared) == roadmap


def test_check_rule_without_hypothesis_says_to_install_the_testing_extra():
    script = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "from dod_model.testing import check_rule\n"
        "from dod_model.plugins.tambov import year_not_covered\n"
        "try:\n"
        "    check_rule(year_not_covered)\n"
        "except ModuleNotFoundError as exc:\n"
        "    print(exc.name, exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert "hypothesis" in done.stdout
    assert "pip install 'dod-model[testing]'" in done.stdout
    assert "No module named" not in done.stdout
