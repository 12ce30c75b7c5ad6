"""The plugin host: a pluggy manager behind a typed facade, built by a factory."""

from __future__ import annotations

import functools
import importlib.metadata
import os
import sys
import warnings
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path, PurePath
from types import ModuleType
from typing import Generic, NamedTuple, TypeVar, cast

import attrs
import pluggy

from dod_model import hookspecs
from dod_model._contracts import Exporter, Importer, Rule, require_namespace
from dod_model._errors import DocumentError, PluginError
from dod_model._host._choose import choose
from dod_model._host._problems import (
    Owner,
    caller_line,
    conflict_message,
    load_failure_message,
    plugin_line,
    unknown_region,
)
from dod_model._version import library_version
from dod_model.model import ColumnRole, Region, RegionMatch, explain_region, subjects
from dod_model.text import Glossary, HeaderVocabulary, core_glossary, core_headers

__all__ = [
    "PluginConflictWarning",
    "PluginInfo",
    "PluginLoadWarning",
    "Plugins",
    "default_plugins",
    "get_plugin_manager",
]

BUILTIN = (
    "dod_model.plugins.core",
    "dod_model.plugins.samara",
    "dod_model.plugins.tambov",
    "dod_model.plugins.ulyanovsk",
    "dod_model.plugins.amur",
    "dod_model.plugins.sverdlovsk",
)


class PluginLoadWarning(UserWarning):
    """A plugin failed to load and was skipped; the others keep working.

    .. versionadded:: 0.1.0
    """


class PluginConflictWarning(PluginLoadWarning):
    """Two plugins registered one key (a region code, a rule code, an importer's name).

    The built-in plugin keeps its registration, else the plugin first by name; the other's is
    skipped and every other registration of both stands. With ``DOD_MODEL_STRICT_PLUGINS=1``
    a conflict raises :class:`~dod_model.PluginError` instead.

    .. versionadded:: 0.3.0
    """


@attrs.frozen(kw_only=True)
class PluginInfo:
    """What ``dod-model plugins`` says of one plugin.

    .. versionadded:: 0.1.0
    """

    name: str
    version: str | None
    distribution: str | None
    hooks: tuple[str, ...]
    regions: tuple[str, ...]
    rules: tuple[str, ...]
    importers: tuple[str, ...]
    exporters: tuple[str, ...]


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no")


def _blocked() -> set[str]:
    return {
        n.strip() for n in os.environ.get("DOD_MODEL_DISABLE_PLUGINS", "").split(",") if n.strip()
    }


class Plugins:
    """The plugins of one session, and what they registered.

    Built by :func:`get_plugin_manager`. Registrations are collected on first use and sorted
    by their keys, so results never depend on the order plugins were loaded in.

    Attributes:
        manager: The underlying :class:`pluggy.PluginManager`.

    .. versionadded:: 0.1.0
    """

    def __init__(self, manager: pluggy.PluginManager) -> None:
        self.manager = manager
        self._versions: dict[str, tuple[str | None, str | None]] = {}
        self._cache: dict[str, object] = {}
        self._builtin: set[str] = set()

    # -- registration -----------------------------------------------------------------------

    def register(
        self,
        plugin: object,
        name: str | None = None,
        *,
        version: str | None = None,
        distribution: str | None = None,
    ) -> str:
        """Register a plugin object or module by hand (tests, applications).

        Returns:
            The name it was registered under.

        Raises:
            PluginError: The name is taken, or the plugin implements no hook correctly.
        """
        try:
            registered = self.manager.register(plugin, name=name)
            self.manager.check_pending()
        except (ValueError, pluggy.PluginValidationError) as exc:
            if self.manager.is_registered(plugin):
                self.manager.unregister(plugin)
            msg = f"cannot register plugin {name or plugin!r}: {exc}"
            raise PluginError(msg) from exc
        if registered is None:  # blocked
            return name or ""
        self._versions[registered] = (version, distribution)
        self._cache.clear()
        return registered

    def unregister(self, name: str) -> None:
        """Remove a plugin by name; unknown names are ignored."""
        plugin = self.manager.get_plugin(name)
        if plugin is not None:
            self.manager.unregister(plugin)
            self._versions.pop(name, None)
            self._builtin.discard(name)
            self._cache.clear()

    # -- what plugins registered ---------------------------------------------------------------

    def _collect(self, hook: str) -> list[_Call]:
        """Call one hook on each plugin separately; return what each passed to ``register``."""
        calls: list[_Call] = []
        caller = getattr(self.manager.hook, hook)
        for impl in caller.get_hookimpls():

            def register(*args: object, _plugin: str = impl.plugin_name, **kwargs: object) -> None:
                # The plugin's line that registers, for a warning to point at.
                calls.append(_Call(_plugin, args, kwargs, caller_line(sys._getframe(1))))

            try:
                impl.function(**dict.fromkeys(impl.argnames, register))
            except Exception as exc:
                msg = f"plugin {impl.plugin_name!r} failed in {hook}: {exc}"
                raise PluginError(msg) from exc
        return calls

    def _keyed(self, kind: _Kind[T]) -> dict[str, tuple[str, T]]:
        """What plugins registered of a kind, checked and keyed: key → (plugin, item)."""
        if kind.hook in self._cache:
            return cast("dict[str, tuple[str, T]]", self._cache[kind.hook])
        found: dict[str, tuple[str, T]] = {}
        # The built-in plugins first, then the others by name: the first to register a key
        # keeps it, whatever order the plugins were loaded in.
        calls = sorted(
            self._collect(kind.hook), key=lambda c: (c.plugin not in self._builtin, c.plugin)
        )
        for call in calls:
            if len(call.args) != 1:
                msg = (
                    f"plugin {call.plugin!r}: {kind.hook} must call register() with one {kind.what}"
                )
                raise PluginError(msg)
            item = kind.check(call.args[0], call.plugin)
            name = kind.key(item)
            if name in found:
                self._conflict(kind.what, name, found[name][0], call)
                continue
            found[name] = (call.plugin, item)
        keyed = dict(sorted(found.items()))
        self._cache[kind.hook] = keyed
        return keyed

    def _owner(self, name: str) -> Owner:
        version, distribution = self._versions.get(name, (None, None))
        return Owner(name, distribution, version, builtin=name in self._builtin)

    def _conflict(self, what: str, key: str, kept: str, call: _Call) -> None:
        """A second registration of ``key``: skipped with a warning, or an error when strict."""
        strict = _flag("DOD_MODEL_STRICT_PLUGINS")
        message = conflict_message(
            what, key, self._owner(kept), self._owner(call.plugin), strict=strict
        )
        if strict:
            raise PluginError(message)
        _warn(message, PluginConflictWarning, call.where, call.plugin)

    def regions(self) -> dict[str, Region]:
        """Every known region by ISO 3166-2 code, sorted by code.

        The subjects of the Federation the library knows from data
        (:func:`dod_model.model.subjects`), each overridden by the region a plugin registers
        under its code, and the regions plugins register under other codes. Of two plugins
        registering one code, the built-in keeps it (else the first by name) and the other is
        skipped with a :class:`PluginConflictWarning`.

        .. versionchanged:: 0.3.0
           Every subject of the Federation, not only those plugins register; a conflict is a
           warning, not an error.
        """
        if "regions:known" not in self._cache:
            known = {**subjects(), **self.registered_regions()}
            self._cache["regions:known"] = dict(sorted(known.items()))
        return dict(cast("dict[str, Region]", self._cache["regions:known"]))

    def registered_regions(self) -> dict[str, Region]:
        """The regions plugins register, by code, sorted by code.

        .. versionadded:: 0.3.0
        """
        return {code: r for code, (_, r) in self._keyed(_REGIONS).items()}

    def region(self, code: str | None) -> Region | None:
        """The region with that code, or ``None``."""
        return None if code is None else self._known().get(code)

    def require_region(self, code: str) -> Region:
        """The region with that code, which a user named: an unknown code is an error.

        Raises:
            ValueError: No region has that code; the message gives a close match first (a
                code like it, or the region the text names), then every known code.

        .. versionadded:: 0.3.0
        """
        known = self._known()
        found = known.get(code) if isinstance(code, str) else None
        if found is None:
            named = self.detect_region([code]) if isinstance(code, str) else None
            raise ValueError(unknown_region(code, known, named))
        return found

    def _known(self) -> dict[str, Region]:
        self.regions()
        return cast("dict[str, Region]", self._cache["regions:known"])

    def detect_region(self, texts: Iterable[str]) -> Region | None:
        """The region a document's text names (see :func:`dod_model.plugins.detect_region`)."""
        found = explain_region(texts, self._known())
        return found.region if found else None

    def explain_region(self, texts: Iterable[str]) -> RegionMatch | None:
        """The region a document's text names and the name that decided it.

        See :func:`dod_model.plugins.explain_region`.

        .. versionadded:: 0.3.0
        """
        return explain_region(texts, self._known())

    def rules(self, region: str | None = None) -> tuple[Rule, ...]:
        """Rules for documents of ``region``: those for every region and the region's own."""
        rules = self._keyed(_RULES)
        return tuple(r for _, r in rules.values() if r.region is None or r.region == region)

    def all_rules(self) -> tuple[Rule, ...]:
        """Every registered rule, whatever its region, sorted by code.

        .. versionadded:: 0.3.0
        """
        return tuple(r for _, r in self._keyed(_RULES).values())

    def rule_sources(self) -> dict[str, str]:
        """The plugin that registered each rule code."""
        return {code: p for code, (p, _) in self._keyed(_RULES).items()}

    def glossary(self, region: str | None = None) -> Glossary:
        """The shared glossary, plus what plugins register for all regions and for ``region``."""
        key = f"glossary:{region}"
        if key not in self._cache:
            general: dict[str, str] = {}
            regional: dict[str, str] = {}
            for plugin, args, kwargs, _ in sorted(
                self._collect("dod_register_abbreviations"), key=lambda call: call.plugin
            ):
                given = args[0] if len(args) == 1 else None
                if not isinstance(given, Mapping | Glossary):
                    msg = f"plugin {plugin!r}: register() takes a mapping of abbreviations"
                    raise PluginError(msg)
                entries = {
                    str(k): str(v)
                    for k, v in (given.entries if isinstance(given, Glossary) else given).items()
                }
                where = kwargs.get("region")
                if where is None:
                    general.update(entries)
                elif where == region:
                    regional.update(entries)
            self._cache[key] = core_glossary().merged(Glossary(general)).merged(Glossary(regional))
        return cast("Glossary", self._cache[key])

    def headers(self) -> HeaderVocabulary:
        """The built-in header vocabulary, with what plugins register, in plugin-name order.

        .. versionadded:: 0.3.0
        """
        if "headers" not in self._cache:
            vocabulary = core_headers()
            for plugin, args, kwargs, _ in sorted(
                self._collect("dod_register_headers"), key=lambda call: call.plugin
            ):
                given = args[0] if len(args) == 1 and not kwargs else None
                if not isinstance(given, Mapping):
                    msg = f"plugin {plugin!r}: register() takes a mapping of roles to phrases"
                    raise PluginError(msg)
                entries: dict[ColumnRole | str, list[str]] = {}
                for role, phrases in given.items():
                    if str(role) not in ColumnRole.__members__.values() or isinstance(phrases, str):
                        known = ", ".join(str(r) for r in ColumnRole)
                        msg = (
                            f"plugin {plugin!r}: register() got {role!r}: {phrases!r}; a role "
                            f"is one of {known}, with a list of phrases"
                        )
                        raise PluginError(msg)
                    entries[ColumnRole(str(role))] = [str(p) for p in phrases]
                vocabulary = vocabulary.merged(entries)
            self._cache["headers"] = vocabulary
        return cast("HeaderVocabulary", self._cache["headers"])

    def importers(self) -> dict[str, Importer]:
        """Registered importers by name, sorted by name."""
        return {n: i for n, (_, i) in self._keyed(_IMPORTERS).items()}

    def exporters(self) -> dict[str, Exporter]:
        """Registered exporters by name, sorted by name."""
        return {n: e for n, (_, e) in self._keyed(_EXPORTERS).items()}

    def choose_importer(self, name: str, head: bytes, format: str | None = None, *,
                        first: tuple[str, ...] = ()) -> Importer | None:  # fmt: skip
        """The importer named ``format``, else the first whose ``sniff`` takes ``head``.

        Those claiming a suffix of ``first`` are tried first (the suffix of what the content
        shows the document to be), then those claiming the suffix of ``name``, then the others.

        Raises:
            DocumentError: No importer is named ``format``.

        .. versionadded:: 0.3.0
        """
        return choose(
            self.importers(),
            kind="importer",
            target=name,
            format=format,
            accepts=lambda importer: importer.sniff(head),
            first=first,
        )

    def choose_exporter(self, target: str, format: str | None = None) -> Exporter:
        """The exporter named ``format``, else the one claiming the suffix of ``target``.

        Raises:
            DocumentError: No exporter has that name or claims that suffix; the message lists
                the known ones.

        .. versionadded:: 0.3.0
        """
        suffix = PurePath(target).suffix.casefold()
        exporters = self.exporters()
        found = choose(
            exporters,
            kind="exporter",
            target=target,
            format=format,
            accepts=lambda exporter: bool(suffix) and suffix in exporter.suffixes,
        )
        if found is None:
            what = suffix or "files without a suffix"
            known = ", ".join(exporters) or "none"
            msg = f"{target}: no exporter writes {what}; name the format ({known})"
            raise DocumentError(msg)
        return found

    def versions(self) -> dict[str, str | None]:
        """Every plugin's name and version, sorted by name."""
        return {name: self._versions.get(name, (None, None))[0] for name in self.names()}

    def names(self) -> tuple[str, ...]:
        """Names of the registered plugins, sorted (not those turned off, which pluggy lists)."""
        listed = self.manager.list_name_plugin()
        return tuple(sorted(n for n, p in listed if n is not None and p is not None))

    def info(self) -> tuple[PluginInfo, ...]:
        """A description of every plugin, sorted by name."""
        owners: dict[str, dict[str, list[str]]] = {}
        owner_of = {  # kind → key → the plugin that registered it
            _REGIONS.name: {key: owner for key, (owner, _) in self._keyed(_REGIONS).items()},
            _RULES.name: {key: owner for key, (owner, _) in self._keyed(_RULES).items()},
            _IMPORTERS.name: {key: owner for key, (owner, _) in self._keyed(_IMPORTERS).items()},
            _EXPORTERS.name: {key: owner for key, (owner, _) in self._keyed(_EXPORTERS).items()},
        }
        for kind, registered in owner_of.items():
            for key, owner in registered.items():
                owners.setdefault(owner, {}).setdefault(kind, []).append(key)
        result = []
        for name in self.names():
            plugin = self.manager.get_plugin(name)
            hooks = sorted(c.name for c in self.manager.get_hookcallers(plugin) or ())
            mine = owners.get(name, {})
            version, distribution = self._versions.get(name, (None, None))
            result.append(
                PluginInfo(
                    name=name,
                    version=version,
                    distribution=distribution,
                    hooks=tuple(hooks),
                    regions=tuple(mine.get("regions", ())),
                    rules=tuple(mine.get("rules", ())),
                    importers=tuple(mine.get("importers", ())),
                    exporters=tuple(mine.get("exporters", ())),
                )
            )
        return tuple(result)


class _Call(NamedTuple):
    """What one plugin passed to ``register`` once, and the file and line that called it."""

    plugin: str
    args: tuple[object, ...]
    kwargs: dict[str, object]
    where: tuple[str, int] | None = None


def _warn(
    message: str, category: type[Warning], where: tuple[str, int] | None, plugin: str
) -> None:
    """Warn at the plugin's own line, where it is known; else at the library's caller."""
    if where is None:
        warnings.warn(message, category, stacklevel=4)
    else:
        warnings.warn_explicit(message, category, where[0], where[1], module=plugin)


T = TypeVar("T")


@attrs.frozen
class _Kind(Generic[T]):
    """Registrations unique by a key: the hook, what to call an item, how to check and key it."""

    name: str
    hook: str
    what: str
    check: Callable[[object, str], T]
    key: Callable[[T], str]


def _region(item: object, plugin: str) -> Region:
    if not isinstance(item, Region):
        msg = (
            f"plugin {plugin!r}: dod_register_regions registers Region objects, "
            f"not {type(item).__name__}"
        )
        raise PluginError(msg)
    return item


def _lacking(item: object, plugin: str, what: str, members: tuple[str, ...]) -> None:
    """Refuse ``item`` when it lacks a member its protocol has, naming them and the plugin."""
    missing = [member for member in members if not hasattr(item, member)]
    if missing:
        msg = f"plugin {plugin!r}: {what} {item!r} lacks {', '.join(missing)}"
        raise PluginError(msg)


def _rule(item: object, plugin: str) -> Rule:
    _lacking(item, plugin, "rule", ("code", "region", "severity", "check"))
    if not callable(getattr(item, "check", None)):
        msg = f"plugin {plugin!r}: rule {item!r} lacks a callable check"
        raise PluginError(msg)
    require_namespace(getattr(item, "code", None), f"plugin {plugin!r}")
    return cast("Rule", item)  # every member of the protocol is there


def _named(item: object, plugin: str) -> str:
    name = getattr(item, "name", None)
    if not isinstance(name, str) or not name:
        msg = f"plugin {plugin!r}: {item!r} has no name"
        raise PluginError(msg)
    return name


def _importer(item: object, plugin: str) -> Importer:
    _named(item, plugin)
    _lacking(item, plugin, "importer", ("suffixes", "sniff", "read"))
    return cast("Importer", item)  # every member of the protocol is there


def _exporter(item: object, plugin: str) -> Exporter:
    _named(item, plugin)
    _lacking(item, plugin, "exporter", ("suffixes", "media_type", "export"))
    return cast("Exporter", item)  # every member of the protocol is there


_REGIONS = _Kind("regions", "dod_register_regions", "region", _region, lambda r: r.code)
_RULES = _Kind("rules", "dod_register_rules", "rule code", _rule, lambda r: str(r.code))
_IMPORTERS = _Kind("importers", "dod_register_importers", "importer", _importer, lambda i: i.name)
_EXPORTERS = _Kind("exporters", "dod_register_exporters", "exporter", _exporter, lambda e: e.name)


def _load_entry_points(plugins: Plugins, blocked: set[str], strict: bool) -> None:
    for entry_point in sorted(
        importlib.metadata.entry_points(group=hookspecs.PROJECT), key=lambda e: e.name
    ):
        if entry_point.name in blocked:
            continue
        dist = entry_point.dist
        distribution = dist.name if dist is not None else None
        version = dist.version if dist is not None else None
        try:
            plugin = entry_point.load()
            plugins.register(plugin, entry_point.name, version=version, distribution=distribution)
        except Exception as exc:
            owner = Owner(entry_point.name, distribution or entry_point.value, version)
            files = (Path(str(dist.locate_file(f))) for f in (dist.files or ())) if dist else ()
            where = plugin_line(exc, files)
            message = load_failure_message(owner, exc, where, strict=strict)
            if strict:
                raise PluginError(message) from exc
            _warn(message, PluginLoadWarning, where, entry_point.module)


def get_plugin_manager(
    *, entry_points: bool = True, builtins: bool = True, extra: Iterable[ModuleType | object] = ()
) -> Plugins:
    """Build a plugin session: the built-in plugins, then every installed one.

    Each call builds a new one; nothing is global. Installed plugins are the entry points of
    the ``dod_model`` group, loaded one by one: one that fails to load is skipped with a
    :class:`PluginLoadWarning` naming its distribution and version and the plugin's own file and
    line. Two plugins registering one key (a region code, a rule code, an importer's or
    exporter's name) is a :class:`PluginConflictWarning`, raised when registrations are first
    used: the built-in plugin keeps the key, else the plugin first by name, and the other's
    registration is skipped. ``DOD_MODEL_STRICT_PLUGINS=1`` makes both a
    :class:`~dod_model.PluginError`. ``DOD_MODEL_DISABLE_PLUGINS=a,b`` blocks plugins by name,
    built-in ones included (``samara``, ``core``, …).

    Args:
        entry_points: Load installed plugins (tests may want only the built-in ones).
        builtins: Register the built-in plugins (the core rules and the five regions).
        extra: Further plugin objects or modules to register.

    Raises:
        PluginError: A plugin is invalid, or with ``DOD_MODEL_STRICT_PLUGINS=1`` fails to load.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0
       A conflict is a warning unless strict; a failure to load names the plugin's line.
    """
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    blocked = _blocked()
    for name in blocked:
        manager.set_blocked(name)
    plugins = Plugins(manager)
    if builtins:
        for module_name in BUILTIN:
            module = importlib.import_module(module_name)
            plugin = getattr(module, "PLUGIN", module)
            name = plugins.register(
                plugin,
                module_name.rsplit(".", 1)[1],
                version=library_version(),
                distribution="dod-model",
            )
            if name:  # not blocked
                plugins._builtin.add(name)
    for plugin in extra:
        plugins.register(plugin)
    if entry_points:
        _load_entry_points(plugins, blocked, _flag("DOD_MODEL_STRICT_PLUGINS"))
    try:
        manager.check_pending()
    except pluggy.PluginValidationError as exc:
        raise PluginError(str(exc)) from exc
    return plugins


@functools.cache
def default_plugins() -> Plugins:
    """The plugin session the library's entry points use by default: built once, on first use.

    :func:`dod_model.read`, :func:`dod_model.write`, :func:`dod_model.validate` and the
    registry functions take it when no ``plugins`` are given.

    .. versionadded:: 0.1.0
    """
    return get_plugin_manager()
