"""Built-in plugin ``samara``: Самарская область (RU-SAM).

Its seed is a roadmap of опорные центры (ОЦ) with no responsible column: each ОЦ answers for
every activity itself. Its results cite the ministry's directives by date and number.
"""

from __future__ import annotations

from collections.abc import Iterator

from dod_model._host import RegionPlugin
from dod_model.model import Activity, ColumnRole, Region, Roadmap
from dod_model.validation import RuleContext, rule

CODE = "RU-SAM"
REGION = Region(
    code=CODE,
    name="Самарская область",
    aliases=("Самарской области", "Самарской обл.", "Самарская обл.", "Самарскую область"),
    places=(
        "Самара",
        "Самары",
        "Самаре",
        "Тольятти",
        "Сызрань",
        "Сызрани",
        "Новокуйбышевск",
        "Чапаевск",
        "Отрадный",
        "Жигулёвск",
        "Кинель",
        "Похвистнево",
    ),
    navigator="navigator.asurso.ru",
    model_centre="РМЦ Самарской области (rmc.pioner-samara.ru)",
)
ABBREVIATIONS = {
    "МОиН СО": "министерство образования и науки Самарской области",
    "ТУ (ДО)": "территориальное управление (департамент образования) министерства образования "
    "и науки Самарской области",
}


@rule("samara/no-responsible", severity="info", applies_to=Roadmap, since="0.1.0")
def no_responsible(roadmap: Roadmap, context: RuleContext) -> Iterator[tuple[object, str]]:
    """Without a responsible column, the centre itself answers for every activity."""
    no_column = bool(roadmap.columns) and ColumnRole.RESPONSIBLE not in roadmap.columns
    if no_column or not any(a.responsible for a in roadmap.iter_activities()):
        yield (
            roadmap,
            (
                f"the document names no responsible bodies: the опорный центр itself answers for "
                f"each of its {len(roadmap.activities)} activities"
            ),
        )


@rule("samara/act-details", severity="warning", applies_to=Activity, since="0.1.0")
def act_details(activity: Activity, context: RuleContext) -> Iterator[tuple[object, str]]:
    """Legal acts cited in results carry a date and a number."""
    for r, result in enumerate(activity.results):
        for a, act in enumerate(result.acts):
            missing = [w for w, v in (("date", act.date), ("number", act.number)) if v is None]
            if missing:
                yield (
                    (activity, f"results/{r}/acts/{a}"),
                    (
                        f"activity {activity.number}: «{act.text}» lacks its "
                        f"{' and '.join(missing)}; cite the act in full"
                    ),
                )


PLUGIN = RegionPlugin(
    REGION,
    abbreviations=ABBREVIATIONS,
    rules=(
        no_responsible,
        act_details,
    ),
)
