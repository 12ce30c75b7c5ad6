"""``dod-model new-plugin``: write a plugin package for a region from the bundled template.

The template is package data (``dod_model/templates/plugin``): each file ``*.tmpl`` is a
:class:`string.Template` (``$name``; ``$$`` for a dollar sign), rendered with the plugin's
names and its region's. The package it writes installs and passes its own tests at once: a
region (from the library's data of the subjects of the Federation, or a new one named with
``--name``), its abbreviations, a rule and its tests on a sample roadmap of the region.
"""

from __future__ import annotations

import argparse
import json
import re
import string
import sys
from collections.abc import Iterator
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from dod_model._version import library_version
from dod_model.cli._usage import UsageError

__all__ = ["add_new_plugin_parser", "render_plugin", "run_new_plugin"]

_SLUG = re.compile(r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*")
_CODE = re.compile(r"[A-Z]{2}-[A-Z0-9]{1,3}")
_NAME_REFUSED = re.compile(r'[\x00-\x1f\x7f"\\]')
_MAX_SLUG = 40
_MAX_NAME = 120
_SUFFIX = ".tmpl"

_KNOWN = """\
import attrs
from dod_model import RegionPlugin, Roadmap, RuleContext, rule
from dod_model.model import subjects"""
_NEW = "from dod_model import Region, RegionPlugin, Roadmap, RuleContext, rule"
_KNOWN_BLOCK = """\
# The region: its names in every case and its cities, from dod_model's data of the subjects of
# the Federation. Say here what the data lacks: navigator="…" (the regional navigator),
# model_centre="…" (the РМЦ), certificate_ages=AgeRange(5, 17) (from dod_model.registry).
REGION = attrs.evolve(
    subjects()[{code}],{name}
    notes=None,
)"""
_NEW_BLOCK = """\
# The region, which the library's data of the subjects does not know: add the other forms its
# documents use («… области») and the cities and districts that tell its documents.
REGION = Region(
    code={code},
    name={name},
    aliases=(),
    places=(),
)"""


def add_new_plugin_parser(commands: Any) -> None:
    """Add ``new-plugin`` to the subcommands of ``dod-model``.

    .. versionadded:: 0.3.0
    """
    making = commands.add_parser(
        "new-plugin",
        help="write a plugin package for a region: its region, a rule, tests, a sample",
        description="Write a plugin package (dod-model-NAME) that installs and passes its own "
        "tests at once: pyproject.toml with the entry point, the region, its abbreviations, "
        "a rule NAME/no-navigator and its tests on a sample roadmap of the region, a README. "
        "An existing folder that is not empty is never written to.",
    )
    making.add_argument("slug", metavar="NAME", help="the plugin's name («kirov»)")
    making.add_argument(
        "--region",
        required=True,
        metavar="CODE",
        help="the region's ISO 3166-2 code (RU-KIR): a subject of the Federation, or a new "
        "code with --name",
    )
    making.add_argument(
        "--name", metavar="TEXT", help="the region's name, for a code the library does not know"
    )
    making.add_argument(
        "--dir",
        type=Path,
        metavar="PATH",
        help="the folder to write the package in (default: ./dod-model-NAME)",
    )


def run_new_plugin(args: argparse.Namespace) -> int:
    """Write the package ``dod-model new-plugin`` was asked for; list what was written.

    .. versionadded:: 0.3.0
    """
    files = render_plugin(args.slug, args.region, name=args.name)
    folder: Path = args.dir or Path(_distribution(args.slug))
    _refuse_to_overwrite(folder)
    for relative, text in files.items():
        target = folder.joinpath(*relative.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
    lines = [f"wrote {_distribution(args.slug)} in {folder}:"]
    lines += [f"  {relative}" for relative in files]
    lines += [
        "then:",
        f"  cd {folder}",
        "  pip install -e '.[test]'",
        "  pytest",
    ]
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def render_plugin(slug: str, code: str, *, name: str | None = None) -> dict[str, str]:
    """The files of the plugin package, by their paths in it (``/``-separated), rendered.

    Args:
        slug: The plugin's name: lower-case letters and digits, parted by ``-`` or ``_``.
        code: The region's ISO 3166-2 code: a subject of the Federation, or a new one.
        name: The region's name; required for a code the library's data does not know, and
            taken over the data's name for one it does.

    Raises:
        UsageError: The name or the code is not one a plugin can have; the message says why.

    .. versionadded:: 0.3.0
    """
    from dod_model.plugins import get_plugin_manager  # noqa: PLC0415 - only to make a plugin

    plugins = get_plugin_manager(entry_points=False)
    _check_slug(slug, plugins.names())
    region_name, imports, block = _region(code, name, plugins)
    package = _package(slug)
    values = {
        "plugin": slug,
        "namespace": slug,
        "package": package,
        "distribution": _distribution(slug),
        "code": code,
        "name": region_name,
        "library": library_version().partition("+")[0],
        "imports": imports,
        "region_block": block,
    }
    files = {}
    for relative, template in _templates():
        path = relative.replace("src/", f"src/{package}/", 1)
        files[path] = string.Template(template).substitute(values)
    return dict(sorted(files.items()))


def _check_slug(slug: str, builtins: tuple[str, ...]) -> None:
    if len(slug) > _MAX_SLUG or not _SLUG.fullmatch(slug):
        msg = (
            f"not a plugin name: {slug!r}; write lower-case Latin letters and digits, parted "
            f"by - or _ («kirov», «nizhny-novgorod»), at most {_MAX_SLUG} characters"
        )
        raise UsageError(msg)
    if slug in builtins:
        msg = f"{slug!r} is the name of a built-in plugin; choose another name"
        raise UsageError(msg)


def _region(code: str, name: str | None, plugins: Any) -> tuple[str, str, str]:
    """The region's name, the imports and the block of source code that make its ``REGION``."""
    if not _CODE.fullmatch(code):
        msg = f"not a region code: {code!r}; write its ISO 3166-2 code, such as RU-KIR"
        raise UsageError(msg)
    if name is not None and (
        not name.strip() or len(name) > _MAX_NAME or _NAME_REFUSED.search(name)
    ):
        msg = (
            f"not a region name: {name!r}; write it as documents do («Кировская область»), "
            f'without quotes (") or backslashes, at most {_MAX_NAME} characters'
        )
        raise UsageError(msg)
    registered = plugins.registered_regions()
    if code in registered:
        owner = next((i.name for i in plugins.info() if code in i.regions), "built in")
        msg = (
            f"region {code} has a built-in plugin ({owner}); a second plugin registering it "
            "is refused: add rules for it with the dod_register_rules hook instead"
        )
        raise UsageError(msg)
    known = plugins.regions()
    if code in known:
        region = known[code]
        given = "" if name is None else f"\n    name={_literal(name.strip())},"
        block = _KNOWN_BLOCK.format(code=_literal(code), name=given)
        return (name or region.name).strip(), _KNOWN, block
    if name is None:
        msg = (
            f"unknown region {code!r}: not a subject of the Federation the library knows "
            f"({', '.join(sorted(known))}); give the name of a new one with --name"
        )
        raise UsageError(msg)
    block = _NEW_BLOCK.format(code=_literal(code), name=_literal(name.strip()))
    return name.strip(), _NEW, block


def _literal(text: str) -> str:
    """``text`` as a Python string literal in double quotes, its letters as written."""
    return json.dumps(text, ensure_ascii=False)


def _package(slug: str) -> str:
    return f"dod_model_{slug.replace('-', '_')}"


def _distribution(slug: str) -> str:
    return f"dod-model-{slug.replace('_', '-')}"


def _refuse_to_overwrite(folder: Path) -> None:
    if folder.is_dir():
        if any(folder.iterdir()):
            msg = f"{folder}: the folder exists and is not empty; name a new one with --dir"
            raise UsageError(msg)
    elif folder.exists():
        msg = f"{folder}: exists and is not a folder; name a new one with --dir"
        raise UsageError(msg)


def _templates() -> Iterator[tuple[str, str]]:
    """The template's files: their paths in the package (``.tmpl`` dropped) and their text."""
    root = resources.files("dod_model") / "templates" / "plugin"

    def walk(folder: Traversable, prefix: str) -> Iterator[tuple[str, str]]:
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.is_dir():
                yield from walk(entry, f"{prefix}{entry.name}/")
            elif entry.name.endswith(_SUFFIX):
                name = entry.name.removesuffix(_SUFFIX)
                yield f"{prefix}{name}", entry.read_text(encoding="utf-8")

    yield from walk(root, "")
