"""``dod_model.write``: a roadmap → a document, through the exporter plugins."""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path
from typing import IO, Protocol, runtime_checkable

from dod_model._errors import DocumentError
from dod_model.model import Roadmap
from dod_model.plugins import Plugins

__all__ = ["Exporter", "Target", "choose_exporter", "write"]

Target = str | os.PathLike[str] | IO[bytes]


@runtime_checkable
class Exporter(Protocol):
    """What an exporter registered through ``dod_register_exporters`` provides.

    Attributes:
        name: The ``format`` users pass to :func:`dod_model.write` («json», «csv», …).
        suffixes: File suffixes it writes, lower case with the dot («.json»); the first is
            the one ``dod-model read -o DIR`` gives its files.
        media_type: The IANA media type of what it writes.

    .. versionadded:: 0.2.0
    """

    name: str
    suffixes: tuple[str, ...]
    media_type: str

    def export(self, roadmap: Roadmap) -> bytes:
        """The document's bytes. Must not raise for any valid roadmap."""
        ...


def choose_exporter(plugins: Plugins, target: str, format: str | None) -> Exporter:
    """The exporter for ``format``, or for the suffix of ``target`` when ``format`` is None.

    Args:
        plugins: The plugin session whose exporters are looked at.
        target: The file written to, as the user named it (for its suffix, and the message).
        format: An exporter's name, or ``None`` to go by the suffix.

    Raises:
        DocumentError: No exporter has that name or claims that suffix; the message lists the
            known ones.

    .. versionadded:: 0.2.0
    """
    exporters: dict[str, Exporter] = plugins.exporters()
    known = ", ".join(exporters) or "none"
    if format is not None:
        if format not in exporters:
            msg = f"{target}: no exporter for format {format!r} (known: {known})"
            raise DocumentError(msg)
        return exporters[format]
    suffix = Path(target).suffix.casefold()
    for exporter in exporters.values():
        if suffix and suffix in exporter.suffixes:
            return exporter
    what = suffix or "files without a suffix"
    msg = f"{target}: no exporter writes {what}; name the format ({known})"
    raise DocumentError(msg)


def _replace(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``, atomically where the target is a regular file.

    A regular file (or none yet) is replaced at once, so a reader sees the old file or the
    whole new one; it keeps its permissions, and a new one gets those the umask allows. A
    symbolic link is followed, and its target replaced. Anything else (``/dev/null``, a pipe,
    a terminal) is written to as it is.
    """
    path = path.resolve() if path.is_symlink() else path
    if path.exists() and not path.is_file():
        with path.open("wb") as stream:
            stream.write(data)
        return
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else None
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    # Created as open() creates files: with the permissions the umask leaves.
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write(roadmap: Roadmap, target: Target, *, format: str | None = None,
          plugins: Plugins | None = None) -> None:  # fmt: skip
    """Write a roadmap as a document.

    Args:
        roadmap: The roadmap to write.
        target: A path (replaced atomically) or a binary file object.
        format: The exporter («json», «csv», «md», «docx», «ics», or one a plugin registers);
            taken from the target's suffix when ``None``.
        plugins: The plugin session; the default one when ``None``.

    Raises:
        DocumentError: No exporter fits, or the file cannot be written; the message names it.

    .. versionadded:: 0.2.0
    """
    from dod_model.plugins import default_plugins  # noqa: PLC0415 - plugins import exporters

    plugins = default_plugins() if plugins is None else plugins
    if isinstance(target, str | os.PathLike):
        path = Path(target)
        data = choose_exporter(plugins, str(path), format).export(roadmap)
        try:
            _replace(path, data)
        except OSError as exc:
            msg = f"{path}: cannot write the file ({exc.strerror}); check the folder exists"
            raise DocumentError(msg) from None
        return
    name = str(getattr(target, "name", "") or "<stream>")
    if format is None and name == "<stream>":
        msg = "write() to a stream needs format= («json», «csv», …)"
        raise DocumentError(msg)
    target.write(choose_exporter(plugins, name, format).export(roadmap))
