"""The hooks of dod_model: the one place plugins are specified.

Every hook is a *register-callback*: it receives a ``register`` function and calls it once per
thing it contributes. The hook itself does nothing else; behaviour lives in the registered
objects, which mypy can check. Implement hooks with :data:`hookimpl`::

    from dod_model import Region, hookimpl

    @hookimpl
    def dod_register_regions(register):
        register(Region(code="RU-KIR", name="Кировская область"))

Expose the module under the entry-point group ``dod_model`` of your distribution.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Protocol

import pluggy

from dod_model._contracts import Exporter, Importer, Rule
from dod_model.model import ColumnRole, Region

__all__ = ["PROJECT", "RegisterAbbreviations", "RegisterHeaders", "hookimpl", "hookspec"]

PROJECT = "dod_model"
"""Name of the pluggy project and of the entry-point group plugins are found under."""

hookspec = pluggy.HookspecMarker(PROJECT)
"""Marks the functions below as the hook specifications of the :data:`PROJECT` project.

.. versionadded:: 0.1.0
"""

hookimpl = pluggy.HookimplMarker(PROJECT)
"""Marks a function of a plugin as the implementation of a hook: ``@hookimpl``.

.. versionadded:: 0.1.0
"""


class RegisterAbbreviations(Protocol):
    """The ``register`` that :func:`dod_register_abbreviations` receives.

    .. versionadded:: 0.3.0
    """

    def __call__(self, entries: Mapping[str, str], /, *, region: str | None = None) -> None:
        """Register abbreviations (``{"МОиН СО": "министерство …"}``), for ``region`` only."""


class RegisterHeaders(Protocol):
    """The ``register`` that :func:`dod_register_headers` receives.

    .. versionadded:: 0.3.0
    """

    def __call__(self, entries: Mapping[ColumnRole | str, Iterable[str]], /) -> None:
        """Register header wordings by role: ``{"result": ["форма контроля"]}``."""


@hookspec
def dod_register_regions(register: Callable[[Region], None]) -> None:
    """Register the regions a plugin knows.

    Call ``register(Region(...))`` once per region: its ISO 3166-2 code, its names in the cases
    documents use, the cities and districts that identify it, its certificate age range. Two
    plugins registering one code is an error naming both.

    .. versionadded:: 0.1.0
    """


@hookspec
def dod_register_rules(register: Callable[[Rule], None]) -> None:
    r"""Register validation rules.

    Call ``register(rule)`` once per rule: any object with ``code`` (namespaced, unique across
    plugins), ``region`` (an ISO 3166-2 code, or ``None`` to check every document),
    ``severity`` and ``check(obj, context)`` yielding :class:`~dod_model.Finding`\\ s.

    Rules on registry records are best made with :func:`~dod_model.registry.record_rule`: such a
    :class:`~dod_model.registry.RecordRule` checks one record at a time, so it also runs on registry
    files streamed by :func:`~dod_model.registry.validate_registry` (since 0.2.0).

    .. versionadded:: 0.1.0
    """


@hookspec
def dod_register_abbreviations(register: RegisterAbbreviations) -> None:
    """Register abbreviations and what they stand for.

    Call ``register({"МОиН СО": "министерство образования и науки Самарской области"},
    region="RU-SAM")``; without ``region`` the abbreviations apply everywhere. Parties of a
    region's documents are spelt out with them (:attr:`~dod_model.Party.canonical`).

    .. versionadded:: 0.1.0
    """


@hookspec
def dod_register_importers(register: Callable[[Importer], None]) -> None:
    """Register importers: readers of a document format into a :class:`~dod_model.Roadmap`.

    Call ``register(importer)`` with an :class:`~dod_model.Importer`: its ``name`` (the
    ``format`` users pass to :func:`dod_model.read`), ``suffixes`` (file suffixes it claims),
    ``sniff(head)`` and ``read(data, name=...)``, which returns the raw document the layout
    stage builds the roadmap from. Names are unique across plugins.

    .. versionadded:: 0.1.0
    """


@hookspec
def dod_register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register exporters: writers of a :class:`~dod_model.Roadmap` in a format.

    Call ``register(exporter)`` with an :class:`~dod_model.Exporter`: its ``name`` (the
    ``format`` users pass to :func:`dod_model.write`), ``suffixes``, ``media_type`` and
    ``export(roadmap)``. Names are unique across plugins.

    .. versionadded:: 0.1.0
    """


@hookspec
def dod_register_headers(register: RegisterHeaders) -> None:
    """Register the wordings a region's or a vendor's tables head their columns with.

    Call ``register({ColumnRole.RESULT: ("форма контроля",)})``: for each role (a
    :class:`~dod_model.ColumnRole` or its value, ``"result"``), phrases that name it, matched
    as the built-in ones are (:class:`~dod_model.text.HeaderVocabulary`). They come after the
    built-in phrases of their role. A header no phrase names is still read: its column is kept
    on each activity under the header's text (:attr:`~dod_model.Activity.extra`).

    .. versionadded:: 0.3.0
    """
