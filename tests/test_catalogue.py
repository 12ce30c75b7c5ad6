"""The catalogue of finding codes: each declared once, documented, and the only ones emitted."""

from __future__ import annotations

import ast
import datetime as dt
import re
import string

import pytest

import dod_model
from dod_model import Finding, PluginError, Roadmap, Severity, examples, hookimpl, rule
from dod_model.plugins import RegionPlugin, get_plugin_manager
from dod_model.registry import Certificate, CertificateRegistry, record_rule
from dod_model.validation import LIBRARY_CODES, FindingCode, catalogue, codes_of

from .conftest import ROOT

PLUGINS = get_plugin_manager(entry_points=False)
CATALOGUE = {spec.code: spec for spec in catalogue(PLUGINS)}
DOCS = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md")))
BUILTIN_NAMESPACES = ("core", "registry", "samara", "tambov", "ulyanovsk", "amur", "sverdlovsk")
_CODE_LITERAL = re.compile(rf"(?:{'|'.join(BUILTIN_NAMESPACES)})/[a-z0-9]+(?:-[a-z0-9]+)*")


def _pattern(template: str) -> str:
    """A regular expression of the messages a template makes: each field any text."""
    parts = []
    for literal, name, _, _ in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name is not None:
            parts.append(".+?")
    return "".join(parts)


def fits(finding: Finding) -> bool:
    """Whether a finding has its declared severity, and a message of its template (or variant)."""
    spec = CATALOGUE[finding.code]
    templates = (spec.template, *spec.variants.values())
    return finding.severity is spec.severity and any(
        re.fullmatch(_pattern(t), finding.message, re.DOTALL) for t in templates
    )


# --- the catalogue ------------------------------------------------------------------------------


def test_the_catalogue_lists_every_code_once_sorted():
    codes = [spec.code for spec in catalogue(PLUGINS)]
    assert codes == sorted(set(codes))
    rule_codes = {r.code for r in PLUGINS.all_rules()}
    assert set(codes) == rule_codes | set(LIBRARY_CODES)
    assert len(rule_codes) == 34  # 10 core roadmap rules, 15 registry rules, 9 regional ones
    assert len(LIBRARY_CODES) == 10
    assert all(
        spec.since in ("0.1.0", "0.2.0", "0.3.0") and spec.description
        for spec in CATALOGUE.values()
    )


def test_every_code_of_the_catalogue_is_documented_with_its_severity():
    # A row of a table on a docs page: | `code` | severity | … |
    rows = dict(re.findall(r"^\| `([^`/]+/[^`]+)` \| (error|warning|info) \|", DOCS, re.MULTILINE))
    undocumented = sorted(set(CATALOGUE) - set(rows))
    assert undocumented == [], "document these codes on a docs/ page (`code`, severity, meaning)"
    wrong = [(code, said) for code, said in rows.items() if CATALOGUE[code].severity.value != said]
    assert wrong == []
    assert sorted(set(rows) - set(CATALOGUE)) == []  # no code documented that is not declared


def test_every_code_written_in_the_library_is_declared():
    package = ROOT / "src" / "dod_model"
    written = {
        node.value
        for path in package.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and _CODE_LITERAL.fullmatch(node.value)
    }
    assert {"registry/bad-row", "core/missing-deadline"} <= written
    assert sorted(written - set(CATALOGUE)) == []


# --- every code emitted is declared, with its severity and the shape of its message ----------


@pytest.fixture
def broken(dod_plugins):
    """Rules that raise, and one of whole registries that cannot be streamed."""

    @rule("kirov/broken", severity="error", applies_to=Roadmap)
    def broken_roadmap(roadmap, context):
        raise ZeroDivisionError("division by zero")
        yield

    @record_rule("kirov/broken-record", severity="error", record=Certificate, stateless=True)
    def broken_record(certificate):
        raise RuntimeError("no")

    @rule("kirov/whole", severity="info", applies_to=CertificateRegistry)
    def whole(registry, context):
        yield from ()

    module = type("M", (), {})()
    module.dod_register_rules = hookimpl(
        lambda register: [register(broken_roadmap), register(broken_record), register(whole)]
    )
    dod_plugins.register(module, "kirov")
    return dod_plugins


def test_every_code_emitted_on_the_examples_is_declared_and_fits_its_template(broken):
    found = [f for name in examples.names() for f in dod_model.validate(examples.load(name))]
    found += dod_model.validate(examples.load("ulyanovsk-cherdakly-2019"), plugins=broken)
    assert "core/rule-failed" in {f.code for f in found}
    assert [f for f in found if f.code not in CATALOGUE or not fits(f)] == []


def test_every_code_emitted_on_messy_registry_files_is_declared_and_fits(tmp_path, broken):
    header = "Номер сертификата;Тип сертификата;Статус сертификата;Дата рождения;Цвет глаз;Регион"
    rows = [
        "6312000001;ПФДО;ПФДО;14.03.2012;синий;Нарния",  # no such region, no nominal
        ";учёта;учёта;14.03.2012;;Нарния",  # no number: skipped
        "6312000003;учёта;учёта;31.02.2012;;Нарния",  # no such day: left empty
        "6312000004;учёта;учёта;01.02.2012;;Нарния;лишнее",  # a cell too many
        "6312000005;учёта",  # too few
        *(f"63{i:07d};учёта;учёта;01.02.2012;;Нарния" for i in range(1002)),  # nine digits
    ]
    path = tmp_path / "c.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    report = dod_model.registry.validate_registry(path, plugins=broken)
    codes = {f.code for f in report}
    assert codes >= set(LIBRARY_CODES), sorted(set(LIBRARY_CODES) - codes)
    assert [f for f in report if f.code not in CATALOGUE or not fits(f)] == []
    variants = {(f.code, f.message.split(": rule ")[0] == "c.csv row 2") for f in report}
    assert ("core/rule-failed", True) in variants


def test_the_declared_messages_are_those_the_library_writes():
    failed = LIBRARY_CODES["core/rule-failed"]
    whole = failed.message(
        None, rule="mine/x", plugin="mine", error_type="ValueError", error=ValueError("bad")
    )
    assert whole == "rule mine/x (plugin mine) failed and its findings are missing: ValueError: bad"
    assert failed.message("record", source="c.csv", row=2, rule="kirov/broken",
                          error_type="RuntimeError", error="no") == (
        "c.csv row 2: rule kirov/broken failed on this record: RuntimeError: no")  # fmt: skip
    assert LIBRARY_CODES["registry/bad-row"].finding(
        path="/certificates", variant="cell", source="c.csv", row=3, column="number",
        problem="empty, and required; the row is skipped") == Finding(
        code="registry/bad-row", severity="error", path="/certificates",
        message="c.csv row 3, column number: empty, and required; the row is skipped")  # fmt: skip


# --- FindingCode --------------------------------------------------------------------------------


def test_a_finding_code_fills_its_template_and_refuses_wrong_fields():
    late = FindingCode(code="kirov/late", severity="warning",
                       template="activity {number} is due by {day:%d.%m.%Y}",
                       variants={"none": "activity {number} has no due day"})  # fmt: skip
    assert late.severity is Severity.WARNING
    assert (late.fields(), late.fields("none")) == ({"number", "day"}, {"number"})
    assert late.finding(path="/unsectioned/0", number="1", day=dt.date(2024, 5, 1)) == Finding(
        code="kirov/late", severity="warning", path="/unsectioned/0",
        message="activity 1 is due by 01.05.2024")  # fmt: skip
    assert late.finding(variant="none", number="2").message == "activity 2 has no due day"
    with pytest.raises(TypeError, match="kirov/late: no day"):
        late.finding(number="1")
    with pytest.raises(TypeError, match="no field colour in its template"):
        late.finding(number="1", day=dt.date(2024, 5, 1), colour="red")
    with pytest.raises(KeyError, match="kirov/late has no variant 'soon'"):
        late.finding(variant="soon", number="1")
    assert late == FindingCode(code="kirov/late", severity="warning", template=late.template,
                               variants=dict(late.variants))  # fmt: skip
    assert hash(late) == hash(attrs_copy(late))


def attrs_copy(code: FindingCode) -> FindingCode:
    return FindingCode(code=code.code, severity=code.severity, template=code.template,
                       variants=dict(code.variants))  # fmt: skip


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"code": "late"}, "not namespaced"),
        ({"code": "kirov/a b"}, "not namespaced"),
        ({"template": "activity {} is late"}, "fields are named"),
        ({"template": "activity {0} is late"}, "fields are named"),
        ({"template": "activity {activity.number} is late"}, "fields are named"),
        ({"template": "{path} is late"}, "nor path or variant"),
        ({"template": "activity {number is late"}, "not a format string"),
        ({"variants": {"x": "{a[0]}"}}, "fields are named"),
    ],
)
def test_a_finding_code_is_namespaced_and_its_templates_have_named_fields(kwargs, message):
    given = {"code": "kirov/late", "severity": "info", **kwargs}
    with pytest.raises(ValueError, match=message):
        FindingCode(**given)


def test_rules_declare_their_codes_and_the_catalogue_takes_every_plugins(dod_plugins):
    @rule("kirov/plan", severity="info", applies_to=Roadmap, since="1.0")
    def plan(roadmap, context):
        """The roadmap plans something."""
        yield from ()

    class Foreign:
        code = "kirov/foreign"
        region = None
        severity = "warning"
        description = "Written by hand."
        codes = ("kirov/foreign-note", FindingCode(code="kirov/foreign-late", severity="error"))

        def check(self, obj, context):
            return ()

    (declared,) = plan.codes
    assert declared == FindingCode(
        code="kirov/plan", severity="info", description="The roadmap plans something.", since="1.0"
    )
    assert [(c.code, c.severity.value, c.description) for c in codes_of(Foreign())] == [
        ("kirov/foreign", "warning", "Written by hand."),
        ("kirov/foreign-late", "error", ""),
        ("kirov/foreign-note", "warning", "Written by hand."),
    ]
    kirov = dod_model.Region(code="RU-KIR", name="Кировская область")
    dod_plugins.register(RegionPlugin(kirov, rules=(plan, Foreign())), "kirov")
    listed = {c.code: c for c in catalogue(dod_plugins)}
    assert {"kirov/plan", "kirov/foreign", "kirov/foreign-note", "kirov/foreign-late"} <= set(
        listed
    )
    assert listed["kirov/plan"] == declared  # a region's rule declares the same code
    assert "core/rule-failed" in listed


def test_a_code_declared_twice_differently_is_an_error_naming_both(dod_plugins):
    class Clash:
        code = "kirov/clash"
        region = None
        severity = "info"
        codes = (FindingCode(code="core/rule-failed", severity="error"),)

        def check(self, obj, context):
            return ()

    module = type("M", (), {})()
    module.dod_register_rules = hookimpl(lambda register: register(Clash()))
    dod_plugins.register(module, "kirov")
    with pytest.raises(PluginError, match=(
            "'core/rule-failed' is declared twice: by dod_model and by rule kirov/clash "
            r"\(plugin kirov\)")):  # fmt: skip
        catalogue(dod_plugins)
