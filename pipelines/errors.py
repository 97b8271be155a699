"""The exceptions every layer of projektpulje raises, and the exit code each stands for.

One base class, so the command can tell an expected failure (a message for the user, exit 2) from a
bug (exit 3, a traceback shown with --debug); exit 1 is kept for findings.
"""

from __future__ import annotations

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE, EXIT_INTERNAL = 0, 1, 2, 3


class ProjektpuljeError(Exception):
    """An expected failure: the message is for the user, on one line."""

    exit_code = EXIT_UNUSABLE


class InputError(ProjektpuljeError):
    """The input cannot be used at all: not a PDF, damaged, no tables. `option` names the setting that would
    read it (`ocr`, `password`), where the message says "give --ocr": the command's spelling of it."""

    def __init__(self, message: str = "", *, option: str = "") -> None:
        super().__init__(message)
        self.option = option

    def __reduce__(self):  # carried back from a forked reader with its option and what else it was given
        return _input_error, (str(self), self.option), dict(self.__dict__)

    def in_python(self) -> InputError:
        """The same error as a caller of the API reads it: "give ocr=True" where the command says "give --ocr"."""
        before, said, after = str(self).rpartition(f"give --{self.option}")
        if not (self.option and said):
            return self
        return InputError(f"{before}give {PYTHON_SPELLING.get(self.option, self.option + '=')}{after}", option=self.option)


# How read_pdf's keyword spells an option of the command.
PYTHON_SPELLING = {"ocr": "ocr=True", "password": "password="}


def _input_error(message: str, option: str) -> InputError:
    return InputError(message, option=option)


class TableError(ProjektpuljeError):
    """A table was found but a cell in it cannot be read as the layout requires."""


class OutputError(ProjektpuljeError):
    """--out cannot take a document's output: no space left, or a folder that cannot be written in."""


class DatabaseError(ProjektpuljeError):
    """The database cannot be used: the message says why, in a line."""


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
