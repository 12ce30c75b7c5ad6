"""Re-exported names report the public namespace they are documented under as their module."""

from __future__ import annotations

import types
import typing

import attrs

__all__ = ["publish"]


def _private(module: str) -> bool:
    return any(part.startswith("_") for part in module.split("."))


def publish(namespace: str, *objects: object, replace: bool = False) -> None:
    """Set ``__module__`` of ``objects`` to the public ``namespace`` they are documented under.

    ``dod_model.Roadmap``, not ``dod_model.model._roadmap.Roadmap``: tracebacks, reprs, pickles
    and the docs show the public path.

    An object already in a public namespace keeps it (a namespace re-exporting another's names
    does not take them over) unless ``replace``: the top level takes its names from every
    namespace, and, imported before any of them can be used, always has the last word.

    A class's annotations are resolved first, in the module that defines it: type hints stay
    resolvable (``typing.get_type_hints``, cattrs, attrs) once its module is another.
    """
    for obj in objects:
        # A function wrapped by functools (``functools.cache``) is published as its wrapper.
        wrapped = obj
        while hasattr(wrapped, "__wrapped__"):
            wrapped = wrapped.__wrapped__
        if not isinstance(obj, type) and not isinstance(wrapped, types.FunctionType):
            continue  # instances (markers, constants) have no module of their own
        if not replace and not _private(obj.__module__):
            continue
        if isinstance(obj, type):
            own = vars(obj).get("__annotations__", {})
            if own:
                hints = typing.get_type_hints(obj)
                obj.__annotations__ = {name: hints[name] for name in own}
            if attrs.has(obj):
                attrs.resolve_types(obj)
        obj.__module__ = namespace
