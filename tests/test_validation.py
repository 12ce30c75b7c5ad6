"""Validation: core rules, reports, and each region's rules on its seed's own cells."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import attrs
from hypothesis import given, settings

import dod_model
from dod_model import (
    Activity,
    ColumnRole,
    Deadline,
    Finding,
    Period,
    Report,
    Result,
    Roadmap,
    Section,
    Severity,
    examples,
    rule,
    text,
    validate,
)
from dod_model.model import Step
from dod_model.plugins import get_plugin_manager
from dod_model.registry import (
    AgeRange,
    Certificate,
    CertificateKind,
    CertificateRegistry,
    Enrolment,
    Orientation,
    Programme,
    ProgrammeRegistry,
)
from dod_model.testing import resolve_pointer
from dod_model.testing import strategies as dst

PLUGINS = get_plugin_manager(entry_points=False)
COLUMNS = (ColumnRole.NUMBER, ColumnRole.TITLE, ColumnRole.DEADLINE, ColumnRole.RESULT,
           ColumnRole.RESPONSIBLE)  # fmt: skip


def check(document: object, **kwargs) -> Report:
    return validate(document, plugins=PLUGINS, **kwargs)


def found(report: Report, code: str) -> list[Finding]:
    return [f for f in report.findings if f.code == code]


def activity(number: str, title: str = "Создание МОЦ", deadline: str = "октябрь 2019 года",
             results: tuple[str, ...] = ("Положение",), section: str | None = None,
             period: Period | None = None) -> Activity:  # fmt: skip
    return Activity(number=number, title=title, deadline=Deadline.parse(deadline, period),
                    results=tuple(Result.parse(r) for r in results), section=section)  # fmt: skip


# --- core rules ---------------------------------------------------------------------------------


def test_a_clean_roadmap_has_only_the_coverage_note():
    roadmap = Roadmap(title="t", columns=COLUMNS, unsectioned=(activity("1"), activity("2")))
    report = check(roadmap)
    assert report.codes() == ("core/target-model-coverage",)
    assert report.ok


def test_missing_and_unparsed_deadlines():
    roadmap = Roadmap(
        title="t",
        columns=COLUMNS,
        unsectioned=(activity("1", deadline=""), activity("2", deadline="10 ноября X 1 года")),
    )
    report = check(roadmap)
    (missing,) = found(report, "core/missing-deadline")
    assert (missing.path, missing.severity) == ("/unsectioned/0", Severity.WARNING)
    (unparsed,) = found(report, "core/unparsed-deadline")
    assert unparsed.path == "/unsectioned/1/deadline"
    assert "«10 ноября X 1 года»" in unparsed.message


def test_a_table_without_a_deadline_column_gets_one_finding():
    roadmap = Roadmap(
        title="t",
        columns=(ColumnRole.NUMBER, ColumnRole.TITLE, ColumnRole.RESULT),
        unsectioned=(activity("1", deadline=""), activity("2", deadline="")),
    )
    (finding,) = found(check(roadmap), "core/missing-deadline")
    assert finding.path == ""
    assert "none of its 2 activities" in finding.message


def test_numbering_duplicates_gaps_and_misplaced_numbers():
    section = Section(
        number="1",
        title="s",
        activities=(
            activity("1.1", section="1"),
            activity("1.2", section="1"),
            activity("1.2", section="1"),
            activity("1.5", section="1"),
            activity("2.1", section="1"),
        ),
    )
    report = check(Roadmap(title="t", columns=COLUMNS, sections=(section,)))
    assert [f.path for f in found(report, "core/duplicate-number")] == ["/sections/0/activities/2"]
    (gap,) = found(report, "core/skipped-number")
    assert gap.message == "numbering skips 1.3, 1.4 before activity 1.5"
    (misplaced,) = found(report, "core/number-outside-section")
    assert misplaced.path == "/sections/0/activities/4"


def test_empty_titles_are_errors_and_results_are_checked_only_with_a_result_column():
    roadmap = Roadmap(
        title="t",
        columns=COLUMNS,
        unsectioned=(activity("1", title="  "), activity("2", results=())),
    )
    report = check(roadmap)
    assert not report.ok
    assert [f.path for f in found(report, "core/empty-title")] == ["/unsectioned/0"]
    assert [f.path for f in found(report, "core/missing-result")] == ["/unsectioned/1"]
    without = attrs.evolve(roadmap, columns=(ColumnRole.NUMBER, ColumnRole.TITLE))
    assert found(check(without), "core/missing-result") == []


def test_target_model_coverage_lists_what_is_not_planned():
    roadmap = Roadmap(
        title="t",
        unsectioned=(
            activity("1", title="Создание МОЦ, утверждение положения, назначение руководителя"),
            activity("2", title="Организация работы по наполнению навигатора"),
        ),
    )
    (note,) = found(check(roadmap), "core/target-model-coverage")
    assert note.severity is Severity.INFO
    assert note.message.startswith("plans 3 of the 15 measures of the target model; not planned:")
    assert "annual report" in note.message
    assert "navigator" not in note.message.split("not planned:")[1]


def test_a_failing_rule_is_reported_and_the_others_still_run(dod_plugins):
    @rule("mine/broken", severity="error", applies_to=Roadmap)
    def broken(roadmap, context):
        raise ZeroDivisionError("division by zero")
        yield

    module = type("M", (), {})()
    module.dod_register_rules = dod_model.hookimpl(lambda register: register(broken))
    dod_plugins.register(module, "mine")
    report = validate(Roadmap(title="t", unsectioned=(activity("1", title=""),)),
                      plugins=dod_plugins)  # fmt: skip
    (failed,) = found(report, "core/rule-failed")
    assert failed.message.startswith("rule mine/broken (plugin mine) failed")
    assert found(report, "core/empty-title")


def test_reports_group_count_and_dump():
    roadmap = Roadmap(
        title="t",
        columns=COLUMNS,
        unsectioned=tuple(activity(str(n), deadline="") for n in (1, 2, 3)),
    )
    report = check(roadmap)
    (group,) = [g for g in report.groups() if g.code == "core/missing-deadline"]
    assert (group.count, group.paths) == (3, ("/unsectioned/0", "/unsectioned/1", "/unsectioned/2"))
    assert report.counts() == {"error": 0, "warning": 3, "info": 1}
    assert report.library == dod_model.__version__
    assert report.schema_version == dod_model.codec.SCHEMA_VERSION
    assert {p.name for p in report.plugins} >= {"core", "samara"}
    assert dod_model.loads(dod_model.dumps(report), Report) == report
    assert json.loads(dod_model.dumps(report))["findings"][0]["severity"] in ("warning", "info")


def test_findings_come_in_document_order():
    roadmap = Roadmap(
        title="t",
        columns=COLUMNS,
        unsectioned=(
            activity("1", title=""),
            activity("2", deadline=""),
            activity("4", deadline=""),
        ),
    )
    paths = [f.path for f in check(roadmap).findings]
    assert paths == sorted(paths, key=lambda p: (len(p.split("/")) > 1, p))


@settings(max_examples=40, deadline=None)
@given(dst.roadmaps())
def test_every_finding_points_into_the_dumped_document(roadmap):
    data = json.loads(dod_model.dumps(roadmap))
    for finding in check(roadmap).findings:
        resolve_pointer(data, finding.path)
        assert finding.code != "core/rule-failed", finding.message


# --- registries ---------------------------------------------------------------------------------


def test_certificate_rules():
    registry = CertificateRegistry(region="RU-SAM", certificates=(
        Certificate(number="0123456789", holder_birth_date=dt.date(2015, 5, 1),
                    issued=dt.date(2020, 9, 1)),
        Certificate(number="012345678", kind=CertificateKind.PERSONIFIED_FINANCING),
        Certificate(number="0123456789", holder_birth_date=dt.date(2000, 1, 1),
                    issued=dt.date(2020, 9, 1), kind=CertificateKind.SOCIAL,
                    nominal=Decimal("5000.00")),
    ), enrolments=(
        Enrolment(certificate="0123456789", programme="7", start=dt.date(2020, 9, 1)),
    ))  # fmt: skip
    report = check(registry)
    assert [f.path for f in found(report, "core/certificate-number")] == ["/certificates/1"]
    assert [f.path for f in found(report, "core/nominal-missing")] == ["/certificates/1"]
    assert [f.path for f in found(report, "core/duplicate-certificate")] == ["/certificates/2"]
    (age,) = found(report, "core/certificate-age")
    assert age.message == ("certificate 0123456789 was issued to a child of 20, outside the ages "
                           "5–18")  # fmt: skip
    assert found(report, "core/enrolment-age") == []  # the first holder was 5 then
    assert not report.ok


def test_a_region_may_narrow_the_certificate_ages(dod_plugins):
    kirov = dod_model.Region(code="RU-KIR", name="Кировская область",
                             certificate_ages=AgeRange(5, 17))  # fmt: skip
    module = type("M", (), {})()
    module.dod_register_regions = dod_model.hookimpl(lambda register: register(kirov))
    dod_plugins.register(module, "kirov")
    registry = CertificateRegistry(region="RU-KIR", certificates=(
        Certificate(number="0123456789", holder_birth_date=dt.date(2002, 1, 1),
                    issued=dt.date(2020, 1, 2)),))  # fmt: skip
    assert found(validate(registry, plugins=dod_plugins), "core/certificate-age")
    assert not found(check(attrs.evolve(registry, region="RU-SAM")), "core/certificate-age")


def test_programme_rules():
    registry = ProgrammeRegistry(programmes=(
        Programme(id="1", title="Робототехника", orientation=Orientation.TECHNICAL,
                  ages=AgeRange(7, 14)),
        Programme(id="2", title="Кружок", ages=AgeRange(18, 5)),
    ))  # fmt: skip
    report = check(registry)
    assert [f.path for f in found(report, "core/programme-orientation")] == ["/programmes/1"]
    assert [f.path for f in found(report, "core/programme-ages")] == ["/programmes/1"]


# --- the regions, on their seeds' own cells -----------------------------------------------------

SAMARA_RESULT = ("Распоряжения МОиН СО от 28.06.2019г № 592-р, от 22.07.2019г. № 637-р. "
                 "Муниципальные НПА. Реестр ОЦ (http://rmc.pioner-samara.ru/index.php/opornye-"
                 "tsentry-dopolnitelnogo-obrazovaniya-detej)")  # fmt: skip


def test_samara_without_a_responsible_column(seeds):
    assert SAMARA_RESULT in (seeds / "samara-oc-roadmap-2019.txt").read_text(encoding="utf-8")
    roadmap = Roadmap(
        title="Дорожная карта по созданию и функционированию опорных центров дополнительного "
        "образования детей в Самарской области",
        region="RU-SAM",
        columns=(ColumnRole.NUMBER, ColumnRole.TITLE, ColumnRole.RESULT, ColumnRole.DEADLINE),
        unsectioned=(
            activity("1", results=(SAMARA_RESULT,), deadline="Июнь-июль 2019"),
            activity("2", results=("Локальный акт ОО", "приказ министерства № 12"),
                     deadline="До 5 августа 2019"),
        ),
    )  # fmt: skip
    report = check(roadmap)
    (note,) = found(report, "samara/no-responsible")
    assert (note.severity, note.path) == (Severity.INFO, "")
    assert "answers for each of its 2 activities" in note.message
    (act,) = found(report, "samara/act-details")
    assert act.path == "/unsectioned/1/results/1/acts/0"
    assert "lacks its date" in act.message
    assert all(a.responsible == () for a in roadmap.activities)


TAMBOV_CELLS = {
    "1.1": "01.07.2020\n01.07.2021\n01.07.2022\n01.07.2023\n01.07.2024",
    "3.7": "01.01.2020 -31.12.2024\n(1 раз в год на муниципальном уровне)\n(1-2 раза в месяц на "
    "внутриучрежденческом уровне)\n",
    "5.1": "31.12.2021\n31.12.2023\n\n",
    "5.2": "31.12.2021\n31.12.2022\n31.12.2023\n31.12.2024",
}


def test_tambov_yearly_activities_cover_every_year(seeds):
    seed = (seeds / "tambov-target-model-roadmap-2020-2024.txt").read_text(encoding="utf-8")
    assert all(cell in seed for cell in TAMBOV_CELLS.values())
    activities = [Activity(number=n, title="Мероприятие", deadline=Deadline.parse(cell),
                           section=n[0]) for n, cell in TAMBOV_CELLS.items()]  # fmt: skip
    sections = tuple(Section(number=s, title="Раздел", activities=tuple(
        a for a in activities if a.section == s)) for s in ("1", "3", "5"))  # fmt: skip
    roadmap = Roadmap(title="ДОРОЖНАЯ КАРТА", region="RU-TAM", sections=sections)
    report = check(roadmap)
    messages = {f.path: f.message for f in found(report, "tambov/year-not-covered")}
    assert messages == {
        "/sections/2/activities/0/deadline": "activity 5.1 recurs (2021, 2023) but lists no date "
        "in 2020, 2022, 2024 of the plan's 2020–2024",
        "/sections/2/activities/1/deadline": "activity 5.2 recurs (2021, 2022, 2023, 2024) but "
        "lists no date in 2020 of the plan's 2020–2024",
    }


def test_ulyanovsk_approval_and_agreement_with_the_rmc():
    roadmap = examples.load("ulyanovsk-cherdakly-2019")
    report = check(roadmap)
    assert not [c for c in report.codes() if c.startswith("ulyanovsk/")]
    without = attrs.evolve(roadmap, approval=None, unsectioned=tuple(
        a for a in roadmap.unsectioned if a.number != "4"))  # fmt: skip
    report = check(without)
    assert found(report, "ulyanovsk/approval")[0].path == ""
    assert found(report, "ulyanovsk/rmc-agreement")[0].message == (
        "no activity plans an agreement between the МОЦ and the РМЦ"
    )
    blank = attrs.evolve(roadmap, approval=text.find_legal_acts(
        "приказом отдела образования от ______________№_______")[0])  # fmt: skip
    assert found(check(blank), "ulyanovsk/approval")[0].path == "/approval"


def test_amur_first_steps(seeds):
    seed = (seeds / "amur-rmc-first-steps-plan.txt").read_text(encoding="utf-8")
    first = seed.split("\n1. | ")[1].split(" | ")[0]
    roadmap = Roadmap(
        title="ПЛАН ПЕРВООЧЕРЕДНЫХ ДЕЙСТВИЙ ПО СОЗДАНИЮ РЕГИОНАЛЬНОГО МОДЕЛЬНОГО ЦЕНТРА",
        region="RU-AMU",
        columns=(ColumnRole.NUMBER, ColumnRole.TITLE, ColumnRole.RESULT),
        unsectioned=(Activity(number="1", title=first, steps=text.find_steps(first)),
                     Activity(number="2", title="Утверждение плана деятельности РМЦ")),
    )  # fmt: skip
    report = check(roadmap)
    assert found(report, "amur/founding-steps") == []
    (no_deadlines,) = found(report, "core/missing-deadline")
    assert no_deadlines.severity is Severity.WARNING
    partial = attrs.evolve(
        roadmap,
        unsectioned=(
            Activity(number="1", title="Отбор площадки для РМЦ", steps=(Step("1", "Отбор"),)),
        ),
    )
    (missing,) = found(check(partial), "amur/founding-steps")
    assert missing.message == (
        "the plan lacks founding steps of a РМЦ: approving the site, appointing a director, "
        "naming the coordinating body, approving the regulation"
    )


SVERDLOVSK_ROWS = [
    ("11", "Участие в апробации и внедрении дополнительных общеобразовательных программ в "
     "сетевой форме (ознакомительный, базовый, продвинутый уровни)", "январь – май 2020 года",
     "Апробировано и внедрено не менее 6 типов общеобразовательных программ в сетевой форме"),
    ("13", "Апробация и внедрение дистанционных курсов по дополнительным общеобразовательным "
     "программам", "в течение 2020 года", "Внедрены дистанционные курсы не менее чем по 14 "
     "дополнительным общеобразовательным программам, за исключением физкультурно-спортивной "
     "направленности"),
    ("14", "Организация участия обучающихся Екатеринбурга в заочных и ежегодных школах по "
     "дополнительным общеобразовательным программам", "по отдельному графику",
     "Организовано участие в 3 школах для обучающихся по дополнительным общеобразовательным "
     "программам"),
]  # fmt: skip


def test_sverdlovsk_school_year_and_targets(seeds):
    seed = (seeds / "sverdlovsk-ekaterinburg-moc-plan-2019-2020.txt").read_text(encoding="utf-8")
    title = "ПЛАН мероприятий ... на 2019/2020 учебный год"
    period = text.plan_period(title)
    activities = []
    for number, title_cell, deadline, result in SVERDLOVSK_ROWS:
        assert f"{number}.\t{title_cell}\t" in seed
        assert deadline in seed
        assert result in seed
        activities.append(activity(number, title_cell, deadline, (result,), period=period))
    roadmap = Roadmap(title=title, region="RU-SVE", period=period, columns=COLUMNS,
                      unsectioned=tuple(activities))  # fmt: skip
    report = check(roadmap)
    (outside,) = found(report, "core/deadline-outside-period")
    assert outside.path == "/unsectioned/1/deadline"
    assert outside.message == (
        "activity 13: «в течение 2020 года» reaches 2020-12-31, outside the plan's period "
        "2019-09-01 … 2020-08-31"
    )
    targets = found(report, "sverdlovsk/targets")
    assert [f.message for f in targets] == [
        "activity 11 sets a target: не менее 6 типов общеобразовательных программ в сетевой форме",
        "activity 13 sets a target: не менее 14 дополнительным общеобразовательным программам",
        "activity 14 sets a target: ровно 3 школах для обучающихся по дополнительным "
        "общеобразовательным программам",
    ]
    assert targets[0].path == "/unsectioned/0/results/0/targets/0"


def test_the_region_to_check_can_be_forced():
    roadmap = Roadmap(title="t", unsectioned=(activity("1"),))
    assert check(roadmap).region is None
    assert "samara/no-responsible" in check(roadmap, region="RU-SAM").codes()


def test_coverage_of_the_tambov_target_model_roadmap():
    (note,) = found(check(examples.load("tambov")), "core/target-model-coverage")
    planned = note.message.split(";")[0]
    assert planned == "plans 8 of the 15 measures of the target model"
    assert "staff training" not in note.message  # «Организация стажировок педагогических …»


def test_one_constructor_makes_every_report():
    late = Finding(code="mine/late", message="late", severity="warning", path="/unsectioned/0")
    note = Finding(code="mine/note", message="a note", severity="info", path="")
    bad = Finding(code="mine/bad", message="bad", severity="error", path="")
    kept = Report.build([late, note, bad], region="RU-KIR", plugins={"b": None, "a": "1.0"})
    assert kept.findings == (late, note, bad)  # no order: as given, as a stream reads them
    assert (kept.region, kept.library, kept.schema_version) == (
        "RU-KIR", dod_model.__version__, dod_model.codec.SCHEMA_VERSION)  # fmt: skip
    assert [(p.name, p.version) for p in kept.plugins] == [("b", None), ("a", "1.0")]
    ordered = Report.build([late, note, bad], order=len)
    assert ordered.findings == (bad, note, late)  # the document first, the gravest first
    assert Report.build(()) == Report(library=dod_model.__version__,
                                      schema_version=dod_model.codec.SCHEMA_VERSION)  # fmt: skip
    # validate() makes its report so: the plugins' versions, in document order.
    roadmap = Roadmap(title="t", columns=COLUMNS, unsectioned=(activity("1", title=""),))
    report = check(roadmap)
    context = dod_model.RuleContext(roadmap, None, text.core_glossary())
    rebuilt = Report.build(report.findings[::-1], plugins=PLUGINS.versions(), order=context.order)
    assert rebuilt == report
