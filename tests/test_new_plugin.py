"""``dod-model new-plugin``: the package it writes installs and passes its own tests at once."""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
import time
import tomllib
import venv
from pathlib import Path

import pytest

import dod_model
from dod_model import examples
from dod_model.cli import main
from dod_model.plugins import get_plugin_manager
from dod_model.testing import check_rule

from .conftest import ROOT

KIROV_FILES = [
    "README.md",
    "pyproject.toml",
    "src/dod_model_kirov/__init__.py",
    "tests/data/sample-roadmap.txt",
    "tests/test_plugin.py",
]


def _new(tmp_path: Path, *args: str) -> tuple[int, Path]:
    folder = tmp_path / "made"
    return main(["new-plugin", *args, "--dir", str(folder)]), folder


def _install(site: Path, package: Path) -> None:
    """Install the package in ``site`` as pip does: its module, a dist-info, its entry point."""
    project = tomllib.loads((package / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    (module,) = (package / "src").iterdir()
    shutil.copytree(module, site / module.name)
    info = site / f"{project['name'].replace('-', '_')}-{project['version']}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n",
        encoding="utf-8",
    )
    points = project["entry-points"]["dod_model"]
    (info / "entry_points.txt").write_text(
        "[dod_model]\n" + "".join(f"{k} = {v}\n" for k, v in points.items()), encoding="utf-8"
    )


def _run_its_tests(package: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Its tests but the conformance check (hypothesis, 4 s: the fresh-venv test runs it)."""
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-k", "not conforms"],
        cwd=package,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_a_kirov_plugin_is_written_and_said(tmp_path, capsys):
    status, folder = _new(tmp_path, "kirov", "--region", "RU-KIR")
    assert status == 0
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()) == (
        KIROV_FILES
    )
    said = capsys.readouterr().out
    assert said.startswith(f"wrote dod-model-kirov in {folder}:\n")
    assert "  src/dod_model_kirov/__init__.py\n" in said
    pyproject = tomllib.loads((folder / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["name"] == "dod-model-kirov"
    assert pyproject["project"]["entry-points"]["dod_model"] == {"kirov": "dod_model_kirov:PLUGIN"}
    assert pyproject["project"]["dependencies"] == [f"dod-model>={dod_model.__version__}"]
    source = (folder / "src" / "dod_model_kirov" / "__init__.py").read_text(encoding="utf-8")
    assert 'subjects()["RU-KIR"]' in source
    assert '@rule("kirov/no-navigator"' in source
    assert "$" not in source  # every placeholder filled
    sample = (folder / "tests" / "data" / "sample-roadmap.txt").read_text(encoding="utf-8")
    assert sample.startswith("Кировская область\n")


def test_the_generated_plugin_passes_its_own_tests(tmp_path, child_env):
    """The done-criterion: installed (its module and dist-info on the path), its tests pass."""
    status, folder = _new(tmp_path, "kirov", "--region", "RU-KIR")
    assert status == 0
    site = tmp_path / "site"
    site.mkdir()
    _install(site, folder)
    env = {**child_env, "PYTHONPATH": os.pathsep.join([str(site), *sys.path])}
    env.pop("PYTEST_ADDOPTS", None)
    ran = _run_its_tests(folder, env)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "4 passed, 1 deselected" in ran.stdout


def test_the_installed_plugin_is_found_through_its_entry_point(tmp_path, monkeypatch):
    status, folder = _new(tmp_path, "kirov", "--region", "RU-KIR")
    assert status == 0
    site = tmp_path / "site"
    site.mkdir()
    _install(site, folder)
    monkeypatch.syspath_prepend(str(site))
    importlib.invalidate_caches()
    monkeypatch.delenv("DOD_MODEL_DISABLE_PLUGINS", raising=False)
    try:
        plugins = get_plugin_manager()
        (kirov,) = [i for i in plugins.info() if i.name == "kirov"]
        assert (kirov.distribution, kirov.version) == ("dod-model-kirov", "0.1.0")
        assert (kirov.regions, kirov.rules) == (("RU-KIR",), ("kirov/no-navigator",))
        roadmap = dod_model.read(folder / "tests" / "data" / "sample-roadmap.txt", plugins=plugins)
        assert "kirov/no-navigator" in dod_model.validate(roadmap, plugins=plugins).codes()
        kirov_module = importlib.import_module("dod_model_kirov")
        check_rule(kirov_module.no_navigator, region=kirov_module.REGION, max_examples=5)
    finally:
        sys.modules.pop("dod_model_kirov", None)


def test_a_region_the_data_does_not_know_is_made_with_its_name(tmp_path, child_env):
    status, folder = _new(tmp_path, "zamorye", "--region", "RU-ZMR", "--name", "Заморская область")
    assert status == 0
    source = (folder / "src" / "dod_model_zamorye" / "__init__.py").read_text(encoding="utf-8")
    assert 'code="RU-ZMR",\n    name="Заморская область",' in source
    site = tmp_path / "site"
    site.mkdir()
    _install(site, folder)
    env = {**child_env, "PYTHONPATH": os.pathsep.join([str(site), *sys.path])}
    ran = _run_its_tests(folder, env)
    assert ran.returncode == 0, ran.stdout + ran.stderr


def test_a_name_given_for_a_known_subject_is_taken(tmp_path):
    status, folder = _new(tmp_path, "vyatka", "--region", "RU-KIR", "--name", "Вятский край")
    assert status == 0
    source = (folder / "src" / "dod_model_vyatka" / "__init__.py").read_text(encoding="utf-8")
    assert 'subjects()["RU-KIR"],\n    name="Вятский край",' in source
    assert (folder / "tests" / "data" / "sample-roadmap.txt").read_text().startswith("Вятский")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["Kirov", "--region", "RU-KIR"], "not a plugin name: 'Kirov'"),
        (["kirov plugin", "--region", "RU-KIR"], "not a plugin name"),
        (["kirov/x", "--region", "RU-KIR"], "not a plugin name"),
        (["samara", "--region", "RU-KIR"], "'samara' is the name of a built-in plugin"),
        (["kirov", "--region", "kirov"], "not a region code: 'kirov'"),
        (["kirov", "--region", "RU-SAM"], "region RU-SAM has a built-in plugin (samara)"),
        (["kirov", "--region", "RU-ZMR"], "unknown region 'RU-ZMR'"),
        (["kirov", "--region", "RU-ZMR", "--name", 'Он "там"'], "not a region name"),
        (["kirov", "--region", "RU-ZMR", "--name", "  "], "not a region name"),
    ],
)
def test_what_cannot_make_a_plugin_is_refused_before_writing(tmp_path, capsys, args, said):
    status, folder = _new(tmp_path, *args)
    assert status == 2
    assert said in capsys.readouterr().err
    assert not folder.exists()


def test_an_unknown_code_lists_the_known_and_says_how_to_make_one(tmp_path, capsys):
    assert _new(tmp_path, "kirov", "--region", "RU-ZMR")[0] == 2
    error = capsys.readouterr().err
    assert "RU-AD, RU-AL" in error
    assert "RU-KIR" in error
    assert "--name" in error


def test_a_folder_that_is_not_empty_is_never_written_to(tmp_path, capsys):
    folder = tmp_path / "made"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    assert _new(tmp_path, "kirov", "--region", "RU-KIR")[0] == 2
    assert "the folder exists and is not empty" in capsys.readouterr().err
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]


def test_an_empty_folder_is_written_to_and_the_default_is_named_after_the_plugin(
    tmp_path, monkeypatch
):
    (tmp_path / "made").mkdir()
    assert _new(tmp_path, "kirov", "--region", "RU-KIR")[0] == 0
    monkeypatch.chdir(tmp_path)
    assert main(["new-plugin", "kirov", "--region", "RU-KIR"]) == 0
    assert (tmp_path / "dod-model-kirov" / "src" / "dod_model_kirov" / "__init__.py").is_file()


def test_the_generated_code_is_clean_by_ruff(tmp_path):
    ruff = shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed")
    status, folder = _new(tmp_path, "yugra", "--region", "RU-KHM")
    assert status == 0
    for command in (["check", "--select", "E,F,W,I,UP,B", "."], ["format", "--check", "."]):
        ran = subprocess.run(
            [ruff, *command], cwd=folder, capture_output=True, text=True, check=False
        )
        assert ran.returncode == 0, ran.stdout + ran.stderr


def test_the_template_is_in_the_wheel():
    # The wheel holds every file of the package folder; the template must not be left out by a
    # pattern of the build configuration.
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert config["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"] == ["src/dod_model"]
    templates = ROOT / "src" / "dod_model" / "templates" / "plugin"
    assert sorted(p.name for p in templates.rglob("*.tmpl")) == [
        "README.md.tmpl",
        "__init__.py.tmpl",
        "pyproject.toml.tmpl",
        "sample-roadmap.txt.tmpl",
        "test_plugin.py.tmpl",
    ]


@pytest.mark.parametrize(
    "region", sorted(get_plugin_manager(entry_points=False).registered_regions())
)
def test_each_built_in_region_has_its_sample_among_the_examples(region):
    name = examples.sample(region)
    assert name in examples.documents()
    assert examples.load(name).region == region


def test_a_region_without_a_sample_is_a_key_error_naming_those_with_one():
    with pytest.raises(KeyError, match="no bundled sample of region 'RU-KIR'; there are: RU-AMU"):
        examples.sample("RU-KIR")


def test_the_generated_plugin_passes_its_tests_in_a_fresh_venv(tmp_path):
    """A real venv (the environment's packages seen), the package pip-installed, its tests run."""
    # 15 s on two busy cores: run in CI, and where DOD_MODEL_TEST_VENV=1 asks for it.
    if not (os.environ.get("CI") or os.environ.get("DOD_MODEL_TEST_VENV")):
        pytest.skip("set DOD_MODEL_TEST_VENV=1 to install the generated package in a fresh venv")
    started = time.monotonic()
    status, folder = _new(tmp_path, "kirov", "--region", "RU-KIR")
    assert status == 0
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=True).create(env_dir)
    python = env_dir / ("Scripts" if os.name == "nt" else "bin") / "python"
    env = {**os.environ, "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    # This checkout's library, as the suite tests it (and a build backend put on the path).
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    backend = subprocess.run([python, "-c", "import hatchling"], env=env, check=False)
    if backend.returncode != 0:
        pytest.skip("the generated package builds with hatchling, which is not installed")
    install = [python, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation"]
    subprocess.run([*install, str(folder)], env=env, check=True, timeout=120)
    ran = subprocess.run(
        [python, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "5 passed" in ran.stdout
    print(f"fresh venv, install and tests: {time.monotonic() - started:.1f} s")
