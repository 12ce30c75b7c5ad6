"""Finding codes, declared once: each code's severity, message template and history."""

from __future__ import annotations

import re
import string
import types
from collections.abc import Mapping

import attrs

from dod_model._contracts._findings import Finding, Severity

__all__ = ["FindingCode"]

_CODE = re.compile(r"[^\s/]+(?:/[^\s/]+)+")
_RESERVED = frozenset({"path", "variant"})  # the keywords of FindingCode.finding


def _severity(value: Severity | str) -> Severity:
    return Severity(value)


def _variants(value: Mapping[str, str]) -> Mapping[str, str]:
    return types.MappingProxyType(dict(value))


def _namespaced(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not _CODE.fullmatch(value):
        msg = f"finding code {value!r} is not namespaced: write «namespace/name» («kirov/late»)"
        raise ValueError(msg)


def _fields_of(template: str, code: str) -> frozenset[str]:
    """The named fields of a template; positional, dotted and indexed fields are refused."""
    names = set()
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        msg = f"{code}: template {template!r} is not a format string: {exc}"
        raise ValueError(msg) from None
    for _, name, _, _ in parsed:
        if name is None:
            continue
        if not name.isidentifier() or name in _RESERVED:
            msg = (
                f"{code}: template {template!r} has the field {{{name}}}; fields are named, "
                f"neither positional nor dotted, nor {' or '.join(sorted(_RESERVED))}"
            )
            raise ValueError(msg)
        names.add(name)
    return frozenset(names)


@attrs.frozen(kw_only=True)
class FindingCode:
    """A code of findings, declared once: its severity, its message and since when it exists.

    Every code the library and its plugins emit is one of these: the rules declare theirs (a
    rule made by :func:`~dod_model.rule` or :func:`~dod_model.registry.record_rule` declares its
    code, severity, description and version), and the library declares the codes it emits
    outside rules (``core/rule-failed``, the ``registry/…`` codes of registry files).
    :func:`dod_model.validation.catalogue` lists them all.

    >>> from dod_model.validation import FindingCode
    >>> late = FindingCode(
    ...     code="kirov/late-report", severity="warning",
    ...     template="activity {number}: the report is due by {day:%d.%m.%Y}",
    ...     description="A report falls due after the regional deadline.", since="1.2")
    >>> import datetime as dt
    >>> late.finding(path="/unsectioned/3", number="4", day=dt.date(2024, 12, 20))
    Finding(code='kirov/late-report', message='activity 4: the report is due by 20.12.2024', \
severity=<Severity.WARNING: 'warning'>, path='/unsectioned/3')

    Attributes:
        code: The namespaced code («kirov/late-report»).
        severity: The severity of its findings; strings are accepted.
        template: Their message, with named fields in braces (:meth:`str.format` syntax, format
            specifications allowed). ``"{message}"``, the default, is for a code whose rule
            writes each message whole.
        description: What the code means, in one line.
        since: The version (of dod_model, or of the plugin) that first emitted it; ``None``
            when unknown.
        variants: Other shapes of its message, by name, for a code emitted in several places
            (``core/rule-failed`` of a rule that failed on a document, on one record, on many).

    Raises:
        ValueError: The code is not namespaced, or a template is not one of named fields.

    .. versionadded:: 0.3.0
    """

    code: str = attrs.field(validator=_namespaced)
    severity: Severity = attrs.field(converter=_severity)
    template: str = "{message}"
    description: str = ""
    since: str | None = None
    variants: Mapping[str, str] = attrs.field(
        factory=dict, converter=_variants, hash=False, repr=lambda v: repr(dict(v))
    )
    _fields: Mapping[str | None, frozenset[str]] = attrs.field(
        init=False, eq=False, hash=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        fields: dict[str | None, frozenset[str]] = {None: _fields_of(self.template, self.code)}
        fields.update({name: _fields_of(t, self.code) for name, t in self.variants.items()})
        object.__setattr__(self, "_fields", types.MappingProxyType(fields))

    def fields(self, variant: str | None = None) -> frozenset[str]:
        """The names of the fields of its template (or of one of its variants).

        Raises:
            KeyError: It has no such variant.
        """
        try:
            return self._fields[variant]
        except KeyError:
            known = ", ".join(sorted(self.variants)) or "none"
            msg = f"{self.code} has no variant {variant!r} (its variants: {known})"
            raise KeyError(msg) from None

    def message(self, variant: str | None = None, /, **fields: object) -> str:
        """Its message (or one variant's) with the fields filled in.

        Raises:
            KeyError: It has no such variant.
            TypeError: A field of the template is not given, or one is given that it has not.
        """
        expected = self.fields(variant)
        if fields.keys() != expected:
            missing = sorted(expected - fields.keys())
            extra = sorted(fields.keys() - expected)
            wrong = "; ".join(
                [f"no {', '.join(missing)}"] * bool(missing)
                + [f"no field {', '.join(extra)} in its template"] * bool(extra)
            )
            msg = f"a finding of {self.code}: {wrong}"
            raise TypeError(msg)
        template = self.template if variant is None else self.variants[variant]
        return template.format_map(fields)

    def finding(self, *, path: str = "", variant: str | None = None, **fields: object) -> Finding:
        """A finding of this code at ``path``, its message the template filled with ``fields``.

        Args:
            path: JSON Pointer of the object concerned; ``""`` for the document.
            variant: The variant of the message, ``None`` for the template itself.
            **fields: A value for each field of the template.

        Raises:
            KeyError: It has no such variant.
            TypeError: A field of the template is not given, or one is given that it has not.
        """
        return Finding(
            code=self.code,
            message=self.message(variant, **fields),
            severity=self.severity,
            path=path,
        )
