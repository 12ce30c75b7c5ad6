"""Generated files in the repository are current: schemas/ and the bundled examples."""

from __future__ import annotations

import json
import runpy
import sys

import pytest

import dod_model

from .conftest import ROOT


@pytest.mark.parametrize("name", dod_model.codec.schema_names())
def test_committed_schema_is_what_the_model_generates(name):
    committed = json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
    assert committed == dod_model.json_schema(name), "run scripts/generate_schemas.py"


@pytest.mark.parametrize(
    "script",
    ["generate_budgets.py", "generate_regions.py", "generate_schemas.py", "make_examples.py"],
)
def test_generator_scripts_find_nothing_stale(script, monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", [script, "--check"])
    with pytest.raises(SystemExit) as exit_info:
        runpy.run_path(str(ROOT / "scripts" / script), run_name="__main__")
    assert exit_info.value.code == 0, capsys.readouterr().out


def test_schemas_name_every_document_and_describe_every_field():
    assert dod_model.codec.schema_names() == (
        "roadmap", "programme-registry", "certificate-registry", "registry-summary")  # fmt: skip
    schema = dod_model.json_schema("roadmap")
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["required"][:2] == ["schema_version", "title"]
    undocumented = [
        f"{name}.{prop}"
        for name, definition in schema["$defs"].items()
        for prop, sub in definition.get("properties", {}).items()
        if "description" not in sub
    ]
    assert undocumented == []
    programmes = dod_model.json_schema("programme-registry")
    # An enumeration lists its values with their Russian labels as titles.
    orientation = programmes["$defs"]["Orientation"]["oneOf"]
    labels = {branch["const"]: branch["title"] for branch in orientation}
    assert labels == {member.value: member.label for member in dod_model.registry.Orientation}
    assert labels["social-humanitarian"] == "социально-гуманитарная"


def test_json_schema_refuses_unknown_names_and_non_model_types():
    with pytest.raises(ValueError, match="known: roadmap"):
        dod_model.json_schema("roadmaps")
    with pytest.raises(TypeError):
        dod_model.json_schema(dict)
