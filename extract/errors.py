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


class InternalError(ProjektpuljeError):
    """A fault of projektpulje itself, not of the input (a module missing from the installation, a bug)."""

    exit_code = EXIT_INTERNAL


# The libraries that read a PDF's bytes. An unexpected exception raised inside one of them is taken to come
# from the PDF (a file they cannot cope with); raised anywhere else, it is a fault of projektpulje.
PDF_READER_PACKAGES = ("pdfminer", "pdfplumber", "pypdfium2", "camelot", "playa", "PIL", "cv2", "pypdf")


def raised_by_pdf_reader(error: BaseException) -> bool:
    """Whether the innermost Python frame of `error`'s traceback lies in a PDF reading library."""
    tb = error.__traceback__
    if tb is None:
        return False
    while tb.tb_next is not None:
        tb = tb.tb_next
    module = tb.tb_frame.f_globals.get("__name__", "")
    return module.split(".")[0] in PDF_READER_PACKAGES
