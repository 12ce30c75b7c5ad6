"""The plugin host: a pluggy manager behind a typed facade, built by a factory."""

from __future__ import annotations

import importlib.metadata
import os
import warnings
from collections.abc import Callable, Iterable, Mapping
from types import ModuleType
from typing import Any

import attrs
import pluggy

from dod_model import hookspecs
from dod_model._errors import PluginError
from dod_model.plugins._region import Region, detect_region
from dod_model.text import Glossary, core_glossary
from dod_model.validation._findings import Rule

__all__ = ["PluginInfo", "PluginLoadWarning", "Plugins", "get_plugin_manager"]

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
        self._cache: dict[str, Any] = {}

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
            self._cache.clear()

    # -- what plugins registered ---------------------------------------------------------------

    def _collect(self, hook: str) -> list[tuple[str, tuple[Any, ...], dict[str, Any]]]:
        """Call one hook on each plugin separately; return (plugin name, args, kwargs) triples."""
        calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []
        caller = getattr(self.manager.hook, hook)
        for impl in caller.get_hookimpls():

            def register(*args: Any, _plugin: str = impl.plugin_name, **kwargs: Any) -> None:
                calls.append((_plugin, args, kwargs))

            try:
                impl.function(**dict.fromkeys(impl.argnames, register))
            except Exception as exc:
                msg = f"plugin {impl.plugin_name!r} failed in {hook}: {exc}"
                raise PluginError(msg) from exc
        return calls

    def _keyed(self, kind: str) -> dict[str, tuple[str, Any]]:
        """What plugins registered of a kind («regions», «rules», …): key → (plugin, item)."""
        hook, key, what = _KEYED[kind]
        if hook in self._cache:
            return self._cache[hook]  # type: ignore[no-any-return]
        found: dict[str, tuple[str, Any]] = {}
        for plugin, args, _ in self._collect(hook):
            if len(args) != 1:
                msg = f"plugin {plugin!r}: {hook} must call register() with one {what}"
                raise PluginError(msg)
            item = args[0]
            name = key(item)
            if name in found:
                other = found[name][0]
                first, second = sorted((other, plugin))
                msg = f"{what} {name!r} is registered twice: by plugin {first!r} and by {second!r}"
                raise PluginError(msg)
            found[name] = (plugin, item)
        self._cache[hook] = dict(sorted(found.items()))
        return self._cache[hook]  # type: ignore[no-any-return]

    def regions(self) -> dict[str, Region]:
        """Every registered region by ISO 3166-2 code, sorted by code."""
        return {code: r for code, (_, r) in self._keyed("regions").items()}

    def region(self, code: str | None) -> Region | None:
        """The region with that code, or ``None``."""
        return None if code is None else self.regions().get(code)

    def detect_region(self, texts: Iterable[str]) -> Region | None:
        """The region a document's text names (see :func:`dod_model.plugins.detect_region`)."""
        return detect_region(texts, self.regions())

    def rules(self, region: str | None = None) -> tuple[Rule, ...]:
        """Rules for documents of ``region``: those for every region and the region's own."""
        rules = self._keyed("rules")
        return tuple(r for _, r in rules.values() if r.region is None or r.region == region)

    def rule_sources(self) -> dict[str, str]:
        """The plugin that registered each rule code."""
        return {code: p for code, (p, _) in self._keyed("rules").items()}

    def glossary(self, region: str | None = None) -> Glossary:
        """The shared glossary, plus what plugins register for all regions and for ``region``."""
        key = f"glossary:{region}"
        if key not in self._cache:
            general: dict[str, str] = {}
            regional: dict[str, str] = {}
            for plugin, args, kwargs in sorted(
                self._collect("dod_register_abbreviations"), key=lambda call: call[0]
            ):
                if len(args) != 1 or not isinstance(args[0], Mapping | Glossary):
                    msg = f"plugin {plugin!r}: register() takes a mapping of abbreviations"
                    raise PluginError(msg)
                entries = dict(args[0].entries if isinstance(args[0], Glossary) else args[0])
                where = kwargs.get("region")
                if where is None:
                    general.update(entries)
                elif where == region:
                    regional.update(entries)
            self._cache[key] = core_glossary().merged(Glossary(general)).merged(Glossary(regional))
        return self._cache[key]  # type: ignore[no-any-return]

    def importers(self) -> dict[str, Any]:
        """Registered importers by name."""
        return {n: i for n, (_, i) in self._keyed("importers").items()}

    def exporters(self) -> dict[str, Any]:
        """Registered exporters by name."""
        return {n: e for n, (_, e) in self._keyed("exporters").items()}

    def versions(self) -> dict[str, str | None]:
        """Every plugin's name and version, sorted by name."""
        return {name: self._versions.get(name, (None, None))[0] for name in self.names()}

    def names(self) -> tuple[str, ...]:
        """Names of the registered plugins, sorted."""
        return tuple(sorted(n for n, _ in self.manager.list_name_plugin() if n is not None))

    def info(self) -> tuple[PluginInfo, ...]:
        """A description of every plugin, sorted by name."""
        owners: dict[str, dict[str, list[str]]] = {}
        for kind in _KEYED:
            for key, (owner, _) in self._keyed(kind).items():
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


def _region_code(region: Any) -> str:
    if not isinstance(region, Region):
        msg = f"dod_register_regions registers Region objects, not {type(region).__name__}"
        raise PluginError(msg)
    return region.code


def _rule_code(rule: Any) -> str:
    missing = [a for a in ("code", "region", "severity", "check") if not hasattr(rule, a)]
    if missing:
        msg = f"rule {rule!r} lacks {', '.join(missing)}"
        raise PluginError(msg)
    return str(rule.code)


def _name(item: Any) -> str:
    name = getattr(item, "name", None)
    if not isinstance(name, str) or not name:
        msg = f"{item!r} has no name"
        raise PluginError(msg)
    return name


# Registrations that are unique by a key: the hook, how to key an item, what to call it.
_KEYED: dict[str, tuple[str, Callable[[Any], str], str]] = {
    "regions": ("dod_register_regions", _region_code, "region"),
    "rules": ("dod_register_rules", _rule_code, "rule code"),
    "importers": ("dod_register_importers", _name, "importer"),
    "exporters": ("dod_register_exporters", _name, "exporter"),
}


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
            where = f"{distribution} {version}" if distribution else entry_point.value
            message = f"plugin {entry_point.name!r} ({where}) failed to load and is skipped: {exc}"
            if strict:
                raise PluginError(message) from exc
            warnings.warn(message, PluginLoadWarning, stacklevel=3)


def get_plugin_manager(
    *, entry_points: bool = True, builtins: bool = True, extra: Iterable[ModuleType | object] = ()
) -> Plugins:
    """Build a plugin session: the built-in plugins, then every installed one.

    Each call builds a new one; nothing is global. Installed plugins are the entry points of
    the ``dod_model`` group, loaded one by one: one that fails to load is skipped with a
    :class:`PluginLoadWarning` naming its distribution and version (with
    ``DOD_MODEL_STRICT_PLUGINS=1`` it raises :class:`~dod_model.PluginError` instead).
    ``DOD_MODEL_DISABLE_PLUGINS=a,b`` blocks plugins by name, built-in ones included
    (``samara``, ``core``, …).

    Args:
        entry_points: Load installed plugins (tests may want only the built-in ones).
        builtins: Register the built-in plugins (the core rules and the five regions).
        extra: Further plugin objects or modules to register.

    Raises:
        PluginError: A plugin is invalid, or with ``DOD_MODEL_STRICT_PLUGINS=1`` fails to load.

    .. versionadded:: 0.1.0
    """
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    blocked = _blocked()
    for name in blocked:
        manager.set_blocked(name)
    plugins = Plugins(manager)
    from dod_model import __version__ as library  # noqa: PLC0415 - the package imports this

    if builtins:
        for module_name in BUILTIN:
            module = importlib.import_module(module_name)
            plugin = getattr(module, "PLUGIN", module)
            plugins.register(
                plugin, module_name.rsplit(".", 1)[1], version=library, distribution="dod-model"
            )
    for plugin in extra:
        plugins.register(plugin)
    if entry_points:
        _load_entry_points(plugins, blocked, _flag("DOD_MODEL_STRICT_PLUGINS"))
    try:
        manager.check_pending()
    except pluggy.PluginValidationError as exc:
        raise PluginError(str(exc)) from exc
    return plugins
