"""One error hierarchy (`kenmerk.extract.errors`), every class with its exit code, no CLI wording in the library.

Issue 15: the error classes lived in ten modules, `OcrError` was outside the hierarchy and
`UsageError` (a CLI notion, about flags) was raised from library code. These tests walk every
`KenmerkError` subclass there is once every module of kenmerk is imported, so a class added
anywhere else fails here.
"""
from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import kenmerk.extract
import kenmerk.output
import kenmerk.vocab
from kenmerk.extract import errors
from kenmerk.extract.errors import EXIT_CODES, ExitCode, KenmerkError

REPO = Path(__file__).resolve().parents[1]
#: the command line: the only code that may raise `UsageError`
CLI_CODE = (REPO / "output" / "cli.py", REPO / "output" / "commands")


def _import_everything() -> list[str]:
    names = []
    for package in (kenmerk.extract, kenmerk.vocab, kenmerk.output):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            importlib.import_module(info.name)
            names.append(info.name)
    return names


def _subclasses(cls: type) -> set[type]:
    found = set()
    for sub in cls.__subclasses__():
        found |= {sub} | _subclasses(sub)
    return found


def every_error() -> list[type[KenmerkError]]:
    _import_everything()
    return sorted(_subclasses(KenmerkError) | {KenmerkError}, key=lambda c: c.__name__)


def test_every_error_class_lives_in_the_errors_module():
    classes = every_error()
    elsewhere = [f"{c.__module__}.{c.__name__}" for c in classes
                 if c.__module__ != errors.__name__ and c.__module__.startswith("kenmerk.")]
    assert elsewhere == []
    assert {c.__name__ for c in classes if c.__module__ == errors.__name__} <= set(errors.__all__)


#: a line of the docstring's tree: its indentation (drawn with │├└─), a class name, its exit code
TREE_LINE = re.compile(r"^(?P<indent>[ │├└─]*)(?P<name>[A-Z]\w+) +(?P<code>\d) ")


def _tree() -> list[tuple[int, str, int]]:
    """(depth, class name, exit code) of each line of the module docstring's tree."""
    return [(len(m["indent"]), m["name"], int(m["code"]))
            for m in map(TREE_LINE.match, errors.__doc__.splitlines()) if m]


def test_every_error_class_has_an_exit_code_of_the_table_and_its_line_in_the_docstring():
    documented = {name: code for _, name, code in _tree()}
    for cls in every_error():
        assert isinstance(cls.exit_code, ExitCode) and cls.exit_code in EXIT_CODES, cls
        assert cls.exit_code != ExitCode.OK, cls
        assert documented.get(cls.__name__) == cls.exit_code, f"{cls.__name__}: not in the docstring's tree as it is"


def test_the_docstring_tree_is_the_class_tree():
    """Each class's parent in the docstring's tree (by indentation) is its Python base class."""
    stack: list[tuple[int, str]] = []
    for depth, name, _ in _tree():
        while stack and stack[-1][0] >= depth:
            stack.pop()
        if stack:
            assert getattr(errors, name).__bases__ == (getattr(errors, stack[-1][1]),), name
        stack.append((depth, name))
    top = min(depth for depth, _, _ in _tree())
    assert [name for depth, name, _ in _tree() if depth == top] == ["KenmerkError"]


def test_ocr_errors_are_kenmerk_errors():
    from kenmerk.extract.ocr import OcrError

    assert issubclass(OcrError, KenmerkError) and OcrError.exit_code == ExitCode.FAILED


@pytest.mark.parametrize("name", ["PublishError", "StoreBusy", "OutputError", "FetchError", "ConfigError",
                                  "QueryError", "EndpointRefused", "EndpointUnreachable", "BatchFailure"])
def test_the_modules_that_raise_an_error_re_export_the_one_class(name):
    where = {"PublishError": "store", "StoreBusy": "store", "OutputError": "atomic", "FetchError": "inputs",
             "ConfigError": "config", "QueryError": "query", "EndpointRefused": "gsp",
             "EndpointUnreachable": "gsp", "BatchFailure": "batch"}
    module = importlib.import_module(f"kenmerk.output.{where[name]}")
    assert getattr(module, name) is getattr(errors, name)


def _raised_names(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Raise) and node.exc is not None:
            target = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if isinstance(target, ast.Name):
                names.add(target.id)
            elif isinstance(target, ast.Attribute):
                names.add(target.attr)
    return names


def test_the_library_raises_no_usage_error():
    """`UsageError` is wording about flags: only the CLI raises it; the library raises typed errors."""
    offenders = []
    for folder in ("extract", "vocab", "output"):
        for path in sorted((REPO / folder).rglob("*.py")):
            if path == CLI_CODE[0] or CLI_CODE[1] in path.parents:
                continue
            if "UsageError" in _raised_names(path):
                offenders.append(str(path.relative_to(REPO)))
    assert offenders == []


def test_an_invalid_setting_from_the_library_is_one_line_and_exit_2_through_the_cli(tmp_path, capsys):
    from kenmerk.output.cli import main

    note = tmp_path / "nota.md"
    note.write_text("# Nota\n\nOnderwerp: een proef\nOns kenmerk: 2024-1\nDatum: 3 maart 2024\n", encoding="utf-8")
    assert main(["extract", str(note), "--format", "turtle", "--base", "http://example.org/a b/"]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "is not a valid IRI" in err, err
    assert issubclass(errors.UsageError, errors.InvalidSetting) and issubclass(errors.ConfigError, errors.InvalidSetting)
