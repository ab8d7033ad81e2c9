# Two commands do all the set-up on a fresh machine (Debian, Python 3.11):
#   make demo   install, audit the bundled demo shop, write reports/demo/
#   make test   install, run the whole test suite (what CI runs)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: install demo test test-fast bench clean

$(BIN)/.installed: pyproject.toml
	scripts/ensure-chromium.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/.installed

demo: install
	$(BIN)/python scripts/demo.py

test: install
	$(BIN)/python -m pytest

test-fast: install
	$(BIN)/python -m pytest -m "not browser and not integration"

bench: install
	$(BIN)/python bench/bench.py

clean:
	rm -rf $(VENV) reports/demo reports/latest .pytest_cache
