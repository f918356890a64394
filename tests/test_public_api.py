"""The public APIs of `kenmerk.extract` and `kenmerk.output`, pinned from the packages themselves.

As httpx's `test_exported_members`: `__all__` must be exactly the public names the package
holds (here: the names its lazy table `EXPORTS` serves, each defined in the module the table
names), so a name added or dropped on one side only fails. The README's Python example imports
only these names, and runs.
"""
from __future__ import annotations

import ast
import importlib
import inspect
import re
import subprocess
import sys
from pathlib import Path

import pytest

import kenmerk.extract
import kenmerk.output

REPO = Path(__file__).resolve().parents[1]
PACKAGES = [kenmerk.extract, kenmerk.output]


def _public_names(package) -> set[str]:
    """Names of the package's namespace that are kenmerk's own objects (not modules, not import helpers)."""
    names = set()
    for name in dir(package):
        if name.startswith("_"):
            continue
        value = getattr(package, name)
        if inspect.ismodule(value):
            continue
        if getattr(value, "__module__", "").startswith(package.__name__ + "."):
            names.add(name)
    return names


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.__name__)
def test_all_is_exactly_the_public_names_of_the_package(package):
    exported = [name for name in package.__all__ if name != "__version__"]
    assert package.__all__ == sorted(package.__all__)
    assert set(exported) == _public_names(package)


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.__name__)
def test_each_public_name_comes_from_the_module_the_table_names(package):
    for name, module in package.EXPORTS.items():
        value = getattr(package, name)
        assert value is getattr(importlib.import_module(f"{package.__name__}.{module}"), name)
        assert value.__module__ == f"{package.__name__}.{module}", name


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.__name__)
def test_the_type_checking_imports_are_the_table(package):
    """The `if TYPE_CHECKING:` block (for editors) names the same modules and names as `EXPORTS`."""
    tree = ast.parse(Path(package.__file__).read_text(encoding="utf-8"))
    block = next(node for node in tree.body if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING")
    imported = {alias.name: node.module.rsplit(".", 1)[1] for node in block.body if isinstance(node, ast.ImportFrom)
                for alias in node.names}
    assert imported == package.EXPORTS


def test_importing_kenmerk_output_is_light():
    code = ("import sys, kenmerk.output; "
            "print(sorted(m for m in ('rdflib', 'pyoxigraph', 'requests', 'pyshacl') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True).stdout
    assert out.strip() == "[]"


def _readme_python() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```", text, re.M | re.S)
    assert blocks, "the README has no Python example"
    return "\n".join(blocks)


def test_the_readme_imports_only_public_names():
    for node in ast.walk(ast.parse(_readme_python())):
        if isinstance(node, ast.ImportFrom) and node.module.startswith("kenmerk"):
            package = importlib.import_module(node.module)
            assert node.module in {p.__name__ for p in PACKAGES}, f"a deep import: from {node.module} import …"
            for alias in node.names:
                assert alias.name in package.__all__, f"{alias.name} is not public in {node.module}"


def test_the_readme_python_example_runs(tmp_path, monkeypatch, capsys):
    """The example reads `nota.pdf` in the current folder: here the sample beslisnota."""
    (tmp_path / "nota.pdf").write_bytes((REPO / "tests" / "samples" / "beslisnota-twee-paginas.pdf").read_bytes())
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    exec(compile(_readme_python(), "README.md", "exec"), namespace)  # noqa: S102 - the README's own example
    note = namespace["note"]
    assert note.kenmerk == "IENW/BSK-2025/12345" and note.evidence["kenmerk"].page == 1
    assert len(namespace["graph"]) > 0 and b"IENW/BSK-2025/12345" in namespace["turtle"]
    assert '"kenmerk"' in capsys.readouterr().out  # explain_path's JSON


def test_errors_form_one_hierarchy():
    from kenmerk.extract import InvalidNote, KenmerkError, NoTextLayer, UnreadableInput, UsageError

    assert issubclass(UnreadableInput, KenmerkError)
    assert issubclass(NoTextLayer, UnreadableInput)
    assert issubclass(InvalidNote, KenmerkError)
    assert issubclass(UsageError, KenmerkError)
    assert KenmerkError.exit_code == 1 and UsageError.exit_code == 2
