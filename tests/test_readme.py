"""The README's "Use it from Python" block runs as written (on a store in a temporary folder)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def python_block(heading: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split(f"## {heading}\n", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_the_python_example_ingests_and_lists_claims(tmp_path: Path) -> None:
    code = python_block("Use it from Python")
    assert "/tmp/claimgraph-demo" in code
    code = code.replace("/tmp/claimgraph-demo", str(tmp_path / "store"))
    code += "\nassert turtle.startswith(b'@prefix') and b'schema:Claim' in turtle\n"
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert re.match(r"12 articles, \d+ claims, 0 failures", lines[0]), lines[0]
    assert len(lines) == 4 and all(line.startswith("disputed ") for line in lines[1:])
