"""The exceptions every layer of projektpulje raises, and the exit code each stands for.

One base class, so the command can tell an expected failure (a message for the user, exit 2) from a
bug (exit 3, a traceback shown with --debug); exit 1 is kept for findings.
"""

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE, EXIT_INTERNAL = 0, 1, 2, 3


class ProjektpuljeError(Exception):
    """An expected failure: the message is for the user, on one line."""

    exit_code = EXIT_UNUSABLE


class InputError(ProjektpuljeError):
    """The input cannot be used at all: not a PDF, damaged, no tables."""


class TableError(ProjektpuljeError):
    """A table was found but a cell in it cannot be read as the layout requires."""


class OutputError(ProjektpuljeError):
    """--out cannot take a document's output: no space left, or a folder that cannot be written in."""


class InternalError(ProjektpuljeError):
    """A fault of projektpulje itself, not of the input (a module missing from the installation, a bug)."""

    exit_code = EXIT_INTERNAL
