"""A typed use of the public API, checked by ``mypy --strict`` (nox -s typecheck).

Nothing here runs in the test suite; it fails type checking if the public API loses its types.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import assert_type

import dod_model
import dod_model.registry
from dod_model import Activity, Deadline, DeadlineKind, Roadmap, examples
from dod_model.registry import (
    Certificate,
    Programme,
    RecordCheck,
    RecordRule,
    RegistryScope,
    record_rule,
)

roadmap = examples.load("ulyanovsk-cherdakly-2019")
assert_type(roadmap, Roadmap)
assert_type(roadmap.activities, tuple[Activity, ...])
assert_type(roadmap.region, str | None)

first = roadmap.activities[0]
assert_type(first.deadline, Deadline)
assert_type(first.deadline.end, dt.date | None)
assert_type(first.deadline.dates, tuple[dt.date, ...])
assert_type(first.deadline.kind, DeadlineKind)
assert_type(first.section, str | None)

text = dod_model.dumps(roadmap)
assert_type(text, str)
assert_type(dod_model.loads(text), Roadmap)
assert_type(dod_model.loads(text, cls=Roadmap), Roadmap)
assert_type(dod_model.loads(dod_model.dumps(first), Activity), Activity)

try:
    dod_model.loads("{}")
except dod_model.SchemaError as error:
    for fault in error.faults:
        assert_type(fault.pointer, str)

state = dod_model.status(roadmap, dt.date(2019, 9, 15), horizon=30)
assert_type(state, dod_model.analysis.RoadmapStatus)
assert_type(state.overdue, tuple[dod_model.analysis.ActivityStatus, ...])
assert_type(state.overdue[0].last_due, dt.date | None)
changes = dod_model.diff(roadmap, roadmap)
assert_type(changes, dod_model.analysis.RoadmapDiff)
assert_type(changes.added, tuple[Activity, ...])
assert_type(changes.retitled, tuple[dod_model.analysis.ActivityChange, ...])
assert_type(changes.empty, bool)


def write_exports(folder: str) -> None:
    """Type-checked, never called: pytest imports this module for its doctests."""
    dod_model.write(roadmap, f"{folder}/plan.csv")
    with open(f"{folder}/plan.ics", "wb") as stream:
        dod_model.write(roadmap, stream, format="ics")


def _registries(roadmap: Roadmap) -> None:
    """Registries: typed, never run (there are no files here)."""
    certificates = dod_model.registry.iter_certificates("certificates.csv", findings=[])
    for certificate in certificates:
        assert_type(certificate, dod_model.registry.Certificate)
        assert_type(certificate.holder_birth_date, dt.date | None)
    assert_type(
        dod_model.registry.validate_registry("a.csv", "b.xlsx", region="RU-SAM"), dod_model.Report
    )
    assert_type(
        dod_model.registry.read_registry("a.jsonl").certificates,
        dod_model.registry.CertificateRegistry,
    )
    summary = dod_model.registry.summarise_registry("a.csv", population={"г. Тамбов": 1000})
    assert_type(summary.by_municipality, tuple[dod_model.registry.Count, ...])
    assert_type(summary.coverage, float | None)
    measured = dod_model.registry.progress(roadmap, programmes=[], on=dt.date(2020, 1, 1))
    assert_type(measured.targets[0].value, int | float | None)
    assert_type(measured.targets[0].met, bool | None)


@record_rule("kirov/no-place", severity="info", record=Certificate, stateless=True)
def _no_place(certificate: Certificate) -> str | None:
    return None if certificate.municipality else "no municipality"


@record_rule("kirov/twice", severity="info", record=Programme)
def _twice(scope: RegistryScope) -> RecordCheck[Programme]:
    seen: set[str] = set()

    def check(programme: Programme) -> str | None:
        if programme.id in seen:
            return "twice"
        seen.add(programme.id)
        return None

    return check


assert_type(_no_place, RecordRule[Certificate])
assert_type(_twice, RecordRule[Programme])
assert_type(_twice.start(RegistryScope(None)), Callable[[Programme], str | None])
