"""projektpulje as users install it: one package from a wheel or `pip install .`, used from any folder; and
the house rules a reader relies on: every sub-package installed, no import cycles, no module over 400 lines."""

from __future__ import annotations

import ast
import json
import site
import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

from .conftest import GOLDEN, ROOT, SAMPLE_2021
from .helpers import differing_files

# the folders the user fixed, and the name each installs under
ROOTS = {"pipelines": "projektpulje", "extract": "projektpulje.extract", "schemas": "projektpulje.schemas"}
MAX_LINES = 400


def source_packages() -> dict[str, Path]:
    """Every package of the source tree, by the name it installs under."""
    found = {}
    for folder, name in ROOTS.items():
        for init in sorted((ROOT / folder).rglob("__init__.py")):
            relative = init.parent.relative_to(ROOT / folder).parts
            found[".".join((name, *relative))] = init.parent
    return found


def modules() -> dict[str, Path]:
    """Every module of the installed package, by its dotted name."""
    found = {}
    for name, folder in source_packages().items():
        for path in sorted(folder.glob("*.py")):
            found[name if path.stem == "__init__" else f"{name}.{path.stem}"] = path
    return found


def test_pyproject_installs_every_package_of_the_source_tree():
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert sorted(setuptools["packages"]) == sorted(source_packages())
    assert setuptools["package-dir"] == {name: folder for folder, name in ROOTS.items()}


def imported_modules(module: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that `module` imports, at any depth of its code (lazy imports count), except
    those only imported for type checking."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.stem == "__init__" else module.rpartition(".")[0]
    skipped = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
               and getattr(node.test, "id", "") == "TYPE_CHECKING" for n in ast.walk(node)}
    found = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            target = f"{base}.{node.module}" if node.level and node.module else (base if node.level else node.module)
            for alias in node.names:  # `from package import module` imports the module
                found.add(f"{target}.{alias.name}" if f"{target}.{alias.name}" in known else target)
    return {name for name in found if name in known and name != module}


def cycle_in(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle, as the modules along it; empty when there is none."""
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node] = 2
        path.pop()
        return []

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return []


def test_no_module_imports_itself_through_others():
    known = modules()
    # a package's __init__ that only gathers its own modules is not a cycle; every other edge counts
    graph = {name: {m for m in imported_modules(name, path, set(known)) if not name.startswith(m + ".")}
             for name, path in known.items()}
    assert cycle_in(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    assert cycle_in({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle_in({"a": {"b"}, "b": set()}) == []


def test_no_module_outside_samples_is_over_400_lines():
    tracked = subprocess.run(["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    paths = [ROOT / p for p in tracked if not p.startswith("samples/")] or list(modules().values())
    long = {str(p.relative_to(ROOT)): n for p in paths if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_no_extractor_imports_another():
    known = modules()
    extractors = {name for name in known if name.endswith("_extractor")}
    assert len(extractors) == 3
    imports = {name: imported_modules(name, known[name], set(known)) & extractors for name in extractors}
    assert imports == {name: set() for name in extractors}


def test_the_command_goes_through_the_api_alone():
    """cli.py composes: it imports the API, the console, the settings and root modules (errors, printable,
    compare), never a sub-package (extract, stages, outputs, budget, audit, schemas)."""
    known = modules()
    subpackages = {name for name, path in known.items() if path.name == "__init__.py" and name != "projektpulje"}
    imported = imported_modules("projektpulje.cli", known["projektpulje.cli"], set(known))
    assert sorted(m for m in imported if any(m == p or m.startswith(p + ".") for p in subpackages)) == []


def test_nothing_under_extract_forks_or_takes_a_process_count():
    """Extractors read pages; orchestration (pipelines/stages/) decides what runs in which process."""
    known = modules()
    found = {}
    for name, path in known.items():
        if not name.startswith("projektpulje.extract"):
            continue
        text = path.read_text(encoding="utf-8")
        said = [w for w in ("os.fork", "multiprocessing.Process", "ProcessPool", "processes:", "processes=") if w in text]
        said += sorted(m for m in imported_modules(name, path, set(known)) if m.startswith("projektpulje.stages"))
        if said:
            found[name] = said
    assert found == {}


# --- installed, not editable ------------------------------------------------------------------


def fresh_venv(where: Path) -> Path:
    """A virtualenv that sees the libraries of the interpreter running the tests (pandas, pdfplumber, …),
    whether that is a virtualenv or the system's, but not this checkout. `system_site_packages` alone
    would lend it the base interpreter's libraries, not a virtualenv's: the running interpreter's
    folders of libraries are named in a .pth file instead, as plain paths (their own .pth files, an
    editable install of this checkout among them, are not run)."""
    venv.EnvBuilder(system_site_packages=False, with_pip=False).create(where)
    python = where / "bin" / "python"
    (site_packages(python) / "_borrowed_libraries.pth").write_text("".join(f"{folder}\n" for folder in
                                                                        library_folders()), encoding="utf-8")
    return python


def library_folders() -> list[str]:
    """The running interpreter's folders of installed libraries, in the order it searches them."""
    return [folder for folder in dict.fromkeys([*site.getsitepackages(), site.getusersitepackages()])
            if Path(folder).is_dir() and folder in sys.path]


def pip(*args: str) -> None:
    done = subprocess.run([sys.executable, "-m", "pip", *args], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]


def site_packages(python: Path) -> Path:
    code = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    return Path(subprocess.run([python, "-c", code], capture_output=True, text=True, check=True).stdout.strip())


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    pip("wheel", "--no-deps", "--quiet", "--wheel-dir", str(out), str(ROOT))
    (built,) = out.glob("projektpulje-*.whl")
    return built


def test_the_wheel_holds_one_top_level_package_with_its_data(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert tops == {"projektpulje"}
    assert {"projektpulje/budget/vocabulary.toml", "projektpulje/outputs/report/style.css",
            "projektpulje/data/udmoentning-af-projektpuljen-2021.pdf"} <= set(names)
    sample = zipfile.ZipFile(wheel).read("projektpulje/data/udmoentning-af-projektpuljen-2021.pdf")
    assert sample == SAMPLE_2021.read_bytes()


@pytest.mark.parametrize("how", ["wheel", "source"])
def test_installed_projektpulje_runs_from_another_folder(how, wheel, tmp_path):
    python = fresh_venv(tmp_path / "venv")
    before = {p.name for p in site_packages(python).iterdir()}
    target = str(wheel) if how == "wheel" else str(ROOT)
    pip("--python", str(python), "install", "--no-deps", "--quiet", target)
    added = {p.name for p in site_packages(python).iterdir()} - before
    assert {name for name in added if not name.endswith(".dist-info")} == {"projektpulje"}

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    command = tmp_path / "venv" / "bin" / "projektpulje"
    done = subprocess.run([command, "run", "-q", "--out", "out"], cwd=elsewhere, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 1, done.stderr  # the bundled sample's one prose finding
    folder = elsewhere / "out" / SAMPLE_2021.stem
    assert differing_files(folder, GOLDEN / SAMPLE_2021.stem) == []

    code = ("import projektpulje, sys\n"
            f"d = projektpulje.read_pdf({str(SAMPLE_2021)!r})\n"
            "print(projektpulje.__file__.startswith(sys.prefix), len(d.tables), len(d.items), d.year)\n")
    done = subprocess.run([python, "-c", code], cwd=elsewhere, capture_output=True, text=True, timeout=300)
    assert done.stdout.split() == ["True", "7", "49", "2021"], done.stderr


def test_the_fresh_venv_searches_the_running_interpreters_libraries_and_not_the_checkout(tmp_path):
    python = fresh_venv(tmp_path / "venv")
    code = "import importlib.util, json, sys; print(json.dumps(sys.path)); print(importlib.util.find_spec('projektpulje'))"
    done = subprocess.run([python, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    searched, spec = done.stdout.splitlines()
    ours = [folder for folder in site.getsitepackages() if folder in sys.path]
    assert [folder for folder in json.loads(searched) if folder in ours] == ours  # a venv's own libraries too
    assert spec == "None"
