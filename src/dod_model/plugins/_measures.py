"""The measures the rule ``core/target-model-coverage`` counts: the fifteen of a centre's plan.

The catalogue and its matching live in :mod:`dod_model.analysis` (:data:`~dod_model.analysis.
MEASURES`, :func:`~dod_model.analysis.coverage`); the rule counts the measures of the federal
template of a РМЦ's first-priority plan, which a МОЦ roadmap mirrors, as it has since 0.1.0.
"""

from __future__ import annotations

from dod_model.analysis import MEASURES as CATALOGUE
from dod_model.analysis import Measure, coverage
from dod_model.model import Roadmap

__all__ = ["MEASURES", "Measure", "planned_measures"]

MEASURES: tuple[Measure, ...] = tuple(m for m in CATALOGUE if m.centre_plan)


def planned_measures(roadmap: Roadmap) -> tuple[Measure, ...]:
    """The measures some activity's title plans, in the order of :data:`MEASURES`."""
    return coverage(roadmap, MEASURES).planned
