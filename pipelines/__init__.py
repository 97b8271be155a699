"""projektpulje: Region Midtjylland's "Udmøntning af projektpuljen" PDFs → tidy, reconciled budget data.

    import projektpulje
    document = projektpulje.read_pdf("udmoentning-af-projektpuljen-2021.pdf")
    document.items          # one row per budget line and year (a data frame)
    document.findings       # every stated total, and the prose, that disagrees with the rows
    document.to_folder("output")

Sub-packages: extract (PDF → raw tables), budget (the Danish budget knowledge), schemas (the rules),
audit (findings), stages (orchestration and processes), outputs (files); compare and cli on top.
"""

from . import compare as _editions  # noqa: F401 - loaded first, so that importing it later never rebinds
from .api import compare, read_pdf  # `projektpulje.compare`, the function, over the submodule of that name
from .document import Document
from .errors import InputError, InternalError, ProjektpuljeError, TableError
from .settings import VERSION as __version__

__all__ = [
    "Document",
    "InputError",
    "InternalError",
    "ProjektpuljeError",
    "TableError",
    "__version__",
    "compare",
    "read_pdf",
]
