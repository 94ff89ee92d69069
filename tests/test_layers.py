"""Layer rules, read from the source with ast: who may import Qt, and what each layer may import."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import desktop

PACKAGE = Path(desktop.__file__).parent
QT = ("PySide6", "shiboken6")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    return imports_in(path.read_text(encoding="utf-8"), module_name(path), is_package=path.name == "__init__.py")


def imports_in(source: str, module: str, *, is_package: bool = False) -> set[str]:
    """Every module `source` imports, anywhere (also inside functions), as absolute names."""
    package = module.split(".") if is_package else module.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[: len(package) - node.level + 1]) if node.level else ""
            imported = ".".join(part for part in (base, node.module or "") if part)
            found.add(imported)
            found.update(f"{imported}.{alias.name}" for alias in node.names)  # `from desktop import ui`
    return found


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def test_modules_are_found() -> None:
    expected = {"desktop.domain.enums", "desktop.persistence.repositories", "desktop.services.records", "desktop.cli"}
    assert expected <= set(MODULES)


def starts(name: str, *prefixes: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


# The sanctioned exceptions: the `report` command draws its PDF with Qt, so it imports desktop.ui.report inside
# its function (never at module level: other commands must not load PySide6); test_lazy_ui_imports checks that.
LAZY_UI_IMPORTS = {
    "desktop.commands.report": ("desktop.ui.report",),
    "desktop.commands.evidence_export": ("desktop.ui.report",),  # the evidence package's custody report
}


def violations(layer: str, forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{module} imports {imported}"
        for module, path in MODULES.items()
        if starts(module, layer)
        for imported in sorted(imports_of(path))
        if starts(imported, *forbidden) and not starts(imported, *LAZY_UI_IMPORTS.get(module, ()))
    ]


def module_level_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = [node for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)]
    return imports_in(ast.unparse(ast.Module(body=top, type_ignores=[])), module_name(path))


def test_lazy_ui_imports_stay_inside_functions() -> None:
    for module, allowed in LAZY_UI_IMPORTS.items():
        assert module in MODULES
        eager = [name for name in module_level_imports(MODULES[module]) if starts(name, *allowed, "desktop.ui", *QT)]
        assert eager == [], f"{module} must import {allowed} inside the function that needs it"


def test_only_the_ui_and_app_import_qt() -> None:
    offenders = [
        f"{module} imports {imported}"
        for module, path in MODULES.items()
        if not starts(module, "desktop.ui", "desktop.app")
        for imported in sorted(imports_of(path))
        if starts(imported, *QT)
    ]
    assert offenders == []


@pytest.mark.parametrize(
    ("layer", "forbidden"),
    [
        ("desktop.domain", ("desktop.persistence", "desktop.services", "desktop.ui", "desktop.app", "desktop.cli",
                            "desktop.commands", "desktop.paths", "sqlalchemy", "alembic", "platformdirs", *QT)),
        ("desktop.persistence", ("desktop.services", "desktop.ui", "desktop.app", "desktop.cli", "desktop.commands",
                                 *QT)),
        ("desktop.services", ("desktop.ui", "desktop.app", "desktop.cli", "desktop.commands", *QT)),
        ("desktop.commands", ("desktop.ui", "desktop.app", *QT)),
    ],
)  # fmt: skip
def test_layer_imports_nothing_above_it(layer: str, forbidden: tuple[str, ...]) -> None:
    assert violations(layer, forbidden) == []


def test_the_checker_sees_relative_and_nested_imports() -> None:
    """Guard against a checker that can never fail."""
    source = "def f():\n    from ..persistence import models\n    from . import enums\n    import PySide6.QtCore\n"
    found = imports_in(source, "desktop.domain.probe")
    assert {"desktop.persistence", "desktop.persistence.models", "desktop.domain.enums", "PySide6.QtCore"} <= found
    assert "desktop.ui.main_window" in imports_in("from .ui import main_window", "desktop", is_package=True)


# Services build no SQL (DESIGN.md, Layers): every statement lives in persistence, behind repositories and the
# query objects of the unit of work.
SQL_MODULES = ("sqlalchemy", "sqlite3", "desktop.persistence.models", "desktop.persistence.mapping")


def sql_imports(module: str, imported: set[str]) -> list[str]:
    return [f"{module} imports {name}" for name in sorted(imported) if starts(name, *SQL_MODULES)]


def test_services_build_no_sql() -> None:
    offenders = [
        offence
        for module, path in MODULES.items()
        if starts(module, "desktop.services")
        for offence in sql_imports(module, imports_of(path))
    ]
    assert any(starts(module, "desktop.services.csv") for module in MODULES)  # the csv package is checked too
    assert offenders == []


def test_the_sql_rule_sees_sqlalchemy_sqlite3_and_the_models() -> None:
    """Guard against a rule that can never fail."""
    source = (
        "import sqlite3\nfrom sqlalchemy.orm import Session\n\n"
        "def f():\n    import sqlalchemy as sa\n    from ..persistence import models\n"
    )
    found = sql_imports("desktop.services.probe", imports_in(source, "desktop.services.probe"))
    assert "desktop.services.probe imports sqlite3" in found
    assert "desktop.services.probe imports sqlalchemy" in found
    assert "desktop.services.probe imports sqlalchemy.orm" in found
    assert "desktop.services.probe imports desktop.persistence.models" in found
    found = sql_imports("desktop.services.probe", imports_in("from desktop.persistence.mapping import plain", "x"))
    assert "desktop.services.probe imports desktop.persistence.mapping" in found
    assert sql_imports("desktop.services.probe", imports_in("from desktop.persistence import unit_of_work", "x")) == []
