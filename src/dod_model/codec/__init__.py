"""JSON of the model: one converter, canonical text, JSON Schemas.

:func:`dumps`, :func:`loads` and :func:`json_schema` are also at the top level of
:mod:`dod_model`.
"""

from dod_model._base import publish
from dod_model.codec._api import (
    DOCUMENTS,
    SCHEMA_VERSION,
    dumps,
    from_data,
    loads,
    parse_json,
    to_data,
)
from dod_model.codec._converter import make_converter
from dod_model.codec._hostile import json_faults
from dod_model.codec._schema import json_schema, schema_names

__all__ = [
    "DOCUMENTS",
    "SCHEMA_VERSION",
    "dumps",
    "from_data",
    "json_faults",
    "json_schema",
    "loads",
    "make_converter",
    "parse_json",
    "schema_names",
    "to_data",
]

publish(__name__, *(globals()[name] for name in __all__))
publish("dod_model", dumps, json_schema, loads, replace=True)  # documented at the top level
