"""Text semantics: the typed meaning of a roadmap's Russian cells, text kept beside every value.

Deadlines have their named constructor on the model (:meth:`dod_model.Deadline.parse`), results
too (:meth:`dod_model.Result.parse`); the rest is here. Every function is total on any string.

>>> from dod_model import text
>>> [p.name for p in text.split_parties("Отдел образования. МКУ ИМЦ, образовательные организации")]
['Отдел образования', 'МКУ ИМЦ', 'образовательные организации']
>>> text.normalise_number("2.3..")
'2.3'

.. versionadded:: 0.1.0
"""

from dod_model._base import fold, publish
from dod_model.model import find_legal_acts, find_targets, find_urls
from dod_model.text._documents import (
    find_centres,
    is_approval_block,
    period_from_deadlines,
    plan_kind,
    plan_period,
)
from dod_model.text._glossary import Glossary, core_glossary, find_definitions
from dod_model.text._headers import HeaderMatch, HeaderVocabulary, core_headers
from dod_model.text._numbering import find_steps, normalise_number, section_heading
from dod_model.text._parties import split_parties

__all__ = [
    "Glossary",
    "HeaderMatch",
    "HeaderVocabulary",
    "core_glossary",
    "core_headers",
    "find_centres",
    "find_definitions",
    "find_legal_acts",
    "find_steps",
    "find_targets",
    "find_urls",
    "fold",
    "is_approval_block",
    "normalise_number",
    "period_from_deadlines",
    "plan_kind",
    "plan_period",
    "section_heading",
    "split_parties",
]

publish(__name__, *(globals()[name] for name in __all__))
