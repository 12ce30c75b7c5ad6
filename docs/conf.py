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
    "cli_help",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
language = "en"

html_theme = "furo"
html_title = f"dod_model {release}"

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": False}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True

doctest_global_setup = "import dod_model"
