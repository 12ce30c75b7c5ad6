"""Development sessions: ``nox -s tests lint typecheck schemas docs``; ``nox -s fuzz`` nightly."""

from __future__ import annotations

import argparse
import random

import nox

nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["tests", "lint", "typecheck", "schemas", "docs"]

PYTHONS = ["3.11"]
LINTED = ["src", "tests", "scripts", "docs", "benchmarks", "noxfile.py"]


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """Run the test suite (pytest + hypothesis)."""
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Lint and check formatting with ruff; check the layers contract with import-linter."""
    session.install("-e", ".", "ruff", "import-linter")
    session.run("ruff", "check", *LINTED)
    session.run("ruff", "format", "--check", *LINTED)
    session.run("lint-imports")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict on the package and on a typed-usage example."""
    session.install("-e", ".[test]", "mypy", "types-jsonschema", "types-openpyxl", "types-tqdm")
    session.run("mypy", "--strict", "src", "tests/typing")


@nox.session
def schemas(session: nox.Session) -> None:
    """Regenerate schemas/ and the bundled examples; fail if the committed files differ."""
    session.install("-e", ".")
    session.run("python", "scripts/generate_schemas.py", "--check")
    session.run("python", "scripts/make_examples.py", "--check")
    session.run("python", "scripts/generate_regions.py", "--check")
    session.run("python", "scripts/compile_messages.py", "--check")


@nox.session
def docs(session: nox.Session) -> None:
    """Build the Sphinx site with warnings as errors, and run its examples as doctests."""
    session.install("-e", ".[docs]")
    session.run(
        "sphinx-build", "-n", "-W", "--keep-going", "-b", "html", "docs", "docs/_build/html"
    )
    session.run(
        "sphinx-build", "-W", "--keep-going", "-b", "doctest", "docs", "docs/_build/doctest"
    )


@nox.session(python=PYTHONS)
def fuzz(session: nox.Session) -> None:
    """Fuzz every reader for a while: ``nox -s fuzz -- --minutes 10 [--seed N] [pytest args]``.

    Each test of tests/fuzz runs chunks of random examples for the given minutes (see
    docs/fuzzing.md); the first seed is printed, and ``--seed`` runs the same chunks again.
    """
    parser = argparse.ArgumentParser(prog="nox -s fuzz --")
    parser.add_argument("--minutes", type=float, default=10.0, help="per fuzz test (10)")
    parser.add_argument("--seed", type=int, help="the first chunk's seed (random)")
    parser.add_argument("--chunk", type=int, default=300, help="examples between time checks")
    options, pytest_args = parser.parse_known_args(session.posargs)
    seed = options.seed if options.seed is not None else random.SystemRandom().getrandbits(32)
    session.log(f"fuzz: {options.minutes:g} min per test, first seed {seed} (--seed {seed})")
    session.install("-e", ".[test]")
    session.run(
        "pytest",
        "tests/fuzz",
        "-v",
        "-p",
        "no:cacheprovider",
        *pytest_args,
        env={
            "DOD_MODEL_FUZZ": "nightly",
            "DOD_MODEL_FUZZ_MINUTES": str(options.minutes),
            "DOD_MODEL_FUZZ_SEED": str(seed),
            "DOD_MODEL_FUZZ_CHUNK": str(options.chunk),
        },
    )
