"""The dod-model command line, through its entry point and as ``python -m dod_model``."""

from __future__ import annotations

import csv
import datetime as dt
import importlib.resources
import io
import json
import subprocess
import sys
from pathlib import Path

import attrs
import docx
import pytest

import dod_model
from dod_model import examples
from dod_model.cli import main
from dod_model.cli._reports import source_place
from dod_model.plugins import default_plugins


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version_and_help(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"dod-model {dod_model.__version__}"
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for command in ("summary", "examples", "schema", "validate", "plugins"):
        assert command in out


def test_python_dash_m_runs_the_same_command(child_env):
    done = subprocess.run(
        [sys.executable, "-m", "dod_model", "--version"],
        capture_output=True,
        text=True,
        env=child_env,
        check=True,
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


@pytest.mark.parametrize("name", dod_model.codec.schema_names())
def test_schema_prints_the_committed_schema(capsys, name):
    code, out, _ = run(capsys, "schema", name)
    assert code == 0
    assert json.loads(out) == dod_model.json_schema(name)


def test_validate_an_example_prints_a_table(capsys):
    code, out, _ = run(capsys, "validate", "--example", "ulyanovsk-cherdakly-2019")
    assert code == 0
    assert out.startswith("example ulyanovsk-cherdakly-2019: ok: 0 errors, 0 warnings, 1 note "
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
    registry = dod_model.registry.CertificateRegistry(
        certificates=(dod_model.registry.Certificate(number="12"),)
    )
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
    code, out, _ = run(capsys, "read", str(path), "--region", "RU-KIR")
    assert code == 0
    assert dod_model.loads(out).region == "RU-KIR"
    code, _, err = run(capsys, "read")
    assert code == 2
    assert "name a FILE to read" in err
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    code, _, err = run(capsys, "read", str(tmp_path / "empty.txt"))
    assert code == 2
    assert "empty.txt: an empty file" in err


def test_validate_a_bundled_document(capsys):
    code, out, _ = run(capsys, "validate", "--example", "tambov")
    assert code == 0
    assert out.startswith("example tambov: ok: 0 errors, 4 warnings, 1 note (region RU-TAM)")


# --- read: exports and batches -----------------------------------------------------------------

SEED_NAMES = ("amur", "samara", "sverdlovsk", "tambov", "ulyanovsk")


def seed_path(seeds, name):
    (path,) = seeds.glob(f"{name}-*.txt")
    return path


@pytest.mark.parametrize("name", SEED_NAMES)
@pytest.mark.parametrize("to", ["json", "csv", "md", "ics"])
def test_read_a_seed_to_every_format_on_stdout(capsysbinary, seeds, name, to):
    path = seed_path(seeds, name)
    code = main(["read", str(path), "--to", to])
    out, err = capsysbinary.readouterr()
    roadmap = dod_model.read(path)
    if to == "ics" and name in ("amur", "sverdlovsk"):  # undated activities, said on stderr
        assert b"have no date" in err or (code, out) == (1, b"")  # Amur: none has a date
        if code == 1:
            return
    else:
        assert err == b""
    assert code == 0
    assert out == default_plugins().exporters()[to].export(roadmap)


def test_read_a_folder_writes_one_file_per_document(capsys, seeds, tmp_path):
    out = tmp_path / "out"
    code, stdout, err = run(capsys, "read", str(seeds), "-o", str(out), "--to", "csv")
    assert code == 0
    assert stdout == ""
    assert err == f"read 5, refused 0; csv files in {out}\n"
    assert sorted(p.name for p in out.iterdir()) == sorted(
        p.stem + ".csv" for p in seeds.glob("*.txt")
    )
    for path in seeds.glob("*.txt"):
        text = (out / f"{path.stem}.csv").read_text("utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        assert [r["title"] for r in rows] == [a.title for a in dod_model.read(path).activities]


def test_a_refused_file_does_not_stop_the_batch(capsys, seeds, tmp_path):
    junk = tmp_path / "junk.docx"
    junk.write_bytes(b"PK\x03\x04 not really a zip")
    table = tmp_path / "table.docx"  # a sound Word file, with no roadmap in it
    word = docx.Document()
    word.add_table(rows=2, cols=2)
    word.save(str(table))
    sources = [seed_path(seeds, "samara"), junk, seed_path(seeds, "tambov"), table]
    out = tmp_path / "out"
    code, _, err = run(capsys, "read", *map(str, sources), "-o", str(out), "--to", "md")
    assert code == 2
    lines = err.splitlines()
    assert lines[0] == f"read 2, refused 2; md files in {out}"
    assert lines[1].startswith(f"  refused {junk}: ")
    assert lines[2].startswith(f"  refused {table}: ")
    assert len(lines) == 3
    assert sorted(p.name for p in out.iterdir()) == [
        "samara-oc-roadmap-2019.md",
        "tambov-target-model-roadmap-2020-2024.md",
    ]


def test_read_names_outputs_apart_when_stems_collide(capsys, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "plan.txt").write_bytes(examples.path("samara-text").read_bytes())
    (folder / "plan.docx").write_bytes(examples.path("samara").read_bytes())
    code, _, err = run(capsys, "read", str(folder), "-o", str(tmp_path / "out"))
    assert code == 0, err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "plan.docx.json",
        "plan.txt.json",
    ]


def test_read_never_writes_two_outputs_to_one_name(capsys, tmp_path):
    for folder, example in (("a", "samara-text"), ("b", "tambov-text"), ("c", "amur-text")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "plan.txt").write_bytes(examples.path(example).read_bytes())
    (tmp_path / "c" / "sub").mkdir()
    (tmp_path / "c" / "sub" / "plan.txt").write_bytes(examples.path("amur-text").read_bytes())
    inputs = [str(tmp_path / f / "plan.txt") for f in ("a", "b", "c", "c/sub")]
    code, _, err = run(capsys, "read", *inputs, "-o", str(tmp_path / "out"))
    assert code == 0, err
    assert "read 4, refused 0" in err
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == ["a-plan.txt.json", "b-plan.txt.json", "c-plan.txt.json",
                       "sub-plan.txt.json"]  # fmt: skip
    titles = {json.loads((tmp_path / "out" / n).read_text("utf-8"))["title"] for n in written}
    assert len(titles) == 3  # Samara, Tambov and Amur, none lost


def test_several_documents_to_a_file_name_are_refused(capsys, seeds, tmp_path):
    code, _, err = run(capsys, "read", str(seeds), "-o", str(tmp_path / "out.csv"))
    assert code == 2
    assert "out.csv: not a folder; several documents need -o DIR" in err
    assert not (tmp_path / "out.csv").exists()
    code, _, err = run(capsys, "read", str(seeds), "-o", f"{tmp_path / 'out.csv'}/", "--to", "csv")
    assert code == 0, err  # a separator at the end says it is a folder
    assert len(list((tmp_path / "out.csv").iterdir())) == 5


def test_read_to_a_file_takes_the_format_from_its_suffix(capsys, tmp_path):
    target = tmp_path / "tambov.ics"
    code, out, _ = run(capsys, "read", "--example", "tambov", "-o", str(target))
    assert (code, out) == (0, "")
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    code, _, err = run(capsys, "read", "--example", "tambov", "-o", str(tmp_path / "x.xyz"))
    assert code == 2
    assert "x.xyz: no exporter writes .xyz; name the format (" in err


def test_read_usage_errors(capsys, seeds, tmp_path):
    code, _, err = run(capsys, "read", str(seeds))
    assert code == 2
    assert "need -o DIR" in err
    code, _, err = run(capsys, "read", "--example", "tambov", "--to", "pdf")
    assert code == 2
    assert "no exporter for format 'pdf' (known: " in err
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run(capsys, "read", str(empty), "-o", str(tmp_path / "out"))
    assert code == 2
    assert f"{empty}: the folder holds no file to read" in err
    afile = tmp_path / "a.txt"
    afile.write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "read", str(seeds), "-o", str(afile))
    assert code == 2
    assert "not a folder" in err


def test_read_round_trips_through_json(capsys, seeds, tmp_path):
    for name in SEED_NAMES:
        path = seed_path(seeds, name)
        target = tmp_path / f"{name}.json"
        assert main(["read", str(path), "-o", str(target)]) == 0
        code, out, _ = run(capsys, "read", str(target), "--to", "csv")
        assert code == 0
        assert out.encode("utf-8") == dod_model.exporters.CsvExporter().export(dod_model.read(path))


def test_no_progress_bar_when_stderr_is_not_a_terminal(capsys, seeds, tmp_path):
    code, _, err = run(capsys, "read", str(seeds), "-o", str(tmp_path))
    assert code == 0
    assert "\r" not in err
    assert "reading" not in err


# --- status ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SEED_NAMES)
def test_status_of_every_seed(capsys, seeds, name):
    path = seed_path(seeds, name)
    code, out, _ = run(capsys, "status", str(path), "--on", "2019-09-15", "--json")
    assert code == 0
    data = json.loads(out)
    roadmap = dod_model.read(path)
    result = dod_model.status(roadmap, dt.date(2019, 9, 15))
    assert data["counts"] == {k: len(v) for k, v in result.groups.items()}
    assert sum(data["counts"].values()) == len(roadmap.activities)
    code, out, _ = run(capsys, "status", str(path), "--on", "2019-09-15")
    assert code == 0
    assert out.splitlines()[1].startswith("On 2019-09-15 (plan period ")


def test_status_table_of_samara(capsys, seeds):
    code, out, _ = run(capsys, "status", str(seed_path(seeds, "samara")), "--on", "2019-09-15")
    assert code == 0
    lines = out.splitlines()
    assert lines[1] == "On 2019-09-15 (plan period 2019-06-01 … 2019-12-31):"
    assert lines[2] == "8 overdue, 4 due, 3 upcoming, 0 later, 0 done, 0 unknown"
    assert "Overdue (8)" in lines
    first = lines[lines.index("Overdue (8)") + 2]
    assert first.split()[:3] == ["1", "2019-07-31", "Июнь-июль"]


def test_status_with_a_horizon_as_json(capsys):
    code, out, _ = run(
        capsys, "status", "--example", "tambov", "--on", "2022-03-01", "--horizon", "92", "--json"
    )
    assert code == 0
    data = json.loads(out)
    assert (data["on"], data["horizon"]) == ("2022-03-01", 92)
    assert [e["number"] for e in data["due"]] == ["1.7", "1.8", "1.10"]
    assert data["due"][0]["next_due"] == "2022-05-31"
    assert data["due"][0]["deadline"].startswith("31.05.2020\n31. 05.2021")  # as written


def test_status_usage_errors(capsys, tmp_path):
    with pytest.raises(SystemExit) as info:
        main(["status", "--example", "tambov", "--on", "март 2022"])
    assert info.value.code == 2
    assert "not a date: 'март 2022' (write it as 15.01.2020, 2020-01-15" in capsys.readouterr().err
    code, _, err = run(capsys, "status", str(tmp_path / "absent.docx"), "--on", "2020-01-01")
    assert code == 2
    assert f"{tmp_path / 'absent.docx'}: cannot read the file" in err


# --- diff --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SEED_NAMES)
def test_diff_of_a_seed_with_its_word_rendition_is_empty(capsys, seeds, name):
    with importlib.resources.as_file(examples.path(name)) as word:
        code, out, _ = run(capsys, "diff", str(seed_path(seeds, name)), str(word))
    assert code == 0, out
    assert ", 0 re-dated, 0 reassigned, " in out


def test_diff_of_two_editions(capsys, seeds, tmp_path):
    old_path = seed_path(seeds, "ulyanovsk")
    old = dod_model.read(old_path)
    activities = list(old.unsectioned)
    activities[5] = attrs.evolve(activities[5], deadline=dod_model.Deadline.parse("Октябрь 2019"))
    del activities[2]
    activities = [attrs.evolve(a, number=str(i)) for i, a in enumerate(activities, 1)]
    new_path = tmp_path / "new.json"
    dod_model.write(attrs.evolve(old, unsectioned=tuple(activities)), new_path)
    code, out, _ = run(capsys, "diff", str(old_path), str(new_path))
    assert code == 1
    assert out.splitlines()[1] == (
        "0 added, 1 removed, 13 renumbered, 0 retitled, 1 re-dated, 0 reassigned, 2 unchanged"
    )
    assert "  ~ 5      Сентябрь 2019 года → Октябрь 2019" in out
    code, out, _ = run(capsys, "diff", str(old_path), str(new_path), "--json")
    assert code == 1
    data = json.loads(out)
    assert [a["number"] for a in data["removed"]] == ["3"]
    assert data["changed"][0]["changes"] == ["renumbered"]


def test_diff_refuses_a_registry(capsys, seeds, tmp_path):
    path = tmp_path / "certificates.json"
    path.write_text(dod_model.dumps(dod_model.registry.CertificateRegistry()), encoding="utf-8")
    code, _, err = run(capsys, "diff", str(seed_path(seeds, "amur")), str(path))
    assert code == 2
    assert f"{path}: holds a CertificateRegistry, not a roadmap" in err


# --- validate, plugins, schema on the seeds ----------------------------------------------------


def test_validate_every_seed_and_a_folder(capsys, seeds, tmp_path):
    code, out, _ = run(capsys, "validate", str(seeds))
    assert code in (0, 1)
    assert [line.split(":")[0] for line in out.splitlines() if not line.startswith(" ")] == [
        str(p) for p in sorted(seeds.glob("*.txt"))
    ]
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\x00\x01\x02")
    code, out, err = run(capsys, "validate", str(junk), str(seed_path(seeds, "tambov")))
    assert code == 2  # a file refused; the other validated all the same
    assert err.startswith(f"dod-model: error: {junk}: ")
    assert out.startswith(f"{seed_path(seeds, 'tambov')}: ok: ")


def test_plugins_lists_the_exporters(capsys):
    code, out, _ = run(capsys, "plugins", "--json")
    assert code == 0
    (core,) = [p for p in json.loads(out) if p["name"] == "core"]
    assert {"json", "csv", "md", "ics"} <= set(core["exporters"])


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for command in ("summary", "read", "status", "diff", "examples", "validate", "plugins"):
        assert f"    {command}" in out
    assert "Exit status: 0 success; 1" in out


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_a_progress_bar_on_a_terminal(capsys, monkeypatch, seeds, tmp_path):
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["read", str(seeds), "-o", str(tmp_path), "--to", "md"]) == 0
    shown = terminal.getvalue()
    assert "reading" in shown
    assert "| 0/5 [" in shown  # then cleared, the summary line in its place
    assert shown.endswith(f"\rread 5, refused 0; md files in {tmp_path}\n")


def test_one_document_into_a_folder(capsys, seeds, tmp_path):
    code, out, err = run(capsys, "read", str(seed_path(seeds, "amur")), "-o", f"{tmp_path}/new/")
    assert (code, out) == (0, "")
    assert err == f"read 1, refused 0; json files in {tmp_path}/new\n"
    written = tmp_path / "new" / "amur-rmc-first-steps-plan.json"
    assert dod_model.loads(written.read_bytes()) == dod_model.read(seed_path(seeds, "amur"))


@pytest.mark.parametrize("name", SEED_NAMES)
def test_summary_of_every_seed(capsys, seeds, name):
    path = seed_path(seeds, name)
    code, out, _ = run(capsys, "summary", str(path), "--json")
    assert code == 0
    assert json.loads(out)["activities"] == len(dod_model.read(path).activities)


def test_validate_names_the_source_row_of_each_finding(capsys, seeds):
    path = seed_path(seeds, "tambov")
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 0
    activity = dod_model.read(path).activity("3.1")
    where = activity.provenance
    assert (
        "  warning  tambov/year-not-covered        /sections/2/activities/0/deadline "
        f"(table {where.table}, row {where.row}, line {where.line})\n"
        "           activity 3.1 recurs"
    ) in out
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[where.line - 1].split() == ["3.1."]  # the line the row starts on


def test_source_place_follows_the_pointer_to_the_nearest_provenance():
    data = {"sections": [{"provenance": {"table": 1, "row": 2}, "activities": [{"x": 1}]}]}
    assert source_place(data, "/sections/0/activities/0/x") == "table 1, row 2"
    assert source_place(data, "/sections/5") is None
    assert source_place(data, "") is None


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_a_full_standard_output_is_an_error_not_a_traceback(child_env):
    with Path("/dev/full").open("wb") as full:
        done = subprocess.run([sys.executable, "-m", "dod_model", "read", "--example", "tambov"],
                              stdout=full, stderr=subprocess.PIPE, env=child_env,
                              check=False)  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.decode().startswith("dod-model: error: cannot write the output")
    assert b"Traceback" not in done.stderr
