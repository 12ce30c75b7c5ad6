"""Registry files, streamed: records one by one, validation in constant memory, whole reads.

Every function here reads its files row by row. Memory stays flat whatever the number of rows,
but for what the rules keep: the certificate numbers seen (a set of integers, some 60 bytes a
certificate), and, only when enrolments are validated with their certificates and programmes,
those records by number and id.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Self, TypeVar

import attrs

from dod_model._base import budgets
from dod_model._errors import DocumentError
from dod_model._host import Plugins, default_plugins
from dod_model.model import (
    Certificate,
    CertificateRegistry,
    Enrolment,
    Organisation,
    Programme,
    ProgrammeRegistry,
    Region,
)
from dod_model.registry._columns import KINDS
from dod_model.registry._rows import RECORD_TYPES, Record, RowReader
from dod_model.registry._sources import Problem, Source, open_source
from dod_model.validation import (
    LIBRARY_CODES,
    Finding,
    FunctionRule,
    RecordRule,
    RegistryScope,
    Report,
    Severity,
)

__all__ = [
    "RegistryFiles",
    "RegistryRow",
    "RegistryWarning",
    "iter_certificates",
    "iter_enrolments",
    "iter_programmes",
    "iter_providers",
    "iter_rows",
    "open_all",
    "read_registry",
    "record_rows",
    "resolve_region",
    "validate_registry",
]

# The codes the stream emits outside rules, as the catalogue declares them.
_ROWS = LIBRARY_CODES["registry/rows"]
_UNKNOWN_COLUMN = LIBRARY_CODES["registry/unknown-column"]
_REPEATED_COLUMN = LIBRARY_CODES["registry/repeated-column"]
_RULE_NOT_STREAMED = LIBRARY_CODES["registry/rule-not-streamed"]
_MORE_FINDINGS = LIBRARY_CODES["registry/more-findings"]
_UNKNOWN_REGION = LIBRARY_CODES["registry/unknown-region"]
_RULE_FAILED = LIBRARY_CODES["core/rule-failed"]

PathLike = str | os.PathLike[str]
R = TypeVar("R")


class RegistryWarning(UserWarning):
    """A registry row was skipped or a cell left empty, and no ``findings`` list was given.

    .. versionadded:: 0.2.0
    """


@attrs.frozen(kw_only=True)
class RegistryRow:
    """One row of a registry file: its record, or the findings that kept it from being one.

    Attributes:
        source: The file's name.
        kind: ``certificates``, ``programmes``, ``enrolments`` or ``providers``.
        row: The row's number, as a spreadsheet shows it.
        record: The :class:`~dod_model.registry.Certificate`,
            :class:`~dod_model.registry.Programme`, :class:`~dod_model.registry.Enrolment` or
            :class:`~dod_model.registry.Organisation`; ``None`` when the row is skipped.
        findings: What is wrong with the row's cells.

    .. versionadded:: 0.2.0
    """

    source: str
    kind: str
    row: int
    record: Record | None
    findings: tuple[Finding, ...] = ()


def _blank(cells: Any) -> bool:
    if isinstance(cells, dict):
        return not cells
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _longest(cells: Any) -> int:
    """The length of the longest text in a row of cells or a JSON object (and its lists)."""
    values = cells.values() if isinstance(cells, dict) else cells
    longest = 0
    for value in values:
        if type(value) is str:
            longest = max(longest, len(value))
        elif isinstance(value, list):
            longest = max(longest, max((len(v) for v in value if type(v) is str), default=0))
    return longest


def record_rows(source: Source) -> Iterator[tuple[int, Record | None, list[Finding] | None]]:
    """(row number, record or None, findings or None) for each non-blank row of a source.

    A row with a cell longer than :data:`~dod_model._base.budgets.REGISTRY_FIELD_CHARS` is a
    problem, not a record (CSV sources tell such rows themselves).
    """
    reader = RowReader(source.header, source.name)
    read = reader.read_text if source.format == "csv" else reader.read
    fast, width = (reader.fast, reader.width) if source.format == "csv" else (None, 0)
    measured = source.format != "csv"
    index = 0
    for number, cells in source.rows():
        # A good row of text cells, read in one call: most rows.
        if (
            fast is not None
            and type(cells) is list
            and len(cells) == width
            and (record := fast(cells)) is not None
        ):
            index += 1
            yield number, record, None
            continue
        if type(cells) is Problem:
            yield number, None, [reader.problem(number, index, cells.message)]
            continue
        if not cells or _blank(cells):
            continue  # a blank row holds nothing to read: told before any finding is made
        if measured and (size := _longest(cells)) > budgets.REGISTRY_FIELD_CHARS:
            problem = (
                f"a cell of {size:,} characters, more than the "
                f"{budgets.REGISTRY_FIELD_CHARS:,} a registry cell may have"
            )
            yield number, None, [reader.problem(number, index, problem)]
            continue
        record, findings = read(number, index, cells)  # type: ignore[arg-type]
        if record is not None:
            index += 1
        yield number, record, findings


def iter_rows(
    path: PathLike, *, kind: str | None = None, encoding: str | None = None
) -> Iterator[RegistryRow]:
    """Each row of a registry file with its record or findings, in constant memory.

    Args:
        path: A CSV, XLSX or JSON Lines file.
        kind: Read it as this kind (``certificates``, …) instead of telling it from the header.
        encoding: A CSV file's encoding, instead of telling UTF-8 from Windows-1251.

    Yields:
        A :class:`RegistryRow` per row after the header; blank rows are passed over.

    Raises:
        DocumentError: The file cannot be read, or has no registry header.

    .. versionadded:: 0.2.0
    """
    source = open_source(path, kind=kind, encoding=encoding)
    for number, record, findings in record_rows(source):
        yield RegistryRow(
            source=source.name,
            kind=source.header.kind,
            row=number,
            record=record,
            findings=tuple(findings or ()),
        )


def _records(
    path: PathLike, kind: str, findings: list[Finding] | None, encoding: str | None
) -> Iterator[Any]:
    """The records of a file, opened now: a file that cannot be read fails the call."""
    source = open_source(path, encoding=encoding)
    if source.header.kind != kind:
        source.close()
        names = [n if len(n) <= 40 else f"{n[:39]}…" for n in source.header.names if n]
        shown = "; ".join(names[: budgets.FINDING_ITEMS])
        if len(names) > budgets.FINDING_ITEMS:
            shown += f" and {len(names) - budgets.FINDING_ITEMS:,} more"
        msg = f"{source.name}: holds {source.header.kind}, not {kind} (its header: {shown})"
        raise DocumentError(msg)
    return _yielded(source, findings)


def _yielded(source: Source, findings: list[Finding] | None) -> Iterator[Any]:
    warned, unreported = False, 0
    try:
        for _, record, found in record_rows(source):
            if found and findings is not None:
                findings.extend(found)
            elif found and not warned:
                # One warning for the first finding, one for the count of the rest: a warning
                # per row would fill the warnings registry.
                warnings.warn(found[0].message, RegistryWarning, stacklevel=4)
                warned, unreported = True, len(found) - 1
            elif found:
                unreported += len(found)
            if record is not None:
                yield record
    finally:
        source.close()
        if unreported:
            msg = f"{source.name}: {unreported} more findings; pass findings=[] to have them all"
            warnings.warn(msg, RegistryWarning, stacklevel=4)


_ITER_DOC = """The {what} of a registry file, one at a time, in constant memory.

    Args:
        path: A CSV (UTF-8 or Windows-1251, ``;``, ``,`` or tab), XLSX or JSON Lines file.
        findings: A list to collect the findings about bad rows and cells in; without it, each
            the first is a :class:`RegistryWarning` and the rest are counted in one more (when
            the records are read to the end). No row is dropped unreported.
        encoding: A CSV file's encoding, instead of telling UTF-8 from Windows-1251.

    Yields:
        Each {record} a row holds, in file order.

    Raises:
        DocumentError: The file cannot be read, has no registry header, or holds another kind
            of record.

    .. versionadded:: 0.2.0
    """


def iter_certificates(
    path: PathLike, *, findings: list[Finding] | None = None, encoding: str | None = None
) -> Iterator[Certificate]:
    return _records(path, "certificates", findings, encoding)


def iter_programmes(
    path: PathLike, *, findings: list[Finding] | None = None, encoding: str | None = None
) -> Iterator[Programme]:
    return _records(path, "programmes", findings, encoding)


def iter_enrolments(
    path: PathLike, *, findings: list[Finding] | None = None, encoding: str | None = None
) -> Iterator[Enrolment]:
    return _records(path, "enrolments", findings, encoding)


def iter_providers(
    path: PathLike, *, findings: list[Finding] | None = None, encoding: str | None = None
) -> Iterator[Organisation]:
    return _records(path, "providers", findings, encoding)


iter_certificates.__doc__ = _ITER_DOC.format(
    what="certificates", record=":class:`~dod_model.registry.Certificate`"
)
iter_programmes.__doc__ = _ITER_DOC.format(
    what="programmes", record=":class:`~dod_model.registry.Programme`"
)
iter_enrolments.__doc__ = _ITER_DOC.format(
    what="enrolments", record=":class:`~dod_model.registry.Enrolment`"
)
iter_providers.__doc__ = _ITER_DOC.format(
    what="providers (поставщики)", record="provider, an :class:`~dod_model.registry.Organisation`,"
)


def open_all(paths: Sequence[PathLike], encoding: str | None) -> list[Source]:
    if not paths:
        msg = "name at least one registry file"
        raise DocumentError(msg)
    sources: list[Source] = []
    try:
        for path in paths:
            sources.append(open_source(path, encoding=encoding))
    except DocumentError:
        for source in sources:
            source.close()
        raise
    return sorted(sources, key=lambda s: KINDS.index(s.header.kind))


def _header_findings(source: Source) -> list[Finding]:
    kind = source.header.kind
    found = []
    for name in source.header.unknown:
        found.append(
            _UNKNOWN_COLUMN.finding(path=f"/{kind}", source=source.name, column=name, kind=kind)
        )
    for name, field in source.header.repeats():
        found.append(
            _REPEATED_COLUMN.finding(path=f"/{kind}", source=source.name, column=name, field=field)
        )
    return found


@attrs.frozen(kw_only=True)
class RegistryFiles:
    """What registry files hold, read whole: the programme and certificate registries.

    Attributes:
        programmes: Providers and programmes.
        certificates: Certificates and enrolments.
        findings: What is wrong with the files' rows and cells (``registry/…`` codes); the
            rules' findings come from :func:`dod_model.validate` of each registry.

    .. versionadded:: 0.2.0
    """

    programmes: ProgrammeRegistry = attrs.field(factory=ProgrammeRegistry)
    certificates: CertificateRegistry = attrs.field(factory=CertificateRegistry)
    findings: tuple[Finding, ...] = ()


def read_registry(
    path: PathLike, *more: PathLike, region: str | None = None, encoding: str | None = None
) -> RegistryFiles:
    """Read registry files whole: a programme registry and a certificate registry.

    For files that fit in memory; stream big ones (:func:`iter_certificates`).

    Args:
        path: A registry file (CSV, XLSX or JSON Lines) of any kind.
        *more: Further files: each one's kind is told from its header.
        region: ISO 3166-2 code of the registries; else that of the first record that names
            one (a code, or a name such as «Амурская область»).
        encoding: The CSV files' encoding, instead of telling UTF-8 from Windows-1251.

    Returns:
        The registries and the findings about bad rows and cells.

    Raises:
        DocumentError: A file cannot be read or has no registry header.

    .. versionadded:: 0.2.0
    """
    tables: dict[str, list[Any]] = {kind: [] for kind in KINDS}
    findings: list[Finding] = []
    for source in open_all((path, *more), encoding):
        findings += _header_findings(source)
        table = tables[source.header.kind]
        for _, record, found in record_rows(source):
            if found:
                findings.extend(found)
            if record is not None:
                table.append(record)
                if region is None and (named := getattr(record, "region", None)):
                    known = resolve_region(default_plugins(), named)
                    region = named if known is None else known.code
    return RegistryFiles(
        programmes=ProgrammeRegistry(
            region=region, providers=tuple(tables["providers"]),
            programmes=tuple(tables["programmes"]),
        ),
        certificates=CertificateRegistry(
            region=region, certificates=tuple(tables["certificates"]),
            enrolments=tuple(tables["enrolments"]),
        ),
        findings=tuple(findings),
    )  # fmt: skip


def _started(
    plugins: Plugins, code: str | None, kind: str, scope: RegistryScope
) -> tuple[list[tuple[str, Severity, Any]], list[Finding]]:
    """The checks of the record rules for ``kind``, and notes on rules that cannot stream."""
    record_type = RECORD_TYPES[kind]
    checks = []
    notes = []
    whole = (CertificateRegistry,) if kind in ("certificates", "enrolments") else (
        ProgrammeRegistry,)  # fmt: skip
    for rule in plugins.rules(code):
        if isinstance(rule, RecordRule):
            if rule.record is record_type:
                checks.append((rule.code, rule.severity, rule.start(scope)))
        elif isinstance(rule, FunctionRule) and any(issubclass(t, whole) for t in rule.applies_to):
            notes.append(_RULE_NOT_STREAMED.finding(path=f"/{kind}", rule=rule.code))
    return checks, notes


_LOOKAHEAD = 1000  # records read ahead for one that names the region
_FAILURES_SHOWN = 20  # failures of one rule reported one by one; the rest are counted


def resolve_region(plugins: Plugins, text: str | None) -> Region | None:
    """The region a registry cell names: its ISO 3166-2 code, its name or an alias."""
    if text is None or not text.strip():
        return None
    found = plugins.region(text.strip().upper())
    return found if found is not None else plugins.detect_region([text])


FINDINGS_PER_CODE = 1000
"""Findings of one code a streamed validation keeps; the rest are counted in one note."""


class _Capped(list[Finding]):
    """Findings, at most :data:`FINDINGS_PER_CODE` of each code, so memory stays flat."""

    def __init__(self) -> None:
        super().__init__()
        self.counts: dict[str, int] = {}

    def append(self, finding: Finding) -> None:
        count = self.counts[finding.code] = self.counts.get(finding.code, 0) + 1
        if count <= FINDINGS_PER_CODE:
            super().append(finding)

    def extend(self, findings: Iterable[Finding]) -> None:
        for finding in findings:
            self.append(finding)

    def __iadd__(self, findings: Iterable[Finding]) -> Self:  # type: ignore[override,misc]
        self.extend(findings)
        return self

    def dropped(self) -> list[Finding]:
        """A note per code of which more findings were met than kept."""
        return [
            _MORE_FINDINGS.finding(more=count - FINDINGS_PER_CODE, code=code, count=count)
            for code, count in sorted(self.counts.items())
            if count > FINDINGS_PER_CODE
        ]


class _Checks:
    """The checks of one kind of record, started once for all its files, and their failures.

    Called with a record, it runs each check on it and keeps what enrolments look up; the
    records of the kind are numbered across its files, as paths into the registry they make.
    """

    def __init__(self, run: _Validation, kind: str) -> None:
        scope = RegistryScope(
            run.plugins.region(run.code),
            certificates=run.kept.get("certificates"),
            programmes=run.kept.get("programmes"),
        )
        checks, notes = _started(run.plugins, run.code, kind, scope)
        run.findings += notes
        self._run = run
        self._kind = kind
        self._checks = tuple(checks)
        self._table = run.kept.get(kind)
        self._key = "number" if kind == "certificates" else "id"
        self._index = 0

    def __call__(self, name: str, number: int, record: Record) -> None:
        index = self._index
        self._index = index + 1
        if self._table is not None:
            self._table.setdefault(getattr(record, self._key), record)
        for code, severity, test in self._checks:
            try:
                message = test(record)
            except Exception as exc:  # a broken rule must not stop the registry
                self._run.failure(code, exc, f"/{self._kind}/{index}", name, number)
                continue
            if message is not None:
                self._run.findings.append(
                    Finding(
                        code=code,
                        severity=severity,
                        path=f"/{self._kind}/{index}",
                        message=f"{name} row {number}: {message}",
                    )
                )


class _Validation:
    """One validation of registry files: the checks of each kind, started once for all files.

    The region is the one given, else the first a record names: records read before one names
    it wait for it, a bounded number of them.
    """

    def __init__(self, plugins: Plugins, sources: Sequence[Source], region: str | None) -> None:
        self.plugins = plugins
        kinds = {s.header.kind for s in sources}
        enrolled = "enrolments" in kinds
        # Enrolments are checked against the certificates and programmes of files given with
        # them; a kind of which no file is given is unknown, not empty.
        self.kept: dict[str, dict[str, Any]] = {
            kind: {} for kind in ("certificates", "programmes") if enrolled and kind in kinds
        }
        self.code: str | None = None
        self.checks: dict[str, _Checks] = {}
        self.failed: dict[str, int] = {}
        self.findings: _Capped = _Capped()
        self.notes: list[Finding] = []  # what each file held, reported after all else
        # Records read before one names the region; ``None`` once it is settled.
        self.waiting: list[tuple[Source, int, Record]] | None = []
        if region is not None:
            self.decide(region, "region")

    def decide(self, text: str | None, named: str) -> None:
        """Settle the region: the code given, or the first a record names."""
        region = resolve_region(self.plugins, text)
        self.code = region.code if region is not None else None
        if text and text.strip() and region is None:
            self.findings.append(_UNKNOWN_REGION.finding(where=named, region=text))
        waiting, self.waiting = self.waiting or [], None
        for source, number, record in waiting:
            self.checks_of(source.header.kind)(source.name, number, record)

    def checks_of(self, kind: str) -> _Checks:
        """The checks of a kind of record, started when the first record of it is checked."""
        checks = self.checks.get(kind)
        if checks is None:
            checks = self.checks[kind] = _Checks(self, kind)
        return checks

    def read(self, source: Source) -> None:
        """Validate the rows of one file, and note what it held."""
        self.findings += _header_findings(source)
        name, kind = source.name, source.header.kind
        check: _Checks | None = None  # once the region is settled
        rows = records = 0
        for number, record, found in record_rows(source):
            rows += 1
            if found:
                self.findings.extend(found)
            if record is None:
                continue
            records += 1
            if check is not None:
                check(name, number, record)
            elif (waiting := self.waiting) is not None:
                self.wait(waiting, source, number, record)
            else:
                check = self.checks_of(kind)
                check(name, number, record)
        self.notes.append(
            _ROWS.finding(
                path=f"/{kind}",
                source=name,
                rows=rows,
                kind=kind,
                records=records,
                skipped=rows - records,
            )
        )

    def wait(
        self, waiting: list[tuple[Source, int, Record]], source: Source, number: int, record: Record
    ) -> None:
        """Keep a record until one names the region; settle it on this one if it does."""
        named = getattr(record, "region", None)
        if named is None and len(waiting) < _LOOKAHEAD:
            waiting.append((source, number, record))
            return
        self.decide(named, f"{source.name} row {number}")
        self.checks_of(source.header.kind)(source.name, number, record)

    def failure(self, code: str, exc: Exception, pointer: str, name: str, number: int) -> None:
        """A rule failed on a record: reported for the first records, counted for all."""
        count = self.failed[code] = self.failed.get(code, 0) + 1
        if count <= _FAILURES_SHOWN:
            self.findings.append(_failed(code, exc, pointer, name, number))

    def finish(self) -> tuple[Finding, ...]:
        """All the findings: the records still waiting checked, then the notes."""
        for source, number, record in self.waiting or ():
            self.checks_of(source.header.kind)(source.name, number, record)
        findings = self.findings
        findings += self.failures()
        findings += self.notes
        findings += findings.dropped()
        return tuple(findings)

    def failures(self) -> list[Finding]:
        """A note per rule that failed on more records than were reported one by one."""
        return [
            _RULE_FAILED.finding(variant="records", rule=code, count=count, shown=_FAILURES_SHOWN)
            for code, count in sorted(self.failed.items())
            if count > _FAILURES_SHOWN
        ]


def validate_registry(
    path: PathLike,
    *more: PathLike,
    region: str | None = None,
    plugins: Plugins | None = None,
    encoding: str | None = None,
) -> Report:
    """Validate registry files row by row, in constant memory.

    Every row goes through the record rules of the ``dod_register_rules`` hook (the core ones
    and the region's) as it is read. Files are read providers first, then programmes,
    certificates and enrolments, so that enrolments are checked against the certificates and
    programmes given with them (which are then kept in memory, a record each). Files of one
    kind are one table: a number repeated in two certificate files is a duplicate, and paths
    index into the registry the files make together.

    Args:
        path: A registry file (CSV, XLSX or JSON Lines) of any kind.
        *more: Further files of the same registry: its programmes, certificates, enrolments.
        region: ISO 3166-2 code (or name) whose rules and settings to use; else that of the
            first record that names one (a code, or a name such as «Амурская область»).
        plugins: The plugin session; the default one when ``None``.
        encoding: The CSV files' encoding, instead of telling it from their bytes.

    Returns:
        A report of bad rows and cells (``registry/…``), the rules' findings (each message
        names the file and row; each path is ``/certificates/<index>`` into the registry the
        files make), and per file a ``registry/rows`` note of what was read. A region no plugin
        knows is a ``registry/unknown-region`` warning.

    Raises:
        DocumentError: A file cannot be read or has no registry header.

    .. versionadded:: 0.2.0
    """
    plugins = default_plugins() if plugins is None else plugins
    sources = open_all((path, *more), encoding)
    run = _Validation(plugins, sources, region)
    for source in sources:
        run.read(source)
    # In the order met: the stream's order is the files' (no ordering by place).
    return Report.build(run.finish(), region=run.code, plugins=plugins.versions())


def _failed(code: str, exc: Exception, pointer: str, name: str, number: int) -> Finding:
    return _RULE_FAILED.finding(
        path=pointer,
        variant="record",
        source=name,
        row=number,
        rule=code,
        error_type=type(exc).__name__,
        error=exc,
    )
