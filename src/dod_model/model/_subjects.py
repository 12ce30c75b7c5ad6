"""The subjects of the Russian Federation, as package data: names in every case, cities.

The data (``data/subjects.json``) is made by ``scripts/generate_regions.py`` with pymorphy3;
reading it needs no morphology library.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import NamedTuple

__all__ = ["SubjectData", "subject_data"]


class SubjectData(NamedTuple):
    """What the data holds of one subject."""

    code: str
    name: str
    capital: str
    names: tuple[str, ...]
    """Its name in the six cases and its short forms, with their cases."""
    places: tuple[str, ...]
    """Its abbreviations, then its cities' forms and the municipalities that name it."""


@functools.cache
def subject_data() -> dict[str, SubjectData]:
    """Every subject by code, as ``data/subjects.json`` holds it (read once)."""
    text = (resources.files("dod_model.model") / "data" / "subjects.json").read_text("utf-8")
    return {
        subject["code"]: SubjectData(
            code=subject["code"],
            name=subject["name"],
            capital=subject["capital"],
            names=tuple(subject["names"]),
            places=(*subject["abbreviations"], *subject["places"]),
        )
        for subject in json.loads(text)["subjects"]
    }
