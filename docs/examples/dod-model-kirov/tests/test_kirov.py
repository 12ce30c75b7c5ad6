import dod_model_kirov

from dod_model import Activity, Roadmap, validate
from dod_model.testing import check_rule


def test_the_rule_conforms():
    check_rule(dod_model_kirov.no_navigator, region=dod_model_kirov.REGION)


def test_a_roadmap_without_navigator_work_is_reported(dod_plugins):
    dod_plugins.register(dod_model_kirov, "kirov")
    roadmap = Roadmap(
        title="Дорожная карта Кировской области",
        region="RU-KIR",
        unsectioned=(Activity(number="1", title="Создание МОЦ"),),
    )
    report = validate(roadmap, plugins=dod_plugins)
    assert "kirov/no-navigator" in report.codes()
    assert dod_plugins.glossary("RU-KIR").expand("МОН КО").startswith("министерство")
