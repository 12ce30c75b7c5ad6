"""Command lines on mutated files, odd paths and odd standard outputs: no traceback, no hang,
exit status 0, 1 or 2."""

from __future__ import annotations

from hypothesis import given

from tests.fuzz._cli import commands, run_command
from tests.fuzz._sandbox import broken
from tests.fuzz._settings import NIGHTLY, fuzz


@fuzz(examples=8)
@given(command=commands())
def test_a_command_line_ends_with_a_message_and_a_status_never_a_traceback(command):
    __tracebackhide__ = True
    problems = run_command(command, wall=30 if NIGHTLY else 20)
    if problems:
        data = next((v.data for v in command.inputs.values() if not isinstance(v, str)), None)
        broken(problems, label="cli", data=data)
