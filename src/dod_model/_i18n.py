"""Messages in the reader's language, from the gettext catalogues shipped in ``locale/``.

English is the source of every message and the default. A catalogue (``locale/ru`` for
Russian) translates the command line's own lines and the findings of the library's rules.

Findings keep their English message in :func:`dod_model.validate`'s reports: the message is
part of the JSON form and of what hosts compare. They are translated when shown, by
:func:`localize`: the catalogue holds the English template of each code's message (its
``msgctxt`` the code) and the Russian one; a message that fits an English template is written
again from the Russian template with the same values, themselves translated where the
catalogue knows them (``msgctxt "value"``: «activity 1.2», the measures of the target model).
A message no template fits (a plugin's own, or one reworded since) stays as it is.
"""

from __future__ import annotations

import functools
import gettext
import os
import string
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import overload

import attrs

from dod_model._contracts import Finding, Report

__all__ = [
    "DOMAIN",
    "ENVIRONMENT",
    "LOCALE_DIR",
    "languages",
    "localize",
    "plural",
    "translate_message",
    "translation",
]

DOMAIN = "dod_model"
"""The gettext domain of the library's catalogues (``locale/<lang>/LC_MESSAGES/dod_model.mo``)."""

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
"""Where the compiled catalogues are (package data)."""

ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
"""The environment variables that name the language, in gettext's order: the first set wins."""

_VALUE = "value"
"""The context of the catalogue's translations of values inside findings."""
_DEPTH = 3
"""How deep values inside values are translated («activity 1.2» inside a list inside a message)."""


def languages(lang: str | None = None, environ: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The languages asked for, best first: ``lang``, else those the environment names.

    >>> languages("ru")
    ('ru',)
    >>> languages(None, {"LC_ALL": "", "LANG": "ru_RU.UTF-8"})
    ('ru_RU.UTF-8',)
    >>> languages(None, {"LANGUAGE": "uk:ru", "LANG": "en_GB.UTF-8"})
    ('uk', 'ru')
    >>> languages(None, {"LC_ALL": "C", "LANG": "ru_RU.UTF-8"})
    ()

    Args:
        lang: A language code («ru», «ru_RU», «en»), or several separated by «:».
        environ: The environment to read (the process's by default); ``LANGUAGE``,
            ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, the first that is set and not empty.

    Returns:
        The codes in order; none for English (the «C» or «POSIX» locale, or nothing set).

    .. versionadded:: 0.3.0
    """
    if lang is None:
        environ = os.environ if environ is None else environ
        lang = next((environ[name] for name in ENVIRONMENT if environ.get(name)), "")
    chosen: list[str] = []
    for code in lang.split(":"):
        if code in ("C", "POSIX") or code.startswith(("C.", "POSIX.")):
            break
        if code:
            chosen.append(code)
    return tuple(chosen)


@functools.cache
def translation(langs: tuple[str, ...]) -> gettext.NullTranslations:
    """The catalogue for the first of ``langs`` the library has; English (no change) if none.

    .. versionadded:: 0.3.0
    """
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=langs or ["en"], fallback=True)


def plural(
    n: int,
    singular: str,
    plural: str | None = None,
    *,
    translations: gettext.NullTranslations | None = None,
) -> str:
    """A count and its noun, in the right form: «1 note», «2 notes»; «1 замечание», «5 замечаний».

    >>> plural(1, "note"), plural(2, "note"), plural(0, "error")
    ('1 note', '2 notes', '0 errors')
    >>> plural(5, "note", translations=translation(("ru",)))
    '5 замечаний'

    Args:
        n: The count.
        singular: The English noun for one.
        plural: The English noun for several; ``singular + "s"`` when not given.
        translations: The catalogue (:func:`translation`); English when ``None``. Its entry
            is ``msgid "{n} note"``, ``msgid_plural "{n} notes"``, a form for each of its
            language's plural forms.

    .. versionadded:: 0.3.0
    """
    many = plural if plural is not None else f"{singular}s"
    catalogue = translations or gettext.NullTranslations()
    return catalogue.ngettext(f"{{n}} {singular}", f"{{n}} {many}", n).format(n=n)


def _parts(template: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """A template's leading text, then each field's name and the text after it."""
    parsed = list(string.Formatter().parse(template))
    head = parsed[0][0] if parsed else ""
    fields: list[tuple[str, str]] = []
    for index, (_, name, _, _) in enumerate(parsed):
        if name is None:
            continue
        after = parsed[index + 1][0] if index + 1 < len(parsed) else ""
        fields.append((name, after))
    return head, tuple(fields)


def _match(template: str, message: str) -> dict[str, str] | None:
    """The values of ``template``'s fields that make ``message``, or ``None`` if it does not fit.

    Each field takes the shortest text up to the text that follows it, the last one all up to
    the template's end: time linear in the message, no regular expression.
    """
    head, fields = _parts(template)
    if not fields:
        return {} if message == template else None
    if not message.startswith(head):
        return None
    values: dict[str, str] = {}
    at = len(head)
    for index, (name, after) in enumerate(fields):
        last = index == len(fields) - 1
        if last:
            end = len(message) - len(after)
            if end < at or not message.endswith(after):
                return None
        else:
            end = message.find(after, at) if after else -1
            if end < 0:
                return None
        value = message[at:end]
        if not value or values.setdefault(name, value) != value:
            return None
        at = end + len(after)
    return values


def _literal(template: str) -> int:
    head, fields = _parts(template)
    return len(head) + sum(len(after) for _, after in fields)


@functools.cache
def _templates(catalogue: gettext.NullTranslations, context: str) -> tuple[str, ...]:
    """The English templates the catalogue translates in ``context``, the most literal first."""
    keys = getattr(catalogue, "_catalog", None) or {}  # GNUTranslations' msgid → msgstr table
    prefix = f"{context}\x04"
    found = [k[len(prefix) :] for k in keys if isinstance(k, str) and k.startswith(prefix)]
    return tuple(sorted(found, key=lambda t: (-_literal(t), t)))


def _render(
    catalogue: gettext.NullTranslations, context: str, message: str, depth: int
) -> str | None:
    """``message`` translated from a template of ``context``, or ``None`` if none fits."""
    for template in _templates(catalogue, context):
        values = _match(template, message)
        if values is None:
            continue
        translated = catalogue.pgettext(context, template)
        fields = {name: _value(catalogue, value, depth + 1) for name, value in values.items()}
        try:
            return translated.format_map(fields)
        except (KeyError, ValueError, IndexError):  # a translation naming a field it has not
            return None
    return None


def _value(catalogue: gettext.NullTranslations, value: str, depth: int) -> str:
    """A value inside a message, translated if the catalogue knows it, or a list of such."""
    if depth > _DEPTH:
        return value
    items = value.split(", ")
    known = _templates(catalogue, _VALUE)
    if len(items) > 1 and all(item in known for item in items):
        return ", ".join(catalogue.pgettext(_VALUE, item) for item in items)
    rendered = _render(catalogue, _VALUE, value, depth)
    return value if rendered is None else rendered


def translate_message(code: str, message: str, catalogue: gettext.NullTranslations) -> str:
    """A finding's ``message`` in the catalogue's language, if a template of ``code`` fits it.

    .. versionadded:: 0.3.0
    """
    return _render(catalogue, code, message, 0) or message


@overload
def localize(obj: Finding, lang: str | Sequence[str] | None = None) -> Finding: ...
@overload
def localize(obj: Report, lang: str | Sequence[str] | None = None) -> Report: ...
def localize(obj: Finding | Report, lang: str | Sequence[str] | None = None) -> Finding | Report:
    """A report or finding with its messages in ``lang``, for showing to people.

    Codes, severities and paths stay as they are; only messages change, and only those the
    catalogue has a template for (the library's own rules; a plugin's messages stay as the
    plugin wrote them). Without a catalogue for ``lang`` (English included), ``obj`` is
    returned as it is.

    >>> import dod_model
    >>> from dod_model import Finding
    >>> finding = Finding(code="core/missing-deadline", severity="warning", path="/x",
    ...                   message="activity 1.2 has no deadline; write when it is due")
    >>> dod_model.localize(finding, "ru").message
    'мероприятие 1.2: срок не указан; напишите, когда его выполнить'
    >>> dod_model.localize(finding, "en") is finding
    True

    Args:
        obj: A :class:`~dod_model.Report` or a :class:`~dod_model.Finding`.
        lang: A language code («ru»), several best first, or ``None`` for the language the
            environment names (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``).

    Returns:
        A new report or finding, or ``obj`` itself when nothing is translated.

    .. versionadded:: 0.3.0
    """
    langs = languages(None if lang is None else (lang if isinstance(lang, str) else ":".join(lang)))
    catalogue = translation(langs)
    if not isinstance(catalogue, gettext.GNUTranslations):
        return obj
    if isinstance(obj, Finding):
        message = translate_message(obj.code, obj.message, catalogue)
        return obj if message == obj.message else attrs.evolve(obj, message=message)
    findings = tuple(localize(f, langs) for f in obj.findings)
    same = all(new is old for new, old in zip(findings, obj.findings, strict=True))
    return obj if same else attrs.evolve(obj, findings=findings)
