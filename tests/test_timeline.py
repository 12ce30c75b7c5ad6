"""The timeline (Gantt chart): its rows, and the SVG's bars, labels, colours and today line."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from hypothesis import given, settings
from lxml import etree

import dod_model
from dod_model import examples
from dod_model.analysis import (
    STATUS_COLOURS,
    TimelineExporter,
    render_timeline,
    status,
    timeline_rows,
)
from dod_model.cli import main
from dod_model.model import Activity, Deadline, Period, Roadmap, Section
from dod_model.testing.strategies import roadmaps

pytest.importorskip("matplotlib")

SVG = "{http://www.w3.org/2000/svg}"
SEEDS = ("samara", "tambov", "amur", "sverdlovsk", "ulyanovsk")
DAY = dt.date(2020, 3, 1)


def svg_tree(data: bytes) -> etree._Element:
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))


def group(tree: etree._Element, prefix: str) -> list[etree._Element]:
    return [g for g in tree.iter(f"{SVG}g") if (g.get("id") or "").startswith(prefix)]


def fill_of(element: etree._Element) -> str:
    path = next(element.iter(f"{SVG}path", f"{SVG}use"))
    style = path.get("style") or ""
    fields = dict(part.split(":", 1) for part in style.replace(" ", "").split(";") if ":" in part)
    return fields.get("fill", path.get("fill", ""))


@pytest.fixture(scope="module")
def pictures() -> dict[str, tuple[Roadmap, bytes]]:
    out = {}
    for name in SEEDS:
        roadmap = examples.load(name)
        out[name] = roadmap, render_timeline(roadmap, "svg", today=DAY)
    return out


@pytest.mark.parametrize("name", SEEDS)
def test_one_bar_per_activity_with_a_span_coloured_by_its_status(pictures, name):
    roadmap, data = pictures[name]
    tree = svg_tree(data)
    rows = timeline_rows(roadmap, today=DAY)
    spans = {i for i, row in enumerate(rows) if row.kind == "activity" and row.span}
    bars = group(tree, "bar-")
    assert {int(g.get("id").removeprefix("bar-")) for g in bars} == spans
    groups = {id(e.activity): name for name, es in status(roadmap, DAY).groups.items() for e in es}
    activity_rows = [i for i, row in enumerate(rows) if row.kind == "activity"]
    by_row = dict(zip(activity_rows, roadmap.iter_activities(), strict=True))
    for bar in bars:
        index = int(bar.get("id").removeprefix("bar-"))
        assert fill_of(bar) == STATUS_COLOURS[groups[id(by_row[index])]]


@pytest.mark.parametrize("name", SEEDS)
def test_every_activity_is_labelled_with_its_number(pictures, name):
    roadmap, data = pictures[name]
    tree = svg_tree(data)
    labels = ["".join(g.itertext()).strip() for g in group(tree, "label-")]
    numbers = [a.number for a in roadmap.iter_activities()]
    shown = [label for label in labels if label.split(" ", 1)[0] in set(numbers)]
    assert len(shown) >= len(numbers)
    assert all(len(label) <= 60 for label in labels)
    assert any("…" in label for label in labels)  # long titles are cut, numbers kept


@pytest.mark.parametrize("name", SEEDS)
def test_the_day_and_the_plan_period_are_marked(pictures, name):
    roadmap, data = pictures[name]
    tree = svg_tree(data)
    assert len(group(tree, "today")) == 1
    assert "01.03.2020" in "".join(tree.itertext())
    assert bool(group(tree, "plan-period")) == (roadmap.period is not None)


def test_the_day_inside_the_plan_is_a_line_and_outside_an_arrow(pictures):
    inside = svg_tree(pictures["tambov"][1])  # 2020–2024
    outside = svg_tree(pictures["samara"][1])  # June–December 2019
    assert list(group(inside, "today")[0].iter(f"{SVG}path"))
    assert "→" in "".join(group(outside, "today")[0].itertext())


def test_svg_is_the_same_for_the_same_day():
    roadmap = examples.load("samara")
    assert render_timeline(roadmap, today=DAY) == render_timeline(roadmap, today=DAY)


def test_recurring_dates_are_ticks_on_the_bar_and_lone_dates_diamonds(pictures):
    tree = svg_tree(pictures["tambov"][1])
    assert group(tree, "ticks-")  # 1.6, yearly over its period
    assert len(group(tree, "due-")) > 20


def _big(count: int) -> Roadmap:
    sections = []
    for s in range(1, 11):
        activities = tuple(
            Activity(
                number=f"{s}.{i}",
                title="Организация и проведение мероприятий по внедрению целевой модели " * 2,
                deadline=Deadline.parse(
                    f"{(i % 12) + 1:02d}.{2020 + i % 4}"
                    if i % 3
                    else f"до {(i % 28) + 1:02d}.05.2021"
                ),
                section=str(s),
            )
            for i in range(1, count // 10 + 1)
        )
        sections.append(Section(number=str(s), title=f"Раздел {s}", activities=activities))
    return Roadmap(
        title="Проверка",
        sections=tuple(sections),
        period=Period(dt.date(2020, 1, 1), dt.date(2023, 12, 31)),
    )


def test_two_hundred_activities_get_a_taller_picture_with_rows_as_tall():
    small = svg_tree(render_timeline(examples.load("samara"), today=DAY))
    big = svg_tree(render_timeline(_big(200), today=DAY))
    labels = group(big, "label-")
    assert len(labels) == 210  # 200 activities, 10 sections
    height = float(big.get("height").removesuffix("pt"))
    per_row = height / 210
    assert per_row == pytest.approx(float(small.get("height").removesuffix("pt")) / 16, rel=0.4)


def test_png_and_pdf_are_written_through_write(tmp_path):
    roadmap = examples.load("samara")
    dod_model.write(roadmap, tmp_path / "plan.png")
    dod_model.write(roadmap, tmp_path / "plan.svg")
    dod_model.write(roadmap, tmp_path / "plan.pdf", format="timeline-pdf")
    png = (tmp_path / "plan.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(png) > 10_000
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF-")
    assert svg_tree((tmp_path / "plan.svg").read_bytes()).tag == f"{SVG}svg"
    with pytest.raises(dod_model.DocumentError, match=r"no exporter writes \.pdf"):
        dod_model.write(roadmap, tmp_path / "table.pdf")


def test_the_exporters_are_named_and_claim_their_suffixes():
    assert TimelineExporter("svg").suffixes == (".svg",)
    assert TimelineExporter("png").name == "timeline-png"
    assert TimelineExporter("pdf").suffixes == ()
    stream = io.BytesIO()
    dod_model.write(examples.load("amur"), stream, format="timeline")
    assert svg_tree(stream.getvalue()).tag == f"{SVG}svg"


def test_text_a_font_cannot_draw_does_not_break_the_picture():
    title = "Мероприятие $x$ \x00\ud800 \u2028 <&>"
    roadmap = Roadmap(
        title="T",
        sections=(
            Section(
                number="1",
                title="Раздел",
                activities=(
                    Activity(
                        number="1",
                        title=title,
                        deadline=Deadline.parse("до 01.02.2020"),
                        section="1",
                    ),
                ),
            ),
        ),
    )
    tree = svg_tree(render_timeline(roadmap, today=DAY))
    assert "$x$ <&>" in "".join(tree.itertext())


def test_the_command_draws_many_roadmaps(tmp_path, capsys):
    files = [str(examples.path(name)) for name in ("samara", "tambov")]
    out = tmp_path / "plans.svg"
    assert main(["timeline", *files, "-o", str(out), "--on", "01.03.2020"]) == 0
    tree = svg_tree(out.read_bytes())
    labels = ["".join(g.itertext()).strip() for g in group(tree, "label-")]
    assert labels[0].startswith("Дорожная карта по созданию")  # Samara's, then its rows
    assert any(label.startswith("ДОРОЖНАЯ КАРТА реализации") for label in labels)  # Tambov's
    assert main(["timeline", files[0], "-o", str(tmp_path / "x.gif")]) == 2
    assert "svg, .png or .pdf" in capsys.readouterr().err


@settings(max_examples=8, derandomize=True, deadline=None)
@given(roadmap=roadmaps())
def test_any_roadmap_draws_as_an_svg_with_a_label_per_activity(roadmap):
    # The hostile titles other exporters get (tests/test_encodable_text.py), drawn once each.
    svg = render_timeline(roadmap, "svg", today=dt.date(2020, 9, 1))
    assert svg.startswith(b"<?xml")
    etree.fromstring(svg, etree.XMLParser(huge_tree=True))
