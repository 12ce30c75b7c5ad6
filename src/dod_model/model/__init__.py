"""The domain model: frozen attrs value objects for roadmaps and registries, and their grammar.

The grammar behind :meth:`Deadline.parse`, :meth:`Deadline.due_dates` and :meth:`Result.parse`
is model behaviour and lives here, so the model needs nothing above it. The value types of a
roadmap are also at the top level of :mod:`dod_model`, those of registries in
:mod:`dod_model.registry`.
"""

from dod_model._base import publish
from dod_model.model._acts import find_legal_acts, find_urls
from dod_model.model._deadline_grammar import recurrence_of
from dod_model.model._enums import (
    CentreKind,
    CertificateKind,
    ColumnRole,
    Comparator,
    DeadlineKind,
    DeadlineStatus,
    LegalActKind,
    NominalUnit,
    Orientation,
    PlanKind,
    ProgrammeForm,
    ProgrammeKind,
    ProgrammeLevel,
    Recurrence,
    StudyMode,
)
from dod_model.model._labels import LabelledEnum
from dod_model.model._organisations import Centre, Organisation
from dod_model.model._period import Period
from dod_model.model._references import LegalActRef, Party, Target
from dod_model.model._region import (
    Region,
    RegionMatch,
    detect_region,
    explain_region,
    subjects,
)
from dod_model.model._registry import (
    AgeRange,
    Certificate,
    CertificateRegistry,
    Enrolment,
    Programme,
    ProgrammeRegistry,
    age_on,
)
from dod_model.model._result import Result
from dod_model.model._roadmap import (
    Abbreviation,
    Activity,
    ColumnText,
    Location,
    Roadmap,
    Section,
    Source,
    Step,
)
from dod_model.model._schedule import opening_day, status_from
from dod_model.model._summaries import Count, RegistrySummary
from dod_model.model._targets import find_targets
from dod_model.model._time import Deadline

__all__ = [
    "Abbreviation",
    "Activity",
    "AgeRange",
    "Centre",
    "CentreKind",
    "Certificate",
    "CertificateKind",
    "CertificateRegistry",
    "ColumnRole",
    "ColumnText",
    "Comparator",
    "Count",
    "Deadline",
    "DeadlineKind",
    "DeadlineStatus",
    "Enrolment",
    "LabelledEnum",
    "LegalActKind",
    "LegalActRef",
    "Location",
    "NominalUnit",
    "Organisation",
    "Orientation",
    "Party",
    "Period",
    "PlanKind",
    "Programme",
    "ProgrammeForm",
    "ProgrammeKind",
    "ProgrammeLevel",
    "ProgrammeRegistry",
    "Recurrence",
    "Region",
    "RegionMatch",
    "RegistrySummary",
    "Result",
    "Roadmap",
    "Section",
    "Source",
    "Step",
    "StudyMode",
    "Target",
    "age_on",
    "detect_region",
    "explain_region",
    "find_legal_acts",
    "find_targets",
    "find_urls",
    "opening_day",
    "recurrence_of",
    "status_from",
    "subjects",
]

publish(__name__, *(globals()[name] for name in __all__))
