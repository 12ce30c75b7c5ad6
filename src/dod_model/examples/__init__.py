"""Example documents bundled with the library, for trying it out and for tests.

Three kinds, for the five seed roadmaps our users gave us:

* Word renditions of them (``samara``, ``tambov``, ``ulyanovsk``, ``amur``, ``sverdlovsk``),
  with the quirks real Word files have (merged rows, repeated headers, numbering, tracked
  changes, content controls), built by ``tests/word_renditions.py``;
* the plain-text exports of their Word files as we received them (``samara-text``, …);
* a roadmap built by hand as JSON, the reference the importers are checked against
  (``ulyanovsk-cherdakly-2019``).

>>> from dod_model import examples
>>> examples.documents()[:3]
('amur', 'amur-text', 'samara')
>>> examples.load("tambov").region
'RU-TAM'
>>> examples.sample("RU-TAM")
'tambov'
>>> examples.load("ulyanovsk-text") == examples.load("ulyanovsk-cherdakly-2019")
True

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable

from dod_model._base import publish
from dod_model._host import Plugins
from dod_model.codec import loads
from dod_model.importers import read
from dod_model.model import Roadmap

__all__ = ["documents", "load", "names", "path", "sample", "text"]

_DATA = resources.files(__package__) / "data"
_JSON = {"ulyanovsk-cherdakly-2019": "ulyanovsk-cherdakly-2019.json"}
_SEEDS = {
    "amur": "amur-rmc-first-steps-plan",
    "samara": "samara-oc-roadmap-2019",
    "sverdlovsk": "sverdlovsk-ekaterinburg-moc-plan-2019-2020",
    "tambov": "tambov-target-model-roadmap-2020-2024",
    "ulyanovsk": "ulyanovsk-cherdakly-moc-roadmap-2019",
}
_SAMPLES = {  # each built-in region's sample: the Word rendition of its seed
    "RU-AMU": "amur",
    "RU-SAM": "samara",
    "RU-SVE": "sverdlovsk",
    "RU-TAM": "tambov",
    "RU-ULY": "ulyanovsk",
}
_DOCUMENTS = {
    **{name: f"documents/{stem}.docx" for name, stem in _SEEDS.items()},
    **{f"{name}-text": f"documents/{stem}.txt" for name, stem in _SEEDS.items()},
}


def names() -> tuple[str, ...]:
    """Names of every bundled example, sorted.

    .. versionadded:: 0.1.0
    """
    return tuple(sorted({**_JSON, **_DOCUMENTS}))


def documents() -> tuple[str, ...]:
    """Names of the bundled documents (the seeds as Word files and as text exports), sorted.

    .. versionadded:: 0.1.0
    """
    return tuple(sorted(_DOCUMENTS))


def path(name: str) -> Traversable:
    """The bundled file of an example.

    Raises:
        KeyError: No example has that name; the message lists the ones there are.

    .. versionadded:: 0.1.0
    """
    file = _JSON.get(name) or _DOCUMENTS.get(name)
    if file is None:
        msg = f"no bundled example {name!r}; there are: {', '.join(names())}"
        raise KeyError(msg)
    return _DATA.joinpath(*file.split("/"))


def sample(region: str) -> str:
    """The name of the bundled sample document of a built-in region.

    Args:
        region: The ISO 3166-2 code of a region a built-in plugin registers.

    Raises:
        KeyError: No sample of that region is bundled; the message lists the regions with one.

    .. versionadded:: 0.3.0
    """
    try:
        return _SAMPLES[region]
    except KeyError:
        msg = f"no bundled sample of region {region!r}; there are: {', '.join(_SAMPLES)}"
        raise KeyError(msg) from None


def text(name: str) -> str:
    """The text of an example's file: JSON, or a text export (not a Word file).

    .. versionadded:: 0.1.0
    """
    return path(name).read_text(encoding="utf-8")


def load(name: str, *, plugins: Plugins | None = None) -> Roadmap:
    """An example as a roadmap: JSON loaded, documents read by the importers.

    Args:
        name: One of :func:`names`.
        plugins: The plugin session for reading documents; the default one when ``None``.

    Raises:
        KeyError: No example has that name.

    .. versionadded:: 0.1.0
    """
    file = path(name)
    if name in _JSON:
        return loads(file.read_text(encoding="utf-8"), Roadmap)
    with resources.as_file(file) as real:
        return read(real, plugins=plugins)


publish(__name__, *(globals()[name] for name in __all__))
