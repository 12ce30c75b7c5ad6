"""Speed of region detection on the five seeds: 0.2's detection of five regions against today's
of every subject of the Federation, in the same run.

    python benchmarks/detect_region.py [--loops 50] [--repeat 5]

The texts are those the layout hands to detection when it reads each bundled seed document
(title, notes, cells), recorded during a read. The baseline is detection as it was before the
subjects were known: one trie pattern of the five built-in regions' names and places (copied
below, as it was). The new detection searches the names of all 89 subjects in every case, their
cities and municipalities, also in one pass. Printed: milliseconds per seed and the ratio; the
target is at most 1.5.
"""

from __future__ import annotations

import argparse
import bisect
import collections
import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any
from unittest import mock

from _timing import best

import dod_model
from dod_model import examples
from dod_model.plugins import Plugins, Region, get_plugin_manager
from dod_model.text import fold

# --- the baseline: detection as it was in 0.2 ---------------------------------------------------


@functools.lru_cache(maxsize=16)
def _old_matcher(regions: tuple[Region, ...]) -> tuple[re.Pattern[str], dict[str, tuple[str, int]]]:
    weights: dict[str, tuple[str, int]] = {}
    for region in regions:
        for name in region.names:
            weights.setdefault(fold(name), (region.code, 2))
        for place in region.places:
            weights.setdefault(fold(place), (region.code, 1))
    return re.compile(rf"(?<!\w){_trie(weights)}(?!\w)"), weights


def _trie(words: Iterable[str]) -> str:
    root: dict[str, dict[str, Any]] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, dict[str, Any]]) -> str:
        branches = [
            re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char
        ]
        if not branches:
            return ""
        ends = "" in node
        if len(branches) == 1 and not ends:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if ends else "")

    return f"(?:{pattern(root)})"


def old_detect_region(texts: Iterable[str], regions: Mapping[str, Region]) -> Region | None:
    if not regions:
        return None
    pattern, weights = _old_matcher(tuple(regions.values()))
    counts = collections.Counter(texts)
    joined = "\x00".join(counts)
    if joined.count("\x00") >= len(counts):
        joined = "\x00".join(text.replace("\x00", "\ufffd") for text in counts)
    folded = fold(joined)
    scores: dict[str, int] = {}
    ends: list[int] | None = None
    repeats = list(counts.values())
    for match in pattern.finditer(folded):
        if ends is None:
            ends = [end.start() for end in re.finditer("\x00", folded)]
        code, weight = weights[match[0]]
        times = repeats[bisect.bisect_left(ends, match.start())]
        scores[code] = scores.get(code, 0) + weight * times
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return regions[ranked[0][0]]


# --- the texts ---------------------------------------------------------------------------------


def seed_texts(plugins: Plugins) -> dict[str, list[str]]:
    """What the layout hands to detection for each seed, recorded during a read."""
    found: dict[str, list[str]] = {}
    detect = Plugins.detect_region
    for name in examples.documents():  # the seeds as Word files and as text exports

        def record(self: Plugins, texts: Iterable[str], _name: str = name) -> Region | None:
            found[_name] = list(texts)
            return detect(self, found[_name])

        with mock.patch.object(Plugins, "detect_region", record):
            dod_model.read(examples.path(name), plugins=plugins)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--loops", type=int, default=50, help="detections of each seed a run")
    parser.add_argument("--repeat", type=int, default=5, help="runs; the best is kept")
    args = parser.parse_args()
    plugins = get_plugin_manager(entry_points=False)
    texts = seed_texts(plugins)
    five = plugins.registered_regions()
    every = plugins.regions()
    for name, given in texts.items():  # the same answer, and the matchers built before timing
        old, new = old_detect_region(given, five), plugins.detect_region(given)
        if old is None or new is None or old.code != new.code:
            raise SystemExit(f"{name}: found {old} before and {new} now")
    print(f"{len(texts)} seeds, {sum(len(t) for t in texts.values())} texts; "
          f"{len(five)} regions before, {len(every)} now")  # fmt: skip

    def baseline() -> None:
        for _ in range(args.loops):
            for given in texts.values():
                old_detect_region(given, five)

    def new() -> None:
        for _ in range(args.loops):
            for given in texts.values():
                plugins.detect_region(given)

    per_seed = args.loops * len(texts) / 1000
    before, after = best(baseline, args.repeat), best(new, args.repeat)
    print(f"five regions (0.2):      {before / per_seed:.3f} ms a seed")
    print(f"every subject (0.3):     {after / per_seed:.3f} ms a seed")
    print(f"ratio: {after / before:.2f} (target at most 1.5)")


if __name__ == "__main__":
    main()
