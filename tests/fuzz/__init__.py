"""Fuzzing: real files of every format the library reads, mutated, against its promises.

``docs/fuzzing.md`` says how to run it (``nox -s fuzz -- --minutes 10`` for the nightly size)
and how to reproduce a failure.
"""
