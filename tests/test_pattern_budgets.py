r"""Every regular expression applied to a document's text takes time linear in the text.

A pattern with adjacent or nested quantifiers over the same characters backtracks: ``\s*\.*\s*``
tries each way of sharing a run of spaces out between two runs, ``stem\w*`` scans to the end of
the word from each copy of the stem, four runs of spaces around «(далее» share a run out in
every way there is. «1», 60,000 spaces and «а» in a number cell took 34 s; «(далее» and 400
spaces half a minute.

The patterns are found by walking the package's modules (a new one is audited as soon as it is
written: :data:`MODES` must say how the code applies it), and the inputs that would make each
backtrack are read off its syntax tree: for every repetition, the text that leads up to it and
its item pumped, then a character that fails the match; and the lead-up itself, again and
again, for a search that restarts at every copy. Time is compared at n and 4n in the same run
(linear work gives about 4, quadratic 16), never against a fixed figure.

Patterns rewritten for this are checked against the pattern they replace on generated text:
they find the same matches. Whole documents made of such cells (a Word file of 60,000 spaces
deflated to a few hundred bytes, text exports in each style) are read in under two seconds of
processor time.
"""

from __future__ import annotations

import ast
import functools
import importlib
import inspect
import io
import itertools
import pkgutil
import random
import re
import re._constants as sre  # the syntax tree's node kinds
import re._parser as sre_parse
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import dod_model
from dod_model import DocumentError
from dod_model.importers import _blocks, _text
from dod_model.importers import _rows as _layout_rows
from dod_model.model import _acts, _deadline_grammar, _region, _targets
from dod_model.plugins import get_plugin_manager
from dod_model.plugins._measures import MEASURES
from dod_model.registry import _rows
from dod_model.text import _documents, _glossary, _numbering, core_glossary

PLUGINS = get_plugin_manager(entry_points=False)

# --- the patterns --------------------------------------------------------------------------------

# How the code applies each pattern, by the place it is defined (a prefix of the paths
# :func:`_patterns` gives). A new pattern fails :func:`test_every_pattern_says_how_it_is_applied`
# until it is added here, after a look at its shape.
MODES: dict[str, str] = {
    "dod_model._base._calendar._MONTHS": "match",
    "dod_model._base._folding._SPACES": "sub",
    "dod_model._base._folding._HYPHENATED": "sub",
    "dod_model._contracts._codes._CODE": "fullmatch",
    "dod_model.codec._api._VERSION": "fullmatch",
    "dod_model.codec._api._SURROGATE": "sub",
    "dod_model.codec._converter._ISO_DATE": "fullmatch",
    "dod_model.codec._converter._DECIMAL": "fullmatch",
    "dod_model.exporters._docx._ILLEGAL": "sub",
    "dod_model.exporters._ics._SAFE_NUMBER": "fullmatch",
    "dod_model.exporters._ics._CONTROL": "sub",
    "dod_model.exporters._markdown._INLINE": "sub",
    "dod_model.exporters._markdown._LIST_MARK": "sub",
    "dod_model.exporters._markdown._BREAKS": "split",
    "dod_model.exporters._xlsx_book._FORBIDDEN": "sub",
    "dod_model.exporters._xlsx_book._SPACES": "sub",
    "dod_model.exporters._xlsx_sheet._CONTROL": "sub",
    "dod_model.exporters._xlsx_sheet._CONTROL_ONLY": "sub",
    "dod_model.exporters._xlsx_sheet._NON_CHARACTERS": "sub",
    "dod_model.importers._word_numbering._DECIMAL": "fullmatch",
    "dod_model.importers._word_numbering._PLACEHOLDER": "sub",
    "dod_model.importers._odf_inline._WHITE": "sub",
    "dod_model.importers._odf_lists._PLACEHOLDER": "sub",
    "dod_model.importers._rows.NUMBER": "fullmatch",
    "dod_model.importers._pdf._PAGE_NUMBER": "fullmatch",
    "dod_model.importers._rows._AMENDMENT": "match",
    "dod_model.importers._rows._SUBSECTION": "fullmatch",
    "dod_model.importers._rows._LOOSE_BREAK": "search",
    "dod_model.importers._rows._SPACES": "sub",
    "dod_model.importers._blocks._TITLE_WORDS": "search",
    "dod_model.importers._blocks.NUMBER": "fullmatch",
    "dod_model.importers._blocks._PARTS": "split",
    "dod_model.importers._columns._NUMBERED": "match",
    "dod_model.plugins._roadmap_rules._DEADLINE_ITEMS": "split",
    "dod_model.plugins._roadmap_rules._ITEMS": "split",
    "dod_model.importers._blocks.MUNICIPALITY": "finditer",
    "dod_model.importers._blocks._APPROVAL_END": "search",
    "dod_model.importers._blocks._CONTINUED": "match",
    "dod_model.importers._columns._HYPHENATED_HEADER": "sub",
    "dod_model.text._headers._WORD": "findall",
    "dod_model.importers._text._PIPE": "split",
    "dod_model.importers._shown._ESCAPE": "sub",
    "dod_model.importers._shown._TOKEN": "finditer",
    "dod_model.importers._shown._ELAPSED": "fullmatch",
    "dod_model.importers._html_text._META": "search",
    "dod_model.importers._html_text._XML_DECLARATION": "match",
    "dod_model.importers._html_text._SHORT_TAGS": "match",
    "dod_model.importers._html_text._NAME_START": "finditer",
    "dod_model.importers._html_tree._BLANKS": "sub",
    "dod_model.importers._html_tree._HIDDEN": "search",
    "dod_model.importers._html_tree._LIST_MARKER": "search",
    "dod_model.importers._markdown._ESCAPED": "sub",
    "dod_model.importers._markdown._BREAK": "split",
    "dod_model.importers._markdown._HEADING": "fullmatch",
    "dod_model.importers._markdown._ITEM": "fullmatch",
    "dod_model.importers._markdown._FACT": "fullmatch",
    "dod_model.model._acts._KIND()": "finditer",
    "dod_model.model._acts._ANCHOR()": "finditer",
    "dod_model.model._acts._TITLE": "match",
    "dod_model.model._acts._GAP": "fullmatch",
    "dod_model.model._acts._URL": "finditer",
    "dod_model.model._deadline_grammar._YEAR_WORDS": "sub",
    "dod_model.model._deadline_grammar._year_pattern()": "fullmatch",
    "dod_model.model._deadline_grammar._SPACED_DOTS": "sub",
    "dod_model.model._deadline_grammar._SPACES": "sub",
    "dod_model.model._deadline_grammar._DASH": "sub",
    "dod_model.model._deadline_grammar._recurrence_rules()": "fullmatch",
    "dod_model.model._deadline_grammar._phrase_rules()": "fullmatch",
    "dod_model.model._deadline_grammar._rules()": "fullmatch",
    "dod_model.model._deadline_grammar._PLAIN_DATE": "fullmatch",
    "dod_model.model._deadline_grammar._BRACKETS": "sub",
    "dod_model.model._deadline_grammar._TAIL": "finditer",
    "dod_model.model._deadline_grammar._PLACEHOLDER": "fullmatch",
    "dod_model.model._deadline_grammar._CALENDAR_RUN()": "finditer",
    "dod_model.model._deadline_grammar._NOT_DAYS()": "finditer",
    "dod_model.model._deadline_grammar._CALENDAR_WORDS()": "search",
    "dod_model.model._deadline_grammar._DATE_ANCHOR()": "search",
    "dod_model.model._deadline_grammar._DEADLINE_WORDS()": "search",
    "dod_model.model._region._matcher": "finditer",
    "dod_model.model._targets._COMPARED()": "finditer",
    "dod_model.model._targets._COUNTED()": "finditer",
    "dod_model.plugins._measures.MEASURES": "search",
    "dod_model.analysis.MEASURES": "search",
    "dod_model.analysis._measures.MEASURES": "search",
    "dod_model.plugins._registry_rules._INN": "fullmatch",
    "dod_model.plugins._roadmap_rules._NUMERIC": "fullmatch",
    "dod_model.plugins.amur.FOUNDING_STEPS": "search",
    "dod_model.registry._columns._COUNTER": "fullmatch",
    "dod_model.registry._columns._COMPILED": "search",
    "dod_model.registry._progress._EXCEPT": "sub",
    "dod_model.registry._progress._AGES": "search",
    "dod_model.registry._progress._CERTIFICATE_AGES": "search",
    "dod_model.registry._progress._FORM_WORDS": "search",
    "dod_model.registry._progress._ORIENTATION_WORDS": "search",
    "dod_model.registry._progress._ADJECTIVE": "fullmatch",
    "dod_model.registry._rows._DATE": "fullmatch",
    "dod_model.registry._rows._ISO": "fullmatch",
    "dod_model.registry._rows._MONEY": "fullmatch",
    "dod_model.registry._rows._HOURS_UNIT": "sub",
    "dod_model.registry._rows._KIND_WORDS": "sub",
    "dod_model.registry._rows._JOINERS": "sub",
    "dod_model.registry._rows._FORM_SPLIT": "split",
    "dod_model.registry._rows._AGES": "fullmatch",
    "dod_model.registry._summary._PLACE_WORDS": "sub",
    "dod_model.text._documents._APPROVAL": "match",
    "dod_model.text._documents._PERIODS": "search",
    "dod_model.text._documents._CENTRE_PATTERNS": "finditer",
    "dod_model.text._documents._CENTRE_WORD": "finditer",
    "dod_model.text._glossary._DEFINITION": "finditer",
    "dod_model.text._glossary._WORD": "finditer",
    "dod_model.text._glossary._SENTENCE_START": "finditer",
    "dod_model.text._glossary.core_glossary": "match",
    "dod_model.text._numbering._TIDY": "fullmatch",
    "dod_model.text._numbering._DOTS": "sub",
    "dod_model.text._numbering._SPACED_DOT": "sub",
    "dod_model.text._numbering._ROMAN": "fullmatch",
    "dod_model.text._numbering._HEADING": "fullmatch",
    "dod_model.text._numbering._STEP": "finditer",
    "dod_model.text._numbering._BULLET": "finditer",
    "dod_model.text._numbering._STEP_HINT": "search",
    "dod_model.text._numbering._BULLET_HINT": "search",
    "dod_model.text._numbering._HINT": "search",
    "dod_model.text._parties._CONTINUES": "match",
    "dod_model.text._parties._PUNCTUATION": "finditer",
    "dod_model.text._parties._WORD_RUN": "finditer",
    "dod_model.text._parties._NEXT": "match",
}
# Patterns written into a call (``re.search(r"…", text)``) are applied as the call says.
_CALLS = {
    "search": "search", "match": "match", "fullmatch": "fullmatch", "sub": "sub", "subn": "sub",
    "split": "split", "findall": "finditer", "finditer": "finditer",
}  # fmt: skip
# Not applied to a document's text: the schema's own docstrings.
_NOT_TEXT = frozenset({"dod_model.codec._schema"})


def _modules() -> Iterator[str]:
    for info in pkgutil.walk_packages(dod_model.__path__, "dod_model."):
        if not info.name.startswith(("dod_model.cli", "dod_model.testing", "dod_model.__main__")):
            yield info.name


def _returns_patterns(function: Callable[..., object]) -> bool:
    """Whether ``function`` is a cached function of no arguments that returns patterns."""
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):  # pragma: no cover - builtins
        return False
    annotation = str(signature.return_annotation)
    return hasattr(function, "cache_info") and not signature.parameters and "Pattern" in annotation


def _walk(value: object, path: str, found: dict[str, re.Pattern[str]], depth: int = 0) -> None:
    """The patterns in ``value``: itself, its items, its attrs fields, what it returns."""
    if depth > 4:
        return
    if isinstance(value, re.Pattern):
        if all(value is not other for other in found.values()):  # where it is defined, not used
            found[path] = value
    elif isinstance(value, tuple | list):
        for index, item in enumerate(value):
            _walk(item, f"{path}[{index}]", found, depth + 1)
    elif isinstance(value, dict):
        for key, item in value.items():
            _walk(item, f"{path}[{key!r}]", found, depth + 1)
    elif hasattr(value, "__attrs_attrs__") and not isinstance(value, type):
        for field in value.__attrs_attrs__:
            _walk(getattr(value, field.name), f"{path}.{field.name}", found, depth + 1)
    elif callable(value) and _returns_patterns(value):
        _walk(value(), f"{path}()", found, depth + 1)


def _flags(node: ast.expr | None) -> int:
    if node is None:
        return 0
    if (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "re"
    ):
        return int(getattr(re, node.attr))  # re.IGNORECASE
    if isinstance(node, ast.BinOp):
        return _flags(node.left) | _flags(node.right)
    return 0


def _written_in_calls(name: str) -> Iterator[tuple[str, re.Pattern[str], str]]:
    """Patterns written as literals into ``re.search(…)`` and the like in module ``name``."""
    module = importlib.import_module(name)
    tree = ast.parse(Path(inspect.getfile(module)).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.func.attr in _CALLS
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            continue
        flags = next((k.value for k in node.keywords if k.arg == "flags"), None)
        last = node.args[-1] if len(node.args) > 2 else flags  # (pattern, text, flags)
        pattern = re.compile(node.args[0].value, _flags(last))
        yield f"{name}:{node.args[0].value}", pattern, _CALLS[node.func.attr]


@functools.cache
def _patterns() -> dict[str, tuple[re.Pattern[str], str | None]]:
    """Every pattern of the package, by where it is defined, with how it is applied."""
    found: dict[str, re.Pattern[str]] = {}
    applied: dict[str, str] = {}
    for name in _modules():
        module = importlib.import_module(name)
        for attribute, value in vars(module).items():
            defined_here = getattr(value, "__module__", name) == name
            if isinstance(value, type | type(re)) or not (
                defined_here
                or isinstance(value, re.Pattern | tuple | list | dict)
                or _returns_patterns(value)
            ):
                continue
            _walk(value, f"{name}.{attribute}", found)
        if name not in _NOT_TEXT:
            for path, pattern, mode in _written_in_calls(name):
                found[path], applied[path] = pattern, mode
    regions = tuple(PLUGINS.regions().values())
    found["dod_model.model._region._matcher"] = _region._matcher(regions)[0]
    glossary = core_glossary()._pattern()
    assert glossary is not None
    found["dod_model.text._glossary.core_glossary"] = glossary
    # Patterns over bytes read the head of a package part, not document text: tested apart.
    found = {p: pattern for p, pattern in found.items() if isinstance(pattern.pattern, str)}
    by_definition = {p: MODES.get(re.sub(r"(\[[^\]]*\])+(\.\w+)?$", "", p)) for p in found}
    return {p: (found[p], applied.get(p) or by_definition[p]) for p in sorted(found)}


def test_every_pattern_says_how_it_is_applied():
    unknown = [path for path, (_, mode) in _patterns().items() if mode is None]
    assert not unknown, f"add to MODES, after a look at each one's shape: {unknown}"
    assert len(_patterns()) > 150  # the walk finds them (grammar, registry fields, measures, …)


# --- adversarial text, read off a pattern's syntax tree ----------------------------------------

_CHARACTERS = " a1.ж_-,;:\n\t(«»/№|xNоI"
_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W",
}  # fmt: skip
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def _in_set(items: list[tuple[object, object]], character: str) -> bool:
    negated, hit = False, False
    for op, value in items:
        if op is sre.NEGATE:
            negated = True
        elif op is sre.LITERAL:
            hit |= ord(character) == value
        elif op in (sre.RANGE, sre.RANGE_UNI_IGNORE):
            low, high = value
            hit |= any(low <= ord(c) <= high for c in (character.lower(), character.upper()))
        elif op is sre.CATEGORY:
            hit |= bool(re.fullmatch(_CATEGORIES.get(value, "(?!)"), character))
    return hit != negated


def _members(items: list[tuple[object, object]]) -> list[str]:
    """A few characters of a character set."""
    named = [chr(v) for op, v in items if op is sre.LITERAL]
    ranges = [chr(v[0]) for op, v in items if op in (sre.RANGE, sre.RANGE_UNI_IGNORE)]
    others = [c for c in _CHARACTERS if _in_set(items, c)]
    return list(dict.fromkeys(c for c in named + ranges + others if _in_set(items, c)))[:3] or ["a"]


def _examples(tree: list[tuple[object, object]], limit: int = 3) -> list[str]:
    """A few short strings that each match the sequence ``tree`` (lookarounds aside)."""
    results = [""]
    for op, value in tree:
        options = _node_examples(op, value, limit)
        results = [a + b for a, b in itertools.product(results, options)][:limit]
    return results


def _node_examples(op: object, value: object, limit: int) -> list[str]:
    if op is sre.LITERAL:
        return [chr(value)]
    if op is sre.NOT_LITERAL:
        return ["b" if value == ord("a") else "a"]
    if op is sre.ANY:
        return ["a"]
    if op is sre.IN:
        return _members(value)
    if op is sre.BRANCH:
        return [e for branch in value[1] for e in _examples(branch, 1)][: max(limit, 8)]
    if op is sre.SUBPATTERN:
        return _examples(value[3], limit)
    if op is sre.ATOMIC_GROUP:
        return _examples(value, limit)
    if op in _REPEATS:
        low, _, item = value
        return [e * low for e in _examples(item, limit)]
    if op is sre.ASSERT and value[0] < 0:
        return _examples(value[1], 1)  # a lookbehind: write what it wants
    return [""]  # anchors, lookaheads, negative lookarounds


def _pumps(tree: list[tuple[object, object]], lead: list[str], found: set[tuple[str, str]]) -> None:
    """(lead-up, item) pairs for each unbounded or long repetition in ``tree``, nested ones too."""
    for index, (op, value) in enumerate(tree):
        before = [a + b for a, b in itertools.product(lead, _examples(tree[:index], 6))][:8]
        if op in _REPEATS:
            _, high, item = value
            if high is sre.MAXREPEAT or high > 8:
                found.update((start, unit) for start in before
                             for unit in _examples(item, 3) if unit)  # fmt: skip
            _pumps(item, before, found)
        elif op is sre.SUBPATTERN:
            _pumps(value[3], before, found)
        elif op is sre.ATOMIC_GROUP:
            _pumps(value, before, found)
        elif op is sre.BRANCH:
            for branch in value[1]:
                _pumps(branch, before, found)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            _pumps(value[1], before, found)


@functools.cache
def attacks(pattern: re.Pattern[str]) -> list[tuple[str, str, str]]:
    """(prefix, unit pumped, suffix) triples that would make a backtracking pattern slow."""
    found: set[tuple[str, str]] = set()
    _pumps(list(sre_parse.parse(pattern.pattern, pattern.flags)), [""], found)
    triples = set()
    for start, unit in found:
        if "\t" in unit and (start, unit.replace("\t", " ")) in found:
            continue  # a tab is a space to every pattern here
        triples.update((start, unit, end) for end in ("", "\x01"))
        if start:
            triples.update((("", start + unit, "\x01"), ("", start, "\x01")))  # restart at each
    return sorted(triples)


# --- timing -----------------------------------------------------------------------------------


def _apply(pattern: re.Pattern[str], mode: str, text: str) -> object:
    if mode == "finditer":
        return [m.span() for m in pattern.finditer(text)]
    if mode == "sub":
        return pattern.sub("", text)
    return getattr(pattern, mode)(text)


def _seconds(work: Callable[[], object], repeat: int = 3) -> float:
    """The least time ``work`` takes of ``repeat`` runs (the others had the machine less)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def _grows_faster_than_linearly(text_of: Callable[[int], str], work: Callable[[str], object],
                                size: int) -> tuple[float, float] | None:  # fmt: skip
    """The times at ``size`` and four times it, if the work grows much faster than the text.

    Linear work takes about four times as long on four times the text, quadratic sixteen.
    Work quicker than 5 ms at ``size`` is linear enough (quadratic work on 3,000 characters,
    nine million steps, takes longer); a ratio over 8 is timed again, then looked at once more
    at 16 times the size, so that a busy machine does not pass for backtracking.
    """
    short = _seconds(lambda: work(text_of(size)), repeat=1)
    if short < 0.005:
        return None
    short = min(short, _seconds(lambda: work(text_of(size)), repeat=2))
    long = _seconds(lambda: work(text_of(4 * size)), repeat=1)
    if long <= 8 * short + 0.002:
        return None
    long = min(long, _seconds(lambda: work(text_of(4 * size)), repeat=2))
    if long <= 8 * short + 0.002:
        return None
    longer = _seconds(lambda: work(text_of(16 * size)), repeat=1)
    return (short, long) if longer > 8 * long + 0.002 else None


def _pumped(prefix: str, unit: str, suffix: str) -> Callable[[int], str]:
    return lambda size: prefix + unit * max(1, size // len(unit)) + suffix


@pytest.mark.parametrize("path", sorted(_patterns()))
def test_no_pattern_backtracks_on_long_runs(path):
    pattern, mode = _patterns()[path]
    assert mode is not None
    for prefix, unit, suffix in attacks(pattern):
        slow = _grows_faster_than_linearly(
            _pumped(prefix, unit, suffix), functools.partial(_apply, pattern, mode), 3000
        )
        assert slow is None, (
            f"{path}.{mode}({prefix!r} + {unit!r} * n + {suffix!r}): {slow[0] * 1000:.1f} ms "
            f"at n = 3000, {slow[1] / slow[0]:.0f} times that at 4n"
        )


# The inputs of the issue and their kin, at 5,000 and 20,000 characters (and 80,000 if in doubt).
SPACES = " "
LONG_RUNS = [
    ("_NUMBER: «1», spaces, «а»", _layout_rows.NUMBER.fullmatch, "1", SPACES, "а"),
    ("_NUMBER: «1.», spaces and dots", _layout_rows.NUMBER.fullmatch, "1", " .", "а"),
    ("_PIPE: a cell of spaces", _text._PIPE.split, "а |", SPACES, "б"),
    ("_DEFINITION: «(далее» and spaces", lambda t: list(_glossary._DEFINITION.finditer(t)),
     "(далее", SPACES, "x"),
    ("_DEFINITION: «(далее – а» and spaces", lambda t: list(_glossary._DEFINITION.finditer(t)),
     "(далее – а", SPACES, "x"),
    ("_ANCHOR: spaces after a date", lambda t: list(_acts._ANCHOR().finditer(t)),
     "от 01.01.2020", SPACES, "x"),
    ("_ANCHOR: «от» and underscores", lambda t: list(_acts._ANCHOR().finditer(t)), "от ", "_", ""),
    ("_ANCHOR: «nanana»", lambda t: list(_acts._ANCHOR().finditer(t)), "", "na", ""),
    ("_APPROVAL_END: «от» again and again", _blocks._APPROVAL_END.search, "", " от", ""),
    ("_BULLET: a dash, spaces", lambda t: list(_numbering._BULLET.finditer(t)), "- а", SPACES, "x"),
    ("_BULLET: blank lines", lambda t: list(_numbering._BULLET.finditer(t)), "", "\n", "x"),
    ("_HEADING: «1», spaces", _numbering._HEADING.fullmatch, "1", SPACES, ""),
    ("_TAIL: spaces", lambda t: list(_deadline_grammar._TAIL.finditer(t)), "а", SPACES, "б"),
    ("_CENTRE_PATTERNS: «опорн» again and again",
     lambda t: list(_documents._CENTRE_PATTERNS[2][1].finditer(t)), "", "опорн", ""),
    ("MEASURES: «модельн центр» again and again", MEASURES[4].pattern.search, "",
     "модельн центр1", ""),
    ("_FORM_SPLIT: spaces", _rows._FORM_SPLIT.split, "а", SPACES, "б"),
    ("_COMPARED: «не менее по» and spaces", lambda t: list(_targets._COMPARED().finditer(t)),
     "не менее\nпо", SPACES, ""),
]  # fmt: skip


@pytest.mark.parametrize(
    ("work", "prefix", "unit", "suffix"),
    [case[1:] for case in LONG_RUNS],
    ids=[case[0] for case in LONG_RUNS],
)
def test_the_long_runs_of_the_issue_take_linear_time(work, prefix, unit, suffix):
    slow = _grows_faster_than_linearly(_pumped(prefix, unit, suffix), work, 5_000)
    assert slow is None, (
        f"{slow[0] * 1000:.1f} ms at 5,000, {slow[1] / slow[0]:.0f} times at 20,000"
    )


# --- the rewritten patterns find what the old ones found ------------------------------------------

_M = _acts.MONTH_PATTERN
_OLD_DATE = (
    r"(?P<date>\d{1,2}\s*\.\s*\d{1,2}\s*\.\s*\d{4}|\d{1,2}\s+(?:" + _M + r")\s+\d{4}"
    r"|_{2,}|«?_+»?\s*_*)\s*(?:г\.?|года)?"
)
_OLD_NUMBER = (
    r"(?P<number>[0-9A-Za-zА-Яа-яЁё][0-9A-Za-zА-Яа-яЁё\-/.]*[0-9A-Za-zА-Яа-яЁё]|[0-9]|_{2,})"
)
_OLD_COMPARED = (
    r"(?<![а-яё])(?P<cmp>"
    + "|".join(f"(?P<c{i}>{p})" for i, (p, _) in enumerate(_targets._COMPARATORS))
    + rf")\s+(?:(?:по|в|на|для|у|с|чем)\s+)*{_targets._VALUE}\s*{_targets._UNIT}"
)
_OLD_COUNTED = (
    rf"(?<![а-яё])(?:в|во)\s+(?P<value>\d{{1,6}})\s+(?!{_targets._NOT_COUNTED})"
    r"(?P<unit>[а-яё][^,;:.()\n]*)"
)

# (new pattern, the pattern it replaces, flags, how the code applies it, pieces of text).
# «bool» compares only whether there is a match (where the code asks no more), «texts» only
# the group the code reads, «definitions» the short form's words.
REWRITTEN = {
    "_NUMBER": (_layout_rows.NUMBER, r"№?\s*(?:\d+(?:\s*\.\s*\d+)*|[IVXLC]{1,6})\s*\.*\s*", 0,
                "fullmatch", [" ", "1", "22", ".", "№", "I", "X", "\t", "\n", "а"]),
    "_APPROVAL_END": (_blocks._APPROVAL_END, r"(?:^|\s)от\s.*№|№.*\sот\s", 0, "bool",
                      [" ", "от", "№", "о", "т", "а", "\t", "\u00a0", "приказом"]),
    "_PIPE": (_text._PIPE, r"\s*\|\s*", 0, "split", [" ", "|", "а", "\t", "\n", "\u00a0"]),
    "_ANCHOR": (_acts._ANCHOR(),
                rf"от\s+{_OLD_DATE}\s*,?\s*(?:№|N|No)\s*{_OLD_NUMBER}"
                rf"|(?:№|N|No)\s*{_OLD_NUMBER.replace('number', 'number2')}\s+от\s+"
                rf"{_OLD_DATE.replace('date', 'date2')}"
                rf"|(?P<alone>(?:№|N(?=\s*\d)|No)\s*{_OLD_NUMBER.replace('number', 'number3')}"
                rf"|от\s+(?P<date3>\d{{1,2}}\s*\.\s*\d{{1,2}}\s*\.\s*\d{{4}}"
                rf"|\d{{1,2}}\s+(?:{_M})\s+\d{{4}})\s*(?:г\.?|года)?)",
                re.IGNORECASE, "finditer",
                [" N", " No", "№", " от ", "от", "01.01.2020", "1 мая 2020", "_", "__", " ", "«",
                 "»", "г.", " года", ",", "5", "а", "-", "/", ".", "12-а"]),
    "_DASH": (_deadline_grammar._DASH, r"\s*-\s*", 0, "sub", [" ", "-", "а", "\t", "\n"]),
    "_TAIL": (_deadline_grammar._TAIL,
              r"(?:\s+|\s*[,;]\s*)(?=(?:и далее|и в дальнейшем|далее|а также|и затем)\b)",
              re.IGNORECASE, "finditer",
              [" ", ",", ";", "а", "\t", "и далее", "далее", "Далее", "и", "2020"]),
    "_COMPARED": (_targets._COMPARED(), _OLD_COMPARED, re.IGNORECASE, "finditer",
                  ["не менее", " чем", "более", " ", "  ", "по", "в", "на", "5", "100", " 000",
                   "%", "школ", ".", ",", "\n", "1,5"]),
    "_COUNTED": (_targets._COUNTED(), _OLD_COUNTED, re.IGNORECASE, "finditer",
                 ["в", "во", " ", "  ", "5", "100", "школах", "мая", "год", "\n", ".", "лет"]),
    "_DOTS": (_numbering._DOTS, r"\s*\.(?:\s*\.)+", 0, "sub", [" ", ".", "1", "\t", "\n", "а"]),
    "_SPACED_DOT": (_numbering._SPACED_DOT, r"\s*\.\s*", 0, "sub", [" ", ".", "1", "\t", "а"]),
    "_HEADING": (_numbering._HEADING,
                 r"\s*(?P<number>\d{1,4}|[IVXLC]{1,6})\s*[.)]?\s+(?P<title>\S.*)", re.DOTALL,
                 "fullmatch", [" ", ".", ")", "1", "I", "V", "\t", "\n", "Кадры", "12345"]),
    "_STEP": (_numbering._STEP, r"(?:(?<=^)|(?<=[\s:;]))(?P<number>\d{1,2})[.)]\s+(?=[А-ЯЁA-Z])",
              0, "finditer", [" ", ".", ")", "1", "2", ":", "\n", "а", "Блок"]),
    "_BULLET": (_numbering._BULLET, r"^\s*[-–—•]\s+(?P<text>.+?)\s*[;.]?\s*$", re.MULTILINE,
                "texts", [" ", "-", "•", "\n", "а", ";", ".", "\t", "x", "\r"]),
    "_DEFINITION": (_glossary._DEFINITION,
                    r'\(\s*далее\s*[-–—]?\s*(?:по тексту\s*[-–—]?\s*)?[«"]?(?P<short>[^()«»"]+?)'
                    r'[»"]?\s*\)', re.IGNORECASE, "definitions",
                    ["(", ")", "далее", "Далее", " ", "  ", "–", "-", "по тексту", "«", "»",
                     '"', "МОЦ", "а", "x y", "\n", "(далее"]),
    "_KIND_WORDS": (_rows._KIND_WORDS, r"\s+направленност\w*$|^сертификат\w*\s+(?=\w)", 0, "sub",
                    [" ", "направленност", "сертификат", "ь", "а", "\t", "\n", "-"]),
    "MEASURES[4]": (MEASURES[4].pattern,
                    r"(?:соглашени|взаимодейств)\w*.{0,80}(?:РМЦ|модельн\w* центр)|"
                    r"(?:РМЦ|модельн\w* центр)\w*.{0,40}(?:соглашени|взаимодейств)",
                    re.IGNORECASE, "bool",
                    ["соглашени", "взаимодейств", "РМЦ", "модельн", " центр", "я", " ", "\n",
                     "ииииииииииииииии", ","]),
    "MEASURES[9]": (MEASURES[9].pattern,
                    r"лучш\w* (?:муниципальн\w* )?практик|банк\w*.{0,30}практик", re.IGNORECASE,
                    "bool", ["лучш", "банк", "практик", "муниципальн", "ий", " ", "\n",
                             "ииииииииииии", "."]),
}  # fmt: skip


def _found(pattern: re.Pattern[str], how: str, text: str) -> object:
    if how == "bool":
        return pattern.search(text) is not None
    if how == "texts":
        return [m["text"] for m in pattern.finditer(text)]
    if how == "definitions":  # as find_definitions reads them: the short form's words
        return [(m.span(), " ".join(m["short"].split())) for m in pattern.finditer(text)]
    if how == "finditer":
        return [(m.span(), m.groups()) for m in pattern.finditer(text)]
    if how == "split":
        return pattern.split(text)
    if how == "sub":
        return pattern.sub("<>", text)
    found = getattr(pattern, how)(text)
    return found and (found.span(), found.groups())


def _short_words(text: str) -> bool:
    """Whether no word is longer than the 30 letters the patterns allow a word's ending."""
    return all(len(word) <= 30 for word in re.findall(r"\w+", text))


def _texts(pieces: list[str], *, exhaustive: int, sampled: int, longest: int) -> Iterator[str]:
    """Every text of up to ``exhaustive`` pieces, and ``sampled`` more of up to ``longest``.

    The same texts on every run (the sample's seed is fixed): a failure is seen again.
    """
    for count in range(exhaustive + 1):
        yield from map("".join, itertools.product(pieces, repeat=count))
    chosen = random.Random(0)
    for _ in range(sampled):
        yield "".join(chosen.choices(pieces, k=chosen.randint(exhaustive + 1, longest)))


@pytest.mark.parametrize("name", sorted(REWRITTEN))
def test_a_rewritten_pattern_finds_what_the_old_one_did(name):
    new, old_source, flags, how, pieces = REWRITTEN[name]
    old = re.compile(old_source, flags)
    bounded = how == "bool" or "{0,30}" in new.pattern
    for text in _texts(pieces, exhaustive=3, sampled=3000, longest=10):
        if not bounded or _short_words(text):
            assert _found(new, how, text) == _found(old, how, text), text


def _unbounded(pattern: str) -> str:
    """A pattern as it was before words' endings were bounded and runs of spaces possessive."""
    for bounded, unbounded in ((r"\w{0,30}", r"\w*"), (r"\w{1,30}", r"\w+"), (r"\s*+", r"\s*"),
                               (r"\s++", r"\s+"), (r"[^»]{1,300}", r"[^»]+")):  # fmt: skip
        pattern = pattern.replace(bounded, unbounded)
    return pattern


# Patterns whose words' endings are now at most 30 letters; on words that long they match
# where the unbounded ones did.
BOUNDED = sorted(
    path for path, (pattern, _) in _patterns().items()
    if r"\w{0,30}" in pattern.pattern or r"\w{1,30}" in pattern.pattern
    if "(?>" not in pattern.pattern  # MEASURES[4] and [9] are compared above
)  # fmt: skip


def test_the_bounded_patterns_are_found():
    assert len(BOUNDED) >= 20  # registry headers, measures, centres, titles, municipalities


@pytest.mark.parametrize("path", BOUNDED)
def test_a_bounded_pattern_matches_words_as_the_unbounded_one(path):
    pattern, _ = _patterns()[path]
    old = re.compile(_unbounded(pattern.pattern), pattern.flags)
    words = sorted(set(re.findall(r"[а-яёА-ЯЁa-zA-Z]{2,}", pattern.pattern)))
    pieces = [*words, " ", "\n", ",", "ых", "«", "»", "(", ")", "-", "№", "1", "ииииииииииии"]
    for text in _texts(pieces, exhaustive=2, sampled=1500, longest=8):
        if _short_words(text):
            assert _found(pattern, "finditer", text) == _found(old, "finditer", text), text


# --- whole documents ------------------------------------------------------------------------------

_BODY = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
         '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s</w:body>'
         "</w:document>")  # fmt: skip


def _word_file(rows: list[list[str]]) -> bytes:
    """A Word file of one table, the smallest Word reads: only its main part, deflated."""
    cells = "".join(
        "<w:tr>"
        + "".join(f'<w:tc><w:p><w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:p></w:tc>'
                  for t in row)
        + "</w:tr>"
        for row in rows
    )  # fmt: skip
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", _BODY % f"<w:tbl>{cells}</w:tbl>")
    return out.getvalue()


def _timed(work: Callable[[], object]) -> tuple[object, float]:
    """What ``work`` returns or raises (a refusal), and the processor time it takes.

    Processor time, not the clock's: what else the machine runs meanwhile is not counted.
    """
    start = time.process_time()
    try:
        outcome = work()
    except DocumentError as exc:
        outcome = exc
    return outcome, time.process_time() - start


def test_a_tiny_word_file_of_compressed_spaces_reads_in_well_under_two_seconds():
    data = _word_file([["№", "Мероприятие", "Срок"], ["1" + " " * 60_000 + "а", "б", "2020"]])
    assert len(data) < 1400  # a cell of 60,000 spaces, deflated
    roadmap, seconds = _timed(lambda: dod_model.read(io.BytesIO(data), plugins=PLUGINS))
    assert seconds < 2
    assert [a.title for a in roadmap.activities] == ["б"]


@pytest.mark.parametrize(
    "export",
    [
        "№\tМероприятие\tСрок\n1" + " " * 60_000 + "а\tСоздание центра\t2020\n",
        "| № | Мероприятие | Срок |\n| 1 | а" + " " * 40_000 + "б | 2020 |\n| 2 | в | 2021 |\n",
        "\t№\n\tМероприятие\n\tСрок\n\t1" + " " * 60_000 + "а\n\tб\n\t2020\n",
    ],
    ids=["rows", "pipes", "cells"],
)
def test_a_text_export_with_a_cell_of_spaces_reads_in_well_under_two_seconds(export):
    roadmap, seconds = _timed(lambda: dod_model.read(io.BytesIO(export.encode()), plugins=PLUGINS))
    assert seconds < 2
    assert isinstance(roadmap, dod_model.Roadmap)


N = 20_000
HOSTILE_CELLS = [
    "1" + " " * N + "а",
    "(далее" + " " * N + "x",
    "(далее – а" + " " * N + "x",
    "от 01.01.2020" + " " * N + "x",
    "от " + "_" * N,
    "na" * (N // 2),
    "опорн" * (N // 5),
    "муниципальн" * (N // 11),
    "- а" + " " * N + "x",
    " от" * (N // 3),
    "№" * N,
    "1. " + " " * N + "x",
    "не менее по" + " " * N,
    "банк1" * (N // 5),
    "модельн центр1" * (N // 14),
    "МО «" * (N // 4),
]


def test_a_text_export_of_every_hostile_cell_reads_in_under_two_seconds():
    lines = ["Дорожная карта" + " от" * (N // 3), "№\tМероприятие\tСрок\tОтветственный\tРезультат"]
    lines += [f"{i}\t{c}\t{c}\t{c}\t{c}" for i, c in enumerate(HOSTILE_CELLS, start=1)]
    data = "\n".join(lines).encode()  # 1.8 MB
    roadmap, seconds = _timed(lambda: dod_model.read(io.BytesIO(data), plugins=PLUGINS))
    assert seconds < 2
    assert len(roadmap.activities) == len(HOSTILE_CELLS)


def test_the_patterns_over_package_bytes_take_linear_time():
    # The XML declaration is looked for at the head of a part, the leading spaces at its start;
    # a head of spaces, or of a declaration that never ends, is read once.
    from dod_model._base import _package  # noqa: PLC0415 - the private patterns themselves

    for pattern, head in (
        (_package._DECLARATION, b"<?xml" + b" " * 200_000),
        (_package._DECLARATION, b"<?xml version='1.0'" + b" encoding =" * 20_000),
        (_package._SPACE, b" " * 200_000 + b"<"),
    ):
        started = time.process_time()
        pattern.match(head)
        assert time.process_time() - started < 1.0
