"""The docs are true: their examples run, and every public name is documented."""

from __future__ import annotations

import doctest
import inspect
import re

import pytest

import dod_model

from .conftest import ROOT

DOCS = ROOT / "docs"
_BLOCK = re.compile(r"^```\{doctest\}\n(.*?)^```$", re.DOTALL | re.MULTILINE)


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
