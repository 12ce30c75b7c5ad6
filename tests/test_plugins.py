"""The plugin host: built-ins through the hooks, entry points one by one, conflicts, order."""

from __future__ import annotations

import importlib
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import types

import attrs
import pytest

import dod_model
from dod_model import (
    PluginConflictWarning,
    PluginError,
    PluginLoadWarning,
    Region,
    examples,
    hookimpl,
    hookspecs,
    rule,
)
from dod_model.plugins import RegionalRule, RegionPlugin, get_plugin_manager
from dod_model.registry import Certificate, RecordRule, record_rule
from dod_model.testing import check_rule

from .conftest import ROOT

KIROV = ROOT / "docs" / "examples" / "dod-model-kirov"
SEEDS_REGIONS = {
    "samara-oc-roadmap-2019.txt": "RU-SAM",
    "tambov-target-model-roadmap-2020-2024.txt": "RU-TAM",
    "ulyanovsk-cherdakly-moc-roadmap-2019.txt": "RU-ULY",
    "amur-rmc-first-steps-plan.txt": "RU-AMU",
    "sverdlovsk-ekaterinburg-moc-plan-2019-2020.txt": "RU-SVE",
}


def _plugin(name: str, **hooks) -> types.ModuleType:
    module = types.ModuleType(name)
    for hook, function in hooks.items():
        setattr(module, hook, hookimpl(function))
    return module


def test_each_call_builds_an_independent_session():
    first, second = get_plugin_manager(entry_points=False), get_plugin_manager(entry_points=False)
    first.register(
        _plugin(
            "x",
            dod_register_regions=lambda register: register(
                Region(code="RU-KIR", name="Кировская область")
            ),
        ),
        "kirov",
    )
    assert "RU-KIR" in first.registered_regions()
    assert "RU-KIR" not in second.registered_regions()


def test_builtins_come_through_the_same_hooks():
    plugins = get_plugin_manager(entry_points=False)
    assert list(plugins.registered_regions()) == ["RU-AMU", "RU-SAM", "RU-SVE", "RU-TAM", "RU-ULY"]
    assert plugins.names() == ("amur", "core", "samara", "sverdlovsk", "tambov", "ulyanovsk")
    codes = {r.code for r in plugins.rules("RU-TAM")}
    assert "tambov/year-not-covered" in codes
    assert "samara/act-details" not in codes
    assert "core/missing-deadline" in codes
    assert plugins.rule_sources()["tambov/year-not-covered"] == "tambov"


@pytest.mark.parametrize(("seed", "code"), sorted(SEEDS_REGIONS.items()))
def test_each_seed_names_its_region(seeds, seed, code):
    plugins = get_plugin_manager(entry_points=False)
    assert plugins.detect_region([(seeds / seed).read_text(encoding="utf-8")]).code == code


def test_detection_through_places_and_without_a_guess():
    plugins = get_plugin_manager(entry_points=False)
    assert plugins.detect_region(["МОЦ в МО «город Екатеринбург»"]).code == "RU-SVE"
    assert (
        plugins.detect_region(["муниципальное образование «Чердаклинский район»"]).code == "RU-ULY"
    )
    assert plugins.detect_region(["Самарской области и Тамбовской области"]) is None  # a tie
    assert plugins.detect_region(["План мероприятий"]) is None


def test_region_glossaries_spell_out_their_bodies():
    plugins = get_plugin_manager(entry_points=False)
    assert plugins.glossary("RU-SAM").expand("МОиН СО") == (
        "министерство образования и науки Самарской области"
    )
    assert plugins.glossary("RU-TAM").expand("МОиН СО") is None
    assert plugins.glossary().expand("МКУ ИМЦ").startswith("муниципальное казённое")
    assert plugins.region("RU-SVE").certificate_ages.high == 18


def test_a_second_plugin_with_a_taken_region_code_is_skipped_with_a_warning_naming_both():
    plugins = get_plugin_manager(entry_points=False)
    plugins.register(
        _plugin(
            "dup",
            dod_register_regions=lambda register: register(
                Region(code="RU-SAM", name="Самарская область")
            ),
        ),
        "another-samara",
    )
    with pytest.warns(
        PluginConflictWarning,
        match="'RU-SAM' is registered by two plugins, 'samara' .* and 'another-samara'",
    ):
        assert plugins.registered_regions()["RU-SAM"] is plugins.region("RU-SAM")
    assert plugins.info()[plugins.names().index("samara")].regions == ("RU-SAM",)


def test_a_taken_rule_code_is_skipped_with_a_warning_naming_both():
    @rule("core/empty-title", severity="info", applies_to=dod_model.Roadmap)
    def again(roadmap, context):
        yield from ()

    plugins = get_plugin_manager(entry_points=False)
    plugins.register(_plugin("dup", dod_register_rules=lambda register: register(again)), "mine")
    with pytest.warns(
        PluginConflictWarning, match="'core/empty-title' is registered by two plugins, 'core' "
    ):
        assert plugins.rule_sources()["core/empty-title"] == "core"


def test_a_hook_with_wrong_arguments_is_refused_at_registration():
    def dod_register_regions(add):  # the argument must be called «register»
        add(Region(code="RU-KIR", name="Кировская"))

    plugins = get_plugin_manager(entry_points=False)
    with pytest.raises(PluginError, match="cannot register plugin 'bad'"):
        plugins.register(_plugin("bad", dod_register_regions=dod_register_regions), "bad")
    assert "bad" not in plugins.names()


def test_a_plugin_failing_inside_a_hook_is_named():
    def dod_register_regions(register):
        raise RuntimeError("boom")

    plugins = get_plugin_manager(entry_points=False)
    plugins.register(_plugin("bad", dod_register_regions=dod_register_regions), "bad")
    with pytest.raises(PluginError, match="plugin 'bad' failed in dod_register_regions: boom"):
        plugins.registered_regions()


def test_results_never_depend_on_plugin_order():
    kirov = _plugin(
        "kirov",
        dod_register_regions=lambda register: register(
            Region(code="RU-KIR", name="Кировская область")
        ),
    )
    forward = get_plugin_manager(entry_points=False, extra=[kirov])
    backward = get_plugin_manager(entry_points=False, builtins=False, extra=[kirov])
    for module in reversed(dod_model._host.BUILTIN):
        loaded = importlib.import_module(module)
        backward.register(getattr(loaded, "PLUGIN", loaded), module.rsplit(".", 1)[1])
    assert list(forward.registered_regions()) == list(backward.registered_regions())
    assert [r.code for r in forward.rules("RU-TAM")] == [r.code for r in backward.rules("RU-TAM")]
    roadmap = examples.load("ulyanovsk-cherdakly-2019")
    assert (
        dod_model.validate(roadmap, plugins=forward).findings
        == dod_model.validate(roadmap, plugins=backward).findings
    )


def test_every_hook_has_a_section_on_the_hooks_page():
    page = (ROOT / "docs" / "hooks.md").read_text(encoding="utf-8")
    hooks = [name for name in vars(hookspecs) if name.startswith("dod_register_")]
    assert len(hooks) == 6
    for name in hooks:
        assert f"## `{name}`" in page, f"docs/hooks.md has no section for {name}"
        assert "versionadded" in getattr(hookspecs, name).__doc__


@pytest.mark.parametrize(
    "checked",
    get_plugin_manager(entry_points=False).rules(None)
    + tuple(
        r
        for code in ("RU-SAM", "RU-TAM", "RU-ULY", "RU-AMU", "RU-SVE")
        for r in get_plugin_manager(entry_points=False).rules(code)
        if r.region
    ),
    ids=lambda r: r.code,
)
def test_every_builtin_rule_conforms(checked):
    region = get_plugin_manager(entry_points=False).region(checked.region)
    check_rule(checked, region=region, max_examples=15)


def test_check_rule_catches_an_undeclared_code():
    @rule("mine/one", severity="info", applies_to=dod_model.Roadmap)
    def sloppy(roadmap, context):
        yield dod_model.Finding(code="mine/other", message="x", severity="info")

    with pytest.raises(AssertionError, match="emitted 'mine/other', which it does not declare"):
        check_rule(sloppy, max_examples=5)


def test_the_dod_plugins_fixture_has_builtins_only(dod_plugins):
    assert "RU-SAM" in dod_plugins.registered_regions()
    assert dod_plugins.versions()["samara"] == dod_model.__version__
    dod_plugins.register(
        _plugin(
            "k",
            dod_register_regions=lambda register: register(
                Region(code="RU-KIR", name="Кировская область")
            ),
        ),
        "kirov",
    )
    assert "RU-KIR" in dod_plugins.registered_regions()
    dod_plugins.unregister("kirov")
    assert "RU-KIR" not in dod_plugins.registered_regions()


# --- installed plugins, found through entry points ---------------------------------------------


def _install(site, name: str, version: str, module: str, source_dir=None, source: str = "") -> None:
    """Lay out an installed distribution (importable module + dist-info) in ``site``."""
    if source_dir is not None:
        shutil.copytree(source_dir, site / module)
    else:
        (site / f"{module}.py").write_text(source, encoding="utf-8")
    dist_info = site / f"{name.replace('-', '_')}-{version}.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8"
    )
    (dist_info / "entry_points.txt").write_text(
        f"[dod_model]\n{module.removeprefix('dod_model_')} = {module}\n", encoding="utf-8"
    )


@pytest.fixture
def site(tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    _install(
        site,
        "dod-model-kirov",
        "1.0.0",
        "dod_model_kirov",
        source_dir=KIROV / "src" / "dod_model_kirov",
    )
    _install(
        site,
        "dod-model-broken",
        "0.3",
        "dod_model_broken",
        source="raise ImportError('needs a module that is not installed')\n",
    )
    monkeypatch.syspath_prepend(str(site))
    importlib.invalidate_caches()
    monkeypatch.delenv("DOD_MODEL_STRICT_PLUGINS", raising=False)
    monkeypatch.delenv("DOD_MODEL_DISABLE_PLUGINS", raising=False)
    yield site
    for module in ("dod_model_kirov", "dod_model_broken"):
        sys.modules.pop(module, None)


def test_installed_plugins_load_and_a_broken_one_is_skipped_with_a_warning(site):
    with pytest.warns(
        PluginLoadWarning,
        match=r"plugin 'broken' \(dod-model-broken 0.3\) "
        r"failed to load and is skipped: needs a module",
    ):
        plugins = get_plugin_manager()
    assert "RU-KIR" in plugins.registered_regions()
    (kirov,) = [i for i in plugins.info() if i.name == "kirov"]
    assert (kirov.version, kirov.distribution, kirov.regions, kirov.rules) == (
        "1.0.0",
        "dod-model-kirov",
        ("RU-KIR",),
        ("kirov/no-navigator",),
    )
    assert kirov.hooks == (
        "dod_register_abbreviations",
        "dod_register_regions",
        "dod_register_rules",
    )
    roadmap = dod_model.Roadmap(title="План Кировской области", region="RU-KIR")
    assert "kirov/no-navigator" not in dod_model.validate(roadmap, plugins=plugins).codes()
    roadmap = dod_model.Roadmap(
        title="x",
        region="RU-KIR",
        unsectioned=(dod_model.Activity(number="1", title="Создание МОЦ"),),
    )
    report = dod_model.validate(roadmap, plugins=plugins)
    assert "kirov/no-navigator" in report.codes()
    assert ("kirov", "1.0.0") in [(p.name, p.version) for p in report.plugins]


def test_strict_plugins_make_a_broken_plugin_an_error(site, monkeypatch):
    monkeypatch.setenv("DOD_MODEL_STRICT_PLUGINS", "1")
    with pytest.raises(PluginError, match=r"dod-model-broken 0\.3"):
        get_plugin_manager()


def test_disabled_plugins_are_not_loaded(site, monkeypatch):
    monkeypatch.setenv("DOD_MODEL_DISABLE_PLUGINS", "broken, kirov,samara")
    plugins = get_plugin_manager()
    assert "RU-KIR" not in plugins.registered_regions()
    assert "RU-SAM" not in plugins.registered_regions()
    assert "RU-TAM" in plugins.registered_regions()


def test_the_command_line_picks_up_an_installed_plugin(site, tmp_path, child_env):
    roadmap = dod_model.Roadmap(
        title="План Кировской области",
        region="RU-KIR",
        unsectioned=(dod_model.Activity(number="1", title="Создание МОЦ"),),
    )
    document = tmp_path / "kirov.json"
    document.write_text(dod_model.dumps(roadmap), encoding="utf-8")
    env = {
        **child_env,
        "PYTHONPATH": os.pathsep.join([str(site), *sys.path]),
        "DOD_MODEL_DISABLE_PLUGINS": child_env["DOD_MODEL_DISABLE_PLUGINS"] + ",broken",
    }
    command = [sys.executable, "-m", "dod_model"]
    listed = subprocess.run(
        [*command, "plugins", "--json"], capture_output=True, text=True, env=env, check=True
    )
    (kirov,) = [p for p in json.loads(listed.stdout) if p["name"] == "kirov"]
    assert kirov["rules"] == ["kirov/no-navigator"]
    checked = subprocess.run(
        [*command, "validate", str(document)], capture_output=True, text=True, env=env, check=False
    )
    assert checked.returncode == 0, checked.stderr
    assert re.search(r"warning\s+kirov/no-navigator", checked.stdout)


# Tests whose sessions load installed plugins: the default session, one built with entry points
# on, the command line in process and in a child process, and a doctest reading with defaults.
WITH_INSTALLED_PLUGINS = (
    "tests/test_plugins.py::test_installed_plugins_load_and_a_broken_one_is_skipped_with_a_warning",
    "tests/test_plugins.py::test_disabled_plugins_are_not_loaded",
    "tests/test_cli.py::test_validate_every_seed_and_a_folder",
    "tests/test_cli.py::test_a_full_standard_output_is_an_error_not_a_traceback",
    "src/dod_model/examples/__init__.py",
)


def test_a_broken_plugin_installed_on_the_machine_does_not_reach_the_suite(tmp_path):
    machine = tmp_path / "machine"  # on the path from the start, as installed plugins are
    machine.mkdir()
    source = "raise ImportError('needs a module this machine lacks')\n"
    _install(machine, "dod-model-machine-broken", "9.9", "dod_model_machine_broken", source=source)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(machine), *sys.path])}
    env.pop("DOD_MODEL_TEST_INSTALLED_PLUGINS", None)

    def pytest_run(*options: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *options]
        return subprocess.run(
            [*command, *WITH_INSTALLED_PLUGINS],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )

    hidden = pytest_run()
    assert hidden.returncode == 0, hidden.stdout
    assert f"{len(WITH_INSTALLED_PLUGINS)} passed" in hidden.stdout
    # The same tests with the plugin let in fail on it: it is installed, and it would break them.
    env["DOD_MODEL_TEST_INSTALLED_PLUGINS"] = "1"
    seen = pytest_run("-x")
    assert seen.returncode == 1, seen.stdout
    assert "plugin 'machine_broken' (dod-model-machine-broken 9.9) failed to load" in seen.stdout


def test_the_example_plugin_documented_is_the_one_tested():
    page = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    assert "examples/dod-model-kirov/src/dod_model_kirov/__init__.py" in page
    pyproject = (KIROV / "pyproject.toml").read_text(encoding="utf-8")
    assert (
        textwrap.dedent("""
        [project.entry-points.dod_model]
        kirov = "dod_model_kirov"
    """).strip()
        in pyproject
    )


KIROV_ROADMAP = (
    "Дорожная карта по созданию муниципального опорного центра в Кировской области\n\n"
    "№ п/п\tНаименование мероприятия\tСроки\tОтветственный исполнитель\n"
    "1\tСоздание МОЦ\tАпрель 2024 года\tМОН КО\n"
    "2\tПовышение квалификации сотрудников МОЦ\tноябрь 2024 года\tМОЦ\n"
)


def test_an_installed_region_and_rule_are_picked_up_by_read_validate_and_plugins(
    site, tmp_path, child_env
):
    """The done-criterion of the plugin system, through the public API and the command line."""
    document = tmp_path / "kirov.txt"
    document.write_text(KIROV_ROADMAP, encoding="utf-8")
    with pytest.warns(PluginLoadWarning):
        plugins = get_plugin_manager()
    roadmap = dod_model.read(document, plugins=plugins)
    assert roadmap.region == "RU-KIR"
    assert roadmap.activity("1").responsible[0].canonical == (
        "министерство образования Кировской области"
    )
    assert "kirov/no-navigator" in dod_model.validate(roadmap, plugins=plugins).codes()
    env = {
        **child_env,
        "PYTHONPATH": os.pathsep.join([str(site), *sys.path]),
        "DOD_MODEL_DISABLE_PLUGINS": child_env["DOD_MODEL_DISABLE_PLUGINS"] + ",broken",
    }
    command = [sys.executable, "-m", "dod_model"]
    read = subprocess.run(
        [*command, "read", str(document)], capture_output=True, text=True, env=env, check=True
    )
    assert json.loads(read.stdout)["region"] == "RU-KIR"
    checked = subprocess.run(
        [*command, "validate", str(document)], capture_output=True, text=True, env=env, check=False
    )
    assert "(region RU-KIR)" in checked.stdout
    assert "kirov/no-navigator" in checked.stdout


def test_a_region_plugin_object_registers_its_three_parts(dod_plugins):
    @rule("kirov/test", severity="info", applies_to=dod_model.Roadmap, region="RU-KIR")
    def note(roadmap, context):
        yield roadmap, "seen"

    plugin = RegionPlugin(Region(code="RU-KIR", name="Кировская область"),
                          abbreviations={"МОН КО": "министерство"}, rules=[note])  # fmt: skip
    dod_plugins.register(plugin, "kirov")
    assert "RU-KIR" in dod_plugins.registered_regions()
    assert dod_plugins.glossary("RU-KIR").expand("МОН КО") == "министерство"
    report = dod_model.validate(dod_model.Roadmap(title="t", region="RU-KIR"), plugins=dod_plugins)
    assert "kirov/test" in report.codes()


# --- a region plugin makes its rules its region's ----------------------------------------------

KIROV_REGION = Region(code="RU-KIR", name="Кировская область")


class _Foreign:
    """A rule of no attrs class: the host wraps it."""

    code = "kirov/foreign"
    region = None
    severity = "info"
    description = "A rule written by hand."

    def check(self, obj, context):
        if isinstance(obj, dod_model.Roadmap):
            yield dod_model.Finding(code=self.code, severity="info", message="seen")


def test_a_region_plugin_gives_its_rules_its_region(dod_plugins):
    @rule("kirov/roadmap", severity="info", applies_to=dod_model.Roadmap)
    def note(roadmap, context):
        yield roadmap, "seen"

    @record_rule("kirov/record", severity="info", record=Certificate, stateless=True)
    def record(certificate):
        return None

    foreign = _Foreign()
    plugin = RegionPlugin(KIROV_REGION, rules=(note, record, foreign))
    stamped, stamped_record, wrapped = plugin.rules
    assert (note.region, record.region) == (None, None)  # the rules given are left as they are
    assert stamped == attrs.evolve(note, region="RU-KIR")
    assert isinstance(stamped_record, RecordRule)
    assert (stamped_record.region, stamped_record.stateless) == ("RU-KIR", True)
    assert isinstance(wrapped, RegionalRule)
    assert (wrapped.rule, wrapped.region, wrapped.code, wrapped.severity) == (
        foreign, "RU-KIR", "kirov/foreign", "info")  # fmt: skip
    assert wrapped.description == "A rule written by hand."
    assert isinstance(wrapped, dod_model.Rule)
    dod_plugins.register(plugin, "kirov")
    assert {r.code for r in dod_plugins.rules(None)}.isdisjoint(
        {"kirov/roadmap", "kirov/record", "kirov/foreign"})  # fmt: skip
    mine = dod_model.validate(dod_model.Roadmap(title="t", region="RU-KIR"), plugins=dod_plugins)
    assert {"kirov/roadmap", "kirov/foreign"} <= set(mine.codes())
    other = dod_model.validate(dod_model.Roadmap(title="t", region="RU-SAM"), plugins=dod_plugins)
    assert not [c for c in other.codes() if c.startswith("kirov/")]


def test_a_rule_of_the_plugins_own_region_is_kept_and_one_of_another_is_an_error():
    @rule("kirov/own", severity="info", applies_to=dod_model.Roadmap, region="RU-KIR")
    def own(roadmap, context):
        yield from ()

    @rule("kirov/samaras", severity="info", applies_to=dod_model.Roadmap, region="RU-SAM")
    def samaras(roadmap, context):
        yield from ()

    assert RegionPlugin(KIROV_REGION, rules=[own]).rules[0] is own
    with pytest.raises(PluginError, match=(
            "rule 'kirov/samaras' is for region RU-SAM, but the plugin of region RU-KIR "
            "registers it")):  # fmt: skip
        RegionPlugin(KIROV_REGION, rules=(own, samaras))
    foreign = _Foreign()
    foreign.region = "RU-SAM"
    with pytest.raises(PluginError, match=r"'kirov/foreign' is for region RU-SAM.*RU-KIR"):
        RegionPlugin(KIROV_REGION, rules=(foreign,))


def test_the_builtin_regions_rules_are_their_regions():
    plugins = get_plugin_manager(entry_points=False)
    regions = {"samara": "RU-SAM", "tambov": "RU-TAM", "ulyanovsk": "RU-ULY", "amur": "RU-AMU",
               "sverdlovsk": "RU-SVE"}  # fmt: skip
    sources = plugins.rule_sources()
    for checked in plugins.all_rules():
        assert checked.region == regions.get(sources[checked.code]), checked.code
