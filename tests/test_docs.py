"""The docs are true: their examples run, and every public name is documented."""

from __future__ import annotations

import doctest
import importlib.util
import inspect
import pkgutil
import re

import pytest

import dod_model

from .conftest import ROOT

DOCS = ROOT / "docs"
_BLOCK = re.compile(r"^```\{doctest\}\n(.*?)^```$", re.DOTALL | re.MULTILINE)


def _load_public_names():
    # The rule of where each public name is documented, shared with the docs' extension.
    spec = importlib.util.spec_from_file_location("public_names", DOCS / "_ext" / "public_names.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


public_names = _load_public_names()

# Public modules with an __all__ that are not namespaces of the API: plugins, whose functions are
# hook implementations (docs/plugins.md, docs/hooks.md), and the pytest plugin (its fixture is on
# docs/plugins.md).
NOT_NAMESPACES = {
    "dod_model.plugins.amur",
    "dod_model.plugins.core",
    "dod_model.plugins.samara",
    "dod_model.plugins.sverdlovsk",
    "dod_model.plugins.tambov",
    "dod_model.plugins.ulyanovsk",
    "dod_model.testing.pytest_plugin",
}
_DIRECTIVE = re.compile(r"^\.\. (?:auto|py:)([a-z]+)::[ \t]+(\S+)((?:\n[ \t]+:.*)*)", re.MULTILINE)


def _entries():
    """The paths of the objects the docs pages describe (autodoc, or a py: directive)."""
    entries = set()
    for page in DOCS.rglob("*.md"):
        for kind, path, options in _DIRECTIVE.findall(page.read_text(encoding="utf-8")):
            entries.add(path)
            if kind != "module" or ":no-members:" in options:
                continue
            listed = re.search(r":members:[ \t]*(\S.*)", options)
            if listed:
                entries.update(f"{path}.{name.strip()}" for name in listed[1].split(","))
                continue
            # Every name of __all__; without :imported-members:, those that are the module's own.
            imported = ":imported-members:" in options
            entries.update(
                f"{path}.{name}"
                for name in public_names.public_names(path)
                if imported or public_names.home(path, name) == f"{path}.{name}"
            )
    return entries


def _doctest_blocks(page):
    text = page.read_text(encoding="utf-8")
    for match in _BLOCK.finditer(text):
        yield text[: match.start()].count("\n") + 2, match[1]


PAGES = sorted(DOCS.glob("*.md"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_doc_examples_run(page):
    # Blocks of one page share their names, as Sphinx's doctest builder runs them.
    globs = {"dod_model": dod_model}
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    parser = doctest.DocTestParser()
    for line, source in _doctest_blocks(page):
        test = parser.get_doctest(source, globs, page.name, page.name, line)
        runner.run(test, clear_globs=False)
        globs.update(test.globs)
    assert runner.failures == 0, f"{page.name}: a documented example fails (see output above)"


def test_the_main_pages_have_checked_examples():
    with_examples = {p.stem for p in PAGES if list(_doctest_blocks(p))}
    assert with_examples >= {"index", "json", "model"}


def test_every_public_class_and_function_is_on_a_docs_page():
    documented = "\n".join(p.read_text(encoding="utf-8") for p in DOCS.glob("*.md"))
    missing = [
        name
        for name in dod_model.__all__
        if isinstance(getattr(dod_model, name), type) and f"dod_model.{name}" not in documented
    ]
    assert missing == []


@pytest.mark.parametrize("name", sorted(dod_model.__all__))
def test_every_public_name_says_since_when(name):
    obj = getattr(dod_model, name)
    if not (inspect.isclass(obj) or inspect.isfunction(obj)) or name.startswith("__"):
        return  # data such as hookimpl is documented on the docs pages
    assert "versionadded" in (obj.__doc__ or ""), f"{name} lacks .. versionadded::"


def test_every_public_namespace_is_in_the_api_reference():
    modules = {
        info.name
        for info in pkgutil.walk_packages(dod_model.__path__, "dod_model.")
        if not any(part.startswith("_") for part in info.name.split("."))
    }
    with_all = {"dod_model"} | {
        name for name in modules if hasattr(importlib.import_module(name), "__all__")
    }
    assert with_all - NOT_NAMESPACES == set(public_names.NAMESPACES)
    api = (DOCS / "api.md").read_text(encoding="utf-8")
    listed = re.findall(r"^```\{public-names\} (\S+)$", api, re.MULTILINE)
    assert listed == list(public_names.NAMESPACES)


@pytest.mark.parametrize("namespace", public_names.NAMESPACES)
def test_every_public_name_has_an_entry_in_the_docs(namespace):
    # Each name is described once, under the path it is documented under (the __module__ of a
    # class or function): the API reference links every other path to that entry.
    entries = _entries()
    assert namespace in entries, f"no automodule:: {namespace}"
    missing = [
        f"{namespace}.{name} (at {public_names.home(namespace, name)})"
        for name in public_names.public_names(namespace)
        if public_names.home(namespace, name) not in entries
    ]
    assert missing == []


def test_each_entry_is_under_the_path_its_object_is_documented_under():
    # An entry under another public path (dod_model.registry.Certificate for
    # dod_model.model.Certificate) would describe the object twice, or under the wrong name; an
    # entry under a private path (dod_model.model._roadmap.Roadmap) shows that path to users.
    misplaced = {
        path: public_names.resolve_public_path(path) or "a private path"
        for path in _entries()
        if public_names.resolve_public_path(path)
        or any(part.startswith("_") and not part.startswith("__") for part in path.split("."))
    }
    assert misplaced == {}
