"""Measure every evaluation on its dev portion and print the numbers (and suggested floors).

Usage: .venv/bin/python scripts/eval_all_dev.py [EVAL_DIR]   (default ../shared/eval)
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

from graph.evaluate import attribution, checkworthy, hedge, negation

if __name__ == "__main__":
    ev = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/eval")
    results = {
        "polnear_dev": attribution.evaluate(ev / "polnear" / "dev"),
        "bioscope_dev": hedge.evaluate(ev / "hedge" / "bioscope" / "abstracts.xml", "dev"),
        "sfu_dev": hedge.evaluate(ev / "hedge" / "sfu", "dev"),
        "bioscope_dev_news_profile": hedge.evaluate(
            ev / "hedge" / "bioscope" / "abstracts.xml", "dev", "news"),
        "sfu_dev_news_profile": hedge.evaluate(ev / "hedge" / "sfu", "dev", "news"),
        "bioscope_negation_dev": negation.evaluate(
            ev / "hedge" / "bioscope" / "abstracts.xml", "dev"),
        "sfu_negation_dev": negation.evaluate(ev / "hedge" / "sfu", "dev"),
        "checkthat_dev": checkworthy.evaluate(ev / "checkthat2020-t5" / "train", "dev"),
        "checkthat_all50": checkworthy.evaluate(ev / "checkthat2020-t5" / "train"),
    }
    for name, res in results.items():
        print(name, json.dumps(res))
    floors = {
        name: {k: math.floor((v - 0.01) * 100) / 100 for k, v in res.items()
               if isinstance(v, float)}
        for name, res in results.items() if name in ("polnear_dev", "bioscope_dev", "sfu_dev",
                                                     "bioscope_negation_dev", "sfu_negation_dev",
                                                     "checkthat_dev")
    }
    print("suggested floors", json.dumps(floors, indent=1))
