# `make run` and `make test` set themselves up on a fresh machine with Python 3.11 and make.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_STORE ?= data/store
PORT ?= 8501

.PHONY: run test test-fast lint demo bench bench-quick clean chromium model

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/claimgraph ingest data/demo --store $(DEMO_STORE) --quiet

run: demo
	CLAIMGRAPH_STORE=$(DEMO_STORE) $(BIN)/streamlit run app.py --server.headless true \
	  --server.port $(PORT) --server.address 127.0.0.1 --browser.gatherUsageStats false

# Browser tests need Debian's Chromium; install it when we can (root with apt-get).
chromium:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
	  >/dev/null || echo "could not install chromium; browser tests will skip"; fi

test: $(STAMP) chromium
	$(BIN)/ruff check graph tests app.py
	$(BIN)/python -m pytest -q -n 2 --dist loadfile

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -x -m "not browser and not eval"

lint: $(STAMP)
	$(BIN)/ruff check graph tests app.py

bench: $(STAMP)
	$(BIN)/claimgraph bench

bench-quick: $(STAMP)
	$(BIN)/claimgraph bench --quick

clean:
	rm -rf $(VENV) $(DEMO_STORE) .pytest_cache

# The analyzer's language model, trained on ../shared/nlp/ud-english-ewt and committed in
# graph/analyze/model/ (about 5 MB); not run in CI.
model: $(STAMP)
	$(BIN)/python scripts/model/train.py
