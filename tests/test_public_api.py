"""The public surface: a small top level, real namespaces, public module names, shims that warn."""

from __future__ import annotations

import importlib
import inspect
import pickle
import subprocess
import sys
import traceback
import typing
import warnings

import pytest

import dod_model

NAMESPACES = (
    "dod_model.analysis",
    "dod_model.codec",
    "dod_model.examples",
    "dod_model.exporters",
    "dod_model.hookspecs",
    "dod_model.importers",
    "dod_model.model",
    "dod_model.plugins",
    "dod_model.registry",
    "dod_model.testing",
    "dod_model.text",
    "dod_model.validation",
)


def _public_objects(namespace: str) -> list[tuple[str, object]]:
    module = importlib.import_module(namespace)
    return [(name, getattr(module, name)) for name in module.__all__]


def test_the_top_level_is_small():
    assert 40 <= len(dod_model.__all__) <= 50
    assert sorted(dod_model.__all__) == sorted(set(dod_model.__all__))


def test_every_top_level_name_is_there_and_reports_dod_model_as_its_module():
    for name in dod_model.__all__:
        obj = getattr(dod_model, name)
        if inspect.isclass(obj) or inspect.isfunction(obj):
            assert obj.__module__ == "dod_model", name


@pytest.mark.parametrize("namespace", NAMESPACES)
def test_public_names_report_a_public_module(namespace):
    for name, obj in _public_objects(namespace):
        if inspect.isclass(obj) or inspect.isfunction(obj):
            module = obj.__module__
            assert not any(part.startswith("_") for part in module.split(".")), (name, module)
            assert getattr(importlib.import_module(module), name) is obj, (name, module)


def test_an_error_names_its_public_path_in_a_traceback():
    with pytest.raises(dod_model.DocumentError) as caught:
        dod_model.read("/nonexistent/plan.docx")
    (line,) = traceback.format_exception_only(caught.type, caught.value)
    assert line.startswith("dod_model.DocumentError: ")


def test_type_hints_of_published_classes_still_resolve():
    hints = typing.get_type_hints(dod_model.Roadmap)
    assert hints["sections"] == tuple[dod_model.Section, ...]
    assert typing.get_type_hints(dod_model.registry.Certificate)["nominal"]


def test_published_classes_pickle_under_their_public_path():
    roadmap = dod_model.examples.load("samara")
    assert pickle.loads(pickle.dumps(roadmap)) == roadmap
    data = pickle.dumps(dod_model.DeadlineKind.PERIOD)
    assert b"dod_model" in data
    assert b"_enums" not in data


MOVED = sorted(dod_model._MOVED.items())


@pytest.mark.parametrize(("name", "namespace"), MOVED, ids=[name for name, _ in MOVED])
def test_a_name_that_left_the_top_level_warns_and_still_works(name, namespace):
    with pytest.warns(DeprecationWarning, match=rf"dod_model\.{name} moved to {namespace}\.{name}"):
        old = getattr(dod_model, name)
    assert old is getattr(importlib.import_module(namespace), name)


def test_from_import_of_a_moved_name_warns_too():
    with pytest.warns(DeprecationWarning, match="dod_model.registry.Certificate"):
        from dod_model import Certificate  # noqa: F401, PLC0415
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        from dod_model import Roadmap  # noqa: F401, PLC0415  # a name that stayed: no warning


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'Roadmaps'"):
        dod_model.Roadmaps  # noqa: B018


def test_test_only_helpers_are_in_no_public_all():
    hidden = {"escape_cell", "match_header", "field_of", "format_cell", "NUMBER_BONUS"}
    for namespace in NAMESPACES:
        assert not hidden & set(importlib.import_module(namespace).__all__), namespace


def test_import_dod_model_loads_the_model_and_nothing_more():
    probe = (
        "import sys, dod_model; "
        "print(' '.join(m for m in sys.modules if m.split('.')[0] in "
        "('dod_model', 'cattrs', 'icalendar', 'openpyxl', 'tqdm', 'charset_normalizer')))"
    )
    loaded = set(
        subprocess.run(
            [sys.executable, "-c", probe], check=True, capture_output=True, text=True
        ).stdout.split()
    )
    assert "dod_model.model" in loaded
    early = {
        "dod_model.importers",
        "dod_model._host",
        "dod_model.analysis",
        "dod_model.codec",
        "dod_model.exporters",
        "dod_model.registry",
        "dod_model.validation",
        "cattrs",
        "icalendar",
        "openpyxl",
        "tqdm",
        "charset_normalizer",
    } & loaded
    assert early == set()


def test_names_loaded_on_first_use_are_the_same_objects_as_their_namespaces():
    assert dod_model.write is dod_model.exporters.write
    assert dod_model.validate is dod_model.validation.validate
    assert dod_model.dumps is dod_model.codec.dumps
    assert dod_model.diff is dod_model.analysis.diff
    assert dod_model.read is dod_model.importers.read
    assert dod_model.Plugins is dod_model.plugins.Plugins
