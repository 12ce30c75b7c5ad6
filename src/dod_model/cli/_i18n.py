"""The language of the command line's lines: ``--lang``, else the environment, else English.

:func:`speaking` sets it for the run of one command; the renderers ask :func:`text`,
:func:`counted` and :func:`finding_message` for their words. JSON output is never translated.
"""

from __future__ import annotations

import contextlib
import contextvars
import gettext
from collections.abc import Iterator

from dod_model._contracts import Finding
from dod_model._i18n import languages, plural, translate_message, translation

__all__ = ["counted", "finding_message", "in_context", "speaking", "text"]

_ENGLISH = gettext.NullTranslations()
_CURRENT: contextvars.ContextVar[gettext.NullTranslations] = contextvars.ContextVar(
    "dod_model_cli_language", default=_ENGLISH
)


@contextlib.contextmanager
def speaking(lang: str | None) -> Iterator[None]:
    """Speak ``lang`` (``--lang``; the environment's language when ``None``) inside the block."""
    token = _CURRENT.set(translation(languages(lang)))
    try:
        yield
    finally:
        _CURRENT.reset(token)


def text(message: str) -> str:
    """``message`` (an English msgid) in the current language."""
    return _CURRENT.get().gettext(message)


def in_context(context: str, message: str) -> str:
    """``message`` of ``context`` (``msgctxt``: «severity») in the current language."""
    return _CURRENT.get().pgettext(context, message)


def counted(n: int, singular: str, many: str | None = None) -> str:
    """«1 note», «2 notes» in the current language (:func:`dod_model._i18n.plural`)."""
    return plural(n, singular, many, translations=_CURRENT.get())


def finding_message(finding: Finding) -> str:
    """A finding's message in the current language, where the catalogue has its template."""
    catalogue = _CURRENT.get()
    if catalogue is _ENGLISH or not isinstance(catalogue, gettext.GNUTranslations):
        return finding.message
    return translate_message(finding.code, finding.message, catalogue)
