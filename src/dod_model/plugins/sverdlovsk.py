"""Built-in plugin ``sverdlovsk``: Свердловская область (RU-SVE).

Its seed is Ekaterinburg's plan for its network of МОЦ over the 2019/2020 school year, with
quantitative targets in its results. Deadlines outside the school year are reported by the
core rule ``core/deadline-outside-period``, the plan's period being that school year.
"""

from __future__ import annotations

from collections.abc import Iterator

from dod_model._host import RegionPlugin
from dod_model.model import Activity, Region
from dod_model.validation import RuleContext, rule

CODE = "RU-SVE"
REGION = Region(
    code=CODE,
    name="Свердловская область",
    aliases=("Свердловской области", "Свердловской обл.", "Свердловская обл."),
    places=(
        "Екатеринбург",
        "Екатеринбурга",
        "Екатеринбурге",
        "Нижний Тагил",
        "Каменск-Уральский",
        "Первоуральск",
        "Серов",
        "Новоуральск",
        "Асбест",
    ),
    navigator="66.pfdo.ru until 2021; the regional «Навигатор» since 01.01.2022",
    model_centre="РМЦ, a unit of ГАНОУ СО «Дворец молодёжи»",
)
ABBREVIATIONS = {
    "РМЦ СО": "Региональный модельный центр Свердловской области",
    "ГАНОУ СО": "государственное автономное нетиповое образовательное учреждение Свердловской "
    "области",
}


@rule("sverdlovsk/targets", severity="info", applies_to=Activity, since="0.1.0")
def targets(activity: Activity, context: RuleContext) -> Iterator[tuple[object, str]]:
    """The quantitative targets the plan states, to be measured against the registries."""
    for r, result in enumerate(activity.results):
        for t, target in enumerate(result.targets):
            yield (
                (activity, f"results/{r}/targets/{t}"),
                (
                    f"activity {activity.number} sets a target: {target.comparator.label} "
                    f"{target.value:g} {target.unit}"
                ),
            )


PLUGIN = RegionPlugin(
    REGION,
    abbreviations=ABBREVIATIONS,
    rules=(targets,),
)
