"""Comparing roadmaps read from different documents of the same plan."""

from __future__ import annotations

import attrs

from dod_model import Roadmap


def without_positions(roadmap: Roadmap) -> Roadmap:
    """The roadmap without its source and the positions of its rows.

    Two renderings of a plan (a text export and a Word file, a Word file and its export) hold
    the same rows in other places; where they stand is checked on its own.
    """

    def activity(a):
        return attrs.evolve(a, provenance=None)

    sections = tuple(
        attrs.evolve(s, provenance=None, activities=tuple(map(activity, s.activities)))
        for s in roadmap.sections
    )
    return attrs.evolve(roadmap, source=None, sections=sections,
                        unsectioned=tuple(map(activity, roadmap.unsectioned)))  # fmt: skip
