"""PolNeAR attribution scores with per-span precision/recall (tuning aid).

Usage: .venv/bin/python scripts/eval_polnear_detail.py ../shared/eval/polnear/dev [limit]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from graph.evaluate.attribution import evaluate_docs, iter_docs

if __name__ == "__main__":
    lim = int(sys.argv[2]) if len(sys.argv) > 2 else None
    print(json.dumps(evaluate_docs(iter_docs(Path(sys.argv[1]), lim), detail=True)))
