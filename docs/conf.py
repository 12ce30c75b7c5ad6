"""Sphinx configuration of the dod_model documentation."""

from __future__ import annotations

import sys
from pathlib import Path

import dod_model

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "dod_model"
author = "dod_model developers"
copyright = "2026, dod_model developers"
release = dod_model.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
    "cli_help",
    "public_api",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 2
language = "en"

html_theme = "furo"
html_title = f"dod_model {release}"

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True}
# The deadline grammar takes a deadline by the fields it reads, a private protocol; the docs name
# the class those fields are of.
autodoc_type_aliases = {"DeadlineFields": "dod_model.Deadline"}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
# Attributes as attribute entries, so that :attr:`dod_model.Roadmap.columns` has a target.
napoleon_use_ivar = False

# Every reference must resolve, as with ``sphinx-build -n``.
nitpicky = True

# Other projects' objects link to their docs. Each project's inventory is fetched from its site
# and, where the site cannot be reached (a build without network), read from an empty local one,
# so that the build goes on with those names unlinked instead of failing on the fetch.
_OFFLINE = "_offline/empty.inv"
intersphinx_mapping = {
    name: (url, (None, _OFFLINE))
    for name, url in {
        "python": "https://docs.python.org/3",
        "attrs": "https://www.attrs.org/en/stable",
        "cattrs": "https://catt.rs/en/stable",
        "pluggy": "https://pluggy.readthedocs.io/en/stable",
        "hypothesis": "https://hypothesis.readthedocs.io/en/latest",
        "icalendar": "https://icalendar.readthedocs.io/en/stable",
    }.items()
}
intersphinx_timeout = 10

# Standard and third-party names those inventories resolve online: ignored only so that an
# offline build passes. The library's own names are never listed here; each must resolve.
nitpick_ignore = [
    ("py:class", name)
    for name in (
        "re.Pattern",
        "argparse.ArgumentParser",
        "collections.abc.Callable",
        "collections.abc.Iterable",
        "collections.abc.Iterator",
        "collections.abc.Mapping",
        "collections.abc.Sequence",
        "datetime.date",
        "decimal.Decimal",
        "difflib.SequenceMatcher",
        "importlib.resources.abc.Traversable",
        "os.PathLike",
        "pathlib.Path",
        "types.ModuleType",
        "cattrs.converters.Converter",
        "hypothesis.strategies.SearchStrategy",
        "icalendar.Calendar",
        "pluggy.PluginManager",
    )
] + [
    ("py:func", "attrs.evolve"),
    ("py:func", "json.dumps"),
    ("py:meth", "str.format"),
    ("py:mod", "icalendar"),
]

doctest_global_setup = "import dod_model"
