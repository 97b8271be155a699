"""A call run in a forked process of its own; its return value, or the exception it raised, comes back
through a pipe. Pages of a long PDF are read this way on every core, and a document is read while
another process loads the libraries that check it."""

from __future__ import annotations

import os
import pickle
import signal
import traceback
from typing import Any, Callable

from .errors import ProjektpuljeError


class CrashedError(Exception):
    """The forked call failed unexpectedly (`detail`: its traceback), or its process died (`status`)."""

    def __init__(self, message: str, *, detail: str = "", status: int | None = None) -> None:
        super().__init__(message)
        self.detail, self.status = detail, status


class Forked:
    """`function(*args, **kwargs)` running in a forked process; `result()` waits for it. An expected failure
    (a ProjektpuljeError) is raised again here as it was; anything else becomes a CrashedError."""

    def __init__(self, function: Callable[..., Any], /, *args: Any, **kwargs: Any) -> None:
        receive, send = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            os.close(receive)
            _call_in_child(function, args, kwargs, send)
        os.close(send)
        self.receive = receive

    def result(self) -> Any:
        with os.fdopen(self.receive, "rb") as fh:
            try:
                kind, payload, detail = pickle.load(fh)
            except (EOFError, pickle.UnpicklingError):
                kind, payload, detail = "died", None, ""
        _, status = os.waitpid(self.pid, 0)
        if kind == "ok":
            return payload
        if kind == "error":
            raise payload
        if kind == "died":
            raise CrashedError(f"its process ended without a result (status {status})", status=status)
        raise CrashedError(payload, detail=detail)

    def cancel(self) -> None:
        """Stop the process, if it still runs, and forget its result."""
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self.receive)


def _call_in_child(function: Callable[..., Any], args: tuple, kwargs: dict, send: int) -> None:
    _die_with_parent()
    try:
        payload = ("ok", function(*args, **kwargs), "")
    except ProjektpuljeError as error:
        payload = ("error", error, "")
    except BaseException as error:  # carried to the parent, which reports it like any failure
        payload = ("crash", f"{type(error).__name__}: {error}", traceback.format_exc())
    try:
        with os.fdopen(send, "wb") as fh:
            pickle.dump(payload, fh, protocol=pickle.HIGHEST_PROTOCOL)
    finally:
        os._exit(0)


def _die_with_parent() -> None:
    """Linux: end this process when the one that forked it is killed (a --timeout, or a failure beside it)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
