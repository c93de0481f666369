"""The house: graph/ laid out by the stages of the flow, data flowing one way, no import cycles.

Reads the imports with ``ast`` (nothing is imported), so a cycle or a back-flowing import is
caught even where Python would tolerate it at run time.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

import graph

PACKAGE = Path(__file__).resolve().parent.parent / "graph"
ROOT_FILES = {"__init__.py", "__main__.py", "model.py", "cli.py", "errors.py"}
#: Stages in the order data flows; a module may import its own stage and those before it.
STAGES = ("sources", "analyze", "corroborate", "rdf", "store", "pipeline", "queries", "ui")
RANK = {**{stage: index for index, stage in enumerate(STAGES)}, "queries": STAGES.index("pipeline"),
        "cli": len(STAGES), "evaluate": len(STAGES), "bench": len(STAGES), "__main__": len(STAGES)}
#: Identifiers are minted in one place (graph/rdf/ids.py), which corroboration needs too.
ALLOWED_BACK = {("graph.corroborate.index", "graph.rdf.ids"),
                ("graph.corroborate.reviews", "graph.rdf.ids")}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}


def imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module imported, names taken) for every import of a graph module in ``path``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and (
                node.module == "graph" or node.module.startswith("graph.")):
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                if submodule in MODULES:
                    found.append((submodule, []))
                else:
                    found.append((node.module, [alias.name]))
        elif isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names
                      if alias.name == "graph" or alias.name.startswith("graph.")]
    return found


def import_graph() -> nx.DiGraph:
    g = nx.DiGraph()
    for name, path in MODULES.items():
        g.add_node(name)
        for target, _ in imports(path):
            if target != name:
                g.add_edge(name, target)
    return g


def stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def test_graph_root_holds_only_the_face_the_model_and_the_cli() -> None:
    assert {p.name for p in PACKAGE.glob("*.py")} <= ROOT_FILES
    for folder in (p for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"):
        init = folder / "__init__.py"
        assert init.exists(), folder
        assert ast.get_docstring(ast.parse(init.read_text())), f"{init} says what it is for"


def test_no_import_cycle() -> None:
    g = import_graph()
    cycles = [sorted(c) for c in nx.strongly_connected_components(g) if len(c) > 1]
    assert cycles == []


def test_data_flows_one_way_through_the_stages() -> None:
    back = []
    for source, target in import_graph().edges:
        a, b = stage(source), stage(target)
        if a in RANK and b in RANK and RANK[a] < RANK[b] and (source, target) not in ALLOWED_BACK:
            back.append(f"{source} -> {target}")
    assert back == []


def test_no_private_name_is_imported_from_another_module() -> None:
    private = [f"{name}: {target}.{imported}"
               for name, path in MODULES.items() for target, names in imports(path)
               for imported in names if imported.startswith("_")]
    assert private == []


def test_names_come_from_the_module_that_defines_them() -> None:
    """No re-exports between modules: ``from graph.x import name`` names a module of graph.x
    that defines ``name`` itself (the public face, graph/__init__.py, aside)."""

    def defined(path: Path) -> set[str]:
        names = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Assign):
                names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names.add(node.target.id)
        return names

    wrong = []
    for name, path in MODULES.items():
        for target, names in imports(path):
            if target == "graph" or target not in MODULES:
                continue
            missing = [n for n in names if n not in defined(MODULES[target])]
            wrong += [f"{name} imports {target}.{n}" for n in missing]
    assert wrong == []


def test_one_class_per_name() -> None:
    classes: dict[str, list[str]] = {}
    for name, path in MODULES.items():
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef):
                classes.setdefault(node.name, []).append(name)
    assert {k: v for k, v in classes.items() if len(v) > 1} == {}


def test_the_public_face_is_importable_as_listed() -> None:
    for name in graph.__all__:
        assert getattr(graph, name) is not None, name
    assert {"open_store", "ingest", "claims", "claim_detail", "export", "ClaimFilter", "Status",
            "Article", "Claim", "StoreError", "IngestError"} <= set(graph.__all__)
