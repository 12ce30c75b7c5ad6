"""Example documents bundled with the library, for trying it out and for tests.

>>> from dod_model import examples
>>> "ulyanovsk-cherdakly-2019" in examples.names()
True
>>> examples.load("ulyanovsk-cherdakly-2019").region
'RU-ULY'

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from importlib import resources

from dod_model.codec import loads
from dod_model.model import Roadmap

__all__ = ["load", "names", "text"]

_DATA = resources.files(__package__) / "data"


def names() -> tuple[str, ...]:
    """Names of the bundled example roadmaps, sorted.

    .. versionadded:: 0.1.0
    """
    return tuple(
        sorted(p.name.removesuffix(".json") for p in _DATA.iterdir() if p.name.endswith(".json"))
    )


def text(name: str) -> str:
    """The JSON text of a bundled example roadmap.

    Raises:
        KeyError: No example has that name; the message lists the ones there are.

    .. versionadded:: 0.1.0
    """
    if name not in names():
        msg = f"no bundled example {name!r}; there are: {', '.join(names())}"
        raise KeyError(msg)
    return (_DATA / f"{name}.json").read_text(encoding="utf-8")


def load(name: str) -> Roadmap:
    """Load a bundled example roadmap.

    Args:
        name: One of :func:`names`.

    Raises:
        KeyError: No example has that name.

    .. versionadded:: 0.1.0
    """
    return loads(text(name), Roadmap)
