# Two commands matter: `make demo` and `make test`. Both install what they need first.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install demo test lint clean

install: $(STAMP)

$(STAMP): pyproject.toml web/package-lock.json
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 not found: install it or run 'make PYTHON=/path/to/python3.11 ...'"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	cd web && npm ci --no-audit --no-fund && node build.mjs
	touch $(STAMP)

demo: install
	$(BIN)/eventcoder extract examples/articles.jsonl --db events.duckdb
	$(BIN)/eventcoder export --db events.duckdb --format csv -o events.csv
	@echo "Wrote events.duckdb and events.csv"

# The review page's browser tests drive Debian's Chromium (never a browser download).
CHROMIUM := /usr/bin/chromium
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else \
		echo "The review page tests need Debian's Chromium: run 'sudo apt-get install chromium'"; exit 1; \
	fi

test: install $(CHROMIUM)
	$(BIN)/python -m pytest -q -n 2

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

clean:
	rm -rf $(VENV) events.duckdb events.csv .pytest_cache
