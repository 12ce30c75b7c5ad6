"""The domain model: frozen attrs value objects for roadmaps and registries.

Every public name is re-exported from :mod:`dod_model`; import from there.
"""

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
from dod_model.model._references import LegalActRef, Party, Result, Target
from dod_model.model._registry import (
    AgeRange,
    Certificate,
    CertificateRegistry,
    Enrolment,
    Programme,
    ProgrammeRegistry,
)
from dod_model.model._roadmap import (
    Abbreviation,
    Activity,
    Location,
    Roadmap,
    Section,
    Source,
    Step,
)
from dod_model.model._summaries import Count, RegistrySummary
from dod_model.model._time import Deadline, Period

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
    "RegistrySummary",
    "Result",
    "Roadmap",
    "Section",
    "Source",
    "Step",
    "StudyMode",
    "Target",
]
