"""Analysis of roadmaps: where activities stand on a day, what changed between editions, many.

:func:`dod_model.status` groups a roadmap's activities into due, overdue and upcoming on a
day, by the deadline semantics of :meth:`dod_model.Deadline.status`; :func:`dod_model.diff`
matches the activities of two editions and lists what was added, removed, renumbered,
retitled, re-dated and reassigned; :func:`coverage` says which measures of the target model a
roadmap plans and by which activities, :func:`coverage_matrix` the same for many. All only
read the model. An activity is done only when something says so: its completion mark
(:func:`read_completion`) or a progress file (:func:`read_progress`). :func:`count_parties`
counts the bodies responsible, one body once. :func:`read_collection` reads a folder, a glob or
a list of files in parallel into a :class:`Collection`; :func:`to_frame` and :func:`to_arrow`
make a table of any roadmaps (pandas and pyarrow are optional extras).

.. versionadded:: 0.2.0
"""

from dod_model._base import publish
from dod_model.analysis._collection import (
    ROADMAP_COLUMNS,
    Collection,
    read_collection,
    roadmap_columns,
)
from dod_model.analysis._coverage import (
    Coverage,
    CoverageMatrix,
    MeasureCoverage,
    coverage,
    coverage_matrix,
)
from dod_model.analysis._diff import (
    TITLE_SIMILARITY,
    ActivityChange,
    RoadmapDiff,
    diff,
    title_similarity,
)
from dod_model.analysis._frame import FRAME_COLUMNS, to_arrow, to_frame
from dod_model.analysis._measures import CENTRE_PLAN, MEASURES, TARGET_MODEL, Measure, measures_of
from dod_model.analysis._parties import PartyCount, count_parties
from dod_model.analysis._progress import (
    Completion,
    activity_number,
    read_completion,
    read_day,
    read_progress,
)
from dod_model.analysis._status import ActivityStatus, RoadmapStatus, status
from dod_model.analysis._timeline import (
    STATUS_COLOURS,
    TimelineExporter,
    TimelineRow,
    render_timeline,
    timeline,
    timeline_rows,
)

__all__ = [
    "CENTRE_PLAN",
    "FRAME_COLUMNS",
    "MEASURES",
    "ROADMAP_COLUMNS",
    "STATUS_COLOURS",
    "TARGET_MODEL",
    "TITLE_SIMILARITY",
    "ActivityChange",
    "ActivityStatus",
    "Collection",
    "Completion",
    "Coverage",
    "CoverageMatrix",
    "Measure",
    "MeasureCoverage",
    "PartyCount",
    "RoadmapDiff",
    "RoadmapStatus",
    "TimelineExporter",
    "TimelineRow",
    "activity_number",
    "count_parties",
    "coverage",
    "coverage_matrix",
    "diff",
    "measures_of",
    "read_collection",
    "read_completion",
    "read_day",
    "read_progress",
    "render_timeline",
    "roadmap_columns",
    "status",
    "timeline",
    "timeline_rows",
    "title_similarity",
    "to_arrow",
    "to_frame",
]

publish(__name__, *(globals()[name] for name in __all__))
publish("dod_model", diff, status, replace=True)  # documented at the top level
