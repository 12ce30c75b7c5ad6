"""Built-in plugin ``ulyanovsk``: Ульяновская область (RU-ULY).

Its seed is the МОЦ creation roadmap of Чердаклинский район, approved by a municipal order.
"""

from __future__ import annotations

from collections.abc import Iterator

from dod_model._host import RegionPlugin
from dod_model.model import Region, Roadmap
from dod_model.plugins._measures import MEASURES, planned_measures
from dod_model.validation import RuleContext, rule

CODE = "RU-ULY"
REGION = Region(
    code=CODE,
    name="Ульяновская область",
    aliases=("Ульяновской области", "Ульяновской обл.", "Ульяновская обл."),
    places=(
        "Ульяновск",
        "Ульяновска",
        "Димитровград",
        "Новоульяновск",
        "Чердаклинский район",
        "Чердаклинского района",
        "Чердаклы",
        "Барыш",
        "Инза",
        "Сенгилей",
    ),
    model_centre="ОГБН ОО «Дворец творчества детей и молодёжи»",
    notes="The model centre's host is unverified.",
)
_AGREEMENT = next(m for m in MEASURES if m.key == "rmc-agreement")


@rule("ulyanovsk/approval", severity="warning", applies_to=Roadmap, since="0.1.0")
def approval(roadmap: Roadmap, context: RuleContext) -> Iterator[tuple[object, str]]:
    """A municipal roadmap is approved by an act with its date and number."""
    act = roadmap.approval
    if act is None:
        yield roadmap, "no approving act was recognised; a МОЦ roadmap is approved by an order"
    elif act.date is None or act.number is None:
        yield act, f"the approving act «{act.text}» lacks its date or number"


@rule("ulyanovsk/rmc-agreement", severity="warning", applies_to=Roadmap, since="0.1.0")
def rmc_agreement(roadmap: Roadmap, context: RuleContext) -> Iterator[tuple[object, str]]:
    """A МОЦ roadmap plans an agreement with the regional model centre."""
    if roadmap.activities and _AGREEMENT not in planned_measures(roadmap):
        yield roadmap, "no activity plans an agreement between the МОЦ and the РМЦ"


PLUGIN = RegionPlugin(
    REGION,
    rules=(
        approval,
        rmc_agreement,
    ),
)
