"""What the host says of a plugin that fails to load or takes another's key, and of a region code.

Every message names the plugins with their distributions and says how to turn one off
(``DOD_MODEL_DISABLE_PLUGINS``); a failure to load names the plugin's own file and line.
"""

from __future__ import annotations

import difflib
import sysconfig
import traceback
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import FrameType

import attrs

from dod_model._base import display_name
from dod_model.model import Region

__all__ = [
    "Owner",
    "caller_line",
    "conflict_message",
    "load_failure_message",
    "plugin_line",
    "unknown_region",
]

_LIBRARY = Path(__file__).resolve().parents[1]  # the dod_model package
_STDLIB = Path(sysconfig.get_paths()["stdlib"]).resolve()


@attrs.frozen
class Owner:
    """A plugin as messages name it: its name and, when installed, its distribution."""

    name: str
    distribution: str | None = None
    version: str | None = None
    builtin: bool = False

    def __str__(self) -> str:
        if self.distribution is None:
            return repr(self.name)
        version = f" {self.version}" if self.version else ""
        return f"{self.name!r} ({self.distribution}{version})"


def _turn_off(name: str) -> str:
    return f"DOD_MODEL_DISABLE_PLUGINS={name}"


def conflict_message(what: str, key: str, kept: Owner, skipped: Owner, *, strict: bool) -> str:
    """Two registrations of one key: which plugins, which one is kept, how to turn one off.

    Args:
        what: What is registered («region», «rule code», «importer», «exporter»).
        key: The key both registered.
        kept: The plugin whose registration stands (the built-in, else the first by name).
        skipped: The plugin whose registration is skipped.
        strict: Word it as the error ``DOD_MODEL_STRICT_PLUGINS=1`` makes it.
    """
    if kept.name == skipped.name:
        found = f"{what} {key!r} is registered twice by plugin {kept}"
        if strict:
            return f"{found}; a plugin registers each {what} once"
        return f"{found}: the first registration is kept and the second skipped"
    found = f"{what} {key!r} is registered by two plugins, {kept} and {skipped}"
    if strict:
        return (
            f"{found}; with DOD_MODEL_STRICT_PLUGINS set, plugins that conflict are an error: "
            f"turn one off with {_turn_off(skipped.name)}"
        )
    keeper = f"the built-in {kept.name!r}" if kept.builtin else f"{kept.name!r} (first by name)"
    return (
        f"{found}: {keeper} keeps it and the registration by {skipped.name!r} is skipped; "
        f"turn a plugin off with {_turn_off(skipped.name)}"
    )


def caller_line(frame: FrameType | None) -> tuple[str, int] | None:
    """The file and line of the innermost caller outside this library, from ``frame`` out.

    A plugin built on :class:`~dod_model.RegionPlugin` registers from inside the library; its
    registrations have no line of their own (``None``).
    """
    while frame is not None:
        file = frame.f_code.co_filename
        if not file.startswith("<") and not Path(file).resolve().is_relative_to(_LIBRARY):
            return file, frame.f_lineno
        if Path(file).name == "_manager.py" and frame.f_code.co_name == "_collect":
            return None  # the host called the hook: what is further out is not the plugin's
        frame = frame.f_back
    return None


def _in_library(file: Path) -> bool:
    if file.is_relative_to(_LIBRARY):
        return True
    installed = {"site-packages", "dist-packages"} & set(file.parts)
    return file.is_relative_to(_STDLIB) and not installed


def plugin_line(exc: BaseException, files: Iterable[Path] = ()) -> tuple[str, int] | None:
    """The file and line of a plugin where ``exc`` arose: the plugin's own, not the library's.

    A syntax error names its place; otherwise the innermost frame of the traceback in one of
    the distribution's ``files``, else the innermost outside this library, the standard
    library and the import machinery.
    """
    if isinstance(exc, SyntaxError) and exc.filename:
        return exc.filename, exc.lineno or 0
    frames = [
        (Path(frame.filename).resolve(), frame.lineno or 0)
        for frame in traceback.extract_tb(exc.__traceback__)
        if not frame.filename.startswith("<")
    ]
    own = {file.resolve() for file in files}
    for file, line in reversed(frames):
        if file in own:
            return str(file), line
    for file, line in reversed(frames):
        if not _in_library(file):
            return str(file), line
    return None


def load_failure_message(
    plugin: Owner, exc: BaseException, where: tuple[str, int] | None, *, strict: bool
) -> str:
    """A plugin failed to load: which, from which distribution, why and where in it."""
    place = f" in {display_name(where[0])}, line {where[1]}" if where else ""
    reason = f"{exc} ({type(exc).__name__}{place})"
    if strict:
        return (
            f"plugin {plugin} failed to load: {reason}; turn it off with {_turn_off(plugin.name)}"
        )
    return (
        f"plugin {plugin} failed to load and is skipped: {reason}; "
        f"turn it off with {_turn_off(plugin.name)}"
    )


def unknown_region(code: object, known: Mapping[str, Region], named: Region | None) -> str:
    """A region code that is none of ``known``: a close match first, then every known code.

    Args:
        code: What was given.
        known: The known regions by code.
        named: The region the given text names (``"Кировская область"``), if any.
    """
    text = str(code)
    written = text.strip().upper()
    if written in known:  # the case, or blank space around it
        close = [written]
    else:
        close = [named.code] if named is not None else []
        words = text.strip().casefold()
        if len(words) >= 4:  # the beginning of a name: «Самарская», «кировская обл»
            close += [c for c, r in known.items() if r.name.casefold().startswith(words)][:2]
        close += difflib.get_close_matches(written, list(known), n=3, cutoff=0.75)
    guesses = " or ".join(f"{c} ({known[c].name})" for c in dict.fromkeys(close) if c in known)
    listing = f"({len(known)}): {', '.join(known)}"
    if guesses:
        return f"{text!r} is not a region code; did you mean {guesses}? Known {listing}"
    return f"{text!r} is not a region code; known {listing}"
