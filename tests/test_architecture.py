"""The layers of the library, as docs/architecture.md draws them, hold in the code itself.

The import-linter contract in pyproject.toml orders the packages; these tests add what a
layers contract cannot say: no module takes another package's private modules, none imports a
module of the library inside a function (a cycle dodged is a cycle), and none imports the
package's own ``__init__`` (which imports everything).
"""

from __future__ import annotations

import ast
from pathlib import Path

import grimp
import pytest
from importlinter.cli import lint_imports

import dod_model

PACKAGE = Path(dod_model.__file__).parent
ROOT = PACKAGE.parent.parent


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("dod_model", cache_dir=None)


def _owner_of_private(module: str) -> str | None:
    """The package whose private module ``module`` is (``a.b._c.d`` → ``a.b``), or None."""
    parts = module.split(".")
    for index, part in enumerate(parts):
        if part.startswith("_") and not part.startswith("__"):
            return ".".join(parts[:index])
    return None


def test_the_layers_contract_is_kept() -> None:
    # 0 when every contract is kept; the broken imports are printed (pytest shows them).
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True) == 0


def test_no_module_takes_another_packages_private_modules(graph: grimp.ImportGraph) -> None:
    offences = []
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            owner = _owner_of_private(imported)
            # The top package's own private modules (_errors, _base, _host, …) are shared by
            # every subpackage; a subpackage's private modules are its own.
            if owner in (None, "dod_model"):
                continue
            if importer != owner and not importer.startswith(owner + "."):
                offences.append(f"{importer} → {imported}")
    assert not offences


def _function_level_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.ImportFrom) and (inner.module or "").startswith("dod_model"):
                found.append(f"{path.relative_to(PACKAGE)}:{inner.lineno} {inner.module}")
            elif isinstance(inner, ast.Import):
                found += [
                    f"{path.relative_to(PACKAGE)}:{inner.lineno} {alias.name}"
                    for alias in inner.names
                    if alias.name.startswith("dod_model")
                ]
    return found


# The command line is the top layer: nothing imports it, so no cycle can hide in it, and its
# commands load what they need when they run, so that `dod-model --help` starts fast.
LOADS_WHEN_RUN = PACKAGE / "cli"


def test_no_module_of_the_library_is_imported_inside_a_function() -> None:
    found = [
        hit
        for path in sorted(PACKAGE.rglob("*.py"))
        if LOADS_WHEN_RUN not in path.parents
        for hit in _function_level_imports(path)
    ]
    assert not found


def test_no_module_imports_the_package_init(graph: grimp.ImportGraph) -> None:
    importers = sorted(graph.find_modules_that_directly_import("dod_model"))
    assert importers == []
