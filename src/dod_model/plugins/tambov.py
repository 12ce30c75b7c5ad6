"""Built-in plugin ``tambov``: Тамбовская область (RU-TAM).

Its seed is a city's target-model roadmap for 2020–2024 whose activities recur yearly, each
year's date listed in a column.
"""

from __future__ import annotations

from collections.abc import Iterator

from dod_model._host import RegionPlugin
from dod_model.model import DeadlineKind, Region, Roadmap
from dod_model.plugins._listing import runs, runs_text
from dod_model.text import period_from_deadlines
from dod_model.validation import RuleContext, rule

CODE = "RU-TAM"
REGION = Region(
    code=CODE,
    name="Тамбовская область",
    aliases=("Тамбовской области", "Тамбовской обл.", "Тамбовская обл."),
    places=(
        "Тамбов",
        "Тамбова",
        "Тамбове",
        "Мичуринск",
        "Моршанск",
        "Котовск",
        "Рассказово",
        "Уварово",
        "Кирсанов",
    ),
    navigator="Программный навигатор дополнительного образования детей Тамбовской области",
    model_centre="ТОГБОУ ДО «Центр развития творчества детей и юношества»",
    notes="The model centre's host is unverified.",
)
ABBREVIATIONS = {
    "ТОГБОУ ДО": "Тамбовское областное государственное бюджетное образовательное учреждение "
    "дополнительного образования",
}


@rule("tambov/year-not-covered", severity="warning", applies_to=Roadmap, since="0.1.0")
def year_not_covered(roadmap: Roadmap, context: RuleContext) -> Iterator[tuple[object, str]]:
    """An activity due every year lists a date in each year of the plan.

    Years are named in runs («2021–2023»), at most twenty, so that a plan «01.01.0001 –
    31.12.9999» costs a message of the size a five-year plan does.
    """
    period = roadmap.period or period_from_deadlines(a.deadline for a in roadmap.activities)
    if period is None:
        return
    for activity in roadmap.iter_activities():
        deadline = activity.deadline
        if deadline.kind is not DeadlineKind.DATES:
            continue
        listed = sorted({d.year for d in deadline.dates})
        missing = _gaps(listed, period.start.year, period.end.year)
        if missing:
            yield (
                (activity, "deadline"),
                (
                    f"activity {activity.number} recurs ({runs_text(runs(listed))}) but lists "
                    f"no date in {runs_text(missing)} of the plan's "
                    f"{period.start.year}–{period.end.year}"
                ),
            )


def _gaps(years: list[int], first: int, last: int) -> list[tuple[int, int]]:
    """The runs of years from ``first`` to ``last`` that ``years`` (sorted, distinct) lack."""
    gaps: list[tuple[int, int]] = []
    expected = first
    for year in years:
        if year > last:
            break
        if year > expected:
            gaps.append((expected, year - 1))
        expected = max(expected, year + 1)
    if expected <= last:
        gaps.append((expected, last))
    return gaps


PLUGIN = RegionPlugin(
    REGION,
    abbreviations=ABBREVIATIONS,
    rules=(year_not_covered,),
)
