"""Mutations of Office Open XML packages (Word, workbooks) at the XML, zip and byte levels.

Each mutation is a small frozen dataclass: it prints as what it does, and hypothesis shrinks a
list of them. They apply in four stages, in list order within a stage: XML trees of parts
(``tree``), the serialised bytes of parts (``raw``), the zip structure (``package``), and the
bytes of the whole file (``bytes``).
"""

from __future__ import annotations

import copy
import re
import struct
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from hypothesis import strategies as st
from lxml import etree

from tests.fuzz import _values
from tests.fuzz._settings import NIGHTLY
from tests.fuzz._zipmodel import Entry, Package, plain

__all__ = ["BYTE_OPS", "Op", "apply_ops", "package_ops", "tree_ops"]

_GROWTH = 20 * 2**20 if NIGHTLY else 2 * 2**20
"""The most bytes one duplication adds to a part (a table copied 20,000 times would not fit)."""
_PARSER = etree.XMLParser(resolve_entities=False, huge_tree=True, remove_blank_text=False)


class Op:
    """A mutation; ``stage`` says when it applies."""

    stage: ClassVar[str]

    def apply(self, state: _State) -> None:  # pragma: no cover - each op has its own
        raise NotImplementedError


class _State:
    """A package being mutated, with the XML trees of the parts being changed."""

    def __init__(self, package: Package, donors: Callable[[int], Package] | None) -> None:
        self.package = package
        self.trees: dict[int, Any] = {}
        self.donors = donors

    def index(self, part: str | int) -> int | None:
        """The entry ``part`` names (a name, or an index into the XML parts)."""
        if isinstance(part, str):
            return self.package.find(part)
        xml = [i for i, n in enumerate(self.package.names()) if n.endswith((".xml", ".rels"))]
        return xml[part % len(xml)] if xml else None

    def tree(self, part: str | int) -> Any:
        at = self.index(part)
        if at is None:
            return None
        if at not in self.trees:
            data = plain(self.package.entries[at])
            try:
                self.trees[at] = etree.fromstring(data, _PARSER) if data else None
            except etree.XMLSyntaxError:
                self.trees[at] = None
        return self.trees[at]

    def flush(self) -> None:
        for at, root in self.trees.items():
            if root is not None:
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
                self.package.entries[at] = self.package.entries[at].holding(data)
        self.trees = {}

    def raw(self, part: str | int) -> tuple[int, bytes] | None:
        at = self.index(part)
        if at is None:
            return None
        data = plain(self.package.entries[at])
        return None if data is None else (at, data)


def _pick(root: Any, tag: str | None, index: int) -> Any:
    if root is None:
        return None
    found = list(root.iter(tag)) if tag else list(root.iter(etree.Element))
    return found[index % len(found)] if found else None


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:40]}…<{len(text)} chars>"


def _local(tag: str | None) -> str:
    return "*" if tag is None else re.sub(r"\{[^}]*\}", "", tag)


# -- the XML trees of parts -----------------------------------------------------------------------


@dataclass(frozen=True)
class Delete(Op):
    part: str | int
    tag: str | None
    index: int
    stage: ClassVar[str] = "tree"

    def __repr__(self) -> str:
        return f"Delete({self.part!r}, {_local(self.tag)}[{self.index}])"

    def apply(self, state: _State) -> None:
        node = _pick(state.tree(self.part), self.tag, self.index)
        if node is not None and node.getparent() is not None:
            node.getparent().remove(node)


@dataclass(frozen=True)
class Duplicate(Op):
    part: str | int
    tag: str | None
    index: int
    times: int
    stage: ClassVar[str] = "tree"

    def __repr__(self) -> str:
        return f"Duplicate({self.part!r}, {_local(self.tag)}[{self.index}], ×{self.times})"

    def apply(self, state: _State) -> None:
        node = _pick(state.tree(self.part), self.tag, self.index)
        if node is None or node.getparent() is None:
            return
        size = len(etree.tostring(node))
        for _ in range(min(self.times, max(1, _GROWTH // size))):
            node.addnext(copy.deepcopy(node))  # not re-parsed: a nest may be past parse depth


@dataclass(frozen=True)
class Reorder(Op):
    part: str | int
    tag: str | None
    index: int
    how: str  # reverse, rotate, swap
    stage: ClassVar[str] = "tree"

    def __repr__(self) -> str:
        return f"Reorder({self.part!r}, {_local(self.tag)}[{self.index}], {self.how})"

    def apply(self, state: _State) -> None:
        node = _pick(state.tree(self.part), self.tag, self.index)
        if node is None or len(node) < 2:
            return
        children = list(node)
        if self.how == "reverse":
            children.reverse()
        elif self.how == "rotate":
            children = children[1:] + children[:1]
        else:
            children[0], children[-1] = children[-1], children[0]
        for child in children:
            node.append(child)


@dataclass(frozen=True)
class SetAttr(Op):
    part: str | int
    tag: str | None
    attr: str
    index: int
    value: object  # a str or a Run
    stage: ClassVar[str] = "tree"

    def __repr__(self) -> str:
        where = f"{_local(self.tag)}[{self.index}]@{_local(self.attr)}"
        return f"SetAttr({self.part!r}, {where} = {_short(self.value)})"

    def apply(self, state: _State) -> None:
        node = _pick(state.tree(self.part), self.tag, self.index)
        if node is not None:
            try:
                node.set(self.attr, str(self.value))
            except ValueError:  # not XML-compatible text (a lone surrogate, a NUL)
                node.set(
                    self.attr,
                    str(self.value)
                    .encode("utf-8", "surrogateescape")
                    .decode("utf-8", "replace")
                    .replace("\x00", ""),
                )


@dataclass(frozen=True)
class SetText(Op):
    part: str | int
    tag: str
    index: int
    text: object
    how: str  # replace, append, prepend
    stage: ClassVar[str] = "tree"

    def __repr__(self) -> str:
        where = f"{_local(self.tag)}[{self.index}]"
        return f"SetText({self.part!r}, {where} {self.how} {_short(self.text)})"

    def apply(self, state: _State) -> None:
        node = _pick(state.tree(self.part), self.tag, self.index)
        if node is None:
            return
        old, new = node.text or "", str(self.text)
        text = {"replace": new, "append": old + new, "prepend": new + old}[self.how]
        try:
            node.text = text
        except ValueError:  # lxml takes no surrogates or control characters: drop them
            node.text = "".join(c for c in text if c.isprintable() or c in "\t\n")
            node.text = node.text.encode("utf-8", "replace").decode("utf-8")
        node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


@dataclass(frozen=True)
class Insert(Op):
    """Put an element made from XML text into the element picked (``where``: child position)."""

    part: str | int
    tag: str | None
    index: int
    xml: str
    where: int
    stage: ClassVar[str] = "tree"

    def __repr__(self) -> str:
        where = f"{_local(self.tag)}[{self.index}]"
        xml = re.sub(r' xmlns(?::\w+)?="[^"]*"', "", self.xml)  # the declarations say little
        return f"Insert({self.part!r}, {where} <- {_short(xml)} at {self.where})"

    def apply(self, state: _State) -> None:
        node = _pick(state.tree(self.part), self.tag, self.index)
        if node is None:
            return
        nsmap = {k: v for k, v in (node.nsmap or {}).items() if k}
        declared = " ".join(f'xmlns:{k}="{v}"' for k, v in nsmap.items())
        try:
            wrapper = etree.fromstring(
                f"<fuzz-wrapper {declared}>{self.xml}</fuzz-wrapper>", _PARSER
            )
        except etree.XMLSyntaxError:  # a value no XML may hold (a control character)
            return
        position = self.where % (len(node) + 1)
        for offset, child in enumerate(list(wrapper)):
            node.insert(position + offset, child)


@dataclass(frozen=True)
class Nest(Op):
    """Wrap the element picked in ``depth`` levels of an element pair (``<a><b>`` … )."""

    part: str | int
    tag: str | None
    index: int
    depth: int
    wrapper: tuple[str, ...]
    stage: ClassVar[str] = "tree"

    def __repr__(self) -> str:
        chain = "/".join(map(_local, self.wrapper))
        return f"Nest({self.part!r}, {_local(self.tag)}[{self.index}] in ({chain})×{self.depth})"

    def apply(self, state: _State) -> None:
        node = _pick(state.tree(self.part), self.tag, self.index)
        if node is None or node.getparent() is None:
            return
        parent, position = node.getparent(), node.getparent().index(node)
        outer = inner = None
        for _ in range(self.depth):
            for tag in self.wrapper:
                made = etree.Element(tag)
                if inner is None:
                    outer = made
                else:
                    inner.append(made)
                inner = made
        parent.remove(node)
        inner.append(node)  # type: ignore[union-attr]
        parent.insert(position, outer)


# -- the bytes of parts ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Raw(Op):
    """Rewrite a part's bytes: a DOCTYPE, another declared encoding, a cut, bytes inserted."""

    part: str | int
    kind: str
    size: int = 1
    at: float = 0.0
    stage: ClassVar[str] = "raw"

    def __repr__(self) -> str:
        return f"Raw({self.part!r}, {self.kind}, size={self.size}, at={self.at:.2f})"

    def apply(self, state: _State) -> None:
        found = state.raw(self.part)
        if found is None:
            return
        at, data = found
        state.package.entries[at] = state.package.entries[at].holding(_raw(self, data))


def _body_start(data: bytes) -> int:
    """Where the root element begins (after the declaration and any DOCTYPE)."""
    match = re.search(rb"<[A-Za-z_]", data)
    return match.start() if match else 0


def _raw(op: Raw, data: bytes) -> bytes:
    start = _body_start(data)
    root = re.match(rb"<([\w:.-]+)", data[start:])
    name = root.group(1) if root else b"root"
    at = start + int(op.at * (len(data) - start))
    if op.kind == "laughs":  # nested entities: a billion laughs if anything expands them
        decl = b'<!ENTITY a0 "ha">' + b"".join(
            b'<!ENTITY a%d "%s">' % (i, b"&a%d;" % (i - 1) * 10) for i in range(1, 10)
        )
        body = data[start:].replace(b"</w:t>", b"&a9;</w:t>", 1)
        return data[:start] + b"<!DOCTYPE " + name + b" [" + decl + b"]>" + body
    if op.kind == "external":
        decl = b'<!ENTITY x SYSTEM "file:///etc/passwd">'
        body = data[start:].replace(b"</w:t>", b"&x;</w:t>", 1)
        return data[:start] + b"<!DOCTYPE " + name + b" [" + decl + b"]>" + body
    if op.kind in ("utf-16", "windows-1251", "bogus", "ascii"):
        text = re.sub(rb"<\?xml[^>]*\?>", b"", data, count=1)
        head = b'<?xml version="1.0" encoding="%s"?>' % op.kind.encode()
        if op.kind == "utf-16":
            return (head.decode() + text.decode("utf-8", "replace")).encode("utf-16")
        return head + text
    if op.kind == "cut":
        return data[:at]
    if op.kind == "spaces":  # whitespace between tags, which compresses to almost nothing
        gap = data.find(b">", at)
        return data if gap < 0 else data[: gap + 1] + b" " * op.size + data[gap + 1 :]
    if op.kind == "text-spaces":  # a number, whitespace, a letter: inside a text of a cell
        ends = [m.end() for m in re.finditer(rb"<(?:w:)?t(?: [^>]*)?>", data)]
        if not ends:
            return data
        cut = ends[int(op.at * len(ends))]
        return data[:cut] + b"1" + b" " * op.size + b"x" + data[cut:]
    if op.kind == "nodes":  # many empty elements before the root's end
        end = data.rfind(b"</")
        return data if end < 0 else data[:end] + b"<w:p/>" * op.size + data[end:]
    if op.kind == "junk":
        return data[:at] + bytes(range(256))[: op.size % 256 + 1] + data[at:]
    return data


# -- the zip structure ----------------------------------------------------------------------------

_FIELDS = {
    "flags": [0x1, 0x8, 0x20, 0x40, 0x800, 0x2000, 0xFFFF],
    "method": [0, 1, 6, 8, 9, 12, 14, 93, 95, 98, 99, 0xFFFF],
    "version_needed": [0, 10, 20, 45, 46, 51, 63, 84, 0xFFFF],
    "version_made": [0, 0x314, 0x3FF, 84, 0xFFFF],
    "crc": [0, 1, 0xFFFFFFFF],
    "csize": [0, 1, 100, 2**31, 0xFFFFFFFF],
    "size": [0, 1, 100, 10**6, 2**31, 0xFFFFFFFF],
    "name_length": [0, 1, 0xFFFF],
    "offset": [0, 1, 30, 2**31, 0xFFFFFFFF],
    "disk": [1, 0xFFFF],
}
_CENTRAL_ONLY = {"version_made", "offset", "disk"}


@dataclass(frozen=True)
class Header(Op):
    entry: str | int
    where: str  # local, central, both
    name: str
    value: int
    stage: ClassVar[str] = "package"

    def __repr__(self) -> str:
        return f"Header({self.entry!r}.{self.where}.{self.name} = {self.value:#x})"

    def apply(self, state: _State) -> None:
        at = _entry(state.package, self.entry)
        if at is None:
            return
        entry = state.package.entries[at]
        if self.where in ("local", "both") and self.name not in _CENTRAL_ONLY:
            entry.local[self.name] = self.value
        if self.where in ("central", "both"):
            entry.central[self.name] = self.value


@dataclass(frozen=True)
class End(Op):
    name: str
    value: int
    stage: ClassVar[str] = "package"

    def __repr__(self) -> str:
        return f"End({self.name} = {self.value:#x})"

    def apply(self, state: _State) -> None:
        state.package.end[self.name] = self.value


@dataclass(frozen=True)
class Entries(Op):
    """Change the list of entries: drop, duplicate, rename, store, lie about, add many."""

    entry: str | int
    kind: str
    count: int = 1
    stage: ClassVar[str] = "package"

    def __repr__(self) -> str:
        return f"Entries({self.entry!r}, {self.kind}, {self.count})"

    def apply(self, state: _State) -> None:
        entries = state.package.entries
        at = _entry(state.package, self.entry)
        if self.kind == "empties":
            entries.extend(
                Entry.of(f"customXml/e{i}.xml", b"", method=0) for i in range(self.count)
            )
            return
        if at is None:
            return
        entry = entries[at]
        if self.kind == "drop":
            del entries[at]
        elif self.kind == "duplicate":
            entries.insert(at + 1, replace(entry))
        elif self.kind == "duplicate-last":
            entries.append(replace(entry))
        elif self.kind == "store":
            content = plain(entry)
            if content is not None:
                entries[at] = replace(entry, data=content, method=0)
        elif self.kind == "lie":  # declares one byte, inflates to all of it
            entries[at] = replace(entry, size=1)
        elif self.kind == "zip64":
            extra = struct.pack("<HHQQ", 1, 16, 2**40, len(entry.data))
            entries[at] = replace(entry, extra=extra, size=0xFFFFFFFF)
        elif self.kind == "bad-extra":
            entries[at] = replace(entry, extra=struct.pack("<HH", 0x7075, 0xFFFF) + b"x")
        elif self.kind.startswith("rename-"):
            entries[at] = replace(entry, name=_renamed(entry.name, self.kind[7:]))
        elif self.kind == "bomb":  # the part, with megabytes of spaces at its end
            content = plain(entry) or b""
            entries[at] = entry.holding(content + b" " * self.count)
        elif self.kind == "graft" and state.donors is not None:
            donor = state.donors(self.count)
            name = entry.name.decode("utf-8", "replace")
            found = donor.find(name)
            if found is not None:
                entries[at] = replace(donor.entries[found], name=entry.name)


def _renamed(name: bytes, how: str) -> bytes:
    return {
        "upper": name.upper(),
        "backslash": name.replace(b"/", b"\\"),
        "absolute": b"/" + name,
        "parent": b"../" + name,
        "nul": name + b"\x00.x",
        "cp1251": "Документ.xml".encode("cp1251"),
        "empty": b"",
        "long": name + b"x" * 60000,
    }.get(how, name)


def _entry(package: Package, entry: str | int) -> int | None:
    if isinstance(entry, str):
        return package.find(entry)
    return entry % len(package.entries) if package.entries else None


@dataclass(frozen=True)
class Around(Op):
    """Bytes before the first entry, or an archive comment (one holding an end record, too)."""

    kind: str
    size: int
    stage: ClassVar[str] = "package"

    def __repr__(self) -> str:
        return f"Around({self.kind}, {self.size})"

    def apply(self, state: _State) -> None:
        if self.kind == "prefix":
            state.package.prefix = b"MZ" + b"\x00" * self.size
        elif self.kind == "comment":
            state.package.comment = b"c" * min(self.size, 0xFFFF)
        elif self.kind == "fake-end":
            state.package.comment = b"PK\x05\x06" + b"\x00" * 18


# -- the bytes of the file ------------------------------------------------------------------------


@dataclass(frozen=True)
class Bytes(Op):
    """Flip, insert or delete bytes in a region of the file (an entry's data, a header…)."""

    region: str  # any, data, local, central, end
    entry: int
    at: float
    kind: str  # flip, insert, delete, cut
    value: int
    stage: ClassVar[str] = "bytes"

    def __repr__(self) -> str:
        where = (
            self.region
            if self.region in ("any", "central", "end")
            else f"{self.region}[{self.entry}]"
        )
        return f"Bytes({where} at {self.at:.3f}: {self.kind} {self.value:#x})"

    def apply_bytes(self, data: bytes, spans: dict[str, list[tuple[int, int]]]) -> bytes:
        if self.region == "any" or not spans.get(self.region):
            start, end = 0, len(data)
        else:
            regions = spans[self.region]
            start, end = regions[self.entry % len(regions)]
        end = min(end, len(data))  # an earlier cut may have shortened the data
        if end <= start:
            return data
        at = min(start + int(self.at * (end - start)), end - 1)  # ``at`` may be 1.0
        if self.kind == "flip":
            return data[:at] + bytes([data[at] ^ (self.value & 0xFF or 1)]) + data[at + 1 :]
        if self.kind == "insert":
            return data[:at] + bytes([self.value & 0xFF]) * (self.value >> 8 or 1) + data[at:]
        if self.kind == "delete":
            return data[:at] + data[at + (self.value or 1) :]
        return data[:at]  # cut


def apply_ops(
    package: Package, ops: Sequence[Op], donors: Callable[[int], Package] | None = None
) -> bytes:
    """The bytes of ``package`` (a copy) with ``ops`` applied stage by stage."""
    state = _State(package.copy(), donors)
    for stage in ("tree", "raw", "package"):
        for op in ops:
            if op.stage == stage:
                op.apply(state)
        if stage == "tree":
            state.flush()
    data = state.package.to_bytes()
    for op in ops:
        if op.stage == "bytes":
            data = op.apply_bytes(data, state.package.spans)  # type: ignore[attr-defined]
    return data


# -- strategies -----------------------------------------------------------------------------------

_INDEX = st.one_of(st.integers(0, 3), st.integers(0, 10_000))  # the first ones matter most
# Inflated sizes of a part padded with spaces: past the part and package budgets only at night.
_BOMBS = [10**5, 10**6, 10**7] + ([70 * 2**20, 130 * 2**20] if NIGHTLY else [])
_EMPTIES = [10, 1000, 10_001] + ([30_000, 100_000] if NIGHTLY else [])


def tree_ops(
    tags: Mapping[str, Sequence[str | None]],
    attrs: Sequence[tuple[str, str | None, str, st.SearchStrategy[Any]]],
    texts: Sequence[tuple[str, str]],
    inserts: Sequence[tuple[str, str | None, st.SearchStrategy[str]]],
    wrappers: Sequence[tuple[str, ...]],
) -> st.SearchStrategy[Op]:
    """Mutations of the XML trees of a package's parts.

    Args:
        tags: By part, the elements to delete, duplicate, reorder or nest (``None``: any).
        attrs: (part, element, attribute, values) to set.
        texts: (part, element) whose text to change (``w:t``, a workbook's ``v``).
        inserts: (part, parent element, XML texts) to insert: unknown namespaces, symbols, rows.
        wrappers: Element chains to nest things in.
    """
    pairs = [(part, tag) for part, names in tags.items() for tag in names]
    pairs += [(0, None), (1, None), (2, None), (3, None)]  # any element of any XML part
    target = st.sampled_from(pairs)
    parts = st.sampled_from(list(tags))

    def on(make: Callable[..., Op], *more: st.SearchStrategy[Any]) -> st.SearchStrategy[Op]:
        return target.flatmap(lambda pt: st.builds(make, st.just(pt[0]), st.just(pt[1]), *more))

    return _values.either(
        (1, on(Delete, _INDEX)),
        (1, on(Duplicate, _INDEX, st.sampled_from([1, 2, 10, 1000, 20_000]))),
        (1, on(Reorder, _INDEX, st.sampled_from(["reverse", "rotate", "swap"]))),
        (
            3,
            st.one_of(
                [
                    st.builds(SetAttr, st.just(p), st.just(t), st.just(a), _INDEX, v)
                    for p, t, a, v in attrs
                ]
            ),
        ),
        (
            2,
            st.one_of(
                [
                    st.builds(
                        SetText,
                        st.just(p),
                        st.just(t),
                        _INDEX,
                        _values.texts(),
                        st.sampled_from(["replace", "append", "prepend"]),
                    )
                    for p, t in texts
                ]
            ),
        ),
        (
            2,
            st.one_of(
                [
                    st.builds(Insert, st.just(p), st.just(parent), _INDEX, xml, st.integers(0, 20))
                    for p, parent, xml in inserts
                ]
            ),
        ),
        (
            1,
            on(
                Nest,
                _INDEX,
                st.sampled_from([2, 50, 255, 300, 1000, 5000]),
                st.sampled_from(list(wrappers)),
            ),
        ),
        (
            1,
            st.builds(
                Raw,
                parts,
                st.sampled_from(
                    [
                        "laughs",
                        "external",
                        "utf-16",
                        "windows-1251",
                        "bogus",
                        "ascii",
                        "cut",
                        "junk",
                    ]
                ),
                st.integers(1, 300),
                st.floats(0, 0.999),
            ),
        ),
        (
            1,
            st.builds(
                Raw,
                parts,
                st.sampled_from(["spaces", "text-spaces", "nodes"]),
                _values.SIZES,
                st.floats(0, 0.999),
            ),
        ),
    )


def _header(names: Sequence[str]) -> st.SearchStrategy[Op]:
    entry = st.one_of(st.sampled_from(list(names)), st.integers(0, 100))
    return st.sampled_from(sorted(_FIELDS)).flatmap(
        lambda name: st.builds(
            Header,
            entry,
            st.sampled_from(["local", "central", "both"]),
            st.just(name),
            st.one_of(st.sampled_from(_FIELDS[name]), st.integers(0, 0xFFFFFFFF)),
        )
    )


def package_ops(names: Sequence[str], donors: int) -> st.SearchStrategy[Op]:
    """Mutations of the zip structure of a package whose key parts are ``names``."""
    entry = st.one_of(st.sampled_from(list(names)), st.integers(0, 100))
    kinds = [
        "drop",
        "duplicate",
        "duplicate-last",
        "store",
        "lie",
        "zip64",
        "bad-extra",
        *(
            f"rename-{h}"
            for h in ("upper", "backslash", "absolute", "parent", "nul", "cp1251", "empty", "long")
        ),
    ]
    ops = [
        _header(names),
        st.builds(
            End,
            st.sampled_from(
                [
                    "disk",
                    "cd_disk",
                    "entries_disk",
                    "entries",
                    "cd_size",
                    "cd_offset",
                    "comment_length",
                ]
            ),
            st.one_of(st.sampled_from([0, 1, 2, 0xFFFF, 0xFFFFFFFF]), st.integers(0, 0xFFFFFFFF)),
        ),
        st.builds(Entries, entry, st.sampled_from(kinds)),
        st.builds(Entries, st.just(0), st.just("empties"), st.sampled_from(_EMPTIES)),
        st.builds(Entries, entry, st.just("bomb"), st.sampled_from(_BOMBS)),
        st.builds(
            Around,
            st.sampled_from(["prefix", "comment", "fake-end"]),
            st.sampled_from([1, 100, 70000]),
        ),
    ]
    if donors:
        ops.append(st.builds(Entries, entry, st.just("graft"), st.integers(0, donors - 1)))
    return st.one_of(ops)


BYTE_OPS = st.builds(
    Bytes,
    st.sampled_from(["data", "any", "local", "central", "end"]),
    st.integers(0, 100),
    st.floats(0, 0.999),
    st.sampled_from(["flip", "insert", "delete", "cut"]),
    st.integers(0, 0xFFFF),
)
"""Mutations of the bytes of the file, in the data or headers of an entry or anywhere."""
