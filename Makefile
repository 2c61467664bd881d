# The two commands of the README's quickstart are `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# SKIP_INSTALL=1 uses the environment in VENV as it is (the quickstart test does this).
SKIP_INSTALL ?=

.PHONY: demo install test lint format screenshot bench clean

demo: install
	$(BIN)/diplograph build
	$(BIN)/diplograph query partners -p region=batang
	$(BIN)/diplograph explore
	@echo
	@echo "Outputs:"
	@echo "  graph/build/dataset/dataset.trig   the dataset (one named graph per source)"
	@echo "  graph/build/dataset/store/         the embedded Oxigraph store that queries use"
	@echo "  graph/build/explorer.html          the explorer page: open it in a browser"

install:
ifeq ($(SKIP_INSTALL),)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
endif

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts

format: install
	$(BIN)/ruff format src tests scripts
	$(BIN)/ruff check --fix src tests scripts

screenshot: install
	$(BIN)/python scripts/screenshot.py

bench: install
	$(BIN)/python scripts/bench.py

clean:
	rm -rf graph/build
