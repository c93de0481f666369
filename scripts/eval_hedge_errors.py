"""Print hedge-detection errors (tuning aid).

Usage: eval_hedge_errors.py PATH [split] [fn|fp] [N]
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

from graph.analyze.hedging import find_hedges
from graph.evaluate.hedge import iter_sentences, profile_for
from graph.model import Span

if __name__ == "__main__":
    path = Path(sys.argv[1])
    split = sys.argv[2] if len(sys.argv) > 2 else "train"
    kind = sys.argv[3] if len(sys.argv) > 3 else "fn"
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 30
    rows = []
    c: Counter[str] = Counter()
    for text, gold in iter_sentences(path, split):
        cues = find_hedges(text, Span(0, len(text)), profile_for(path))
        if kind == "fn" and gold and not cues:
            rows.append(text)
        elif kind == "fp" and cues and not gold:
            c.update(x.text.lower() for x in cues)
            rows.append(f"{[x.text for x in cues]} || {text}")
    random.Random(1).shuffle(rows)
    print("\n".join(r[:200] for r in rows[:n]))
    print(len(rows), c.most_common(40))
