"""Scores of the claim analyzer against public research datasets (../shared/eval).

- :mod:`graph.evaluate.attribution` - PolNeAR attribution (sentence, source, cue, content F1)
- :mod:`graph.evaluate.hedge` - BioScope / SFU Review sentence-level speculation F1
- :mod:`graph.evaluate.checkworthy` - CheckThat! 2020 task 5 check-worthiness MAP

Each ``evaluate`` returns a plain dict (printed as one JSON line by the CLI).
Accuracy floors for the dev portions are in ``floors.json`` (used by tests/test_eval_gate.py).
"""
