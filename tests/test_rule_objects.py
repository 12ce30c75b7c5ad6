"""Rules on what plugin authors think in: objects of a roadmap, namespaced codes, rules turned off.

The plugin is installed as an author installs it: a module and its dist-info on ``sys.path``,
found through the ``dod_model`` entry-point group.
"""

from __future__ import annotations

import importlib
import json
import sys
import textwrap

import pytest

import dod_model
from dod_model import PluginError, examples
from dod_model.cli import main
from dod_model.plugins import get_plugin_manager
from dod_model.validation import rule

KIROV = '''
from dod_model import Activity, Region, RegionPlugin, rule

REGION = Region(code="RU-KIR", name="Кировская область", aliases=("Кировской области",))


@rule("kirov/spring-deadline", severity="info", applies_to=Activity)
def spring_deadline(activity, context):
    """Work due in April falls in the spring recess of the region's schools."""
    if "Апрель" in activity.deadline.text:
        yield activity.deadline, f"activity {activity.number} is due in the spring recess"


PLUGIN = RegionPlugin(REGION, rules=(spring_deadline,))
'''

PLAIN = """
from dod_model import hookimpl


class NoResponsible:
    code = "no-responsible"
    region = None
    severity = "warning"

    def check(self, obj, context):
        return ()


@hookimpl
def dod_register_rules(register):
    register(NoResponsible())
"""


def _install(site, module: str, source: str) -> None:
    (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    dist_info = site / f"{module}-1.0.dist-info"
    dist_info.mkdir()
    name = module.replace("_", "-")
    (dist_info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", encoding="utf-8"
    )
    plugin = module.removeprefix("dod_model_")
    (dist_info / "entry_points.txt").write_text(
        f"[dod_model]\n{plugin} = {module}:PLUGIN\n"
        if "PLUGIN" in source
        else f"[dod_model]\n{plugin} = {module}\n",
        encoding="utf-8",
    )


@pytest.fixture
def installed(tmp_path, monkeypatch):
    """Install plugin distributions: ``installed(module, source)``."""
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delenv("DOD_MODEL_EXCLUDE_RULES", raising=False)
    modules = []

    def install(module: str, source: str) -> None:
        _install(site, module, source)
        modules.append(module)
        importlib.invalidate_caches()

    yield install
    for module in modules:
        sys.modules.pop(module, None)


@pytest.fixture(scope="module")
def ulyanovsk():
    return examples.load("ulyanovsk", plugins=get_plugin_manager(entry_points=False))


# --- applies_to=Activity, in an installed plugin ---------------------------------------------


def test_an_installed_rule_of_activities_reports_each_activity_at_its_place(installed, ulyanovsk):
    # Activities 1–5 of the Ulyanovsk plan share one Deadline instance, «Апрель 2019 года».
    installed("dod_model_kirov", KIROV)
    report = dod_model.validate(ulyanovsk, plugins=get_plugin_manager(), region="RU-KIR")
    found = [f for f in report if f.code == "kirov/spring-deadline"]
    assert [f.path for f in found] == [f"/unsectioned/{i}/deadline" for i in range(5)]
    assert [f.message for f in found] == [
        f"activity {n} is due in the spring recess" for n in "12345"
    ]


# --- codes are namespaced ------------------------------------------------------------------


def test_a_rule_made_with_a_code_without_namespace_is_a_plugin_error():
    with pytest.raises(PluginError, match=r"'no-responsible' has no namespace.*«region/rule-name»"):

        @rule("no-responsible", severity="warning", applies_to=dod_model.Activity)
        def no_responsible(activity, context):
            yield from ()


def test_an_installed_rule_object_without_namespace_is_refused_naming_its_plugin(installed):
    installed("dod_model_plain", PLAIN)
    plugins = get_plugin_manager()
    with pytest.raises(PluginError, match=r"plugin 'plain'.*'no-responsible'.*«region/rule-name»"):
        plugins.all_rules()


# --- turning rules off ---------------------------------------------------------------------


@pytest.fixture
def tambov():
    return examples.load("tambov", plugins=get_plugin_manager(entry_points=False))


def _codes(report):
    return set(report.codes())


def test_a_code_and_a_namespace_are_turned_off(tambov, monkeypatch):
    monkeypatch.delenv("DOD_MODEL_EXCLUDE_RULES", raising=False)
    plugins = get_plugin_manager(entry_points=False)
    whole = _codes(dod_model.validate(tambov, plugins=plugins))
    assert "tambov/year-not-covered" in whole
    off = dod_model.validate(tambov, plugins=plugins, exclude={"tambov/year-not-covered"})
    assert _codes(off) == whole - {"tambov/year-not-covered"}
    spaced = dod_model.validate(tambov, plugins=plugins, exclude=["core/*"])
    assert _codes(spaced) == {c for c in whole if not c.startswith("core/")}


def test_an_unknown_code_to_exclude_is_an_error_naming_the_nearest(tambov, monkeypatch):
    monkeypatch.delenv("DOD_MODEL_EXCLUDE_RULES", raising=False)
    plugins = get_plugin_manager(entry_points=False)
    with pytest.raises(ValueError, match="did you mean tambov/year-not-covered"):
        dod_model.validate(tambov, plugins=plugins, exclude={"tambov/year-not-coverd"})
    with pytest.raises(ValueError, match="namespace 'tambv'; did you mean tambov"):
        dod_model.validate(tambov, plugins=plugins, exclude={"tambv/*"})


def test_the_environment_turns_rules_off_and_warns_of_unknown_codes(tambov, monkeypatch):
    plugins = get_plugin_manager(entry_points=False)
    monkeypatch.setenv("DOD_MODEL_EXCLUDE_RULES", " tambov/year-not-covered , kirov/late")
    with pytest.warns(UserWarning, match="DOD_MODEL_EXCLUDE_RULES: 'kirov/late' turns nothing"):
        report = dod_model.validate(tambov, plugins=plugins)
    assert "tambov/year-not-covered" not in report.codes()


def test_exclude_on_the_command_line(capsys, monkeypatch):
    monkeypatch.delenv("DOD_MODEL_EXCLUDE_RULES", raising=False)
    assert main(["validate", "--example", "tambov", "--json"]) == 0
    whole = {f["code"] for f in json.loads(capsys.readouterr().out)[0]["report"]["findings"]}
    assert "tambov/year-not-covered" in whole
    argv = ["validate", "--example", "tambov", "--json", "--exclude", "tambov/year-not-covered"]
    assert main([*argv, "--exclude", "core/target-model-coverage"]) == 0
    left = {f["code"] for f in json.loads(capsys.readouterr().out)[0]["report"]["findings"]}
    assert left == whole - {"tambov/year-not-covered", "core/target-model-coverage"}
    assert main(["validate", "--example", "tambov", "--exclude", "tambov/year"]) == 2
    assert "did you mean tambov/year-not-covered" in capsys.readouterr().err
