"""The dod-model command line, through its entry point and as ``python -m dod_model``."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import dod_model
from dod_model import examples
from dod_model.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version_and_help(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"dod-model {dod_model.__version__}"
    code, out, _ = run(capsys)
    assert code == 0
    for command in ("summary", "examples", "schema", "validate", "plugins"):
        assert command in out


def test_python_dash_m_runs_the_same_command():
    done = subprocess.run(
        [sys.executable, "-m", "dod_model", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == f"dod-model {dod_model.__version__}"


def test_summary_of_a_bundled_example(capsys):
    code, out, _ = run(capsys, "summary", "--example", "ulyanovsk-cherdakly-2019")
    assert code == 0
    assert out.startswith("План мероприятий «дорожная карта» по созданию")
    assert "Region:       RU-ULY" in out
    assert "Activities:   16 in 0 sections" in out
    assert "Due:          2019-04-30 … 2019-12-31" in out
    assert "  16     Декабрь 2019 года" in out


def test_summary_as_json_of_a_file(capsys, tmp_path):
    path = tmp_path / "roadmap.json"
    path.write_text(dod_model.examples.text("ulyanovsk-cherdakly-2019"), encoding="utf-8")
    code, out, _ = run(capsys, "summary", str(path), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["activities"] == 16
    assert data["deadline_kinds"] == {"period": 12, "periodic": 1, "within-year": 3}
    assert data["responsible"] == {"МОЦ": 15, "Управление образования МО": 10}


def test_summary_of_a_broken_file_names_the_file_and_the_place(capsys, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"schema_version": "1.0", "title": 7}', encoding="utf-8")
    code, _, err = run(capsys, "summary", str(path))
    assert code == 2
    assert err.startswith(f"dod-model: error: {path}: JSON for Roadmap does not match the schema")
    assert "/title: not a string: 7" in err


def test_summary_of_a_missing_file_or_example(capsys, tmp_path):
    code, _, err = run(capsys, "summary", str(tmp_path / "absent.json"))
    assert code == 2
    assert "cannot read the file" in err
    code, _, err = run(capsys, "summary", "--example", "nowhere")
    assert code == 2
    assert "no bundled example 'nowhere'" in err


def test_examples_lists_name_and_title(capsys):
    code, out, _ = run(capsys, "examples")
    assert code == 0
    assert out.splitlines()[0] == f"amur\t{examples.load('amur').title}"
    assert out.splitlines()[1] == f"amur-text\t{examples.load('amur-text').title}"
    assert "ulyanovsk-cherdakly-2019\tПлан мероприятий" in out


@pytest.mark.parametrize("name", dod_model.schema_names())
def test_schema_prints_the_committed_schema(capsys, name):
    code, out, _ = run(capsys, "schema", name)
    assert code == 0
    assert json.loads(out) == dod_model.json_schema(name)


def test_validate_an_example_prints_a_table(capsys):
    code, out, _ = run(capsys, "validate", "--example", "ulyanovsk-cherdakly-2019")
    assert code == 0
    assert out.startswith("example ulyanovsk-cherdakly-2019: ok: 0 errors, 0 warnings, 1 notes "
                          "(region RU-ULY)")  # fmt: skip
    assert "core/target-model-coverage" in out


def test_validate_exits_1_on_errors_and_prints_json(capsys, tmp_path):
    roadmap = dod_model.Roadmap(title="t", unsectioned=(dod_model.Activity(number="1", title=""),))
    path = tmp_path / "bad.json"
    path.write_text(dod_model.dumps(roadmap), encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(path), "--json")
    assert code == 1
    (entry,) = json.loads(out)
    assert entry["file"] == str(path)
    codes = [f["code"] for f in entry["report"]["findings"]]
    assert "core/empty-title" in codes
    code, out, _ = run(capsys, "validate", str(path), "--region", "RU-SAM")
    assert code == 1
    assert "samara/no-responsible" in out


def test_validate_reads_registries_too(capsys, tmp_path):
    registry = dod_model.CertificateRegistry(certificates=(dod_model.Certificate(number="12"),))
    path = tmp_path / "certificates.json"
    path.write_text(dod_model.dumps(registry), encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 1
    assert "core/certificate-number" in out


def test_validate_without_input_or_with_a_broken_file(capsys, tmp_path):
    code, _, err = run(capsys, "validate")
    assert code == 2
    assert "name a FILE to validate" in err
    path = tmp_path / "x.json"
    path.write_text("{", encoding="utf-8")
    code, _, err = run(capsys, "validate", str(path))
    assert code == 2
    assert f"{path}: JSON for Roadmap does not match the schema" in err


def test_plugins_lists_every_builtin_plugin(capsys):
    code, out, _ = run(capsys, "plugins")
    assert code == 0
    assert out.splitlines()[0].split() == ["plugin", "version", "regions", "rules"]
    assert "tambov/year-not-covered" in out
    code, out, _ = run(capsys, "plugins", "--json")
    names = {p["name"]: p for p in json.loads(out)}
    assert names["samara"]["regions"] == ["RU-SAM"]
    assert names["samara"]["version"] == dod_model.__version__
    assert "dod_register_abbreviations" in names["samara"]["hooks"]


def test_read_prints_canonical_json_of_a_document(capsys, tmp_path):
    code, out, _ = run(capsys, "read", "--example", "tambov")
    assert code == 0
    assert dod_model.loads(out) == examples.load("tambov")
    path = tmp_path / "plan.txt"
    path.write_bytes(examples.path("ulyanovsk-text").read_bytes())
    code, out, _ = run(capsys, "read", str(path), "--region", "RU-XYZ")
    assert code == 0
    assert dod_model.loads(out).region == "RU-XYZ"
    code, _, err = run(capsys, "read")
    assert code == 2
    assert "name a FILE to read" in err
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    code, _, err = run(capsys, "read", str(tmp_path / "empty.txt"))
    assert code == 2
    assert "empty.txt: no table" in err


def test_validate_a_bundled_document(capsys):
    code, out, _ = run(capsys, "validate", "--example", "tambov")
    assert code == 0
    assert out.startswith("example tambov: ok: 0 errors, 4 warnings, 1 notes (region RU-TAM)")
