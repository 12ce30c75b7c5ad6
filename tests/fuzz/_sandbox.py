"""Each fuzz example runs in a forked child: bounded in CPU time, wall time and memory.

The child sets ``RLIMIT_AS`` (a blow-up is a ``MemoryError``, not a machine in swap), arms a
CPU-time timer that interrupts Python code past the bound (so a hang shows where it was), and
reports every step it runs through a pipe: how it ended, its CPU and wall time, and how much
its peak resident memory grew. The parent kills a child that outlives its wall-clock limit
(code that no signal interrupts: a regular expression, a C loop) and turns what the steps
report into one :class:`PromiseBroken` per broken promise, a class of its own per kind of
failure, so hypothesis shrinks and reports each kind apart.

Where ``os.fork`` is missing (Windows) the steps run in the process itself: times are checked
after the fact, and memory and hangs are not watched.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import resource
import select
import signal
import sys
import time
import traceback
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "Limits",
    "Probe",
    "PromiseBroken",
    "broken",
    "limits_for",
    "run_checked",
]

_MIB = 1024 * 1024
FAILURES = Path(os.environ.get("DOD_MODEL_FUZZ_FAILURES", ".hypothesis/fuzz-failures"))
"""Where the input of each broken promise is saved (the latest, i.e. the shrunk one, wins)."""


@dataclass(frozen=True)
class Limits:
    """The bounds one example's steps must keep."""

    cpu: float
    """CPU seconds each step may take (CPU, not wall time: a busy machine does not flake it)."""
    wall: float
    """Wall seconds after which a step is killed as hung (a FIFO that blocks, a C loop)."""
    memory: int
    """Bytes the peak resident memory of the process may grow by during a step."""
    address_space: int = 1024 * _MIB
    """Bytes of address space the child may map beyond what it started with (RLIMIT_AS)."""


def limits_for(size: int, *, slack: float = 1.0, nodes: int = 0) -> Limits:
    """The promise for an input of ``size`` bytes: about 1 s per MB, < 200 MB over its size.

    The CPU bound is max(3 s, 2 s per MB), twice the promise so that a slow machine does not
    fail it; memory may grow by 200 MB plus 16 times the input (a roadmap holds its text a few
    times over: cells, model, JSON). A package whose XML holds ``nodes`` nodes (within the
    node budgets) may take 4 s per million of them as well: reading costs about 2 µs a node,
    and a small file may hold a large roadmap (a table of 7,000 rows in 180 KB).
    """
    megabytes = size / _MIB
    cpu = max(3.0, 2.0 * megabytes, 4.0 * nodes / 1e6) * slack
    return Limits(cpu=cpu, wall=2 * cpu + 4, memory=200 * _MIB + 16 * size)


class PromiseBroken(AssertionError):
    """A promise the library makes did not hold; subclassed once per kind of failure."""


_KINDS: dict[str, type[PromiseBroken]] = {}


def _kind(key: str) -> type[PromiseBroken]:
    """A class per kind of failure: hypothesis tells failures apart by their type and place."""
    if key not in _KINDS:
        name = "Broken_" + re.sub(r"\W+", "_", key).strip("_")[:80]
        _KINDS[key] = type(name, (PromiseBroken,), {"key": key, "__module__": __name__})
    return _KINDS[key]


class _Timeout(BaseException):
    """Raised in the child by the CPU-time timer; a BaseException, so no ``except`` eats it."""


def _where(tb: Any) -> str:
    """The innermost frame of the library in a traceback: ``_module.py:function``."""
    place = "?"
    for frame in traceback.extract_tb(tb):
        if f"{os.sep}dod_model{os.sep}" in frame.filename:
            place = f"{Path(frame.filename).name}:{frame.name}"
    return place


def _rss() -> int:
    """Peak resident memory of this process so far, in bytes."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


class Probe:
    """What the child uses to run its steps; each step's outcome goes to the parent at once."""

    def __init__(self, limits: Limits, report: Callable[[dict[str, Any]], None]) -> None:
        self.limits = limits
        self._report = report
        self.stopped = False
        """Set once a step is over its CPU bound: the rest are not run (each would be too)."""

    def step(
        self,
        name: str,
        fn: Callable[..., Any],
        *args: Any,
        allowed: tuple[type[BaseException], ...] = (),
        check: Callable[[BaseException], str | None] | None = None,
        **kwargs: Any,
    ) -> Any:
        """Run ``fn``; return its value, or ``None`` when it raised.

        Args:
            name: The step, as failures name it (``read``, ``write:ics``, …).
            fn: What to run, with ``args`` and ``kwargs``.
            allowed: The exceptions the promise lets out (``DocumentError``).
            check: Judges an allowed exception; a text is a broken promise (a message that
                says «please report» for a damaged file).
        """
        if self.stopped:
            return None
        self._report({"step": name, "event": "start"})
        outcome: dict[str, Any] = {"step": name, "event": "end", "status": "ok"}
        value = None
        peak, cpu, wall = _rss(), time.process_time(), time.perf_counter()
        armed = _arm(self.limits.cpu)
        try:
            value = fn(*args, **kwargs)
        except _Timeout as exc:
            outcome.update(status="slow", where=_where(exc.__traceback__))
        except allowed as exc:
            problem = check(exc) if check else None
            outcome.update(status="allowed", type=type(exc).__name__, message=str(exc)[:600])
            if problem:
                outcome.update(status="message", problem=problem)
        except BaseException as exc:  # the point of the harness: whatever escapes is reported
            outcome.update(
                status="raised",
                type=f"{type(exc).__module__}.{type(exc).__qualname__}".removeprefix("builtins."),
                message=str(exc)[:600],
                where=_where(exc.__traceback__),
                traceback="".join(traceback.format_exception(exc)[-12:])[-4000:],
            )
        finally:
            _disarm(armed)
            outcome.update(
                cpu=time.process_time() - cpu,
                wall=time.perf_counter() - wall,
                grew=max(0, _rss() - peak),
            )
        self.stopped = outcome["status"] == "slow" or outcome["cpu"] > self.limits.cpu
        self._report(outcome)
        return value

    def fail(self, name: str, problem: str) -> None:
        """Report a promise the child judged broken itself (a round trip that changed data)."""
        self._report({"step": name, "event": "end", "status": "lost", "problem": problem[:2000]})


def _arm(seconds: float) -> bool:
    if not hasattr(signal, "setitimer") or os.environ.get("_DOD_FUZZ_CHILD") != "1":
        return False

    def expire(signum: int, frame: Any) -> None:
        raise _Timeout

    signal.signal(signal.SIGPROF, expire)
    # Again every half second: library code that catches everything may swallow the first.
    signal.setitimer(signal.ITIMER_PROF, seconds, 0.5)
    return True


def _disarm(armed: bool) -> None:
    if armed:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, signal.SIG_DFL)


def _address_space() -> int:
    """Bytes of address space this process maps now."""
    with contextlib.suppress(OSError, ValueError):
        pages = int(Path("/proc/self/statm").read_text().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE")
    return 0


def _child(body: Callable[[Probe], None], limits: Limits, fd: int) -> None:
    os.environ["_DOD_FUZZ_CHILD"] = "1"
    out = os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", buffering=1)

    def report(event: dict[str, Any]) -> None:
        out.write(json.dumps(event, ensure_ascii=True) + "\n")
        out.flush()

    mapped = _address_space()
    if mapped:
        with contextlib.suppress(ValueError, OSError):
            _, hard = resource.getrlimit(resource.RLIMIT_AS)
            soft = mapped + limits.address_space
            resource.setrlimit(resource.RLIMIT_AS, (soft if hard < 0 else min(soft, hard), hard))
    warnings.simplefilter("ignore")  # RegistryWarning and friends are the library's business
    try:
        body(Probe(limits, report))
    except BaseException as exc:  # a bug of the harness itself: say so, loudly
        report(
            {
                "step": "harness",
                "event": "end",
                "status": "raised",
                "type": type(exc).__name__,
                "message": str(exc)[:600],
                "where": "harness",
                "traceback": "".join(traceback.format_exception(exc))[-4000:],
            }
        )
    finally:
        out.flush()


@dataclass
class _Run:
    events: list[dict[str, Any]] = field(default_factory=list)
    killed: str | None = None  # the step running when the child was killed
    status: int = 0


def _forked(body: Callable[[Probe], None], limits: Limits) -> _Run:
    sys.stdout.flush()
    sys.stderr.flush()
    read_end, write_end = os.pipe()
    with warnings.catch_warnings():
        # Python 3.12 warns of fork() in a process with threads; the child only runs the steps.
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 0
        try:
            os.close(read_end)
            _child(body, limits, write_end)
        except BaseException:
            code = 70
        finally:
            os._exit(code)
    os.close(write_end)
    run = _Run()
    buffer = b""
    started = time.monotonic()
    current: str | None = None
    try:
        while True:
            left = started + limits.wall - time.monotonic()
            if left <= 0:
                run.killed = current or "start"
                os.kill(pid, signal.SIGKILL)
                break
            ready, _, _ = select.select([read_end], [], [], min(left, 1.0))
            if not ready:
                continue
            chunk = os.read(read_end, 65536)
            if not chunk:
                break
            buffer += chunk
            *lines, buffer = buffer.split(b"\n")
            for line in lines:
                event = json.loads(line)
                run.events.append(event)
                if event["event"] == "start":
                    current, started = event["step"], time.monotonic()
                else:
                    current = None
    finally:
        os.close(read_end)
        _, status = os.waitpid(pid, 0)
        run.status = status
    return run


def _inline(body: Callable[[Probe], None], limits: Limits) -> _Run:
    run = _Run()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        body(Probe(limits, run.events.append))
    return run


def _pattern(problem: str) -> str:
    """A problem's kind: its text up to the first colon after a path, indices blurred."""
    head = problem.split(" became ", 1)[0].split(": ")
    kind = ": ".join(head[:2]) if len(head) > 1 else head[0]
    return re.sub(r"/\d+(?=/|$|:)", "/*", kind)[:100]


def _problems(run: _Run, limits: Limits) -> list[tuple[str, str]]:
    """Each broken promise of a run: (kind, what happened)."""
    found = []
    for event in run.events:
        if event["event"] != "end":
            continue
        step, status = event["step"], event["status"]
        if status == "raised":
            found.append(
                (
                    f"{step}: {event['type']} in {event['where']}",
                    f"{step} raised {event['type']}: {event['message']}\n{event['traceback']}",
                )
            )
        elif status == "slow":
            found.append(
                (
                    f"{step}: over the CPU bound",
                    f"{step} was stopped after {event['cpu']:.1f} s of CPU time in "
                    f"{event['where']}",
                )
            )
        elif status in ("message", "lost"):
            said = f"\n  the message: {event['message']}" if "message" in event else ""
            found.append(
                (f"{step}: {_pattern(event['problem'])}", f"{step}: {event['problem']}{said}")
            )
        if status != "slow" and event.get("cpu", 0) > limits.cpu:
            found.append(
                (
                    f"{step}: over the CPU bound",
                    f"{step} took {event['cpu']:.1f} s of CPU time ({event['wall']:.1f} s wall)",
                )
            )
        if event.get("grew", 0) > limits.memory:
            found.append(
                (
                    f"{step}: over the memory bound",
                    f"{step} grew the peak memory by {event['grew'] // _MIB} MB",
                )
            )
    if run.killed:
        found.append(
            (f"{run.killed}: hang", f"{run.killed} was killed after {limits.wall:g} s of wall time")
        )
    elif os.WIFSIGNALED(run.status):
        name = signal.Signals(os.WTERMSIG(run.status)).name
        found.append((f"crash {name}", f"the child process died of {name}"))
    return found


def run_checked(
    body: Callable[[Probe], None],
    limits: Limits,
    *,
    label: str,
    data: bytes | None = None,
    suffix: str = "",
) -> None:
    """Run ``body`` in a bounded child; raise one :class:`PromiseBroken` for what broke.

    Args:
        body: Runs the steps of one example through the :class:`Probe` it is given.
        limits: The bounds each step keeps.
        label: The test, for the saved input's file name.
        data: The example's input, saved under :data:`FAILURES` when a promise breaks.
        suffix: The saved input's suffix (``.docx``, …).
    """
    __tracebackhide__ = True
    run = _forked(body, limits) if hasattr(os, "fork") else _inline(body, limits)
    problems = _problems(run, limits)
    if problems:
        broken(problems, label=label, data=data, suffix=suffix)


def broken(
    problems: list[tuple[str, str]], *, label: str, data: bytes | None = None, suffix: str = ""
) -> None:
    """Raise the :class:`PromiseBroken` of the first problem (kind, detail); name the others.

    The input is saved under :data:`FAILURES` as ``<label>-<kind><suffix>``.
    """
    __tracebackhide__ = True
    kind, detail = problems[0]
    others = "".join(f"\n  also: {k}" for k, _ in problems[1:])
    saved = _save(label, kind, data, suffix) if data is not None else None
    where = f"\n  input saved as {saved}" if saved else ""
    raise _kind(kind)(f"{kind}\n{detail}{others}{where}")


def _save(label: str, kind: str, data: bytes, suffix: str) -> Path | None:
    slug = re.sub(r"[^\w.-]+", "-", f"{label}-{kind}").strip("-")[:120]
    target = FAILURES / f"{slug}{suffix}"
    with contextlib.suppress(OSError):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        return target
    return None
