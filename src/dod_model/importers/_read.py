"""``dod_model.read``: any supported document → :class:`~dod_model.Roadmap`, safely."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import attrs

from dod_model._base import budgets, display_name, read_bounded
from dod_model._contracts import Importer, RawDocument
from dod_model._errors import BrokenPluginsError, DocumentError, DodModelError, PluginError
from dod_model._host import Plugins, default_plugins
from dod_model.importers._detect import detect
from dod_model.importers._layout import build_roadmap
from dod_model.model import Roadmap

__all__ = ["MAX_DOCUMENT_BYTES", "read", "require_region"]

MAX_DOCUMENT_BYTES = budgets.DOCUMENT_BYTES
"""Documents larger than this are refused before they are read (64 MiB)."""

Source = str | os.PathLike[str] | IO[bytes]


def _bytes(source: Source) -> tuple[bytes, str]:
    if isinstance(source, bytes | bytearray):
        msg = "read() takes a path or a binary file object, not bytes: wrap them in io.BytesIO"
        raise DocumentError(msg)
    if isinstance(source, str | os.PathLike):
        return read_bounded(source, MAX_DOCUMENT_BYTES), display_name(Path(source).name)
    if not callable(getattr(source, "read", None)):
        msg = f"read() takes a path or a binary file object, not {type(source).__name__}"
        raise DocumentError(msg)
    name = display_name(Path(str(getattr(source, "name", "") or "")).name) or "<stream>"
    try:
        data: object = source.read(MAX_DOCUMENT_BYTES + 1)
    except (OSError, ValueError) as exc:
        msg = f"{name}: cannot read the stream ({exc})"
        raise DocumentError(msg) from None
    if not isinstance(data, bytes):
        msg = f"{name}: a text-mode file object: open the file with 'rb'"
        raise DocumentError(msg)
    if len(data) > MAX_DOCUMENT_BYTES:
        msg = f"{name}: over the {MAX_DOCUMENT_BYTES:,} bytes a roadmap may have"
        raise DocumentError(msg)
    return data, name


def require_region(plugins: Plugins, region: str | None) -> None:
    """Refuse a region code the user named that no region has, before any document is read.

    Raises:
        DocumentError: The code is unknown; the message gives a close match and the known ones.
    """
    if region is not None:
        try:
            plugins.require_region(region)
        except ValueError as exc:
            raise DocumentError(str(exc)) from None


def _choose(plugins: Plugins, data: bytes, name: str, format: str | None) -> Importer:
    """The importer for ``data``: by ``format``, else by what the content is, then the suffix."""
    head = data[:8192]
    named = plugins.choose_importer(name, head, format) if format is not None else None
    if named is not None:  # a format named is its importer, or refused as unknown
        return named
    if not data.strip():
        found = "an empty file" if not data else "a file of nothing but blank space"
        msg = f"{name}: {found}; is it the roadmap, saved to the end?"
        raise DocumentError(msg)
    content = detect(data)
    first = (content.suffix,) if content is not None else ()
    importer = plugins.choose_importer(name, head, first=first)
    if importer is not None and (
        content is None
        or content.suffix in importer.suffixes
        # A package or OLE2 file of no office format (or damaged): the importers' own checks
        # say what is wrong with it.
        or content.suffix in (".zip", ".ole")
    ):
        return importer
    tried = ", ".join(plugins.importers())
    if content is not None:
        advice = content.advice or f"no importer reads it ({tried} tried)"
        msg = f"{name}: {content.what}: {advice}"
        raise DocumentError(msg)
    if b"\x00" in head:
        msg = f"{name}: binary data of no format an importer reads ({tried} tried)"
        raise DocumentError(msg)
    msg = f"{name}: no importer recognises this document ({tried} tried)"
    raise DocumentError(msg)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused, and left as it was after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _raw(importer: Importer, data: bytes, name: str) -> RawDocument:
    """What ``importer`` reads from ``data``, with the document's name, digest and format."""
    raw: RawDocument = importer.read(data, name=name)
    return attrs.evolve(raw, name=name, sha256=hashlib.sha256(data).hexdigest(),
                        format=raw.format or importer.name)  # fmt: skip


def _sheet(raw: RawDocument, sheet: str | None) -> RawDocument:
    """Of a workbook, the blocks of the sheet the user named."""
    if sheet is None:
        return raw
    try:
        return raw.on_sheet(sheet)
    except KeyError:
        known = ", ".join(f"«{s}»" for s in raw.sheets)
        found = f"its sheets are {known}" if known else f"a {raw.format} document has no sheets"
        msg = f"no sheet «{sheet}»: {found}"
        raise DocumentError(msg) from None


def read(source: Source, *, region: str | None = None, format: str | None = None,
         sheet: str | None = None, plugins: Plugins | None = None,
         pause_collector: bool = False) -> Roadmap:  # fmt: skip
    """Read a roadmap document.

    Args:
        source: A path, or a binary file object.
        region: ISO 3166-2 code of the document's region, which wins over what its text names
            and is the roadmap's; detected from its text when ``None``.
        format: The importer to use («text», …); sniffed from the content when ``None``.
        sheet: Of a workbook, the sheet that holds the roadmap; the first sheet that holds
            one when ``None``.
        plugins: The plugin session; the default one when ``None``.
        pause_collector: Pause Python's cyclic garbage collector while the document is read,
            and turn it on again after if it was on: a large roadmap then reads a few per cent
            faster (the collector would walk the objects a read makes, which form no cycles).
            The collector is one for the whole process: during the read no thread's cycles are
            collected, and a thread that turns the collector off meanwhile finds it on again.
            Only for a program that reads in one thread, or pauses nothing else.

    Returns:
        The roadmap, with the document's name and SHA-256 as its source.

    Raises:
        DocumentError: The document is unreadable, unsafe or not a roadmap; the message names
            it and says what to do. Or ``region`` is no known code: the message lists them.
        dod_model.plugins.BrokenPluginsError: The plugins are broken, not the document (only with
            ``DOD_MODEL_STRICT_PLUGINS=1``, which makes a plugin conflict an error); the message
            does not name the document. It is a :class:`PluginError` and a
            :class:`DocumentError`: no other exception escapes.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       The collector is left alone unless ``pause_collector`` is given.
    .. versionchanged:: 0.3.0
       ``sheet``; an unknown ``region`` is an error.
    """
    plugins = default_plugins() if plugins is None else plugins
    require_region(plugins, region)
    data, name = _bytes(source)
    try:
        importer = _choose(plugins, data, name, format)
        with _collector_paused() if pause_collector else contextlib.nullcontext():
            # Handed on, not kept: the layout lets the raw tables go once it has read them.
            return build_roadmap(
                _sheet(_raw(importer, data, name), sheet), plugins=plugins, region=region
            )
    except DocumentError as exc:
        message = str(exc)
        raise DocumentError(message if message.startswith(name) else f"{name}: {message}") from None
    except PluginError as exc:
        # About the plugins, not this document: not given its name; a DocumentError still, as
        # nothing else escapes read().
        raise BrokenPluginsError(str(exc)) from exc
    except DodModelError as exc:
        raise DocumentError(f"{name}: {exc}") from None
    except (RecursionError, MemoryError) as exc:
        msg = (
            f"{name}: the document is too deeply nested or too large to read ({type(exc).__name__})"
        )
        raise DocumentError(msg) from None
    except Exception as exc:
        msg = (
            f"{name}: could not be read ({type(exc).__name__}: {exc}); please report this "
            "document to the dod_model developers"
        )
        raise DocumentError(msg) from exc
