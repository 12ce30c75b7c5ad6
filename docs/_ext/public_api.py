"""The public names of dod_model in the docs.

* ``{public-names} dod_model.codec`` lists every name of a namespace's ``__all__``, each with
  its summary, linked to the entry that documents it;
* a reference by any public path resolves: ``dod_model.registry.Certificate`` links to the entry
  of ``dod_model.model.Certificate``, the namespace the class reports as its ``__module__``;
* a reference by a private path (a type annotation of an object whose ``__module__`` is still
  private) is pointed at the object's public path;
* constants re-exported by a namespace are documented with the docstring they have where they
  are defined, not with the docstring of their type (``int``, ``tuple``, a pluggy marker).

Where each name is documented is the rule of ``public_names``, which the docs' test shares.
"""

from __future__ import annotations

import importlib
import inspect
import re
import sys
from typing import Any, TypeVar

import attrs
from docutils import nodes
from public_names import home, public_names, public_path_of, resolve_public_path, unique_home
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.errors import PycodeError
from sphinx.pycode import ModuleAnalyzer
from sphinx.util.docutils import SphinxDirective

_ROLE = re.compile(r":[a-z:]+:`~?(?:([^`<]*?)\s*<[^`>]*>|([^`]*))`")
_LITERAL = re.compile(r"(``[^`]+``)")
_CLASS_REPR = re.compile(r"<class '([\w.]+)'>")


def _attribute_doc(obj: object, name: str) -> list[str]:
    """The docstring of the module attribute ``name`` holding ``obj``, where it is defined."""
    for modname in sorted(sys.modules):
        module = sys.modules[modname]
        if modname.partition(".")[0] != "dod_model" or vars(module).get(name) is not obj:
            continue
        try:
            analyzer = ModuleAnalyzer.for_module(modname)
            analyzer.analyze()
        except PycodeError:
            continue
        doc = analyzer.attr_docs.get(("", name))
        if doc:
            return list(doc)
    return []


def _summary(namespace: str, name: str) -> list[nodes.Node]:
    """The first line of the docstring of ``namespace.name``, its roles shown as literals."""
    obj = getattr(importlib.import_module(namespace), name)
    if inspect.isclass(obj) or inspect.isroutine(obj):
        lines = (inspect.getdoc(obj) or "").splitlines()
    else:
        lines = _attribute_doc(obj, name)
    summary = _ROLE.sub(
        lambda m: f"``{(m[1] or m[2]).strip()}``", lines[0].strip() if lines else ""
    )
    return [
        nodes.literal(text=part[2:-2]) if part.startswith("``") else nodes.Text(part)
        for part in _LITERAL.split(summary)
        if part
    ]


def _cell(*children: nodes.Node) -> nodes.entry:
    paragraph = nodes.paragraph()
    paragraph.extend(children)
    return nodes.entry("", paragraph)


class PublicNames(SphinxDirective):
    """A table of the names of one namespace, each linked to its entry, with its summary."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        namespace = self.arguments[0]
        body = nodes.tbody()
        for name in public_names(namespace):
            target = home(namespace, name)
            link = addnodes.pending_xref(
                "",
                nodes.literal(text=name, classes=["xref", "py", "py-obj"]),
                refdomain="py",
                reftype="obj",
                reftarget=target,
                refexplicit=True,
                refwarn=True,
                refdoc=self.env.docname,
            )
            summary = _summary(namespace, name)
            if target != f"{namespace}.{name}":
                summary += [
                    nodes.Text(" (documented as "),
                    nodes.literal(text=target),
                    nodes.Text(")"),
                ]
            body += nodes.row("", _cell(link), _cell(*summary))
        group = nodes.tgroup(cols=2)
        group += nodes.colspec(colwidth=1)
        group += nodes.colspec(colwidth=3)
        group += nodes.thead(
            "", nodes.row("", _cell(nodes.Text("Name")), _cell(nodes.Text("Summary")))
        )
        group += body
        return [nodes.table("", group, classes=["public-names"])]


def _is_type_variable(path: str) -> bool:
    module, _, name = path.rpartition(".")
    if module.partition(".")[0] != "dod_model":
        return False
    try:
        return isinstance(getattr(importlib.import_module(module), name, None), TypeVar)
    except ImportError:
        return False


def _resolve(app: Sphinx, env: Any, node: nodes.Element, contnode: nodes.Element) -> Any:
    """Resolve a reference by another public path, or by a sibling's name, to its entry.

    A type variable in a signature (``T`` of ``from_data(data, cls: type[T]) -> T``) stands
    for no object: it is shown as written, unlinked.
    """
    if node.get("refdomain") != "py":
        return None
    target = node["reftarget"]
    module = node.get("py:module")
    candidates = [f"{module}.{target}", target] if module else [target]
    documented = next(filter(None, map(resolve_public_path, candidates)), None)
    if documented is None and not target.startswith("dod_model."):
        documented = unique_home(target)
    if documented is not None:
        return env.domains.python_domain.resolve_xref(
            env, node["refdoc"], app.builder, node["reftype"], documented, node, contnode
        )
    if any(map(_is_type_variable, candidates)):
        return contnode
    return None


def _public_targets(app: Sphinx, doctree: nodes.document) -> None:
    """Point a reference by a private path (a type annotation's) at the object's public path."""
    for node in doctree.findall(addnodes.pending_xref):
        target = node.get("reftarget", "")
        if node.get("refdomain") == "py" and "._" in target:
            node["reftarget"] = public_path_of(target) or target


def _own_docstring(  # noqa: PLR0917 - Sphinx passes the event's arguments by position
    app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    """Document a constant with its own docstring, never with its type's."""
    if what == "data" and inspect.getdoc(obj) == inspect.getdoc(type(obj)):
        lines[:] = _attribute_doc(obj, name.rpartition(".")[2])


def _signature(  # noqa: PLR0917 - Sphinx passes the event's arguments by position
    app: Sphinx, what: str, name: str, obj: Any, options: Any, args: Any, retann: Any
) -> tuple[str | None, str | None] | None:
    """Signatures as code writes them: ``cls=Roadmap``, not ``cls=<class 'dod_model.Roadmap'>``.

    A callable constant (a pluggy marker) is data: it gets no parameters from its ``__call__``;
    an attrs class lists its fields as attributes, with their types, and no parameters besides.
    """
    if what == "data" or (what == "class" and attrs.has(obj)):
        app.env.current_document.autodoc_annotations.pop(name, None)
    if args and "<class '" in args:
        return _CLASS_REPR.sub(r"\1", args), retann
    return None


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("public-names", PublicNames)
    app.connect("doctree-read", _public_targets)
    app.connect("missing-reference", _resolve)
    app.connect("autodoc-process-docstring", _own_docstring)
    app.connect("autodoc-process-signature", _signature)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
