"""One bad plugin breaks nothing else: a conflict is a warning, a broken plugin named at its line.

Each test installs plugin distributions on ``sys.path`` as ``pip install`` would lay them out (a
module and a ``.dist-info`` with the entry point), then uses the library as a user would: the
command line's ``main`` and the public API with the default plugin session.
"""

from __future__ import annotations

import importlib
import json
import sys
import warnings

import pytest

import dod_model
from dod_model import PluginConflictWarning, PluginError, PluginLoadWarning, examples
from dod_model.cli import main
from dod_model.plugins import default_plugins, get_plugin_manager

from .conftest import ROOT

KIROV = """\
from dod_model import Finding, Region, Roadmap, hookimpl, rule


@rule("{code}", severity="info", applies_to=Roadmap)
def check(roadmap, context):
    yield from ()


@hookimpl
def dod_register_regions(register):
    register(Region(code="RU-KIR", name="Кировская область"))
    {more}


@hookimpl
def dod_register_rules(register):
    register(check)
"""

# Two distributions that both register Kirov, the second Samara too (a built-in's code).
FIRST = KIROV.format(code="kirov/first", more="")
SECOND = KIROV.format(
    code="kirov/second", more='register(Region(code="RU-SAM", name="Самарская область"))'
)


def _install(site, name: str, module: str, source: str, version: str = "1.0") -> None:
    """Lay out an installed distribution: an importable module and its dist-info."""
    (site / f"{module}.py").write_text(source, encoding="utf-8")
    dist_info = site / f"{name.replace('-', '_')}-{version}.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8"
    )
    entry = module.removeprefix("dod_model_")
    (dist_info / "entry_points.txt").write_text(
        f"[dod_model]\n{entry} = {module}\n", encoding="utf-8"
    )


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A folder on ``sys.path`` to install plugins in; the default session rebuilt around it."""
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delenv("DOD_MODEL_STRICT_PLUGINS", raising=False)
    monkeypatch.delenv("DOD_MODEL_DISABLE_PLUGINS", raising=False)
    default_plugins.cache_clear()
    before = set(sys.modules)
    yield site
    default_plugins.cache_clear()
    for module in set(sys.modules) - before:
        if module.startswith("dod_model_"):
            del sys.modules[module]
    importlib.invalidate_caches()


@pytest.fixture
def rivals(site):
    """Two installed plugins registering one region code, one of them a built-in's too."""
    _install(site, "dod-model-kirov-first", "dod_model_kirov_first", FIRST)
    _install(site, "dod-model-kirov-second", "dod_model_kirov_second", SECOND, version="2.0")
    importlib.invalidate_caches()
    return site


def _messages(record) -> list[str]:
    return [str(w.message) for w in record if issubclass(w.category, PluginLoadWarning)]


def test_a_conflict_is_a_warning_naming_both_plugins_their_distributions_and_the_way_out(rivals):
    plugins = get_plugin_manager()
    with pytest.warns(PluginConflictWarning) as record:
        regions = plugins.regions()
    kirov, samara = sorted(_messages(record))
    assert kirov == (
        "region 'RU-KIR' is registered by two plugins, 'kirov_first' (dod-model-kirov-first 1.0) "
        "and 'kirov_second' (dod-model-kirov-second 2.0): 'kirov_first' (first by name) keeps "
        "it and the registration by 'kirov_second' is skipped; turn a plugin off with "
        "DOD_MODEL_DISABLE_PLUGINS=kirov_second"
    )
    assert samara.startswith(
        f"region 'RU-SAM' is registered by two plugins, 'samara' (dod-model "
        f"{dod_model.__version__}) and 'kirov_second' (dod-model-kirov-second 2.0): the "
        "built-in 'samara' keeps it"
    )
    # The warning points at the line of the plugin that registered second, not into the library.
    lines = {w.filename.rsplit("/", 1)[-1]: w.lineno for w in record}
    assert lines == {"dod_model_kirov_second.py": 12}
    # The built-in keeps Samara, with its rules; the first by name keeps Kirov; the rest stands.
    assert regions["RU-SAM"] == get_plugin_manager(entry_points=False).regions()["RU-SAM"]
    info = {i.name: i for i in plugins.info()}
    assert info["samara"].regions == ("RU-SAM",)
    assert info["kirov_first"].regions == ("RU-KIR",)
    assert info["kirov_second"].regions == ()
    assert info["kirov_second"].rules == ("kirov/second",)  # its other registrations stand
    assert "samara/act-details" in {r.code for r in plugins.rules("RU-SAM")}


def test_the_built_in_keeps_its_registration_whatever_the_plugin_order(rivals):
    with pytest.warns(PluginConflictWarning):
        loaded_later = get_plugin_manager().regions()["RU-SAM"]
    builtin = get_plugin_manager(entry_points=False).regions()["RU-SAM"]
    assert loaded_later == builtin
    assert loaded_later.name == builtin.name


@pytest.mark.parametrize(
    ("argv", "shows"),
    [
        (["plugins", "--json"], "kirov_first"),
        (["examples"], "tambov-text"),
        (["read", "--example", "tambov"], '"region": "RU-TAM"'),
    ],
    ids=["plugins", "examples", "read"],
)
def test_every_command_keeps_working_beside_a_conflict(rivals, capsys, argv, shows):
    with pytest.warns(PluginConflictWarning, match="DOD_MODEL_DISABLE_PLUGINS=kirov_second"):
        code = main(argv)
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert shows in out


def test_a_plugin_turned_off_as_the_warning_says_silences_it(rivals, capsys, monkeypatch):
    monkeypatch.setenv("DOD_MODEL_DISABLE_PLUGINS", "kirov_second")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert main(["plugins", "--json"]) == 0
    names = [p["name"] for p in json.loads(capsys.readouterr().out)]
    assert "kirov_first" in names
    assert "kirov_second" not in names


def test_strict_plugins_make_a_conflict_an_error_not_blamed_on_a_document(
    rivals, capsys, monkeypatch
):
    monkeypatch.setenv("DOD_MODEL_STRICT_PLUGINS", "1")
    assert main(["read", "--example", "tambov"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("dod-model: error: region 'RU-KIR' is registered by two plugins, ")
    assert "tambov" not in err
    assert "skipped" not in err
    assert "an error: turn one off with DOD_MODEL_DISABLE_PLUGINS=kirov_second" in err
    with pytest.raises(PluginError) as raised:
        dod_model.read(examples.path("tambov-text"), plugins=get_plugin_manager())
    assert str(raised.value).startswith("region 'RU-KIR' is registered by two plugins")
    # Nothing but a DocumentError escapes read(): the plugins' error is one too.
    assert isinstance(raised.value, dod_model.DocumentError)


def test_a_plugin_registering_one_code_twice_is_named_alone(site):
    twice = KIROV.format(code="kirov/twice", more='register(Region(code="RU-KIR", name="Киров"))')
    _install(site, "dod-model-kirov", "dod_model_kirov_twice", twice)
    importlib.invalidate_caches()
    with pytest.warns(PluginConflictWarning) as record:
        region = get_plugin_manager().regions()["RU-KIR"]
    assert _messages(record) == [
        "region 'RU-KIR' is registered twice by plugin 'kirov_twice' (dod-model-kirov 1.0): "
        "the first registration is kept and the second skipped"
    ]
    assert region.name == "Кировская область"


# --- plugins that fail to import --------------------------------------------------------------

BROKEN = {
    "import": ("import os\n\nimport dod_model_no_such_module\n", 3, "ModuleNotFoundError"),
    "raise": ("x = 1\nraise ImportError('needs lxml-stubs')\n", 2, "ImportError"),
    "syntax": ("from dod_model import hookimpl\n\ndef oops(:\n    pass\n", 3, "SyntaxError"),
    # The failure arises inside the library: the plugin's own line is named all the same.
    "library": (
        "from dod_model import examples\n\nexamples.path('kirov')\n",
        3,
        "KeyError",
    ),
}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_a_plugin_that_fails_to_import_is_named_with_its_distribution_and_own_line(site, kind):
    source, line, error = BROKEN[kind]
    module = f"dod_model_broken_{kind}"
    _install(site, f"dod-model-broken-{kind}", module, source, version="0.3")
    importlib.invalidate_caches()
    with pytest.warns(PluginLoadWarning) as record:
        plugins = get_plugin_manager()
    (message,) = _messages(record)
    file = site / f"{module}.py"
    assert message.startswith(
        f"plugin 'broken_{kind}' (dod-model-broken-{kind} 0.3) failed to load and is skipped: "
    )
    assert f"({error} in {file}, line {line}); " in message
    assert message.endswith(f"turn it off with DOD_MODEL_DISABLE_PLUGINS=broken_{kind}")
    (warned,) = record
    assert (warned.filename, warned.lineno) == (str(file), line)
    assert "samara" in plugins.names()  # the others keep working
    assert "RU-SAM" in plugins.registered_regions()


def test_a_plugin_that_fails_to_import_is_an_error_worded_as_one_when_strict(site, monkeypatch):
    source, line, _ = BROKEN["raise"]
    _install(site, "dod-model-broken", "dod_model_broken", source)
    importlib.invalidate_caches()
    monkeypatch.setenv("DOD_MODEL_STRICT_PLUGINS", "1")
    with pytest.raises(PluginError) as raised:
        get_plugin_manager()
    message = str(raised.value)
    assert message.startswith("plugin 'broken' (dod-model-broken 1.0) failed to load: ")
    assert f"dod_model_broken.py, line {line})" in message
    assert "skipped" not in message


def test_the_command_line_reports_a_broken_plugin_and_goes_on(site, capsys):
    _install(site, "dod-model-broken", "dod_model_broken", BROKEN["syntax"][0])
    importlib.invalidate_caches()
    with pytest.warns(PluginLoadWarning, match=r"dod_model_broken\.py, line 3"):
        code = main(["validate", "--example", "samara"])
    assert code == 0
    assert "region RU-SAM" in capsys.readouterr().out


def test_the_guide_says_how_conflicts_are_settled_and_plugins_turned_off():
    page = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    for phrase in (
        "PluginConflictWarning",
        "DOD_MODEL_DISABLE_PLUGINS",
        "DOD_MODEL_STRICT_PLUGINS",
        "first by name",
    ):
        assert phrase in page
