"""Per-feature MAP on CheckThat! t5 (tuning aid). Usage: eval_checkworthy_features.py DIR split"""

from __future__ import annotations

import sys

from graph.analyze.checkworthiness import WEIGHTS, features
from graph.evaluate.checkworthy import evaluate

if __name__ == "__main__":
    d, split = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "train"
    print("all", evaluate(d, split))
    for name in WEIGHTS:
        sign = 1 if WEIGHTS[name] >= 0 else -1
        res = evaluate(d, split, scorer=lambda s, n=name, g=sign: g * features(s)[n])
        print(f"{name:10s} {res['map']:.4f}")
        ablated = {k: (0.0 if k == name else v) for k, v in WEIGHTS.items()}
        from graph.analyze.checkworthiness import check_worthiness
        res2 = evaluate(d, split, scorer=lambda s, w=ablated: check_worthiness(s, w))
        print(f"   without {name}: {res2['map']:.4f}")
