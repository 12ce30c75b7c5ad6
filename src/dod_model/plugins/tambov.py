"""Built-in plugin ``tambov``: Тамбовская область (RU-TAM).

Its seed is a city's target-model roadmap for 2020–2024 whose activities recur yearly, each
year's date listed in a column.
"""

from __future__ import annotations

from collections.abc import Iterator

from dod_model._host import RegionPlugin
from dod_model.model import DeadlineKind, Region, Roadmap
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
    """An activity due every year lists a date in each year of the plan."""
    period = roadmap.period or period_from_deadlines(a.deadline for a in roadmap.activities)
    if period is None:
        return
    years = set(period.years)
    for activity in roadmap.iter_activities():
        deadline = activity.deadline
        if deadline.kind is not DeadlineKind.DATES:
            continue
        listed = sorted({d.year for d in deadline.dates})
        missing = sorted(years - set(listed))
        if missing:
            yield (
                f"{context.pointer(activity)}/deadline",
                (
                    f"activity {activity.number} recurs ({', '.join(map(str, listed))}) but lists "
                    "no "
                    f"date in {', '.join(map(str, missing))} of the plan's "
                    f"{period.start.year}–{period.end.year}"
                ),
            )


PLUGIN = RegionPlugin(
    REGION,
    abbreviations=ABBREVIATIONS,
    rules=(year_not_covered,),
)
