from __future__ import annotations

import importlib.metadata
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, settings

from dod_model import examples, hookspecs
from dod_model._i18n import ENVIRONMENT

ROOT = Path(__file__).resolve().parent.parent

# The folder beside the repository that holds the 264-file Word corpus (``corpus/docx``): only
# the corpus tests need it, and they skip without it. ``DOD_MODEL_SHARED`` points them elsewhere
# (``DOD_MODEL_SHARED=/nonexistent`` runs the suite as on a fresh clone).
SHARED = Path(os.environ.get("DOD_MODEL_SHARED") or ROOT.parent / "shared")
CORPUS = SHARED / "corpus" / "docx"

# The five seed roadmaps (text exports of their Word files), as the library bundles them.
SEED_FILES = tuple(
    sorted(Path(str(examples.path(n))) for n in examples.documents() if n.endswith("-text"))
)
(SEEDS,) = {path.parent for path in SEED_FILES}  # a folder holding the Word renditions too

settings.register_profile(
    "ci",
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=100, deadline=None)
# A first look at a change: few examples, failures not shrunk (HYPOTHESIS_PROFILE=quick).
settings.register_profile(
    "quick", max_examples=10, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(scope="session")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of the five seed roadmaps and nothing else: the bundled text exports, copied."""
    folder = tmp_path_factory.mktemp("seeds")
    for path in SEED_FILES:
        shutil.copyfile(path, folder / path.name)
    return folder


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The folder of the 264-file Word corpus; tests that need it skip without it."""
    if not CORPUS.is_dir():
        pytest.skip(
            f"the Word corpus is not at {CORPUS}: put the shared folder beside the repository "
            "or point DOD_MODEL_SHARED at it"
        )
    return CORPUS


# Plugins installed on the machine are no part of the suite. The distributions that bring entry
# points of the plugin group when the run starts (the project's own aside) keep them hidden from
# ``importlib.metadata.entry_points`` until it ends, so that no session built with entry points
# on (``get_plugin_manager()``, ``default_plugins()``, the defaults of ``read`` and ``validate``,
# the command line run in process) loads them: a broken one would turn its warning into an error,
# a working one add its findings. Plugins a test installs itself, a dist-info put on
# ``sys.path`` then, are seen. Commands run in a child process get ``child_env``.
# ``DOD_MODEL_TEST_INSTALLED_PLUGINS=1`` lets the installed plugins in, to try them on the suite.
_OWN = "dod-model"
_installed: dict[tuple[str, str], tuple[str, ...]] = {}  # (name, place): its plugins' names
_discover = importlib.metadata.distributions
_patch = pytest.MonkeyPatch()


def _key(dist: importlib.metadata.Distribution) -> tuple[str, str]:
    """A distribution's normalised name and the folder it is installed in."""
    return (re.sub(r"[-_.]+", "-", dist.name or "").lower(), str(dist.locate_file("")))


class _WithoutPlugins:
    """An installed distribution, but for its entry points of the plugin group."""

    def __init__(self, dist: importlib.metadata.Distribution) -> None:
        self._dist = dist

    def __getattr__(self, name: str) -> Any:
        return getattr(self._dist, name)

    @property
    def entry_points(self) -> importlib.metadata.EntryPoints:
        return importlib.metadata.EntryPoints(
            e for e in self._dist.entry_points if e.group != hookspecs.PROJECT
        )


def _distributions(**kwargs: Any) -> Iterator[Any]:
    for dist in _discover(**kwargs):
        yield _WithoutPlugins(dist) if _installed and _key(dist) in _installed else dist


def pytest_configure(config: pytest.Config) -> None:
    if os.environ.get("DOD_MODEL_TEST_INSTALLED_PLUGINS", "") not in ("", "0"):
        return
    for dist in _discover():
        names = tuple(e.name for e in dist.entry_points if e.group == hookspecs.PROJECT)
        if names and _key(dist)[0] != _OWN:
            _installed[_key(dist)] = names
    _patch.setattr(importlib.metadata, "distributions", _distributions)


def pytest_unconfigure(config: pytest.Config) -> None:
    _patch.undo()
    _installed.clear()


@pytest.fixture
def child_env() -> dict[str, str]:
    """``os.environ`` for a command run in a child process: the installed plugins blocked by name.

    Blocked by name, as a child process cannot be given the hiding above; a plugin a test installs
    under the name of an installed one is blocked too.
    """
    blocked = [os.environ.get("DOD_MODEL_DISABLE_PLUGINS", "")]
    blocked += [name for names in _installed.values() for name in names]
    return {**os.environ, "DOD_MODEL_DISABLE_PLUGINS": ",".join(filter(None, blocked))}


@pytest.fixture(autouse=True)
def _english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test sees the command line's English, whatever the developer's locale."""
    for name in ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
