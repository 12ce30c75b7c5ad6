"""The region a user names wins over detection, is recorded, and an unknown code is an error.

Through the public API (``read``, ``read_all``, ``validate``) and the command line (``read``,
``validate`` and ``registry`` with ``--region``), on a plan whose text names its region.
"""

from __future__ import annotations

import json

import pytest

import dod_model
from dod_model import DocumentError, Region, examples, hookimpl
from dod_model.cli import main
from dod_model.plugins import get_plugin_manager

PLUGINS = get_plugin_manager(entry_points=False)

# A Samara plan, as a text export: its title names the region, its body the ministry in short.
SAMARA_PLAN = (
    "Дорожная карта по созданию опорного центра дополнительного образования детей "
    "в Самарской области\n\n"
    "№ п/п\tНаименование мероприятия\tСроки\tОтветственный исполнитель\n"
    "1\tСоздание опорного центра\tАпрель 2019 года\tМОиН СО\n"
    "2\tПовышение квалификации педагогов\tноябрь 2019 года\tМОиН СО\n"
)
MINISTRY = "министерство образования и науки Самарской области"


@pytest.fixture
def plan(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(SAMARA_PLAN, encoding="utf-8")
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --- Python -----------------------------------------------------------------------------------


def test_read_detects_the_region_when_none_is_named(plan):
    roadmap = dod_model.read(plan, plugins=PLUGINS)
    assert roadmap.region == "RU-SAM"
    assert roadmap.activity("1").responsible[0].canonical == MINISTRY


def test_a_region_named_to_read_wins_over_the_text_and_is_the_roadmaps(plan):
    roadmap = dod_model.read(plan, region="RU-TAM", plugins=PLUGINS)
    assert roadmap.region == "RU-TAM"
    # Read as Tambov's: Samara's abbreviations are not Tambov's.
    assert roadmap.activity("1").responsible[0].canonical != MINISTRY
    report = dod_model.validate(roadmap, plugins=PLUGINS)
    assert report.region == "RU-TAM"
    assert not [code for code in report.codes() if code.startswith("samara/")]


def test_an_unknown_region_code_to_read_is_a_document_error_listing_the_known(plan):
    with pytest.raises(DocumentError) as raised:
        dod_model.read(plan, region="RU-XXX", plugins=PLUGINS)
    message = str(raised.value)
    assert message.startswith("'RU-XXX' is not a region code; known (89): RU-AD, RU-AL, ")
    assert "RU-KIR" in message
    assert "RU-YAN" in message
    assert "plan.txt" not in message  # it is about the argument, not the document


@pytest.mark.parametrize(
    ("given", "guess"),
    [
        ("ru-kir", "RU-KIR (Кировская область)"),
        (" RU-SAM ", "RU-SAM (Самарская область)"),
        ("RU-KIRR", "RU-KIR (Кировская область)"),
        ("Кировская область", "RU-KIR (Кировская область)"),
        ("Самарская", "RU-SAM (Самарская область)"),
    ],
)
def test_an_unknown_code_gives_a_close_match_first(plan, given, guess):
    with pytest.raises(DocumentError, match="is not a region code; did you mean ") as raised:
        dod_model.read(plan, region=given, plugins=PLUGINS)
    message = str(raised.value)
    assert message.startswith(f"{given!r} is not a region code; did you mean {guess}")
    assert "Known (89): RU-AD" in message


def test_read_all_refuses_an_unknown_region_once_before_reading(plan):
    with pytest.raises(DocumentError, match="'RU-XXX' is not a region code"):
        dod_model.read_all([plan.parent], region="RU-XXX", plugins=PLUGINS)
    reading = dod_model.read_all([plan.parent], region="RU-KIR", plugins=PLUGINS)
    assert [r.region for r in reading.roadmaps] == ["RU-KIR"]


def test_validate_runs_the_rules_of_the_region_named_and_the_report_says_which():
    roadmap = examples.load("samara-text", plugins=PLUGINS)
    own = dod_model.validate(roadmap, plugins=PLUGINS)
    assert own.region == "RU-SAM"
    assert "samara/no-responsible" in own.codes()
    kirov = dod_model.validate(roadmap, region="RU-KIR", plugins=PLUGINS)
    assert kirov.region == "RU-KIR"
    assert [c for c in kirov.codes() if not c.startswith("core/")] == []


def test_validate_refuses_an_unknown_region_with_a_value_error():
    roadmap = examples.load("samara-text", plugins=PLUGINS)
    with pytest.raises(ValueError, match=r"^'RU-XXX' is not a region code; known \(89\)") as raised:
        dod_model.validate(roadmap, region="RU-XXX", plugins=PLUGINS)
    assert not isinstance(raised.value, DocumentError)


def test_a_region_a_plugin_registers_can_be_named(plan):
    @hookimpl
    def dod_register_regions(register):
        register(Region(code="RU-XX-TEST", name="Опытный край"))

    plugins = get_plugin_manager(entry_points=False)
    plugins.register(type("Test", (), {"dod_register_regions": staticmethod(dod_register_regions)}))
    assert dod_model.read(plan, region="RU-XX-TEST", plugins=plugins).region == "RU-XX-TEST"
    assert len(plugins.regions()) == 90
    with pytest.raises(DocumentError, match=r"known \(90\)"):
        dod_model.read(plan, region="RU-XX", plugins=plugins)


# --- the command line -------------------------------------------------------------------------


def test_validate_an_example_as_of_another_region(capsys):
    code, out, _ = run(capsys, "validate", "--example", "samara", "--region", "RU-KIR")
    assert code == 0
    assert "(region RU-KIR)" in out
    assert "samara/" not in out
    code, out, _ = run(capsys, "validate", "--example", "samara")
    assert "(region RU-SAM)" in out
    assert "samara/no-responsible" in out


def test_validate_a_file_as_of_another_region_records_it(capsys, plan):
    code, out, _ = run(capsys, "validate", str(plan), "--region", "RU-KIR", "--json")
    assert code == 0
    (entry,) = json.loads(out)
    assert entry["report"]["region"] == "RU-KIR"
    assert not [f for f in entry["report"]["findings"] if f["code"].startswith("samara/")]


def test_read_an_example_or_a_file_as_of_the_region_named(capsys, plan):
    code, out, _ = run(capsys, "read", "--example", "samara", "--region", "RU-KIR")
    assert code == 0
    assert json.loads(out)["region"] == "RU-KIR"
    code, out, _ = run(capsys, "read", str(plan), "--region", "RU-TAM")
    assert code == 0
    assert json.loads(out)["region"] == "RU-TAM"
    code, out, _ = run(
        capsys, "read", "--example", "ulyanovsk-cherdakly-2019", "--region", "RU-KIR"
    )
    assert code == 0
    assert json.loads(out)["region"] == "RU-KIR"  # a JSON example too


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "{plan}", "--region", "RU-XXX"],
        ["validate", "--example", "samara", "--region", "RU-XXX"],
        ["read", "{plan}", "--region", "RU-XXX"],
        ["read", "{plan}", "{plan}", "-o", "{out}", "--region", "RU-XXX"],
        ["registry", "validate", "{plan}", "--region", "RU-XXX"],
    ],
    ids=["validate", "validate-example", "read", "read-batch", "registry"],
)
def test_an_unknown_region_on_the_command_line_is_a_usage_error(capsys, tmp_path, plan, argv):
    argv = [a.format(plan=plan, out=tmp_path / "out") for a in argv]
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.startswith(
        "dod-model: error: --region 'RU-XXX' is not a region code; known (89): RU-AD, "
    )
    assert err.count("\n") == 1  # said once, not once a file
    assert not (tmp_path / "out").exists()


def test_a_close_match_on_the_command_line(capsys):
    code, _, err = run(capsys, "validate", "--example", "samara", "--region", "RU-SAMM")
    assert code == 2
    assert "did you mean RU-SAM (Самарская область) or " in err
