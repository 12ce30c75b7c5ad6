"""``{cli-help}``: the help of ``dod-model`` and each of its commands, from the real parser."""

from __future__ import annotations

import argparse
import os

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from dod_model.cli import build_parser


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


class CliHelp(SphinxDirective):
    """Render ``--help`` of the command and of every subcommand as literal blocks."""

    def run(self) -> list[nodes.Node]:
        os.environ["COLUMNS"] = "100"
        parser = build_parser()
        result: list[nodes.Node] = [nodes.literal_block(text=parser.format_help())]
        for name, sub in _subparsers(parser).items():
            section = nodes.section(ids=[f"command-{name}"])
            section += nodes.title(text=f"dod-model {name}")
            section += nodes.literal_block(text=sub.format_help())
            result.append(section)
        return result


def setup(app: Sphinx) -> dict[str, object]:
    app.add_directive("cli-help", CliHelp)
    return {"parallel_read_safe": True}
