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
        result += self._sections("dod-model", parser)
        return result

    def _sections(self, prefix: str, parser: argparse.ArgumentParser) -> list[nodes.Node]:
        """A section per subcommand, with the subcommands of its own nested inside it."""
        sections: list[nodes.Node] = []
        for name, sub in _subparsers(parser).items():
            command = f"{prefix} {name}"
            section = nodes.section(ids=["command-" + command.removeprefix("dod-model ")
                                         .replace(" ", "-")])  # fmt: skip
            section += nodes.title(text=command)
            section += nodes.literal_block(text=sub.format_help())
            section += self._sections(command, sub)
            sections.append(section)
        return sections


def setup(app: Sphinx) -> dict[str, object]:
    app.add_directive("cli-help", CliHelp)
    return {"parallel_read_safe": True}
