"""What the command line says: counts in proper plurals, the usage without a command, and the
plugins table in line whatever the names of the plugins."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from dod_model._i18n import ENVIRONMENT, plural
from dod_model.cli import main
from dod_model.cli._reports import render_plugins
from dod_model.plugins import PluginInfo

from .conftest import ROOT


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("n", "noun", "expected"),
    [(0, "error", "0 errors"), (1, "note", "1 note"), (2, "note", "2 notes"),
     (1, "warning", "1 warning"), (11, "note", "11 notes"), (21, "note", "21 notes")],
)  # fmt: skip
def test_counts_take_the_english_plural(n, noun, expected):
    assert plural(n, noun) == expected


def test_a_report_counts_one_note_and_several_warnings(capsys):
    code, out, _ = run(capsys, "validate", "--example", "tambov")
    assert code == 0
    assert out.startswith("example tambov: ok: 0 errors, 4 warnings, 1 note (region RU-TAM)\n")
    code, out, _ = run(capsys, "validate", "--example", "samara")
    assert out.startswith("example samara: ok: 0 errors, 0 warnings, 2 notes (region RU-SAM)\n")
    assert " 1 notes" not in out
    assert " 1 warnings" not in out


def test_the_summary_counts_its_sections(capsys):
    _, out, _ = run(capsys, "summary", "--example", "tambov")
    assert "Activities:   29 in 5 sections\n" in out
    _, out, _ = run(capsys, "summary", "--example", "samara")
    assert "in 0 sections\n" in out or "in 1 section\n" in out


def test_no_command_prints_the_usage_and_exits_2(capsys):
    code, out, err = run(capsys)
    assert code == 2
    assert out == ""
    assert err.startswith("usage: dod-model ")
    assert err.splitlines()[-1] == "dod-model: name a COMMAND; see `dod-model --help`"


def test_python_dash_m_without_a_command_exits_2(child_env):
    env = {k: v for k, v in child_env.items() if k not in ENVIRONMENT}
    done = subprocess.run(
        [sys.executable, "-m", "dod_model"], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 2
    assert "usage: dod-model" in done.stderr
    assert done.stdout == ""


def _info(name: str, distribution: str, version: str = "1.0.0") -> PluginInfo:
    return PluginInfo(
        name=name,
        version=version,
        distribution=distribution,
        hooks=("dod_register_regions", "dod_register_rules"),
        regions=("RU-KIR",),
        rules=("kirov/no-navigator",),
        importers=(),
        exporters=(),
    )


def _columns(line: str) -> list[int]:
    """Where each column of a line starts: after two or more spaces, or one after a word."""
    starts, gap = [], True
    for at, char in enumerate(line):
        if char != " " and gap:
            starts.append(at)
        gap = char == " "
    return starts


def test_the_plugins_table_keeps_its_columns_with_a_long_name():
    long = "dod-model-region-kirov-extended"
    text = render_plugins([_info("core", "dod-model"), _info(long, long, "10.20.300.dev4")])
    lines = text.splitlines()
    head = lines[0]
    starts = [head.index(word) for word in ("version", "regions", "rules")]
    for line in (lines[1], lines[3]):  # each plugin's first line: name, version, regions, rules
        assert _columns(line)[1:4] == starts, text
    assert lines[3].startswith(f"{long} 10.20.300.dev4 ")
    for line in (lines[2], lines[4]):  # the distribution under the name; hooks under regions
        assert line.index("hooks:") == starts[1], text
    assert lines[4].startswith(long)


def _install_long_named(site) -> None:
    module = "dod_model_region_kirov_extended"
    (site / f"{module}.py").write_text(
        "from dod_model import Region, Roadmap, hookimpl\n"
        "from dod_model.validation import rule\n\n"
        "@rule('kirov/no-navigator', severity='info', applies_to=Roadmap, region='RU-KIR')\n"
        "def no_navigator(roadmap, context):\n"
        "    '''The roadmap should plan work on the navigator.'''\n"
        "    yield roadmap, 'the roadmap plans no work on the navigator'\n\n"
        "@hookimpl\n"
        "def dod_register_regions(register):\n"
        "    register(Region(code='RU-KIR', name='Кировская область'))\n\n"
        "@hookimpl\n"
        "def dod_register_rules(register):\n"
        "    register(no_navigator)\n",
        encoding="utf-8",
    )
    dist = site / "dod_model_region_kirov_extended-2.0.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: dod-model-region-kirov-extended\nVersion: 2.0.0\n",
        encoding="utf-8",
    )
    (dist / "entry_points.txt").write_text(
        f"[dod_model]\ndod-model-region-kirov-extended = {module}\n", encoding="utf-8"
    )


def test_an_installed_long_named_plugin_keeps_the_table_in_line(tmp_path, child_env):
    site = tmp_path / "site"
    site.mkdir()
    _install_long_named(site)
    env = {k: v for k, v in child_env.items() if k not in ENVIRONMENT}
    env["PYTHONPATH"] = os.pathsep.join([str(site), str(ROOT / "src"), env.get("PYTHONPATH", "")])
    done = subprocess.run(
        [sys.executable, "-m", "dod_model", "plugins"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    head = lines[0]
    starts = [head.index(word) for word in ("version", "regions", "rules")]
    table = lines[1 : lines.index("")]
    rows = [line for line in table if not line.startswith(" ") and "hooks:" not in line]
    named = [line for line in rows if line.startswith("dod-model-region-kirov-extended ")]
    assert len(named) == 1, done.stdout
    for line in rows:
        assert _columns(line)[1:4] == starts, line
