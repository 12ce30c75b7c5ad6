"""Кировская область (RU-KIR) for dod_model: the region, its abbreviations and a rule."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from dod_model import Region, Roadmap, Rule, RuleContext, hookimpl, rule
from dod_model.registry import AgeRange

REGION = Region(
    code="RU-KIR",
    name="Кировская область",
    aliases=("Кировской области", "Кировской обл."),
    places=("Киров", "Кирова", "Кирове", "Слободской", "Котельнич", "Вятские Поляны"),
    certificate_ages=AgeRange(5, 17),
)


@rule("kirov/no-navigator", severity="warning", applies_to=Roadmap, region="RU-KIR")
def no_navigator(roadmap: Roadmap, context: RuleContext) -> Iterator[tuple[object, str]]:
    """A roadmap of the region plans work on the regional navigator."""
    if roadmap.activities and not any(
        "навигатор" in a.title.casefold() for a in roadmap.activities
    ):
        yield roadmap, "the roadmap plans no work on the regional navigator"


@hookimpl
def dod_register_regions(register: Callable[[Region], None]) -> None:
    register(REGION)


@hookimpl
def dod_register_abbreviations(register: Callable[..., None]) -> None:
    register({"МОН КО": "министерство образования Кировской области"}, region="RU-KIR")


@hookimpl
def dod_register_rules(register: Callable[[Rule], None]) -> None:
    register(no_navigator)
