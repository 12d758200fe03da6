"""The type stub of the native module names exactly what the module exports."""

import ast
from pathlib import Path

import xxgk
from xxgk import _xxgk


def test_native_stub_matches_the_module():
    stub = ast.parse((Path(xxgk.__file__).parent / "_xxgk.pyi").read_text(encoding="utf-8"))
    names = {n.name for n in stub.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    names |= {n.target.id for n in stub.body if isinstance(n, ast.AnnAssign)}
    exported = {n for n in dir(_xxgk) if not n.startswith("__") or n == "__version__"}
    assert names == exported
    assert (Path(xxgk.__file__).parent / "py.typed").exists()
