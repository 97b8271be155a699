"""Tidy rows → CSV (or Parquet) bytes, and folders written whole or not at all."""

from __future__ import annotations

import contextlib
import csv
import errno
import glob
import hashlib
import io
import os
import re
import shutil
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from projektpulje.budget.numbers import decimal_to_text
from projektpulje.errors import OutputError
from projektpulje.printable import printable

FOLDER_MODE = 0o755
COMBINED_FOLDER = "all"  # DIR/all/ holds the combined files of a batch
from .spreadsheet import spreadsheet_inert

COMBINED_FILES = ("items.csv", "totals.csv", "findings.csv")  # in DIR/all/ as all-items.csv, …
# A folder name's longest, in bytes: a file system's 255 less room for the staging folder's ".NAME.XXXXXXXX.partial"
# and a "-2" that tells it from another document's.
MAX_FOLDER_BYTES = 200


def _cell(value) -> str:
    if isinstance(value, str):
        return spreadsheet_inert(printable(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return decimal_to_text(value)
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value)


def rows_to_csv(rows: Iterable[Mapping], columns: Sequence[str]) -> bytes:
    """UTF-8 without BOM, comma, header row, '.' decimals, no thousands separators, '\\n' line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([_cell(row[c]) for c in columns] for row in rows)
    return buffer.getvalue().encode("utf-8")


def safe_folder_name(stem: str) -> str:
    """A PDF stem as a folder name: no path separators, no '..', no control characters; æøå and spaces kept; one
    longer than MAX_FOLDER_BYTES cut there, ending in a short digest of the whole stem."""
    name = re.sub(r"[\x00-\x1f\x7f/\\]+", "_", stem)
    name = re.sub(r"\.{2,}", "_", name)
    name = re.sub(r"_{2,}", "_", name).strip(" ._")
    if len(name.encode("utf-8")) > MAX_FOLDER_BYTES:  # cut, and told apart from others cut alike by a digest
        digest = hashlib.sha256(stem.encode("utf-8", "surrogateescape")).hexdigest()[:8]
        kept = name.encode("utf-8")[: MAX_FOLDER_BYTES - len(digest) - 1].decode("utf-8", "ignore").rstrip(" ._")
        name = f"{kept}-{digest}"
    if name.lower() == COMBINED_FOLDER:
        return f"{name}-document"  # DIR/all/ holds the combined files
    return name or "document"


def unique_folder_names(stems: Sequence[str]) -> list[str]:
    """The folder name of each document of a run, in input order: its safe name, or, when an earlier document
    already has that name (in any case), the name with the first free "-2", "-3", … added."""
    taken: set[str] = set()
    names = []
    for stem in stems:
        base = name = safe_folder_name(stem)
        number = 2
        while name.casefold() in taken:
            name, number = f"{base}-{number}", number + 1
        taken.add(name.casefold())
        names.append(name)
    return names


@contextlib.contextmanager
def folder_lock(parent: Path):
    """Held while a folder in `parent` is recovered, staged and swapped in, so that another run (or worker) writing
    in the same --out waits a moment for it rather than take its staging folder for a killed run's. The lock is on
    the folder itself (flock), so nothing is left in it."""
    try:
        import fcntl
    except ImportError:  # not a POSIX system: no lock
        yield
        return
    handle = os.open(parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # and with it the lock


def _remove(path: Path) -> None:
    """A staging or retired folder gone; a symbolic link in its place is unlinked, never followed."""
    if path.is_symlink() or not path.is_dir():
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, ignore_errors=True)


def _real_folder(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink()


def _recover(final: Path) -> None:
    for old in sorted(final.parent.glob(f".{glob.escape(final.name)}.*.old")):
        previous = old / "previous"
        if _real_folder(old) and _real_folder(previous) and not os.path.lexists(final):
            os.replace(previous, final)
        _remove(old)
    for partial in final.parent.glob(f".{glob.escape(final.name)}.*.partial"):
        _remove(partial)


def recover_folder(final: Path) -> None:
    """After a run was killed mid-write: put back the previous output if it was moved aside, drop partial folders.
    A symbolic link planted in their place is removed, never followed."""
    if not final.parent.is_dir():
        return
    with folder_lock(final.parent):
        _recover(final)


RENAME_EXCHANGE, AT_FDCWD = 2, -100  # linux/fs.h, fcntl.h


def _exchanged(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux renameat2), so that neither is ever missing; False where the system cannot."""
    import ctypes

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(first))


def _swap_in(staging: Path, final: Path) -> None:
    """The staging folder in place of `final`, which is never missing where the system can swap in one step."""
    if not os.path.lexists(final):
        os.replace(staging, final)
    elif _exchanged(staging, final):
        _remove(staging)  # the previous output, now under the staging name
    else:
        retired = Path(tempfile.mkdtemp(prefix=f".{final.name}.", suffix=".old", dir=final.parent))
        previous = retired / "previous"
        os.replace(final, previous)
        try:
            os.replace(staging, final)
        except BaseException:
            os.replace(previous, final)
            raise
        finally:
            _remove(retired)


def write_file(final: Path, data: bytes) -> Path:
    """Write a file beside its final place and rename it there, so it is never seen half-written."""
    final.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".partial", dir=final.parent)
    try:
        with os.fdopen(handle, "wb") as fh:
            fh.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, final)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return final


def write_folder(final: Path, files: Mapping[str, bytes]) -> None:
    """Write all files into a temporary folder beside ``final``, then swap it into place.

    A failure at any point leaves an existing ``final`` exactly as it was; a full disk or a folder that cannot be
    written in is an OutputError naming --out.
    """
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        with folder_lock(final.parent):
            _recover(final)
            staging = Path(tempfile.mkdtemp(prefix=f".{final.name}.", suffix=".partial", dir=final.parent))
            try:
                staging.chmod(FOLDER_MODE)  # mkdtemp makes it private; the output is for the whole team
                for name, data in files.items():
                    (staging / name).write_bytes(data)
                _swap_in(staging, final)
            except BaseException:
                _remove(staging)
                raise
    except OSError as error:
        raise OutputError(output_problem(error, final)) from error


def output_problem(error: OSError, final: Path) -> str:
    """What an OSError while writing `final` means for the user, in one line naming --out."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"no space left in --out {final.parent}; {final.name} not written (any earlier output of it as it was)"
    return f"--out {final.parent}: cannot write {final.name} ({error.strerror or error}); any earlier output as it was"


def combine_csvs(parts: list[tuple[bytes, str]], name: str = "items.csv", *, dialect: str = "default") -> bytes:
    """Several CSVs of output `name` with one header → one CSV in `dialect`; a source_file column is added where
    the parts lack one."""
    from projektpulje.outputs.dialects import csv_to_default, csv_to_dialect

    rows: list[list[str]] = []
    header: list[str] = []
    for data, source in parts:
        reader = csv.reader(io.StringIO(csv_to_default(data, name).decode("utf-8")))
        part_header = next(reader, [])
        add_source = "source_file" not in part_header
        header = header or part_header + (["source_file"] if add_source else [])
        rows.extend(row + [_cell(source)] if add_source else row for row in reader)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return csv_to_dialect(buffer.getvalue().encode("utf-8"), name, dialect)


def write_combined(out_dir: Path, documents: list[tuple[Path, Path]], *, csv_dialect: str = "default") -> Path:
    """DIR/all/: each document's items, totals and findings in one file (all-items.csv, …), with the source PDF
    named on every row, and their datapackage.json. `documents` are (output folder, PDF)."""
    from projektpulje.outputs.datapackage import COMBINED_PREFIX, PACKAGE_FILE, datapackage

    from projektpulje.outputs.parquet import combine_parquet

    target = out_dir / COMBINED_FOLDER
    files = {
        name: combine_csvs([((folder / name).read_bytes(), pdf.name) for folder, pdf in documents
                            if (folder / name).exists()], name, dialect=csv_dialect)
        for name in COMBINED_FILES
    }
    for name in COMBINED_FILES:  # Parquet too, where every document has it
        parquet = name.replace(".csv", ".parquet")
        if all((folder / parquet).exists() for folder, _ in documents):
            files[parquet] = combine_parquet([((folder / parquet).read_bytes(), pdf.name) for folder, pdf in documents], name)
    from projektpulje.outputs.workbook import WORKBOOK_FILE, csvs_to_workbook

    if all((folder / WORKBOOK_FILE).exists() for folder, _ in documents):
        files[WORKBOOK_FILE] = csvs_to_workbook(files, combined=True)
    files = {f"{COMBINED_PREFIX}{name}": data for name, data in files.items()}  # apart from a document's files
    sources = [(pdf.name, _source_digest(folder, pdf)) for folder, pdf in documents]
    files[PACKAGE_FILE] = datapackage(
        files, name="projektpulje-all", title=f"Udmøntning af projektpuljen: {len(documents)} documents",
        sources=sources, combined=True, provenance=_shared_provenance([folder for folder, _ in documents]),
    )
    write_folder(target, files)
    return target


def _shared_provenance(folders: list[Path]) -> dict | None:
    """What made the documents' outputs, when it is the same for all of them (their own verdicts aside)."""
    import json

    made = []
    for folder in folders:
        package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        made.append({k: v for k, v in package.get("projektpulje", {}).items() if k not in ("cross_check", "readings")})
    return made[0] if made and all(m == made[0] for m in made) else None


def _source_digest(folder: Path, pdf: Path) -> str:
    """The source PDF's sha256, as its own folder's datapackage.json records it."""
    import json

    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    return package["sources"][0]["sha256"]


def parquet_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("pyarrow") is not None


def xlsx_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("openpyxl") is not None
