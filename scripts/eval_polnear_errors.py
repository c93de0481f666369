"""Print attribution errors on a PolNeAR split (for error analysis; not used by the gate).

Usage: .venv/bin/python scripts/eval_polnear_errors.py ../shared/eval/polnear/train [N] [kind]
kind: fn (missed sentences) | fp (spurious) | src (source mismatches) | cue (cue mismatches)
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

from graph.analyze.attribution import find_attributions
from graph.analyze.sentences import split_sentences
from graph.evaluate.attribution import _norm, _overlaps, iter_docs


def main() -> None:
    directory = Path(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    kind = sys.argv[3] if len(sys.argv) > 3 else "fn"
    rows: list[str] = []
    counter: Counter[str] = Counter()
    for doc in iter_docs(directory):
        t = doc.text
        for s in split_sentences(t, []):
            atts = find_attributions(t, s)
            gcues = [c for c in doc.spans["Cue"] if _overlaps([(s.start, s.end)], c)]
            gsrc = [c for c in doc.spans["Source"] if _overlaps([(s.start, s.end)], c)]
            sent = t[s.start : s.end].replace("\n", " ")
            if kind == "fn" and gcues and not atts:
                cues = [t[a:b] for c in gcues for a, b in c]
                counter.update(c.lower() for c in cues)
                rows.append(f"{cues} || {sent}")
            elif kind == "fp" and atts and not gcues:
                counter.update(a.cue_text.lower() for a in atts if a.cue_text)
                rows.append(f"{[a.cue_text for a in atts]} || {sent}")
            elif kind == "cuefp":
                for a in atts:
                    if a.cue and not any(_overlaps([(a.cue.start, a.cue.end)], g) for g in gcues):
                        counter.update([a.cue_text.lower()])
                        rows.append(f"{a.cue_text!r} || {sent}")
            elif kind == "cuefn":
                for g in gcues:
                    if not any(a.cue and _overlaps([(a.cue.start, a.cue.end)], g) for a in atts):
                        gt = " ".join(t[x:y] for x, y in g)
                        counter.update([gt.lower()])
                        rows.append(f"{gt!r} || {sent}")
            elif kind in ("src", "cue", "content") and atts and gcues:
                gcont = [c for c in doc.spans["Content"] if _overlaps([(s.start, s.end)], c)]
                gold = {"src": gsrc, "cue": gcues, "content": gcont}[kind]
                gnorm = {_norm(t, g) for g in gold}
                for a in atts:
                    sp = {"src": a.source, "cue": a.cue, "content": a.content}[kind]
                    if sp is None:
                        continue
                    pn = _norm(t, [(sp.start, sp.end)])
                    if pn not in gnorm:
                        g_txt = [t[x:y] for x, y in gnorm]
                        counter.update([f"{t[pn[0]:pn[1]]} -> {g_txt}"])
                        rows.append(f"pred={t[pn[0]:pn[1]]!r} gold={g_txt} || {sent}")
    random.Random(0).shuffle(rows)
    for r in rows[:n]:
        print(r)
    print(len(rows), counter.most_common(40))


if __name__ == "__main__":
    main()
