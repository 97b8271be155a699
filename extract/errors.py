"""The exceptions every layer of projektpulje raises.

One base class, so the CLI can tell an expected failure (a message for the
user) from a bug (a traceback, shown with --debug).
"""


class ProjektpuljeError(Exception):
    """An expected failure: the message is for the user, on one line."""

    exit_code = 2


class InputError(ProjektpuljeError):
    """The input cannot be used at all: not a PDF, damaged, no tables."""

    exit_code = 2


class TableError(ProjektpuljeError):
    """A table was found but a cell in it cannot be read as the layout requires."""

    exit_code = 2
