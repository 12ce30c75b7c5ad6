"""The Russian message catalogue: chosen by --lang or the environment, English by default, plurals
right in both languages, findings kept English in reports and translated when shown."""

from __future__ import annotations

import gettext
import io
import runpy
import string
import subprocess
import sys

import pytest

import dod_model
from dod_model import Finding, examples, validate
from dod_model._i18n import ENVIRONMENT, LOCALE_DIR, languages, plural, translation
from dod_model.cli import main
from dod_model.validation import LIBRARY_CODES

from .conftest import ROOT

PO = LOCALE_DIR / "ru" / "LC_MESSAGES" / "dod_model.po"
MO = PO.with_suffix(".mo")
RU = translation(("ru",))


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _compiler():
    return runpy.run_path(str(ROOT / "scripts" / "compile_messages.py"))


def test_the_committed_mo_is_the_po_compiled():
    compiler = _compiler()
    assert MO.read_bytes() == compiler["mo_bytes"](compiler["read_po"](PO)), (
        "run python scripts/compile_messages.py"
    )


def test_the_mo_reads_as_babel_reads_the_po():
    """A second reader of the .po format, written apart from ours, finds the same entries."""
    pofile = pytest.importorskip("babel.messages.pofile")
    mofile = pytest.importorskip("babel.messages.mofile")
    with PO.open("rb") as stream:
        catalog = pofile.read_po(stream)
    buffer = io.BytesIO()
    mofile.write_mo(buffer, catalog)
    buffer.seek(0)
    theirs = gettext.GNUTranslations(buffer)._catalog
    ours = RU._catalog
    assert {k: v for k, v in ours.items() if k} == {k: v for k, v in theirs.items() if k}


def test_the_mo_is_package_data_in_the_wheel():
    assert MO.is_file()
    assert "*.mo" not in (ROOT / ".gitignore").read_text(encoding="utf-8")
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'packages = ["src/dod_model"]' in pyproject  # the wheel takes every file in it


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_translation_has_the_fields_of_its_english():
    for key, value in RU._catalog.items():
        if not key or not isinstance(key, str):
            continue
        english = key.split("\x04")[-1]
        assert _fields(value) == _fields(english), key


def test_every_library_code_has_its_templates_translated():
    for code, spec in LIBRARY_CODES.items():
        for template in (spec.template, *spec.variants.values()):
            translated = RU.pgettext(code, template)
            assert translated != template, f"{code}: {template!r} has no Russian"


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, "0 замечаний"), (1, "1 замечание"), (2, "2 замечания"), (4, "4 замечания"),
     (5, "5 замечаний"), (11, "11 замечаний"), (12, "12 замечаний"), (21, "21 замечание"),
     (22, "22 замечания"), (111, "111 замечаний")],
)  # fmt: skip
def test_russian_counts_take_the_three_plural_forms(n, expected):
    assert plural(n, "note", translations=RU) == expected


def test_the_language_is_read_in_gettexts_order():
    assert languages("ru") == ("ru",)
    assert languages(None, {"LANG": "ru_RU.UTF-8"}) == ("ru_RU.UTF-8",)
    assert (
        languages(None, {"LC_MESSAGES": "ru_RU.UTF-8", "LANG": "en_US.UTF-8"})[0] == "ru_RU.UTF-8"
    )
    assert languages(None, {"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "ru_RU.UTF-8"}) == (
        "en_US.UTF-8",
    )
    assert languages(None, {"LANGUAGE": "de:ru", "LANG": "en_US.UTF-8"}) == ("de", "ru")
    assert languages(None, {"LC_ALL": "C.UTF-8", "LANG": "ru_RU.UTF-8"}) == ()
    assert languages(None, {}) == ()
    assert isinstance(translation(("de", "ru")), gettext.GNUTranslations)
    assert not isinstance(translation(("de",)), gettext.GNUTranslations)


def test_lang_ru_prints_the_report_in_russian(capsys):
    code, out, _ = run(capsys, "--lang", "ru", "validate", "--example", "samara")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == (
        "example samara: в порядке: 0 ошибок, 0 предупреждений, 2 замечания (регион RU-SAM)"
    )
    assert lines[1].startswith("  сведения core/target-model-coverage")
    assert (
        lines[2]
        .strip()
        .startswith(
            "запланировано мер целевой модели: 11 из 15; не запланированы: руководитель центра, "
            "соглашение с РМЦ"
        )
    )


def test_lang_ru_translates_the_core_rules_findings(capsys):
    code, out, _ = run(capsys, "--lang", "ru", "validate", "--example", "sverdlovsk")
    assert code == 0
    assert "мероприятие 5: срок не указан; напишите, когда его выполнить" in out
    assert ("мероприятие 13: срок «в течение 2020 года» выходит на 2020-12-31, за пределы "
            "периода плана 2019-09-01 … 2020-08-31") in out  # fmt: skip
    assert out.splitlines()[0] == (
        "example sverdlovsk: в порядке: 0 ошибок, 2 предупреждения, 5 замечаний (регион RU-SVE)"
    )


def test_lang_ru_summary_and_usage_errors(capsys):
    _, out, _ = run(capsys, "--lang", "ru", "summary", "--example", "tambov")
    assert "Мероприятия:   29, 5 разделов\n" in out
    assert "Регион:        RU-TAM\n" in out
    code, _, err = run(capsys, "--lang", "ru", "read")
    assert code == 2
    assert err == "dod-model: error: укажите файл для чтения (FILE) или --example NAME\n"
    with pytest.raises(SystemExit):
        main(["--lang", "ru", "read", "--bogus"])
    assert capsys.readouterr().err.startswith("dod-model: ошибка: unrecognized arguments: --bogus")
    code, _, err = run(capsys, "--lang", "ru")
    assert code == 2
    assert err.splitlines()[-1] == "dod-model: укажите команду; см. `dod-model --help`"


def test_lang_ru_plugins_table(capsys):
    _, out, _ = run(capsys, "--lang", "ru", "plugins")
    head = out.splitlines()[0]
    assert head.split() == ["плагин", "версия", "регионы", "правила"]
    assert "хуки: abbreviations, regions, rules" in out


def test_LANG_ru_in_the_environment_speaks_russian(capsys, monkeypatch):
    monkeypatch.setenv("LANG", "ru_RU.UTF-8")
    _, out, _ = run(capsys, "validate", "--example", "tambov")
    assert out.startswith("example tambov: в порядке: 0 ошибок, 4 предупреждения, 1 замечание ")
    _, out, _ = run(capsys, "--lang", "en", "validate", "--example", "tambov")
    assert out.startswith("example tambov: ok: 0 errors, 4 warnings, 1 note ")


def test_LANG_ru_in_a_child_process(child_env):
    env = {k: v for k, v in child_env.items() if k not in ENVIRONMENT}
    env["LANG"] = "ru_RU.UTF-8"
    env["PYTHONIOENCODING"] = "utf-8"
    done = subprocess.run(
        [sys.executable, "-m", "dod_model", "validate", "--example", "samara"],
        capture_output=True, text=True, encoding="utf-8", env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("example samara: в порядке: 0 ошибок, 0 предупреждений, ")


@pytest.mark.parametrize("lang", ["de", "xx_YY", "", "C"])
def test_an_unknown_language_falls_back_to_english(capsys, lang):
    _, out, _ = run(capsys, "--lang", lang, "validate", "--example", "samara")
    assert out.startswith("example samara: ok: 0 errors, 0 warnings, 2 notes (region RU-SAM)\n")
    assert "plans 11 of the 15 measures of the target model" in out


def test_json_output_stays_english(capsys):
    _, out, _ = run(capsys, "--lang", "ru", "validate", "--json", "--example", "samara")
    assert "plans 11 of the 15 measures" in out
    assert "запланировано" not in out


def test_validate_keeps_english_and_localize_translates_on_request():
    report = validate(examples.load("sverdlovsk"))
    english = [f.message for f in report.findings]
    assert any("has no deadline" in m for m in english)
    russian = dod_model.localize(report, "ru")
    assert [f.message for f in report.findings] == english  # the report itself is unchanged
    assert [(f.code, f.path, f.severity) for f in russian.findings] == [
        (f.code, f.path, f.severity) for f in report.findings
    ]
    by_code = {f.code: f.message for f in russian.findings}
    assert by_code["core/missing-deadline"] == (
        "мероприятие 5: срок не указан; напишите, когда его выполнить"
    )
    assert by_code["core/target-model-coverage"].endswith(
        "план мероприятий, партнёры, медиаплан, навигатор, банк лучших практик, конкурсы и "
        "мероприятия, сертификаты и ПФДО, годовой отчёт"
    )
    # A plugin's message that no template fits stays as its plugin wrote it.
    assert by_code["sverdlovsk/targets"].startswith("activity ")
    assert dod_model.localize(report, "en") is report
    assert dod_model.localize(report, ["de", "ru"]) == russian


@pytest.mark.parametrize(
    ("code", "english", "russian"),
    [
        ("core/missing-deadline", "an unnumbered activity has no deadline; write when it is due",
         "мероприятие без номера: срок не указан; напишите, когда его выполнить"),
        ("core/duplicate-number", "activity number 2.1 is used twice; renumber one of them",
         "номер мероприятия 2.1 встречается дважды; перенумеруйте одно из них"),
        ("core/skipped-number", "numbering skips 2–9 (8 numbers) before activity 10",
         "в нумерации пропущено 2–9 (номеров: 8) перед мероприятием 10"),
        ("core/deadline-outside-period",
         "activity 1: «2030» reaches 2030-01-01, 2030-12-31 and 3 more, outside the plan's period "
         "2020-01-01 … 2024-12-31",
         "мероприятие 1: срок «2030» выходит на 2030-01-01, 2030-12-31 и ещё 3, за пределы "
         "периода плана 2020-01-01 … 2024-12-31"),
        ("registry/bad-row", "p.csv row 4, column age: not a number",
         "p.csv, строка 4, столбец age: not a number"),
        ("registry/bad-row", "p.csv row 4: no name", "p.csv, строка 4: no name"),
        ("core/empty-title", "a message reworded since", "a message reworded since"),
        ("kirov/no-navigator", "activity 1 has no deadline; write when it is due",
         "activity 1 has no deadline; write when it is due"),
    ],
)  # fmt: skip
def test_a_finding_is_translated_from_its_codes_template(code, english, russian):
    finding = Finding(code=code, message=english, severity="warning", path="")
    assert dod_model.localize(finding, "ru").message == russian


def test_a_long_message_is_matched_in_linear_time():
    message = "activity " + "1 has no deadline; " * 20_000 + "x"
    finding = Finding(code="core/missing-deadline", message=message, severity="info", path="")
    assert dod_model.localize(finding, "ru").message == message


def test_the_compiler_check_finds_a_stale_mo(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["compile_messages.py", "--check"])
    with pytest.raises(SystemExit) as done:
        runpy.run_path(str(ROOT / "scripts" / "compile_messages.py"), run_name="__main__")
    assert done.value.code == 0, capsys.readouterr().out
    compiler = _compiler()
    po = tmp_path / "x.po"
    po.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#, fuzzy\nmsgid "a"\nmsgstr "а"\n\nmsgctxt "c"\nmsgid "b"\nmsgstr ""\n"б"\n\n'
        'msgid "c"\nmsgstr ""\n',
        encoding="utf-8",
    )
    catalog = compiler["read_po"](po)
    assert catalog == {b"": b"Content-Type: text/plain; charset=UTF-8\n", b"c\x04b": "б".encode()}
    po.write_text('msgid "a"\nmsgstr "x"\nmsgid "a"\nmsgstr "y"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="given twice"):
        compiler["read_po"](po)
