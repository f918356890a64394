"""The type checker's view of the packages (issue 19), pinned from the packages themselves.

`[tool.mypy]` in pyproject.toml checks `scripts/typecheck/kenmerk/{extract,vocab,output}`, links to the
folders that setuptools maps to those import names, and holds the public API (every module with an
`__all__`, and every module a name of the packages' `EXPORTS` tables is defined in) to
`disallow_untyped_defs`. A module that gains an `__all__` or an exported name without joining that
list fails here.
"""
from __future__ import annotations

import ast
import importlib
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10
    import tomli as tomllib

REPO = Path(__file__).resolve().parents[1]
PACKAGES = {"kenmerk.extract": "extract", "kenmerk.vocab": "vocab", "kenmerk.output": "output"}


def _mypy() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]


def _defines_all(path: Path) -> bool:
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
            return True
    return False


def public_modules() -> set[str]:
    """Modules with an `__all__`, and the modules the packages' `EXPORTS` name."""
    found = set()
    for package, folder in PACKAGES.items():
        for path in (REPO / folder).rglob("*.py"):
            if _defines_all(path):
                parts = [p for p in path.relative_to(REPO / folder).with_suffix("").parts if p != "__init__"]
                found.add(".".join([package, *parts]))
        exports = getattr(importlib.import_module(package), "EXPORTS", {})
        found.update(f"{package}.{module}" for module in exports.values())
    return found


def test_the_public_api_must_be_fully_annotated() -> None:
    strict = [o for o in _mypy()["overrides"] if o.get("disallow_untyped_defs")]
    assert len(strict) == 1
    assert sorted(strict[0]["module"]) == sorted(public_modules())


def test_the_links_give_the_folders_their_import_names() -> None:
    assert "scripts/typecheck/kenmerk" in _mypy()["files"]
    for package, folder in PACKAGES.items():
        link = REPO / "scripts" / "typecheck" / Path(*package.split("."))
        assert link.is_symlink(), link
        assert link.resolve() == (REPO / folder).resolve()


def test_no_blanket_ignore_errors() -> None:
    config = _mypy()
    assert not config.get("ignore_errors")
    assert not any(o.get("ignore_errors") for o in config.get("overrides", []))
