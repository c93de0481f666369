"""Train the analyzer's language model on UD English EWT and ship it inside the package.

    python scripts/model/train.py [--treebank ../shared/nlp/ud-english-ewt] [--work build/model]

EWT train trains, EWT dev selects the best checkpoint, EWT test gives the reported scores
(written to graph/analyze/model/scores.json). The shipped model is CC BY-SA 4.0 like the treebank
it was trained on; its LICENSE and attribution are written beside it.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFIG = Path(__file__).with_name("config.cfg")
TARGET = ROOT / "graph" / "analyze" / "model"
MODEL_NAME = "claimgraph_ewt"
SPLITS = ("train", "dev", "test")

ATTRIBUTION = """\
en_claimgraph_ewt: morphologizer, dependency parser and lemmatizer for English.

Trained by claimgraph (scripts/model/train.py, `make model`) on the Universal Dependencies English
Web Treebank (UD_English-EWT): train split for training, dev split for model selection, test split
for the scores in scores.json.

  UD English EWT. Universal Dependencies. Natalia Silveira, Timothy Dozat, Marie-Catherine de
  Marneffe, Samuel Bowman, Miriam Connor, John Bauer and Christopher D. Manning (2014). A Gold
  Standard Dependency Corpus for English. LREC 2014. https://universaldependencies.org/
  Licensed under CC BY-SA 4.0.

This model is a derived work of the treebank and is distributed under the same licence,
Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0):
https://creativecommons.org/licenses/by-sa/4.0/legalcode
The code of claimgraph is Apache-2.0; this folder is CC BY-SA 4.0.
"""

log = logging.getLogger("train-model")


def run(*args: str) -> None:
    log.info("$ %s", " ".join(args))
    subprocess.run(args, check=True)


def convert(treebank: Path, corpus: Path) -> dict[str, Path]:
    corpus.mkdir(parents=True, exist_ok=True)
    paths = {}
    for split in SPLITS:
        source = treebank / f"en_ewt-ud-{split}.conllu"
        if not source.is_file():
            raise SystemExit(f"{source}: treebank file not found")
        target = corpus / f"{source.stem}.spacy"
        if not target.exists():
            run(sys.executable, "-m", "spacy", "convert", str(source), str(corpus),
                "--converter", "conllu", "--n-sents", "10")
        paths[split] = target
    return paths


def evaluate(model: Path, test: Path, out: Path) -> dict[str, float]:
    run(sys.executable, "-m", "spacy", "evaluate", str(model), str(test), "--output", str(out))
    scores = json.loads(out.read_text())
    return {
        "upos": round(100 * scores["pos_acc"], 2),
        "morph": round(100 * scores["morph_acc"], 2),
        "uas": round(100 * scores["dep_uas"], 2),
        "las": round(100 * scores["dep_las"], 2),
        "lemma": round(100 * scores["lemma_acc"], 2),
        "words_per_second": int(scores["speed"]),
    }


def ship(model: Path, scores: dict[str, float]) -> None:
    from importlib.metadata import version

    import spacy

    nlp = spacy.load(model)
    nlp.meta.update({
        "name": MODEL_NAME,
        "version": version("claimgraph"),
        "license": "CC BY-SA 4.0",
        "author": "claimgraph",
        "sources": [{"name": "UD English EWT", "url": "https://universaldependencies.org/",
                     "license": "CC BY-SA 4.0"}],
        "description": "Trained on UD English EWT train; selected on dev; scores on test.",
    })
    nlp.meta.pop("performance", None)
    if TARGET.exists():
        shutil.rmtree(TARGET)
    nlp.to_disk(TARGET)
    config = TARGET / "config.cfg"  # the training paths are of the machine it was trained on
    config.write_text(re.sub(r'(?m)^(train|dev) = ".*"$', r"\1 = null", config.read_text()))
    (TARGET / "LICENSE").write_text(ATTRIBUTION)
    (TARGET / "scores.json").write_text(json.dumps(
        {"split": "UD English EWT test", "scores": scores}, indent=2) + "\n")


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--treebank", type=Path, default=ROOT.parent / "shared/nlp/ud-english-ewt")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "model")
    parser.add_argument("--max-steps", type=int, default=None)
    args = parser.parse_args()
    corpus = convert(args.treebank, args.work / "corpus")
    output = args.work / "training"
    overrides = [f"--paths.train={corpus['train']}", f"--paths.dev={corpus['dev']}"]
    if args.max_steps:
        overrides.append(f"--training.max_steps={args.max_steps}")
    run(sys.executable, "-m", "spacy", "train", str(CONFIG), "--output", str(output), *overrides)
    best = output / "model-best"
    scores = evaluate(best, corpus["test"], args.work / "test-scores.json")
    log.info("EWT test: %s", json.dumps(scores))
    ship(best, scores)
    log.info("shipped %s (%s)", TARGET, MODEL_NAME)


if __name__ == "__main__":
    main()
