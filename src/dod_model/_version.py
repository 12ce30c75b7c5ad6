"""The library's version, from the installed distribution's metadata."""

from importlib.metadata import PackageNotFoundError, version

__all__ = ["__version__"]

try:
    #: The version of the installed distribution (a PEP 440 version string).
    __version__ = version("dod-model")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0+unknown"
