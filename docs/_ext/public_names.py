"""Where each public name of dod_model is documented: the rule the docs and their test share.

Plain Python, no Sphinx: ``tests/test_docs.py`` loads it to check that every name of every public
``__all__`` has an entry in the docs, and the ``public_api`` extension to link to those entries.
"""

from __future__ import annotations

import importlib
import inspect
import sys

# The public namespaces, the top level first, then from the bottom layer up: a constant that
# several of them export is documented under the first (a class or function, under the
# namespace its __module__ names).
NAMESPACES = (
    "dod_model",
    "dod_model.model",
    "dod_model.text",
    "dod_model.codec",
    "dod_model.hookspecs",
    "dod_model.importers",
    "dod_model.exporters",
    "dod_model.validation",
    "dod_model.analysis",
    "dod_model.registry",
    "dod_model.examples",
    "dod_model.plugins",
    "dod_model.testing",
    "dod_model.testing.strategies",
    "dod_model.cli",
)


def public_names(namespace: str) -> list[str]:
    """The names of a namespace's ``__all__``."""
    return list(importlib.import_module(namespace).__all__)


def home(namespace: str, name: str) -> str:
    """The path under which ``namespace.name`` has its entry in the docs.

    A class or a function is documented where its ``__module__`` says (``dod_model.dumps`` for
    ``dod_model.codec.dumps``); any other object under the first namespace of
    :data:`NAMESPACES` that exports it by that name (``dod_model.hookimpl`` for
    ``dod_model.hookspecs.hookimpl``).
    """
    obj = getattr(importlib.import_module(namespace), name)
    if inspect.isclass(obj) or inspect.isroutine(obj):
        module = getattr(obj, "__module__", None) or ""
        qualname = getattr(obj, "__qualname__", "")
        if module in NAMESPACES and getattr(sys.modules[module], qualname, None) is obj:
            return f"{module}.{qualname}"
    for other in NAMESPACES:
        module = importlib.import_module(other)
        if name in module.__all__ and getattr(module, name) is obj:
            return f"{other}.{name}"
    return f"{namespace}.{name}"


def _split(path: str) -> tuple[str, str, str] | None:
    """``(namespace, name, rest)`` of a dotted path into a public name, or ``None``."""
    for namespace in sorted(NAMESPACES, key=len, reverse=True):
        if path.startswith(namespace + "."):
            name, _, rest = path[len(namespace) + 1 :].partition(".")
            if name in public_names(namespace):
                return namespace, name, rest
            return None
    return None


def resolve_public_path(path: str) -> str | None:
    """The documented path of ``path`` if it is another public path to the same object."""
    parts = _split(path)
    if parts is None:
        return None
    namespace, name, rest = parts
    target = home(namespace, name) + (f".{rest}" if rest else "")
    return None if target == path else target


def unique_home(target: str) -> str | None:
    """The documented path of a relative ``target`` whose first name only one object has.

    A docstring names its package's siblings as its code does (``title_similarity`` in
    :func:`dod_model.diff`, ``RoadmapStatus.later``); documented under another namespace, such
    a name is found among the public names of every namespace when exactly one object has it.
    """
    name, _, rest = target.partition(".")
    homes = {
        home(namespace, name)
        for namespace in NAMESPACES
        if name in importlib.import_module(namespace).__all__
    }
    if len(homes) != 1:
        return None
    return homes.pop() + (f".{rest}" if rest else "")


def public_path_of(path: str) -> str | None:
    """The documented path of the object a private path names, if a namespace exports it.

    ``dod_model._host._manager.PluginInfo`` is ``dod_model.plugins.PluginInfo``: the path a
    type annotation gives when the object's ``__module__`` is still its private module.
    """
    module, _, name = path.rpartition(".")
    if module.partition(".")[0] != "dod_model":
        return None
    try:
        obj = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None
    for namespace in NAMESPACES:
        exported = importlib.import_module(namespace)
        if name in exported.__all__ and getattr(exported, name) is obj:
            return home(namespace, name)
    return None
