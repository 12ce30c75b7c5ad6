"""The bundled examples are faithful to the seed documents they were built from."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

import pytest

import dod_model
from dod_model import Deadline, DeadlineKind, examples, text

SEED_OF = {"ulyanovsk-cherdakly-2019": "ulyanovsk-cherdakly-moc-roadmap-2019.txt"}


DOCUMENTS = {
    "amur": "amur-rmc-first-steps-plan.txt",
    "samara": "samara-oc-roadmap-2019.txt",
    "sverdlovsk": "sverdlovsk-ekaterinburg-moc-plan-2019-2020.txt",
    "tambov": "tambov-target-model-roadmap-2020-2024.txt",
    "ulyanovsk": "ulyanovsk-cherdakly-moc-roadmap-2019.txt",
}
# SHA-256 of each text export as our users sent it: the bundled copies must stay those bytes.
RECEIVED = {
    "amur": "bbf911121e05c176fb6115cd4de6317317e37d84c391cc23e0880c644ba8a46f",
    "samara": "06eaeebbedd686f07a7092f3dede0a7e73645c5c704b9b6e491fcdb70a9e8122",
    "sverdlovsk": "d22f35cf01fe40d9057ee62e3e2ed947e1666f43c398f68b963aa8780c3f1167",
    "tambov": "036fe37881aa94f3ad8b5aa753403956471f2df64d018d1f97a8ab0b73f4aab3",
    "ulyanovsk": "e31098cabe466327d9eed25c373af2206140da4854f03ec8fe73d23a655babc5",
}


def test_every_example_is_listed_and_loads():
    texts = {f"{name}-text" for name in DOCUMENTS}
    assert examples.names() == tuple(sorted({*SEED_OF, *DOCUMENTS, *texts}))
    assert examples.documents() == tuple(sorted({*DOCUMENTS, *texts}))
    for name in SEED_OF:
        assert dod_model.loads(examples.text(name)) == examples.load(name)
    for name in examples.names():
        assert examples.load(name).activities


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_bundled_documents_are_the_seeds(seeds, name):
    text = f"{name}-text"
    assert hashlib.sha256(examples.path(text).read_bytes()).hexdigest() == RECEIVED[name]
    assert examples.load(text) == dod_model.read(seeds / DOCUMENTS[name])
    word, seed = examples.load(name), examples.load(text)
    assert word.source.format == "docx"
    assert len(word.activities) == len(seed.activities)
    assert [a.deadline for a in word.activities] == [a.deadline for a in seed.activities]
    assert word.title == seed.title


def test_unknown_example_names_the_ones_there_are():
    with pytest.raises(KeyError, match="there are: amur, amur-text, samara"):
        examples.load("nowhere")


@pytest.mark.parametrize("name", sorted(SEED_OF))
def test_example_records_its_seed_and_every_line_it_cites(name, seeds):
    roadmap = examples.load(name)
    seed = seeds / SEED_OF[name]
    raw = seed.read_bytes()
    assert roadmap.source.name == seed.name
    assert roadmap.source.sha256 == hashlib.sha256(raw).hexdigest()
    lines = raw.decode("utf-8").splitlines()
    for activity in roadmap.activities:
        line = lines[activity.provenance.line - 1]
        cells = line.split("\t")
        assert cells[0] == activity.number
        assert " ".join(cells[1].split()) == activity.title
        assert cells[2] == activity.deadline.text


def test_ulyanovsk_example_as_read_by_a_person(seeds):
    roadmap = examples.load("ulyanovsk-cherdakly-2019")
    text = (seeds / SEED_OF["ulyanovsk-cherdakly-2019"]).read_text(encoding="utf-8")
    numbered = re.findall(r"^(\d+)\t", text, flags=re.MULTILINE)
    assert [a.number for a in roadmap.activities] == numbered == [str(i) for i in range(1, 17)]
    assert roadmap.region == "RU-ULY"
    assert roadmap.sections == ()
    assert roadmap.approval.date == dt.date(2019, 4, 2)
    assert roadmap.approval.number == "175"
    assert roadmap.approval.text in " ".join(text.split())
    # Row 10's responsible cell is split across a page break in the export: both parties kept.
    assert [p.name for p in roadmap.activity("10").responsible] == [
        "Управление образования МО",
        "МОЦ",
    ]
    first = roadmap.activity("1").deadline
    assert (first.kind, first.start, first.end) == (
        DeadlineKind.PERIOD,
        dt.date(2019, 4, 1),
        dt.date(2019, 4, 30),
    )
    quarterly = roadmap.activity("7").deadline
    assert quarterly.recurrence is dod_model.Recurrence.QUARTERLY
    assert {a.deadline.kind for a in roadmap.activities} == {
        DeadlineKind.PERIOD,
        DeadlineKind.PERIODIC,
        DeadlineKind.WITHIN_YEAR,
    }
    assert {g.short for g in roadmap.glossary} == {"МОЦ", "РМЦ"}


def test_ulyanovsk_example_agrees_with_the_text_semantics(seeds):
    """The hand-built example and the parsers, each written independently, say the same."""
    roadmap = examples.load("ulyanovsk-cherdakly-2019")
    raw = (seeds / SEED_OF["ulyanovsk-cherdakly-2019"]).read_text(encoding="utf-8")
    lines = raw.splitlines()
    for activity in roadmap.activities:
        cells = lines[activity.provenance.line - 1].split("\t")
        responsible = cells[3]
        if activity.number == "10":  # the row goes on after a page break
            responsible += "\n" + lines[activity.provenance.line + 1]
        assert Deadline.parse(cells[2], roadmap.period) == activity.deadline
        assert text.split_parties(responsible) == activity.responsible
    assert text.plan_kind(roadmap.title) is roadmap.kind
    approval_block = raw.split("План мероприятий")[0]
    assert text.find_legal_acts(approval_block) == (roadmap.approval,)
    assert text.find_definitions(raw) == roadmap.glossary
    centres = text.find_centres([roadmap.title, raw], region="RU-ULY",
                                municipality="Чердаклинский район")  # fmt: skip
    assert centres == roadmap.centres
    dated = text.period_from_deadlines(a.deadline for a in roadmap.activities)
    assert dated == roadmap.period
