from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from dod_model import examples

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
