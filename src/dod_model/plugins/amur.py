"""Built-in plugin ``amur``: Амурская область (RU-AMU).

Its seed is the first-priority plan of its РМЦ, after the federal template: choose and approve
the site, appoint a director, name the coordinating body, approve the regulation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from dod_model.model import Roadmap
from dod_model.plugins._region import Region
from dod_model.plugins._region_plugin import RegionPlugin
from dod_model.validation import RuleContext, rule

CODE = "RU-AMU"
REGION = Region(
    code=CODE,
    name="Амурская область",
    aliases=("Амурской области", "Амурской обл.", "Амурская обл."),
    places=(
        "Благовещенск",
        "Благовещенска",
        "Белогорск",
        "Свободный",
        "Тында",
        "Зея",
        "Шимановск",
        "Райчихинск",
    ),
    navigator="dopportal.amurobl.ru",
    notes="ПФДО since 2020, nominal per municipality.",
)
FOUNDING_STEPS = (
    ("choosing the site", re.compile(r"отбор\w* площадк", re.IGNORECASE)),
    ("approving the site", re.compile(r"утвержд\w* площадк", re.IGNORECASE)),
    (
        "appointing a director",
        re.compile(r"назначени\w* (?:директора|руководителя)", re.IGNORECASE),
    ),
    (
        "naming the coordinating body",
        re.compile(r"координатор|орган\w* исполнительной власти", re.IGNORECASE),
    ),
    ("approving the regulation", re.compile(r"положени\w* о деятельности", re.IGNORECASE)),
)


@rule("amur/founding-steps", severity="warning", applies_to=Roadmap, region=CODE)
def founding_steps(roadmap: Roadmap, context: RuleContext) -> Iterator[tuple[object, str]]:
    """A РМЦ's first steps: choose and approve the site, a director, a coordinator, a regulation."""
    if not roadmap.activities:
        return
    text = "\n".join(
        part for a in roadmap.iter_activities() for part in (a.title, *(s.text for s in a.steps))
    )
    missing = [name for name, pattern in FOUNDING_STEPS if not pattern.search(text)]
    if missing:
        yield roadmap, f"the plan lacks founding steps of a РМЦ: {', '.join(missing)}"


PLUGIN = RegionPlugin(
    REGION,
    rules=(founding_steps,),
)
