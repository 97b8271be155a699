"""A call run in a forked process of its own; its return value, or the exception it raised, comes back
through a pipe. A document is read this way while another process loads the libraries that check it,
and the work of a long document (its pages, its tables) is shared among the cores in runs."""

from __future__ import annotations

import os
import pickle
import signal
import traceback
from typing import Any, Callable, Sequence, TypeVar

from projektpulje.errors import ProjektpuljeError, raised_by_pdf_reader

T = TypeVar("T")
R = TypeVar("R")


class CrashedError(Exception):
    """The forked call failed unexpectedly (`detail`: its traceback; `in_reader`: raised inside a PDF
    library), or its process died (`status`)."""

    def __init__(self, message: str, *, detail: str = "", status: int | None = None, in_reader: bool = False) -> None:
        super().__init__(message)
        self.detail, self.status, self.in_reader = detail, status, in_reader


class Forked:
    """`function(*args, **kwargs)` running in a forked process; `result()` waits for it. An expected failure
    (a ProjektpuljeError) is raised again here as it was; anything else becomes a CrashedError."""

    def __init__(self, function: Callable[..., Any], /, *args: Any, **kwargs: Any) -> None:
        receive, send = os.pipe()
        parent = os.getpid()
        self.pid = os.fork()
        if self.pid == 0:
            os.close(receive)
            die_with_parent(parent)
            _call_in_child(function, args, kwargs, send)
        os.close(send)
        self.receive = receive

    def result(self) -> Any:
        with os.fdopen(self.receive, "rb") as fh:
            try:
                kind, payload, detail, in_reader = pickle.load(fh)
            except (EOFError, pickle.UnpicklingError):
                kind, payload, detail, in_reader = "died", None, "", False
        _, status = os.waitpid(self.pid, 0)
        if kind == "ok":
            return payload
        if kind == "error":
            raise payload
        if kind == "died":
            raise CrashedError(f"its process ended without a result (status {status})", status=status)
        raise CrashedError(payload, detail=detail, in_reader=in_reader)

    def cancel(self) -> None:
        """Stop the process, if it still runs, and forget its result."""
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self.receive)


def runs(items: Sequence[T], processes: int, *, least: int) -> list[Sequence[T]]:
    """Items in contiguous runs, one per process, none shorter than `least` (but a single run)."""
    count = max(1, min(processes, len(items) // max(least, 1)))
    bounds = [len(items) * i // count for i in range(count + 1)]
    return [items[start:stop] for start, stop in zip(bounds, bounds[1:])]


def in_runs(
    function: Callable[[Sequence[T]], list[R]], items: Sequence[T], *, processes: int, least: int
) -> list[R]:
    """`function` over the items in runs (see `runs`): the first run in this process, each other in a forked
    process of its own, all at once. The results come back in the items' order; an error is raised as the
    first run to fail raised it, and the processes still running are stopped."""
    first, *others = runs(items, processes, least=least)
    helpers = [Forked(function, run) for run in others]
    try:
        results = list(function(first))
        while helpers:
            results.extend(helpers.pop(0).result())
    finally:
        for helper in helpers:
            helper.cancel()
    return results


def _call_in_child(function: Callable[..., Any], args: tuple, kwargs: dict, send: int) -> None:
    try:
        payload = ("ok", function(*args, **kwargs), "", False)
    except ProjektpuljeError as error:
        payload = ("error", error, "", False)
    except BaseException as error:  # carried to the parent, which tells a PDF library's failure from ours
        payload = ("crash", f"{type(error).__name__}: {error}", traceback.format_exc(), raised_by_pdf_reader(error))
    try:
        with os.fdopen(send, "wb") as fh:
            pickle.dump(payload, fh, protocol=pickle.HIGHEST_PROTOCOL)
    finally:
        os._exit(0)


def die_with_parent(parent: int | None = None) -> None:
    """Linux: end this process when the one that forked it is killed (a --timeout, Ctrl-C, a kill of the command),
    so that no worker runs on without its time limit; `parent`, its pid before the fork: were it gone already,
    this process ends at once."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if parent is not None and os.getppid() != parent:  # it died between the fork and the line above
        os._exit(1)
