"""``dod_model.write``: a roadmap → a document, through the exporter plugins."""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path
from typing import IO

from dod_model._base import display_name
from dod_model._contracts import Exporter
from dod_model._errors import DocumentError
from dod_model._host import Plugins, default_plugins
from dod_model.model import Roadmap

__all__ = ["Target", "choose_exporter", "write"]

Target = str | os.PathLike[str] | IO[bytes]


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
    return plugins.choose_exporter(target, format)


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
    plugins = default_plugins() if plugins is None else plugins
    if isinstance(target, str | os.PathLike):
        path = Path(target)
        data = choose_exporter(plugins, str(path), format).export(roadmap)
        try:
            _replace(path, data)
        except OSError as exc:
            shown = display_name(path)
            msg = f"{shown}: cannot write the file ({exc.strerror}); check the folder exists"
            raise DocumentError(msg) from None
        return
    name = display_name(str(getattr(target, "name", "") or "<stream>"))
    if format is None and name == "<stream>":
        msg = "write() to a stream needs format= («json», «csv», …)"
        raise DocumentError(msg)
    target.write(choose_exporter(plugins, name, format).export(roadmap))
