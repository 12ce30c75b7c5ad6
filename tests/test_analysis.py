"""dod_model.status and dod_model.diff: on the seed roadmaps, and on any roadmap."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dod_model
from dod_model import Activity, Deadline, DeadlineStatus, Party, Roadmap, examples
from dod_model.analysis import TITLE_SIMILARITY, title_similarity
from dod_model.analysis._diff import _similar
from dod_model.testing import strategies as dst
from dod_model.text import fold

SEED_NAMES = ("amur", "samara", "sverdlovsk", "tambov", "ulyanovsk")


def seed(seeds, name):
    (path,) = seeds.glob(f"{name}-*.txt")
    return dod_model.read(path)


def numbers(entries):
    return [entry.activity.number for entry in entries]


# --- status ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SEED_NAMES)
@pytest.mark.parametrize("on", [dt.date(2019, 9, 15), dt.date(2022, 3, 1), dt.date(2030, 1, 1)])
def test_every_activity_is_in_one_group_with_the_deadline_status(seeds, name, on):
    roadmap = seed(seeds, name)
    result = dod_model.status(roadmap, on)
    grouped = [entry for entries in result.groups.values() for entry in entries]
    assert sorted(id(e.activity) for e in grouped) == sorted(id(a) for a in roadmap.activities)
    assert result.later == ()
    for entry in grouped:
        assert entry.status is entry.activity.deadline.status(on, roadmap.period)
        assert entry.due_dates == entry.activity.deadline.due_dates(roadmap.period)


def test_samara_in_mid_september_2019(seeds):
    roadmap = seed(seeds, "samara")
    result = dod_model.status(roadmap, dt.date(2019, 9, 15))
    # «Июнь-июль 2019» (due 31 July) first, then by the date each was due.
    assert numbers(result.overdue) == ["1", "2", "3", "8", "7", "5", "6", "9"]
    assert result.overdue[0].last_due == dt.date(2019, 7, 31)
    assert numbers(result.due) == ["10", "11", "14", "4"]  # «постоянно» has no date: last
    assert result.due[0].next_due == dt.date(2019, 10, 31)
    assert result.due[-1].activity.deadline.text == "постоянно"
    assert numbers(result.upcoming) == ["12", "13", "15"]
    assert result.upcoming[0].opens == dt.date(2019, 10, 1)
    assert result.done == result.unknown == ()


def test_recurring_deadlines_are_expanded(seeds):
    roadmap = seed(seeds, "tambov")
    result = dod_model.status(roadmap, dt.date(2022, 8, 15))
    mobile = next(e for e in result.due if e.activity.number == "1.6")  # «с 01.09.2020 (ежегодно)»
    assert mobile.next_due == dt.date(2022, 9, 1)
    assert mobile.last_due == dt.date(2021, 9, 1)
    assert len(mobile.due_dates) == 5
    # A column of yearly dates: the next one ahead, not the last.
    first = next(e for e in result.due if e.activity.number == "1.1")
    assert (first.last_due, first.next_due) == (dt.date(2022, 7, 1), dt.date(2023, 7, 1))
    quarterly = dod_model.status(seed(seeds, "ulyanovsk"), dt.date(2019, 7, 10))
    media = next(e for e in quarterly.due if e.activity.number == "7")  # «ежеквартально»
    assert media.next_due == dt.date(2019, 9, 30)
    assert media.last_due == dt.date(2019, 6, 30)


def test_a_horizon_moves_far_dates_to_later(seeds):
    roadmap = seed(seeds, "tambov")
    on = dt.date(2022, 3, 1)
    result = dod_model.status(roadmap, on, horizon=92)
    assert all(e.next_due <= on + dt.timedelta(days=92) for e in result.due)
    assert numbers(result.due) == ["1.7", "1.8", "1.10"]  # due 31 May 2022
    assert {e.activity.number for e in result.later} >= {"1.1", "1.9", "3.7"}
    assert all(e.when > on + dt.timedelta(days=92) for e in result.later)
    assert numbers(result.overdue) == numbers(dod_model.status(roadmap, on).overdue)
    with pytest.raises(ValueError, match="cannot be negative"):
        dod_model.status(roadmap, on, horizon=-1)


def test_after_the_plan_nothing_known_is_overdue_and_without_a_period_unknown(seeds):
    result = dod_model.status(seed(seeds, "ulyanovsk"), dt.date(2020, 2, 1))
    assert result.done == ()
    assert len(result.overdue) == 16
    assert all(entry.after_plan_end for entry in result.overdue)
    amur = dod_model.status(seed(seeds, "amur"), dt.date(2020, 2, 1))
    assert len(amur.unknown) == 14  # a first-steps plan without dates


def test_an_empty_deadline_cell_is_unknown_not_due(seeds):
    roadmap = seed(seeds, "sverdlovsk")
    result = dod_model.status(roadmap, dt.date(2019, 10, 15))
    assert "5" in numbers(result.unknown)  # an empty cell
    assert "5" not in numbers(result.due)
    assert all(e.activity.deadline.text.strip() for e in result.due)


def test_overdue_activities_are_dated_by_their_last_due_date_and_sorted_by_it(seeds):
    result = dod_model.status(seed(seeds, "samara"), dt.date(2020, 3, 1))
    assert len(result.overdue) == 15
    assert all(e.when == e.last_due for e in result.overdue)
    assert result.overdue[0].when == dt.date(2019, 7, 31)  # «Июнь-июль 2019»
    dated = [e.when for e in result.overdue if e.when is not None]
    assert dated == sorted(dated)


@pytest.mark.parametrize("horizon", [1, 99_999_999_999])
def test_a_horizon_past_the_last_date_looks_up_to_it(seeds, horizon):
    roadmap = seed(seeds, "tambov")
    assert dod_model.status(roadmap, dt.date.max, horizon=horizon).on == dt.date.max
    far = dod_model.status(roadmap, dt.date(2022, 3, 1), horizon=horizon)
    if horizon > 10_000:
        assert far.later == ()
    with pytest.raises(ValueError, match="horizon"):
        dod_model.status(roadmap, dt.date.max, horizon=-horizon)


# --- diff --------------------------------------------------------------------------------------


def edition(roadmap, activities):
    """The roadmap with these activities, renumbered 1, 2, … as a new edition would be."""
    return attrs.evolve(
        roadmap,
        unsectioned=tuple(
            attrs.evolve(a, number=str(i), section=None) for i, a in enumerate(activities, 1)
        ),
    )


@pytest.mark.parametrize("name", SEED_NAMES)
def test_an_edition_against_itself_is_empty(seeds, name):
    roadmap = seed(seeds, name)
    result = dod_model.diff(roadmap, roadmap)
    assert result.empty
    assert len(result.unchanged) == len(roadmap.activities)
    assert all(change.matched_by == "number" for change in result.matched)


def test_the_word_and_text_renditions_are_one_edition():
    word, text = examples.load("tambov"), examples.load("tambov-text")
    assert dod_model.diff(word, text).empty


def test_a_new_edition_of_samara(seeds):
    old = seed(seeds, "samara")
    activities = list(old.unsectioned)
    activities[1] = attrs.evolve(activities[1], title=activities[1].title + " и их утверждение")
    activities[2] = attrs.evolve(
        activities[2], deadline=Deadline.parse("до 30.08.2019", old.period)
    )
    activities[3] = attrs.evolve(activities[3], responsible=(Party(name="МОиН СО"),))
    dropped = activities.pop(5)
    inserted = Activity(number="", title="Проведение семинара для руководителей ОЦ")
    activities.insert(7, inserted)
    new = edition(old, activities)
    result = dod_model.diff(old, new)
    assert [a.title for a in result.added] == [inserted.title]
    assert result.removed == (dropped,)
    assert [c.new.number for c in result.retitled] == ["2"]
    assert [(c.old.deadline.text, c.new.deadline.text) for c in result.redated] == [
        ("до 15.08.2019", "до 30.08.2019")
    ]
    assert [c.new.responsible for c in result.reassigned] == [(Party(name="МОиН СО"),)]
    # Dropping 6 and inserting at 8 renumbers 7 and 8; their titles pair them up.
    assert [(c.old.number, c.new.number) for c in result.renumbered] == [("7", "6"), ("8", "7")]
    assert result.renumbered[0].matched_by == "title"
    assert not result.empty


def test_a_rewritten_activity_keeps_its_number(seeds):
    old = seed(seeds, "ulyanovsk")
    activities = list(old.unsectioned)
    activities[4] = attrs.evolve(activities[4], title="Совершенно иное мероприятие")
    result = dod_model.diff(old, edition(old, activities))
    (change,) = result.retitled
    assert change.matched_by == "number"
    assert change.similarity < TITLE_SIMILARITY
    assert result.added == result.removed == ()


def test_respelling_and_reordering_are_no_change(seeds):
    old = seed(seeds, "ulyanovsk")
    first = old.unsectioned[1]
    respelt = attrs.evolve(
        first,
        title="  " + first.title.upper() + "\n",
        responsible=tuple(reversed(first.responsible)),
        deadline=attrs.evolve(first.deadline, text=first.deadline.text + " "),
    )
    new = attrs.evolve(old, unsectioned=(old.unsectioned[0], respelt, *old.unsectioned[2:]))
    assert dod_model.diff(old, new).empty


def test_title_similarity_folds_and_ranges():
    assert title_similarity("Создание МОЦ", "создание\nМОЦ") == 1.0
    assert title_similarity("", "") == 1.0
    assert title_similarity("абв", "где") == 0.0
    assert (
        title_similarity("Разработка положения о МОЦ", "Разработка и утверждение положения о МОЦ")
        > 0.6
    )


# --- any roadmap -------------------------------------------------------------------------------


@settings(max_examples=50)  # whole roadmaps, each a status and two diffs
@given(dst.roadmaps(), dst.dates(), st.none() | st.integers(0, 400), st.randoms())
def test_status_and_diff_account_for_every_activity_once(old, on, horizon, random):
    result = dod_model.status(old, on, horizon=horizon)
    grouped = [entry.activity for entries in result.groups.values() for entry in entries]
    assert sorted(map(id, grouped)) == sorted(map(id, old.activities))
    for entry in result.overdue:
        assert entry.status is DeadlineStatus.OVERDUE
        assert entry.last_due < on
    for entry in result.due:
        assert entry.next_due is None or entry.next_due >= on
    # A new edition: some activities dropped, the rest shuffled, renumbered and retitled.
    kept = [a for a in old.activities if random.random() < 0.8]
    random.shuffle(kept)
    kept = [attrs.evolve(a, title=a.title[: random.randint(0, len(a.title))]) for a in kept]
    new = edition(attrs.evolve(old, sections=()), kept)
    changes = dod_model.diff(old, new)
    olds = [c.old for c in changes.matched] + list(changes.removed)
    news = [c.new for c in changes.matched] + list(changes.added)
    assert sorted(map(id, olds)) == sorted(map(id, old.activities))
    assert sorted(map(id, news)) == sorted(map(id, new.activities))
    assert dod_model.diff(old, old).empty


def test_status_and_diff_results_are_frozen(seeds):
    roadmap: Roadmap = seed(seeds, "samara")
    result = dod_model.status(roadmap, dt.date(2019, 9, 1))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        result.on = dt.date(2020, 1, 1)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        dod_model.diff(roadmap, roadmap).added = ()


def test_unnumbered_activities_are_not_paired_by_their_empty_numbers(seeds):
    old = seed(seeds, "samara")

    def unnumbered(*titles):
        return attrs.evolve(
            old, sections=(), unsectioned=tuple(Activity(number="", title=t) for t in titles)
        )

    result = dod_model.diff(
        unnumbered("Создание МОЦ", "Разработка положения о МОЦ"),
        unnumbered("Создание МОЦ", "Проведение муниципального конкурса педагогов"),
    )
    assert [c.new.title for c in result.matched] == ["Создание МОЦ"]
    assert [a.title for a in result.removed] == ["Разработка положения о МОЦ"]
    assert [a.title for a in result.added] == ["Проведение муниципального конкурса педагогов"]
    assert result.retitled == ()


def test_a_longer_plan_period_does_not_redate_ongoing_activities(seeds, tmp_path):
    text = (seeds / "samara-oc-roadmap-2019.txt").read_text(encoding="utf-8")
    row = "16.\tПодведение итогов работы опорного центра\tОтчет\tМарт 2020\tМОЦ\n"
    (tmp_path / "longer.txt").write_text(text.rstrip("\n") + "\n" + row, encoding="utf-8")
    old, new = seed(seeds, "samara"), dod_model.read(tmp_path / "longer.txt")
    assert new.period != old.period  # the new row lengthens the inferred period
    result = dod_model.diff(old, new)
    assert result.redated == ()
    assert [a.number for a in result.added] == ["16"]
    changed = attrs.evolve(
        new.activities[3], deadline=Deadline.parse("по отдельному графику", new.period)
    )
    again = dod_model.diff(old, attrs.evolve(new, sections=(), unsectioned=(changed,)))
    assert [(c.old.deadline.text, c.new.deadline.text) for c in again.redated] == [
        ("постоянно", "по отдельному графику")
    ]


TITLES = st.sampled_from(
    [
        "Разработка положения о МОЦ",
        "Создание муниципального опорного центра дополнительного образования детей",
        "Проведение муниципального конкурса педагогов дополнительного образования",
        "Актуализация нормативных правовых актов, регламентирующих деятельность МОЦ",
        "Обеспечение вовлечения детей из сельской местности в дополнительное образование",
        "Подготовка ежегодного отчета о реализации Федерального проекта",
        "Выявление и продвижение лучших практик реализации дополнительных программ",
        "Организация курсов повышения квалификации педагогов",
    ]
)


EDITS = st.integers(0, 2)  # drop a word, double it, or add one


@st.composite
def edited_titles(draw):
    """A title of the kind roadmaps hold, with some words dropped, doubled or added."""
    words = draw(TITLES).split()
    for _ in range(draw(st.integers(0, 3))):
        k = draw(st.integers(0, len(words) - 1))
        edits = [words[:k] + words[k + 1 :], words[: k + 1] + words[k:], [*words, "и МОЦ"]]
        words = edits[draw(EDITS)] or ["МОЦ"]  # drawn by index: a new sampled_from each time
        # would be built and checked on every draw
    return " ".join(words)


@given(
    st.lists(edited_titles(), min_size=1, max_size=25),
    st.lists(edited_titles(), min_size=1, max_size=25),
)
def test_the_indexed_search_for_similar_titles_finds_what_comparing_all_finds(olds, news):
    old = [Activity(number=str(i), title=t) for i, t in enumerate(olds, 1)]
    new = [Activity(number=str(i + 2), title=t) for i, t in enumerate(news, 1)]
    folded = ([fold(a.title) for a in old], [fold(a.title) for a in new])
    free = (set(range(len(old))), set(range(len(new))))
    every = _similar(old, new, folded, free, TITLE_SIMILARITY, indexed=False)
    indexed = _similar(old, new, folded, free, TITLE_SIMILARITY, indexed=True)
    # The 16 old titles sharing the most rare 3-grams hold every one alike enough.
    assert indexed == every
